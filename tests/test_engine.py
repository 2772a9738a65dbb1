"""The engine: batches scanned rule by rule give the results of one-by-one scanning, and a
crashing rule costs only the record it crashed on."""
from __future__ import annotations

import os
import pickle
import warnings
from pathlib import Path

import pytest

from scanner import IgnoreCommentWarning, engine, scan_documents, scan_text
from scanner.config import Config
from scanner.engine import Scanner, record_batches
from scanner.finding import Category
from scanner.io.records import InputRecord, Origin
from scanner.rule import Rule, flag, ok

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def records() -> list[InputRecord]:
    out = [InputRecord(id=p.name, source=str(p), text=p.read_text(encoding="utf-8"))
           for p in SEEDS]
    out.insert(2, InputRecord(id="bad", error="bad: not readable"))
    return out


def test_a_large_text_reads_fresh_word_lists_with_the_same_results(monkeypatch):
    from scanner import document, text_pieces

    scanner = Scanner()
    kept = [r.to_record() for r in scanner.scan_batch(records())]
    monkeypatch.setattr(document, "LARGE_TEXT", 100)  # every seed is large now, read in pieces
    monkeypatch.setattr(text_pieces, "PIECE_CHARS", 50)
    doc = document.Document(SEEDS[2].read_text(encoding="utf-8"))
    tokens = doc.lower_tokens
    assert tokens == doc.text.lower().split() and doc.lower_tokens is not tokens  # built anew
    assert not any(value == tokens for value in vars(doc).values() if isinstance(value, list))
    fresh = [r.to_record() for r in scanner.scan_batch(records())]
    small = document.Document("A short text keeps its words.")
    assert small.lower_tokens is small.lower_tokens  # kept once built
    assert any(value is small.lower_tokens for value in vars(small).values())
    assert fresh == kept and any(f["rule"] == "REP010" for r in fresh for f in r["findings"])


def test_a_batch_gives_the_results_of_one_by_one_scanning():
    scanner = Scanner()
    one_by_one = [scanner.scan_record(r).to_record() for r in records()]
    together = [r.to_record() for r in scanner.scan_batch(records())]
    assert together == one_by_one
    assert [r["id"] for r in together] == [r.id for r in records()]
    assert together[2]["error"] == "bad: not readable"


def test_a_configured_severity_is_every_finding_of_the_rule():
    """`[severity] SPN001 = "error"` makes SPN001's infos errors too, not only its warnings
    (QA pass 12 D3: seed 003 kept 20 SPN001 infos); the rule's own grading holds otherwise."""
    spun = [r for r in records() if r.id.startswith("003")]

    def levels(severity):
        values = {"select": ["SPN001", "REP"], "severity": severity}
        [result] = Scanner(Config().merged(values, "test")).scan_batch(spun)
        return [(f.rule, f.severity.value) for f in result.findings
                if f.rule in ("SPN001", "REP002")]

    graded = levels({})
    assert {s for r, s in graded if r == "SPN001"} == {"info", "warning"}
    for level in ("error", "warning", "info"):
        moved = levels({"SPN001": level})
        assert moved == [(r, level if r == "SPN001" else s) for r, s in graded]


def test_per_path_ignores_apply_inside_a_batch():
    config = Config().merged({"per_path_ignores": {"*003*": ["spin"]}}, "test")
    results = {r.id: r for r in Scanner(config).scan_batch(records())}
    spun = next(i for i in results if i.startswith("003"))
    assert not any(f.category is Category.SPIN for f in results[spun].findings)
    assert results[spun].scores["spin"] is None
    other = next(i for i in results if i.startswith("000"))
    assert results[other].scores["spin"] is not None


class CrashesOnZebra(Rule):
    id = "TST001"
    name = "crashes-on-zebra"
    category = Category.TYPOGRAPHY
    summary = "Test rule."
    docs = "A rule that raises on documents mentioning zebras, for engine tests only."
    examples = [flag("zebra"), ok("horse")]

    def check(self, doc):
        if "zebra" in doc.text:
            raise RuntimeError("boom")
        return ()


