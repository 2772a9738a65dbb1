"""Suppression: accepted phrases, inline ignore comments, path/domain ignores and baselines.

- ``allow``: phrases (house terms) accepted anywhere; a finding lying inside an occurrence of
  one is dropped.
- Inline comments ``<!-- spinscan: ignore[RULE, ...] -->`` (on one line) drop the named rules'
  findings on the comment's line and the next non-blank line; ``<!-- spinscan: ignore-file[RULE] -->``
  drops them in the whole document. In HTML input both forms apply to the whole page (the
  visible text no longer has the comment's position). Selectors are ids, prefixes, names or
  categories, as on the command line. The rules never see these comments: in a text they are
  blanked out (:func:`without_ignore_comments`) before the scan, offsets unchanged. A comment
  that ignores nothing (:func:`ignore_comment_problems`) is reported by the scanner on its
  record's result, for the caller to warn of.
- ``per-path-ignores`` / ``per-domain-ignores``: rules not run for matching records.
- A baseline file lists accepted findings by fingerprint per record id (a file's path in the
  form of :func:`path_key`), a fingerprint once per accepted finding, so a gate fails only on
  new problems, new copies of an accepted one included (``--write-baseline`` writes one).
"""
from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import orjson

from scanner.config import Config, ConfigError
from scanner.document import Document
from scanner.finding import Finding, fingerprint_copies
from scanner.registry import Registry, matches, selector_matches
from scanner.rule import Rule

if TYPE_CHECKING:
    from scanner.io.records import Origin

_INLINE_RE = re.compile(r"<!--\s*spinscan:\s*ignore(-file)?\[([^\]\n]*)\]\s*-->", re.IGNORECASE)
_OPENER_RE = re.compile(r"<!--\s*spinscan:", re.IGNORECASE)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")
BASELINE_VERSION = 2  # 2: a fingerprint listed once per accepted copy; 1: listed once, any copies
_ANY_COPIES = float("inf")  # how many copies a version-1 baseline accepts of what it lists
IGNORE_COMMENTS = "ignore_comments"  # the document metadata key of its ignore comments


class IgnoreComment(NamedTuple):
    """An inline ignore comment: where it starts, whether it covers the whole document, and
    its rule selectors."""

    start: int
    whole_document: bool
    selectors: list[str]


def ignore_comments(text: str) -> list[IgnoreComment]:
    """The inline ignore comments of ``text`` (no regex runs on a text without "spinscan")."""
    if "spinscan" not in text:
        return []
    return [IgnoreComment(m.start(), bool(m.group(1)),
                          [s.strip() for s in m.group(2).split(",") if s.strip()])
            for m in _INLINE_RE.finditer(text)]


def page_ignore_comments(html: str) -> list[IgnoreComment]:
    """The inline ignore comments of an HTML page, each for the whole page (the visible text
    no longer has the comment's position)."""
    return [comment._replace(whole_document=True) for comment in ignore_comments(html)]


def without_ignore_comments(text: str) -> tuple[str, list[IgnoreComment]]:
    """``text`` with its ignore comments blanked out (spaces, so that every offset stays), and
    the comments: instructions to spinscan are no article text for the rules to judge."""
    comments = ignore_comments(text)
    if not comments:
        return text, []
    return _INLINE_RE.sub(lambda m: _NOT_NEWLINE_RE.sub(" ", m.group()), text), comments


