"""Repetition: lines pasted twice, stuttered words ("the the", "freedom and freedom") and
Gopher's n-gram repetition measures.

Gopher's duplicate-line fractions live in :mod:`scanner.checks.quality` (RDB019); the line
rules here point at each repeated piece instead, and REP010 adds Gopher's n-gram measures.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar, NamedTuple

import numpy as np

from scanner.document import DOTTED_CAPITAL_I, Document, Span
from scanner.finding import Category, Finding, Severity
from scanner.language import ENGLISH_STOP_WORDS
from scanner.listings import in_code
from scanner.paragraphs import paragraph_units, unit_spans
from scanner.rule import Rule, flag, ok
from scanner.wrapping import INNER_SENTENCE_END_RE, LIST_ITEM_RE

# A passage's (or caption's) end: unlike wrapping.ends_sentence, "]" ends one ("... [CEN]"),
# ":" and ";" do not
_PASSAGE_ENDINGS = (".", "!", "?", "…", ")", "]", '"', "'", "”", "’")
_LETTER_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MIN_CONTENTS_ENTRIES = 3
_MAX_REFRAIN_WORDS = 20
_REFRAIN_GAP = 2  # lines (blank ones too) from the first copy: more, and other text came between
# (the word's letters taken possessively, "[a-z]*+": a shorter word is never followed by a blank,
# so giving letters back finds no match, and a whole text is scanned a quarter faster)
_DOUBLED_RE = re.compile(r"(?<![\w'’-])(?P<word>[A-Za-z][a-z]*+)[ \t]+(?i:(?P=word))(?![\w'’-])")
_COORDINATED_RE = re.compile(
    r"(?<![\w'’-])(?P<word>[A-Za-z][a-z]{3,})[ \t]+(?:and|or)[ \t]+(?i:(?P=word))(?![\w'’-])"
    r"(?![ \t]+not\b)")
# The same noun phrase coordinated with itself: "the scheme and the scheme", "his party or his
# party". Only a definite article or a possessive: with it both copies name one thing, while "a
# woman and a woman" or "this book and this book" may name two. The second copy must end the
# phrase (punctuation, a line end or another "and"): before a verb it opens a new clause ("The
# council approved the scheme and the scheme will start in May").
_DETERMINER = "(?i:the|his|her|its|their|our|my|your)"
_DETERMINER_WORD_RE = re.compile(rf"{_DETERMINER}[ \t]")
# the characters a determiner may start with, its case aside ("İ" and "ı" match "i" so): a cheap
# look at the next character before _DETERMINER_WORD_RE (most "and"s go on with another word)
_DETERMINER_INITIALS = frozenset("tThHiIİıoOmMyY")
_PHRASE_HEAD_RE = re.compile(rf"(?<![\w'’-]){_DETERMINER}[ \t]+[a-z]{{4,}}\Z")
_COORDINATED_PHRASE_RE = re.compile(
    rf"(?<![\w'’-])(?P<det>{_DETERMINER})[ \t]+(?P<word>[a-z]{{4,}})"
    r"[ \t]+(?:and|or)[ \t]+(?i:(?P=det))[ \t]+(?P=word)"
    r"(?=[ \t]*(?:[,.;:!?)\]”\"’—–]|$)|[ \t]+(?:and|or)\b)", re.MULTILINE)
# Doubled words that English allows ("had had", "that that") and reduplications ("bye bye").
_ALLOWED_DOUBLES = frozenset(
    "had that is do bye no so ha yeah blah knock tut chop night hush pooh there now well tsk "
    "hip go boo bling yada very really please gimme la "
    # names and terms written doubled in lower case ("mahi mahi", "ylang ylang")
    "mahi ylang bora walla chin".split()
)
# Words English never writes twice in a row: "the the" is always a slip (REP002 warns), while
# "in in", "on on", "at at" may be two words' ("log in in seconds", "looking at at the moment").
_NEVER_DOUBLED = frozenset(("the", "a", "an", "of", "and"))
# Doubles other languages' grammar makes: an article before a relative pronoun of the same
# form ("die die Erhöhung vorgeschlagen hatte", QA pass 27; Dutch "die die"), a reflexive
# pronoun after its subject ("nous nous sommes")
_ALLOWED_DOUBLES_IN = {
    "de": frozenset("der die das den dem des".split()),
    "nl": frozenset("die dat".split()),
    "fr": frozenset("nous vous".split()),
}
# "X and X" pairs English uses for emphasis ("again and again", "more and more"), beside
# comparatives, plurals, gerunds and past tenses ("bigger and bigger", "years and years",
# "building and building", "waited and waited"), which are recognised by their ending.
_EMPHATIC = frozenset(
    "again over more less worse round through neck time side back forth on up down out far "
    # function words, whose self-coordination is rhetorical ("there and there")
    "there here then that this these those them they their what when where which while with "
    "from into your "
    # a fixed pair, an emphatic adverb and verbs, irregular past tenses among them ("half and
    # half", "around and around", "fought and fought")
    "half around grew rise ran went sat fought thought wept swam drove rose fell dug slept "
    "spun".split()
)
_EMPHATIC_ENDINGS = ("er", "ing", "ed")
# plurals that count or measure, doubled for emphasis ("hundreds and hundreds", "acres and acres")
_EMPHATIC_PLURALS = frozenset(
    "hundreds thousands millions billions dozens scores years months weeks days hours minutes "
    "seconds ages decades generations centuries pages rows lots acres miles piles heaps tons "
    "layers reams yards inches feet metres meters kilometres bags boxes bottles buckets rounds "
    "times".split())
# words after which a plural opens a noun phrase (see _opens_noun_phrase)
_NOUN_PHRASE_OPENERS = frozenset(
    "the a an of on in for to with by from at about into onto over under between among and or "
    "but both all many some these those their our his her its your my no more most other "
    "such".split())
_LAST_WORD_RE = re.compile(r"([A-Za-z’']+)[ \t]*\Z")  # a word right before (no punctuation)
# The second copy is the first word of a compound ("suicide and suicide attempts", "application
# and application fee"): often a writer's, so only info (a spinner's "security and security
# cooperation" reads the same). Before a function word ("peace and peace in the region") or
# punctuation, the stutter stands out.
_CONTINUED_RE = re.compile(r"[ \t]+([a-z]+)\b")
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd: every token's hash counts in full

_PROSE = ("Stoltenberg said the war in Ukraine concerns the security of all, and that NATO is "
          "grateful for the support provided by Japan.\n\n"
          "A day earlier he was in Seoul to urge South Korea to do more.\n")


class DuplicateLine(Rule):
    id = "REP001"
    name = "duplicate-line"
    category = Category.REPETITION
    severity = Severity.WARNING
    summary = "A line (or paragraph) that repeats an earlier one word for word."
    docs = """
    Flags every later copy of a line that already appeared in the document (compared with
    case and spaces ignored; in hard-wrapped or Markdown text, a paragraph), pointing at the
    first copy: a photo caption pasted
    twice, "Join our channel" bars at the top and bottom of the page, a paragraph duplicated by
    a scraper. Trivial lines (numbers, dates, single words) are ignored. A repeated passage
    (twelve words or more, ending like a sentence or a caption) is a warning; a repeated short
    line (a heading, label, table row, code line, menu or promo bar) or list item is info,
    because structured articles repeat their labels ("Key features", "Price: $20"), a table of
    contents repeats the headings, and boilerplate bars have rules of their own. A table of
    contents (three or more entries on consecutive lines that come back in the same order as
    headings, with their sections between them; one-word entries count, though they get no
    finding of their own) is flagged at its entries, not at the headings. A single sentence of
    up to 20 words that comes back after other text is a writer's refrain ("And still nobody
    has explained where the money went.", QA pass 24): an info. The document-level share of
    repeated lines is RDB019.
    """
    examples = [
        flag("Kishida talks with Stoltenberg on Tuesday. (Photo of joint media interview)\n"
             "Kishida talks with Stoltenberg on Tuesday. (Photo of joint media interview)\n"
             + _PROSE),
        flag("WhatsApp Channel Join Now\n" + _PROSE + "\n  WhatsApp channel join now \n"),
        flag("Discover more from Meritnews24\n\n" + _PROSE + "\nDiscover more from Meritnews24"),
        ok("February 3, 2023\n" + _PROSE + "\nFebruary 3, 2023\n0\n0\nShare\nShare\n"),
        ok(_PROSE + "\nThe talks went on.\nThe talks went on for hours.\n"),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        repeats = list(self._repeats(doc))
        if not repeats:  # most texts: no table of contents to look for either
            return
        entries = _contents_entries(doc, repeats)
        for repeat in repeats:
            finding = repeat.finding
            if finding is not None:
                yield self._contents_entry(doc, finding) if id(finding) in entries else finding

    def _repeats(self, doc: Document) -> Iterator[Repeat]:
        """The pieces that repeat earlier ones (a Markdown paragraph's lines too, when the
        paragraph gets no finding)."""
        first_copy: dict[str, int] = {}
        for piece in _pieces(doc):
            repeat = self._repeat(doc, first_copy, piece)
            if repeat is not None:
                yield repeat
                if repeat.finding is not None:
                    continue
            for line in piece.lines:  # a Markdown paragraph's lines (one sentence a line)
                repeat = self._repeat(doc, first_copy, line)
                if repeat is not None:
                    yield repeat

    def _contents_entry(self, doc: Document, heading: Finding) -> Finding:
        """The finding of a table of contents' entry, whose heading ``heading`` repeats it."""
        entry = doc.lines[heading.data["first_line"] - 1].strip()
        line = _line_number(doc, heading)
        finding = self.finding(doc, entry.start, entry.end,
                               f"Table of contents entry: line {line} repeats it as a heading.",
                               suggestion="Delete the table of contents; the headings stay.",
                               data={"heading_line": line, "heading_start": heading.start})
        finding.severity = Severity.INFO
        return finding

    def _repeat(self, doc: Document, first_copy: dict[str, int], piece: Piece) -> Repeat | None:
        """``piece`` as a repeat of an earlier one (recorded in ``first_copy``: text -> its
        first line), with its finding unless it is trivial; None when it repeats none."""
        first = first_copy.setdefault(piece.key, piece.line)
        if first == piece.line:
            return None
        if len(_LETTER_WORD_RE.findall(piece.key, 0, 200)) < 2:
            return Repeat(first, piece.line, None)
        what = "Paragraph repeats the one at" if piece.paragraph else "Line repeats"
        finding = self.finding(doc, piece.span.start, piece.span.end,
                               f"{what} line {first + 1}.", suggestion="Delete the repeated copy.",
                               data={"first_line": first + 1, "first_start": doc.lines[first].start})
        if not _is_passage(piece.text) or _is_refrain(doc, piece, first):
            finding.severity = Severity.INFO
        return Repeat(first, piece.line, finding)


