"""Fixtures shared by the whole suite: stores (parametrised over both kinds) and sample documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from prevgraph.graph.sqlite_store import SqliteStore

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The sample corpus folder (the seed documents, unchanged)."""
    return CORPUS


@pytest.fixture
def sqlite_store(tmp_path: Path):
    store = SqliteStore(tmp_path / "graph.db")
    yield store
    store.close()


@pytest.fixture(params=["sqlite"])
def store(request, tmp_path: Path):
    """Each store kind in turn: the contract suite runs once per kind."""
    if request.param == "sqlite":
        instance = SqliteStore(tmp_path / "graph.db")
    yield instance
    instance.close()
