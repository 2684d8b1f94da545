"""The GraphQL object types: one per node kind of the ontology, relationships, evidence, results.

Every node kind gets a type implementing the ``Node`` interface. Kinds with
relationships of their own as fields (Body, Resolution, Paragraph, Meeting, Document,
Participant) are written out below; every other kind declared in the ontology gets a
plain type made by :func:`_plain_type`, so a new kind in ``ontology.yaml`` appears in
the API without an edit here. Field resolvers read linked records through the
request's DataLoaders (see :mod:`prevgraph.api.context`), never the store directly.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any, cast, overload

import strawberry
from strawberry.scalars import JSON

from prevgraph.api import curation
from prevgraph.api.context import Context
from prevgraph.api.enums import (
    FLOW_TYPES,
    CurationState,
    Direction,
    FlowStatus,
    Location,
    NodeKind,
    Origin,
    Pillar,
    RelationshipType,
)
from prevgraph.graph.analysis import FINDING_KINDS, SEVERITIES
from prevgraph.graph.analysis import Citation as CitationRecord
from prevgraph.graph.analysis import Finding as FindingRecord
from prevgraph.graph.store import Stats as StoreStats
from prevgraph.schema import Edge, Node, ontology
from prevgraph.schema import Evidence as EvidenceRecord

Info = strawberry.Info[Context, None]

#: properties shown by dedicated fields, left out of ``props``
_HIDDEN_PROPS = {"text", curation.CURATION_PROP}


def enum_values(items: list[Any] | None) -> tuple[str, ...] | None:
    """Enum arguments (members, or their names as a query's selections give them) as the strings the store
    knows, or None for no filter."""
    return tuple(sorted({i.value if isinstance(i, Enum) else i for i in items})) if items else None


def _props(props: dict[str, Any]) -> JSON:
    return cast(JSON, {k: v for k, v in props.items() if k not in _HIDDEN_PROPS})


@strawberry.type(description="One curator's verdict on a fact: which key, when, and an optional note.")
class CurationEntry:
    action: str
    by: str = strawberry.field(description="Fingerprint of the API key that made the change (never the key).")
    at: str = strawberry.field(description="When, as an ISO 8601 UTC timestamp.")
    note: str | None


def _curation_entries(props: dict[str, Any]) -> list[CurationEntry]:
    return [CurationEntry(action=e.action, by=e.by, at=e.at, note=e.note) for e in curation.entries(props)]


@strawberry.type(description="Where a fact is stated: the document, the quoted sentence, its offsets and the rule.")
class Evidence:
    record: strawberry.Private[EvidenceRecord]
    document_id: strawberry.ID = strawberry.field(default=None,
                                                  description="Id of the Document node the quote comes from.")
    quote: str = strawberry.field(default=None, description="The quoted sentence.")
    start: int = strawberry.field(default=None,
                                  description="Offset of the quote's first character in the document's text.")
    end: int = strawberry.field(default=None, description="Offset just after the quote's last character.")
    rule: str = strawberry.field(default=None,
                                 description="The loader rule that produced the fact ('reference' for reference data).")

    def __post_init__(self) -> None:
        # plain attributes, not resolvers: strawberry reads them without building an Info per field
        record = self.record
        self.document_id, self.quote, self.start, self.end, self.rule = (
            strawberry.ID(record.document), record.quote, record.start, record.end, record.rule)

    @strawberry.field(description="The Document node.")
    async def document(self, info: Info) -> Document | None:
        node = await info.context.loaders.node.load(self.record.document)
        return Document(record=node) if node is not None and node.kind == "Document" else None

    @strawberry.field(description="The document's title.")
    async def document_title(self, info: Info) -> str | None:
        node = await info.context.loaders.node.load(self.record.document)
        return node.name if node is not None else None

    @strawberry.field(description="The document's date, when known.")
    async def document_date(self, info: Info) -> str | None:
        node = await info.context.loaders.node.load(self.record.document)
        date = node.props.get("date") if node is not None else None
        return str(date) if date is not None else None


def evidence_list(records: tuple[EvidenceRecord, ...]) -> list[Evidence]:
    return [Evidence(record=e) for e in records]


@strawberry.type(description="An edge of the graph: an information flow (BRIEFS, REQUESTS, INVITES, BLOCKS) "
                             "or a structural relationship, with its evidence.")
class Relationship:
    record: strawberry.Private[Edge]
    id: strawberry.ID = strawberry.field(default=None)
    type: RelationshipType = strawberry.field(default=None)
    is_flow: bool = strawberry.field(default=None, description="True for information flows (they carry a status).")
    status: FlowStatus | None = strawberry.field(
        default=None, description="MANDATED, REALISED, BLOCKED, UNREALISED or PROPOSED; flows only.")
    date: str | None = strawberry.field(default=None, description="ISO date (or year) the flow happened or was set.")
    origin: Origin = strawberry.field(default=None)
    source_ref: str | None = strawberry.field(
        default=None, description="For reference and curated facts: the source that establishes them.")
    #: the objects of the source and the target when a planned page read them with the edge
    ends: strawberry.Private[tuple[NodeType | None, NodeType | None] | None] = None

    def __post_init__(self) -> None:
        # plain attributes, not resolvers: strawberry reads them without building an Info per field
        record = self.record
        self.id = strawberry.ID(record.id)
        self.type = RelationshipType[record.type]
        self.is_flow = record.type in FLOW_TYPES
        self.status = FlowStatus[record.status] if record.status else None
        self.date, self.origin, self.source_ref = record.date, Origin[record.origin], record.source_ref

    @strawberry.field(description="Other properties (for example the role of an organiser).")
    def props(self) -> JSON:
        return _props(self.record.props)

    @strawberry.field
    def evidence(self) -> list[Evidence]:
        return evidence_list(self.record.evidence)

    @strawberry.field
    def curation(self) -> list[CurationEntry]:
        return _curation_entries(self.record.props)

    @strawberry.field
    def curation_state(self) -> CurationState:
        return CurationState(curation.state(self.record.props))

    @strawberry.field(description="The node the relationship starts from.")
    def source(self, info: Info) -> NodeType | None:
        if self.ends is not None:
            return self.ends[0]
        return node_soon(info, self.record.source)  # type: ignore[return-value]

    @strawberry.field(description="The node the relationship points at.")
    def target(self, info: Info) -> NodeType | None:
        if self.ends is not None:
            return self.ends[1]
        return node_soon(info, self.record.target)  # type: ignore[return-value]

    @strawberry.field(description="BLOCKS only: the flow this blocks.")
    async def blocks(self, info: Info) -> Relationship | None:
        if not self.record.blocks:
            return None
        edge = await info.context.loaders.edge.load(self.record.blocks)
        return Relationship(record=edge) if edge is not None else None

    @strawberry.field(description="The BLOCKS relationships that stop this flow.")
    async def blocked_by(self, info: Info) -> list[Relationship]:
        if self.record.type not in FLOW_TYPES:
            return []
        # a BLOCKS edge points at the actor whose flow it blocks: the flow's source
        edges = await info.context.loaders.incident.load((self.record.source, "in", ("BLOCKS",), None))
        return [Relationship(record=e) for e in edges if e.blocks == self.record.id]


def node_soon(info: Info, node_id: str) -> NodeType | None | Awaitable[NodeType | None]:
    """The node's object at once when the request's node loader holds it already, else an awaitable.

    A list of flows with their ends (primed by the neighbourhood loader) then costs no
    task and no await per flow, which is most of what resolving a long list costs.
    """
    loader = info.context.loaders.node
    known = loader.cache_map.get(node_id)
    if known is not None and known.done() and known.exception() is None:
        return node_object(known.result())

    async def later() -> NodeType | None:
        return node_object(await loader.load(node_id))

    return later()


async def edges_at(info: Info, node_id: str, direction: str, types: tuple[str, ...] | None,
                   statuses: tuple[str, ...] | None = None) -> list[Edge]:
    """The edges at a node through the request's incident-edges loader (statuses filtered by the store)."""
    return await info.context.loaders.incident.load((node_id, direction, types, statuses))


async def linked_nodes(info: Info, node_id: str, direction: str, types: tuple[str, ...],
                       kinds: tuple[str, ...] | None = None) -> list[NodeType]:
    """The nodes at the other end of a node's ``types`` edges, in edge order, without repeats."""
    edges = await edges_at(info, node_id, direction, types)
    others = list(dict.fromkeys(e.target if e.source == node_id else e.source for e in edges))
    nodes = await info.context.loaders.nodes(others)
    return [node_object(n) for n in nodes if kinds is None or n.kind in kinds]


def _flow_types(types: list[Any] | None) -> tuple[str, ...]:
    return enum_values(types) or FLOW_TYPES


def _direction(direction: Any) -> str:
    """A ``Direction`` member, or its name as a query's selections give it, as the store's direction."""
    return direction.value if isinstance(direction, Enum) else Direction[direction].value


#: the key of the incident edges a node's relationship list reads: (direction, types, statuses)
EdgeListKey = tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]

