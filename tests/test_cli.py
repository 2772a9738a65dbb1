"""The command line: formats, exit codes, selection, bad input, suppression, baselines."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from scanner.cli import main
from tests.conftest import ROOT, SEEDS

SCHEMA = json.loads((ROOT / "scanner" / "schema" / "record-1.0.schema.json").read_text())
CLEAN = ("Ministers agreed on Tuesday to extend the programme for another year, officials said.\n\n"
         "The scheme, which began in 2019, has supported more than 4,000 small firms across the "
         "region, according to figures published by the department.\n")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def jsonl(out: str) -> list[dict]:
    records = [json.loads(line) for line in out.splitlines()]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    return records


def test_seeds_jsonl_one_line_per_record(capsys):
    code, out, err = run(capsys, "scan", "seeds", "--format", "jsonl", "--fail-on", "never")
    records = jsonl(out)
    assert code == 0
    assert [r["id"] for r in records] == [str(Path("seeds") / p.name) for p in SEEDS]
    for record in records:
        assert record["error"] is None and record["findings"]
        assert 0 <= record["scores"]["spin"] <= 1 and 0 <= record["scores"]["quality"] <= 100


def test_offsets_are_code_points_into_text_as_read(tmp_path, capsys):
    text = "Caf\u00e9 news \u2014 \u201cquoted\u201d\r\n\r\nWhatsApp Channel Join Now\r\n\r\n" + CLEAN
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    _, out, _ = run(capsys, "scan", str(path), "-f", "jsonl", "--fail-on", "never")
    (record,) = jsonl(out)
    for finding in record["findings"]:
        if finding["start"] is not None:
            assert text[finding["start"]:finding["end"]] == finding["excerpt"]
            line = text.split("\n")[finding["line"] - 1]
            assert line[finding["column"] - 1:].startswith(finding["excerpt"].split("\n")[0])


def test_bad_inputs_become_error_records_and_run_goes_on(tmp_path, capsys):
    (tmp_path / "a_bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "b_bin.txt").write_bytes(b"\x00\x00\x00")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d.jsonl").write_bytes(b'{"id": "ok", "text": "Fine text here."}\n{broken\n')
    (tmp_path / "e_good.txt").write_text(CLEAN)
    code, out, _ = run(capsys, "scan", str(tmp_path), "-f", "jsonl")
    records = jsonl(out)
    assert len(records) == 6
    errors = [r for r in records if r["error"]]
    assert len(errors) == 4 and all(r["findings"] == [] for r in errors)
    assert code == 1  # unreadable records fail the gate ...
    code, _, _ = run(capsys, "scan", str(tmp_path), "-f", "jsonl", "--fail-on", "never")
    assert code == 0  # ... unless the gate is off


def test_missing_path_is_usage_error(capsys):
    code, out, err = run(capsys, "scan", "no/such/file.txt")
    assert code == 2 and out == ""
    assert err.strip() == "spinscan: error: no/such/file.txt: no such file or directory"


@pytest.mark.parametrize("option, target, problem", [
    ("--output", "article.txt", "--output article.txt: is also an input; writing it would destroy it"),
    ("--output", "nodir/out.jsonl", "--output nodir/out.jsonl: the directory nodir does not exist"),
    ("--export", "nodir/report.html", "--export nodir/report.html: the directory nodir does not exist"),
    ("--write-baseline", "nodir/b.json", "--write-baseline nodir/b.json: the directory nodir does not exist"),
    ("--output", "somedir", "--output somedir: is a directory, not a file"),
    ("--output", "article.txt/out.jsonl",
     "--output article.txt/out.jsonl: the directory article.txt is a file"),
])
def test_an_output_that_cannot_be_written_is_refused_before_the_scan(
        tmp_path, capsys, monkeypatch, option, target, problem):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    Path("somedir").mkdir()
    code, out, err = run(capsys, "scan", "article.txt", "-f", "jsonl", option, target)
    assert code == 2 and out == "" and err == f"spinscan: error: {problem}\n"
    assert Path("article.txt").read_text(encoding="utf-8") == CLEAN  # the input is intact


@pytest.mark.parametrize("command", [
    ["scan", "article.txt", "-o", "out/r.jsonl", "-f", "jsonl"],
    ["audit", "article.txt", "-o", "out/r.jsonl", "--no-progress"],
    ["audit", "article.txt", "-o", "r.jsonl", "--emit-clean", "out", "--no-progress"],
])
def test_an_output_the_system_refuses_is_a_usage_error_before_the_scan(tmp_path, capsys,
                                                                      monkeypatch, command):
    import tempfile

    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    Path("out").mkdir()

    def refuse(*args, dir=None, **kwargs):  # as a read-only mount or a foreign directory would
        if Path(dir).resolve() == Path("out").resolve():
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    real = tempfile.TemporaryFile
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    code, out, err = run(capsys, *command)
    option, path = ("--emit-clean", "out") if "--emit-clean" in command else ("--output", "out/r.jsonl")
    assert code == 2 and out == ""
    assert err == f"spinscan: error: {option} {path}: cannot be written (Permission denied)\n"
    assert list(Path("out").iterdir()) == [] and not Path("r.jsonl").exists()


def test_the_writability_probe_leaves_nothing_behind(tmp_path):
    from scanner.invocation import check_outputs

    kept = tmp_path / "kept.jsonl"
    kept.write_text("old\n", encoding="utf-8")
    check_outputs({"--output": str(tmp_path / "new.jsonl"), "--report": str(kept),
                   "--emit-clean": str(tmp_path / "clean")}, [],
                  directories={"--emit-clean": "--emit-clean"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.jsonl"]
    assert kept.read_text(encoding="utf-8") == "old\n"


def test_an_output_through_a_dangling_link_is_a_usage_error_before_the_scan(tmp_path, capsys,
                                                                           monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    Path("r.jsonl").symlink_to(tmp_path / "gone" / "r.jsonl")
    code, out, err = run(capsys, "scan", "article.txt", "-f", "jsonl", "-o", "r.jsonl")
    assert code == 2 and out == ""
    assert err == "spinscan: error: --output r.jsonl: cannot be written (No such file or directory)\n"


def test_an_append_only_output_is_a_usage_error_before_the_scan(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    Path("r.jsonl").write_text("", encoding="utf-8")
    if (shutil.which("chattr") is None
            or subprocess.run(["chattr", "+a", "r.jsonl"], capture_output=True).returncode != 0):
        pytest.skip("chattr +a needs root and a file system that has the attribute")
    try:
        code, out, err = run(capsys, "audit", "article.txt", "-o", "r.jsonl", "--no-progress")
    finally:
        subprocess.run(["chattr", "-a", "r.jsonl"], check=True)
    assert code == 2 and out == ""
    assert err == "spinscan: error: --output r.jsonl: cannot be written (Operation not permitted)\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [
    ["scan", "article.txt", "-f", "jsonl", "-o", "/dev/full"],
    ["audit", "article.txt", "-o", "/dev/full", "--no-progress"],
])
def test_a_full_disk_is_one_line_and_exit_3(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(capsys, *command)
    assert code == 3
    assert err.splitlines()[-1] == ("spinscan: error: writing the output failed: "
                                    "No space left on device")
    assert "Traceback" not in err


@pytest.mark.parametrize("options, problem", [
    (["-o", "file.parquet"], "--output file.parquet: is a file; Parquet output writes a directory"),
    (["-o", "out.jsonl", "--emit-clean", "file.parquet"],
     "--emit-clean file.parquet: is a file; --emit-clean writes a directory"),
])
def test_an_existing_file_where_an_audit_writes_a_directory_is_refused(tmp_path, capsys,
                                                                       monkeypatch, options,
                                                                       problem):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    Path("file.parquet").write_text("kept", encoding="utf-8")
    code, out, err = run(capsys, "audit", "article.txt", "--no-progress", *options)
    assert code == 2 and err == f"spinscan: error: {problem}\n"
    assert Path("file.parquet").read_text(encoding="utf-8") == "kept"


def spin_heads(out: str) -> int:
    """The spin findings a rich report lists (their heads: icon, rule id)."""
    return len(re.findall(r"^│ [✖▲●] SPN\d{3} ", out, re.MULTILINE))


def test_the_rich_report_lists_all_of_one_documents_findings(capsys):
    """QA pass 33: `scan article.txt` listed 7 of 17 spin findings ("… and 9 more"), with no
    option to see the rest; a batch's panels are capped unless --all-findings is given."""
    spun = str(SEEDS[3])  # 27 spin findings
    _, out, _ = run(capsys, "scan", spun, "--fail-on", "never")
    assert spin_heads(out) == 27 and "more spin findings" not in out
    _, out, _ = run(capsys, "scan", "seeds", "--fail-on", "never")
    assert spin_heads(out) == 8 and "… and 19 more spin findings" in out
    _, out, _ = run(capsys, "scan", "seeds", "--fail-on", "never", "--all-findings")
    assert spin_heads(out) == 27 and "more spin findings" not in out


