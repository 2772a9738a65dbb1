"""The audit summary: per source/domain counts, flagged shares, spin scores, worst articles.

Built from published records (dicts, as written to the output), so it can be rebuilt from an
output file after a resumed run, and merged across partitions (Dask). Memory is bounded: a
fixed number of worst articles, a capped domain table and a capped phrase counter.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from scanner.finding import Category
from scanner.io.records import source_group

FLAG_SEVERITIES = frozenset({"warning", "error"})
HIST_BINS = 20
TOP_ARTICLES = 20
TOP_PER_DOMAIN = 3
MAX_DOMAINS = 20_000
MAX_PHRASES = 5_000
OTHER = "(other sources)"


def badness(record: dict[str, Any]) -> tuple[float, int, float, float]:
    """Sort key of how bad an article looks, as ``scan``'s summary ranks documents: the higher
    of its spin score and its quality shortfall (a share), then its warnings; with the spin
    score and the lost quality points, which the tables show. (By spin score first, articles
    that all scored about 0.02 were ranked by noise above one with thirty warnings.)"""
    scores = record.get("scores") or {}
    spin = float(scores["spin"]) if isinstance(scores.get("spin"), int | float) else 0.0
    quality = scores.get("quality") if isinstance(scores.get("quality"), int | float) else 100.0
    lost = round(100.0 - quality, 1)
    warnings = sum(f.get("severity") in FLAG_SEVERITIES for f in record.get("findings") or ())
    return max(spin, lost / 100), warnings, spin, lost


def flagged_categories(record: dict[str, Any]) -> set[str]:
    """Categories with at least one warning-or-error finding in a record."""
    return {f["category"] for f in record.get("findings") or ()
            if f.get("severity") in FLAG_SEVERITIES}


@dataclass
class GroupStats:
    """Counts for one source/domain (or the whole run)."""

    articles: int = 0
    errors: int = 0
    flagged: int = 0
    by_category: Counter = field(default_factory=Counter)
    spin_sum: float = 0.0
    spin_count: int = 0
    worst: list = field(default_factory=list)  # min-heap of (badness, id, title)

    def add(self, record: dict[str, Any], cats: set[str], keep: int) -> None:
        self.articles += 1
        if record.get("error"):
            self.errors += 1
            return
        self.flagged += bool(cats)
        self.by_category.update(cats)
        spin = (record.get("scores") or {}).get("spin")
        if isinstance(spin, int | float):
            self.spin_sum += spin
            self.spin_count += 1
        if cats or isinstance(spin, int | float) and spin >= 0.5:
            _push(self.worst, (badness(record), record["id"], record.get("title") or ""), keep)

    def merge(self, other: GroupStats, keep: int) -> None:
        self.articles += other.articles
        self.errors += other.errors
        self.flagged += other.flagged
        self.by_category.update(other.by_category)
        self.spin_sum += other.spin_sum
        self.spin_count += other.spin_count
        for item in other.worst:
            _push(self.worst, item, keep)

    @property
    def mean_spin(self) -> float | None:
        return self.spin_sum / self.spin_count if self.spin_count else None

    def share(self, category: str) -> float:
        """Share of readable articles flagged in ``category``."""
        readable = self.articles - self.errors
        return self.by_category[category] / readable if readable else 0.0

    def worst_first(self) -> list[tuple]:
        return sorted(self.worst, reverse=True)


def _push(heap: list, item: tuple, keep: int) -> None:
    if len(heap) < keep:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


class AuditSummary:
    """Run-wide and per-group statistics of an audit (see the module docstring)."""

    def __init__(self) -> None:
        self.total = GroupStats()
        self.groups: dict[str, GroupStats] = {}
        self.histogram = [0] * HIST_BINS
        self.rules: Counter[str] = Counter()
        # (rule, phrase, suggested original) of spin findings
        self.phrases: Counter[tuple[str, str, str]] = Counter()

    def add(self, record: dict[str, Any]) -> None:
        """Count one published record."""
        cats = set() if record.get("error") else flagged_categories(record)
        self.total.add(record, cats, TOP_ARTICLES)
        self._group(source_group(record.get("source"), record["id"])).add(
            record, cats, TOP_PER_DOMAIN)
        spin = (record.get("scores") or {}).get("spin")
        if isinstance(spin, int | float):
            self.histogram[min(HIST_BINS - 1, int(spin * HIST_BINS))] += 1
        for finding in record.get("findings") or ():
            if finding.get("severity") not in FLAG_SEVERITIES:
                continue
            self.rules[finding["rule"]] += 1
            if finding["category"] == Category.SPIN.value and finding.get("excerpt"):
                excerpt = " ".join(finding["excerpt"].split()).lower()[:80]
                suggestion = " ".join((finding.get("suggestion") or "").split())[:80]
                self.phrases[(finding["rule"], excerpt, suggestion)] += 1
        _cap(self.phrases)

    def _group(self, name: str) -> GroupStats:
        stats = self.groups.get(name)
        if stats is None:
            if len(self.groups) >= MAX_DOMAINS:
                name = OTHER
                stats = self.groups.get(name)
            if stats is None:
                stats = self.groups[name] = GroupStats()
        return stats

    def merge(self, other: AuditSummary) -> AuditSummary:
        """Add another summary's counts (e.g. of another partition) to this one."""
        self.total.merge(other.total, TOP_ARTICLES)
        for name, stats in other.groups.items():
            self._group(name).merge(stats, TOP_PER_DOMAIN)
        self.histogram = [a + b for a, b in zip(self.histogram, other.histogram)]
        self.rules.update(other.rules)
        self.phrases.update(other.phrases)
        _cap(self.phrases)
        return self

    def categories(self) -> list[str]:
        """Categories in their fixed order."""
        return [c.value for c in Category]

    def top_groups(self, n: int) -> list[tuple[str, GroupStats]]:
        """Groups with the most flagged articles (then the most articles)."""
        return sorted(self.groups.items(), key=lambda kv: (-kv[1].flagged, -kv[1].articles,
                                                           kv[0]))[:n]

    def to_dict(self, groups: int = 50) -> dict[str, Any]:
        """A JSON-ready view (written beside the output as ``*.summary.json``)."""
        return {
            "articles": self.total.articles,
            "errors": self.total.errors,
            "flagged": self.total.flagged,
            "flagged_share": {c: round(self.total.share(c), 4) for c in self.categories()},
            "mean_spin": _round(self.total.mean_spin),
            "spin_histogram": self.histogram,
            "rules": dict(self.rules.most_common()),
            "worst": [_article(item) for item in self.total.worst_first()],
            "sources": [
                {"source": name, "articles": s.articles, "errors": s.errors, "flagged": s.flagged,
                 "flagged_share": {c: round(s.share(c), 4) for c in self.categories()
                                   if s.by_category[c]},
                 "mean_spin": _round(s.mean_spin),
                 "worst": [_article(item) for item in s.worst_first()]}
                for name, s in self.top_groups(groups)
            ],
            "phrases": [{"rule": r, "phrase": p, "suggestion": s, "count": n}
                        for (r, p, s), n in self.phrases.most_common(50)],
        }


def _article(item: tuple) -> dict[str, Any]:
    (_, warnings, spin, lost), record_id, title = item
    return {"id": record_id, "title": title, "spin": spin, "quality_lost": lost,
            "warnings": warnings}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _cap(counter: Counter) -> None:
    """Keep a counter bounded: past twice the cap, drop all but the most common."""
    if len(counter) > 2 * MAX_PHRASES:
        kept = counter.most_common(MAX_PHRASES)
        counter.clear()
        counter.update(dict(kept))


def summarize(records) -> AuditSummary:
    """The summary of an iterable of published records."""
    summary = AuditSummary()
    for record in records:
        summary.add(record)
    return summary
