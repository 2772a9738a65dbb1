"""``spinscan audit``: batch audits of scraped feeds.

Versus ``scan`` (a gate for a handful of articles): ``audit`` writes records to an output
file (JSONL, or Parquet parts; or JSONL on stdout, ``-o -``, the summary then on stderr)
rather than a report stream, can ``--resume`` after a crash or Ctrl-C, shows a progress bar,
ends with a per-source summary (terminal and ``--report`` HTML), and can emit cleaned texts
and cross-article evidence. It is not a gate for findings:
it has no ``--fail-on``/``--format``/``--export``; it exits 0 when the audit completed, 1 when
it completed with a share of error records above ``--max-error-rate`` (every output written),
130 when interrupted (Ctrl-C) and 143 when terminated (SIGTERM; the output stays valid and
resumable either way), 2 on usage errors, 3 when an output could not be written (disk full).
"""
from __future__ import annotations

import argparse
import sys
from fractions import Fraction

from scanner.audit.output import STDOUT, is_stream, output_format
from scanner.audit.summary import AuditSummary
from scanner.finding import Severity
from scanner.io.detect import FORMATS as INPUT_FORMATS
from scanner.io.limits import DEFAULT_MAX_WORDS
from scanner.io.options import add_field_options, add_paths_argument, read_options


def add_audit_parser(sub, csv_list) -> None:
    """Register the ``audit`` subcommand on the CLI's subparsers."""
    audit = sub.add_parser(
        "audit", help="audit many articles into a resumable JSONL/Parquet output",
        description="Scan thousands to millions of articles into a resumable output, with a "
                    "progress bar and a per-source summary.",
        epilog="Exit codes: 0 audit completed, 1 completed with a share of error records "
               "above --max-error-rate, 130 interrupted or 143 terminated (rerun "
               "with --resume), 2 usage error, 3 an output could not be written, 141 the "
               "reader of -o - left early.")
    add_paths_argument(audit)
    audit.add_argument("--output", "-o", required=True, metavar="PATH",
                       help="records output: a .jsonl file, a .parquet directory of parts "
                            "(with --engine dask: a directory of part files), or - for JSONL "
                            "on stdout (the summary then goes to stderr)")
    audit.add_argument("--output-format", choices=("jsonl", "parquet"), default=None,
                       help="output format (default: by the --output suffix)")
    audit.add_argument("--resume", action="store_true",
                       help="skip records whose id is already in the output, append the rest")
    audit.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="scan in N worker processes (default 1)")
    audit.add_argument("--emit-clean", metavar="DIR",
                       help="write each article without its boilerplate and spam lines to "
                            "DIR/clean.jsonl (--engine dask: DIR/clean-part-*.jsonl, one per "
                            "input file), with drop counts by reason in DIR/stats.json")
    audit.add_argument("--clean-level", choices=("warning", "info"), default=None,
                       help="the least severe boilerplate or spam finding that drops a line "
                            "from the clean text (default warning; info also drops the lines "
                            "the line model and the reader-comment tail flag as infos)")
    audit.add_argument("--report", metavar="FILE.html",
                       help="write the summary as a self-contained HTML report")
    audit.add_argument("--max-error-rate", type=error_rate, default=None, metavar="RATE",
                       help="exit 1, once every output is written, when the error records "
                            "are more than this share of the output's records: 0.01 or 1%%")
    audit.add_argument("--crossdoc", action="store_true",
                       help="cluster near-duplicate copies of a story and add cross-copy "
                            "substitution findings (SPN100) to the copies")
    audit.add_argument("--site-templates", action="store_true",
                       help="first count the lines each site repeats on its pages, and flag "
                            "them as boilerplate (BPL012)")
    audit.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="run on this machine (default) or on a Dask cluster")
    audit.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (implies "
                            "--engine dask; default: a LocalCluster)")
    audit.add_argument("--top", type=int, default=15, metavar="N",
                       help="sources and articles shown in the summary (default 15)")
    audit.add_argument("--no-progress", action="store_true", help="no progress bar")
    fields = audit.add_argument_group("input fields (JSONL and CSV)")
    fields.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                        help="read every path as this format (default: detect)")
    add_field_options(fields)
    rules = audit.add_argument_group("rules and limits (as for scan)")
    rules.add_argument("--select", type=csv_list, action="extend", metavar="SEL")
    rules.add_argument("--ignore", type=csv_list, action="extend", metavar="SEL")
    rules.add_argument("--config", metavar="FILE")
    rules.add_argument("--rules", action="append", metavar="PATH")
    rules.add_argument("--baseline", metavar="FILE")
    rules.add_argument("--max-doc-bytes", type=int, default=None, metavar="N")
    rules.add_argument("--max-words", type=int, default=DEFAULT_MAX_WORDS, metavar="N",
                       help=f"longer records become errors (default {DEFAULT_MAX_WORDS})")
    audit.set_defaults(fail_on=None)


