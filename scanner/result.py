"""ScanResult: the outcome for one input record, as published and as reporters see it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scanner.finding import Finding, Severity

if TYPE_CHECKING:  # (scanner.io loads every reader: not for the reporters' imports)
    from scanner.io.records import Origin

SCHEMA_VERSION = "1.0"


@dataclass(slots=True)
class ScanResult:
    """One record's result: findings and scores, or an error.

    ``origin`` is where its record was read (:class:`~scanner.io.records.Origin`), for
    reporters that place findings in files (SARIF, GitHub annotations). It is not published:
    the 1.0 record schema is closed (``additionalProperties: false``), so consumers that
    validate records against it would reject one more member, and ``id`` and ``source``
    already name the record for them. ``text`` is the scanned text (kept for reporters that show excerpts in context; it is
    not part of the published record); ``from_html`` says it was extracted from a page, so
    its lines are not the file's. ``ignore_comment_problems`` says what is wrong with the
    record's ``<!-- spinscan: ... -->`` comments (:func:`scanner.suppress.ignore_comment_problems`),
    for the caller to warn of; it is not published either.
    """

    id: str
    source: str | None = None
    origin: Origin | None = None
    title: str | None = None
    language: str | None = None
    scores: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    text: str | None = None
    from_html: bool = False
    ignore_comment_problems: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The published JSON object (see ``schema/record.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "language": self.language,
            "scores": self.scores,
            "findings": [f.to_dict() for f in self.findings],
            "error": self.error,
        }

    def worst_severity(self) -> Severity | None:
        """The most severe finding's severity, or None without findings."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
