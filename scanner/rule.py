"""The Rule base class: one rule = id, name, category, severity, docs, examples, check.

A Python rule subclasses :class:`Rule`, sets the class attributes and implements
:meth:`Rule.check`. Declarative YAML rules (see :mod:`scanner.packs`) build the same objects,
so the registry, the CLI and the example tests treat every rule alike.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from scanner.document import Document
from scanner.finding import Category, Example, Finding, Severity


class Rule:
    """Base class of every rule.

    Subclasses set ``id`` (stable code such as ``TYP001``), ``name`` (kebab-case), ``category``,
    ``severity`` (default), ``summary`` (one line), ``docs`` (what it does / why it matters),
    ``examples`` (must-flag and must-not-flag texts) and implement ``check``.
    ``options`` holds per-rule settings (defaults here, overridable from config).
    """

    id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[Category]
    severity: Severity = Severity.WARNING
    summary: ClassVar[str] = ""
    docs: ClassVar[str] = ""
    examples: ClassVar[list[Example]] = []
    default_options: ClassVar[dict[str, Any]] = {}
    origin: str = "builtin"
    runs_on: ClassVar[str] = "document"
    """``document``: ``check`` runs on each document; ``corpus``: see :class:`CorpusRule`."""

    def __init__(self, **options: Any) -> None:
        self.options = {**self.default_options, **options}

    def check(self, doc: Document) -> Iterable[Finding]:  # pragma: no cover - abstract
        """Yield the findings of this rule on ``doc``."""
        raise NotImplementedError

    def prepare(self, docs: list[Document]) -> None:
        """Called by the engine with a batch of documents before ``check`` runs on each: a rule
        may do work for all of them at once here (memoised in ``doc.cache``). ``check`` must
        give the same findings whether or not this ran."""

    # ----- helpers for subclasses --------------------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int | None,
        end: int | None,
        message: str,
        *,
        suggestion: str | None = None,
        data: dict[str, Any] | None = None,
        excerpt: str | None = None,
    ) -> Finding:
        """Build a finding of this rule; the excerpt defaults to ``doc.text[start:end]``."""
        if excerpt is None and start is not None and end is not None:
            excerpt = doc.text[start:end]
        return Finding(
            rule=self.id,
            name=self.name,
            category=self.category,
            severity=self.severity,
            message=message,
            start=start,
            end=end,
            excerpt=excerpt,
            suggestion=suggestion,
            data=data,
        )

    def describe(self) -> dict[str, Any]:
        """Docs and examples as plain data (for ``spinscan rule ID`` and JSON listings)."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "summary": self.summary,
            "docs": self.docs.strip(),
            "origin": self.origin,
            "examples": [
                {"text": e.text, "title": e.title, "flagged": e.flagged} for e in self.examples
            ],
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.name}>"


class CorpusRule(Rule):
    """A rule whose evidence is a set of documents (copies of one story, pages of one site),
    gathered by a stage of ``spinscan audit``; it finds nothing in a document alone. A corpus
    rule that ``runs_on`` "corpus" runs in its audit stage only; one that runs on "document"
    reads what the stage put in the document's metadata. Its examples are one corpus: checked
    together (:meth:`check_corpus`), each ``flag`` example must get findings and no ``ok``
    example may."""

    runs_on = "corpus"

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()

    def check_corpus(self, docs: list[Document]) -> dict[str, list[Finding]]:  # pragma: no cover
        """Findings by document id over ``docs``."""
        raise NotImplementedError


def flag(text: str, title: str | None = None) -> Example:
    """A must-flag example."""
    return Example(text=text, title=title, flagged=True)


def ok(text: str, title: str | None = None) -> Example:
    """A must-not-flag example."""
    return Example(text=text, title=title, flagged=False)


def line_findings(rule: Rule, doc: Document, line_indices: Iterable[int], message: str,
                  **kwargs: Any) -> Iterator[Finding]:
    """One finding per run of consecutive flagged lines (blank lines inside a run join it)."""
    lines = doc.lines
    run: list[int] = []
    for index in sorted(set(line_indices)):
        if run and any(lines[j].text.strip() for j in range(run[-1] + 1, index)):
            yield _run_finding(rule, doc, run, message, **kwargs)
            run = []
        run.append(index)
    if run:
        yield _run_finding(rule, doc, run, message, **kwargs)


def _run_finding(rule: Rule, doc: Document, run: list[int], message: str, **kwargs: Any) -> Finding:
    first, last = doc.lines[run[0]], doc.lines[run[-1]]
    data = {"lines": len(run), **(kwargs.pop("data", None) or {})}
    return rule.finding(doc, first.start, last.end, message, data=data, **kwargs)
