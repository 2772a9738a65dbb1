"""Expand paths and read each input (file, URL or stdin) as a stream of :class:`InputRecord`.

Reading never raises for a bad record: an unreadable, binary, undecodable, empty or oversized
file, or a malformed line, becomes a record with ``error`` set, so every input yields exactly
one output. Only a path that does not exist is an :class:`InputError` (a usage error); a
broken symbolic link exists, and is an error record. The
formats themselves live in :mod:`scanner.io.formats`.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from scanner.io.detect import is_supported
from scanner.io.formats import read_path, read_stdin
from scanner.io.opener import is_url, local_path, url_problem
from scanner.io.options import ReadOptions
from scanner.io.records import InputRecord


class InputError(ValueError):
    """An input path cannot be used at all (it does not exist)."""


def read_files(files: Iterable[str], options: ReadOptions) -> Iterator[InputRecord]:
    """Records from inputs already expanded by :func:`expand_paths` (files, URLs, ``-``)."""
    for path in files:
        yield from read_stdin(options) if path == "-" else read_path(path, options)


def expand_paths(paths: Iterable[str], skipped: list[str] | None = None) -> list[str]:
    """Check every path exists; expand globs, and directories to their supported files
    (recursive, sorted, hidden ones skipped). URLs (``s3://...``) are kept as given, and so
    are broken symbolic links, which are read as one error record each. The files a directory
    walk leaves out for their name (no known suffix; hidden ones aside) are added to
    ``skipped`` when given."""
    expanded: list[str] = []
    for path in paths:
        path = local_path(path)  # file:///a/b is the local file /a/b
        problem = is_url(path) and url_problem(path, must_exist=True)
        if problem:
            raise InputError(f"{path}: {problem}")
        if path == "-" or is_url(path):
            expanded.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            files, unlisted = _walk(p)
            for f in files:
                if f.is_file() or _broken_link(f):
                    if is_supported(f.name):
                        expanded.append(str(f))
                    elif skipped is not None:
                        skipped.append(str(f))
            expanded += map(str, unlisted)  # each read as one error record
        elif p.exists() or _broken_link(p):
            expanded.append(path)
        elif glob.has_magic(path) and glob.glob(path, recursive=True):
            expanded += expand_paths(sorted(glob.glob(path, recursive=True)), skipped)
        else:
            raise InputError(f"{path}: no such file or directory")
    return expanded


def _walk(directory: Path) -> tuple[list[Path], list[Path]]:
    """``(files, unlisted)``: every entry under ``directory`` that is no directory, sorted,
    and the directories that cannot be listed (QA pass 27: an unreadable subdirectory was
    skipped in silence); hidden files and directories left out, symbolic links to
    directories not followed."""
    files: list[Path] = []
    unlisted: list[Path] = []
    def refused(exc: OSError) -> None:
        unlisted.append(Path(exc.filename))

    for root, dirs, names in os.walk(directory, onerror=refused):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files), sorted(unlisted)


def hidden_within(path: Path, directory: Path) -> bool:
    """Whether ``path`` lies in a hidden file or directory under ``directory`` (a name that
    starts with "."), which a directory walk skips."""
    return any(part.startswith(".") for part in path.relative_to(directory).parts)


def _broken_link(path: Path) -> bool:
    """A symbolic link whose target does not exist (or a loop of links)."""
    return path.is_symlink() and not path.exists()
