"""The boilerplate line model: line scorers, then a context stage.

Stage 1 scores each line on its own from the dense features of :mod:`.features` and a binary
bag of words of its opening: a logistic regression fitted to the raw line mix that also sees
quantile bins of the dense features (a cheap non-linearity), a logistic regression with classes
balanced per page regime (whole page / extracted article), and boosted depth-limited trees over
the dense features plus both linear scores. Stage 2 is a logistic regression over the stage-1
scores in context: neighbours' scores, window means, whether the line falls in the
best-scoring head run, tail run or main content block (maximum-sum segments), and those
features scaled by the page's prose share (so whole pages and extracted articles can weigh
them differently). Everything is a few vectorised numpy operations per page.

The training artefact is ``models/boilerplate/line_model.skops`` (scikit-learn estimators; see
``scripts/train_boilerplate.py`` and the model card). Loading skops imports scikit-learn (about
2 s), so the trainer also writes the same parameters as plain arrays (``line_model.npz``); the
scanner reads only that, once per process (a test checks that both files give the same
probabilities).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain, repeat

import numpy as np

from scanner.boilerplate.features import DENSE_NAMES, line_features, tokens, window_bounds
from scanner.resources import data_path

MODEL_FILE = ("boilerplate", "line_model.skops")
ARRAYS_FILE = ("boilerplate", "line_model.npz")
TRUSTED_TYPES = [
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.preprocessing._data.StandardScaler",
]
CUT_TAUS = (-1.0, 0.0, 1.0)
_TAUS = np.array(CUT_TAUS)
_TAUS.flags.writeable = False
_OWN_FOR_STAGE2 = np.array([DENSE_NAMES.index(k) for k in ("prose", "len", "stop_share", "terminal")])


@dataclass(frozen=True)
class LinearStage:
    """One stage-1 scorer: weights for standardised dense features plus token weights."""

    mean: np.ndarray
    scale: np.ndarray
    dense_weights: np.ndarray
    token_weights: dict[str, float]
    bias: float
    vocabulary: frozenset[str] = frozenset()
    bin_weights: np.ndarray | None = None
    """(features x bins) weights of the one-hot quantile bins (see :func:`bin_codes`)."""

    def scores(self, dense: np.ndarray, lexical: np.ndarray, codes: np.ndarray | None = None) -> np.ndarray:
        """Line scores from the dense features, the summed token weights ``lexical`` (see
        :meth:`LineModel.lexical_scores`) and the quantile bin ``codes``."""
        return self.standardised_scores(self.standardise(dense), lexical, codes)

    def standardise(self, dense: np.ndarray) -> np.ndarray:
        """The dense features standardised by this stage's mean and scale."""
        return (dense - self.mean) / self.scale

    def standardised_scores(self, standardised: np.ndarray, lexical: np.ndarray,
                            codes: np.ndarray | None = None) -> np.ndarray:
        """:meth:`scores` from the dense features already standardised (:meth:`standardise`)."""
        base = standardised @ self.dense_weights + self.bias
        if self.bin_weights is not None:
            flat, starts = self._flat_bins
            base = base + np.add.reduce(flat[codes + starts], axis=1)  # (ndarray.sum without its Python layer)
        return base + lexical

    @cached_property
    def _flat_bins(self) -> tuple[np.ndarray, np.ndarray]:
        """The bin weights flattened, and where each feature's bins start in them."""
        n_features, n_bins = self.bin_weights.shape
        return self.bin_weights.ravel(), np.arange(n_features) * n_bins


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted trees padded to one full depth, evaluated for all rows and trees at once.

    ``features``/``thresholds`` are (trees x internal nodes) in heap order (children of node i
    are 2i+1 and 2i+2; go right when the value exceeds the threshold); ``leaves`` is
    (trees x 2**depth). The raw score is ``baseline`` plus the sum of the reached leaves.
    """

    features: np.ndarray
    thresholds: np.ndarray
    leaves: np.ndarray
    baseline: float

    def decision(self, x: np.ndarray) -> np.ndarray:
        n_trees, n_internal = self.features.shape
        depth = n_internal.bit_length()
        features, thresholds = self.features.ravel(), self.thresholds.ravel()
        node_base = np.arange(n_trees) * n_internal
        row_base = (np.arange(len(x)) * x.shape[1])[:, None]
        flat = np.ascontiguousarray(x).ravel()
        node = np.zeros((len(x), n_trees), dtype=np.intp)
        for _ in range(depth):
            k = node_base + node
            node = 2 * node + 1 + (flat[row_base + features[k]] > thresholds[k])
        leaf = np.arange(n_trees) * (n_internal + 1) + node - n_internal
        return self.baseline + self.leaves.ravel()[leaf].sum(axis=1)


def export_trees(estimator, depth: int) -> TreeEnsemble:
    """A :class:`TreeEnsemble` from a fitted binary HistGradientBoostingClassifier."""
    n_internal = 2 ** depth - 1
    predictors = [group[0] for group in estimator._predictors]
    features = np.zeros((len(predictors), n_internal), dtype=np.intp)
    thresholds = np.full((len(predictors), n_internal), np.inf)
    leaves = np.zeros((len(predictors), 2 ** depth))
    for t, predictor in enumerate(predictors):
        nodes = predictor.nodes

        def fill(node: int, heap: int, t: int = t, nodes=nodes) -> None:
            if heap >= n_internal:
                leaves[t, heap - n_internal] = nodes["value"][node]
                return
            if nodes["is_leaf"][node]:
                fill(node, 2 * heap + 1)  # pad: an always-left split down to full depth
                fill(node, 2 * heap + 2)
                return
            features[t, heap] = nodes["feature_idx"][node]
            thresholds[t, heap] = nodes["num_threshold"][node]
            fill(int(nodes["left"][node]), 2 * heap + 1)
            fill(int(nodes["right"][node]), 2 * heap + 2)

        fill(0, 0)
    return TreeEnsemble(features, thresholds, leaves, float(np.ravel(estimator._baseline_prediction)[0]))


def bin_codes(dense: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Quantile bin of every feature value: the number of a feature's edges at or below it.

    ``edges`` is (features x bins-1), padded with +inf where a feature has fewer distinct edges.
    All the comparisons in one call (edge rank x lines x features), counted along the edge rank:
    two numpy calls, not two an edge rank (the transposed edges copied, as a strided view's
    comparison costs more than the copy).
    """
    planes = np.ascontiguousarray(edges.T)[:, None]
    return np.add.reduce(dense >= planes, axis=0, dtype=np.intp)


