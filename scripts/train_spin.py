"""Train the spin models (``models/spin/classifier.skops``): site model, then article classifier.

Data: the ``train`` split of the clean corpora (scanner.spin.corpora; never the held-out BBC
split) and, for each article, spun copies made by our own spinner in WordNet-based and Moby
styles (scanner.spin.synth.TRAIN_SOURCES) at 5-40 % substitution, with and without sense
errors.

1. Site model: every tested site (scanner.spin.analysis) of the whole articles, labelled by
   whether the spinner replaced that word; gradient-boosted trees whose paths split on at most
   two features (stored for the scanner as one table per feature pair,
   scanner.spin.pairwise).
2. Article classifier: document features (scanner.spin.features) including the site
   probabilities (out of fold: from site models that never saw the text's article, so that
   they are as confident as on unseen text), labelled clean/spun, on the whole articles and on ``--lengths`` truncations
   of each (first N words, N log-uniform in 50-600; the clean article and its spun copies cut
   at the same point), so that the score is calibrated on short texts too; C chosen by 5-fold
   CV grouped by source article, whose out-of-fold figures by length are printed.

The held-out spinners (MyThes, PPS word swaps, Aiksaurus) and the held-out BBC and WCXB texts
are used only by bench/spin_eval.py. Usage::

    PYTHONPATH=. python scripts/train_spin.py --moby words.txt [--copies 3] [--lengths 3] [--clean-weight 4]
"""
from __future__ import annotations

import argparse
import itertools
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import skops.io as sio
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from scanner.engine import BATCH
from scanner.spin.analysis import SITE_FEATURES, analyse_texts
from scanner.spin.features import document_features
from scanner.spin.model import WEIGHTS_FILE, SpinModel
from scanner.spin.synth import (
    TRAIN_SOURCES,
    Sample,
    grouped,
    labelled,
    load_thesauri,
    truncated,
    word_count,
)
from scanner.spin.tokens import token_spans


def site_labels(text: str, sites: np.ndarray, replacements) -> np.ndarray:
    """Whether each site's token is one the spinner put in."""
    if not replacements:
        return np.zeros(len(sites), dtype=bool)
    spans = token_spans(text)
    starts = np.array([r[0] for r in replacements])
    ends = np.array([r[1] for r in replacements])
    token_starts = np.array([spans[k][0] for k in sites], dtype=np.int64)
    pos = np.searchsorted(starts, token_starts, side="right") - 1
    return (pos >= 0) & (token_starts < ends[np.maximum(pos, 0)])


SHORTEST, LONGEST = 50, 600  # range of truncation lengths (words)
LENGTH_BUCKETS = (100, 200, 400)  # upper ends of the length buckets of the out-of-fold report
SHORT_WORDS = 400  # texts under this length may get their own clean weight
# the shipped model's settings (the command's defaults; bench/spin_site_models.py uses them too)
COPIES = 3  # spun copies per article
LENGTHS = 3  # truncated versions per article
CLEAN_WEIGHT = 4.0  # a clean text's weight against its spun copies' one: 20 % spun
SEED = 1


def with_truncations(groups: list[list[Sample]], lengths: int,
                     rng: random.Random) -> list[tuple[list[Sample], bool]]:
    """Every group (a clean article and its spun copies) whole, and ``lengths`` truncations of
    it at lengths log-uniform in SHORTEST-LONGEST words (those not shorter than the article
    are skipped); ``(group, is whole)``."""
    out = []
    for group in groups:
        out.append((group, True))
        words = word_count(group[0].text)
        for _ in range(lengths):
            cut = round(math.exp(rng.uniform(math.log(SHORTEST), math.log(LONGEST))))
            if cut < words:
                out.append((truncated(group, cut), False))
    return out


