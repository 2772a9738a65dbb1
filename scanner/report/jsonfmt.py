"""The JSON reporters: ``jsonl`` (one record per line) and ``json`` (one streamed document)."""
from __future__ import annotations

import re
from enum import Enum
from typing import Any, TextIO

import orjson

from scanner.report.summary import Tally
from scanner.result import SCHEMA_VERSION, ScanResult

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS
_LINE_BREAK_RE = re.compile("[\u0085\u2028\u2029]")  # line breaks orjson leaves unescaped


def _fallback(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def dumps(value: Any) -> str:
    """Compact JSON text on one line; values orjson does not know (numpy, sets, enums, ...)
    degrade gracefully instead of failing the run. U+0085, U+2028 and U+2029 are escaped: they
    are valid in JSON strings, but ``str.splitlines()`` and some readers break lines there."""
    text = orjson.dumps(value, default=_fallback, option=_OPTIONS).decode()
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text  # nearly every record: three C-level scans, no regex pass
    return _LINE_BREAK_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class JsonlReporter:
    """Exactly one compact JSON line per record, flushed as it is written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def add(self, result: ScanResult) -> None:
        self.stream.write(dumps(result.to_record()) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonReporter:
    """One JSON document ``{schema_version, tool, results, summary}``, written as records
    arrive (one record per line) so memory stays bounded however many there are."""

    def __init__(self, stream: TextIO, tool_version: str) -> None:
        self.stream = stream
        self.tally = Tally()
        head = dumps({"schema_version": SCHEMA_VERSION,
                      "tool": {"name": "spinscan", "version": tool_version}})
        stream.write(head[:-1] + ',"results":[')

    def add(self, result: ScanResult) -> None:
        self.stream.write(("\n" if self.tally.documents == 0 else ",\n")
                          + dumps(result.to_record()))
        self.tally.add(result)

    def close(self) -> None:
        self.stream.write('\n],"summary":' + dumps(self.tally.to_dict()) + "}\n")
        self.stream.flush()
