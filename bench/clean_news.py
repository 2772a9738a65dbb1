"""False positives on clean professional news: the held-out BBC split (prints figures).

Scans every held-out BBC article (number divisible by 5; never used for training or tuning)
with the default rules, title included, and reports the share of articles with any
warning-or-worse finding, the share with scores.spin >= 0.5, which rules warn, and how many
articles each rule gives an info (the hints an editor still sees).

``--corpus wcxb-gold`` scans the annotated main content of the 963 WCXB web pages instead:
2025-26 articles of every kind (listicles, product reviews, tutorials with code, blogs) whose
tables, repeated labels and code lines news rarely has. Not all of it is clean (annotators
kept some "Read more:" promos and bylines), so it guards against false positives on
structured web text rather than measuring them exactly.

``--corpus all-clean`` scans every clean text the project has (all BBC articles, the FNC-1
training bodies, the English WCXB gold texts and the 20,000 bench articles: 24,850 texts) with
no title; with ``--select`` (``TYP001,TYP002,REP003,SPM006``) it shows in a minute or two what a
rule finds in clean text at all, not only in held-out news.

``--wrap 72`` hard-wraps every paragraph at that width first (blank lines between
paragraphs), as e-mail and plain-text wire copy are: the same articles should get the same
warnings.

    python bench/clean_news.py [--corpus bbc|wcxb-gold|all-clean] [--wrap 72] [--select ...] [--show 5]
"""
from __future__ import annotations

import argparse
import gzip
import json
import textwrap
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import scanner

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BBC = DATA / "bbc" / "bbc.jsonl.gz"
WCXB = DATA / "boilerplate" / "wcxb_pages.jsonl.gz"


def held_out_articles():
    """The held-out BBC split: articles whose number is divisible by 5."""
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            if int(article["id"].rsplit("-", 1)[1]) % 5 == 0:
                yield {"id": article["id"], "title": article["title"], "text": article["text"]}


def wcxb_gold_texts():
    """The annotated main content (gold text) and title of each WCXB page."""
    with gzip.open(WCXB, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            page = json.loads(line)
            yield {"id": page.get("url") or f"wcxb-{number}", "title": page.get("title"),
                   "text": page["gold_text"]}


def all_clean_texts():
    """Every clean text: those of the spin model's corpora (all BBC articles, the FNC-1
    training bodies and the English WCXB gold texts, of every split; the WCXB file read once,
    the BBC and FNC-1 files once a split)
    and the bench corpus (ids and texts only)."""
    from news_corpus import CORPUS

    from scanner.spin.corpora import bbc_articles, fnc_bodies, wcxb_texts

    splits = ("counts", "train", "heldout")
    for doc_id, text in chain(*map(bbc_articles, splits), *map(fnc_bodies, splits[:2]), wcxb_texts()):
        yield {"id": doc_id, "text": text}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            yield {"id": article["id"], "text": article["text"]}


def wrapped(text: str, width: int) -> str:
    """``text`` with each of its lines filled to ``width`` columns, paragraphs a blank line apart."""
    return "\n\n".join(textwrap.fill(line, width) for line in text.split("\n") if line.strip())


@dataclass
class Warnings:
    """What :func:`count_warnings` counts over scanned records."""

    articles: int = 0
    warned: int = 0  # articles with a warning-or-worse finding
    spun: int = 0  # articles with scores.spin >= 0.5
    by_rule: Counter = field(default_factory=Counter)  # articles each rule warns on
    infos: Counter = field(default_factory=Counter)  # articles each rule gives an info
    examples: dict[str, list[str]] = field(default_factory=dict)  # "id: excerpt" by rule


def count_warnings(records: Iterable[dict]) -> Warnings:
    """The counts over ``records`` (output records, as ``scanner.scan_documents`` yields)."""
    counts = Warnings()
    for record in records:
        bad = [f for f in record["findings"] if f["severity"] in {"warning", "error"}]
        counts.articles += 1
        counts.warned += bool(bad)
        counts.spun += (record["scores"].get("spin") or 0) >= 0.5
        counts.by_rule.update({f["rule"] for f in bad})
        counts.infos.update({f["rule"] for f in record["findings"] if f["severity"] == "info"})
        for f in bad:
            counts.examples.setdefault(f["rule"], []).append(
                f"{record['id']}: {f['excerpt'] or f['message']!r:.100}")
    return counts


CORPORA = {"bbc": ("held-out BBC articles", held_out_articles),
           "wcxb-gold": ("WCXB gold texts", wcxb_gold_texts),
           "all-clean": ("BBC, FNC-1, WCXB and bench texts", all_clean_texts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bbc")
    parser.add_argument("--wrap", type=int, default=None, help="hard-wrap paragraphs at this width")
    parser.add_argument("--select", default=None)
    parser.add_argument("--show", type=int, default=5, help="examples to print per rule")
    args = parser.parse_args()
    settings = {"select": args.select.split(",")} if args.select else {}
    label, read = CORPORA[args.corpus]
    articles = list(read())
    if args.wrap:
        for article in articles:
            article["text"] = wrapped(article["text"], args.wrap)
    counts = count_warnings(scanner.scan_documents(articles, **settings))
    n, warned, spun = counts.articles, counts.warned, counts.spun
    label += f", wrapped at {args.wrap}" if args.wrap else ""
    print(f"{label:<30} {n}")
    print(f"with a warning-or-worse        {warned} ({100 * warned / n:.1f} %)  -> clean: {100 - 100 * warned / n:.1f} %")
    print(f"scores.spin >= 0.5             {spun} ({100 * spun / n:.1f} %)")
    for rule, count in counts.by_rule.most_common():
        print(f"  {rule}  {count:4d} articles")
        for example in counts.examples[rule][:args.show]:
            print(f"      {example}")
    print("articles with an info, by rule: "
          + ", ".join(f"{rule} {count}" for rule, count in sorted(counts.infos.items())))


if __name__ == "__main__":
    main()
