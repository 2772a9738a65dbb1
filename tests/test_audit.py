"""spinscan audit: one output record per input, resume after a crash or Ctrl-C, emit-clean,
Parquet parts, and the summary rebuilt from the output."""
from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import sys
from pathlib import Path

import orjson
import pytest
from rich.console import Console

from scanner.audit.clean import clean_text
from scanner.audit.output import JsonlSink, iter_output
from scanner.audit.progress import AuditProgress, count_records
from scanner.audit.summary import AuditSummary, source_group
from scanner.cli import main
from scanner.finding import Category, Finding, Severity
from scanner.io.options import ReadOptions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def corpus(tmp_path: Path, n: int = 30) -> Path:
    """A JSONL file of ``n`` seed-derived articles with ids and URLs on two domains."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(n):
            domain = "a.example" if i % 3 else "b.example"
            out.write(json.dumps({"id": f"doc-{i:03d}", "url": f"https://www.{domain}/{i}",
                                  "text": texts[i % len(texts)]}) + "\n")
    return path


def records(path: Path) -> dict[str, bytes]:
    return {orjson.loads(line)["id"]: line for line in path.read_bytes().splitlines()}


def audit(*args: str) -> int:
    return main(["audit", "--no-progress", *map(str, args)])


def test_every_input_yields_exactly_one_record(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text((SEEDS / "000_95bfc27350312eda.txt").read_text())
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "in" / "latin.md").write_bytes(b"caf\xe9")
    (tmp_path / "in" / "rows.jsonl").write_bytes(
        b'{"id": "j1", "text": "Fine body text here."}\n{"id": "j2", "text": 5}\n{"id": "j3", "te')
    (tmp_path / "in" / "huge.jsonl").write_bytes(b'{"id": "huge", "text": "' + b"a " * 300_000
                                                 + b'"}\n')
    out = tmp_path / "out.jsonl"
    assert audit(tmp_path / "in", "-o", out) == 0
    got = records(out)
    assert len(got) == 7
    errors = {k: orjson.loads(v)["error"] for k, v in got.items() if orjson.loads(v)["error"]}
    assert set(errors) == {str(tmp_path / "in" / "bin.txt"), str(tmp_path / "in" / "latin.md"),
                           "j2", f"{tmp_path / 'in' / 'rows.jsonl'}:3", "huge"}
    assert "word limit" in errors["huge"]
    # the headline's flagged share is of the scanned records, and it says how many those are
    # (not the 7 read, of which 5 are errors)
    headline = " ".join(capsys.readouterr().out.split())
    assert "Audited 7 articles (7 read now)" in headline and "5 errors (not scanned)" in headline
    assert "of the 2 scanned)" in headline


@pytest.mark.parametrize("command", ["scan", "audit"])
def test_an_input_directory_is_walked_once(tmp_path, monkeypatch, command):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text((SEEDS / "000_95bfc27350312eda.txt").read_text())
    from scanner.io import sources

    walks = []
    walk = sources._walk
    monkeypatch.setattr(sources, "_walk", lambda directory: walks.append(directory) or walk(directory))
    out = tmp_path / "out.jsonl"
    assert main([command, str(tmp_path / "in"), "-o", str(out), "--no-progress"]
                if command == "audit" else
                [command, str(tmp_path / "in"), "--format", "jsonl", "--output", str(out)]) in (0, 1)
    assert len(out.read_text().splitlines()) == 2
    assert walks == [tmp_path / "in"]


def test_resume_after_a_crash_completes_without_duplicates(tmp_path):
    feed = corpus(tmp_path)
    fresh = tmp_path / "fresh.jsonl"
    assert audit(feed, "-o", fresh) == 0
    crashed = tmp_path / "crashed.jsonl"
    lines = fresh.read_bytes().splitlines(keepends=True)
    crashed.write_bytes(b"".join(lines[:12]) + lines[12][:40])  # a hard kill mid-line
    assert audit(feed, "-o", crashed, "--resume") == 0
    assert records(crashed) == records(fresh)
    assert len(crashed.read_bytes().splitlines()) == 30


def test_resume_with_repeated_ids_scans_each_remaining_record_once(tmp_path):
    feed = tmp_path / "feed.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    feed.write_text("".join(json.dumps({"id": "dup" if i % 4 == 0 else f"doc-{i}",
                                        "text": texts[i % len(texts)]}) + "\n"
                            for i in range(20)), encoding="utf-8")
    fresh = tmp_path / "fresh.jsonl"
    assert audit(feed, "-o", fresh) == 0
    lines = fresh.read_bytes().splitlines(keepends=True)
    crashed = tmp_path / "crashed.jsonl"
    crashed.write_bytes(b"".join(lines[:9]) + lines[9][:40])  # two "dup" records done, then a kill
    assert audit(feed, "-o", crashed, "--resume") == 0
    ids = [orjson.loads(line)["id"] for line in crashed.read_bytes().splitlines()]
    assert ids == [orjson.loads(line)["id"] for line in lines] and ids.count("dup") == 5


@pytest.mark.parametrize("first_line", [b"id,title,text\n", b"\xff\xfe garbage\n",
                                        b'{"no_id": 1}\n', b"notes without a line end",
                                        b'{"minified": "json", "no": "line end"}'])
def test_resume_refuses_a_file_that_is_no_output_and_leaves_it_alone(tmp_path, capsys,
                                                                     first_line):
    feed = corpus(tmp_path, 3)
    precious = tmp_path / "precious.csv"
    precious.write_bytes(first_line + (b"a,b,c\n" * 5 if first_line.endswith(b"\n") else b""))
    before = precious.read_bytes()
    assert audit(feed, "-o", precious, "--resume") == 2
    err = capsys.readouterr().err
    assert err == (f"spinscan: error: {precious}: line 1 is no spinscan record; --resume appends "
                   "only to the output of an earlier run (name a new file, or drop --resume to "
                   "overwrite this one)\n")
    assert precious.read_bytes() == before


def test_resume_tells_when_it_cuts_records_after_a_line_that_is_no_record(tmp_path, capsys):
    feed = corpus(tmp_path, 12)
    fresh = tmp_path / "fresh.jsonl"
    assert audit(feed, "-o", fresh) == 0
    lines = fresh.read_bytes().splitlines(keepends=True)
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b"".join(lines[:5]) + b"another writer's line\n" + b"".join(lines[5:8]))
    capsys.readouterr()
    assert audit(feed, "-o", mixed, "--resume") == 0
    assert (f"spinscan: note: {mixed}:6: not a record (another process wrote into the file?); "
            "it and the 3 lines after it were cut, and their records are scanned again") in capsys.readouterr().err
    assert records(mixed) == records(fresh)
    # a torn last line is a crash's: cut without a note
    mixed.write_bytes(b"".join(lines[:5]) + lines[5][:30])
    assert audit(feed, "-o", mixed, "--resume") == 0
    assert "note" not in capsys.readouterr().err and records(mixed) == records(fresh)


def test_a_resumed_output_holding_another_feeds_records_is_told_not_counted_as_resumed(
        tmp_path, capsys):
    feed, other = corpus(tmp_path, 6), tmp_path / "other.jsonl"
    other.write_text("".join(json.dumps({"id": f"other-{i}", "text": "Some other article text "
                                         "about the council budget and the new bus lanes."})
                             + "\n" for i in range(4)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert audit(other, "-o", out) == 0
    assert audit(feed, "-o", out, "--resume") == 0
    headline = " ".join(capsys.readouterr().out.split())
    assert "Audited 10 articles (6 read now, 4 in the output from no input)" in headline
    # an output resumed by its own feed counts its records as resumed
    assert audit(feed, "-o", out, "--resume") == 0
    headline = " ".join(capsys.readouterr().out.split())
    assert "(0 read now, 6 resumed from the output, 4 in the output from no input)" in headline


@pytest.mark.parametrize("spelling", ["./{}", "{cwd}/{}", "{cwd}/site/../{}"])
def test_resume_matches_records_whatever_spelling_named_their_file(tmp_path, monkeypatch,
                                                                   spelling):
    monkeypatch.chdir(tmp_path)
    text = (SEEDS / "000_95bfc27350312eda.txt").read_text(encoding="utf-8")
    Path("site").mkdir()
    for name in ("a.txt", "b.txt"):
        Path("site", name).write_text(text, encoding="utf-8")
    Path("feed.jsonl").write_text(json.dumps({"id": "own", "text": text}) + "\nnot json\n"
                                  + json.dumps({"text": text}) + "\n", encoding="utf-8")
    assert audit("site", "feed.jsonl", "-o", "out.jsonl") == 0
    lines = Path("out.jsonl").read_bytes().splitlines(keepends=True)
    assert [orjson.loads(line)["id"] for line in lines] == [
        "site/a.txt", "site/b.txt", "own", "feed.jsonl:2", "feed.jsonl:3"]
    Path("out.jsonl").write_bytes(b"".join(lines[:4]))  # the run was killed after 4 records
    named = [spelling.format(name, cwd=tmp_path) for name in ("site", "feed.jsonl")]
    assert audit(*named, "-o", "out.jsonl", "--resume") == 0
    resumed = Path("out.jsonl").read_bytes().splitlines(keepends=True)
    assert resumed[:4] == lines[:4] and len(resumed) == 5
    assert orjson.loads(resumed[4])["id"] == f"{named[1]}:3"  # published as this run names it


def commented_feed(path: Path, n: int) -> Path:
    """A JSONL feed of ``n`` articles: each has a mistyped ignore comment, the first also a
    well-formed one and one that names no rule."""
    text = (SEEDS / "000_95bfc27350312eda.txt").read_text(encoding="utf-8")
    comments = ["<!-- spinscan: ignore[spam, NOPE] -->"]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            more = ["<!-- spinscan: ignore[REP] -->", "<!-- spinscan: ignore[] -->"] if i == 0 else []
            out.write(json.dumps({"id": f"doc-{i}", "text": "\n".join([*comments, *more, text])})
                      + "\n")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])  # found by the scanner, in the worker processes
def test_audit_warns_once_of_ignore_comments_that_ignore_nothing(tmp_path, capsys, jobs):
    feed = commented_feed(tmp_path / "feed.jsonl", 6)
    out = tmp_path / "out.jsonl"
    assert audit(feed, "-o", out, "--jobs", jobs) == 0
    problem = "line 1: ignore comment selector 'NOPE' matches no rule"
    assert capsys.readouterr().err.splitlines() == [
        "spinscan: warning: 7 ignore comment problems in 6 records (comments or selectors that "
        "ignore nothing), the first 5:",
        f"  doc-0: {problem}", "  doc-0: line 3: the ignore comment names no rule",
        *(f"  doc-{i}: {problem}" for i in range(1, 4))]
    assert audit(feed, "-o", out, "--resume") == 0
    assert capsys.readouterr().err == ""  # of the records scanned in this run


def test_audit_quotes_every_ignore_comment_problem_when_there_are_few(tmp_path, capsys):
    assert audit(commented_feed(tmp_path / "feed.jsonl", 2), "-o", tmp_path / "out.jsonl") == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "spinscan: warning: 3 ignore comment problems in 2 records (comments or selectors that "
        "ignore nothing):")


def test_an_output_over_an_input_is_refused(tmp_path, capsys):
    feed = corpus(tmp_path, 3)
    before = feed.read_bytes()
    assert audit(feed, "-o", feed) == 2
    assert "is also an input" in capsys.readouterr().err and feed.read_bytes() == before


@pytest.mark.parametrize("limit", ["0", "-5"])
@pytest.mark.parametrize("option", ["max-words", "top"])
def test_a_word_limit_or_top_below_one_is_a_usage_error(tmp_path, capsys, option, limit):
    out = tmp_path / "out.jsonl"
    assert audit(corpus(tmp_path, 2), "-o", out, f"--{option}", limit) == 2
    assert capsys.readouterr().err == (f"spinscan: error: command line: {option} must be a "
                                       "positive integer\n")
    assert not out.exists()


@pytest.mark.parametrize("report, refused", [("r.txt", ".txt"), ("r", "a file without suffix"),
                                             ("r.svg", ".svg")])
def test_a_report_that_is_not_html_is_a_usage_error(tmp_path, capsys, monkeypatch, report,
                                                    refused):
    monkeypatch.chdir(tmp_path)
    assert audit(corpus(tmp_path, 2), "-o", "out.jsonl", "--report", report) == 2
    assert capsys.readouterr().err == (f"spinscan: error: --report {report}: cannot write the "
                                       f"HTML report to {refused} (use .html)\n")
    assert not Path("out.jsonl").exists() and not Path(report).exists()


def test_a_clean_file_over_an_input_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ecd").mkdir()
    Path("ecd/clean.jsonl").write_bytes(corpus(tmp_path, 3).read_bytes())
    assert audit("ecd/clean.jsonl", "-o", "out.jsonl", "--emit-clean", "ecd") == 2
    assert capsys.readouterr().err == ("spinscan: error: --emit-clean ecd: its file "
                                       "ecd/clean.jsonl is also an input; writing it would "
                                       "destroy it\n")
    assert not Path("out.jsonl").exists()


def test_a_malformed_output_line_is_named_by_file_and_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a"}\n\n{"id": "b"}{"id": "c"}\n')
    with pytest.raises(ValueError, match=rf"^{out}:3: malformed record: "):
        list(iter_output(str(out), "jsonl"))


def test_output_dash_streams_records_to_stdout_and_the_summary_to_stderr(tmp_path, capsys,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    feed = corpus(tmp_path, 6)
    assert audit(feed, "-o", "-", "--report", "r.html") == 0
    out, err = capsys.readouterr()
    assert [orjson.loads(line)["id"] for line in out.splitlines()] == [
        f"doc-{i:03d}" for i in range(6)]
    assert "Audited 6 articles" in err and "Records: standard output" in err
    assert not Path("-").exists() and "→ standard output" in Path("r.html").read_text()
    assert audit(feed, "-o", str(tmp_path / "file.jsonl")) == 0
    assert (tmp_path / "file.jsonl").read_text() == out  # the records a file gets


@pytest.mark.parametrize("option", [["--resume"], ["--crossdoc"],
                                    ["--output-format", "parquet"], ["--engine", "dask"]])
def test_output_dash_refuses_what_needs_an_output_file(tmp_path, capsys, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    assert audit(corpus(tmp_path, 2), "-o", "-", *option) == 2
    assert not Path("-").exists()
    out, err = capsys.readouterr()
    assert out == "" and err == (f"spinscan: error: -o - streams records to standard output; "
                                 f"{' '.join(option)} needs an output file (or directory)\n")


def test_output_dash_to_a_closed_pipe_ends_with_141(tmp_path, monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.chdir(tmp_path)
    feed = corpus(tmp_path, 3)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert audit(feed, "-o", "-") == 141 and not Path("-").exists()


def test_ctrl_c_leaves_a_valid_resumable_output(tmp_path, monkeypatch):
    feed = corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    write = JsonlSink.write
    calls = {"n": 0}

    def interrupting_write(self, record):
        calls["n"] += 1
        if calls["n"] == 8:
            raise KeyboardInterrupt
        write(self, record)

    monkeypatch.setattr(JsonlSink, "write", interrupting_write)
    assert audit(feed, "-o", out, "--jobs", "2") == 130
    assert len(records(out)) == 7  # whole lines only
    assert multiprocessing.active_children() == []  # the workers were joined before the exit
    monkeypatch.setattr(JsonlSink, "write", write)
    assert audit(feed, "-o", out, "--resume", "--jobs", "2") == 0
    assert len(records(out)) == 30 and len(out.read_bytes().splitlines()) == 30


def test_a_second_ctrl_c_cannot_cut_the_wait_for_the_workers_short(tmp_path, monkeypatch):
    import signal
    from concurrent.futures import ProcessPoolExecutor

    seen = []
    shutdown = ProcessPoolExecutor.shutdown

    def recording_shutdown(self, *args, **kwargs):
        seen.append(signal.getsignal(signal.SIGINT))
        shutdown(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "shutdown", recording_shutdown)
    before = signal.getsignal(signal.SIGINT)
    assert audit(corpus(tmp_path, 6), "-o", tmp_path / "out.jsonl", "--jobs", "2") == 0
    assert seen == [signal.SIG_IGN] and signal.getsignal(signal.SIGINT) is before


def test_parquet_output_and_resume(tmp_path):
    pytest.importorskip("pyarrow")
    feed = corpus(tmp_path, 12)
    out = tmp_path / "out.parquet"
    assert audit(feed, "-o", out) == 0
    parts = sorted(out.glob("part-*.parquet"))
    assert parts and len(list(iter_output(str(out), "parquet"))) == 12
    assert audit(feed, "-o", out, "--resume") == 0  # nothing left to do
    assert sorted(r["id"] for r in iter_output(str(out), "parquet")) == [
        f"doc-{i:03d}" for i in range(12)]


def test_emit_clean_writes_every_readable_article_and_drop_counts(tmp_path):
    feed = corpus(tmp_path, 10)
    clean_dir = tmp_path / "clean"
    assert audit(feed, "-o", tmp_path / "out.jsonl", "--emit-clean", clean_dir) == 0
    rows = [orjson.loads(line) for line in (clean_dir / "clean.jsonl").read_bytes().splitlines()]
    assert [r["id"] for r in rows] == [f"doc-{i:03d}" for i in range(10)]
    stats = orjson.loads((clean_dir / "stats.json").read_bytes())
    assert stats["articles"] == 10 and stats["clean_level"] == "warning"
    assert {r["clean_level"] for r in rows} == {"warning"}
    assert stats["dropped_lines"] == sum(r["dropped_lines"] for r in rows)
    assert sum(stats["dropped_by_reason"].values()) == stats["dropped_lines"]


def test_emit_clean_counts_as_emptied_only_the_articles_that_lost_every_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(row) + "\n" for row in [
        {"id": "headline-only", "title": "Council approves new budget for libraries"},
        {"id": "all-promo", "text": "Share on WhatsApp\nSubscribe to our newsletter"}]),
        encoding="utf-8")
    assert audit(feed, "-o", tmp_path / "out.jsonl", "--emit-clean", tmp_path / "clean") == 0
    stats = orjson.loads((tmp_path / "clean" / "stats.json").read_bytes())
    assert (stats["articles"], stats["dropped_lines"], stats["articles_emptied"]) == (2, 2, 1)


def _finding(rule, category, start, end, severity=Severity.WARNING):
    return Finding(rule=rule, name=rule.lower(), category=category, severity=severity,
                   message="m", start=start, end=end)


def test_clean_text_drops_covered_lines_only():
    text = "Headline\n\nShare on WhatsApp\nBody says click here to read.\nRelated: Other story\n"
    share = text.index("Share on WhatsApp")
    click = text.index("click here")
    related = text.index("Related: Other story")
    findings = [
        _finding("SPM001", Category.SPAM, share, share + len("Share on WhatsApp")),
        _finding("SPM002", Category.SPAM, click, click + len("click here")),
        _finding("BPL001", Category.BOILERPLATE, related, related + len("Related: Other story")),
        _finding("SPN001", Category.SPIN, 0, 8),
        _finding("BPL002", Category.BOILERPLATE, 0, 8, Severity.INFO),
    ]
    clean, dropped, kept, n_dropped = clean_text(text, findings)
    assert clean == "Headline\n\nBody says click here to read."
    assert dropped == {"SPM001 spm001": 1, "BPL001 bpl001": 1} and n_dropped == 2 and kept == 2
    clean, dropped, kept, n_dropped = clean_text(text, findings, Severity.INFO)  # --clean-level info
    assert clean == "Body says click here to read."
    assert dropped == {"SPM001 spm001": 1, "BPL001 bpl001": 1, "BPL002 bpl002": 1} and kept == 1


def test_clean_text_cuts_a_promo_sentence_glued_to_a_paragraph():
    # QA pass 27: the whole paragraph went with the call to action a scraper glued to it
    paragraph = "The plan adds evening hours at four branches."
    promo = "Join our Telegram channel for daily updates."
    text = f"Headline\n\n{paragraph} {promo}\nIt takes effect in March, officials said.\n"
    at = text.index(promo)
    inside = text.index("officials")
    findings = [_finding("SPM001", Category.SPAM, at, at + len(promo)),
                _finding("SPM002", Category.SPAM, inside, inside + len("officials"))]
    clean, dropped, kept, n_dropped = clean_text(text, findings)
    assert clean == f"Headline\n\n{paragraph}\nIt takes effect in March, officials said."
    assert n_dropped == 0 and kept == 3  # a phrase inside a sentence stays


def test_clean_level_info_also_drops_the_line_models_lines(tmp_path):
    feed = tmp_path / "feed.jsonl"
    text = (Path(__file__).resolve().parents[1] / "seeds").glob("003_*.txt")
    feed.write_text(json.dumps({"id": "seed-003", "text": next(text).read_text(encoding="utf-8")})
                    + "\n", encoding="utf-8")
    dropped = {}
    for level in ("warning", "info"):
        clean_dir = tmp_path / level
        assert audit(feed, "-o", tmp_path / f"{level}.jsonl", "--emit-clean", clean_dir,
                     "--clean-level", level) == 0
        dropped[level] = orjson.loads((clean_dir / "stats.json").read_bytes())["dropped_by_reason"]
    assert "BPL011 boilerplate-line" in dropped["info"]
    assert "BPL011 boilerplate-line" not in dropped["warning"]
    assert sum(dropped["info"].values()) > sum(dropped["warning"].values())


def test_a_resumed_clean_file_is_never_cleaned_at_two_levels(tmp_path, capsys):
    feed, out, clean_dir = corpus(tmp_path, 4), tmp_path / "out.jsonl", tmp_path / "clean"
    assert audit(feed, "-o", out, "--emit-clean", clean_dir, "--clean-level", "info") == 0
    before = (clean_dir / "clean.jsonl").read_bytes()
    assert audit(feed, "-o", out, "--emit-clean", clean_dir, "--resume") == 2
    assert ("clean.jsonl: its articles were cleaned at --clean-level info; resume with "
            "--clean-level info") in capsys.readouterr().err
    assert (clean_dir / "clean.jsonl").read_bytes() == before
    assert audit(feed, "-o", out, "--emit-clean", clean_dir, "--resume",
                 "--clean-level", "info") == 0
    assert orjson.loads((clean_dir / "stats.json").read_bytes())["clean_level"] == "info"


def test_clean_level_without_emit_clean_is_a_usage_error(tmp_path, capsys):
    assert audit(corpus(tmp_path, 2), "-o", tmp_path / "out.jsonl", "--clean-level", "info") == 2
    assert "--clean-level says which lines --emit-clean drops" in capsys.readouterr().err


def test_summary_groups_by_domain_and_merges():
    assert source_group("https://www.a.example/x", "x") == "a.example"
    assert source_group("/data/feed.jsonl:12", "x") == "/data/feed.jsonl"
    assert source_group("/data/site/page.html", "x") == "/data/site"
    assert source_group("./data/site/page.html", "x") == source_group("data/site/page.html", "x")
    assert source_group("./feed.jsonl:3", "x") == "feed.jsonl" and source_group("a.txt", "x") == "."
    assert source_group("-", "-") == "."

    def rec(i, spin, cat=None):
        findings = [{"rule": "SPN010", "category": cat, "severity": "warning",
                     "excerpt": "counterfeit consciousness", "suggestion": "AI"}] if cat else []
        return {"id": f"r{i}", "source": f"https://s{i % 2}.example/{i}",
                "scores": {"spin": spin}, "findings": findings, "error": None}

    whole, left, right = AuditSummary(), AuditSummary(), AuditSummary()
    for i in range(10):
        record = rec(i, i / 10, "spin" if i > 6 else None)
        whole.add(record)
        (left if i < 5 else right).add(record)
    merged = left.merge(right).to_dict()
    assert merged == whole.to_dict()
    assert merged["flagged"] == 3 and merged["flagged_share"]["spin"] == 0.3
    assert merged["worst"][0]["id"] == "r9"
    assert merged["phrases"][0] == {"rule": "SPN010", "phrase": "counterfeit consciousness",
                                    "suggestion": "AI", "count": 3}


def test_the_worst_articles_are_ranked_as_scans_rank_documents():
    """QA pass 15: by spin score first, flagged articles that all scored about 0.02 were ranked
    by noise, one with thirty warnings and a quality of 40 below one with two."""
    summary = AuditSummary()
    warning = {"rule": "BPL002", "category": "boilerplate", "severity": "warning"}
    for record_id, spin, quality, warnings in [("noise", 0.03, 100.0, 0), ("furniture", 0.02, 40.0, 30),
                                              ("spun", 0.9, 95.0, 1), ("some", 0.03, 90.0, 2)]:
        summary.add({"id": record_id, "source": "s", "scores": {"spin": spin, "quality": quality},
                     "findings": [warning] * warnings, "error": None})
    worst = summary.to_dict()["worst"]
    assert [a["id"] for a in worst] == ["spun", "furniture", "some"]  # flagged ones only
    assert worst[1] == {"id": "furniture", "title": "", "spin": 0.02, "quality_lost": 60.0,
                        "warnings": 30}


def test_html_report_is_self_contained(tmp_path):
    feed = corpus(tmp_path, 9)
    report = tmp_path / "report.html"
    assert audit(feed, "-o", tmp_path / "out.jsonl", "--report", report,
                 "--emit-clean", tmp_path / "clean") == 0
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<svg" in page and "</html>" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    for section in ("Articles flagged by category", "Spin scores", "Top offending sources",
                    "Worst articles", "Cleaned texts"):
        assert section in page
    assert "a.example" in page and "b.example" in page


def test_the_summary_tables_show_a_zero_share_as_a_dot():
    """As the README says: `·` for a share of 0 % in the terminal's tables and the report
    page, a count in figures."""
    from scanner.audit.html_report import render
    from scanner.audit.runner import AuditOptions, AuditOutcome
    from scanner.audit.terminal import category_table, sources_table

    summary = AuditSummary()
    warning = {"rule": "SPN010", "category": "spin", "severity": "warning"}
    for name, findings in (("spun", [warning]), ("clean", [])):
        summary.add({"id": name, "source": f"https://{name}.example/1", "scores": {"spin": 0.5},
                     "findings": findings, "error": None})
    console = Console(file=io.StringIO(), width=120)
    console.print(category_table(summary), sources_table(summary, 15))
    rows = {cells[0]: cells[1:] for cells in
            (line.replace("│", " ").split() for line in console.file.getvalue().splitlines())
            if cells}
    assert rows["spin"] == ["1", "50.0%"] and rows["spam"] == ["0", "·"]  # articles, share
    # docs, errors, flagged, SPN, spin
    assert rows["spun.example"] == ["1", "0", "100%", "100%", "0.50"]
    assert rows["clean.example"] == ["1", "0", "·", "·", "0.50"]
    page = render(AuditOutcome(summary=summary),
                  AuditOptions(paths=["x"], output="out.jsonl", files=["x"]))
    assert '<td class="">spam</td><td class="n">0</td><td class="n">·</td>' in page
    assert ('clean.example</span></td><td class="n">1</td><td class="n">0</td>'
            '<td class="n">·</td><td class="n">·</td>') in page


def test_sources_table_fits_80_columns_with_every_column_whole(tmp_path):
    from rich.console import Console

    from scanner.audit.summary import summarize
    from scanner.audit.terminal import sources_table

    feed, out = corpus(tmp_path), tmp_path / "out.jsonl"
    assert audit(feed, "-o", out) == 0
    console = Console(width=80, record=True, file=open(os.devnull, "w"))
    console.print(sources_table(summarize(iter_output(str(out), "jsonl")), 15))
    lines = console.export_text().splitlines()
    header = next(line for line in lines if "source" in line)
    assert max(map(len, lines)) <= 80 and header.split()[-1] == "spin"
    assert all(name in header.split() for name in ("docs", "errors", "flagged", "BPL"))


def test_the_sources_table_gives_shares_with_their_sign_and_whole_names_off_a_terminal(
        tmp_path, capsys):
    """QA pass 35: ``flagged 9`` read as a count, and a name was cut even in a file."""
    from scanner.audit.summary import summarize
    from scanner.audit.terminal import sources_table

    feed = tmp_path / ("a-directory-name-long-enough-to-overflow-an-80-column-table" * 2)
    feed.mkdir()
    (feed / "feed.jsonl").write_text(
        '{"id": "spun", "text": "The the council met on Tuesday."}\n'
        '{"id": "fine", "text": "The council met on Tuesday."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert audit(feed / "feed.jsonl", "-o", out) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "feed.jsonl" in line)
    assert row.split() == [str(feed / "feed.jsonl"), "2", "0", "50%", "50%", "–"]
    console = Console(width=80, record=True, file=io.StringIO())  # as on a terminal
    console.print(sources_table(summarize(iter_output(str(out), "jsonl")), 15))
    row = next(line for line in console.export_text().splitlines() if "feed.jsonl" in line)
    name = row.split()[0]  # its start and end kept
    assert len(row) <= 80 and name.startswith(str(tmp_path)[:12]) and "…" in name
    assert name.endswith("-table/feed.jsonl")


@pytest.mark.parametrize("limit, shown", [
    ("0.3", None), ("25%", None),  # 1 error in 4 records: 25 %, not above
    ("0.2", "20%"), ("24.9%", "24.9%"), ("0", "0%"),
])
def test_max_error_rate_fails_an_audit_with_more_errors_after_writing_every_output(
        tmp_path, capsys, limit, shown):
    """QA pass 35: a feed of broken records could not fail a pipeline's audit."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "The council met on Tuesday."}\n'
                    '{"id": "b", "text": ""}\n{"id": "c", "text": "The budget passed."}\n'
                    '{"id": "d", "text": "The mayor spoke."}\n', encoding="utf-8")
    out, report = tmp_path / "out.jsonl", tmp_path / "report.html"
    status = audit(feed, "-o", out, "--report", report, "--emit-clean", tmp_path / "clean",
                   "--max-error-rate", limit)
    assert list(records(out)) == ["a", "b", "c", "d"] and report.exists()
    assert len((tmp_path / "clean" / "clean.jsonl").read_text().splitlines()) == 3
    err = capsys.readouterr().err
    if shown is None:
        assert status == 0 and "max-error-rate" not in err
    else:
        assert status == 1 and err.splitlines()[-1] == (
            f"spinscan: 1 of the 4 records are errors (25.00%), above --max-error-rate {shown}")


