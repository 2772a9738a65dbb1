"""Match results: who beat whom, in a headline and in a body.

A result has two sides, each the words of a name (a run of capitalised words: "Harbour City",
"Northgate Rovers"), and is read from a score line ("Harbour City 3-1 Northgate Rovers": the
side with more wins; a draw is no result), a verb of winning with the loser after it ("beat",
"defeated", "thrashed", "saw off", ...), one of losing with the winner after it ("lost to",
"were beaten 3-1 by"), or a side's win or defeat ("Harbour City's 3-1 win over Northgate
Rovers", "Rovers' defeat to City"). A verb's other side is the name right before it in a
headline, and the nearest name before it in a body sentence ("Harbour City came from behind to
beat Northgate Rovers"). A headline's result is reversed when a lead sentence reports the
result with the sides swapped (as played: not hoped for, "Rovers need to beat City", nor an
earlier meeting recalled, "avenged", "in August") and no body sentence reports the headline's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.dates import MONTH
from scanner.headline import text as T

# a capitalised word (an apostrophe only inside a name, "O'Neill": "City's" is "City" and 's)
_WORD = r"[A-ZÀ-Þ](?:[\w.&-]|['’](?=[A-Z]))*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|&))*"
_SCORE = r"\d{1,3}\s?[-–]\s?\d{1,3}"
# "beat 10-man Rovers", "beat Rovers 3-1": the loser right after the verb
_WIN_VERB = (r"beat|beats|defeat(?:s|ed)?|thrash(?:es|ed)?|hammer(?:s|ed)?|rout(?:s|ed)?"
             r"|crush(?:es|ed)?|overc[ao]me|overcomes|s(?:ee|ees|aw)\s+off"
             r"|edg(?:e|es|ed)\s+(?:past|out)")
_LOSE_VERB = (r"(?:beaten|defeated|thrashed|hammered|routed|crushed|edged\s+out|seen\s+off)"
              rf"(?:\s+{_SCORE})?\s+by|los[et]s?(?:\s+{_SCORE})?\s+to")
# the verbs case-blind ("Rovers Beat City"), the names capitalised
RESULT_RE = re.compile(
    rf"(?P<a>{_NAME})\s+(?P<x>\d{{1,3}})\s?[-–]\s?(?P<y>\d{{1,3}})\s+(?P<b>{_NAME})"
    rf"|(?P<own>{_NAME})['’]s?\s+(?:{_SCORE}\s+)?(?:\w+\s+)?"
    r"(?i:(?P<won>win|victory|triumph)\s+(?:over|against|at)"
    r"|(?:defeat|loss)\s+(?:to|by|against|at))"
    rf"\s+(?P<other>{_NAME})"
    rf"|\b(?i:(?P<beat>{_WIN_VERB})|{_LOSE_VERB})\s+(?:\d+-man\s+)?(?P<after>{_NAME})"
)
_NAME_RE = re.compile(_NAME)
# a word any result is worded with: a cheap first search of a text
CUE = rf"{_WIN_VERB}|beaten|defeated|los[et]s?|win|victory|triumph|\d+\s?[-–]\s?\d+"
_CUE_RE = re.compile(rf"\b(?:{CUE})\b", re.IGNORECASE)
# a prospect (T.PROSPECTS: "could lose to") or a need before a verb of winning: "need to beat",
# "must win"
_PROSPECT_RE = re.compile(rf"\b(?:{T.PROSPECTS}|need\w*|must|hoped|aim\w*|try|want\w*|expect\w*)\b",
                          re.IGNORECASE)
_PROSPECT_WINDOW = 40  # characters before a verb searched for a prospect
# a sentence that recalls an earlier meeting: "avenged their cup defeat", "beaten 2-0 by Rovers in
# August, City ..."
_EARLIER_RE = re.compile(r"\b(?:aveng\w*|revenge|reverse\s+fixture|previous\s+meeting"
                         r"|last\s+(?:season|year|month|week|time|meeting)"
                         rf"|(?:in|since)\s+(?-i:{MONTH}))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Result:
    """A match result: the name words (lower case, no stop words) of the winner and the loser,
    and its wording in the text (a verb's other side may stand before it)."""

    winner: frozenset[str]
    loser: frozenset[str]
    match: re.Match[str]


def _side(name: str) -> frozenset[str]:
    """The words of a side's ``name``: lower case, no stop words."""
    return frozenset(T.content(T.tokens(name)))


def results(text: str, headline: bool = False) -> list[Result]:
    """The results ``text`` reports. A verb's other side is the name that ends right before it
    in a ``headline``, else the nearest name before it in ``text``."""
    if _CUE_RE.search(text) is None:
        return []  # one search for a result's words first: most texts have none
    found = []
    for m in RESULT_RE.finditer(text):
        if m.group("a"):
            x, y = int(m.group("x")), int(m.group("y"))
            if x != y:
                a, b = _side(m.group("a")), _side(m.group("b"))
                found.append(Result(a, b, m) if x > y else Result(b, a, m))
            continue
        if m.group("own"):
            own, other = _side(m.group("own")), _side(m.group("other"))
            found.append(Result(own, other, m) if m.group("won") else Result(other, own, m))
            continue
        before = _name_before(text[:m.start()].rstrip(), headline)
        if before:
            after = _side(m.group("after"))
            found.append(Result(before, after, m) if m.group("beat") else Result(after, before, m))
    return [r for r in found if r.winner and r.loser and not _same_side(r.winner, r.loser)]


def _name_before(text: str, adjacent: bool) -> frozenset[str]:
    """The words of the last name in ``text``; with ``adjacent``, only one that ends it."""
    names = list(_NAME_RE.finditer(text))
    if not names or (adjacent and names[-1].end() != len(text)):
        return frozenset()
    return _side(names[-1].group())


def _same_side(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names are one side: the words of one are among the other's ("Rovers",
    "Northgate Rovers")."""
    return a <= b or b <= a


def _reported(sentence: str, result: Result) -> bool:
    """Whether ``sentence`` reports ``result`` as the match played: not hoped for or in
    prospect, and no earlier meeting recalled (:data:`_EARLIER_RE`)."""
    start = result.match.start()
    return (_PROSPECT_RE.search(sentence, max(0, start - _PROSPECT_WINDOW), start) is None
            and _EARLIER_RE.search(sentence) is None)


def reversed_result(stated: Result, body_sentences: list[str], lead: int) -> str | None:
    """The first of the ``lead`` body sentences that reports ``stated`` with winner and loser
    swapped (each side that one only), unless a body sentence reports it as stated."""
    def swapped(r: Result) -> bool:
        return (_same_side(r.winner, stated.loser) and not _same_side(r.winner, stated.winner)
                and _same_side(r.loser, stated.winner) and not _same_side(r.loser, stated.loser))

    def same(r: Result) -> bool:
        return _same_side(r.winner, stated.winner) and _same_side(r.loser, stated.loser)

    found = [results(s) for s in body_sentences]
    if any(same(r) for in_sentence in found for r in in_sentence):
        return None
    return next((s for s, in_sentence in zip(body_sentences[:lead], found)
                 if any(swapped(r) and _reported(s, r) for r in in_sentence)), None)
