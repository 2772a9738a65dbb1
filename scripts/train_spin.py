"""Train the spin article classifier (``models/spin/classifier.skops``).

Data: the ``train`` split of the clean corpora (scanner.spin.corpora; never the held-out BBC
split) and, for each article, spun copies made by our own spinner in WordNet-based styles
(scanner.spin.synth.TRAIN_SOURCES) at 5-40 % substitution, with and without sense errors.
The held-out spinners (MyThes, PPS word swaps) are used only by bench/spin_eval.py. Usage::

    PYTHONPATH=. python scripts/train_spin.py [--copies 2] [--out models/spin/classifier.skops]
"""
from __future__ import annotations

import argparse

import numpy as np
import skops.io as sio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from scanner.spin.analysis import analyse_text
from scanner.spin.features import document_features
from scanner.spin.synth import TRAIN_SOURCES, labelled


def dataset(split: str, sources: tuple[str, ...], copies: int, seed: int):
    """``(X, y, groups, samples)`` for the labelled articles of ``split``."""
    samples = list(labelled(split, sources, copies=copies, seed=seed))
    X = np.array([document_features(analyse_text(s.text)) for s in samples])
    y = np.array([s.spun for s in samples], dtype=int)
    groups = np.array([s.id for s in samples])
    return X, y, groups, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="models/spin/classifier.skops")
    args = parser.parse_args()
    X, y, groups, _ = dataset("train", TRAIN_SOURCES, args.copies, args.seed)
    # clean and spun copies weigh the same in total
    weight = np.where(y == 1, 1.0 / args.copies, 1.0)
    pipeline = Pipeline([("scale", StandardScaler()),
                         ("logistic", LogisticRegression(max_iter=2000))])
    search = GridSearchCV(pipeline, {"logistic__C": [0.01, 0.1, 1.0, 10.0]}, scoring="roc_auc",
                          cv=GroupKFold(5), n_jobs=1)
    search.fit(X, y, groups=groups, logistic__sample_weight=weight)
    model = search.best_estimator_
    print(f"{len(y)} samples; C={search.best_params_['logistic__C']}; "
          f"grouped 5-fold ROC-AUC {search.best_score_:.4f} (train split, for model selection)")
    sio.dump(model, args.out)
    print(f"saved {args.out}; in-sample ROC-AUC {roc_auc_score(y, model.predict_proba(X)[:, 1]):.4f}")


if __name__ == "__main__":
    main()
