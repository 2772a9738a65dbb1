"""Which language is a text in? A cheap English stop-word check first, langdetect only when
that is unsure.

English news prose is 40-50 % function words; other languages score a few percent on the same
list. langdetect (seeded, so results are deterministic) loads its profiles lazily, once per
process, and is only asked about text the stop-word check cannot place.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import ClassVar

import numpy as np

_WORD_RE = re.compile(r"[^\W\d_]+")
ENGLISH_STOP_WORDS = frozenset(
    "a about after all also an and any are as at be been but by can could did do does for "
    "from had has have he her his how i if in into is it its more most my no not of on one or "
    "our out over said she so some such than that the their them there these they this those "
    "to up was we were what when which who will with would you your".split()
)
# Common function words of frequent web languages (not English): foreign-text evidence.
FOREIGN_FUNCTION_WORDS = frozenset(
    # de
    "der die das und ist nicht mit sich des dem den ein eine auf für von zu wir sie auch "
    # fr
    "le la les et est des du une un que qui dans pour pas sur au aux avec ce ces nous vous "
    # es / pt / it
    "el los las del y en por con para una es lo se su al os das não uma com do da il di che "
    "della per non sono gli nel ha e ao pelo pela nossa nosso seu sua mais também nuestra "
    "nuestro sus más también alla delle nostra nostro "
    # nl / scandinavian
    "het een van niet zijn op voor met ook och att det är som på av og er til af ikke "
    # tr / pl / id
    "ve bir bu için ile olarak daha gibi w na się że jest yang dan di ini itu untuk dengan "
    # no / da (more), af, tl, sw, cy
    "deg jeg dere denne dette du har kan nie om te jou hierdie ang ng mga sa ay ito upang nang "
    "hii ya wa kwa katika ni ili yn mae eich hon".split()
)
# those English does not have too (not "do", "a", "in")
FOREIGN_ONLY_WORDS = FOREIGN_FUNCTION_WORDS - ENGLISH_STOP_WORDS
# Function words that open names in English text ("Le Pen", "Los Angeles", "Van Gogh", "La
# Liga"): capitalised before another capitalised word they are no evidence of a foreign
# language. Not German articles: German capitalises its nouns ("Der Kanzler").
NAME_PARTICLES = frozenset("le la les du da do dos del della di el los las al van".split())
# a word of two letters or more with a non-English letter (not a lone "α" of a formula)
NON_ASCII_WORD_RE = re.compile(r"(?=[^\W\d_]{2})[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
# Plain text is split faster than the regex reads it: every ASCII character but a letter, and
# the usual typographic punctuation (none of them letters), separates words. (A table of bytes:
# bytes.translate is several times faster than str.translate's dictionary.)
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_SEPARATORS = bytes.maketrans(_NOT_LETTERS, b" " * len(_NOT_LETTERS))
# The same table lowercasing the letters, and keeping the UTF-8 bytes beyond ASCII: a share of
# stop words needs no lowercased copy
_LOWER_ASCII_SEPARATORS = bytes(
    ord(chr(c).lower()) if chr(c).isalpha() else ord(" ") for c in range(128)) + bytes(range(128, 256))
_ENGLISH_STOP_BYTES = frozenset(word.encode("ascii") for word in ENGLISH_STOP_WORDS)
_ASCII_BYTES = bytes(range(128))
_TYPOGRAPHIC = "\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026"  # nbsp ‘ ’ “ ” – — …
SAMPLE_CHARS = 2000   # about 300 words: plenty to tell English from the rest
QUICK_CHARS = 600     # a first look: English prose settles it at once
QUICK_WORDS, QUICK_SHARE = 60, 0.3
ENGLISH_SHARE = 0.2   # at or above (in SHORT_WORDS words or more): English without langdetect
KEPT_NGRAMS = 16_384  # langdetect n-grams whose weights are kept as arrays (ArrayDetector)
SHORT_WORDS = 8       # fewer words: neither that share nor langdetect's guess can be trusted


def english_stop_share(text: str) -> tuple[float, int]:
    """Share of English function words among the words of ``text``, and the word count: the
    :func:`letter_runs` of the lowercased text, lowercased and split as UTF-8 by one table when
    the text is ASCII but for typographic punctuation and :func:`_letters_and_spaces` (no
    lowercased copy, no decoding, no regex)."""
    plain = _without_typographic(text)
    spaced = plain if plain.isascii() else _letters_and_spaces(plain)
    if spaced is not None:
        words = spaced.encode("utf-8", "surrogatepass").translate(_LOWER_ASCII_SEPARATORS).split()
        stop_words = _ENGLISH_STOP_BYTES
    else:
        words, stop_words = _WORD_RE.findall(plain.lower()), ENGLISH_STOP_WORDS
    if not words:
        return 0.0, 0
    return sum(map(stop_words.__contains__, words)) / len(words), len(words)


def letter_runs(text: str) -> list[str]:
    """The runs of letters in ``text`` (what ``[^\\W\\d_]+`` finds), split without the regex
    when the text is ASCII but for typographic punctuation."""
    plain = _without_typographic(text)
    if plain.isascii():
        return plain.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii").split()
    return _WORD_RE.findall(plain)


def _letters_and_spaces(text: str) -> str | None:
    """``text`` with each of its characters beyond ASCII that is no letter and has no case
    ("£", "©", "•") as a space, when all the others lowercase to letters beyond ASCII ("é",
    "Â", "ß"; :func:`_beyond_ascii_kind`): then the letter runs of the lowercased text are its
    runs between ASCII characters that are no letters, and a run with such a letter is no
    English stop word, lowercased or not. None when a character is neither ("İ", whose
    lowercase holds an ASCII "i")."""
    for char in set(beyond_ascii(text.encode("utf-8", "surrogatepass"))):
        kind = _beyond_ascii_kind(char)
        if kind is None:
            return None
        if kind == "space":
            text = text.replace(char, " ")
    return text


def beyond_ascii(utf8: bytes) -> str:
    """The characters beyond ASCII of a text given as its UTF-8 (lone surrogates kept), in
    order: its ASCII bytes dropped in C, the rest decoded (most texts have few)."""
    return utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


@cache
def _beyond_ascii_kind(char: str) -> str | None:
    """"letter" for a character that lowercases to characters of letter runs (``[^\\W\\d_]``:
    alphanumeric, no decimal digit) beyond ASCII only, "space" for one that is none and has no
    case, None for any other."""
    lowered = char.lower()
    if all(not low.isascii() and low.isalnum() and not low.isdecimal() for low in lowered):
        return "letter"
    if lowered == char and not (char.isalnum() and not char.isdecimal()):
        return "space"
    return None


def _without_typographic(text: str) -> str:
    """``text`` with its :data:`_TYPOGRAPHIC` punctuation (no letters, no case) as spaces: the
    same letter runs, and often an ASCII text."""
    if not text.isascii():
        for mark in _TYPOGRAPHIC:
            text = text.replace(mark, " ")
    return text


UNSPACED_SCRIPT_RE = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""A letter of a script that no spaces divide into words: Thai, Japanese kana, CJK ideographs."""
UNSPACED_SAMPLE_CHARS = 20_000