@pytest.mark.parametrize("limit", ["2", "-0.1", "x", "nan", "1e999", "101%"])
def test_max_error_rate_refuses_what_is_no_share(tmp_path, capsys, limit):
    with pytest.raises(SystemExit) as exit_:
        audit(corpus(tmp_path, 1), "-o", tmp_path / "out.jsonl", "--max-error-rate", limit)
    assert exit_.value.code == 2 and "give one from 0 to 1 (0.01) or a percentage (1%)" in (
        capsys.readouterr().err)
    assert not (tmp_path / "out.jsonl").exists()


def test_the_progress_rate_is_read_over_time_not_across_a_burst_of_results():
    class Clock:  # records come in batches of 256, a microsecond apart, every quarter second
        now = 0.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    progress = AuditProgress(Console(file=io.StringIO()), clock=clock)
    readings = set()
    for _ in range(16):
        for _ in range(256):
            clock.now += 1e-6
            progress.add({"id": "x", "findings": [], "error": None})
            readings.add(progress._progress.tasks[0].fields["rate"])  # the rate column
        clock.now += 0.25 - 256e-6
    rates = {float(r.removesuffix("/s").replace(",", "")) for r in readings - {""}}
    assert rates and all(700 <= rate <= 1400 for rate in rates), rates  # 1,024 records/s


