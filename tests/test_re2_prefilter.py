"""The RE2 prefilter finds every line its Python regex matches, and passes over the others."""
from __future__ import annotations

import random
import re

import pytest
import re2

from scanner.boilerplate.patterns import (
    BYLINE_RE,
    COUNTERS_RE,
    LINE_CUE_RE,
    MONTH_LINE_RE,
    PHRASE_CUES,
    STAMP_LINE_RE,
    ShortLines,
    _may_hold_rare,
    comment_header,
    comment_headers,
    stamp_positions,
)
from scanner.checks import typography
from scanner.re2_prefilter import (
    _ANCHOR_START,
    _UNANCHORED,
    Finder,
    FinderSet,
    GatedSearch,
    GateSet,
    LinePrefilter,
    _matcher,
    _public_first_span,
    _raw_first_span,
    _search_set,
    first_span,
    line_start_pattern,
    line_start_union,
    numbered_matches,
    superset,
    text_gate,
    widen_categories,
)
from tests.test_boilerplate import (
    ARTICLE_STAMPS,
    BLOG_AND_COMMENT_WIDGETS,
    BLOGGER_THREAD,
    FOREIGN_FURNITURE,
    FOREIGN_MENTIONS,
    LIVE_BLOG,
    NAME_ONLY_THREAD,
    NEWSROOM_FURNITURE,
    REGIONAL_THREAD,
    SENTENCES_LIKE_CUES,
    SLASHDOT_THREAD,
    THREAD,
    WEAK_HEADER_THREAD,
)


@pytest.mark.parametrize("pattern, flags, matching, other", [
    # a lookahead and a lookbehind are dropped: the RE2 pattern is wider
    (r"share(?!\s+prices)\s+\w+", re.I, ["Share this", "SHARE ON X"], ["Sharp words"]),
    (r"\s(?<=\s)news\b", 0, [" news today"], ["views"]),
    # atomic groups and possessive repeats match as plain ones
    (r"(?>\d+)\s*comments", re.I, ["12 Comments"], ["Comments"]),
    (r"[^|]++\|\s*reply", re.I, ["Jane | Reply"], ["Reply"]),
    # Python's \w, \d and \s are Unicode; RE2's are ASCII
    (r"\w+\s+interessant", re.I, ["Ähnlich\u00a0interessant", "Auch interessant"], ["interessant"]),
    (r"[^\W\d_]+\s\d+", 0, ["Émission ٣"], ["123 456"]),
    (r"[^\w©(]*copyright", re.I, ["— Copyright", "•\u00a0copyright"], ["© Rights"]),
    (r"x{,2}y", 0, ["xxy", "y"], ["z"]),
])
def test_the_prefilter_finds_every_line_the_regex_matches(pattern, flags, matching, other):
    regex = re.compile(pattern, flags)
    lines = [*matching, *other]
    assert all(regex.match(line) for line in matching) and not any(regex.match(line) for line in other)
    found = LinePrefilter(regex).candidates(lines)
    assert set(range(len(matching))) <= found
    assert not found & set(range(len(matching), len(lines)))


def test_a_match_never_spans_two_lines():
    # a negated class or \s would run on into the next line of the joined text
    regex = re.compile(r"[^a]*\s*end$")
    assert LinePrefilter(regex).candidates(["start", "end"]) == {1}


def test_the_prefilter_finds_each_matching_line_once_wherever_it_stands():
    # the first and the last line, neighbours, a line matching twice, empty lines between; and
    # a second regex that may match anywhere in a line
    lines = ["Share this", "", "share it", "Share share", "news", "", "xx share", "share"]
    found = LinePrefilter(re.compile(r"share\b", re.I)).candidates(lines)
    assert found == {0, 2, 3, 7}
    found = LinePrefilter(re.compile(r"share\b", re.I), re.compile(r"ews$")).candidates(lines)
    assert found == {0, 2, 3, 4, 7}
    assert LinePrefilter(re.compile(r"x*")).candidates(["a", "", "b"]) == {0, 1, 2}  # (an empty match)
    assert LinePrefilter(re.compile("share")).candidates([""]) == set()


