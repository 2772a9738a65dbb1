"""Collocation analysis of a text: where a word looks like a thesaurus swap, and for what.

Every content word that has candidate originals (a *site*) and sits next to an unattested
word pair is tested: each candidate ``c`` replaces the word ``w`` and the association of its
two neighbour pairs is compared with the observed ones. Association is pointwise mutual
information in log10 units, ``A(a, b) = log f(a b) - log f(a) - log f(b)`` with frequencies
per billion words; an unattested pair gets the independence value, lowered when both words
are so common that the pair would be in the table if it were ordinary English. The *gain* of a
site is ``max_c sum_sides (A(var) - A(obs)) - relation_cost(c)``: how much more idiomatic the
text becomes when the word is put back. The analysis is computed once per document and shared
(``doc.cache``) by rule SPN001 and the article score.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from scanner.spin.tables import BREAK, NOT_LOWER, SENTENCE, UNKNOWN, Tables, tables
from scanner.spin.tokens import normalise, tokens_of

CACHE_KEY = "spin.analysis"
FLOOR = 2.0  # log10 per billion: an unattested pair is rarer than this
UNSEEN_BOOST = 0.0  # association assumed for an unattested pair of rare words
COST_WEIGHT = 0.5  # log10 units per relation-cost step of a candidate
SITE_FEATURES = ("gain", "left_gain", "right_gain", "left_obs", "right_obs", "has_left",
                 "has_right", "left_seen", "right_seen", "zipf", "best_zipf_diff", "best_cost",
                 "dominance", "log_candidates", "variant_seen", "variant_freq")


@dataclass(eq=False)
class Analysis:
    """Per-token ids and the tested sites of one text with their best candidate."""

    tokens: list[str]
    ids: np.ndarray  # vocabulary id per token, or BREAK / SENTENCE
    pair_seen_of_pairs: np.ndarray  # whether each tested word pair is in the table
    sites: np.ndarray  # token positions tested
    gain: np.ndarray  # best gain per site
    best: np.ndarray  # vocabulary id of the best candidate per site
    left_gain: np.ndarray  # part of the gain from the left pair
    right_gain: np.ndarray  # part of the gain from the right pair
    site_x: np.ndarray  # per-site features, columns SITE_FEATURES
    site_p: np.ndarray | None = None  # per-site swap probability (set by the site model)


def analyse(doc) -> Analysis:
    """The analysis of ``doc`` (memoised in ``doc.cache``)."""
    result = doc.cache.get(CACHE_KEY)
    if result is None:
        result = doc.cache[CACHE_KEY] = analyse_text(doc.text)
    return result


def word_ids(table: Tables, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(ids, lower)``: the vocabulary id of each token's table form (or BREAK / SENTENCE)
    and whether the token is written in that form (lower case)."""
    codes = table.codes.lookup(tokens)
    for k in np.flatnonzero(codes == UNKNOWN).tolist():  # capitals, numbers, unknown words
        low = normalise(tokens[k])
        codes[k] = table.index_ext.get(low, BREAK) + (NOT_LOWER if tokens[k] != low else 0)
    lower = codes < NOT_LOWER // 2  # BREAK + NOT_LOWER is a capitalised unknown word
    return np.where(lower, codes, codes - NOT_LOWER), lower


