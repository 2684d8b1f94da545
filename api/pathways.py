"""Rank the routes a store's path search returns, and turn them into GraphQL pathways.

The store finds the routes (``GraphStore.find_paths``, pushed down to Cypher on
Neo4j); this module only orders them: fewer hops first, then routes whose flows are
more firmly established (a realised briefing counts for more than a proposed one),
then by edge ids so that equal routes always come in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence

from prevgraph.api.types import Hop, Pathway, Relationship
from prevgraph.schema import Edge

#: how far a hop's status is from a channel that works; structural edges (no status) count as working
STATUS_PENALTY = {None: 0, "REALISED": 0, "MANDATED": 1, "PROPOSED": 2, "UNREALISED": 3, "BLOCKED": 4}
_UNKNOWN_PENALTY = max(STATUS_PENALTY.values())


def path_score(edges: Sequence[Edge]) -> float:
    """Hops, plus a tenth of the status penalties: any shorter route beats a longer one up to 10 penalty points."""
    return len(edges) + sum(STATUS_PENALTY.get(e.status, _UNKNOWN_PENALTY) for e in edges) / 10


def _hops(source: str, edges: Sequence[Edge]) -> list[Hop]:
    hops, here = [], source
    for edge in edges:
        there = edge.target if edge.source == here else edge.source
        hops.append(Hop(relationship=Relationship(record=edge), from_id=here, to_id=there))
        here = there
    return hops


def rank_pathways(source: str, paths: Sequence[Sequence[str]], edges: dict[str, Edge]) -> list[Pathway]:
    """``paths`` (lists of edge ids from ``source``) as ranked pathways; a path with a vanished edge is dropped."""
    complete = [[edges[i] for i in path] for path in paths if all(i in edges for i in path)]
    complete.sort(key=lambda p: (path_score(p), [e.id for e in p]))
    return [Pathway(rank=rank, length=len(p), score=path_score(p), hops=_hops(source, p))
            for rank, p in enumerate(complete, start=1)]
