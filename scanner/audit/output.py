"""Audit outputs: a JSONL file, or a directory of Parquet parts, that survive interruption.

JSONL: one whole line per record, flushed as written, so Ctrl-C or a crash leaves a valid
file (a torn last line from a hard kill is cut off on resume). Parquet: records are buffered
and written as complete ``part-NNNNN.parquet`` files (renamed into place once whole), so a
crash loses at most the unwritten buffer, which a resumed run scans again. ``-`` streams the
JSONL lines to standard output (nothing to resume or read back).
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import orjson

from scanner.invocation import UsageError
from scanner.report.jsonfmt import dumps


def in_directory(directory: str, name: str) -> str:
    """The path of the file ``name`` in ``directory`` (a local path or a URL: Dask writes to
    either), joined with a slash."""
    return f"{directory.rstrip('/')}/{name}"

PARQUET_ROWS = 5_000
STDOUT = "-"  # ``-o -``: JSONL records on standard output


class Sink(Protocol):
    """Where records go: ``write(record)`` per record, ``close()`` once."""

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def is_stream(path: str) -> bool:
    """Whether records written to ``path`` cannot be read back: ``-`` (standard output), or an
    existing file that is no regular file (``/dev/stdout``, ``/dev/null``, a named pipe)."""
    return path == STDOUT or (os.path.exists(path) and not os.path.isfile(path)
                              and not os.path.isdir(path))  # (Parquet parts: a directory)


def output_name(path: str) -> str:
    """How messages name an output: its path, or "standard output" for ``-``."""
    return "standard output" if path == STDOUT else path


def output_format(path: str, requested: str | None = None) -> str:
    """``jsonl`` or ``parquet``: as requested, else by the path's suffix."""
    if requested:
        return requested
    return "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"


# ----- JSONL ---------------------------------------------------------------------------------
# how the lines of an output (and of --emit-clean's clean.jsonl) start, as dumps writes them
_RECORD_STARTS = (b'{"schema_version":', b'{"id":')


def repair_jsonl(path: Path) -> Counter[str]:
    """Ids of the complete records in a JSONL output, each with its number of records (inputs
    may repeat an id), to resume it. A torn last line (a hard kill) is cut off; so is a line
    that is no record, with everything after it and a note on stderr (another process wrote
    into the file). A file whose first line is no record was never an output: a usage error,
    and the file is left as it is."""
    ids: Counter[str] = Counter()
    if not path.exists():
        return ids
    good_end, bad_line = 0, 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):  # torn by a hard kill, if it starts as a record does
                bad_line = 0 if line.startswith(_RECORD_STARTS) else number
                break
            try:
                ids[orjson.loads(line)["id"]] += 1
            except (orjson.JSONDecodeError, KeyError, TypeError):
                bad_line = number
                break
            good_end += len(line)
    if bad_line == 1:
        raise UsageError(f"{path}: line 1 is no spinscan record; --resume appends only to the "
                         "output of an earlier run (name a new file, or drop --resume to "
                         "overwrite this one)")
    if good_end != path.stat().st_size:
        with path.open("r+b") as handle:
            if bad_line:
                handle.seek(good_end)
                after = max(handle.read().count(b"\n") - 1, 0)
                print(f"spinscan: note: {path}:{bad_line}: not a record (another process "
                      f"wrote into the file?); it and the {after:,} lines after it were cut, "
                      "and their records are scanned again", file=sys.stderr)
            handle.truncate(good_end)
    return ids


