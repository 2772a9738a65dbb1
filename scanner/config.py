"""Configuration layering: defaults < pyproject ``[tool.spinscan]`` < ``spinscan.toml`` <
``--config FILE`` < command-line options.

A later layer replaces a scalar or a list, and merges into a table entry by entry: a
``[severity]`` or ``[per-path-ignores]`` entry replaces the same entry of earlier layers and
keeps the others, and ``[options.RULEID]`` merges option by option. Paths (``rules``,
``baseline``) in a ``--config`` file are relative to that file's directory. (``--rules`` on the
command line adds packs to ``rules``: :func:`scanner.cli._packs`.)

Keys (TOML, kebab-case): ``select``, ``ignore``, ``fail-on``, ``max-doc-bytes``,
``max-findings-per-rule``, ``jobs``, ``rules`` (extra packs), ``allow`` (accepted phrases),
``baseline``, ``[severity]`` (rule id -> level), ``[options.RULEID]`` (rule options),
``[per-path-ignores]`` (glob -> selectors), ``[per-domain-ignores]`` (domain -> selectors).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from scanner.finding import Severity

EMPTY_SELECTOR = "an empty selector matches no rule"  # (it is no prefix of every id)
FAIL_ON_LEVELS = ("info", "warning", "error", "never")
TABLES = ("severity", "options", "per_path_ignores", "per_domain_ignores")
"""Settings that are tables: a later layer merges into them instead of replacing them."""
PATHS = frozenset({"rules", "baseline"})
"""Settings that name files: relative to the ``--config`` file that sets them."""


class ConfigError(ValueError):
    """A configuration file or value is invalid; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    """Effective settings of one run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    max_doc_bytes: int = 5_000_000
    max_findings_per_rule: int = 100
    jobs: int = 1
    rules: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    baseline: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_path_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    per_domain_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    """Where each setting was last set (a file name, "command line"), for error messages;
    table entries by dotted key ("severity.SPN001", "options.REP002.limit")."""

    def merged(self, values: dict[str, Any], origin: str) -> Config:
        """A copy with ``values`` (snake_case keys) applied on top, validated; tables are
        merged entry by entry (options option by option), anything else is replaced."""
        known = {f.name for f in fields(self)}
        for key in values:
            if key not in known:
                raise ConfigError(f"{origin}: unknown setting {key.replace('_', '-')!r}")
        validated = _validated(values, origin)
        changes: dict[str, Any] = {}
        origins = dict(self.origins)
        for key, value in validated.items():
            origins[key] = origin
            if key == "options":
                value = {rule_id: {**self.options.get(rule_id, {}), **table}
                         for rule_id, table in {**self.options, **value}.items()}
                origins.update((f"options.{rule_id}.{option}", origin)
                               for rule_id, table in validated[key].items() for option in table)
            elif key in TABLES:
                origins.update((f"{key}.{entry}", origin) for entry in value)
                value = {**getattr(self, key), **value}
            changes[key] = value
        return replace(self, **changes, origins=origins)

    def check_rules(self, registry: Any) -> None:
        """Check the settings that name rules against ``registry`` (a
        :class:`scanner.registry.Registry`): selectors must match a rule, ``[severity]`` and
        ``[options]`` must name rule ids, and options must be among the rule's
        ``default_options`` with a value of the same type. Raises a ConfigError naming the
        file and key."""
        def where(key: str) -> str:
            """The file (or "command line") that set ``key``, the most specific known."""
            while key not in self.origins and "." in key:
                key = key.rsplit(".", 1)[0]
            return self.origins.get(key, "configuration")

        def check_selectors(key: str, name: str, selectors: tuple[str, ...]) -> None:
            origin = where(key)
            label = f"--{name}" if origin == "command line" else f"{origin}: {name}"
            problem = registry.unmatched_selector(selectors)
            if problem:
                raise ConfigError(f"{label}: {problem}")

        check_selectors("select", "select", self.select)
        check_selectors("ignore", "ignore", self.ignore)
        for key in ("per_path_ignores", "per_domain_ignores"):
            for pattern, selectors in getattr(self, key).items():
                check_selectors(f"{key}.{pattern}", f'{key.replace("_", "-")}."{pattern}"',
                                selectors)
        for rule_id in self.severity:
            if registry.get(rule_id) is None:
                raise ConfigError(f"{where(f'severity.{rule_id}')}: severity.{rule_id}: "
                                  "unknown rule id")
        for rule_id, options in self.options.items():
            rule = registry.get(rule_id)
            if rule is None:
                raise ConfigError(f"{where(f'options.{rule_id}')}: options.{rule_id}: "
                                  "unknown rule id")
            defaults = rule.default_options
            for option, value in options.items():
                key = f"{where(f'options.{rule_id}.{option}')}: options.{rule_id}.{option}"
                if option not in defaults:
                    known = (f"{rule_id} options: {', '.join(defaults)}" if defaults
                             else f"{rule_id} has no options")
                    raise ConfigError(f"{key}: unknown option ({known})")
                default = defaults[option]
                if not _same_type(default, value):
                    expected = "a number" if isinstance(default, float) else _kind(default)
                    raise ConfigError(f"{key}: expected {expected} (the default is "
                                      f"{default!r}), not {_kind(value)}")


def _validated(values: dict[str, Any], origin: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("_", "-")
        if key in {"select", "ignore"}:
            value = _strings(value, origin, name)
            if key == "select" and not value:  # (read as no selection, it would run every rule)
                raise ConfigError(f"{origin}: select: an empty list selects no rule (leave "
                                  "select out for the default rules)")
        elif key in {"rules", "allow"}:  # one pack or phrase may stand alone
            value = _strings([value] if isinstance(value, str) else value, origin, name)
            if key == "allow" and not all(phrase.strip() for phrase in value):
                raise ConfigError(f"{origin}: allow: an empty phrase would allow every finding")
        elif key == "fail_on":
            if not isinstance(value, str) or value not in FAIL_ON_LEVELS:
                raise ConfigError(f"{origin}: fail-on must be one of {', '.join(FAIL_ON_LEVELS)}")
        elif key in {"max_doc_bytes", "max_findings_per_rule", "jobs"}:
            check_positive(value, origin, name)
        elif key == "baseline":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{origin}: baseline must be a file name (a string), "
                                  f"not {_kind(value)}")
        elif key == "severity":
            value = {k.upper(): v
                     for k, v in _table(value, origin, name, "rule id = level").items()}
            for rule_id, level in value.items():
                try:
                    if not isinstance(level, str):
                        raise ValueError(f"expected a level (info, warning, error), "
                                         f"not {_kind(level)}")
                    Severity.parse(level)
                except ValueError as exc:
                    raise ConfigError(f"{origin}: severity.{rule_id}: {exc}") from None
        elif key == "options":
            value = {rule_id.upper(): dict(_table(table, origin, f"options.{rule_id}",
                                                  "option = value"))
                     for rule_id, table in _table(value, origin, name,
                                                  "[options.RULEID] tables").items()}
        elif key in {"per_path_ignores", "per_domain_ignores"}:
            what = "glob" if key == "per_path_ignores" else "domain"
            value = {pattern: _strings(selectors, origin, f'{name}."{pattern}"')
                     for pattern, selectors in _table(value, origin, name,
                                                      f"{what} = [selectors]").items()}
        out[key] = value
    return out


def check_positive(value: Any, origin: str, name: str) -> None:
    """A ConfigError naming ``name`` unless ``value`` is a positive integer (not a boolean)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{origin}: {name} must be a positive integer")


