"""The table builder's spelling twins and thesaurus directions (scripts/build_spin_tables.py);
needs the ``[train]`` extra."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("symspellpy", reason="build-time code ([train] extra)")
pytest.importorskip("wordfreq", reason="build-time code ([train] extra)")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from build_spin_tables import _both_ways, pool_spellings, spelling_twins  # noqa: E402

#           0 flavour  1 flavor  2 four  3 for  4 that  5 taste  6 savour  7 hel  8 hell
WORDS = ["flavour", "flavor", "four", "for", "that", "taste", "savour", "hel", "hell"]
ZIPF = np.array([3.75, 4.05, 5.5, 7.0, 7.0, 4.5, 2.5, 2.9, 5.1])
CANDIDATES = [[5, 6], [5, 6], [2], [], [], [0], [5], [5], [5]]


def _csr(lists):
    indptr = np.cumsum([0] + [len(c) for c in lists])
    return indptr, np.array([j for c in lists for j in c], dtype=np.int64)


def test_twins_are_spellings_of_one_word_that_share_their_candidates():
    twins = set(spelling_twins(WORDS, ZIPF, *_csr(CANDIDATES)))
    # "four"/"for" share nothing; "hell" lends to "hel", never the rarer "hel" to "hell"
    assert twins == {(0, 1), (1, 0), (7, 8)}


def test_a_spelling_borrows_its_twins_pairs_scaled_by_their_frequencies():
    size = len(WORDS)
    # "flavor that", "that flavor", "flavour taste"
    freq = {1 * size + 4: 2.2, 4 * size + 1: 1.5, 0 * size + 5: 0.7}
    model = {4 * size + 1: 1.5}  # (a language-model pair: what it lends is marked so too)
    lent = pool_spellings(freq, size, ZIPF, [(0, 1), (1, 0)])
    assert lent[0 * size + 4] == pytest.approx((2.2 - 0.3, 1 * size + 4))  # "flavour that"
    assert lent[4 * size + 0] == pytest.approx((1.5 - 0.3, 4 * size + 1))  # "that flavour"
    assert lent[4 * size + 0][1] in model
    assert lent[1 * size + 5] == pytest.approx((0.7 + 0.3, 0 * size + 5))  # "flavor taste"
    assert lent[1 * size + 5][1] not in model
    assert 1 * size + 4 not in lent and len(lent) == 3  # a pair of its own stays as counted


def test_a_broad_thesaurus_offers_each_heads_terms_and_the_heads_that_list_a_word():
    # a spinner swaps "strategy" for its term "method"; the candidates of "method" must hold
    # "strategy", though Moby's own entry for "method" may not list it
    both = _both_ways({"strategy": ["method", "plan"], "plan": ["scheme"]})
    assert both["method"] == {"strategy"}
    assert both["plan"] == {"strategy", "scheme"}
    assert both["strategy"] == {"method", "plan"}
    assert "nationwide" not in both
