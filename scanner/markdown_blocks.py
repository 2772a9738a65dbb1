"""Markdown blocks as the line analysis should see them.

A Markdown paragraph may run over several lines, and its markup ("## ", "- ", "**", link
targets) is not visible text. markdown-it-py (CommonMark, with tables) says where each leaf
block (paragraph, heading, list item's text, table row, code block) starts and ends; each
becomes one unit of the analysis, with its visible text.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# leaf blocks whose text is an inline token after their opening token
_INLINE_BLOCKS = frozenset({"paragraph_open", "heading_open"})
# leaf blocks that carry their own text
_RAW_BLOCKS = frozenset({"fence", "code_block", "html_block"})
_INLINE_TEXT = frozenset({"text", "code_inline", "image"})
_WORD_BREAKS = frozenset({"softbreak", "hardbreak", "html_inline", "image"})


@cache
def _parser() -> MarkdownIt:
    """The CommonMark parser with tables, built (and markdown-it imported) at the first
    Markdown file, not at every start-up."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_blocks(text: str, indices: list[int], texts: list[str]
                    ) -> tuple[list[range], list[str]]:
    """The non-blank lines (``indices``: their line numbers, ``texts``: their stripped text) of
    the Markdown ``text`` grouped into its leaf blocks: ranges of positions and each block's
    visible text. A line outside every block (a table's delimiter row) stands alone."""
    # markdown-it reads a lone "\r" as a line break, the Document does not: keep lines aligned
    blocks = _leaf_blocks(_parser().parse(text.replace("\r", " ")))
    units: list[range] = []
    unit_texts: list[str] = []
    k = 0
    for (first, end), block_text in blocks:
        start, stop = bisect_left(indices, first), bisect_left(indices, end)
        if start == stop:  # no visible line: a line of no-break spaces is a paragraph to CommonMark
            continue
        for alone in range(k, start):
            units.append(range(alone, alone + 1))
            unit_texts.append(texts[alone])
        units.append(range(start, stop))
        unit_texts.append(block_text or " ".join(texts[start:stop]))
        k = stop
    for alone in range(k, len(texts)):
        units.append(range(alone, alone + 1))
        unit_texts.append(texts[alone])
    return units, unit_texts


def heading_level(block: str) -> int | None:
    """The level (1-6) of the heading that the Markdown ``block`` is (ATX "# Title", with a
    space or tab, or setext "Title" over "==="), or None when it is no heading."""
    tokens = _parser().parse(block)
    return int(tokens[0].tag[1:]) if tokens and tokens[0].type == "heading_open" else None


def _leaf_blocks(tokens: list[Token]) -> list[tuple[tuple[int, int], str]]:
    """``((first line, end line), visible text)`` of each leaf block, in document order."""
    blocks = []
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type in _INLINE_BLOCKS:
            blocks.append((tuple(token.map), _visible(tokens[i + 1])))
        elif token.type in _RAW_BLOCKS:
            blocks.append((tuple(token.map), " ".join(token.content.split())))
        elif token.type == "tr_open":
            cells = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    cells.append(_visible(tokens[j]))
                j += 1
            blocks.append((tuple(token.map), " ".join(filter(None, cells))))
    return blocks


def _visible(inline: Token) -> str:
    """The visible text of an inline token: its words without emphasis, link targets or
    markup; line breaks, inline HTML (``<br>``) and images (after their alt text) part words."""
    parts = []
    for child in inline.children or ():
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        if child.type in _WORD_BREAKS:
            parts.append(" ")
    return " ".join("".join(parts).split())
