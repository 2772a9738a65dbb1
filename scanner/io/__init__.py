"""Input readers: turn paths, stdin and JSONL into a stream of :class:`InputRecord`."""
from scanner.io.records import InputRecord
from scanner.io.sources import InputError, read_files

__all__ = ["InputRecord", "InputError", "read_files"]
