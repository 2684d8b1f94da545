"""Write a whole graph as JSON, GraphML or GEXF (the last two open in Gephi).

The JSON form is ``{"nodes": [...], "edges": [...]}``: nodes carry id, label (kind),
name, aliases, location, pillar, origin, reviewed, source, props and evidence; edges
carry id, source, target, type, status, blocks, date, origin, props and evidence, each
evidence item being ``{"document", "quote", "start", "end", "rule"}``. GraphML and
GEXF hold the same attributes, with lists and evidence as JSON strings because those
formats take scalar attributes only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import networkx as nx

from prevgraph.graph.store import GraphStore
from prevgraph.schema import Edge, Node

FORMATS = ("json", "graphml", "gexf")


def node_record(node: Node) -> dict:
    return {"id": node.id, "label": node.kind, **node.model_dump(exclude={"id", "kind"})}


def edge_record(edge: Edge) -> dict:
    return edge.model_dump()


def _json_array(batches: Iterable[list], record: Callable[[Any], dict]) -> Iterator[str]:
    separator = "\n"
    for batch in batches:
        for item in batch:
            yield separator + json.dumps(record(item), ensure_ascii=False)
            separator = ",\n"


def iter_json(store: GraphStore) -> Iterator[str]:
    """The JSON export in chunks, so a large graph is never held as one string."""
    yield '{"nodes": ['
    yield from _json_array(store.iter_nodes(), node_record)
    yield '\n], "edges": ['
    yield from _json_array(store.iter_edges(), edge_record)
    yield "\n]}\n"


def _flat(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False)


def flat_graph(store: GraphStore) -> nx.MultiDiGraph:
    """A copy of the projection whose attributes are all scalars (None dropped)."""
    graph = nx.MultiDiGraph()
    for batch in store.iter_nodes():
        for node in batch:
            attrs = {k: _flat(v) for k, v in node_record(node).items() if v is not None and k != "id"}
            graph.add_node(node.id, **attrs)
    for edge_batch in store.iter_edges():
        for edge in edge_batch:
            attrs = {k: _flat(v) for k, v in edge_record(edge).items()
                     if v is not None and k not in ("source", "target")}
            graph.add_edge(edge.source, edge.target, key=edge.id, **attrs)
    return graph


def write_export(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    if fmt == "json":
        for chunk in iter_json(store):
            out.write(chunk.encode("utf-8"))
    elif fmt == "graphml":
        nx.write_graphml(flat_graph(store), out)
    elif fmt == "gexf":
        nx.write_gexf(flat_graph(store), out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
