"""Rule packs: loading, validation errors naming file and line, matching, CSV phrase lists."""
from __future__ import annotations

import re
import time

import pytest

from scanner import packs
from scanner.packs import PackError, load_pack
from scanner.re2_prefilter import open_repeats
from scanner.registry import Registry, RegistryError
from tests.conftest import doc_of

PACK = """\
pack: house
rules:
  - id: HSE001
    name: house-phrase
    category: spam
    severity: warning
    message: "Promo: {match}"
    scope: line
    phrases: ["Join Now", "Buy now"]
    summary: promo lines
    docs: Promotional lines.
    examples:
      flag: ["WhatsApp Channel Join Now"]
      pass: ["They join nowhere."]
  - id: HSE002
    name: house-swap
    category: spin
    severity: info
    message: "'{match}' is probably '{suggestion}'"
    phrases: {"counterfeit consciousness": "artificial intelligence"}
    summary: swaps
    docs: Swaps.
    examples:
      flag: ["counterfeit consciousness"]
"""


def write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pack_rules_flag_whole_line_and_suggest(tmp_path):
    line_rule, swap_rule = load_pack(write(tmp_path, PACK))
    doc = doc_of("Intro line here.\nTelegram Group Join Now\nWe use Counterfeit  Consciousness.")
    (hit,) = line_rule.check(doc)
    assert doc.text[hit.start:hit.end] == "Telegram Group Join Now"
    (swap,) = swap_rule.check(doc)
    assert swap.excerpt == "Counterfeit  Consciousness"
    assert swap.suggestion == "artificial intelligence"
    assert swap.message == "'Counterfeit  Consciousness' is probably 'artificial intelligence'"


def test_rules_of_a_pack_share_one_search(tmp_path):
    line_rule, swap_rule = load_pack(write(tmp_path, PACK))
    assert line_rule.gate is swap_rule.gate is not None
    doc = doc_of("Nothing to see here.")
    assert list(line_rule.check(doc)) == [] and doc.cache[line_rule.gate.key] is False
    doc = doc_of("We use counterfeit consciousness.")  # only the second rule matches
    assert list(line_rule.check(doc)) == [] and len(list(swap_rule.check(doc))) == 1


def test_a_pack_loaded_twice_asks_its_gate_and_searches_a_document_once(tmp_path, monkeypatch):
    first, second = load_pack(write(tmp_path, PACK)), load_pack(write(tmp_path, PACK))
    assert first[0].gate.key == second[0].gate.key and first[0].matches_key == second[0].matches_key
    assert first[0].gate.key is second[0].gate.key and first[0].matches_key is second[0].matches_key  # (interned)
    assert first[0].matches_key != first[1].matches_key
    spam, clean = doc_of("Intro line here.\nTelegram Group Join Now"), doc_of("Nothing to see here.")
    assert len(list(first[0].check(spam))) == 1 and list(first[0].check(clean)) == []
    monkeypatch.setattr(first[0].gate.finder, "finds_in", None)  # (asked again, they would raise)
    monkeypatch.setattr(packs.PatternRule, "_search", None)
    assert [f.excerpt for f in second[0].check(spam)] == ["Telegram Group Join Now"]
    assert second[0].check(clean) == ()  # no generator where the gate rules the rule out


def test_a_gate_answers_as_its_regex(tmp_path):
    line_rule, _ = load_pack(write(tmp_path, PACK))
    gate = line_rule.gate
    opened = []
    for text in ("Nothing to see here.", "Telegram Group Join Now", "We use counterfeit consciousness.", ""):
        assert gate.opens(doc_of(text)) == (gate.regex.search(text.encode()) is not None)
        opened.append(gate.opens(doc_of(text)))
    assert opened == [False, True, True, False]  # (both answers asked of it)


def test_phrase_needs_word_boundaries(tmp_path):
    line_rule, _ = load_pack(write(tmp_path, PACK))
    assert list(line_rule.check(doc_of("They join nowhere, and rebuy nowadays."))) == []


def test_non_ascii_boundaries(tmp_path):
    pack = PACK.replace('["Join Now", "Buy now"]', '["çerez"]').replace(
        "WhatsApp Channel Join Now", "Bu site çerez kullanır")
    line_rule, _ = load_pack(write(tmp_path, pack))
    assert len(list(line_rule.check(doc_of("Bu site çerez kullanır")))) == 1
    assert list(line_rule.check(doc_of("Bu site açerezi kullanır"))) == []


