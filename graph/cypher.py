"""Every Cypher statement prevgraph sends to Neo4j, in one place.

Values always travel as parameters (``$ids``, ``$rows``, ...); no value is ever
formatted into query text. Two things cannot be parameters in Cypher and are
therefore built here from names of the ontology only, each checked by
:func:`identifier` first:

- schema statements (``CREATE CONSTRAINT``/``CREATE INDEX`` take no parameters), one
  uniqueness constraint and one text index per relationship type;
- reads that look relationships up by property: Neo4j indexes relationships per
  type, so a lookup by id or by document is a ``UNION ALL`` of one indexed branch
  per relationship type of the ontology;
- ``MERGE`` of relationships, one statement per type (see :func:`merge_edges`).

Node kind labels are written with Neo4j 5.26's dynamic labels (``SET n:$($kind[i])``),
which take them as parameters, and so are the types of relationships created
(``CREATE_EDGES``). ``MERGE`` with a dynamic type scans every relationship, so each type
has its own ``MERGE`` statement. Rows travel as columns, one list per property
(``$id``, ``$kind``, ...): the driver encodes a key once, not once a row.

The graph model: every node has the label ``Entity`` (unique ``id``) plus its kind as
a second label; every relationship has its ontology type. Records are stored as
properties: scalars as themselves, ``aliases`` and ``documents`` as string lists,
``props`` and ``evidence`` as JSON strings, plus ``search_key`` (the case-folded
names that ``NodeFilter.text`` matches) and ``documents_key`` (the document ids
between ``\\x1f`` separators, text-indexed: Neo4j indexes cannot answer membership in
a list property, but a text index answers ``CONTAINS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prevgraph.graph.selection import EdgeSelection, PageSelection
from prevgraph.graph.store import EdgeFilter, NodeFilter
from prevgraph.schema.ontology import ontology

ENTITY = "Entity"
DOCUMENT_SEPARATOR = "\x1f"

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

# --- schema ---------------------------------------------------------------------------

SHOW_SCHEMA_NAMES = ("SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name")
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

NODE_SCHEMA: dict[str, str] = {
    "prevgraph_entity_id": "CREATE CONSTRAINT prevgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "prevgraph_entity_kind": "CREATE INDEX prevgraph_entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)",
    "prevgraph_entity_location": "CREATE INDEX prevgraph_entity_location IF NOT EXISTS FOR (n:Entity) ON (n.location)",
    "prevgraph_entity_search":
        "CREATE TEXT INDEX prevgraph_entity_search IF NOT EXISTS FOR (n:Entity) ON (n.search_key)",
    "prevgraph_entity_documents":
        "CREATE TEXT INDEX prevgraph_entity_documents IF NOT EXISTS FOR (n:Entity) ON (n.documents_key)",
}


def identifier(name: str) -> str:
    """``name`` if it is a plain Cypher identifier (letters, digits, underscore), else ValueError.

    Only ontology names reach query text, and only through this check.
    """
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"{name!r} is not a plain identifier and cannot name a label or relationship type")
    return name


def relationship_schema(rel_type: str) -> dict[str, str]:
    """The constraint (unique ``id``, which also indexes it) and the document index of one relationship type."""
    t = identifier(rel_type)
    low = t.lower()
    return {
        f"prevgraph_{low}_id":
            f"CREATE CONSTRAINT prevgraph_{low}_id IF NOT EXISTS FOR ()-[r:{t}]-() REQUIRE r.id IS UNIQUE",
        f"prevgraph_{low}_documents":
            f"CREATE TEXT INDEX prevgraph_{low}_documents IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.documents_key)",
    }


# --- nodes ----------------------------------------------------------------------------

#: the properties a node record is read from (not the index keys ``search_key``, ``documents``...)
_NODE_FIELDS = ".id, .kind, .name, .aliases, .location, .pillar, .origin, .reviewed, .source, .props, .evidence"
_EDGE_FIELDS = ".id, .status, .blocks, .date, .origin, .source_ref, .props, .evidence"


def node_map(var: str) -> str:
    """The node ``var`` as the map :func:`prevgraph.graph.neo4j_store.node_from` reads."""
    return f"{identifier(var)} {{{_NODE_FIELDS}}}"


NODE = f"{node_map('n')} AS n"

NODES_BY_IDS = f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}) RETURN {NODE}"

NODES_BY_DOCUMENT = f"MATCH (n:Entity) WHERE n.documents_key CONTAINS $key AND $document IN n.documents RETURN {NODE}"

NODES_AFTER = f"MATCH (n:Entity) WHERE n.id > $after RETURN {NODE} ORDER BY n.id LIMIT $limit"

NODE_COUNTS = "MATCH (n:Entity) RETURN n.kind AS key, count(*) AS n"

#: the properties a node is written with, in this order; each travels as one list (a column)
NODE_PROPERTIES = ("id", "kind", "name", "aliases", "location", "pillar", "origin", "reviewed", "source", "props",
                   "evidence", "documents", "documents_key", "search_key")
#: the properties a relationship is written with (its type and ends travel as columns too)
EDGE_PROPERTIES = ("id", "status", "blocks", "date", "origin", "source_ref", "props", "evidence", "documents",
                   "documents_key")

#: every write statement takes its rows as columns: parallel lists, row ``i`` the ``i``-th item of each
_ROWS = "UNWIND range(0, size($id) - 1) AS i"


def _column_map(keys: Iterable[str]) -> str:
    """``{k: $k[i], ...}``: the properties of row ``i`` as a map literal."""
    return "{" + ", ".join(f"{identifier(k)}: ${identifier(k)}[i]" for k in keys) + "}"


def _column_sets(var: str, keys: Iterable[str]) -> str:
    """``var.k = $k[i], ...``: one ``SET`` item per property, so that no ``Eager`` is planned (``SET var = map`` may
    write the key a ``MERGE`` reads, which makes Neo4j materialise every row first)."""
    return ", ".join(f"{identifier(var)}.{identifier(k)} = ${identifier(k)}[i]" for k in keys)


MERGE_NODES = (f"{_ROWS} MERGE (n:Entity {{id: $id[i]}}) "
               f"SET {_column_sets('n', NODE_PROPERTIES[1:])} SET n:$($kind[i])")

#: nodes known not to be stored yet: no lookup before each write
CREATE_NODES = f"{_ROWS} CREATE (n:Entity:$($kind[i]) {_column_map(NODE_PROPERTIES)})"

DELETE_NODES = "UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n"

#: which of ``$ids`` are stored, with their kinds, as one row of [id, kind] pairs
KINDS_BY_IDS = "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN collect([id, n.kind]) AS kinds"

DELETE_SOME_NODES = "MATCH (n:Entity) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n"


def _match_nodes(where: NodeFilter) -> tuple[str, dict[str, object]]:
    """``MATCH (n:Entity...) WHERE ...`` for ``where``.

    A kind of the ontology is also matched as the node's label, so Neo4j starts from
    the few nodes of that kind rather than from every node in a location.
    """
    label = ":" + identifier(where.kind) if where.kind in ontology().node_kinds else ""
    clauses = ["n.id IS NOT NULL"]  # lets the planner walk the id index in order
    params: dict[str, object] = {}
    for name in ("kind", "location", "pillar"):
        value = getattr(where, name)
        if value is not None:
            clauses.append(f"n.{name} = ${name}")
            params[name] = value
    if where.text:
        clauses.append("n.search_key CONTAINS $text")
        params["text"] = " ".join(where.text.split()).casefold()
    return f"MATCH (n:Entity{label}) WHERE {' AND '.join(clauses)}", params


def find_nodes(where: NodeFilter) -> tuple[str, dict[str, object]]:
    """Nodes matching ``where`` in id order; the caller adds ``offset`` and ``limit``."""
    match, params = _match_nodes(where)
    return f"{match} RETURN {NODE} ORDER BY n.id SKIP $offset LIMIT $limit", params


def count_nodes(where: NodeFilter) -> tuple[str, dict[str, object]]:
    match, params = _match_nodes(where)
    return f"{match} RETURN count(n) AS n", params


def find_nodes_counted(where: NodeFilter) -> tuple[str, dict[str, object]]:
    """One row: ``total``, how many nodes match ``where``, and ``nodes``, the page (``$offset``, ``$limit``)."""
    match, params = _match_nodes(where)
    return (f"CALL () {{ {match} RETURN count(n) AS total }} "
            f"CALL () {{ {match} WITH n ORDER BY n.id SKIP $offset LIMIT $limit "
            f"RETURN collect({node_map('n')}) AS nodes }} "
            "RETURN total, nodes"), params


# --- relationships ----------------------------------------------------------------------

EDGE = f"r {{{_EDGE_FIELDS}, type: type(r), source: source, target: target}} AS e"
_BRANCH_RETURN = "RETURN r, a.id AS source, b.id AS target"


def _union(types: Iterable[str], branch: str) -> str:
    """``CALL { <branch for type 1> UNION ALL <branch for type 2> ... }``; ``branch`` has a ``{t}`` slot."""
    parts = [branch.format(t=identifier(t)) for t in types]
    if not parts:
        raise ValueError("a relationship query needs at least one relationship type")
    return "CALL {\n  " + "\n  UNION ALL\n  ".join(parts) + "\n}"


def edges_by_ids(types: Iterable[str]) -> str:
    branch = "MATCH (a:Entity)-[r:{t}]->(b:Entity) WHERE r.id IN $ids " + _BRANCH_RETURN
    return f"{_union(types, branch)}\nRETURN {EDGE}"


def edges_by_document(types: Iterable[str]) -> str:
    branch = ("MATCH (a:Entity)-[r:{t}]->(b:Entity) WHERE r.documents_key CONTAINS $key AND $document IN r.documents "
              + _BRANCH_RETURN)
    return f"{_union(types, branch)}\nRETURN {EDGE}"


def edges_after(types: Iterable[str]) -> str:
    """The next ``$limit`` edges with ids above ``$after``: each branch walks its type's id index in order."""
    branch = f"MATCH (a:Entity)-[r:{{t}}]->(b:Entity) WHERE r.id > $after {_BRANCH_RETURN} ORDER BY r.id LIMIT $limit"
    return f"{_union(types, branch)}\nRETURN {EDGE} ORDER BY r.id LIMIT $limit"


