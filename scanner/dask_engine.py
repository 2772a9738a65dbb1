"""The Dask engine (``spinscan audit --engine dask``): the audit pipeline on a cluster.

Partitions are input files (local paths, globs or fsspec URLs such as ``s3://bucket/*.jsonl.gz``;
split a huge file into many to spread it). Each partition is scanned by one task into its own
output part, ``part-<hash of the input's path>.jsonl`` (or ``.parquet``), written under a
temporary name and moved into place when whole, so ``--resume`` simply skips the inputs whose
part exists, whatever their order among the inputs. Local paths go to the workers absolute
(a worker's working directory is not the client's), while the records are named by the paths
as given. Per-record
results are byte-identical to a local run: the same reader, scanner and serialiser run in the
tasks. Summaries, clean-text statistics, the site-template pass and the cross-article stage are
computed by tasks per part and merged on the client.
"""
from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from scanner.audit.clean import (
    CleanWriter,
    check_clean_level,
    file_clean_stats,
    write_clean_stats,
)
from scanner.audit.comments import IgnoreCommentTally
from scanner.audit.crosscheck import (
    RecordKeys,
    StoredText,
    TextStore,
    add_findings,
    analyze,
    clusters_path,
    finish,
    member_texts,
    sketch,
    spin_scores,
)
from scanner.audit.output import (
    JsonlSink,
    ParquetFileWriter,
    in_directory,
    iter_parquet_file,
    jsonl_rows,
)
from scanner.audit.progress import AuditProgress
from scanner.audit.runner import AuditOptions, AuditOutcome
from scanner.audit.summary import AuditSummary, summarize
from scanner.audit.templates import site_pages, with_templates
from scanner.boilerplate.site_lines import count_templates
from scanner.config import Config
from scanner.engine import Scanner
from scanner.finding import Severity
from scanner.invocation import UsageError, check_distinct
from scanner.io.detect import is_supported
from scanner.io.formats import read_path
from scanner.io.limits import enforce_word_limit
from scanner.io.opener import is_url, local_path, open_binary
from scanner.io.options import ReadOptions
from scanner.signals import ctrl_c_ignored, interrupt_status, interrupts_ignored
from scanner.suppress import path_key

_local = threading.local()


# ----- paths ---------------------------------------------------------------------------------
def partition_files(files: list[str]) -> list[str]:
    """One partition per input file of ``files`` as :func:`scanner.io.sources.expand_paths`
    gives them: local files are taken as they are (not looked up again), fsspec URLs and
    globs are expanded."""
    found: list[str] = []
    for path in files:
        if path == "-":
            raise ValueError("stdin cannot be partitioned: use --engine local for stdin")
        found += _url_files(path) if is_url(path) else [local_path(path)]
    return found


def _url_files(url: str) -> list[str]:
    """The files an fsspec URL names: itself, a directory's supported files, a glob's matches."""
    import fsspec

    fs, _, matches = fsspec.get_fs_token_paths(url)
    if not matches:
        raise ValueError(f"{url}: no such file or directory")
    found: list[str] = []
    for match in matches:
        files = sorted(fs.find(match)) if fs.isdir(match) else [match]
        found += [fs.unstrip_protocol(f) for f in files if not fs.isdir(match)
                  or is_supported(f)]
    return found


@dataclass(frozen=True)
class Partition:
    """An input file as the user named it (``name``: the records' ids and sources) and where
    a worker reads it (``location``: a local path made absolute on the client, a URL as is)."""

    name: str
    location: str


def located(path: str) -> str:
    """Where a worker finds ``path``: a local path absolute (as the client resolves it), a URL
    as it is."""
    return path if is_url(path) else os.path.abspath(path)


