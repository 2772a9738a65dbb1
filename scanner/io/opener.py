"""Open local paths and fsspec URLs (``s3://``, ``gs://``, ``memory://`` ...) as binary streams.

Gzip is recognised by its magic bytes, whatever the file is called, and decompressed by
:class:`Gunzip`, which hands out every byte before damaged data and then raises
:class:`DamagedGzipError` naming the compressed offset. fsspec is needed only for URLs (it comes
with the ``[dask]`` extra).
"""
from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16  # compressed bytes fed at once
_BUFFER = 1 << 16
_CHECKSUM_ERRORS = ("incorrect data check", "incorrect length check")  # zlib, at a member's end


class DamagedGzipError(OSError):
    """Gzip data that cannot be decompressed (corrupt bytes, a bad checksum, trailing junk).
    ``checksum`` says the damage was found only by the checksum at the end of a member: the
    data decompressed from that member may be corrupt, not only what follows."""

    def __init__(self, message: str, checksum: bool = False) -> None:
        super().__init__(message)
        self.checksum = checksum


class TruncatedGzipError(EOFError):
    """Gzip data that stops before the end of its stream (a file cut short); an EOFError, as
    ``gzip`` raises."""


class Gunzip(io.RawIOBase):
    """A gzip stream (members concatenated, NUL padding allowed) decompressed on the fly.

    Unlike :class:`gzip.GzipFile`, damage does not lose the data decoded just before it: the
    chunk holding the damage is fed again a byte at a time from a copy of the decompressor, and
    what it yields before the failing byte is returned before :class:`DamagedGzipError` is
    raised. A stream that stops before its end marker raises :class:`EOFError`, as ``gzip``
    does.
    """

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._read = 0  # compressed bytes read so far
        self._error: OSError | None = None
        self._done = False
        self.members = 0  # gzip members started so far
        self._new_member(b"")

    def readable(self) -> bool:
        return True

    def _new_member(self, data: bytes) -> None:
        self._z = zlib.decompressobj(wbits=31)
        self.members += 1
        self._member_start = self._read - len(data)  # where the member starts in the file
        self._feed(data)

    def _feed(self, chunk: bytes) -> None:
        """Start on a chunk of compressed input (keeping a copy of the decompressor before it)."""
        self._saved = self._z.copy()
        self._chunk = self._input = chunk
        self._offset = self._read - len(chunk)  # where the chunk starts in the file
        self._given = 0  # bytes of output handed out since self._saved

    def readinto(self, buffer) -> int:
        while True:
            if self._error is not None:
                raise self._error
            if self._done:
                return 0
            data = self._decompress(len(buffer))
            if data:
                buffer[: len(data)] = data
                return len(data)

    def _decompress(self, size: int) -> bytes:
        if self._z.eof:
            self._next_member()
            return b""
        if not self._input:
            chunk = self._raw.read(_CHUNK)
            if not chunk:
                raise TruncatedGzipError(f"truncated gzip data: the file ends at compressed byte "
                                         f"{self._read} before its gzip stream does")
            self._read += len(chunk)
            self._feed(chunk)
        try:
            data = self._z.decompress(self._input, size)
        except zlib.error as exc:
            return self._salvage(exc)
        self._input = self._z.unconsumed_tail
        self._given += len(data)
        return data

    def _next_member(self) -> None:
        """After a member's end: another member, NUL padding and the end, or junk (an error)."""
        rest = self._z.unused_data.lstrip(b"\x00")
        while len(rest) < 2:
            more = self._raw.read(_CHUNK)
            if not more:
                break
            self._read += len(more)
            rest = (rest + more).lstrip(b"\x00")
        if not rest:
            self._done = True
        elif rest.startswith(GZIP_MAGIC):
            self._new_member(rest)
        else:
            self._error = DamagedGzipError(f"damaged gzip data at byte {self._read - len(rest)}: "
                                           "unexpected bytes after the end of the gzip stream")

    def _salvage(self, exc: zlib.error) -> bytes:
        """Replay the current chunk a byte at a time; keep the output before the byte that
        fails (about 40 ms for a chunk, once per damaged file)."""
        z, skip, out, at = self._saved, self._given, [], 0
        for at in range(len(self._chunk)):
            try:
                data = z.decompress(self._chunk[at:at + 1])
            except zlib.error:
                break
            cut = min(skip, len(data))
            skip -= cut
            out.append(data[cut:])
        reason = str(exc).split(": ", 1)[-1]
        if reason in _CHECKSUM_ERRORS:
            self._error = DamagedGzipError(
                f"damaged gzip data: the checksum at the end of the gzip member that starts at "
                f"compressed byte {self._member_start} fails ({reason}), so the data read from "
                "that member may be corrupt", checksum=True)
        else:
            self._error = DamagedGzipError(f"damaged gzip data at byte {self._offset + at} of "
                                           f"the compressed file ({reason})")
        return b"".join(out)


