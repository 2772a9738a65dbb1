"""The collocation table (``models/spin/colloc.npz``), loaded once per process.

Holds the vocabulary with Zipf frequencies, the log10 frequency per billion words of about a
million word pairs (integer keys ``left_id * V + right_id``, looked up through a Bloom filter
and a bucketed hash table built at load time, so a batch of lookups costs a few numpy calls) and, for every word, the candidate originals a spinner may have replaced
(CSR arrays with a relation cost). Built by ``scripts/build_spin_tables.py``.
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.resources import data_path

BREAK = -1  # id of a token that breaks word pairs (punctuation, number, unknown word)
SENTENCE = -2  # id of a mark after which a capital letter may just start a sentence
SENTENCE_MARKS = (".", "!", "?", ":", '"', "“", "”", "(", ")")
MAX_TESTED = 12  # candidates tested per site (the closest relations, then the most frequent)
SCALE = 20.0  # stored values are log10 frequencies per billion words times SCALE, in uint8
NOT_LOWER = 1 << 24  # added to the id of a word written otherwise than in its table form
UNKNOWN = -3  # code of a token not in :attr:`Tables.codes`: look it up by its table form
_PUNCTUATION = ",;%$£€&/*+=<>[]{}#@|~^\\'‘’–—…•-"  # common pair breakers

_STOP_WORD_LIST = """
a about above across after against ago all almost along already also although always am among
an and another any anyone anything are around as at away back be became because been before
being below between both but by can cannot could did do does doing done down during each either
else enough even ever every few for from further get gets got had has have having he her here
hers herself him himself his how however i if in into is it its itself just least less let like
many may me might more most much must my myself near neither never no nor not now of off often
on once one only onto or other others our ours ourselves out over own per perhaps quite rather
same several she should since so some such than that the their theirs them themselves then there
these they this those though through thus to too toward towards under unless until up upon us
very via was we were what whatever when whenever where whether which while who whoever whom whose
why will with within without would yet you your yours yourself yourselves 's don't doesn't
didn't isn't aren't wasn't weren't won't can't couldn't wouldn't shouldn't hasn't haven't hadn't
it's i'm i've i'd i'll he's she's we're we've they're they've that's there's let's
"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())


class Tables:
    """The arrays of the collocation table plus a word -> id dict."""

    def __init__(self) -> None:
        with np.load(data_path("models", "spin", "colloc.npz")) as data:
            self.words = data["vocab"].tobytes().decode("utf-8").split("\n")
            self.zipf = data["zipf"].astype(np.float32) / SCALE
            keys = np.cumsum(data["key_deltas"], dtype=np.int64)
            self.pairs = PairIndex(keys, data["pair_freq"].astype(np.float32) / SCALE)
            self.cand_ptr = data["cand_ptr"].astype(np.int64)
            self.cand_ids = data["cand_ids"].astype(np.int64)
            self.cand_cost = data["cand_cost"].astype(np.float32)
        self.size = len(self.words)
        self.index = {w: i for i, w in enumerate(self.words)}
        self.index_ext = {**self.index, **dict.fromkeys(SENTENCE_MARKS, SENTENCE)}
        self.codes = self._codes()
        self.is_stop = np.zeros(self.size, dtype=bool)
        self.is_stop[[self.index[w] for w in STOP_WORDS if w in self.index]] = True
        self.n_candidates = np.diff(self.cand_ptr)
        self.n_tested = np.minimum(self.n_candidates, MAX_TESTED)  # candidates tried per site
        self.log_tested = np.log1p(self.n_tested)
        # per word, with two trailing False entries so that BREAK (-1) and SENTENCE (-2)
        # index them: a content word; a content word with candidate originals
        self.content = np.append(~self.is_stop, [False, False])
        self.rare = self.zipf < 4  # a rare word (fewer than 10 per million)
        self.has_candidates = self.content & np.append(self.n_candidates > 0, [False, False])
        # how much more frequent (log10) the most frequent close synonym is than the word
        tight = np.where(self.cand_cost == 0, self.zipf[self.cand_ids], -9.0)
        best = np.full(self.size, -9.0, dtype=np.float32)
        has = self.n_candidates > 0
        best[has] = np.maximum.reduceat(tight, self.cand_ptr[:-1][has])
        self.dominance = np.clip(best - self.zipf, -3.0, 3.0)

    def _codes(self) -> dict[str, int]:
        """Token as written -> code, for the common spellings: the id of a lower-case word;
        the id plus :data:`NOT_LOWER` of a capitalised one or one with a typographic
        apostrophe; BREAK or SENTENCE for punctuation. One dict look-up per token then
        replaces lower-casing the text (see :func:`scanner.spin.analysis.word_ids`)."""
        codes = dict.fromkeys(_PUNCTUATION, BREAK)
        codes.update(self.index_ext)
        for word, i in self.index.items():
            for variant in {word[:1].upper() + word[1:], word.replace("'", "’")}:
                codes.setdefault(variant, i + NOT_LOWER)
            if "'" in word:
                codes.setdefault(word[:1].upper() + word[1:].replace("'", "’"), i + NOT_LOWER)
        return codes


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_BLOOM_BITS = 24
_BUCKET_BITS = 18
_BUCKET_SLOTS = 8


