"""The collocation table (``models/spin/colloc.npz``), loaded once per process.

Holds the vocabulary with Zipf frequencies, the log10 frequency per billion words of 1.98M word
pairs (integer keys ``left_id * V + right_id``; 1.31M of them attested only by a language
model, marked with :data:`MODEL_ONLY`; a British or American spelling has its twin's pairs) and, for every word, the candidate originals a
spinner may have replaced (CSR arrays with a relation cost). Built by
``scripts/build_spin_tables.py``. Word pairs and token spellings are looked up in batches
through flat hash arrays built at load time (:class:`LevelIndex`): a batch costs a few numpy
calls and mostly one random memory access per key, which is what bounds the speed.
"""
from __future__ import annotations

from functools import cache

import numpy as np

from scanner.resources import data_path
from scanner.spin.tokens import PARAGRAPH

BREAK = -1  # id of a token that breaks word pairs (punctuation, number, unknown word)
SENTENCE = -2  # id of a mark after which a capital letter may just start a sentence
SENTENCE_MARKS = (".", "!", "?", ":", '"', "“", "”", "(", ")", PARAGRAPH)
MAX_TESTED = 20  # candidates tested per site (the closest relations, then the most frequent)
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
            self.pairs = PairIndex(keys, data["pair_freq"],
                                   np.unpackbits(data["pair_model_only"], count=len(keys)))
            self.cand_ptr = data["cand_ptr"].astype(np.int64)
            self.cand_ids = data["cand_ids"].astype(np.int64)
            self.cand_cost = data["cand_cost"].astype(np.float32)
        self.size = len(self.words)
        self.index = {w: i for i, w in enumerate(self.words)}
        self.index_ext = {**self.index, **dict.fromkeys(SENTENCE_MARKS, SENTENCE)}
        self.codes = TokenIndex(self._codes())  # token as written -> code
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
        # 0 BREAK / SENTENCE, 1 function word, 2 content word, 3 content word with candidates
        self.kind = (np.append(np.ones(self.size, dtype=np.int8), [0, 0]) + self.content
                     + self.has_candidates).astype(np.int8)
        # how much more frequent (log10) the most frequent close synonym is than the word
        tight = np.where(self.cand_cost == 0, self.zipf[self.cand_ids], -9.0)
        best = np.full(self.size, -9.0, dtype=np.float32)
        has = self.n_candidates > 0
        best[has] = np.maximum.reduceat(tight, self.cand_ptr[:-1][has])
        self.dominance = np.clip(best - self.zipf, -3.0, 3.0)

    def candidates(self, word: int) -> slice:
        """Where the candidate originals of vocabulary id ``word`` lie in ``cand_ids`` and
        ``cand_cost`` (closest relation first, then most frequent)."""
        return slice(self.cand_ptr[word], self.cand_ptr[word + 1])

    def _codes(self) -> dict[str, int]:
        """Token as written -> code, for the common spellings: the id of a lower-case word;
        the id plus :data:`NOT_LOWER` of a capitalised one or one with a typographic
        apostrophe; BREAK or SENTENCE for punctuation. One look-up per token (:class:`TokenIndex`)
        then replaces lower-casing the text (see :func:`scanner.spin.analysis.word_ids`)."""
        codes = dict.fromkeys(_PUNCTUATION, BREAK)
        codes.update(self.index_ext)
        for word, i in self.index.items():
            for variant in {word[:1].upper() + word[1:], word.replace("'", "’")}:
                codes.setdefault(variant, i + NOT_LOWER)
            if "'" in word:
                codes.setdefault(word[:1].upper() + word[1:].replace("'", "’"), i + NOT_LOWER)
        return codes


_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)


