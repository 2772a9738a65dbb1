"""Infer the headline of a scraped plain-text article.

Scraped text usually opens with navigation, related-post lines, banners and ads before the
headline, then a byline and the body. The body starts at the first prose line of the main block
of prose (so a cookie notice or promo sentence high on the page does not count as the body).
The headline is the title-like line in the lines before it that best predicts the body: it
shares the body's key words, is headline-sized rather than a two-word menu item, and stands
close to where the body starts. Related-post lines (followed by a date line, or sharing nothing
with the body), a standfirst under its headline, the points listed under a "Key points" label, a
site name that the page's copyright notice names, and spam lose. In a text written as an
article (a headline-shaped first line, the body right under it, paragraphs set off by blank
lines) the first line is the headline, however well a line under it scores, even when it
shares nothing with the body: a draft's wrong headline. ``bench/title_eval.py`` measures it on
whole scraped pages and on BBC articles.
"""
from __future__ import annotations

import re
from itertools import accumulate, islice

from scanner.boilerplate.patterns import line_cues
from scanner.dates import CLOCK, DATE, DAY_AND_MONTH, DAY_DATE, NUMERIC_DATE
from scanner.document import HTML_KEY, Document, Span
from scanner.keywords import key_words
from scanner.language import UNSPACED_SCRIPT_RE
from scanner.listings import code_units, has_code
from scanner.paragraphs import heading_levels, paragraph_units, unit_spans

