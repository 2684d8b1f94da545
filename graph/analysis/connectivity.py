"""Single points of failure between the sides, and what-if: what a proposed flow would change.

Both read the *realised-flow graph*: actors joined by a REALISED channel (see
:mod:`~prevgraph.graph.analysis.context`). Directed measures (minimum cuts, routes) follow
the direction information travels, from Geneva to New York and back; cut vertices and
bridges are the undirected notions. Every measure is linear or near-linear: minimum cuts are
one maximum flow each (Dinic, in SciPy) between a super-source joined to every node of one
side and a super-sink joined to every node of the other; what-if reads each proposal's gain
off the residual graph of those flows and off breadth-first distances computed once, so
ranking many proposals costs no extra flow computation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from prevgraph.errors import AnalysisError
from prevgraph.graph.analysis.channels import principal_bodies
from prevgraph.graph.analysis.context import GapContext, channel_types
from prevgraph.graph.analysis.findings import Citation, Draft
from prevgraph.graph.analysis.indexed import GENEVA, NEW_YORK, Cut, Indexed, separators
from prevgraph.graph.analysis.mandates import phrase

DIRECTIONS = (("GENEVA->NEW_YORK", GENEVA, NEW_YORK), ("NEW_YORK->GENEVA", NEW_YORK, GENEVA))
_NAMES_IN_STATEMENT = 5


def _names(ctx: GapContext, nodes: Iterable[str]) -> str:
    nodes = list(nodes)
    shown = ", ".join(ctx.name(n) for n in nodes[:_NAMES_IN_STATEMENT])
    more = len(nodes) - _NAMES_IN_STATEMENT
    return shown + (f" and {more} more" if more > 0 else "")


@dataclass
class SideCuts:
    """The four minimum cuts between the sides (node and arc cuts, both directions)."""

    node: dict[str, Cut]
    arc: dict[str, Cut]


def side_cuts(ctx: GapContext) -> SideCuts:
    """The minimum cuts of the realised-flow graph, computed once per context."""
    def compute() -> SideCuts:
        realised = ctx.channels(("REALISED",))
        node, arc = {}, {}
        for label, a, b in DIRECTIONS:
            sources, sinks = ctx.side_indices(a), ctx.side_indices(b)
            node[label] = realised.min_cut(sources, sinks, nodes=True)
            arc[label] = realised.min_cut(sources, sinks, nodes=False)
        return SideCuts(node, arc)

    return ctx.memo("side_cuts", compute)


def single_points_of_failure(ctx: GapContext, *, limit: int = 20) -> list[Draft]:
    """Minimum node and flow cuts between the sides, and the cut vertices and bridges whose loss
    disconnects Geneva–New York pairs (the ``limit`` that disconnect most pairs of each)."""
    g, n = ctx.side_indices(GENEVA), ctx.side_indices(NEW_YORK)
    if not len(g) or not len(n):
        return []
    realised = ctx.channels(("REALISED",))
    cuts = side_cuts(ctx)
    drafts = [_cut_draft(ctx, label, cuts.node[label], cuts.arc[label]) for label, _, _ in DIRECTIONS]
    vertices, bridges = separators(realised.undirected(), ctx.sides)
    all_pairs = len(g) * len(n)
    for v, sep in sorted(vertices.items(), key=lambda item: (-item[1].pairs, ctx.actors[item[0]]))[:limit]:
        drafts.append(_vertex_draft(ctx, realised, v, sep.pairs, sep.parts, all_pairs, len(vertices), limit))
    for (a, b), sep in sorted(bridges.items(), key=lambda item: (-item[1].pairs, ctx.actors[item[0][0]],
                                                                 ctx.actors[item[0][1]]))[:limit]:
        drafts.append(_bridge_draft(ctx, a, b, sep.pairs, all_pairs, len(bridges), limit))
    return drafts


def _severity(share: float) -> str:
    return "high" if share >= 0.5 else "medium" if share >= 0.1 else "low"


def _cut_draft(ctx: GapContext, label: str, node_cut: Cut, arc_cut: Cut) -> Draft:
    start, end = ("Geneva", "New York") if label == "GENEVA->NEW_YORK" else ("New York", "Geneva")
    cut_nodes = [ctx.actors[i] for i in node_cut.nodes]
    citations: list[Citation] = []
    edges: list[str] = []
    for i, j in ctx.capped(sorted(arc_cut.arcs)):
        found = ctx.arc_edges(i, j, ("REALISED",))
        if found:
            edges.append(found[0][2])
            citations += ctx.edge_citations(found[0][3])
    for node in ctx.capped(cut_nodes):
        citations += ctx.node_citations(node)
    if node_cut.value == 0:
        statement = f"No realised route leads from {start} to {end}: the sides are cut off in that direction."
    else:
        statement = (f"{start} reaches {end} by {node_cut.value} realised route(s) with no actor in common; losing "
                     f"{_names(ctx, cut_nodes)} would cut it off, and the fewest flows whose loss would do so "
                     f"number {arc_cut.value}.")
    smallest = min(node_cut.value, arc_cut.value)
    data = {
        "measure": "minimum_cut",
        "direction": label,
        "node_cut_size": node_cut.value,
        "node_cut": ctx.capped(cut_nodes),
        "edge_cut_size": arc_cut.value,
        "edge_cut": [[ctx.actors[i], ctx.actors[j]] for i, j in ctx.capped(sorted(arc_cut.arcs))],
        "method": "maximum flow (Dinic) from a super-source on one side to a super-sink on the other; "
                  "node cut by node splitting",
    }
    severity = "high" if smallest <= 1 else "medium" if smallest == 2 else "low"
    return Draft("single_point_of_failure", statement, severity,
                 about=["minimum_cut", label], nodes=ctx.capped(cut_nodes), edges=edges, evidence=citations,
                 data=data, weight=1.0 / (1 + smallest))


def _incident_realised(ctx: GapContext, realised: Indexed, v: int) -> tuple[list[str], list[Citation]]:
    edges, citations = [], []
    neighbours = realised.undirected().successors(v).tolist()
    for w in ctx.capped(neighbours):
        for a, b in ((v, w), (w, v)):
            found = ctx.arc_edges(a, b, ("REALISED",))
            if found:
                edges.append(found[0][2])
                citations += ctx.edge_citations(found[0][3])
    return edges, citations


def _vertex_draft(ctx: GapContext, realised: Indexed, v: int, pairs: int, parts: int, all_pairs: int,
                  found: int, limit: int) -> Draft:
    node = ctx.actors[v]
    edges, citations = _incident_realised(ctx, realised, v)
    side = ctx.side(node)
    where = f" ({'Geneva' if side == 'GENEVA' else 'New York'})" if side else ""
    statement = (f"{ctx.name(node)}{where} holds the realised flows together: without it, {pairs} Geneva–New York "
                 f"pair(s) of actors lose every route, the graph falling into {parts} parts.")
    data = {"measure": "cut_vertex", "pairs_disconnected": pairs, "pairs_total": all_pairs, "parts": parts,
            "cut_vertices_found": found, "listed": min(found, limit), "method": "undirected realised-flow graph"}
    return Draft("single_point_of_failure", statement, _severity(pairs / all_pairs), about=["cut_vertex", node],
                 nodes=[node], edges=edges, evidence=ctx.node_citations(node) + citations, data=data,
                 weight=float(pairs))


def _bridge_draft(ctx: GapContext, a: int, b: int, pairs: int, all_pairs: int, found: int, limit: int) -> Draft:
    x, y = ctx.actors[a], ctx.actors[b]
    edges, citations = [], []
    for i, j in ((a, b), (b, a)):
        for _, _, key, data in ctx.arc_edges(i, j, ("REALISED",)):
            edges.append(key)
            citations += ctx.edge_citations(data)
    statement = (f"The realised flow between {ctx.name(x)} and {ctx.name(y)} is a bridge: without it, {pairs} "
                 "Geneva–New York pair(s) of actors lose every route.")
    data = {"measure": "bridge", "pairs_disconnected": pairs, "pairs_total": all_pairs, "bridges_found": found,
            "listed": min(found, limit), "method": "undirected realised-flow graph"}
    return Draft("single_point_of_failure", statement, _severity(pairs / all_pairs), about=["bridge", x, y],
                 nodes=[x, y], edges=edges, evidence=citations, data=data, weight=float(pairs))


@dataclass
class Candidate:
    """A flow to try: a PROPOSED edge, or a flow an analyst names."""

    source: str
    target: str
    edge: tuple[str, str, str, dict] | None
    named: bool

    @property
    def key(self) -> tuple[str, str, str]:
        """A deterministic tie-break: edge id, then the ends."""
        return (self.edge[2] if self.edge else "", self.source, self.target)


def _candidates(ctx: GapContext, named: Iterable[str | tuple[str, str]]) -> list[Candidate]:
    found = [Candidate(u, v, (u, v, k, d), False) for u, v, k, d in sorted(ctx.edges_of_type(*channel_types()),
                                                                         key=lambda e: e[2])
             if d.get("status") == "PROPOSED" and ctx.current(d)]
    named = list(named)
    edges = ctx.edges_by_id(item for item in named if isinstance(item, str) and "->" not in item)
    for item in named:
        if isinstance(item, str) and "->" not in item:
            edge = edges.get(item)
            if edge is None:
                raise AnalysisError(f"what_if names flow {item!r}, which is not in the graph")
            found.append(Candidate(edge[0], edge[1], edge, True))
            continue
        source, target = item.split("->", 1) if isinstance(item, str) else item
        source, target = source.strip(), target.strip()
        for end in (source, target):
            if end not in ctx.graph:
                raise AnalysisError(f"what_if names node {end!r}, which is not in the graph")
        found.append(Candidate(source, target, None, True))
    return found


@dataclass
class Baseline:
    """Distances and cuts of the realised-flow graph, computed once for every candidate."""

    cuts: SideCuts
    side_from: dict[str, np.ndarray]
    side_to: dict[str, np.ndarray]
    side_before: dict[str, float]
    pair_from: dict[int, np.ndarray]
    pair_to: dict[int, np.ndarray]
    pairs: list[tuple[str, int, int]]


def _baseline(ctx: GapContext, realised: Indexed, principals: int) -> Baseline:
    backward = realised.reversed()
    chosen = principal_bodies(ctx, principals)
    side_from: dict[str, np.ndarray] = {}
    side_to: dict[str, np.ndarray] = {}
    side_before: dict[str, float] = {}
    pair_from: dict[int, np.ndarray] = {}
    pair_to: dict[int, np.ndarray] = {}
    for label, a, b in DIRECTIONS:
        side_from[label] = realised.distances(ctx.side_indices(a))
        side_to[label] = backward.distances(ctx.side_indices(b))
        side_before[label] = float(np.min(side_from[label][ctx.side_indices(b)]))
    ends = sorted({ctx.index[x] for side in chosen.values() for x in side})
    for x in ends:
        pair_from[x] = realised.distances(np.array([x]))
        pair_to[x] = backward.distances(np.array([x]))
    pairs = [(label, ctx.index[p], ctx.index[q])
             for label, a, b in DIRECTIONS
             for p in chosen["GENEVA" if a == GENEVA else "NEW_YORK"]
             for q in chosen["NEW_YORK" if b == NEW_YORK else "GENEVA"]]
    return Baseline(side_cuts(ctx), side_from, side_to, side_before, pair_from, pair_to, pairs)


def what_if(ctx: GapContext, *, flows: Iterable[str | tuple[str, str]] = (), limit: int = 50,
            principals: int = 3) -> list[Draft]:
    """For each PROPOSED flow and each flow named in ``flows`` (edge ids, ``(source, target)``
    pairs or ``"source->target"``), how much realising it would raise the connectivity between
    the sides. Every candidate is measured; the ``limit`` with the largest gains are reported,
    and every named flow."""
    candidates = _candidates(ctx, flows)
    if not candidates or not len(ctx.side_indices(GENEVA)) or not len(ctx.side_indices(NEW_YORK)):
        return []
    realised = ctx.channels(("REALISED",))
    base = _baseline(ctx, realised, principals)
    placed = []
    for candidate in candidates:
        a, b = ctx.actor_of(candidate.source), ctx.actor_of(candidate.target)
        if a is not None and b is not None and a != b:
            placed.append((candidate, ctx.index[a], ctx.index[b]))
    if not placed:
        return []
    weights = _weights(realised, base, np.array([p[1] for p in placed]), np.array([p[2] for p in placed]))
    order = sorted(range(len(placed)), key=lambda k: (not placed[k][0].named, -weights[k], placed[k][0].key))
    kept = [k for k in order if placed[k][0].named] + [k for k in order if not placed[k][0].named][: max(0, limit)]
    return [_what_if_draft(ctx, placed[k][0], _measure(realised, base, placed[k][1], placed[k][2]), len(placed))
            for k in kept]


def _weights(realised: Indexed, base: Baseline, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The ranking weight of every candidate arc at once (as ``_measure`` computes it for one)."""
    n = realised.n
    matrix = realised.matrix
    keys = np.repeat(np.arange(n, dtype=np.int64), np.diff(matrix.indptr)) * n + matrix.indices
    keys.sort()
    wanted = i.astype(np.int64) * n + j
    pos = np.minimum(np.searchsorted(keys, wanted), max(keys.size - 1, 0))
    new = ~(keys[pos] == wanted) if keys.size else np.ones(i.size, dtype=bool)
    gain = np.zeros(i.size)
    for label, _, _ in DIRECTIONS:
        node_cut, arc_cut = base.cuts.node[label], base.cuts.arc[label]
        gain += new & node_cut.from_source[i + n] & node_cut.to_sink[j]
        gain += new & arc_cut.from_source[i] & arc_cut.to_sink[j]
    newly, saved = np.zeros(i.size), np.zeros(i.size)
    for _label, p, q in base.pairs:
        before = base.pair_from[p][q]
        after = np.minimum(before, base.pair_from[p][i] + 1 + base.pair_to[q][j])
        if np.isinf(before):
            newly += np.isfinite(after)
        else:
            saved += before - after
    return gain * 1000 + newly * 100 + saved


