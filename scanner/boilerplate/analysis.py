"""One boilerplate analysis per document, shared by every boilerplate rule.

For each non-blank line: its cue kind (:mod:`.patterns`), a structural kind (related-headline
lists with dates, bare counters outside the body, section labels at the head), and — when the
page has lines that do not read as sentences — the line model's probability. When the HTML reader
supplied trafilatura's main text (``doc.metadata["main_text"]``), whether the line occurs in it.
The headline line (``doc.title_span``) is never given a kind.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Generator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, islice
from operator import itemgetter
from typing import Any

import numpy as np

from scanner.boilerplate.comment_lines import (
    MIN_TAIL_LINES,
    QUESTION_RE,
    LineScores,
    contrast_tail,
    line_scores,
    register_tail,
)
from scanner.boilerplate.features import PROSE_LAST_CHARS, has_spaces, is_prose
from scanner.boilerplate.model import load_model
from scanner.boilerplate.patterns import (
    ABOUT_HEADING_RE,
    BYLINE_RE,
    COMMENT_OPENER_RE,
    COMPANY_PROFILE_RE,
    CONTACT_HEADING_RE,
    COUNTERS_RE,
    DATE_LINE_RE,
    FORUM_PROFILE_RE,
    LETTER_SIGNATURE_RE,
    LIST_HEADING_RE,
    MAX_BYLINE_CHARS,
    MONTH_LINE_RE,
    QUOTE_OPENERS,
    REPORT_MARKER_RE,
    SALUTATION_RE,
    SCORED_TITLE_RE,
    SIGN_OFF_RE,
    STAMP_FIRST_RE,
    ShortLines,
    comment_header,
    comment_headers,
    dated_headline,
    line_cues,
    stamp_positions,
)
from scanner.boilerplate.readers import (
    MIN_ARTICLE_PROSE,
    any_reaction,
    closes_post,
    comment_sized_start,
    in_reader_voice,
    in_reader_voice_or_reacting,
    is_reaction,
    may_react,
    replies,
    speaks_personally,
    tail_thread_positions,
)
from scanner.document import Document, cached_view
from scanner.language import ENGLISH_STOP_WORDS
from scanner.listings import code_units
from scanner.paragraphs import paragraph_units
from scanner.resources import data_path
from scanner.rule import Rule
from scanner.wrapping import ends_sentence

CACHE_KEY = "boilerplate.analysis"
_SPACE_RE = re.compile(r"\s+")
_SUBSTRING_BUDGET = 2_000_000_000  # characters the main-text substring tests may scan (~0.5 s)
_MAX_HEADLINE_CHARS = 160
_MIN_HEADLINE_WORDS = 2
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# The model runs on texts with at least _MODEL_MIN_LINES lines besides the headline that are not
# sentences (5+ words ending like one, or 14+ words): one or two odd lines in running prose are
# too little page to judge (they are left to the cue rules), and most news skips the model's
# cost. With two, the model ran on 10.6 % of the speed bench's articles (6.5 % with three);
# on dev folds 0-3 (fold-held-out models) it flagged 77 boilerplate and 91 content lines of
# trafilatura's output on such pages (leftovers' balanced accuracy 0.001 above three's on average).
_MODEL_MIN_LINES = 3
_PLAIN_MIN_WORDS = 5
_SENTENCE_WORDS = 14
# The last characters of a prose line that end no sentence ("。", "»", "]"): only a prose line
# ending so may need the model
_PROSE_NOT_SENTENCE_ENDS = frozenset(c for c in PROSE_LAST_CHARS if not ends_sentence(c))
_LAST_CHAR = itemgetter(slice(-1, None))
# A comment thread: comment markers (headers, "Reply", "12 Comments") at most this many lines
# apart, at least one of them a header and one more than a bare "Jane says:" (which a quoted
# statement shares); its comment bodies lie between the markers.
_COMMENT_GAP = 6
# Cue kinds whose one-word labels ("Print", "Newsletter", "Comments") also head a story's
# sections.
_TOPIC_KINDS = frozenset({"share", "subscribe", "comments"})
# Three "Jane says" headers in one run are a thread even without a timestamp or "Reply" (older
# WordPress themes print only the name); a quoted statement rarely comes three times so close.
# Two are, when the text ends with them (a quoted statement's line opening with a quotation
# mark is no header: patterns.introduces_quote).
_MIN_WEAK_HEADERS = 3
_MIN_REACTIONS = 2
# In running prose, a section that reactions open holds mostly readers' lines (comments in "we"
# or without a pronoun come between), and one of its last lines is one.
_SECTION_VOICE_SHARE = 0.6
_VOICE_END_LINES = 2
_MAX_MENU_WORDS = 3
_MAX_CONTACT_LINES = 6  # name, role, company, phone, e-mail, web site
_MAX_CONTACT_WORDS = 8
_MIN_OPENING_POST_PROSE = 2  # prose lines of a forum's opening post that make it the article
_REACTION_WINDOW = 15
_MAX_UNMARKED_COMMENTS = 3
# A tail of reader comments without any furniture (trafilatura keeps only their bodies): at
# least this many lines at the end, nearly all in a reader's own voice, after article prose
# that nearly never is.
_MIN_TAIL = 3
_TAIL_VOICE_SHARE = 0.8
_BODY_VOICE_SHARE = 0.25
_COMMENT_KINDS = frozenset({"comments", "reader-comments"})
_COMMENT_STAGES = 4  # the yields of _comments_under_article (a test counts them)
# The kinds of furniture that end a post, under which an extractor appends its comments (see
# _last_furniture) and above which the post's own closing stands (BPL011): share buttons, its footer
# or comment count, tags and categories, the writer's contact line (not a sign-up box, whose
# form says "Thank you! Your submission has been received!").
POST_END_KINDS = frozenset({"share", "comments", "navigation", "contact"})
_ARTICLE_END_KINDS = POST_END_KINDS | {"legal"}  # and a copyright line (see _register_thread)
# Kinds of a widget whose buttons and fields are lines of their own: a consent banner, a
# comment form, a sign-up box, share buttons (see _widget_controls).
_WIDGET_KINDS = frozenset({"cookie", "comments", "subscribe", "share"})
_MAX_CONTROL_WORDS = 5
_MAX_CONTROL_CHARS = 40
_MIN_LISTED_TITLES, _MAX_LISTED_TITLES = 2, 12  # titles under a list's heading
_MAX_CONTROLS = 3  # a widget's controls in a row under it
_QUOTE_ENDS = ('"', "”", "’", "»")
# the first three characters of every heading COMMENT_OPENER_RE matches (a digit alone), after
# its non-word characters, in its case setting ("12 Comments", "No responses", "Two", "Three",
# "One thought", "Reader comments", "Reacties", "Répondre", "Responder", "Rispondi", "User
# comments", "Comments", "Kommentare", "Antworten", "Have your say", "Sign the guest book", "Guest
# book"): a line without them needs no try of its many alternatives (more than 99.99 % of the lines
# asked; two characters let through a quarter of the lines, "The", "On", "An")
_COMMENT_OPENER_START_RE = re.compile(r"\W*(?:\d|no\s|two|thr|one|rea|res|rép|ris|use|com|kom|ant|hav|sig|gue)",
                                      re.IGNORECASE)
_SECOND_PERSON_RE = re.compile(r"\b(?:you|your|you['’](?:re|ve|d|ll))\b", re.IGNORECASE)


@dataclass
class PageLines:
    """Per non-blank line of a document (per paragraph in hard-wrapped text and Markdown, see
    :mod:`scanner.paragraphs`): where it is and what the detectors think of it."""

    line_indices: list[int]  # the first line of each
    last_lines: list[int]  # and its last line (the same but in hard-wrapped text and Markdown)
    texts: list[str]
    kinds: list[str | None]
    probabilities: np.ndarray | None
    prose: list[bool]
    in_main: list[bool] | None
    title_position: int | None

    def positions(self, kinds: frozenset[str] | set[str]) -> list[int]:
        """Positions (in the non-blank list) of lines whose kind is in ``kinds``."""
        if self.kinds_found.isdisjoint(kinds):  # most pages, for most kinds
            return []
        return [k for k, kind in enumerate(self.kinds) if kind in kinds]

    def lines_of(self, positions: list[int]) -> list[int]:
        """The document's line indices that the lines (or paragraphs) at ``positions`` cover."""
        return [i for k in positions for i in range(self.line_indices[k], self.last_lines[k] + 1)]

    @cached_view
    def kinds_found(self) -> frozenset[str | None]:
        """The kinds the lines have (None included when a line has none)."""
        return frozenset(self.kinds)


