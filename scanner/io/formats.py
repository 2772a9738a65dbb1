"""Read one path (local or fsspec URL) or stdin in whatever format it holds.

Formats: plain text and Markdown files, HTML files, JSONL, CSV/TSV, WARC and RSS/Atom feeds,
each optionally gzipped. The format comes from the file name (``a.jsonl.gz``), else from the
first bytes, unless :attr:`ReadOptions.format` forces one.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from scanner.io.charset import decode_web_bytes
from scanner.io.csvfmt import read_csv
from scanner.io.detect import (
    CONTROL_BYTES,
    MAX_CONTROL_SHARE,
    base_suffix,
    detect_format,
    sniff_format,
    utf16_without_bom,
    wide_encoding,
)
from scanner.io.feed import FEED_SIZE_FACTOR, read_feed
from scanner.io.jsonl import read_jsonl
from scanner.io.markup import not_a_page
from scanner.io.opener import gunzipped, open_binary
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, empty_document, record_at, with_line_breaks
from scanner.io.warc import read_warc

_HEAD = 4096
_SNIFF_BYTES = 8192


def read_path(path: str, options: ReadOptions, name: str | None = None
              ) -> Iterator[InputRecord]:
    """Every record of one file; an unreadable file is one error record. The records are
    named after ``name`` when given (the path as the user gave it, for a file opened by
    another spelling of its path: the Dask engine's workers open it by its absolute path)."""
    name = path if name is None else name
    try:
        with open_binary(path) as handle:
            fmt = options.format or detect_format(name, handle.peek(_HEAD)[:_HEAD])
            yield from read_handle(handle, name, fmt, options, tsv=base_suffix(name) == ".tsv")
    except (OSError, EOFError) as exc:
        yield record_at(Origin(name), error=_cannot_read(path, exc, name))


def _cannot_read(path: str, exc: OSError | EOFError, name: str) -> str:
    """Why the file ``path`` (named ``name``) cannot be opened or read, naming it."""
    if isinstance(exc, FileNotFoundError) and os.path.islink(path):
        return f"{name}: broken symbolic link (target {os.readlink(path)} does not exist)"
    if os.path.isdir(path):  # a directory walk's subdirectory that cannot be listed
        try:
            os.listdir(path)
        except OSError as listing:
            exc = listing
        return f"{name}: cannot read directory: {getattr(exc, 'strerror', None) or exc}"
    return f"{name}: cannot read: {getattr(exc, 'strerror', None) or exc}"


def read_stdin(options: ReadOptions, name: str = "-") -> Iterator[InputRecord]:
    """Records from standard input, gunzipped and format sniffed from its first bytes as a
    file's are."""
    handle = sys.stdin.buffer
    if not hasattr(handle, "peek"):
        handle = io.BufferedReader(handle)
    try:
        handle = gunzipped(handle)
        head = handle.peek(_HEAD)[:_HEAD]
        yield from read_handle(handle, name, options.format or sniff_format(head), options)
    except (OSError, EOFError) as exc:
        yield record_at(Origin(name), error=f"{name}: cannot read: {exc}")


def read_handle(handle: BinaryIO, name: str, fmt: str, options: ReadOptions,
                tsv: bool = False) -> Iterator[InputRecord]:
    """Records of an open binary stream in format ``fmt``."""
    if fmt in ("jsonl", "csv") and (wide := wide_encoding(handle.peek(4)[:4])):
        yield record_at(Origin(name), error=f"{name}: {fmt.upper()} in {wide.upper()}; "
                                            "JSONL and CSV files must be UTF-8")
    elif fmt == "jsonl":
        yield from _not_empty(read_jsonl(handle, name, options), name)
    elif fmt == "csv":
        yield from _not_empty(read_csv(handle, name, options, delimiter="\t" if tsv else ","),
                              name)
    elif fmt == "warc":
        yield from _not_empty(read_warc(handle, name, options), name)
    elif fmt == "feed":
        limit = options.max_bytes * FEED_SIZE_FACTOR
        data = handle.read(limit + 1)
        if len(data) > limit:
            yield record_at(Origin(name), error=f"{name}: feed is above the {limit}-byte limit")
        else:
            yield from read_feed(data, name, options)
    else:
        yield read_document(handle, name, fmt, options)


def _not_empty(records: Iterator[InputRecord], name: str) -> Iterator[InputRecord]:
    """``records``, or one error record when the file holds none (as an empty text file is
    one): a gate must not pass on a file with nothing in it."""
    empty = True
    for record in records:
        empty = False
        yield record
    if empty:
        yield record_at(Origin(name), error=f"{name}: no records in the file")


def read_document(handle: BinaryIO, name: str, fmt: str, options: ReadOptions) -> InputRecord:
    """A whole text, Markdown or HTML document as one record (HTML kept raw for extraction; an
    HTML file that holds no page, :func:`~scanner.io.markup.not_a_page`, is an error record)."""
    try:
        data = handle.read(options.max_bytes + 1)
    except (EOFError, OSError) as exc:
        return record_at(Origin(name), error=f"{name}: cannot read: {exc}")
    if len(data) > options.max_bytes:
        return record_at(Origin(name),
                         error=f"{name}: file is above the {options.max_bytes}-byte limit"
                               " (--max-doc-bytes)")
    text, error = decode_text(data, name, web_page=fmt == "html")
    if error:
        return record_at(Origin(name), error=error)
    if fmt == "html":
        problem = not_a_page(text)
        if problem:
            return record_at(Origin(name), error=f"{name}: {problem}")
        return record_at(Origin(name), html=text, metadata={"format": "html"})
    return record_at(Origin(name), text=text, metadata={"format": fmt})


def decode_text(data: bytes, name: str, web_page: bool = False) -> tuple[str, str | None]:
    """Decode a document; return ``(text, error)``. Plain text must be UTF-8 (a BOM is
    dropped), or UTF-16/32 with a BOM; a web page is read as a browser reads it
    (:mod:`scanner.io.charset`)."""
    wide = wide_encoding(data)
    if web_page and wide != "utf-16":
        wide = None  # browsers know no UTF-32
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head and not wide:  # UTF-16 text is full of NUL bytes
        utf16 = utf16_without_bom(head)
        if utf16:
            return "", (f"{name}: every other byte is NUL, as in {utf16} text without a "
                        "byte-order mark (UTF-16 is read by its mark; convert it to UTF-8 first, "
                        f"e.g. with iconv -f {utf16.lower()} -t utf-8)")
        return "", f"{name}: binary file (NUL bytes), not text"
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if not wide and controls > MAX_CONTROL_SHARE * len(head):
        # (a web page is decoded whatever its bytes, as a browser would: random bytes too)
        return "", f"{name}: binary file (control bytes), not text"
    if web_page:
        text = decode_web_bytes(data)
    else:
        try:
            text = data.decode(wide or "utf-8-sig")
        except UnicodeDecodeError as exc:
            if wide:
                return "", f"{name}: invalid {wide.upper()} at byte offset {exc.start}"
            return "", (f"{name}: invalid UTF-8 at byte offset {exc.start} (plain text must be "
                        "UTF-8; convert it first, e.g. with iconv -f windows-1252 -t utf-8)")
    error = empty_document(name, text)
    if error:
        return "", error
    return (text if web_page else with_line_breaks(text)), None