class JsonlSink:
    """Appends (resume) or writes afresh one JSON line per record; to standard output for
    ``-`` (:data:`STDOUT`), which holds nothing to resume."""

    def __init__(self, path: str, resume: bool = False) -> None:
        if path == STDOUT:
            self.done: Counter[str] = Counter()
            self._handle = sys.stdout
            return
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.done = repair_jsonl(self.path) if resume else Counter()
        self._handle = self.path.open("a" if resume else "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(dumps(record) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._handle is not sys.stdout:
            self._handle.close()


def jsonl_rows(lines: Iterable[bytes], name: str) -> Iterator[dict[str, Any]]:
    """The rows of a JSONL file spinscan wrote (blank lines skipped); a malformed line (a file
    that another run wrote into too) is a ValueError naming ``name`` and the line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"{name}:{number}: malformed record: {exc}") from None


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL output file."""
    with path.open("rb") as handle:
        yield from jsonl_rows(handle, str(path))


# ----- Parquet -------------------------------------------------------------------------------
def _table(records: list[dict[str, Any]]):
    import pyarrow as pa

    def score(record: dict[str, Any], name: str) -> float | None:
        value = (record.get("scores") or {}).get(name)
        return float(value) if isinstance(value, int | float) else None

    columns = {
        "id": [r["id"] for r in records],
        "source": [r.get("source") for r in records],
        "title": [r.get("title") for r in records],
        "language": [r.get("language") for r in records],
        "spin": [score(r, "spin") for r in records],
        "quality": [score(r, "quality") for r in records],
        "findings": [len(r.get("findings") or ()) for r in records],
        "error": [r.get("error") for r in records],
        "record": [dumps(r) for r in records],
    }
    schema = pa.schema([("id", pa.string()), ("source", pa.string()), ("title", pa.string()),
                        ("language", pa.string()), ("spin", pa.float64()),
                        ("quality", pa.float64()), ("findings", pa.int32()),
                        ("error", pa.string()), ("record", pa.string())])
    return pa.table(columns, schema=schema)


def write_parquet(path: Path, records: list[dict[str, Any]]) -> None:
    """Write ``records`` as one Parquet file, atomically (temporary name, then rename)."""
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(_table(records), tmp, compression="zstd")
    os.replace(tmp, path)


class ParquetFileWriter:
    """Streams records into one Parquet file, a row group per :data:`PARQUET_ROWS` records."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._writer = None
        self._buffer: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        if len(self._buffer) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        table = _table(self._buffer)
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, table.schema, compression="zstd")
        if self._buffer:
            self._writer.write_table(table)
        self._buffer = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def parquet_parts(directory: Path) -> list[Path]:
    return sorted(directory.glob("part-*.parquet"))


class ParquetSink:
    """Buffers records and writes them as whole Parquet parts in ``directory``."""

    def __init__(self, path: str, resume: bool = False, rows: int = PARQUET_ROWS) -> None:
        self.directory = Path(path)
        self.directory.mkdir(parents=True, exist_ok=True)
        if not resume:
            for part in parquet_parts(self.directory):
                part.unlink()
        self.done = Counter(r["id"] for r in iter_parquet(self.directory)) if resume else Counter()
        self.rows = rows
        self._buffer: list[dict[str, Any]] = []
        self._next = len(parquet_parts(self.directory))

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        if len(self._buffer) >= self.rows:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            write_parquet(self.directory / f"part-{self._next:05d}.parquet", self._buffer)
            self._next += 1
            self._buffer = []

    def close(self) -> None:
        self._flush()


def iter_parquet_file(source) -> Iterator[dict[str, Any]]:
    """Records of one Parquet file (a path or a binary stream)."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(source).iter_batches(columns=["record"], batch_size=1000):
        for text in batch.column(0).to_pylist():
            yield orjson.loads(text)


def iter_parquet(directory: Path) -> Iterator[dict[str, Any]]:
    """Records of a Parquet output directory, part by part."""
    for part in parquet_parts(directory):
        yield from iter_parquet_file(part)


# ----- both ----------------------------------------------------------------------------------
def open_sink(path: str, fmt: str, resume: bool) -> JsonlSink | ParquetSink:
    """The sink for an output path; ``.done`` counts the ids already there when resuming."""
    return ParquetSink(path, resume) if fmt == "parquet" else JsonlSink(path, resume)


def iter_output(path: str, fmt: str) -> Iterator[dict[str, Any]]:
    """Every record of an output (file or Parquet directory)."""
    return iter_parquet(Path(path)) if fmt == "parquet" else iter_jsonl(Path(path))


def rewrite_output(path: str, fmt: str,
                   update: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Rewrite an output in place, passing each record through ``update(record) -> record``
    (atomically: a temporary copy replaces the original)."""
    if fmt == "parquet":
        for part in parquet_parts(Path(path)):
            write_parquet(part, [update(r) for r in iter_parquet_file(part)])
        return
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for record in iter_jsonl(target):
            out.write(dumps(update(record)) + "\n")
    os.replace(tmp, target)