FROG_STORY = (
    "Researchers have described a previously unknown species of tree frog found in a remote "
    "cloud forest in the Andes, according to a study published on Wednesday.\n\n"
    "The tiny amphibian, less than two centimetres long, lives among mosses and bromeliads at "
    "about 2,800 metres, where the team first recorded its high-pitched call during a night "
    "survey.\n\nGenetic tests confirmed that the frog differs from its closest relatives, and "
    "the authors said the species should be listed as endangered because its forest is being "
    "cleared for cattle farms.\n")
RATES = "Central bank raises interest rates to fight inflation"


@pytest.mark.parametrize(("title_line", "place"), [
    (f'title: "{RATES}"', "line=2,col=9,endLine=2,endColumn=62"),
    (f"title: {RATES}  # draft", "line=2,col=8,endLine=2,endColumn=61"),
    ("title: >-\n  Central bank raises interest rates\n  to fight inflation",
     "line=2,col=1,endLine=2,endColumn=10"),  # folded: the title: line
])
def test_a_headline_finding_points_at_the_front_matter_title_line(tmp_path, capsys, title_line,
                                                                   place):
    """QA pass 33: a Markdown draft's title from its front matter got its HDL001 annotation
    without a line, where a .txt draft's first line gets line=1,col=1."""
    text = f"---\n{title_line}\ndate: 2026-03-01\n---\n\n{FROG_STORY}"
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "scan", str(path), "-f", "github", "--select", "HDL001")
    assert out.startswith(f"::warning file={path},{place},title=HDL001 headline-body-mismatch::")
    _, out, _ = run(capsys, "scan", str(path), "-f", "jsonl", "--select", "HDL001")
    (finding,) = jsonl(out)[0]["findings"]
    assert (finding["line"], finding["excerpt"]) == (2, RATES)
    if RATES in title_line:  # the title on the line as it is: its span is the excerpt
        assert text[finding["start"]:finding["end"]] == RATES
    _, out, _ = run(capsys, "scan", str(path), "-f", "sarif", "--select", "HDL001")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    _, out, _ = run(capsys, "scan", str(path), "--select", "HDL001")
    assert f"warning  2:{finding['column']}" in out and "«Central bank raises" in out


def test_an_export_of_unknown_kind_is_refused_before_the_scan(tmp_path, capsys):
    code, out, err = run(capsys, "scan", "seeds", "--export", str(tmp_path / "report.pdf"))
    assert code == 2 and out == ""
    assert err == f"spinscan: error: {tmp_path / 'report.pdf'}: cannot export to .pdf (use .html or .svg)\n"


