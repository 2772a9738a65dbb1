"""Headline checks: stance model on hand-written pairs, the three rules on flag/ok texts, the
seeds, spans, the memoised ``scores.headline`` object, and the exported model arrays."""
from __future__ import annotations

import numpy as np
import pytest

from scanner.checks.headline import (
    _CRITIC_BODY,
    _FLOOD_BODY,
    _GAZA_BODY,
    _MIXED_BODY,
    _SPIDER_HOAX_BODY,
    _SPIDER_TRUE_BODY,
    _TIES_BODY,
    ClickbaitHeadline,
    HeadlineBodyMismatch,
    UnsupportedFraming,
)
from scanner.headline import assess, body_text
from scanner.headline.clickbait import clickbait_model, load_classifier, ngrams
from scanner.headline.features import FEATURE_NAMES, Body, pair_features
from scanner.headline.model import load_pipeline, stance_model
from tests.conftest import SEEDS, doc_of

SEED_TITLES = [
    "NATO and Japan Pledge to Strengthen Ties",
    "NATO chief Stoltenberg calls for stronger partnership with Japan | NATO News",
    ("Japan and NATO pledge to strengthen cooperation | Russian military cooperation has led "
     "to the tensest security environment since World War II"),
    "NATO chief prompts closer ties with Japan to safeguard democracy",
    "NATO’s Attack on Japan",
]


def _seed(index: int):
    return doc_of(SEEDS[index].read_text(encoding="utf-8"))


def _findings(rule, doc):
    return [f for f in rule().check(doc) if f.rule == rule.id]


# ----- stance model ------------------------------------------------------------------------
@pytest.mark.parametrize("title,body,related", [
    ("Hundreds of Palestinians flee floods in Gaza", _GAZA_BODY, True),
    ("Giant spider found in Australian family's kitchen", _SPIDER_TRUE_BODY, True),
    ("NATO and Japan pledge to strengthen ties", _TIES_BODY, True),
    ("Apple unveils a foldable iPhone with a three-day battery", _GAZA_BODY, False),
    ("Stock markets fall as oil price hits record high", _TIES_BODY, False),
])
def test_stance_related_or_not(title, body, related):
    scores = assess(doc_of(body, title))
    assert (scores["stance"] != "unrelated") == related
    assert abs(sum(scores["probabilities"].values()) - 1.0) < 1e-3
    assert scores["confidence"] == max(scores["probabilities"].values())


def test_stance_features_match_names():
    model = stance_model()
    features = pair_features("NATO and Japan pledge", Body(_TIES_BODY, model.lexicon),
                             model.lexicon)
    assert features.shape == (len(FEATURE_NAMES),) and np.isfinite(features).all()


def test_exported_weights_equal_the_pipeline():
    pipeline = load_pipeline()
    model = stance_model()
    x = np.array([pair_features(t, Body(b, model.lexicon), model.lexicon)
                  for t, b in [("NATO and Japan pledge", _TIES_BODY),
                               ("Apple unveils a foldable iPhone", _GAZA_BODY)]])
    assert np.allclose(pipeline.predict_proba(x), model.probabilities(x), atol=1e-6)


# ----- scores.headline -----------------------------------------------------------------------
def test_assess_is_memoised_and_none_without_title():
    doc = doc_of(_TIES_BODY, "NATO and Japan pledge to strengthen ties")
    assert assess(doc) is assess(doc)
    assert set(assess(doc)) >= {"stance", "confidence", "title", "clickbait"}
    assert assess(doc_of("no title here")) is None


def test_empty_body_gets_no_stance_but_a_clickbait_score():
    scores = assess(doc_of("", "You Won't Believe What This Dog Did Next"))
    assert scores["stance"] is None and scores["confidence"] is None
    assert scores["clickbait"] > 0.9
    assert _findings(ClickbaitHeadline, doc_of("", "You Won't Believe What This Dog Did Next"))


def test_body_excludes_the_headline_line():
    doc = _seed(4)
    assert doc.title == SEED_TITLES[4]
    assert not body_text(doc).startswith("NATO’s Attack")


# ----- rules on the seeds --------------------------------------------------------------------
def test_seed_titles_are_the_expected_ones():
    assert [_seed(i).title for i in range(5)] == SEED_TITLES