# counted in units: non-blank lines, or paragraphs in hard-wrapped text and Markdown
_HEAD_LINES = 25  # units looked at before the body
_SCAN_LINES = 400  # units searched for the body at all (a huge page costs no more)
_BLOCK_LINES = 15  # a window of this many lines measures how much prose follows a line
_MAIN_BLOCK_SHARE = 0.3  # the body starts where a window holds this share of the densest one
_BODY_LINES = 40  # lines after the body start whose key words a headline should share
_HEADLINE_WORDS = 8  # lines this long or longer get the full headline-size bonus
_DRAFT_WORDS = range(4, 21)  # words of a draft's headline that shares no key word with the body
_FURNITURE_STARTS = 3  # prose lines with a furniture cue passed over in looking for the body
_HEAD_PROSE = _FURNITURE_STARTS + 1  # the page's first prose lines, read for notes and cues
_BYLINE_HEAD_WORDS = 25  # a headline of sentences over a byline is shorter than this
_BYLINE_WORDS = 12  # and the byline no longer than this
# a draft's headline and first paragraphs: a blank line under the headline and under 3 of its
# first 9 units (under each, in a shorter text)
_DRAFT_GAP_UNITS, _DRAFT_BLANKS = 9, 3
# A date with its day alone on a line ("March 3, 2024", "3 March 2024", "2024-03-03"; not a
# month and year, "March 2024"). Not patterns.DATE_LINE_RE, which also takes a month and year, a
# "Published" label, a time and "3 hours ago", but one separator only in "2024-03-03": which
# lines are title-like would change.
_DATE_LINE_RE = re.compile(rf"^\W*{DAY_DATE}\W*$", re.IGNORECASE)
# a dateline's place and a numeric date with its time: "Valencia, 02/08/2018 - 12:45h",
# "14.05.2016, 16:32 Uhr" (a stamp, never the headline)
_STAMP_RE = re.compile(
    rf"^\W*(?:[^\W\d][\w .'’-]{{0,30}},\s*)?{NUMERIC_DATE},?"
    r"(?:\s*[-–|,]?\s*\d{1,2}[:.h]\d\d\s*(?:h|uhr|hrs?)?)?\W*$",
    re.IGNORECASE,
)
# two sentences: a caption or a standfirst, not a headline; but a sentence or a question may
# open a headline that goes on unpunctuated ("Does magnesium help you sleep? What the research
# says", QA pass 20; "I taught for 30 years. Phones in class were never the real problem", QA
# pass 24)
_SENTENCE_BREAK_RE = re.compile(r"[a-z0-9]{2}[.!?](?=.*[.!?][\"”’)]*$)\s+[(“\"A-Z]")
# a line whose final stop is an abbreviation's, not a sentence's: "... start time to 8:45 a.m.",
# "... sues U.S.", "... buys Acme Inc." (QA pass 18)
_ABBREVIATION_END_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros)\.$")
# a byline or time stamp over a story, never its headline: "By: Jane Smith", "Words by Dana
# Whitcombe" (QA pass 20), "by Jane Smith, Staff Writer", "Posted by Emma Clarke on 12 June
# 2016", "Guest post by Annie, PhD in Parenting" (not "By the numbers: ..."), "Jane Smith, MS,
# RD" (a name and credentials), "Desk / site.in / Updated: Dec 17, 2025, 21:47 IST" (a stamp's
# label and a date, a day and month or a whole date: not "budget posted 4 per cent rise",
# "updated 2024 plans", "updated 1.5 million times"), "May 19, 2013 by Anne Lindqvist" (a date
# first)
_BYLINE_RE = re.compile(
    rf"^\W*(?:(?:guest\s+)?(?:posted|post|written|published|words|text|reporting|story|interview|photos?)\s+)?by:?\s+(?-i:[A-Z])|\b(?:updated|published|posted)(?:\s+on)?:?\s+"
    rf"(?:{DAY_AND_MONTH}|{DATE})"
    r"|^(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:,\s*[A-Z]{2,6}\b)+)\W*$"
    # a blog's post line, the date first: "May 19, 2013 by Anne Lindqvist 12 Comments" (QA pass 34)
    rf"|^\W*{DATE}\s*[-–|·•,]?\s*by:?\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
# what a byline says after its comma: the writer's role or outlet
_BYLINE_ROLE_RE = re.compile(
    r"\b(?:correspondents?|reporters?|editors?|writers?|columnists?|contributors?|staff"
    r"|journalists?|producers?|photographers?|news|press|agency|bureau|desk)\b", re.IGNORECASE)
# "By <phrase>, <clause of three words or more>" and no date or separator
_BY_HEADLINE_RE = re.compile(r"^\W*by\s[^\d•|·,]+,(?:\s+[^\d•|·\s]+){3,}\W*$", re.IGNORECASE)
# the label of an editor's note: "Editor's note", "Update", "Correction", "Content warning"
_NOTE_LABELS = (r"(?:editor['’]?s\s+note|note(?:\s+to\s+readers)?|updated?|corrections?|clarification"
                r"|(?:content\s+|trigger\s+)?warning|disclaimer)")
# what stands above a story in a draft (where its first line may be a headline; a byline never
# gets that far): an editor's note, a credit or a time of day: "Updated at 11:45 p.m. ET",
# "Warning: graphic image below", "via Daily Buzz Live", "Read this story at cnn.com"
_NOTE_RE = re.compile(
    rf"^\W*(?:{_NOTE_LABELS}|via|read\s+(?:this|the|more|our))\b|\b{CLOCK}(?![\d%])"
    r"|\w\.(?:com|org|net|gov|edu|io)\b",
    re.IGNORECASE,
)

# an editor's note a CMS sets above the headline, labelled: "Editor's note: This article contains
# ...", "Update, 6 March, 4.15pm: This article has been updated ...", "Correction (3 May): ..."
# (QA pass 41: taken for the body, it left no line above the body for the headline; only the
# page's first prose lines are read for it)
_NOTE_LABEL_RE = re.compile(rf"^\W*{_NOTE_LABELS}\b[^:\n]{{0,40}}:\s", re.IGNORECASE)


# the label of a list of key points that a live blog or a guide sets under its headline: "Key
# points", "Key takeaways", "Story highlights", "TL;DR", "At a glance" (not "Summary", as often a
# table of contents' last entry right over the headline)
_KEY_POINTS_RE = re.compile(
    r"^\W*(?:key\s+(?:points|takeaways|events|facts|moments)|(?:story\s+)?highlights|takeaways"
    r"|tl;?\s*dr|(?:quick|fast)\s+facts|at\s+a\s+glance|what\s+we\s+know(?:\s+so\s+far)?)\W*$",
    re.IGNORECASE)
_KEY_POINTS = 6  # units under such a label, and no blank line, that may be its points
# a page's copyright notice: "© 2025 Northern Chronicle Media Group", "Copyright © 2019 The Civic
# Ledger. All rights reserved." (it names the site, whose name a page's head prints too); a short
# line, not a credit saying what a picture is ("Copyright © 2011, Harvard University. For more
# information about The Healthy Eating Plate, please see ...")
_COPYRIGHT_RE = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b", re.IGNORECASE)
_NOTICE_CHARS = 80
_FOOTER_LINES = 40  # the page's last lines searched for it

# a line with a furniture cue (a breadcrumb, a share row, a sponsor's label) is the headline
# only when no other line comes close (QA pass 20: "Home » Recipes » Dinner » Sheet Pan Meals")
_CUE_PENALTY = 0.3
# a line below the page's first prose line stands inside the article more often than above its
# headline: a subheading, a list item, a price box, a table of contents under an affiliate
# disclosure (QA pass 20). Chosen on the even WCXB pages (0.2-0.5 within 1 %).
_INSIDE_PENALTY = 0.3
_CRUMB_SPLIT_RE = re.compile(r"\s[>»›/|]\s")
_TITLE_CRUMB_WORDS = 4
_ROW_LINKS, _ROW_LINK_WORDS = 3, 3
MAX_TITLE_CHARS = 300  # a line longer than this wraps more than a headline
_TITLE_LINES = 20  # non-blank lines searched for an explicit title


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$",
                              re.DOTALL | re.MULTILINE)
