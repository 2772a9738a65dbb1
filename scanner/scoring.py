"""Document scores: ``spin`` (0-1), ``quality`` (0-100) and ``headline``.

``quality`` starts at 100 and loses points per finding by severity (info 1, warning 6,
error 15), at most 30 points per category, so one noisy category cannot zero a document and
every category that fires costs something; it is null when no quality rule ran. ``spin`` is
null, with the reason in ``spin_note``, when no spin rule ran or the model cannot judge the
text.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.rule import Rule

SEVERITY_COST = {Severity.INFO: 1.0, Severity.WARNING: 6.0, Severity.ERROR: 15.0}
CATEGORY_CAP = 30.0
QUALITY_CATEGORIES = frozenset(Category) - {Category.SPIN, Category.HEADLINE}
NO_SPIN_RULE = "not scored: no spin rule ran (none selected, or ignored for this record)"
ONLY_CORPUS_SPIN = ("not scored: no selected spin rule reads a single document ({ids} compares "
                    "copies of a story, in `audit --crossdoc`)")


def quality_score(findings: Iterable[Finding]) -> float:
    """100 minus capped per-category penalties."""
    lost: dict[Category, float] = defaultdict(float)
    for finding in findings:
        if finding.category in QUALITY_CATEGORIES:
            lost[finding.category] += SEVERITY_COST[finding.severity]
    return round(max(0.0, 100.0 - sum(min(CATEGORY_CAP, v) for v in lost.values())), 1)


def unscored_spin_note(rules: list[Rule], corpus_rules: list[Rule]) -> str:
    """Why a record has no spin score when no spin rule ran on it, given the selected rules
    that run on a document and on a corpus: only corpus spin rules (SPN100) were selected, or
    none was (or a record's ignores skipped them)."""
    corpus_spin = [r.id for r in corpus_rules if r.category is Category.SPIN]
    if corpus_spin and not any(r.category is Category.SPIN for r in rules):
        return ONLY_CORPUS_SPIN.format(ids=", ".join(corpus_spin))
    return NO_SPIN_RULE


def compute_scores(doc: Document, rules: list[Rule], findings: list[Finding],
                   unscored_spin: str = NO_SPIN_RULE) -> dict[str, Any]:
    """The ``scores`` object of a record; a score whose rules did not run is null (the spin
    score's note then says ``unscored_spin``: :func:`unscored_spin_note`)."""
    categories = {rule.category for rule in rules}
    scores: dict[str, Any] = {"spin": None, "quality": None}
    if Category.SPIN in categories:
        from scanner.spin import spin_score

        scores["spin"], note = spin_score(doc)
    else:
        note = unscored_spin
    if note:
        scores["spin_note"] = note
    if categories & QUALITY_CATEGORIES:
        scores["quality"] = quality_score(findings)
    if Category.HEADLINE in categories and doc.title:
        from scanner.headline import assess

        scores["headline"] = assess(doc)
    return scores
