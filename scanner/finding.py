"""Findings: what a rule reports, the fixed vocabularies it uses, and their fingerprints."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use info, warning or error)") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Category(str, Enum):
    """The fixed vocabulary of finding categories."""

    SPIN = "spin"
    BOILERPLATE = "boilerplate"
    SPAM = "spam"
    REPETITION = "repetition"
    LANGUAGE = "language"
    TYPOGRAPHY = "typography"
    HEADLINE = "headline"
    READABILITY = "readability"

    @classmethod
    def parse(cls, value: str | Category) -> Category:
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(c.value for c in cls)
            raise ValueError(f"unknown category {value!r} (use one of: {names})") from None


@dataclass(slots=True)
class Finding:
    """One problem found in one document.

    ``start``/``end`` are code-point offsets into the document text as given; both are
    ``None`` for whole-document findings. ``line``/``column`` are 1-based and filled in
    by the engine from ``start``.
    """

    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    excerpt: str | None = None
    suggestion: str | None = None
    data: dict[str, Any] | None = None
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as the published JSON object."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "data": self.data,
        }

    def fingerprint(self) -> str:
        """A stable id for baselines: rule plus normalised excerpt (position independent); a
        whole-document finding's is its rule alone, as its message holds figures that any
        edit changes ("Only 16 words")."""
        import hashlib

        what = self.excerpt or ("" if self.start is None else self.message)
        basis = f"{self.rule}\0{' '.join(what.split()).lower()}"
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def fingerprint_copies(findings: list[Finding]) -> list[tuple[str, int]]:
    """The fingerprint of each of a record's ``findings`` (in their order) and which copy of
    that fingerprint it is: 0 for the first in document order (a whole-document finding
    first), 1 for the next, and so on."""
    copies: list[tuple[str, int]] = [("", 0)] * len(findings)
    seen: Counter[str] = Counter()
    for i in sorted(range(len(findings)), key=lambda i: _position(findings[i])):
        fingerprint = findings[i].fingerprint()
        copies[i] = (fingerprint, seen[fingerprint])
        seen[fingerprint] += 1
    return copies


def _position(finding: Finding) -> tuple[int, int]:
    return (-1, -1) if finding.start is None else (finding.start, finding.end)


@dataclass(slots=True)
class Example:
    """A rule's own example: text that must (or must not) be flagged."""

    text: str
    title: str | None = None
    flagged: bool = True
    meta: dict[str, Any] = field(default_factory=dict)
