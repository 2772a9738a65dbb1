"""Cluster articles that tell one story: MinHash LSH over salient terms, then exact checks.

Each article becomes a MinHash signature (datasketch, 64 permutations) of its salient terms.
LSH banding (32 bands of 2 rows) makes two articles candidates when any band matches: with
terms ``J`` similar, the chance is ``1 - (1 - J**2)**32`` (98 % at J = 1/3, 8 % at J = 0.05).
Candidates are kept when their exact term Jaccard reaches :data:`THRESHOLD` (5 of 10 terms
shared), and clusters are the connected components of what is kept. Everything is held in
numpy arrays (~300 bytes per article), so a million articles fit in memory.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

from scanner.crossdoc.terms import SALIENT_TERMS, salient_terms, term_ids

NUM_PERM = 64
ROWS = 2
SEED = 20230131
THRESHOLD = 1 / 3
MIN_TERMS = 5  # fewer salient terms than this: too little text to place in a story
MAX_BUCKET = 50  # a band bucket bigger than this links each member to the first few only
BUCKET_HEADS = 3  # ... to these first members
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations


@dataclass
class Sketches:
    """Signatures and salient terms of many articles (append, merge, then cluster)."""

    ids: list[str] = field(default_factory=list)
    signatures: list[np.ndarray] = field(default_factory=list)
    terms: list[np.ndarray] = field(default_factory=list)

    def add(self, record_id: str, text: str) -> None:
        """Sketch one article (a too-short text is left out of clustering)."""
        words = salient_terms(text)
        if len(words) < MIN_TERMS:
            return
        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS,
                          scheme="affine32")
        minhash.update_batch([w.encode("utf-8") for w in words])
        self.ids.append(record_id)
        self.signatures.append(minhash.hashvalues.astype(np.uint32))
        self.terms.append(term_ids(words))

    def merge(self, other: Sketches) -> Sketches:
        """Append another batch's sketches (e.g. of another partition)."""
        self.ids += other.ids
        self.signatures += other.signatures
        self.terms += other.terms
        return self

    def compact(self) -> Sketches:
        """The same sketches as two stacked arrays (cheaper to keep and to send)."""
        if len(self.signatures) > 1:
            self.signatures = [np.vstack(self.signatures)]
            self.terms = [np.vstack(self.terms)]
        return self

    def clusters(self, threshold: float = THRESHOLD) -> list[list[str]]:
        """Clusters (two or more ids each) of articles telling one story, largest first."""
        if len(self.ids) < 2:
            return []
        signatures = np.vstack(self.signatures)
        terms = np.vstack(self.terms)
        pairs = candidate_pairs(signatures)
        pairs = pairs[term_jaccard(terms, pairs) >= threshold - 1e-9]
        groups = components(len(self.ids), pairs)
        return sorted(([self.ids[i] for i in g] for g in groups), key=lambda g: (-len(g), g[0]))


def candidate_pairs(signatures: np.ndarray) -> np.ndarray:
    """Unique ``(i, j)`` index pairs (i < j) sharing at least one LSH band."""
    found = []
    for start in range(0, signatures.shape[1] - ROWS + 1, ROWS):
        band = signatures[:, start:start + ROWS].astype(np.uint64)
        keys = band[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ band[:, 1]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        bounds = np.flatnonzero(np.diff(sorted_keys)) + 1
        for bucket in np.split(order, bounds):
            if len(bucket) < 2:
                continue
            heads = bucket[:BUCKET_HEADS] if len(bucket) > MAX_BUCKET else bucket
            for k, i in enumerate(heads):
                others = bucket[k + 1:]
                found.append(np.column_stack([np.full(len(others), i), others]))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.vstack(found), axis=1)
    return np.unique(pairs, axis=0)


def term_jaccard(terms: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Exact Jaccard of the salient-term rows of each pair (0 pads are not terms)."""
    if len(pairs) == 0:
        return np.empty(0)
    left, right = terms[pairs[:, 0]], terms[pairs[:, 1]]
    shared = ((left[:, :, None] == right[:, None, :]) & (left[:, :, None] != 0)).sum(axis=(1, 2))
    sizes = (left != 0).sum(axis=1) + (right != 0).sum(axis=1)
    return shared / np.maximum(1, sizes - shared)


def components(n: int, pairs: np.ndarray) -> list[list[int]]:
    """Connected components (of two or more) of the graph on ``n`` nodes with ``pairs``."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs.tolist():
        root_i, root_j = find(i), find(j)
        if root_i != root_j:
            parent[max(root_i, root_j)] = min(root_i, root_j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


__all__ = ["SALIENT_TERMS", "THRESHOLD", "Sketches"]
