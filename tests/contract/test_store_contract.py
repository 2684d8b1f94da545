"""The store contract: every test runs against each store kind (see the `store` fixture)."""

from __future__ import annotations

import pytest

from prevgraph.errors import ValidationError
from prevgraph.graph import EdgeFilter, NodeFilter
from prevgraph.graph.sqlite_store import SqliteStore
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
    from prevgraph.errors import NotFound
    from prevgraph.graph.lookup import resolve_node

    store.load_document(_batch("a", [_body("hrc", "a", aliases=("Human Rights Council", "UNHRC")),
                                     _body("sc", "a", aliases=("Security Council",))]))
    assert resolve_node(store, "unhrc").id == "body:hrc"
    assert resolve_node(store, "Human  Rights Council").id == "body:hrc"
    assert resolve_node(store, "body:sc").id == "body:sc"
    with pytest.raises(NotFound, match="did you mean"):
        resolve_node(store, "Human Rights Counsil")


# --- writes -------------------------------------------------------------------------------

def _state(store):
    """Everything a store holds, for before/after comparisons."""
    return store.find_nodes(), store.find_edges(), store.stats()


def test_upserts_merge_evidence_aliases_and_props(store):
    store.upsert([_body("hrc", "a", aliases=("HRC Geneva",), props={"seats": 47, "since": "2006"})])
    store.upsert([Node(id="body:hrc", kind="Body", name="Human Rights Council", aliases=("UNHRC",),
                       location="GENEVA", pillar="HUMAN_RIGHTS", evidence=(_ev("b", 7),), props={"seats": 48})])
    node = store.node("body:hrc")
    assert node.name == "HRC"  # the first canonical name is kept, the new one becomes an alias
    assert set(node.aliases) == {"HRC Geneva", "UNHRC", "Human Rights Council"}
    assert [(e.document, e.start) for e in node.evidence] == [("document:a", 0), ("document:b", 7)]
    assert node.props == {"seats": 48, "since": "2006"}
    assert (node.location, node.pillar) == ("GENEVA", "HUMAN_RIGHTS")


def test_upserting_the_same_records_twice_changes_nothing(store):
    nodes = [_body("hrc", "a"), _body("sc", "a")]
    edges = [_briefs("hrc", "sc", "a")]
    store.upsert(nodes, edges)
    first = _state(store)
    store.upsert(nodes, edges)
    assert _state(store) == first


