"""Boilerplate rules: own examples, the seeds' furniture lines with exact spans, clean prose."""
from __future__ import annotations

import random
import re
from dataclasses import replace

import numpy as np
import pytest

from scanner.boilerplate import analysis, features
from scanner.boilerplate.analysis import _COMMENT_OPENER_START_RE, analyse
from scanner.boilerplate.features import (
    CAPITAL_RE,
    DENSE_NAMES,
    HEAD_CHARS,
    STOP_WORDS,
    _capitals_and_digits,
    _has_separator,
    _line_tokens,
    _lower_tokens,
    _repeated,
    content_words,
    has_spaces,
    is_prose,
    line_features,
    tokens,
    topic_overlap,
)
from scanner.boilerplate.model import (
    CUT_TAUS,
    bin_codes,
    load_model,
    segment_flags,
    stage2_features,
)
from scanner.boilerplate.patterns import (
    COMMENT_OPENER_RE,
    DATE_LINE_RE,
    READER_REACTION_RE,
    _shape_kind,
    comment_header,
    line_cues,
)
from scanner.checks import boilerplate
from scanner.checks.boilerplate import _BODY
from scanner.engine import Scanner
from scanner.finding import Severity
from scanner.io.records import InputRecord
from tests.conftest import SEEDS, doc_of

RULES = [cls() for cls in boilerplate.RULES]
BY_ID = {r.id: r for r in RULES}


def _findings(text: str, title: str | None = None, **metadata):
    doc = doc_of(text, title, **metadata)
    return doc, [f for rule in RULES for f in rule.check(doc)]


def _lines(text: str) -> set[str]:
    """The stripped non-blank lines of ``text``."""
    return {line.strip() for line in text.split("\n") if line.strip()}


def _warned_lines(text: str) -> set[str]:
    """The lines of ``text`` that a boilerplate rule warns on (or worse)."""
    doc, found = _findings(text)
    return _flagged_line_texts(doc, found, Severity.WARNING)


def _flagged_line_texts(doc, found, min_severity=Severity.INFO):
    out = set()
    for f in found:
        if f.start is not None and f.severity.rank >= min_severity.rank:
            for i in range(doc.line_index(f.start), doc.line_index(f.end - 1) + 1):
                out.add(doc.lines[i].text.strip())
    return out - {""}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule):
    for example in rule.examples:
        found = [f for f in rule.check(doc_of(example.text, example.title)) if f.rule == rule.id]
        assert bool(found) == example.flagged, (rule.id, example.text)


def _seed(number: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(number)).read_text(encoding="utf-8")


@pytest.mark.parametrize("number, rule_id, line", [
    ("000", "BPL005", "Home News NATO and Japan Pledge to Strengthen Ties"),
    ("000", "BPL004", "Previous articleSouth African Tourism Returned Home in Victory From Fitur 2023"),
    ("000", "BPL004", "Next articleWoman Finds Lookalike on Instagram and Kills Her to Fake Own Death"),
    ("001", "BPL004", "Related Articles"),
    ("001", "BPL002", "Leave a Reply"),
    ("001", "BPL002", "Your email address will not be published. Required fields are marked *"),
    ("001", "BPL004", "Back to top button"),
    ("002", "BPL003", "Discover more from Meritnews24"),
    ("002", "BPL003", "Subscribe to get the latest posts sent to your email."),
    ("002", "BPL002", "Leave a Comment"),
    ("002", "BPL003", "Subscribe now to keep reading and get access to the full archive."),
    ("002", "BPL003", "Continue reading"),
    ("003", "BPL006", "0"),
    ("003", "BPL006", "255"),
    ("003", "BPL007", "Takashi Aoyama|Anadolu Agency|Getty Images"),
    ("004", "BPL010", "Boeing Signs Contract with US Air Force"),
    ("004", "BPL010", "MRBS Brings Defence Industry Together in Ankara"),
    ("004", "BPL001", ("Bu site deneyimlerinizi kişiselleştirmek amacıyla KVKK ve GDPR uyarınca çerez "
                       "(Cookie) kullanmaktadır. Bu konu hakkında detaylı bilgi edinmek için tıklayınız.")),
])
def test_seed_furniture_is_flagged_with_exact_line_span(number, rule_id, line):
    text = _seed(number)
    doc = doc_of(text)
    start = text.index(line)
    spans = [(f.start, f.end) for f in BY_ID[rule_id].check(doc)]
    line_index = doc.line_index(start)
    assert any(s <= start and start + len(line) <= e for s, e in spans), spans
    for s, e in spans:  # every finding starts and ends on line boundaries
        assert s == doc.lines[doc.line_index(s)].start and e == doc.lines[doc.line_index(e)].end
    assert doc.lines[line_index].text.strip() == line


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_article_prose_and_title_are_not_flagged(path):
    doc, found = _findings(path.read_text(encoding="utf-8"))
    flagged = _flagged_line_texts(doc, found)
    assert doc.title_span is not None  # every seed's headline is found, so this check runs
    assert doc.title_span.text.strip() not in flagged
    # article paragraphs: long lines that are not the author bio, the banner or a photo caption
    prose = [s.text for _, s in doc.nonblank_lines
             if len(s.text.split()) >= 25 and "(left)" not in s.text
             and not s.text.startswith(("An International", "Bu site"))]
    assert prose and not [p for p in prose if p.strip() in flagged]


def test_title_line_is_never_flagged():
    text = "Related Articles\nJapan and NATO pledge closer ties\n\n" + boilerplate._BODY
    doc, found = _findings(text, None)
    assert doc.title_span is not None
    assert doc.title_span.text not in _flagged_line_texts(doc, found)


def test_run_of_lines_is_one_finding():
    doc = doc_of(boilerplate._BODY + "Leave a Reply\nYour email address will not be published.\n")
    found = list(BY_ID["BPL002"].check(doc))
    assert len(found) == 1 and found[0].data["lines"] == 2


def test_cue_patterns_respect_prose():
    assert line_cues(["Share", "Share prices rose 3% in Tokyo on Monday after the vote."]) == ["share", None]
    assert line_cues(["This site uses cookies to improve your experience."]) == ["cookie"]
    assert line_cues(["She baked cookies for the whole street, she said."]) == [None]
    assert DATE_LINE_RE.match("February 3, 2023") and DATE_LINE_RE.match("3 hours ago")
    assert not DATE_LINE_RE.match("February 3, 2023 was a busy day for the alliance.")


def test_counters_only_outside_the_body():
    body = boilerplate._BODY
    head = analyse(doc_of("Title of the story here\n0\n12\n" + body))
    assert "share" in head.kinds
    middle = analyse(doc_of(body + "\n12\n\n" + body))
    assert "share" not in middle.kinds


# a share bar's buttons with their counters (QA pass 8): a button's name with a count is a share
# cue, and a bare pair of counters beside it is the bar's too
SHARE_COUNTERS = ["Share 12", "Tweet 12 Share 45 Email", "0/255 Tweet 12 Share 45 Email"]


@pytest.mark.parametrize("line", SHARE_COUNTERS)
def test_share_buttons_with_their_counters_are_share_widgets(line):
    assert line_cues([line]) == ["share"]
    doc, found = _findings(boilerplate._BODY + line + "\n" + boilerplate._BODY)
    assert _flagged_line_texts(doc, found, Severity.WARNING) == {line}


def test_bare_counters_beside_a_share_button_are_share_counters_anywhere():
    doc, found = _findings(boilerplate._BODY + "Tweet\nShare 12\n0 / 255\n" + boilerplate._BODY)
    assert _flagged_line_texts(doc, found, Severity.WARNING) == {"Tweet", "Share 12", "0 / 255"}
    assert "share" in analyse(doc_of("Title of the story here\n0 / 255\n" + boilerplate._BODY)).kinds


@pytest.mark.parametrize("line", ["Arsenal 2 / 1 Chelsea", "2 / 1", "Share 12 %",
                                  "About 3 / 4 of the members backed the plan on Monday.",
                                  "Share prices fell 12 % on Monday.",
                                  "It was a cold morning. Picture this: a quiet lake at dawn.",
                                  "Picture this: a quiet lake at dawn, and a ferry on it."])
def test_scores_fractions_and_figures_are_no_share_counters_or_credits(line):
    doc, found = _findings(boilerplate._BODY + line + "\n" + boilerplate._BODY)
    assert not _flagged_line_texts(doc, found)
    doc, found = _findings(boilerplate._BODY + line + "\n")  # after the body
    assert not _flagged_line_texts(doc, found)


@pytest.mark.parametrize("caption", [
    "The Windermere car ferry at Ferry Nab. Picture: Stuart Walker/Westmorland Courier",
    "An artist's impression of the new park. Photo: Riverside Skate Group",
])
def test_a_caption_ending_in_its_photo_credit_is_a_credit(caption):
    assert line_cues([caption]) == ["credit"]
    doc, found = _findings(boilerplate._BODY + caption + "\n" + boilerplate._BODY)
    assert {f.rule for f in found} == {"BPL007"}


def test_html_main_text_evidence_is_recorded():
    doc = doc_of("Menu\n" + boilerplate._BODY, None, main_text=boilerplate._BODY)
    page = analyse(doc)
    assert page.in_main == [False, True, True]


def test_all_prose_text_skips_the_model():
    assert analyse(doc_of(boilerplate._BODY)).probabilities is None


def test_model_needs_three_odd_lines_besides_the_headline():
    title = "Japan and NATO pledge closer ties\n\n"
    assert analyse(doc_of(title + boilerplate._BODY + "Most Read\nWhy the yen is falling")
                   ).probabilities is None
    assert analyse(doc_of(title + boilerplate._BODY + "Most Read\nWhy the yen is falling\n"
                          "Scroll down for video")).probabilities is not None


def test_plain_arrays_match_the_skops_model():
    """The scanner's npz export gives the skops training artefact's probabilities."""
    from scanner.boilerplate.model import from_bundle, load_bundle, load_model

    texts = ["Menu", "Home", "Japan and NATO pledge closer ties", *boilerplate._BODY.split("\n\n"),
             "Most Read", "Top 10 beaches in Europe", "3 Comments", "Maria says:"]
    texts = [t.strip() for t in texts if t.strip()]
    cues = line_cues(texts)
    expected = from_bundle(load_bundle()).probabilities(texts, cues)
    assert load_model().probabilities(texts, cues) == pytest.approx(expected, abs=1e-12)


def test_scanning_does_not_import_sklearn():
    import subprocess
    import sys

    code = ("import sys, scanner; scanner.scan_text('Menu\\nHome\\n' + open(sys.argv[1]).read()); "
            "print(any(m == 'sklearn' or m.startswith('sklearn.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS[0])], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


THREAD = ("12 Responses to “Japan and NATO pledge closer ties”\n"
          "Maria Lopez says:\nMarch 3, 2012 at 4:15 pm\n"
          "Great summary, thanks. I wonder whether Japan will change its export rules soon.\n"
          "Reply\n"
          "Tom K | Mar 4, 2012 @ 9:02 AM\n"
          "Japan should stay out of this. Nobody asked for another alliance in the Pacific.\n"
          "Leave a Reply\n")


def test_comment_thread_bodies_are_flagged():
    doc, found = _findings(boilerplate._BODY + "\n" + THREAD)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in THREAD.split("\n") if line} <= flagged
    assert not any(p.strip() in flagged for p in boilerplate._BODY.split("\n\n"))


def test_report_abuse_links_delimit_comments_without_headers():
    # a Joomla thread whose headers are a name and a date without a time: its "Report abuse"
    # links, one per comment, make the run a thread
    thread = ("Bob Annan\nOctober 16, 2013\nMarine Scotland let the gangs strip it bare in the 90s.\n"
              "Report abuse\nVote up (14) Vote down (2)\nsolwaygirl\nOctober 16, 2013\n"
              "My grandad worked those beds. It breaks my heart.\nReport abuse\n")
    doc, found = _findings(boilerplate._BODY + "\n" + thread)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {"Vote up (14) Vote down (2)", "solwaygirl", "My grandad worked those beds. It breaks my heart."} <= flagged
    assert not any(p.strip() in flagged for p in boilerplate._BODY.split("\n") if p.strip())


def test_one_report_abuse_link_makes_no_thread():
    doc, found = _findings(boilerplate._BODY + "Report abuse\n"
                           "The alliance will meet again in July, officials in Brussels said.\n"
                           "Reply\n" + boilerplate._BODY)
    assert _flagged_line_texts(doc, found, Severity.WARNING) == {"Report abuse", "Reply"}


def test_quoted_statements_and_dated_events_are_not_a_thread():
    text = ("The ministry says:\nJapan will keep its export rules for now, officials added.\n"
            "The talks began on March 3, 2012 at 4:15 pm in Tokyo and lasted for two hours.\n"
            + boilerplate._BODY + "A second statement says:\n"
            "The alliance will meet again in July, the statement says.\n")
    doc, found = _findings(text)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)


LIVE_BLOG = ("Wed 6 Mar 2024 11.05 GMT\n"
             "Jeremy Hunt has left 11 Downing Street with the traditional red box, as expected.\n"
             "Wed 6 Mar 2024 12.32 GMT\n"
             "The Chancellor is on his feet. He begins by saying that inflation has fallen.\n"
             "Wed 6 Mar 2024 12.51 GMT\n"
             "The headline announcement: national insurance will be cut from 10 to 8 per cent.\n")


def test_a_live_blogs_time_stamps_between_its_entries_are_no_thread():
    doc, found = _findings(boilerplate._BODY + LIVE_BLOG)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)
    # a commenter's name before each stamp makes the same lines a thread
    named = LIVE_BLOG.replace("Wed 6", "Maria Lopez\nWed 6")
    doc, found = _findings(boilerplate._BODY + named)
    assert "The Chancellor is on his feet. He begins by saying that inflation has fallen." in (
        _flagged_line_texts(doc, found, Severity.WARNING))


@pytest.mark.parametrize("heading, paragraph", [
    ("Print", "The decline in print is steady and, most analysts believe, irreversible."),
    ("Newsletter", "The publisher now sends more than 100 newsletters, from news to food."),
    ("Comments", "Residents sent more than 400 comments on the plan, most of them in favour."),
    ("Kommentare", "Die Zahl der Kommentare unter den Artikeln hat sich verdoppelt."),
])
def test_a_one_word_subheading_the_next_paragraph_takes_up_is_kept(heading, paragraph):
    # QA pass 17: a media story's sections
    text = boilerplate._BODY + heading + "\n" + paragraph + "\n" + boilerplate._BODY
    doc, found = _findings(text)
    assert heading not in _flagged_line_texts(doc, found, Severity.WARNING)
    doc, found = _findings(text.replace(paragraph, "Officials in Brussels declined to comment."))
    assert heading in _flagged_line_texts(doc, found, Severity.WARNING)


def test_a_share_label_over_a_comment_that_says_this_is_no_subheading():
    # QA pass 42: "Share this:" between the post and a reader's comment; the comment's "this"
    # (a function word) does not take the label up as a paragraph takes up its subheading
    comment = "Made this last night with what I had in the cupboard. Still delicious, thank you!"
    doc, found = _findings(ARTICLE + "Share this:\n" + comment + "\n")
    assert "Share this:" in _flagged_line_texts(doc, found, Severity.WARNING)
    # (a subheading whose word the next paragraph takes up is still one)
    doc, found = _findings(ARTICLE + "Share\n" + "Its share of the alliance's budget has "
                           "divided its members for years, officials said.\n" + boilerplate._BODY)
    assert "Share" not in _flagged_line_texts(doc, found, Severity.WARNING)


def test_an_about_heading_with_the_story_going_on_after_it_is_no_company_profile():
    profile = ("About Crisply\nCrisply was founded in 2011 by Ruth and Daniel Ashworth in their "
               "garage near Pontefract and now employs about 600 people.\n")
    doc, found = _findings(boilerplate._BODY + profile + boilerplate._BODY + boilerplate._BODY)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)
    doc, found = _findings(boilerplate._BODY + boilerplate._BODY + profile)
    assert "About Crisply" in _flagged_line_texts(doc, found, Severity.WARNING)


def test_have_your_say_opens_comments_only_when_comments_follow():
    consultation = ("Have your say\nThe consultation runs for eight weeks until 14 March, and "
                    "residents can respond online or by post.\n")
    doc, found = _findings(boilerplate._BODY + consultation + boilerplate._BODY)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)
    comments = "Have your say\nComments (3)\nTypical. They can find the money for everything else.\n"
    doc, found = _findings(boilerplate._BODY + boilerplate._BODY + comments)
    assert {"Have your say", "Comments (3)"} <= _flagged_line_texts(doc, found, Severity.WARNING)


NAME_ONLY_THREAD = ("Marcy says:\nLove this! Did the council say anything about parking?\n"
                    "Tom R. says:\nParking is on the Oak Avenue side, it was in the plan.\n")


def test_two_name_only_headers_ending_the_text_are_a_thread_with_their_bodies():
    # an older WordPress theme prints only "Name says:" (QA pass 16: the headers were warned,
    # the comments between them kept by --emit-clean)
    doc, found = _findings(boilerplate._BODY + NAME_ONLY_THREAD)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert set(NAME_ONLY_THREAD.strip().split("\n")) <= flagged
    assert not any(p.strip() in flagged for p in boilerplate._BODY.split("\n") if p.strip())


def test_two_name_only_headers_inside_the_article_are_no_thread():
    doc, found = _findings(boilerplate._BODY + NAME_ONLY_THREAD + boilerplate._BODY)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert "Love this! Did the council say anything about parking?" not in flagged


@pytest.mark.parametrize("header", [
    "Martine 13 octobre 2024 à 9 h 14 min", "Jan 13. Oktober 2024 um 9:14 Uhr",
    "Ana 13 de octubre de 2024 a las 9:14", "Luca 13 ottobre 2024 alle 9:14",
    "Rui 13 de outubro de 2024 às 9:14",
])
def test_a_thread_with_comment_headers_of_other_languages_is_flagged(header):
    thread = (f"{header}\nTestée hier soir, un régal ! Merci Julie.\nRépondre\n"
              f"{header.replace('13', '14', 1)}\nTrop sucrée à mon goût.\nRépondre\n")
    doc, found = _findings(boilerplate._BODY + thread)
    assert set(thread.strip().split("\n")) <= _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("line", [
    "Publié le 20 janvier 2025 à 18h05",  # the article's stamp
    "Le conseil se réunira le 13 octobre 2024 à 9 h 30.",  # a sentence naming a date and time
])
def test_a_stamp_or_a_sentence_with_a_date_is_no_comment_header(line):
    assert comment_header(line) is None


# threads of older CMSs and themes (QA pass 49): TownNews's "user posted at TIME on DATE.",
# WordPress Thesis's count heading, an obituary's guest book
OLDER_THREADS = [
    "eastsidemom posted at 7:02 am on Wed, Oct 17, 2012.\nShameful. They always cut on the east "
    "side first.\ncfvoter posted at 7:20 am on Wed, Oct 17, 2012.\nNobody likes it but the numbers "
    "don't lie. Something had to give.\n",
    "{ 31 comments… read them below or add one }\nBrilliant, did all 9 rads in the house in 20 "
    "mins.\nI did this and now my boiler is showing 0.5 bar and won't fire up. Is the filling loop "
    "the silver hose?\nThat worked! Thank you so much, you've saved me a call out charge.\n",
    "Guest Book\n17 entries. Share a memory or offer condolences to the family.\nMrs. Van Dusen "
    "was my second grade teacher in 1958 and I have never forgotten her.\nOur deepest sympathy "
    "to Tom, Anne and the whole family.\n",
]


SCHOOL_STORY = (  # a scraper's text: a line a paragraph
    "The school board voted 5-2 on Tuesday night to close Maple Street Elementary at the end of "
    "the school year, moving its 212 pupils to two schools across town.\n"
    "Board president Linda Park said the decision was the hardest the board had made in a "
    "decade, but that enrollment had fallen by half since 1995.\n"
    "Parents packed the meeting, and more than 30 people spoke during the public comment period, "
    "most of them against the closure.\n"
    "The district says closing the building will save about $1.1 million a year in maintenance "
    "and staffing costs.\n")


@pytest.mark.parametrize("thread", OLDER_THREADS)
def test_threads_of_older_cms_are_flagged(thread):
    assert _lines(thread) <= _warned_lines(SCHOOL_STORY + thread)


@pytest.mark.parametrize("line", [
    "The fire started at 7:02 am on Wed, Oct 17, 2012.",  # a sentence with a time and a date
    "Crews were called at 7:02 am on Wed, Oct 17, 2012, and stayed until noon.",
    "The hotel kept a guest book signed by three presidents.",
    "Published in Nature on March 4, 2010, the study found that bees can count.",
])
def test_an_articles_times_dates_and_guest_books_are_no_comment_cue(line):
    assert comment_header(line) is None
    assert not _warned_lines(SCHOOL_STORY + line + "\n" + SCHOOL_STORY)


def test_a_says_line_that_introduces_a_quotation_is_no_comment_header():
    quotes = ('Helen Jones says:\n"We have worked very hard to get here, and the staff deserve '
              'the credit."\nPeter Brown says:\n“There is still a long way to go.”\n')
    doc, found = _findings(boilerplate._BODY + quotes)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)
    doc, found = _findings(boilerplate._BODY + quotes.replace('"', "").replace("“", ""))
    assert "Helen Jones says:" in _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("stamp", ["Last Updated ( Sunday, 20 June 2010 19:05 )",
                                   "Updated: March 3, 2012 at 4:15 pm", "Published 20 June 2010 18:42",
                                   "Posted on March 3, 2012 at 4:15 pm"])
def test_the_articles_own_time_stamps_around_it_are_not_a_thread(stamp):
    text = ("Novice crew takes silver at regatta\nWritten by Administrator\nSunday, 20 June 2010 18:42\n"
            + boilerplate._BODY + stamp + "\n< Prev   Next >\n")
    doc, found = _findings(text)
    assert not any(p.strip() in _flagged_line_texts(doc, found, Severity.WARNING)
                   for p in boilerplate._BODY.split("\n") if p.strip())


BARE_COMMENTS = ("7 Comments\n"
                 "Great article, thanks for explaining the export rules so clearly.\n"
                 "I don't agree at all. Japan has no business joining a military alliance.\n"
                 "Why does nobody mention the cost of all this for taxpayers?\n")
ARTICLE = boilerplate._BODY + "Stoltenberg will travel on to Seoul, where he is due to meet the defence minister.\n"


WIDGETS = [  # (widget, its buttons and fields, the rule that flags the widget)
    ("We use cookies to improve your experience on our site.", "Yes, I agree\nNo, take me to settings",
     "BPL001"),
    ("Share this article\nFacebook", "X", "BPL006"),
    ("Leave a Reply\nYour email address will not be published. Required fields are marked *",
     "Website\nPost Comment", "BPL002"),
    ("Sign up for the Harbour Daily newsletter", "Your email", "BPL003"),
]


@pytest.mark.parametrize("widget, controls, rule", WIDGETS)
def test_the_buttons_and_fields_of_a_flagged_widget_are_flagged_with_it(widget, controls, rule):
    doc, found = _findings(ARTICLE + widget + "\n" + controls + "\n© 2024 Harbour Media. All rights reserved.\n")
    assert set(controls.split("\n")) <= _flagged_line_texts(
        doc, [f for f in found if f.rule == rule], Severity.WARNING)


def test_a_short_line_under_a_widget_that_prose_follows_is_the_storys_own():
    subheading = "A new partnership"
    doc, found = _findings("Share this article\nFacebook\n" + ARTICLE + "Share this article\n"
                           + subheading + "\n" + boilerplate._BODY)
    assert subheading not in _flagged_line_texts(doc, found, Severity.WARNING)


def test_comment_section_after_the_article_is_flagged_to_the_end():
    doc, found = _findings(ARTICLE + BARE_COMMENTS)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in BARE_COMMENTS.split("\n") if line} <= flagged
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


@pytest.mark.parametrize("heading", ["No Comments", "One thought on “Japan and NATO pledge closer ties”",
                                     "1 Comment", "3 Responses to “Japan and NATO”",
                                     "Comments (3)", "Comments (0)"])
