"""The summary that closes the terminal report.

Memory stays bounded on huge batches: only small per-document rows are kept, for the first
``MAX_ROWS`` documents (the table) and the ``WORST`` most worrying ones (a heap), plus the
run-wide :class:`~scanner.report.summary.Tally`.
"""
from __future__ import annotations

import heapq
import os
from collections import Counter
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.rule import Rule as Divider
from rich.table import Table
from rich.text import Text

from scanner.finding import Category, Severity
from scanner.report.context import ELLIPSIS, take_cells, visible
from scanner.report.styles import SEVERITY_STYLE, level_style
from scanner.report.summary import Tally
from scanner.result import ScanResult

MAX_ROWS = 20
WORST = 5
ABBREVIATIONS = {Category.SPIN: "SPN", Category.BOILERPLATE: "BPL", Category.SPAM: "SPM",
                 Category.REPETITION: "REP", Category.LANGUAGE: "LNG",
                 Category.TYPOGRAPHY: "TYP", Category.HEADLINE: "HDL",
                 Category.READABILITY: "RDB"}


class Row(NamedTuple):
    """What the summary keeps of one document."""

    name: str
    counts: Counter[Category]
    spin: float | None
    quality: float | None
    worst: Severity | None
    error: bool
    where: str | None = None  # where its record was read ("line 3"), to tell repeated names apart

    @property
    def concern(self) -> tuple[float, int, int]:
        """Sort key of how worrying a scanned document is: the higher of its spin probability
        and its quality shortfall, then its worst severity, then its number of findings."""
        level = max(self.spin or 0.0, 1 - (100.0 if self.quality is None else self.quality) / 100)
        return level, self.worst.rank if self.worst else 0, sum(self.counts.values())


