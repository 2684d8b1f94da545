"""What the recognition stages find in one document, gathered before it becomes a batch.

Each stage adds mentions, nodes and edges here; a node or edge found twice keeps one
record with the evidence of both sightings. Sentences are looked up by offset with a
binary search, so attaching evidence costs O(log n) per mention.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from prevgraph.loaders.model import Mention, Sentence
from prevgraph.schema import Edge, Evidence, Node, edge_id
from prevgraph.schema.reference import ReferenceEntry


@dataclass
class Findings:
    """Mentions, nodes and edges found so far in one document, with what was skipped and why."""

    document: str
    text: str
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[str, Edge] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the nearest one before it, between sentences)."""
        index = max(bisect_right(self._starts, offset) - 1, 0)
        return self.sentences[index]

    def evidence(self, start: int, rule: str, end: int | None = None) -> Evidence:
        """Evidence quoting the sentence(s) from the one holding ``start`` to the one holding ``end``."""
        first = self.sentence_at(start)
        last = self.sentence_at(end - 1) if end is not None and end > start else first
        return Evidence(document=self.document, quote=self.text[first.start:max(last.end, first.end)],
                        start=first.start, end=max(last.end, first.end), rule=rule)

    def add_node(self, node: Node) -> Node:
        """Add ``node`` or merge its evidence, aliases and props into the node of the same id."""
        old = self.nodes.get(node.id)
        if old is not None:
            aliases = tuple(dict.fromkeys((*old.aliases, *(a for a in node.aliases if a != old.name))))
            evidence = tuple({(e.start, e.end, e.rule): e for e in (*old.evidence, *node.evidence)}.values())
            node = old.model_copy(update={"aliases": aliases, "evidence": evidence,
                                          "props": {**old.props, **node.props}})
        self.nodes[node.id] = node
        return node

    def mention(self, node: Node, start: int, end: int, rule: str) -> Mention:
        """Record that ``text[start:end]`` names ``node``, with its sentence as the node's evidence."""
        surface = self.text[start:end]
        aliases = (surface,) if surface != node.name and not surface.isupper() or len(surface) < 12 else ()
        self.add_node(node.model_copy(update={"aliases": tuple(a for a in (*node.aliases, *aliases) if a != node.name),
                                              "evidence": (self.evidence(start, rule, end),)}))
        found = Mention(node.id, node.kind, start, end, surface, rule)
        self.mentions.append(found)
        return found

    def add_edge(self, source: str, rel_type: str, target: str, evidence: Evidence, *,
                 qualifier: str | None = None, source_ref: str | None = None, **props) -> Edge:
        """Add an edge between two nodes already found, or merge evidence into the same edge."""
        key = edge_id(source, rel_type, target, None, qualifier)
        old = self.edges.get(key)
        values = {k: v for k, v in props.items() if v is not None}
        if old is None:
            edge = Edge(id=key, type=rel_type, source=source, target=target, source_ref=source_ref,
                        props=values, evidence=(evidence,))
        else:
            merged = {(e.start, e.end, e.rule): e for e in (*old.evidence, evidence)}
            edge = old.model_copy(update={"evidence": tuple(merged.values()), "props": {**old.props, **values}})
        self.edges[key] = edge
        return edge


def reference_node(entry: ReferenceEntry) -> Node:
    """A node carrying the reference facts of ``entry`` (it still needs a mention to enter the graph)."""
    props = {k: v for k, v in entry.props.items() if isinstance(v, str | int | float | bool)}
    if entry.valid_from is not None:
        props["valid_from"] = entry.valid_from
    if entry.valid_to is not None:
        props["valid_to"] = entry.valid_to
    if entry.successor:
        props["successor"] = entry.successor
    return Node(id=entry.id, kind=entry.kind, name=entry.name, aliases=entry.aliases, location=entry.location,
                pillar=entry.pillar, source=entry.source, props=props)


def unreviewed_node(kind: str, name: str, node_id: str, **props) -> Node:
    """A node for an entity the reference data does not know: ``reviewed=False`` until a curator checks it."""
    return Node(id=node_id, kind=kind, name=name, reviewed=False, props={k: v for k, v in props.items() if v is not None})