def test_comment_section_headings_agree_with_their_count(heading):
    doc, found = _findings(ARTICLE + heading + "\n" + BARE_COMMENTS.split("\n", 1)[1])
    assert heading in _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("line, counted", [
    ("12 Comments", True), ("No responses to “Japan and NATO”", True), ("One thought on “Tokyo”", True),
    ("Comments (4)", True), ("Comments (0)", True),
    ("One comments", False), ("Two comment", False), ("No comment on air strikes", False),
    ("Two responses to the plan were published on Monday.", False),
])
def test_a_comment_count_is_a_cue_exactly_when_it_heads_a_comment_section(line, counted):
    opener = COMMENT_OPENER_RE.match(line)
    assert (line_cues([line]) == ["comments"]) is counted
    assert bool(opener and opener.group("count")) is counted


@pytest.mark.parametrize("line", [
    "12 Comments", "No responses", "Two replies", "Three thoughts", "One reaction", "Reader comments",
    "User Comments (2)", "COMMENTS", "Kommentare (3)", "Commentaires (1)", "Comentarios (2)",
    "comentários (2)", "Commenti (1)", "Reacties (4)", "Reacciones (3)", "Commenta (1)", "Comenta (1)",
    "Comentar (1)", "Kommentieren (1)", "Répondre (1)", "Responder (1)", "Rispondi (1)", "Antworten (5)",
    "» Have your say", "Sign the guest book", "Guestbook", "\u212aommentare (3)",  # (a Kelvin sign's k)
])
def test_every_comment_section_heading_opens_as_the_gate_before_its_regex_says(line):
    """_comment_section_positions tries COMMENT_OPENER_RE only on a line whose first two word
    characters open one of its alternatives (_COMMENT_OPENER_START_RE): each of them."""
    assert COMMENT_OPENER_RE.match(line)
    assert _COMMENT_OPENER_START_RE.match(line)


@pytest.mark.parametrize("line", ["Leave a comment", "Your say", "Latest comments", "— Post a comment",
                                  "The comments were closed", "On the record", "An update", "Norway"])
def test_a_line_the_comment_heading_gate_stops_is_no_heading(line):
    assert _COMMENT_OPENER_START_RE.match(line) is None
    assert not COMMENT_OPENER_RE.match(line)


def test_a_no_comment_subheading_does_not_open_a_comment_section():
    doc, found = _findings(ARTICLE + "No comment on air strikes\n"
                           "The ministry declined to say whether Japan would join the air strikes "
                           "or send more aid to the region, a spokesman said.\n")
    assert not _flagged_line_texts(doc, found, Severity.WARNING)


def test_a_bare_comments_button_mid_article_opens_no_section():
    rest = ("Continue reading the main story\n"
            "The alliance will hold its next summit in July, where Japan is expected to attend "
            "as a partner, officials in Brussels said.\n")
    doc, found = _findings(ARTICLE + "COMMENTS\n" + rest)
    assert not _flagged_line_texts(doc, found, Severity.WARNING) - {"COMMENTS"}
    doc, found = _findings(ARTICLE + "Comments\n" + BARE_COMMENTS.split("\n", 1)[1])
    assert set(BARE_COMMENTS.split("\n")[1:-1]) <= _flagged_line_texts(doc, found, Severity.WARNING)


SENTENCES_LIKE_CUES = ["Regulators said the site used cookies without consent and fined it.",
                       "Add your comment to the consultation by Friday, the council said.",
                       "Submitted by the council on Tuesday, the plan runs to 300 pages.",
                       "Other stories this week showed the council had voted against it.",
                       "He said the trail went Oslo > Bergen > Stavanger.",
                       "Prices rose 3% → analysts had expected 2%.",
                       "All rights reserved by the treaty remain with the states, the minister said.",
                       "Two responses to the plan were published on Monday.",
                       "Three comments on the report came from ministers.",
                       "Share the cost of the project equally.",
                       "More stories from the summit will follow.",
                       "Subscribe to the idea of a united Europe, he said.",
                       "More police officers will patrol the centre.",
                       "Get the latest figures from the council's website.",
                       "Join 300 runners on Sunday for the charity race.",
                       "Your email address is safe with the bank, the regulator said.",
                       "She wrote that more recipes would follow in spring.",
                       "Mr Hale  the leader  said little  Then  Nothing",  # lower-case entries
                       "Home  Away  Goals  2-1",
                       "Sign in or create an account to read the full report, the site says."]


def test_sentences_that_open_like_page_furniture_are_article_text():
    assert line_cues(SENTENCES_LIKE_CUES) == [None] * len(SENTENCES_LIKE_CUES)
    doc, found = _findings(boilerplate._BODY + "\n".join(SENTENCES_LIKE_CUES) + "\n"
                           + boilerplate._BODY)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("line, kind", [
    # a title, a name or a separator after the cue: furniture
    ("Previous articleSouth African Tourism Returned Home", "navigation"),
    ("Next story: Japan and NATO pledge closer ties", "navigation"),
    ("Older posts", "navigation"),
    ("Next Post » Japan and NATO", "navigation"),
    ("3 Responses to “Japan and NATO pledge closer ties”", "comments"),
    ("One thought on “Japan and NATO”", "comments"),
    ("Share this article", "share"),
    ("More stories from BBC News", "navigation"),
    ("Subscribe to our newsletter", "subscribe"),
    ("Subscribe to our blog and receive notifications of new posts by email.", "subscribe"),
    ("Share this story.", "share"),
    ("3 Comments on Japan and NATO pledge closer ties.", "comments"),
    ("Next article in Politics", "navigation"),
    # a sentence after it: article text
    ("Previous posts mentioned Abu Hussein al Britani, a fellow militant.", None),
    ("Next pages of the report show the figures for each region.", None),
])
def test_a_cue_followed_by_a_title_is_furniture_and_by_a_sentence_is_not(line, kind):
    assert line_cues([line]) == [kind]


def test_a_bare_comments_heading_opens_a_section_when_a_long_first_comment_precedes_its_byline():
    comment = ["“The alliance has been saying this for years,” wrote a former minister in 2019."] * 8
    tail = "Comments\n" + "\n".join(comment) + "\nPosted by: Ken T. | March 3, 2012 at 4:15 PM\n"
    doc, found = _findings(ARTICLE + tail)
    assert comment[0] in _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("count", ["7 Comments", "Comments (7)"])
def test_comment_count_under_the_headline_flags_only_itself(count):
    doc, found = _findings(f"Japan and NATO pledge closer ties\n{count}\n" + ARTICLE)
    assert _flagged_line_texts(doc, found) == {count}


# a regional-newspaper CMS's thread (QA pass 8): "Comments (3)" opens it as "3 Comments" does, and
# the commenter names, time stamps, bodies and "Recommend (8)" buttons between the "Report this
# comment" links are comment lines too
REGIONAL_THREAD = ("Comments (3)\nAdd your comment\nGareth, Rhos\n11:42am Fri 14 Nov 14\n"
                   "Asbestos in a 1970s building, who would have guessed. Surely they surveyed it first?\n"
                   "Report this comment\nRecommend (8)\ncymrufan\n12:10pm Fri 14 Nov 14\n"
                   "King Street in the rain is grim, especially for the elderly. Spring means summer, watch.\n"
                   "Report this comment\nRecommend (4)\nComments are closed on this article.\n")


# Slashdot's comment titles carry the moderation score: every body between them is the
# thread's, not only those the line model is sure of
SLASHDOT_THREAD = ("Re: Guaranteed jobs? (Score:2)\n"
                   "The alliance has been talking about this for ten years and nothing happened.\n"
                   "Re:What could go wrong? (Score:5, Insightful)\n"
                   "This quote from the summary does not match anything in the budget papers.\n"
                   "Maybe the ministry knows something the rest of us do not know yet.\n"
                   "The figures were different in the version published last spring.\n"
                   "Can confirm... (Score:4, Informative)\n"
                   "Worked at the port for twenty years, the ferries were never on time.\n")


@pytest.mark.parametrize("thread", [REGIONAL_THREAD, SLASHDOT_THREAD], ids=["regional", "slashdot"])
def test_a_thread_after_the_article_is_flagged_and_the_article_kept(thread):
    flagged = _warned_lines(ARTICLE + thread)
    assert _lines(thread) <= flagged and not flagged & _lines(ARTICLE)


def test_a_comments_count_in_brackets_before_the_article_opens_no_section():
    # in the share bar under the headline, before any article prose: only the count is furniture
    doc, found = _findings("Japan and NATO pledge closer ties\nComments (3)\nPrint\n" + ARTICLE)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert "Comments (3)" in flagged and flagged <= {"Comments (3)", "Print"}


BLURBS = ("Learn to make your money work as hard as you, so you can focus on your family.\n"
          "Our team of writers covers defence and diplomacy in Asia and Europe every week.\n"
          "Join thousands of readers who get our best stories delivered to their inbox.\n")


def test_a_comment_count_in_the_byline_row_does_not_open_a_section_over_the_article():
    # the page's blurbs are three prose lines before the byline row "date / 33 Comments"
    doc, found = _findings(BLURBS + "August 19, 2025 |\n33 Comments\n" + ARTICLE)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert "33 Comments" in flagged
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


def test_a_comment_count_next_to_a_date_opens_the_section_when_comments_follow():
    thread = ("Ken T. on June 4, 2011 at 9:12 am said:\n"
              "Japan should stay out of this, nobody in Tokyo asked for a new alliance.\n"
              "Anna R. on June 4, 2011 at 11:40 am said:\n"
              "The threat from the region is real and growing, and the article says why.\n")
    doc, found = _findings(ARTICLE + "Posted on June 3, 2011\n2 Comments\n" + thread)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {"2 Comments", *thread.strip().split("\n")} <= flagged
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


def _page(kinds, prose, title_position=None, blank_before=()):
    """A page's analysis as ``BoilerplateLine._gaps`` reads it: one line a position, a blank
    line before each position in ``blank_before``."""
    from types import SimpleNamespace

    lines = [k + sum(b <= k for b in blank_before) for k in range(len(kinds))]
    return SimpleNamespace(kinds=kinds, prose=prose, title_position=title_position,
                           line_indices=lines, last_lines=lines)


def test_short_gaps_between_boilerplate_lines_are_filled():
    rule = BY_ID["BPL011"]
    # nav, teaser (prose), nav, article x 4 (prose), footer: only the teaser is a gap
    kinds = ["navigation", None, "navigation", None, None, None, None, "legal"]
    prose = [False, True, False, True, True, True, True, False]
    page = _page(kinds, prose)
    probabilities = [0.9, 0.7, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9]
    assert rule._gaps(page, set(), probabilities) == [1]
    # a gap line the model doubts, or a gap holding the title, is left alone
    assert rule._gaps(page, set(), [0.9, 0.4, *probabilities[2:]]) == []
    assert rule._gaps(_page(kinds, prose, title_position=1), set(), probabilities) == []
    # a short article between a menu and a footer is not a gap
    page = _page(["navigation", None, None, "legal"], [False, True, True, False])
    assert rule._gaps(page, set(), [0.9, 0.8, 0.8, 0.9]) == []
    # the end of the page closes a gap; the start does not (the headline is there)
    page = _page([None, "navigation", None, None, None, None, "legal", None],
                 [False, False, True, True, True, True, False, False])
    assert rule._gaps(page, set(), [0.9] * 8) == [7]


@pytest.mark.parametrize(("blank", "teaser_prose"), [(1, True), (2, True), (7, True), (1, False)])
def test_a_prose_paragraph_set_off_by_a_blank_line_fills_no_gap_the_model_alone_makes(blank, teaser_prose):
    rule = BY_ID["BPL011"]
    kinds = [None, None, None, None, None, None, None, "legal", None]
    prose = [False, teaser_prose, False, True, True, True, True, False, True]
    page = _page(kinds, prose, blank_before=(blank, 8))
    # the prose paragraph after the footer is never filled; the teaser between two lines the
    # model flagged only when it is not prose or no blank line sets it off
    expected = [] if teaser_prose and blank in (1, 2) else [1]
    assert rule._gaps(page, {0, 2}, [0.9] * 9) == expected
    # nor between lines a cue explains (QA pass 41: an interview's last answer between a
    # newsletter promo and the share buttons); a line no blank line sets off still is
    page.kinds = ["spam", None, "credit", *kinds[3:]]
    assert rule._gaps(page, set(), [0.9] * 9) == expected
    # outside English (the model's training language) no prose line fills a gap
    assert rule._gaps(page, set(), [0.9] * 9, prose_too=False) == ([] if teaser_prose else [1])


ARTICLE_WITH_TABLE = """# Regional airline adds three routes for the summer season

A regional airline said on Monday it would add three new routes from the city's airport this summer, as demand for short-haul travel continues to recover.

The flights, to Porto, Split and Gdansk, will run twice a week from late May until the end of September, the company said in a statement.

| Route   | Weekly flights | First flight |
|---------|----------------|--------------|
| Porto   | 2              | 28 May       |
| Split   | 2              | 30 May       |
| Gdansk  | 2              | 1 June       |

The airline's chief executive, Tomas Berg, said bookings for the summer were already 15 per cent higher than a year ago. "We see strong demand from both tourists and families visiting relatives," he said.

Developers who use the airline's booking API can query the new routes like this:

```python
import requests
resp = requests.get("https://api.example.com/routes?from=CPH")
```

Airport officials welcomed the announcement and said the new routes would support about 40 jobs at the terminal.
"""


def test_no_boilerplate_finding_covers_the_prose_paragraphs_around_a_markdown_table():
    doc, found = _findings(ARTICLE_WITH_TABLE, format="markdown")
    flagged = _flagged_line_texts(doc, found)
    assert not {line for line in flagged if line.endswith(".")}


def test_the_last_paragraph_of_a_paragraphed_text_fills_no_gap_at_its_end():
    rule = BY_ID["BPL011"]
    # article x 3 (prose), footer, a paragraph right under it at the end of the text
    kinds, prose = [None, None, None, "legal", None], [True, True, True, False, True]
    # where blank lines set off the paragraphs, the text's end sets off its last one too
    assert rule._gaps(_page(kinds, prose, blank_before=(1, 2)), set(), [0.9] * 5, paragraphed=True) == []
    # in a scraper's text with a line a paragraph, a blurb under the footer is furniture
    assert rule._gaps(_page(kinds, prose), set(), [0.9] * 5) == [4]


# A blog post in a scraper's text (a line a paragraph): its closing line stands between its
# last paragraphs and the footer row the CMS prints under every post; the comments follow it.
GARDEN_POST = """How We Finally Got Runner Beans to Climb
June 2, 2013 by Mel 5 Comments
Every spring for four years I have put in a row of runner beans along the back fence, and every summer they have sulked at the bottom of their canes.
This year my neighbour, who has grown them on the same street since the sixties, came round with a bag of his own seed and a lot of advice.
The first thing he told me was to stop sowing them outside in April. The soil is too cold, and the slugs get to them before they get going.
So we started them indoors in toilet roll tubes at the start of May and planted them out when they had four proper leaves.
The second thing was water. Runner beans want a lot of it, and they want it at the roots, so we dug a trench in the winter and filled it with kitchen scraps.
The result is a wall of green and red flowers taller than the fence, and we have been picking beans every other day for three weeks.
Happy growing, everyone!
Filed Under: Allotment, Vegetables Tagged With: beans, sowing
I've had the same trouble with mine, going to try the trench this winter.
Lovely to see them doing so well. Our neighbour swears by a bucket of comfrey tea too.
"""


def test_a_posts_closing_line_above_its_footer_row_is_the_posts():
    doc, found = _findings(GARDEN_POST)
    flagged = _flagged_line_texts(doc, found)
    assert "Happy growing, everyone!" not in flagged
    # the comments under the footer row stay flagged
    assert "Lovely to see them doing so well. Our neighbour swears by a bucket of comfrey tea too." in flagged


def _page_lines(texts, kinds, prose):
    return analysis.PageLines(list(range(len(texts))), list(range(len(texts))), texts, kinds,
                              None, prose, None, None)


@pytest.mark.parametrize(("footer", "kind", "kept"), [
    ("Filed Under: Travel", "navigation", True),
    ("Posted at 08:47 PM in Portugal 2009 | Permalink", "comments", True),
    ("Share this:", "share", True),
    ("Contact Aaron Feld at 555-2121.", "contact", True),
    # a "Related:" link or a "Read more" button is no post's footer: what stands above it may
    # be a promotion
    ("Related: Ten tips for packing light", "navigation", False),
    ("Read more", "navigation", False),
])
def test_the_flagged_run_above_a_posts_footer_row_is_the_posts_closing(footer, kind, kept):
    texts = ["Headline", "First paragraph.", "Second paragraph.", "Where we stayed",
             "Third paragraph.", footer, "A comment."]
    kinds = [None, None, None, None, None, kind, None]
    prose = [False, True, True, False, True, False, True]
    page = _page_lines(texts, kinds, prose)
    assert boilerplate._post_closing(page, {3, 4, 6}) == ({3, 4} if kept else set())


def test_a_run_above_a_footer_row_under_a_lone_prose_line_is_not_the_posts_closing():
    texts = ["Headline", "Sign up", "Get our free guide to packing light.", "Download now",
             "Share this:"]
    kinds = [None, None, None, None, "share"]
    prose = [False, False, True, False, False]
    page = _page_lines(texts, kinds, prose)
    # one prose line (a promotion's blurb) under a flagged line is no post's last paragraphs
    assert boilerplate._post_closing(page, {1, 3}) == set()
    # under two, the run is the post's closing
    page = _page_lines(texts, [None, None, None, None, "share"], [False, True, True, False, False])
    assert boilerplate._post_closing(page, {3}) == {3}


# QA pass 41: with --clean-level info, BPL011's infos deleted the structure of clean articles:
# a live blog's time stamps (and its last entry with its stamp), a recipe's ingredients, a match
# report's scorers and bookings between its line-ups
MARATHON_LIVE_BLOG = """Marathon day live: road closures, results and updates from the city course

Around 18,000 runners are taking part in this year's city marathon, the largest field since the race began in 1982. Follow our reporters along the route for the latest.

2:45 p.m.
The last official finishers have crossed the line on Riverside Drive, and the clean-up crews are already moving in behind them.

1:10 p.m.
The women's race was won by Hanna Lindqvist in two hours 31 minutes, a course record by almost a minute.

11:52 a.m.
Police say the junction at Market Street will reopen to traffic at 4 p.m., an hour later than planned.

10:30 a.m.
A spectator was treated by paramedics near the 20-mile marker after fainting in the heat, organisers said.

9:05 a.m.
The elite field has set off from Castle Square in bright sunshine, with temperatures expected to reach 24C by lunchtime.
"""
LENTIL_RECIPE = """A weeknight lentil soup that tastes of more than its few ingredients

This is the soup I make when the fridge is nearly empty. Red lentils cook down in twenty minutes, and a spoonful of harissa at the end gives it warmth without much work.

Ingredients

2 tbsp olive oil
1 large onion, finely chopped
2 carrots, diced
2 garlic cloves, crushed
1 tsp ground cumin
250g red lentils, rinsed
1.2 litres vegetable stock
400g tin chopped tomatoes
1 tbsp harissa paste
Juice of half a lemon
Small bunch of coriander, chopped

Method

1. Warm the oil in a large pan over a medium heat and cook the onion and carrots for 10 minutes until soft. Add the garlic and cumin and cook for another minute.

2. Stir in the lentils, stock and tomatoes, bring to the boil, then simmer for 20 to 25 minutes until the lentils have collapsed.

3. Blend half the soup, stir in the harissa and lemon juice, and season. Serve scattered with coriander.
"""
FOOTBALL_REPORT = """Millbrook Rovers 3-1 Ashford Athletic: late double sends Rovers top

Sam Okafor scored twice in the last ten minutes as Millbrook Rovers came from behind to beat Ashford Athletic and go top of the Southern League table.

Ashford led at half-time through a header from their captain, Lewis Grant, who met a corner at the near post after 34 minutes.

Rovers levelled when substitute Dean Price turned in a low cross, and Okafor then struck from the edge of the area and again on the break in stoppage time.

"We showed real character today," said the Millbrook manager, Paul Hendry. "The lads never stopped believing we could turn it round."

Millbrook Rovers: Clarke; Webb, Adeyemi, Holt, Lane; Murray (Price 60), Fox, Doyle; Okafor, Shah, Byrne.
Subs not used: Mills, Carter.
Goals: Price 71, Okafor 82, 90.
Booked: Fox, Holt.

Ashford Athletic: Rowe; Bishop, Grant, Kelly, Nash; Tate, Ward, Ellis; Hughes, Lowe, Ahmed (Baird 75).
Subs not used: Moss, Quinn.
Goal: Grant 34.
Booked: Ward.

The result leaves Ashford in sixth place, four points off the play-off places, with a home game against Dover to come on Tuesday.
"""


def _model_spans(text: str) -> list[tuple[int, int]]:
    """The (first, last) line numbers of BPL011's findings on ``text``."""
    doc, found = _findings(text)
    return [(doc.line_index(f.start) + 1, doc.line_index(f.end - 1) + 1) for f in found if f.rule == "BPL011"]


@pytest.mark.parametrize("text", [MARATHON_LIVE_BLOG, LENTIL_RECIPE, FOOTBALL_REPORT], ids=["live-blog", "recipe", "match-report"])
def test_structured_article_content_between_its_paragraphs_is_no_boilerplate_line(text):
    assert analyse(doc_of(text)).probabilities is not None  # the line model judged the lines
    assert _model_spans(text) == []
    # an advert in the run changes nothing; it is flagged on its own
    lines = text.split("\n")
    middle = len(lines) // 2 + 1
    with_ad = "\n".join([*lines[:middle], "Advertisement", *lines[middle:]])
    doc, found = _findings(with_ad)
    assert _flagged_line_texts(doc, found) == {"Advertisement"}


KEY_POINTS_LIVE_BLOG = """Rail strike live: commuters face a third day of cancellations across the north

Key points
Drivers at four operators walk out for 24 hours from midnight
Only one train an hour between Leeds and Manchester
Talks between the union and the companies resume on Thursday

16:05
That is all from us today. Services are expected to return to normal by mid-morning tomorrow, the operators say.

15:20
The transport secretary has called the walkout "deeply disappointing" and urged the union to return to talks.

14:40
Bus companies report queues at several stations in Leeds, where replacement coaches have been laid on.

13:55
Passengers at Manchester Piccadilly told us they had been waiting for more than an hour for a train to Huddersfield.
"""


def test_key_points_between_the_headline_and_the_first_entry_are_no_boilerplate_lines():
    headline = KEY_POINTS_LIVE_BLOG.split("\n", 1)[0]
    doc, found = _findings(KEY_POINTS_LIVE_BLOG, headline)
    assert doc.title == headline
    assert [f for f in found if f.rule == "BPL011"] == []
    # the lines above the headline are still judged: the masthead's lines only, the account
    # row by its own cue
    doc, found = _findings("The Northern Post\nSubscribe | Sign in\nLive\n\n" + KEY_POINTS_LIVE_BLOG, headline)
    spans = {f.rule: [] for f in found}
    for f in found:
        spans[f.rule].append((doc.line_index(f.start), doc.line_index(f.end - 1)))
    assert spans == {"BPL011": [(0, 0), (2, 2)], "BPL004": [(1, 1)]}


def test_furniture_runs_around_a_live_blog_are_flagged_with_their_exact_spans():
    page = ("The Riverside Gazette\nSubscribe | Sign in\nLocal\nLive\n\n" + MARATHON_LIVE_BLOG
            + "\nMore live coverage\nCouncil budget vote: as it happened\nFloods latest: river levels fall\n")
    assert _model_spans(page) == [(1, 1), (4, 4), (25, 27)]  # line 2 has its own cue:
    doc, found = _findings(page)
    assert [doc.line_index(f.start) + 1 for f in found if f.rule == "BPL004"] == [2]


def test_the_last_entry_under_an_advert_is_not_absorbed_into_a_gap():
    text = MARATHON_LIVE_BLOG.rstrip("\n").rsplit("\n", 1)
    doc, found = _findings(text[0] + "\nAdvertisement\n" + text[1])
    assert _flagged_line_texts(doc, found) == {"Advertisement"}


def test_without_blank_lines_the_model_still_judges_the_lines_between_prose():
    # a scraper's text with a line a paragraph (trafilatura's): there such runs are as often
    # furniture as content (WCXB dev pages), so the model's judgement stands
    flat = "\n".join(line for line in MARATHON_LIVE_BLOG.split("\n") if line.strip())
    doc, found = _findings(flat)
    assert {"2:45 p.m.", "1:10 p.m."} <= _flagged_line_texts(doc, found)