#: the relationship lists of a node, by GraphQL field name: their arguments -> the edges they read.
#: Their resolvers and the planner of list pages (:mod:`prevgraph.api.planned`) both use these.
EDGE_LISTS: dict[str, Callable[..., EdgeListKey]] = {
    "relationships": lambda direction=Direction.BOTH, types=None, statuses=None: (
        _direction(direction), enum_values(types), enum_values(statuses)),
    "incomingFlows": lambda statuses=None, types=None: ("in", _flow_types(types), enum_values(statuses)),
    "outgoingFlows": lambda statuses=None, types=None: ("out", _flow_types(types), enum_values(statuses)),
}


@strawberry.interface(name="Node", description="Any node of the graph, whatever its kind.")
class NodeType:
    record: strawberry.Private[Node]
    id: strawberry.ID = strawberry.field(
        default=None, description="Stable id: the kind and a slug of the canonical name or symbol.")
    kind: NodeKind = strawberry.field(default=None)
    name: str = strawberry.field(default=None, description="Canonical name (for a resolution: its symbol).")
    aliases: list[str] = strawberry.field(default=None, description="Other names in use, acronyms included.")
    location: Location | None = strawberry.field(default=None)
    pillar: Pillar | None = strawberry.field(default=None)
    origin: Origin = strawberry.field(default=None)
    reviewed: bool = strawberry.field(default=None, description="False for entities the reference data does not know.")
    source: str | None = strawberry.field(
        default=None, description="For reference facts: the source that establishes them.")
    #: the relationship lists a planned page read with the node, by :data:`EDGE_LISTS` key
    planned: strawberry.Private[dict[EdgeListKey, list[Relationship]] | None] = None

    def __post_init__(self) -> None:
        # plain attributes, not resolvers: strawberry reads them without building an Info per field
        record = self.record
        self.id, self.kind, self.name = strawberry.ID(record.id), NodeKind[record.kind], record.name
        self.aliases = list(record.aliases)
        self.location = Location[record.location] if record.location else None
        self.pillar = Pillar[record.pillar] if record.pillar else None
        self.origin, self.reviewed, self.source = Origin[record.origin], record.reviewed, record.source

    @strawberry.field(description="Other properties.")
    def props(self) -> JSON:
        return _props(self.record.props)

    @strawberry.field
    def evidence(self) -> list[Evidence]:
        return evidence_list(self.record.evidence)

    @strawberry.field
    def curation(self) -> list[CurationEntry]:
        return _curation_entries(self.record.props)

    @strawberry.field
    def curation_state(self) -> CurationState:
        return CurationState(curation.state(self.record.props))

    async def edge_list(self, info: Info, key: EdgeListKey) -> list[Relationship]:
        """The relationships at this node that ``key`` selects: read with the page if planned, else loaded."""
        if self.planned is not None and key in self.planned:
            return self.planned[key]
        return [Relationship(record=e) for e in await edges_at(info, self.record.id, *key)]

    @strawberry.field(description="The node's relationships of any kind, optionally filtered.")
    async def relationships(self, info: Info, direction: Direction = Direction.BOTH,
                            types: list[RelationshipType] | None = None,
                            statuses: list[FlowStatus] | None = None) -> list[Relationship]:
        return await self.edge_list(info, EDGE_LISTS["relationships"](direction, types, statuses))

    @strawberry.field(description="Flows reaching this node (BRIEFS, REQUESTS, INVITES, BLOCKS unless `types`).")
    async def incoming_flows(self, info: Info, statuses: list[FlowStatus] | None = None,
                             types: list[RelationshipType] | None = None) -> list[Relationship]:
        return await self.edge_list(info, EDGE_LISTS["incomingFlows"](statuses, types))

    @strawberry.field(description="Flows leaving this node (BRIEFS, REQUESTS, INVITES, BLOCKS unless `types`).")
    async def outgoing_flows(self, info: Info, statuses: list[FlowStatus] | None = None,
                             types: list[RelationshipType] | None = None) -> list[Relationship]:
        return await self.edge_list(info, EDGE_LISTS["outgoingFlows"](statuses, types))


