"""Language: lines written in another language than the document (cookie banners, untranslated
sentences, foreign boilerplate).

A line's English function-word share is a cheap first test; langdetect is asked only about the
lines that fail it, and a line is flagged only when langdetect is sure and the line itself
shows foreign function words (not only ones Latin has too) or letters, so English names lists,
Title Case headlines, tables of figures and Latin mottos stay clean.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.language import (
    ENGLISH_STOP_WORDS,
    FOREIGN_FUNCTION_WORDS,
    FOREIGN_ONLY_WORDS,
    NAME_PARTICLES,
    NON_ASCII_WORD_RE,
    UNSPACED_SCRIPT_RE,
    english_stop_share,
    language_probabilities,
    letter_runs,
    written_unspaced,
)
from scanner.rule import Rule, flag, ok

MIN_WORDS = 6
MAX_CHARS = 300  # langdetect reads this much of a line: enough to tell, and bounded in time
MIN_UNSPACED_CHARS = 10  # a line of Chinese or Japanese this long says as much as six words
# Those that Latin has too. langdetect knows no Latin and names a Latin quotation after a
# Romance language ("Dulce et decorum est pro patria mori.": Romanian, 0.99999): a line whose
# function words Latin has as well may be one.
# lowercase particles of names ("Jean de la Fontaine", "Ursula von der Leyen", "Leonardo da Vinci")
_NAME_PARTICLES = NAME_PARTICLES | frozenset("de der den von ter lo dello dei degli zu y".split())
# "a" is an article or "and" in Hungarian, Portuguese, Italian, Czech, Slovak and Polish too
# ("A Balaton vízszintje ... a hétvégén, a szakemberek"): no English evidence
_ENGLISH_EVIDENCE = ENGLISH_STOP_WORDS - {"a"}
_LATIN_TOO = frozenset("et est non per qui e es se da sua nostra nostro".split())
# Languages so close that langdetect splits its vote on one line between them (a Dutch cookie
# banner: Dutch 0.86, Afrikaans 0.14); together they are as sure as one language.
_SIBLINGS = frozenset(frozenset(pair) for pair in (
    ("nl", "af"), ("da", "no"), ("da", "sv"), ("no", "sv"), ("cs", "sk"), ("hr", "sl"),
    ("bg", "mk"), ("ru", "uk"), ("es", "ca"), ("es", "pt"), ("lt", "lv"), ("hi", "mr"),
    ("hi", "ne"), ("mr", "ne"), ("zh-cn", "zh-tw"), ("id", "tl")))
# langdetect's names for a line mostly in Chinese, Japanese or Thai letters (Korean: Chinese
# characters in a Korean line)
_UNSPACED_LANGUAGES = frozenset({"zh-cn", "zh-tw", "ja", "th", "ko"})
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "kn": "Kannada", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "zh-cn": "Chinese", "zh-tw": "Chinese",
}

# A line that is one quotation, marks around it ('"Wir wollen freie Wahlen!"', "« ... »"): an
# article may quote words in their language, so the line is an info, not a warning.
_QUOTATION_RE = re.compile(r"^[\"“„«‘'][ \u00a0]?\S[^\n]*\S[ \u00a0]?[\"”“»’'][.,;:!?]?$")

_BODY = ("Jens Stoltenberg met Japanese Prime Minister Fumio Kishida in Tokyo on Tuesday to "
         "discuss common security challenges and the deepening partnership with Japan.\n\n"
         "Kishida said that as part of Japan's efforts to deepen relations, it will establish "
         "an independent mission to NATO and attend high-level meetings of the alliance.\n\n")


def language_name(code: str) -> str:
    """The English name of a langdetect language code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


