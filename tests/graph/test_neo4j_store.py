"""What only the Neo4j store has: its schema, its graph model as Cypher users see it, and routing URIs.

Behaviour shared with SQLite is tested once for both in ``tests/contract``.
"""

from __future__ import annotations

import ast
import inspect

import pytest
from neo4j import GraphDatabase

from prevgraph.graph import cypher, neo4j_store
from prevgraph.graph.neo4j_store import Neo4jStore, _server_version
from prevgraph.schema import Edge, Evidence, Node, ontology
from prevgraph.settings import Settings

pytestmark = pytest.mark.neo4j

EV = (Evidence(document="document:a", quote="q", start=0, end=1, rule="test"),)


def _cypher(uri: str, query: str, **params) -> list[dict]:
    with GraphDatabase.driver(uri, auth=None) as driver:
        return driver.execute_query(query, params, database_="neo4j").records


def test_connect_creates_the_constraints_and_indexes(neo4j_store, neo4j_exclusive: str):
    names = {r["name"] for r in _cypher(neo4j_exclusive, "SHOW CONSTRAINTS YIELD name RETURN name")}
    assert "prevgraph_entity_id" in names
    assert {f"prevgraph_{t.lower()}_id" for t in ontology().relationship_kinds} <= names
    rows = _cypher(neo4j_exclusive, "SHOW INDEXES YIELD name, type RETURN name, type")
    indexes = {r["name"]: r["type"] for r in rows}
    assert indexes["prevgraph_entity_search"] == "TEXT" and indexes["prevgraph_entity_documents"] == "TEXT"
    assert indexes["prevgraph_briefs_documents"] == "TEXT"


def test_nodes_carry_their_kind_as_a_label_and_edges_their_type(neo4j_store, neo4j_exclusive: str):
    neo4j_store.upsert([Node(id="body:hrc", kind="Body", name="HRC", evidence=EV),
                        Node(id="body:sc", kind="Body", name="SC", evidence=EV)],
                       [Edge(id="e1", type="BRIEFS", source="body:hrc", target="body:sc", status="REALISED",
                             evidence=EV)])
    (row,) = _cypher(neo4j_exclusive, "MATCH (a:Body {id: 'body:hrc'})-[r:BRIEFS]->(b:Entity:Body) "
                                      "RETURN labels(a) AS labels, r.documents AS documents, r.status AS status")
    assert sorted(row["labels"]) == ["Body", "Entity"]
    assert (row["documents"], row["status"]) == (["document:a"], "REALISED")


def test_a_routing_uri_reaches_the_same_server(neo4j_store, neo4j_exclusive: str):
    neo4j_store.upsert([Node(id="body:hrc", kind="Body", name="HRC", evidence=EV)])
    routed = Neo4jStore.connect(neo4j_exclusive.replace("bolt://", "neo4j://"), Settings())
    try:
        assert routed.node("body:hrc").name == "HRC"
        assert routed.describe().startswith("neo4j:neo4j://")
    finally:
        routed.close()


def test_the_description_never_shows_the_password(neo4j_exclusive: str):
    store = Neo4jStore.connect(neo4j_exclusive, Settings(neo4j_password="s3cret-value"))  # auth is off: accepted
    try:
        assert "s3cret" not in store.describe()
    finally:
        store.close()


def test_server_versions_are_read_from_the_agent():
    assert _server_version("Neo4j/5.26.30") >= neo4j_store.MINIMUM_VERSION
    assert _server_version("Neo4j/5.20.0") < neo4j_store.MINIMUM_VERSION
    assert _server_version("Neo4j/2025.01.0") >= neo4j_store.MINIMUM_VERSION


def test_only_identifiers_reach_query_text():
    for good in ("BRIEFS", "PART_OF", "Body"):
        assert cypher.identifier(good) == good
    for bad in ("BRIEFS]->() DETACH DELETE n //", "a b", "", "`x`", "x-y"):
        with pytest.raises(ValueError):
            cypher.identifier(bad)


def test_query_text_is_never_built_from_values():
    """Every f-string in graph/cypher.py interpolates only identifiers, fixed fragments or checked ints.

    A new name here must be one of those; add it to ``allowed`` only after checking it is.
    """
    tree = ast.parse(inspect.getsource(cypher))
    allowed = {"t", "low", "name", "clause", "NODE", "EDGE", "_BRANCH_RETURN", "pattern", "max_hops", "arrow", "end",
               "branch", "_INCIDENT_PATTERN", "direction", "parts", "types", "_union", "identifier", "rel_type",
               # fixed property lists, arrows and fragments built above from identifiers only
               "_NODE_FIELDS", "_EDGE_FIELDS", "_EDGE_MAP", "var", "node_map", "left", "right", "typed", "match",
               "label", "clauses", "write", "where",
               # select_page: field names through identifier, computed fragments, an enumerate index, a bool
               "f", "computed", "items", "status", "edge", "index", "count", "calls", "node", "lists", "selection",
               "start", "distinct",
               # columnar writes: fixed fragments, and property names of fixed tuples through identifier
               "_ROWS", "_MATCH_ENDS", "_column_map", "_column_sets", "NODE_PROPERTIES", "EDGE_PROPERTIES", "k"}
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue):
            names = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            assert names <= allowed, f"line {node.lineno} formats {names - allowed} into Cypher"


def test_a_node_another_writer_creates_meanwhile_is_merged_on_a_second_run(neo4j_store, neo4j_exclusive: str):
    """A write creates what it found absent without a lookup; a conflict at commit runs it again, and it merges."""
    from prevgraph.graph.merge import plan_upsert

    ours = Node(id="body:hrc", kind="Body", name="HRC", evidence=EV)
    theirs = ours.model_copy(update={"evidence": (EV[0].model_copy(update={"document": "document:b"}),)})
    runs = []

    def work(tx):
        old = tx.nodes_by_ids([ours.id])
        runs.append(sorted(old))
        if len(runs) == 1:
            other = Neo4jStore.connect(neo4j_exclusive, Settings())
            try:
                other.upsert([theirs])
            finally:
                other.close()
        tx.apply(plan_upsert([ours], [], old, {}))

    neo4j_store.write(work)
    assert runs == [[], ["body:hrc"]]
    assert {e.document for e in neo4j_store.node("body:hrc").evidence} == {"document:a", "document:b"}
    assert neo4j_store.count_nodes() == 1
