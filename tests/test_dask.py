"""The Dask engine gives byte-identical per-record results to a local run (LocalCluster)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import orjson
import pytest
from rich.console import Console

pytest.importorskip("distributed")

from scanner.audit.output import iter_output
from scanner.audit.runner import AuditOptions, run_local
from scanner.audit.summary import summarize
from scanner.config import Config
from scanner.dask_engine import _records_in_finished, part_name, partition_files, run_dask
from scanner.finding import Severity
from scanner.invocation import UsageError
from scanner.io.sources import expand_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SITE_MENU = "Home\nWorld news\nContact us\n"


def inputs(tmp_path: Path) -> Path:
    """Three partitions: two JSONL.gz files (with a bad record) and a directory of texts."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    for part in range(2):
        with gzip.open(folder / f"feed-{part}.jsonl.gz", "wt", encoding="utf-8") as out:
            for i in range(6):
                text = SITE_MENU + texts[(part + i) % len(texts)]  # each site's template
                out.write(json.dumps({"id": f"p{part}-{i}", "url": f"https://s{i % 2}.example/{i}",
                                      "text": text}) + "\n")
            out.write(json.dumps({"id": f"broken-{part}", "text": 7}) + "\n")
    for k, text in enumerate(texts[:2]):
        (folder / "pages" / f"page{k}.txt").write_text(text, encoding="utf-8")
    return folder


def lines_by_id(paths) -> dict[str, bytes]:
    found = {}
    for path in paths:
        for line in Path(path).read_bytes().splitlines():
            record_id = orjson.loads(line)["id"]
            assert record_id not in found
            found[record_id] = line
    return found


def test_dask_and_local_give_identical_records(tmp_path):
    folder = inputs(tmp_path)
    quiet = Console(quiet=True)
    local = AuditOptions(paths=[str(folder)], output=str(tmp_path / "local.jsonl"),
                         crossdoc=True, site_templates=True,
                         emit_clean=str(tmp_path / "clean-local"), clean_level=Severity.INFO,
                         progress=False)
    local_outcome = run_local(local, Config(), quiet)
    distributed = AuditOptions(paths=[str(folder)], output=str(tmp_path / "dask"), crossdoc=True,
                               site_templates=True, emit_clean=str(tmp_path / "clean-dask"),
                               clean_level=Severity.INFO, progress=False)
    outcome = run_dask(distributed, Config(jobs=2), quiet, processes=False)
    parts = sorted((tmp_path / "dask").glob("part-*.jsonl"))
    assert len(parts) == 4 == len(partition_files(expand_paths([str(folder)])))
    assert lines_by_id(parts) == lines_by_id([tmp_path / "local.jsonl"])
    assert b'"BPL012"' in (tmp_path / "local.jsonl").read_bytes()  # the template pass ran
    assert outcome.summary.to_dict() == local_outcome.summary.to_dict()
    assert local_outcome.summary.to_dict() == summarize(
        iter_output(str(tmp_path / "local.jsonl"), "jsonl")).to_dict()  # as patched
    assert outcome.clean_stats == local_outcome.clean_stats
    assert "BPL011 boilerplate-line" in outcome.clean_stats["dropped_by_reason"]  # an info's line
    assert local_outcome.clean_files == str(tmp_path / "clean-local" / "clean.jsonl")
    assert outcome.clean_files == str(tmp_path / "clean-dask" / "clean-part-*.jsonl")
    assert len(list((tmp_path / "clean-dask").glob("clean-part-*.jsonl"))) == len(parts)
    assert outcome.crossdoc.flagged_copies == local_outcome.crossdoc.flagged_copies
    assert (tmp_path / "dask" / "clusters.jsonl").read_bytes() == (
        tmp_path / "local.clusters.jsonl").read_bytes()


