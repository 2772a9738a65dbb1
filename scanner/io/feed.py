"""RSS/Atom feeds as records (feedparser): one record per entry.

The id is the entry's id (guid), else its link, else ``file#N``; the source is the link; the
title is the entry title; the text is the entry's full content, else its summary (HTML content
goes through the engine's HTML extraction). An entry with neither is an error record, as is a
file that is not a feed at all.
"""
from __future__ import annotations

from collections.abc import Iterator

from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, record_at

FEED_SIZE_FACTOR = 20  # a feed file may hold many articles: allow 20x the per-record limit


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
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_record(entry, Origin(name, entry=number), options)


def _entry_record(entry, where: Origin, options: ReadOptions) -> InputRecord:
    source = entry.get("link") or str(where)
    record_id = entry.get("id") or source
    title = entry.get("title") or None
    contents = entry.get("content") or []
    body = contents[0] if contents else entry.get("summary_detail")
    value = (body or {}).get("value") or ""
    metadata = {"format": "feed", "feed_entry": str(where)}
    if not value.strip():
        return InputRecord(id=record_id, source=source, origin=where, title=title,
                           error=f"{where}: feed entry has no content or summary")
    if len(value.encode("utf-8")) > options.max_bytes:
        return InputRecord(id=record_id, source=source, origin=where, title=title,
                           error=f"{where}: entry is above the {options.max_bytes}-byte limit")
    if "html" in (body.get("type") or "text/html"):
        return InputRecord(id=record_id, source=source, origin=where, title=title, html=value,
                           metadata=metadata)
    return InputRecord(id=record_id, source=source, origin=where, title=title, text=value,
                       metadata=metadata)
