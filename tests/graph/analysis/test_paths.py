"""Pathways between two nodes: ranking, filters, structure walked backwards, evidence per hop."""

from __future__ import annotations

import pytest

from prevgraph.errors import AnalysisError, NotFound
from prevgraph.graph.analysis import find_paths


@pytest.fixture
def routes(build):
    """hc -> sc directly (mandated); hc -> hrc -> sc (realised, proposed); hc -> ohchr -> rmr -> sg -> sc (realised)."""
    for node, where in (("hc", "GENEVA"), ("hrc", "GENEVA"), ("ohchr", "GENEVA"), ("rmr", "NEW_YORK"),
                        ("sg", "NEW_YORK"), ("sc", "NEW_YORK")):
        build.node(node, where)
    build.edge("hc", "sc", status="MANDATED")
    build.edge("hc", "hrc")
    build.edge("hrc", "sc", status="PROPOSED")
    build.edge("hc", "ohchr")
    build.edge("ohchr", "rmr", "FEEDS_INTO")
    build.edge("rmr", "sg")
    build.edge("sg", "sc", quote="the Secretary-General brought the matter to the Security Council")
    return build


def test_realised_routes_come_before_mandated_before_proposed(routes):
    paths = find_paths(routes.graph, "hc", "sc")
    assert [p.nodes for p in paths] == [("hc", "ohchr", "rmr", "sg", "sc"), ("hc", "sc"), ("hc", "hrc", "sc")]
    assert [p.status for p in paths] == ["REALISED", "MANDATED", "PROPOSED"]
    assert [p.rank for p in paths] == [1, 2, 3]
    assert paths[0].length == 4 and paths[0].hops[1].type == "FEEDS_INTO"
    assert paths[0].hops[-1].evidence[0].quote.startswith("the Secretary-General brought")
    assert paths[0].hops[-1].evidence[0].title == "Report of the roundtable"


def test_shorter_routes_first_when_statuses_tie(routes):
    routes.edge("hc", "sg")
    paths = find_paths(routes.graph, "hc", "sc")
    assert paths[0].nodes == ("hc", "sg", "sc") and paths[1].nodes == ("hc", "ohchr", "rmr", "sg", "sc")


def test_filters_max_hops_via_avoid_and_limit(routes):
    assert [p.nodes for p in find_paths(routes.graph, "hc", "sc", max_hops=2)] == [("hc", "sc"), ("hc", "hrc", "sc")]
    assert [p.nodes for p in find_paths(routes.graph, "hc", "sc", statuses=["REALISED", "PROPOSED"])] == [
        ("hc", "ohchr", "rmr", "sg", "sc"), ("hc", "hrc", "sc")]
    assert [p.nodes for p in find_paths(routes.graph, "hc", "sc", via=["hrc"])] == [("hc", "hrc", "sc")]
    assert [p.nodes for p in find_paths(routes.graph, "hc", "sc", avoid=["rmr", "hrc"])] == [("hc", "sc")]
    assert len(find_paths(routes.graph, "hc", "sc", limit=1)) == 1
    assert find_paths(routes.graph, "hc", "sc", types=["FEEDS_INTO"]) == []
    assert find_paths(routes.graph, "sc", "hc") == []  # flows are walked in their direction
    assert find_paths(routes.graph, "hc", "hc") == []


def test_structure_is_walked_both_ways(build):
    build.node("pbc", "NEW_YORK", name="Peacebuilding Commission")
    build.node("chair", "NEW_YORK", kind="Office")
    build.node("hrc", "GENEVA")
    part = build.edge("chair", "pbc", "PART_OF")
    build.edge("chair", "hrc", status="BLOCKED")
    [path] = find_paths(build.graph, "pbc", "hrc")
    assert path.nodes == ("pbc", "chair", "hrc") and path.status == "BLOCKED"
    assert path.hops[0].edge == part and path.hops[0].reverse is True and path.hops[0].status is None


def test_a_subsidiary_body_does_not_reach_its_siblings_through_their_parent(build):
    for node in ("ga", "pbc", "hrc"):
        build.node(node)
    build.edge("pbc", "ga", "PART_OF")
    build.edge("hrc", "ga", "PART_OF")
    assert find_paths(build.graph, "pbc", "hrc") == []


def test_of_parallel_edges_the_strongest_is_walked(build):
    build.node("a", "GENEVA")
    build.node("b", "NEW_YORK")
    build.edge("a", "b", status="BLOCKED")
    realised = build.edge("a", "b", status="REALISED")
    [path] = find_paths(build.graph, "a", "b")
    assert path.hops[0].edge == realised and path.score == 1.0


def test_bad_input_is_a_clear_error(routes):
    with pytest.raises(NotFound, match="'nobody'"):
        find_paths(routes.graph, "nobody", "sc")
    with pytest.raises(AnalysisError, match="unknown status"):
        find_paths(routes.graph, "hc", "sc", statuses=["DONE"])
    with pytest.raises(AnalysisError, match="at least 1"):
        find_paths(routes.graph, "hc", "sc", max_hops=0)