_KEY_LINE_RE = re.compile(r"\s*[A-Za-z_][\w-]*:(?:[ \t]|$)")
_TITLE_LINE_RE = re.compile(r"^title[ \t]*:(.*?)\r?$", re.MULTILINE)


def without_front_matter(text: str) -> tuple[str, str | None, Span | None]:
    """A Markdown text with its leading YAML front matter (``---`` ... ``---``, metadata, no
    article text) blanked out with spaces, so offsets stay; the front matter's title; and where
    the front matter states it (:func:`_stated_title`)."""
    match = _FRONT_MATTER_RE.match(text)
    data = None if match is None else _front_matter(match.group(1))
    if data is None:  # no front matter, or a "---" rule
        return text, None, None
    title = data.get("title")
    title = (title.strip() or None) if isinstance(title, str) else None
    blank = re.sub(r"[^\n]", " ", match.group())
    return blank + text[match.end():], title, title and _stated_title(text, match, title)


def _stated_title(text: str, matter: re.Match[str], title: str) -> Span | None:
    """Where the front matter ``matter`` of ``text`` states its ``title``: the title on its
    ``title:`` line when the line holds it as written, quoted or not, else the whole line (a
    YAML string folded over lines or with escapes); None without such a line."""
    line = _TITLE_LINE_RE.search(text, matter.start(1), matter.end(1))
    if not line:
        return None
    start, end = line.start(), line.end(1)
    at = text.find(title, start, end)
    if at >= 0:
        start, end = at, at + len(title)
    return Span(start, end, text[start:end])


def _front_matter(block: str) -> dict | None:
    """The mapping a front matter block holds, or None when it holds none. YAML that does not
    parse but opens with a ``key:`` line and has a ``title:`` line (``title: Budget: yes``) is
    front matter too: its title is read leniently (the rest of the line, without enclosing
    quotes)."""
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        line = _TITLE_LINE_RE.search(block)
        if not _KEY_LINE_RE.match(block) or line is None:
            return None  # a "---" rule above and below text that opens "Update: ..."
        return {"title": _yaml_unquoted(line.group(1).strip())}
    return data if isinstance(data, dict) else None


