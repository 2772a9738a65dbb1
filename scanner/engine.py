"""The engine: run the selected rules over a stream of records, never losing one.

Each input record yields exactly one :class:`ScanResult`, in input order: findings and scores,
or an error. With ``jobs > 1`` documents are scanned in worker processes; submission is
windowed so memory stays bounded however long the input stream is.
"""
from __future__ import annotations

import gc
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from itertools import islice

from scanner.config import Config, ConfigError
from scanner.document import HTML_KEY, Document
from scanner.finding import Finding, Severity
from scanner.io.records import InputRecord, record_name
from scanner.registry import Registry, build_registry
from scanner.result import ScanResult
from scanner.rule import Rule
from scanner.scoring import compute_scores, unscored_spin_note
from scanner.signals import interrupts_ignored, set_up_worker_signals
from scanner.suppress import (
    IGNORE_COMMENTS,
    Suppressor,
    ignore_comment_problems,
    page_ignore_comments,
    without_ignore_comments,
)
from scanner.title import (
    infer_title,
    locate_title,
    markdown_title,
    without_front_matter,
)

# Records are scanned together, rule by rule: a rule that runs over many documents in a row
# keeps its code and tables in the CPU caches: batches of 256 cost 7-9 % less CPU than batches
# of 32 (bench/engine_speed.py), for about 20 MB more memory. A worker's task is a smaller batch
# (each of several workers holds one, and --jobs 2 must stay within its memory target). A batch
# is cut earlier when its texts reach _BATCH_CHARS characters, which bounds its memory however
# long the documents are.
BATCH = 256
_TASK = 32
_BATCH_CHARS = 1_000_000
_YOUNG_OBJECTS = 20_000  # new container objects that trigger a collection, once tuned
_WARM_UP_TITLE = "Council approves budget for new library"
_WARM_UP_TEXT = (
    "The city council approved a new budget for public libraries on Monday, adding funds for "
    "longer opening hours, children's reading programmes and repairs to three branch roofs. "
    "Librarians welcomed the decision but said staffing remained a concern, and the council "
    "promised to review the number of posts next year after a public consultation.\n"
)


