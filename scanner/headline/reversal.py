"""Reversed outcome: a headline that states the opposite of what the body reports.

"Former manager acquitted of all fraud charges" over a story whose lead says he was sentenced
to 15 years; "Nvidia shares soar" over "its shares fell 3.1 %". Each outcome has an opposite
(:data:`OUTCOMES`). A verdict is about the headline's person: the outcome is reversed when a
lead sentence that shares a key word with the headline reports the opposite verdict ("sentenced
to", "convicted"; "acquitted", "cleared of") and no sentence of the body mentions the
headline's ("cleared to stand again", "conviction quashed" and "a suspended prison term" do).
A movement is about a quantity, the word before the headline's verb ("shares", "prices"):
reversed when a lead sentence puts the opposite within :data:`SUBJECT_WINDOW` words after it
and no body sentence that names it words the headline's movement anywhere after it ("prices
grew", "shares rose ... before falling"), nor the next sentence after a pronoun that stands for
it ("By the close they had fallen"). A closure ("library to close") and a reprieve ("will stay
open") are about what closes, the word before the verb or its object: reversed when a lead
sentence announces the opposite within the window after it (:func:`_announced`) and no body
sentence announces the headline's within the window after or before it. A match result is
about its sides (:mod:`scanner.headline.results`). Pleas ("pleads not guilty"), questions and
returns ("falls back") are no outcomes. Openings ("schools reopen") are left out: a story about
a reopening recounts the closure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import dropwhile, takewhile

from scanner.headline import results as R
from scanner.headline import text as T

LEAD_SENTENCES = 6  # the opposite must be reported this early: the story's own outcome
SUBJECT_WINDOW = 8  # words after the subject in which its movement or closure is reported

_RISE = (r"soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|ris(?:e|es|ing)|rose|risen"
         r"|climb(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|rocket(?:s|ed|ing)?|leap(?:s|t|ed|ing)?"
         r"|gain(?:s|ed|ing)?")
_FALL = (r"fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)"
         r"|slid(?:e|es|ing)?|sink(?:s|ing)?|sank|tumbl(?:e|es|ed|ing)|dip(?:s|ped|ping)?"
         r"|declin(?:e|es|ed|ing)|crash(?:es|ed|ing)?|slip(?:s|ped|ping)?")
# any wording of the same movement in a body ("prices grew", "cases increased", "recovered")
_UP = (rf"{_RISE}|increas\w*|gr[eo]w\w*|recover\w*|rebound\w*|advanc\w*|strengthen\w*"
       r"|up|higher")
_DOWN = (rf"{_FALL}|decreas\w*|shr[ai]nk\w*|shrunk|contract\w*|weaken\w*|eas(?:e|ed|es|ing)"
         r"|los[et]\w*|down|lower")
# verdicts: the strict wording that reports one, and any wording that mentions it
_ACQUITTED = r"acquitted|cleared\s+of|found\s+not\s+guilty"
# (an appeal that succeeded, not one planned: "he would appeal", "28 days to lodge an appeal";
# a court's word, not a lawyer's: "found innocent", not "his lawyer said he was innocent")
_ACQUITTAL_ANY = (r"acquit\w*|cleared|not\s+guilty|quash\w*|overturn\w*|freed"
                  r"|walk(?:s|ed)?\s+free|(?:found|declared|ruled)\s+innocent|on\s+appeal"
                  r"|appeal\s+(?:judges|court)|court\s+of\s+appeal"
                  r"|(?:won|upheld|allowed|successful)\s+(?:(?:his|her|their|an|the)\s+)?appeal")
_CONVICTED = r"convicted|found\s+guilty|sentenced\s+to|jailed\s+for|imprisoned\s+for"
_CONVICTION_ANY = r"convict\w*|guilty|sentenc\w*|jail\w*|prison\w*"
# closures: "to close", "will shut", "closed", "scrapped", "axes" (not "close to", "closed-door",
# nor negated: "will not close", "won't be scrapped" are reprieves)
_NOT = (r"(?<!\bnot\s)(?<!n't\s)(?<!n’t\s)(?<!\bnever\s)"
        r"(?<!\bnot\sbe\s)(?<!n't\sbe\s)(?<!n’t\sbe\s)(?<!\bnever\sbe\s)")
_CLOSING = (rf"{_NOT}(?:(?:to|will|would|could|must|shall)\s+"
            r"(?:close|shut(?:\s+down)?|scrap|cancel|axe)(?![\s-]+(?:to|by|on|in\s+on|ranks)\b)"
            r"|closes|closed(?!-)|shuts|shut(?:\s+down)?(?!\s+up\b)|scraps|scrapped|cancels"
            r"|cancell?ed|axes|axed)")
# the words of either (a negated closure is a reprieve): one search of a headline for them first
_CLOSURE_CUE = r"clos\w*|shut\w*|scrap\w*|cancel\w*|ax\w*|open|saved|spared|repriev\w*|continue"
# reprieves: "will stay open" (not "until May"), "has been saved", "spared", "reprieved", "will
# continue" (not "until"), "will not close"
_REPRIEVE = (r"(?:stay|stays|stayed|staying|remain|remains|remained|remaining|kept|keeps?|keeping)"
             r"\s+open(?!\s+(?:until|till)\b)|(?:be|been|being|is|are|was|were)\s+saved"
             r"|saved\s+from|spared|reprieved?"
             r"|(?:will|to|would)\s+continue(?!(?:\W+\w+){0,6}?\W+(?:until|till)\b)"
             r"|(?:not|never|won['’]t|wouldn['’]t|isn['’]t|aren['’]t)\s+(?:be\s+)?"
             r"(?:close|closed|closing|shut|scrapped|axed|cancell?ed)")


@dataclass(frozen=True)
class Outcome:
    """A headline outcome: what it is about (``about``): the headline's ``"person"`` (a
    verdict), a ``"quantity"`` before the verb (a movement), the ``"subject"`` that closes or
    stays open, or the ``"sides"`` of a match result; the words of which a headline that states
    it has one (``cue``); and its wording in a headline (``headline``), in a body (``same``)
    and the opposite one (``opposite``). A match result has no wordings of its own: any
    result's wording is read, and the sides decide (:mod:`scanner.headline.results`)."""

    name: str
    about: str
    cue: str
    headline: re.Pattern[str] | None = None
    same: re.Pattern[str] | None = None
    opposite: re.Pattern[str] | None = None