def _yaml_unquoted(value: str) -> str:
    """``value`` without the pair of quotes, single or double, that encloses it as a YAML
    scalar, if any (unlike the PPS cells of :mod:`scanner.packs`)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def markdown_title(doc: Document) -> tuple[str, Span] | None:
    """The visible text and span of the level-1 heading (``# Heading``, or a heading
    underlined with ``=``) a Markdown document opens with."""
    units = paragraph_units(doc)
    if not units or not units[0] or not units[1][0] or heading_levels(doc).get(units[0][0]) != 1:
        return None
    return units[1][0], unit_spans(doc, [units[0][0]])[0]


def locate_title(doc: Document, title: str, markdown: bool = False) -> Span | None:
    """The first line of the text that is the explicit title, if the text repeats it among its
    first lines (of an HTML page, among its first :data:`_SCAN_LINES`, below its menus) (in
    Markdown, also as a block whose visible text it is: "# Title", "**Title**"; in hard-wrapped
    text, over two lines)."""
    wanted = " ".join(title.split())
    first_word = wanted.split(" ", 1)[0]
    within = _SCAN_LINES if doc.metadata.get(HTML_KEY) else _TITLE_LINES  # a page's menus come first
    for _, span in doc.nonblank_lines[:within]:
        text = span.text.lstrip()
        if text.startswith(first_word) and " ".join(text.split()) == wanted:
            return span
    units = paragraph_units(doc)
    if units is None:
        return None
    for unit, text in zip(*units):
        if unit.start >= within:
            break
        if (markdown or len(unit) > 1) and " ".join(text.split()) == wanted:
            return unit_spans(doc, [unit])[0]
    return None


def _units(doc: Document, paragraphs, count: int) -> list[range]:
    """The document line ranges of the first ``count`` units :func:`infer_title` reads (lines,
    or paragraphs)."""
    return [range(first, last + 1) for first, last in (_unit_lines(doc, paragraphs, k) for k in range(count))]


def infer_title(doc: Document) -> tuple[str, Span] | None:
    """The visible text and span of the most likely headline line (or paragraph, in
    hard-wrapped text and Markdown), or None when the text has no title-like head."""
    paragraphs = paragraph_units(doc)
    if paragraphs is None:
        spans = [span for _, span in doc.nonblank_lines[:_SCAN_LINES]]
        texts = [span.text for span in spans]
    else:  # hard-wrapped text or Markdown: a headline may run over two lines
        spans = None  # only the winner's span is built
        texts = paragraphs[1][:_SCAN_LINES]
    counts = _word_counts(texts, doc.unspaced_script)
    is_body = [_is_body_line(text, words) for text, words in zip(texts, counts)]
    for k in islice((k for k, body in enumerate(is_body) if body), _HEAD_PROSE):
        is_body[k] = not _NOTE_LABEL_RE.match(texts[k])  # an editor's note over the headline
    cues = _Cues(texts)
    over_byline = _headline_over_byline(texts, counts, is_body, cues)
    if over_byline is not None:
        is_body[over_byline] = False
    # "backend: redis" is no headline; a listing is body
    listing, code = (code_units(doc, _units(doc, paragraphs, len(texts))) if has_code(doc)
                     else (set(), set()))  # (most texts: no units built)

    def body_start() -> int | None:  # (a listing's lines count as body)
        return _main_body_start(texts, [body or k in listing for k, body in enumerate(is_body)])

    body_at = body_start()
    # prose with a furniture cue does not start the body: an affiliate disclosure or a cookie
    # notice over the headline (QA pass 41: "We may earn a commission when you click links on
    # this page. ..." took the place of the body, so the breadcrumb above it was the title)
    for _ in range(_FURNITURE_STARTS):
        if not body_at or not is_body[body_at] or not cues.has(body_at):
            break
        is_body[body_at] = False
        body_at = body_start()
    if not body_at:
        return None
    body_words = key_words(" ".join(
        text for text, body in zip(texts[body_at:body_at + _BODY_LINES],
                                   is_body[body_at:body_at + _BODY_LINES]) if body))
    scores = {}  # unit -> (whether a draft's headline, score)
    first_prose = _first_prose(is_body, body_at, cues)
    for k in range(max(0, body_at - _HEAD_LINES), body_at):
        text = texts[k]
        if is_body[k] or k in code or not (k == over_byline or _is_title_like(text, counts[k])):
            continue
        words = key_words(text)
        overlap = _overlap(words, body_words)
        if _BYLINE_RE.search(text) and not _is_by_headline(text, len(words), overlap):
            continue
        draft = k == 0 and _is_draft_headline(doc, paragraphs, texts, counts[0], cues)
        if overlap == 0 and not (body_at == 1 and draft):
            continue
        if _is_standfirst(texts, counts, is_body, k, body_words, cues):
            continue
        if _is_key_point(doc, paragraphs, texts, k):
            continue  # a bullet under "Key points" may share more of the body's words (QA pass 41)
        if (_DATE_LINE_RE.match(texts[k + 1].strip()) and body_at - k > 2
                and _dated_entry_beside(texts, k)):
            continue  # a related-post entry: headline, then its date, beside another one
        size = min(counts[k], _HEADLINE_WORDS) / _HEADLINE_WORDS
        # the share of its key words in the body, as if it had one more that is not (two of
        # two, "Arsenal 3 Chelsea 1" under the headline, is weaker evidence than four of ten)
        support = overlap * len(words) / (len(words) + 1)
        scores[k] = (draft, support + 0.8 * size + 0.15 / (body_at - k) - _INSIDE_PENALTY * (k > first_prose))
    if len(scores) > 1:  # the site's name over the headline: named in the footer's copyright
        publisher = _publisher_words(doc)
        scores = {k: score for k, score in scores.items() if not _names_publisher(texts[k], publisher)}
    best, best_rank = None, (False, 0.0)
    # the furniture cues of the few lines still in the running only
    for (k, (draft, score)), cue in zip(scores.items(), cues.of(list(scores))):
        # a text written as an article (a headline-shaped first line, blank lines under it and
        # most next paragraphs) opens with its headline: no line under it outranks it, though
        # closer to the body and sharing more of its words (QA pass 25: a review's credit line,
        # "London Symphony Orchestra / Rattle, Barbican Hall"; QA pass 33: a live blog's score
        # line, "Westbury 412 and 188-6 dec; Calder Vale 355 and 97-3 (target 246)")
        rank = (draft, score - _CUE_PENALTY * _furniture(texts[k], cue))
        if rank > best_rank:
            best, best_rank = k, rank
    if best is None:
        return None
    span = spans[best] if spans is not None else unit_spans(doc, [paragraphs[0][best]])[0]
    return " ".join(texts[best].split()), span


class _Cues:
    """The furniture cue (:func:`line_cues`) of a text's lines, each looked up once and those
    wanted together in one call (a call costs about 8 us)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._cues: dict[int, str | None] = {}

    def of(self, units: list[int]) -> list[str | None]:
        """The cue of each of the ``units``, or None."""
        new = [k for k in units if k not in self._cues]
        if new:
            self._cues.update(zip(new, line_cues([self._texts[k].strip() for k in new])))
        return [self._cues[k] for k in units]

    def has(self, k: int) -> bool:
        """Whether unit ``k`` has a furniture cue."""
        return self.of([k])[0] is not None


