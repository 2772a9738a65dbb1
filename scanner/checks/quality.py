"""Document-quality heuristics of web-corpus filters: Gopher, C4 and FineWeb.

These are the rules large pre-training corpora use to drop pages that are not running prose
(menus, lists, code, spam, truncated teasers). Thresholds are the published ones, as
implemented in Hugging Face's datatrove (``GopherQualityFilter``, ``GopherRepetitionFilter``,
``C4QualityFilter``, ``FineWebQualityFilter``): Rae et al. 2021 (Gopher, "Scaling Language
Models", appendix A), Raffel et al. 2020 (C4, "Exploring the Limits of Transfer Learning"),
Penedo et al. 2024 (FineWeb). Every finding is whole-document. Their line statistics count a
page's lines, a block element each; in hard-wrapped text and Markdown a paragraph over several
lines counts as one (:mod:`scanner.paragraphs`), or every wrapped article would look like a page
of fragments. A Markdown table's markup is not counted: its delimiter row is no line and its
pipes are no words (a table's figures are words as in a plain-text table). All statistics come
from one
cached pass of C-level string and byte operations and a few regexes over the text.
"""
from __future__ import annotations

import re
from itertools import repeat
from operator import itemgetter
from typing import ClassVar, NamedTuple

import numpy as np

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.markdown_blocks import without_table_markup
from scanner.paragraphs import paragraph_units, table_lines
from scanner.rule import Rule, flag, ok
from scanner.token_hashes import ascii_spaced

CACHE_KEY = "quality.stats"
GOPHER_STOP_WORDS = ("the", "be", "to", "of", "and", "that", "have", "with")
_LOREM_RE = re.compile(r"lorem\s+ipsum", re.IGNORECASE)
# "...": its findall counts as str.count does (leftmost, not overlapping), in 1.4 against 2.1 us
# a text (re scans for a "." in a loop of its own; str.count's search steps through the text)
_THREE_DOTS_RE = re.compile(r"\.\.\.")
_STOP_SET = frozenset(GOPHER_STOP_WORDS)
_PADDED_STOP = tuple(f" {w} ".encode() for w in GOPHER_STOP_WORDS)
_PUNCTUATION = tuple(",.;:!?\"'()“”’")
_STRIP = "".join(_PUNCTUATION)
_CURLY_PUNCTUATION = tuple(p for p in _PUNCTUATION if not p.isascii())
# Letter counts come from the text's character classes, one byte per character: b"a" for a
# letter (A-Z, a-z and every character from U+00C0 to U+FFFF, as datatrove's letter test),
# b" " for white space (str.split's), b"0" else. A UTF-8 character is classed by its lead byte;
# continuation bytes and the ASCII punctuation of _PUNCTUATION are deleted (the characters
# missing are that punctuation: no count of it over the classes).


def _class_of(byte: int) -> bytes:
    char = chr(byte)
    if byte < 0x80:
        if char.isspace():
            return b" "
        return b"a" if char.isalpha() else b"0"
    return b"a" if 0xC3 <= byte <= 0xEF else b"0"  # lead bytes of U+00C0 to U+FFFF are letters


_CLASSES = b"".join(map(_class_of, range(256)))
_ASCII_PUNCTUATION = "".join(p for p in _PUNCTUATION if p.isascii()).encode()
_NOT_CLASSED = bytes(range(0x80, 0xC0)) + _ASCII_PUNCTUATION  # continuation bytes, punctuation
_LETTER_BITS = bytes.maketrans(b" a", b"\0\1")
# RDB017's line ends (FineWeb's terminal punctuation): wrapping.ends_sentence's with "»", without ";"
# (each a character: a line's last character is looked up)
_TERMINAL = frozenset((".", "!", "?", '"', "'", "”", "’", "…", ":", ")", "»"))
# RDB013's bullets (Gopher's): a line starting with a bullet glyph, or with a marker that also
# writes text followed by white space ("- item", "* item"; not "**bold**", "*Updated*", "***",
# "-5C", "–30 years")
_BULLETS = ("•", "·", "●", "▪", *(marker + space for marker in "-*–" for space in " \t\u00a0"))
_BULLET_STARTS = frozenset(bullet[0] for bullet in _BULLETS)