def part_name(path: str, fmt: str) -> str:
    """The output part of the input ``path``: named by a hash of the path in one form whatever
    spelling named it (:func:`path_key`), not by its position among the inputs, so that
    ``--resume`` finds the parts whatever the inputs around them."""
    digest = hashlib.sha1(path_key(path).encode("utf-8")).hexdigest()[:16]
    return f"part-{digest}.{fmt}"


def _file_system(path: str):
    """fsspec's file system of a URL, and the path on it."""
    import fsspec

    fs, _, (stripped,) = fsspec.get_fs_token_paths(path)
    return fs, stripped


def listed_parts(directory: str, pattern: str) -> list[str]:
    """The files in ``directory`` (local or URL) whose names match ``pattern``, as
    :func:`in_directory` names them."""
    if not is_url(directory):
        if not os.path.isdir(directory):
            return []
        return sorted(in_directory(directory, name) for name in os.listdir(directory)
                      if fnmatch.fnmatchcase(name, pattern))
    fs, stripped = _file_system(directory)
    if not fs.exists(stripped):
        return []
    return sorted(in_directory(directory, f.rstrip("/").rsplit("/", 1)[-1])
                  for f in fs.glob(f"{stripped.rstrip('/')}/{pattern}"))


def remove(paths: list[str]) -> None:
    for path in paths:
        if is_url(path):
            fs, stripped = _file_system(path)
            fs.rm(stripped)
        else:
            os.unlink(path)


@contextmanager
def staged(path: str) -> Iterator[str]:
    """A local temporary file that becomes ``path`` when the block completes (an atomic
    rename locally, an upload for URLs); on failure nothing appears at ``path``."""
    if is_url(path):
        tmp_dir = tempfile.mkdtemp(prefix="spinscan-part-")
        tmp = os.path.join(tmp_dir, "part")
    else:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        tmp_dir, tmp = None, f"{path}.tmp-{os.getpid()}-{threading.get_ident()}"
    try:
        yield tmp
        if is_url(path):
            fs, stripped = _file_system(path)
            fs.put_file(tmp, stripped)
        else:
            os.replace(tmp, path)
    finally:
        if tmp_dir:
            shutil.rmtree(tmp_dir, ignore_errors=True)
        elif os.path.exists(tmp):
            os.unlink(tmp)


# ----- tasks (run on workers) ----------------------------------------------------------------
def _scanner(config: Config):
    """This worker thread's Scanner for ``config`` (built once, models loaded once)."""
    cached = getattr(_local, "scanner", None)
    if cached is None or cached[0] != config:
        _local.scanner = cached = (config, Scanner(config))
    return cached[1]


def _records(part: Partition, read: ReadOptions, max_words: int):
    return enforce_word_limit(read_path(part.location, read, name=part.name), max_words)


def scan_partition(path: Partition, out_path: str, fmt: str, config: Config, read: ReadOptions,
                   max_words: int, clean_path: str | None, templates: dict | None = None,
                   clean_level: Severity = Severity.WARNING) -> tuple[int, IgnoreCommentTally]:
    """Scan one input file into its output part (and clean part), its records carrying their
    sites' ``templates`` when given; return the record count and the tally of the records'
    ignore comments that ignore nothing."""
    scanner = _scanner(config)
    tally = IgnoreCommentTally()
    records = _records(path, read, max_words)
    if templates is not None:
        records = with_templates(records, templates)
    count = 0
    with staged(out_path) as tmp_out, _maybe_staged(clean_path) as tmp_clean:
        sink = JsonlSink(tmp_out) if fmt == "jsonl" else ParquetFileWriter(tmp_out)
        clean = CleanWriter(tmp_clean, level=clean_level) if tmp_clean else None
        for result in scanner.scan_records(records, keep_text=clean is not None):
            sink.write(result.to_record())
            tally.add(result)
            if clean is not None:
                clean.add(result)
            count += 1
        sink.close()
        if clean is not None:
            clean.close()
    return count, tally


