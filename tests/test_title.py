"""Headline inference on scraped plain text: what must be found and what must not be taken."""
from __future__ import annotations

import pytest

from scanner.document import Document
from scanner.title import infer_title, markdown_title

BODY = (
    "The city council approved a new budget for public libraries on Monday, adding funds for "
    "longer opening hours, children's reading programmes and repairs to three branch roofs.\n\n"
    "Librarians welcomed the budget but said staffing remained a concern, and the council "
    "promised to review the number of library posts next year after a public consultation.\n\n"
    "The libraries budget rises by four per cent, the first increase since 2019, and the "
    "council said the extra opening hours would begin in the spring.\n"
)
HEADLINE = "Council approves bigger budget for city libraries"


def title_of(text: str) -> str | None:
    found = infer_title(Document(text, id="t"))
    return found[0] if found else None


STANDFIRST = ("Libraries will open longer and get new roofs under the budget the council "
              "approved on Monday")
PAGES = {
    "after_navigation_banner_and_byline": (
        "Home\nNews\nSport\n\nWe use cookies to improve your experience on our website and "
        "to show you relevant advertising, as described in our policy.\n\nAccept\n\n"
        f"{HEADLINE}\nBy Jane Smith\nMarch 3, 2024\n\n{BODY}"),
    "not_a_subheading_inside_the_body": f"{HEADLINE}\n\n{BODY}\nLibrary opening hours\n\n{BODY}",
    "not_a_standfirst_under_it": f"{HEADLINE}\n\n{STANDFIRST}\n\n{BODY}",
    "not_related_post_entries_or_menu_items": (
        "Related posts\nCouncil budget for parks approved\nMarch 1, 2024\n"
        "Library roofs need repairs, report says\nFebruary 20, 2024\n"
        f"Libraries\n{HEADLINE}\n\n{BODY}"),
    # dates with the day first are date lines too: a related post about the body is no headline
    "not_related_post_entries_dated_day_first": (
        "Related posts\nCity council budget for library opening hours approved\n1 March 2024\n"
        "Librarians welcome council budget for reading programmes\n20th February 2024\n"
        f"Libraries\n{HEADLINE}\n\n{BODY}"),
    # QA pass 18: a short line all of whose key words are the body's (a match's result under
    # a report's headline) is weaker evidence than a headline sharing a few
    "not_a_short_line_of_body_words_under_it": f"{HEADLINE}\n\nCouncil 31 Libraries 4\n\n{BODY}",
    # QA pass 20: a breadcrumb whose crumbs are sections is furniture, though about the body
    # and nearer to it
    "not_a_breadcrumb_of_sections_under_it": (
        f"{HEADLINE}\nHome » News » Council » Library Budget Plans\n\n{BODY}"),
    # QA pass 20: lines under the page's first prose line (an affiliate disclosure here) stand
    # inside the article: a price box, a table of contents, list items
    "not_a_price_box_or_contents_under_a_disclosure": (
        f"{HEADLINE}\nBy Jane Smith\nWhen you buy through links on this page, we may earn a "
        "commission from the retailer at no cost to you.\nCouncil library budget guide: $4 at "
        "City Books\nContents\nLibrary budget roofs and repairs\nLonger library opening "
        f"hours\n\n{BODY}"),
}


@pytest.mark.parametrize("text", PAGES.values(), ids=list(PAGES))
def test_the_headline_is_found(text):
    assert title_of(text) == HEADLINE


def test_a_long_headline_over_its_date_under_a_row_of_section_links_is_found():
    # QA pass 20: the row of links is furniture though it shares the body's words, the long
    # headline under it no standfirst, and its date below no related post's
    headline = "Council approves bigger budget for city libraries after months of public consultation"
    text = (f"News Home | Council | Libraries & Budget\n{headline}\nMarch 3, 2024\n"
            f"By Jane Smith, Council Reporter\nShare on Facebook Share on X Email\n{BODY}")
    assert title_of(text) == headline