@pytest.mark.parametrize(("argv", "problem"), [
    (["scan", "a.txt", "-o", "r.json", "--write-baseline", "./r.json"],
     "--write-baseline ./r.json: is also the --output file"),
    (["audit", "a.txt", "-o", "r.jsonl", "--report", "r.jsonl"],
     "--report r.jsonl: is also the --output file"),
    (["audit", "a.txt", "-o", "ecd/clean.jsonl", "--emit-clean", "ecd"],
     "--emit-clean ecd: its file ecd/clean.jsonl is also the --output file"),
    (["audit", "a.txt", "-o", "r.jsonl", "--report", "ecd/stats.json", "--emit-clean", "ecd/"],
     "--emit-clean ecd/: its file ecd/stats.json is also the --report file"),
    (["audit", "a.txt", "-o", "r.jsonl", "--report", "r.clusters.jsonl", "--crossdoc"],
     "--report r.clusters.jsonl: is also written by --output r.jsonl"),
])
def test_one_file_for_two_outputs_is_a_usage_error(tmp_path, capsys, monkeypatch, argv, problem):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN, encoding="utf-8")
    Path("ecd").mkdir()
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err == f"spinscan: error: {problem}\n"
    outputs = [value for option, value in zip(argv, argv[1:])
               if option in ("-o", "--report", "--write-baseline")]
    assert not any(Path(p).exists() for p in [*outputs, "ecd/clean.jsonl", "ecd/stats.json"])


@pytest.mark.parametrize("argv", [["scan", "seeds", "--fail-on", "critical"],
                                  ["scan", "seeds", "--format", "xml"], ["audit", "seeds"], []])
def test_a_bad_command_line_is_a_one_line_usage_error(capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and err.count("\n") == 1
    assert err.startswith("spinscan") and "error: " in err and "--help" in err


def test_inputs_without_a_file_to_scan_are_a_usage_error(tmp_path, capsys):
    (tmp_path / "notes.rst").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(capsys, "scan", str(tmp_path))
    assert code == 2 and out == "" and err.startswith(f"spinscan: error: no file to scan in {tmp_path}")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    assert run(capsys, "scan", str(tmp_path), "-f", "jsonl")[0] == 0


@pytest.mark.parametrize("command", ["scan", "audit"])
def test_a_directory_walk_notes_once_the_files_it_skips_for_their_name(tmp_path, capsys, command):
    walked = tmp_path / "in"
    (walked / "sub").mkdir(parents=True)
    (walked / "a.txt").write_text(CLEAN, encoding="utf-8")
    (walked / "sub" / "artnoext").write_text(CLEAN, encoding="utf-8")
    (walked / "sub" / "notes.rst").write_text(CLEAN, encoding="utf-8")
    (walked / ".hidden").write_text(CLEAN, encoding="utf-8")  # hidden: skipped silently
    out = tmp_path / "out.jsonl"
    argv = [command, str(walked), "-o", str(out)]
    argv += ["--no-progress"] if command == "audit" else ["-f", "jsonl"]
    code, _, err = run(capsys, *argv)
    assert code == 0 and [json.loads(line)["id"] for line in out.read_text().splitlines()] == [
        str(walked / "a.txt")]
    assert err.count("spinscan: note:") == 1
    assert (f"skipped 2 files without a known suffix in directories (e.g. "
            f"{walked / 'sub' / 'artnoext'})") in err
    for extra in ("sub/artnoext", "sub/notes.rst"):
        (walked / extra).unlink()
    code, _, err = run(capsys, *argv)
    assert code == 0 and "note" not in err


@pytest.mark.parametrize("command", ["scan", "audit"])
def test_a_usage_error_comes_alone_without_the_skipped_files_note(tmp_path, capsys, command):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.rst").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(capsys, command, str(tmp_path), "-o", str(tmp_path / "no" / "r.jsonl"))
    assert code == 2 and err.count("\n") == 1 and err.startswith("spinscan: error: --output")


def test_the_skipped_files_note_leaves_out_the_runs_own_reports(tmp_path, capsys, monkeypatch):
    import scanner.invocation as invocation

    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "report.sarif").write_text("{}", encoding="utf-8")  # a previous run's -o
    (tmp_path / "redirected.sarif").write_text("", encoding="utf-8")  # > redirected.sarif
    monkeypatch.setattr(invocation, "_stdout_stat",
                        lambda: os.stat(tmp_path / "redirected.sarif"))
    code, _, err = run(capsys, "scan", str(tmp_path), "-f", "sarif",
                       "-o", str(tmp_path / "report.sarif"))
    assert code == 0 and "note" not in err
    (tmp_path / "notes.rst").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(capsys, "scan", str(tmp_path), "-f", "sarif",
                       "-o", str(tmp_path / "report.sarif"))
    assert "skipped 1 file without a known suffix in directories (e.g. " in err
    assert "notes.rst" in err and ".sarif" not in err


def test_records_sharing_an_id_share_their_baseline(tmp_path, capsys):
    texts = [Path(p).read_text(encoding="utf-8") for p in SEEDS[:2]]
    feed = tmp_path / "dups.jsonl"
    feed.write_text("".join(json.dumps({"id": "dup", "text": t}) + "\n" for t in texts),
                    encoding="utf-8")
    baseline = tmp_path / "b.json"
    assert run(capsys, "scan", str(feed), "--write-baseline", str(baseline), "--fail-on", "info")[0] == 0
    assert run(capsys, "scan", str(feed), "--baseline", str(baseline), "--fail-on", "info")[0] == 0
    assert run(capsys, "scan", str(feed), "--fail-on", "info")[0] == 1


def test_writing_a_baseline_fails_only_on_an_unreadable_record(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN + "\nWhatsApp Channel Join Now\n", encoding="utf-8")
    assert run(capsys, "scan", "a.txt", "-f", "jsonl", "--fail-on", "warning",
               "--write-baseline", "b.json")[0] == 0  # its SPM001 warning is accepted
    Path("bad.jsonl").write_text('{"id": "x", "text": 3}\n', encoding="utf-8")
    assert run(capsys, "scan", "a.txt", "bad.jsonl", "-f", "jsonl",
               "--write-baseline", "b.json")[0] == 1
    assert run(capsys, "scan", "a.txt", "bad.jsonl", "-f", "jsonl", "--fail-on", "never",
               "--write-baseline", "b.json")[0] == 0


