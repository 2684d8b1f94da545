"""The one store interface, and the write logic both stores share.

A store implements a handful of primitives inside a transaction (:class:`StoreTx`);
:class:`GraphStore` builds loading, upserting and reading on top of them with the
pure plans of :mod:`prevgraph.graph.merge`. A write is a function of the transaction
(:meth:`GraphStore.write`), not a ``with`` block, because Neo4j's managed
transactions re-run the function when the server reports a transient failure
(a deadlock, a cluster leader change). The embedded SQLite store and the Neo4j
store therefore differ only in how they read and write rows, and one contract test
suite (``tests/contract``) is the definition of correct behaviour for both.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from prevgraph.errors import LimitExceeded, ValidationError
from prevgraph.graph.merge import WritePlan, merge_edge, merge_node, plan_document_load, plan_upsert
from prevgraph.schema import DocumentBatch, Edge, Node, validate_batch
from prevgraph.schema.ontology import ontology
from prevgraph.schema.records import check_edge_fields, check_node

if TYPE_CHECKING:
    import networkx as nx

    from prevgraph.graph.selection import PageSelection, SelectedPage

Direction = Literal["out", "in", "both"]
T = TypeVar("T")


@dataclass(frozen=True)
class NodeFilter:
    """Filters shared by :meth:`GraphStore.find_nodes` and :meth:`GraphStore.count_nodes`.

    ``text`` matches a name or alias containing it, ignoring case.
    """

    kind: str | None = None
    text: str | None = None
    location: str | None = None
    pillar: str | None = None


@dataclass(frozen=True)
class EdgeFilter:
    """Filters shared by :meth:`GraphStore.find_edges` and :meth:`GraphStore.count_edges`.

    ``since`` and ``until`` keep edges dated within the range, comparing ISO dates on
    their common prefix, so a year-only date ("2020") falls in any range that touches
    that year; an edge with no date is left out when either is given.
    """

    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    source: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None


#: the most hops a path search may take (Neo4j writes the bound into the query text)
MAX_PATH_HOPS = 8
#: the most paths one path search returns
MAX_PATHS = 100


def check_path_search(max_hops: int, limit: int, types: Sequence[str] | None, both_ways: Sequence[str] = (),
                      from_kinds: Mapping[str, Sequence[str]] | None = None) -> None:
    """Refuse a path search outside the bounds both stores honour, and relationship or node kinds the ontology lacks."""
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_PATH_HOPS:
        raise LimitExceeded(f"a path search takes 1 to {MAX_PATH_HOPS} hops, not {max_hops!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PATHS:
        raise LimitExceeded(f"a path search returns 1 to {MAX_PATHS} paths, not {limit!r}")
    unknown = sorted({*(types or ()), *both_ways, *(from_kinds or {})} - ontology().relationship_kinds.keys())
    if unknown:
        raise ValidationError(f"unknown relationship kinds {unknown}; known: {sorted(ontology().relationship_kinds)}")
    unknown = sorted({kind for kinds in (from_kinds or {}).values() for kind in kinds} - ontology().node_kinds.keys())
    if unknown:
        raise ValidationError(f"unknown node kinds {unknown}; known: {sorted(ontology().node_kinds)}")


@dataclass(frozen=True)
class LoadSummary:
    """What loading one document changed."""

    document: str
    nodes_written: int
    edges_written: int
    nodes_deleted: int
    edges_deleted: int


@dataclass
class Stats:
    nodes_by_kind: dict[str, int] = field(default_factory=dict)
    edges_by_type: dict[str, int] = field(default_factory=dict)
    flows_by_status: dict[str, int] = field(default_factory=dict)

    @property
    def nodes(self) -> int:
        return sum(self.nodes_by_kind.values())

    @property
    def edges(self) -> int:
        return sum(self.edges_by_type.values())


@dataclass
class Neighbourhood:
    """What :meth:`GraphStore.neighbourhood` returns: edges per node id, and the nodes at their other ends by id."""

    edges: dict[str, list[Edge]]
    ends: dict[str, Node]


def search_key(name: str, aliases: Iterable[str]) -> str:
    """The text both stores match ``NodeFilter.text`` against (case-folded names, one per line)."""
    return "\n".join(" ".join(n.split()).casefold() for n in (name, *aliases))


class StoreTx(Protocol):
    """Row-level primitives a store offers inside one write transaction.

    ``apply`` deletes nodes with their edges (as Neo4j's ``DETACH DELETE`` does), then
    deletes edges, then writes nodes and edges whole (replacing what was stored; those
    the plan names new are written without a lookup, and one already stored is a
    :class:`~prevgraph.errors.ValidationError`). ``kinds`` answers which of some ids
    are stored, with their kinds, reading nothing else.
    """

    def nodes_by_ids(self, ids: Sequence[str]) -> dict[str, Node]: ...
    def kinds(self, ids: Sequence[str]) -> dict[str, str]: ...
    def edges_by_ids(self, ids: Sequence[str]) -> dict[str, Edge]: ...
    def nodes_by_document(self, document: str) -> dict[str, Node]: ...
    def edges_by_document(self, document: str) -> dict[str, Edge]: ...
    def apply(self, plan: WritePlan) -> None: ...


class GraphStore(ABC):
    """What every prevgraph store does. Subclasses implement the abstract primitives."""

    #: a short name for messages and /health: "sqlite" or "neo4j"
    kind: str = ""
    #: how many write transactions a copy into this store runs at once
    parallel_writes: int = 1

    # --- primitives -------------------------------------------------------------------
    @abstractmethod
    def write(self, work: Callable[[StoreTx], T]) -> T:
        """Run ``work`` in one atomic write transaction and return what it returns.

        Readers see all of it or none of it; if ``work`` raises, nothing is written.
        A store may run ``work`` again after a transient failure, so ``work`` must read
        and write only through the transaction it is given.
        """

    @abstractmethod
    def nodes(self, ids: Sequence[str]) -> dict[str, Node]:
        """The nodes with these ids (missing ids are left out), in one round trip."""

    @abstractmethod
    def edges(self, ids: Sequence[str]) -> dict[str, Edge]:
        """The edges with these ids, in one round trip."""

    @abstractmethod
    def find_nodes(self, where: NodeFilter = NodeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Node]:
        """Nodes matching ``where``, ordered by id."""

    @abstractmethod
    def count_nodes(self, where: NodeFilter = NodeFilter()) -> int:
        """How many nodes match ``where``, counted by the store (nothing fetched)."""

    def find_nodes_counted(self, where: NodeFilter = NodeFilter(), *, limit: int | None = None,
                           offset: int = 0) -> tuple[list[Node], int]:
        """A page of :meth:`find_nodes` and the :meth:`count_nodes` of the whole list (Neo4j: one round trip)."""
        return self.find_nodes(where, limit=limit, offset=offset), self.count_nodes(where)

    @abstractmethod
    def find_edges(self, where: EdgeFilter = EdgeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Edge]:
        """Edges matching ``where``, ordered by id."""

    @abstractmethod
    def count_edges(self, where: EdgeFilter = EdgeFilter()) -> int:
        """How many edges match ``where``."""

    @abstractmethod
    def neighbourhood(self, ids: Sequence[str], direction: Direction = "both", types: Sequence[str] | None = None,
                      statuses: Sequence[str] | None = None) -> Neighbourhood:
        """For each node id, its edges in ``direction`` ordered by edge id, and the nodes at their other ends.

        One round trip for any number of ids (the API's DataLoaders batch through it).
        ``types`` keeps edges of those types, ``statuses`` edges with one of those
        statuses (an edge without a status is then left out); None keeps all. Every id
        asked for is a key of ``edges`` (with an empty list when it has no edges).
        """

    def select_page(self, selection: PageSelection) -> SelectedPage:
        """A page of nodes with only the selected fields, their selected edges and the edges' ends.

        See :mod:`prevgraph.graph.selection`. This default reads whole records and keeps
        the fields asked for; the Neo4j store compiles the selection into one statement.
        """
        from prevgraph.graph.selection import select_page_from_records

        return select_page_from_records(self, selection)

    @abstractmethod
    def find_paths(self, source: str, target: str, *, max_hops: int = 4, types: Sequence[str] | None = None,
                   statuses: Sequence[str] | None = None, via: Sequence[str] = (), avoid: Sequence[str] = (),
                   both_ways: Sequence[str] = (), from_kinds: Mapping[str, Sequence[str]] | None = None,
                   limit: int = 10) -> list[list[Edge]]:
        """Routes from ``source`` to ``target`` along edges in their direction, each the list of its edges.

        A route visits no node twice, has at most ``max_hops`` edges (1 to
        :data:`MAX_PATH_HOPS`, checked by :func:`check_path_search`), uses only edges of
        ``types`` (None: any) whose status, if they have one, is in ``statuses`` (None:
        any), passes through every node of ``via`` and none of ``avoid``. Edges of the
        types in ``both_ways`` (structure such as PART_OF) may also be walked against
        their direction. An edge whose type is a key of ``from_kinds`` is walked (either
        way) only when its source node is of one of the kinds given (an office speaks for
        the body it is part of, a subsidiary body not for its siblings). Shortest first,
        then by the sequence of edge ids; at most ``limit`` routes. The routes come with
        their edge records, so showing them costs no second read. Neo4j runs the whole
        search in one Cypher query.
        """

    @abstractmethod
    def iter_nodes(self, batch_size: int = 5000) -> Iterator[list[Node]]:
        """Every node, in batches ordered by id."""

    @abstractmethod
    def iter_edges(self, batch_size: int = 5000) -> Iterator[list[Edge]]:
        """Every edge, in batches ordered by id."""

    @abstractmethod
    def stats(self) -> Stats:
        """Counts by node kind, relationship type and flow status."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every node and edge of the graph."""

    @abstractmethod
    def version(self) -> int:
        """A counter of the stored graph's state, for caches of whole-graph work (the API's gaps and map).

        Every write (a load, an upsert, a curation, ``clear``) raises it in its own
        transaction, so an unchanged version means an unchanged graph, also when another
        process sharing the store wrote. 0 for a store never written to.
        """

    @abstractmethod
    def ping(self) -> None:
        """Raise :class:`~prevgraph.errors.StoreUnavailable` unless the store answers."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Where the store is, for messages (never includes a password)."""

    # --- shared behaviour ----------------------------------------------------------------
    def node(self, node_id: str) -> Node | None:
        return self.nodes([node_id]).get(node_id)

    def edge(self, edge_id: str) -> Edge | None:
        return self.edges([edge_id]).get(edge_id)

    def incident_edges(self, ids: Sequence[str], direction: Direction = "both", types: Sequence[str] | None = None,
                       statuses: Sequence[str] | None = None) -> dict[str, list[Edge]]:
        """For each node id, its edges in ``direction`` (see :meth:`neighbourhood`)."""
        return self.neighbourhood(ids, direction, types, statuses).edges

    def neighbours(self, node_id: str, direction: Direction = "both",
                   types: Sequence[str] | None = None) -> list[tuple[Edge, Node]]:
        """The edges at ``node_id`` with the node at their other end."""
        found = self.neighbourhood([node_id], direction, types)
        return [(e, found.ends[e.target if e.source == node_id else e.source]) for e in found.edges[node_id]]

    def load_document(self, batch: DocumentBatch) -> LoadSummary:
        """Write everything one document says, replacing its previous version, in one transaction."""
        return self.write(lambda tx: _load_document(tx, batch))

    def upsert(self, nodes: Iterable[Node] = (), edges: Iterable[Edge] = ()) -> None:
        """Merge nodes and edges into the store in one transaction (evidence is added, never dropped)."""
        nodes, edges = list(nodes), list(edges)
        for node in nodes:
            check_node(node)
        self.write(lambda tx: _upsert(tx, nodes, edges))

    def create(self, nodes: Iterable[Node] = (), edges: Iterable[Edge] = ()) -> None:
        """Add records the store does not hold yet, in one transaction, merging nothing: a first fill.

        Checked as :meth:`upsert` checks them (fields, the ontology's patterns, both ends
        of every edge in the store or in the call), but no stored record is read and
        Neo4j writes them with ``CREATE``, about twice as fast as a merge. An id the store
        already holds, or one given twice, is a :class:`ValidationError` and nothing of
        the call is written.
        """
        # stored as an upsert into an empty store would store them (aliases and evidence in order)
        nodes, edges = [merge_node(None, n) for n in nodes], [merge_edge(None, e) for e in edges]
        for node in nodes:
            check_node(node)
        self.write(lambda tx: _create(tx, nodes, edges))

    def copy_to(self, target: GraphStore, batch_size: int = 5000) -> Stats:
        """Copy every node and edge into ``target`` in batches (nodes first), and return the target's stats.

        Into an empty target the batches are created (:meth:`create`: there is nothing to
        merge with), else upserted, so copying twice changes nothing. The next batch is
        read while the target writes, with up to ``target.parallel_writes`` batches in
        flight; each batch is one transaction, so a copy that fails half-way leaves the
        batches before the failure, and copying again completes it.
        """
        write = target.create if target.count_nodes() == 0 else target.upsert
        write_batches(lambda nodes: write(nodes, ()), self.iter_nodes(batch_size), target.parallel_writes)
        write_batches(lambda edges: write((), edges), self.iter_edges(batch_size), target.parallel_writes)
        return target.stats()

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as a NetworkX multigraph, the projection every analysis reads."""
        from prevgraph.graph.projection import build_networkx

        return build_networkx(self.iter_nodes(), self.iter_edges())

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _load_document(tx: StoreTx, batch: DocumentBatch) -> LoadSummary:
    doc_id = batch.document.id
    ids = [n.id for n in batch.nodes]
    previous_nodes = {**tx.nodes_by_document(doc_id), **tx.nodes_by_ids([doc_id, *ids])}
    previous_edges = {**tx.edges_by_document(doc_id), **tx.edges_by_ids([e.id for e in batch.edges])}
    missing = {e for edge in batch.edges for e in (edge.source, edge.target)} - {doc_id, *ids}
    validate_batch(batch, known_kinds=tx.kinds(sorted(missing)))
    plan = plan_document_load(batch, previous_nodes, previous_edges)
    # A deleted node takes its edges with it, also those another document still
    # supports: never write one of them back pointing at a node that is gone.
    deleted = set(plan.delete_nodes)
    for edge in batch.edges:
        if {edge.source, edge.target} & deleted:
            raise ValidationError(f"edge {edge.id} ({edge.type}) points at a node only the previous version of "
                                  f"{doc_id} supported; put that node in the batch")
    plan.edges = [e for e in plan.edges if e.source not in deleted and e.target not in deleted]
    tx.apply(plan)
    return LoadSummary(doc_id, len(plan.nodes), len(plan.edges), len(plan.delete_nodes), len(plan.delete_edges))


def write_batches(write: Callable[[list[T]], object], batches: Iterable[list[T]], workers: int) -> None:
    """``write`` every batch, up to ``workers`` at once while the next is read; the first failure stops it, raised."""
    pending: deque[Future[object]] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        try:
            for batch in batches:
                pending.append(pool.submit(write, batch))
                if len(pending) > workers:
                    pending.popleft().result()
            while pending:
                pending.popleft().result()
        finally:
            pool.shutdown(cancel_futures=True)


def _check_edges(edges: Sequence[Edge], kinds: Mapping[str, str]) -> None:
    """Refuse an edge whose end is not in ``kinds`` (node id -> kind) or whose pattern the ontology forbids."""
    onto = ontology()
    for edge in edges:
        for end in (edge.source, edge.target):
            if end not in kinds:
                raise ValidationError(f"edge {edge.id} ({edge.type}) points at {end!r}, which is not in the store")
        onto.check_edge(kinds[edge.source], edge.type, kinds[edge.target])
        check_edge_fields(edge)


def _upsert(tx: StoreTx, nodes: list[Node], edges: list[Edge]) -> None:
    old_nodes = tx.nodes_by_ids([n.id for n in nodes])
    old_edges = tx.edges_by_ids([e.id for e in edges])
    kinds = {n.id: n.kind for n in nodes}
    kinds.update(tx.kinds(sorted({x for e in edges for x in (e.source, e.target)} - kinds.keys())))
    _check_edges(edges, kinds)
    tx.apply(plan_upsert(nodes, edges, old_nodes, old_edges))


def _create(tx: StoreTx, nodes: list[Node], edges: list[Edge]) -> None:
    for what, ids in (("node", [n.id for n in nodes]), ("edge", [e.id for e in edges])):
        repeated = [i for i, n in Counter(ids).items() if n > 1]
        if repeated:
            raise ValidationError(f"{what} {repeated[0]} is given twice; create adds each record once")
    kinds = {n.id: n.kind for n in nodes}
    stored = tx.kinds([*kinds, *sorted({x for e in edges for x in (e.source, e.target)} - kinds.keys())])
    taken = sorted(stored.keys() & kinds.keys())
    if taken:
        raise ValidationError(f"node {taken[0]} is already in the store ({len(taken)} of the nodes given are); "
                              "create adds only new records, upsert merges them")
    kinds.update(stored)
    _check_edges(edges, kinds)
    tx.apply(WritePlan(nodes=nodes, edges=edges, new_nodes={n.id for n in nodes},
                       new_edges={e.id for e in edges}))


def count_stats(nodes: Iterable[tuple[str, int]], edges: Iterable[tuple[str, int]],
                statuses: Iterable[tuple[str, int]]) -> Stats:
    """Build :class:`Stats` from (key, count) rows, with keys sorted for stable output."""
    def ordered(rows: Iterable[tuple[str, int]]) -> dict[str, int]:
        counter = Counter({k: int(v) for k, v in rows if k is not None})
        return dict(sorted(counter.items()))

    return Stats(ordered(nodes), ordered(edges), ordered(statuses))
