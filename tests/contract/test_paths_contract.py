"""The store contract for path search and date ranges: the same answers from both stores."""

from __future__ import annotations

import pytest

from prevgraph.errors import LimitExceeded, ValidationError
from prevgraph.graph import EdgeFilter
from prevgraph.graph.store import MAX_PATH_HOPS
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id

EV = (Evidence(document="document:d", quote="q", start=0, end=1, rule="test"),)


def _edge(src: str, dst: str, rel: str = "BRIEFS", status: str | None = "REALISED", date: str | None = None) -> Edge:
    s, t = f"body:{src}", f"body:{dst}"
    return Edge(id=edge_id(s, rel, t, status, date), type=rel, source=s, target=t, status=status, date=date,
                evidence=EV)


@pytest.fixture
def diamond(store):
    """a -> b -> d, a -> c -> d, a -> d (proposed), d -> e, b -> c, e -> a (a cycle back)."""
    bodies = [Node(id=f"body:{k}", kind="Body", name=k.upper(), evidence=EV) for k in "abcde"]
    edges = [_edge("a", "b"), _edge("b", "d"), _edge("a", "c"), _edge("c", "d", status="MANDATED"),
             _edge("a", "d", status="PROPOSED"), _edge("d", "e"), _edge("b", "c"), _edge("e", "a"),
             _edge("b", "d", rel="FEEDS_INTO", status=None)]
    store.load_document(DocumentBatch(document=Node(id="document:d", kind="Document", name="d"),
                                      nodes=tuple(bodies), edges=tuple(edges)))
    return store


def _names(store, paths: list[list[Edge]]) -> list[str]:
    """Each route as its node letters: ["ad", "abd", ...]; the edges are the stored records."""
    out = []
    for edges in paths:
        assert edges == [store.edge(e.id) for e in edges]
        out.append(edges[0].source[-1] + "".join(e.target[-1] for e in edges))
    return out


def _ids(paths: list[list[Edge]]) -> list[list[str]]:
    return [[e.id for e in path] for path in paths]


def test_routes_shortest_first_then_by_edge_ids(diamond):
    paths = diamond.find_paths("body:a", "body:d", max_hops=3, types=["BRIEFS"])
    assert sorted(_names(diamond, paths)) == ["abcd", "abd", "acd", "ad"]
    assert _ids(paths) == sorted(_ids(paths), key=lambda p: (len(p), p))


def test_hops_types_statuses_via_avoid_and_limit(diamond):
    a, d, e = "body:a", "body:d", "body:e"
    assert _names(diamond, diamond.find_paths(a, d, max_hops=1)) == ["ad"]
    assert sorted(_names(diamond, diamond.find_paths(a, d, max_hops=2, types=["BRIEFS", "FEEDS_INTO"]))) == \
        ["abd", "abd", "acd", "ad"]  # two parallel edges b -> d are two routes
    assert sorted(_names(diamond, diamond.find_paths(a, d, max_hops=3, types=["BRIEFS"],
                                                     statuses=["REALISED"]))) == ["abd"]
    assert _names(diamond, diamond.find_paths(a, d, max_hops=3, types=["BRIEFS"], via=["body:c"]))[0] == "acd"
    assert set(_names(diamond, diamond.find_paths(a, d, max_hops=3, types=["BRIEFS"], avoid=["body:b"]))) == \
        {"ad", "acd"}
    assert len(diamond.find_paths(a, d, max_hops=3, types=["BRIEFS"], limit=2)) == 2
    assert _names(diamond, diamond.find_paths(a, e, max_hops=2, types=["BRIEFS"])) == ["ade"]
    assert diamond.find_paths(e, "body:b", max_hops=1) == []  # against the direction of e -> a -> b needs 2
    assert _names(diamond, diamond.find_paths(e, "body:b", max_hops=2)) == ["eab"]


def test_routes_never_visit_a_node_twice(diamond):
    for edges in diamond.find_paths("body:a", "body:e", max_hops=MAX_PATH_HOPS, limit=100):
        nodes = [edges[0].source, *(e.target for e in edges)]
        assert len(nodes) == len(set(nodes))


def test_no_route_and_unknown_nodes(diamond):
    assert diamond.find_paths("body:d", "body:nowhere", max_hops=4) == []
    assert diamond.find_paths("body:a", "body:a", max_hops=4) == []
    assert diamond.find_paths("body:a", "body:d", max_hops=4, types=["NO_LINK"]) == []


@pytest.mark.parametrize("hops", [0, MAX_PATH_HOPS + 1, "3; MATCH (n) DETACH DELETE n", 2.5, True])
def test_the_hop_bound_is_a_whitelisted_int(diamond, hops):
    with pytest.raises(LimitExceeded):
        diamond.find_paths("body:a", "body:d", max_hops=hops)
    assert diamond.count_nodes() == 6


