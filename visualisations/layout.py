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


#: A grid cell in canvas units: room for a node and its label (at most three lines of
#: ``drawing.LABEL_WIDTH`` characters in ``drawing.NODE_FONT``) with a margin, so no two
#: labels on the grid can overlap at any zoom.
CELL = (350.0, 200.0)
#: The part of a 1280x720 screen the map gets (the panel takes a quarter): the actors' grid
#: is shaped to fill it, so their labels are drawn as large as the screen allows.
REFERENCE_VIEW = (960.0, 640.0)
#: Above this many nodes the grid is not used (its assignment grows with the cube of the
#: count, and so many labels cannot be legible on one screen anyway).
GRID_LIMIT = 400
#: Where the actors of each zone sit: a band of Geneva, the middle and New York side by
#: side, elsewhere above it and the field below it.
BAND = ("GENEVA", MIDDLE, "NEW_YORK")


def _blocks(counts: dict[str, int], rows: int) -> dict[str, tuple[int, int, int, int]]:
    """Each zone's block of cells (first column, first row, columns, rows) for a band ``rows`` high."""
    blocks, column = {}, 0
    for zone in BAND:
        if counts.get(zone):
            cols = math.ceil(counts[zone] / rows)
            blocks[zone] = (column, 0, cols, rows)
            column += cols
    width = max(column, 1)
    top, bottom = 0, rows if column else 0
    for zone in sorted(set(counts) - set(BAND), key=lambda z: ZONE_DIRECTIONS.get(z, (0.0, 1.0))[1]):
        if not counts[zone]:
            continue
        above = ZONE_DIRECTIONS.get(zone, (0.0, 1.0))[1] < 0
        cols = min(width, counts[zone]) if column else math.ceil(math.sqrt(counts[zone]))
        height = math.ceil(counts[zone] / cols)
        first = (width - cols) // 2
        if above:
            top -= height
            blocks[zone] = (first, top, cols, height)
        else:
            blocks[zone] = (first, bottom, cols, height)
            bottom += height
    return blocks


def _scale_of(blocks: dict[str, tuple[int, int, int, int]]) -> float:
    """The zoom at which the blocks just fill the reference view (larger is more legible)."""
    cols = max(c + w for c, _, w, _ in blocks.values()) - min(c for c, _, _, _ in blocks.values())
    rows = max(r + h for _, r, _, h in blocks.values()) - min(r for _, r, _, _ in blocks.values())
    return min(REFERENCE_VIEW[0] / (cols * CELL[0]), REFERENCE_VIEW[1] / (rows * CELL[1]))


def _assign(nodes: list[str], xy: Points, cells: list[tuple[int, int]], frame: tuple[float, float, float, float]
            ) -> dict[str, tuple[int, int]]:
    """Each node to its own cell, keeping their arrangement: the least total squared distance
    between where ``xy`` puts a node (mapped by ``frame``) and its cell."""
    from scipy.optimize import linear_sum_assignment

    x0, y0, sx, sy = frame
    wanted = np.array([((xy[n][0] - x0) * sx, (xy[n][1] - y0) * sy) for n in nodes])
    grid = np.array(cells, dtype=float)
    cost = ((wanted[:, None, :] - grid[None, :, :]) ** 2).sum(axis=2)
    rows, cols = linear_sum_assignment(cost)
    return {nodes[r]: cells[c] for r, c in zip(rows, cols, strict=True)}


def _frame(nodes: list[str], xy: Points, block: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
    """The affine map (origin, scale per axis) from the nodes' box in ``xy`` onto the block's cells;
    an axis along which they do not spread keeps one cell per ``CELL``."""
    column, row, cols, rows = block
    xs, ys = [xy[n][0] for n in nodes], [xy[n][1] for n in nodes]
    sx = (cols - 1) / (max(xs) - min(xs)) if max(xs) > min(xs) and cols > 1 else 1 / CELL[0]
    sy = (rows - 1) / (max(ys) - min(ys)) if max(ys) > min(ys) and rows > 1 else 1 / CELL[1]
    return min(xs) - column / sx, min(ys) - row / sy, sx, sy


def legible(graph: nx.MultiDiGraph, xy: Points, actors: set[str]) -> Points:
    """Positions on a grid where no two labels overlap: the ``actors`` (the default view) packed
    in blocks by zone, shaped to fill a projector's screen, and everything else in the free
    cells around them, each as near as it can be to where ``xy`` (:func:`positions`) puts it."""
    if not actors or len(graph) > GRID_LIMIT:
        return xy
    zone_of = zones(graph)
    by_zone: dict[str, list[str]] = {}
    for node in sorted(actors):
        by_zone.setdefault(zone_of[node], []).append(node)
    counts = {z: len(ns) for z, ns in by_zone.items()}
    blocks = max((_blocks(counts, rows) for rows in range(1, len(actors) + 1)), key=_scale_of)
    cell: dict[str, tuple[int, int]] = {}
    for zone, nodes in by_zone.items():
        column, row, cols, rows = blocks[zone]
        cells = [(column + i, row + j) for j in range(rows) for i in range(cols)]
        cell.update(_assign(nodes, xy, cells, _frame(nodes, xy, blocks[zone])))
    rest = sorted(set(graph) - actors)
    if rest:
        cell.update(_assign(rest, xy, _free_cells(blocks, set(cell.values()), len(rest)),
                            _frame(sorted(actors), xy, _bounds(blocks))))
    return {n: (round(i * CELL[0], 1), round(j * CELL[1], 1)) for n, (i, j) in cell.items()}


def _bounds(blocks: dict[str, tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    left = min(c for c, _, _, _ in blocks.values())
    top = min(r for _, r, _, _ in blocks.values())
    right = max(c + w for c, _, w, _ in blocks.values())
    bottom = max(r + h for _, r, _, h in blocks.values())
    return left, top, right - left, bottom - top


def _free_cells(blocks: dict[str, tuple[int, int, int, int]], taken: set[tuple[int, int]], count: int
                ) -> list[tuple[int, int]]:
    """At least ``count`` free cells: the actors' box, widened ring by ring until there is room."""
    left, top, cols, rows = _bounds(blocks)
    ring = 0
    while True:
        cells = [(i, j) for j in range(top - ring, top + rows + ring) for i in range(left - ring, left + cols + ring)
                 if (i, j) not in taken]
        if len(cells) >= count * 1.3:
            return cells
        ring += 1