def test_seed_004_unsupported_framing_spans_its_headline_line():
    doc = _seed(4)
    found = _findings(UnsupportedFraming, doc)
    assert len(found) == 1
    assert (found[0].start, found[0].end) == (doc.title_span.start, doc.title_span.end)
    assert doc.text[found[0].start:found[0].end] == "NATO’s Attack on Japan"
    assert "Attack" in found[0].message


@pytest.mark.parametrize("index", range(4))
@pytest.mark.parametrize("rule", [HeadlineBodyMismatch, UnsupportedFraming, ClickbaitHeadline])
def test_seeds_000_to_003_have_no_headline_findings(index, rule):
    assert not _findings(rule, _seed(index))


def test_explicit_title_not_in_text_gives_whole_document_finding():
    found = _findings(HeadlineBodyMismatch,
                      doc_of(_GAZA_BODY, "Apple unveils a foldable iPhone with a three-day battery"))
    assert found and found[0].start is None and found[0].end is None
    assert found[0].excerpt == "Apple unveils a foldable iPhone with a three-day battery"
    assert "missing" in found[0].message


# ----- each rule: flag and not flag ----------------------------------------------------------
def test_mismatch_flags_a_swapped_headline_not_the_true_one():
    assert _findings(HeadlineBodyMismatch, doc_of(_GAZA_BODY, "Hollywood actor wins Oscar for "
                                                  "best supporting role"))
    assert not _findings(HeadlineBodyMismatch,
                         doc_of(_GAZA_BODY, "Hundreds of Palestinians flee floods in Gaza"))


@pytest.mark.parametrize("title", ["How the floods unfolded in five charts",
                                   "Five things we learned from the floods"])
def test_mismatch_matches_key_terms_by_stem(title):
    # the body says "flood defences", never "floods"
    assert not _findings(HeadlineBodyMismatch, doc_of(_FLOOD_BODY, title))


@pytest.mark.parametrize("title", ["Former mayor found guilty of fraud",
                                   "Late goal sends City top of the table"])
def test_mismatch_still_flags_a_swapped_headline_over_the_same_body(title):
    found = _findings(HeadlineBodyMismatch, doc_of(_FLOOD_BODY, title))
    assert found and "matched by word stem" in found[0].message


def test_mismatch_quotes_the_refuting_sentence_of_a_debunked_headline():
    found = _findings(HeadlineBodyMismatch,
                      doc_of(_SPIDER_HOAX_BODY, "Family finds giant spider on kitchen wall"))
    assert found and "doctored" in found[0].message
    assert found[0].data["stance"] == "disagree"
    assert not _findings(HeadlineBodyMismatch,
                         doc_of(_SPIDER_TRUE_BODY, "Family finds giant spider on kitchen wall"))


def test_framing_needs_the_opposite_story():
    assert _findings(UnsupportedFraming, doc_of(_TIES_BODY, "NATO slams Japan"))
    assert not _findings(UnsupportedFraming, doc_of(_CRITIC_BODY, "Blair slams Tory tax plans"))
    assert not _findings(UnsupportedFraming,
                         doc_of(_TIES_BODY, "NATO and Japan pledge to strengthen ties"))


def test_framing_names_the_actors_as_the_headline_writes_them():
    body = _TIES_BODY.replace("Japan", "Canada").replace("NATO", "Mexico")
    found = _findings(UnsupportedFraming, doc_of(body, "Canada's Attack on Mexico"))
    assert found and "about Canada and Mexico;" in found[0].message
    assert found[0].data["actors"] == ["Canada", "Mexico"]
    found = _findings(UnsupportedFraming, doc_of(_TIES_BODY, "NATO slams Japan"))
    assert found and "about NATO and Japan;" in found[0].message


@pytest.mark.parametrize("title", ["Canada slams Mexico over dairy delay",
                                   "Canada blasts Mexico over dairy", "Canada's attack on Mexico"])
def test_framing_counts_the_bodys_own_conflict_as_support(title):
    assert not _findings(UnsupportedFraming, doc_of(_MIXED_BODY, title))
    cooperation_only = _MIXED_BODY[_MIXED_BODY.index("The criticism"):].replace(
        "The criticism came", "That came")
    assert _findings(UnsupportedFraming, doc_of(cooperation_only, title))


def test_framing_a_warning_aimed_elsewhere_is_no_conflict_between_the_actors():
    aside = (" NATO chief Jens Stoltenberg warned that China's growing military power was a "
             "threat to the region during his visit to Japan.")
    assert _findings(UnsupportedFraming, doc_of(_TIES_BODY + aside, "NATO slams Japan"))


