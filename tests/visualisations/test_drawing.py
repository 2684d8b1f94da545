"""What a map draws from a small hand-built graph: nodes, shapes, colours, edge styles, tooltips, legend."""

from __future__ import annotations

import pytest

from prevgraph.schema import edge_id, node_id, ontology
from prevgraph.visualisations import MapOptions, build_map
from prevgraph.visualisations.drawing import EDGE_DEFAULTS, label_of
from prevgraph.visualisations.layout import CELL
from prevgraph.visualisations.style import BLOCKED_COLOUR, GHOST_COLOUR, location_colours, pillar_colours


def by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def flow(drawing, source: str, target: str, status: str, rel: str = "BRIEFS") -> dict:
    found = [e for e in drawing.edges if (e["from"], e["to"], e["type"], e["status"]) == (source, target, rel, status)]
    assert len(found) == 1, (source, target, status, found)
    return found[0]


HC, SC, HRC = "office:high-commissioner-for-human-rights", "body:security-council", "body:human-rights-council"


def arrow(edge: dict) -> dict:
    """The arrow head vis-network draws: the page's defaults, overridden by the edge."""
    given = edge.get("arrows", "to")  # pyvis writes "to" for a directed edge that sets nothing else
    return EDGE_DEFAULTS["arrows"]["to"] | ({} if given == "to" else given["to"])


def test_every_node_and_edge_of_the_graph_is_drawn_except_loose_documents(small_graph):
    drawing = build_map(small_graph, MapOptions())
    drawn = set(by_id(drawing.nodes))
    loose = {n for n, a in small_graph.nodes(data=True) if a["kind"] == "Document" and not small_graph.degree(n)}
    assert loose == {node_id("Document", "Roundtable report")}
    assert drawn == set(small_graph) - loose
    assert {e["id"] for e in drawing.edges} == {k for _, _, k in small_graph.edges(keys=True)}


def test_shapes_come_from_the_ontology_and_colours_from_location_or_pillar(small_graph):
    drawing = build_map(small_graph, MapOptions())
    for node in drawing.nodes:
        attrs = small_graph.nodes[node["id"]]
        assert node["shape"] == ontology().node_kinds[attrs["kind"]].shape
        if attrs["location"]:
            assert node["colours"]["location"][0] == location_colours()[attrs["location"]]
        if attrs["pillar"]:
            assert node["colours"]["pillar"][0] == pillar_colours()[attrs["pillar"]]
    assert by_id(drawing.nodes)[SC]["colours"]["pillar"][0] == pillar_colours()["PEACE_AND_SECURITY"]
    assert location_colours()["GENEVA"] != location_colours()["NEW_YORK"]
    assert build_map(small_graph, MapOptions(colour_by="pillar")).colour_by == "pillar"


def test_labels_inside_a_shape_contrast_with_its_fill(small_graph):
    nodes = by_id(build_map(small_graph, MapOptions()).nodes)
    assert nodes[HRC]["colours"]["location"][1] == "#ffffff"  # white on Geneva's dark blue box
    assert nodes[SC]["colours"]["location"][1] == "#000000"  # black on New York's vermillion
    assert nodes[node_id("Paragraph", "A/HRC/RES/45/31 OP5(f)")]["colours"]["location"][1] is None  # label below


def test_edges_are_styled_by_status_and_point_in_the_direction_of_the_flow(small_graph):
    drawing = build_map(small_graph, MapOptions())
    realised = flow(drawing, HC, SC, "REALISED")
    blocked = flow(drawing, HC, SC, "BLOCKED")
    mandated = flow(drawing, "office:chair-of-the-peacebuilding-commission", HRC, "MANDATED")
    proposed = flow(drawing, HRC, "body:peacebuilding-commission", "PROPOSED")
    assert "dashes" not in realised and arrow(realised) == {"enabled": True, "type": "arrow", "scaleFactor": 1.2}
    assert mandated["dashes"][0] > mandated["dashes"][1]  # long dashes
    assert proposed["dashes"][0] < proposed["dashes"][1]  # dots
    assert blocked["color"] == BLOCKED_COLOUR and arrow(blocked)["type"] == "bar" and "dashes" not in blocked
    assert realised["color"] != BLOCKED_COLOUR
    no_link = next(e for e in drawing.edges if e["type"] == "NO_LINK")
    assert no_link["ghost"] and no_link["color"] == GHOST_COLOUR and not arrow(no_link)["enabled"]
    part_of = next(e for e in drawing.edges if e["type"] == "PART_OF")
    assert part_of["width"] < realised["width"] and part_of["flow"] is False


def test_parallel_edges_between_two_bodies_are_curved_apart(small_graph):
    drawing = build_map(small_graph, MapOptions())
    between = [e for e in drawing.edges if {e["from"], e["to"]} == {HC, SC}]
    bends = sorted(e.get("smooth", {"roundness": 0})["roundness"] for e in between)
    assert len(between) == 2 and bends[0] != bends[1]