def test_a_crashing_rule_costs_only_its_record():
    scanner = Scanner()
    scanner.rules = [*scanner.rules, CrashesOnZebra()]
    batch = [InputRecord(id="a", text="A horse ran.\n"), InputRecord(id="z", text="A zebra ran.\n"),
             InputRecord(id="b", text="A dog ran.\n")]
    a, z, b = scanner.scan_batch(batch)
    assert z.error == "z: internal error in rule TST001: RuntimeError: boom" and not z.findings
    assert a.error is None and b.error is None and a.scores["quality"] is not None
    (read,) = scanner.scan_batch([InputRecord(id="z", text="A zebra ran.\n",
                                              origin=Origin("feed.jsonl", line=7))])
    assert read.error == "feed.jsonl:7: internal error in rule TST001: RuntimeError: boom"  # where it was read


class PreparesBatches(CrashesOnZebra):
    id = "TST002"
    name = "prepares-batches"

    def __init__(self, fail: bool) -> None:
        super().__init__()
        self.fail, self.prepared = fail, []

    def prepare(self, docs):
        self.prepared.append([doc.id for doc in docs])
        if self.fail:
            raise RuntimeError("batch work failed")


def test_prepare_sees_the_batch_and_its_failure_costs_nothing():
    batch = [InputRecord(id="a", text="A horse ran.\n"), InputRecord(id="bad", error="bad: x"),
             InputRecord(id="z", text="A zebra ran.\n")]
    for fail in (False, True):
        scanner = Scanner()
        rule = PreparesBatches(fail)
        scanner.rules = [*scanner.rules, rule]
        a, bad, z = scanner.scan_batch(batch)
        assert rule.prepared == [["a", "z"]]  # the unreadable record is not prepared
        assert a.error is None and a.scores["quality"] is not None
        assert z.error == "z: internal error in rule TST002: RuntimeError: boom"


def test_batches_keep_every_record_in_order_and_bound_their_text(monkeypatch):
    monkeypatch.setattr(engine, "_BATCH_CHARS", 10)
    short = [InputRecord(id=str(k), text="ab") for k in range(7)]
    assert [[r.id for r in b] for b in record_batches(short, 3)] == [["0", "1", "2"],
                                                                      ["3", "4", "5"], ["6"]]
    long = [InputRecord(id="a", text="x" * 12), InputRecord(id="b", html="<p>" + "y" * 6),
            InputRecord(id="c", text="z"), InputRecord(id="d", error="unreadable")]
    assert [[r.id for r in b] for b in record_batches(long)] == [["a"], ["b", "c"], ["d"]]
    assert list(record_batches([])) == []


class SeesExamples(Rule):
    id = "TST002"
    name = "sees-examples"
    category = Category.TYPOGRAPHY
    summary = "Test rule."
    docs = "Records the texts it checks, for engine tests only."
    examples = [flag("A zebra ran.", title="Zebra"), ok("A horse ran.")]

    def __init__(self, **options):
        super().__init__(**options)
        self.seen = []

    def check(self, doc):
        self.seen.append((doc.title, doc.text))
        return ()


def test_warm_up_runs_each_rule_on_its_examples_and_loads_langdetect():
    from scanner import language

    language._factory.cache_clear()  # langdetect: only for a foreign document or line
    language.language_probabilities.cache_clear()  # (whose answers are memoised)
    scanner = Scanner()
    rule = SeesExamples()
    scanner.rules = [*scanner.rules, rule, CrashesOnZebra()]
    scanner.warm_up()  # a rule crashing on its own example does not stop it
    assert ("Zebra", "A zebra ran.") in rule.seen and (None, "A horse ran.") in rule.seen
    assert language._factory.cache_info().currsize == 1  # LNG001's foreign examples


def test_long_run_tunes_the_collector_in_this_process_only():
    import gc

    scanner, before = Scanner(), gc.get_threshold()
    with scanner.long_run(jobs=2):  # the workers tune themselves
        assert gc.get_threshold() == before
    with scanner.long_run():
        assert gc.get_threshold()[0] == engine._YOUNG_OBJECTS and gc.get_freeze_count() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_with_several_jobs_this_process_loads_the_models_the_workers_fork_with():
    """QA pass 35: each worker loaded its own models (--jobs 2: 615 MB PSS over 600); loaded
    before the fork, their pages are shared (427 MB). A fresh interpreter: the tests before
    this one loaded the models in this one."""
    import subprocess
    import sys

    probe = ("from scanner.engine import Scanner\n"
             "from scanner.spin.tables import tables\n"
             "with Scanner().long_run(jobs=2):\n"
             "    print(tables.cache_info().currsize)\n")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])
    assert loaded.stdout.strip() == "1"


