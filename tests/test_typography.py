"""Typography rules: the seeds' machine-translation debris, and silence on clean news."""
from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest

from scanner.checks import typography
from scanner.re2_prefilter import text_gate
from tests.conftest import doc_of
from tests.heldout import bbc_articles, seed_findings, warned_articles

RULES = [cls() for cls in typography.RULES]


def test_seed_debris_is_found_with_exact_spans():
    found = seed_findings(RULES)
    assert sorted(found["003"]) == [("TYP001", "forUkrainians"), ("TYP001", "onJan"),
                                    ("TYP002", "Tokyo,Japan")]
    assert sorted(found["001"]) == [("TYP003", ". ."), ("TYP006", "preemption. enemy")]
    assert sorted(found["002"]) == [("TYP004", "” ”")] + [("TYP005", "January 2023, 31")] * 3
    assert found["000"] == [("TYP002", "order.”According")]
    assert found["004"] == []


def test_suggestions_restore_the_text():
    doc = doc_of("Kishida met him onJan 31 in Tokyo,Japan on January 2023, 31.")
    suggestions = {f.rule: f.suggestion for rule in RULES for f in rule.check(doc)}
    assert suggestions == {"TYP001": "on Jan", "TYP002": "Tokyo, Japan",
                           "TYP005": "January 31, 2023"}


def test_stray_quote_far_from_its_twin_marks_only_the_second():
    text = "“The war matters,” he said, and it was ” wrong."
    (finding,) = typography.StrayQuote().check(doc_of(text))
    assert (finding.start, finding.end) == (text.rindex("”"), text.rindex("”") + 1)
    assert finding.data == {"first_quote": text.index("”")}


def test_entities_urls_and_abbreviations_are_not_debris():
    text = ("The caf&#233;; the bbc, .uk domain; Portland, Ore. and Seattle; see "
            "pic.twitter.com, hero. pic.twitter.com/abc; the U.S. economy.")
    assert [f for rule in RULES for f in rule.check(doc_of(text))] == []


def test_held_out_bbc_articles_get_almost_no_warning():
    articles = bbc_articles(held_out=True)
    warned = warned_articles(RULES, articles)
    assert len(warned) <= 0.01 * len(articles), warned


@pytest.mark.parametrize("rule", [r for r in RULES if isinstance(r, typography._PatternRule)],
                         ids=lambda rule: rule.id)
def test_pre_checks_say_no_only_where_the_rule_can_find_nothing(rule):
    texts = ["He met them onJan 31.", "Café Élan and naïveÉ", "éA", "aé A", "iPhone", "ab",
             "on January 2023, 31", "on 2023,\t5", "12023,x", "2023 , 5", "٢٠٢٣, 5", "",
             "It fell.\nthen rose", "in\nJanuary", "Wait,,what?", "He said,\n\"no\"", "Sat. and",
             *(example.text for example in rule.examples)]
    said_no = [text for text in texts if not rule.may_trigger(doc_of(text))]
    for text in said_no:  # the pattern in the trigger's windows, as check() runs them
        doc = doc_of(text)
        # (DoubledPunctuation's gate also leaves out the doublings its accept never keeps)
        kept = (lambda m: rule.accept(doc, m)) if rule.id == "TYP003" else bool  # noqa: B023
        assert not any(kept(m) for hit in rule.trigger.finditer(text)
                       for m in rule.pattern.finditer(text, max(0, hit.start() - 60), hit.end() + 60)
                       ), (rule.id, text)
    assert said_no  # and a pre-check that never says no is no pre-check


@pytest.mark.parametrize("rule, text, may", [
    (typography.MissingSpaceAfterPunctuation(), "He flew to the U.S. Then he left.", False),
    (typography.MissingSpaceAfterPunctuation(), "He flew to Kyiv.The visit was short.", True),
    (typography.BrokenSentenceSplit(), "It starts at 10 a.m. local time.", False),
    (typography.BrokenSentenceSplit(), "It ended. however the talks went on.", True),
], ids=lambda value: getattr(value, "id", None))
def test_pre_checks_gate_the_pattern_not_the_trigger(rule, text, may):
    assert any(True for _ in rule.trigger.finditer(text))  # the trigger alone lets all in
    assert rule.may_trigger(doc_of(text)) is may


