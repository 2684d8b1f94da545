"""Turn the chosen part of the projection into a pyvis network: what is drawn, and how.

:func:`draw` returns a :class:`Drawing`, the pyvis ``Network`` plus what the page needs
around it (legend, filter choices, dates, notices). Nothing here writes HTML; the page
module does, so tests can check what is drawn without a browser.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.network import Network

from prevgraph.graph.analysis.dates import parse_span
from prevgraph.schema import ontology
from prevgraph.visualisations.aggregate import Folding
from prevgraph.visualisations.layout import legible, positions
from prevgraph.visualisations.options import MapOptions
from prevgraph.visualisations.select import is_actor, is_flow, node_dates
from prevgraph.visualisations.style import (
    GHOST_COLOUR,
    HIGHLIGHT_COLOUR,
    LABEL_INSIDE,
    colour_of,
    edge_colour,
    label_colour,
    legend,
    shape_of,
    status_style,
)
from prevgraph.visualisations.tooltips import TipContext, display_name, edge_tip, name_of, node_tip

#: Edges that say a link is absent: drawn as ghosts, without arrows or a label (the legend and the
#: tooltip say what they are; labels on lines would overlap one another).
GHOST_TYPES = frozenset({"NO_LINK"})
LABEL_WIDTH = 17
LABEL_LINES = 3
#: Drawn unless an edge says otherwise (the page passes these to vis-network as its defaults).
EDGE_DEFAULTS = {"arrows": {"to": {"enabled": True, "type": "arrow", "scaleFactor": 1.2}}, "smooth": False,
                 "selectionWidth": 2, "hoverWidth": 1.5}
#: A dark halo around a single point of failure (a thick border would swallow a small box).
MARK_SHADOW = {"enabled": True, "color": "rgba(0,0,0,0.85)", "size": 36, "x": 0, "y": 0}
#: A label font readable from the back of a room; labels under the shape get a white halo.
NODE_FONT = {"size": 30, "face": "Arial, Helvetica, sans-serif", "color": "#111111", "strokeWidth": 5,
             "strokeColor": "#ffffff"}


class _IdIndex(list):
    """pyvis keeps node ids in a list and scans it on every add; a set beside it keeps adds O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set = set()

    def append(self, item) -> None:
        self._seen.add(item)
        super().append(item)

    def __contains__(self, item) -> bool:
        return item in self._seen


@dataclass
class Drawing:
    """A pyvis network ready to render, and the page furniture that goes with it."""

    network: Network
    title: str
    colour_by: str
    legend: dict
    statuses: list[str]
    kinds: list[str]
    dates: list[str]
    notices: list[str] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    focus: str | None = None
    #: the graph as drawn (after selection and folding), for callers that map ids onto it
    graph: nx.MultiDiGraph | None = None

    @property
    def nodes(self) -> list[dict]:
        return self.network.nodes

    @property
    def edges(self) -> list[dict]:
        return self.network.edges


def _wrapped(name: str) -> list[str]:
    words, lines, line = name.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > LABEL_WIDTH:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines


def label_of(name: str, aliases: tuple[str, ...] | list[str] = ()) -> str:
    """A name wrapped for the canvas, at most three lines (the tooltip has the whole name); a name
    too long for that gives way to its shortest alias that fits, if it has one ("OHCHR")."""
    lines = _wrapped(name)
    if len(lines) > LABEL_LINES:
        fitting = sorted((a for a in aliases if len(_wrapped(a)) <= LABEL_LINES), key=lambda a: (len(a), a))
        if fitting:
            return "\n".join(_wrapped(fitting[0]))
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: LABEL_WIDTH - 1] + "\u2026"
    return "\n".join(lines)


def _node_size(flows: int, members: int) -> float:
    return round(16 + 5 * math.sqrt(flows) + 3 * math.log2(max(members, 1)), 1)


def _dates(graph: nx.MultiDiGraph) -> list[str]:
    found = {a.get("date") for _, _, a in graph.edges(data=True) if parse_span(a.get("date"))}
    found |= set(node_dates(graph).values())
    return sorted(found, key=lambda d: (parse_span(d).end, parse_span(d).start, d))


def _blocked_description(graph: nx.MultiDiGraph, edge_index: dict[str, tuple[str, str, dict]], flow: str) -> str:
    if flow not in edge_index:
        return flow
    u, v, attrs = edge_index[flow]
    status = (attrs.get("status") or "").lower()
    return f"{name_of(graph, u)} \u2192 {name_of(graph, v)} ({attrs.get('type')}, {status})"