def test_dask_and_local_tally_the_same_ignore_comments_that_ignore_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    for part in range(3):  # partitions finish in any order; the first problems quoted do not
        (folder / f"feed-{part}.jsonl").write_text("".join(
            json.dumps({"id": f"p{part}-{i}", "text": f"<!-- spinscan: ignore[NOPE{i}] -->\n{text}"})
            + "\n" for i in range(2)), encoding="utf-8")
    quiet = Console(quiet=True)
    local = run_local(AuditOptions(paths=[str(folder)], output=str(tmp_path / "local.jsonl"),
                                   progress=False), Config(), quiet)
    distributed = run_dask(AuditOptions(paths=[str(folder)], output=str(tmp_path / "dask"),
                                        progress=False), Config(jobs=2), quiet, processes=False)
    assert distributed.ignore_comments == local.ignore_comments
    assert (local.ignore_comments.problems, local.ignore_comments.records) == (6, 6)
    assert local.ignore_comments.first == [
        f"p{part}-{i}: line 1: ignore comment selector 'NOPE{i}' matches no rule"
        for part in range(3) for i in range(2)][:5]


def test_dask_resume_skips_finished_partitions(tmp_path):
    folder = inputs(tmp_path)
    quiet = Console(quiet=True)
    options = AuditOptions(paths=[str(folder)], output=str(tmp_path / "out"), progress=False)
    run_dask(options, Config(jobs=2), quiet, processes=False)
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    before = {p.name: p.stat().st_mtime_ns for p in parts}
    lost = tmp_path / "out" / part_name(str(folder / "feed-1.jsonl.gz"), "jsonl")
    lost.unlink()  # as if the run had died before this partition (7 records) finished
    options.resume = True
    outcome = run_dask(options, Config(jobs=2), quiet, processes=False)
    # the resumed parts' records are counted, not the parts
    assert outcome.skipped == 9 and outcome.written == 7
    after = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert [p.name for p in after] == sorted(before)
    assert all(p.stat().st_mtime_ns == before[p.name] for p in after if p != lost)
    assert outcome.summary.total.articles == 16


def test_an_interrupted_dask_run_counts_the_parts_its_running_tasks_finished(tmp_path):
    # a cancel does not stop a running task: a part it finished before the cluster closed is
    # on disk (a resumed run takes it as done), so its records count as this run's
    folder = inputs(tmp_path)
    options = AuditOptions(paths=[str(folder)], output=str(tmp_path / "out"), progress=False)
    run_dask(options, Config(jobs=2), Console(quiet=True), processes=False)
    parts = sorted(str(p) for p in (tmp_path / "out").glob("part-*.jsonl"))
    records = [len(Path(p).read_bytes().splitlines()) for p in parts]
    Path(parts[0]).unlink()  # a task cancelled before it started
    out = str(tmp_path / "out")
    assert _records_in_finished(out, parts, "jsonl") == sum(records[1:]) > 0
    assert _records_in_finished(out, parts[:1], "jsonl") == 0
    assert _records_in_finished(out, [], "jsonl") == 0


def test_a_dask_resume_never_cleans_at_two_levels(tmp_path):
    folder = inputs(tmp_path)
    quiet = Console(quiet=True)
    options = AuditOptions(paths=[str(folder)], output=str(tmp_path / "out"), progress=False,
                           emit_clean=str(tmp_path / "clean"), clean_level=Severity.INFO)
    run_dask(options, Config(jobs=2), quiet, processes=False)
    next((tmp_path / "out").glob("part-*.jsonl")).unlink()  # one part left to do
    options.resume, options.clean_level = True, Severity.WARNING
    with pytest.raises(UsageError, match="cleaned at --clean-level info; resume with"):
        run_dask(options, Config(jobs=2), quiet, processes=False)


