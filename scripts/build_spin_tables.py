"""Build the compact collocation table ``models/spin/colloc.npz`` the spin detector uses.

Sources (all offline; needed only here, see the ``[train]`` extra and models/spin/LICENSES.md):

* vocabulary and unigram Zipf frequencies: wordfreq (top 100k English words);
* word-pair frequencies: the symspellpy bigram list (242k frequent pairs), pairs counted
  in the ``counts`` split of the clean corpora in ``../shared`` (scanner.spin.corpora), and
  for pairs neither holds, the 2.05M pairs of the pocketsphinx English language model
  (``scripts/sphinx_lm.py``); a British or American spelling then gets the pairs that only
  its twin has (:func:`pool_spellings`);
* "likely original" candidates of every word: WordNet 3.0 (synonyms, similar-to, hypernyms),
  MyThes (all relations but antonyms, both directions) and Moby Thesaurus II (both
  directions; ``--moby``, the ``words.txt`` of ``npm pack moby``), inflected to the word's form.

Frequencies are stored as log10 per billion words, times 20, in uint8. Usage::

    PYTHONPATH=. python scripts/build_spin_tables.py --moby words.txt [--out models/spin/colloc.npz]
"""
from __future__ import annotations

import argparse
import difflib
import math
import re
from collections import Counter
from itertools import combinations, pairwise
from pathlib import Path

import numpy as np
import symspellpy
import wordfreq
from sphinx_lm import default_model, read_bigrams  # this directory's module

from scanner.spin.analysis import FLOOR
from scanner.spin.corpora import clean_texts
from scanner.spin.tables import SCALE, STOP_WORDS
from scanner.spin.thesauri import Inflector, WordNet, read_moby, read_mythes
from scanner.spin.tokens import POSSESSIVE, tokenize

VOCAB_SIZE = 100_000
MAX_CANDIDATES = 48
MIN_CANDIDATE_ZIPF = 2.5  # a likely original is a reasonably common word
BOOKS_OFFSET = 4.24  # log10(symspell count) - this = log10 per billion (median over 7k pairs
# seen 30+ times in the news counts)
# cost (log10 units) of proposing an original through a looser relation than synonymy
RELATION_COST = {"syn": 0, "&": 1, "similar": 1, "related": 2, "@": 2, "generic": 2,
                 "moby": 2, "~": 3, "hyponym": 3}
_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
# word pairs dropped from the table, so that no swap is "restored" to them
VULGAR_PAIRS = ("jerk off", "jack off", "jerking off", "jerked off", "piss off", "pissed off",
                "suck my", "blow job", "hand job", "screw you", "bang her", "bang him")


def build_vocabulary() -> tuple[list[str], np.ndarray]:
    """The most frequent English words and their Zipf frequencies (log10 per billion)."""
    words = [w for w in wordfreq.top_n_list("en", VOCAB_SIZE + 20_000) if _WORD.match(w)]
    words = [POSSESSIVE] + [w for w in words if w != POSSESSIVE][:VOCAB_SIZE]
    zipf = np.array([wordfreq.zipf_frequency(w, "en") for w in words])
    return words, zipf


def pair_frequencies(index: dict[str, int]) -> dict[int, float]:
    """``key -> log10 frequency per billion`` of the word pairs of both sources."""
    size = len(index)
    freq: dict[int, float] = {}
    path = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b, count = line.split()
        if a in index and b in index:
            freq[index[a] * size + index[b]] = math.log10(int(count)) - BOOKS_OFFSET
    counts: Counter[tuple[str, str]] = Counter()
    total = 0
    for _, text in clean_texts("counts"):
        _, low = tokenize(text)
        total += len(low)
        counts.update(pairwise(low))
    for (a, b), n in counts.items():
        if a in index and b in index:
            key = index[a] * size + index[b]
            value = math.log10((n - 0.5) / total * 1e9)  # absolute discounting of rare pairs
            freq[key] = max(freq.get(key, value), value)
    return freq


MODEL_ONLY_SHRINK = 0.5  # log10; chosen on out-of-fold figures against 0 and 1.0 (model card)


def language_model_pairs(index: dict[str, int], known: dict[int, float]) -> dict[int, float]:
    """``key -> log10 frequency per billion`` of the language model's pairs that ``known``
    lacks. The model's estimate ``P(a) P(b | a)`` is put on the scale of the counted sources by
    the median difference over the pairs both hold (the model's probabilities are discounted
    for smoothing and come from another corpus). A pair the counted sources lack is rarer than
    the model says (regression to the mean over a billion counted words): its estimate is
    lowered by ``MODEL_ONLY_SHRINK``. Pairs then under ``FLOOR`` are left out (as rare as an
    unattested pair)."""
    words, unigram, left, right, conditional = read_bigrams(default_model())
    ids = np.array([index.get(w, -1) for w in words])
    a, b = ids[left], ids[right]
    usable = (a >= 0) & (b >= 0)
    keys = a[usable] * len(index) + b[usable]
    estimate = 9.0 + unigram[left[usable]] + conditional[usable]
    shared = [(k, e) for k, e in zip(keys.tolist(), estimate.tolist()) if k in known]
    offset = float(np.median([known[k] - e for k, e in shared]))
    print(f"language model: {len(keys)} usable pairs, {len(shared)} known, offset {offset:+.2f}")
    shift = offset - MODEL_ONLY_SHRINK
    return {k: e + shift for k, e in zip(keys.tolist(), estimate.tolist())
            if k not in known and e + shift >= FLOOR}


