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
    ('select = "REP"\n', "select must be a list of strings"),
    ('[per-path-ignores]\n"wire/*" = "spam"\n', 'per-path-ignores."wire/*" must be a list of strings'),
    ('[severity]\nSPN001 = "fatal"\n', "severity.SPN001"),
    ("fail-on = \n", "invalid TOML"),
])
def test_invalid_values_name_the_file(tmp_path, text, message):
    error = config_error(tmp_path, "spinscan.toml", text)
    assert "spinscan.toml" in error and message in error


def config_error(folder, name: str, text: str) -> str:
    """The ConfigError that loading the settings of ``folder`` raises, its file ``name``
    holding ``text``."""
    (folder / name).write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(folder)
    return str(info.value)


@pytest.mark.parametrize("text, message", [
    ('[tool]\nspinscan = "spinscan.toml"\n', "tool.spinscan must be a table, not a string"),
    ("[tool]\nspinscan = [1]\n", "tool.spinscan must be a table, not a list"),
    ("tool = 5\n", "tool must be a table, not an integer"),
    ('tool = "spinscan"\n', "tool must be a table, not a string"),
])
def test_pyproject_tool_spinscan_must_be_a_table(tmp_path, text, message):
    assert config_error(tmp_path, "pyproject.toml", text) == f"{tmp_path / 'pyproject.toml'}: {message}"


@pytest.mark.parametrize("text", ['[project]\nname = "news"\n', "[tool.black]\nline-length = 99\n",
                                  "[tool.spinscan]\n"])
def test_pyproject_without_spinscan_settings_gives_the_defaults(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text)
    assert load_config(tmp_path) == Config()


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path, str(tmp_path / "nope.toml"))


def test_tables_merge_entry_by_entry_across_layers(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.spinscan.severity]\nSPN001 = "error"\nREP001 = "info"\n'
        '[tool.spinscan.options.SPN001]\ninfo_gain = 3.0\nclean_context_p = 0.2\n'
        '[tool.spinscan.per-path-ignores]\n"wire/*" = ["spam"]\n')
    (tmp_path / "spinscan.toml").write_text(
        '[severity]\nREP001 = "warning"\nTYP001 = "error"\n'
        '[options.SPN001]\ninfo_gain = 2.5\n[options.RDB010]\nmin_words = 60\n'
        '[per-path-ignores]\n"blog/*" = ["BPL"]\n')
    config = load_config(tmp_path)
    assert config.severity == {"SPN001": "error", "REP001": "warning", "TYP001": "error"}
    assert config.options == {"SPN001": {"info_gain": 2.5, "clean_context_p": 0.2},
                              "RDB010": {"min_words": 60}}
    assert config.per_path_ignores == {"wire/*": ("spam",), "blog/*": ("BPL",)}
    assert config.origins["severity.SPN001"].endswith("pyproject.toml")
    assert config.origins["options.SPN001.info_gain"].endswith("spinscan.toml")
    assert config.origins["options.SPN001.clean_context_p"].endswith("pyproject.toml")


def test_lists_and_scalars_are_replaced_not_merged(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.spinscan]\nignore = ["RDB"]\njobs = 3\n')
    (tmp_path / "spinscan.toml").write_text('ignore = ["SPM"]\n')
    config = load_config(tmp_path)
    assert config.ignore == ("SPM",) and config.jobs == 3


def test_bad_entry_is_blamed_on_the_layer_that_set_it(tmp_path):
    from scanner.registry import build_registry

    (tmp_path / "pyproject.toml").write_text('[tool.spinscan.severity]\nNOPE001 = "error"\n')
    (tmp_path / "spinscan.toml").write_text('[severity]\nSPN001 = "error"\n')
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path).check_rules(build_registry())
    assert str(info.value).startswith(str(tmp_path / "pyproject.toml"))
    assert "severity.NOPE001: unknown rule id" in str(info.value)


def test_paths_in_a_config_file_are_relative_to_it(tmp_path):
    (tmp_path / "ci").mkdir()
    extra = tmp_path / "ci" / "spinscan.toml"
    extra.write_text(f'rules = ["house.yaml", "{tmp_path / "abs.csv"}"]\n'
                     'baseline = "baseline.json"\n')
    config = load_config(tmp_path, str(extra))
    assert config.rules == (str(tmp_path / "ci" / "house.yaml"), str(tmp_path / "abs.csv"))
    assert config.baseline == str(tmp_path / "ci" / "baseline.json")
    (tmp_path / "spinscan.toml").write_text('rules = "house.yaml"\nbaseline = "b.json"\n')
    config = load_config(tmp_path)  # the working directory's own files: as written
    assert config.rules == ("house.yaml",) and config.baseline == "b.json"
