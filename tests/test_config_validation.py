"""Invalid configuration and rule packs are usage errors: one line on stderr naming the file
and the key (or line), exit code 2, no traceback, before any document is scanned."""
from __future__ import annotations

import json
import re

import pytest

from scanner.cli import main
from scanner.config import ConfigError, load_config
from tests.conftest import SEEDS, doc_of

SEED = str(SEEDS[0])


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def scan_with_config(tmp_path, capsys, text):
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    return run(capsys, "scan", SEED, "--config", str(config), "--format", "jsonl")


def assert_usage_error(code, out, err, *parts):
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("spinscan: error: ") and "Traceback" not in err
    for part in parts:
        assert part in lines[0], (part, lines[0])


# ----- 1. value types checked at load ----------------------------------------------------------
@pytest.mark.parametrize("text, parts", [
    ("[options]\nREP002 = 5\n", ["options.REP002 must be a table", "not an integer"]),
    ("options = 5\n", ["options must be a table"]),
    ('[per-path-ignores]\n"wire/*" = 5\n', ['per-path-ignores."wire/*" must be a list of strings']),
    ('per-domain-ignores = ["example.com"]\n', ["per-domain-ignores must be a table", "not a list"]),
    ('[per-domain-ignores]\n"example.com" = [1]\n',
     ['per-domain-ignores."example.com" must be a list of strings']),
    ("baseline = 5\n", ["baseline must be a file name", "not an integer"]),
    ('severity = "x"\n', ["severity must be a table", "not a string"]),
    ("[severity]\nSPN001 = 3\n", ["severity.SPN001", "not an integer"]),
    ('fail-on = ["error"]\n', ["fail-on must be one of"]),
    ("allow = 3\n", ["allow must be a list of strings"]),
    ('allow = ["", "Prime Minister"]\n', ["allow: an empty phrase would allow every finding"]),
    ('allow = "  "\n', ["allow: an empty phrase"]),
    # keys are kebab-case: a snake_case key is named with its spelling
    ('fail_on = "never"\n', ["unknown setting 'fail_on'", "'fail-on'"]),
    ("max_doc_bytes = 5\n", ["unknown setting 'max_doc_bytes'", "'max-doc-bytes'"]),
])
def test_wrongly_typed_value_is_a_usage_error(tmp_path, capsys, text, parts):
    code, out, err = scan_with_config(tmp_path, capsys, text)
    assert_usage_error(code, out, err, "c.toml: ", *parts)


def test_pyproject_whose_tool_spinscan_is_no_table_is_a_usage_error(tmp_path, capsys,
                                                                     monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool]\nspinscan = "spinscan.toml"\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "scan", SEED, "--format", "jsonl")
    assert_usage_error(code, out, err, "pyproject.toml: tool.spinscan must be a table")


def test_well_typed_config_loads(tmp_path):
    (tmp_path / "spinscan.toml").write_text(
        'baseline = "b.json"\nallow = "Prime Minister"\n[severity]\nspn001 = "error"\n'
        '[options.SPN001]\nclean_context_p = 0.2\n[per-path-ignores]\n"wire/*" = ["spam"]\n'
        '[per-domain-ignores]\n"example.com" = ["boilerplate", "SPM"]\n')
    config = load_config(tmp_path)
    assert config.baseline == "b.json" and config.allow == ("Prime Minister",)
    assert config.severity == {"SPN001": "error"}
    assert config.options == {"SPN001": {"clean_context_p": 0.2}}
    assert config.per_path_ignores == {"wire/*": ("spam",)}
    assert config.per_domain_ignores == {"example.com": ("boilerplate", "SPM")}


def test_python_api_values_are_checked_too():
    from scanner.config import Config

    with pytest.raises(ConfigError, match=r"^scan_documents\(\): options.SPN001 must be a table"):
        Config().merged({"options": {"SPN001": 0.3}}, "scan_documents()")


