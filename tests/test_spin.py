"""Spin detection: tokenizer, pair table, collocation analysis, SPN001, the article score."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scanner.checks.spin import CONTEXT_WORDS, CollocationBreak
from scanner.document import Document
from scanner.finding import Severity
from scanner.spin import CACHE_KEY as SPIN_CACHE_KEY
from scanner.spin import analyse, is_english, spin_probability
from scanner.spin.analysis import CACHE_KEY as ANALYSIS_KEY
from scanner.spin.analysis import SITE_FEATURES
from scanner.spin.analysis import association as pair_association
from scanner.spin.features import FEATURE_NAMES, document_features
from scanner.spin.model import SpinModel, classifier, load_estimators
from scanner.spin.tables import MODEL_ONLY, LevelIndex, PairIndex, tables
from scanner.spin.tokens import spans_at, token_spans, tokenize
from tests.conftest import SEEDS
from tests.heldout import bbc_articles

RULE = CollocationBreak()


def seed(prefix: str) -> Document:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return Document(path.read_text(encoding="utf-8"), id=path.stem)


# ----- tokens and table ----------------------------------------------------------------------
def test_tokenizer_joins_hyphenated_words_and_splits_possessives():
    tokens, lowered = tokenize("Stoltenberg’s long-range rockets don't fly, 3.5%.")
    assert lowered == ["stoltenberg", "'s", "long", "range", "rockets", "don't", "fly", ",",
                       "3.5", "%", "."]
    assert len(tokens) == len(lowered)


def test_empty_text_has_no_tokens_and_no_findings():
    assert tokenize("") == ([], [])
    assert tokenize(" \n ") == ([], [])
    doc = Document("")
    assert len(analyse(doc).sites) == 0
    assert list(RULE.check(doc)) == []


@pytest.mark.parametrize("text", [
    "Plain ASCII: the long-range plan's 3.5% cut -- isn't it?",
    "Curly “quotes”, dashes – and Zürich’s naïve café-bar ² ½",  # Latin fast path
    "Mixed scripts: Ωmega-point, Москва’s plan, 東京 x-ray",  # general path
    "Skipped marks: snake_case a-b-c re-elect- _-x --a a-- x_-_y 1-2 ab-\ncd ’s 's-'s",
])
def test_fast_tokenizer_paths_equal_the_reference_pattern(text):
    from scanner.spin.tokens import TOKEN_RE, tokens_of

    assert tokens_of(text) == TOKEN_RE.findall(text)
    assert token_spans(text) == [m.span() for m in TOKEN_RE.finditer(text)]


def test_word_ids_are_the_ids_of_the_table_forms():
    from scanner.spin.analysis import word_ids
    from scanner.spin.tables import BREAK
    from scanner.spin.tokens import normalise, tokens_of

    table = tables()
    tokens = tokens_of("Help HELP help don’t Don’t they’ll Stoltenberg’s 3.5 , . Xqzv “aid”")
    ids, lower = word_ids(table, tokens)
    assert ids.tolist() == [table.index_ext.get(normalise(t), BREAK) for t in tokens]
    assert lower.tolist() == [t == normalise(t) for t in tokens]
    assert ids[0] == ids[1] == ids[2] == table.index["help"] and lower[2] and not lower[0]


def test_token_spans_are_exact_offsets():
    text = "Japan’s new national-security strategy, released in Dec."
    tokens, _ = tokenize(text)
    assert [text[a:b] for a, b in token_spans(text)] == tokens
    assert spans_at(text, [0, 2, 5]) == {k: token_spans(text)[k] for k in (0, 2, 5)}


def test_a_blank_line_is_a_sentence_mark_and_breaks_word_pairs():
    # QA pass 24: "Acme profits rise\n\nThe" was tested as the pair "rise The" (a headline
    # without a full stop over its first paragraph)
    from scanner.spin.tables import SENTENCE
    from scanner.spin.tokens import PARAGRAPH

    text = "Acme profits rise\n \r\nThe council said\nit would act."
    tokens, lowered = tokenize(text)
    assert lowered == ["acme", "profits", "rise", PARAGRAPH, "the", "council", "said", "it",
                       "would", "act", "."]  # a single line break (hard wrapping) is none
    assert [text[a:b] for a, b in token_spans(text)] == [*tokens[:3], "\n", *tokens[4:]]
    assert analyse(Document(text)).ids[3] == SENTENCE


@pytest.mark.parametrize(("level_bits", "dtype"), [((21, 19, 17, 15), np.int32),
                                                   ((10, 9), np.int64)])  # most keys spill
def test_level_index_is_exact(level_bits, dtype):
    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(0, 1 << 34, 50_000))
    values = rng.integers(0, 256, len(keys))
    index = LevelIndex(keys, values, 34, level_bits, 8, dtype)
    assert len(index.spill_keys) == (0 if level_bits[0] > 20 else len(keys) - 1024 - 512)
    absent = np.setdiff1d(rng.integers(0, 1 << 34, 5_000), keys)
    got = index.lookup(np.concatenate((keys, absent)))
    assert np.array_equal(got[:len(keys)], values)
    assert (got[len(keys):] == -1).all()
    assert len(index.lookup(keys[:0])) == 0


@pytest.mark.parametrize("complete", [True, False])
def test_level_index_equals_a_dict_and_keeps_the_first_key_of_each_home(complete):
    rng = np.random.default_rng(1)
    keys = rng.permutation(np.unique(rng.integers(0, 1 << 34, 30_000)))  # ~2 per home
    values = rng.integers(0, 256, len(keys))
    index = LevelIndex(keys, values, 34, (14, 12), 8, np.int32, complete=complete)
    # level 0, entry by entry: the first key of each home (in the order given), ``more`` if
    # other keys share the home
    home, tag = index._split(keys, 0)
    level0 = np.full(1 << 14, ~(1 << 8))
    for h, t, v in zip(home.tolist(), tag.tolist(), values.tolist()):
        level0[h] = level0[h] | 1 << 8 if level0[h] >= 0 else t << 9 | v
    assert np.array_equal(index.levels[0], level0)
    # look-ups: all keys with complete, else those kept; absent keys, -1 and the largest key
    table = dict(zip(keys.tolist(), values.tolist()))
    probe = np.concatenate((keys, rng.integers(0, 1 << 34, 30_000), [-1, (1 << 34) - 1]))
    got = index.lookup(probe)
    expected = np.array([table.get(k, -1) for k in probe.tolist()])
    kept = got >= 0
    assert np.array_equal(got[kept], expected[kept])
    assert (kept == (expected >= 0)).all() if complete else 0.5 < kept[:len(keys)].mean() < 0.99
    assert len(index.spill_keys) > 1000 if complete else len(index.spill_keys) == 0


def test_level_index_refuses_entries_that_do_not_fit():
    with pytest.raises(ValueError):
        LevelIndex(np.arange(10), np.arange(10), 40, (16,), 8, np.int32)


def test_pair_index_gives_frequencies_and_nan_for_absent_pairs():
    keys = np.array([5, 17, 1 << 33])
    index = PairIndex(keys, np.array([0, 40, 255], dtype=np.uint8))
    got = index.lookup(np.array([17, 6, 1 << 33, 5]))
    assert got.dtype == np.float32
    assert got[[0, 2, 3]].tolist() == [2.0, 12.75, 0.0] and np.isnan(got[1])


def test_pair_index_marks_pairs_only_the_language_model_attests():
    keys = np.array([5, 17, 1 << 33])
    index = PairIndex(keys, np.array([0, 40, 255], dtype=np.uint8), np.array([0, 1, 0]))
    codes = index.codes(np.array([17, 5, 6]))
    assert codes.tolist() == [MODEL_ONLY + 40, 0, -1]
    assert index.freq_of_code[codes[:2]].tolist() == [2.0, 0.0]


def test_a_word_next_to_a_pair_only_the_model_attests_is_still_tested():
    from scanner.spin.analysis import association, word_ids

    table = tables()
    ids, _ = word_ids(table, ["humanitarian", "help"])
    _, seen, _, codes = association(table, ids[:1], ids[1:])
    assert seen[0] and codes[0] >= MODEL_ONLY  # in the table, from the language model only
    a = analyse(Document("They sent humanitarian help."))  # no pair to the right of "help"
    assert a.ids[3] == table.index["help"] and 3 in a.sites.tolist()


def test_token_index_codes_most_tokens_and_leaves_the_rest_unknown():
    from scanner.spin.analysis import word_ids
    from scanner.spin.tables import NOT_LOWER, UNKNOWN
    from scanner.spin.tokens import tokens_of

    table = tables()
    tokens = tokens_of(seed("003").text) + ["Xqzv", "HELP"]
    got = table.codes.lookup(tokens)
    ids, lower = word_ids(table, tokens)  # exact for every token (fallback included)
    exact = np.where(lower, ids, ids + NOT_LOWER)
    found = got != UNKNOWN
    assert np.array_equal(got[found], exact[found])
    assert found.mean() > 0.85 and not found[-2:].any()


def test_table_knows_collocations_and_their_absence():
    table = tables()
    i = table.index

    def freq(a, b):
        return table.pairs.lookup(np.array([i[a] * table.size + i[b]]))[0]

    assert freq("national", "security") > 3.5
    assert np.isnan(freq("nationwide", "security"))
    assert table.words[0] == "'s"


def test_candidates_propose_originals_but_not_spelling_variants():
    table = tables()
    i = table.index

    def candidates(word):
        return {table.words[j] for j in table.cand_ids[table.candidates(i[word])]}

    assert "assistance" in candidates("help")
    assert "region" in candidates("area")
    assert "defence" not in candidates("defense")
    assert not candidates("the")


def test_british_spellings_keep_their_american_twins_company():
    # the books and the language model are mostly American: the builder lends a spelling's
    # word pairs to its twin, so a British text's pairs are as attested as an American one's
    table = tables()
    i = table.index

    def association(a, b):
        value, seen, _, _ = pair_association(table, np.array([i[a]]), np.array([i[b]]))
        return float(value[0]), bool(seen[0])

    # (pairs a spelling has of its own keep their own counts: "centres of" is in the BBC text)
    for british, american, right in [("flavour", "flavor", "that"), ("licenced", "licensed", "to")]:
        (ours, seen), (theirs, _) = association(british, right), association(american, right)
        assert seen and ours == pytest.approx(theirs, abs=0.15), british
    text = ("Browning the butter first gives the dough a deep, toasty flavour that plays "
            "beautifully with oats and a little cinnamon.")
    assert not list(RULE.check(Document(text)))


# ----- analysis and SPN001 -------------------------------------------------------------------
def test_texts_analysed_together_give_their_own_analyses():
    from scanner.spin.analysis import analyse_texts

    texts = ["The agency offered humanitarian help", "Help arrived in link with the storm.", "",
             "carbon", "Discharges rose. They cut carbon discharges sharply."]
    together = analyse_texts(texts)
    assert len(together) == len(texts) and sum(len(a.sites) for a in together) >= 3
    for text, batched in zip(texts, together):
        assert "pairs" not in vars(batched)  # the pair positions are built when read
        alone = analyse_texts([text])[0]
        for field in ("ids", "pairs", "pair_seen_of_pairs", "sites", "gain", "best", "left_gain",
                      "right_gain", "site_x"):
            assert np.array_equal(getattr(batched, field), getattr(alone, field)), field


def test_a_long_text_analysed_in_small_chunks_gives_the_whole_analysis(monkeypatch):
    import scanner.spin.analysis as analysis_module
    import scanner.spin.tokens as tokens_module
    import scanner.text_pieces as text_pieces_module

    text = "\n\n".join([seed("003").text] * 7)  # the spun seed: 5,000 words with findings
    whole_doc, chunked_doc = Document(text), Document(text)
    whole = analyse(whole_doc)
    chunk = 50
    monkeypatch.setattr(analysis_module, "TOKEN_CHUNK", chunk)
    monkeypatch.setattr(text_pieces_module, "PIECE_CHARS", 200)
    assert len(list(tokens_module.token_pieces(text))) > 100
    chunked = analyse(chunked_doc)
    edges = set((whole.sites % chunk).tolist())
    assert len(whole.ids) > 100 * chunk and {0, chunk - 1} <= edges  # sites on window edges
    for field in ("ids", "pairs", "pair_seen_of_pairs", "sites", "gain", "best", "left_gain",
                  "right_gain", "site_x"):
        assert np.array_equal(getattr(whole, field), getattr(chunked, field)), field
    assert spin_probability(whole_doc) == spin_probability(chunked_doc)
    findings = list(RULE.check(whole_doc))
    assert findings and findings == list(RULE.check(chunked_doc))


def test_rule_prepare_fills_the_analyses_check_uses():
    docs = [Document("They cut carbon discharges sharply."), Document("Police held a man.")]
    RULE.prepare(docs)
    analyses = [doc.cache[ANALYSIS_KEY] for doc in docs]
    assert [analyse(doc) for doc in docs] == analyses
    assert [f.excerpt for f in RULE.check(docs[0])] == ["carbon discharges"]


def test_analysis_restores_the_original_word():
    doc = Document("The agency offered humanitarian help and other support.")
    a = analyse(doc)
    site = next(j for j, k in enumerate(a.sites) if a.ids[k] == tables().index["help"])
    assert tables().words[a.best[site]] in {"aid", "assistance"}
    assert a.gain[site] > 3
    assert a.site_x.shape == (len(a.sites), len(SITE_FEATURES))
    assert analyse(doc) is a  # memoised for the score


def test_a_name_is_no_site_where_it_opens_a_sentence():
    # QA pass 23: a kicker's surname in a scoring summary, "(Gaines kick)" after each bracket
    # (which opens a sentence), was read as a swapped "gains": "Benefits kick", and the clean
    # report scored 0.95
    names = "W - Price 4 run (Gaines kick)\nW - Harmon 55 pass (Gaines kick)\n"
    doc = Document(names)
    assert tables().index.get("gaines") is not None  # the word is in the vocabulary
    assert "Gaines" not in site_words(doc)
    # a capitalised word its text also writes in lower case is a word, and stays a site
    assert "Discharges" in site_words(Document("Discharges rose sharply. They cut carbon discharges."))


def site_words(doc: Document) -> list[str]:
    """The words of a document's tested sites."""
    where = spans_at(doc.text, analyse(doc).sites.tolist())
    return [doc.text[start:end] for start, end in where.values()]