def _edge_where(where: EdgeFilter) -> tuple[str, dict[str, object]]:
    clauses = ["r.id IS NOT NULL"]
    params: dict[str, object] = {}
    if where.statuses is not None:
        clauses.append("r.status IN $statuses")
        params["statuses"] = list(where.statuses)
    for name, end in (("source", "a"), ("target", "b")):
        value = getattr(where, name)
        if value is not None:
            clauses.append(f"{end}.id = ${name}")
            params[name] = value
    # dates compare on their common prefix (see EdgeFilter)
    if where.since is not None:
        clauses.append("r.date >= substring($since, 0, size(r.date))")
        params["since"] = where.since
    if where.until is not None:
        clauses.append("substring(r.date, 0, size($until)) <= $until")
        params["until"] = where.until
    return " AND ".join(clauses), params


def find_edges(types: Iterable[str], where: EdgeFilter) -> tuple[str, dict[str, object]]:
    """Edges of ``types`` matching ``where`` in id order; the caller adds ``offset`` and ``limit``."""
    clause, params = _edge_where(where)
    branch = f"MATCH (a:Entity)-[r:{{t}}]->(b:Entity) WHERE {clause} " + _BRANCH_RETURN
    return f"{_union(types, branch)}\nRETURN {EDGE} ORDER BY r.id SKIP $offset LIMIT $limit", params


