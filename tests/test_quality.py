"""Gopher / C4 / FineWeb document-quality rules: examples, statistics, clean news."""
from __future__ import annotations

import gzip
import json

import pytest

from scanner.checks import quality
from scanner.finding import Severity
from tests.conftest import doc_of, shared_path

RULES = [cls() for cls in quality.RULES]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule):
    for example in rule.examples:
        found = [f for f in rule.check(doc_of(example.text, example.title)) if f.rule == rule.id]
        assert bool(found) == example.flagged, (rule.id, example.text)


def test_statistics():
    stats = quality.text_stats(doc_of("The cat sat.\nThe cat sat.\n12 34 #tag ...\n"))
    assert stats.words == 10 and stats.alpha_words == 7
    assert stats.duplicate_lines == 1 and stats.duplicate_line_chars == len("The cat sat.")
    assert stats.hashes == 1 and stats.ellipses == 1 and stats.stop_words == 2


@pytest.mark.parametrize("text", ["No sign here.", "#tag and #tag", "#", ".. . ..", "...", "....",
                                  "......", "a... b.... c.......", "… ... …"])
def test_hashes_and_ellipses_are_the_texts_counts(text):
    """The "#" count's search before it, and "..." counted by a regex: str.count's answers."""
    stats = quality.text_stats(doc_of(text + " word" * 60))
    assert stats.hashes == text.count("#")
    assert stats.ellipses == text.count("...") + text.count("…")



def _reference_letter_counts(text: str) -> tuple[int, int]:
    """_letter_counts written out: a letter is A-Z, a-z or a character from U+00C0 to U+FFFF."""
    def letter(char: str) -> bool:
        return char.isalpha() if char.isascii() else 0xC0 <= ord(char) <= 0xFFFF
    words = text.split()
    punctuation = sum(char in quality._PUNCTUATION for char in text)
    return sum(any(map(letter, word)) for word in words), sum(map(len, words)) - punctuation


@pytest.mark.parametrize("text", ["The cat sat. 12 34 #tag ...", "“Quoted,” she said — 5 € ☃ 𝔘\ud800 x",
                                  "a\u00a0b\u2003c ’d’ 12\u3000e", ""])
def test_letter_counts_from_the_texts_views_or_its_own(text):
    """The counts are the same whether the caller gives the text's UTF-8 and characters beyond
    ASCII or not (a text with white space beyond ASCII is counted with it made a space,
    whatever the caller gives)."""
    utf8, beyond = text.encode("utf-8", "surrogatepass"), "".join(c for c in text if not c.isascii())
    assert quality._letter_counts(text) == _reference_letter_counts(text)
    assert quality._letter_counts(text, None, utf8, beyond) == _reference_letter_counts(text)

ROWS = [("North East", "£165,200", "+5.4%", "+1.2%"), ("North West", "£214,900", "+6.1%", "+1.6%"),
        ("Yorkshire", "£209,300", "+4.7%", "+1.1%"), ("East Midlands", "£246,800", "+3.9%", "+0.8%"),
        ("West Midlands", "£251,100", "+4.2%", "+0.9%"), ("London", "£521,700", "+0.9%", "+0.2%"),
        ("South East", "£384,500", "+1.8%", "+0.3%"), ("South West", "£318,000", "+2.6%", "+0.6%"),
        ("Wales", "£218,400", "+4.4%", "+1.0%"), ("Scotland", "£191,200", "+3.1%", "+0.7%")]
HEADER = ("Region", "Average price", "Annual change", "Quarterly change")


def test_a_markdown_tables_markup_is_neither_words_nor_lines():
    """QA pass 33: an article with a data table got RDB015 "Only 70.6% of words contain a
    letter" as Markdown (its pipes and |---| row counted as words), not as plain text."""
    markdown = "\n".join(["| " + " | ".join(row) + " |" for row in [HEADER]]
                         + ["|---|:---:|---:|---|"]
                         + ["| " + " | ".join(row) + " |" for row in ROWS])
    plain = "\n".join("   ".join(row) for row in [HEADER, *ROWS])
    as_markdown = doc_of(f"{quality._PROSE}\n{markdown}\n", format="markdown")
    as_text = doc_of(f"{quality._PROSE}\n{plain}\n", format="text")
    md, txt = quality.text_stats(as_markdown), quality.text_stats(as_text)
    assert (md.words, md.alpha_words, len(md.lines)) == (txt.words, txt.alpha_words, len(txt.lines))
    # plain text: every token of the prose and the table's cells is a word
    assert txt.words == len(quality._PROSE.split()) + sum(len(" ".join(r).split()) for r in [HEADER, *ROWS])
    assert not list(quality.NonAlphaWords().check(as_markdown))


