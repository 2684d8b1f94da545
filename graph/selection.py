"""Selections: a page of nodes with only the fields asked for, their edges and the nodes at the edges' ends.

A list query of the API ("Geneva bodies with their realised flows and whom each flow
reaches") needs a handful of fields of thousands of records. Reading whole records
(evidence, props) and turning each into a typed object costs more than the answer is
worth, so the API describes what it needs as a :class:`PageSelection` and the store
answers it with plain rows holding just those fields: in one round trip on Neo4j
(one Cypher statement compiled from the selection), and from the store's ordinary
reads everywhere else (:func:`select_page_from_records`; the embedded store reads its
stored JSON without building records). All give the same rows; the contract suite
checks it.

A node row is a dict of the selected :data:`NODE_FIELDS`, plus, when the selection
asks for edges, ``"edges"``: one list of edge rows per :class:`EdgeSelection`, in the
same order, each list in edge id order (as :meth:`GraphStore.neighbourhood` gives
them). An edge row holds the selected :data:`EDGE_FIELDS`, plus ``"source_node"`` and
``"target_node"`` (rows of the nodes at its ends) when their fields are selected.
Values are the stored ones: ids, kinds, statuses and locations as strings, ``aliases``
a list, ``evidence`` a list of ``{document, quote, start, end, rule}`` dicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prevgraph.graph.store import Direction, NodeFilter
from prevgraph.schema import Edge, Node

if TYPE_CHECKING:
    from prevgraph.graph.store import GraphStore

#: the fields of a node a selection can ask for: every stored field of the record but its free-form props
NODE_FIELDS: tuple[str, ...] = tuple(name for name in Node.model_fields if name != "props")
#: the fields of an edge a selection can ask for (``source`` and ``target`` are the ends' ids)
EDGE_FIELDS: tuple[str, ...] = tuple(name for name in Edge.model_fields if name != "props")
#: the directions an edge selection can take from its node
DIRECTIONS: tuple[str, ...] = ("out", "in", "both")

Row = dict[str, Any]
#: a node or an edge in its stored JSON form (its fields by name; tuples as lists, evidence as dicts)
Record = Mapping[str, Any]


def _checked(fields: Iterable[str], known: tuple[str, ...], what: str) -> tuple[str, ...]:
    fields = tuple(fields)
    unknown = [f for f in fields if f not in known]
    if unknown:
        raise ValueError(f"unknown {what} fields {unknown}; known: {list(known)}")
    return fields


@dataclass(frozen=True)
class EdgeSelection:
    """The edges of each node of the page: which ones, which of their fields, which fields of their ends.

    ``types`` and ``statuses`` filter as in :meth:`GraphStore.neighbourhood` (None keeps
    all; with ``statuses`` an edge without a status is left out). Empty ``source_fields``
    or ``target_fields`` leave that end's row out.
    """

    direction: Direction
    fields: tuple[str, ...] = ("id",)
    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    source_fields: tuple[str, ...] = ()
    target_fields: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {list(DIRECTIONS)}, not {self.direction!r}")
        _checked(self.fields, EDGE_FIELDS, "edge")
        _checked(self.source_fields, NODE_FIELDS, "node")
        _checked(self.target_fields, NODE_FIELDS, "node")


@dataclass(frozen=True)
class PageSelection:
    """A page of the nodes matching ``where`` (in id order), with ``fields`` of each and the selected edges."""

    where: NodeFilter
    limit: int
    offset: int = 0
    count: bool = False
    fields: tuple[str, ...] = ("id",)
    edges: tuple[EdgeSelection, ...] = ()

    def __post_init__(self) -> None:
        _checked(self.fields, NODE_FIELDS, "node")
        if self.limit < 0 or self.offset < 0:
            raise ValueError(f"limit and offset must be 0 or more, not {self.limit} and {self.offset}")


@dataclass(frozen=True)
class SelectedPage:
    """What a store answers a :class:`PageSelection` with: the node rows and, if asked, the whole list's count."""

    rows: list[Row]
    total: int | None


def node_row(node: Record, fields: Sequence[str]) -> Row:
    """The selected fields of a node record in its stored JSON form, as a selection row holds them."""
    return {name: node[name] for name in fields}


def edge_row(edge: Record, fields: Sequence[str]) -> Row:
    """The selected fields of an edge record in its stored JSON form, as a selection row holds them."""
    return {name: edge[name] for name in fields}


def stored_form(record: Node | Edge) -> Record:
    """A record as it is stored: its JSON form, read back (tuples are lists, evidence dicts)."""
    return record.model_dump(mode="json")


@dataclass(frozen=True)
class Incident:
    """What one :class:`EdgeSelection` reads: each page node's edges (in id order) and the nodes at their ends."""

    edges: Mapping[str, Sequence[Record]]
    ends: Mapping[str, Record]


def page_rows(selection: PageSelection, nodes: Sequence[Record], incident: Sequence[Incident],
              total: int | None) -> SelectedPage:
    """The rows of a selection from records in their stored JSON form: the page's nodes and, per edge
    selection in order, its :class:`Incident` records."""
    rows = [node_row(n, selection.fields) for n in nodes]
    if selection.edges:
        page = {n["id"]: n for n in nodes}
        for row in rows:
            row["edges"] = []
        for chosen, found in zip(selection.edges, incident, strict=True):
            known = {**found.ends, **page}
            for row, node in zip(rows, nodes, strict=True):
                row["edges"].append([_edge_with_ends(e, chosen, known) for e in found.edges[node["id"]]])
    return SelectedPage(rows=rows, total=total)


def select_page_from_records(store: GraphStore, selection: PageSelection) -> SelectedPage:
    """Answer ``selection`` with the store's record reads: the page, then one neighbourhood read per edge selection."""
    if selection.count:
        nodes, total = store.find_nodes_counted(selection.where, limit=selection.limit, offset=selection.offset)
    else:
        nodes, total = store.find_nodes(selection.where, limit=selection.limit, offset=selection.offset), None
    ids = [n.id for n in nodes]
    incident = []
    for chosen in selection.edges:
        found = store.neighbourhood(ids, chosen.direction, chosen.types, chosen.statuses)
        incident.append(Incident(edges={i: [stored_form(e) for e in edges] for i, edges in found.edges.items()},
                                 ends={i: stored_form(n) for i, n in found.ends.items()}))
    return page_rows(selection, [stored_form(n) for n in nodes], incident, total)


def _edge_with_ends(edge: Record, chosen: EdgeSelection, known: Mapping[str, Record]) -> Row:
    row = edge_row(edge, chosen.fields)
    for key, end, fields in (("source_node", edge["source"], chosen.source_fields),
                             ("target_node", edge["target"], chosen.target_fields)):
        if fields:
            node = known.get(end)
            row[key] = None if node is None else node_row(node, fields)
    return row
