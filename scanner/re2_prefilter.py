"""Widen regexes for RE2, where a wider pattern only has to find every text the exact one
matches: open counted repeats (:func:`open_repeats`, for any RE2 pattern: the spam pack's gate
too), and find the lines a large Python regex may match with RE2 searches over them all, before
matching them.

Python's ``re`` tries the alternatives of a large pattern one after another on every line; RE2
runs them all at once, in time linear in the text, but has no lookarounds, atomic groups or
possessive repeats, and its ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII. :func:`superset`
rewrites a Python pattern for RE2 so that it matches wherever the original does, and perhaps
more: lookarounds and word boundaries go (a dropped condition only widens), atomic groups and
possessive repeats become plain ones, counted repeats open ones ("{0,120}" is "*"), capturing
groups non-capturing ones (where a superset matches is asked of it, not what its groups hold,
and RE2 returns no spans for them), and the shorthand classes become sets at least as wide (a
word character is an ASCII one or any beyond ASCII). No class of it crosses a line break, so
a search over a page's lines joined by line breaks finds the next line that may match
(:class:`LinePrefilter`); the Python regex then decides on those alone. For a whole text, the
rewrite keeps the line breaks Python's classes take (:func:`text_gate`): a text the gate finds
nothing in needs no Python scan (the typography rules' triggers, :class:`GatedSearch` for the
boilerplate phrase cues).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, cached_property

import re2

# Python's whitespace (str.isspace) but the line break. Python's \w and \d are Unicode's letters
# and digits; a superset takes every character beyond ASCII for one (and excludes only ASCII
# ones in a negated class, where narrower widens the match): RE2 compiles a Unicode category
# such as \p{L} into hundreds of UTF-8 byte ranges, which every state of its automaton then
# carries, while "any character from U+0080 on" is a few (the line cues' automaton builds its
# states in a third of the time)
_SPACE = r"\t\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_ASCII_SPACE = r"\t\x0b\x0c\r\x1c-\x1f "
_BEYOND_ASCII = r"\x{80}-\x{10FFFF}"
_WIDE = {"w": rf"0-9A-Za-z_{_BEYOND_ASCII}", "d": rf"0-9{_BEYOND_ASCII}", "s": _SPACE}
_NARROW = {"w": "0-9A-Za-z_", "d": "0-9", "s": _ASCII_SPACE}
_OUTSIDE = {"w": rf"[{_WIDE['w']}]", "W": r"[^0-9A-Za-z_\n]", "d": rf"[{_WIDE['d']}]", "D": r"[^0-9\n]",
            "s": f"[{_SPACE}]", "S": rf"[^{_ASCII_SPACE}\n]", "b": "", "B": "", "A": "^", "Z": "$"}
# the same for a whole text, where a match may cross a line break as Python's does
_WIDE_TEXT = {**_WIDE, "s": _SPACE + r"\n"}
_OUTSIDE_TEXT = {**_OUTSIDE, "W": r"[^0-9A-Za-z_]", "D": r"[^0-9]", "s": f"[{_SPACE}\\n]"}
_CLASS = r"\[\^?\]?(?:\[:\w+:\]|\\.|[^\]])*\]"  # a character class of an RE2 pattern
_CATEGORY = r"\\[pP](?:\{\^?\w+\}|\w)"  # a Unicode category: "\p{L}", "\PN", "\p{^Greek}"
_REPEAT_TOKEN_RE = re.compile(rf"""
    \\[pPx]\{{[^}}]*\}}                      # a braced escape: \p{{L}}, \x{{10FFFF}}
  | \\.                                   # another escape
  | {_CLASS}                              # a character class
  | \{{(\d+)(?:,\d*)?\}}                    # a counted repetition (group 1 its least count)
  | .""", re.VERBOSE | re.DOTALL)
_LOOKAROUND_RE = re.compile(r"\(\?(?:=|!|<=|<!)")
_UNSUPPORTED_GROUP_RE = re.compile(r"\(\?(?:P=|\(|[a-zA-Z]*x)")  # backreference, conditional, verbose
# the opening of an atomic group, "(?>", or of a capturing one, "(" or "(?P<name>": a plain group's in RE2
_PLAIN_GROUP_RE = re.compile(r"\((?:\?>|\?P<\w+>|(?!\?))")
# the usual idioms for letters and for letters or digits, complements of \W (a word character)
_WORD_IDIOMS = {r"[^\W\d_]": rf"[A-Za-z{_BEYOND_ASCII}]", r"[^\W_]": rf"[0-9A-Za-z{_BEYOND_ASCII}]"}
_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.max_mem = 64 << 20


def open_repeats(pattern: str) -> str:
    """An RE2 ``pattern`` with each counted repetition made open: ``x{0,200}`` becomes ``x*``
    and ``x{2,60}`` ``x+``, so it matches everything the original matches, and more. A counted
    repetition multiplies the states of RE2's DFA (``[^\\n]{0,200}`` is 200 of them): the spam
    pack's gate with them built its DFA over thousands of articles, searching each in 0.1-0.2
    ms until then; open, it is as fast after a few hundred. Braces in an escape (``\\p{L}``)
    or a character class are left alone."""
    return _REPEAT_TOKEN_RE.sub(
        lambda m: m.group() if m.group(1) is None else "*" if m.group(1) == "0" else "+", pattern)


# a class, a Unicode category or another escape, in an RE2 pattern
_CATEGORY_TOKEN_RE = re.compile(rf"(?P<class>{_CLASS})|(?P<category>{_CATEGORY})|\\.", re.DOTALL)
_CATEGORY_RE = re.compile(_CATEGORY)


def widen_categories(pattern: str) -> str:
    """An RE2 ``pattern`` that matches wherever it does, and perhaps more, with its Unicode
    categories (``\\p{L}``, ``\\P{N}``, ``\\pL``...) reduced to their ASCII members and every
    character beyond ASCII (in a negated class, where a narrower set widens the match, to their
    ASCII members alone). RE2 compiles a category such as ``\\p{L}`` into hundreds of UTF-8 byte
    ranges, which every state of its automaton carries: a gate (a pattern that only has to
    find every text the exact ones may match in) builds its states faster without them."""
    return _CATEGORY_TOKEN_RE.sub(_widened_token, pattern)


def _widened_token(token: re.Match) -> str:
    text = token.group()
    if token.lastgroup == "class":
        beyond = "" if text.startswith("[^") else _BEYOND_ASCII
        body = _CATEGORY_RE.sub(lambda category: _ascii_members(category.group()) + beyond, text)
        return r"[\x00-\x{10FFFF}]" if body == "[^]" else body  # nothing excluded: any character
    if token.lastgroup == "category":
        return f"[{_ascii_members(text)}{_BEYOND_ASCII}]"
    return text


@cache
def _ascii_members(category: str) -> str:
    """The ASCII characters a category escape matches (``\\p{Lu}``: "A" to "Z"), as the ranges
    of a class's body."""
    regex = re2.compile(category)
    ranges: list[list[int]] = []
    for code in range(128):
        if regex.fullmatch(chr(code)) is None:
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(rf"\x{{{first:x}}}-\x{{{last:x}}}" for first, last in ranges)


