"""Labelled data for training and evaluating spin detection: clean articles and spun copies.

Training spins use WordNet-based styles and the broad Moby thesaurus (loaded from a path:
``Spinner.load``). Evaluation adds held-out spinners the classifier never saw: MyThes (another
thesaurus, other entries and relations), the word swaps of a real spinner recovered from the
Problematic Paper Screener's tortured phrases (``artificial intelligence`` -> ``counterfeit
consciousness`` gives artificial -> counterfeit) and, when loaded, Aiksaurus.
Training-time only.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from scanner.spin.corpora import clean_texts, pps_pairs
from scanner.spin.spinner import Spinner, SpinStyle
from scanner.spin.thesauri import read_aiksaurus, read_moby

TRAIN_SOURCES = ("wordnet", "wordnet-wide", "moby")  # moby: load it first (load_thesauri)
HELDOUT_SOURCES = ("mythes", "pps")
_PLAIN = re.compile(r"^[a-z]+$")
_WORD = re.compile(r"\S+")


@dataclass
class Sample:
    """One labelled article."""

    id: str
    text: str
    spun: bool
    source: str = "clean"
    rate: float = 0.0
    replacements: list[tuple[int, int, str]] | None = None
    consistent: bool = False  # spun with one replacement per word for the whole text


@cache
def spinner() -> Spinner:
    """A spinner over the 100k most frequent English words (built once)."""
    import wordfreq  # the [train] extra

    return Spinner([w for w in wordfreq.top_n_list("en", 100_000) if w.isalpha()])


@cache
def pps_word_map() -> dict[str, list[str]]:
    """Word swaps of a real spinner: aligned words of same-length PPS phrase pairs."""
    swaps: dict[str, list[str]] = defaultdict(list)
    for wrong, right in pps_pairs():
        wrong, right = wrong.lower().split(), right.lower().split()
        if len(wrong) != len(right) or not all(map(_PLAIN.match, wrong + right)):
            continue
        for w, r in zip(wrong, right):
            if w != r and w not in swaps[r]:
                swaps[r].append(w)
    return dict(swaps)


_READERS = {"moby": read_moby, "aiksaurus": read_aiksaurus}


def load_thesauri(paths: dict[str, Path | None]) -> tuple[str, ...]:
    """Load each thesaurus of ``paths`` (``moby``: its ``words.txt``; ``aiksaurus``: its data
    directory) that has a path into the shared spinner, as the source of that name; the
    names loaded."""
    loaded = tuple(name for name, path in paths.items() if path is not None)
    for name in loaded:
        spinner().load(name, _READERS[name](paths[name]))
    return loaded


def random_style(rng: random.Random, source: str) -> SpinStyle:
    """A spinner of ``source`` with random rate (5-40 %), sense handling, pick and
    consistency."""
    return SpinStyle(
        source="custom" if source == "pps" else source,
        rate=rng.uniform(0.05, 0.4),
        senses=rng.choice(["any", "first"]),
        pick=rng.choice(["random", "first"]),
        multiword=rng.random() < 0.5,
        custom=pps_word_map() if source == "pps" else {},
        consistent=rng.random() < 0.5,
    )


def labelled(split: str, sources: tuple[str, ...], copies: int = 1,
             seed: int = 0, limit: int | None = None) -> Iterator[Sample]:
    """Every clean article of ``split`` and ``copies`` spun versions of it, each by a random
    style of one of ``sources``."""
    rng = random.Random(seed)
    for n, (doc_id, text) in enumerate(clean_texts(split)):
        if limit is not None and n >= limit:
            return
        yield Sample(doc_id, text, False)
        for _ in range(copies):
            source = rng.choice(sources)
            style = random_style(rng, source)
            spun, spans = spinner().spin(text, style, rng)
            yield Sample(doc_id, spun, True, source, style.rate, spans, style.consistent)


def grouped(samples: Iterator[Sample]) -> Iterator[list[Sample]]:
    """The output of :func:`labelled` as lists: a clean article, then its spun copies."""
    group: list[Sample] = []
    for sample in samples:
        if not sample.spun and group:
            yield group
            group = []
        group.append(sample)
    if group:
        yield group


def word_count(text: str) -> int:
    """Number of white-space separated words (the count ``scores.spin`` is gated on)."""
    return len(text.split())


def truncated(group: list[Sample], words: int) -> list[Sample]:
    """A clean article and its spun copies (``group[0]``, ``group[1:]``) cut after the first
    ``words`` words of the clean text, at the same point of the wording in every copy (a
    multi-word replacement counts as the one word it replaced). Replacements past the cut
    are dropped; an article of ``words`` words or fewer is returned whole."""
    clean = group[0]
    ends = [m.end() for m in _WORD.finditer(clean.text)]
    if len(ends) <= words:
        return group
    cut = ends[words - 1]
    out = [replace(clean, text=clean.text[:cut])]
    for copy in group[1:]:
        shift = 0  # spun offset minus clean offset before the current replacement
        kept = []
        for start, end, original in copy.replacements or ():
            if start - shift >= cut:
                break
            kept.append((start, end, original))
            shift += (end - start) - len(original)
        out.append(replace(copy, text=copy.text[:cut + shift], replacements=kept))
    return out