def error_rate(value: str) -> Fraction:
    """``--max-error-rate``: a share from 0 to 1 (``0.015``) or a percentage (``1.5%``),
    kept exact (``1.5%`` is 3/200, which 900 errors in 60,000 records do not exceed)."""
    number = value.strip()
    percent = number.endswith("%")
    try:
        rate = Fraction(number.removesuffix("%")) / (100 if percent else 1)
    except (ValueError, ZeroDivisionError):
        rate = None
    if rate is None or not 0 <= rate <= 1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is no share of records: give one from 0 to 1 (0.01) or a percentage (1%)")
    return rate


def error_rate_exceeded(summary: AuditSummary, limit: Fraction | None) -> str | None:
    """Why an audit whose output holds more than ``limit`` of error records fails (the share,
    the counts and the limit), or None when it does not (no limit, or within it)."""
    total = summary.total
    if limit is None or not total.articles or Fraction(total.errors, total.articles) <= limit:
        return None
    return (f"spinscan: {total.errors:,} of the {total.articles:,} records are errors "
            f"({100 * total.errors / total.articles:.2f}%), above --max-error-rate "
            f"{float(100 * limit):g}%")


def _check_extras(args: argparse.Namespace) -> None:
    """Fail early, as a usage error, when an option's optional dependency is missing."""
    import importlib.util

    needs = []
    if args.engine == "dask" or args.scheduler:
        needs.append(("distributed", "spinscan[dask]"))
    if output_format(args.output, args.output_format) == "parquet":
        needs.append(("pyarrow", "spinscan[parquet]"))
    for option in ("crossdoc", "site_templates"):
        if getattr(args, option) and "-" in args.paths:
            flag = "--" + option.replace("_", "-")
            raise ValueError(f"{flag} reads the inputs twice: save stdin to a file first")
    if args.crossdoc:
        needs.append(("datasketch", "datasketch"))
    for module, extra in needs:
        if importlib.util.find_spec(module) is None:
            raise ValueError(f"this option needs {module}: pip install '{extra}'")


def _check_stream_output(args: argparse.Namespace, parquet: bool, dask: bool) -> None:
    """Refuse the options that need an output file when records go to a stream (``-o -``,
    ``/dev/stdout``, a named pipe: :func:`is_stream`): a stream cannot be resumed, rewritten
    by ``--crossdoc``, or hold Parquet or the Dask engine's part files."""
    if not is_stream(args.output):
        return
    needs_file = {"--resume": args.resume, "--crossdoc": args.crossdoc,
                  "--output-format parquet": parquet, "--engine dask": dask}
    stream = ("-o - streams records to standard output" if args.output == STDOUT else
              f"-o {args.output} is no regular file, a stream")
    for option, given in needs_file.items():
        if given:
            raise ValueError(f"{stream}; {option} needs an output file (or directory)")


def _check_report_suffix(path: str | None) -> None:
    """Refuse a ``--report`` file that is not ``.html``/``.htm``: the report is an HTML page
    (as ``scan --export`` refuses a suffix it cannot write)."""
    from scanner.report.html import HTML_SUFFIXES, refused_suffix

    refused = refused_suffix(path, HTML_SUFFIXES) if path else None
    if refused:
        raise ValueError(f"--report {path}: cannot write the HTML report to {refused} (use .html)")


def _directory_outputs(parquet: bool, dask: bool) -> dict[str, str]:
    """The output options that write a directory, and what makes them write one."""
    directories = {"--emit-clean": "--emit-clean"}
    if dask or parquet:
        directories["--output"] = "--engine dask" if dask else "Parquet output"
    return directories


