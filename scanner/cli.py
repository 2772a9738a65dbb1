"""The ``spinscan`` command line.

Exit codes: 0 passed, 1 the gate failed (a finding at or above ``--fail-on``, or a record that
could not be scanned), 2 usage error (bad option, missing path, invalid config or rule pack),
3 an output could not be written (disk full, permission denied: one line naming it), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM), 141 the output pipe was closed before the end
(``| head``).
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from scanner import __version__
from scanner.config import EMPTY_SELECTOR, FAIL_ON_LEVELS, Config, ConfigError, load_config
from scanner.finding import Severity
from scanner.invocation import (
    UsageError,
    check_outputs,
    check_stdout_not_input,
    input_files,
    note_skipped,
)
from scanner.io.options import add_field_options, add_paths_argument, read_options
from scanner.signals import (
    INTERRUPT_STATUSES,
    ignore_interrupts,
    interrupt_signal,
    interrupt_status,
    sigterm_interrupts,
)

if TYPE_CHECKING:
    from scanner.result import ScanResult

EXIT_OK, EXIT_GATE, EXIT_USAGE, EXIT_WRITE = 0, 1, 2, 3
EXIT_PIPE = 141  # 128 + SIGPIPE, as a shell reports it (interruptions: scanner.signals)


def _csv(value: str) -> list[str]:
    """The selectors of a ``--select``/``--ignore`` value; an empty one (``''``, ``'spin,'``)
    is refused, as it would select nothing or, as a prefix, everything."""
    selectors = [v.strip() for v in value.split(",")]
    if not all(selectors):
        raise argparse.ArgumentTypeError(EMPTY_SELECTOR)
    return selectors


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (exit 2), like spinscan's others."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (``spinscan --help`` documents everything)."""
    from scanner.io.detect import FORMATS as INPUT_FORMATS
    from scanner.report import FORMATS, MAX_PER_CATEGORY

    parser = _Parser(
        prog="spinscan",
        description="Find machine-rewritten (spun), padded and low-quality text in news articles.",
        epilog="Exit codes: 0 passed, 1 gate failed (see --fail-on), 2 usage error, 3 an output "
               "could not be written, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 141 "
               "the output pipe closed early.",
    )
    parser.add_argument("--version", action="version", version=f"spinscan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser("scan", help="scan files, directories, globs, URLs or stdin (-)",
                          description="Scan articles and report findings and scores.")
    add_paths_argument(scan)
    scan.add_argument("--format", "-f", choices=FORMATS, default=None,
                      help="output format (default: rich)")
    scan.add_argument("--output", "-o", metavar="FILE",
                      help="write the report to FILE (overwritten; - for stdout)")
    scan.add_argument("--export", metavar="FILE",
                      help="also save the rich report as HTML or SVG (by the file's suffix)")
    scan.add_argument("--all-findings", action="store_true",
                      help="list every finding in the rich, html and --export reports (default: "
                           f"at most {MAX_PER_CATEGORY} per category in each document's panel "
                           "when the run has several documents; one document's are all listed)")
    scan.add_argument("--select", type=_csv, action="extend", metavar="SEL",
                      help="run only rules matching these ids, id prefixes, names or categories")
    scan.add_argument("--ignore", type=_csv, action="extend", metavar="SEL",
                      help="do not run rules matching these selectors")
    scan.add_argument("--fail-on", choices=FAIL_ON_LEVELS, default=None,
                      help="lowest severity that fails the gate (default: error)")
    scan.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                      help="scan documents in N processes (default 1)")
    scan.add_argument("--config", metavar="FILE", help="read settings from this TOML file")
    scan.add_argument("--rules", action="append", metavar="PATH",
                      help="also load this rule pack, after the config's rules (YAML, or "
                           "CSV/TSV of 'tortured,correct' pairs)")
    scan.add_argument("--max-doc-bytes", type=int, default=None, metavar="N",
                      help="larger documents become error records (default 5000000)")
    fields = scan.add_argument_group("input fields (JSONL and CSV)")
    fields.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                        help="read every path, and stdin, as this format (default: by the "
                             "name, else the first bytes)")
    add_field_options(fields)
    scan.add_argument("--baseline", metavar="FILE",
                      help="ignore findings accepted in this baseline file")
    scan.add_argument("--write-baseline", metavar="FILE",
                      help="write all findings of this run as a baseline file (no baseline applied)")

    rules = sub.add_parser("rules", help="list the rules, one per line")
    rule = sub.add_parser("rule", help="show a rule's documentation and examples")
    rule.add_argument("rule_id", metavar="ID")
    for listing in (rules, rule):
        listing.add_argument("--rules", action="append", metavar="PATH",
                             help="include an extra pack")
        listing.add_argument("--config", metavar="FILE",
                             help="read settings (rule packs) from this TOML file")
    from scanner.audit.command import add_audit_parser

    add_audit_parser(sub, _csv)
    return parser


def console_main() -> int:
    """Entry point of the ``spinscan`` console script and ``python -m scanner``: :func:`main`,
    and after an interrupted run no further signal, so that it ends with its exit status."""
    status = main()
    if status in INTERRUPT_STATUSES:
        ignore_interrupts()
    return status


