"""The spin models: a site model (is this word a swap?) and the article classifier.

Both are scikit-learn Pipelines of StandardScaler and LogisticRegression, stored together with
skops in ``models/spin/classifier.skops`` (a dict ``{"site": ..., "document": ...}``). Loading
skops imports scikit-learn (2 s), so the trainer also writes each pipeline folded into one
weight vector and a bias (``models/spin/weights.npz``, plain arrays); the scanner reads that,
which gives exactly the pipelines' ``predict_proba`` (a test checks both files agree).
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.resources import data_path
from scanner.spin.analysis import SITE_FEATURES, Analysis
from scanner.spin.features import FEATURE_NAMES, document_features

MODEL_FILE = "classifier.skops"
WEIGHTS_FILE = "weights.npz"
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
]
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

    def __init__(self, site: tuple[np.ndarray, float], document: tuple[np.ndarray, float]):
        (self.site_w, self.site_b), (self.doc_w, self.doc_b) = site, document
        if len(self.site_w) != len(SITE_FEATURES) or len(self.doc_w) != len(FEATURE_NAMES):
            raise ValueError("spin model does not match the feature code; retrain it")

    @classmethod
    def from_pipelines(cls, pipelines: dict) -> SpinModel:
        return cls(fold(pipelines["site"]), fold(pipelines["document"]))

    def site_probabilities(self, analysis: Analysis) -> np.ndarray:
        """Probability that each tested site is a swapped word (memoised on the analysis)."""
        if analysis.site_p is None:
            analysis.site_p = sigmoid(analysis.site_x @ self.site_w + self.site_b)
        return analysis.site_p

    def probability(self, analysis: Analysis) -> float:
        """Probability that the analysed text was machine rewritten."""
        features = document_features(analysis, self.site_probabilities(analysis))
        return round(float(sigmoid(features @ self.doc_w + self.doc_b)), 4)

    def save(self, path) -> None:
        """Write the folded weights (``weights.npz``)."""
        np.savez(path, site_w=self.site_w, site_b=self.site_b, doc_w=self.doc_w,
                 doc_b=self.doc_b)


def load_pipelines() -> dict:
    """The stored scikit-learn pipelines (skops, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(data_path("models", "spin", MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def classifier() -> SpinModel:
    """The process-wide spin model, from the folded weights (loaded on first use)."""
    with np.load(data_path("models", "spin", WEIGHTS_FILE)) as data:
        return SpinModel((data["site_w"], float(data["site_b"])),
                         (data["doc_w"], float(data["doc_b"])))
