"""Foreign-language lines: the seed's Turkish banner, other languages, and clean news."""
from __future__ import annotations

import pytest

from scanner.checks import language
from scanner.finding import Severity
from scanner.language import language_probabilities
from tests.conftest import SEEDS, doc_of
from tests.heldout import bbc_articles, warned_articles

RULE = language.ForeignLanguageLine()
ENGLISH = ("Stoltenberg said the war in Ukraine concerns the security of all of us, and that "
           "NATO is grateful for the support that Japan has provided so far.\n\n")


def among_english(line: str):
    """A document of English paragraphs with ``line`` between them."""
    return doc_of(ENGLISH * 2 + line + "\n\n" + ENGLISH)


def flagged_line(line: str) -> tuple[str, str]:
    """The text and language of the one finding on ``line`` set among English paragraphs."""
    doc = among_english(line)
    (finding,) = RULE.check(doc)
    return doc.text[finding.start:finding.end], finding.data["language"]


def test_seed_turkish_cookie_line_is_named_turkish():
    seed = next(p for p in SEEDS if p.name.startswith("004"))
    doc = doc_of(seed.read_text(encoding="utf-8"))
    (finding,) = RULE.check(doc)
    assert doc.text[finding.start:finding.end].startswith("Bu site deneyimlerinizi")
    assert doc.text[finding.start:finding.end].endswith("tıklayınız.")
    assert finding.data["language"] == "tr" and "Turkish" in finding.message


def test_other_seeds_have_no_foreign_line():
    for seed in SEEDS:
        if not seed.name.startswith("004"):
            assert list(RULE.check(doc_of(seed.read_text(encoding="utf-8")))) == []


def test_english_line_in_a_german_document_is_flagged():
    german = ("Der Präsident sagte am Dienstag, die Lage sei ernst und man müsse jetzt handeln. "
              "Die Regierung will die Hilfe für die Ukraine weiter ausbauen.\n\n") * 3
    doc = doc_of(german + "Click here to read the full story of the summit on our website.\n")
    (finding,) = RULE.check(doc)
    assert finding.data["language"] == "en" and finding.data["document_language"] == "de"


def test_a_german_line_with_one_english_function_word_in_ten_is_flagged():
    line = "Der Präsident sagte in Berlin, die Lage sei sehr ernst."  # "in": 10 % of its words
    assert flagged_line(line) == (line, "de")


@pytest.mark.parametrize("line", ['"Wir wollen freie Wahlen und keine Normerhöhung mehr!"',
                                  "« Nous devons agir vite, car la situation est grave. »"])
def test_a_quoted_foreign_line_is_an_info(line):
    # QA pass 17: an article may quote words in their own language (a memorial's inscription)
    (finding,) = RULE.check(among_english(line))
    assert finding.severity is Severity.INFO and finding.message.startswith("Quotation in")
    (finding,) = RULE.check(among_english(line.strip('"«» ')))
    assert finding.severity is Severity.WARNING and finding.message.startswith("Line in")


def test_short_lines_and_english_lines_are_not_checked():
    doc = doc_of(ENGLISH + "Merci beaucoup mes amis\n\n" + ENGLISH)
    assert list(RULE.check(doc)) == []


def test_language_probabilities_are_ranked_and_deterministic():
    text = "Le président a déclaré que la situation était grave."
    ranked = language_probabilities(text)
    assert ranked[0][0] == "fr" and ranked == language_probabilities(text)
    assert language_probabilities("12 34 !!") == ()


def test_held_out_bbc_articles_get_no_warning():
    articles = bbc_articles(held_out=True)
    assert len(warned_articles([RULE], articles)) <= 0.005 * len(articles)


@pytest.mark.parametrize("line, code", [
    ("No vamos a permitir que una tragedia como esta vuelva a ocurrir en nuestras calles.", "es"),
    ("Assine a nossa newsletter e receba as principais notícias do dia no seu e-mail.", "pt"),
])
def test_spanish_and_portuguese_lines_with_english_looking_words_are_flagged(line, code):
    assert flagged_line(line) == (line, code)


def test_a_line_mostly_in_chinese_letters_is_foreign_however_unsure_langdetect_is():
    line = "本网站使用cookie来改善您的浏览体验并分析网站流量。继续浏览即表示您同意我们使用cookie。"
    assert language_probabilities(line)[0][1] < 0.95  # langdetect alone would pass it
    assert flagged_line(line) == (line, "zh-cn")
    quoted = "Protesters chanted 香港人加油，光复香港 as they marched through the city centre."
    assert list(RULE.check(among_english(quoted))) == []