def is_url(path: str) -> bool:
    """Whether ``path`` names a file through an fsspec protocol rather than the local disk."""
    return "://" in path and not path.startswith("file://")


def url_problem(url: str, must_exist: bool = False) -> str | None:
    """Why the fsspec URL ``url`` cannot be used at all, or None: fsspec or the package of
    its protocol is not installed ("Install s3fs to access S3"), the protocol is unknown, or
    (``must_exist``) the file it names is surely missing. Anything else (a network error, a
    glob) is left to reading, where it becomes the record's error."""
    try:
        import fsspec
    except ImportError:
        return "reading a URL needs fsspec: pip install 'spinscan[dask]'"
    protocol = url.split("://", 1)[0]
    try:
        fsspec.get_filesystem_class(protocol)
    except ImportError as exc:
        return str(exc)
    except ValueError:
        return f"unknown URL protocol {protocol!r}"
    if not must_exist or any(c in url for c in "*?["):
        return None
    try:
        fs, path = fsspec.core.url_to_fs(url)
        return None if fs.exists(path) else "no such file or directory"
    except FileNotFoundError:  # a chained URL's archive ("zip://a.jsonl::feeds.zip")
        return "no such file or directory"
    except Exception:  # noqa: BLE001 - a network or archive error: the read will name it
        return None


def local_path(path: str) -> str:
    """``path`` without a ``file://`` prefix."""
    return path.removeprefix("file://")


class GunzipReader(io.BufferedIOBase):
    """The buffered reader over :class:`Gunzip`. :class:`io.BufferedReader` drops the bytes it
    gathered in a call when the raw stream raises; ``read1``, ``peek`` and ``readline`` here
    return them (a short read, a line without its end) and raise the error on the next call,
    so no data before damage is lost. ``read`` raises at once: its callers take a short read
    for the end of the data, which would hide the damage."""

    def __init__(self, raw: Gunzip) -> None:
        super().__init__()
        self._raw = raw
        self._buf = b""
        self._pos = 0
        self._error: BaseException | None = None

    def readable(self) -> bool:
        return True

    @property
    def members(self) -> int:
        """The gzip members started so far (a reader of lines can tell the line a member
        starts in: one buffer fill never spans two members)."""
        return self._raw.members

    def _fill(self) -> bool:
        """Refill the (drained) buffer; False at the end or at an error (kept for later)."""
        if self._error is None:
            try:
                data = self._raw.read(_BUFFER)
            except (OSError, EOFError) as exc:
                self._error = exc
            else:
                self._buf, self._pos = data, 0
                return bool(data)
        return False

    def _end(self) -> bytes:
        if self._error is not None:
            raise self._error
        return b""

    def peek(self, size: int = 0) -> bytes:
        if self._pos >= len(self._buf) and not self._fill():
            return self._end()
        return self._buf[self._pos:]

    def read1(self, size: int = -1) -> bytes:
        data = self.peek()
        if size is not None and size >= 0:
            data = data[:size]
        self._pos += len(data)
        return data

    def read(self, size: int | None = -1) -> bytes:
        data = self._gather(size, line=False)
        if self._error is not None:
            raise self._error
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = self._gather(size, line=True)
        if not data.endswith(b"\n") and self._error is not None:
            raise self._error  # the line is cut by damaged data: no line, the damage
        return data

    def _gather(self, size: int | None, line: bool) -> bytes:
        """Up to ``size`` bytes (all when negative or None), up to and with a newline when
        ``line``; fewer at the end of the data or at an error."""
        parts, want = [], -1 if size is None else size
        while want != 0:
            if self._pos >= len(self._buf) and not self._fill():
                break
            stop = len(self._buf) if want < 0 else min(len(self._buf), self._pos + want)
            newline = self._buf.find(b"\n", self._pos, stop) if line else -1
            end = stop if newline < 0 else newline + 1
            parts.append(self._buf[self._pos:end])
            want -= 0 if want < 0 else end - self._pos
            self._pos = end
            if newline >= 0:
                break
        return b"".join(parts)


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
        yield gunzipped(buffered) if decompress else buffered


def gunzipped(buffered: BinaryIO) -> BinaryIO:
    """``buffered`` (a stream with ``peek``) decompressed when it holds gzip data, else itself."""
    if buffered.peek(2)[:2] == GZIP_MAGIC:  # type: ignore[attr-defined]
        return GunzipReader(Gunzip(buffered))  # type: ignore[return-value]
    return buffered


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
