"""Memory and time of scanning one document at the size limit (prints figures, asserts nothing).

Builds one plain-text document from the BBC articles of ../shared/data/bbc/bbc.jsonl.gz
(headline, blank line, text, blank line; as many as fit in ``--max-doc-bytes``, 5 MB by
default) and scans it as ``spinscan scan`` does (``Scanner.long_run``, ``scan_records``, every
default rule). Prints the process's peak RSS (``ru_maxrss``) after loading the models and
scanning one normal article (the baseline), then after the big document, and the seconds the
big document took. ``--stages`` instead traces Python and numpy allocations (tracemalloc;
slower) stage by stage: building the document, each rule's batch work and check, the scores;
for each, the peak above what was allocated before it and what it leaves allocated (views and
analyses the document caches for later rules). ``--output FILE`` writes the big document's
record (findings, scores) as JSON, to compare runs. Usage::

    PYTHONPATH=. python bench/big_document.py [--stages] [--output FILE]
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
import tracemalloc
from pathlib import Path

from scanner.config import Config
from scanner.engine import Scanner, _prepare, make_document
from scanner.io.records import InputRecord
from scanner.scoring import compute_scores

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "bbc.jsonl.gz"
MB = 1_000_000


def big_text(max_bytes: int) -> tuple[str, InputRecord]:
    """``(the big document's text, one normal article as a record)``: the text holds every
    BBC article, in file order, that fits in ``max_bytes`` UTF-8 bytes."""
    parts, size, first = [], 0, None
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            part = f"{item['title']}\n\n{item['text']}\n\n"
            size += len(part.encode("utf-8"))
            if size > max_bytes:
                break
            parts.append(part)
            first = first or InputRecord(id=item["id"], title=item["title"], text=item["text"])
    return "".join(parts), first


def status_mb(field: str) -> float:
    """A memory figure of this process from ``/proc/self/status`` (``VmRSS``, ``VmHWM``), MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) * 1024 / MB


def reset_peak_rss() -> None:
    """Start the process's peak RSS (``VmHWM``) again from its current RSS."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
        clear_refs.write("5")


def measure_rss(scanner: Scanner, text: str, normal: InputRecord, output: Path | None) -> None:
    """Print the RSS after one normal article, the peak RSS while the big document is scanned,
    the process's peak RSS, and the big document's seconds."""
    with scanner.long_run():
        list(scanner.scan_records([normal]))
        baseline = status_mb("VmRSS")
        reset_peak_rss()
        started = time.perf_counter()
        result = next(scanner.scan_records([InputRecord(id="big", text=text)]))
        seconds = time.perf_counter() - started
        peak = status_mb("VmHWM")
    since_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB
    print(f"RSS, models loaded and one normal article scanned: {baseline:.0f} MB")
    print(f"peak RSS while scanning the big document: {peak:.0f} MB (+{peak - baseline:.0f} MB), "
          f"in {seconds:.1f} s; {len(result.findings)} findings, error: {result.error}")
    print(f"peak RSS of the process (ru_maxrss, loading included): {since_start:.0f} MB")
    if output:
        output.write_text(json.dumps(result.to_record(), indent=1, sort_keys=True) + "\n")


def measure_stages(scanner: Scanner, text: str, normal: InputRecord) -> None:
    """Print the traced peak and the retained allocations of each stage of the big scan."""
    with scanner.long_run():
        list(scanner.scan_records([normal]))
        tracemalloc.start()
        doc = traced("document (make_document)", lambda: make_document(
            InputRecord(id="big", text=text)))
        findings = []
        for rule in scanner.rules:
            findings += traced(rule.id, lambda rule=rule: _prepare(rule, [doc]) or list(
                rule.check(doc)))
        traced("scores", lambda: compute_scores(doc, scanner.rules, findings))
        print(f"kept by the document at the end: {tracemalloc.get_traced_memory()[0] / MB:.0f} MB")
        tracemalloc.stop()


def traced(stage: str, work):
    """Run ``work()``; print its traced peak above the allocations before it and what it
    leaves allocated; return its result."""
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    result = work()
    current, peak = tracemalloc.get_traced_memory()
    if peak - before > 5 * MB:
        print(f"{stage:28s} peak +{(peak - before) / MB:6.0f} MB, "
              f"kept +{(current - before) / MB:6.0f} MB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-doc-bytes", type=int, default=Config().max_doc_bytes)
    parser.add_argument("--stages", action="store_true", help="tracemalloc figures per stage")
    parser.add_argument("--output", type=Path, help="write the big document's record here")
    args = parser.parse_args()
    text, normal = big_text(args.max_doc_bytes)
    print(f"big document: {len(text.encode('utf-8')) / MB:.2f} MB, {len(text.split()):,} words")
    scanner = Scanner(Config())
    if args.stages:
        measure_stages(scanner, text, normal)
    else:
        measure_rss(scanner, text, normal, args.output)


if __name__ == "__main__":
    main()
