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
    repeated: int = 0
    """Records left out of the clustering because their id is repeated in the inputs."""
    example: str | None = None

    def describe(self) -> str:
        return (f"Cross-article: {self.clusters:,} clusters of copies of one story "
                f"({self.clustered_articles:,} articles); {self.flagged_copies:,} copies flagged "
                f"with cross-copy substitutions ({RULE_ID}) -> {self.report_path}")

    def warning(self) -> str | None:
        """The stderr warning about the records the stage left out, if any."""
        if not self.repeated:
            return None
        return (f"spinscan: warning: --crossdoc left {self.repeated:,} records out of the "
                f"clusters: their ids (e.g. {self.example!r}) are repeated in the inputs, and "
                "the output could not tell their findings apart")


def readable_documents(records: Iterable[InputRecord]) -> Iterator[Document]:
    """The scanned text of every record that can be read (as the engine builds it)."""
    for record in records:
        if record.error is None:
            yield make_document(record)


def sketch(records: Iterable[InputRecord]) -> tuple[Sketches, Counter[str]]:
    """Sketches of every readable record (pass 1), and how many records hold each id (the
    path in it normalised, :func:`path_key`, as the output is matched)."""
    sketches, ids = Sketches(), Counter()

    def counted(records: Iterable[InputRecord]) -> Iterator[InputRecord]:
        for record in records:
            ids[path_key(record.id)] += 1
            yield record

    for doc in readable_documents(counted(records)):
        sketches.add(doc.id, doc.text)
    return sketches.compact(), ids


def clusters_of_distinct_ids(sketches: Sketches, ids: Counter[str]
                             ) -> tuple[list[list[str]], int, str | None]:
    """The clusters of the records whose id no other record holds (the stage keys texts, spin
    scores and findings by id: a repeated id would give two copies one score and one set of
    findings), with the number of records left out and one of their ids."""
    repeated = {key for key, count in ids.items() if count > 1}
    if repeated:
        sketches = sketches.without(lambda record_id: path_key(record_id) in repeated)
    left_out = sum(ids[key] for key in repeated)
    return sketches.clusters(), left_out, min(repeated) if repeated else None


class TextStore:
    """Clustered articles on disk (SQLite in a temporary directory): each one's text, source
    and ignore comments, what its findings are judged by (:meth:`Scanner.settle_corpus_findings`)."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="spinscan-crossdoc-")
        self._db = sqlite3.connect(Path(self._dir.name) / "texts.sqlite")
        self._db.execute("CREATE TABLE texts (id TEXT PRIMARY KEY, text TEXT, source TEXT, "
                         "comments BLOB)")

    def add(self, items: Iterable[StoredText]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO texts VALUES (?, ?, ?, ?)", items)
        self._db.commit()

    def documents(self, ids: list[str]) -> list[Document]:
        found = {row[0]: row for row in self._db.execute(
            f"SELECT * FROM texts WHERE id IN ({','.join('?' * len(ids))})", ids)}
        return [_document(*found[i]) for i in ids if i in found]

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()


StoredText = tuple[str, str, str | None, bytes | None]  # id, text, source, ignore comments


def _document(record_id: str, text: str, source: str | None, comments: bytes | None) -> Document:
    metadata = ({IGNORE_COMMENTS: [IgnoreComment(*c) for c in orjson.loads(comments)]}
                if comments else {})
    return Document(text, id=record_id, source=source, metadata=metadata)


def member_texts(records: Iterable[InputRecord], wanted: set[str]) -> Iterator[StoredText]:
    """What the store keeps of the wanted records (pass 2)."""
    for doc in readable_documents(r for r in records if r.id in wanted):
        comments = doc.metadata.get(IGNORE_COMMENTS)
        yield (doc.id, doc.text, doc.source,
               orjson.dumps([list(c) for c in comments]) if comments else None)


def analyze(clusters: list[list[str]], store: TextStore, spins: dict[str, float | None],
            scanner: Scanner) -> tuple[list[ClusterReport], dict[str, list[Finding]]]:
    """Analyse every cluster; return the reports and the SPN100 findings by record id, the
    path in it normalised (:func:`path_key`, as :func:`add_findings` looks them up). The
    findings are settled by ``scanner``'s configuration (ignores, severity, baseline)."""
    (rule,) = (r for r in scanner.corpus_rules if r.id == RULE_ID)
    reports, findings = [], {}
    for ids in clusters:
        docs = store.documents(ids)
        if len(docs) < 2:
            continue
        report, found = analyze_cluster(docs, spins)
        reports.append(report)
        for doc in docs:
            settled = scanner.settle_corpus_findings(rule, doc, found.get(doc.id, []))
            if settled:
                findings[path_key(doc.id)] = settled
    return reports, findings


def spin_scores(records: Iterable[dict[str, Any]], wanted: set[str]) -> dict[str, float | None]:
    """Spin scores of the wanted (input) ids from published records. A resumed run may have
    published a record under another spelling of its file's path (``./feed.jsonl:3`` for
    ``feed.jsonl:3``): records are matched with the paths normalised (:func:`path_key`)."""
    by_key = {path_key(record_id): record_id for record_id in wanted}
    scores = {}
    for record in records:
        record_id = by_key.get(path_key(record["id"]))
        if record_id is not None:
            scores[record_id] = (record.get("scores") or {}).get("spin")
    return scores


def add_findings(record: dict[str, Any], findings: dict[str, list[Finding]]) -> dict[str, Any]:
    """The record with its cross-copy findings replaced by those :func:`analyze` found for it
    (kept sorted as the engine sorts: by start, then rule)."""
    old = record.get("findings") or []
    new = findings.get(path_key(record["id"]), [])
    if not new and not any(f["rule"] == RULE_ID for f in old):
        return record
    merged = [f for f in old if f["rule"] != RULE_ID] + [f.to_dict() for f in new]
    merged.sort(key=lambda f: (f["start"] if f["start"] is not None else -1, f["rule"]))
    return {**record, "findings": merged}


def clusters_path(output: str, fmt: str) -> str:
    """Where a local audit's cluster report goes: beside a JSONL output file, inside a
    Parquet directory."""
    if fmt == "parquet":
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
    clusters, repeated, example = clusters_of_distinct_ids(*sketch(records()))
    wanted = {i for ids in clusters for i in ids}
    store = TextStore()
    try:
        store.add(member_texts(records(), wanted))
        spins = spin_scores(iter_output(options.output, options.fmt), wanted)
        reports, findings = analyze(clusters, store, spins, scanner)
    finally:
        store.close()

    def update(record: dict[str, Any]) -> dict[str, Any]:
        record = add_findings(record, findings)
        if summary is not None:
            summary.add(record)
        return record

    rewrite_output(options.output, options.fmt, update)
    return finish(clusters_path(options.output, options.fmt), reports, findings, repeated,
                  example)


def finish(path: str, reports: list[ClusterReport], findings: dict[str, list[Finding]],
           repeated: int = 0, example: str | None = None) -> CrossDocOutcome:
    """Write the cluster report and say what was found (after the output is patched)."""
    write_clusters(path, reports)
    return CrossDocOutcome(len(reports), sum(len(r.members) for r in reports), len(findings),
                           path, repeated, example)
