"""Document features for the spin classifier, all read off one :class:`Analysis`.

Three families: collocation breaks (how many sites gain how much when a word is put back,
per 100 words), pair novelty (share of adjacent word pairs absent from the table) and the
word profile (rarity of content words, share of function words, vocabulary richness).
"""
from __future__ import annotations

import numpy as np

from scanner.spin.analysis import Analysis
from scanner.spin.tables import tables

GAIN_LEVELS = (2.0, 3.0, 4.0)
SITE_P_LEVELS = (0.5, 0.7, 0.9)
MIN_WORDS = 150  # rates of shorter texts are taken over this many words (shrunk toward 0)
FEATURE_NAMES = (
    [f"breaks_ge{g:g}_per100" for g in GAIN_LEVELS]
    + [f"swaps_ge{p:g}_per100" for p in SITE_P_LEVELS]
    + ["swap_p_per100", "top5_swap_p", "top5_gain", "sites_per100", "unseen_pairs", "unseen_content_pairs", "mean_assoc_seen",
       "content_zipf_mean", "content_rare_lt3", "content_rare_lt4", "stop_share",
       "type_token_ratio", "log_words"]
)


def document_features(a: Analysis, site_p: np.ndarray) -> np.ndarray:
    """The feature vector (order of :data:`FEATURE_NAMES`) of an analysed text whose sites
    have swap probabilities ``site_p``."""
    table = tables()
    ids = a.ids
    words = ids[ids >= 0]
    n_words = max(len(words), 1)
    per100 = 100.0 / max(n_words, MIN_WORDS)
    gain = a.gain
    breaks = [float((gain >= g).sum()) * per100 for g in GAIN_LEVELS]
    top5 = float(np.sort(gain)[-5:].mean()) if len(gain) else 0.0
    swaps = [float((site_p >= p).sum()) * per100 for p in SITE_P_LEVELS]
    top5_p = float(np.sort(site_p)[-5:].mean()) if len(site_p) else 0.0

    paired = ~np.isnan(a.pair_assoc)
    n_pairs = max(int(paired.sum()), 1)
    unseen = float((paired & ~a.pair_seen).sum()) / n_pairs
    content_tok = np.zeros(len(ids), dtype=bool)
    content_tok[ids >= 0] = ~table.is_stop[words]
    content_pair = paired & content_tok & np.concatenate((content_tok[1:], [False]))
    unseen_content = float((content_pair & ~a.pair_seen).sum()) / max(int(content_pair.sum()), 1)
    seen_assoc = a.pair_assoc[a.pair_seen]
    mean_assoc = float(seen_assoc.mean()) if len(seen_assoc) else 0.0

    content = words[~table.is_stop[words]]
    zipf = table.zipf[content] if len(content) else np.zeros(1, dtype=np.float32)
    return np.array(breaks + swaps + [
        float(site_p.sum()) * per100, top5_p, top5, len(a.sites) * per100, unseen, unseen_content, mean_assoc,
        float(zipf.mean()), float((zipf < 3).mean()), float((zipf < 4).mean()),
        1.0 - len(content) / n_words, len(np.unique(words)) / n_words, float(np.log(n_words)),
    ], dtype=np.float64)
