"""Cross-article analysis: clusters of copies of one story and the words each copy swapped.

1. :class:`~scanner.crossdoc.lsh.Sketches` clusters articles telling one story (MinHash LSH
   over salient terms, exact check).
2. :func:`analyze_cluster` picks the most likely original of a cluster (the lowest spin score,
   then the wording most shared with the other copies), aligns every other copy with the
   copies ranked above it (:mod:`scanner.crossdoc.align`) and reports the word substitutions
   with a per-copy substitution rate.
3. A copy whose substitutions reach :data:`MIN_RATE` of its aligned words, with at least
   :data:`MIN_SINGLE_SWAPS` one-content-word-for-another swaps, gets one SPN100
   ``cross-copy-substitution`` finding per substitution, its suggestion being the other
   copies' wording. Independent write-ups (which restructure more than they swap) and lightly
   edited wire copies stay below; spinner output does not (``bench/crossdoc_eval.py``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scanner.crossdoc.align import Alignment, align
from scanner.crossdoc.lsh import Sketches
from scanner.document import Document
from scanner.finding import Category, Finding, Severity

RULE_ID = "SPN100"
RULE_NAME = "cross-copy-substitution"
MIN_RATE = 0.03
MIN_SINGLE_SWAPS = 6
MAX_REFERENCES = 5  # a copy is aligned with at most this many higher-ranked copies
RANKING_REFERENCES = 8  # copies compared when ranking a member of a big cluster

__all__ = ["RULE_ID", "RULE_NAME", "ClusterReport", "Sketches", "analyze_cluster"]


@dataclass
class CopyReport:
    """One member of a cluster and its evidence."""

    id: str
    spin: float | None
    shared: float
    substitution_rate: float = 0.0
    substitutions: list[tuple[str, str]] = field(default_factory=list)
    flagged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "spin": self.spin, "shared": round(self.shared, 4),
                "substitution_rate": round(self.substitution_rate, 4),
                "substitutions": [list(pair) for pair in self.substitutions],
                "flagged": self.flagged}


@dataclass
class ClusterReport:
    """A cluster: its likely original first, then the copies in rank order."""

    original: str
    members: list[CopyReport]

    def to_dict(self) -> dict[str, Any]:
        swaps = Counter(pair for m in self.members for pair in m.substitutions)
        return {"original": self.original, "size": len(self.members),
                "members": [m.to_dict() for m in self.members],
                "top_substitutions": [[c, o, n] for (c, o), n in swaps.most_common(20)]}


def analyze_cluster(docs: list[Document], spins: list[float | None]
                    ) -> tuple[ClusterReport, dict[int, list[Finding]]]:
    """Rank a cluster's copies (``spins``: their spin scores, in the order of ``docs``), align
    each with those above it, and build SPN100 findings, by the copy's position in ``docs``
    (two records may share an id)."""
    ranked = _rank(docs, spins)
    first, first_doc, first_shared = ranked[0]
    members = [CopyReport(first_doc.id, spins[first], first_shared)]
    findings: dict[int, list[Finding]] = {}
    for position, (k, doc, shared) in enumerate(ranked[1:], start=1):
        references = [d for _, d, _ in ranked[:position]][:MAX_REFERENCES]
        alignment = align(doc, references)
        report = CopyReport(doc.id, spins[k], shared, alignment.rate,
                            [(s.copy, s.original) for s in alignment.substitutions])
        if alignment.rate >= MIN_RATE and alignment.single_swaps >= MIN_SINGLE_SWAPS:
            report.flagged = True
            findings[k] = _findings(doc, alignment, first_doc.id)
        members.append(report)
    return ClusterReport(members[0].id, members), findings


def _rank(docs: list[Document], spins: list[float | None]
          ) -> list[tuple[int, Document, float]]:
    """Members best-original first (with their positions in ``docs``): low spin score, then
    wording shared with the others."""
    scored = []
    for k, doc in enumerate(docs):
        others = [d for d in docs if d is not doc][:RANKING_REFERENCES]
        shared = align(doc, others).shared
        spin = spins[k]
        scored.append((shared - (0.5 if spin is None else spin), doc.id, k, doc, shared))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [(k, doc, shared) for _, _, k, doc, shared in scored]


def _findings(doc: Document, alignment: Alignment, original: str) -> list[Finding]:
    out = []
    rate = round(alignment.rate, 4)
    for swap in alignment.substitutions:
        line, column = doc.line_col(swap.start)
        out.append(Finding(
            rule=RULE_ID, name=RULE_NAME, category=Category.SPIN, severity=Severity.WARNING,
            message=(f"'{swap.copy}' where another copy of this story says '{swap.original}' "
                     f"({rate:.0%} of this copy's aligned words are swapped)"),
            start=swap.start, end=swap.end, excerpt=swap.copy, suggestion=swap.original,
            data={"reference": swap.reference, "original": original,
                  "substitution_rate": rate, "substitutions": len(alignment.substitutions)},
            line=line, column=column))
    return out
