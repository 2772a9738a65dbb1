"""An approximation of the official FNC-1 baseline, for calibrating dev splits (training time
only; used by ``bench/headline_eval.py``).

The baseline (FakeNewsChallenge/fnc-1-baseline, ``feature_engineering.py``) scored 79.53 % on
its own hold-out split and 75.20 % on the official test set. Its figure on any other split tells
how hard that split is, so our score minus the baseline's on the same split carries over to the
test set better than our raw score does. Rebuilt here from its published code: Jaccard word
overlap, 15 refuting-word indicators of the headline, refuting-word parity of headline and body,
and counts of the headline's words, (buggy, space-joined) character grams and word n-grams found
in the body and in its first 255 / 100 characters (substring tests, as there); a GradientBoostingClassifier of 200 trees
(random_state 14128). Differences: no WordNet lemmas and no NLTK tokeniser (their data cannot be
downloaded here), so words are the ``\\w+`` runs of the cleaned text; one model trained on the
whole training part instead of the best of 10 folds.
"""
from __future__ import annotations

import re

import numpy as np

REFUTING = ("fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt",
            "doubts", "bogus", "debunk", "pranks", "retract")
_WORD_RE = re.compile(r"\w+")


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def clean(text: str) -> str:
    """The baseline's ``clean``: word runs, space-joined, lower-cased."""
    return " ".join(_WORD_RE.findall(text)).lower()


def _gram_hits(grams: list[str], body: str, prefixes: tuple[int, ...]) -> list[int]:
    return [sum(g in body for g in grams)] + [sum(g in body[:n] for g in grams) for n in prefixes]


def baseline_features(headline: str, body: str, stop: frozenset[str]) -> list[float]:
    """The 44 baseline features of a pair (``body`` already :func:`clean`-ed)."""
    head = clean(headline)
    head_words, body_words = head.split(), body.split()
    union = set(head_words) | set(body_words)
    features = [len(set(head_words) & set(body_words)) / max(len(union), 1)]
    features += [float(w in head_words) for w in REFUTING]
    features += [sum(w in REFUTING for w in words) % 2 for words in (head_words, body_words)]
    early = body[:255]
    features += [sum(w in body for w in head_words), sum(w in early for w in head_words)]
    content = [w for w in head_words if w not in stop]
    features += [sum(w in body for w in content)] * 2  # the baseline's "early" count repeats it
    stripped = " ".join(content)
    for size in (2, 8, 4, 16):  # the baseline's order; its grams join characters with spaces
        grams = [" ".join(stripped[i:i + size]) for i in range(len(stripped) - size + 1)]
        features += _gram_hits(grams, body, (255, 100))
    for size in (2, 3, 4, 5, 6):
        grams = [" ".join(head_words[i:i + size]) for i in range(len(head_words) - size + 1)]
        features += _gram_hits(grams, body, (255,))
    return features


def baseline_matrix(pairs, bodies: dict[int, str]) -> np.ndarray:
    """Baseline features of ``pairs`` (objects with ``headline`` and ``body_id``)."""
    stop, cleaned = _stop_words(), {}
    rows = []
    for p in pairs:
        body = cleaned.get(p.body_id)
        if body is None:
            body = cleaned[p.body_id] = clean(bodies[p.body_id])
        rows.append(baseline_features(p.headline, body, stop))
    return np.array(rows, dtype=float)


def fit_baseline(x: np.ndarray, y: np.ndarray):
    """The baseline's classifier fitted on ``x``, ``y``."""
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=200, random_state=14128).fit(x, y)
