"""Per-record limits that protect a long run from one pathological record."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from scanner.io.records import InputRecord, record_name

DEFAULT_MAX_WORDS = 200_000  # a long-form article has ~10k; a million-word record is an accident


def enforce_word_limit(records: Iterable[InputRecord],
                       max_words: int = DEFAULT_MAX_WORDS) -> Iterator[InputRecord]:
    """Pass records through, turning those with more than ``max_words`` words into error
    records (the word views a scan builds would cost memory in proportion)."""
    for record in records:
        content = record.text if record.text is not None else record.html
        # every word needs at least two characters with its separator: a cheap pre-check
        if content is not None and len(content) > 2 * max_words:
            words = len(content.split())
            if words > max_words:
                record = InputRecord(id=record.id, source=record.source, origin=record.origin,
                                     title=record.title,
                                     error=f"{record_name(record)}: {words} words, above the "
                                           f"{max_words}-word limit (--max-words)")
        yield record