def test_crossdoc_analyses_records_whose_ids_repeat_and_finds_each_its_own(tmp_path, capsys):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    feed = tmp_path / "feed.jsonl"

    def write(ids):
        feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                                for i, t in zip(ids, texts, strict=True)), encoding="utf-8")

    def spn100(out):
        return [(r["id"], sum(f["rule"] == "SPN100" for f in r["findings"]))
                for r in map(orjson.loads, out.read_bytes().splitlines())]

    write(["s0", "s1", "s2", "s3", "s4"])  # the five seeds: one cluster, only 003 flagged
    assert audit(feed, "-o", tmp_path / "uniq.jsonl", "--crossdoc") == 0
    unique = [n for _, n in spn100(tmp_path / "uniq.jsonl")]
    assert [n > 0 for n in unique] == [False] * 3 + [True, False]
    capsys.readouterr()
    write(["s0", "dup", "s2", "dup", "s4"])  # the spun 003 shares its id with 001
    assert audit(feed, "-o", tmp_path / "dup.jsonl", "--crossdoc") == 0
    assert "warning" not in capsys.readouterr().err
    assert spn100(tmp_path / "dup.jsonl") == list(zip(["s0", "dup", "s2", "dup", "s4"], unique,
                                                      strict=True))
    (cluster,) = map(orjson.loads, (tmp_path / "dup.clusters.jsonl").read_bytes().splitlines())
    assert sorted(m["id"] for m in cluster["members"]) == ["dup", "dup", "s0", "s2", "s4"]
    # a resumed run keys each record as the first run did: its findings stay its own
    out = tmp_path / "dup.jsonl"
    out.write_bytes(b"".join(line + b"\n" for line in out.read_bytes().splitlines()[:2]))
    assert audit(feed, "-o", out, "--resume", "--crossdoc") == 0
    assert spn100(out) == list(zip(["s0", "dup", "s2", "dup", "s4"], unique, strict=True))


