"""find_gaps as a whole: empty graphs, ranking, determinism, evidence behind every part, bad options, doctests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import random

import networkx as nx
import pytest

import prevgraph.graph.analysis as analysis
from prevgraph.errors import AnalysisError
from prevgraph.graph.analysis import FINDING_KINDS, SEVERITIES, Finding, find_gaps
from prevgraph.graph.analysis.context import GapContext


def test_an_empty_graph_has_no_findings():
    assert find_gaps(nx.MultiDiGraph()) == []
    for kind in FINDING_KINDS:
        assert find_gaps(nx.MultiDiGraph(), kinds=kind) == []


def test_ranks_run_from_one_in_severity_then_kind_order(rich):
    findings = find_gaps(rich.graph)
    assert [f.rank for f in findings] == list(range(1, len(findings) + 1))
    order = [(SEVERITIES.index(f.severity), FINDING_KINDS.index(f.kind)) for f in findings]
    assert order == sorted(order)
    assert {f.kind for f in findings} == set(FINDING_KINDS)
    assert len({f.id for f in findings}) == len(findings)


def test_findings_do_not_depend_on_insertion_order(rich):
    graph = rich.graph
    shuffled = nx.MultiDiGraph()
    nodes, edges = list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))
    random.Random(5).shuffle(nodes)
    random.Random(6).shuffle(edges)
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(edges)
    assert [f.to_dict() for f in find_gaps(graph)] == [f.to_dict() for f in find_gaps(shuffled)]


def test_every_finding_is_valid_and_every_edge_it_names_is_cited(rich):
    graph = rich.graph
    for finding in find_gaps(graph):
        Finding.model_validate(finding.to_dict())
        cited = {c.about for c in finding.evidence}
        for edge in finding.edges:
            assert edge in cited, (finding.kind, finding.statement, edge)
        for citation in finding.evidence:
            assert citation.title == "Report of the roundtable"


def test_a_body_with_no_location_takes_its_parent_s_or_stays_off_both_sides(rich):
    ctx = GapContext(rich.graph)
    assert ctx.side("hc") == "GENEVA"
    assert ctx.side("nowhere") is None and ctx.location("nowhere") is None
    missing = find_gaps(rich.graph, kinds="missing_channel")
    assert all("nowhere" not in (f.data["geneva"], f.data["new_york"]) for f in missing)


def test_self_loops_and_parallel_edges_do_not_add_channels(rich):
    ctx = GapContext(rich.graph)
    realised = ctx.channels(("REALISED",))
    sg = ctx.index["sg"]
    assert not realised.has_arc(sg, sg)
    assert realised.matrix[ctx.index["hc"], ctx.index["hrc"]] == 1


def test_since_leaves_out_what_is_dated_before_it(rich):
    graph = rich.graph
    blocks = find_gaps(graph, kinds="blocked_channel", since="2024")
    assert blocks == []
    mandates = find_gaps(graph, kinds="unrealised_mandate", since="2024")
    assert {f.data["flow"] for f in mandates if f.data["flow"]} == {"briefs:pbc-hrc-MANDATED-2021"}


def test_bad_options_are_one_clear_error(rich):
    graph = rich.graph
    with pytest.raises(AnalysisError, match="unknown finding kind"):
        find_gaps(graph, kinds=["gaps"])
    with pytest.raises(AnalysisError, match="unknown option"):
        find_gaps(graph, principal=3)
    with pytest.raises(AnalysisError, match="not a date"):
        find_gaps(graph, since="last year")


def test_the_docstring_examples_run():
    for info in pkgutil.iter_modules(analysis.__path__, analysis.__name__ + "."):
        module = importlib.import_module(info.name)
        failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert failures == 0, info.name
    failures, tried = doctest.testmod(analysis)
    assert failures == 0 and tried > 0
