"""GitHub Actions workflow commands: one annotation line per finding.

``::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=T::message``, with ``notice``
for info findings. Per the runner's escaping rules, ``%``, CR and LF are percent-encoded in
the message, and ``:`` and ``,`` too in property values. Column ranges are only given when a
finding starts and ends on the same line (the runner rejects them otherwise).
"""
from __future__ import annotations

from typing import Any, TextIO

from scanner.finding import Finding, Severity
from scanner.report.sarif import place, placed_findings
from scanner.result import ScanResult

COMMANDS = {Severity.INFO: "notice", Severity.WARNING: "warning", Severity.ERROR: "error"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """One workflow command line (properties that are None are left out)."""
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(finding: Finding, file: str, span: dict[str, Any] | None, message: str) -> str:
    """The workflow command for one finding placed at ``span`` (a SARIF region, or None)."""
    span = span or {}
    one_line = span.get("startLine") == span.get("endLine")
    return command(
        COMMANDS[finding.severity], message,
        file=file,
        line=span.get("startLine"),
        col=span.get("startColumn") if one_line else None,
        endLine=span.get("endLine"),
        endColumn=span.get("endColumn") if one_line else None,
        title=f"{finding.rule} {finding.name}",
    )


class GithubReporter:
    """Writes one annotation per finding and one ``::error`` per unreadable record."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def add(self, result: ScanResult) -> None:
        where = place(result)
        if result.error is not None:
            self.stream.write(command("error", result.error, file=where.file, line=where.line)
                              + "\n")
            return
        for finding, span, message in placed_findings(result, where):
            self.stream.write(annotation(finding, where.file, span, message) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()