@contextmanager
def _maybe_staged(path: str | None) -> Iterator[str | None]:
    if path is None:
        yield None
    else:
        with staged(path) as tmp:
            yield tmp


def read_part(path: str, fmt: str) -> Iterator[dict[str, Any]]:
    """Records of one output part (local or URL)."""
    with open_binary(path, decompress=False) as handle:
        if fmt == "parquet":
            yield from iter_parquet_file(handle)
        else:
            yield from jsonl_rows(handle, path)


def summarize_part(path: str, fmt: str) -> AuditSummary:
    return summarize(read_part(path, fmt))


def site_pages_partition(path: Partition, read: ReadOptions, max_words: int) -> list:
    return list(site_pages(_records(path, read, max_words)))


# (the cross-article tasks key the records of partition ``k`` by :class:`RecordKeys` ``(k)``)
def sketch_partition(path: Partition, k: int, read: ReadOptions, max_words: int):
    return sketch(_records(path, read, max_words), k)


def texts_partition(path: Partition, k: int, read: ReadOptions, max_words: int,
                    wanted: set[str]) -> list[StoredText]:
    return list(member_texts(_records(path, read, max_words), wanted, k))


def spins_part(path: str, k: int, fmt: str, wanted: set[str]) -> dict[str, float | None]:
    return spin_scores(read_part(path, fmt), wanted, k)


def patch_part(path: str, k: int, fmt: str, findings: dict) -> AuditSummary:
    """Rewrite output part ``k`` with its cross-copy findings; return the part's summary."""
    keys = RecordKeys(k)
    records = [add_findings(r, findings.get(keys(r["id"]), [])) for r in read_part(path, fmt)]
    with staged(path) as tmp:
        sink = JsonlSink(tmp) if fmt == "jsonl" else ParquetFileWriter(tmp)
        for record in records:
            sink.write(record)
        sink.close()
    return summarize(records)


# ----- the client ----------------------------------------------------------------------------
CONNECT_SECONDS = 10  # how long to try to reach a --scheduler