_AEGEAN_TALKS = ("Greek and Turkish ministers met in Athens on Monday and agreed to work together "
                 "on migration, praising their partnership and pledging joint support for the talks. ")
_AEGEAN_CLASH = "Greece and Turkey clash over Aegean drilling"


@pytest.mark.parametrize("conflict", [
    "Greece and Turkey traded accusations over the drilling on Monday.",
    "A dispute between Greece and Turkey over the drilling deepened on Monday.",
])
def test_framing_a_conflict_with_both_actors_on_one_side_backs_the_headline(conflict):
    assert not _findings(UnsupportedFraming, doc_of(_AEGEAN_TALKS + conflict, _AEGEAN_CLASH))
    assert _findings(UnsupportedFraming, doc_of(_AEGEAN_TALKS, _AEGEAN_CLASH))


@pytest.mark.parametrize("sentence, conflict", [
    ("Greece warned Turkey over the drilling on Monday.", True),
    ("A row between Greece and Turkey over the drilling deepened on Monday.", True),
    ("Greece said Turkey's drilling was unacceptable.", True),
    ("Greek and Turkish rowing crews later trained together in the harbour.", False),
])
def test_framing_a_warning_a_row_or_unacceptable_between_the_actors_is_their_conflict(sentence, conflict):
    assert bool(_findings(UnsupportedFraming, doc_of(_AEGEAN_TALKS + sentence, _AEGEAN_CLASH))) != conflict


def test_places_named_after_a_country_are_not_that_country():
    from scanner.headline.framing import _terms

    keys = [t.key for t in _terms("Indiana's Chinatown sailed the Americas to the Niger Delta in "
                                  "the Korean War from New Mexico")]
    assert not {"india", "china", "united states", "niger", "south korea", "mexico"} & set(keys)


def test_stem_match_finds_a_key_term_the_body_has_as_written():
    from scanner.headline.features import _stem_in

    joined = " the parties and studies of enemies at rallies "
    assert all(_stem_in(word, joined) for word in ("parties", "studies", "enemies", "rallies"))
    assert _stem_in("floods", " flood defences ")
    assert all(_stem_in(word, body) for word, body in [
        ("fires", " a fire "), ("fire", " fires "), ("party", " the parties "), ("cars", " a car ")])
    assert not _stem_in("war", " a warm day ")


_TANK_BODY = (
    "France and Germany signed an agreement on Monday to build a new battle tank together, a "
    "milestone in their defence cooperation. The German defence minister and her French "
    "counterpart signed the deal in Paris and praised the excellent partnership between them. "
    "The French minister said the agreement would strengthen Europe's defence industry."
)


@pytest.mark.parametrize("title", ["Germany slams France as tank deal exposes rift",
                                   "Berlin slams Paris over tank deal",
                                   "France's betrayal of Germany", "French attack on Berlin",
                                   "US declares war on Mexico"])
def test_framing_knows_countries_by_demonym_and_capital(title):
    body = (_TANK_BODY if "Mexico" not in title else _TANK_BODY.replace(
        "France", "Mexico").replace("French", "Mexican").replace("Paris", "Mexico City")
        .replace("Germany", "the United States").replace("German", "American"))
    assert _findings(UnsupportedFraming, doc_of(body, title))
    feud = body + " Berlin accused the French government of delaying the work."
    feud = feud.replace("Berlin", "Washington").replace("French", "Mexican") \
        if "Mexico" in title else feud
    assert not _findings(UnsupportedFraming, doc_of(feud, title))


def test_country_names_resolve_to_one_key():
    from scanner.headline.framing import _terms

    keys = [t.key for t in _terms("France, the French government, Paris, Frenchman")]
    assert [k for k in keys if k == "france"] == ["france"] * 4
    assert [t.key for t in _terms("Germans")] == ["germany"]
    assert [t.key for t in _terms("Mexico City and Mexico")] == ["mexico", "and", "mexico"]
    assert [t.key for t in _terms("North Korea, South Korea")] == ["north korea", "south korea"]
    assert [t.written for t in _terms("tell us about china")] == ["tell", "us", "about",
                                                                  "china"]
    assert "united states" not in {t.key for t in _terms("tell us about Latin America")}
    assert [t.key for t in _terms("tell us about turkey")] == ["tell", "us", "about", "turke"]


def test_framing_ignores_a_charged_word_the_body_uses_about_the_actors():
    body = _TIES_BODY + " Japan said NATO had attacked its trade policy in a private letter."
    assert not _findings(UnsupportedFraming, doc_of(body, "NATO's Attack on Japan"))


