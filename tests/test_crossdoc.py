"""Cross-article analysis: story clusters, the likely original, substitution evidence."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from scanner.cli import main
from scanner.crossdoc import RULE_ID, analyze_cluster
from scanner.crossdoc.align import align
from scanner.crossdoc.lsh import Sketches
from scanner.document import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SPUN_003 = "seeds/003_7df7fc6614518963.txt"

UNRELATED = [
    "The city council approved a new budget for public libraries on Monday, adding funds for "
    "longer opening hours, children's reading programmes and repairs to three branch roofs. "
    "Librarians welcomed the decision but said staffing remained a concern.",
    "Researchers in Norway have found that salmon farms near fjords attract wild cod, which "
    "feed on pellets that fall through the nets. The study tracked tagged fish for two years "
    "and found the cod grew faster but carried more parasites.",
    "A vintage steam locomotive returned to service after a twelve-year restoration by "
    "volunteers, who rebuilt its boiler, firebox and wheels in a railway workshop. Tickets for "
    "the first heritage trips along the coast line sold out within hours.",
    "The tennis champion withdrew from the tournament with a wrist injury, ending a run of "
    "forty consecutive appearances. Her coach said scans showed inflammation and that she "
    "would rest for a month before returning to the clay courts of Madrid.",
    "Farmers across the valley report an unusually early cherry harvest after a warm spring. "
    "Growers expect prices to fall as orchards ripen together, and cooperatives are hiring "
    "extra pickers and renting cold storage to keep the fruit fresh for export.",
]


def seed_docs() -> list[Document]:
    return [Document(p.read_text(encoding="utf-8"), id=f"seeds/{p.name}") for p in SEEDS]


def test_the_five_seeds_form_one_cluster():
    sketches = Sketches()
    for doc in seed_docs():
        sketches.add(doc.id, doc.text)
    assert sketches.clusters() == [[doc.id for doc in seed_docs()]]


def test_unrelated_articles_do_not_cluster():
    sketches = Sketches()
    for doc in seed_docs()[:1]:
        sketches.add(doc.id, doc.text)
    for k, text in enumerate(UNRELATED):
        sketches.add(f"u{k}", text)
    assert sketches.clusters() == []


def test_seed_003_shows_its_substitutions_against_the_others():
    docs = seed_docs()
    report, findings = analyze_cluster(docs, [None] * len(docs))
    assert report.original != SPUN_003 and set(findings) == {3} and docs[3].id == SPUN_003
    spun = next(m for m in report.members if m.id == SPUN_003)
    assert spun.flagged and spun.substitution_rate >= 0.1
    assert ("nations", "countries") in spun.substitutions
    assert ("sees", "visits") in spun.substitutions
    text = docs[3].text
    for finding in findings[3]:
        assert finding.rule == RULE_ID and finding.category.value == "spin"
        assert text[finding.start:finding.end] == finding.excerpt
        assert finding.suggestion and finding.data["substitution_rate"] == round(
            spun.substitution_rate, 4)
    assert all(not m.flagged for m in report.members if m.id != SPUN_003)


ORIGINAL = ("The government announced new missiles for the army on Tuesday. Officials said the "
            "weapons would protect the region from attacks. The minister said the decision was "
            "important for national security and would cost billions. Critics warned that the "
            "plan was expensive and said the money should help schools.")
SWAPS = [("missiles", "rockets"), ("protect", "safeguard"), ("decision", "choice"),
         ("important", "crucial"), ("warned", "cautioned"), ("expensive", "costly")]


def test_synthetic_spun_copy_against_its_original():
    original = Document(ORIGINAL, id="orig")
    spun = Document(
        "The government announced new rockets for the army on Tuesday. Officials stated the "
        "weapons would safeguard the region from attacks. The minister stated the choice was "
        "crucial for national security and would cost billions. Critics cautioned that the "
        "plan was costly and said the money should assist schools.", id="spun")
    alignment = align(spun, [original])
    pairs = {(s.copy, s.original) for s in alignment.substitutions}
    assert {("rockets", "missiles"), ("safeguard", "protect"), ("choice", "decision"),
            ("crucial", "important"), ("cautioned", "warned"), ("costly", "expensive"),
            ("assist", "help")} <= pairs
    assert alignment.rate > 0.1 and alignment.single_swaps >= 7
    report, findings = analyze_cluster([spun, original], [0.8, 0.05])
    assert report.original == "orig" and set(findings) == {0}


@pytest.mark.parametrize("swaps, shared_texts, flagged", [
    (6, 0, True), (5, 0, False),  # six one-word swaps at least
    (6, 3, True), (6, 5, False),  # of 163 aligned words 3.7 %, of 243 2.5 %: 3 % at least
])
def test_a_copy_is_flagged_from_six_single_swaps_and_3_percent_of_its_words(
        swaps, shared_texts, flagged):
    """The thresholds the README states for SPN100 (MIN_SINGLE_SWAPS, MIN_RATE)."""
    shared = "".join(f" {text}" for text in UNRELATED[:shared_texts])
    copy = ORIGINAL
    for word, swap in SWAPS[:swaps]:
        copy = copy.replace(word, swap)
    original, copy = Document(ORIGINAL + shared, id="orig"), Document(copy + shared, id="copy")
    alignment = align(copy, [original])
    assert alignment.single_swaps == swaps and (alignment.rate >= 0.03) == (shared_texts < 5)
    _, findings = analyze_cluster([copy, original], [0.8, 0.05])
    assert bool(findings) == flagged


def test_audit_crossdoc_adds_findings_and_a_cluster_report(tmp_path):
    out = tmp_path / "audit.jsonl"
    assert main(["audit", "--no-progress", str(ROOT / "seeds"), "-o", str(out),
                 "--crossdoc"]) == 0
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    spun_id = str(ROOT / SPUN_003)
    flagged = {i for i, r in records.items() if any(f["rule"] == RULE_ID for f in r["findings"])}
    assert flagged == {spun_id}
    starts = [f["start"] if f["start"] is not None else -1 for f in records[spun_id]["findings"]]
    assert starts == sorted(starts)
    (cluster,) = map(orjson.loads, (tmp_path / "audit.clusters.jsonl").read_bytes().splitlines())
    assert cluster["size"] == 5 and cluster["original"] != spun_id
    # running the stage again (e.g. after --resume) replaces, never duplicates, the findings
    before = len(records[spun_id]["findings"])
    assert main(["audit", "--no-progress", str(ROOT / "seeds"), "-o", str(out), "--crossdoc",
                 "--resume"]) == 0
    again = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert len(again[spun_id]["findings"]) == before


def test_a_resumed_crossdoc_audit_finds_the_copies_it_published_under_another_spelling(
        tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the seeds named "seeds/..." first, then "./seeds/..."
    fresh, out = tmp_path / "fresh.jsonl", tmp_path / "out.jsonl"
    seeds = [f"seeds/{p.name}" for p in SEEDS]
    assert main(["audit", "--no-progress", *seeds, "-o", str(fresh), "--crossdoc"]) == 0
    lines = fresh.read_bytes().splitlines(keepends=True)
    assert RULE_ID.encode() in lines[3] and orjson.loads(lines[3])["id"] == SPUN_003
    out.write_bytes(b"".join(lines[:4]))  # the run was killed after 4 records
    assert main(["audit", "--no-progress", *(f"./{s}" for s in seeds), "-o", str(out),
                 "--crossdoc", "--resume"]) == 0
    resumed = out.read_bytes().splitlines(keepends=True)
    assert resumed[:3] == lines[:3] and len(resumed) == 5
    assert orjson.loads(resumed[4])["id"] == f"./{seeds[4]}"  # as this run names it

    def evidence(line: bytes) -> list[tuple]:  # the original is named as this run names it
        return [(f["rule"], f["start"], f["end"], f["suggestion"])
                for f in orjson.loads(line)["findings"]]

    assert evidence(resumed[3]) == evidence(lines[3])  # 003 keeps its substitutions


def test_audit_select_spn100_runs_the_crossdoc_stage_alone(tmp_path, capsys):
    out = tmp_path / "audit.jsonl"
    args = ["audit", "--no-progress", str(ROOT / "seeds"), "-o", str(out), "--select", "SPN100"]
    assert main(args) == 2 and not out.exists()  # nothing would run: a usage error, as in scan
    assert capsys.readouterr().err == (
        "spinscan: error: select and ignore leave no rule to run on a document (SPN100, which "
        "compares copies of a story, runs only in `spinscan audit --crossdoc`)\n")
    assert main([*args, "--crossdoc"]) == 0
    records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    assert {i for i, r in records.items() if r["findings"]} == {str(ROOT / SPUN_003)}
    assert {r["scores"]["spin_note"] for r in records.values()} == {
        "not scored: no selected spin rule reads a single document (SPN100 compares copies of "
        "a story, in `audit --crossdoc`)"}


@pytest.mark.parametrize("selection", [["--ignore", "SPN100"], ["--select", "BPL,SPN001"]])
def test_audit_crossdoc_with_spn100_left_out_is_a_usage_error(tmp_path, capsys, selection):
    out = tmp_path / "audit.jsonl"
    args = ["audit", "--no-progress", str(ROOT / "seeds"), "-o", str(out), "--crossdoc", *selection]
    assert main(args) == 2 and not out.exists()
    assert capsys.readouterr().err == (
        "spinscan: error: --crossdoc adds SPN100 findings, but select and ignore leave SPN100 out\n")



def crossdoc_audit(folder: Path, config: str = "", comment: str | None = None,
                   before_line: int = 0) -> list[dict]:
    """SPN100 findings of seed 003 in a ``--crossdoc`` audit of copies of the seeds in
    ``folder``, with ``config`` as the ``--config`` file and ``comment`` inserted into 003's
    copy before its line ``before_line`` (0-based). No other copy gets any."""
    copies = folder / "copies"
    copies.mkdir(parents=True)
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        if comment is not None and path.name == Path(SPUN_003).name:
            lines = text.split("\n")
            text = "\n".join([*lines[:before_line], comment, *lines[before_line:]])
        (copies / path.name).write_text(text, encoding="utf-8")
    (folder / "c.toml").write_text(config, encoding="utf-8")
    out = folder / "audit.jsonl"
    assert main(["audit", "--no-progress", str(copies), "-o", str(out), "--crossdoc",
                 "--config", str(folder / "c.toml")]) == 0
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert not any(f["rule"] == RULE_ID for r in records if "003_" not in r["id"]
                   for f in r["findings"])
    (spun,) = (r for r in records if "003_" in r["id"])
    return [f for f in spun["findings"] if f["rule"] == RULE_ID]


@pytest.fixture(scope="module")
def unconfigured(tmp_path_factory) -> list[dict]:
    """Seed 003's SPN100 findings with no configuration."""
    return crossdoc_audit(tmp_path_factory.mktemp("plain"))