def analyse(doc: Document) -> PageLines:
    """The (cached) boilerplate analysis of ``doc``."""
    cached = doc.cache.get(CACHE_KEY)
    if cached is None:
        cached = doc.cache[CACHE_KEY] = _run_to_end(_analyse(doc))
    return cached


def analyse_batch(docs: list[Document]) -> None:
    """Cache the analyses of ``docs`` not yet analysed, stage by stage (see :func:`_analyse`):
    each stage of every document's analysis before the next stage of any. A document whose
    analysis raises is left without one (:func:`analyse` meets the error again). A batch whose
    last document is analysed is left as it is: the first boilerplate rule to run has analysed
    it, and each later one looks at one document, not all (2.3 us a document for the fifteen);
    a document it did not analyse (another rule's batch) is analysed by its check."""
    if not docs or CACHE_KEY in docs[-1].cache:
        return
    running = [(doc, _analyse(doc)) for doc in docs if CACHE_KEY not in doc.cache]
    while running:
        running = [(doc, stages) for doc, stages in running if _next_stage(doc, stages)]


def _next_stage(doc: Document, stages: Generator[None, None, PageLines]) -> bool:
    """Run the next stage of ``doc``'s analysis; False once it is cached or has failed."""
    try:
        next(stages)
    except StopIteration as done:
        doc.cache[CACHE_KEY] = done.value
        return False
    except Exception:  # not lost: the document's own analyse() raises it again
        return False
    return True


def _run_to_end(stages: Generator[None, None, PageLines]) -> PageLines:
    """What the generator ``stages`` returns, all its stages run at once."""
    try:
        while True:
            next(stages)
    except StopIteration as done:
        return done.value


def _analyse(doc: Document) -> Generator[None, None, PageLines]:
    """The analysis of ``doc`` (the generator's return value). Each bare ``yield`` ends a
    stage: :func:`analyse_batch` runs a stage over a whole batch before the next, so that the
    stage's regexes, automata and tables stay in the CPU caches (in one document's whole
    analysis they evict each other's before the next document needs them)."""
    firsts = lasts = [i for i, _ in doc.nonblank_lines]
    texts = doc.stripped_lines
    units = paragraph_units(doc)
    if units is not None:
        ranges, texts = units
        firsts, lasts = [firsts[r[0]] for r in ranges], [firsts[r[-1]] for r in ranges]
    title_position = None
    if doc.title_span is not None:
        title_position = _position(firsts, lasts, doc.line_index(doc.title_span.start))
    short = ShortLines(texts)
    yield
    cues = line_cues(texts, short)
    yield
    prose = list(map(is_prose, texts))
    model = load_model()
    # the model reads English page lines by their words; Chinese, Japanese and Thai lines
    # have none between spaces
    page_like = model is not None and not doc.unspaced_script and _has_model_lines(texts, prose, title_position)
    yield
    listing = code_units(doc, [range(a, b + 1) for a, b in zip(firsts, lasts)])[0] if page_like else set()
    if listing:  # "comments(" in a listing is code, not a comment section's heading
        cues = [None if k in listing else cue for k, cue in enumerate(cues)]
    yield
    kinds = yield from _structural_kinds(texts, short, cues, prose, page_like, listing)
    probabilities = None
    if page_like:
        probabilities = model.probabilities(texts, cues, content=listing)
    yield
    if page_like:
        for k in (_position(firsts, lasts, line) for line in _spam_lines(doc)):
            if k is not None and kinds[k] is None:
                kinds[k] = "spam"
    yield
    if title_position is not None:
        kinds[title_position] = None
    in_main = _in_main_text(texts, doc.metadata.get("main_text"))
    return PageLines(firsts, lasts, texts, kinds, probabilities, prose, in_main, title_position)


def _position(firsts: list[int], lasts: list[int], line: int) -> int | None:
    """The position of the line (or paragraph) that holds document line ``line``."""
    k = bisect_right(firsts, line) - 1
    return k if k >= 0 and line <= lasts[k] else None


def _has_model_lines(texts: list[str], prose: list[bool], title_position: int | None) -> bool:
    """Whether :data:`_MODEL_MIN_LINES` lines besides the headline's need the model
    (:func:`_needs_model`); it stops at the last one it needs. A prose line needs it only when
    it ends no sentence: with fewer non-prose lines than that and no line ending as such a line
    may (most texts), none is read."""
    if prose.count(False) < _MODEL_MIN_LINES and _PROSE_NOT_SENTENCE_ENDS.isdisjoint(map(_LAST_CHAR, texts)):
        return False
    odd = (k for k, text in enumerate(texts) if k != title_position and _needs_model(text, prose[k]))
    return next(islice(odd, _MODEL_MIN_LINES - 1, None), None) is not None


