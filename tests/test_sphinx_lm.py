"""The build-time reader of the pocketsphinx language model (scripts/sphinx_lm.py) against
pocketsphinx's own scoring; needs the ``[train]`` extra."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

pocketsphinx = pytest.importorskip("pocketsphinx", reason="build-time code ([train] extra)")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from sphinx_lm import default_model, read_bigrams  # noqa: E402

TO_LOG10 = float(np.log10(1.0001))


@pytest.fixture(scope="module")
def model():
    return read_bigrams(default_model())


def test_pairs_score_as_pocketsphinx_scores_them(model):
    words, unigram, left, right, conditional = model
    lm = pocketsphinx.NGramModel.readfile(str(default_model()))
    rng = random.Random(5)
    for k in rng.sample(range(len(left)), 300):
        # prob() takes the predicted word first and returns whole units of log base 1.0001
        expected = lm.prob([words[right[k]], words[left[k]]]) * TO_LOG10
        assert conditional[k] == pytest.approx(expected, abs=1e-4), (words[left[k]], words[right[k]])
    for k in rng.sample(range(len(words)), 100):
        if words[k] != "<s>":
            assert unigram[k] == pytest.approx(lm.prob([words[k]]) * TO_LOG10, abs=1e-4)


def test_collocations_and_breaks(model):
    words, _, left, right, conditional = model
    index = {w: i for i, w in enumerate(words)}
    pairs = dict(zip(zip(left.tolist(), right.tolist()), conditional.tolist()))
    assert pairs[index["national"], index["security"]] > -1.5  # P(security | national) > 3 %
    assert (index["nationwide"], index["security"]) not in pairs
    assert (index["counterfeit"], index["consciousness"]) not in pairs
    assert len(pairs) == len(left) > 2_000_000  # no pair stored twice
