"""BPL012: lines a site repeats on many of its pages (its template), found across a feed.

The counting lives in :mod:`scanner.boilerplate.site_lines`; ``spinscan audit
--site-templates`` counts a whole feed in a first pass and hands each record its site's
template (``metadata["site_template"]``). This module gives the rule a place in the registry
and flags the lines, in a feed or in a small set of documents (:meth:`check_corpus`).
"""
from __future__ import annotations

from collections.abc import Iterator

from scanner.boilerplate.features import is_prose
from scanner.boilerplate.site_lines import (
    MIN_PAGES,
    MIN_SHARE,
    SiteTemplate,
    count_templates,
    line_hash,
    page_hashes,
)
from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.io.records import source_group
from scanner.rule import CorpusRule, flag, line_findings, ok

TEMPLATE_KEY = "site_template"  # Document.metadata key of the page's SiteTemplate
STORY_LINES = 3  # this many shared long prose lines on a page: copies of one story, not a template
LONG_PROSE_WORDS = 20  # a prose line this long is story text, not a label

_FOOTER = "About us\nContact\nPrivacy policy\n© 2019 Riverside Gazette. All rights reserved."
_MENU = "Home\nLocal news\nSport\nWhat's on"


def _page(headline: str, body: str) -> str:
    return f"{_MENU}\n{headline}\n\n{body}\n\n{_FOOTER}"


class SiteTemplateLine(CorpusRule):
    id = "BPL012"
    name = "site-template-line"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    summary = "A line its site repeats on many pages: menu, footer or widget (audit --site-templates)."
    docs = f"""
Needs a feed, not one article: `spinscan audit --site-templates` first counts, for every site
(the host of a record's URL, else its file or directory), on how many distinct pages each line
occurs (spacing, case and digits ignored; exact duplicate pages count once). A line on at least
{MIN_PAGES} pages and {MIN_SHARE:.0%} of its site's pages is part of the site's template (menu, footer, share bar,
newsletter prompt, author bio) and is flagged on every page that carries it, except between
the page's first and last lines of its own prose (10+ words ending a sentence):
labels such as "Pros" or "Price" recur on a site's pages but belong to its articles. A page
that shares {STORY_LINES} or more long prose lines ({LONG_PROSE_WORDS}+ words) with others is a copy or an update of
one story: on it, only lines on more pages than the story's own lines are flagged (the menu,
not the story's headline). `spinscan scan` does not run it.
"""
    runs_on = "document"  # reads the template the audit's first pass put in the metadata
    examples = [
        flag(_page("Council approves new library budget",
                   "The council approved a larger budget for the town's libraries on Monday.")),
        flag(_page("Flood barrier to be finished by spring",
                   "Work on the river flood barrier will end in April, engineers said.")),
        flag(_page("Local school wins robotics prize",
                   "Pupils from Hill Street school won the regional robotics final.")),
        ok("Markets rally as inflation slows\n\nShares rose in early trading after figures showed "
           "inflation slowing for a third month."),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        template = doc.metadata.get(TEMPLATE_KEY)
        if template is not None:
            yield from self.template_findings(doc, template)

    def template_findings(self, doc: Document, template: SiteTemplate) -> Iterator[Finding]:
        """Findings on the lines of ``doc`` that are in ``template`` (one per run of lines)."""
        repeats = {i: template.lines.get(line_hash(span.text)) for i, span in doc.nonblank_lines}
        flagged = {i: n for i, n in repeats.items() if n is not None}
        prose = {i for i, span in doc.nonblank_lines if is_prose(span.text.strip())}
        story = [n for i, n in flagged.items()
                 if i in prose and len(doc.lines[i].text.split()) >= LONG_PROSE_WORDS]
        if len(story) >= STORY_LINES:  # a copy of a story: keep lines more widespread than it
            flagged = {i: n for i, n in flagged.items() if n > max(story)}
        prose = sorted(prose.difference(flagged))
        if prose:  # the article's own labels ("Pros", "Price") between its paragraphs stay
            flagged = {i: n for i, n in flagged.items() if not prose[0] < i < prose[-1]}
        if not flagged:
            return
        message = (f"Part of the site template of {template.site}: repeated on at least "
                   f"{min(flagged.values())} of its {template.pages} pages.")
        yield from line_findings(self, doc, flagged, message,
                                 suggestion="Delete the line: the site prints it on every page.",
                                 data={"site_pages": template.pages})

    def check_corpus(self, docs: list[Document]) -> dict[str, list[Finding]]:
        """Findings by document id over ``docs``, their sites' templates counted from them."""
        sites = [source_group(doc.source, doc.id) for doc in docs]
        templates = corpus_templates(docs, sites)
        found = {}
        for doc, site in zip(docs, sites):
            if site in templates:
                findings = list(self.template_findings(doc, templates[site]))
                if findings:
                    found[doc.id] = findings
        return found


def corpus_templates(docs: list[Document], sites: list[str],
                     min_pages: int = MIN_PAGES) -> dict[str, SiteTemplate]:
    """The templates of the sites, counted from the lines of ``docs`` (``sites[k]`` is the
    site of ``docs[k]``)."""
    return count_templates(((site, page_hashes(span.text for span in doc.lines))
                            for doc, site in zip(docs, sites)), min_pages)


RULES = [SiteTemplateLine]