def count_edges(types: Iterable[str], where: EdgeFilter) -> tuple[str, dict[str, object]]:
    clause, params = _edge_where(where)
    branch = f"MATCH (a:Entity)-[r:{{t}}]->(b:Entity) WHERE {clause} RETURN r"
    return f"{_union(types, branch)}\nRETURN count(r) AS n", params


#: a relationship ``r`` as the map :func:`prevgraph.graph.neo4j_store.edge_from` reads
_EDGE_MAP = f"r {{{_EDGE_FIELDS}, type: type(r), source: startNode(r).id, target: endNode(r).id}}"

_ARROWS = {"out": ("-", "->"), "in": ("<-", "-"), "both": ("-", "-")}


def neighbourhood(direction: str, types: Iterable[str] | None) -> str:
    """One row: ``edges``, [id, edge] pairs for the ids in ``$ids``, and ``ends``, the nodes at their other ends.

    The types are written into the pattern (so Neo4j follows only relationships of those
    types, not every relationship of a hub); ``$statuses`` is null or a list. One row of
    lists, each end node once, because the driver spends far more on a record than on
    an item of a list.
    """
    left, right = _ARROWS[direction]
    typed = "" if types is None else ":" + "|".join(identifier(t) for t in types)
    return (f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}){left}[r{typed}]{right}(m:Entity) "
            "WHERE $statuses IS NULL OR r.status IN $statuses "
            "WITH DISTINCT id, r, m "
            f"WITH collect([id, {_EDGE_MAP}]) AS edges, collect(DISTINCT m) AS ends "
            f"RETURN edges, [m IN ends | {node_map('m')}] AS ends")


