"""The spin models: a site model (is this word a swap?) and the article classifier.

The site model is gradient-boosted trees whose paths split on at most two features each; the
article classifier a Pipeline of StandardScaler and LogisticRegression. Both are stored with
skops in ``models/spin/classifier.skops`` (a dict ``{"site": ..., "document": ...}``). Loading
skops imports scikit-learn (2 s), so the trainer also writes them as plain arrays
(``models/spin/weights.npz``): the trees summed into one table per feature pair
(:class:`~scanner.spin.pairwise.PairwiseAdditive`), the pipeline folded into one weight vector
and a bias. The scanner reads that, which gives the estimators' ``predict_proba`` (a test
checks both files agree).
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.resources import data_path
from scanner.spin.analysis import SITE_FEATURES, Analysis
from scanner.spin.features import FEATURE_NAMES, document_features, windows
from scanner.spin.pairwise import PairwiseAdditive

MODEL_FILE = "classifier.skops"
WEIGHTS_FILE = "weights.npz"
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",  # the boosted trees'
]  # other parts are types skops trusts by default
THRESHOLD = 0.5  # scores.spin >= THRESHOLD means spun


def fold(pipeline) -> tuple[np.ndarray, float]:
    """``(weights, bias)`` of a StandardScaler + LogisticRegression pipeline, on raw inputs."""
    scaler, logistic = pipeline[0], pipeline[-1]
    weights = logistic.coef_[0] / scaler.scale_
    return weights, float(logistic.intercept_[0] - weights @ scaler.mean_)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function, overflow-safe (the scanner's and the trainer's one)."""
    return 1.0 / (1.0 + np.exp(np.minimum(np.maximum(-z, -30.0), 30.0)))


class SpinModel:
    """Site probabilities and the article probability of an :class:`Analysis`."""

    def __init__(self, site: PairwiseAdditive, document: tuple[np.ndarray, float]):
        self.site, (self.doc_w, self.doc_b) = site, document
        if len(site.edges) != len(SITE_FEATURES) or len(self.doc_w) != len(FEATURE_NAMES):
            raise ValueError("spin model does not match the feature code; retrain it")

    @classmethod
    def from_estimators(cls, estimators: dict) -> SpinModel:
        return cls(PairwiseAdditive.from_boosted(estimators["site"], len(SITE_FEATURES)),
                   fold(estimators["document"]))

    def site_probabilities(self, analysis: Analysis) -> np.ndarray:
        """Probability that each tested site is a swapped word (memoised on the analysis)."""
        self.prepare_sites([analysis])
        return analysis.site_p

    def prepare_sites(self, analyses: list[Analysis]) -> None:
        """:meth:`site_probabilities` of several analyses in one pass (memoised on each)."""
        todo = [a for a in analyses if a.site_p is None]
        if not todo:
            return
        p = sigmoid(self.site.raw(np.concatenate([a.site_x for a in todo])))
        for a, site_p in zip(todo, np.split(p, np.cumsum([len(a.sites) for a in todo])[:-1])):
            a.site_p = site_p

    def probability(self, analysis: Analysis) -> float:
        """Probability that the analysed text was machine rewritten: from the mean log-odds of
        its windows (:func:`~scanner.spin.features.windows`; one for most articles)."""
        logits = [self.logit(part, site_p)
                  for part, site_p in windows(analysis, self.site_probabilities(analysis))]
        return round(float(sigmoid(sum(logits) / len(logits))), 4)

    def logit(self, analysis: Analysis, site_p: np.ndarray) -> float:
        """The article classifier's log-odds for the analysed text (or window) read as one
        piece, its sites' swap probabilities ``site_p``."""
        return float(document_features(analysis, site_p) @ self.doc_w + self.doc_b)

    def save(self, path) -> None:
        """Write the plain arrays (``weights.npz``)."""
        np.savez(path, doc_w=self.doc_w, doc_b=self.doc_b, **self.site.arrays("site_"))


def load_estimators() -> dict:
    """The stored scikit-learn estimators (skops, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(data_path("models", "spin", MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def classifier() -> SpinModel:
    """The process-wide spin model, from the plain arrays (loaded on first use)."""
    with np.load(data_path("models", "spin", WEIGHTS_FILE)) as data:
        return SpinModel(PairwiseAdditive.from_arrays(data, "site_"),
                         (data["doc_w"], float(data["doc_b"])))
