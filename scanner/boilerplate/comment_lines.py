"""A learned scorer of comment lines: how much a line reads as a reader's comment rather than
an article's paragraph, from its register alone.

Readers' comments under a news report change no cue a rule can list ("So the 'fee' is a tax.
Just be honest about it.", "Every summer. EVERY summer."), but their register differs from the
report's: opinion in the reader's own voice (first and second person, imperatives, rhetorical
questions, informal words, capitals for emphasis), short sentences, no attribution ("X said")
and few reported facts (numbers, names). A logistic regression over a small bag of the line's
lower-cased words and word pairs (its opening word marked) and a few style rates scores that
(see ``scripts/train_comment_lines.py`` and the model card). The scanner reads the plain
arrays of ``models/boilerplate/comment_lines.npz`` once per process, without scikit-learn.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate

import numpy as np
import re2

from scanner.boilerplate.model import LinearStage
from scanner.document import CAPITAL_SIGMA, DOTTED_CAPITAL_I
from scanner.re2_prefilter import Finder
from scanner.resources import data_path

ARRAYS_FILE = ("boilerplate", "comment_lines.npz")
OPENING_MARK = "^"  # the token of a line's first word: "^just", "^so", "^pass"

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
_FIRST_SINGULAR = frozenset("i me my mine myself i'm i've i'd i'll i’m i’ve i’d i’ll".split())
_FIRST_PLURAL = frozenset("we us our ours ourselves we're we've we'll we'd we’re we’ve we’ll we’d".split())
_SECOND = frozenset("you your yours yourself u ur you're you've you'll you'd you’re you’ve you’ll you’d".split())
_THIRD = frozenset("he she his her him they their them".split())
_ATTRIBUTION = frozenset("said says told according added stated announced reported explained spokesman "
                         "spokeswoman spokesperson".split())
_INFORMAL = frozenset("lol lmao rofl omg yeah yep yup nope nah gonna wanna gotta btw imo imho fwiw haha hahaha "
                      "ugh meh wow dude ppl thx cuz kinda sorta damn crap idiot idiots stupid pathetic ridiculous "
                      "rubbish nonsense".split())
_CONTRACTIONS = ("n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d")
_NAME_OPENING_RE = re.compile(r"@\w|(?:[A-Z][\w.-]*\s?){1,2},\s")  # "@Paul", "Sandy, ..."
_ASCII_DIGIT_RE = re.compile("[0-9]")
_EMOTICON_RE = re.compile(r"[:;=]-?[()DPp/|]|<3|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)]*(?:\s|$)")
QUESTION_RE = re.compile(r"\?[?!]*[\"'”’)]*(?:\s|$)")  # a question ends a sentence (not a URL's query)
_STATEMENT_RE = re.compile(r"[^\W\d_][.!]+(?:\s|$)")  # a sentence that asks nothing
# A mark of a reader's voice (a first- or second-person pronoun, a contraction's "n't", a
# question or exclamation mark, a word in capitals, an emoticon), and of somebody's words
# reported (a quotation mark, an opening single one, an attribution: '"We will appeal," he
# said.'): register_tail rules most texts out by their last line's, before any line is scored.
_VOICE_MARK_RE = re2.compile(r"(?i:\b(?:i|me|my|we|us|our|you|your|u)\b|n['’]t\b)|[?!]|\b[A-Z]{4,}\b|[:;]-?[()DP]")
_REPORTED_RE = re2.compile(r"^['‘]|[\"“”]|(?i:\b(?:said|says|told|according\s+to)\b)")
_VOICED, _REPORTED = Finder(_VOICE_MARK_RE), Finder(_REPORTED_RE)
_LONG_S = "ſ"  # (RE2's case folding takes it for an "s"; str.lower keeps it)
_SHORT_SENTENCE_WORDS = 4
_SHOUT_CHARS = 4  # a word in capitals this long is a shout ("EVERY"), shorter ones mostly acronyms

STYLE_NAMES = (
    "log_chars", "log_words", "first_singular", "first_plural", "second", "third", "questions",
    "exclamations", "caps_words", "shouts", "digits", "quotes", "attribution", "name_opening",
    "emoticons", "informal", "log_sentences", "words_per_sentence", "short_sentences",
    "lower_start", "ellipses", "mid_capitals", "no_terminal", "ends_question", "contractions",
)


def line_tokens(text: str) -> set[str]:
    """The lower-cased words and word pairs of ``text`` and its opening word marked
    (:data:`OPENING_MARK`)."""
    return _tokens(_WORD_RE.findall(text.lower()))


def style_features(text: str) -> list[float]:
    """The style rates of :data:`STYLE_NAMES` for one line (one pass for its words, one
    count of them for pronouns, attribution and informal words)."""
    return _style(text, *_words(text))


# every ASCII byte but a letter or a digit as a space: what _WORD_RE finds in an ASCII line
# without an apostrophe is the runs of letters and digits
_ALNUM_BYTES = bytes(byte if chr(byte).isalnum() else ord(" ") for byte in range(128)) + b" " * 128


# every ASCII byte but a letter, a digit or an apostrophe as a space, the bytes beyond ASCII kept:
# no word _WORD_RE finds holds another character, so it finds a line's words in the chunks this
# leaves between spaces, and a chunk of letters and digits alone is one word
_CHUNK_BYTES = bytes(byte if byte > 127 or chr(byte).isalnum() or chr(byte) == "'" else ord(" ")
                     for byte in range(256))


def _words(text: str) -> tuple[list[str], list[str]]:
    """The words of a line (:data:`_WORD_RE`) and their lower case; those of an ASCII line
    without an apostrophe split by a byte table, not the regex (both lists in a few C calls),
    and of any other line the regex's only in the chunks that are no plain word."""
    if text.isascii() and "'" not in text:
        spaced = text.encode("ascii").translate(_ALNUM_BYTES)
        return spaced.decode("ascii").split(), spaced.lower().decode("ascii").split()
    words: list[str] = []
    utf8 = text.encode("utf-8", "surrogatepass")
    for chunk in utf8.translate(_CHUNK_BYTES).decode("utf-8", "surrogatepass").split():
        if chunk.isalnum():
            words.append(chunk)
        else:
            words += _WORD_RE.findall(chunk)
    return words, [word.lower() for word in words]