def ignore_comment_problems(text: str, comments: Iterable[IgnoreComment],
                            registry: Registry) -> list[str]:
    """What is wrong with the ``<!-- spinscan: ... -->`` comments of ``text``, whose ignore
    comments are ``comments``, one line each: a comment that is not a well-formed ignore
    comment (it stays ordinary text), and one that names no rule of ``registry`` or a selector
    that matches none (it ignores nothing)."""
    if "spinscan" not in text:
        return []
    by_start = {comment.start: comment for comment in comments}
    problems = []
    for opener in _OPENER_RE.finditer(text):
        where = f"line {text.count(chr(10), 0, opener.start()) + 1}"
        comment = by_start.get(opener.start())
        if comment is None:
            excerpt = text[opener.start():].split("\n", 1)[0][:60]
            problems.append(f"{where}: {excerpt!r} is not an ignore comment "
                            "(<!-- spinscan: ignore[RULE, ...] --> or ignore-file[...])")
            continue
        if not comment.selectors:
            problems.append(f"{where}: the ignore comment names no rule")
        problems += [f"{where}: ignore comment selector {selector!r} matches no rule"
                     for selector in comment.selectors if not registry.matches_any(selector)]
    return problems


class Suppressor:
    """Applies every suppression mechanism of a configuration."""

    def __init__(self, config: Config) -> None:
        self.allow = [re.compile(re.escape(p), re.IGNORECASE) for p in config.allow if p.strip()]
        self.per_path = [({pattern, glob_key(pattern)}, selectors)
                         for pattern, selectors in config.per_path_ignores.items()]
        self.per_domain = config.per_domain_ignores
        self.baseline = load_baseline(config.baseline) if config.baseline else {}

    def rules_for(self, rules: list[Rule], record_id: str, source: str | None) -> list[Rule]:
        """The rules to run on one record after path and domain ignores."""
        selectors = []
        if self.per_path:  # (path_key's normalisation is per record: only when it is needed)
            names = {record_id, source or "", path_key(record_id), path_key(source or "")}
            selectors = [s for patterns, sel in self.per_path
                         if any(fnmatch.fnmatch(name, pattern)
                                for name in names for pattern in patterns) for s in sel]
        domain = _domain(source)
        if domain:
            selectors += [s for d, sel in self.per_domain.items()
                          if domain == d or domain.endswith("." + d) for s in sel]
        if not selectors:
            return rules
        return [r for r in rules if not any(matches(r, s) for s in selectors)]

    def filter(self, doc: Document, findings: list[Finding],
               origin: Origin | None = None) -> list[Finding]:
        """Findings that survive inline comments, the allow-list and the baseline (``origin``:
        where the document's record was read, which tells a default id, :func:`baseline_key`)."""
        inline = _inline_ignores(doc)
        accepted = (self.baseline.get(baseline_key(doc.id, doc.source, origin))
                    if self.baseline else None)
        allowed_spans = [m.span() for rx in self.allow for m in rx.finditer(doc.text)]
        kept = []
        for finding in findings:
            if finding.start is not None and any(
                s <= finding.start and finding.end <= e for s, e in allowed_spans
            ):
                continue
            if _ignored_inline(finding, doc, inline):
                continue
            kept.append(finding)
        return beyond_baseline(kept, accepted) if accepted else kept


def beyond_baseline(findings: list[Finding], accepted: Counter[str]) -> list[Finding]:
    """``findings`` less those a baseline accepts: as many with a fingerprint as ``accepted``
    counts, the first ones in document order (:func:`fingerprint_copies`)."""
    return [finding for finding, (fingerprint, copy) in zip(findings, fingerprint_copies(findings))
            if copy >= accepted[fingerprint]]


def path_key(name: str) -> str:
    """A record id or path in one form whatever spelling named the file: a local path
    normalised, relative to the working directory (``./wire/a.txt`` and ``/cwd/wire/a.txt``
    are ``wire/a.txt``); any other name as it is."""
    if not name or "://" in name or name.startswith("-"):
        return name
    path = os.path.normpath(name)
    if os.path.isabs(path):
        with suppress(ValueError):  # on another drive (Windows): no relative form
            path = os.path.relpath(path)
    return path if os.sep == "/" else path.replace(os.sep, "/")  # (Path.as_posix: 5x slower)


