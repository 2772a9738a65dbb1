"""Filter mode (``--emit-clean DIR``): each article's text minus its boilerplate and spam lines.

A line is dropped when boilerplate or spam findings of warning severity or worse (``--clean-level
info``: of any severity, the line model's and the reader tail's infos too) cover most of its
visible text (a stray spam phrase inside a real sentence keeps the sentence); the reason
recorded is the rule that covers most of it. As datatrove does, every drop is counted by
reason, so the question "why did this text go?" always has an answer.

Output: ``DIR/clean.jsonl`` (``{id, source, title, text, kept_lines, dropped_lines,
dropped, clean_level}``, one line per readable article; ``clean-part-NNNNN.jsonl`` files with
the Dask engine) and ``DIR/stats.json`` (the level, totals by reason, and ``articles_emptied``:
the articles that lost every line). A resumed run must clean at the level the file was
cleaned at (:func:`check_clean_level`), so that one file never mixes two levels.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from scanner.audit.output import in_directory, jsonl_rows, repair_jsonl
from scanner.finding import Category, Finding, Severity
from scanner.invocation import UsageError
from scanner.io.opener import open_binary, open_output
from scanner.report.jsonfmt import dumps
from scanner.result import ScanResult
from scanner.wrapping import ends_sentence

DROP_CATEGORIES = frozenset({Category.BOILERPLATE, Category.SPAM})
COVER_SHARE = 0.5
_BLANK_RUN_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
CLEAN_FILE, STATS_FILE = "clean.jsonl", "stats.json"


def clean_path(directory: str, name: str = CLEAN_FILE) -> str:
    """The path of the file ``name`` in the ``--emit-clean`` directory."""
    return in_directory(directory, name)


def clean_text(text: str, findings: list[Finding], level: Severity = Severity.WARNING
               ) -> tuple[str, Counter[str], int, int]:
    """``(clean text, dropped lines by reason, kept lines, dropped lines)``: the lines that
    boilerplate or spam findings of severity ``level`` or worse cover are dropped."""
    spans = [f for f in findings if f.category in DROP_CATEGORIES and f.start is not None
             and f.severity.rank >= level.rank]
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
        kept.append(_without_spans(line, start, spans) if visible and spans else line)
        kept_count += bool(visible)
    clean = _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n")
    return clean, dropped, kept_count, sum(dropped.values())


def _without_spans(line: str, start: int, findings: list[Finding]) -> str:
    """A kept ``line`` (at offset ``start``) without the whole sentences findings cover: the
    promo a scraper glued to a paragraph ("... twice a week. Join our Telegram channel for
    daily updates."; QA pass 27), not the paragraph; a phrase inside a sentence stays."""
    cuts = []
    for f in findings:
        if f.start < start + len(line) and f.end > start:
            cut = max(f.start - start, 0), min(f.end - start, len(line))
            if _whole_sentences(line, *cut):
                cuts.append(cut)
    if not cuts:
        return line
    parts, pos = [], 0
    for a, b in sorted(cuts):
        parts.append(line[pos:max(a, pos)])
        pos = max(pos, b)
    parts.append(line[pos:])
    return " ".join(part.strip() for part in parts if part.strip())


def _whole_sentences(line: str, a: int, b: int) -> bool:
    """Whether ``line[a:b]`` starts and ends where sentences do."""
    return ((not line[:a].strip() or ends_sentence(line[:a].rstrip()))
            and (not line[b:].strip() or ends_sentence(line[:b])))


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
    """Appends cleaned articles to a JSONL file (resumable like the main output), without the
    lines that boilerplate or spam findings of severity ``level`` or worse cover."""

    def __init__(self, path: str, resume: bool = False, level: Severity = Severity.WARNING) -> None:
        self.path = Path(path)
        self.level = level
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            repair_jsonl(self.path)
            check_clean_level(str(self.path), level)
        self._handle = self.path.open("a" if resume else "w", encoding="utf-8")

    def add(self, result: ScanResult) -> None:
        """Write the cleaned text of one result (records in error have no text to clean)."""
        if result.error or result.text is None:
            return
        text, dropped, kept_lines, dropped_lines = clean_text(result.text, result.findings, self.level)
        self._handle.write(dumps({"id": result.id, "source": result.source,
                                  "title": result.title, "text": text,
                                  "kept_lines": kept_lines, "dropped_lines": dropped_lines,
                                  "dropped": dict(dropped),
                                  "clean_level": self.level.value}) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def check_clean_level(path: str, level: Severity) -> None:
    """Refuse to resume a clean file (local path or fsspec URL) that was cleaned at another
    level than ``level``: its articles and the new ones would be cleaned differently. A file
    from before ``--clean-level`` existed was cleaned at warning level."""
    try:
        with open_binary(path) as handle:
            first = next(jsonl_rows(handle, path), None)
    except FileNotFoundError:
        return
    found = first.get("clean_level", Severity.WARNING.value) if first else level.value
    if found != level.value:
        raise UsageError(f"{path}: its articles were cleaned at --clean-level {found}; resume "
                         f"with --clean-level {found}, or name a new --emit-clean directory")


def _emptied(row: dict[str, Any]) -> bool:
    """Whether cleaning emptied an article: it dropped every line of its text (a headline
    without a body had no line to drop)."""
    return row["dropped_lines"] > 0 and not row["text"].strip()


def file_clean_stats(path: str) -> dict[str, Any]:
    """Drop totals of one clean file (local path or fsspec URL)."""
    stats: dict[str, Any] = {"articles": 0, "kept_lines": 0, "dropped_lines": 0,
                             "articles_emptied": 0, "dropped_by_reason": Counter()}
    with open_binary(path) as handle:
        for row in jsonl_rows(handle, path):
            stats["articles"] += 1
            stats["kept_lines"] += row["kept_lines"]
            stats["dropped_lines"] += row["dropped_lines"]
            stats["articles_emptied"] += _emptied(row)
            stats["dropped_by_reason"].update(row["dropped"])
    return stats


def write_clean_stats(directory: str, parts: list[dict[str, Any]], level: Severity
                      ) -> dict[str, Any]:
    """Sum per-file drop totals into ``directory/stats.json`` (with the ``level`` the lines
    were dropped at) and return the sum."""
    total: dict[str, Any] = {"articles": 0, "kept_lines": 0, "dropped_lines": 0,
                             "articles_emptied": 0}
    reasons: Counter[str] = Counter()
    for part in parts:
        for key in total:
            total[key] += part[key]
        reasons.update(part["dropped_by_reason"])
    total = {"clean_level": level.value, **total,
             "dropped_by_reason": dict(reasons.most_common())}
    with open_output(clean_path(directory, STATS_FILE)) as out:
        out.write(orjson.dumps(total, option=orjson.OPT_INDENT_2))
    return total
