"""Typed records passed between the layers: evidence, nodes, edges and load batches.

They are frozen pydantic models with ``extra="forbid"``: a misspelt field is an error
where it is made, not a silent gap in the graph. :func:`validate_batch` checks a batch
against the ontology before any store sees it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from prevgraph.errors import ValidationError
from prevgraph.schema.ontology import ontology

Scalar = str | int | float | bool | None
PropValue = Scalar | list[str] | list[int]
Origin = Literal["extracted", "reference", "curated"]

REFERENCE_RULE = "reference"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Record):
    """Where a fact is stated: the document, the quoted sentence, its offsets and the rule."""

    document: str = Field(description="id of the Document node")
    quote: str
    start: int = Field(ge=0, description="character offset of the quote in the document's normalised text")
    end: int = Field(ge=0)
    rule: str = Field(description="name of the loader rule that produced the fact, or 'reference'")
    match_start: int | None = Field(None, ge=0, description=(
        "offset of the words that state the fact (the matched span) inside the quote's sentence, in the "
        "document's normalised text; a display that must cut the quote cuts around them"))
    match_end: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        if (self.match_start is None) != (self.match_end is None):
            raise ValueError("evidence match_start and match_end are given together or not at all")
        if (self.match_start is not None and self.match_end is not None
                and not self.start <= self.match_start <= self.match_end <= self.end):
            raise ValueError(f"evidence match {self.match_start}-{self.match_end} is outside its quote "
                             f"{self.start}-{self.end}")
        return self

    @model_serializer(mode="wrap")
    def _without_absent_match(self, handler: SerializerFunctionWrapHandler) -> dict:
        """Evidence without a matched span is stored and exported as before the span existed."""
        dumped = handler(self)
        if self.match_start is None:
            dumped.pop("match_start", None)
            dumped.pop("match_end", None)
        return dumped


class Node(_Record):
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    location: str | None = None
    pillar: str | None = None
    origin: Origin = "extracted"
    reviewed: bool = Field(True, description="False for entities the reference data does not know")
    source: str | None = Field(None, description="for reference facts: the source that establishes them")
    props: dict[str, PropValue] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()


class Edge(_Record):
    id: str
    type: str
    source: str
    target: str
    status: str | None = Field(None, description="flows only: MANDATED, REALISED, BLOCKED, UNREALISED, PROPOSED")
    blocks: str | None = Field(None, description="BLOCKS only: id of the flow edge it blocks")
    date: str | None = Field(None, description="ISO date (or year) the flow happened or was set")
    origin: Origin = "extracted"
    source_ref: str | None = Field(None, description="for reference facts: the source that establishes them")
    props: dict[str, PropValue] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()


class DocumentBatch(_Record):
    """Everything one document contributes; stores write it in one transaction.

    Loading a batch replaces what the previous version of the same document
    contributed (evidence, and the nodes and edges only it supported) and nothing else.
    """

    document: Node
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()


def validate_batch(batch: DocumentBatch, known_kinds: dict[str, str] | None = None) -> None:
    """Check every node and edge of ``batch`` against the ontology.

    ``known_kinds`` maps ids of nodes already in the store to their kinds, for edges
    that point at nodes the batch does not carry.
    """
    onto = ontology()
    kinds = dict(known_kinds or {})
    for node in (batch.document, *batch.nodes):
        check_node(node)
        kinds[node.id] = node.kind
    for edge in batch.edges:
        for end in (edge.source, edge.target):
            if end not in kinds:
                raise ValidationError(f"edge {edge.id} ({edge.type}) points at {end!r}, which is neither in the batch "
                                      f"nor in the store")
        onto.check_edge(kinds[edge.source], edge.type, kinds[edge.target])
        check_edge_fields(edge)


def check_node(node: Node) -> None:
    onto = ontology()
    onto.check_node_kind(node.kind)
    if node.location is not None and node.location not in onto.locations:
        raise ValidationError(f"node {node.id}: unknown location {node.location!r}; known: {sorted(onto.locations)}")
    if node.pillar is not None:
        if node.pillar not in onto.pillars:
            raise ValidationError(f"node {node.id}: unknown pillar {node.pillar!r}; known: {sorted(onto.pillars)}")
        if not onto.node_kinds[node.kind].has_pillar:
            raise ValidationError(f"node {node.id}: a {node.kind} has no pillar")


def check_edge_fields(edge: Edge) -> None:
    onto = ontology()
    kind = onto.relationship_kinds.get(edge.type)
    if kind is None:
        raise ValidationError(f"edge {edge.id}: unknown relationship kind {edge.type!r}")
    if kind.is_flow:
        if edge.status not in onto.statuses:
            raise ValidationError(f"flow {edge.id} ({edge.type}) needs a status out of {sorted(onto.statuses)}, "
                                  f"got {edge.status!r}")
    elif edge.status is not None:
        raise ValidationError(f"edge {edge.id}: {edge.type} is not a flow and takes no status")
    if edge.type == "BLOCKS":
        if not edge.blocks and not edge.props.get("reason"):
            # a block stands alone only as a mechanism kept from its work ("refused to cooperate with X"), with why
            raise ValidationError(f"BLOCKS edge {edge.id} must say which flow it blocks, or why it stands alone")
    elif edge.blocks is not None:
        raise ValidationError(f"edge {edge.id}: only BLOCKS edges name a blocked flow")