_PROSE = (
    "Japan and NATO leaders pledged to strengthen cooperation in response to Russia's war in "
    "Europe and China's growing military cooperation with Russia.\n\n"
    "Japanese Prime Minister Fumio Kishida issued a joint statement after talks with the visiting "
    "NATO Secretary-General on Tuesday, saying that the invasion of Ukraine had created the "
    "tensest security environment since the Second World War.\n\n"
    "Japan will host the G7 summit in May, where the war and China's role are expected to be the "
    "focus of discussions. Japanese media reported that Kishida is considering a visit to Kyiv.\n\n"
    "Stoltenberg said the war in Ukraine concerns the security of all, and that NATO is grateful "
    "for the support provided by Japan. A day earlier he was in Seoul.\n"
)


class TextStats(NamedTuple):
    """Counts the quality rules share (a named tuple: a frozen dataclass took 4 us to build)."""

    words: int
    alpha_words: int
    mean_word_length: float
    hashes: int
    ellipses: int
    stop_words: int
    """Gopher stop words, counted exactly only up to 2 (the threshold)."""
    lines: list[str]
    """The text's lines as on a page (:func:`_counted_lines`), none empty."""
    bullet_lines: int
    ellipsis_lines: int
    terminal_lines: int
    short_lines: int
    duplicate_lines: int
    duplicate_line_chars: int
    chars: int


def text_stats(doc: Document) -> TextStats:
    """The (cached) statistics of ``doc`` used by the quality rules."""
    cached = doc.cache.get(CACHE_KEY)
    if cached is None:
        cached = doc.cache[CACHE_KEY] = _stats(doc)
    return cached


def _stats(doc: Document) -> TextStats:
    # a Markdown text's tables are counted without their markup; a text without one is itself
    text = without_table_markup(doc.text, table_lines(doc))
    own = text is doc.text  # the document's shared views hold its words, lines, bytes, ...
    if own:
        words, lines = len(doc.lower_token_hashes), _counted_lines(doc, doc.stripped_lines)
    else:
        words = len(text.split())
        blanked = [text[span.start:span.end].strip() for _, span in doc.nonblank_lines]
        lines = [line for line in _counted_lines(doc, blanked) if line]  # no delimiter row
    beyond = doc.chars_beyond_ascii if own else text  # (either holds its characters beyond ASCII)
    # (blanking makes no white space beyond ASCII)
    alpha, letters = _letter_counts(text, doc.unicode_space, doc.utf8 if own else None, beyond)
    ellipses = len(_THREE_DOTS_RE.findall(text)) + beyond.count("…")
    distinct = set(lines)  # the later copies of a line are its duplicates
    duplicates = len(lines) - len(distinct)
    return TextStats(
        words=words, alpha_words=alpha,
        mean_word_length=letters / words if words else 0.0,
        hashes=_count_hashes(text), ellipses=ellipses,
        stop_words=_count_stop(doc),
        lines=lines,
        bullet_lines=_bullet_lines(lines),
        # (no line ends with an ellipsis that the text does not hold)
        ellipsis_lines=sum(map(str.endswith, lines, repeat(("...", "…")))) if ellipses else 0,
        terminal_lines=sum(map(_TERMINAL.__contains__, map(itemgetter(-1), lines))),
        short_lines=sum(1 for line in lines if len(line) <= 30),
        duplicate_lines=duplicates,
        duplicate_line_chars=sum(map(len, lines)) - sum(map(len, distinct)) if duplicates else 0,
        # the text's line breaks (a table's markup is blanked, its lines kept): its lines less one
        chars=len(text) - (len(doc.lines) - 1),
    )


def _count_hashes(text: str) -> int:
    """The text's "#" characters: counted only when a search finds one (most texts have none;
    the search, by memchr, took 0.2 us where the count's loop took 0.9)."""
    return text.count("#") if "#" in text else 0


def _counted_lines(doc: Document, lines: list[str]) -> list[str]:
    """The stripped ``lines``, one for each of the document's nonblank lines, as on a page: a
    paragraph over several lines as one line."""
    units = paragraph_units(doc)
    if units is None:
        return lines
    return [" ".join(lines[unit.start:unit.stop]) for unit in units[0]]


