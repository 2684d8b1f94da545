"""A small store whose right answers are known: two documents, a handful of bodies and flows, written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prevgraph.graph.store import GraphStore
from prevgraph.schema import Edge, Evidence, Node, edge_id, node_id

NOTE = node_id("Document", "note.txt")
OTHER = node_id("Document", "other.txt")


class Records:
    """Nodes and edges with evidence from one document each, offsets made up in order."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self._offset = 0

    def _evidence(self, document: str, quote: str) -> tuple[Evidence, ...]:
        start = self._offset
        self._offset += len(quote) + 1
        return (Evidence(document=document, quote=quote, start=start, end=start + len(quote), rule="test"),)

    def node(self, kind: str, name: str, *aliases: str, document: str = NOTE) -> str:
        identifier = node_id(kind, name)
        self.nodes[identifier] = Node(id=identifier, kind=kind, name=name, aliases=aliases,
                                      evidence=self._evidence(document, f"{name} is named here."))
        return identifier

    def edge(self, source: str, rel: str, target: str, status: str | None = None, quote: str = "",
             document: str = NOTE, date: str | None = None) -> None:
        self.edges.append(Edge(id=edge_id(source, rel, target, status, date), type=rel, source=source, target=target,
                               status=status, date=date, blocks=edge_id(source, "BRIEFS", target) if rel == "BLOCKS"
                               else None, evidence=self._evidence(document, quote or f"{source} {rel} {target}.")))


def small_graph() -> Records:
    """The note names five actors and a resolution; the other document names the Peacebuilding Commission."""
    r = Records()
    for document, file in ((NOTE, "note.txt"), (OTHER, "other.txt")):
        r.nodes[document] = Node(id=document, kind="Document", name=f"A {file}", props={"file": file})
    hrc = r.node("Body", "Human Rights Council", "HRC")
    sc = r.node("Body", "Security Council", "UNSC")
    president = r.node("Office", "President of the Human Rights Council")
    hc = r.node("Office", "High Commissioner for Human Rights", "High Commissioner")
    resolution = r.node("Resolution", "A/HRC/RES/45/31", "45/31")
    paragraph = r.node("Paragraph", "A/HRC/RES/45/31 OP5")
    r.node("Body", "Peacebuilding Commission", "PBC", document=OTHER)
    r.edge(president, "PART_OF", hrc)
    r.edge(paragraph, "PART_OF", resolution)
    r.edge(resolution, "ADOPTED_BY", hrc)
    r.edge(sc, "NO_LINK", hrc, quote="The two Councils have no formal link.")
    r.edge(president, "BRIEFS", sc, "REALISED", "In 2021 the President of the Council briefed the Security Council.",
           date="2021")
    r.edge(paragraph, "REQUESTS", hc, "MANDATED", "Requests the High Commissioner to present an update.")
    r.edge(hc, "BRIEFS", hrc, "PROPOSED", "The High Commissioner updated the Council orally.")
    r.edge(sc, "BRIEFS", hc, "REALISED", "The Council heard about the High Commissioner's travels.")
    r.edge(hrc, "BRIEFS", sc, "BLOCKED", "Only the other document says this.", document=OTHER)
    return r


def note_gold() -> dict:
    """What a careful reader of the note would write."""
    return {
        "document": "note.txt",
        "entities": [
            {"key": "hrc", "type": "Body", "names": ["the Human Rights Council", "HRC", "the Council"],
             "location": "GENEVA"},
            {"key": "sc", "type": "Body", "names": ["Security Council"]},
            {"key": "president", "type": "Office", "names": ["President of the  Human Rights Council"]},
            {"key": "hc", "type": "Office", "names": ["the High Commissioner"]},
            {"key": "res", "type": "Resolution", "names": ["resolution 45/31"]},
            {"key": "pbc", "type": "Body", "names": ["Peacebuilding Commission"]},
        ],
        "facts": [
            {"subject": "hrc", "relation": "BRIEFS", "object": "sc", "status": "REALISED", "year": 2021,
             "quote": "In 2021 the President of the Council briefed the Security Council."},
            {"subject": "hrc", "relation": "BRIEFS", "object": "sc", "status": "REALISED", "year": 2021,
             "quote": "The same briefing, told again later in the note."},
            {"subject": "res", "relation": "REQUESTS", "object": "hc", "status": "MANDATED",
             "quote": "Requests the High Commissioner to present an update."},
            {"subject": "hc", "relation": "BRIEFS", "object": "hrc", "status": "REALISED",
             "quote": "The High Commissioner updated the Council orally."},
            {"subject": "sc", "relation": "BLOCKS", "object": "hc", "status": "BLOCKED",
             "quote": "Members of the Council stopped the High Commissioner from speaking."},
            {"subject": "res", "relation": "ADOPTED_BY", "object": "hrc", "quote": "The Council adopted 45/31."},
            {"subject": "hrc", "relation": "MISSING_LINK", "object": "sc",
             "quote": "The two Councils have no formal link."},
            {"subject": "hc", "relation": "PART_OF", "object": "hrc", "quote": "A claim the store does not hold."},
        ],
    }


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    """Each store kind in turn, holding :func:`small_graph`."""
    records = small_graph()
    store.upsert(records.nodes.values(), records.edges)
    return store


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "note.json").write_text(json.dumps(note_gold()), encoding="utf-8")
    return folder
