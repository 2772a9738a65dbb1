"""Read the word pairs of a CMU Sphinx trie language model (``.lm.bin``), for the spin tables.

The pocketsphinx wheel ships a general US English trigram model (``model/en-us/en-us.lm.bin``:
72.5k words, 2.05M word pairs; BSD-2, Carnegie Mellon University / Alpha Cephei). Its pairs
extend the collocation table far beyond the symspellpy list. pocketsphinx's own ARPA writer
crashes on this file, so this module decodes the binary format (``ngram_model_trie.c``,
``lm_trie.c`` and ``lm_trie_quant.c`` of pocketsphinx 5) with numpy: a bit-packed trie
indexed by the last word, 16-bit quantised scores in log base 1.0001. Only what the table
needs is read: unigram and bigram log10 probabilities of an order-3 model. Checked against
``pocketsphinx.NGramModel.prob`` on 5,000 random pairs and on every stored pair (ad hoc):
equal to within its integer rounding (4.3e-5 log10).

Build time only (``scripts/build_spin_tables.py``); the scanner never reads the model.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

HEADER = b"Trie Language Model"
TO_LOG10 = float(np.log10(1.0001))  # scores are stored in log base 1.0001
QUANT_BITS = 16  # bits of a quantised probability or backoff
_UNIGRAM = np.dtype([("prob", "<f4"), ("backoff", "<f4"), ("next", "<u4")])


def default_model() -> Path:
    """The English model inside the installed pocketsphinx package (the ``[train]`` extra)."""
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin"


def read_bigrams(path: Path) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(words, unigram log10 P(w), left ids, right ids, log10 P(right | left))`` of the
    pairs stored in the order-3 model at ``path``. The list includes ``<s>`` and ``</s>``."""
    buf = np.frombuffer(Path(path).read_bytes(), dtype=np.uint8)
    if bytes(buf[:len(HEADER)]) != HEADER:
        raise ValueError(f"{path}: not a Sphinx trie language model")
    pos = len(HEADER)
    order = int(buf[pos])
    if order != 3:
        raise ValueError(f"{path}: a model of order {order}; only order 3 is supported")
    counts = np.frombuffer(buf, "<u4", order, pos + 1).astype(np.int64)
    pos += 1 + 4 * order + 4  # order, counts, quantiser type
    tables = np.frombuffer(buf, "<f4", 3 << QUANT_BITS, pos)  # bigram prob, backoff, trigram
    pos += tables.nbytes
    unigrams = np.frombuffer(buf, _UNIGRAM, counts[0] + 1, pos)  # the last is a sentinel
    pos += unigrams.nbytes
    # bigram records, least significant bits first: left word | backoff | prob | next
    word_bits = int(counts[0]).bit_length()
    record_bits = word_bits + 2 * QUANT_BITS + int(counts[2]).bit_length()
    # the header may over-count the pairs; the unigram sentinel points past the last one
    starts = pos * 8 + np.arange(int(unigrams["next"][-1]), dtype=np.int64) * record_bits
    left = _bits(buf, starts, word_bits)
    prob_code = _bits(buf, starts + word_bits + QUANT_BITS, QUANT_BITS)
    right = np.repeat(np.arange(counts[0]), np.diff(unigrams["next"].astype(np.int64)))
    # each level is sized from the header count (plus an end record and 8 bytes of padding);
    # the trigram records (word | prob) follow the bigrams, then the word strings
    pos += ((counts[1] + 1) * record_bits + 7) // 8 + 8
    pos += ((counts[2] + 1) * (word_bits + QUANT_BITS) + 7) // 8 + 8
    size = int(np.frombuffer(buf, "<u4", 1, pos)[0])
    words = bytes(buf[pos + 4:pos + 4 + size]).decode("utf-8").split("\0")[:-1]
    if len(words) != counts[0] or pos + 4 + size != len(buf):
        raise ValueError(f"{path}: the word list does not end the file as the header says")
    return (words, unigrams["prob"][:-1] * TO_LOG10, left, right,
            tables[prob_code] * TO_LOG10)


def _bits(buf: np.ndarray, starts: np.ndarray, width: int) -> np.ndarray:
    """The little-endian bit fields of ``width`` (<= 57) bits at bit offsets ``starts``."""
    words = np.ndarray(shape=(len(buf) - 7,), dtype="<u8", buffer=buf, strides=(1,))
    raw = words[starts >> 3] >> (starts & 7).astype(np.uint64)
    return (raw & np.uint64((1 << width) - 1)).astype(np.int64)