def main(argv: list[str] | None = None) -> int:
    """The ``spinscan`` command line, on ``argv`` (default: the process's arguments)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with sigterm_interrupts():  # SIGTERM unwinds as Ctrl-C does: no worker left running
            status = _run(args)
            sys.stdout.flush()  # a full disk under `> out` is told here, not at the exit
            return status
    except (ConfigError, ValueError) as exc:  # UsageError is a ValueError
        print(f"spinscan: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated)
        print(f"spinscan: interrupted ({interrupt_signal(exc).name})", file=sys.stderr)
        return interrupt_status(exc)
    except BrokenPipeError:  # the reader left before the end: the gate did not pass
        return EXIT_PIPE
    except OSError as exc:  # inputs fail as error records: this is an output that cannot be written
        print(f"spinscan: error: {write_failure(exc)}", file=sys.stderr)
        _drop_stdout()
        return EXIT_WRITE


def write_failure(exc: OSError) -> str:
    """One line on an output that could not be written: the file when the error names it, and
    the reason ("/sys/out.jsonl: Permission denied", "writing the output failed: No space left
    on device")."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else f"writing the output failed: {reason}"


def _drop_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit does not
    fail on the same full disk again (with a traceback)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (stdout replaced, as in tests)
        pass


def _run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; returns the exit code."""
    if args.command == "scan":
        return run_scan(args)
    if args.command == "audit":
        from scanner.audit.command import run_audit

        return run_audit(args, _config(args))
    return run_rules(args)


def _config(args: argparse.Namespace) -> Config:
    overrides = {
        "select": args.select, "ignore": args.ignore, "fail_on": args.fail_on, "jobs": args.jobs,
        "max_doc_bytes": args.max_doc_bytes, "baseline": args.baseline,
    }
    config = load_config(Path.cwd(), args.config, overrides)
    if args.rules:
        config = config.merged({"rules": _packs(config, args)}, "--rules")
    return config


def _packs(config: Config, args: argparse.Namespace) -> tuple[str, ...]:
    """The configuration's rule packs, then those of ``--rules``: the command line adds packs
    to the configured ones (it replaces every other setting)."""
    return config.rules + tuple(args.rules or ())


def _print_ignore_comment_problems(result: ScanResult) -> None:
    """A one-line warning on stderr for each ``<!-- spinscan: ... -->`` comment of the
    result's record that ignores nothing (malformed, or naming no rule): an editor's typo
    would otherwise go unnoticed."""
    for problem in result.ignore_comment_problems:
        print(f"spinscan: warning: {result.id}: {problem}", file=sys.stderr)


def run_scan(args: argparse.Namespace) -> int:
    """``spinscan scan``: read, scan, report, and return the exit code."""
    config = _config(args)
    if args.write_baseline:  # a new baseline holds every finding: the old one hides none
        config = replace(config, baseline=None)
    skipped: list[str] = []
    inputs = input_files(args.paths, skipped)  # fail fast, before any output, on a missing path
    outputs = {"--output": args.output, "--export": args.export,
               "--write-baseline": args.write_baseline}
    check_outputs(outputs, inputs, named=args.paths)
    if args.output in (None, "-"):
        check_stdout_not_input(inputs)
    if args.export:
        from scanner.report.html import export_suffix

        export_suffix(args.export)  # an unknown kind is refused before the scan
    note_skipped(skipped, outputs.values())
    from scanner.engine import Scanner  # (after the usage checks: a mistake is told at once)
    from scanner.io import read_files
    from scanner.report import export_rich, make_reporter
    from scanner.suppress import write_baseline

    scanner = Scanner(config)
    scanner.check_has_rules()
    fmt = args.format or "rich"
    to_file = args.output not in (None, "-")
    out = open(args.output, "w", encoding="utf-8") if to_file else sys.stdout
    color = False if to_file else None  # rich decides for a terminal (tty, NO_COLOR)
    reporter = make_reporter(fmt, out, color=color, rules={r.id: r for r in scanner.rules},
                             tool_version=__version__, all_findings=args.all_findings)
    keep = bool(args.export or args.write_baseline)
    kept, failed = [], False
    gate = config.fail_on != "never"
    # a run that writes the baseline accepts its findings: only an unreadable record fails it
    threshold = None if args.write_baseline or not gate else Severity.parse(config.fail_on)
    try:
        records = read_files(inputs, read_options(args, config.max_doc_bytes))
        with scanner.long_run(config.jobs):
            for result in scanner.scan_records(
                    records, jobs=config.jobs,
                    keep_text=fmt in {"rich", "html", "sarif", "github"} or keep):
                _print_ignore_comment_problems(result)
                reporter.add(result)
                if keep:
                    kept.append(result)
                if gate:
                    worst = result.worst_severity()
                    failed |= result.error is not None or (
                        threshold is not None and worst is not None
                        and worst.rank >= threshold.rank)
        reporter.close()
    finally:
        if out is not sys.stdout:
            out.close()
    if args.export:
        export_rich(kept, args.export, all_findings=args.all_findings)
    if args.write_baseline:
        write_baseline(args.write_baseline, kept)
    return EXIT_GATE if failed else EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    """``spinscan rules`` (one line per rule) and ``spinscan rule ID`` (docs and examples), with
    the configured packs."""
    from scanner.engine import Scanner
    from scanner.registry import build_registry

    config = load_config(Path.cwd(), args.config)
    registry = build_registry(_packs(config, args))
    # the checks a scan makes of its configuration (rule settings, the baseline file, a
    # selection that leaves no rule, SPN100 alone included): a CI step may check its config
    # this way
    Scanner(config, registry).check_has_rules()
    if args.command == "rules":
        for rule in registry:
            print(f"{rule.id}  {rule.name:<32} {rule.category.value:<12} "
                  f"{rule.severity.value:<8} {rule.summary}")
        return EXIT_OK
    rule = registry.get(args.rule_id)
    if rule is None:
        raise UsageError(f"no rule {args.rule_id!r} (see `spinscan rules`)")
    from scanner.ruledoc import print_rule

    print_rule(rule)
    return EXIT_OK
