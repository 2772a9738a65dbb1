"""Per-rule cost in ms per document, for every registered rule, on one core (prints figures).

Runs on the first N documents of ../shared/bench/news.jsonl.gz (about 480 words each). Two
columns per rule:

* ``pipeline``: rules run in registry order on shared documents, as the engine runs them, so
  a rule is charged for the views and caches it is the first to build;
* ``alone``: the rule on fresh documents, charged for everything it needs.

The shared documents get their core views (lines, language) first, timed on their own line,
as every scan builds them anyway. CPU time of this process (robust to a busy machine). One
warm-up pass over the first 50 documents loads models and tables first.

    PYTHONPATH=. python bench/rules_speed.py [--docs 2000] [--select TYP,REP,LNG,RDB]
"""
from __future__ import annotations

import argparse
import gzip
import json
import time

from news_corpus import CORPUS

from scanner.engine import make_document
from scanner.io.records import InputRecord
from scanner.registry import build_registry


def load_records(n: int) -> list[InputRecord]:
    """The first ``n`` records of the throughput corpus."""
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(records) >= n:
                break
            item = json.loads(line)
            records.append(InputRecord(id=item["id"], source=item["id"], text=item["text"],
                                       title=item.get("title")))
    return records


def run_rule(rule, docs) -> float:
    """Seconds ``rule`` takes over ``docs``."""
    started = time.process_time()
    for doc in docs:
        for _ in rule.check(doc):
            pass
    return time.process_time() - started


def build_views(docs) -> float:
    """Seconds to build the views every scan builds (lines, language)."""
    started = time.process_time()
    for doc in docs:
        doc.nonblank_lines  # noqa: B018 - building the cached views is the point
        doc.language  # noqa: B018
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--select", default="", help="comma-separated selectors (default: all)")
    args = parser.parse_args()
    registry = build_registry()
    rules = registry.select([s for s in args.select.split(",") if s])
    records = load_records(args.docs)
    warm = [make_document(r) for r in records[:50]]
    for rule in rules:
        run_rule(rule, warm)

    shared = [make_document(r) for r in records]
    words = sum(len(d.text.split()) for d in shared) / len(shared)
    print(f"{len(shared)} documents, {words:.0f} words on average; ms per document")
    print(f"{'rule':8} {'name':34} {'pipeline':>9} {'alone':>9}")
    views = build_views(shared)
    print(f"{'views':8} {'lines, language':34} {views / len(shared) * 1e3:9.3f}")
    totals = [0.0, 0.0]
    for rule in rules:
        pipeline = run_rule(rule, shared)
        alone = run_rule(rule, [make_document(r) for r in records])
        totals[0] += pipeline
        totals[1] += alone
        print(f"{rule.id:8} {rule.name[:34]:34} {pipeline / len(shared) * 1e3:9.3f} "
              f"{alone / len(shared) * 1e3:9.3f}")
    print(f"{'total':43} {totals[0] / len(shared) * 1e3:9.3f} {totals[1] / len(shared) * 1e3:9.3f}")


if __name__ == "__main__":
    main()
