"""Golden expectations on the five seed articles (five web copies of one wire story).

Each expectation names a category and a piece of text that a finding of that category must
cover; the article prose of 000-002 must get no warning outside the expected debris.
"""
from __future__ import annotations

import pytest

import scanner
from tests.conftest import SEEDS

RECORDS = {p.name[:3]: scanner.scan_text(p.read_text(encoding="utf-8"), id=p.name) for p in SEEDS}
TEXTS = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}

EXPECTED = {
    "000": [("boilerplate", "Previous article"), ("boilerplate", "Home News"),
            ("spam", "I AM AN ERA!")],
    "001": [("typography", ". ."), ("typography", "preemption. enemy"),
            ("boilerplate", "Leave a Reply"), ("boilerplate", "Your email address will not be published"),
            ("boilerplate", "Back to top button")],
    "002": [("spam", "WhatsApp Channel Join Now"), ("spam", "Telegram Group Join Now"),
            ("spam", "MUST READ"), ("typography", "January 2023, 31"),
            ("repetition", "Japanese Prime Minister Fumio Kishida talks with visiting NATO"),
            ("boilerplate", "Subscribe to get the latest posts"), ("boilerplate", "Leave a Comment")],
    "003": [("spam", "Revealed: The Secrets our Clients Used to Earn $3 Billion"),
            ("typography", "onJan"), ("typography", "Tokyo,Japan"), ("typography", "forUkrainians"),
            ("boilerplate", "Takashi Aoyama|Anadolu Agency|Getty Images"),
            ("boilerplate", "Russia has become a pariah state. What's next?")],
    "004": [("headline", "NATO’s Attack on Japan"), ("spam", "Buy now"),
            ("language", "Bu site deneyimlerinizi"), ("boilerplate", "Bu site deneyimlerinizi")],
}


def covered(record, text, category, needle):
    at = text.rindex(needle) if category == "repetition" else text.index(needle)
    return any(f["category"] == category and f["start"] is not None
               and f["start"] <= at and at + len(needle) <= f["end"]
               for f in record["findings"])


@pytest.mark.parametrize("seed, category, needle",
                         [(s, c, n) for s, items in EXPECTED.items() for c, n in items])
def test_expected_finding(seed, category, needle):
    assert covered(RECORDS[seed], TEXTS[seed], category, needle), f"{seed}: {category} on {needle!r}"


def test_repeated_lines_flagged_on_later_copies():
    text, record = TEXTS["002"], RECORDS["002"]
    second = text.index("WhatsApp Channel Join Now", text.index("WhatsApp Channel Join Now") + 1)
    assert any(f["category"] == "repetition" and f["start"] is not None
               and f["start"] <= second < f["end"]
               for f in record["findings"])


# Substitutions the spinner made in 003 (from aligning it with 000-002, not from the rules).
SPUN_003 = ["humanitarian help", "joint declaration", "sees to", "delegation workplace",
            "attain their", "mentioning an", "nationwide security method", "long-range rockets",
            "stress in the area", "fasted to participate", "consented to advance"]


def test_spin_findings_on_most_substitutions():
    text, record = TEXTS["003"], RECORDS["003"]
    spans = [(f["start"], f["end"]) for f in record["findings"]
             if f["category"] == "spin" and f["start"] is not None]
    hits = [s for s in SPUN_003
            if any(a < text.index(s) + len(s) and text.index(s) < b for a, b in spans)]
    assert len(hits) >= 6, hits


def test_spin_scores_rank_the_spun_copy_first():
    spin = {seed: record["scores"]["spin"] for seed, record in RECORDS.items()}
    assert spin["003"] >= 0.5 and spin["003"] == max(spin.values())
    for seed in ("000", "001", "002"):
        assert spin[seed] < 0.5


def test_only_the_spun_copy_fails_the_default_gate():
    """SPN002 (the classifier's verdict, the one error-level spin finding) on 003 alone."""
    errors = {seed: [f["rule"] for f in record["findings"] if f["severity"] == "error"]
              for seed, record in RECORDS.items()}
    assert errors == {"000": [], "001": [], "002": [], "003": ["SPN002"], "004": []}


def test_headline_warning_only_on_004():
    for seed, record in RECORDS.items():
        warned = [f for f in record["findings"]
                  if f["category"] == "headline" and f["severity"] != "info"]
        assert bool(warned) == (seed == "004"), seed


def test_inferred_titles():
    assert RECORDS["004"]["title"] == "NATO’s Attack on Japan"
    assert RECORDS["003"]["title"] == "NATO chief prompts closer ties with Japan to safeguard democracy"
    assert RECORDS["000"]["title"] == "NATO and Japan Pledge to Strengthen Ties"


def test_no_warnings_on_the_wire_story_prose():
    """000's body is the wire story almost verbatim: nothing above info there but its one
    piece of real debris, the missing space in 'order.”According'."""
    text, record = TEXTS["000"], RECORDS["000"]
    body_start = text.index("Transatlantic military alliance")
    body_end = text.index("Previous article")
    debris = text.index("order.”According")
    for f in record["findings"]:
        if f["start"] is not None and body_start <= f["start"] < body_end:
            if f["severity"] != "info":
                assert f["category"] == "typography" and abs(f["start"] - debris) < 20, f
