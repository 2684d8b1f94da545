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
#: Findings about the whole picture (counts by side or year): listed in the panel, not noted on every node.
OVERALL = frozenset({"asymmetry", "change_over_time"})
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
    graph.add_edge(u, v, key, id=key, type="MISSING", status=None, ghost=True,
                   date=None, evidence=[], props={}, findings=[finding.statement])


def marked_nodes(finding: FindingLike) -> list[str]:
    """The nodes whose loss would cut the sides apart: a minimum node cut, or a cut vertex."""
    if finding.kind != "single_point_of_failure":
        return []
    if "node_cut" in finding.data:
        return list(finding.data["node_cut"])
    return list(finding.nodes) if finding.data.get("measure") == "cut_vertex" else []


def _linked(graph: nx.MultiDiGraph, u: str, v: str) -> tuple[str, str, str] | None:
    """An edge already drawn as a ghost (a stated missing link) between ``u`` and ``v``, either way."""
    for a, b in ((u, v), (v, u)):
        for key, attrs in (graph.get_edge_data(a, b) or {}).items():
            if attrs.get("type") == "NO_LINK":
                return a, b, key
    return None


def overlay(graph: nx.MultiDiGraph, findings: Sequence[FindingLike]) -> list[dict]:
    """Mark ``findings`` on ``graph`` in place; returns the panel entries (best ranked first)."""
    node_of, edge_of = drawn_ids(graph)
    panel: list[dict] = []
    for finding in sorted(findings, key=lambda f: (f.rank or 10**9, f.kind, f.statement)):
        nodes = list(dict.fromkeys(node_of[n] for n in finding.nodes if n in node_of))
        if finding.kind not in OVERALL:
            for node in nodes:
                _note(graph.nodes[node], finding.statement)
            for node in marked_nodes(finding):
                if node in node_of:
                    graph.nodes[node_of[node]]["marked"] = True
            for edge in finding.edges:
                if edge in edge_of:
                    attrs = graph.edges[edge_of[edge]]
                    _note(attrs, finding.statement)
                    attrs["highlight"] = attrs.get("highlight") or finding.kind in HIGHLIGHTED
        ends = [node_of.get(finding.data.get(side) or "") for side in ("geneva", "new_york")]
        if finding.kind == "missing_channel" and ends[0] and ends[1] and ends[0] != ends[1]:
            stated = _linked(graph, ends[0], ends[1])
            if stated:
                _note(graph.edges[stated], finding.statement)
            else:
                _ghost(graph, ends[0], ends[1], finding)
        if len(panel) < PANEL_FINDINGS:
            panel.append({"kind": finding.kind, "statement": finding.statement, "nodes": nodes})
    return panel
