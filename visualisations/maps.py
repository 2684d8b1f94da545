"""The map pipeline: projection -> selection -> folding -> gaps -> drawing -> HTML.

:func:`render_map` is the one entry point the CLI (``prevgraph map``) and the API
(``/map``, passed in by ``prevgraph serve``) call.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from prevgraph.graph.analysis import find_gaps
from prevgraph.graph.lookup import resolve_node
from prevgraph.graph.store import GraphStore
from prevgraph.visualisations.aggregate import aggregate, fold, leaf_supporters, representatives
from prevgraph.visualisations.drawing import Drawing, draw
from prevgraph.visualisations.gaps import FindingLike, overlay
from prevgraph.visualisations.options import MapOptions
from prevgraph.visualisations.page import render_page
from prevgraph.visualisations.select import find_focus, select
from prevgraph.visualisations.tooltips import TipContext

#: The structure along which participants are shown as their affiliation.
AFFILIATION = ("REPRESENTS",)


def shape_graph(graph: nx.MultiDiGraph, options: MapOptions, focus: str | None = None):
    """The graph as it will be drawn: selected, supporters drawn as a count on what they support,
    participants folded into their affiliation if asked, aggregated if large."""
    chosen = select(graph, options, focus)
    chosen = fold(chosen, leaf_supporters(chosen), named=True)
    if options.fold_participants:
        chosen = fold(chosen, representatives(chosen, AFFILIATION))
    return aggregate(chosen, options.aggregate_above)


def build_map(graph: nx.MultiDiGraph, options: MapOptions, focus: str | None = None,
              findings: Sequence[FindingLike] | None = None) -> Drawing:
    """The drawing of ``graph`` (the whole projection) for ``options``; ``focus`` is a node id.

    ``findings`` (from ``prevgraph.graph.analysis.find_gaps``) are drawn when given.
    """
    shaped, folding = shape_graph(graph, options, focus)
    panel = overlay(shaped, findings) if findings else []
    drawing = draw(shaped, options, TipContext.of(graph), folding, focus)
    drawing.findings = panel
    return drawing


def gap_findings(graph: nx.MultiDiGraph, options: MapOptions) -> list:
    """The gap analyses' findings for the map's period (only called when ``options.gaps``)."""
    return list(find_gaps(graph, since=options.since))


def graph_and_focus(source: GraphStore | nx.MultiDiGraph, name: str | None) -> tuple[nx.MultiDiGraph, str | None]:
    """The projection, and the focus resolved by any of its names (through the store when there is one)."""
    if isinstance(source, GraphStore):
        focus = resolve_node(source, name).id if name else None
        return source.to_networkx(), focus
    return source, find_focus(source, name) if name else None


def render_map(source: GraphStore | nx.MultiDiGraph, options: MapOptions | None = None) -> str:
    """One self-contained HTML page (no URL loaded) drawing ``source`` as ``options`` ask."""
    options = options or MapOptions()
    graph, focus = graph_and_focus(source, options.focus)
    findings = gap_findings(graph, options) if options.gaps else None
    return render_page(build_map(graph, options, focus, findings), options.hops)

