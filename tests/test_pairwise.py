"""The pairwise additive model: boosted trees with two features per path, as exact tables."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from scanner.spin.pairwise import PairwiseAdditive


def _data(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.random((n, 4))
    x[:, 3] = np.round(x[:, 3] * 3)  # a feature with few values: rows land on thresholds
    y = (x[:, 0] + x[:, 1] * x[:, 2] + 0.3 * x[:, 3] + rng.normal(0, 0.2, n) > 1.0)
    return x, y.astype(int)


def _boosted(**options) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(max_iter=15, random_state=0, **options).fit(*_data(0, 2000))


def test_tables_give_the_trees_log_odds_exactly():
    pairs = [list(p) for p in itertools.combinations(range(4), 2)]
    model = _boosted(interaction_cst=pairs)
    tables = PairwiseAdditive.from_boosted(model, 4)
    x, _ = _data(1, 3000)
    x[:20] = _data(0, 20)[0]  # training rows too
    assert np.allclose(tables.raw(x), model._raw_predict(x)[:, 0], rtol=0, atol=1e-12)
    stored = PairwiseAdditive.from_arrays(tables.arrays("p_"), "p_")
    assert np.array_equal(stored.raw(x), tables.raw(x))


def test_trees_with_three_features_on_a_path_are_refused():
    with pytest.raises(ValueError, match="more than two features"):
        PairwiseAdditive.from_boosted(_boosted(), 4)