def test_the_progress_total_of_a_csv_counts_its_records_not_its_lines(tmp_path):
    table = tmp_path / "feed.csv"
    table.write_text('id,text\na,"First paragraph.\n\nSecond paragraph."\n\nb,"One\nmore"\n'
                     'c,plain\n', encoding="utf-8")
    tsv = tmp_path / "feed.tsv"
    tsv.write_text('id\ttext\nd\t"Two\nlines"\n', encoding="utf-8")
    assert count_records([str(table), str(tsv)], ReadOptions()) == 4


def test_the_summary_counts_one_of_a_kind_in_the_singular(tmp_path, capsys):
    feed = tmp_path / "one.jsonl"
    feed.write_text('{"id": "a", "text": 5}\n', encoding="utf-8")
    assert audit(feed, "-o", tmp_path / "out.jsonl") == 0
    headline = " ".join(capsys.readouterr().out.split())
    assert "Audited 1 article (1 read now)" in headline and "1 error (not scanned)" in headline


def test_the_clean_text_line_says_when_it_leaves_reasons_out():
    from scanner.audit.runner import AuditOptions, AuditOutcome
    from scanner.audit.terminal import CLEAN_REASONS_SHOWN, print_outcome

    outcome = AuditOutcome(summary=AuditSummary(), clean_files="clean/clean.jsonl",
                           clean_stats={"clean_level": "info", "articles": 3, "dropped_lines": 12,
                                        "dropped_by_reason": {
                               f"BPL{k:03d}": 1 for k in range(CLEAN_REASONS_SHOWN + 2)}})
    console = Console(file=io.StringIO(), width=200)
    print_outcome(console, outcome, AuditOptions(paths=["x"], output="out.jsonl", files=["x"]))
    text = " ".join(console.file.getvalue().split())
    assert "Clean texts: 3 articles, 12 lines dropped at info level (BPL000 1," in text
    assert ", 2 more reasons in stats.json)" in text