def test_writing_the_baseline_in_effect_keeps_its_accepted_findings(tmp_path, capsys,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN + "\nWhatsApp Channel Join Now\n", encoding="utf-8")
    Path("spinscan.toml").write_text('baseline = "b.json"\n', encoding="utf-8")
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--write-baseline", "b.json")
    accepted = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"]
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--write-baseline", "b.json")
    assert accepted["a.txt"] and json.loads(Path("b.json").read_text())["findings"] == accepted
    assert run(capsys, "scan", "a.txt", "-f", "jsonl", "--fail-on", "info")[0] == 0


def test_bad_selector_and_bad_pack_are_usage_errors(tmp_path, capsys):
    code, _, err = run(capsys, "scan", "seeds", "--select", "NOPE999")
    assert code == 2 and "matches no rule" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: nope\n")
    code, _, err = run(capsys, "scan", "seeds", "--rules", str(bad))
    assert code == 2 and "bad.yaml:1" in err and len(err.strip().splitlines()) == 1


def test_fail_on_levels(tmp_path, capsys):
    path = tmp_path / "cta.txt"
    path.write_text(CLEAN + "\nWhatsApp Channel Join Now\n")
    assert run(capsys, "scan", str(path), "-f", "jsonl", "--fail-on", "warning")[0] == 1
    assert run(capsys, "scan", str(path), "-f", "jsonl", "--fail-on", "never")[0] == 0
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN)
    assert run(capsys, "scan", str(clean), "-f", "jsonl", "--fail-on", "warning")[0] == 0