def _outcome(name: str, headline: str, same: str, opposite: str, about: str,
             cue: str | None = None) -> Outcome:
    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    return Outcome(name, about, cue or headline, compile_(headline), compile_(same),
                   compile_(opposite))


OUTCOMES = (
    _outcome("acquittal", r"acquit(?:s|ted)?|cleared\s+(?:of|over)|not\s+guilty", _ACQUITTAL_ANY,
             _CONVICTED, "person"),
    _outcome("conviction", r"convicted|found\s+guilty|jailed|sentenced|imprisoned", _CONVICTION_ANY,
             _ACQUITTED, "person"),
    # "fall back", "bounce back": a return from the opposite, which the lead may report
    _outcome("rise", rf"(?:{_RISE})(?!\s+back)", _UP, _FALL, "quantity"),
    _outcome("fall", rf"(?:{_FALL})(?!\s+back)", _DOWN, _RISE, "quantity"),
    _outcome("closure", _CLOSING, _CLOSING, _REPRIEVE, "subject", _CLOSURE_CUE),
    _outcome("reprieve", rf"{_REPRIEVE}|saved", _REPRIEVE, _CLOSING, "subject", _CLOSURE_CUE),
    Outcome("win", "sides", R.CUE),
)
# what rises and falls in a news headline
_QUANTITIES = frozenset(
    "shares share stocks stock prices price markets market index indices pound sterling dollar "
    "euro yen yuan rupee rand naira peso franc oil gold silver copper bitcoin crypto profits "
    "profit sales revenue revenues earnings rates rate inflation unemployment jobless exports "
    "imports output growth gdp ftse dow nasdaq nikkei sensex hang seng asx bonds bond yields "
    "costs cost fares rents rent wages pay numbers figures cases deaths infections admissions "
    "temperatures values value valuation ratings turnout".split())
