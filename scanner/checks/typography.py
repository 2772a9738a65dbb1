"""Typography and machine-translation debris: glued words, doubled punctuation, stray quotes,
scrambled dates and sentences split in the middle.

Each rule scans the text with a cheap trigger regex that starts on a rare character (a capital
after a lowercase letter, punctuation before a capital...), runs its precise regex only in a
small window around each trigger, and reports the exact debris with the likely repair.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice, takewhile
from typing import ClassVar

import re2

from scanner.dates import MONTH
from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.language import ENGLISH_STOP_WORDS
from scanner.listings import has_code, in_code
from scanner.re2_prefilter import GateSet
from scanner.rule import Rule, flag, ok
from scanner.spin.tables import tables
from scanner.wrapping import ends_sentence

# Lowercase function words that never start a camelCase brand (not "i", "e", "a": iPhone, eBay).
_FUNCTION_WORDS = (
    "about|across|after|against|amid|among|and|are|as|at|before|between|but|by|during|for|from|"
    "had|has|have|her|his|in|into|is|its|near|of|on|onto|or|our|over|since|than|that|the|their|"
    "this|through|to|under|until|upon|via|was|were|with|within|without"
)
# Token boundary on the left: not inside a word, handle, hashtag, path, URL or file name.
_LEFT = r"(?<![\w@#/.:\\'’-])"
_JOIN_RIGHT = r"(?![\w@/'’-]|\.\w)"  # a word's end, not a file name's or domain's part
_CAMEL_RE = re.compile(r"[A-Z](?<=[a-z][A-Z])")
# Lowercase joins (TYP001): function words that no common word follows without a space
# ("offthe", "ofcricket"), and prepositions, which start many words ("overbooking",
# "onrushing", "infolds"), only before a determiner ("inwhich", "tothe"). In 24,850 clean
# texts (BBC, FNC-1, WCXB, the bench corpus) all 30 such joins are slips.
_CONTENT_JOIN_HEADS = ("about", "have", "were", "that", "this", "with", "from", "off", "the",
                       "and", "are", "was", "has", "had", "of", "at", "is", "as", "an", "or")
_JOIN_HEADS = (*_CONTENT_JOIN_HEADS, "into", "onto", "for", "in", "on", "to", "by")
_JOIN_DETERMINERS = frozenset(
    "the a an this that these those which whom what his her their our its my your".split())
# a head run into a determiner: the cheap sign of a text with lost spaces, in which the other
# joins are then looked for (a word starting with a head, "there", "often", costs a look-up)
_DETERMINER_JOIN_RE = re2.compile(
    rf"\b(?:{'|'.join(_JOIN_HEADS)})(?:{'|'.join(sorted(_JOIN_DETERMINERS - {'a'}))})\b")
_JOIN_SHAPE_RE = re.compile(rf"\b(?:{'|'.join(_JOIN_HEADS)})[a-z]{{3,}}\b")
_MIN_JOIN_TAIL = 4  # letters of a common word after the head ("orate" is no "or ate")
_MIN_JOIN_ZIPF = 3.5  # wordfreq Zipf frequency of that word
_GLUED_RE = re.compile(_LEFT + rf"({_FUNCTION_WORDS})([A-Z][a-z]+|[A-Z]{{2,}})(?![\w@/'’-])")
# GluedWords' gate: a function word where _LEFT lets one start (the text's start or a character
# that is no word character, @, #, /, ., :, \, ' or ’; RE2's class takes every character beyond
# ASCII too), then a capital: an exact superset of the pattern. The pattern's RE2 superset, without
# the left side, opened on "ChatGPT" or "WhatsApp" (54 of the bench's 3,408 texts, this one 6) and
# followed every word's letters as a function word's, which cost the gate set's search more
_GLUED_GATE_RE = re2.compile(rf"(?:^|[^0-9A-Za-z_@#/.:\\'’-])(?:{_FUNCTION_WORDS})[A-Z]")
# one leading character class: an alternation of whole patterns would scan twice as slowly
_PUNCT_CAPITAL_RE = re.compile(r"[,;.?!](?:[\"”]?[A-Z]|(?<=,)\"?[a-z]|”[a-z]|“)")
# Capitalised words that open sentences, and rarely follow a dot in a name ("Rocket.Chat",
# "ASP.Net", "Earth.Org"): after a capitalised word or a number, a glued stop needs one.
_SENTENCE_OPENERS = (
    "According|After|Although|And|As|At|Before|But|By|Despite|During|For|Following|From|He|Her|"
    "Here|His|However|If|In|Instead|It|Its|Meanwhile|Many|Most|My|Now|On|Our|She|Since|Some|"
    "That|The|Their|Then|There|These|They|This|Those|Though|Under|Until|We|What|When|Where|"
    "While|Who|With|Yet|You"
)
_PUNCT_GLUE_RE = re.compile(
    _LEFT + r"(?:([A-Za-z][a-z]+[,;])|([a-z]{2,}[.?!]))([A-Z][a-z]+)(?![\w@/.'’-])"
    # a stop glued after a capitalised word, an acronym or a number ("Monday.The", "NATO.The",
    # "in 2023.The", "3%.However"), not initials ("J.Crew", "U.S.The"), a list's number
    # ("1.The" opening a line) or code ("Assert.That(")
    r"|" + _LEFT + r"((?=[a-z]*[A-Z])[A-Za-z]{2,}\.|(?<=[ \t])\d+(?:[.,]\d+)*%?\.)"
    rf"({_SENTENCE_OPENERS})(?=[ \t,])"
    r"|([a-z]{2,}[.,!?][”\"])([A-Z][a-z]+)\b"
    # a closing curly quote glued to a lowercase word ('fight,”he'), a comma or stop glued to an
    # opening one ('said,“We'); from a word's start (scanning from within words costs 3x)
    r"|(?<![A-Za-z])(?:([A-Za-z][a-z]+[.,!?]”)([a-z]{2,})\b|([A-Za-z][a-z]+[,.])(“[A-Za-z]+))"
    # a straight quote glued to both words ('fight,"he', 'says,"so'): which side it belongs to,
    # the suggestion tells by the quotes before it on the line
    r'|(?<![A-Za-z])([A-Za-z][a-z]+,")([a-z]{2,})\b'
    # a comma glued to a lowercase word ("region,and", "in 2020,and", "NATO,with"), not within
    # a list written without spaces ("red,green,blue", "1,2,3"), a query string, code
    # ("f(a,b)"), a file name, initials ("U.S.,") or "R&D,"
    r"|(?<![\w@#/.:\\'’,=&?(\[-])([A-Za-z][a-z]+,|[A-Z]{2,}s?,|\d+(?:[.,]\d+)*(?:%|am|pm|st|nd|rd|th)?,)"
    r"([a-z]{2,})"
    r"(?![\w@/.'’,)\]=-])"
    # a comma set off from its word and glued to the next ("the wine ,not only": machine
    # translation and OCR debris; none in 24,850 clean texts, while "wine , not" is a writer's)
    r"|(?<![\w@#/.:\\'’-])([A-Za-z][a-z]*[\"”’)]?[ \t]+,)([A-Za-z][a-z]+)(?![\w@/.'’-])"
)
_DOUBLED_RE = re.compile(r"[.,;:][ \t]*[.,;:]")
# DoubledPunctuation's gate: a match of _DOUBLED_RE that its accept may keep (an exact superset,
# written from accept): two stops not after a stop and not before a third, or a comma, semicolon
# or colon before a mark it may be doubled with and then no stop, ASCII letter or digit. An
# ellipsis ("...") or an abbreviation's stop before a comma ("U.S.,") opens the pattern's gate, not
# this one (8 % of the bench's texts hold one and no other doubling)
_DOUBLED_GATE_RE = re2.compile(
    r"(?:^|[^.])\.[ \t]*\.[ \t]*(?:[^ \t.]|\z)"
    r"|(?:,[ \t]*[,.]|;[ \t]*[.,;:]|:[ \t]*[:;,])(?:[^.0-9A-Za-z]|\z)")
_SPACED_DOT_RE = re.compile(r"[ \t]*\.")
# the end of a word of two letters or more (not "D.C", "1"), perhaps a closing quote or bracket
# and one blank after it
_WORD_END_RE = re.compile(r"[^\W\d_]{2}[\"”’)]?[ \t]?\Z")
# a sentence going on after a stop: a blank and a capital (not "1..10", "../", "a..b", nor a
# line's end, where web copy often trails off with "..")
_NEXT_SENTENCE_RE = re.compile(r"[\"'”’)\]]*[ \t]+[A-Z]")
# At a line's end, ".." is a doubled stop (not web copy trailing off) only after a sentence of
# this many words that does not end on a word leaving it open ("This leads me to..", "Ok but.."),
# when a sentence starts on the next line or the text ends, and in a text using ".." once.
_MIN_SENTENCE_WORDS = 6
_OPEN_ENDINGS = frozenset(
    "a an the and but or nor so because if than that to of in on at by for from with into about "
    "like as is are was were be been am has have had do does did will would can could should may "
    "might must my your our their his her its".split()
)
_NEXT_LINE_SENTENCE_RE = re.compile(r"[ \t]*(?:\Z|\r?\n\s*(?:\Z|[\"'“‘(]?[A-Z0-9]))")
_TWO_STOPS_RE = re.compile(r"[^\W\d_]\.\.(?!\.)")
_ENTITY_END_RE = re.compile(r"&#?\w{1,8}$")  # "caf&#233;" before a ";"
_QUOTES_RE = re.compile(r'[“”„"]')
# two opening or two closing curly quotes in a paragraph, no curly one between: in a text
# without „, where “ always opens and ” closes, every stray quote StrayQuote finds is the
# second of such a pair (a straight quote between never makes one), and few texts have one
_SAME_QUOTES_RE = re2.compile("“[^“”\n]*“|”[^“”\n]*”")
_MONTH = rf"{MONTH}\.?"
_YEAR_COMMA_DAY_RE = re.compile(r"\d\d\d\d,[ \t]*\d")
# not a day-month-year date and its time ("14 March 2026, 09:12"): no day before the month,
# no clock after the "day"
_YEAR_DAY_RE = re.compile(
    rf"(?<!\d[ \t])\b({_MONTH})[ \t]+((?:1[89]|20)\d\d),[ \t]*(3[01]|[12]\d|0?[1-9])\b"
    r"(?![.,]?\d|[ \t]*[:.h][0-5]\d)")
# after a date: punctuation, the line's end, or a word that follows a date and no count ("signed
# in January 2023, 31 by both ministers", QA pass 27; not "31 people", "31 of them", "31 in all")
_AFTER_DATE_RE = re.compile(
    r"[ \t]*(?:[).;:\]]|,|$)|[ \t]+(?:by|after|before|during|when|following|amid)\b", re.MULTILINE)
_BEFORE_DATE_RE = re.compile(r"(?:\b[Oo]n|\()[ \t]*$")
_STOP_LOWERCASE_RE = re.compile(r"\.[ \t]+[a-z]")
# a word, or a number of two digits or more after a word ("in 2023. and"; not a list's "1. the"),
# a stop, perhaps after a blank when prose goes on ("preemption . enemy attacks"; not code's
# "text . chars ()"), and a lowercase word
_SPLIT_RE = re.compile(
    _LEFT + r"([A-Za-z][a-z]+|(?<=[A-Za-z][ \t])\d\d+)(?:\.|[ \t]\.(?=[ \t]+[a-z]+[ \t]+[A-Za-z]))"
    r"[ \t]+([a-z]+)(?![\w'’.:/-])")
# Abbreviations that a lowercase word may legitimately follow.
_ABBREVIATIONS = frozenset(
    "al approx apr assn assoc ave avg aug bros blvd ca capt cf cit co col corp cr dec dept "
    "dr ed eds eg esp est etc feb fig figs fl ft gen gov govt hr hrs ibid ie inc incl "
    "intl jan jr jul jun lb lbs lt ltd maj mar max min mins misc mr mrs ms mt natl no nos "
    "nov oct op oz pp pres prof pt rd rep reps rev sec sen sept sgt sq sr st supt tel univ "
    "utd var vol vols vs yr yrs "
    # news and business copy: "excl. fees", "40 pct. of", "4.5 per cent. over", "300 km. from"
    "cent excl kg km pct tbsp tsp wk wks yd yds "
    # a translator's credit: "(trans. by Anthea Bell)"
    "trans transl "
    # US state abbreviations (AP style): "Portland, Ore. and Seattle".
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la mass md mich minn miss mo mont "
    "neb nev okla ore pa penn tenn tex va vt wash wis wyo".split()
)
# Weekdays, abbreviated only when capitalised ("Mon. through Fri."; "he sat. and" is a split).
_WEEKDAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# Units abbreviated after a number only ("an 8 in. cake tin"; "sleeping in. then" is a split).
_NUMBER_UNITS = frozenset({"in"})
_NUMBER_BEFORE_RE = re.compile(r"\d[ \t]*$")
# What follows a subject that starts a sentence: a possessive, an apposition or a reporting or
# auxiliary verb. A lowercase word other than a function word before one is a name styled in
# lowercase ("quarter. thyssenkrupp, Germany's largest steelmaker, said"; "adidas said"), QA
# pass 24; "however, the talks" or "enemy attacks" is a split.
_SUBJECT_FOLLOWS_RE = re.compile(
    r"['’]s\b|,[ \t]+[A-Z]|[ \t]+(?:said|says|reported|announced|added|told|has|had|is|was|will"
    r"|would)\b")

_PROSE = ("NATO Secretary General Jens Stoltenberg met Japanese Prime Minister Fumio Kishida "
          "in Tokyo on Jan. 31, 2023, at 10 a.m. local time.")


GATES_KEY = "typography.gates"


class _PatternRule(Rule):
    """Matches of ``pattern`` near matches of ``trigger`` that ``accept`` keeps.

    ``window`` is how far (characters before, after) from a trigger a match may extend.
    """

    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    trigger: ClassVar[re.Pattern[str]]
    pattern: ClassVar[re.Pattern[str]]
    window: ClassVar[tuple[int, int]] = (40, 40)

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self.may_trigger(doc):
            return
        text = doc.text
        before, after = self.window
        done = 0
        for hit in self.trigger.finditer(text):
            end = min(len(text), hit.end() + after)
            for match in self.pattern.finditer(text, max(done, hit.start() - before), end):
                if after and match.end() == end < len(text) or not self.accept(doc, match):
                    continue  # possibly cut by the window (a later trigger sees it whole)
                if in_code(doc, match.start()):  # "time.Second" in a listing
                    continue
                done = match.end()
                yield self.finding(doc, match.start(), match.end(), self.message(match),
                                   suggestion=self.suggestion(match))

    def may_trigger(self, doc: Document) -> bool:
        """Cheap test, exact when False: may ``pattern`` match in the document (every finding
        is a match of it)? One RE2 pass over its bytes for all the rules' patterns,
        :func:`_may_match`; most documents have none, and Python's scan of them costs more.
        A pattern's gate is tighter than its trigger's: "U.S. The", "a.m. local" and "iPhone"
        start triggers in a fifth to a third of the texts, while the missing spaces, split
        sentences and glued words that the patterns match are in one or two in a hundred."""
        return _may_match(doc, self.pattern)

    def accept(self, doc: Document, match: re.Match[str]) -> bool:
        """Whether ``match`` in ``doc`` is debris (not a look-alike the pattern cannot rule out)."""
        return True

    def message(self, match: re.Match[str]) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def suggestion(self, match: re.Match[str]) -> str | None:
        return None


class GluedWords(_PatternRule):
    id = "TYP001"
    name = "glued-words"
    summary = "A lowercase function word glued to the next word ('onJan', 'forUkrainians', 'offthe')."
    docs = """
    Finds a short lowercase function word (on, in, for, of, the...) run into a capitalised
    word with no space: "onJan 31", "forUkrainians", "theBBC", or, in lower case, into a
    determiner ("offthe bowling", "inwhich", "tothe") and, in a text with such a join, into a
    common word that makes no English word with it ("40 overs ofcricket", "hadsurgery"; a
    preposition, which starts many words, "overbooking", "onrushing", only into a determiner).
    Scrapers and spinners lose the
    space when they rebuild a sentence from tagged pieces. Real camelCase names (iPhone, eBay,
    YouTube, PowerPoint, McDonald) do not start with a function word, and handles, hashtags,
    URLs and file names are skipped; so is a join the text repeats word for word, a brand
    written so ("inDrive", QA pass 17): a lost space is seldom lost twice the same way.
    """
    examples = [
        flag("Stoltenberg shakes hands with Kishida onJan 31, 2023 in Tokyo."),
        flag("Japan offered non-combative defense devices forUkrainians That was due to fear."),
        flag("The report was published by theBBC on Monday."),
        ok("He bought an iPhone and sold it on eBay, then watched YouTube in PowerPoint mode."),
        ok("Follow @forUkraine and #inTokyo or visit example.com/onJan for details."),
        ok("McDonald and MacDonald met JavaScript developers on Jan 31."),
        ok("Drivers on inDrive earn more, the union says. Lagos bans inDrive at the airport."),
        flag("He edged one offthe bowling after 40 overs ofcricket on a slow pitch."),
        flag("The campaign inwhich he ran was short; Kim hadsurgery on his ankle."),
        ok("Overbooking and onrushing crowds, overwatering, infolds and the tophi: all words."),
        ok("Orson Welles met Atwood at the assize; visit ofcom.org.uk or #inthe loop."),
    ]
    trigger = _CAMEL_RE
    pattern = _GLUED_RE
    window = (12, 40)

    def may_trigger(self, doc):
        """A gate with the pattern's left side (:data:`_GLUED_GATE_RE`)."""
        return _may_match(doc, _GLUED_GATE_RE)

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from super().check(doc)
        joins = _lowercase_joins(doc)
        if joins:
            for match in re.finditer(_LEFT + f"({'|'.join(joins)})" + _JOIN_RIGHT, doc.text):
                if not in_code(doc, match.start()):
                    head, tail = joins[match.group()]
                    yield self.finding(doc, match.start(), match.end(), self.message(match),
                                       suggestion=f"{head} {tail}")

    def accept(self, doc, match):
        return doc.text.count(match.group()) < 2

    def message(self, match):
        return f"Missing space: '{match.group()}'."

    def suggestion(self, match):
        return f"{match.group(1)} {match.group(2)}"


