"""Gap findings drawn on the map: highlighted flows, ghost edges for missing channels, marked cut points."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from prevgraph.schema import edge_id
from prevgraph.visualisations import MapOptions, build_map, render_map
from prevgraph.visualisations.gaps import PANEL_FINDINGS
from prevgraph.visualisations.maps import gap_findings

HC, SC, HRC = "office:high-commissioner-for-human-rights", "body:security-council", "body:human-rights-council"
PBC, CHAIR = "body:peacebuilding-commission", "office:chair-of-the-peacebuilding-commission"
MANDATED = edge_id(CHAIR, "BRIEFS", HRC, "MANDATED", "2021")
BLOCKED = edge_id(HC, "BRIEFS", SC, "BLOCKED", "2021")
REALISED = edge_id(HC, "BRIEFS", SC, "REALISED", "2022-03")


@dataclass(frozen=True)
class Gap:
    """What the map reads of a finding of ``prevgraph.graph.analysis.find_gaps``."""

    kind: str
    statement: str
    rank: int
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


FINDINGS = [
    Gap("unrealised_mandate", "The Chair is mandated to brief the HRC since 2021; no briefing is recorded.", 1,
        (CHAIR, HRC), (MANDATED,), {"flow": MANDATED}),
    Gap("blocked_channel", "Freedonia blocks the High Commissioner from briefing the Council.", 2,
        ("state:freedonia", HC, SC), (BLOCKED,), {"blocker": "state:freedonia", "flow": BLOCKED}),
    Gap("missing_channel", "No realised flow runs directly between the HRC and the PBC.", 3, (HRC, PBC), (),
        {"geneva": HRC, "new_york": PBC}),
    Gap("missing_channel", "No realised flow runs directly between the HRC and the Security Council.", 4, (HRC, SC),
        (), {"geneva": HRC, "new_york": SC}),
    Gap("single_point_of_failure", "Losing the High Commissioner would cut Geneva off.", 5, (HC,), (REALISED,),
        {"measure": "minimum_cut", "node_cut": [HC]}),
    Gap("single_point_of_failure", "The flow between the Council and the High Commissioner is a bridge.", 6,
        (SC, HC), (REALISED,), {"measure": "bridge"}),
    Gap("asymmetry", "From Geneva to New York: 4 flows; back: 1.", 7, (HRC, SC, HC, PBC, CHAIR), (MANDATED,), {}),
]


def drawn(graph, findings=FINDINGS):
    drawing = build_map(graph, MapOptions(gaps=True), findings=findings)
    return drawing, {n["id"]: n for n in drawing.nodes}, {e["id"]: e for e in drawing.edges}


def test_unrealised_mandates_and_blocked_channels_are_highlighted_with_their_statement(small_graph):
    _, _, edges = drawn(small_graph)
    for edge, words in ((MANDATED, "no briefing is recorded"), (BLOCKED, "Freedonia blocks")):
        assert edges[edge]["shadow"]["enabled"] and edges[edge]["width"] > 5
        assert words in edges[edge]["tip"]
    plain = next(e for e in edges.values() if e["type"] == "BRIEFS" and e["status"] == "PROPOSED")
    assert "shadow" not in plain


def test_a_missing_channel_becomes_a_ghost_edge_unless_a_document_already_says_so(small_graph):
    _, _, edges = drawn(small_graph)
    ghosts = [e for e in edges.values() if e["type"] == "MISSING"]
    assert [(e["from"], e["to"]) for e in ghosts] == [(HRC, PBC)]
    assert ghosts[0]["ghost"] and "HRC and the PBC" in ghosts[0]["tip"]
    assert "<p class='facts'>Missing</p>" in ghosts[0]["tip"] and "label" not in ghosts[0]  # no text on the line
    no_link = next(e for e in edges.values() if e["type"] == "NO_LINK")
    assert "HRC and the Security Council" in no_link["tip"]  # noted on the stated missing link instead


def test_single_points_of_failure_are_marked_and_bridges_highlighted(small_graph):
    _, nodes, edges = drawn(small_graph)
    assert nodes[HC]["marked"] and nodes[HC]["shadow"]["enabled"]
    assert "marked" not in nodes[SC]  # only an end of a bridge, not a cut point
    assert edges[REALISED]["shadow"]["enabled"]
    assert "would cut Geneva off" in nodes[HC]["tip"]


def test_overall_figures_go_to_the_panel_not_onto_every_node(small_graph):
    drawing, nodes, _ = drawn(small_graph)
    assert "From Geneva to New York" not in nodes[PBC]["tip"]
    assert [f["kind"] for f in drawing.findings][-1] == "asymmetry"
    assert [f["statement"] for f in drawing.findings][0].startswith("The Chair is mandated")
    many = [Gap("broker", f"Broker {i}", i, (SC,)) for i in range(1, 30)]
    assert len(drawn(small_graph, many)[0].findings) == PANEL_FINDINGS
    assert "and 26 more gaps" in drawn(small_graph, many)[1][SC]["tip"]


def test_findings_land_on_what_a_folded_map_draws(small_graph):
    paragraph = "paragraph:a-hrc-res-45-31-op5-f"
    gap = Gap("unrealised_mandate", "OP5(f) invites the Chair; nothing carried it out.", 1, (CHAIR, paragraph))
    drawing = build_map(small_graph, MapOptions(aggregate_above=12), findings=[gap])
    nodes = {n["id"]: n for n in drawing.nodes}
    assert paragraph not in nodes
    assert "nothing carried it out" in nodes["resolution:a-hrc-res-45-31"]["tip"]


def test_the_gap_analyses_findings_reach_the_page(small_graph):
    html = render_map(small_graph, MapOptions(gaps=True))
    assert 'id="findings"' in html and "Unrealised mandate:</b> Chair of the Peacebuilding Commission" in html
    assert "dark halo: single point of failure" in html
    assert 'id="findings"' not in render_map(small_graph, MapOptions())
    findings = gap_findings(small_graph, MapOptions(gaps=True))
    _, nodes, edges = drawn(small_graph, findings)
    assert edges[MANDATED]["shadow"]["enabled"] and edges[BLOCKED]["shadow"]["enabled"]
    assert nodes[HC]["marked"]  # the one actor Geneva reaches New York through
    assert [(e["from"], e["to"]) for e in edges.values() if e["type"] == "MISSING"]