def association(table: Tables, left: np.ndarray,
                right: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(A, seen, log10 frequency or NaN)`` of the word pairs ``(left[i], right[i])``."""
    freq = table.pairs.lookup(left * table.size + right)
    independent = table.zipf[left] + table.zipf[right] - 9.0
    seen = ~np.isnan(freq)
    unseen = np.minimum(UNSEEN_BOOST, FLOOR - independent)
    return np.where(seen, freq - independent, unseen), seen, freq


def analyse_text(text: str) -> Analysis:
    """Tokenise ``text`` and test its sites (see the module docstring)."""
    table = tables()
    tokens = tokens_of(text)
    ids, lower = word_ids(table, tokens)
    n = len(ids)
    padded = np.empty(n + 2, dtype=np.int64)
    padded[0], padded[1:-1], padded[-1] = SENTENCE, ids, BREAK
    prev, nxt = padded[:-2], padded[2:]

    # observed association of every adjacent word pair (index i: tokens i and i + 1; the
    # buffers have one more slot in front so that their [:-1] views hold the pair to the left)
    assoc_buffer = np.full(n + 1, np.nan, dtype=np.float32)
    seen_buffer = np.zeros(n + 1, dtype=bool)
    pair_assoc, left_obs = assoc_buffer[1:], assoc_buffer[:-1]
    pair_seen, left_seen = seen_buffer[1:], seen_buffer[:-1]
    content = table.content[ids]
    # word pairs with a content word (function-word pairs carry no swap evidence)
    pairs = np.flatnonzero((ids >= 0) & (nxt >= 0) & (content | table.content[nxt]))
    if len(pairs):
        pair_assoc[pairs], pair_seen[pairs], _ = association(table, ids[pairs], nxt[pairs])
    seen_of_pairs = pair_seen[pairs]

    is_site = (table.has_candidates[ids] & (lower | (prev == SENTENCE))
               & (((prev >= 0) & ~left_seen) | ((nxt >= 0) & ~pair_seen)))
    sites = np.flatnonzero(is_site)
    empty = np.zeros(0)
    if not len(sites):
        return Analysis(tokens, ids, seen_of_pairs, sites, empty, sites, empty, empty,
                        np.zeros((0, len(SITE_FEATURES))))

    # expand the candidates of every site (CSR ranges -> flat arrays)
    words = ids[sites]
    counts = table.n_tested[words]
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(sites)), counts)
    starts = np.cumsum(counts) - counts
    flat = np.repeat(table.cand_ptr[words] - starts, counts) + np.arange(total)
    cand = table.cand_ids[flat]
    cost = table.cand_cost[flat]

    # both neighbour pairs of every candidate, looked up in one batch
    site_prev, site_next = prev[sites], nxt[sites]
    site_left_obs, site_right_obs = left_obs[sites], pair_assoc[sites]
    left_ctx, right_ctx = site_prev[owner], site_next[owner]
    has_l, has_r = np.flatnonzero(left_ctx >= 0), np.flatnonzero(right_ctx >= 0)
    variant, seen, freq = association(table, np.concatenate((left_ctx[has_l], cand[has_r])),
                                      np.concatenate((cand[has_l], right_ctx[has_r])))
    split = len(has_l)
    left_part = np.zeros(total, dtype=np.float32)
    right_part = np.zeros(total, dtype=np.float32)
    left_part[has_l] = variant[:split] - site_left_obs[owner[has_l]]
    right_part[has_r] = variant[split:] - site_right_obs[owner[has_r]]
    variant_freq = np.full(total, FLOOR - 1.0, dtype=np.float32)
    variant_freq[has_l] = np.where(seen[:split], freq[:split], FLOOR - 1.0)
    variant_freq[has_r] = np.fmax(variant_freq[has_r], freq[split:])
    gain = left_part + right_part - COST_WEIGHT * cost

    # best candidate per site: the first candidate reaching its site's maximum gain
    best_gain = np.maximum.reduceat(gain, starts)
    at_max = np.flatnonzero(gain == np.repeat(best_gain, counts))
    head = at_max[np.concatenate(([True], owner[at_max][1:] != owner[at_max][:-1]))]
    zipf = table.zipf[words]
    has_left, has_right = site_prev >= 0, site_next >= 0
    best_freq = variant_freq[head]
    site_x = np.array([
        gain[head], left_part[head], right_part[head],
        np.where(has_left, site_left_obs, 0.0), np.where(has_right, site_right_obs, 0.0),
        has_left, has_right, left_seen[sites], pair_seen[sites], zipf,
        table.zipf[cand[head]] - zipf, cost[head], table.dominance[words],
        table.log_tested[words], best_freq >= FLOOR, best_freq,
    ], dtype=np.float64).T
    return Analysis(tokens, ids, seen_of_pairs, sites, gain[head], cand[head], left_part[head],
                    right_part[head], site_x)
