"""Reporters: turn the stream of :class:`~scanner.result.ScanResult` into an output format.

``make_reporter(fmt, stream, ...)`` returns an object with ``add(result)`` (called once per
record, in input order) and ``close()`` (called once at the end). Every reporter streams:
memory stays bounded however many records there are (except ``html``, which keeps the
rendered page until it writes it).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol, TextIO

from scanner import __version__
from scanner.result import ScanResult
from scanner.rule import Rule

FORMATS = ("rich", "json", "jsonl", "sarif", "github", "html")
MAX_PER_CATEGORY = 8  # findings of a category a rich panel lists in a run of several documents

__all__ = ["FORMATS", "MAX_PER_CATEGORY", "Reporter", "export_rich", "make_reporter"]


class Reporter(Protocol):
    """What the CLI drives."""

    def add(self, result: ScanResult) -> None: ...

    def close(self) -> None: ...


def make_reporter(fmt: str, stream: TextIO, *, color: bool | None = None,
                  width: int | None = None, rules: Mapping[str, Rule] | None = None,
                  tool_version: str = __version__, all_findings: bool = False) -> Reporter:
    """The reporter for ``fmt`` writing to ``stream``.

    ``color``: None lets the console decide (colour on a terminal unless ``NO_COLOR`` is
    set), False never emits escape codes, True always does. ``width`` fixes the terminal
    width (rich/html). ``rules`` (id -> rule) feeds the SARIF rule catalogue.
    ``all_findings`` lists every finding of each document in a rich or html report of several
    documents (one document's are always all listed).
    """
    if fmt == "rich":
        from scanner.report.rich_report import RichReporter, make_console

        return RichReporter(make_console(stream, color, width), all_findings)
    if fmt == "html":
        from scanner.report.html import HtmlReporter

        return HtmlReporter(stream, width, all_findings)
    if fmt == "json":
        from scanner.report.jsonfmt import JsonReporter

        return JsonReporter(stream, tool_version)
    if fmt == "jsonl":
        from scanner.report.jsonfmt import JsonlReporter

        return JsonlReporter(stream)
    if fmt == "sarif":
        from scanner.report.sarif import SarifReporter

        return SarifReporter(stream, rules, tool_version)
    if fmt == "github":
        from scanner.report.github import GithubReporter

        return GithubReporter(stream)
    raise ValueError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")


def export_rich(results: Iterable[ScanResult], path: str | Path, width: int | None = None,
                all_findings: bool = False) -> None:
    """Save the rich report of ``results`` as HTML or SVG, by ``path``'s suffix."""
    from scanner.report.html import export_rich as export

    export(results, path, width, all_findings)
