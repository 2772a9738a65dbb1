"""The audit summary as a rich terminal report."""
from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from scanner.audit.output import STDOUT, output_name
from scanner.audit.summary import AuditSummary, GroupStats
from scanner.finding import Category
from scanner.report.rich_report import print_summary
from scanner.report.rich_summary import ABBREVIATIONS, NameCell

CLEAN_REASONS_SHOWN = 8  # drop reasons named on the clean-text line (all of them: stats.json)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%" if value else "·"


def _percent(value: float) -> str:
    """A share as a whole percentage (narrow table cells), its sign kept: ``9%`` is no count."""
    return f"{100 * value:.0f}%" if value else "·"


def counted(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``: a count with its noun (plurals by an s)."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _spin(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def headline(outcome, options) -> Text:
    """One line: how many articles, how many read now / resumed (and how many of the output's
    records match no input), flagged among the scanned (those with a result), errors (the
    records not scanned)."""
    summary: AuditSummary = outcome.summary
    total = summary.total
    scanned = total.articles - total.errors
    text = Text.assemble(("Audited ", "bold"), (counted(total.articles, "article"), "bold"))
    text.append(f" ({outcome.written:,} read now")
    if outcome.skipped:
        text.append(f", {outcome.skipped:,} resumed from the output")
    if outcome.unmatched:  # a resumed output that holds another feed's records
        text.append(f", {outcome.unmatched:,} in the output from no input", "red")
    text.append(")")
    text.append(f" — {total.flagged:,} flagged ")
    text.append(f"({_pct(total.flagged / max(1, scanned))} of the {scanned:,} scanned)", "yellow")
    text.append(f", {counted(total.errors, 'error')} (not scanned)",
                "red" if total.errors else "dim")
    text.append(f", mean spin {_spin(total.mean_spin)}")
    return text


def category_table(summary: AuditSummary) -> Table:
    table = Table(title="Articles flagged by category (warning or worse)", title_justify="left")
    table.add_column("category")
    table.add_column("articles", justify="right")
    table.add_column("share", justify="right")
    for category in summary.categories():
        count = summary.total.by_category[category]
        table.add_row(category, f"{count:,}", _pct(summary.total.share(category)))
    return table


def sources_table(summary: AuditSummary, top: int, whole_names: bool = False) -> RenderableType:
    """Per source: articles, errors, and the % of its scanned articles flagged, overall and by
    category (abbreviated, so that the table fits 80 columns); a source's name too long for
    its column keeps its start and end, unless ``whole_names`` (off a terminal, where the
    table is as wide as they need)."""
    cats = [c for c in summary.categories() if summary.total.by_category[c]]
    table = Table(title=f"Sources (top {top} by flagged articles; shares in % of those scanned)",
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  padding=(0, 0, 0, 1))
    table.add_column("source", min_width=10, max_width=None if whole_names else 40)
    for name in ("docs", "errors", "flagged", *(ABBREVIATIONS[Category(c)] for c in cats),
                 "spin"):
        table.add_column(name, justify="right", no_wrap=True, min_width=max(len(name), 3))
    for name, stats in summary.top_groups(top):
        table.add_row(NameCell(name), f"{stats.articles:,}", f"{stats.errors:,}",
                      _percent(stats.flagged / max(1, stats.articles - stats.errors)),
                      *[_percent(stats.share(c)) for c in cats], _spin(stats.mean_spin))
    return Unbounded(table) if whole_names else table


class Unbounded:
    """A renderable as wide as its content needs, beyond the console's width: off a terminal
    the summary's lines are not cropped (:func:`~scanner.report.rich_report.print_summary`)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = Measurement.get(console, options.update_width(_UNBOUNDED), self.renderable)
        width = max(options.max_width, wide.maximum)
        yield from console.render(self.renderable, options.update_width(width))


_UNBOUNDED = 1 << 16  # cells: wider than any summary line


def worst_table(stats: GroupStats, top: int) -> Table:
    table = Table(title="Worst articles", title_justify="left", expand=True)
    table.add_column("id", overflow="fold", ratio=1)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    for name in ("spin", "q lost", "warn"):
        table.add_column(name, justify="right", no_wrap=True, width=len(name))
    for (_, warnings, spin, lost), record_id, title in stats.worst_first()[:top]:
        table.add_row(record_id, title, f"{spin:.2f}", f"{lost:g}", str(warnings))
    return table


def phrases_table(summary: AuditSummary, top: int) -> Table | None:
    if not summary.phrases:
        return None
    table = Table(title="Top offending phrases (spin findings)", title_justify="left")
    table.add_column("rule")
    table.add_column("phrase", overflow="fold")
    table.add_column("likely original", overflow="fold")
    table.add_column("count", justify="right")
    for (rule, phrase, suggestion), count in summary.phrases.most_common(top):
        table.add_row(rule, phrase, suggestion, str(count))
    return table


def print_outcome(console: Console, outcome, options, top: int = 15) -> None:
    """Print the end-of-run report (or how to resume after an interruption), its lines whole
    off a terminal (:func:`~scanner.report.rich_report.print_summary`)."""
    if outcome.interrupted:
        print_summary(console, Text.assemble(
            ("Interrupted", "bold red"), f" after {outcome.written:,} records this run", (
                " on standard output." if options.output == STDOUT else
                f"; {options.output} holds the input files finished. Rerun the same command "
                "with --resume to scan the others, each from its first record." if outcome.by_file
                else f"; {options.output} is complete up to there. Rerun the same command with "
                "--resume to continue.")))
        return
    summary = outcome.summary
    parts = [headline(outcome, options), category_table(summary),
             sources_table(summary, top, whole_names=not console.is_terminal),
             worst_table(summary.total, top)]
    phrases = phrases_table(summary, top)
    if phrases is not None:
        parts.append(phrases)
    if outcome.crossdoc is not None:
        parts.append(Text(outcome.crossdoc.describe()))
    if outcome.clean_stats is not None:
        stats = outcome.clean_stats
        by_reason = list(stats["dropped_by_reason"].items())
        reasons = ", ".join(f"{r} {n:,}" for r, n in by_reason[:CLEAN_REASONS_SHOWN])
        if len(by_reason) > CLEAN_REASONS_SHOWN:  # all of them are in stats.json
            reasons += f", {len(by_reason) - CLEAN_REASONS_SHOWN} more reasons in stats.json"
        parts.append(Text(f"Clean texts: {counted(stats['articles'], 'article')}, "
                          f"{counted(stats['dropped_lines'], 'line')} dropped at "
                          f"{stats['clean_level']} level ({reasons or 'none'}) -> "
                          f"{outcome.clean_files}"))
    parts.append(Text(f"Records: {output_name(options.output)}", style="dim"))
    print_summary(console, Group(*parts))
