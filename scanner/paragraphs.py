"""The units the line-level detectors judge: a line each, as a scraper prints a page (one block
element a line), or a paragraph each where the writer's paragraphs run over several lines:
Markdown (:mod:`scanner.markdown_blocks`) and hard-wrapped plain text (:mod:`scanner.wrapping`).
"""
from __future__ import annotations

from scanner.document import Document
from scanner.markdown_blocks import markdown_blocks
from scanner.wrapping import wrapped_paragraphs

CACHE_KEY = "paragraphs"


def paragraph_units(doc: Document) -> tuple[list[range], list[str]] | None:
    """``doc``'s non-blank lines grouped into paragraphs (ranges of positions in
    ``doc.nonblank_lines``) with each paragraph's visible text, or None when every line is a
    unit of its own (HTML input always: its reader prints a block element a line). Cached."""
    if CACHE_KEY not in doc.cache:
        doc.cache[CACHE_KEY] = _units(doc)
    return doc.cache[CACHE_KEY]


def _units(doc: Document) -> tuple[list[range], list[str]] | None:
    if doc.metadata.get("main_text") is not None:
        return None
    indices = [i for i, _ in doc.nonblank_lines]
    if doc.metadata.get("format") == "markdown":
        return markdown_blocks(doc.text, indices, doc.stripped_lines)
    return wrapped_paragraphs(indices, doc.stripped_lines)
