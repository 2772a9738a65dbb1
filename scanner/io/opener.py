"""Open local paths and fsspec URLs (``s3://``, ``gs://``, ``memory://`` ...) as binary streams.

Gzip is recognised by its magic bytes, whatever the file is called. fsspec is needed only for
URLs (it comes with the ``[dask]`` extra).
"""
from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"


def is_url(path: str) -> bool:
    """Whether ``path`` names a file through an fsspec protocol rather than the local disk."""
    return "://" in path and not path.startswith("file://")


def local_path(path: str) -> str:
    """``path`` without a ``file://`` prefix."""
    return path.removeprefix("file://")


@contextmanager
def open_raw(path: str) -> Iterator[BinaryIO]:
    """The file's bytes as stored (no decompression)."""
    if is_url(path):
        import fsspec

        with fsspec.open(path, "rb") as handle:
            yield handle
    else:
        with open(local_path(path), "rb") as handle:
            yield handle


@contextmanager
def open_binary(path: str, decompress: bool = True) -> Iterator[BinaryIO]:
    """A buffered binary stream of the file, gunzipped when it is gzip data."""
    with open_raw(path) as raw:
        buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
        if decompress and buffered.peek(2)[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=buffered) as unzipped:
                yield io.BufferedReader(unzipped)  # type: ignore[arg-type]
        else:
            yield buffered


@contextmanager
def open_output(path: str) -> Iterator[BinaryIO]:
    """A binary stream writing ``path`` (local: parent directories are created)."""
    if is_url(path):
        import fsspec

        with fsspec.open(path, "wb") as handle:
            yield handle
    else:
        target = Path(local_path(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            yield handle


def read_head(path: str, size: int = 4096) -> bytes:
    """The first ``size`` bytes of the (decompressed) file; b"" when it cannot be read."""
    try:
        with open_binary(path) as handle:
            return handle.read(size)
    except (OSError, EOFError):
        return b""