def _headline_over_byline(texts: list[str], counts: list[int], is_body: list[bool],
                          cues: _Cues) -> int | None:
    """The page's first prose line when it is a headline of sentences over a byline ("Our towns
    do not need another retail park. They need somewhere to sit down." over "By Daniel
    Achterberg", QA pass 41: taken for the body, it left the text without a title): shorter than
    a paragraph, a short byline under it, and no headline-sized line over it (whose standfirst
    it would be)."""
    k = next((k for k, body in enumerate(is_body[:_SCAN_LINES]) if body), None)
    if k is None or k + 1 >= len(texts) or counts[k] >= _BYLINE_HEAD_WORDS:
        return None
    byline = texts[k + 1]
    if is_body[k + 1] or counts[k + 1] > _BYLINE_WORDS or not _BYLINE_RE.search(byline):
        return None
    if k and counts[k - 1] >= 4 and _is_title_like(texts[k - 1], counts[k - 1]) and not cues.has(k - 1):
        return None
    return k


def _first_prose(is_body: list[bool], body_at: int, cues: _Cues) -> int:
    """The page's first prose line; but when a prose line without a furniture cue stands
    before the body, the first such line: an affiliate disclosure over the headline does not put
    the headline inside the article, when the article's intro stands alone under it (QA pass 41:
    a price box under the intro, "Corvane Pulse 3 $449 at Best Buy", outscored it), though a
    disclosure under the headline does so put a price box and contents over the body (QA pass
    20)."""
    prose = [k for k in range(body_at) if is_body[k]][:_HEAD_PROSE]
    return next((k for k, cue in zip(prose, cues.of(prose)) if cue is None), is_body.index(True))