def test_the_findings_cap_note_is_an_info_in_the_score_and_the_gate(tmp_path, capsys,
                                                                    monkeypatch):
    """Past ``max-findings-per-rule`` a rule's note of the findings not shown is an info,
    whatever the rule's level: with the shown findings allowed, it alone costs the quality
    score an info's point and fails ``--fail-on info``, not ``--fail-on warning``."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("He came onJan 31 to Tokyo. She left onFeb 2 and onMar 3, onApr 4.\n")
    Path("spinscan.toml").write_text('select = ["TYP001"]\nmax-findings-per-rule = 2\n'
                                     'allow = ["onJan", "onFeb"]\n[severity]\nTYP001 = "error"\n')
    code, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--fail-on", "info")
    (record,) = jsonl(out)
    assert code == 1 and record["scores"]["quality"] == 99.0
    assert [(f["severity"], f["message"]) for f in record["findings"]] == [
        ("info", "more findings of TYP001 not shown (cap 2 per document)")]
    assert run(capsys, "scan", "a.txt", "-f", "jsonl", "--fail-on", "warning")[0] == 0


def test_the_default_gate_fails_on_a_spun_article(tmp_path, capsys, monkeypatch):
    """--fail-on error (the default) fails on the classifier's verdict (SPN002), passes the
    original and the other seeds; SPN002 lowered to a warning in the config passes it."""
    from scanner.checks.spin import SpunArticle

    monkeypatch.chdir(tmp_path)
    Path("spun.txt").write_text(next(e.text for e in SpunArticle.examples if e.flagged))
    Path("original.txt").write_text(SpunArticle.examples[1].text)
    assert run(capsys, "scan", "spun.txt", "-f", "jsonl")[0] == 1
    assert run(capsys, "scan", "original.txt", "-f", "jsonl")[0] == 0
    Path("spinscan.toml").write_text('[severity]\nSPN002 = "warning"\n')
    assert run(capsys, "scan", "spun.txt", "-f", "jsonl")[0] == 0


def test_select_by_category_runs_only_those_rules(capsys):
    _, out, _ = run(capsys, "scan", "seeds", "-f", "jsonl", "--select", "typography",
                    "--fail-on", "never")
    records = jsonl(out)
    assert {f["category"] for r in records for f in r["findings"]} == {"typography"}
    assert all(r["scores"]["spin"] is None for r in records)


def test_headline_selection_fills_headline_score(capsys):
    _, out, _ = run(capsys, "scan", "seeds", "-f", "jsonl", "--select", "headline",
                    "--fail-on", "never")
    for record in jsonl(out):
        assert record["scores"]["headline"]["stance"] in {"agree", "disagree", "discuss", "unrelated"}


def test_stdin_and_title_only_record(capsys, monkeypatch):
    import io

    data = b'{"id": "t1", "title": "You Won\'t Believe What Happened Next"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    _, out, _ = run(capsys, "scan", "-", "-f", "jsonl", "--fail-on", "never")
    (record,) = jsonl(out)
    assert record["id"] == "t1" and record["error"] is None
    assert record["scores"]["headline"]["stance"] is None


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "html", "rich"])
def test_every_format_writes_to_output_file(tmp_path, capsys, fmt):
    out_file = tmp_path / f"report.{fmt}"
    out_file.write_text("old content")
    code, out, _ = run(capsys, "scan", "seeds", "-f", fmt, "-o", str(out_file),
                       "--fail-on", "never")
    assert code == 0 and out == ""
    written = out_file.read_text()
    assert "old content" not in written and "\x1b[" not in written
    if fmt in {"json", "sarif"}:
        json.loads(written)


SPAM_LINE = "WhatsApp Channel Join Now"


def placements(capsys, path: str) -> tuple[list[dict], list[str]]:
    """The SARIF locations and the GitHub annotations of the spam findings of ``path``."""
    options = ("--select", "spam", "--fail-on", "never")
    _, sarif, _ = run(capsys, "scan", path, "-f", "sarif", *options)
    _, github, _ = run(capsys, "scan", path, "-f", "github", *options)
    return ([r["locations"][0]["physicalLocation"] for r in json.loads(sarif)["runs"][0]["results"]],
            github.splitlines())


def test_a_jsonl_record_with_a_url_is_placed_at_its_line_of_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [{"id": "a1", "text": CLEAN},
            {"id": "a2", "url": "https://ex.com/a2", "text": f"{CLEAN}\n{SPAM_LINE}\n"}]
    Path("feed.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    sarif, github = placements(capsys, "feed.jsonl")
    assert sarif == [{"artifactLocation": {"uri": "feed.jsonl"}, "region": {"startLine": 2}}]
    assert len(github) == 1 and " file=feed.jsonl,line=2,title=SPM001 " in github[0]
    assert "(in record 'a2': 'WhatsApp Channel Join Now')" in github[0]


def test_a_file_named_like_a_record_of_a_file_is_placed_on_itself(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = f"{CLEAN}\n{SPAM_LINE}\n"
    Path("notes:12").write_text(text)
    line = text.split("\n").index(SPAM_LINE) + 1
    sarif, github = placements(capsys, "notes:12")
    assert [(s["artifactLocation"]["uri"], s["region"]["startLine"]) for s in sarif] == [
        ("notes%3A12", line)]
    assert len(github) == 1 and f" file=notes%3A12,line={line},col=1," in github[0]


def test_an_ignore_comment_is_no_text_for_the_rules():
    from scanner import scan_text

    text = SEEDS[3].read_text(encoding="utf-8")
    commented = scan_text(text + "\n<!-- spinscan: ignore-file[SPN001] -->\n")
    ignored = scan_text(text + "\n", ignore=["SPN001"])
    spans = [[(f["rule"], f["start"], f["end"]) for f in r["findings"]] for r in (commented, ignored)]
    assert spans[0] == spans[1] and not any(rule == "SPN001" for rule, *_ in spans[0])
    assert commented["scores"]["quality"] == ignored["scores"]["quality"]


def test_inline_ignore_allow_list_and_baseline(tmp_path, capsys, monkeypatch):
    article = tmp_path / "a.md"
    article.write_text(CLEAN + "\nWhatsApp Channel Join Now\n")
    _, out, _ = run(capsys, "scan", str(article), "-f", "jsonl", "--select", "spam")
    assert jsonl(out)[0]["findings"]
    article.write_text(CLEAN + "\n<!-- spinscan: ignore[spam] -->\nWhatsApp Channel Join Now\n")
    _, out, _ = run(capsys, "scan", str(article), "-f", "jsonl", "--select", "spam")
    assert jsonl(out)[0]["findings"] == []
    article.write_text(CLEAN + "\nWhatsApp Channel Join Now\n")
    (tmp_path / "spinscan.toml").write_text('allow = ["WhatsApp Channel Join Now"]\n')
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "scan", "a.md", "-f", "jsonl", "--select", "spam")
    assert jsonl(out)[0]["findings"] == []
    (tmp_path / "spinscan.toml").unlink()
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "scan", "a.md", "-f", "jsonl", "--fail-on", "warning",
               "--write-baseline", str(baseline))[0] == 0  # writing a baseline accepts
    code, out, _ = run(capsys, "scan", "a.md", "-f", "jsonl", "--fail-on", "warning",
                       "--baseline", str(baseline))
    assert code == 0 and jsonl(out)[0]["findings"] == []


def test_ignore_comments_that_ignore_nothing_are_warned_of(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text(CLEAN + "\n<!-- spinscan: ignore[spam, NOPE] -->\nWhatsApp Channel Join Now\n"
                       "<!-- spinscan: ignore[TYP001 -->\n<!-- spinscan: ignore-file[] -->\n")
    code, out, err = run(capsys, "scan", str(article), "-f", "jsonl", "--select", "spam")
    assert jsonl(out)[0]["findings"] == []  # the good selector still applies
    lines = CLEAN.count("\n") + 2
    assert err.splitlines() == [
        f"spinscan: warning: {article}: line {lines}: ignore comment selector 'NOPE' matches "
        "no rule",
        f"spinscan: warning: {article}: line {lines + 2}: '<!-- spinscan: ignore[TYP001 -->' is "
        "not an ignore comment (<!-- spinscan: ignore[RULE, ...] --> or ignore-file[...])",
        f"spinscan: warning: {article}: line {lines + 3}: the ignore comment names no rule",
    ]


@pytest.mark.parametrize("comment, problem", [
    ("ignore[]", "the ignore comment names no rule"),
    ("ignore[ ,]", "the ignore comment names no rule"),  # empty selectors are no selectors
    ("ignore-file[ , ]", "the ignore comment names no rule"),
    ("ignore[spam, ]", None),
])
def test_ignore_comment_with_empty_selectors(comment, problem):
    from scanner.registry import build_registry
    from scanner.suppress import ignore_comment_problems, ignore_comments

    text = f"Council meets.\n<!-- spinscan: {comment} -->\nWhatsApp Channel Join Now\n"
    problems = ignore_comment_problems(text, ignore_comments(text), build_registry())
    assert problems == ([f"line 2: {problem}"] if problem else [])


def test_well_formed_ignore_comments_draw_no_warning(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text(CLEAN + "\n<!-- spinscan: ignore[spam, SPN, doubled-word] -->\nWhatsApp "
                       "Channel Join Now\n<!--spinscan:IGNORE-FILE[typography]-->\n"
                       "The word spinscan in prose is no comment.\n")
    code, out, err = run(capsys, "scan", str(article), "-f", "jsonl")
    assert err == "" and jsonl(out)[0]["error"] is None


@pytest.mark.parametrize("glob", ["wire/*", "./wire/*", "{cwd}/wire/*", "wire/a.txt",
                                  "./wire/a.txt", "{cwd}/wire/a.txt", "./wire/../wire/*", "./*/a.txt"])
def test_per_path_ignores(tmp_path, capsys, monkeypatch, glob):
    """A glob's leading directories are normalised as a record's path is: however either
    names the file, the glob applies to it, and to no other file."""
    for name in ("wire", "blog"):
        (tmp_path / name).mkdir()
        (tmp_path / name / ("a.txt" if name == "wire" else "b.txt")).write_text(
            CLEAN + "\nWhatsApp Channel Join Now\n")
    glob = glob.format(cwd=tmp_path)
    (tmp_path / "spinscan.toml").write_text(f'[per-path-ignores]\n"{glob}" = ["spam"]\n')
    monkeypatch.chdir(tmp_path)
    for path in ("wire", "./wire/a.txt", str(tmp_path / "wire" / "a.txt")):  # one file, 3 names
        _, out, _ = run(capsys, "scan", path, "-f", "jsonl", "--select", "spam")
        assert jsonl(out)[0]["findings"] == [], path
    for path in ("blog", "./blog/b.txt", str(tmp_path / "blog" / "b.txt")):
        _, out, _ = run(capsys, "scan", path, "-f", "jsonl", "--select", "spam")
        assert jsonl(out)[0]["findings"], path


@pytest.mark.parametrize("glob, key", [
    ("./wire/*", "wire/*"), ("wire//a*.txt", "wire/a*.txt"), ("./*.md", "*.md"),
    ("*/wire/*", "*/wire/*"), ("https://example.com/*", "https://example.com/*"),
    ("../wire/[ab].txt", "../wire/[ab].txt"), ("-", "-"),
])
def test_a_path_glob_is_normalised_up_to_its_first_wildcard(glob, key):
    from scanner.suppress import glob_key

    assert glob_key(glob) == key


def test_rules_listing_and_rule_docs(capsys):
    code, out, _ = run(capsys, "rules")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) > 20 and all(len(line.split()) >= 4 for line in lines)
    first_id = lines[0].split()[0]
    code, out, _ = run(capsys, "rule", first_id)
    assert code == 0 and first_id in out and "Not flagged" in out
    assert run(capsys, "rule", "NOPE999")[0] == 2


def test_a_rule_page_lists_the_options_a_config_may_set_with_their_defaults(capsys):
    code, out, _ = run(capsys, "rule", "LNG001")
    assert code == 0 and "Options ([options.LNG001], defaults)" in out
    assert "min_probability = 0.95" in out
    code, out, _ = run(capsys, "rule", "REP002")  # a rule without options says nothing of them
    assert code == 0 and "Options" not in out


HOUSE_PACK = """pack: house
rules:
  - id: HSE001
    name: promo-line
    category: spam
    severity: warning
    message: "Promotional line: {match}"
    phrases: ["Join our Telegram"]
    summary: Promotional lines.
    docs: Promotional lines.
    examples:
      flag: ["Join our Telegram for daily tips"]
      pass: ["The minister spoke."]