def _lowercase_joins(doc: Document) -> dict[str, tuple[str, str]]:
    """``token -> (head, tail)`` of the lowercase tokens of ``doc`` that are no English word
    but a function word or preposition run into a determiner ("offthe", "inwhich") and, when
    there is one, a function word run into a common word ("ofcricket", "hadsurgery"); the
    vocabulary is the spin table's (wordfreq's 100,000 most frequent words)."""
    if not _may_match(doc, _DETERMINER_JOIN_RE):  # most texts have none
        return {}
    table = tables()
    joins = {}
    for token in set(_JOIN_SHAPE_RE.findall(doc.text)).difference(table.index):
        head = next(head for head in _JOIN_HEADS if token.startswith(head))  # the regex's head
        if _joined(head, token[len(head):], table):
            joins[token] = (head, token[len(head):])
    return joins


def _joined(head: str, tail: str, table) -> bool:
    """Whether ``head`` + ``tail`` reads as two words that lost their space."""
    if tail in _JOIN_DETERMINERS:
        return True
    word = table.index.get(tail)
    return (head in _CONTENT_JOIN_HEADS and word is not None and len(tail) >= _MIN_JOIN_TAIL
            and table.zipf[word] >= _MIN_JOIN_ZIPF)


class MissingSpaceAfterPunctuation(_PatternRule):
    id = "TYP002"
    name = "missing-space-after-punctuation"
    summary = "No space after a comma, full stop or closing quote between words ('Tokyo,Japan')."
    docs = """
    Finds two words joined by punctuation without the space that should follow it:
    "Tokyo,Japan", "said.The", "order.”According", "region,and", "in 2020,and", "NATO,with",
    a comma set off from its word and glued to the next ("the wine ,not only"),
    a curly quote
    glued to a word ('fight,”he', 'said,“We'), and after a capitalised word or a number a
    stop glued to a word that opens sentences ("Monday.The", "NATO.The", "3%.However").
    Numbers (1,000, 7.1,2, "1,2,3"), abbreviations and initials (U.S., e.g., "J.Crew", "R&D,"),
    names with a dot ("Rocket.Chat", "ASP.Net"), a list's "1.The" opening a line, URLs,
    e-mail addresses, file names, code ("f(a,b)") and lists written without spaces
    ("red,green,blue") are left alone. Such joins come from scrapers that drop line breaks
    and from careless machine rewriting.
    """
    examples = [
        flag("Stoltenberg met Kishida on Jan 31, 2023 in Tokyo,Japan on Tuesday."),
        flag("The alliance will respond.The minister did not say how."),
        flag("a pushback against the rules-based order.”According to NATO, the war goes on."),
        ok("The 1,000 troops arrived in the U.S. on Monday, e.g. in Texas and Ohio."),
        ok("Read more at www.nato.int/News,Events or mail press@nato.int today."),
        ok("Sales rose 3.5% to 1,250,000 units, the company said. Tokyo, Japan welcomed it."),
        flag("Trees fell across the region,and several roads were closed."),
        ok("Set colors=red,green,blue in report,final.pdf or call f(x,y) and see example.com/a,b."),
        ok("Pick red,green,blue for the flag."),
        flag("The premier arrived in Kyiv on Monday.The visit was not announced."),
        flag("The economy grew 3%.However, inflation remained high."),
        ok("Rocket.Chat, One.Tel and ASP.Net Core run on Amazon.com; J.Crew opened in the U.S."),
        ok("Reasons:\n1.The fish needs water.\n2.The tank needs light."),
        flag("“We will win this fight,”he said after the vote."),
        flag("The mayor said,“We will not give up.”"),
        flag("Prices were higher in 2020,and in 2021 they rose again."),
        ok("There were 2,000 people and 1,234,567 votes in districts 1,2,3."),
        flag("The agency will deploy 200 more traffic enforcers along EDSA,with most in Cubao."),
        ok("He flew to the U.S.,where R&D,with H2O and CO2, is funded."),
        flag("The shop opens at 11am,and closes when the bread runs out."),
        flag('She says,"so I always make it a day early."'),
        flag('"We will win this fight,"he said after the vote.'),
        ok('Set the option to "a,b" and call f(x,"y") before the run.'),
        flag("Each region grows the wine ,not only the grapes."),
        ok("Each region grows the wine , not only the grapes."),  # loose, but a writer's
    ]
    trigger = _PUNCT_CAPITAL_RE
    pattern = _PUNCT_GLUE_RE

    def accept(self, doc, match):
        # in a text with code, a lowercase word, a stop and a capitalised word is a name in
        # the code's terms ("a context.Context", "json.Marshal"), not a lost space (QA pass 31)
        stop = match.group(2)
        return not (stop and stop.endswith(".") and has_code(doc))

    def message(self, match):
        return f"Missing space after punctuation: '{match.group()}'."

    def suggestion(self, match):
        head, tail = (part for part in match.groups() if part)
        if head.endswith(" ,"):
            return f"{head[:-1].rstrip()}, {tail}"  # 'wine ,not' -> 'wine, not'
        if head.endswith('"') and _opens_quotation(match.string, match.start() + len(head) - 1):
            return f'{head[:-1]} "{tail}'  # 'says,"so' -> 'says, "so'
        return f"{head} {tail}"  # 'fight,"he' -> 'fight," he'