def _needs_model(text: str, prose: bool) -> bool:
    """A line the cue rules cannot vouch for: short, or not ending like a sentence (a line of
    ``prose`` is not short)."""
    if ends_sentence(text):
        return not prose and not has_spaces(text, _PLAIN_MIN_WORDS - 1)
    return not has_spaces(text, _SENTENCE_WORDS - 1)


def _structural_kinds(texts: list[str], short: ShortLines, cues: list[str | None], prose: list[bool],
                      page_like: bool, listing: set[int]) -> Generator[None, None, list[str | None]]:
    """Cue kinds refined by position (the generator's return value, in stages as
    :func:`_analyse`'s): counters, section labels, related-headline lists,
    comment threads and sections (reader reactions on ``page_like`` texts, those the line model
    runs on; in running prose only when nothing but readers' lines follow the first), and
    the article's time stamps (on the ``short`` lines). The lines of a program listing
    (positions ``listing``) get none but a comment's, and open no section."""
    n = len(texts)
    first = prose.index(True) if any(prose) else n
    last = n - 1 - prose[::-1].index(True) if any(prose) else -1
    counter = [False] * n
    for k in short.may_match:  # (a counter is one of the short lines that their regexes' search finds)
        counter[k] = len(texts[k]) < 24 and COUNTERS_RE.match(texts[k]) is not None
    kinds: list[str | None] = []
    for k, cue in enumerate(cues):
        if cue == "section":
            kinds.append("navigation" if k < first else None)
        elif counter[k]:
            # share counters open the page; elsewhere only beside a share button ("Share 12"
            # above "0 / 255"), or after the body beside another counter (a lone number there is
            # more often a score or an attendance)
            beside = [j for j in (k - 1, k + 1) if 0 <= j < n]
            button = any(cues[j] == "share" for j in beside)
            paired = any(counter[j] for j in beside)
            kinds.append("share" if k < first or button or (k > last and paired) else None)
        elif cue in _TOPIC_KINDS and _subheading(texts, prose, k):
            kinds.append(None)
        else:
            kinds.append(cue)
    for k in _menu_gap_positions(texts, kinds, first):
        kinds[k] = "navigation"
    yield
    for k in (*_headline_list_positions(texts, prose), *_dated_headline_positions(texts, prose),
              *_listed_titles(texts, kinds, prose)):
        kinds[k] = kinds[k] or "headline-list"
    yield
    for k in _archive_month_positions(texts, short):
        kinds[k] = kinds[k] or "navigation"
    for k in _company_profile_positions(texts, short, cues, prose):
        kinds[k] = kinds[k] or "legal"
    for k in _contact_block_positions(texts, cues, prose):
        kinds[k] = kinds[k] or "contact"
    yield
    if _article_above_end(prose):
        under_article = yield from _comments_under_article(texts, cues, prose, kinds, page_like, listing)
    else:  # (40 % of the bench's texts have too little article above their end for comments under it)
        under_article = yield from _idle(_COMMENT_STAGES, [])
    yield
    for k in _comment_thread_positions(texts, short, cues, prose):
        kinds[k] = kinds[k] or "comments"
    for positions, kind in under_article:
        for k in positions:
            kinds[k] = kinds[k] or kind
    yield
    for k in stamp_positions(texts, short):
        kinds[k] = kinds[k] or "stamp"
    yield
    for k in _byline_positions(texts, short, prose):
        kinds[k] = kinds[k] or "byline"
    for k, kind in _widget_controls(texts, kinds, prose):
        kinds[k] = kind
    for k in listing:  # code is article text, but a reader's code in a comment is a comment
        if kinds[k] not in _COMMENT_KINDS:
            kinds[k] = None
    return kinds


def _idle(stages: int, result: Any) -> Generator[None, None, Any]:
    """``result`` after ``stages`` yields and nothing else: a document that skips a staged search
    keeps in step with the batch's others (in :func:`analyse_batch` every document's analysis
    is at the same stage, as the CPU caches want)."""
    for _ in range(stages):
        yield
    return result


def _article_above_end(prose: list[bool]) -> bool:
    """Whether :data:`MIN_ARTICLE_PROSE` prose lines stand above a text's last two lines, as
    every search of :func:`_comments_under_article` needs: a thread's first comment has another
    under it, a section's heading or first reaction a comment under it."""
    return sum(prose[:len(prose) - 2]) >= MIN_ARTICLE_PROSE


def _comments_under_article(texts: list[str], cues: list[str | None], prose: list[bool], kinds: list[str | None],
                            page_like: bool, listing: set[int]) -> Generator[None, None, list[tuple[range, str]]]:
    """The readers' comments under the article (the generator's return value, in stages as
    :func:`_analyse`'s), with the kind each run of positions gets where
    a line has none (in this order; ``kinds`` are read before any is set): a comment section
    (a heading, reader reactions, a header-less thread at the end) is "comments"; the change of
    voice alone is "reader-comments", with reader reactions in it "comments"; the register
    model's verdict alone (learned) is "reader-comments"."""
    voice = _ReaderVoice(texts)  # (where comments end a text, its last lines')
    letters = _Letters(texts)
    tail_start = comment_sized_start(texts)
    end = _last_furniture(kinds, tail_start)
    scores = line_scores(texts)  # (the register model's, shared by both searches)
    learned = _register_thread(scores, prose, listing, kinds, letters, tail_start, end)
    yield
    post_end = end if end is not None and kinds[end] in POST_END_KINDS else None
    thread = _tail_thread(texts, prose, listing, letters, tail_start, post_end, voice.ends_text, scores)
    yield
    voice_tail = _reader_tail_positions(texts, prose, voice)
    if (thread and learned and learned.start < thread.start and not (voice_tail and voice_tail.start <= learned.start)
            and not any(QUESTION_RE.search(texts[k]) for k in range(learned.start, thread.start))):
        thread = range(learned.start, len(texts))  # the model finds where the cued thread starts (not
        # above the post's question to its readers, "Have you been? Which walk would you recommend?")
    yield
    section = _comment_section_positions(texts, cues, prose, listing)
    yield
    reactions = _reactions(texts, prose, page_like, voice, letters, tail_start)
    tail_kind = ("comments" if sum(is_reaction(texts[k]) for k in voice_tail) >= _MIN_REACTIONS
                 and not letters.from_line(voice_tail.start)
                 else "reader-comments")
    return [(section, "comments"), (reactions, "comments"), (thread, "comments"),
            (voice_tail, tail_kind), (learned, "reader-comments")]


