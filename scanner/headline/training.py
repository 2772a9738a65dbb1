"""Training-time helpers shared by ``scripts/train_headline.py`` and ``bench/headline_eval.py``:
the lexicon learnt from training text, feature matrices, the stance pipeline and its training,
and the official FNC-1 score."""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from scanner.headline import text as T
from scanner.headline.corpus import LABELS, Pair
from scanner.headline.features import Body, Lexicon, pair_features
from scanner.headline.topics import Topics, fit_topics

MIN_DF = 2
SHORT_BODY_CHARS = 600  # augmentation: every training pair again with its body cut to this
HIDDEN = (30,)
ALPHA = 0.1
EPOCHS = 60
SEEDS = 5  # networks averaged (soft vote): steadier than one
CLASS_WEIGHT = {0: 1.0, 1: 2.0, 2: 1.0, 3: 1.0}  # disagree is rare (1.7 %) and hard
UNRELATED_SHARE = 0.7313  # the FNC-1 training mix: test splits are topped up to it


def make_pipeline():
    """The untrained StandardScaler + soft-voting ensemble of MLPClassifiers."""
    from sklearn.ensemble import VotingClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    networks = [(f"mlp{seed}", MLPClassifier(HIDDEN, alpha=ALPHA, batch_size=256,
                                             max_iter=EPOCHS, random_state=seed))
                for seed in range(SEEDS)]
    return Pipeline([("scale", StandardScaler()),
                     ("vote", VotingClassifier(networks, voting="soft"))])


def news_topics() -> Topics:
    """LSA topics fitted on other news: the BBC articles outside the held-out split and the
    English WCXB gold texts."""
    from scanner.headline.corpus import bbc_titles
    from scanner.spin.corpora import wcxb_texts

    news = [text for _, _, text in bbc_titles(heldout=False)]
    return fit_topics(news + [text for _, text in wcxb_texts()])


def train(pairs: list[Pair], bodies: dict[int, str], topics: Topics | None = None):
    """(pipeline, lexicon) fitted on ``pairs``, each pair twice (full body and body cut short);
    ``topics`` default to :func:`news_topics`."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    lexicon = build_lexicon(pairs, bodies, topics or news_topics())
    x = np.vstack([feature_matrix(pairs, bodies, lexicon),
                   feature_matrix(pairs, short_bodies(bodies), lexicon)])
    y = np.concatenate([labels(pairs), labels(pairs)])
    pipeline = make_pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipeline.fit(x, y, vote__sample_weight=np.array([CLASS_WEIGHT[k] for k in y]))
    return pipeline, lexicon


def build_lexicon(pairs: list[Pair], bodies: dict[int, str], topics: Topics) -> Lexicon:
    """IDF of every word in at least ``MIN_DF`` training texts (bodies and distinct headlines),
    with ``topics`` fitted on other articles, so that training and unseen pairs are alike
    out-of-sample for the topics (fitted on the FNC-1 bodies themselves, the topics would
    memorise the training claims and the model would over-trust them)."""
    texts = [bodies[b] for b in sorted({p.body_id for p in pairs})]
    texts += sorted({p.headline for p in pairs})
    df = Counter(w for t in texts for w in set(T.tokens(t)))
    n = len(texts)
    idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items() if c >= MIN_DF}
    return Lexicon(idf, math.log((n + 1) / (MIN_DF - 1 + 1)) + 1, topics)


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


def claim_cv_splits(pairs: list[Pair], unrelated_share: float):
    """``(train, test)`` for each training fold of the claim split: folds 1-4 of
    :func:`~scanner.headline.corpus.claim_folds` (fold 0, the held-out split, is never
    touched), each tested against the other three, topped up with unrelated pairs to
    ``unrelated_share``. For model selection."""
    from scanner.headline import corpus

    folds = corpus.claim_folds(pairs)
    training, _ = corpus.split_pairs(pairs, {c for c, f in folds.items() if f == 0})
    for k in range(1, max(folds.values()) + 1):
        fit_pairs, test = corpus.split_pairs(training, {c for c, f in folds.items() if f == k})
        yield fit_pairs, corpus.with_unrelated(test, unrelated_share)


def claim_cv(pairs: list[Pair], bodies: dict[int, str], topics: Topics, unrelated_share: float,
             fit=train):
    """Out-of-fold ``(gold, probabilities)`` of the model ``fit`` trains, for each split of
    :func:`claim_cv_splits`."""
    for fit_pairs, test in claim_cv_splits(pairs, unrelated_share):
        pipeline, lexicon = fit(fit_pairs, bodies, topics)
        yield labels(test), pipeline.predict_proba(feature_matrix(test, bodies, lexicon))
