"""Filter mode (``--emit-clean DIR``): each article's text minus its boilerplate and spam lines.

A line is dropped when boilerplate or spam findings of warning severity or worse cover most of
its visible text (a stray spam phrase inside a real sentence keeps the sentence); the reason
recorded is the rule that covers most of it. As datatrove does, every drop is counted by
reason, so the question "why did this text go?" always has an answer.

Output: ``DIR/clean.jsonl`` (``{id, source, title, text, kept_lines, dropped_lines,
dropped}``, one line per readable article) and ``DIR/stats.json`` (totals by reason).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from scanner.audit.output import repair_jsonl
from scanner.finding import Category, Finding, Severity
from scanner.report.jsonfmt import dumps
from scanner.result import ScanResult

DROP_CATEGORIES = frozenset({Category.BOILERPLATE, Category.SPAM})
COVER_SHARE = 0.5
_BLANK_RUN_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def clean_text(text: str, findings: list[Finding]) -> tuple[str, Counter[str], int, int]:
    """``(clean text, dropped lines by reason, kept lines, dropped lines)``."""
    spans = [f for f in findings if f.category in DROP_CATEGORIES and f.start is not None
             and f.severity.rank >= Severity.WARNING.rank]
    kept: list[str] = []
    dropped: Counter[str] = Counter()
    kept_count = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        visible = len(line.strip())
        reason = _covering_rule(spans, start, end, visible) if visible and spans else None
        if reason:
            dropped[reason] += 1
            continue
        kept.append(line)
        kept_count += bool(visible)
    clean = _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n")
    return clean, dropped, kept_count, sum(dropped.values())


def _covering_rule(findings: list[Finding], start: int, end: int, visible: int) -> str | None:
    cover: Counter[str] = Counter()
    for f in findings:
        overlap = min(end, f.end) - max(start, f.start)
        if overlap > 0:
            cover[f"{f.rule} {f.name}"] += overlap
    if not cover:
        return None
    rule = cover.most_common(1)[0][0]
    return rule if sum(cover.values()) >= COVER_SHARE * visible else None


class CleanWriter:
    """Appends cleaned articles to ``DIR/clean.jsonl`` (resumable like the main output)."""

    def __init__(self, directory: str, resume: bool = False, name: str = "clean.jsonl") -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / name
        if resume:
            repair_jsonl(self.path)
        self._handle = self.path.open("a" if resume else "w", encoding="utf-8")

    def add(self, result: ScanResult) -> None:
        """Write the cleaned text of one result (records in error have no text to clean)."""
        if result.error or result.text is None:
            return
        text, dropped, kept_lines, dropped_lines = clean_text(result.text, result.findings)
        self._handle.write(dumps({"id": result.id, "source": result.source,
                                  "title": result.title, "text": text,
                                  "kept_lines": kept_lines, "dropped_lines": dropped_lines,
                                  "dropped": dict(dropped)}) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def write_clean_stats(directory: str) -> dict[str, Any]:
    """Total the per-article drops of every ``clean*.jsonl`` in ``directory`` into
    ``stats.json`` and return them."""
    articles = kept = dropped_lines = emptied = 0
    reasons: Counter[str] = Counter()
    for path in sorted(Path(directory).glob("clean*.jsonl")):
        with path.open("rb") as handle:
            for line in handle:
                row = orjson.loads(line)
                articles += 1
                kept += row["kept_lines"]
                dropped_lines += row["dropped_lines"]
                emptied += not row["text"].strip()
                reasons.update(row["dropped"])
    stats = {"articles": articles, "kept_lines": kept, "dropped_lines": dropped_lines,
             "articles_emptied": emptied, "dropped_by_reason": dict(reasons.most_common())}
    (Path(directory) / "stats.json").write_bytes(orjson.dumps(stats, option=orjson.OPT_INDENT_2))
    return stats
