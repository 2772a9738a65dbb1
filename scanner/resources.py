"""Find the shipped data directories (``rules/``, ``models/``).

In a wheel they are package data under ``scanner/_data/``; in a source checkout or an
editable install they sit beside the ``scanner`` package at the repository root.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root(kind: str) -> Path:
    """The directory holding ``kind`` (``"rules"`` or ``"models"``)."""
    for candidate in (_PACKAGE_DIR / "_data" / kind, _PACKAGE_DIR.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"spinscan data directory {kind!r} not found near {_PACKAGE_DIR}")


def data_path(kind: str, *parts: str) -> Path:
    """Path of a shipped file, e.g. ``data_path("models", "spin", "model.skops")``."""
    return data_root(kind).joinpath(*parts)