def _measure(realised: Indexed, base: Baseline, i: int, j: int) -> dict:
    """The connectivity between the sides before and after adding a realised arc ``i -> j``."""
    already = realised.has_arc(i, j)
    connectivity = {}
    for label, _, _ in DIRECTIONS:
        node_cut, arc_cut = base.cuts.node[label], base.cuts.arc[label]
        node_gain = 0 if already else node_cut.gain(i, j, nodes=True)
        arc_gain = 0 if already else arc_cut.gain(i, j, nodes=False)
        before = base.side_before[label]
        after = min(before, float(base.side_from[label][i] + 1 + base.side_to[label][j]))
        connectivity[label] = {
            "independent_routes": [node_cut.value, node_cut.value + node_gain],
            "edge_cut": [arc_cut.value, arc_cut.value + arc_gain],
            "route_length": [_finite(before), _finite(after)],
        }
    newly, saved = 0, 0
    for _label, p, q in base.pairs:
        before = float(base.pair_from[p][q])
        after = min(before, float(base.pair_from[p][i] + 1 + base.pair_to[q][j]))
        if np.isinf(before) and not np.isinf(after):
            newly += 1
        elif after < before:
            saved += int(before - after)
    gain = sum(c["independent_routes"][1] - c["independent_routes"][0] + c["edge_cut"][1] - c["edge_cut"][0]
               for c in connectivity.values())
    weakest = min(min(c["independent_routes"][0], c["edge_cut"][0]) for c in connectivity.values())
    return {"already_realised": already, "connectivity": connectivity, "principal_pairs_connected": newly,
            "steps_saved": saved, "gain": gain, "weakest": weakest, "weight": gain * 1000 + newly * 100 + saved}


