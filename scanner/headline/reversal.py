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
it ("By the close they had fallen"). Pleas ("pleads not guilty"), questions and returns ("falls back")
are no outcomes. Openings ("schools reopen") are left out: a story about a reopening recounts
the closure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from scanner.headline import text as T

LEAD_SENTENCES = 6  # the opposite must be reported this early: the story's own outcome
SUBJECT_WINDOW = 8  # words after the subject in which its movement is reported

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


@dataclass(frozen=True)
class Outcome:
    """A headline outcome (``headline``), its wording in a body (``same``), the opposite one
    (``opposite``), and whether a subject must stand before them (``anchored``)."""

    name: str
    headline: re.Pattern[str]
    same: re.Pattern[str]
    opposite: re.Pattern[str]
    anchored: bool


def _outcome(name: str, headline: str, same: str, opposite: str, anchored: bool) -> Outcome:
    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    return Outcome(name, compile_(headline), compile_(same), compile_(opposite), anchored)


OUTCOMES = (
    _outcome("acquittal", r"acquit(?:s|ted)?|cleared\s+(?:of|over)|not\s+guilty", _ACQUITTAL_ANY,
             _CONVICTED, False),
    _outcome("conviction", r"convicted|found\s+guilty|jailed|sentenced|imprisoned", _CONVICTION_ANY,
             _ACQUITTED, False),
    # "fall back", "bounce back": a return from the opposite, which the lead may report
    _outcome("rise", rf"(?:{_RISE})(?!\s+back)", _UP, _FALL, True),
    _outcome("fall", rf"(?:{_FALL})(?!\s+back)", _DOWN, _RISE, True),
)
# what rises and falls in a news headline
_QUANTITIES = frozenset(
    "shares share stocks stock prices price markets market index indices pound sterling dollar "
    "euro yen yuan rupee rand naira peso franc oil gold silver copper bitcoin crypto profits "
    "profit sales revenue revenues earnings rates rate inflation unemployment jobless exports "
    "imports output growth gdp ftse dow nasdaq nikkei sensex hang seng asx bonds bond yields "
    "costs cost fares rents rent wages pay numbers figures cases deaths infections admissions "
    "temperatures values value valuation ratings turnout".split())
# one search for any of them first: most headlines state none
_ANY_OUTCOME_RE = re.compile("|".join(o.headline.pattern for o in OUTCOMES), re.IGNORECASE)
_PLEA_RE = re.compile(r"\bplead(?:s|ed|ing)?\b|\bpled\b|\?", re.IGNORECASE)


@dataclass(frozen=True)
class Reversal:
    """A headline outcome the body reverses: the outcome's name, the headline's word, and the
    body sentence that reports the opposite."""

    outcome: str
    word: str
    sentence: str


def stated_outcomes(headline: str) -> list[tuple[Outcome, re.Match[str], str | None]]:
    """The outcomes ``headline`` states, each with its match and, for a movement, its subject
    (:func:`subject_of`; a movement without one is left out). Reads the headline alone, so a
    caller may skip the body of the many headlines that state none."""
    if _ANY_OUTCOME_RE.search(headline) is None or _PLEA_RE.search(headline):
        return []
    stated = []
    for outcome in OUTCOMES:
        match = outcome.headline.search(headline)
        if match is None:
            continue
        subject = subject_of(headline, match.start()) if outcome.anchored else None
        if subject is not None or not outcome.anchored:
            stated.append((outcome, match, subject))
    return stated


def reversed_outcome(headline: str, body_sentences: list[str]) -> Reversal | None:
    """The first headline outcome that the body's lead reports the opposite of (and the body
    nowhere reports as the headline does), or None."""
    return reversal_of(stated_outcomes(headline), headline, body_sentences)


def reversal_of(stated: list[tuple[Outcome, re.Match[str], str | None]], headline: str,
                body_sentences: list[str]) -> Reversal | None:
    """:func:`reversed_outcome` for the outcomes ``stated`` that :func:`stated_outcomes` found
    in ``headline`` (a caller that reads them first, to skip the body of a headline that
    states none, does not search the headline again)."""
    for outcome, match, subject in stated:
        found = (_anchored(outcome, subject, body_sentences) if subject is not None
                 else _about_headline(outcome, headline, body_sentences))
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


# a wish, a plan or a prospect governing a verdict word: "hopes to be cleared on appeal",
# "would seek to have the conviction quashed", "could be jailed"
_PROSPECT_RE = re.compile(r"\b(?:would|will|could|may|might|should|hopes?|hoping|seeks?"
                          r"|seeking|plans?|planning|intends?|aims?|wants?|bid|attempts?"
                          r"|trying|tries|expects?|expected|faces?|facing|likely|vow\w*"
                          r"|promis\w*|believes?|confident)\b", re.IGNORECASE)
PROSPECT_WINDOW = 60  # characters before a verdict word searched for a prospect


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
