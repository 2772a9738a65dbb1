"""Clickbait probability of a headline: logistic regression over word uni- and bigrams.

Tokens are lower-cased, numbers folded to ``0`` and the first word marked, so "27 Tweets That'll
..." gives ``^0``, ``0 tweets``, ``tweets that'll``, ... The trained weights live in
``models/clickbait/weights.npz`` (the n-gram vocabulary and one weight each); the fitted
scikit-learn classifier and its vocabulary are kept in ``clickbait.skops``.
"""
from __future__ import annotations

import math
import re
from functools import cache
from itertools import pairwise

import numpy as np

from scanner.resources import data_path

MODEL_FILE = "clickbait.skops"
WEIGHTS_FILE = "weights.npz"
TRUSTED_TYPES = ["sklearn.linear_model._logistic.LogisticRegression"]
THRESHOLD = 0.5  # the classifier's decision threshold (accuracy is measured at it)
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[?!:|]")
_DIGITS_RE = re.compile(r"\d+")


def ngrams(headline: str) -> list[str]:
    """The word uni- and bigrams of a headline (numbers folded, first word marked)."""
    words = [_DIGITS_RE.sub("0", w).replace("’", "'")
             for w in _TOKEN_RE.findall(headline.lower())]
    if not words:
        return []
    grams = [f"^{words[0]}", *words]
    grams += [f"{a} {b}" for a, b in pairwise(words)]
    return grams


class ClickbaitModel:
    """Unigram/bigram logistic regression over n-gram presence (binary features, no scaling)."""

    def __init__(self, vocabulary: list[str], weights: np.ndarray, bias: float) -> None:
        self.weight_of = dict(zip(vocabulary, weights.tolist()))  # Python floats: fast to add
        self.bias = bias

    def probability(self, headline: str) -> float:
        """Probability that ``headline`` is clickbait."""
        weight_of = self.weight_of
        z = self.bias + sum(weight_of[g] for g in set(ngrams(headline)) if g in weight_of)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_classifier(path=None) -> dict:
    """The stored ``{"vocabulary": array of n-grams, "classifier": LogisticRegression}``."""
    import skops.io as sio

    return sio.load(path or data_path("models", "clickbait", MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def clickbait_model() -> ClickbaitModel:
    """The process-wide clickbait model (loaded on first use)."""
    with np.load(data_path("models", "clickbait", WEIGHTS_FILE)) as data:
        return ClickbaitModel(data["vocabulary"].tolist(), data["weights"], float(data["bias"]))