def report_by_length(y: np.ndarray, p: np.ndarray, words: np.ndarray, whole: np.ndarray) -> None:
    """Out-of-fold share of clean texts flagged and of spun ones caught at 0.5, by length."""
    edges = (SHORTEST, *LENGTH_BUCKETS, LONGEST)
    bucket = np.where(whole, len(edges) - 1, np.digitize(words, LENGTH_BUCKETS))
    names = [f"truncated to {a}-{b} words" for a, b in zip(edges, edges[1:])]
    for b, name in enumerate([*names, "whole articles"]):
        mask = bucket == b
        clean, spun = p[mask & (y == 0)], p[mask & (y == 1)]
        print(f"  {name}: {len(clean)} clean, flagged {(clean >= 0.5).mean():.1%}; "
              f"spun caught {(spun >= 0.5).mean():.1%}; ROC-AUC "
              f"{roc_auc_score(y[mask], p[mask]):.3f}")


def site_model(leaves: int = 8) -> HistGradientBoostingClassifier:
    """Boosted trees over the site features, every path splitting on at most two of them."""
    pairs = [list(p) for p in itertools.combinations(range(len(SITE_FEATURES)), 2)]
    return HistGradientBoostingClassifier(max_iter=300, max_leaf_nodes=leaves, learning_rate=0.1,
                                          interaction_cst=pairs, random_state=0)


@dataclass
class TrainingData:
    """The training texts (whole articles and truncations, clean and spun) analysed, and the
    sites of the whole articles labelled for the site model."""

    samples: list[Sample]
    whole: np.ndarray  # whether each sample is a whole article
    words: np.ndarray  # length of each sample's whole article, in words
    analyses: list
    site_x: np.ndarray
    site_y: np.ndarray
    site_articles: np.ndarray  # source article of each site


def training_data(copies: int, lengths: int, seed: int, limit: int | None = None) -> TrainingData:
    """Spin ``copies`` copies of each train-split article (``limit`` articles per source when
    given), add ``lengths`` truncations of each group, and analyse everything."""
    groups = list(grouped(labelled("train", TRAIN_SOURCES, copies=copies, seed=seed,
                                   limit=limit)))
    versions = with_truncations(groups, lengths, random.Random(seed))
    samples = [s for group, _ in versions for s in group]
    whole = np.array([is_whole for group, is_whole in versions for _ in group])
    words = np.array([word_count(group[0].text) for group, _ in versions for _ in group])
    analyses = [a for k in range(0, len(samples), BATCH)  # in the engine's batches
                for a in analyse_texts([s.text for s in samples[k:k + BATCH]])]
    whole_ones = [(s, a) for s, a, w in zip(samples, analyses, whole) if w]
    return TrainingData(
        samples, whole, words, analyses,
        site_x=np.concatenate([a.site_x for _, a in whole_ones]),
        site_y=np.concatenate([site_labels(s.text, a.sites, s.replacements)
                               for s, a in whole_ones]),
        site_articles=np.concatenate([[s.id] * len(a.sites) for s, a in whole_ones]))


def out_of_fold_site_probabilities(data: TrainingData, make=site_model,
                                   folds: int = 5) -> list[np.ndarray]:
    """Each analysis's site probabilities from a site model (made by ``make``) fitted
    without its article."""
    articles = [s.id for s in data.samples]
    fold_of = {a: k % folds for k, a in enumerate(sorted(set(articles)))}
    site_fold = np.array([fold_of[a] for a in data.site_articles])
    models = [make().fit(data.site_x[site_fold != k], data.site_y[site_fold != k])
              for k in range(folds)]
    return [models[fold_of[article]].predict_proba(a.site_x)[:, 1] if len(a.sites)
            else np.zeros(0) for a, article in zip(data.analyses, articles)]


def site_roc_auc(data: TrainingData, site_p: list[np.ndarray]) -> float:
    """ROC-AUC of out-of-fold site probabilities on the labelled sites of the whole articles."""
    return roc_auc_score(data.site_y, np.concatenate(
        [p for p, w in zip(site_p, data.whole) if w]))


