"""Cheap line features for the boilerplate line model.

A page is a list of non-blank, stripped lines. Each line gets shape features (length, stop-word
share, title case, terminal punctuation...), its cue kind (see :mod:`.patterns`) and context
features (position in the page, distance to the nearest prose line, how prose-like and how
cue-laden its neighbourhood is). Word-level work looks at the first :data:`HEAD_CHARS`
characters of a line only (a paragraph's opening says enough) and stays inside C (one regex
call, set and ``map`` operations), so a news article costs well under 0.1 ms.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable
from functools import lru_cache
from itertools import accumulate, chain, product
from operator import sub, truediv
from string import ascii_lowercase

from scanner.boilerplate.patterns import COUNTER_RE, DATE_LINE_RE, KIND_ORDER
from scanner.language import letter_runs

HEAD_CHARS = 200

# Function words of the languages the model may meet: a content line has some, a menu has none.
STOP_WORDS = frozenset(
    # English
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they we you i his her their our your my me him them "
    "us not no so than then there here which who whom whose what when where why how all any "
    "some can could would should will may might must do does did has have had also more most "
    "such into about after before over under between through during while because though "
    "very just only even still own other each both few many much same too up out off again "
    # German, Dutch, French, Spanish, Italian, Portuguese, Turkish (a few dozen each)
    "der die das und ist nicht ein eine zu den mit von sich auf für im dem des sie es auch "
    "het een en van dat op te zijn voor niet met aan ook maar bij "
    "le la les et est un une des du pas que qui pour dans sur au avec plus ce son sont "
    "el los las y es en del que por con para una su se lo como más pero sus le ha "
    "il di che è per non della sono gli nel alla anche ma "
    "o os as e um uma do da em não que com mais por ao dos das "
    "bir ve bu da de ile için olarak daha çok gibi ama olan".split()
)

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")  # the same on lower-cased ASCII, a third faster
# A capital starting a word: at the line start or after white space, maybe behind an opening
# quote or bracket. It is matched from the capital, so that the regex jumps from capital to capital.
CAPITAL_RE = re.compile(r"[A-Z](?:(?<!\S.)|(?<=[\"“(].)(?<!\S..))")
# The line model's own (it was trained with them): a sentence's end (CJK stops too), ":" being a
# feature of its own (wrapping.ends_sentence counts it), and a bullet, arrow or number
# (a terminal mark, then closers only: _ends_in_terminal)
_TERMINALS, _CLOSERS = ".!?…。！？", "\"'”’»)]"
_TERMINAL_CHARS = frozenset(_TERMINALS)  # (a set: "" is in every string)
_CLOSERS_OR_BREAK = frozenset(_CLOSERS + "\n")
PROSE_LAST_CHARS = frozenset(_TERMINALS + _CLOSERS)
"""The characters an :func:`is_prose` line may end with."""
BULLET_RE = re.compile(r"^(?:[-–—•·*►▶▪✓✔→>]|\d{1,2}[.)]\s)")
# "|", "»", "›", or "·", "•", "/" between spaces; matched from the rare character, not from every
# space.
_SEPARATOR_RE = re.compile(r"[|»›·•/](?:(?<=[|»›])|(?<= [·•/]) )")
_URL_MARKS = ("http", "www.", ".com", ".org", ".net", "@")
_SENTENCE_GAP_RE = re.compile(r"[.?!] ")  # (each ". ", "? " or "! ": no two overlap)
_DIGIT_RE = re.compile(r"\d")


def _ascii_class(char: str) -> str:
    """The class of an ASCII character for :func:`_capitals_and_digits`: white space (as ``\\s``,
    str.isspace) " ", a capital "A", an opening quote or bracket "q", a digit "0", else "x"."""
    if char.isspace():
        return " "
    if "A" <= char <= "Z":
        return "A"
    return "q" if char in "\"(" else "0" if char.isdigit() else "x"


_ASCII_CLASSES = bytes(ord(_ascii_class(chr(b)) if b < 128 else "x") for b in range(256))
# Typographic punctuation and an ASCII character of the same class for CAPITAL_RE and \d (one
# character for one): the opening double quote a quote, the no-break space white space, the
# others neither (nor digits or capitals)
_TYPOGRAPHIC_AS_ASCII = (("“", '"'), ("\u00a0", " "), *((mark, "x") for mark in "‘’”–—…"))
# a line's sentence gaps as a feature, min(gaps, 3) / 3, looked up (each gap takes two characters)
_GAP_SHARES = tuple(min(gaps, 3) / 3 for gaps in range(HEAD_CHARS // 2 + 1))
_QUOTES = frozenset("\"“‘'«")

# Kinds the line model has no feature of its own for, and the kind it sees instead: contact lines
# and travel disclosures got their kind after the shipped model was trained; contact lines
# close a press release's footer as its legal lines do, and a disclosure credits who paid as a
# sponsor's credit does (so the shipped model keeps its inputs).
_AS_MODEL_KIND = {"contact": "legal", "disclosure": "ad"}
MODEL_KINDS = tuple(k for k in KIND_ORDER if k not in _AS_MODEL_KIND)
_ONE_HOT = {cue: tuple(float(_AS_MODEL_KIND.get(cue, cue) == k) for k in MODEL_KINDS)
            for cue in (None, *KIND_ORDER)}

OWN_NAMES = [
    "len", "words", "stop_share", "terminal", "colon_end", "title_share", "all_caps", "digits",
    "symbols", "bullet", "separator", "date", "url", "quote_start", "sentences", "duplicate",
    "counter", "question", *(f"cue_{k}" for k in MODEL_KINDS),
]
CONTEXT_NAMES = [
    "pos", "head", "tail", "log_lines", "prose", "dist_prose", "win3_prose", "win10_prose",
    "in_body", "prev_len", "next_len", "prev_terminal", "next_terminal", "doc_prose",
    "prev_cue", "next_cue", "win3_cue",
]
TOPIC_NAMES = ["topic_share", "topic_weight", "win3_topic"]
DENSE_NAMES = OWN_NAMES + CONTEXT_NAMES + TOPIC_NAMES


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of the opening of a line (what the model's vocabulary sees)."""
    return _lower_tokens(text[:HEAD_CHARS])


