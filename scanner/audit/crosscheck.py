"""The audit's cross-article stage (``--crossdoc``), run after every record is scanned.

Pass 1 sketches every readable input record (salient terms, MinHash) and clusters them.
Pass 2 re-reads the inputs, keeping only the texts of clustered articles in a temporary
SQLite store (memory stays bounded), analyses each cluster and rewrites the output with each
flagged copy's SPN100 findings (replacing those of an earlier run, so it can be repeated).
The clusters are written beside the output (``*.clusters.jsonl``).
"""
from __future__ import annotations

import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from scanner.audit.output import in_directory, iter_output, rewrite_output
from scanner.audit.summary import AuditSummary
from scanner.crossdoc import RULE_ID, ClusterReport, Sketches, analyze_cluster
from scanner.document import Document
from scanner.engine import Scanner, make_document
from scanner.finding import Finding
from scanner.io.opener import open_output
from scanner.io.records import InputRecord
from scanner.report.jsonfmt import dumps
from scanner.suppress import IGNORE_COMMENTS, IgnoreComment, path_key


@dataclass
class CrossDocOutcome:
    """What the cross-article stage found."""

    clusters: int
    clustered_articles: int
    flagged_copies: int
    report_path: str

    def describe(self) -> str:
        return (f"Cross-article: {self.clusters:,} clusters of copies of one story "
                f"({self.clustered_articles:,} articles); {self.flagged_copies:,} copies flagged "
                f"with cross-copy substitutions ({RULE_ID}) -> {self.report_path}")


class RecordKeys:
    """Keys that tell apart the records of one stream, read in order: the inputs, or the
    output written from them. A key is the record's id, the path in it normalised
    (:func:`path_key`, as a resumed run may spell it otherwise), and how many records before
    it hold that id: the output keeps the input order of the records of each id (``--resume``
    too), so a record's key is the same in the inputs and in the output, and two records
    sharing an id get two. ``part`` sets apart the streams of one run (the Dask engine's
    partitions)."""

    def __init__(self, part: int = 0) -> None:
        self._part = part
        self._seen: Counter[str] = Counter()

    def __call__(self, record_id: str) -> str:
        key = path_key(record_id)
        self._seen[key] += 1
        return f"{key}\0{self._part}\0{self._seen[key]}"  # (clusters sort by id first)


def keyed_documents(records: Iterable[InputRecord], part: int = 0,
                    wanted: set[str] | None = None) -> Iterator[tuple[str, Document]]:
    """The key and scanned text (as the engine builds it) of every readable record, or of
    those whose keys are ``wanted``."""
    keys = RecordKeys(part)
    for record in records:
        key = keys(record.id)
        if record.error is None and (wanted is None or key in wanted):
            yield key, make_document(record)


def sketch(records: Iterable[InputRecord], part: int = 0) -> Sketches:
    """Sketches of every readable record, by key (pass 1)."""
    sketches = Sketches()
    for key, doc in keyed_documents(records, part):
        sketches.add(key, doc.text)
    return sketches.compact()


