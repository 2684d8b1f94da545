"""Where nodes are placed (the geography, the same every run) and how a large graph is folded."""

from __future__ import annotations

import random

import networkx as nx

from prevgraph.graph.projection import build_networkx
from prevgraph.schema import Edge, Node, edge_id, node_id
from prevgraph.visualisations import MapOptions, build_map
from prevgraph.visualisations.aggregate import aggregate
from prevgraph.visualisations.layout import positions, zones
from prevgraph.visualisations.page import render_page

from .conftest import small_records


def test_geneva_is_left_new_york_right_the_field_below_elsewhere_above(small_graph):
    xy = positions(small_graph)
    zone = zones(small_graph)
    xs = {z: [xy[n][0] for n in small_graph if zone[n] == z] for z in set(zone.values())}
    ys = {z: [xy[n][1] for n in small_graph if zone[n] == z] for z in set(zone.values())}
    assert max(xs["GENEVA"]) < min(xs[""]) <= max(xs[""]) < min(xs["NEW_YORK"])
    assert min(ys["FIELD"]) > max(ys["GENEVA"] + ys["NEW_YORK"] + ys[""])
    assert max(ys["OTHER"]) < min(ys["GENEVA"] + ys["NEW_YORK"] + ys[""])


def test_nodes_without_a_location_sit_with_what_they_belong_to(small_graph):
    zone = zones(small_graph)
    assert zone[node_id("Resolution", "A/HRC/RES/45/31")] == "GENEVA"  # adopted by the HRC
    assert zone[node_id("Paragraph", "A/HRC/RES/45/31 OP5(f)")] == "GENEVA"  # part of it, though it invites New York
    assert zone[node_id("Participant", "a representative of OHCHR")] == "GENEVA"
    assert zone[node_id("Meeting", "Transatlantic roundtable")] == "NEW_YORK"  # organised by the Secretary-General
    assert zone[node_id("Document", "Roundtable report")] == ""  # nothing ties it anywhere


def test_positions_are_the_same_every_run_and_whatever_the_order_nodes_were_added(small_graph):
    nodes, edges = small_records()
    shuffled = random.Random(7)
    nodes, edges = list(nodes), list(edges)
    shuffled.shuffle(nodes)
    shuffled.shuffle(edges)
    again = build_networkx([nodes], [edges])
    assert positions(small_graph) == positions(small_graph) == positions(again)
    first = {n["id"]: (n["x"], n["y"]) for n in build_map(small_graph, MapOptions()).nodes}
    second = {n["id"]: (n["x"], n["y"]) for n in build_map(again, MapOptions()).nodes}
    assert first == second


def test_no_two_nodes_sit_on_top_of_each_other(small_graph):
    xy = list(positions(small_graph).values())
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(xy) for b in xy[i + 1:])
    assert closest > 100


def big_graph(resolutions: int = 12, paragraphs: int = 8, meetings: int = 6, people: int = 10) -> nx.MultiDiGraph:
    """Resolutions full of paragraphs that request offices, meetings full of documents and participants."""
    rng = random.Random(1)
    nodes, edges = [], []
    offices = [Node(id=node_id("Office", f"Office {i}"), kind="Office", name=f"Office {i}",
                    location=["GENEVA", "NEW_YORK"][i % 2], pillar="HUMAN_RIGHTS") for i in range(6)]
    orgs = [Node(id=node_id("Organization", f"Org {i}"), kind="Organization", name=f"Org {i}") for i in range(3)]
    nodes += offices + orgs

    def link(a: Node, rel: str, b: Node, status: str | None = None, date: str | None = None) -> None:
        edges.append(Edge(id=edge_id(a.id, rel, b.id, status, date), type=rel, source=a.id, target=b.id,
                          status=status, date=date))

    for r in range(resolutions):
        res = Node(id=node_id("Resolution", f"A/RES/{r}"), kind="Resolution", name=f"A/RES/{r}")
        nodes.append(res)
        for p in range(paragraphs):
            para = Node(id=node_id("Paragraph", f"A/RES/{r} OP{p}"), kind="Paragraph", name=f"A/RES/{r} OP{p}")
            nodes.append(para)
            link(para, "PART_OF", res)
            link(para, "REQUESTS", rng.choice(offices), "MANDATED", f"20{10 + r}")
    for m in range(meetings):
        meeting = Node(id=node_id("Meeting", f"Meeting {m}"), kind="Meeting", name=f"Meeting {m}")
        doc = Node(id=node_id("Document", f"Report {m}"), kind="Document", name=f"Report {m}")
        nodes += [meeting, doc]
        link(doc, "PART_OF", meeting)
        for p in range(people):
            person = Node(id=node_id("Participant", f"a representative {m}-{p}"), kind="Participant",
                          name=f"a representative {m}-{p}")
            nodes.append(person)
            link(person, "ATTENDED", meeting)
            link(person, "REPRESENTS", rng.choice(orgs))
    for a, b in zip(offices, offices[1:], strict=False):
        link(a, "BRIEFS", b, "REALISED", "2021")
    return build_networkx([nodes], [edges])


