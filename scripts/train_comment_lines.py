"""Train the comment-line model (scanner/boilerplate/comment_lines.py).

    PYTHONPATH=. python scripts/train_comment_lines.py [--shared ../shared] [--qa-src DIR] \
        [--cache FILE] [--out models/boilerplate]

Positives: the lines of the comment threads trafilatura appends to the WCXB *dev* pages (its
``extract(include_comments=True)`` minus ``include_comments=False``, as
``bench/boilerplate_eval.py``'s ``eval_comments`` finds them; the *test* pages stay held out),
comment bodies only (four words or more, no furniture cue: "Leave a comment"), and with
``--qa-src`` a QA pass's hand-written pages (``>`` lines are comment bodies, ``.`` lines
article text). Negatives: the article lines of the dev pages' extracted leftovers, paragraphs of
the BBC *training* split (number not divisible by 5) and of the FNC-1 training bodies, with the
last paragraphs of every article weighted up (what a comment model must not take).

Every source is split into five folds by page or article; fold 0 is held out, the model fitted
on the rest is scored on it (printed, see the model card), then refitted on all of it and
written as ``comment_lines.skops`` (the estimator) and ``comment_lines.npz`` (plain arrays, what
the scanner reads). ``--cache`` keeps trafilatura's comment texts of the dev pages (a minute
to extract) in a JSON file outside the project.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import zlib
from pathlib import Path

import numpy as np
import skops.io as sio
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

from scanner.boilerplate.comment_lines import (
    CommentLineModel,
    line_tokens,
    save_arrays,
    style_features,
)
from scanner.boilerplate.model import LinearStage
from scanner.boilerplate.patterns import line_cues

MIN_WORDS = 4  # a comment body (a commenter's name, "Reply" or a date are other rules' business)
# Words and word pairs of the register, not of a topic: in the lines of at least MIN_GROUPS
# pages or articles of each class (a thread's topic words come from few pages).
MIN_GROUPS = (10, 6)
C = 0.1
LAST_PARAGRAPHS, LAST_WEIGHT = 3, 3.0  # an article's closing paragraphs, weighted up
PAGE_CAP = 40  # a page's comment lines weigh at most as much as this many lines
HELD_OUT_FOLD = 0


def fold(key: str) -> int:
    """The fold (0-4) of a page or article: a WCXB dev page's number modulo 5, as
    ``bench/boilerplate_eval.py --fold`` takes it, or a hash of the id."""
    if key.startswith("wcxb-dev__"):
        return int(key.split("__")[1].split(".")[0]) % 5
    return zlib.crc32(key.encode()) % 5


def dev_comment_texts(shared: Path, cache: Path | None) -> dict[str, str]:
    """The comment text trafilatura appends to each WCXB dev page that has one, by HTML file name."""
    if cache is not None and cache.is_file():
        return json.loads(cache.read_text())
    from scanner.html_text import appended_comments

    found = {}
    for path in sorted((shared / "data" / "boilerplate" / "wcxb_html").glob("wcxb-dev__*.html.gz")):
        with gzip.open(path, "rt", errors="replace") as fh:
            html = fh.read()
        comments = appended_comments(html)[1]
        if comments.strip():
            found[path.name] = comments
    if cache is not None:
        cache.write_text(json.dumps(found))
    return found


def comment_bodies(lines: list[str]) -> list[str]:
    """The lines of a thread that are comment bodies: four words or more, no furniture cue."""
    lines = [line.strip() for line in lines if len(line.split()) >= MIN_WORDS]
    return [line for line, kind in zip(lines, line_cues(lines)) if kind is None]


def paragraphs_rows(key: str, paragraphs: list[str]) -> list[tuple[str, str, int, float]]:
    """Negative rows of an article's paragraphs, its last ones weighted up."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    return [(key, p, 0, LAST_WEIGHT if k >= len(paragraphs) - LAST_PARAGRAPHS else 1.0)
            for k, p in enumerate(paragraphs)]


def load_rows(shared: Path, qa_src: Path | None, cache: Path | None) -> list[tuple[str, str, int, float]]:
    """``(group, line, label, weight)`` of every training line."""
    rows = []
    comments = dev_comment_texts(shared, cache)
    for name, text in comments.items():
        bodies = comment_bodies(text.split("\n"))
        weight = min(1.0, PAGE_CAP / max(len(bodies), 1))
        rows += [(name, line, 1, weight) for line in bodies]
    with gzip.open(shared / "data" / "boilerplate" / "wcxb_lines_extracted.jsonl.gz", "rt") as fh:
        pages: dict[str, list[str]] = {}
        for raw in fh:
            row = json.loads(raw)
            if row["page_id"].startswith("wcxb-dev/") and not row["is_boilerplate"] and row["text"].strip():
                pages.setdefault(row["page_id"].replace("/", "__") + ".html.gz", []).append(row["text"])
    for name, lines in pages.items():
        thread = comments.get(name, "")
        rows += paragraphs_rows(name, [line for line in lines if line.strip() not in thread])
    with gzip.open(shared / "data" / "bbc" / "bbc.jsonl.gz", "rt") as fh:
        for raw in fh:
            article = json.loads(raw)
            if int(article["id"].rsplit("-", 1)[1]) % 5:  # the training split only
                rows += paragraphs_rows(article["id"], article["text"].split("\n"))
    csv.field_size_limit(1 << 30)
    with open(shared / "data" / "fnc1" / "train_bodies.csv", encoding="utf-8") as fh:
        for body in csv.DictReader(fh):
            rows += paragraphs_rows(f"fnc-{body['Body ID']}", body["articleBody"].split("\n"))
    for path in sorted(qa_src.glob("*.src")) if qa_src else ():
        for line in path.read_text().splitlines():
            if line[:2] in ("> ", ". "):
                rows.append((path.name, line[2:].strip(), int(line[0] == ">"), 1.0))
    return [row for row in rows if row[1]]