def test_a_headline_asking_a_question_then_going_on_unpunctuated_is_one_headline():
    # QA pass 20; a caption's two sentences stay no headline
    headline = "Is the libraries budget big enough? What the council's figures say"
    assert title_of(f"Home\nNews\n{headline}\nBy Jane Smith\n\n{BODY}") == headline
    caption = "Is the libraries budget big enough? The council says it is."
    assert title_of(f"Home\nNews\n{caption}\n\n{BODY}") != caption


def test_a_headline_stating_something_then_going_on_unpunctuated_is_one_headline():
    # QA pass 24: "I taught for 30 years. Phones in class were never the real problem" gave no
    # title; a caption's two sentences, ending in a full stop, stay no headline
    headline = "Libraries lost a third of their budget. Councillors say it was worth it"
    assert title_of(f"Home\nNews\n{headline}\nBy Jane Smith\n\n{BODY}") == headline
    caption = "The council met on Tuesday. Its libraries budget was approved."
    assert title_of(f"Home\nNews\n{caption}\n\n{BODY}") != caption


def test_a_breadcrumb_ending_in_the_headline_is_the_title_when_no_line_prints_it():
    assert title_of(f"Home » News » {HEADLINE}\nShare\n\n{BODY}") == f"Home » News » {HEADLINE}"


@pytest.mark.parametrize("headline", [
    "Council moves library opening time to 8:45 a.m.", "Council libraries budget backed by U.S.",
])
def test_a_headline_ending_in_an_abbreviations_stop_is_no_sentence(headline):
    assert title_of(f"{headline}\n\n{BODY}") == headline


@pytest.mark.parametrize("byline", [
    "By: Jane Libraries", "by Jane Libraries, Council Budget Correspondent",
    "Jane Libraries, MS, RD", "Updated: Mar 3, 2024 | Council libraries budget desk",
    "Published 3 March 2024 by the council libraries budget desk",
    # QA pass 16: the writer's bio at the end shares the byline's name
    "Posted by Jane Libraries on 12 June 2016",
    "Words by Jane Libraries and Tom Budget",  # QA pass 20
    "May 19, 2013 by Jane Libraries 12 Comments",  # QA pass 34: a blog's post line, date first
    "19 May 2013 · by Jane Libraries",
])
def test_a_byline_sharing_the_bodys_words_is_no_headline(byline):
    body = BODY.replace("Librarians welcomed", "Jane Libraries, the council's budget officer, "
                        "and librarians welcomed")
    assert title_of(f"Home\nNews\n{HEADLINE}\n{byline}\n\n{body}") == HEADLINE


@pytest.mark.parametrize("stamp", ["Libraries, 02/08/2018 - 12:45h", "14.05.2016, 16:32 Uhr",
                                   "Libraries, 03.03.2024"])
def test_a_datelines_place_date_and_time_is_no_headline(stamp):
    """QA pass 15: the dateline under a headline was taken for it."""
    assert title_of(f"Home\nNews\n{HEADLINE}\n{stamp}\n\n{BODY}") == HEADLINE


@pytest.mark.parametrize("byline", [
    "By Jane Libraries, Council Budget Correspondent for the City Libraries",  # a role
    "By Jane Libraries and the Council Budget Team",  # no comma and clause
])
def test_a_by_line_naming_a_writer_is_no_headline_even_about_the_body(byline):
    body = BODY.replace("Librarians welcomed", "Jane Libraries, the council's budget officer, "
                        "and librarians welcomed")
    assert title_of(f"Home\nNews\n{byline}\n\n{body}") != byline


def test_a_headline_opening_with_by_is_no_byline():
    headline = "By Council Vote, Library Budget Rises for Longer Opening Hours"
    assert title_of(f"Home\nNews\n{headline}\n\n{BODY}") == headline


@pytest.mark.parametrize("headline", [
    "Council libraries budget posted 4 per cent rise",  # a verb and a figure, not a stamp
    "Library budget updated 2024 plans for council",
])
def test_a_headline_with_posted_or_updated_and_a_number_is_no_byline(headline):
    assert title_of(f"Home\nNews\n{headline}\n\n{BODY}") == headline


def test_prose_without_a_title_like_line_has_no_title():
    assert title_of(BODY) is None
    assert title_of("Menu\nLogin\n") is None