def test_pipes_and_rules_outside_a_markdown_table_are_words_and_lines():
    text = quality._PROSE + "\nRates | Fees | Terms\n\nBefore --- after, the rule said.\n"
    stats = quality.text_stats(doc_of(text, format="markdown"))
    assert stats.words == len(text.split())
    assert stats.lines[-2:] == ["Rates | Fees | Terms", "Before --- after, the rule said."]


def test_findings_are_whole_document():
    doc = doc_of(quality._PROSE + "WhatsApp Channel Join Now\n" * 3)
    found = list(quality.DuplicateLines().check(doc))
    assert found and found[0].start is None and found[0].severity is Severity.INFO


def test_clean_bbc_training_articles_get_no_warning():
    path = shared_path("data", "bbc", "bbc.jsonl.gz")
    with gzip.open(path, "rt") as fh:
        articles = [json.loads(line) for line in fh]
    sample = [a for a in articles if int(a["id"].rsplit("-", 1)[1]) % 5][:300]
    warned = [a["id"] for a in sample
              if any(f.severity.rank >= Severity.WARNING.rank
                     for rule in RULES for f in rule.check(doc_of(a["text"], a["title"])))]
    assert len(warned) <= 3, warned


def test_the_word_count_message_gives_the_configured_limit_and_counts_right():
    rule = quality.ShortDocument()
    (one,) = rule.check(doc_of("Hello."))
    assert one.message == "Only 1 word (Gopher minimum 50)."
    rule.options.update(min_words=200)
    (few,) = rule.check(doc_of(quality._PROSE))
    assert few.message == "Only 119 words (minimum 200; Gopher's is 50)."
    rule.options.update(min_words=50, max_words=100)  # the name is too-few-words: say "many"
    (many,) = rule.check(doc_of(quality._PROSE))
    assert many.message == "Too many words for an article: 119 (maximum 100; Gopher's is 100,000)."


def test_a_published_league_table_is_only_info():
    rows = "\n".join(f"{k} Team{chr(64 + k)} 24 {20 - k} {k % 5} {k} {30 - 2 * k} {60 - 3 * k}"
                     for k in range(1, 21))
    text = ("Premier League table after Saturday's matches, with games played, won, drawn and "
            f"lost, goal difference and points.\n\n{rows}\n")
    (finding,) = quality.NonAlphaWords().check(doc_of(text))
    assert finding.severity is Severity.INFO


def test_a_ratio_just_past_its_limit_is_not_printed_as_the_limit():
    # QA pass 24: "Only 80% of words contain a letter (minimum 80%)" for a ratio of 0.796
    text = " ".join(["word"] * 796 + ["1234"] * 204)
    found = list(quality.NonAlphaWords().check(doc_of(text)))
    assert found and "Only 79.6% of words" in found[0].message


@pytest.mark.parametrize(("line", "bullet"), [
    ("- Turnout was 61 per cent", True), ("* Turnout was 61 per cent", True),
    ("–\tTurnout was 61 per cent", True), ("•Turnout was 61 per cent", True),
    ("● Turnout was 61 per cent", True), ("**11:58 p.m.** Polls are now closed.", False),
    ("*Updated* Polls are now closed.", False), ("***", False), ("-5C overnight in the glens", False),
    ("–30 years on, the mill is a museum", False), ("Turnout was 61 per cent", False)])
def test_a_bullet_is_a_bullet_glyph_or_a_marker_and_white_space(line, bullet):
    """QA pass 41: RDB013 counted a live blog's bold time stamps ("**11:58 p.m.**") as bullets;
    italics and a "***" rule were no better."""
    stats = quality.text_stats(doc_of("Polls closed at 10 p.m. across the province tonight.\n" + line + "\n"))
    assert stats.bullet_lines == bullet


def test_a_terminal_line_ends_with_one_of_finewebs_marks():
    ends = [".", "!", "?", '"', "'", "”", "’", "…", ":", ")", "»", ";", ",", "-", "a", "“", "«"]
    stats = quality.text_stats(doc_of("\n\n".join(f"Line {k} of the page{end}" for k, end in enumerate(ends))))
    assert len(stats.lines) == len(ends) and stats.terminal_lines == 11
