"""Program listings in plain text: code that a technical article shows is article text.

A scraper that keeps a page's code blocks as plain lines ("type User {", "id: ID!",
"const x = require('y');") hands the line analysis lines that look like nothing a sentence
does: short, no stop words, symbols. Taken one by one they look like page furniture; taken
as a run inside the article, introduced by its prose, they are the article's example. A
listing here is a run of lines with at least :data:`MIN_CODE_LINES` lines that only code
writes (:data:`CODE_LINE_RE`), where at most :data:`MAX_BRIDGE` other short lines (a bare
field name, a code comment) stand between two of them, after the article's first prose line;
inside an open brace or bracket, bare names ("DRAFT", "username") do not count against that.
Scripts that pages leak into their text (ad and analytics tags) are furniture, not listings.
"""
from __future__ import annotations

import re

MIN_CODE_LINES = 3
MAX_BRIDGE = 3  # consecutive non-code lines a listing may hold (bare names, comments)
_MAX_BRIDGE_WORDS = 8

CODE_LINE_RE = re.compile(r"""
    ^[\]\)\}][\]\)\};,]*(?:\s*:\s*[\w\[\]!]+)?$              # a closer: "}", "});", "): T!"
  | [\w\)\]"'=>]\s*[\{\[\(]$                                   # an opener: "type User {", "f("
  | ^(?://|/\*|\*/|\#!|<!--)                                   # a comment marker or shebang
  | ^(?:const|let|var)\s+[\w$\[\]{},\s]+=                      # a JavaScript declaration
  | ^(?:def|fn|func|function)\s*[\w$]*\s*\(                    # a function head
  | ^(?:class|struct|interface|enum|impl)\s+\w+.*[:{(]$        # a type head
  | ^(?:import\s+[\w{*.]|from\s+[\w.]+\s+import\s|\#include\s|using\s+[\w.]+;|package\s+[\w.]+;?$)
  | ^(?:return|await|yield|throw)\b.*[;)\]}]$                  # a statement that ends like code
  | ^(?:if|elif|while|for|switch|catch)\s*\(.*[{)]$            # a C-like condition
  | ^(?:if|elif|else|for|while|try|except|finally|with)\b[^.!?]*:$   # a Python block head
  | ^(?:export|async|public|private|protected|static)\s+\w     # a declaration modifier
  | ^[a-z_$][\w$]*\??\s*:\s*\[?[\w.$]+!?\]?!?[,;]?$(?<=[!\],;]) # a typed field: "id: ID!"
  | ^[a-z_$][\w$]*[A-Z_][\w$]*\s*[:=]                          # a camelCase key or assignment
  | ^[\w$.\[\]'"]+\s*(?:[-+*/|&]?=|=>)\s*\S.*[;,{(]$            # an assignment ending like code
  | =>|===|!==|&&|\|\||::|->\s*\w                              # an operator prose never writes
  | [a-z_$][\w$]*\.[a-z_$][\w$]*\(                             # a method call: "db.posts.find("
  | ^(?:\$\s+)?(?:pip|npm|npx|yarn|git|docker|kubectl|sudo|curl|wget|apt|apt-get|brew|cargo)\s+[a-z-]
""", re.VERBOSE)
"""A line only code writes: braces and brackets at its ends, a declaration or statement,
a typed field, an operator no sentence uses, a method call, a shell command."""

_NAME_RE = re.compile(r"[\w$.]+,?")  # a whole line that is one name: a field, an enum value
_OPENERS, _CLOSERS = "{([", "})]"

_LEAKED_SCRIPT_RE = re.compile(
    r"googletag|dataLayer|gtag\(|adsbygoogle|fbq\(|_gaq|document\.write|__tcfapi|pbjs|apstag")
"""Words of the ad, consent and analytics scripts that pages leak into their text."""


def listing_positions(texts: list[str], prose: list[bool]) -> set[int]:
    """Positions of the lines of ``texts`` (stripped, non-blank) that belong to a program
    listing the article shows (see the module's docs); ``prose`` says which lines are running
    text."""
    if not any(prose):
        return set()
    first_prose = prose.index(True)
    found: set[int] = set()
    run: list[int] = []  # positions of the current run's code lines
    bridge = depth = 0  # non-code lines in a row; braces and brackets left open
    for k in range(first_prose + 1, len(texts)):
        text = texts[k]
        if not prose[k] and CODE_LINE_RE.search(text):
            run.append(k)
            bridge = 0
            depth = max(0, depth + sum(map(text.count, _OPENERS)) - sum(map(text.count, _CLOSERS)))
        elif run and not prose[k] and depth and _NAME_RE.fullmatch(text):
            continue
        elif run and not prose[k] and bridge < MAX_BRIDGE and text.count(" ") < _MAX_BRIDGE_WORDS:
            bridge += 1
        else:
            found |= _listing(texts, run)
            run, bridge, depth = [], 0, 0
    return found | _listing(texts, run)


def _listing(texts: list[str], code_lines: list[int]) -> set[int]:
    """The positions from the first to the last of ``code_lines`` when they make a listing."""
    if len(code_lines) < MIN_CODE_LINES:
        return set()
    span = range(code_lines[0], code_lines[-1] + 1)
    if any(_LEAKED_SCRIPT_RE.search(texts[k]) for k in span):
        return set()
    return set(span)