def _lowers_by_line(text: str) -> bool:
    """Whether the words of ``text`` lower-cased may be other than its words' lower case: "İ"
    lower-cased splits a word ("i̇", a combining dot), a capital sigma lower-cases by what
    follows it ("ΟΔΟΣ.Α"). Every other character lower-cases alone to one character of its own
    kind (a letter, a digit, an apostrophe or none of them; a test checks all of Unicode)."""
    return DOTTED_CAPITAL_I in text or CAPITAL_SIGMA in text


def _tokens(lower: list[str]) -> set[str]:
    if not lower:
        return set()
    return {*lower, *map(" ".join, zip(lower, lower[1:])), OPENING_MARK + lower[0]}


# the word lists whose shares style_features counts, in STYLE_NAMES' order (none shares a word)
_COUNTED_WORDS = (_FIRST_SINGULAR, _FIRST_PLURAL, _SECOND, _THIRD, _ATTRIBUTION, _INFORMAL)
_WORD_LIST = {word: k for k, words in enumerate(_COUNTED_WORDS) for word in words}
# a character from the first emoji's block on: a line without one holds no emoji (one C-level
# search, where max(text) would read the line character by character)
_FROM_FIRST_EMOJI_RE = re.compile("[\u2600-\U0010FFFF]")


def _style(text: str, words: list[str], lower: list[str]) -> list[float]:
    n = max(len(words), 1)
    counted = [0] * len(_COUNTED_WORDS)
    for k in map(_WORD_LIST.get, lower):
        if k is not None:
            counted[k] += 1
    first_singular, first_plural, second, third, attribution, informal = counted
    # (a line without ".", "?", "!" or "…" holds no sentence's end: _SENTENCE_END_RE opens with one)
    sentences = ([s for s in _SENTENCE_END_RE.split(text) if s.strip()] or [text]
                 if "." in text or "?" in text or "!" in text or "…" in text else [text])
    # (a sentence is split no further than into one word more than a short one has)
    short = sum(len(s.split(None, _SHORT_SENTENCE_WORDS)) <= _SHORT_SENTENCE_WORDS for s in sentences)
    capitals = [word for word in words if word[0].isupper()]
    caps = [word for word in capitals if len(word) > 1 and word.isupper()]
    stripped = text.rstrip("\"'”’) ")
    # (a line without ":", ";", "=" or "<" holds no ASCII emoticon)
    emoticons = (0 if not (":" in text or ";" in text or "=" in text or "<" in text)
                 and (text.isascii() or _FROM_FIRST_EMOJI_RE.search(text) is None)
                 else min(len(_EMOTICON_RE.findall(text)), 2))
    contractions = (sum(word.endswith(_CONTRACTIONS) for word in lower if "'" in word or "’" in word)
                    if "'" in text or "’" in text else 0)
    # (an ASCII line without a digit has no word of digits; a name opening has a comma or an "@")
    digits = sum(map(str.isdigit, words)) if not text.isascii() or _ASCII_DIGIT_RE.search(text) else 0
    name_opening = ("," in text or "@" in text) and _NAME_OPENING_RE.match(text) is not None
    return [
        math.log1p(len(text)), math.log1p(len(words)),
        first_singular / n, first_plural / n, second / n, third / n,
        min(text.count("?"), 3), min(text.count("!"), 3),
        min(len(caps), 3), min(sum(len(word) >= _SHOUT_CHARS for word in caps), 2),
        digits / n, min(text.count('"') + text.count("“") + text.count("”"), 4),
        min(attribution, 2), float(name_opening),
        emoticons, min(informal, 2),
        math.log1p(len(sentences)), len(words) / len(sentences), short / len(sentences),
        float(text[:1].islower()), min(text.count("...") + text.count("…"), 2),
        max(len(capitals) - len(sentences), 0) / n, float(stripped[-1:] not in ".!?…:"),
        float(stripped.endswith("?")), contractions / n,
    ]