def _widget_controls(texts: list[str], kinds: list[str | None],
                     prose: list[bool]) -> list[tuple[int, str]]:
    """``(position, kind)`` of the buttons and fields of a widget the cues found ("Accept" under
    a cookie banner, "Website" and "Post Comment" in a comment form, "X" among the share
    buttons): outside the article's prose (a table of platforms in it names Facebook), a short
    line that is no sentence and has no kind, at most :data:`_MAX_CONTROLS` lines under a line
    of a widget's kind with only furniture between, where the page ends or goes on with
    furniture or another such label."""
    if _WIDGET_KINDS.isdisjoint(kinds):  # most pages
        return []
    body = [k for k, kind in enumerate(kinds) if prose[k] and kind is None]
    if not body:
        return []
    found: dict[int, str] = {}
    for k in (*range(1, body[0]), *range(body[-1] + 1, len(texts))):
        if kinds[k] is not None or not _control_label(texts[k], prose[k]):
            continue
        widget = None
        for j in range(k - 1, max(k - 1 - _MAX_CONTROLS, -1), -1):
            if kinds[j] in _WIDGET_KINDS:
                widget = kinds[j]
                break
            if kinds[j] is None and j not in found:
                break  # only the furniture right above counts
        after = k + 1
        if widget and (after == len(texts) or kinds[after] is not None
                       or _control_label(texts[after], prose[after])):
            found[k] = widget
    return list(found.items())


def _control_label(text: str, prose: bool) -> bool:
    """A line that may be a button's or a field's label: a few words, no sentence."""
    return (not prose and len(text) <= _MAX_CONTROL_CHARS and text.count(" ") < _MAX_CONTROL_WORDS
            and not text.endswith("."))


def _byline_positions(texts: list[str], short: ShortLines, prose: list[bool]) -> list[int]:
    """Positions of the lines that are nothing but the article's byline or reading time (not
    prose), among the ``short`` ones their regexes' search finds (a byline is one: most of a
    page's lines are not)."""
    return [k for k in sorted(short.may_match)
            if len(texts[k]) <= MAX_BYLINE_CHARS and not prose[k]
            and BYLINE_RE.match(texts[k]) is not None]


def _menu_gap_positions(texts: list[str], kinds: list[str | None], first: int) -> list[int]:
    """Short lines above the body between two menu entries ("News", "Weather", "Sports"): a
    menu's entry, though its word is the story's (a tornado story cites the National Weather
    Service, QA pass 19); at most :data:`_MAX_MENU_WORDS` words and no sentence."""
    return [k for k in range(1, min(first, len(texts) - 1))
            if kinds[k] is None and kinds[k - 1] == kinds[k + 1] == "navigation"
            and texts[k].count(" ") < _MAX_MENU_WORDS and not ends_sentence(texts[k])]


def _archive_month_positions(texts: list[str], short: ShortLines) -> list[int]:
    """Lines of runs of at least two month-of-a-year lines ("March 2012", "February 2012"): a
    blog's archive list (one alone is a timeline's subheading). Such a line is one of the
    ``short`` ones their regexes' search finds (most of a page's lines are not), and most pages
    have none."""
    months = {k for k in short.may_match if len(texts[k]) <= 20 and MONTH_LINE_RE.fullmatch(texts[k]) is not None}
    return [k for k in sorted(months) if k - 1 in months or k + 1 in months]


def _company_profile_positions(texts: list[str], short: ShortLines, cues: list[str | None],
                               prose: list[bool]) -> list[int]:
    """Lines of a press release's company profile: an "About <Company>" heading and the lines
    after it that describe the company (:data:`COMPANY_PROFILE_RE`: "Founded in 2008 ...",
    "... is a leading provider of ...", "For more information, visit ..."), with no more than
    one line of prose that no cue explains after them (a release ends with its profile, then
    its disclaimer and contacts). A heading without such a line after it is an article's
    subheading ("About Time"), and one with the story going on after it a section of a
    business story ("About Crisply", QA pass 17). The heading is one of the ``short`` lines: a
    page without "About " among them (most) has none."""
    found: list[int] = []
    if "About " not in short.joined:
        return found
    for k, text in enumerate(texts[:-1]):
        if text.startswith("About ") and len(text) <= 80 and ABOUT_HEADING_RE.fullmatch(text):
            end = _run_end(k, len(texts), lambda j: COMPANY_PROFILE_RE.search(texts[j]))
            story_after = sum(prose[j] and cues[j] is None for j in range(end, len(texts)))
            if end > k + 1 and story_after <= 1:
                found += range(k, end)
    return found


def _contact_block_positions(texts: list[str], cues: list[str | None],
                             prose: list[bool]) -> list[int]:
    """Lines of a press release's contact block under its heading ("Media Contact:", then
    "Dana Kowalski", "Director, Corporate Communications", "(317) 555-0143", an e-mail address;
    QA pass 19): up to :data:`_MAX_CONTACT_LINES` short lines that no cue explains, not prose."""
    found: list[int] = []
    if "contact" not in cues:  # (the heading's cue: most pages have none)
        return found
    for k, text in enumerate(texts[:-1]):
        if cues[k] == "contact" and CONTACT_HEADING_RE.fullmatch(text):
            end = _run_end(k, min(len(texts), k + 1 + _MAX_CONTACT_LINES),
                           lambda j: (cues[j] is None and not prose[j]
                                      and texts[j].count(" ") < _MAX_CONTACT_WORDS))
            found += range(k + 1, end)
    return found


def _run_end(k: int, stop: int, belongs) -> int:
    """The end of the run of lines after line ``k``, before ``stop``, for which ``belongs(j)``
    holds (``k + 1`` when the next line does not)."""
    end = k + 1
    while end < stop and belongs(end):
        end += 1
    return end