@pytest.mark.parametrize("resume", [True, False])
def test_a_dask_run_removes_the_half_written_parts_of_killed_workers(tmp_path, resume):
    folder = inputs(tmp_path)
    quiet = Console(quiet=True)
    options = AuditOptions(paths=[str(folder)], output=str(tmp_path / "out"),
                           emit_clean=str(tmp_path / "clean"), progress=False)
    run_dask(options, Config(jobs=2), quiet, processes=False)
    lost = tmp_path / "out" / part_name(str(folder / "feed-1.jsonl.gz"), "jsonl")
    lost.unlink()  # a worker was killed while writing it: its staged copy stays
    stale = [tmp_path / "out" / f"{lost.name}.tmp-4242-1",
             tmp_path / "clean" / f"clean-{lost.name}.tmp-4242-1"]
    for path in stale:
        path.write_text('{"id": "half"}\n', encoding="utf-8")
    options.resume = resume
    run_dask(options, Config(jobs=2), quiet, processes=False)
    assert not any(path.exists() for path in stale)
    assert lost.exists() and "half" not in lines_by_id(sorted((tmp_path / "out").glob("*")))


def test_dask_resume_finds_a_finished_part_whatever_the_inputs_before_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    for name in "abc":
        (folder / f"{name}.jsonl").write_text("".join(
            json.dumps({"id": f"{name}{i}", "text": text}) + "\n" for i in range(3)),
            encoding="utf-8")
    quiet = Console(quiet=True)
    first = [str(folder / "a.jsonl"), str(folder / "c.jsonl")]
    run_dask(AuditOptions(paths=first, output=str(tmp_path / "out"), progress=False),
             Config(jobs=2), quiet, processes=False)
    late = AuditOptions(paths=[first[0], str(folder / "b.jsonl"), first[1]], resume=True,
                        output=str(tmp_path / "out"), progress=False)  # b came late
    outcome = run_dask(late, Config(jobs=2), quiet, processes=False)
    assert (outcome.written, outcome.skipped, outcome.summary.total.articles) == (3, 6, 9)
    ids = sorted(lines_by_id((tmp_path / "out").glob("part-*.jsonl")))  # no id twice
    assert ids == [f"{name}{i}" for name in "abc" for i in range(3)]
    with pytest.raises(ValueError, match="the inputs name this file twice"):
        run_dask(AuditOptions(paths=[first[0], f"{folder}/./a.jsonl"],
                              output=str(tmp_path / "out"), progress=False), Config(), quiet)


@pytest.mark.parametrize("inputs", [["a.jsonl", "a.jsonl"], ["a.jsonl", "./a.jsonl"]])
def test_two_inputs_naming_one_file_are_refused_however_written(inputs):
    from scanner.invocation import check_distinct

    with pytest.raises(ValueError, match="the inputs name this file twice"):
        check_distinct(inputs)
    check_distinct(inputs[:1] + ["b.jsonl"])


def test_dask_resume_finds_the_parts_of_inputs_named_otherwise(tmp_path, monkeypatch):
    folder = inputs(tmp_path)
    quiet = Console(quiet=True)
    monkeypatch.chdir(tmp_path)  # named by its absolute path, then as ./in
    run_dask(AuditOptions(paths=[str(folder)], output=str(tmp_path / "out"), progress=False),
             Config(jobs=2), quiet, processes=False)
    again = AuditOptions(paths=["./in"], output=str(tmp_path / "out"), resume=True,
                         progress=False)
    outcome = run_dask(again, Config(jobs=2), quiet, processes=False)
    assert (outcome.skipped, outcome.written) == (16, 0)
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) == 4


