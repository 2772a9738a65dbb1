"""Shared fixtures: the seeds, the ../shared data directory, and a helper to scan text."""
from __future__ import annotations

from pathlib import Path

import pytest

from scanner.engine import make_document
from scanner.io.records import InputRecord

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that data is not on this machine."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared data set {path} (not present on this machine)")
    return path


def doc_of(text: str, title: str | None = None, **metadata):
    """A Document as the engine builds it from a record (title inferred when not given)."""
    return make_document(InputRecord(id="t", source="t", text=text, title=title, metadata=metadata))