def _contents_entries(doc: Document, repeats: list[Repeat]) -> set[int]:
    """The (ids of) info findings whose first copies are a table of contents: at least
    :data:`_MIN_CONTENTS_ENTRIES` entries on consecutive non-blank lines, repeated later in the
    same order with other lines between them (the headings over their sections; not a block of
    lines pasted twice); the trivial ``repeats``, one-word headings ("Battery", "Verdict")
    that get no finding, count as entries (QA pass 41: a review's "Jump to:" list had one
    heading of two words). Pointing at the headings would drop the article's own section
    titles and keep the contents list (QA pass 20)."""
    position = {index: k for k, (index, _) in enumerate(doc.nonblank_lines)}
    labels = sorted((position[first], position[line], 0 if finding is None else id(finding))
                    for first, line, finding in repeats
                    if finding is None or (finding.severity is Severity.INFO
                                           and doc.line_index(finding.start) == doc.line_index(finding.end - 1)))
    entries: set[int] = set()
    run: list[tuple[int, int, int]] = []
    for label in [*labels, (-1, -1, 0)]:  # the sentinel closes the last run
        if run and label[0] == run[-1][0] + 1 and label[1] > run[-1][1] + 1:
            run.append(label)
            continue
        if len(run) >= _MIN_CONTENTS_ENTRIES:
            entries.update(finding_id for *_, finding_id in run)
        run = [label]
    entries.discard(0)  # the trivial entries' (no finding's)
    return entries


