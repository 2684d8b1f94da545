"""Planned list queries: a page of nodes answered from one store selection, not field by field.

graphql-core resolves a response one field at a time. For a page of bodies with their
flows and the flows' ends that is thousands of resolver calls, object constructions
and type checks, and the store reads whole records (evidence, props) to feed them:
together several times what the data costs to read. For the list queries that ask only
for what a store selection holds (the root lists, ``nodes`` and the per-kind lists,
with their nodes' scalar fields and evidence, and their relationships or flows with
scalar fields, evidence and the ends' scalar fields) this module plans the response
instead: it walks the query's selections (parsed and validated as strawberry does it,
collected with graphql-core's own field collection, so aliases, fragments, variables,
``@skip`` and ``@include`` behave as everywhere else), asks the store for one
:class:`~prevgraph.graph.selection.PageSelection` (one Cypher statement on Neo4j), and
writes the response from the rows. :class:`PlannedQueries` does it for the app's
``PlannedFirst`` middleware, before the request reaches strawberry at all.

Every other query, and any planned one that fails (a bad cursor, a page over the
limit, a store that does not answer), runs through strawberry and the resolvers as
usual, and they report the errors. ``tests/api/test_planned.py`` checks both give the
same responses.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import Any

import orjson
from graphql import (
    ASTValidationRule,
    DocumentNode,
    Executor,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    VariableNode,
    Visitor,
    get_named_type,
    parse,
    specified_rules,
    visit,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from graphql.execution.values import get_argument_values
from strawberry.schema.schema import validate_document

from prevgraph.api.context import StoreCaller
from prevgraph.api.enums import FLOW_TYPES
from prevgraph.api.pagination import Connection, Page, connection, page_request
from prevgraph.api.queries import KIND_LIST_FIELDS, NodeWhere, node_filter
from prevgraph.api.schema import QUERY_CACHE_SIZE
from prevgraph.api.types import KIND_TYPES, enum_values
from prevgraph.errors import PrevgraphError
from prevgraph.graph.selection import EdgeSelection, PageSelection, SelectedPage
from prevgraph.settings import Settings

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
#: the node kind of each node type's objects, by GraphQL type name
KIND_OF_TYPE = {cls.__strawberry_definition__.name: kind for kind, cls in KIND_TYPES.items()}

Writer = Callable[[Any], Any]
#: Python source of a response value, given the name of the variable holding its row (see :class:`_Source`)
Template = Callable[[str], str]
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


class _Source:
    """Python source of a row writer, compiled once per query: one expression, no call per field.

    A page of bodies with their flows is thousands of small objects, and a writer made of
    nested closures spends more on calls than on the copying (3x here). The source holds
    only ``repr`` literals (response keys, which GraphQL restricts to names, stored
    field names and type names), generated variable names, and names bound to values
    in its own namespace; it is evaluated without builtins.
    """

    def __init__(self) -> None:
        self._names = itertools.count()
        self.values: dict[str, frozenset[str]] = {}

    def fresh(self) -> str:
        return f"v{next(self._names)}"

    def value(self, obj: frozenset[str]) -> str:
        name = f"c{next(self._names)}"
        self.values[name] = obj
        return name

    def compile(self, template: Template) -> Writer:
        return _compiled(f"lambda row: {template('row')}", tuple(self.values.items()))


@lru_cache(maxsize=256)
def _compiled(source: str, values: tuple[tuple[str, frozenset[str]], ...]) -> Writer:
    """The writer of ``source``, compiled once for a query a client repeats (compiling costs about 0.2 ms)."""
    return eval(compile(source, "<planned writer>", "eval"), {"__builtins__": {}, **dict(values)})  # noqa: S307


def _copy(field: str) -> Template:
    return lambda v: f"{v}[{field!r}]"


def _literal(value: str) -> Template:
    return lambda _: repr(value)


def _object(fields: list[tuple[str, Template]]) -> Template:
    return lambda v: "{" + ", ".join(f"{key!r}: {template(v)}" for key, template in fields) + "}"


def field_arguments(executor: Executor, field_def: GraphQLField, details: Details) -> dict[str, Any]:
    """The arguments of a field, its variables coerced, as graphql-core gives them to resolvers."""
    return get_argument_values(field_def, details[0].node, executor.variable_values,
                               details[0].fragment_variable_values, executor.hide_suggestions)


class _Planner:
    """Turns one root list field's selections into a :class:`PageSelection` and a response writer."""

    def __init__(self, executor: Executor) -> None:
        self.executor = executor
        self.source = _Source()
        self.fields: set[str] = set()
        #: per edge selection: its direction, types and statuses, and the stored fields read
        #: from the edges, their sources and their targets
        self.edges: list[tuple[EdgeSelection, set[str], set[str], set[str]]] = []

    # --- graphql-core's collection and arguments ------------------------------------------
    def subfields(self, of: GraphQLObjectType, details: Details) -> list[tuple[str, str, Details]]:
        """(response key, field name, field details) of the selections on ``details`` for objects of ``of``."""
        run = self.executor
        collected = collect_subfields(run.schema, run.fragments, run.variable_values, run.operation, of, details,
                                      run.hide_suggestions)
        if collected.new_defer_usages:
            raise Unplannable("@defer")
        return [(key, group[0].node.name.value, group) for key, group in collected.grouped_field_set.items()]

    def object_types(self, of: Any) -> list[GraphQLObjectType]:
        named = get_named_type(of)
        if isinstance(named, GraphQLInterfaceType):
            return list(self.executor.schema.get_possible_types(named))
        if isinstance(named, GraphQLObjectType):
            return [named]
        raise Unplannable(named.name)

    # --- templates of rows --------------------------------------------------------------------
    def node(self, of: Any, details: Details, stored: set[str], edges: bool) -> Template:
        """The template of node rows for a field returning ``of``; the stored fields it reads go to ``stored``.

        For an interface the selections can differ by the node's kind (inline fragments);
        kinds whose selections are the same share one template, so a query without type
        conditions reads each relationship list once, not once per kind.
        """
        variants: dict[tuple, tuple[Template, set[str]]] = {}
        for object_type in self.object_types(of):
            fields = self.subfields(object_type, details)
            selections: tuple = tuple((key, name, tuple(id(d.node) for d in group)) for key, name, group in fields)
            if any(name == "__typename" for _, name, _ in fields):
                selections += (object_type.name,)
            if selections not in variants:
                variants[selections] = (self.node_fields(object_type, fields, stored, edges), set())
            variants[selections][1].add(KIND_OF_TYPE[object_type.name])
        *tested, (last, _) = variants.values()
        kinds = [(template, self.source.value(frozenset(kinds))) for template, kinds in tested]
        if kinds or not stored:  # the kind tells the variants apart; a row of no field would not be read
            stored.add("kind")

        def by_kind(v: str) -> str:
            return "".join(f"{template(v)} if {v}['kind'] in {name} else " for template, name in kinds) + last(v)
        return by_kind if kinds else last

    def shared_field(self, object_type: GraphQLObjectType, name: str, group: Details, scalars: dict[str, str],
                     stored: set[str]) -> Template | None:
        """The template of a field nodes and relationships both have (``__typename``, a stored scalar, evidence)."""
        if name == "__typename":
            return _literal(object_type.name)
        if name in scalars:
            stored.add(scalars[name])
            return _copy(scalars[name])
        if name == "evidence":
            stored.add("evidence")
            return self.evidence(object_type.fields[name], group)
        return None

    def node_fields(self, object_type: GraphQLObjectType, fields: list[tuple[str, str, Details]], stored: set[str],
                    edges: bool) -> Template:
        templates: list[tuple[str, Template]] = []
        for key, name, group in fields:
            template = self.shared_field(object_type, name, group, NODE_SCALARS, stored)
            if template is None and edges and name in ("outgoingFlows", "incomingFlows", "relationships"):
                template = self.edge_list(object_type.fields[name], name, group)
            if template is None:
                raise Unplannable(name)
            templates.append((key, template))
        return _object(templates)

    def each(self, item: Template, items: Template) -> Template:
        """A list of ``item`` for each row of the list ``items`` gives."""
        var = self.source.fresh()
        return lambda v: f"[{item(var)} for {var} in {items(v)}]"

    def edge_list(self, field_def: GraphQLField, name: str, details: Details) -> Template:
        args = field_arguments(self.executor, field_def, details)
        types, statuses = enum_values(args.get("types")), enum_values(args.get("statuses"))
        if name == "relationships":
            direction = args["direction"].value
        else:
            direction, types = ("out" if name == "outgoingFlows" else "in"), types or FLOW_TYPES
        stored: set[str] = set()
        sources: set[str] = set()
        targets: set[str] = set()
        edge = self.edge(field_def.type, details, stored, sources, targets)
        index = len(self.edges)
        self.edges.append((EdgeSelection(direction=direction, types=types, statuses=statuses),
                           stored, sources, targets))
        return self.each(edge, lambda v: f"{v}['edges'][{index}]")

    def edge(self, of: Any, details: Details, stored: set[str], sources: set[str], targets: set[str]) -> Template:
        (object_type,) = self.object_types(of)
        templates: list[tuple[str, Template]] = []
        for key, name, group in self.subfields(object_type, details):
            template = self.shared_field(object_type, name, group, EDGE_SCALARS, stored)
            if template is None and name == "isFlow":
                stored.add("type")
                template = self.is_flow()
            elif template is None and name in ("source", "target"):
                ends = sources if name == "source" else targets
                template = self.end(self.node(object_type.fields[name].type, group, ends, False), f"{name}_node")
            if template is None:
                raise Unplannable(name)
            templates.append((key, template))
        return _object(templates)

    def is_flow(self) -> Template:
        flows = self.source.value(frozenset(FLOW_TYPES))
        return lambda v: f"({v}['type'] in {flows})"

    def end(self, node: Template, key: str) -> Template:
        """The node row at ``key`` of an edge row, or None when the store has no such node."""
        var = self.source.fresh()
        return lambda v: f"(None if ({var} := {v}[{key!r}]) is None else {node(var)})"

    def fixed_fields(self, field_def: GraphQLField, details: Details,
                     known: dict[str, str]) -> tuple[str, list[tuple[str, str | None]]]:
        """The type name of an object of scalar fields only, and its (response key, what ``known`` maps the field
        to, or None for ``__typename``)."""
        (object_type,) = self.object_types(field_def.type)
        fields: list[tuple[str, str | None]] = []
        for key, name, _ in self.subfields(object_type, details):
            if name != "__typename" and name not in known:
                raise Unplannable(name)
            fields.append((key, known.get(name)))
        return object_type.name, fields

    def evidence(self, field_def: GraphQLField, details: Details) -> Template:
        type_name, fields = self.fixed_fields(field_def, details, EVIDENCE_FIELDS)
        item = _object([(key, _literal(type_name) if stored is None else _copy(stored)) for key, stored in fields])
        return self.each(item, _copy("evidence"))

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
        type_name, fields = self.fixed_fields(field_def, details, PAGE_INFO_FIELDS)
        return _writes([(key, _constant(type_name) if attribute is None else attrgetter(attribute))
                        for key, attribute in fields])

    def page_edge(self, field_def: GraphQLField, details: Details) -> Writer:
        (object_type,) = self.object_types(field_def.type)
        writers: list[tuple[str, Writer]] = []
        for key, name, group in self.subfields(object_type, details):
            if name == "__typename":
                writers.append((key, _constant(object_type.name)))
            elif name == "cursor":
                writers.append((key, attrgetter("cursor")))
            elif name == "node":
                write_node = self.source.compile(self.node(object_type.fields[name].type, group, self.fields, True))
                writers.append((key, _then(attrgetter("node"), write_node)))
            else:
                raise Unplannable(name)
        return _writes(writers)

    def edge_selections(self) -> tuple[EdgeSelection, ...]:
        return tuple(EdgeSelection(direction=chosen.direction, types=chosen.types, statuses=chosen.statuses,
                                   fields=tuple(sorted(stored)), source_fields=tuple(sorted(sources)),
                                   target_fields=tuple(sorted(targets)))
                     for chosen, stored, sources, targets in self.edges)


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

    async def answer(self, call: StoreCaller) -> Any:
        found: SelectedPage = await call(call.store.select_page, self.selection)
        return self.write(_Answer(connection(found.rows, self.page, _counted_by_selection), found.total))