def _bullet_lines(lines: list[str]) -> int:
    """How many of the (non-empty) ``lines`` start with a bullet: each line's 13 prefix tests
    only when a line starts with a bullet's first character (most texts have none)."""
    if _BULLET_STARTS.isdisjoint(map(itemgetter(0), lines)):
        return 0
    return sum(map(str.startswith, lines, repeat(_BULLETS)))


def _letter_counts(text: str, unicode_space: bool | None = None, utf8: bytes | None = None,
                   beyond: str | None = None) -> tuple[int, int]:
    """Words (white-space separated) with a letter, and word characters that are not
    punctuation, counted in C over the character classes of ``text`` (``unicode_space`` as for
    :func:`~scanner.token_hashes.ascii_spaced`). ``utf8`` and ``beyond``: the text's UTF-8
    (lone surrogates kept) and its characters beyond ASCII, when the caller has them (encoding
    a text beyond ASCII took 2.6 us, counting its curly punctuation in it 2.7 us)."""
    beyond = text if beyond is None else beyond  # (the text holds its curly punctuation too)
    if text.isascii():
        curly = 0
    else:
        # non-ASCII white space as " ": its lead bytes would class it as a letter (or other)
        spaced = ascii_spaced(text, unicode_space)
        if utf8 is None or spaced is not text:
            utf8 = spaced.encode("utf-8", "surrogatepass")
        curly = sum(map(beyond.count, _CURLY_PUNCTUATION))
    # a class a character but the ASCII punctuation, which the missing characters are
    classes = (utf8 or text.encode("ascii")).translate(_CLASSES, _NOT_CLASSED)
    bits = classes.translate(_LETTER_BITS, b"0")  # words reduced to their letters
    alpha, letters = _runs_and_ones(bits)
    spaces = len(bits) - letters
    return alpha, len(classes) - spaces - curly


def _runs_and_ones(bits: bytes) -> tuple[int, int]:
    """Runs of 1 bytes in a string of 0 and 1 bytes (the 1s less those next to a 1 on one
    side), and the 1 bytes, counted in numpy."""
    values = np.frombuffer(bits, dtype=np.uint8)
    ones = int(np.count_nonzero(values))
    return ones - int(np.count_nonzero(values[1:] & values[:-1])), ones


def _count_stop(doc: Document) -> int:
    """Gopher stop words in the document: a substring pre-count on the lowercased text (its
    UTF-8, where an ASCII word stands where it does in the text) that stops at the second
    occurrence, exact only when it may be below 2 (then a count over the shared lowercased
    tokens)."""
    lowered = doc.lower_utf8
    found = 0
    for padded in _PADDED_STOP:
        at = lowered.find(padded)
        while at >= 0:
            found += 1
            if found >= 2:
                return 2
            at = lowered.find(padded, at + len(padded))
    return sum(map(_STOP_SET.__contains__, (w.strip(_STRIP) for w in doc.lower_tokens)))


class _QualityRule(Rule):
    """A whole-document quality rule: ``problem`` returns a message when the text fails."""

    category = Category.READABILITY
    severity = Severity.INFO
    min_words: ClassVar[int] = 50

    def check(self, doc: Document) -> tuple[Finding, ...]:
        """The text's finding, if it fails: a tuple (an iterable, as Rule.check's result may
        be), as these rules' checks are, not a generator, whose frame took 0.1 us a call."""
        if doc.unspaced_script:  # Gopher's and C4's counts are of words between spaces
            return ()
        stats = text_stats(doc)
        if stats.words < self.min_words:
            return ()
        result = self.problem(stats)
        if not result:
            return ()
        message, data = result
        return (self.finding(doc, None, None, message, data=data),)

    def problem(self, stats: TextStats) -> tuple[str, dict] | None:  # pragma: no cover
        raise NotImplementedError


def _limit(kind: str, value: int, gopher: int) -> str:
    """"Gopher minimum 50", or a configured limit beside Gopher's."""
    if value == gopher:
        return f"Gopher {kind} {value:,}"
    return f"{kind} {value:,}; Gopher's is {gopher:,}"


