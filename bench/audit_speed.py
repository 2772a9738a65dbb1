"""Audit throughput and memory on the 20k-document news corpus (prints figures; not a test).

For each ``--jobs`` value: the warm rate of ``spinscan audit`` (wall time of the full run minus a
one-document run, i.e. without start-up and model loads), MB/s, and the peak RSS of the whole
process tree (main process plus workers, sampled every 50 ms) and of its largest process. A
read-and-split floor (decompress, parse each JSON line, split words) is measured in the same
run. ``--sizes`` repeats the jobs=1 run on smaller inputs to show that memory does not grow
with the number of records. ``--site-templates`` also runs each full audit with that option
(its counting pass reads the input once more) and prints the time and memory against the plain
run of the same jobs value.

    python bench/audit_speed.py [--docs 20000] [--jobs 1 2] [--sizes 2000 20000] [--select ...]
                                [--site-templates]
"""
from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from news_corpus import CORPUS, read_and_split_floor, write_subset


def timed_audit(path: Path, out: Path, extra: list[str]
                ) -> tuple[float, float, float, float, float]:
    """Wall seconds, CPU seconds (the process and its workers), peak tree RSS (MB), peak
    single-process RSS (MB) and peak tree PSS (MB: RSS with pages shared between the processes
    counted once, split among them) of one audit."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = psutil.Popen([sys.executable, "-m", "scanner", "audit", str(path), "-o", str(out),
                         "--no-progress", *extra], stdout=subprocess.DEVNULL)
    tree_peak = single_peak = pss_peak = 0
    while proc.poll() is None:
        try:
            memory = [p.memory_full_info() for p in [proc, *proc.children(recursive=True)]]
        except psutil.Error:
            memory = []
        rss = [m.rss for m in memory]
        tree_peak, single_peak = max(tree_peak, sum(rss)), max([single_peak, *rss])
        pss_peak = max(pss_peak, sum(m.pss for m in memory))
        time.sleep(0.05)
    if proc.returncode != 0:
        raise SystemExit(f"spinscan audit exited {proc.returncode}")
    wall = time.perf_counter() - started
    return (wall, _children_cpu() - cpu_before, tree_peak / 2**20, single_peak / 2**20,
            pss_peak / 2**20)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def raw_megabytes(path: Path) -> float:
    with gzip.open(path, "rb") as handle:
        return sum(len(line) for line in handle) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000])
    parser.add_argument("--select", default=None)
    parser.add_argument("--site-templates", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"needs {CORPUS}")
    select = ["--select", args.select] if args.select else []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        one, many = write_subset(1, tmp_dir, True), write_subset(args.docs, tmp_dir, True)
        mb = raw_megabytes(many)
        floor = read_and_split_floor(many)
        print(f"corpus           {args.docs} documents, {mb:.1f} MB of JSONL "
              f"(select={args.select or 'default'})")
        print(f"read+split floor {args.docs / floor:,.0f} docs/s  {mb / floor:.1f} MB/s")
        rates = {}
        for jobs in args.jobs:
            extra = ["--jobs", str(jobs), *select]
            t1, *_ = timed_audit(one, tmp_dir / "one.jsonl", extra)
            tn, _, tree, single, pss = timed_audit(many, tmp_dir / "many.jsonl", extra)
            warm = tn - t1
            rates[jobs] = (args.docs - 1) / warm
            print(f"jobs={jobs:<2}          start-up {t1:.2f} s, full {tn:.2f} s -> warm "
                  f"{rates[jobs]:,.0f} docs/s  {mb / warm:.2f} MB/s  peak RSS tree "
                  f"{tree:.0f} MB (largest process {single:.0f} MB), PSS tree {pss:.0f} MB")
            if args.site_templates:
                tt, _, tree_t, _, _ = timed_audit(many, tmp_dir / "templates.jsonl",
                                                  [*extra, "--site-templates"])
                print(f"  + --site-templates: full {tt:.2f} s ({tt / tn:.2f}x the plain run), "
                      f"peak RSS tree {tree_t:.0f} MB ({tree_t - tree:+.0f} MB)")
        if 1 in rates:
            for jobs in rates:
                if jobs != 1:
                    print(f"speed-up jobs={jobs} vs jobs=1: {rates[jobs] / rates[1]:.2f}x")
        for size in args.sizes:
            subset = write_subset(size, tmp_dir, True)
            _, _, tree, single, _ = timed_audit(subset, tmp_dir / f"s{size}.jsonl", select)
            print(f"{size:>6} documents jobs=1: peak RSS tree {tree:.0f} MB "
                  f"(largest process {single:.0f} MB)")


if __name__ == "__main__":
    main()