def _listed_titles(texts: list[str], kinds: list[str | None], prose: list[bool]) -> list[int]:
    """The titles under a list's heading that a cue found ("Related Posts", "Most Read"): the
    short lines that are no sentence, their dates among them, up to the first prose line or
    line of another kind, at most :data:`_MAX_LISTED_TITLES` (QA pass 34: only the heading was
    a warning, the titles under it were the line model's infos)."""
    found: list[int] = []
    if "navigation" not in kinds:  # most pages
        return found
    for k, text in enumerate(texts):
        if kinds[k] != "navigation" or not LIST_HEADING_RE.match(text):
            continue
        j = k + 1
        while (j < len(texts) and j - k <= _MAX_LISTED_TITLES and kinds[j] is None and not prose[j]
               and len(texts[j]) <= _MAX_HEADLINE_CHARS and not texts[j].endswith(".")):
            j += 1
        if j - k > _MIN_LISTED_TITLES:
            found += range(k + 1, j)
    return found


def _dated_headline_positions(texts: list[str], prose: list[bool]) -> list[int]:
    """Lines of runs of at least two headlines that end in their date on the line ("HTC One
    gets Android 4.2.2 in Europe May 28, 2013"): the related-post list of an older CMS, which
    does not put the date on a line of its own (one alone is a timeline's entry)."""
    dated = [False] * len(texts)
    # (a line of prose is no such headline, and one between two lines of prose has no other beside it)
    for k in _paired([not line_prose for line_prose in prose]):
        headline = dated_headline(texts[k])
        dated[k] = headline is not None and len(_WORD_RE.findall(headline)) >= _MIN_HEADLINE_WORDS
    return _paired(dated)


def _paired(flags: list[bool]) -> list[int]:
    """The positions of the flags that stand beside another one."""
    return [k for k, flag in enumerate(flags)
            if flag and ((k > 0 and flags[k - 1]) or (k + 1 < len(flags) and flags[k + 1]))]


def _headline_list_positions(texts: list[str], prose: list[bool]) -> list[int]:
    """Lines of runs of at least two (headline, date) pairs: related-post lists. A headline has
    words (a table of figures and dates has none)."""
    found: list[int] = []
    run: list[int] = []
    k = 0
    while k + 1 < len(texts):
        if (not prose[k] and len(texts[k]) <= _MAX_HEADLINE_CHARS  # (the next line first: few are dates)
                and DATE_LINE_RE.match(texts[k + 1]) and not DATE_LINE_RE.match(texts[k])
                and len(_WORD_RE.findall(texts[k])) >= _MIN_HEADLINE_WORDS):
            run += [k, k + 1]
            k += 2
            continue
        if len(run) >= 4:
            found += run
        run = []
        k += 1
    if len(run) >= 4:
        found += run
    return found


def _comment_thread_positions(texts: list[str], short: ShortLines, cues: list[str | None],
                              prose: list[bool]) -> list[int]:
    """Lines of comment threads: from the first to the last marker of a run of comment markers
    (no more than :data:`_COMMENT_GAP` lines apart, with a header, or two "Report abuse" links,
    and a marker stronger than "Jane says:" or :data:`_MIN_WEAK_HEADERS` of those, or two
    with nothing but furniture after the thread), plus the body of the last comment when the
    run ends on a header (headers are found among the ``short`` lines). A thread whose first
    header no article prose precedes is a forum's: it starts at that header, and its opening
    post is the article (:func:`_opening_post`)."""
    header = comment_headers(texts, short)
    if "comments" not in cues and not any(header):  # no marker: most pages
        return []
    # a post's header, a forum post's profile field ("Join Date: Jun 2005", "Posts: 2,341") or
    # a scored comment title ("Re: (Score:2)") (both comment cues too, so only those are tried)
    post = [h is not None or (cue == "comments" and (FORUM_PROFILE_RE.match(t) is not None
                                                     or SCORED_TITLE_RE.match(t) is not None))
            for h, cue, t in zip(header, cues, texts)]
    prose_before = list(accumulate(prose, initial=0))
    is_marker = [is_post or cue == "comments" for is_post, cue in zip(post, cues)]
    markers = [k for k, marker in enumerate(is_marker) if marker]
    found: list[int] = []
    start = 0
    for end in range(1, len(markers) + 1):
        if end < len(markers) and markers[end] - markers[end - 1] <= _COMMENT_GAP:
            continue
        run = markers[start:end]
        start = end
        last = run[-1]
        if post[last]:  # the last comment's body, up to the next other furniture
            stop = min(len(texts), last + 1 + _COMMENT_GAP)
            while last + 1 < stop and cues[last + 1] is None:
                last += 1
        weak = [k for k in run if header[k] and header[k].group("said")]
        # two "Jane says:" headers make a thread when nothing but furniture follows the last
        # one's first line (and each reads as a commenter's name: "The ministry says:" is a
        # statement's)
        strong = (len(run) > len(weak) or len(weak) >= _MIN_WEAK_HEADERS
                  or (sum(cues[k] == "comments" for k in weak) >= 2
                      and all(cue is not None for cue in cues[run[-1] + 2:])))
        reports = sum(REPORT_MARKER_RE.match(texts[k]) is not None for k in run)
        if (len(run) < 2 or not strong or not (any(post[k] for k in run) or reports >= 2)
                or all(_entry_stamp(texts, prose, k) for k in run)):
            continue
        # a thread whose first header no article prose precedes is a forum's: it starts at
        # that header (furniture cues above it, "Post a reply", are flagged as lines, the
        # headline between them is not) and its opening post is the article
        first = next((k for k in run if post[k]), run[0])
        forum = post[first] and prose_before[first] < MIN_ARTICLE_PROSE
        if forum:  # the first post's body ends where the next post's header stands (when the
            # thread opens with the poster's block, SMF's "Posts: 4,112", the post's own header,
            # "« on: date »", comes next: only a header after prose is the next post's)
            next_post = next((k for k in range(first + 1, last + 1) if header[k] and (
                header[first] or prose_before[k] > prose_before[first + 1])), last + 1)
            opening = _opening_post(first, next_post, is_marker, prose)
            if opening and opening.start > run[-1] and last + 1 < len(texts) and cues[last + 1] is None:
                # the opening post fills the last header's window and goes on past it: the
                # lines between its paragraphs there ("Strip down") are subheads, no signature
                opening = range(opening.start, last + 1)
        else:
            opening = range(0)
        found += (k for k in range(first if forum else run[0], last + 1) if k not in opening)
    return found


def _subheading(texts: list[str], prose: list[bool], k: int) -> bool:
    """Whether the line at ``k`` is a subheading of one or two words between paragraphs whose
    next paragraph takes up its word ("Print" over "The decline in print is steady ...",
    "Newsletter" over "The publisher now sends more than 100 newsletters", "Comments" over
    "Residents sent more than 400 comments on the plan"), not a widget's
    label that happens to read as one ("Share this:" over a comment that says "this")."""
    words = texts[k].lower().split()
    return (_between_prose(prose, k) and len(words) <= 2
            and any(len(w) >= 4 and w.strip(":") not in ENGLISH_STOP_WORDS
                    and w.strip(":") in texts[k + 1].lower() for w in words))


