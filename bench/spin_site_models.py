"""Which site model: out-of-fold comparison on the train split (prints figures; the held-out
BBC split is not read).

For each candidate site model, the same pipeline as ``scripts/train_spin.py``: site
probabilities out of fold (5 folds grouped by source article), their ROC-AUC on the labelled
sites of the whole articles, then the article classifier on the document features and its
out-of-fold figures by length. Candidates: the logistic regression shipped before, the shipped
pair trees (every path on at most two features, exported as pair tables), the same with 16
leaves, and unconstrained trees (31 leaves), whose scoring would not fit the time budget.

Usage: ``PYTHONPATH=. python bench/spin_site_models.py --moby words.txt [--limit N]`` (about 4 minutes on a
quiet machine with 2 cores for the whole train split; ``--limit`` takes N articles per source).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sklearn.ensemble import HistGradientBoostingClassifier

from scanner.spin.synth import load_thesauri

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from train_spin import (  # noqa: E402 - the trainer's pipeline, from its directory
    CLEAN_WEIGHT,
    COPIES,
    LENGTHS,
    SEED,
    add_moby_argument,
    article_model,
    labels,
    logistic,
    out_of_fold_site_probabilities,
    report_by_length,
    sample_weights,
    site_model,
    site_roc_auc,
    training_data,
)

CANDIDATES = {
    "logistic regression (before)": lambda: logistic(1.0),
    "pair trees, 8 leaves (shipped)": site_model,
    "pair trees, 16 leaves": lambda: site_model(16),
    "unconstrained trees, 31 leaves": lambda: HistGradientBoostingClassifier(
        max_iter=200, random_state=0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per source")
    add_moby_argument(parser)
    args = parser.parse_args()
    load_thesauri({"moby": args.moby})
    data = training_data(COPIES, LENGTHS, SEED, limit=args.limit)
    weight = sample_weights(data, COPIES, CLEAN_WEIGHT)
    for name, make in CANDIDATES.items():
        site_p = out_of_fold_site_probabilities(data, make)
        _, oof = article_model(data, site_p, weight)
        print(f"{name}: site ROC-AUC {site_roc_auc(data, site_p):.3f}; articles out of fold:")
        report_by_length(labels(data), oof, data.words, data.whole)


if __name__ == "__main__":
    main()