@pytest.mark.parametrize("line", [
    "Dulce et decorum est pro patria mori.",  # Romanian to langdetect, 0.99999
    "Ora et labora, et laborare est orare",
    "Senatus populusque Romanus, et cetera et cetera",
    "Non nobis, Domine, non nobis, sed nomini tuo da gloriam",
    "Panem nostrum quotidianum da nobis hodie, et dimitte nobis debita nostra",
])
def test_a_latin_quotation_on_its_own_line_is_not_foreign(line):
    assert language_probabilities(line)[0][1] >= 0.95  # langdetect is sure of a Romance language
    assert list(RULE.check(among_english(line))) == []


@pytest.mark.parametrize("line, code", [  # with function words Latin has too: "et", "per", "e"
    ("Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună de navigare.", "ro"),
    ("Questo sito utilizza cookie tecnici e di profilazione per migliorare la tua esperienza "
     "di navigazione.", "it"),
    ("Per continuare a leggere questo articolo è necessario essere abbonati al nostro "
     "giornale.", "it"),
    ("Este sitio web utiliza cookies para mejorar su experiencia de navegación y analizar el "
     "tráfico.", "es"),
    ("Der Präsident sagte, die Lage sei ernst und man müsse jetzt handeln.", "de"),
    ("Directeur de l'organisation et de la transformation", "fr"),
])
def test_a_foreign_line_with_words_latin_shares_is_still_flagged(line, code):
    assert flagged_line(line) == (line, code)


@pytest.mark.parametrize("line, code", [  # "a" is an article or "and" there, not English
    ("A Balaton vízszintje tovább csökkent a hétvégén, a szakemberek szerint a nyári hőség "
     "miatt a helyzet romolhat.", "hu"),
    ("A kormány szerint a döntés a következő hónapban születik meg, a részletekről később "
     "tájékoztatnak.", "hu"),
])
def test_a_line_whose_only_english_looking_word_is_a_is_still_checked(line, code):
    assert flagged_line(line) == (line, code)


@pytest.mark.parametrize("line", [
    "variable {α : Type} {A B : Set α} {x : α}",  # lone Greek letters of a formula
    "Apple unveils a new iPhone model with a larger battery today",
])
def test_formulas_and_english_lines_with_a_are_not_foreign(line):
    assert list(RULE.check(among_english(line))) == []


@pytest.mark.parametrize("line", [
    "Italy: R de Marigny; Mirco Bergamasco, W Pozzebon, A Masi, L Nitoglia; L Orquera, A Troncon; "
    "A Lo Cicero, F Ongaro, M Castrogiovanni.",
    "South Africa: P Montgomery; B Paulse, M Joubert, De Wet Barry, A Willemse, "
    "J van der Westhuyzen; F Du Preez; O Davidson, J de Villiers, G du Toit.",
])
def test_a_team_list_of_foreign_names_is_no_foreign_line(line):
    # an English sports report's line-up: initials and name particles ("W", "de", "Lo", "van der")
    # are no function words of a language (langdetect called it Italian)
    assert list(RULE.check(among_english(line))) == []


@pytest.mark.parametrize("line, language", [
    ("Il Presidente della Repubblica ha detto che la situazione è molto grave.", "it"),
    ("W Warszawie padał deszcz i było zimno przez cały dzień, mówią mieszkańcy.", "pl"),
])
def test_a_foreign_sentence_with_a_name_particle_or_an_initial_is_still_flagged(line, language):
    assert flagged_line(line) == (line, language)


@pytest.mark.parametrize("line, evidence", [
    ("Le président a déclaré que la situation était grave.", True),  # its function words
    ("Dulce et decorum est pro patria mori.", False),  # only Latin's too
    ("Italy: R de Marigny, A Lo Cicero, W Pozzebon, J van der Westhuyzen.", False),  # names' particles
    ("Müller scored twice for Köln before the break on Saturday.", True),  # words beyond ASCII
    ("Müller scored twice for Cologne before the break on Saturday.", False),  # one such word
    ("Mueller scored twice for Koeln before the break on Saturday.", False),  # ASCII, none
])
def test_foreign_evidence_by_function_words_or_words_beyond_ascii(line, evidence):
    # the function-word count and the ASCII test settle most lines before a word is read alone or
    # the regex searched: the same answers both ways
    assert language._foreign_evidence(line) is evidence


@pytest.mark.parametrize("line, suspect", [
    ("Wij gebruiken cookies om uw ervaring te verbeteren.", True),
    ("Wij gebruiken cookies, zie verder.", False),  # five words by its spaces
    ("Wij-gebruiken-cookies-om-uw-ervaring-te-verbeteren.", False),  # eight letter runs, one word
    ("They said The Market Rose Sharply on Monday.", False),  # " the " once lower-cased
])
def test_a_suspect_english_line_has_six_words_by_its_spaces(line, suspect):
    assert language._suspect(line, "en") is suspect
