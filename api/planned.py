"""Planned list queries: a page of nodes answered from one store selection, not field by field.

graphql-core resolves a response one field at a time. For a page of bodies with their
flows and the flows' ends that is thousands of resolver calls, object constructions
and type checks, and the store reads whole records (evidence, props) to feed them:
together several times what the data costs to read. For the list queries that ask only
for what a store selection holds (the root lists, ``nodes`` and the per-kind lists,
with their nodes' scalar fields and evidence, and their relationships or flows with
scalar fields, evidence and the ends' scalar fields) this module plans the response
instead: it walks the query's selections (after strawberry has parsed and validated
the query, and with graphql-core's own field collection, so aliases, fragments,
variables, ``@skip`` and ``@include`` behave as everywhere else), asks the store for
one :class:`~prevgraph.graph.selection.PageSelection` (one Cypher statement on Neo4j),
and writes the response from the rows.

Every other query, and any planned one that fails (a bad cursor, a page over the
limit, a store that does not answer), runs through the resolvers as usual, and they
report the errors. ``tests/api/test_planned.py`` checks both give the same responses.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from graphql import GraphQLField, GraphQLInterfaceType, GraphQLObjectType, get_named_type
from graphql.execution.collect_fields import FieldDetails, collect_subfields
from graphql.execution.values import get_argument_values
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from prevgraph.api.context import Context
from prevgraph.api.enums import FLOW_TYPES
from prevgraph.api.pagination import Connection, Page, connection, page_request
from prevgraph.api.queries import KIND_LIST_FIELDS, NodeWhere, node_filter
from prevgraph.api.types import KIND_TYPES, enum_values
from prevgraph.errors import PrevgraphError
from prevgraph.graph.selection import EdgeSelection, PageSelection, SelectedPage

#: GraphQL fields of a node that are stored fields, by GraphQL name
NODE_SCALARS = {name: name for name in ("id", "kind", "name", "aliases", "location", "pillar", "origin",
                                        "reviewed", "source")}
#: GraphQL fields of a relationship that are stored fields
EDGE_SCALARS = {"id": "id", "type": "type", "status": "status", "date": "date", "origin": "origin",
                "sourceRef": "source_ref"}
#: GraphQL fields of an evidence item, and the stored keys they show
EVIDENCE_FIELDS = {"documentId": "document", "quote": "quote", "start": "start", "end": "end", "rule": "rule"}
#: GraphQL fields of a page's PageInfo, and the attributes of :class:`~prevgraph.api.pagination.PageInfo`
PAGE_INFO_FIELDS = {"hasNextPage": "has_next_page", "hasPreviousPage": "has_previous_page",
                    "startCursor": "start_cursor", "endCursor": "end_cursor"}
#: the root field listing nodes of any kind (its ``kind`` argument filters)
ANY_KIND_LIST = "nodes"
#: the GraphQL type name of each node kind's objects
TYPE_OF_KIND = {kind: cls.__strawberry_definition__.name for kind, cls in KIND_TYPES.items()}  # type: ignore[attr-defined]

Writer = Callable[[Any], Any]
Details = list[FieldDetails]


class Unplannable(Exception):
    """The query asks for something a store selection does not hold: resolve it field by field."""


def _constant(value: Any) -> Writer:
    return lambda _: value


def _each(get: Writer, write: Writer) -> Writer:
    """Writes each item of the list ``get`` reads."""
    return lambda obj: [write(item) for item in get(obj)]


def _then(get: Writer, write: Writer) -> Writer:
    return lambda obj: write(get(obj))


def _writes(writers: list[tuple[str, Writer]]) -> Writer:
    return lambda row: {key: write(row) for key, write in writers}


class _Planner:
    """Turns one root list field's selections into a :class:`PageSelection` and a response writer."""

    def __init__(self, ctx: StrawberryGraphQLCoreExecutionContext) -> None:
        self.ctx = ctx
        self.fields: set[str] = {"kind"}
        #: per edge selection: its direction, types and statuses, and the stored fields read
        #: from the edges, their sources and their targets
        self.edges: list[tuple[EdgeSelection, set[str], set[str], set[str]]] = []

    # --- graphql-core's collection and arguments ------------------------------------------
    def subfields(self, of: GraphQLObjectType, details: Details) -> list[tuple[str, str, Details]]:
        """(response key, field name, field details) of the selections on ``details`` for objects of ``of``."""
        ctx = self.ctx
        collected = collect_subfields(ctx.schema, ctx.fragments, ctx.variable_values, ctx.operation, of, details,
                                      ctx.hide_suggestions)
        if collected.new_defer_usages:
            raise Unplannable("@defer")
        return [(key, group[0].node.name.value, group) for key, group in collected.grouped_field_set.items()]

    def arguments(self, field_def: GraphQLField, details: Details) -> dict[str, Any]:
        return get_argument_values(field_def, details[0].node, self.ctx.variable_values,
                                   details[0].fragment_variable_values, self.ctx.hide_suggestions)

    def object_types(self, of: Any) -> list[GraphQLObjectType]:
        named = get_named_type(of)
        if isinstance(named, GraphQLInterfaceType):
            return list(self.ctx.schema.get_possible_types(named))
        if isinstance(named, GraphQLObjectType):
            return [named]
        raise Unplannable(named.name)

    # --- writers ----------------------------------------------------------------------------
    def node(self, of: Any, details: Details, stored: set[str], edges: bool) -> Writer:
        """A writer of node rows for a field returning ``of``; the stored fields it reads go to ``stored``."""
        by_type: dict[str, Writer] = {}
        for object_type in self.object_types(of):
            writers: list[tuple[str, Writer]] = []
            for key, name, group in self.subfields(object_type, details):
                if name == "__typename":
                    writers.append((key, _constant(object_type.name)))
                elif name in NODE_SCALARS:
                    stored.add(NODE_SCALARS[name])
                    writers.append((key, itemgetter(NODE_SCALARS[name])))
                elif name == "evidence":
                    stored.add("evidence")
                    writers.append((key, _each(itemgetter("evidence"), self.evidence(object_type.fields[name], group))))
                elif edges and name in ("outgoingFlows", "incomingFlows", "relationships"):
                    writers.append((key, self.edge_list(object_type.fields[name], name, group)))
                else:
                    raise Unplannable(name)
            by_type[object_type.name] = _writes(writers)
        stored.add("kind")
        return lambda row: by_type[TYPE_OF_KIND[row["kind"]]](row)

    def edge_list(self, field_def: GraphQLField, name: str, details: Details) -> Writer:
        args = self.arguments(field_def, details)
        types, statuses = enum_values(args.get("types")), enum_values(args.get("statuses"))
        if name == "relationships":
            direction = args["direction"].value
        else:
            direction, types = ("out" if name == "outgoingFlows" else "in"), types or FLOW_TYPES
        stored: set[str] = set()
        sources: set[str] = set()
        targets: set[str] = set()
        write = self.edge(field_def.type, details, stored, sources, targets)
        index = len(self.edges)
        self.edges.append((EdgeSelection(direction=direction, types=types, statuses=statuses),
                           stored, sources, targets))
        return lambda row: [write(edge) for edge in row["edges"][index]]

    def edge(self, of: Any, details: Details, stored: set[str], sources: set[str], targets: set[str]) -> Writer:
        (object_type,) = self.object_types(of)
        writers: list[tuple[str, Writer]] = []
        for key, name, group in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name in EDGE_SCALARS:
                stored.add(EDGE_SCALARS[name])
                writers.append((key, itemgetter(EDGE_SCALARS[name])))
            elif name == "isFlow":
                stored.add("type")
                writers.append((key, lambda row: row["type"] in FLOW_TYPES))
            elif name == "evidence":
                stored.add("evidence")
                writers.append((key, _each(itemgetter("evidence"), self.evidence(object_type.fields[name], group))))
            elif name in ("source", "target"):
                ends = sources if name == "source" else targets
                writers.append((key, _optional(self.node(object_type.fields[name].type, group, ends, False),
                                               f"{name}_node")))
            else:
                raise Unplannable(name)
        return _writes(writers)

    def evidence(self, field_def: GraphQLField, details: Details) -> Writer:
        (object_type,) = self.object_types(field_def.type)
        writers: list[tuple[str, Writer]] = []
        for key, name, _ in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name in EVIDENCE_FIELDS:
                writers.append((key, itemgetter(EVIDENCE_FIELDS[name])))
            else:
                raise Unplannable(name)
        return _writes(writers)

    def page(self, field_def: GraphQLField, details: Details) -> tuple[Writer, bool]:
        """A writer of the connection (from an :class:`_Answer`) and whether it needs the total count."""
        (object_type,) = self.object_types(field_def.type)
        writers: list[tuple[str, Writer]] = []
        counted = False
        for key, name, group in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name == "totalCount":
                counted = True
                writers.append((key, attrgetter("total")))
            elif name == "pageInfo":
                write_info = self.page_info(object_type.fields[name], group)
                writers.append((key, _then(attrgetter("page.page_info"), write_info)))
            elif name == "edges":
                write_edge = self.page_edge(object_type.fields[name], group)
                writers.append((key, _each(attrgetter("page.edges"), write_edge)))
            else:
                raise Unplannable(name)
        return _writes(writers), counted

    def page_info(self, field_def: GraphQLField, details: Details) -> Writer:
        (object_type,) = self.object_types(field_def.type)
        writers: list[tuple[str, Writer]] = []
        for key, name, _ in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name in PAGE_INFO_FIELDS:
                writers.append((key, attrgetter(PAGE_INFO_FIELDS[name])))
            else:
                raise Unplannable(name)
        return _writes(writers)

    def page_edge(self, field_def: GraphQLField, details: Details) -> Writer:
        (object_type,) = self.object_types(field_def.type)
        writers: list[tuple[str, Writer]] = []
        for key, name, group in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name == "cursor":
                writers.append((key, attrgetter("cursor")))
            elif name == "node":
                write_node = self.node(object_type.fields[name].type, group, self.fields, True)
                writers.append((key, _then(attrgetter("node"), write_node)))
            else:
                raise Unplannable(name)
        return _writes(writers)

    def edge_selections(self) -> tuple[EdgeSelection, ...]:
        return tuple(EdgeSelection(direction=chosen.direction, types=chosen.types, statuses=chosen.statuses,
                                   fields=tuple(sorted(stored)), source_fields=tuple(sorted(sources)),
                                   target_fields=tuple(sorted(targets)))
                     for chosen, stored, sources, targets in self.edges)