def _line_number(doc: Document, finding: Finding) -> int:
    return doc.line_index(finding.start) + 1


class Repeat(NamedTuple):
    """A line or paragraph that repeats an earlier one: the first lines of the earlier copy and
    of it, and its finding (None when it is trivial: a single word, a number)."""

    first: int
    line: int
    finding: Finding | None


class Piece(NamedTuple):
    """A line or paragraph REP001 compares."""

    line: int  # the number of its first line
    span: Span
    text: str
    key: str  # what it is compared by: its words, lowercased (:func:`_key`)
    paragraph: bool = False  # several lines of hard-wrapped or Markdown text
    lines: tuple[Piece, ...] = ()  # a Markdown paragraph's own lines


def _pieces(doc: Document) -> Iterator[Piece]:
    """What REP001 compares: the paragraphs of a hard-wrapped or Markdown text (a pasted
    paragraph is one finding, judged as a passage, not a finding per physical line; in
    Markdown, where a line may hold a sentence, a paragraph's lines are compared too), else
    the lines; nothing when nothing repeats."""
    units = paragraph_units(doc)
    markdown = doc.metadata.get("format") == "markdown"
    repeated_line = (units is None or markdown) and _has_repeated_line(doc)
    if units is None:
        if repeated_line:
            yield from map(_line_piece, doc.nonblank_lines)
        return
    ranges, texts = units
    keys = list(map(_key, texts))
    if not repeated_line and len(set(keys)) == len(keys):
        return
    lines = doc.nonblank_lines
    for unit, span, text, key in zip(ranges, unit_spans(doc, ranges), texts, keys):
        own = tuple(map(_line_piece, lines[unit.start:unit.stop])) if markdown and len(unit) > 1 else ()
        yield Piece(lines[unit.start][0], span, text, key, len(unit) > 1, own)