def article_model(data: TrainingData, site_p: list[np.ndarray],
                  weight: np.ndarray) -> tuple[GridSearchCV, np.ndarray]:
    """The article classifier (C chosen by 5-fold CV grouped by source article) and its
    out-of-fold probabilities, from the document features with ``site_p``."""
    X = np.array([document_features(a, p) for a, p in zip(data.analyses, site_p)])
    y = labels(data)
    groups_of = np.array([s.id for s in data.samples])
    search = GridSearchCV(logistic(), {"logistic__C": [0.01, 0.1, 1.0, 10.0]},
                          scoring="roc_auc", cv=GroupKFold(5), n_jobs=1)
    search.fit(X, y, groups=groups_of, logistic__sample_weight=weight)
    oof = cross_val_predict(search.best_estimator_, X, y, groups=groups_of, cv=GroupKFold(5),
                            params={"logistic__sample_weight": weight},
                            method="predict_proba")[:, 1]
    return search, oof


def labels(data: TrainingData) -> np.ndarray:
    return np.array([s.spun for s in data.samples], dtype=int)


def sample_weights(data: TrainingData, copies: int, clean_weight: float,
                   short_clean_weight: float | None = None) -> np.ndarray:
    """In every version, spun copies share one unit of weight per article; clean articles
    weigh ``clean_weight``, i.e. the model is calibrated for a base rate of
    1 / (1 + clean_weight) spun texts at every length (``short_clean_weight`` for clean texts
    under SHORT_WORDS words, when given)."""
    short = clean_weight if short_clean_weight is None else short_clean_weight
    return np.where(labels(data) == 1, 1.0 / copies,
                    np.where(data.words < SHORT_WORDS, short, clean_weight))


def add_moby_argument(parser: argparse.ArgumentParser) -> None:
    """``--moby``: Moby's ``words.txt``, which the training spinner needs (``load_thesauri``)."""
    parser.add_argument("--moby", type=Path, required=True,
                        help="words.txt of Moby Thesaurus II (`npm pack moby`): the broad "
                             "training spinner")


def logistic(C: float = 1.0) -> Pipeline:
    return Pipeline([("scale", StandardScaler()),
                     ("logistic", LogisticRegression(C=C, max_iter=3000))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=COPIES)
    parser.add_argument("--lengths", type=int, default=LENGTHS,
                        help="truncated versions per article for the article classifier")
    parser.add_argument("--clean-weight", type=float, default=CLEAN_WEIGHT)
    parser.add_argument("--short-clean-weight", type=float, default=None,
                        help=f"weight of clean texts under {SHORT_WORDS} words (default: "
                             "--clean-weight)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", default="models/spin/classifier.skops")
    add_moby_argument(parser)
    args = parser.parse_args()
    load_thesauri({"moby": args.moby})
    data = training_data(args.copies, args.lengths, args.seed)
    sites = site_model().fit(data.site_x, data.site_y)
    site_p = out_of_fold_site_probabilities(data)
    print(f"site model: {len(data.site_y)} sites, {data.site_y.mean():.3f} swapped; "
          f"out-of-fold ROC-AUC {site_roc_auc(data, site_p):.3f}")
    weight = sample_weights(data, args.copies, args.clean_weight, args.short_clean_weight)
    search, oof = article_model(data, site_p, weight)
    print(f"article model: {len(data.samples)} texts ({data.whole.sum()} whole); "
          f"C={search.best_params_['logistic__C']}; grouped 5-fold ROC-AUC "
          f"{search.best_score_:.4f} (train split, model selection only); out of fold:")
    report_by_length(labels(data), oof, data.words, data.whole)
    estimators = {"site": sites, "document": search.best_estimator_}
    sio.dump(estimators, args.out)
    weights = Path(args.out).with_name(WEIGHTS_FILE)
    SpinModel.from_estimators(estimators).save(weights)
    print(f"saved {args.out} and {weights}")


if __name__ == "__main__":
    main()
