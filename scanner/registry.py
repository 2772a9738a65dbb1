"""One registry of rules, fed by built-in checks, YAML packs, user packs and plugins.

Sources, in load order: the Python checks listed in :data:`scanner.checks.BUILTIN_MODULES`,
the packs shipped in ``rules/``, third-party packages registering the ``spinscan.rules``
entry-point group, then user packs (config ``rules = [...]`` or ``--rules PATH``).
A duplicate rule id is an error, whatever the sources.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from scanner.checks import BUILTIN_MODULES
from scanner.config import EMPTY_SELECTOR
from scanner.packs import load_pack
from scanner.resources import data_root
from scanner.rule import Rule

ENTRY_POINT_GROUP = "spinscan.rules"


class RegistryError(ValueError):
    """Rules could not be registered (duplicate id, bad plugin, bad selector)."""


def _location(rule: Rule) -> str:
    """Where a rule is defined: a pack's file and line, else its origin."""
    return getattr(rule, "location", None) or rule.origin


class Registry:
    """All known rules by id."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, rule: Rule) -> None:
        """Register ``rule``; a duplicate id is an error naming both origins."""
        existing = self._rules.get(rule.id)
        if existing is not None:
            raise RegistryError(
                f"duplicate rule id {rule.id}: {_location(rule)} and {_location(existing)}")
        self._rules[rule.id] = rule

    def add_phrase_list(self, rule: Rule) -> None:
        """Register the rule of a CSV/TSV phrase list (``rule.list_path`` set): its id is a
        preferred ``SPN9xx``; when another rule has it, the next free one is taken (``SPN999``
        wraps to ``SPN900``), so distinct lists never clash. When another rule has its name
        (``list.csv`` and ``list.tsv``, or two ``list.csv``), the name gets the id as a suffix,
        so that a name selects one rule. The same file twice is still a duplicate."""
        number = int(rule.id[3:])
        for step in range(100):
            rule_id = f"SPN{900 + (number - 900 + step) % 100}"
            existing = self._rules.get(rule_id)
            if existing is None:
                break
            if getattr(existing, "list_path", None) == rule.list_path:
                raise RegistryError(f"duplicate rule id {existing.id}: {_location(rule)} and "
                                    f"{_location(existing)}")
        else:
            raise RegistryError(f"{rule.origin}: no free rule id SPN900-SPN999 for the list")
        rule.id = rule_id
        if any(r.name == rule.name for r in self._rules.values()):
            rule.name = f"{rule.name}-{rule_id.lower()}"
            if any(r.name == rule.name for r in self._rules.values()):
                raise RegistryError(f"{rule.origin}: duplicate rule name {rule.name}")
        self.add(rule)

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, key: str) -> Rule | None:
        """A rule by id (any case) or by name."""
        rule = self._rules.get(key.upper())
        if rule is None:
            rule = next((r for r in self._rules.values() if r.name == key), None)
        return rule

    def matches_any(self, selector: str) -> bool:
        """Whether ``selector`` designates at least one rule."""
        return any(matches(rule, selector) for rule in self._rules.values())

    def unmatched_selector(self, selectors: Iterable[str]) -> str | None:
        """The complaint about the first of ``selectors`` that designates no rule, or None."""
        for selector in selectors:
            if not selector:
                return EMPTY_SELECTOR
            if not self.matches_any(selector):
                return f"selector {selector!r} matches no rule (see `spinscan rules`)"
        return None

    def select(self, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None) -> list[Rule]:
        """Rules matched by ``select`` (all when empty) and by no ``ignore`` selector.

        A selector is a rule id, an id prefix (``SPN``, ``TYP0``), a rule name, a category
        or ``ALL``. An unknown selector is an error, so typos do not silently select nothing.
        """
        select, ignore = list(select or ()), list(ignore or ())
        problem = self.unmatched_selector(select + ignore)
        if problem:
            raise RegistryError(problem)
        chosen = [r for r in self if not select or any(matches(r, s) for s in select)]
        return [r for r in chosen if not any(matches(r, s) for s in ignore)]


def matches(rule: Rule, selector: str) -> bool:
    """Whether ``selector`` (id, id prefix, name, category or ALL) designates ``rule``."""
    return selector_matches(selector, rule.id, rule.name, rule.category.value)


def selector_matches(selector: str, rule_id: str, name: str, category: str) -> bool:
    """Whether ``selector`` designates the rule with this id, name and category (an empty
    selector designates none: it is not the prefix of every id)."""
    if not selector:
        return False
    upper = selector.upper()
    return upper == "ALL" or rule_id.startswith(upper) or name == selector or category == selector.lower()


def build_registry(extra_packs: Iterable[str | Path] = (), plugins: bool = True) -> Registry:
    """The registry of every built-in rule, shipped pack, plugin and extra pack."""
    registry = Registry()
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(f"scanner.checks.{module_name}")
        for rule_class in module.RULES:
            registry.add(rule_class())
    for pack in sorted(data_root("rules").glob("*.yaml")):
        for rule in load_pack(pack, origin=f"rules/{pack.name}", check_examples=False):
            registry.add(rule)
    if plugins:
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            for rule in _plugin_rules(_load_plugin(entry_point), entry_point.value):
                registry.add(rule)
    lists = []
    for pack in extra_packs:
        for rule in load_pack(pack):
            if getattr(rule, "list_path", None) is None:
                registry.add(rule)
            else:  # after every rule of a fixed id, in the order given
                lists.append(rule)
    for rule in lists:
        registry.add_phrase_list(rule)
    return registry


def _load_plugin(entry_point: Any) -> Any:
    """The object an entry point names. A plugin that cannot be imported (a stale entry point
    left by a package removed badly, or a module that raises on import) is a
    :class:`RegistryError` naming the entry point, its module and the error, on one line."""
    try:
        return entry_point.load()
    except Exception as exc:  # noqa: BLE001 - any import failure of third-party code
        raise RegistryError(f"plugin {entry_point.name} = {entry_point.value} "
                            f"({ENTRY_POINT_GROUP} entry point) cannot be loaded: "
                            f"{_one_line(exc)}") from exc


def _one_line(exc: Exception) -> str:
    """``exc`` as its type and message on one line (a plugin's error may span several)."""
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def _plugin_rules(obj: Any, origin: str) -> list[Rule]:
    """Rules from a plugin object: a Rule subclass or instance, a module with RULES, a list
    of those, or a callable returning one of them."""
    if isinstance(obj, type) and issubclass(obj, Rule):
        rules = [obj()]
    elif isinstance(obj, Rule):
        rules = [obj]
    elif hasattr(obj, "RULES"):
        return _plugin_rules(list(obj.RULES), origin)
    elif isinstance(obj, (list, tuple)):
        rules = [rule for item in obj for rule in _plugin_rules(item, origin)]
    elif callable(obj):
        try:
            made = obj()
        except Exception as exc:  # noqa: BLE001 - third-party code failing is a usage error
            raise RegistryError(f"plugin {origin}: calling it failed: {_one_line(exc)}") from exc
        return _plugin_rules(made, origin)
    else:
        raise RegistryError(f"plugin {origin}: expected Rule classes, got {type(obj).__name__}")
    for rule in rules:
        if rule.origin == "builtin":
            rule.origin = f"plugin {origin}"
    return rules
