"""HDL004 (reversed outcome): how often it fires on true headlines, and how often on reversed ones.

* False positives: every BBC article under its own headline (2,225), the FNC-1 training
  pairs by stance (49,972; the "disagree" bodies refute hoaxes rather than reverse outcomes),
  and the 963 WCXB pages' main text under their titles; with how many of those headlines
  state an outcome the rule checks at all (only those can be flagged).
* Synthetic reversals: each BBC headline that states a verdict or a movement of a quantity
  ("Profits slide at India's Dr Reddy") with its verb flipped to the opposite ("Profits rise
  at India's Dr Reddy"), over its own body: the share flagged.

Usage: ``PYTHONPATH=. python bench/headline_reversal.py``
"""
from __future__ import annotations

import csv
import gzip
import json
from collections import Counter

from scanner.headline import text as T
from scanner.headline.corpus import shared_dir
from scanner.headline.reversal import reversal_of, stated_outcomes

BODY_CHARS = 4000  # as the rule reads a body (scanner.headline.BODY_CHARS)
FLIPPED = {"rise": "fall", "fall": "rise", "acquittal": "convicted", "conviction": "cleared"}


def bbc() -> list[dict]:
    with gzip.open(shared_dir() / "data" / "bbc" / "bbc.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def flagged(title: str, body: str) -> bool:
    stated = stated_outcomes(title)
    return bool(stated) and reversal_of(stated, title, T.sentences(body[:BODY_CHARS])) is not None


def flipped_headline(title: str) -> str | None:
    """``title`` with its verdict or movement turned into the opposite, or None."""
    for outcome, match, _ in stated_outcomes(title):
        if outcome.name in FLIPPED:
            return title[:match.start()] + FLIPPED[outcome.name] + title[match.end():]
    return None


def stating(titles) -> int:
    """How many of ``titles`` state an outcome the rule checks (one it could flag)."""
    return sum(flipped_headline(title) is not None for title in titles)


def main() -> None:
    articles = bbc()
    hits = [a["id"] for a in articles if flagged(a["title"], a["text"])]
    print(f"BBC, true headlines: {len(hits)} of {len(articles)} flagged {hits[:5]} "
          f"({stating(a['title'] for a in articles)} state an outcome)")
    fnc = shared_dir() / "data" / "fnc1"
    with open(fnc / "train_bodies.csv", encoding="utf-8") as f:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}
    total, hit, headlines = Counter(), Counter(), set()
    with open(fnc / "train_stances.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            total[row["Stance"]] += 1
            hit[row["Stance"]] += flagged(row["Headline"], bodies[row["Body ID"]])
            headlines.add(row["Headline"])
    print("FNC-1 pairs flagged: " + ", ".join(f"{s} {hit[s]} of {total[s]}" for s in total)
          + f" ({stating(headlines)} of {len(headlines)} distinct headlines state an outcome)")
    with gzip.open(shared_dir() / "data" / "boilerplate" / "wcxb_pages.jsonl.gz", "rt",
                   encoding="utf-8") as f:
        pages = [json.loads(line) for line in f]
    wcxb = sum(flagged(p["title"] or "", p["gold_text"] or "") for p in pages)
    print(f"WCXB main text under its title: {wcxb} of {len(pages)} flagged "
          f"({stating(p['title'] or '' for p in pages)} state an outcome)")
    flips = [(flipped_headline(a["title"]), a["text"]) for a in articles]
    flips = [(title, body) for title, body in flips if title]
    caught = sum(flagged(title, body) for title, body in flips)
    print(f"BBC headlines with their outcome reversed: {caught} of {len(flips)} flagged "
          f"({caught / max(len(flips), 1):.0%})")


if __name__ == "__main__":
    main()
