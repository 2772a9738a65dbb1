"""HDL004 (reversed outcome): how often it fires on true headlines, and how often on reversed ones.

* False positives: every BBC article under its own headline (2,225), the FNC-1 training
  pairs by stance (49,972; the "disagree" bodies refute hoaxes rather than reverse outcomes),
  and the 963 WCXB pages' main text under their titles; with how many of those headlines
  state an outcome the rule checks at all (only those can be flagged).
* Synthetic reversals: each BBC headline that states a verdict or a movement of a quantity
  ("Profits slide at India's Dr Reddy") with its verb flipped to the opposite ("Profits rise
  at India's Dr Reddy"), a closure turned into a reprieve ("Legendary music studio to stay
  open"), or a match result into the other side's win ("Newcastle 1-2 Bolton", "Eminem lost to
  Elvis to number one"), over its own body: the share flagged, and by kind.

Usage: ``PYTHONPATH=. python bench/headline_reversal.py``
"""
from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter

from scanner.headline import text as T
from scanner.headline.corpus import shared_dir
from scanner.headline.reversal import reversal_of, stated_outcomes

BODY_CHARS = 4000  # as the rule reads a body (scanner.headline.BODY_CHARS)
FLIPPED = {"rise": "fall", "fall": "rise", "acquittal": "convicted", "conviction": "cleared"}
KINDS = {"rise": "movements", "fall": "movements", "acquittal": "verdicts",
         "conviction": "verdicts", "closure": "closures", "win": "results"}


def bbc() -> list[dict]:
    with gzip.open(shared_dir() / "data" / "bbc" / "bbc.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def flagged(title: str, body: str) -> bool:
    stated = stated_outcomes(title)
    return bool(stated) and reversal_of(stated, title, T.sentences(body[:BODY_CHARS])) is not None


def flipped_headline(title: str) -> tuple[str, str] | None:
    """``title`` with its verdict, movement, closure or match result turned into the opposite,
    and the outcome's name; or None."""
    for outcome, match, _ in stated_outcomes(title):
        flipped = _flipped(title, outcome.name, match)
        if flipped is not None:
            return flipped, outcome.name
    return None


def _flipped(title: str, name: str, match: re.Match[str]) -> str | None:
    """``title`` with the outcome ``name`` that ``match`` words turned into the opposite."""
    start, end = match.span()
    if name in FLIPPED:
        return title[:start] + FLIPPED[name] + title[end:]
    if name == "closure":  # "to close" -> "to stay open", "shuts" -> "stays open", "axed" -> "saved"
        aux = re.match(r"(?i)(?:to|will)\s", match.group())
        words = (aux.group() + "stay open" if aux else "stays open" if match.group().endswith("s")
                 else "saved")
        return title[:start] + words + title[end:]
    if name == "win" and match.group("x"):  # "Newcastle 2-1 Bolton" -> "Newcastle 1-2 Bolton"
        (a, b), (c, d) = match.span("x"), match.span("y")
        return title[:a] + match.group("y") + title[b:c] + match.group("x") + title[d:]
    if name == "win" and match.group("beat"):  # "Eminem beats Elvis" -> "Eminem lost to Elvis"
        return title[:start] + "lost to " + match.group("after") + title[end:]
    return None


def stating(titles) -> int:
    """How many of ``titles`` state an outcome the rule checks (one it could flag)."""
    return sum(bool(stated_outcomes(title)) for title in titles)


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
    total, caught = Counter(), Counter()
    for article in articles:
        flip = flipped_headline(article["title"])
        if flip is not None:
            total[KINDS[flip[1]]] += 1
            caught[KINDS[flip[1]]] += flagged(flip[0], article["text"])
    n, hit = sum(total.values()), sum(caught.values())
    print(f"BBC headlines with their outcome reversed: {hit} of {n} flagged "
          f"({hit / max(n, 1):.0%}: "
          + ", ".join(f"{kind} {caught[kind]} of {total[kind]}" for kind in total) + ")")


if __name__ == "__main__":
    main()
