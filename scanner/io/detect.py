"""Detect an input's format from its name, or from its first bytes when the name says nothing."""
from __future__ import annotations

import codecs
import re

FORMATS = ("text", "markdown", "html", "jsonl", "csv", "warc", "feed")

_SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_COMPRESSED = (".gz", ".gzip")
# byte-order marks and the codec that reads and drops each (UTF-32's first: its LE mark
# starts with UTF-16's)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
         (codecs.BOM_UTF8, "utf-8-sig"))
_WIDE = ("utf-32", "utf-16")
# C0 control bytes that no text holds (tab, line breaks, form feed and ESC, which coloured logs
# hold, excepted); a text file has none, random bytes one in ten
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
MAX_CONTROL_SHARE = 0.01  # a text file holds at most this share of control bytes
_CONTROL_CHARS = dict.fromkeys(CONTROL_BYTES)  # str.translate deletes them
_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                      re.IGNORECASE | re.DOTALL)
# YAML front matter: "---", a "key:" line, ..., a closing "---" or "..." line
_FRONT_MATTER_RE = re.compile(rb"---[ \t]*\r?\n[A-Za-z_][\w-]*:(?:[ \t]|\r?\n).*?"
                              rb"^(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_KEY_RE = re.compile(rb"^([A-Za-z_][\w-]*):(?:[ \t]|\r?$)", re.MULTILINE)
_FRONT_MATTER_KEYS = frozenset(
    b"title date author authors tags categories category layout description slug draft summary "
    b"lang language keywords published image permalink".split())


def bom_encoding(data: bytes, known: tuple[str, ...]) -> str | None:
    """The codec of the byte-order mark ``data`` starts with (``utf-32``, ``utf-16`` or
    ``utf-8-sig``), among the codecs ``known``, or None. A reader that knows no UTF-32 (a
    browser) takes UTF-32LE's mark for UTF-16's, which it starts with."""
    return next((codec for bom, codec in _BOMS if codec in known and data.startswith(bom)), None)


def wide_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` starts with that encoding's byte-order mark."""
    return bom_encoding(data, _WIDE)


def utf16_without_bom(head: bytes) -> str | None:
    """``UTF-16LE`` or ``UTF-16BE`` when ``head`` reads as text in that encoding without its
    byte-order mark: mostly characters of the ASCII and Latin-1 range, so every other byte is
    NUL (at least 90 % of them), and, decoded, it holds as few control characters (NUL among
    them) as a text file may hold control bytes."""
    units = len(head) // 2
    for encoding, high in (("UTF-16LE", head[1::2]), ("UTF-16BE", head[0:2 * units:2])):
        if units and high.count(0) >= 0.9 * units:
            text = head[:2 * units].decode(encoding, "replace")  # (a pair cut at the end)
            controls = len(text) - len(text.translate(_CONTROL_CHARS))
            return encoding if controls <= MAX_CONTROL_SHARE * units else None
    return None


def base_suffix(path: str) -> str:
    """The format suffix, looking through a compression suffix (``a.jsonl.gz`` -> ``.jsonl``)."""
    name = path.rstrip("/").rsplit("/", 1)[-1].lower()
    for compressed in _COMPRESSED:
        if name.endswith(compressed):
            name = name[: -len(compressed)]
            break
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def is_supported(path: str) -> bool:
    """Whether a directory walk should pick this file up (by its name)."""
    return base_suffix(path) in _SUFFIX_FORMATS


def format_from_name(path: str) -> str | None:
    """The format a file name announces, or None."""
    return _SUFFIX_FORMATS.get(base_suffix(path))


def sniff_format(head: bytes) -> str:
    """The format of data starting with ``head`` (decompressed): WARC, feed, HTML, JSONL,
    Markdown when it opens with a YAML front matter block (:func:`_opens_with_front_matter`;
    a CMS's draft), else text. CSV is not guessed (a plain-text default is safer).
    UTF-16/32 data with a byte-order mark is sniffed on its decoded characters."""
    wide = wide_encoding(head)
    if wide:
        head = head.decode(wide, "replace").encode("utf-8", "replace")
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith((b"<?xml", b"<rss", b"<feed")):
        return "feed" if _FEED_RE.search(head) else "html"
    if _HTML_RE.match(start):
        return "html"
    if start[:1] == b"{":
        return "jsonl"
    if _opens_with_front_matter(head.removeprefix(codecs.BOM_UTF8)):
        return "markdown"
    return "text"


def _opens_with_front_matter(head: bytes) -> bool:
    """Whether ``head`` opens with a YAML front matter block that says it is one: a key that
    front matter has (``title:``, ``date:``, ``tags:``, ...) or two ``key:`` lines. A note
    between two rules ("---", "Update: the council voted ...", "---") is text."""
    block = _FRONT_MATTER_RE.match(head)
    if block is None:
        return False
    keys = [key.lower() for key in _KEY_RE.findall(block.group())]
    return len(keys) >= 2 or bool(_FRONT_MATTER_KEYS.intersection(keys))


def detect_format(path: str, head: bytes) -> str:
    """The format of ``path``: its name first, its content when the name is not telling."""
    return format_from_name(path) or sniff_format(head)
