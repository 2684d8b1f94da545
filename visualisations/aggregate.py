"""Fold a large graph into one a browser draws without freezing.

First the structure folds: a node that is not an actor (its kind has no pillar) is drawn
as the node it is part of or speaks for, following ``PART_OF`` and ``REPRESENTS``
(paragraphs into their resolution, documents and breakout groups into their meeting,
participants into their organisation). If that is not enough, the least connected
actors are grouped by location and kind. Parallel edges that folding creates are merged
into one edge that counts them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from prevgraph.graph.analysis.dates import parse_span
from prevgraph.schema import ontology
from prevgraph.visualisations.select import is_flow
from prevgraph.visualisations.style import counted, humanise

#: The structure along which a non-actor is folded into the node that stands for it.
FOLD_ALONG = ("PART_OF", "REPRESENTS")
#: Structure that only says a node stands behind another: a leaf of it is drawn as a count.
SUPPORT_TYPES = frozenset({"SUPPORTS"})
#: Evidence kept on a merged edge (the tooltip shows a few; the count says how many edges).
MERGED_EVIDENCE = 3


@dataclass
class Folding:
    """What aggregation did, for the notice on the page."""

    nodes_before: int
    nodes_folded: Counter = field(default_factory=Counter)
    actors_grouped: int = 0

    @property
    def happened(self) -> bool:
        return bool(self.nodes_folded or self.actors_grouped)

    def notice(self, limit: int) -> str:
        parts = []
        if self.nodes_folded:
            folded = ", ".join(counted(k, n) for k, n in sorted(self.nodes_folded.items()))
            parts.append(f"documents, paragraphs, breakout groups and participants are drawn inside the "
                         f"resolution, meeting or organisation they belong to ({folded} folded)")
        if self.actors_grouped:
            parts.append(f"the {self.actors_grouped} least connected actors are grouped by location and kind")
        return (f"This graph has {self.nodes_before:,} nodes, more than the {limit:,} a projector map shows "
                f"one by one: {'; '.join(parts)}. Filter or focus to see them individually.")


def _fold_target(graph: nx.MultiDiGraph, node: str, along: tuple[str, ...]) -> str | None:
    kinds = ontology().node_kinds
    kind = graph.nodes[node].get("kind")
    if kind in kinds and kinds[kind].has_pillar:
        return None
    targets = sorted(v for _, v, t in graph.out_edges(node, data="type") if t in along and v != node)
    return targets[0] if targets else None


def representatives(graph: nx.MultiDiGraph, along: tuple[str, ...] = FOLD_ALONG) -> dict[str, str]:
    """Each node mapped to the node it is drawn as (itself, or the end of its fold chain)."""
    step = {n: _fold_target(graph, n, along) for n in graph}
    result: dict[str, str] = {}
    for node in graph:
        seen = [node]
        while step.get(seen[-1]) and step[seen[-1]] not in seen:
            seen.append(step[seen[-1]])
        result[node] = seen[-1]
    return result


def fold(graph: nx.MultiDiGraph, mapping: dict[str, str], named: bool = False) -> nx.MultiDiGraph:
    """The graph with every node replaced by ``mapping[node]``; parallel edges merged, self-loops of folding dropped.

    With ``named`` the node that stands for others keeps their ids in ``named_members`` for its tooltip.
    """
    folded = nx.MultiDiGraph()
    members: dict[str, list[str]] = defaultdict(list)
    for node in sorted(graph):
        members[mapping[node]].append(node)
    for rep, group in members.items():
        attrs = dict(graph.nodes[rep]) if rep in graph else {}
        inside = Counter(attrs.get("folded") or {})
        for member in (m for m in group if m != rep):
            inside[graph.nodes[member].get("kind")] += 1
            inside.update(graph.nodes[member].get("folded") or {})
        attrs["folded"] = dict(sorted(inside.items()))
        attrs["members"] = [m for g in group for m in graph.nodes[g].get("members", [g])]
        if named and len(group) > 1:
            attrs["named_members"] = [m for m in group if m != rep]
        folded.add_node(rep, **attrs)
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        su, sv = mapping[u], mapping[v]
        if su == sv and u != v:
            continue
        buckets[(su, sv, attrs.get("type"), attrs.get("status"))].append({**attrs, "id": attrs.get("id", key)})
    for (su, sv, _, _), parallel in buckets.items():
        merged = _merge_edges(parallel)
        folded.add_edge(su, sv, merged["id"], **merged)
    return folded


def leaf_supporters(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Nodes whose only edges say they support one thing, mapped onto it (the rest onto themselves).

    A list of seventy States behind an appeal says one thing on a map: the appeal has seventy
    supporters. Drawn one by one they would bury the flows; folded, the appeal shows the count
    and the tooltip names them.
    """
    mapping = {n: n for n in graph}
    for node in graph:
        out = list(graph.out_edges(node, data="type"))
        targets = {v for _, v, _ in out}
        if out and not graph.in_degree(node) and len(targets) == 1 and all(t in SUPPORT_TYPES for *_, t in out):
            mapping[node] = targets.pop()
    return mapping