"""


def test_rules_and_rule_know_the_configured_packs(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    Path("spinscan.toml").write_text('rules = ["house.yaml"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "HSE001  promo-line" in out
    code, out, _ = run(capsys, "rule", "HSE001")
    assert code == 0 and "promo-line" in out
    Path("spinscan.toml").unlink()
    Path("ci.toml").write_text('rules = ["house.yaml"]\n', encoding="utf-8")
    assert run(capsys, "rule", "HSE001", "--config", "ci.toml")[0] == 0


def test_command_line_rules_add_to_the_configured_packs_and_ignore_replaces(tmp_path, capsys,
                                                                            monkeypatch):
    """``--rules`` loads its packs after the config's ``rules`` (not instead of them), while
    ``--ignore``, like every other option, replaces the config's value."""
    monkeypatch.chdir(tmp_path)
    Path("house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    Path("list.csv").write_text("counterfeit consciousness,artificial intelligence\n",
                                encoding="utf-8")
    Path("spinscan.toml").write_text('rules = ["house.yaml"]\nignore = ["HSE"]\n',
                                     encoding="utf-8")
    code, out, _ = run(capsys, "rules", "--rules", "list.csv")
    listed = {line.split()[0] for line in out.splitlines()}
    assert code == 0 and "HSE001" in listed and "SPN971" in listed
    Path("a.txt").write_text(CLEAN + "\nThe counterfeit consciousness race goes on.\n\n"
                             "Join our Telegram for daily tips\n", encoding="utf-8")
    _, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--rules", "list.csv")
    assert {f["rule"] for f in jsonl(out)[0]["findings"]} >= {"SPN971"}
    assert "HSE001" not in {f["rule"] for f in jsonl(out)[0]["findings"]}  # the config's ignore
    _, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--rules", "list.csv",
                    "--ignore", "RDB")
    assert {f["rule"] for f in jsonl(out)[0]["findings"]} >= {"SPN971", "HSE001"}


def test_jobs_gives_identical_results(capsys):
    _, one, _ = run(capsys, "scan", "seeds", "-f", "jsonl", "--fail-on", "never")
    _, two, _ = run(capsys, "scan", "seeds", "-f", "jsonl", "--fail-on", "never", "--jobs", "2")
    assert one == two


