"""Program listings in plain text are article text: recognised, never flagged as furniture."""
from __future__ import annotations

import pytest

from scanner.boilerplate.listings import CODE_LINE_RE, listing_positions
from scanner.checks import boilerplate
from scanner.finding import Category
from tests.conftest import doc_of

RULES = [cls() for cls in boilerplate.RULES]

_INTRO = ("GraphQL schemas define the contract between your API and the clients that call it, "
          "and a well designed schema makes pagination, errors and permissions easy to follow.")
_LISTING = """type Post {
id: ID!
title: String!
comments(
first: Int
after: String
): CommentConnection!
}
const postsResolver = async (_, args, context) => {
const { first = 10, after } = args;
return context.db.posts.find(after, first);
};"""
_OUTRO = ("The resolver decodes the cursor, reads one page more than it returns and tells the "
          "client whether another page follows, so the client never guesses the page count.")
_PAGE = ("Home\nNews\nTutorials\nAbout\n" + _INTRO + "\nHere is the schema and its resolver:\n"
         + _LISTING + "\n" + _OUTRO + "\nPrivacy Policy\nTerms of Use\nContact us")


def _boilerplate_lines(text: str) -> set[str]:
    doc = doc_of(text)
    found = [f for rule in RULES for f in rule.check(doc)
             if f.category in (Category.BOILERPLATE, Category.SPAM)]
    return {doc.lines[i].text.strip() for f in found
            for i in range(doc.line_index(f.start), doc.line_index(f.end - 1) + 1)}


def test_a_listing_inside_the_article_is_never_flagged_while_the_page_furniture_is():
    flagged = _boilerplate_lines(_PAGE)
    assert flagged.isdisjoint(_LISTING.splitlines())
    assert {"Home", "Privacy Policy"} <= flagged  # the line analysis ran on the page


def test_listing_positions_cover_the_code_and_the_names_inside_its_braces():
    texts = [_INTRO, "Here is the schema and its resolver:", *_LISTING.splitlines(), _OUTRO]
    prose = [True, False, *[False] * len(_LISTING.splitlines()), True]
    assert listing_positions(texts, prose) == set(range(2, 2 + len(_LISTING.splitlines())))


@pytest.mark.parametrize("lines", [
    ["const a = 1;", "Home"],  # too few code lines
    ["googletag.cmd.push(function() {", "googletag.display('div-gpt-ad-1');", "});"],  # an ad tag
    ["var disqus_config = function () {", "this.page.url = PAGE_URL;", "};"],  # a widget's
    ["Tags: Politics", "Share this article", "Read more: NATO summit", "Comments (12)"],
])
def test_short_runs_leaked_scripts_and_labels_are_no_listing(lines):
    texts = [_INTRO, *lines, _OUTRO]
    assert not listing_positions(texts, [True, *[False] * len(lines), True])


def test_code_before_the_article_begins_is_no_listing():
    lines = _LISTING.splitlines()
    assert not listing_positions([*lines, _INTRO], [*[False] * len(lines), True])


@pytest.mark.parametrize("line", [
    "}", "});", "): CommentConnection!", "type User {", "comments(", "// Decode the cursor",
    "const { first = 10, after } = args;", "def fetch(url):", "import numpy as np",
    "from os import path", "return res;", "if (err != nil) {", "for item in items:",
    "id: ID!", "displayName: String", "if err != nil {", "npm install graphql",
    "$ pip install spinscan", "user.profile.load(id)",
])
def test_code_lines(line):
    assert CODE_LINE_RE.search(line)


@pytest.mark.parametrize("line", [
    "Tags: Politics", "Source: Reuters", "Photo: Getty Images", "Updated: 10:42 GMT",
    "Comments (12)", "Share this article", "Read more", "Home", "Follow us on Twitter",
    "Posted by Jane Smith", "Prices from £12 (Ticketmaster)", "Q&A: what the vote means",
    "Return to top", "If you go", "For more information:",
    "Kishida said: the security environment is the tensest since the war (Reuters)",
])
def test_furniture_and_prose_lines_are_not_code(line):
    assert not CODE_LINE_RE.search(line)