def superset(pattern: str, across_lines: bool = False) -> str:
    """An RE2 pattern matching at least wherever the Python ``pattern`` does, on text without
    line breaks, and never across a line break (ValueError for backreferences, conditionals
    and verbose patterns, which have no such rewrite here). With ``across_lines``, on any text,
    crossing line breaks where the Python pattern may (searched in RE2's multi-line mode,
    whose ``^`` and ``$`` match wherever Python's may)."""
    outside = _OUTSIDE_TEXT if across_lines else _OUTSIDE
    out: list[str] = []
    groups: list[tuple[bool, int]] = []  # per open group: whether a lookaround, where it began in out
    k, n = 0, len(pattern)
    while k < n:
        char = pattern[k]
        if char == "\\":
            escape = pattern[k + 1]
            if escape in "123456789":
                raise _unsupported(pattern)
            out.append(outside.get(escape, pattern[k:k + 2]))
            k += 2
        elif char == "[":
            k = _class(pattern, k, out, across_lines)
        elif char == "(":
            if _UNSUPPORTED_GROUP_RE.match(pattern, k):
                raise _unsupported(pattern)
            lookaround = _LOOKAROUND_RE.match(pattern, k)
            groups.append((lookaround is not None, len(out)))
            if lookaround:
                k = lookaround.end()
            elif (opening := _PLAIN_GROUP_RE.match(pattern, k)) is not None:
                out.append("(?:")
                k = opening.end()
            else:
                out.append(char)
                k += 1
        elif char == ")":
            lookaround, start = groups.pop()
            if lookaround:
                del out[start:]
            else:
                out.append(char)
            k += 1
        elif char == "{" and pattern.startswith("{,", k):  # Python's "{,n}" is RE2's "{0,n}"
            out.append("{0,")
            k += 2
        else:
            out.append(char)
            k += 1
            if char in "*+?}" and k < n and pattern[k] == "+":  # possessive: a plain repeat
                k += 1
    return open_repeats("".join(out))


