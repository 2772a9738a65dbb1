"""CSV/TSV files as records: one row per record, columns named by the header row.

The text, title, id and url columns are the same configurable field names as for JSONL; an
empty cell counts as missing. Ids default to ``file:line`` (the row's first line number). A
header without the text or html column makes the file one error record, unless the title is
its only other column beside the id and url: a list of headlines, each judged alone (as a JSONL
record with only a title is). A header with other columns is more likely a text column under
another name, and reading it as headlines would lose the texts in silence.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from scanner.io.fields import record_from_object
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord, Origin, record_at

_MAX_ERRORS_IN_A_ROW = 100


def read_csv(handle: BinaryIO, name: str, options: ReadOptions,
             delimiter: str = ",") -> Iterator[InputRecord]:
    """Records from a CSV stream (invalid UTF-8 or an oversized cell spoils only its row)."""
    csv.field_size_limit(max(options.max_bytes, 1 << 17))
    lines = _Lines(io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape",
                                    newline=""))
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    failures = 0
    while True:
        start = lines.count + 1
        where = Origin(name, start)
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeError, EOFError, OSError) as exc:
            failures += 1
            yield record_at(where, error=f"{where}: unreadable CSV row: {exc}")
            if failures >= _MAX_ERRORS_IN_A_ROW or isinstance(exc, (EOFError, OSError)):
                return
            continue
        failures = 0
        if header is None:
            header = [h.strip() for h in row]
            if not _has_body_column(header, options) and not _is_headline_list(header, options):
                yield record_at(Origin(name), error=(
                    f"{name}: the CSV header has no '{options.text_field}' or "
                    f"'{options.html_field}' column (it has: {', '.join(header)})"))
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        yield _row_record(header, row, where, options)


class _Lines:
    """A text stream's lines for :func:`csv.reader` (split at ``\n``, ``\r\n`` and a lone
    ``\r``, as it expects), counting the file's lines as ``grep -n`` does: those ending in
    ``\n``, so that a lone ``\r`` in a quoted cell does not shift the line numbers of the
    rows after it; every one in a classic Mac OS file (its first line ends in a lone ``\r``)."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text
        self._lone_cr: bool | None = None
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._text)
        if self._lone_cr is None:
            self._lone_cr = line.endswith("\r")
        if self._lone_cr or line.endswith("\n"):
            self.count += 1
        return line


def _has_body_column(header: list[str], options: ReadOptions) -> bool:
    return options.text_field in header or options.html_field in header


def _is_headline_list(header: list[str], options: ReadOptions) -> bool:
    """A title column and nothing else but the id and url."""
    known = {options.title_field, options.id_field, options.url_field}
    return options.title_field in header and set(header) <= known


def _row_record(header: list[str], row: list[str], where: Origin,
                options: ReadOptions) -> InputRecord:
    if len(row) != len(header):
        return record_at(where,
                         error=f"{where}: row has {len(row)} cells, the header {len(header)}")
    size = _utf8_size(row)
    if size is None:
        return record_at(where, error=f"{where}: invalid UTF-8")
    if size > options.max_bytes:
        return record_at(where, error=f"{where}: record is {size} bytes, above the "
                                      f"{options.max_bytes}-byte limit")
    obj = {key: cell for key, cell in zip(header, row) if cell.strip()}
    return record_from_object(obj, where, options)


def _utf8_size(row: list[str]) -> int | None:
    """The bytes of the row's cells in UTF-8 (as a JSONL line is measured), or None when a
    cell holds bytes that are not UTF-8 (read as surrogate escapes)."""
    try:
        return sum(len(cell.encode("utf-8")) for cell in row)
    except UnicodeEncodeError:
        return None