class LevelIndex:
    """Exact look-ups of small non-negative integer values by ``key_bits``-bit keys, in
    batches, mostly at one random memory access per key.

    Level ``L`` is a flat array of ``2 ** level_bits[L]`` entries. A key is permuted by an
    invertible multiplication modulo ``2 ** key_bits``; the top bits of the result pick its
    home entry, the low bits are its tag, packed as ``tag << (value_bits + 1) | more <<
    value_bits | value``. Of the keys sharing a home, the first (in the order given: put the
    most looked-up keys first) stays and sets ``more``; the others move to the next level,
    and after the last level to a small sorted array. So a look-up ends at the first level
    where its home holds its tag (found) or does not have ``more`` set (absent). With
    ``complete=False`` the keys left after the last level are dropped instead (their look-ups
    give -1: for callers that can find them another way)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray, key_bits: int,
                 level_bits: tuple[int, ...], value_bits: int, dtype: type,
                 complete: bool = True) -> None:
        if key_bits - min(level_bits) + value_bits + 1 >= 8 * np.dtype(dtype).itemsize:
            raise ValueError("tags and values do not fit the entry type")
        self.key_bits, self.value_bits, self.dtype = key_bits, value_bits, np.dtype(dtype)
        mask = (1 << key_bits) - 1
        # per level: (odd multiplier, shift to the home bits, tag mask)
        self.mixers = [(_MULTIPLIERS[level] & mask | 1, key_bits - bits,
                        (1 << (key_bits - bits)) - 1) for level, bits in enumerate(level_bits)]
        self.levels: list[np.ndarray] = []
        keys = keys.astype(np.int64, copy=False)
        for level, bits in enumerate(level_bits):
            more = complete or level < len(level_bits) - 1  # else the keys moving on are dropped
            entries, moves = self._fill(keys, values, level, bits, more)
            self.levels.append(entries)
            keys, values = keys[moves], values[moves]
        if not complete:
            keys, values = keys[:0], values[:0]
        order = np.argsort(keys)
        self.spill_keys, self.spill_values = keys[order], values[order]

    def _fill(self, keys: np.ndarray, values: np.ndarray, level: int, bits: int,
              more: bool) -> tuple[np.ndarray, np.ndarray]:
        """``(entries, moves)``: the ``2 ** bits`` entries of ``level`` and which ``keys`` move
        on. The first key of each home stays; with ``more``, its entry tells if others moved.
        Big temporaries are freed as soon as used: they set the peak memory of a load."""
        _, shift, tag_mask = self.mixers[level]
        mixed = self._mix(keys, level)
        # as int32 and the entry type, which they fit, with no int64 temporaries
        home = np.right_shift(mixed, shift, out=np.empty(len(keys), np.int32), casting="unsafe")
        tag = np.bitwise_and(mixed, tag_mask, out=np.empty(len(keys), self.dtype),
                             casting="unsafe")
        del mixed
        # first, the entries hold the position of the first key of each home
        position = np.arange(len(keys), dtype=np.int32)
        entries = np.full(1 << bits, len(keys), dtype=self.dtype)
        np.minimum.at(entries, home, position)
        moves = entries[home] != position
        del position
        stays = ~moves
        entries[:] = ~(1 << self.value_bits)  # tag -1 (matches no key), no more keys
        tag <<= self.value_bits + 1
        tag |= values
        entries[home[stays]] = tag[stays]
        if more:
            entries[home[moves]] |= 1 << self.value_bits  # the same for all keys of a home
        return entries, moves

    def _mix(self, keys: np.ndarray, level: int) -> np.ndarray:
        """``keys`` times the odd multiplier of ``level`` modulo ``2 ** key_bits`` (invertible;
        int64 products wrap modulo 2 ** 64): the top bits are a key's home, the low its tag."""
        mixed = keys * self.mixers[level][0]
        mixed &= (1 << self.key_bits) - 1
        return mixed

    def _split(self, keys: np.ndarray, level: int) -> tuple[np.ndarray, np.ndarray]:
        """``(home, tag)`` (int64) of ``keys`` at ``level``."""
        _, shift, tag_mask = self.mixers[level]
        mixed = self._mix(keys, level)
        tag = mixed & tag_mask
        mixed >>= shift
        return mixed, tag

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The values of ``keys`` (of the entry type); -1 for keys not in the index."""
        out = pending = None  # pending: positions in ``keys`` still looked for
        value_mask = (1 << self.value_bits) - 1
        for level, entries in enumerate(self.levels):
            home, tag = self._split(keys, level)
            entry = entries[home]
            hit = (entry >> (self.value_bits + 1)) == tag
            if out is None:
                out = np.where(hit, entry & value_mask, -1)
            else:
                out[pending[hit]] = entry[hit] & value_mask
            go_on = (entry >> self.value_bits & 1) > hit  # more keys share the home; not hit
            if not go_on.any():
                return out
            pending = go_on.nonzero()[0] if pending is None else pending[go_on]
            keys = keys[go_on]
        pos = np.minimum(np.searchsorted(self.spill_keys, keys), len(self.spill_keys) - 1)
        hit = self.spill_keys[pos] == keys
        out[pending[hit]] = self.spill_values[pos[hit]]
        return out


MODEL_ONLY = 256  # added to the code of a pair only the language model attests
_PAIR_KEY_BITS = 34  # pair keys left_id * V + right_id are below 2 ** 34 (V ~ 100k)
_PAIR_LEVELS = (22, 21)  # level sizes (bits): see :class:`PairIndex`


class PairIndex:
    """Exact ``pair key -> log10 frequency per billion`` look-ups in batches: a
    :class:`LevelIndex` of the uint8 frequency codes (plus :data:`MODEL_ONLY` for a pair only
    the language model attests), the most frequent pairs first. Of the 1.98M pairs, most stay
    at the first level (2 ** 22 int32 entries, 16 MB), most others at the second (2 ** 21,
    8 MB) and 1.6 % in the sorted array (0.5 MB); most look-ups of news text end at the first
    level (found, or absent)."""

    def __init__(self, keys: np.ndarray, codes: np.ndarray,
                 model_only: np.ndarray | None = None) -> None:
        if len(keys) and int(keys.max()) >> _PAIR_KEY_BITS:
            raise ValueError("pair keys exceed 34 bits")
        codes = codes.astype(np.uint8, copy=False)
        order = np.argsort(~codes, kind="stable")  # frequent pairs first (a radix sort)
        keys, codes = keys[order], codes[order].astype(np.int32)
        if model_only is not None:
            codes |= model_only[order].astype(np.int32) << 8
        del order
        self.index = LevelIndex(keys, codes, _PAIR_KEY_BITS, _PAIR_LEVELS, 9, np.int32)
        # frequency of each code (+ MODEL_ONLY); code -1 (absent) reads the NaN at the end
        self.freq_of_code = np.append(np.tile(np.arange(256, dtype=np.float32) / SCALE, 2),
                                      np.float32(np.nan))

    def codes(self, keys: np.ndarray) -> np.ndarray:
        """The frequency codes of ``keys`` (int64 array): index :attr:`freq_of_code` with
        them; -1 for keys not in the table."""
        return self.index.lookup(keys)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Log10 frequencies per billion (float32) of ``keys``; NaN for keys not in the
        table."""
        return self.freq_of_code[self.codes(keys)]


