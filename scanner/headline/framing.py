"""Unsupported framing: a charged headline word that the body never backs up.

"NATO's Attack on Japan" over a story about NATO and Japan pledging closer ties frames a
cooperation as hostility. The check finds charged terms in the headline ("attack", "slams",
"war on", "betrayal", "destroys", "humiliates", ...), the headline's actors (its words that the
body writes as proper names, up to two; a country is one actor under any of its names,
demonyms and capital, :mod:`scanner.headline.countries`), and the body sentences that mention
those actors. The framing is unsupported when neither the charged word's family nor any
hostility word occurs in a sentence about the actors in a way that outweighs it, and those
sentences speak of the opposite (cooperation, partnership, pledges, ties). A conflict the body reports between the
actors ("Canada's prime minister accused Mexico ...") backs any charged word, however much
cooperation the story also describes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from scanner.headline import countries
from scanner.headline import text as T

MAX_ACTORS = 2  # the actor and the target of the charged term
MIN_COOPERATION = 3  # cooperation words about the actors needed to call the framing opposite
DOMINANCE = 1.5  # and at least this many times the hostility words in the same sentences
THEME = 2  # a charged word's family used this often anywhere in the body supports it

# charged headline term -> stems of its own word family in the body
CHARGED: dict[str, tuple[str, ...]] = {
    r"attack(?:s|ed|ing)?": ("attack",),
    r"assault(?:s|ed|ing)?": ("assault",),
    r"slam(?:s|med|ming)?": ("slam",),
    r"blast(?:s|ed|ing)?": ("blast",),
    r"lambast(?:s|ed|ing)?": ("lambast",),
    r"rips?(?: into)?|ripped(?: into)?": ("rip",),
    r"savages?|savaged": ("savag",),
    r"destroy(?:s|ed|ing)?|destruction": ("destr",),
    r"demolish(?:es|ed|ing)?": ("demoli",),
    r"crush(?:es|ed|ing)?": ("crush",),
    r"humiliat(?:es|ed|ing|ion)": ("humili",),
    r"betray(?:s|ed|ing|al)?": ("betra",),
    r"backstab(?:s|bed|bing)?|stab(?:s|bed)? in the back": ("stab",),
    r"war on|wars on|declares? war|goes to war": ("war",),
    r"feud(?:s|ing)?": ("feud",),
    r"snub(?:s|bed|bing)?": ("snub",),
    r"turns? on": ("turn",),
    r"hits? back|hits? out|lash(?:es|ed)? out": ("hit", "lash"),
    r"smash(?:es|ed)?": ("smash",),
    r"threat(?:ens|ened)?": ("threat",),
    r"provok(?:es|ed)|provocation": ("provo",),
    r"hostile|hostility": ("hosti",),
    r"enem(?:y|ies)": ("enemy", "enemi"),
    r"clash(?:es|ed)?": ("clash",),
    r"confront(?:s|ed|ation)?": ("confr",),
    r"mock(?:s|ed|ery)?": ("mock",),
    r"insult(?:s|ed)?": ("insul",),
}
CHARGED_RE = re.compile(r"\b(" + "|".join(f"(?:{p})" for p in CHARGED) + r")\b", re.IGNORECASE)
_PATTERNS = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), stems) for p, stems in CHARGED.items()]

# the body's own conflict between the actors: one such word aimed at one actor by the other backs
# any charged headline word ("Canada ... accused Mexico" backs "Canada slams Mexico")
_TARGET_TERMS = 4  # a conflict word's target: named this close after it ("accused Mexico's")
_SUBJECT_TERMS = 8  # both actors before it: the nearer this close ("Greece and Turkey traded ...")
_HOSTILE_ACTS = (r"accus|critici[sz]|condemn|denounc|rebuk|blam|attack|slam|blast|lambast|threat"
                 r"|retaliat|disput|clash|feud|outrag|reject|rebuff|lash")
# a warning or a row aimed at the other actor reports a conflict, but in a sentence that merely
# mentions both ("warned of threats to the region") it does not weigh against cooperation
CONFLICT_RE = re.compile(rf"(?:{_HOSTILE_ACTS}|warn|rows?\b|unacceptabl)[a-z']*$")  # a token
HOSTILE_RE = re.compile(
    rf"\b(?:{_HOSTILE_ACTS}|assault|fight|fought|spat|quarrel|tension|hostil|confront|insult|mock"
    r"|ridicul|humiliat|betray|destroy|destruct|crush|defeat|oppos|protest|anger|angry"
    r"|furious|invad|invasion|bomb|rift|snub|enem|adversar|rival|savag|provo[ck]|sanction"
    r"|scorn|stab|war\b|wars\b|warfare|hit out|hits out|hit back|turned on|turns on)\w*",
    re.IGNORECASE)
COOPERATION_RE = re.compile(
    r"\b(?:pledg|partner|co-?operat|collaborat|ties\b|tie\b|ally\b|allies|allian|closer"
    r"|closely|strengthen|deepen|together|unity|support|prais|grateful|welcom|friend"
    r"|agreement|agreed|deal\b|deals\b|joint|relations|thank|hail|embrac|trust|bond\b|bonds\b"
    r"|bolster|forge|solidar|valued|help|aid\b|assist)\w*", re.IGNORECASE)


@dataclass
class Framing:
    """Why a charged headline term looks unsupported."""

    term: str
    actors: list[str]  # as the headline writes them ("Canada", "NATO")
    cooperation: list[str]  # cooperation words found in sentences about the actors
    hostility: list[str]  # hostility words found there (fewer)


def unsupported_framing(headline: str, body_sentences: list[str]) -> Framing | None:
    """The first charged headline term the body contradicts, or None."""
    charged = [m.group() for m in CHARGED_RE.finditer(headline)]
    if not charged or not body_sentences:
        return None
    actors = _actors(headline, body_sentences)
    if len(actors) < MAX_ACTORS:
        return None  # without two actors there is no relation to frame
    tokenised = [(s, _terms(s)) for s in body_sentences]
    about = [(s, terms) for s, terms in tokenised if set(actors) <= {t.key for t in terms}]
    if any(_conflict_between(terms, *actors) for _, terms in about):
        return None  # the body itself reports a conflict between the actors
    about_text = " ".join(s for s, _ in about)
    cooperation = [m.group().lower() for m in COOPERATION_RE.finditer(about_text)]
    hostility = [m.group().lower() for m in HOSTILE_RE.finditer(about_text)]
    for term in charged:
        family = _family(term)
        if (any(t.word.startswith(family) for _, terms in about for t in terms)
                or sum(t.word.startswith(family) for _, terms in tokenised for t in terms)
                >= THEME):
            continue  # the body uses the word itself about the actors, or as its theme
        if (len(cooperation) >= MIN_COOPERATION
                and len(cooperation) >= DOMINANCE * max(len(hostility), 1)):
            return Framing(term, list(actors.values()), cooperation, hostility)
    return None


class Term(NamedTuple):
    """A word of a text: the key an actor is matched on, the word lower-cased, as written."""

    key: str  # a country's key for any of its names ("france" for "French"), else the stem
    word: str
    written: str


def _terms(text: str) -> list[Term]:
    """The words of ``text``, a country's name of several words ("Mexico City") as one."""
    return [Term(countries.ALIASES[name], name.lower(), name) if name
            else Term(_word_key(word := written.lower().replace("’", "'")), word, written)
            for name, written in _term_re().findall(text)]