@dataclass(frozen=True)
class CommentLineModel:
    """A logistic regression over a line's standardised style features plus the summed weights
    of its tokens: one :class:`~scanner.boilerplate.model.LinearStage` whose dense features are
    :func:`style_features`."""

    stage: LinearStage

    def log_odds(self, texts: list[str]) -> np.ndarray:
        """The log-odds that each of ``texts`` is a reader's comment."""
        if not texts:
            return np.zeros(0)
        lexical, style = [], []
        for text in texts:
            words, lower = _words(text)
            lexical.append(self._lexical(_WORD_RE.findall(text.lower()) if _lowers_by_line(text) else lower))
            style.append(_style(text, words, lower))
        return self.stage.scores(np.array(style), np.array(lexical))

    def _lexical(self, lower: list[str]) -> float:
        """The summed weights of the tokens of a line's lower-cased words ``lower``
        (:func:`line_tokens`, each token once, in the line's order). A word pair is made only
        when its first word opens a pair of the vocabulary (no other pair has a weight)."""
        if not lower:
            return 0.0
        starts = self._pair_starts
        pairs = [word + " " + after for word, after in zip(lower, lower[1:]) if word in starts]
        tokens = dict.fromkeys([*lower, *pairs, OPENING_MARK + lower[0]])
        return sum(filter(None, map(self.stage.token_weights.get, tokens)))  # (others weigh nothing)

    @cached_property
    def _pair_starts(self) -> frozenset[str]:
        """The first words of the vocabulary's word pairs."""
        return frozenset(token.split(" ")[0] for token in self.stage.token_weights if " " in token)


def save_arrays(model: CommentLineModel, path) -> None:
    """Write ``model`` as plain numpy arrays (no pickled objects)."""
    stage = model.stage
    vocabulary = sorted(stage.token_weights)
    np.savez_compressed(path, mean=stage.mean, scale=stage.scale, style_weights=stage.dense_weights,
                        vocabulary=np.array(vocabulary, dtype=str),
                        token_weights=np.array([stage.token_weights[t] for t in vocabulary]),
                        bias=np.float64(stage.bias), style_names=np.array(STYLE_NAMES, dtype=str))


