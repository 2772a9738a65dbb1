"""Whole-pipeline throughput on the 20k-document news corpus (prints figures; not a test).

Warm figure, as the issues define it: the run's wall time minus a one-document run (imports,
model loads), both through the real ``spinscan scan`` command writing JSONL to /dev/null.
The same difference in CPU seconds of the command (its workers included) is printed beside it:
on a shared machine wall time swings with the neighbours' load, CPU time much less.
Beside it, a read-and-split floor (parse each JSON line, split words) measured in the same
run, so the ratio is comparable across noisy machines.

    python bench/throughput.py [--docs 20000] [--jobs 1] [--select ...]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news_corpus import CORPUS, read_and_split_floor, write_subset


def timed_scan(path: Path, extra: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one ``spinscan scan`` run."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "scanner", "scan", str(path), "-f", "jsonl",
                             "-o", "/dev/null", "--fail-on", "never", *extra])
    _, status, usage = _wait(proc)
    if status != 0:
        raise SystemExit(f"spinscan exited {status}")
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu, usage.ru_maxrss / 1024


def _wait(proc):
    pid, status, usage = os.wait4(proc.pid, 0)
    return pid, status >> 8, usage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--select", default=None)
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"needs {CORPUS}")
    extra = ["--jobs", str(args.jobs)] + (["--select", args.select] if args.select else [])
    with tempfile.TemporaryDirectory() as tmp:
        one, many = write_subset(1, Path(tmp)), write_subset(args.docs, Path(tmp))
        t1, c1, _ = timed_scan(one, extra)
        tn, cn, rss = timed_scan(many, extra)
        floor = read_and_split_floor(many)
        mb = many.stat().st_size / 1e6
    warm = tn - t1
    rate = (args.docs - 1) / warm
    print(f"documents        {args.docs}  ({mb:.1f} MB)  jobs={args.jobs}  select={args.select or 'default'}")
    print(f"one-doc run      {t1:.2f} s (start-up: imports, model loads)")
    print(f"full run         {tn:.2f} s   peak RSS {rss:.0f} MB")
    print(f"warm throughput  {rate:.0f} docs/s  {mb / warm:.2f} MB/s  {1000 * warm / args.docs:.3f} ms/doc")
    cpu = cn - c1
    print(f"warm CPU time    {1000 * cpu / args.docs:.3f} ms/doc  -> {(args.docs - 1) / cpu:.0f} docs per CPU-second")
    print(f"read+split floor {args.docs / floor:.0f} docs/s  -> spinscan at {rate / (args.docs / floor):.3f} of the floor")
    print(f"(bench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