@pytest.mark.skipif(engine._FORK is None, reason="workers are forked on Linux only")
def test_a_worker_forked_from_a_warmed_up_scanner_does_not_warm_up_again(tmp_path, monkeypatch):
    """Each forked worker built a scanner of its own and warmed it up again (0.1 s of CPU a
    worker, on models the parent had loaded); it scans with the parent's, warmed up."""
    log = tmp_path / "warm-ups"

    def logged_scan_record(self, record, keep_text=True):  # what warm_up scans first
        with log.open("a") as out:
            out.write(f"{os.getpid()}\n")

    scanner = Scanner()
    texts = [InputRecord(id=f"doc-{i}", text=f"Line {i} of a short text.") for i in range(8)]
    with scanner.long_run(jobs=2):
        monkeypatch.setattr(Scanner, "scan_record", logged_scan_record)  # the workers inherit it
        assert [r.id for r in scanner.scan_records(texts, jobs=2)] == [t.id for t in texts]
    assert not log.exists()


def test_warm_up_runs_once(monkeypatch):
    scanner = Scanner()
    scanner.warm_up()
    monkeypatch.setattr(scanner, "scan_record", lambda *args: pytest.fail("warmed up again"))
    scanner.warm_up()


def test_a_spawned_worker_builds_its_scanner_anew_from_the_config(monkeypatch):
    """Workers start as macOS and Windows start them: a pickled scanner is its config."""
    import multiprocessing

    scanner = Scanner(Config(select=["REP002"]))
    scanner.warm_up()
    copy = pickle.loads(pickle.dumps(scanner))
    assert copy.config is not scanner.config and repr(copy.config) == repr(scanner.config)
    assert not copy.warm and [rule.id for rule in copy.rules] == ["REP002"]
    monkeypatch.setattr(engine, "_FORK", multiprocessing.get_context("spawn"))
    texts = [InputRecord(id=f"doc-{i}", text=f"Line {i} of of a text.") for i in range(4)]
    found = [[f.rule for f in r.findings] for r in scanner.scan_records(texts, jobs=2)]
    assert found == [["REP002"]] * 4


def test_an_html_page_without_visible_text_is_an_error_record_even_with_a_title():
    script_only = ('<html><head><script>var app = 1;</script></head><body><div id="app"></div>'
                   "<script>render(app)</script></body></html>")
    titled = script_only.replace("<head>", "<head><title>Budget approved</title>")
    too_deep = script_only.replace('<div id="app"></div>', "<div>" * 3000 + "</div>" * 3000)
    empty, headline_only, deep = scan_documents([{"id": "spa", "html": script_only},
                                                 {"id": "titled", "html": titled},
                                                 {"id": "deep", "html": too_deep}])
    assert "spa: the HTML page has no visible text" in empty["error"]
    assert "titled: the HTML page has no visible text" in headline_only["error"]
    assert headline_only["title"] == "Budget approved"
    assert "deep: the HTML page has no visible text" in deep["error"]


@pytest.mark.parametrize("depth", [400, 3000])
def test_a_page_nested_deeper_than_libxml2s_limits_is_read(depth):
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth
            + "<p>The council approved the budget on Monday.</p><!-- note --><script>x()</script>"
            + "<p>Libraries &amp; parks gain.</p>" + "</div>" * depth + "</body></html>")
    doc = engine.make_document(InputRecord(id="deep", html=page))
    assert doc.text.splitlines() == ["The council approved the budget on Monday.",
                                     "Libraries & parks gain."]
    assert doc.title == "Deep"


@pytest.mark.parametrize("depth", [300, 3000])
def test_text_around_a_too_deep_part_is_kept(depth):
    page = ("<html><body><p>The council met on Monday.</p>" + "<div>" * depth
            + "<p>It approved the budget.</p><div hidden>Menu</div>" + "</div>" * depth
            + "<p>It takes effect in May.</p></body></html>")
    doc = engine.make_document(InputRecord(id="deep", html=page))
    assert doc.text.splitlines() == ["The council met on Monday.", "It approved the budget.",
                                     "It takes effect in May."]


def test_thousands_of_unclosed_inline_tags_keep_the_page_text():
    page = ("<html><body>" + "<font size=2>" * 5000 + "<p>The council approved the budget.</p>"
            "<style>p {}</style><p>It takes effect in May.</p></body></html>")
    doc = engine.make_document(InputRecord(id="fonts", html=page))
    assert doc.text.splitlines() == ["The council approved the budget.", "It takes effect in May."]