#: how a selected edge field is read from ``r`` and its ends ``a`` (start) and ``b`` (end)
_SELECTED_EDGE_FIELDS = {"type": "type(r)", "source": "a.id", "target": "b.id"}


def _selected_map(var: str, fields: Iterable[str], computed: dict[str, str] | None = None) -> str:
    """A map projection of ``fields`` of ``var`` (names checked), some of them ``computed`` expressions."""
    computed = computed or {}
    items = [f"{identifier(f)}: {computed[f]}" if f in computed else f".{identifier(f)}" for f in fields]
    return f"{identifier(var)} {{{', '.join(items)}}}"


#: the start and end of ``r`` in ``(n)-[r]-(m)`` by direction, from the pattern where it tells
_ENDS = {"out": ("n", "m"), "in": ("m", "n"), "both": ("startNode(r)", "endNode(r)")}


def _selected_edges(index: int, chosen: EdgeSelection, types: list[str]) -> str:
    """A ``CALL (n)`` subquery collecting the selected edges of ``n`` (with their ids) as ``edges<index>``.

    Unordered: the store sorts each node's edges by id in Python, far cheaper than an
    ``ORDER BY`` per node in Cypher on the hubs' thousands of edges. An undirected
    pattern meets a self-loop twice, so only there are the edges made distinct.
    """
    left, right = _ARROWS[chosen.direction]
    typed = ":" + "|".join(identifier(t) for t in types)
    status = f" WHERE r.status IN $statuses{index}" if chosen.statuses is not None else ""
    start, end = _ENDS[chosen.direction]
    distinct = "DISTINCT " if chosen.direction == "both" else ""
    ends = {key: _selected_map(var, fields) for key, var, fields in
            (("source_node", "a", chosen.source_fields), ("target_node", "b", chosen.target_fields)) if fields}
    fields = chosen.fields if "id" in chosen.fields else ("id", *chosen.fields)
    edge = _selected_map("r", (*fields, *ends), {**_SELECTED_EDGE_FIELDS, **ends})
    return (f"CALL (n) {{ OPTIONAL MATCH (n){left}[r{typed}]{right}(m:Entity){status} "
            f"WITH {distinct}r, {start} AS a, {end} AS b "
            f"RETURN collect({edge}) AS edges{index} }}")


def select_page(selection: PageSelection, edge_types: list[str]) -> tuple[str, dict[str, object]]:
    """One statement answering ``selection``: one row with ``total`` (null unless counted) and ``nodes``.

    Each node map holds the selected fields and ``edges``, one list per edge selection,
    collected by a ``CALL (n)`` subquery that follows only the selected relationship
    types (``edge_types`` lists the ontology's types, in the order they are written).
    Parameters: ``$offset``, ``$limit``, the filter's, and ``$statuses<i>`` per edge
    selection with statuses.
    """
    match, params = _match_nodes(selection.where)
    calls, lists = [], []
    for index, chosen in enumerate(selection.edges):
        types = [t for t in edge_types if chosen.types is None or t in chosen.types]
        if not types:
            lists.append("[]")
            continue
        calls.append(_selected_edges(index, chosen, types))
        lists.append(f"edges{index}")
        if chosen.statuses is not None:
            params[f"statuses{index}"] = list(chosen.statuses)
    edges = {"edges": f"[{', '.join(lists)}]"} if selection.edges else {}
    node = _selected_map("n", (*selection.fields, *edges), edges)
    count = f"CALL () {{ {match} RETURN count(n) AS total }} " if selection.count else ""
    return (f"{count}CALL () {{ {match} WITH n ORDER BY n.id SKIP $offset LIMIT $limit {' '.join(calls)} "
            f"RETURN collect({node}) AS nodes }} RETURN {'total' if selection.count else 'null AS total'}, nodes",
            params)