def _opens_quotation(text: str, at: int) -> bool:
    """Whether the straight quote at ``at`` opens a quotation: an even number of them stand
    before it on its line."""
    line_start = text.rfind("\n", 0, at) + 1
    return text.count('"', line_start, at) % 2 == 0


class DoubledPunctuation(_PatternRule):
    id = "TYP003"
    name = "doubled-punctuation"
    summary = "Doubled punctuation ('. .', ',,', ', .') left by editing or rewriting."
    docs = """
    Finds a punctuation mark doubled or followed by another one: "he said. .", "he said . .",
    "war,, and", "Tokyo, .", "Japan;;", "he said.. The" (a word, two stops, the next
    sentence), and ".." ending a line's sentence of six words or more with a new sentence
    below ("... each year..", in a text using ".." nowhere else). An ellipsis ("..." or
    ". . ."), a range or path ("1..10", "../"), an abbreviation's stop ("D.C.."), an informal
    "so.. maybe", ".." with which web copy trails off at a line's end ("Ok but..", "This leads
    me to..", a "Read More.." under every teaser) and "?!" are not flagged. Such debris is left
    when a tool deletes or rewrites words around the punctuation.
    """
    examples = [
        flag("“It will be a tragedy for Ukrainians,” he said. ."),
        flag("The war,, he said, matters to all of us."),
        flag("The talks ended in Tokyo, . Kishida said nothing more."),
        flag("A storm cut power to 40,000 homes, the utility said . . Crews were working."),
        flag('He said the plan "shares our priorities" . . She declined to say more.'),
        flag("It was the worst storm he had seen in a decade.. The harbour reopened."),
        flag("The harbour reopened after the worst storm in a decade..\n\nCrews cleared the roads."),
        ok("He paused... then said the talks had gone well. . . and left."),
        ok("Pages 1..10 are in ../docs; well.. maybe not, he said . . . and left."),
        ok("It was built in Washington, D.C.. Then it grew.\nIt trails off..\nThe end."),
        ok("Ok but..\nThe harbour reopened after the storm, and this leads me to..\nThe end."),
        ok("Really?! The U.S. and Japan Inc. agreed, he said."),
        ok("The vote was 10:30 in favour; the rest abstained, as expected."),
    ]
    trigger = _DOUBLED_RE
    pattern = _DOUBLED_RE
    window = (0, 0)

    def may_trigger(self, doc):
        """A gate that also rules out what accept never keeps (:data:`_DOUBLED_GATE_RE`)."""
        return _may_match(doc, _DOUBLED_GATE_RE)

    def accept(self, doc, match):
        text = doc.text
        marks = match.group()
        first, last = marks[0], marks[-1]
        start, end = match.start(), match.end()
        if first == ".":
            return last == "." and _doubled_full_stop(text, start, end)
        if text[end:end + 1].isalnum() or text[end:end + 1] == ".":
            return False  # ", .uk", ", ..."
        if first == ";":
            return not _ENTITY_END_RE.search(text, max(0, start - 10), start)
        return last in (",." if first == "," else ":;,")

    def message(self, match):
        return f"Doubled punctuation: '{match.group()}'."

    def suggestion(self, match):
        return match.group()[0]


