"""Reporters on hand-built results: jsonl, json, sarif and github (rich/html: test_report_rich)."""
from __future__ import annotations

import io
import json
import re

import jsonschema
import pytest

from scanner.finding import Category, Finding, Severity
from scanner.io.records import Origin
from scanner.report import FORMATS, make_reporter
from scanner.report.context import LineIndex, excerpt_window, visible
from scanner.report.github import escape_data, escape_property
from scanner.report.sarif import Place, artifact_uri, place
from scanner.result import ScanResult
from scanner.rule import Rule

SPUN = ("WhatsApp Channel Join Now\n"
        "Telegram Group Join Now\n\n"
        "Japan and NATO pledge to strengthen cooperation\n\n"
        "Japanese Prime Minister Fumio Kishida issued a joint statement after talks with visiting "
        "NATO Secretary-General Jens Stoltenberg, saying the counterfeit consciousness arms race "
        "and Moscow's increasing military cooperation with Beijing have created the tensest "
        "security environment since World War II.\n\n"
        "Kishida said Japan will strengthen cooperation with NATO in maritime security, weapons "
        "control, cyberspace,  and other fields.\r\n\r\n"
        "Café owners in Zürich — “quoted” — reacted calmly.\n")


def at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def finding(text: str, needle: str | None, rule: str, name: str, category: Category,
            severity: Severity, message: str, suggestion: str | None = None) -> Finding:
    """A finding as the engine builds it (line/column filled in from the start offset)."""
    if needle is None:
        return Finding(rule, name, category, severity, message, suggestion=suggestion)
    start, end = at(text, needle)
    line, column = LineIndex(text).line_col(start)
    return Finding(rule, name, category, severity, message, start, end, text[start:end],
                   suggestion, {"n": 1}, line, column)


def spun_result() -> ScanResult:
    """A document with findings of several categories, a multi-line and a whole-document one."""
    f = [
        finding(SPUN, "WhatsApp Channel Join Now\nTelegram Group Join Now", "SPM001",
                "social-call-to-action", Category.SPAM, Severity.WARNING,
                "Social call to action: WhatsApp Channel Join Now", "Delete the line."),
        finding(SPUN, "counterfeit consciousness", "SPN001", "collocation-break",
                Category.SPIN, Severity.ERROR, 'Tortured phrase "counterfeit consciousness"',
                "artificial intelligence"),
        finding(SPUN, "tensest", "SPN002", "rare-superlative", Category.SPIN, Severity.INFO,
                "Unusual superlative"),
        finding(SPUN, ",  and", "TYP003", "double-space", Category.TYPOGRAPHY, Severity.INFO,
                "Two spaces in a row", ", and"),
        finding(SPUN, "Zürich", "TYP009", "odd-50%-name", Category.TYPOGRAPHY, Severity.INFO,
                "Name with 100% odd, chars: a:b"),
        finding(SPUN, None, "RDB001", "long-sentences", Category.READABILITY, Severity.WARNING,
                "Average sentence length is 38 words"),
    ]
    f.sort(key=lambda x: (x.start if x.start is not None else -1, x.rule))
    return ScanResult(id="spun-1", source="articles/spun one.txt",
                      title="Japan and NATO pledge to strengthen cooperation", language="en",
                      scores={"spin": 0.87, "quality": 58.0,
                              "headline": {"stance": "agree", "confidence": 0.91}},
                      findings=f, text=SPUN)


CLEAN = "Ministers agreed on Tuesday to extend the programme, officials said.\n"


def clean_result() -> ScanResult:
    return ScanResult(id="clean-1", source=None, title="Programme extended", language="en",
                      scores={"spin": 0.04, "quality": 100.0}, text=CLEAN)


def error_result() -> ScanResult:
    return ScanResult(id="bad.txt", source="in/bad.txt",
                      error="in/bad.txt: not UTF-8 text (byte 0xe9 at offset 3)")


UNICODE = "東京で会談した。\n岸田首相は「協力を強化する」と述べた。\u200b\n"


def unicode_result() -> ScanResult:
    f = [finding(UNICODE, "協力を強化する", "LNG002", "foreign-language", Category.LANGUAGE,
                 Severity.WARNING, "Text is Japanese, not English"),
         finding(UNICODE, "\u200b", "TYP001", "invisible-character", Category.TYPOGRAPHY,
                 Severity.WARNING, "Zero-width space")]
    return ScanResult(id="ja-1", source="https://example.org/news/ja?id=1", title=None,
                      language="ja", scores={"spin": None, "quality": 88.0,
                                             "spin_note": "not scored: not English"},
                      findings=f, text=UNICODE)


