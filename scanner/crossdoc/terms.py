"""Salient terms: the few words that say what story an article tells.

An article's salient terms are its ``k`` words with the highest tf-idf weight, the idf taken
from a shipped document-frequency table of clean English news (``df.tsv.gz``, rebuilt by
``scripts/build_crossdoc_df.py``). Names and specific nouns (Stoltenberg, Kishida, Iruma)
dominate; common words never do. Two write-ups of one story share several of their top ten
terms even when their wording differs, while unrelated articles share almost none.
"""
from __future__ import annotations

import gzip
import math
import re
import zlib
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

SALIENT_TERMS = 10
DF_FILE = Path(__file__).with_name("df.tsv.gz")
_TERM_RE = re.compile(r"[^\W\d_][^\W_]*(?:['’.-][^\W\d_]+)*")


def terms_of(text: str) -> list[str]:
    """Lower-cased word terms of three letters or more (apostrophes normalised)."""
    return [t for t in (m.group().lower().replace("’", "'") for m in _TERM_RE.finditer(text))
            if len(t) > 2]


@cache
def document_frequencies() -> tuple[dict[str, int], int]:
    """``(df by term, number of reference documents)`` from the shipped table."""
    df: dict[str, int] = {}
    with gzip.open(DF_FILE, "rt", encoding="utf-8") as handle:
        documents = int(handle.readline().split("\t")[1])
        for line in handle:
            term, count = line.rstrip("\n").split("\t")
            df[term] = int(count)
    return df, documents


def salient_terms(text: str, k: int = SALIENT_TERMS) -> list[str]:
    """The ``k`` terms of ``text`` with the highest tf-idf (ties broken alphabetically)."""
    df, documents = document_frequencies()
    weights = {
        term: (1.0 + math.log(count)) * math.log((documents + 1) / (df.get(term, 0) + 1))
        for term, count in Counter(terms_of(text)).items()
    }
    return sorted(weights, key=lambda t: (-weights[t], t))[:k]


def term_ids(terms: list[str], k: int = SALIENT_TERMS) -> np.ndarray:
    """Terms as a fixed-width row of 32-bit hashes (0 pads a short row)."""
    row = np.zeros(k, dtype=np.uint32)
    for i, term in enumerate(terms[:k]):
        row[i] = zlib.crc32(term.encode("utf-8")) or 1
    return row
