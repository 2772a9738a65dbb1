"""Read an HTML page as a naive scraper would, plus trafilatura's view of its main text.

:func:`html_to_lines` returns the whole visible text of the page with one block element per line
(what the boilerplate rules score), trafilatura's extracted main text (evidence: lines absent
from it are likely boilerplate) and the page title.
"""
from __future__ import annotations

import html
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
                   "canvas", "select", "option", "input", "textarea", "map"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "label",
})
_SPACE_RE = re.compile(r"[\s\u200b]+")
_BREAK = "\x00"
_DEEP_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# The tag-soup reading of a page nested past libxml2's hard limit (see _tag_soup_text)
_SKIPPED_NAMES = "|".join(sorted(_SKIP - {"input", "option"}))  # elements with an end tag
_SKIPPED_ELEMENT_RE = re.compile(rf"<!--.*?-->|<({_SKIPPED_NAMES})\b.*?</\1\s*>",
                                 re.IGNORECASE | re.DOTALL)
_BLOCK_TAG_RE = re.compile(rf"</?(?:{'|'.join(sorted(_BLOCK))})\b[^>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")


def html_to_lines(page: str, extract: bool = True) -> tuple[str, str | None, str | None]:
    """(visible text one block element per line, trafilatura main text or None, title or None).

    The page is parsed once, by trafilatura's loader, and the same tree is read for the visible
    lines and then handed to trafilatura's extraction (which prunes it, so it goes last). A
    fragment or plain text that the loader rejects is read by lxml, without extraction; so is
    every page when ``extract`` is false (the main text is then None). A page whose tree came
    out empty is parsed again without libxml2's nesting limit of 256 elements (sites do nest
    that deep), up to its hard limit of 2,048; past that, it is read as tag soup
    (:func:`_tag_soup_text`), without extraction.
    """
    root = trafilatura.load_html(page) if page.strip() else None
    extractable = root is not None
    if root is None:
        root = _fragment_tree(page)
        if root is None:
            return "", None, None
    text = _text(root)
    if not text:
        deep = _fragment_tree(page, _DEEP_PARSER)
        if deep is not None and (deep_text := _text(deep)):
            root, text = deep, deep_text
        elif text := _tag_soup_text(page):
            extractable = False  # trafilatura's tree lost the text too
    title = _title(root)
    main_text = (trafilatura.extract(root) or None) if extractable and extract else None
    return text, main_text, title


def _tag_soup_text(page: str) -> str:
    """The visible lines of a page that no parser here can nest (deeper than libxml2's 2,048
    elements: thousands of unclosed ``<font>`` tags): comments and the elements whose text
    is not shown are dropped, block tags end a line, other tags are removed. Unlike the tree
    walk it does not see ``hidden`` attributes."""
    text = _TAG_RE.sub("", _BLOCK_TAG_RE.sub(_BREAK, _SKIPPED_ELEMENT_RE.sub(" ", page)))
    lines = (_SPACE_RE.sub(" ", html.unescape(line)).strip() for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


def _fragment_tree(page: str, parser: etree.HTMLParser | None = None):
    try:
        return lxml_html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _text(root) -> str:
    """The visible lines of a tree, one per line."""
    return "\n".join(_visible_lines(root))


def _visible_lines(root) -> list[str]:
    """The visible text of a tree, one block element per line (lxml's iterative walk: a page
    may nest deeper than Python's recursion limit)."""
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    hidden = None  # the element whose subtree is being skipped (its "end" still comes)
    for event, element in walker:
        if event == "start":
            if _hidden(element):
                walker.skip_subtree()
                hidden = element
                continue
            if element.tag in _BLOCK:
                parts.append(_BREAK)
            if element.text:
                parts.append(element.text)
            continue
        if event == "end":
            if element is hidden:
                hidden = None
            elif element.tag in _BLOCK:
                parts.append(_BREAK)
        if element.tail and element is not root:  # also a hidden element's or a comment's
            parts.append(element.tail)
    # source line breaks inside a block are spaces; only block boundaries break lines
    lines = (_SPACE_RE.sub(" ", line).strip() for line in "".join(parts).split(_BREAK))
    return [line for line in lines if line]


def _hidden(element) -> bool:
    return (element.tag in _SKIP or element.get("hidden") is not None
            or element.get("aria-hidden") == "true")


def _title(root) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', "//title/text()", "//h1//text()"):
        found = [" ".join(v.split()) for v in root.xpath(xpath) if v.strip()]
        if found:
            return found[0]
    return None