def test_the_prefilter_finds_the_lines_other_regexes_may_match_at_their_start():
    # each with its own case setting
    prefilter = LinePrefilter(re.compile(r"share\b", re.I), others=[re.compile(r"Posted \d"), re.compile(r"ago\b")])
    lines = ["SHARE it", "Posted 3", "posted 3", "3 days ago", "ago now", "news"]
    assert prefilter.candidates(lines) == {0, 1, 4}


def test_a_superset_captures_nothing_and_matches_where_the_groups_did():
    regex = re2.compile(superset(r"(a+)(?P<tail>b|c)(?>d)"))
    assert regex.groups == 0
    assert [regex.search(text) and regex.search(text).span() for text in ("xaacd", "abd", "ad")] == [(1, 5), (0, 3), None]


def test_a_finder_answers_as_the_regex_search_does():
    regex = re2.compile(r"^['‘]|[\"“”]|(?i:\bsaid\b)|\?$")
    lines = ["'Tis the season", "He SAID so.", "Nothing here", "Why?", "Why? No.", "“Quoted”", "", "Ünïcode said"]
    found = [Finder(regex).finds(line) for line in lines]
    assert found == [regex.search(line.encode()) is not None for line in lines]
    assert found == [True, True, False, True, False, True, False, True]


def test_a_finder_set_answers_as_each_search_does():
    patterns = [r"^['‘]|[\"“”]|(?i:\bsaid\b)", line_start_pattern(re.compile(r"(?:yes|thanks)\b", re.IGNORECASE))]
    lines = ["'Tis the season", "Thanks, she said", "Nothing here", "YES it is", "“Quoted”", "", "I said yes"]
    found = [FinderSet(*patterns).finds(line) for line in lines]
    assert found == [tuple(re2.compile(pattern).search(line.encode()) is not None for pattern in patterns)
                     for line in lines]
    assert found == [(True, False), (True, True), (False, False), (False, True), (True, False), (False, False),
                     (True, False)]
    assert [sorted(FinderSet(*patterns).found(line)) for line in lines] == [
        [k for k, flag in enumerate(flags) if flag] for flags in found]


@pytest.mark.parametrize("pattern", [r"(\w)\1", r"(?P<w>x)(?P=w)", r"(a)?(?(1)b|c)", r"(?x) a b",
                                     r"[^\W\s]"])
def test_patterns_without_a_superset_are_refused(pattern):
    with pytest.raises(ValueError, match="no RE2 superset"):
        superset(pattern)


def test_the_line_cue_prefilter_misses_no_cue():
    lines = [line for line, *_ in (*BLOG_AND_COMMENT_WIDGETS, *NEWSROOM_FURNITURE, *FOREIGN_FURNITURE)
             if isinstance(line, str)]
    lines += [*SENTENCES_LIKE_CUES, *FOREIGN_MENTIONS]
    lines = [line for line in lines if "\n" not in line]
    cues = {k for k, line in enumerate(lines) if LINE_CUE_RE.match(line)}
    assert len(cues) > 50
    found = LinePrefilter(LINE_CUE_RE).candidates(lines)
    assert cues <= found
    assert len(found) < len(lines)  # and it does filter


def test_the_stamp_and_comment_header_prefilters_miss_no_line():
    lines = [line for thread in (THREAD, LIVE_BLOG, NAME_ONLY_THREAD, REGIONAL_THREAD, SLASHDOT_THREAD,
                                 BLOGGER_THREAD, WEAK_HEADER_THREAD) for line in thread.splitlines()]
    lines += [*ARTICLE_STAMPS, *SENTENCES_LIKE_CUES]
    stamps = [k for k, line in enumerate(lines) if STAMP_LINE_RE.match(line)]
    headers = [comment_header(line) for line in lines]
    assert len(stamps) > 15 and sum(map(bool, headers)) > 10
    assert stamp_positions(lines) == stamps
    assert [h and h.span() for h in comment_headers(lines)] == [h and h.span() for h in headers]
    # each line alone, which the quick look for a digit or a header's "says" rules out first
    for k, line in enumerate(lines):
        assert stamp_positions([line]) == ([0] if k in stamps else [])
        assert [h and h.span() for h in comment_headers([line])] == [headers[k] and headers[k].span()]
    assert not _may_hold_rare("Share this story\nLeave a comment\nRelated: the council's plans")
    assert _may_hold_rare("Jane Smith says:") and _may_hold_rare("Posted 3 hours ago")
    assert _may_hold_rare("Publié le 3 mars")  # (not ASCII: a look by the regexes)


