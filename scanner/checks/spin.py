"""Spin: word pairs broken by a synonym-swapping spinner (SPN001)."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.rule import Rule, flag, ok
from scanner.spin import analyse, is_english
from scanner.spin.analysis import Analysis
from scanner.spin.tables import tables
from scanner.spin.tokens import token_spans

SIDE_EVIDENCE = 0.5  # a neighbour joins the excerpt when its pair gains this much


class CollocationBreak(Rule):
    id = "SPN001"
    name = "collocation-break"
    category = Category.SPIN
    severity = Severity.WARNING
    summary = "Improbable word pair whose synonym variant is common English (spun text)"
    docs = """
Article spinners replace words by thesaurus entries without regard to sense or collocation:
"national security strategy" becomes "nationwide security method", "humanitarian aid"
becomes "humanitarian help", "a joint statement" becomes "a joint declaration". For every
content word next to a word pair absent from the collocation table, the rule puts back each
candidate original (WordNet and MyThes relations, inflected) and measures how much the
association (log10 PMI against a table of a million word pairs from books and clean news)
of the two neighbouring pairs improves. Strong gains are warnings, weaker ones infos; the
suggestion is the likely original wording. Options: `info_gain`, `warning_gain` (log10 units).
Clean professional news rarely triggers it; an isolated info is weak evidence, many of them
in one article are strong (see `scores.spin`).
"""
    default_options = {"info_gain": 3.5, "warning_gain": 5.0}
    examples = [
        flag("Japan's government released a brand-new nationwide security method in December."),
        flag("The agency offered humanitarian help and non-combative defense devices."),
        flag("In a joint declaration released later on, the 2 leaders raised issue about it."),
        ok("Japan's government released a new national security strategy in December."),
        ok("The agency offered humanitarian aid and non-lethal defence equipment."),
        ok("In a joint statement released later, the two leaders raised concerns about it."),
        ok("Le gouvernement japonais a publié une nouvelle stratégie de sécurité nationale."),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        if not is_english(doc):
            return
        analysis = analyse(doc)
        info = float(self.options["info_gain"])
        strong = float(self.options["warning_gain"])
        flagged = np.flatnonzero(analysis.gain >= info)
        if not len(flagged):
            return
        spans = token_spans(doc.text)
        for group in _groups(analysis, flagged):
            yield self._finding(doc, analysis, spans, group, strong)

    def _finding(self, doc: Document, analysis: Analysis, spans: list[tuple[int, int]],
                 group: list[int], strong: float) -> Finding:
        words = tables().words
        first, last = _extent(analysis, group[0])[0], _extent(analysis, group[-1])[1]
        start, end = spans[first][0], spans[last][1]
        parts, pos = [], start
        for j in group:
            token_start, token_end = spans[analysis.sites[j]]
            written = doc.text[token_start:token_end]
            original = words[analysis.best[j]]
            if written[:1].isupper():
                original = original[:1].upper() + original[1:]
            parts += [doc.text[pos:token_start], original]
            pos = token_end
        parts.append(doc.text[pos:end])
        suggestion = "".join(parts)
        gain = float(analysis.gain[group].max())
        finding = self.finding(
            doc, start, end,
            f"Unidiomatic wording '{doc.text[start:end]}': looks like a synonym swap "
            f"(likely original: '{suggestion}')",
            suggestion=suggestion, data={"gain": round(gain, 2)})
        if gain < strong:
            finding.severity = Severity.INFO
        return finding


def _extent(analysis: Analysis, j: int) -> tuple[int, int]:
    """Token range ``[first, last]`` of site ``j`` plus the neighbours that carry its evidence."""
    k = int(analysis.sites[j])
    first = k - 1 if analysis.left_gain[j] >= SIDE_EVIDENCE else k
    last = k + 1 if analysis.right_gain[j] >= SIDE_EVIDENCE else k
    return first, last


def _groups(analysis: Analysis, flagged: np.ndarray) -> list[list[int]]:
    """Flagged sites whose excerpts touch or overlap, merged into one finding each."""
    groups: list[list[int]] = []
    last_end = -2
    for j in flagged.tolist():
        first, last = _extent(analysis, j)
        if groups and first <= last_end + 1:
            groups[-1].append(j)
        else:
            groups.append([j])
        last_end = max(last_end, last) if len(groups[-1]) > 1 else last
    return groups


RULES = [CollocationBreak]
