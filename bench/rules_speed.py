"""Per-rule cost in ms per document, for every registered rule, on one core (prints figures).

Runs on the first N documents of ../shared/bench/news.jsonl.gz (about 480 words each). Two
columns per rule:

* ``pipeline``: rules run in registry order on shared documents, as the engine runs them, so
  a rule is charged for the views and caches it is the first to build;
* ``alone``: the rule on fresh documents, charged for everything it needs.

The shared documents get their core views (lines, language) first, timed on their own line,
as every scan builds them anyway. CPU time of this process (robust to a busy machine). One
warm-up pass over the first 50 documents loads models and tables first.

A rule's time includes its batch work (``Rule.prepare``, before its checks, as
``Scanner.scan_batch`` runs it): the boilerplate rules' shared analysis, which the first of them
(BPL001) runs stage by stage over the batch, and the spin rules' batch scoring.

Documents go through in batches of the engine's size (256), each dropped before the next is
built, under the garbage-collector settings of a long scan (``Scanner.long_run``), as
``spinscan scan`` and ``spinscan audit`` run them. ``--batch 0`` keeps every document alive
for the whole run instead: the collector then walks thousands of documents' tokens and caches
that a scan never holds at once, which adds some 5-10 % to allocation-heavy rules.

The corpus cycles 3,408 distinct texts, so the one cache the rules keep by text across documents
(langdetect's guesses for a line, :func:`~scanner.language.language_probabilities`, which a
feed's repeated template lines hit) is emptied before each batch and each rule alone: a text's
guesses from an earlier cycle would flatter the figure (by about 8 us an article at 20,000
documents), while lines repeated among a batch's different articles still hit it, as in a feed.

Beside the totals, a read-and-split floor on the same documents (``news_corpus``'s: parse each
JSON line of a plain JSONL copy, split the text into words; CPU time, the median of
:data:`FLOOR_RUNS` runs) and each total's ratio to it: on a shared, noisy machine the ratio is
the figure to compare across runs and machines.

``--passes 2`` goes over the same documents again and prints the second pass's pipeline total:
RE2 builds its automata's states lazily, as texts need them, so a fresh process pays for them
over its first thousands of articles and a long audit's later articles find them built. The
first pass is the figure to compare with the target: it is what a run of this corpus' size pays.

    PYTHONPATH=. python bench/rules_speed.py [--docs 2000] [--select TYP,REP,LNG,RDB] [--batch 256]
        [--passes 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import time
from pathlib import Path

from news_corpus import CORPUS, read_and_split_floor, write_subset

from scanner.config import Config
from scanner.engine import BATCH, Scanner, make_document
from scanner.io.records import InputRecord
from scanner.language import language_probabilities
from scanner.registry import build_registry

FLOOR_RUNS = 5


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
    """Seconds ``rule`` takes over ``docs``: its batch work, then its check of each document."""
    started = time.process_time()
    rule.prepare(docs)
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


def run_pass(rules, batches, alone_too: bool = True) -> tuple[float, dict, dict]:
    """Seconds of one pass over ``batches``: building the views, each rule in the pipeline,
    each rule alone (when ``alone_too``)."""
    views = 0.0
    pipeline = dict.fromkeys(rules, 0.0)
    alone = dict.fromkeys(rules, 0.0)
    for batch in batches:
        language_probabilities.cache_clear()  # (no guesses kept from the corpus' earlier cycles)
        shared = [make_document(r) for r in batch]
        views += build_views(shared)
        for rule in rules:
            pipeline[rule] += run_rule(rule, shared)
        del shared
        for rule in rules if alone_too else ():
            language_probabilities.cache_clear()
            alone[rule] += run_rule(rule, [make_document(r) for r in batch])
    return views, pipeline, alone


def floor_seconds(n: int) -> float:
    """CPU seconds of the read-and-split floor over the first ``n`` documents (median of
    :data:`FLOOR_RUNS` runs on one plain JSONL copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = write_subset(n, Path(tmp))
        return statistics.median(read_and_split_floor(path, time.process_time)
                                 for _ in range(FLOOR_RUNS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--select", default="", help="comma-separated selectors (default: all)")
    parser.add_argument("--passes", type=int, default=1,
                        help="passes over the documents; the later ones print their pipeline total")
    parser.add_argument("--batch", type=int, default=BATCH,
                        help="documents alive at once (0: all of them)")
    args = parser.parse_args()
    registry = build_registry()
    rules = registry.select([s for s in args.select.split(",") if s])
    records = load_records(args.docs)
    warm = [make_document(r) for r in records[:50]]
    for rule in rules:
        run_rule(rule, warm)

    size = args.batch or len(records)
    batches = [records[i:i + size] for i in range(0, len(records), size)]
    words = sum(len(r.text.split()) for r in records) / len(records)
    with Scanner(Config()).long_run():
        views, pipeline, alone = run_pass(rules, batches)
        later = [sum(run_pass(rules, batches, alone_too=False)[1].values()) for _ in range(args.passes - 1)]
    floor = floor_seconds(len(records))

    per_doc = 1e3 / len(records)
    print(f"{len(records)} documents, {words:.0f} words on average, batches of {size}; "
          "ms per document")
    print(f"{'rule':8} {'name':34} {'pipeline':>9} {'alone':>9}")
    print(f"{'views':8} {'lines, language':34} {views * per_doc:9.3f}")
    for rule in rules:
        print(f"{rule.id:8} {rule.name[:34]:34} {pipeline[rule] * per_doc:9.3f} "
              f"{alone[rule] * per_doc:9.3f}")
    totals = sum(pipeline.values()), sum(alone.values())
    print(f"{'total':43} {totals[0] * per_doc:9.3f} {totals[1] * per_doc:9.3f}")
    print(f"{'read+split floor (same documents)':43} {floor * per_doc:9.4f}")
    print(f"{'total / floor':43} {totals[0] / floor:9.1f} {totals[1] / floor:9.1f}")
    for n, seconds in enumerate(later, start=2):
        print(f"{f'pipeline total, pass {n} (same documents)':43} {seconds * per_doc:9.3f}"
              f"   ({seconds / floor:.1f} times the floor)")


if __name__ == "__main__":
    main()