def test_the_short_lines_search_finds_every_byline_month_and_counter():
    # each of them is tried only on the lines it finds (and a text where it finds none is quiet)
    lines = ["By Jane Smith, Herald Staff Writer", "Von Thomas Gruber", "by shedender on February 3, 2011",
             "5 min read", "Lesezeit: 4 Min.", "March 2012", "DECEMBER 2019", "1,204", "0 / 255", "3.4k",
             "By the Numbers", "March 2012 was wet.", "12 ways to save", "The council met on Tuesday."]
    found = {k for k, line in enumerate(lines) if BYLINE_RE.match(line) or MONTH_LINE_RE.fullmatch(line)
             or COUNTERS_RE.match(line)}
    assert found == set(range(10))
    assert found <= ShortLines(lines).may_match
    assert ShortLines(lines[12:]).may_match == set()


def test_a_finder_asks_its_regex_when_the_set_search_fails():
    finder = Finder(re2.compile(r"(?i)join\s+now"))
    assert finder.finds_in(b"Telegram Group Join Now") and not finder.finds_in(b"Nothing here.")

    finder._match = _given_up
    assert finder.finds_in(b"Telegram Group Join Now") and not finder.finds_in(b"Nothing here.")
    assert finder.finds("join  now") and not finder.finds("")


def _given_up(utf8: bytes) -> list[int]:
    """RE2's answer for a set search whose automaton outgrew its memory budget: no match at all."""
    return []


def test_a_set_search_finds_the_end_of_every_text():
    # the answer a given-up search is told apart from: every text, the empty one too, matches \z
    assert [FinderSet("x").finds(text) for text in ("", "a", "x")] == [(False,), (False,), (True,)]
    assert GateSet([re2.compile("x")]).possible(b"") == frozenset()


def test_a_gate_set_keeps_the_regexes_without_a_gate_in_every_answer():
    gated, ungated = re2.compile("said"), re.compile(r"(a)\1")  # (a backreference: no RE2 rewrite)
    gates = GateSet([gated, ungated])
    assert gates.possible(b"he said") == frozenset([gated, ungated])
    assert gates.possible(b"Nothing here.") == gates.possible(b"") == frozenset([ungated])


def test_a_finder_set_asks_each_pattern_when_the_set_search_fails():
    finders = FinderSet(r"(?i)\bsaid\b", r"\?$")
    finders._match = _given_up
    assert finders.finds("He SAID so?") == (True, True)
    assert finders.finds("Nothing here.") == (False, False)


def test_a_gate_set_lets_every_regex_through_when_the_set_search_fails():
    regexes = [re2.compile("said"), re.compile(r"\?$")]
    gates = GateSet(regexes)
    assert gates.possible(b"Nothing here.") == frozenset()
    gates._match = _given_up
    assert gates.possible(b"Nothing here.") == frozenset(regexes)


@pytest.mark.parametrize("pattern, flags, matching, other", [
    (r"end\.\s+[a-z]", 0, ["the end.\nthen", "the end.\u00a0 then"], ["the end. Then"]),
    (r"[^a-z]{3}x", 0, ["1\n\nx", "...x"], ["abcx"]),
    (r"\W\d", 0, ["a\n1"], ["a1"]),
    (r"^b", 0, ["b"], ["ab"]),  # RE2's multi-line ^ is wider than Python's, never narrower
    (r"a.b", re.S, ["a\nb"], ["ab"]),
])
def test_a_text_gate_finds_every_text_the_regex_searches_successfully(pattern, flags, matching, other):
    regex = re.compile(pattern, flags)
    assert all(regex.search(text) for text in matching) and not any(regex.search(text) for text in other)
    gate = text_gate(regex)
    assert all(gate.search(text.encode()) for text in matching)
    assert not any(gate.search(text.encode()) for text in other)