def load_arrays(path) -> CommentLineModel:
    """The model written by :func:`save_arrays` (its style features must be this module's)."""
    with np.load(path, allow_pickle=False) as data:
        if tuple(data["style_names"].tolist()) != STYLE_NAMES:
            raise ValueError(f"{path}: trained with other style features; retrain it")
        tokens = dict(zip(data["vocabulary"].tolist(), data["token_weights"].tolist()))
        return CommentLineModel(LinearStage(mean=data["mean"], scale=data["scale"], dense_weights=data["style_weights"],
                                            token_weights=tokens, bias=float(data["bias"])))


@cache
def load_comment_model() -> CommentLineModel | None:
    """The shipped model (loaded once), or None when its file is absent."""
    path = data_path("models", *ARRAYS_FILE)
    return load_arrays(path) if path.is_file() else None


class LineScores:
    """The shipped model's log-odds of a text's lines, each line scored once, when first asked:
    the searches for a thread at a text's end ask for the same lines (:func:`line_scores`)."""

    def __init__(self, texts: list[str], model: CommentLineModel):
        self.texts, self._model = texts, model
        self._known: dict[int, float] = {}

    def of(self, positions: Iterable[int]) -> np.ndarray:
        """The log-odds of the lines at ``positions``, in their order."""
        positions = list(positions)
        new = [k for k in positions if k not in self._known]
        if new:
            self._known.update(zip(new, self._model.log_odds([self.texts[k] for k in new]).tolist()))
        return np.array([self._known[k] for k in positions], dtype=np.float64)

    def of_voiced(self, positions: range) -> tuple[np.ndarray, np.ndarray]:
        """The log-odds of the lines at ``positions`` and whether each says nothing of its
        writer (:func:`says_nothing_of_its_writer`): those lines are not scored (0), as no
        search reads their register."""
        quiet = [says_nothing_of_its_writer(self.texts[k]) for k in positions]
        return self.of_unless(positions, quiet), np.array(quiet, dtype=bool)

    def of_unless(self, positions: list[int] | range, skipped: list[bool]) -> np.ndarray:
        """The log-odds of the lines at ``positions``, 0 for those ``skipped`` (not scored)."""
        log_odds = np.zeros(len(skipped))
        log_odds[np.logical_not(skipped)] = self.of([k for k, skip in zip(positions, skipped) if not skip])
        return log_odds


def line_scores(texts: list[str]) -> LineScores | None:
    """A :class:`LineScores` of ``texts`` by the shipped model (None without it)."""
    model = load_comment_model()
    return None if model is None else LineScores(texts, model)


def asks_only(text: str) -> bool:
    """A line of nothing but questions: an FAQ's, a heading's ("Ready to invest?"), or the
    article's own. A commenter's question comes with what the commenter says ("Is the cable a
    left cross or a right cross? The chart on my phone is too small.")."""
    return QUESTION_RE.search(text) is not None and _STATEMENT_RE.search(text) is None


def reports_words(text: str) -> bool:
    """Whether ``text`` reports somebody's words (:data:`_REPORTED_RE` finds something): a
    quotation mark settles it by substring tests, and RE2 is asked only of a line whose lower
    case holds one of its reporting words (or a long s): 99.9 % of the lines the comment searches
    ask about are settled without it (a set search of a line costs more than its lower case and
    a few substring tests)."""
    if _quoted(text):
        return True
    if _LONG_S not in text:
        lowered = text.lower()
        if not ("said" in lowered or "says" in lowered or "told" in lowered or "according" in lowered):
            return False
    return _REPORTED.finds(text)


def _quoted(text: str) -> bool:
    """Whether ``text`` opens with a quotation mark or holds a double one (what
    :data:`_REPORTED_RE` finds without its words): substring tests, before any RE2 search of the
    line (a news report's last lines quote)."""
    return text.startswith(("'", "‘")) or holds_double_quote(text)