@pytest.mark.parametrize(("text", "title"), [
    ("# NATO chief visits Japan\n\nBody.\n", "NATO chief visits Japan"),
    ("\n  # NATO chief visits Japan ##\nBody.\n", "NATO chief visits Japan"),
    ("# **NATO** chief visits [Japan](https://example.org)\n\nBody.\n", "NATO chief visits Japan"),
])
def test_a_markdown_heading_on_the_first_line_is_the_title(text, title):
    from scanner.engine import make_document
    from scanner.io.records import InputRecord

    doc = make_document(InputRecord(id="a.md", text=text, metadata={"format": "markdown"}))
    assert doc.title == title and "#" in doc.title_span.text  # the heading line is the title's
    plain = make_document(InputRecord(id="a.txt", text=text, metadata={"format": "text"}))
    assert plain.title != title and plain.title is None  # a "#" line of plain text is no heading


def test_markdown_front_matter_is_no_text_and_gives_its_title():
    from scanner.engine import make_document
    from scanner.io.records import InputRecord

    text = ('---\ntitle: "NATO chief visits Japan"\ntags: [nato, japan]\n---\n\n'
            "# A heading below\n\nThe council met on Monday.\n")
    doc = make_document(InputRecord(id="a.md", text=text, metadata={"format": "markdown"}))
    assert doc.title == "NATO chief visits Japan" and len(doc.text) == len(text)
    assert "tags" not in doc.text and doc.text.endswith("# A heading below\n\nThe council met on Monday.\n")
    untitled = make_document(InputRecord(id="b.md", text="---\ndraft: true\n---\n# Heading\n\nBody.\n",
                                         metadata={"format": "markdown"}))
    assert untitled.title == "Heading" and "draft" not in untitled.text


def markdown_doc(text: str):
    from scanner.engine import make_document
    from scanner.io.records import InputRecord

    return make_document(InputRecord(id="a.md", text=text, metadata={"format": "markdown"}))


@pytest.mark.parametrize("heading", [
    f"{HEADLINE}\n{'=' * len(HEADLINE)}", f"{HEADLINE}\n---", f"## {HEADLINE}", f"### {HEADLINE} ###",
    f"**{HEADLINE}**", f"_{HEADLINE}_",
])
def test_a_markdown_title_is_the_visible_text_of_its_heading_or_bold_line(heading):
    doc = markdown_doc(f"{heading}\n\n{BODY}")
    assert doc.title == HEADLINE and doc.title_span.text == heading


def test_a_setext_level_1_heading_on_the_first_line_is_the_title_like_a_hash_heading():
    heading = "Tiny and loud: a new voice in the mist"  # shares no key word with the body
    doc = markdown_doc(f"{heading}\n===\n\n{BODY}")
    assert doc.title == heading and doc.title_span.text == f"{heading}\n==="
    assert markdown_title(markdown_doc(f"{heading}\n---\n\n{BODY}")) is None  # level 2: inferred


@pytest.mark.parametrize(("block", "level"), [
    ("# Title", 1), ("#\tTitle", 1), ("   # Title", 1), ("## Title ##", 2), ("Title\n===", 1),
    ("Title\n---", 2), ("#MeToo founder speaks", None), ("    # indented code", None),
    ("**Bold title**", None), ("> # Quoted", None), ("- # Listed", None),
])
def test_heading_levels_are_commonmarks(block, level):
    from scanner.paragraphs import heading_levels, paragraph_units

    doc = markdown_doc(f"{block}\n\n{BODY}")
    assert heading_levels(doc).get(paragraph_units(doc)[0][0]) == level
    assert (markdown_title(doc) is not None) == (level == 1)


def test_a_markdown_title_is_found_in_the_one_parse_of_the_document(monkeypatch):
    from scanner import markdown_blocks

    parsed = []
    parser = markdown_blocks._parser()
    monkeypatch.setattr(markdown_blocks, "_parser", lambda: parsed.append(1) or parser)
    assert markdown_doc(f"# {HEADLINE}\n\n{BODY}").title == HEADLINE
    assert len(parsed) == 1