def stage2_inputs(scores: list[np.ndarray], dense: np.ndarray) -> np.ndarray:
    """Stage-2 design matrix of one page: context of the scores, scaled copy, key own features."""
    width = _CONTEXT_WIDTH * len(scores)
    inputs = np.empty((len(dense), 2 * width + len(_OWN_FOR_STAGE2)))
    context = stage2_features(scores, out=inputs[:, :width])
    np.multiply(context, dense[:, _PROSE_SHARE, None], out=inputs[:, width:2 * width])
    inputs[:, 2 * width:] = dense[:, _OWN_FOR_STAGE2]
    return inputs


_PROSE_SHARE = DENSE_NAMES.index("doc_prose")
_OFFSETS = (0, -1, 1, -2, 2)  # the line, its neighbours at distance 1, at distance 2
_RADII = (2, 5, 15)
_CONTEXT_WIDTH = len(_OFFSETS) + len(_RADII) + 3 * len(CUT_TAUS) + 2  # columns a scorer


def stage2_features(score_sets: list[np.ndarray], out: np.ndarray | None = None) -> np.ndarray:
    """Context features of stage 2 from each stage-1 scorer's line scores (all vectorised).

    Per scorer: the score, its neighbours at distance 1 and 2 either side (the page's first or
    last line past its ends), window means, membership of the head run / tail run / main block
    at each offset of :data:`CUT_TAUS` (see :func:`segment_flags`), and the page's share of
    positive scores and mean score. Columns are grouped by feature, scorers within a group;
    written into ``out`` when given (lines x :data:`_CONTEXT_WIDTH` times the scorers).
    """
    n, k = len(score_sets[0]), len(score_sets)
    scores = np.empty((n, k))  # (np.column_stack's Python layers cost more than two copies)
    for j, column in enumerate(score_sets):
        scores[:, j] = column
    near, lo, hi, sizes = _windows(n)
    if out is None:
        out = np.empty((n, k * _CONTEXT_WIDTH))
    at = len(_OFFSETS) * k
    out[:, :at] = scores[near].reshape(n, at)
    prefix = np.zeros((n + 1, k))
    scores.cumsum(axis=0, out=prefix[1:])
    means = (prefix[hi] - prefix[lo]) / sizes
    out[:, at:at + len(_RADII) * k] = means.reshape(n, -1)
    at += len(_RADII) * k
    flags = segment_flags(scores, _TAUS)
    out[:, at:at + 3 * len(CUT_TAUS) * k] = flags.reshape(n, -1)
    at += 3 * len(CUT_TAUS) * k
    # (what np.count_nonzero and ndarray.sum compute along an axis, without their Python layers)
    out[:, at:at + k] = np.add.reduce(scores > 0, axis=0, dtype=np.intp) / n
    out[:, at + k:] = np.add.reduce(scores, axis=0) / n
    return out


