"""Train the spin models (``models/spin/classifier.skops``): site model, then article classifier.

Data: the ``train`` split of the clean corpora (scanner.spin.corpora; never the held-out BBC
split) and, for each article, spun copies made by our own spinner in WordNet-based styles
(scanner.spin.synth.TRAIN_SOURCES) at 5-40 % substitution, with and without sense errors.

1. Site model: every tested site (scanner.spin.analysis) of those articles, labelled by
   whether the spinner replaced that word.
2. Article classifier: document features (scanner.spin.features) including the site
   probabilities, labelled clean/spun; C chosen by 5-fold CV grouped by source article.

The held-out spinners (MyThes, PPS word swaps) and the held-out BBC split are used only by
bench/spin_eval.py. Usage::

    PYTHONPATH=. python scripts/train_spin.py [--copies 3] [--clean-weight 4]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from scanner.spin.analysis import analyse_text
from scanner.spin.features import document_features
from scanner.spin.model import WEIGHTS_FILE, SpinModel, fold
from scanner.spin.synth import TRAIN_SOURCES, labelled
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


def logistic(C: float = 1.0) -> Pipeline:
    return Pipeline([("scale", StandardScaler()),
                     ("logistic", LogisticRegression(C=C, max_iter=3000))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--clean-weight", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="models/spin/classifier.skops")
    args = parser.parse_args()
    samples = list(labelled("train", TRAIN_SOURCES, copies=args.copies, seed=args.seed))
    analyses = [analyse_text(s.text) for s in samples]

    site_x = np.concatenate([a.site_x for a in analyses])
    site_y = np.concatenate([site_labels(s.text, a.sites, s.replacements)
                             for s, a in zip(samples, analyses)])
    site_model = logistic().fit(site_x, site_y)
    print(f"site model: {len(site_y)} sites, {site_y.mean():.3f} swapped")

    site_w, site_b = fold(site_model)
    X = np.array([document_features(a, 1 / (1 + np.exp(-(a.site_x @ site_w + site_b))))
                  for a in analyses])
    y = np.array([s.spun for s in samples], dtype=int)
    groups = np.array([s.id for s in samples])
    # spun copies share one unit of weight per article; clean articles weigh --clean-weight,
    # i.e. the model is calibrated for a base rate of 1 / (1 + clean_weight) spun articles
    weight = np.where(y == 1, 1.0 / args.copies, args.clean_weight)
    search = GridSearchCV(logistic(), {"logistic__C": [0.01, 0.1, 1.0, 10.0]},
                          scoring="roc_auc", cv=GroupKFold(5), n_jobs=1)
    search.fit(X, y, groups=groups, logistic__sample_weight=weight)
    print(f"article model: {len(y)} articles; C={search.best_params_['logistic__C']}; "
          f"grouped 5-fold ROC-AUC {search.best_score_:.4f} (train split, model selection only)")
    pipelines = {"site": site_model, "document": search.best_estimator_}
    sio.dump(pipelines, args.out)
    weights = Path(args.out).with_name(WEIGHTS_FILE)
    SpinModel.from_pipelines(pipelines).save(weights)
    print(f"saved {args.out} and {weights}")


if __name__ == "__main__":
    main()