def _same_type(default: Any, value: Any) -> bool:
    """Whether ``value`` may replace the option default ``default``: same type, an integer
    for a float, never a boolean for a number."""
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _kind(value: Any) -> str:
    """How a TOML value's type reads in an error message."""
    return {bool: "a boolean", int: "an integer", float: "a decimal number", str: "a string",
            list: "a list", tuple: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _strings(value: Any, origin: str, name: str) -> tuple[str, ...]:
    """A list of strings, as a tuple; else a ConfigError naming ``name``."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{origin}: {name} must be a list of strings")
    return tuple(value)


def _table(value: Any, origin: str, name: str, expected: str) -> dict[str, Any]:
    """``value`` if it is a table (dict); else a ConfigError naming ``name`` and ``expected``."""
    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: {name} must be a table of {expected}, not {_kind(value)}")
    return value


def _snake(table: dict[str, Any], origin: str) -> dict[str, Any]:
    """A file's top-level settings with their kebab-case keys in snake_case; a key written in
    snake_case (``fail_on``) is a ConfigError naming its kebab-case spelling."""
    for key in table:
        if "_" in key:
            raise ConfigError(f"{origin}: unknown setting {key!r} (keys are kebab-case: "
                              f"{key.replace('_', '-')!r})")
    return {k.replace("-", "_"): v for k, v in table.items()}


def read_toml(path: Path, table: str | None = None) -> dict[str, Any]:
    """Settings from a TOML file (optionally one ``[tool.x]`` table), keys in snake_case."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if table:
        parts = table.split(".")
        for i, part in enumerate(parts):
            data = data.get(part, {})
            if not isinstance(data, dict):
                raise ConfigError(f"{path}: {'.'.join(parts[:i + 1])} must be a table, "
                                  f"not {_kind(data)}")
    return _snake(data, str(path))


def _relative_to(values: dict[str, Any], directory: Path) -> dict[str, Any]:
    """``values`` with the file names of :data:`PATHS` joined to ``directory`` (an absolute
    name stays as it is; a value of the wrong type is left for validation to report)."""
    def join(name: Any) -> Any:
        return str(directory / name) if isinstance(name, str) and name else name

    out = dict(values)
    for key in PATHS & out.keys():
        value = out[key]
        out[key] = [join(name) for name in value] if isinstance(value, list) else join(value)
    return out


def _file_settings(path: Path) -> dict[str, Any]:
    """The settings of one config file: a ``pyproject.toml``'s ``[tool.spinscan]`` table, or
    the whole file."""
    return read_toml(path, "tool.spinscan" if path.name == "pyproject.toml" else None)


def read_config_file(config_file: str | os.PathLike, config: Config | None = None) -> Config:
    """``config`` (the defaults if None) with the settings of one TOML file on top (its
    ``[tool.spinscan]`` table for a ``pyproject.toml``), file names relative to it."""
    path = Path(config_file)
    if not path.is_file():
        raise ConfigError(f"{config_file}: config file not found")
    return (config or Config()).merged(_relative_to(_file_settings(path), path.parent),
                                       str(config_file))


def load_config(directory: Path, config_file: str | None = None,
                overrides: dict[str, Any] | None = None) -> Config:
    """The layered configuration for a run started in ``directory``."""
    config = Config()
    for path in (directory / "pyproject.toml", directory / "spinscan.toml"):
        if path.is_file():  # the working directory's own files: names relative to it as written
            config = config.merged(_file_settings(path), str(path))
    if config_file:
        config = read_config_file(config_file, config)
    if overrides:
        config = config.merged({k: v for k, v in overrides.items() if v is not None},
                               "command line")
    return config
