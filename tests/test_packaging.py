"""rules/ and models/ ship in the wheel as package data and load from it (and from a checkout)."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from scanner.resources import data_root
from tests.conftest import ROOT


def test_checkout_or_editable_install_finds_data():
    assert (data_root("rules")).resolve() == (ROOT / "rules").resolve()
    assert any(data_root("rules").glob("*.yaml"))


def test_wheel_ships_data_and_loads_it(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True)
    (wheel,) = tmp_path.glob("spinscan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("scanner/_data/rules/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("scanner/_data/models/") for n in names)
    assert not any(n.startswith(("rules/", "models/")) for n in names)  # no top-level packages
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True)
    code = ("import scanner.resources as r, scanner.registry as g; "
            "print(r.data_root('rules')); print(len(g.build_registry()))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)}, check=True)
    rules_dir, count = result.stdout.split()
    assert rules_dir.startswith(str(site)) and int(count) > 20
