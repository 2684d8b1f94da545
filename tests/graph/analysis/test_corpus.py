"""The findings a careful analyst would name on the sample corpus, loaded by the real loaders into real stores.

These tests state what the documents say, not what the loaders happen to produce: when one
fails, the message names the extraction the analysis is missing.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from prevgraph.graph.analysis import find_gaps, find_paths, findings_json
from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.loaders import load_paths

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def _load(store) -> nx.MultiDiGraph:
    reports = list(load_paths([CORPUS], store))
    assert reports and not [r.error for r in reports if r.error]
    return store.to_networkx()


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory) -> nx.MultiDiGraph:
    store = SqliteStore(tmp_path_factory.mktemp("corpus") / "graph.db")
    try:
        return _load(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def findings(corpus_graph):
    return find_gaps(corpus_graph)


def _id(graph: nx.MultiDiGraph, name: str) -> str:
    found = [n for n, data in graph.nodes(data=True) if data.get("name") == name]
    assert len(found) == 1, f"the corpus should give one node named {name!r}, found {found}"
    return found[0]


def test_the_pbc_chair_s_briefing_mandated_in_2020_and_not_delivered(corpus_graph, findings):
    chair, hrc = _id(corpus_graph, "Chair of the Peacebuilding Commission"), _id(corpus_graph, "Human Rights Council")
    resolution = _id(corpus_graph, "A/HRC/RES/45/31")
    mandates = [f for f in findings if f.kind == "unrealised_mandate" and f.nodes[:2] == (chair, hrc)]
    assert mandates, "no unrealised mandate for the PBC Chair's briefing of the HRC (45/31 invitation + BRIEFS)"
    [finding] = mandates
    assert finding.severity == "high" and finding.data["state"] == "blocked"
    assert resolution in finding.nodes and finding.data["mandated_by"], "the INVITES from 45/31 is not linked"
    assert finding.since and finding.since[:4] in ("2020", "2021")
    quotes = " ".join(c.quote for c in finding.evidence)
    assert "declined" in quotes and "blockages" in quotes
    assert finding.rank == min(f.rank for f in findings if f.kind == "unrealised_mandate")


def test_the_missing_formal_link_between_the_two_councils(corpus_graph, findings):
    hrc, sc = _id(corpus_graph, "Human Rights Council"), _id(corpus_graph, "Security Council")
    stated = [f for f in findings if f.kind == "stated_missing_link" and set(f.data["between"]) == {hrc, sc}]
    assert stated, "no NO_LINK edge between the Human Rights Council and the Security Council"
    assert stated[0].severity == "high" and "no formal link" in stated[0].statement
    assert any("formal link" in c.quote for c in stated[0].evidence)
    missing = [f for f in findings
               if f.kind == "missing_channel" and (f.data["geneva"], f.data["new_york"]) == (hrc, sc)]
    assert missing and missing[0].severity == "high" and missing[0].data["stated"]


def test_the_secretary_general_as_broker_article_99(corpus_graph, findings):
    sg = _id(corpus_graph, "Secretary-General")
    brokers = [f for f in findings if f.kind == "broker" and f.nodes[0] == sg]
    assert brokers, "the Secretary-General brokers no pair of actors between Geneva and New York"
    broker = brokers[0]
    assert broker.data["geneva_to_new_york"] >= 1 and broker.data["roles"]["gatekeeper"] >= 1
    sc = _id(corpus_graph, "Security Council")
    assert any(example[2] == sc for example in broker.data["examples"])
    article_99 = [(u, v, d) for u, v, d in corpus_graph.edges(data=True)
                  if u == sg and v == sc and any("Article 99" in e["quote"] for e in d.get("evidence") or ())]
    assert article_99, ("missing extraction: the Secretary-General's invocation of Article 99 of the Charter "
                        "(bringing a matter to the Security Council) gives no BRIEFS Secretary-General -> "
                        "Security Council edge with that sentence as evidence")
    assert any("Article 99" in c.quote for c in broker.evidence)


def test_the_single_crisis_the_high_commissioner_brought_to_the_council_in_two_years(corpus_graph, findings):
    hc, hrc = _id(corpus_graph, "High Commissioner for Human Rights"), _id(corpus_graph, "Human Rights Council")
    mandates = [f for f in findings if f.kind == "unrealised_mandate" and f.nodes[:2] == (hc, hrc)
                and f.data["flow"] and corpus_graph.edges[hc, hrc, f.data["flow"]]["status"] == "MANDATED"]
    assert mandates, "no mandated briefing of the HRC by the High Commissioner (45/31 request)"
    [finding] = mandates
    assert finding.data["state"] == "thinly_realised" and len(finding.data["realised"]) == 1
    realised = corpus_graph.edges[hc, hrc, finding.data["realised"][0]]
    assert realised["props"].get("concerning") == _id(corpus_graph, "Ethiopia")
    assert any("one emerging crisis" in c.quote for c in finding.evidence)
    assert "recorded only once" in finding.statement


def test_no_realised_route_rests_on_a_question(corpus_graph):
    """The corpus only asks "how, and to what extent, does the High Commissioner feed ... into the RMRs?":
    a question is not a fact (issue 16), so no realised hop from the High Commissioner into the Regional
    Monthly Review is drawn from it."""
    hc, rmr = _id(corpus_graph, "High Commissioner for Human Rights"), _id(corpus_graph, "Regional Monthly Review")
    assert not [p for p in find_paths(corpus_graph, hc, rmr) if p.nodes == (hc, rmr) and p.status == "REALISED"]


def test_every_finding_on_the_corpus_cites_what_it_names(findings):
    for finding in findings:
        cited = {c.about for c in finding.evidence}
        assert set(finding.edges) <= cited, (finding.kind, finding.statement)
    assert '"schema": "prevgraph/gaps"' in findings_json(findings)


def test_both_stores_give_the_same_findings(store, corpus_graph, findings):
    graph = _load(store)
    assert [f.to_dict() for f in find_gaps(graph)] == [f.to_dict() for f in findings]
