"""Is a document English? The spin tables and model are English only."""
from __future__ import annotations

from importlib.util import find_spec

import numpy as np

from scanner.spin.analysis import analyse
from scanner.spin.tables import tables

CACHE_KEY = "spin.english"
MIN_STOP_SHARE = 0.12  # English prose has 40-50 % function words (our list); others a few %
_HAS_DETECTOR = find_spec("scanner.language") is not None


def is_english(doc) -> bool:
    """``doc.language == "en"`` when the project's language detector is installed, else the
    share of English function words among its tokens (memoised in ``doc.cache``)."""
    result = doc.cache.get(CACHE_KEY)
    if result is None:
        language = doc.language if _HAS_DETECTOR else None
        if language:
            result = language == "en"
        else:
            result = stop_word_share(analyse(doc).ids) >= MIN_STOP_SHARE
        doc.cache[CACHE_KEY] = result
    return result


def stop_word_share(ids: np.ndarray) -> float:
    """Share of English function words among all tokens (vocabulary ids, BREAK, SENTENCE)."""
    words = ids[ids >= 0]
    return float(tables().is_stop[words].sum()) / max(len(ids), 1) if len(words) else 0.0