def test_console_script_and_help():
    result = subprocess.run([sys.executable, "-m", "scanner", "--help"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0
    for option in ("scan", "rules", "rule"):
        assert option in result.stdout
    result = subprocess.run([sys.executable, "-m", "scanner", "scan", "--help"],
                            capture_output=True, text=True, cwd=ROOT)
    for option in ("--format", "--select", "--ignore", "--fail-on", "--jobs", "--config",
                   "--rules", "--max-doc-bytes", "--baseline", "--output", "--export"):
        assert option in result.stdout


@pytest.mark.parametrize("command", ["scan", "audit"])
def test_help_names_every_kind_of_input(capsys, monkeypatch, command):
    """QA pass 27: `scan --help` named .txt/.md/.html, .jsonl and stdin, not the CSV, WARC,
    feed, gzipped, glob and URL inputs that scan reads as audit does."""
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        main([command, "--help"])
    usage = " ".join(capsys.readouterr().out.split())
    for kind in ("directories", "globs", "fsspec URLs", "- (stdin)", ".txt", ".md", ".html",
                 ".jsonl", ".csv", ".tsv", ".warc", "RSS/Atom", ".gz"):
        assert kind in usage


def test_an_accepted_whole_document_finding_survives_an_edit(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--write-baseline", "b.json")
    Path("a.txt").write_text("The council approved the new budget on Monday.\n", encoding="utf-8")
    _, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "RDB010", "--fail-on", "never")
    assert jsonl(out)[0]["findings"][0]["message"].startswith("Only 8 words")  # a new figure
    code, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--baseline", "b.json",
                       "--fail-on", "info")
    assert code == 0 and jsonl(out)[0]["findings"] == []


@pytest.mark.parametrize("selection", [["--select", "spin", "--ignore", "spin"],
                                       ["--select", "SPN100"]])
def test_a_selection_that_leaves_no_rule_is_a_usage_error(capsys, selection):
    code, out, err = run(capsys, "scan", "seeds", "-f", "jsonl", *selection)
    assert code == 2 and out == ""
    assert err.startswith("spinscan: error: ") and "no rule to run" in err and err.count("\n") == 1


def test_a_closed_pipe_is_not_a_passed_gate(monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["scan", "seeds", "-f", "jsonl"]) == 141  # 128 + SIGPIPE, as a shell says


@pytest.mark.parametrize("fmt", ["rich", "jsonl", "html"])  # html: one big page (QA pass 12 D4)
def test_a_reader_that_leaves_early_ends_the_run_with_141_quietly(tmp_path, fmt):
    for copy in range(4):  # a report of four times the seeds overflows the pipe's buffer
        shutil.copytree(ROOT / "seeds", tmp_path / f"seeds{copy}")
    scan = subprocess.Popen(
        [sys.executable, "-m", "scanner", "scan", str(tmp_path), "-f", fmt, "--fail-on", "never"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert scan.stdout.read(1)
    scan.stdout.close()
    assert scan.stderr.read() == b"" and scan.wait(timeout=300) == 141


def test_output_dash_is_stdout(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN, encoding="utf-8")
    code, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "-o", "-")
    assert code == 0 and jsonl(out)[0]["id"] == "a.txt" and not Path("-").exists()


def test_stdin_given_twice_is_a_usage_error(capsys):
    code, out, err = run(capsys, "scan", "-", "seeds", "-", "-f", "jsonl")
    assert code == 2 and out == "" and err == "spinscan: error: - (stdin) can be read only once\n"


def test_a_baseline_applies_to_its_files_however_they_are_named(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("docs").mkdir()
    Path("docs/a.txt").write_text(CLEAN + "\nWhatsApp Channel Join Now\n", encoding="utf-8")
    run(capsys, "scan", "docs", "-f", "jsonl", "--write-baseline", "b.json")
    assert_baseline_accepts_all(capsys, "docs/a.txt", "./docs/a.txt", str(tmp_path / "docs" / "a.txt"))


def assert_baseline_accepts_all(capsys, *paths: str) -> None:
    """Scanned with the baseline b.json, each of ``paths`` passes the strictest gate with no
    finding left."""
    for path in paths:
        code, out, _ = run(capsys, "scan", path, "-f", "jsonl", "--baseline", "b.json",
                           "--fail-on", "info")
        assert code == 0 and jsonl(out)[0]["findings"] == [], path


@pytest.mark.parametrize("fields", [{}, {"url": "https://example.com/a"}])
def test_a_baseline_applies_to_a_feeds_default_ids_however_the_feed_is_named(
        tmp_path, capsys, monkeypatch, fields):
    monkeypatch.chdir(tmp_path)
    Path("feed.jsonl").write_text(json.dumps(
        {**fields, "text": CLEAN + "\nWhatsApp Channel Join Now\n"}) + "\n", encoding="utf-8")
    run(capsys, "scan", "feed.jsonl", "-f", "jsonl", "--write-baseline", "b.json")
    assert list(json.loads(Path("b.json").read_text())["findings"]) == ["feed.jsonl:1"]
    assert_baseline_accepts_all(capsys, "./feed.jsonl", str(tmp_path / "feed.jsonl"))


def test_a_baseline_accepts_each_finding_once(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doubled = "The the plan was approved by the council on Tuesday evening.\n\n"
    Path("a.txt").write_text(CLEAN + "\n" + doubled, encoding="utf-8")
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "doubled-word",
        "--write-baseline", "b.json")
    Path("a.txt").write_text(doubled + CLEAN + "\n" + doubled * 2, encoding="utf-8")
    code, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "doubled-word",
                       "--baseline", "b.json", "--fail-on", "info")
    assert code == 1 and [f["line"] for f in jsonl(out)[0]["findings"]] == [7, 9]
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "doubled-word",
        "--write-baseline", "b.json")
    (prints,) = json.loads(Path("b.json").read_text(encoding="utf-8"))["findings"].values()
    assert len(prints) == 3 and len(set(prints)) == 1


def test_a_version_1_baseline_accepts_every_copy_of_what_it_lists(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doubled = "The the plan was approved by the council on Tuesday evening.\n\n"
    Path("a.txt").write_text(CLEAN + "\n" + doubled * 2, encoding="utf-8")
    run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "doubled-word",
        "--write-baseline", "b.json")
    written = json.loads(Path("b.json").read_text(encoding="utf-8"))
    assert written["version"] == 2
    old = {"version": 1, "findings": {k: sorted(set(v)) for k, v in written["findings"].items()}}
    Path("b.json").write_text(json.dumps(old), encoding="utf-8")  # as 87a6cfe wrote it
    code, out, _ = run(capsys, "scan", "a.txt", "-f", "jsonl", "--select", "doubled-word",
                       "--baseline", "b.json", "--fail-on", "info")
    assert code == 0 and jsonl(out)[0]["findings"] == []


@pytest.mark.parametrize("content", ['{"version": 1, "findings": {"a.txt": 5}}',
                                     '{"version": 1, "findings": []}',
                                     '{"version": 1, "findings": {"a.txt": "abc"}}',
                                     '{"version": 1, "findings": {"a.txt": [1]}}'])
def test_a_malformed_baseline_is_a_usage_error(tmp_path, capsys, monkeypatch, content):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(CLEAN, encoding="utf-8")
    Path("b.json").write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "scan", "a.txt", "-f", "jsonl", "--baseline", "b.json")
    assert code == 2 and out == ""
    assert err == ("spinscan: error: b.json: findings must map record ids to lists of "
                   "fingerprints (strings)\n")