@pytest.mark.parametrize("bad, expected", [
    (PACK.replace("    severity: warning\n", "", 1), "pack.yaml:3: rule HSE001 lacks severity"),
    (PACK.replace("id: HSE002", "id: bad-id"), "pack.yaml:15: rule id 'bad-id'"),
    (PACK.replace("name: house-swap", "name: House Swap"), "pack.yaml:15: rule name"),
    (PACK.replace("category: spin", "category: fluff"), "pack.yaml:15: rule HSE002: unknown category"),
    (PACK.replace("scope: line", "scope: page"), "pack.yaml:3: rule HSE001: scope"),
    (PACK.replace('phrases: ["Join Now", "Buy now"]', "patterns: ['(?<=a)b']"),
     "pack.yaml:3: rule HSE001: invalid RE2 pattern"),
    (PACK.replace("    summary: swaps\n", "    summary: swaps\n    colour: red\n"),
     "pack.yaml:15: rule HSE002: unknown key(s) colour"),
    ("rules: [\n  - id: X\n", "pack.yaml:2: invalid YAML"),
    ("just: text\n", "pack.yaml:1: a pack is a mapping with a 'rules' list"),
    # empty phrases and fields of the wrong type
    (PACK.replace('"Buy now"]', '"Buy now", "  "]'),
     "pack.yaml:3: rule HSE001: phrase '  ' is empty (it would flag every word boundary)"),
    (PACK.replace('"Buy now"]', '"Buy now", ""]'), "pack.yaml:3: rule HSE001: phrase '' is empty"),
    (PACK.replace('{"counterfeit', '{"\u00a0": "x", "counterfeit'),
     "pack.yaml:15: rule HSE002: phrase '\\xa0' is empty"),
    (PACK.replace("docs: Swaps.", "docs:"), "pack.yaml:15: rule HSE002: docs must be a string, "
                                            "not empty"),
    # QA pass 12 D8: an empty or blank docs, summary or message was accepted
    (PACK.replace("docs: Swaps.", 'docs: ""'), "pack.yaml:15: rule HSE002: docs is empty"),
    (PACK.replace("docs: Swaps.", "docs: '   '"), "pack.yaml:15: rule HSE002: docs is empty"),
    (PACK.replace("docs: Swaps.", "docs: |\n\n"), "pack.yaml:15: rule HSE002: docs is empty"),
    (PACK.replace("summary: swaps", 'summary: ""'), "pack.yaml:15: rule HSE002: summary is empty"),
    (PACK.replace('message: "Promo: {match}"', 'message: " "'),
     "pack.yaml:3: rule HSE001: message is empty"),
    (PACK.replace("name: house-swap", "name: 42"), "pack.yaml:15: rule HSE002: name must be a "
                                                   "string, not 42 (quote it)"),
    (PACK.replace("summary: swaps", "summary: swaps\n    suggestion: 5"),
     "pack.yaml:15: rule HSE002: suggestion must be a string, not 5"),
    (PACK.replace("summary: swaps", "summary: [swaps]"), "rule HSE002: summary must be a string"),
    (PACK.replace("scope: line", "scope: [line]"), "pack.yaml:3: rule HSE001: scope must be a"),
    (PACK.replace("severity: info", "severity: 1"), "rule HSE002: severity must be a string"),
    (PACK.replace("category: spin", "category: yes"), "rule HSE002: category must be a string"),
    (PACK.replace("id: HSE002", "id: 123"), "pack.yaml:15: rule 123: id must be a string"),
    (PACK.replace('flag: ["counterfeit consciousness"]', "flag: [42]"),
     "pack.yaml:15: rule HSE002: examples.flag: 42 is not a string (quote it)"),
    (PACK.replace('pass: ["They join nowhere."]', 'ok: ["They join nowhere."]'),
     "pack.yaml:3: rule HSE001: examples has unknown key(s) ok (use flag and pass)"),
])
def test_validation_errors_name_file_and_line(tmp_path, bad, expected):
    with pytest.raises(PackError) as info:
        load_pack(write(tmp_path, bad))
    assert expected in str(info.value)


def test_missing_pack_is_an_error(tmp_path):
    with pytest.raises(PackError, match="not found"):
        load_pack(tmp_path / "nope.yaml")


