"""Fixtures shared by the whole suite: stores (parametrised over both kinds) and sample documents."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.settings import Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"


@pytest.fixture
def corpus() -> Path:
    """The sample corpus folder (the seed documents, unchanged)."""
    return CORPUS


@pytest.fixture
def open_folder():
    """A folder every user can enter (pytest's own temporary folders are private to root), for tests that
    drop root with setpriv to meet files and folders the user may not open."""
    folder = Path(tempfile.mkdtemp(prefix="prevgraph-open-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def sqlite_store(tmp_path: Path):
    store = SqliteStore(tmp_path / "graph.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_uri():
    """The Bolt URI of a real Neo4j: $PREVGRAPH_TEST_NEO4J, else scripts/neo4j-local started here.

    Neo4j is stopped at the end only if this session started it (others may be using it).
    """
    given = os.environ.get("PREVGRAPH_TEST_NEO4J")
    if given:
        yield given
        return
    running = subprocess.run([NEO4J_LOCAL, "status"], capture_output=True).returncode == 0
    started = subprocess.run([NEO4J_LOCAL, "start"], capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"scripts/neo4j-local start failed:\n{started.stderr}")
    yield started.stdout.strip().splitlines()[-1]
    if not running:
        subprocess.run([NEO4J_LOCAL, "stop"], capture_output=True)


@pytest.fixture
def neo4j_exclusive(neo4j_uri: str):
    """Hold the machine-wide lock on this Neo4j for one test.

    Neo4j Community has one user database, and tests empty it; several test runs on
    one machine (engineers working side by side) would otherwise empty each other's.
    """
    name = hashlib.sha1(neo4j_uri.encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"prevgraph-neo4j-{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield neo4j_uri
        fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def _neo4j_connection(neo4j_uri: str):
    from prevgraph.graph.neo4j_store import Neo4jStore

    instance = Neo4jStore.connect(neo4j_uri, Settings())
    yield instance
    instance.close()


@pytest.fixture
def neo4j_store(_neo4j_connection, neo4j_exclusive: str):
    """An empty Neo4j store on the test Neo4j (the graph is cleared first)."""
    _neo4j_connection.clear()
    return _neo4j_connection


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path: Path):
    """Each store kind in turn: the contract suite runs once per kind."""
    if request.param == "sqlite":
        instance = SqliteStore(tmp_path / "graph.db")
        yield instance
        instance.close()
    else:
        yield request.getfixturevalue("neo4j_store")