_TOKEN_KEY_BITS = 52  # of Python's string hash


class TokenIndex:
    """``token as written -> code`` in one batch per text for most tokens: a one-level
    :class:`LevelIndex` (2 ** 19 int64 entries, 4 MB) keyed by 52 bits of Python's string hash.
    It holds the spelling that comes first in its home entry, the most frequent words first (95 %
    of the tokens of news text); the rest, like unknown tokens, are left to the caller, which
    derives their code from the table form (:func:`scanner.spin.analysis.word_ids`). The dict
    this replaces costs three dependent cache misses per token; this one, and the misses of a
    text overlap. A token that is not a key but shares the 52 hash bits of one would get its
    code: with 170k keys the chance is about 4e-11 per token."""

    def __init__(self, codes: dict[str, int]) -> None:
        hashes = np.fromiter(map(hash, codes), dtype=np.int64, count=len(codes))
        values = np.fromiter(codes.values(), dtype=np.int64, count=len(codes))
        # most frequent first: punctuation, then by word id (frequency rank), lower case first
        variant = values >= NOT_LOWER // 2
        order = np.lexsort((variant, np.where(variant, values - NOT_LOWER, values)))
        keys = hashes[order] & ((1 << _TOKEN_KEY_BITS) - 1)
        unique = _unique_mask(keys)  # keys sharing 52 bits are left to the caller too
        self.index = LevelIndex(keys[unique], values[order][unique] + 3,  # codes + 3 >= 1
                                _TOKEN_KEY_BITS, (19,), 25, np.int64, complete=False)

    def lookup(self, tokens: list[str]) -> np.ndarray:
        """The code of every token; :data:`UNKNOWN` for tokens that are not keys."""
        hashes = np.fromiter(map(hash, tokens), dtype=np.int64, count=len(tokens))
        values = self.index.lookup(hashes & ((1 << _TOKEN_KEY_BITS) - 1))
        return np.where(values >= 0, values - 3, UNKNOWN)


def _unique_mask(keys: np.ndarray) -> np.ndarray:
    """Entries of ``keys`` that no other entry equals."""
    ordered = np.sort(keys)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    return ~np.isin(keys, repeated)


@cache
def tables() -> Tables:
    """The process-wide collocation table (loaded on first use)."""
    return Tables()