class Scanner:
    """Rules, settings and models for one run; scans records into results."""

    def __init__(self, config: Config | None = None, registry: Registry | None = None) -> None:
        self.config = config or Config()
        self.registry = registry or build_registry(self.config.rules)
        self.config.check_rules(self.registry)  # names the file and key of a bad setting
        selected = self.registry.select(self.config.select, self.config.ignore)
        self.rules = [rule for rule in selected if rule.runs_on == "document"]
        self.corpus_rules = [rule for rule in selected if rule.runs_on == "corpus"]
        self._configure_rules()
        self.suppressor = Suppressor(self.config)
        self._unscored_spin = unscored_spin_note(self.rules, self.corpus_rules)
        self.warm = False  # whether warm_up has run (a worker forked after it need not)

    def __reduce__(self):
        """A scanner pickles as its config: unpickled (in a spawned worker: a fresh interpreter),
        it is built anew, its registry too, and loads its models there."""
        return Scanner, (self.config,)

    def check_has_rules(self, crossdoc: bool = False) -> None:
        """Refuse a selection that leaves no rule to run: a gate that checks nothing would
        pass by mistake, an audit would publish empty records. The corpus rules (SPN100) run
        only in an audit's ``crossdoc`` stage, which is refused when they are not selected."""
        if not self.rules and not (crossdoc and self.corpus_rules):
            raise ConfigError("select and ignore leave no rule to run on a document (SPN100, "
                              "which compares copies of a story, runs only in `spinscan audit "
                              "--crossdoc`)")
        if crossdoc and not self.corpus_rules:
            raise ConfigError("--crossdoc adds SPN100 findings, but select and ignore leave "
                              "SPN100 out")

    def _configure_rules(self) -> None:
        """Options and ``[severity]`` levels onto the selected rules. A configured level is
        kept in :attr:`levels` too: it is every finding's severity, even for rules that grade
        their findings (SPN001's infos and warnings; REP001, REP003, RDB019, BPL011; SPN002's
        short-text warning), so that ``SPN001 = "error"`` makes each SPN001 finding an error."""
        self.levels: dict[str, Severity] = {}
        for rule in self.rules + self.corpus_rules:
            if rule.id in self.config.severity:
                rule.severity = self.levels[rule.id] = Severity.parse(self.config.severity[rule.id])
            rule.options.update(self.config.options.get(rule.id, {}))

    def settle_corpus_findings(self, rule: Rule, doc: Document,
                               findings: list[Finding]) -> list[Finding]:
        """A corpus rule's findings on ``doc`` as this configuration wants them, as a document
        rule's are: none where a path or domain ignore leaves the rule out for the record, the
        rule's configured severity, and the inline ignores and allow-list applied (and the
        baseline, as to every finding, though ``scan``, which writes baselines, runs no corpus
        rule).
        ``doc`` is the record's document as :func:`make_document` built it."""
        if not findings or not self.suppressor.rules_for([rule], doc.id, doc.source):
            return []
        for finding in findings:
            finding.severity = rule.severity
        return self.suppressor.filter(doc, findings)

    def warm_up(self) -> None:
        """Load every table and model the selected rules use (they load lazily, on first use,
        some only for unusual text such as a foreign line): scan a short built-in article,
        then run each rule on its own examples. Once: a scanner warmed up (or forked from one
        that was) has them."""
        if self.warm:
            return
        self.scan_record(InputRecord(id="warm-up", title=_WARM_UP_TITLE, text=_WARM_UP_TEXT))
        for rule in self.rules:
            for example in rule.examples:
                doc = make_document(InputRecord(id="warm-up", title=example.title,
                                                text=example.text))
                with suppress(Exception):  # a rule bug shows in the scan, as a record's error
                    list(rule.check(doc))
        self.warm = True

    def set_up_long_run(self) -> None:
        """Set up this process to scan many documents: the models loaded (:meth:`warm_up`) and
        the garbage collector tuned (:func:`tune_collector`)."""
        self.warm_up()
        tune_collector()

    @contextmanager
    def long_run(self, jobs: int = 1) -> Iterator[None]:
        """For scanning many documents with ``jobs`` processes: in this process (one job), set
        up for the duration (:meth:`set_up_long_run`), the garbage collector restored at
        the end; worker processes set themselves up. With several, this process loads the
        models first, so that the workers it forks share their pages (copy on write) rather
        than each load its own."""
        if jobs > 1:
            if _FORK is not None:  # forked workers share what this process loaded
                self.warm_up()
                freeze_loaded()  # (a collection would touch the shared objects' pages)
            try:
                yield
            finally:
                gc.unfreeze()
            return
        saved = gc.get_threshold()
        self.set_up_long_run()
        try:
            yield
        finally:
            gc.set_threshold(*saved)
            gc.unfreeze()

    # ----- records -----------------------------------------------------------------------
    def scan_record(self, record: InputRecord, keep_text: bool = True) -> ScanResult:
        """Scan one input record; a bad record gives an error result, never an exception."""
        return self.scan_batch([record], keep_text)[0]

    def scan_batch(self, records: list[InputRecord], keep_text: bool = True) -> list[ScanResult]:
        """Scan records together, rule by rule: each rule runs over every document of the
        batch before the next rule starts, so its tables stay in the CPU caches (about 20 %
        faster than document by document). One result per record, in order; an unreadable
        record or a rule crash gives that record an error result, never an exception. A
        result carries its record's origin and the problems of its ignore comments."""
        results: list[ScanResult | None] = [None] * len(records)
        work: list[tuple[int, Document, list[Rule], set[str] | None]] = []
        problems: dict[int, list[str]] = {}
        for k, record in enumerate(records):
            if record.error:
                results[k] = ScanResult(id=record.id, source=record.source, title=record.title,
                                        error=record.error)
                continue
            try:
                doc = make_document(record)
            except Exception as exc:  # a reader or extraction bug must not lose the record
                results[k] = _internal_error(record, record.title, exc)
                continue
            found = ignore_comment_problems(record.text or record.html or "",
                                            doc.metadata.get(IGNORE_COMMENTS, ()), self.registry)
            if found:
                problems[k] = found
            if record.text is None and not doc.text.strip():
                results[k] = ScanResult(id=record.id, source=record.source, title=doc.title, error=(
                    f"{record_name(record)}: the HTML page has no visible text (a page built by "
                    "scripts?)"))
                continue
            rules = self.suppressor.rules_for(self.rules, record.id, record.source)
            work.append((k, doc, rules, None if rules is self.rules else {r.id for r in rules}))
        findings: dict[int, list[Finding]] = {k: [] for k, *_ in work}
        cap = self.config.max_findings_per_rule
        for rule in self.rules:
            check, level = rule.check, self.levels.get(rule.id)
            batch = [(k, doc) for k, doc, _, allowed in work
                     if results[k] is None and (allowed is None or rule.id in allowed)]
            _prepare(rule, [doc for _, doc in batch])
            for k, doc in batch:
                try:
                    found = list(islice(check(doc), cap + 1))
                    if level is not None:
                        for finding in found:
                            finding.severity = level
                    if found:
                        findings[k] += _placed(rule, doc, found, cap)
                except Exception as exc:  # a rule bug must not lose the record
                    results[k] = _internal_error(records[k], doc.title, exc, f"rule {rule.id}")
        for k, doc, rules, _ in work:
            if results[k] is None:
                results[k] = self._finish(records[k], doc, rules, findings[k], keep_text)
        for k, found in problems.items():
            results[k].ignore_comment_problems = found
        for record, result in zip(records, results):
            result.origin = record.origin
        return results

    def _finish(self, record: InputRecord, doc: Document, rules: list[Rule],
                findings: list[Finding], keep_text: bool) -> ScanResult:
        """Suppression, scores and the result of a scanned document (of ``record``)."""
        try:
            findings = self.suppressor.filter(doc, findings, record.origin)
            scores = compute_scores(doc, rules, findings, self._unscored_spin)
        except Exception as exc:
            return _internal_error(record, doc.title, exc)
        findings.sort(key=lambda f: (f.start if f.start is not None else -1, f.rule))
        return ScanResult(id=doc.id, source=doc.source, title=doc.title, language=doc.language,
                          scores=scores, findings=findings, text=doc.text if keep_text else None,
                          from_html=bool(doc.metadata.get(HTML_KEY)))

    # ----- streams -----------------------------------------------------------------------
    def scan_records(self, records: Iterable[InputRecord], jobs: int = 1,
                     keep_text: bool = True) -> Iterator[ScanResult]:
        """Results for ``records`` in input order, in ``jobs`` processes."""
        if jobs <= 1:
            for batch in record_batches(records):
                yield from self.scan_batch(batch, keep_text)
            return
        yield from _scan_parallel(self, records, jobs, keep_text)