def _is_key_point(doc: Document, paragraphs: tuple[list[range], list[str]] | None,
                  texts: list[str], k: int) -> bool:
    """Whether unit ``k`` is one of the first :data:`_KEY_POINTS` units under a key-points
    label, no blank line between (a live blog's "Key points" and its bullets under the headline,
    QA pass 41)."""
    for j in range(k - 1, max(-1, k - 1 - _KEY_POINTS), -1):
        if _unit_lines(doc, paragraphs, j)[1] + 1 < _unit_lines(doc, paragraphs, j + 1)[0]:
            return False
        if _KEY_POINTS_RE.match(texts[j]):
            return True
    return False


def _publisher_words(doc: Document) -> set[str]:
    """The key words of the copyright notices among the page's last :data:`_FOOTER_LINES`
    lines: the site's and its publisher's names ("© 2025 Northern Chronicle Media Group"),
    which a site name over the headline ("The Northern Chronicle", QA pass 41) shares with the
    body only where the body's furniture names the site ("Sign in or create your Northern
    Chronicle account to join the discussion.")."""
    footer = (span.text for _, span in doc.nonblank_lines[-_FOOTER_LINES:])
    return key_words(" ".join(text for text in footer
                              if len(text) <= _NOTICE_CHARS and _COPYRIGHT_RE.search(text)))


def _names_publisher(text: str, publisher: set[str]) -> bool:
    """Whether all the key words of ``text`` (one at least) are the ``publisher``'s."""
    words = key_words(text)
    return bool(words) and words <= publisher


def _dated_entry_beside(texts: list[str], k: int) -> bool:
    """Whether another line-and-date pair stands right above or below the pair at ``k``: a list
    of related posts, not the article's own headline over its date (QA pass 20)."""
    return any(0 <= j < len(texts) - 1 and _DATE_LINE_RE.match(texts[j + 1].strip())
               for j in (k - 2, k + 2))


def _furniture(text: str, cue: str | None) -> bool:
    """Whether a line with furniture cue ``cue`` is furniture, not a headline: any cue but a
    breadcrumb whose last crumb is headline-sized ("Home » Blog » Top Dental Resolutions for
    2025": the page's own title, which it may print nowhere else; "Home » Recipes » Dinner" ends
    in a section); without a cue, a row of three or more short links ("News Home | Research |
    Science & Technology", QA pass 20; not "Headline | Site Name")."""
    if cue is None:
        parts = text.split(" | ")
        return len(parts) >= _ROW_LINKS and all(len(p.split()) <= _ROW_LINK_WORDS for p in parts)
    if cue != "breadcrumb":
        return True
    return len(_CRUMB_SPLIT_RE.split(text.strip())[-1].split()) < _TITLE_CRUMB_WORDS


def _is_draft_headline(doc: Document, paragraphs: tuple[list[range], list[str]] | None,
                       texts: list[str], words: int, cues: _Cues) -> bool:
    """Whether the first unit, a title-like line, heads a text written as an article, not a
    scraped page: headline-shaped (4-20 words, capitalised, no furniture cue or editor's note)
    over paragraphs that blank lines set off: one under it, and under 3 of its first 9 units (under
    each, in a shorter text) (``words``: the first unit's word count)."""
    head = texts[0].strip()
    if words not in _DRAFT_WORDS or head[0].islower():
        return False
    bounds = [_unit_lines(doc, paragraphs, k) for k in range(min(len(texts), _DRAFT_GAP_UNITS))]
    blank = [below[0] > above[1] + 1 for above, below in zip(bounds, bounds[1:])]
    # (the layout first: a scraped page, a line a block, fails it before the cue search, which
    # every text whose first line is a title candidate would otherwise pay); a list or a live
    # blog's times run without blank lines among paragraphs that have them: "Key points" and its
    # bullets under a live blog's headline (QA pass 41: a bullet sharing more of the body's
    # words was taken for the title)
    return (all(blank[:1]) and sum(blank) >= min(len(blank), _DRAFT_BLANKS)
            and not _NOTE_RE.search(head) and not cues.has(0))