def _line_piece(line: tuple[int, Span]) -> Piece:
    index, span = line
    span = span.strip()
    return Piece(index, span, span.text, _key(span.text))


def _key(text: str) -> str:
    """What REP001 compares a line or paragraph by: its words, lowercased (case and spaces
    ignored)."""
    return " ".join(text.split()).lower()


def _is_passage(line: str) -> bool:
    """A line that reads as a paragraph or caption: twelve words or more, ending in sentence
    punctuation, a closing quote or a closing bracket or holding a sentence end ("... Po
    Delta. Photo is from ..."), and not a list item or numbered heading (which a table of
    contents repeats)."""
    return (len(line.split()) >= 12 and LIST_ITEM_RE.match(line) is None
            and (line.endswith(_PASSAGE_ENDINGS) or INNER_SENTENCE_END_RE.search(line) is not None))


def _is_refrain(doc: Document, piece: Piece, first: int) -> bool:
    """Whether a repeated line is a writer's refrain: one sentence of at most
    :data:`_MAX_REFRAIN_WORDS` words, coming back after other lines, between lines that are
    no copies of its first copy's neighbours (an op-ed's "And still nobody has explained
    where the money went.", QA pass 24), not a pasted paragraph, a caption right under its
    first copy or a line of a block pasted twice."""
    if (piece.paragraph or len(piece.text.split()) > _MAX_REFRAIN_WORDS
            or piece.line - first <= _REFRAIN_GAP or INNER_SENTENCE_END_RE.search(piece.text)):
        return False
    lines = [index for index, _ in doc.nonblank_lines]
    at, was = lines.index(piece.line), lines.index(first)
    return all(_key(doc.lines[lines[a]].text) != _key(doc.lines[lines[b]].text)
               for a, b in ((at - 1, was - 1), (at + 1, was + 1))
               if 0 <= a < len(lines) and 0 <= b < len(lines))


