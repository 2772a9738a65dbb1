"""The one tokenizer of the spin package (tables are counted with it, documents scanned with it).

Tokens are words (a contraction such as ``don't`` stays whole), a possessive ``'s`` as a token
of its own, and single punctuation marks or numbers that break word pairs. A hyphen between two
letters is dropped, so ``long-range missiles`` yields the pairs ``long range`` and
``range missiles``.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?:[tdm]|re|ve|ll)\b)?"  # a word, maybe with a contraction
    r"|\d[\d,.]*"  # a number
    r"|['’]s\b"  # a possessive
    r"|[^\w\s-]"  # punctuation but a hyphen
    r"|(?<![^\W\d_])-|-(?![^\W\d_])"  # a hyphen, unless between two letters
)  # (alternatives ordered for speed: the hyphen look-arounds are tried last)
# The same tokens, each match also eating the white space before it (the scanner then does not
# try every alternative at every space: a fifth faster), possessively (no token starts with
# white space, so giving some back cannot help; the engine then keeps no backtracking state:
# another third faster).
_SCAN_RE = re.compile(rf"\s*+({TOKEN_RE.pattern})")
# Where every letter or digit of a text is Latin (U+0000-U+024F: English, most European text),
# the Unicode classes can be spelt as explicit ranges, which the regex engine tests faster.
_LATIN_END = 0x250


def _ranges(pattern: str) -> str:
    """The characters below ``_LATIN_END`` matching ``pattern``, as a character-class body."""
    codes = [c for c in range(_LATIN_END) if re.match(pattern, chr(c))]
    runs = [[codes[0], codes[0]]]
    for c in codes[1:]:
        if c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                   for a, b in runs)


_LETTER, _WORD_CHAR = r"[^\W\d_]", r"\w"
_SCAN_LATIN_RE = re.compile(_SCAN_RE.pattern.replace(_LETTER, f"[{_ranges(_LETTER)}]")
                            .replace(r"[^\w\s-]", rf"[^{_ranges(_WORD_CHAR)}\s-]"))
_NON_LATIN_WORD_CHAR = re.compile(r"[^\W\x00-\u024f]")
POSSESSIVE = "'s"


def _scanner(text: str) -> re.Pattern:
    if text.isascii() or not _NON_LATIN_WORD_CHAR.search(text):
        return _SCAN_LATIN_RE
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
    return tokens, normalise("\x00".join(tokens)).split("\x00")  # one call for all tokens


def token_spans(text: str, tokens: list[str] | None = None) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` of every token of :func:`tokens_of` (of ``tokens``, a prefix
    of them, when given), index for index.

    Each token is found after the end of the one before: between two tokens there is only
    white space, ``_`` and hyphens between letters, none of which starts a token that follows
    (a token after a hyphen between letters starts with that letter), so the search cannot
    stop early. A loop of ``str.find`` is cheaper than matching the pattern again.
    """
    spans, pos, find = [], 0, text.find
    for token in tokens_of(text) if tokens is None else tokens:
        start = find(token, pos)
        pos = start + len(token)
        spans.append((start, pos))
    return spans