@pytest.mark.parametrize("text, excerpt, suggestion", [
    ("They cut carbon discharges sharply.", "carbon discharges", "carbon emissions"),
    ("Police held three men in link with the theft.", "in link with", "in connection with"),
])
def test_rule_flags_swaps_with_exact_span_and_suggestion(text, excerpt, suggestion):
    findings = list(RULE.check(Document(text)))
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start:f.end] == f.excerpt == excerpt
    assert f.suggestion == suggestion
    assert f.data["gain"] >= RULE.options["info_gain"]


@pytest.mark.parametrize("text", [
    "They cut carbon emissions sharply.",
    "Police held three men in connection with the theft.",
    "The national security strategy was released in December.",
    "Shares in the firm rose 5% after it reported record profits.",
])
def test_rule_leaves_idiomatic_text_alone(text):
    assert list(RULE.check(Document(text))) == []


@pytest.mark.parametrize("text, span, whole", [
    ("a self-regarding as ever", (7, 19), "self-regarding as"),  # starts inside a compound
    ("long-range rockets", (0, 4), "long-range"),  # ends inside one
    ("a well-to-do man", (7, 9), "well-to-do"),
    ("the range - and more", (4, 9), "range"),  # a spaced dash joins nothing
])
def test_an_excerpt_covers_whole_hyphenated_words(text, span, whole):
    from scanner.checks.spin import whole_words

    start, end = whole_words(text, *span)
    assert text[start:end] == whole


