"""InputRecord: one article as read, before scanning (or the reason it could not be read)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class InputRecord:
    """One input record. Exactly one of ``text``/``html``/``error`` carries the content.

    ``id`` is the record's own id as given (for files, the path as given).
    """

    id: str
    source: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    error: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
