"""Content given as HTML that is no web page: another format's document, or text without markup.

An ``html`` field or an ``.html`` file read as a page whatever it holds would let a PDF or a
plain text pass as an article (QA pass 32: a PDF fragment scanned with quality 99). Markup is
what an HTML parser reads as such: a tag (``<`` then a letter, or ``</`` then one), a comment,
a doctype or a character reference (``&amp;``, ``&#8217;``); a bare ``<`` in prose ("a < b")
is none.
"""
from __future__ import annotations

import re

# what a document of another format opens with (a PDF holds "<<" and "</Type" too, so its
# signature is read before its markup)
_SIGNATURES = (("%PDF-", "a PDF document"), ("%!PS", "a PostScript document"),
               ("{\\rtf", "an RTF document"))
_MARKUP_RE = re.compile(r"<(?:/?[A-Za-z][^<>]*>|!--|!doctype\b|\?xml\b)"
                        r"|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);", re.IGNORECASE)
_LEADING_SPACE_RE = re.compile(r"\s*")  # before another format's signature
_NO_MARKUP = "no HTML markup (no tag, comment or character reference: plain text?)"


def not_a_page(html: str) -> str | None:
    """What ``html``, given as a page, holds instead of one: another format's document (by the
    signature it opens with: ``a PDF document, not HTML``), or :data:`_NO_MARKUP`; None for a
    page or a fragment with some markup, and for blank content (an empty document)."""
    start = _LEADING_SPACE_RE.match(html).end()  # (no copy of the page)
    for signature, document in _SIGNATURES:
        if html.startswith(signature, start):
            return f"{document}, not HTML"
    if not html or html.isspace() or _MARKUP_RE.search(html):
        return None
    return _NO_MARKUP