def holds_double_quote(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark (straight or curly): three substring
    tests, which spare the searches for a reader's voice most quoted lines."""
    return '"' in text or "“" in text or "”" in text


def says_nothing_of_its_writer(text: str) -> bool:
    """A line whose register tells no reader's comment from an article's line: one that reports
    somebody's words (a quotation mark or an attribution, :data:`_REPORTED_RE`: the article's
    quotes read as a reader's voice does), asks only (:func:`asks_only`: an FAQ's questions) or
    holds a link (a list of sources, an advert)."""
    return (reports_words(text) or "://" in text or "www." in text or "WWW." in text
            or asks_only(text))  # (the most frequent first: a report's quotations)


def read_as_comments(scores: LineScores, positions: range) -> list[bool]:
    """Whether each line at ``positions`` reads more as a reader's comment than as an article's
    line (probability above one half) and its register says something of its writer
    (:func:`says_nothing_of_its_writer`)."""
    log_odds, quiet = scores.of_voiced(positions)
    return ((log_odds > 0) & ~quiet).tolist()


# A thread of comments in another register than the article's (register_tail): at least
# MIN_THREAD_LINES comment-sized lines at the text's end, their mean probability, and that of
# its last MIN_THREAD_LINES lines, at least THREAD_PROBABILITY, below prose lines whose last
# CONTRAST_LINES have a mean probability of at most ARTICLE_PROBABILITY (a blog post, a column
# or an interview reads as its comments do). A line adds its log-odds beyond LINE_OFFSET to a
# thread's sum, and the last line must add some.
MIN_THREAD_LINES = 3
THREAD_PROBABILITY = 0.75
VOICED_THREAD_PROBABILITY = 0.5  # a thread partly found by its cues (in_readers_register)
ARTICLE_PROBABILITY = 0.3
CONTRAST_LINES = 8
LINE_OFFSET = 1.0

# A thread under a news report (contrast_tail): most texts stop unless CONTRAST_GATE_VOICED of
# their last CONTRAST_GATE_LINES lines show a reader's voice and report no one's words, or
# CONTRAST_GATE_SHORT of them are comment-short (at most SHORT_COMMENT_WORDS words) and at most
# one of them reports somebody's words. Then the suffix with the largest sum of log-odds beyond
# CONTRAST_OFFSET (lines that say nothing of their writer add none), of at least
# MIN_CONTRAST_LINES lines of a reader's register whose mean probability is at least
# CONTRAST_THREAD_PROBABILITY, under prose whose last CONTRAST_LINES lines read as a report (mean
# probability at most REPORT_PROBABILITY, see reads_as_article_above). Lines are scored from
# the end up, SCORE_BLOCK at a time, until the thread starts below the block's top.
CONTRAST_GATE_LINES = 8
CONTRAST_GATE_VOICED = 4
CONTRAST_GATE_SHORT = 5
SHORT_COMMENT_WORDS = 20
CONTRAST_OFFSET = -0.85  # the log-odds of a probability of 0.3
CONTRAST_THREAD_PROBABILITY = 0.45
MIN_CONTRAST_LINES = 4
MIN_TAIL_LINES = min(MIN_THREAD_LINES, MIN_CONTRAST_LINES)  # the fewest lines of a thread either search finds
REPORT_PROBABILITY = 0.15
SCORE_BLOCK = 12
MAX_SCORED_LINES = 60  # (a longer thread is found by its last lines' start, if at all)


def register_tail(scores: LineScores, prose: list[bool], first: int, min_prose: int) -> range:
    """The comment thread that ends ``scores.texts`` by its register: the suffix of the comment-sized
    lines from ``first`` on with the largest sum of log-odds (:class:`CommentLineModel`) beyond
    :data:`LINE_OFFSET`, of at least :data:`MIN_THREAD_LINES` lines whose mean probability is at
    least :data:`THREAD_PROBABILITY`, under at least ``min_prose`` prose lines that read as no
    comments (:data:`ARTICLE_PROBABILITY`). Most texts stop at their last line's shape
    (:data:`_VOICE_MARK_RE`, :data:`_REPORTED_RE`), most others at its score."""
    texts = scores.texts
    n = len(texts)
    if n < MIN_THREAD_LINES + min_prose or n - first < MIN_THREAD_LINES:
        return range(0)
    if _quoted(texts[-1]) or not _VOICED.finds(texts[-1]) or reports_words(texts[-1]):
        return range(0)
    if scores.of([n - 1])[0] <= LINE_OFFSET:
        return range(0)
    if _mean_probability(scores.of(range(n - MIN_THREAD_LINES, n))) < THREAD_PROBABILITY:
        return range(0)
    suffix = scores.of(range(first, n))
    sums = np.cumsum((suffix - LINE_OFFSET)[::-1])[::-1]  # the sum of each suffix
    prose_above = np.cumsum([0, *prose])[first:n]
    allowed = (np.arange(first, n) <= n - MIN_THREAD_LINES) & (prose_above >= min_prose)
    if not allowed.any():
        return range(0)
    start = int(np.argmax(np.where(allowed, sums, -np.inf)))
    if _mean_probability(suffix[start:]) < THREAD_PROBABILITY:
        return range(0)
    if not reads_as_article_above(scores, prose, first + start):
        return range(0)
    return range(first + start, n)


def in_readers_register(scores: LineScores, prose: list[bool], thread: range) -> bool:
    """Whether the lines of ``thread`` read as comments (their mean probability at least
    :data:`VOICED_THREAD_PROBABILITY`) under article prose that does not
    (:func:`reads_as_article_above`)."""
    return (reads_as_article_above(scores, prose, thread.start)
            and _mean_probability(scores.of(thread)) >= VOICED_THREAD_PROBABILITY)


def reads_as_article_above(scores: LineScores, prose: list[bool], start: int,
                           most: float = ARTICLE_PROBABILITY) -> bool:
    """Whether the last :data:`CONTRAST_LINES` prose lines above ``start`` read as no comments
    (their mean probability at most ``most``): a thread under them is in another register than
    the article's (a blog post, a column or an interview reads as its comments do). A line that
    reports somebody's words (a quotation or an attribution, :data:`_REPORTED_RE`) counts as the
    report's (probability 0) however the quoted voice reads ('"I don't know what more we have to
    do," she said.'). False without such lines."""
    above = [k for k in range(start - 1, -1, -1) if prose[k]][:CONTRAST_LINES]
    if not above:
        return False
    reported = [reports_words(scores.texts[k]) for k in above]
    probabilities = _probabilities(scores.of_unless(above, reported))
    probabilities[reported] = 0.0  # (their log-odds are not read)
    return _mean(probabilities) <= most


def _probabilities(log_odds: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-log_odds))