def test_catastrophic_pattern_cannot_hang(tmp_path):
    pack = PACK.replace('phrases: ["Join Now", "Buy now"]', "patterns: ['(a+)+$']").replace(
        "WhatsApp Channel Join Now", "aaaa")  # the rule must flag its own example
    rule, _ = load_pack(write(tmp_path, pack))
    text = "a" * 50_000 + "!"
    started = time.perf_counter()
    assert list(rule.check(doc_of(text))) == []
    # A backtracking engine needs astronomically long here; RE2 is linear. Generous bound.
    assert time.perf_counter() - started < 5


def test_pps_format_phrase_list(tmp_path):
    # as the PPS file has them: each phrase quoted, query rows ("a" AND "b", NOT, ~N) skipped
    csv_text = ('tortured_phrase,expected_phrase,num_papers\n'
                '"""counterfeit consciousness""",artificial intelligence,120\n'
                '"""profound learning"" AND ""neural""",deep learning,3\n'
                '"""bosom"" NOT ""poem""",breast,3\n'
                '"""gatherings clustering""~10",clustering,"6,109"\n'
                'profound learning AND deep learning,deep learning,3\n'
                'bosom NOT breast,breast,2\n'
                'irregular woodland,random forest,40\n')
    (rule,) = load_pack(write(tmp_path, csv_text, "pps.csv"))
    assert rule.id.startswith("SPN9") and rule.category.value == "spin"
    doc = doc_of("We trained an irregular woodland and a profound learning model on counterfeit "
                 "consciousness; a bosom of gatherings clustering.")
    assert sorted((hit.excerpt, hit.suggestion) for hit in rule.check(doc)) == [
        ("counterfeit consciousness", "artificial intelligence"),
        ("irregular woodland", "random forest")]
    assert sorted(rule.replacements) == ["counterfeit consciousness", "irregular woodland"]


def test_tsv_phrase_list(tmp_path):
    (rule,) = load_pack(write(tmp_path, "bosom peril\tbreast cancer\n", "list.tsv"))
    assert [f.suggestion for f in rule.check(doc_of("Bosom peril screening."))] == ["breast cancer"]


@pytest.mark.parametrize("header", [
    "tortured,correct", "tortured_phrase,expected_phrase,num_papers", "source,target",
    "Source,Target", "Tortured phrase,Correct phrase", "phrase,replacement", "spun,original",
    "Wrong,Right", "incorrect,suggestion", "from,to", "term,fix", '"source","target"',
])
def test_a_recognised_header_row_is_no_phrase(tmp_path, header):
    """QA pass 12 D7: 'source,target' loaded 'source' as a tortured phrase."""
    (rule,) = load_pack(write(tmp_path, f"{header}\nprofound learning,deep learning\n", "l.csv"))
    assert sorted(rule.replacements) == ["profound learning"]
    assert excerpts(rule, "The source of the target and the phrase: profound learning.") == [
        "profound learning"]


@pytest.mark.parametrize("first", ["a,b", "bad,good", "spinned,original", "source,origin"])
def test_an_unknown_one_word_first_row_is_refused(tmp_path, first):
    path = write(tmp_path, f"{first}\nprofound learning,deep learning\n", "l.csv")
    with pytest.raises(PackError, match=rf"^{re.escape(str(path))}:1: the first row "
                                        rf"'{re.escape(first)}' may be a header"):
        load_pack(path)
    # with a header above it, the same row is a pair of single words
    (rule,) = load_pack(write(tmp_path, f"tortured,correct\n{first}\n", "l.csv"))
    assert excerpts(rule, f"One {first.split(',')[0]} here.") == [first.split(",")[0]]


@pytest.mark.parametrize(("name", "text", "hint"), [
    ("l.csv", "profound learning;deep learning\n", "split by ';' instead: a .csv file separates "
                                                   "its columns by ','"),
    ("l.csv", "profound learning\tdeep learning\n", "split by a tab instead"),
    ("l.tsv", "profound learning,deep learning\n", "split by ',' instead: a .tsv file"),
    ("l.csv", "profound learning\n", None),
])
def test_a_one_column_row_names_the_separator_it_seems_to_use(tmp_path, name, text, hint):
    path = write(tmp_path, text, name)
    with pytest.raises(PackError, match=rf"^{re.escape(str(path))}:1: expected 'tortured.correct', "
                                        "found one column") as raised:
        load_pack(path)
    assert (hint in str(raised.value)) if hint else str(raised.value).endswith("one column")


