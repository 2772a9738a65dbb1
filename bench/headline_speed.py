"""Speed of the headline checks in CPU time of this process (prints figures; not a test).

* pairs/s: FNC-1 headline/body pairs through the headline rules (stance model, framing,
  clickbait, reversed outcome; ``--select HDL004`` for some of them), one core, models already
  loaded;
* ms per titled article: the titled documents of the news throughput corpus through the same
  rules, as the default pipeline runs them.

    PYTHONPATH=. python bench/headline_speed.py [--pairs 3000] [--docs 3000] [--select HDL004]
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.checks.headline import RULES
from scanner.engine import make_document
from scanner.headline import assess, corpus
from scanner.io.records import InputRecord

NEWS = corpus.SHARED / "bench" / "news.jsonl.gz"


def run(docs, select: list[str]) -> float:
    """CPU seconds to run the headline rules (those ``select`` names, or all) on ``docs``
    (language detection done beforehand)."""
    rules = [rule() for rule in RULES if not select or rule.id in select]
    for doc in docs:
        doc.language  # noqa: B018 - computed by the pipeline anyway, not by these rules
    started = time.process_time()
    for doc in docs:
        for rule in rules:
            list(rule.check(doc))
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--select", default="", help="comma-separated rule ids (default: all)")
    args = parser.parse_args()
    select = [rule_id for rule_id in args.select.split(",") if rule_id]
    assess(make_document(InputRecord(id="warm", source="-", text="warm up " * 30, title="t")))

    bodies, pairs = corpus.fnc_bodies(), corpus.fnc_pairs()[:args.pairs]
    docs = [make_document(InputRecord(id=str(i), source="fnc", text=bodies[p.body_id],
                                      title=p.headline)) for i, p in enumerate(pairs)]
    seconds = run(docs, select)
    print(f"FNC-1 pairs: {len(docs) / seconds:.0f} pairs/s ({1000 * seconds / len(docs):.3f} "
          f"ms per pair, {len(docs)} pairs)")

    docs = []
    with gzip.open(NEWS, "rb") as f:
        for line in f:
            row = orjson.loads(line)
            if row.get("title"):
                docs.append(make_document(InputRecord(id=row["id"], source="news",
                                                      text=row["text"], title=row["title"])))
                if len(docs) >= args.docs:
                    break
    seconds = run(docs, select)
    print(f"news corpus titled articles: {1000 * seconds / len(docs):.3f} ms per article "
          f"({len(docs)} articles)")


if __name__ == "__main__":
    main()
