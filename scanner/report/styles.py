"""Colours and symbols shared by the terminal report's panels and summary."""
from __future__ import annotations

from scanner.finding import Severity

SEVERITY_STYLE = {Severity.INFO: "cyan", Severity.WARNING: "yellow", Severity.ERROR: "bold red"}
SEVERITY_ICON = {Severity.INFO: "●", Severity.WARNING: "▲", Severity.ERROR: "✖"}
STANCE_STYLE = {"agree": "green", "discuss": "default", "disagree": "yellow", "unrelated": "red"}


def level_style(value: float, bad_above: float, ok_below: float) -> str:
    """green / yellow / red by where ``value`` falls (the thresholds may be descending)."""
    low, high = sorted((ok_below, bad_above))
    if low < value < high:
        return "yellow"
    return "red" if (value >= high) == (bad_above > ok_below) else "green"
