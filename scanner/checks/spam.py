"""Spam that needs more than a phrase list (the phrase-level spam rules live in rules/spam.yaml)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from scanner.boilerplate.features import CAPITAL_RE, has_spaces, is_prose
from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.re2_prefilter import Finder, text_gate
from scanner.rule import Rule, flag, line_findings, ok

_ROLE_RE = re.compile(
    r"\b(?:stringer|expert|reporter|contributor|writer|journalist|blogger|vlogger|editor|author"
    r"|entrepreneur|enthusiast|influencer|coach|consultant|founder|ceo|strategist|specialist"
    r"|analyst|lover|geek|ninja|guru|speaker|photographer|creator|marketer|publicist|columnist"
    r"|nutritionist|dietitian|therapist|trainer"
    r"|correspondent|freelancer|adventurer|travell?er|foodie|visionary|thought\s+leader)s?\b",
    re.IGNORECASE,
)
# ... and of a health or advice column, whose writer a short bio that sells names: not counted
# among the roles of a first-person self-description (a news bio names doctors too)
_ADVICE_ROLE_RE = re.compile(
    r"\b(?:physician|doctor|gp|psychologist|psychiatrist|counsell?or|pharmacist|physiotherapist"
    r"|dentist|nurse|surgeon|practitioner|adviser|advisor|planner|lawyer|attorney|accountant)s?\b",
    re.IGNORECASE,
)
# Every bio this rule flags names a role (_ROLE_RE or _ADVICE_ROLE_RE): one RE2 search for their
# words in the lower-cased line (a superset: no word boundaries; a literal set, whose automaton
# stays tiny) rules out most lines in the first person before the title case, shouting and role
# counts are read with Python's slow case-blind regexes. Beyond ASCII, Python's IGNORECASE takes
# four characters for a letter a-z: lower() maps the Kelvin sign to k, but not the Turkish "İ"
# and "ı" to i or the long "ſ" to s, which are so read first.
_ROLE_WORDS = Finder(text_gate(re.compile(f"{_ROLE_RE.pattern}|{_ADVICE_ROLE_RE.pattern}")))
_AS_ASCII = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s"}
_FIRST_PERSON_MARKERS = ("I ", "I'", "I’", "my ", "My ", " me")
# Selling the writer's services: what a promotional bio asks for, in any person.
_SOLICITATION_RE = re.compile(
    r"\b(?:guest\s+posts?|collaborations?|sponsored\s+(?:posts?|content)|backlinks?"
    r"|business\s+inquiries|paid\s+promotions?)\b|\b(?:dm|hire)\s+(?:me|her|him|us)\b"
    # freebies and discounts: "Grab my FREE template", "Book a free consultation", "20% off ... code X"
    r"|\b(?:grab|get|download|claim)\s+(?:my|her|his|our|your)\s+free\b|\bbook\s+(?:a|your)\s+free\b"
    # the writer's own newsletter and giveaways, asked for: "Sign up for his free weekly
    # newsletter and get his e-book ... at no cost!" (not "how to get his guide")
    r"|\bsign\s+up\s+(?:for|to)\s+(?:my|her|his|our)\s+(?:free\s+)?(?:\w+\s+){0,2}newsletter\b"
    r"|(?:^|(?<=[.!?] )|(?<=\band ))(?:grab|get|download|claim)\s+(?:my|her|his|our)\s+(?:new\s+)?"
    r"(?:e-?book|guide|template|checklist|course|cheat\s*sheet)\b"
    r"|\b\d+\s*%\s+off\b[^.!?]{0,40}\bcode\b",
    re.IGNORECASE,
)
# A bio opens with its subject ("Jane Smith is a ...", "I am an ...", "I'm a ..."), perhaps after
# an "About the author:" label.
_BIO_OPENING_RE = re.compile(r"\W*(?:[Aa]bout\s+the\s+[Aa]uthor\s*:\s*)?"
                             r"(?:(?:[A-Z][\w.'’-]*\s+){1,4}(?:is|was)|I\s+am|I['’]m)\s+(?:a|an)\s")
# The patterns below start with a capital (or I, m) and check what precedes it by look-behind:
# Python's re then jumps from candidate to candidate instead of trying every position.
# "I", "my" or "me" as a word (I'm and I've start with the word I): a pattern a first letter, as
# a literal one is faster to jump to than a class ("[Im]": three times slower)
_FIRST_PERSON_I_RE = re.compile(r"I(?<!\wI)(?!\w)")
_FIRST_PERSON_ME_RE = re.compile(r"m(?<!\wm)[ye](?!\w)")
# Three or more all-capitals words in a row (the first may be a single letter), e.g. "I AM AN".
_SHOUT_RE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]*(?:\s+[A-Z]{2,}){2,}\b")
_TAIL_LINES = 3
# lines of prose (:func:`is_prose`) read from the end: page furniture after the article (a "Most
# read" list, a copyright line) is none
_TAIL_PROSE = 2
_BIO_KEY = "spam.bio-lines"
_MAX_BIO_CHARS = 1000
_SHORT_BIO_CHARS = 300
_BODY = (
    "Kishida and South Korean President Yoon Suk Yeol became the first leaders from their "
    "countries to attend a NATO summit last year, joining alliance leaders as observers.\n\n"
    "Stoltenberg who just left South Korea, also urged Seoul to increase its military support "
    "for Ukraine.\n"
)


class SelfPromotionalBio(Rule):
    id = "SPM005"
    name = "self-promotional-bio"
    category = Category.SPAM
    severity = Severity.WARNING
    summary = "Self-promotional author bio appended to the article."
    docs = """
    Flags a line among the last three of a text, or among its last two lines of prose (ten
    words or more ending a sentence: a "Most read" list, a copyright line or a footer menu after
    the bio does not hide it, while a bio-like paragraph with two paragraphs of prose after it
    is the article's), that lists the writer's roles in the first
    person with a sales tone: "An International Stringer, PR Expert, Travel & Active Adventure
    Reporter, and Fashion Contributor ... I AM AN ERA!". It needs two or more role nouns
    (reporter, expert, influencer...), first-person words, and either Title Case Throughout,
    an ALL-CAPS shout, or three roles in a short line. A short bio in any person that sells the
    writer's services ("Contact her for guest posts!", "DM me for collaborations", "Grab my FREE
    budgeting template", "Book a free consultation", "Get 20% off his new book with code
    HEALTH20", "Sign up for his free weekly newsletter", "get his e-book") needs a bio's opening
    ("Jane Smith is a ...", "About the author: ...") and a role: a writer's, a consultant's, or
    a health or advice column's (physician, GP, psychologist, nurse, lawyer, adviser ...). A plain third-person bio
    ("Jane Doe is a reporter based in Nairobi.") is left alone.
    """
    examples = [
        flag(_BODY + "An International Stringer, PR Expert, Travel & Active Adventure Reporter, "
             "and Fashion Contributor, Living in a Country of Which Divides the World Into Two "
             "Equal Halves - The Republic of Ghana to Be Exact. I Can Be South African Sometimes, "
             "and Can Be Visibly Spotted in the City of Gold, Johannesburg. I AM AN ERA!"),
        flag(_BODY + "Award-winning blogger, influencer and growth hacker guru. I help brands "
             "go viral - DM me for collaborations!"),
        flag(_BODY + "Jane Smith is a freelance writer, SEO expert and blogger who loves travel. "
             "Contact her for guest posts!"),
        flag(_BODY + "Mark Lee is a journalist and consultant. Book a free consultation at "
             "marklee.com today!"),
        flag(_BODY + "Nathan Greer is a personal finance writer and the founder of "
             "SmartDollarDaily.com. Sign up for his free weekly newsletter and get his e-book "
             "\"25 Ways to Cut Your Bills\" at no cost!"),
        flag(_BODY + "About the author: Dr. Sam Patel is a nutritionist and bestselling author. "
             "Get 20% off his new book with code HEALTH20."),
        flag(_BODY + "Dr Laura Bennett is a sleep physician in Bristol. Download my FREE "
             "14-day sleep reset plan and get 25% off my online course with code SLEEP25!"),
        flag(_BODY + "Mark Lee is a journalist and consultant. Book a free consultation at "
             "marklee.com today!\n\nMost read\nFloods close schools across the region\n"
             "Cheetahs name squad for Currie Cup opener\n© 2024 The Daily Times. All rights "
             "reserved."),
        ok("Mark Lee is a journalist and consultant. Book a free consultation at marklee.com "
           "today!\n\n" + _BODY + "The talks end on Friday, officials said, and a statement "
           "will follow.\n\nMost read\nFloods close schools\n"),
        ok(_BODY + "Jane Doe is a reporter and editor based in Nairobi who covers East Africa."),
        ok(_BODY + "The store offered shoppers 20% off with code SAVE20, and analysts and "
           "consultants said sales rose."),
        ok(_BODY + "Jane Doe is a reporter and editor in Nairobi. Contact her at jane@example.com."),
        # an opening and a call for guest posts, but a role no bio sells ("Dr Ann Cole is a GP
        # in Leeds ..." without the call never reached the role test)
        ok(_BODY + "Ann Cole is a gardener in Leeds who welcomes guest posts about allotments."),
        ok(_BODY + "Tom Hale is a writer and the founder of a charity. Readers asked how to get "
           "his guide to the river walks, which the library now lends."),
        ok(_BODY + "The regulator told bloggers and influencers to label sponsored posts clearly."),
        ok("I am a reporter, and my editor asked me to cover the summit as a writer.\n" + _BODY
           + "The talks end on Friday."),
    ]

    def check(self, doc: Document) -> Iterable[Finding]:
        """The findings as an iterator, or an empty tuple where no line is a bio (nearly every
        document: no generators set up)."""
        lines = _bio_lines(doc)
        if not lines:
            return ()
        return line_findings(self, doc, lines, "Self-promotional author bio.",
                             suggestion="Delete the bio, or replace it with a neutral byline.")


def _bio_lines(doc: Document) -> list[int]:
    """Indices of the last lines (not the headline's) that are self-promotional bios, memoised
    in ``doc.cache``: the boilerplate analysis runs this rule too."""
    found = doc.cache.get(_BIO_KEY)
    if found is None:
        title_line = doc.line_index(doc.title_span.start) if doc.title_span else None
        found = doc.cache[_BIO_KEY] = [i for i, text in _tail(doc)
                                       if i != title_line and _is_promotional_bio(text)]
    return found


def _tail(doc: Document) -> list[tuple[int, str]]:
    """The lines where an author bio ends an article, in document order: the last three of
    the text and the last two lines of prose, so that page furniture after the bio (a "Most
    read" list, a footer) does not hide it."""
    lines = doc.nonblank_lines
    tail = {i: span.text for i, span in lines[-_TAIL_LINES:]}
    prose = 0
    for i, span in reversed(lines):
        text = span.text
        if is_prose(text.rstrip()):
            tail[i] = text
            prose += 1
            if prose == _TAIL_PROSE:
                break
    return sorted(tail.items())


def _sells_services(text: str) -> bool:
    """A short bio ("Jane Smith is a ...", "I am a ..."; the anchored opening is tested first)
    that names the writer's role and asks for guest posts, collaborations or the like."""
    if len(text) >= _SHORT_BIO_CHARS:
        return False
    return (_BIO_OPENING_RE.match(text) is not None and _SOLICITATION_RE.search(text) is not None
            and (_ROLE_RE.search(text) is not None or _ADVICE_ROLE_RE.search(text) is not None))


def _may_name_a_role(text: str) -> bool:
    """Whether :data:`_ROLE_RE` or :data:`_ADVICE_ROLE_RE` may find a role in ``text``."""
    if not text.isascii() and any(map(text.__contains__, "İıſ")):  # (translate is slow: rarely)
        text = text.translate(_AS_ASCII)
    return _ROLE_WORDS.finds(text.lower())


def _speaks_in_first_person(text: str) -> bool:
    """Whether "I", "my" or "me" stands in ``text`` as a word, with one of
    :data:`_FIRST_PERSON_MARKERS`. (The two searches written out: a generator over them cost
    more than they do, on the three to five tail lines of every text.)"""
    return ((_FIRST_PERSON_I_RE.search(text) is not None or _FIRST_PERSON_ME_RE.search(text) is not None)
            and any(marker in text for marker in _FIRST_PERSON_MARKERS))


def _is_promotional_bio(text: str) -> bool:
    if len(text) > _MAX_BIO_CHARS or not has_spaces(text, 9):  # (a long line's opening settles it)
        return False
    if _sells_services(text):
        return True
    if not _speaks_in_first_person(text) or not _may_name_a_role(text):
        return False
    title_share = len(CAPITAL_RE.findall(text)) / (text.count(" ") + 1)
    loud = title_share >= 0.5 or _SHOUT_RE.search(text) is not None
    if not loud and len(text) >= _SHORT_BIO_CHARS:
        return False
    roles = len(_ROLE_RE.findall(text))
    return roles >= 3 or (roles >= 2 and loud)


RULES = [SelfPromotionalBio]
