"""Phrase level: how far "restore a known technical term" can go on the PPS tortured phrases.

Idea measured (issue 4, not shipped as a rule): flag a content word pair that is not in the pair
table when swapping one of its words for a candidate original (the shipped candidate table,
``scanner.spin.tables``) gives a known multi-word term, suggesting the term. The known terms
come from offline dictionaries of correct terminology, read here at evaluation time only:

* ``wordnet``: WordNet 3.0 multi-word lemmas (Debian ``wordnet-base``);
* ``foldoc``: FOLDOC headwords, the Free On-line Dictionary of Computing (``dict-foldoc``);
* ``vera``: VERA acronym expansions (``dict-vera``);
* ``ding``: English side of the Ding German-English dictionary (``trans-de-en``).

Never the PPS list (not even its correct column). Terms are lower-cased, hyphens split, 2-3
words of letters. Only PPS half 0 (``spin_eval.pps_half``) is read; half 1 stays held out.

Prints (1) coverage: the share of half-0 rows whose correct phrase is a known term, and the
share that an exact restoration could reach (same length, each changed word's original among
its candidates; with ``--moby`` also through Moby Thesaurus II in both directions, uninflected);
(2) the detector per term source and candidate relation cost: tortured and correct phrases of
half 0 flagged in the carrier sentences of ``spin_eval``, and the share of clean
training-split articles (``clean_texts("train")``, first ``--articles``) with a finding.

Usage: ``PYTHONPATH=. python bench/spin_terms.py [--articles 600] [--moby words.txt]``
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections.abc import Callable
from itertools import islice
from pathlib import Path

import numpy as np
from spin_eval import CARRIERS, pps_half

from scanner.spin.analysis import word_ids
from scanner.spin.corpora import clean_texts, pps_pairs
from scanner.spin.tables import Tables, tables
from scanner.spin.thesauri import WORDNET_DIR, WordNet, read_moby
from scanner.spin.tokens import tokens_of

FOLDOC_INDEX = Path("/usr/share/dictd/foldoc.index")
VERA_DICT = Path("/usr/share/dictd/vera.dict.dz")
DING_FILE = Path("/usr/share/trans/de-en")
_WORD = re.compile(r"^[a-z]+$")
_BRACKETS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)")
Term = tuple[str, ...]


def term_of(text: str) -> Term | None:
    """``text`` as a lower-case term of 2-3 words of letters, or None."""
    words = _BRACKETS.sub(" ", text).lower().replace("-", " ").split()
    if 2 <= len(words) <= 3 and all(_WORD.match(w) for w in words):
        return tuple(words)
    return None


def _terms(items) -> set[Term]:
    return {t for t in map(term_of, items) if t}


def wordnet_terms() -> set[Term]:
    return _terms(lemma.replace("_", " ") for lemma, _ in WordNet().index)


def foldoc_terms() -> set[Term]:
    lines = FOLDOC_INDEX.read_text(encoding="utf-8").splitlines()
    return _terms(line.split("\t")[0] for line in lines)


def vera_terms() -> set[Term]:
    with gzip.open(VERA_DICT, "rt", encoding="utf-8", errors="replace") as handle:
        return _terms(line.strip().rstrip(",") for line in handle
                      if line.startswith("       ") and line.strip())


def ding_terms() -> set[Term]:
    parts = []
    with DING_FILE.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if "::" in line and not line.startswith("#"):
                parts += re.split(r"[;|]", line.split("::", 1)[1])
    return _terms(parts)


SOURCES: dict[str, tuple[Path, Callable[[], set[Term]]]] = {
    "wordnet": (WORDNET_DIR / "index.noun", wordnet_terms),
    "foldoc": (FOLDOC_INDEX, foldoc_terms),
    "vera": (VERA_DICT, vera_terms),
    "ding": (DING_FILE, ding_terms),
}


def pair_keys(table: Tables, terms: set[Term]) -> set[int]:
    """Pair keys of the adjacent words of every term whose words are all in the vocabulary."""
    keys = set()
    for term in terms:
        if all(w in table.index for w in term):
            ids = [table.index[w] for w in term]
            keys.update(a * table.size + b for a, b in zip(ids, ids[1:]))
    return keys


class TermRestorer:
    """The measured detector: an unattested content word pair one candidate swap away from a
    term pair (``max_cost``: loosest candidate relation used)."""

    def __init__(self, table: Tables, terms: set[int], known: set[int], max_cost: int) -> None:
        self.table, self.terms, self.known, self.max_cost = table, terms, known, max_cost

    def _candidates(self, word: int) -> list[int]:
        span = self.table.candidates(word)
        ok = self.table.cand_cost[span] <= self.max_cost
        return self.table.cand_ids[span][ok].tolist()

    def flags(self, text: str) -> bool:
        """Whether ``text`` has a pair the rule would flag."""
        table, size = self.table, self.table.size
        ids = word_ids(table, tokens_of(text))[0]
        content = (ids >= 0) & ~table.is_stop[np.maximum(ids, 0)]
        pairs = (content[:-1] & content[1:]).nonzero()[0]
        keys = ids[pairs] * size + ids[pairs + 1]
        unseen = table.pairs.codes(keys) < 0
        for key in keys[unseen].tolist():
            if key in self.known:  # the phrase itself is a term of some source
                continue
            a, b = divmod(key, size)
            if any(c * size + b in self.terms for c in self._candidates(a)) or any(
                    a * size + c in self.terms for c in self._candidates(b)):
                return True
        return False


def coverage(table: Tables, rows: list[tuple[Term | None, Term | None]], known: set[Term],
             moby: dict[str, list[str]] | None) -> None:
    """Print the share of ``rows`` (tortured, correct) whose correct phrase is a known term and
    the share an exact restoration could reach."""
    def from_table(word: str) -> set[str]:
        i = table.index.get(word)
        return set() if i is None else {
            table.words[j] for j in table.cand_ids[table.candidates(i)]}

    reverse: dict[str, set[str]] = {}
    for head, entries in (moby or {}).items():
        for entry in entries:
            reverse.setdefault(entry, set()).add(head)

    def with_moby(word: str) -> set[str]:
        return from_table(word) | reverse.get(word, set()) | set(moby.get(word, ()))

    n = len(rows)
    same = [(t, c) for t, c in rows if t and c and len(t) == len(c)]
    listed = [(t, c) for t, c in same if c in known]
    print(f"  half 0: {n} rows; both phrases 2-3 words of the same length: {len(same) / n:.1%}; "
          f"correct phrase a known term: {len(listed) / n:.1%}")
    ways = [("candidate table", from_table)] + ([("table + Moby", with_moby)] if moby else [])
    for via, candidates in ways:
        reach = [sum(all(a == b or b in candidates(a) for a, b in zip(t, c)) for t, c in pairs)
                 / n for pairs in (listed, same)]
        print(f"  exact restoration reachable through the {via}: {reach[0]:.1%} (if every "
              f"correct phrase were a known term: {reach[1]:.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=600,
                        help="clean training-split articles for the false-positive share")
    parser.add_argument("--moby", type=Path, default=None,
                        help="words.txt of Moby Thesaurus II (`npm pack moby`) for the bound")
    args = parser.parse_args()
    table = tables()
    sources = {name: read() for name, (path, read) in SOURCES.items() if path.exists()}
    missing = sorted(set(SOURCES) - set(sources))
    print("term sources (2-3 word terms): " + ", ".join(f"{k} {len(v)}" for k, v in
                                                        sources.items())
          + (f"; not installed: {', '.join(missing)}" if missing else ""))
    pps = [(t, c) for t, c in pps_pairs() if pps_half(t) == 0]
    rows = [(term_of(t), term_of(c)) for t, c in pps]
    known = set().union(*sources.values())
    print("(1) coverage of PPS half 0 (bounds the recall of exact term restoration):")
    for name, terms in sources.items():
        print(f"  correct phrase in {name}: {sum(c in terms for _, c in rows) / len(rows):.1%}")
    coverage(table, rows, known, read_moby(args.moby) if args.moby else None)

    print(f"(2) detector on PPS half 0 ({len(pps)} pairs) and {args.articles} clean "
          "training-split articles (source, max relation cost: tortured flagged, correct "
          "flagged, clean articles with a finding):")
    texts = [text for _, text in islice(clean_texts("train"), args.articles)]
    known_keys = pair_keys(table, known)
    groups = {**{name: (name,) for name in sources}, "all": tuple(sources)}
    for name, group in groups.items():
        terms = pair_keys(table, set().union(*(sources[s] for s in group)))
        for max_cost in (0, 3):
            rule = TermRestorer(table, terms, known_keys, max_cost)
            flagged = np.array([[rule.flags(CARRIERS[i % len(CARRIERS)].format(phrase))
                                 for phrase in pair] for i, pair in enumerate(pps)])
            clean = np.mean([rule.flags(text) for text in texts])
            print(f"  {name}, {max_cost}: {flagged[:, 0].mean():.1%}, "
                  f"{flagged[:, 1].mean():.1%}, {clean:.1%}")


if __name__ == "__main__":
    main()
