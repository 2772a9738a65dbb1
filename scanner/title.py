"""Infer the headline of a scraped plain-text article.

Scraped text usually opens with navigation, related-post lines and ads before the headline,
then the body. The headline is the title-like line in that head that best predicts the body:
it shares the body's key words and stands close to where the body starts. Related-post lines
(followed by a date line, or sharing nothing with the body) and spam lose on both counts.
"""
from __future__ import annotations

import re

from scanner.document import Document, Span

_HEAD_LINES = 15  # non-blank lines looked at before the body
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_DATE_LINE_RE = re.compile(
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{1,2}\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\W*$"
    r"|^\W*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\W*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK_RE = re.compile(r"[a-z0-9]{2}[.!?]\s+[(“\"A-Z]")
_STOP = frozenset(
    "the and for with that this from have has was were are but not you your our his her its "
    "their they them who what when where how why will would can could should into over after "
    "about more than been also said says new".split()
)


def infer_title(doc: Document) -> Span | None:
    """The span of the most likely headline line, or None when the text has no title-like head."""
    lines = doc.nonblank_lines
    body_at = next((k for k, (_, s) in enumerate(lines) if _is_body_line(s.text)), None)
    if body_at is None or body_at == 0:
        return None
    body_words = _key_words(" ".join(s.text for _, s in lines[body_at:body_at + 6]))
    head = lines[max(0, body_at - _HEAD_LINES):body_at]
    best, best_score = None, 0.0
    for k, (_, span) in enumerate(head):
        if not _is_title_like(span.text):
            continue
        words = _key_words(span.text)
        if not words:
            continue
        next_text = head[k + 1][1].text if k + 1 < len(head) else ""
        if _DATE_LINE_RE.match(next_text.strip()) and len(head) - k > 2:
            continue  # a related-post entry: headline, then its date
        overlap = len(words & body_words) / len(words)
        distance = len(head) - k  # 1 = the line just before the body
        score = overlap + 0.15 / distance
        if overlap > 0 and score > best_score:
            best, best_score = span, score
    return best


def _is_body_line(text: str) -> bool:
    words = text.split()
    return len(words) >= 25 or (len(words) >= 12 and text.rstrip().endswith((".", "”", '"')))


def _is_title_like(text: str) -> bool:
    stripped = text.strip()
    words = stripped.split()
    if not 2 <= len(words) <= 40 or len(stripped) > 300:
        return False
    if stripped.endswith(".") and not stripped.endswith("...") or _SENTENCE_BREAK_RE.search(stripped):
        return False  # a sentence (caption, standfirst), not a headline
    return not _DATE_LINE_RE.match(stripped)


def _key_words(text: str) -> set[str]:
    return {w for w in (m.group().lower() for m in _WORD_RE.finditer(text)) if w not in _STOP}