def test_a_comma_glued_to_a_lowercase_word_is_found_but_not_in_lists_code_or_numbers():
    rule = typography.MissingSpaceAfterPunctuation()
    text = "Trees fell across the region,and the quake,which struck at dawn, cut power."
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc_of(text))] == [
        ("region,and", "region, and"), ("quake,which", "quake, which")]
    clean = ("Set colors=red,green,blue and a,b,c; call f(x,y) or see example.com/a,b?q=cat,dog; "
             "mail jane,doe@example.com; 1,000 troops; version 7.1,2; open report,final.pdf.")
    assert list(rule.check(doc_of(clean))) == []


@pytest.mark.parametrize("text, excerpt, suggestion", [
    ('She says,"so I always make it early."', 'says,"so', 'says, "so'),  # the quote opens
    ('"We will win this fight,"he said.', 'fight,"he', 'fight," he'),  # the quote closes
    ("The shop opens at 11am,and closes at 5pm,but not on Sundays.", "11am,and", "11am, and"),
])
def test_a_comma_glued_to_a_quote_or_a_time_is_found_with_the_space_on_the_right_side(
        text, excerpt, suggestion):
    rule = typography.MissingSpaceAfterPunctuation()
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc_of(text))][0] == (excerpt, suggestion)


@pytest.mark.parametrize("text, excerpt, suggestion", [
    ("Each region grows the wine ,not only the grapes.", "wine ,not", "wine, not"),
    ('It was "the best" ,and the cheapest.', 'best" ,and', 'best", and'),
])
def test_a_comma_set_off_from_its_word_and_glued_to_the_next_is_found(text, excerpt, suggestion):
    rule = typography.MissingSpaceAfterPunctuation()
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc_of(text))] == [(excerpt, suggestion)]
    assert list(rule.check(doc_of(text.replace(" ,", " , ")))) == []  # loose, but a writer's


def test_a_name_in_the_terms_of_a_texts_code_is_no_lost_space():
    prose = "Every handler takes a context.Context as its first argument, and json.Marshal encodes."
    rule = typography.MissingSpaceAfterPunctuation()
    assert [f.excerpt for f in rule.check(doc_of(prose))] == ["context.Context", "json.Marshal"]
    code = "\nfunc handle(ctx context.Context) error {\nreturn nil\n}\n"
    assert list(rule.check(doc_of(prose + code))) == []
    # a comma glued to a word still counts there
    assert [f.excerpt for f in rule.check(doc_of(prose + code + "Prices rose,Analysts said.\n"))] == [
        "rose,Analysts"]


def test_lowercase_joins_into_a_determiner_and_then_into_common_words_are_glued_words():
    rule = typography.GluedWords()
    text = "He edged one offthe bowling after 40 overs ofcricket; the campaign inwhich he ran ended."
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc_of(text))] == [
        ("offthe", "off the"), ("ofcricket", "of cricket"), ("inwhich", "in which")]
    # a common word's join is looked for only in a text with a determiner join
    assert list(rule.check(doc_of("After 40 overs ofcricket the match ended."))) == []
    words = ("Overbooking, onrushing crowds, overwatering and infolds; Orson met Atwood at the "
             "assize; see ofcom.org.uk, #inthe and tothe-point.")
    assert [f.excerpt for f in rule.check(doc_of(words))] == []
    assert [f.excerpt for f in rule.check(doc_of("It rained offthe coast. Nobody saw ofcricket."))] == [
        "offthe", "ofcricket"]


