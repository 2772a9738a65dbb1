"""The key words of a headline or a line: what the headline inference and the HTML reader
compare to tell a headline from the body it heads, or from a page's logo."""
from __future__ import annotations

import re

_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    "the and for with that this from have has was were are but not you your our his her its "
    "their they them who what when where how why will would can could should into over after "
    "about more than been also said says new".split()
)


def key_words(text: str) -> set[str]:
    """The lower-cased words of three letters or more of ``text``, common words aside."""
    return set(map(str.lower, _WORD_RE.findall(text))) - _STOP
