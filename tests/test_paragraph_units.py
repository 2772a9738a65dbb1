"""Paragraphs over several lines: hard-wrapped plain text and Markdown are judged a paragraph
at a time by the boilerplate analysis, scraped pages (a block per line) stay line by line."""
from __future__ import annotations

import textwrap

import pytest

from scanner.checks import boilerplate, quality
from scanner.finding import Severity
from scanner.markdown_blocks import markdown_blocks, without_table_markup
from scanner.paragraphs import paragraph_units
from scanner.wrapping import ends_sentence, wrapped_paragraphs
from tests.conftest import doc_of

RULES = [cls() for cls in boilerplate.RULES]
STORY = [
    "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance will strengthen "
    "its partnership with Japan, adding that the security of Europe and Asia is closely "
    "intertwined after the invasion of Ukraine.",
    "Japan has provided nonlethal aid to Ukraine, including drones, helmets and medical "
    "supplies, but it has not delivered weapons because of its strict export rules, which the "
    "government is now reviewing.",
    "Prime Minister Fumio Kishida said the two sides would hold regular talks on cyber defence "
    "and space, and that Japan would send a delegation to the summit in Vilnius in July.",
    "Stoltenberg travelled to Tokyo from Seoul, where he urged South Korea to do more for the "
    "defence of Ukraine, and where he met the defence minister and members of parliament.",
]
HEADLINES = ["NATO chief visits Japan to strengthen security ties with Tokyo",
             "Markets rally as inflation slows for a third month in the euro area",
             "Flood barrier on the river to be finished by the spring, engineers say",
             "Local school wins regional robotics prize for its climbing robot arm",
             "Council approves new library budget after a long debate in the chamber"]


def _lines(text: str) -> tuple[list[int], list[str]]:
    lines = text.split("\n")
    indices = [i for i, line in enumerate(lines) if line.strip()]
    return indices, [lines[i].strip() for i in indices]


def _wrapped(width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in STORY)


def _flagged(text: str, **metadata) -> list[str]:
    doc = doc_of(text, "Japan and NATO pledge closer ties", **metadata)
    return [f.excerpt for rule in RULES for f in rule.check(doc)]


def test_wrapped_lines_are_grouped_into_their_paragraphs():
    units, texts = wrapped_paragraphs(*_lines(_wrapped()))
    assert texts == STORY
    assert all(len(unit) > 1 for unit in units)


def test_a_paragraph_ending_in_a_short_capitalised_line_keeps_it():
    text = textwrap.fill(STORY[0] + " The talks included both the prime minister and", 72)
    text += "\nForeign Minister Hayashi.\n\n" + _wrapped()
    units, texts = wrapped_paragraphs(*_lines(text))
    assert texts[0].endswith("prime minister and Foreign Minister Hayashi.")


def test_a_wrapped_line_that_opens_with_by_and_no_name_goes_on():
    """QA pass 24: "... were approved / by the combined authority on Wednesday, ..." is one
    paragraph (a byline names someone: "by Jane Smith" stays a unit of its own, below)."""
    paragraph = ("Plans to extend the city's tram network to the airport were approved "
                 "by the combined authority on Wednesday, more than ten years after the route "
                 "was first proposed and two years after a funding shortfall put it on hold.")
    lines = textwrap.wrap(paragraph, 70)
    assert lines[1].startswith("by the")
    units, texts = wrapped_paragraphs(*_lines("\n".join(lines) + "\n\n" + _wrapped()))
    assert texts[0] == paragraph


def test_a_heading_after_a_filled_line_stays_alone():
    paragraphs = _wrapped().split("\n\n")
    text = paragraphs[0] + "\nRelated stories\n\n" + "\n\n".join(paragraphs[1:])
    units, texts = wrapped_paragraphs(*_lines(text))
    assert "Related stories" in texts


@pytest.mark.parametrize("line, own_block", [
    ("- regular talks on cyber defence", True), ("* regular talks on cyber defence", True),
    ("+ regular talks on cyber defence", True), ("• regular talks on cyber defence", True),
    ("3. regular talks on cyber defence", True), ("2) regular talks on cyber defence", True),
    ("> regular talks on cyber defence", True), ("# Regular talks on cyber defence", True),
    ("| Topic | Date |", True),
    ("#talks trended online after the visit", False), ("3.5 per cent of its budget", False),
    ("-30C nights in the north", False),
])
def test_a_list_item_quotation_heading_or_table_row_under_a_filled_line_starts_its_own_block(
        line, own_block):
    lines = textwrap.wrap(STORY[0], 72)
    text = "\n".join([lines[0], line, *lines[1:]]) + "\n\n" + _wrapped()
    units, texts = wrapped_paragraphs(*_lines(text))
    assert (texts[0] == lines[0]) is own_block


def test_scraped_pages_and_headline_lists_are_not_wrapped_text():
    assert wrapped_paragraphs(*_lines("\n".join(STORY))) is None
    assert wrapped_paragraphs(*_lines("\n".join(HEADLINES))) is None
    assert wrapped_paragraphs(*_lines("Home\nNews\nSport\nWeather\n" + "\n".join(STORY))) is None