def test_tables_of_figures_and_dates_are_no_headline_list():
    assert not DATE_LINE_RE.match("4.7/5") and DATE_LINE_RE.match("7/1/2020")
    table = "Growth\n+0.9%\n7/1/2020\n+2.6%\n7/1/2021\n+6.5%\n7/1/2022\n"
    page = analyse(doc_of(boilerplate._BODY + table + boilerplate._BODY))
    assert "headline-list" not in page.kinds


def test_headlines_with_their_date_on_the_line_are_a_headline_list():
    """QA pass 15: an older CMS prints a related post's date after its title on one line."""
    related = ("Galaxy S4 review: Samsung's best phone yet, with a catch June 2, 2013\n"
               "HTC One gets Android 4.2.2 in Europe May 28, 2013\n"
               "Governor orders 8 percent cut at state agencies (April 22, 2009)\n")
    page = analyse(doc_of(boilerplate._BODY + related))
    assert [page.kinds[k] for k in (-3, -2, -1)] == ["headline-list"] * 3


@pytest.mark.parametrize("related", [
    # QA pass 16: a "hands-on" title (its "on" is no preposition before the date), numeric dates
    "Kobo Glo review: a bright idea September 18, 2012\n"
    "Nook Simple Touch with GlowLight hands-on May 4, 2012\n",
    "Stuttgart 21: Gegner reichen neue Klage ein (12.02.2013)\n"
    "Grube verteidigt Tiefbahnhof (28.01.2013)\n",
])
def test_related_items_with_any_title_or_a_numeric_date_are_a_headline_list(related):
    page = analyse(doc_of(boilerplate._BODY + related))
    assert [page.kinds[k] for k in (-2, -1)] == ["headline-list"] * 2


@pytest.mark.parametrize("heading", ["Related Posts", "Most Read", "You might also like"])
def test_the_titles_under_a_related_lists_heading_are_the_list(heading):
    titles = ["Slow cooker white chicken chili", "Easy black bean burrito bowls",
              "Creamy tomato basil soup"]
    doc, found = _findings(ARTICLE + heading + "\n" + "\n".join(titles) + "\n")
    assert set(titles) <= _flagged_line_texts(doc, [f for f in found if f.rule == "BPL010"],
                                              Severity.WARNING)


def test_an_articles_further_reading_under_read_more_is_not_a_related_list():
    reading = ["The Impressive Effects of Tutoring on PreK-12 Learning",
               "Key Considerations for Designing High-Impact Tutoring Programs",
               "Tutoring Cost Calculator 2.0"]
    doc, found = _findings(ARTICLE + "Read More\n" + "\n".join(reading) + "\n")
    assert not set(reading) & _flagged_line_texts(doc, [f for f in found if f.rule == "BPL010"])


@pytest.mark.parametrize("lines", [
    # one dated line alone is a timeline's entry; a sentence dates with a preposition
    "Company founded March 3, 2001\n",
    "The council first met on 12.02.2013\nIt meets again in 03.04.2013\n",
    "Lisa Su, CEO of AMD (during AMD's Q4 2024 earnings call on February 4, 2025)\n"
    "Andy Jassy, CEO of Amazon (during Amazon's Q4 2024 earnings call on February 6, 2025)\n",
    "The treaty was signed on May 28, 2013.\nIt came into force in January 2014.\n",
])
def test_dated_lines_that_are_no_related_list(lines):
    page = analyse(doc_of(boilerplate._BODY + lines))
    assert "headline-list" not in page.kinds


def test_lexical_scores_sum_each_stages_token_weights():
    model = load_model()
    lines = [["subscribe", "newsletter", "subscribe"], [], ["minister", "said", "zzz-not-a-token"]]
    expected = [[sum(stage.token_weights.get(t, 0.0) for t in set(toks)) for stage in model.linear]
                for toks in lines]  # (a line's tokens count once each; an unknown one weighs nothing)
    assert model.lexical_scores(lines).ravel() == pytest.approx(np.ravel(expected))


def test_a_caption_shares_the_articles_topic_words_and_a_menu_does_not():
    texts = [
        "Home News Sport Weather Contact",
        "The council approved the budget for the new river bridge on Monday after a long debate.",
        "Photo: the old river bridge at dawn",
        "Residents said the bridge would ease traffic across the river in the town centre.",
        "Subscribe to our newsletter",
        "Bridge budget approved",
    ]
    prose = [0.0, 1.0, 0.0, 1.0, 0.0, 0.0]
    shares, weights = topic_overlap(texts, [tokens(t) for t in texts], prose)
    menu, caption, footer, subheading = 0, 2, 4, 5
    assert shares[caption] > shares[menu] == 0.0 and shares[caption] > shares[footer] == 0.0
    assert shares[subheading] == 1.0 and weights[subheading] > weights[menu]
    # a prose line's own words do not count: "council" and "debate" occur in no other line
    assert 0.0 < shares[1] < 1.0



def test_topic_weights_count_at_most_three_other_prose_lines():
    sentence = "The bridge budget was approved by the council after a long debate on {}."
    # (the last line a paragraph whose opening ends inside a word, "tunnelling", and whose rest
    # holds words no other line has: its own words are its whole text's, not its opening's)
    long_line = sentence.format("Friday") + " Engineers studied the river crossing in detail for many " \
        "years and compared a ferry service, a second road bridge and a tunnelling plan, then chose the " \
        "bridge for its cost; the tunnel stays on the shelf."
    texts = ["Bridge budget", *(sentence.format(day) for day in ("Monday", "Tuesday", "Friday", "Sunday")),
             "Council news", sentence.format("Monday")[:60], "Tunnel plans and ferry routes", long_line]
    assert len(long_line) > HEAD_CHARS and tokens(long_line)[-1] not in features._lower_tokens(long_line)
    prose = [0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0]
    token_lists = [tokens(t) for t in texts]
    shares, weights = topic_overlap(texts, token_lists, prose)
    whole = [set(features._lower_tokens(t)) for t in texts]
    held = [h for h, p in zip(whole, prose) if p]
    for k, toks in enumerate(token_lists):  # by the docstring: the other prose lines holding each word
        words = {w for w in toks if len(w) >= 3 and w not in STOP_WORDS}
        others = [sum(w in h for h in held) - (prose[k] and w in whole[k]) for w in words]
        assert weights[k] == sum(min(c, 3) for c in others) / (3 * len(words))
        assert shares[k] == sum(c > 0 for c in others) / len(words)
    assert weights[0] == 1.0 and 0.0 < weights[5] < 1.0  # five prose lines hold "bridge" and "budget"
    assert shares[7] == 0.5  # "ferry" and "tunnel" (past the long line's opening), not "plans", "routes"


def test_the_page_wide_looks_keep_each_lines_url_separator_and_date_features():
    texts = ["Home | News | Sport", "March 3, 2011", "3 hours ago", "Published on Monday",
             "Visit www.example.org for more", "The council approved the budget on Monday."]
    rows = line_features(texts, [tokens(t) for t in texts], [None] * len(texts))
    column = {name: [row[DENSE_NAMES.index(name)] for row in rows] for name in ("url", "separator", "date")}
    assert column == {"url": [0.0, 0.0, 0.0, 0.0, 1.0, 0.0], "separator": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                      "date": [0.0, 1.0, 1.0, 0.0, 0.0, 0.0]}
    plain = texts[1:4] + texts[5:]  # a page without URL marks or separators
    rows = line_features(plain, [tokens(t) for t in plain], [None] * len(plain))
    assert [row[DENSE_NAMES.index("url")] + row[DENSE_NAMES.index("separator")] for row in rows] == [0.0] * 4


@pytest.mark.parametrize("opening", [
    "word " * 38 + "abc wouldn't",  # "wouldn't" straddles the opening's end
    "word " * 39 + "governments",
    "Über die Brücke " * 12 + "Brückenbau",  # not ASCII
    "word " * 40,  # the opening ends with a space
    "x" * 250,  # no space in the opening
])
def test_a_long_prose_lines_words_are_its_whole_texts(opening):
    text = opening + " ending: the council’s budget of the river bridge's opponents."
    assert len(text) > HEAD_CHARS
    assert _line_tokens(text, tokens(text)) == _lower_tokens(text)



@pytest.mark.parametrize("text", [
    "Sign up for our FREE newsletter -- 3 issues/week (no spam_mail), e.g. at www.x.com!",  # a-z runs
    "Don't miss it: the mayor's 'plan' isn't ''new'' o'",  # apostrophes: the regex's pairs
    "Über die Brücke: café’s 2nd ﬁre",  # not ASCII
    "“Sign up” – it’s free… ok",  # typographic punctuation, a typographic apostrophe
    "“Sign up” – free… ok\u00a0now",  # typographic punctuation only beyond ASCII: the byte table's runs
    "Über die Brücke – ﬁre",  # letters beyond ASCII, no apostrophe: the letter runs
    "\tTabs\x0band\x1cother_breaks 42too\x7f",  # ASCII white space, digits, "_", DEL
    "",
])
def test_lower_tokens_are_the_token_regexs_on_the_lower_cased_text(text):
    assert _lower_tokens(text) == re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())


@pytest.mark.parametrize("head", [
    "Sign Up for our FREE newsletter: 3 issues a week, (Monday) \"Tuesday\" and 12 more",
    "\"Quoted\" (Bracketed) x(Not) a\"Not \tTab\x0bVt\x1cFs 1Sep \"(Two",
    "(Opening at the start",
    "Über die Brücke: “Café” 2 Äpfel ٣ (Ü",  # not ASCII: the regexes
    # ASCII but for typographic punctuation: read as ASCII, each mark as a character of its class
    "“Sign Up” — The\u00a0Mayor’s ‘Plan’ x“No …Now 2 “(Two –Dash\u00a0“Quote”",
    "“(Opening at the start", "\u00a0Space at the start ‘Not", "Thin\u2009Space “İ”",
    "",
])
def test_capitals_and_digits_are_the_regexs_counts(head):
    assert _capitals_and_digits(head) == (len(CAPITAL_RE.findall(head)), len(re.findall(r"\d", head)))


@pytest.mark.parametrize(("head", "found"), [
    ("Home | News", True), ("News / Sport", True), ("and/or", False), ("Home » News", True),
    ("A plain line", False), ("Café • Bar", True), ("Café, Bar", False),
])
def test_has_separator_both_ways(head, found):
    assert _has_separator(head) is found


def _best_segment(values: list[float]) -> tuple[int, int]:
    """The first segment (start, end) with the largest sum, by brute force (empty counts)."""
    best = (0.0, 0, 0)
    for end in range(len(values) + 1):
        for start in range(end):
            total = sum(values[start:end])
            if total > best[0] or (total == best[0] and end < best[2]):
                best = (total, start, end)
    return best[1], best[2]


@pytest.mark.parametrize("n", [1, 2, 7, 31])
def test_segment_flags_and_context_agree_with_a_line_by_line_reading(n):
    rng = np.random.default_rng(n)
    scores = rng.normal(size=(n, 2)) * 2
    flags = segment_flags(scores, np.asarray(CUT_TAUS))
    for k in range(2):
        for t, tau in enumerate(CUT_TAUS):
            values = [s - tau for s in scores[:, k]]
            sums = [sum(values[:j]) for j in range(n + 1)]
            head_end = sums.index(max(sums))
            tail_start = max(range(n + 1), key=lambda j: (sums[-1] - sums[j], -j))
            start, end = _best_segment([-v for v in values])
            expected = [[j < head_end, j >= tail_start, start <= j < end] for j in range(n)]
            assert flags[:, :, k, t].tolist() == expected
    context = stage2_features([scores[:, 0], scores[:, 1]])
    clip = lambda j: min(max(j, 0), n - 1)  # noqa: E731
    for j in range(n):
        neighbours = [scores[clip(j + d)] for d in (0, -1, 1, -2, 2)]
        window = [scores[max(j - r, 0):j + r + 1].mean(axis=0) for r in (2, 5, 15)]
        assert context[j, :10] == pytest.approx(np.ravel(neighbours))
        assert context[j, 10:16] == pytest.approx(np.ravel(window))
        assert context[j, 16:34].tolist() == flags[j].ravel().tolist()
        assert context[j, 34:] == pytest.approx([*(scores > 0).mean(axis=0), *scores.mean(axis=0)])


BLOG_AND_COMMENT_WIDGETS = [
    # QA pass 36: a comment form's heading, a Drupal post's entry line, TypePad's post links
    ("Add your comment", "comments"),
    ("Submitted by Jane on Tue, 03/15/2011 - 14:22", "navigation"),
    ("« Previous | Main | Next »", "navigation"),
    ("Anonymous said...", "comments"),
    ("Jane Doe said…", "comments"),
    ("Reply · Like · 3y", "comments"),
    ("Reply • Share ›", "comments"),
    ("Report abuse", "comments"),
    ("Permalink", "comments"),
    ("Comments (12)", "comments"),
    ("Subscribe to: Post Comments (Atom)", "comments"),
    # a blog post's footer row of links (TypePad, Blogger, Movable Type; QA pass 42)
    ("Posted by Karen Lowe at 09:12 AM | Permalink | Comments (5)", "comments"),
    ("Posted by Karen Lowe at 09:12 AM in Local History, Canals | Permalink", "comments"),
    ("Posted at 11:05 PM in Spain 2010 | Permalink | Comments (0) | TrackBack (0)", "comments"),
    ("Posted by Karen at 6:40 PM 2 comments", "comments"),
    ("Posted by Karen at 6:40 PM No comments", "comments"),
    # a post's category and tag row (QA pass 42)
    ("Categories: Allotment, Pests | Tags: aphids, ladybirds", "navigation"),
    ("Category: Recipes | Tagged soup, winter", "navigation"),
    ("Pingback: Why Japan is rethinking its export rules", "comments"),
    ("Trackbacks", "comments"),
    ("Re: (Score:2, Informative)", "comments"),
    ("You can leave a response, or trackback from your own site.", "comments"),
    ("Both comments and pings are currently closed.", "comments"),
    ("Share to Facebook", "share"),
    ("BlogThis!", "share"),
    ("Labels: politics, Japan", "navigation"),
    # sidebars, footers and share widgets of blog platforms
    ("Blog Archive", "navigation"),
    ("► 2012 (45)", "navigation"),
    ("▼ March (5)", "navigation"),
    ("March 2012 (5)", "navigation"),
    ("Search for:", "navigation"),
    ("Blogroll", "navigation"),
    ("View my complete profile", "navigation"),
    ("This entry was posted in News and tagged budget. Bookmark the permalink.", "navigation"),
    ("Posted in Uncategorized | 2 Comments", "navigation"),
    ("Posted by Jane Smith at 10:15 AM", "comments"),
    ("Email This BlogThis! Share to Twitter Share to Facebook", "share"),
    ("Like this:", "share"),
    ("Like Loading...", "share"),
    ("del.icio.us", "share"),
    ("Print this article", "share"),
    ("Powered by Blogger.", "legal"),
    ("Theme: Twenty Ten by WordPress.", "legal"),
    ("Entries (RSS)", "legal"),
    ("Copyright PUNCH.", "legal"), ("Copyright © Informa Connect 2025", "legal"),
    ("Contact: the.punch@punchng.com", "legal"),
    ("Copyright Complexity in a Fragmented World", None),  # a subheading
    ("Copyright Law", None), ("Copyright Office Rejects Appeal", None),
    ("Copyright law protects the work of artists.", None),
    ("Contact: police on 101 or email tips@police.uk with information about the attack.", None),
    # WordPress Jetpack share buttons
    ("Click to share on Twitter (Opens in new window)", "share"),
    ("Click to share on WhatsApp (Opens in new window)", "share"),
    ("Click to print (Opens in new window)", "share"),
    ("Click to email a link to a friend (Opens in new window)", "share"),
    ("Click to share on Reddit (Opens in new window) Click to share on Tumblr (Opens in new window)",
     "share"),
]


@pytest.mark.parametrize("line", [
    "Share to rise 5% after merger",
    "Like",
    "Users can report abuse to the moderators, the company said.",
    "He said... and then he stopped, looked at the crowd and left the stage.",
    "Readers can leave a response to the consultation until May, the ministry said.",
    "Comments from the minister (12 in all) were published on Monday.",
    "May 2012 be a good year for all of us.",
    "Archives show the March 2012 vote was close.",
    "Search for survivors continued on Monday.",
    "Powered by AI, the tool writes its own code.",
    "Print this out and keep it.",
    "Like this, the plan would fail.",
    "Delicious!",
    "Click to share on Twitter, the company said, was used 3 million times on launch day.",
    "Click to print your boarding pass at the kiosk.",
    "Click to email the council with your views before Friday.",
    "Share this: the costs of the scheme rose by 12 per cent.",
    "Shares 12 per cent lower after the profit warning",
    "Topics the summit will cover include trade and energy.",
])
def test_article_sentences_about_comments_and_sharing_have_no_cue(line):
    assert line_cues([line]) == [None]



@pytest.mark.parametrize("line", [
    "Wij gebruiken cookies om uw ervaring op onze website te verbeteren.",
    "Używamy plików cookies, aby ułatwić Ci korzystanie z naszego serwisu.",
    "Ta strona używa ciasteczek.",
    "Utilitzem galetes per millorar la vostra experiència.",
    "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.",
    "Vi använder kakor för att ge dig en bättre upplevelse.",
    "Esta página utiliza cookies para mejorar su experiencia.",
    "Questo sito utilizza cookie tecnici e di profilazione.",
    "Diese Website verwendet Cookies.",
    "Folosim cookie-uri pentru a vă oferi o experiență mai bună.",
    "Käytämme evästeitä parantaaksemme käyttökokemustasi.",
    "Мы используем файлы cookie.",
    # the other languages of the EU (QA pass 8): Greek, Romanian, Croatian, Slovak, Slovene,
    # Bulgarian and the Baltic languages
    "Αυτός ο ιστότοπος χρησιμοποιεί cookies για να βελτιώσει την εμπειρία σας.",
    "Χρησιμοποιούμε cookies για να σας προσφέρουμε την καλύτερη δυνατή εμπειρία. Αποδοχή όλων",
    "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună.",
    "Acest site utilizează cookie-uri. Prin continuarea navigării pe site, sunteți de acord cu "
    "utilizarea acestora.",
    "Ova web stranica koristi kolačiće kako bi vam pružila bolje korisničko iskustvo.",
    "Táto webová stránka používa súbory cookie na zlepšenie vašej skúsenosti.",
    "Ta spletna stran uporablja piškotke za boljšo uporabniško izkušnjo.",
    "Този сайт използва бисквитки, за да подобри вашето изживяване.",
    "Šioje svetainėje naudojami slapukai.", "Šī vietne izmanto sīkdatnes.",
    "See veebileht kasutab küpsiseid.",
    # scripts without word spaces or with combining marks, and other spaced languages
    "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.",
    "यह वेबसाइट आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करती है।",
    "当サイトでは、利便性の向上のためにクッキーを使用しています。",
    "本网站使用cookie来改善您的浏览体验并分析网站流量。",
    "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.",
    "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn.",
    # further afield (QA pass 9)
    "Hierdie webwerf gebruik koekies om jou ervaring te verbeter. Aanvaar alles",
    "Tovuti hii inatumia vidakuzi ili kuboresha matumizi yako. Kubali zote",
    "Gumagamit ang website na ito ng cookies upang mapabuti ang iyong karanasan.",
    "Denne nettsiden bruker informasjonskapsler for å gi deg en bedre opplevelse. Godta alle",
    "Tämä sivusto käyttää evästeitä parantaakseen käyttökokemustasi. Hyväksy kaikki",
    "Bu sayt kukilərdən istifadə edir. Hamısını qəbul et",
    "Dette websted bruger cookies til at forbedre din oplevelse.",
    "Den här webbplatsen använder cookies för att förbättra din upplevelse.",
    "Þessi vefsíða notar vafrakökur til að bæta upplifun þína.",
    "Laman web ini menggunakan kuki untuk meningkatkan pengalaman anda.",
    "Aquest lloc web utilitza galetes per millorar la vostra experiència.",
    "Webgune honek cookieak erabiltzen ditu zure esperientzia hobetzeko.",
    "Kjo faqe përdor cookies për të përmirësuar përvojën tuaj.",
    "Оваа веб-страница користи колачиња за да го подобри вашето искуство.",
    "אתר זה משתמש בעוגיות כדי לשפר את חוויית הגלישה שלך.",
    "این وب‌سایت از کوکی‌ها برای بهبود تجربه شما استفاده می‌کند.",
    "یہ ویب سائٹ آپ کے تجربے کو بہتر بنانے کے لیے کوکیز استعمال کرتی ہے۔",
    "เว็บไซต์นี้ใช้คุกกี้เพื่อปรับปรุงประสบการณ์ของคุณ",
    "এই ওয়েবসাইটটি আপনার অভিজ্ঞতা উন্নত করতে কুকিজ ব্যবহার করে।",
    "இந்த இணையதளம் உங்கள் அனுபவத்தை மேம்படுத்த குக்கீகளைப் பயன்படுத்துகிறது.",
    "Wannan shafin yana amfani da kukis don inganta kwarewarku.",
    "Le webhusayithi isebenzisa amakhukhi ukuthuthukisa ulwazi lwakho.",
    "ይህ ድህረ ገጽ ኩኪዎችን ይጠቀማል። ሁሉንም ተቀበል",
    "ეს ვებსაიტი იყენებს ქუქი-ფაილებს.",
    "Այս կայքը օգտագործում է թխուկներ:",
    "Mae'r wefan hon yn defnyddio cwcis i wella eich profiad.",
    "Dan is-sit juża l-cookies biex itejjeb l-esperjenza tiegħek. Aċċetta kollox",
    "Úsáideann an suíomh gréasáin seo fianáin chun d'eispéireas a fheabhsú.",
    # the IAB consent framework's sentence
    "We and our partners store and/or access information on a device, such as cookies and "
    "process personal data, such as unique identifiers.",
    "Wir und unsere Partner speichern und/oder greifen auf Informationen auf Ihrem Gerät zu, zum "
    "Beispiel auf Cookies, und verarbeiten personenbezogene Daten.",
    "Nous et nos partenaires stockons et accédons à des informations sur votre appareil, telles "
    "que les cookies, et traitons des données personnelles.",
    # a consent dialog's heading and buttons
    "Alle akzeptieren", "Tout refuser", "Aceptar todas", "Akceptuję", "Accept all",
    "Tümünü kabul et", "Reddet", "We value your privacy", "Ihre Privatsphäre ist uns wichtig",
    "Manage preferences", "Einstellungen verwalten",
    "Αποδοχή όλων", "Acceptă toate", "Prihvati sve", "Prijať všetko", "Přijmout vše", "Sprejmi vse",
    "Приемам", "Összes elfogadása", "Accepter alle", "Acceptera alla",
])
def test_cookie_banners_and_their_buttons_have_a_cue_in_many_languages(line):
    assert line_cues([line]) == ["cookie"]


