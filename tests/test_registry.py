"""Registry: every rule well-formed and true to its own examples; duplicates; selectors; plugins."""
from __future__ import annotations

import re
import sys
import textwrap

import pytest

from scanner.finding import Category, Severity
from scanner.registry import Registry, RegistryError, build_registry
from scanner.rule import CorpusRule, Rule, flag, ok
from tests.conftest import doc_of

REGISTRY = build_registry(plugins=False)
RULES = list(REGISTRY)


def test_registry_has_rules_of_every_category():
    assert {r.category for r in RULES} == set(Category)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert re.fullmatch(r"[A-Z]{2,5}\d{3}", rule.id)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert isinstance(rule.severity, Severity) and isinstance(rule.category, Category)
    assert rule.summary.strip() and len(rule.docs.strip()) > 40
    assert any(e.flagged for e in rule.examples), "needs a must-flag example"
    assert any(not e.flagged for e in rule.examples), "needs a must-not-flag example"


def findings_on_examples(rule):
    """``(example, its findings)``: one document at a time, or all together for a corpus rule."""
    docs = [doc_of(e.text, e.title) for e in rule.examples]
    if isinstance(rule, CorpusRule):
        for k, doc in enumerate(docs):
            doc.id = f"example-{k}"
        by_id = rule.check_corpus(docs)
        return [(e, by_id.get(d.id, [])) for e, d in zip(rule.examples, docs)]
    return [(e, [f for f in rule.check(d) if f.rule == rule.id])
            for e, d in zip(rule.examples, docs)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_holds_on_its_own_examples(rule):
    for example, found in findings_on_examples(rule):
        if example.flagged:
            assert found, f"{rule.id} should flag: {example.text!r}"
            for f in found:
                if f.start is not None:
                    assert 0 <= f.start < f.end <= len(example.text)
        else:
            assert not found, f"{rule.id} should not flag: {example.text!r} ({found[0].message})"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_id_prefix_is_the_category_of_the_rule(rule):
    """The README's "What it finds" table and the summary's columns pair each category with an
    id prefix, so `--select repetition` and `--select REP` choose alike (QA pass 12 D11:
    REP010 was a readability rule, counted in the RDB column)."""
    from scanner.report.rich_summary import ABBREVIATIONS

    assert rule.id[:3] == ABBREVIATIONS[rule.category]


def test_rep010_is_selected_as_repetition():
    assert "REP010" in {r.id for r in REGISTRY.select(["repetition"])}
    assert "REP010" not in {r.id for r in REGISTRY.select(["readability"])}
    assert {r.id for r in REGISTRY.select(["repetition"])} == {
        r.id for r in REGISTRY.select(["REP"])}


def test_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


class _Dummy(Rule):
    id = "ZZZ001"
    name = "dummy"
    category = Category.SPAM
    summary = "dummy"
    docs = "A dummy rule used by tests to check the registry and plugins."
    examples = [flag("zzz"), ok("abc")]

    def check(self, doc):
        for m in re.finditer("zzz", doc.text):
            yield self.finding(doc, m.start(), m.end(), "zzz found")


def test_duplicate_id_is_an_error():
    registry = Registry()
    registry.add(_Dummy())
    with pytest.raises(RegistryError, match="duplicate rule id ZZZ001"):
        registry.add(_Dummy())


def test_selectors():
    first = RULES[0]
    assert REGISTRY.select([first.id]) == [first]
    assert REGISTRY.select([first.name]) == [first]
    prefix = first.id[:3]
    assert all(r.id.startswith(prefix) for r in REGISTRY.select([prefix]))
    headline = REGISTRY.select(["headline"])
    assert headline and all(r.category is Category.HEADLINE for r in headline)
    assert not any(r.category is Category.SPIN for r in REGISTRY.select(ignore=["spin"]))
    with pytest.raises(RegistryError, match="matches no rule"):
        REGISTRY.select(["NOPE999"])


def test_entry_point_plugins_are_loaded(tmp_path, monkeypatch):
    package = tmp_path / "spinscan_dummy_plugin.py"
    package.write_text(textwrap.dedent('''
        import re
        from scanner.finding import Category
        from scanner.rule import Rule, flag, ok

        class Plugged(Rule):
            id = "PLG001"
            name = "plugged"
            category = Category.SPAM
            summary = "from a plugin"
            docs = "A rule that a third-party package registers via the entry-point group."
            examples = [flag("plug"), ok("none")]
            def check(self, doc):
                for m in re.finditer("plug", doc.text):
                    yield self.finding(doc, m.start(), m.end(), "plug")

        RULES = [Plugged]
    '''))
    dist = tmp_path / "spinscan_dummy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spinscan-dummy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[spinscan.rules]\ndummy = spinscan_dummy_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = build_registry()
    rule = registry.get("PLG001")
    assert rule is not None and rule.origin.startswith("plugin")
    assert [f.excerpt for f in rule.check(doc_of("a plug here"))] == ["plug"]
    sys.modules.pop("spinscan_dummy_plugin", None)


def _fake_entry_points(monkeypatch, *pairs):
    """Make ``scanner.registry`` see ``spinscan.rules`` entry points ``name = value``."""
    from importlib.metadata import EntryPoint

    import scanner.registry as registry_module
    points = [EntryPoint(name, value, "spinscan.rules") for name, value in pairs]
    monkeypatch.setattr(registry_module, "entry_points",
                        lambda group: points if group == "spinscan.rules" else [])


def test_plugin_that_cannot_be_imported_is_a_one_line_registry_error(monkeypatch):
    _fake_entry_points(monkeypatch, ("stale", "spinscan_stale_plugin_not_installed"))
    with pytest.raises(RegistryError) as caught:
        build_registry()
    message = str(caught.value)
    assert "\n" not in message
    assert "plugin stale = spinscan_stale_plugin_not_installed" in message
    assert "ModuleNotFoundError: No module named 'spinscan_stale_plugin_not_installed'" in message
    assert build_registry(plugins=False).get("SPN001") is not None  # plugins off: not read


def test_plugin_raising_on_import_or_call_is_a_registry_error(tmp_path, monkeypatch):
    (tmp_path / "spinscan_boom_plugin.py").write_text("raise RuntimeError('plugin import exploded')\n")
    (tmp_path / "spinscan_maker_plugin.py").write_text(
        "def make():\n    raise ValueError('no rules\\ntoday')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _fake_entry_points(monkeypatch, ("boom", "spinscan_boom_plugin"))
    with pytest.raises(RegistryError, match=r"^plugin boom = spinscan_boom_plugin .*"
                                            r"RuntimeError: plugin import exploded$"):
        build_registry()
    _fake_entry_points(monkeypatch, ("maker", "spinscan_maker_plugin:make"))
    with pytest.raises(RegistryError, match=r"^plugin spinscan_maker_plugin:make: calling it "
                                            r"failed: ValueError: no rules today$"):
        build_registry()
    for name in ("spinscan_boom_plugin", "spinscan_maker_plugin"):
        sys.modules.pop(name, None)


@pytest.mark.parametrize("argv", [["scan", "-"], ["rules"]])
def test_cli_with_a_broken_plugin_exits_2_with_one_line(monkeypatch, capsys, argv):
    import io

    from scanner.cli import main
    _fake_entry_points(monkeypatch, ("stale", "spinscan_stale_plugin_not_installed"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("A short text about the weather.\n"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("spinscan: error: plugin stale = spinscan_stale_plugin_not_installed")
