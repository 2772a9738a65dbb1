"""InputRecord: one article as read, before scanning (or the reason it could not be read)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import urlsplit

_LINE_SUFFIX_RE = re.compile(r"(?::\d+|#\d+)$")
_LONE_CR_RE = re.compile(r"\r(?!\n)")


class Origin(NamedTuple):
    """Where a record was read: its file (a path or URL as given, ``-`` for stdin) and, for a
    record of a file of many, its line (JSONL, CSV: the line it starts on) or its entry
    number (WARC, feed). As text, ``file``, ``file:line`` or ``file#entry``, as messages
    and default ids name it. (A named tuple: one is built, and with ``--jobs`` pickled, per
    record.)"""

    file: str
    line: int | None = None
    entry: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file if self.entry is None else f"{self.file}#{self.entry}"

    @property
    def whole_file(self) -> bool:
        """The record is the whole file (not one of its lines or entries)."""
        return self.line is None and self.entry is None


@dataclass(slots=True)
class InputRecord:
    """One input record. Exactly one of ``text``/``html``/``error`` carries the content.

    ``id`` is the record's own id as given (for files, the path as given); ``source`` its
    published path or URL; ``origin`` where it was read (None for a record that was not read
    from a file: the Python API's documents).
    """

    id: str
    source: str | None = None
    origin: Origin | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    error: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def record_name(record: InputRecord) -> str:
    """How a message names a record: where it was read (``file``, ``file:line``,
    ``file#entry``), else its id (a document of the Python API)."""
    return record.id if record.origin is None else str(record.origin)


def record_at(origin: Origin, **content: Any) -> InputRecord:
    """A record named after where it was read (its id and source are ``str(origin)``): a whole
    file, or a record of a file of many that gives no id of its own (an unreadable line)."""
    name = str(origin)
    return InputRecord(id=name, source=name, origin=origin, **content)


def empty_document(where: str | Origin, *contents: str | None) -> str | None:
    """The error of a document whose every part (text, HTML, title) is missing or blank, the
    same for a file, a JSONL/CSV record and a WARC response; None when something is there."""
    for part in contents:  # (a loop, not any() over a generator: this runs per record)
        if part and not part.isspace():
            return None
    return f"{where}: empty document"


def with_line_breaks(text: str) -> str:
    """``text`` with each lone carriage return (a classic Mac OS line end) made a ``\\n``,
    one character for one, so offsets stay those of the text as read; a CRLF line end is kept
    (a line's span ends before its ``\\r``)."""
    return _LONE_CR_RE.sub("\n", text) if "\r" in text else text


def source_group(source: str | None, record_id: str) -> str:
    """The group a record is summarised under: the host for URLs (no ``www.``), the
    container file for records of a JSONL/CSV/WARC/feed file, else the file's directory."""
    source = source or record_id
    if "://" in source and not source.startswith("file://"):
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    source = source.removeprefix("file://")
    if not source.startswith("-"):  # one spelling of a local path: "./seeds/a.txt" is "seeds/a.txt"
        source = os.path.normpath(source).replace(os.sep, "/")
    stripped = _LINE_SUFFIX_RE.sub("", source)
    if stripped != source:
        return stripped
    return source.rsplit("/", 1)[0] if "/" in source else "."
