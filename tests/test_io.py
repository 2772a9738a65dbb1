"""Readers: every input yields exactly one record; bad input becomes an error record."""
from __future__ import annotations

import pytest

from scanner.io import InputError, read_files
from scanner.io.options import ReadOptions
from scanner.io.sources import expand_paths


def read(tmp_path, name, data: bytes, max_bytes=5_000_000):
    path = tmp_path / name
    path.write_bytes(data)
    return read_paths([path], max_bytes)


def read_paths(paths, max_bytes):
    return list(read_files(expand_paths(map(str, paths)), ReadOptions(max_bytes=max_bytes)))


def test_text_file(tmp_path):
    (record,) = read(tmp_path, "a.txt", b"Title\n\nBody text.\r\n")
    assert record.error is None and record.text == "Title\n\nBody text.\r\n"
    assert record.id == str(tmp_path / "a.txt")


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"caf\xe9 au lait", "invalid UTF-8 at byte offset 3"),
    ("bin.txt", b"\x00\x01\x02binary", "binary file"),
    # control bytes without a NUL (compressed or encrypted data), in a web page too
    ("ctl.txt", bytes(range(1, 32)) * 3 + b"text " * 20, "binary file (control bytes)"),
    ("ctl.html", b"<p>" + bytes(range(1, 32)) * 3 + b"</p>" * 20, "binary file (control bytes)"),
    ("empty.txt", b"  \n\n", "empty document"),
])
def test_bad_files_become_error_records(tmp_path, name, data, message):
    (record,) = read(tmp_path, name, data)
    assert record.text is None and message in record.error and name in record.error


def test_text_with_a_few_control_bytes_is_still_text(tmp_path):
    data = b"Title\n\n" + b"Body text with a form feed \x0c and a bell \x07. " * 5 + b"More text. " * 50
    (record,) = read(tmp_path, "a.txt", data)
    assert record.error is None


def test_size_limit(tmp_path):
    (record,) = read(tmp_path, "big.txt", b"word " * 1000, max_bytes=100)
    assert "above the 100-byte limit" in record.error


def test_jsonl_records_and_errors(tmp_path):
    lines = [
        b'{"id": "a", "title": "T", "text": "Body."}',
        b'',
        b'{"id": "b", "text": 5}',
        b'{not json',
        b'{"id": "c", "title": "Only a title"}',
        b'{"id": "d"}',
        b'[1, 2]',
        b'{"id": 7, "html": "<p>Hi</p>", "url": "https://example.com/x"}',
    ]
    records = read(tmp_path, "feed.jsonl", b"\n".join(lines))
    assert [r.id for r in records] == ["a", "b", f"{tmp_path}/feed.jsonl:4", "c", "d",
                                       f"{tmp_path}/feed.jsonl:7", "7"]
    a, b, broken, c, d, array, html = records
    assert a.title == "T" and a.text == "Body." and a.error is None
    assert "'text' must be a string" in b.error
    assert "feed.jsonl:4: malformed JSON" in broken.error
    assert c.text == "" and c.error is None
    assert "no 'text', 'html' or 'title'" in d.error
    assert "must be a JSON object" in array.error
    assert html.html == "<p>Hi</p>" and html.source == "https://example.com/x"


def test_directory_is_walked_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Beta body text.")
    (tmp_path / "sub" / "a.md").write_text("Alpha body text.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("hidden")
    ids = [r.id for r in read_paths([tmp_path], 1000)]
    assert ids == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        read_paths([tmp_path / "missing.txt"], 1000)


@pytest.mark.parametrize("name, data, expected", [
    # declared Latin-1 with Windows-1252 curly quotes: read as a browser does
    ("latin1.html", b'<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 \x93grand\x94'
                    b"</p></body></html>", "Café “grand”"),
    ("cp1252.html", b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                    b"<p>Caf\xe9</p>", "Café"),
    ("undeclared.html", b"<p>Caf\xe9 \x96 bar</p>", "Café – bar"),  # not UTF-8: Windows-1252
    ("utf8.html", "<p>Café 東京</p>".encode(), "Café 東京"),
    ("bom16.html", "\ufeff<p>Café</p>".encode("utf-16-le"), "Café"),
])
def test_html_files_are_decoded_as_browsers_do(tmp_path, name, data, expected):
    (record,) = read(tmp_path, name, data)
    assert record.error is None and expected in record.html


def test_plain_text_must_be_utf8_and_the_error_says_how_to_convert(tmp_path):
    """QA pass 33: "at byte 3" for the fourth byte read as 1-based; an offset counts from 0."""
    (record,) = read(tmp_path, "legacy.txt", b"caf\xe9")
    assert "invalid UTF-8 at byte offset 3 (" in record.error and "iconv" in record.error
