"""Run-wide counters shared by the reporters' summaries (constant memory per document)."""
from __future__ import annotations

from collections import Counter
from typing import Any

from scanner.finding import Category, Severity
from scanner.result import ScanResult


class Tally:
    """Counts of documents, errors and findings by severity, category and rule."""

    def __init__(self) -> None:
        self.documents = 0
        self.errors = 0
        self.flagged = 0
        self.severity: Counter[str] = Counter()
        self.category: Counter[str] = Counter()
        self.rule: Counter[str] = Counter()
        self._score_sums = {"spin": [0.0, 0], "quality": [0.0, 0]}

    def add(self, result: ScanResult) -> None:
        """Count one result."""
        self.documents += 1
        self.errors += result.error is not None
        self.flagged += bool(result.findings)
        for finding in result.findings:
            self.severity[finding.severity.value] += 1
            self.category[finding.category.value] += 1
            self.rule[finding.rule] += 1
        for name, acc in self._score_sums.items():
            value = (result.scores or {}).get(name)
            if isinstance(value, int | float):
                acc[0] += value
                acc[1] += 1

    @property
    def findings(self) -> int:
        return sum(self.severity.values())

    def mean(self, score: str) -> float | None:
        """Mean of a score over the documents that have it, or None."""
        total, count = self._score_sums[score]
        return total / count if count else None

    def to_dict(self) -> dict[str, Any]:
        """The ``summary`` object of the JSON report (fixed key order, zero counts kept)."""
        means = {name: self.mean(name) for name in self._score_sums}
        return {
            "documents": self.documents,
            "documents_with_findings": self.flagged,
            "errors": self.errors,
            "findings": self.findings,
            "by_severity": {s.value: self.severity[s.value] for s in Severity},
            "by_category": {c.value: self.category[c.value] for c in Category},
            "by_rule": dict(sorted(self.rule.items())),
            "mean_spin": None if means["spin"] is None else round(means["spin"], 4),
            "mean_quality": None if means["quality"] is None else round(means["quality"], 2),
        }