@pytest.mark.parametrize("search", [
    {"types": ["BRIEFS]->() DETACH DELETE s //"]},
    {"from_kinds": {"BRIEFS) DETACH DELETE s //": ["Body"]}},
    {"from_kinds": {"PART_OF": ["Office' OR true //"]}},
])
def test_types_and_kinds_must_be_ontology_names(diamond, search):
    with pytest.raises(ValidationError):
        diamond.find_paths("body:a", "body:d", **search)


def test_edges_by_date_range_on_the_common_prefix(store):
    bodies = [Node(id=f"body:{k}", kind="Body", name=k, evidence=EV) for k in "ab"]
    dated = [_edge("a", "b", date=d) for d in ("2019-12-31", "2020", "2020-06-15", "2021-01-01")] + [_edge("b", "a")]
    store.load_document(DocumentBatch(document=Node(id="document:d", kind="Document", name="d"),
                                      nodes=tuple(bodies), edges=tuple(dated)))

    def dates(**where) -> list[str]:
        flt = EdgeFilter(**where)
        found = sorted(e.date for e in store.find_edges(flt))
        assert store.count_edges(flt) == len(found)
        return found

    assert dates(since="2020") == ["2020", "2020-06-15", "2021-01-01"]
    assert dates(until="2020-03-01") == ["2019-12-31", "2020"]
    assert dates(since="2020-01-01", until="2020-12-31") == ["2020", "2020-06-15"]
    assert dates(since="2022") == []


def test_structure_walked_both_ways_when_asked(store):
    """The Chair is part of the Commission and briefs the Council: Commission -> Chair -> Council."""
    nodes = [Node(id="body:pbc", kind="Body", name="PBC", evidence=EV),
             Node(id="office:chair", kind="Office", name="Chair", evidence=EV),
             Node(id="body:hrc", kind="Body", name="HRC", evidence=EV)]
    part = Edge(id=edge_id("office:chair", "PART_OF", "body:pbc"), type="PART_OF", source="office:chair",
                target="body:pbc", evidence=EV)
    briefs = Edge(id=edge_id("office:chair", "BRIEFS", "body:hrc", "MANDATED"), type="BRIEFS", source="office:chair",
                  target="body:hrc", status="MANDATED", evidence=EV)
    store.load_document(DocumentBatch(document=Node(id="document:d", kind="Document", name="d"),
                                      nodes=tuple(nodes), edges=(part, briefs)))
    types = ["BRIEFS", "PART_OF"]
    assert store.find_paths("body:pbc", "body:hrc", types=types) == []
    assert store.find_paths("body:pbc", "body:hrc", types=types, both_ways=["PART_OF"]) == [[part, briefs]]
    assert store.find_paths("body:hrc", "body:pbc", types=types, both_ways=["PART_OF"]) == []  # BRIEFS one way
    assert store.find_paths("body:pbc", "body:hrc", types=["BRIEFS"], both_ways=["PART_OF"]) == []


def test_structure_walked_only_from_the_kinds_asked(store):
    """An office speaks for its parent body; a subsidiary body does not, when the search says so."""
    nodes = [Node(id="body:parent", kind="Body", name="Parent", evidence=EV),
             Node(id="body:sub", kind="Body", name="Subsidiary", evidence=EV),
             Node(id="office:chair", kind="Office", name="Chair", evidence=EV),
             Node(id="body:target", kind="Body", name="Target", evidence=EV)]
    edges = [Edge(id=edge_id(part, rel, whole, status), type=rel, source=part, target=whole, status=status,
                  evidence=EV)
             for part in ("body:sub", "office:chair")
             for rel, whole, status in (("PART_OF", "body:parent", None), ("BRIEFS", "body:target", "REALISED"))]
    store.load_document(DocumentBatch(document=Node(id="document:d", kind="Document", name="d"),
                                      nodes=tuple(nodes), edges=tuple(edges)))
    search = {"types": ["BRIEFS", "PART_OF"], "both_ways": ["PART_OF"]}

    def middles(**extra) -> list[str]:
        return [route[0].source for route in store.find_paths("body:parent", "body:target", **search, **extra)]

    assert sorted(middles()) == ["body:sub", "office:chair"]
    assert middles(from_kinds={"PART_OF": ["Office"]}) == ["office:chair"]
    assert middles(from_kinds={"PART_OF": ["Office", "Body"]}) == middles()
    assert middles(from_kinds={"BRIEFS": ["Office"]}) == ["office:chair"]  # a flow only from an office
    assert middles(from_kinds={"PART_OF": ["Paragraph"]}) == []