def _number_key(node: NodeType) -> tuple:
    """Paragraphs in reading order: 2 before 10, 5(a) before 5(b), unnumbered last."""
    number = str(node.record.props.get("number") or "")
    parts = re.findall(r"\d+|[a-z]+", number.lower())
    return (not parts, [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts], node.record.id)


@strawberry.type(description=ontology().node_kinds["Body"].description)
class Body(NodeType):
    @strawberry.field(description="The bodies this one is part of.")
    async def part_of(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("PART_OF",))

    @strawberry.field(description="Offices, bodies and mechanisms that are part of this body.")
    async def parts(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "in", ("PART_OF",))

    @strawberry.field(description="The mandates this body holds.")
    async def mandates(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("HOLDS",))

    @strawberry.field(description="What replaced this body, if it ceased.")
    async def replaced_by(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("REPLACED_BY",))


@strawberry.type(description=ontology().node_kinds["Resolution"].description)
class Resolution(NodeType):
    @strawberry.field(description="The resolution's symbol (its canonical name).")
    def symbol(self) -> str:
        return self.record.name

    @strawberry.field(description="The paragraphs of the resolution, in reading order.")
    async def paragraphs(self, info: Info) -> list[Paragraph]:
        found = await linked_nodes(info, self.record.id, "in", ("PART_OF",), ("Paragraph",))
        return sorted(found, key=_number_key)  # type: ignore[arg-type]

    @strawberry.field(description="The body that adopted it.")
    async def adopted_by(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("ADOPTED_BY",))

    @strawberry.field(description="REQUESTS flows from the resolution itself (paragraphs have their own).")
    async def requests(self, info: Info, statuses: list[FlowStatus] | None = None) -> list[Relationship]:
        return [Relationship(record=e) for e in await edges_at(info, self.record.id, "out", ("REQUESTS",),
                                                                  enum_values(statuses))]

    @strawberry.field(description="INVITES flows from the resolution itself.")
    async def invitations(self, info: Info, statuses: list[FlowStatus] | None = None) -> list[Relationship]:
        return [Relationship(record=e) for e in await edges_at(info, self.record.id, "out", ("INVITES",),
                                                                  enum_values(statuses))]

    @strawberry.field(description="Documents, resolutions and paragraphs that cite this resolution.")
    async def cited_by(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "in", ("CITES",))