def all_results() -> list[ScanResult]:
    return [spun_result(), clean_result(), error_result(), unicode_result()]


class DemoRule(Rule):
    id = "SPN001"
    name = "collocation-break"
    category = Category.SPIN
    severity = Severity.ERROR
    summary = "Tortured phrases left by synonym-swapping spinners."
    docs = "Flags phrases such as 'counterfeit consciousness' (artificial intelligence)."


def render(fmt: str, results: list[ScanResult] | None = None, **options) -> str:
    out = io.StringIO()
    reporter = make_reporter(fmt, out, **options)
    for result in all_results() if results is None else results:
        reporter.add(result)
    reporter.close()
    return out.getvalue()


# ----- context helpers ---------------------------------------------------------------------
def test_visible_spells_out_controls_and_invisibles():
    assert visible("a\x1b[31mb\u200bc\u00a0d\r\n\te") == "a␛[31mb⟨U+200B⟩c⟨U+00A0⟩d⏎ e"


def test_line_index_counts_code_points_and_cr_as_a_character():
    lines = LineIndex("ab\ncd\r\nef")
    assert [lines.line_col(i) for i in (0, 3, 5, 7, 9)] == [(1, 1), (2, 1), (2, 3), (3, 1), (3, 3)]


def test_excerpt_window_fits_and_keeps_excerpt():
    start, end = at(SPUN, "counterfeit consciousness")
    window = excerpt_window(SPUN, start, end, 60)
    assert window.excerpt == "counterfeit consciousness"
    assert len("".join(window)) <= 60
    assert window.before.startswith("…") and window.after.endswith("…")
    long = excerpt_window(SPUN, 0, len(SPUN), 40)
    assert "…" in long.excerpt and len(long.excerpt) <= 40 * 2 // 3
    assert long.excerpt.startswith("WhatsApp Channel") and long.excerpt.endswith("calmly.⏎")


# ----- jsonl / json ------------------------------------------------------------------------
def test_jsonl_one_parsable_line_per_record():
    lines = render("jsonl").splitlines()
    assert len(lines) == 4
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["spun-1", "clean-1", "bad.txt", "ja-1"]
    assert records[0] == json.loads(json.dumps(spun_result().to_record()))
    assert records[3]["findings"][0]["excerpt"] == "協力を強化する"
    assert records[2]["error"].startswith("in/bad.txt")


def test_jsonl_survives_values_json_does_not_know():
    result = clean_result()
    result.findings = [Finding("X001", "x", Category.SPAM, Severity.INFO, "m",
                               data={"set": {1}, "tuple": (1, 2), "severity": Severity.INFO})]
    (record,) = [json.loads(line) for line in render("jsonl", [result]).splitlines()]
    assert record["findings"][0]["data"] == {"set": [1], "tuple": [1, 2], "severity": "info"}


def test_jsonl_lines_hold_no_unicode_line_separator():
    result = clean_result()
    result.title = "Line\u2028separator,\u2029paragraph separator and\x85next line"
    out = render("jsonl", [result])
    assert not set("\u2028\u2029\x85") & set(out)  # str.splitlines() would split there
    (line,) = out.splitlines()
    assert json.loads(line)["title"] == result.title


def test_json_document_with_summary():
    doc = json.loads(render("json", tool_version="9.9"))
    assert doc["schema_version"] == "1.0" and doc["tool"] == {"name": "spinscan", "version": "9.9"}
    assert [r["id"] for r in doc["results"]] == ["spun-1", "clean-1", "bad.txt", "ja-1"]
    summary = doc["summary"]
    assert summary["documents"] == 4 and summary["errors"] == 1
    assert summary["documents_with_findings"] == 2 and summary["findings"] == 8
    assert summary["by_severity"] == {"info": 3, "warning": 4, "error": 1}
    assert summary["by_category"]["typography"] == 3 and summary["by_category"]["headline"] == 0
    assert summary["by_rule"]["SPN001"] == 1
    assert summary["mean_spin"] == pytest.approx((0.87 + 0.04) / 2)


def test_json_with_no_records_is_valid():
    doc = json.loads(render("json", []))
    assert doc["results"] == [] and doc["summary"]["documents"] == 0


# ----- sarif -------------------------------------------------------------------------------
def _object(required: list[str], **properties) -> dict:
    return {"type": "object", "required": required, "properties": properties}


