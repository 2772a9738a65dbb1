"""Tokens, sentences and cue-word lexicons shared by the headline features.

Everything here is plain Python over regexes so one headline/body pair costs well under a
millisecond; the lexicons are hand-written (refutation, hedging and reporting cues as in the
FNC-1 baseline and its successors), the statistics (vocabulary, IDF) are learnt by the trainer.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(r"[a-z0-9]++(?:'[a-z]++)?+")  # lower-cased text; ASCII, possessive: fast
NUMBER_RE = re.compile(r"\d")
CAPITAL_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*[a-z0-9]")
# the sentences the headline models were trained on: unlike Document.sentences, a stop and a
# blank split them without a capital after them
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n+")
STEM = 5  # word stems are prefixes of this many characters
# a wish or a plan governing what follows: "hopes to be cleared on appeal", "would seek to have
# the conviction quashed" (the results' and the reversal checks'); a prospect, "will" too
WISHES = (r"would|could|may|might|should|hopes?|hoping|seeks?|seeking|plans?|planning|intends?"
          r"|aims?|wants?|bid|attempts?|trying|tries|expects?|expected|faces?|facing|likely"
          r"|vow\w*|promis\w*|believes?|confident")
PROSPECTS = rf"will|{WISHES}"

STOP_WORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "let's", "me", "more", "most", "mustn't", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves", "s", "t", "said", "says", "say", "also", "just", "like", "one", "two", "new", "year", "years", "will", "may", "might"]
)

REFUTE_WORDS = frozenset(
    ["fake", "fraud", "hoax", "hoaxes", "false", "falsely", "deny", "denies", "denied", "denial", "denying", "debunk", "debunked", "debunks", "debunking", "bogus", "prank", "pranks", "retract", "retracted", "retraction", "untrue", "misleading", "satire", "satirical", "myth", "baseless", "unfounded", "fabricated", "fabrication", "fictitious", "refute", "refuted", "refutes", "dismissed", "dismisses", "rejects", "rejected", "nonsense", "rumour", "rumours", "rumor", "rumors", "doubt", "doubts", "doubtful", "despite", "nope", "not", "never", "no", "isn't", "wasn't", "didn't", "doesn't", "don't", "aren't", "weren't", "hasn't", "haven't", "won't", "couldn't", "wrong", "incorrect", "photoshopped", "doctored", "staged", "spoof", "parody", "scam"]
)
STRONG_REFUTE_WORDS = frozenset(
    ["fake", "fakes", "hoax", "hoaxes", "false", "falsely", "deny", "denies", "denied", "denial", "debunk", "debunked", "debunks", "bogus", "untrue", "fabricated", "fabrication", "satire", "satirical", "myth", "baseless", "unfounded", "refute", "refuted", "refutes", "prank", "pranks", "doctored", "photoshopped", "spoof", "parody", "scam", "misleading"]
)  # words that contradict a claim outright (not mere negation)
HEDGE_WORDS = frozenset(
    ["reportedly", "allegedly", "alleged", "alleges", "claim", "claims", "claimed", "claiming", "according", "apparently", "purportedly", "purported", "supposedly", "unconfirmed", "unverified", "speculation", "speculated", "speculate", "rumoured", "rumored", "may", "might", "could", "possibly", "possible", "perhaps", "appears", "appear", "appeared", "seems", "seem", "seemed", "suggest", "suggests", "suggested", "suggesting", "believed", "believe", "believes", "thought", "report", "reports", "reported", "reporting", "if", "whether", "unclear", "uncertain", "unknown", "question", "questions", "questioned", "likely", "unlikely", "probably", "suspected", "suspect"]
)
ASSERT_WORDS = frozenset(
    ["confirmed", "confirms", "confirm", "confirming", "indeed", "true", "officially", "official", "announced", "announces", "verified", "proved", "proves", "proven", "revealed", "reveals", "shows", "showed", "evidence", "footage", "video", "photos", "police", "statement", "said"]
)
NEGATION_WORDS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "isn't", "wasn't", "didn't", "doesn't", "don't", "aren't", "weren't", "hasn't", "haven't", "won't", "can't", "couldn't", "cannot"]
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (curly apostrophes folded to straight ones; letters outside
    ASCII split words, which is harmless for the English features here)."""
    return TOKEN_RE.findall(text.lower().replace("’", "'"))


def sentences(text: str) -> list[str]:
    """The text cut into sentences (and lines), blank pieces dropped."""
    return [s for s in SENTENCE_SPLIT_RE.split(text) if s.strip()]


def stem(word: str) -> str:
    """A crude stem of a lower-cased word: plural -ies folded to -y, then its first ``STEM``
    letters ("floods", "flooding" -> "flood"; "evacuations", "evacuated" -> "evacu")."""
    return (word[:-3] + "y" if word.endswith("ies") else word)[:STEM]


def content(words: list[str]) -> list[str]:
    """``words`` without stop words."""
    return [w for w in words if w not in STOP_WORDS]