def fit(rows, c: float = C):
    """A fitted (vectorizer, scaler, estimator) on ``rows``."""
    groups: tuple[dict[str, set[str]], ...] = ({}, {})
    for group, line, label, _ in rows:
        for token in line_tokens(line):
            groups[label].setdefault(token, set()).add(group)
    vocabulary = sorted(token for token, found in groups[1].items()
                        if len(found) >= MIN_GROUPS[1] and len(groups[0].get(token, ())) >= MIN_GROUPS[0])
    scaler = StandardScaler().fit([style_features(line) for _, line, _, _ in rows])
    labels = np.array([label for _, _, label, _ in rows])
    weights = np.array([weight for _, _, _, weight in rows])
    weights = weights * np.where(labels == 1, weights[labels == 0].sum() / weights[labels == 1].sum(), 1.0)
    estimator = LogisticRegression(C=c, max_iter=3000)
    estimator.fit(design(rows, vocabulary, scaler), labels, sample_weight=weights)
    return vocabulary, scaler, estimator


def design(rows, vocabulary: list[str], scaler) -> sparse.csr_matrix:
    """Standardised style features, then the binary bag of ``vocabulary`` tokens."""
    index = {token: k for k, token in enumerate(vocabulary)}
    style = scaler.transform([style_features(line) for _, line, _, _ in rows])
    data, cols, indptr = [], [], [0]
    for _, line, _, _ in rows:
        found = sorted(index[t] for t in line_tokens(line) if t in index)
        cols += found
        data += [1.0] * len(found)
        indptr.append(len(cols))
    bag = sparse.csr_matrix((data, cols, indptr), shape=(len(rows), len(vocabulary)))
    return sparse.hstack([sparse.csr_matrix(style), bag]).tocsr()


def as_model(vocabulary, scaler, estimator) -> CommentLineModel:
    n_style = len(scaler.mean_)
    coef = estimator.coef_[0]
    tokens = {t: float(w) for t, w in zip(vocabulary, coef[n_style:]) if w != 0.0}
    return CommentLineModel(LinearStage(mean=scaler.mean_, scale=scaler.scale_, dense_weights=coef[:n_style],
                                        token_weights=tokens, bias=float(estimator.intercept_[0])))


def report(model: CommentLineModel, rows) -> None:
    """AUC and balanced accuracy at log-odds 0 of the held-out rows, by source."""
    scores = model.log_odds([line for _, line, _, _ in rows])
    labels = np.array([label for _, _, label, _ in rows])
    sources = np.array([source_of(group) for group, _, _, _ in rows])
    print(f"held-out lines: {len(rows)} ({labels.sum()} comment lines); AUC {roc_auc_score(labels, scores):.3f}, "
          f"comment lines over 0: {(scores[labels == 1] > 0).mean():.3f}, "
          f"article lines under 0: {(scores[labels == 0] <= 0).mean():.3f}")
    for source in sorted(set(sources)):
        pick = sources == source
        for label in (0, 1):
            s = scores[pick & (labels == label)]
            if len(s):
                print(f"  {source:6s} {'comment' if label else 'article'} lines {len(s):6d}: "
                      f"over 0 {(s > 0).mean():.3f}, mean probability {np.mean(1 / (1 + np.exp(-s))):.3f}")


def source_of(group: str) -> str:
    return ("wcxb" if group.startswith("wcxb") else "fnc" if group.startswith("fnc") else
            "qa" if group.endswith(".src") else "bbc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--qa-src", type=Path, default=None, help="a QA pass's src/ directory of .src pages")
    parser.add_argument("--cache", type=Path, default=None, help="JSON file for trafilatura's dev comment texts")
    parser.add_argument("--out", type=Path, default=Path("models/boilerplate"))
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--exclude-held-out", action="store_true",
                        help="write the model fitted without fold 0 (to choose thresholds on fold 0's pages)")
    args = parser.parse_args()
    rows = load_rows(args.shared, args.qa_src, args.cache)
    train = [row for row in rows if fold(row[0]) != HELD_OUT_FOLD]
    held_out = [row for row in rows if fold(row[0]) == HELD_OUT_FOLD]
    print(f"lines: {len(rows)}, comment lines: {sum(row[2] for row in rows)}")
    fitted = fit(train, args.c)
    report(as_model(*fitted), held_out)
    vocabulary, scaler, estimator = fitted if args.exclude_held_out else fit(rows, args.c)
    args.out.mkdir(parents=True, exist_ok=True)
    sio.dump({"vocabulary": vocabulary, "scaler": scaler, "estimator": estimator},
             args.out / "comment_lines.skops")
    save_arrays(as_model(vocabulary, scaler, estimator), args.out / "comment_lines.npz")
    print(f"vocabulary: {len(vocabulary)} tokens; wrote {args.out}/comment_lines.npz")


if __name__ == "__main__":
    main()
