"""The one tokenizer of the spin package (tables are counted with it, documents scanned with it).

Tokens are words (a contraction such as ``don't`` stays whole), a possessive ``'s`` as a token
of its own, and single punctuation marks or numbers that break word pairs. A hyphen between two
letters is dropped, so ``long-range missiles`` yields the pairs ``long range`` and
``range missiles``. A blank line is a mark of its own (:data:`PARAGRAPH`): a headline without
a full stop and the paragraph under it make no word pair ("profits rise\n\nThe", QA pass 24).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from scanner.text_pieces import text_pieces

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?:[tdm]|re|ve|ll)\b|)"  # a word, maybe with a contraction
    r"|\d[\d,.]*"  # a number
    r"|['’]s\b"  # a possessive
    r"|[^\w\s-]"  # punctuation but a hyphen
    r"|(?<![^\W\d_])-|-(?![^\W\d_])"  # a hyphen, unless between two letters
)  # (alternatives ordered for speed: the hyphen look-arounds are tried last; the optional
# contraction is an alternative with an empty one, not a group with ``?``, which the regex
# engine runs as a repeat: a seventh faster)
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
# (the range before \W: the regex engine tests a class's items in order and nearly every
# character is in the range, so the costlier \W test is mostly skipped: 2.5x faster)
_NON_LATIN_WORD_CHAR = re.compile(r"[^\x00-\u024f\W]")
POSSESSIVE = "'s"
PARAGRAPH = "\u00b6"
"""The token of a blank line: the line break that ends the line above a blank line is read as
this mark (one character for one, so the offsets of every token stay those of the text)."""
_BLANK_LINE_RE = re.compile(r"\n(?=[^\S\n]*\n)")


def _scanner(text: str) -> re.Pattern:
    if text.isascii() or not _NON_LATIN_WORD_CHAR.search(text):
        return _SCAN_LATIN_RE
    return _SCAN_RE


def _marked(text: str) -> str:
    """``text`` with the line break before each blank line replaced by :data:`PARAGRAPH`."""
    return _BLANK_LINE_RE.sub(PARAGRAPH, text) if "\n" in text else text


def tokens_of(text: str) -> list[str]:
    """The tokens of ``text`` as written (a blank line as :data:`PARAGRAPH`)."""
    return _scanner(text).findall(_marked(text))


def normalise(token: str) -> str:
    """The table form of a token: lower case, typographic apostrophe made straight."""
    return token.lower().replace("’", "'")


def tokenize(text: str) -> tuple[list[str], list[str]]:
    """``(tokens as written, normalised lower-case tokens)``, index for index."""
    tokens = tokens_of(text)
    if not tokens:
        return [], []
    return tokens, normalise("\x00".join(tokens)).split("\x00")  # one call for all tokens


def token_pieces(text: str) -> Iterator[list[str]]:
    """The tokens of ``text`` (:func:`tokens_of`) in lists, one per piece of the text
    (:func:`~scanner.text_pieces.text_pieces`; a text of up to 65,536 characters is one), so
    that a long text's tokens need not all be alive as strings at once."""
    scanner = _scanner(text)  # (the text marked whole: a piece may end inside a blank line)
    return map(scanner.findall, text_pieces(_marked(text)))


def token_spans(text: str) -> list[tuple[int, int]]:
    """Code-point ``(start, end)`` of every token of :func:`tokens_of`, index for index."""
    return [match.span(1) for match in _scanner(text).finditer(_marked(text))]


def spans_at(text: str, indices: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Code-point ``(start, end)`` of the tokens of :func:`tokens_of` at ``indices``
    (ascending, each below the number of tokens), by index: the text is scanned up to the last
    of them, and only the spans asked for are kept."""
    matches = _scanner(text).finditer(_marked(text))
    spans, position = {}, 0
    for index in indices:
        spans[index] = next(islice(matches, index - position, None)).span(1)
        position = index + 1
    return spans
