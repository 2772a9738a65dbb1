"""How often each boilerplate kind is right on the WCXB pages' labelled lines (prints figures).

For every line of the WCXB whole pages and of trafilatura's leftovers (test and dev pages), the
kind the shared boilerplate analysis gives it (cue, structure: "cookie", "stamp", "byline",
"navigation"...), counted with the share of those lines the annotators labelled boilerplate:
the precision of each kind, where the line-level figures of ``boilerplate_eval.py`` say little
about a kind the line model flagged already. Headline lines are left out, as there.

    PYTHONPATH=. python bench/cue_precision.py [--kinds stamp byline]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from boilerplate_eval import ROOT, document, load_line_pages

from scanner.boilerplate.analysis import analyse


def kind_counts(shared: Path, regime: str) -> tuple[Counter, Counter]:
    """(lines of each kind, of them labelled boilerplate) over the test and dev pages."""
    lines, boilerplate = Counter(), Counter()
    for split in ("test", "dev"):
        for rows in load_line_pages(shared, regime, split):
            page = analyse(document("\n".join(r["text"].strip() for r in rows)))
            for k, kind in enumerate(page.kinds):
                row = rows[page.line_indices[k]]
                if kind is not None and not row["headline"]:
                    lines[kind] += 1
                    boilerplate[kind] += bool(row["is_boilerplate"])
    return lines, boilerplate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--kinds", nargs="*", help="only these kinds")
    args = parser.parse_args()
    for regime in ("fullpage", "extracted"):
        lines, boilerplate = kind_counts(args.shared, regime)
        print(f"{regime}: kind, lines, labelled boilerplate")
        for kind, n in lines.most_common():
            if not args.kinds or kind in args.kinds:
                print(f"  {kind:16s} {n:6d}  {boilerplate[kind] / n:6.1%}")


if __name__ == "__main__":
    main()