def _entry_stamp(texts: list[str], prose: list[bool], k: int) -> bool:
    """Whether line ``k`` is a bare time stamp between paragraphs of prose ("Wed 6 Mar 2024
    11.05 GMT"): a live blog's entry, written by its reporters. A comment's time stamp follows
    the commenter's name or header ("Maria Lopez" / "March 3, 2012 at 4:15 pm"), so a run of
    nothing but such stamps is no thread."""
    return _between_prose(prose, k) and STAMP_FIRST_RE.match(texts[k]) is not None


def _between_prose(prose: list[bool], k: int) -> bool:
    """Whether the lines on both sides of line ``k`` are prose."""
    return 0 < k < len(prose) - 1 and prose[k - 1] and prose[k + 1]


def _opening_post(first: int, end: int, marker: list[bool], prose: list[bool]) -> range:
    """The body of a forum's first post, whose header (or quote label) is at ``first``: the
    first run of lines after it, before ``end``, that are no thread markers and hold
    :data:`_MIN_OPENING_POST_PROSE` prose lines (a story, not a one-line comment in a sidebar's
    "Latest Comments"), from its first to its last prose line. Profile fields may come between
    the header and the body (vBulletin: "Join Date", "Posts", then the post), or stand at
    ``first`` above the post's own header (SMF: "Posts: 4,112", then "« on: date »")."""
    k = first + 1
    while k < end:
        if marker[k]:
            k += 1
            continue
        stop = k
        while stop < end and not marker[stop]:
            stop += 1
        body = [j for j in range(k, stop) if prose[j]]
        if len(body) >= _MIN_OPENING_POST_PROSE:
            return range(body[0], body[-1] + 1)
        k = stop
    return range(0)


def _comment_section_positions(texts: list[str], cues: list[str | None],
                               prose: list[bool], listing: set[int]) -> range:
    """Everything from a comment-section heading ("12 Comments") on, when the heading follows
    at least :data:`MIN_ARTICLE_PROSE` prose lines (the article; a heading in a share bar
    under the headline has none before it) and has comments after it: a comment marker or a
    line in a reader's voice within :data:`_REACTION_WINDOW` lines. With a count, at most
    :data:`_MAX_UNMARKED_COMMENTS` lines of any kind will do (a scraper kept a comment's body
    alone); more, none of them a comment's, are the article going on after a toolbar's "12
    Comments" link (QA pass 23: its subheads and paragraphs were flagged). A count next to a date
    ("August 19, 2025 |", "33 Comments") is a link in the post's byline row, above the article:
    it opens the section only when comment markers follow it. A line of a program listing
    (``listing``: "comments(") is no heading."""
    above = _after_prose(prose, MIN_ARTICLE_PROSE)
    for k in range(above, len(texts) - 1):
        text = texts[k]
        heading = (len(text) <= 240 and k not in listing and _COMMENT_OPENER_START_RE.match(text) is not None
                   and COMMENT_OPENER_RE.match(text))
        if heading and (_comments_follow(texts, cues, k, voice=False) if _in_byline_row(texts, k)
                        else _comments_follow(texts, cues, k)
                        or heading.group("count") and len(texts) - k - 1 <= _MAX_UNMARKED_COMMENTS):
            return range(k, len(texts))
    return range(0)


def _after_prose(prose: list[bool], count: int) -> int:
    """The position after the ``count``-th prose line (``len(prose)`` when there are fewer): a
    C-level search for each (a running count over the lines costs more)."""
    k = -1
    for _ in range(count):
        try:
            k = prose.index(True, k + 1)
        except ValueError:
            return len(prose)
    return k + 1


def _in_byline_row(texts: list[str], k: int) -> bool:
    """Whether the line at ``k`` stands next to a date line (the post's byline row)."""
    return any(0 <= j < len(texts) and DATE_LINE_RE.match(texts[j]) is not None for j in (k - 1, k + 1))


def _comments_follow(texts: list[str], cues: list[str | None], k: int, voice: bool = True) -> bool:
    """Whether a comment marker (or, with ``voice``, a line in a reader's voice) comes within
    :data:`_REACTION_WINDOW` lines after line ``k`` (a first comment may run long)."""
    return any(cues[j] == "comments" or comment_header(texts[j]) or (voice and in_reader_voice(texts[j]))
               for j in range(k + 1, min(len(texts), k + 1 + _REACTION_WINDOW)))


def _reaction_section_positions(texts: list[str], prose: list[bool], letters: _Letters) -> range:
    """Everything from the first of :data:`_MIN_REACTIONS` reader reactions ("Great post!",
    "Thanks for sharing", "@Paul:"; not attributed like a quote) within
    :data:`_REACTION_WINDOW` lines on, when at least
    :data:`MIN_ARTICLE_PROSE` prose lines come before it and no readers' ``letters`` from
    there on: comments a scraper kept without their headers (trafilatura appends them to the
    article)."""
    above = _after_prose(prose, MIN_ARTICLE_PROSE)
    if not may_react(texts[above:]):  # (most pages; the lines above the article's third prose line count none)
        return range(0)
    reactions = []
    for k in range(above, len(texts)):
        if is_reaction(texts[k]):
            reactions.append(k)
            if len(reactions) >= _MIN_REACTIONS:
                first = reactions[-_MIN_REACTIONS]
                if k - first < _REACTION_WINDOW and not letters.from_line(first):
                    return range(_thread_start(texts, prose, first), len(texts))
    return range(0)


def _thread_start(texts: list[str], prose: list[bool], first: int) -> int:
    """Where the comment section whose first reader reaction is at ``first`` starts: right after
    the writer's sign-off that closes the post (:func:`_sign_off_before`), when at least half
    the lines between it and the reaction are in a reader's voice (the comments above the first
    that reacts); else at the reaction. (The lines above a reaction in a reader's voice alone
    are no comments: a first-person post's last paragraphs read so, stop 40.)"""
    end = _sign_off_before(texts, prose, first)
    if end is not None and _readers_share(texts, range(end + 1, first)) >= 0.5:
        return end + 1
    return first


