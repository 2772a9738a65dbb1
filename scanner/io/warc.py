"""WARC / WARC.gz web archives as records (warcio): one record per HTML or text response.

Only successful (2xx) ``response``, ``resource`` and ``conversion`` records whose content type is
HTML or plain text are articles; requests, metadata, redirects and images are skipped. The id
is the WARC-Record-ID, the source the target URI. HTML is decoded as a browser does
(:mod:`scanner.io.charset`: the charset the HTTP header or a ``<meta charset>`` declares) and
handed to the engine's HTML extraction. A damaged archive ends with one error record, naming
the WARC record the damage is in: damaged gzip data, a header block warcio cannot read or that
has no valid Content-Length, a record the file ends in (short of its Content-Length, or in its
header block), or one that no blank line follows (a wrong Content-Length). A record is handed
on only once it has been read to its end, so the part of a cut record never is.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from scanner.io.charset import decode_web_bytes
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, empty_document, record_at, with_line_breaks

_DOCUMENT_TYPES = {"response", "resource", "conversion"}
_HTML_TYPES = ("text/html", "application/xhtml")
_LENGTH_HEADER = {"warc": "Content-Length", "arc": "length"}
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")  # a WARC's first record, an ARC's header record


def read_warc(handle: BinaryIO, name: str, options: ReadOptions) -> Iterator[InputRecord]:
    """Records for the HTML/text documents of a WARC stream."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield record_at(Origin(name), error=f"{name}: reading WARC needs warcio "
                                            "(pip install warcio)")
        return

    start = _start(handle)
    if start and not start.startswith(_ARCHIVE_STARTS):
        yield record_at(Origin(name), error=f"{name}: not a WARC or ARC file (it starts with "
                                            f"{start.decode('utf-8', 'replace')!r})")
        return
    whole = 0  # WARC records read to their end; the damage is in the one after them
    try:
        records = ArchiveIterator(_ShortReads(handle))
        records.INC_RECORD = ""  # no stderr warning (with record text): _check_whole's error
        for record in _each(records):
            where = Origin(name, entry=whole + 1)
            converted = _convert(record, where, options)
            records.read_to_end()  # (the iterator would read it on the next step)
            _check_whole(record, records)
            whole += 1
            if converted is not None:
                yield converted
        if records.next_line:
            raise _DamagedRecord("the file ends in the record's header block")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        where = Origin(name, entry=whole + 1)
        yield InputRecord(id=str(where), source=name, origin=where,
                          error=f"{where}: damaged WARC after {whole} records: {exc}")


def _start(handle: BinaryIO) -> bytes:
    """The first bytes of the stream after blank lines (b"" when it cannot be peeked at: the
    damage is then reported where the records are read)."""
    try:
        return handle.peek(64)[:64].lstrip(b" \t\r\n")[:24]  # type: ignore[attr-defined]
    except (AttributeError, EOFError, OSError):
        return b""


def _each(records) -> Iterator:
    """The records of warcio's iterator; the AttributeError it raises on a response's header
    block without a ``WARC-Target-URI`` (cut before it) becomes a :class:`_DamagedRecord`."""
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except AttributeError as exc:
            raise _DamagedRecord("the record's header block is cut or unreadable (it has no "
                                 "WARC-Target-URI)") from exc
        yield record


class _DamagedRecord(ValueError):
    """A WARC record cut short, or whose header block cannot be read."""


def _check_whole(record, records) -> None:
    """Raise :class:`_DamagedRecord` unless ``record``, read to its end, held all its
    ``Content-Length`` gives and was followed by the blank lines that end a record."""
    declared = record.rec_headers.get_header(_LENGTH_HEADER.get(record.format, "length"))
    if not (declared or "").strip().isdigit():
        raise _DamagedRecord(f"the record has no valid Content-Length ({declared!r}; its "
                               "header block is cut?)")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise _DamagedRecord(f"the record is cut: {missing} of the {record.length} bytes "
                               "its Content-Length gives are missing")
    if records.err_count:
        raise _DamagedRecord("the record is not followed by a blank line (its "
                               "Content-Length is wrong)")


class _ShortReads:
    """The stream for warcio, whose ``read(n)`` calls take a short block as it comes: ``read1``
    then returns the data before damaged gzip data, which ``read`` would drop (see
    :class:`scanner.io.opener.GunzipReader`)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.read = getattr(handle, "read1", handle.read)


def _convert(record, where: Origin, options: ReadOptions) -> InputRecord | None:
    if record.rec_type not in _DOCUMENT_TYPES:
        return None
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or str(where)
    uri = headers.get_header("WARC-Target-URI") or str(where)
    content_type = headers.get_header("Content-Type") or ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    is_html = mime.startswith(_HTML_TYPES)
    if not (is_html or mime == "text/plain"):
        return None
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return InputRecord(id=record_id, source=uri, origin=where,
                           error=f"{where}: document is above the {options.max_bytes}-byte limit")
    text = decode_web_bytes(data, content_type.encode("latin-1", "replace"))
    error = empty_document(where, text)
    if error:
        return InputRecord(id=record_id, source=uri, origin=where, error=error)
    metadata = {"format": "html" if is_html else "text"}
    if is_html:
        return InputRecord(id=record_id, source=uri, origin=where, html=text, metadata=metadata)
    return InputRecord(id=record_id, source=uri, origin=where, text=with_line_breaks(text),
                       metadata=metadata)
