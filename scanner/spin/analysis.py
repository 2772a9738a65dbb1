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
from functools import cached_property

import numpy as np

from scanner.listings import prose_text
from scanner.spin.tables import (
    BREAK,
    MAX_TESTED,
    MODEL_ONLY,
    NOT_LOWER,
    SENTENCE,
    UNKNOWN,
    Tables,
    tables,
)
from scanner.spin.tokens import normalise, token_pieces

CACHE_KEY = "spin.analysis"
FLOOR = 1.0  # log10 per billion: an unattested pair is rarer than this (the table's coverage)
UNSEEN_BOOST = 0.0  # association assumed for an unattested pair of rare words
COST_WEIGHT = 0.5  # log10 units per relation-cost step of a candidate
TEXT_SEPARATOR = "."  # token put between texts analysed together (a SENTENCE mark)
TOKEN_CHUNK = 1 << 16  # tokens looked up, then tested, together: bounds a long text's memory
_RANKS = np.arange(MAX_TESTED)
SITE_FEATURES = ("gain", "left_gain", "right_gain", "left_obs", "right_obs", "has_left",
                 "has_right", "left_seen", "right_seen", "zipf", "best_zipf_diff", "best_cost",
                 "dominance", "log_candidates", "variant_seen", "variant_freq")


@dataclass(eq=False)
class Analysis:
    """Per-token ids and the tested sites of one text with their best candidate (the tokens
    themselves are not kept: :func:`scanner.spin.tokens.spans_at` finds those wanted)."""

    ids: np.ndarray  # vocabulary id per token, or BREAK / SENTENCE
    pair_starts: np.ndarray  # where the tested word pairs start, from ``pair_offset`` (pairs)
    pair_seen_of_pairs: np.ndarray  # whether each tested word pair is in the table
    sites: np.ndarray  # token positions tested
    gain: np.ndarray  # best gain per site
    best: np.ndarray  # vocabulary id of the best candidate per site
    left_gain: np.ndarray  # part of the gain from the left pair
    right_gain: np.ndarray  # part of the gain from the right pair
    site_x: np.ndarray  # per-site features, columns SITE_FEATURES
    site_p: np.ndarray | None = None  # per-site swap probability (set by the site model)
    pair_offset: int = 0  # the text's first token's position in ``pair_starts``

    @cached_property
    def pairs(self) -> np.ndarray:
        """Token positions where the tested word pairs start: built when read (a long text's
        windows read them), not for every text of a batch."""
        return self.pair_starts - self.pair_offset


def analyse(doc) -> Analysis:
    """The analysis of ``doc``'s text without its program listings (:func:`prose_text`;
    memoised in ``doc.cache``; :func:`analyse_batch` fills it for several documents at once)."""
    result = doc.cache.get(CACHE_KEY)
    if result is None:
        result = doc.cache[CACHE_KEY] = analyse_texts([prose_text(doc)])[0]
    return result


def analyse_batch(docs: list) -> None:
    """Analyse the documents of ``docs`` not analysed yet together (memoised in ``doc.cache``):
    the same analyses as one by one, with the numpy work done once for all (see
    :func:`analyse_texts`)."""
    todo = [doc for doc in docs if CACHE_KEY not in doc.cache]
    for doc, analysis in zip(todo, analyse_texts([prose_text(doc) for doc in todo])):
        doc.cache[CACHE_KEY] = analysis


