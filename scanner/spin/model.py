"""The article classifier: logistic regression over :mod:`scanner.spin.features`.

Stored with skops (``models/spin/classifier.skops``, a scikit-learn Pipeline of StandardScaler
and LogisticRegression). For speed the pipeline is folded at load time into one weight vector
and a bias, which gives exactly the pipeline's ``predict_proba``.
"""
from __future__ import annotations

import math
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


class Classifier:
    """A folded StandardScaler + LogisticRegression."""

    def __init__(self, pipeline) -> None:
        scaler, logistic = pipeline[0], pipeline[-1]
        coef = logistic.coef_[0] / scaler.scale_
        self.weights = coef
        self.bias = float(logistic.intercept_[0] - coef @ scaler.mean_)

    def probability_of(self, features: np.ndarray) -> float:
        """Spin probability of one feature vector."""
        z = float(features @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def probability(self, analysis: Analysis) -> float:
        """Spin probability of an analysed text."""
        return round(self.probability_of(document_features(analysis)), 4)


def load_pipeline(path=None):
    """The stored scikit-learn pipeline (skops, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(path or data_path("models", "spin", MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def classifier() -> Classifier:
    """The process-wide classifier (loaded on first use)."""
    return Classifier(load_pipeline())
