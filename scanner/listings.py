"""Program listings in plain text: code that a technical article shows is article text.

A scraper that keeps a page's code blocks as plain lines ("type User {", "id: ID!",
"const x = require('y');") hands the line analysis lines that look like nothing a sentence
does: short, no stop words, symbols. Taken one by one they look like page furniture; taken
as a run inside the article, introduced by its prose, they are the article's example. A
listing here is a run of lines with at least :data:`MIN_CODE_LINES` lines that only code
writes (:data:`CODE_LINE_RE`), where at most :data:`MAX_BRIDGE` other short lines (a bare
field name, a code comment) stand between two of them, after the article's first prose line;
inside an open brace or bracket, bare names ("DRAFT", "username") and lines ending in a comma
(a table's column, an argument) do not count against that. One or two such lines make a
listing when a sentence ending in ":" introduces them ("To upgrade, run:" above a command).
Scripts that pages leak into their text (ad and analytics tags) are furniture, not listings:
one ends the listing before it, and the code lines that follow it are its own.

The boilerplate analysis gives listing lines no furniture kind and title inference takes no
headline from a code line; typography and repetition rules leave code lines alone
(:func:`in_code`: "time.Second" is no missing space), and the spin analysis reads the text
with them blanked (:func:`prose_text`: "FROM orders WHERE" is no collocation break).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

import re2

from scanner.boilerplate.features import is_prose
from scanner.document import Document
from scanner.re2_prefilter import Finder

CACHE_KEY = "listings.lines"
PROSE_KEY = "listings.prose_text"
MIN_CODE_LINES = 3
MAX_BRIDGE = 3  # consecutive non-code lines a listing may hold (bare names, comments)
_MAX_BRIDGE_WORDS = 8
_MIN_INTRO_WORDS = 5  # a line ending in ":" this long introduces a snippet of one or two lines

# White space is "[ \t]": RE2's \s takes line breaks too, and the lines are searched joined.
_CODE_SHAPES = (
    r"^[\])}][\])};,]*(?:[ \t]*:[ \t]*[\w\[\]!]+)?$",  # a closer: "}", "});", "): T!"
    r"[\w)\]\"'=>:][ \t]*[{\[(]$|^[{\[]$",  # an opener: "type User {", "f(", '"spec": {', "{"
    r'^"[\w$@.-]+"[ \t]*:[ \t]*(?:"|-?\d|true\b|false\b|null\b|[{\[])',  # a JSON member: '"kind": "Pod",'
    r"^(?:\.\.\.|pass)$",  # a Python body left out: "..."
    r"^@(?:prefix|base)[ \t]",  # Turtle (RDF): "@prefix dcat: <http://www.w3.org/ns/dcat#> ."
    r"^\{\{.*\}\}$|^\{%.*%\}$",  # a template tag: "{{ user.name }}"
    r"^(?://|/\*|\*/|#!|<!--)",  # a comment marker or shebang
    r"^(?:const|let|var)[ \t]+[\w$\[\]{}, \t]+=",  # a JavaScript declaration
    r"^(?:def|fn|func|function)[ \t]*[\w$]*[ \t]*\(",  # a function head
    r"^(?:class|struct|interface|enum|impl)[ \t]+\w+.*[:{(]$",  # a type head
    r"^(?:import[ \t]+[\w{*.]|from[ \t]+[\w.]+[ \t]+import[ \t]|#include[ \t]|using[ \t]+[\w.]+;|package[ \t]+[\w.]+;?$)",  # an import
    r"^(?:return|await|yield|throw)\b.*[;)\]}]$",  # a statement that ends like code
    r"^(?:if|elif|while|for|switch|catch)[ \t]*\(.*[{)]$",  # a C-like condition
    r"^(?:if|elif|else|for|while|try|except|finally|with)\b[^.!?\n]*:$",  # a Python block head
    r"^(?:export|async|public|private|protected|static)[ \t]+\w",  # a declaration modifier
    r"^[a-z_$][\w$]*\??[ \t]*:[ \t]*\[?[\w.$]+(?:!\]?!?[,;]?|\]!?[,;]?|[,;])$",  # a typed field: "id: ID!"
    r"^[a-z_$][\w$]*[A-Z_][\w$]*[ \t]*[:=]",  # a camelCase key or assignment
    r"^[\w$.\[\]'\"]+[ \t]*(?:[-+*/|&]?=|=>)[ \t]*[^ \t\n].*[;,{(]$",  # an assignment ending like code
    r"=>|===|!==|&&|\|\||\w::\w|^->|[\w\])]->",  # an operator prose never writes
    r"[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*\(",  # a method call: "db.posts.find(", "time.Now("
    r":=|\(cost=\d",  # Go's declaration; a query plan's cost
    r"^(?:SELECT|FROM|WHERE|AND|OR|JOIN|ON|GROUP[ \t]+BY|ORDER[ \t]+BY|LIMIT|HAVING|INSERT[ \t]+INTO"
    r"|UPDATE|DELETE[ \t]+FROM|SET|VALUES|RETURNING|WITH)[ \t]+[a-z_*(\"'0-9]|^EXPLAIN[ \t]+(?:ANALYZE[ \t]+)?SELECT\b",
    r"^(?:CREATE|ALTER|DROP)[ \t]+(?:TABLE|INDEX|VIEW|UNIQUE|SCHEMA|DATABASE|EXTENSION)\b",  # SQL
    r"^--[ \t]+[a-z]",  # an SQL comment
    r"^(?:set|export|echo|exec|trap|exit|source|chmod|chown|mkdir|cp|mv|rm|ls|tar|cd|cat|grep|sed"
    r"|awk|ssh|scp|rsync|python3?|node|go|make)[ \t]+[-$/\"'~.]",  # a shell command
    r"^(?:fi|done|esac|then|else|do)$|^[A-Z_][A-Z0-9_]*=[^ \t]|\$\(|[ \t]\\$|[0-9]?>&[0-9]",  # shell
    r"^(?:-[ \t]+)?[a-z_][\w-]*:(?:[ \t]+[\w./:@${}\"'-]+)?$",  # YAML: "labels:", "image: x/y:1.0"
    r"^(?:\$[ \t]+)?(?:pip|npm|npx|yarn|git|docker|kubectl|sudo|curl|wget|apt|apt-get|brew|cargo"
    r"|terraform|helm|aws|gcloud|az|mvn|gradle|dotnet|rustup|go)[ \t]+[a-z-]",  # a tool's command
    r"^[a-z][a-z0-9]*_[a-z0-9_]*[ \t]*[:=]",  # a snake_case key: "instance_type = ", "max_size: 3"
)
CODE_LINE_RE = re2.compile("(?m)" + "|".join(f"(?:{shape})" for shape in _CODE_SHAPES))
"""A line only code writes: braces and brackets at its ends, a declaration or statement,
a typed field, an operator no sentence uses, a method call, a shell command (RE2, multi-line:
one search over a page's stripped lines joined finds them all)."""


def _as_written(shape: str) -> str:
    """A code shape for a line with white space around it: its anchors "^" and "$" (not a
    class's "[^" nor an escaped "\\$") may have spaces after and before them."""
    shape = re.sub(r"(?<![\[\\])\^", lambda _: r"^[ \t]*", shape)
    return re.sub(r"(?<!\\)\$(?=\)|\||$)", lambda _: r"[ \t\r]*$", shape)


_UNSTRIPPED_CODE_RE = re2.compile(
    "(?m)" + "|".join(f"(?:{_as_written(shape)})" for shape in _CODE_SHAPES))
""":data:`CODE_LINE_RE` for lines as written: one search over a document's text tells whether
it may have a line of code at all, before its lines are split."""
# (a set search of the document's UTF-8, which the rules share: no text encoded again, no match
# object built)
_UNSTRIPPED_CODE = Finder(_UNSTRIPPED_CODE_RE)

_NAME_RE = re.compile(r"[\w$.]+,?")  # a whole line that is one name: a field, an enum value
_OPENERS, _CLOSERS = "{([", "})]"

_LEAKED_SCRIPT_RE = re.compile(
    r"googletag|googlesyndication|dataLayer|gtag\(|adsbygoogle|fbq\(|_gaq|_comscore|document\.write"
    r"|__tcfapi|pbjs|apstag|connect\.facebook\.net|platform\.twitter\.com|twttr\.|disqus_"
    r"|OO\.(?:ready|Player)|jwplayer\(|videojs\(|instgrm\."
    r"|\"@context\"")
"""Words of the ad, consent, analytics, video-player, social-widget and comment-widget scripts
and of the structured data that pages leak into their text."""


def listing_positions(texts: list[str], prose: list[bool], code: set[int]) -> set[int]:
    """Positions of the lines of ``texts`` (stripped, non-blank) that belong to a program
    listing the article shows (see the module's docs); ``prose`` says which lines are running
    text, ``code`` which only code writes (:func:`code_lines`)."""
    if not code or not any(prose):
        return set()
    first_prose = prose.index(True)
    found: set[int] = set()
    run: list[int] = []  # positions of the current run's code lines
    script = False  # whether the run is a script the page leaks (furniture, no listing)
    bridge = depth = 0  # non-code lines in a row; braces and brackets left open
    for k in range(first_prose + 1, len(texts)):
        text = texts[k]
        leaked = not prose[k] and _LEAKED_SCRIPT_RE.search(text) is not None
        if leaked and not script:  # the script ends the listing before it
            found |= _listing(texts, run)
            run, script, bridge, depth = [], True, 0, 0
        if not prose[k] and (k in code or leaked):
            run.append(k)
            bridge = 0
            depth = max(0, depth + sum(map(text.count, _OPENERS)) - sum(map(text.count, _CLOSERS)))
        elif script or not run or prose[k]:
            found |= set() if script else _listing(texts, run)
            run, script, bridge, depth = [], False, 0, 0
        elif depth and (_NAME_RE.fullmatch(text) or text.endswith(",")):
            continue
        elif bridge < MAX_BRIDGE and text.count(" ") < _MAX_BRIDGE_WORDS:
            bridge += 1
        else:
            found |= _listing(texts, run)
            run, bridge, depth = [], 0, 0
    return found if script else found | _listing(texts, run)


def _listing(texts: list[str], code_lines: list[int]) -> set[int]:
    """The positions from the first to the last of ``code_lines`` when they make a listing:
    :data:`MIN_CODE_LINES` of them, or fewer that a sentence introduces ("To upgrade, fetch
    the new version:" above "go get example.com/lib/v2")."""
    if not code_lines:
        return set()
    introduced = texts[code_lines[0] - 1]
    if len(code_lines) < MIN_CODE_LINES and not (
            introduced.endswith(":") and introduced.count(" ") >= _MIN_INTRO_WORDS - 1):
        return set()
    return set(range(code_lines[0], code_lines[-1] + 1))


def code_lines(texts: list[str]) -> set[int]:
    """Positions of the lines of ``texts`` (none holding a line break) that only code writes."""
    found = [match.start() for match in CODE_LINE_RE.finditer("\n".join(texts))]
    if not found:
        return set()
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    return {bisect_right(starts, start) - 1 for start in found}


def listing_lines(doc: Document) -> frozenset[int]:
    """Indices of the lines of ``doc`` that belong to a program listing."""
    return _code_view(doc)[0]


def code_units(doc: Document, units: list[range]) -> tuple[set[int], set[int]]:
    """``(listing units, code units)``: the positions of the ``units`` (each a range of line
    indices of ``doc``: a line, or a paragraph of wrapped text or Markdown) that hold a line of
    a listing, and that hold a line of code (see :func:`in_code`)."""
    listing, code = _code_view(doc)
    if not code:  # most documents
        return set(), set()
    holding = [(k, set(unit)) for k, unit in enumerate(units)]
    return ({k for k, lines in holding if not listing.isdisjoint(lines)},
            {k for k, lines in holding if not code.isdisjoint(lines)})


def in_code(doc: Document, offset: int) -> bool:
    """Whether the character at ``offset`` of ``doc`` stands in a line of code: a listing's,
    or one that only code writes and that is not prose (typography and repetition rules
    leave code alone: "time.Second", "Order order")."""
    return doc.line_index(offset) in _code_view(doc)[1]


def has_code(doc: Document) -> bool:
    """Whether ``doc`` has a line of code (see :func:`in_code`): a technical text, whose prose
    names the code's terms ("takes a context.Context")."""
    return bool(_code_view(doc)[1])


def prose_text(doc: Document) -> str:
    """``doc.text`` with its lines of code (see :func:`in_code`) blanked: the same length, so
    that offsets in it are offsets in the document (memoised in ``doc.cache``)."""
    code = _code_view(doc)[1]
    if not code:
        return doc.text
    blanked = doc.cache.get(PROSE_KEY)
    if blanked is None:
        text = doc.text
        pieces, pos = [], 0
        for i in sorted(code):
            span = doc.lines[i]
            pieces += [text[pos:span.start], " " * (span.end - span.start)]
            pos = span.end
        pieces.append(text[pos:])
        blanked = doc.cache[PROSE_KEY] = "".join(pieces)
    return blanked


def _code_view(doc: Document) -> tuple[frozenset[int], frozenset[int]]:
    """``(listing lines, code lines)`` of ``doc`` as line indices: the second adds the lines
    outside listings that only code writes and that are not prose (memoised in ``doc.cache``)."""
    found = doc.cache.get(CACHE_KEY)
    if found is None and not _UNSTRIPPED_CODE.finds_in(doc.utf8):  # most news
        found = doc.cache[CACHE_KEY] = (frozenset(), frozenset())
    if found is None:
        texts = doc.stripped_lines
        code = code_lines(texts)
        prose = list(map(is_prose, texts))
        positions = listing_positions(texts, prose, code)
        line = [i for i, _ in doc.nonblank_lines]
        found = doc.cache[CACHE_KEY] = (
            frozenset(line[k] for k in positions),
            frozenset(line[k] for k in positions.union(k for k in code if not prose[k])))
    return found
