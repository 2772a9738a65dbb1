"""Readers' lines in scraped text: their voice, their reactions, and header-less comment threads.

A scraper such as trafilatura appends a post's comments to the article without their headers
("Jane says: March 3, 2012 at 4:15 pm", "Reply"): only the bodies are left, and only what they
say tells them from the article's own last paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, groupby

from scanner.boilerplate.comment_lines import (
    QUESTION_RE,
    LineScores,
    asks_only,
    holds_double_quote,
    in_readers_register,
    read_as_comments,
)
from scanner.boilerplate.patterns import (
    ASKS_READERS_RE,
    ATTRIBUTION_RE,
    COMMENT_OPENER_CUE_RE,
    COMMENT_PHRASE_RE,
    FIRST_PERSON_RE,
    NAME_AFTER_YOU_RE,
    NAMED_REACTION_RE,
    NAMED_REPLY_RE,
    NOT_NAMES,
    POST_CLOSING_RE,
    QUOTE_OPENERS,
    QUOTED_OR_LISTED_RE,
    READER_REACTION_RE,
    REPLY_OPENER_RE,
    SHOUT_OUT_RE,
    SIGN_OFF_RE,
    VOCATIVE_RE,
)
from scanner.re2_prefilter import (
    Finder,
    FinderSet,
    GatedSearch,
    LinePrefilter,
    line_start_pattern,
    line_start_union,
)
from scanner.wrapping import ends_sentence

MAX_COMMENT_CHARS = 600  # a longer line is article text, not a reader's comment
MIN_ARTICLE_PROSE = 3  # prose lines of an article above its comments
AT_REPLY_RE = re.compile(r"@\w[\w.-]*[\s,:–—-]")  # "@Gwen it was ...", "@Paul: ..."
# a social post an article quotes: "@HomeBakerSue: Wonky croissants taste better. #WonkyIsFine"
_HASHTAG_RE = re.compile(r"(?:^|\s)#[^\W\d_]\w*")
# a question put to the author or the other readers: "Did you use an app?", "Does anyone know
# ...?" (a sentence of its own; not a post's "Did you know ...?"); the look-ahead skips a sentence
# that ends in no question mark before looking for the words in it
_QUESTION_TO_SOMEONE_RE = re.compile(
    r"(?:^|[.!?]\s+)(?!did\s+you\s+know\b)(?=[^.!?]*\?)[^.!?]*?\b(?:you|anyone|anybody|someone|somebody)\b",
    re.IGNORECASE)
_SOMEONE_STEMS = ("you", "anyo", "anyb", "someo", "someb")  # (a substring test before the regex)
# the commenter's own words, the author's or the commenter's family's, reported ("I turned to my
# lad and said ...", "I should have said ...", "like you said", "My mum always said ..."): no
# statement attributed to somebody else
_OWN_SPEECH_RE = re.compile(
    r"\b(?:i|we|you|and|have|had|i['’](?:ve|d)|(?:my|our)\s+\w+)\s+(?:\w+ly\s+|always\s+|just\s+|also\s+|never\s+"
    r"|once\s+|actually\s+)?(?:said|told|wrote)\b", re.IGNORECASE)
# the persons a reply speaks of (a subject's apposition or a list speaks of none: "Smaller,
# efficient EVs ideal for city driving.")
_PERSON_RE = re.compile(r"\b(?:i|me|my|you|your|we|us|our|it|he|him|she|they|them)(?:['’]\w+)?\b", re.IGNORECASE)
_GREETS_BY_NAME_RE = re.compile(r"(?:hi|hey|hello|dear)\s+(?-i:[A-Z])", re.IGNORECASE)  # "Hi Gaz, yes, ..."
_ANSWER_RE = re.compile(r"(?:yes|no|yeah|yep|nope|ok|okay)\b(?!\s+please)|thanks\s+to\b|(?:hi|hello|hey)\s+from\b",
                        re.IGNORECASE)
_QUOTED_START_RE = re.compile(r"[\"“‘']([^\"”’]{12,200}?)[\"”’']")
_WORDS_RE = re.compile(r"\w+")
_MIN_QUOTED_WORDS = 4
_OWN_RE = re.compile(r"\b(?:we|us|our|ours|mine)\b", re.IGNORECASE)
_QUOTE_MARK_RE = re.compile(r"[\"“”]")
_LIST_ITEM_RE = re.compile(r"(?:q\d*|\d+)\s*[.:)]", re.IGNORECASE)  # "1. What ...?", "Q: ...?"
# the lines that may open as a comment does (a reply, a reaction, a name) or hold a comment's
# words (COMMENT_PHRASE_RE), found by one RE2 search
_MAY_CUE = LinePrefilter(*(re.compile("|".join(
    re.sub(r"\(\?P<\w+>", "(?:", f"(?:{regex.pattern})") for regex in regexes), re.IGNORECASE) for regexes in (
        (COMMENT_OPENER_CUE_RE, NAMED_REPLY_RE, NAMED_REACTION_RE, VOCATIVE_RE, READER_REACTION_RE, REPLY_OPENER_RE),
        (COMMENT_PHRASE_RE, NAME_AFTER_YOU_RE))))
_COMMENT_PHRASE = GatedSearch(COMMENT_PHRASE_RE)  # (most lines the search above finds hold none)
# a line in the first person, and whether it may open as a reply or a reaction does (which
# replies then matches; most lines may not), found by one RE2 search
_PERSONAL = FinderSet(FIRST_PERSON_RE.pattern, *map(line_start_pattern, (REPLY_OPENER_RE, READER_REACTION_RE)))
_QUOTED_OR_LISTED = Finder(QUOTED_OR_LISTED_RE)
# whether any line of a text may open as a reaction does, by one RE2 set search of the text (no
# order of preference among its positions: few states to build on a first pass)
_MAY_REACT = Finder(line_start_union((READER_REACTION_RE,)))
# A header-less thread at a text's end (tail_thread_positions): comment-sized lines, at least
# _MIN_THREAD_CUES of them and _THREAD_CUE_SHARE of all reading as comments (comment_cue), no
# more than _MAX_UNCUED_RUN in a row that do not, and no more than _MAX_TOP_GAP at its first
# comment and at the text's end. The last _GATE_LINES lines of a text must hold two cues (most
# texts stop there).
_GATE_LINES = 8
_VOICE_BLOCK = 16  # lines the register model scores at once on a second look (_VoicedCues)
_MIN_THREAD_CUES = 2
_THREAD_CUE_SHARE = 0.4
_MAX_UNCUED_RUN = 4
_MAX_TOP_GAP = 2
_FIRST_LOOK = _MAX_TOP_GAP + 1  # the last lines a thread's search asks first (most texts stop there)
# The article's own lines above a thread hold cues too when the text is written so (an
# interview's questions, an advice column's letters, an FAQ): at most this many of the
# _CONTRAST_LINES lines above the thread.
_CONTRAST_LINES = 12
_MAX_ARTICLE_CUES = 1
_MAX_EXTENSION = 2  # un-cued comments between the post's closing line and the first cue
# Under the furniture that ends a post ("Share this:", "Posted by Jane at 8:47 PM", "Filed
# under ..."; see tail_thread_positions' ``post_end``) a thread needs fewer cues: a quarter of
# its lines, and two of them (one in a thread of one or two lines, a comment and its answer).
_POST_END_CUE_SHARE = 0.25
_SHORT_THREAD = 2


def in_reader_voice(text: str) -> bool:
    """A line in a reader's own voice: it speaks in the first person (:func:`speaks_personally`)
    or asks something, is not quoted or attributed, not a bullet or an FAQ question, and is no
    longer than a comment. A reply to a reader by handle ("@Gwen it was over ... according to
    the Facebook group") is one whatever it cites: its "@" is no bullet, and no quotation opens
    so; nor is a question put to the other readers ("Does anyone know ...?") an FAQ's. A line with
    a quotation mark (a third of those asked) is quoted by sight, before the search for its first
    person."""
    if len(text) > MAX_COMMENT_CHARS or (holds_double_quote(text) and AT_REPLY_RE.match(text) is None
                                         and ASKS_READERS_RE.match(text) is None):
        return False
    return ((speaks_personally(text) or QUESTION_RE.search(text) is not None)
            and (AT_REPLY_RE.match(text) is not None or ASKS_READERS_RE.match(text) is not None
                 or not _QUOTED_OR_LISTED.finds(text)))


def in_reader_voice_or_reacting(text: str) -> bool:
    """A line in a reader's own voice (:func:`in_reader_voice`) or a reader's reaction
    (:func:`is_reaction`)."""
    return in_reader_voice(text) or is_reaction(text)


def speaks_personally(text: str) -> bool:
    """First person, a reply's opening or a reaction to the post."""
    found = _PERSONAL.found(text)  # (0: first person; 1, 2: may open as a reply, as a reaction)
    return 0 in found or (bool(found) and replies(text))


def replies(text: str) -> bool:
    """A reply's opening ("Yes, ...", "Thanks!") or a reaction to the post ("Great read!"), not
    a quoted social post."""
    return ((REPLY_OPENER_RE.match(text) is not None or READER_REACTION_RE.match(text) is not None)
            and not quoted_post(text))


def is_reaction(text: str) -> bool:
    """A reader's reaction opening a comment ("Great post!", "Thanks for sharing", "@Paul:"),
    no longer than a comment, not attributed like a quote ("..., one reader wrote") and not a
    social post the article quotes (:func:`quoted_post`), nor the writer's thanks to somebody
    ("Congratulations to Sarah, who won ...")."""
    return (len(text) <= MAX_COMMENT_CHARS and READER_REACTION_RE.match(text) is not None
            and not ATTRIBUTION_RE.search(text) and not quoted_post(text) and SHOUT_OUT_RE.match(text) is None)


def may_react(texts: list[str]) -> bool:
    """Whether any of the lines ``texts`` may be a reaction (:func:`is_reaction`): one search of
    them all for a line that :data:`READER_REACTION_RE` may match, instead of the Python regex's
    try at each line (1.7 us a line; most pages have no line it matches)."""
    return _MAY_REACT.finds("\n".join(texts))


def any_reaction(texts: list[str]) -> bool:
    """Whether any of the lines ``texts`` is a reaction (:func:`is_reaction`): each line's regex
    is tried only when :func:`may_react` finds that one of them may be (most texts' last lines
    are none)."""
    return may_react(texts) and any(map(is_reaction, texts))


def quoted_post(text: str) -> bool:
    """A social post an article quotes: a handle, then words with a hashtag ("@BakeOffFan:
    Queue round the block 😂 #WonkyIsFine"; QA pass 31: two of them opened a comment section).
    A reader's reply by handle on a comment thread carries none."""
    return text.startswith("@") and _HASHTAG_RE.search(text) is not None


def closes_post(text: str) -> bool:
    """A post's closing line: words to its readers ("Let me know in the comments", "What are
    yours?") or the writer's sign-off ("— JS"). Words to one reader, by name, are a reply in
    the thread ("Hi Gaz, yes, ... let me know.", "Amanda, hang in there! Let me know how it
    goes.")."""
    if SIGN_OFF_RE.match(text) is not None:
        return True
    return (POST_CLOSING_RE.search(text) is not None and _GREETS_BY_NAME_RE.match(text) is None
            and not addresses_by_name(text))


def attributed(text: str) -> bool:
    """Whether ``text`` reports somebody else's words ("..., the minister said."; not the
    commenter's own "I turned to my lad and said ...")."""
    return ATTRIBUTION_RE.search(text) is not None and ATTRIBUTION_RE.search(_OWN_SPEECH_RE.sub(" ", text)) is not None


def comment_cue(texts: list[str], k: int, context: _ThreadCues) -> bool:
    """Whether line ``k`` reads as a comment on the post above it (:func:`_cue`), and is none of
    the lines that read so in an article: the post's closing words to its readers, a bullet or
    a numbered item, the answer under an FAQ's question (not under a commenter's), or a social
    post the article quotes (a hashtag, or its author's dashed line under it)."""
    text = texts[k]
    return (len(text) <= MAX_COMMENT_CHARS and _cue(text, k, context)
            and (text[:1].isalnum() or text[:1] in QUOTE_OPENERS or AT_REPLY_RE.match(text) is not None)
            and _LIST_ITEM_RE.match(text) is None
            and not (k > 0 and asks_only(texts[k - 1]) and not context(k - 1))
            and _HASHTAG_RE.search(text) is None and not (k + 1 < len(texts) and texts[k + 1][:1] in "—–")
            and not closes_post(text))


def _cue(text: str, k: int, context: _ThreadCues) -> bool:
    """A comment's cue: the post's own words quoted back ('"Stopped being scared of the hallway."
    I'm not crying.'), a reply or reaction
    (:data:`COMMENT_OPENER_CUE_RE`: "Fair enough.", "This made me cry."; :func:`replies`, not an
    answer's bare "Yes," nor an attributed statement), a reply by name ("Mags, it's a right
    cross"), words about the author's post or to the author (:data:`COMMENT_PHRASE_RE`:
    "following your steps", "So sorry for your loss"; not inside a quotation), or a question
    to the author or the readers with the commenter's own "I" ("Did you use an app? I've tried
    YNAB.")."""
    if text[:1] in QUOTE_OPENERS:
        return _quotes_the_post(text, k, context)
    if context.may_be_cued(k):
        if COMMENT_OPENER_CUE_RE.match(text) is not None or addresses_by_name(text):
            return True
        if replies(text) and _ANSWER_RE.match(text) is None:  # (nor "Thanks to the rain, ...")
            return not attributed(text)  # not "Thanks, the minister said."
        phrase = _COMMENT_PHRASE.search(text)
        if phrase is not None and len(_QUOTE_MARK_RE.findall(text, 0, phrase.start())) % 2 == 0:
            return True  # (outside a quotation)
    return ("?" in text and _asks_someone(text) and speaks_personally(text)
            and not _QUOTED_OR_LISTED.finds(text))


def _asks_someone(text: str) -> bool:
    """Whether a sentence of ``text`` asks the author or the other readers something
    (:data:`_QUESTION_TO_SOMEONE_RE`)."""
    lowered = text.lower()
    return (any(stem in lowered for stem in _SOMEONE_STEMS)
            and _QUESTION_TO_SOMEONE_RE.search(text) is not None)


def addresses_by_name(text: str) -> bool:
    """A reply that names whom it answers ("Joanna, yes, I'd cast on 132", "I'm so sorry,
    Tom.", "Sandy, old paprika is ...", "Glad it worked for you, Karen."), not a sentence
    opened by an adverb ("Finally, I decided ..."), nor one whose subject or first listed item
    a comma follows (:data:`VOCATIVE_RE`: "Pat, I realise now, was ..."), nor a bare name's
    line that speaks of no person (:data:`_PERSON_RE`: "Smaller, efficient EVs ideal for city
    driving."), nor a reported statement ("Smith, chief executive of the firm, said ...")."""
    if any(_a_name(match) for match in (NAMED_REPLY_RE.match(text), NAMED_REACTION_RE.match(text),
                                        NAME_AFTER_YOU_RE.search(text))):
        return True
    vocative = VOCATIVE_RE.match(text)
    return (_a_name(vocative) and vocative.group("aside") is None
            and _PERSON_RE.search(text, vocative.end()) is not None and not attributed(text))


def _a_name(match: re.Match | None) -> bool:
    """Whether ``match`` found a name: its group ``name`` is no adverb or other word that opens a
    sentence so (:data:`NOT_NAMES`)."""
    return (match is not None and match.group("name").lower() not in NOT_NAMES
            and not match.group("name").endswith("ly"))


class _ThreadCues:
    """Whether each line of a text reads as a comment (:func:`comment_cue`; a line of a program
    listing, ``listing``, never does), worked out when first asked. One RE2 search finds the
    lines that may (:data:`_MAY_CUE`), first among the text's last lines, then above them; the
    words of the lines, for quotes of them, are read only when a line opens with a quotation."""

    def __init__(self, texts: list[str], listing: set[int]):
        self.texts, self._listing = texts, listing
        self._cued: dict[int, bool] = {}
        self._may_cue: set[int] = set()
        self._searched_from = len(texts)  # the first line :data:`_MAY_CUE` was searched in
        self._words: str | None = None
        self._word_starts: list[int] = []

    def __call__(self, k: int) -> bool:
        if k not in self._cued:
            self._cued[k] = k not in self._listing and comment_cue(self.texts, k, self)
        return self._cued[k]

    def may_be_cued(self, k: int) -> bool:
        """Whether line ``k`` may open as a comment does or hold a comment's words
        (:data:`_MAY_CUE`). The text's last :data:`_FIRST_LOOK` lines are searched first (most
        texts stop at them), then each time as many lines again above those searched, or down to
        ``k``."""
        if k < self._searched_from:
            start = max(0, min(k + 1 - _FIRST_LOOK, 2 * self._searched_from - len(self.texts)))
            self._may_cue |= {start + j for j in _MAY_CUE.candidates(self.texts[start:self._searched_from])}
            self._searched_from = start
        return k in self._may_cue

    def said_before(self, words: str, k: int) -> bool:
        """Whether ``words`` (lower case, single-spaced) occur in the lines above line ``k``. The
        lines' words are read once, when first needed: a quotation with a word that is in none
        of the lines above (most quotations not of the post) is ruled out by substring tests."""
        if self._words is None:
            above = "\n".join(self.texts[:k]).lower()
            if not all(word in above for word in words.split(" ")):
                return False
            lines = [" ".join(_WORDS_RE.findall(text.lower())) for text in self.texts]
            self._word_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
            self._words = " ".join(lines)
        return self._words.find(words, 0, self._word_starts[k]) >= 0


class _VoicedCues:
    """A second look at a text's lines: a line reads as a comment when it has a comment's cue
    (``cued``) or reads as a reader's comment by its register (``scores``,
    :func:`~scanner.boilerplate.comment_lines.read_as_comments`; read as first asked, a
    block of :data:`_VOICE_BLOCK` lines at a time, from the text's end up)."""

    def __init__(self, cued: _ThreadCues, scores: LineScores):
        self.texts, self._cued, self._scores = cued.texts, cued, scores
        self._voiced: list[bool] = []  # of the lines from _scored_from on
        self._scored_from = len(cued.texts)

    def __call__(self, k: int) -> bool:
        if self._cued(k):
            return True
        if k < self._scored_from:
            start = max(0, k + 1 - _VOICE_BLOCK)
            self._voiced = read_as_comments(self._scores, range(start, self._scored_from)) + self._voiced
            self._scored_from = start
        return self._voiced[k - self._scored_from]


def _cues_in_gate(cued: _ThreadCues | _VoicedCues, tail_start: int) -> int:
    """How many of the text's last :data:`_GATE_LINES` lines from ``tail_start`` on read as
    comments (by ``cued``)."""
    n = len(cued.texts)
    return sum(map(cued, range(max(tail_start, n - _GATE_LINES), n)))


def _quotes_the_post(text: str, k: int, context: _ThreadCues) -> bool:
    """Whether line ``k`` opens with words of the post in quotation marks and goes on after
    them ('"Stopped being scared of the hallway." I'm not crying, you're crying.')."""
    match = _QUOTED_START_RE.match(text)
    if match is None or match.end() >= len(text) - 1 or ATTRIBUTION_RE.search(text, match.end()):
        return False  # (the quotation of a statement: '"We will appeal," she said.')
    words = _WORDS_RE.findall(match.group(1))
    if len(words) < _MIN_QUOTED_WORDS or sum(word[0].isupper() for word in words[1:]) > 1:
        return False  # a few words, or a title ("Star Wars: The Force Awakens")
    return context.said_before(" ".join(words).lower(), k)


def comment_sized_start(texts: list[str]) -> int:
    """Where the run of comment-sized lines (of at most :data:`MAX_COMMENT_CHARS`) that ends
    ``texts`` starts (``len(texts)`` when the last line is longer): only those lines can be a
    comment thread at the text's end."""
    start = len(texts)
    while start > 0 and len(texts[start - 1]) <= MAX_COMMENT_CHARS:
        start -= 1
    return start


def tail_thread_positions(texts: list[str], prose: list[bool], listing: set[int], tail_start: int,
                          post_end: int | None = None, voiced_end: Callable[[], bool] = lambda: True,
                          scores: LineScores | None = None) -> range:
    """The header-less comment thread that ends the text: the longest run of comment-sized lines
    at the end in which at least :data:`_MIN_THREAD_CUES` lines, and :data:`_THREAD_CUE_SHARE` of
    all, read as comments (:func:`comment_cue`; not a program listing's, ``listing``), with no
    more than :data:`_MAX_UNCUED_RUN` lines in a row that do not, and no more than
    :data:`_MAX_TOP_GAP` at either end; it starts after the post's closing line
    (:func:`closes_post`), below at least :data:`MIN_ARTICLE_PROSE` prose lines. Up to
    :data:`_MAX_EXTENSION` comments in a reader's voice between that closing and the first cue
    join it; only the comment-sized lines from ``tail_start`` on (:func:`comment_sized_start`)
    can be the thread's. Under the furniture that ends the post (at ``post_end``: its share buttons, its
    footer, its tags; comment-sized lines only below it), every line is the thread's with fewer
    cues (:func:`_under_post_end`). Where the lines above it hold cues as well (an interview's
    questions, an advice column's letters, an FAQ), the text is written so and there is no
    thread.

    Where the cues find no thread, a second look counts the lines that read as a reader's
    comment by their register (``scores``; no second look without them) as cued too (:class:`_VoicedCues`: "Every year same story.
    Where is the rain water harvesting?", "Remember this in November."): under the furniture
    that ends the post (more than :data:`_SHORT_THREAD` lines: one line in a reader's voice
    is no thread), or where :data:`_MIN_THREAD_CUES` of the last lines have a cue and the text
    ends in a reader's voice (``voiced_end()``: one of its last lines is; asked before the last
    lines' cues are read, as most texts stop there and the other searches of a reader's voice
    share its answer); a thread it finds reads as comments as a whole, under article prose that does not
    (:func:`~scanner.boilerplate.comment_lines.in_readers_register`: a blog post or a column
    reads as its comments do, a review's scored sections as its paragraphs)."""
    cued = _ThreadCues(texts, listing)
    thread = _thread(prose, tail_start, post_end, cued)
    if thread or scores is None:
        return thread
    voiced = _VoicedCues(cued, scores)
    if post_end is not None and len(texts) - post_end > _SHORT_THREAD + 1 and _under_post_end(prose, post_end, voiced):
        thread = range(post_end + 1, len(texts))
    elif (len(texts) - tail_start >= _MIN_THREAD_CUES and voiced_end()
          and _cues_in_gate(cued, tail_start) >= _MIN_THREAD_CUES):
        thread = _thread(prose, tail_start, None, voiced)
    return thread if thread and in_readers_register(scores, prose, thread) else range(0)


def _thread(prose: list[bool], tail_start: int, post_end: int | None, cued: _ThreadCues | _VoicedCues) -> range:
    """The thread of :func:`tail_thread_positions`, by what ``cued`` says of a line."""
    texts, n = cued.texts, len(prose)
    if post_end is not None and _under_post_end(prose, post_end, cued):
        return range(post_end + 1, n)
    # most texts end in article text or in lines that read as no comments
    if (n - tail_start < _MIN_THREAD_CUES
            or not any(map(cued, range(n - 1, max(tail_start - 1, n - 2 - _MAX_TOP_GAP), -1)))
            or _cues_in_gate(cued, tail_start) < _MIN_THREAD_CUES):
        return range(0)
    top, cues, uncued_run = None, 0, 0
    for k in range(n - 1, -1, -1):
        if len(texts[k]) > MAX_COMMENT_CHARS or closes_post(texts[k]):
            break
        if cued(k):
            if uncued_run > _MAX_TOP_GAP and not cues:
                return range(0)  # the text ends in lines that do not read as comments
            cues += 1
            if cues >= max(_MIN_THREAD_CUES, _THREAD_CUE_SHARE * (n - k)) and uncued_run <= _MAX_TOP_GAP:
                top = k  # (a thread's first comment has the next cue close under it)
            uncued_run = 0
        else:
            uncued_run += 1
            if uncued_run > _MAX_UNCUED_RUN:
                break
    if top is None or sum(prose[:top]) < MIN_ARTICLE_PROSE or _written_so(top, cued):
        return range(0)
    return range(_extended_start(texts, top), n)


def _under_post_end(prose: list[bool], post_end: int, cued: _ThreadCues | _VoicedCues) -> bool:
    """Whether the lines under the furniture at ``post_end`` are a thread: the first reads as a
    sentence (not the title of another post under "More from ...:"), :data:`_MIN_THREAD_CUES`
    of them (one of a thread of :data:`_SHORT_THREAD` lines, a comment and its answer) and
    :data:`_POST_END_CUE_SHARE` of them read as comments, no more than :data:`_MAX_UNCUED_RUN`
    in a row do not (the article going on under a link to another post, "Also read: ..."), and
    no more than one asks a question alone (an interview's or an FAQ's: a commenter's question
    comes with what the commenter says); above them, :data:`MIN_ARTICLE_PROSE` prose lines
    whose last ones are not written so too."""
    texts, below = cued.texts, range(post_end + 1, len(prose))
    if (not below or not (prose[below[0]] or ends_sentence(texts[below[0]]))
            or sum(prose[:post_end]) < MIN_ARTICLE_PROSE or sum(asks_only(texts[k]) for k in below) > 1):
        return False
    flags = list(map(cued, reversed(below)))
    longest_uncued = max((sum(1 for _ in run) for flag, run in groupby(flags) if not flag), default=0)
    least = _MIN_THREAD_CUES if len(below) > _SHORT_THREAD else 1
    return (sum(flags) >= max(least, _POST_END_CUE_SHARE * len(below)) and longest_uncued <= _MAX_UNCUED_RUN
            and not _written_so(post_end, cued))


def _written_so(top: int, cued: _ThreadCues | _VoicedCues) -> bool:
    """Whether more than :data:`_MAX_ARTICLE_CUES` of the :data:`_CONTRAST_LINES` lines above
    ``top`` read as comments too: the article's own form, not a thread."""
    return sum(map(cued, range(max(0, top - _CONTRAST_LINES), top))) > _MAX_ARTICLE_CUES


def _extended_start(texts: list[str], top: int) -> int:
    """Where a thread whose first cued comment is at ``top`` starts: above it, up to
    :data:`_MAX_EXTENSION` lines in a reader's own voice (:func:`speaks_personally`, or "we",
    "ours", "mine") right under the post's closing line join it (the comments that answer the
    post's question without a cue, "Mine was from Middlemarch ..."); without that closing, the
    thread starts at ``top``."""
    for k in range(top - 1, max(-1, top - 2 - _MAX_EXTENSION), -1):
        if closes_post(texts[k]):
            return k + 1
        if len(texts[k]) > MAX_COMMENT_CHARS or not (speaks_personally(texts[k]) or _OWN_RE.search(texts[k])):
            break
    return top
