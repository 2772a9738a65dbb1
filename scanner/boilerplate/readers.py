"""Readers' lines in scraped text: their own voice and their reactions to a post.

A scraper such as trafilatura appends a post's comments to the article without their headers
("Jane says: March 3, 2012 at 4:15 pm", "Reply"): only the bodies are left, and only what they
say tells them from the article's own last paragraphs.
"""
from __future__ import annotations

import re

from scanner.boilerplate.patterns import (
    ASKS_READERS_RE,
    ATTRIBUTION_RE,
    FIRST_PERSON_RE,
    QUOTED_OR_LISTED_RE,
    READER_REACTION_RE,
    REPLY_OPENER_RE,
)

MAX_COMMENT_CHARS = 600  # a longer line is article text, not a reader's comment
MIN_ARTICLE_PROSE = 3  # prose lines of an article above its comments
AT_REPLY_RE = re.compile(r"@\w[\w.-]*[\s,:–—-]")  # "@Gwen it was ...", "@Paul: ..."
# a social post an article quotes: "@HomeBakerSue: Wonky croissants taste better. #WonkyIsFine"
_HASHTAG_RE = re.compile(r"(?:^|\s)#[^\W\d_]\w*")
QUESTION_RE = re.compile(r"\?[?!]*[\"'”’)]*(?:\s|$)")  # a question ends a sentence (not a URL's query)


def in_reader_voice(text: str) -> bool:
    """A line in a reader's own voice: it speaks in the first person (:func:`speaks_personally`)
    or asks something, is not quoted or attributed, not a bullet or an FAQ question, and is no
    longer than a comment. A reply to a reader by handle ("@Gwen it was over ... according to
    the Facebook group") is one whatever it cites: its "@" is no bullet, and no quotation opens
    so; nor is a question put to the other readers ("Does anyone know ...?") an FAQ's."""
    return (len(text) <= MAX_COMMENT_CHARS
            and (speaks_personally(text) or QUESTION_RE.search(text) is not None)
            and (AT_REPLY_RE.match(text) is not None or ASKS_READERS_RE.match(text) is not None
                 or QUOTED_OR_LISTED_RE.search(text.encode()) is None))


def in_reader_voice_or_reacting(text: str) -> bool:
    return in_reader_voice(text) or is_reaction(text)


def speaks_personally(text: str) -> bool:
    """First person, a reply's opening or a reaction to the post."""
    return FIRST_PERSON_RE.search(text.encode()) is not None or replies(text)


def replies(text: str) -> bool:
    """A reply's opening ("Yes, ...", "Thanks!") or a reaction to the post ("Great read!"), not
    a quoted social post."""
    return ((REPLY_OPENER_RE.match(text) is not None or READER_REACTION_RE.match(text) is not None)
            and not quoted_post(text))


def is_reaction(text: str) -> bool:
    """A reader's reaction opening a comment ("Great post!", "Thanks for sharing", "@Paul:"),
    no longer than a comment, not attributed like a quote ("..., one reader wrote") and not a
    social post the article quotes (:func:`quoted_post`)."""
    return (len(text) <= MAX_COMMENT_CHARS and READER_REACTION_RE.match(text) is not None
            and not ATTRIBUTION_RE.search(text) and not quoted_post(text))


def quoted_post(text: str) -> bool:
    """A social post an article quotes: a handle, then words with a hashtag ("@BakeOffFan:
    Queue round the block 😂 #WonkyIsFine"; QA pass 31: two of them opened a comment section).
    A reader's reply by handle on a comment thread carries none."""
    return text.startswith("@") and _HASHTAG_RE.search(text) is not None
