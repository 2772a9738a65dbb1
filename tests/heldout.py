"""Clean-news helpers for the typography, repetition, language and readability tests."""
from __future__ import annotations

import gzip
import json
from functools import cache

from scanner.finding import Severity
from tests.conftest import SEEDS, doc_of, shared_path


@cache
def bbc_articles(held_out: bool) -> tuple[dict, ...]:
    """BBC articles of the held-out split (id number divisible by 5) or of the rest."""
    with gzip.open(shared_path("data", "bbc", "bbc.jsonl.gz"), "rt") as fh:
        articles = [json.loads(line) for line in fh]
    return tuple(a for a in articles if (int(a["id"].rsplit("-", 1)[1]) % 5 == 0) == held_out)


def warned_articles(rules, articles) -> list[str]:
    """Ids of the articles on which any of ``rules`` reports a warning or an error."""
    return [a["id"] for a in articles
            if any(f.severity.rank >= Severity.WARNING.rank
                   for rule in rules for f in rule.check(doc_of(a["text"], a["title"])))]


def seed_findings(rules) -> dict[str, list[tuple[str, str]]]:
    """``{seed file prefix: [(rule id, excerpt or None), ...]}`` for every seed."""
    found = {}
    for path in SEEDS:
        doc = doc_of(path.read_text(encoding="utf-8"))
        found[path.name[:3]] = [(f.rule, None if f.start is None else doc.text[f.start:f.end])
                                for rule in rules for f in rule.check(doc)]
    return found