def test_rule_options_move_the_thresholds():
    text = "They cut carbon discharges sharply."
    strict = CollocationBreak(info_gain=9.0, warning_gain=9.5)
    assert list(strict.check(Document(text))) == []
    loud = CollocationBreak(info_gain=1.0, warning_gain=1.5)
    assert {f.severity for f in loud.check(Document(text))} == {Severity.WARNING}


# ----- language and the score ----------------------------------------------------------------
def test_non_english_gets_no_score_and_no_findings():
    doc = Document("Le gouvernement japonais a publié une nouvelle stratégie de sécurité "
                   "nationale en décembre, selon le ministère de la défense.")
    assert not is_english(doc)
    assert spin_probability(doc) is None
    assert list(RULE.check(doc)) == []


def test_score_is_a_probability_and_memoised():
    doc = Document("The government will raise taxes on fuel to cut carbon emissions.")
    score = spin_probability(doc)
    assert 0.0 <= score <= 1.0
    assert spin_probability(doc) == score
    # the second call must read the memo, not recompute (equal values alone cannot tell)
    doc.cache[SPIN_CACHE_KEY] = 0.123
    assert spin_probability(doc) == 0.123


def test_seed_spun_copy_scores_highest_and_is_flagged():
    scores = {p: spin_probability(seed(p)) for p in ("000", "001", "002", "003")}
    assert scores["003"] >= 0.5
    assert all(scores[p] < 0.5 for p in ("000", "001", "002"))
    spun = list(RULE.check(seed("003")))
    assert len(spun) >= 10
    assert any(f.severity == Severity.WARNING for f in spun)
    excerpts = " | ".join(f.excerpt for f in spun)
    # substitutions the spinner made (tests/test_seeds.py lists them all); not "joint
    # declaration", which is idiomatic English too (the language-model pairs attest it)
    for swap in ("humanitarian help", "’s sees to", "attain their", "mentioning an"):
        assert swap in excerpts


