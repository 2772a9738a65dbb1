"""Latent topics (LSA): word vectors from a truncated SVD of TF-IDF over training text.

They relate words that overlap counting misses ("Tory" and "Conservatives", "Reds" and
"Liverpool"), so a terse headline that shares no word with its body still lands on the body's
topic. ``models/headline/topics.npz`` holds the vocabulary, its IDF and the word vectors
(float16); built by ``scripts/train_headline.py`` from training text only.
"""
from __future__ import annotations

from collections import Counter
from itertools import repeat

import numpy as np

TOPICS_FILE = "topics.npz"


class Topics:
    """Word vectors; a text's vector is the TF-IDF weighted sum of its words' vectors."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray, vectors: np.ndarray) -> None:
        self.index = {w: i for i, w in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.vectors = vectors.astype(np.float32)
        # IDF-weighted rows, plus a zero row that unknown words (index -1) land on
        self._weighted = np.vstack([self.vectors * self.idf[:, None],
                                    np.zeros((1, self.vectors.shape[1]), np.float32)])

    def vector(self, counts: Counter) -> np.ndarray:
        """Unit-length topic vector of a bag of words (zeros when no word is known)."""
        n = len(counts)
        return self.vector_of(np.fromiter(map(self.index.get, counts, repeat(-1)), np.int64, n),
                              np.fromiter(counts.values(), np.float32, n))

    def vector_of(self, rows: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """Unit-length topic vector of the words at vocabulary ``rows`` (-1: unknown) with
        term frequencies ``tf``."""
        v = np.log1p(tf.astype(np.float32)) @ self._weighted[rows]
        norm = float(np.sqrt(v @ v))
        return v / norm if norm else v

    def arrays(self) -> dict[str, np.ndarray]:
        """The topics as arrays for ``np.savez``."""
        return {"vocabulary": np.array(list(self.index)), "idf": self.idf.astype(np.float16),
                "vectors": self.vectors.astype(np.float16)}


def fit_topics(texts: list[str], dims: int = 128, vocabulary_size: int = 10000) -> Topics:
    """LSA over ``texts`` (training only): sublinear TF-IDF, truncated SVD without its first
    (mean) component, unit word vectors."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    from scanner.headline import text as T

    vectorizer = TfidfVectorizer(analyzer=lambda t: T.content(T.tokens(t)), min_df=3,
                                 max_features=vocabulary_size, sublinear_tf=True)
    x = vectorizer.fit_transform(texts)
    svd = TruncatedSVD(dims + 1, random_state=0).fit(x)
    vectors = (svd.components_.T * svd.singular_values_)[:, 1:]  # the first is the mean
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return Topics(vectorizer.get_feature_names_out().tolist(), vectorizer.idf_, vectors)