@pytest.mark.parametrize("config", [
    '[per-path-ignores]\n"*003_*" = ["SPN100"]\n',
    '[per-path-ignores]\n"*/copies/*" = ["spin"]\n',
    '[per-path-ignores]\n"*003_*" = ["cross-copy-substitution"]\n',
])
def test_crossdoc_findings_obey_path_ignores(tmp_path, unconfigured, config):
    assert len(unconfigured) >= 10 and {f["severity"] for f in unconfigured} == {"warning"}
    assert crossdoc_audit(tmp_path, config) == []


def test_crossdoc_findings_obey_severity_and_the_allow_list(tmp_path, unconfigured):
    allowed = unconfigured[0]["excerpt"]
    found = crossdoc_audit(tmp_path, f'allow = ["{allowed}"]\n[severity]\nSPN100 = "info"\n')
    assert {f["severity"] for f in found} == {"info"}
    assert [f["start"] for f in found] == [f["start"] for f in unconfigured
                                           if allowed.lower() not in f["excerpt"].lower()]


def test_crossdoc_findings_obey_inline_ignore_comments(tmp_path, unconfigured):
    assert crossdoc_audit(tmp_path / "file", comment="<!-- spinscan: ignore-file[SPN100] -->") == []
    first_line = unconfigured[0]["line"]  # a comment line before it: its findings go
    found = crossdoc_audit(tmp_path / "line", comment="<!-- spinscan: ignore[SPN100] -->",
                           before_line=first_line - 1)
    assert found and {f["line"] for f in found}.isdisjoint({first_line, first_line + 1})
    assert len(found) == sum(f["line"] != first_line for f in unconfigured)