def _node_entry(graph: nx.MultiDiGraph, node: str, xy: tuple[float, float], flows: int, ctx: TipContext,
                date: str | None) -> dict:
    """A node for vis-network; its colours per mode as [fill, label colour], applied by the page's script."""
    attrs = graph.nodes[node]
    kind = attrs.get("kind") or ""
    shape = shape_of(kind)
    marked = bool(attrs.get("marked"))
    inside = shape in LABEL_INSIDE and shape != "text"
    colours = {}
    for mode in ("location", "pillar"):
        fill = colour_of(attrs.get(mode), mode)
        colours[mode] = [fill, label_colour(fill, inside)]
    entry = {
        "label": label_of(display_name(attrs, node), attrs.get("aliases", ())),
        "shape": shape,
        "x": xy[0],
        "y": xy[1],
        "size": _node_size(flows, len(attrs.get("members") or [node])),
        "colours": colours,
        "kind": kind,
        "actor": is_actor(kind),
        "location": attrs.get("location") or "",
        "pillar": attrs.get("pillar") or "",
        "date": date,
        "name": display_name(attrs, node),
        "aliases": [a for a in attrs.get("aliases", ()) if a != attrs.get("name")],
        "tip": node_tip(graph, node, ctx),
    }
    if marked:
        entry.update(borderWidth=4, marked=True, shadow=MARK_SHADOW)
    return entry


def _edge_entry(graph: nx.MultiDiGraph, u: str, v: str, key: str, attrs: dict, ctx: TipContext,
                blocked: str | None, bend: float) -> dict:
    rel_type, status = attrs.get("type") or "", attrs.get("status")
    flow = is_flow(rel_type)
    style = status_style(status if flow else None)
    ghost = rel_type in GHOST_TYPES or bool(attrs.get("ghost"))
    colour = GHOST_COLOUR if ghost else edge_colour(rel_type, status if flow else None)
    width = style.width * (1 + 0.25 * math.log2(attrs.get("count") or 1))
    if attrs.get("highlight"):
        width *= 1.8
    entry = {
        "id": str(attrs.get("id") or key),
        "color": colour,
        "width": round(width, 2),
        "type": rel_type,
        "status": status if flow else "",
        "flow": flow,
        "tip": edge_tip(graph, u, v, attrs, ctx, blocked),
    }
    dashes = [6, 10] if ghost else (list(style.dashes) if style.dashes else None)
    arrow: dict[str, Any] = {"enabled": False} if ghost else ({"type": style.arrow} if style.arrow != "arrow" else {})
    if not flow and not ghost:
        arrow["scaleFactor"] = 0.7
    optional = {"dashes": dashes, "arrows": {"to": arrow} if arrow else None, "ghost": ghost or None,
                "date": attrs.get("date") if parse_span(attrs.get("date")) else None,
                "smooth": {"enabled": True, "type": "curvedCW", "roundness": bend} if bend else None}
    entry.update({k: v for k, v in optional.items() if v is not None})
    if attrs.get("highlight"):
        entry["shadow"] = {"enabled": True, "color": HIGHLIGHT_COLOUR, "size": 14, "x": 0, "y": 0}
    return entry


def _bends(graph: nx.MultiDiGraph) -> dict[str, float]:
    """A curve for each of several edges between the same two nodes, so none hides another."""
    seen: Counter = Counter()
    bends = {}
    for u, v, key in sorted(graph.edges(keys=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]), str(e[2]))):
        pair = (min(u, v), max(u, v))
        bends[key] = round(0.18 * seen[pair], 2)
        seen[pair] += 1
    return bends


def draw(graph: nx.MultiDiGraph, options: MapOptions, ctx: TipContext, folding: Folding | None = None,
         focus: str | None = None) -> Drawing:
    """The pyvis network for ``graph`` (already selected and aggregated), positioned and styled."""
    net = Network(directed=True, height="100%", width="100%", heading=options.title)
    net.node_ids = _IdIndex()
    actors = {n for n, kind in graph.nodes(data="kind") if is_actor(kind)}
    xy = legible(graph, positions(graph, seed=options.seed), actors)
    flows: Counter = Counter()
    for u, v, t in graph.edges(data="type"):
        if is_flow(t):
            flows[u] += 1
            flows[v] += 1
    dates = node_dates(graph)
    for node in sorted(graph):
        net.add_node(node, **_node_entry(graph, node, xy[node], flows[node], ctx, dates.get(node)))
    edge_index = {str(a.get("id", k)): (u, v, a) for u, v, k, a in ctx.graph.edges(keys=True, data=True)}
    bends = _bends(graph)
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        blocked = _blocked_description(ctx.graph, edge_index, attrs["blocks"]) if attrs.get("blocks") else None
        net.add_edge(u, v, **_edge_entry(graph, u, v, key, attrs, ctx, blocked, bends[key]))
    kinds = [k for k in ontology().node_kinds if any(n["kind"] == k for n in net.nodes)]
    present = {e["status"] for e in net.edges if e["flow"]}
    statuses = [s for s in ontology().statuses if s in present]
    types = [t for t in ontology().relationship_kinds if any(e["type"] == t for e in net.edges)]
    drawing = Drawing(net, options.title, options.colour_by, legend(kinds, statuses, types), statuses, kinds,
                      _dates(graph), focus=focus, graph=graph)
    if folding is not None and folding.happened:
        drawing.notices.append(folding.notice(options.aggregate_above))
    return drawing