@lru_cache(maxsize=256)
def _windows(n: int) -> tuple[np.ndarray, ...]:
    """Index arrays of a page of ``n`` lines: each line's neighbours at :data:`_OFFSETS`
    (clipped at the ends), and the bounds into a prefix sum and the sizes (lines x radii x 1)
    of its windows of :data:`_RADII` lines either side."""
    lo, hi, sizes = (np.array(bounds).T for bounds in zip(*(window_bounds(n, r) for r in _RADII)))
    arrays = np.clip(np.arange(n)[:, None] + _OFFSETS, 0, n - 1), lo, hi, sizes[:, :, None]
    for array in arrays:
        array.flags.writeable = False  # shared by every page of that length
    return arrays


def segment_flags(scores: np.ndarray, taus: np.ndarray) -> np.ndarray:
    """Membership (lines x 3 x scorers x offsets) of the head run, tail run and main block.

    For each scorer column of ``scores`` and each offset ``tau``: the head run is the prefix
    with the largest sum of ``score - tau`` (boilerplate opening the page), the tail run the
    suffix with the largest sum, and the main block the contiguous segment with the largest
    sum of ``tau - score`` (the article). All from prefix sums.
    """
    n = len(scores)
    prefix = np.zeros((n + 1, scores.shape[1], len(taus)))
    (scores[:, :, None] - taus).cumsum(axis=0, out=prefix[1:])
    bounds = np.empty((2, 3, *prefix.shape[1:]), dtype=np.intp)  # first line, line past the end
    bounds[0, 0], bounds[1, 0] = 0, prefix.argmax(axis=0)
    bounds[0, 1], bounds[1, 1] = (prefix[-1] - prefix).argmax(axis=0), n
    # prefix[i] - prefix[j] = sum of (tau - score) over lines i..j-1: the main block ends where the
    # prefix falls furthest below its running maximum and starts at the maximum's first position
    # (what the argmin of -prefix and its running minimum found, without negating the prefix)
    end = (np.maximum.accumulate(prefix, axis=0) - prefix).argmax(axis=0)
    positions, line = _positions(n)
    bounds[0, 2], bounds[1, 2] = np.where(positions > end, -np.inf, prefix).argmax(axis=0), end
    return (line >= bounds[0]) & (line < bounds[1])