def test_a_heading_after_a_tab_is_the_markdown_title():
    doc = markdown_doc(f"#\t{HEADLINE}\n\n{BODY}")
    assert doc.title == HEADLINE and doc.title_span.text == f"#\t{HEADLINE}"
    assert markdown_title(doc)[0] == HEADLINE  # found as a heading, not only by inference


def test_a_front_matter_title_is_located_on_the_block_that_shows_it():
    doc = markdown_doc(f"---\ntitle: {HEADLINE}\n---\n\n**{HEADLINE}**\n\n{BODY}")
    assert doc.title == HEADLINE and doc.title_span.text == f"**{HEADLINE}**"


@pytest.mark.parametrize(("matter", "title"), [
    ("title: Road budget: council says yes", "Road budget: council says yes"),
    ("title: 'Road budget' yes\ntags: [a", "'Road budget' yes"),
    ('date: 2024-03-01\ntitle:  "Road budget: yes"  \nbad: a: b', "Road budget: yes"),
])
def test_front_matter_that_is_not_valid_yaml_is_still_metadata_and_gives_its_title_line(matter, title):
    text = f"---\n{matter}\n---\n\n{BODY}"
    doc = markdown_doc(text)
    assert doc.title == title and len(doc.text) == len(text)
    assert doc.text.strip() == BODY.strip()


@pytest.mark.parametrize("block", [
    "The council met. It said: yes, and: no",
    "Update: The council voted on Monday. The result: a tie.",  # opens like a key, no title:
    "draft: yes: no",
])
def test_a_thematic_break_over_a_paragraph_is_no_front_matter(block):
    text = f"---\n{block}\n---\n\n{BODY}"
    assert markdown_doc(text).text == text


UNRELATED = "Central bank raises interest rates to fight inflation"


@pytest.mark.parametrize("text", [
    f"{UNRELATED}\n\n{BODY}", f"\n  {UNRELATED}  \n\n\n{BODY}",
    f"By the numbers: {UNRELATED}\n\n{BODY}",  # "By" opens a headline, not only a byline
])
def test_a_drafts_headline_over_blank_line_separated_paragraphs_is_its_title_though_unrelated(text):
    assert title_of(text) == text.strip().split("\n")[0].strip()


@pytest.mark.parametrize("head", [
    "Sign up for our newsletter today",  # furniture
    "By Jane Smith and Tom Brown in Washington",  # a byline
    "Rates rise again",  # three words: too short to be judged as a headline
    "central bank raises interest rates to fight inflation",  # lowercase
    "World News",  # a label, too short to be judged as a headline
    "via Daily Buzz Live and other sites",  # a credit, in lowercase
    "Updated at 11:45 p.m. ET", "Warning: graphic image below",  # editor's notes
    "Read this story in Spanish at CNNMexico.com",
    "The central bank raised interest rates to fight inflation.",  # a sentence
    "Central bank raises interest rates to fight inflation, the governor said on Monday, as "
    "prices rose faster than at any time in the past ten years and wages",  # too long
    "Central bank raises interest rates again to fight inflation as prices rise faster than "
    "wages across the whole country this winter season",  # 22 words: too long for a draft's headline, no body line
])
def test_a_first_line_that_is_no_drafts_headline_is_no_title_when_unrelated(head):
    assert title_of(f"{head}\n\n{BODY}") is None


@pytest.mark.parametrize("head, note", [
    ("Correction: an earlier version misnamed the central bank governor", True),  # a note
    ("Notes from a central bank that raises rates to fight inflation", False),
    ("Via Daily Buzz Live and other partner sites", True),  # a credit
    ("Viaduct shut as central bank raises interest rates", False),
    ("By Jane Smith and Tom Brown in Washington", True),  # a byline
    ("By the numbers: central bank raises interest rates", False),
    ("Central bank statement expected at 14:30 on Thursday", True),  # a time
    ("Central bank raises rates to 4.5% to fight inflation", False),
    ("Central bank raises interest rates to 5.25% to fight inflation", False),  # no 5:25
    ("Full coverage of the rate decision at CityNews.com", True),  # a web address
    ("Rate decision due at CityNews headquarters in Frankfurt", False),
])
def test_an_editors_note_byline_time_or_address_is_no_drafts_headline(head, note):
    assert title_of(f"{head}\n\n{BODY}") == (None if note else head)


