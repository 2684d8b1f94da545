"""Planned list pages: a root list's page read in one store selection, then resolved as every query is.

Resolving a page of bodies with their flows and the flows' ends field by field reads
whole records (evidence, props) through the DataLoaders: several store calls and much
more data than the answer holds. When a root list (``nodes`` or a per-kind list such as
``bodies``) asks only for what a store selection holds, its resolver plans the page from
its own selections (``info.selected_fields``, strawberry's public view of them) and reads
it with one :meth:`~prevgraph.graph.store.GraphStore.select_page` (one Cypher statement
on Neo4j): the nodes' stored scalars, their evidence if asked for, the relationship
lists asked for, and the nodes at the relationships' ends. The objects it builds from
the rows are the API's ordinary types, which then resolve the query as any other:
there is one execution path, strawberry's, with its extensions and limits.

What a plan can answer is derived from the types, not listed here: a field of a node,
relationship or evidence type that is a plain attribute (no resolver: set from the
record in ``__post_init__``) is a stored scalar; ``evidence`` reads the record's
evidence; the relationship lists are :data:`~prevgraph.api.types.EDGE_LISTS`; the
ends of a relationship are ``source`` and ``target``. Anything else (``props``, a
kind's own relationship fields, the document behind an evidence item) makes the list
resolve field by field; :data:`FALLBACKS` counts those by the field that caused them
and each is logged at debug level.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import get_object_definition
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry.types.private import is_private

from prevgraph.api.context import Context
from prevgraph.api.pagination import Connection, Page, PageInfo, connection
from prevgraph.api.types import (
    EDGE_LISTS,
    KIND_TYPES,
    EdgeListKey,
    Evidence,
    NodeType,
    Relationship,
    node_object,
)
from prevgraph.graph.selection import EDGE_FIELDS, NODE_FIELDS, EdgeSelection, PageSelection, Row
from prevgraph.graph.store import NodeFilter
from prevgraph.schema import Edge, Node
from prevgraph.schema import Evidence as EvidenceRecord

log = logging.getLogger(__name__)

#: how many list queries were resolved field by field, by the field that could not be planned
FALLBACKS: Counter[str] = Counter()


def plain_fields(cls: type) -> frozenset[str]:
    """The GraphQL names of a strawberry type's fields that are plain attributes (no resolver)."""
    converter = NameConverter()
    return frozenset(converter.get_graphql_name(f) for f in get_object_definition(cls, strict=True).fields
                     if f.base_resolver is None and not is_private(f.type))


#: the fields a plan answers, per type: the plain attributes, plus those named in the module docstring
NODE_PLAIN = frozenset().union(*(plain_fields(cls) for cls in KIND_TYPES.values()))
EDGE_PLAIN = plain_fields(Relationship)
EVIDENCE_PLAIN = plain_fields(Evidence)
PAGE_INFO_PLAIN = plain_fields(PageInfo)
#: what a plan always reads of a node or an edge: every stored field but the evidence (read when asked for)
NODE_BASE = tuple(f for f in NODE_FIELDS if f != "evidence")
EDGE_BASE = tuple(f for f in EDGE_FIELDS if f != "evidence")


class Unplannable(Exception):
    """The query asks for something a store selection does not hold: resolve it field by field."""


def _included(directives: dict[str, dict[str, Any]]) -> bool:
    """Whether ``@skip`` and ``@include`` (their arguments as the selections give them) keep a selection."""
    return not directives.get("skip", {}).get("if", False) and directives.get("include", {}).get("if", True)


def _fields(selections: list[Selection]) -> list[SelectedField]:
    """The fields among ``selections``, with those of the fragments they spread, minus skipped ones.

    A type condition is not looked at: every field it selects must be plannable, for
    whichever kind it names, which is what the plan checks.
    """
    found: list[SelectedField] = []
    for selection in selections:
        if not _included(selection.directives):
            continue
        if isinstance(selection, SelectedField):
            if selection.name != "__typename":
                found.append(selection)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            found += _fields(selection.selections)
    return found


def _scalars(selections: list[Selection], plain: frozenset[str]) -> None:
    """Refuse an object selection asking anything but the plain attributes ``plain``."""
    for selected in _fields(selections):
        if selected.name not in plain:
            raise Unplannable(selected.name)


@dataclass
class _Ends:
    """What an edge list's relationships ask of themselves and of their ends."""

    evidence: bool = False
    source: bool = False
    target: bool = False
    end_evidence: bool = False


