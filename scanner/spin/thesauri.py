"""Training-time readers for the offline thesauri: WordNet 3.0, the OpenOffice MyThes and Moby
Thesaurus II (candidate originals and spinners), and Aiksaurus (an evaluation spinner only).

WordNet and MyThes come from Debian packages (``wordnet-base`` in ``/usr/share/wordnet``,
``mythes-en-us`` in ``/usr/share/mythes``), Moby from the npm package ``moby`` and Aiksaurus
from the Debian package ``libaiksaurus-1.2-data``, read from paths given by the caller; all
are read directly from their files, so neither nltk nor a download is needed. :class:`Inflector` maps a surface word to ``(lemma, pos, form)`` and
back, so a synonym can replace ``visits`` by ``sees`` rather than by ``see``.
"""
from __future__ import annotations

import re
import struct
from collections import defaultdict
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
MYTHES_FILE = Path("/usr/share/mythes/th_en_US_v2.dat")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_MORPHY_RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}
_ADJ_MARKER = re.compile(r"\([a-z]+\)$")


class WordNet:
    """Synsets, sense order and morphology of WordNet 3.0 read from its database files."""

    def __init__(self, root: Path = WORDNET_DIR) -> None:
        self.synsets: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = {}
        self.index: dict[tuple[str, str], list[str]] = {}
        self.exceptions: dict[str, dict[str, list[str]]] = {}
        for pos, name in POS_FILES.items():
            self._read_data(root / f"data.{name}", pos)
            self._read_index(root / f"index.{name}", pos)
            self.exceptions[pos] = _read_exceptions(root / f"{name}.exc")

    def _read_data(self, path: Path, pos: str) -> None:
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            words = [_ADJ_MARKER.sub("", w) for w in fields[4:4 + 2 * count:2]]
            rest = fields[4 + 2 * count:]
            pointers = [(rest[1 + 4 * i], f"{rest[3 + 4 * i].replace('s', 'a')}{rest[2 + 4 * i]}")
                        for i in range(int(rest[0]))]
            self.synsets[f"{pos}{offset}"] = (pos, words, pointers)

    def _read_index(self, path: Path, pos: str) -> None:
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            n_synsets = int(fields[2])
            self.index[(fields[0], pos)] = [f"{pos}{o}" for o in fields[-n_synsets:]]

    def morphy(self, word: str, pos: str) -> list[str]:
        """The WordNet lemmas ``word`` can be an inflection of, for ``pos``."""
        found = [b for b in self.exceptions[pos].get(word, ()) if (b, pos) in self.index]
        if (word, pos) in self.index:
            found.append(word)
        for suffix, ending in _MORPHY_RULES[pos]:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: len(word) - len(suffix)] + ending
                if (base, pos) in self.index and base not in found:
                    found.append(base)
        return found

    def related(self, lemma: str, pos: str, senses: int | None = None,
                pointers: str = "&") -> list[tuple[str, str]]:
        """``(word, kind)`` for the synonyms of ``lemma`` (kind ``syn``) and the words of the
        synsets reached by the pointer symbols in ``pointers`` (kind = the symbol), over the
        first ``senses`` senses (all when None). Words keep WordNet's case (``DoD``)."""
        out: list[tuple[str, str]] = []
        for synset_id in self.index.get((lemma, pos), [])[:senses]:
            _, words, links = self.synsets[synset_id]
            out += [(w, "syn") for w in words if w.lower() != lemma]
            for symbol, target in links:
                if symbol in pointers and target in self.synsets:
                    out += [(w, symbol) for w in self.synsets[target][1] if w.lower() != lemma]
        return out


def _read_exceptions(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="latin-1").splitlines():
        inflected, *bases = line.split()
        table[inflected] += bases
    return table


_MYTHES_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_MYTHES_KIND = re.compile(r"\s*\((generic|similar|related) term\)$|\s*\((antonym)\)$")


def read_mythes(path: Path = MYTHES_FILE) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """MyThes entries: ``(headword, pos) -> [(term, kind)]`` with kind ``syn``, ``generic``,
    ``similar``, ``related`` or ``antonym``."""
    table: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    i = 0
    while i < len(lines):
        head, count = lines[i].rsplit("|", 1)
        for sense in lines[i + 1:i + 1 + int(count)]:
            pos_tag, *terms = sense.split("|")
            pos = _MYTHES_POS.get(pos_tag.strip("()"))
            if pos is None:
                continue
            for term in terms:
                m = _MYTHES_KIND.search(term)
                kind = (m.group(1) or m.group(2)) if m else "syn"
                table[(head.lower(), pos)].append((term[: m.start()] if m else term, kind))
        i += 1 + int(count)
    return table