def test_seed_clean_copies_get_no_warnings():
    for prefix in ("000", "001", "002"):
        assert not [f for f in RULE.check(seed(prefix)) if f.severity != Severity.INFO]


def test_plain_arrays_match_the_skops_estimators():
    estimators = load_estimators()
    converted = SpinModel.from_estimators(estimators)
    shipped = classifier()
    assert np.allclose(converted.doc_w, shipped.doc_w) and np.isclose(converted.doc_b,
                                                                      shipped.doc_b)
    assert np.array_equal(converted.site.flat, shipped.site.flat)
    a = analyse(seed("003"))
    site_p = estimators["site"].predict_proba(a.site_x)[:, 1]
    assert np.allclose(shipped.site_probabilities(a), site_p, atol=1e-9)
    x = document_features(a, site_p)
    assert len(x) == len(FEATURE_NAMES)
    assert np.isclose(shipped.probability(a), estimators["document"].predict_proba(x[None])[0, 1],
                      atol=1e-4)


def test_site_probabilities_of_a_batch_equal_one_by_one():
    from scanner.spin.analysis import analyse_texts

    texts = [seed("003").text, "", "They cut carbon discharges sharply.", seed("000").text]
    together, alone = analyse_texts(texts), analyse_texts(texts)
    classifier().prepare_sites(together)
    for a, b in zip(together, alone):
        assert np.allclose(a.site_p, classifier().site_probabilities(b), rtol=0, atol=1e-12)


