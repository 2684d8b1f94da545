"""Bounded path search for stores that cannot run it server-side (the embedded store).

The search never walks the whole graph: a breadth-first pass backwards from the
target, at most ``max_hops`` layers deep and one batched store read per layer,
gives every node's distance to the target and the edges that can lie on a route;
a depth-first pass from the source then follows only edges that can still reach the
target in the hops left, in edge-id order, one route length at a time. So routes
come out shortest first and, within a length, in the order of their edge ids, the
order :meth:`GraphStore.find_paths` promises (and Neo4j's ``ORDER BY`` gives).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from prevgraph.errors import LimitExceeded

#: most search steps one query may take before it is refused (a guard against pathological ``via``)
MAX_STEPS = 1_000_000

#: reads the steps into some nodes: ids -> [(edge id, from, to)] with ``to`` among the ids; an edge
#: walked against its direction gives (id, its target, its source); filters already applied
InEdges = Callable[[Sequence[str]], list[tuple[str, str, str]]]


def search_paths(in_edges: InEdges, source: str, target: str, *, max_hops: int, via: Sequence[str] = (),
                 avoid: Sequence[str] = (), limit: int = 10) -> list[list[str]]:
    """Up to ``limit`` simple routes from ``source`` to ``target`` (see the module docstring for the order)."""
    blocked = set(avoid)
    if source in blocked or target in blocked or source == target:
        return []
    distance, outgoing = _reach_back(in_edges, target, max_hops, blocked)
    if source not in distance:
        return []
    wanted = set(via)
    found: list[list[str]] = []
    steps = [0]
    for length in range(distance[source], max_hops + 1):
        for route, nodes in _routes(outgoing, distance, source, target, length, steps):
            if wanted <= nodes:
                found.append(route)
                if len(found) == limit:
                    return found
    return found


def _reach_back(in_edges: InEdges, target: str, max_hops: int,
                blocked: set[str]) -> tuple[dict[str, int], dict[str, list[tuple[str, str]]]]:
    """Distances to ``target`` (up to ``max_hops``) and, per node, its edges towards the target, by edge id."""
    distance = {target: 0}
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    frontier = [target]
    for depth in range(1, max_hops + 1):
        if not frontier:
            break
        reached = []
        for edge_id, src, dst in in_edges(frontier):
            if src in blocked:
                continue
            outgoing[src].append((edge_id, dst))
            if src not in distance:
                distance[src] = depth
                reached.append(src)
        frontier = reached
    for edges in outgoing.values():
        edges.sort()
    return distance, outgoing


def _routes(outgoing: dict[str, list[tuple[str, str]]], distance: dict[str, int], source: str, target: str,
            length: int, steps: list[int]) -> Iterator[tuple[list[str], set[str]]]:
    """Every simple route of exactly ``length`` edges, in edge-id order, with the set of its nodes."""
    route: list[str] = []
    on_route = {source}

    def walk(node: str, left: int) -> Iterator[tuple[list[str], set[str]]]:
        if node == target:
            if left == 0:
                yield list(route), set(on_route)
            return
        for edge_id, nxt in outgoing.get(node, ()):
            steps[0] += 1
            if steps[0] > MAX_STEPS:
                raise LimitExceeded(f"the path search took over {MAX_STEPS} steps; lower the hops or drop `via`")
            if nxt in on_route or distance.get(nxt, left) > left - 1:
                continue
            route.append(edge_id)
            on_route.add(nxt)
            yield from walk(nxt, left - 1)
            route.pop()
            on_route.discard(nxt)

    yield from walk(source, length)
