"""Training-time helpers shared by ``scripts/train_headline.py`` and ``bench/headline_eval.py``:
the lexicon learnt from training text, feature matrices, and the official FNC-1 score."""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from scanner.headline import text as T
from scanner.headline.corpus import LABELS, Pair
from scanner.headline.features import Body, Lexicon, pair_features
from scanner.headline.topics import fit_topics

MIN_DF = 2
SHORT_BODY_CHARS = 600  # augmentation: every training pair again with its body cut to this


def build_lexicon(pairs: list[Pair], bodies: dict[int, str], news: list[str]) -> Lexicon:
    """IDF of every word in at least ``MIN_DF`` training texts (bodies and distinct headlines),
    and LSA topics fitted on ``news``: other articles, so that training and unseen pairs are
    alike out-of-sample for the topics (fitted on the FNC-1 bodies themselves, the topics
    would memorise the training claims and the model would over-trust them)."""
    texts = [bodies[b] for b in sorted({p.body_id for p in pairs})]
    texts += sorted({p.headline for p in pairs})
    df = Counter(w for t in texts for w in set(T.tokens(t)))
    n = len(texts)
    idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items() if c >= MIN_DF}
    return Lexicon(idf, math.log((n + 1) / (MIN_DF - 1 + 1)) + 1, fit_topics(news))


def feature_matrix(pairs: list[Pair], bodies: dict[int, str], lexicon: Lexicon) -> np.ndarray:
    """Hand features of every pair (each body analysed once)."""
    analysed: dict[int, Body] = {}
    rows = []
    for p in pairs:
        body = analysed.get(p.body_id)
        if body is None:
            body = analysed[p.body_id] = Body(bodies[p.body_id], lexicon)
        rows.append(pair_features(p.headline, body, lexicon))
    return np.array(rows)


def short_bodies(bodies: dict[int, str]) -> dict[int, str]:
    """Every body cut after the last sentence end within ``SHORT_BODY_CHARS`` (augmentation:
    scraped articles and stubs are often much shorter than FNC-1 bodies)."""
    cut = {}
    for key, text in bodies.items():
        head = text[:SHORT_BODY_CHARS]
        end = max(head.rfind(". "), head.rfind(".\n"))
        cut[key] = head[:end + 1] if end > 0 else head
    return cut


def labels(pairs: list[Pair]) -> np.ndarray:
    """Label indices (0 agree, 1 disagree, 2 discuss, 3 unrelated)."""
    return np.array([LABELS.index(p.stance) for p in pairs])


def fnc_score(gold: np.ndarray, predicted: np.ndarray) -> float:
    """The official FNC-1 weighted score relative to its maximum (0..1).

    +0.25 for a correct related/unrelated decision, +0.75 more for the right label among the
    related ones; the maximum gives 0.25 per unrelated and 1.0 per related pair.
    """
    unrelated = LABELS.index("unrelated")
    gold_rel, pred_rel = gold != unrelated, predicted != unrelated
    score = 0.25 * np.sum(gold_rel == pred_rel) + 0.75 * np.sum(gold_rel & (gold == predicted))
    best = 0.25 * np.sum(~gold_rel) + np.sum(gold_rel)
    return float(score / best)