_MESSAGE = _object(["text"], text={"type": "string", "minLength": 1})
_LOCATION = _object([], physicalLocation=_object(
    ["artifactLocation"],
    artifactLocation=_object(["uri"], uri={"type": "string", "format": "uri-reference"}),
    region=_object([],
                   **{key: {"type": "integer", "minimum": 1}
                      for key in ("startLine", "startColumn", "endLine", "endColumn")},
                   charOffset={"type": "integer", "minimum": 0},
                   charLength={"type": "integer", "minimum": 0})))
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
# The parts of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that this log uses: required
# properties, enums and bounds, as the standard states them.
SARIF_SUBSET = _object(
    ["version", "runs"],
    version={"const": "2.1.0"},
    runs={"type": "array", "minItems": 1, "items": _object(
        ["tool"],
        columnKind={"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
        tool=_object(["driver"], driver=_object(
            ["name"], name={"type": "string"}, version={"type": "string"},
            informationUri={"type": "string", "format": "uri"},
            rules={"type": "array", "items": _object(
                ["id"], id={"type": "string"}, name={"type": "string"},
                shortDescription=_MESSAGE, fullDescription=_MESSAGE, help=_MESSAGE,
                defaultConfiguration=_object([], level=_LEVEL))})),
        results={"type": "array", "items": _object(
            ["message"], ruleId={"type": "string"}, ruleIndex={"type": "integer", "minimum": -1},
            level=_LEVEL, message=_MESSAGE, locations={"type": "array", "items": _LOCATION},
            partialFingerprints={"type": "object", "additionalProperties": {"type": "string"}},
            properties={"type": "object"})},
        invocations={"type": "array", "items": _object(
            ["executionSuccessful"], executionSuccessful={"type": "boolean"},
            toolExecutionNotifications={"type": "array", "items": _object(
                ["message"], level=_LEVEL, message=_MESSAGE,
                locations={"type": "array", "items": _LOCATION})})})})


def sarif_log(**options) -> dict:
    return json.loads(render("sarif", rules={"SPN001": DemoRule()}, tool_version="1.2.3",
                             **options))


def test_sarif_required_structure():
    log = sarif_log()
    jsonschema.validate(log, SARIF_SUBSET, format_checker=jsonschema.FormatChecker())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "spinscan" and driver["version"] == "1.2.3"
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in driver["rules"]]
    assert ids[0] == "SPN001" and len(ids) == len(set(ids))
    assert set(ids) == {f.rule for r in all_results() for f in r.findings}
    first = driver["rules"][0]
    assert first["name"] == "collocation-break"
    assert first["shortDescription"]["text"].startswith("Tortured phrases")
    assert "counterfeit consciousness" in first["fullDescription"]["text"]
    assert first["help"]["text"] and first["defaultConfiguration"]["level"] == "error"
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"note", "warning", "error"}
    assert len(run["results"]) == 8
    for result in run["results"]:
        assert set(result) >= {"ruleId", "ruleIndex", "level", "message", "locations",
                               "partialFingerprints"}
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"note", "warning", "error"} and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"]


def by_rule(log: dict, rule: str) -> dict:
    return next(r for r in log["runs"][0]["results"] if r["ruleId"] == rule)


