"""SPN100: word swaps of one copy of a story against the other copies (a corpus rule).

The analysis itself lives in :mod:`scanner.crossdoc`; ``spinscan audit --crossdoc`` runs it
over a whole feed with bounded memory. This module gives it a place in the registry (docs,
examples, ``spinscan rule SPN100``) and runs it over a small set of documents.
"""
from __future__ import annotations

from scanner.crossdoc import RULE_ID, RULE_NAME, Sketches, analyze_cluster
from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.rule import CorpusRule, flag, ok

_ORIGINAL = (
    "The government announced new missiles for the army on Tuesday. Officials said the weapons "
    "would protect the region from attacks. The minister said the decision was important for "
    "national security and would cost billions. Critics warned that the plan was expensive and "
    "said the money should help schools and hospitals in the north of the country."
)
_SPUN = (
    "The government announced new rockets for the army on Tuesday. Officials stated the weapons "
    "would safeguard the region from attacks. The minister stated the choice was crucial for "
    "national security and would cost billions. Critics cautioned that the plan was costly and "
    "said the money should assist schools and hospitals in the north of the country."
)


class CrossCopySubstitution(CorpusRule):
    id = RULE_ID
    name = RULE_NAME
    category = Category.SPIN
    severity = Severity.WARNING
    summary = "A copy of a story swaps words that the other copies agree on (audit --crossdoc)."
    docs = """
Runs over a corpus, not a single article: `spinscan audit --crossdoc` clusters the articles
that tell one story (MinHash LSH over salient terms), picks the likely original (lowest spin
score, then the wording most shared with the other copies), aligns every other copy with the
copies ranked above it and reports each one-for-one word substitution ("rockets" where the
others say "missiles"), with the other copies' wording as the suggestion. A copy is flagged
only when at least 3 % of its aligned words are swapped, six of them single content words:
lightly edited wire copies and independent write-ups stay below, spinner output does not
(`bench/crossdoc_eval.py`). `spinscan scan` does not run it.
"""
    examples = [ok(_ORIGINAL), flag(_SPUN)]

    def check_corpus(self, docs: list[Document],
                     spins: dict[str, float | None] | None = None) -> dict[str, list[Finding]]:
        """Findings by document id over ``docs``; ``spins`` are their spin scores (computed
        when not given, as ``scores.spin``: what ``audit --crossdoc`` ranks by), used to rank
        the likely original of each cluster."""
        if spins is None:
            from scanner.spin import spin_score

            spins = {doc.id: spin_score(doc)[0] for doc in docs}
        sketches = Sketches()
        for doc in docs:
            sketches.add(doc.id, doc.text)
        by_id = {doc.id: doc for doc in docs}
        found: dict[str, list[Finding]] = {}
        for ids in sketches.clusters():
            by_copy = analyze_cluster([by_id[i] for i in ids], [spins.get(i) for i in ids])[1]
            found.update((ids[k], copy_findings) for k, copy_findings in by_copy.items())
        return found


RULES = [CrossCopySubstitution]
