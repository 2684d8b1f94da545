"""Small hand-built projections for the gap analyses: the right answer is known for each."""

from __future__ import annotations

import networkx as nx
import pytest

DOC = "document:report"


class Builder:
    """Builds a projection shaped like ``GraphStore.to_networkx()`` with one line per fact."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.graph.add_node(DOC, kind="Document", name="Report of the roundtable", location=None, aliases=[],
                            props={"file": "report.txt"}, evidence=[])
        self._offset = 0

    def _evidence(self, quote: str) -> list[dict]:
        start = self._offset
        self._offset += len(quote) + 1
        return [{"document": DOC, "quote": quote, "start": start, "end": start + len(quote), "rule": "test"}]

    def node(self, node_id: str, location: str | None = None, kind: str = "Body", name: str | None = None,
             **props) -> str:
        self.graph.add_node(node_id, kind=kind, name=name or node_id.upper(), location=location, aliases=[],
                            pillar=None, origin="extracted", reviewed=True, source=None, props=props,
                            evidence=self._evidence(f"{name or node_id} is named."))
        return node_id

    def edge(self, source: str, target: str, rel: str = "BRIEFS", status: str | None = "REALISED", *,
             key: str | None = None, date: str | None = None, blocks: str | None = None,
             quote: str | None = None, evidence: list[dict] | None = None, **props) -> str:
        key = key or f"{rel.lower()}:{source}-{target}-{status or ''}-{date or ''}"
        if rel not in ("BRIEFS", "REQUESTS", "INVITES", "BLOCKS"):
            status = None if status == "REALISED" else status
        self.graph.add_edge(source, target, key=key, id=key, type=rel, status=status, blocks=blocks, date=date,
                            origin="extracted", source_ref=None, props=props,
                            evidence=evidence if evidence is not None else self._evidence(
                                quote or f"{source} {rel} {target} ({status})."))
        return key


@pytest.fixture
def build() -> Builder:
    return Builder()


@pytest.fixture
def two_sides(build: Builder) -> Builder:
    """Geneva: HRC, OHCHR, HC; New York: SC, SG, PBC; OHCHR -> RMR -> SG -> SC is the only realised route."""
    for node in ("hrc", "ohchr", "hc"):
        build.node(node, "GENEVA")
    for node in ("sc", "sg", "pbc", "rmr"):
        build.node(node, "NEW_YORK", kind="Mechanism" if node == "rmr" else "Body")
    build.edge("hc", "hrc", date="2022")
    build.edge("ohchr", "rmr", "FEEDS_INTO")
    build.edge("rmr", "sg")
    build.edge("sg", "sc", quote="The Secretary-General invoked Article 99 of the Charter.")
    return build


@pytest.fixture
def rich(build: Builder) -> Builder:
    """A bit of everything: mandates, blocks, a stated missing link, proposals, a lone node, loops, parallels."""
    for node, where in (("hrc", "GENEVA"), ("ohchr", "GENEVA"), ("sc", "NEW_YORK"), ("sg", "NEW_YORK"),
                        ("rmr", "NEW_YORK"), ("pbc", "NEW_YORK")):
        build.node(node, where)
    build.node("hc", None, kind="Office", name="High Commissioner")  # no location of its own ...
    build.edge("hc", "ohchr", "PART_OF")  # ... but part of a Geneva body
    build.node("nowhere", None, kind="Organization", name="Unplaced NGO")
    build.node("res", kind="Resolution", name="A/HRC/RES/45/31")
    build.edge("res", "hrc", "ADOPTED_BY")
    build.edge("res", "sg", "REQUESTS", "MANDATED", date="2020")
    flow = build.edge("pbc", "hrc", status="MANDATED", date="2021")
    build.edge("sc", "pbc", "BLOCKS", "REALISED", blocks=flow, date="2023")
    build.edge("hc", "hrc", date="2022")
    build.edge("hc", "hrc", date="2022-06", key="parallel")
    build.edge("ohchr", "rmr", "FEEDS_INTO")
    build.edge("rmr", "sg")
    build.edge("sg", "sc")
    build.edge("sg", "sg", key="loop")
    build.edge("nowhere", "sc")
    build.edge("hrc", "sc", "NO_LINK", None)
    build.edge("hrc", "sg", status="PROPOSED", date="2023")
    return build
