"""Choosing and opening a store from settings; the password stays secret."""

from __future__ import annotations

import pytest
from newsgraph.app.settings import Settings
from newsgraph.store import StoreError, chosen_store, open_store
from newsgraph.store.embedded import EmbeddedStore
from pydantic import SecretStr

PASSWORD = "tell-no-one-1234"


def settings(tmp_path, **values) -> Settings:
    return Settings(home=tmp_path, **values)


def test_auto_means_neo4j_when_its_uri_is_set(tmp_path):
    assert chosen_store(settings(tmp_path)) == "embedded"
    assert chosen_store(settings(tmp_path, neo4j_uri="bolt://localhost:7687")) == "neo4j"
    assert chosen_store(settings(tmp_path, neo4j_uri="bolt://localhost:7687"), "embedded") == "embedded"
    assert chosen_store(settings(tmp_path, store="neo4j")) == "neo4j"
    assert chosen_store(settings(tmp_path, store="neo4j"), "auto") == "embedded"


def test_the_embedded_store_speaks_ladybug(tmp_path):
    store = open_store(settings(tmp_path))
    assert isinstance(store, EmbeddedStore) and store.dialect == "ladybug" and store.home == tmp_path
    store.close()


def test_neo4j_without_a_uri_is_one_clear_line(tmp_path):
    with pytest.raises(StoreError, match="needs NEWSGRAPH_NEO4J_URI"):
        open_store(settings(tmp_path), "neo4j")


def test_an_unreachable_server_fails_at_open_without_the_password(tmp_path):
    config = settings(tmp_path, neo4j_uri="bolt://127.0.0.1:9", neo4j_password=SecretStr(PASSWORD))
    with pytest.raises(StoreError, match="cannot reach Neo4j") as caught:
        open_store(config)
    assert PASSWORD not in str(caught.value)


def test_settings_never_show_the_password(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_NEO4J_PASSWORD", PASSWORD)
    config = Settings(home=tmp_path)
    assert config.neo4j_password is not None and config.neo4j_password.get_secret_value() == PASSWORD
    assert PASSWORD not in repr(config) and PASSWORD not in str(config)
    assert PASSWORD not in config.model_dump_json()
