"""Where the flow rules put what they find: one edge per fact, checked against the ontology.

Two sentences stating one flow give one edge with two pieces of evidence (ids come from
:func:`prevgraph.schema.edge_id`, so the same fact in two documents meets too). An edge the
ontology does not allow, or one whose endpoint is not a node of the document, is not
kept: the reason goes to ``skipped`` so ``prevgraph load`` can say why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from prevgraph.loaders.findings import reference_node
from prevgraph.loaders.model import DocumentContext, Extraction, Sentence
from prevgraph.schema import Edge, Node, edge_id, node_id, ontology
from prevgraph.schema.records import PropValue
from prevgraph.schema.reference import ReferenceEntry


@dataclass
class FlowSink:
    ctx: DocumentContext
    edges: dict[str, Edge] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    #: nodes a flow rule adds because a sentence states them without naming them (a Charter article's ends)
    nodes: dict[str, Node] = field(default_factory=dict)
    _kinds: dict[str, str] = field(default_factory=dict)
    #: flows a vote stopped whose voters the sentence did not name: (flow id, its source, the sentence's end);
    #: the next sentences may list the States that voted against
    vote_stopped: list[tuple[str, str, int]] = field(default_factory=list)
    #: the BRIEFS edges recorded so far, with the start of the sentence that stated each, in order: a later
    #: clause may say what became of them ("..., but the meeting was called off")
    stated: list[tuple[str, int]] = field(default_factory=list)
    #: the qualifier each edge's identity was made with, so a restated edge keeps it
    _qualifiers: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._kinds.update({m.node_id: m.kind for m in self.ctx.mentions})
        self._kinds.update({node_id: node.kind for node_id, node in self.ctx.nodes.items()})

    def kind(self, node_id: str) -> str | None:
        return self._kinds.get(node_id)

    def name(self, node_id: str) -> str:
        node = self.ctx.nodes.get(node_id)
        return node.name if node is not None else node_id

    def mandate_key(self, mandate: str) -> str:
        """What identifies a mandated flow: its resolution (a paragraph stands for the resolution that holds it),
        so the mandate a resolution's text states and a report's "as mandated by resolution X" meet."""
        node = self.ctx.nodes.get(mandate)
        if node is not None and node.kind == "Paragraph" and node.props.get("resolution"):
            return node_id("Resolution", str(node.props["resolution"]))
        return mandate

    def implied(self, entry: ReferenceEntry, sentence: Sentence, rule: str) -> None:
        """Add the reference node ``entry`` with ``sentence`` as its evidence, if the document does not name it."""
        if self.kind(entry.id) is not None and entry.id not in self.nodes:
            return
        node = self.nodes.get(entry.id) or reference_node(entry)
        evidence = self.ctx.evidence(sentence, rule)
        if evidence not in node.evidence:
            node = node.model_copy(update={"evidence": (*node.evidence, evidence)})
        self.nodes[entry.id] = node
        self._kinds[entry.id] = entry.kind

    def skip(self, sentence: Sentence, reason: str) -> None:
        self.skipped.append(f"{reason} (at {sentence.start}: {sentence.text[:80]!r})")

    def add(
        self,
        rel_type: str,
        source: str,
        target: str,
        *,
        sentence: Sentence,
        rule: str,
        status: str | None = None,
        date: str | None = None,
        props: dict[str, PropValue] | None = None,
        blocks: str | None = None,
        qualifier: str | None = None,
        year: str | None = None,
        match: tuple[int, int] | None = None,
    ) -> str | None:
        """Add (or add evidence to) one edge; returns its id, or None if it was not kept.

        ``year``: the year the sentence states for the event (not the document's): two events between
        the same ends in different years are two edges. ``match``: the span of the words that state it.
        """
        source_kind, target_kind = self.kind(source), self.kind(target)
        if source_kind is None or target_kind is None:
            self.skip(sentence, f"{rel_type} {source} -> {target}: endpoint is not a node of the document")
            return None
        if not ontology().relationship_kinds[rel_type].allows(source_kind, target_kind):
            self.skip(sentence, f"{rel_type} from a {source_kind} to a {target_kind} is not in the ontology "
                                f"({self.name(source)} -> {self.name(target)})")
            return None
        key = "|".join(x for x in (qualifier, (year or "")[:4]) if x) or None
        identity = edge_id(source, rel_type, target, status, key)
        self._qualifiers[identity] = key
        span = (max(match[0], sentence.start), min(match[1], sentence.end)) if match is not None else None
        evidence = self.ctx.evidence(sentence, rule, span if span is not None and span[0] <= span[1] else None)
        clean = {k: v for k, v in (props or {}).items() if v is not None}
        existing = self.edges.get(identity)
        if existing is None:
            self.edges[identity] = Edge(id=identity, type=rel_type, source=source, target=target, status=status,
                                        blocks=blocks, date=date, props=clean, evidence=(evidence,))
        else:
            more = () if evidence in existing.evidence else (evidence,)
            self.edges[identity] = existing.model_copy(update={
                "evidence": existing.evidence + more,
                "props": {**clean, **existing.props},
                "date": existing.date or date,
            })
        return identity

    def restate(self, identity: str, status: str, *, sentence: Sentence, rule: str, reason: str,
                match: tuple[int, int]) -> str:
        """Give the edge ``identity`` the status a later sentence shows it ended with ("was expected to brief"
        and then "the meeting was called off"): one edge, with the evidence of both sentences."""
        old = self.edges.pop(identity)
        key = self._qualifiers.get(identity)
        new_id = edge_id(old.source, old.type, old.target, status, key)
        self._qualifiers[new_id] = key
        evidence = self.ctx.evidence(sentence, rule, (max(match[0], sentence.start), min(match[1], sentence.end)))
        merged = self.edges.get(new_id, old)
        self.edges[new_id] = merged.model_copy(update={
            "id": new_id, "status": status, "props": {**old.props, **merged.props, "reason": reason},
            "evidence": tuple(dict.fromkeys((*merged.evidence, *old.evidence, evidence)))})
        self.stated = [(new_id if e == identity else e, at) for e, at in self.stated]
        return new_id

    def drop(self, unwanted: Callable[[Edge], bool]) -> None:
        """Remove the edges a later sentence shows to be wrong (a vote's body once its voters are named)."""
        self.edges = {k: e for k, e in self.edges.items() if not unwanted(e)}

    def extraction(self) -> Extraction:
        return Extraction(nodes=list(self.nodes.values()), edges=list(self.edges.values()), skipped=list(self.skipped))
