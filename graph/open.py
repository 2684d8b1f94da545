"""Choose and open a store from one setting (``--store`` or ``PREVGRAPH_STORE``)."""

from __future__ import annotations

from prevgraph.graph.store import GraphStore
from prevgraph.settings import Settings

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_neo4j_uri(location: str) -> bool:
    return location.lower().startswith(NEO4J_SCHEMES)


def open_store(settings: Settings, location: str | None = None) -> GraphStore:
    """The store at ``location`` (default: the settings' store): Neo4j for a bolt/neo4j URI, else SQLite."""
    where = location or settings.store_location
    if is_neo4j_uri(where):
        from prevgraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(where, settings)
    from prevgraph.graph.sqlite_store import SqliteStore

    return SqliteStore(where)