def _unsupported(pattern: str) -> ValueError:
    return ValueError(f"no RE2 superset for a backreference, conditional or verbose pattern: {pattern[:60]}")


def _class(pattern: str, k: int, out: list[str], across_lines: bool) -> int:
    """Append the rewrite of the character class opening at ``k``; return the index after it."""
    for idiom, rewrite in _WORD_IDIOMS.items():
        if pattern.startswith(idiom, k):
            out.append(rewrite)
            return k + len(idiom)
    negated = pattern.startswith("[^", k)
    k += 2 if negated else 1
    sets = _NARROW if negated else _WIDE_TEXT if across_lines else _WIDE
    body = ["[^" if across_lines and negated else "[^\\n" if negated else "["]
    first = True
    while first or pattern[k] != "]":
        first = False
        if pattern[k] == "\\":
            escape = pattern[k + 1]
            if escape in sets:
                body.append(sets[escape])
            elif escape in "WDS" and negated:
                raise ValueError(f"no RE2 superset for \\{escape} in a negated class: {pattern[:60]}")
            else:  # RE2's ASCII \W, \D, \S are wider than Python's
                body.append(pattern[k:k + 2])
            k += 2
        else:
            body.append(pattern[k])
            k += 1
    out.append("".join(body) + "]")
    return k + 1


def _binding_exposes_raw_calls() -> bool:
    """Whether the google-re2 binding has the objects under its Python layer that
    :func:`first_span` and :func:`_matcher` call directly (its compiled regex's ``_regexp``, a
    set's ``_set``, the ``_Anchor`` values: private, so a release may drop them; without them,
    both ask the binding's public calls for the same answers)."""
    probe = re2.Set.SearchSet(re2.Options())
    return hasattr(re2, "_Anchor") and hasattr(re2.compile("a"), "_regexp") and hasattr(probe, "_set")


_RAW_CALLS = _binding_exposes_raw_calls()
# the anchors of first_span: the binding's own where its compiled regex's Match takes them
_UNANCHORED, _ANCHOR_START = (re2._Anchor.UNANCHORED, re2._Anchor.ANCHOR_START) if _RAW_CALLS else ("search", "match")


def _raw_first_span(regex: re2._Regexp, anchor, utf8: bytes, pos: int, size: int) -> tuple[int, int]:
    """The byte span of the first match of ``regex`` in ``utf8[pos:size]`` (``(-1, -1)``: none),
    unanchored (``_UNANCHORED``) or anchored at ``pos`` (``_ANCHOR_START``): what ``regex.search``
    or ``regex.match`` finds, asked of the compiled regex the binding wraps (its ``_regexp``),
    which returns the spans alone. The binding's own search checks the positions and builds a
    generator and a match object in Python around that call (1.5 us of a 5 us trigger search of
    a page's phrase lines, ad hoc)."""
    return regex._regexp.Match(anchor, utf8, pos, size)[0]


