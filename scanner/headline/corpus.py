"""Training-time access to FNC-1 and the clickbait headlines in ``../shared``, with fixed splits.

Used by the trainers and the dev benchmarks, never at scan time. FNC-1 pairs are split by
*claim*: the connected components of the graph linking each headline to the bodies it is
related to (agree/discuss/disagree). A held-out claim contributes new headlines and new bodies,
as in the official test set; pairs crossing the split (unrelated pairs of a training headline
with a held-out body or vice versa) are dropped.
"""
from __future__ import annotations

import csv
import gzip
import random
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
LABELS = ("agree", "disagree", "discuss", "unrelated")
SEED = 20240


@dataclass(frozen=True)
class Pair:
    headline: str
    body_id: int
    stance: str
    head_claim: int
    body_claim: int


def shared_dir() -> Path:
    """The shared data directory (``../shared`` beside the checkout)."""
    if not SHARED.is_dir():
        raise FileNotFoundError(f"shared data not found at {SHARED}")
    return SHARED


def fnc_bodies() -> dict[int, str]:
    """FNC-1 training bodies by body id."""
    csv.field_size_limit(1 << 30)
    with open(shared_dir() / "data" / "fnc1" / "train_bodies.csv", encoding="utf-8") as f:
        return {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(f)}


def fnc_pairs() -> list[Pair]:
    """Every FNC-1 training pair, with the claim (component id) it belongs to."""
    with open(shared_dir() / "data" / "fnc1" / "train_stances.csv", encoding="utf-8") as f:
        rows = [(r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(f)]
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for headline, body, stance in rows:
        if stance != "unrelated":
            parent[find(("h", headline))] = find(("b", body))
    roots: dict = {}
    claim_of = {node: roots.setdefault(find(node), len(roots))
                for node in sorted({("h", h) for h, _, _ in rows} | {("b", b) for _, b, _ in rows},
                                   key=str)}
    return [Pair(h, b, s, claim_of[("h", h)], claim_of[("b", b)]) for h, b, s in rows]


def claim_folds(pairs: list[Pair], folds: int = 5, seed: int = SEED) -> dict[int, int]:
    """A fold number for every claim, claims shuffled with a fixed seed."""
    claims = sorted({p.body_claim for p in pairs} | {p.head_claim for p in pairs})
    random.Random(seed).shuffle(claims)
    return {c: i % folds for i, c in enumerate(claims)}


def split_pairs(pairs: list[Pair], heldout: set[int]) -> tuple[list[Pair], list[Pair]]:
    """(train, test): test pairs have a held-out headline and body claim, train pairs neither."""
    train, test = [], []
    for p in pairs:
        head_out, body_out = p.head_claim in heldout, p.body_claim in heldout
        if head_out and body_out:
            test.append(p)
        elif not head_out and not body_out:
            train.append(p)
    return train, test


def heldout_claims(pairs: list[Pair]) -> set[int]:
    """The claims of the fixed held-out split (fold 0 of :func:`claim_folds`)."""
    return {c for c, fold in claim_folds(pairs).items() if fold == 0}


def baseline_split(pairs: list[Pair], bodies: dict[int, str]) -> tuple[list[Pair], list[Pair]]:
    """(train, hold-out) as the official fnc-1-baseline splits the training set for its dev
    score (79.53 %): body ids in file order shuffled by ``random.Random(1489215)``, the last
    20 % held out with every pair of theirs. Headlines recur on both sides, so this split is
    easier than the official test set (new headlines and new bodies)."""
    ids = list(bodies)
    random.Random(1489215).shuffle(ids)
    heldout = set(ids[int(0.8 * len(ids)):])
    return ([p for p in pairs if p.body_id not in heldout],
            [p for p in pairs if p.body_id in heldout])


def with_unrelated(test: list[Pair], share: float, seed: int = SEED) -> list[Pair]:
    """``test`` plus random headline/body pairs of different claims until ``share`` of the
    pairs are unrelated (FNC-1 built its unrelated pairs the same way)."""
    rng = random.Random(seed)
    heads = sorted({(p.headline, p.head_claim) for p in test})
    bodies = sorted({(p.body_id, p.body_claim) for p in test})
    seen = {(p.headline, p.body_id) for p in test}
    related = sum(p.stance != "unrelated" for p in test)
    wanted = round(related / (1 - share)) - len(test)
    extra: list[Pair] = []
    while len(extra) < wanted:
        (h, hc), (b, bc) = rng.choice(heads), rng.choice(bodies)
        if hc != bc and (h, b) not in seen:
            seen.add((h, b))
            extra.append(Pair(h, b, "unrelated", hc, bc))
    return test + extra


def clickbait_split() -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(train, held-out) ``(headline, is_clickbait)``; held out: CRC-32 divisible by 5."""
    import zlib

    train, test = [], []
    for name, label in (("clickbait_data.txt.gz", 1), ("non_clickbait_data.txt.gz", 0)):
        with gzip.open(shared_dir() / "data" / "clickbait" / name, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    headline = line.strip()
                    (test if zlib.crc32(headline.encode()) % 5 == 0 else train).append(
                        (headline, label))
    return train, test


def bbc_titles(heldout: bool) -> list[tuple[str, str, str]]:
    """``(id, title, text)`` of the BBC articles of the held-out split (number divisible by 5)
    or of the rest."""
    import json

    rows = []
    with gzip.open(shared_dir() / "data" / "bbc" / "bbc.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if (int(row["id"].rsplit("-", 1)[1]) % 5 == 0) == heldout:
                rows.append((row["id"], row["title"], row["text"]))
    return rows
