"""Fixed positions that show the geography: Geneva on the left, New York on the right,
the field below, elsewhere above, and what belongs to no place in between.

Positions are computed here, once, from a seed: the page draws with physics off, so the
same graph gives the same picture every time it is opened, and a facilitator's "HRC is
top left" still holds next week. Nodes without a location (resolutions, meetings,
participants) join the side all their located neighbours are on, or sit in the middle.
"""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from prevgraph.schema import ontology

#: Where each location's zone sits, as a direction from the centre of the map.
ZONE_DIRECTIONS = {"GENEVA": (-1.0, 0.0), "NEW_YORK": (1.0, 0.0), "FIELD": (0.0, 1.0), "OTHER": (0.0, -1.0)}
MIDDLE = ""
#: Structure that says where a node without a location belongs.
HOME_TYPES = frozenset({"PART_OF", "REPRESENTS", "ADOPTED_BY", "ORGANISED_BY"})
#: Pixels per node: a zone of n nodes is about SPACING * sqrt(n) wide.
SPACING = 230.0
GAP = 320.0
#: Above this many nodes a zone is laid out as a sunflower (hubs in the middle) instead
#: of a spring layout, whose cost grows with the square of the zone's size.
SPRING_LIMIT = 350
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Points = dict[str, tuple[float, float]]


def _agreed(zone: dict[str, str], neighbours: list[str]) -> str | None:
    found = {zone[m] for m in neighbours} - {MIDDLE}
    return found.pop() if len(found) == 1 else None


def zones(graph: nx.MultiDiGraph, rounds: int = 3) -> dict[str, str]:
    """Each node's zone: its location; else the one zone of what it belongs to (the resolution
    a paragraph is part of, the body that adopted a resolution, a meeting's organisers); else
    the one zone all its neighbours share; else the middle."""
    known = set(ontology().locations)
    zone = {n: (a.get("location") if a.get("location") in known else MIDDLE) for n, a in graph.nodes(data=True)}
    unplaced = sorted(n for n in graph if zone[n] == MIDDLE)
    homes = {n: sorted({v for _, v, t in graph.out_edges(n, data="type") if t in HOME_TYPES and v != n})
             for n in unplaced}
    undirected = graph.to_undirected(as_view=True)
    around = {n: sorted(m for m in undirected[n] if m != n) for n in unplaced}
    for links in (homes, around):
        for _ in range(rounds):
            changed = {n: z for n in unplaced if zone[n] == MIDDLE and (z := _agreed(zone, links[n]))}
            if not changed:
                break
            zone.update(changed)
    return zone


def _box_size(count: int) -> float:
    return SPACING * math.sqrt(count) * 1.3 if count > 1 else 0.0


def _zone_centres(sizes: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Zone centres far enough apart that no two zones' boxes overlap."""
    middle = sizes.get(MIDDLE, 0.0)
    row = max([middle] + [sizes[z] for z, (_, dy) in ZONE_DIRECTIONS.items() if z in sizes and dy == 0])
    centres = {MIDDLE: (0.0, 0.0)}
    for zone, (dx, dy) in ZONE_DIRECTIONS.items():
        if zone in sizes:
            reach = (middle if dy == 0 else row) / 2 + GAP + sizes[zone] / 2
            centres[zone] = (dx * reach, dy * reach)
    below = max((c[1] + sizes[z] / 2 for z, c in centres.items() if z in sizes), default=0.0)
    for zone in sorted(set(sizes) - set(centres)):
        centres[zone] = (0.0, below + GAP + sizes[zone] / 2)
        below += GAP + sizes[zone]
    return centres


def _separate(points: Points, distance: float, rounds: int = 30) -> Points:
    """Push apart nodes closer than ``distance`` (labels need room), deterministically."""
    names = sorted(points)
    pos = np.array([points[n] for n in names], dtype=float)
    for _ in range(rounds):
        pairs = cKDTree(pos).query_pairs(distance * 0.999, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = pos[b] - pos[a]
        gap = np.hypot(delta[:, 0], delta[:, 1])
        same = gap < 1e-6
        delta[same] = np.column_stack([np.cos(a[same]), np.sin(a[same])])
        gap[same] = 1.0
        push = delta * ((distance - gap) / 2 / gap)[:, None]
        np.add.at(pos, a, -push)
        np.add.at(pos, b, push)
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, pos, strict=True)}


def _spring(sub: nx.Graph, pull: Points, seed: int) -> Points:
    """A seeded spring layout in [-1, 1]^2 in which nodes tied to another zone lean towards it."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(sub))
    graph.add_edges_from(sorted(tuple(sorted(e)) for e in sub.edges() if e[0] != e[1]))
    anchors = {}
    for node, direction in sorted(pull.items()):
        anchor = f"\0anchor:{direction}"
        anchors[anchor] = (direction[0] * 2.0, direction[1] * 2.0)
        graph.add_edge(node, anchor)
    if anchors:
        start = nx.circular_layout(sorted(sub)) if len(sub) > 1 else {n: (0.0, 0.0) for n in sub}
        start.update(anchors)
        pos = nx.spring_layout(graph, pos=start, fixed=list(anchors), seed=seed, iterations=80, k=0.6)
    else:
        pos = nx.spring_layout(graph, seed=seed, iterations=80)
    return {n: (float(pos[n][0]), float(pos[n][1])) for n in sub}


def _sunflower(nodes: list[str]) -> Points:
    """Points spread evenly over a disc, the first (best connected) nodes in the middle."""
    count = max(len(nodes), 1)
    return {n: (math.sqrt((i + 0.5) / count) * math.cos(i * _GOLDEN_ANGLE),
                math.sqrt((i + 0.5) / count) * math.sin(i * _GOLDEN_ANGLE)) for i, n in enumerate(nodes)}


def _fit(points: Points, centre: tuple[float, float], size: float) -> Points:
    if not points:
        return {}
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = size / span if len(points) > 1 else 0.0
    return {n: (centre[0] + (x - mx) * scale, centre[1] + (y - my) * scale) for n, (x, y) in points.items()}


def positions(graph: nx.MultiDiGraph, seed: int = 0) -> Points:
    """x/y in pixels for every node: the same for the same graph and seed."""
    zone_of = zones(graph)
    members: dict[str, list[str]] = {}
    for node in sorted(graph):
        members.setdefault(zone_of[node], []).append(node)
    sizes = {z: _box_size(len(ns)) for z, ns in members.items()}
    centres = _zone_centres(sizes)
    undirected = graph.to_undirected(as_view=True)
    result: Points = {}
    for zone, nodes in sorted(members.items()):
        if len(nodes) > SPRING_LIMIT:
            degree = Counter({n: undirected.degree(n) for n in nodes})
            local = _sunflower(sorted(nodes, key=lambda n: (-degree[n], n)))
        else:
            pull = {}
            for node in nodes:
                elsewhere = sorted({zone_of[m] for m in undirected[node]} - {zone})
                if elsewhere:
                    cx = sum(centres[z][0] - centres[zone][0] for z in elsewhere)
                    cy = sum(centres[z][1] - centres[zone][1] for z in elsewhere)
                    norm = math.hypot(cx, cy) or 1.0
                    pull[node] = (round(cx / norm, 3), round(cy / norm, 3))
            local = _spring(undirected.subgraph(nodes), pull, seed)
        placed = _separate(_fit(local, centres[zone], sizes[zone]), SPACING)
        result.update({n: (round(x, 1), round(y, 1)) for n, (x, y) in placed.items()})
    return result
