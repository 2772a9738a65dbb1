"""Dev evaluation of spin detection on held-out data; prints the figures of the model card.

(a) Article level: the held-out BBC split (clean; never used in training) and spun copies of
    it by a training spinner style (WordNet) and by two held-out spinners the models never
    saw (MyThes; the word swaps of a real spinner recovered from the PPS tortured phrases).
    ROC-AUC, share caught / flagged at the shipped threshold 0.5, Brier score, reliability
    table, and how many clean articles get an SPN001 finding.
(b) Phrase level: every PPS tortured phrase and its correct phrase in neutral carrier
    sentences (rows in query syntax skipped): share with an overlapping spin finding, by the
    collocation detector alone and with the shipped listed-phrase packs, on two halves of the
    list split by a hash of the phrase (half 1 is held out from any phrase-level tuning).
(c) The seeds: score and SPN findings.
(d) Suggestions: on the spun held-out copies (WordNet and MyThes), the share of SPN001-flagged
    words whose best candidate (the suggestion, from gain 1.5) is the word the spinner
    replaced, by gain band.
(e) By length: the articles and copies of (a) cut after their first N words, N uniform in
    50-100, 100-200 and 200-400 words (clean and spun copies cut at the same point), and
    whole: clean flagged at 0.5, ROC-AUC and caught at 0.5 per spinner.
(f) Web pages: the held-out third of the WCXB gold texts (2025-26 articles, guides, reviews and
    blog posts from many sites; never counted into the tables nor trained on) of 100+ words:
    share scored spun at 0.5 (also as one piece, without the windows a long text is cut
    into) and share with an SPN001 warning, with the highest scores and their lengths; and one
    spun copy of each page per spinner: ROC-AUC, caught at 0.5 and at the score that flags 2 %
    of the clean pages (the caught rate beyond the news sources the tables counted).

(g) Long texts: five consecutive held-out BBC articles joined (about 1,900 words), clean and
    spun as one text by one random style per spinner: flagged and caught at 0.5 by windows
    (as shipped: :func:`scanner.spin.features.windows`) and as one piece, by the share of
    words changed.

With ``--moby words.txt`` (Moby Thesaurus II, from ``npm pack moby``; not part of the shared
data) parts (a) and (e) add a spinner with that broad thesaurus, one of the training styles
(the candidate originals hold Moby too). With ``--aiksaurus DIR`` (``/usr/share/aiksaurus`` of
the Debian package ``libaiksaurus-1.2-data``) they add a held-out spinner with a thesaurus
that neither the training nor the candidates use (it shares much with Moby: most of an
entry's terms are in Moby's entry for the same word, few in MyThes').

Usage: ``PYTHONPATH=. python bench/spin_eval.py [--limit N] [--parts abcdefg] [--moby PATH]
[--aiksaurus DIR] [--clean-context-p P]``
"""
from __future__ import annotations

import argparse
import random
import zlib
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score

from scanner.checks.spin import SUGGEST_GAIN, CollocationBreak, SpunArticle
from scanner.document import Document
from scanner.finding import Severity
from scanner.packs import load_pack
from scanner.resources import data_path
from scanner.spin import analyse, spin_probability
from scanner.spin.analysis import analyse_texts
from scanner.spin.corpora import clean_texts, pps_pairs, wcxb_texts
from scanner.spin.model import THRESHOLD, classifier, sigmoid
from scanner.spin.synth import (
    HELDOUT_SOURCES,
    TRAIN_SOURCES,
    Sample,
    grouped,
    labelled,
    load_thesauri,
    random_style,
    spinner,
    truncated,
    word_count,
)
from scanner.spin.tables import tables
from scanner.spin.tokens import token_spans

