"""Document features for the spin classifier, all read off one :class:`Analysis`.

Three families: swaps (how many sites look swapped, by collocation gain and by the site model,
and the likelihood ratio of "a share r of the sites are swaps" against "none is"), pair novelty
(share of adjacent word pairs absent from the table) and the word profile (rare content words,
words with a much more frequent close synonym, function words, vocabulary richness, length).
"""
from __future__ import annotations

import math

import numpy as np

from scanner.spin.analysis import Analysis
from scanner.spin.tables import tables

GAIN_LEVELS = (2.0, 3.0)
SITE_P_LEVELS = (0.5, 0.7, 0.9)
SWAP_RATES = (0.03, 0.1, 0.3)
SITE_BASE_RATE = 0.28  # share of swapped sites in the site model's training data
MIN_WORDS = 150  # rates of shorter texts are taken over this many words (shrunk toward 0)
WINDOW_WORDS = 500  # a longer text is scored in windows of about this many words
_GAIN_LEVELS, _SITE_P_LEVELS = np.array(GAIN_LEVELS), np.array(SITE_P_LEVELS)
_SWAP_RATES = np.array(SWAP_RATES)[:, None]
FEATURE_NAMES = (
    [f"breaks_ge{g:g}_per100" for g in GAIN_LEVELS]
    + [f"swaps_ge{p:g}_per100" for p in SITE_P_LEVELS]
    + [f"llr_rate{r:g}" for r in SWAP_RATES]
    + ["swap_p_per100", "top5_swap_p", "sites_per100", "unseen_pairs", "content_rare_lt4",
       "dominance_mean", "stop_share", "type_token_ratio", "log_words"]
)


def document_features(a: Analysis, site_p: np.ndarray) -> np.ndarray:
    """The feature vector (order of :data:`FEATURE_NAMES`) of an analysed text whose sites
    have swap probabilities ``site_p``."""
    table = tables()
    words = a.ids[a.ids >= 0]
    n_words = max(len(words), 1)
    per100 = 100.0 / max(n_words, MIN_WORDS)
    gains, probs = np.sort(a.gain), np.sort(site_p)
    # sites at or above each level: counted on the sorted values
    values = ((len(gains) - gains.searchsorted(_GAIN_LEVELS)) * per100).tolist()
    values += ((len(probs) - probs.searchsorted(_SITE_P_LEVELS)) * per100).tolist()
    # site odds -> density ratios; mixture log-likelihood ratio at several swap rates
    p = np.minimum(np.maximum(site_p, 1e-4), 1 - 1e-4)
    ratio = p / (1 - p) * ((1 - SITE_BASE_RATE) / SITE_BASE_RATE) - 1
    values += np.log1p(_SWAP_RATES * ratio).sum(axis=1).tolist()
    top5 = float(probs[-5:].sum()) / 5

    n_pairs = len(a.pair_seen_of_pairs)
    unseen = (n_pairs - np.count_nonzero(a.pair_seen_of_pairs)) / max(n_pairs, 1)
    content = words[table.content[words]]
    # distinct words, counted on the sorted ids (cheaper than a set of Python ints)
    ordered = np.sort(words)
    distinct = np.count_nonzero(ordered[1:] != ordered[:-1]) + 1 if len(words) else 0
    n_content = max(len(content), 1)
    values += [
        float(probs.sum()) * per100, top5, len(a.sites) * per100, unseen,
        np.count_nonzero(table.rare[content]) / n_content,
        float(table.dominance[content].sum()) / n_content,
        1.0 - len(content) / n_words, distinct / n_words, math.log(n_words),
    ]
    return np.array(values)


def windows(a: Analysis, site_p: np.ndarray) -> list[tuple[Analysis, np.ndarray]]:
    """The analysis (with its site probabilities ``site_p``) cut into consecutive windows of
    about :data:`WINDOW_WORDS` words (at least 375, at most 625), or whole when it is shorter
    than one and a half windows. The classifier learned from news articles of a few hundred
    words; summed evidence over a 5,000-word guide is far outside what it saw, while each
    window of it is not (a spinner rewrites a text evenly, so its windows all look spun)."""
    is_word = a.ids >= 0
    k = round(np.count_nonzero(is_word) / WINDOW_WORDS)
    if k < 2:
        return [(a, site_p)]
    words = np.flatnonzero(is_word)
    bounds = [0, *words[np.arange(1, k) * len(words) // k].tolist(), len(a.ids)]
    parts = []
    for low, high in zip(bounds, bounds[1:]):
        s0, s1 = a.sites.searchsorted([low, high])
        p0, p1 = a.pairs.searchsorted([low, high])
        part = Analysis(a.ids[low:high], a.pairs[p0:p1], a.pair_seen_of_pairs[p0:p1],
                        a.sites[s0:s1] - low, a.gain[s0:s1], a.best[s0:s1], a.left_gain[s0:s1],
                        a.right_gain[s0:s1], a.site_x[s0:s1], pair_offset=low)
        parts.append((part, site_p[s0:s1]))
    return parts
