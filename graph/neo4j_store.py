"""The Neo4j store, through the official ``neo4j`` driver.

Graph model (the queries are in :mod:`prevgraph.graph.cypher`): every node has the
label ``Entity`` with a uniqueness constraint on ``id`` plus its ontology kind as a
second label (``:Entity:Body``), so Cypher users can write ``MATCH (b:Body)``; every
relationship has its ontology type (``BRIEFS``, ``PART_OF``, ...) with a uniqueness
constraint on ``id`` per type. Kind labels and relationship types are written as
a parameter with Neo4j 5.26's dynamic labels, so the store needs Neo4j 5.26 or later;
schema statements, per-type lookups and per-type ``MERGE`` statements are built from
ontology names only.

Semantics are the SQLite store's, which the contract suite checks: results ordered by
id; ``NodeFilter.text`` matches the same case-folded ``search_key``; deleting a node
deletes its edges (``DETACH DELETE``). Every write is one managed transaction
(``execute_write``), in which rows go in batches of ``UNWIND $rows ... MERGE``; the
driver re-runs the transaction on transient errors (deadlocks, cluster leader
changes), which is the only retrying done here: a read statement runs once, as an
auto-commit transaction, so a server that is down fails it at once. A bookmark
manager shared by all sessions makes a read see the writes before it, also on a cluster.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from pydantic import TypeAdapter
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from prevgraph.errors import ConfigurationError, StoreError, StoreUnavailable, ValidationError
from prevgraph.graph import cypher
from prevgraph.graph.merge import WritePlan
from prevgraph.graph.selection import PageSelection, SelectedPage
from prevgraph.graph.store import (
    Direction,
    EdgeFilter,
    GraphStore,
    Neighbourhood,
    NodeFilter,
    Stats,
    StoreTx,
    T,
    check_path_search,
    count_stats,
    search_key,
)
from prevgraph.schema import Edge, Evidence, Node
from prevgraph.schema.ontology import ontology
from prevgraph.settings import Settings

# The driver logs connection failures that prevgraph reports itself, as one line; without
# logging configured, Python would print them to stderr too. Configured logging still gets them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

MINIMUM_VERSION = (5, 26)
CONNECTION_TIMEOUT = 15.0
#: how many times a write runs when a record it found absent was created meanwhile (see Neo4jStore.write)
CONFLICT_ATTEMPTS = 3
#: parses a stored evidence list in one pass (pydantic's JSON parser, not json.loads then per item)
_EVIDENCE = TypeAdapter(tuple[Evidence, ...])
#: Cypher's LIMIT needs a number; this stands for "no limit".
NO_LIMIT = 2**62


def documents_key(evidence: Sequence[Evidence]) -> tuple[list[str], str]:
    """The sorted document ids of ``evidence`` and the separator-joined key the text index holds."""
    documents = sorted({e.document for e in evidence})
    sep = cypher.DOCUMENT_SEPARATOR
    return documents, (sep + sep.join(documents) + sep) if documents else ""


def _document_key(document: str) -> str:
    return cypher.DOCUMENT_SEPARATOR + document + cypher.DOCUMENT_SEPARATOR


def _evidence_json(evidence: Sequence[Evidence]) -> str:
    return _EVIDENCE.dump_json(tuple(evidence)).decode()


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def _columns(keys: Sequence[str], rows: list[tuple[Any, ...]]) -> dict[str, list[Any]]:
    """Rows of values in ``keys``' order as one list per key: the shape :mod:`cypher`'s write statements take."""
    return {key: list(column) for key, column in zip(keys, zip(*rows, strict=True), strict=True)} if rows else {
        key: [] for key in keys}


def _node_row(node: Node) -> tuple[Any, ...]:
    documents, key = documents_key(node.evidence)
    return (node.id, node.kind, node.name, list(node.aliases), node.location, node.pillar, node.origin,
            node.reviewed, node.source, _json(node.props), _evidence_json(node.evidence), documents, key,
            search_key(node.name, node.aliases))


def _edge_row(edge: Edge) -> tuple[Any, ...]:
    documents, key = documents_key(edge.evidence)
    return (edge.type, edge.source, edge.target, edge.id, edge.status, edge.blocks, edge.date, edge.origin,
            edge.source_ref, _json(edge.props), _evidence_json(edge.evidence), documents, key)


def _check_kind(known: Mapping[str, object], record: str, kind: str, kind_name: str) -> None:
    """A record of a kind the ontology does not know is refused before anything is written."""
    if kind not in known:
        raise ValidationError(f"{record}: unknown {kind_name} {kind!r}")


def node_columns(nodes: Sequence[Node]) -> dict[str, list[Any]]:
    """The parameters that write ``nodes``: one list per property of :data:`cypher.NODE_PROPERTIES`.

    Columns rather than a map per row: the driver encodes each key once, not once a row.
    """
    known = ontology().node_kinds
    for node in nodes:
        _check_kind(known, f"node {node.id}", node.kind, "node kind")
    return _columns(cypher.NODE_PROPERTIES, [_node_row(node) for node in nodes])


#: what :func:`edge_columns` sends besides the stored properties
_EDGE_COLUMNS = ("type", "source", "target", *cypher.EDGE_PROPERTIES)


def edge_columns(edges: Sequence[Edge]) -> dict[str, list[Any]]:
    """The parameters that write ``edges``: their types, ends and the properties of :data:`cypher.EDGE_PROPERTIES`."""
    known = ontology().relationship_kinds
    for edge in edges:
        _check_kind(known, f"edge {edge.id}", edge.type, "relationship kind")
    return _columns(_EDGE_COLUMNS, [_edge_row(edge) for edge in edges])


def node_from(props: dict[str, Any]) -> Node:
    return Node(
        id=props["id"], kind=props["kind"], name=props["name"], aliases=tuple(props.get("aliases") or ()),
        location=props.get("location"), pillar=props.get("pillar"), origin=props["origin"],
        reviewed=props["reviewed"], source=props.get("source"), props=json.loads(props["props"]),
        evidence=_EVIDENCE.validate_json(props["evidence"]),
    )


def edge_from(props: dict[str, Any]) -> Edge:
    return Edge(
        id=props["id"], type=props["type"], source=props["source"], target=props["target"],
        status=props.get("status"), blocks=props.get("blocks"), date=props.get("date"), origin=props["origin"],
        source_ref=props.get("source_ref"), props=json.loads(props["props"]),
        evidence=_EVIDENCE.validate_json(props["evidence"]),
    )


_ID = itemgetter("id")
#: the stored fields :func:`_stored_to_row` converts (a selection without them is returned as Neo4j sends it)
_CONVERTED_FIELDS = frozenset({"evidence", "aliases"})


def _stored_to_row(row: dict[str, Any]) -> None:
    """A selected map as a selection row holds it: evidence parsed, aliases a list (Neo4j omits empty lists)."""
    if "evidence" in row:
        row["evidence"] = json.loads(row["evidence"])
    if "aliases" in row:
        row["aliases"] = list(row["aliases"] or ())


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _server_version(agent: str) -> tuple[int, ...]:
    """``"Neo4j/5.26.30"`` -> ``(5, 26, 30)``; calendar versions (``2025.01.0``) compare as newer."""
    match = re.search(r"/(\d+)\.(\d+)", agent)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


class _Reader:
    """Reads that run the same way inside a write transaction and in a read session."""

    def __init__(self, tx: neo4j.ManagedTransaction | neo4j.Session, batch_size: int) -> None:
        self.tx = tx
        self.batch_size = batch_size

    def rows(self, query: str, **params: Any) -> list[neo4j.Record]:
        return list(self.tx.run(query, params))

    def nodes_by_ids(self, ids: Sequence[str]) -> dict[str, Node]:
        found: dict[str, Node] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), self.batch_size):
            found.update((n.id, n) for n in (node_from(r["n"]) for r in self.rows(cypher.NODES_BY_IDS, ids=chunk)))
        return found

    def edges_by_ids(self, ids: Sequence[str]) -> dict[str, Edge]:
        """Looked up in the id indexes of the types the ids name first (``briefs:...``), then of the others.

        Edge ids begin with their type (:func:`prevgraph.schema.edge_id`), so a lookup is
        usually one indexed branch per type asked for, not one per type of the ontology;
        an id whose prefix is not its type is still found, by the second lookup.
        """
        wanted = list(dict.fromkeys(ids))
        named = sorted({t for t in (_type_named(i) for i in wanted) if t})
        found = self._edges_of_types(wanted, named)
        missing = [i for i in wanted if i not in found]
        others = [t for t in _edge_types() if t not in named]
        if missing and others:
            found.update(self._edges_of_types(missing, others))
        return found

    def _edges_of_types(self, ids: list[str], types: list[str]) -> dict[str, Edge]:
        found: dict[str, Edge] = {}
        if not types:
            return found
        query = cypher.edges_by_ids(types)
        for chunk in _chunks(ids, self.batch_size):
            found.update((e.id, e) for e in (edge_from(r["e"]) for r in self.rows(query, ids=list(chunk))))
        return found

    def nodes_by_document(self, document: str) -> dict[str, Node]:
        rows = self.rows(cypher.NODES_BY_DOCUMENT, key=_document_key(document), document=document)
        return {n.id: n for n in (node_from(r["n"]) for r in rows)}

    def edges_by_document(self, document: str) -> dict[str, Edge]:
        rows = self.rows(cypher.edges_by_document(_edge_types()), key=_document_key(document), document=document)
        return {e.id: e for e in (edge_from(r["e"]) for r in rows)}


class _Neo4jTx(_Reader):
    """:class:`~prevgraph.graph.store.StoreTx` over one managed Neo4j write transaction."""

    def kinds(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), self.batch_size):
            found.update(self.rows(cypher.KINDS_BY_IDS, ids=list(chunk))[0]["kinds"])
        return found

    def apply(self, plan: WritePlan) -> None:
        for chunk in _chunks(plan.delete_nodes, self.batch_size):
            self.tx.run(cypher.DELETE_NODES, ids=list(chunk)).consume()
        delete_edges = cypher.delete_edges(_edge_types())
        for chunk in _chunks(plan.delete_edges, self.batch_size):
            self.tx.run(delete_edges, ids=list(chunk)).consume()
        self.put_nodes(plan.nodes, plan.new_nodes)
        self.put_edges(plan.edges, plan.new_edges)

    def put_nodes(self, nodes: Sequence[Node], new: AbstractSet[str]) -> None:
        """Write nodes in batches: those known ``new`` with ``CREATE``, the others with ``MERGE``."""
        created = [n for n in nodes if n.id in new]
        merged = [n for n in nodes if n.id not in new]
        for query, group in ((cypher.CREATE_NODES, created), (cypher.MERGE_NODES, merged)):
            for chunk in _chunks(group, self.batch_size):
                self.tx.run(query, node_columns(chunk)).consume()

    def put_edges(self, edges: Sequence[Edge], new: AbstractSet[str]) -> None:
        """Write edges in batches: those known ``new`` with one ``CREATE`` of any types, the others merged per type."""
        by_type: dict[str, list[Edge]] = {}
        for edge in edges:
            if edge.id not in new:
                by_type.setdefault(edge.type, []).append(edge)
        groups = [(cypher.CREATE_EDGES, [e for e in edges if e.id in new]),
                  *((cypher.merge_edges(rel_type), typed) for rel_type, typed in by_type.items())]
        for query, group in groups:
            for chunk in _chunks(group, self.batch_size):
                written = self.tx.run(query, edge_columns(chunk)).single(strict=True)["n"]
                if written != len(chunk):
                    raise StoreError(f"{len(chunk) - written} of {len(chunk)} edges point at nodes missing from "
                                     "Neo4j; nothing was written")


def _edge_types() -> list[str]:
    return list(ontology().relationship_kinds)


def _type_named(edge_id: str) -> str | None:
    """The relationship type an edge id begins with (``briefs:...`` -> ``BRIEFS``), if the ontology has it."""
    head = edge_id.partition(":")[0].upper()
    return head if head in ontology().relationship_kinds else None


class Neo4jStore(GraphStore):
    """A graph in Neo4j (see the module docstring for the model and the guarantees)."""

    kind = "neo4j"
    #: two transactions at once write a copy about 1.5 times as fast as one on 2 cores (benchmarks/README.md)
    parallel_writes = 2

    def __init__(self, driver: neo4j.Driver, uri: str, database: str, user: str | None, batch_size: int = 5000) -> None:
        self._driver = driver
        self.uri = uri
        self.database = database
        self.user = user
        self.batch_size = batch_size
        self._bookmarks = GraphDatabase.bookmark_manager()

    # --- connecting --------------------------------------------------------------------
    @classmethod
    def connect(cls, uri: str, settings: Settings) -> Neo4jStore:
        """Open the Neo4j at ``uri``, check it answers, and create the constraints and indexes it needs.

        Raises :class:`StoreUnavailable` (one line: the URI and what to do) when the
        server cannot be reached, refuses the credentials or lacks the database.
        """
        user = settings.neo4j_user if settings.neo4j_password else None
        auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
        try:
            driver = make_driver(uri, auth)
        except (ValueError, DriverError) as exc:
            raise _bad_uri(uri, exc) from exc
        store = cls(driver, uri, settings.neo4j_database, user, settings.batch_size)
        try:
            with store._translated():
                driver.verify_connectivity()
                store._check_version()
                store.ensure_schema()
        except ValueError as exc:  # the driver's word for an address it cannot resolve or parse
            driver.close()
            raise _bad_uri(uri, exc) from exc
        except BaseException:
            driver.close()
            raise
        return store

    def _check_version(self) -> None:
        agent = self._driver.get_server_info().agent
        if _server_version(agent) < MINIMUM_VERSION:
            raise StoreUnavailable(f"Neo4j at {self.uri} runs {agent}; prevgraph needs Neo4j 5.26 or later")

    def ensure_schema(self) -> None:
        """Create the missing uniqueness constraints and indexes (``IF NOT EXISTS``), then wait for them."""
        wanted = dict(cypher.NODE_SCHEMA)
        for rel_type in _edge_types():
            wanted.update(cypher.relationship_schema(rel_type))
        with self._session() as session:
            present = {r["name"] for query in cypher.SHOW_SCHEMA_NAMES for r in session.run(query)}
            missing = [query for name, query in wanted.items() if name not in present]
            for query in missing:
                session.run(query).consume()
            if missing:
                session.run(cypher.AWAIT_INDEXES, seconds=300).consume()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Turn the driver's failures into prevgraph's errors, each one line that says what to do."""
        try:
            yield
        except ConstraintError as exc:
            raise ValidationError(f"a record written as new is already in the store ({_first_line(exc)}); "
                                  "create adds only new records, upsert merges them") from exc
        except AuthError as exc:
            raise StoreUnavailable(
                f"Neo4j at {self.uri} refused the credentials of user {self.user or '(none)'!r}; "
                "check NEO4J_USER and NEO4J_PASSWORD") from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.uri} ({_first_line(exc)}); start it (scripts/neo4j-local start, "
                "or docker compose up neo4j) or fix PREVGRAPH_STORE / --store") from exc
        except Neo4jError as exc:
            if exc.code and "DatabaseNotFound" in exc.code:
                raise StoreUnavailable(f"Neo4j at {self.uri} has no database {self.database!r}; "
                                       "check NEO4J_DATABASE") from exc
            raise StoreError(f"Neo4j at {self.uri} failed: {exc.code}: {_first_line(exc)}") from exc
        except DriverError as exc:
            raise StoreError(f"the Neo4j driver failed talking to {self.uri}: {_first_line(exc)}") from exc

    def _session(self, access: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self._driver.session(database=self.database, bookmark_manager=self._bookmarks,
                                    default_access_mode=access)

    def _read(self, work: Callable[[_Reader], T]) -> T:
        """Run ``work``'s statements in one read session, each an auto-commit transaction run once.

        Reads are not retried (the driver's managed transactions retry for 30 s): a
        server that is down fails a read at once, so the API can say so within the
        request, and the next read, once the server is back, simply succeeds. Each
        statement is one round trip (no BEGIN and COMMIT around it).
        """
        with self._translated(), self._session(neo4j.READ_ACCESS) as session:
            return work(_Reader(session, self.batch_size))

    def _rows(self, query: str, **params: Any) -> list[neo4j.Record]:
        return self._read(lambda reader: reader.rows(query, **params))

    # --- primitives -------------------------------------------------------------------------
    def write(self, work: Callable[[StoreTx], T]) -> T:
        """One managed transaction (the driver re-runs it on transient errors), and again on a uniqueness conflict.

        A record the transaction found absent is created without a lookup; if another
        writer created it in between, the uniqueness constraint refuses the commit, and
        ``work`` runs again and finds it (up to :data:`CONFLICT_ATTEMPTS` times). A
        conflict that stays becomes a :class:`ValidationError`.
        """
        again_on_conflict = Retrying(retry=retry_if_exception_type(ConstraintError),
                                     stop=stop_after_attempt(CONFLICT_ATTEMPTS), reraise=True)
        with self._translated(), self._session() as session:
            return again_on_conflict(session.execute_write,
                                     lambda tx: _bumped(tx, work(_Neo4jTx(tx, self.batch_size))))

    def nodes(self, ids: Sequence[str]) -> dict[str, Node]:
        return self._read(lambda reader: reader.nodes_by_ids(ids))

    def edges(self, ids: Sequence[str]) -> dict[str, Edge]:
        return self._read(lambda reader: reader.edges_by_ids(ids))

    def find_nodes(self, where: NodeFilter = NodeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Node]:
        query, params = cypher.find_nodes(where)
        rows = self._rows(query, **params, offset=offset, limit=NO_LIMIT if limit is None else limit)
        return [node_from(r["n"]) for r in rows]

    def find_nodes_counted(self, where: NodeFilter = NodeFilter(), *, limit: int | None = None,
                           offset: int = 0) -> tuple[list[Node], int]:
        """The page and the count in one statement (one round trip)."""
        query, params = cypher.find_nodes_counted(where)
        row = self._rows(query, **params, offset=offset, limit=NO_LIMIT if limit is None else limit)[0]
        return [node_from(n) for n in row["nodes"]], int(row["total"])

    def count_nodes(self, where: NodeFilter = NodeFilter()) -> int:
        query, params = cypher.count_nodes(where)
        return int(self._rows(query, **params)[0]["n"])

    def _types(self, where: EdgeFilter) -> list[str]:
        known = _edge_types()
        return known if where.types is None else [t for t in known if t in where.types]

    def find_edges(self, where: EdgeFilter = EdgeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Edge]:
        types = self._types(where)
        if not types:
            return []
        query, params = cypher.find_edges(types, where)
        rows = self._rows(query, **params, offset=offset, limit=NO_LIMIT if limit is None else limit)
        return [edge_from(r["e"]) for r in rows]

    def count_edges(self, where: EdgeFilter = EdgeFilter()) -> int:
        types = self._types(where)
        if not types:
            return 0
        query, params = cypher.count_edges(types, where)
        return int(self._rows(query, **params)[0]["n"])

    def neighbourhood(self, ids: Sequence[str], direction: Direction = "both", types: Sequence[str] | None = None,
                      statuses: Sequence[str] | None = None) -> Neighbourhood:
        found = Neighbourhood({i: [] for i in ids}, {})
        known = None if types is None else [t for t in _edge_types() if t in types]
        if known == []:
            return found
        query = cypher.neighbourhood(direction, known)
        for chunk in _chunks(list(found.edges), self.batch_size):
            for row in self._rows(query, ids=list(chunk), statuses=None if statuses is None else list(statuses)):
                for node_id, edge in row["edges"]:
                    found.edges[node_id].append(edge_from(edge))
                for end in row["ends"]:
                    if end["id"] not in found.ends:
                        found.ends[end["id"]] = node_from(end)
        for edges in found.edges.values():
            edges.sort(key=lambda e: e.id)
        return found

    def select_page(self, selection: PageSelection) -> SelectedPage:
        """One statement compiled from the selection (:func:`cypher.select_page`): one round trip, only those fields."""
        query, params = cypher.select_page(selection, _edge_types())
        row = self._rows(query, **params, offset=selection.offset, limit=selection.limit)[0]
        rows = row["nodes"]
        for node in rows:
            for edges, chosen in zip(node.get("edges", ()), selection.edges, strict=True):
                edges.sort(key=_ID)
                if "id" not in chosen.fields:
                    for edge in edges:
                        del edge["id"]
        read = {*selection.fields,
                *(field for e in selection.edges for field in (*e.fields, *e.source_fields, *e.target_fields))}
        for node in rows if read & _CONVERTED_FIELDS else ():
            _stored_to_row(node)
            for edges in node.get("edges", ()):
                for edge in edges:
                    _stored_to_row(edge)
                    for end in ("source_node", "target_node"):
                        if edge.get(end) is not None:
                            _stored_to_row(edge[end])
        return SelectedPage(rows=rows, total=None if row["total"] is None else int(row["total"]))

    def find_paths(self, source: str, target: str, *, max_hops: int = 4, types: Sequence[str] | None = None,
                   statuses: Sequence[str] | None = None, via: Sequence[str] = (), avoid: Sequence[str] = (),
                   both_ways: Sequence[str] = (), from_kinds: Mapping[str, Sequence[str]] | None = None,
                   limit: int = 10) -> list[list[Edge]]:
        """One Cypher query: a variable-length pattern bounded by ``max_hops``, filters as parameters."""
        check_path_search(max_hops, limit, types, both_ways, from_kinds)
        if source == target or (types is not None and not types):
            return []
        walked = _edge_types() if types is None else list(types)
        backwards = [t for t in both_ways if t in walked]
        query = cypher.find_paths(walked, max_hops, bool(backwards), statuses=statuses is not None, avoid=bool(avoid),
                                  via=bool(via), from_kinds=bool(from_kinds))
        rows = self._rows(query, source=source, target=target, limit=limit, via=list(via), avoid=list(avoid),
                          both_ways=backwards, statuses=None if statuses is None else list(statuses),
                          from_kinds={rel: list(kinds) for rel, kinds in (from_kinds or {}).items()})
        return [[edge_from(e) for e in r["edges"]] for r in rows]

    def iter_nodes(self, batch_size: int = 5000) -> Iterator[list[Node]]:
        """Every node in id order, one read transaction per batch (each batch walks the id index from the last id)."""
        after = ""
        while batch := [node_from(r["n"]) for r in self._rows(cypher.NODES_AFTER, after=after, limit=batch_size)]:
            yield batch
            after = batch[-1].id

    def iter_edges(self, batch_size: int = 5000) -> Iterator[list[Edge]]:
        after = ""
        query = cypher.edges_after(_edge_types())
        while batch := [edge_from(r["e"]) for r in self._rows(query, after=after, limit=batch_size)]:
            yield batch
            after = batch[-1].id

    def stats(self) -> Stats:
        def counts(reader: _Reader) -> Stats:
            def pairs(query: str) -> list[tuple[str, int]]:
                return [(r["key"], r["n"]) for r in reader.rows(query)]

            return count_stats(pairs(cypher.NODE_COUNTS), pairs(cypher.EDGE_TYPE_COUNTS),
                               pairs(cypher.EDGE_STATUS_COUNTS))

        return self._read(counts)

    def clear(self) -> None:
        """Delete every ``Entity`` node and its relationships, in transactions of ``batch_size`` nodes.

        Not one transaction: deleting a million nodes at once would exhaust the server's
        memory. Anything in the database that is not prevgraph's is left alone.
        """
        def delete_some(tx: neo4j.ManagedTransaction) -> int:
            return int(tx.run(cypher.DELETE_SOME_NODES, limit=self.batch_size).single(strict=True)["n"])

        with self._translated(), self._session() as session:
            while session.execute_write(delete_some):
                pass
            session.execute_write(lambda tx: _bumped(tx, None))

    def version(self) -> int:
        return int(self._rows(cypher.STORE_VERSION)[0]["version"])

    def ping(self) -> None:
        """One query outside a managed transaction, so a server that is down fails at once (no retries)."""
        with self._translated(), self._session() as session:
            session.run(cypher.PING).consume()

    def close(self) -> None:
        self._driver.close()

    def describe(self) -> str:
        return f"neo4j:{self.uri} (database {self.database})"


def _bumped(tx: neo4j.ManagedTransaction, result: T) -> T:
    """``result``, once the store's version is raised in the same transaction (see :meth:`GraphStore.version`)."""
    tx.run(cypher.BUMP_VERSION).consume()
    return result


def make_driver(uri: str, auth: tuple[str, str] | None) -> neo4j.Driver:
    """The driver for ``uri``: bolt:// for one server, neo4j:// (and +s) routing for clusters and Aura."""
    return GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF", connection_timeout=CONNECTION_TIMEOUT,
                                connection_acquisition_timeout=CONNECTION_TIMEOUT)


def _bad_uri(uri: str, exc: BaseException) -> ConfigurationError:
    return ConfigurationError(f"the store setting {uri!r} is not a usable Neo4j URI ({_first_line(exc)}); fix "
                              "PREVGRAPH_STORE or --store (bolt://host:7687, neo4j://host, neo4j+s://host)")


def _first_line(exc: BaseException) -> str:
    """The driver's reason in a few words (its messages span lines and repeat the address)."""
    text = str(exc).strip() or type(exc).__name__
    reason = re.search(r"reason (\[Errno[^)]*)", text)
    return reason.group(1) if reason else text.splitlines()[0]