def _mean_probability(log_odds: np.ndarray) -> float:
    return _mean(_probabilities(log_odds))


def _mean(values: np.ndarray) -> float:
    """The mean of a non-empty array as ``np.mean`` gives it (the same pairwise sum, divided by
    the count), without its Python layers (6 of its 9 us on a few lines; a text's searches ask
    for several)."""
    return float(np.add.reduce(values)) / len(values)


def contrast_tail(scores: LineScores, prose: list[bool], first: int, min_prose: int,
                  below_furniture: bool = False) -> range:
    """The comment thread that ends a news report: readers who argue, joke and ask below an
    article whose register is plainly a report's (attributed, third-person, factual), where
    the contrast says more than the thread's own weaker register (:func:`register_tail` needs
    a mean probability of :data:`THREAD_PROBABILITY`). Only the comment-sized lines from
    ``first`` on can be the thread's, under at least ``min_prose`` prose lines; see the
    constants above for the rest. The look starts where the last lines show a reader's voice
    (:func:`_voiced_end`; under the furniture that ends an article, ``below_furniture``, one of
    them is enough) or a run of short lines that report nobody's words
    (:func:`_short_unreported_end`). A text with fewer than ``min_prose`` prose lines above its
    last :data:`MIN_CONTRAST_LINES` has no thread under prose, and is not looked at."""
    texts = scores.texts
    n = len(texts)
    end = texts[-CONTRAST_GATE_LINES:]
    if (n - first < MIN_CONTRAST_LINES or sum(prose[:n - MIN_CONTRAST_LINES]) < min_prose
            or not (_voiced_end(end, below_furniture) or _short_unreported_end(end))):
        return range(0)
    thread, log_odds, quiet = _best_suffix(scores, prose, first, min_prose)
    voiced = log_odds[~quiet]
    if (len(voiced) < MIN_CONTRAST_LINES or _mean_probability(voiced) < CONTRAST_THREAD_PROBABILITY
            or sum(map(asks_only, texts[thread.start:])) > 1):  # (an FAQ's or an interview's
        return range(0)  # questions, whose answers read as a reader's voice)
    return thread if reads_as_article_above(scores, prose, thread.start, REPORT_PROBABILITY) else range(0)


