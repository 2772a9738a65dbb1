"""Spin detection against data outside the repo: the spinner (Debian thesauri), the packs
against the PPS list, and false positives on the held-out BBC split (../shared)."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from scanner.checks.spin import CollocationBreak
from scanner.document import Document
from scanner.finding import Severity
from scanner.resources import data_path
from scanner.spin import spin_probability
from tests.conftest import shared_path

PACKS = ("spin-news.yaml", "spin-science.yaml")


def pack_phrases() -> dict[str, str]:
    phrases: dict[str, str] = {}
    for name in PACKS:
        for rule in yaml.safe_load(data_path("rules", name).read_text(encoding="utf-8"))["rules"]:
            phrases.update(rule["phrases"])
    return phrases


def test_packs_map_every_phrase_to_a_different_original():
    phrases = pack_phrases()
    assert len(phrases) >= 60
    assert all(wrong.lower() != right.lower() for wrong, right in phrases.items())


def test_packs_share_no_phrase_with_the_pps_list():
    shared_path("data", "tortured", "pps_tortured_phrases.csv")
    from scanner.spin.corpora import pps_pairs

    pps = {" ".join(w.lower().split()) for w, _ in pps_pairs()}
    for wrong in pack_phrases():
        padded = f" {wrong.lower()} "
        assert not [p for p in pps if f" {p} " in padded], wrong


def test_spinner_swaps_words_and_reports_exact_spans():
    if not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs WordNet 3.0 from the Debian package wordnet-base")
    pytest.importorskip("wordfreq", reason="the spinner is training-time code ([train] extra)")
    from scanner.spin.spinner import SpinStyle
    from scanner.spin.synth import spinner

    text = ("The government said on Tuesday that it would increase military support and "
            "strengthen relations with its closest partners in the region.")
    spun, swaps = spinner().spin(text, SpinStyle("wordnet", rate=1.0, pick="first"),
                                 random.Random(0))
    assert spun != text and len(swaps) >= 5
    for start, end, original in swaps:
        assert spun[start:end].lower() != original.lower()
    assert "Tuesday" in spun  # names are kept


def test_consistent_spinner_keeps_one_choice_per_word():
    if not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs WordNet 3.0 from the Debian package wordnet-base")
    pytest.importorskip("wordfreq", reason="the spinner is training-time code ([train] extra)")
    from scanner.spin.spinner import SpinStyle
    from scanner.spin.synth import spinner

    text = " ".join(["The army moved its missiles.", "Officials said the missiles were old."] * 6)
    mixed = {True: 0, False: 0}  # texts where "missiles" is replaced in some places only
    for consistent in mixed:
        for seed in range(20):
            spun, swaps = spinner().spin(text, SpinStyle("wordnet", rate=0.5,
                                                         consistent=consistent),
                                         random.Random(seed))
            choices: dict[str, set[str]] = {}
            for start, end, original in swaps:
                choices.setdefault(original.lower(), set()).add(spun[start:end].lower())
            if consistent:
                assert all(len(words) == 1 for words in choices.values())
            mixed[consistent] += "missiles" in choices and "missiles" in spun
    assert mixed[True] == 0 and mixed[False] > 0


def test_moby_entries_are_read_and_offered_inflected(tmp_path, monkeypatch):
    from scanner.spin.thesauri import read_moby

    path = tmp_path / "words.txt"
    path.write_text("help,aid,assist,lend a hand,Boost,2x\nRed Cross,aid\n", encoding="utf-8")
    entries = read_moby(path)
    assert entries == {"help": ["aid", "assist", "lend a hand"]}
    if not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs WordNet 3.0 from the Debian package wordnet-base")
    pytest.importorskip("wordfreq", reason="the spinner is training-time code ([train] extra)")
    from scanner.spin.spinner import SpinStyle
    from scanner.spin.synth import spinner

    shared = spinner()
    monkeypatch.setattr(shared, "loaded", {"moby": entries})
    monkeypatch.setattr(shared, "_cache", {})
    offered = shared.replacements("helps", SpinStyle("moby"))
    assert {"aids", "assists", "lends a hand"} <= set(offered)


def test_thesauri_given_by_path_are_loaded_into_the_shared_spinner(tmp_path, monkeypatch):
    if not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs WordNet 3.0 from the Debian package wordnet-base")
    pytest.importorskip("wordfreq", reason="the spinner is training-time code ([train] extra)")
    from scanner.spin.spinner import SpinStyle
    from scanner.spin.synth import load_thesauri, spinner

    path = tmp_path / "words.txt"
    path.write_text("help,aid\n", encoding="utf-8")
    monkeypatch.setattr(spinner(), "loaded", {})
    monkeypatch.setattr(spinner(), "_cache", {})
    assert load_thesauri({"moby": path, "aiksaurus": None}) == ("moby",)
    assert spinner().replacements("helps", SpinStyle("moby")) == ["aids"]
    assert "aiksaurus" not in spinner().loaded


def test_aiksaurus_files_are_read_as_words_and_their_meanings(tmp_path):
    import struct

    from scanner.spin.thesauri import read_aiksaurus

    def numbers(*values):
        return struct.pack(f">{len(values)}H", *values) + b"\xff\xff"

    # words 0-3; meaning 0 groups help / aid / lend a hand, meaning 1 help / Boost (a name)
    words = [("aid", [0]), ("Boost", [1]), ("help", [0, 1]), ("lend:a:hand", [0])]
    (tmp_path / "words.dat").write_bytes(
        b"".join(w.encode() + b"\0" + numbers(*m) for w, m in words))
    (tmp_path / "meanings.dat").write_bytes(numbers(2, 0, 0, 2, 3) + numbers(2, 1, 1, 2))
    entries = read_aiksaurus(tmp_path)
    assert entries["help"] == ["aid", "lend a hand"]
    assert entries["aid"] == ["help", "lend a hand"]
    assert "Boost" not in entries and "lend a hand" not in entries


def test_a_spinner_source_that_is_not_loaded_is_an_error():
    if not Path("/usr/share/wordnet/data.noun").exists():
        pytest.skip("needs WordNet 3.0 from the Debian package wordnet-base")
    pytest.importorskip("wordfreq", reason="the spinner is training-time code ([train] extra)")
    from scanner.spin.spinner import SpinStyle
    from scanner.spin.synth import spinner

    with pytest.raises(ValueError, match="'aiksaurus' is not loaded"):
        spinner().replacements("helps", SpinStyle("aiksaurus"))


def test_heldout_bbc_rarely_gets_spin_warnings_or_scores():
    shared_path("data", "bbc", "bbc.jsonl.gz")
    from scanner.spin.corpora import clean_texts

    rule = CollocationBreak()
    docs = [Document(text, id=i) for i, text in clean_texts("heldout")]
    warned = sum(any(f.severity != Severity.INFO for f in rule.check(d)) for d in docs)
    spun = sum((spin_probability(d) or 0) >= 0.5 for d in docs)
    assert warned / len(docs) <= 0.05
    assert spun / len(docs) <= 0.05