@lru_cache(maxsize=256)
def _positions(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The prefix positions 0..n of a page of ``n`` lines, and its lines, shaped for
    :func:`segment_flags` (shared by every page of that length)."""
    positions = np.arange(n + 1)[:, None, None]
    positions.flags.writeable = False
    return positions, positions[:n, None]


@dataclass(frozen=True)
class LineModel:
    """The fitted model: linear scorers, optional trees over them, and the context stage."""

    linear: tuple[LinearStage, ...]
    edges: np.ndarray
    trees: TreeEnsemble | None
    stage2_weights: np.ndarray
    stage2_bias: float

    @cached_property
    def _lexicon(self) -> tuple[dict[str, int], np.ndarray]:
        """Token -> row of the ((tokens + 1) x linear stages) matrix of token weights, and the
        matrix, whose last row (zeros) is every unknown token's: adding 0.0 changes no sum."""
        vocabulary = sorted(set().union(*(stage.vocabulary for stage in self.linear)))
        weights = np.zeros((len(vocabulary) + 1, len(self.linear)))
        for i, t in enumerate(vocabulary):
            weights[i] = [stage.token_weights.get(t, 0.0) for stage in self.linear]
        return {t: i for i, t in enumerate(vocabulary)}, weights

    def lexical_scores(self, token_lists: Iterable[Iterable[str]]) -> np.ndarray:
        """(lines x linear stages) sums of the weights of each line's distinct known tokens (the
        lines are read once, in order: a lazy iterable keeps only one line's tokens alive)."""
        index, weights = self._lexicon
        unknown = repeat(len(weights) - 1)  # (endless: one for every line's map, which stops at its tokens' end)
        # each line's weight rows, once each: a set of row numbers (deterministic order, unlike
        # a set of strings, whose order follows the process's string hashing)
        hits = [set(map(index.get, toks, unknown)) for toks in token_lists]
        counts = list(map(len, hits))
        rows = weights[np.fromiter(chain.from_iterable(hits), np.intp, sum(counts))]
        # one bincount for every stage: hit j's weight for stage k goes to slot line(j) * stages + k
        # (each slot sums its weights in the hits' order, as a bincount per stage did)
        lines, stages = len(hits), len(self.linear)
        slots = np.arange(0, lines * stages, stages).repeat(counts)[:, None] + np.arange(stages)
        return np.bincount(slots.ravel(), weights=rows.ravel(), minlength=lines * stages).reshape(lines, stages)

    @cached_property
    def _one_scaler(self) -> bool:
        """Whether every linear stage standardises alike (the trainer fits one scaler for all)."""
        first = self.linear[0]
        return all(np.array_equal(stage.mean, first.mean) and np.array_equal(stage.scale, first.scale)
                   for stage in self.linear)

    def _standardise(self, dense: np.ndarray) -> list[np.ndarray]:
        """Each linear stage's standardised dense features: one array for all when they share a
        scaler (two numpy calls a stage fewer)."""
        if self._one_scaler:
            return [self.linear[0].standardise(dense)] * len(self.linear)
        return [stage.standardise(dense) for stage in self.linear]

    def stage1_scores(self, dense: np.ndarray, lexical: np.ndarray) -> list[np.ndarray]:
        """Scores of the stage-1 scorers (trees first when present, then the linear ones) of
        lines with features ``dense`` and :meth:`lexical_scores` ``lexical``."""
        codes = bin_codes(dense, self.edges)
        linear = [stage.standardised_scores(standardised, lexical[:, k], codes)
                  for k, (stage, standardised) in enumerate(zip(self.linear, self._standardise(dense)))]
        if self.trees is None:
            return linear
        return [self.trees.decision(np.column_stack([dense, *linear])), *linear]

    def probabilities(self, texts: list[str], cues: list[str | None],
                      token_lists: list[list[str]] | None = None,
                      content: Collection[int] = ()) -> np.ndarray:
        """Probability that each (stripped, non-blank) line is boilerplate; 0 for the lines
        known to be article text (``content``: positions, such as a program listing's)."""
        if token_lists is None:
            token_lists = [tokens(t) for t in texts]
        lexical = self.lexical_scores(token_lists)
        dense = np.asarray(line_features(texts, token_lists, cues), dtype=np.float64)
        scores = self.stage1_scores(dense, lexical)
        logits = stage2_inputs(scores, dense) @ self.stage2_weights + self.stage2_bias
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        if content:
            probabilities[list(content)] = 0.0
        return probabilities


def linear_stage(scaler, estimator, vocabulary: list[str], n_bins: int | None) -> LinearStage:
    """A :class:`LinearStage` from a fitted scaler and logistic regression.

    The regression's columns are the standardised dense features, the vocabulary, and (when
    ``n_bins`` is given) ``features x n_bins`` one-hot bin columns.
    """
    coef = estimator.coef_[0]
    n_dense, n_vocab = len(scaler.mean_), len(vocabulary)
    bins = coef[n_dense + n_vocab:].reshape(n_dense, n_bins) if n_bins else None
    return _stage(scaler.mean_, scaler.scale_, coef[:n_dense], vocabulary,
                  coef[n_dense:n_dense + n_vocab], float(estimator.intercept_[0]), bins)


def _stage(mean, scale, dense_weights, vocabulary, token_weights, bias, bins) -> LinearStage:
    weights = {str(t): float(w) for t, w in zip(vocabulary, token_weights) if w != 0.0}
    return LinearStage(mean=np.asarray(mean, dtype=np.float64), scale=np.asarray(scale, dtype=np.float64),
                       dense_weights=np.asarray(dense_weights, dtype=np.float64), token_weights=weights,
                       bias=float(bias), vocabulary=frozenset(weights), bin_weights=bins)


def from_bundle(bundle: dict) -> LineModel:
    """The model from the training bundle stored in ``line_model.skops`` (needs scikit-learn)."""
    edges = bundle["edges"]
    linear = tuple(linear_stage(bundle["scaler"], est, bundle["vocabulary"],
                                edges.shape[1] + 1 if binned else None)
                   for est, binned in zip(bundle["linear"], bundle["binned"]))
    trees = TreeEnsemble(**bundle["trees"]) if bundle.get("trees") else None
    stage2 = bundle["stage2"]
    return LineModel(linear, edges, trees, stage2.coef_[0], float(stage2.intercept_[0]))


def save_arrays(model: LineModel, path) -> None:
    """Write ``model`` as plain numpy arrays (``line_model.npz``; no pickled objects)."""
    vocabulary = sorted(set().union(*(stage.vocabulary for stage in model.linear)))
    arrays = {"edges": model.edges, "stage2_weights": model.stage2_weights,
              "stage2_bias": np.float64(model.stage2_bias), "vocabulary": np.array(vocabulary, dtype=str)}
    for i, stage in enumerate(model.linear):
        arrays |= {f"linear{i}_mean": stage.mean, f"linear{i}_scale": stage.scale,
                   f"linear{i}_dense": stage.dense_weights, f"linear{i}_bias": np.float64(stage.bias),
                   f"linear{i}_tokens": np.array([stage.token_weights.get(t, 0.0) for t in vocabulary])}
        if stage.bin_weights is not None:
            arrays[f"linear{i}_bins"] = stage.bin_weights
    if model.trees is not None:
        arrays |= {"trees_features": model.trees.features, "trees_thresholds": model.trees.thresholds,
                   "trees_leaves": model.trees.leaves, "trees_baseline": np.float64(model.trees.baseline)}
    np.savez_compressed(path, **arrays)


def load_arrays(path) -> LineModel:
    """The model written by :func:`save_arrays`."""
    with np.load(path, allow_pickle=False) as data:
        vocabulary = data["vocabulary"].tolist()
        linear = []
        while f"linear{len(linear)}_mean" in data:
            key = f"linear{len(linear)}_"
            bins = data.get(key + "bins")
            linear.append(_stage(data[key + "mean"], data[key + "scale"], data[key + "dense"], vocabulary,
                                 data[key + "tokens"], data[key + "bias"], bins))
        trees = None
        if "trees_features" in data:
            trees = TreeEnsemble(data["trees_features"], data["trees_thresholds"], data["trees_leaves"],
                                 float(data["trees_baseline"]))
        return LineModel(tuple(linear), data["edges"], trees, data["stage2_weights"],
                         float(data["stage2_bias"]))


def load_bundle(path=None) -> dict:
    """The training bundle (skops; imports scikit-learn, trusted types listed explicitly)."""
    import skops.io as sio

    return sio.load(path or data_path("models", *MODEL_FILE), trusted=TRUSTED_TYPES)


@cache
def load_model() -> LineModel | None:
    """The shipped model from its plain arrays (loaded once), or None when the file is absent."""
    path = data_path("models", *ARRAYS_FILE)
    return load_arrays(path) if path.is_file() else None
