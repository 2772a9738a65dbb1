"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

Results are streamed as they arrive; the run's ``tool`` (with the rule catalogue) and
``invocations`` (with one notification per record that could not be scanned) are written at
the end, which JSON allows since object members are unordered. Columns and character offsets
are Unicode code points (``columnKind: unicodeCodePoints``), exactly as in the records.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, NamedTuple, TextIO
from urllib.parse import quote

from scanner.finding import Finding, Severity, fingerprint_copies
from scanner.report.context import LineIndex
from scanner.report.jsonfmt import dumps
from scanner.result import ScanResult
from scanner.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/spinscan/spinscan"
LEVELS = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class Place(NamedTuple):
    """Where a result's findings are annotated: a file (or URL); for a record read from a file
    of many (JSONL, CSV, WARC, feed), that file, the record's line in it (JSONL and CSV) and
    the record's id, as its findings' lines and columns count in its own text."""

    file: str
    line: int | None = None
    record: str | None = None

    def region(self) -> dict[str, Any] | None:
        """The SARIF region of the record's line, or None."""
        return {"startLine": self.line} if self.line else None


def place(result: ScanResult) -> Place:
    """The place of a result: the file its record was read from (its origin), with the line
    (JSONL, CSV) and id of a record of a file of many, whatever the record's source (a URL);
    a result without an origin (built by hand) is placed on its source or id."""
    origin = result.origin
    if origin is None:
        return Place(result.source or result.id)
    if origin.whole_file:
        return Place(origin.file)
    return Place(origin.file, origin.line, result.id)


def artifact_uri(location: str) -> str:
    """A file or URL as a URI reference: URLs (``scheme://``) as they are, absolute paths as
    ``file://`` URIs, relative paths percent-encoded with forward slashes."""
    if _SCHEME_RE.match(location):
        return location
    path = PureWindowsPath(location) if "\\" in location else PurePosixPath(location)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def physical_location(uri: str, span: dict[str, Any] | None) -> dict[str, Any]:
    """A SARIF ``physicalLocation``: the file ``uri`` (:func:`artifact_uri`) and ``span`` (a
    region, or None)."""
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if span is not None:
        location["region"] = span
    return location


def rule_descriptor(rule_id: str, rule: Rule | None, finding: Finding | None = None,
                    ) -> dict[str, Any]:
    """A ``reportingDescriptor`` from the rule's metadata (or, for a rule the catalogue does
    not know, from what its finding says)."""
    if rule is None:
        assert finding is not None
        return {"id": rule_id, "name": finding.name,
                "shortDescription": {"text": finding.name},
                "defaultConfiguration": {"level": LEVELS[finding.severity]},
                "properties": {"category": finding.category.value}}
    docs = rule.docs.strip() or rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": docs},
        "help": {"text": docs, "markdown": f"**{rule.id} {rule.name}**: {docs}"},
        "defaultConfiguration": {"level": LEVELS[Severity.parse(rule.severity)]},
        "properties": {"category": rule.category.value},
    }


def result_message(finding: Finding, context: str | None = None) -> str:
    """The finding's message; with ``context`` (where its excerpt lies: "in the page text",
    "in record 'c0'"), that and the excerpt; and its suggestion when it has one."""
    message = finding.message
    if context:
        excerpt = " ".join((finding.excerpt or "").split())
        message += f" ({context}: {excerpt!r})" if excerpt else f" ({context})"
    if finding.suggestion:
        message += f" (suggestion: {finding.suggestion})"
    return message


def placed_findings(result: ScanResult, where: Place,
                    ) -> Iterator[tuple[Finding, dict[str, Any] | None, str]]:
    """Each finding of ``result``, at ``where``, with its region and message. A record of a
    file of many has its findings placed at its line (if it has one) and a page on its file,
    as their lines and columns count in the record's or the page's text: their message names
    the record and quotes the excerpt instead."""
    context = excerpt_context(result, where)
    lines = (LineIndex(result.text)
             if result.text is not None and context is None else None)
    for finding in result.findings:
        span = where.region() if context else region(finding, lines)
        yield finding, span, result_message(finding, context)


