"""/health reports the store and whether it answers; a store that goes down and comes back, for real.

The outage test starts a second, throwaway Neo4j (scripts/neo4j-local with its own
state folder and port), so the test database other runs use on port 7687 is never
touched; it stops that Neo4j, checks the API's answers, starts it again and checks
that the API recovers by itself.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from prevgraph.settings import Settings

REPO = Path(__file__).resolve().parents[2]
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"


def test_health_reports_the_store_and_that_it_answers(graph, make_api):
    api = make_api(graph)
    response = api.client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "answers": True, "kind": graph.kind, "store": graph.describe()}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayNeo4j:
    """A second Neo4j from scripts/neo4j-local, in its own folder, on its own port."""

    def __init__(self, state: Path) -> None:
        state.mkdir()
        built = REPO / ".neo4j-local" / "build"
        if built.is_dir():  # reuse the launcher the test Neo4j was built with
            (state / "build").symlink_to(built)
        self.env = {**os.environ, "NEO4J_LOCAL_DIR": str(state), "NEO4J_LOCAL_PORT": str(_free_port()),
                    "NEO4J_LOCAL_HEAP": "512m", "NEO4J_LOCAL_PAGECACHE_MB": "64"}

    def run(self, command: str) -> str:
        done = subprocess.run([str(NEO4J_LOCAL), command], env=self.env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@pytest.fixture
def throwaway_neo4j(tmp_path: Path):
    neo4j = ThrowawayNeo4j(tmp_path / "neo4j-state")
    uri = neo4j.run("start")
    yield neo4j, uri
    neo4j.run("stop")


def _wait_until(condition, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.neo4j
@pytest.mark.slow
def test_a_store_that_goes_down_and_comes_back(throwaway_neo4j, make_api):
    from prevgraph.graph.neo4j_store import Neo4jStore

    from .conftest import sample_batch

    neo4j, uri = throwaway_neo4j
    store = Neo4jStore.connect(uri, Settings())
    try:
        store.load_document(sample_batch())
        # a time limit far above the bound below: the quick answer must come from the store failing fast
        api = make_api(store, request_timeout=60.0)
        query = '{ byName(name: "UNHRC") { name } }'
        assert api.client.get("/health").status_code == 200
        assert api.data(query)["byName"]["name"] == "Human Rights Council"

        neo4j.run("stop")
        health = api.client.get("/health")
        assert health.status_code == 503
        assert health.json()["answers"] is False and uri in health.json()["error"]
        # a lookup, a node, and a list answered from one store selection (api/planned.py)
        for lookup in (query, '{ node(id: "body:sc") { name } }', '{ bodies(first: 2) { edges { node { name } } } }'):
            started = time.monotonic()
            body = api(lookup)
            waited = time.monotonic() - started
            assert body["data"] is None or set(body["data"].values()) == {None}
            assert body["errors"][0]["extensions"]["code"] == "STORE_UNAVAILABLE"
            assert uri in body["errors"][0]["message"]
            # users rely on hearing within seconds that the store is down (reads are not retried)
            assert waited < 10, f"a query waited {waited:.1f} s for a store that is down"

        neo4j.run("start")
        assert _wait_until(lambda: api.client.get("/health").status_code == 200)
        assert api.data(query)["byName"]["name"] == "Human Rights Council"
    finally:
        store.close()