ROOT = Path(__file__).resolve().parents[1]
CARRIERS = (
    "In this work we describe {} and report the results.",
    "The proposed approach relies on {} in several ways.",
    "Recent studies have examined {} in much detail.",
)
PACKS = ("spin-news.yaml", "spin-science.yaml")
BASE_RATE = 0.2  # share of spun articles the classifier is calibrated for (train_spin.py)
LENGTH_BUCKETS = ((50, 100), (100, 200), (200, 400))  # words; texts under 50 get no score


_SCORES: dict[str, float | None] = {}


def score(doc: Document | str) -> float | None:
    """``spin_probability`` of a document or text, memoised by text: parts (a) and (e) score
    the same whole articles and copies."""
    text = doc if isinstance(doc, str) else doc.text
    if text not in _SCORES:
        _SCORES[text] = spin_probability(Document(text) if isinstance(doc, str) else doc)
    return _SCORES[text]


def spn002_error(text: str) -> bool:
    """Whether SPN002 fails the default gate on ``text``: a spun verdict at error level (a
    text under 100 tokens in which SPN001 finds no swap gets it as a warning)."""
    if (score(text) or 0.0) < THRESHOLD:
        return False
    return any(f.severity is Severity.ERROR for f in SpunArticle().check(Document(text)))


def heldout_groups(limit: int | None,
                   extra: tuple[str, ...] = ()) -> list[tuple[Sample, dict[str, Sample]]]:
    """Every held-out clean BBC article with one spun copy per spinner (training style first,
    then the held-out spinners and ``extra`` ones)."""
    groups: dict[str, tuple[Sample, dict[str, Sample]]] = {}
    for source in TRAIN_SOURCES[:1] + HELDOUT_SOURCES + extra:
        for clean, spun in grouped(labelled("heldout", (source,), copies=1, seed=7,
                                            limit=limit)):
            groups.setdefault(clean.id, (clean, {}))[1][source] = spun
    return list(groups.values())


