"""Speed of spin detection: the spin rules plus the article score, per 500 words, on one core.

Times the spin work alone (the rules of ``scanner.checks.spin``, SPN001 and SPN002, and
``spin_probability`` sharing one analysis) on two corpora: the throughput corpus
../shared/bench/news.jsonl.gz (first N documents; many of its BBC/FNC-1 texts fed the
collocation counts, so few of their pairs are untested) and the held-out BBC split, which the
tables never saw (the realistic case). Also the one-off load of tables and model. Times are
CPU time of this process (``time.process_time``), which other jobs on a shared machine disturb
far less than wall-clock time; the document language, which other rules share, is detected
before timing. Usage::

    PYTHONPATH=. python bench/spin_speed.py [--docs 2000]

Both ways are timed: in batches of 256 documents as the engine scans (``Rule.prepare``
analyses a batch together) and one document at a time.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time

from scanner.checks.spin import RULES
from scanner.document import Document
from scanner.spin.corpora import clean_texts, shared_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    started = time.perf_counter()
    from scanner.spin.model import classifier
    from scanner.spin.tables import tables

    tables()
    classifier()
    load = time.perf_counter() - started

    news = []
    with gzip.open(shared_dir() / "bench" / "news.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            news.append(json.loads(line)["text"])
            if len(news) >= args.docs:
                break
    print(f"load (tables + model, once per process): {load * 1000:.0f} ms")
    report("bench/news.jsonl.gz", news)
    report("held-out BBC (unseen)", [text for _, text in clean_texts("heldout")])


def report(name: str, texts: list[str]) -> None:
    """Time the rules and the score over ``texts`` and print per-document figures: as the
    engine runs them (each rule prepares a batch of 256 documents, then checks each) and one
    document at a time (a single-article check)."""
    from scanner.engine import BATCH
    from scanner.spin import spin_probability

    words = sum(len(t.split()) for t in texts)
    rules = [cls() for cls in RULES]
    for label, batch in (("engine batches", BATCH), ("one by one", 1)):
        docs = [Document(t) for t in texts]
        for doc in docs:
            _ = doc.language  # shared with other rules (scanner.language); not spin's own cost
        started = time.process_time()
        for k in range(0, len(docs), batch):
            for rule in rules:
                rule.prepare(docs[k:k + batch])
            for doc in docs[k:k + batch]:
                for rule in rules:
                    list(rule.check(doc))
                spin_probability(doc)
        elapsed = time.process_time() - started
        print(f"{name}, {label}: {len(docs)} docs, {words / len(docs):.0f} words/doc: "
              f"{elapsed / len(docs) * 1e3:.3f} ms/doc, {elapsed / words * 500 * 1e3:.3f} ms "
              f"per 500 words, {len(docs) / elapsed:.0f} docs/s")


if __name__ == "__main__":
    main()
