"""A store file made before the edge indexes held the status still opens and answers the same, re-indexed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id

EV = (Evidence(document="document:d", quote="The Council was briefed.", start=0, end=24, rule="test"),)


def _batch() -> DocumentBatch:
    hrc, sc = (Node(id=f"body:{key}", kind="Body", name=name, evidence=EV)
               for key, name in (("hrc", "Human Rights Council"), ("sc", "Security Council")))
    edges = tuple(Edge(id=edge_id(hrc.id, "BRIEFS", sc.id, status), type="BRIEFS", source=hrc.id, target=sc.id,
                       status=status, evidence=EV) for status in ("REALISED", "PROPOSED"))
    return DocumentBatch(document=Node(id="document:d", kind="Document", name="d"), nodes=(hrc, sc), edges=edges)


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                 "AND tbl_name = 'edges' AND name NOT LIKE 'sqlite_%'")}


def test_a_store_with_the_old_edge_indexes_is_reindexed_when_opened(tmp_path: Path):
    path = tmp_path / "old.db"
    store = SqliteStore(path)
    store.load_document(_batch())
    expected = store.neighbourhood(["body:hrc"], "out", ["BRIEFS"], ["REALISED"])
    store.close()
    with sqlite3.connect(path) as conn:  # the indexes as stores made before them had
        conn.executescript("DROP INDEX edges_source_status; DROP INDEX edges_target_status;"
                           "CREATE INDEX edges_source ON edges(source, type);"
                           "CREATE INDEX edges_target ON edges(target, type);")

    reopened = SqliteStore(path)
    try:
        assert reopened.neighbourhood(["body:hrc"], "out", ["BRIEFS"], ["REALISED"]) == expected
        assert [e.status for e in expected.edges["body:hrc"]] == ["REALISED"]
    finally:
        reopened.close()
    assert _indexes(path) == {"edges_source_status", "edges_target_status", "edges_type"}