async def _counted_by_selection() -> int:
    raise AssertionError("a planned list's total comes with its selection, never from the page")


@dataclass(frozen=True)
class ListShape:
    """A root list's plan but for its page: the selection (its limit and offset left at 0) and the writer."""

    field: GraphQLField
    selection: PageSelection
    write: Writer

    def at(self, page: Page) -> PlannedList:
        return PlannedList(selection=replace(self.selection, limit=page.size + 1, offset=page.offset), page=page,
                           write=self.write)


def list_shape(executor: Executor, root: GraphQLObjectType, details: Details) -> ListShape:
    """Plan one root list field (``nodes`` or a per-kind list such as ``bodies``), or raise :class:`Unplannable`."""
    name = details[0].node.name.value
    kind = KIND_LIST_FIELDS.get(name)
    if kind is None and name != ANY_KIND_LIST:
        raise Unplannable(name)
    planner = _Planner(executor)
    field_def = root.fields[name]
    args = field_arguments(executor, field_def, details)
    if name == ANY_KIND_LIST:
        kind = args["kind"].value if args.get("kind") else None
    where = NodeWhere(**args["where"]) if args.get("where") else None
    write, counted = planner.page(field_def, details)
    selection = PageSelection(where=node_filter(kind, where), limit=0, count=counted,
                              fields=tuple(sorted(planner.fields)), edges=planner.edge_selections())
    return ListShape(field=field_def, selection=selection, write=write)