def _has_repeated_line(doc: Document) -> bool:
    """C-level pre-check: does any non-blank line occur twice (case and edge spaces aside)?
    Lowercasing keeps a line's length but for "İ"'s (two characters lowercased; white space
    stays white space), so in most texts (88 % of the bench's) their stripped lines' lengths
    differ and settle it; in the others, the lowercased lines are compared."""
    lines = doc.stripped_lines
    if len(set(map(len, lines))) == len(lines) and DOTTED_CAPITAL_I not in doc.text:
        return False
    stripped = list(map(str.strip, doc.lower_text.split("\n")))
    distinct = set(stripped)
    distinct.discard("")
    return len(distinct) < len(stripped) - stripped.count("")


class _RepeatedWordRule(Rule):
    """Matches of ``pattern`` with a lowercase second copy that ``allowed`` does not excuse."""

    category = Category.REPETITION
    pattern: ClassVar[re.Pattern[str]]
    label: ClassVar[str]

    def findings(self, doc: Document, start: int = 0, end: int | None = None,
                 pattern: re.Pattern[str] | None = None) -> Iterator[Finding]:
        """Findings of ``pattern`` (by default the rule's; its group ``word`` the repeated word)
        between ``start`` and ``end``."""
        text = doc.text
        pattern = self.pattern if pattern is None else pattern
        for match in pattern.finditer(text, start, len(text) if end is None else end):
            word = match.group("word").lower()
            if (match.group().split()[-1][0].isupper() or self.allowed(word, doc, match.start())
                    or in_code(doc, match.start())):  # "Order order" in a listing
                continue
            yield self.finding(doc, match.start(), match.end(),
                               f"{self.label}: '{match.group()}'.",
                               suggestion=self.suggestion(match), data={"word": word})

    def allowed(self, word: str, doc: Document, start: int) -> bool:  # pragma: no cover - abstract
        """Whether the repetition of ``word`` at ``start`` of ``doc`` is ordinary."""
        raise NotImplementedError

    def suggestion(self, match: re.Match[str]) -> str | None:
        return None


class DoubledWord(_RepeatedWordRule):
    id = "REP002"
    name = "doubled-word"
    severity = Severity.INFO
    summary = "A word written twice in a row ('the the', 'in in')."
    docs = """
    Flags a word written twice in a row: "in in Tokyo", "along with with Britain". An editing
    slip that careful copy also has now and then (hence info), and debris of spinners and
    machine rewriting. An article, "of" or "and" written twice ("the the", "a a", "of of") is
    a warning: English never writes them so, while other doubles may be two words' ("log in
    in seconds", "looking at at the moment"). Doubles that English allows ("had had", "that that", "bye bye", "mahi
    mahi", "ylang ylang"), those German, Dutch and French grammar makes in a text in that
    language ("die die", "nous nous") and capitalised names (Duran Duran, Baden Baden) are not
    flagged.
    """
    examples = [
        flag("Stoltenberg arrived in in Tokyo on Monday."),
        flag("The the alliance will respond, he said."),
        flag("The alliance will respond to the the attack, he said."),
        flag("Japan broadened its ties along with with Britain and Europe."),
        ok("He had had enough. She said that that was wrong. Bye bye, he said."),
        ok("Duran Duran played in Baden Baden and Walla Walla."),
        ok("Grilled mahi mahi with a ylang ylang glaze."),
        ok("The score was 6 6 in the first set."),
        ok("Die Stadträtin, die die Erhöhung vorgeschlagen hatte, sagte, dass das Geld reicht."),
        flag("Die Stadt hat hat den Haushalt beschlossen, sagte die Stadträtin am Dienstag."),
    ]
    pattern = _DOUBLED_RE
    label = "Doubled word"

    def check(self, doc: Document) -> Iterator[Finding]:
        hashes = doc.lower_token_hashes
        # pre-check: two equal tokens in a row, by their hashes (misses "in in," only); counted,
        # as any() on a boolean array is a reduction that costs 0.7 us more
        if np.count_nonzero(hashes[1:] == hashes[:-1]):
            for finding in self.findings(doc):
                if finding.data["word"] in _NEVER_DOUBLED:
                    finding.severity = Severity.WARNING
                yield finding

    def allowed(self, word, doc, start):
        return word in _ALLOWED_DOUBLES or word in _ALLOWED_DOUBLES_IN.get(doc.language, ())

    def suggestion(self, match):
        return match.group(1)