def article_level(groups: list[tuple[Sample, dict[str, Sample]]],
                  clean_context_p: float | None = None) -> None:
    rule = (CollocationBreak() if clean_context_p is None
            else CollocationBreak(clean_context_p=clean_context_p))
    scores: dict[str, list[float]] = {"clean": []}
    changed: dict[str, list[float]] = {}  # share of words the spinner replaced
    consistent: dict[str, list[bool]] = {}  # whether the spinner kept one choice per word
    clean_findings = clean_warnings = 0
    swaps_flagged: dict[str, list[int]] = {}  # per source: replaced words, those under SPN001
    for clean, copies in groups:
        doc = Document(clean.text, id=clean.id)
        scores["clean"].append(score(doc))
        findings = list(rule.check(doc))
        clean_findings += bool(findings)
        clean_warnings += any(f.severity != Severity.INFO for f in findings)
        for source, sample in copies.items():
            copy = Document(sample.text)  # scored and checked on one analysis
            scores.setdefault(source, []).append(score(copy))
            changed.setdefault(source, []).append(
                len(sample.replacements) / max(len(sample.text.split()), 1))
            consistent.setdefault(source, []).append(sample.consistent)
            spans = [(f.start, f.end) for f in rule.check(copy)]
            counts = swaps_flagged.setdefault(source, [0, 0])
            counts[0] += len(sample.replacements)
            counts[1] += sum(any(a < end and start < b for a, b in spans)
                             for start, end, _ in sample.replacements)
    clean = np.array(scores.pop("clean"))
    n = len(clean)
    print(f"(a) article level, held-out BBC split: {n} clean articles")
    print(f"    clean flagged at 0.5: {(clean >= 0.5).mean():.1%}; "
          f"with an SPN001 warning: {clean_warnings / n:.1%}; with any SPN001 finding: "
          f"{clean_findings / n:.1%}")
    all_y, all_p = [np.zeros(n)], [clean]
    for source, values in scores.items():
        spun = np.array(values)
        y = np.r_[np.zeros(n), np.ones(len(spun))]
        p = np.r_[clean, spun]
        held = "training style" if source in TRAIN_SOURCES else "held-out spinner"
        share = np.array(changed[source])
        heavy = share >= 0.05
        at_2pct = (spun >= np.quantile(clean, 0.98)).mean()
        print(f"    {source} ({held}): ROC-AUC {roc_auc_score(y, p):.4f}, "
              f"caught at 0.5 {(spun >= 0.5).mean():.1%} (with >= 5% of words changed: "
              f"{heavy.mean():.0%} of them, caught {(spun[heavy] >= 0.5).mean():.1%}; "
              f"median words changed {np.median(share):.1%}); caught at the score that "
              f"flags 2% of clean: {at_2pct:.1%}")
        total, flagged = swaps_flagged[source]
        print(f"      replaced words under an SPN001 finding: {flagged / max(total, 1):.1%} "
              f"of {total}")
        kept = np.array(consistent[source])
        print(f"      one choice per word (n={kept.sum()}): caught at 0.5 "
              f"{(spun[kept] >= 0.5).mean():.1%}; each occurrence on its own "
              f"(n={(~kept).sum()}): {(spun[~kept] >= 0.5).mean():.1%}")
        for low, high in ((0, 0.02), (0.02, 0.05), (0.05, 0.1), (0.1, 1)):
            band = (share >= low) & (share < high)
            if band.any():
                print(f"      {low:.0%}-{high:.0%} of words changed: n={band.sum()}, caught at "
                      f"0.5 {(spun[band] >= 0.5).mean():.1%}")
        all_y.append(np.ones(len(spun)))
        all_p.append(spun)
    y, p = np.concatenate(all_y), np.concatenate(all_p)
    # weight clean articles so that spun ones are BASE_RATE of the total, as in training
    w = np.where(y == 1, 1.0, (y == 1).sum() / (y == 0).sum() * (1 - BASE_RATE) / BASE_RATE)
    print(f"    all: ROC-AUC {roc_auc_score(y, p):.4f}; at the model's base rate "
          f"({BASE_RATE:.0%} spun): Brier {brier_score_loss(y, p, sample_weight=w):.4f}")
    print("    reliability at that base rate (bin: n, mean predicted, observed spun share):")
    bins = np.minimum((p * 10).astype(int), 9)
    for b in range(10):
        mask = bins == b
        if mask.any():
            observed = (w[mask] * y[mask]).sum() / w[mask].sum()
            print(f"      {b / 10:.1f}-{(b + 1) / 10:.1f}: {mask.sum():5d}  "
                  f"{np.average(p[mask], weights=w[mask]):.3f}  {observed:.3f}")


def cut_point(article_id: str, words: int, low: int, high: int) -> int | None:
    """Length (in words) at which to cut an article of ``words`` words for the bucket
    ``[low, high)``: uniform in the bucket, the same for the clean article and its spun
    copies; None when the article is not longer than ``low``."""
    if words <= low:
        return None
    return random.Random(f"{article_id}:{low}").randrange(low, min(high, words))


def by_length(groups: list[tuple[Sample, dict[str, Sample]]]) -> None:
    """Part (e): the same articles and copies cut to the first N words, N uniform in each
    length bucket (clean and spun copies cut at the same point of the wording)."""
    print("(e) by length: held-out articles cut after their first N words (bucket: articles, "
          "clean flagged at 0.5, of them with SPN002 at error level (a short text with no "
          "SPN001 swap gets a warning); per spinner ROC-AUC, caught at 0.5, at error level):")
    for low, high in LENGTH_BUCKETS:
        clean: list[str] = []
        spun: dict[str, list[str]] = {}
        for group_clean, copies in groups:
            words = cut_point(group_clean.id, word_count(group_clean.text), low, high)
            if words is None:
                continue
            cut = truncated([group_clean, *copies.values()], words)
            clean.append(cut[0].text)
            for source, sample in zip(copies, cut[1:]):
                spun.setdefault(source, []).append(sample.text)
        _print_bucket(f"{low}-{high} words", clean, spun)
    _print_bucket("whole articles", [c.text for c, _ in groups],
                  {s: [copies[s].text for _, copies in groups] for s in groups[0][1]})