def list_page(executor: Executor, shape: ListShape, details: Details, max_page_size: int) -> Page:
    """The page a root list field's ``first`` and ``after`` ask for."""
    args = field_arguments(executor, shape.field, details)
    return page_request(args.get("first"), args.get("after"), max_page_size)


@dataclass(frozen=True)
class GraphQLRequest:
    """A GraphQL request as a JSON body gives it."""

    query: str
    variables: dict[str, Any] | None = None
    operation_name: str | None = None

    @classmethod
    def from_json(cls, body: bytes) -> GraphQLRequest | None:
        """The request in ``body``, or None when the body is not a JSON object of a single request."""
        try:
            parsed = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(parsed, dict) or not isinstance(query := parsed.get("query"), str):
            return None
        variables, operation_name = parsed.get("variables"), parsed.get("operationName")
        if not isinstance(variables, dict | None) or not isinstance(operation_name, str | None):
            return None
        return cls(query=query, variables=variables, operation_name=operation_name)


@dataclass(frozen=True)
class _Document:
    """A valid query, and its variables used only for the page of a root list (``first``, ``after``)."""

    node: DocumentNode
    page_variables: frozenset[str]


#: the arguments of a root list that choose its page
PAGE_ARGUMENTS = frozenset({"first", "after"})
#: the root fields a plan answers
LIST_FIELDS = frozenset({ANY_KIND_LIST, *KIND_LIST_FIELDS})


