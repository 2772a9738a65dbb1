"""A pairwise additive model: a bias plus one look-up table per pair of features (a GA2M).

Gradient-boosted trees whose every tree splits on at most two features (scikit-learn's
``HistGradientBoostingClassifier`` with ``interaction_cst`` listing the feature pairs) add up to
a sum of functions of two features. Each such function is constant between the thresholds its
trees use, so summing the trees of a pair on the grid of their features' thresholds gives one
table per pair, exactly. Scoring is then a binary search per feature and one gather per pair,
for a whole batch of rows in a few numpy calls, and the scanner never imports scikit-learn.
"""
from __future__ import annotations

import numpy as np

_CHUNK = 2048  # rows scored at a time


class PairwiseAdditive:
    """Log-odds ``bias + sum_g table_g[bin(x_a), bin(x_b)]`` over the feature pairs ``g``.

    ``edges[f]`` are the sorted thresholds of feature ``f``; a value's bin is the number of
    thresholds below it, so ``x <= t`` (the trees' left branch) holds for every threshold from
    the value's bin up. A pair ``(a, b)`` with ``b == n_features`` is a single-feature term.
    """

    def __init__(self, edges: list[np.ndarray], pairs: np.ndarray, tables: list[np.ndarray],
                 bias: float) -> None:
        self.edges, self.pairs, self.bias = edges, pairs.astype(np.int64), float(bias)
        self.strides = _bin_counts(edges)[self.pairs[:, 1]].astype(np.int32)
        lengths = [t.size for t in tables]
        self.offsets = np.cumsum([0, *lengths[:-1]]).astype(np.int32)
        self.flat = (np.concatenate([t.ravel() for t in tables]) if tables
                     else np.zeros(0))

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The sum of the tables (log-odds) for each row of ``x``."""
        if len(x) > _CHUNK:  # small temporaries stay in the caches and are not paged in anew
            return np.concatenate([self.raw(x[k:k + _CHUNK]) for k in range(0, len(x), _CHUNK)])
        columns = np.ascontiguousarray(x.T)
        bins = np.zeros((len(self.edges) + 1, len(x)), dtype=np.int32)  # row by feature
        for f, edges in enumerate(self.edges):
            if len(edges):
                bins[f] = edges.searchsorted(columns[f])
        index = bins[self.pairs[:, 0]]  # one row per pair: the flat table index of every x
        index *= self.strides[:, None]
        index += bins[self.pairs[:, 1]]
        index += self.offsets[:, None]
        return self.flat.take(index).sum(axis=0) + self.bias

    # ----- storage ---------------------------------------------------------------------------
    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Plain arrays to store (``np.savez``), names starting with ``prefix``."""
        return {f"{prefix}edges": np.concatenate(self.edges),
                f"{prefix}edge_counts": np.array([len(e) for e in self.edges]),
                f"{prefix}pairs": self.pairs, f"{prefix}flat": self.flat,
                f"{prefix}bias": np.array(self.bias)}

    @classmethod
    def from_arrays(cls, data, prefix: str) -> PairwiseAdditive:
        """The model stored by :meth:`arrays`."""
        edges = np.split(data[f"{prefix}edges"], np.cumsum(data[f"{prefix}edge_counts"])[:-1])
        pairs = data[f"{prefix}pairs"]
        sizes = _bin_counts(edges)
        lengths = (sizes[pairs[:, 0]] * sizes[pairs[:, 1]]).tolist()
        tables = np.split(data[f"{prefix}flat"], np.cumsum(lengths)[:-1]) if lengths else []
        return cls(edges, pairs, tables, float(data[f"{prefix}bias"]))

    # ----- from scikit-learn ------------------------------------------------------------------
    @classmethod
    def from_boosted(cls, model, n_features: int) -> PairwiseAdditive:
        """The tables of a fitted binary ``HistGradientBoostingClassifier`` whose every
        root-to-leaf path splits on at most two features (numeric, no missing values): each
        leaf adds its value where its path's conditions hold, a function of that pair."""
        trees = [predictors[0].nodes for predictors in model._predictors]
        edges = [np.unique(np.concatenate(
            [t["num_threshold"][~t["is_leaf"].astype(bool) & (t["feature_idx"] == f)]
             for t in trees])) for f in range(n_features)]
        grids = [np.append(e, np.inf) for e in edges] + [np.zeros(1)]
        tables: dict[tuple[int, int], np.ndarray] = {}
        bias = float(np.ravel(model._baseline_prediction)[0])
        for tree in trees:
            for value, conditions in _leaf_paths(tree):
                used = sorted({f for f, _, _ in conditions})
                if not used:
                    bias += value
                    continue
                if len(used) > 2:
                    raise ValueError("a tree path splits on more than two features")
                a, b = used[0], used[1] if len(used) == 2 else n_features
                holds = np.ones((len(grids[a]), len(grids[b])), dtype=bool)
                for f, threshold, left in conditions:
                    below = (grids[f] <= threshold) == left
                    holds &= below[:, None] if f == a else below[None, :]
                table = tables.setdefault((a, b), np.zeros(holds.shape))
                table += value * holds
        pairs = sorted(tables)
        return cls(edges, np.array(pairs, dtype=np.int64).reshape(-1, 2),
                   [tables[p] for p in pairs], bias)


def _bin_counts(edges: list[np.ndarray]) -> np.ndarray:
    """Bins per feature (one more than its thresholds), then 1 for the constant column that a
    single-feature term pairs with."""
    return np.array([len(e) + 1 for e in edges] + [1])


def _leaf_paths(tree: np.ndarray) -> list[tuple[float, list[tuple[int, float, bool]]]]:
    """``(leaf value, [(feature, threshold, went left)...])`` of every leaf of a scikit-learn
    ``TreePredictor`` node array."""
    out, stack = [], [(0, [])]
    while stack:
        node, conditions = stack.pop()
        row = tree[node]
        if row["is_leaf"]:
            out.append((float(row["value"]), conditions))
            continue
        f, t = int(row["feature_idx"]), float(row["num_threshold"])
        stack.append((int(row["left"]), [*conditions, (f, t, True)]))
        stack.append((int(row["right"]), [*conditions, (f, t, False)]))
    return out
