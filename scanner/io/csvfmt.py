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
        lines.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeError, EOFError, OSError) as exc:
            failures += 1
            quotes = _Quotes(lines.taken, delimiter)
            problem = quotes.unclosed_problem() or f"unreadable CSV row: {exc}"
            yield record_at(where, error=f"{where}: {problem}")
            if failures >= _MAX_ERRORS_IN_A_ROW or isinstance(exc, (EOFError, OSError)):
                return
            continue
        failures = 0
        if header is None:
            header = [h.strip() for h in row]
            if not _has_body_column(header, options) and not _is_headline_list(header, options):
                yield record_at(Origin(name), error=(
                    f"{name}: the CSV header has no '{options.text_field}' or "
                    f"'{options.html_field}' column (it has: {', '.join(header)})"
                    f"{_separator_hint(row, delimiter)}"))
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        yield _row_record(header, row, where, options, lines, delimiter)


class _Lines:
    """A text stream's lines for :func:`csv.reader` (split at ``\n``, ``\r\n`` and a lone
    ``\r``, as it expects), counting the file's lines as ``grep -n`` does: those ending in
    ``\n``, so that a lone ``\r`` in a quoted cell does not shift the line numbers of the
    rows after it; every one in a classic Mac OS file (its first line ends in a lone ``\r``)."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._text = text
        self._lone_cr: bool | None = None
        self.count = 0
        self.taken: list[tuple[int, str]] = []  # the lines of the row being read, numbered
        self.ended = False  # the file ended (the last row was being read)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._text)
        except StopIteration:
            self.ended = True
            raise
        if self._lone_cr is None:
            self._lone_cr = line.endswith("\r")
        self.taken.append((self.count + 1, line))
        if self._lone_cr or line.endswith("\n"):
            self.count += 1
        return line


def other_separator(cell: str, delimiter: str) -> str | None:
    """The separator a row read as the one ``cell`` seems split by instead of ``delimiter``: a
    semicolon (Excel's CSV in many European locales), a tab, a bar or a comma; None if none."""
    return next((d for d in ";\t|," if d != delimiter and d in cell), None)


def _separator_hint(header: list[str], delimiter: str) -> str:
    """What to do when a header read as one cell is split by another separator."""
    other = other_separator(header[0], delimiter) if len(header) == 1 else None
    if other is None:
        return ""
    if other in "\t,":
        return f"; it is split by {'tabs' if other == chr(9) else 'commas'}: name its format " \
               f"with --input-format {'tsv' if other == chr(9) else 'csv'}"
    return (f"; it is split by '{other}': spinscan reads CSV split by commas and TSV by tabs, "
            "so convert the file")


class _Quotes:
    """Where the quotes of a row's lines (``(number, line)`` pairs, the row's whole text) go
    wrong, read as :func:`csv.reader` reads them (a quote opens a cell only at its start, two
    in a quoted cell are one, text after a closing quote is kept): a quoted cell still open
    where the file ends (the reader then takes the rest of the file as that cell), and text
    right after a closing quote (a quote missing, or one in a quoted cell not doubled)."""

    def __init__(self, taken: list[tuple[int, str]], delimiter: str) -> None:
        self.opened: int | None = None  # the line of the quote that opens a cell left open
        self.stray: tuple[int, int, str] | None = None  # line, column and text after a quote
        self.first_line = taken[0][0] if taken else 0
        self.last_line = taken[-1][0] if taken else 0
        start, quoted, closing = True, False, False
        for number, line in taken:
            for column, char in enumerate(line, 1):
                if quoted:
                    if char == '"':
                        quoted, closing = False, True
                    continue
                if closing:
                    closing = False
                    if char == '"':  # a doubled quote: still in the cell
                        quoted = True
                        continue
                    if char not in (delimiter, "\r", "\n") and self.stray is None:
                        self.stray = (number, column, line[column - 1:].strip())
                if char == '"' and start:
                    quoted, self.opened = True, number
                start = char in (delimiter, "\r", "\n")
        if not quoted:
            self.opened = None

    def unclosed_problem(self) -> str | None:
        """The error of a row whose quoted cell the file ends in, else None."""
        if self.opened is None:
            return None
        return (f"unclosed quote opened on line {self.opened}: its cell runs to the end of "
                f"the file (line {self.last_line})")

    def problem(self, cells: int, header: int) -> str:
        """The error of a row of ``cells`` cells under a header of ``header``."""
        problem = f"row has {cells} cells, the header {header}"
        if self.stray is not None:
            number, column, text = self.stray
            shown = text if len(text) <= 30 else text[:29] + "…"
            problem += (f": text follows a closing quote on line {number}, column {column} "
                        f"({shown!r}); a quote is missing, or one inside a quoted cell is not "
                        'doubled ("")')
        elif self.last_line > self.first_line:
            problem += (f"; it runs to line {self.last_line} in a quoted cell: is a quote on "
                        f"line {self.first_line} not closed?")
        return problem


def _has_body_column(header: list[str], options: ReadOptions) -> bool:
    return options.text_field in header or options.html_field in header


def _is_headline_list(header: list[str], options: ReadOptions) -> bool:
    """A title column and nothing else but the id and url."""
    known = {options.title_field, options.id_field, options.url_field}
    return options.title_field in header and set(header) <= known


def _row_record(header: list[str], row: list[str], where: Origin, options: ReadOptions,
                lines: _Lines, delimiter: str) -> InputRecord:
    # the quotes are read again only where something is wrong: at the end of the file (a
    # quoted cell left open takes the rest of it) and in a row of the wrong length
    quotes = _Quotes(lines.taken, delimiter) if lines.ended or len(row) != len(header) else None
    unclosed = quotes and quotes.unclosed_problem()
    if unclosed:
        return record_at(where, error=f"{where}: {unclosed}")
    if quotes is not None and len(row) != len(header):
        return record_at(where, error=f"{where}: {quotes.problem(len(row), len(header))}")
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