def _public_first_span(regex: re2._Regexp, anchor, utf8: bytes, pos: int, size: int) -> tuple[int, int]:
    """:func:`_raw_first_span`'s answer by the binding's public ``search`` and ``match``."""
    found = (regex.match if anchor == _ANCHOR_START else regex.search)(utf8, pos, size)
    return found.span() if found is not None else (-1, -1)


first_span = _raw_first_span if _RAW_CALLS else _public_first_span


class LinePrefilter:
    """The lines a Python regex may match at their start (as ``regex.match(line)``), or another
    one anywhere in them (``anywhere``, as ``anywhere.search(line)``; with the first one's
    flags), or one of the ``others`` at their start (each with its own flags), found by RE2
    searches that each run from a line's start to the end of the first line after it that may
    match.

    Each search is anchored where it starts and skips whole lines before its match, so RE2
    knows where a match starts and needs no second, backward automaton to find it (as a search
    for the matches themselves does): for the line cues' prefilter, that automaton's states cost
    more to build than the forward one's (the line cues' candidates over the bench's first
    20,000 documents, cold: 10.9 -> 5.2 us a document, the same lines)."""

    def __init__(self, regex: re.Pattern, anywhere: re.Pattern | None = None,
                 others: Iterable[re.Pattern] = ()) -> None:
        if anywhere is not None and anywhere.flags & re.VERBOSE:  # (line_start_pattern checks the others)
            raise _unsupported(anywhere.pattern)
        pattern = line_start_pattern(regex)
        if anywhere is not None:
            pattern += f"|[^\\n]*?(?:{superset(anywhere.pattern)})"
        pattern = _any_of([pattern, *map(line_start_pattern, others)])
        # the lines before the first that may match, then its match (the flags stay in the group)
        self._re2 = re2.compile(f"(?:[^\\n]*\\n)*?(?:{pattern})", _OPTIONS)

    def candidates(self, lines: list[str]) -> set[int]:
        """Positions of the ``lines`` (none of which holds a line break) the regex may match."""
        return self.joined_candidates("\n".join(lines).encode())  # RE2 reads bytes without converting offsets

    def joined_candidates(self, joined: bytes) -> set[int]:
        """Positions of the lines of ``joined`` (lines joined by line breaks, in UTF-8) the regex
        may match: what :meth:`candidates` returns, for lines joined once for several searches."""
        found: set[int] = set()
        start = line = 0  # (where the next search starts: the start of line number ``line``)
        size = len(joined)
        while (end := first_span(self._re2, _ANCHOR_START, joined, start, size)[1]) >= 0:
            line += joined.count(b"\n", start, end)  # (a match ends in its line)
            found.add(line)
            start = joined.find(b"\n", end) + 1
            if not start:
                break
            line += 1
        return found


def line_start_union(regexes: Iterable[re.Pattern]) -> re2._Regexp:
    """One RE2 search that finds a line wherever the :class:`LinePrefilter` of one of the Python
    ``regexes`` (matched at a line's start, each with its case setting) does: whether any of
    them may match one of the lines, for one search instead of one each."""
    return re2.compile(_any_of(map(line_start_pattern, regexes)), _OPTIONS)


def _any_of(patterns: Iterable[str]) -> str:
    """An RE2 pattern matching where one of ``patterns`` does (each in a group of its own, so
    that its flags and alternatives stay in it)."""
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def numbered_matches(regex: re2._Regexp, joined: bytes) -> Iterator[tuple[int, int, int]]:
    """``(line number, start, end)`` of each match of ``regex`` in ``joined`` (lines joined by
    line breaks), the matches ``regex.finditer`` finds, by :func:`first_span`; the breaks are
    counted from one match to the next, not from the start each time (a page of thousands of
    matching lines)."""
    line = last = pos = 0
    size = len(joined)
    while (span := first_span(regex, _UNANCHORED, joined, pos, size))[0] >= 0:
        start, end = span
        line += joined.count(b"\n", last, start)
        last = start
        yield line, start, end
        if pos == size:
            return
        pos = pos + 1 if pos == end else end  # (past an empty match, as finditer goes on)


