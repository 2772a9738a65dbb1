"""Features of a headline/body pair for the stance model.

Hand features only (a few dozen floats, so the model is tiny and fast): TF-IDF cosine, key-term,
word-stem and bigram overlap with the whole body, its lead and its best-matching passages,
numbers and names kept, and refutation, hedging, assertion and negation cues in the body, in
the passages that restate the claim, and in the headline itself. Passages are fixed windows of
``WINDOW`` tokens (cheaper than sentence splitting, and as good for locating the claim). The
IDF weights are learnt from training text only (:class:`Lexicon`).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise, repeat

import numpy as np

from scanner.headline import text as T
from scanner.headline.topics import Topics

BODY_CHARS = 5000  # the stance is judged on the body's first characters
LEAD_TOKENS = 120
WINDOW = 25  # tokens per passage
TOP_PASSAGES = 3
CLAIM_SHARE = 0.4  # a passage restates the claim when it has this share of the key weight
CUES = (T.REFUTE_WORDS, T.HEDGE_WORDS, T.ASSERT_WORDS, T.NEGATION_WORDS)
_REFUTE = CUES.index(T.REFUTE_WORDS)


@dataclass
class Lexicon:
    """Learnt text statistics: the IDF of every word seen in training text, and LSA topics."""

    idf: dict[str, float]
    default_idf: float
    topics: Topics

    def __post_init__(self) -> None:
        # one lookup per distinct body word serves both the IDF and the topic vector: a row per
        # word known to either, plus a last row (-1) for unknown words
        words = list(dict.fromkeys([*self.idf, *self.topics.index]))
        self.rows = {w: i for i, w in enumerate(words)}
        self.idf_rows = np.array([self.idf.get(w, self.default_idf) for w in words]
                                 + [self.default_idf])
        self.topic_rows = np.array([self.topics.index.get(w, -1) for w in words] + [-1])

    @classmethod
    def from_arrays(cls, words, values, default_idf, topics: Topics) -> Lexicon:
        return cls(dict(zip(words.tolist(), values.tolist())), float(default_idf), topics)

    def arrays(self) -> dict[str, np.ndarray]:
        """The lexicon as arrays for ``np.savez``."""
        return {"words": np.array(list(self.idf)), "values": np.array(list(self.idf.values())),
                "default_idf": np.array(self.default_idf)}


class Body:
    """A body analysed once: tokens, counts, cue rates, TF-IDF norm and topic vector."""

    __slots__ = ("counts", "cues", "joined", "norm", "refutes", "topic", "words")

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.words = T.tokens(text[:BODY_CHARS])
        self.joined = f" {' '.join(self.words)} "
        self.counts = Counter(self.words)
        n = len(self.counts)
        rows = np.fromiter(map(lexicon.rows.get, self.counts, repeat(-1)), np.int64, n)
        tf = np.fromiter(self.counts.values(), np.float64, n)
        weights = tf * lexicon.idf_rows[rows]
        self.norm = math.sqrt(weights @ weights) or 1.0
        cue_counts = [_cue_count(self.counts, cue) for cue in CUES]
        self.refutes = cue_counts[_REFUTE]  # refutation words in the body
        self.cues = [_rate(count, len(self.words)) for count in cue_counts]
        self.topic = lexicon.topics.vector_of(lexicon.topic_rows[rows], tf)


def _cue_count(counts: Counter, cue: frozenset) -> int:
    return sum(map(counts.__getitem__, cue & counts.keys()))


def _rate(count: int, n: int) -> float:
    return 100.0 * count / max(n, 1)


@dataclass
class PairAnalysis:
    """The features of one pair plus the evidence a finding message quotes."""

    features: np.ndarray
    key: list[str]  # the headline's key terms
    overlap: float  # IDF-weighted share of the key terms found in the body
    topic_similarity: float  # cosine of the LSA topic vectors of headline and body
    key_weight: dict[str, float]  # the IDF weight of each key term
    joined: str  # the body's words between spaces

    @cached_property
    def stemmed(self) -> set[str]:
        """The key terms a body word shares a stem with ("floods" in "flood defences"; worked
        out only when HDL001 asks, not for every titled document)."""
        return {w for w in self.key if _stem_in(w, self.joined)}

    @cached_property
    def missing(self) -> list[str]:
        """The key terms no body word shares a stem with, rarest first."""
        return sorted((w for w in self.key if w not in self.stemmed),
                      key=self.key_weight.__getitem__, reverse=True)

    @cached_property
    def stem_overlap(self) -> float:
        """IDF-weighted share of the key terms whose stem a body word shares."""
        total = sum(self.key_weight.values()) or 1.0
        return sum(map(self.key_weight.__getitem__, self.stemmed)) / total


FEATURE_NAMES = [
    "cos_tfidf", "topic_similarity", "overlap", "overlap_idf", "overlap_stem", "overlap_lead", "bigram_overlap",
    "best_passage", "second_passage", "best_position", "claim_passages",
    "numbers", "numbers_kept", "names", "names_kept", "missing_idf_max",
    "refute_body", "hedge_body", "assert_body", "negation_body",
    "refute_top", "hedge_top", "assert_top", "negation_top",
    "refute_claim", "negation_claim", "hedge_claim",
    "refute_head", "hedge_head", "negation_head", "question_head", "quote_head",
    "refute_parity", "head_len", "body_len",
]


def analyse_pair(headline: str, body: Body, lexicon: Lexicon) -> PairAnalysis:
    """Features and evidence of ``headline`` against an analysed ``body``."""
    get, default = lexicon.idf.get, lexicon.default_idf
    words = T.tokens(headline)
    key = list(dict.fromkeys(T.content(words))) or list(dict.fromkeys(words))
    key_weight = {w: get(w, default) for w in key}
    total_w = sum(key_weight.values()) or 1.0
    n_key = max(len(key), 1)
    counts, joined = body.counts, body.joined
    present = [w for w in key if w in counts]
    head_counts = Counter(words)
    dot = sum(c * counts.get(w, 0) * get(w, default) ** 2 for w, c in head_counts.items())
    head_norm = math.hypot(*[c * get(w, default) for w, c in head_counts.items()]) or 1.0
    bigrams = [f" {a} {b} " for a, b in pairwise(words)]
    passages, first = _passage_scores(body.words, counts, present, key_weight, total_w)
    n_passages = max(1, -(-len(body.words) // WINDOW))
    top = sorted(passages, key=passages.__getitem__, reverse=True)[:TOP_PASSAGES]
    best = [passages[i] for i in top] + [0.0, 0.0]
    claim = [i for i, s in passages.items() if s >= CLAIM_SHARE]
    numbers = [w for w in key if T.NUMBER_RE.search(w)]
    names = {m.group().lower().replace("’", "'") for m in T.CAPITAL_RE.finditer(headline)}
    names = [w for w in names if w not in T.STOP_WORDS]
    refute_head = sum(w in T.REFUTE_WORDS for w in words)
    overlap = sum(key_weight[w] for w in present) / total_w
    topic_similarity = float(lexicon.topics.vector(head_counts) @ body.topic)
    features = np.array([
        dot / (head_norm * body.norm),
        topic_similarity,
        len(present) / n_key,
        overlap,
        sum(f" {w[:T.STEM]}" in joined for w in key) / n_key,  # as trained (no -ies folding)
        sum(at < LEAD_TOKENS for at in first.values()) / n_key,
        sum(b in joined for b in bigrams) / max(len(bigrams), 1),
        best[0],
        best[1],
        top[0] / n_passages if top else 1.0,
        len(claim) / n_passages,
        float(bool(numbers)),
        sum(w in counts for w in numbers) / len(numbers) if numbers else 1.0,
        float(bool(names)),
        sum(w in counts for w in names) / len(names) if names else 1.0,
        max((key_weight[w] for w in key if w not in counts), default=0.0) / 10.0,
        *body.cues,
        *_passage_cues(body.words, top, CUES),
        *_passage_cues(body.words, claim, (T.REFUTE_WORDS, T.NEGATION_WORDS, T.HEDGE_WORDS)),
        float(refute_head),
        float(sum(w in T.HEDGE_WORDS for w in words)),
        float(sum(w in T.NEGATION_WORDS for w in words)),
        float("?" in headline),
        float(any(q in headline for q in "\"“‘'")),
        float((refute_head + body.refutes) % 2),
        len(words) / 10.0,
        math.log1p(len(body.words)) / 5.0,
    ])
    return PairAnalysis(features, key, overlap, topic_similarity, key_weight, joined)


def _stem_in(word: str, joined: str) -> bool:
    """Whether a word of the body (``joined``: its words between spaces) has the stem of
    ``word``: starts with it when the stem is cut short, else is ``word`` itself or its
    singular or plural ("fire" / "fires", "party" / "parties")."""
    if any(f" {form} " in joined for form in _number_forms(word)):
        return True
    stem = T.stem(word)  # "parties" -> "party": only a stem cut short is a prefix of its words
    return len(stem) == T.STEM and f" {stem}" in joined


def _number_forms(word: str) -> tuple[str, ...]:
    """``word`` and its regular plural or singular."""
    if word.endswith("ies"):
        return word, word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word, word[:-1]
    return word, word[:-1] + "ies" if word.endswith("y") else word + "s"


def _passage_scores(words: list[str], counts: Counter, present: list[str],
                    key_weight: dict[str, float],
                    total_w: float) -> tuple[dict[int, float], dict[str, int]]:
    """Share of the key weight in each passage that holds a key term (passage index -> share),
    and the first position of each key term. Each term is looked up exactly as often as it
    occurs (``counts``)."""
    found: dict[int, float] = {}
    first: dict[str, int] = {}
    index = words.index
    for w in present:
        at, last, weight = -1, -1, key_weight[w]
        for _ in range(counts[w]):
            at = index(w, at + 1)
            if last < 0:
                first[w] = at
            if at // WINDOW != last:  # positions ascend: a term counts once per passage
                last = at // WINDOW
                found[last] = found.get(last, 0.0) + weight
    return {i: weight / total_w for i, weight in found.items()}, first


def _passage_cues(words: list[str], chosen: list[int], cues) -> list[float]:
    counts = Counter(chain.from_iterable(words[i * WINDOW:(i + 1) * WINDOW] for i in chosen))
    n = sum(counts.values())
    return [_rate(_cue_count(counts, cue), n) for cue in cues]


def pair_features(headline: str, body: Body, lexicon: Lexicon) -> np.ndarray:
    """The feature vector of ``headline`` against an analysed ``body``."""
    return analyse_pair(headline, body, lexicon).features
