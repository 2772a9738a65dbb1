"""The rich report as a self-contained HTML page (``--format html``) or a saved file
(``--export report.html`` / ``report.svg``)."""
from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from rich.console import CONSOLE_HTML_FORMAT, Console
from rich.terminal_theme import MONOKAI

from scanner.report.rich_report import RichReporter
from scanner.result import ScanResult

HTML_WIDTH = 100
# The page is written in pieces: one write of a whole page (megabytes) to a pipe whose reader
# leaves (`| head`) comes back short, and CPython (3.11) drops the rest without an error, so
# the run ended with the gate's code; the next piece meets the closed pipe (BrokenPipeError,
# exit 141, as in every other format).
WRITE_CHUNK = 1 << 16
PAGE_FORMAT = CONSOLE_HTML_FORMAT.replace(
    '<meta charset="UTF-8">',
    '<meta charset="UTF-8">\n<meta name="generator" content="spinscan">\n'
    "<title>spinscan report</title>", 1)


class _Discard(io.TextIOBase):
    """A text sink: the recording console keeps what it needs for the export."""

    def write(self, text: str) -> int:
        return len(text)


def recording_console(width: int | None = None) -> Console:
    """A console that records styled output for export and prints nowhere."""
    return Console(record=True, file=_Discard(), width=width or HTML_WIDTH, force_terminal=True,
                   color_system="truecolor", highlight=False, emoji=False, markup=False)


def html_page(console: Console) -> str:
    """The recorded report as one HTML page with inline styles."""
    return console.export_html(theme=MONOKAI, inline_styles=True, code_format=PAGE_FORMAT)


class HtmlReporter(RichReporter):
    """Records the rich report and writes it as an HTML page at the end."""

    def __init__(self, stream: TextIO, width: int | None = None,
                 all_findings: bool = False) -> None:
        super().__init__(recording_console(width), all_findings)
        self.stream = stream

    def close(self) -> None:
        super().close()
        page = html_page(self.console)
        for start in range(0, len(page), WRITE_CHUNK):
            self.stream.write(page[start:start + WRITE_CHUNK])
        self.stream.flush()


HTML_SUFFIXES = frozenset({".html", ".htm"})


def refused_suffix(path: str | Path, allowed: frozenset[str]) -> str | None:
    """None when ``path``'s suffix (any case) is one of ``allowed``; else that suffix as an
    error message names it (".pdf", "a file without suffix")."""
    suffix = Path(path).suffix.lower()
    return None if suffix in allowed else suffix or "a file without suffix"


def export_suffix(path: str | Path) -> str:
    """The lowercased suffix of an export file; a ValueError unless it is .html, .htm or .svg."""
    refused = refused_suffix(path, HTML_SUFFIXES | {".svg"})
    if refused:
        raise ValueError(f"{path}: cannot export to {refused} (use .html or .svg)")
    return Path(path).suffix.lower()


def export_rich(results: Iterable[ScanResult], path: str | Path, width: int | None = None,
                all_findings: bool = False) -> None:
    """Write the rich report of ``results`` to ``path``: HTML for ``.html``/``.htm``, SVG for
    ``.svg``."""
    suffix = export_suffix(path)
    reporter = RichReporter(recording_console(width), all_findings)
    for result in results:
        reporter.add(result)
    reporter.close()
    if suffix == ".svg":
        text = reporter.console.export_svg(title="spinscan report", theme=MONOKAI)
    else:
        text = html_page(reporter.console)
    Path(path).write_text(text, encoding="utf-8")
