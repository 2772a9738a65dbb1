"""Train the boilerplate line model from the WCXB line labels.

    PYTHONPATH=. python scripts/train_boilerplate.py [--shared ../shared] [--out models/boilerplate]

Data: ``data/boilerplate/wcxb_lines_fullpage.jsonl.gz`` (whole visible page text, line by line)
and ``wcxb_lines_extracted.jsonl.gz`` (what trafilatura keeps). Only the WCXB *dev* pages are
used for fitting; the WCXB *test* pages stay held out for ``bench/boilerplate_eval.py``.
Writes ``line_model.skops`` (the estimators) and ``line_model.npz`` (the same parameters as plain
arrays, what the scanner loads). Stage-1 scores for stage 2 are out-of-fold (5 folds grouped by page), so stage 2 learns from
scores like those it will see on unseen pages.

Choosing variants without the held-out pages: ``--exclude-fold K --out DIR`` fits on the dev
pages outside dev fold K (:func:`dev_fold`), and ``bench/boilerplate_eval.py --split dev --fold K
--model DIR/line_model.npz`` scores the rules on that fold's pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import skops.io as sio
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from scanner.boilerplate.features import DENSE_NAMES, line_features, tokens
from scanner.boilerplate.model import (
    bin_codes,
    export_trees,
    from_bundle,
    save_arrays,
    stage2_inputs,
)
from scanner.boilerplate.patterns import line_cues

REGIMES = ("fullpage", "extracted")
MIN_DF = 20
C_STAGE1 = 0.3
C_STAGE2 = 1.0
N_BINS = 8
TREE_DEPTH = 3
N_TREES = 0  # boosted trees over the linear scores: no gain on held-out pages, so off


def dev_fold(page_id: str, n_folds: int = 5) -> int:
    """The dev fold of a WCXB page ("wcxb-dev/0042" -> 42 mod ``n_folds``)."""
    return int(page_id.rsplit("/", 1)[1]) % n_folds


def load_pages(shared: Path, regime: str, split: str) -> list[dict]:
    """Pages of one regime and WCXB split ('dev' or 'test') as lists of labelled lines."""
    pages: dict[str, list[dict]] = defaultdict(list)
    path = shared / "data" / "boilerplate" / f"wcxb_lines_{regime}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            row = json.loads(raw)
            if row["page_id"].startswith(f"wcxb-{split}/") and row["text"].strip():
                pages[row["page_id"]].append(row)
    out = []
    for page_id, rows in sorted(pages.items()):
        rows.sort(key=lambda r: r["line_no"])
        texts = [r["text"].strip() for r in rows]
        out.append({
            "page_id": page_id, "regime": regime, "texts": texts,
            "labels": np.array([bool(r["is_boilerplate"]) for r in rows]),
            "scored": np.array([r.get("region") != "title_like" for r in rows]),
        })
    return out


def featurise(page: dict) -> None:
    """Add cues, tokens and the dense feature matrix to a page."""
    page["cues"] = line_cues(page["texts"])
    page["tokens"] = [tokens(t) for t in page["texts"]]
    page["dense"] = np.asarray(line_features(page["texts"], page["tokens"], page["cues"]))


def regime_weights(pages: list[dict]) -> np.ndarray:
    """Sample weights that give each (regime, class) pair the same total weight."""
    regime = np.concatenate([[p["regime"]] * len(p["labels"]) for p in pages])
    labels = np.concatenate([p["labels"] for p in pages])
    weights = np.zeros(len(labels))
    for r in REGIMES:
        for c in (False, True):
            mask = (regime == r) & (labels == c)
            if mask.any():
                weights[mask] = len(labels) / (2 * len(REGIMES) * mask.sum())
    return weights


def split_scores(pages: list[dict], flat: np.ndarray) -> list[np.ndarray]:
    out, k = [], 0
    for p in pages:
        out.append(flat[k:k + len(p["labels"])])
        k += len(p["labels"])
    return out


def balanced_accuracy(labels: np.ndarray, flagged: np.ndarray) -> float:
    return 0.5 * (flagged[labels].mean() + (~flagged[~labels]).mean())


def quantile_edges(dense: np.ndarray, n_bins: int) -> np.ndarray:
    """Per-feature inner quantile edges (features x n_bins-1), padded with +inf."""
    edges = np.full((dense.shape[1], n_bins - 1), np.inf)
    for f in range(dense.shape[1]):
        inner = np.unique(np.quantile(dense[:, f], np.arange(1, n_bins) / n_bins))
        inner = inner[inner > dense[:, f].min()]
        edges[f, :len(inner)] = inner
    return edges


def one_hot_bins(codes: np.ndarray, n_bins: int) -> sparse.csr_matrix:
    rows = np.repeat(np.arange(codes.shape[0]), codes.shape[1])
    cols = (np.arange(codes.shape[1]) * n_bins + codes).ravel()
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(codes.shape[0], codes.shape[1] * n_bins))


def out_of_fold(make, design, labels, weights, folds) -> tuple[np.ndarray, object]:
    """Out-of-fold decision scores and the estimator refitted on everything."""
    scores = np.zeros(len(labels))
    for train, test in folds:
        model = make().fit(design[train], labels[train],
                           sample_weight=None if weights is None else weights[train])
        scores[test] = model.decision_function(design[test])
    return scores, make().fit(design, labels, sample_weight=weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "models" / "boilerplate")
    parser.add_argument("--tree-depth", type=int, default=TREE_DEPTH)
    parser.add_argument("--trees", type=int, default=N_TREES, help="0 = no tree scorer")
    parser.add_argument("--exclude-fold", type=int, default=None,
                        help="leave out the dev pages of this dev fold (for choosing variants)")
    args = parser.parse_args()

    pages = [p for regime in REGIMES for p in load_pages(args.shared, regime, "dev")
             if args.exclude_fold is None or dev_fold(p["page_id"]) != args.exclude_fold]
    for p in pages:
        featurise(p)
    labels = np.concatenate([p["labels"] for p in pages])
    dense = np.vstack([p["dense"] for p in pages])
    docs = [" ".join(set(t)) for p in pages for t in p["tokens"]]
    groups = np.concatenate([[p["page_id"]] * len(p["labels"]) for p in pages])
    print(f"{len(pages)} page texts, {len(labels)} lines, {labels.mean():.1%} boilerplate")

    vectorizer = CountVectorizer(binary=True, min_df=MIN_DF, token_pattern=r"\S+", lowercase=False)
    bag = vectorizer.fit_transform(docs)
    scaler = StandardScaler().fit(dense)
    edges = quantile_edges(dense, N_BINS)
    plain = sparse.hstack([sparse.csr_matrix(scaler.transform(dense)), bag]).tocsr()
    binned = sparse.hstack([plain, one_hot_bins(bin_codes(dense, edges), N_BINS)]).tocsr()
    weights = regime_weights(pages)
    folds = list(GroupKFold(5).split(plain, labels, groups))

    def linear():
        return LogisticRegression(C=C_STAGE1, max_iter=3000)

    raw_scores, raw_model = out_of_fold(linear, binned, labels, None, folds)
    balanced_scores, balanced_model = out_of_fold(linear, plain, labels, weights, folds)
    scores = [raw_scores, balanced_scores]
    trees = None
    if args.trees:
        def boosted():
            return HistGradientBoostingClassifier(
                max_depth=args.tree_depth, max_leaf_nodes=2 ** args.tree_depth,
                max_iter=args.trees, learning_rate=0.1, random_state=0)

        tree_input = np.column_stack([dense, raw_scores, balanced_scores])
        tree_scores, tree_model = out_of_fold(boosted, tree_input, labels, weights, folds)
        exported = export_trees(tree_model, args.tree_depth)
        trees = {"features": exported.features, "thresholds": exported.thresholds,
                 "leaves": exported.leaves, "baseline": exported.baseline}
        scores = [tree_scores, *scores]

    pieces = [split_scores(pages, s) for s in scores]
    z = np.vstack([stage2_inputs([piece[i] for piece in pieces], p["dense"])
                   for i, p in enumerate(pages)])

    stage2 = LogisticRegression(C=C_STAGE2, max_iter=5000).fit(z, labels, sample_weight=weights)
    prob = stage2.predict_proba(z)[:, 1]
    scored = np.concatenate([p["scored"] for p in pages])
    regime = np.concatenate([[p["regime"]] * len(p["labels"]) for p in pages])
    for r in REGIMES:
        mask = (regime == r) & scored
        print(f"training-set balanced accuracy ({r}, p >= 0.5): "
              f"{balanced_accuracy(labels[mask], prob[mask] >= 0.5):.3f}")

    args.out.mkdir(parents=True, exist_ok=True)
    bundle = {
        "scaler": scaler, "vocabulary": vectorizer.get_feature_names_out().tolist(),
        "edges": edges, "linear": [raw_model, balanced_model], "binned": [True, False],
        "trees": trees, "stage2": stage2, "dense_names": DENSE_NAMES,
    }
    sio.dump(bundle, args.out / "line_model.skops")
    save_arrays(from_bundle(bundle), args.out / "line_model.npz")
    print(f"wrote {args.out / 'line_model.skops'} and line_model.npz ({len(bundle['vocabulary'])} tokens)")


if __name__ == "__main__":
    main()
