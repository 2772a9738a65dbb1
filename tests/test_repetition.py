"""Repetition rules: the seeds' repeated lines and stutters, and silence on clean news."""
from __future__ import annotations

from collections import Counter
from itertools import compress

import numpy as np
import pytest

from scanner.checks import repetition
from scanner.document import Document
from scanner.finding import Severity
from tests.conftest import SEEDS, doc_of
from tests.heldout import bbc_articles, seed_findings, warned_articles

RULES = [cls() for cls in repetition.RULES]


def test_seed_repeats_are_found_on_each_later_copy():
    found = seed_findings(RULES)
    assert sorted(found["002"]) == sorted([
        ("REP001", ("Japanese Prime Minister Fumio Kishida talks with visiting NATO "
                    "Secretary-General Jens Stoltenberg on January 2023, 31. (Photo of joint "
                    "media interview)")),
        ("REP001", "WhatsApp Channel Join Now"),
        ("REP001", "Telegram Group Join Now"),
        ("REP001", "Discover more from Meritnews24"),
        ("REP010", None),  # 26% of its characters in duplicated 5-grams
    ])
    assert found["004"] == [("REP003", "freedom and freedom")]  # not the repeated date line
    assert found["003"] == [("REP002", "with with")]
    assert found["000"] == found["001"] == []


def test_duplicate_line_points_at_the_first_copy():
    text = "Join our channel now\nBody text of the story.\n  Join our CHANNEL now  \n"
    (finding,) = repetition.DuplicateLine().check(doc_of(text))
    assert text[finding.start:finding.end] == "Join our CHANNEL now"
    assert finding.data == {"first_line": 1, "first_start": 0}


def test_a_repeated_passage_is_a_warning_and_a_repeated_label_is_info():
    passage = "The ministers agreed to meet again in Brussels before the summit in July."
    caption = ("Kishida talks with Stoltenberg in Tokyo on Tuesday. Photo is from the ministry's "
               "Facebook page")  # no full stop at the end
    heading = "3. What will the alliance do if the talks in Brussels fail again this year?"
    block = f"Key features\nPrice: $20 per month\n{heading}\n{passage}\n{caption}\n"
    text = block + block  # a table of contents repeats the numbered heading
    severities = {text[f.start:f.end]: f.severity for f in repetition.DuplicateLine().check(doc_of(text))}
    assert severities == {"Key features": Severity.INFO, "Price: $20 per month": Severity.INFO,
                          heading: Severity.INFO, passage: Severity.WARNING,
                          caption: Severity.WARNING}


_WRAPPED = ("The ministers agreed on Tuesday to meet again in Brussels before the summit\n"
            "in July, where the alliance is expected to approve a new plan for its\n"
            "eastern members and for the partners that have asked for closer ties.\n")
_OTHER = ("Officials in Tokyo said the plan would be discussed at length by the cabinet\n"
          "next week, and that the talks so far had gone better than many had feared\n"
          "when the meeting was first announced by the two governments last month.\n")


def test_a_pasted_paragraph_of_wrapped_text_is_one_warning_over_the_paragraph():
    text = f"{_WRAPPED}\n{_OTHER}\n{_WRAPPED}\n{_OTHER}"
    found = list(repetition.DuplicateLine().check(doc_of(text)))
    assert [(text[f.start:f.end], f.severity, f.data["first_line"]) for f in found] == [
        (_WRAPPED.strip(), Severity.WARNING, 1), (_OTHER.strip(), Severity.WARNING, 5)]


def test_a_markdown_line_repeated_inside_its_paragraph_is_found():
    repeated = "Read the full report on the council website today."
    text = ("# Council approves budget\n\nThe council met on Tuesday.\n"
            f"The budget passed by 31 votes to 12.\n{repeated}\n{repeated}\n")
    (finding,) = repetition.DuplicateLine().check(doc_of(text, format="markdown"))
    assert text[finding.start:finding.end] == repeated and finding.data["first_line"] == 5
    assert finding.message == "Line repeats line 5."


def test_a_repeated_paragraph_is_named_a_paragraph():
    text = f"{_WRAPPED}\n{_OTHER}\n{_WRAPPED}"
    (finding,) = repetition.DuplicateLine().check(doc_of(text))
    assert finding.message == "Paragraph repeats the one at line 1."


def test_wrapped_paragraphs_that_share_a_line_are_not_repeats():
    shared = "in July, where the alliance is expected to approve a new plan for its\n"
    other = _OTHER.replace(_OTHER.splitlines()[1] + "\n", shared)
    text = f"{_WRAPPED}\n{other}"
    assert list(repetition.DuplicateLine().check(doc_of(text))) == []


