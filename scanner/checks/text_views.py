"""Lowercased views of a document's text that several quality rules share, memoised in
``doc.cache``: built once per document by whichever rule asks first."""
from __future__ import annotations

from scanner.document import Document

LOWER_KEY = "text.lower"
TOKENS_KEY = "text.lower_tokens"


def lower_text(doc: Document) -> str:
    """The document's text, lowercased."""
    lowered = doc.cache.get(LOWER_KEY)
    if lowered is None:
        lowered = doc.cache[LOWER_KEY] = doc.text.lower()
    return lowered


def lower_tokens(doc: Document) -> list[str]:
    """The document's white-space separated tokens, lowercased (as many as ``text.split()``:
    lowercasing neither makes nor removes white space)."""
    tokens = doc.cache.get(TOKENS_KEY)
    if tokens is None:
        tokens = doc.cache[TOKENS_KEY] = lower_text(doc).split()
    return tokens
