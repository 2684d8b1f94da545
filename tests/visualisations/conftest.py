"""Small graphs built by hand, where what the map must draw is obvious."""

from __future__ import annotations

import networkx as nx
import pytest

from prevgraph.graph.projection import build_networkx
from prevgraph.schema import Edge, Evidence, Node, edge_id, node_id, validate_batch
from prevgraph.schema.records import DocumentBatch

HOSTILE_QUOTE = 'The High Commissioner briefed the Council <script>alert("x")</script> & said "enough".'


def ev(doc: str, quote: str) -> Evidence:
    return Evidence(document=doc, quote=quote, start=0, end=len(quote), rule="test-rule")


def node(kind: str, name: str, **kw) -> Node:
    return Node(id=node_id(kind, name), kind=kind, name=name, **kw)


def edge(source: Node, rel: str, target: Node, status: str | None = None, date: str | None = None, **kw) -> Edge:
    return Edge(id=edge_id(source.id, rel, target.id, status, date), type=rel, source=source.id, target=target.id,
                status=status, date=date, **kw)


def small_records() -> tuple[list[Node], list[Edge]]:
    """Geneva, New York, the field, a meeting with its document and a participant, flows of every status."""
    doc = node("Document", "Concept note of the policy dialogue")
    report = node("Document", "Roundtable report")
    hrc = node("Body", "Human Rights Council", aliases=("HRC", "UNHRC"), location="GENEVA", pillar="HUMAN_RIGHTS",
               evidence=(ev(doc.id, "The Human Rights Council (HRC) met in Geneva."),))
    ohchr = node("Body", "Office of the High Commissioner for Human Rights", aliases=("OHCHR",), location="GENEVA",
                 pillar="HUMAN_RIGHTS")
    hc = node("Office", "High Commissioner for Human Rights", location="GENEVA", pillar="HUMAN_RIGHTS")
    sc = node("Body", "Security Council", aliases=("UNSC",), location="NEW_YORK", pillar="PEACE_AND_SECURITY")
    pbc = node("Body", "Peacebuilding Commission", aliases=("PBC",), location="NEW_YORK", pillar="PEACE_AND_SECURITY")
    chair = node("Office", "Chair of the Peacebuilding Commission", location="NEW_YORK", pillar="PEACE_AND_SECURITY")
    sg = node("Office", "Secretary-General", location="NEW_YORK", pillar="PEACE_AND_SECURITY")
    field = node("Body", "OHCHR country office", location="FIELD", pillar="HUMAN_RIGHTS")
    state = node("State", "Freedonia", location="OTHER")
    res = node("Resolution", "A/HRC/RES/45/31", props={"date": "2020-10-07"})
    para = node("Paragraph", "A/HRC/RES/45/31 OP5(f)", props={"text": "Invites the Chair of the PBC to brief ..."})
    meeting = node("Meeting", "HRC-SC policy dialogue", props={"date": "2020-11-24", "venue": "online"})
    late = node("Meeting", "Transatlantic roundtable", props={"date": "2023-02-15"})
    person = node("Participant", "a representative of OHCHR")
    nodes = [doc, report, hrc, ohchr, hc, sc, pbc, chair, sg, field, state, res, para, meeting, late, person]

    realised = edge(hc, "BRIEFS", sc, "REALISED", "2022-03", evidence=(ev(report.id, HOSTILE_QUOTE),),
                    props={"meeting": meeting.id})
    blocked = edge(hc, "BRIEFS", sc, "BLOCKED", "2021")
    mandated = edge(chair, "BRIEFS", hrc, "MANDATED", "2021", evidence=(ev(doc.id, "The Chair is invited to brief."),))
    edges = [
        edge(hc, "PART_OF", ohchr),
        edge(chair, "PART_OF", pbc),
        edge(field, "PART_OF", ohchr),
        edge(res, "ADOPTED_BY", hrc),
        edge(para, "PART_OF", res),
        edge(para, "INVITES", chair, "MANDATED", "2020-10-07"),
        mandated,
        realised,
        blocked,
        edge(state, "BLOCKS", hc, "REALISED", "2021", blocks=blocked.id,
             evidence=(ev(report.id, "Freedonia blocked the briefing."),)),
        edge(sg, "BRIEFS", sc, "REALISED", "2023"),
        edge(hrc, "BRIEFS", pbc, "PROPOSED", "2023-02-15"),
        edge(sc, "BRIEFS", field, "UNREALISED", "2020"),
        edge(hrc, "NO_LINK", sc, evidence=(ev(doc.id, "There is no formal link between the HRC and the Council."),)),
        edge(doc, "PART_OF", meeting),
        edge(meeting, "ORGANISED_BY", ohchr),
        edge(late, "ORGANISED_BY", sg),
        edge(person, "ATTENDED", meeting),
        edge(person, "REPRESENTS", ohchr),
    ]
    validate_batch(DocumentBatch(document=doc, nodes=tuple(nodes[1:]), edges=tuple(edges)))
    return nodes, edges


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    nodes, edges = small_records()
    return build_networkx([nodes], [edges])


def ids(graph_or_drawing) -> set[str]:
    return {n["id"] for n in graph_or_drawing.nodes}
