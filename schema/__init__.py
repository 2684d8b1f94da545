"""The ontology, the reference data and the typed records every other layer reads.

This package depends on nothing else in prevgraph (except the shared error types).
"""

from prevgraph.schema.ids import edge_id, node_id, slugify
from prevgraph.schema.ontology import Ontology, ontology
from prevgraph.schema.records import REFERENCE_RULE, DocumentBatch, Edge, Evidence, Node, validate_batch
from prevgraph.schema.reference import Gazetteer, ReferenceEntry, gazetteer

__all__ = [
    "REFERENCE_RULE",
    "DocumentBatch",
    "Edge",
    "Evidence",
    "Gazetteer",
    "Node",
    "Ontology",
    "ReferenceEntry",
    "edge_id",
    "gazetteer",
    "node_id",
    "ontology",
    "slugify",
    "validate_batch",
]
