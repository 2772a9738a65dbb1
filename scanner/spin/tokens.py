"""The one tokenizer of the spin package (tables are counted with it, documents scanned with it).

Tokens are words (a contraction such as ``don't`` stays whole), a possessive ``'s`` as a token
of its own, and single punctuation marks or numbers that break word pairs. A hyphen between two
letters is dropped, so ``long-range missiles`` yields the pairs ``long range`` and
``range missiles``.
"""
from __future__ import annotations

import re
from itertools import islice

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?:[tdm]|re|ve|ll)\b)?"  # a word, maybe with a contraction
    r"|\d[\d,.]*"  # a number
    r"|['’]s\b"  # a possessive
    r"|[^\w\s-]"  # punctuation but a hyphen
    r"|(?<![^\W\d_])-|-(?![^\W\d_])"  # a hyphen, unless between two letters
)  # (alternatives ordered for speed: the hyphen look-arounds are tried last)
# The same tokens, each match also eating the white space before it (the scanner then does not
# try every alternative at every space: a fifth faster). Where no character outside ASCII is a
# letter or digit (most English text, curly quotes and dashes included), the Unicode classes
# can be spelt as ASCII ranges, which the regex engine tests far faster (40 %).
_SCAN_RE = re.compile(rf"\s*({TOKEN_RE.pattern})")
_SCAN_ASCII_RE = re.compile(_SCAN_RE.pattern.replace(r"[^\W\d_]", "[A-Za-z]")
                            .replace(r"[^\w\s-]", r"[^A-Za-z0-9_\s-]"))
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
POSSESSIVE = "'s"


def _scanner(text: str) -> re.Pattern:
    if text.isascii() or not _NON_ASCII_WORD_CHAR.search(text):
        return _SCAN_ASCII_RE
    return _SCAN_RE


def tokens_of(text: str) -> list[str]:
    """The tokens of ``text`` as written."""
    return _scanner(text).findall(text)


def normalise(token: str) -> str:
    """The table form of a token: lower case, typographic apostrophe made straight."""
    return token.lower().replace("’", "'")


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """``(tokens as written, normalised lower-case tokens)``, index for index."""
    tokens = tokens_of(text)
    if not tokens:
        return [], []
    return tokens, "\x00".join(tokens).lower().replace("’", "'").split("\x00")


def token_spans(text: str, count: int | None = None) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` of every token of :func:`tokenize`, index for index (only
    the first ``count`` tokens when given)."""
    return [m.span(1) for m in islice(_scanner(text).finditer(text), count)]