def test_clickbait_flags_teasers_not_news():
    assert _findings(ClickbaitHeadline, doc_of("", "27 Tweets That Will Make Every Dog Owner "
                                                   "Laugh"))
    assert not _findings(ClickbaitHeadline, doc_of("", "Hundreds of Palestinians flee floods "
                                                       "in Gaza"))


def test_exported_clickbait_weights_equal_the_classifier():
    stored = load_classifier()
    vocabulary = stored["vocabulary"].tolist()
    headlines = ["27 Tweets That Will Make Every Dog Owner Laugh",
                 "Hundreds of Palestinians flee floods in Gaza",
                 "This Is Why You Should Never, Ever, Ever Do This Again"]  # repeated n-grams
    x = np.array([[float(g in ngrams(h)) for g in vocabulary] for h in headlines])
    expected = stored["classifier"].predict_proba(x)[:, 1]
    got = [clickbait_model().probability(h) for h in headlines]
    assert np.allclose(expected, got, atol=1e-6)


def test_non_english_body_gets_no_stance():
    body = ("Le gouvernement japonais a publié une nouvelle stratégie de sécurité nationale qui "
            "prévoit une forte hausse des dépenses militaires. Le Premier ministre a déclaré que "
            "le pays renforcerait sa coopération avec ses alliés et avec l'OTAN dans les années "
            "à venir, face aux tensions croissantes dans la région indo-pacifique et en Europe.")
    scores = assess(doc_of(body, "Apple unveils a foldable iPhone with a three-day battery"))
    assert scores["stance"] is None and "English" in scores["note"]


REVERSAL_LEAD = [
    "Oil prices rose for a sixth straight session on Monday, reaching a four-month high.",
    "The chancellor said the vote, expected to fall on 5 May, would give a clear choice.",
    "Schools and colleges in the city would remain closed on Monday, the council said.",
]


@pytest.mark.parametrize(("headline", "outcome"), [
    ("Oil prices slump as demand weakens", "fall"),  # the lead says prices rose
    ("City schools reopen after the storm", None),  # a reopening story recounts the closure
    ("Oil prices rise", None),  # the lead says so
    ("Oil prices fall back from highs", None),  # a return from a rise
    ("Chancellor rallies Labour voters", None),  # no quantity moves
    ("Will oil prices slump again?", None),  # a question states no outcome
    ("Oil prices rise again on cold weather", None),  # the lead says so
])
def test_a_reversed_outcome_is_found_and_a_consistent_one_is_not(headline, outcome):
    from scanner.headline.reversal import reversed_outcome

    found = reversed_outcome(headline, REVERSAL_LEAD)
    assert (found and found.outcome) == outcome


@pytest.mark.parametrize(("headline", "flagged"), [
    ("Former mayor cleared of bribery", True),
    ("Former mayor jailed for bribery", False),
    ("Former mayor pleads not guilty to bribery", False),  # a plea, not a verdict
    ("Judge cleared of misconduct in separate inquiry", False),  # no key word in the lead
    ("Former mayor cleared to stand for office again", False),  # no verdict
])
def test_a_verdict_is_checked_against_the_leads_verdict(headline, flagged):
    from scanner.headline.reversal import reversed_outcome

    lead = ["The former mayor was sentenced to six years in prison for bribery on Friday.",
            "He denied the charges throughout the trial."]
    assert (reversed_outcome(headline, lead) is not None) == flagged


@pytest.mark.parametrize(("headline", "body"), [
    ("Man who spent 20 years in jail cleared of murder",
     "A man who spent 20 years in prison for a murder he did not commit has had his conviction "
     "quashed by the Court of Appeal. Judges said the evidence was unreliable."),
    ("Covid cases rise in Scotland",
     "Covid cases increased by 10% this week while deaths fell to their lowest level this year."),
    ("House prices rise for third month",
     "UK house prices grew by 0.5% in March, after prices dropped last year."),
    ("Ex-police officer sentenced over crash",
     "A former police officer has been given a suspended prison term after a crash. He was "
     "acquitted of a more serious charge of dangerous driving last month."),

    ("Tesla shares fall after early rally",  # QA pass 10: the rise, then the fall, in one sentence
     "Tesla shares rose as much as 4% in early trading on Wednesday before falling 2.1% by the "
     "close, as investors weighed the carmaker's delivery figures."),
    ("Tesla shares fall after early rally",  # the fall in the next sentence, after "they"
     "Tesla shares rose as much as 4% in early trading on Wednesday. By the close they had "
     "fallen 2.1%, as investors weighed the carmaker's delivery figures."),
    ("Former mayor cleared of corruption on appeal",  # an appeal follows a conviction
     "A former mayor who was jailed for six years in 2021 has been freed after appeal judges "
     "ruled that his trial had been unfair."),
])
def test_a_body_that_words_the_headlines_outcome_otherwise_is_no_reversal(headline, body):
    from scanner.headline import text as T
    from scanner.headline.reversal import reversed_outcome

    assert reversed_outcome(headline, T.sentences(body)) is None


