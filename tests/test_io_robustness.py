"""Input robustness: damaged gzip/WARC, BOMs, UTF-16, stdin sniffing, odd JSONL and CSV records.

Each bad input yields error records naming the file/record and the problem (never a traceback,
never lost records before the damage); the matching good input still reads.
"""
from __future__ import annotations

import gzip
import io
import os
import random

import pytest

from scanner.io import read_files
from scanner.io.opener import DamagedGzipError, open_binary
from scanner.io.options import ReadOptions
from scanner.io.sources import expand_paths

BODY = "A body sentence that is long enough to be an article about the council. " * 3


def read(paths, **options):
    return list(read_files(expand_paths([str(p) for p in paths]), ReadOptions(**options)))


def _jsonl(count: int) -> bytes:
    # random hex keeps the compressed data long, so damage in its middle has records before it;
    # seeded: damaged deflate data may decode to garbage for a while before zlib notices
    rng = random.Random(count)
    return b"".join(b'{"id": "r%d", "text": "%s"}\n' % (i, rng.randbytes(200).hex().encode())
                    for i in range(count))


def _damage(data: bytes, at: int, size: int, fill: bytes) -> bytes:
    return data[:at] + fill * size + data[at + size:]


# 1. damaged gzip --------------------------------------------------------------------------

def test_gzip_damaged_near_its_start_is_one_error_record(tmp_path):
    path = tmp_path / "corrupt.jsonl.gz"
    path.write_bytes(_damage(gzip.compress(_jsonl(25)), 100, 50, b"\xff"))
    records = read([path])
    assert len(records) == 1
    assert records and "damaged gzip data at byte " in records[-1].error
    assert records[-1].id.startswith(f"{path}:")
    assert all(r.error is None for r in records[:-1])


