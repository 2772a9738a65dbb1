"""The lines a site repeats on many of its pages: its template, evidence no single page holds.

A pass over a feed counts, per site (:func:`scanner.io.records.source_group`: the host of a
record's URL, else its file or directory), on how many distinct pages each line occurs
(:class:`SiteLineCounter`; an exact duplicate of a page counts once). The lines on at least
``MIN_PAGES`` pages and ``MIN_SHARE`` of their site's pages make the site's
:class:`SiteTemplate` (menus, footers, share bars, newsletter prompts, author bios): rule BPL012
flags them in every page of the site. This is template detection as in Bar-Yossef and
Rajagopalan (WWW 2002) and the cross-document line counts of C4 and Gopher, kept per site.

Lines are compared after white space is collapsed, letters lowered and digit runs replaced by
``0`` ("Comments (12)" and "Comments (3)" are one line). Memory stays bounded on millions of
pages: a line seen once is remembered only as three bits of a Bloom filter (32 MB); only a line
met on a second page gets an exact counter.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

MIN_PAGES = 3  # a template line occurs on at least this many distinct pages of its site...
MIN_SHARE = 0.2  # ...and on at least this share of them
_LINE_BITS = 44  # a counter key is the site's number above a 44-bit hash of the line
_LINE_MASK = (1 << _LINE_BITS) - 1
_BLOOM_BITS = 1 << 28
_DIGITS_RE = re.compile(r"\d+")
_LETTER_RE = re.compile(r"[^\W\d_]")


def line_hash(line: str) -> int | None:
    """44-bit hash of a line as sites repeat it (spacing, case and digits ignored); None for a
    line without letters."""
    if not _LETTER_RE.search(line):
        return None
    normal = _DIGITS_RE.sub("0", " ".join(line.split()).lower())
    digest = hashlib.blake2b(normal.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") & _LINE_MASK


def page_hashes(lines: Iterable[str]) -> set[int]:
    """The :func:`line_hash` of every line with letters."""
    return {h for h in map(line_hash, lines) if h is not None}


@dataclass
class SiteTemplate:
    """A site's template lines: ``lines`` maps :func:`line_hash` to the number of the site's
    distinct pages holding the line; ``pages`` is how many distinct pages the site has."""

    site: str
    pages: int
    lines: dict[int, int] = field(default_factory=dict)


class _BloomFilter:
    """Set membership with false positives only (three bits per key), in a fixed 32 MB."""

    def __init__(self) -> None:
        self._bits = bytearray(_BLOOM_BITS // 8)

    def add(self, key: int) -> bool:
        """Add ``key``; whether it was (probably) there already."""
        present = True
        for salt in range(3):
            bit = hash((key, salt)) % _BLOOM_BITS  # int tuples hash alike in every process
            byte, mask = bit >> 3, 1 << (bit & 7)
            if not self._bits[byte] & mask:
                present = False
                self._bits[byte] |= mask
        return present


class SiteLineCounter:
    """Counts, per site, on how many distinct pages each line occurs."""

    def __init__(self) -> None:
        self._sites: dict[str, int] = {}
        self._pages: list[int] = []  # distinct pages per site number
        self._seen = _BloomFilter()  # keys of pages and of lines met once
        self._counts: dict[int, int] = {}  # keys of lines met on two pages or more

    def add(self, site: str, hashes: set[int]) -> None:
        """Count one page of ``site``, given as the :func:`page_hashes` of its lines."""
        number = self._sites.setdefault(site, len(self._sites))
        if number == len(self._pages):
            self._pages.append(0)
        base = number << _LINE_BITS
        if self._seen.add(-1 - (base | _hash_of_hashes(hashes))):  # negative: a page's key
            return  # an exact duplicate of a page counted before (the same set of lines)
        self._pages[number] += 1
        counts = self._counts
        for h in hashes:
            key = base | h
            if key in counts:
                counts[key] += 1
            elif self._seen.add(key):
                counts[key] = 2

    def templates(self, min_pages: int = MIN_PAGES,
                  min_share: float = MIN_SHARE) -> dict[str, SiteTemplate]:
        """Each site's template: its lines on at least ``min_pages`` distinct pages and
        ``min_share`` of them. Sites without such lines are left out."""
        names = list(self._sites)
        found: dict[str, SiteTemplate] = {}
        for key, pages in self._counts.items():
            number = key >> _LINE_BITS
            total = self._pages[number]
            if pages >= min_pages and pages >= min_share * total:
                site = names[number]
                template = found.setdefault(site, SiteTemplate(site, total))
                template.lines[key & _LINE_MASK] = pages
        return found


def count_templates(pages: Iterable[tuple[str, set[int]]], min_pages: int = MIN_PAGES,
                    min_share: float = MIN_SHARE) -> dict[str, SiteTemplate]:
    """The template of every site with one, from the ``(site, page_hashes)`` of its pages
    (see :meth:`SiteLineCounter.templates`)."""
    counter = SiteLineCounter()
    for site, hashes in pages:
        counter.add(site, hashes)
    return counter.templates(min_pages, min_share)


def _hash_of_hashes(hashes: set[int]) -> int:
    """An order-free 44-bit hash of a set of line hashes (the page's identity)."""
    digest = hashlib.blake2b(b"".join(h.to_bytes(6, "little") for h in sorted(hashes)),
                             digest_size=8).digest()
    return int.from_bytes(digest, "little") & _LINE_MASK