@pytest.mark.parametrize("text, severity", [
    ("It must be in unity and togetherness, freedom and freedom and independence.", Severity.WARNING),
    ("Voters want peace or peace, the poll found.", Severity.WARNING),
    ("Thoughts of suicide and suicide attempts were higher in 2022.", Severity.INFO),
    ("We used agency data and data from several reputable sources.", Severity.WARNING),
    ("Voters want peace and peace in the region, the poll found.", Severity.WARNING),
    ("The talks covered security and security cooperation in the region.", Severity.INFO),
])
def test_self_coordination_before_a_compound_is_info_and_else_a_warning(text, severity):
    (finding,) = repetition.SelfCoordination().check(doc_of(text))
    assert finding.severity is severity


@pytest.mark.parametrize("text, excerpt", [
    ("The transport department backed the scheme and the scheme, saying it was part of a plan.",
     "the scheme and the scheme"),
    ("He said he would never leave his party or his party.", "his party or his party"),
    ("“The scheme and the scheme and the plan,” she said.", "The scheme and the scheme"),
])
def test_a_noun_phrase_coordinated_with_itself_is_flagged(text, excerpt):
    (finding,) = repetition.SelfCoordination().check(doc_of(text))
    assert finding.excerpt == excerpt and finding.severity is Severity.WARNING


@pytest.mark.parametrize("text", [
    "The council approved the scheme and the scheme will start in May.",
    "Marriage between a woman and a woman is now legal there.",
    "He pointed at this book and this book, then left.",
    "The more and the more they tried, the worse it got; for the hours and the hours.",
    "The Times and the Times of India both ran the story.",
    "She backed the scheme and the schemes that followed it, and the scheme's cost.",
    "It was the time and the time again that mattered.",
])
def test_noun_phrases_that_english_repeats_are_not_self_coordination(text):
    assert list(repetition.SelfCoordination().check(doc_of(text))) == []


def test_fixed_and_emphatic_pairs_are_not_self_coordination():
    text = "Split it half and half. The loop goes around and around. Our team grew and grew."
    assert list(repetition.SelfCoordination().check(doc_of(text))) == []


def test_every_later_copy_is_flagged():
    doc = doc_of("Share this story now\nOne.\nShare this story now\nTwo.\nShare this story now\n")
    assert [f.data["first_line"] for f in repetition.DuplicateLine().check(doc)] == [1, 1]


def test_doubled_word_suggests_one_copy_and_is_info():
    (finding,) = repetition.DoubledWord().check(doc_of("He arrived in in Tokyo."))
    assert finding.suggestion == "in" and finding.severity is Severity.INFO


@pytest.mark.parametrize("text, severity", [
    ("The alliance will respond to the the attack.", Severity.WARNING),
    ("Look what happened to a a once proud club.", Severity.WARNING),
    ("Photos of of the king were shown.", Severity.WARNING),
    ("Users can log in in seconds.", Severity.INFO),  # two words' "in"
    ("They are looking at at least two markets.", Severity.INFO),
])
def test_a_doubled_article_of_or_and_is_a_warning_and_other_doubles_info(text, severity):
    (finding,) = repetition.DoubledWord().check(doc_of(text))
    assert finding.severity is severity


@pytest.mark.parametrize("text", [
    "Pedestrians and pedestrians are the lifeblood of the high street.",
    "Shops depend on pedestrians and pedestrians, who rarely drive into town.",
    "The plan ignores the cyclists and the cyclists.",
])
def test_a_plural_coordinated_with_itself_where_it_opens_a_noun_phrase_is_flagged(text):
    assert [f.severity for f in repetition.SelfCoordination().check(doc_of(text))] == [
        Severity.WARNING]


@pytest.mark.parametrize("text", [
    "Head teachers and teachers in the region met the minister.",  # a contrast after a modifier
    "Struggling students or students with special needs get help.",
    "The debt grows and grows.",  # a verb after its subject
    "There were hundreds and hundreds of them, pages and pages of notes.",
])
def test_plurals_in_contrasts_counts_and_verbs_are_not_self_coordination(text):
    assert list(repetition.SelfCoordination().check(doc_of(text))) == []


def test_ngram_repetition_quotes_the_repeated_text():
    text = "The summit ended. " + "Cheap flights to Tokyo and Osaka today only. " * 6
    (finding,) = repetition.NgramRepetition().check(doc_of(text))
    assert finding.start is None and finding.data["n"] == 5 and finding.data["share"] > 0.8
    assert finding.data["repeated"] in text.lower()


