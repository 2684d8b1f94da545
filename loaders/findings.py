"""What the recognition stages find in one document, gathered before it becomes a batch.

Each stage adds mentions, nodes and edges here; a node or edge found twice keeps one
record with the evidence of both sightings. Sentences are looked up by offset with a
binary search, so attaching evidence costs O(log n) per mention.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from prevgraph.loaders.model import Mention, Sentence
from prevgraph.schema import Edge, Evidence, Node, edge_id, gazetteer
from prevgraph.schema.reference import ReferenceEntry

#: "its fifty-second session" is kept as the alias "fifty-second session": the name, not its determiner
_LEADING_DETERMINER = re.compile(r"^(?:its|their|his|her|our|the)\s+(?=\S)", re.IGNORECASE)

@dataclass
class Findings:
    """Mentions, nodes and edges found so far in one document, with what was skipped and why.

    Evidence and aliases are gathered per node as mentions come and put on the nodes once,
    by :meth:`final_nodes`, so a body named a thousand times costs a thousand appends, not
    a thousand copies of a growing record.
    """

    document: str
    text: str
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[str, Edge] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    _evidence: dict[str, dict[tuple[int, int, str], Evidence]] = field(default_factory=dict, repr=False)
    _aliases: dict[str, dict[str, None]] = field(default_factory=dict, repr=False)
    _edge_evidence: dict[str, dict[tuple[int, int, str], Evidence]] = field(default_factory=dict, repr=False)
    _quotes: dict[tuple[int, int, str], Evidence] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the nearest one before it, between sentences)."""
        index = max(bisect_right(self._starts, offset) - 1, 0)
        return self.sentences[index]

    def evidence(self, start: int, rule: str, end: int | None = None) -> Evidence:
        """Evidence quoting the sentence(s) from the one holding ``start`` to the one holding ``end``.

        One Evidence record per (sentence span, rule): the many mentions of one sentence share it.
        """
        first = self.sentence_at(start)
        last = self.sentence_at(end - 1) if end is not None and end > first.end else first
        stop = max(last.end, first.end)
        key = (first.start, stop, rule)
        found = self._quotes.get(key)
        if found is None:
            found = self._quotes[key] = Evidence(document=self.document, quote=self.text[first.start:stop],
                                                 start=first.start, end=stop, rule=rule)
        return found

    def add_node(self, node: Node) -> Node:
        """Add ``node`` (its evidence and aliases gathered), or merge its props into the node of the same id."""
        old = self.nodes.get(node.id)
        if old is node:  # the same record again (a reference node named twice): nothing new to gather
            return node
        if old is None:
            self.nodes[node.id] = node.model_copy(update={"evidence": ()}) if node.evidence else node
            self._evidence[node.id] = {}
            self._aliases[node.id] = dict.fromkeys(node.aliases)
        elif node.props and any(old.props.get(k) != v for k, v in node.props.items()):
            self.nodes[node.id] = old.model_copy(update={"props": {**old.props, **node.props}})
        for ev in node.evidence:
            self._evidence[node.id].setdefault((ev.start, ev.end, ev.rule), ev)
        aliases = self._aliases[node.id]
        for alias in node.aliases:
            aliases.setdefault(alias, None)
        return self.nodes[node.id]

    def mention(self, node: Node, start: int, end: int, rule: str) -> Mention:
        """Record that ``text[start:end]`` names ``node``, with its sentence as the node's evidence."""
        surface = self.text[start:end]
        self.add_node(node)
        spelled = _LEADING_DETERMINER.sub("", " ".join(surface.split()))
        if spelled != node.name and (not spelled.isupper() or len(spelled) <= 10):
            self._aliases[node.id].setdefault(spelled, None)
        ev = self.evidence(start, rule, end)
        self._evidence[node.id].setdefault((ev.start, ev.end, rule), ev)
        found = Mention(node.id, node.kind, start, end, surface, rule)
        self.mentions.append(found)
        return found

    def add_edge(self, source: str, rel_type: str, target: str, evidence: Evidence, *,
                 qualifier: str | None = None, source_ref: str | None = None, **props) -> str:
        """Add an edge between two nodes already found, or add evidence to the same edge; returns its id."""
        key = edge_id(source, rel_type, target, None, qualifier)
        values = {k: v for k, v in props.items() if v is not None}
        old = self.edges.get(key)
        if old is None:
            self.edges[key] = Edge(id=key, type=rel_type, source=source, target=target, source_ref=source_ref,
                                   props=values)
            self._edge_evidence[key] = {}
        elif values and any(old.props.get(k) != v for k, v in values.items()):
            self.edges[key] = old.model_copy(update={"props": {**old.props, **values}})
        self._edge_evidence[key].setdefault((evidence.start, evidence.end, evidence.rule), evidence)
        return key

    def add_record_edge(self, edge: Edge) -> None:
        """Add an edge made by another stage (the flows), keeping the evidence of both if it is already here."""
        if edge.id not in self.edges:
            self.edges[edge.id] = edge.model_copy(update={"evidence": ()})
            self._edge_evidence[edge.id] = {}
        for ev in edge.evidence:
            self._edge_evidence[edge.id].setdefault((ev.start, ev.end, ev.rule), ev)

    def final_nodes(self) -> list[Node]:
        """Every node with all its evidence and the names the document used for it."""
        out = []
        for node_id, node in self.nodes.items():
            aliases = tuple(a for a in self._aliases.get(node_id, {}) if a != node.name)
            evidence = tuple(self._evidence.get(node_id, {}).values())
            out.append(node.model_copy(update={"aliases": aliases, "evidence": evidence}))
        return out

    def final_edges(self) -> list[Edge]:
        return [edge.model_copy(update={"evidence": tuple(self._edge_evidence.get(key, {}).values())})
                for key, edge in self.edges.items()]


def reference_node(entry: ReferenceEntry) -> Node:
    """A node carrying the reference facts of ``entry`` (it still needs a mention to enter the graph)."""
    return _reference_node(entry.id) if gazetteer().entries.get(entry.id) is entry else _node_of(entry)


@cache
def _reference_node(entry_id: str) -> Node:
    return _node_of(gazetteer().entries[entry_id])


def _node_of(entry: ReferenceEntry) -> Node:
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
    return Node(id=node_id, kind=kind, name=name, reviewed=False,
                props={k: v for k, v in props.items() if v is not None})
