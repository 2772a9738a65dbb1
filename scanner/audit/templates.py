"""The audit's site-template pass (``--site-templates``), run before the records are scanned.

It reads every input record once more, counts on how many pages of its site each line occurs
(:func:`~scanner.boilerplate.site_lines.count_templates`) and then hands every record its
site's template, which rule BPL012 reads. Counting all inputs, including those a resumed run
skips, gives a resumed run the same templates as an uninterrupted one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from scanner.boilerplate.site_lines import SiteTemplate, page_hashes
from scanner.checks.site_template import TEMPLATE_KEY
from scanner.io.records import InputRecord, source_group


def site_pages(records: Iterable[InputRecord]) -> Iterator[tuple[str, set[int]]]:
    """``(site, line hashes)`` of every readable record, its lines as the scanner reads them
    (an HTML page's visible lines)."""
    from scanner.html_text import html_to_lines

    for record in records:
        if record.error is not None:
            continue
        text = record.text if record.text is not None else html_to_lines(
            record.html or "", extract=False)[0]
        yield source_group(record.source, record.id), page_hashes(text.split("\n"))


def with_templates(records: Iterable[InputRecord],
                   templates: dict[str, SiteTemplate]) -> Iterator[InputRecord]:
    """The records, each readable one carrying its site's template (if the site has one)."""
    for record in records:
        if record.error is None:
            template = templates.get(source_group(record.source, record.id))
            if template is not None:
                record.metadata[TEMPLATE_KEY] = template
        yield record