class ForeignLanguageLine(Rule):
    id = "LNG001"
    name = "foreign-language-line"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    summary = "A line written in another language than the rest of the document."
    docs = """
    Flags a line of at least six words whose language differs from the document's: a Turkish
    cookie banner under an English article, an untranslated paragraph, a foreign "read more"
    block. Lines whose share of English function words is low (or, in a non-English
    document, high) are passed to langdetect; a line is flagged only when langdetect gives
    another language a probability of at least 0.95, counting with it the languages so close
    that langdetect splits its vote between them (Dutch and Afrikaans, Danish and Norwegian),
    and the line carries evidence of it (two foreign function words or two words with
    non-English letters; an initial or a particle inside a name, "W Pozzebon", "R de
    Marigny", "van der Linde", is none), so English names lists, a sports report's line-up of
    foreign players, Title Case headlines and tables of figures are not flagged. langdetect knows no Latin and names a Latin line after a Romance
    language, so function words that Latin has too ("et", "est", "non", "per", "qui") are
    evidence only beside one it lacks: a Latin quotation or motto on a line of its own
    ("Dulce et decorum est pro patria mori.") is not flagged, a French line with "et" and
    "la" is. The finding names the likeliest language. A line that is one quotation, in
    quotation marks ('"Wir wollen freie Wahlen und keine Normerhöhung mehr!"'), is an info:
    an article may quote words in their own language (QA pass 17).
    Credit: langdetect (Shuyo 2010, port by Danilak), seeded for deterministic results.
    """
    default_options = {"min_probability": 0.95}
    examples = [
        flag(_BODY + "Bu site deneyimlerinizi kişiselleştirmek amacıyla KVKK ve GDPR uyarınca "
             "çerez (Cookie) kullanmaktadır. Bu konu hakkında detaylı bilgi edinmek için "
             "tıklayınız."),
        flag(_BODY + "Le président a déclaré que la situation était grave et que nous "
             "devons agir."),
        flag(_BODY + "Der Präsident sagte, die Lage sei ernst und man müsse jetzt handeln."),
        flag(_BODY + "No vamos a permitir que una tragedia como esta vuelva a ocurrir en nuestras "
             "calles, y por eso las obras empiezan en primavera."),
        flag(_BODY + "Wij gebruiken cookies om uw ervaring op onze website te verbeteren. Door "
             "verder te surfen gaat u akkoord met ons cookiebeleid."),
        flag(_BODY + "Questo sito utilizza cookie tecnici e di profilazione per migliorare la "
             "tua esperienza di navigazione."),
        flag(_BODY + "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună "
             "de navigare."),
        flag(_BODY + "Hinatulan ng mataas na hukuman ang dating alkalde dahil sa katiwalian at "
             "pinababalik ang pera."),
        flag(_BODY + "Mahakama kuu imeidhinisha hukumu ya meya wa zamani kwa kosa la rushwa."),
        flag(_BODY + "Denne nettsiden bruker informasjonskapsler for å gi deg en bedre opplevelse."),
        flag(_BODY + "该网站使用Cookie来改善您的浏览体验，继续浏览即表示您同意。"),
        flag(_BODY + "当サイトではクッキーを使用しています。詳しくはプライバシーポリシーをご覧ください。"),
        flag(_BODY + "当サイトではクッキーを使用しています詳しくはプライバシーポリシーをご覧ください"),
        flag(_BODY + "本网站使用cookie来改善您的浏览体验并分析网站流量。继续浏览即表示您同意我们使用cookie。"),
        ok(_BODY + "Protesters carried banners reading 香港人加油，光复香港时代革命 as they marched "
           "through the city on Sunday afternoon."),
        ok(_BODY + "Harrison, Lockwood, Donny Barnard, White, Mackie, Jones, Smith, Müller"),
        ok("Revealed: The Secrets Our Clients Used to Earn Three Billion Dollars\n\n" + _BODY),
        ok(_BODY + "Manchester United 2-1 Arsenal, Chelsea 0-0 Liverpool, Everton 3-2 Fulham"),
        ok(_BODY + "Takashi Aoyama | Anadolu Agency | Getty Images | Reuters | AFP | EPA"),
        ok(_BODY + "Dulce et decorum est pro patria mori."),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        main = doc.language
        if main is None:
            return
        # a line in an unspaced script, in a document mostly in a spaced one that may hold one
        may_switch = not doc.unspaced_script and doc.holds_unspaced_letters
        for _, span in doc.nonblank_lines:
            text = span.text
            unspaced = may_switch and _in_unspaced_script(text)
            if not unspaced and not _suspect(text, main):
                continue
            found = self._other_language(text, main, unspaced)
            if found:
                code, probability = found
                line = span.strip()
                quoted = _QUOTATION_RE.match(line.text) is not None
                finding = self.finding(
                    doc, line.start, line.end,
                    f"{'Quotation' if quoted else 'Line'} in {language_name(code)} ({code}), "
                    f"not {language_name(main)}.",
                    suggestion=("Check that the article translates or explains the quotation."
                                if quoted else "Delete the line or translate it."),
                    data={"language": code, "probability": round(probability, 3),
                          "document_language": main})
                if quoted:
                    finding.severity = Severity.INFO
                yield finding

    def _other_language(self, text: str, main: str,
                        unspaced: bool = False) -> tuple[str, float] | None:
        """The line's language and its probability when it is surely not ``main`` (a line in
        an unspaced script is its own evidence)."""
        if main == "en" and not unspaced and not _foreign_evidence(text):
            return None  # (in another language, _suspect already required English evidence)
        ranked = language_probabilities(text[:MAX_CHARS])
        if not ranked:
            return None
        code, probability = ranked[0]
        if code == main:
            return None
        if unspaced and code in _UNSPACED_LANGUAGES and written_unspaced(text[:MAX_CHARS]):
            # the script itself says the line is not ``main`` ("本网站使用cookie..."; not an
            # English sentence quoting a Chinese slogan), whatever langdetect's confidence
            return code, probability
        if _with_siblings(ranked, main) < self.options["min_probability"]:
            return None
        return code, probability


def _with_siblings(ranked: tuple[tuple[str, float], ...], main: str) -> float:
    """The likeliest language's probability plus its close siblings' (not ``main``'s)."""
    code, probability = ranked[0]
    return probability + sum(p for other, p in ranked[1:]
                             if other != main and frozenset((code, other)) in _SIBLINGS)


def _suspect(text: str, main: str) -> bool:
    """Cheap test: has the line :data:`MIN_WORDS` words (by its spaces) and an English
    function-word profile that differs from the document's? (In English, the profile's first
    look comes first: an English line has " the " early, while counting its spaces reads it
    all; the count comes before the line's words are split.)"""
    if main == "en":
        if _has_english_words(text):
            return False
        lower = text.lower()  # (only for a line that lacks them as written)
        if _has_english_words(lower) or text.count(" ") + 1 < MIN_WORDS:
            return False
        words = letter_runs(lower)
        if len(words) < MIN_WORDS:
            return False
        english = list(filter(_ENGLISH_EVIDENCE.__contains__, words))
        if len(english) <= 0.1 * len(words):
            return True
        # Spanish or Portuguese has English-looking "a", "no", "as", "do" (but no "the", "was",
        # "with"): three of its own function words outnumbering English ones of 3+ letters
        foreign = sum(map(FOREIGN_ONLY_WORDS.__contains__, words))
        return foreign >= 3 and foreign > sum(len(w) > 2 for w in english)
    if text.count(" ") + 1 < MIN_WORDS:
        return False
    share, count = english_stop_share(text)
    return count >= MIN_WORDS and share >= 0.2


def _in_unspaced_script(text: str) -> bool:
    """A line of Chinese, Japanese or Thai (at least :data:`MIN_UNSPACED_CHARS` of their
    letters, which no spaces divide into words), asked of a document in a spaced script
    (:attr:`Document.unspaced_script`)."""
    if text.isascii():
        return False
    return len(UNSPACED_SCRIPT_RE.findall(text, 0, MAX_CHARS)) >= MIN_UNSPACED_CHARS


def _has_english_words(text: str) -> bool:
    """C-level: " the ", " and " or " of " (foreign text rarely has them, English lines nearly
    always)."""
    return " the " in text or " and " in text or " of " in text


def _foreign_evidence(text: str) -> bool:
    """Whether the line itself shows signs of a modern language other than English: two of
    its function words, not all of them Latin's too (a Latin quotation), or two words with
    non-English letters."""
    cased = letter_runs(text)
    lowered = list(map(str.lower, cased))
    # (names aside, at most these: most lines have fewer, and no word is read one at a time)
    if sum(map(FOREIGN_FUNCTION_WORDS.__contains__, lowered)) >= 2:
        words = [w for k, w in enumerate(lowered) if w in FOREIGN_FUNCTION_WORDS and not _in_name(cased, k)]
        if len(words) >= 2 and not _LATIN_TOO.issuperset(words):
            return True
    # (such a word has a character beyond ASCII: the regex's search is slow, most lines lack one)
    return not text.isascii() and len(NON_ASCII_WORD_RE.findall(text)) >= 2


def _in_name(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` belongs to a name, not to a sentence: an initial before a
    capitalised word ("W Pozzebon"), or a particle between capitalised words, maybe beside
    other particles ("R de Marigny", "A Lo Cicero", "CJ van der Linde" in an English report's
    team list; a foreign sentence's "président de la République" has a lowercase word before
    its particles). Not :func:`scanner.language._name_particle`, which takes a headline's
    particle that opens a name ("Le Pen wins", "La Liga title race") and so no German article:
    a line's opening "Der Präsident" or "La Commission" is a foreign sentence's; here the
    particles, German ones too, count only inside a name."""
    word = words[k]
    if len(word) == 1 and word.isupper():
        return k + 1 < len(words) and words[k + 1][0].isupper()
    if word.lower() not in _NAME_PARTICLES:
        return False
    before, after = k - 1, k + 1
    while before >= 0 and words[before].lower() in _NAME_PARTICLES:
        before -= 1
    while after < len(words) and words[after].lower() in _NAME_PARTICLES:
        after += 1
    return (before >= 0 and after < len(words)
            and words[before][0].isupper() and words[after][0].isupper())


RULES = [ForeignLanguageLine]
