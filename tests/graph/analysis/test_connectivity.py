"""Single points of failure and what-if, checked against NetworkX's exact algorithms on random graphs."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import numpy as np
import pytest

from prevgraph.errors import AnalysisError
from prevgraph.graph.analysis import find_gaps
from prevgraph.graph.analysis.indexed import GENEVA, NEW_YORK, NO_SIDE, Indexed, separators


def _random_case(seed: int, n: int = 12, p: float = 0.18):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    sides = np.array([rng.choice((GENEVA, NEW_YORK, NO_SIDE)) for _ in range(n)], dtype=np.int8)
    arcs = np.array(list(graph.edges()) or [(0, 0)]).T
    return graph, sides, Indexed.from_arcs(n, arcs[0], arcs[1])


def _super(graph: nx.DiGraph, sides: np.ndarray, a: int, b: int) -> nx.DiGraph:
    h = nx.DiGraph()
    h.add_nodes_from(graph)
    h.add_edges_from(graph.edges(), capacity=1)
    big = len(graph) + 2
    h.add_edges_from((("S", i) for i in np.nonzero(sides == a)[0].tolist()), capacity=big)
    h.add_edges_from(((i, "T") for i in np.nonzero(sides == b)[0].tolist()), capacity=big)
    h.add_nodes_from(("S", "T"))
    return h


@pytest.mark.parametrize("seed", range(25))
def test_minimum_cuts_agree_with_networkx(seed):
    graph, sides, indexed = _random_case(seed)
    h = _super(graph, sides, GENEVA, NEW_YORK)
    sources, sinks = np.nonzero(sides == GENEVA)[0], np.nonzero(sides == NEW_YORK)[0]
    edge_cut = indexed.min_cut(sources, sinks, nodes=False)
    assert edge_cut.value == nx.maximum_flow_value(h, "S", "T")
    node_cut = indexed.min_cut(sources, sinks, nodes=True)
    expected = len(nx.minimum_node_cut(h, "S", "T")) if nx.has_path(h, "S", "T") else 0
    assert node_cut.value == expected
    cut = h.copy()
    cut.remove_nodes_from(node_cut.nodes)
    assert not nx.has_path(cut, "S", "T")
    cut = h.copy()
    cut.remove_edges_from(edge_cut.arcs)
    assert not nx.has_path(cut, "S", "T") and len(edge_cut.arcs) == edge_cut.value


@pytest.mark.parametrize("seed", range(15))
def test_what_if_gains_match_recomputing_the_cut(seed):
    graph, sides, indexed = _random_case(seed)
    sources, sinks = np.nonzero(sides == GENEVA)[0], np.nonzero(sides == NEW_YORK)[0]
    for nodes in (True, False):
        cut = indexed.min_cut(sources, sinks, nodes=nodes)
        for i, j in itertools.permutations(range(len(graph)), 2):
            if graph.has_edge(i, j):
                continue
            grown = graph.copy()
            grown.add_edge(i, j)
            arcs = np.array(list(grown.edges())).T
            after = Indexed.from_arcs(len(graph), arcs[0], arcs[1]).min_cut(sources, sinks, nodes=nodes)
            assert after.value == cut.value + cut.gain(i, j, nodes=nodes), (nodes, i, j)


def _pairs_cut(graph: nx.Graph, sides: np.ndarray, removed) -> int:
    def connected(g):
        return {(a, b) for comp in nx.connected_components(g) for a in comp for b in comp
                if sides[a] == GENEVA and sides[b] == NEW_YORK}
    before = connected(graph)
    after_graph = graph.copy()
    if isinstance(removed, tuple):
        after_graph.remove_edge(*removed)
        return len(before - connected(after_graph))
    after_graph.remove_node(removed)
    return len({(a, b) for a, b in before if removed not in (a, b)} - connected(after_graph))


@pytest.mark.parametrize("seed", range(25))
def test_separators_agree_with_articulation_points_bridges_and_brute_force(seed):
    graph, sides, indexed = _random_case(seed, n=14, p=0.12)
    undirected = graph.to_undirected()
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    cuts, bridges = separators(indexed.undirected(), sides)
    for v in nx.articulation_points(undirected):
        pairs = _pairs_cut(undirected, sides, v)
        assert (cuts[v].pairs if v in cuts else 0) == pairs
    assert set(cuts) <= set(nx.articulation_points(undirected))
    for a, b in nx.bridges(undirected):
        pairs = _pairs_cut(undirected, sides, (a, b))
        assert (bridges[(min(a, b), max(a, b))].pairs if (min(a, b), max(a, b)) in bridges else 0) == pairs


def test_a_single_actor_between_the_sides_is_the_single_point_of_failure(two_sides):
    two_sides.edge("hrc", "ohchr")
    two_sides.edge("sc", "sg")
    two_sides.edge("sg", "hc")
    findings = find_gaps(two_sides.graph, kinds="single_point_of_failure")
    cuts = {f.data["direction"]: f for f in findings if f.data["measure"] == "minimum_cut"}
    forth = cuts["GENEVA->NEW_YORK"]
    assert forth.data["node_cut_size"] == 1 and forth.data["edge_cut_size"] == 1 and forth.severity == "high"
    assert len(forth.data["node_cut"]) == 1 and forth.data["node_cut"][0] in {"ohchr", "rmr", "sg", "sc"}
    assert forth.data["node_cut"][0] in {"ohchr", "rmr"} and forth.data["edge_cut"] == [["ohchr", "rmr"]]
    vertices = {f.nodes[0]: f for f in findings if f.data["measure"] == "cut_vertex"}
    assert set(vertices) == {"sg"}  # hc, hrc, ohchr, rmr and sg form a cycle; only sc hangs on sg
    assert vertices["sg"].data["pairs_disconnected"] == 3  # sc loses hc, hrc and ohchr
    assert not [f for f in findings if f.data["measure"] == "bridge" and "rmr" in f.nodes]
    assert all(f.evidence for f in findings)


def test_disconnected_sides_have_a_cut_of_zero_and_no_cut_vertices(build):
    build.node("hrc", "GENEVA")
    build.node("ohchr", "GENEVA")
    build.node("sc", "NEW_YORK")
    build.edge("hrc", "ohchr")
    build.edge("sc", "sc")  # a self-loop is not a channel
    findings = find_gaps(build.graph, kinds="single_point_of_failure")
    assert [f.data["measure"] for f in findings] == ["minimum_cut", "minimum_cut"]
    assert all(f.data["node_cut_size"] == 0 and f.severity == "high" for f in findings)
    assert "cut off" in findings[0].statement


def test_what_if_ranks_the_proposal_that_joins_the_sides_first(build):
    build.node("hrc", "GENEVA")
    build.node("hc", "GENEVA", kind="Office")
    build.node("sc", "NEW_YORK")
    build.node("sg", "NEW_YORK", kind="Office")
    build.edge("hc", "hrc")
    build.edge("sg", "sc")
    joins = build.edge("hrc", "sg", status="PROPOSED", quote="a proposal to brief the Secretary-General")
    inside = build.edge("hrc", "hc", status="PROPOSED")
    findings = find_gaps(build.graph, kinds="what_if")
    assert [f.data["flow"] for f in findings] == [joins, inside]
    best = findings[0]
    assert best.severity == "high" and best.rank == 1
    assert best.data["connectivity"]["GENEVA->NEW_YORK"]["independent_routes"] == [0, 1]
    assert best.data["connectivity"]["GENEVA->NEW_YORK"]["route_length"] == [None, 1]
    assert best.data["principal_pairs_connected"] == 4  # (hrc, hc) x (sg, sc)
    assert findings[1].severity == "low" and "would not change" in findings[1].statement


def test_what_if_takes_flows_an_analyst_names(build):
    build.node("hrc", "GENEVA")
    build.node("sc", "NEW_YORK")
    mandated = build.edge("hrc", "sc", status="MANDATED")
    findings = find_gaps(build.graph, kinds="what_if", what_if=[mandated, ("sc", "hrc"), "hrc->sc"])
    assert [f.data["named"] for f in findings] == [True, True, True]
    assert {f.data["flow"] for f in findings} == {mandated, None}
    with pytest.raises(AnalysisError, match="not in the graph"):
        find_gaps(build.graph, kinds="what_if", what_if=["briefs:nothing"])
    with pytest.raises(AnalysisError, match="node 'nobody'"):
        find_gaps(build.graph, kinds="what_if", what_if=[("nobody", "sc")])


def test_what_if_reports_every_named_flow_and_the_best_proposals_up_to_the_limit(build):
    build.node("hrc", "GENEVA")
    build.node("sc", "NEW_YORK")
    for i in range(5):
        build.node(f"g{i}", "GENEVA")
        build.edge(f"g{i}", "sc", status="PROPOSED")
    findings = find_gaps(build.graph, kinds="what_if", what_if_limit=2, what_if=["hrc->sc"])
    assert len(findings) == 3 and sum(f.data["named"] for f in findings) == 1
    assert all(f.data["evaluated"] == 6 for f in findings)


@pytest.mark.parametrize("seed", range(5))
def test_the_vectorised_weights_rank_as_the_single_measure_does(build, seed):
    from prevgraph.graph.analysis.connectivity import _baseline, _measure, _weights
    from prevgraph.graph.analysis.context import GapContext

    rng = random.Random(seed)
    names = [f"n{k}" for k in range(14)]
    for k, name in enumerate(names):
        build.node(name, ("GENEVA", "NEW_YORK")[k] if k < 2 else rng.choice(("GENEVA", "NEW_YORK", None)))
    for _ in range(24):
        build.edge(rng.choice(names), rng.choice(names), key=f"e{_}")
    ctx = GapContext(build.graph)
    realised = ctx.channels(("REALISED",))
    base = _baseline(ctx, realised, 3)
    pairs = [(a, b) for a in range(len(names)) for b in range(len(names)) if a != b]
    weights = _weights(realised, base, np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
    assert list(weights) == [_measure(realised, base, a, b)["weight"] for a, b in pairs]
