"""Curation mutations: confirm or reject an extracted fact, add a fact with its source.

Each needs the server's API key in the ``X-API-Key`` header (no key configured:
mutations are off). A change is written through ``GraphStore.upsert``, so both stores
merge it the same way: the curation entry (key fingerprint, time, note) is appended,
the extracted original and its evidence stay, and a rejected fact stays, marked.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from prevgraph.api import curation
from prevgraph.api.enums import FlowStatus, RelationshipType
from prevgraph.api.queries import resolve
from prevgraph.api.types import CurationEntry, CurationResult, Info, Relationship, node_object
from prevgraph.errors import NotFound, ValidationError
from prevgraph.schema import Edge, Evidence, Node, edge_id

#: the evidence rule of facts added by curators
CURATED_RULE = "curated"


@strawberry.input(description="Where an added fact is stated in a loaded document.")
class EvidenceInput:
    document: strawberry.ID = strawberry.field(description="Id of the Document node.")
    quote: str
    start: int
    end: int


@strawberry.input(description="A fact to add: a relationship between two nodes named by id, name or alias.")
class FactInput:
    from_: str = strawberry.field(name="from")
    type: RelationshipType
    to: str
    source_ref: str = strawberry.field(description="The source that establishes the fact (a citation or URL).")
    status: FlowStatus | None = None
    date: str | None = None
    blocks: strawberry.ID | None = strawberry.field(default=None, description="BLOCKS only: id of the blocked flow.")
    evidence: EvidenceInput | None = None
    note: str | None = None


def _entry_type(entry: curation.CurationEntry) -> CurationEntry:
    return CurationEntry(action=entry.action, by=entry.by, at=entry.at, note=entry.note)


async def _curate(info: Info, fact_id: str, action: str, note: str | None) -> CurationResult:
    """Append a verdict to the node or edge ``fact_id`` (under the app's curation lock: no lost entries)."""
    ctx = info.context
    by = curation.check_key(ctx.settings.api_key, ctx.api_key)
    entry = curation.new_entry(action, by, note)
    async with ctx.curation_lock:
        node: Node | None = await ctx.call(ctx.store.node, fact_id)
        if node is not None:
            updated = node.model_copy(update={"props": curation.with_entry(node.props, entry),
                                              "reviewed": node.reviewed or action == "CONFIRMED"})
            await ctx.call(ctx.store.upsert, [updated], [])
            return CurationResult(entry=_entry_type(entry), node=node_object(await ctx.call(ctx.store.node, fact_id)))
        edge: Edge | None = await ctx.call(ctx.store.edge, fact_id)
        if edge is None:
            raise NotFound(f"no node or relationship has the id {fact_id!r}")
        updated_edge = edge.model_copy(update={"props": curation.with_entry(edge.props, entry)})
        await ctx.call(ctx.store.upsert, [], [updated_edge])
        stored = await ctx.call(ctx.store.edge, fact_id)
        return CurationResult(entry=_entry_type(entry), relationship=Relationship(record=stored))


async def _evidence(info: Info, given: EvidenceInput | None) -> tuple[Evidence, ...]:
    """The evidence of an added fact, checked against the document's text when the store holds it."""
    if given is None:
        return ()
    document = await info.context.call(info.context.store.node, str(given.document))
    if document is None or document.kind != "Document":
        raise NotFound(f"evidence.document: no Document has the id {given.document!r}")
    text = document.props.get("text")
    if isinstance(text, str) and text[given.start:given.end] != given.quote:
        raise ValidationError(f"evidence.quote is not the text of {given.document} at {given.start}..{given.end}")
    try:
        return (Evidence(document=document.id, quote=given.quote, start=given.start, end=given.end,
                         rule=CURATED_RULE),)
    except ValueError as exc:
        raise ValidationError(f"evidence: {exc}") from exc


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Confirm an extracted fact (node or relationship). Needs the X-API-Key header.")
    async def confirm_fact(self, info: Info, id: strawberry.ID, note: str | None = None) -> CurationResult:
        return await _curate(info, str(id), "CONFIRMED", note)

    @strawberry.mutation(description="Reject a fact: it stays in the graph, marked REJECTED with who and when. "
                                     "Needs the X-API-Key header.")
    async def reject_fact(self, info: Info, id: strawberry.ID, note: str | None = None) -> CurationResult:
        return await _curate(info, str(id), "REJECTED", note)

    @strawberry.mutation(description="Add a relationship with its source (origin 'curated'). "
                                     "Needs the X-API-Key header.")
    async def add_fact(self, info: Info, fact: Annotated[FactInput, strawberry.argument(name="input")]) -> Relationship:
        ctx = info.context
        by = curation.check_key(ctx.settings.api_key, ctx.api_key)
        source, target = (await resolve(info, fact.from_)).id, (await resolve(info, fact.to)).id
        status = fact.status.value if fact.status else None
        entry = curation.new_entry("ADDED", by, fact.note)
        new_id = edge_id(source, fact.type.value, target, status, fact.date)
        async with ctx.curation_lock:
            existing: Edge | None = await ctx.call(ctx.store.edge, new_id)
            edge = Edge(id=new_id, type=fact.type.value, source=source, target=target, status=status,
                        blocks=str(fact.blocks) if fact.blocks else None, date=fact.date, origin="curated",
                        source_ref=fact.source_ref, evidence=await _evidence(info, fact.evidence),
                        props=curation.with_entry(existing.props if existing else {}, entry))
            await ctx.call(ctx.store.upsert, [], [edge])
            return Relationship(record=await ctx.call(ctx.store.edge, new_id))