def _hash(keys: np.ndarray, bits: int) -> np.ndarray:
    return ((keys.astype(np.uint64) * _GOLDEN) >> np.uint64(64 - bits)).astype(np.int64)


class PairIndex:
    """Exact ``key -> value`` lookups in batches: a 2 MB Bloom filter rejects most absent keys
    cheaply, the rest are read from 8-slot buckets (one cache line each); the few keys that
    overflow a bucket sit in a small sorted array."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        bloom = _hash(keys, _BLOOM_BITS)
        self.bloom = np.zeros(1 << (_BLOOM_BITS - 3), dtype=np.uint8)
        np.bitwise_or.at(self.bloom, bloom >> 3, (1 << (bloom & 7)).astype(np.uint8))
        bucket = _hash(keys, _BUCKET_BITS)
        order = np.argsort(bucket, kind="stable")
        bucket, keys, values = bucket[order], keys[order], values[order]
        rank = np.arange(len(keys)) - np.searchsorted(bucket, bucket)
        fits = rank < _BUCKET_SLOTS
        self.slot_keys = np.full((1 << _BUCKET_BITS, _BUCKET_SLOTS), -1, dtype=np.int64)
        self.slot_values = np.zeros((1 << _BUCKET_BITS, _BUCKET_SLOTS), dtype=np.float32)
        self.slot_keys[bucket[fits], rank[fits]] = keys[fits]
        self.slot_values[bucket[fits], rank[fits]] = values[fits]
        spill = np.argsort(keys[~fits])
        self.spill_keys, self.spill_values = keys[~fits][spill], values[~fits][spill]

    def lookup(self, keys: np.ndarray, likely: bool = False) -> np.ndarray:
        """Values of ``keys`` (int64 array); NaN for keys not in the table. With ``likely``
        (most keys expected present) the Bloom filter is skipped as it would reject little."""
        out = np.full(len(keys), np.nan, dtype=np.float32)
        if likely:
            maybe = np.arange(len(keys))
        else:
            bloom = _hash(keys, _BLOOM_BITS)
            maybe = np.flatnonzero((self.bloom[bloom >> 3] >> (bloom & 7).astype(np.uint8)) & 1)
            if not len(maybe):
                return out
        wanted = keys[maybe]
        bucket = _hash(wanted, _BUCKET_BITS)
        rows, cols = np.nonzero(self.slot_keys[bucket] == wanted[:, None])
        out[maybe[rows]] = self.slot_values[bucket[rows], cols]
        if len(self.spill_keys) and len(rows) < len(wanted):
            missed = np.ones(len(wanted), dtype=bool)
            missed[rows] = False
            full = np.flatnonzero(missed & (self.slot_keys[bucket, -1] >= 0))
            if len(full):
                pos = np.searchsorted(self.spill_keys, wanted[full])
                pos = np.minimum(pos, len(self.spill_keys) - 1)
                found = self.spill_keys[pos] == wanted[full]
                out[maybe[full[found]]] = self.spill_values[pos[found]]
        return out


@cache
def tables() -> Tables:
    """The process-wide collocation table (loaded on first use)."""
    return Tables()