def test_node_tooltip_names_aliases_context_and_evidence(small_graph):
    tips = {n["id"]: n["tip"] for n in build_map(small_graph, MapOptions()).nodes}
    hrc = tips[HRC]
    assert "Human Rights Council" in hrc and "HRC, UNHRC" in hrc
    assert "The Human Rights Council (HRC) met in Geneva." in hrc
    assert "Concept note of the policy dialogue (HRC-SC policy dialogue)" in hrc  # the document and its meeting
    assert "part of Office of the High Commissioner for Human Rights" in tips[HC]
    assert "part of A/HRC/RES/45/31" in tips[node_id("Paragraph", "A/HRC/RES/45/31 OP5(f)")]
    assert "2020-11-24" in tips[node_id("Meeting", "HRC-SC policy dialogue")]


def test_edge_tooltip_shows_the_meeting_behind_it_and_escapes_quotes(small_graph):
    drawing = build_map(small_graph, MapOptions())
    tip = flow(drawing, HC, SC, "REALISED")["tip"]
    assert "Meeting HRC-SC policy dialogue" in tip
    assert "Roundtable report" in tip
    assert "<script>" not in tip and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; said" in tip
    blocks = next(e for e in drawing.edges if e["type"] == "BLOCKS")
    blocked = "High Commissioner for Human Rights \u2192 Security Council (BRIEFS, blocked)"
    assert "Blocks:" in blocks["tip"] and blocked in blocks["tip"]


def test_a_documents_full_text_never_reaches_the_page(small_graph):
    small_graph.nodes[node_id("Document", "Concept note of the policy dialogue")]["props"]["text"] = "SECRET FULL TEXT"
    drawing = build_map(small_graph, MapOptions())
    assert not any("SECRET FULL TEXT" in n["tip"] for n in drawing.nodes)


def test_the_legend_lists_what_is_drawn_in_the_ontologys_order(small_graph):
    drawing = build_map(small_graph, MapOptions())
    kinds = [k["kind"] for k in drawing.legend["kinds"]]
    assert kinds == [k for k in ontology().node_kinds if k in kinds]
    assert set(kinds) == {a["kind"] for n, a in small_graph.nodes(data=True)}
    assert [s["key"] for s in drawing.legend["statuses"]] == list(ontology().statuses)
    assert {t["key"] for t in drawing.legend["types"]} >= {"BRIEFS", "BLOCKS", "NO_LINK", "PART_OF"}
    assert drawing.statuses == list(ontology().statuses)
    # the date slider's stops, in the order "up to" each includes more: by the last day they cover
    assert drawing.dates == ["2020-10-07", "2020-11-24", "2020", "2021", "2022-03", "2023-02-15", "2023"]


def test_edge_ids_are_the_graphs(small_graph):
    drawing = build_map(small_graph, MapOptions())
    blocked = flow(drawing, HC, SC, "BLOCKED")
    assert blocked["id"] == edge_id(HC, "BRIEFS", SC, "BLOCKED", "2021")


@pytest.mark.parametrize(("name", "props", "shown"), [
    ("https://www.example.org/events/dialogue-2020", {"title": "Report of the dialogue"}, "Report of the dialogue"),
    ("www.example.org/paper.pdf", {"file": "2020-11-background-paper.txt"}, "2020 11 background paper"),
    ("http://example.org/x", {"title": "https://example.org/x"}, "a document"),
    ("Concept note", {"title": "https://example.org/x"}, "Concept note"),
])
def test_documents_are_labelled_by_their_title_never_a_url(small_graph, name, props, shown):
    graph = small_graph.copy()
    doc = node_id("Document", "Concept note of the policy dialogue")
    graph.nodes[doc].update(name=name, props=props)
    drawing = build_map(graph, MapOptions())
    entry = by_id(drawing.nodes)[doc]
    assert entry["name"] == shown and entry["label"].replace("\n", " ") == label_of(shown).replace("\n", " ")
    assert "://" not in entry["label"] and "www." not in entry["label"]


def test_a_name_too_long_for_three_lines_gives_way_to_an_alias_that_fits():
    name = "Office of the United Nations High Commissioner for Human Rights in Geneva"
    assert label_of(name, ("UN Human Rights", "OHCHR")) == "OHCHR"
    assert label_of("Security Council", ("UNSC",)) == "Security Council"
    assert label_of(name).count("\n") == 2 and label_of(name).endswith("\u2026")


def test_actors_are_drawn_on_a_grid_where_no_two_share_a_cell_geneva_left_of_new_york(small_graph):
    drawing = build_map(small_graph, MapOptions())
    cells = [(n["x"] / CELL[0], n["y"] / CELL[1]) for n in drawing.nodes]
    assert all(x == round(x) and y == round(y) for x, y in cells) and len(set(cells)) == len(cells)
    actors = [n for n in drawing.nodes if n["actor"]]
    assert {n["kind"] for n in actors} == {"Body", "Office"}
    xs = {loc: [n["x"] for n in actors if n["location"] == loc] for loc in ("GENEVA", "NEW_YORK")}
    ys = {loc: [n["y"] for n in actors if n["location"] == loc] for loc in ("GENEVA", "NEW_YORK", "FIELD")}
    assert max(xs["GENEVA"]) < min(xs["NEW_YORK"])
    assert min(ys["FIELD"]) > max(ys["GENEVA"] + ys["NEW_YORK"])