def test_a_large_graph_folds_paragraphs_documents_and_participants_and_says_so():
    graph = big_graph()
    assert graph.number_of_nodes() == 6 + 3 + 12 * 9 + 6 * 12
    drawing = build_map(graph, MapOptions(aggregate_above=40))
    kinds = {n["kind"] for n in drawing.nodes}
    assert kinds == {"Office", "Organization", "Resolution", "Meeting"}
    assert len(drawing.nodes) == 6 + 3 + 12 + 6
    requests = [e for e in drawing.edges if e["type"] == "REQUESTS"]
    assert all(e["from"].startswith("resolution:") for e in requests)
    assert sum(int(e["tip"].split("Merged:</b> ")[1].split(" ")[0]) if "Merged" in e["tip"] else 1
               for e in requests) == 12 * 8
    assert not any(e["type"] in ("PART_OF", "REPRESENTS") for e in drawing.edges)  # folded away
    resolution = next(n for n in drawing.nodes if n["id"] == node_id("Resolution", "A/RES/0"))
    assert "Drawn here:</b> 8 paragraphs" in resolution["tip"]
    assert drawing.notices and "189 nodes" in drawing.notices[0]
    assert "6 documents, 96 paragraphs, 60 participants folded" in drawing.notices[0]
    assert "189 nodes" in render_page(drawing)


def test_when_folding_is_not_enough_the_least_connected_actors_are_grouped():
    graph = big_graph()
    folded, folding = aggregate(graph, limit=15)
    assert folded.number_of_nodes() <= 15 and folding.actors_grouped > 0
    groups = [a for n, a in folded.nodes(data=True) if a.get("group")]
    assert groups and all(a["name"].split()[0].isdigit() for a in groups)
    members = [m for _, a in folded.nodes(data=True) for m in a["members"]]
    assert sorted(members) == sorted(graph)  # every node is drawn somewhere, once


def test_a_small_graph_is_not_folded(small_graph):
    folded, folding = aggregate(small_graph, limit=1500)
    assert folded is small_graph and not folding.happened
    assert not build_map(small_graph, MapOptions()).notices


def test_a_long_list_of_supporters_is_drawn_as_a_count_on_what_they_support(small_graph):
    appeal = Node(id=node_id("Initiative", "13th June Appeal"), kind="Initiative", name="13th June Appeal")
    backer = Node(id=node_id("State", "Ruritania"), kind="State", name="Ruritania")
    states = [Node(id=node_id("State", f"State {i:02d}"), kind="State", name=f"State {i:02d}") for i in range(20)]
    small_graph.add_nodes_from((n.id, {"kind": n.kind, "name": n.name, "aliases": [], "location": None,
                                       "evidence": [], "props": {}}) for n in (appeal, backer, *states))
    for state in (backer, *states):
        key = edge_id(state.id, "SUPPORTS", appeal.id)
        small_graph.add_edge(state.id, appeal.id, key, id=key, type="SUPPORTS", evidence=[], props={})
    key = edge_id(backer.id, "BRIEFS", "body:security-council", "REALISED")
    small_graph.add_edge(backer.id, "body:security-council", key, id=key, type="BRIEFS", status="REALISED",
                         evidence=[], props={})
    nodes = {n["id"]: n for n in build_map(small_graph, MapOptions()).nodes}
    assert not any(n.startswith("state:state-") for n in nodes)
    assert backer.id in nodes  # it also briefs the Council: drawn as itself
    tip = nodes[appeal.id]["tip"]
    assert "Drawn here:</b> 20 states: State 00, State 01," in tip and "State 11 and 8 more" in tip
