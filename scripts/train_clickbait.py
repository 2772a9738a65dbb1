"""Train the clickbait headline classifier and write ``models/clickbait/``.

Usage: PYTHONPATH=. python scripts/train_clickbait.py [--out models/clickbait]

Reads the Chakraborty et al. clickbait / non-clickbait headlines from ../shared, holds out
every headline whose CRC-32 is divisible by 5 (see ``scanner.headline.corpus``), fits a
binary word uni/bigram logistic regression on the rest and writes ``clickbait.skops``
(classifier + vocabulary) and ``weights.npz`` (the same as plain arrays for the scanner).
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.headline import corpus
from scanner.headline.clickbait import MODEL_FILE, WEIGHTS_FILE, ngrams

C = 1.0
MIN_DF = 2


def train(headlines: list[str], labels: list[int]) -> tuple[list[str], object]:
    """(vocabulary, fitted LogisticRegression) on binary n-gram features."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer=ngrams, binary=True, min_df=MIN_DF)
    x = vectorizer.fit_transform(headlines)
    classifier = LogisticRegression(C=C, max_iter=5000).fit(x, labels)
    return vectorizer.get_feature_names_out().tolist(), classifier


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models/clickbait"))
    args = parser.parse_args()
    import skops.io as sio

    train_set, _ = corpus.clickbait_split()
    vocabulary, classifier = train([h for h, _ in train_set], [y for _, y in train_set])
    args.out.mkdir(parents=True, exist_ok=True)
    sio.dump({"vocabulary": np.array(vocabulary), "classifier": classifier}, args.out / MODEL_FILE,
             compression=zipfile.ZIP_DEFLATED)
    np.savez_compressed(args.out / WEIGHTS_FILE, vocabulary=np.array(vocabulary),
                        weights=classifier.coef_[0], bias=classifier.intercept_[0])
    print(f"trained on {len(train_set)} headlines, {len(vocabulary)} n-grams; wrote {args.out}")


if __name__ == "__main__":
    main()