def _print_bucket(name: str, clean: list[str], spun: dict[str, list[str]]) -> None:
    def shares(texts: list[str]) -> tuple[np.ndarray, str]:
        scores = np.array([score(text) for text in texts])
        errors = np.mean([spn002_error(text) for text in texts])
        return scores, f"{(scores >= THRESHOLD).mean():.1%} ({errors:.1%})"

    clean_scores, clean_shares = shares(clean)
    parts = []
    for source, texts in spun.items():
        p, spun_shares = shares(texts)
        auc = roc_auc_score(np.r_[np.zeros(len(clean_scores)), np.ones(len(p))],
                            np.r_[clean_scores, p])
        parts.append(f"{source} {auc:.3f}, {spun_shares}")
    print(f"    {name}: {len(clean)}, {clean_shares}; " + "; ".join(parts))


def _flagged(rules, text: str, start: int, end: int) -> bool:
    doc = Document(text)
    return any(f.start is not None and f.start < end and start < f.end
               for rule in rules for f in rule.check(doc))


def pps_half(tortured: str) -> int:
    """Half 0 or 1 of the PPS list, by a hash of the tortured phrase: anything tuned on the
    phrase level may look at half 0 only; half 1 is the held-out figure."""
    return zlib.crc32(" ".join(tortured.lower().split()).encode()) % 2


def phrase_level() -> None:
    detector = [CollocationBreak()]
    with_packs = detector + [r for name in PACKS for r in load_pack(data_path("rules", name))]
    pairs = pps_pairs()
    counts = np.zeros((2, 2, 2))  # half, tortured/correct, detector alone/with packs
    sizes = np.zeros(2)
    for i, (tortured, correct) in enumerate(pairs):
        carrier = CARRIERS[i % len(CARRIERS)]
        half = pps_half(tortured)
        sizes[half] += 1
        for row, phrase in enumerate((tortured, correct)):
            text = carrier.format(phrase)
            start = carrier.index("{}")
            end = start + len(phrase)
            counts[half, row, 0] += _flagged(detector, text, start, end)
            counts[half, row, 1] += _flagged(with_packs, text, start, end)
    print(f"(b) phrase level, {len(pairs)} PPS pairs in carrier sentences "
          f"(half 0: {sizes[0]:.0f}, half 1, held out: {sizes[1]:.0f}):")
    for half, name in ((1, "half 1 (held out)"), (0, "half 0")):
        n = sizes[half]
        print(f"    {name}: detector alone: tortured flagged {counts[half, 0, 0] / n:.1%}, "
              f"correct flagged {counts[half, 1, 0] / n:.1%}; with packs: tortured "
              f"{counts[half, 0, 1] / n:.1%}, correct {counts[half, 1, 1] / n:.1%}")


def seeds() -> None:
    rule = CollocationBreak()
    print("(c) seeds:")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), id=path.stem)
        findings = list(rule.check(doc))
        warnings = sum(f.severity != Severity.INFO for f in findings)
        score = spin_probability(doc)
        shown = "None" if score is None else f"{score:.3f}"
        print(f"    {path.stem}: spin {shown}, SPN001 {len(findings)} ({warnings} warnings)")


