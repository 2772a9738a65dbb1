"""A configurable article spinner, to make training and test data for the spin classifier.

It does what commercial spinners do: replace a share of the content words by a thesaurus
entry, inflected to the original form and with the original capitalisation, without looking at
sense or collocation. Styles differ by synonym source (``wordnet`` synonyms, ``wordnet-wide``
adding hypernyms and hyponyms, ``mythes``, a loaded thesaurus by its name (``moby``,
``aiksaurus``), or any
``{word: [replacements]}`` mapping given as ``custom``), by sense handling (``first`` sense
only vs. any sense, i.e. with sense errors), by the pick (``random`` vs. ``first`` listed), by
consistency (each occurrence decided on its own, as spintax spinners do, or one decision and
one replacement per word for the whole text, as dictionary spinners do) and by the rate (share
of content words replaced). Training and evaluation only: it reads
WordNet, MyThes and the loaded thesauri (see :mod:`scanner.spin.thesauri`).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from scanner.spin.tables import STOP_WORDS
from scanner.spin.thesauri import Inflector, WordNet, read_mythes
from scanner.spin.tokens import TOKEN_RE


@dataclass
class SpinStyle:
    """How one spinner works."""

    source: str = "wordnet"  # wordnet, wordnet-wide, mythes, custom or a loaded thesaurus
    rate: float = 0.2  # share of content words replaced
    senses: str = "any"  # any (sense errors) or first
    pick: str = "random"  # random or first
    multiword: bool = True  # may replace a word by a multi-word entry ("travel to")
    consistent: bool = False  # one decision and replacement per word, kept for the whole text
    custom: dict[str, list[str]] = field(default_factory=dict)


class Spinner:
    """Rewrites texts in a given :class:`SpinStyle`; thesauri are loaded once and shared."""

    def __init__(self, vocabulary: list[str]) -> None:
        self.wordnet = WordNet()
        self.mythes = read_mythes()
        self.inflector = Inflector(self.wordnet, vocabulary)
        self.loaded: dict[str, dict[str, list[str]]] = {}  # see :meth:`load`
        self._cache: dict[tuple, list[str]] = {}

    def load(self, name: str, entries: dict[str, list[str]]) -> None:
        """Enable the source ``name``: a thesaurus of ``lemma -> [terms]`` entries without
        senses or parts of speech (every term of the word's lemma is offered), as
        :func:`scanner.spin.thesauri.read_moby` and ``read_aiksaurus`` give."""
        self.loaded[name] = entries

    def replacements(self, word: str, style: SpinStyle) -> list[str]:
        """The replacements ``style`` offers for a lower-case ``word``, inflected like it."""
        key = (word, style.source, style.senses, style.multiword)
        if key in self._cache:
            return self._cache[key]
        if style.source == "custom":
            out = list(style.custom.get(word, ()))
        else:
            out = []
            for lemma, pos, form in self.inflector.analyse(word):
                for term in self._terms(lemma, pos, style):
                    surface = self._inflect(term, pos, form)
                    if surface and surface != word and surface not in out:
                        out.append(surface)
        if not style.multiword:
            out = [t for t in out if " " not in t]
        self._cache[key] = out
        return out

    def _terms(self, lemma: str, pos: str, style: SpinStyle) -> list[str]:
        if style.source not in ("wordnet", "wordnet-wide", "mythes"):
            if style.source not in self.loaded:
                raise ValueError(f"spinner source {style.source!r} is not loaded")
            return self.loaded[style.source].get(lemma, [])
        senses = 1 if style.senses == "first" else None
        if style.source == "mythes":
            entries = self.mythes.get((lemma, pos), [])
            kinds = {"syn", "similar"} if style.senses == "first" else {"syn", "similar",
                                                                          "related", "generic"}
            terms = [t for t, k in entries if k in kinds]
            return terms[:4] if senses else terms
        pointers = "&@~" if style.source == "wordnet-wide" else "&"
        return [t for t, _ in self.wordnet.related(lemma, pos, senses, pointers)
                if t == t.lower()]

    def _inflect(self, term: str, pos: str, form: str) -> str | None:
        words = term.replace("_", " ").split()
        head = self.inflector.generate(words[0], pos, form) if pos == "v" else None
        last = self.inflector.generate(words[-1], pos, form) if pos != "v" else None
        if pos == "v" and head:
            words[0] = head
        elif pos != "v" and last:
            words[-1] = last
        elif form != "base":
            return None
        return " ".join(words)

    def spin(self, text: str, style: SpinStyle,
             rng: random.Random) -> tuple[str, list[tuple[int, int, str]]]:
        """``(spun text, [(start, end, replaced word)] of the replacements in it)``."""
        out, pos, replaced, length = [], 0, [], 0
        decided: dict[str, str | None] = {}  # a consistent spinner's choice per word
        sentence_start = True
        for m in TOKEN_RE.finditer(text):
            token = m.group()
            lower = token.lower()
            starts = sentence_start
            sentence_start = token in ".!?"
            if not token[0].isalpha() or lower in STOP_WORDS:
                continue
            if token != lower and not (starts and token[1:] == lower[1:]):
                continue  # a name or an acronym
            if style.consistent and lower in decided:
                choice = decided[lower]
            else:
                choice = self._choose(lower, style, rng)
                if style.consistent:
                    decided[lower] = choice
            if choice is None:
                continue
            if token != lower:
                choice = choice[0].upper() + choice[1:]
            out.append(text[pos:m.start()])
            length += m.start() - pos
            out.append(choice)
            replaced.append((length, length + len(choice), token))
            length += len(choice)
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), replaced

    def _choose(self, word: str, style: SpinStyle, rng: random.Random) -> str | None:
        """The replacement of one occurrence of ``word``, or None to keep it."""
        if rng.random() >= style.rate:
            return None
        options = self.replacements(word, style)
        if not options:
            return None
        return options[0] if style.pick == "first" else rng.choice(options)