def _full_count_share(tokens: list[str], n: int) -> tuple[float, str]:
    """Gopher's duplicate n-gram share counted over every n-gram, and the most repeated one."""
    grams = list(zip(*(tokens[i:] for i in range(n))))
    counts = Counter(grams)
    covered = bytearray(len(tokens))
    for start, gram in enumerate(grams):
        if counts[gram] > 1:
            covered[start:start + n] = b"\1" * n
    share = sum(compress(map(len, tokens), covered)) / sum(map(len, tokens))
    top, times = max(counts.items(), key=lambda item: item[1])
    return share, " ".join(top) if times > 1 else ""


@pytest.mark.parametrize("colliding", [False, True])
def test_ngram_shares_from_hashed_candidates_equal_full_counts(colliding):
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS]
    texts = [seeds[2], seeds[0] + seeds[1] + seeds[0][:900], seeds[3] * 2 + seeds[4],
             "Cheap flights to Tokyo and Osaka. " * 5 + seeds[1]]
    for text in texts:
        tokens = text.lower().split()
        hashes = Document(text).lower_token_hashes
        if colliding:  # every hash equal: all positions are candidates, counted exactly
            hashes = np.zeros_like(hashes)
        starts = repetition._maybe_repeated_starts(hashes, 5)
        chained = starts  # as the rule goes on: the copies of the repeated n-grams for n + 1
        for n in range(5, 11):
            for candidates in (starts, chained):
                covered, repeated, copies = repetition._duplicated(tokens, n, candidates)
                share = sum(compress(map(len, tokens), covered)) / sum(map(len, tokens))
                assert (share, repeated) == _full_count_share(tokens, n), (n, text[:40])
            chained = copies


def test_ngram_repetition_ignores_a_repeated_phrase():
    from scanner.checks.readability import _NEWS

    text = _NEWS + "As he said, the war in Ukraine matters to all of us.\n"
    assert "the war in Ukraine" in _NEWS
    assert list(repetition.NgramRepetition().check(doc_of(text))) == []


def test_held_out_bbc_articles_get_almost_no_warning():
    articles = bbc_articles(held_out=True)
    warned = warned_articles(RULES, articles)
    assert len(warned) <= 0.005 * len(articles), warned


def test_a_table_of_contents_is_flagged_at_its_entries_not_at_the_headings():
    # pointing at the headings would have a cleaner drop the article's section titles and
    # keep the contents list (QA pass 20)
    sections = ["Why brown the butter?", "Ingredient notes", "How to make them"]
    body = "".join(f"{title}\n\nThe text of section {n} runs on for a sentence or two here.\n\n"
                   for n, title in enumerate(sections))
    text = "Table of Contents\n\n" + "\n\n".join(sections) + "\n\n" + body
    doc = doc_of(text)
    found = list(repetition.DuplicateLine().check(doc))
    assert [(doc.line_index(f.start) + 1, f.severity, f.data["heading_line"]) for f in found] == [
        (3, Severity.INFO, 9), (5, Severity.INFO, 13), (7, Severity.INFO, 17)]
    assert found[0].message == "Table of contents entry: line 9 repeats it as a heading."
    # two entries are no table of contents: the later copy is flagged, as any repeat
    text = "Table of Contents\n\n" + "\n\n".join(sections[:2]) + "\n\n" + body
    doc = doc_of(text)
    assert [doc.line_index(f.start) + 1 for f in repetition.DuplicateLine().check(doc)] == [7, 11]



def test_one_word_headings_count_as_entries_of_a_table_of_contents():
    # QA pass 41: a review's "Jump to:" list had one heading of two words; the one-word ones
    # get no finding of their own, so the article's own subhead was flagged, not the entry
    sections = ["Design and display", "Performance", "Battery", "Verdict"]
    body = "".join(f"{title}\n\nThe text of section {n} runs on for a sentence or two here.\n\n"
                   for n, title in enumerate(sections))
    text = "Jump to:\n" + "\n".join(sections) + "\n\n" + body
    doc = doc_of(text)
    found = list(repetition.DuplicateLine().check(doc))
    assert [(doc.line_index(f.start) + 1, f.data.get("heading_line")) for f in found] == [(2, 7)]
    # the same lines pasted again as a block (none between them) are no contents list: the
    # later copy is flagged, as any repeat
    block = "\n".join(sections) + "\n"
    doc = doc_of(block + "\nThe text of the review runs on for a sentence or two here.\n\n" + block)
    assert [doc.line_index(f.start) + 1 for f in repetition.DuplicateLine().check(doc)] == [8]

