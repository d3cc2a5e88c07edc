"""NEWSGRAPH_* variables that do not parse: one line naming the variable, never the secrets."""

from __future__ import annotations

import pytest
from newsgraph.app.settings import SettingsError, get_settings

SECRET = "hunter2-do-not-print"


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch):
    for name in ("NEWSGRAPH_NEO4J_URI", "NEWSGRAPH_NEO4J_PASSWORD", "NEWSGRAPH_STORE"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize(("name", "value", "message"), [
    ("NEWSGRAPH_WORKERS", "abc", "NEWSGRAPH_WORKERS='abc': Input should be a valid integer"),
    ("NEWSGRAPH_BATCH_SIZE", "0", "NEWSGRAPH_BATCH_SIZE='0': Input should be greater than 0"),
    ("NEWSGRAPH_STORE", "mongo", "NEWSGRAPH_STORE='mongo': Input should be 'auto', 'embedded' or 'neo4j'"),
    ("NEWSGRAPH_NEO4J_URI", "bolt://[::1", "NEWSGRAPH_NEO4J_URI is not a valid URI (Invalid IPv6 URL)"),
    ("NEWSGRAPH_NEO4J_URI", "bolt://localhost:99999", "NEWSGRAPH_NEO4J_URI is not a valid URI (Port out of range"),
    ("NEWSGRAPH_NEO4J_URI", "bolt://db:port", "NEWSGRAPH_NEO4J_URI is not a valid URI (Port could not be cast"),
    ("NEWSGRAPH_NEO4J_URI", "bolt://", "NEWSGRAPH_NEO4J_URI 'bolt://' names no host"),
    ("NEWSGRAPH_NEO4J_URI", "https://db.example", "NEWSGRAPH_NEO4J_URI must be a bolt:// or neo4j:// URI"),
])
def test_a_variable_that_does_not_parse_is_one_line_naming_it(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        get_settings()
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)


@pytest.mark.parametrize("uri", [f"bolt://neo4j:{SECRET}@db.example", f"bolt://neo4j:{SECRET}@[::1"])
def test_a_uri_with_credentials_is_refused_without_echoing_them(monkeypatch, uri):
    monkeypatch.setenv("NEWSGRAPH_NEO4J_URI", uri)
    with pytest.raises(SettingsError) as raised:
        get_settings()
    assert SECRET not in str(raised.value)


def test_good_values_and_an_empty_uri(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_WORKERS", "3")
    monkeypatch.setenv("NEWSGRAPH_NEO4J_URI", "")
    settings = get_settings()
    assert settings.workers == 3 and settings.neo4j_uri is None