REVIEW = """Review: Bruckner's Eighth, patiently built, at the Barbican

London Symphony Orchestra / Rattle, Barbican Hall

Simon Rattle has never hurried Bruckner, and with the London Symphony Orchestra at the Barbican \
on Thursday he built the Eighth Symphony as patiently as a cathedral.

The orchestra's brass were magnificent in the finale, and the Barbican Hall's dry acoustic, \
for once, let every line of the great Adagio speak.
"""


def test_a_drafts_headline_wins_over_the_credit_line_under_it():
    # QA pass 25: the credit line is closer to the body and shares more of its words
    assert title_of(REVIEW) == REVIEW.split("\n")[0]


@pytest.mark.parametrize("text", [
    f"{UNRELATED}\n{BODY}",  # no blank line under it
    f"{UNRELATED}\n\n" + BODY.replace("\n\n", "\n"),  # a page printed a block a line
    f"{UNRELATED}\nBy Jane Smith\n\n{BODY}",  # the body does not start right under it
])
def test_an_unrelated_first_line_is_no_title_of_a_text_not_written_as_an_article(text):
    assert title_of(text) is None


FROG_STORY = """Researchers have described a previously unknown species of tree frog found in a \
remote cloud forest in the Andes, according to a study published on Wednesday.

The tiny amphibian, less than two centimetres long, lives among mosses and bromeliads at about \
2,800 metres, where the team first recorded its high-pitched call during a night survey.

Genetic tests confirmed that the frog differs from its closest relatives, and the authors said \
the species should be listed as endangered because its forest is being cleared for cattle farms.
"""


def test_a_drafts_unrelated_headline_is_checked_against_its_body():
    import scanner

    record = scanner.scan_text(f"{UNRELATED}\n\n{FROG_STORY}", select=["HDL001"])
    assert record["title"] == UNRELATED and [f["rule"] for f in record["findings"]] == ["HDL001"]


LIVE_BLOG = """Live: Ashby v Kelso Park, county championship final day

Ashby 388 and 201-5 dec; Kelso Park 340 and 112-4 (target 250)

17:40 Kelso Park need 138 runs from the remaining 25 overs with six wickets in hand. Omar Shah \
is on 48 and looks settled against the spinners.

17:25 WICKET. Kelso Park 112-4. Tom Reid is caught at slip for 19, the fourth wicket of the \
afternoon for Ashby's off-spinner Dan Price.

16:50 Tea is over and the chase is under way. Kelso Park need 250 to win, a target that would \
be their highest successful fourth-innings chase at this ground.
"""
QUESTION_STANDFIRST = """Cardiff promise raises Welsh hopes

Has there been a better Six Nations match than Saturday's epic in Cardiff?

Wales came from 15 points down to beat France in Cardiff on Saturday, and the comeback has \
raised hopes of a first Six Nations title in five years.

Coach Mark Evans said the squad had shown character in Cardiff, and that the win would give \
the young players belief for the rest of the Six Nations.
"""


@pytest.mark.parametrize("text", [LIVE_BLOG, QUESTION_STANDFIRST])
def test_a_drafts_headline_outranks_every_line_under_it(text):
    # QA pass 33: the score line under a live blog's headline, closer to the body and sharing
    # more of its words, was taken for the title; so was a question under a report's headline
    assert title_of(text) == text.split("\n")[0]


DISCLOSURE = ("We may earn a commission when you buy through links on this page. This does not "
              "affect what we recommend.")


def test_prose_furniture_over_the_headline_does_not_start_the_body():
    # QA pass 41: an affiliate disclosure (or a cookie notice) above the headline was taken for
    # the start of the body, so the section breadcrumb above it was the title
    for furniture in (DISCLOSURE, "Our site uses cookies to personalise content and ads. "
                                  "Accept Reject Preferences"):
        page = (f"City News\nHome » Council » Libraries\nUpdated 3 March 2024\n{furniture}\n\n"
                f"{HEADLINE}\n\n{BODY}")
        assert title_of(page) == HEADLINE