def tune_collector() -> None:
    """Collect garbage once, exempt every object alive by then from later collections
    (``gc.freeze``: the loaded models are some 150,000 long-lived objects that each full
    collection would walk again) and collect the young generation less often (a scan's
    objects die by reference counting, but a batch of documents alone crosses the default
    threshold of 700 new objects)."""
    freeze_loaded()
    gc.set_threshold(_YOUNG_OBJECTS, *gc.get_threshold()[1:])


def freeze_loaded() -> None:
    """Collect garbage once and exempt every object alive by then (the loaded models) from
    later collections."""
    gc.collect()
    gc.freeze()


def _prepare(rule: Rule, docs: list[Document]) -> None:
    """The rule's batch work; if it fails, each document's ``check`` does its own work (and a
    document that makes it fail gets its error result there)."""
    try:
        rule.prepare(docs)
    except Exception:  # noqa: S110 - not lost: check() meets the same error per document
        pass


def _placed(rule: Rule, doc: Document, found: list[Finding], cap: int) -> list[Finding]:
    """A rule's findings on ``doc`` (``cap`` at most, then a note) with line and column."""
    if len(found) > cap:
        found = found[:cap]
        found.append(rule.finding(doc, None, None,
                                  f"more findings of {rule.id} not shown (cap {cap} per document)"))
        found[-1].severity = Severity.INFO
    for finding in found:
        if finding.start is not None:
            finding.line, finding.column = doc.line_col(finding.start)
    return found


