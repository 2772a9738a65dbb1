"""A hash of each white-space separated token of a text (the tokens of ``str.split()``),
computed in numpy on the text's UTF-8 bytes without building a string per token.

Equal tokens get equal hashes; different ones rarely collide (a token of up to 8 bytes is
hashed from all of them, a longer one from its size and its last 8 bytes), so a test on the
hashes is exact only as a pre-check that a real comparison of the tokens confirms.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

# White space beyond ASCII (what str.isspace accepts): a space in its place splits the text
# into the same tokens, and then white space is a single ASCII byte in UTF-8.
UNICODE_SPACES = ("\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
                  + "\u2028\u2029\u202f\u205f\u3000")
UNICODE_SPACE_RE = re.compile(f"[{UNICODE_SPACES}]")
# 1 for a byte of a token, 0 for ASCII white space (no byte of a multi-byte UTF-8 character is
# an ASCII one)
_TOKEN_BYTES = bytes(0 if byte < 0x80 and chr(byte).isspace() else 1 for byte in range(256))
_PAD = b" " * 8  # white space on each side of the bytes: every token has 8 bytes before its end
# the bits that a token's last 8 bytes hold beyond a token of 1 to 7 bytes, by its size
# (taken with mode "clip": a token of 8 bytes or more keeps all of them)
_SHIFTS = np.array([0, 56, 48, 40, 32, 24, 16, 8, 0], dtype=np.uint64)
_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)  # odd: different bytes, different products
_WORDS = np.dtype("<u8")  # 8 bytes as a number, the first the lowest, on any machine


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


class TokenBytes(NamedTuple):
    """The tokens of a text's ``str.split()``, as its UTF-8 bytes show them."""

    hashes: np.ndarray  # a uint64 hash of each token, in order (see token_bytes)
    sizes: np.ndarray  # the size in UTF-8 bytes of each (at least its characters)
    text_chars: int  # the text's characters
    text_bytes: int  # and its UTF-8 bytes

    @property
    def chars(self) -> int:
        """The characters of all the tokens: the other bytes are white space, a character
        each (ASCII, or a space in the place of white space beyond ASCII)."""
        return self.text_chars - (self.text_bytes - int(self.sizes.sum()))


def token_bytes(text: str, unicode_space: bool | None = None) -> TokenBytes:
    """The tokens of ``text.split()`` from the text's UTF-8 bytes, without a string a token.
    A token's hash is its last 8 bytes (all its bytes when it has fewer) as a number, times an
    odd number, plus its size: a dozen numpy operations, whatever the text's size. The sizes
    bound the share of characters some tokens cover. ``unicode_space`` as for
    :func:`ascii_spaced`."""
    spaced = ascii_spaced(text, unicode_space)
    return utf8_token_bytes(spaced.encode("utf-8", "surrogatepass"), len(spaced))


def utf8_token_bytes(utf8: bytes, chars: int) -> TokenBytes:
    """:func:`token_bytes` of a text given as its UTF-8 (lone surrogates kept) and its number of
    characters, which holds no white space beyond ASCII."""
    padded = b"".join((_PAD, utf8, _PAD))
    starts, ends = _token_edges(padded.translate(_TOKEN_BYTES))
    sizes = ends - starts
    # last[k]: the 8 bytes before the k-th byte of the text, read in place (unaligned; gathered
    # by an index array, 2.1 us a text, where take's loop for unaligned items took 2.7)
    last = np.ndarray((len(padded) - 7,), _WORDS, padded, 0, (1,))
    hashes = last[ends]  # (a new array: the operations below are made in place)
    hashes >>= _SHIFTS.take(sizes, mode="clip")  # a short token's bytes alone
    hashes *= _MULTIPLIER
    hashes += sizes.view(np.uint64)
    return TokenBytes(hashes, sizes, chars, len(utf8))


def _token_edges(in_token: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Every token's start and end as offsets into the bytes that :data:`_PAD` pads, given
    as 1 for a byte of a token and 0 for white space (:data:`_TOKEN_BYTES`)."""
    in_token = np.frombuffer(in_token, dtype=np.bool_)
    # (the array's nonzero method: np.flatnonzero's ravel and dispatch cost 1.4 us a text)
    edges = (in_token[len(_PAD):] != in_token[len(_PAD) - 1:-1]).nonzero()[0]
    return edges[::2], edges[1::2]
