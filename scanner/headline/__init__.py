"""Headline checks: does the body support the headline, and is the headline clickbait?

:func:`assess` gives ``scores.headline`` — the body's stance toward the headline with the FNC-1
labels (agree, disagree, discuss, unrelated), its confidence, and the clickbait probability —
memoised in ``doc.cache`` so the rules in :mod:`scanner.checks.headline` and the score share it.
"""
from __future__ import annotations

from typing import Any

from scanner.headline import text as T
from scanner.headline.clickbait import clickbait_model
from scanner.headline.features import BODY_CHARS, Body, analyse_pair
from scanner.headline.model import LABELS, stance_model

__all__ = ["assess", "body_text", "evidence", "refuting_sentence"]

CACHE_KEY = "headline.assessment"
MIN_BODY_WORDS = 40  # shorter bodies get no stance


def body_text(doc) -> str:
    """The article body (its first ``BODY_CHARS``): the text after the headline line when the
    text holds it, else the whole text."""
    start = 0 if doc.title_span is None else doc.title_span.end
    return doc.text[start:start + BODY_CHARS]


def assess(doc) -> dict[str, Any] | None:
    """The ``scores.headline`` object of a titled document (None without a title)."""
    if not doc.title:
        return None
    if CACHE_KEY not in doc.cache:
        doc.cache[CACHE_KEY] = _assess(doc)
    return doc.cache[CACHE_KEY]


def _assess(doc) -> dict[str, Any]:
    title = doc.title
    result: dict[str, Any] = {"title": title, "stance": None, "confidence": None,
                              "clickbait": round(clickbait_model().probability(title), 4)}
    model = stance_model()
    body = Body(body_text(doc), model.lexicon)
    if len(body.words) < MIN_BODY_WORDS:
        result["note"] = "no stance: the body is empty or too short"
        return result
    if doc.language not in (None, "en"):
        result["note"] = f"no stance: the stance model is for English, not {doc.language}"
        return result
    pair = analyse_pair(title, body, model.lexicon)
    probabilities = model.probabilities(pair.features)
    best = int(probabilities.argmax())
    result.update(
        stance=LABELS[best],
        confidence=round(float(probabilities[best]), 4),
        probabilities={label: round(float(p), 4) for label, p in zip(LABELS, probabilities)},
        overlap=round(pair.overlap, 3),
    )
    doc.cache[CACHE_KEY + ".evidence"] = pair  # not the Body: a batch holds many documents
    return result


def evidence(doc):
    """The PairAnalysis behind the stance of ``doc`` (None when it has no stance)."""
    assess(doc)
    return doc.cache.get(CACHE_KEY + ".evidence")


def body_sentences(doc) -> list[str]:
    """The sentences of :func:`body_text`, split once per document (memoised in ``doc.cache``)."""
    key = CACHE_KEY + ".sentences"
    if key not in doc.cache:
        doc.cache[key] = T.sentences(body_text(doc))
    return doc.cache[key]


def refuting_sentence(doc, key: list[str], candidates: int = 2) -> str | None:
    """Among the ``candidates`` body sentences holding most of the headline's key terms, the
    first that refutes outright (hoax, fake, denied, ...), or None."""
    wanted = set(key)
    sentences = [(s, T.tokens(s)) for s in body_sentences(doc)]
    sentences.sort(key=lambda st: len(wanted.intersection(st[1])), reverse=True)
    for sentence, words in sentences[:candidates]:
        if not T.STRONG_REFUTE_WORDS.isdisjoint(words):
            return sentence
    return None
