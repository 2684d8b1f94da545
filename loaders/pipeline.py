"""The loading pipeline, one document at a time.

read -> normalise -> segment -> recognise entities (``entities``), lists of States
(``states``), resolutions and paragraphs (``resolutions``) -> the document's meeting,
meetings named, participants (``meetings``, ``participants``) -> :class:`DocumentContext`
-> flows (``flows.extract_flows``) -> checked against the ontology -> DocumentBatch ->
store. Each stage is a function over typed records; :func:`build` touches no store, and
:func:`load_paths` reports per document what it found and what it skipped and why,
carrying on past a file that fails.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from prevgraph.errors import DocumentError, PrevgraphError, ValidationError
from prevgraph.graph import GraphStore
from prevgraph.graph.store import NodeFilter
from prevgraph.loaders import entities, states
from prevgraph.loaders.findings import Findings
from prevgraph.loaders.meetings import (
    NON_ATTRIBUTION,
    MeetingFacts,
    MeetingIndex,
    document_genre,
    meeting_facts,
    named_meetings,
    parse_dates,
    record_meeting,
    title_block,
)
from prevgraph.loaders.model import DocumentContext, Extraction
from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.participants import recognise_participants
from prevgraph.loaders.read import LOADABLE_SUFFIXES, RawDocument, read_document
from prevgraph.loaders.resolutions import ResolutionFindings, recognise_resolutions
from prevgraph.loaders.segment import segment
from prevgraph.schema import DocumentBatch, Edge, Node, node_id, ontology
from prevgraph.schema.records import check_edge_fields, check_node

try:
    from prevgraph.loaders.flows import extract_flows
except ImportError:  # the flow rules land separately; until they do, loading runs without them
    extract_flows = None


@dataclass(frozen=True)
class DocumentReport:
    """What one file gave (entities by kind, flows by status, what was skipped and why), or why it gave nothing."""

    path: Path
    document: str | None = None
    nodes_by_kind: dict[str, int] = field(default_factory=dict)
    flows_by_status: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Built:
    """One document turned into a batch, with the context the rules read and what they left out."""

    batch: DocumentBatch
    context: DocumentContext
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def document_node(raw: RawDocument, text: str, genre: str, title: str | None, date: str | None) -> Node:
    """The Document node: its title (the meeting's, after a genre label such as "Concept note"), genre and date."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), raw.path.stem)
    name = f"{first}: {title}" if title and title not in first and len(first) < 40 else first
    props = {"file": raw.path.name, "format": raw.format, "sha256": raw.sha256, "text": text, "genre": genre}
    if date:
        props["date"] = date
    return Node(id=node_id("Document", raw.path.stem), kind="Document", name=name[:200], props=props)


def _document_date(text: str, facts: MeetingFacts | None, resolutions: ResolutionFindings, nodes: dict[str, Node]) -> str | None:
    if facts is not None and facts.date is not None:
        return facts.date.iso_start
    if resolutions.resolution is not None and resolutions.resolution in nodes:
        date = nodes[resolutions.resolution].props.get("date")
        if isinstance(date, str):
            return date
    block = title_block(text)
    dates = parse_dates(text, 0, block[-1][1]) if block else []
    return dates[0].iso_start if dates else None


def recognise(raw: RawDocument, meetings: MeetingIndex) -> tuple[DocumentContext, Findings]:
    """Every recognition stage over one document; the flows are not run yet."""
    text = normalise(raw.text)
    provisional = node_id("Document", raw.path.stem)
    findings = Findings(provisional, text, segment(text))
    kept = entities.recognise(findings)
    lists = states.find_lists(findings, kept)
    entities.record(findings, kept, states.protected(findings, lists))
    resolutions = recognise_resolutions(findings)
    states.supporters(findings, lists)
    genre = document_genre(text)
    facts = meeting_facts(findings, genre)
    date = _document_date(text, facts, resolutions, findings.nodes)
    document = document_node(raw, text, genre, facts.title if facts else None, date)
    meeting = None
    if facts is not None:
        meeting = meetings.resolve(facts)
        record_meeting(findings, facts, meeting, document)
    named_meetings(findings, meeting)
    recognise_participants(findings, meeting)
    if meeting is None and any(m.kind == "Participant" for m in findings.mentions):
        findings.skipped.append("participants named, but the document belongs to no meeting")
    non_attribution = bool(facts and facts.rule) or bool(NON_ATTRIBUTION.search(text))
    ctx = DocumentContext(document=document, text=text, sentences=findings.sentences, mentions=findings.mentions,
                          nodes=findings.nodes, meeting=meeting, date=date, genre=genre,
                          non_attribution=non_attribution, resolution=resolutions.resolution,
                          structure=resolutions.structure)
    return ctx, findings


def _merge_flows(findings: Findings, extraction: Extraction) -> None:
    for node in extraction.nodes:
        findings.add_node(node)
    for edge in extraction.edges:
        old = findings.edges.get(edge.id)
        if old is not None:
            evidence = {(e.document, e.start, e.end, e.rule): e for e in (*old.evidence, *edge.evidence)}
            edge = old.model_copy(update={"evidence": tuple(evidence.values())})
        findings.edges[edge.id] = edge
    findings.skipped.extend(extraction.skipped)


def checked(document: Node, nodes: dict[str, Node], edges: dict[str, Edge], skipped: list[str]) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges that fit the ontology; each that does not is reported in ``skipped``, never silently dropped."""
    onto = ontology()
    good_nodes = []
    kinds = {document.id: document.kind}
    for node in nodes.values():
        try:
            check_node(node)
        except ValidationError as exc:
            skipped.append(f"{node.kind} {node.name!r}: {exc}")
            continue
        good_nodes.append(node)
        kinds[node.id] = node.kind
    good_edges = []
    for edge in edges.values():
        try:
            if edge.source not in kinds or edge.target not in kinds:
                raise ValidationError("an end is not among the document's nodes")
            onto.check_edge(kinds[edge.source], edge.type, kinds[edge.target])
            check_edge_fields(edge)
        except ValidationError as exc:
            skipped.append(f"{edge.type} {edge.source} -> {edge.target}: {exc}")
            continue
        good_edges.append(edge)
    return good_nodes, good_edges


def build(raw: RawDocument, meetings: MeetingIndex | None = None) -> Built:
    """Turn one read document into a batch for the store (no store is touched)."""
    ctx, findings = recognise(raw, meetings or MeetingIndex())
    if extract_flows is not None:
        _merge_flows(findings, extract_flows(ctx))
    skipped = list(findings.skipped)
    nodes, edges = checked(ctx.document, findings.nodes, findings.edges, skipped)
    batch = DocumentBatch(document=ctx.document, nodes=tuple(nodes), edges=tuple(edges))
    return Built(batch, ctx, tuple(dict.fromkeys(skipped)), tuple(dict.fromkeys(findings.warnings)))


def build_batch(raw: RawDocument) -> DocumentBatch:
    """The batch of one document, on its own (meetings matched by title only)."""
    return build(raw).batch


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the loadable files inside folders named (sorted); missing paths are kept to be reported."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADABLE_SUFFIXES))
        else:
            files.append(path)
    return files


def summarise(built: Built, path: Path) -> DocumentReport:
    batch = built.batch
    kinds = Counter(n.kind for n in batch.nodes)
    statuses = Counter(e.status for e in batch.edges if e.status)
    return DocumentReport(path, batch.document.id, dict(sorted(kinds.items())), dict(sorted(statuses.items())),
                          skipped=built.skipped, warnings=built.warnings)


def meeting_index(store: GraphStore) -> MeetingIndex:
    """The meetings a store already holds, so that a document loaded later meets its meeting's node."""
    index = MeetingIndex()
    for node in store.find_nodes(NodeFilter(kind="Meeting")):
        index.add(node)
    return index


def load_file(path: Path, store: GraphStore, meetings: MeetingIndex | None = None) -> DocumentReport:
    """Load one file; a failure is reported, never raised, so the rest of a load carries on."""
    index = meetings if meetings is not None else meeting_index(store)
    try:
        built = build(read_document(path), index)
        store.load_document(built.batch)
    except DocumentError as exc:
        return DocumentReport(path, error=str(exc))
    except PrevgraphError as exc:
        return DocumentReport(path, error=f"{path}: {exc}")
    for node in built.batch.nodes:
        if node.kind == "Meeting" and node.id == built.context.meeting:
            index.add(node)
    return summarise(built, path)


def load_paths(paths: Iterable[Path], store: GraphStore) -> Iterator[DocumentReport]:
    """Load every file under ``paths``, one transaction each, meetings matched across them."""
    index = meeting_index(store)
    for path in expand_paths(paths):
        yield load_file(path, store, index)
