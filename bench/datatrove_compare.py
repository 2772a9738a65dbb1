"""spinscan beside datatrove's FineWeb heuristic filters, in one run (prints figures).

On the same documents of the news corpus: a read-and-split floor, datatrove's chain
(GopherRepetition, GopherQuality, C4Quality(filter_no_terminal_punct=False), FineWebQuality,
each document through the filters until one drops it, as datatrove's pipeline does) and
``spinscan audit --jobs 1`` (default rules and classifier). Warm rates: spinscan's full run
minus a one-document run; datatrove's time after its first document (lazy tokenizer loads).
Both in wall time and in CPU time (steadier on a shared machine).
datatrove runs in its own interpreter (``--datatrove-python``, a separate benchmark venv with
``pip install 'datatrove[processing]' spacy orjson psutil``), never as a project dependency.

    python bench/datatrove_compare.py --datatrove-python /work/benchvenv/bin/python [--docs 3000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def datatrove_worker(path: str) -> None:
    """Run datatrove's filters over ``path`` (JSONL.gz) and print a JSON line of figures."""
    import orjson
    import psutil
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    filters = [GopherRepetitionFilter(), GopherQualityFilter(),
               C4QualityFilter(filter_no_terminal_punct=False), FineWebQualityFilter()]
    with gzip.open(path, "rb") as handle:
        docs = [Document(text=o["text"], id=o["id"]) for o in map(orjson.loads, handle)]
    reasons: Counter[str] = Counter()
    started = time.perf_counter()
    first = first_cpu = None
    for k, doc in enumerate(docs):
        for step in filters:
            verdict = step.filter(doc)
            keep = verdict[0] if isinstance(verdict, tuple) else bool(verdict)
            if not keep:
                reason = verdict[1] if isinstance(verdict, tuple) else ""
                reasons[f"{type(step).__name__}: {reason}"] += 1
                break
        else:
            reasons["kept"] += 1
        if k == 0:
            first, first_cpu = time.perf_counter(), time.process_time()
    done, done_cpu = time.perf_counter(), time.process_time()
    print(json.dumps({"first": first - started, "rest": done - first,
                      "rest_cpu": done_cpu - first_cpu, "docs": len(docs),
                      "rss_mb": psutil.Process().memory_info().rss / 2**20,
                      "reasons": reasons.most_common(8)}))


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from audit_speed import raw_megabytes, read_and_split_floor, timed_audit, write_subset

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--datatrove-python", required=True,
                        help="python of the benchmark venv where datatrove is installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        one, many = (write_subset(1, tmp_dir, compressed=True),
                     write_subset(args.docs, tmp_dir, compressed=True))
        mb = raw_megabytes(many)
        floor = read_and_split_floor(many)
        run = subprocess.run([args.datatrove_python, __file__, "--worker", str(many)],
                             capture_output=True, text=True, check=True)
        dt = json.loads(run.stdout.strip().splitlines()[-1])
        t1, c1, *_ = timed_audit(one, tmp_dir / "one.jsonl", ["--jobs", "1"])
        tn, cn, _, rss, _ = timed_audit(many, tmp_dir / "many.jsonl", ["--jobs", "1"])
    dt_rate = (dt["docs"] - 1) / dt["rest"]
    ss_rate = (args.docs - 1) / (tn - t1)
    dt_cpu_rate = (dt["docs"] - 1) / dt["rest_cpu"]
    ss_cpu_rate = (args.docs - 1) / (cn - c1)
    print(f"{args.docs} documents, {mb:.1f} MB of JSONL, one core each")
    print(f"read+split floor   {args.docs / floor:>8,.0f} docs/s  {mb / floor:6.2f} MB/s")
    print(f"datatrove FineWeb  {dt_rate:>8,.0f} docs/s  {mb / dt['rest']:6.2f} MB/s  "
          f"RSS {dt['rss_mb']:.0f} MB  (first document {dt['first']:.2f} s)")
    print(f"spinscan audit     {ss_rate:>8,.0f} docs/s  {mb / (tn - t1):6.2f} MB/s  "
          f"peak RSS {rss:.0f} MB  (start-up {t1:.2f} s)")
    print(f"spinscan / datatrove: {ss_rate / dt_rate:.1f}x in wall time; in CPU time "
          f"{ss_cpu_rate:,.0f} / {dt_cpu_rate:,.0f} docs per CPU-second = "
          f"{ss_cpu_rate / dt_cpu_rate:.1f}x")
    print("datatrove verdicts: " + ", ".join(f"{r} {n}" for r, n in dt["reasons"]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        datatrove_worker(sys.argv[2])
    else:
        main()
