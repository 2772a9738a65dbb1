"""Train the headline stance model (FNC-1 labels) and write ``models/headline/``.

Usage: PYTHONPATH=. python scripts/train_headline.py [--out models/headline]

Reads FNC-1 from ../shared; trains on the claims outside the fixed held-out split (see
``scanner.headline.corpus``), learns the IDF lexicon from those training texts only and LSA
topics from other news (BBC articles outside the held-out split, English WCXB gold texts), fits
StandardScaler + 5 averaged MLPClassifiers (disagree weighted x2) on the hand features of every
pair, twice (full body, and body cut to its first few sentences, so short articles are in
range; ``scanner.headline.training``) and writes
``stance.skops`` (the pipeline), ``stance.npz`` (its arrays for the scanner), ``lexicon.npz``
and ``topics.npz``. Deterministic (fixed seeds). Held-out figures: ``bench/headline_eval.py``.
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.headline import corpus
from scanner.headline.model import LEXICON_FILE, MODEL_FILE, WEIGHTS_FILE, StanceModel
from scanner.headline.topics import TOPICS_FILE
from scanner.headline.training import train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models/headline"))
    args = parser.parse_args()
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
