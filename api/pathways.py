"""Rank the routes a store's path search returns, the way ``prevgraph path`` ranks them.

The store finds the routes (``GraphStore.find_paths``, pushed down to Cypher on
Neo4j), shortest first, walking what the gap analyses' ``find_paths`` walks (channels
in their direction, structure both ways, PART_OF only from a part that speaks for its
whole, ``WALKED_FROM``); this module orders them as that ``find_paths`` does, with its
score: by the weakest status on the route (realised before mandated before proposed
before unrealised before blocked), then by how many hops have it, then by length, then
by edge ids. Of parallel routes through the same nodes only the best is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from prevgraph.api.types import Hop, Pathway, Relationship
from prevgraph.graph.analysis.context import channel_types, status_of
from prevgraph.graph.analysis.paths import STRUCTURE_TYPES, route_score, weakest_status
from prevgraph.schema import Edge

#: what a pathway walks unless a query names types: the channels, and structure both ways
PATHWAY_TYPES: tuple[str, ...] = tuple(sorted(channel_types() | STRUCTURE_TYPES))
BOTH_WAYS: tuple[str, ...] = tuple(sorted(STRUCTURE_TYPES))


def _statuses(edges: Sequence[Edge]) -> list[str | None]:
    return [status_of({"type": e.type, "status": e.status}) for e in edges]


def _walk(source: str, edges: Sequence[Edge]) -> list[tuple[Edge, str, str]]:
    steps, here = [], source
    for edge in edges:
        there = edge.target if edge.source == here else edge.source
        steps.append((edge, here, there))
        here = there
    return steps


def rank_pathways(source: str, paths: Sequence[Sequence[Edge]], limit: int) -> list[Pathway]:
    """The best ``limit`` of ``paths`` (routes from ``source``, as the store returns them)."""
    best: dict[tuple[str, ...], tuple[float, list[str], list[Edge]]] = {}
    for path in paths:
        route = list(path)
        nodes = tuple([source, *(there for _, _, there in _walk(source, route))])
        candidate = (route_score(_statuses(route)), [e.id for e in route], route)
        if nodes not in best or candidate[:2] < best[nodes][:2]:
            best[nodes] = candidate
    ranked = sorted(best.values(), key=lambda item: item[:2])[:limit]
    return [Pathway(rank=rank, length=len(route), score=score, status=weakest_status(_statuses(route)),
                    hops=[Hop(relationship=Relationship(record=edge), from_id=here, to_id=there,
                              reverse=edge.source != here) for edge, here, there in _walk(source, route)])
            for rank, (score, _, route) in enumerate(ranked, start=1)]
