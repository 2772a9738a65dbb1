"""Calibrate the readability rules on the BBC training split (never the held-out split).

Prints textstat's Flesch reading ease / Flesch-Kincaid grade percentiles on clean news (where
the RDB001-003 thresholds sit), fits the cheap estimate of :mod:`scanner.checks.readability`
(C-level character counts) to textstat's figures, and prints the estimate's error percentiles
(the margins the rules use before asking textstat). Then reports, on the held-out split, how
often textstat had to be called and how many articles were flagged.

    PYTHONPATH=. python bench/readability_calibration.py
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import textstat

from scanner.checks import readability
from scanner.document import Document

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "bbc.jsonl.gz"


def main() -> None:
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    held_out = [a for a in articles if int(a["id"].rsplit("-", 1)[1]) % 5 == 0]
    train = [a for a in articles if int(a["id"].rsplit("-", 1)[1]) % 5]
    truth = np.array([(textstat.flesch_reading_ease(a["text"]),
                       textstat.flesch_kincaid_grade(a["text"]),
                       textstat.words_per_sentence(a["text"]),
                       textstat.avg_syllables_per_word(a["text"])) for a in train])
    percentiles = [0, 0.5, 1, 50, 99, 99.5, 100]
    for i, name in enumerate(["reading ease", "grade", "words/sentence", "syllables/word"]):
        print(f"{name:15} p{percentiles}: {np.percentile(truth[:, i], percentiles).round(2)}")

    features = np.array([readability.cheap_features(a["text"]) for a in train])
    syllables = np.c_[np.ones(len(train)), features[:, 1:]]  # characters per word
    sentences = np.c_[np.ones(len(train)), features[:, :1]]
    syl_coef = np.linalg.lstsq(syllables, truth[:, 3], rcond=None)[0]
    len_coef = np.linalg.lstsq(sentences, truth[:, 2], rcond=None)[0]
    print("SYLLABLE_COEF =", tuple(syl_coef.round(4).tolist()),
          " LENGTH_COEF =", tuple(len_coef.round(4).tolist()))
    estimates = np.array([readability.estimate(a["text"]) for a in train])
    for i, name in enumerate(["reading ease", "grade"]):
        error = estimates[:, i] - truth[:, i]
        print(f"estimate error {name}: {np.percentile(error, [0, 0.1, 1, 99, 99.9, 100]).round(2)}"
              "  (margins: a rule flagging low values needs the 99.9th, one flagging high "
              "values the 0.1st)")

    rules = [cls() for cls in readability.RULES]
    exact = flagged = 0
    for article in held_out:
        doc = Document(article["text"], title=article["title"])
        flagged += any(True for rule in rules for _ in rule.check(doc))
        exact += readability.FIGURES_KEY in doc.cache
    print(f"held-out: {len(held_out)} articles, textstat called on {exact}, flagged {flagged}")


if __name__ == "__main__":
    main()