@pytest.mark.parametrize("text, found, clean", [
    # a spaced or unspaced doubled full stop, not an ellipsis
    ("Power failed, the utility said . . Crews came.\nIt was the worst in a decade.. The end.",
     [". .", ".."], "He went on . . . and on... and left.. \nRange 1..10 in ../docs, D.C.. Then it "
                   "trails off..\nWell.. maybe."),
    # a comma before a stop, unless a word or an ellipsis follows the stop
    ("The talks ended in Tokyo, . Kishida left, and so,, on.", [", .", ",,"],
     "Mail the bbc, .uk desk or the .NET team, .net too; it went on, ... and on, .. and on."),
    # a spaced doubled stop after a number, not after an ellipsis
    ("The plan was approved in 2023. . Crews began.", [". ."], "He paused... . Then he left."),
])
def test_doubled_punctuation_is_found_but_not_in_look_alikes(text, found, clean):
    rule = typography.DoubledPunctuation()
    assert [f.excerpt for f in rule.check(doc_of(text))] == found
    assert list(rule.check(doc_of(clean))) == []


@pytest.mark.parametrize("text, doubled", [
    ("Sales will grow at a predicted rate of 31% each year..\nExpect new platforms.", True),
    ("He dismissed the reports of propaganda..\n\n“Even then,” he said, “we knew.”", True),
    ("The harbour reopened after the worst storm in a decade..", True),
    ("Hold that thought..\nThe harbour reopened.", False),  # a short sentence
    ("The harbour reopened after the storm and this leads me to..\nThe end.", False),  # left open
    ("The harbour reopened after the worst storm in a decade..\nand the roads too.", False),
    ("I tried this recipe for the family last night..\nIt was great and everyone loved it..\n",
     False),  # a writer who ends lines with ".."
])
def test_two_stops_ending_a_lines_sentence_are_doubled_unless_the_text_trails_off(text, doubled):
    found = [f.excerpt for f in typography.DoubledPunctuation().check(doc_of(text))]
    assert found == ([".."] if doubled else [])


@pytest.mark.parametrize("text, found", [
    # weekdays (capitalised) and news abbreviations end no sentence; lowercase words do
    ("The desk opens Mon. through Fri. and Sat. from nine; Tues., Wed. and Thurs. too. She sat. "
     "and he lay in the sun. and slept.", ["sat. and", "sun. and"]),
    ("A payment, excl. fees, goes to 40 pct. of homes; bonds pay 4.5 per cent. over ten years "
     "and the site is 300 km. from here. It ended. and then", ["ended. and"]),
    # after a number of two digits or more following a word, not a list's or a reference's number
    ("The strikes were carried out in 2023. and more would follow; he died at 85. his wife lived. "
     "See No. 10, Vol. 3, p. 12, Fig. 2 and section 4.2. then at 3 p.m. and in the U.S. and at "
     "Acme Corp. and Apple Inc. said so.\n1. open the box 2. remove the cover\n"
     "Psychiatry. 2018;175:631–48. doi: 10.1176/appi.ajp and above 1. num- threads",
     ["2023. and", "85. his"]),
    # after a blank, when prose goes on; not code's member access nor an ellipsis
    ("The doctrine is meant for preemption . enemy attacks have risen.\nfor ch in text . chars () "
     "{ print }; console . log ( x ); he went on . . . and on", ["preemption . enemy"]),
])
def test_a_sentence_split_mid_line_is_found_but_not_after_abbreviations_or_lists(text, found):
    rule = typography.BrokenSentenceSplit()
    assert [f.excerpt for f in rule.check(doc_of(text))] == found