@pytest.mark.parametrize("line, kind", [
    ("Mehr erfahren", "navigation"), ("Lire la suite", "navigation"), ("Leer más »", "navigation"),
    ("Click here to join now!!!", "navigation"), ("Click here to subscribe", "navigation"),
    ("Click here to download the report, the council said.", None),
    ("Czytaj więcej", "navigation"), ("Saiba mais", "navigation"),
    ("Accept", None), ("The council will accept all bids.", None),
    ("The regulator said the site used cookies without consent.", None),
    ("Bakers in Utrecht sell cookies to tourists who accept cash only.", None),
    ("Girl Scouts will accept orders for cookies until March.", None),
    ("By using this website you accept our use of cookies.", "cookie"),
    ("Accept cookies", "cookie"),
    # somebody else accepts the cookies (QA pass 17), unless in a banner's voice
    ("Guests should accept all the cookies.", None),
    ("She would accept all of the cookies.", None),
    ("You must accept all cookies to continue.", "cookie"),
    ("Visitors must accept all cookies to use the site.", "cookie"),
    # cookies to eat, near a policy or a site that is no web site's
    ("The school's new policy bans cookies, crisps and fizzy drinks from lunchboxes.", None),
    ("Under the new policy, cookies and cakes will no longer be sold in canteens.", None),
    ("The bakery on this site used to make cookies for the royal household.", None),
    ("Politicians handed out cookies and cakes at the rally.", None),
    ("Girl Guide cookies go on sale this weekend, and troops will accept card payments.", None),
    ("The bakery on Station Road uses butter from a local farm for its cookies.", None),
    ("The so-called cookie law requires websites to ask visitors before storing cookies.", None),
    ("A cookie-cutter approach will not work, our policy director said.", None),
    ("Vietnamese cookie makers are using more palm sugar, a trade site reports.", None),
    # the Kuki people, whose name Malay's lower-case word for cookies is not
    ("Kuki groups withheld consent to the peace plan after the violence in Manipur.", None),
    ("Under the EU cookie law, websites must ask visitors for consent before storing cookies "
     "that track them across the web.", None),
    # news prose about cookies in other languages, and findings reported in English (QA pass 10)
    ("La Agencia Española de Protección de Datos ha impuesto una multa de 30.000 euros a un "
     "diario digital que instalaba cookies publicitarias sin el consentimiento de sus lectores.",
     None),
    ("Most users click 'accept all' on cookie banners without reading them, a study found.", None),
    ("Consumer groups say most users click 'accept all' on cookie banners without reading them.",
     None),
    ("Denne hjemmeside bruger cookies for at forbedre din oplevelse.", "cookie"),
    ("Este sitio web utiliza cookies para mejorar su experiencia. Al continuar navegando, acepta "
     "nuestra política de cookies.", "cookie"),
    ("This cookie is set by GDPR Cookie Consent plugin. The cookie is used to store the user "
     'consent for the cookies in the category "Analytics".', "cookie"),
    ("Šī vietne izmanto sīkdatnes, lai uzlabotu jūsu pieredzi.", "cookie"),
    # French "de" and "en" are Spanish function words too (QA pass 19)
    ("En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies pour "
     "réaliser des statistiques de visites.", "cookie"),
    # "read also" labels and newsletter prompts of other languages
    ("Читайте также: Правительство утвердило новый бюджет", "navigation"),
    ("Läs också: Regeringen presenterar ny budget för skolan", "navigation"),
    ("Baca juga: Pemerintah umumkan kebijakan baru soal harga BBM", "navigation"),
    ("Melden Sie sich jetzt für unseren kostenlosen Newsletter an.", "subscribe"),
    ("Suscríbete a nuestro boletín y recibe cada mañana las noticias.", "subscribe"),
    ("Schrijf je in voor onze nieuwsbrief en ontvang elke ochtend het nieuws.", "subscribe"),
    ("Inscrivez-vous à notre newsletter pour recevoir chaque matin l'essentiel.", "subscribe"),
    # share bars
    ("Share this article on Facebook, Twitter or by email", "share"),
    ("Compartir en Facebook Compartir en Twitter Enviar por correo", "share"),
    ("Partager cet article sur Facebook, Twitter ou par e-mail", "share"),
    ("Condividi questo articolo su Facebook e Twitter", "share"),
    ("Shares in Facebook fell sharply on Tuesday after the results.", None),
    ("She shared her story on Facebook and Twitter last year.", None),
])
def test_read_more_links_and_buttons_of_other_languages(line, kind):
    assert line_cues([line]) == [kind]

BLOGGER_THREAD = ("Posted by Jane Doe at 4:15 PM\n"
                  "Labels: politics, Japan\n"
                  "2 comments:\n"
                  "Anonymous said...\n"
                  "Great summary, thanks. I wonder whether Japan will change its export rules soon.\n"
                  "March 3, 2012 at 5:02 PM\n"
                  "Tom K said...\n"
                  "Japan should stay out of this. Nobody asked for another alliance in the Pacific.\n"
                  "March 4, 2012 at 9:40 AM\n"
                  "Post a Comment\n")


def test_blogger_comment_thread_is_flagged():
    doc, found = _findings(ARTICLE + BLOGGER_THREAD)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in BLOGGER_THREAD.split("\n") if line} - {"Labels: politics, Japan"} <= flagged
    assert "Labels: politics, Japan" in _flagged_line_texts(doc, found)
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


def test_a_byline_with_a_time_in_the_article_is_not_a_thread():
    text = ("Posted by Jane Doe at 4:15 PM\n" + ARTICLE
            + "Anonymous sources said the talks would resume on March 4, 2012 at 9:40 AM.\n")
    doc, found = _findings(text)
    assert not _flagged_line_texts(doc, found, Severity.WARNING) & {p.strip() for p in text.split("\n")[1:]}


WEAK_HEADER_THREAD = ("Cindy says\nI have a 100 year old starter from my grandmother and it still works.\n"
                      "Jessica Robinson says\nHello Cindy, that is amazing, thank you for telling me!\n"
                      "Paul says\nBaked my first loaf following the recipe and it came out very well.\n")


def test_three_name_only_headers_make_a_thread():
    doc, found = _findings(ARTICLE + WEAK_HEADER_THREAD)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in WEAK_HEADER_THREAD.split("\n") if line} <= flagged
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


# comments as trafilatura appends them to the article: bodies only, no headers
HEADERLESS_COMMENTS = ("Great article! I never knew Japan had such strict export rules.\n"
                       "Why does nobody mention the cost of all this for taxpayers in both countries?\n"
                       "@Ken: the cost is in the budget documents, page 12, if you look for it.\n"
                       "Thanks for sharing, this was really helpful for my class on Asian security.\n"
                       "I think the alliance is a mistake and will only raise tensions in the region.\n")


def test_headerless_comments_after_the_article_are_flagged():
    text = ("Menu\nHome\n" + ARTICLE + HEADERLESS_COMMENTS)
    doc, found = _findings(text)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in HEADERLESS_COMMENTS.split("\n") if line} <= flagged
    assert not any(p.strip() in flagged for p in ARTICLE.split("\n") if p.strip())


def test_reader_reactions_quoted_in_an_article_are_not_comments():
    # an article that quotes readers' praise, and thanks its sources, keeps its prose
    text = ("Menu\nHome\n" + ARTICLE
            + "Readers wrote in by the hundreds after the first part of the series.\n"
            + "Great article, one of them wrote, and thanks for explaining the rules.\n"
            + "Thanks to the rain, the ceremony in Tokyo was moved indoors on Tuesday.\n"
            + "I agree with the minister, said one diplomat, who asked not to be named.\n"
            + "Thank you for your interest in this series; the last part follows next week.\n"
            + "Hi from Tokyo, the message on the embassy's website began.\n")
    doc, found = _findings(text)
    prose = [p.strip() for p in text.split("\n")[2:] if p.strip()]
    assert not _flagged_line_texts(doc, found, Severity.WARNING) & set(prose)


def test_reader_reactions_in_plain_prose_open_no_section_outside_a_comment_tail():
    # plain running prose (the model does not run): reactions followed by more article prose
    # make no comment section, as they would on a page-like text
    text = ARTICLE + ("Great article, I never knew this about the export rules.\n"
                      "Thanks for sharing the figures on the defence budget.\n") + ARTICLE
    page = analyse(doc_of(text))
    assert page.probabilities is None
    assert "comments" not in page.kinds and "reader-comments" not in page.kinds


def test_a_comment_tail_with_reader_reactions_is_a_comment_section():
    # plain text (the model does not run): the change of voice alone is a BPL013 info, but a
    # tail that also holds two reader reactions is comments (BPL002 warning), as trafilatura
    # appends them ("Good article, but ...", "Thanks for the update.")
    voice_only = ("I lived in Tokyo for ten years and never saw the public this worried.\n"
                  "Do you think the export rules will really change? My guess is not soon.\n"
                  "My father worked at the port and I still remember the strikes.\n")
    page = analyse(doc_of(ARTICLE + voice_only))
    assert page.probabilities is None and page.kinds[-3:] == ["reader-comments"] * 3
    reactions = ("Very true. Every year the same story and nobody in Tokyo does anything.\n"
                 "@Ken exactly my point, I was stuck at the port for three hours yesterday.\n"
                 "Thanks for the update. Is the ferry running again now?\n"
                 "Good article, but you forgot to mention the strikes at the port.\n")
    page = analyse(doc_of(ARTICLE + reactions))
    assert page.probabilities is None and page.kinds[-4:] == ["comments"] * 4
    assert "comments" not in page.kinds[:-4]


@pytest.mark.parametrize("reactions", [
    # reactions QA pass 34 found unrecognised: an @-reply with no punctuation, thanks by name
    ("I have lived on this street for twenty years and the buses were never this bad.\n"
     "@Riverside_Dad exactly, the 40 bus was late again this morning.\n"
     "Thank you Lisa for covering this, the council never tells us anything.\n"),
    ("My kids went to that school and the teachers were wonderful.\n"
     "Good column, but it misses what the parents were promised in 2014.\n"
     "Thanks Racha, hope it helps.\n"),
    # a reply by handle, maybe with an initial, then "I" (QA pass 36: the commonest WordPress form)
    ("I have lived on this street for twenty years and the buses were never this bad.\n"
     "@Chris I agree, the board meeting is the place to raise it.\n"
     "@Sandy L. what route do you take to work now?\n"),
    # a word of praise as a sentence, agreement (QA pass 36)
    ("I ran it in 2012 and the last mile was the hardest thing I have ever done.\n"
     "Brilliant. I was three minutes behind you and fell apart on the Embankment.\n"
     "Well done, the crowds at the end make it worth it.\n"),
])
def test_more_reader_reactions_make_a_comment_tail_a_comment_section(reactions):
    page = analyse(doc_of(ARTICLE + reactions))
    assert page.kinds[-3:] == ["comments"] * 3


@pytest.mark.parametrize("line", ["@Chris Smith joined the board in May.", "@BBCBreaking Police say two men were arrested"])
def test_a_handle_before_a_capitalised_word_is_no_reply(line):
    # a handle then a name or a quoted post's first word: no reader answering another
    assert READER_REACTION_RE.match(line) is None


# a column in the writer's own voice, as an extractor keeps it, then the comment bodies: the
# first comments react to nothing, so the reactions further down open the section
COLUMN = ("For twenty-two years I fought the lawn in front of our house, and last summer I finally "
          "admitted that the lawn had won.\n"
          "I did everything the man at the garden center told me to do, and every August the grass "
          "still turned the color of a paper bag.\n"
          "So in September my wife and I dug up half of it and planted native grasses and "
          "coneflowers, and this summer I did not run a sprinkler once.\n"
          "I am not telling anyone else what to do with their yard, but I know which one I would "
          "rather look at from the porch.\n")
FIRST_COMMENTS = ("My husband would never let me do this, he mows twice a week in July.\n"
                  "I tried coneflowers in clay soil and they all rotted in the first winter, so I "
                  "am not sure about this.\n"
                  "Did the neighbors complain? Ours have a homeowners association that would fine us.\n"
                  "I love my lawn and I am keeping it, sorry.\n")
REACTIONS = ("Great column! We did the same thing three years ago.\n"
             "Thanks for sharing, I am going to show this to my husband.\n")


def test_a_comment_section_starts_where_the_post_is_signed_off():
    # the reactions find the thread; its first comments, between the writer's sign-off and the
    # first reaction, are its lines too (QA pass 34, problem 2)
    flagged = _warned_lines("Menu\nHome\n" + COLUMN + "— Tom\n" + FIRST_COMMENTS + REACTIONS)
    assert _lines(FIRST_COMMENTS + REACTIONS) <= flagged and not flagged & _lines(COLUMN + "— Tom")


@pytest.mark.parametrize("before", [
    COLUMN,
    # a call for comments higher up the post, which goes on after it
    COLUMN + "Let me know in the comments if you have tried this.\n" + COLUMN,
    # a dashed list's item, or a quotation's author, is no sign-off
    COLUMN + "– Coneflowers\n– Asters\n" + COLUMN,
    COLUMN + "“Whatever you are, be a good one.”\n— Abraham Lincoln\n" + COLUMN,
])
def test_a_first_person_posts_last_paragraphs_are_no_comments(before):
    # without a sign-off the section starts at its first reaction: the post's own lines above it
    # are in a reader's voice too, but they are the post's (stop 40: an earlier version took up
    # to three such lines, and a call for comments anywhere above, into the comments)
    flagged = _warned_lines("Menu\nHome\n" + before + REACTIONS)
    assert _lines(REACTIONS) <= flagged and not flagged & _lines(before)


def test_a_reviews_scores_are_no_comment_titles():
    review = ("Battery life (Score: 8/10)\n"
              "The battery lasted two full days of ordinary use in our tests.\n"
              "Charging from empty took a little over an hour with the supplied charger.\n"
              "Camera (Score: 7/10)\n"
              "Photos in daylight are sharp, but the night mode smears fine detail.\n"
              "The zoom is usable up to three times before the noise shows.\n"
              "Screen (Score: 9/10)\n"
              "The display is bright enough to read in direct sunlight.\n")
    page = analyse(doc_of(ARTICLE + review))
    assert all(kind is None for text, kind in zip(page.texts, page.kinds) if "Score" not in text)


def test_a_turtle_prefix_is_code_not_a_readers_reply():
    turtle = ("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n"
              "@prefix prov: <http://www.w3.org/ns/prov#> .\n")
    page = analyse(doc_of(ARTICLE + "The catalogue is described in Turtle:\n" + turtle + ARTICLE))
    assert "comments" not in page.kinds


# an extractor's output for a 2012 WordPress post: the article, then the comment bodies only
HOW_TO = ("Growing tomatoes in containers is easier than most people think, and it lets you "
          "raise a crop even on a small balcony.\n"
          "Choose a pot at least 18 inches wide and fill it with a light potting mix rather than "
          "garden soil, which compacts and drains poorly.\n"
          "Water deeply whenever the top inch of the mix is dry, and feed the plants every two "
          "weeks once the first flowers appear.\n"
          "Determinate varieties such as Celebrity and Roma stay compact and suit containers "
          "better than sprawling heirloom types.\n")
COMMENT_BODIES = ("I tried this last summer and got more tomatoes than I could eat. The tip about "
                 "potting mix made all the difference.\n"
                 "Do you think a 10 gallon bucket would be big enough for a cherry tomato? I only "
                 "have a tiny porch.\n"
                 "Yes, a 10 gallon bucket works fine for cherry tomatoes. Just make sure it has "
                 "drainage holes in the bottom.\n"
                 "My plants keep getting yellow leaves at the bottom. Is that normal or am I "
                 "overwatering them?\n")


def _reader_tail(text: str) -> set[str]:
    doc = doc_of(text)
    found = [f for f in BY_ID["BPL013"].check(doc)]
    assert all(f.severity == Severity.INFO for f in found)
    return _flagged_line_texts(doc, found)


def test_bare_comment_bodies_after_an_article_are_flagged_as_info():
    assert _reader_tail("How to Grow Tomatoes in Containers\n" + HOW_TO + COMMENT_BODIES) == {
        line for line in COMMENT_BODIES.split("\n") if line}


@pytest.mark.parametrize("ending", [
    # an article in the first person throughout: no change of voice
    "I planted my first tomatoes in 2009, on a balcony like yours.\nI still grow Roma every "
    "year.\nMy neighbours ask me for seedlings now.\nI hope this helps you start.\n",
    # quotations and attributed statements
    '"I lost my whole crop to blight in 2011," said Jane Doe, a gardener in Leeds.\n'
    '"My advice is to water the soil, not the leaves," she said.\n'
    "I would start early, says Bob Lee of the county extension office.\n",
    "My advice is to water the soil, not the leaves, according to the county office.\n"
    "I would start early, says Bob Lee of the county extension office.\n"
    "Do I need a bigger pot? Not for cherry tomatoes, according to Lee.\n",
    # an FAQ and a checklist of questions
    "How do I know when to water?\nWhen the top inch is dry.\nCan I reuse the potting mix?\n"
    "Yes, if you add compost.\nShould I prune my plants?\n",
    "Questions to ask yourself:\n- Is my pot big enough?\n- Am I watering too often?\n"
    "- Do my plants get six hours of sun?\n",
    # an author's bio introduces the author, it answers nobody
    "It's a fantastic time to be growing your own food.\nHi, I'm Chris!\nI'm a gardener "
    "living in sunny Barcelona.\nIf you want to chat, you can find me on all the social "
    "platforms.\n",
    # script URLs a scraper kept: a query string is no question
    "https://example.com/cache/js/inline_script_6.js?ver=1773518052\n"
    "https://example.com/cache/js/inline_script_7.js?ver=1773518052\n"
    "https://example.com/cache/js/dist-vendor-react.min.js?ver=1773518052\n",
])
def test_first_person_quotes_faqs_and_checklists_are_no_reader_tail(ending):
    assert not _reader_tail("How to Grow Tomatoes in Containers\n" + HOW_TO + ending)


WAGE_BILL = ("Minimum wage debate heats up\n"
             "State lawmakers on Monday opened hearings on a bill that would raise the minimum "
             "wage to $9.25 an hour by 2014, the first increase since 2008.\n"
             "Supporters say the raise would lift thousands of households above the poverty "
             "line and put more money into local businesses.\n"
             "Business groups argue that small employers would cut hours or hiring, especially "
             "in restaurants and retail.\n"
             "A vote in committee is expected next month, and the governor has not said "
             "whether he would sign the bill.\n")


@pytest.mark.parametrize("article, comments", [
    # a header-less Blogger thread with questions
    (WAGE_BILL,
     "Raising the wage sounds nice until your favorite diner closes. I have seen it "
     "happen twice in my town.\n"
     "Nobody can live on $7.25 an hour. Have you tried renting an apartment on that?\n"
     "Karen, fair point. I will look at the rent numbers in the next post.\n"
     "Great post, very balanced. Thanks for covering both sides.\n"),
    # QA pass 8: the three comments were a tail, and a fourth, "@Gwen ...", removed it (its "@"
    # read as a bullet's and "according to" as a quotation's): a reply by handle that cites a
    # source keeps the tail
    ("How to Grow Tomatoes in Containers\n" + HOW_TO,
     "Wonderful news! I saw it on Monday from the dam, huge bird.\n"
     "Thanks for sharing this, we'll be heading up at the weekend to try and see it.\n"
     "Does anyone know if it's still there? We went yesterday and saw nothing.\n"
     "@Gwen it was over Llanwddyn at lunchtime today according to the Facebook group.\n"),
])
def test_headerless_comments_after_an_article_are_a_reader_tail(article, comments):
    # (the last ones, two cued comments, "Karen, fair point." and "Great post", are the header-less
    # thread's: a comment section, BPL002)
    doc = doc_of(article + comments)
    found = [f for rule in ("BPL013", "BPL002") for f in BY_ID[rule].check(doc)]
    assert _flagged_line_texts(doc, found) == {line for line in comments.split("\n") if line}


def test_a_posts_closing_question_to_its_readers_opens_no_comment_tail():
    # a post that closes by asking "you", then the comments: the question is the post's (stop 40)
    question = "Have you been to the Lakes? Which walk would you recommend for next time?\n"
    comments = "Great post! The photos are lovely.\nThanks for sharing, I went there last year and loved it.\n"
    flagged = _warned_lines(WAGE_BILL + question + comments)
    assert _lines(comments) <= flagged and question.strip() not in flagged


def test_header_less_comments_that_agree_by_name_and_ask_the_other_readers_are_a_reader_tail():
    # QA pass 15: "Exactly right Paul." and "Does anyone know ...?" broke the tail
    comments = ("This is the third break on Lincoln in five years. When are they going to "
                "replace the whole line instead of patching it?\n"
                "My street was dry until almost 8 pm and nobody could tell us anything.\n"
                "Exactly right Paul. We have been saying this for years.\n"
                "Does anyone know if the boil advisory covers the north side of Ninth too?\n"
                "@Marcy - yes, the map on the utility site shows everything from 7th to 12th.\n")
    assert _reader_tail(WAGE_BILL + comments) == {line for line in comments.split("\n") if line}


PRESS_RELEASE = (
    "Meridian Health Devices Launches New Monitor\n"
    "Meridian Health Devices today announced the launch of its new wireless heart monitor, which "
    "lets patients send readings to their doctors from home.\n"
    "The device has been cleared by regulators and will ship to hospitals in the fourth quarter, "
    "the company said in a statement on Wednesday.\n"
    '"This is a major step for remote care," said chief executive Dana Olsen.\n')
COMPANY_PROFILE = (
    "About Meridian Health Devices\n"
    "Founded in 2008 and based in Minneapolis, Meridian Health Devices designs and manufactures "
    "remote monitoring equipment. For more information, visit www.meridianhealthdevices.com.\n")


def test_an_arrow_ends_a_next_post_link_only_under_a_previous_post_link():
    assert line_cues(["← Bike lanes on Grand: the paint is dry", "Snow routes, revisited →"]) == [
        "navigation", "navigation"]
    # a list's steps end in arrows too
    steps = ["Search for posts in a date range →", "Summarize the top posts →"]
    assert line_cues(steps) == [None, None]


def test_a_comment_count_in_a_toolbar_mid_article_leaves_the_article_after_it():
    # QA pass 23: the toolbar's "12 Comments" link after three paragraphs took the rest of the
    # article, subheads and all, for a comment section
    rest = ("How the plan came about\n"
            "Ortiz first proposed the lanes in 2022 after two cyclists were injured on Main Street "
            "within a month.\n"
            "The transport committee backed the plan in March, and the full council followed.\n"
            "What happens next\n"
            "Work on the first lane starts in May, and the city expects all four to open by the "
            "end of next year.\n")
    for count in ("12 Comments", "Comments (12)", "3 Responses"):
        doc, found = _findings(ARTICLE + count + "\n" + rest)
        flagged = _flagged_line_texts(doc, found, Severity.WARNING)
        assert count in flagged and not flagged & set(rest.strip().split("\n"))


def test_comments_after_a_foreign_comment_heading_with_a_count_are_a_comment_section():
    comment = "Das Projekt ist viel zu teuer und hätte nie gebaut werden dürfen."
    doc, found = _findings(PRESS_RELEASE + "Kommentare (42)\n" + comment + "\n")
    assert comment in _flagged_line_texts(doc, found, Severity.WARNING)


def test_a_press_releases_company_profile_is_a_legal_footer():
    doc, found = _findings(PRESS_RELEASE + COMPANY_PROFILE)
    assert _flagged_line_texts(doc, [f for f in found if f.rule == "BPL008"]) == set(
        COMPANY_PROFILE.strip().split("\n"))


def test_a_partners_not_for_profit_profile_is_a_legal_footer_too():
    # QA pass 41: a release's second "About" block, a partner that describes itself so
    partner = ("About the Lakeland Rural Care Network\n"
               "The Lakeland Rural Care Network is a not-for-profit network of 40 general practices "
               "in rural Cumbria.\n")
    doc, found = _findings(PRESS_RELEASE + COMPANY_PROFILE + partner)
    assert set(partner.strip().split("\n")) <= _flagged_line_texts(
        doc, [f for f in found if f.rule == "BPL008"])
    # a story's own "About" subheading over such a sentence, with the story going on, is none
    story = (partner + "Its doctors said on Tuesday that waiting times had doubled since the "
             "spring, and that two practices may close before the winter.\n"
             "The health board said it would meet the network's leaders next week to discuss "
             "emergency funding for the practices.\n")
    doc, found = _findings(PRESS_RELEASE + story)
    assert not [f for f in found if f.rule == "BPL008"]


CONTACT_BLOCK = ("Media Contact:\nDana Kowalski\nDirector, Corporate Communications\n"
                 "(317) 555-0143\ndkowalski@meridianhealthdevices.com\n")


def test_a_press_releases_contact_block_under_its_heading_is_a_contact_line():
    doc, found = _findings(PRESS_RELEASE + CONTACT_BLOCK)
    assert _flagged_line_texts(doc, [f for f in found if f.rule == "BPL014"]) == set(
        CONTACT_BLOCK.strip().split("\n"))


def test_a_contact_block_stops_at_prose():
    closing = ("The company will present the monitor at the cardiology congress in Munich next "
               "month, where doctors can try it.")
    doc, found = _findings(PRESS_RELEASE + "Media Contact:\nDana Kowalski\n" + closing + "\n")
    assert _flagged_line_texts(doc, [f for f in found if f.rule == "BPL014"]) == {
        "Media Contact:", "Dana Kowalski"}