@strawberry.type(description=ontology().node_kinds["Paragraph"].description)
class Paragraph(NodeType):
    @strawberry.field(description="The paragraph's number, such as 5(f).")
    def number(self) -> str | None:
        number = self.record.props.get("number")
        return str(number) if number is not None else None

    @strawberry.field(description="The paragraph's text, when the resolution was loaded.")
    def text(self) -> str | None:
        text = self.record.props.get("text")
        return str(text) if text is not None else None

    @strawberry.field(description="The resolution (or paragraph) this paragraph belongs to.")
    async def resolution(self, info: Info) -> NodeType | None:
        found = await linked_nodes(info, self.record.id, "out", ("PART_OF",))
        return found[0] if found else None

    @strawberry.field(description="REQUESTS flows this paragraph sets.")
    async def requests(self, info: Info, statuses: list[FlowStatus] | None = None) -> list[Relationship]:
        return [Relationship(record=e) for e in await edges_at(info, self.record.id, "out", ("REQUESTS",),
                                                                  enum_values(statuses))]

    @strawberry.field(description="INVITES flows this paragraph sets.")
    async def invitations(self, info: Info, statuses: list[FlowStatus] | None = None) -> list[Relationship]:
        return [Relationship(record=e) for e in await edges_at(info, self.record.id, "out", ("INVITES",),
                                                                  enum_values(statuses))]


