"""Spin detection: collocation breaks left by synonym-swapping article spinners.

:func:`spin_probability` is the probability that a document's wording was machine rewritten,
:func:`spin_score` the ``scores.spin`` built on it (null, with the reason, where the model cannot
judge); rule SPN001 (:mod:`scanner.checks.spin`) reports the breaks themselves. Both
share one :class:`~scanner.spin.analysis.Analysis` per document through ``doc.cache``.
"""
from __future__ import annotations

from scanner.spin.analysis import analyse
from scanner.spin.language import is_english
from scanner.spin.model import classifier

__all__ = ["analyse", "classifier", "is_english", "spin_probability", "spin_score"]


CACHE_KEY = "spin.probability"
MIN_WORDS = 50  # below this there is too little text to judge (bench/spin_eval.py part e)
_NOT_ENGLISH = "not scored: the spin model is for English and the document language is {}"


def spin_probability(doc) -> float | None:
    """Probability (0-1) that ``doc`` was machine rewritten; None when it is not English
    (memoised in ``doc.cache``)."""
    if CACHE_KEY not in doc.cache:
        doc.cache[CACHE_KEY] = (classifier().probability(analyse(doc)) if is_english(doc)
                                else None)
    return doc.cache[CACHE_KEY]


def spin_score(doc) -> tuple[float | None, str | None]:
    """``scores.spin`` of ``doc`` and, when it is null, why: in another language (as the
    language detector says; a Japanese text has no spaces to count words by), too short, or
    not English by its function words."""
    if doc.language and doc.language != "en":
        return None, _NOT_ENGLISH.format(doc.language)
    words = len(doc.text.split(None, MIN_WORDS))  # counts up to MIN_WORDS + 1
    if words < MIN_WORDS:
        noun = "word" if words == 1 else "words"
        return None, (f"not scored: {words} {noun} is too little text to judge "
                      f"(the spin model needs {MIN_WORDS})")
    spin = spin_probability(doc)
    if spin is None:
        return None, _NOT_ENGLISH.format(doc.language or "unknown")
    return spin, None
