"""Spelling invariance of the spin detector: British and American versions of one text should
score alike (prints figures).

A spinner changes words; a writer's variety of English is not a swap. Each text is scanned
twice, written with British spellings throughout and with American ones, converted word by
word with breame's spelling lists (1.7k British/American pairs; an independent list: the
tables' own spelling rules are in ``scripts/build_spin_tables.py``). Texts: the held-out BBC
split (never trained on) and the hand-written clean texts of ``bench/data/handwritten/``; only
texts that the conversion changes count. Prints, per variety, the mean ``scores.spin``, the
share at 0.5 or more, the texts with an SPN001 warning and the SPN001 findings per text, then
the mean and largest score gap and the words most often flagged in one variety only.

    PYTHONPATH=. python bench/spelling_variants.py [--limit N]

Needs the ``[train]`` extra (breame).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter

from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS
from handwritten_clean import DATA as HANDWRITTEN  # this directory's module

from scanner import scan_text
from scanner.spin.corpora import bbc_articles

_WORD_RE = re.compile(r"[A-Za-z]+")


def respelt(text: str, spellings: dict[str, str]) -> str:
    """``text`` with every word in ``spellings`` (lower case) replaced, keeping a capital."""
    def replace(match: re.Match) -> str:
        word = match.group()
        other = spellings.get(word.lower())
        if other is None or not (word.islower() or word.istitle()):
            return word
        return other.capitalize() if word[0].isupper() else other
    return _WORD_RE.sub(replace, text)


def texts(limit: int | None) -> list[tuple[str, str]]:
    """``(id, text)`` of the held-out BBC articles and the hand-written clean texts."""
    found = list(bbc_articles("heldout"))[:limit]
    return found + [(path.name, path.read_text(encoding="utf-8"))
                    for path in sorted(HANDWRITTEN.glob("*.txt"))]


def spin_view(text: str) -> tuple[float | None, list[dict]]:
    """``(scores.spin, SPN001 findings)`` of ``text``."""
    record = scan_text(text, select=["spin"])
    return (record["scores"].get("spin"),
            [f for f in record["findings"] if f["rule"] == "SPN001"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="held-out BBC articles to use (default all)")
    args = parser.parse_args()
    varieties = {"British": AMERICAN_ENGLISH_SPELLINGS, "American": BRITISH_ENGLISH_SPELLINGS}
    scores: dict[str, list[float]] = {name: [] for name in varieties}
    warned, findings = Counter(), Counter()
    only_in: dict[str, Counter] = {name: Counter() for name in varieties}
    gaps = []
    for text_id, text in texts(args.limit):
        versions = {name: respelt(text, spellings) for name, spellings in varieties.items()}
        if versions["British"] == versions["American"]:
            continue
        views = {name: spin_view(version) for name, version in versions.items()}
        if any(spin is None for spin, _ in views.values()):
            continue
        excerpts = {name: Counter(f["excerpt"].lower() for f in found)
                    for name, (_, found) in views.items()}
        for name, (spin, found) in views.items():
            scores[name].append(spin)
            warned[name] += any(f["severity"] == "warning" for f in found)
            findings[name] += len(found)
            other = excerpts["American" if name == "British" else "British"]
            only_in[name].update(e for e in excerpts[name] if e not in other)
        gaps.append((views["British"][0] - views["American"][0], text_id))
    n = len(gaps)
    print(f"{n} texts whose British and American spellings differ")
    for name, values in scores.items():
        flagged = sum(v >= 0.5 for v in values)
        print(f"  {name:8s}: mean scores.spin {sum(values) / max(n, 1):.3f}, "
              f"at 0.5 or more {flagged} ({flagged / max(n, 1):.1%}), "
              f"SPN001 warning in {warned[name]}, SPN001 findings per text "
              f"{findings[name] / max(n, 1):.2f}")
    if gaps:
        mean = sum(g for g, _ in gaps) / n
        largest = max(gaps, key=lambda g: abs(g[0]))
        print(f"  British minus American: mean {mean:+.4f}, "
              f"|gap| > 0.1 in {sum(abs(g) > 0.1 for g, _ in gaps)}, "
              f"largest {largest[0]:+.3f} ({largest[1]})")
    for name, counter in only_in.items():
        common = ", ".join(f"{e!r} {c}" for e, c in counter.most_common(12)) or "none"
        print(f"  flagged in {name} spelling only: {common}")


if __name__ == "__main__":
    main()