class NameCell:
    """A document name in a table cell that keeps its start and end when the cell is too
    narrow: ``003_7df…518963.txt``, where rich's own ellipsis would cut the end."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(cell_len(self.name), 12), cell_len(self.name))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(elide_middle(self.name, options.max_width), no_wrap=True)


class Parts:
    """Texts joined by " · " on one line, broken only between two of them where the line is
    too wide ("mean spin 0.16 · mean quality 57" is not split as "mean ⏎quality 57"); off a
    terminal, with soft wrap (:func:`~scanner.report.rich_report.print_summary`), one line."""

    SEPARATOR = " · "

    def __init__(self, parts: list[Text]) -> None:
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.no_wrap:  # (rich's soft wrap sets it)
            yield Text(self.SEPARATOR).join(self.parts)
            return
        line = Text()
        for part in self.parts:
            if line and cell_len(line.plain + self.SEPARATOR + part.plain) > options.max_width:
                yield line
                line = Text()
            line = line + Text(self.SEPARATOR) + part if line else part.copy()
        yield line


def elide_middle(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal cells by replacing its middle with an
    ellipsis: half of them from its start, the rest from its end."""
    if cell_len(text) <= width:
        return text
    head = take_cells(text, (width - 1) // 2)
    return head + ELLIPSIS + take_cells(text, width - 1 - cell_len(head), from_end=True)


def common_directory(names: list[str]) -> str:
    """The directory all ``names`` share, with its trailing separator ("" if none)."""
    if len(names) < 2 or not all("/" in name for name in names):
        return ""
    shared = os.path.commonprefix(names)
    return shared[:shared.rfind("/") + 1]


def _number(value):
    return value if isinstance(value, int | float) else None


def _where(result: ScanResult) -> str | None:
    """What tells a record apart from others of its name: the line or entry of its file it was
    read from, else its id when the name is its source."""
    origin = result.origin
    if origin is not None and origin.line is not None:
        return f"line {origin.line}"
    if origin is not None and origin.entry is not None:
        return f"entry {origin.entry}"
    return visible(result.id) if result.source and result.id != result.source else None


def row_of(result: ScanResult) -> Row:
    scores = result.scores or {}
    return Row(visible(result.source or result.id), Counter(f.category for f in result.findings),
               _number(scores.get("spin")), _number(scores.get("quality")),
               result.worst_severity(), result.error is not None, _where(result))


def _names(rows: list[Row]) -> list[str]:
    """The rows' names, a name that several rows share followed by where each was read (or by
    its occurrence): two records with one id and URL are not two identical rows."""
    repeated = {name for name, count in Counter(row.name for row in rows).items() if count > 1}
    seen: Counter[str] = Counter()
    names = []
    for row in rows:
        seen[row.name] += 1
        names.append(f"{row.name} ({row.where or f'#{seen[row.name]}'})" if row.name in repeated
                     else row.name)
    return names


class Summary:
    """Collects rows as results arrive and renders the closing summary."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.rows: list[Row] = []
        self.worst: list[tuple[tuple[float, int, int], int, Row]] = []

    def add(self, result: ScanResult) -> None:
        self.tally.add(result)
        row = row_of(result)
        if len(self.rows) < MAX_ROWS:
            self.rows.append(row)
        if not row.error and row.concern > (0.0, 0, 0):  # the unscanned are counted apart
            item = (row.concern, -self.tally.documents, row)
            if len(self.worst) < WORST:
                heapq.heappush(self.worst, item)
            else:
                heapq.heappushpop(self.worst, item)

    def table(self, rows: list[Row], title: str) -> Table:
        """Per-document counts by category (only categories that fired), scores, severity."""
        categories = [c for c in Category if self.tally.category[c.value]]
        names = _names(rows)
        directory = common_directory(names)
        if directory:
            title = f"{title} in {directory}"
        table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                      show_edge=False, pad_edge=False, padding=(0, 0, 0, 1))
        table.add_column("document", min_width=12, max_width=32)
        for category in categories:
            table.add_column(ABBREVIATIONS[category], justify="right", width=3, no_wrap=True)
        table.add_column("spin", justify="right", width=4, no_wrap=True)
        table.add_column("qual", justify="right", width=4, no_wrap=True)
        table.add_column("worst", width=11, no_wrap=True)
        for name, row in zip(names, rows):
            cells = [Text(f"{row.counts[c]}" if row.counts[c] else "·",
                          "" if row.counts[c] else "dim") for c in categories]
            spin = (Text(f"{row.spin:.2f}", level_style(row.spin, 0.7, 0.3))
                    if row.spin is not None else Text("–", "dim"))
            quality = (Text(f"{row.quality:.0f}", level_style(row.quality, 50, 80))
                       if row.quality is not None else Text("–", "dim"))
            worst = (Text("not scanned", "bold red") if row.error else
                     Text(row.worst.value, SEVERITY_STYLE[row.worst]) if row.worst else
                     Text("clean", "green"))
            table.add_row(NameCell(name[len(directory):]), *cells, spin, quality, worst)
        return table

    def totals(self) -> Parts:
        """Run-wide counts and mean scores, on one line where it fits."""
        tally = self.tally
        parts = [Text(f"{tally.documents} document{'s' if tally.documents != 1 else ''}")]
        if tally.errors:
            parts.append(Text(f"{tally.errors} not scanned", "bold red"))
        found = Text(f"{tally.findings} finding{'s' if tally.findings != 1 else ''}")
        severities = [(s, tally.severity[s.value]) for s in reversed(Severity)]
        if tally.findings:
            found.append(" (")
            for i, (severity, count) in enumerate(c for c in severities if c[1]):
                found.append(", " if i else "").append(f"{count} {severity.value}",
                                                       SEVERITY_STYLE[severity])
            found.append(")")
        parts.append(found)
        for label, name, fmt in (("mean spin", "spin", ".2f"), ("mean quality", "quality", ".0f")):
            if tally.mean(name) is not None:
                parts.append(Text(f"{label} {tally.mean(name):{fmt}}"))
        return Parts(parts)

    def render(self) -> RenderableType:
        """The closing summary: table, worst documents, totals."""
        parts: list[RenderableType] = [Divider(Text("Summary", "bold"), align="left")]
        if self.tally.documents:
            shown = len(self.rows)
            title = ("Documents" if shown == self.tally.documents
                     else f"First {shown} of {self.tally.documents} documents")
            parts.append(self.table(self.rows, title))
        if self.worst and self.tally.documents > WORST:
            ranked = [row for *_, row in sorted(self.worst, reverse=True)]
            parts.append(self.table(ranked, "Most worrying documents"))
        parts.extend([Text(), self.totals()])
        return Group(*parts)