def _unit_lines(doc: Document, paragraphs: tuple[list[range], list[str]] | None,
                k: int) -> tuple[int, int]:
    """The first and last document line of unit ``k`` (a line, or a paragraph)."""
    unit = range(k, k + 1) if paragraphs is None else paragraphs[0][k]
    return doc.nonblank_lines[unit.start][0], doc.nonblank_lines[unit.stop - 1][0]


def _main_body_start(texts: list[str], is_body: list[bool]) -> int | None:
    """Index of the first prose line that another prose line follows closely and whose
    following window holds at least ``_MAIN_BLOCK_SHARE`` of the prose of the densest window
    (a lone banner or promo sentence is not the body; None without prose)."""
    prefix = [0, *accumulate(len(text) if body else 0 for text, body in zip(texts, is_body))]
    n = len(texts)
    window = [prefix[min(k + _BLOCK_LINES, n)] - prefix[k] for k in range(n)]
    top = max(window, default=0)
    if not top:
        return None
    starts = [k for k, body in enumerate(is_body) if body and window[k] >= _MAIN_BLOCK_SHARE * top]
    return next((k for k in starts if any(is_body[k + 1:k + 4])), starts[0])


def _is_standfirst(texts: list[str], counts: list[int], is_body: list[bool], k: int,
                   body_words: set[str], cues: _Cues) -> bool:
    """A long line right under a headline-sized line that already matches the body (and is no
    furniture: "News Home | Research | Science & Technology" over the headline)."""
    if k == 0 or counts[k] < 12 or is_body[k - 1]:
        return False
    above = texts[k - 1]
    return (counts[k - 1] >= 4 and _is_title_like(above, counts[k - 1])
            and _overlap(key_words(above), body_words) >= 0.5
            and not _furniture(above, cues.of([k - 1])[0]))


def _is_by_headline(text: str, key_words: int, overlap: float) -> bool:
    """Whether a line that opens like a byline is a headline ("By Council Vote, Library Hours
    Extended Through Summer"): a phrase, a comma and a clause, without a byline's date,
    separators or role ("..., Political Correspondent"), and about the body (``overlap``: the
    share of its ``key_words`` in the body; at least three and half of them), as a writer's
    name and title are not."""
    return (overlap >= 0.5 and round(overlap * key_words) >= 3
            and _BY_HEADLINE_RE.match(text) is not None and not _BYLINE_ROLE_RE.search(text))


def _overlap(words: set[str], body_words: set[str]) -> float:
    return len(words & body_words) / len(words) if words else 0.0


def _word_counts(texts: list[str], unspaced: bool) -> list[int]:
    """The words of each text: between spaces, and in a text mostly in Chinese, Japanese or
    Thai (:attr:`Document.unspaced_script`, which no spaces divide) a word for every two of
    their letters too."""
    if not unspaced:
        return [len(text.split()) for text in texts]
    return [len(text.split()) + len(UNSPACED_SCRIPT_RE.findall(text)) // 2 for text in texts]


def _is_body_line(text: str, words: int) -> bool:
    return words >= 25 or (words >= 12 and _ends_sentence(text.rstrip(), (".", "”", '"', "。")))


def _ends_sentence(text: str, marks: tuple[str, ...]) -> bool:
    """Whether ``text`` (stripped) ends in one of ``marks``, and not in an abbreviation's stop."""
    return text.endswith(marks) and not _ABBREVIATION_END_RE.search(text)


def _is_title_like(text: str, words: int) -> bool:
    stripped = text.strip()
    if not 2 <= words <= 40 or len(stripped) > MAX_TITLE_CHARS:
        return False
    if (_ends_sentence(stripped, (".", "。")) and not stripped.endswith("...")
            or _SENTENCE_BREAK_RE.search(stripped)):
        return False  # a sentence (caption, standfirst), not a headline
    return not _DATE_LINE_RE.match(stripped) and not _STAMP_RE.match(stripped)