# one search for any of their cues first: most headlines state none (of the headline lower-cased:
# four times faster than a case-blind search)
_ANY_OUTCOME_RE = re.compile(r"\b(?:" + "|".join(o.cue for o in OUTCOMES) + r")\b")
_PLEA_RE = re.compile(r"\bplead(?:s|ed|ing)?\b|\bpled\b|\?", re.IGNORECASE)


@dataclass(frozen=True)
class Reversal:
    """A headline outcome the body reverses: the outcome's name, the headline's word, and the
    body sentence that reports the opposite."""

    outcome: str
    word: str
    sentence: str


Stated = tuple[Outcome, re.Match[str], "str | R.Result | None"]


def stated_outcomes(headline: str) -> list[Stated]:
    """The outcomes ``headline`` states, each with its match and what it is about
    (:func:`_about`; an outcome without the quantity, subject or sides it needs is left out).
    Reads the headline alone, so a caller may skip the body of the many headlines that state
    none."""
    if _ANY_OUTCOME_RE.search(headline.lower()) is None or _PLEA_RE.search(headline):
        return []
    stated: list[Stated] = []
    for outcome in OUTCOMES:
        if outcome.about == "sides":
            stated += [(outcome, r.match, r) for r in R.results(headline, headline=True)]
        elif (match := outcome.headline.search(headline)) is not None:
            about = _about(outcome, headline, match)
            if about is not None or outcome.about == "person":
                stated.append((outcome, match, about))
    return stated


def _about(outcome: Outcome, headline: str, match: re.Match[str]) -> str | None:
    """The word the headline's ``outcome`` at ``match`` is about: a movement's quantity
    (:func:`subject_of`), what closes or stays open (:func:`closing_subject`); None for a
    verdict, which is about the headline's person."""
    if outcome.about == "quantity":
        return subject_of(headline, match.start())
    if outcome.about == "subject":
        return closing_subject(headline, match)
    return None


def reversed_outcome(headline: str, body_sentences: list[str]) -> Reversal | None:
    """The first headline outcome that the body's lead reports the opposite of (and the body
    nowhere reports as the headline does), or None."""
    return reversal_of(stated_outcomes(headline), headline, body_sentences)


def reversal_of(stated: list[Stated], headline: str, body_sentences: list[str]) -> Reversal | None:
    """:func:`reversed_outcome` for the outcomes ``stated`` that :func:`stated_outcomes` found
    in ``headline`` (a caller that reads them first, to skip the body of a headline that
    states none, does not search the headline again)."""
    for outcome, match, about in stated:
        if outcome.about == "sides":
            found = R.reversed_result(about, body_sentences, LEAD_SENTENCES)
        elif outcome.about == "subject":
            found = _announced(outcome, about, body_sentences)
        elif outcome.about == "quantity":
            found = _anchored(outcome, about, body_sentences)
        else:  # a verdict, about the headline's person
            found = _about_headline(outcome, headline, body_sentences)
        if found is not None:
            return Reversal(outcome.name, match.group(), found)
    return None


def subject_of(headline: str, at: int) -> str | None:
    """The quantity (:data:`_QUANTITIES`) right before the headline's movement verb at ``at``
    ("shares" in "Nvidia shares soar"), or None: "Chancellor rallies voters" and "weapons drop"
    report no movement."""
    before = T.tokens(headline[:at])
    return before[-1] if before and before[-1] in _QUANTITIES else None


def _window_after(word: str) -> re.Pattern[str]:
    """The word pattern ``word`` and the :data:`SUBJECT_WINDOW` words after it (group 1)."""
    return re.compile(rf"\b(?:{word})\b((?:\W+\w+){{1,{SUBJECT_WINDOW}}})", re.IGNORECASE)