# ----- training data -------------------------------------------------------------------------
def _spun_group():
    from scanner.spin.synth import Sample

    clean = Sample("a", "The agency gave humanitarian aid to the region on Monday.", False)
    spun_text = "The bureau gave humanitarian financial help to the area on Monday."
    swaps = [(spun_text.index(new), spun_text.index(new) + len(new), old)
             for new, old in (("bureau", "agency"), ("financial help", "aid"), ("area", "region"))]
    return [clean, Sample("a", spun_text, True, "wordnet", 0.3, swaps)]


def test_truncation_cuts_clean_and_spun_copies_at_the_same_point():
    from scanner.spin.synth import truncated

    clean, spun = truncated(_spun_group(), 5)
    assert clean.text == "The agency gave humanitarian aid"
    assert spun.text == "The bureau gave humanitarian financial help"
    assert spun.spun and [r[2] for r in spun.replacements] == ["agency", "aid"]
    clean, spun = truncated(_spun_group(), 2)
    assert (clean.text, spun.text) == ("The agency", "The bureau")


def test_truncation_keeps_texts_no_longer_than_the_cut_whole():
    from scanner.spin.synth import truncated

    group = _spun_group()
    assert truncated(group, 10) is group
    assert truncated(group, 9)[1].text == group[1].text[:-len(" Monday.")]


