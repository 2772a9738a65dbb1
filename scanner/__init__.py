"""spinscan: find machine-rewritten (spun), padded and low-quality text in news articles.

Python API for CMS integration; both functions return the same records as ``--format jsonl``::

    import scanner
    record = scanner.scan_text("Headline\\n\\nBody ...", title=None)
    records = list(scanner.scan_documents([{"id": "a1", "title": "...", "text": "..."}]))

An ignore comment that ignores nothing is an :class:`IgnoreCommentWarning`.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

__version__ = "0.1.0"
__all__ = ["scan_text", "scan_documents", "IgnoreCommentWarning", "__version__"]
_SCANNERS: dict[str, Any] = {}  # one Scanner (rules, models) per configuration, reused
_CONFIG_FILES: dict[tuple[str, str, int], Any] = {}  # a config file read once per version


class IgnoreCommentWarning(UserWarning):
    """A ``<!-- spinscan: ... -->`` comment of a document that ignores nothing (malformed, or
    naming no rule), issued as the document's record is returned."""


def scan_text(text: str, *, title: str | None = None, id: str = "-", source: str | None = None,
              html: bool = False, config: Any = None, **settings: Any) -> dict[str, Any]:
    """Scan one article; returns its record (``{"id", "scores", "findings", "error", ...}``).
    ``html=True`` reads ``text`` as an HTML page (markup given as text is scanned as text).

    ``settings`` are configuration keys in snake_case (``select=["spin"]``, ``fail_on=...``);
    ``config`` is a ready :class:`scanner.config.Config` or a TOML file's path (read as
    ``--config`` reads it).
    """
    record = {"id": id, "title": title, "url": source, ("html" if html else "text"): text}
    scanner = _scanner(config, settings, "scan_text()")
    return next(_records(scanner, iter([record]), jobs=1, stacklevel=3))


def scan_documents(documents: Iterable[Mapping[str, Any]], *, config: Any = None, jobs: int = 1,
                   **settings: Any) -> Iterator[dict[str, Any]]:
    """Scan dicts shaped like JSONL input records; yields one record per document, in order
    (a document that cannot be read, such as a non-string text, yields an error record).
    Bad settings, or one document given for many, raise here, not when the records are read."""
    from scanner.config import check_positive

    if isinstance(documents, Mapping | str | bytes):
        raise TypeError(f"scan_documents() takes an iterable of documents, not one "
                        f"{type(documents).__name__} (use scan_text for one article)")
    check_positive(jobs, "scan_documents()", "jobs")
    return _records(_scanner(config, settings, "scan_documents()"), iter(documents), jobs)


def _scanner(config: Any, settings: dict[str, Any], caller: str) -> Any:
    """The Scanner of ``config`` (a Config, a TOML file's path or None) with ``settings`` on
    top, made once per configuration; errors name ``caller``, the API function called."""
    from scanner.config import Config, read_config_file
    from scanner.engine import Scanner

    if isinstance(config, str | os.PathLike):
        config = _config_file(config, read_config_file)
    elif not isinstance(config, Config | None):
        raise TypeError(f"{caller}: config must be a scanner.config.Config or a TOML file's "
                        f"path, not {type(config).__name__} (give settings as keyword arguments)")
    config = config or Config()
    config = config.merged(settings, caller) if settings else config
    scanner = _SCANNERS.get(repr(config))
    if scanner is None:
        scanner = Scanner(config)
        scanner.check_has_rules()
        _SCANNERS[repr(config)] = scanner
    return scanner


def _config_file(path: str | os.PathLike, read: Any) -> Any:
    """The Config of the TOML file ``path`` (``read`` reads it), read again only when the file
    changes: a CMS that passes the same file on every call does not parse it every time."""
    try:
        key = (os.fspath(path), os.getcwd(), os.stat(path).st_mtime_ns)
    except OSError:
        return read(path)  # (says the file was not found)
    if key not in _CONFIG_FILES:
        _CONFIG_FILES[key] = read(path)
    return _CONFIG_FILES[key]


def _records(scanner: Any, documents: Iterable[Any], jobs: int,
             stacklevel: int = 2) -> Iterator[dict[str, Any]]:
    """The published records of ``documents``, each preceded by an
    :class:`IgnoreCommentWarning` for each of its ignore comments that ignores nothing, which
    points ``stacklevel`` frames up from here (at the API's caller)."""
    max_bytes = scanner.config.max_doc_bytes
    records = (_input_record(doc, f"document {i + 1}", max_bytes)
               for i, doc in enumerate(documents))
    for result in scanner.scan_records(records, jobs=jobs, keep_text=False):
        for problem in result.ignore_comment_problems:
            warnings.warn(f"{result.id}: {problem}", IgnoreCommentWarning, stacklevel=stacklevel)
        yield result.to_record()


def _input_record(document: Any, where: str, max_bytes: int):
    """The input record of one API document, as a JSONL line with those fields would give (an
    error record for a document above ``max_bytes`` or whose text is not valid Unicode)."""
    from scanner.io.fields import record_from_object
    from scanner.io.records import InputRecord

    record = record_from_object(document, where)
    content = record.text if record.text is not None else record.html
    if content is None:
        return record
    try:
        size = len(content.encode("utf-8"))
    except UnicodeEncodeError:
        return InputRecord(id=record.id, source=record.source, error=(
            f"{record.id}: the text holds a lone surrogate, which is not valid Unicode"))
    if size > max_bytes:
        return InputRecord(id=record.id, source=record.source, error=(
            f"{record.id}: document is {size} bytes, above the {max_bytes}-byte limit"))
    return record
