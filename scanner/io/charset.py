"""Decoding of web pages (HTML files, WARC responses) the way a browser does.

A page says its encoding in a byte-order mark, the HTTP ``Content-Type`` header or a ``<meta
charset>``; pages of the 2000s and 2010s often declare ``iso-8859-1`` and contain Windows-1252
curly quotes, and some declare nothing. Following the WHATWG encoding standard: a BOM wins, then
the declaration, with ``iso-8859-1`` and ``us-ascii`` read as ``windows-1252`` (as a browser
does, and with a few other labels of superset encodings) and a UTF-16 label on a page without a
BOM read as UTF-8; an undeclared page is UTF-8 when it decodes as such, else Windows-1252.
Bytes the chosen encoding cannot read become U+FFFD.

Unlike a browser, a wrong declaration of crawled pages is mended where the bytes leave no doubt
(QA pass 19: "CafÃ© ownerâ€™s" and "Caf� owner�s" with no finding): a page declared in a
single-byte encoding whose bytes are valid UTF-8 with non-ASCII characters is UTF-8 (legacy text
almost never is), and a page declared UTF-8 that holds no valid multi-byte sequence at all but
bytes UTF-8 cannot read is Windows-1252.
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
_UTF8_MULTIBYTE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Python's names of the single-byte encodings pages declare (Windows, ISO 8859, KOI8, Mac)
_SINGLE_BYTE_PREFIXES = ("cp125", "iso8859-", "koi8", "mac-", "cp437", "cp85", "cp86", "tis-620")


def decode_web_bytes(data: bytes, content_type: bytes = b"") -> str:
    """The text of the page ``data``, read as the module docstring says (unreadable bytes
    become U+FFFD). An undeclared page is decoded once: as UTF-8, else as the legacy encoding."""
    declared = _declared_encoding(data, content_type)
    if declared == "utf-8":
        return _declared_utf8(data)
    if declared and declared.startswith(_SINGLE_BYTE_PREFIXES) and not data.isascii():
        try:
            return data.decode("utf-8")  # UTF-8 under a legacy label
        except UnicodeDecodeError:
            pass
    if declared:
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(_LEGACY, errors="replace")


def _declared_utf8(data: bytes) -> str:
    """A page declared UTF-8: Windows-1252 when UTF-8 cannot read it and it holds no UTF-8
    character of more than one byte (a legacy page under the wrong label), else UTF-8 with
    unreadable bytes replaced."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE_RE.search(data) is None:
            return data.decode(_LEGACY, errors="replace")
        return data.decode("utf-8", errors="replace")


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
