"""The rich terminal report and its HTML/SVG exports, on hand-built results."""
from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len

from scanner.finding import Category, Finding, Severity
from scanner.io.records import Origin
from scanner.report import export_rich, make_reporter
from scanner.report.rich_report import MAX_PER_CATEGORY
from scanner.report.rich_summary import MAX_ROWS, Summary, common_directory, elide_middle
from scanner.result import ScanResult
from tests.test_report import CLEAN, all_results, clean_result, render, spun_result

ANSI = re.compile("\x1b\\[")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def colour_env(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


def render_to(stream: io.StringIO, results: list[ScanResult] | None = None, **options) -> str:
    reporter = make_reporter("rich", stream, **options)
    for result in all_results() if results is None else results:
        reporter.add(result)
    reporter.close()
    return stream.getvalue()


def render_summary(summary: Summary, width: int) -> str:
    """The rich report of ``summary`` alone, uncoloured, ``width`` columns wide."""
    stream = io.StringIO()
    reporter = make_reporter("rich", stream, width=width, color=False)
    reporter.summary = summary
    reporter.close()
    return stream.getvalue()


def test_rich_fits_80_columns_and_shows_excerpt_in_context_and_suggestion():
    out = render_to(Terminal(), width=80, color=False)  # a terminal 80 columns wide
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    assert "…saying the «counterfeit consciousness» arms race" in out
    assert "→ likely original: artificial intelligence" in out
    assert "→ Delete the line." in out  # an instruction is not a "likely original"
    assert "«WhatsApp Channel Join Now⏎Tele" in out  # line breaks shown as ⏎
    assert "whole document" in out and "Average sentence length is 38 words" in out
    assert "«⟨U+200B⟩»" in out  # an invisible character is spelt out
    assert "headline agree (0.91 confidence)" in out
    assert "spin n/a" in out


TOTALS = ("4 documents · 1 not scanned · 8 findings (1 error, 4 warning, 3 info) · mean spin "
          "0.46 · mean quality 82")


def test_off_a_terminal_the_summary_lines_are_whole_and_the_panels_keep_the_width(colour_env):
    """QA pass 32: a report redirected to a file had its totals line broken at 80 columns, so
    grep found half of it; a terminal's report is wrapped to its width as before."""
    colour_env.setenv("COLUMNS", "80")
    lines = render_to(io.StringIO()).splitlines()
    assert TOTALS in lines
    assert max(cell_len(line) for line in lines[:lines.index(TOTALS)]) <= 80  # panels, tables
    terminal = render_to(Terminal(), color=False).splitlines()
    assert TOTALS not in terminal and max(cell_len(line) for line in terminal) <= 80


def test_rich_categories_in_fixed_order_and_error_panel():
    out = render("rich", width=80)
    first_doc = out.split("Programme extended")[0]
    order = [first_doc.index(f"{c} · ") for c in ("spin", "spam", "typography", "readability")]
    assert order == sorted(order)
    error_panel = re.search(r"╭─ bad\.txt ─+╮\n(.*)\n╰", out)
    assert error_panel and "not UTF-8 text" in error_panel.group(1)


def test_rich_fits_narrow_and_wide_consoles():
    for width in (60, 100, 140):
        out = render_to(Terminal(), width=width, color=False)
        assert max(cell_len(line) for line in out.splitlines()) <= width


def many_findings(name: str = "many") -> ScanResult:
    """A result with 12 spin findings."""
    text = "word " * 40
    findings = [Finding("SPN001", "collocation-break", Category.SPIN, Severity.WARNING, "m",
                        i * 5, i * 5 + 4, "word", None, None, 1, i * 5 + 1) for i in range(12)]
    return ScanResult(id=name, scores={"spin": 0.9, "quality": 90.0}, findings=findings,
                      text=text)


def test_rich_caps_findings_per_category_in_a_run_of_several_documents():
    out = render("rich", [many_findings("a"), many_findings("b")], width=80)
    first = out[:out.index("╭─ b ")]
    assert first.count("SPN001 collocation-break") == MAX_PER_CATEGORY
    assert f"… and {12 - MAX_PER_CATEGORY} more spin findings" in first
    assert "spin · 12 findings" in first
    assert out.count("SPN001 collocation-break") == 2 * MAX_PER_CATEGORY


def test_rich_lists_every_finding_of_a_single_document_or_with_all_findings(tmp_path):
    """QA pass 33: an editor checking one article saw 7 of its 17 spin findings and "… and 9
    more spin findings", and no option of `scan` showed the rest."""
    out = render("rich", [many_findings()], width=80)
    assert out.count("SPN001 collocation-break") == 12 and "more spin findings" not in out
    out = render("rich", [many_findings("a"), many_findings("b")], width=80, all_findings=True)
    assert out.count("SPN001 collocation-break") == 24 and "more spin findings" not in out
    assert render("html", [many_findings()]).count("SPN001 collocation-break") == 12
    path = tmp_path / "report.html"
    export_rich([many_findings("a"), many_findings("b")], path, all_findings=True)
    assert path.read_text(encoding="utf-8").count("SPN001 collocation-break") == 24


def test_rich_without_text_shows_excerpt_and_computes_missing_positions():
    bare = spun_result()
    bare.text = None
    assert "«counterfeit consciousness»" in render("rich", [bare], width=80)
    result = clean_result()
    start = CLEAN.index("programme")
    result.findings = [Finding("SPN009", "x", Category.SPIN, Severity.INFO, "m", start,
                               start + 9)]
    assert "SPN009 x  info  1:" + str(start + 1) in render("rich", [result], width=80)


def test_summary_table_counts_and_totals():
    out = render("rich", width=80)
    summary = out[out.index("Summary"):]
    row = next(line for line in summary.splitlines() if line.startswith("articles/spun one.txt"))
    assert row.split()[2:] == ["2", "1", "·", "2", "1", "0.87", "58", "error"]
    assert "not scanned" in summary
    assert "4 documents · 1 not scanned · 8 findings (1 error, 4 warning, 3 info)" in summary


@pytest.mark.parametrize("width", [60, 80])
def test_the_totals_line_breaks_between_its_parts_on_a_narrow_terminal(width):
    out = render_to(Terminal(), width=width, color=False)
    totals = out[out.index("4 documents"):].strip().splitlines()
    assert len(totals) > 1 and max(map(cell_len, totals)) <= width
    for part in ("4 documents", "1 not scanned", "8 findings (1 error, 4 warning, 3 info)",
                 "mean spin", "mean quality"):
        assert any(part in line for line in totals), part  # no part split over two lines


def test_summary_names_keep_their_distinguishing_ends():
    summary = Summary()
    for number in ("000", "003"):
        result = clean_result()
        result.source = f"/data/feeds/2023/{number}_95bfc27350312eda.txt"
        summary.add(result)
    out = render_summary(summary, width=80)
    assert "Documents in /data/feeds/2023/" in out
    names = [line.split()[0] for line in out.splitlines() if line.startswith(("000", "003"))]
    assert [name[:3] for name in names] == ["000", "003"]
    assert all(name.endswith(".txt") for name in names)


def test_summary_tells_records_of_one_name_apart_by_where_they_were_read():
    summary = Summary()
    for line in (2, 5):  # a feed with one record twice (same id and URL)
        result = clean_result()
        result.id, result.source = "r1", "https://news.example/business/boe-holds"
        result.origin = Origin("feed.jsonl", line)
        summary.add(result)
    other = clean_result()
    other.id, other.source = "r2", "https://news.example/business/other"
    summary.add(other)
    out = render_summary(summary, width=120)
    assert "boe-holds (line 2)" in out and "boe-holds (line 5)" in out
    assert "\nother " in out and "other (" not in out  # a name of its own gets nothing


def test_elide_middle_and_common_directory():
    assert elide_middle("003_7df7fc6614518963.txt", 12) == "003_7…63.txt"
    assert elide_middle("short.txt", 12) == "short.txt"
    assert elide_middle("日本語の記事ファイル.txt", 9) == "日本….txt"
    # a wide character that does not fit is left out, not made a space ("日本… .txt")
    assert elide_middle("日本語の記事ファイル.txt", 10) == "日本….txt"
    assert common_directory(["a/b/x.txt", "a/b/y.txt"]) == "a/b/"
    assert common_directory(["a/bx.txt", "a/by.txt"]) == "a/"
    assert common_directory(["x.txt", "a/y.txt"]) == ""
    assert common_directory(["a/x.txt"]) == ""


def test_summary_memory_is_bounded_and_lists_worst_documents():
    summary = Summary()
    for i in range(60):
        result = clean_result()
        result.id, result.source = f"doc-{i}", None
        result.scores = {"spin": i / 100, "quality": 100.0}
        summary.add(result)
    assert len(summary.rows) == MAX_ROWS and len(summary.worst) == 5
    out = render_summary(summary, width=80)
    assert f"First {MAX_ROWS} of 60 documents" in out
    worst = out[out.index("Most worrying documents"):].splitlines()[3:8]
    assert [line.split()[0] for line in worst] == [f"doc-{i}" for i in (59, 58, 57, 56, 55)]


def test_unreadable_documents_do_not_crowd_out_the_most_worrying_scanned_ones():
    summary = Summary()
    for i in range(10):
        result = clean_result()
        result.id, result.source = f"doc-{i}", None
        if i < 6:
            result.error, result.findings, result.scores = f"doc-{i}: binary file", [], None
        else:
            result.scores = {"spin": i / 10, "quality": 100.0}
        summary.add(result)
    assert sorted(row.name for *_, row in summary.worst) == ["doc-6", "doc-7", "doc-8", "doc-9"]


def test_no_ansi_when_piped_or_no_color(colour_env):
    assert not ANSI.search(render_to(io.StringIO()))  # not a terminal
    assert ANSI.search(render_to(Terminal()))  # a terminal: colour
    assert not ANSI.search(render_to(Terminal(), color=False))
    colour_env.setenv("NO_COLOR", "1")
    plain = render_to(Terminal())
    assert not ANSI.search(plain) and "«counterfeit consciousness»" in plain


def test_forced_colour_highlights_excerpt_without_markers(colour_env):
    out = render_to(io.StringIO(), color=True, width=80)
    assert ANSI.search(out) and "«counterfeit" not in out
    assert re.search(r"\x1b\[[0-9;]*7[0-9;]*mcounterfeit consciousness", out)  # reverse video


def test_html_format_is_a_complete_page():
    page = render("html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>spinscan report</title>" in page and '<meta charset="UTF-8">' in page
    assert "counterfeit consciousness" in page and "likely original" in page
    assert 'style="' in page and "<link" not in page and "<script" not in page
    assert not ANSI.search(page)


@pytest.mark.parametrize("suffix", [".html", ".svg", ".HTM"])
def test_export_rich_by_suffix(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    export_rich(all_results(), path)
    written = path.read_text(encoding="utf-8")
    if suffix == ".svg":
        assert written.lstrip().startswith("<svg") and "counterfeit" in written
    else:
        assert written.startswith("<!DOCTYPE html>") and "counterfeit consciousness" in written


def test_export_rich_refuses_unknown_suffix(tmp_path):
    with pytest.raises(ValueError, match="use .html or .svg"):
        export_rich(all_results(), tmp_path / "report.pdf")