def test_gzip_damaged_in_the_middle_keeps_the_records_before(tmp_path):
    data = gzip.compress(_jsonl(400), compresslevel=1)
    path = tmp_path / "mid.jsonl.gz"
    path.write_bytes(_damage(data, len(data) // 2, 50, b"\x00"))
    records = read([path])
    good = [r for r in records if r.error is None]
    assert len(good) >= 150 and [r.id for r in good[:150]] == [f"r{i}" for i in range(150)]
    assert "damaged gzip data" in records[-1].error


def _bad_checksum(member: bytes) -> bytes:
    """A gzip member whose CRC-32 (in its trailer) does not match its data."""
    return member[:-8] + bytes([member[-8] ^ 1]) + member[-7:]


@pytest.mark.parametrize("cut, first_line", [(0, 1), (5, 6), (5.5, 6)])
def test_a_failed_gzip_checksum_says_which_records_may_be_corrupt(tmp_path, cut, first_line):
    # the checksum fails at the end of the last member, which starts at line `first_line`
    # (in it, when the member boundary cuts a line)
    data = _jsonl(10)
    split = data.index(b"\n", data.index(b'"r%d"' % int(cut))) - 20 if cut % 1 else \
        (data.index(b'{"id": "r%d"' % cut) if cut else 0)
    members = (gzip.compress(data[:split]) if split else b"") + _bad_checksum(
        gzip.compress(data[split:]))
    path = tmp_path / "crc.jsonl.gz"
    path.write_bytes(members)
    *records, damage = read([path])
    assert [r.id for r in records] == [f"r{i}" for i in range(10)]
    start = len(gzip.compress(data[:split])) if split else 0
    assert damage.error == (
        f"{path}:11: damaged gzip data: the checksum at the end of the gzip member that starts "
        f"at compressed byte {start} fails (incorrect data check), so the data read from that "
        f"member may be corrupt (the records from line {first_line} on)")


def test_gzip_cli_run_has_no_traceback_and_fails(tmp_path, capsys):
    from scanner.cli import main

    path = tmp_path / "corrupt.jsonl.gz"
    path.write_bytes(_damage(gzip.compress(_jsonl(25)), 100, 50, b"\xff"))
    code = main(["scan", str(path), "-f", "jsonl"])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err and "damaged gzip data" in out.out


def test_good_gzip_multi_member_and_padding_still_read(tmp_path):
    path = tmp_path / "multi.gz"
    path.write_bytes(gzip.compress(b"a\n" * 10) + gzip.compress(b"b\n" * 5) + b"\x00" * 10)
    with open_binary(str(path)) as handle:
        assert handle.read() == b"a\n" * 10 + b"b\n" * 5
    junk = tmp_path / "junk.gz"
    junk.write_bytes(gzip.compress(b"a\n") + b"junk")
    with open_binary(str(junk)) as handle:
        assert handle.readline() == b"a\n"  # the data before the junk, then the error
        with pytest.raises(DamagedGzipError, match="after the end"):
            handle.readline()
    plain = tmp_path / "ok.jsonl.gz"
    plain.write_bytes(gzip.compress(_jsonl(30)))
    assert [r.id for r in read([plain])] == [f"r{i}" for i in range(30)]


# 2. damaged WARC.gz -------------------------------------------------------------------------

def _warc(count: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i in range(count):
        body = f"<html><title>Story {i}</title><body><p>{BODY}</p></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"http://example.com/{i}", "response", payload=io.BytesIO(body),
            http_headers=headers))
    return out.getvalue()


def test_damaged_warc_gz_keeps_the_records_before_the_damage(tmp_path):
    pytest.importorskip("warcio")
    data = _warc(50)
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(_damage(data, len(data) // 2, 200, b"\x00"))
    records = read([path])
    good = [r for r in records if r.error is None]
    assert len(good) >= 20 and good[0].source == "http://example.com/0"
    assert len(records) == len(good) + 1 and "damaged gzip data" in records[-1].error
    assert len(read([_write(tmp_path / "ok.warc.gz", data)])) == 50


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_damaged_gzipped_document_is_an_error_not_a_truncated_text(tmp_path):
    text = (BODY + "\n") * 200 + os.urandom(3000).hex()
    data = gzip.compress(text.encode())
    path = tmp_path / "story.txt.gz"
    path.write_bytes(_damage(data, len(data) // 2, 50, b"\xff"))
    (record,) = read([path])
    assert record.error.startswith(f"{path}: cannot read: damaged gzip data")
    path.write_bytes(data)
    assert read([path])[0].text == text


# 3. UTF-8 BOM in JSONL --------------------------------------------------------------------

def test_jsonl_utf8_bom_is_skipped(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Body."}\n{"id": "b", "text": "Two."}\n')
    first, second = read([path])
    assert (first.id, first.text, first.error) == ("a", "Body.", None) and second.id == "b"
    # a BOM is only skipped at the start of the file: elsewhere it is still malformed JSON
    path.write_bytes(b'{"id": "a", "text": "Body."}\n\xef\xbb\xbf{"id": "b", "text": "Two."}\n')
    assert read([path])[1].error.startswith(f"{path}:2: malformed JSON")


# 4. stdin is gunzipped and sniffed as a file is -------------------------------------------

def _stdin(monkeypatch, data: bytes) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_gzip_jsonl_is_detected(monkeypatch):
    _stdin(monkeypatch, gzip.compress(b'{"id": "s1", "text": "One."}\n'
                                      b'{"id": "s2", "text": "Two."}\n'))
    assert [(r.id, r.text) for r in read(["-"])] == [("s1", "One."), ("s2", "Two.")]
    _stdin(monkeypatch, b'{"id": "s1", "text": "One."}\n')  # plain JSONL still works
    assert [r.id for r in read(["-"])] == ["s1"]


def test_stdin_damaged_gzip_is_an_error_record(monkeypatch):
    data = gzip.compress(_jsonl(25))
    _stdin(monkeypatch, _damage(data, 100, 50, b"\xff"))
    records = read(["-"])
    assert "damaged gzip data" in records[-1].error and records[-1].id.startswith("-")


def test_stdin_utf16_html_is_detected_as_html(monkeypatch, tmp_path):
    page = "<html><head><title>Café news</title></head><body><p>Body.</p></body></html>"
    data = b"\xff\xfe" + page.encode("utf-16-le")
    _stdin(monkeypatch, data)
    (record,) = read(["-"])
    assert record.error is None and record.html == page
    path = tmp_path / "page.html"
    path.write_bytes(data)
    assert read([path])[0].html == page


@pytest.mark.parametrize("name, codec", [("rows.jsonl", "utf-16"), ("rows.csv", "utf-32"),
                                         ("rows", "utf-16")])
def test_wide_jsonl_or_csv_is_one_error_record_saying_it_must_be_utf8(tmp_path, name, codec):
    text = ('{"id": "a", "text": "Body."}\n' if name != "rows.csv" else "id,text\na,Body.\n") * 3
    path = tmp_path / name
    path.write_bytes(text.encode(codec))  # Python's utf-16/utf-32 write a byte-order mark
    (record,) = read([path])
    assert record.error == (f"{path}: {'CSV' if name == 'rows.csv' else 'JSONL'} in "
                            f"{codec.upper()}; JSONL and CSV files must be UTF-8")


# 5. UTF-16/32 text files with a byte-order mark ---------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_with_a_bom_is_decoded(tmp_path, codec):
    text = "Café council approves the budget.\nA second line."
    path = tmp_path / "story.txt"
    path.write_bytes(("\ufeff" + text).encode(codec))
    (record,) = read([path])
    assert record.error is None and record.text == text


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")])
def test_utf16_without_bom_is_an_error_that_says_what_it_looks_like(tmp_path, codec, name):
    """QA pass 33: UTF-16 without a byte-order mark was called a binary file; it is still an
    error (the mark is what tells UTF-16), whose message says what the bytes look like."""
    path = tmp_path / "story.txt"
    path.write_bytes("Café owner’s plan approved.\nNo byte-order mark here.".encode(codec))
    assert read([path])[0].error == (
        f"{path}: every other byte is NUL, as in {name.upper()} text without a byte-order mark "
        f"(UTF-16 is read by its mark; convert it to UTF-8 first, e.g. with iconv -f {name} "
        "-t utf-8)")


def test_wide_text_without_bom_or_broken_is_still_an_error(tmp_path):
    path = tmp_path / "story.txt"
    for data in ("No mark.".encode("utf-32-le"), bytes(range(256)), b"\x01\x00\x02\x00" * 8):
        path.write_bytes(data)  # UTF-32, binary, small 16-bit numbers: no UTF-16 text
        assert read([path])[0].error == f"{path}: binary file (NUL bytes), not text"
    path.write_bytes(b"\xff\xfe" + "Cut".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert read([path])[0].error == f"{path}: invalid UTF-16 at byte offset 8"
    path.write_bytes(b"Plain UTF-8 text.")
    assert read([path])[0].text == "Plain UTF-8 text."


# 6. unpaired surrogate escapes in JSON strings ----------------------------------------------

def test_lone_surrogate_escape_is_read_as_replacement_character(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"id": "s1", "title": "T\\udc00", "text": "Before \\ud800 after.", '
                     b'"meta": {"tags": ["\\ud800\\u0041"]}}\n'
                     b'{"id": "s2", "text": "A pair \\ud83d\\ude00 stays an emoji."}\n'
                     b'{"id": "s3", "text": "\\ud800", "n": NaN}\n')
    one, two, three = read([path])
    assert (one.id, one.title, one.text) == ("s1", "T\ufffd", "Before \ufffd after.")
    assert one.error is None and two.text == "A pair \U0001F600 stays an emoji."
    # still malformed for another reason: the orjson message is kept
    assert three.id == f"{path}:3" and "malformed JSON" in three.error


def test_a_number_beyond_a_double_is_read_as_the_standard_parser_reads_it(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_bytes(b'{"id": "n1", "text": "Body.", "views": 1e999}\n'
                     b'{"id": "n2", "text": "Body.", "meta": {"ratio": -2E+400}}\n')
    one, two = read([path])
    assert (one.id, one.text, one.error) == ("n1", "Body.", None)
    assert (two.id, two.text, two.error) == ("n2", "Body.", None)


# 7. the id of an oversized JSONL record -----------------------------------------------------

def test_oversized_record_keeps_its_own_id(tmp_path):
    path = tmp_path / "big.jsonl"
    big = b'"text": "' + b"word " * 1000 + b'"}\n'
    path.write_bytes(b'{"id": "BAD-huge", ' + big
                     + b'{"meta": {"id": "inner"}, "title": "\\"id\\": \\"no\\"", "id": 7, ' + big
                     + b'{"title": "no id", ' + big
                     + b'{"id": "next", "text": "Body."}\n')
    named, numbered, anonymous, nxt = read([path], max_bytes=200)
    assert named.id == "BAD-huge" and named.source == f"{path}:1"
    assert named.error.startswith(f"{path}:1: record is ") and "200-byte limit" in named.error
    assert numbered.id == "7" and "no 'id'" not in numbered.error
    assert anonymous.id == f"{path}:3" and anonymous.error.endswith("no 'id' in its first bytes")
    assert (nxt.id, nxt.error) == ("next", None)


@pytest.mark.parametrize("before, found", [(3_000, True), (65_000, True), (66_000, False)])
def test_the_id_of_an_oversized_line_is_searched_in_its_first_64_kb(tmp_path, before, found):
    # whatever --max-doc-bytes is (below 64 KB, only that many bytes were searched)
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"text": "' + b"w" * before + b'", "id": "late"}\n{"id": "next"}\n')
    late, _ = read([path], max_bytes=2000)
    assert late.id == ("late" if found else f"{path}:1")
    assert late.error.startswith(f"{path}:1: record is {before + 27} bytes, above the 2000-byte")


# 8. a record with no text and no title is an empty document, as an empty file is -----------

def test_blank_jsonl_and_csv_records_are_empty_documents_like_empty_files(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text('{"id": "e", "text": ""}\n{"id": "w", "text": "  \\n ", "title": " "}\n'
                    '{"id": "h", "html": " "}\n{"id": "t", "title": "Only a headline", "text": ""}\n'
                    '{"id": "ok", "text": "Body."}\n')
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n")
    csv = tmp_path / "e.csv"
    csv.write_text("id,title,text\nc1,,\nc2,Headline,\n")
    e, w, h, t, ok, file_, c1, c2 = read([path, empty, csv])
    # the blank fields named, as a null one is (QA pass 35)
    assert (e.id, e.error) == ("e", f"{path}:1: empty document ('text' is empty)")
    assert w.error == (f"{path}:2: empty document ('text' is whitespace only, 'title' is "
                       "whitespace only)")
    assert h.error == f"{path}:3: empty document ('html' is whitespace only)"
    assert file_.error == f"{empty}: empty document"
    # empty cells: absent
    assert c1.error == f"{csv}:2: record has no 'text', 'html' or 'title' (fields: id)"
    # a title with an empty body stays valid: its headline is checked
    assert (t.error, t.title, t.text) == (None, "Only a headline", "")
    assert (c2.error, c2.title) == (None, "Headline") and ok.text == "Body."


def test_an_empty_text_is_named_by_the_field_it_is_read_from(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text('{"id": "e", "doc": {"body": ""}}\n{"id": "n", "doc": {"body": null}}\n')
    empty, null = read([path], text_field="doc.body")
    assert empty.error == f"{path}:1: empty document ('doc.body' is empty)"
    assert null.error.endswith("(fields: id, doc, doc.body: null)")


@pytest.mark.parametrize(("name", "data"), [("none.jsonl", b""), ("blank.jsonl", b"\n  \n"),
                                          ("none.jsonl.gz", gzip.compress(b"")),
                                          ("header.csv", b"id,text\n"), ("none.warc", b"")])
def test_a_container_without_records_is_one_error_record(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    (record,) = read([path])
    assert (record.id, record.error) == (str(path), f"{path}: no records in the file")


# 9. a CSV header without the text column ----------------------------------------------------

def test_csv_without_text_column_is_one_error_naming_the_column(tmp_path):
    bad = tmp_path / "notext.csv"
    bad.write_text("id,title,body\n1,Council approves budget,The council met.\n2,Two,Body.\n")
    good = tmp_path / "ok.tsv"
    good.write_text("id\ttitle\thtml\n1\tHeadline\t<p>The council met.</p>\n")
    error, ok = read([bad, good])
    assert error.id == str(bad) and error.error == (
        f"{bad}: the CSV header has no 'text' or 'html' column (it has: id, title, body)")
    assert (ok.id, ok.title, ok.html, ok.error) == ("1", "Headline", "<p>The council met.</p>",
                                                    None)
    assert len(read([bad], text_field="body")) == 2
    (body,) = read([bad], text_field="body")[:1]
    assert body.error is None and body.text == "The council met."


def test_gzipped_csv_feed_and_html_still_read(tmp_path):
    csv = tmp_path / "rows.csv.gz"
    csv.write_bytes(gzip.compress(b"\xef\xbb\xbfid,text\n1,Body one.\n2,Body two.\n"))
    html = tmp_path / "page.html.gz"
    html.write_bytes(gzip.compress(b"<html><title>T</title><p>Body.</p></html>"))
    feed = tmp_path / "news.rss.gz"
    feed.write_bytes(gzip.compress(b'<rss version="2.0"><channel><item><title>T</title>'
                                   b"<description>Body.</description></item></channel></rss>"))
    one, two, page, *entries = read([csv, html, feed])
    assert (one.id, one.text, two.text) == ("1", "Body one.", "Body two.")
    assert page.html.startswith("<html>") and entries and entries[0].error is None


def test_csv_of_headlines_only_reads_each_title_and_other_columns_still_refuse(tmp_path):
    headlines = tmp_path / "headlines.csv"
    headlines.write_text("id,title,url\n1,Council approves budget,https://x.test/a\n"
                         "2,You Won't Believe What Happened Next,\n")
    first, second = read([headlines])
    assert (first.id, first.title, first.text, first.error) == (
        "1", "Council approves budget", "", None)
    assert (second.title, second.error) == ("You Won't Believe What Happened Next", None)
    unknown = tmp_path / "mixed.csv"
    unknown.write_text("title,body\nCouncil approves budget,The council met.\n")
    (error,) = read([unknown])
    assert error.error == (f"{unknown}: the CSV header has no 'text' or 'html' column "
                           "(it has: title, body)")
