"""Reversed outcome: a headline that states the opposite of what the body reports.

"Former manager acquitted of all fraud charges" over a story whose lead says he was sentenced
to 15 years; "Nvidia shares soar" over "its shares fell 3.1 %"; "Mumbai schools reopen" over
"schools ... would remain closed". Each outcome has an opposite (:data:`OUTCOMES`). A verdict
is about the headline's person: the outcome is reversed when a lead sentence that shares a
key word with the headline reports the opposite verdict and no sentence of the body reports
the headline's. A movement or an opening is about a subject, the word before the headline's
verb ("shares", "schools"): reversed when a lead sentence puts the opposite within
:data:`SUBJECT_WINDOW` words after the subject and no sentence of the body puts the
headline's own family there. Pleas ("pleads not guilty") and questions are no verdicts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.headline import text as T

LEAD_SENTENCES = 6  # the opposite must be reported this early: the story's own outcome
SUBJECT_WINDOW = 8  # words after the subject in which its movement is reported

_RISE = (r"soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|ris(?:e|es|ing)|rose|risen"
         r"|climb(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|rocket(?:s|ed|ing)?|leap(?:s|t|ed|ing)?"
         r"|gain(?:s|ed|ing)?")
_FALL = (r"fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)"
         r"|slid(?:e|es|ing)?|sink(?:s|ing)?|sank|tumbl(?:e|es|ed|ing)|dip(?:s|ped|ping)?"
         r"|declin(?:e|es|ed|ing)|crash(?:es|ed|ing)?|slip(?:s|ped|ping)?")
_CLOSED = r"(?:remain|remains|remained|stay|stays|stayed|kept|be|are|were|was|is)\s+(?:shut|closed)|closed|shut"
_OPEN = r"reopen(?:s|ed|ing)?|(?:remain|remains|stay|stays|be|are|were)\s+open"
_ACQUITTED = r"acquit(?:s|ted|tal)?|cleared\s+of|(?:found|was|were)\s+not\s+guilty|verdict\s+of\s+not\s+guilty"
_CONVICTED = (r"convicted|found\s+guilty|sentenced|jailed|imprisoned"
              r"|(?:years?|months?)\s+in\s+(?:prison|jail)")


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
    _outcome("acquittal", r"acquit(?:s|ted)?|cleared|not\s+guilty", _ACQUITTED, _CONVICTED, False),
    _outcome("conviction", r"convicted|found\s+guilty|jailed|sentenced|imprisoned", _CONVICTED,
             _ACQUITTED, False),
    # "fall back", "bounce back": a return from the opposite, which the lead may report
    _outcome("rise", rf"(?:{_RISE})(?!\s+back)", rf"{_RISE}|up|higher", rf"{_FALL}|down|lower|lost",
             True),
    _outcome("fall", rf"(?:{_FALL})(?!\s+back)", rf"{_FALL}|down|lower|lost", rf"{_RISE}|up|higher",
             True),
    _outcome("reopening", r"reopen(?:s|ed|ing)?", _OPEN, _CLOSED, True),
)
# what rises and falls in a news headline
_QUANTITIES = frozenset(
    "shares share stocks stock prices price markets market index indices pound sterling dollar "
    "euro yen yuan rupee rand naira peso franc oil gold silver copper bitcoin crypto profits "
    "profit sales revenue revenues earnings rates rate inflation unemployment jobless exports "
    "imports output growth gdp ftse dow nasdaq nikkei sensex hang seng asx bonds bond yields "
    "costs cost fares rents rent wages pay numbers figures cases deaths infections admissions "
    "temperatures values value valuation ratings turnout".split())
_PLEA_RE = re.compile(r"\bplead(?:s|ed|ing)?\b|\bpled\b|\?", re.IGNORECASE)


@dataclass(frozen=True)
class Reversal:
    """A headline outcome the body reverses: the outcome's name, the headline's word, and the
    body sentence that reports the opposite."""

    outcome: str
    word: str
    sentence: str


def reversed_outcome(headline: str, body: str) -> Reversal | None:
    """The first headline outcome that the body's lead reports the opposite of (and the body
    nowhere reports as the headline does), or None. The body is cut into sentences only when
    the headline states an outcome (few do)."""
    if _PLEA_RE.search(headline):
        return None
    stated = [(outcome, match) for outcome in OUTCOMES
              if (match := outcome.headline.search(headline)) is not None]
    if not stated:
        return None
    body_sentences = T.sentences(body)
    for outcome, match in stated:
        if outcome.anchored:
            subject = subject_of(outcome, headline, match.start())
            if subject is None:
                continue
            found = _anchored(outcome, subject, body_sentences)
        else:
            found = _about_headline(outcome, headline, body_sentences)
        if found is not None:
            return Reversal(outcome.name, match.group(), found)
    return None


def subject_of(outcome: Outcome, headline: str, at: int) -> str | None:
    """The content word right before the headline's outcome verb ("shares" in "Nvidia shares
    soar"), or None; a movement's must be a quantity (:data:`_QUANTITIES`): "Chancellor rallies
    voters" and "weapons drop" report no movement."""
    before = T.tokens(headline[:at])
    if not before or before[-1] in T.STOP_WORDS:
        return None
    if outcome.name in ("rise", "fall") and before[-1] not in _QUANTITIES:
        return None
    return before[-1]


def _anchored(outcome: Outcome, subject: str, body_sentences: list[str]) -> str | None:
    """A lead sentence that puts the opposite after ``subject``, unless some sentence puts the
    headline's own outcome there."""
    after = re.compile(rf"\b{re.escape(subject)}\b((?:\W+\w+){{1,{SUBJECT_WINDOW}}})", re.IGNORECASE)

    def reports(pattern: re.Pattern[str], sentence: str) -> bool:
        return any(pattern.search(m.group(1)) for m in after.finditer(sentence))

    if any(reports(outcome.same, s) for s in body_sentences):
        return None
    return next((s for s in body_sentences[:LEAD_SENTENCES] if reports(outcome.opposite, s)), None)


def _about_headline(outcome: Outcome, headline: str, body_sentences: list[str]) -> str | None:
    """A lead sentence sharing a key word with the headline that reports the opposite, unless
    the body reports the headline's outcome anywhere."""
    if any(outcome.same.search(s) for s in body_sentences):
        return None
    key = {T.stem(w) for w in T.content(T.tokens(headline))}
    for sentence in body_sentences[:LEAD_SENTENCES]:
        if outcome.opposite.search(sentence) and key & {T.stem(w) for w in T.tokens(sentence)}:
            return sentence
    return None
