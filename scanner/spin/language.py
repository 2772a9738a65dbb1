"""Is a document English? The spin tables and model are English only."""
from __future__ import annotations

import numpy as np

from scanner.listings import prose_text
from scanner.spin.analysis import analyse
from scanner.spin.tables import tables
from scanner.spin.tokens import token_pieces

CACHE_KEY = "spin.english"
MIN_STOP_SHARE = 0.15  # English prose: 40-50 % function words (our list), even team sheets
# and lists of names 25 %; other languages a few %


def is_english(doc) -> bool:
    """``doc.language == "en"`` when the language detector (:mod:`scanner.language`) can tell,
    else the share of English function words among its tokens (memoised in ``doc.cache``)."""
    result = doc.cache.get(CACHE_KEY)
    if result is None:
        language = doc.language
        if language:
            result = language == "en"
        else:
            result = stop_word_share(prose_text(doc), analyse(doc).ids) >= MIN_STOP_SHARE
        doc.cache[CACHE_KEY] = result
    return result


def stop_word_share(text: str, ids: np.ndarray) -> float:
    """Share of English function words among the alphabetic tokens of ``text`` (``ids``: the
    vocabulary ids of its tokens, negative for other tokens)."""
    n_alpha = sum(sum(map(str.isalpha, tokens)) for tokens in token_pieces(text))
    stop = int(tables().is_stop[ids[ids >= 0]].sum())
    return stop / n_alpha if n_alpha else 0.0