def _word_key(word: str) -> str:
    """A lower-cased word's key: its stem, unless that is a country's key and the word is
    longer ("Indiana", "Chinatown" are not India and China): then the word itself."""
    key = T.stem(word)
    return word if key in _country_keys() else key


def _conflict_between(terms: list[Term], first: str, second: str) -> bool:
    """Whether a conflict word (accused, criticised, warned, ...) stands between the actors:
    one named before it and the other within :data:`_TARGET_TERMS` words after it ("Canada's
    prime minister accused Mexico"), both after it ("a dispute between Greece and Turkey"), or
    both before it, the nearer within :data:`_SUBJECT_TERMS` words ("Greece and Turkey traded
    accusations"; not "Japan and NATO ... in the face of security threats arising from the war",
    nor "NATO warned that China's power was a threat ... during his visit to Japan")."""
    actors = {first, second}
    for i, term in enumerate(terms):
        if CONFLICT_RE.match(term.word):
            before = {t.key for t in terms[:i]} & actors
            after = {t.key for t in terms[i + 1:i + 1 + _TARGET_TERMS]} & actors
            if before | after == actors and (after or _mentioned_within(terms, actors, i)):
                return True
    return False


def _mentioned_within(terms: list[Term], actors: set[str], i: int) -> bool:
    """Whether an actor is named within :data:`_SUBJECT_TERMS` words before term ``i``."""
    return any(term.key in actors for term in terms[max(0, i - _SUBJECT_TERMS):i])


def _family(term: str) -> tuple[str, ...]:
    for pattern, stems in _PATTERNS:
        if pattern.match(term):
            return stems
    return (term.lower()[:T.STEM],)


def _actors(headline: str, body_sentences: list[str]) -> dict[str, str]:
    """Headline words the body names (a country by any of its names, or a word it writes
    capitalised), in headline order, the first word of each run of such words standing for the
    whole name: their key -> that first word as the headline writes it."""
    names = {_word_key(m.group().lower()) for s in body_sentences
             for m in T.CAPITAL_RE.finditer(s)}
    names |= {_word_key(w.lower()) for s in body_sentences for w in _ACRONYM_RE.findall(s)}
    if _country_re().search(headline):  # the body's countries matter only to a headline's
        names |= {countries.ALIASES[a] for s in body_sentences for a in _country_re().findall(s)}
    charged = {m.group().lower() for m in CHARGED_RE.finditer(headline)}
    actors: dict[str, str] = {}
    previous_was_name = False
    for term in _terms(_POSSESSIVE_RE.sub("", headline)):
        is_name = (term.key in names and term.word not in charged
                   and term.word not in T.STOP_WORDS)
        if is_name and not previous_was_name and term.key not in actors:
            actors[term.key] = term.written  # one actor per run of name words ("Islamic State")
        previous_was_name = is_name
    return dict(list(actors.items())[:MAX_ACTORS])




@cache
def _country_re() -> re.Pattern[str]:
    """The countries' names (compiled at the first charged headline, not at start-up)."""
    return re.compile(countries.PATTERN)


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(countries.ALIASES.values())


@cache
def _term_re() -> re.Pattern[str]:
    """A country's name or a word, case kept (compiled at first use)."""
    return re.compile(rf"{countries.PATTERN}|([A-Za-z0-9]+(?:['’][A-Za-z]+)?)")

_ACRONYM_RE = re.compile(r"\b[A-Z]{2,}\b")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
