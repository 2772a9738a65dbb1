"""Checks of how spinscan was called, made before any document is read or any output opened.

A run that could only fail at its end (an output in a directory that does not exist) or that
would destroy its input (an output written over an input file) is refused up front as a
usage error (exit 2), and so is a run that finds no document at all to scan: a gate that
passes on nothing would pass by mistake.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from scanner.io.detect import FORMATS
from scanner.io.sources import expand_paths, is_url


class UsageError(ValueError):
    """A problem with how spinscan was called; printed as one line, exit 2."""


def input_files(paths: Iterable[str]) -> list[str]:
    """The inputs ``paths`` name (see :func:`expand_paths`); a usage error when they hold no
    supported file or name stdin twice."""
    paths = list(paths)
    if paths.count("-") > 1:
        raise UsageError("- (stdin) can be read only once")
    files = expand_paths(paths)
    if not files:
        raise UsageError(f"no file to scan in {', '.join(paths)} (a directory walk takes "
                         f"{', '.join(FORMATS)} files by their suffix, also gzipped)")
    return files


def check_output(path: str | None, option: str, inputs: Iterable[str],
                 directory: bool = False) -> None:
    """Refuse an output ``path`` (given with ``option``) that cannot be written: its directory
    is missing, it is an existing directory (unless ``directory`` outputs are expected), or it
    is one of the ``inputs`` (writing would empty it before it is read)."""
    if path is None or path == "-" or is_url(path):
        return
    target = Path(path)
    if not target.parent.is_dir():
        raise UsageError(f"{option} {path}: the directory {target.parent} does not exist")
    if target.is_dir() and not directory:
        raise UsageError(f"{option} {path}: is a directory, not a file")
    resolved = target.resolve()
    for source in inputs:
        if source != "-" and not is_url(source) and Path(source).resolve() == resolved:
            raise UsageError(f"{option} {path}: is also an input; writing it would destroy it")


def check_distinct(outputs: dict[str, str | None]) -> None:
    """Refuse one file given to two output options (option -> path): the later writer would
    overwrite the other's output."""
    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None or path == "-" or is_url(path):
            continue
        target = Path(path).resolve()
        if target in seen:
            raise UsageError(f"{option} {path}: is also the {seen[target]} file")
        seen[target] = option