def glob_key(pattern: str) -> str:
    """A ``per-path-ignores`` glob with its literal leading directories in the form of
    :func:`path_key` (``./wire/*`` and ``/cwd/wire/*`` are ``wire/*``), so that it matches
    what the normalised path of a record would; the rest, from the first component with a
    wildcard (``*``, ``?``, ``[``), as it is."""
    parts = pattern.split("/")
    literal = next((i for i, part in enumerate(parts) if glob.has_magic(part)),
                   len(parts))
    if literal == 0:
        return pattern
    prefix = path_key("/".join(parts[:literal]) or "/")
    return "/".join(([] if prefix == "." else [prefix]) + parts[literal:]) or prefix


def baseline_key(record_id: str, source: str | None, origin: Origin | None = None) -> str:
    """A record's key in a baseline: an id that names where the record was read, a file's
    path or the default id of a record of a file of many (``feed.jsonl:3``, whatever its
    source), in one form (:func:`path_key`), so that ``./docs/a.md`` finds what ``docs/a.md``
    accepted; a record's own id as it is."""
    if record_id == source or (origin is not None and record_id == str(origin)):
        return path_key(record_id)
    return record_id


def _domain(source: str | None) -> str | None:
    if not source or "://" not in source:
        return None
    host = urlsplit(source).hostname or ""
    return host.removeprefix("www.") or None


def _inline_ignores(doc: Document) -> list[tuple[set[int] | None, list[str]]]:
    """``(line indices or None for the whole document, selectors)`` per ignore comment of the
    document (:data:`IGNORE_COMMENTS`)."""
    ignores = []
    for comment in doc.metadata.get(IGNORE_COMMENTS, ()):
        if comment.whole_document:
            ignores.append((None, comment.selectors))
            continue
        line = doc.line_index(comment.start)
        following = next((i for i, _ in doc.nonblank_lines if i > line), line)
        ignores.append(({line, following}, comment.selectors))
    return ignores


def _ignored_inline(finding: Finding, doc: Document, ignores) -> bool:
    for lines, selectors in ignores:
        if lines is not None and (finding.start is None or doc.line_index(finding.start) not in lines):
            continue
        if any(selector_matches(s, finding.rule, finding.name, finding.category.value)
               for s in selectors):
            return True
    return False


def load_baseline(path: str) -> dict[str, Counter[str]]:
    """Accepted fingerprints per record id from a baseline file, each counted as often as it is
    listed (a version-1 file, which listed each once, accepts any number of copies, as it did)."""
    try:
        data = orjson.loads(Path(path).read_bytes())
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc.strerror}") from None
    except orjson.JSONDecodeError as exc:
        raise ConfigError(f"{path}: baseline is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("version") not in (1, BASELINE_VERSION):
        raise ConfigError(f"{path}: not a spinscan baseline (version 1 or {BASELINE_VERSION})")
    findings = data.get("findings", {})
    if not isinstance(findings, dict) or not all(
            isinstance(prints, list) and all(isinstance(p, str) for p in prints)
            for prints in findings.values()):
        raise ConfigError(f"{path}: findings must map record ids to lists of fingerprints "
                          "(strings)")
    if data["version"] == 1:
        return {record_id: Counter(dict.fromkeys(prints, _ANY_COPIES))
                for record_id, prints in findings.items()}
    return {record_id: Counter(prints) for record_id, prints in findings.items()}


def write_baseline(path: str, results: Iterable) -> None:
    """Write every finding of ``results`` (ScanResults) as accepted, a fingerprint once per
    finding; records sharing an id share their accepted findings (as many copies of one as the
    record with the most had)."""
    accepted: dict[str, Counter[str]] = {}
    for result in results:
        if result.findings:
            key = baseline_key(result.id, result.source, result.origin)
            accepted[key] = accepted.get(key, Counter()) | Counter(
                f.fingerprint() for f in result.findings)
    findings = {record_id: sorted(prints.elements()) for record_id, prints in accepted.items()}
    Path(path).write_bytes(orjson.dumps({"version": BASELINE_VERSION, "findings": findings},
                                        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
