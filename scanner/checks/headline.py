"""Headline checks: body/headline mismatch (HDL001), unsupported framing (HDL002), clickbait
(HDL003), reversed outcome (HDL004). HDL001 and HDL003 share one
:func:`scanner.headline.assess` per document."""
from __future__ import annotations

from collections.abc import Iterator

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.headline import assess, body_sentences, evidence, refuting_sentence
from scanner.headline.framing import CHARGED_RE, unsupported_framing
from scanner.headline.reversal import reversal_of, stated_outcomes
from scanner.rule import Rule, flag, ok

_GAZA_BODY = (
    "Hundreds of Palestinians were evacuated from their homes in the central Gaza Strip on "
    "Sunday after water levels rose sharply following days of heavy rain. Civil defence "
    "officials said boats were used to rescue families trapped in flooded houses near the Wadi "
    "Gaza valley, and that schools run by the United Nations had been opened as shelters. "
    "Officials said the flooding had damaged farmland and roads, and warned that more rain was "
    "expected later in the week."
)
_FLOOD_BODY = (
    "Thousands of people were evacuated from their homes on Sunday after heavy rain made "
    "rivers burst their banks across the north, officials said. Rescue teams reached dozens "
    "of residents trapped by rising water, and two people were reported missing. The weather "
    "service issued a red warning and said more rain was expected over the next two days. "
    "Soldiers were sent to fill sandbags and reinforce flood defences, and councils opened "
    "shelters in sports halls for those forced to leave their homes."
)
_SPIDER_HOAX_BODY = (
    "A photo said to show a giant spider in an Australian family's kitchen has been shared "
    "thousands of times this week. But the picture is a hoax. The image was doctored, according "
    "to experts who examined it, and the original shows an ordinary huntsman spider on a toy. "
    "The family named in the posts does not exist, and police said there had been no such "
    "report. The fake photo first appeared on a satirical website known for pranks."
)
_SPIDER_TRUE_BODY = (
    "A family in Queensland found a huntsman spider the size of a dinner plate in their "
    "kitchen on Tuesday, according to local officials. The family said they captured the "
    "giant spider under a bucket and released it into nearby bushland. Wildlife experts said "
    "huntsman spiders are common in Australian houses in summer and are harmless to people. "
    "Photos of the giant spider were shared widely on social media."
)
_TIES_BODY = (
    "Jens Stoltenberg met Japanese Prime Minister Fumio Kishida in Tokyo on Tuesday to discuss "
    "NATO's deepening partnership with Japan. \"No NATO partner is closer or more capable than "
    "Japan,\" Stoltenberg said. The two leaders pledged to strengthen cooperation between NATO "
    "and Japan in cyberspace and maritime security. Kishida said Japan would open a mission to "
    "NATO to deepen relations, and NATO thanked Japan for its support for Ukraine."
)
_DEAL_BODY = (
    "Microsoft and Google announced a joint partnership on Monday to build open standards for "
    "artificial intelligence safety. Microsoft said the agreement would deepen its cooperation "
    "with Google on research and security. Google welcomed the deal and praised Microsoft for "
    "its support, saying the two companies would work together on shared tools. Analysts said "
    "the pledge showed how closely Microsoft and Google now collaborate on regulation."
)
_FEUD_BODY = (
    "Google has accused Microsoft of unfair practices, saying its rival bundled its browser to "
    "shut out competitors. In a blog post, Google criticised Microsoft for what it called an "
    "attack on open competition. Microsoft rejected the criticism and said Google was trying "
    "to distract regulators. The dispute between Google and Microsoft is the latest in a "
    "long-running feud over browsers."
)
_CRITIC_BODY = (
    "Tony Blair has criticised Conservative plans to cut taxes, saying they would mean deep "
    "cuts to schools and hospitals. Mr Blair told Labour activists that the Tory proposals "
    "were a gamble with the economy. The Conservatives rejected the criticism and accused "
    "Labour of wasting public money. Mr Blair said voters faced a clear choice between "
    "investment and cuts at the next election."
)
_MIXED_BODY = (
    "Canada's prime minister on Monday accused Mexico of dragging its feet on dairy access, "
    "calling the delay \"unacceptable\" and warning that Canada would retaliate. The criticism "
    "came hours after the trade ministers of Canada and Mexico signed an agreement and praised "
    "their partnership. Canada said the deal would deepen its ties with Mexico, and Mexico "
    "thanked Canada for its support."
)

