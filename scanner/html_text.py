"""Read an HTML page as a naive scraper would, plus trafilatura's view of its main text.

:func:`html_to_lines` returns the whole visible text of the page with one block element per line
(what the boilerplate rules score), trafilatura's extracted main text (evidence: lines absent
from it are likely boilerplate) and the page title.
"""
from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from scanner.keywords import key_words
from scanner.title import MAX_TITLE_CHARS

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
                   "canvas", "select", "option", "input", "textarea", "map"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "label",
})
_SPACE_RE = re.compile(r"[\s\u200b]+")
_SITE_SEPARATORS = "|–—»·:-"  # (the hyphen last: a character class's literal)
_SITE_SEPARATOR_RE = re.compile(rf"\s+[{_SITE_SEPARATORS}]\s+")  # "Headline | Site", "Site - Headline"
# and where a site's name may end or start in a named title: also "Site: Headline" (Blogger)
_TITLE_SEPARATOR_RE = re.compile(rf"\s+[•{_SITE_SEPARATORS}]\s+|:\s+")
_BREAK = "\x00"
# Links and buttons set side by side with no space between them in the source ("<button>Accept
# all</button><button>Reject</button>", a menu's "<a>Home</a><a>News</a>") show as separate
# words: their edges are a word boundary where the text on both sides would otherwise glue
# ("Accept allReject"), and nothing where a space or a punctuation mark is there already
# ("see <a>here</a>.").
_WORD_EDGE = "\x01"
_WORD_EDGE_TAGS = frozenset({"a", "button"})
_GLUED_EDGE_RE = re.compile(rf"(?<=\w){_WORD_EDGE}+(?=\w)")
_DEEP_PARSER = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# libxml2 stops building a tree at this nesting depth (the open elements then end the tree)
_DEFAULT_DEPTH, _HARD_DEPTH = 255, 2047


def html_to_lines(page: str, extract: bool = True) -> tuple[str, str | None, str | None]:
    """(visible text one block element per line, trafilatura main text or None, title or None).

    The page is parsed once, by trafilatura's loader, and the same tree is read for the visible
    lines and then handed to trafilatura's extraction (which prunes it, so it goes last). A
    fragment or plain text that the loader rejects is read by lxml, without extraction; so is
    every page when ``extract`` is false (the main text is then None). A page whose tree was
    cut at libxml2's nesting limit of 256 elements (sites do nest that deep) is parsed again
    without it, up to its hard limit of 2,048; a page cut there too has its lines read from
    the parser's events (:func:`_streamed_text`), which no depth limits, without extraction.
    """
    root = trafilatura.load_html(page) if page.strip() else None
    extractable = root is not None
    if root is None:
        root = _fragment_tree(page)
        if root is None:
            return "", None, None
    if _cut_at(root, _DEFAULT_DEPTH) and (deep := _fragment_tree(page, _DEEP_PARSER)) is not None:
        root = deep
    if _cut_at(root, _HARD_DEPTH):
        text, extractable = _streamed_text(page), False  # the tree lost part of the page
    else:
        text = _text(root)
    title = _title(root, text)
    main_text = (trafilatura.extract(root) or None) if extractable and extract else None
    return text, main_text, title


def appended_comments(page: str) -> tuple[str, str]:
    """(trafilatura's article text, the comment threads its default extraction appends after
    it: ``include_comments=True``'s text past ``include_comments=False``'s, or "" when the two
    part otherwise). What the comment-thread figures score and the comment-line model learns
    from."""
    article = trafilatura.extract(page, include_comments=False) or ""
    whole = trafilatura.extract(page, include_comments=True) or ""
    return article, whole[len(article):] if whole.startswith(article) else ""


def _cut_at(root, depth: int) -> bool:
    """Whether libxml2 stopped building ``root`` at its nesting limit ``depth``: the elements
    still open then, the chain of last children, reach that depth."""
    for _ in range(depth):
        if not len(root):
            return False
        root = root[-1]
    return True


