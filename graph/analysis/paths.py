"""``find_paths``: the routes information can take between two nodes, with the evidence for each hop.

A route walks information channels in their direction (BRIEFS, REQUESTS, INVITES,
FEEDS_INTO) and structure in either direction where a part speaks for its whole (an office
PART_OF its body, a paragraph PART_OF its resolution, a resolution ADOPTED_BY its body, a
participant REPRESENTS its organisation), so "the Peacebuilding Commission to the Human
Rights Council" finds the route through the Commission's Chair, but a subsidiary body never
reaches its siblings through their parent.
Between two nodes only the strongest edge of each direction is walked.

Routes are ranked by the weakest status on them (realised before mandated before proposed
before unrealised before blocked), then by how many hops have that status, then by length:
``score`` is the sum of a per-hop penalty (0, 10, 100, 1000, 10000 by status) plus one per
hop, which gives exactly that order for routes of up to nine hops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import networkx as nx

from prevgraph.errors import AnalysisError, NotFound
from prevgraph.graph.analysis.context import STATUS_CODE, STATUS_ORDER, channel_types, cite, status_of
from prevgraph.graph.analysis.findings import Hop, Pathway

#: Structure walked in both directions: what speaks for what.
STRUCTURE_TYPES = frozenset({"PART_OF", "ADOPTED_BY", "REPRESENTS"})
#: Only these kinds of part speak for their whole (an office for its body, a paragraph for its
#: resolution); a subsidiary body is not a channel to its siblings through their parent.
SPEAKING_PARTS = frozenset({"Office", "Paragraph"})
#: relationship type -> the kinds of node it is walked from (``GraphStore.find_paths``' ``from_kinds``)
WALKED_FROM: dict[str, tuple[str, ...]] = {"PART_OF": tuple(sorted(SPEAKING_PARTS))}
_PENALTY = {status: 10 ** i if i else 0 for i, status in enumerate(STATUS_ORDER)}
_MAX_EXAMINED = 200_000


def _allowed(graph: nx.MultiDiGraph, u: str, data: dict, types: frozenset[str],
             statuses: frozenset[str] | None) -> bool:
    if data.get("type") not in types:
        return False
    if data.get("type") in WALKED_FROM and graph.nodes[u].get("kind") not in WALKED_FROM[data["type"]]:
        return False
    status = status_of(data)
    return statuses is None or status is None or status in statuses


def _strength(data: dict) -> tuple[int, str]:
    return STATUS_CODE.get(status_of(data) or "REALISED", len(STATUS_ORDER)), str(data.get("id") or "")


def _steps(graph: nx.MultiDiGraph, node: str, types: frozenset[str], statuses: frozenset[str] | None,
           backwards: bool = False) -> Iterator[tuple[str, str, str, dict, bool]]:
    """(next node, u, v, data, reverse) for the strongest walkable edge to each neighbour.

    ``backwards`` walks the same steps the other way, for the distance-to-target pruning.
    """
    best: dict[tuple[str, bool], tuple[tuple[int, str], str, str, dict]] = {}
    forward = graph.in_edges(node, data=True) if backwards else graph.out_edges(node, data=True)
    against = graph.out_edges(node, data=True) if backwards else graph.in_edges(node, data=True)
    for u, v, data in forward:
        if _allowed(graph, u, data, types, statuses):
            other = u if backwards else v
            _keep(best, (other, False), (_strength(data), u, v, data))
    for u, v, data in against:
        if data.get("type") in STRUCTURE_TYPES and _allowed(graph, u, data, types, statuses):
            other = v if backwards else u
            _keep(best, (other, True), (_strength(data), u, v, data))
    for (other, reverse), (_, u, v, data) in sorted(best.items()):
        if other != node:
            yield other, u, v, data, reverse


def _keep(best: dict, key: tuple[str, bool], item: tuple) -> None:
    if key not in best or item[0] < best[key][0]:
        best[key] = item


def _distances_to(graph: nx.MultiDiGraph, target: str, limit: int, types: frozenset[str],
                  statuses: frozenset[str] | None, avoid: set[str]) -> dict[str, int]:
    dist = {target: 0}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        if dist[node] >= limit:
            continue
        for other, *_ in _steps(graph, node, types, statuses, backwards=True):
            if other not in dist and other not in avoid:
                dist[other] = dist[node] + 1
                queue.append(other)
    return dist


def find_paths(graph: nx.MultiDiGraph, source_id: str, target_id: str, *, max_hops: int = 4,
               statuses: Iterable[str] | None = None, types: Iterable[str] | None = None,
               via: Iterable[str] | None = None, avoid: Iterable[str] | None = None,
               limit: int = 10) -> list[Pathway]:
    """The best ``limit`` routes from ``source_id`` to ``target_id`` of at most ``max_hops`` hops.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        The projection from ``GraphStore.to_networkx()``.
    source_id, target_id : str
        Node ids (resolve names first, for example with ``prevgraph.graph.lookup.resolve_node``).
    max_hops : int
        Longest route considered.
    statuses : iterable of str, optional
        Flow statuses a hop may have (structure always passes); all by default.
    types : iterable of str, optional
        Relationship kinds a hop may have; by default the channels and the structure above.
    via : iterable of str, optional
        Node ids every route must pass through.
    avoid : iterable of str, optional
        Node ids no route may touch.
    limit : int
        Most routes returned.

    Returns
    -------
    list of Pathway
        Ranked, best first (see the module notes); empty when no route exists.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from(["hc", "hrc", "sc"])
    >>> _ = g.add_edge("hc", "hrc", key="a", id="a", type="BRIEFS", status="REALISED", evidence=[])
    >>> _ = g.add_edge("hrc", "sc", key="b", id="b", type="BRIEFS", status="PROPOSED", evidence=[])
    >>> _ = g.add_edge("hc", "sc", key="c", id="c", type="BRIEFS", status="MANDATED", evidence=[])
    >>> [(p.rank, p.nodes, p.status) for p in find_paths(g, "hc", "sc")]
    [(1, ('hc', 'sc'), 'MANDATED'), (2, ('hc', 'hrc', 'sc'), 'PROPOSED')]
    """
    for node in (source_id, target_id):
        if node not in graph:
            raise NotFound(f"no node has id {node!r}; resolve a name to an id first")
    if max_hops < 1 or limit < 1:
        raise AnalysisError(f"max_hops ({max_hops}) and limit ({limit}) must be at least 1")
    allowed_types = frozenset(types) if types is not None else channel_types() | STRUCTURE_TYPES
    allowed_statuses = frozenset(statuses) if statuses is not None else None
    unknown = sorted((allowed_statuses or set()) - set(STATUS_ORDER))
    if unknown:
        raise AnalysisError(f"unknown status(es) {', '.join(unknown)}; known: {', '.join(STATUS_ORDER)}")
    required, banned = set(via or ()), set(avoid or ())
    if source_id == target_id or {source_id, target_id} & banned:
        return []
    dist = _distances_to(graph, target_id, max_hops, allowed_types, allowed_statuses, banned)
    if source_id not in dist:
        return []
    found: list[tuple[float, tuple[str, ...], list[tuple[str, str, dict, bool]], list[str]]] = []
    examined = 0
    stack: list[tuple[str, list[str], list[tuple[str, str, dict, bool]]]] = [(source_id, [source_id], [])]
    while stack and examined < _MAX_EXAMINED:
        node, nodes, hops = stack.pop()
        examined += 1
        if node == target_id:
            if required <= set(nodes[1:-1]):
                found.append((_score(hops), tuple(h[2].get("id") or "" for h in hops), hops, nodes))
            continue
        left = max_hops - len(hops)
        steps = [s for s in _steps(graph, node, allowed_types, allowed_statuses)
                 if s[0] not in nodes and s[0] not in banned and dist.get(s[0], max_hops + 1) <= left - 1]
        for other, u, v, data, reverse in reversed(steps):
            stack.append((other, [*nodes, other], [*hops, (u, v, data, reverse)]))
    found.sort(key=lambda item: (item[0], item[1]))
    return [_pathway(graph, hops, nodes, score, rank) for rank, (score, _, hops, nodes) in
            enumerate(found[:limit], start=1)]


def route_score(statuses: Iterable[str | None]) -> float:
    """A route's score from its hops' statuses (None for structure): lower is better, see the module notes."""
    return float(sum(_PENALTY.get(status or "REALISED", 10 ** len(STATUS_ORDER)) + 1 for status in statuses))


def weakest_status(statuses: Iterable[str | None]) -> str:
    """The weakest flow status among a route's hops; REALISED for a route of structure only."""
    return max((s for s in statuses if s), key=lambda s: STATUS_CODE.get(s, len(STATUS_ORDER)), default="REALISED")


def _score(hops: list[tuple[str, str, dict, bool]]) -> float:
    return route_score(status_of(data) for _, _, data, _ in hops)


def _pathway(graph: nx.MultiDiGraph, hops: list, nodes: list[str], score: float, rank: int) -> Pathway:
    made = [_hop(graph, u, v, data, reverse) for u, v, data, reverse in hops]
    return Pathway(hops=tuple(made), nodes=tuple(nodes), status=weakest_status(h.status for h in made), score=score,
                   rank=rank)


def _hop(graph: nx.MultiDiGraph, u: str, v: str, data: dict, reverse: bool) -> Hop:
    edge = str(data.get("id") or "")
    return Hop(edge=edge, source=u, target=v, type=str(data.get("type")), status=status_of(data), reverse=reverse,
               evidence=tuple(cite(graph, edge, data.get("evidence") or ())))
