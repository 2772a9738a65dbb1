"""A hash of each white-space separated token of a text (the tokens of ``str.split()``),
computed in numpy on the text's UTF-8 bytes without building a string per token.

Equal tokens get equal hashes; different ones rarely collide (polynomial hashing with
wrap-around), so a test on the hashes is exact only as a pre-check that a real comparison of
the tokens confirms.
"""
from __future__ import annotations

import re

import numpy as np

# White space beyond ASCII (what str.isspace accepts): a space in its place splits the text
# into the same tokens, and then white space is a single ASCII byte in UTF-8.
UNICODE_SPACE_RE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# 0 for an ASCII white-space byte, 1 for a byte of a token (no byte of a multi-byte UTF-8
# character is an ASCII one)
_TOKEN_BYTES = bytes(int(byte >= 0x80 or not chr(byte).isspace()) for byte in range(256))
# A byte's value in the hash, NUL and space swapped (no token holds a space): a zero value
# would add nothing, and "a\0" would collide with "a"
_NONZERO_VALUES = bytes.maketrans(b"\0 ", b" \0")
_MULTIPLIER = 0xC2B2AE3D27D4EB4F  # odd: invertible modulo 2**64
CHUNK_BYTES = 1 << 17  # a longer text is hashed in chunks cut at white space


def _powers(base: int) -> np.ndarray:
    """``base ** k`` modulo 2**64 for every ``k`` below :data:`CHUNK_BYTES`."""
    powers = np.full(CHUNK_BYTES, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers)


_POWERS = _powers(_MULTIPLIER)
_INVERSE_POWERS = _powers(pow(_MULTIPLIER, -1, 1 << 64))


def token_hashes(text: str) -> np.ndarray | None:
    """A ``uint64`` hash of each token of ``text.split()``, in order; None when a token is
    longer than :data:`CHUNK_BYTES` bytes (hash the tokens themselves then)."""
    if not text.isascii():
        text = UNICODE_SPACE_RE.sub(" ", text)
    data = text.encode("utf-8", "surrogatepass")
    marks = data.translate(_TOKEN_BYTES)
    chunks = []
    start = 0
    while len(data) - start > CHUNK_BYTES:
        end = marks.rfind(0, start, start + CHUNK_BYTES)  # at white space: no token is cut
        if end <= start:
            return None
        chunks.append(_chunk_hashes(data[start:end], marks[start:end]))
        start = end
    chunks.append(_chunk_hashes(data[start:], marks[start:]))
    return chunks[0] if len(chunks) == 1 else np.concatenate(chunks)


def _chunk_hashes(data: bytes, marks: bytes) -> np.ndarray:
    """The token hashes of ``data`` (at most :data:`CHUNK_BYTES` bytes; ``marks``: 1 for each
    byte of a token, 0 for white space): the sum of ``value * M**k`` over a token's bytes at
    offsets ``k`` from its start (``value``: the byte, NUL counted as a space), as a
    difference of prefix sums over the chunk times the inverse power of the token's start."""
    bits = np.frombuffer(b"\0" + marks + b"\0", dtype=np.bool_)
    edges = np.flatnonzero(bits[1:] != bits[:-1])  # every token's start and end, in turn
    sums = np.zeros(len(data) + 1, dtype=np.uint64)
    values = np.frombuffer(data.translate(_NONZERO_VALUES), dtype=np.uint8)
    np.multiply(_POWERS[:len(data)], values, out=sums[1:])
    np.cumsum(sums, out=sums)  # sums[k]: the polynomial of data[:k]
    at_edges = sums[edges]
    starts = edges[::2]
    return (at_edges[1::2] - at_edges[::2]) * _INVERSE_POWERS[starts]