def test_a_verbose_regex_gets_no_text_gate():
    assert text_gate(re.compile(r"a b", re.VERBOSE)) is None


def test_gated_phrase_cues_find_what_their_regexes_find():
    lines = [line for line, *_ in (*BLOG_AND_COMMENT_WIDGETS, *NEWSROOM_FURNITURE, *FOREIGN_FURNITURE)
             if isinstance(line, str)] + [*SENTENCES_LIKE_CUES, *FOREIGN_MENTIONS]
    found = 0
    for _, _, pattern in PHRASE_CUES:
        regex = re.compile(pattern, re.IGNORECASE)
        gated = GatedSearch(regex)
        assert gated._gate is not None  # a gate that filters, not a pass-through
        for line in lines:
            assert bool(gated.search(line)) == bool(regex.search(line)), (pattern[:40], line)
            found += regex.search(line) is not None
    assert found > 20


def test_a_gate_set_finds_what_each_gate_finds():
    regexes = [re.compile(r"end\.\s+[a-z]"), re.compile(r"(\w)\1"), re.compile(r"\d{4},\s*\d", re.M)]
    texts = ["the end. then", "the end. Then", "aa", "ab", "In 2023, 31 ships", "In 2023 ships", ""]
    gates = GateSet(regexes)
    for text in texts:
        expected = {regex for regex in regexes
                    if text_gate(regex) is None or text_gate(regex).search(text.encode())}
        assert gates.possible(text.encode()) == expected
    assert regexes[1] in gates.possible(b"")  # a backreference has no gate: it may always match
    assert gates.possible(b"ab") == {regexes[1]}  # and the others' gates do filter


def test_the_typography_gates_miss_no_trigger():
    texts = [example.text for rule in typography.RULES for example in rule.examples]
    regexes = typography._gates().regexes
    assert typography._gates().possible(b"plain words") == frozenset()  # every one is gated
    used = {rule.pattern for rule in typography.RULES if issubclass(rule, typography._PatternRule)
            and rule not in (typography.DoubledPunctuation, typography.GluedWords)}
    assert used | {typography._DETERMINER_JOIN_RE, typography._SAME_QUOTES_RE,
                   typography._DOUBLED_GATE_RE, typography._GLUED_GATE_RE} == regexes
    for text in texts:
        possible = typography._gates().possible(text.encode())
        for regex in regexes:
            if regex.search(text):
                assert regex in possible, (regex.pattern[:40], text)


def test_numbered_matches_count_the_lines_before_each_match():
    joined = b"x a\nb\n\na a\nc a"
    found = [(line, start) for line, start, _ in numbered_matches(re2.compile("a"), joined)]
    assert found == [(0, 2), (3, 7), (3, 9), (4, 13)]


@pytest.mark.parametrize("span", [_raw_first_span, _public_first_span])
def test_first_span_is_what_search_and_match_find(span):
    # the binding's raw call and the public calls that stand in where a release hides it
    regex, text = re2.compile(r"b+|(c)"), b"abbc\nbb"
    for pos in range(len(text) + 1):
        found = regex.search(text, pos)
        assert span(regex, _UNANCHORED, text, pos, len(text)) == (found.span() if found else (-1, -1))
        found = regex.match(text, pos)
        assert span(regex, _ANCHOR_START, text, pos, len(text)) == (found.span() if found else (-1, -1))
    assert span(regex, _UNANCHORED, text, 0, 1) == (-1, -1)
    assert first_span is _raw_first_span  # (the shipped binding has the raw calls)


def test_a_set_matcher_gives_the_raw_answer_where_the_binding_hides_its_set(monkeypatch):
    search = _search_set(["b+", "c"], re2.Options())
    raw = _matcher(search)
    monkeypatch.setattr("scanner.re2_prefilter._RAW_CALLS", False)
    public = _matcher(search)
    assert public is not raw
    for text in (b"", b"abbc", b"xyz", "é c".encode()):
        assert sorted(public(text)) == sorted(raw(text))


