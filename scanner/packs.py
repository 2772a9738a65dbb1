"""Declarative rule packs: YAML files of phrase lists and patterns, and external phrase lists.

A pack is data, not code (Vale's habit). Every pattern is compiled with RE2, which matches in
linear time, so a pattern from a user's pack cannot hang a scan through catastrophic
backtracking. Validation errors name the file and line.
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from itertools import islice, takewhile
from operator import attrgetter
from pathlib import Path
from typing import Any

import re2
import yaml

from scanner.document import Document, Span
from scanner.finding import Category, Example, Finding, Severity
from scanner.io.csvfmt import other_separator
from scanner.re2_prefilter import Finder, open_repeats, widen_categories
from scanner.rule import Rule

_RULE_ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3}$")
_RULE_NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = ("id", "name", "category", "severity", "message", "summary", "docs", "examples")
_ALLOWED = set(_REQUIRED) | {"phrases", "patterns", "unless", "scope", "ignore_case", "suggestion"}
_WORD_CHAR = re.compile(r"\w")
# A phrase matches only between characters that are not word characters (or the text's ends);
# RE2's \b is ASCII-only, so spell it out. A word character is a letter, a mark (the accent of
# a decomposed "é" is part of its word), a digit or "_". A pattern gets this boundary (and the
# check that it does not run on into a longer word) only when it starts with a word character,
# as a phrase does: `colou?r` is bounded like the phrase "colour", while `^...`, `\b...`,
# `[a-z],[A-Z]` are matched exactly as written.
_WORD = r"\p{L}\p{M}\p{N}_"
_LEFT_BOUNDARY = rf"(?:^|[^{_WORD}])"
_RIGHT_BOUNDARY = rf"(?:\z|[^{_WORD}])"  # consumed: a match of a phrase ends before it
_SPACE = r"[\s\p{Z}]+"  # between the words of a phrase: RE2's \s is ASCII-only (no U+00A0)
_APOSTROPHE = "['’]"
_NEVER = r"[^\x00-\x{10FFFF}]"  # matches nothing: the group of an empty side
# RE2 would also log a rejected pattern to stderr itself (C++ absl lines around our one-line
# error); the exception says it all.
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False
# A pack gate (one alternation of every rule's pattern) outgrows RE2's default 8 MB for its fast
# DFA and falls back to the slow NFA. The budget is a cap: the DFA's states are built as the
# texts need them. The spam pack's gate (6,000 characters of case-insensitive pattern) needs
# more than 64 MB: at 64 MB it searched a news article in 0.15-0.3 ms, at 96 MB or more in
# 0.02 ms with 28 MB of states built over 5,000 articles, so the cap leaves room for packs to grow.
_RE2_OPTIONS.max_mem = 256 << 20


class PackError(ValueError):
    """A rule pack is malformed; the message names the file and line."""


class PatternRule(Rule):
    """A rule defined by a pack: phrases and/or RE2 patterns with a message template."""

    def __init__(self, spec: Mapping[str, Any], origin: str, line: int = 0) -> None:
        super().__init__()
        self.id = spec["id"]
        self.name = spec["name"]
        self.category = Category.parse(spec["category"])
        self.severity = Severity.parse(spec["severity"])
        self.summary = spec["summary"]
        self.docs = spec["docs"]
        self.origin = origin
        self.location = f"{origin}:{line}" if line else origin
        """Where the rule is defined (the pack's file and line), for error messages."""
        self.message = spec["message"]
        self.default_suggestion = spec.get("suggestion")
        self.scope = spec.get("scope", "match")
        phrases = spec.get("phrases") or {}
        if not isinstance(phrases, Mapping):
            phrases = {phrase: None for phrase in phrases}
        self.replacements = {_normalise(k): v for k, v in phrases.items()}
        self.phrases, self.bounded, self.free = _alternatives(phrases.keys(),
                                                              spec.get("patterns") or ())
        self.ignore_case = spec.get("ignore_case", True)
        self.regex = _compile(self.phrases, self.bounded, self.free, self.ignore_case)
        unless = spec.get("unless") or ()
        self.unless = (re2.compile(("(?i)" if self.ignore_case else "")
                                   + "|".join(f"(?:{p})" for p in unless), _RE2_OPTIONS)
                       if unless else None)
        """Patterns that clear a match when its line holds one of them (RE2 has no lookaround:
        "a money promise, but not in a line that says who said it")."""
        unless_key = self.unless.pattern if self.unless else ""
        self.matches_key = _shared_key(f"pack-matches {self.scope} {self.regex.pattern} {unless_key}")
        self.gate: PackGate | None = None
        self.list_path: Path | None = None
        """For a CSV/TSV phrase list, its resolved path: its id is then a preferred one, which
        the registry moves to the next free ``SPN9xx`` when another rule has it."""
        examples = spec["examples"]
        self.examples = [Example(t, flagged=True) for t in examples.get("flag", ())] + [
            Example(t, flagged=False) for t in examples.get("pass", ())
        ]

    def check(self, doc: Document) -> Iterable[Finding]:
        """The findings as an iterator, or an empty tuple where the pack's gate rules the rule
        out (most documents: a plain return costs less than a generator's, asked of each rule of
        the spam pack on each document, and of its copy in the boilerplate analysis)."""
        if self.gate is not None and not self.gate.opens(doc):
            return ()
        return self._findings(doc)

    def _findings(self, doc: Document) -> Iterator[Finding]:
        for start, end, matched in self._matches(doc):
            suggestion = self.replacements.get(_normalise(matched)) or self.default_suggestion
            message = self.message.format(match=matched, suggestion=suggestion or "")
            yield self.finding(doc, start, end, message, suggestion=suggestion)

    def _matches(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """``(start, end, matched text)`` of each finding in ``doc``, memoised in ``doc.cache``
        once read to the end: a pack loaded twice (the spam pack, which the boilerplate analysis
        runs too) searches a document once, while a caller that stops early (the engine's cap on
        findings) keeps no list of every match."""
        found = doc.cache.get(self.matches_key)
        if found is not None:
            yield from found
            return
        found = []
        for match in self._search(doc):
            found.append(match)
            yield match
        doc.cache[self.matches_key] = found

    def _search(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """The matches of the regex: whole phrases, or whole lines for a line-scoped rule."""
        utf8 = _utf8(doc)
        text = doc.text
        for group, first, last in self._spans(utf8):
            start, end = utf8.offset(first), utf8.offset(last)
            if group > 1:  # a pattern's match: without the line break it may take at its end
                if self.scope == "line" and text.endswith("\n", start, end):
                    end -= 1
                if text.endswith("\r", start, end) and (end == len(text) or text[end] == "\n"):
                    end -= 1
                if end <= start:
                    continue
            matched = text[start:end]
            if self.scope == "line" or self.unless is not None:
                line = doc.lines[doc.line_index(start)]
                if self.unless is not None and self.unless.search(line.text):
                    continue
                if self.scope == "line":
                    start, end = _sentences_of(doc, line, start, end)
            yield start, end, matched

    def _spans(self, utf8: _Utf8) -> Iterator[tuple[int, int, int]]:
        """``(group, start, end)`` in bytes of each match in ``utf8.data``: group 1 a phrase,
        2 a word-bounded pattern, 3 another pattern. The search goes on from where a match
        ends, not from the boundary character after a phrase (the boundary before the next).
        A line-scoped rule matches within a line: a match that runs across a line break is
        looked for again in its first line alone; a line flagged, the search goes on from the
        next."""
        data, regex = utf8.data, self.regex
        size = limit = len(data)
        pos = 0
        while pos <= size:
            match = regex.search(data, pos, limit)
            if match is None:
                if limit == size:
                    return
                pos, limit = limit, size  # nothing within that line: on to the next
                continue
            group = 1 if match.start(1) >= 0 else 2 if match.start(2) >= 0 else 3
            start, end = match.span(group)
            line_end = data.find(b"\n", start, end)
            if self.scope == "line" and 0 <= line_end < end - 1:
                pos, limit = match.start(), line_end + 1
                continue
            if group == 2 and utf8.runs_on(end):
                # the pattern runs on into a longer word: look again from the next character
                pos = start if start > match.start() else utf8.next(start)
                continue
            yield group, start, end
            if self.scope == "line":
                line_end = data.find(b"\n", end - 1 if end > start else end)
                pos, limit = (size + 1 if line_end < 0 else line_end + 1), size
            else:
                pos = end if end > match.start() else utf8.next(end)


class _Utf8:
    """A document's text as UTF-8 (:attr:`Document.utf8`), the bytes RE2 searches (so that a
    search can start anywhere without encoding the text again), and the way back from byte
    offsets to the text's code-point offsets (shared by every pack of the document)."""

    def __init__(self, doc: Document) -> None:
        self.data = doc.utf8
        self.ascii = len(self.data) == len(doc.text)
        self._byte = self._char = 0  # the last offset converted, in bytes and code points

    def offset(self, byte: int) -> int:
        """The code-point offset of a byte offset (a character's first byte); linear in the
        distance from the last one converted, so matches in text order cost one pass."""
        if self.ascii:
            return byte
        if byte >= self._byte:
            self._char += len(self.data[self._byte:byte].decode("utf-8", "surrogatepass"))
        else:
            self._char -= len(self.data[byte:self._byte].decode("utf-8", "surrogatepass"))
        self._byte = byte
        return self._char

    def next(self, byte: int) -> int:
        """The byte offset of the character after the one at ``byte``."""
        if byte >= len(self.data):
            return byte + 1
        lead = self.data[byte]
        return byte + (1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4)

    def runs_on(self, byte: int) -> bool:
        """Whether a word character ends at ``byte`` and another starts there."""
        before = self.data[max(0, byte - 4):byte].decode("utf-8", "ignore")[-1:]
        after = self.data[byte:byte + 4].decode("utf-8", "ignore")[:1]
        return _is_word_char(before) and _is_word_char(after)


def _utf8(doc: Document) -> _Utf8:
    found = doc.cache.get("pack-utf8")
    if found is None:
        found = doc.cache["pack-utf8"] = _Utf8(doc)
    return found


def _is_word_char(char: str) -> bool:
    """A letter, mark, digit or "_" (what ``_WORD`` says to RE2); False for ""."""
    return bool(char) and (char.isalnum() or char == "_"
                           or unicodedata.category(char).startswith("M"))


def _normalise(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").lower().split())


def _phrase_pattern(phrase: str) -> str:
    """A phrase in RE2: its words with any whitespace between them (Unicode's too), an
    apostrophe matching ' and ’ alike."""
    words = phrase.replace("’", "'").split()
    return _SPACE.join(_APOSTROPHE.join(re2.escape(part) for part in word.split("'"))
                       for word in words)


def _crlf_line_ends(pattern: str) -> str:
    """``pattern`` with its ``$`` matching before a CRLF line break too: RE2's multi-line ``$``
    matches only before ``\\n``, while a CRLF text keeps its ``\\r`` (taken by the match and
    dropped from it again). A ``$`` in a class, escaped or in ``\\Q...\\E`` is left alone."""
    out: list[str] = []
    i, size = 0, len(pattern)
    in_class = False
    while i < size:
        char = pattern[i]
        if char == "\\":
            end = i + 2
            if pattern.startswith("\\Q", i):
                end = pattern.find("\\E", i + 2)
                end = size if end < 0 else end + 2
        elif in_class:
            end = i + 1
            if char == "]":
                in_class = False
            elif pattern.startswith("[:", i) and pattern.find(":]", i + 2) >= 0:
                end = pattern.find(":]", i + 2) + 2
        elif char == "[":
            in_class = True
            end = i + 1
            end += pattern.startswith("^", end)
            end += pattern.startswith("]", end)  # a ] first in a class is a literal ]
        elif char == "$":
            out.append(r"(?:\r?$)")
            i += 1
            continue
        else:
            end = i + 1
        out.append(pattern[i:end])
        i = end
    return "".join(out)


def _alternatives(phrases: Iterable[str], patterns: Iterable[str]) -> tuple[str, str, str]:
    """The alternatives of the phrases (longest first), of the patterns starting with a word
    character (word-bounded like a phrase) and of the others, each joined with ``|`` ("" when
    none)."""
    words = sorted(phrases, key=lambda p: len(" ".join(p.split())), reverse=True)
    bounded, free = [], []
    for pattern in patterns:
        (bounded if _WORD_CHAR.match(pattern) else free).append(
            f"(?:{_crlf_line_ends(pattern)})")
    return "|".join(_phrase_pattern(p) for p in words), "|".join(bounded), "|".join(free)


@cache
def _compile(phrases: str, bounded: str, free: str, ignore_case: bool):
    """One regex: group 1 a phrase (followed by a boundary), group 2 a match of the
    word-bounded patterns, group 3 a match of the other patterns.

    Memoised: a pack loaded twice (the registry's and the boilerplate analysis's copy of the
    spam pack) shares one compiled regex, so the DFA states RE2 builds as it searches serve
    both (a gate's take a few hundred articles to build)."""
    return re2.compile(_combined(phrases, bounded, free, ignore_case), _RE2_OPTIONS)


def _combined(phrases: str, bounded: str, free: str, ignore_case: bool) -> str:
    """The pattern :func:`_compile` compiles."""
    flags = "(?im)" if ignore_case else "(?m)"
    return (f"{flags}(?:{_LEFT_BOUNDARY}(?:({phrases or _NEVER}){_RIGHT_BOUNDARY}"
            f"|({bounded or _NEVER}))|({free or _NEVER}))")


def _sentences_of(doc: Document, line: Span, start: int, end: int) -> tuple[int, int]:
    """The span a line-scoped match ``start``-``end`` flags: its whole ``line``, or in a line of
    several sentences (:attr:`Document.sentences`) those the match lies in ("... twice a week.
    Join our Telegram channel for daily updates." flags the call, not the paragraph a scraper
    glued it to; QA pass 27)."""
    sentences = doc.sentences
    first = bisect_left(sentences, line.start, key=attrgetter("start"))
    in_line = list(takewhile(lambda s: s.start < line.end, islice(sentences, first, None)))
    hit = [s for s in in_line if s.start < end and s.end > start]
    if not hit or len(hit) == len(in_line):
        return line.start, line.end
    return hit[0].start, hit[-1].end


def _re2_reason(exc: re2.error) -> str:
    """RE2's reason for rejecting a pattern, as text (the binding gives bytes)."""
    reason = exc.args[0] if exc.args else exc
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def _pattern_problem(pattern: str) -> str | None:
    """What RE2 finds wrong with one pattern of a pack, in the pack's own terms (None:
    nothing). Checked alone, so the message shows the user's pattern, not the combined one."""
    try:
        regex = re2.compile(pattern, _RE2_OPTIONS)
    except re2.error as exc:
        return f"invalid RE2 pattern '{pattern}': {_re2_reason(exc)}"
    if regex.fullmatch("") is not None:
        return f"pattern '{pattern}' matches the empty string (it would flag every position)"
    return None


def _shared_key(key: str) -> str:
    """``key`` as the one string object every load of a pack gets for it (interned): a
    document's cache then finds an answer stored by another load by identity, not by comparing
    a key holding the whole pattern (the spam pack's gate, 18,000 characters of four bytes with
    an emoji: 5 us a look-up)."""
    return sys.intern(key)


class PackGate:
    """One RE2 search for several rules of a pack (same case setting): when it finds nothing
    in a document, none of the rules can, so they skip their own searches."""

    def __init__(self, rules: list[PatternRule]) -> None:
        self.regex = _gate_regex(_combined(*(open_repeats("|".join(f"(?:{part})" for part in parts if part))
                                             for parts in zip(*((r.phrases, r.bounded, r.free) for r in rules))),
                                           rules[0].ignore_case))
        self.key = _shared_key(f"pack-gate {self.regex.pattern}")  # a pack loaded twice shares the answer
        self.finder = _gate_finder(self.regex)

    def opens(self, doc: Document) -> bool:
        """Whether any of the rules may match in ``doc`` (memoised in ``doc.cache``)."""
        found = doc.cache.get(self.key)
        if found is None:
            found = doc.cache[self.key] = self.finder.finds_in(doc.utf8)
        return found


@cache
def _gate_regex(pattern: str):
    """A pack gate's regex: the rules' alternation with its Unicode categories widened
    (:func:`~scanner.re2_prefilter.widen_categories`: it opens wherever a rule may match, and
    builds its automaton's states in a fraction of the time), memoised as :func:`_compile`."""
    return re2.compile(widen_categories(pattern), _RE2_OPTIONS)


@cache
def _gate_finder(regex: re2._Regexp) -> Finder:
    """A pack gate's search (a set search: :class:`~scanner.re2_prefilter.Finder`), memoised as
    :func:`_gate_regex`."""
    return Finder(regex)


def _share_gates(rules: list[Rule]) -> None:
    """Give the pattern rules of a pack a gate per case setting, when they are several."""
    for ignore_case in (True, False):
        group = [r for r in rules if isinstance(r, PatternRule) and r.ignore_case == ignore_case]
        if len(group) > 1:
            try:
                gate = PackGate(group)
            except re2.error:  # too large together for RE2: each rule searches alone
                continue
            for rule in group:
                rule.gate = gate


# ----- loading -------------------------------------------------------------------------------
class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = _LinedDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


class _LinedDict(dict):
    line = 0


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_pack(path: str | Path, origin: str | None = None,
              check_examples: bool = True) -> list[Rule]:
    """Load a YAML pack or a CSV/TSV phrase list; raise :class:`PackError` naming file and line.
    With ``check_examples``, each rule must be true to its own examples (the shipped packs are
    loaded without: the test suite checks theirs, which spares every process start-up)."""
    path = Path(path)
    if not path.is_file():
        raise PackError(f"{path}: rule pack not found")
    if path.suffix.lower() in {".csv", ".tsv"}:
        return [load_phrase_list(path)]
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise PackError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: not UTF-8 text") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}:1: a pack is a mapping with a 'rules' list")
    origin = origin or str(path)
    fragments = _fragments(data.get("fragments"), path)
    rules = [_build_rule(_with_fragments(spec, fragments, path), path, origin, check_examples)
             for spec in data["rules"]]
    _share_gates(rules)
    return rules


_FRAGMENT_REF_RE = re.compile(r"\{\{(\w+)\}\}")


def _fragments(fragments: Any, path: Path) -> dict[str, str]:
    """The pack's named regex fragments (``fragments: {money: '...'}``), which its patterns
    use as ``{{money}}``; a fragment may use the ones named before it."""
    if fragments is None:
        return {}
    where = f"{path}:{getattr(fragments, 'line', 1)}"
    if not isinstance(fragments, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in fragments.items()):
        raise PackError(f"{where}: 'fragments' must map names to regex strings")
    expanded: dict[str, str] = {}
    for name, fragment in fragments.items():
        expanded[name] = _expand(fragment, expanded, f"{where}: fragment {name}")
    return expanded


def _expand(pattern: str, fragments: dict[str, str], where: str) -> str:
    """``pattern`` with each ``{{name}}`` replaced by that fragment, grouped; an unknown name
    is an error naming ``where``."""
    def fragment(match: re.Match[str]) -> str:
        if match.group(1) not in fragments:
            raise PackError(f"{where}: unknown fragment {match.group()}")
        return f"(?:{fragments[match.group(1)]})"

    return _FRAGMENT_REF_RE.sub(fragment, pattern)


def _with_fragments(spec: Any, fragments: dict[str, str], path: Path) -> Any:
    """``spec`` with ``{{name}}`` in its ``patterns`` and ``unless`` replaced by the named
    fragment, grouped."""
    if not isinstance(spec, dict):
        return spec
    where = f"{path}:{getattr(spec, 'line', 0)}: rule {spec.get('id', '?')}"
    for key in ("patterns", "unless"):
        if isinstance(spec.get(key), list):
            spec[key] = [_expand(p, fragments, where) if isinstance(p, str) else p
                         for p in spec[key]]
    return spec


def _build_rule(spec: Any, path: Path, origin: str, check_examples: bool) -> Rule:
    line = getattr(spec, "line", 0)
    where = f"{path}:{line}"
    if not isinstance(spec, dict):
        raise PackError(f"{where}: each rule must be a mapping")
    missing = [key for key in _REQUIRED if key not in spec]
    if missing:
        raise PackError(f"{where}: rule {spec.get('id', '?')} lacks {', '.join(missing)}")
    unknown = sorted(set(spec) - _ALLOWED)
    if unknown:
        raise PackError(f"{where}: rule {spec['id']}: unknown key(s) {', '.join(unknown)}")
    problem = _types_problem(spec)
    if problem:
        raise PackError(f"{where}: rule {spec['id']}: {problem}")
    if not _RULE_ID_RE.match(spec["id"]):
        raise PackError(f"{where}: rule id {spec['id']!r} must look like ABC123")
    if not _RULE_NAME_RE.match(spec["name"]):
        raise PackError(f"{where}: rule name {spec['name']!r} must be kebab-case")
    if not spec.get("phrases") and not spec.get("patterns"):
        raise PackError(f"{where}: rule {spec['id']} needs 'phrases' or 'patterns'")
    if spec.get("scope", "match") not in {"match", "line"}:
        raise PackError(f"{where}: rule {spec['id']}: scope must be 'match' or 'line'")
    problem = (_message_problem(spec["message"]) or _phrases_problem(spec.get("phrases"))
               or _patterns_problem(spec.get("patterns"))
               or _patterns_problem(spec.get("unless"), "unless"))
    if problem:
        raise PackError(f"{where}: rule {spec['id']}: {problem}")
    examples = spec["examples"]
    if not isinstance(examples, dict) or not examples.get("flag"):
        raise PackError(f"{where}: rule {spec['id']} needs examples with a 'flag' list")
    unknown = sorted(set(examples) - {"flag", "pass"}, key=str)
    if unknown:
        raise PackError(f"{where}: rule {spec['id']}: examples has unknown key(s) "
                        f"{', '.join(map(str, unknown))} (use flag and pass)")
    for kind in ("flag", "pass"):
        texts = examples.get(kind, [])
        if not isinstance(texts, list):
            raise PackError(f"{where}: rule {spec['id']}: examples.{kind} must be a list of texts")
        for text in texts:
            if not isinstance(text, str):
                raise PackError(f"{where}: rule {spec['id']}: examples.{kind}: {text!r} is not "
                                f"a string (quote it)")
    try:
        rule = PatternRule(spec, origin, line)
    except ValueError as exc:
        raise PackError(f"{where}: rule {spec['id']}: {exc}") from None
    except re2.error as exc:  # each pattern compiled alone: the rule's are too many together
        raise PackError(f"{where}: rule {spec['id']}: its patterns cannot be compiled "
                        f"together: {_re2_reason(exc)}") from None
    problem = _examples_problem(rule) if check_examples else None
    if problem:
        raise PackError(f"{where}: rule {spec['id']}: {problem}")
    return rule


# The fields whose value is a string (a missing optional one, or an empty suggestion, is None)
# and the one that is true or false: a wrong type would load and break later (a null `docs:`
# in `spinscan rule`, `name: 42` in a JSONL record).
_STRINGS = ("id", "name", "category", "severity", "summary", "docs", "scope", "suggestion")
# The texts a rule shows: an empty or blank one is refused as a missing one is.
_TEXTS = ("summary", "docs", "message")


def _types_problem(spec: Mapping[str, Any]) -> str | None:
    """Which field of a rule has a value of the wrong type (None: none)."""
    for key in _STRINGS:
        value = spec.get(key, "")
        if not isinstance(value, str) and not (key == "suggestion" and value is None):
            shown = "empty" if value is None else f"{value!r} (quote it)"
            return f"{key} must be a string, not {shown}"
    if not isinstance(spec.get("ignore_case", True), bool):
        return "ignore_case must be true or false"
    for key in _TEXTS:  # what `spinscan rules`, `spinscan rule` and each finding show
        value = spec.get(key)
        if isinstance(value, str) and not value.strip():
            return f"{key} is empty"
    return None


def _examples_problem(rule: PatternRule) -> str | None:
    """Whether the rule flags each of its ``flag`` examples and none of its ``pass`` ones (a
    few searches, done at load so that a pack that does not do what it says is refused)."""
    for example in rule.examples:
        found = next(iter(rule.check(Document(text=example.text))), None)
        if example.flagged and found is None:
            return f"does not flag its own flag example {example.text!r}"
        if not example.flagged and found is not None:
            return f"flags its own pass example {example.text!r} (at {found.excerpt!r})"
    return None


_PLACEHOLDERS = "{match} and {suggestion} (write {{ and }} for a literal brace)"


def _message_problem(message: Any) -> str | None:
    """What is wrong with a rule's message template (None: nothing): formatted once here with
    the fields a finding fills in, so a bad placeholder fails at load, not on every document."""
    if not isinstance(message, str):
        return "message must be a string"
    try:
        message.format(match="match", suggestion="suggestion")
    except KeyError as exc:
        problem = f"unknown placeholder {{{exc.args[0]}}}"
    except IndexError:
        problem = "positional placeholder ({} or {0})"
    except (ValueError, AttributeError, TypeError) as exc:
        problem = str(exc)
    else:
        return None
    return f"message: {problem}; the placeholders are {_PLACEHOLDERS}"


def _phrases_problem(phrases: Any) -> str | None:
    """What is wrong with a rule's ``phrases`` value (None: nothing)."""
    if phrases is None:
        return None
    if isinstance(phrases, dict):
        suggestions = phrases.values()
    elif isinstance(phrases, list):
        suggestions = ()
    else:
        return "phrases must be a list (or a mapping of phrase: suggestion)"
    for phrase in phrases:
        if not isinstance(phrase, str):
            return f"phrase {_as_yaml_read(phrase)} is not a string (quote it)"
        if not phrase.split():
            return f"phrase {phrase!r} is empty (it would flag every word boundary)"
    for suggestion in suggestions:
        if suggestion is not None and not isinstance(suggestion, str):
            return f"suggestion {_as_yaml_read(suggestion)} is not a string (quote it)"
    return None


def _as_yaml_read(value: Any) -> str:
    """A non-string value as YAML read it, for a message: a boolean names the words YAML
    takes for one (QA pass 27: `phrases: [yes, ...]` came back as "phrase True")."""
    if isinstance(value, bool):
        return f"{value!r} (YAML reads {'yes, on, true' if value else 'no, off, false'} so)"
    return repr(value)


def _patterns_problem(patterns: Any, key: str = "patterns") -> str | None:
    """What is wrong with a rule's ``patterns`` (or ``unless``) value (None: nothing)."""
    if patterns is None:
        return None
    if not isinstance(patterns, list):
        return f"{key} must be a list of RE2 patterns"
    for pattern in patterns:
        if not isinstance(pattern, str):
            return f"pattern {_as_yaml_read(pattern)} is not a string (quote it)"
        problem = _pattern_problem(pattern)
        if problem:
            return problem
    return None


_PPS_QUERY_RE = re.compile(r'"|\bAND\b|\bNOT\b|\bOR\b|~')


def _pps_unquoted(cell: str) -> str:
    """A cell without the one pair of double quotes around it (the PPS quotes every phrase); a
    cell with more quotes inside is query syntax and kept whole."""
    if len(cell) > 2 and cell[0] == cell[-1] == '"' and '"' not in cell[1:-1]:
        return cell[1:-1].strip()
    return cell


# The header rows of a phrase list that are recognised (and skipped): a first column that
# starts with "tortured" (PPS's tortured_phrase), or a first and a second column named as
# below, in any case, with "_", "-" or spaces between words, a trailing "phrase" optional.
_TORTURED_HEADERS = frozenset({"tortured", "source", "phrase", "spun", "wrong", "incorrect",
                               "from", "term"})
_CORRECT_HEADERS = frozenset({"correct", "expected", "target", "original", "likely original",
                              "replacement", "suggestion", "right", "to", "fix"})
_HEADERS_KNOWN = (f"first column tortured..., {', '.join(sorted(_TORTURED_HEADERS))}; second "
                  f"{', '.join(sorted(_CORRECT_HEADERS))}")


def _header_word(cell: str) -> str:
    """A header cell as it is looked up: lowercased, words joined by one space, a trailing
    "phrase"/"phrases" dropped (``Expected_Phrase``: ``expected``)."""
    words = re.sub(r"[\s_\-]+", " ", cell.strip().strip('"').lower()).split()
    if len(words) > 1 and words[-1] in {"phrase", "phrases"}:
        words = words[:-1]
    return " ".join(words)


def _is_header(wrong: str, right: str) -> bool:
    """Whether a list's first row is a header this loader recognises (see ``_HEADERS_KNOWN``)."""
    first = _header_word(wrong)
    return first.startswith("tortured") or (first in _TORTURED_HEADERS
                                            and _header_word(right) in _CORRECT_HEADERS)


def _list_slug(path: Path) -> str:
    """The kebab-case tail of a phrase list's rule name: the file name without its suffix, its
    accents dropped, lowercased, each run of other characters than ASCII letters and digits a
    hyphen (``Tortured Phrases (v2).csv``: ``tortured-phrases-v2``, ``été.csv``: ``ete``); a
    name with no ASCII letter or digit left (``русский.csv``, ``___.csv``) gives the CRC-32 of
    the file name in hex instead, so the name stays valid and differs from file to file."""
    ascii_stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    return slug or f"{zlib.crc32(path.name.encode()):08x}"


_SEPARATOR_NAMES = {";": "';'", ",": "','", "\t": "a tab", "|": "'|'"}


def _separator_hint(cell: str, delimiter: str) -> str:
    """A hint naming the separator a one-column row seems to use instead of ``delimiter``."""
    other = other_separator(cell, delimiter)
    if other is None:
        return ""
    kind = ".tsv" if delimiter == "\t" else ".csv"
    return (f", which seems split by {_SEPARATOR_NAMES[other]} instead: a {kind} file "
            f"separates its columns by {_SEPARATOR_NAMES[delimiter]}")


def load_phrase_list(path: Path) -> Rule:
    """Load a CSV/TSV of ``tortured, correct`` pairs (the PPS file format included) as a rule.

    The first two columns are read; a recognised header row is skipped, and a first row of
    two single words that is not one is refused, so that a header such as ``bad,good`` does not
    flag the word "bad" in every article (a list whose first pair is single words puts the
    header ``tortured,correct`` above it). The Problematic Paper Screener
    quotes each phrase (``"grouping methods"``): one pair of quotes around the cell is dropped.
    Rows using its query syntax (``"a" AND "b"``, ``NOT``, ``~N``) are skipped: the phrase
    alone is no tortured phrase ("bosom" is only one beside "breast").
    """
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    try:  # without the byte-order mark of Excel's "CSV UTF-8" (it would stick to a phrase)
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                        f"{exc.start})") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read: {exc.strerror}") from None
    phrases: dict[str, str] = {}
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    first = True
    for row_no, row in enumerate(rows, start=1):
        if len(row) < 2:
            if any(cell.strip() for cell in row):
                raise PackError(f"{path}:{row_no}: expected 'tortured{delimiter}correct', found "
                                f"one column{_separator_hint(row[0], delimiter)}")
            continue
        wrong, right = _pps_unquoted(row[0].strip()), row[1].strip()
        if first:
            first = False
            if _is_header(wrong, right):
                continue
            if len(wrong.split()) == 1 and len(right.split()) == 1:
                raise PackError(
                    f"{path}:{row_no}: the first row {wrong + delimiter + right!r} may be a header, "
                    f"but not one spinscan knows ({_HEADERS_KNOWN}): rename it, or put the "
                    f"header 'tortured{delimiter}correct' above it if it is a pair of words")
        if not wrong or _PPS_QUERY_RE.search(wrong):
            continue
        phrases[wrong] = right
    if not phrases:
        raise PackError(f"{path}: no phrase pairs found")
    spec = {  # the preferred id: from the file name, so the same on every machine and run
        "id": f"SPN9{zlib.crc32(path.name.encode()) % 100:02d}",
        "name": f"listed-phrase-{_list_slug(path)}",
        "category": "spin",
        "severity": "warning",
        "message": "Listed tortured phrase '{match}' (likely original: {suggestion})",
        "summary": f"Phrases listed in {path.name}",
        "docs": f"Tortured phrases loaded from the external list {path}.",
        "phrases": phrases,
        "examples": {"flag": [next(iter(phrases))]},
    }
    rule = PatternRule(spec, str(path))
    rule.list_path = path.resolve()
    return rule
