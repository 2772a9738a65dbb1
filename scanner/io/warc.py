"""WARC / WARC.gz web archives as records (warcio): one record per HTML or text response.

Only successful (2xx) ``response``, ``resource`` and ``conversion`` records whose content type is
HTML or plain text are articles; requests, metadata, redirects and images are skipped. The id
is the WARC-Record-ID, the source the target URI. HTML is decoded as a browser does
(:mod:`scanner.io.charset`: the charset the HTTP header or a ``<meta charset>`` declares) and
handed to the engine's HTML extraction. A damaged archive ends with one error record.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from scanner.io.charset import decode_web_bytes
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, empty_document, record_at

_DOCUMENT_TYPES = {"response", "resource", "conversion"}
_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(handle: BinaryIO, name: str, options: ReadOptions) -> Iterator[InputRecord]:
    """Records for the HTML/text documents of a WARC stream."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield record_at(Origin(name), error=f"{name}: reading WARC needs warcio "
                                            "(pip install warcio)")
        return

    whole = 0  # WARC records read to their end; the damage is in the one after them
    try:
        for record in ArchiveIterator(_ShortReads(handle)):
            converted = _convert(record, Origin(name, entry=whole + 1), options)
            whole += 1
            if converted is not None:
                yield converted
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        where = Origin(name, entry=whole + 1)
        yield InputRecord(id=str(where), source=name, origin=where,
                          error=f"{where}: damaged WARC after {whole} records: {exc}")


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
    metadata = {"format": "html" if is_html else "text", "warc_file": where.file}
    if is_html:
        return InputRecord(id=record_id, source=uri, origin=where, html=text, metadata=metadata)
    return InputRecord(id=record_id, source=uri, origin=where, text=text, metadata=metadata)
