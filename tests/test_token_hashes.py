"""Token hashes from a text's bytes: the tokens of str.split(), hashed as each token alone."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from scanner import document, token_hashes
from scanner.document import Document
from tests.conftest import SEEDS

BEYOND_ASCII = "".join(map(chr, range(0x80, sys.maxunicode + 1)))
UNICODE_SPACES = [char for char in BEYOND_ASCII if char.isspace()]
ASCII_SPACES = [chr(c) for c in range(0x80) if chr(c).isspace()]
TRICKY = [
    "", " ", "   \t\n ", "word", "  padded  ", "The the THE tHe", "tabs\tand\ttabs\t\tand",
    "no\xa0break\xa0break space", "ideographic\u3000space\u3000space", "line\u2028separator",
    "İstanbul İSTANBUL istanbul", "ΣΊΣΥΦΟΣ σίσυφος", "中文 中文 测试文本", "日本語の文章です 日本語の文章です",
    "unit\x1fsep\x1crecord\x0bvtab\x0cfeed\r\n", "nel\x85nel", "…à … à Å Å",  # 0x85/0xA0 bytes
    "\x00 \x00 a\x00 a", "surrogate \ud800 \ud800 end",
]


def hashes_of(text: str) -> np.ndarray:
    return token_hashes.token_bytes(text).hashes


def test_the_white_space_beyond_ascii_is_that_of_str_split():
    assert token_hashes.UNICODE_SPACE_RE.findall(BEYOND_ASCII) == UNICODE_SPACES


@pytest.mark.parametrize("text", TRICKY + [path.read_text(encoding="utf-8") for path in SEEDS])
def test_tokens_are_those_of_str_split_each_hashed_alone(text):
    # a boundary off by a byte changes the token's hash: not the hash of the token alone
    tokens = text.split()
    hashes = hashes_of(text)
    assert hashes.dtype == np.uint64 and len(hashes) == len(tokens)
    assert hashes.tolist() == [hashes_of(token)[0] for token in tokens]


@pytest.mark.parametrize("text", TRICKY)
def test_adjacent_hashes_are_equal_where_the_tokens_are(text):
    tokens = text.lower().split()
    hashes = Document(text).lower_token_hashes
    assert (hashes[1:] == hashes[:-1]).tolist() == [a == b for a, b in zip(tokens, tokens[1:])]


@pytest.mark.parametrize("space", ASCII_SPACES + UNICODE_SPACES)
def test_every_white_space_separates_tokens(space):
    text = f"ab{space}ab{space * 2}cd{space}"
    first, second, third = hashes_of(text)
    assert first == second != third


def test_no_other_character_separates_tokens():
    others = "".join(chr(c) for c in range(0x3100) if not chr(c).isspace())
    assert len(hashes_of(others)) == 1


@pytest.mark.parametrize("pair", [
    ("nigerian", "nigeria."), ("a", "a\x00"), ("abcdefgh", "bcdefgh"), ("ab", "ba"),
    ("international", "national"), ("x" * 9, "x" * 10), ("αβγδ", "αβγε"), ("€", "£"),
])
def test_tokens_of_up_to_eight_bytes_or_of_other_sizes_or_endings_hash_apart(pair):
    # each token's last 8 bytes (a shorter one's bytes alone) and its size make its hash
    first, second = (hashes_of(f"{token} ")[0] for token in pair)
    assert first != second


def test_a_long_token_hashes_as_itself_wherever_it_stands():
    token = "supercalifragilistic" * 3
    hashes = hashes_of(f"{token} x {token}\t{token.upper()} {token}")
    assert hashes[0] == hashes[2] == hashes[4] == hashes_of(token)[0] != hashes[3]


def test_the_hashes_are_kept_once_built_whatever_the_size_of_the_text(monkeypatch):
    monkeypatch.setattr(document, "LARGE_TEXT", 100)  # its tokens are built anew on each use
    for text in (SEEDS[2].read_text(encoding="utf-8"), "A short text keeps its hashes."):
        doc = Document(text)
        hashes = doc.lower_token_hashes
        assert doc.lower_token_hashes is hashes and len(hashes) == len(text.split())


@pytest.mark.parametrize("text", TRICKY + [path.read_text(encoding="utf-8") for path in SEEDS])
def test_token_sizes_are_the_utf8_sizes_of_the_str_split_tokens(text):
    tokens = token_hashes.token_bytes(text)
    sizes, chars = tokens.sizes, tokens.chars
    tokens = text.split()
    assert sizes.tolist() == [len(token.encode("utf-8", "surrogatepass")) for token in tokens]
    assert chars == sum(map(len, tokens))


def test_the_unicode_space_test_is_made_once_for_the_text_and_holds_for_its_lowercase():
    # both sides: a text with white space beyond ASCII (told, and replaced) and one without
    for space in UNICODE_SPACES:
        doc = Document(text=f"Ünïcode{space}SPACE … “quoted”")
        assert doc.unicode_space and token_hashes.has_unicode_space(doc.lower_text)
        assert np.array_equal(doc.lower_token_hashes, hashes_of(doc.lower_text))
        assert len(doc.lower_token_hashes) == 4
    doc = Document(text="No ünïcode space … “quoted”\t\n")
    assert not doc.unicode_space and not token_hashes.has_unicode_space("ascii text\t\n")
    assert np.array_equal(doc.lower_token_hashes, hashes_of(doc.lower_text))
    assert token_hashes.ascii_spaced("a\xa0b", unicode_space=False) == "a\xa0b"  # as told


@pytest.mark.parametrize("text", TRICKY + [
    "Â\xa0mojibake Â and ÉTÉ Ünïcode", "ΣΊΣΥΦΟΣ ΟΔΟΣ σ", "Kelvin \u212a İstanbul", "caseless … “quotes”",
])
def test_the_lowercased_text_is_str_lower(text):
    assert Document(text=text).lower_text == text.lower()
    assert Document(text=text).lower_utf8 == text.lower().encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("text", TRICKY + [
    "Â\xa0mojibake Â and ÉTÉ Ünïcode", "ΣΊΣΥΦΟΣ ΟΔΟΣ σ", "Kelvin \u212a İstanbul", "İİ İ\u0130x",
    "caseless … “quotes”", "ASCII Only, Capitals",
])
def test_the_lowercased_texts_tokens_are_read_from_its_utf8_as_from_the_string(text):
    # Document.lower_token_bytes reads lower_utf8 and counts the lowercased characters ("İ": two)
    # without the string, unless the text holds white space beyond ASCII
    expected, tokens = token_hashes.token_bytes(text.lower()), Document(text=text).lower_token_bytes
    assert np.array_equal(tokens.hashes, expected.hashes)
    assert np.array_equal(tokens.sizes, expected.sizes)
    assert (tokens.text_chars, tokens.text_bytes) == (expected.text_chars, expected.text_bytes)


def test_str_lower_maps_each_character_alone_but_capital_sigma_to_characters_it_keeps():
    # what Document.lower_text's replacement of each character beyond ASCII relies on
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        assert lowered.lower() == lowered, hex(code)
        if code != 0x3A3:
            assert ("a" + char + " " + char).lower() == "a" + lowered + " " + lowered, hex(code)
