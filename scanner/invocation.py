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


def check_outputs(outputs: dict[str, str | None], inputs: Iterable[str],
                  directories: Iterable[str] = ()) -> None:
    """Refuse outputs (option -> path) that cannot be written: an output's directory is
    missing; it is an existing directory (unless its option is among ``directories``); it is
    one of the ``inputs`` (writing would empty it before it is read); or two options name one
    file (the later writer would overwrite the other's output). The inputs are resolved at
    most once, and only when an output already exists."""
    seen: dict[Path, str] = {}
    resolved_inputs: set[Path] | None = None
    for option, path in outputs.items():
        if path is None or path == "-" or is_url(path):
            continue
        target = Path(path)
        if not target.parent.is_dir():
            raise UsageError(f"{option} {path}: the directory {target.parent} does not exist")
        if target.is_dir() and option not in directories:
            raise UsageError(f"{option} {path}: is a directory, not a file")
        resolved = target.resolve()
        if resolved in seen:
            raise UsageError(f"{option} {path}: is also the {seen[resolved]} file")
        seen[resolved] = option
        if target.exists():  # a file that does not exist yet is no input
            if resolved_inputs is None:
                resolved_inputs = {Path(source).resolve() for source in inputs
                                   if source != "-" and not is_url(source)}
            if resolved in resolved_inputs:
                raise UsageError(f"{option} {path}: is also an input; writing it would "
                                 "destroy it")
