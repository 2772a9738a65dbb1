"""The local audit engine: stream records through the scanner into a resumable output.

Reading, scanning (``jobs`` worker processes, windowed, via :meth:`Scanner.scan_records`),
writing and summarising are all streamed, so memory does not grow with the number of records.
The summary is rebuilt from the output at the end, so a resumed run reports on everything.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rich.console import Console

from scanner.audit.clean import CleanWriter, clean_path, file_clean_stats, write_clean_stats
from scanner.audit.comments import IgnoreCommentTally
from scanner.audit.output import is_stream, iter_output, open_sink, output_format
from scanner.audit.progress import AuditProgress
from scanner.audit.summary import AuditSummary, summarize
from scanner.audit.terminal import counted
from scanner.config import Config
from scanner.engine import Scanner
from scanner.finding import Severity
from scanner.io.limits import DEFAULT_MAX_WORDS, enforce_word_limit
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord
from scanner.io.sources import expand_paths, read_files
from scanner.signals import interrupt_status
from scanner.suppress import path_key


@dataclass
class AuditOptions:
    """What one audit run does (the ``spinscan audit`` options)."""

    paths: list[str]
    output: str
    output_format: str | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    resume: bool = False
    emit_clean: str | None = None
    clean_level: Severity = Severity.WARNING
    """The least severe boilerplate or spam finding that drops a line from the clean text."""
    crossdoc: bool = False
    site_templates: bool = False
    max_words: int = DEFAULT_MAX_WORDS
    progress: bool = True
    files: list[str] = field(default_factory=list)
    """The inputs ``paths`` name, expanded once (directories walked, globs matched): given by
    the caller that already expanded them, else expanded here."""

    def __post_init__(self) -> None:
        if not self.files:
            self.files = expand_paths(self.paths)

    @property
    def fmt(self) -> str:
        return output_format(self.output, self.output_format)


@dataclass
class AuditOutcome:
    """What happened: counts of this run, and the summary of the whole output."""

    written: int = 0
    skipped: int = 0
    unmatched: int = 0
    """Records of a resumed output that match no input record (another feed's output)."""
    interrupted: int = 0
    """0, or the exit status of the signal that cut the run short (130 Ctrl-C, 143 SIGTERM)."""
    by_file: bool = False
    """Whether the output holds whole input files only (the Dask engine's parts): an
    interrupted run resumes by file, not by record."""
    summary: AuditSummary | None = None
    clean_stats: dict | None = None
    clean_files: str | None = None
    """Where the clean texts went (``--emit-clean``): a file, or the Dask engine's parts."""
    crossdoc: object | None = None
    ignore_comments: IgnoreCommentTally = field(default_factory=IgnoreCommentTally)
    """The ignore comments of the records scanned in this run that ignore nothing."""


class ResumedIds:
    """The ids of the records a resumed output holds, with the path in them normalised
    (:func:`path_key`, as a baseline keys a file), so that a run that names an input
    ``./feed.jsonl`` or by its absolute path resumes the records ``feed.jsonl:3`` and
    ``site/a.txt`` of a run that named it ``feed.jsonl``. Input records use them up as they
    match; what is left once every input is read matches no input (another feed's output)."""

    def __init__(self, done: Counter[str]) -> None:
        self.total = sum(done.values())
        self.left: Counter[str] = Counter()
        for record_id, count in done.items():
            self.left[path_key(record_id)] += count

    def unmatched(self) -> int:
        """How many of the output's records no input record has matched (so far)."""
        return sum(self.left.values())

    def not_done(self, records: Iterable[InputRecord]) -> Iterator[InputRecord]:
        """The records not in the output: an id the output holds k times skips its first k
        records (the output keeps the input order)."""
        left = self.left
        for record in records:
            key = path_key(record.id)
            if left[key] > 0:
                left[key] -= 1
            else:
                yield record


def input_records(options: AuditOptions, resumed: ResumedIds | None = None) -> Iterator[InputRecord]:
    """The input records (those not already in a resumed output), with the word limit applied."""
    records = read_files(options.files, options.read)
    if resumed is not None and resumed.total:
        records = resumed.not_done(records)
    return enforce_word_limit(records, options.max_words)


def scanned_records(options: AuditOptions, resumed: ResumedIds,
                    console: Console) -> Iterator[InputRecord]:
    """The records to scan; with ``site_templates``, after a first pass over all inputs that
    finds the sites' templates, each carrying its site's."""
    records = input_records(options, resumed)
    if not options.site_templates:
        return records
    from scanner.audit.templates import site_pages, with_templates
    from scanner.boilerplate.site_lines import count_templates

    with console.status("Counting the lines sites repeat on their pages (--site-templates)..."):
        templates = count_templates(site_pages(input_records(options)))
    console.print(f"Site templates: {counted(len(templates), 'site')}, "
                  f"{counted(sum(len(t.lines) for t in templates.values()), 'template line')}")
    return with_templates(records, templates)


def run_local(options: AuditOptions, config: Config, console: Console) -> AuditOutcome:
    """Run an audit on this machine (``config.jobs`` processes)."""
    outcome = AuditOutcome()
    scanner = Scanner(config)
    scanner.check_has_rules(crossdoc=options.crossdoc)  # before any output is opened
    sink = open_sink(options.output, options.fmt, options.resume)
    resumed = ResumedIds(sink.done)
    outcome.skipped = resumed.total
    clean_file = clean_path(options.emit_clean) if options.emit_clean else None
    clean = CleanWriter(clean_file, options.resume, options.clean_level) if clean_file else None
    progress = AuditProgress(console, enabled=options.progress)
    streamed = AuditSummary() if is_stream(options.output) else None  # nothing to read back
    try:
        records = scanned_records(options, resumed, console)
        with progress, scanner.long_run(config.jobs):
            progress.skip(outcome.skipped)
            progress.count_in_background(options.files, options.read, outcome.skipped)
            results = scanner.scan_records(records, jobs=config.jobs,
                                           keep_text=clean is not None)
            for result in results:
                record = result.to_record()
                sink.write(record)
                if streamed is not None:
                    streamed.add(record)
                outcome.ignore_comments.add(result)
                if clean is not None:
                    clean.add(result)
                progress.add(record)
                outcome.written += 1
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (scanner.signals)
        outcome.interrupted = interrupt_status(exc)
    finally:
        sink.close()
        if clean is not None:
            clean.close()
    if outcome.interrupted:
        return outcome
    outcome.unmatched = resumed.unmatched()  # every input read: these are another feed's
    outcome.skipped -= outcome.unmatched
    if options.crossdoc:
        from scanner.audit.crosscheck import apply_crossdoc

        outcome.summary = AuditSummary()  # filled as the stage rewrites the output
        outcome.crossdoc = apply_crossdoc(options, scanner,
                                          lambda: input_records(options),
                                          outcome.summary)
    else:
        outcome.summary = (streamed if streamed is not None
                           else summarize(iter_output(options.output, options.fmt)))
    if clean_file:
        outcome.clean_stats = write_clean_stats(options.emit_clean, [file_clean_stats(clean_file)],
                                                options.clean_level)
        outcome.clean_files = clean_file
    return outcome
