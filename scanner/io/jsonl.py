"""JSONL (optionally gzipped) as records, streamed line by line with bounded memory.

A line longer than the size limit is skipped in chunks (never held whole) and becomes an
error record (with the record's id when it is in the line's first 64 KB), and so does a line
that is not UTF-8; a UTF-8 byte-order mark at the start is skipped; an unpaired surrogate escape
(``"\\ud800"``) in a string is read as U+FFFD; a truncated or damaged gzip stream ends the
file with one error record (the records before the damage are read; when a gzip member's
checksum fails, the record says from which line on the records may be corrupt). A record with
neither the text nor the html field is a headline judged alone, unless another field holds a
string of 12 words or more: then it is an error record naming that field, whose text is likely
under another name (a misspelt ``--text-field``; :mod:`scanner.io.fields`). A field whose value
is JSON ``null`` counts as absent (``"title": null`` is a record without a title). A line
that ends inside a string (a raw line break in a text) is an error record saying so, with the
column where the string opens.
"""
from __future__ import annotations

import codecs
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson

from scanner.io.fields import record_from_object
from scanner.io.opener import DamagedGzipError, TruncatedGzipError
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, record_at

_SKIP_CHUNK = 1 << 20
_ID_SEARCH = 1 << 16  # bytes of an oversized line searched for its id
_SURROGATE_RE = re.compile("[\ud800-\udfff]")  # left unpaired: json.loads joins the pairs


def parse_line(line: bytes, where: Origin, options: ReadOptions) -> InputRecord:
    """One JSONL line as a record; problems become an error record named ``where``."""
    if len(line) > options.max_bytes:
        return oversized_record(line, len(line), where, options)
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        undecodable = _undecodable_record(line, where, options)
        if undecodable is not None:
            return undecodable
        obj = _standard_loads(line) if _STANDARD_PARSER_READS.search(str(exc)) else None
        if obj is None:
            problem = _json_problem(line, exc, first=where.line == 1)
            return record_at(where, error=f"{where}: malformed JSON: {problem}")
    return record_from_object(obj, where, options)


_POSITION_RE = re.compile(r": line \d+ column \d+ \(char (\d+)\)$")


def _json_problem(line: bytes, exc: orjson.JSONDecodeError, first: bool = False) -> str:
    """What is wrong with a JSONL line (UTF-8) the parser refused, in a reader's terms: a line
    that starts no record (the rest of one cut by a raw line break), a string that the line
    ends inside (the parser says "unexpected control character" or "end
    of data"), a record the line ends before, else the parser's message, its position given
    as the line's column (the line number is the record's, not the parser's "line 1"); on the
    ``first`` line of a file there is no line above to blame."""
    if not line.lstrip().startswith((b"{", b"[")):
        if first:  # no line above (QA pass 27): a file that is no JSONL at all, most likely
            return "the line does not start a JSON record (is the file JSONL?)"
        return ("the line does not start a JSON record (it may be the rest of the line above, "
                "cut by a line break inside a text, which must be written \\n in JSONL)")
    opened = _scan(line.rstrip(b"\r\n"))[1]  # the quote opening a string the line ends in
    if opened is not None:
        column = len(line[:opened].decode("utf-8")) + 1
        return (f"the string that opens at column {column} is not closed before the line ends "
                "(a line break inside a text must be written \\n in JSONL)")
    message = str(exc)
    position = _POSITION_RE.search(message)
    if position and _nan_at(line, int(position.group(1))):
        column = int(position.group(1)) + 1
        return (f"NaN or Infinity at column {column} is not JSON (Python's json.dumps writes "
                "it unless allow_nan=False): write null")
    if message.startswith("unexpected end of data"):
        return ("the line ends before the record does (a closing '}' or ']' is missing, or the "
                "record goes on over several lines, which JSONL does not allow)")
    return _POSITION_RE.sub(lambda m: f" at column {int(m.group(1)) + 1}", message)


def _nan_at(line: bytes, char: int) -> bool:
    """Whether ``NaN`` or ``Infinity`` (signed or not) starts at character ``char`` of a UTF-8
    line: the parser counts characters, not bytes (QA pass 35: a line with an accented letter
    before it lost the hint)."""
    return line.decode("utf-8")[char:].lstrip("-").startswith(("NaN", "Inf"))


