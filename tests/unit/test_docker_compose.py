"""The Neo4j compose file: Neo4j 5 community, localhost-only ports, auth from .env, no password committed."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_compose_runs_neo4j_5_community_on_localhost_only():
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+image: neo4j:5\.\d+[\w.-]*-community\b", text, re.MULTILINE)
    ports = re.findall(r'^\s+- "([^"]+)"', text, re.MULTILINE)
    assert sorted(ports) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    assert "NEO4J_AUTH: ${NEO4J_AUTH:?" in text  # refuses to start without .env
    assert re.search(r"^\s+- neo4j-data:/data$", text, re.MULTILINE)
    assert re.search(r"^volumes:\n\s+neo4j-data:", text, re.MULTILINE)
    assert "healthcheck:" in text and "7474" in text.split("healthcheck:")[1]


def test_no_password_is_committed():
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    assert re.search(r"^NEO4J_AUTH=$", example, re.MULTILINE)
    assert ".env" in (REPO / ".gitignore").read_text(encoding="utf-8").split()
