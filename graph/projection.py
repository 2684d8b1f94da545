"""The NetworkX projection every analysis reads.

One node per graph node, keyed by id, with its kind, name, aliases, location, pillar,
origin, reviewed flag, properties and evidence as attributes; one multigraph edge per
graph edge, keyed by edge id, with its type, status, blocks, date, origin, properties
and evidence. Evidence is a list of plain dicts so the graph can be pickled, exported
or sent as JSON without prevgraph's records.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from prevgraph.schema import Edge, Node


def node_attributes(node: Node) -> dict:
    return {
        "kind": node.kind,
        "name": node.name,
        "aliases": list(node.aliases),
        "location": node.location,
        "pillar": node.pillar,
        "origin": node.origin,
        "reviewed": node.reviewed,
        "source": node.source,
        "props": dict(node.props),
        "evidence": [e.model_dump() for e in node.evidence],
    }


def edge_attributes(edge: Edge) -> dict:
    return {
        "id": edge.id,
        "type": edge.type,
        "status": edge.status,
        "blocks": edge.blocks,
        "date": edge.date,
        "origin": edge.origin,
        "source_ref": edge.source_ref,
        "props": dict(edge.props),
        "evidence": [e.model_dump() for e in edge.evidence],
    }


def build_networkx(node_batches: Iterable[list[Node]], edge_batches: Iterable[list[Edge]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for batch in node_batches:
        graph.add_nodes_from((n.id, node_attributes(n)) for n in batch)
    for edge_batch in edge_batches:
        graph.add_edges_from((e.source, e.target, e.id, edge_attributes(e)) for e in edge_batch)
    return graph
