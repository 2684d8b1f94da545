"""Brokers: Gould–Fernandez roles on triads where the role is known, Burt's measures against NetworkX."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from prevgraph.graph.analysis import find_gaps
from prevgraph.graph.analysis.brokerage import structural_holes
from prevgraph.graph.analysis.indexed import Indexed


@pytest.mark.parametrize("seed", range(10))
def test_constraint_and_effective_size_are_networkx_s(seed):
    graph = nx.gnp_random_graph(15, 0.3, seed=seed)
    arcs = np.array(list(graph.edges())).T
    indexed = Indexed.from_arcs(15, arcs[0], arcs[1]).undirected()
    constraint, size = nx.constraint(graph), nx.effective_size(graph)
    for node in graph:
        ours = structural_holes(indexed, node)
        if graph.degree(node) == 0:
            assert math.isnan(ours[0]) and math.isnan(ours[1])
            continue
        assert ours[0] == pytest.approx(constraint[node]) and ours[1] == pytest.approx(size[node])


@pytest.mark.parametrize(("broker_at", "role"), [
    ("NEW_YORK", "gatekeeper"),  # a in Geneva; b, c in New York
    ("GENEVA", "representative"),  # a, b in Geneva; c in New York
    ("FIELD", "liaison"),  # all three apart
])
def test_the_role_follows_the_groups_of_the_triad(build, broker_at, role):
    build.node("a", "GENEVA")
    build.node("b", broker_at, kind="Office", name="The broker")
    build.node("c", "NEW_YORK")
    build.edge("a", "b")
    build.edge("b", "c", status="MANDATED")
    [finding] = find_gaps(build.graph, kinds="broker")
    assert finding.nodes[0] == "b"
    assert finding.data["roles"] == {r: (1.0 if r == role else 0.0) for r in finding.data["roles"]}
    assert finding.data["geneva_to_new_york"] == 1 and finding.data["cross_side_realised"] == 0
    assert finding.data["examples"] == [["a", "b", "c"]]
    assert finding.severity == "high" and f"1 as {role}" in finding.statement


def test_a_closed_triad_brokers_nothing_and_a_broker_of_unknown_location_still_counts(build):
    build.node("a", "GENEVA")
    build.node("b", None, kind="Organization", name="An unplaced group")
    build.node("c", "NEW_YORK")
    build.edge("a", "b")
    build.edge("b", "c")
    [finding] = find_gaps(build.graph, kinds="broker")
    assert finding.data["cross_side"] == 1 and sum(finding.data["roles"].values()) == 0
    assert finding.data["cross_side_realised"] == 1
    build.edge("a", "c", status="PROPOSED", key="direct")
    assert find_gaps(build.graph, kinds="broker", broker_statuses=("REALISED", "PROPOSED")) == []


def test_brokers_are_ranked_by_pairs_between_the_sides(build):
    for g in ("g1", "g2"):
        build.node(g, "GENEVA")
    for n in ("n1", "n2"):
        build.node(n, "NEW_YORK")
    build.node("big", "NEW_YORK", name="Big broker")
    build.node("small", "GENEVA", name="Small broker")
    for g in ("g1", "g2"):
        build.edge(g, "big")
    for n in ("n1", "n2"):
        build.edge("big", n)
    build.edge("g1", "small")
    build.edge("small", "n1")
    findings = find_gaps(build.graph, kinds="broker")
    assert [f.nodes[0] for f in findings] == ["big", "small"]
    assert findings[0].data["cross_side"] == 4 and findings[0].data["share"] == 0.8


def test_large_neighbourhoods_are_sampled_with_the_seed_and_say_so(build):
    build.node("hub", "NEW_YORK")
    for i in range(30):
        build.node(f"g{i}", "GENEVA")
        build.node(f"n{i}", "NEW_YORK")
        build.edge(f"g{i}", "hub")
        build.edge("hub", f"n{i}")
    exact = find_gaps(build.graph, kinds="broker")[0]
    assert exact.data["sampled"] is False and exact.data["cross_side"] == 900
    sampled = find_gaps(build.graph, kinds="broker", pair_budget=200, seed=3)[0]
    again = find_gaps(build.graph, kinds="broker", pair_budget=200, seed=3)[0]
    assert sampled.data["sampled"] is True and "estimated from a sample" in sampled.statement
    assert sampled.data == again.data
    assert sampled.data["cross_side"] == pytest.approx(900, rel=0.01)  # every sampled pair crosses
