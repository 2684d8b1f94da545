"""Load and validate the ontology declared in ``ontology.yaml``.

The YAML is read once and cached; every other layer asks :func:`ontology` for node
kinds, relationship kinds and their allowed patterns instead of keeping its own list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from prevgraph.errors import OntologyError, ValidationError


@dataclass(frozen=True)
class NodeKind:
    name: str
    description: str
    has_pillar: bool
    shape: str
    #: the keys of ``Node.props`` the loaders give this kind, each with a one-line description
    properties: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RelationshipKind:
    name: str
    description: str
    is_flow: bool
    patterns: tuple[tuple[frozenset[str], frozenset[str]], ...]

    def allows(self, source_kind: str, target_kind: str) -> bool:
        return any(source_kind in src and target_kind in dst for src, dst in self.patterns)


@dataclass(frozen=True)
class Ontology:
    version: int
    locations: dict[str, str]
    pillars: dict[str, str]
    statuses: dict[str, str]
    node_kinds: dict[str, NodeKind]
    relationship_kinds: dict[str, RelationshipKind]

    @property
    def flow_types(self) -> tuple[str, ...]:
        return tuple(name for name, kind in self.relationship_kinds.items() if kind.is_flow)

    def check_edge(self, source_kind: str, rel_type: str, target_kind: str) -> None:
        """Raise :class:`ValidationError` unless ``(source)-[rel_type]->(target)`` is declared."""
        kind = self.relationship_kinds.get(rel_type)
        if kind is None:
            raise ValidationError(f"unknown relationship kind {rel_type!r}; known: {sorted(self.relationship_kinds)}")
        if not kind.allows(source_kind, target_kind):
            raise ValidationError(f"the ontology does not allow ({source_kind})-[{rel_type}]->({target_kind})")

    def check_node_kind(self, kind: str) -> None:
        if kind not in self.node_kinds:
            raise ValidationError(f"unknown node kind {kind!r}; known: {sorted(self.node_kinds)}")


def _properties(kind: str, raw: object) -> dict[str, str]:
    """A kind's documented properties: a mapping of property name to a one-line description."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise OntologyError(f"ontology.yaml: node kind {kind}: `properties` must map each property name to a "
                            f"description")
    return {k: v.strip() for k, v in raw.items()}


def parse_ontology(raw: dict) -> Ontology:
    """Build an :class:`Ontology` from its YAML mapping, checking every pattern names declared kinds."""
    try:
        node_kinds = {
            name: NodeKind(name, spec["description"].strip(), bool(spec.get("has_pillar", False)), spec["shape"],
                           _properties(name, spec.get("properties")))
            for name, spec in raw["node_kinds"].items()
        }
        relationship_kinds = {
            name: RelationshipKind(
                name,
                spec["description"].strip(),
                bool(spec.get("flow", False)),
                tuple((frozenset(src), frozenset(dst)) for src, dst in spec["patterns"]),
            )
            for name, spec in raw["relationship_kinds"].items()
        }
        onto = Ontology(
            version=int(raw["version"]),
            locations=dict(raw["locations"]),
            pillars=dict(raw["pillars"]),
            statuses=dict(raw["statuses"]),
            node_kinds=node_kinds,
            relationship_kinds=relationship_kinds,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise OntologyError(f"ontology.yaml is malformed: missing or bad field {exc}") from exc
    for rel in relationship_kinds.values():
        for src, dst in rel.patterns:
            unknown = (src | dst) - node_kinds.keys()
            if unknown:
                raise OntologyError(f"relationship {rel.name} names undeclared node kinds {sorted(unknown)}")
    return onto


@cache
def ontology() -> Ontology:
    """The ontology shipped with prevgraph (read once per process)."""
    text = resources.files("prevgraph.schema").joinpath("ontology.yaml").read_text(encoding="utf-8")
    return parse_ontology(yaml.safe_load(text))