def word_ids(table: Tables, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(ids, lower)``: the vocabulary id of each token's table form (or BREAK / SENTENCE)
    and whether the token is written in that form (lower case)."""
    codes = table.codes.lookup(tokens)
    unknown = (codes == UNKNOWN).nonzero()[0]
    if len(unknown):  # capitals, numbers, unknown words: look up their table form
        odd = [tokens[k] for k in unknown.tolist()]
        codes[unknown] = [table.index_ext.get(low, BREAK) + (NOT_LOWER if token != low else 0)
                          for token, low in zip(odd, map(normalise, odd))]
    lower = codes < NOT_LOWER // 2  # BREAK + NOT_LOWER is a capitalised unknown word
    return np.where(lower, codes, codes - NOT_LOWER), lower


def association(table: Tables, left: np.ndarray,
                right: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(A, seen, log10 frequency or NaN, code)`` of the word pairs ``(left[i], right[i])``;
    ``code``: the pair's code in the table, :data:`MODEL_ONLY` or more for a pair only the
    language model attests (not the counted sources). A pair with a BREAK or SENTENCE id is
    unseen (its A is meaningless)."""
    # a negative right id would make the key of another pair: -1 (a key of no pair) instead
    codes = table.pairs.codes(np.maximum((left * table.size + right) | (right >> 63), -1))
    freq = table.pairs.freq_of_code[codes]
    independent = table.zipf[left] + table.zipf[right] - 9.0
    seen = codes >= 0
    unseen = np.minimum(UNSEEN_BOOST, FLOOR - independent)
    return np.where(seen, freq - independent, unseen), seen, freq, codes


def analyse_texts(texts: list[str]) -> list[Analysis]:
    """The analyses of ``texts``, computed together: their tokens are joined with a
    sentence mark between texts, which breaks every word pair and starts a sentence, so no
    pair, site or candidate crosses from one text into the next, and each analysis equals
    that of its text alone. A few dozen numpy calls then serve a whole batch instead of
    every text; a long stream is looked up and tested :data:`TOKEN_CHUNK` tokens at a time,
    which bounds its memory and gives the same analyses."""
    if not texts:
        return []
    table = tables()
    ids, lower, starts = _token_ids(table, texts)
    may_open = ~_names(ids, lower, starts, table.size)
    pairs, seen_of_pairs, sites, *site_values, site_x = _test_windows(table, ids, lower, may_open)
    bounds = np.array(starts + [len(ids)])
    pair_bounds = pairs.searchsorted(bounds).tolist()
    site_bounds = sites.searchsorted(bounds).tolist()
    analyses = []
    for k, first in enumerate(starts):
        (a, b), (c, d) = pair_bounds[k:k + 2], site_bounds[k:k + 2]
        gain, best, left_gain, right_gain = (values[c:d] for values in site_values)
        analyses.append(Analysis(ids[first:bounds[k + 1] - 1], pairs[a:b], seen_of_pairs[a:b],
                                 sites[c:d] - first, gain, best, left_gain, right_gain,
                                 site_x[c:d], pair_offset=first))
    return analyses


def _token_ids(table: Tables, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """``(ids, lower, starts)``: :func:`word_ids` of the tokens of ``texts`` with a sentence
    mark after each text, and where each text's tokens start. Tokens are looked up about
    :data:`TOKEN_CHUNK` at a time (a long text tokenised piece by piece), so no more than
    that many are alive as strings."""
    looked_up, pending, starts, done = [], [], [], 0
    for text in texts:
        starts.append(done + len(pending))
        for tokens in token_pieces(text):
            pending += tokens
            if len(pending) >= TOKEN_CHUNK:
                looked_up.append(word_ids(table, pending))
                done += len(pending)
                pending = []
        pending.append(TEXT_SEPARATOR)
    looked_up.append(word_ids(table, pending))
    ids, lower = (np.concatenate(arrays) for arrays in zip(*looked_up))
    return ids, lower, starts


def _names(ids: np.ndarray, lower: np.ndarray, starts: list[int], size: int) -> np.ndarray:
    """Per token: a capitalised word that its text never writes in lower case and writes
    capitalised inside a sentence or twice: a name ("Gaines kick" three times in a football
    scoring summary, each after a bracket, QA pass 23: "Benefits kick"), not a swapped word
    that opens a sentence. Counted per text (the texts of a batch are apart)."""
    known = ids >= 0
    text_of = np.searchsorted(np.asarray(starts), np.arange(len(ids)), side="right") - 1
    key = text_of.astype(np.int64) * size + ids
    capital = ~lower & known
    prev = np.concatenate(([SENTENCE], ids[:-1]))
    keys, counts = np.unique(key[capital], return_counts=True)
    named = np.union1d(keys[counts >= 2], key[capital & (prev != SENTENCE)])
    named = np.setdiff1d(named, key[lower & known])
    return capital & np.isin(key, named)


def _test_windows(table: Tables, ids: np.ndarray, lower: np.ndarray, may_open: np.ndarray) -> tuple:
    """:func:`_test_sites` of a token stream, :data:`TOKEN_CHUNK` tokens at a time: a site and
    its word pairs depend on the neighbouring tokens only, so each window is tested with one
    token of context on either side and keeps the pairs and sites that start in it, which
    are those of the whole stream."""
    if len(ids) <= TOKEN_CHUNK:
        return _test_sites(table, ids, lower, may_open)
    windows = []
    for start in range(0, len(ids), TOKEN_CHUNK):
        low, end = max(start - 1, 0), min(start + TOKEN_CHUNK, len(ids))
        pairs, seen, sites, *per_site = _test_sites(table, ids[low:end + 1], lower[low:end + 1],
                                                    may_open[low:end + 1])
        a, b = pairs.searchsorted([start - low, end - low])
        c, d = sites.searchsorted([start - low, end - low])
        windows.append((pairs[a:b] + low, seen[a:b], sites[c:d] + low,
                        *(values[c:d] for values in per_site)))
    return tuple(map(np.concatenate, zip(*windows)))


def _test_sites(table: Tables, ids: np.ndarray, lower: np.ndarray, may_open: np.ndarray) -> tuple:
    """``(pairs, seen_of_pairs, sites, gain, best, left_gain, right_gain, site_x)`` of a
    token stream: positions of the tested word pairs and whether each is in the table; the
    sites with their best candidate's gain, id and gain parts; the site features. A word is a
    site in lower case, or capitalised where it opens a sentence and ``may_open`` (no name)."""
    n = len(ids)
    padded = np.empty(n + 2, dtype=np.int64)
    padded[0], padded[1:-1], padded[-1] = SENTENCE, ids, BREAK
    prev, nxt = padded[:-2], padded[2:]
    # per token: 0 BREAK / SENTENCE, 1 function word, 2 content word, 3 with candidates
    kind = table.kind[padded]

    # observed association of every adjacent word pair (index i: tokens i and i + 1; the
    # buffers have one more slot in front so that their [:-1] views hold the pair to the left)
    assoc_buffer = np.full(n + 1, np.nan, dtype=np.float32)
    seen_buffer = np.zeros(n + 1, dtype=bool)
    pair_assoc, left_obs = assoc_buffer[1:], assoc_buffer[:-1]
    pair_seen, left_seen = seen_buffer[1:], seen_buffer[:-1]
    # word pairs with a content word (function-word pairs carry no swap evidence)
    pairs = (kind[1:-1] * kind[2:] >= 2).nonzero()[0]
    pair_assoc[pairs], seen, _, codes = association(table, ids[pairs], nxt[pairs])
    # a pair only the language model attests counts as unseen: its neighbours are still tested
    seen_of_pairs = seen & (codes < MODEL_ONLY)
    pair_seen[pairs] = seen_of_pairs

    is_site = ((kind[1:-1] == 3) & (lower | ((prev == SENTENCE) & may_open))
               & (((prev >= 0) & ~left_seen) | ((nxt >= 0) & ~pair_seen)))
    sites = is_site.nonzero()[0]
    if not len(sites):  # (most articles whose words fed the table have none)
        empty = np.zeros(0, dtype=np.float32)  # the dtype of the gains computed below
        return (pairs, seen_of_pairs, sites, empty, sites, empty, empty,
                np.zeros((0, len(SITE_FEATURES))))

    # the candidates of every site (CSR ranges), as rows of at most MAX_TESTED
    words = ids[sites]
    counts = table.n_tested[words]
    tested = _RANKS < counts[:, None]
    # row-major: site by site, closest candidate first (one flat nonzero is cheaper than
    # the two-dimensional one)
    owner, rank = np.divmod(np.flatnonzero(tested), MAX_TESTED)
    flat = table.cand_ptr[words][owner] + rank
    cand = table.cand_ids[flat]
    cost = table.cand_cost[flat]

    # both neighbour pairs of every candidate, looked up in one batch
    site_prev, site_next = prev[sites], nxt[sites]
    site_left_obs, site_right_obs = left_obs[sites], pair_assoc[sites]
    left_ctx, right_ctx = site_prev[owner], site_next[owner]
    total = len(cand)
    variant, seen, freq, _ = association(table, np.concatenate((left_ctx, cand)),
                                      np.concatenate((cand, right_ctx)))
    left_part = np.where(left_ctx >= 0, variant[:total] - site_left_obs[owner], 0)
    right_part = np.where(right_ctx >= 0, variant[total:] - site_right_obs[owner], 0)
    # (a pair without a neighbour word is unseen: its frequency NaN, ignored by fmax)
    variant_freq = np.fmax(np.where(seen[:total], freq[:total], FLOOR - 1.0), freq[total:])
    gain = left_part + right_part - COST_WEIGHT * cost

    # best candidate per site: the first candidate reaching its site's maximum gain
    grid = np.full(tested.shape, -np.inf, dtype=np.float32)
    grid[tested] = gain
    head = np.cumsum(counts) - counts + grid.argmax(axis=1)
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
    return (pairs, seen_of_pairs, sites, gain[head], cand[head], left_part[head],
            right_part[head], site_x)