def test_the_api_gives_an_error_record_for_a_document_it_cannot_read_and_goes_on():
    text = "The council approved the budget on Monday after a long debate about its libraries. " * 4
    records = list(scan_documents([
        {"id": "tagged", "text": text, "tags": {"a", "b"}},  # extra fields need not be JSON
        "not a mapping",
        {"id": "surrogate", "text": "lone \ud800 surrogate"},
        {"id": "huge", "text": "x " * 1000},
        {"id": "last", "text": text},
    ], max_doc_bytes=1000))
    assert [r["id"] for r in records] == ["tagged", "document 2", "surrogate", "huge", "last"]
    assert [r["error"] is None for r in records] == [True, False, False, False, True]
    assert "lone surrogate" in records[2]["error"] and "2000 bytes" in records[3]["error"]
    # a Python value told in Python terms (QA pass 27 N10: "a record must be a JSON object")
    assert records[1]["error"] == "document 2: a document must be a dict or another mapping, not str"


def test_the_api_names_a_document_it_cannot_read_by_its_id():
    records = list(scan_documents([{"id": "a-42", "text": 5}, {"title": ["not", "text"]},
                                   {"id": 7, "html": None, "title": " "}]))
    assert [r["error"] for r in records] == [
        "a-42: 'text' must be a string",
        "document 2: 'title' must be a string",  # no id: its position
        "7: empty document ('title' is whitespace only)"]
    unnamed = scan_text(5)  # scan_text's default id, as stdin's
    assert (unnamed["id"], unnamed["error"]) == ("-", "-: 'text' must be a string")


COMMENTED = ("The council approved the budget on Monday.\n<!-- spinscan: ignore[spam, NOPE] -->\n"
             "It takes effect in May.\n<!-- spinscan: ignore[spam] -->\nThe end.\n")


def test_the_api_warns_of_ignore_comments_that_ignore_nothing_at_its_caller():
    with pytest.warns(IgnoreCommentWarning) as caught:
        record = scan_text(COMMENTED, id="a1")
    assert [str(w.message) for w in caught] == [
        "a1: line 2: ignore comment selector 'NOPE' matches no rule"]
    assert caught[0].filename == __file__ and record["error"] is None
    documents = scan_documents([{"id": "fine", "text": "The council met."},
                                {"id": "b2", "html": f"<p>{COMMENTED}</p>"}])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert next(documents)["id"] == "fine" and caught == []  # as its own record is returned
        assert next(documents)["id"] == "b2"
    assert [(w.category, str(w.message), w.filename) for w in caught] == [
        (IgnoreCommentWarning, "b2: line 2: ignore comment selector 'NOPE' matches no rule",
         __file__)]


def test_results_from_worker_processes_carry_their_origins_and_ignore_comment_problems():
    records = [InputRecord(id="a", text=COMMENTED, origin=Origin("feed.jsonl", line=1)),
               InputRecord(id="b", html=f"<p>{COMMENTED}</p>", origin=Origin("c.warc", entry=2)),
               InputRecord(id="c", text="The council met."),
               InputRecord(id="d", error="d: unreadable", origin=Origin("d.txt"))]
    results = list(Scanner().scan_records(records, jobs=2, keep_text=False))
    problem = "line 2: ignore comment selector 'NOPE' matches no rule"
    assert [r.ignore_comment_problems for r in results] == [[problem], [problem], [], []]
    assert [r.origin for r in results] == [Origin("feed.jsonl", line=1),
                                           Origin("c.warc", entry=2), None, Origin("d.txt")]
    assert not {"ignore_comment_problems", "origin"} & set(results[0].to_record())


def test_no_ignore_comment_regex_runs_on_a_record_without_spinscan(monkeypatch):
    from scanner import suppress

    class Unusable:
        def __getattr__(self, name):
            raise AssertionError("a regex ran")

    monkeypatch.setattr(suppress, "_INLINE_RE", Unusable())
    monkeypatch.setattr(suppress, "_OPENER_RE", Unusable())
    plain = "The council approved the budget on Monday.\n<!-- ignore[spam] -->\nThe end.\n"
    results = Scanner().scan_batch([InputRecord(id="t", text=plain),
                                    InputRecord(id="h", html=f"<p>{plain}</p>")])
    assert [r.error for r in results] == [None, None]
    assert Scanner().scan_record(InputRecord(id="s", text=COMMENTED)).error  # (they are patched)


