"""html_to_lines: visible text one block per line, trafilatura main text, title."""
from __future__ import annotations

import gzip

import pytest
import trafilatura

from scanner.checks.boilerplate import BoilerplateLine
from scanner.engine import make_document
from scanner.html_text import html_to_lines
from scanner.io.records import InputRecord
from tests.conftest import shared_path

BODY_PARAGRAPH = ("The city council voted on Tuesday to build four new protected cycle lanes through the "
                  "centre, ending a two-year debate over how to make the streets safer for people on bikes.")
PAGE = """<html><head><title>Site | Japan and NATO</title><style>p {color: red}</style>
<script>var x = 1;</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Japan and NATO pledge closer ties</h1>
<p>NATO Secretary General Jens Stoltenberg said the alliance will strengthen its
partnership with <b>Japan</b>, adding that the security of Europe and Asia is closely
intertwined.</p><p>Japan has provided nonlethal aid to Ukraine.<br>It has not sent weapons.</p>
</article><div hidden>Secret</div><footer>© 2023 Example Media</footer></body></html>"""


def test_visible_text_one_block_per_line():
    text, _, title = html_to_lines(PAGE)
    lines = text.split("\n")
    assert lines[:3] == ["Home", "News", "Japan and NATO pledge closer ties"]
    assert lines[3].startswith("NATO Secretary General") and "with Japan, adding" in lines[3]
    assert "It has not sent weapons." in lines and "© 2023 Example Media" in lines
    assert "var x" not in text and "color" not in text and "Secret" not in lines
    assert title == "Japan and NATO pledge closer ties"  # the h1 the <title> names



@pytest.mark.parametrize("body, line", [
    # buttons and links side by side in the source are separate words on the screen
    ("<div><button>Aceptar todo</button><button>Rechazar</button><a href='/c'>Más opciones</a></div>",
     "Aceptar todo Rechazar Más opciones"),
    ("<div><a href='/'>Home</a><a href='/news'>News</a></div>", "Home News"),
    # a link inside a sentence keeps its punctuation and spaces as written
    ("<p>Read the report <a href='/r'>here</a>. It is <a href='/s'>short</a>, and free.</p>",
     "Read the report here. It is short, and free."),
    # other inline elements may split a word (a drop cap, a styled letter): no space is added
    ("<p><span class='drop'>T</span>he council <b>met</b>; <i>un</i>usually, it agreed.</p>",
     "The council met; unusually, it agreed."),
])
def test_links_and_buttons_are_words_of_their_own(body, line):
    assert html_to_lines(body)[0] == line

@pytest.mark.parametrize("head, h1, title", [
    ("<title>Daily Bugle | Council approves lanes</title>", "Daily Bugle", "Daily Bugle | Council approves lanes"),
    ('<meta property="og:title" content="Budget vote delayed"><title>x</title>', "Council approves new cycle lanes",
     "Budget vote delayed"),  # an h1 sharing no key word names something else
    ('<meta property="og:title" content="City lanes approved">', "Council approves new cycle lanes",
     "Council approves new cycle lanes"),
    ("", "Daily Bugle", "Daily Bugle"),
    ("<title>Council approves new budget for schools | The Daily Bugle</title>",
     "<a href='/'>The Daily Bugle</a>", "Council approves new budget for schools | The Daily Bugle"),
    ("<title>Site | Japan and NATO</title>", "Japan and NATO pledge closer ties", "Japan and NATO pledge closer ties"),
    ("<title>Budget row deepens as council meets</title>", "Council approves new cycle lanes",
     "Budget row deepens as council meets"),  # one key word of four shared: another story's h1
    ("<title>Parties and cities agree deal | Daily Bugle</title>", "Party leaders and city mayors agree",
     "Party leaders and city mayors agree"),  # stems as the headline rules take them ("cities", "city")
    ("<title>Council approves lanes</title>", f"<div><p>{'Council approves lanes and more. ' * 12}</p></div>",
     "Council approves lanes"),  # an h1 that wraps the page's text is no headline
])
def test_a_page_title_is_its_h1_when_the_og_title_or_title_names_it(head, h1, title):
    page = f"<html><head>{head}</head><body><h1>{h1}</h1><p>The council voted.</p></body></html>"
    assert html_to_lines(page)[2] == title