class SelfCoordination(_RepeatedWordRule):
    id = "REP003"
    name = "self-coordination"
    severity = Severity.WARNING
    summary = "A word coordinated with itself ('freedom and freedom')."
    docs = """
    Flags a word joined to itself by "and" or "or": "unity and togetherness, freedom and
    freedom and independence". A spinner that replaced two different words (freedom and
    liberty) with the same synonym leaves exactly this. Emphatic pairs ("again and again",
    "more and more", "bigger and bigger", "years and years", "building and building", "waited
    and waited", "fought and fought"), "may or may not" and short words are not flagged. A
    plural is flagged where it opens a noun phrase, at a sentence's start or after a
    determiner, a preposition or a conjunction ("on pedestrians and pedestrians, who"), unless
    it counts or measures ("hundreds and hundreds", "pages and pages"); after a modifier it is
    a contrast ("head teachers and teachers in"), after a subject a verb ("it grows and grows"). When the second copy is the first word
    of a compound ("suicide and suicide attempts", "application and application fee") the
    pair is often a writer's, so the finding is only info (a spinner's "security and security
    cooperation" reads the same); before a function word or punctuation ("freedom and freedom
    and independence", "peace or peace, the poll found") it is a warning. A noun phrase
    coordinated with itself ("backed the scheme and the scheme, saying", "his party or his
    party.") is a warning when it has a definite article or a possessive (with "a" or "this",
    "a woman and a woman" may be two) and ends the phrase: before a verb the second copy opens
    a clause ("approved the scheme and the scheme will start in May").
    """
    examples = [
        flag("It must be in unity and togetherness, freedom and freedom and independence."),
        flag("The talks covered security and security cooperation in the region."),
        flag("Voters want peace or peace, the poll found."),
        flag("The transport department backed the scheme and the scheme, saying it was part of a plan."),
        flag("Shops depend on pedestrians and pedestrians, who rarely drive into town."),
        ok("Prices rose again and again, more and more, bigger and bigger, for years and years."),
        ok("Residents waited and waited; they fought and fought, and things got worse and worse."),
        ok("The deal may or may not survive; it is building and building, step by step."),
        ok("You and you alone, there and there, two and two make four."),
        ok("The council approved the scheme and the scheme will start in May."),
        ok("Marriage between a woman and a woman is legal; the more the merrier, for hours and hours."),
        ok("Head teachers and teachers in the region met; it grows and grows, pages and pages of it."),
    ]
    pattern = _COORDINATED_RE
    label = "Word coordinated with itself"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for conjunction in (" and ", " or "):
            at = text.find(conjunction)
            while at >= 0:
                after = at + len(conjunction)
                before = text[max(0, at - 30):at].rsplit(None, 1)
                word = before[-1].lstrip("\"“‘'(").lower() if before else ""
                first = text[after:after + 1]
                # (the next character's lower case, a cheap exact look before the next words':
                # str.lower maps each character alone but a capital sigma, lowered by what
                # precedes it, here nothing)
                if word and first.lower()[:1] == word[0] and text[after:after + 30].lower().startswith(word):
                    yield from self._graded(doc, self.findings(doc, at - len(word), after + 30))
                elif first in _DETERMINER_INITIALS and _back_after_determiner(text, after, word):
                    # "the scheme and the scheme": was it a determiner and a noun before too?
                    head = _PHRASE_HEAD_RE.search(text, max(0, at - 45), at)
                    phrase = head and _COORDINATED_PHRASE_RE.match(text, head.start())
                    if phrase:
                        yield from self._graded(doc, self.findings(
                            doc, phrase.start(), phrase.end(), _COORDINATED_PHRASE_RE))
                at = text.find(conjunction, after)

    @staticmethod
    def _graded(doc: Document, findings: Iterator[Finding]) -> Iterator[Finding]:
        """The findings, info when the second copy is the first word of a compound."""
        for finding in findings:
            next_word = _CONTINUED_RE.match(doc.text, finding.end)
            if next_word and next_word.group(1) not in ENGLISH_STOP_WORDS:
                finding.severity = Severity.INFO
            yield finding

    def allowed(self, word, doc, start):
        if word in _EMPHATIC or word.endswith(_EMPHATIC_ENDINGS):
            return True
        # a plural: emphatic when it counts ("years and years", "pages and pages"), a contrast
        # after a modifier ("head teachers and teachers in"), a verb after its subject ("it grows
        # and grows"); a stutter where it opens a noun phrase ("on pedestrians and pedestrians")
        return word.endswith("s") and (word in _EMPHATIC_PLURALS or word.endswith("ss")
                                       or not _opens_noun_phrase(doc.text, start))