@pytest.mark.parametrize("aside", [
    "His lawyers said he would appeal.", "He has 28 days to lodge an appeal.",
    "His lawyer said he was innocent.", "He denied the charges.",
    "He hopes to be cleared on appeal.", "He could be freed within a year.",
    "His lawyers said they would seek to have the conviction quashed.",
    "His lawyer said he should have been acquitted.", "He vowed to clear his name on appeal.",
])
def test_a_planned_appeal_or_a_lawyers_claim_is_no_acquittal(aside):
    from scanner.headline.reversal import reversed_outcome

    lead = ["A former mayor was sentenced to four years in prison on Tuesday after a jury "
            "convicted him of fraud.", aside, "The trial had lasted six weeks."]
    found = reversed_outcome("Former mayor acquitted of fraud", lead)
    assert found is not None and found.outcome == "acquittal"
    lead[1] = "He was freed last year when the Court of Appeal quashed the conviction."
    assert reversed_outcome("Former mayor acquitted of fraud", lead) is None


@pytest.mark.parametrize("lead", [
    # the pronoun's sentence moves nothing
    ["Tesla shares rose 4% on Wednesday after the delivery figures.",
     "It was the carmaker's best day in a month."],
    # the pronoun's fall comes a sentence too late to be the named shares'
    ["Tesla shares rose 4% on Wednesday after the delivery figures.",
     "The company delivered 400,000 cars in the quarter.",
     "By the close they had fallen 2.1%."],
])
def test_a_pronouns_movement_supports_the_headline_only_right_after_the_named_quantity(lead):
    from scanner.headline.reversal import reversed_outcome

    assert reversed_outcome("Tesla shares fall after delivery figures", lead) is not None


# QA pass 33: a match result and a closure that the headline reverses
MATCH_LEAD = [
    "Daniel Okoye scored twice as Harbour City came from behind to beat Northgate Rovers 3-1 "
    "and move to the top of League One on goal difference.",
    "Rovers, who had won their previous five league matches, took the lead after 12 minutes.",
]


@pytest.mark.parametrize(("headline", "lead", "flagged"), [
    ("Northgate Rovers beat Harbour City to go top of League One", MATCH_LEAD, True),
    ("Northgate Rovers Beat Harbour City To Go Top", MATCH_LEAD, True),  # title case
    ("Harbour City 1-3 Northgate Rovers", MATCH_LEAD, True),
    ("Kelso Rangers 2-1 Ashford Town", ["Ashford Town's 2-1 win over Kelso Rangers lifted them "
                                        "to third."], True),
    ("Kelso Rangers beat Ashford Town", ["Kelso Rangers 1-2 Ashford Town."], True),
    ("Kelso Rangers beat Ashford Town", ["Kelso Rangers lost 2-1 to Ashford Town."], True),
    ("Kelso Rangers see off Ashford Town", ["Kelso Rangers were beaten 2-1 by Ashford Town."],
     True),
    ("Djokovic beats Nadal in Rome final",
     ["Rafael Nadal beat Novak Djokovic 6-4 6-3 to win the Rome title."], True),
    # the same words, the body's winner
    ("Harbour City beat Northgate Rovers 3-1", MATCH_LEAD, False),
    ("Harbour City 3-1 Northgate Rovers: Okoye double sends hosts top", MATCH_LEAD, False),
    ("Northgate Rovers 1-3 Harbour City", MATCH_LEAD, False),
    ("Northgate Rovers lose to Harbour City", MATCH_LEAD, False),
    ("Nadal beats Djokovic in Rome final",
     ["Rafael Nadal beat Novak Djokovic 6-4 6-3 to win the Rome title."], False),
    ("Northgate Rovers 1-1 Harbour City", MATCH_LEAD, False),  # a draw is no result
    ("Can Northgate Rovers beat Harbour City?", MATCH_LEAD, False),  # a question
    # an earlier meeting, a match still to play
    ("Harbour City beat Northgate Rovers to avenge cup defeat",
     ["Harbour City, beaten 2-0 by Northgate Rovers in August, gained revenge with a 3-1 win "
      "at the Quayside on Saturday."], False),
    ("Northgate Rovers beat Harbour City",
     ["Northgate Rovers need to beat Harbour City on Saturday to stay up."], False),
    # a place whose name starts like a month is no earlier meeting ("in Marseille", "in Augusta")
    ("Northgate Rovers beat Harbour City",
     ["Harbour City beat Northgate Rovers 2-1 in Marseille on Saturday."], True),
])
def test_a_match_result_is_checked_against_the_result_the_lead_reports(headline, lead, flagged):
    from scanner.headline.reversal import reversed_outcome

    found = reversed_outcome(headline, lead)
    assert (found is not None) == flagged
    assert found is None or found.outcome == "win"


