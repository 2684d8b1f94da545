"""The embedded store: one SQLite file, no server.

SQLite in WAL mode with ``synchronous=FULL``: every load is one ``BEGIN IMMEDIATE`` ...
``COMMIT``, so a process killed in the middle of a write leaves the previous state
readable, and a concurrent reader (another process, or the API) sees a load whole or
not at all. Each record is stored as its JSON beside the columns the filters use.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import orjson

from prevgraph.errors import StoreUnavailable, ValidationError
from prevgraph.graph.merge import WritePlan
from prevgraph.graph.paths import search_paths
from prevgraph.graph.selection import EdgeSelection, Incident, PageSelection, Record, SelectedPage, page_rows
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
from prevgraph.schema import Edge, Node

_SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, search TEXT NOT NULL,
    location TEXT, pillar TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes(kind);
CREATE TABLE IF NOT EXISTS edges (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    status TEXT, data TEXT NOT NULL);
-- a node's edges by type and status: flows filtered by status read only the rows they keep
-- (these replace the (end, type) indexes of stores made before them)
DROP INDEX IF EXISTS edges_source;
DROP INDEX IF EXISTS edges_target;
CREATE INDEX IF NOT EXISTS edges_source_status ON edges(source, type, status);
CREATE INDEX IF NOT EXISTS edges_target_status ON edges(target, type, status);
CREATE INDEX IF NOT EXISTS edges_type ON edges(type, status);
CREATE TABLE IF NOT EXISTS node_docs (
    document TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (document, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_docs_id ON node_docs(id);
CREATE TABLE IF NOT EXISTS edge_docs (
    document TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (document, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edge_docs_id ON edge_docs(id);
-- the store's version (GraphStore.version): raised by every write transaction
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""
_BUMP_VERSION = ("INSERT INTO state (key, value) VALUES ('version', 1) "
                 "ON CONFLICT (key) DO UPDATE SET value = value + 1")

# SQLite allows at most 32766 host parameters per statement; stay well below.
_CHUNK = 900


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items))


def _source_kinds_filter(from_kinds: Mapping[str, Sequence[str]]) -> tuple[str, list[str]]:
    """An edges-table condition: an edge of a type in ``from_kinds`` only from a source of its kinds."""
    if not from_kinds:
        return "", []
    allowed = " OR ".join(f"(type = ? AND source IN (SELECT id FROM nodes WHERE kind IN ({_marks(kinds)})))"
                          for kinds in from_kinds.values())
    params = [*from_kinds, *(value for rel, kinds in from_kinds.items() for value in (rel, *kinds))]
    return f" AND (type NOT IN ({_marks(list(from_kinds))}) OR {allowed})", params


def _connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.executescript(_SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(
            f"cannot open the embedded store {path}: {exc}; check the path in PREVGRAPH_STORE or --store") from exc
    return conn


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def nodes_by_ids(self, ids: Sequence[str]) -> dict[str, Node]:
        return _select_nodes(self.conn, "id", list(ids))

    def edges_by_ids(self, ids: Sequence[str]) -> dict[str, Edge]:
        return _select_edges(self.conn, "id", list(ids))

    def kinds(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(list(ids)):
            found.update(self.conn.execute(f"SELECT id, kind FROM nodes WHERE id IN ({_marks(chunk)})", chunk))
        return found

    def nodes_by_document(self, document: str) -> dict[str, Node]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM node_docs WHERE document = ?", (document,))]
        return self.nodes_by_ids(ids)

    def edges_by_document(self, document: str) -> dict[str, Edge]:
        ids = [r[0] for r in self.conn.execute("SELECT id FROM edge_docs WHERE document = ?", (document,))]
        return self.edges_by_ids(ids)

    def apply(self, plan: WritePlan) -> None:
        conn = self.conn
        for chunk in _chunks(plan.delete_nodes):
            marks = _marks(chunk)
            dangling = [r[0] for r in conn.execute(
                f"SELECT id FROM edges WHERE source IN ({marks}) OR target IN ({marks})", (*chunk, *chunk))]
            self._delete_edges(dangling)
            conn.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM node_docs WHERE id IN ({marks})", chunk)
        self._delete_edges(plan.delete_edges)
        for new, verb in ((True, "INSERT"), (False, "INSERT OR REPLACE")):
            nodes = [n for n in plan.nodes if (n.id in plan.new_nodes) is new]
            edges = [e for e in plan.edges if (e.id in plan.new_edges) is new]
            try:
                conn.executemany(
                    f"{verb} INTO nodes (id, kind, name, search, location, pillar, data) VALUES (?,?,?,?,?,?,?)",
                    [(n.id, n.kind, n.name, search_key(n.name, n.aliases), n.location, n.pillar, n.model_dump_json())
                     for n in nodes])
                conn.executemany(f"{verb} INTO edges (id, type, source, target, status, data) VALUES (?,?,?,?,?,?)",
                                 [(e.id, e.type, e.source, e.target, e.status, e.model_dump_json()) for e in edges])
            except sqlite3.IntegrityError as exc:
                raise ValidationError(f"a record written as new is already in the store ({exc}); "
                                      "create adds only new records, upsert merges them") from exc
            self._replace_docs("node_docs", [(n.id, n.evidence) for n in nodes], new)
            self._replace_docs("edge_docs", [(e.id, e.evidence) for e in edges], new)

    def _delete_edges(self, ids: Sequence[str]) -> None:
        for chunk in _chunks(list(ids)):
            self.conn.execute(f"DELETE FROM edges WHERE id IN ({_marks(chunk)})", chunk)
            self.conn.execute(f"DELETE FROM edge_docs WHERE id IN ({_marks(chunk)})", chunk)

    def _replace_docs(self, table: str, rows: list[tuple[str, tuple]], new: bool) -> None:
        if not new:
            self.conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i, _ in rows])
        self.conn.executemany(f"INSERT OR IGNORE INTO {table} (document, id) VALUES (?, ?)",
                              [(ev.document, i) for i, evidence in rows for ev in evidence])


def _select_nodes(conn: sqlite3.Connection, column: str, values: list[str]) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for chunk in _chunks(values):
        for (data,) in conn.execute(f"SELECT data FROM nodes WHERE {column} IN ({_marks(chunk)})", chunk):
            node = Node.model_validate_json(data)
            found[node.id] = node
    return found


def _select_edges(conn: sqlite3.Connection, column: str, values: list[str]) -> dict[str, Edge]:
    found: dict[str, Edge] = {}
    for chunk in _chunks(values):
        for (data,) in conn.execute(f"SELECT data FROM edges WHERE {column} IN ({_marks(chunk)})", chunk):
            edge = Edge.model_validate_json(data)
            found[edge.id] = edge
    return found


def _node_where(where: NodeFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    for column, value in (("kind", where.kind), ("location", where.location), ("pillar", where.pillar)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.text:
        clauses.append("instr(search, ?) > 0")
        params.append(" ".join(where.text.split()).casefold())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _edge_where(where: EdgeFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    for column, values in (("type", where.types), ("status", where.statuses)):
        if values is not None:
            clauses.append(f"{column} IN ({_marks(values)})")
            params.extend(values)
    for column, value in (("source", where.source), ("target", where.target)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    # dates compare on their common prefix (see EdgeFilter)
    if where.since is not None:
        clauses.append("json_extract(data, '$.date') >= substr(?, 1, length(json_extract(data, '$.date')))")
        params.append(where.since)
    if where.until is not None:
        clauses.append("substr(json_extract(data, '$.date'), 1, length(?)) <= ?")
        params.extend([where.until, where.until])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _page(limit: int | None, offset: int) -> tuple[str, list[object]]:
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


class SqliteStore(GraphStore):
    """The default store: a single SQLite file (see the module docstring for its guarantees)."""

    kind = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the folder for the embedded store {self.path}: {exc.strerror}") from exc
        self._conn = _connect(str(self.path))
        self._lock = threading.RLock()

    def write(self, work: Callable[[StoreTx], T]) -> T:
        """``BEGIN IMMEDIATE`` ... ``COMMIT`` around ``work`` and the version's bump (``ROLLBACK`` if it raises);
        never re-run."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(_SqliteTx(self._conn))
                self._conn.execute(_BUMP_VERSION)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return result

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def nodes(self, ids: Sequence[str]) -> dict[str, Node]:
        with self._lock:
            return _select_nodes(self._conn, "id", list(ids))

    def edges(self, ids: Sequence[str]) -> dict[str, Edge]:
        with self._lock:
            return _select_edges(self._conn, "id", list(ids))

    def find_nodes(self, where: NodeFilter = NodeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Node]:
        clause, params = _node_where(where)
        page, page_params = _page(limit, offset)
        rows = self._query(f"SELECT data FROM nodes{clause} ORDER BY id{page}", [*params, *page_params])
        return [Node.model_validate_json(data) for (data,) in rows]

    def count_nodes(self, where: NodeFilter = NodeFilter()) -> int:
        clause, params = _node_where(where)
        return int(self._query(f"SELECT count(*) FROM nodes{clause}", params)[0][0])

    def find_edges(self, where: EdgeFilter = EdgeFilter(), *, limit: int | None = None, offset: int = 0) -> list[Edge]:
        clause, params = _edge_where(where)
        page, page_params = _page(limit, offset)
        rows = self._query(f"SELECT data FROM edges{clause} ORDER BY id{page}", [*params, *page_params])
        return [Edge.model_validate_json(data) for (data,) in rows]

    def count_edges(self, where: EdgeFilter = EdgeFilter()) -> int:
        clause, params = _edge_where(where)
        return int(self._query(f"SELECT count(*) FROM edges{clause}", params)[0][0])

    def find_paths(self, source: str, target: str, *, max_hops: int = 4, types: Sequence[str] | None = None,
                   statuses: Sequence[str] | None = None, via: Sequence[str] = (), avoid: Sequence[str] = (),
                   both_ways: Sequence[str] = (), from_kinds: Mapping[str, Sequence[str]] | None = None,
                   limit: int = 10) -> list[list[Edge]]:
        """The bounded search of :mod:`prevgraph.graph.paths`, one or two indexed queries per hop, then the edges."""
        check_path_search(max_hops, limit, types, both_ways, from_kinds)
        backwards = [t for t in both_ways if types is None or t in types]
        status_filter, status_params = "", list(statuses or ())
        if statuses is not None:
            status_filter = f" AND (status IS NULL OR status IN ({_marks(statuses)}))"
        kinds_filter, kinds_params = _source_kinds_filter(from_kinds or {})
        status_filter, status_params = status_filter + kinds_filter, status_params + kinds_params
        type_filter = f" AND type IN ({_marks(types)})" if types is not None else ""

        def in_edges(ids: Sequence[str]) -> list[tuple[str, str, str]]:
            """Steps into ``ids``: edges pointing at them, and both-ways edges leaving them, walked back."""
            steps = []
            for chunk in _chunks(list(ids)):
                steps += self._query(f"SELECT id, source, target FROM edges WHERE target IN ({_marks(chunk)})"
                                     f"{type_filter}{status_filter}", [*chunk, *(types or ()), *status_params])
                if backwards:
                    steps += self._query(f"SELECT id, target, source FROM edges WHERE source IN ({_marks(chunk)})"
                                         f" AND type IN ({_marks(backwards)}){status_filter}",
                                         [*chunk, *backwards, *status_params])
            return steps

        routes = search_paths(in_edges, source, target, max_hops=max_hops, via=via, avoid=avoid, limit=limit)
        edges = self.edges(list({i for route in routes for i in route}))
        return [[edges[i] for i in route] for route in routes]

    def neighbourhood(self, ids: Sequence[str], direction: Direction = "both", types: Sequence[str] | None = None,
                      statuses: Sequence[str] | None = None) -> Neighbourhood:
        with self._lock:
            stored, others = self._incident(ids, direction, types, statuses)
            ends = _select_nodes(self._conn, "id", sorted(others))
        return Neighbourhood({node: [Edge.model_validate_json(data) for data in edges]
                              for node, edges in stored.items()}, ends)

    def select_page(self, selection: PageSelection) -> SelectedPage:
        """The page from one read snapshot, its records' stored JSON parsed with orjson, no record built.

        Building every record (pydantic validates each) took half the time of a page of
        flows, for fields that are copied unchanged from the stored JSON anyway.
        """
        clause, params = _node_where(selection.where)
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                nodes = [orjson.loads(data) for (data,) in self._conn.execute(
                    f"SELECT data FROM nodes{clause} ORDER BY id LIMIT ? OFFSET ?",
                    [*params, selection.limit, selection.offset])]
                total = None
                if selection.count:
                    total = int(self._conn.execute(f"SELECT count(*) FROM nodes{clause}", params).fetchone()[0])
                incident = [self._incident_records([n["id"] for n in nodes], chosen) for chosen in selection.edges]
            finally:
                self._conn.execute("COMMIT")
        return page_rows(selection, nodes, incident, total)

    def _incident_records(self, ids: list[str], chosen: EdgeSelection) -> Incident:
        stored, others = self._incident(ids, chosen.direction, chosen.types, chosen.statuses)
        ends: dict[str, Record] = {}
        for chunk in _chunks(sorted(others)):
            ends.update((i, orjson.loads(data)) for i, data in self._conn.execute(
                f"SELECT id, data FROM nodes WHERE id IN ({_marks(chunk)})", chunk))
        return Incident(edges={node: [orjson.loads(data) for data in edges] for node, edges in stored.items()},
                        ends=ends)

    def _incident(self, ids: Sequence[str], direction: Direction, types: Sequence[str] | None,
                  statuses: Sequence[str] | None) -> tuple[dict[str, list[str]], set[str]]:
        """The stored JSON of each node's edges in ``direction`` (in edge id order), and the ids at their other ends.

        Call with the lock held.
        """
        found: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
        seen: set[tuple[str, str]] = set()
        others: set[str] = set()
        ends = {"out": ("source",), "in": ("target",), "both": ("source", "target")}[direction]
        type_clause = f" AND type IN ({_marks(types)})" if types is not None else ""
        status_clause = f" AND status IN ({_marks(statuses)})" if statuses is not None else ""
        for chunk in _chunks(list(ids)):
            for end in ends:
                rows = self._conn.execute(
                    f"SELECT id, source, target, data FROM edges WHERE {end} IN ({_marks(chunk)}){type_clause}"
                    f"{status_clause}", [*chunk, *(types or ()), *(statuses or ())])
                for edge_id, source, target, data in rows:
                    node, other = (source, target) if end == "source" else (target, source)
                    if (node, edge_id) not in seen:
                        seen.add((node, edge_id))
                        found[node].append((edge_id, data))
                        others.add(other)
        return {node: [data for _, data in sorted(edges)] for node, edges in found.items()}, others

    def _iter(self, table: str, batch_size: int) -> Iterator[list[str]]:
        """Rows of ``table`` from one read snapshot (a separate connection), in id order."""
        with closing(sqlite3.connect(str(self.path), isolation_level=None)) as conn:
            conn.execute("BEGIN")
            last = ""
            while True:
                rows = conn.execute(f"SELECT id, data FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
                                    (last, batch_size)).fetchall()
                if not rows:
                    break
                last = rows[-1][0]
                yield [data for _, data in rows]
            conn.execute("COMMIT")

    def iter_nodes(self, batch_size: int = 5000) -> Iterator[list[Node]]:
        for rows in self._iter("nodes", batch_size):
            yield [Node.model_validate_json(data) for data in rows]

    def iter_edges(self, batch_size: int = 5000) -> Iterator[list[Edge]]:
        for rows in self._iter("edges", batch_size):
            yield [Edge.model_validate_json(data) for data in rows]

    def stats(self) -> Stats:
        return count_stats(
            self._query("SELECT kind, count(*) FROM nodes GROUP BY kind"),
            self._query("SELECT type, count(*) FROM edges GROUP BY type"),
            self._query("SELECT status, count(*) FROM edges WHERE status IS NOT NULL GROUP BY status"),
        )

    def clear(self) -> None:
        def delete_all(tx: StoreTx) -> None:
            for table in ("nodes", "edges", "node_docs", "edge_docs"):
                self._conn.execute(f"DELETE FROM {table}")

        self.write(delete_all)

    def version(self) -> int:
        rows = self._query("SELECT value FROM state WHERE key = 'version'")
        return int(rows[0][0]) if rows else 0

    def ping(self) -> None:
        try:
            self._query("SELECT 1")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"the embedded store {self.path} does not answer: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def describe(self) -> str:
        return f"sqlite:{self.path}"
