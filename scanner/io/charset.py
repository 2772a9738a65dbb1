"""Decoding of web pages (HTML files, WARC responses) the way a browser does.

A page says its encoding in a byte-order mark, the HTTP ``Content-Type`` header or a ``<meta
charset>``; pages of the 2000s and 2010s often declare ``iso-8859-1`` and contain Windows-1252
curly quotes, and some declare nothing. Following the WHATWG encoding standard: a BOM wins, then
the declaration, with ``iso-8859-1`` and ``us-ascii`` read as ``windows-1252`` (as a browser
does, and with a few other labels of superset encodings) and a UTF-16 label on a page without a
BOM read as UTF-8; an undeclared page is UTF-8 when it decodes as such, else Windows-1252.
Bytes the chosen encoding cannot read become U+FFFD.
"""
from __future__ import annotations

import codecs
import re

from scanner.io.detect import bom_encoding

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_BROWSER_BOMS = ("utf-8-sig", "utf-16")  # the byte-order marks a browser knows (WHATWG)
_LEGACY = "cp1252"  # what browsers read undeclared legacy pages as
# labels a browser reads as a superset encoding (WHATWG), by Python codec name
_BROWSER_CODEC = {"iso8859-1": _LEGACY, "ascii": _LEGACY, "gb2312": "gbk", "euc_kr": "cp949",
                  "shift_jis": "cp932"}
_PRESCAN = 4096  # bytes searched for a <meta charset>


def decode_web_bytes(data: bytes, content_type: bytes = b"") -> str:
    """The text of the page ``data``, read as the module docstring says (unreadable bytes
    become U+FFFD). An undeclared page is decoded once: as UTF-8, else as the legacy encoding."""
    declared = _declared_encoding(data, content_type)
    if declared:
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(_LEGACY, errors="replace")


def _declared_encoding(data: bytes, content_type: bytes) -> str | None:
    """The codec a byte-order mark, the HTTP header or a ``<meta charset>`` names (as a
    browser reads the label), or None for an undeclared page."""
    bom = bom_encoding(data, _BROWSER_BOMS)
    if bom:
        return bom
    for declared in (content_type, data[:_PRESCAN]):
        match = _CHARSET_RE.search(declared)
        if not match:
            continue
        try:
            codec = codecs.lookup(match.group(1).decode("ascii", "replace")).name
        except LookupError:
            continue
        if codec.startswith(("utf-16", "utf-32")):
            return "utf-8"
        return _BROWSER_CODEC.get(codec, codec)
    return None
