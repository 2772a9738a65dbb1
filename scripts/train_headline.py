"""Train the headline stance model (FNC-1 labels) and write ``models/headline/``.

Usage: PYTHONPATH=. python scripts/train_headline.py [--out models/headline] [--cv]

Reads FNC-1 from ../shared; trains on the claims outside the fixed held-out split (see
``scanner.headline.corpus``), learns the IDF lexicon from those training texts only and LSA
topics from other news (BBC articles outside the held-out split, English WCXB gold texts), fits
StandardScaler + 5 averaged MLPClassifiers (disagree weighted x2) on the hand features of every
pair, twice (full body, and body cut to its first few sentences, so short articles are in
range; ``scanner.headline.training``) and writes
``stance.skops`` (the pipeline), ``stance.npz`` (its arrays for the scanner), ``lexicon.npz``
and ``topics.npz``. Deterministic (fixed seeds). Held-out figures: ``bench/headline_eval.py``.
With ``--cv`` it writes nothing and prints the 4-fold claim cross-validation on the training
claims instead (how design choices are made; the held-out claims stay untouched).
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.headline import corpus
from scanner.headline.model import (
    LEXICON_FILE,
    MODEL_FILE,
    WEIGHTS_FILE,
    StanceModel,
    load_lexicon,
)
from scanner.headline.topics import TOPICS_FILE
from scanner.headline.training import UNRELATED_SHARE, claim_cv, fnc_score, train


def cross_validate() -> None:
    """Print the claim cross-validation figures of the current training code."""
    from sklearn.metrics import f1_score

    bodies, pairs = corpus.fnc_bodies(), corpus.fnc_pairs()
    scores = []
    for fold, (gold, probabilities) in enumerate(
            claim_cv(pairs, bodies, load_lexicon().topics, UNRELATED_SHARE), 1):
        predicted = probabilities.argmax(1)
        scores.append((100 * fnc_score(gold, predicted),
                       np.mean((gold == 3) == (predicted == 3)),
                       f1_score(gold, predicted, labels=[1], average=None)[0]))
        print(f"fold {fold}: {len(gold)} pairs, FNC-1 score {scores[-1][0]:.2f}%, related/"
              f"unrelated accuracy {scores[-1][1]:.4f}, disagree F1 {scores[-1][2]:.3f}",
              flush=True)
    mean = np.mean(scores, axis=0)
    print(f"mean: FNC-1 score {mean[0]:.2f}%, related/unrelated accuracy {mean[1]:.4f}, "
          f"disagree F1 {mean[2]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models/headline"))
    parser.add_argument("--cv", action="store_true",
                        help="print the claim cross-validation on the training claims only")
    args = parser.parse_args()
    if args.cv:
        cross_validate()
        return
    import skops.io as sio

    bodies, pairs = corpus.fnc_bodies(), corpus.fnc_pairs()
    train_pairs, _ = corpus.split_pairs(pairs, corpus.heldout_claims(pairs))
    print(f"training on {len(train_pairs)} pairs", flush=True)
    pipeline, lexicon = train(train_pairs, bodies)
    args.out.mkdir(parents=True, exist_ok=True)
    sio.dump(pipeline, args.out / MODEL_FILE, compression=zipfile.ZIP_DEFLATED)
    np.savez(args.out / WEIGHTS_FILE, **StanceModel.export(pipeline))
    np.savez_compressed(args.out / LEXICON_FILE, **lexicon.arrays())
    np.savez_compressed(args.out / TOPICS_FILE, **lexicon.topics.arrays())
    print(f"wrote {args.out}; measure it with: PYTHONPATH=. python bench/headline_eval.py")


if __name__ == "__main__":
    main()