def _opens_noun_phrase(text: str, start: int) -> bool:
    """Whether the match at ``start`` of ``text`` opens a noun phrase: it starts with a
    determiner, or its first word opens a sentence or follows a determiner, a preposition or
    a conjunction."""
    first = text[start:start + 6].split(None, 1)[0].lower()
    before = text[max(0, start - 24):start]
    previous = _LAST_WORD_RE.search(before)
    return (first in _NOUN_PHRASE_OPENERS or previous is None
            or previous.group(1).lower() in _NOUN_PHRASE_OPENERS)


def _back_after_determiner(text: str, at: int, word: str) -> bool:
    """Whether ``text`` at ``at`` is a determiner and ``word`` (a cheap test before the phrase
    regexes: most "and the ..." go on with another word)."""
    # exact gate, one C-level look before the determiner's regex: the word as written lies within
    # the len(word) + 8 characters looked at after the determiner and its blank (six at most)
    if len(word) < 4 or text.find(word, at, at + 6 + len(word) + 8) < 0:
        return False
    determiner = _DETERMINER_WORD_RE.match(text, at)
    return bool(determiner) and text[determiner.end():determiner.end() + len(word) + 8].lstrip(
        " \t").startswith(word)


class NgramRepetition(Rule):
    id = "REP010"
    name = "ngram-repetition"
    category = Category.REPETITION  # REP0xx: `--select repetition` and the REP column hold it
    severity = Severity.INFO
    summary = "Too much text in duplicated word 5- to 10-grams (Gopher repetition filter)."
    docs = """
    Gopher's duplicate n-gram measures over whitespace tokens: duplicated 5-, 6-, 7-, 8-, 9-
    or 10-grams cover more than 15%, 14%, 13%, 12%, 11% or 10% of the characters. Text pasted
    several times and keyword stuffing fail them; the finding quotes the most repeated
    n-gram. Exact, after sound cheap bounds: without a repeated 5-gram no n-gram repeats, and
    coverage only shrinks as n grows. (Gopher's top 2- to 4-gram measures are not computed:
    they need a count of every n-gram of every article.) Credit: Rae et al. 2021 (Gopher,
    appendix A); datatrove GopherRepetitionFilter.
    """
    examples = [
        flag(_PROSE + "Cheap flights to Tokyo, cheap flights to Tokyo, cheap flights to Tokyo, "
             "cheap flights to Tokyo, cheap flights to Tokyo, book cheap flights to Tokyo now."),
        flag(_PROSE * 3),
        ok(_PROSE + "Kishida will visit Kyiv in February, Japanese media reported on Tuesday."),
    ]
    LIMITS = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}

    def check(self, doc: Document) -> Iterator[Finding]:
        hashes = doc.lower_token_hashes
        if len(hashes) < 10:
            return
        starts = _maybe_repeated_starts(hashes, 5)
        if not len(starts):  # no 5-gram occurs twice (most texts: their tokens are not built)
            return
        sizes, chars = doc.lower_token_bytes.sizes, doc.lower_token_bytes.chars
        least = min(self.LIMITS.values())  # a share at most this: no n-gram's is over its limit
        # a bound, still without the tokens: every 5-gram that may occur twice, in UTF-8 bytes
        # (at least its characters); nine texts in ten with a repeated phrase end here
        if int(sizes.sum(where=_in_grams(len(sizes), starts, 5))) / chars <= least:
            return
        tokens = doc.lower_tokens
        lengths = np.fromiter(map(len, tokens), dtype=np.int32, count=len(tokens))
        for n, limit in self.LIMITS.items():
            # (a copy of a repeated n + 1-gram starts with a copy of a repeated n-gram)
            covered, repeated, starts = _duplicated(tokens, n, starts)
            share = int(lengths.sum(where=covered)) / chars
            if share <= least:
                return  # longer n-grams cover no more
            if share > limit:
                yield self.finding(
                    doc, None, None,
                    f"{share:.0%} of characters in duplicated {n}-grams (Gopher maximum "
                    f"{limit:.0%}), e.g. '{repeated}'.",
                    data={"n": n, "share": round(share, 3), "limit": limit,
                          "repeated": repeated})
                return


