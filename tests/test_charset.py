"""Web page decoding (scanner.io.charset): BOM, declaration, browser label mapping, fallback."""
from __future__ import annotations

import codecs

import pytest

from scanner.io.charset import decode_web_bytes


@pytest.mark.parametrize("data, header, text", [
    # a BOM wins (and is dropped)
    (codecs.BOM_UTF8 + b'<meta charset="iso-8859-1">caf\xc3\xa9', b"", '<meta charset="iso-8859-1">café'),
    (codecs.BOM_UTF16_LE + "<p>café</p>".encode("utf-16-le"), b"", "<p>café</p>"),
    # a browser knows no UTF-32: UTF-32LE's mark is UTF-16's, and a NUL follows it
    (codecs.BOM_UTF32_LE + "<p>".encode("utf-32-le"), b"", "\x00<\x00p\x00>\x00"),
    (b"<p>\x87\x40</p>", b"text/html; charset=Shift_JIS", "<p>①</p>"),  # header, browser superset
    (b'<meta charset="koi8-r">\xc1', b"text/html; charset=bogus-label", '<meta charset="koi8-r">а'),
    (b'<meta charset="us-ascii"><p>\x93</p>', b"", '<meta charset="us-ascii"><p>“</p>'),
    # a UTF-16 label on a page without a BOM: UTF-8
    (b'<meta charset="utf-16"><p>caf\xc3\xa9</p>', b"", '<meta charset="utf-16"><p>café</p>'),
    (b"<p>caf\xc3\xa9</p>", b"", "<p>café</p>"),  # undeclared, valid UTF-8
    (b"<p>caf\xe9 \x93</p>", b"", "<p>café “</p>"),  # undeclared, not UTF-8: Windows-1252
])
def test_a_page_is_decoded_as_a_browser_decodes_it(data, header, text):
    assert decode_web_bytes(data, header) == text


def test_unreadable_bytes_become_replacement_characters():
    # a UTF-8 page (its "é" is UTF-8) with a stray byte
    assert decode_web_bytes(b'<meta charset="utf-8"><p>caf\xc3\xa9 \xe9</p>') == (
        '<meta charset="utf-8"><p>caf\xe9 \ufffd</p>')


@pytest.mark.parametrize("data, text", [
    # UTF-8 bytes under a Latin-1 or Windows-1252 label: UTF-8, not "CafÃ© ownerâ€™s"
    (b'<meta charset="iso-8859-1"><p>Caf\xc3\xa9 owner\xe2\x80\x99s \xc2\xa35</p>',
     '<meta charset="iso-8859-1"><p>Café owner’s £5</p>'),
    (b'<meta charset="windows-1250"><p>Caf\xc3\xa9</p>', '<meta charset="windows-1250"><p>Café</p>'),
    # Windows-1252 bytes under a UTF-8 label: Windows-1252, not "Caf� owner�s"
    (b'<meta charset="utf-8"><p>Caf\xe9 owner\x92s \x93\xa35\x94</p>',
     '<meta charset="utf-8"><p>Café owner’s “£5”</p>'),
])
def test_a_wrong_declaration_is_mended_where_the_bytes_leave_no_doubt(data, text):
    assert decode_web_bytes(data) == text


@pytest.mark.parametrize("data, text", [
    # legacy bytes that UTF-8 cannot read keep their label
    (b'<meta charset="iso-8859-1"><p>Caf\xe9</p>', '<meta charset="iso-8859-1"><p>Café</p>'),
    (b'<meta charset="koi8-r"><p>\xc1\xc2</p>', '<meta charset="koi8-r"><p>аб</p>'),
    # a multi-byte legacy label is followed (GBK bytes may read as UTF-8 by chance)
    (b'<meta charset="gbk"><p>\xd6\xd0</p>', '<meta charset="gbk"><p>中</p>'),
])
def test_a_declaration_the_bytes_fit_is_followed(data, text):
    assert decode_web_bytes(data) == text