def _undecodable_record(line: bytes, where: Origin, options: ReadOptions) -> InputRecord | None:
    """The error record of a line that is not UTF-8 (with its id when its first bytes give it,
    as for an oversized line), or None for a line that is."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        record_id = _id_from_head(line[:_ID_SEARCH], options.id_field)
        return _line_error(record_id, where,
                           f"{where}: invalid UTF-8 at byte offset {exc.start} of the line")
    return None


def oversized_record(head: bytes, size: int, where: Origin, options: ReadOptions) -> InputRecord:
    """The error record of a line of ``size`` bytes, above the limit, whose first bytes are
    ``head``: its id is read from those bytes when it comes early (as it usually does, before
    the text), else it is ``where`` and the message says the id was not found."""
    record_id = _id_from_head(head[:_ID_SEARCH], options.id_field)
    note = "" if record_id is not None else f"; no '{options.id_field}' in its first bytes"
    return _line_error(record_id, where, f"{where}: record is {size} bytes, above the "
                                         f"{options.max_bytes}-byte limit{note}")


def _line_error(record_id: str | None, where: Origin, error: str) -> InputRecord:
    """The error record of a line, under the id its first bytes give (else ``where``)."""
    name = str(where)
    return InputRecord(id=record_id or name, source=name, origin=where, error=error)


def _id_from_head(head: bytes, id_field: str) -> str | None:
    """The string or number value of the top-level key ``id_field`` in the start of a JSON
    object, or None."""
    key = re.escape(orjson.dumps(id_field))
    for match in re.finditer(key + rb'\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)', head):
        if _depth(head[:match.start()]) == 1:
            try:
                return str(orjson.loads(match.group(1)))
            except orjson.JSONDecodeError:
                return None
    return None


def _depth(prefix: bytes) -> int:
    """How deep in objects/arrays the end of ``prefix`` is (-1 inside a string)."""
    depth, opened = _scan(prefix)
    return -1 if opened is not None else depth


def _scan(data: bytes) -> tuple[int, int | None]:
    """How deep in objects/arrays the end of ``data`` is, and the offset of the quote opening
    the string it ends inside (None outside any string)."""
    depth, opened, escaped = 0, None, False
    for offset, byte in enumerate(data):
        if opened is not None:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                opened = None
        elif byte == 0x22:
            opened = offset
        elif byte in b"{[":
            depth += 1
        elif byte in b"}]":
            depth -= 1
    return depth, opened


# what orjson refuses and the standard parser reads: an unpaired surrogate escape, a number
# beyond a double's range (``1e999``, valid JSON)
_STANDARD_PARSER_READS = re.compile("surrogate|number is infinity")


def _standard_loads(line: bytes) -> Any:
    """The object of a line orjson refused for an unpaired surrogate escape (``"\\ud800"``,
    half of a UTF-16 pair, which UTF-8 text cannot hold) or a number too large for a double:
    the standard parser reads it; each such half becomes U+FFFD, as undecodable bytes do
    elsewhere, and such a number infinity. None if still invalid."""
    try:
        return _replace_surrogates(json.loads(line, parse_constant=_reject_constant))
    except (ValueError, RecursionError):
        return None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")  # as orjson: no NaN or Infinity


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE_RE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    return value


def read_jsonl(handle: BinaryIO, name: str, options: ReadOptions) -> Iterator[InputRecord]:
    """Records from a JSONL stream; blank lines are skipped, ids default to ``name:line``."""
    line_no = 1  # the line being read (an exception is reported on it)
    members = _Members(handle)
    try:
        while True:
            line = handle.readline(options.max_bytes + 1)
            if not line:
                return
            where = Origin(name, line_no)
            if line_no == 1 and line.startswith(codecs.BOM_UTF8):  # as CSV and text files
                line = line[len(codecs.BOM_UTF8):]
            if len(line) > options.max_bytes and not line.endswith(b"\n"):
                head, size = _oversized_line(handle, line)
                yield oversized_record(head, size, where, options)
            elif line.strip():
                yield parse_line(line, where, options)
            members.seen(line_no)
            line_no += 1
    except (EOFError, zlib.error, OSError) as exc:
        where = Origin(name, line_no)
        yield record_at(where, error=f"{where}: {_damage(exc, members.first_line(line_no))}")


def _damage(exc: BaseException, member_line: int) -> str:
    """What the error that ends a JSONL stream means for its records, which start on line
    ``member_line`` for the gzip member the error is in."""
    if isinstance(exc, TruncatedGzipError):  # (QA pass 27: it named neither gzip nor a byte)
        return f"{exc}; the records before it were read"
    if not isinstance(exc, DamagedGzipError):
        return f"input ends in the middle of a record ({exc})"
    if exc.checksum:
        return f"{exc} (the records from line {member_line} on)"
    return f"{exc}; the records before it were read"


class _Members:
    """The line each gzip member of a gunzipped stream starts in (a plain stream is one
    member): a checksum failure at a member's end puts in doubt the records read from it."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._count = self._now()
        self._line = 1  # where the current member starts

    def _now(self) -> int:
        return getattr(self._handle, "members", 1)

    def seen(self, line_no: int) -> None:
        """Line ``line_no`` was read: a member started since starts in it."""
        if self._now() != self._count:
            self._count, self._line = self._now(), line_no

    def first_line(self, line_no: int) -> int:
        """The line the member being read starts in, ``line_no`` being read now."""
        self.seen(line_no)
        return self._line


def _oversized_line(handle: BinaryIO, start: bytes) -> tuple[bytes, int]:
    """The first bytes (at least the first 64 KB, searched for the id) and the size of a line
    too long to hold, whose first bytes ``start`` were read: the rest of it is read in chunks
    and dropped."""
    parts, size, chunk = [start], len(start), start
    while not chunk.endswith(b"\n"):
        chunk = handle.readline(_SKIP_CHUNK)
        if not chunk:
            break
        if size < _ID_SEARCH:
            parts.append(chunk[:_ID_SEARCH - size])
        size += len(chunk)
    return b"".join(parts), size
