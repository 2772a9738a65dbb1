"""Checks of how spinscan was called, made before any document is read or any output opened.

A run that could only fail at its end (an output in a directory that does not exist) or that
would destroy its input (an output written over an input file) is refused up front as a
usage error (exit 2), and so is a run that finds no document at all to scan: a gate that
passes on nothing would pass by mistake.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from scanner.io.detect import FORMATS, is_supported
from scanner.io.opener import local_path, url_problem
from scanner.io.sources import expand_paths, hidden_within, is_url
from scanner.suppress import path_key


class UsageError(ValueError):
    """A problem with how spinscan was called; printed as one line, exit 2."""


def input_files(paths: Iterable[str], skipped: list[str]) -> list[str]:
    """The inputs ``paths`` name (see :func:`expand_paths`); a usage error when they hold no
    supported file, name stdin twice or one file twice (:func:`check_distinct`). Files a
    directory walk leaves out for want of a known suffix are added to ``skipped``, for
    :func:`note_skipped` once the run's other checks have passed."""
    paths = list(paths)
    if paths.count("-") > 1:
        raise UsageError("- (stdin) can be read only once")
    files = expand_paths(paths, skipped)
    check_distinct(files)
    if not files:
        raise UsageError(f"no file to scan in {', '.join(paths)} (a directory walk takes "
                         f"{', '.join(FORMATS)} files by their suffix, also gzipped)")
    return files


def note_skipped(skipped: list[str], outputs: Iterable[str | None]) -> None:
    """Tell in one note on stderr the files a walk skipped (how many, and one of them), leaving
    out the run's own outputs and the file standard output is redirected into (``scan . -f
    sarif > report.sarif`` makes that file before the walk meets it)."""
    written = [Path(path).resolve() for path in outputs
               if path is not None and path != "-" and not is_url(path)]
    redirected = _stdout_file()
    others = [path for path in skipped
              if not (redirected and _names(path, redirected))
              and not (written and any(map(Path(path).resolve().is_relative_to, written)))]
    if others:
        print(skipped_note(others), file=sys.stderr)


def check_distinct(files: list[str]) -> None:
    """Refuse two inputs that name one file however written (``a.jsonl``, ``./a.jsonl``, a
    directory and a file in it): its records would be read, and counted, twice, and the Dask
    engine writes one part per input file."""
    seen: dict[str, str] = {}
    for path in files:
        key = path_key(path)
        if key in seen and path != "-":
            also = "" if seen[key] == path else f" (also as {seen[key]})"
            raise UsageError(f"{path}: the inputs name this file twice{also}, by name or "
                             "through a directory or glob: give it once")
        seen[key] = path


def skipped_note(skipped: list[str]) -> str:
    """The note on files a directory walk skipped: how many, and the first as an example."""
    count = len(skipped)
    files = "1 file" if count == 1 else f"{count} files"
    return (f"spinscan: note: skipped {files} without a known suffix in directories (e.g. "
            f"{skipped[0]}); name {'it' if count == 1 else 'one'} to scan it")


def check_outputs(outputs: dict[str, str | None], inputs: Iterable[str],
                  directories: dict[str, str] | None = None,
                  files: dict[str, list[str]] | None = None,
                  named: Iterable[str] = ()) -> None:
    """Refuse outputs (option -> path) that cannot be written: a URL whose backend is not
    installed; an output's directory is missing or no directory; creating it is not allowed (a
    probe that leaves nothing behind); it is an existing directory where a file is written, or
    an existing file where ``directories`` (option -> what makes it write a directory) says a
    directory is; a file it writes is one of the ``inputs`` (writing would empty it before it
    is read), or where the inputs as ``named`` would read it next time (:func:`_check_not_walked`);
    or two options write one file (the later writer would overwrite the other's output).
    ``files`` gives the files an option writes when they are not just its path (the files
    inside a directory option, a report beside an output)."""
    for option, path in outputs.items():
        problem = path is not None and is_url(path) and url_problem(path)
        if problem:
            raise UsageError(f"{option} {path}: {problem}")
    given = {option: path for option, path in outputs.items()
             if path is not None and path != "-" and not is_url(path)}
    for option, path in given.items():
        _check_location(option, path, (directories or {}).get(option))
    written = [(option, path, file) for option, path in given.items()
               for file in (files or {}).get(option, [path])]
    _check_distinct(written)
    _check_not_walked(written, named)
    _check_not_inputs(written, inputs)


def _check_location(option: str, path: str, directory_by: str | None) -> None:
    """An output's directory exists; the output is no directory unless it writes one (as
    ``directory_by`` says), and then no file."""
    target = Path(path)
    if not target.parent.is_dir():
        problem = "is a file" if target.parent.exists() else "does not exist"
        raise UsageError(f"{option} {path}: the directory {target.parent} {problem}")
    if target.is_dir() and directory_by is None:
        raise UsageError(f"{option} {path}: is a directory, not a file")
    if target.is_file() and directory_by is not None:
        raise UsageError(f"{option} {path}: is a file; {directory_by} writes a directory")
    try:
        _probe_writable(target, directory_by is not None)
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot be written ({exc.strerror or exc})") from None


