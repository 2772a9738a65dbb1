"""The quality rules' work on the bench corpus, to be counted in instructions (run it under
valgrind's callgrind; it prints nothing of its own).

On a shared machine the timings of ``rules_speed.py`` move by 5-10 % from run to run, more
than a small change saves; the number of instructions a process executes does not. Run this
script twice under callgrind for each checkout, with ``--docs N`` and with ``--docs 0``: the
difference is what N articles cost (their documents made and the rules run on them), without
the start-up (imports, tables, RE2 programs), which the two runs share. ``--warm K`` first runs the rules over K other articles, so that the
count is of a long audit's steady state; without it, of a fresh process's first N articles,
while RE2 still builds its automata's states.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p \\
        env PYTHONPATH=. python bench/rules_instructions.py --warm 3000 --docs 1000
    (the "Collected" line of valgrind's output is the count)
"""
from __future__ import annotations

import argparse

from rules_speed import load_records, run_rule

from scanner.config import Config
from scanner.engine import BATCH, Scanner, make_document
from scanner.registry import build_registry

SELECT = "BPL,SPM,REP,TYP,LNG,RDB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="articles counted (after the warm ones)")
    parser.add_argument("--warm", type=int, default=0, help="articles run first")
    parser.add_argument("--select", default=SELECT, help=f"comma-separated selectors (default: {SELECT})")
    args = parser.parse_args()
    rules = build_registry().select([s for s in args.select.split(",") if s])
    records = load_records(args.warm + args.docs)  # the same first K for every N
    with Scanner(Config()).long_run():
        for start in range(0, len(records), BATCH):
            docs = [make_document(r) for r in records[start:start + BATCH]]
            for rule in rules:
                run_rule(rule, docs)


if __name__ == "__main__":
    main()
