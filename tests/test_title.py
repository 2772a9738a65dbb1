"""Headline inference on scraped plain text: what must be found and what must not be taken."""
from __future__ import annotations

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


def test_headline_after_navigation_banner_and_byline():
    text = ("Home\nNews\nSport\n\nWe use cookies to improve your experience on our website and "
            "to show you relevant advertising, as described in our policy.\n\nAccept\n\n"
            f"{HEADLINE}\nBy Jane Smith\nMarch 3, 2024\n\n{BODY}")
    assert title_of(text) == HEADLINE


def test_a_subheading_inside_the_body_is_not_the_headline():
    text = f"{HEADLINE}\n\n{BODY}\nLibrary opening hours\n\n{BODY}"
    assert title_of(text) == HEADLINE


def test_a_standfirst_under_the_headline_is_not_the_headline():
    standfirst = ("Libraries will open longer and get new roofs under the budget the council "
                  "approved on Monday")
    assert title_of(f"{HEADLINE}\n\n{standfirst}\n\n{BODY}") == HEADLINE


def test_related_post_entries_and_menu_items_are_not_the_headline():
    text = ("Related posts\nCouncil budget for parks approved\nMarch 1, 2024\n"
            "Library roofs need repairs, report says\nFebruary 20, 2024\n"
            f"Libraries\n{HEADLINE}\n\n{BODY}")
    assert title_of(text) == HEADLINE


def test_prose_without_a_title_like_line_has_no_title():
    assert title_of(BODY) is None
    assert title_of("Menu\nLogin\n") is None