def test_dask_audit_refuses_a_bad_rule_setting_before_starting_a_cluster(tmp_path, capsys,
                                                                        monkeypatch):
    import scanner.dask_engine
    from scanner.cli import main

    def no_cluster(*args, **kwargs):
        raise AssertionError("the cluster started before the settings were checked")

    monkeypatch.setattr(scanner.dask_engine, "connect", no_cluster)
    config = tmp_path / "bad.toml"
    config.write_text("[options.REP002]\nno_such_option = 1\n", encoding="utf-8")
    code = main(["audit", str(inputs(tmp_path)), "-o", str(tmp_path / "out"), "--engine", "dask",
                 "--no-progress", "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 2 and "no_such_option" in err and err.count("\n") == 1


def test_dask_partitions_the_audits_expanded_inputs_without_looking_them_up_again(
        tmp_path, monkeypatch):
    import scanner.dask_engine

    options = AuditOptions(paths=[str(inputs(tmp_path))], output=str(tmp_path / "out"),
                           progress=False)
    looked_up: list[str] = []

    def counting(original):
        def counted(path):
            looked_up.append(str(path))
            return original(path)
        return counted

    for name in ("is_dir", "exists"):
        monkeypatch.setattr(Path, name, counting(getattr(Path, name)))

    class ClusterWanted(Exception):
        pass

    def partitioned(*args, **kwargs):  # the partitions are made before the cluster starts
        raise ClusterWanted

    monkeypatch.setattr(scanner.dask_engine, "connect", partitioned)
    with pytest.raises(ClusterWanted):
        run_dask(options, Config(), Console(quiet=True))
    assert [path for path in looked_up if path.startswith(str(tmp_path))] == []  # (not rules)


def local_cluster(monkeypatch, **options):
    """Make the CLI's Dask runs use an in-process LocalCluster (fast to start)."""
    import scanner.dask_engine

    original = scanner.dask_engine.connect
    monkeypatch.setattr(scanner.dask_engine, "connect",
                        lambda scheduler, workers, **given: original(
                            scheduler, workers, **{"processes": False, **options, **given}))


def test_dask_cli_writes_into_an_existing_directory_replaces_and_resumes(tmp_path, capsys,
                                                                         monkeypatch):
    from scanner.cli import main

    local_cluster(monkeypatch)
    folder, out = inputs(tmp_path), tmp_path / "out"
    out.mkdir()  # an existing (empty) directory
    command = ["audit", str(folder), "-o", str(out), "--engine", "dask", "--jobs", "1",
               "--no-progress"]
    assert main(command) == 0
    (out / "part-0123456789abcdef.jsonl").write_text("{}\n", encoding="utf-8")  # another run's
    assert main(command) == 0  # without --resume: the parts are replaced
    assert len(list(out.glob("part-*.jsonl"))) == 4
    capsys.readouterr()
    assert main([*command, "--resume"]) == 0
    assert "Audited 16 articles (0 read now, 16 resumed from the output)" in " ".join(
        capsys.readouterr().out.split())
    (tmp_path / "file.jsonl").write_text("", encoding="utf-8")
    assert main([*command[:3], str(tmp_path / "file.jsonl"), *command[4:]]) == 2
    assert "is a file; --engine dask writes a directory" in capsys.readouterr().err


def test_a_dask_crossdoc_audit_builds_one_scanner_on_the_client(tmp_path, monkeypatch):
    import threading

    from scanner.cli import main
    from scanner.engine import Scanner

    local_cluster(monkeypatch)
    built = []  # the threads that built a Scanner (the in-process workers build their own)
    original = Scanner.__init__

    def counting(self, *args, **kwargs):
        built.append(threading.current_thread())
        original(self, *args, **kwargs)

    monkeypatch.setattr(Scanner, "__init__", counting)
    assert main(["audit", str(inputs(tmp_path)), "-o", str(tmp_path / "out"), "--engine",
                 "dask", "--jobs", "1", "--crossdoc", "--no-progress"]) == 0
    assert built.count(threading.main_thread()) == 1


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    import scanner.dask_engine
    from scanner.cli import main

    monkeypatch.setattr(scanner.dask_engine, "CONNECT_SECONDS", 1)
    code = main(["audit", str(inputs(tmp_path)), "-o", str(tmp_path / "out"),
                 "--scheduler", "tcp://127.0.0.1:1", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("spinscan: error: cannot reach the Dask scheduler at tcp://127.0.0.1:1: ")


def test_workers_in_another_directory_read_and_write_relative_paths_as_the_client_names_them(
        tmp_path, capsys, monkeypatch):
    import os

    import scanner.dask_engine
    from scanner.cli import main

    inputs(tmp_path)
    elsewhere = tmp_path / "worker-cwd"
    elsewhere.mkdir()
    original = scanner.dask_engine.connect

    def connect(scheduler, workers, **options):  # workers (processes) in another directory
        client = original(scheduler, workers, processes=True, **options)
        client.run(os.chdir, str(elsewhere))
        return client

    monkeypatch.setattr(scanner.dask_engine, "connect", connect)
    monkeypatch.chdir(tmp_path)
    common = ["--jobs", "1", "--no-progress"]
    assert main(["audit", "in/feed-0.jsonl.gz", "in/pages", "-o", "out", "--engine", "dask",
                 *common]) == 0
    assert main(["audit", "in/feed-0.jsonl.gz", "in/pages", "-o", "local.jsonl", *common]) == 0
    assert list(elsewhere.iterdir()) == []
    assert lines_by_id((tmp_path / "out").glob("part-*.jsonl")) == lines_by_id(
        [tmp_path / "local.jsonl"])  # ids and sources as named: "in/pages/page0.txt"
    assert "in/pages/page0.txt" in lines_by_id([tmp_path / "local.jsonl"])


def test_dask_crossdoc_analyses_records_whose_ids_repeat_within_and_across_inputs(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, ids, part in (("a", ["x", "dup", "dup"], texts[:3]), ("b", ["dup", "x"], texts[3:])):
        (folder / f"{name}.jsonl").write_text("".join(
            json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, part, strict=True)),
            encoding="utf-8")
    quiet = Console(quiet=True)
    run_local(AuditOptions(paths=[str(folder)], output=str(tmp_path / "local.jsonl"),
                           crossdoc=True, progress=False), Config(), quiet)
    run_dask(AuditOptions(paths=[str(folder)], output=str(tmp_path / "dask"), crossdoc=True,
                          progress=False), Config(jobs=2), quiet, processes=False)
    for records in ([orjson.loads(line) for line in (tmp_path / "local.jsonl").read_bytes()
                     .splitlines()],
                    [orjson.loads(line) for name in "ab" for line in (
                        tmp_path / "dask" / part_name(str(folder / f"{name}.jsonl"), "jsonl"))
                     .read_bytes().splitlines()]):
        flagged = [any(f["rule"] == "SPN100" for f in r["findings"]) for r in records]
        assert flagged == [False, False, False, True, False]  # the spun 003: b's first "dup"
    assert (tmp_path / "dask" / "clusters.jsonl").read_bytes() == (
        tmp_path / "local.clusters.jsonl").read_bytes()


def test_a_local_clusters_workers_ignore_ctrl_c_and_the_client_keeps_it():
    """A terminal sends Ctrl-C to the whole process group: the workers died printing
    tracebacks; they now leave it to the client, which stops them."""
    import signal

    from scanner.dask_engine import _close, connect

    before = signal.getsignal(signal.SIGINT)
    client = connect(None, 1, processes=True)
    try:
        handlers = client.run(signal.getsignal, signal.SIGINT)
    finally:
        _close(client, None)
    assert list(handlers.values()) == [signal.SIG_IGN]
    assert signal.getsignal(signal.SIGINT) is before


def test_a_dask_run_says_when_fewer_files_than_workers_leave_workers_idle(tmp_path, monkeypatch):
    import scanner.dask_engine as dask_engine

    warn, checks = dask_engine._warn_of_idle_workers, []

    def noting_what_it_prints(console, tasks, workers):
        before = len(console.export_text(clear=False))
        warn(console, tasks, workers)
        checks.append((tasks, workers, console.export_text(clear=False)[before:]))

    monkeypatch.setattr(dask_engine, "_warn_of_idle_workers", noting_what_it_prints)
    folder = inputs(tmp_path)
    options = AuditOptions(paths=[str(folder / "feed-0.jsonl.gz")], output=str(tmp_path / "one"),
                           progress=False)
    run_dask(options, Config(jobs=2), Console(record=True, width=200), processes=False)
    options = AuditOptions(paths=[str(folder)], output=str(tmp_path / "all"), progress=False)
    run_dask(options, Config(jobs=2), Console(record=True, width=200), processes=False)
    (one, workers, idle_warning), (several, all_workers, nothing) = checks
    assert (one, workers) == (1, 2) and "1 input file to scan for 2 workers" in idle_warning
    assert several >= all_workers and nothing == ""  # every worker has a file: no warning
