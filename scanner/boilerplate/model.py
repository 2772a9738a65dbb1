"""The boilerplate line model: two linear stages over cheap line features.

Stage 1 scores each line on its own (dense features of :mod:`.features` plus a binary bag of
words of its opening) with two logistic regressions: one fitted to the raw line mix and one with
classes balanced per page regime (whole page / extracted article), which reads sparse leftovers
better. Stage 2 is a logistic regression over the stage-1 scores in context: neighbours' scores,
window means, and whether the line falls in the best-scoring head run, tail run or main content
block (maximum-sum segments of the scores). Everything is a few dot products and O(n) loops.

The fitted estimators live in ``models/boilerplate/line_model.skops`` (see
``scripts/train_boilerplate.py`` and the model card); they are loaded once per process.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from scanner.boilerplate.features import line_features, tokens
from scanner.resources import data_path

MODEL_FILE = ("boilerplate", "line_model.skops")
TRUSTED_TYPES = [
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._data.StandardScaler",
]
CUT_TAUS = (-1.0, 0.0, 1.0)


@dataclass(frozen=True)
class LinearStage:
    """One stage-1 scorer: weights for standardised dense features plus token weights."""

    mean: np.ndarray
    scale: np.ndarray
    dense_weights: np.ndarray
    token_weights: dict[str, float]
    bias: float
    vocabulary: frozenset[str] = frozenset()

    def scores(self, dense: np.ndarray, token_sets: list[set[str]]) -> np.ndarray:
        base = ((dense - self.mean) / self.scale) @ self.dense_weights + self.bias
        weights, vocabulary = self.token_weights, self.vocabulary
        lexical = [sum(map(weights.__getitem__, toks & vocabulary)) for toks in token_sets]
        return base + np.asarray(lexical)


def _window_means(s: np.ndarray, radius: int) -> np.ndarray:
    n = len(s)
    prefix = np.concatenate([[0.0], np.cumsum(s)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - radius, 0), np.minimum(idx + radius + 1, n)
    return (prefix[hi] - prefix[lo]) / (hi - lo)


def stage2_features(score_sets: list[np.ndarray]) -> np.ndarray:
    """Context features of stage 2 from each stage-1 model's line scores."""
    columns = []
    for s in score_sets:
        n = len(s)
        padded = np.concatenate([[s[0], s[0]], s, [s[-1], s[-1]]])
        columns += [s, padded[1:n + 1], padded[3:n + 3], padded[0:n], padded[4:n + 4],
                    _window_means(s, 2), _window_means(s, 5), _window_means(s, 15)]
        for tau in CUT_TAUS:
            columns += segment_flags(s, tau)
        columns += [np.full(n, float((s > 0).mean())), np.full(n, float(s.mean()))]
    return np.column_stack(columns)


def segment_flags(scores: np.ndarray, tau: float) -> list[np.ndarray]:
    """Membership of each line in the head run, tail run and main block for offset ``tau``.

    The head run is the prefix with the largest sum of ``score - tau`` (boilerplate opening the
    page), the tail run the suffix with the largest sum, and the main block the contiguous
    segment with the largest sum of ``tau - score`` (the article). All from prefix sums.
    """
    n = len(scores)
    prefix = np.concatenate([[0.0], np.cumsum(scores - tau)])
    head_end = int(np.argmax(prefix))
    tail_start = int(np.argmax(prefix[-1] - prefix))
    content = -prefix  # content[j] - content[i] = sum of (tau - score) over lines i..j-1
    running_min = np.minimum.accumulate(content)
    end = int(np.argmax(content - running_min))
    start = int(np.argmin(content[:end + 1]))
    idx = np.arange(n)
    return [(idx < head_end).astype(float), (idx >= tail_start).astype(float),
            ((idx >= start) & (idx < end)).astype(float)]


@dataclass(frozen=True)
class LineModel:
    """The fitted two-stage model."""

    stage1: tuple[LinearStage, ...]
    stage2_weights: np.ndarray
    stage2_bias: float

    def probabilities(self, texts: list[str], cues: list[str | None],
                      token_lists: list[list[str]] | None = None) -> np.ndarray:
        """Probability that each (stripped, non-blank) line is boilerplate."""
        if token_lists is None:
            token_lists = [tokens(t) for t in texts]
        dense = np.asarray(line_features(texts, token_lists, cues), dtype=np.float64)
        token_sets = [set(t) for t in token_lists]
        first = [stage.scores(dense, token_sets) for stage in self.stage1]
        logits = stage2_features(first) @ self.stage2_weights + self.stage2_bias
        return 1.0 / (1.0 + np.exp(-logits))


def stage_from_estimators(scaler, estimator, vocabulary: list[str], n_dense: int) -> LinearStage:
    """A :class:`LinearStage` from a fitted scaler and logistic regression (dense + tokens)."""
    coef = estimator.coef_[0]
    weights = {t: float(w) for t, w in zip(vocabulary, coef[n_dense:]) if w != 0.0}
    return LinearStage(
        mean=scaler.mean_, scale=scaler.scale_, dense_weights=coef[:n_dense],
        token_weights=weights, bias=float(estimator.intercept_[0]), vocabulary=frozenset(weights),
    )


@cache
def load_model() -> LineModel | None:
    """The shipped model (loaded once), or None when the model file is absent."""
    path = data_path("models", *MODEL_FILE)
    if not path.is_file():
        return None
    import skops.io as sio

    bundle = sio.load(path, trusted=TRUSTED_TYPES)
    n_dense = len(bundle["scaler"].mean_)
    stages = tuple(stage_from_estimators(bundle["scaler"], est, bundle["vocabulary"], n_dense)
                   for est in bundle["stage1"])
    stage2 = bundle["stage2"]
    return LineModel(stages, stage2.coef_[0], float(stage2.intercept_[0]))
