"""How new facts combine with what a store already holds: pure functions, no store.

Both stores run the same plan, so a behaviour cannot differ between them:

- :func:`merge_node` / :func:`merge_edge` join two versions of one record (evidence
  and aliases united, newer properties win, the first canonical name kept);
- :func:`plan_document_load` works out what loading a document changes: the previous
  version's evidence is withdrawn, records left with no evidence (and not curated or
  reference) are deleted, and the new version's records are merged in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from prevgraph.schema import DocumentBatch, Edge, Evidence, Node


def _union_evidence(*groups: Iterable[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple[str, int, int, str], Evidence] = {}
    for group in groups:
        for item in group:
            seen.setdefault((item.document, item.start, item.end, item.rule), item)
    return tuple(sorted(seen.values(), key=lambda e: (e.document, e.start, e.end, e.rule)))


def _union_aliases(name: str, *groups: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for alias in group:
            if alias != name:
                seen.setdefault(alias.casefold(), alias)
    return tuple(sorted(seen.values(), key=str.casefold))


def _stronger_origin(a: str, b: str) -> str:
    order = {"extracted": 0, "reference": 1, "curated": 2}
    return a if order[a] >= order[b] else b


def merge_node(old: Node | None, new: Node) -> Node:
    """Combine two versions of one node; ``old`` may be None."""
    if old is None:
        return new.model_copy(update={"aliases": _union_aliases(new.name, new.aliases),
                                      "evidence": _union_evidence(new.evidence)})
    return old.model_copy(update={
        "aliases": _union_aliases(old.name, old.aliases, new.aliases, [new.name]),
        "location": new.location or old.location,
        "pillar": new.pillar or old.pillar,
        "origin": _stronger_origin(old.origin, new.origin),
        "reviewed": old.reviewed or new.reviewed,
        "source": old.source or new.source,
        "props": {**old.props, **new.props},
        "evidence": _union_evidence(old.evidence, new.evidence),
    })


def merge_edge(old: Edge | None, new: Edge) -> Edge:
    """Combine two versions of one edge; ``old`` may be None."""
    if old is None:
        return new.model_copy(update={"evidence": _union_evidence(new.evidence)})
    return old.model_copy(update={
        "date": new.date or old.date,
        "blocks": new.blocks or old.blocks,
        "origin": _stronger_origin(old.origin, new.origin),
        "source_ref": old.source_ref or new.source_ref,
        "props": {**old.props, **new.props},
        "evidence": _union_evidence(old.evidence, new.evidence),
    })


def withdraw_document(record: Node | Edge, document: str) -> Node | Edge | None:
    """``record`` without the evidence of ``document``; None if nothing else supports it."""
    kept = tuple(e for e in record.evidence if e.document != document)
    if not kept and record.origin == "extracted":
        return None
    return record.model_copy(update={"evidence": kept})


@dataclass
class WritePlan:
    """The writes one store transaction makes.

    ``new_nodes`` and ``new_edges`` hold the ids of written records the store is known
    not to hold (looked up and absent in the same transaction, or promised new by
    :meth:`~prevgraph.graph.store.GraphStore.create`): a store writes them without
    looking them up first (Neo4j's ``CREATE`` rather than ``MERGE``, about twice as
    fast), and fails rather than overwrite should one be there after all.
    """

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    delete_nodes: list[str] = field(default_factory=list)
    delete_edges: list[str] = field(default_factory=list)
    new_nodes: set[str] = field(default_factory=set)
    new_edges: set[str] = field(default_factory=set)


def plan_upsert(nodes: Iterable[Node], edges: Iterable[Edge],
                old_nodes: dict[str, Node], old_edges: dict[str, Edge]) -> WritePlan:
    """Merge ``nodes`` and ``edges`` into what the store holds (given as ``old_*`` by id)."""
    plan = WritePlan()
    merged_nodes: dict[str, Node] = {}
    for node in nodes:
        merged_nodes[node.id] = merge_node(merged_nodes.get(node.id) or old_nodes.get(node.id), node)
    merged_edges: dict[str, Edge] = {}
    for edge in edges:
        merged_edges[edge.id] = merge_edge(merged_edges.get(edge.id) or old_edges.get(edge.id), edge)
    plan.nodes = list(merged_nodes.values())
    plan.edges = list(merged_edges.values())
    plan.new_nodes = merged_nodes.keys() - old_nodes.keys()
    plan.new_edges = merged_edges.keys() - old_edges.keys()
    return plan


def plan_document_load(batch: DocumentBatch, previous_nodes: dict[str, Node],
                       previous_edges: dict[str, Edge]) -> WritePlan:
    """Plan loading ``batch``.

    ``previous_*`` hold every stored record that carries evidence from the batch's
    document, shares an id with a record of the batch or is the batch's document: a
    written record not among them is taken to be new (see :class:`WritePlan`).
    """
    doc_id = batch.document.id
    kept_nodes: dict[str, Node] = {}
    kept_edges: dict[str, Edge] = {}
    plan = WritePlan()
    for node_id, node in previous_nodes.items():
        if node_id == doc_id:
            continue
        left = withdraw_document(node, doc_id)
        if left is None:
            plan.delete_nodes.append(node_id)
        else:
            kept_nodes[node_id] = left  # type: ignore[assignment]
    for edge_id, edge in previous_edges.items():
        left = withdraw_document(edge, doc_id)
        if left is None:
            plan.delete_edges.append(edge_id)
        else:
            kept_edges[edge_id] = left  # type: ignore[assignment]
    merged = plan_upsert([*batch.nodes], batch.edges, kept_nodes, kept_edges)
    new_node_ids = {n.id for n in merged.nodes}
    new_edge_ids = {e.id for e in merged.edges}
    plan.delete_nodes = [i for i in plan.delete_nodes if i not in new_node_ids]
    plan.delete_edges = [i for i in plan.delete_edges if i not in new_edge_ids]
    untouched = [n for i, n in kept_nodes.items() if i not in new_node_ids]
    untouched_edges = [e for i, e in kept_edges.items() if i not in new_edge_ids]
    # one record per id (a batch may carry its document among its nodes too; the last version wins)
    plan.nodes = list({n.id: n for n in (batch.document, *merged.nodes, *untouched)}.values())
    plan.edges = [*merged.edges, *untouched_edges]
    # new against what is stored, not against what is kept: a record the previous version
    # alone supported is withdrawn above but still stored when this version names it again
    plan.new_nodes = {n.id for n in plan.nodes} - previous_nodes.keys()
    plan.new_edges = {e.id for e in plan.edges} - previous_edges.keys()
    return plan