def test_a_pr_wires_dated_list_of_releases_is_a_headline_list():
    releases = ("Meridian Health Devices Reports Fourth-Quarter Results Feb 12, 2015, 16:05 ET\n"
                "Meridian Health Devices Names New Chief Financial Officer Jan 06, 2015, 09:00 ET\n")
    doc, found = _findings(PRESS_RELEASE + "Also from this source\n" + releases)
    assert set(releases.strip().split("\n")) <= _flagged_line_texts(
        doc, [f for f in found if f.rule == "BPL010"])


def test_a_menu_entry_between_two_others_above_the_body_is_navigation_though_the_story_uses_it():
    story = ("Tornado rips roof off Oakdale school\n"
             "The National Weather Service said an EF-1 tornado touched down west of town on "
             "Sunday, tearing much of the roof off the elementary school.\n"
             "No one was inside the building, and the weather service said winds reached about "
             "100 miles per hour before the storm lifted.\n"
             "Classes are cancelled for the rest of the week, the superintendent said.\n")
    doc, found = _findings("News\nWeather\nSports\n" + story)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {"News", "Weather", "Sports"} <= flagged
    assert not flagged & set(story.split("\n"))
    doc, found = _findings(story + "News\nThe weather service will survey the damage on Monday.\n")
    assert "The weather service will survey the damage on Monday." not in _flagged_line_texts(doc, found)


def test_an_about_subheading_over_article_prose_is_no_company_profile():
    section = ("About Time\n"
               "The clock tower was built in 1902 and has stopped twice, most recently during "
               "the storm of 1987, when lightning struck its roof.\n")
    doc, found = _findings(PRESS_RELEASE + section)
    assert not [f for f in found if f.rule == "BPL008"]


def test_main_text_lookup_of_huge_pages_gives_the_substring_answers(monkeypatch):
    from scanner.boilerplate import analysis

    main = "Council approves budget\nThe council voted 5-2 on Tuesday.\n| 7 | Item 7 |\nThe end."
    lines = ["Council approves budget", "The council voted 5-2 on Tuesday.", "Item 7", "7",
             "Item 70", "Home", "voted 5-2", "Most Popular", "The end."]
    small = analysis._in_main_text(lines, main)
    assert small == [True, True, True, True, False, False, True, False, True]
    monkeypatch.setattr(analysis, "_SUBSTRING_BUDGET", 0)  # as if the page were huge
    assert analysis._in_main_text(lines, main) == small


@pytest.mark.parametrize("line, needs", [
    ("POWERS: Spoon sticking is useful to fight crime [CEN]", True),  # a caption's tag
    ("Ancient passage aligns with modern cure for our deadliest disease [VIDEO]", True),
    ("The ministers met in Tokyo on Tuesday;", False),  # a clause ends as a sentence does
    ("The ministers met in Tokyo on Tuesday (local time)", False),
    ("The ministers met in Tokyo on Tuesday", True),
])
def test_the_line_model_judges_short_lines_that_do_not_end_a_sentence(line, needs):
    assert analysis._needs_model(line, is_prose(line)) is needs


_PROSE = "The ministers met in Tokyo on Tuesday to agree on closer ties for the coming years."


@pytest.mark.parametrize("third, needs", [
    ("Sport", True),  # three odd lines
    # a prose line of ten to thirteen words that ends no sentence ("»", "]", a CJK stop)
    ("The ministers met in Tokyo on Tuesday to agree on closer ties «now.»", True),
    ("The ministers met in Tokyo on Tuesday to agree on closer ties [VIDEO.]", True),
    ("The ministers met in Tokyo on Tuesday to agree on closer ties now。", True),
    ("The ministers met in Tokyo on Tuesday to agree on closer ties now.", False),  # two odd lines
])
def test_a_text_needs_the_model_for_three_odd_lines(third, needs):
    texts = [_PROSE, "Menu", "Home", third, _PROSE]
    prose = list(map(is_prose, texts))
    assert prose == [True, False, False, third != "Sport", True]
    assert analysis._has_model_lines(texts, prose, None) is needs
    assert (sum(analysis._needs_model(t, p) for t, p in zip(texts, prose)) >= 3) is needs


NEWSROOM_FURNITURE = [
    ("We use cookies to improve your experience, as explained in our Cookie Policy.", "cookie"),
    ("This article originally appeared on Mayo Clinic News Network.", "legal"),
    ("This story originally appeared in the Augusta Chronicle.", "legal"),
    ("Download our Gazette app for breaking news alerts.", "subscribe"),
    ("Sign up for weather alerts", "subscribe"),
    ("Get the DevHarbor newsletter: one practical tutorial every Thursday.", "subscribe"),
    ("{{ newsletter_signup_form }}", "notice"),  # a template's unfilled placeholder
    # older CMS furniture (QA pass 34)
    ("Login or register to post comments", "comments"),
    ("Blog at WordPress.com. Theme: Twenty Ten.", "legal"), ("Theme: Twenty Ten.", "legal"),
    ("Theme by Anders Noren.", "legal"), ("Hits: 1843", "share"), ("PDF", "share"),
    ("{% include 'ads/sidebar.html' %}", "notice"),
    ("In partnership with the United Nations Foundation", "ad"),
    ("Brought to you by Acme & Sons", "ad"),
    ("This article was republished from The Conversation under a Creative Commons license.",
     "legal"),
    # photo credits in brackets and in agency style
    ("(Photo: Getty Images)", "credit"),
    ("(AP Photo/Evan Vucci)", "credit"),
    ("(Photo by John Doe/Getty Images)", "credit"),
    ("Reuters/File Photo", "credit"),
    ("Credit: Reuters/File Photo", "credit"),
    # syndication notes and news-tip lines
    ("This article originally appeared on The Conversation. Read the original article.", "legal"),
    ("This story was originally published by ProPublica.", "legal"),
    ("This article first appeared in the Financial Times.", "legal"),
    ("Have a news tip? Email us at tips@citygazette.com", "subscribe"),  # a reader call-out
    # reporter and press contact lines (QA pass 16)
    ("Karen Whitfield can be reached at 555-0142 or kwhitfield@brookfieldcourier.com. "
     "Follow her on Twitter @KWhitfieldBC.", "contact"),
    ("Tom Kessler may be contacted via Twitter at @tkessler.", "contact"),
    ("Contact staff writer Jill Barshay at 212-678-3595 or barshay@hechingerreport.org.", "contact"),
    ("Reach reporter Tom Kessler at tkessler@heraldtimes.com.", "contact"),
    ("Media contact: Laura Chen, GreenGrid Energy, (510) 555-0177, lchen@greengridenergy.com",
     "contact"),
    ("Press Inquiries", "contact"),
    ("SOURCE GreenGrid Energy Inc.", "contact"),
    # paywall meters, newsletters by other names, app prompts
    ("You've read 3 of 5 free articles this month. Subscribe now for unlimited access.", "subscribe"),
    ("You have read all your free articles this month.", "subscribe"),
    ("To continue reading, please subscribe for just 1 pound a week.", "subscribe"),
    ("Sign up for our morning briefing and get the day's top stories in your inbox.", "subscribe"),
    ("Sign up for our daily politics briefing", "subscribe"),
    ("Download our app for the latest headlines on the go.", "subscribe"),
    ("Read this story in our app for a better experience.", "subscribe"),
    ("Get the app", "subscribe"),
    ("Download the Gazette app", "subscribe"),
    # affiliate disclosures and sponsor labels
    ("We may earn a commission when you buy through links on our site.", "ad"),
    ("We make commission on purchases made through links on this page.", "ad"),  # a trigger per branch
    ("This article is only available to members.", "subscribe"),
    ("This post contains affiliate links.", "ad"),
    ("Disclosure: Some of the links above are affiliate links.", "ad"),
    ("Sponsored by Acme Bank", "ad"),
    ("In partnership with Acme Bank", "ad"),
    ("Content from our partner", "ad"),
    ("Advertiser content from Acme", "ad"),
    # "read more" links, in other languages too
    ("Click here to read more.", "navigation"),
    ("Lees ook: Nieuwe regels voor asielzoekers in Nederland", "navigation"),
    ("Mehr zum Thema: Die Regierung plant neue Regeln", "navigation"),
    ("Lire aussi : Le plan du gouvernement", "navigation"),
    ("Leer también: El Real Madrid ficha a un defensa", "navigation"),
    ("Lea también: El Real Madrid ficha a un defensa", "navigation"),
    ("Leggi anche: Il governo approva la riforma", "navigation"),
    ("Czytaj też: Rząd przyjął projekt", "navigation"),
    ("Leia também: O governo aprova a reforma", "navigation"),
    # content-recommendation widgets and news-site sections of 2010s pages
    ("Sponsored Links", "ad"), ("Sponsored Stories", "ad"), ("Promoted Links by Taboola", "ad"),
    ("Recommended by Outbrain", "ad"), ("Paid posts", "ad"), ("You May Like", "navigation"),
    ("From Around the Web", "navigation"), ("More From Reuters", "navigation"),
    ("More from Bleed Cubbie Blue", "navigation"), ("We recommend", "navigation"),
    ("Part of complete coverage on", "navigation"), ("Suggest a correction", "navigation"),
    ("Report an error", "navigation"), ("Slideshow (2 Images)", "navigation"),
    # call-to-action buttons on a line of their own, and CMS shortcodes a page did not render
    ("Learn More", "navigation"), ("LEARN MORE »", "navigation"), ("Get Started", "navigation"),
    ("Get started for free", "navigation"), ("Find out more", "navigation"), ("Get a Quote", "navigation"),
    ("Book a demo", "navigation"), ("Start your free trial", "navigation"), ("Try it free", "navigation"),
    ("[CTA_MODULE]", "notice"), ("[convertkit form=1630175]", "notice"), ("[/caption]", "notice"),
    ('[caption id="attachment_512" align="alignright" width="300"]', "notice"),
    # older pages (QA pass 15): trails without an English "Home", other languages' comment and
    # legal furniture, the tool links of 2000s pages, forum log-in chrome, Blogger's bar
    ("Accueil > In English > Transport", "breadcrumb"), ("News > Local > Crime", "breadcrumb"),
    ("Startseite > Politik > Ausland", "breadcrumb"), ("Inicio > Noticias > Local", "breadcrumb"),
    ("You are here: Home / News / Local", "breadcrumb"),
    ("Sie sind hier: Startseite > Politik", "breadcrumb"),
    ("Lakeshore Anglers Forum > General Fishing > Fishing News", "breadcrumb"),
    ("« Frost dates for 2011: my best guess", "navigation"),
    ("Starting peppers indoors without a heat mat »", "navigation"),
    ("Next Blog»", "navigation"), ("Create Blog Sign In", "navigation"),
    ("Kommentare (17)", "comments"), ("Kommentar schreiben", "comments"),
    ("Réagissez à cet article", "comments"), ("Comentarios", "comments"),
    ("Vous devez être connecté pour commenter.", "comments"),
    ("Normas de participación", "comments"), ("Welcome, Guest. Please login or register.", "comments"),
    ("Remember Me?", "comments"), ("Results 1 to 5 of 5", "comments"),
    ("Reply With Quote", "comments"),
    ("Terms of Use | Privacy Policy | Site Map | RSS | Contact", "legal"),
    ("Mentions légales | Contact | Publicité | Conditions générales d'utilisation", "legal"),
    ("Aviso legal | Política de privacidad | Política de cookies | Contacto", "legal"),
    ("Datenschutz", "legal"), ("EEO Report", "legal"), ("FCC Public File", "legal"),
    ("Download the KQTV 8 News app", "subscribe"),
    ("E-mail to a friend", "share"), ("Email", "share"), ("Print", "share"), ("Drucken", "share"),
    ("Artikel teilen", "share"), ("Envoyer par e-mail", "share"), ("+1", "share"),
    ("Google+ 0", "share"), ("Be the first to like this post.", "share"),
    ("Follow @GadgetDrift", "share"),
    # QA pass 15's leftovers: a blog post's entry line, invitations to comment and feedback
    # widgets, a press release's disclaimer
    ("Posted on March 3, 2011 by Carol Hendricks", "navigation"),
    ("Posted on 03/03/2011 by admin", "navigation"),
    ("Published on Tuesday, 3 March 2011 at 10:15 am by Jo Bloggs", "navigation"),
    ("Share your thoughts in the comments below.", "comments"),
    ("What do you think? Let us know in the comments below.", "comments"),
    ("Did you find this story interesting?", "comments"),
    ("Loading Comments...", "comments"),
    # QA pass 16 (extractor leftovers): wordings the cues missed
    ("Sign up for our weekly books newsletter", "subscribe"),
    ("Get our weekly books newsletter – sign up here", "subscribe"),
    ("Share on Facebook | Share on Twitter | Email this story", "share"),
    ("Print Email Font Resize", "share"), ("Tweet Share Pin It +1 Email", "share"),
    ("Drucken | Versenden | Teilen", "share"), ("Print Recipe", "share"),
    ("Posted by Emma Clarke on 12 June 2016", "navigation"),
    ("Posted by Staff on October 22, 2014 in Business", "navigation"),
    ("Posted in World | Tagged Greece, austerity | Leave a comment", "navigation"),
    ("Foto: dpa/Marijan Murat", "credit"), ("(With inputs from PTI)", "credit"),
    ("Image courtesy of NASA, ESA and the Hubble Heritage Team", "credit"),
    # QA pass 19's older HTML pages
    ("Comments are closed on this article.", "comments"),
    ("Commenting is closed for this story", "comments"),
    ("Vous devez être abonné pour réagir.", "comments"),
    ("Artikel teilen: Facebook Twitter WhatsApp E-Mail", "share"),
    ("Printer-friendly version | E-mail this story", "share"),
    ("Passengers wait at the check-in hall on Monday. (Photo: Lisa Cheng / Harbor Ledger)", "credit"),
    ("MORE LOCAL NEWS", "navigation"), ("More World News", "navigation"),
    ("À lire aussi", "navigation"), ("Lesen Sie auch", "navigation"),
    # QA pass 20's close paraphrases: a staff credit, ad breaks, embedded media labels
    ("(Staff photo by Renee Hall)", "credit"), ("File photo: Reuters", "credit"),
    ("Advertisement - Scroll to continue", "ad"), ("Continue reading below", "ad"),
    ("WATCH: Mayor opens new bridge (video, 2:14)", "navigation"),
    ("🎙️ Listen: The Hollow End Podcast, episode 112", "navigation"),
    ("Kevin Odum covers education and county government. Reach him at 555-0173 or "
     "kodum@marlowledger.com.", "contact"),
    ("Ana Ruiz is a staff reporter for the Ledger. Email her at aruiz@ledger.com.", "contact"),
    # a reporter's contact line by name alone, a bio with the paper's possessive, a columnist's
    # bio (QA pass 42)
    ("Contact Dana Whitley at 555-0188 or dwhitley@harborpress.com.", "contact"),
    ("Contact Dana Whitley at dwhitley@harborpress.com. Follow her on Twitter @DanaW.", "contact"),
    ("Reach Marco Diaz at 555-0123. Follow him on Twitter @MarcoDiazNews.", "contact"),
    ("Paul Greer is the Ledger's sports editor. Reach him at pgreer@ledger.com or 555-0101.",
     "contact"),
    ("Helen Marsh writes about gardening every Saturday.", "contact"),
    ("Tom Biggs writes on local politics each week for the Sentinel.", "contact"),
    ("Rosa Lind writes a weekly column on food and family.", "contact"),
    # QA pass 20's German and Spanish pages (the line model, English-only, no longer reads them)
    ("Das könnte dich auch interessieren:", "navigation"), ("Te puede interesar", "navigation"),
    ("También le puede interesar: Los colores de pintura que más se llevan", "navigation"),
    ("Vous aimerez aussi", "navigation"), ("Ti potrebbe interessare", "navigation"),
    ("Wohnglück-Newsletter: Jeden Freitag neue Ideen für Haus und Garten – jetzt kostenlos "
     "abonnieren!", "subscribe"),
    ("Recibe cada semana las mejores ideas de decoración. Apúntate a nuestra newsletter.", "subscribe"),
    ("Mit deiner Anmeldung akzeptierst du unsere Datenschutzhinweise.", "subscribe"),
    ("Al suscribirte aceptas la política de privacidad y el aviso legal.", "subscribe"),
    ("Vous devez être abonné pour réagir. Je m’abonne", "comments"),
    ("Um kommentieren zu können, müssen Sie angemeldet sein. Jetzt anmelden", "comments"),
    ("Reproduction in whole or in part without permission is prohibited.", "legal"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "legal"),
    ("No part of this site may be reproduced without our written permission.", "legal"),
    ("With inputs from agencies", "credit"),
    ("© Stuttgarter Nachrichten 2013", "legal"),
    ("All content © 2011, unless noted otherwise", "legal"),
    ("© 2013, reproduction in whole or in part without permission is prohibited.", "legal"),
    ("© 2013, this material may not be published, broadcast, rewritten or redistributed.",
     "legal"),
    ("Be the first to comment on this story", "comments"),
    ("Was this page helpful? Yes No", "comments"), ("Kommentare (42)", "comments"),
    ("var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-1234567-1']);", "notice"),
    ("(adsbygoogle = window.adsbygoogle || []).push({});", "notice"),
    ("gtag('config', 'G-7QX2LM4KQ1');", "notice"),
    ("var _paq = window._paq = window._paq || [];", "notice"),
    ("_paq.push(['trackPageView']);", "notice"),
    ("googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });", "notice"),
    ("Forward-Looking Statements", "legal"),
    ("Cautionary Note Regarding Forward-Looking Statements", "legal"),
    ("This press release contains forward-looking statements that involve risks and uncertainties. "
     "Actual results may differ materially from those expressed or implied by such statements.", "legal"),
    # commerce and sign-up furniture of lifestyle and review pages
    ("When you buy through links on our site, we may earn an affiliate commission.", "ad"),
    ("If you purchase through our links, we may earn a commission.", "ad"),
    ("Products are chosen independently by our editors. Purchases made through our links may earn "
     "us a commission.", "ad"),
    ("As an Amazon Associate I earn from qualifying purchases.", "ad"),
    ("This article includes affiliate links.", "ad"),
    ("Prices were accurate at the time this article was published but may change over time.", "ad"),
    ("Prices and availability are subject to change.", "ad"),
    ("Thanks for subscribing! Look out for your first newsletter in your inbox soon!", "subscribe"),
    ("Thank you for signing up.", "subscribe"),
    ("By entering your email address you agree to our Terms of Use and Privacy Policy.", "subscribe"),
    ("By clicking Subscribe, you consent to receive emails from us.", "subscribe"),
    ("Enjoyed this piece? We need your help to keep publishing.", "subscribe"),
    ("If you value our reporting, please consider making a donation.", "subscribe"),
    ("Support independent journalism. Donate today.", "subscribe"),
    ("This article is intended for educational and informational purposes only.", "legal"),
    ("This content is for general information only and is not a substitute for professional "
     "medical advice.", "legal"),
    ("This blog post is not intended to replace the advice of a medical professional.", "legal"),
    ("The above does not constitute financial advice.", "legal"),
    ("Disclaimer: This post contains affiliate links.", "ad"),  # ad's row before legal's
    # QA pass 20's wordings and more: referral fees, other languages, sponsors' credits
    ("Heads up: some links below go to retailers we partner with, and we may receive a referral "
     "fee when you shop through them.", "ad"),
    ("If you buy through them I receive a small cut, and the price stays the same.", "ad"),
    ("We might be paid a share of sales from links on this page.", "ad"),
    ("Buying through our links may earn us a small payment from the seller.", "ad"),
    ("Disclosure: I sometimes use affiliate links to guidebooks and gear.", "ad"),
    ("Advertiser Disclosure: Many of the offers on this page are from companies that compensate us.",
     "ad"),
    ("*Dieser Beitrag enthält Affiliate-Links.", "ad"),
    ("En este artículo hay enlaces de afiliación.", "ad"),
    ("Cet article contient des liens d'affiliation.", "ad"),
    ("This story was produced in partnership with the Central Basin Reporting Collaborative.", "ad"),
    ("This article is made possible by a grant from the Hollis Family Foundation.", "ad"),
    ("Product prices and availability are subject to change.", "ad"),
    ("Savings rates mentioned were correct on the date of publication.", "ad"),
    ("Story continues below this ad", "ad"), ("Article continues after advertisement", "ad"),
    ("Listen to this article · 5 min", "share"),
    ("The information on this site is educational and does not replace a consultation with your "
     "doctor.", "legal"),
    ("Republish this article for free under a Creative Commons license.", "legal"),
    ("Make a tax-deductible gift today.", "subscribe"),
    # QA pass 49: a blog's disclosure and Pinterest button, an opinion page's thread invitation
    ("Disclosure: this post contains some affiliate links, marked with *.", "ad"),
    ("Like this post? Pin it for later!", "share"),
    ("Join the debate", "comments"),
    ("Comments have been disabled on this article for legal reasons.", "comments"),
    ("Comments are closed on this post. Join the conversation on our Facebook page.", "comments"),
    ("Published in The Millbrook Sentinel on March 4, 2010", "legal"),  # an obituary notice's
    ("Published in Daily Herald from Mar. 3 to Mar. 5, 2012", "legal"),
    ("Share this article: Facebook Twitter Digg Delicious More", "share"),
    ("Like 24 Tweet Share 61 Print PDF", "share"), ("Share 1,208 Tweet Comments 47", "share"),
    ("Topics: Dale District Council Parking Harrowgate", "navigation"),
    ("If you enjoy it, chip in a few quid on Patreon.", "subscribe"),
    ("Buy me a coffee", "subscribe"),
    ("Made this? Snap a photo and leave a star rating further down!", "comments"),
    # the tools and links of older pages (QA pass 23)
    ("Skip to primary content", "navigation"), ("skip to main | skip to sidebar", "navigation"),
    ("Return to top of page", "navigation"), ("Related Releases", "navigation"),
    ("Other stories this week:", "navigation"), ("← Bike lanes on Grand: the paint is dry", "navigation"),
    ("Click here for a printer-friendly version", "share"), ("E-mail this article to a friend", "share"),
    ("Print this Release", "share"), ("Share Article", "share"),
    ("Read or Share this story: http://www.example.com/story/news/2016/09/30/bridge/91345678/", "share"),
    ("LakeCountryAnglers.com > Regional Reports > Northern Lakes", "breadcrumb"),
    ("You have reached your limit of free articles this month.", "subscribe"),
    ("Your free article limit has been reached.", "subscribe"),
    ("Subscribe today for unlimited access to local news you can trust.", "subscribe"),
    # the sign-up forms, share rows, related lists and captions of scraped pages (QA pass 41)
    ("Your email address", "subscribe"), ("Sign me up", "subscribe"),
    ("Get the latest releases in your inbox", "subscribe"),
    ("Get the week's best science stories. Sign up now", "subscribe"),
    ("Join 250,000 readers who get our best money-saving tips every Thursday.", "subscribe"),
    ("Share by email", "share"), ("Pin this for later", "share"),
    ("More releases from Harbourlight Robotics", "navigation"), ("More comfort food recipes", "navigation"),
    ("More Portugal guides", "navigation"), ("Explore more on these topics", "navigation"),
    ("More on this story", "navigation"),
    ("Destinations  Rail Journeys  Food & Drink  Hotels  Travel Tips", "navigation"),
    ("Mortgages  Savings  Bills  Pensions  Credit cards  Travel money", "navigation"),
    ("Margaret Ellery on Helvellyn in 1987. Photograph: Family handout", "credit"),
    # comment forms, thread tabs, recipe cards, search boxes, account rows and tags (issue 5)
    ("Leave a Reply Cancel reply", "comments"), ("Leave a ReplyCancel reply", "comments"),
    ("Leave a Comment Cancel reply", "comments"), ("Leave a Reply to Jane Smith Cancel reply", "comments"),
    ("Newest  Oldest  Most liked", "comments"), ("Sort by: Newest | Oldest | Best", "comments"),
    ("Sort by Best", "comments"), ("Oldest first", "comments"),
    ("Jump to Recipe  Print Recipe", "navigation"), ("Jump to Recipe", "navigation"),
    ("Jump to:", "navigation"), ("Jump to navigation", "navigation"),
    ("Search recipes...", "navigation"), ("Search…", "navigation"), ("Search the site", "navigation"),
    ("Type to search", "navigation"), ("Hit enter to search or ESC to close", "navigation"),
    ("Start typing and press Enter to search", "navigation"),
    ("Subscribe | Sign in", "navigation"), ("Log in / Register", "navigation"),
    ("Sign In Subscribe", "navigation"),
    ("Tagged With: Castleford Town, Harrowby United", "navigation"), ("Tagged: achievement gap", "navigation"),
    ("Today's best Corvane Pulse 3 deals", "ad"), ("Best daily deals", "ad"),
    # reader call-outs (BPL003), footers and disclaimers (BPL008), a series' sponsor (BPL009)
    ("Got a story? Email newsdesk@example.com", "subscribe"), ("Do you have a story for us?", "subscribe"),
    ("Get involved: Are you affected by the storm? Send us your pictures and videos", "subscribe"),
    ("Have you lost a loved one? Tell us about them. Email obituaries@example.co.uk", "subscribe"),
    ("Were you there? Email us at news@example.com", "subscribe"),
    ("All quotes delayed a minimum of 15 minutes.", "legal"),
    ("Market data provided by ICE Data Services.", "legal"),
    ("Our Standards: The Trust Principles.", "legal"), ("Our Standards & Practices", "legal"),
    ("We believe in the free flow of information. Republish our articles for free, online or in "
     "print, under a Creative Commons license.", "legal"),
    ("MoneyWise Today is a trading name of Brightpath Media Ltd, registered in England and Wales "
     "(company number 01234567).", "legal"),
    ("Registered in England and Wales No. 964179.", "legal"),
    ("Registered office: 1 London Bridge, London SE1 9GF.", "legal"),
    ("TechPulse is part of Futura Media Inc, a leading digital publisher. Visit our corporate site.",
     "legal"),
    ("The views expressed in this column are the author's own and do not necessarily reflect those "
     "of The Civic Ledger.", "legal"),
    ("This content is provided by our sponsor. It does not necessarily reflect the views of our "
     "editorial staff.", "legal"),
    ("This article is part of our series Living With Water, supported by the Community Foundation "
     "for Ireland.", "ad"),
    ("This series is supported by the Wellcome Trust.", "ad"),
    # a travel writer's disclosure (BPL017, info)
    ("Fiona travelled as a guest of Quinta de Santa Luzia.", "disclosure"),
    ("Jane Smith travelled to Lisbon courtesy of TAP Air Portugal.", "disclosure"),
    ("The writer was a guest of Tourism New Zealand.", "disclosure"),
    ("This trip was provided by Rail Europe.", "disclosure"),
    ("The writer's flights were paid for by Qantas.", "disclosure"),
    ("Sign in or create your Northern Chronicle account to join the discussion.", "comments"),
]