def test_a_refrain_is_an_info_and_a_pasted_sentence_stays_a_warning():
    # QA pass 24: an op-ed's refrain, one sentence coming back after other paragraphs
    refrain = "And still nobody in the government has explained where the money actually went."
    other = ("The minister was asked about it in Parliament in March and again in June. Both "
             "times she said the matter was under review.")
    found = list(repetition.DuplicateLine().check(doc_of(f"{refrain}\n\n{other}\n\n{refrain}\n")))
    assert [f.severity for f in found] == [Severity.INFO]
    # the same sentence pasted right under itself, or longer than a refrain, is a warning
    found = list(repetition.DuplicateLine().check(doc_of(f"{other}\n{refrain}\n{refrain}\n")))
    assert [f.severity for f in found] == [Severity.WARNING]


@pytest.mark.parametrize("count", [0, 4, 5, 6, 400])
def test_gram_hashes_are_the_polynomial_of_the_token_hashes(count):
    words = np.random.default_rng(count).integers(0, 2**64, count, dtype=np.uint64)
    multiplier = int(repetition._HASH_MULTIPLIER)
    expected = []
    for start in range(count - 4):
        value = 0
        for word in words[start:start + 5].tolist():
            value = (value * multiplier + word) % 2**64
        expected.append(value)
    assert repetition._gram_hashes(words, 5).tolist() == expected


@pytest.mark.parametrize("text, repeated", [
    ("Share this\nA longer line of text\n\n  SHARE THIS \r\nEnd", True),  # same length, case aside
    ("Share this\nA longer line of text\nShare that!\nEnd", False),  # a length twice, no copy
    ("Share this\nA longer line of text\nEnd", False),  # lengths all differ: settled by them
    ("İstanbul news\ni\u0307stanbul news\nEnd", True),  # "İ" lowercases to two characters
    ("İstanbul news\nOther news\nEnd", False),
])
def test_a_repeated_line_is_found_case_and_edge_spaces_aside(text, repeated):
    doc = Document(text)
    lowered = [line.strip() for line in doc.lower_text.split("\n") if line.strip()]
    assert (len(set(lowered)) < len(lowered)) is repeated
    assert repetition._has_repeated_line(doc) is repeated


def test_determiner_initials_are_every_character_a_determiner_may_start_with():
    # the regex's matches of each determiner opened by any character that case relates to
    # another (the others match only themselves)
    words = repetition._DETERMINER.removeprefix("(?i:").removesuffix(")").split("|")
    cased = [char for char in map(chr, range(0x110000)) if char.lower() != char or char.upper() != char]
    starts = {char for char in cased for word in words
              if repetition._DETERMINER_WORD_RE.match(char + word[1:] + " ")}
    assert starts == repetition._DETERMINER_INITIALS


@pytest.mark.parametrize(("text", "found"), [
    ("He backed the scheme and The scheme, saying it works.", ["the scheme and The scheme"]),
    ("He backed its scheme and İts scheme, saying it works.", ["its scheme and İts scheme"]),
    ("He backed the scheme and a scheme, saying it works.", []),  # no determiner's initial
])
def test_a_phrase_coordinated_with_itself_whatever_its_determiners_case(text, found):
    findings = repetition.SelfCoordination().check(doc_of(text))
    assert [text[finding.start:finding.end] for finding in findings] == found


@pytest.mark.parametrize("after, word, back", [
    ("their \t  scheme,", "scheme", True),  # the longest determiner, blanks up to the window's end
    ("THEIR        scheme,", "scheme", True),
    ("the plan, not the scheme", "scheme", False),  # the word further on: the look says no
    ("the Scheme,", "scheme", False),  # the word not as written
    ("these schemes", "scheme", False),  # the word there, the determiner not
    ("the fee", "fee", False),  # a short word
])
def test_the_word_back_after_a_determiner_is_looked_for_where_the_regex_reads(after, word, back):
    text = "x and " + after
    assert repetition._back_after_determiner(text, 6, word) is back


@pytest.mark.parametrize("text, found", [
    # the first "and" reads on through a capitalised next word (its initial lowered), into the
    # pair after it, which the "or" finds again
    ("We want peace and Peaceland or peaceland, he said.", ["Peaceland or peaceland"] * 2),
    ("We want peace and Peaceland, he said.", []),
    ("We want peace and quiet or quietude, he said.", []),
])
def test_self_coordination_looks_on_where_the_next_word_opens_like_the_last(text, found):
    assert [f.excerpt for f in repetition.SelfCoordination().check(doc_of(text))] == found