def connect(scheduler: str | None, workers: int, **cluster_options):
    """A Client for ``scheduler``, or for a new LocalCluster of ``workers`` processes. A
    scheduler that cannot be reached is a usage error (one line, exit 2), not a traceback."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_SECONDS)
        except (OSError, ValueError) as exc:  # TimeoutError is an OSError
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
    cluster_options.setdefault("threads_per_worker", 1)
    # the cluster's own warnings (a worker killed on Ctrl-C, a task cancelled) are no news to
    # the user: spinscan says what happened
    cluster_options.setdefault("silence_logs", logging.ERROR)
    # the workers start with Ctrl-C ignored (a disposition they inherit, and Python keeps):
    # a terminal sends it to the whole process group, and they would die printing
    # tracebacks; this process stops them as it ends
    with ctrl_c_ignored():
        return Client(LocalCluster(n_workers=workers, **cluster_options))


def run_dask(options: AuditOptions, config: Config, console: Console,
             scheduler: str | None = None, **cluster_options) -> AuditOutcome:
    """Run an audit on a Dask cluster; ``options.output`` is a directory of parts."""
    from distributed import as_completed

    scanner = Scanner(config)  # the client's (the workers build their own)
    scanner.check_has_rules(crossdoc=options.crossdoc)  # before the cluster starts
    names = partition_files(options.files)  # expanded once, by AuditOptions
    check_distinct(names)  # again: URL globs are expanded only here
    inputs = [Partition(name, located(name)) for name in names]
    fmt = options.fmt
    output = located(options.output)  # the workers write it: absolute
    clean_dir = located(options.emit_clean) if options.emit_clean else None
    parts = [in_directory(output, part_name(p, fmt)) for p in names]
    cleans = [in_directory(clean_dir, f"clean-{part_name(p, 'jsonl')}") if clean_dir else None
              for p in names]
    client = connect(scheduler, config.jobs, **cluster_options)  # (before anything is removed)
    outcome = AuditOutcome(by_file=True)
    try:
        outputs_present = set(listed_parts(output, f"part-*.{fmt}"))
        present = outputs_present | set(listed_parts(clean_dir, "clean-part-*.jsonl")
                                        if clean_dir else [])
        # half-written parts of a run whose workers were killed before they could clean up
        remove(listed_parts(output, f"part-*.{fmt}.tmp-*")
               + (listed_parts(clean_dir, "clean-part-*.jsonl.tmp-*") if clean_dir else []))
        if options.resume:
            _warn_of_other_parts(console, options.output, outputs_present, parts)
            # every run either cleaned at the level the parts present hold or removed them
            # first, so one part tells the level of all
            done_cleans = sorted(present & set(cleans))
            if done_cleans:
                check_clean_level(done_cleans[0], options.clean_level)
        else:  # a fresh run replaces an earlier run's parts, as a local run its output
            remove(sorted(present))
            present = set()
        todo = [k for k in range(len(inputs))
                if not (parts[k] in present and (not clean_dir or cleans[k] in present))]
        _warn_of_idle_workers(console, len(todo), _worker_count(client))
        resumed = sorted(set(range(len(inputs))) - set(todo))
        templates = _site_templates(client, options, inputs) if options.site_templates else None
        futures = {client.submit(scan_partition, inputs[k], parts[k], fmt, config, options.read,
                                 options.max_words, cleans[k], templates, options.clean_level,
                                 key=f"scan-{parts[k]}", pure=False): k
                   for k in todo}
        tallies: dict[int, IgnoreCommentTally] = {}  # by partition: merged in input order
        late = []  # on an interrupt: the parts not yet counted, which a running task may finish
        progress = AuditProgress(console, enabled=options.progress, unit="partitions")
        with progress:
            progress.set_total(len(inputs), done=len(resumed))
            try:
                for future in as_completed(futures):
                    written, tallies[futures[future]] = future.result()
                    outcome.written += written
                    progress.advance_partition(outcome.written)
            except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (scanner.signals)
                outcome.interrupted = interrupt_status(exc)
                late = [parts[k] for k in todo if k not in tallies]
                with interrupts_ignored():  # a second signal would leave the tasks running
                    client.cancel(list(futures))
        for k in sorted(tallies):
            outcome.ignore_comments.merge(tallies[k])
        if outcome.interrupted:
            return outcome
        if options.crossdoc:  # summarises the parts as it patches them
            outcome.crossdoc, summaries = _crossdoc(client, options, scanner, inputs, parts,
                                                    fmt)
        else:
            summaries = client.gather(client.map(summarize_part, parts, fmt=fmt, pure=False))
        outcome.summary = AuditSummary()
        for summary in summaries:
            outcome.summary.merge(summary)
        # the records of the finished parts (read for the summary anyway), not the parts
        outcome.skipped = sum(summaries[k].total.articles for k in resumed)
        if options.emit_clean:
            stats = client.gather(client.map(file_clean_stats, cleans, pure=False))
            outcome.clean_stats = write_clean_stats(options.emit_clean, stats, options.clean_level)
            outcome.clean_files = in_directory(options.emit_clean, "clean-part-*.jsonl")
    finally:
        _close(client, scheduler)
        if outcome.interrupted:  # (``late`` is set where the run was cut short)
            with interrupts_ignored():
                outcome.written += _records_in_finished(output, late, fmt)
    return outcome


def _records_in_finished(output: str, parts: list[str], fmt: str) -> int:
    """The records of those ``parts`` that exist in ``output``: tasks running when the run was
    interrupted may still finish their part (a cancel does not stop a running task) before the
    cluster closes, and a resumed run takes such a part as done."""
    if not parts:
        return 0
    finished = set(listed_parts(output, f"part-*.{fmt}")).intersection(parts)
    return sum(summarize_part(part, fmt).total.articles for part in sorted(finished))


def _warn_of_other_parts(console: Console, name: str, present: set[str],
                         parts: list[str]) -> None:
    """Say so when a resumed run's output directory ``name`` holds parts (``present``) of no
    input of this run (they are left alone, and are not in its summary)."""
    others = sorted(present - set(parts))
    if others:
        console.print(f"[yellow]warning:[/] {len(others):,} part files in {name} belong to no "
                      f"input of this run (e.g. {others[0].rsplit('/', 1)[-1]}: an input not "
                      "named this time, or a part an older spinscan named by position); they "
                      "are left there and are not in the summary", highlight=False)


def _worker_count(client) -> int:
    """How many workers the cluster of ``client`` has now."""
    return len(client.nthreads())  # (scheduler_info() may list only some of a big cluster's)


def _warn_of_idle_workers(console: Console, tasks: int, workers: int) -> None:
    """Say so when fewer input files are left to scan than the cluster has workers: one task
    scans one file, so the other workers wait (QA pass 35: one 20,000-record file on two
    workers took longer than the local engine)."""
    if 0 < tasks < workers:
        console.print(f"[yellow]warning:[/] {tasks:,} input file{'s' if tasks != 1 else ''} to "
                      f"scan for {workers:,} workers: the Dask engine scans each file in one "
                      "task, so the other workers wait; split a big file into shards (e.g. "
                      "split -l 100000 -d big.jsonl shard- and name the shards) to spread it",
                      highlight=False)


def _site_templates(client, options: AuditOptions, inputs: list[Partition]):
    """The sites' templates over every input (counted on the client as the partitions'
    line hashes arrive), sent to every worker once."""
    from distributed import as_completed

    futures = client.map(site_pages_partition, inputs, read=options.read,
                         max_words=options.max_words, pure=False)
    templates = count_templates(page for future in as_completed(futures)
                                for page in future.result())
    return _share(client, templates)


def _crossdoc(client, options: AuditOptions, scanner: Scanner, inputs: list[Partition],
              parts: list[str], fmt: str) -> tuple[Any, list[AuditSummary]]:
    read, words, numbers = options.read, options.max_words, range(len(inputs))
    sketches = client.gather(client.map(sketch_partition, inputs, numbers, read=read,
                                        max_words=words, pure=False))
    merged = sketches[0]
    for other in sketches[1:]:
        merged.merge(other)
    clusters = merged.clusters()
    wanted = _share(client, {key for keys in clusters for key in keys})
    store = TextStore()
    try:
        for texts in client.gather(client.map(texts_partition, inputs, numbers, read=read,
                                              max_words=words, wanted=wanted, pure=False)):
            store.add(texts)
        spins: dict[str, float | None] = {}
        for part_spins in client.gather(client.map(spins_part, parts, numbers, fmt=fmt,
                                                   wanted=wanted, pure=False)):
            spins.update(part_spins)
        reports, findings = analyze(clusters, store, spins, scanner)
    finally:
        store.close()

    summaries = client.gather(client.map(patch_part, parts, numbers, fmt=fmt, pure=False,
                                         findings=_share(client, findings)))
    return finish(clusters_path(options.output, directory=True), reports, findings), summaries


def _share(client, value):
    """``value`` sent to every worker once, as one future (not inlined into each task)."""
    return client.scatter([value], broadcast=True)[0]


CLOSE_SECONDS = 30  # how long closing the client and a local cluster may take


def _close(client, scheduler: str | None) -> None:
    """Close the client and the local cluster it started, Ctrl-C and SIGTERM ignored meanwhile
    (cut short, the close would print Dask's traceback and leave the workers behind)."""
    cluster = client.cluster if scheduler is None else None
    with interrupts_ignored():
        client.close(timeout=CLOSE_SECONDS)
        if cluster is not None:
            cluster.close(timeout=CLOSE_SECONDS)