def test_a_first_row_of_phrases_is_a_pair(tmp_path):
    (rule,) = load_pack(write(tmp_path, "source code,target code\nbosom peril,breast cancer\n",
                              "l.csv"))
    assert sorted(rule.replacements) == ["bosom peril", "source code"]


# ----- QA pass 6: apostrophes, extended phrases, Unicode space and marks, line ends, types ----
def one_rule(tmp_path, phrases=None, patterns=None, scope="match", flag="x"):
    """A pack of one rule (HSE001) with these phrases/patterns and one flag example."""
    lines = ["pack: house", "rules:", "  - id: HSE001", "    name: house-rule",
             "    category: spam", "    severity: warning", '    message: "Promo: {match}"',
             f"    scope: {scope}"]
    if phrases is not None:
        lines.append(f"    phrases: {phrases}")
    if patterns is not None:
        lines.append(f"    patterns: {patterns}")
    lines += ["    summary: s", "    docs: d", "    examples:", f"      flag: [{flag!r}]"]
    (rule,) = load_pack(write(tmp_path, "\n".join(lines) + "\n"))
    return rule


def excerpts(rule, text):
    return [f.excerpt for f in rule.check(doc_of(text))]


@pytest.mark.parametrize("text, expected", [
    ("Don't miss our weekend offers", ["Don't miss"]),
    ("Don’t miss our weekend offers", ["Don’t miss"]),  # a typographic apostrophe
    ("Dont miss our weekend offers", []),
    ("Don t miss our weekend offers", []),
])
def test_phrase_with_an_apostrophe(tmp_path, text, expected):
    rule = one_rule(tmp_path, phrases='["Don\'t miss"]', flag="Don't miss our offers")
    assert excerpts(rule, text) == expected


def test_listed_phrase_with_an_apostrophe(tmp_path):
    (rule,) = load_pack(write(tmp_path, "Parkinson's illness,Parkinson's disease\n", "l.csv"))
    doc = doc_of("Patients with Parkinson’s illness and Parkinsons illness waited.")
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc)] == [
        ("Parkinson’s illness", "Parkinson's disease")]


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", " \u00a0\n"])
def test_any_unicode_whitespace_between_the_words_of_a_phrase(tmp_path, space):
    (rule,) = load_pack(write(tmp_path, "joint declaration,joint statement\n", "l.csv"))
    text = f"They signed a joint{space}declaration."
    assert excerpts(rule, text) == [f"joint{space}declaration"]


@pytest.mark.parametrize("text", ["a jointdeclaration", "a joint-declaration",
                                  "a joint\u200bdeclaration"])  # a zero-width space is no space
def test_no_whitespace_is_no_match(tmp_path, text):
    (rule,) = load_pack(write(tmp_path, "joint declaration,joint statement\n", "l.csv"))
    assert excerpts(rule, text) == []


@pytest.mark.parametrize("text, expected", [
    # the longer phrase runs on into a word ("machines"): the shorter one is tried instead
    ("They used backing vector machines here.", [("backing vector", "support vector")]),
    ("They used a backing vector machine.", [("backing vector machine", "SVM")]),
    ("A backing vector machine-learning model.", [("backing vector machine", "SVM")]),
    ("They used backing vectors here.", []),
    ("They used backing vector machinery.", [("backing vector", "support vector")]),
])
def test_shorter_phrase_is_tried_where_a_longer_one_runs_on(tmp_path, text, expected):
    (rule,) = load_pack(write(tmp_path, "backing vector,support vector\n"
                                        "backing vector machine,SVM\n", "l.csv"))
    assert [(f.excerpt, f.suggestion) for f in rule.check(doc_of(text))] == expected


def test_phrases_one_character_apart_are_both_found(tmp_path):
    rule = one_rule(tmp_path, phrases='["join now", "buy now"]', flag="join now")
    assert excerpts(rule, "Join now buy now,join now") == ["Join now", "buy now", "join now"]


@pytest.mark.parametrize("text, expected", [
    ("The paper ran an expose\u0301 of the council.", []),  # decomposed é: one word
    ("The paper ran an exposé of the council.", []),
    ("Leaks expose the council.", ["expose"]),
    ("Leaks expose\u2019 the council.", ["expose"]),
])
def test_combining_mark_is_part_of_the_word(tmp_path, text, expected):
    rule = one_rule(tmp_path, phrases='["expose"]', flag="They expose it")
    assert excerpts(rule, text) == expected