def candidate_table(words: list[str], zipf: np.ndarray,
                    moby: dict[str, list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR ``(indptr, candidate ids, relation costs)`` of the likely originals of each word."""
    wordnet, mythes = WordNet(), read_mythes()
    reverse: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (head, pos), terms in mythes.items():
        for term, kind in terms:
            if kind != "antonym":
                reverse.setdefault((term.lower(), pos), []).append(
                    (head, "hyponym" if kind == "generic" else kind))
    broad = _both_ways(moby)
    inflector = Inflector(wordnet, words)
    index = {w: i for i, w in enumerate(words)}
    indptr, ids, costs = [0], [], []
    for word in words:
        best: dict[int, int] = {}
        if word not in STOP_WORDS:
            for lemma, pos, form in inflector.analyse(word):
                related = wordnet.related(lemma, pos, pointers="&@~")
                related += [(t, k) for t, k in mythes.get((lemma, pos), ()) if k != "antonym"]
                related += reverse.get((lemma, pos), [])
                related += [(term, "moby") for term in broad.get(lemma, ())]
                for term, kind in related:
                    if " " in term or "_" in term or term != term.lower():
                        continue  # multi-word terms, names and abbreviations
                    surface = inflector.generate(term, pos, form)
                    j = index.get(surface) if surface else None
                    if (j is None or surface in STOP_WORDS or _spelling_variant(word, surface)
                            or _regional(lemma, surface, inflector)):
                        continue
                    if zipf[j] >= MIN_CANDIDATE_ZIPF:
                        best[j] = min(best.get(j, 9), RELATION_COST[kind])
        # ties break by word id: the order of Moby's sets varies with Python's string hashing
        chosen = sorted(best, key=lambda j: (best[j], -zipf[j], j))[:MAX_CANDIDATES]
        ids += chosen
        costs += [best[j] for j in chosen]
        indptr.append(len(ids))
    return (np.array(indptr, dtype=np.int32), np.array(ids, dtype=np.int32),
            np.array(costs, dtype=np.uint8))


def _both_ways(thesaurus: dict[str, list[str]]) -> dict[str, set[str]]:
    """Each head's terms and the heads that list it (a spinner swaps a head for one of its
    terms; the candidates undo it, so both directions count)."""
    out: dict[str, set[str]] = {head: set(terms) for head, terms in thesaurus.items()}
    for head, terms in thesaurus.items():
        for term in terms:
            out.setdefault(term, set()).add(head)
    return out


# applied in order: the "c" rules come first, so that "practice" and "practise" both end as
# "practize"
_BRITISH = [(re.compile(p), r) for p, r in [
    (r"ce(s?)$", r"se\1"), (r"c(ed|ing)$", r"s\1"), (r"ae", "e"), (r"oe", "e"), (r"our", "or"),
    (r"is(e|ed|es|ing|ation)", r"iz\1"), (r"ys(e|ed|es|ing)", r"yz\1"), (r"tre(s?)$", r"ter\1"),
    (r"ll", "l"), (r"mme(s?)$", r"m\1"), (r"logue", "log"), (r"gement", "gment"),
    (r"^grey", "gray"), (r"^sceptic", "skeptic"), (r"^ageing$", "aging"), (r"^plough", "plow"),
    (r"^mould", "mold"), (r"^pyjama", "pajama"), (r"^aluminium", "aluminum"),
    (r"^moustache", "mustache")]]


def _american(word: str) -> str:
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    return word


# British and American (or Indian) names of one thing and spellings the rules below miss, as
# lemmas (compared before inflection: "biscuits" is never restored to "cookies"): a writer's
# variety of English, not a spinner's swap ("chilli", "coriander", "marks").
_REGIONAL = {frozenset(pair.split("/")) for pair in """
aubergine/eggplant courgette/zucchini coriander/cilantro rocket/arugula biscuit/cookie
crisp/chip sweet/candy lorry/truck petrol/gasoline pavement/sidewalk flat/apartment
lift/elevator holiday/vacation autumn/fall queue/line postcode/zipcode mobile/cellphone
motorway/highway motorway/freeway chemist/pharmacy chemist/drugstore trousers/pants
jumper/sweater nappy/diaper dummy/pacifier football/soccer timetable/schedule
tap/faucet torch/flashlight rubbish/garbage rubbish/trash bin/trash film/movie cinema/theater
shop/store mum/mom garden/yard nought/zero mark/grade pitch/field
grey/gray tyre/tire kerb/curb cheque/check plough/plow draught/draft sceptic/skeptic
pyjamas/pajamas mould/mold moult/molt chilli/chile
""".split()}


def _regional(lemma: str, candidate: str, inflector: Inflector) -> bool:
    """Whether a word of ``lemma`` and the candidate word form (any of its lemmas: "cookies"
    is "cookie" and "cooky") are regional names of one thing (:data:`_REGIONAL`)."""
    return any(frozenset((lemma, other)) in _REGIONAL
               for other, _, _ in inflector.analyse(candidate))


def _spelling_variant(a: str, b: str) -> bool:
    """``defense``/``defence``, ``anaesthetic``/``anesthetic``: the same word, not a swap."""
    return (a == b or _american(a) == _american(b)
            or (a[:3] == b[:3] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8))


SPELLING_OVERLAP = 0.6  # share of the shorter candidate list two spellings must share
SPELLING_FILL_MARGIN = 0.5  # log10: a spelling lends its pairs to one at most this much commoner


def spelling_twins(words: list[str], zipf: np.ndarray, indptr: np.ndarray,
                   ids: np.ndarray) -> list[tuple[int, int]]:
    """``(target, source)`` id pairs of British and American spellings of one word
    ("flavour", "flavor"; "practise", "practice"): :func:`_american` gives them one form, and
    the two share most of their candidate originals (which tells "centre"/"center" from
    "four"/"for" or "advice"/"advise"). A source lends its word pairs to a target no more than
    :data:`SPELLING_FILL_MARGIN` commoner (so "hel" lends nothing to "hell")."""
    spellings: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        spellings.setdefault(_american(word), []).append(i)
    twins = []
    for group in spellings.values():
        for i, j in combinations(group, 2):
            mine, theirs = (set(ids[indptr[k]:indptr[k + 1]].tolist()) for k in (i, j))
            if not mine or not theirs:
                continue
            if len(mine & theirs) < SPELLING_OVERLAP * min(len(mine), len(theirs)):
                continue
            twins += [(t, s) for t, s in ((i, j), (j, i))
                      if zipf[t] <= zipf[s] + SPELLING_FILL_MARGIN]
    return twins


def pool_spellings(freq: dict[int, float], size: int, zipf: np.ndarray,
                   twins: list[tuple[int, int]]) -> dict[int, tuple[float, int]]:
    """Word pairs of one spelling that only its twin's pairs attest, as ``key -> (log10
    frequency per billion, key of the lending pair)``: the twin's frequency scaled by the
    spellings' frequency ratio (both spellings are assumed to keep the same company; of
    several lenders, the highest estimate). A British text's "flavour that" is then as
    attested as "flavor that"; before, the books and the language model, mostly American, left
    British spellings with unattested pairs that read as swaps."""
    lenders: dict[int, list[int]] = {}
    for target, source in twins:
        lenders.setdefault(source, []).append(target)
    lent: dict[int, tuple[float, int]] = {}
    for key, value in freq.items():
        left, right = divmod(key, size)
        for side, word in ((0, left), (1, right)):
            for target in lenders.get(word, ()):
                new = target * size + right if side == 0 else left * size + target
                estimate = value + float(zipf[target] - zipf[word])
                if new not in freq and estimate >= 0 and estimate > lent.get(new, (-9.0,))[0]:
                    lent[new] = estimate, key
    return lent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="models/spin/colloc.npz")
    parser.add_argument("--moby", type=Path, required=True,
                        help="words.txt of Moby Thesaurus II (`npm pack moby`, public domain)")
    args = parser.parse_args()
    words, zipf = build_vocabulary()
    index = {w: i for i, w in enumerate(words)}
    freq = pair_frequencies(index)
    model = language_model_pairs(index, freq)
    freq.update(model)
    indptr, ids, costs = candidate_table(words, zipf, read_moby(args.moby))
    twins = spelling_twins(words, zipf, indptr, ids)
    lent = pool_spellings(freq, len(words), zipf, twins)
    print(f"spellings: {len(twins)} lending directions, {len(lent)} word pairs lent")
    for key, (estimate, lender) in lent.items():
        freq[key] = estimate
        if lender in model:  # lent from a language-model pair: marked as the model's too
            model[key] = estimate
    for pair in VULGAR_PAIRS:  # never a likely original ("tug off" -> "jerk off")
        left, right = pair.split()
        if left in index and right in index:
            freq.pop(index[left] * len(words) + index[right], None)
    keys = np.array(sorted(freq), dtype=np.int64)
    values = np.array([freq[k] for k in keys.tolist()])
    model_only = np.array([k in model for k in keys.tolist()], dtype=bool)
    np.savez_compressed(
        args.out,
        vocab=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        zipf=np.clip(np.round(zipf * SCALE), 0, 255).astype(np.uint8),
        key_deltas=np.diff(keys, prepend=0).astype(np.uint32),
        pair_freq=np.clip(np.round(values * SCALE), 0, 255).astype(np.uint8),
        pair_model_only=np.packbits(model_only),
        cand_ptr=indptr, cand_ids=ids, cand_cost=costs,
    )
    print(f"{args.out}: {len(words)} words, {len(keys)} pairs, {len(ids)} candidates, "
          f"{Path(args.out).stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
