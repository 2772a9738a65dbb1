"""A long text cut into pieces at white space, so that its words are split piece by piece."""
from __future__ import annotations

import re
from collections.abc import Iterator

PIECE_CHARS = 1 << 16  # a long text is split into words piece by piece (text_pieces)
_SPACE_RE = re.compile(r"\s")


def text_pieces(text: str, chars: int | None = None) -> Iterator[str]:
    """``text`` in consecutive pieces of about ``chars`` characters (:data:`PIECE_CHARS` by
    default; a shorter text is one piece), each but the last followed by a white-space
    character: the white-space separated words of the pieces, or any tokens that hold no
    white space and look no further than it, are those of the text."""
    chars = PIECE_CHARS if chars is None else chars
    start = 0
    while len(text) - start > chars:
        space = _SPACE_RE.search(text, start + chars)
        if space is None:
            break
        yield text[start:space.start()]
        start = space.start()
    yield text[start:]