def _what_if_draft(ctx: GapContext, candidate: Candidate, measures: dict, evaluated: int) -> Draft:
    gain, newly, saved = measures["gain"], measures["principal_pairs_connected"], measures["steps_saved"]
    severity = "high" if (gain and measures["weakest"] <= 1) or newly else "medium" if gain or saved else "low"
    edge = candidate.edge
    rel = edge[3].get("type", "BRIEFS") if edge else "BRIEFS"
    status = (edge[3].get("status") or "").lower() if edge else "named"
    head = f"If {ctx.name(candidate.source)} were to {phrase(rel, 0)} {ctx.name(candidate.target)} ({status})"
    effects = [f"routes with no actor in common from {_side_words(label)} would rise from {c['independent_routes'][0]} "
               f"to {c['independent_routes'][1]}"
               for label, c in measures["connectivity"].items()
               if c["independent_routes"][1] > c["independent_routes"][0]]
    if newly:
        effects.append(f"{newly} pair(s) of principal bodies with no realised route would be connected")
    if saved:
        effects.append(f"routes between principal bodies would shorten by {saved} step(s) in all")
    if measures["already_realised"]:
        statement = f"{head}: it duplicates a realised flow and changes nothing."
    elif effects:
        statement = f"{head}, " + "; ".join(effects) + "."
    else:
        statement = f"{head}, connectivity between Geneva and New York would not change."
    citations: list[Citation] = (ctx.edge_citations(edge[3]) if edge else []) + ctx.node_citations(candidate.source) \
        + ctx.node_citations(candidate.target)
    data = {
        "flow": edge[2] if edge else None,
        "source": candidate.source,
        "target": candidate.target,
        "named": candidate.named,
        "status": edge[3].get("status") if edge else None,
        **{k: v for k, v in measures.items() if k not in ("weight", "weakest")},
        "evaluated": evaluated,
    }
    return Draft("what_if", statement, severity, about=[edge[2] if edge else f"{candidate.source}->{candidate.target}"],
                 nodes=[candidate.source, candidate.target], edges=[edge[2]] if edge else [], evidence=citations,
                 since=edge[3].get("date") if edge else None, data=data, weight=measures["weight"])


def _side_words(label: str) -> str:
    return "Geneva to New York" if label == "GENEVA->NEW_YORK" else "New York to Geneva"


def _finite(value: float) -> int | None:
    return None if np.isinf(value) else int(value)