def _maybe_repeated_starts(token_hashes: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n``-grams of the tokens (given by their hashes) whose hash occurs
    more than once, ascending: every occurrence of a repeated ``n``-gram, or of a longer one
    (it starts with one), and rarely another whose hash collides. The hashes take 8 bytes an
    n-gram, where counting the n-grams themselves would hold every one of them."""
    hashes = _gram_hashes(token_hashes, n)
    ordered = np.sort(hashes)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]  # sorted
    if not len(twice):
        return np.empty(0, dtype=np.intp)
    nearest = twice[np.minimum(twice.searchsorted(hashes), len(twice) - 1)]
    return np.flatnonzero(nearest == hashes)


def _gram_hashes(words: np.ndarray, n: int) -> np.ndarray:
    """A hash of each ``n``-gram of the tokens whose hashes are ``words``, combined in numpy
    (a polynomial with wrap-around, ``((w0 * M + w1) * M + ...) * M + w[n-1]``: equal n-grams
    get equal hashes; no tuple is built), as one correlation with the powers of ``M``
    (unsigned products and sums wrap around as the polynomial does; a third of the time of
    n - 1 multiplications and additions of whole arrays)."""
    if len(words) < n:  # (np.correlate would swap its arguments)
        return np.empty(0, dtype=np.uint64)
    return np.correlate(words, _powers(n), "valid")


@cache
def _powers(n: int) -> np.ndarray:
    """``M ** (n - 1), ..., M ** 2, M, 1`` modulo 2 ** 64 (``M``: :data:`_HASH_MULTIPLIER`)."""
    multiplier = int(_HASH_MULTIPLIER)
    return np.array([pow(multiplier, k, 1 << 64) for k in reversed(range(n))], dtype=np.uint64)


def _duplicated(tokens: list[str], n: int, starts: np.ndarray) -> tuple[np.ndarray, str, np.ndarray]:
    """Which tokens lie in an ``n``-gram that occurs more than once (every occurrence of one
    starts at ``starts``, ascending), the most repeated such n-gram (the first seen among
    equals) and where the occurrences of the repeated ones start, ascending. Each n-gram at ``starts`` is numbered
    by its first occurrence and counted, and the tokens of its copies are marked, in numpy."""
    starts = starts[:starts.searchsorted(len(tokens) - n, side="right")]
    numbers: dict[tuple[str, ...], int] = {}
    ids = np.fromiter((numbers.setdefault(tuple(tokens[k:k + n]), len(numbers))
                       for k in starts.tolist()), dtype=np.intp, count=len(starts))
    counts = np.bincount(ids, minlength=1)
    copies = starts[counts[ids] > 1]
    most_repeated = list(numbers)[counts.argmax()] if len(copies) else ()
    return _in_grams(len(tokens), copies, n), " ".join(most_repeated), copies


def _in_grams(count: int, starts: np.ndarray, n: int) -> np.ndarray:
    """Which of ``count`` tokens lie in an ``n``-gram starting at one of ``starts`` (marked in
    one assignment of all their positions: n assignments cost 0.5 us more)."""
    covered = np.zeros(count, dtype=bool)
    covered[(starts[:, None] + np.arange(n)).ravel()] = True
    return covered


RULES = [DuplicateLine, DoubledWord, SelfCoordination, NgramRepetition]