def test_a_confidently_clean_article_reports_only_warnings():
    # seed 001 is a near-verbatim wire copy (scores.spin about 0.001) with one weak break,
    # "further loosen restrictions": a hint only when the article context is ignored
    doc = seed("001")
    assert spin_probability(doc) < CollocationBreak.default_options["clean_context_p"]
    ignoring_context = list(CollocationBreak(clean_context_p=0.0).check(doc))
    assert [f.excerpt for f in ignoring_context] == ["further loosen restrictions"]
    assert ignoring_context[0].severity == Severity.INFO
    assert not list(CollocationBreak().check(doc))


def test_the_clean_context_applies_from_context_words_tokens():
    """A text under CONTEXT_WORDS tokens gives no article score to trust: its infos stay
    whatever ``clean_context_p`` says (the README's SPN001 section)."""
    every_article_clean = CollocationBreak(clean_context_p=1.0)
    short = Document("They cut carbon discharges sharply.")
    assert len(analyse(short).ids) < CONTEXT_WORDS
    assert [(f.excerpt, f.severity) for f in every_article_clean.check(short)] == [
        ("carbon discharges", Severity.INFO)]
    long = Document(seed("001").text + "\n\nThey cut carbon discharges sharply.\n")
    assert len(analyse(long).ids) >= CONTEXT_WORDS
    assert not list(every_article_clean.check(long))


@pytest.mark.parametrize("word, not_original", [
    ("chilli", "chile"), ("coriander", "cilantro"), ("grey", "gray"), ("tyre", "tire"),
    ("aubergine", "eggplant"), ("marks", "grades"), ("mark", "grade"), ("biscuits", "cookies"),
    ("films", "movies"), ("lorries", "trucks"), ("tyres", "tires"),
])
def test_a_regional_name_or_spelling_is_no_likely_original(word, not_original):
    table = tables()
    candidates = {table.words[j] for j in table.cand_ids[table.candidates(table.index[word])]}
    assert candidates  # the word keeps its other candidates
    assert not_original not in candidates


def test_no_swap_is_restored_to_a_vulgar_pair():
    table = tables()
    key = np.array([table.index["jerk"] * table.size + table.index["off"]], dtype=np.int64)
    assert np.isnan(table.pairs.lookup(key)[0])
    pull = np.array([table.index["pull"] * table.size + table.index["off"]], dtype=np.int64)
    assert table.pairs.lookup(pull)[0] > 0  # the table still holds the pairs around it


def test_an_indian_recipe_in_british_english_gets_no_spin_warning():
    # the QA pass's Indian recipe, which the tables before regional names were left out of the
    # candidates warned four times ("green chilli and", "chilli powder", ...)
    text = (Path(__file__).resolve().parents[1] / "bench" / "data" / "handwritten"
            / "recipe_dal_india.txt").read_text(encoding="utf-8")
    found = CollocationBreak().check(Document(text))
    assert not [f for f in found if f.severity is not Severity.INFO]


SHORT_CLEAN = ("The council approved the budget for the city's libraries on Monday, adding money "
               "for longer opening hours and for repairs to the roofs of three branches. "
               "Librarians welcomed the decision but said staffing remained a concern.")


@pytest.mark.parametrize(("text", "severity"), [
    (SHORT_CLEAN, Severity.WARNING),  # under 100 tokens, no swap to point at
    (SHORT_CLEAN + " The city will also cut carbon discharges from its buildings.", Severity.ERROR),
    (" ".join([SHORT_CLEAN] * 4), Severity.ERROR),  # long enough for the score alone
])
def test_the_spun_verdict_is_a_warning_on_a_short_text_without_a_swap_found(
        monkeypatch, text, severity):
    import scanner.checks.spin as spin_checks

    monkeypatch.setattr(spin_checks, "spin_score", lambda doc: (0.9, None))
    doc = Document(text)
    if severity is Severity.ERROR and len(text) < 400:
        assert list(CollocationBreak().check(doc))  # the swap SPN001 points at
    findings = list(spin_checks.SpunArticle().check(doc))
    assert [f.severity for f in findings] == [severity]