def test_a_headline_over_a_first_paragraph_that_is_prose_is_still_found():
    # the same page with a real first paragraph where the disclosure stood
    first = BODY.split("\n\n")[0]
    page = f"City News\nHome » Council » Libraries\nUpdated 3 March 2024\n{HEADLINE}\n{first}\n\n{BODY}"
    assert title_of(page) == HEADLINE


def test_a_price_box_under_the_intro_is_no_headline_though_a_disclosure_tops_the_page():
    # QA pass 41: the disclosure above the headline put the headline inside the article too, so
    # a price box under the intro ("Corvane Pulse 3 $449 at Best Buy") outscored it
    intro, rest = BODY.split("\n\n", 1)
    page = (f"Home / Council / Libraries\nBy Jane Smith\n{DISCLOSURE}\nJump to:\nOpening hours\n"
            f"Roofs\n\n{HEADLINE}\n\n{intro}\n\nToday's best library budget deals\n\n"
            "City libraries budget $4 at City Books\n\nView Deal\n\nCouncil libraries budget $5 "
            f"at Budget Books\n\nView Deal\n\nOpening hours\n\n{rest}")
    assert title_of(page) == HEADLINE


@pytest.mark.parametrize("note", [
    "Editor's note: This article describes a fire in which two people were hurt, which some "
    "readers may find distressing. It was updated on 4 March with the fire service's statement.",
    "Update, 4 March, 3.20pm: This article has been updated with a response from the city's "
    "library service and the union that represents its staff.",
    "Correction (5 March): An earlier version of this article gave the wrong year for the last "
    "budget increase, which was 2019, not 2018.",
])
def test_an_editors_note_above_the_headline_is_not_the_body(note):
    # QA pass 41: the note, a long prose line, was taken for the start of the body, leaving no
    # line above it to be the headline
    assert title_of(f"{note}\n\n{HEADLINE}\n\n{BODY}") == HEADLINE


def test_a_headline_over_an_editors_note_and_a_guest_posts_byline_is_still_found():
    note = ("Editor's note: This post was first published on 3 March 2019, but its advice on "
            "library budgets still holds.")
    byline = "Guest post by Jane Libraries, PhD in Council Budgets"
    body = BODY.replace("Librarians welcomed", "Jane Libraries, the council's budget officer, "
                        "and librarians welcomed")
    assert title_of(f"Home\nAbout\n{HEADLINE}\n{note}\n{byline}\n{body}") == HEADLINE


SENTENCES_HEADLINE = "Our libraries do not need a bigger budget. They need longer opening hours."


@pytest.mark.parametrize("head", ["", "Accept cookies\nCity News\nOpinion\nShare this article\n\n"])
def test_a_headline_of_sentences_over_a_byline_is_the_title(head):
    # QA pass 41: a column's headline of two sentences over its byline was taken for the body,
    # and the text had no title (a page's site name above it took the title)
    assert title_of(f"{head}{SENTENCES_HEADLINE}\n\nBy Jane Smith\n\n{BODY}") == SENTENCES_HEADLINE


def test_a_standfirst_of_sentences_over_a_byline_is_no_title():
    standfirst = ("The council has found money for longer opening hours. Librarians say it is not "
                  "enough.")
    assert title_of(f"{HEADLINE}\n\n{standfirst}\n\nBy Jane Smith\n\n{BODY}") == HEADLINE
    # and two sentences over body text, no byline between, stay the body's first paragraph
    assert title_of(f"{SENTENCES_HEADLINE}\n\n{BODY}") is None


PARAGRAPHS = BODY.strip().split("\n\n")
LIVE_HEADLINE = "Live: Council votes on libraries as opening hours extended"
KEY_POINTS = ("Key points\nCouncil approves bigger budget for city libraries\nLibrary opening hours "
              "to rise from the spring\nRoof repairs at three library branches\n\n")
LIVE_ENTRIES = "".join(f"{time}\n{text}\n\n" for time, text in zip(("17:42", "17:15", "16:48"),
                                                                     PARAGRAPHS))


