"""Dev evaluation of site templates (BPL012, ``spinscan audit --site-templates``); prints figures.

    PYTHONPATH=. python bench/site_templates_eval.py [--shared ../shared]

* WCXB pages of sites with several pages in the data (all splits: the rule learns nothing, its
  thresholds were set before this ran): lines BPL012 flags on the whole page text and the share
  of them labelled boilerplate; line-level balanced accuracy on those pages of the other
  boilerplate and spam rules alone and together with BPL012. Also with templates from two
  pages (the rule needs three), to show the evidence on more sites.
* Clean news: BBC articles grouped by category as if each were a site (five sites of 386-511
  articles), and the FNC-1 bodies as one site: articles with a BPL012 finding and the lines.
* Speed: the counting pass (line hashes and counts) per article of the throughput corpus,
  against a default scan of the same articles (a ratio measured in the same run).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from boilerplate_eval import document, findings, flagged_lines, my_rules, report

from scanner.boilerplate.site_lines import count_templates, page_hashes
from scanner.checks.site_template import SiteTemplateLine, corpus_templates
from scanner.document import Document
from scanner.engine import Scanner
from scanner.io.records import InputRecord, source_group

RULE = SiteTemplateLine()


def wcxb_sites(shared: Path) -> dict[str, list[list[dict]]]:
    """Labelled whole-page lines of the WCXB pages, by site, for sites with 2+ pages."""
    sites = {}
    with gzip.open(shared / "data" / "boilerplate" / "wcxb_pages.jsonl.gz", "rt") as fh:
        for raw in fh:
            page = json.loads(raw)
            sites[page["id"]] = source_group(page["url"], page["id"])
    rows: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(shared / "data" / "boilerplate" / "wcxb_lines_fullpage.jsonl.gz", "rt") as fh:
        for raw in fh:
            row = json.loads(raw)
            if row["text"].strip():
                rows[row["page_id"]].append(row)
    by_site: dict[str, list[list[dict]]] = defaultdict(list)
    for page_id, lines in sorted(rows.items()):
        by_site[sites[page_id]].append(sorted(lines, key=lambda r: r["line_no"]))
    return {site: pages for site, pages in by_site.items() if len(pages) >= 2}


def eval_wcxb(shared: Path) -> None:
    sites = wcxb_sites(shared)
    rules = my_rules()
    for min_pages in (3, 2):
        chosen = {s: p for s, p in sites.items() if len(p) >= min_pages}
        labels, alone, together = [], [], []
        flagged = boilerplate = 0
        for site, pages in chosen.items():
            docs = [document("\n".join(r["text"].strip() for r in rows)) for rows in pages]
            templates = corpus_templates(docs, [site] * len(docs), min_pages)
            for rows, doc in zip(pages, docs):
                hit = flagged_lines(doc, findings(rules, doc))
                template = templates.get(site)
                own = (flagged_lines(doc, list(RULE.template_findings(doc, template)))
                       if template else set())
                for i, r in enumerate(rows):
                    if r.get("region") == "title_like":
                        continue
                    labels.append(bool(r["is_boilerplate"]))
                    alone.append(i in hit)
                    together.append(i in hit or i in own)
                    flagged += i in own
                    boilerplate += i in own and bool(r["is_boilerplate"])
        print(f"WCXB sites with {min_pages}+ pages: {len(chosen)} sites, "
              f"{sum(len(p) for p in chosen.values())} pages; templates from {min_pages} pages: "
              f"{flagged} lines flagged, {boilerplate / max(flagged, 1):.1%} of them boilerplate")
        report("  other rules", labels, alone)
        report("  other rules + BPL012", labels, together)


def eval_clean(shared: Path) -> None:
    groups: dict[str, list[Document]] = defaultdict(list)
    with gzip.open(shared / "data" / "bbc" / "bbc.jsonl.gz", "rt") as fh:
        for raw in fh:
            article = json.loads(raw)
            groups[f"bbc/{article['category']}"].append(
                Document(article["text"], id=article["id"], source=f"bbc/{article['category']}"))
    csv.field_size_limit(1 << 24)
    with open(shared / "data" / "fnc1" / "train_bodies.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            groups["fnc1"].append(Document(row["articleBody"], id=row["Body ID"], source="fnc1"))
    for site, docs in groups.items():
        template = corpus_templates(docs, [site] * len(docs)).get(site)
        lines: Counter = Counter()
        articles = 0
        for doc in docs:
            found = list(RULE.template_findings(doc, template)) if template else []
            articles += bool(found)
            lines.update(f.excerpt[:60] for f in found)
        print(f"clean news, {site}: {len(docs)} articles, {articles} with a BPL012 finding "
              f"({articles / len(docs):.1%}); flagged: {lines.most_common(5)}")


def eval_speed(shared: Path, n: int = 5000) -> None:
    with gzip.open(shared / "bench" / "news.jsonl.gz", "rt") as fh:
        articles = [json.loads(next(fh)) for _ in range(n)]
    start = time.process_time()
    count_templates(("corpus", page_hashes(a["text"].split("\n"))) for a in articles)
    counting = time.process_time() - start
    scanner = Scanner()
    records = [InputRecord(id=a["id"], text=a["text"], title=a.get("title")) for a in articles]
    scanner.scan_batch(records[:10])  # models loaded before timing
    start = time.process_time()
    for k in range(0, n, 256):
        scanner.scan_batch(records[k:k + 256], keep_text=False)
    scanning = time.process_time() - start
    print(f"speed ({n} corpus articles, CPU time): counting pass {counting / n * 1e3:.3f} ms per "
          f"article, default scan {scanning / n * 1e3:.3f} ms: the pass adds "
          f"{counting / scanning:.1%} (plus reading the inputs once more)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    eval_wcxb(args.shared)
    eval_clean(args.shared)
    eval_speed(args.shared)


if __name__ == "__main__":
    main()
