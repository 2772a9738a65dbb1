"""An md5 of everything the built-in rules say about a fixed set of texts (prints the figure).

A speed change must leave every finding, message, suggestion and score as it was: run this
before and after it and compare the two lines. The texts: the seeds, every BBC article of
../shared/data/bbc/ with its headline, the whole page and the annotated main text of every
page of ../shared/data/boilerplate/, and the first 500 FNC-1 bodies (about 4,700 texts,
a few minutes). Each result adds its findings (id, rule, span, severity, message, suggestion)
and then its error and scores to the digest, in input order.

    PYTHONPATH=. python bench/output_digest.py
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from scanner.config import Config
from scanner.engine import Scanner
from scanner.io.records import InputRecord

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FNC_BODIES = 500


def records() -> Iterator[InputRecord]:
    """The digest's texts, in a fixed order."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield InputRecord(id=path.stem, source=path.stem, text=path.read_text(encoding="utf-8"))
    for item in _jsonl(SHARED / "data" / "bbc" / "bbc.jsonl.gz"):
        yield InputRecord(id=item["id"], source=item["id"], text=item["text"], title=item["title"])
    for item in _jsonl(SHARED / "data" / "boilerplate" / "wcxb_pages.jsonl.gz"):
        yield InputRecord(id=item["id"] + "/full", source="w", text=item["full_text"])
        yield InputRecord(id=item["id"] + "/gold", source="w", text=item["gold_text"], title=item.get("title"))
    csv.field_size_limit(10**8)
    with next((SHARED / "data" / "fnc1").glob("train_bodies*.csv")).open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            if i >= FNC_BODIES:
                break
            yield InputRecord(id="fnc" + row["Body ID"], source="f", text=row["articleBody"])


def _jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def main() -> None:
    digest = hashlib.md5()
    texts = findings = 0
    for result in Scanner(Config()).scan_records(list(records())):
        texts += 1
        for f in result.findings:
            digest.update(json.dumps([result.id, f.rule, f.start, f.end, str(f.severity), f.message, f.suggestion],
                                     default=str).encode())
            findings += 1
        digest.update(json.dumps([result.id, result.error, result.scores], default=str, sort_keys=True).encode())
    print(texts, "texts", findings, "findings", digest.hexdigest())


if __name__ == "__main__":
    main()