def suggestions(groups: list[tuple[Sample, dict[str, Sample]]]) -> None:
    rule = CollocationBreak()
    words = tables().words
    bands = ((1.0, SUGGEST_GAIN), (SUGGEST_GAIN, 2.0), (2.0, 3.0), (3.0, np.inf))
    right, shown, swapped = np.zeros(len(bands)), np.zeros(len(bands)), np.zeros(len(bands))
    for source in (TRAIN_SOURCES[0], HELDOUT_SOURCES[0]):
        for _, copies in groups:
            sample = copies[source]
            doc = Document(sample.text)
            analysis = analyse(doc)
            flagged = np.flatnonzero(rule.site_levels(doc, analysis)[0])
            spans = token_spans(sample.text)
            starts = [start for start, _, _ in sample.replacements]
            for j in flagged.tolist():
                band = next((b for b, (low, high) in enumerate(bands)
                             if low <= analysis.gain[j] < high), None)
                if band is None:
                    continue
                start = spans[analysis.sites[j]][0]
                r = int(np.searchsorted(starts, start, side="right")) - 1
                replaced = r >= 0 and start < sample.replacements[r][1]
                shown[band] += 1
                swapped[band] += replaced
                right[band] += replaced and (sample.replacements[r][2].lower()
                                             == words[analysis.best[j]])
    print("(d) suggestions on spun held-out copies (gain band: flagged words, share that were "
          "swaps, share whose best candidate is the replaced word):")
    for (low, high), n, s, r in zip(bands, shown, swapped, right):
        hidden = " (no suggestion shown)" if high <= SUGGEST_GAIN else ""
        print(f"    {low:g}-{high:g}: {n:.0f}, {s / max(n, 1):.1%}, {r / max(n, 1):.1%}{hidden}")


def web_pages(extra: tuple[str, ...]) -> None:
    rule = CollocationBreak()
    rows, texts = [], []
    for doc_id, text in wcxb_texts("heldout"):
        if len(text.split()) < 100:
            continue
        doc = Document(text, id=doc_id)
        value = score(doc)
        if value is None:  # not English
            continue
        warned = any(f.severity != Severity.INFO for f in rule.check(doc))
        rows.append((value, warned, doc_id, word_count(text), one_piece(analyse(doc)),
                     " ".join(text.split()[:10])))
        texts.append(text)
    p = np.array([r[0] for r in rows])
    whole = np.array([r[4] for r in rows])
    print(f"(f) held-out web pages (WCXB, 100+ words): {len(rows)}; scored spun at 0.5: "
          f"{(p >= 0.5).mean():.1%} (as one piece, without windows: {(whole >= 0.5).mean():.1%}); "
          f"with an SPN001 warning: {np.mean([r[1] for r in rows]):.1%}; mean score {p.mean():.3f}")
    for value, _, doc_id, words, piece, start in sorted(rows, reverse=True)[:10]:
        print(f"    {value:.3f} (one piece {piece:.3f}) {doc_id} ({words} words): {start} ...")
    print("    highest as one piece: " + ", ".join(
        f"{piece:.3f} ({words} words)" for *_, words, piece, _ in sorted(rows, key=lambda r: -r[4])[:8]))
    spun_web_pages(texts, p, extra)


def spun_web_pages(texts: list[str], clean: np.ndarray, extra: tuple[str, ...]) -> None:
    """Part (f), continued: one spun copy of each held-out web page per spinner. Text of
    another kind than the news the models learnt from: its unspun pairs are rarer to the
    table (whose counts include news of the same sources as the held-out BBC articles), so
    this is the caught rate to expect beyond those sources."""
    rng = random.Random(13)
    parts = []
    for source in (*TRAIN_SOURCES[:1], *HELDOUT_SOURCES[:1], *extra):
        spun = np.array([score(spinner().spin(text, random_style(rng, source), rng)[0]) or 0.0
                         for text in texts])
        y = np.r_[np.zeros(len(clean)), np.ones(len(spun))]
        parts.append(f"{source} {roc_auc_score(y, np.r_[clean, spun]):.3f}, "
                     f"{(spun >= THRESHOLD).mean():.1%}, "
                     f"{(spun >= np.quantile(clean, 0.98)).mean():.1%}")
    print("    spun copies of those pages (ROC-AUC against them, caught at 0.5, caught at the "
          "score that flags 2 % of them): " + "; ".join(parts))