MIN_KEY_TERMS = 3  # a headline with fewer content words ("A November to remember") claims too
# little to be called unrelated to its body


def headline_finding(rule: Rule, doc: Document, message: str, *, suggestion: str,
                     data: dict) -> Finding:
    """A finding of ``rule`` on the headline: its line, else the front matter's ``title:`` line
    that states it, else the whole document (quoting the headline in either case)."""
    if doc.title_span is not None:
        start, end, excerpt = doc.title_span.start, doc.title_span.end, None
    elif doc.matter_title_span is not None:
        start, end, excerpt = doc.matter_title_span.start, doc.matter_title_span.end, doc.title
    else:
        start, end, excerpt = None, None, doc.title
    return rule.finding(doc, start, end, message, excerpt=excerpt, suggestion=suggestion,
                        data=data)


def _english_title(doc: Document) -> bool:
    """Whether ``doc`` has a headline and is in English (or of unknown language)."""
    return bool(doc.title) and doc.language in (None, "en")


class HeadlineBodyMismatch(Rule):
    id = "HDL001"
    name = "headline-body-mismatch"
    category = Category.HEADLINE
    severity = Severity.WARNING
    summary = "The body does not support the headline: it is about something else, or refutes it"
    docs = """
Predicts the body's stance toward the headline with a small model trained on the Fake News
Challenge FNC-1 data (agree, disagree, discuss, unrelated; see `scores.headline`). A confident
`unrelated` (the headline's key terms and claim are absent from the body: a swapped or
clickbait headline, or a scraper that paired the wrong title) or a confident `disagree` (the
body refutes or denies the headline's claim, and one of the two sentences closest to the
headline says so outright: hoax, fake, false, denied, debunked, ...) is reported on the
headline. An `unrelated` also
needs the headline's latent topic (LSA) to be far from the body's, so terse headlines that share
no word with their body ("Reds sink 10-man Magpies") pass, and so do headlines of fewer than
three content words ("A November to remember"), and less than a quarter of the headline's
key-term weight (IDF) in the body, key terms matched by word stem, so an explainer whose topic
word the body inflects differently ("Floods: what you need to know" over "flood defences",
"Evacuations: ..." over "evacuated") passes. Options: `unrelated_confidence`,
`disagree_confidence` (minimum model probability), `max_topic_similarity`, `max_key_overlap`.
Credit: FNC-1 (Pomerleau & Rao 2017), features after Riedel et al. 2017 and Hanselowski et
al. 2018.
"""
    default_options = {"unrelated_confidence": 0.9, "max_topic_similarity": 0.2,
                       "max_key_overlap": 0.25, "disagree_confidence": 0.7}
    examples = [
        flag(_GAZA_BODY, title="Apple unveils a foldable iPhone with a three-day battery"),
        flag(_GAZA_BODY, title="Hollywood actor wins Oscar for best supporting role"),
        flag(_TIES_BODY, title="Stock markets fall as oil price hits record high"),
        flag(_SPIDER_HOAX_BODY, title="Family finds giant spider on kitchen wall"),
        ok(_GAZA_BODY, title="Hundreds of Palestinians flee floods in Gaza"),
        ok(_FLOOD_BODY, title="How the floods unfolded in five charts"),
        ok(_SPIDER_TRUE_BODY, title="Giant spider found in Australian family's kitchen"),
        ok(_SPIDER_HOAX_BODY, title="Giant spider photo is a hoax, experts say"),
        ok(_TIES_BODY, title="NATO and Japan pledge to strengthen ties"),
        ok(_CRITIC_BODY, title="Blair attacks Tory tax plans"),
        ok("A short note.", title="Apple unveils a foldable iPhone"),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        pair = evidence(doc) if doc.title else None
        if pair is None:
            return
        scores = assess(doc)
        probabilities = scores["probabilities"]
        if (probabilities["unrelated"] >= float(self.options["unrelated_confidence"])
                and pair.topic_similarity < float(self.options["max_topic_similarity"])
                and pair.stem_overlap < float(self.options["max_key_overlap"])
                and len(pair.key) >= MIN_KEY_TERMS):
            missing = ", ".join(pair.missing[:4]) or "none"
            message = (f"The body does not seem to be about the headline (model: unrelated, "
                       f"{probabilities['unrelated']:.2f}); only {pair.stem_overlap:.0%} of the "
                       f"headline's key-term weight occurs in the body (matched by word stem; "
                       f"missing: {missing}), and its topic is far from the body's "
                       f"({pair.topic_similarity:.2f}).")
        elif (probabilities["disagree"] >= float(self.options["disagree_confidence"])
              and (sentence := refuting_sentence(doc, pair.key)) is not None):
            message = (f"The body seems to contradict the headline (model: disagree, "
                       f"{probabilities['disagree']:.2f}): \"{_clip(sentence)}\"")
        else:
            return
        yield headline_finding(self, doc, message,
                               suggestion="Check that the headline belongs to this article and "
                                          "states what the body reports.",
                               data={"stance": scores["stance"], "probabilities": probabilities})


class UnsupportedFraming(Rule):
    id = "HDL002"
    name = "unsupported-framing"
    category = Category.HEADLINE
    severity = Severity.WARNING
    summary = "Charged headline word (attack, slams, betrayal, ...) that the body contradicts"
    docs = """
Finds charged words in the headline ("attack", "slams", "war on", "betrayal", "destroys",
"humiliates", ...) and the headline's actors (words the body writes as names; a country by
any of its names, demonyms and capital: "France", "French", "Paris"). When no body
sentence about those actors uses the charged word's family, and the sentences that mention
them all speak mostly of cooperation (pledges, partnership, ties, support) rather than of
hostility, the headline frames the story against its own content: "NATO's Attack on Japan"
over a report of NATO and Japan pledging closer ties. A conflict the body itself reports in a
sentence about the actors (accused, criticised, condemned, warned, threatened, retaliate,
dispute, row, clash, "unacceptable", ...) backs any charged word, however much cooperation the
story also describes: "Canada slams Mexico over dairy delay" over a trade deal whose lead has
Canada accusing Mexico.
"""
    examples = [
        flag(_TIES_BODY, title="NATO's Attack on Japan"),
        flag(_TIES_BODY, title="NATO slams Japan"),
        flag(_TIES_BODY, title="Japan's betrayal of NATO"),
        ok(_TIES_BODY, title="NATO and Japan pledge to strengthen ties"),
        ok(_TIES_BODY, title="NATO chief calls for closer partnership with Japan"),
        flag(_DEAL_BODY, title="Microsoft declares war on Google"),
        flag(_DEAL_BODY, title="Google humiliates Microsoft"),
        ok(_CRITIC_BODY, title="Blair attacks Tory tax plans"),
        ok(_CRITIC_BODY, title="Blair slams Tory tax plans"),
        ok(_FEUD_BODY, title="Google slams Microsoft over browser"),
        ok(_FEUD_BODY, title="Google declares war on Microsoft"),
        ok(_MIXED_BODY, title="Canada slams Mexico over dairy delay"),
        ok(_DEAL_BODY, title="Microsoft and Google pledge AI safety partnership"),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        if not _english_title(doc) or not CHARGED_RE.search(doc.title):
            return
        framing = unsupported_framing(doc.title, body_sentences(doc))
        if framing is None:
            return
        words = ", ".join(dict.fromkeys(framing.cooperation))
        yield headline_finding(
            self, doc,
            f"Headline frames the story as \"{framing.term}\", but the body never says so "
            f"about {' and '.join(framing.actors)}; it speaks of {words}.",
            suggestion="Use a headline that reflects what the body reports.",
            data={"term": framing.term, "actors": framing.actors,
                  "cooperation": framing.cooperation, "hostility": framing.hostility},
        )


class ClickbaitHeadline(Rule):
    id = "HDL003"
    name = "clickbait-headline"
    category = Category.HEADLINE
    severity = Severity.INFO
    summary = "Clickbait headline (listicle, teaser, forward reference, 'you won't believe')"
    docs = """
A logistic regression over the headline's word uni- and bigrams, trained on the clickbait /
non-clickbait headlines of Chakraborty et al. (2016), scores how much the headline withholds
or teases instead of informing ("27 Tweets That Will Make You Laugh", "You Won't Believe What
Happened Next"). Reported as info above the `threshold` option (a high bar, so real news
headlines are rarely reported); the probability is `scores.headline.clickbait`.
"""
    default_options = {"threshold": 0.9}
    examples = [
        flag("", title="27 Tweets That Will Make Every Dog Owner Laugh"),
        flag(_GAZA_BODY, title="You Won't Believe What Happened To These Families In Gaza"),
        flag("", title="Which Disney Princess Are You Based On Your Zodiac Sign"),
        ok("", title="Hundreds of Palestinians flee floods in Gaza"),
        ok(_TIES_BODY, title="NATO and Japan pledge to strengthen ties"),
        ok("", title="Blair attacks Tory tax plans"),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        scores = assess(doc)
        if scores is None or scores["clickbait"] < float(self.options["threshold"]):
            return
        yield headline_finding(self, doc,
                               f"Clickbait headline (probability {scores['clickbait']:.2f}).",
                               suggestion="Say what happened instead of teasing it.",
                               data={"probability": scores["clickbait"]})


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


_VERDICT_BODY = (
    "A former finance director of the city council has been sentenced to eight years in prison "
    "for fraud after a court found he had stolen 2.3 million pounds from a housing fund. The "
    "judge said he had abused the trust of residents. He was also ordered to repay the money."
)
_SHARES_BODY = (
    "Acme Robotics reported record sales for the third quarter on Tuesday, but its shares fell "
    "6% in early trading as investors worried about its shrinking margins. The company said "
    "demand from carmakers had slowed. Analysts cut their price targets."
)
_RALLY_BODY = (
    "Acme Robotics shares jumped 9% on Tuesday after the company reported record sales for the "
    "third quarter. Its shares fell last month on worries about margins, but investors "
    "welcomed the new orders from carmakers."
)
_MATCH_BODY = (
    "Two goals from Sam Reid helped Kelso Rangers come from behind to beat Ashford Town 2-1 on "
    "Saturday. Ashford had led at half-time through a penalty, and Rangers move up to fourth."
)
_POOL_BODY = (
    "Eastgate swimming pool will stay open for another five years after the council found the "
    "money to repair its roof, reversing a decision to close it. The council had proposed the "
    "closure in March to save 400,000 pounds a year."
)


class ReversedOutcome(Rule):
    id = "HDL004"
    name = "reversed-outcome"
    category = Category.HEADLINE
    severity = Severity.WARNING
    summary = "The headline states the opposite of the outcome the body reports"
    docs = """
A headline that reverses the story: "Former manager acquitted of fraud" over a lead that says
he was sentenced to 15 years, "Nvidia shares soar" over "its shares fell 3.1 %", "Rovers beat
City" over "City beat Rovers 3-1", "Library to close" over "will stay open". Verdicts
(acquitted / cleared of against convicted / sentenced to / jailed for) are about the
headline's person: a lead sentence (the first six) that shares a key word with the headline
and reports the opposite verdict is a reversal, unless any sentence of the body mentions the
headline's as done ("conviction quashed", "freed after appeal judges ruled", "a suspended
prison term"; not hoped for or planned: "hopes to be cleared on appeal", "his lawyers said he
would appeal"). Movements (soar, jump, rise against fall, slump, drop) of a quantity (shares, prices,
profits, the pound, exports, cases, ...) are about the headline's subject, the word before its
verb: a lead sentence must put the opposite within eight words after that subject, and no body
sentence that names the subject may word the headline's movement anywhere after it ("grew",
"increased", "rose as much as 4 % in early trading before falling"), nor the next sentence
after "they" or "it" ("By the close they had fallen"). Match results are about their sides:
"Rangers beat Ashford" (or "Rangers 2-1 Ashford", "Rangers see off Ashford") over a lead sentence
that reports the other side's win ("Ashford beat Rangers 2-1", "Rangers 1-2 Ashford", "Ashford's
2-1 win over Rangers", "Rangers lost to Ashford"; not a match to come, "need to beat", nor an
earlier meeting, "avenged", "in August"), unless a body sentence reports the headline's.
Closures (close, shut, scrap, cancel, axe against stay or remain open, saved, spared,
reprieved, will continue, will not close) are about what the headline says closes, the word
before the verb or its object ("library to close", "Council to close the library"): a lead
sentence must announce the opposite within eight words after it (not a plan, wish or
prospect: "hoped it would stay open", "a proposal to close"; not in a relative clause between
commas or after "although" or "but"), and no body sentence may announce the headline's within
eight words after or before it ("will close its Millbrook branch"); a plan in the headline
("plans to close", "scraps plan to close", "could close") states none. Pleas ("pleads not
guilty"), questions and returns ("falls back") are no outcomes. The body's stance model
(HDL001) rarely sees these: the headline shares the body's words and topic.
"""
    examples = [
        flag(_VERDICT_BODY, title="Former council finance director acquitted of fraud"),
        ok(_VERDICT_BODY, title="Former council finance director jailed for fraud"),
        ok(_VERDICT_BODY, title="Former council director pleads not guilty to fraud"),
        flag(_SHARES_BODY, title="Acme Robotics shares soar after record quarter"),
        ok(_SHARES_BODY, title="Acme Robotics shares fall despite record quarter"),
        ok(_RALLY_BODY, title="Acme Robotics shares soar after record quarter"),
        flag(_MATCH_BODY, title="Ashford Town beat Kelso Rangers"),
        ok(_MATCH_BODY, title="Kelso Rangers beat Ashford Town 2-1"),
        ok(_MATCH_BODY, title="Ashford Town 1-2 Kelso Rangers"),
        flag(_POOL_BODY, title="Eastgate swimming pool to close as council cuts costs"),
        ok(_POOL_BODY, title="Eastgate swimming pool saved from closure"),
        ok(_POOL_BODY, title="Council scraps plan to close Eastgate pool"),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        stated = stated_outcomes(doc.title) if _english_title(doc) else []
        if not stated:
            return  # most headlines state no outcome: their bodies are not read
        reversal = reversal_of(stated, doc.title, body_sentences(doc))
        if reversal is None:
            return
        yield headline_finding(
            self, doc,
            f"The headline says \"{reversal.word}\", but the body reports the opposite: "
            f"\"{_clip(reversal.sentence)}\"",
            suggestion="State the outcome the body reports.",
            data={"outcome": reversal.outcome, "word": reversal.word},
        )


RULES = [HeadlineBodyMismatch, UnsupportedFraming, ClickbaitHeadline, ReversedOutcome]
