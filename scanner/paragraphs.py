"""The units the line-level detectors judge: a line each, as a scraper prints a page (one block
element a line), or a paragraph each where the writer's paragraphs run over several lines:
Markdown (:mod:`scanner.markdown_blocks`) and hard-wrapped plain text (:mod:`scanner.wrapping`).
A line whose wording says it is page furniture (a cue of :mod:`scanner.boilerplate.patterns`:
"Leave a Reply", a cookie banner, "Related stories") and is whole (not the last word of a
wrapped sentence, "culture.") stays a unit of its own, so no paragraph mixes article text and
furniture.
"""
from __future__ import annotations

from scanner.boilerplate.patterns import line_cues
from scanner.document import HTML_KEY, Document, Span
from scanner.markdown_blocks import markdown_blocks
from scanner.wrapping import ends_sentence, wrapped_paragraphs

CACHE_KEY = "paragraphs"
_HEADINGS_KEY = "paragraphs.headings"
_TABLES_KEY = "paragraphs.tables"


def paragraph_units(doc: Document) -> tuple[list[range], list[str]] | None:
    """``doc``'s non-blank lines grouped into paragraphs (ranges of positions in
    ``doc.nonblank_lines``) with each paragraph's visible text, or None when every line is a
    unit of its own (HTML input always: its reader prints a block element a line). Cached."""
    if CACHE_KEY not in doc.cache:
        doc.cache[CACHE_KEY] = _units(doc)
    return doc.cache[CACHE_KEY]


def heading_levels(doc: Document) -> dict[range, int]:
    """The level (1-6) of each unit of a Markdown ``doc`` that is a heading, by its range
    (:func:`scanner.markdown_blocks.markdown_blocks`, found with the units); empty for any
    other text."""
    paragraph_units(doc)
    return doc.cache.get(_HEADINGS_KEY, {})


def table_lines(doc: Document) -> list[range]:
    """The line numbers of each table of a Markdown ``doc``
    (:func:`scanner.markdown_blocks.markdown_blocks`, found with the units); empty for any
    other text."""
    paragraph_units(doc)
    return doc.cache.get(_TABLES_KEY, [])


def unit_spans(doc: Document, ranges: list[range]) -> list[Span]:
    """The text spans of units given as ranges of positions in ``doc.nonblank_lines``."""
    lines = doc.nonblank_lines
    spans = []
    for unit in ranges:
        start, end = lines[unit.start][1].start, lines[unit.stop - 1][1].end
        spans.append(Span(start, end, doc.text[start:end]))
    return spans


def _units(doc: Document) -> tuple[list[range], list[str]] | None:
    if doc.metadata.get(HTML_KEY):
        return None
    indices, lines = [i for i, _ in doc.nonblank_lines], doc.stripped_lines
    if doc.metadata.get("format") == "markdown":  # (its headings and tables cached on the way)
        ranges, texts, doc.cache[_HEADINGS_KEY], doc.cache[_TABLES_KEY] = markdown_blocks(
            doc.text, indices, lines)
        return _cue_lines_apart(ranges, texts, lines)
    units = wrapped_paragraphs(indices, lines)
    return None if units is None else _cue_lines_apart(*units, lines)


def _stands_alone(lines: list[str], k: int, unit: range) -> bool:
    """Whether line ``k`` of ``unit`` is whole, not a piece of a sentence ("culture." ending a
    wrapped sentence): the line before it ends a sentence, and the line after it does not go on
    in lowercase."""
    return ((k == unit.start or ends_sentence(lines[k - 1]))
            and (k == unit.stop - 1 or not lines[k + 1][0].islower()))


def _cue_lines_apart(ranges: list[range], texts: list[str], lines: list[str]
                     ) -> tuple[list[range], list[str]]:
    """The units with every line that has a boilerplate cue split off as a unit of its own
    (the rest of its unit keeps its lines, joined)."""
    alone = [k for unit in ranges if len(unit) > 1 for k in unit if _stands_alone(lines, k, unit)]
    cued = {k for k, cue in zip(alone, line_cues([lines[k] for k in alone])) if cue}
    if not cued:
        return ranges, texts
    new_ranges: list[range] = []
    new_texts: list[str] = []
    for unit, text in zip(ranges, texts):
        if cued.isdisjoint(unit):
            new_ranges.append(unit)
            new_texts.append(text)
            continue
        start = unit.start
        for k in [*unit, unit.stop]:
            if k == unit.stop or k in cued:
                if start < k:
                    new_ranges.append(range(start, k))
                    new_texts.append(" ".join(lines[start:k]))
                if k in cued:
                    new_ranges.append(range(k, k + 1))
                    new_texts.append(lines[k])
                start = k + 1
    return new_ranges, new_texts