def _sign_off_before(texts: list[str], prose: list[bool], first: int) -> int | None:
    """The position of the last writer's sign-off before line ``first`` (:data:`SIGN_OFF_RE`,
    "— JS", with at least :data:`MIN_ARTICLE_PROSE` prose lines before it), or None. A dashed
    line beside another is a list's item, and one under a quotation names its author ("—
    Abraham Lincoln")."""
    for k in range(first - 1, 0, -1):
        text = texts[k]
        if (SIGN_OFF_RE.match(text) is not None and texts[k - 1][:1] not in QUOTE_OPENERS
                and not texts[k - 1].endswith(_QUOTE_ENDS)
                and not any(0 <= j < len(texts) and texts[j][:1] == text[0] for j in (k - 1, k + 1))):
            return k if sum(prose[:k]) >= MIN_ARTICLE_PROSE else None
    return None


def _readers_share(texts: list[str], lines: range) -> float:
    """The share of the ``lines`` in a reader's voice or reacting to the post (1 for none)."""
    return sum(in_reader_voice_or_reacting(texts[k]) for k in lines) / len(lines) if lines else 1.0


def _reactions(texts: list[str], prose: list[bool], page_like: bool, voice: _ReaderVoice,
               letters: _Letters, tail_start: int) -> range:
    """The comment section that reader reactions open (:func:`_reaction_section_positions`):
    on ``page_like`` texts; in running prose only when it is a tail of comment-sized lines (from
    ``tail_start`` on), at least :data:`_SECTION_VOICE_SHARE` of them readers' (most texts end
    otherwise, so the search is skipped unless one of the last :data:`_VOICE_END_LINES` lines is
    one, by its ``voice`` or as a reaction). Before QA pass 36
    every line had to be a reader's, so one comment in "we", or "Yes please, that would be
    brilliant.", hid a whole thread."""
    if page_like:
        return _reaction_section_positions(texts, prose, letters)
    last = max(0, len(texts) - _VOICE_END_LINES)
    if tail_start == len(texts) or not (any(map(voice, range(last, len(texts)))) or any_reaction(texts[last:])):
        return range(0)
    found = _reaction_section_positions(texts, prose, letters)
    return (found if _readers_share(texts, found) >= _SECTION_VOICE_SHARE and found.start >= tail_start
            else range(0))


def _tail_thread(texts: list[str], prose: list[bool], listing: set[int], letters: _Letters, tail_start: int,
                 post_end: int | None, voiced_end: Callable[[], bool], scores: LineScores | None) -> range:
    """The header-less comment thread that ends the text
    (:func:`~scanner.boilerplate.readers.tail_thread_positions`, in the comment-sized lines
    from ``tail_start`` on; under the furniture at ``post_end``, :func:`_last_furniture`), unless it
    is readers' ``letters``."""
    thread = tail_thread_positions(texts, prose, listing, tail_start, post_end, voiced_end, scores)
    return range(0) if thread and letters.from_line(thread.start) else thread


def _register_thread(scores: LineScores | None, prose: list[bool], listing: set[int], kinds: list[str | None],
                     letters: _Letters, tail_start: int, furniture: int | None) -> range:
    """The comment thread that ends the text by its register alone
    (:func:`~scanner.boilerplate.comment_lines.register_tail`, or under a news report
    :func:`~scanner.boilerplate.comment_lines.contrast_tail`, which needs less of a reader's
    voice in a text whose last line with a kind, ``furniture`` (:func:`_last_furniture`), is
    furniture that ends an article (its share buttons, footer, tags, contact line or
    copyright, under the article's prose)), starting under the post's
    closing words to its readers (:func:`_closes_post_above`) and under any furniture (a line with a kind: the share
    buttons or the footer that end the post); none in a program listing or readers' ``letters``.
    A text whose last lines hold a line with a kind or a listing's is not scored (:func:`_no_tail_under`)."""
    if scores is None or _no_tail_under(kinds, listing):  # (no model, or no thread to find)
        return range(0)
    texts = scores.texts
    ends_article = (furniture is not None and kinds[furniture] in _ARTICLE_END_KINDS
                    and sum(prose[:furniture]) >= MIN_ARTICLE_PROSE)
    thread = (register_tail(scores, prose, tail_start, MIN_ARTICLE_PROSE)
              or contrast_tail(scores, prose, tail_start, MIN_ARTICLE_PROSE, ends_article))
    if not thread or listing.intersection(thread) or letters.from_line(thread.start):
        return range(0)
    start = max((k + 1 for k in thread if kinds[k] is not None or _closes_post_above(texts, k, thread.stop)),
                default=thread.start)
    return range(start, thread.stop) if thread.stop - start >= _MIN_TAIL else range(0)


def _no_tail_under(kinds: list[str | None], listing: set[int]) -> bool:
    """Whether one of a text's last lines, which every thread :func:`_register_thread`'s searches
    find holds (:data:`~scanner.boilerplate.comment_lines.MIN_TAIL_LINES` at least), has a kind
    or is a program listing's: the thread would start under that line with fewer than
    :data:`_MIN_TAIL` lines left, or hold a listing's line, and be none. Such a text is not
    scored (467 of the 12,045 texts the bench's first 20,000 documents search, 817 lines)."""
    return any(kinds[k] is not None or k in listing
               for k in range(max(0, len(kinds) - min(MIN_TAIL_LINES, _MIN_TAIL)), len(kinds)))


def _closes_post_above(texts: list[str], k: int, stop: int) -> bool:
    """Whether line ``k`` closes the post above the comments that end at ``stop``
    (:func:`~scanner.boilerplate.readers.closes_post`): a question to the readers anywhere
    ("What is yours? Share in the comments"), other closing words only with :data:`_MIN_TAIL`
    lines under them (a comment's thanks or wishes end a thread: "Thank you to everyone who
    came out on Tuesday.", "Good luck to them.")."""
    return ((stop - k > _MIN_TAIL or QUESTION_RE.search(texts[k]) is not None)
            and closes_post(texts[k]))


def _last_furniture(kinds: list[str | None], tail_start: int) -> int | None:
    """The position of the last line with a kind when only comment-sized lines without one
    follow it: at or under the last line longer than a comment (``tail_start`` is the first
    comment-sized line after it), or None. Of :data:`POST_END_KINDS` it is the furniture that
    ends a post (share buttons, a footer such as "Posted by Jane at 8:47 PM | Permalink", tags,
    the writer's contact line; not a list of other posts' titles), under which the header-less
    thread needs fewer cues. (The furniture's first row, above which BPL011 finds the post's own
    closing, is :data:`~scanner.boilerplate.patterns.POST_END_FIRST_ROW_RE`'s.)"""
    for k in range(len(kinds) - 1, max(tail_start - 2, -1), -1):
        if kinds[k] is not None:
            return k
    return None