def _doubled_full_stop(text: str, start: int, end: int) -> bool:
    """Whether the two full stops at ``start:end`` ("said. .", "said . .", "said.. Crews") end a
    sentence twice: not part of an ellipsis ("...", ". . ."); after a blank or unspaced, only
    after a word, and unspaced only before the next sentence on the line."""
    if text[start - 1:start] == "." or _SPACED_DOT_RE.match(text, end):
        return False
    spaced = end - start > 2
    if spaced and not text[start - 1:start].isspace():
        return True
    if not _WORD_END_RE.search(text, max(0, start - 4), start):
        return False
    return (spaced or _NEXT_SENTENCE_RE.match(text, end) is not None
            or _doubled_stop_ending_a_line(text, start, end))


def _doubled_stop_ending_a_line(text: str, start: int, end: int) -> bool:
    """Whether the two unspaced stops at ``start:end`` end a line's sentence twice ("... each
    year..", a new sentence below), not as web copy trails off ("Ok but..", "Read More.."): see
    :data:`_MIN_SENTENCE_WORDS`."""
    if _NEXT_LINE_SENTENCE_RE.match(text, end) is None:
        return False
    words = text[text.rfind("\n", 0, start) + 1:start].split()
    sentence = list(takewhile(lambda word: not ends_sentence(word), reversed(words)))
    if len(sentence) < _MIN_SENTENCE_WORDS or sentence[0].lower() in _OPEN_ENDINGS:
        return False
    return len(list(islice(_TWO_STOPS_RE.finditer(text), 2))) == 1