class ShortDocument(_QualityRule):
    id = "RDB010"
    name = "too-few-words"
    summary = "Fewer than 50 or more than 100,000 words: not an article's length (Gopher)."
    docs = """
    Gopher drops documents with fewer than 50 words or more than 100,000: a scraped "article"
    this short is usually a teaser, an error page or a caption, one this long a dump of many
    pages. The name says only the common case: rule names are selectors in configurations and
    ignore comments, so it stays; the message says which bound a text is outside. Credit: Rae
    et al. 2021; datatrove GopherQualityFilter (min_doc_words=50, max_doc_words=100000).
    """
    min_words = 1
    default_options = {"min_words": 50, "max_words": 100_000}
    examples = [flag("Japan and NATO pledge closer ties. Read the full story on our site."),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        if stats.words < self.options["min_words"]:
            words = f"{stats.words:,} word{'' if stats.words == 1 else 's'}"
            return f"Only {words} ({_limit('minimum', self.options['min_words'], self.default_options['min_words'])}).", {
                "words": stats.words}
        if stats.words > self.options["max_words"]:
            return f"Too many words for an article: {stats.words:,} ({_limit('maximum', self.options['max_words'], self.default_options['max_words'])}).", {
                "words": stats.words}
        return None


class MeanWordLength(_QualityRule):
    id = "RDB011"
    name = "abnormal-word-length"
    severity = Severity.WARNING
    summary = "Mean word length outside 3-10 characters (Gopher)."
    docs = """
    Natural prose has a mean word length between 3 and 10 characters; outside that range the
    text is usually tokens, codes, URLs or keyword stuffing. Credit: Rae et al. 2021; datatrove
    GopherQualityFilter (min_avg_word_length=3, max_avg_word_length=10).
    """
    examples = [flag(" ".join(["supercalifragilisticexpialidocious-keyword-stuffing"] * 60)),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        mean = stats.mean_word_length
        if stats.alpha_words and not 3 <= mean <= 10:
            return (f"Mean word length {mean:.1f} characters (Gopher range 3-10).",
                    {"mean_word_length": round(mean, 2)})
        return None


class SymbolRatio(_QualityRule):
    id = "RDB012"
    name = "symbol-heavy"
    severity = Severity.WARNING
    summary = "More than one '#' or ellipsis per ten words (Gopher)."
    docs = """
    Gopher drops documents whose hash-to-word or ellipsis-to-word ratio exceeds 0.1: hashtag
    spam and chains of truncated teasers. Credit: Rae et al. 2021; datatrove
    GopherQualityFilter (max_symbol_word_ratio=0.1).
    """
    examples = [flag(_PROSE + " ".join(["#news #japan #nato #breaking"] * 10)),
                flag(_PROSE + "\n".join(["Tokyo... Osaka..."] * 20)),
                ok(_PROSE + "He paused... then said the talks had gone well.")]

    def problem(self, stats: TextStats):
        for symbol, count in (("#", stats.hashes), ("ellipsis", stats.ellipses)):
            ratio = count / stats.words
            if ratio > 0.1:
                return (f"{symbol} to word ratio {ratio:.2f} (Gopher maximum 0.1).",
                        {"symbol": symbol, "ratio": round(ratio, 3)})
        return None


class BulletLines(_QualityRule):
    id = "RDB013"
    name = "mostly-bullets"
    summary = "More than 90% of lines start with a bullet (Gopher)."
    docs = """
    A page whose lines are nearly all bullet points is a list or menu, not an article. A bullet
    is a bullet glyph ("•", "●", "▪", "·") or a marker that also writes text ("-", "*", "–")
    followed by white space: a Markdown line in bold or italics ("**11:58 p.m.** Polls are now
    closed.", "*Updated* ...", a live blog's time stamps), a "***" rule or "-5C" is none (QA
    pass 41). Credit: Rae et al. 2021; datatrove GopherQualityFilter (max_bullet_lines_ratio=0.9).
    """
    examples = [flag("\n".join(f"• Item number {i} in the list of the best deals of the week"
                               for i in range(12))),
                ok(_PROSE + "- one bullet point among the paragraphs of the report here"),
                flag("\n".join(f"- Item number {i} in the list of the best deals of the week"
                                for i in range(12))),
                ok("- Polls closed at 10 p.m.\n- Turnout was 61 per cent\n" + "".join(
                    f"**{h}:0{h} p.m.** Results came in from ward {h}, where counting went on late.\n"
                    for h in range(1, 10))),
                ok("- Polls closed at 10 p.m.\n- Turnout was 61 per cent\n" + "".join(
                    f"*Updated {h}:0{h} p.m.* Results came in from ward {h}, where counting went on.\n"
                    for h in range(1, 10)))]

    def problem(self, stats: TextStats):
        ratio = stats.bullet_lines / len(stats.lines)
        if ratio > 0.9:
            return f"{ratio:.1%} of lines are bullets (Gopher maximum 90%).", {"ratio": round(ratio, 3)}
        return None


class EllipsisLines(_QualityRule):
    id = "RDB014"
    name = "truncated-lines"
    severity = Severity.WARNING
    summary = "More than 30% of lines end with an ellipsis (Gopher)."
    docs = """
    Lines ending in "..." are truncated teasers (feeds, search results, related-post lists).
    When more than 30% of lines do, the text is a list of snippets. Credit: Rae et al. 2021;
    datatrove GopherQualityFilter (max_ellipsis_lines_ratio=0.3).
    """
    examples = [flag("\n".join(f"Japan and NATO leaders met in Tokyo on Tuesday and said that the {i}..."
                               for i in range(8))),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        ratio = stats.ellipsis_lines / len(stats.lines)
        if ratio > 0.3:
            return (f"{ratio:.1%} of lines end with an ellipsis (Gopher maximum 30%).",
                    {"ratio": round(ratio, 3)})
        return None


class NonAlphaWords(_QualityRule):
    id = "RDB015"
    name = "few-alphabetic-words"
    summary = "Fewer than 80% of words contain a letter (Gopher)."
    docs = """
    In prose nearly every word has a letter; when fewer than 80% do, the text is numbers,
    tables, code or symbols. Info, not a warning: a published league table, results page or
    market report is such a text and no worse for it. Credit: Rae et al. 2021; datatrove
    GopherQualityFilter (max_non_alpha_words_ratio=0.8).
    """
    examples = [flag(" ".join(f"{i} {i * 7} {i * 13} | {i * 3}.5 total" for i in range(30))),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        ratio = stats.alpha_words / stats.words
        if ratio < 0.8:
            return (f"Only {ratio:.1%} of words contain a letter (Gopher minimum 80%).",
                    {"ratio": round(ratio, 3)})
        return None


class StopWords(_QualityRule):
    id = "RDB016"
    name = "no-stop-words"
    summary = "Fewer than two English stop words (Gopher): not English prose."
    docs = """
    English prose cannot avoid "the", "be", "to", "of", "and", "that", "have", "with"; a text
    with fewer than two of them is a word list, keyword spam or another language. Only applied
    when the document is not known to be in another language. Credit: Rae et al. 2021;
    datatrove GopherQualityFilter (min_stop_words=2).
    """
    examples = [flag(" ".join(["cheap flights Tokyo hotels deals discount booking"] * 10)),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        if stats.stop_words < 2:
            return (f"{stats.stop_words} English stop words (Gopher minimum 2).",
                    {"stop_words": stats.stop_words})
        return None

    def check(self, doc: Document) -> tuple[Finding, ...]:
        findings = super().check(doc)
        # language detection only when needed
        return findings if findings and _language(doc) in (None, "en") else ()


class TerminalPunctuation(_QualityRule):
    id = "RDB017"
    name = "few-sentence-lines"
    summary = "Fewer than 12% of lines end in terminal punctuation (FineWeb)."
    docs = """
    In an article most lines (paragraphs) end with terminal punctuation; FineWeb drops
    documents where fewer than 12% do: menus, lists of links, tables. C4 applies the same idea
    line by line. Credit: Penedo et al. 2024; datatrove FineWebQualityFilter (line_punct_thr=0.12);
    Raffel et al. 2020 (C4).
    """
    examples = [flag("\n".join(f"Best hotel deals in Tokyo number {i} with free breakfast and parking"
                               for i in range(10))),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        ratio = stats.terminal_lines / len(stats.lines)
        if ratio < 0.12:
            return (f"Only {ratio:.1%} of lines end in terminal punctuation (FineWeb minimum 12%).",
                    {"ratio": round(ratio, 3)})
        return None


class ShortLines(_QualityRule):
    id = "RDB018"
    name = "mostly-short-lines"
    summary = "More than 67% of lines are 30 characters or shorter (FineWeb)."
    docs = """
    A text made mostly of short lines is a menu, a list or a scraped page template. Credit:
    Penedo et al. 2024; datatrove FineWebQualityFilter (short_line_thr=0.67,
    short_line_length=30).
    """
    examples = [flag("\n".join(["Home", "News", "Sport", "Weather", "Japan", "Politics"] * 3)
                     + "\n" + _PROSE),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        ratio = stats.short_lines / len(stats.lines)
        if ratio > 0.67:
            return (f"{ratio:.1%} of lines are 30 characters or shorter (FineWeb maximum 67%).",
                    {"ratio": round(ratio, 3)})
        return None


class DuplicateLines(_QualityRule):
    id = "RDB019"
    name = "duplicate-lines"
    summary = "Repeated lines: FineWeb (1% of characters) and Gopher (30% / 20%) limits."
    docs = """
    Repeated lines are template furniture repeated by the scraper (share bars, captions,
    "Join now" lines). Info when duplicated lines hold more than 1% of the characters
    (FineWeb char_duplicates_ratio=0.01); warning when more than 30% of lines or 20% of
    characters are duplicates (Gopher dup_line_frac=0.3, dup_line_char_frac=0.2). Credit:
    Penedo et al. 2024; Rae et al. 2021; datatrove FineWebQualityFilter, GopherRepetitionFilter.
    """
    examples = [flag(_PROSE + "WhatsApp Channel Join Now\n" * 3),
                ok(_PROSE)]

    def check(self, doc: Document) -> tuple[Finding, ...]:
        findings = super().check(doc)
        for finding in findings:
            if finding.data.pop("gopher"):
                finding.severity = Severity.WARNING
        return findings

    def problem(self, stats: TextStats):
        if not stats.duplicate_lines:
            return None
        line_share = stats.duplicate_lines / len(stats.lines)
        char_share = stats.duplicate_line_chars / max(stats.chars, 1)
        gopher = line_share > 0.3 or char_share > 0.2
        if char_share > 0.01 or gopher:
            return (f"{stats.duplicate_lines} repeated lines ({char_share:.1%} of characters).",
                    {"duplicate_lines": stats.duplicate_lines, "char_share": round(char_share, 3),
                     "gopher": gopher})
        return None


class LoremIpsum(_QualityRule):
    id = "RDB020"
    name = "lorem-ipsum"
    severity = Severity.WARNING
    summary = "Placeholder text 'lorem ipsum' (C4)."
    docs = """
    C4 drops any page containing "lorem ipsum": placeholder text means an unfinished template.
    Credit: Raffel et al. 2020; datatrove C4QualityFilter (filter_lorem_ipsum).
    """
    examples = [flag(_PROSE + "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
                flag(_PROSE + "LoReM IpSuM dolor sit amet."),
                ok(_PROSE), ok(_PROSE + "Lorem, the village, and its ipsum-free bakery.")]

    def check(self, doc: Document) -> tuple[Finding, ...]:
        # an exact gate: the case-blind regex matches only where the lowercased text holds "orem"
        match = _LOREM_RE.search(doc.text) if b"orem" in doc.lower_utf8 else None
        if not match:
            return ()
        return (self.finding(doc, match.start(), match.end(), "Placeholder text 'lorem ipsum'."),)


class NewlineRatio(_QualityRule):
    id = "RDB021"
    name = "list-like-layout"
    summary = "More than 0.3 line breaks per word (FineWeb): a list, not prose."
    docs = """
    FineWeb drops documents with more than 0.3 line breaks per word: one- to three-word lines
    are lists and menus. Credit: Penedo et al. 2024; datatrove FineWebQualityFilter
    (new_line_ratio=0.3).
    """
    examples = [flag("\n".join(["Tokyo hotels", "Osaka flights", "Kyoto tours"] * 20)),
                ok(_PROSE)]

    def problem(self, stats: TextStats):
        ratio = len(stats.lines) / stats.words
        if ratio > 0.3:
            return (f"{ratio:.2f} lines per word (FineWeb maximum 0.3).", {"ratio": round(ratio, 3)})
        return None


def _language(doc: Document) -> str | None:
    """The document language when a detector is installed, else None."""
    try:
        return doc.language
    except ImportError:
        return None


RULES = [ShortDocument, MeanWordLength, SymbolRatio, BulletLines, EllipsisLines, NonAlphaWords,
         StopWords, TerminalPunctuation, ShortLines, DuplicateLines, LoremIpsum, NewlineRatio]
