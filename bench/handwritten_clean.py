"""Clean articles written by hand for the project (``bench/data/handwritten/``): regional news
English (Indian crime and civic reports, an Indian recipe, a British recipe from QA pass 20),
British local-government copy, dialect quotes, legal, sports, technical and medical jargon,
careful human paraphrases, and features on specialist trades (fishing, coir, Thames
lighterage: their rare words are the spin detector's known weakness). Prints each text's
``scores.spin``, its warning-or-worse findings, how many infos it got and the word pairs of
its SPN001 infos (what the spin score rests on).

    PYTHONPATH=. python bench/handwritten_clean.py
"""
from __future__ import annotations

from pathlib import Path

from scanner import scan_text

DATA = Path(__file__).resolve().parent / "data" / "handwritten"


def main() -> None:
    flagged = 0
    paths = sorted(DATA.glob("*.txt"))
    for path in paths:
        record = scan_text(path.read_text(encoding="utf-8"))
        spin = record["scores"].get("spin")
        warnings = [f"{f['rule']} {f['excerpt'] or f['message']!r}" for f in record["findings"]
                    if f["severity"] in ("warning", "error")]
        infos = len(record["findings"]) - len(warnings)
        spin_infos = [f["excerpt"] for f in record["findings"]
                      if f["rule"] == "SPN001" and f["severity"] == "info"]
        flagged += spin is not None and spin >= 0.5
        print(f"{path.name:22s} spin {spin if spin is not None else '-':>7}  "
              f"{'; '.join(warnings) or 'no warning'}, {infos} info"
              + (f" (SPN001: {', '.join(map(repr, spin_infos))})" if spin_infos else ""))
    print(f"{len(paths)} texts, {flagged} scored spun (>= 0.5)")


if __name__ == "__main__":
    main()
