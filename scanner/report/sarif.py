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
from typing import Any, TextIO
from urllib.parse import quote

from scanner.finding import Finding, Severity
from scanner.report.context import LineIndex
from scanner.report.jsonfmt import dumps
from scanner.result import ScanResult
from scanner.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/spinscan/spinscan"
LEVELS = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # not "feed.jsonl:3", a record's place


def artifact_uri(result: ScanResult) -> str:
    """The record's source (or id) as a URI reference: URLs (``scheme://``) as they are,
    absolute paths as ``file://`` URIs, relative paths (``feed.jsonl:3`` too) percent-encoded
    with forward slashes."""
    location = result.source or result.id
    if _SCHEME_RE.match(location):
        return location
    path = PureWindowsPath(location) if "\\" in location else PurePosixPath(location)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


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


def result_message(finding: Finding, quote: bool = False) -> str:
    """The finding's message, with its excerpt when ``quote`` and its suggestion when it has
    one."""
    message = finding.message
    if quote and finding.excerpt:
        message += f" (in the page text: {' '.join(finding.excerpt.split())!r})"
    if finding.suggestion:
        message += f" (suggestion: {finding.suggestion})"
    return message


def placed_findings(result: ScanResult) -> Iterator[tuple[Finding, dict[str, Any] | None, str]]:
    """Each finding of ``result`` with its region and message. A page's findings get no
    region, as their lines and columns count in its extracted text, not in the file: their
    message quotes the excerpt instead."""
    lines = (LineIndex(result.text)
             if result.text is not None and not result.from_html else None)
    for finding in result.findings:
        span = None if result.from_html else region(finding, lines)
        yield finding, span, result_message(finding, quote=result.from_html)


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
        uri = artifact_uri(result)
        if result.error is not None:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
            return
        for finding, span, message in placed_findings(result):
            location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if span is not None:
                location["region"] = span
            item = {
                "ruleId": finding.rule,
                "ruleIndex": self._rule_index(finding),
                "level": LEVELS[finding.severity],
                "message": {"text": message},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"spinscanFingerprint/v1": finding.fingerprint()},
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
