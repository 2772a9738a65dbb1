"""The document-language detector's word splitting (scanner/language.py)."""
from __future__ import annotations

import re
import sys

import pytest

from scanner.language import ENGLISH_STOP_WORDS, detect_language, english_stop_share, letter_runs

REGEX = re.compile(r"[^\W\d_]+")  # the definition letter_runs must match


@pytest.mark.parametrize("text", [
    "plain ascii, with punctuation; digits 42x7 and under_scores!",
    "curly “quotes” and don’t – dashes — and… ellipses\u00a0nbsp",
    "accented café naïve Zürich and ‘quotes’ together",
    "Кириллица и latin mixed, 123",
    "tabs\tand\nnewlines\r\nand \x1c separators \x7f",
    "",
    "’“”–—…",
])
def test_letter_runs_are_the_regex_letter_runs(text):
    assert letter_runs(text) == REGEX.findall(text)
    assert letter_runs(text.lower()) == REGEX.findall(text.lower())


@pytest.mark.parametrize("text", [
    "The Council, THE council and of-the-people: AND IT WAS SAID",  # ASCII, lowercased by bytes
    "curly “The” and don’t – it — was… as\u00a0if",  # ASCII once its typographic marks are spaces
    "Café of the Zürich and ‘the’ naïve",  # not ASCII: the regex on the lowercased text
    "\u212a THE \u212aelvin İt İS",  # KELVIN SIGN lowercases to ASCII "k", İ to "i̇"
    "Â\xa0the Âof and Ünïcode² ΣΟΦΟΣ the ß",  # letters beyond ASCII only: split as UTF-8
    "Â£5 of the©the •and ٣the é\u0307the\u200bthe \ud800the",  # and no letters, no case: spaces
    "the £5 of 2² and_the İt",  # and a character that is neither: the regex
    "", "…", "42 7",
])
def test_english_stop_share_is_that_of_the_lowercased_letter_runs(text):
    words = REGEX.findall(text.lower())
    expected = (sum(word in ENGLISH_STOP_WORDS for word in words) / len(words), len(words)) if words else (0.0, 0)
    assert english_stop_share(text) == expected


def test_english_and_other_languages():
    english = ("The council said on Monday that it would review the plans for the new "
               "library, and that residents could comment on them until the end of the month. ")
    assert detect_language(english * 3) == "en"
    french = ("Le conseil a déclaré lundi qu’il examinerait les projets de la nouvelle "
              "bibliothèque et que les habitants pourraient les commenter jusqu’à la fin du mois. ")
    assert detect_language(french * 3) == "fr"


@pytest.mark.parametrize("headline, language", [
    ("Mayor resigns after vote", "en"),  # langdetect: Danish
    ("Rents rise in capital", "en"),  # langdetect: Catalan
    ("Prime minister visits Berlin", None),  # no function word either way: unknown, not German
    ("Oil price falls", None),  # langdetect: Italian
    ("Der Kanzler besucht Paris", "de"),  # a German article
    ("Le président visite Paris", "fr"),  # a French letter
    ("Björk to tour Europe", "en"),  # an accented name beside an English function word
    ("Mayor of São Paulo resigns", "en"),
    ("Großbrand zerstört Lagerhalle", "de"),  # no function word, but letters English lacks
    ("Le Pen wins", None),  # a name's particle is no French (langdetect: German)
    ("Le Pen wins in the north", "en"),
    ("La Liga title race", None),  # langdetect: Italian
    ("Le Pen gagne le second tour", "fr"),  # a name's particle, then a French function word
])
def test_a_short_headline_gets_langdetects_guess_only_with_evidence_of_its_own(headline, language):
    assert detect_language(headline) == language


@pytest.mark.parametrize("text", [
    "Der Präsident sagte, die Lage sei ernst und man müsse jetzt handeln.",
    "Scheer je lekker glad met de iPhone 6 #hairgate",
    "C Latham (Australia); B Lima (Samoa), J Fourie (SA) T Umaga (New Zealand)",
    "当サイトではクッキーを使用しています。",
    "Jens Stoltenberg met Fumio Kishida in Tokyo on Tuesday.",
])
def test_language_probabilities_are_langdetects_to_the_bit(text):
    from langdetect.detector import Detector

    from scanner.language import _factory, language_probabilities

    detector = Detector(_factory())
    detector.append(text)
    expected = tuple((guess.lang, guess.prob) for guess in detector.get_probabilities())
    found = language_probabilities.__wrapped__(text)
    assert found == expected and all(type(p) is float for _, p in found)


def test_past_the_kept_ngrams_the_probabilities_are_langdetects_to_the_bit(monkeypatch):
    from langdetect.detector import Detector

    from scanner import language

    text = "Der Präsident sagte, die Lage sei ernst und man müsse jetzt handeln."
    detector = Detector(language._factory())
    detector.append(text)
    expected = tuple((guess.lang, guess.prob) for guess in detector.get_probabilities())
    monkeypatch.setattr(language, "KEPT_NGRAMS", 3)  # three n-grams kept, the others built anew
    monkeypatch.setattr(language._array_detector(), "weights", {})
    assert language.language_probabilities.__wrapped__(text) == expected
    assert len(language._array_detector().weights) == 3


def test_characters_beyond_ascii_are_letters_or_spaces_as_the_regex_reads_them():
    # what english_stop_share's split of a text beyond ASCII as UTF-8 relies on (all of Unicode)
    from scanner.language import _beyond_ascii_kind

    kinds = set()
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        kind = _beyond_ascii_kind(char)
        kinds.add(kind)
        lowered = char.lower()
        if kind == "letter":
            assert not any(map(str.isascii, lowered)) and REGEX.fullmatch(lowered), hex(code)
        elif kind == "space":
            assert lowered == char and not REGEX.search(char), hex(code)
    assert kinds == {"letter", "space", None}