@pytest.mark.parametrize("head, body, title", [
    # Blogger: "Blog name: Post title", the blog name a logo h1 over the post's h3
    ("<title>Daily Bugle: Council approves new cycle lanes</title>",
     "<h1>Daily Bugle</h1><h3 class='post-title'>Council approves new cycle lanes</h3>",
     "Council approves new cycle lanes"),
    ("<title>Council approves new cycle lanes | Daily Bugle</title>",
     "<h1>Daily Bugle</h1><h3>Council Approves New Cycle Lanes</h3>",
     "Council Approves New Cycle Lanes"),  # as the page's heading reads
    ("<title>Daily Bugle » Council approves new cycle lanes</title>",
     "<h1>Daily Bugle</h1><h2>Council approves new cycle lanes</h2>", "Council approves new cycle lanes"),
    ('<meta property="og:site_name" content="The Daily Bugle">'
     "<title>Daily Bugle: Council approves new cycle lanes</title>", "", "Council approves new cycle lanes"),
    ('<link rel="canonical" href="https://www.dailybugle.com/2024/lanes.html">'
     "<title>Council approves new cycle lanes - Daily Bugle</title>", "", "Council approves new cycle lanes"),
    ("<title>Council approves new cycle lanes | Daily Bugle</title>",
     "<h2>Council approves new cycle lanes</h2>", "Council approves new cycle lanes"),
    ("<title>Council approves new cycle lanes - Daily Bugle</title>",
     "<h2>Daily Bugle</h2><h1>Council approves new cycle lanes</h1>", "Council approves new cycle lanes"),
    ("<title>Council approves new cycle lanes - Daily Bugle</title>",
     "<h2>Council approves new cycle lanes</h2><h3>Daily Bugle</h3>", "Council approves new cycle lanes"),
    ("<title>Daily Bugle - Council approves new cycle lanes</title>",
     "<h2>Daily Bugle</h2><h3>Council approves new cycle lanes</h3>", "Council approves new cycle lanes"),
    # an older page's headline in bold type, the site named nowhere else (QA pass 19)
    ("<title>The Valley Herald - Council approves new cycle lanes</title>",
     "<b><font size='4'>Council approves new cycle lanes</font></b><br>", "Council approves new cycle lanes"),
])
def test_a_page_title_is_named_without_its_site_name(head, body, title):
    page = f"<html><head>{head}</head><body>{body}<p>The council voted.</p></body></html>"
    assert html_to_lines(page)[2] == title


@pytest.mark.parametrize("head, body", [
    ("<title>Budget 2024: what changes for you</title>", "<h2>What changes for you</h2>"),
    ('<meta property="og:site_name" content="Daily Bugle"><title>Budget 2024: what changes for you</title>', ""),
    ("<title>Council approves new cycle lanes: Daily Bugle</title>", "<h1>Daily Bugle</h1>"),  # no "Post: Site"
    ("<title>Climate Change | Economic Research Service</title>", "<h2>Climate Change</h2>"),  # the shorter part
    # both parts are lines of the page (a footer names the site): no telling
    ("<title>Economic Research Service | Climate change policy for farmers</title>",
     "<p>Climate change policy for farmers</p><p>Economic Research Service</p>"),
    ("<title>Daily Bugle - Lanes approved</title>",
     "<h2>Daily Bugle</h2><h3>Lanes approved</h3>"),  # after a dash, a site's name goes last
])
def test_a_colon_or_an_unnamed_part_stays_in_the_title(head, body):
    page = f"<html><head>{head}</head><body>{body}<p>The council voted.</p></body></html>"
    named = head.rsplit("<title>", 1)[1].removesuffix("</title>")
    assert html_to_lines(page)[2] == named