def test_a_baseline_keeps_a_records_own_id_whatever_the_working_directory(tmp_path, capsys,
                                                                          monkeypatch):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "/news/a", "text": CLEAN + "\nWhatsApp Channel Join Now\n"})
                    + "\n", encoding="utf-8")
    (tmp_path / "one").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    run(capsys, "scan", str(feed), "-f", "jsonl", "--write-baseline", str(tmp_path / "b.json"))
    assert "/news/a" in json.loads((tmp_path / "b.json").read_text())["findings"]
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "scan", str(feed), "-f", "jsonl", "--baseline", "b.json",
                       "--fail-on", "info")
    assert code == 0 and jsonl(out)[0]["findings"] == []


def test_an_output_url_whose_backend_is_not_installed_is_a_usage_error(tmp_path, capsys,
                                                                      monkeypatch):
    fsspec = pytest.importorskip("fsspec")

    def missing(protocol):
        raise ImportError("Install s3fs to access S3")

    monkeypatch.setattr(fsspec, "get_filesystem_class", missing)
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(capsys, "audit", "article.txt", "-o", "s3://bucket/audit/",
                       "--engine", "dask", "--no-progress")
    assert code == 2
    assert err == "spinscan: error: --output s3://bucket/audit/: Install s3fs to access S3\n"


@pytest.mark.parametrize("command", ["scan", "audit"])
@pytest.mark.parametrize("inputs", [["site", "site/a.txt"], ["site/a.txt", "./site/a.txt"]])
def test_one_file_named_twice_is_refused_not_read_twice(tmp_path, capsys, monkeypatch, command,
                                                        inputs):
    monkeypatch.chdir(tmp_path)
    Path("site").mkdir()
    Path("site/a.txt").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(capsys, command, *inputs, "-o", "out.jsonl",
                         *(["--no-progress"] if command == "audit" else ["-f", "jsonl"]))
    assert code == 2 and not Path("out.jsonl").exists()
    assert err.startswith(f"spinscan: error: {inputs[1]}: the inputs name this file twice")


@pytest.mark.parametrize("argv", [
    ["scan", "site", "-f", "jsonl", "-o", "site/report.jsonl"],
    ["audit", "site", "-o", "site/sub/audit.jsonl", "--no-progress"],
    ["audit", "./site/", "-o", "out.jsonl", "--report", "site/report.html", "--no-progress"],
    ["audit", "site/*", "-o", "site/audit.jsonl", "--no-progress"],  # a glob spinscan expands
    ["audit", "file://{cwd}/site", "-o", "site/audit.jsonl", "--no-progress"],
    ["audit", "file://{cwd}/site/*.jsonl", "-o", "site/audit.jsonl", "--no-progress"],
])
def test_an_output_inside_an_input_directory_is_refused_before_it_becomes_an_input(
        tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    Path("site/sub").mkdir(parents=True)
    Path("site/a.txt").write_text(CLEAN, encoding="utf-8")
    Path("site/b.jsonl").write_text(json.dumps({"id": "b", "text": CLEAN}) + "\n",
                                    encoding="utf-8")
    code, _, err = run(capsys, *(arg.format(cwd=tmp_path) for arg in argv))
    assert code == 2 and "which would read it as an input on the next run" in err
    assert "or in a hidden subdirectory (walks skip those)" in err


def test_an_output_beside_or_hidden_in_an_input_directory_is_fine(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("site/.spinscan").mkdir(parents=True)
    Path("site/a.txt").write_text(CLEAN, encoding="utf-8")
    assert run(capsys, "audit", "site", "-o", "site/.spinscan/audit.jsonl", "--no-progress")[0] == 0
    assert run(capsys, "audit", "site", "-o", "site/.spinscan/audit.jsonl", "--no-progress",
               "--resume")[0] == 0  # the walk skips hidden directories: the resume works
    assert run(capsys, "audit", "site", "-o", "site-audit.jsonl", "--no-progress")[0] == 0


@pytest.mark.parametrize("setting, problem", [
    ('ignore = ["NOPE"]\n', "ignore: selector 'NOPE' matches no rule"),
    ('[severity]\nNOPE001 = "error"\n', "NOPE001"),
    ('[options.SPN002]\nzz = 1\n', "zz"),
    ('ignore = ["ALL"]\n', "leave no rule to run"),
    ('baseline = "missing.json"\n', "cannot read baseline"),
    ('select = ["SPN100"]\n', "leave no rule to run"),  # QA pass 27 N4: `rules` accepted it
])
@pytest.mark.parametrize("command", [["rules"], ["rule", "SPN002"]])
def test_rules_checks_a_config_as_a_scan_does(tmp_path, capsys, setting, problem, command):
    config = tmp_path / "ci.toml"
    config.write_text(setting, encoding="utf-8")
    code, _, err = run(capsys, *command, "--config", str(config))
    assert code == 2 and err.startswith("spinscan: error: ") and problem in err
    scan_code, _, scan_err = run(capsys, "scan", "seeds", "--config", str(config))
    assert (scan_code, scan_err) == (code, err)  # the same verdict, told the same way


def test_scan_reads_a_feeds_fields_by_name_as_audit_does(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"uid": "a1", "headline": "Budget passed",
                                "meta": {"body": CLEAN, "link": "https://x.test/a1"}}) + "\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "scan", str(feed), "-f", "jsonl", "--text-field", "meta.body",
                       "--title-field", "headline", "--id-field", "uid", "--url-field",
                       "meta.link")
    (record,) = jsonl(out)
    assert code == 0 and record["error"] is None
    assert (record["id"], record["title"], record["source"]) == ("a1", "Budget passed",
                                                                 "https://x.test/a1")


def test_standard_output_redirected_into_an_input_is_refused(tmp_path):
    Path(tmp_path, "a.txt").write_text(CLEAN, encoding="utf-8")
    with open(tmp_path / "report.jsonl", "w") as report:  # as `> report.jsonl` makes it
        done = subprocess.run([sys.executable, "-m", "scanner", "scan", ".", "-f", "jsonl"],
                              cwd=tmp_path, stdout=report, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2
    assert done.stderr.decode().startswith(
        "spinscan: error: report.jsonl: standard output is redirected into this input")
