"""The throughput corpus (../shared/bench/news.jsonl.gz) as the speed benchmarks use it."""
from __future__ import annotations

import gzip
import time
from pathlib import Path

import orjson

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "news.jsonl.gz"


def write_subset(n: int, directory: Path, compressed: bool = False) -> Path:
    """Write the first ``n`` records to ``directory`` as JSONL (gzip level 1 if ``compressed``)."""
    path = directory / f"news-{n}.jsonl{'.gz' if compressed else ''}"
    with gzip.open(CORPUS, "rb") as src, _open_for_writing(path, compressed) as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return path


def read_and_split_floor(path: Path, clock=time.perf_counter) -> float:
    """Seconds to read ``path`` (JSONL, gzip if it ends in .gz) and split every text into words,
    by ``clock`` (wall time by default; ``time.process_time`` for this process's CPU time)."""
    started = clock()
    words = 0
    with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as handle:
        for line in handle:
            words += len(orjson.loads(line)["text"].split())
    return clock() - started


def _open_for_writing(path: Path, compressed: bool):
    return gzip.open(path, "wb", compresslevel=1) if compressed else path.open("wb")
