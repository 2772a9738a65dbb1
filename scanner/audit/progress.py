"""The audit's live progress line on stderr: records/s, ETA when the total is known, and how
many articles each category has flagged so far. The total is counted in a background thread
(cheaply: JSONL lines, CSV rows, files) so the scan starts at once.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Column

from scanner.audit.summary import flagged_categories
from scanner.io.detect import detect_format
from scanner.io.formats import read_path
from scanner.io.opener import open_binary, read_head
from scanner.io.options import ReadOptions
from scanner.report.rich_summary import ABBREVIATIONS

_SHORT = {category.value: short.lower() for category, short in ABBREVIATIONS.items()}
REFRESH_SECONDS = 1.0  # how often the bar takes in the records written (see AuditProgress)
# the line's width before the category counts ("records ━━━━ 4,353/5,000 506/s eta 0:00:05 "):
# the counts are cut to what is left, so that the rate and the ETA always show
OTHER_COLUMNS_WIDTH = 62


def fit(counts: str, width: int) -> str:
    """``counts`` ("bpl 102 spn 3 typ 17") cut after its last whole count that fits in
    ``width`` characters, with an ellipsis when anything is cut."""
    if len(counts) <= width:
        return counts
    words = counts[:max(width - 1, 0) + 1].split(" ")[:-1]
    return " ".join(words[:len(words) - len(words) % 2]) + "…"


def count_records(files: Iterable[str], options: ReadOptions) -> int | None:
    """The number of records the (expanded) input files hold when that is cheap to know, else
    None (stdin, WARC, feeds). Resumed records are included (progress starts at their count)."""
    total = 0
    for path in files:
        if path == "-":
            return None
        fmt = options.format or detect_format(path, read_head(path))
        if fmt in {"warc", "feed"}:
            return None
        if fmt == "jsonl":
            total += _count_lines(path)
        elif fmt == "csv":  # parsed: a quoted cell may span lines
            total += sum(1 for _ in read_path(path, options))
        else:
            total += 1
    return total


def _count_lines(path: str) -> int:
    """Non-blank lines (JSONL records)."""
    count = 0
    try:
        with open_binary(path) as handle:
            for line in handle:
                count += bool(line.strip())
    except (OSError, EOFError):
        pass
    return count


class AuditProgress:
    """A rich progress bar fed one published record at a time.

    Records come out of the engine in bursts (a batch of 256, or a worker's task of 32, at a
    time), so the bar is advanced at most once a second (:data:`REFRESH_SECONDS`): rich's rate
    and ETA, which divide the records between its samples by the time between them, would
    otherwise read hundreds of thousands of records per second across a burst."""

    def __init__(self, console: Console, enabled: bool = True, unit: str = "records",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.flags: Counter[str] = Counter()
        self.errors = 0
        self._progress = Progress(
            TextColumn(f"[bold]{unit}"), BarColumn(bar_width=12),
            MofNCompleteColumn(table_column=Column(no_wrap=True, min_width=9)),
            TextColumn("{task.fields[rate]}", table_column=Column(no_wrap=True, min_width=7)),
            TextColumn("eta"), TimeRemainingColumn(table_column=Column(no_wrap=True, min_width=7)),
            TextColumn("{task.fields[flags]}", table_column=Column(no_wrap=True)),
            console=console, disable=not enabled, transient=False, refresh_per_second=4,
            get_time=clock,
        )
        self._task = self._progress.add_task("audit", total=None, rate="", flags="")
        self._since_update = 0
        self._clock = clock
        self._last_update = clock()
        self.enabled = enabled

    def __enter__(self) -> AuditProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self._refresh()
        self._progress.stop()

    def count_in_background(self, files: list[str], options: ReadOptions,
                            already: int) -> None:
        """Start counting the inputs; the bar gets its total (and an ETA) when done. Without a
        bar nothing is counted (the count reads every input once more)."""
        if not self.enabled:
            return

        def work() -> None:
            total = count_records(files, options)
            if total is not None:
                self._progress.update(self._task, total=max(total, already))
        threading.Thread(target=work, daemon=True).start()

    def skip(self, n: int) -> None:
        """Records already in the output (resume) count as done."""
        self._progress.update(self._task, completed=n)

    def set_total(self, total: int, done: int = 0) -> None:
        """A known total (e.g. of partitions), of which ``done`` are already done."""
        self._progress.update(self._task, total=total, completed=done)

    def advance_partition(self, records: int) -> None:
        """One partition of ``records`` records finished (Dask engine)."""
        self._progress.update(self._task, advance=1, flags=f"{records:,} records")

    def add(self, record: dict) -> None:
        """Count one written record (nothing to do without a bar)."""
        if not self.enabled:
            return
        if record.get("error"):
            self.errors += 1
        else:
            self.flags.update(flagged_categories(record))
        self._since_update += 1
        if self._clock() - self._last_update >= REFRESH_SECONDS:
            self._refresh()

    def _refresh(self) -> None:
        advance, self._since_update = self._since_update, 0
        self._last_update = self._clock()
        task = self._progress.tasks[0]
        speed = task.finished_speed or task.speed
        flags = " ".join(f"{_SHORT.get(c, c)} {n}" for c, n in sorted(self.flags.items()))
        flags += f" err {self.errors}" if self.errors else ""
        flags = fit(flags, self._progress.console.width - OTHER_COLUMNS_WIDTH)
        self._progress.update(self._task, advance=advance, flags=flags,
                              rate=f"{speed:,.0f}/s" if speed else "")
