"""Page selections (``GraphStore.select_page``) on both stores.

Neo4j compiles a selection into one Cypher statement; every other store answers it
from whole records (``select_page_from_records``). Each store's answer must equal
what its own record reads give, for any selection, and the rows must hold what the
records say.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prevgraph.graph import NodeFilter
from prevgraph.graph.selection import (
    EDGE_FIELDS,
    NODE_FIELDS,
    EdgeSelection,
    PageSelection,
    select_page_from_records,
)
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id

DOC = "document:selection"


def _ev(start: int, quote: str = "quoted sentence") -> Evidence:
    return Evidence(document=DOC, quote=quote, start=start, end=start + len(quote), rule="test")


def _node(key: str, kind: str = "Body", **extra) -> Node:
    return Node(id=f"{kind.lower()}:{key}", kind=kind, name=key.replace("-", " ").title(), evidence=(_ev(1),),
                **extra)


def _edge(source: str, rel: str, target: str, status: str | None = "REALISED", **extra) -> Edge:
    return Edge(id=edge_id(source, rel, target, status), type=rel, source=source, target=target, status=status,
                evidence=(_ev(5, f"{source} {rel} {target}"),), **extra)


NODES = [
    _node("hrc", aliases=("HRC", "UNHRC"), location="GENEVA", pillar="HUMAN_RIGHTS"),
    _node("sc", aliases=("UNSC",), location="NEW_YORK", pillar="PEACE_AND_SECURITY"),
    _node("pbc", location="NEW_YORK"),
    _node("ohchr", location="GENEVA"),
    _node("hc", kind="Office", location="GENEVA"),
    _node("wilton-park", kind="Organization"),
]
EDGES = [
    _edge("office:hc", "BRIEFS", "body:sc", "REALISED", date="2022"),
    _edge("office:hc", "BRIEFS", "body:hrc", "MANDATED"),
    _edge("office:hc", "PART_OF", "body:ohchr", None),
    _edge("body:pbc", "BRIEFS", "body:hrc", "UNREALISED", date="2021"),
    _edge("body:pbc", "BRIEFS", "body:sc", "REALISED"),
    _edge("body:hrc", "NO_LINK", "body:sc", None),
    _edge("body:sc", "REQUESTS", "body:sc", "REALISED"),  # a self-loop: one edge in every direction
    _edge("organization:wilton-park", "BRIEFS", "body:hrc", "PROPOSED", source_ref="a source"),
]
BLOCKED = _edge("body:pbc", "BRIEFS", "body:hrc", "UNREALISED", date="2021")
EDGES.append(Edge(id=edge_id("body:sc", "BLOCKS", "body:pbc", "BLOCKED"), type="BLOCKS", source="body:sc",
                  target="body:pbc", status="BLOCKED", blocks=BLOCKED.id, evidence=(_ev(9),)))


@pytest.fixture
def graph(store):
    document = Node(id=DOC, kind="Document", name="Selection test", props={"text": "x" * 200})
    store.load_document(DocumentBatch(document=document, nodes=tuple(NODES), edges=tuple(EDGES)))
    return store


def test_a_page_holds_only_the_selected_fields_of_each_node(graph):
    page = graph.select_page(PageSelection(NodeFilter(kind="Body"), limit=2, fields=("id", "aliases", "location")))
    assert page.total is None
    assert page.rows == [{"id": "body:hrc", "aliases": ["HRC", "UNHRC"], "location": "GENEVA"},
                         {"id": "body:ohchr", "aliases": [], "location": "GENEVA"}]


def test_the_count_is_of_the_whole_list_not_the_page(graph):
    page = graph.select_page(PageSelection(NodeFilter(location="GENEVA"), limit=1, offset=1, count=True))
    assert page.total == 3 and page.rows == [{"id": "body:ohchr"}]


def test_edges_come_per_node_in_id_order_with_their_ends(graph):
    flows = EdgeSelection("out", fields=("id", "status", "evidence"), types=("BRIEFS",),
                          target_fields=("id", "name", "kind"))
    (row,) = graph.select_page(PageSelection(NodeFilter(kind="Office"), limit=5, fields=("name",),
                                             edges=(flows,))).rows
    edges = row["edges"][0]
    assert [e["id"] for e in edges] == sorted(e.id for e in EDGES if e.source == "office:hc" and e.type == "BRIEFS")
    to_hrc = next(e for e in edges if e["target_node"] == {"id": "body:hrc", "name": "Hrc", "kind": "Body"})
    assert to_hrc["status"] == "MANDATED"
    assert to_hrc["evidence"] == [{"document": DOC, "quote": "office:hc BRIEFS body:hrc", "start": 5, "end": 30,
                                   "rule": "test"}]


def test_statuses_filter_and_leave_out_edges_without_one(graph):
    chosen = EdgeSelection("both", fields=("type", "status"), statuses=("REALISED", "BLOCKED"))
    rows = graph.select_page(PageSelection(NodeFilter(kind="Body"), limit=10, edges=(chosen,))).rows
    sc = next(r for r in rows if r["id"] == "body:sc")["edges"][0]
    assert sorted((e["type"], e["status"]) for e in sc) == [("BLOCKS", "BLOCKED"), ("BRIEFS", "REALISED"),
                                                             ("BRIEFS", "REALISED"), ("REQUESTS", "REALISED")]


def test_a_self_loop_is_one_edge_whatever_the_direction(graph):
    for direction in ("out", "in", "both"):
        chosen = EdgeSelection(direction, types=("REQUESTS",), source_fields=("id",), target_fields=("id",))
        (row,) = graph.select_page(PageSelection(NodeFilter(text="sc", kind="Body"), limit=1,
                                                 edges=(chosen,))).rows
        assert [(e["source_node"], e["target_node"]) for e in row["edges"][0]] == [({"id": "body:sc"},) * 2]


def test_no_types_means_no_edges_and_unknown_fields_are_refused(graph):
    (row,) = graph.select_page(PageSelection(NodeFilter(kind="Office"), limit=1,
                                             edges=(EdgeSelection("out", types=()),))).rows
    assert row == {"id": "office:hc", "edges": [[]]}
    with pytest.raises(ValueError, match="unknown node fields"):
        PageSelection(NodeFilter(), limit=1, fields=("id", "props"))
    with pytest.raises(ValueError, match="unknown edge fields"):
        EdgeSelection("out", fields=("id} RETURN 1 //",))


_fields = st.lists(st.sampled_from(NODE_FIELDS), unique=True, max_size=4).map(tuple)
_edge_selections = st.builds(
    EdgeSelection,
    direction=st.sampled_from(["out", "in", "both"]),
    fields=st.lists(st.sampled_from(EDGE_FIELDS), unique=True, min_size=1, max_size=5).map(tuple),
    types=st.none() | st.lists(st.sampled_from(["BRIEFS", "PART_OF", "BLOCKS", "NO_LINK", "REQUESTS"]),
                               unique=True, max_size=3).map(tuple),
    statuses=st.none() | st.lists(st.sampled_from(["REALISED", "MANDATED", "BLOCKED"]), unique=True,
                                  max_size=2).map(tuple),
    source_fields=_fields,
    target_fields=_fields,
)
_selections = st.builds(
    PageSelection,
    where=st.builds(NodeFilter, kind=st.none() | st.sampled_from(["Body", "Office", "Organization", "Document"]),
                    location=st.none() | st.sampled_from(["GENEVA", "NEW_YORK"]),
                    text=st.none() | st.sampled_from(["c", "HRC", "wilton"])),
    limit=st.integers(0, 8),
    offset=st.integers(0, 4),
    count=st.booleans(),
    fields=_fields,
    edges=st.lists(_edge_selections, max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(selection=_selections)
def test_any_selection_gives_what_the_stores_records_say(graph, selection):
    assert graph.select_page(selection) == select_page_from_records(graph, selection)
