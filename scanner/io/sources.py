"""Expand paths and read each file or JSONL line as an :class:`InputRecord`.

Reading never raises for a bad record: an unreadable, binary, undecodable, empty or oversized
file, or a malformed JSONL line, becomes a record with ``error`` set, so every input yields
exactly one output. Only a path that does not exist is an :class:`InputError` (a usage error).
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from scanner.io.records import InputRecord

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class InputError(ValueError):
    """An input path cannot be used at all (it does not exist)."""


def read_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[InputRecord]:
    """Records from every path in order; ``-`` reads stdin, directories are walked sorted."""
    for path in expand_paths(paths):
        if path == "-":
            yield from read_stream(sys.stdin.buffer.read(), "-", max_bytes)
        elif Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_file(path, max_bytes)
        else:
            yield read_file(path, max_bytes)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Check every path exists and expand directories to their supported files (recursive)."""
    expanded: list[str] = []
    for path in paths:
        if path == "-":
            expanded.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            expanded += [str(f) for f in sorted(p.rglob("*"))
                         if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                         and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        elif p.exists():
            expanded.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return expanded


def read_file(path: str, max_bytes: int) -> InputRecord:
    """A .txt/.md/.html file as one record (HTML is kept raw for the engine to extract)."""
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return InputRecord(id=path, source=path,
                               error=f"{path}: file is {size} bytes, above the {max_bytes}-byte limit"
                                     " (--max-doc-bytes)")
        data = Path(path).read_bytes()
    except OSError as exc:
        return InputRecord(id=path, source=path, error=f"{path}: cannot read: {exc.strerror}")
    text, error = decode_text(data, path)
    if error:
        return InputRecord(id=path, source=path, error=error)
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        return InputRecord(id=path, source=path, html=text, metadata={"format": "html"})
    fmt = "markdown" if Path(path).suffix.lower() in {".md", ".markdown"} else "text"
    return InputRecord(id=path, source=path, text=text, metadata={"format": fmt})


def decode_text(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode UTF-8 text (a BOM is dropped); return ``(text, error)``."""
    if b"\x00" in data[:8192]:
        return "", f"{name}: binary file (NUL bytes), not text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return "", f"{name}: invalid UTF-8 at byte {exc.start}"
    if not text.strip():
        return "", f"{name}: empty document"
    return text, None


def read_stream(data: bytes, name: str, max_bytes: int) -> Iterator[InputRecord]:
    """stdin: JSONL when it starts with ``{``, else one plain-text document."""
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_lines(data.splitlines(), name, max_bytes)
        return
    if len(data) > max_bytes:
        yield InputRecord(id=name, source=name,
                          error=f"{name}: {len(data)} bytes, above the {max_bytes}-byte limit")
        return
    text, error = decode_text(data, name)
    yield InputRecord(id=name, source=name, text=None if error else text, error=error)


def read_jsonl_file(path: str, max_bytes: int) -> Iterator[InputRecord]:
    """Each line of a JSONL file as a record (streamed: memory does not grow with the file)."""
    try:
        with open(path, "rb") as handle:
            yield from read_jsonl_lines(handle, path, max_bytes)
    except OSError as exc:
        yield InputRecord(id=path, source=path, error=f"{path}: cannot read: {exc.strerror}")


def read_jsonl_lines(lines: Iterable[bytes], name: str, max_bytes: int) -> Iterator[InputRecord]:
    """Parse JSONL lines ``{"id", "title"?, "text" | "html", "url"?}``; blank lines are skipped."""
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield parse_jsonl_record(line, f"{name}:{line_no}", max_bytes)


def parse_jsonl_record(line: bytes, where: str, max_bytes: int) -> InputRecord:
    """One JSONL line as a record; problems become an error record named ``file:line``."""
    if len(line) > max_bytes:
        return InputRecord(id=where, source=where,
                           error=f"{where}: record is {len(line)} bytes, above the {max_bytes}-byte limit")
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return InputRecord(id=where, source=where, error=f"{where}: malformed JSON: {exc}")
    if not isinstance(obj, dict):
        return InputRecord(id=where, source=where, error=f"{where}: a record must be a JSON object")
    record_id = obj.get("id")
    record_id = where if record_id is None else str(record_id)
    source = obj.get("url") or obj.get("source") or where
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        return InputRecord(id=record_id, source=source, error=f"{where}: 'title' must be a string")
    text, html = obj.get("text"), obj.get("html")
    for field_name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return InputRecord(id=record_id, source=source,
                               error=f"{where}: '{field_name}' must be a string")
    if text is None and html is None:
        if not title:
            return InputRecord(id=record_id, source=source,
                               error=f"{where}: record has no 'text', 'html' or 'title'")
        text = ""
    metadata = {"format": "html" if html is not None and text is None else "text"}
    return InputRecord(id=record_id, source=source, title=title or None,
                       text=text, html=html if text is None else None, metadata=metadata)