def find_paths(types: Iterable[str], max_hops: int, both_ways: bool, *, statuses: bool = False,
               avoid: bool = False, via: bool = False, from_kinds: bool = False) -> str:
    """Routes from ``$source`` to ``$target`` as lists of edge maps, shortest first, then by ids (``$limit`` of them).

    The relationship types and the hop bound are written into the pattern (Cypher takes
    neither as a parameter): the types are checked by :func:`identifier`, the bound is
    an ``int`` the caller has checked against ``MAX_PATH_HOPS``. ``$statuses``, ``$via``,
    ``$avoid``, ``$from_kinds`` (relationship type -> kinds of source node it is walked
    from) and ``$both_ways`` are parameters, each tested only when its flag says the
    search has one (a test of an empty filter still reads a property of every step of
    every candidate route). With ``both_ways`` the pattern is undirected and each step
    must follow its edge's direction unless the edge's type is in ``$both_ways``.
    """
    if isinstance(max_hops, bool) or not isinstance(max_hops, int) or max_hops < 1:
        raise ValueError(f"the hop bound must be a positive int, not {max_hops!r}")
    pattern = "|".join(identifier(t) for t in types)
    if not pattern:
        raise ValueError("a path search needs at least one relationship type")
    arrow = "-" if both_ways else "->"
    tests = ["all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))"]
    if both_ways:
        tests.append("all(i IN range(0, size(rels) - 1) WHERE startNode(rels[i]) = nodes(p)[i] "
                     "OR type(rels[i]) IN $both_ways)")
    if statuses:
        tests.append("all(r IN rels WHERE r.status IS NULL OR r.status IN $statuses)")
    if avoid:
        tests.append("none(n IN nodes(p) WHERE n.id IN $avoid)")
    if via:
        tests.append("all(v IN $via WHERE any(n IN nodes(p) WHERE n.id = v))")
    if from_kinds:
        tests.append("all(r IN rels WHERE NOT type(r) IN keys($from_kinds) "
                     "OR startNode(r).kind IN $from_kinds[type(r)])")
    where = " AND ".join(tests)
    return (
        "MATCH (s:Entity {id: $source}), (t:Entity {id: $target}) "
        f"MATCH p = (s)-[rels:{pattern}*1..{max_hops}]{arrow}(t) "
        f"WHERE {where} "
        "WITH rels, [r IN rels | r.id] AS ids ORDER BY size(ids), ids LIMIT $limit "
        f"RETURN [r IN rels | {_EDGE_MAP}] AS edges"
    )


EDGE_TYPE_COUNTS = "MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS key, count(*) AS n"

EDGE_STATUS_COUNTS = "MATCH (:Entity)-[r]->(:Entity) WHERE r.status IS NOT NULL RETURN r.status AS key, count(*) AS n"

_MATCH_ENDS = "MATCH (a:Entity {id: $source[i]}) MATCH (b:Entity {id: $target[i]})"

#: relationships known not to be stored yet, of any types (``$type``): ``CREATE`` takes a dynamic type without
#: a scan, so one statement writes them all; returns how many were written (a row whose ends are missing is not)
CREATE_EDGES = (f"{_ROWS} {_MATCH_ENDS} CREATE (a)-[r:$($type[i]) {_column_map(EDGE_PROPERTIES)}]->(b) "
                "RETURN count(r) AS n")


def merge_edges(rel_type: str) -> str:
    """Merge rows of one relationship type on their id; returns how many were written (not a row missing an end).

    The type is in the text, not a parameter: with a dynamic type (``[r:$(row.type)]``)
    Neo4j 5.26 plans ``MERGE`` as a scan of every relationship, once per row. The
    ``MERGE`` finds a stored relationship by the uniqueness constraint's index on ``id``.
    """
    t = identifier(rel_type)
    return (f"{_ROWS} {_MATCH_ENDS} MERGE (a)-[r:{t} {{id: $id[i]}}]->(b) "
            f"SET {_column_sets('r', EDGE_PROPERTIES[1:])} RETURN count(r) AS n")


def delete_edges(types: Iterable[str]) -> str:
    return f"{_union(types, 'MATCH ()-[r:{t}]->() WHERE r.id IN $ids RETURN r')}\nDELETE r"


PING = "RETURN 1 AS ok"

# The store's version (GraphStore.version) sits on one node outside the graph (not an
# ``Entity``: never read as a node, left alone by ``clear``). Without a uniqueness
# constraint two first writes at once may each create one; the version is therefore the
# sum over them, which every bump raises all the same.
BUMP_VERSION = "MERGE (s:PrevgraphState {key: 'store'}) SET s.version = coalesce(s.version, 0) + 1"
STORE_VERSION = "OPTIONAL MATCH (s:PrevgraphState {key: 'store'}) RETURN coalesce(sum(s.version), 0) AS version"
