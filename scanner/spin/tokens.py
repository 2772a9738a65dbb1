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
POSSESSIVE = "'s"


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """``(tokens as written, normalised lower-case tokens)``, index for index."""
    tokens = TOKEN_RE.findall(text)
    if not tokens:
        return [], []
    return tokens, "\x00".join(tokens).lower().replace("’", "'").split("\x00")


def token_spans(text: str, count: int | None = None) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` of every token of :func:`tokenize`, index for index (only
    the first ``count`` tokens when given)."""
    return [m.span() for m in islice(TOKEN_RE.finditer(text), count)]
