"""Cross-article analysis on real and synthetic copies (prints figures; not a test).

Negatives: the held-out BBC articles plus every FNC-1 body (FNC-1 holds many independent
write-ups of one story by different outlets: they should cluster, but not be flagged).
Positives: BBC articles of the ``train`` split, each with a copy spun by the project's
spinner (WordNet synonyms, random senses) at 10 %, 20 % and 30 % of content words. Reported:
clusters found, spun copies clustered with their original, spun copies flagged (SPN100), and
originals/clean copies flagged (false positives).

    python bench/crossdoc_eval.py [--articles 150] [--seed 5] [--source wordnet|mythes]

The thresholds (MIN_RATE, MIN_SINGLE_SWAPS) were set looking at ``--seed 5 --source wordnet``
(before shuffling); other seeds and the MyThes spinner are the fairer check.
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from scanner.crossdoc import analyze_cluster
from scanner.crossdoc.lsh import Sketches
from scanner.document import Document
from scanner.spin import spin_probability
from scanner.spin.corpora import bbc_articles, fnc_bodies
from scanner.spin.synth import SpinStyle, spinner

RATES = (0.1, 0.2, 0.3)


def corpus(articles: int, seed: int, source: str = "wordnet"
           ) -> tuple[list[Document], dict[str, tuple[str, float]]]:
    """Documents, and for each spun copy ``(original id, rate)``."""
    docs = [Document(t, id=i) for i, t in bbc_articles("heldout")]
    docs += [Document(t, id=i) for split in ("counts", "train") for i, t in fnc_bodies(split)]
    rng = random.Random(seed)
    spun: dict[str, tuple[str, float]] = {}
    originals = list(bbc_articles("train"))
    rng.shuffle(originals)
    for k, (i, text) in enumerate(originals[:articles]):
        docs.append(Document(text, id=i))
        rate = RATES[k % len(RATES)]
        copy, _ = spinner().spin(text, SpinStyle(source=source, rate=rate), rng)
        spun[f"{i}~spun{rate}"] = (i, rate)
        docs.append(Document(copy, id=f"{i}~spun{rate}"))
    return docs, spun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--source", default="wordnet", choices=("wordnet", "mythes"),
                        help="the spinner's thesaurus")
    args = parser.parse_args()
    docs, spun = corpus(args.articles, args.seed, args.source)
    by_id = {d.id: d for d in docs}
    started = time.perf_counter()
    sketches = Sketches()
    for doc in docs:
        sketches.add(doc.id, doc.text)
    clusters = sketches.clusters()
    sketched = time.perf_counter() - started
    cluster_of = {i: k for k, ids in enumerate(clusters) for i in ids}
    flagged: set[str] = set()
    started = time.perf_counter()
    for ids in clusters:
        members = [by_id[i] for i in ids]
        _, found = analyze_cluster(members, [spin_probability(d) for d in members])
        flagged |= {ids[k] for k in found}
    analysed = time.perf_counter() - started
    together = Counter()
    caught = Counter()
    for copy, (original, rate) in spun.items():
        together[rate] += copy in cluster_of and cluster_of.get(original) == cluster_of[copy]
        caught[rate] += copy in flagged
    per_rate = Counter(rate for _, rate in spun.values())
    clean = [d.id for d in docs if d.id not in spun]
    false = [i for i in clean if i in flagged]
    print(f"documents {len(docs)} ({len(spun)} spun copies), clusters {len(clusters)} "
          f"({sum(map(len, clusters))} documents); sketch+cluster {sketched:.1f} s, "
          f"analysis {analysed:.1f} s")
    for rate in RATES:
        print(f"spun at {rate:.0%}: clustered with original {together[rate]}/{per_rate[rate]}, "
              f"flagged SPN100 {caught[rate]}/{per_rate[rate]}")
    print(f"clean documents flagged SPN100: {len(false)}/{len(clean)} "
          f"({100 * len(false) / len(clean):.2f} %) {false[:10]}")


if __name__ == "__main__":
    main()