def written_unspaced(text: str) -> bool:
    """Whether ``text`` is mostly Chinese, Japanese or Thai: at least a third of the
    non-space characters of its first :data:`UNSPACED_SAMPLE_CHARS` are letters of
    :data:`UNSPACED_SCRIPT_RE`. Its words cannot be counted by spaces."""
    if text.isascii():
        return False
    sample = text[:UNSPACED_SAMPLE_CHARS]
    letters = len(UNSPACED_SCRIPT_RE.findall(sample))
    # (most texts have none of these letters: then there are no spaces to count)
    return letters > 0 and 3 * letters >= len(sample) - sum(map(sample.count, " \t\r\n")) > 0


def holds_unspaced_letter(beyond: str) -> bool:
    """Whether a text whose characters beyond ASCII are ``beyond`` (:func:`beyond_ascii`: a few
    dozen in a news article, which other views read too) holds a letter of
    :data:`UNSPACED_SCRIPT_RE`, all beyond ASCII (False: :func:`written_unspaced` of the text is
    False)."""
    return UNSPACED_SCRIPT_RE.search(beyond) is not None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when it has too few words to tell (under
    three, or a few plain words with neither English nor foreign function words)."""
    share, count = english_stop_share(text[:QUICK_CHARS])
    if count >= QUICK_WORDS and share >= QUICK_SHARE:
        return "en"  # a hundred words of plain English prose
    sample = text[:SAMPLE_CHARS]
    share, count = english_stop_share(sample)
    if count < 3:
        return None
    if share >= ENGLISH_SHARE and count >= SHORT_WORDS:
        return "en"
    if count >= SHORT_WORDS:
        return langdetect_language(sample)
    return _short_text_language(sample)


def _short_text_language(text: str) -> str | None:
    """The language of a headline-sized text, too short for langdetect's letter profiles
    alone ("Mayor resigns after vote": Danish). English when it has more English function
    words than function words of other languages ("Björk to tour Europe"); langdetect's guess
    when it has foreign ones, or no English one but a word with a non-English letter ("Der
    Kanzler besucht Paris"); else English only when langdetect says so, or unknown. A name's
    particle ("Le Pen wins") is no foreign word."""
    cased = letter_runs(text)
    words = [word.lower() for word in cased]
    english = sum(map(ENGLISH_STOP_WORDS.__contains__, words))
    foreign = sum(word in FOREIGN_ONLY_WORDS and not _name_particle(cased, k)
                  for k, word in enumerate(words))
    if english > foreign:
        return "en"
    guess = langdetect_language(text)
    if foreign or (not english and NON_ASCII_WORD_RE.search(text)):
        return guess
    return guess if guess == "en" else None


def _name_particle(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` opens a name: a capitalised :data:`NAME_PARTICLES` word before
    another capitalised word ("Le Pen", "Los Angeles"). LNG001 reads whole lines, where such
    a word opens sentences too: its rule takes particles inside a name only
    (:func:`scanner.checks.language._in_name`)."""
    return (words[k][0].isupper() and words[k].lower() in NAME_PARTICLES
            and k + 1 < len(words) and words[k + 1][0].isupper())


def detect_document_language(doc) -> str | None:
    """The main language of a Document (its body; the headline alone when it has no body)."""
    return detect_language(doc.text if doc.text.strip() else (doc.title or ""))


def langdetect_language(text: str) -> str | None:
    """langdetect's best guess, deterministic; None when it finds no features."""
    guesses = language_probabilities(text)
    return guesses[0][0] if guesses else None


@lru_cache(maxsize=4096)
def language_probabilities(text: str) -> tuple[tuple[str, float], ...]:
    """langdetect's ranked ``(code, probability)`` guesses, deterministic; () without features.
    Memoised: a feed repeats its template lines, and langdetect takes milliseconds a line."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _array_detector()(_factory())
        detector.append(text)
        return tuple((guess.lang, float(guess.prob)) for guess in detector.get_probabilities())
    except LangDetectException:
        return ()


@cache
def _array_detector() -> type:
    """langdetect's Detector with its two loops over the 55 languages, run for each of the
    hundreds of n-grams it draws from a line, as numpy operations on an array of them: the
    same sums, products and quotients of the same numbers in the same order (bit-identical
    probabilities), in half the time. (langdetect is pinned: its private methods stay.)"""
    from langdetect.detector import Detector

    class ArrayDetector(Detector):
        # each n-gram's languages as an array, kept once built for the first KEPT_NGRAMS
        # n-grams met (9 MB, 573 bytes each; all 87,598 of the profiles' would take 50 MB in a
        # long multilingual audit; the bench's 20,000 articles meet 1,259): a later one's
        # array is built on each use, the same numbers
        weights: ClassVar[dict[str, np.ndarray]] = {}

        def _init_probability(self):
            return np.array(super()._init_probability())

        def _update_lang_prob(self, prob, word, alpha):
            weights = self.weights.get(word)
            if weights is None:
                if word is None or word not in self.word_lang_prob_map:
                    return False
                weights = np.array(self.word_lang_prob_map[word])
                if len(self.weights) < KEPT_NGRAMS:
                    self.weights[word] = weights
            prob *= alpha / self.BASE_FREQ + weights
            return True

        def _normalize_prob(self, prob):
            values = prob.tolist()
            total = sum(values)  # added in turn, as langdetect's sum of a list
            if not total:
                raise ZeroDivisionError("float division by zero")  # as langdetect's would
            prob /= total
            # the largest quotient, the largest value's (division by a positive total keeps
            # the order), the value langdetect's loop returns (never below its 0.0)
            return max(values) / total

    return ArrayDetector


@cache
def _factory():
    """langdetect's profile factory, loaded once per process, seeded for determinism."""
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = 0
    detector_factory.init_factory()
    return detector_factory._factory