@pytest.mark.parametrize("pattern", ["a", "a*", "x?", "(?m)^", "(?m)$", "b|", r"\b"])
def test_numbered_matches_find_what_finditer_finds(pattern):
    regex = re2.compile(pattern)
    for joined in (b"", b"x a\nb\n\na a\nc a", b"aab\n\nba", "é a\nü".encode()):
        assert [span for _, *span in numbered_matches(regex, joined)] == [
            list(match.span()) for match in regex.finditer(joined)]


@pytest.mark.parametrize("pattern, matching, other", [
    # a word boundary spelled with categories (the packs' phrases): exact on ASCII neighbours
    (r"(?i)(?:^|[^\p{L}\p{M}\p{N}_])join now", ["Join now", "«join now", "é join now"], ["rejoin now", "x_join now"]),
    (r"\p{Lu}\p{Ll}+ News", ["Daily News", "Ωmega News", "Évian News"], ["daily News", "1 News"]),
    (r"^[^\p{L}\n]*follow us", ["— follow us", "follow us"], ["Xfollow us"]),
    (r"[^\p{M}]x", ["ax", "\nx"], ["x"]),  # nothing left to exclude: any character
    (r"\PL\d", ["-1", "\u00a01"], ["a1"]),
    (r"[\s\p{Z}]+now", ["\u00a0now", " now"], ["now"]),
])
def test_widened_categories_match_wherever_the_pattern_does(pattern, matching, other):
    exact, wide = re2.compile(pattern), re2.compile(widen_categories(pattern))
    assert all(exact.search(text) and wide.search(text) for text in matching)
    assert not any(wide.search(text) for text in other)


def test_widened_categories_match_every_text_the_pattern_matches():
    patterns = [r"(?:^|[^\p{L}\p{M}\p{N}_])ab(?:\z|[^\p{L}\p{M}\p{N}_])", r"\p{Lu}\p{N}+", r"[^\p{L}\n]+b",
                r"\P{L}\p{M}", r"[\p{L}\p{N}_'’&.-]+@", r"\pN\p{^Greek}"]
    pool = "ab AB1_-.@'’\n\u00a0éΩωЖ١\u0301€"
    texts = ["".join(random.Random(seed).choices(pool, k=12)) for seed in range(3000)]
    for pattern in patterns:
        exact, wide = re2.compile(pattern), re2.compile(widen_categories(pattern))
        missed = [text for text in texts if exact.search(text) and not wide.search(text)]
        assert not missed, (pattern, missed[:3])
        assert any(map(exact.search, texts))  # (the texts exercise the pattern)


def test_escaped_backslashes_and_brackets_are_read_as_such():
    letters = r"\x{41}-\x{5a}\x{61}-\x{7a}"
    assert widen_categories(r"a\\p{L}") == r"a\\p{L}"  # a backslash, then "p{L}"
    assert widen_categories(r"[\\]\p{L}") == rf"[\\][{letters}\x{{80}}-\x{{10FFFF}}]"  # a class of "\"
    assert widen_categories(r"[\]\p{L}]") == rf"[\]{letters}\x{{80}}-\x{{10FFFF}}]"  # of "]" and letters


def test_a_line_start_union_finds_a_line_where_any_of_its_prefilters_does():
    stamp, header = re.compile(r"posted\s+\d+", re.I), re.compile(r"\w+ says:")
    union = line_start_union([stamp, header])
    lines = ["POSTED 12 May", "Jane says:", "jane SAYS:", "Nothing here"]
    for line in lines:
        expected = bool(LinePrefilter(stamp).candidates([line]) or LinePrefilter(header).candidates([line]))
        assert (union.search(line.encode()) is not None) is expected, line
    assert union.search("\n".join(lines[2:]).encode()) is None  # (the header's case is its own)


def test_the_prefilter_refuses_a_verbose_regex_wherever_it_is_given():
    verbose, plain = re.compile(r"a b", re.VERBOSE), re.compile(r"share")
    for args in ((verbose,), (plain, verbose), (plain, None, [verbose])):
        with pytest.raises(ValueError, match="no RE2 superset"):
            LinePrefilter(*args)
    with pytest.raises(ValueError, match="no RE2 superset"):
        line_start_union([plain, verbose])