def text_gate(regex: re.Pattern) -> re2._Regexp | None:
    """An RE2 pattern that finds something in every text ``regex`` finds something in (one
    linear-time pass over a text's UTF-8 bytes rules out the texts a Python scan need not
    visit), or None when the pattern has no RE2 rewrite."""
    pattern = _gate_pattern(regex)
    try:
        return None if pattern is None else re2.compile(pattern, _OPTIONS)
    except re2.error:
        return None


def _gate_pattern(regex: re.Pattern) -> str | None:
    """The RE2 pattern of :func:`text_gate` (None: no rewrite)."""
    if regex.flags & re.VERBOSE:
        return None
    try:
        return _flags(regex, across_lines=True) + superset(regex.pattern, across_lines=True)
    except ValueError:
        return None


class GateSet:
    """The text gates of several regexes (:func:`text_gate`; an RE2 regex is its own gate)
    searched in one pass over a text, as an RE2 set: which of them may find something in it.
    Five typography triggers cost one pass instead of five (0.005 against 0.025 ms an
    article). A regex without an RE2 rewrite may always match."""

    def __init__(self, regexes: list[re.Pattern | re2._Regexp]) -> None:
        self._set = re2.Set.SearchSet(_OPTIONS)
        self._regexes: list[re.Pattern | re2._Regexp] = []
        self._ungated: list[re.Pattern] = []
        for regex in regexes:
            pattern = regex.pattern if isinstance(regex, re2._Regexp) else _gate_pattern(regex)
            if pattern is not None and self._added(pattern):
                self._regexes.append(regex)
            else:
                self._ungated.append(regex)
        self._set.Add(r"\z")  # (last; as in :func:`_search_set`)
        self._set.Compile()
        self._match = _matcher(self._set)
        self.regexes = frozenset(regexes)
        self._only_ungated = frozenset(self._ungated)

    def _added(self, pattern: str) -> bool:
        """Whether RE2 took ``pattern`` into the set (as :func:`text_gate`, a pattern it
        refuses has no gate)."""
        try:
            self._set.Add(pattern)
        except re2.error:
            return False
        return True

    def possible(self, utf8: bytes) -> frozenset:
        """The regexes that may find something in the text of UTF-8 bytes ``utf8`` (all of them
        where RE2 gives up on the set: its answer is then no match at all, not even ``\\z``)."""
        found = self._match(utf8)
        if not found:
            return self.regexes
        if len(found) == 1:  # \z alone (most texts): no gate found anything
            return self._only_ungated
        gated = len(self._regexes)
        return frozenset([*(self._regexes[k] for k in found if k < gated), *self._ungated])


def _flags(regex: re.Pattern, across_lines: bool) -> str:
    """RE2's flags for a Python regex: multi-line mode (a wider ``^`` and ``$`` than Python's),
    its case setting and, on whole texts, its dot's line breaks (one line never has any)."""
    dotall = across_lines and regex.flags & re.DOTALL
    return "(?m" + "i" * bool(regex.flags & re.IGNORECASE) + "s" * bool(dotall) + ")"


def _search_set(patterns: Iterable[str], options: re2.Options) -> re2.Set:
    """An RE2 set search of ``patterns`` (numbered in order) and, last, ``\\z``, which every text
    matches: RE2 reports a set search whose automaton outgrew the memory budget as no match at
    all, which ``\\z`` tells apart from a text no pattern finds anything in."""
    search = re2.Set.SearchSet(options)
    for pattern in (*patterns, r"\z"):
        search.Add(pattern)
    search.Compile()
    return search