# ----- 2. settings that name rules are checked against the registry -----------------------------
@pytest.mark.parametrize("text, parts", [
    ("[options.REP002]\nfoo = 1\n",
     ["options.REP002.foo: unknown option (REP002 has no options)"]),
    ("[options.SPN001]\nfoo = 1\n",
     ["options.SPN001.foo: unknown option (SPN001 options: info_gain, ", "clean_context_p"]),
    ('[options.SPN001]\nclean_context_p = "high"\n',
     ["options.SPN001.clean_context_p: expected a number (the default is 0.1), not a string"]),
    ("[options.RDB010]\nmin_words = true\n", ["options.RDB010.min_words: expected an integer",
                                              "not a boolean"]),
    ("[options.RDB010]\nmin_words = 5.5\n", ["options.RDB010.min_words: expected an integer",
                                             "not a decimal number"]),
    ("[options.NOPE001]\nx = 1\n", ["options.NOPE001: unknown rule id"]),
    ('[severity]\nNOPE001 = "error"\n', ["severity.NOPE001: unknown rule id"]),
    ('[per-path-ignores]\n"wire/*" = ["NOPE"]\n',
     ['per-path-ignores."wire/*": selector \'NOPE\' matches no rule']),
    ('[per-domain-ignores]\n"example.com" = ["NOPE"]\n',
     ['per-domain-ignores."example.com": selector \'NOPE\' matches no rule']),
    ('ignore = ["NOPE"]\n', ["ignore: selector 'NOPE' matches no rule"]),
    # an empty selector is no prefix of every id: it matches no rule, it does not turn all off
    ('ignore = ["spam", ""]\n', ["ignore: an empty selector matches no rule"]),
    ('select = [""]\n', ["select: an empty selector matches no rule"]),
    # an empty list selects nothing: read as no selection it ran every rule (QA pass 27)
    ("select = []\n", ["select: an empty list selects no rule"]),
    ('[per-path-ignores]\n"wire/*" = [""]\n',
     ['per-path-ignores."wire/*": an empty selector matches no rule']),
    ('[per-domain-ignores]\n"example.com" = ["spam", ""]\n',
     ['per-domain-ignores."example.com": an empty selector matches no rule']),
    ('[severity]\n"" = "error"\n', ["severity.: unknown rule id"]),
])
def test_setting_naming_no_rule_or_option_is_a_usage_error(tmp_path, capsys, text, parts):
    code, out, err = scan_with_config(tmp_path, capsys, text)
    assert_usage_error(code, out, err, "c.toml: ", *parts)


def test_command_line_selector_names_the_option(capsys):
    code, out, err = run(capsys, "scan", SEED, "--ignore", "NOPE")
    assert_usage_error(code, out, err, "--ignore: selector 'NOPE' matches no rule")


@pytest.mark.parametrize("command", ["scan", "audit"])
@pytest.mark.parametrize("option, value", [("--select", ""), ("--ignore", ""),
                                           ("--ignore", "spam,"), ("--select", "spin, ,REP")])
def test_command_line_empty_selector_is_a_usage_error(capsys, command, option, value):
    with pytest.raises(SystemExit) as info:
        main([command, SEED, option, value])
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.count("\n") == 1
    assert f"error: argument {option}: an empty selector matches no rule" in err


def test_command_line_selectors_are_split_and_stripped():
    from scanner.cli import build_parser

    args = build_parser().parse_args(["scan", SEED, "--select", " spin, REP002", "--ignore", "SPN2"])
    assert args.select == ["spin", "REP002"] and args.ignore == ["SPN2"]


def test_python_api_empty_selector_is_refused():
    from scanner import scan_text

    with pytest.raises(ConfigError, match=r"^scan_text\(\): ignore: an empty selector"):
        scan_text("The council met.", ignore=["spam", ""])


def test_valid_options_and_selectors_are_applied(tmp_path, capsys):
    from scanner.engine import Scanner

    (tmp_path / "spinscan.toml").write_text(
        "[options.SPN001]\nclean_context_p = 1\ninfo_gain = 3.0\n"  # an int for a float is fine
        "[options.RDB010]\nmin_words = 60\n"
        '[severity]\nSPN001 = "error"\n'
        '[per-path-ignores]\n"wire/*" = ["spam", "BPL"]\n'
        '[per-domain-ignores]\n"example.com" = ["boilerplate"]\n')
    scanner = Scanner(load_config(tmp_path))
    rules = {rule.id: rule for rule in scanner.rules}
    assert rules["SPN001"].options["clean_context_p"] == 1
    assert rules["SPN001"].options["info_gain"] == 3.0
    assert rules["RDB010"].options["min_words"] == 60
    assert rules["SPN001"].severity.value == "error"
    code, out, err = scan_with_config(tmp_path, capsys,
                                      (tmp_path / "spinscan.toml").read_text())
    assert code in (0, 1) and err == "" and json.loads(out)["error"] is None