def one_piece(analysis) -> float:
    """The score of an analysed text read as one piece, without the windows the scanner cuts a
    long text into (:func:`scanner.spin.features.windows`)."""
    model = classifier()
    return float(sigmoid(model.logit(analysis, model.site_probabilities(analysis))))


LONG_ARTICLES = 5  # held-out articles joined into one long text (part g)


def long_texts(extra: tuple[str, ...]) -> None:
    """Part (g): texts far longer than the training articles, scored by windows (as shipped)
    and as one piece. Each is :data:`LONG_ARTICLES` consecutive held-out BBC articles joined,
    clean, and spun as one text by one random style per spinner."""
    clean = [text for _, text in clean_texts("heldout")]
    joined = ["\n\n".join(clean[i:i + LONG_ARTICLES])
              for i in range(0, len(clean) - LONG_ARTICLES + 1, LONG_ARTICLES)]
    trained = [word_count(text) for _, text in clean_texts("train")]
    rng = random.Random(11)
    model = classifier()
    print(f"(g) long texts: {len(joined)} texts, each {LONG_ARTICLES} held-out articles joined "
          f"({np.mean([word_count(t) for t in joined]):.0f} words on average; the training "
          f"articles: {np.median(trained):.0f} words at the median, "
          f"{np.percentile(trained, 90):.0f} at the 90th percentile); flagged / caught at 0.5 "
          "by windows of the text (shipped) and as one piece:")
    for source in ("clean", *TRAIN_SOURCES[:1], *HELDOUT_SOURCES[:1], *extra):
        texts, changed = joined, [0.0] * len(joined)
        if source != "clean":
            spun = [spinner().spin(text, random_style(rng, source), rng) for text in joined]
            texts = [text for text, _ in spun]
            changed = [len(swaps) / word_count(text) for text, swaps in spun]
        analyses = analyse_texts(texts)
        model.prepare_sites(analyses)
        windowed = np.array([model.probability(a) for a in analyses]) >= THRESHOLD
        whole = np.array([one_piece(a) for a in analyses]) >= THRESHOLD
        changed = np.array(changed)
        bands = [(0.0, 1.0)] if source == "clean" else [(0.0, 0.02), (0.02, 0.05), (0.05, 1.0)]
        for low, high in bands:
            band = (changed >= low) & (changed < high)
            label = "" if source == "clean" else f", {low:.0%}-{high:.0%} of words changed"
            print(f"    {source}{label}: n={band.sum()}, windows {windowed[band].mean():.1%}, "
                  f"one piece {whole[band].mean():.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per source")
    parser.add_argument("--parts", default="abcdefg", help="which parts to run (a-g)")
    parser.add_argument("--clean-context-p", type=float, default=None,
                        help="SPN001's clean_context_p for part (a) (0: every finding kept, "
                             "as before the option)")
    parser.add_argument("--moby", type=Path, default=None,
                        help="words.txt of Moby Thesaurus II (`npm pack moby`): adds a spinner "
                             "with a broad thesaurus")
    parser.add_argument("--aiksaurus", type=Path, default=None,
                        help="directory of Aiksaurus's words.dat and meanings.dat (Debian "
                             "libaiksaurus-1.2-data): adds a spinner with a thesaurus the "
                             "candidates do not come from")
    args = parser.parse_args()
    extra = load_thesauri({"moby": args.moby, "aiksaurus": args.aiksaurus})
    groups = heldout_groups(args.limit, extra) if {"a", "d", "e"} & set(args.parts) else []
    if "a" in args.parts:
        article_level(groups, args.clean_context_p)
    if "b" in args.parts:
        phrase_level()
    if "c" in args.parts:
        seeds()
    if "d" in args.parts:
        suggestions(groups)
    if "e" in args.parts:
        by_length(groups)
    if "f" in args.parts:
        web_pages(extra)
    if "g" in args.parts:
        long_texts(extra)


if __name__ == "__main__":
    main()