def is_prose(text: str) -> bool:
    """A line that reads as running text: ten words or more ending in terminal punctuation
    (the end read first: most lines are prose, and both tests run)."""
    return _ends_in_terminal(text) and has_spaces(text, 9)


def _ends_in_terminal(text: str) -> bool:
    """Whether the last four characters of ``text`` end in a terminal mark and closers only
    (:data:`_TERMINALS`, :data:`_CLOSERS`), up to the end or a final line break: what the
    model was trained with, as the regex ``[terminals][closers]*$`` searched in them, read by
    ``str.rstrip`` at a third of the regex's cost. The last character settles most lines: a
    mark (three lines in four), or neither a mark, a closer nor a line break (one in ten)."""
    last = text[-1:]
    if last in _TERMINAL_CHARS:
        return True
    if last not in _CLOSERS_OR_BREAK:
        return False
    end = text[-4:]
    if end[-1:] == "\n":
        end = end[:-1]
    return end.rstrip(_CLOSERS)[-1:] in _TERMINAL_CHARS


_WORD_CHARS = 8  # (a long word's length, its space included)


def has_spaces(text: str, n: int) -> bool:
    """Whether ``text`` has at least ``n`` spaces: a word-count test, which a long line's
    opening of :data:`_WORD_CHARS` characters a word nearly always settles (counting all of a
    paragraph's spaces is slow, and a count's cost grows with its span: for nine spaces, an
    opening of 72 characters, not 120, costs a fifth less, and 1.1 % of the prose lines need
    their whole count)."""
    opening = _WORD_CHARS * n
    return text.count(" ", 0, opening) >= n or (len(text) > opening and text.count(" ") >= n)


def line_features(texts: list[str], token_lists: list[list[str]],
                  cues: list[str | None]) -> list[list[float]]:
    """Dense features (one list per line, named by :data:`DENSE_NAMES`) of a page's lines."""
    repeated = _repeated(texts)
    heads = [text[:HEAD_CHARS] for text in texts]
    # URL marks are rare: a look at the page's openings spares most pages six substring tests a line
    openings = "\n".join(heads)
    url_marks = [mark for mark in _URL_MARKS if mark in openings]
    rows = []
    prose = []
    for text, head, toks, cue in zip(texts, heads, token_lists, cues):
        chars = len(text)
        n_head = len(toks)
        n_words = text.count(" ") + 1 if chars > HEAD_CHARS else n_head
        terminal = _ends_in_terminal(text)
        capitals, digits = _capitals_and_digits(head)
        if n_head:
            stop = sum(map(STOP_WORDS.__contains__, toks)) / n_head
            title = capitals / n_head if capitals < n_head else 1.0  # (at most 1; min costs more)
        else:
            stop = title = 0.0
        prose_line = n_words >= 10 and terminal and stop > 0.15
        prose.append(1.0 if prose_line else 0.0)
        size = len(head) or 1
        row = [
            math.log1p(chars), math.log1p(n_words), stop, float(terminal),
            float(text.endswith(":")), title, float(n_head >= 2 and head.isupper()),
            digits / size,
            1.0 - (len("".join(toks)) + head.count(" ")) / size,
            float(BULLET_RE.match(text) is not None),
            float(_has_separator(head)),
            float(chars < 80 and digits > 0 and DATE_LINE_RE.match(text) is not None),  # (each date has a digit)
            float(bool(url_marks) and any(map(head.__contains__, url_marks))),
            float(text[:1] in _QUOTES),
            _GAP_SHARES[len(_SENTENCE_GAP_RE.findall(head))],
            float(text in repeated),
            float(chars < 12 and COUNTER_RE.match(text) is not None),
            float(text.endswith("?")),
        ]
        row.extend(_ONE_HOT[cue])
        rows.append(row)
    _add_context(rows, prose, [c is not None for c in cues])
    _add_topic(rows, texts, token_lists, prose)
    return rows