@cache
def _after_subject(subject: str) -> re.Pattern[str]:
    """``subject`` and the :data:`SUBJECT_WINDOW` words after it (group 1)."""
    return _window_after(re.escape(subject))


# the pronoun by which the sentence after one naming the quantity goes on about it
_AFTER_PRONOUN = _window_after("they|it")


def _anchored(outcome: Outcome, subject: str, body_sentences: list[str]) -> str | None:
    """A lead sentence that puts the opposite within :data:`SUBJECT_WINDOW` words after
    ``subject``, unless some sentence words the headline's own outcome anywhere after the
    subject ("shares rose as much as 4 % in early trading before falling"), or within the
    window after a pronoun in the sentence after one that names the subject ("By the close
    they had fallen")."""
    after = _after_subject(subject)

    def supports(sentence: str) -> bool:
        found = after.search(sentence)
        return found is not None and outcome.same.search(sentence, found.start(1)) is not None

    def supports_next(named: str, sentence: str) -> bool:
        return after.search(named) is not None and any(
            outcome.same.search(m.group(1)) for m in _AFTER_PRONOUN.finditer(sentence))

    if any(map(supports, body_sentences)) or any(
            map(supports_next, body_sentences, body_sentences[1:])):
        return None
    return next((s for s in body_sentences[:LEAD_SENTENCES]
                 if any(outcome.opposite.search(m.group(1)) for m in after.finditer(s))), None)


# a wish, a plan or a prospect governing a verdict word: "could be jailed"
_PROSPECT_RE = re.compile(rf"\b(?:{T.PROSPECTS})\b", re.IGNORECASE)
# what governs a closure or a reprieve that is not announced ("will close" is) but wished for,
# proposed or threatened: "hoped the library would stay open", "a proposal to close", "due to close"
_PLAN_RE = re.compile(rf"\b(?:{T.WISHES}|hoped|planned|propos\w*|due|threat\w*|risk\w*|urg\w*"
                      r"|calls?\s+for|if|unless|whether)\b", re.IGNORECASE)
PROSPECT_WINDOW = 60  # characters before a verdict word searched for a prospect
# what stands between a subject and its closure ("library to close", "pools will be shut")
_AUXILIARIES = frozenset("to will be is are was were been being has have had set now finally "
                         "officially permanently stay stays remain remains".split())
# a closing verb that takes an object ("to close the library", "axes Question Time"), the words
# that may open the object, and those after the verb that open none ("to close despite protests")
_ACTIVE_RE = re.compile(r"(?:to|will|would|could|must|shall)\s+\w+(?:\s+down)?"
                        r"|closes|shuts|scraps|cancels|axes", re.IGNORECASE)
_DETERMINERS = frozenset("the a an its their his her our all some several two three four five "
                         "six seven eight nine ten".split())
_NO_OBJECT = frozenset("despite amid following early temporarily permanently indefinitely today "
                       "tomorrow tonight next within among pending".split())


def closing_subject(headline: str, match: re.Match[str]) -> str | None:
    """What the headline's closure or reprieve at ``match`` is about: the last word (of up to
    three) of the object a closing verb takes ("Council to close Millbrook library", "BBC axes
    Question Time"), else the word before the verb and its auxiliaries ("Millbrook library to
    close", "pools will be shut", "library saved from closure"); None for a plan, wish or
    prospect ("plans to close", "could close", "scraps plan to close") or no such word."""
    if _PLAN_RE.search(headline, max(0, match.start() - PROSPECT_WINDOW), match.end()):
        return None
    words = _object(T.tokens(headline[match.end():])) if _ACTIVE_RE.fullmatch(match.group()) else []
    words = words or [w for w in T.tokens(headline[:match.start()]) if w not in _AUXILIARIES][-1:]
    if not words or words[-1] in T.STOP_WORDS or _PLAN_RE.fullmatch(words[-1]):
        return None
    return words[-1]