def test_a_blogger_post_headline_is_the_title_and_not_taken_for_furniture():
    body = "".join(f"<p>{BODY_PARAGRAPH}</p>" for _ in range(3))
    for named in ("Daily Bugle: Council approves new cycle lanes", "Council approves new cycle lanes | Daily Bugle"):
        page = (f"<html><head><title>{named}</title></head><body><h1>Daily Bugle</h1>"
                f"<h3 class='post-title'>Council approves new cycle lanes</h3>{body}</body></html>")
        assert_headline_located(page, "Council approves new cycle lanes")


def test_a_page_headline_below_long_menus_is_located_and_not_taken_for_furniture():
    menu = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(30))
    body = "".join(f"<p>{BODY_PARAGRAPH}</p>" for _ in range(4))
    page = (f"<html><head><title>Council approves new cycle lanes | Daily Bugle</title></head><body>"
            f"<nav><ul>{menu}</ul></nav><h1>Council approves new cycle lanes</h1>{body}</body></html>")
    assert_headline_located(page, "Council approves new cycle lanes")


def assert_headline_located(page: str, headline: str) -> None:
    """The page's title is ``headline``, found as a line of its text that BPL011 leaves alone."""
    doc = make_document(InputRecord(id="p.html", html=page))
    assert doc.title == headline
    assert doc.title_span is not None and doc.title_span.text == doc.title
    flagged = [doc.text[f.start:f.end] for f in BoilerplateLine().check(doc)]
    assert not any(doc.title in text for text in flagged)


def test_bad_input_gives_empty_text():
    assert html_to_lines("") == ("", None, None)


def test_fragment_is_read_without_extraction():
    assert html_to_lines("<p>Just one paragraph.</p>") == ("Just one paragraph.", None, None)
    assert html_to_lines("plain text, no markup") == ("plain text, no markup", None, None)


def test_page_with_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?>' + PAGE
    assert html_to_lines(page)[0] == html_to_lines(PAGE)[0]


def test_wcxb_page_matches_the_naive_scrape():
    page = shared_path("data", "boilerplate", "wcxb_html", "wcxb-test__4011.html.gz")
    with gzip.open(page, "rt", errors="replace") as fh:
        text, main, title = html_to_lines(fh.read())
    assert len(text.split("\n")) > 100 and main and title
    assert all(line.strip() in text for line in main.split("\n")[:5] if len(line) > 80)
    # one parse serves both: the main text is what trafilatura extracts from the raw page
    with gzip.open(page, "rt", errors="replace") as fh:
        assert main == trafilatura.extract(fh.read())


@pytest.mark.parametrize("depth", [0, 3000])  # the tree's walk, and the parser's events
def test_a_pre_blocks_lines_stay_lines(depth):
    body = ("<p>Create a workspace per environment:</p><pre><code>terraform workspace new staging\n"
            "# back to the default one\nterraform workspace select default\n</code></pre>"
            "<p>The state files stay apart.</p>")
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    assert html_to_lines(page)[0].splitlines() == [
        "Create a workspace per environment:", "terraform workspace new staging",
        "# back to the default one", "terraform workspace select default",
        "The state files stay apart."]


def test_a_pre_blocks_indentation_is_kept():
    """QA pass 32: an application.yml in a pre element came out flat, another YAML file."""
    page = ("<html><body><p>Turn it on in application.yml:</p><pre><code>spring:\n  threads:\n"
            "    virtual:\n      enabled:\ttrue\n\n</code></pre><p>That is all.</p></body></html>")
    assert html_to_lines(page)[0].splitlines() == [
        "Turn it on in application.yml:", "spring:", "  threads:", "    virtual:",
        "      enabled:\ttrue", "That is all."]