def test_sarif_regions_levels_messages_fingerprints():
    log = sarif_log()
    spun = spun_result()
    tortured = by_rule(log, "SPN001")
    assert tortured["level"] == "error"
    assert tortured["message"]["text"] == ('Tortured phrase "counterfeit consciousness" '
                                           "(suggestion: artificial intelligence)")
    location = tortured["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "articles/spun%20one.txt"
    start, end = at(SPUN, "counterfeit consciousness")
    region = location["region"]
    assert region["charOffset"] == start and region["charLength"] == end - start
    line = SPUN.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "counterfeit consciousness"
    assert region["endLine"] == region["startLine"]
    fp = next(f for f in spun.findings if f.rule == "SPN001").fingerprint()
    assert tortured["partialFingerprints"] == {"spinscanFingerprint/v1": fp}
    spam = by_rule(log, "SPM001")["locations"][0]["physicalLocation"]["region"]
    assert (spam["startLine"], spam["startColumn"], spam["endLine"], spam["endColumn"]) == (1, 1, 2, 24)
    assert by_rule(log, "SPN002")["level"] == "note"
    assert "region" not in by_rule(log, "RDB001")["locations"][0]["physicalLocation"]
    # after the CRLF lines, columns still count code points (and \r as one)
    cafe = by_rule(log, "TYP009")["locations"][0]["physicalLocation"]["region"]
    assert cafe["startLine"] == 10 and SPUN.split("\n")[9][cafe["startColumn"] - 1:].startswith("Zürich")


def doubled_result(text: str, reverse: bool = False) -> ScanResult:
    """A record with a "the the" finding on each line that has one, and a whole-document one."""
    findings = [Finding("REP002", "doubled-word", Category.REPETITION, Severity.WARNING,
                        "Doubled word", m.start(), m.end(), m.group(), None, {},
                        *LineIndex(text).line_col(m.start()))
                for m in re.finditer(r"(?i)\bthe the\b", text)]
    findings.append(Finding("RDB010", "short-article", Category.READABILITY, Severity.INFO,
                            "Only 20 words"))
    return ScanResult(id="a", source="a.txt", title=None, language="en", scores={},
                      findings=findings[::-1] if reverse else findings, text=text)


def sarif_fingerprints(result: ScanResult) -> dict[tuple[str, int | None], str]:
    """Each result's partial fingerprint by (rule, start line)."""
    log = json.loads(render("sarif", [result], rules={}, tool_version="1"))
    return {(r["ruleId"], r["locations"][0]["physicalLocation"].get("region", {}).get(
        "startLine")): r["partialFingerprints"]["spinscanFingerprint/v1"]
        for r in log["runs"][0]["results"]}


@pytest.mark.parametrize("reverse", [False, True])
def test_sarif_copies_of_a_finding_have_distinct_stable_fingerprints(reverse):
    """Copies of one finding in a record (same rule and excerpt) are numbered in document order,
    as a baseline counts them; the first keeps the finding's fingerprint. An edit elsewhere
    changes none of them."""
    text = "Headline\n\nThis is the the plan.\n\nThey said The the cost would rise.\n"
    result = doubled_result(text, reverse)
    fp = next(f for f in result.findings if f.start is not None).fingerprint()
    prints = sarif_fingerprints(result)
    assert prints == {("REP002", 3): fp, ("REP002", 5): f"{fp}:2",
                      ("RDB010", None): result.findings[-1 if not reverse else 0].fingerprint()}
    edited = sarif_fingerprints(doubled_result(text.replace("Headline", "Headline\n\nNew line.")))
    assert sorted(edited.values()) == sorted(prints.values())


def test_sarif_region_without_text_matches_region_with_text():
    with_text = sarif_log()
    results = all_results()
    for result in results:
        result.text = None
    out = io.StringIO()
    reporter = make_reporter("sarif", out, rules={"SPN001": DemoRule()}, tool_version="1.2.3")
    for result in results:
        reporter.add(result)
    reporter.close()
    assert json.loads(out.getvalue()) == with_text


def test_sarif_error_record_is_a_tool_execution_notification():
    (invocation,) = sarif_log()["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "not UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "in/bad.txt"
    clean = json.loads(render("sarif", [clean_result()]))
    assert clean["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert clean["runs"][0]["results"] == []


@pytest.mark.parametrize(("source", "uri"), [
    ("https://example.org/a b", "https://example.org/a b"),
    ("/abs/dir/file #1.txt", "file:///abs/dir/file%20%231.txt"),
    ("rel\\win\\a.txt", "rel/win/a.txt"),
    ("C:\\news\\a.txt", "file:///C:/news/a.txt"),
    ("feed:3.txt", "feed%3A3.txt"),  # a relative file, not a URI scheme
    ("s3://bucket/a.jsonl", "s3://bucket/a.jsonl"),
])
def test_sarif_artifact_uris(source, uri):
    assert artifact_uri(source) == uri


@pytest.mark.parametrize(("origin", "source", "where"), [
    (Origin("news/feed.jsonl", line=3), "https://ex.com/a", Place("news/feed.jsonl", 3, "x")),
    (Origin("s3://bucket/a.csv", line=12), "s3://bucket/a.csv:12",
     Place("s3://bucket/a.csv", 12, "x")),
    (Origin("crawl.warc.gz", entry=2), "https://ex.com/b", Place("crawl.warc.gz", None, "x")),
    (Origin("news/a.txt"), "news/a.txt", Place("news/a.txt")),
    (Origin("notes:12"), "notes:12", Place("notes:12")),
    (Origin("https://example.org/live#12"), "https://example.org/live#12",
     Place("https://example.org/live#12")),
    (None, "news/feed.jsonl:3", Place("news/feed.jsonl:3")),  # built by hand: no origin
])
def test_a_record_is_placed_where_it_was_read(origin, source, where):
    assert place(ScanResult(id="x", source=source, origin=origin)) == where


def test_findings_of_a_jsonl_record_are_placed_at_its_line_naming_it():
    record = spun_result()  # lines count in the record's text; its source is its url field
    record.id, record.source = "c0", "https://example.org/c0"
    record.origin = Origin("news/feed.jsonl", line=4)
    results = json.loads(render("sarif", [record]))["runs"][0]["results"]
    assert {json.dumps(r["locations"]) for r in results} == {json.dumps(
        [{"physicalLocation": {"artifactLocation": {"uri": "news/feed.jsonl"},
                               "region": {"startLine": 4}}}])}
    tortured = next(r for r in results if r["ruleId"] == "SPN001")["message"]["text"]
    assert tortured == ('Tortured phrase "counterfeit consciousness" (in record \'c0\': '
                        "'counterfeit consciousness') (suggestion: artificial intelligence)")
    github = render("github", [record]).splitlines()
    assert len(github) == len(record.findings)
    assert all(",line=4,title=" in line and "col=" not in line and "endLine" not in line
               for line in github)
    assert all(line.split(" ", 1)[1].startswith("file=news/feed.jsonl,") for line in github)
    assert "(in record 'c0')" in next(line for line in github if "RDB001" in line)


def test_an_unreadable_record_of_a_jsonl_file_is_placed_at_its_line():
    bad = ScanResult(id="feed.jsonl:7", source="feed.jsonl:7", origin=Origin("feed.jsonl", line=7),
                     error="feed.jsonl:7: malformed JSON")
    assert render("github", [bad]) == "::error file=feed.jsonl,line=7::feed.jsonl:7: malformed JSON\n"
    (notification,) = json.loads(render("sarif", [bad]))["runs"][0]["invocations"][0][
        "toolExecutionNotifications"]
    assert notification["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "feed.jsonl"}, "region": {"startLine": 7}}}]


def test_findings_in_a_pages_extracted_text_are_placed_on_the_file_with_their_excerpt():
    page = spun_result()
    page.source, page.origin = "site/page.html", Origin("site/page.html")
    page.from_html = True  # positions count in the extracted text
    sarif = json.loads(render("sarif", [page]))["runs"][0]["results"]
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in sarif)
    tortured = next(r for r in sarif if r["ruleId"] == "SPN001")["message"]["text"]
    assert tortured == ('Tortured phrase "counterfeit consciousness" (in the page text: '
                        "'counterfeit consciousness') (suggestion: artificial intelligence)")
    github = render("github", [page]).splitlines()
    assert github and not any("line=" in line for line in github)


# ----- github ------------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_one_annotation_per_finding():
    lines = render("github").splitlines()
    assert len(lines) == 8 + 1  # findings plus the error record
    assert all(line.startswith(("::notice ", "::warning ", "::error ")) for line in lines)
    tortured = next(line for line in lines if "SPN001" in line)
    start, _ = at(SPUN, "counterfeit consciousness")
    line, col = LineIndex(SPUN).line_col(start)
    assert tortured == (f"::error file=articles/spun one.txt,line={line},col={col},"
                        f"endLine={line},endColumn={col + 25},title=SPN001 collocation-break"
                        '::Tortured phrase "counterfeit consciousness" '
                        "(suggestion: artificial intelligence)")
    odd = next(line for line in lines if "TYP009" in line)
    assert odd.startswith("::notice ") and "title=TYP009 odd-50%25-name::" in odd
    assert odd.endswith("::Name with 100%25 odd, chars: a:b")
    spam = next(line for line in lines if "SPM001" in line)
    assert ",line=1,endLine=2,title=" in spam and "col=" not in spam  # no columns across lines
    whole = next(line for line in lines if "RDB001" in line)
    assert whole.startswith("::warning file=articles/spun one.txt,title=RDB001 long-sentences::")
    assert "::error file=in/bad.txt::in/bad.txt: not UTF-8 text (byte 0xe9 at offset 3)" in lines
    url = next(line for line in lines if "LNG002" in line)
    assert "file=https%3A//example.org/news/ja?id=1," in url


def test_unknown_format_is_refused():
    assert "rich" in FORMATS
    with pytest.raises(ValueError, match="unknown format"):
        make_reporter("xml", io.StringIO())


def test_no_format_prints_ansi_to_a_pipe():
    for fmt in FORMATS:
        assert not re.search("\x1b\\[", render(fmt)), fmt


def test_the_sarif_reporter_does_not_import_the_suppression_machinery():
    import subprocess
    import sys

    code = ("import sys, scanner.report.sarif; "
            "print(sorted({'scanner.suppress', 'scanner.registry', 'yaml'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"  # (a rule registry and YAML config cost ~100 ms)