def _repeated(texts: list[str]) -> Collection[str]:
    """The texts that occur more than once among ``texts``: most pages repeat none, which one
    set tells, without counting them."""
    if len(set(texts)) == len(texts):
        return ()
    return {text for text, count in Counter(texts).items() if count > 1}


def _capitals_and_digits(head: str) -> tuple[int, int]:
    """How many capitals start a word (:data:`CAPITAL_RE`) and how many digits ``head`` holds:
    in an ASCII opening, counted in its classes (:data:`_ASCII_CLASSES`) by C string methods, a
    third of the two regex scans' time. A capital starts a word after white space or a quote or
    bracket behind white space, or at the start (either pattern: one match a capital). An
    opening ASCII but for typographic punctuation (a fifth of the model's lines) is read so
    too, each mark as an ASCII character of its class (:data:`_TYPOGRAPHIC_AS_ASCII`)."""
    if not head.isascii():
        plain = head
        for mark, same_class in _TYPOGRAPHIC_AS_ASCII:
            plain = plain.replace(mark, same_class)
        if not plain.isascii():
            return len(CAPITAL_RE.findall(head)), len(_DIGIT_RE.findall(head))
        head = plain
    classes = head.encode("ascii").translate(_ASCII_CLASSES)
    capitals = classes.count(b" A") + classes.count(b" qA") + classes.startswith((b"A", b"qA"))
    return capitals, classes.count(b"0")


def _has_separator(head: str) -> bool:
    """Whether :data:`_SEPARATOR_RE` finds a separator in ``head``: of its characters, an ASCII
    opening can hold only "|" and "/" (two substring tests spare most lines the regex)."""
    if head.isascii() and "|" not in head and "/" not in head:
        return False
    return _SEPARATOR_RE.search(head) is not None


def window_means(values: list[float], radius: int) -> list[float]:
    """Mean of ``values`` over a window of ``radius`` lines either side (clipped at the ends)."""
    prefix = list(accumulate(values, initial=0.0))
    los, his, sizes = window_bounds(len(values), radius)
    at = prefix.__getitem__
    return list(map(truediv, map(sub, map(at, his), map(at, los)), sizes))


@lru_cache(maxsize=512)
def window_bounds(n: int, radius: int) -> tuple[tuple[int, ...], ...]:
    """Where the windows of ``radius`` lines either side (clipped at the ends) start and end in
    a page of ``n`` lines, and their sizes (shared by every page of that length)."""
    los = tuple(max(0, i - radius) for i in range(n))
    his = tuple(min(n, i + radius + 1) for i in range(n))
    return los, his, tuple(map(sub, his, los))


def _add_context(rows: list[list[float]], prose: list[float], cue: list[bool]) -> None:
    n = len(rows)
    where = [i for i, p in enumerate(prose) if p]
    dist = _distances(prose)
    first, last = (where[0], where[-1]) if where else (n, -1)
    win3, win10 = window_means(prose, 3), window_means(prose, 10)
    cues = [float(c) for c in cue]
    win3_cue = window_means(cues, 3)
    doc_prose = len(where) / n if n else 0.0
    log_n = math.log1p(n)
    span = max(n - 1, 1)
    head_near, tail_near = _edge_nearness(n)
    for i, row in enumerate(rows):
        prev_row = rows[i - 1] if i else None
        next_row = rows[i + 1] if i + 1 < n else None
        row.extend((
            i / span, head_near[i], tail_near[i], log_n, prose[i],
            dist[i] / 10 if dist[i] < 10 else 1.0, win3[i], win10[i], float(first <= i <= last),
            prev_row[0] if prev_row else 0.0, next_row[0] if next_row else 0.0,
            prev_row[3] if prev_row else 0.0, next_row[3] if next_row else 0.0, doc_prose,
            cues[i - 1] if i else 0.0, cues[i + 1] if i + 1 < n else 0.0, win3_cue[i],
        ))