class TextStore:
    """Clustered articles on disk (SQLite in a temporary directory), by key: each one's id,
    text, source and ignore comments, what its findings are judged by
    (:meth:`Scanner.settle_corpus_findings`)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="spinscan-crossdoc-")
        self._db = sqlite3.connect(Path(self._dir.name) / "texts.sqlite")
        self._db.execute("CREATE TABLE texts (key TEXT PRIMARY KEY, id TEXT, text TEXT, "
                         "source TEXT, comments BLOB)")

    def add(self, items: Iterable[StoredText]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO texts VALUES (?, ?, ?, ?, ?)", items)
        self._db.commit()

    def documents(self, keys: list[str]) -> list[tuple[str, Document]]:
        """The stored documents of ``keys``, in that order, with their keys."""
        found = {row[0]: row[1:] for row in self._db.execute(
            f"SELECT * FROM texts WHERE key IN ({','.join('?' * len(keys))})", keys)}
        return [(key, _document(*found[key])) for key in keys if key in found]

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


StoredText = tuple[str, str, str, str | None, bytes | None]  # key, id, text, source, comments


def _document(record_id: str, text: str, source: str | None, comments: bytes | None) -> Document:
    metadata = ({IGNORE_COMMENTS: [IgnoreComment(*c) for c in orjson.loads(comments)]}
                if comments else {})
    return Document(text, id=record_id, source=source, metadata=metadata)


def member_texts(records: Iterable[InputRecord], wanted: set[str],
                 part: int = 0) -> Iterator[StoredText]:
    """What the store keeps of the records whose keys are wanted (pass 2)."""
    for key, doc in keyed_documents(records, part, wanted):
        comments = doc.metadata.get(IGNORE_COMMENTS)
        yield (key, doc.id, doc.text, doc.source,
               orjson.dumps([list(c) for c in comments]) if comments else None)


def analyze(clusters: list[list[str]], store: TextStore, spins: dict[str, float | None],
            scanner: Scanner) -> tuple[list[ClusterReport], dict[str, list[Finding]]]:
    """Analyse every cluster (of keys); return the reports and the SPN100 findings by key.
    The findings are settled by ``scanner``'s configuration (ignores, severity, baseline)."""
    (rule,) = (r for r in scanner.corpus_rules if r.id == RULE_ID)
    reports, findings = [], {}
    for keys in clusters:
        stored = store.documents(keys)
        if len(stored) < 2:
            continue
        report, found = analyze_cluster([doc for _, doc in stored],
                                        [spins.get(key) for key, _ in stored])
        reports.append(report)
        for k, (key, doc) in enumerate(stored):
            settled = scanner.settle_corpus_findings(rule, doc, found.get(k, []))
            if settled:
                findings[key] = settled
    return reports, findings


def spin_scores(records: Iterable[dict[str, Any]], wanted: set[str],
                part: int = 0) -> dict[str, float | None]:
    """Spin scores of the published records whose keys are wanted, by key."""
    keys = RecordKeys(part)
    scores = {}
    for record in records:
        key = keys(record["id"])
        if key in wanted:
            scores[key] = (record.get("scores") or {}).get("spin")
    return scores


def add_findings(record: dict[str, Any], new: list[Finding]) -> dict[str, Any]:
    """The record with its cross-copy findings replaced by ``new`` (what :func:`analyze`
    found for its key; kept sorted as the engine sorts: by start, then rule)."""
    old = record.get("findings") or []
    if not new and not any(f["rule"] == RULE_ID for f in old):
        return record
    merged = [f for f in old if f["rule"] != RULE_ID] + [f.to_dict() for f in new]
    merged.sort(key=lambda f: (f["start"] if f["start"] is not None else -1, f["rule"]))
    return {**record, "findings": merged}


def clusters_path(output: str, directory: bool) -> str:
    """Where the cluster report goes: beside a JSONL output file, inside an output that is a
    ``directory`` (Parquet, or the Dask engine's parts)."""
    if directory:
        return in_directory(output, "clusters.jsonl")
    return output.removesuffix(".jsonl") + ".clusters.jsonl"


def write_clusters(path: str, reports: list[ClusterReport]) -> None:
    with open_output(path) as out:
        for report in reports:
            out.write((dumps(report.to_dict()) + "\n").encode("utf-8"))


def apply_crossdoc(options, scanner: Scanner, records: Callable[[], Iterable[InputRecord]],
                   summary: AuditSummary | None = None) -> CrossDocOutcome:
    """Run the stage for a local audit with ``scanner``'s configuration; ``records()`` reads
    the inputs afresh. Every rewritten record is also added to ``summary`` (so the output need
    not be read once more for it)."""
    clusters = sketch(records()).clusters()
    wanted = {key for keys in clusters for key in keys}
    store = TextStore()
    try:
        store.add(member_texts(records(), wanted))
        spins = spin_scores(iter_output(options.output, options.fmt), wanted)
        reports, findings = analyze(clusters, store, spins, scanner)
    finally:
        store.close()
    keys = RecordKeys()

    def update(record: dict[str, Any]) -> dict[str, Any]:
        record = add_findings(record, findings.get(keys(record["id"]), []))
        if summary is not None:
            summary.add(record)
        return record

    rewrite_output(options.output, options.fmt, update)
    return finish(clusters_path(options.output, options.fmt == "parquet"), reports, findings)


def finish(path: str, reports: list[ClusterReport],
           findings: dict[str, list[Finding]]) -> CrossDocOutcome:
    """Write the cluster report and say what was found (after the output is patched)."""
    write_clusters(path, reports)
    return CrossDocOutcome(len(reports), sum(len(r.members) for r in reports), len(findings),
                           path)