@pytest.mark.parametrize("by_file, said", [
    (False, "out is complete up to there. Rerun the same command with --resume to continue."),
    (True, "out holds the input files finished. Rerun the same command with --resume to scan the "
           "others, each from its first record."),  # the Dask engine's parts (QA pass 35)
])
def test_an_interruption_says_how_the_output_resumes(by_file, said):
    from scanner.audit.runner import AuditOptions, AuditOutcome
    from scanner.audit.terminal import print_outcome

    console = Console(file=io.StringIO(), width=200)
    print_outcome(console, AuditOutcome(written=12, interrupted=130, by_file=by_file),
                  AuditOptions(paths=["x"], output="out", files=["x"]))
    assert " ".join(console.file.getvalue().split()) == f"Interrupted after 12 records this run; {said}"


@pytest.mark.parametrize("width, shown", [
    (80, "bpl 102 rdb 12 spm 3 spn 44 typ 198 err 3"),
    (18, "bpl 102 rdb 12…"),  # whole counts only, and an ellipsis for the rest
    (3, "…"),
])
def test_the_progress_lines_category_counts_are_cut_to_leave_the_rate_and_eta(width, shown):
    from scanner.audit.progress import fit

    assert fit("bpl 102 rdb 12 spm 3 spn 44 typ 198 err 3", width) == shown


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_an_output_that_is_no_regular_file_is_a_stream_not_read_back(tmp_path, capsys):
    feed = corpus(tmp_path, 4)
    assert audit(feed, "-o", "/dev/null") == 0  # it used to read /dev/null back: 0 articles
    captured = capsys.readouterr()
    assert "Audited 4 articles (4 read now)" in " ".join(captured.err.split())
    assert audit(feed, "-o", "/dev/null", "--resume") == 2
    assert ("-o /dev/null is no regular file, a stream; --resume needs an output file"
            in capsys.readouterr().err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_audit_into_a_named_pipe_ends(tmp_path, capsys):
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got = []
    reader = threading.Thread(target=lambda: got.extend(pipe.read_bytes().splitlines()))
    reader.start()
    assert audit(corpus(tmp_path, 3), "-o", pipe) == 0  # it used to hang reading the pipe back
    reader.join(timeout=30)
    assert len(got) == 3


def test_an_output_named_dev_stdout_into_a_redirected_file_keeps_every_record(tmp_path):
    import subprocess

    if not Path("/dev/stdout").exists():
        pytest.skip("needs /dev/stdout")
    feed = corpus(tmp_path, 12)
    with open(tmp_path / "records.jsonl", "wb") as out:  # as `-o /dev/stdout > records.jsonl`
        done = subprocess.run([sys.executable, "-m", "scanner", "audit", str(feed), "-o",
                               "/dev/stdout", "--no-progress"], stdout=out, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0 and "Audited 12 articles" in " ".join(done.stderr.decode().split())
    assert len(records(tmp_path / "records.jsonl")) == 12  # the summary once overwrote them


def test_an_html_field_that_holds_no_page_is_an_error_record_not_a_clean_article(tmp_path):
    """QA pass 32: a PDF fragment in the html field was scanned as an article (quality 99) and
    written to the clean output."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(row) + "\n" for row in [
        {"id": "pdf", "html": "%PDF-1.4 1 0 obj << /Type /Catalog >> endobj %%EOF"},
        {"id": "plain", "html": "The council met on Tuesday.\n\nIt passed the budget."},
        {"id": "page", "html": "<p>The council met on Tuesday.</p><p>It passed the budget.</p>"},
    ]))
    out, clean = tmp_path / "out.jsonl", tmp_path / "clean"
    assert audit(feed, "-o", out, "--emit-clean", clean) == 0
    assert [(r["id"], r["error"]) for r in map(orjson.loads, out.read_bytes().splitlines())] == [
        ("pdf", f"{feed}:1: 'html' holds a PDF document, not HTML"),
        ("plain", f"{feed}:2: 'html' holds no HTML markup (no tag, comment or character "
                  "reference: plain text?)"),
        ("page", None)]
    assert [orjson.loads(line)["id"]
            for line in (clean / "clean.jsonl").read_bytes().splitlines()] == ["page"]


def test_the_summary_headline_is_one_line_in_a_log(tmp_path, capsys, monkeypatch):
    """QA pass 32: redirected to a file, the summary was broken at 80 columns and `grep Audited`
    found half its headline; off a terminal its lines are whole."""
    monkeypatch.setenv("COLUMNS", "80")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": 5}\n{"id": "b", "text": "A short text."}\n')
    assert audit(feed, "-o", tmp_path / "out.jsonl") == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "Audited" in line] == [
        "Audited 2 articles (2 read now) — 0 flagged (· of the 1 scanned), 1 error (not "
        "scanned), mean spin –"]
