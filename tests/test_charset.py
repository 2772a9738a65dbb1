"""Web page decoding (scanner.io.charset): BOM, declaration, browser label mapping, fallback."""
from __future__ import annotations

import codecs

import pytest

from scanner.io.charset import decode_web_bytes, page_encoding


@pytest.mark.parametrize("data, header, codec", [
    (codecs.BOM_UTF8 + b'<meta charset="iso-8859-1">', b"", "utf-8-sig"),  # a BOM wins
    (b"<p>x</p>", b"text/html; charset=Shift_JIS", "cp932"),  # header, browser superset
    (b'<meta charset="koi8-r">', b"text/html; charset=bogus-label", "koi8-r"),  # unknown: next
    (b'<meta charset="us-ascii"><p>\x93</p>', b"", "cp1252"),
    (b'<meta charset="utf-16"><p>plain bytes</p>', b"", "utf-8"),  # UTF-16 label, no BOM
    (b"<p>caf\xc3\xa9</p>", b"", "utf-8"),  # undeclared, valid UTF-8
    (b"<p>caf\xe9</p>", b"", "cp1252"),  # undeclared, not UTF-8
])
def test_page_encoding(data, header, codec):
    assert page_encoding(data, header) == codec


def test_unreadable_bytes_become_replacement_characters():
    assert decode_web_bytes(b'<meta charset="utf-8"><p>caf\xe9</p>') == (
        '<meta charset="utf-8"><p>caf\ufffd</p>')