def test_a_hard_wrapped_article_gets_no_boilerplate_finding():
    assert _flagged(_wrapped()) == []
    assert _flagged(_wrapped(60)) == []


def test_the_line_statistics_of_a_wrapped_article_count_its_paragraphs():
    doc = doc_of(_wrapped(60), "Japan and NATO pledge closer ties")
    assert [f.rule for cls in quality.RULES for f in cls().check(doc)] == []
    stats = quality.text_stats(doc)
    assert len(stats.lines) == len(STORY) and stats.terminal_lines == len(STORY)


def test_boilerplate_around_a_wrapped_article_is_still_found():
    text = "Home\nNews\nSport\nWeather\n\n" + _wrapped() + "\n\nLeave a Reply\nShare on Facebook\n"
    found = _flagged(text)
    assert any("Leave a Reply" in excerpt for excerpt in found)
    assert not any(STORY[1][:40] in excerpt.replace("\n", " ") for excerpt in found)


def test_a_headline_wrapped_over_two_lines_is_inferred_whole():
    headline = ("NATO and Japan agree to deepen security ties amid growing worries over the "
                "military power of China")  # its second line goes on in lowercase
    doc = doc_of(textwrap.fill(headline, 72) + "\n\n" + _wrapped())
    assert doc.title == headline
    assert _flagged(doc.text) == []


MARKDOWN = """\
# Japan and NATO pledge closer ties

NATO Secretary General Jens Stoltenberg said on Tuesday that the
alliance will strengthen its partnership with **Japan**, adding that
the security of [Europe](https://example.org/europe) and Asia is intertwined.

## What was agreed

- regular talks on cyber
  defence and space
- a delegation to Vilnius

| Topic | Date |
|---|---|
| Summit | July |

```
talks = schedule("Vilnius")
```
"""


def test_markdown_blocks_are_units_with_their_visible_text():
    units, texts, headings, tables = markdown_blocks(MARKDOWN, *_lines(MARKDOWN))
    assert texts == [
        "Japan and NATO pledge closer ties",
        "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance will "
        "strengthen its partnership with Japan, adding that the security of Europe and Asia is "
        "intertwined.",
        "What was agreed",
        "regular talks on cyber defence and space",
        "a delegation to Vilnius",
        "Topic Date",
        "|---|---|",  # the delimiter row belongs to no block: it stands alone
        "Summit July",
        'talks = schedule("Vilnius")',
    ]
    assert [len(unit) for unit in units] == [1, 3, 1, 2, 1, 1, 1, 1, 3]
    assert headings == {units[0]: 1, units[2]: 2}
    assert tables == [range(12, 15)]  # its lines in the text


def test_a_markdown_paragraph_over_several_lines_is_never_boilerplate():
    text = "\n\n".join(textwrap.fill(p, 90) for p in STORY)
    assert _flagged(text, format="markdown") == []


def test_a_markdown_heading_that_repeats_the_front_matter_title_is_the_title_line():
    text = "---\ntitle: Japan and NATO pledge closer ties\n---\n\n# Japan and NATO pledge closer ties\n\n"
    doc = doc_of(text + "\n\n".join(STORY), format="markdown")
    assert doc.title == "Japan and NATO pledge closer ties"
    assert doc.title_span is not None and doc.title_span.text.startswith("# Japan")
    found = [f for rule in RULES for f in rule.check(doc) if f.severity.rank >= Severity.INFO.rank]
    assert found == []


FOOTER = "Leave a Reply\nYour email address will not be published. Required fields are marked *\n"


def _flagged_texts(text: str, **metadata) -> set[str]:
    doc = doc_of(text, "Japan and NATO pledge closer ties", **metadata)
    return {doc.text[f.start:f.end] for rule in RULES for f in rule.check(doc)}


def test_furniture_under_a_paragraph_without_a_blank_line_stays_apart():
    wrapped = _wrapped() + " He flew back to Brussels on Friday.\n" + FOOTER
    assert _flagged_texts(wrapped) == {FOOTER.strip()}
    markdown = STORY[0] + "\n\n" + STORY[1] + "\n" + FOOTER
    assert _flagged_texts(markdown, format="markdown") == {FOOTER.strip()}


def test_a_byline_under_a_wrapped_headline_stays_apart_from_it():
    headline = "NATO and Japan agree to deepen security ties amid growing worries over"
    doc = doc_of(headline + "\nby Jane Smith, Tokyo correspondent\n\n" + _wrapped())
    units, texts = wrapped_paragraphs(*_lines(doc.text))
    assert headline in texts and "by Jane Smith, Tokyo correspondent" in texts


