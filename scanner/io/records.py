"""InputRecord: one article as read, before scanning (or the reason it could not be read)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

_LINE_SUFFIX_RE = re.compile(r"(?::\d+|#\d+)$")


@dataclass(slots=True)
class InputRecord:
    """One input record. Exactly one of ``text``/``html``/``error`` carries the content.

    ``id`` is the record's own id as given (for files, the path as given).
    """

    id: str
    source: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    error: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def empty_document(where: str, *contents: str | None) -> str | None:
    """The error of a document whose every part (text, HTML, title) is missing or blank, the
    same for a file, a JSONL/CSV record and a WARC response; None when something is there."""
    for part in contents:  # (a loop, not any() over a generator: this runs per record)
        if part and not part.isspace():
            return None
    return f"{where}: empty document"


def source_group(source: str | None, record_id: str) -> str:
    """The group a record is summarised under: the host for URLs (no ``www.``), the
    container file for records of a JSONL/CSV/WARC/feed file, else the file's directory."""
    source = source or record_id
    if "://" in source and not source.startswith("file://"):
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    source = source.removeprefix("file://")
    stripped = _LINE_SUFFIX_RE.sub("", source)
    if stripped != source:
        return stripped
    return source.rsplit("/", 1)[0] if "/" in source else "."
