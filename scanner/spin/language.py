"""Is a document English? The spin tables and model are English only."""
from __future__ import annotations

from scanner.spin.tables import STOP_WORDS
from scanner.spin.tokens import tokenize

CACHE_KEY = "spin.english"
MIN_STOP_SHARE = 0.12  # English prose has 40-50 % function words (this list); others a few %


def is_english(doc) -> bool:
    """``doc.language == "en"`` when a language detector is available, else a stop-word test
    (memoised in ``doc.cache``)."""
    result = doc.cache.get(CACHE_KEY)
    if result is None:
        try:
            language = doc.language
        except ImportError:  # no language detector installed in this build
            language = None
        result = doc.cache[CACHE_KEY] = (language == "en" if language
                                         else stop_word_share(doc.text) >= MIN_STOP_SHARE)
    return result


def stop_word_share(text: str) -> float:
    """Share of English function words among the word tokens of ``text``."""
    _, lowered = tokenize(text)
    words = [t for t in lowered if t[:1].isalpha()]
    return sum(map(STOP_WORDS.__contains__, words)) / len(words) if words else 0.0
