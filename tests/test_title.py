"""Headline inference on scraped plain text: what must be found and what must not be taken."""
from __future__ import annotations

import pytest

from scanner.document import Document
from scanner.title import infer_title

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
    span = infer_title(Document(text, id="t"))
    return span.text if span else None


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
}


@pytest.mark.parametrize("text", PAGES.values(), ids=list(PAGES))
def test_the_headline_is_found(text):
    assert title_of(text) == HEADLINE


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