@strawberry.type(description=ontology().node_kinds["Meeting"].description)
class Meeting(NodeType):
    @strawberry.field(description="Hosts, conveners and partners (the role is on the ORGANISED_BY relationship).")
    async def organisers(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("ORGANISED_BY",))

    @strawberry.field(description="Participants, by affiliation only.")
    async def participants(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "in", ("ATTENDED",))

    @strawberry.field(description="The documents that belong to the meeting.")
    async def documents(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "in", ("PART_OF",), ("Document",))

    @strawberry.field(description="The meeting's breakout groups.")
    async def breakout_groups(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "in", ("PART_OF",), ("BreakoutGroup",))

    @strawberry.field(description="Situations the meeting concerned.")
    async def concerns(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("CONCERNS",))


@strawberry.type(description=ontology().node_kinds["Participant"].description)
class Participant(NodeType):
    @strawberry.field(description="The organisation, body, office or State the participant speaks for.")
    async def represents(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("REPRESENTS",))

    @strawberry.field(description="The meetings the participant attended.")
    async def attended(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("ATTENDED",))


@strawberry.type(description=ontology().node_kinds["Document"].description)
class Document(NodeType):
    @strawberry.field(description="The document's title (its canonical name).")
    def title(self) -> str:
        return self.record.name

    @strawberry.field(description="The document's date, when known.")
    def date(self) -> str | None:
        date = self.record.props.get("date")
        return str(date) if date is not None else None

    @strawberry.field(description="The normalised text every evidence offset points into.")
    def text(self) -> str | None:
        text = self.record.props.get("text")
        return str(text) if text is not None else None

    @strawberry.field(description="The meetings this document belongs to.")
    async def meetings(self, info: Info) -> list[NodeType]:
        return await linked_nodes(info, self.record.id, "out", ("PART_OF",), ("Meeting",))


_WRITTEN: dict[str, type[NodeType]] = {
    cls.__name__: cls for cls in (Body, Resolution, Paragraph, Meeting, Participant, Document)
}


def _plain_type(kind: str) -> type[NodeType]:
    """A GraphQL type for a node kind with no fields beyond the ``Node`` interface."""
    cls = type(kind, (NodeType,), {"__module__": __name__, "__doc__": ontology().node_kinds[kind].description})
    return strawberry.type(cls, description=ontology().node_kinds[kind].description)


#: the GraphQL type of every node kind of the ontology
KIND_TYPES: dict[str, type[NodeType]] = {
    kind: _WRITTEN.get(kind) or _plain_type(kind) for kind in ontology().node_kinds
}


@overload
def node_object(node: None) -> None: ...


@overload
def node_object(node: Node) -> NodeType: ...


def node_object(node: Node | None) -> NodeType | None:
    """The GraphQL object for a node record, of its kind's type."""
    return None if node is None else KIND_TYPES[node.kind](record=node)


@strawberry.type(description="One step of a pathway: a relationship followed from one node to the next.")
class Hop:
    relationship: Relationship
    from_id: strawberry.Private[str]
    to_id: strawberry.Private[str]
    reverse: bool = strawberry.field(description="True when structure (PART_OF, ...) is walked against its direction.")

    @strawberry.field(name="from", description="The node the hop leaves.")
    def from_node(self, info: Info) -> NodeType | None:
        return node_soon(info, self.from_id)  # type: ignore[return-value]

    @strawberry.field(name="to", description="The node the hop reaches.")
    def to_node(self, info: Info) -> NodeType | None:
        return node_soon(info, self.to_id)  # type: ignore[return-value]

    @strawberry.field(description="The evidence for this hop.")
    def evidence(self) -> list[Evidence]:
        return evidence_list(self.relationship.record.evidence)


@strawberry.type(description="A route between two nodes, with the evidence for each hop; rank 1 is the best.")
class Pathway:
    rank: int
    length: int = strawberry.field(description="Number of hops.")
    hops: list[Hop]
    status: FlowStatus = strawberry.field(description="The weakest status of its flows (REALISED if none).")
    score: float = strawberry.field(description="What the rank is based on, lower is better: the weakest statuses, "
                                                "then how many hops have them, then length.")

    @strawberry.field(description="The nodes along the route, from the first to the last.")
    async def nodes(self, info: Info) -> list[NodeType]:
        ids = [self.hops[0].from_id, *(h.to_id for h in self.hops)] if self.hops else []
        return [node_object(n) for n in await info.context.loaders.nodes(ids)]