def page_variables(document: DocumentNode) -> frozenset[str]:
    """The variables a document uses only as ``first`` or ``after`` of root lists written in an operation.

    A plan's shape does not depend on them (:class:`ListShape`), so requests that differ
    only in them (the pages of one list) share one plan.
    """
    uses: Counter[str] = Counter()
    paging: Counter[str] = Counter()

    class Uses(Visitor):
        def enter_variable_definition(self, *_: Any) -> Any:
            return self.SKIP

        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            uses[node.name.value] += 1

    visit(document, Uses())
    for operation in document.definitions:
        if not isinstance(operation, OperationDefinitionNode):
            continue
        for field in operation.selection_set.selections:
            if isinstance(field, FieldNode) and field.name.value in LIST_FIELDS:
                paging.update(argument.value.name.value for argument in field.arguments or ()
                              if argument.name.value in PAGE_ARGUMENTS and isinstance(argument.value, VariableNode))
    return frozenset(name for name, count in paging.items() if uses[name] == count)


class PlannedQueries:
    """Planned list queries answered straight from the request, ahead of strawberry's request pipeline.

    strawberry's pipeline (the view, the schema's extensions, the execution context,
    the response's processing) costs about a millisecond a request in Python, as much
    as planning saves on a small page. A query it would accept and the plan answers is
    therefore answered here: parsed and validated as strawberry does it (the same
    token limit, :func:`strawberry.schema.schema.validate_document` with the same
    rules), its variables coerced and its fields collected by graphql-core's own
    :class:`~graphql.Executor`. Every other request, including any a planned answer
    cannot finish (invalid, unplannable, a bad cursor, a store that does not answer),
    is left to strawberry, which resolves it and reports its errors.

    Valid documents are kept per query text, and plans per query, operation and
    variables other than the page's (:func:`page_variables`): paging through a list
    plans it once.
    """

    def __init__(self, schema: GraphQLSchema, settings: Settings, rules: Sequence[type[ASTValidationRule]]) -> None:
        self.schema = schema
        self.settings = settings
        self.rules = (*specified_rules, *rules)
        self.document = lru_cache(maxsize=QUERY_CACHE_SIZE)(self._valid_document)
        self._shapes: dict[tuple[str, str | None, bytes], dict[str, ListShape | str] | None] = {}

    def _valid_document(self, query: str) -> _Document | None:
        """The query parsed and validated, or None when it has errors (strawberry reports them)."""
        try:
            document = parse(query, max_tokens=self.settings.max_query_tokens)
        except GraphQLError:
            return None
        if validate_document(self.schema, document, self.rules):
            return None
        return _Document(document, page_variables(document))

    def plan(self, request: GraphQLRequest) -> dict[str, PlannedList | str] | None:
        """Each root field's plan (or, for ``__typename``, its value), or None if the query is not made of lists."""
        document = self.document(request.query)
        if document is None:
            return None
        executor = Executor.build(self.schema, document.node, raw_variable_values=request.variables,
                                  operation_name=request.operation_name)
        root = self.schema.query_type
        if isinstance(executor, list) or executor.operation.operation is not OperationType.QUERY or root is None:
            return None
        collected = collect_fields(self.schema, executor.fragments, executor.variable_values, root,
                                   executor.operation, executor.hide_suggestions)
        if collected.new_defer_usages:
            return None
        shaped = {name: value for name, value in (request.variables or {}).items()
                  if name not in document.page_variables}
        key = (request.query, request.operation_name, orjson.dumps(shaped, option=orjson.OPT_SORT_KEYS))
        if key not in self._shapes:
            if len(self._shapes) >= QUERY_CACHE_SIZE:
                self._shapes.clear()
            self._shapes[key] = self._shape(executor, root, collected.grouped_field_set)
        shapes = self._shapes[key]
        if shapes is None:
            return None
        plans: dict[str, PlannedList | str] = {}
        try:
            for field, details in collected.grouped_field_set.items():
                shape = shapes[field]
                plans[field] = shape if isinstance(shape, str) else shape.at(
                    list_page(executor, shape, details, self.settings.max_page_size))
        except (PrevgraphError, GraphQLError):
            return None
        return plans

    @staticmethod
    def _shape(executor: Executor, root: GraphQLObjectType,
               fields: dict[str, Details]) -> dict[str, ListShape | str] | None:
        """The shape of each root field (``__typename``: its value), or None if one is not a list a plan answers."""
        try:
            return {key: root.name if details[0].node.name.value == "__typename"
                    else list_shape(executor, root, details) for key, details in fields.items()}
        except (Unplannable, PrevgraphError, GraphQLError):
            return None

    async def answer(self, request: GraphQLRequest, call: StoreCaller) -> dict[str, Any] | None:
        """The response's ``data``, or None when strawberry must answer (see the class docstring)."""
        plans = self.plan(request)
        if plans is None:
            return None
        lists = {key: plan for key, plan in plans.items() if isinstance(plan, PlannedList)}
        try:
            answers = dict(zip(lists, await asyncio.gather(*(p.answer(call) for p in lists.values())), strict=True))
        except PrevgraphError:
            return None
        return {key: answers.get(key, plan) for key, plan in plans.items()}