@pytest.mark.parametrize(("configured", "severity"), [
    (None, Severity.WARNING),  # the rule's own grading: a short text's verdict is a warning
    ("info", Severity.INFO),
    ("error", Severity.ERROR),  # `[severity]` sets every SPN002 finding, the short text's too
])
def test_a_configured_severity_holds_for_the_short_text_verdict(monkeypatch, configured, severity):
    import scanner.checks.spin as spin_checks
    from scanner.config import Config
    from scanner.engine import Scanner
    from scanner.io.records import InputRecord

    monkeypatch.setattr(spin_checks, "spin_score", lambda doc: (0.9, None))
    values = {"select": ["SPN002"]} | ({"severity": {"SPN002": configured}} if configured else {})
    result = Scanner(Config().merged(values, "test")).scan_record(
        InputRecord(id="short", text=SHORT_CLEAN))
    assert [(f.rule, f.severity) for f in result.findings] == [("SPN002", severity)]


def test_spn001_docs_give_the_size_of_the_shipped_collocation_table():
    """QA pass 12 D10: the rule page said 760k pairs while the table holds 2.01M."""
    from scanner.resources import data_path

    with np.load(data_path("models", "spin", "colloc.npz")) as data:
        total = len(data["key_deltas"])
        model_only = int(np.unpackbits(data["pair_model_only"], count=total).sum())
    docs = " ".join(CollocationBreak.docs.split())
    assert f"{total / 1e6:.2f}M word pairs" in docs
    assert f"{(total - model_only) / 1e3:.0f}k counted" in docs
    assert f"{model_only / 1e6:.2f}M more attested by pocketsphinx" in docs


def _seed_text(number: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(number)).read_text(encoding="utf-8")


def test_a_long_text_is_cut_into_windows_that_share_its_tokens_sites_and_pairs():
    from scanner.spin.features import WINDOW_WORDS, windows

    whole = analyse(Document("\n\n".join([_seed_text("003")] * 5)))
    p = classifier().site_probabilities(whole)
    parts = windows(whole, p)
    words = [int((part.ids >= 0).sum()) for part, _ in parts]
    assert len(parts) >= 2 and all(0.75 * WINDOW_WORDS <= n <= 1.25 * WINDOW_WORDS for n in words)
    assert np.array_equal(np.concatenate([part.ids for part, _ in parts]), whole.ids)
    assert sum(len(part.sites) for part, _ in parts) == len(whole.sites)
    assert np.array_equal(np.concatenate([site_p for _, site_p in parts]), p)
    assert sum(len(part.pair_seen_of_pairs) for part, _ in parts) == len(whole.pair_seen_of_pairs)
    starts = np.cumsum([0] + [len(part.ids) for part, _ in parts[:-1]])
    assert np.array_equal(np.concatenate([part.pairs + start
                                          for (part, _), start in zip(parts, starts)]), whole.pairs)
    short = analyse(Document(_seed_text("003")))
    assert windows(short, classifier().site_probabilities(short))[0][0] is short


def _heldout_bbc_text(article_id: str) -> str:
    return next(a["text"] for a in bbc_articles(held_out=True) if a["id"] == article_id)


@pytest.mark.parametrize("article", [
    # clean, 0.29; its five copies read as one piece would score 0.98
    lambda: _heldout_bbc_text("bbc-politics-320"),
    lambda: _seed_text("003"),  # spun, 0.73
], ids=["clean-bbc-politics-320", "spun-seed-003"])
def test_evidence_does_not_pile_up_with_length(article):
    """Five copies of an article score as the article does (a clean one stays clean, a spun
    one does not climb to certainty): the classifier learned from articles of a few hundred
    words, and a long text is scored by windows of that size."""
    text = article()
    once = spin_probability(Document(text))
    five = spin_probability(Document("\n\n".join([text] * 5)))
    assert abs(five - once) < 0.15
