"""The store contract: every test runs against each store kind (see the `store` fixture)."""

from __future__ import annotations

from prevgraph.graph import EdgeFilter, NodeFilter
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id


def _doc(name: str) -> Node:
    return Node(id=f"document:{name}", kind="Document", name=name, props={"text": "..."})


def _ev(doc: str, start: int = 0, quote: str = "quote") -> Evidence:
    return Evidence(document=f"document:{doc}", quote=quote, start=start, end=start + len(quote), rule="test")


def _body(key: str, doc: str, **extra) -> Node:
    return Node(id=f"body:{key}", kind="Body", name=key.upper(), evidence=(_ev(doc),), **extra)


def _briefs(src: str, dst: str, doc: str, status: str = "REALISED") -> Edge:
    return Edge(id=edge_id(f"body:{src}", "BRIEFS", f"body:{dst}", status), type="BRIEFS", source=f"body:{src}",
                target=f"body:{dst}", status=status, evidence=(_ev(doc, 5),))


def _batch(doc: str, nodes=(), edges=()) -> DocumentBatch:
    return DocumentBatch(document=_doc(doc), nodes=tuple(nodes), edges=tuple(edges))


def test_an_empty_store_is_empty(store):
    assert store.stats().nodes == 0 and store.to_networkx().number_of_nodes() == 0


def test_loading_twice_changes_nothing(store):
    batch = _batch("a", [_body("hrc", "a", aliases=("Council",)), _body("sc", "a")], [_briefs("hrc", "sc", "a")])
    store.load_document(batch)
    first = (store.stats(), store.find_nodes(), store.find_edges())
    store.load_document(batch)
    assert (store.stats(), store.find_nodes(), store.find_edges()) == first


def test_two_documents_naming_one_body_meet_at_one_node(store):
    store.load_document(_batch("a", [_body("hrc", "a", aliases=("Human Rights Council",))]))
    store.load_document(_batch("b", [_body("hrc", "b", aliases=("UNHRC",))]))
    node = store.node("body:hrc")
    assert {e.document for e in node.evidence} == {"document:a", "document:b"}
    assert set(node.aliases) == {"Human Rights Council", "UNHRC"}
    assert store.count_nodes(NodeFilter(kind="Body")) == 1


def test_reloading_a_changed_document_replaces_only_its_own_facts(store):
    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")]))
    store.load_document(_batch("b", [_body("hrc", "b"), _body("ga", "b")], [_briefs("hrc", "ga", "b")]))
    store.load_document(_batch("a", [_body("hrc", "a")]))
    assert store.node("body:sc") is None
    assert {e.target for e in store.find_edges()} == {"body:ga"}
    assert store.node("body:ga") is not None
    assert {e.document for e in store.node("body:hrc").evidence} == {"document:a", "document:b"}


def test_lookups_by_id_kind_and_name(store):
    store.load_document(_batch("a", [_body("hrc", "a", aliases=("Human Rights Council",), location="GENEVA"),
                                     _body("sc", "a", location="NEW_YORK")]))
    assert store.node("body:hrc").name == "HRC"
    assert store.node("body:nope") is None
    assert [n.id for n in store.find_nodes(NodeFilter(text="rights coun"))] == ["body:hrc"]
    assert [n.id for n in store.find_nodes(NodeFilter(location="NEW_YORK"))] == ["body:sc"]
    assert store.count_nodes(NodeFilter(kind="Document")) == 1
    assert [n.id for n in store.find_nodes(NodeFilter(kind="Body"), limit=1, offset=1)] == ["body:sc"]


def test_neighbours_and_edge_filters(store):
    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a"), _body("ga", "a")],
                               [_briefs("hrc", "sc", "a"), _briefs("ga", "hrc", "a", "PROPOSED")]))
    out = store.neighbours("body:hrc", "out")
    assert [(e.type, n.id) for e, n in out] == [("BRIEFS", "body:sc")]
    assert {n.id for _, n in store.neighbours("body:hrc")} == {"body:sc", "body:ga"}
    assert store.count_edges(EdgeFilter(statuses=("PROPOSED",))) == 1
    assert [e.source for e in store.find_edges(EdgeFilter(target="body:hrc"))] == ["body:ga"]


def test_projection_carries_attributes_and_evidence(store):
    store.load_document(_batch("a", [_body("hrc", "a", location="GENEVA"), _body("sc", "a")],
                               [_briefs("hrc", "sc", "a")]))
    graph = store.to_networkx()
    assert graph.nodes["body:hrc"]["location"] == "GENEVA"
    ((_, _, data),) = graph.edges(data=True)
    assert data["type"] == "BRIEFS" and data["status"] == "REALISED"
    assert data["evidence"][0]["document"] == "document:a"


def test_a_body_is_found_by_any_of_its_names(store):
    import pytest

    from prevgraph.errors import NotFound
    from prevgraph.graph.lookup import resolve_node

    store.load_document(_batch("a", [_body("hrc", "a", aliases=("Human Rights Council", "UNHRC")),
                                     _body("sc", "a", aliases=("Security Council",))]))
    assert resolve_node(store, "unhrc").id == "body:hrc"
    assert resolve_node(store, "Human  Rights Council").id == "body:hrc"
    assert resolve_node(store, "body:sc").id == "body:sc"
    with pytest.raises(NotFound, match="did you mean"):
        resolve_node(store, "Human Rights Counsil")