# The same furniture on German, French, Spanish, Italian and Portuguese pages (stop 34, after QA
# pass 22; reworded from its pages): share rows with X and copy-link buttons, a recipe's tool
# row, related and most-read headings, comment forms and thread notices, paywall labels and
# offers, newsletter prompts and affiliate disclosures.
FOREIGN_FURNITURE = [
    ("Compartir en Facebook Compartir en X Copiar enlace", "share"),
    ("Partager sur X Partager sur LinkedIn Copier le lien", "share"),
    ("Condividi su Facebook Condividi su X Invia per email", "share"),
    ("Partilhar no Facebook Partilhar no X Enviar por email", "share"),
    ("Beitrag teilen: Facebook X LinkedIn E-Mail", "share"), ("Link kopieren", "share"),
    ("Drucken Pinnen Merken", "share"), ("Imprimir Guardar Compartir", "share"),
    ("Salva ricetta Stampa", "share"), ("Épingler sur Pinterest", "share"),
    ("Imprimer Ajouter à mes favoris", "share"),
    ("Weitere Nachrichten aus Augsburg", "navigation"), ("Ebenfalls interessant", "navigation"),
    ("Meistgelesen", "navigation"), ("Noticias relacionadas", "navigation"),
    ("Lo más leído", "navigation"), ("Les articles les plus lus", "navigation"),
    ("Sur le même sujet", "navigation"), ("À découvrir également", "navigation"),
    ("Gli articoli più letti", "navigation"), ("Articoli correlati", "navigation"),
    ("As mais lidas", "navigation"), ("Notícias relacionadas", "navigation"),
    ("À lire également : Brest, le port de commerce s'agrandit", "navigation"),
    ("Ti potrebbe interessare anche", "navigation"),
    ("Noch keine Kommentare. Sei der Erste!", "comments"), ("Aucun commentaire", "comments"),
    ("Sé el primero en comentar", "comments"), ("Seja o primeiro a comentar", "comments"),
    ("Kommentar abschicken", "comments"), ("Publier le commentaire", "comments"),
    ("Invia commento", "comments"), ("Comentários (12)", "comments"), ("Commenta", "comments"),
    ("I commenti sono sotto la responsabilità degli autori.", "comments"),
    ("Para comentar es necesario iniciar sesión.", "comments"),
    ("Os comentários estão reservados a assinantes.", "comments"),
    ("Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
     "comments"),
    ("Tu dirección de correo electrónico no será publicada.", "comments"),
    ("Votre adresse e-mail ne sera pas publiée.", "comments"),
    ("Il tuo indirizzo email non sarà pubblicato.", "comments"),
    ("O seu endereço de e-mail não será publicado.", "comments"),
    ("Pflichtfelder sind mit * gekennzeichnet.", "comments"),
    ("Artikel nur für Abonnenten", "subscribe"), ("Inhalt nur für Abonnenten", "subscribe"),
    ("Contenido exclusivo para suscriptores", "subscribe"),
    ("Articolo riservato agli abbonati", "subscribe"), ("Déjà abonné ? Connectez-vous", "subscribe"),
    ("¿Ya eres suscriptor? Inicia sesión", "subscribe"), ("Já é assinante? Entre", "subscribe"),
    ("Lesen Sie weiter mit SZ Plus – 4 Wochen für 1 €", "subscribe"),
    ("Abonnez-vous dès 1 € par mois pour lire la suite.", "subscribe"),
    ("Suscríbete desde 1 euro al mes.", "subscribe"),
    ("Dieser Artikel ist nur für Abonnenten verfügbar.", "subscribe"),
    ("Unser Wirtschafts-Newsletter: jeden Morgen direkt in Ihr Postfach.", "subscribe"),
    ("Recibe nuestro boletín cada mañana en tu correo.", "subscribe"),
    ("Inscreva-se grátis e receba as notícias no seu e-mail", "subscribe"),
    ("Wir erhalten eine kleine Provision, wenn Sie über diese Links kaufen.", "ad"),
    ("Los enlaces de este artículo son de afiliados.", "ad"),
    ("Si compras a través de estos enlaces, recibimos una comisión.", "ad"),
    ("Si vous achetez via ces liens, nous percevons une commission.", "ad"),
    ("Se acquisti tramite questi link riceviamo una commissione.", "ad"),
    ("Se comprar pelos links, recebemos uma pequena comissão.", "ad"),
    ("Impressum Datenschutzhinweise AGB Kontakt Karriere", "legal"),
    ("Plan du site Mentions légales Gestion des cookies Contact", "legal"),
    ("Contacto Condiciones de uso Política de privacidad Publicidad", "legal"),
    ("Redazione Lavora con noi Informativa sulla privacy Cookie policy", "legal"),
    ("Termos e condições Política de cookies Contactos", "legal"),
    ("Bild: Stadt Landsberg/Visualisierung", "credit"), ("Bildquelle: imago images", "credit"),
    ("Crédit photo : Jean Dupont", "credit"),
    ("Aceptar y cerrar", "cookie"), ("Continuer sans accepter", "cookie"),
    ("Accetta e chiudi", "cookie"), ("Weiter ohne Zustimmung", "cookie"),
    ("Cliccando su «Iscriviti» dichiari di aver letto l'informativa sulla privacy.", "subscribe"),
    ("Ao subscrever, aceita os Termos e Condições e a Política de Privacidade.", "subscribe"),
    ("Mit der Anmeldung akzeptieren Sie unsere Datenschutzerklärung.", "subscribe"),
    ("En cliquant sur « S'inscrire », vous acceptez nos conditions.", "subscribe"),
    ("27 réponses à “Tarte Tatin facile : la vraie recette”", "comments"),
    ("12 Kommentare zu „Neue Radwege“", "comments"), ("Répondre", "comments"),
    ("Antworten", "comments"), ("Rispondi", "comments"),
    ("Noticia relacionada: Málaga también congela las licencias turísticas", "navigation"),
    ("In qualità di Affiliato Amazon riceviamo un guadagno dagli acquisti idonei.", "ad"),
    ("En tant que Partenaire Amazon, je réalise un bénéfice sur les achats remplissant les "
     "conditions requises.", "ad"),
    ("Como afiliado de Amazon, gano con las compras adscritas que cumplen los requisitos.", "ad"),
    ("Als Amazon-Partner verdiene ich an qualifizierten Verkäufen.", "ad"),
    ("Ce lien est affilié : si vous achetez via ce lien, je touche une petite commission.", "ad"),
    # a site's menu on one line (a naive scraper joins its links)
    ("Startseite Politik Wirtschaft Panorama Sport Kultur Wissen Meinung", "navigation"),
    ("Actualités Politique International Économie Société Planète Culture Sport Idées", "navigation"),
    ("News Politics Business Sport Entertainment Lifestyle", "navigation"),
]

# Sentences of German, French, Spanish, Italian and Portuguese news that share those words.
FOREIGN_MENTIONS = [
    "Bild: Kanzler plant Kabinettsumbildung",  # a headline citing the paper, no credit
    "Bild: Merz will die Schuldenbremse lockern, Grüne dagegen / Umfrage",
    "Cliccando su un link, il lettore accetta di essere tracciato, ha spiegato il Garante.",
    "Ao subscrever o acordo, o governo aceita pagar 2 mil milhões.",
    "Die Partei will weiter ohne Zustimmung der Länder regieren.",
    "5 Antworten auf die Klimakrise",  # a listicle's heading: a thread's count quotes its post
    "Politics Business And The Economy Of Sport In Europe",  # a headline in title case
    "Sport Politik Wirtschaft: Was 2026 auf uns zukommt",
    "3 respuestas a la crisis de la vivienda.",
    "Le ministre a dit qu'il allait répondre.",
    "La Commission européenne touche une commission sur chaque prêt.",
    "Weitere Artikel wurden am Montag veröffentlicht, sagte der Sprecher.",
    "Der Bericht wurde nicht veröffentlicht.",
    "Die Bank erhalte eine Provision von zwei Prozent für jeden Kredit.",
    "Der Newsletter des Vereins erscheint seit 1998 und hat 4.000 Abonnenten.",
    "Les plus lus des romans de l'année ont été primés.",
    "Une commission d'enquête a été créée par l'Assemblée nationale.",
    "No hay comentarios sobre la decisión del Gobierno.",
    "El artículo para suscriptores que publicó el diario fue retirado.",
    "La comisión europea aprobó el plan el lunes.",
    "Ultime notizie dal fronte: il sindaco ha firmato l'ordinanza.",
    "La commissione ha respinto il ricorso della società.",
    "Os comentários do ministro foram criticados pela oposição.",
    "Die AGB der Bank wurden im Mai geändert.",
    "Kontakt",  # a subheading as often as a footer link: only a row with a legal link is one
]


@pytest.mark.parametrize("line, kind", BLOG_AND_COMMENT_WIDGETS + NEWSROOM_FURNITURE + FOREIGN_FURNITURE)
def test_furniture_lines_have_a_cue(line, kind):
    assert line_cues([line]) == [kind]


# Article sentences that merely mention what the furniture above is about (QA's 38 and more).
MENTIONS = [
    # news sentences a review found the new cues took for furniture
    '"We earn a commission when followers buy through the links in our posts," explains Jane Doe.',
    "I get a commission when you buy, the salesman admitted in court.",
    "This story was first published in error and has been removed.",
    "This article was originally published in German.",
    "This story was first published on the eve of the trial.",
    "This story has been republished to correct a date.",
    "Officers got a news tip on Tuesday and raided the house.",
    "In partnership with Ofcom the watchdog will check posts every month.",
    "Paid for by Medicare until 2030.",
    "Sponsored by Republican Tom Cole the bill would cut funding.",
    "Residents can sign up for the free text alerts on the agency's website.",
    "Anyone can sign up to the weekly bulletin at the library.",
    "Under the deal we will receive a share of the revenue from the stadium.",
    "As a broker I get a commission on every sale, which is why I oppose the bill.",
    "This story was first published on Tuesday and has been updated.",
    "This article was originally published on Nov. 3, 2021.",
    "Brought to you by the people who gave you HS2",
    "Paid for by the taxpayer",
    "Girl Scout cookie sellers will now be able to accept card payments",
    "The bakery selling cookies began to accept only cash",
    "The company launched a newsletter last year that now has 40,000 subscribers.",
    "She shared the photo on Instagram, where it was liked more than 10,000 times.",
    "The minister urged people to sign up for the vaccine as soon as they were offered it.",
    "The newspaper said it would put more of its articles behind a paywall from January.",
    "The app, which is available on Apple's App Store, has been downloaded a million times.",
    "The photographer, who works for Getty Images, was detained for six hours.",
    "He told followers on Twitter that he would not resign.",
    # (QA pass 15's shapes) a how-to's menu path, a French quotation, a list of sources
    "Go to Settings > Privacy > Location",
    "Example: Women > Rings > Diamond rings",
    "« Je suis là », dit-il.",
    "Sources: HomeAdvisor | Houzz | Rocket Mortgage | Realtor.com",
    "Print is dead, he said.",
    "The article first appeared in a local newspaper in 1998, the court heard.",
    "The retailer said shoppers could click and collect their orders from 200 stores.",
    "Subscribers to the streaming service will pay 2 pounds more a month from April.",
    "The singer's post on Facebook, in which she thanked fans for their support, was shared widely.",
    "The museum said it would publish the images under a free licence, with credit to the photographer.",
    "Readers who want to comment on the proposals can write to the council before 1 May.",
    "The advertisement, which ran on television for two weeks, was banned by the regulator.",
    "Shoppers rushed to buy now before prices rise, the retailer said.",
    "The website told users to click here to order a free test kit, but the link was broken.",
    "The advert, which claimed a \"weird trick\" could melt belly fat, was banned.",
    "The film's director thanked fans who had followed the project on Instagram.",
    "\"Don't miss the chance to vote,\" the mayor said on Monday.",
    "The bank, which sponsored the event, said it was proud to support local sport.",
    "The minister urged people to download the NHS app and book their appointments online.",
    "Police said the video, which went viral on TikTok, showed the moment the car hit the wall.",
    "Reuters was unable to verify the photo independently.",
    "She said she would read the report and respond in due course.",
    "LONDON (Reuters) - Britain's economy grew by 0.2 per cent in the third quarter, official data "
    "showed on Friday.",
    "Share prices in London fell 3 per cent after the announcement.",
    "Comments by the minister on Monday angered opposition parties.",
    "Print editions of the newspaper will end in March, the publisher said.",
    "Follow-up tests showed no trace of the virus.",
    "Like many small towns, Ashford has lost its bank branches.",
    "Subscribe-and-save deals now account for a fifth of the retailer's sales.",
    "Related charges against two other men were dropped last year.",
    "Home Office figures show 30,000 people crossed the Channel in small boats last year.",
    "Copyright lawyers said the ruling could affect thousands of artists.",
    "Advertising revenue at the broadcaster fell by 12 per cent.",
    "Read the full judgment, the judge said, and you will see why the appeal failed.",
    "Correction: An earlier version of this article misstated the size of the package.",
    "Sign language interpreters will be present at all briefings, the council said.",
    # near misses of the new cues
    "(Reuters) - Shares in the carmaker fell 8 per cent on Wednesday.",
    "Sponsored by the council, the event drew 300 people.",
    "In partnership with the council the charity will open ten centres in the north of England.",
    "We may earn a commission on each sale, the company said.",
    "The firm said it would earn a commission on every booking.",
    "The article was republished with permission by several newspapers.",
    "Click here to see the full results of the poll released on Monday.",
    "Lees ook de regels van de gemeente.",
    "Leer también es importante, dijo el ministro.",
    "More from the interview follows below in full.",
    "More from Cornell on climate change and gardening:",  # a lead-in the article keeps
    "We recommend that residents stay indoors until the smoke clears.",
    "You may like the new design, the architect told reporters.",
    "Sponsored links between the two parties were investigated by the regulator.",
    "Paid posts on social media must now carry a label, the regulator said.",
    # near misses of the call-to-action and shortcode cues: a lead-in, sentences, a bare word,
    # a transcript's note and a reference number
    "Learn more:",
    "Learn more about the plan on the council's website.",
    "Get started with the basics",
    "Buy now, pay later schemes are under scrutiny.",
    "Explore",
    "[Applause]",
    "[12]",
    "Posted on Facebook by the mayor, the message said the road would close.",
    "Readers were asked to share their thoughts on the plan at a meeting in the town hall.",
    "Let us know what you need, the council told residents after the flood.",
    "The regulator has long criticised forward-looking statements in company filings as vague.",
    "Das könnte dich auch interessieren, sagte der Bürgermeister den Anwohnern am Montag.",
    "Staff photographers were at the scene within minutes.",
    "Detective Kevin Odum leads the inquiry. Anyone with information can reach him at 555-0173.",
    "Police asked anyone who saw the crash to contact them at 555-0101.",
    # near misses of the contact and columnist cues (QA pass 42): an appeal's number, a plain
    # address, a writer's habit reported in a story, a "Category:" entry of an awards list, a
    # post's time in a sentence
    "Contact Detective Jane Doe at 555-0199 or Crime Stoppers.",
    "Contact Crime Stoppers at 1-800-222-8477.",
    "The novelist writes about loss every few years, critics say.",
    "Jones writes about the war every day in his diary, his widow said.",
    "Category: Best Supporting Actress",
    "Posted at 4:15 PM, the video had 2 million views by midnight.",
    "Watch: the mayor said the bridge would open at (2:14 pm)",
    "Listen: the podcast episode that changed everything was recorded in 2019 in a garage.",
    "Continue reading below the fold, the editor told the new reporters.",
    "Al suscribirse al plan de pensiones, los trabajadores aceptan una comisión anual del 1 %.",
    "Der Newsletter des Vereins erscheint seit 1998 und hat 4.000 Abonnenten.",
    "The results statement included a section on forward-looking statements, cautioning that the "
    "targets involve risks and uncertainties.",  # QA pass 17: a report of the disclaimer
    "About Time",
    "The print edition will share comments from readers.",
    "Posted by the council on Facebook, the notice said residents should boil water.",
    "Readers who sign up for the newsletter get the puzzle a day early, the editor said.",
    "The site stopped using _gaq scripts in 2014.",
    # QA pass 17: a quoted notice, a bakery's cookies, the end of a French quotation
    'The image carried a copyright notice in its lower corner reading "© Helen Draper 2013".',
    "The book, © Penguin Random House 2019, was quoted at length in the judgment.",
    "Copyright 2013, the court heard, belonged to the photographer alone.",
    "Comments are closed on this article, the editor said, after a week of abuse.",
    "More news to come",
    "Reproduction of the painting without permission is prohibited, the museum said.",
    "Reproduction without permission was common in the 1990s, when the magazine printed pirated "
    "photographs of celebrities on every page.",
    "The results may not be published until the inquiry ends.",
    "Lire aussi la suite du dossier dans notre édition de demain, qui paraîtra jeudi.",
    "Accept all the cookies you are offered at the tasting counter, regulars advise, because "
    "you will not be able to choose otherwise. The shop sells about 1,500 a day, at £2.80 each.",
    "Ce plan a un coût, nous ne le cachons pas, mais l'inaction coûterait beaucoup plus cher. »",
    "Photographs by the late Jane Bown are on show at the Observer's offices until March.",
    "Photo by photo, the archivists rebuilt the collection.",
    "Photos: the police released six images of the men they want to trace.",
    "Image courtesy of the family, the portrait shows Kieran at his sister's birthday party.",
    '"Download our app," the bank urged customers in a text message that turned out to be a scam.',
    # contact wording in a story (an appeal's phone number, a source in capitals)
    "Detective Jane Doe can be reached at 555-0199 by anyone with information.",
    "Anyone with information can reach Detective Jane Doe at 555-0199.",
    "Contact tracing reached at least 4,000 people, the health board said.",
    "The writer can be reached at her agent's office, her publisher said.",
    "Source of the leak remains unknown",
    "SOURCE OF THE LEAK REMAINS UNKNOWN",
    "The reporter Tom Kessler at the Herald broke the story.",
    "Press relations have soured since the raid, editors said.",
    # commerce, sign-up and disclaimer wording in a story
    "The European Commission said it would look into the purchases.",
    "Shoppers who buy through the app can earn points.",
    "If you purchase a home through the scheme, the state pays part of the deposit.",
    "Prices were higher at the time of the survey than a year earlier.",
    "Prices and availability of homes in the region have worsened.",
    "Thanks for subscribing to the idea, he joked, before the vote.",
    "By clicking on the link, victims unknowingly installed malware on their phones.",
    "By signing up for the scheme, farmers agree to leave a strip of land unplanted.",
    "If you value our democracy, you should vote, the senator told the crowd.",
    "Support local journalism has become a slogan for the campaign.",
    "We need your help to find the missing boy.",
    "The disclaimer was printed in small type at the bottom of the advert.",
    "The land is used for agricultural purposes only under the covenant.",
    "The drug is not a substitute for exercise and a balanced diet.",
    "The content was published for entertainment purposes and later removed.",
    "Enjoyed this morning by thousands of runners, the course follows the river.",
    "Disclosure of the documents was ordered by the judge on Tuesday.",
    "Disclosure: Jeff Bezos is an investor in Business Insider.",  # a newsroom's own note
    "This project was made possible by a grant from the lottery fund, the director said.",
    "The study was produced in partnership with Oxford University.",
    "The political affiliation of the donors is unclear.",
    "The figures were correct at the time, he insisted.",
    "The vaccine does not replace a consultation with a GP, doctors warned.",
    "The band raised $40,000 on Patreon last year.",
    "The newspaper will republish this article with a correction.",
    "We receive a commission from the council for every tree we plant, the charity explained.",
    "And I get a cut of every ticket sold, he said with a grin.",
    "The story continues below the fold, he joked.",
    "Let me know in the comments below!",  # an author's own closing question (WCXB: content)
    "Support local journalism, the editor warned.",  # reported, as "said" is
    "Residents can sign up for flood alerts on the council website.",
    "Sign up for flood alerts on the council website, the mayor urged.",
    "Get the best out of your garden this spring.",
    "The theme by the organisers was sustainability.", "Theme: sustainability",
    "Fans can log in or register to post comments on the club site, he said.",
    "The PDF was leaked to reporters.", "Hits: the songs that defined 1999",
    # near misses of issue 5's cues
    "Search continues for missing hiker...", "Newest members of the club were sworn in.",
    "Our standards", "Sort by size, then by colour.", "Jump to a section:", "Jump to ↓",
    "Join the club or register your interest.", "Best deals on flights are in January.",
    "The oldest and newest buildings stand side by side.",
    "Do you want to create a mobile product? Contact us and we will build it.",
    "Police asked residents to send their photos to the incident room.",
    "Have you ever wondered why the sky is blue? Scientists have an answer.",
    "The company's registered office is in Jersey.", "The firm, registered in England and Wales in "
    "1998, makes boilers.", "Flights were delayed by 40 minutes after the storm.",
    "Data delayed the launch by two weeks.", "The survey found views expressed by residents were mixed.",
    "This series is about the river, and it was supported by readers.",
    "This article is part of a series on housing.",
    "Trump was a guest of the Queen at the state banquet.", "He travelled as a guest of the team.",
    "Obama was hosted by Merkel in Berlin.", "The trip was organised by the school.",
    "His trip was paid for by a donor.",
]


def test_article_sentences_that_mention_furniture_have_no_cue():
    assert line_cues(MENTIONS) == [None] * len(MENTIONS)
    assert line_cues(FOREIGN_MENTIONS) == [None] * len(FOREIGN_MENTIONS)
    doc, found = _findings(boilerplate._BODY + "\n".join(MENTIONS) + "\n" + boilerplate._BODY)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)


