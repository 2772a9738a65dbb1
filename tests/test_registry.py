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
