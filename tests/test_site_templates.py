"""Site templates (BPL012): lines a site repeats on its pages, counted across a feed."""
from __future__ import annotations

import json
import random

import orjson
import pytest

from scanner.boilerplate.site_lines import SiteLineCounter, line_hash, page_hashes
from scanner.checks.site_template import SiteTemplateLine
from scanner.cli import main
from scanner.document import Document

MENU = "Home\nWorld\nBusiness\nSport"
FOOTER = "Follow us on Twitter\n© 2016 Daily Example. All rights reserved.\nComments (12)"
WORDS = ("the council said on monday that its new plan would cost far more than expected while "
         "residents complained about long delays to the bridge repairs").split()
HEADLINES = ["Council delays bridge repairs", "Harbour reopens after storm", "Mayor opens market",
             "School wins chess final", "Bus fares rise in April", "Library gets new roof"]


def paragraph(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "."


def site_page(k: int, footer: str = FOOTER) -> str:
    body = "\n\n".join(paragraph(10 * k + j) for j in range(4))
    return f"{MENU}\n{HEADLINES[k]}\n\n{body}\n\n{footer}"


def story_version(v: int) -> str:
    """An update of one story: its paragraphs are the same in every version."""
    body = "\n\n".join(paragraph(999 + j) for j in range(4))
    update = ("Updated in the morning.", "Updated at noon.", "Updated in the evening.")[v]
    return f"{MENU}\nBridge closed: latest\n\n{body}\n\n{update}"


def findings_by_id(docs: list[Document]) -> dict[str, list[str]]:
    found = SiteTemplateLine().check_corpus(docs)
    return {doc.id: [f.excerpt for f in found.get(doc.id, [])] for doc in docs}


def test_line_hash_ignores_spacing_case_and_digits():
    assert line_hash("Comments (12)") == line_hash("  comments   (3) ")
    assert line_hash("Comments (12)") != line_hash("Comment (12)")
    assert line_hash("12 / 255") is None  # no letters: no evidence of a template


def test_counter_counts_distinct_pages_with_thresholds():
    counter = SiteLineCounter()
    menu = page_hashes(MENU.split("\n"))
    for k in range(5):
        counter.add("a.example", menu | {line_hash(f"story {'x' * k}")})
    counter.add("a.example", menu | {line_hash("story")})  # an exact duplicate: counted once
    for k in range(2):
        counter.add("b.example", menu | {line_hash(f"other {'y' * k}")})
    templates = counter.templates()
    assert set(templates) == {"a.example"}  # b's menu is on 2 pages only
    assert templates["a.example"].pages == 5
    assert set(templates["a.example"].lines.values()) == {5}
    assert set(templates["a.example"].lines) == menu
    # a share threshold leaves out lines on too few of the site's pages
    assert counter.templates(min_pages=3, min_share=1.01) == {}


def test_rule_flags_the_template_lines_of_a_site_with_exact_spans():
    docs = [Document(site_page(k), id=f"a{k}", source=f"https://www.daily.example/n/{k}")
            for k in range(6)]
    found = SiteTemplateLine().check_corpus(docs)
    for doc in docs:
        excerpts = [f.excerpt for f in found[doc.id]]
        assert excerpts == [MENU, FOOTER]
        for f in found[doc.id]:
            assert doc.text[f.start:f.end] == f.excerpt and f.severity.value == "warning"
            assert "daily.example" in f.message and f.data["site_pages"] == 6


def test_rule_leaves_story_copies_articles_and_small_sites_alone():
    docs = [Document(site_page(k), id=f"a{k}", source=f"https://daily.example/n/{k}")
            for k in range(6)]
    docs += [Document(story_version(v), id=f"v{v}", source=f"https://daily.example/s/{v}")
             for v in range(3)]
    docs += [Document(site_page(k), id=f"b{k}", source=f"https://small.example/{k}")
             for k in range(2)]
    found = findings_by_id(docs)
    for v in range(3):  # the story's shared paragraphs are its text: only the menu is flagged
        assert found[f"v{v}"] == [MENU]
    assert found["b0"] == found["b1"] == []  # two pages are no template
    bodies = [paragraph(10 * k + j) for k in range(6) for j in range(4)]
    assert not any(b in e for e in sum(found.values(), []) for b in bodies)


def test_rule_leaves_the_articles_own_labels_between_its_paragraphs():
    pages = []
    for k in range(4):
        first, second = paragraph(10 * k), paragraph(10 * k + 1)
        pages.append(Document(f"{MENU}\n{HEADLINES[k]}\n\n{first}\nPros\nLight\nCons\n"
                              f"Dear\n{second}\n\n{FOOTER}", id=f"r{k}", source="review.example"))
    for excerpts in findings_by_id(pages).values():
        assert excerpts == [MENU, FOOTER]  # not "Pros" or "Cons", on every page as well


def test_scan_does_not_run_it_and_a_lone_page_has_no_template():
    doc = Document(site_page(0))
    assert list(SiteTemplateLine().check(doc)) == []
    assert findings_by_id([doc]) == {doc.id: []}


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(6):
            out.write(json.dumps({"id": f"a{k}", "url": f"https://daily.example/n/{k}",
                                  "text": site_page(k)}) + "\n")
        out.write(json.dumps({"id": "bad", "text": 7}) + "\n")
    return path


def audit_records(feed, out, *options) -> dict[str, dict]:
    assert main(["audit", "--no-progress", str(feed), "-o", str(out), *options]) == 0
    return {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}


def test_audit_flags_template_lines_only_with_the_option(feed, tmp_path):
    plain = audit_records(feed, tmp_path / "plain.jsonl")
    assert not any(f["rule"] == "BPL012" for r in plain.values() for f in r["findings"])
    records = audit_records(feed, tmp_path / "out.jsonl", "--site-templates",
                            "--emit-clean", str(tmp_path / "clean"))
    assert set(records) == {f"a{k}" for k in range(6)} | {"bad"}
    assert records["bad"]["error"]
    for k in range(6):
        rules = [f["rule"] for f in records[f"a{k}"]["findings"] if f["rule"] == "BPL012"]
        assert len(rules) == 2
    clean = [orjson.loads(line) for line in (tmp_path / "clean" / "clean.jsonl").read_bytes()
             .splitlines()]
    for record in clean:
        assert "Follow us on Twitter" not in record["text"] and "Sport\n" not in record["text"]
        assert paragraph(10 * int(record["id"][1:])) in record["text"]


def test_resumed_audit_uses_the_templates_of_the_whole_feed(feed, tmp_path):
    out = tmp_path / "out.jsonl"
    whole = audit_records(feed, out, "--site-templates")
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]))  # as if stopped after two records
    resumed = audit_records(feed, out, "--site-templates", "--resume")
    assert resumed == whole


def test_site_templates_refuse_stdin(capsys):
    assert main(["audit", "-", "-o", "x.jsonl", "--site-templates"]) == 2
    assert "--site-templates reads the inputs twice" in capsys.readouterr().err