def test_combining_mark_ends_no_pattern_match(tmp_path):
    rule = one_rule(tmp_path, patterns="['expos[ei]']", flag="They expose it")
    assert excerpts(rule, "an expose\u0301 and an exposi\u0301, yet expose it") == ["expose"]


_PROMO = "Council Approves Flood Plan\n\nThe council approved the plan.\n\nSponsored content\n"


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_line_anchored_pattern_on_lf_and_crlf(tmp_path, line_end):
    rule = one_rule(tmp_path, patterns="['^Sponsored content$']", flag="Sponsored content")
    doc = doc_of(_PROMO.replace("\n", line_end))
    (hit,) = rule.check(doc)
    assert (doc.line_col(hit.start)[0], hit.excerpt) == (5, "Sponsored content")
    near_miss = doc_of(_PROMO.replace("content\n", "content is labelled\n").replace("\n", line_end))
    assert list(rule.check(near_miss)) == []


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_line_scope_pattern_does_not_match_across_a_line_break(tmp_path, line_end):
    # the README's example: '^\s*' could run from the blank line above into the promo line
    rule = one_rule(tmp_path, patterns=r"['^\s*Sponsored content\b']", scope="line",
                    flag="Sponsored content")
    doc = doc_of(_PROMO.replace("\n", line_end))
    (hit,) = rule.check(doc)
    assert doc.text[hit.start:hit.end] == "Sponsored content"
    assert doc.line_col(hit.start) == (5, 1) and hit.message == "Promo: Sponsored content"
    assert list(rule.check(doc_of("Intro.\n\nSponsored contents follow.\n"))) == []


def test_line_scope_phrase_is_matched_within_a_line(tmp_path):
    rule = one_rule(tmp_path, phrases='["join our telegram"]', scope="line",
                    flag="Join our Telegram")
    assert excerpts(rule, "Please join our\nTelegram friends.\nJoin our  Telegram\n") == [
        "Join our  Telegram"]


def test_line_scope_flags_the_sentences_of_the_match_in_a_line_of_several(tmp_path):
    # QA pass 27: a call to action a scraper glued to a paragraph flagged the whole paragraph
    rule = one_rule(tmp_path, phrases='["join our telegram"]', scope="line",
                    flag="Join our Telegram")
    text = ("The plan adds hours at four branches. Join our Telegram channel for updates.\n"
            "Join our Telegram today! Read the U.S. report. Then vote.\n"
            "Join our Telegram channel\n")
    assert excerpts(rule, text) == ["Join our Telegram channel for updates.",
                                    "Join our Telegram today!", "Join our Telegram channel"]


@pytest.mark.parametrize("pattern, expected", [
    ("a$", r"a(?:\r?$)"),
    ("(?:x|y)$z", r"(?:x|y)(?:\r?$)z"),
    (r"a\$", r"a\$"),
    ("a[$]", "a[$]"),
    ("a[]$]", "a[]$]"),
    ("a[^]$]", "a[^]$]"),
    ("a[[:alpha:]$]", "a[[:alpha:]$]"),
    (r"\Q$\E$", r"\Q$\E(?:\r?$)"),
])
def test_dollar_matches_before_crlf_too(pattern, expected):
    assert packs._crlf_line_ends(pattern) == expected


def test_listed_phrase_list_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "l.csv"
    path.write_bytes("\ufeffcounterfeit consciousness,artificial intelligence\n".encode())
    (rule,) = load_pack(path)
    assert excerpts(rule, "On counterfeit consciousness.") == ["counterfeit consciousness"]
    path.write_bytes("\ufefftortured_phrase,expected_phrase\nbosom peril,breast cancer\n".encode())
    (rule,) = load_pack(path)
    assert sorted(rule.replacements) == ["bosom peril"]  # the header is no phrase


@pytest.mark.parametrize("good", [
    PACK.replace("summary: swaps", "summary: swaps\n    suggestion:"),  # no default suggestion
    PACK.replace('"Buy now"]', '" Buy  now "]'),  # spaces around words are no empty phrase
    PACK.replace("docs: Swaps.", 'docs: " Swaps "'),
])
def test_near_misses_of_field_types_load(tmp_path, good):
    assert len(load_pack(write(tmp_path, good))) == 2


