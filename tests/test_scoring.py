"""Document scores: quality penalties, and when scores.spin is (not) given."""
from __future__ import annotations

from pathlib import Path

from scanner import scan_text
from scanner.finding import Category, Finding, Severity
from scanner.scoring import NO_SPIN_RULE, quality_score
from scanner.spin import MIN_WORDS as MIN_SPIN_WORDS

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt"))


def finding(category: Category, severity: Severity) -> Finding:
    return Finding(rule="X001", name="x", category=category, severity=severity, message="m")


def test_quality_loses_points_per_finding_capped_per_category():
    assert quality_score([]) == 100.0
    assert quality_score([finding(Category.TYPOGRAPHY, Severity.WARNING)]) == 94.0
    many = [finding(Category.BOILERPLATE, Severity.ERROR)] * 5
    assert quality_score(many) == 70.0  # 75 points lost, capped at 30 per category
    assert quality_score([finding(Category.SPIN, Severity.ERROR)]) == 100.0  # not a quality category


def test_short_text_gets_no_spin_score_and_says_why():
    scores = scan_text("Plain text about the council budget for next year.")["scores"]
    assert scores["spin"] is None and f"needs {MIN_SPIN_WORDS}" in scores["spin_note"]


def test_an_article_gets_a_spin_probability():
    scores = scan_text(SEED.read_text(encoding="utf-8"))["scores"]
    assert 0.0 <= scores["spin"] <= 1.0 and "spin_note" not in scores


def test_a_text_in_another_language_is_not_scored_for_that_reason():
    # Japanese has no spaces to count words by: the language, not the length, is the reason
    japanese = "日本と北大西洋条約機構は協力強化を誓った。岸田首相は共同声明を発表した。" * 40
    scores = scan_text(japanese)["scores"]
    assert scores["spin"] is None and scores["spin_note"].endswith("document language is ja")


def test_spin_is_not_scored_when_no_spin_rule_runs_and_says_why():
    text = SEED.read_text(encoding="utf-8")
    scores = scan_text(text, select=["doubled-word"])["scores"]
    assert scores["spin"] is None and scores["spin_note"] == NO_SPIN_RULE
    assert "headline" not in scores  # no headline rule ran: no headline score at all
    ignored = scan_text(text, source="news/a.txt", per_path_ignores={"news/*": ["spin"]})
    assert ignored["scores"]["spin_note"] == NO_SPIN_RULE
    # SPN100 was selected, but it compares copies (audit --crossdoc): no spin rule scored
    corpus_only = scan_text(text, select=["doubled-word", "SPN100"])["scores"]
    assert corpus_only["spin"] is None and corpus_only["spin_note"] == (
        "not scored: no selected spin rule reads a single document (SPN100 compares copies of "
        "a story, in `audit --crossdoc`)")
    ignored = scan_text(text, source="news/a.txt", select=["SPN"],
                        per_path_ignores={"news/*": ["SPN0"]})  # SPN001 ignored here
    assert ignored["scores"]["spin_note"] == NO_SPIN_RULE