def _object(after: list[str]) -> list[str]:
    """The words of the object that opens ``after`` (the words after a verb): up to three
    words that are no stop word, after a determiner or a number ("the", "30")."""
    after = list(dropwhile(lambda w: w in _DETERMINERS or w.isdigit(), after))
    if not after or after[0] in _NO_OBJECT:
        return []
    return list(takewhile(lambda w: w not in T.STOP_WORDS and w not in _NO_OBJECT, after[:3]))


def _announced(outcome: Outcome, subject: str, body_sentences: list[str]) -> str | None:
    """A lead sentence that announces the opposite within :data:`SUBJECT_WINDOW` words after
    ``subject`` in one of its clauses (:func:`_clauses`, :func:`_announces`), unless some
    sentence announces the headline's own within that many words after or before it ("will
    close its Millbrook branch"). Only the words around the subject tell what became of it: a
    closing story recounts the campaign to save it, a reprieve the plan to close it."""
    after, before = _after_subject(subject), _before_subject(subject)

    def windows(pattern: re.Pattern[str], clause: str) -> list[tuple[int, int]]:
        return [m.span(1) for m in pattern.finditer(clause)]

    if any(_announces(outcome.same, c, windows(after, c) + windows(before, c))
           for s in body_sentences for c in _clauses(s)):
        return None
    return next((s for s in body_sentences[:LEAD_SENTENCES]
                 if any(_announces(outcome.opposite, c, windows(after, c)) for c in _clauses(s))),
                None)


# a relative clause set off by commas, which tells the subject's past ("The library, which has
# stayed open through two rounds of cuts, is to close"), and what opens a contrasting clause
# ("keep the library running, although it will be closed on Wednesdays")
_PARENTHESIS_RE = re.compile(r",\s*(?:which|who|whose|where)\b[^,;]*(?:,|$)", re.IGNORECASE)
_CONTRAST_RE = re.compile(r"[;:]|\b(?:although|though|but|while|whereas|except)\b", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """``sentence`` cut into clauses where a contrast opens one, relative clauses between
    commas left out."""
    return _CONTRAST_RE.split(_PARENTHESIS_RE.sub(" ", sentence))


@cache
def _before_subject(subject: str) -> re.Pattern[str]:
    """The :data:`SUBJECT_WINDOW` words before ``subject`` (group 1) and ``subject``."""
    return re.compile(rf"\b((?:\w+\W+){{1,{SUBJECT_WINDOW}}}){re.escape(subject)}\b",
                      re.IGNORECASE)


def _announces(wording: re.Pattern[str], sentence: str, windows: list[tuple[int, int]]) -> bool:
    """Whether ``sentence`` words ``wording`` in one of ``windows`` (spans) as done or
    announced: no plan, wish or prospect (:data:`_PLAN_RE`) just before it or in it ("hoped
    the library would stay open", "could close"), as :func:`closing_subject` reads a headline."""
    for start, end in windows:
        for w in wording.finditer(sentence, start):
            if w.start() >= end:
                break
            if _PLAN_RE.search(sentence, max(0, w.start() - PROSPECT_WINDOW), w.end()) is None:
                return True
    return False


def _reports(wording: re.Pattern[str], sentence: str) -> bool:
    """Whether ``sentence`` words a verdict (``wording``) as having happened: a match with no
    wish, plan or prospect (:data:`_PROSPECT_RE`) in the words just before it."""
    return any(_PROSPECT_RE.search(sentence, max(0, m.start() - PROSPECT_WINDOW), m.start())
               is None for m in wording.finditer(sentence))


def _about_headline(outcome: Outcome, headline: str, body_sentences: list[str]) -> str | None:
    """A lead sentence sharing a key word with the headline that reports the opposite, unless
    the body reports the headline's outcome anywhere (as done, not hoped for: :func:`_reports`)."""
    if any(_reports(outcome.same, s) for s in body_sentences):
        return None
    key = {T.stem(w) for w in T.content(T.tokens(headline))}
    for sentence in body_sentences[:LEAD_SENTENCES]:
        if outcome.opposite.search(sentence) and key & {T.stem(w) for w in T.tokens(sentence)}:
            return sentence
    return None