class _ReaderVoice:
    """Whether each line of a text is in a reader's own voice
    (:func:`~scanner.boilerplate.readers.in_reader_voice`), read when first asked: most texts
    need their last lines' at most."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._known: dict[int, bool] = {}

    def __call__(self, k: int) -> bool:
        if k not in self._known:
            self._known[k] = in_reader_voice(self._texts[k])
        return self._known[k]

    def ends_text(self) -> bool:
        """Whether one of the text's last :data:`_MIN_TAIL` lines is in a reader's voice."""
        n = len(self._texts)
        return any(map(self, range(max(0, n - _MIN_TAIL), n)))


class _Letters:
    """The readers' letters of a text, looked for when a comment section is first found (most
    texts have none to check)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts

    @cached_view
    def marks(self) -> list[int]:
        """The lines of letter writers' signatures ("John Smith, Bath", "Boxed In, Ipswich") and
        of letters' salutations ("Dear Helen,")."""
        return [k for k, text in enumerate(self._texts)
                if LETTER_SIGNATURE_RE.match(text) or (text[:5].lower() == "dear " and SALUTATION_RE.match(text))]

    def from_line(self, start: int) -> bool:
        """Whether two of the :attr:`marks` stand at or after line ``start``: a letters page or
        an advice column, whose readers' letters are the article, not comments."""
        marks = self.marks
        return len(marks) >= 2 and marks[-2] >= start


def _reader_tail_positions(texts: list[str], prose: list[bool], voice: _ReaderVoice) -> range:
    """The longest tail of at least :data:`_MIN_TAIL` lines where the voice changes: it opens
    with a line in a reader's own voice (``voice``) after one that does not
    speak personally (:func:`~scanner.boilerplate.readers.speaks_personally`), has at least :data:`_TAIL_VOICE_SHARE` of
    its lines in that voice and one that addresses someone (:func:`_addresses_someone`), and
    follows at least :data:`MIN_ARTICLE_PROSE` prose lines of which at most
    :data:`_BODY_VOICE_SHARE` are in it: comment bodies a scraper appended to an article
    written in another voice. An article told in the first person throughout has no such
    contrast, and an author's closing note in the first person joins no comment tail."""
    n = len(texts)
    if n < _MIN_TAIL + MIN_ARTICLE_PROSE:
        return range(0)
    # cheap exit for nearly every article: a tail needs all but one of its last lines in that
    # voice (read from the last up, the lines _reactions reads first, until two are not)
    unvoiced = 0
    for k in range(n - 1, n - 1 - _MIN_TAIL, -1):
        unvoiced += not voice(k)
        if unvoiced > 1:
            return range(0)
    voiced = list(map(voice, range(n)))
    # prose lines before each line, and those of them in a reader's voice
    body = list(accumulate(prose, initial=0))
    body_voice = list(accumulate((v and p for v, p in zip(voiced, prose)), initial=0))
    in_tail = 0
    found = None
    for k in range(n - 1, 0, -1):
        in_tail += voiced[k]
        if (n - k >= _MIN_TAIL and voiced[k] and in_tail >= _TAIL_VOICE_SHARE * (n - k)
                and body[k] >= MIN_ARTICLE_PROSE
                and body_voice[k] <= _BODY_VOICE_SHARE * body[k]
                and not speaks_personally(texts[k - 1]) and not _asks_readers_only(texts[k])):
            found = k
    if found is None or not any(map(_addresses_someone, texts[found:])):
        return range(0)
    return range(found, n)


def _asks_readers_only(text: str) -> bool:
    """A line in a reader's voice only by a question put to "you" ("Have you been to the Lakes?
    Which walk would you recommend?"): how a post closes, so no comment tail starts with it
    (stop 40). A commenter's question is about the story ("When are they going to replace the
    whole line?") or comes with the commenter's own "I"."""
    return _SECOND_PERSON_RE.search(text) is not None and not speaks_personally(text)


def _addresses_someone(text: str) -> bool:
    """A comment's exchange: a question, a reply's opening or a reaction to the post."""
    return QUESTION_RE.search(text) is not None or replies(text)


@cache
def _spam_rules() -> list[Rule]:
    """The phrase-level spam rules of ``rules/spam.yaml`` (their lines are spam, not boilerplate)."""
    from scanner.checks.spam import SelfPromotionalBio

    try:
        from scanner.packs import load_pack

        pack = load_pack(data_path("rules", "spam.yaml"), check_examples=False)
    except (ImportError, FileNotFoundError):
        pack = []
    return [SelfPromotionalBio(), *pack]


def _spam_lines(doc: Document) -> set[int]:
    return {doc.line_index(f.start) for rule in _spam_rules() for f in rule.check(doc)
            if f.start is not None}


def _in_main_text(texts: list[str], main_text: str | None) -> list[bool] | None:
    """Whether each line occurs in trafilatura's main text (None when there is none).

    A substring test per line costs the main text's length, so a page of tens of thousands of
    lines with a long main text (a 50,000-row table) would take minutes; beyond
    :data:`_SUBSTRING_BUDGET` the lines are looked up where the main text's words start
    (:func:`_occurrences_at_word_starts`) instead."""
    if not main_text:
        return None
    haystack = _SPACE_RE.sub(" ", main_text).strip()
    lines = [_SPACE_RE.sub(" ", t) for t in texts]
    if len(lines) * len(haystack) <= _SUBSTRING_BUDGET:
        return [line in haystack for line in lines]
    return _occurrences_at_word_starts(lines, haystack)


def _occurrences_at_word_starts(lines: list[str], haystack: str) -> list[bool]:
    """Whether each line occurs in ``haystack`` (single-spaced) starting at one of its words:
    a line of one word must be one of its words, a longer line is compared where its first
    two words stand. Linear in the two texts' lengths (plus repeats of a line's first pair)."""
    words = haystack.split(" ")
    starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
    at_pair: dict[tuple[str, str], list[int]] = {}
    for k in range(len(words) - 1):
        at_pair.setdefault((words[k], words[k + 1]), []).append(starts[k])
    single = set(words)
    found = []
    for line in lines:
        first = line.split(" ", 2)
        if len(first) == 1:
            found.append(line in single)
        else:
            found.append(any(haystack.startswith(line, start)
                             for start in at_pair.get((first[0], first[1]), ())))
    return found