class StrayQuote(Rule):
    id = "TYP004"
    name = "stray-quote"
    category = Category.TYPOGRAPHY
    severity = Severity.WARNING
    summary = "Two closing (or two opening) curly quotes in a row within a paragraph."
    docs = """
    Within a paragraph, curly quotation marks alternate: “ opens, ” closes. A closing quote
    that follows another closing quote with no opening one between (“...” ”), or an opening
    quote after an unclosed one (“... “...), is debris from cut-and-paste or rewriting.
    A quotation running over several paragraphs (each reopened with “) is fine. „ opens a
    quotation that “ or ” closes (German „...“, Polish „...”), so an English text may quote a
    German sign; a text whose only mark is ” (Swedish and Finnish ”...”) is not judged.
    Straight quotes among curly ones (a keyboard's „...", “...", "...”; QA pass 18) open and
    close quotations by where they stand, before a word or after one; a mark next to one is
    never reported (6'2" is no quotation, and a straight quotation may hold a curly one).
    """
    examples = [
        flag("He said “regional countries should be vigilant.” ”\n"),
        flag("“NATO continues to break through old zones,” he said, adding it was ” wrong."),
        flag("He said “the war “matters to all of us, she added."),
        ok("“The war matters,” he said. “We are grateful for the support.”"),
        ok("“The first paragraph of a long quote runs on.\n\n“And the second one ends it.”"),
        ok("He called it a “critical moment” and a “turning point”."),
        ok("Ein Satz: „Das ist gut“, sagte er. „Und das auch“, fügte sie hinzu."),
        ok("Zdanie: „To jest dobre”, powiedział. „I to też”, dodała."),
        ok("Han sade: ”Det är bra”, och hon svarade: ”Det tycker jag också”."),
        flag("Er sagte: „Das ist „gut“, und ging."),
        ok('Er sprach von einem „Haushalt der Konsolidierung". „Wir sparen", sagte er.'),
        ok('“He said "no" to the plan,” she said. “Then he left.”'),
        ok('“It is severe," he said. "We are not sure what it is.” She left.'),
        flag('He said, “Terrorists used gas." Then, “It was “new.”'),
        ok('"A release stated that “The town has been quarantined.”'),
        ok("He called it “a turning point”, under a sign reading „Willkommen am Hauptbahnhof“."),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "“" not in text and "„" not in text:
            return  # no curly quotes, or only ” (Swedish ”...”, straight openers): no telling
        if "„" not in text and not _may_match(doc, _SAME_QUOTES_RE):
            return  # quotes alternate: “...” in each paragraph
        previous = None  # (position, opens, mark) of the last quote mark
        nested = 0  # straight quotations opened inside the open curly one
        for match in _QUOTES_RE.finditer(text):
            mark = match.group()
            same_paragraph = previous is not None and "\n" not in text[previous[0] + 1:match.start()]
            if mark == '"':  # never a finding itself (6'2" is no quotation), but it opens
                # and closes quotations among curly ones: „...", “...", "...”
                open_quote = same_paragraph and previous[1]
                if _straight_opens(text, match.start()):
                    if open_quote:
                        nested += 1
                    else:
                        previous = (match.start(), True, mark)
                elif nested:
                    nested -= 1
                elif open_quote:
                    previous = (match.start(), False, mark)
                continue
            nested = 0
            opens = _opens(mark, previous[2] if same_paragraph and previous[1] else None)
            if same_paragraph and previous[1] == opens and previous[2] != '"':
                yield self._stray(doc, previous[0], match.start(), opens)
                previous = None
                continue
            previous = (match.start(), opens, mark)

    def _stray(self, doc: Document, first: int, second: int, opens: bool) -> Finding:
        """The finding for a repeated quote mark: both marks when adjacent, else the second."""
        text = doc.text
        kind = "opening" if opens else "closing"
        start = first if second - first <= 3 else second
        context = text[max(first, second - 30):second + 1]
        return self.finding(doc, start, second + 1,
                            f"Two {kind} quotes in a row: stray {text[second]} after '{context}'.",
                            data={"first_quote": first})


def _straight_opens(text: str, at: int) -> bool:
    """Whether the straight quote at ``at`` stands where a quotation opens: after a space, a
    bracket or the start, before a word."""
    after_space = at == 0 or text[at - 1] in " \t\n(["
    return after_space and at + 1 < len(text) and not text[at + 1].isspace()


def _opens(mark: str, open_mark: str | None) -> bool:
    """Whether a quote mark opens a quotation: „ does, ” does not, and “ does unless it closes
    a „ quotation (German „...“); ``open_mark`` is the mark of the quotation still open."""
    if mark == "“":
        return open_mark != "„"
    return mark == "„"


class YearBeforeDay(_PatternRule):
    id = "TYP005"
    name = "year-before-day"
    summary = "A date with the year before the day ('January 2023, 31')."
    docs = """
    Finds dates written month, year, day ("on January 2023, 31", "(January 2023, 31)"), the
    order a machine translator produces from a year-month-day source date. The date must read
    as a date (after "on" or "(", or followed by punctuation or a word such as "by", "after" or
    "when" that follows no count), so "in January 2023, 31 people died" is not flagged, nor is
    a day-month-year date and its time ("14 March 2026, 09:12").
    """
    examples = [
        flag("Kishida talks with Stoltenberg on January 2023, 31. (Photo of joint interview)"),
        flag("after talks with Stoltenberg on Tuesday (January 2023, 31), saying that"),
        flag("The statement was released on Jan 2023, 31 in Tokyo."),
        ok("In January 2023, 31 people were killed in the attacks."),
        flag("The final text was signed in January 2023, 31 by both ministers."),
        ok("In January 2023, 31 of them were killed and 31 in all were hurt."),
        ok("The meeting took place on January 31, 2023 in Tokyo."),
        ok("By March 2022, 12.5% of the budget had been spent."),
        ok("Published 14 March 2026, 09:12"),
        ok("The blast happened on March 2026, 18:30 local time, officials said."),
    ]
    trigger = _YEAR_COMMA_DAY_RE
    pattern = _YEAR_DAY_RE
    window = (20, 10)

    def accept(self, doc, match):
        text = doc.text
        line_start = text.rfind("\n", 0, match.start()) + 1
        return bool(_BEFORE_DATE_RE.search(text, line_start, match.start())
                    or _AFTER_DATE_RE.match(text, match.end()))

    def message(self, match):
        return f"Year before day in date: '{match.group()}'."

    def suggestion(self, match):
        return f"{match.group(1)} {match.group(3)}, {match.group(2)}"


class BrokenSentenceSplit(_PatternRule):
    id = "TYP006"
    name = "broken-sentence-split"
    summary = "A full stop followed by a lowercase word mid-line ('preemption. enemy attacks')."
    docs = """
    Finds a full stop after a word followed by a lowercase word on the same line: "missiles
    for preemption. enemy attacks", also after a number ("in 2023. and more") or a blank
    ("preemption . enemy attacks"). It is what a machine translator or spinner leaves when it
    splits or joins sentences in the wrong place. Abbreviations (approx., vs., e.g., a.m.,
    p.m., etc., Inc., No., excl., pct., per cent., capitalised weekdays: Mon. through Fri.),
    names that start lowercase (eBay, iPhone), a name styled in lowercase that opens a sentence,
    known by what follows it (a possessive, an apposition or a verb such as "said": "adidas
    said", "thyssenkrupp, Germany's largest steelmaker"; not after a function word), a list's
    numbers ("1. open the box 2. remove the cover") and code ("text . chars ()") are not
    flagged.
    """
    examples = [
        flag("the deployment of long-range missiles for preemption. enemy attacks on Japan"),
        flag("Japan said it would act. and Kishida agreed with the plan."),
        flag("The meeting ended. however the talks went on."),
        flag("The strikes were carried out in 2023. and more would follow."),
        flag("The doctrine is meant for preemption . enemy attacks have risen."),
        ok("The summit starts at 10 a.m. local time and ends at 4 p.m. on Friday."),
        ok("Costs rose approx. ten percent, vs. last year, e.g. for fuel, etc. and rent."),
        ok("Avg. total cost per trip, eg. when it rains, ie. slugs, var. alba."),
        ok("Apple Inc. shares rose. eBay said profits fell. No. 10 declined to comment."),
        ok("Open Mon. through Fri. from May, excl. fees, to 40 pct. of homes at 4 per cent. a year."),
        ok("Grease an 8 in. cake tin. The book (trans. by Anthea Bell) sold well."),
        flag("He was sleeping in. then the phone rang."),
        ok("Prices fell. thyssenkrupp, Germany's largest steelmaker, said it would cut jobs."),
        ok("Nike shares fell 3% on Thursday. adidas said its sales had risen."),
        flag("The meeting ended. however, the talks went on."),
        flag("The plan failed. it was abandoned in May."),
        ok("Steps: 1. open the box 2. remove the cover. Then call text . chars () in code."),
    ]
    trigger = _STOP_LOWERCASE_RE
    pattern = _SPLIT_RE

    def accept(self, doc, match):
        text = doc.text
        word = match.group(1)
        lowered = word.lower()
        return (lowered not in _ABBREVIATIONS and not (word[0].isupper() and lowered in _WEEKDAYS)
                and not (lowered in _NUMBER_UNITS
                         and _NUMBER_BEFORE_RE.search(text, max(0, match.start(1) - 4), match.start(1)) is not None)
                and not _lowercase_name(text, match))

    def message(self, match):
        return f"Sentence split mid-line before a lowercase word: '{match.group()}'."


def _lowercase_name(text: str, match: re.Match[str]) -> bool:
    """Whether the lowercase word after the stop (group 2) is a name styled in lowercase that
    opens its sentence: no function word, and a subject's continuation follows it."""
    return (match.group(2) not in ENGLISH_STOP_WORDS
            and _SUBJECT_FOLLOWS_RE.match(text, match.end(2)) is not None)


RULES = [GluedWords, MissingSpaceAfterPunctuation, DoubledPunctuation, StrayQuote,
         YearBeforeDay, BrokenSentenceSplit]


@cache
def _gates() -> GateSet:
    """The RE2 set of the regexes whose gates the rules ask (StrayQuote asks for a pair of like
    quotes, DoubledPunctuation for a doubling it may keep, GluedWords for a function word where
    its pattern may start). YearBeforeDay's pattern costs the set's
    search 0.3 us an article, where a Python search for a year before a comma cost 2.6 us."""
    return GateSet([_GLUED_GATE_RE, _DETERMINER_JOIN_RE, MissingSpaceAfterPunctuation.pattern,
                    _DOUBLED_GATE_RE, YearBeforeDay.pattern, BrokenSentenceSplit.pattern,
                    _SAME_QUOTES_RE])


def _may_match(doc: Document, regex) -> bool:
    """Whether ``regex``, one of :func:`_gates`', may find something in ``doc`` (the set is
    searched once a document, memoised in ``doc.cache``; a regex missing from the set would
    never match, which the rules' flag examples and tests/test_re2_prefilter.py catch)."""
    possible = doc.cache.get(GATES_KEY)
    if possible is None:
        # by identity: a compiled Python regex hashes its whole program on each look-up
        # (MissingSpaceAfterPunctuation's 6 us, GluedWords' 2 us)
        possible = doc.cache[GATES_KEY] = frozenset(map(id, _gates().possible(doc.utf8)))
    return id(regex) in possible
