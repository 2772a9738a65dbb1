"""Scanning never touches the network (no model hubs, no nltk downloads) and never imports nltk."""
from __future__ import annotations

import socket
import sys

import pytest

from tests.conftest import SEEDS, doc_of


def _refuse(*args, **kwargs):
    raise OSError("network access attempted during a scan")


def test_scan_and_readability_without_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    nltk_before = "nltk" in sys.modules
    if nltk_before:
        pytest.skip("nltk was imported by another test in this session")

    import scanner
    from scanner.checks.readability import readability_figures
    from scanner.registry import build_registry

    assert len(build_registry(plugins=False)) > 0
    text = SEEDS[2].read_text(encoding="utf-8")
    record = scanner.scan_text(text)
    assert record["findings"]
    figures = readability_figures(doc_of(text))
    assert 0 < figures["flesch_kincaid_grade"] < 40
    assert "nltk" not in sys.modules
