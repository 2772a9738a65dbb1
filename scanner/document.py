"""The Document a rule sees, with lazily built views shared by every rule.

Every view carries code-point offsets into ``Document.text`` exactly as given (no newline
translation), so a rule can report an exact span without re-scanning the text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from scanner.language import beyond_ascii
from scanner.text_pieces import text_pieces
from scanner.token_hashes import UNICODE_SPACES, TokenBytes, token_bytes, utf8_token_bytes


class cached_view:  # noqa: N801 - a decorator, named as functools.cached_property
    """:class:`functools.cached_property` without its lock, which Python 3.11 takes on each
    first access (1.2 against 0.5 us, six views a document on a scan): the value is computed on
    first access and kept in the instance's ``__dict__``, where later accesses find it. The
    documents' views and the boilerplate analysis' per-document objects use it: none of them is
    shared between threads (two could compute the same value twice)."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Span(NamedTuple):
    """A piece of the document text and where it stands."""

    start: int
    end: int
    text: str

    def strip(self) -> Span:
        """The same span without surrounding white space."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return Span(self.start + left, self.start + right, self.text[left:right])


HTML_KEY = "from_html"  # metadata: the text is an HTML page's visible lines, one block a line
LARGE_TEXT = 1_000_000  # characters; a longer text's word list is not kept (lower_tokens)

_UNICODE_SPACES = frozenset(UNICODE_SPACES)
# The two characters str.lower treats apart from all others (lowercasing code that works a
# character or a word at a time looks for them)
CAPITAL_SIGMA = "\u03a3"  # lowercased by its context (a word's final sigma)
DOTTED_CAPITAL_I = "\u0130"  # "İ": the one character whose lowercase is longer ("i̇")
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r]*\n")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and an opener.
_SENTENCE_END_RE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


@dataclass(eq=False)
class Document:
    """One article: its text plus what is known about it.

    ``title`` is the explicit title when the source gives one; otherwise it is inferred
    from the text (see :mod:`scanner.title`) and ``title_span`` locates it in the text.
    ``matter_title_span`` is where a Markdown file's front matter states the title (its
    ``title:`` line, in the file as read): the text, its front matter blanked out, does not show
    it there, but a finding on the headline can point at it.
    """

    text: str
    id: str = "-"
    source: str | None = None
    title: str | None = None
    title_span: Span | None = None
    matter_title_span: Span | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """Per-document memo for computations several rules share (e.g. the headline model)."""

    # ----- views -------------------------------------------------------------------------
    @cached_view
    def utf8(self) -> bytes:
        """The text as UTF-8 (lone surrogates kept), what RE2 searches and byte-level
        pre-checks read: encoded once for every rule."""
        return self.text.encode("utf-8", "surrogatepass")

    @cached_view
    def lines(self) -> list[Span]:
        """Every line (without its line break; a trailing ``\\r`` is excluded too)."""
        spans = []
        start = 0
        text = self.text
        for raw in text.split("\n"):
            end = start + len(raw)
            stripped_end = end - 1 if raw.endswith("\r") else end
            spans.append(Span(start, stripped_end, text[start:stripped_end]))
            start = end + 1
        return spans

    @cached_view
    def nonblank_lines(self) -> list[tuple[int, Span]]:
        """``(line index, span)`` for every line with visible text."""
        return [(i, s) for i, s in enumerate(self.lines) if s.text.strip()]

    @cached_view
    def stripped_lines(self) -> list[str]:
        """The text of each of :attr:`nonblank_lines`, without surrounding white space (the
        non-empty ``str.strip()`` of the text's ``\\n``-separated lines)."""
        return [span.text.strip() for _, span in self.nonblank_lines]

    @cached_view
    def line_starts(self) -> list[int]:
        return [s.start for s in self.lines]

    @cached_view
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines, stripped of surrounding space."""
        spans = []
        pos = 0
        text = self.text
        for m in _PARAGRAPH_BREAK_RE.finditer(text):
            spans.extend(_strip_span(text, pos, m.start()))
            pos = m.end()
        spans.extend(_strip_span(text, pos, len(text)))
        return spans

    @cached_view
    def sentences(self) -> list[Span]:
        """Sentences within lines (a sentence never crosses a line break)."""
        spans = []
        text = self.text
        for line in self.lines:
            if not line.text.strip():
                continue
            pos = line.start
            for m in _SENTENCE_END_RE.finditer(text, line.start, line.end):
                spans.extend(_strip_span(text, pos, m.end()))
                pos = m.end()
            spans.extend(_strip_span(text, pos, line.end))
        return spans

    @cached_view
    def words(self) -> list[Span]:
        """Word tokens (letters/digits with inner apostrophes, dots or hyphens)."""
        return [Span(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(self.text)]

    @cached_view
    def lower_words(self) -> list[str]:
        return [w.text.lower() for w in self.words]

    @cached_view
    def lower_text(self) -> str:
        """The text, lowercased (beyond ASCII, :attr:`lower_utf8` decoded)."""
        text = self.text
        if text.isascii():
            return text.lower()
        return self.lower_utf8.decode("utf-8", "surrogatepass")

    @cached_view
    def lower_utf8(self) -> bytes:
        """:attr:`lower_text` as UTF-8 (lone surrogates kept), lowercased in the text's UTF-8
        (:func:`lower_utf8`): what the tokens' hashes and the quality rules' searches of the
        lowercased text read, without the string (decoding and encoding a text beyond ASCII
        again took 4-5 us)."""
        return lower_utf8(self.text, self.utf8, self.chars_beyond_ascii)

    @cached_view
    def chars_beyond_ascii(self) -> str:
        """The text's characters beyond ASCII, in order (:func:`scanner.language.beyond_ascii`
        of its UTF-8; empty for an ASCII text): a few dozen in a news article, which the
        lowercasing, the white-space test and the counts of a few such characters read instead
        of the whole text (kept as :attr:`lower_text` is: for a text mostly beyond ASCII, as
        Cyrillic or Chinese, about its size)."""
        return "" if self.text.isascii() else beyond_ascii(self.utf8)

    @property
    def lower_tokens(self) -> list[str]:
        """White-space separated tokens of :attr:`lower_text` (as many as ``text.split()``:
        lowercasing neither makes nor removes white space), kept once built. A text above
        :data:`LARGE_TEXT` characters builds them anew on each use (a rule reads them once),
        with one string per distinct word, so that they die with the rule that used them
        (5 MB of news: 12 MB instead of 52 kept for the whole scan)."""
        if len(self.text) > LARGE_TEXT:
            distinct: dict[str, str] = {}
            return [distinct.setdefault(word, word)
                    for piece in text_pieces(self.lower_text) for word in piece.split()]
        return self._kept_lower_tokens

    @cached_view
    def _kept_lower_tokens(self) -> list[str]:
        """:attr:`lower_tokens` of a text of at most :data:`LARGE_TEXT` characters."""
        return self.lower_text.split()

    @cached_view
    def unicode_space(self) -> bool:
        """Whether the text holds white space beyond ASCII (one of
        :data:`~scanner.token_hashes.UNICODE_SPACES`), looked for once for the views and counts
        that split the text on white space, among its characters beyond ASCII (0.7 against 9 us
        for the text of a news article with typographic quotes)."""
        return not _UNICODE_SPACES.isdisjoint(self.chars_beyond_ascii)

    @cached_view
    def lower_token_bytes(self) -> TokenBytes:
        """:attr:`lower_tokens` as the bytes of :attr:`lower_text` show them, without building
        them (:func:`~scanner.token_hashes.token_bytes`): a hash and a size a token, and their
        characters. Kept once built, whatever the text's size: 16 bytes a token (14 MB for 5 MB
        of news), where the tokens of a text above :data:`LARGE_TEXT` characters are built
        anew on each use."""
        if self.unicode_space:  # (lowercasing keeps white space and makes none)
            return token_bytes(self.lower_text, True)  # (replaced by spaces in the string)
        # the lowercased text's characters: one a character but "İ"'s two ("i̇")
        chars = len(self.text)
        if DOTTED_CAPITAL_I in self.chars_beyond_ascii:
            chars += self.text.count(DOTTED_CAPITAL_I)
        return utf8_token_bytes(self.lower_utf8, chars)

    @property
    def lower_token_hashes(self) -> np.ndarray:
        """A hash of each of :attr:`lower_tokens`, in order (equal tokens, equal hashes: see
        :mod:`scanner.token_hashes`): a word count or a pre-check for repeated words needs no
        string a word."""
        return self.lower_token_bytes.hashes

    # ----- helpers -----------------------------------------------------------------------
    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a code-point offset."""
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1

    @cached_view
    def unspaced_script(self) -> bool:
        """Whether the text is mostly Chinese, Japanese or Thai, whose words no spaces divide
        (word-count rules do not apply)."""
        from scanner.language import written_unspaced

        return self.holds_unspaced_letters and written_unspaced(self.text)

    @cached_view
    def holds_unspaced_letters(self) -> bool:
        """Whether the text holds a letter of Chinese, Japanese or Thai, looked for among its
        :attr:`chars_beyond_ascii` (:func:`~scanner.language.holds_unspaced_letter`), which the
        lowercasing and the counts read too, not in its whole UTF-8."""
        from scanner.language import holds_unspaced_letter

        return holds_unspaced_letter(self.chars_beyond_ascii)

    @cached_view
    def language(self) -> str | None:
        """ISO code of the document's main language (cheap stop-word check first)."""
        from scanner.language import detect_document_language

        return detect_document_language(self)