class _VisibleTextTarget:
    """An lxml parser target collecting the visible text of a page as :func:`_visible_lines`
    does, from the parser's events: no tree is built, so no nesting depth limits it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.hidden = 0  # open elements inside (and including) a hidden one
        self.pre = 0  # open pre elements

    def start(self, tag: str, attrib) -> None:
        if self.hidden or _hidden(tag, attrib):
            self.hidden += 1
        else:
            self.parts.append(_edge(tag))
            self.pre += tag == "pre"

    def end(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1
        else:
            self.parts.append(_edge(tag))
            self.pre -= tag == "pre"

    def data(self, text: str) -> None:
        if not self.hidden:
            self.parts.append(_preformatted(text) if self.pre else text)

    def close(self) -> list[str]:
        return _lines(self.parts)


def _streamed_text(page: str) -> str:
    """The visible lines of a page read from the parser's events (a page nested deeper than
    libxml2 builds trees: thousands of unclosed ``<font>`` tags)."""
    parser = etree.HTMLParser(target=_VisibleTextTarget(), huge_tree=True, remove_comments=True,
                              remove_pis=True)
    return "\n".join(etree.fromstring(page, parser))


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
    pre = 0  # open pre elements
    for event, element in walker:
        if event == "start":
            if _hidden(element.tag, element.attrib):
                walker.skip_subtree()
                hidden = element
                continue
            parts.append(_edge(element.tag))
            pre += element.tag == "pre"
            if element.text:
                parts.append(_preformatted(element.text) if pre else element.text)
            continue
        if event == "end":
            if element is hidden:
                hidden = None
            else:
                parts.append(_edge(element.tag))
                pre -= element.tag == "pre"
        if element.tail and element is not root:  # also a hidden element's or a comment's
            parts.append(_preformatted(element.tail) if pre else element.tail)
    return _lines(parts)


def _preformatted(text: str) -> str:
    """Text inside a ``pre`` element: its line breaks are line breaks and its spaces and tabs
    are kept (a program listing's lines stay lines, a YAML file keeps its indentation), where
    elsewhere they are collapsed."""
    return text.replace("\n", _BREAK).translate(_KEEP_SPACES)


def _edge(tag) -> str:
    """What an element's start or end adds to the text: a line break for a block element, a
    word edge for a link or button, else nothing."""
    if tag in _BLOCK:
        return _BREAK
    return _WORD_EDGE if tag in _WORD_EDGE_TAGS else ""


_KEPT_SPACE, _KEPT_TAB = "\x02", "\x03"  # a pre element's blanks, which _SPACE_RE leaves alone
_KEEP_SPACES = str.maketrans({" ": _KEPT_SPACE, "\t": _KEPT_TAB})
_RESTORE_SPACES = str.maketrans({_KEPT_SPACE: " ", _KEPT_TAB: "\t"})


def _lines(parts: list[str]) -> list[str]:
    """The non-blank lines of text ``parts`` in which ``_BREAK`` marks a block boundary (source
    line breaks inside a block are spaces; only block boundaries and, in a ``pre`` element,
    its own line breaks break lines; a ``pre`` element's blanks are kept) and
    ``_WORD_EDGE`` the edge of a link or button (a space where words would glue)."""
    text = _GLUED_EDGE_RE.sub(" ", "".join(parts)).replace(_WORD_EDGE, "")
    lines = [_SPACE_RE.sub(" ", line).strip() for line in text.split(_BREAK)]
    if _KEPT_SPACE in text or _KEPT_TAB in text:  # a pre element's
        lines = [line.translate(_RESTORE_SPACES).rstrip() for line in lines]
        return [line for line in lines if line.strip()]
    return [line for line in lines if line]


def _hidden(tag: str, attrib) -> bool:
    """Whether an element's text is not shown: skipped tags, ``hidden``, ``aria-hidden``."""
    return tag in _SKIP or attrib.get("hidden") is not None or attrib.get("aria-hidden") == "true"


def _title(root, text: str) -> str | None:
    """The page's headline: its first ``h1`` when that is the headline the ``og:title`` or
    ``<title>`` names, else the ``og:title`` or ``<title>`` without its site name
    (:func:`_post_title`), else the ``h1``. An ``h1`` counts only as one line of at most
    :data:`MAX_TITLE_CHARS` (none else: the named title or nothing); beside a named title it
    must also have three words or more and share half the key words (by their stems) of the
    shorter of it and the named title without its site name ("Council approves lanes | Daily
    Bugle"): a logo "The Daily Bugle" does not, nor the blog name a Blogger page's ``<title>``
    puts first ("Daily Bugle: Council approves lanes"). ``text`` is the page's visible text, one
    block per line: a site name also goes from a named title whose rest is a line of it, where
    an older page sets its headline in bold type, not in a heading."""
    named = _first(root, '//meta[@property="og:title"]/@content') or _first(root, "//title/text()")
    h1, headings = _headings(root, first_only=named is None)
    if named is None:
        return h1
    sites = _site_names(root) if _TITLE_SEPARATOR_RE.search(named) else set()
    named = _post_title(named, sites, headings, text)
    if h1 is None:
        return named
    words = _stems(h1)
    headline = _stems(max(_SITE_SEPARATOR_RE.split(named), key=lambda part: len(part.split())))
    shared = len(words & headline)
    if len(h1.split()) >= 3 and shared and 2 * shared >= min(len(words), len(headline)):
        return h1
    return named


def _headings(root, first_only: bool) -> tuple[str | None, list[str]]:
    """The page's first ``h1`` as one line of at most :data:`MAX_TITLE_CHARS` (else None), and
    (unless ``first_only``) every ``h1`` to ``h3`` that is such a line, in page order."""
    h1, seen_h1, headings = None, False, []
    for element in root.iter("h1") if first_only else root.iter("h1", "h2", "h3"):
        lines = _visible_lines(element)
        line = lines[0] if len(lines) == 1 and len(lines[0]) <= MAX_TITLE_CHARS else None
        if lines and element.tag == "h1" and not seen_h1:  # the first h1 with any text
            h1, seen_h1 = line, True
            if first_only:
                break
        if line is not None:
            headings.append(line)
    return h1, headings


def _short_lines(text: str) -> set[str]:
    """The words (:func:`_norm`) of the lines of ``text`` that could be a headline."""
    return {_norm(line) for line in text.split("\n") if 0 < len(line) <= MAX_TITLE_CHARS}


def _post_title(named: str, sites: set[str], headings: list[str], text: str) -> str:
    """The named title without the site's name it carries before or after a separator
    ("Council approves lanes | Daily Bugle", "Daily Bugle - Council approves lanes", a
    Blogger page's "Daily Bugle: Council approves lanes"), as the page's heading (``h1`` to
    ``h3``, in page order) that reads the same when there is one (so the headline line is found
    in the text).

    A part is the site's name when the page names its site so (``sites``, :func:`_site_names`:
    ``og:site_name``, the domain), or when it is a heading of the page above the heading that
    is the rest (a logo over the post's title, as Blogger's ``h1`` over its ``h3``) and stands
    where a site's name goes: first before a colon or ``»``, else last. Without that, a part
    after ``|``, ``-``, ``»`` and the like also goes when the rest, a heading of the page or
    else a line of its visible ``text`` (:func:`_short_lines`, read only then) when the part is
    none (a footer may name the site on a line of its own), is the longer (site names are
    short); a colon ends a site's name only on evidence ("Budget 2024: what changes for you"
    keeps its colon part)."""
    lines = cache(lambda: _short_lines(text))  # most titles are decided by their headings
    order: dict[str, int] = {}  # a heading's words: where the first such heading stands
    for k, heading_text in enumerate(headings):
        if words := _norm(heading_text):
            order.setdefault(words, k)
    if _norm(named) in order:
        return headings[order[_norm(named)]]
    best, best_rank = named, (0, 0)
    for match in _TITLE_SEPARATOR_RE.finditer(named):
        colon = ":" in match.group()
        leading = colon or "»" in match.group()  # where the site's name goes by convention
        before, after = named[:match.start()].strip(), named[match.end():].strip()
        for post, rest, last in ((after, before, True), (before, after, False)):
            if not post or _site_key(post) in sites:
                continue
            heading = order.get(_norm(post))
            site = _site_key(rest) in sites
            logo = (heading is not None and last == leading
                    and order.get(_norm(rest), heading) < heading)
            if colon and not (last and (site or logo)):
                continue  # "Site: Post" only, and only when "Site" is the site's name
            shown = heading is not None or (_norm(post) in lines() and _norm(rest) not in lines())
            if not (site or logo or shown and len(post.split()) > len(rest.split())):
                continue
            rank = (site + logo + 2 * shown, len(post))
            if rank > best_rank:
                best, best_rank = post if heading is None else headings[heading], rank
    return best


_SITE_NAME_XPATH = ('//meta[@property="og:site_name" or @property="og:url"]'
                   '|//link[@rel="canonical"]')


def _site_names(root) -> set[str]:
    """The keys (:func:`_site_key`) of the names the page gives its site: its ``og:site_name``
    and its domain from ``og:url`` or the canonical link ("dictionary.com"; "vanguard" of
    "investor.vanguard.com")."""
    values: dict[str, str] = {}  # the first non-blank value of each, in one walk of the tree
    for element in root.xpath(_SITE_NAME_XPATH):
        value = " ".join((element.get("href" if element.tag == "link" else "content") or "").split())
        if value:
            values.setdefault(element.get("property") or "canonical", value)
    name = values.get("og:site_name")
    keys = {_site_key(name)} if name else set()
    for url in (values.get("og:url"), values.get("canonical")):
        try:
            host = urlsplit(url or "").hostname or ""
        except ValueError:
            continue
        host = host.removeprefix("www.")
        if host:
            keys |= {_site_key(host), *map(_site_key, host.split(".")[-3:-1])}
    return {key for key in keys if len(key) > 2}  # not "co" of "bbc.co.uk"


def _site_key(name: str) -> str:
    """A site's name compared without case, punctuation, spaces or a leading "The"."""
    words = _norm(name).split()
    return "".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def _norm(text: str) -> str:
    """The words of ``text``, lowercased, one space apart."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _stems(text: str) -> set[str]:
    """The stems of the key words of ``text``, as the headline rules stem them ("approves",
    "approved": "appro"; "parties", "party")."""
    from scanner.headline.text import stem

    return set(map(stem, key_words(text)))


def _first(root, xpath: str) -> str | None:
    """The first non-blank value ``xpath`` selects, its white space collapsed."""
    return next((" ".join(v.split()) for v in root.xpath(xpath) if v.strip()), None)
