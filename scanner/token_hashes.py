"""A hash of each white-space separated token of a text (the tokens of ``str.split()``),
computed in numpy on the text's UTF-8 bytes without building a string per token.

Equal tokens get equal hashes; different ones rarely collide (polynomial hashing with
wrap-around), so a test on the hashes is exact only as a pre-check that a real comparison of
the tokens confirms.
"""
from __future__ import annotations

import re
from functools import cache

import numpy as np

from scanner.text_pieces import text_pieces

# White space beyond ASCII (what str.isspace accepts): a space in its place splits the text
# into the same tokens, and then white space is a single ASCII byte in UTF-8.
UNICODE_SPACES = ("\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
                  + "\u2028\u2029\u202f\u205f\u3000")
UNICODE_SPACE_RE = re.compile(f"[{UNICODE_SPACES}]")
# A byte's value in a hash: 0 for ASCII white space (no byte of a multi-byte UTF-8 character
# is an ASCII one), a space's 32 for NUL (which no token holds: "a\0" would hash as "a")
_VALUES = bytes(0 if byte < 0x80 and chr(byte).isspace() else byte or 0x20 for byte in range(256))
_MULTIPLIER = 0xC2B2AE3D27D4EB4F  # odd: invertible modulo 2**64
CHUNK_BYTES = 1 << 17  # the most bytes hashed at a time: a longer text is hashed in pieces


@cache
def _power_tables(count: int = CHUNK_BYTES) -> tuple[np.ndarray, np.ndarray]:
    """``M ** k`` and ``M ** -k`` modulo 2**64 for every ``k`` below ``count``: 2 MB and 3 ms,
    spent on first use (the default count is :data:`CHUNK_BYTES` as the module sets it)."""
    powers = np.empty((2, count), dtype=np.uint64)
    powers[:, 0] = 1
    powers[:, 1:] = np.array([[_MULTIPLIER], [pow(_MULTIPLIER, -1, 1 << 64)]], dtype=np.uint64)
    np.cumprod(powers, axis=1, out=powers)
    return powers[0], powers[1]


def has_unicode_space(text: str) -> bool:
    """Whether ``text`` holds white space beyond ASCII. A membership test a space character
    finds the few texts that hold one faster than a regex search over every character (6 us
    for a news article with typographic quotes: worth doing once a document)."""
    return not text.isascii() and any(space in text for space in UNICODE_SPACES)


def ascii_spaced(text: str, unicode_space: bool | None = None) -> str:
    """``text`` with its white space beyond ASCII as spaces (the same ``str.split()`` tokens);
    ``text`` itself when it has none. ``unicode_space``: :func:`has_unicode_space` of ``text``
    when the caller knows it (False: none to replace)."""
    if unicode_space is None:
        unicode_space = has_unicode_space(text)
    return UNICODE_SPACE_RE.sub(" ", text) if unicode_space else text


def token_hashes(text: str, unicode_space: bool | None = None) -> np.ndarray | None:
    """A ``uint64`` hash of each token of ``text.split()``, in order, hashed piece by piece
    (:func:`~scanner.text_pieces.text_pieces` of ``CHUNK_BYTES // 8`` characters, at most 4 bytes
    each, and the token that ends the piece); None when a piece is longer than
    :data:`CHUNK_BYTES` bytes, as only a token of more than half as many makes it (hash the
    tokens themselves then). ``unicode_space`` as for :func:`ascii_spaced`."""
    chunks = []
    for piece in text_pieces(ascii_spaced(text, unicode_space), CHUNK_BYTES // 8):
        values = _byte_values(piece)
        if len(values) > CHUNK_BYTES:
            return None
        chunks.append(_chunk_hashes(values))
    return chunks[0] if len(chunks) == 1 else np.concatenate(chunks)


def token_sizes(text: str) -> tuple[np.ndarray, int]:
    """The size in UTF-8 bytes of each token of ``text.split()``, in order (at least its
    characters, as many in ASCII), and the characters of all the tokens: a bound on the share
    of characters some tokens cover, without a string a token."""
    spaced = ascii_spaced(text)
    values = _byte_values(spaced)
    edges = _token_edges(_padded(values))
    sizes = edges[1::2] - edges[::2]
    # the other bytes are white space, a character each (ASCII, or a space in its place)
    return sizes, len(spaced) - (len(values) - int(sizes.sum()))


def _byte_values(spaced: str) -> bytes:
    """The value of each UTF-8 byte of a text whose white space is ASCII (:data:`_VALUES`)."""
    return spaced.encode("utf-8", "surrogatepass").translate(_VALUES)


def _padded(values: bytes) -> np.ndarray:
    """``values`` as bytes of numpy, with a zero (white space) at each end."""
    return np.frombuffer(b"\0" + values + b"\0", dtype=np.uint8)


def _token_edges(padded: np.ndarray) -> np.ndarray:
    """Every token's start and end, in turn, as offsets into the unpadded values."""
    in_token = padded.astype(np.bool_)
    return (in_token[1:] != in_token[:-1]).nonzero()[0]


def _chunk_hashes(values: bytes) -> np.ndarray:
    """The token hashes of a chunk of at most :data:`CHUNK_BYTES` bytes, given by their
    ``values`` (0 for white space): the sum of ``value * M**k`` over a token's bytes at
    offsets ``k`` from its start, as a difference of prefix sums over the chunk times the
    inverse power of the token's start."""
    powers, inverse_powers = _power_tables()
    padded = _padded(values)
    edges = _token_edges(padded)
    sums = np.zeros(len(values) + 1, dtype=np.uint64)
    np.multiply(powers[:len(values)], padded[1:-1], out=sums[1:])
    np.add.accumulate(sums, out=sums)  # sums[k]: the polynomial of values[:k] (cumsum's ufunc)
    at_edges = sums[edges]
    starts = edges[::2]
    return (at_edges[1::2] - at_edges[::2]) * inverse_powers[starts]