def test_a_page_of_headlines_with_bylines_is_not_wrapped_text():
    page = ("Japan and NATO pledge closer ties as China tensions grow\n"
            "by Jane Smith, Tokyo correspondent\n"
            "NATO chief Jens Stoltenberg said the alliance will deepen its ties with Japan.\n"
            "He said the security of Europe and Asia was closely intertwined after the war.\n"
            "This website uses cookies. By clicking Accept you agree to our Cookie Policy.\n"
            + "".join(f"{h}\nby Tom Jones, {n} hours ago\n" for n, h in enumerate(HEADLINES)))
    doc = doc_of(page)
    assert doc.title == "Japan and NATO pledge closer ties as China tensions grow"
    assert "This website uses cookies. By clicking Accept you agree to our Cookie Policy." in \
        _flagged_texts(page)


def test_markdown_lines_stay_aligned_after_a_lone_carriage_return():
    text = "Note\rwritten\rearlier\n\n" + STORY[0] + "\n\n" + STORY[1] + "\n\nShare on Facebook\nShare on Twitter\n"
    assert "Share on Facebook\nShare on Twitter" in _flagged_texts(text, format="markdown")


def test_an_explicit_title_wrapped_over_two_lines_is_found_in_the_text():
    headline = ("NATO and Japan agree to deepen security ties amid growing worries over the "
                "military power of China")
    doc = doc_of(textwrap.fill(headline, 72) + "\n\n" + _wrapped(), headline)
    assert doc.title_span is not None and " ".join(doc.title_span.text.split()) == headline


def test_inline_html_parts_the_words_of_a_markdown_block():
    line = "Read more<br>Share on Facebook<br/>Tweet"
    assert markdown_blocks(line + "\n", [0], [line])[1] == ["Read more Share on Facebook Tweet"]


def test_a_cue_word_ending_a_wrapped_sentence_stays_in_its_paragraph():
    last = "The ministry said it had seen the report but declined to make further\ncomment."
    assert len(last.split("\n")[0]) <= 72
    assert _flagged_texts(_wrapped() + "\n\n" + last) == set()


def test_a_markdown_title_is_matched_to_its_heading_only():
    story = "\n\n".join(STORY)
    doc = doc_of("#MeToo founder speaks out\n\n" + story, "#MeToo founder speaks out", format="markdown")
    assert doc.title_span is not None and doc.title_span.text == "#MeToo founder speaks out"
    doc = doc_of("## Japan and NATO ##\n\n" + story, "Japan and NATO", format="markdown")
    assert doc.title_span is not None and doc.title_span.text == "## Japan and NATO ##"


@pytest.mark.parametrize("line, ends", [
    ("The talks ended.", True), ("as the minister said:", True), ("the first round;", True),
    ("“It is over,” he said (in Tokyo)", True), ("Spoon sticking is useful to fight crime [CEN]", False),
    ("the talks in Brussels", False),
])
def test_a_line_ends_a_sentence_on_terminal_punctuation_but_not_on_a_tag(line, ends):
    assert ends_sentence(line) is ends


def test_a_cue_word_whose_sentence_goes_on_below_it_stays_in_its_paragraph():
    paragraph = ("The report was published on Monday.\nComments\n"
                 "by the minister followed on Tuesday, officials said.")
    doc = doc_of(STORY[0] + "\n\n" + paragraph + "\n\n" + STORY[1], format="markdown")
    ranges, texts = paragraph_units(doc)
    assert " ".join(paragraph.split("\n")) in texts


def test_a_filled_heading_line_is_not_continued_by_the_paragraph_under_it():
    heading = "# NATO and Japan agree to deepen their security ties in Tokyo"
    assert len(heading) >= 0.6 * 72
    units, texts = wrapped_paragraphs(*_lines(heading + "\n" + _wrapped()))
    assert texts[0] == heading and texts[1:] == STORY


def test_a_markdown_block_of_no_break_spaces_is_no_unit():
    text = "First paragraph.\n\n\u00a0\n\nSecond paragraph.\n"  # blank to the Document
    assert markdown_blocks(text, *_lines(text)) == ([range(0, 1), range(1, 2)],
                                                   ["First paragraph.", "Second paragraph."], {},
                                                   [])


def test_a_markdown_tables_markup_is_blanked_out_offsets_kept():
    table = "| Region | A \\| B |\r\n| :--- | ---: |\r\n| North | +5% |\r\n"
    text = f"Intro.\n\n{table}\n> | a | b |\n> |---|---|\n\n```\n| x | y |\n|---|---|\n```\n"
    tables = markdown_blocks(text, *_lines(text))[3]
    assert tables == [range(2, 5), range(6, 8)]  # (not the one in the code block)
    blanked = without_table_markup(text, tables)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert blanked.split("\n")[2:5] == ["  Region   A \\| B  \r", " " * 15 + "\r", "  North   +5%  \r"]
    assert blanked.split("\n")[6:8] == [">   a   b  ", " " * 11]  # a table in a quote
    assert blanked.endswith("```\n| x | y |\n|---|---|\n```\n")  # code, not a table
    no_table = "A | B\n\nC --- D\n"  # a near miss: its markup is kept (test_quality)
    assert markdown_blocks(no_table, *_lines(no_table))[3] == []
