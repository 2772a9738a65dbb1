"""Training-time access to the clean English corpora in ``../shared`` and their fixed splits.

Used by the table builder, the trainer and the dev benchmarks (never at scan time). Splits:

* ``counts``: text the collocation counts are learnt from (BBC numbers ending in 1-3,
  even FNC-1 bodies, two thirds of the English WCXB gold texts);
* ``train``: clean articles for the classifier (BBC numbers ending in 4, odd FNC-1 bodies),
  kept apart from ``counts`` so the classifier sees clean text whose pairs the tables
  have not memorised, as at scan time;
* ``heldout``: BBC articles whose number is divisible by 5 (false-positive measurement only);
  the other third of the WCXB gold texts, 2025-26 web articles of many kinds, is held out
  the same way (``wcxb_texts("heldout")``).
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import zlib
from collections.abc import Iterator

from scanner.headline.corpus import shared_dir

_STOP = frozenset(["the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "with", "as",
                   "was", "on", "be", "by"])
_WORD = re.compile(r"[a-z]+")


def bbc_number(article_id: str) -> int:
    """The running number of a BBC id such as ``bbc-politics-015``."""
    return int(article_id.rsplit("-", 1)[1])


def bbc_articles(split: str) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of the BBC articles of ``split`` (counts, train or heldout)."""
    wanted = {"counts": {1, 2, 3}, "train": {4}, "heldout": {0}}[split]
    with gzip.open(shared_dir() / "data" / "bbc" / "bbc.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if bbc_number(row["id"]) % 5 in wanted:
                yield row["id"], row["text"]


def fnc_bodies(split: str) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of the FNC-1 training bodies of ``split`` (counts or train)."""
    parity = {"counts": 0, "train": 1}[split]
    csv.field_size_limit(1 << 30)
    with open(shared_dir() / "data" / "fnc1" / "train_bodies.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["Body ID"]) % 2 == parity:
                yield f"fnc-{row['Body ID']}", row["articleBody"]


def wcxb_texts(split: str | None = None) -> Iterator[tuple[str, str]]:
    """``(id, gold text)`` of the English WCXB pages (a cheap stop-word test): all, or those of
    ``split``, ``counts`` or ``heldout`` (a third, by a hash of the id)."""
    path = shared_dir() / "data" / "boilerplate" / "wcxb_pages.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row.get("gold_text") or ""
            words = _WORD.findall(text.lower())
            doc_id = f"wcxb-{row['id']}"
            if split is not None and (split == "heldout") != _wcxb_heldout(doc_id):
                continue
            if words and sum(w in _STOP for w in words) / len(words) > 0.15:
                yield doc_id, text


def _wcxb_heldout(doc_id: str) -> bool:
    return zlib.crc32(doc_id.encode("utf-8")) % 3 == 2


def pps_pairs() -> list[tuple[str, str]]:
    """``(tortured, expected)`` phrase pairs of the PPS list, without the rows written in the
    screener's query syntax (``"a" AND "b"``, ``~N``)."""
    pairs = []
    path = shared_dir() / "data" / "tortured" / "pps_tortured_phrases.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            wrong = row["tortured_phrase"]
            if " AND " in wrong or "~" in wrong:
                continue
            pairs.append((wrong.strip().strip('"').strip(), row["expected_phrase"].strip()))
    return pairs


def clean_texts(split: str) -> Iterator[tuple[str, str]]:
    """Every clean article of ``split``: counts, train or heldout."""
    yield from bbc_articles(split)
    if split != "heldout":
        yield from fnc_bodies(split)
    if split == "counts":
        yield from wcxb_texts("counts")
