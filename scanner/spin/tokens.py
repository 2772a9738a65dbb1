"""The one tokenizer of the spin package (tables are counted with it, documents scanned with it).

Tokens are words (a contraction such as ``don't`` stays whole), a possessive ``'s`` as a token
of its own, and single punctuation marks or numbers that break word pairs. A hyphen between two
letters is dropped, so ``long-range missiles`` yields the pairs ``long range`` and
``range missiles``.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?:t|re|ve|ll|d|m)\b)?"  # a word, maybe with a contraction
    r"|['’]s\b"  # a possessive
    r"|\d[\d,.]*"  # a number
    r"|(?!(?<=[^\W\d_])-(?=[^\W\d_]))[^\w\s]"  # punctuation, except an inner hyphen
)
POSSESSIVE = "'s"


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """``(tokens as written, normalised lower-case tokens)``, index for index."""
    tokens = TOKEN_RE.findall(text)
    return tokens, "\x00".join(tokens).lower().replace("’", "'").split("\x00")


def token_spans(text: str) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` of every token of :func:`tokenize`, index for index."""
    return [m.span() for m in TOKEN_RE.finditer(text)]