@lru_cache(maxsize=512)
def _edge_nearness(n: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """How near each line of a page of ``n`` lines is to its head and to its tail, counting up to
    ten lines (shared by every page of that length)."""
    return tuple(min(i, 10) / 10 for i in range(n)), tuple(min(n - 1 - i, 10) / 10 for i in range(n))


def content_words(words: Iterable[str]) -> set[str]:
    """Topic-bearing words among lower-cased tokens: three letters or more, no function word.

    The ASCII words shorter than that go with the function words in one set difference; a
    shorter word then left (beyond ASCII, rare) is dropped by a look at each word's length."""
    content = set(words).difference(_NOT_CONTENT)
    if content and min(map(len, content)) < 3:
        return {w for w in content if len(w) >= 3}
    return content


_NOT_CONTENT = STOP_WORDS.union(
    chain(ascii_lowercase, map("".join, product(ascii_lowercase, repeat=2))))


def topic_overlap(texts: list[str], token_lists: list[list[str]],
                  prose: list[float]) -> tuple[list[float], list[float]]:
    """How much each line shares the vocabulary of the page's prose lines (other than itself).

    For each line's content words (see :func:`content_words`, from the line's opening): the share
    that occurs in at least one other prose line, and the mean of ``min(lines, 3) / 3`` where
    ``lines`` counts the other prose lines holding the word (words the article repeats weigh
    more). Prose lines contribute their whole text. Lines without content words get 0 for both.

    ``token_lists`` are the lines' :func:`tokens`: a line of at most :data:`HEAD_CHARS`
    characters has no other words, so its opening's content words are its whole text's. Only
    the openings' content words are ever looked up, so a longer prose line's whole text counts
    for those alone (one set intersection in C, no filtering of a paragraph's other words).
    """
    asked = content_words(chain.from_iterable(token_lists))  # each word of the page tested once
    openings = [asked.intersection(toks) for toks in token_lists]
    own = {i: openings[i] if len(texts[i]) <= HEAD_CHARS else asked.intersection(_line_tokens(texts[i], token_lists[i]))
           for i, p in enumerate(prose) if p}
    spread = Counter(chain.from_iterable(own.values()))
    # min(lines, 3) looked up (no word is in more lines than the prose ones): twice as fast as min
    capped = ((0, 1, 2) + (3,) * len(own)).__getitem__
    shares, weights = [], []
    for i, words in enumerate(openings):
        if not words:
            shares.append(0.0)
            weights.append(0.0)
            continue
        mine = own.get(i, frozenset())
        others = [spread.get(w, 0) - (w in mine) for w in words]  # none below 0
        shares.append((len(others) - others.count(0)) / len(words))
        weights.append(sum(map(capped, others)) / (3 * len(words)))
    return shares, weights


def _line_tokens(text: str, toks: list[str]) -> list[str]:
    """The :func:`_lower_tokens` of a line's whole text, from its :func:`tokens` ``toks``.

    A longer line's opening ends inside it; the tokens before the opening's last space are the
    same in both, so only the rest of the line from that space is tokenised again.
    """
    if len(text) <= HEAD_CHARS:
        return toks
    cut = text.rfind(" ", 0, HEAD_CHARS)
    if cut < 0:
        return _lower_tokens(text)
    before = len(toks) - len(_lower_tokens(text[cut:HEAD_CHARS]))
    return toks[:before] + _lower_tokens(text[cut:])


def _lower_tokens(text: str) -> list[str]:
    """The word tokens of ``text``, lower-cased."""
    lowered = text.lower()
    if "'" not in lowered and "’" not in lowered:
        # without an apostrophe, the tokens are the letter runs: by a byte table in an ASCII text,
        # or one with typographic punctuation only beyond ASCII, in half the regex's time or less
        return letter_runs(lowered)
    return _ASCII_TOKEN_RE.findall(lowered) if lowered.isascii() else _TOKEN_RE.findall(lowered)


def _add_topic(rows: list[list[float]], texts: list[str], token_lists: list[list[str]],
               prose: list[float]) -> None:
    shares, weights = topic_overlap(texts, token_lists, prose)
    for row, share, weight, win in zip(rows, shares, weights, window_means(shares, 3)):
        row.extend((share, weight, win))


def _distances(flags: list[float]) -> list[float]:
    """Distance (in lines) from each line to the nearest flagged line (large when none)."""
    n = len(flags)
    out = [float(n + 10)] * n
    last = None
    for i in range(n):
        if flags[i]:
            last = i
        if last is not None:
            out[i] = float(i - last)
    last = None
    for i in range(n - 1, -1, -1):
        if flags[i]:
            last = i
        if last is not None and last - i < out[i]:
            out[i] = float(last - i)
    return out