KEPT_OPEN = [
    "Millbrook Library will stay open for at least three more years after the county council "
    "agreed to fund it from its reserves, reversing a proposal to close the branch.",
    "The cabinet voted to keep the library running, although it will be closed on Wednesdays.",
    "The other three libraries on the list will close at the end of March.",
]
CLOSING = [
    "Millbrook Library will close in May after the county council confirmed budget cuts, "
    "ending a campaign that drew more than 3,000 objections.",
    "Campaigners had hoped the library would stay open, and a petition to save it attracted "
    "3,240 signatures.",
]


@pytest.mark.parametrize(("headline", "lead", "flagged"), [
    ("Millbrook library to close as council confirms budget cuts", KEPT_OPEN, True),
    ("Council to close Millbrook library", KEPT_OPEN, True),  # the object closes
    ("Council confirms library will close in May", KEPT_OPEN, True),
    ("Library saved from closure", CLOSING, True),
    ("Millbrook library to stay open", CLOSING, True),
    ("Festival cancelled after storm damage",
     ["The Millbrook Festival will go ahead after organisers repaired the storm damage, and "
      "the festival will continue on its usual site."], True),
    ("BBC axes Question Time after 45 years",
     ["Question Time will continue for two more series, the BBC has confirmed."], True),
    # the same words, the body's outcome
    ("Library saved from closure", KEPT_OPEN, False),
    ("Millbrook library saved as council finds money for three more years", KEPT_OPEN, False),
    ("Millbrook library will not close", KEPT_OPEN, False),  # negated: a reprieve
    ("Council confirms library will close in May", CLOSING, False),
    ("Millbrook library to close", CLOSING, False),
    ("Council scraps plan to close library", KEPT_OPEN, False),  # a plan, not a closure
    ("Library could close under council plans",
     ["Millbrook Library will stay open this year but could close in 2027."], False),
    # a prospect in the body is no closure ("could close" as "may close")
    ("Millbrook library to stay open",
     ["Millbrook Library could close next year unless the council finds more money."], False),
    ("Millbrook library to stay open",
     ["Millbrook Library may close next year unless the council finds more money."], False),
    # the opposite said of the subject's past, of a time until, of something else
    ("Millbrook library to close",
     ["The library in Millbrook, which has stayed open through two rounds of cuts, is to close "
      "in May."], False),
    ("Millbrook library to close",
     ["Millbrook Library will remain open until the end of May, when it will shut for good."],
     False),
    ("Bank to close Millbrook branch",
     ["Barclays will close its Millbrook branch in June, though its cash machine in the branch "
      "will remain open."], False),
    ("Swimming pool to close for refurbishment",
     ["The swimming pool will close on Monday for a refit and reopen in September."], False),
])
def test_a_closure_is_checked_against_what_the_lead_says_became_of_its_subject(headline, lead,
                                                                               flagged):
    from scanner.headline.reversal import reversed_outcome

    found = reversed_outcome(headline, lead)
    assert (found is not None) == flagged
    assert found is None or found.outcome in ("closure", "reprieve")


def test_a_reversed_closure_is_reported_on_the_headline():
    from scanner.checks.headline import ReversedOutcome

    doc = doc_of(" ".join(KEPT_OPEN * 10), "Millbrook library to close")
    found = _findings(ReversedOutcome, doc)
    assert len(found) == 1 and '"to close"' in found[0].message
    assert "will stay open" in found[0].message
