"""Markdown blocks as the line analysis should see them.

A Markdown paragraph may run over several lines, and its markup ("## ", "- ", "**", link
targets) is not visible text. markdown-it-py (CommonMark, with tables) says where each leaf
block (paragraph, heading, list item's text, table row, code block) starts and ends; each
becomes one unit of the analysis, with its visible text (and a heading with its level, which
says whether the document opens with its title); the lines of its tables are found on the way.
:func:`without_table_markup` blanks out a table's delimiter row and pipes, for the statistics
that count words.
"""
from __future__ import annotations

import re
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
_CELL_PIPE_RE = re.compile(r"(?<!\\)\|")  # not an escaped "\|", which is text
_NOT_LINE_END_RE = re.compile(r"[^\r]")


@cache
def _parser() -> MarkdownIt:
    """The CommonMark parser with tables, built (and markdown-it imported) at the first
    Markdown file, not at every start-up."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _tokens(text: str) -> list[Token]:
    """markdown-it's tokens of ``text``, whose lines are the Document's: a lone ``\\r``, a line
    break to markdown-it but not to the Document, is read as a space."""
    return _parser().parse(text.replace("\r", " "))


def markdown_blocks(text: str, indices: list[int], texts: list[str]
                    ) -> tuple[list[range], list[str], dict[range, int], list[range]]:
    """The non-blank lines (``indices``: their line numbers, ``texts``: their stripped text) of
    the Markdown ``text`` grouped into its leaf blocks: ranges of positions, each block's
    visible text, the level (1-6) of each block that is a heading (ATX "# Title" or setext
    "Title" over "===", not inside a list or quote), by its range, and the line numbers of each
    table (for :func:`without_table_markup`). A line outside every block (a table's delimiter
    row) stands alone."""
    tokens = _tokens(text)
    blocks = _leaf_blocks(tokens)
    tables = [range(*token.map) for token in tokens if token.type == "table_open" and token.map]
    units: list[range] = []
    unit_texts: list[str] = []
    headings: dict[range, int] = {}
    k = 0
    for (first, end), block_text, level in blocks:
        start, stop = bisect_left(indices, first), bisect_left(indices, end)
        if start == stop:  # no visible line: a line of no-break spaces is a paragraph to CommonMark
            continue
        for alone in range(k, start):
            units.append(range(alone, alone + 1))
            unit_texts.append(texts[alone])
        units.append(range(start, stop))
        unit_texts.append(block_text or " ".join(texts[start:stop]))
        if level:
            headings[units[-1]] = level
        k = stop
    for alone in range(k, len(texts)):
        units.append(range(alone, alone + 1))
        unit_texts.append(texts[alone])
    return units, unit_texts, headings, tables


def _leaf_blocks(tokens: list[Token]) -> list[tuple[tuple[int, int], str, int | None]]:
    """``((first line, end line), visible text, heading level)`` of each leaf block, in
    document order; the level is None but for a heading at the top level."""
    blocks = []
    for i, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type in _INLINE_BLOCKS:
            level = int(token.tag[1:]) if token.type == "heading_open" and not token.level else None
            blocks.append((tuple(token.map), _visible(tokens[i + 1]), level))
        elif token.type in _RAW_BLOCKS:
            blocks.append((tuple(token.map), " ".join(token.content.split()), None))
        elif token.type == "tr_open":
            cells = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    cells.append(_visible(tokens[j]))
                j += 1
            blocks.append((tuple(token.map), " ".join(filter(None, cells)), None))
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


def without_table_markup(text: str, tables: list[range]) -> str:
    """The Markdown ``text`` with the markup of its ``tables`` (their line numbers, from
    :func:`markdown_blocks`) blanked out, offsets kept: each delimiter row (``|---|:---:|``)
    and the pipes between cells. ``text`` itself when it has no table."""
    if not tables:
        return text
    lines = text.split("\n")
    for table in tables:
        for k in table:
            lines[k] = _CELL_PIPE_RE.sub(" ", lines[k])
        delimiter_row = table.start + 1  # under the header
        lines[delimiter_row] = _NOT_LINE_END_RE.sub(" ", lines[delimiter_row])
    return "\n".join(lines)
