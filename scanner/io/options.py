"""ReadOptions: how input records are read (size limit, field names, forced format), and the
command-line arguments that name the inputs and set those options (``scan`` and ``audit``
share them)."""
from __future__ import annotations

import argparse
from dataclasses import dataclass

FIELDS = ("text", "html", "title", "id", "url")


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
        for part in FIELDS:
            name = getattr(self, f"{part}_field")
            if not name.strip():
                raise ValueError(f"--{part}-field must name a field, not {name!r}")


def add_paths_argument(parser) -> None:
    """Add the ``PATH`` arguments of ``scan`` and ``audit``, with every kind of input the
    readers take (:mod:`scanner.io.detect`, :func:`scanner.io.sources.expand_paths`)."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (recursive), globs, fsspec URLs or - (stdin): "
                             ".txt/.md/.html, .jsonl, .csv/.tsv, .warc, RSS/Atom feeds, each "
                             "also gzipped (.gz)")


def add_field_options(group) -> None:
    """Add ``--text-field`` ... ``--url-field`` to an argparse parser or group."""
    for name in FIELDS:
        group.add_argument(f"--{name}-field", default=name, metavar="NAME",
                           help=f"field holding the {name} (dots reach into objects; "
                                f"default {name!r})")


def read_options(args: argparse.Namespace, max_bytes: int) -> ReadOptions:
    """The ReadOptions of a command line with :func:`add_field_options` and
    ``--input-format``."""
    return ReadOptions(max_bytes=max_bytes, format=args.input_format,
                       **{f"{name}_field": getattr(args, f"{name}_field") for name in FIELDS})
