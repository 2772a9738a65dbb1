"""html_to_lines: visible text one block per line, trafilatura main text, title."""
from __future__ import annotations

import gzip

import trafilatura

from scanner.html_text import html_to_lines
from tests.conftest import shared_path

PAGE = """<html><head><title>Site | Japan and NATO</title><style>p {color: red}</style>
<script>var x = 1;</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Japan and NATO pledge closer ties</h1>
<p>NATO Secretary General Jens Stoltenberg said the alliance will strengthen its
partnership with <b>Japan</b>, adding that the security of Europe and Asia is closely
intertwined.</p><p>Japan has provided nonlethal aid to Ukraine.<br>It has not sent weapons.</p>
</article><div hidden>Secret</div><footer>© 2023 Example Media</footer></body></html>"""


def test_visible_text_one_block_per_line():
    text, _, title = html_to_lines(PAGE)
    lines = text.split("\n")
    assert lines[:3] == ["Home", "News", "Japan and NATO pledge closer ties"]
    assert lines[3].startswith("NATO Secretary General") and "with Japan, adding" in lines[3]
    assert "It has not sent weapons." in lines and "© 2023 Example Media" in lines
    assert "var x" not in text and "color" not in text and "Secret" not in lines
    assert title == "Site | Japan and NATO"


def test_bad_input_gives_empty_text():
    assert html_to_lines("") == ("", None, None)


def test_fragment_is_read_without_extraction():
    assert html_to_lines("<p>Just one paragraph.</p>") == ("Just one paragraph.", None, None)
    assert html_to_lines("plain text, no markup") == ("plain text, no markup", None, None)


def test_page_with_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?>' + PAGE
    assert html_to_lines(page)[0] == html_to_lines(PAGE)[0]


def test_wcxb_page_matches_the_naive_scrape():
    page = shared_path("data", "boilerplate", "wcxb_html", "wcxb-test__4011.html.gz")
    with gzip.open(page, "rt", errors="replace") as fh:
        text, main, title = html_to_lines(fh.read())
    assert len(text.split("\n")) > 100 and main and title
    assert all(line.strip() in text for line in main.split("\n")[:5] if len(line) > 80)
    # one parse serves both: the main text is what trafilatura extracts from the raw page
    with gzip.open(page, "rt", errors="replace") as fh:
        assert main == trafilatura.extract(fh.read())
