"""Configuration layering: defaults < pyproject < spinscan.toml < --config < command line."""
from __future__ import annotations

import pytest

from scanner.config import Config, ConfigError, load_config


def test_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config == Config()
    assert config.fail_on == "error" and config.max_doc_bytes == 5_000_000


def test_precedence(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.spinscan]\nfail-on = "info"\nselect = ["spin"]\njobs = 3\n')
    assert load_config(tmp_path).fail_on == "info"
    (tmp_path / "spinscan.toml").write_text('fail-on = "warning"\nmax-doc-bytes = 1000\n')
    config = load_config(tmp_path)
    assert (config.fail_on, config.select, config.jobs, config.max_doc_bytes) == (
        "warning", ("spin",), 3, 1000)
    extra = tmp_path / "ci.toml"
    extra.write_text('jobs = 2\n[severity]\nspn001 = "error"\n[options.TYP001]\nlimit = 3\n')
    config = load_config(tmp_path, str(extra))
    assert config.jobs == 2 and config.severity == {"SPN001": "error"}
    assert config.options == {"TYP001": {"limit": 3}}
    config = load_config(tmp_path, str(extra), {"fail_on": "never", "jobs": None})
    assert config.fail_on == "never" and config.jobs == 2


@pytest.mark.parametrize("text, message", [
    ('fail-on = "sometimes"\n', "fail-on must be one of"),
    ("jobs = 0\n", "jobs must be a positive integer"),
    ('colour = "red"\n', "unknown setting 'colour'"),
    ("select = [1]\n", "select must be a list of strings"),
    ('[severity]\nSPN001 = "fatal"\n', "severity.SPN001"),
    ("fail-on = \n", "invalid TOML"),
])
def test_invalid_values_name_the_file(tmp_path, text, message):
    (tmp_path / "spinscan.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "spinscan.toml" in str(info.value) and message in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path, str(tmp_path / "nope.toml"))
