"""Draw the findings of the gap analyses onto a map.

Unrealised mandates and blocked channels are highlighted, missing channels between
Geneva and New York become ghost edges, single points of failure get a heavy dashed
border, and every finding's statement joins the tooltips of what it concerns. Findings
name ids of the whole projection; after folding they are mapped onto what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import networkx as nx

#: Findings whose flows are drawn highlighted.
HIGHLIGHTED = frozenset({"unrealised_mandate", "blocked_channel", "single_point_of_failure"})
#: Findings whose nodes are marked as ones the link between the sides hangs on.
MARKED = frozenset({"single_point_of_failure"})
#: Findings listed in the page's panel.
PANEL_FINDINGS = 12


class FindingLike(Protocol):
    """What the map reads of a ``prevgraph.graph.analysis`` finding."""

    kind: str
    statement: str
    rank: int
    nodes: Sequence[str]
    edges: Sequence[str]
    data: dict[str, Any]


def drawn_ids(graph: nx.MultiDiGraph) -> tuple[dict[str, str], dict[str, tuple[str, str, str]]]:
    """Original node id -> drawn node, original edge id -> drawn (u, v, key), through any folding."""
    nodes = {m: n for n, members in graph.nodes(data="members") for m in (members or [n])}
    edges = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        for member in attrs.get("members") or [str(attrs.get("id", key))]:
            edges[member] = (u, v, key)
    return nodes, edges


def _note(attrs: dict, statement: str) -> None:
    notes = attrs.setdefault("findings", [])
    if statement not in notes:
        notes.append(statement)


def _ghost(graph: nx.MultiDiGraph, u: str, v: str, finding: FindingLike) -> None:
    key = f"gap:{finding.kind}:{u}:{v}"
    if graph.has_edge(u, v, key):
        _note(graph.edges[u, v, key], finding.statement)
        return
    graph.add_edge(u, v, key, id=key, type="MISSING", status=None, ghost=True, ghost_label="missing",
                   date=None, evidence=[], props={}, findings=[finding.statement])


def overlay(graph: nx.MultiDiGraph, findings: Sequence[FindingLike]) -> list[dict]:
    """Mark ``findings`` on ``graph`` in place; returns the panel entries (best ranked first)."""
    node_of, edge_of = drawn_ids(graph)
    panel = []
    for finding in sorted(findings, key=lambda f: (f.rank or 10**9, f.kind, f.statement)):
        nodes = list(dict.fromkeys(node_of[n] for n in finding.nodes if n in node_of))
        for node in nodes:
            _note(graph.nodes[node], finding.statement)
            if finding.kind in MARKED:
                graph.nodes[node]["marked"] = True
        for edge in finding.edges:
            if edge in edge_of:
                attrs = graph.edges[edge_of[edge]]
                _note(attrs, finding.statement)
                if finding.kind in HIGHLIGHTED:
                    attrs["highlight"] = True
        ends = [node_of.get(finding.data.get(side, "")) for side in ("geneva", "new_york")]
        if finding.kind == "missing_channel" and all(ends) and ends[0] != ends[1]:
            _ghost(graph, ends[0], ends[1], finding)
        if nodes and len(panel) < PANEL_FINDINGS:
            panel.append({"kind": finding.kind, "statement": finding.statement, "nodes": nodes})
    return panel
