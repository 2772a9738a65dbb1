"""Spin detection: collocation breaks left by synonym-swapping article spinners.

:func:`spin_probability` gives ``scores.spin``, the probability that a document's wording was
machine rewritten; rule SPN001 (:mod:`scanner.checks.spin`) reports the breaks themselves. Both
share one :class:`~scanner.spin.analysis.Analysis` per document through ``doc.cache``.
"""
from __future__ import annotations

from scanner.spin.analysis import analyse
from scanner.spin.language import is_english
from scanner.spin.model import classifier

__all__ = ["analyse", "classifier", "is_english", "spin_probability"]


CACHE_KEY = "spin.probability"


def spin_probability(doc) -> float | None:
    """Probability (0-1) that ``doc`` was machine rewritten; None when it is not English
    (memoised in ``doc.cache``)."""
    if CACHE_KEY not in doc.cache:
        doc.cache[CACHE_KEY] = (classifier().probability(analyse(doc)) if is_english(doc)
                                else None)
    return doc.cache[CACHE_KEY]
