"""Positions and excerpt windows: what reporters need from a result's text.

``LineIndex`` turns code-point offsets into 1-based line/column pairs (lines split on ``\\n``,
as the engine does). ``excerpt_window`` cuts a one-line window of text around a finding so a
terminal report can show the excerpt in context; ``visible`` makes any text safe and legible
on a terminal (line breaks as ⏎, control and invisible format characters spelt out).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import cell_len

NEWLINE = "⏎"
ELLIPSIS = "…"

_LINE_BREAK_RE = re.compile(r"[ \t]*\r?\n")
_BLANK_RUN_RE = re.compile(NEWLINE + "{3,}")
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u180e\u200b-\u200f"
                        r"\u2028-\u202f\u205f-\u206f\ufeff\ufff9-\ufffb]")


def _spell(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" (␛ for ESC)
    if code == 0x7F:
        return "␡"
    return f"⟨U+{code:04X}⟩"


def visible(text: str) -> str:
    """``text`` on one line, safe for a terminal: line breaks become ⏎, tabs a space, and
    control or invisible characters (ESC, zero-width and bidi marks, no-break space) are
    spelt out so they can neither garble the terminal nor hide from the reader."""
    text = _LINE_BREAK_RE.sub(NEWLINE, text).replace("\t", " ")
    return _UNSAFE_RE.sub(_spell, text)


class LineIndex:
    """1-based line/column of code-point offsets into one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of ``offset``; the column counts code points from 1."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        return index + 1, offset - self._starts[index] + 1


class Window(NamedTuple):
    """A one-line view of a finding: ``before`` + ``excerpt`` + ``after``, all ``visible``."""

    before: str
    excerpt: str
    after: str


def clip(text: str, cells: int) -> str:
    """``text`` cut to at most ``cells`` terminal cells, ending with … when cut."""
    if cell_len(text) <= cells:
        return text
    return take_cells(text, cells - 1) + ELLIPSIS


def take_cells(text: str, cells: int, from_end: bool = False) -> str:
    """The longest head (or tail) of ``text`` that fits in ``cells`` terminal cells (a wide
    character that would cross the edge is left out, not padded as rich's ``set_cell_size``
    does)."""
    out, used = [], 0
    for char in reversed(text) if from_end else text:
        used += cell_len(char)
        if used > cells:
            break
        out.append(char)
    return "".join(reversed(out) if from_end else out)


def _shorten_middle(text: str, cells: int) -> str:
    """Keep both ends of a long excerpt: ``head … tail`` within ``cells`` cells."""
    if cell_len(text) <= cells:
        return text
    head = (cells - 1) * 2 // 3
    return (take_cells(text, head).rstrip() + ELLIPSIS
            + take_cells(text, cells - 1 - head, True).lstrip())


def _at_word(text: str, from_end: bool) -> str:
    """Drop a partial word at the cut edge of a context fragment."""
    if from_end:
        cut = re.search(r"^\S*\s", text)
        return text[cut.end():] if cut and cut.end() < len(text) else text
    cut = re.search(r"\s\S*$", text)
    return text[:cut.start()] if cut and cut.start() > 0 else text


def _context(text: str) -> str:
    """``visible`` text around an excerpt, quieter: blank-line runs shortened to ⏎⏎ and
    no-break spaces shown as spaces."""
    return _BLANK_RUN_RE.sub(NEWLINE * 2, visible(text.replace("\u00a0", " ")))


def excerpt_window(text: str, start: int, end: int, cells: int, max_excerpt: int | None = None,
                   ) -> Window:
    """A window of at most ``cells`` terminal cells around ``text[start:end]``.

    The excerpt keeps up to ``max_excerpt`` cells (default: two thirds of the window; longer
    excerpts lose their middle to an ellipsis); the rest is shared between the text before
    and after it, cut at word boundaries, with … where the document goes on.
    """
    max_excerpt = max_excerpt or max(8, cells * 2 // 3)
    excerpt = _shorten_middle(visible(text[start:end]), max_excerpt)
    room = max(0, cells - cell_len(excerpt))
    reach = room * 2 + 8  # code points of raw context worth looking at on each side
    before = _context(text[max(0, start - reach):start])
    after = _context(text[end:end + reach])
    before_room = room // 2 if cell_len(after) > room - room // 2 else room - cell_len(after)
    if cell_len(before) > before_room or start > reach:
        before = _at_word(take_cells(before, max(0, before_room - 1), True), True)
        before = ELLIPSIS + before if before_room else ""
    after_room = room - cell_len(before)
    if cell_len(after) > after_room or end + reach < len(text):
        after = _at_word(take_cells(after, max(0, after_room - 1)), False)
        after = after + ELLIPSIS if after_room else ""
    return Window(before, excerpt, after)