def _optional(write: Writer, key: str) -> Writer:
    return lambda row: None if row[key] is None else write(row[key])


@dataclass(frozen=True)
class _Answer:
    """What a planned list's writer reads: the page (as the resolvers build it) and the store's count."""

    page: Connection
    total: int | None


@dataclass(frozen=True)
class PlannedList:
    """One root list field, planned: the selection to ask the store for, and how to write the answer."""

    selection: PageSelection
    page: Page
    write: Writer

    async def answer(self, ctx: Context) -> Any:
        found: SelectedPage = await ctx.call(ctx.store.select_page, self.selection)
        return self.write(_Answer(connection(found.rows, self.page, _counted_by_selection), found.total))


async def _counted_by_selection() -> int:
    raise AssertionError("a planned list's total comes with its selection, never from the page")


def plan_list(ctx: StrawberryGraphQLCoreExecutionContext, root: GraphQLObjectType, details: Details) -> PlannedList:
    """Plan one root list field (``nodes`` or a per-kind list such as ``bodies``), or raise :class:`Unplannable`."""
    name = details[0].node.name.value
    kind = KIND_LIST_FIELDS.get(name)
    if kind is None and name != ANY_KIND_LIST:
        raise Unplannable(name)
    planner = _Planner(ctx)
    field_def = root.fields[name]
    args = planner.arguments(field_def, details)
    if name == ANY_KIND_LIST:
        kind = args["kind"].value if args.get("kind") else None
    where = NodeWhere(**args["where"]) if args.get("where") else None
    page = page_request(args.get("first"), args.get("after"), ctx.context_value.settings.max_page_size)
    write, counted = planner.page(field_def, details)
    selection = PageSelection(where=node_filter(kind, where), limit=page.size + 1, offset=page.offset,
                              count=counted, fields=tuple(sorted(planner.fields)), edges=planner.edge_selections())
    return PlannedList(selection=selection, page=page, write=write)


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution, with queries made only of planned lists answered by :func:`plan_list`."""

    def execute_root_grouped_field_set(self, root_type: GraphQLObjectType, root_value: Any, grouped_field_set: Any,
                                       serially: bool, position_context: Any) -> Any:
        plans = None if serially or not isinstance(self.context_value, Context) else self._plan(root_type,
                                                                                                 grouped_field_set)
        if plans is None:
            return super().execute_root_grouped_field_set(root_type, root_value, grouped_field_set, serially,
                                                          position_context)
        return self._answer(plans, (root_type, root_value, grouped_field_set, serially, position_context))

    def _plan(self, root: GraphQLObjectType, grouped_field_set: Any) -> dict[str, PlannedList | str] | None:
        plans: dict[str, PlannedList | str] = {}
        try:
            for key, details in grouped_field_set.items():
                name = details[0].node.name.value
                plans[key] = root.name if name == "__typename" else plan_list(self, root, details)
        except (Unplannable, PrevgraphError):
            return None
        return plans

    async def _answer(self, plans: dict[str, PlannedList | str], resolve_args: tuple) -> Any:
        lists = {key: plan for key, plan in plans.items() if isinstance(plan, PlannedList)}
        try:
            answers = dict(zip(lists, await asyncio.gather(*(p.answer(self.context_value) for p in lists.values())),
                               strict=True))
        except PrevgraphError:
            result = super().execute_root_grouped_field_set(*resolve_args)
            return await result if self.is_awaitable(result) else result
        return {key: answers.get(key, plan) for key, plan in plans.items()}

