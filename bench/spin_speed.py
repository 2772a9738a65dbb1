"""Speed of spin detection: SPN001 plus the article score, per 500 words, on one core.

Reads the throughput corpus ../shared/bench/news.jsonl.gz (first N documents), builds each
Document once and times the spin work alone (the rule and ``spin_probability`` sharing one
analysis), plus the one-off load of tables and model. Usage::

    PYTHONPATH=. python bench/spin_speed.py [--docs 2000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from scanner.checks.spin import CollocationBreak
from scanner.document import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    started = time.perf_counter()
    from scanner.spin import spin_probability
    from scanner.spin.model import classifier
    from scanner.spin.tables import tables

    tables()
    classifier()
    load = time.perf_counter() - started

    texts = []
    with gzip.open(SHARED / "bench" / "news.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.docs:
                break
    docs = [Document(t) for t in texts]
    words = sum(len(t.split()) for t in texts)
    rule = CollocationBreak()
    started = time.perf_counter()
    for doc in docs:
        list(rule.check(doc))
        spin_probability(doc)
    elapsed = time.perf_counter() - started
    per_doc = elapsed / len(docs)
    print(f"load (tables + model, once per process): {load * 1000:.0f} ms")
    print(f"{len(docs)} docs, {words / len(docs):.0f} words/doc: {per_doc * 1e3:.3f} ms/doc, "
          f"{elapsed / words * 500 * 1e3:.3f} ms per 500 words, {len(docs) / elapsed:.0f} docs/s")


if __name__ == "__main__":
    main()
