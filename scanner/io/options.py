"""ReadOptions: how input records are read (size limit, field names, forced format)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadOptions:
    """Settings shared by every reader.

    The ``*_field`` names say where JSONL objects and CSV rows keep each part of a record
    (a dotted name such as ``meta.url`` reaches into nested objects). ``format`` forces one
    format for every path instead of detecting it (``text``, ``markdown``, ``html``, ``jsonl``,
    ``csv``, ``warc``, ``feed``). A blank field name is refused.
    """

    max_bytes: int = 5_000_000
    text_field: str = "text"
    html_field: str = "html"
    title_field: str = "title"
    id_field: str = "id"
    url_field: str = "url"
    format: str | None = None

    def __post_init__(self) -> None:
        """A blank field name is a usage error (a ValueError naming its option): it would
        match no field, and every record would be read without that part."""
        for part in ("text", "html", "title", "id", "url"):
            name = getattr(self, f"{part}_field")
            if not name.strip():
                raise ValueError(f"--{part}-field must name a field, not {name!r}")