def test_duplicate_id_in_packs_names_file_and_lines(tmp_path):
    rules = load_pack(write(tmp_path, PACK.replace("id: HSE002", "id: HSE001")))
    registry = Registry()
    registry.add(rules[0])
    with pytest.raises(RegistryError) as info:
        registry.add(rules[1])
    path = tmp_path / "pack.yaml"
    assert str(info.value) == f"duplicate rule id HSE001: {path}:15 and {path}:3"


FRAGMENT_PACK = """\
pack: house
fragments:
  money: '\\$\\d[\\d,]*'
rules:
  - id: HSE010
    name: money-promise
    category: spam
    severity: warning
    message: "Money promise: {match}"
    patterns: ['\\bearn\\s+{{money}}\\s+a\\s+day\\b']
    unless: ['\\b(?:said|warned)\\b']
    summary: money promises
    docs: Get-rich ads.
    examples:
      flag: ["Earn $500 a day from home"]
      pass: ["Earn $500 a day from home, the adverts promised, police warned."]
"""


def test_a_pattern_uses_the_packs_fragments_and_unless_clears_a_line(tmp_path):
    rule, = load_pack(write(tmp_path, FRAGMENT_PACK))
    assert [f.excerpt for f in rule.check(doc_of("Earn $1,200 a day with this trick."))] == [
        "Earn $1,200 a day"]
    assert not list(rule.check(doc_of("Earn $1,200 a day, the advert said.")))
    # only the line that says who said it is cleared
    text = "Earn $1,200 a day with this trick.\nIt was a scam, police said."
    assert len(list(rule.check(doc_of(text)))) == 1


def test_an_unknown_fragment_is_an_error_naming_the_rule(tmp_path):
    with pytest.raises(PackError, match=r"pack.yaml:\d+: rule HSE010: unknown fragment \{\{cash\}\}"):
        load_pack(write(tmp_path, FRAGMENT_PACK.replace("{{money}}", "{{cash}}")))


def test_fragments_must_map_names_to_strings(tmp_path):
    with pytest.raises(PackError, match="'fragments' must map names to regex strings"):
        load_pack(write(tmp_path, FRAGMENT_PACK.replace("  money: '", "  money: ['").replace(
            "d[\\d,]*'", "d[\\d,]*']")))


def test_a_fragment_may_use_the_fragments_named_before_it(tmp_path):
    pack = FRAGMENT_PACK.replace("rules:", r"  promise: 'earn\s+{{money}}'" + "\nrules:").replace(
        r"\bearn\s+{{money}}", r"\b{{promise}}")
    assert "{{promise}}" in pack  # the rule's pattern uses the nested fragment
    rule, = load_pack(write(tmp_path, pack))
    assert [f.excerpt for f in rule.check(doc_of("Earn $1,200 a day with this trick."))] == [
        "Earn $1,200 a day"]
    with pytest.raises(PackError, match=r"fragment promise: unknown fragment \{\{cash\}\}"):
        load_pack(write(tmp_path, pack.replace("{{money}}'", "{{cash}}'")))


@pytest.mark.parametrize(("pattern", "gate_form"), [
    (r"a{0,200}b", "a*b"),
    (r"[^\n]{1,60}?x", r"[^\n]+?x"),
    (r"\p{L}{2}", r"\p{L}+"),
    (r"[{0,3}]x", r"[{0,3}]x"),  # braces in a class are characters
    (r"[]{}]{0,3}", r"[]{}]*"),
    (r"[[:alpha:]]{2,}", r"[[:alpha:]]+"),
    (r"\x{10FFFF}", r"\x{10FFFF}"),
    (r"a\{0,2}", r"a\{0,2}"),  # an escaped brace is a character
])
def test_a_gate_opens_counted_repetitions(pattern, gate_form):
    assert open_repeats(pattern) == gate_form


def test_a_gate_with_counted_patterns_opens_on_what_its_rules_match(tmp_path):
    pack = PACK.replace('phrases: ["Join Now", "Buy now"]', r"patterns: ['^Tip:[^\n]{0,20}today$']")
    pack = pack.replace('flag: ["WhatsApp Channel Join Now"]', 'flag: ["Tip: come back today"]')
    line_rule, _ = load_pack(write(tmp_path, pack))
    assert "{0,20}" not in line_rule.gate.regex.pattern
    doc = doc_of("Story.\nTip: come back today")
    assert line_rule.gate.opens(doc) and len(list(line_rule.check(doc))) == 1
    doc = doc_of("Story.\nTip: this line runs on for far too long today")
    assert line_rule.gate.opens(doc) and list(line_rule.check(doc)) == []  # the rule decides