def _matcher(search: re2.Set) -> Callable[[bytes], list[int]]:
    """The match of a compiled set ``search`` on UTF-8 bytes: the numbers of the patterns found in
    them, in no order, ``[]`` where RE2 gave up (not even ``\\z`` found). The C++ set's own Match,
    which the binding's ``Set.Match`` wraps in a Python frame that tests the text's type and turns
    ``[]`` into None (0.15 of 0.8 us a call on a line, ad hoc; the comment rules ask one of each
    line of a thread); the public call where the binding hides it (:data:`_RAW_CALLS`)."""
    if _RAW_CALLS:
        return search._set.Match
    return lambda utf8: search.Match(utf8) or []


class Finder:
    """Whether an RE2 regex finds something in a text (as ``regex.search(text) is not None``), in
    one call into RE2: a set search of its pattern (:func:`_search_set`; the regex decides where
    RE2 gives up). A set returns no match object (the binding builds one in Python for
    ``search``, 0.5-0.7 us a call, more than RE2's search of a line takes), and its automaton
    keeps no order of preference among the positions alive, so a large regex's has fewer states
    to build (the spam pack's gate: 40.9 against 33.1 us an article over the bench's first 8,000)."""

    def __init__(self, regex: re2._Regexp) -> None:
        self.regex = regex
        self._match = _matcher(_search_set([regex.pattern], regex.options))

    def finds(self, text: str) -> bool:
        """Whether the regex finds something in ``text`` (:meth:`finds_in` its UTF-8, written
        out: a Finder of a comment's voice is asked of every line of a thread)."""
        found = self._match(text.encode())
        return 0 in found if found else self.regex.search(text) is not None

    def finds_in(self, utf8: bytes) -> bool:
        """Whether the regex finds something in the text of UTF-8 bytes ``utf8``."""
        found = self._match(utf8)
        return 0 in found if found else self.regex.search(utf8) is not None


class FinderSet:
    """Which of several small RE2 patterns find something in a text, in one call into RE2 (a set
    of them all, :func:`_search_set`; :class:`Finder` has one): what each one's search would
    say, for one search (each one's own search where RE2 gives up on the set)."""

    def __init__(self, *patterns: str) -> None:
        self._patterns = patterns
        self._match = _matcher(_search_set(patterns, _OPTIONS))
        self._size = len(patterns)

    def finds(self, text: str) -> tuple[bool, ...]:
        """Whether each pattern finds something in ``text``."""
        found = self.found(text)
        return tuple(k in found for k in range(self._size))

    def found(self, text: str) -> list[int]:
        """The numbers (from 0, in the order given) of the patterns that find something in
        ``text``, in no order: what :meth:`finds` says, without a flag built for each pattern
        (a third of the call's time for a line of a few hundred bytes); each pattern's own search
        decides where RE2 gives up on the set."""
        found = self._match(text.encode())
        if not found:
            return [k for k, regex in enumerate(self._regexes) if regex.search(text)]
        return [k for k in found if k < self._size]  # (not \z's)

    @cached_property
    def _regexes(self) -> list[re2._Regexp]:
        """Each pattern compiled alone, for the texts RE2 gives up on as a set (compiled once,
        when the first such text comes)."""
        return [re2.compile(pattern, _OPTIONS) for pattern in self._patterns]


def line_start_pattern(regex: re.Pattern) -> str:
    """An RE2 pattern that finds something in every line (a text without line breaks) that the
    Python ``regex`` matches at its start (``regex.match(line)``), maybe in more."""
    if regex.flags & re.VERBOSE:
        raise _unsupported(regex.pattern)
    return f"{_flags(regex, across_lines=False)}^(?:{superset(regex.pattern)})"


class GatedSearch:
    """A Python regex's ``search``, run only where its RE2 superset (:func:`text_gate`) finds
    a match: a large alternation that Python's ``re`` tries position by position on a line of
    prose (0.1-0.2 ms) is ruled out by one linear-time RE2 pass on most lines."""

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        gate = text_gate(regex)
        self._gate = None if gate is None else Finder(gate)

    def search(self, text: str) -> re.Match[str] | None:
        """``regex.search(text)``."""
        if self._gate is not None and not self._gate.finds(text):
            return None
        return self.regex.search(text)
