"""Choose the part of the projection a map draws: filters, focus, and what to leave out.

Works on the NetworkX projection (``GraphStore.to_networkx()``) and returns a new graph,
never a view, so the drawing code may annotate it freely.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from prevgraph.errors import MapError, NotFound
from prevgraph.graph.analysis.dates import Span, parse_span
from prevgraph.schema import ontology
from prevgraph.visualisations.options import MapOptions

#: The node kind evidence points at; documents are shown as sources in tooltips rather
#: than as nodes of their own unless an edge (a document of a meeting, a citation) ties them in.
DOCUMENT_KIND = "Document"


def is_flow(rel_type: str | None) -> bool:
    kind = ontology().relationship_kinds.get(rel_type or "")
    return bool(kind and kind.is_flow)


def is_actor(kind: str | None) -> bool:
    """Whether a node kind is an actor a facilitator's default view shows: the kinds the ontology
    gives a pillar (bodies, offices, mechanisms), as opposed to texts, meetings and people."""
    found = ontology().node_kinds.get(kind or "")
    return bool(found and found.has_pillar)


def node_date(attrs: dict) -> str | None:
    """The date a node stands for as written: its ``date`` property (a resolution, a document), else
    a meeting's ``start_date``/``end_date`` as one range, so a meeting is dated like a document."""
    props = attrs.get("props") or {}
    if parse_span(props.get("date")):
        return str(props["date"])
    start, end = props.get("start_date"), props.get("end_date")
    if not parse_span(start):
        return None
    return f"{start}/{end}" if parse_span(end) and end != start else str(start)


def node_period(attrs: dict) -> Span | None:
    """The span of days :func:`node_date` covers, when the node has a date."""
    return parse_span(node_date(attrs))


def _overlaps(found: Span | None, since: Span | None, until: Span | None) -> bool:
    if found is None:
        return True
    return not ((since and found.end < since.start) or (until and found.start > until.end))


def find_focus(graph: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` names in ``graph``: its id, or its name or an alias, ignoring case.

    The CLI and the API resolve names against the store (``graph.lookup.resolve_node``) and
    pass ids; this is for callers that only have a graph.
    """
    if name in graph:
        return name
    wanted = " ".join(name.split()).casefold()
    hits = sorted(n for n, a in graph.nodes(data=True)
                  if wanted in (" ".join(x.split()).casefold() for x in (a.get("name") or "", *a.get("aliases", ()))))
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise NotFound(f"{name!r} names several nodes: {', '.join(hits)}; use an id")
    raise NotFound(f"no node in the map is named {name!r}")


def select(graph: nx.MultiDiGraph, options: MapOptions, focus: str | None = None) -> nx.MultiDiGraph:
    """The subgraph ``options`` asks for; ``focus`` is the focus node's id (already resolved).

    Filters remove edges and nodes; a node that a filter leaves without any of its edges
    goes too, so a 2020 map does not show the bodies only a 2023 meeting brought in. A map
    "as of" a date (``until``) also leaves out what only later documents say: documents dated
    after it (an undated one takes its meeting's date) and undated facts all of whose
    evidence comes from them. A status filter keeps only what a flow of those statuses
    touches (and the structure between those nodes).
    """
    since, until = options.since_period, options.until_period
    keep_kinds = set(options.kinds) if options.kinds else None
    periods = _node_periods(graph)
    nodes = [n for n, a in graph.nodes(data=True)
             if (keep_kinds is None or a.get("kind") in keep_kinds) and _overlaps(periods.get(n), since, until)]
    kept = set(nodes)
    result = nx.MultiDiGraph()
    result.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if u not in kept or v not in kept:
            continue
        if options.statuses and is_flow(attrs.get("type")) and attrs.get("status") not in options.statuses:
            continue
        if not _overlaps(parse_span(attrs.get("date")), since, until):
            continue
        if until and not parse_span(attrs.get("date")) and not _known_by(attrs, periods, until):
            continue
        result.add_edge(u, v, key, **attrs)
    result.remove_nodes_from([n for n in nodes if graph.degree(n) and not result.degree(n)])
    if options.statuses:
        touched = {n for u, v, t in result.edges(data="type") if is_flow(t) for n in (u, v)}
        result.remove_nodes_from([n for n in nodes if n in result and n not in touched])
    if focus is not None:
        result = _neighbourhood(result, focus, options.hops)
    result.remove_nodes_from(_loose_documents(result))
    return result


def node_dates(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each dated node's date (:func:`node_date`); an undated document takes the date of the meeting
    it is part of, so a scene as of 2020 leaves out the report of a 2023 meeting."""
    dates = {n: found for n, a in graph.nodes(data=True) if (found := node_date(a))}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") == DOCUMENT_KIND and node not in dates:
            meetings = sorted((parse_span(dates[v]), dates[v]) for _, v, t in graph.out_edges(node, data="type")
                              if t == "PART_OF" and v in dates)
            if meetings:
                dates[node] = meetings[0][1]
    return dates


def _node_periods(graph: nx.MultiDiGraph) -> dict[str, Span]:
    return {n: span for n, d in node_dates(graph).items() if (span := parse_span(d))}


def _known_by(attrs: dict, periods: dict[str, Span], until: Span) -> bool:
    """Whether an undated fact is stated by a document not dated after ``until`` (reference data,
    with no evidence, always is)."""
    documents = {ev.get("document") for ev in attrs.get("evidence") or ()}
    return not documents or any(d not in periods or periods[d].start <= until.end for d in documents)


def _neighbourhood(graph: nx.MultiDiGraph, focus: str, hops: int) -> nx.MultiDiGraph:
    if focus not in graph:
        raise MapError(f"focus: {focus} is not on the map with these filters; widen the filters or pick another body")
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), focus, cutoff=hops)
    return graph.subgraph(reach).copy()


def _loose_documents(graph: nx.MultiDiGraph) -> Iterable[str]:
    return [n for n, a in graph.nodes(data=True) if a.get("kind") == DOCUMENT_KIND and not graph.degree(n)]
