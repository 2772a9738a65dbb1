"""Training-time headline helpers: the FNC-1 score, the baseline approximation's features, and
the scan-time forward pass on one vector against a batch."""
from __future__ import annotations

import numpy as np

from scanner.headline.fnc_baseline import REFUTING, _stop_words, baseline_features, clean
from scanner.headline.model import stance_model
from scanner.headline.training import fnc_score


def test_fnc_score_weights_related_labels_more():
    gold = np.array([0, 2, 3, 3])  # agree, discuss, unrelated, unrelated
    assert fnc_score(gold, gold) == 1.0
    # related/unrelated right everywhere but agree taken for discuss: loses 0.75 of 2.5
    assert np.isclose(fnc_score(gold, np.array([2, 2, 3, 3])), 1.75 / 2.5)
    assert fnc_score(gold, np.array([3, 3, 0, 0])) == 0.0


def test_baseline_features_of_a_pair():
    body = clean("Police said the video of the shark on the highway is a hoax. It is fake.")
    features = baseline_features("Shark swims on flooded highway, video shows", body, _stop_words())
    assert len(features) == 1 + len(REFUTING) + 2 + 4 + 12 + 10
    assert 0.0 < features[0] < 1.0  # Jaccard overlap of the word sets
    assert features[1:1 + len(REFUTING)] == [0.0] * len(REFUTING)  # no refuting word in headline
    assert features[1 + len(REFUTING) + 1] == 0  # body: hoax + fake, even count


def test_forward_pass_of_one_vector_equals_the_batch():
    model = stance_model()
    x = np.random.default_rng(0).normal(size=(3, len(model.w1)))
    batch = model.probabilities(x)
    assert np.allclose(batch, [model.probabilities(row) for row in x])
    assert np.allclose(batch.sum(axis=1), 1.0)