def record_batches(records: Iterable[InputRecord],
                   size: int = BATCH) -> Iterator[list[InputRecord]]:
    """Consecutive batches of ``size`` records, or fewer whose texts add up to
    ``_BATCH_CHARS`` characters."""
    batch: list[InputRecord] = []
    chars = 0
    for record in records:
        batch.append(record)
        chars += len(record.text or record.html or "")
        if len(batch) >= size or chars >= _BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _internal_error(record: InputRecord, title: str | None, exc: Exception,
                    part: str | None = None) -> ScanResult:
    """The result of a record whose scan failed (a bug): named where it was read, as the
    readers' errors are, and the ``part`` that failed when known ("rule CRS001": a plugin's
    bug is then reported to its author, not to spinscan's; QA pass 27)."""
    where = f"internal error in {part}" if part else "internal error"
    return ScanResult(id=record.id, source=record.source, title=title,
                      error=f"{record_name(record)}: {where}: {type(exc).__name__}: {exc}")


def make_document(record: InputRecord) -> Document:
    """The Document for a readable record: HTML is extracted, a text's ignore comments
    (:mod:`scanner.suppress`) and a Markdown file's front matter (:mod:`scanner.title`) blanked
    out, a missing title taken from that front matter or a leading ``# Heading``, else
    inferred. The ignore comments of the text or page are kept in the metadata
    (``IGNORE_COMMENTS``)."""
    text, title, metadata = record.text, record.title, dict(record.metadata)
    markdown = metadata.get("format") == "markdown"
    matter_title_span = None
    if text is not None:
        text, comments = without_ignore_comments(text)
        if markdown:
            blanked, matter_title, stated_at = without_front_matter(text)
            if not title and matter_title:  # (where headline findings point)
                matter_title_span = stated_at
            text, title = blanked, title or matter_title
    else:
        from scanner.html_text import html_to_lines

        comments = page_ignore_comments(record.html or "")
        text, main_text, html_title = html_to_lines(record.html or "")
        metadata[HTML_KEY] = True
        if main_text:
            metadata["main_text"] = main_text
        title = title or html_title
    if comments:
        metadata[IGNORE_COMMENTS] = comments
    doc = Document(text=text, id=record.id, source=record.source, title=title,
                   matter_title_span=matter_title_span, metadata=metadata)
    if title is None:
        found = (markdown_title(doc) if markdown else None) or infer_title(doc)
        if found is not None:
            doc.title, doc.title_span = found
    else:
        doc.title_span = locate_title(doc, title, markdown)
    return doc


# ----- worker processes ----------------------------------------------------------------------
_worker_scanner: Scanner | None = None
# Workers are forked on Linux (Python 3.14 makes forkserver the default there), so that they
# share the models this process loaded (:meth:`Scanner.long_run`); elsewhere they start as the
# platform starts processes (macOS spawns: a fork there is unreliable). The process may run
# threads when it forks (a progress bar's, a background count's): they hold no lock a worker
# needs, and the workers run only the scanner.
_FORK = multiprocessing.get_context("fork") if sys.platform == "linux" else None


def _init_worker(scanner: Scanner) -> None:
    """Set up a worker with the parent's ``scanner``: forked, a copy with the models the parent
    loaded if it warmed up (nothing is pickled), so the worker does not load or warm up again;
    spawned, one built anew from the parent's config (:meth:`Scanner.__reduce__`)."""
    global _worker_scanner
    set_up_worker_signals()  # the parent handles Ctrl-C and SIGTERM, and stops the pool
    _worker_scanner = scanner
    _worker_scanner.set_up_long_run()  # a worker scans many documents


def _scan_chunk(records: list[InputRecord], keep_text: bool) -> list[ScanResult]:
    assert _worker_scanner is not None
    return _worker_scanner.scan_batch(records, keep_text)


def _scan_parallel(scanner: Scanner, records: Iterable[InputRecord], jobs: int,
                   keep_text: bool) -> Iterator[ScanResult]:
    """Results in input order from ``jobs`` worker processes, a few tasks ahead. Interrupted
    or closed early, the pool cancels the tasks not started and waits for those in flight (a
    worker killed mid-task could leave the pool's pipes torn), so no worker outlives the run."""
    chunks = record_batches(records, _TASK)
    pool = ProcessPoolExecutor(jobs, mp_context=_FORK, initializer=_init_worker,
                               initargs=(scanner,))
    try:
        pending: deque = deque()
        while True:
            for chunk in islice(chunks, jobs * 4 - len(pending)):
                pending.append(pool.submit(_scan_chunk, chunk, keep_text))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        with interrupts_ignored():  # a second signal must not leave the workers unjoined
            pool.shutdown(cancel_futures=True)