def test_the_api_does_not_warn_of_well_formed_ignore_comments():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scan_text(COMMENTED.replace(", NOPE", ", SPN001"))


@pytest.mark.parametrize("documents", [{"id": "a", "text": "Body."}, "Body.", b"Body.", None])
def test_the_api_refuses_one_document_for_many_when_called(documents):
    with pytest.raises(TypeError, match="an iterable of documents|not iterable"):
        scan_documents(documents)  # at the call: a generator would fail only when read


def test_the_api_refuses_a_bad_setting_when_called():
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        scan_documents([], colour=True)


@pytest.mark.parametrize("call, name", [
    (lambda **kwargs: scan_text("The council met.", **kwargs), "scan_text()"),
    (lambda **kwargs: scan_documents([], **kwargs), "scan_documents()"),
])
@pytest.mark.parametrize("kwargs, error, problem", [
    ({"colour": True}, ValueError, "unknown setting 'colour'"),
    ({"select": ["NOPE"]}, ValueError, "select: selector 'NOPE' matches no rule"),
    ({"fail_on": 3}, ValueError, "fail-on must be"),
    ({"config": {"select": ["TYP"]}}, TypeError, "config must be"),
])
def test_the_api_errors_name_the_function_called(call, name, kwargs, error, problem):
    """QA pass 27 N10: a bad argument to scan_text was told as one to scan_documents()."""
    with pytest.raises(error) as raised:
        call(**kwargs)
    assert str(raised.value).startswith(f"{name}: {problem}")


@pytest.mark.parametrize("jobs", [0, -3, True, "2", None, 1.5])
def test_the_api_refuses_a_bad_jobs_when_called(jobs):
    with pytest.raises(ValueError, match=r"^scan_documents\(\): jobs must be a positive integer"):
        scan_documents(iter([{"id": "a", "text": "The council met."}]), jobs=jobs)


def test_the_api_takes_a_positive_jobs():
    (record,) = scan_documents([{"id": "a", "text": "The council met on Tuesday."}], jobs=2)
    assert record["error"] is None


def test_the_api_refuses_a_selection_that_leaves_no_rule():
    with pytest.raises(ValueError, match="no rule to run"):
        scan_documents([], select=["SPN100"])


def test_the_api_reads_a_config_file_and_refuses_other_configs(tmp_path):
    settings = tmp_path / "cms.toml"
    settings.write_text('select = ["TYP"]\n', encoding="utf-8")
    record = scan_text("He came onJan 31 to Tokyo and left.", config=str(settings))
    assert record["findings"] and {f["rule"][:3] for f in record["findings"]} == {"TYP"}
    with pytest.raises(TypeError, match="config must be"):
        scan_text("Body.", config={"select": ["TYP"]})


def test_the_api_reads_a_config_file_once_until_it_changes(tmp_path, monkeypatch):
    import scanner.config

    settings = tmp_path / "cms.toml"
    settings.write_text('select = ["TYP"]\n', encoding="utf-8")
    reads = []
    read = scanner.config.read_config_file
    monkeypatch.setattr(scanner.config, "read_config_file",
                        lambda path, *a: reads.append(path) or read(path, *a))
    text = "He came onJan 31 to Tokyo and left. It was freedom and freedom."
    first, second = (scan_text(text, config=str(settings)) for _ in range(2))
    assert first == second and len(reads) == 1
    settings.write_text('select = ["REP"]\n', encoding="utf-8")
    stamp = settings.stat().st_mtime_ns + 1_000_000_000
    os.utime(settings, ns=(stamp, stamp))  # a new version, even on a coarse clock
    changed = scan_text(text, config=str(settings))
    assert len(reads) == 2 and {f["rule"][:3] for f in changed["findings"]} == {"REP"}


def test_an_ignore_comment_of_an_html_page_applies_to_the_whole_page():
    page = ("<html><body><!-- spinscan: ignore[spam] --><p>The council approved the budget on "
            "Monday.</p>\n<p>It takes effect in May.</p>\n<p>WhatsApp Channel Join Now</p>"
            "</body></html>")
    plain = scan_text(page.replace("<!-- spinscan: ignore[spam] -->", ""), html=True,
                      select=["spam"])
    assert plain["findings"] and scan_text(page, html=True, select=["spam"])["findings"] == []