def test_edges_merge_evidence_and_keep_their_ends(store):
    store.upsert([_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")])
    edge = _briefs("hrc", "sc", "b")
    store.upsert((), [edge.model_copy(update={"date": "2021-03-01", "props": {"format": "oral"}})])
    (stored,) = store.find_edges()
    assert (stored.source, stored.target, stored.date, stored.props) == ("body:hrc", "body:sc", "2021-03-01",
                                                                         {"format": "oral"})
    assert {e.document for e in stored.evidence} == {"document:a", "document:b"}


def test_blocks_edges_name_the_flow_they_block(store):
    flow = _briefs("hrc", "sc", "a", "BLOCKED")
    block = Edge(id=edge_id("state:x", "BLOCKS", "body:hrc", "REALISED", flow.id), type="BLOCKS",
                 source="state:x", target="body:hrc", status="REALISED", blocks=flow.id, evidence=(_ev("a", 9),))
    state = Node(id="state:x", kind="State", name="State X", evidence=(_ev("a"),))
    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a"), state], [flow, block]))
    assert store.edge(block.id).blocks == flow.id
    assert [e.id for e in store.find_edges(EdgeFilter(types=("BLOCKS",)))] == [block.id]
    graph = store.to_networkx()
    assert graph.edges["state:x", "body:hrc", block.id]["blocks"] == flow.id
    assert store.stats().flows_by_status == {"BLOCKED": 1, "REALISED": 1}


def test_a_blocks_edge_without_the_flow_it_blocks_is_refused(store):
    block = Edge(id="blocks:1", type="BLOCKS", source="body:sc", target="body:hrc", status="REALISED")
    store.upsert([_body("hrc", "a"), _body("sc", "a")])
    before = _state(store)
    with pytest.raises(ValidationError, match="must say which flow"):
        store.upsert((), [block])
    assert _state(store) == before


def test_a_block_that_stands_alone_with_its_reason_is_kept(store):
    block = Edge(id="blocks:2", type="BLOCKS", source="body:sc", target="body:hrc", status="REALISED",
                 props={"reason": "non-cooperation"}, evidence=(_ev("a"),))
    store.upsert([_body("hrc", "a"), _body("sc", "a")], [block])
    graph = store.to_networkx()
    assert graph.edges["body:sc", "body:hrc", block.id]["blocks"] is None
    assert graph.edges["body:sc", "body:hrc", block.id]["props"]["reason"] == "non-cooperation"


def test_a_forbidden_pattern_is_refused_and_nothing_is_written(store):
    store.load_document(_batch("a", [_body("hrc", "a")]))
    before = _state(store)
    paragraph = Node(id="paragraph:p1", kind="Paragraph", name="OP1", evidence=(_ev("b"),))
    attended = Edge(id="attended:1", type="ATTENDED", source="body:hrc", target="paragraph:p1",
                    evidence=(_ev("b"),))
    with pytest.raises(ValidationError, match="does not allow"):
        store.load_document(_batch("b", [_body("sc", "b"), paragraph], [_briefs("hrc", "sc", "b"), attended]))
    with pytest.raises(ValidationError, match="does not allow"):
        store.upsert([_body("ga", "b"), paragraph], [attended])
    assert _state(store) == before
    assert store.node("document:b") is None


def test_an_edge_to_a_node_nowhere_is_refused(store):
    with pytest.raises(ValidationError, match="body:ghost"):
        store.upsert([_body("hrc", "a")], [_briefs("hrc", "ghost", "a")])
    assert store.stats().nodes == 0


def test_a_failing_write_leaves_nothing_behind(store):
    from prevgraph.graph.merge import plan_upsert

    def half_then_fail(tx):
        tx.apply(plan_upsert([_body("hrc", "a"), _body("sc", "a")], [], {}, {}))
        assert tx.nodes_by_ids(["body:hrc"])  # the transaction sees its own writes
        raise RuntimeError("crash in the middle of a write")

    with pytest.raises(RuntimeError):
        store.write(half_then_fail)
    assert store.stats().nodes == 0 and store.node("body:hrc") is None


def test_deleting_a_node_deletes_its_edges_even_those_another_document_supports(store):
    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")]))
    store.load_document(_batch("b", [_body("hrc", "b")], [_briefs("hrc", "sc", "b", "PROPOSED")]))
    store.load_document(_batch("a", [_body("hrc", "a")]))  # sc is no longer named by anything
    assert store.node("body:sc") is None
    assert store.find_edges() == [] and store.count_edges() == 0
    assert store.incident_edges(["body:hrc"]) == {"body:hrc": []}


def test_values_are_never_read_as_query_text(store):
    nasty = "x'}) DETACH DELETE n // \"; DROP TABLE nodes; -- `Entity` $ids \\"
    node = Node(id=f"body:{nasty}", kind="Body", name=nasty, aliases=(nasty.upper(),), props={nasty: nasty},
                evidence=(Evidence(document=f"document:{nasty}", quote=nasty, start=0, end=1, rule=nasty),))
    store.upsert([node, _body("sc", "a")], [Edge(id=nasty, type="BRIEFS", source=node.id, target="body:sc",
                                                 status="PROPOSED", evidence=node.evidence)])
    assert store.node(node.id) == node
    assert store.edge(nasty).source == node.id
    assert [n.id for n in store.find_nodes(NodeFilter(text=nasty[:12]))] == [node.id]
    assert store.stats().nodes == 2


def test_unicode_names_fold_the_same_way(store):
    store.upsert([Node(id="organization:strasse", kind="Organization", name="Straße Institut",
                       aliases=("İnstitut Genève",), evidence=(_ev("a"),))])
    assert [n.id for n in store.find_nodes(NodeFilter(text="STRASSE"))] == ["organization:strasse"]
    assert store.count_nodes(NodeFilter(text="genève")) == 1


def test_large_batches_cross_the_stores_internal_chunks(store):
    nodes = [Node(id=f"paragraph:p{i:05d}", kind="Paragraph", name=f"OP{i}", evidence=(_ev("a", i),))
             for i in range(6000)]
    resolution = Node(id="resolution:r", kind="Resolution", name="A/RES/1", evidence=(_ev("a"),))
    edges = [Edge(id=f"part_of:{i:05d}", type="PART_OF", source=n.id, target=resolution.id, evidence=(_ev("a", i),))
             for i, n in enumerate(nodes)]
    store.upsert([resolution, *nodes], edges)
    assert store.count_nodes(NodeFilter(kind="Paragraph")) == 6000
    assert len(store.nodes([n.id for n in nodes])) == 6000
    assert len(store.edges([e.id for e in edges])) == 6000
    assert len(store.incident_edges([resolution.id], "in")[resolution.id]) == 6000


# --- reads -------------------------------------------------------------------------------------

@pytest.fixture
def small_graph(store):
    """HRC briefs SC (realised), GA briefs HRC (proposed), HRC has a self-loop of structure; one lone node."""
    store.load_document(_batch("a", [
        _body("hrc", "a", aliases=("Human Rights Council",), location="GENEVA", pillar="HUMAN_RIGHTS"),
        _body("sc", "a", aliases=("Security Council",), location="NEW_YORK", pillar="PEACE_AND_SECURITY"),
        _body("ga", "a", location="NEW_YORK"),
        _body("lone", "a", location="FIELD"),
    ], [
        _briefs("hrc", "sc", "a"), _briefs("ga", "hrc", "a", "PROPOSED"),
        Edge(id="feeds_into:self", type="FEEDS_INTO", source="body:hrc", target="body:hrc", evidence=(_ev("a"),)),
    ]))
    return store


def test_filters_combine_and_page(small_graph):
    store = small_graph
    assert [n.id for n in store.find_nodes(NodeFilter(kind="Body", location="NEW_YORK"))] == ["body:ga", "body:sc"]
    assert [n.id for n in store.find_nodes(NodeFilter(pillar="HUMAN_RIGHTS"))] == ["body:hrc"]
    assert [n.id for n in store.find_nodes(NodeFilter(text="council"))] == ["body:hrc", "body:sc"]
    assert store.count_nodes(NodeFilter(kind="Body", text="council")) == 2
    assert [n.id for n in store.find_nodes(limit=2, offset=1)] == ["body:hrc", "body:lone"]
    assert store.find_nodes(NodeFilter(kind="Mandate")) == [] and store.count_nodes(NodeFilter(kind="Nope")) == 0
    everything = [n.id for n in store.find_nodes()]
    assert everything == sorted(everything) and len(everything) == 5


def test_edge_filters(small_graph):
    store = small_graph
    all_ids = [e.id for e in store.find_edges()]
    assert all_ids == sorted(all_ids) and len(all_ids) == 3
    assert store.count_edges(EdgeFilter(types=("BRIEFS",))) == 2
    assert store.count_edges(EdgeFilter(types=("BRIEFS",), statuses=("REALISED",))) == 1
    assert [e.target for e in store.find_edges(EdgeFilter(source="body:hrc", types=("BRIEFS",)))] == ["body:sc"]
    assert store.find_edges(EdgeFilter(source="body:ga", target="body:hrc"))[0].status == "PROPOSED"
    assert store.find_edges(EdgeFilter(types=("NOT_A_TYPE",))) == [] and store.count_edges(EdgeFilter(types=())) == 0
    assert [e.id for e in store.find_edges(limit=1, offset=2)] == all_ids[2:]


def test_neighbours_in_every_direction(small_graph):
    store = small_graph
    assert [(e.type, n.id) for e, n in store.neighbours("body:hrc", "in", ["BRIEFS"])] == [("BRIEFS", "body:ga")]
    both = store.neighbours("body:hrc")
    assert sorted(n.id for _, n in both) == ["body:ga", "body:hrc", "body:sc"]  # the self-loop once
    assert [e.id for e, _ in both] == sorted(e.id for e, _ in both)
    assert store.neighbours("body:lone") == [] and store.neighbours("body:nowhere") == []


def test_incident_edges_answer_many_ids_at_once(small_graph):
    store = small_graph
    asked = ["body:hrc", "body:sc", "body:lone", "body:missing", *(f"body:x{i}" for i in range(1500))]
    result = store.incident_edges(asked, "both")
    assert list(result) == asked
    assert [e.source for e in result["body:sc"]] == ["body:hrc"]
    assert len(result["body:hrc"]) == 3 and result["body:lone"] == [] and result["body:missing"] == []
    out = store.incident_edges(["body:hrc", "body:ga"], "out", types=["BRIEFS"])
    assert {k: [e.target for e in v] for k, v in out.items()} == {"body:hrc": ["body:sc"], "body:ga": ["body:hrc"]}


def test_iteration_in_batches_covers_everything_in_id_order(small_graph):
    store = small_graph
    node_batches = list(store.iter_nodes(batch_size=2))
    assert [len(b) for b in node_batches] == [2, 2, 1]
    assert [n for b in node_batches for n in b] == store.find_nodes()
    edge_batches = list(store.iter_edges(batch_size=2))
    assert [len(b) for b in edge_batches] == [2, 1]
    assert [e for b in edge_batches for e in b] == store.find_edges()


def test_stats_count_by_kind_type_and_status(small_graph):
    stats = small_graph.stats()
    assert stats.nodes_by_kind == {"Body": 4, "Document": 1}
    assert stats.edges_by_type == {"BRIEFS": 2, "FEEDS_INTO": 1}
    assert stats.flows_by_status == {"PROPOSED": 1, "REALISED": 1}
    assert (stats.nodes, stats.edges) == (5, 3)


def test_clear_empties_the_store(small_graph):
    small_graph.clear()
    assert small_graph.stats().nodes == 0 and small_graph.find_edges() == []
    small_graph.ping()


def test_every_write_raises_the_version_and_reads_leave_it(store):
    seen = [store.version()]

    def raised() -> bool:
        seen.append(store.version())
        return seen[-1] > seen[-2]

    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")]))
    assert raised()
    store.find_nodes(), store.stats(), store.to_networkx(), store.neighbourhood(["body:hrc"])
    assert not raised()
    store.upsert([_body("hrc", "b", props={"note": "curated"})])
    assert raised()
    store.load_document(_batch("a", [_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")]))
    assert raised(), "a write that changes nothing still raises it: the version counts writes, it compares no data"
    store.clear()
    assert raised()


def test_a_refused_write_leaves_the_version(store):
    before = store.version()
    with pytest.raises(ValidationError):
        store.upsert([], [_briefs("hrc", "nowhere", "a")])
    assert store.version() == before


# --- first fills: create, and copies into an empty store ---------------------------------------

def _fill() -> tuple[list[Node], list[Edge]]:
    nodes = [_body("hrc", "a", aliases=("UNHRC", "Council", "UNHRC")), _body("sc", "a"), _body("ga", "b")]
    nodes[0] = nodes[0].model_copy(update={"evidence": (_ev("b", 9), _ev("a"))})  # out of order, as given by hand
    return nodes, [_briefs("hrc", "sc", "a"), _briefs("ga", "hrc", "b", "PROPOSED")]


def test_created_records_are_stored_as_an_upsert_into_an_empty_store_stores_them(store, tmp_path):
    nodes, edges = _fill()
    store.create(nodes, edges)
    with SqliteStore(tmp_path / "upserted.db") as upserted:
        upserted.upsert(nodes, edges)
        assert _state(store) == _state(upserted)
    assert store.node("body:hrc").aliases == ("Council", "UNHRC")


@pytest.mark.parametrize(("case", "message"), [
    ("stored node", "node body:hrc is already in the store"),
    ("stored edge", "already in the store"),
    ("node twice", "node body:ga is given twice"),
    ("edge twice", "is given twice"),
    ("end nowhere", "body:ghost"),
    ("forbidden pattern", "does not allow"),
])
def test_a_create_that_would_overwrite_or_break_the_graph_is_refused_whole(store, case, message):
    nodes, edges = _fill()
    store.create(nodes[:2], edges[:1])
    before, version = _state(store), store.version()
    ga = nodes[2]
    paragraph = Node(id="paragraph:p1", kind="Paragraph", name="OP1", evidence=(_ev("b"),))
    given = {
        "stored node": ([ga, nodes[0]], []),
        "stored edge": ([ga], [edges[1], edges[0]]),
        "node twice": ([ga, ga], []),
        "edge twice": ([ga], [edges[1], edges[1]]),
        "end nowhere": ([ga], [_briefs("ga", "ghost", "b")]),
        "forbidden pattern": ([ga, paragraph], [Edge(id="attended:1", type="ATTENDED", source="body:ga",
                                                     target="paragraph:p1", evidence=(_ev("b"),))]),
    }[case]
    with pytest.raises(ValidationError, match=message):
        store.create(*given)
    assert _state(store) == before and store.version() == version


def test_a_copy_into_an_empty_store_is_reloaded_and_copied_again_without_change(store, tmp_path):
    batches = [_batch("a", [_body("hrc", "a"), _body("sc", "a")], [_briefs("hrc", "sc", "a")]),
               _batch("b", [_body("hrc", "b"), _body("ga", "b")], [_briefs("ga", "hrc", "b", "PROPOSED")])]
    with SqliteStore(tmp_path / "source.db") as source:
        for batch in batches:
            source.load_document(batch)
        assert source.copy_to(store, batch_size=2) == source.stats()
        copied = _state(store)
        assert copied == _state(source)
        for batch in batches:
            store.load_document(batch)
        assert _state(store) == copied
        source.copy_to(store, batch_size=2)
        assert _state(store) == copied
    changed = _batch("a", [_body("hrc", "a"), _body("ga", "a")], [_briefs("hrc", "ga", "a", "MANDATED")])
    store.load_document(changed)
    assert store.node("body:sc") is None
    assert {(e.source, e.target) for e in store.find_edges()} == {("body:ga", "body:hrc"), ("body:hrc", "body:ga")}
    edge_ids = [e.id for e in store.find_edges()]
    assert len(edge_ids) == len(set(edge_ids)) == store.count_edges()