def lower_utf8(text: str, utf8: bytes | None = None, beyond: str | None = None) -> bytes:
    """``text.lower()``'s UTF-8 (lone surrogates kept), lowercased in the text's UTF-8 (``utf8``
    and ``beyond``, its characters beyond ASCII: when the caller has them): its ASCII letters by
    ``bytes.lower`` in C, and then each of its characters beyond ASCII that has a lowercase
    replaced by it: faster than ``str.lower``'s look-up a character (9 us for a news article with
    typographic quotes). Exact, as ``str.lower`` maps a character alone, but for the capital
    sigma (lowercased by its context: then ``str.lower``), to characters it keeps, and a
    character's UTF-8 stands in UTF-8 where the character does and nowhere else."""
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    if text.isascii():
        return utf8.lower()
    if beyond is None:
        beyond = beyond_ascii(utf8)
    cased = [char for char in set(beyond) if char.lower() != char] if beyond.lower() != beyond else []
    if CAPITAL_SIGMA in cased:
        return text.lower().encode("utf-8", "surrogatepass")
    lowered = utf8.lower()  # (A-Z bytes are ASCII letters only)
    for char in cased:
        lowered = lowered.replace(char.encode(), char.lower().encode())
    return lowered


def _strip_span(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end, text[start:end])] if start < end else []