def _probe_writable(target: Path, directory: bool) -> None:
    """Raise the OSError that writing ``target`` would meet, changing nothing: a temporary file
    in the directory it is or goes in (where a symbolic link leads, so a dangling link fails
    here); an existing file opened to write, neither truncated nor appended to (an append-only
    file refuses that, as it refuses the run's rewrite). Other existing files (a device, a pipe,
    which opening could block on) are left to the run."""
    target = target.resolve()
    if directory or not target.exists():
        with tempfile.TemporaryFile(dir=target if target.is_dir() else target.parent):
            return
    if target.is_file():
        os.close(os.open(target, os.O_WRONLY))


def _what(option: str, path: str, file: str) -> str:
    """How an error names the file ``file`` that ``option path`` writes."""
    return f"{option} {path}:" if file == path else f"{option} {path}: its file {file}"


def _check_distinct(written: list[tuple[str, str, str]]) -> None:
    """No two options write one file."""
    seen: dict[Path, tuple[str, str, str]] = {}
    for option, path, file in written:
        resolved = Path(file).resolve()
        other = seen.setdefault(resolved, (option, path, file))
        if other[0] != option:
            owner = (f"the {other[0]} file" if other[2] == other[1]
                     else f"written by {other[0]} {other[1]}")
            raise UsageError(f"{_what(option, path, file)} is also {owner}")


def _check_not_walked(written: list[tuple[str, str, str]], named: Iterable[str]) -> None:
    """No option writes a file of a readable kind where an input names it, in a directory
    named as an input (not in a hidden subdirectory, which walks skip) or matching a glob:
    the next run (a ``--resume``) would read the output as an input."""
    named = [local_path(path) for path in named if path != "-" and not is_url(path)]
    directories = [(path, Path(path).resolve()) for path in named if Path(path).is_dir()]
    patterns = [path for path in named if glob.has_magic(path)]
    for option, path, file in written:
        if not is_supported(Path(file).name):
            continue
        resolved = Path(file).resolve()
        inside = next((name for name, directory in directories
                       if resolved.is_relative_to(directory)
                       and not hidden_within(resolved, directory)), None)
        inside = inside or next((p for p in patterns if fnmatch.fnmatch(
            str(resolved), os.path.abspath(p))), None)
        if inside:
            raise UsageError(f"{_what(option, path, file)} is among the inputs {inside} names, "
                             "which would read it as an input on the next run: write it "
                             "elsewhere, or in a hidden subdirectory (walks skip those)")


def is_stdout(path: str) -> bool:
    """Whether ``path`` names the file this process's standard output writes to
    (``/dev/stdout``, ``/dev/fd/1``, or the file a shell redirected it into)."""
    out = _stdout_stat()
    return out is not None and _names(path, out)


def check_stdout_not_input(inputs: Iterable[str]) -> None:
    """Refuse a run whose standard output is redirected into one of its inputs (``spinscan
    scan . > report.jsonl``: the shell creates the file first, and the walk reads it). Only
    a redirect into a regular file costs a look at each input."""
    out = _stdout_file()
    if out is None:
        return
    for source in inputs:
        if source != "-" and not is_url(source) and _names(source, out):
            raise UsageError(f"{source}: standard output is redirected into this input, "
                             "which would be read as an article: write the report elsewhere")


def _stdout_stat() -> os.stat_result | None:
    try:
        return os.fstat(sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (stdout replaced, as in tests)
        return None


def _stdout_file() -> os.stat_result | None:
    """The regular file a shell redirected standard output into, or None (a terminal, a pipe)."""
    out = _stdout_stat()
    return out if out is not None and stat.S_ISREG(out.st_mode) else None


def _names(path: str, file: os.stat_result) -> bool:
    """Whether ``path`` names ``file`` (False when it names nothing)."""
    try:
        return os.path.samestat(os.stat(path), file)
    except OSError:
        return False


def _check_not_inputs(written: list[tuple[str, str, str]], inputs: Iterable[str]) -> None:
    """No option writes over an input (the inputs are resolved only when an output exists)."""
    existing = [(option, path, file) for option, path, file in written if Path(file).exists()]
    if not existing:  # a file that does not exist yet is no input
        return
    resolved_inputs = {Path(source).resolve() for source in inputs
                       if source != "-" and not is_url(source)}
    for option, path, file in existing:
        if Path(file).resolve() in resolved_inputs:
            raise UsageError(f"{_what(option, path, file)} is also an input; writing it "
                             "would destroy it")