@dataclass
class PagePlan:
    """What a root list's selections ask for, in store terms."""

    count: bool = False
    evidence: bool = False
    edges: dict[EdgeListKey, _Ends] = field(default_factory=dict)

    def selection(self, where: NodeFilter, page: Page) -> PageSelection:
        ends = [*NODE_BASE, *(("evidence",) if any(e.end_evidence for e in self.edges.values()) else ())]
        return PageSelection(
            where=where, limit=page.size + 1, offset=page.offset, count=self.count,
            fields=(*NODE_BASE, *(("evidence",) if self.evidence else ())),
            edges=tuple(EdgeSelection(direction=direction, types=types, statuses=statuses,  # type: ignore[arg-type]
                                      fields=(*EDGE_BASE, *(("evidence",) if wanted.evidence else ())),
                                      source_fields=tuple(ends) if wanted.source else (),
                                      target_fields=tuple(ends) if wanted.target else ())
                        for (direction, types, statuses), wanted in self.edges.items()))


def plan_page(root: SelectedField) -> PagePlan:
    """The plan of one root list field from its selections, or :class:`Unplannable`."""
    plan = PagePlan()
    for selected in _fields(root.selections):
        if selected.name == "totalCount":
            plan.count = True
        elif selected.name == "pageInfo":
            _scalars(selected.selections, PAGE_INFO_PLAIN)
        elif selected.name == "edges":
            for item in _fields(selected.selections):
                if item.name == "node":
                    _page_node(item.selections, plan)
                elif item.name != "cursor":
                    raise Unplannable(item.name)
        else:
            raise Unplannable(selected.name)
    return plan


def _page_node(selections: list[Selection], plan: PagePlan) -> None:
    for selected in _fields(selections):
        if selected.name == "evidence":
            _scalars(selected.selections, EVIDENCE_PLAIN)
            plan.evidence = True
        elif selected.name in EDGE_LISTS:
            try:
                key = EDGE_LISTS[selected.name](**selected.arguments)
            except (KeyError, TypeError) as exc:
                raise Unplannable(selected.name) from exc
            _edge(selected.selections, plan.edges.setdefault(key, _Ends()))
        elif selected.name not in NODE_PLAIN:
            raise Unplannable(selected.name)


def _edge(selections: list[Selection], wanted: _Ends) -> None:
    for selected in _fields(selections):
        if selected.name == "evidence":
            _scalars(selected.selections, EVIDENCE_PLAIN)
            wanted.evidence = True
        elif selected.name in ("source", "target"):
            setattr(wanted, selected.name, True)
            for end_field in _fields(selected.selections):
                if end_field.name == "evidence":
                    _scalars(end_field.selections, EVIDENCE_PLAIN)
                    wanted.end_evidence = True
                elif end_field.name not in NODE_PLAIN:
                    raise Unplannable(end_field.name)
        elif selected.name not in EDGE_PLAIN:
            raise Unplannable(selected.name)


#: what a record holds that a plan does not read: given as empty values, so that building one is only copying
#: (pydantic's ``model_construct`` looks up the defaults of the fields left out, which costs more than the rest)
_UNREAD: dict[str, Any] = {"props": {}, "evidence": ()}
_EVIDENCE_UNSET = {name: None for name in EvidenceRecord.model_fields}


def _evidence(rows: list[dict[str, Any]]) -> tuple[EvidenceRecord, ...]:
    return tuple(EvidenceRecord.model_construct(**{**_EVIDENCE_UNSET, **e}) for e in rows)


def _node(row: Row) -> NodeType:
    """A node's object from its selected row (the fields a plan reads; validated when the store wrote them)."""
    fields = {**_UNREAD, **row}
    fields.pop("edges", None)
    if row.get("evidence"):
        fields["evidence"] = _evidence(row["evidence"])
    return node_object(Node.model_construct(**fields))


def _relationship(row: Row) -> Relationship:
    fields = {**_UNREAD, **row}
    source, target = fields.pop("source_node", None), fields.pop("target_node", None)
    if row.get("evidence"):
        fields["evidence"] = _evidence(row["evidence"])
    ends = (None if source is None else _node(source), None if target is None else _node(target))
    return Relationship(record=Edge.model_construct(**fields), ends=ends)


async def answer_page(ctx: Context, plan: PagePlan, where: NodeFilter, page: Page) -> Connection[NodeType]:
    """The page, read in one :meth:`~prevgraph.graph.store.GraphStore.select_page`, as the API's objects."""
    found = await ctx.call(ctx.store.select_page, plan.selection(where, page))
    keys = list(plan.edges)
    objects = []
    for row in found.rows:
        obj = _node(row)
        obj.planned = {key: [_relationship(e) for e in edges] for key, edges in zip(keys, row.get("edges", ()),
                                                                                        strict=True)}
        objects.append(obj)
    total = found.total

    async def count() -> int:
        assert total is not None, "a plan counts when the query asks for totalCount"
        return total

    return connection(objects, page, count)


def note_fallback(reason: Unplannable) -> None:
    """Count and log a list resolved field by field (it costs several store calls instead of one)."""
    FALLBACKS[str(reason)] += 1
    log.debug("a list query asks for %s, which a page selection does not hold: resolved field by field", reason)