@pytest.mark.parametrize("text, found", [
    # a stop glued after a capitalised word, an acronym or a number, before a sentence's opener
    ("He arrived on Monday.The visit was secret. It grew 3%.However, prices rose; ask NATO.The "
     "alliance said so in 2023.The end.", ["Monday.The", "3%.However", "NATO.The", "2023.The"]),
    # not in names, domains, files, code, initials, versions, decimals or a list's numbers
    ("Buy on Amazon.com or use Node.js, ASP.NET, ASP.Net Core, Rocket.Chat, One.Tel, Earth.Org "
     "and index.html; v2.1 costs 3.5% in the U.K. and the U.S.The next day J.R.R.Tolkien and "
     "J.Crew met at 10 a.m.The end...The rest: Assert.That(x); using System.Text;\n"
     "1.The fish needs water.\nBut he stayed in Kyiv.The talks went on.", ["Kyiv.The"]),
    # a curly quote glued to a lowercase word or to the comma or stop before it
    ("“We will win this fight,”he said. The mayor said,“We will not give up,” and left. He "
     "said.“But they had gone.” A “quote”, she said, and “another.”", ["fight,”he", "said,“We",
                                                                      "said.“But"]),
    # a comma glued after a number, not thousands, lists of numbers, coordinates or code
    ("Prices rose in 2020,and in 2021; Gill Rosenberg, 31,said so. There were 2,000 people, "
     "1,234,567 votes, items 1,2,3, a point at 51.5,-0.12 and f(1,x) with x=1,y=2.",
     ["2020,and", "31,said"]),
    # a comma glued after an acronym, not after initials, "R&D", chemical formulas or in lists
    ("Enforcers will patrol EDSA,with most in Cubao; NATO,with its allies, the EU,and MMDA,and "
     "NGOs,and others met. He went to the U.S.,with friends; R&D,with partners, H2O,and CO2,and "
     "groups like NATO,EU and G7, and x=AB,cd.", ["EDSA,with", "NATO,with", "EU,and", "MMDA,and",
                                                 "NGOs,and"]),
])
def test_a_missing_space_after_a_stop_quote_or_number_is_found_but_not_in_names(text, found):
    rule = typography.MissingSpaceAfterPunctuation()
    assert [f.excerpt for f in rule.check(doc_of(text))] == found


@pytest.mark.parametrize("text, pair", [
    ("He said “no” and she said “yes”.\n“Again” he said.", False),
    ("He said “no and she said “yes”.", True),
    ("He said “no” and she said ” yes.", True),
    ("He said “no\n“yes”, she said.", False),  # a new paragraph reopens
])
def test_stray_quote_gate_lets_through_the_texts_with_two_like_quotes(text, pair):
    doc = doc_of(text)
    assert typography._may_match(doc, typography._SAME_QUOTES_RE) is pair
    assert bool(list(typography.StrayQuote().check(doc))) is pair


def test_the_glued_words_gate_lets_through_every_text_the_pattern_matches():
    befores = ["", " ", "\n", "(", "\"", "é", "\u00a0", "\ud800", "a", "1", "_", "@", "#", "/", ".", ":",
               "\\", "'", "’", "-", "ñ"]
    words = ["on", "the", "without", "x", "ofthe", "tho"]
    afters = ["Jan", "BBC", "A", "a", "É", "Ab1", "AB'", "Ab-c", "Ab@", ""]
    matched = 0
    for before, word, after in itertools.product(befores, words, afters):
        text = f"Z {before}{word}{after} z"
        gate = typography._GLUED_GATE_RE.search(text.encode("utf-8", "surrogatepass")) is not None
        if typography._GLUED_RE.search(text):
            matched += 1
            assert gate, text
    assert matched > 30
    for clean in ("Ask ChatGPT on WhatsApp", "Read it at example.com/onJan"):  # the pattern's
        assert text_gate(typography._GLUED_RE).search(clean.encode())  # superset opens on them
        assert not typography.GluedWords().may_trigger(doc_of(clean)), clean
    assert typography.GluedWords().may_trigger(doc_of("He met them onJan 31."))


def test_the_doubled_punctuation_gate_lets_through_every_doubling_the_rule_may_keep():
    rule = typography.DoubledPunctuation()
    kept = 0
    for middle in map("".join, itertools.product(".,;: \taA1\n", repeat=4)):
        for text in (f"the word{middle} Next one", f"{middle}x", f"a storm in a decade{middle}"):
            doc = SimpleNamespace(text=text)
            if any(rule.accept(doc, m) for m in typography._DOUBLED_RE.finditer(text)):
                kept += 1
                assert typography._DOUBLED_GATE_RE.search(text), text
    assert kept > 1000
    for clean in ("He paused... then left.", "The U.S., Japan and Britain agreed."):
        assert typography._DOUBLED_RE.search(clean) and not typography._DOUBLED_GATE_RE.search(clean)
