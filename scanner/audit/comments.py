"""The ignore comments of an audit's records that ignore nothing, for one warning at the end.

``spinscan scan`` warns of each such comment on a line of its own; a feed can hold thousands
(a CMS template that puts one in every article), so an audit counts them and quotes the first
few (:class:`IgnoreCommentTally`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from scanner.audit.terminal import counted
from scanner.result import ScanResult

QUOTED = 5  # problems the warning quotes


@dataclass
class IgnoreCommentTally:
    """How many ignore comment problems the results carry (a comment or a selector that
    ignores nothing, :attr:`ScanResult.ignore_comment_problems`), in how many records, and the
    first :data:`QUOTED` of them (``record id: problem``, as ``spinscan scan`` words them)."""

    problems: int = 0
    records: int = 0
    first: list[str] = field(default_factory=list)

    def add(self, result: ScanResult) -> None:
        """Count one record's problems."""
        problems = result.ignore_comment_problems
        if problems:
            self.problems += len(problems)
            self.records += 1
            room = QUOTED - len(self.first)  # a feed may carry one in every record
            self.first += [f"{result.id}: {p}" for p in problems[:room]]

    def merge(self, other: IgnoreCommentTally) -> None:
        """Add the tally of the records that come after this one's (another partition's)."""
        self.problems += other.problems
        self.records += other.records
        self.first = (self.first + other.first)[:QUOTED]

    def warning(self) -> str | None:
        """The end-of-run warning, or None when there is nothing to warn of."""
        if not self.problems:
            return None
        which = f", the first {len(self.first)}" if len(self.first) < self.problems else ""
        quoted = "".join(f"\n  {problem}" for problem in self.first)
        return (f"spinscan: warning: {counted(self.problems, 'ignore comment problem')} in "
                f"{counted(self.records, 'record')} (comments or selectors that ignore "
                f"nothing){which}:{quoted}")