# An FNC-1 body: a credit (no photo left) after every few paragraphs of the article.
CREDITED_PHOTOS = (
    "Syrian activists claim militants from the Islamic State of Iraq and Syria (ISIS) seized "
    "earlier this week a cache of weapons airdropped by U.S.-led coalition forces that were "
    "meant to supply Kurdish fighters battling the extremist group.\n\n"
    "The Britain-based Syrian Observatory for Human Rights said the militants seized at least"
    " once cache, but may have seized more, the Associated Press reported.\n\n"
    "The cache of weapons included hand grenades, ammunition and rocket-propelled grenade "
    "launchers, according to a video uploaded by a media group loyal to ISIS, the agency "
    "said.\n\n"
    "The video appeared authentic and corresponded to The Associated Press' reporting of the "
    "event.\n\n"
    " \n(Photo courtesy: YouTube screengrab)\n\n"
    " \n\n"
    "The Observatory, which bases its information on a network of activists on the ground, "
    "said the caches were airdropped early Monday to Kurds in the embattled Syrian town of "
    "Kobane that lies near the Turkish border.\n\n"
    "The militant group has been trying to seize the town for more than a month now, causing "
    "the exodus of some 200,000 people from the area into Turkey. While Kurds are battling on"
    " the ground, a U.S.-led coalition is also targeting the militants from the air.\n\n"
    " \n(Photo courtesy: YouTube screengrab)\n\n"
    " \n\n"
    "On Tuesday, ISIS loyalists on social media posted sarcastic thank you notes to the "
    "United States, including one image that said, “Team USA.”\n\n"
    "But the badly-aimed weapons drop was more an embarrassment than a great strategic loss. "
    "The ISIS militants already possess millions of dollars-worth of U.S. weaponry that they "
    "captured from fleeing Iraqi soldiers when the group seized swaths of Iraq in a sudden "
    "sweep in June.\n\n"
    "Also Tuesday, Syrian government airstrikes hit a rebel-held town along the country's "
    "southern border with Jordan, killing at least eight people on Tuesday.\n\n"
    " \n(Photo courtesy: YouTube screengrab)\n\n"
    " \n\n"
    "Activists with the Local Coordination Committees (LCC) and the Britain-based Observatory"
    " said the number of those killed was likely to rise as there are more victims under the "
    "rubble.\n\n"
    "The LCC said Syrian government planes dropped crude explosives-laden canisters on the "
    "town of Nasib on the Syria-Jordan border.\n\n"
    "The air strikes are part of battles between Syrian government forces and Islamist rebel "
    "groups for control of the area.\n\n"
    "Syrian government forces have been heavily bombing rebel areas in recent weeks, while "
    "the U.S-led coalition has been conducting air strikes against ISIS militants elsewhere "
    "in Syria."
)


def test_article_paragraphs_between_two_photo_credits_are_not_a_gap():
    doc, found = _findings(CREDITED_PHOTOS)
    assert _flagged_line_texts(doc, found) == {"(Photo courtesy: YouTube screengrab)"}


def test_each_cue_kind_is_one_row_and_no_trigger_holds_another():
    # the trigger search finds one trigger at a place: "sign up for our" would hide "sign up"
    # (and, with none in another, their order in the search, sorted, does not matter)
    from scanner.boilerplate.patterns import _TRIGGER_ROWS, PHRASE_CUES

    kinds = [kind for kind, _, _ in PHRASE_CUES]
    assert len(kinds) == len(set(kinds))
    assert len(_TRIGGER_ROWS) == sum(len(triggers) for _, triggers, _ in PHRASE_CUES)
    assert [(outer, inner) for outer in _TRIGGER_ROWS for inner in _TRIGGER_ROWS
            if inner != outer and inner in outer] == []


@pytest.mark.parametrize("text", [
    "Cookie Policy | Terms", "Cookie-Einstellungen: Wir VERWENDEN Cookies", "ÇEREZ POLİTİKASI",
    "ОДИССЕЙ ΟΔΥΣΣΕΥΣ", "Ὀδυσσεύς ΣΑΣ", "“Quoted” — dash…", "",
])
def test_phrase_lines_lowercased_in_utf8_as_str_lower(text):
    from scanner.document import lower_utf8

    assert lower_utf8(text) == text.lower().encode()


def test_phrase_lines_lowercased_in_utf8_over_every_character():
    # (str.lower maps each character alone but the capital sigma, to characters it keeps)
    from scanner.document import lower_utf8

    chars = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    for start in range(0, len(chars), 4096):
        text = "A b\n" + chars[start:start + 4096] + " Z"
        assert lower_utf8(text) == text.lower().encode()


TIMELINE = ("Timeline of the dispute\n\nThe council first proposed the lanes in 2023, after a cyclist "
            "was injured on Station Road.\n\nJanuary 2024\n\nA consultation opened and drew more than "
            "3,000 responses from residents and businesses.\n\nMay 2024\n\nThe transport committee "
            "backed the plan by six votes to three after a long debate.\n")


def test_a_timelines_month_subheadings_are_no_navigation_but_an_archive_list_is():
    doc, found = _findings(TIMELINE)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)
    assert line_cues(["March 2012"]) == [None] and line_cues(["March 2012 (5)"]) == ["navigation"]
    archive = "Archives\nMarch 2012\nFebruary 2012\nJanuary 2012\n"
    doc, found = _findings(archive + TIMELINE)
    assert {"March 2012", "February 2012", "January 2012"} <= _flagged_line_texts(doc, found, Severity.WARNING)
    assert not {"January 2024", "May 2024"} & _flagged_line_texts(doc, found, Severity.WARNING)


# a forum page (phpBB): the opening post carries the story the thread discusses
FORUM_STORY = ("Bridgend County Borough Council has approved the first phase of the Porthcawl "
               "regeneration plan, which will see a new promenade and 120 homes built.\n"
               "The council said the sea defences were needed to protect the town centre from "
               "flooding for the next 100 years.\n")
FORUM_REPLIES = ("Top\nRe: Porthcawl seafront plan approved\n"
                 "by nottage_nick » Thu Jun 16, 2011 9:02 pm\n"
                 "Heard it all before. They've been talking about Salt Lake since I was at school.\n"
                 "Posts: 233\nJoined: Tue Jan 12, 2010 7:40 pm\nTop\n"
                 "Re: Porthcawl seafront plan approved\n"
                 "by sandy_bay_sue » Fri Jun 17, 2011 7:45 am\n"
                 "The sea wall is badly needed, the waves came right over in February.\n"
                 "Posts: 91\nTop\nDisplay posts from previous: All posts\nPost a reply\n"
                 "Who is online\nUsers browsing this forum: No registered users and 2 guests\n"
                 "Powered by phpBB © 2000, 2002, 2005, 2007 phpBB Group\n")
FORUM_PAGE = ("Board index ‹ Local News ‹ Bridgend & Porthcawl\nPorthcawl seafront plan approved\n"
              "Post a reply\n6 posts • Page 1 of 1\n"
              "by harbourwatcher » Thu Jun 16, 2011 8:14 pm\n" + FORUM_STORY
              + "harbourwatcher\nPosts: 1877\nJoined: Sat Mar 08, 2008 2:51 pm\n" + FORUM_REPLIES)


def test_a_forums_opening_post_is_the_article_and_the_replies_are_comments():
    doc, found = _findings(FORUM_PAGE)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert not {line for line in FORUM_STORY.split("\n") if line} & flagged
    assert "Porthcawl seafront plan approved" not in flagged  # the headline
    assert {line for line in FORUM_REPLIES.split("\n") if line} <= flagged
    assert "by harbourwatcher » Thu Jun 16, 2011 8:14 pm" in flagged


# an SMF 2.0 topic: the poster's block ("Posts: 2,208") stands above the post's own header
# ("« on: ... »"), and the guide in the opening post runs on past the six lines under the
# header that a last comment's body may take ("Toe-in", the sixth, is a subhead of the guide)
SMF_GUIDE = ("Most squeaky brakes on an old road bike are not worn out at all, they are just set up "
             "badly, and half an hour with a few hand tools will cure them.\n"
             "What you need\n"
             "A 5 mm hex key, a bit of fine sandpaper, some isopropyl alcohol and a clean rag. A "
             "cable puller helps but is not essential.\n"
             "Clean the rims with the alcohol until the rag comes away clean. Oil on the braking "
             "surface is the most common cause of the squeal.\n"
             "Check the pads for bits of grit and aluminium, and pick them out with a small "
             "screwdriver before you go any further.\n"
             "Toe-in\n"
             "Loosen the pad bolt and set the front of the pad about a millimetre closer to the rim "
             "than the back. A folded business card under the back of the pad gets it right.\n"
             "Tighten the bolt while you squeeze the lever, so the pad stays flush with the rim "
             "and does not twist as the bolt bites.\n"
             "If the squeal is still there after a short ride, lightly sand the pad faces to take "
             "off the glazed layer, then clean the rims again.\n")
SMF_REPLIES = ("Logged\nspokes_and_oil\nFull Member\nPosts: 340\nRe: Curing squeaky caliper brakes\n"
               "« Reply #1 on: June 10, 2012, 08:30:12 PM »\n"
               "The business card trick worked a treat on my Raleigh, thanks for posting this.\n"
               "Logged\ntandem_tim\nNewbie\nPosts: 9\nRe: Curing squeaky caliper brakes\n"
               "« Reply #2 on: June 11, 2012, 07:02:51 AM »\n"
               "Quote from: spokes_and_oil on June 10, 2012, 08:30:12 PM\n"
               "Mine still squeals after the sanding, should I just buy new pads?\nLogged\n")
SMF_PAGE = ("Vintage Cycles Forum > Workshop\nCuring squeaky caliper brakes\n"
            "Author Topic: Curing squeaky caliper brakes (Read 3,912 times)\nold_gears\n"
            "Global Moderator\nPosts: 2,208\nCuring squeaky caliper brakes\n"
            "« on: June 09, 2012, 06:15:40 PM »\n" + SMF_GUIDE + SMF_REPLIES)


def test_an_smf_opening_post_under_its_posters_block_is_the_article():
    doc, found = _findings(SMF_PAGE)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert not {line for line in SMF_GUIDE.split("\n") if line} & flagged
    assert {"Posts: 2,208", "« on: June 09, 2012, 06:15:40 PM »"} <= flagged
    assert {line for line in SMF_REPLIES.split("\n") if line} <= flagged


def test_a_blog_thread_with_two_line_headers_under_a_short_post_is_no_opening_post():
    # a photo post's caption, then comments whose name and date stand on lines of their own
    thread = ("Maria Lopez says:\nMarch 3, 2012 at 4:15 pm\nWhat a view! We walked up there last "
              "summer and it was just as clear.\nDid you take the path from the car park or the "
              "one from the village?\nReply\nTom R. says:\nMarch 3, 2012 at 6:40 pm\n"
              "Stunning shot, the light on the ridge is perfect.\nReply\n")
    doc, found = _findings("Sunset over Hay Bluff\nTaken from the top of the Gospel Pass last night.\n"
                           + thread)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert {line for line in thread.split("\n") if line} <= flagged


def test_a_one_line_comment_in_a_sidebar_is_no_opening_post():
    # "Latest Comments" above the article: a comment of one line is a comment, not a story
    sidebar = ("Latest Comments\nGeorge Oates\n3 weeks ago\nHi Andy, yes, it's still a "
               "nightmare to archive your own stuff, thanks for this.\nNelly\n1 month ago\n"
               "Thanks for this informative insight.\n")
    doc, found = _findings(sidebar + ARTICLE)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert "Thanks for this informative insight." in flagged
    assert any(line.startswith("Hi Andy") for line in flagged)


@pytest.mark.parametrize(("line", "kind"), [
    ("Senior Member", "comments"), ("Join Date: Jun 2005", "comments"), ("Posts: 2,341", "comments"),
    ("Quote:", "comments"), ("Originally Posted by geordie_jim", "comments"),
    ("You may not post new threads", "comments"), ("BB code is On", "comments"),
    ("Powered by vBulletin® Version 3.7.3", "comments"),
    ("Joined: Sat Mar 08, 2008 2:51 pm", "comments"),
    ("Users browsing this forum: No registered users and 2 guests", "comments"),
    ("6 posts • Page 1 of 1", "comments"), ("Logged", "comments"), ("Report to moderator", "comments"),
    ("Author Topic: Brake squeal on a Raleigh (Read 3,912 times)", "comments"),
    # the same words in articles and reviews
    ("Quote", None), ("Reputation: 5%", None), ("Members of the council posted their votes online.", None),
    ("Banned", None), ("Joined: Chelsea, 2015", None), ("Posts: 12 goals in 30 games", None),
    ("Re: Proposed zoning change on Elm Street", None),  # a memo's subject line
    ("Banned substances were found in his sample, the agency said.", None),
    ("Logged in as admin", None), ("Logged 4,000 hours in the air", None),
    ("Topic: the budget (read the full report)", None),
])
def test_forum_furniture_has_a_comment_cue(line, kind):
    assert line_cues([line]) == [kind]


def test_a_letters_page_is_no_comment_section():
    # readers' letters open like comments ("Thank you for the article", "Good article") but
    # are signed, "John Smith, Bath": the page's content
    letters = ("Letters to the editor\n"
               "Thank you for the article on the new bypass. I have lived on the A36 for 30 "
               "years and the traffic has never been worse.\nJohn Smith, Bath\n"
               "Good article on the library closures. I would add that our branch is the only "
               "warm space many pensioners have.\nMary Jones, Frome\n"
               "I agree with the council that the roads need repair, but why should drivers in "
               "our village pay?\nPeter Brown, Trowbridge\n")
    doc, found = _findings(ARTICLE + letters)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert not any(line.startswith(("Thank you", "Good article", "I agree")) for line in flagged)


@pytest.mark.parametrize(("tail", "flagged"), [
    ("Good article. Let us see if the price will really come down.\n"
     "Thanks for the update. When will the refinery follow?\n", True),  # two reactions, nothing else
    ("Good article. Let us see if the price will really come down.\n", False),  # one alone
    ("Good article, one reader wrote.\nThanks for the update, said another.\n", False),  # quoted
    # a comment not in a reader's voice among them, or last, vetoes nothing (QA pass 36)
    ("Good article. Let us see if the price will really come down.\n"
     "The refinery in Port Harcourt has been shut since 2019.\n"
     "Thanks for the update. When will the refinery follow?\n", True),
    ("Good article. Let us see if the price will really come down.\n"
     "Thanks for the update. When will the refinery follow?\n"
     "Yes please, that would be brilliant.\n", True),
])
def test_reader_reactions_ending_running_prose_are_comments(tail, flagged):
    # plain running prose (the model does not run): reactions that end the text, with nothing
    # but readers' lines after the first, are the comments an extractor appended (QA pass 10)
    page = analyse(doc_of(ARTICLE + tail))
    assert page.probabilities is None
    assert ("comments" in page.kinds) == flagged


def test_a_vbulletin_thread_without_dated_headers_keeps_the_story_and_flags_the_replies():
    # the posts are marked by their profile fields and quote labels only (QA pass 10)
    story = ("The city council on Tuesday approved plans for 12 kilometres of protected cycle "
             "lanes in the city centre, despite objections from some shop owners.\n"
             "The scheme, which will cost R48 million, will link the railway station with the "
             "university and the main hospital.\n")
    replies = ("About time. I ride Main Road every day and it is terrifying.\n\n"
               "Join Date: Feb 2011\nPosts: 587\n\n"
               "The traders have a point about parking though. Nobody consulted them.\n")
    page = ("Cape Town cycle lanes approved - thoughts?\n\nOriginally Posted by capecyclist\n"
            + story + "\nJoin Date: Jun 2005\nPosts: 2,341\n\nQuote:\n"
            "Originally Posted by capecyclist\n" + replies
            + "\nYou may not post new threads\nBB code is On\n")
    doc, found = _findings(page)
    flagged = _flagged_line_texts(doc, found, Severity.WARNING)
    assert not {line for line in story.split("\n") if line} & flagged
    assert {line for line in replies.split("\n") if line} <= flagged


ARTICLE_STAMPS = [
    "Posted: Tuesday, April 16, 2013 6:45 pm | Updated: 7:12 pm, Tue Apr 16, 2013.",
    "Last updated: 29 January 2015",
    "Last Updated: June 2022",
    "Updated: April 26, 2017 21:14 IST",
    "Last Updated ( Sunday, 20 June 2010 19:05 )",
    "Updated Dec. 23, 2024, 1:24 PM EST",
    "Last updated on September 16th, 2023 at 09:27 am",
    "Published: 03/03/2012 16:15",
    "Published 2024-03-03T10:00",
    "Updated 3 hours ago",
    "Mis à jour le 3 mars 2024 à 14h05",
    "Publicado el 12 de marzo de 2024",
    "August 16, 2019 - Updated July 9, 2025",  # a bare date, then the stamp that says what it is
    "12.03.2025, 17.42 Uhr | Aktualisiert am 13.03.2025",
    # a date with its time of day and nothing else (QA pass 22)
    "12.03.2025, 17.42 Uhr", "11 feb 2025 - 14:22 CET", "5 de marzo de 2025, 10:15",
    "March 3, 2012 at 4:15 pm",
    # ... and its section after it (Newsquest; QA pass 42)
    "4:25pm Thursday 3 February 2011 in News", "10:02am Monday 14th May 2012 in Local News",
]


@pytest.mark.parametrize("stamp", ARTICLE_STAMPS)
def test_an_articles_time_stamp_is_an_info(stamp):
    # QA pass 16: stamps of older pages (a weekday first, a second stamp after "|", a day
    # first, a time zone) got no finding
    doc, found = _findings("City council approves budget\n" + stamp + "\n" + ARTICLE)
    stamps = [f for f in found if f.rule == "BPL015"]
    assert _flagged_line_texts(doc, stamps) == {stamp}
    assert all(f.severity is Severity.INFO for f in stamps)


@pytest.mark.parametrize("line", [
    "The report was updated on March 3, 2014.",
    "Updated figures were published on Monday, March 3, 2014.",
    "Published in 2015, the report found rising costs.",
    "Updated: the council now says the vote is on March 3, 2014.",
    "Posted on American Statistical Association's community forum on 2025-07-09:",
    "February 3, 2023",
    "August 16, 2019 - The council updated its plan",
    "The vote is on March 3, 2012 at 4:15 pm.",
])
def test_a_sentence_or_a_bare_date_is_no_time_stamp(line):
    doc, found = _findings("City council approves budget\n" + line + "\n" + ARTICLE)
    assert not [f for f in found if f.rule == "BPL015"]


@pytest.mark.parametrize("byline", [
    "By Jane Smith", "By Dale Whitcomb, Herald Staff Writer", "BY EDDIE SCARRY | 01/12/15 12:35 PM",
    "By Jane Smith and Tom Brown | Herald Staff", "Written by Linda McCall",
    "by Kimber Streams, Dave Gershgorn, and Haley Perry", "Von Katharina Brenner und Jonas Weidlich",
    "Par Claire Dumont et Mathieu Lefèvre", "di Giulia Ferraresi", "Por Mariana Souza",
    "Autorin: Miriam Hoffmann, Redakteurin Haushalt",
    # and its reading time
    "5 min read", "Reading time: 8 minutes", "Jun 08, 2023 • 11 Minute Read", "Lesezeit: 4 Min.",
    "Temps de lecture : 3 min.",
    # a blog's user name with the date (WordPress.com; QA pass 42)
    "by shedender on February 3, 2011", "by kmarsh on Monday, March 3, 2012 at 4:15 pm",
])
def test_an_articles_byline_is_an_info(byline):
    doc, found = _findings("City council approves budget\n" + byline + "\n" + ARTICLE)
    bylines = [f for f in found if f.rule == "BPL016"]
    assert _flagged_line_texts(doc, bylines) == {byline}
    assert all(f.severity is Severity.INFO for f in bylines)


def test_a_travel_writers_disclosure_is_an_info():
    line = "Fiona Marsh travelled to Porto as a guest of Quinta de Santa Luzia."
    doc, found = _findings("Douro by train: a slow journey\n" + ARTICLE + "\n" + line)
    disclosures = [f for f in found if f.rule == "BPL017"]
    assert _flagged_line_texts(doc, disclosures) == {line}
    assert all(f.severity is Severity.INFO for f in disclosures)
    assert not _flagged_line_texts(doc, found, Severity.WARNING)


@pytest.mark.parametrize("line", [
    "By the Numbers", "By The Numbers", "By Design", "By Industry", "By Air and Sea",
    "By Monday, the council had voted", "By 2030, emissions must fall by half.",
    "By Jane Smith's own account, the council had no choice but to vote for the budget.",
    "Por fin, Madrid", "It took the council 5 min to read the report.",
    "by the river on March 3, 2012, the council voted", "by train on March 3, 2012.",
])
def test_a_heading_or_a_sentence_is_no_byline(line):
    doc, found = _findings("City council approves budget\n" + line + "\n" + ARTICLE)
    assert not [f for f in found if f.rule == "BPL016"]


def test_the_text_between_two_time_stamps_is_the_articles():
    # two flagged lines enclose it, but a stamp dates an update or a live blog's entry: what
    # follows it is the article's (the line model alone gives the middle paragraph 0.5 or more)
    middle = ("The vote followed weeks of debate over a proposed tax on short-term rentals, which "
              "the council dropped in March.")
    text = ("City council approves new budget\n\n"
            "The city council voted 5-2 on Tuesday to approve a budget of $48 million for the "
            "coming fiscal year, after three hours of public comment.\n\n"
            "Council member Jane Ortiz said the plan keeps library hours and adds two police "
            "officers, while the mayor warned that reserves would fall below the recommended level.\n\n"
            "Last updated: 29 January 2015\n\n" + middle + "\n\nUpdated: April 26, 2017 21:14 IST\n\n"
            "Residents who spoke at the meeting were divided, with several urging the council to "
            "restore funding for the youth sports program.\n")
    doc, found = _findings(text)
    assert _flagged_line_texts(doc, [f for f in found if f.rule == "BPL015"]) == {
        "Last updated: 29 January 2015", "Updated: April 26, 2017 21:14 IST"}
    assert middle not in _flagged_line_texts(doc, found)


def test_a_long_row_of_bars_and_dots_splits_into_links_one_way():
    # QA pass 21: "Reply · Like · 3y · " five times took minutes (each link could end before or
    # after its spaces); the row has no legal link, and one with a legal link is still a row
    assert _shape_kind("Reply · Like · 3y · " * 12 + "x.") is None
    assert _shape_kind("Reply · Like · 3y · " * 12 + "Privacy Policy") == "legal"
    assert _shape_kind("Terms of Use  |  Privacy Policy  |  Contact") == "legal"


SPANISH_GUIDE = """\
Inicio / Jardín / Terrazas
Cómo montar un huerto urbano en la terraza
Por Marta Gil
Orientación y horas de sol
Antes de comprar semillas conviene observar cuántas horas de sol directo recibe la terraza en verano y en invierno, porque de eso depende casi todo lo demás.
Macetas con buen drenaje
Las jardineras deben tener agujeros en la base y una capa de grava o arcilla expandida, para que el agua sobrante no pudra las raíces tras una tormenta.
Riego por goteo
Un pequeño programador de riego permite ausentarse varios días en agosto sin que las tomateras sufran, y gasta mucha menos agua que la manguera.
Qué plantar primero
Las lechugas, los rábanos y las aromáticas son las especies más agradecidas para empezar, porque crecen deprisa y perdonan los descuidos de riego.
Plagas sin química
El pulgón se controla bien con jabón potásico diluido en agua, y las caléndulas plantadas entre las hortalizas atraen a los insectos que se lo comen.
Te puede interesar
Las plantas aromáticas que mejor resisten el calor
Compartir en WhatsApp
© Ediciones Verdes S.L. Todos los derechos reservados.
"""


def test_outside_english_no_paragraph_fills_a_gap():
    # trained on English pages, the model doubts a Spanish guide's subheads and its paragraphs
    # alike; the paragraphs between flagged subheads were flagged as gaps (QA pass 20)
    doc, found = _findings(SPANISH_GUIDE)
    assert doc.language == "es" and analyse(doc).probabilities is not None
    flagged = _flagged_line_texts(doc, found)
    paragraphs = SPANISH_GUIDE.splitlines()[4:13:2]
    assert not set(paragraphs) & flagged
    assert {"Inicio / Jardín / Terrazas", "Te puede interesar", "Compartir en WhatsApp",
            "© Ediciones Verdes S.L. Todos los derechos reservados."} <= flagged


