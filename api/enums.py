"""GraphQL enums, derived from the ontology so that adding a kind to ``ontology.yaml`` adds it here.

Nothing in this module lists a node kind, relationship kind, status, location or
pillar by hand: each enum is built from :func:`prevgraph.schema.ontology` when the
module is imported, with the ontology's descriptions as the enum values' descriptions.
"""

from __future__ import annotations

from enum import Enum
from typing import get_args

import strawberry

from prevgraph.schema import ontology
from prevgraph.schema.records import Origin as OriginLiteral


def _enum(name: str, values: dict[str, str], description: str) -> type[Enum]:
    """A strawberry enum whose members are ``values``' keys, each documented by its value."""
    members = {key: strawberry.enum_value(key, description=text) for key, text in values.items()}
    return strawberry.enum(Enum(name, members), description=description)  # type: ignore[call-overload]


_ONTOLOGY = ontology()

NodeKind = _enum("NodeKind", {k: v.description for k, v in _ONTOLOGY.node_kinds.items()},
                 "A kind of node, as declared in the ontology (schema/ontology.yaml).")
RelationshipType = _enum("RelationshipType", {k: v.description for k, v in _ONTOLOGY.relationship_kinds.items()},
                         "A kind of relationship; BRIEFS, REQUESTS, INVITES and BLOCKS are information flows.")
FlowStatus = _enum("FlowStatus", _ONTOLOGY.statuses, "The status of an information flow.")
Location = _enum("Location", _ONTOLOGY.locations, "Where a node sits.")
Pillar = _enum("Pillar", _ONTOLOGY.pillars, "The UN pillar a body belongs to.")
Origin = _enum("Origin", {o: o for o in get_args(OriginLiteral)},
               "Where a fact comes from: extracted from a document, reference data, or added by a curator.")


@strawberry.enum(description="Which edges of a node: those leaving it, those reaching it, or both.")
class Direction(Enum):
    OUT = "out"
    IN = "in"
    BOTH = "both"


@strawberry.enum(description="What curators said about a fact: nothing yet, confirmed, or rejected (kept, marked).")
class CurationState(Enum):
    UNREVIEWED = "UNREVIEWED"
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"


FLOW_TYPES: tuple[str, ...] = _ONTOLOGY.flow_types