# ----- rule packs ---------------------------------------------------------------------------------
PACK = """\
rules:
  - id: HSE001
    name: house-phrase
    category: spam
    severity: warning
    message: "Promo: {match}"
    phrases: ["Join Now", "Buy now"]
    summary: promo lines
    docs: Promotional lines.
    examples:
      flag: ["WhatsApp Channel Join Now"]
      pass: ["They join nowhere."]
"""


def write_pack(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def scan_with_pack(tmp_path, capsys, text, name="pack.yaml"):
    return run(capsys, "scan", SEED, "--rules", str(write_pack(tmp_path, text, name)),
               "--format", "jsonl")


def test_good_pack_loads_and_scans(tmp_path, capsys):
    code, out, err = scan_with_pack(tmp_path, capsys, PACK)
    assert code in (0, 1) and err == "" and json.loads(out)["error"] is None


# 3. phrases / patterns of the wrong shape
@pytest.mark.parametrize("old, new, part", [
    ('phrases: ["Join Now", "Buy now"]', 'phrases: "NATO"',
     "phrases must be a list (or a mapping of phrase: suggestion)"),
    ('phrases: ["Join Now", "Buy now"]', "phrases: [yes, Join Now]",
     "phrase True (YAML reads yes, on, true so) is not a string (quote it)"),
    ('phrases: ["Join Now", "Buy now"]', "phrases: {Join Now: 3}",
     "suggestion 3 is not a string"),
    ('phrases: ["Join Now", "Buy now"]', "patterns: 'Join\\\\s+Now'",
     "patterns must be a list of RE2 patterns"),
    ('flag: ["WhatsApp Channel Join Now"]', 'flag: "WhatsApp Channel Join Now"',
     "examples.flag must be a list of texts"),
    ("    summary: promo lines\n", "    summary: promo lines\n    ignore_case: maybe\n",
     "ignore_case must be true or false"),
])
def test_pack_values_of_the_wrong_shape_are_refused(tmp_path, capsys, old, new, part):
    assert old in PACK
    code, out, err = scan_with_pack(tmp_path, capsys, PACK.replace(old, new))
    assert_usage_error(code, out, err, "pack.yaml:2: rule HSE001: " + part)


def test_phrase_mapping_and_pattern_list_still_load(tmp_path):
    from scanner.packs import load_pack

    text = PACK.replace('phrases: ["Join Now", "Buy now"]',
                        "phrases: {Join Now: Sign up}\n    patterns: ['Buy\\s+now']")
    (rule,) = load_pack(write_pack(tmp_path, text))
    assert rule.replacements == {"join now": "Sign up"}


# 4. message placeholders checked at load
@pytest.mark.parametrize("message, part", [
    ("Found {match} in {title}", "unknown placeholder {title}"),
    ("Found {0}", "positional placeholder"),
    ("Found {match", "expected '}' before end of string"),
])
def test_pack_message_with_unknown_placeholder_is_refused(tmp_path, capsys, message, part):
    code, out, err = scan_with_pack(tmp_path, capsys,
                                    PACK.replace('"Promo: {match}"', repr(message)))
    assert_usage_error(code, out, err, "pack.yaml:2: rule HSE001: message: " + part,
                       "the placeholders are {match} and {suggestion}")


def test_pack_message_with_known_placeholders_and_braces_loads(tmp_path):
    from scanner.packs import load_pack

    text = PACK.replace('"Promo: {match}"', "'{{promo}} {match!r} -> {suggestion}'")
    (rule,) = load_pack(write_pack(tmp_path, text))
    (finding,) = rule.check(doc_of("WhatsApp Channel Join Now"))
    assert finding.message == "{promo} 'Join Now' -> "


# 6. a bad pattern: one line naming the user's own pattern, nothing from RE2's C++ logging
@pytest.mark.parametrize("pattern, part", [
    ("(unclosed", "invalid RE2 pattern '(unclosed': missing ): (unclosed"),
    ("(?<=a)b", "invalid RE2 pattern '(?<=a)b': invalid perl operator: (?<="),
    (r"\p{Foo}", r"invalid RE2 pattern '\p{Foo}': invalid character class range"),
    ("a*", "pattern 'a*' matches the empty string"),
])
def test_bad_pattern_is_one_line_naming_the_pattern(tmp_path, capfd, pattern, part):
    text = PACK.replace('phrases: ["Join Now", "Buy now"]', f"patterns: ['{pattern}']")
    code = main(["scan", SEED, "--rules", str(write_pack(tmp_path, text))])
    out, err = capfd.readouterr()  # file descriptors: RE2 would write to fd 2 from C++
    assert_usage_error(code, out, err, "pack.yaml:2: rule HSE001: " + part)
    assert "(?im)" not in err and "p{L}" not in err  # not the combined, wrapped pattern


def test_bad_pattern_subprocess_stderr_is_one_line(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    text = PACK.replace('phrases: ["Join Now", "Buy now"]', "patterns: ['(unclosed']")
    done = subprocess.run([sys.executable, "-m", "scanner", "scan", SEED, "--rules",
                           str(write_pack(tmp_path, text))],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"spinscan: error: {tmp_path / 'pack.yaml'}:2: rule HSE001: "
        "invalid RE2 pattern '(unclosed': missing ): (unclosed"]


# 5. word boundaries: phrases and patterns starting with a word character; others as written
BOUNDARY_PACK = PACK.replace('phrases: ["Join Now", "Buy now"]', "patterns: ['[a-z],[A-Z]']")\
    .replace("WhatsApp Channel Join Now", "Tokyo,Japan").replace("They join nowhere.",
                                                                  "Tokyo, Japan")


def test_pattern_not_starting_with_a_word_character_is_matched_as_written(tmp_path):
    from scanner.packs import load_pack

    (rule,) = load_pack(write_pack(tmp_path, BOUNDARY_PACK))
    (finding,) = rule.check(doc_of("We flew to Tokyo,Japan and back."))
    assert finding.excerpt == "o,J"


def test_pattern_starting_with_a_word_character_is_bounded_like_a_phrase(tmp_path):
    from scanner.packs import load_pack

    text = PACK.replace('phrases: ["Join Now", "Buy now"]', "patterns: ['colou?r']").replace(
        "WhatsApp Channel Join Now", "Colour me").replace("They join nowhere.", "Discoloured")
    (rule,) = load_pack(write_pack(tmp_path, text))
    assert [f.excerpt for f in rule.check(doc_of("A color, a colourful discolour."))] == ["color"]


@pytest.mark.parametrize("old, new, part", [
    ("Tokyo,Japan", "Tokyo, Japan and Osaka",
     "does not flag its own flag example 'Tokyo, Japan and Osaka'"),
    ('pass: ["Tokyo, Japan"]', 'pass: ["Paris,France"]',
     "flags its own pass example 'Paris,France' (at 's,F')"),
])
def test_pack_untrue_to_its_own_examples_is_refused(tmp_path, capsys, old, new, part):
    assert old in BOUNDARY_PACK
    code, out, err = scan_with_pack(tmp_path, capsys, BOUNDARY_PACK.replace(old, new))
    assert_usage_error(code, out, err, "pack.yaml:2: rule HSE001: " + part)


# 7. CSV/TSV phrase lists: distinct lists get distinct, stable ids; a non-UTF-8 list is named
def write_list(directory, name, text):
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def list_ids(*paths):
    from scanner.registry import build_registry

    registry = build_registry(paths, plugins=False)
    return {str(r.origin): (r.id, r.name) for r in registry if r.id.startswith("SPN9")}


def test_two_lists_of_one_name_get_distinct_ids(tmp_path):
    a = write_list(tmp_path / "a", "list.csv", "bosom peril,breast cancer\n")
    b = write_list(tmp_path / "b", "list.csv", "irregular woodland,random forest\n")
    ids = list_ids(a, b)
    assert ids == {str(a): ("SPN971", "listed-phrase-list"),
                   str(b): ("SPN972", "listed-phrase-list-spn972")}
    assert list_ids(a, b) == ids  # deterministic
    assert list_ids(b) == {str(b): ("SPN971", "listed-phrase-list")}  # alone: its own id


def test_lists_whose_names_collide_get_distinct_ids(tmp_path):
    five = write_list(tmp_path, "list5.csv", "bosom peril,breast cancer\n")
    thirty_one = write_list(tmp_path, "list31.csv", "irregular woodland,random forest\n")
    assert list_ids(five, thirty_one) == {str(five): ("SPN941", "listed-phrase-list5"),
                                          str(thirty_one): ("SPN942", "listed-phrase-list31")}


def test_lists_of_one_stem_get_distinct_names(tmp_path):
    """QA pass 12 D6: list.csv and list.tsv were both listed-phrase-list."""
    a = write_list(tmp_path / "d1", "list.csv", "bosom peril,breast cancer\n")
    b = write_list(tmp_path / "d2", "list.csv", "irregular woodland,random forest\n")
    c = write_list(tmp_path / "d2", "list.tsv", "counterfeit consciousness\tartificial intelligence\n")
    ids = list_ids(a, b, c)
    assert ids == {str(a): ("SPN971", "listed-phrase-list"),
                   str(b): ("SPN972", "listed-phrase-list-spn972"),
                   str(c): ("SPN902", "listed-phrase-list-spn902")}  # its own id, a taken name
    assert list_ids(c) == {str(c): ("SPN902", "listed-phrase-list")}  # alone: no suffix
    from scanner.registry import build_registry

    registry = build_registry((a, b, c), plugins=False)
    assert [r.id for r in registry.select(["listed-phrase-list"])] == ["SPN971"]


@pytest.mark.parametrize(("name", "expected"), [
    ("été.csv", "listed-phrase-ete"),  # accents dropped, not the letters
    ("My Tortured_List (v2).csv", "listed-phrase-my-tortured-list-v2"),
    ("русский.csv", None),  # no ASCII letter or digit: the file name's CRC-32
    ("___.csv", None),
])
def test_list_names_are_kebab_case(tmp_path, name, expected):
    """QA pass 12 D6: русский.csv and ___.csv gave 'listed-phrase-', été.csv 'listed-phrase-t'."""
    import zlib

    path = write_list(tmp_path, name, "bosom peril,breast cancer\n")
    [(_, rule_name)] = list_ids(path).values()
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_name)
    assert rule_name == (expected or f"listed-phrase-{zlib.crc32(name.encode()):08x}")


def test_two_lists_scan_together(tmp_path, capsys):
    a = write_list(tmp_path / "a", "list.csv", "bosom peril,breast cancer\n")
    b = write_list(tmp_path / "b", "list.csv", "irregular woodland,random forest\n")
    doc = write_list(tmp_path, "doc.txt", "We trained an irregular woodland on bosom peril data.\n")
    code, out, err = run(capsys, "scan", str(doc), "--rules", str(a), "--rules", str(b),
                         "--select", "SPN9", "--format", "jsonl", "--fail-on", "never")
    assert code == 0 and err == ""
    found = {(f["rule"], f["suggestion"]) for f in json.loads(out)["findings"]}
    assert found == {("SPN971", "breast cancer"), ("SPN972", "random forest")}


def test_same_list_twice_is_a_duplicate(tmp_path, capsys):
    a = write_list(tmp_path, "list.csv", "bosom peril,breast cancer\n")
    code, out, err = run(capsys, "scan", SEED, "--rules", str(a), "--rules", str(a))
    assert_usage_error(code, out, err, "duplicate rule id SPN971")


def test_non_utf8_list_is_named(tmp_path, capsys):
    path = tmp_path / "latin.csv"
    path.write_bytes("caf\u00e9 peril,coffee\n".encode("latin-1"))
    code, out, err = run(capsys, "scan", SEED, "--rules", str(path))
    assert_usage_error(code, out, err, f"{path}: not UTF-8 text (byte 0xe9 at offset 3)")
