"""The root Query: lookups, lists with filters and cursors, search, flows, pathways, gaps, stats.

The root fields that look something up by id, name or symbol (``node``, ``relationship``,
``byName``, ``resolution``, ``flows``, ``pathways``) are nullable: a name that names
nothing (``NOT_FOUND``) or several nodes (``AMBIGUOUS``, with the candidates) is an
error of that field alone, and the other fields of the query still answer.

Every argument that names a node (``from``, ``to``, ``via``, ``avoid``) takes an id,
a name or any alias, resolved by :func:`prevgraph.graph.lookup.resolve_node`. The
per-kind list fields (``bodies``, ``resolutions``, ...) are generated from the
ontology's node kinds by :func:`build_query`.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry

from prevgraph.api.citations import resolve_resolution
from prevgraph.api.enums import FlowStatus, Location, NodeKind, Pillar, RelationshipType
from prevgraph.api.pagination import Connection, connection, page_request
from prevgraph.api.pathways import BOTH_WAYS, PATHWAY_TYPES, rank_pathways
from prevgraph.api.planned import Unplannable, answer_page, note_fallback, plan_page
from prevgraph.api.types import (
    FLOW_TYPES,
    KIND_TYPES,
    Finding,
    FindingKind,
    Info,
    NodeType,
    Pathway,
    Relationship,
    Resolution,
    Stats,
    enum_values,
    node_object,
)
from prevgraph.errors import BadRequest, LimitExceeded, NotFound
from prevgraph.graph.analysis import find_gaps
from prevgraph.graph.analysis.paths import WALKED_FROM
from prevgraph.graph.lookup import resolve_node
from prevgraph.graph.store import MAX_PATH_HOPS, MAX_PATHS, EdgeFilter, NodeFilter
from prevgraph.schema import Node, ontology

#: most results `search` returns, and most pathways one query asks for
MAX_SEARCH = 50
MAX_PATHWAYS = 20
#: routes fetched from the store per pathway asked for, before ranking
CANDIDATES = 5


@strawberry.input(description="Filters for node lists; all given filters must hold.")
class NodeWhere:
    text: str | None = strawberry.field(default=None, description="Name or alias contains this (ignoring case).")
    location: Location | None = None
    pillar: Pillar | None = None


def node_filter(kind: str | None, where: NodeWhere | None) -> NodeFilter:
    where = where or NodeWhere()
    return NodeFilter(kind=kind, text=where.text or None,
                      location=where.location.value if where.location else None,
                      pillar=where.pillar.value if where.pillar else None)


def _selects(info: Info, name: str) -> bool:
    """Whether the query asks this field for ``name`` (directly or through a fragment)."""
    pending = [selection for field in info.selected_fields for selection in field.selections]
    while pending:
        selection = pending.pop()
        if getattr(selection, "name", None) == name:
            return True
        if not hasattr(selection, "arguments"):  # a fragment: look inside it
            pending.extend(selection.selections)
    return False


async def list_nodes(info: Info, kind: str | None, where: NodeWhere | None, first: int | None,
                     after: str | None) -> Connection[NodeType]:
    """One page of nodes (fetched with one row more, to know whether another page follows).

    A page that asks only for what a store selection holds is read in one call
    (:mod:`prevgraph.api.planned`). Otherwise the page's nodes are read whole, and when
    the query asks for ``totalCount`` the store counts in the same call
    (``find_nodes_counted``: one round trip on Neo4j); nothing is counted else.
    """
    ctx = info.context
    page = page_request(first, after, ctx.settings.max_page_size)
    flt = node_filter(kind, where)
    try:
        plan = plan_page(info.selected_fields[0])
    except Unplannable as reason:
        note_fallback(reason)
    else:
        return await answer_page(ctx, plan, flt, page)
    total: int | None = None
    if _selects(info, "totalCount"):
        rows, total = await ctx.call(ctx.store.find_nodes_counted, flt, limit=page.size + 1, offset=page.offset)
    else:
        rows = await ctx.call(ctx.store.find_nodes, flt, limit=page.size + 1, offset=page.offset)
    ctx.loaders.node.prime_many({n.id: n for n in rows})

    async def count() -> int:
        return total if total is not None else await ctx.call(ctx.store.count_nodes, flt)

    return connection([node_object(n) for n in rows], page, count)


async def resolve(info: Info, name: str, kinds: tuple[str, ...] | None = None) -> Node:
    """The node ``name`` (id, name or alias) names.

    An id is looked up through the node loader first, so the ids of one query (a
    pathway's ends, ``via`` and ``avoid``) cost one store call together; anything else
    goes to :func:`~prevgraph.graph.lookup.resolve_node` in the thread pool.
    """
    ctx = info.context
    node = await ctx.loaders.node.load(name.strip())
    if node is not None and (not kinds or node.kind in kinds):
        return node
    node = await ctx.call(resolve_node, ctx.store, name, kinds)
    ctx.loaders.node.prime(node.id, node)
    return node


def _search_rank(node: Node, text: str) -> tuple:
    """Exact name or alias first, then names starting with the text, then the rest; ties by name."""
    names = [" ".join(n.split()).casefold() for n in (node.name, *node.aliases)]
    exact = text in names
    prefix = any(n.startswith(text) for n in names)
    return (not exact, not prefix, node.name.casefold(), node.id)


def _check_hops(max_hops: int) -> None:
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise LimitExceeded(f"maxHops must be between 1 and {MAX_PATH_HOPS}, got {max_hops}")


@strawberry.type
class QueryBase:
    @strawberry.field(description="The node with this id.")
    async def node(self, info: Info, id: strawberry.ID) -> NodeType | None:
        found = await info.context.loaders.node.load(str(id))
        if found is None:
            raise NotFound(f"no node has the id {id!r}; ids look like body:human-rights-council (see `search`)")
        return node_object(found)

    @strawberry.field(description="The relationship (edge) with this id.")
    async def relationship(self, info: Info, id: strawberry.ID) -> Relationship | None:
        found = await info.context.loaders.edge.load(str(id))
        if found is None:
            raise NotFound(f"no relationship has the id {id!r}")
        return Relationship(record=found)

    @strawberry.field(description="The node an id, name or alias names (\"HRC\", \"UNHRC\", \"Human Rights Council\").")
    async def by_name(self, info: Info, name: str,
                      kinds: list[NodeKind] | None = None) -> NodeType | None:
        return node_object(await resolve(info, name, enum_values(kinds)))

    @strawberry.field(description="Nodes of any kind, filtered, a page at a time.")
    async def nodes(self, info: Info, kind: NodeKind | None = None,
                    where: NodeWhere | None = None, first: int | None = None,
                    after: str | None = None) -> Connection[NodeType]:
        return await list_nodes(info, kind.value if kind else None, where, first, after)

    @strawberry.field(description="Nodes whose name or an alias contains the text, best matches first.")
    async def search(self, info: Info, text: str, kinds: list[NodeKind] | None = None,
                     first: int = 20) -> list[NodeType]:
        if not 0 <= first <= MAX_SEARCH:
            raise LimitExceeded(f"search returns at most {MAX_SEARCH} results; first={first}")
        folded = " ".join(text.split()).casefold()
        if not folded:
            raise BadRequest("search needs some text")
        ctx = info.context
        wanted = enum_values(kinds)
        found: list[Node] = []
        for kind in wanted or (None,):
            found += await ctx.call(ctx.store.find_nodes, NodeFilter(kind=kind, text=folded), limit=500)
        ranked = sorted(found, key=lambda n: _search_rank(n, folded))[:first]
        return [node_object(n) for n in ranked]

    @strawberry.field(description="A resolution from any citation form: \"45/31\", \"A/HRC/RES/45/31\", "
                                  "\"resolution 45/31\", \"S/RES/2282 (2016)\".")
    async def resolution(self, info: Info, symbol: str) -> Resolution | None:
        node = await info.context.call(resolve_resolution, info.context.store, symbol)
        return Resolution(record=node)

    @strawberry.field(description="Relationships filtered by their ends (any name or alias), types, statuses and "
                                  "a date range; by default the information flows.")
    async def flows(
        self, info: Info,
        from_: Annotated[str | None, strawberry.argument(name="from")] = None,
        to: str | None = None,
        types: list[RelationshipType] | None = None,
        statuses: list[FlowStatus] | None = None,
        since: Annotated[str | None, strawberry.argument(description="Earliest date (ISO date or year).")] = None,
        until: Annotated[str | None, strawberry.argument(description="Latest date (ISO date or year).")] = None,
        first: int | None = None, after: str | None = None,
    ) -> Connection[Relationship] | None:
        ctx = info.context
        page = page_request(first, after, ctx.settings.max_page_size)
        source = (await resolve(info, from_)).id if from_ else None
        target = (await resolve(info, to)).id if to else None
        flt = EdgeFilter(types=enum_values(types) or FLOW_TYPES, statuses=enum_values(statuses), source=source,
                         target=target, since=since, until=until)
        rows = await ctx.call(ctx.store.find_edges, flt, limit=page.size + 1, offset=page.offset)

        async def count() -> int:
            return await ctx.call(ctx.store.count_edges, flt)

        return connection([Relationship(record=e) for e in rows], page, count)

    @strawberry.field(description="Routes from one node to another along relationships in their direction, "
                                  "ranked (fewest hops, then the strongest statuses), with each hop's evidence.")
    async def pathways(
        self, info: Info,
        from_: Annotated[str, strawberry.argument(name="from")],
        to: str,
        max_hops: int = 4,
        via: list[str] | None = None,
        avoid: list[str] | None = None,
        types: list[RelationshipType] | None = None,
        statuses: list[FlowStatus] | None = None,
        limit: int = 10,
    ) -> list[Pathway] | None:
        _check_hops(max_hops)
        if not 1 <= limit <= MAX_PATHWAYS:
            raise LimitExceeded(f"pathways returns at most {MAX_PATHWAYS} routes; limit={limit}")
        ctx = info.context
        named = await asyncio.gather(*(resolve(info, name) for name in (from_, to, *(via or ()), *(avoid or ()))))
        source, target = named[0].id, named[1].id
        via_ids = tuple(n.id for n in named[2:2 + len(via or ())])
        avoid_ids = tuple(n.id for n in named[2 + len(via or ()):])
        # more routes than asked for: parallel routes collapse, and the ranking is by status, not length
        paths = await ctx.call(ctx.store.find_paths, source, target, max_hops=max_hops,
                               types=enum_values(types) or PATHWAY_TYPES, statuses=enum_values(statuses), via=via_ids,
                               avoid=avoid_ids, both_ways=BOTH_WAYS, from_kinds=WALKED_FROM,
                               limit=min(MAX_PATHS, limit * CANDIDATES))
        return rank_pathways(source, paths, limit)

    @strawberry.field(description="The findings of the gap analyses (as `prevgraph gaps`), most important first. "
                                  "Kept per state of the store; BUSY when too many are being computed.")
    async def gaps(self, info: Info, kind: FindingKind | None = None,
                   since: Annotated[str | None, strawberry.argument(
                       description="ISO date, month or year: compare before and after it.")] = None,
                   first: int | None = None) -> list[Finding]:
        whole = info.context.whole_graph
        kinds = [kind.value] if kind else None

        def analyse() -> list:
            return find_gaps(whole.projection(), kinds=kinds, since=since)

        found = await whole.answer(("gaps", kind, since), analyse)
        return [Finding(record=f) for f in (found if first is None else found[:max(first, 0)])]

    @strawberry.field(description="Counts of nodes by kind, relationships by type and flows by status.")
    async def stats(self, info: Info) -> Stats:
        return Stats(record=await info.context.call(info.context.store.stats))


def _plural(kind: str) -> str:
    """``Body`` -> ``bodies``, ``BreakoutGroup`` -> ``breakoutGroups`` (the root list field of a kind)."""
    head = kind[0].lower() + kind[1:]
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return head[:-1] + "ies"
    return head + ("es" if head.endswith(("s", "x", "ch", "sh")) else "s")


def _kind_list_field(kind: str) -> Any:
    """A root field listing the nodes of one kind (``bodies``, ``resolutions``, ...)."""
    async def resolver(info: Info, where: NodeWhere | None = None, first: int | None = None,
                       after: str | None = None) -> Any:
        return await list_nodes(info, kind, where, first, after)

    resolver.__annotations__ = {"info": Info, "where": NodeWhere | None, "first": int | None,
                                "after": str | None, "return": Connection[KIND_TYPES[kind]]}
    return strawberry.field(resolver=resolver, description=f"{kind} nodes, filtered, a page at a time. "
                                                           f"{ontology().node_kinds[kind].description}")


#: the root list field of each node kind (``bodies`` -> ``Body``)
KIND_LIST_FIELDS: dict[str, str] = {_plural(kind): kind for kind in ontology().node_kinds}


def build_query(extra: dict[str, Any] | None = None) -> type:
    """The root Query type: :class:`QueryBase` plus one list field per node kind (and ``extra`` fields)."""
    fields = {name: _kind_list_field(kind) for name, kind in KIND_LIST_FIELDS.items()}
    fields.update(extra or {})
    return strawberry.type(type("Query", (QueryBase,), fields))