def _voiced_end(end: list[str], below_furniture: bool = False) -> bool:
    """Whether :data:`CONTRAST_GATE_VOICED` of the lines ``end`` (one ``below_furniture``) show
    a reader's voice and say something of their writer, read from the first until too few lines
    are left to find enough (one RE2 set match a line for its voice marks, unless it quotes)."""
    needed = 1 if below_furniture else CONTRAST_GATE_VOICED
    for k, text in enumerate(end):
        if needed > len(end) - k:
            return False
        if not _quoted(text) and _VOICED.finds(text) and not says_nothing_of_its_writer(text):
            needed -= 1
            if not needed:
                return True
    return False


def _short_unreported_end(end: list[str]) -> bool:
    """Whether :data:`CONTRAST_GATE_SHORT` of the lines ``end`` are comment-short (at most
    :data:`SHORT_COMMENT_WORDS` words) and at most one of them all reports somebody's words: the
    shape of a thread of plain statements ("Dust is going to be awful this summer.", "Election
    year. Watch the money appear.") that shows no reader's voice (:func:`_voiced_end`). Lines are
    read until too many are longer (a report's paragraphs: counting all their spaces is slow)."""
    longer = len(end) - CONTRAST_GATE_SHORT  # (how many may be)
    for line in end:
        if line.count(" ") >= SHORT_COMMENT_WORDS:
            longer -= 1
            if longer < 0:
                return False
    return longer >= 0 and sum(map(reports_words, end)) <= 1


def _best_suffix(scores: LineScores, prose: list[bool], first: int,
                 min_prose: int) -> tuple[range, np.ndarray, np.ndarray]:
    """The suffix (from ``first`` on, of at least :data:`MIN_CONTRAST_LINES` lines, under
    ``min_prose`` prose lines) with the largest sum of log-odds beyond
    :data:`CONTRAST_OFFSET`, the shortest of equal sums (a line that says nothing of its writer
    adds none), with its lines' log-odds and whether each says nothing of its writer. Lines are
    scored from the end up, :data:`SCORE_BLOCK` at a time, until the suffix starts below the
    scored lines' top, or :data:`MAX_SCORED_LINES` are (none under fewer than ``min_prose`` prose
    lines). The suffixes' sums are added up from the last line as its lines are scored (the same
    additions in the same order as a cumulative sum over them all)."""
    n = len(scores.texts)
    first = max(first, n - MAX_SCORED_LINES)
    prose_above = list(accumulate(prose[first:n], initial=sum(prose[:first])))  # (of line k at k - first)
    # a line under fewer prose lines starts no suffix, nor is it in one that does: not scored
    lowest = bisect_left(prose_above, min_prose)  # (the counts never fall)
    first, prose_above = first + lowest, prose_above[lowest:]
    log_odds, quiet = np.zeros(0), np.zeros(0, dtype=bool)
    total = best = None  # the sum of the suffix from the scored lines' top, and the largest allowed
    top = start = n
    while top > first:
        block = range(max(first, top - SCORE_BLOCK), top)
        block_log_odds, block_quiet = scores.of_voiced(block)
        log_odds, quiet = np.concatenate([block_log_odds, log_odds]), np.concatenate([block_quiet, quiet])
        for k, value, silent in zip(reversed(block), block_log_odds.tolist()[::-1], block_quiet.tolist()[::-1]):
            added = 0.0 if silent else value - CONTRAST_OFFSET
            total = added if total is None else total + added
            if (k <= n - MIN_CONTRAST_LINES and prose_above[k - first] >= min_prose
                    and (best is None or total > best)):
                best, start = total, k
        top = block.start
        if best is None:
            return range(0), log_odds[:0], quiet[:0]
        if start > top:
            break
    return range(start, n), log_odds[start - top:], quiet[start - top:]
