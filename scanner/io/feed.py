"""RSS/Atom feeds as records (feedparser): one record per entry.

The id is the entry's id (guid), else its link, else ``file#N``; the source is the link; the
title is the entry title; the text is the entry's full content, else its summary (HTML content
goes through the engine's HTML extraction). An entry with a title and neither is a headline
judged alone, as a JSONL record with only a title is; one with nothing is an empty document. A
file that is not a feed at all is one error record, and a feed cut short (its XML ends before
its root element closes) ends with one error record after the entries read whole before the
cut, as a damaged JSONL or WARC file does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.io.detect import wide_encoding
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, empty_document, record_at, with_line_breaks

FEED_SIZE_FACTOR = 20  # a feed file may hold many articles: allow 20x the per-record limit
# what expat says of XML that ends early (a truncated file), not of XML malformed before its end
_CUT_ERRORS = ("no element found", "unclosed token", "partial character",
               "unclosed CDATA section")
_END_TAG_RE = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")


def read_feed(data: bytes, name: str, options: ReadOptions) -> Iterator[InputRecord]:
    """Records for every entry of a feed document."""
    try:
        import feedparser
    except ImportError:
        yield record_at(Origin(name), error=f"{name}: reading RSS/Atom needs "
                                            "feedparser (pip install feedparser)")
        return

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield record_at(Origin(name), error=f"{name}: not a readable RSS/Atom feed: {reason}")
        return
    cut = _cut_short(parsed)
    entries = parsed.entries[:_whole_entries(data, len(parsed.entries))] if cut else parsed.entries
    for number, entry in enumerate(entries, start=1):
        yield _entry_record(entry, Origin(name, entry=number), options)
    if cut:
        where = Origin(name, entry=len(entries) + 1)
        yield InputRecord(id=str(where), source=name, origin=where, error=(
            f"{where}: damaged feed after {len(entries)} entries: the file ends early ({cut})"))


def _cut_short(parsed) -> str | None:
    """The XML parser's error when the feed's data ends before its root element closes (a
    truncated file; feedparser's lenient parser still reads the entries), else None."""
    exc = parsed.get("bozo_exception")
    message = exc.getMessage() if hasattr(exc, "getMessage") else ""
    if message not in _CUT_ERRORS:
        return None
    return f"{message} at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"


def _whole_entries(data: bytes, count: int) -> int:
    """How many of the ``count`` entries read from the cut feed ``data`` were read whole: those
    whose end tag the data holds (the cut may fall inside an entry, or inside the start tag of
    one the parser never began)."""
    wide = wide_encoding(data)
    if wide:
        data = data.decode(wide, "replace").encode("utf-8")
    return min(count, len(_END_TAG_RE.findall(data)))


def _entry_record(entry, where: Origin, options: ReadOptions) -> InputRecord:
    source = entry.get("link") or str(where)
    record_id = entry.get("id") or source
    title = entry.get("title") or None
    contents = entry.get("content") or []
    body = contents[0] if contents else entry.get("summary_detail")
    value = (body or {}).get("value") or ""
    metadata = {"format": "feed"}
    error = empty_document(where, value, title)
    if error:
        return InputRecord(id=record_id, source=source, origin=where, error=error)
    if len(value.encode("utf-8")) > options.max_bytes:
        return InputRecord(id=record_id, source=source, origin=where, title=title,
                           error=f"{where}: entry is above the {options.max_bytes}-byte limit")
    if value.strip() and "html" in (body.get("type") or "text/html"):
        return InputRecord(id=record_id, source=source, origin=where, title=title, html=value,
                           metadata=metadata)
    return InputRecord(id=record_id, source=source, origin=where, title=title,
                       text=with_line_breaks(value), metadata=metadata)