def test_a_live_blogs_headline_outranks_its_key_points():
    # QA pass 41: a key-point bullet sharing more of the body's words was taken for the title,
    # as the bullets and the entries' times run without blank lines
    assert title_of(f"{LIVE_HEADLINE}\n\n{KEY_POINTS}{LIVE_ENTRIES}") == LIVE_HEADLINE


def test_a_site_name_over_a_menu_is_no_drafts_headline_above_key_points():
    # a first line with no blank line under it is a page's (a site name), not an article's,
    # though 3 of the page's first 9 units have one under them; and the key points under the
    # headline share more of the body's words (QA pass 41)
    site = "City Libraries Weekly News Online"
    page = f"{site}\nHome  News  Council\n\n{LIVE_HEADLINE}\n\n{KEY_POINTS}{LIVE_ENTRIES}"
    assert title_of(page) == LIVE_HEADLINE


@pytest.mark.parametrize("label", ["Story highlights", "KEY TAKEAWAYS:", "TL;DR", "What we know so far"])
def test_the_points_under_a_key_points_label_are_no_headline(label):
    # a page without blank lines: the points run to the body
    points = KEY_POINTS.replace("Key points", label).rstrip("\n")
    page = f"City News\nHome  News  Council\n{LIVE_HEADLINE}\n{points}\n{BODY}"
    assert title_of(page) == LIVE_HEADLINE


@pytest.mark.parametrize("page", [
    # "Summary", a table of contents' last entry as often as a label of key points
    f"Contents\nBackground\nCosts\nSummary\n{HEADLINE}\n\n{BODY}",
    # a blank line between the label and the headline, or more lines than a list of points
    f"Menu\nKey facts\nLibraries\n\n{HEADLINE}\n\n{BODY}",
    f"Key takeaways\nHome\nNews\nCouncil\nLibraries\nBudget\nSport\n{HEADLINE}\n{BODY}",
])
def test_a_headline_near_a_key_points_label_is_still_the_headline(page):
    assert title_of(page) == HEADLINE


SITE_FOOTER = ("\nSign in or create your Westbury Courier account to join the discussion today.\n\n"
               "© 2025 Westbury Courier Media Group\n")


def test_a_site_name_that_the_copyright_notice_names_is_no_headline():
    # QA pass 41: the site name over the headline shared all its words with the body's
    # furniture ("Sign in or create your ... account"), the short headline only two of three
    page = f"The Westbury Courier\nHome  News  Sport\nLocal news\nLibrary hours vote\n\n{BODY}{SITE_FOOTER}"
    assert title_of(page) == "Library hours vote"


@pytest.mark.parametrize(("headline", "footer"), [
    # a headline naming the publisher, and more
    ("Westbury Courier wins award for library hours vote coverage", SITE_FOOTER),
    # a credit line naming what the page is about: no short copyright notice
    ("Library hours vote", "\nCopyright © 2011 Westbury Council. For more information about the library "
                           "hours vote, see the council's website.\n"),
])
def test_a_headline_sharing_words_with_a_copyright_line_is_still_the_headline(headline, footer):
    page = f"The Westbury Courier\nHome  News  Sport\nLocal news\n{headline}\n\n{BODY}{footer}"
    assert title_of(page) == headline


@pytest.mark.parametrize("post_line", ["May 19, 2013 by Anne Lindqvist 12 Comments",
                                       "19 May, 2013 by Anne Lindqvist 12 Comments"])
def test_a_blogs_post_line_with_its_date_first_is_a_byline(post_line):
    from scanner.title import _BYLINE_RE

    assert _BYLINE_RE.search(post_line)
    assert not _BYLINE_RE.search("May 19, 2013 was the day the bridge reopened")


@pytest.mark.parametrize(("line", "byline"), [
    ("Updated: 17 Dec", True), ("Posted on March 3rd", True), ("Updated December 2025", True),
    ("Published 2024-03-03 by the desk", True),
    ("Council updated 2024 plans for libraries", False),
    ("Library app updated 1.5 million times", False),  # figures, not a date
])
def test_a_stamps_label_needs_a_date_after_it(line, byline):
    from scanner.title import _BYLINE_RE

    assert (_BYLINE_RE.search(line) is not None) is byline