FindingKind = strawberry.enum(Enum("FindingKind", {k.upper(): k for k in FINDING_KINDS}),  # type: ignore[call-overload]
                              description="A kind of finding of the gap analyses (the --kind of `prevgraph gaps`).")
Severity = strawberry.enum(Enum("Severity", {s.upper(): s for s in SEVERITIES}),  # type: ignore[call-overload]
                           description="How much a finding matters.")


@strawberry.type(description="A quote behind a finding: the document, the quote, and which node or flow it backs.")
class Citation:
    record: strawberry.Private[CitationRecord]

    @strawberry.field
    def document_id(self) -> strawberry.ID:
        return strawberry.ID(self.record.document)

    @strawberry.field
    def document_title(self) -> str | None:
        return self.record.title

    @strawberry.field
    def quote(self) -> str:
        return self.record.quote

    @strawberry.field
    def start(self) -> int:
        return self.record.start

    @strawberry.field
    def end(self) -> int:
        return self.record.end

    @strawberry.field
    def rule(self) -> str:
        return self.record.rule

    @strawberry.field(description="Id of the node or relationship the quote backs.")
    def about(self) -> strawberry.ID:
        return strawberry.ID(self.record.about)

    @strawberry.field(description="The document's date, when known.")
    async def document_date(self, info: Info) -> str | None:
        node = await info.context.loaders.node.load(self.record.document)
        date = node.props.get("date") if node is not None else None
        return str(date) if date is not None else None


@strawberry.type(description="One finding of the gap analyses: a statement, its severity and rank, "
                             "the nodes and flows it concerns and the evidence behind every part.")
class Finding:
    record: strawberry.Private[FindingRecord]

    @strawberry.field(description="Stable id: the kind and a hash of what the finding is about.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.record.id)

    @strawberry.field
    def kind(self) -> FindingKind:  # type: ignore[valid-type]
        return FindingKind(self.record.kind)

    @strawberry.field
    def statement(self) -> str:
        return self.record.statement

    @strawberry.field
    def severity(self) -> Severity:  # type: ignore[valid-type]
        return Severity(self.record.severity)

    @strawberry.field(description="1 is the most important.")
    def rank(self) -> int:
        return self.record.rank

    @strawberry.field(description="ISO date (or year) the gap dates from, when known.")
    def since(self) -> str | None:
        return self.record.since

    @strawberry.field(description="Kind-specific figures (as in `prevgraph gaps --format json`).")
    def data(self) -> JSON:
        return self.record.data

    @strawberry.field
    def evidence(self) -> list[Citation]:
        return [Citation(record=c) for c in self.record.evidence]

    @strawberry.field(description="The nodes the finding concerns.")
    async def nodes(self, info: Info) -> list[NodeType]:
        return [node_object(n) for n in await info.context.loaders.nodes(self.record.nodes)]

    @strawberry.field(description="The flows and relationships the finding concerns.")
    async def relationships(self, info: Info) -> list[Relationship]:
        found = await info.context.loaders.edge.load_many(list(self.record.edges))
        return [Relationship(record=e) for e in found if e is not None]


@strawberry.type(description="A count under a key (a node kind, a relationship type or a flow status).")
class CountEntry:
    key: str
    count: int


@strawberry.type(description="Counts over the whole graph.")
class Stats:
    record: strawberry.Private[StoreStats]

    @strawberry.field
    def nodes(self) -> int:
        return self.record.nodes

    @strawberry.field
    def edges(self) -> int:
        return self.record.edges

    @strawberry.field
    def nodes_by_kind(self) -> list[CountEntry]:
        return [CountEntry(key=k, count=v) for k, v in self.record.nodes_by_kind.items()]

    @strawberry.field
    def edges_by_type(self) -> list[CountEntry]:
        return [CountEntry(key=k, count=v) for k, v in self.record.edges_by_type.items()]

    @strawberry.field
    def flows_by_status(self) -> list[CountEntry]:
        return [CountEntry(key=k, count=v) for k, v in self.record.flows_by_status.items()]


@strawberry.type(description="The fact a curation mutation changed: a node or a relationship.")
class CurationResult:
    entry: CurationEntry
    node: NodeType | None = None
    relationship: Relationship | None = None