def excerpt_context(result: ScanResult, where: Place) -> str | None:
    """Where the excerpts of a result's findings lie when their lines are not the file's
    ("in record 'c0'", "in the page text"), else None."""
    if where.record is not None:
        return f"in record {where.record!r}"
    return "in the page text" if result.from_html else None


def region(finding: Finding, lines: LineIndex | None) -> dict[str, Any] | None:
    """The SARIF region of a finding, or None for a whole-document finding."""
    if finding.start is None:
        return None
    end = finding.end if finding.end is not None else finding.start
    if lines is not None:
        start_line, start_col = lines.line_col(finding.start)
        end_line, end_col = lines.line_col(end)
    else:  # no text kept: the excerpt is text[start:end]
        start_line, start_col = finding.line or 1, finding.column or 1
        tail = (finding.excerpt or "").split("\n")
        end_line = start_line + len(tail) - 1
        end_col = (start_col if len(tail) == 1 else 1) + len(tail[-1])
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line,
            "endColumn": end_col, "charOffset": finding.start, "charLength": end - finding.start}


def sarif_fingerprint(fingerprint: str, copy: int) -> str:
    """A result's partial fingerprint: its finding's (baseline) fingerprint, followed for a
    later copy of it in the same record by its number (``…:2``, ``…:3``), so that dashboards,
    which merge results of one fingerprint, keep every copy; the first copy's is the bare
    fingerprint, as before copies were numbered."""
    return fingerprint if copy == 0 else f"{fingerprint}:{copy + 1}"


class SarifReporter:
    """Streams one SARIF 2.1.0 log with one run."""

    def __init__(self, stream: TextIO, rules: Mapping[str, Rule] | None, tool_version: str) -> None:
        self.stream = stream
        self.rules = dict(rules or {})
        self.index = {rule_id: i for i, rule_id in enumerate(self.rules)}
        self.extra: dict[str, dict[str, Any]] = {}  # descriptors of rules not in the catalogue
        self.notifications: list[dict[str, Any]] = []
        self.tool_version = tool_version
        self.count = 0
        stream.write('{"$schema":' + dumps(SCHEMA_URI) + ',"version":"2.1.0","runs":[{"results":[')

    def _rule_index(self, finding: Finding) -> int:
        if finding.rule not in self.index:
            self.index[finding.rule] = len(self.index)
            self.extra[finding.rule] = rule_descriptor(finding.rule, None, finding)
        return self.index[finding.rule]

    def add(self, result: ScanResult) -> None:
        where = place(result)
        uri = artifact_uri(where.file)  # once per result, not per finding
        if result.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": physical_location(uri, where.region())}],
            })
            return
        copies = fingerprint_copies(result.findings)
        for (finding, span, message), (fingerprint, copy) in zip(
                placed_findings(result, where), copies):
            item = {
                "ruleId": finding.rule,
                "ruleIndex": self._rule_index(finding),
                "level": LEVELS[finding.severity],
                "message": {"text": message},
                "locations": [{"physicalLocation": physical_location(uri, span)}],
                "partialFingerprints": {"spinscanFingerprint/v1": sarif_fingerprint(
                    fingerprint, copy)},
                "properties": {"category": finding.category.value, "documentId": result.id},
            }
            self.stream.write(("," if self.count else "") + "\n" + dumps(item))
            self.count += 1

    def close(self) -> None:
        descriptors = [rule_descriptor(i, r) for i, r in self.rules.items()]
        driver = {"name": "spinscan", "version": self.tool_version,
                  "informationUri": INFORMATION_URI,
                  "rules": descriptors + list(self.extra.values())}
        invocation = {"executionSuccessful": not self.notifications,
                      "toolExecutionNotifications": self.notifications}
        self.stream.write('\n],"tool":{"driver":' + dumps(driver) + '},"invocations":['
                          + dumps(invocation) + '],"columnKind":"unicodeCodePoints"}]}\n')
        self.stream.flush()
