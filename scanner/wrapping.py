"""Hard-wrapped plain text: paragraphs broken into lines of a fixed width (e-mail, plain-text
wire copy at 69-72 columns, a draft wrapped by its editor).

The boilerplate analysis and the headline inference judge one block element per line, as a
scraper prints a page. In wrapped text a line is a piece of a paragraph: it ends mid-sentence
and the next line goes on in lowercase, which the line model reads as page furniture.
:func:`wrapped_paragraphs` groups these lines back into their paragraphs, so they see what the
writer wrote. (Markdown says
where its blocks are: :mod:`scanner.markdown_blocks`.)
"""
from __future__ import annotations

import re

# A wrapped text's width (the 90th percentile of its line lengths) lies in this range: lines of
# scraped pages hold whole paragraphs (hundreds of characters), menus are shorter.
_MIN_WIDTH, _MAX_WIDTH = 40, 100
_PERCENTILE = 0.9
# A line at least this share of the width long was filled by the wrapper before it broke (and
# a paragraph's lines but its last are filled).
_FILLED = 0.6
# Evidence that the text is wrapped: filled lines broken mid-sentence (no terminal punctuation,
# the next line goes on in lowercase), at least this many and this share of the filled lines
# followed by another line. A list of headlines breaks before a capital every time.
_MIN_BREAKS = 3
_MIN_BREAK_SHARE = 0.5
# A line ending so ends a sentence (or a clause, or a quotation or parenthesis around one); a
# bracket does not: a tag ends captions and teasers ("... to fight crime [CEN]", "[VIDEO]").
_SENTENCE_ENDINGS = (".", "!", "?", ":", ";", "…", '"', "'", "”", "’", ")")
# a byline in lowercase ("by Jane Smith"), which would read as the line above going on; a
# name follows, so "by the combined authority on ..." goes on (QA pass 24)
_BYLINE_RE = re.compile(r"by\s+(\w)")
LIST_ITEM_RE = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
"""The start of a list item or numbered heading: a bullet or a number ("- ", "3. ", "2) ")."""
# a sentence that ends inside a line, another one after it ("... a pariah state. What's next?")
INNER_SENTENCE_END_RE = re.compile(r"[a-z][.!?][\"'”’]?\s+[A-Z]")
# A line that starts a block of its own: a list item, quotation, heading or table row.
_BLOCK_START_RE = re.compile(rf"{LIST_ITEM_RE.pattern}|[>#]\s|\|")


def wrapped_paragraphs(indices: list[int], texts: list[str]) -> tuple[list[range], list[str]] | None:
    """When the text is hard-wrapped, its non-blank lines (``indices``: their line numbers,
    ``texts``: their stripped text) grouped into paragraphs: ranges of positions and the
    paragraphs' texts (lines joined by a space). None when it is not."""
    continued = _continuations(indices, texts)
    if not continued:
        return None
    units: list[range] = []
    start = 0
    for k in range(len(texts)):
        if k not in continued:
            units.append(range(start, k + 1))
            start = k + 1
    return units, [" ".join(texts[k] for k in unit) for unit in units]


def _continuations(indices: list[int], texts: list[str]) -> set[int]:
    """Positions whose next line continues their paragraph (none unless the text is wrapped)."""
    width = _width(texts)
    if width is None:
        return set()
    followed = [k for k in range(len(texts) - 1)
                if len(texts[k]) >= _FILLED * width and not texts[k].startswith("#")
                and indices[k + 1] == indices[k] + 1]
    breaks = sum(1 for k in followed
                 if _continues_lowercase(texts[k + 1]) and not ends_sentence(texts[k]))
    if breaks < _MIN_BREAKS or breaks < _MIN_BREAK_SHARE * len(followed):
        return set()
    return {k for k in followed if not _BLOCK_START_RE.match(texts[k + 1])
            and _goes_on(texts[k], texts[k + 1], width)}


def _goes_on(line: str, after: str, width: int) -> bool:
    """Whether ``after`` continues the paragraph of the filled ``line``: it goes on in
    lowercase, is filled too, or ends the sentence that ``line`` left open ("...talks with
    both" / "Iraq and Afghanistan."). A short line that starts with a capital and ends
    without punctuation is a heading or a label; "by Jane Smith" is a byline."""
    if _is_byline(after):
        return False
    return (not after[0].isupper() or len(after) >= _FILLED * width
            or (ends_sentence(after) and not ends_sentence(line)))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence does (terminal punctuation, maybe a closing quote)."""
    return line.endswith(_SENTENCE_ENDINGS)


def _continues_lowercase(after: str) -> bool:
    """A line that goes on in lowercase (a byline, "by Jane Smith", starts so but stands alone)."""
    return after[0].islower() and not _is_byline(after)


def _is_byline(line: str) -> bool:
    """Whether ``line`` is a byline in lowercase: "by", then a name ("by Jane Smith")."""
    match = _BYLINE_RE.match(line)
    return match is not None and match.group(1).isupper()


def _width(texts: list[str]) -> int | None:
    """The wrap width of ``texts`` when it is one a wrapper would use, else None."""
    if len(texts) <= _MIN_BREAKS:
        return None
    lengths = sorted(map(len, texts))
    width = lengths[int(_PERCENTILE * (len(lengths) - 1))]
    return width if _MIN_WIDTH <= width <= _MAX_WIDTH else None