def _written_files(args: argparse.Namespace, parquet: bool, dask: bool) -> dict[str, list[str]]:
    """The files the output options write beside or inside their paths: the cluster report of
    ``--crossdoc``, the clean texts and their statistics in the ``--emit-clean`` directory
    (with that directory itself, which no other option may be)."""
    files = {}
    if args.crossdoc:
        from scanner.audit.crosscheck import clusters_path

        files["--output"] = [args.output, clusters_path(args.output, parquet or dask)]
    if args.emit_clean:  # the Dask engine writes clean-part-*.jsonl files instead
        from scanner.audit.clean import CLEAN_FILE, STATS_FILE, clean_path

        names = [STATS_FILE] if dask else [CLEAN_FILE, STATS_FILE]
        files["--emit-clean"] = [args.emit_clean, *(clean_path(args.emit_clean, name)
                                                    for name in names)]
    return files


def run_audit(args: argparse.Namespace, config) -> int:
    """Run ``spinscan audit`` with a ready configuration; returns the exit code."""
    from rich.console import Console

    from scanner.audit.runner import AuditOptions
    from scanner.audit.terminal import print_outcome
    from scanner.config import check_positive
    from scanner.invocation import (
        check_outputs,
        check_stdout_not_input,
        input_files,
        is_stdout,
        note_skipped,
    )
    from scanner.report.rich_report import ReportConsole

    for name in ("max-words", "top"):
        check_positive(getattr(args, name.replace("-", "_")), "command line", name)
    skipped: list[str] = []
    inputs = input_files(args.paths, skipped)  # a missing path is a usage error before any output
    # -o /dev/stdout (or the file stdout is redirected into): opened again, that file would be
    # truncated and written at two offsets; the audit writes to standard output itself
    if args.output != STDOUT and is_stdout(args.output):
        args.output = STDOUT
    _check_extras(args)
    dask = args.engine == "dask" or bool(args.scheduler)
    parquet = output_format(args.output, args.output_format) == "parquet"
    outputs = {"--output": args.output, "--report": args.report, "--emit-clean": args.emit_clean}
    check_outputs(outputs, inputs, directories=_directory_outputs(parquet, dask),
                  files=_written_files(args, parquet, dask), named=args.paths)
    _check_stream_output(args, parquet, dask)
    if args.output == STDOUT:
        check_stdout_not_input(inputs)
    _check_report_suffix(args.report)
    if args.clean_level and not args.emit_clean:
        raise ValueError("--clean-level says which lines --emit-clean drops: give --emit-clean DIR")
    note_skipped(skipped, outputs.values())
    console = Console(file=sys.stderr)
    read = read_options(args, config.max_doc_bytes)
    options = AuditOptions(paths=args.paths, output=args.output,
                           output_format=args.output_format, read=read, resume=args.resume,
                           emit_clean=args.emit_clean,
                           clean_level=Severity.parse(args.clean_level or "warning"),
                           crossdoc=args.crossdoc,
                           site_templates=args.site_templates,
                           max_words=args.max_words,
                           progress=not args.no_progress and console.is_terminal,
                           files=inputs)
    if dask:
        from scanner.dask_engine import run_dask

        outcome = run_dask(options, config, console, scheduler=args.scheduler)
    else:
        from scanner.audit.runner import run_local

        outcome = run_local(options, config, console)
    # the summary (on stderr when the records go to stdout; a closed pipe: 141)
    summary_console = ReportConsole(file=sys.stderr if is_stream(args.output) else sys.stdout)
    print_outcome(summary_console, outcome, options, top=args.top)
    warning = outcome.ignore_comments.warning()
    if warning:
        print(warning, file=sys.stderr)
    if outcome.summary is not None and args.report:
        from scanner.audit.html_report import write_html_report

        write_html_report(args.report, outcome, options, top=args.top)
    if outcome.interrupted:
        return outcome.interrupted
    exceeded = error_rate_exceeded(outcome.summary, args.max_error_rate)
    if exceeded:
        from scanner.cli import EXIT_GATE

        print(exceeded, file=sys.stderr)
        return EXIT_GATE
    return 0  # the audit completed