_QUOTED_POSTS = """Bakery's wonky croissant post goes viral after customers rush to defend it
A small bakery in Leeds has sold out three days running after a customer's complaint about a wonky croissant turned into a nationwide debate.
The row began when a customer posted a photo of a lopsided croissant bought at the shop, with a one-star review.
@leedsfoodie99: Paid £3.20 for this. Is this a croissant or a crime scene? #LeedsEats
The bakery replied within an hour, and its answer has now been shared more than 40,000 times.
Hundreds of people replied with pictures of their own imperfect bakes, and the hashtag was trending by Sunday.
@HomeBakerSue: Wonky croissants taste better. Everyone knows this. #WonkyIsFine
@BakeOffFan: Queue round the block at @CrumbAndCoLeeds this morning 😂 #WonkyIsFine
Owner Rachel Ibbotson said she had baked twice the usual number of croissants on Monday and still ran out by 10am.
The original complainant has since deleted the review and apologised, and says she will be back for more."""


def test_social_posts_an_article_quotes_open_no_comment_section():
    """QA pass 31: two quoted tweets ("@handle: ... #hashtag") took the article's last lines
    for a comment section (BPL002 warning)."""
    doc, found = _findings(_QUOTED_POSTS)
    assert not [f for f in found if f.rule in ("BPL002", "BPL013")]
    assert "comments" not in analyse(doc).kinds


@pytest.mark.parametrize("line, teaser", [
    ("Russia has become a pariah state. What's next?", True),
    ("Why the yen is falling. Read more", True),
    ('"We will rebuild." The mayor on the flood', True),
    ("Where we stayed", False),
    ("11:58 p.m.", False),
    ("Goals: Mensah 53, 78.", False),
    ("400ml whole milk", False),
    ("U.S. sanctions explained", False),
])
def test_a_line_of_two_sentences_between_paragraphs_is_a_teaser_not_the_articles(line, teaser):
    # a subhead, a time stamp or a list's item between an article's paragraphs is the
    # article's; the teaser of another story there is not (seed 003's "What's next?")
    assert boilerplate._two_sentences(line) is teaser


_COUNCIL_REPORT = (
    "Council approves new parking charges for town centre\n"
    "Drivers will pay up to £2.50 an hour to park in the town centre from April after councillors "
    "approved the new charges on Tuesday night.\n"
    "The council said the charges would raise about £400,000 a year, which would be spent on "
    "repairing roads and footpaths across the district.\n"
    "Councillor Janet Hughes, who leads on transport, told the meeting that the authority had no "
    "choice after its budget was cut by a fifth over three years.\n"
    "Traders in the High Street said they feared fewer shoppers would visit, and a petition "
    "against the plans was signed by more than 2,000 people.\n"
    "The charges will be reviewed after twelve months, a council spokesman said.\n")
# a thread under it whose first comment holds no cue: the comment-line model finds it by its register
_REGISTER_THREAD = (
    "Great, another tax dressed up as road repairs. Nobody believes that.\n"
    "Totally agree. Just be honest and call it a tax!\n"
    "Ridiculous. The high street is dying and they do THIS? Unbelievable.\n"
    "Exactly. See you all at the retail park then, free parking there lol\n")


def test_the_register_model_extends_a_cued_thread_up_to_its_first_comment():
    assert _warned_lines(_COUNCIL_REPORT + _REGISTER_THREAD) == _lines(_REGISTER_THREAD)


@pytest.mark.parametrize("kind_at", [None, -1, -3, -4])
def test_a_register_thread_is_looked_for_only_under_the_last_lines_with_a_kind(kind_at, monkeypatch):
    """_register_thread scores no line of a text one of whose last three lines has a kind
    (_no_tail_under): the thread its searches find would start under that line with fewer than
    three lines left. Without a kind there, the thread is found (a kind above its last three
    lines shortens it)."""
    from scanner.boilerplate.comment_lines import line_scores
    from scanner.boilerplate.readers import comment_sized_start

    texts = (_COUNCIL_REPORT + _REGISTER_THREAD).splitlines()
    kinds: list[str | None] = [None] * len(texts)
    if kind_at is not None:
        kinds[kind_at] = "share"
    prose = list(map(features.is_prose, texts))

    def thread(gated: bool) -> tuple[range, int]:
        if not gated:
            monkeypatch.setattr(analysis, "_no_tail_under", lambda kinds, listing: False)
        scores = line_scores(texts)
        found = analysis._register_thread(scores, prose, set(), kinds, analysis._Letters(texts),
                                          comment_sized_start(texts), None)
        monkeypatch.undo()
        return found, len(scores._known)

    (found, scored), (ungated, _) = thread(True), thread(False)
    assert found == ungated
    assert (scored == 0) is (kind_at in (-1, -3))
    assert bool(found) is (kind_at in (None, -4))


@pytest.mark.parametrize("text", [
    _COUNCIL_REPORT,  # a news report's closing paragraphs
    ("Why I finally gave up my car\n"  # a first-person column
     "I have driven to work every day for twenty years, and last month I sold my car.\n"
     "It was not a grand decision. The parking charges went up again, and I worked out that I "
     "was paying more to leave the car in town than I spent on lunch.\n"
     "So I bought a second-hand bike. The first week was miserable; my legs ached and it rained "
     "every morning.\n"
     "But I'm fitter than I've been in years, and honestly I don't miss the traffic at all.\n"
     "You might think I'm mad. Maybe I am. Try it for a month, though, and see.\n"
     "I'll never go back. Not for a minute.\n"),
    ("Interview: the baker who feeds a village\n"  # an interview
     "Maria Costa opened her bakery in 2009 with one oven and a loan from her brother.\n"
     "What made you start?\n"
     "I couldn't find decent bread anywhere near here. So I made my own, and the neighbours "
     "wanted some too.\n"
     "Was it hard at first?\n"
     "Terrible! I worked eighteen hours a day and I burnt half of everything.\n"
     "And now?\n"
     "Now I sleep. Sometimes. You never really stop in this job, do you?\n"),
])
def test_closing_paragraphs_columns_and_interviews_are_no_register_thread(text):
    assert not _reader_tail(text)


# comments under the report whose register is weaker than a thread's alone (a memory, a
# complaint, a correction; mean probability about 0.7): the report above reads plainly as one
_CONTRASTED_THREAD = (
    "Every year the same story. They raise the charges and the potholes stay where they are.\n"
    "I used to shop in town every Saturday. Not any more, it costs more to park than to eat.\n"
    "The retail park has 600 free spaces. Work it out.\n"
    "My mum is 82 and can't walk from the long stay car park. What is she supposed to do?\n"
    "Twelve months review means nothing. Remember the bus station?\n"
    "Dave, the bus station was the county, not the district council.\n"
    "Same thing to me. We pay for both of them.\n")


def test_a_thread_in_a_weaker_register_under_a_report_is_found_by_the_contrast():
    assert _reader_tail(_COUNCIL_REPORT + _CONTRASTED_THREAD) == _lines(_CONTRASTED_THREAD)


# comments with one "I" among them, no "you" or question: the readers' voice hardly shows in the
# last lines
_QUIET_THREAD = (
    "Typical council. Tax the shoppers and wonder why the shops close.\n"
    "Same thing happened in Ashford in 2009, half the high street was empty within two years.\n"
    "The retail park has 600 free spaces. Work it out.\n"
    "Nobody from the council will be paying to park, I can promise that.\n"
    "Twelve months review means nothing. Remember the bus station.\n"
    "Another nail in the coffin for the market square.\n")
_COPYRIGHT = "Copyright 2011 Westshire Courier. All rights reserved.\n"


def test_a_thread_under_a_reports_copyright_line_needs_little_readers_voice_at_its_end():
    assert _reader_tail(_COUNCIL_REPORT + _COPYRIGHT + _QUIET_THREAD) == _lines(_QUIET_THREAD)
    assert not _reader_tail(_COUNCIL_REPORT + _QUIET_THREAD)  # (without the furniture, no look)


def test_a_reports_notes_under_its_copyright_line_are_no_thread():
    notes = ("Correction: an earlier version of this story gave the hourly charge as £2.\n"
             "The Courier's coverage of the council is supported by the Local Democracy Reporting Service.\n"
             "Westshire District Council meets next on March 14, when it will set its budget for the year.\n"
             "The council's full report is available at the district offices in Market Street.\n")
    assert not _reader_tail(_COUNCIL_REPORT + _COPYRIGHT + notes)


@pytest.mark.parametrize("voiced, below_furniture, passes", [
    (4, False, True), (3, False, False), (1, True, True), (0, True, False)])
def test_the_contrasts_gate_counts_the_lines_in_a_readers_voice(voiced, below_furniture, passes):
    from scanner.boilerplate.comment_lines import _voiced_end

    plain = "The council will review the charges next year"
    # the voiced lines last, the very last line among them
    end = [plain] * (8 - voiced) + ["I can't believe they voted for it."] * voiced
    assert _voiced_end(end, below_furniture) is passes


@pytest.mark.parametrize("short, reporting, passes", [(5, 1, True), (4, 0, False), (5, 2, False)])
def test_the_contrasts_gate_takes_a_run_of_short_lines_that_report_nobody(short, reporting, passes):
    from scanner.boilerplate.comment_lines import _short_unreported_end

    long = ("The council will review the charges next year after a consultation with traders, "
            "residents and the bus companies that serve the town centre")
    said = "The charges will be reviewed after twelve months, a council spokesman said."
    end = [long] * (8 - short) + [said] * reporting + ["Another nail in the coffin."] * (short - reporting)
    assert _short_unreported_end(end) is passes
    assert _short_unreported_end(end[::-1]) is passes  # (the longer lines read first)
    assert not _short_unreported_end(end[8 - short:][:4])  # too few lines to hold enough


# a report whose residents speak in their own voice, and a thread under it in plain statements
# (no "I", "you" or question: nothing of a reader's voice shows)
_QUOTED_REPORT = (
    "Levee bid knocked back for second time\n"
    "The town's fight for a flood levee has hit another wall, with the state government rejecting "
    "the council's second application for funding.\n"
    "The council had asked for $6.1 million towards a 2.4km earth levee along the eastern side of "
    "the town, which was flooded twice in 2010.\n"
    "Mayor Des Gleeson said he was bitterly disappointed and that the council would keep pushing "
    "for the money in the next funding round.\n"
    "\"I don't know what more we have to do to be at the top of the list,\" resident Julie Pershouse "
    "told the meeting on Tuesday night.\n"
    "A spokeswoman for the department said another round of funding would open in March and that "
    "the council was encouraged to apply again.\n")
_PLAIN_THREAD = (
    "Same mob that's happy to spend millions on a stadium in the city.\n"
    "Disgraceful. Those people lost everything.\n"
    "The town is on a floodplain. Always has been. Relocation is cheaper in the long run.\n"
    "Election year. Watch the money appear in about six weeks.\n"
    "The levee goes across the stock route on the eastern side. Council better sort out the access.\n"
    "Insurance here went from $1,800 to $6,400 in two years. Pensioners cannot sell either.\n"
    "The other bridge has been promised for 20 years. Nothing will change.\n"
    "Good on ya Des. Keep at them.\n")


def test_a_thread_of_plain_statements_under_a_report_quoting_residents_is_found():
    assert _reader_tail(_QUOTED_REPORT + _PLAIN_THREAD) == _lines(_PLAIN_THREAD)


def test_a_reports_short_closing_facts_are_no_thread():
    facts = ("The vote was carried by 13 votes to four.\n"
             "The new charges start on April 1.\n"
             "Parking will remain free on Sundays and bank holidays.\n"
             "Blue badge holders will not pay.\n"
             "The council will publish the income from the charges in a year.\n")
    assert not _reader_tail(_QUOTED_REPORT + facts)
    assert not _reader_tail(_COUNCIL_REPORT + facts)
    # eight of them: the short lines open the look (the gate passes), and the model reads them as
    # the report's
    from scanner.boilerplate.comment_lines import _short_unreported_end

    facts += ("Season tickets will cost £450 a year.\n"
              "The long-stay car park in Mill Lane is not affected.\n"
              "Motorcycles will continue to park free.\n")
    assert _short_unreported_end(facts.splitlines())
    assert not _reader_tail(_QUOTED_REPORT + facts)
    assert not _reader_tail(_COUNCIL_REPORT + facts)


def test_a_comment_in_words_like_a_posts_closing_ends_the_thread_not_the_post():
    # a councillor's thanks at the thread's end reads as a post's closing to its readers; with no
    # comments under it, it is one of them
    thanks = "Thank you to everyone who came out on Tuesday. I voted against it and I will keep asking why.\n"
    assert _reader_tail(_COUNCIL_REPORT + _CONTRASTED_THREAD + thanks) == _lines(_CONTRASTED_THREAD + thanks)


@pytest.mark.parametrize("closing, lines_under, closes", [
    ("What is your favourite walk? Share it in the comments.", 2, True),  # a question to the readers
    ("Thank you to everyone who came out on Tuesday.", 2, False),  # a comment's thanks ends a thread
    ("Thank you to everyone who came out on Tuesday.", 3, True),
])
def test_closing_words_close_the_post_when_they_ask_or_have_a_thread_under_them(closing, lines_under, closes):
    from scanner.boilerplate.analysis import _closes_post_above

    texts = [closing] + ["Same thing happened in Ashford in 2009."] * lines_under
    assert _closes_post_above(texts, 0, len(texts)) is closes


def test_a_posts_closing_words_above_the_thread_stay_the_posts():
    closing = "Is the council right? Let us know.\n"
    doc, found = _findings(_COUNCIL_REPORT + closing + _CONTRASTED_THREAD)
    assert _flagged_line_texts(doc, found) == _lines(_CONTRASTED_THREAD)


@pytest.mark.parametrize("ending", [
    # an FAQ under the report, its answers in the second person as a reader's are
    "Can I still park free after 6pm?\nYes, you can park free after 6pm and on Sundays.\n"
    "Will I pay if I have a blue badge?\nNo, you will not pay.\n"
    "Can I pay by phone?\nYes, you can pay by phone or at the machine.\n"
    "Where can I find the new prices?\nYou will find them on every machine from April.\n",
    # the report's quotes in the speakers' own voice, and its source
    "\"I'm not paying £2.50 to buy a loaf of bread,\" said shopper Ann Lewis.\n"
    "\"We'll lose customers, I'm sure of it,\" said butcher Tom Price.\n"
    "'You can't run a town on goodwill,' Ms Hughes told them.\n"
    "'I won't be coming back,' Mrs Lewis added. 'Why would I?'\n"
    "Read the council's report: https://www.example-council.gov.uk/parking-review\n",
])
def test_a_reports_faq_or_quotes_are_no_contrasted_thread(ending):
    assert not _reader_tail(_COUNCIL_REPORT + ending)


def test_comment_line_arrays_match_the_estimator():
    from skops import io as sio

    from scanner.boilerplate.comment_lines import ARRAYS_FILE, load_comment_model
    from scanner.resources import data_path
    from scripts.train_comment_lines import design

    bundle = sio.load(data_path("models", *ARRAYS_FILE).with_suffix(".skops"),
                      trusted=["sklearn.linear_model._logistic.LogisticRegression",
                               "sklearn.preprocessing._data.StandardScaler"])
    lines = [line for line in (_COUNCIL_REPORT + _REGISTER_THREAD).split("\n") if line]
    rows = [("", line, 0, 1.0) for line in lines]
    expected = bundle["estimator"].decision_function(design(rows, bundle["vocabulary"], bundle["scaler"]))
    assert np.allclose(load_comment_model().log_odds(lines), expected)


@pytest.mark.parametrize("line, headline", [
    ("HTC One gets Android 4.2.2 in Europe May 28, 2013", "HTC One gets Android 4.2.2 in Europe"),
    ("Governor orders cuts (April 22, 2009)", "Governor orders cuts"),
    ("Names New Chief Financial Officer Jan 06, 2015, 09:00 ET", "Names New Chief Financial Officer"),
    ("Grube verteidigt Tiefbahnhof (28.01.2013)", "Grube verteidigt Tiefbahnhof"),
    ("The ten best hikes in the Lake District, ranked 2013", None),  # a year, but no date
    ("Sales of the new model reached 20130", None),  # no year at the end
    ("Interview with the minister, 09:00 ET", None),  # a time without its date
])
def test_dated_headline_is_matched_only_where_a_line_ends_with_a_year(line, headline):
    """dated_headline tries DATED_HEADLINE_RE only on a line that ends with a year (maybe a time
    after it), as every line it matches does."""
    from scanner.boilerplate.patterns import dated_headline

    assert dated_headline(line) == headline


def test_content_words_keep_words_of_three_letters_or_more_but_function_words():
    words = ["the", "of", "x", "bridge", "été", "là", "ça", "é", "über", "its", "tax", "le"]
    assert content_words(words) == {"bridge", "été", "über", "tax"}
    assert content_words(["a", "of", "the"]) == set() and content_words([]) == set()


def test_repeated_texts_are_those_occurring_twice_or_more():
    assert _repeated(["Share", "News", "Share", "Sport", "Share"]) == {"Share"}
    assert not _repeated(["Share", "News", "Sport"]) and not _repeated([])


def test_the_lines_known_as_content_get_no_probability_and_change_no_other():
    model = load_model()
    texts = ["Home | News | Sport", "Share this article", "The council approved the budget on Monday.",
             "for line in lines: print(line)", "Copyright 2024 Example News"]
    plain = model.probabilities(texts, [None] * len(texts))
    known = model.probabilities(texts, [None] * len(texts), content={3})
    assert known[3] == 0.0 < plain[3]
    assert np.array_equal(np.delete(known, 3), np.delete(plain, 3))


def test_bin_codes_count_each_features_edges_at_or_below_its_value():
    # one comparison of all edge ranks at once: per feature, what a search of its sorted edges
    # (padded with +inf) finds, values on an edge, between, below all and above all included
    edges = np.array([[-1.0, 0.0, 2.0], [0.5, np.inf, np.inf], [-np.inf, 1.0, 1.0]])
    dense = np.array([[-2.0, 0.5, -5.0], [0.0, 0.4, 1.0], [2.0, 9.0, 0.9], [1.9, np.inf, -np.inf]])
    codes = bin_codes(dense, edges)
    expected = [[np.searchsorted(edges[f], row[f], side="right") for f in range(3)] for row in dense]
    assert codes.tolist() == expected == [[0, 1, 1], [2, 0, 3], [3, 1, 1], [2, 3, 1]]


def test_one_standardisation_for_stages_sharing_a_scaler_gives_each_stages_own_scores():
    shipped = load_model()
    rng = np.random.default_rng(5)
    dense = rng.normal(size=(9, len(DENSE_NAMES))) * 3
    lexical = rng.normal(size=(9, len(shipped.linear)))
    other = replace(shipped, linear=(*shipped.linear[:-1], replace(shipped.linear[-1], scale=shipped.linear[-1].scale * 2)))
    assert shipped._one_scaler and not other._one_scaler
    for model in (shipped, other):
        codes = bin_codes(dense, model.edges)
        own = [stage.scores(dense, lexical[:, k], codes) for k, stage in enumerate(model.linear)]
        assert all(np.array_equal(a, b) for a, b in zip(model.stage1_scores(dense, lexical), own))


@pytest.mark.parametrize("n", [1, 4, 9, 13])
def test_has_spaces_counts_past_the_opening_when_it_must(n):
    # the opening's count settles most lines; the whole count answers the others alike
    long_word = "x" * (8 * n)
    texts = ["", " " * n, " " * (n - 1), "a " * n, "a " * (n - 1) + "a", long_word + " a" * n,
             long_word + " a" * (n - 1), "a " * (n - 1) + long_word + " b", ("w" * 30 + " ") * n]
    for text in texts:
        assert has_spaces(text, n) is (text.count(" ") >= n), (n, text)


def test_is_prose_reads_the_end_as_the_terminal_regex_does():
    # the end is tested by str.rstrip, not by the trained regex's search of the last four
    # characters: the same answer on every short mix of marks, closers, line breaks and letters
    terminal_re = re.compile(f"[{re.escape(features._TERMINALS)}][{re.escape(features._CLOSERS)}]*$")
    words = "one two three four five six seven eight nine ten"
    rng = random.Random(51)
    alphabet = list(features._TERMINALS + features._CLOSERS + "\n\r a.")
    ends = ["", ".", "!)", "?\n", ".”\n", "?\n”»", ".\n\n", "…’]", "a'", "。", "))))"]
    ends += ["".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(20000)]
    for end in ends:
        text = words + end
        assert is_prose(text) is (terminal_re.search(text[-4:]) is not None), repr(end)
        assert features._ends_in_terminal(end) is (terminal_re.search(end[-4:]) is not None), repr(end)
    assert is_prose(words + ".") and not is_prose("Too short to be prose.")


def _batch() -> list:
    """The seeds and the boilerplate rules' examples, as documents of one batch."""
    texts = [(path.read_text(encoding="utf-8"), None) for path in SEEDS]
    texts += [(example.text, example.title) for rule in RULES for example in rule.examples]
    return [doc_of(text, title) for text, title in texts]


def test_a_batch_analysed_stage_by_stage_gives_each_document_its_own_findings():
    alone, batch = _batch(), _batch()
    RULES[0].prepare(batch)  # the first boilerplate rule to run analyses the batch
    kept = [doc.cache[analysis.CACHE_KEY] for doc in batch]
    for rule in RULES[1:]:
        rule.prepare(batch)
    assert all(doc.cache[analysis.CACHE_KEY] is page for doc, page in zip(batch, kept))
    later = _batch()
    analyse(later[-1])
    analysis.analyse_batch(later)  # taken as analysed: its last document is
    assert analysis.CACHE_KEY not in later[0].cache
    assert [f for rule in RULES for f in rule.check(later[0])] == [f for rule in RULES for f in rule.check(batch[0])]
    assert any(page.probabilities is not None for page in kept)  # the line model's stage ran too
    for doc, prepared in zip(alone, batch):
        assert [f for rule in RULES for f in rule.check(doc)] == [f for rule in RULES for f in rule.check(prepared)]


def test_a_document_whose_analysis_fails_in_a_batch_costs_the_others_nothing(monkeypatch):
    real = analysis.line_cues

    def line_cues(texts, short):  # fails in the analysis' second stage, after the first ran for all
        if "A zebra ran." in texts:
            raise RuntimeError("boom")
        return real(texts, short)

    monkeypatch.setattr(analysis, "line_cues", line_cues)
    texts = ["Menu\nHome\nNews\n" + _BODY, "Share this:\nA zebra ran.\n" + _BODY, "Leave a Reply\n" + _BODY]
    docs = [doc_of(text) for text in texts]
    analysis.analyse_batch(docs)
    assert [analysis.CACHE_KEY in doc.cache for doc in docs] == [True, False, True]
    with pytest.raises(RuntimeError, match="boom"):
        analyse(docs[1])  # its check meets the error
    records = [InputRecord(id=str(k), text=text) for k, text in enumerate(texts)]
    first, failed, last = Scanner().scan_batch(records)
    assert failed.error == "1: internal error in rule BPL001: RuntimeError: boom"
    for result, record in ((first, records[0]), (last, records[2])):
        assert result.error is None and result.findings
        assert result.findings == Scanner().scan_batch([record])[0].findings


def test_every_documents_analysis_has_the_same_stages():
    # analyse_batch runs a stage over the batch before the next: a document that skips a staged
    # search (the comments under an article too short for them, the line model) idles as long
    def stages(doc) -> int:
        running = analysis._analyse(doc)
        return sum(1 for _ in running)

    docs = _batch()
    assert {stages(doc) for doc in docs} == {stages(docs[0])}
    pages = [analyse(doc) for doc in docs]
    assert any(page.probabilities is None for page in pages) and any(page.probabilities is not None for page in pages)
    assert {analysis._article_above_end(page.prose) for page in pages} == {False, True}


@pytest.mark.parametrize("prose, count, after", [
    ([True, False, True, True, False], 3, 4),
    ([False, True, True, True], 3, 4),
    ([True, True, False], 3, 3),  # fewer: the text's end
    ([], 3, 0),
    ([False, True], 1, 2),
])
def test_after_prose_is_the_position_under_the_count_th_prose_line(prose, count, after):
    from itertools import accumulate

    assert analysis._after_prose(prose, count) == after
    assert after == next((k + 1 for k, seen in enumerate(accumulate(prose)) if seen >= count), len(prose))
