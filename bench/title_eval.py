"""Headline inference on plain text without a title (prints figures; not a test).

* Whole scraped pages: the WCXB pages' visible text (navigation, banners and all), against the
  page's annotated title. A page counts as right when the inferred line is the title, or one
  contains the other and is at least half its length ("Home » 34 Top Photography Trends" for
  "34 Top Photography Trends"). The even-numbered pages were used to choose the scoring
  weights; the figure to quote is the odd-numbered pages'. Only pages whose title occurs as a
  line of the text can be right; their number is printed too.
* Clean news: BBC articles (the held-out split, numbers divisible by 5) as headline, blank
  line, body: share whose headline is found exactly.
* Headline warnings on whole pages (``--headline-warnings``): the WCXB dev pages of the even
  half (the odd half stays held out) scanned with the headline rules alone, each page's title inferred; the pages with a headline warning
  (mostly a wrong line taken for the title) by rule.

    PYTHONPATH=. python bench/title_eval.py [--headline-warnings]
"""
from __future__ import annotations

import argparse
import gzip
import re
from pathlib import Path

import orjson
from clean_news import count_warnings

import scanner
from scanner.document import Document
from scanner.title import infer_title

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def same_title(found: str, gold: str) -> bool:
    found, gold = _norm(found), _norm(gold)
    return bool(found) and (found == gold or (
        (found in gold or gold in found) and len(found) > 0.5 * len(gold)))


def wcxb_half(part: int) -> list[dict]:
    """The even (0, tuned on) or odd (1, held out) WCXB pages."""
    with gzip.open(SHARED / "boilerplate" / "wcxb_pages.jsonl.gz") as handle:
        return [orjson.loads(line) for line in handle][part::2]


def pages(part: int) -> None:
    rows = wcxb_half(part)
    right = missing = reachable = 0
    for row in rows:
        found = infer_title(Document(row["full_text"], id=row["url"]))
        missing += found is None
        right += found is not None and same_title(found[0], row["title"])
        reachable += any(same_title(line, row["title"]) for line in row["full_text"].split("\n"))
    name = "odd (held out)" if part else "even (tuned on)"
    print(f"WCXB whole pages, {name:15}: {right}/{len(rows)} right ({right / len(rows):.1%}), "
          f"{missing} without a title; title present as a line on {reachable}")


def bbc() -> None:
    with gzip.open(SHARED / "bbc" / "bbc.jsonl.gz") as handle:
        rows = [r for r in map(orjson.loads, handle) if int(r["id"].rsplit("-", 1)[1]) % 5 == 0]
    right = 0
    for row in rows:
        found = infer_title(Document(f"{row['title']}\n\n{row['text']}", id=row["id"]))
        right += found is not None and found[0] == " ".join(row["title"].split())
    print(f"BBC held-out, headline + body      : {right}/{len(rows)} right ({right / len(rows):.1%})")


def headline_warnings() -> None:
    dev = ({"id": row["id"], "text": row["full_text"]} for row in wcxb_half(0)
           if row["id"].startswith("wcxb-dev/"))
    counts = count_warnings(scanner.scan_documents(dev, select=["headline"]))
    print(f"WCXB dev whole pages of the even half with a headline warning, by rule: "
          f"{dict(counts.by_rule)} of {counts.articles}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--headline-warnings", action="store_true")
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"needs {SHARED}")
    pages(0)
    pages(1)
    bbc()
    if args.headline_warnings:
        headline_warnings()