def read_moby(path: Path) -> dict[str, list[str]]:
    """Moby Thesaurus II (``words.txt`` of the npm package ``moby``: one line per head word,
    ``head,term,term,...``): lower-case single-word heads -> their lower-case terms (words or
    phrases of letters). Public domain."""
    entries: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            head, *terms = (t.strip() for t in line.rstrip("\n").split(","))
            if head.isalpha() and head == head.lower():
                entries[head] = _plain_terms(terms)
    return entries


def read_aiksaurus(directory: Path) -> dict[str, list[str]]:
    """Aiksaurus (``words.dat`` and ``meanings.dat`` of the Debian package
    ``libaiksaurus-1.2-data``, in ``/usr/share/aiksaurus``): lower-case single-word heads -> the
    lower-case terms of all their meanings. ``words.dat`` holds each word (``:`` for a space,
    NUL-ended) and its meaning numbers, ``meanings.dat`` each meaning's word numbers: big-endian
    uint16, a list ended by 0xFFFF. GPL: never shipped nor used for the tables, only for an
    evaluation spinner."""
    raw = (directory / "words.dat").read_bytes()
    words: list[tuple[str, list[int]]] = []
    pos = 0
    while pos < len(raw):
        end = raw.index(b"\0", pos)
        stop = end + 1
        while raw[stop:stop + 2] != b"\xff\xff":
            stop += 2
        meanings = list(struct.unpack(f">{(stop - end - 1) // 2}H", raw[end + 1:stop]))
        words.append((raw[pos:end].decode("latin-1").replace(":", " "), meanings))
        pos = stop + 2
    data = (directory / "meanings.dat").read_bytes()
    numbers = struct.unpack(f">{len(data) // 2}H", data)
    members: list[list[str]] = [[]]
    for number in numbers:
        if number == 0xFFFF:
            members.append([])
        elif number < len(words):
            members[-1].append(words[number][0])
    entries: dict[str, list[str]] = {}
    for head, meanings in words:
        if head.isalpha() and head == head.lower():
            terms = dict.fromkeys(t for m in meanings if m < len(members) for t in members[m])
            entries[head] = _plain_terms(t for t in terms if t != head)
    return entries


def _plain_terms(terms) -> list[str]:
    """The lower-case terms of letters and spaces among ``terms``."""
    return [t for t in terms if t and t == t.lower() and t.replace(" ", "").isalpha()]


class Inflector:
    """Surface word <-> ``(lemma, pos, form)`` over a vocabulary, using WordNet morphology.

    Forms: ``base``; nouns ``pl``; verbs ``s``, ``ing``, ``ed``; adjectives ``er``, ``est``.
    """

    def __init__(self, wordnet: WordNet, vocabulary: list[str]) -> None:
        self.wordnet = wordnet
        self.vocabulary = set(vocabulary)
        self.surface: dict[tuple[str, str, str], str] = {}
        for word in vocabulary:  # most frequent first: the first surface found wins
            for lemma, pos, form in self.analyse(word):
                self.surface.setdefault((lemma, pos, form), word)

    def analyse(self, word: str) -> list[tuple[str, str, str]]:
        """Every ``(lemma, pos, form)`` reading of a lower-case surface word."""
        return [(lemma, pos, _form(word, lemma, pos))
                for pos in POS_FILES for lemma in self.wordnet.morphy(word, pos)]

    def generate(self, lemma: str, pos: str, form: str) -> str | None:
        """The surface word for ``(lemma, pos, form)``, or None when not in the vocabulary."""
        if form == "base":
            return lemma if lemma in self.vocabulary else None
        return self.surface.get((lemma, pos, form))


def _form(word: str, lemma: str, pos: str) -> str:
    if word == lemma:
        return "base"
    if pos == "n":
        return "pl"
    if pos == "v":
        if word.endswith("ing"):
            return "ing"
        return "s" if word.endswith("s") else "ed"
    if pos == "a":
        return "est" if word.endswith("st") else "er"
    return "base"
