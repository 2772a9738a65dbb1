"""The terminal report: one panel per document, then a summary (see :mod:`rich_summary`).

Each panel shows the document's scores as small bars, then its findings grouped by category
(in :class:`~scanner.finding.Category` order), every finding with its excerpt highlighted
inside a window of the surrounding text and its suggestion. A run of several documents lists
at most ``MAX_PER_CATEGORY`` findings of a category in each panel (unless told to list all);
a run of one document lists all of them. Without colour (piped output, ``NO_COLOR``) the excerpt is marked «like this».
"""
from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule as Divider
from rich.text import Text

from scanner.finding import Category, Finding
from scanner.report import MAX_PER_CATEGORY
from scanner.report.context import LineIndex, clip, excerpt_window, visible
from scanner.report.rich_summary import Summary
from scanner.report.styles import SEVERITY_ICON, SEVERITY_STYLE, STANCE_STYLE, level_style
from scanner.result import ScanResult

MAX_WIDTH = 120  # wider panels only spread the text thin
INDENT = 4
BAR_CELLS = 10


class ReportConsole(Console):
    """A Console whose closed output pipe ends the run as a closed pipe does in every format
    (a ``BrokenPipeError``: exit status 141), where rich's own exits with status 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more to write
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def make_console(stream: TextIO, color: bool | None = None, width: int | None = None) -> Console:
    """A Console on ``stream``: colour when it is a terminal (``color=None``) unless
    ``NO_COLOR`` is set, always (``True``) or never (``False``, no escape codes at all)."""
    if color is None and os.environ.get("NO_COLOR"):
        color = False
    console = ReportConsole(file=stream, width=width, force_terminal=True if color else None,
                            no_color=color is False,
                            color_system=None if color is False else "auto",
                            highlight=False, emoji=False, markup=False, soft_wrap=False)
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console


def print_summary(console: Console, summary: RenderableType) -> None:
    """Print ``summary`` so that a log can be searched for its lines: off a terminal (a file, a
    pipe) a line longer than the console is not broken (rich's soft wrap), where rich would
    break it at the console's width (80 columns when no standard stream is a terminal); tables
    keep that width, and a terminal sees the summary as before."""
    console.print(summary, soft_wrap=not console.is_terminal)


def bar(value: float, maximum: float, style: str) -> Text:
    """A small horizontal bar of ``BAR_CELLS`` cells."""
    filled = round(BAR_CELLS * max(0.0, min(1.0, value / maximum)))
    return Text.assemble(("█" * filled, style), ("░" * (BAR_CELLS - filled), "dim"))


def score_line(scores: dict) -> Text:
    """``spin ███░░ 0.31   quality ████░ 82`` (n/a for a score that was not computed)."""
    line = Text()
    _append_score(line, "spin ", scores.get("spin"), 1.0, (0.7, 0.3), "{:.2f}")
    _append_score(line, "   quality ", scores.get("quality"), 100.0, (50, 80), "{:.0f}")
    return line


def _append_score(line: Text, label: str, value, top: float, levels: tuple[float, float],
                  number: str) -> None:
    line.append(label, "bold")
    if isinstance(value, int | float):
        style = level_style(value, *levels)
        line.append_text(bar(value, top, style)).append(" " + number.format(value), style)
    else:
        line.append("n/a", "dim")


def headline_line(headline: dict) -> Text:
    """The headline stance versus the body, with its confidence."""
    stance = headline.get("stance")
    line = Text("headline ", "bold")
    if stance is None:
        return line.append("no stance (no body to compare with)", "dim")
    line.append(str(stance), STANCE_STYLE.get(stance, "default"))
    confidence = headline.get("confidence")
    if isinstance(confidence, int | float):
        line.append(f" ({confidence:.2f} confidence)", "dim")
    return line


def suggestion_line(finding: Finding) -> Text:
    """``→ likely original: …`` for replacement wording, ``→ …`` for an instruction."""
    suggestion = visible(finding.suggestion or "")
    instruction = suggestion[:1].isupper() and suggestion.rstrip().endswith((".", "!"))
    if instruction and finding.category is not Category.SPIN:
        return Text.assemble(("→ ", "green"), (suggestion, "green"))
    return Text.assemble(("→ likely original: ", "green"), (suggestion, "bold green"))


def position(finding: Finding, text: str | None) -> str:
    """``line:column`` of a finding (computed from the text when the engine did not)."""
    if finding.start is None:
        return "whole document"
    if finding.line is None and text is not None:
        line, column = LineIndex(text[:finding.start + 1]).line_col(finding.start)
        return f"{line}:{column}"
    return f"{finding.line}:{finding.column}" if finding.line else ""


def shows_excerpt(text: str, finding: Finding) -> bool:
    """Whether ``text`` holds the finding's excerpt at its span (a finding without an
    excerpt counts as shown)."""
    return finding.excerpt is None or text[finding.start:finding.end] == finding.excerpt


class DocumentRenderer:
    """Renders one result as a panel for a console of a given width."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.plain = console.color_system is None  # no styles at all: mark excerpts

    @property
    def inner(self) -> int:
        return self.console.width - 4  # panel borders and padding

    def context(self, finding: Finding, text: str | None) -> Text | None:
        """The excerpt, highlighted inside a window of the text around it (alone when the text
        was not kept or does not show it: a front matter's title, which the text blanks out)."""
        if finding.start is None or finding.end is None:
            return None
        cells = self.inner - INDENT - (2 if self.plain else 0)
        if text is None or not shows_excerpt(text, finding):
            before, excerpt, after = "", clip(visible(finding.excerpt or ""), cells), ""
        else:
            before, excerpt, after = excerpt_window(text, finding.start, finding.end, cells)
        if not excerpt:
            excerpt = "∅"  # an empty span (an insertion point)
        marked = f"«{excerpt}»" if self.plain else excerpt
        return Text.assemble((before, "dim"), (marked, "reverse bold"), (after, "dim"))

    def finding(self, finding: Finding, text: str | None) -> RenderableType:
        head = Text.assemble(
            (SEVERITY_ICON[finding.severity] + " ", SEVERITY_STYLE[finding.severity]),
            (f"{finding.rule} {finding.name}", "bold"), "  ",
            (finding.severity.value, SEVERITY_STYLE[finding.severity]), "  ",
            (position(finding, text), "dim"),
        )
        body: list[RenderableType] = [Text(visible(finding.message))]
        context = self.context(finding, text)
        if context is not None:
            body.append(context)
        if finding.suggestion:
            body.append(suggestion_line(finding))
        return Group(head, Padding(Group(*body), (0, 0, 0, INDENT)))

    def category(self, category: Category, findings: list[Finding], text: str | None,
                 limit: int | None) -> Iterable[RenderableType]:
        """The category's divider and its first ``limit`` findings (all when None)."""
        count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
        yield Divider(Text.assemble((category.value, "bold"), f" · {count}"),
                      align="left", style="dim")
        for finding in findings[:limit]:
            yield self.finding(finding, text)
        if limit is not None and len(findings) > limit:
            yield Text(f"… and {len(findings) - limit} more {category.value} findings",
                       "dim italic")

    def render(self, result: ScanResult, limit: int | None = MAX_PER_CATEGORY) -> RenderableType:
        """The panel of one result, with at most ``limit`` findings of a category (all when
        None); a one-line red panel for an error record."""
        name = visible(result.title or result.id)
        if result.error is not None:
            return Panel(Text.assemble(("✖ ", "bold red"), visible(result.error)),
                         title=Text(clip(name, self.inner - 12), "bold red"),
                         title_align="left", subtitle="not scanned", border_style="red")
        where = visible(result.id if result.source in (None, result.id)
                        else f"{result.id} · {result.source}")
        meta = Text.assemble((clip(where, self.inner - 12), "dim"),
                             ("  ·  " + (result.language or "language unknown"), "dim"))
        parts: list[RenderableType] = [meta, score_line(result.scores or {})]
        if (result.scores or {}).get("headline"):
            parts.append(headline_line(result.scores["headline"]))
        parts.append(Text())
        grouped: dict[Category, list[Finding]] = {}
        for finding in result.findings:
            grouped.setdefault(finding.category, []).append(finding)
        for category in Category:
            if category in grouped:
                parts.extend(self.category(category, grouped[category], result.text, limit))
        if not result.findings:
            parts[-1] = Text("✓ no findings", "green")
        worst = result.worst_severity()
        border = SEVERITY_STYLE[worst].split()[-1] if worst else "green"
        return Panel(Group(*parts), title=Text(clip(name, self.inner - 2), "bold"),
                     title_align="left", border_style=border, padding=(0, 1))



class RichReporter:
    """Prints each document's panel and the summary at the end. The first panel waits for the
    second result: a run of one document lists all its findings, a run of several at most
    ``MAX_PER_CATEGORY`` of a category in each panel (all with ``all_findings``)."""

    def __init__(self, console: Console, all_findings: bool = False) -> None:
        self.console = console
        self.renderer = DocumentRenderer(console)
        self.summary = Summary()
        self.limit = None if all_findings else MAX_PER_CATEGORY
        self.first: ScanResult | None = None  # the run's first result, until a second comes

    def add(self, result: ScanResult) -> None:
        self.summary.add(result)
        if self.summary.tally.documents == 1:
            self.first = result
            return
        self._print_first(self.limit)
        self.console.print(self.renderer.render(result, self.limit))

    def close(self) -> None:
        self._print_first(None)  # the run's only document
        print_summary(self.console, self.summary.render())

    def _print_first(self, limit: int | None) -> None:
        """Print the held first result's panel, if it is still held."""
        if self.first is not None:
            self.console.print(self.renderer.render(self.first, limit))
            self.first = None
