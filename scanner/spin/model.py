"""The spin models: a site model (is this word a swap?) and the article classifier.

Both are scikit-learn Pipelines of StandardScaler and LogisticRegression, stored together with
skops (``models/spin/classifier.skops``, a dict ``{"site": ..., "document": ...}``). For
speed each pipeline is folded at load time into one weight vector and a bias, which gives
exactly the pipeline's ``predict_proba``.
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.resources import data_path
from scanner.spin.analysis import Analysis
from scanner.spin.features import document_features

MODEL_FILE = "classifier.skops"
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
]
THRESHOLD = 0.5  # scores.spin >= THRESHOLD means spun


class LinearModel:
    """A folded StandardScaler + LogisticRegression pipeline."""

    def __init__(self, pipeline) -> None:
        scaler, logistic = pipeline[0], pipeline[-1]
        self.weights = logistic.coef_[0] / scaler.scale_
        self.bias = float(logistic.intercept_[0] - self.weights @ scaler.mean_)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Positive-class probabilities of the rows of ``X``."""
        return 1.0 / (1.0 + np.exp(-np.clip(X @ self.weights + self.bias, -30, 30)))


class SpinModel:
    """Site probabilities and the article probability of an :class:`Analysis`."""

    def __init__(self, pipelines: dict) -> None:
        self.site = LinearModel(pipelines["site"])
        self.document = LinearModel(pipelines["document"])

    def site_probabilities(self, analysis: Analysis) -> np.ndarray:
        """Probability that each tested site is a swapped word (memoised on the analysis)."""
        if analysis.site_p is None:
            analysis.site_p = self.site.predict(analysis.site_x)
        return analysis.site_p

    def probability(self, analysis: Analysis) -> float:
        """Probability that the analysed text was machine rewritten."""
        features = document_features(analysis, self.site_probabilities(analysis))
        return round(float(self.document.predict(features[None, :])[0]), 4)


def load_pipelines(path=None) -> dict:
    """The stored pipelines (skops, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(path or data_path("models", "spin", MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def classifier() -> SpinModel:
    """The process-wide spin model (loaded on first use)."""
    return SpinModel(load_pipelines())
