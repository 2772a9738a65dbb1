"""The stance model at scan time: the trained StandardScaler + MLPClassifier pipeline as plain
numpy arrays (``models/headline/stance.npz``), plus the learnt lexicon (``lexicon.npz``,
``topics.npz``).

The scikit-learn pipeline itself is stored with skops (``stance.skops``) for inspection and
retraining; importing scikit-learn takes seconds, so the scanner runs the same forward pass on
the exported weights (a test checks both agree).
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.headline.features import FEATURE_NAMES, Lexicon
from scanner.headline.topics import TOPICS_FILE, Topics
from scanner.resources import data_path

LABELS = ("agree", "disagree", "discuss", "unrelated")
MODEL_FILE = "stance.skops"
WEIGHTS_FILE = "stance.npz"
LEXICON_FILE = "lexicon.npz"
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.ensemble._voting.VotingClassifier",
    "sklearn.preprocessing._label.LabelEncoder",
    "sklearn.utils._bunch.Bunch",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.neural_network._multilayer_perceptron.MLPClassifier",
    "sklearn.preprocessing._label.LabelBinarizer",
    "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
]


class StanceModel:
    """FNC-1 label probabilities: the mean softmax of a few one-hidden-layer ReLU networks on
    standardised features (arrays stacked along a first, per-network axis)."""

    def __init__(self, arrays: dict[str, np.ndarray], lexicon: Lexicon) -> None:
        mean, scale = arrays["mean"], arrays["scale"]
        w1, b1, w2, b2 = (arrays[k] for k in ("w1", "b1", "w2", "b2"))
        self.lexicon = lexicon
        if len(mean) != len(FEATURE_NAMES):
            raise ValueError("headline stance model does not match the feature code; retrain it")
        # one matrix product per layer for the whole ensemble: the scaler folded into the
        # first layer, the networks' hidden units side by side, their output layers block-
        # diagonal (a single feature vector then costs a handful of numpy calls)
        networks, hidden = w1.shape[0], w1.shape[2]
        self.w1 = np.concatenate(w1 / scale[None, :, None], axis=1)
        self.b1 = (b1 - np.einsum("f,nfh->nh", mean / scale, w1)).reshape(-1)
        self.w2 = np.zeros((networks * hidden, networks * len(LABELS)))
        for n in range(networks):
            self.w2[n * hidden:(n + 1) * hidden, n * len(LABELS):(n + 1) * len(LABELS)] = w2[n]
        self.b2 = b2.reshape(-1)
        self.networks = networks

    @staticmethod
    def export(pipeline) -> dict[str, np.ndarray]:
        """The arrays of a fitted StandardScaler + soft VotingClassifier of MLPs pipeline."""
        scaler, vote = pipeline[0], pipeline[-1]
        if list(vote.classes_) != list(range(len(LABELS))):
            raise ValueError("stance pipeline must be fitted on label indices 0..3")
        networks = vote.estimators_
        return {"mean": scaler.mean_, "scale": scaler.scale_,
                **{name: np.stack([getattr(n, attr)[layer] for n in networks])
                   for name, attr, layer in (("w1", "coefs_", 0), ("b1", "intercepts_", 0),
                                             ("w2", "coefs_", 1), ("b2", "intercepts_", 1))}}

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities (a feature vector or rows of them -> 4 probabilities each)."""
        hidden = np.maximum(features @ self.w1 + self.b1, 0.0)
        logits = (hidden @ self.w2 + self.b2).reshape(*np.shape(features)[:-1], self.networks,
                                                      len(LABELS))
        exp = np.exp(logits - logits.max(axis=-1, keepdims=True))
        return (exp / exp.sum(axis=-1, keepdims=True)).mean(axis=-2)


def load_lexicon() -> Lexicon:
    """The IDF table and topics the stance model was trained with."""
    with np.load(data_path("models", "headline", TOPICS_FILE)) as data:
        topics = Topics(data["vocabulary"].tolist(), data["idf"], data["vectors"])
    with np.load(data_path("models", "headline", LEXICON_FILE)) as data:
        return Lexicon.from_arrays(data["words"], data["values"], data["default_idf"], topics)


@cache
def stance_model() -> StanceModel:
    """The process-wide stance model (loaded on first use)."""
    with np.load(data_path("models", "headline", WEIGHTS_FILE)) as data:
        arrays = {k: data[k] for k in data.files}
    return StanceModel(arrays, load_lexicon())


def load_pipeline(path=None):
    """The stored scikit-learn pipeline (skops, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(path or data_path("models", "headline", MODEL_FILE), trusted=TRUSTED_TYPES)