def _merge_edges(group: list[dict]) -> dict:
    if len(group) == 1 and "count" not in group[0]:
        return group[0]
    first = group[0]
    dated = [(p.start, e["date"]) for e in group if (p := parse_span(e.get("date")))]
    evidence = [ev for e in group for ev in e.get("evidence", [])][:MERGED_EVIDENCE]
    return {**first, "date": min(dated)[1] if dated else None, "evidence": evidence,
            "count": sum(e.get("count", 1) for e in group),
            "members": [m for e in group for m in e.get("members", [e["id"]])]}


def _rank(graph: nx.MultiDiGraph) -> list[str]:
    flows: Counter[str] = Counter()
    for u, v, t in graph.edges(data="type"):
        if is_flow(t):
            flows[u] += 1
            flows[v] += 1
    return sorted(graph, key=lambda n: (-flows[n], -graph.degree(n), n))


def _group_key(attrs: dict) -> tuple[str, str]:
    return attrs.get("location") or "", attrs.get("kind") or ""


def group_small_actors(graph: nx.MultiDiGraph, limit: int) -> tuple[dict[str, str], int]:
    """Map the least connected nodes onto one node per (location, kind) so at most ``limit`` remain."""
    ranked = _rank(graph)
    keep = len(ranked)
    while keep > 0:
        groups = {_group_key(graph.nodes[n]) for n in ranked[keep:]}
        if keep + len(groups) <= limit:
            break
        keep -= keep + len(groups) - limit
    mapping = {n: n for n in ranked[:keep]}
    for node in ranked[keep:]:
        location, kind = _group_key(graph.nodes[node])
        mapping[node] = f"group:{location or 'none'}:{kind}"
    return mapping, len(ranked) - keep


def name_groups(graph: nx.MultiDiGraph, sources: nx.MultiDiGraph) -> None:
    """Give each group node made by :func:`group_small_actors` a kind, a location and a readable name."""
    for node, attrs in graph.nodes(data=True):
        if node.startswith("group:") and "kind" not in attrs:
            _, location, kind = node.split(":", 2)
            count = len(attrs["members"])
            where = humanise(location) if location != "none" else "no location"
            pillars = {sources.nodes[m].get("pillar") for m in attrs["members"]}
            attrs.update(kind=kind, location=None if location == "none" else location,
                         pillar=pillars.pop() if len(pillars) == 1 else None,
                         name=f"{count} more {kind} ({where})", aliases=[], evidence=[], props={}, group=True)


def aggregate(graph: nx.MultiDiGraph, limit: int, along: Iterable[str] = FOLD_ALONG) -> tuple[nx.MultiDiGraph, Folding]:
    """``graph`` folded until at most ``limit`` nodes remain (unchanged when it is small enough)."""
    folding = Folding(graph.number_of_nodes())
    if graph.number_of_nodes() <= limit:
        return graph, folding
    mapping = representatives(graph, tuple(along))
    folding.nodes_folded = Counter(graph.nodes[n].get("kind") for n, rep in mapping.items() if rep != n)
    result = fold(graph, mapping)
    if result.number_of_nodes() > limit:
        grouping, folding.actors_grouped = group_small_actors(result, limit)
        result = fold(result, grouping)
        name_groups(result, graph)
    return result, folding
