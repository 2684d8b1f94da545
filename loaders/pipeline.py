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

import hashlib
import logging
import os
import re
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from prevgraph.errors import DocumentError, PrevgraphError, ValidationError
from prevgraph.graph import GraphStore
from prevgraph.graph.store import EdgeFilter, NodeFilter
from prevgraph.loaders import entities, states
from prevgraph.loaders.authors import document_authors, first_person, organiser_mentions
from prevgraph.loaders.findings import Findings
from prevgraph.loaders.flows import extract_flows
from prevgraph.loaders.meetings import (
    NON_ATTRIBUTION,
    NON_ATTRIBUTION_WORDS,
    Claim,
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
from prevgraph.loaders.names import NAMES_RULE, REMOVE_ALL, NamePolicy
from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.participants import recognise_participants
from prevgraph.loaders.read import LOADABLE_SUFFIXES, RawDocument, read_document
from prevgraph.loaders.resolutions import ResolutionFindings, recognise_resolutions
from prevgraph.loaders.scan import near
from prevgraph.loaders.segment import segment
from prevgraph.schema import DocumentBatch, Edge, Node, node_id, ontology
from prevgraph.schema.records import check_edge_fields, check_node

_LOG = logging.getLogger(__name__)


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
    first = raw.title or next((line.strip() for line in text.splitlines() if line.strip()), raw.path.stem)
    name = f"{first}: {title}" if title and title not in first and len(first) < 40 else first
    props = {"file": raw.path.name, "format": raw.format, "sha256": raw.sha256, "text": text, "genre": genre,
             "names_rule": NAMES_RULE}
    if date:
        props["date"] = date
    if raw.metadata.get("source"):
        props["source"] = raw.metadata["source"]
    return Node(id=document_id(raw.path), kind="Document", name=name[:200], props=props)


def document_id(path: Path) -> str:
    """A Document's id: its file name with the extension, so ``note.pdf`` and ``note.html`` are two documents,
    and reloading the same file replaces its previous version."""
    return node_id("Document", path.name)


def text_document(text: str, name: str = "document") -> RawDocument:
    """A document held in memory as text (tests, benchmarks, text passed over an API)."""
    return RawDocument(Path(f"{name}.txt"), text, "text", hashlib.sha256(text.encode("utf-8")).hexdigest())


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_YEAR = re.compile(rf"\b(?P<month>(?i:{'|'.join(_MONTHS)}))[ \t]+(?P<year>(?:19|20)\d\d)\b")
#: a document symbol that carries its year: Security Council documents and presidential statements
_DATED_SYMBOL = re.compile(r"(?<![\w/])S/(?:PRST/)?(?P<year>(?:19|20)\d\d)/\d{1,4}\b")


def _document_date(raw: RawDocument, text: str, facts: MeetingFacts | None, resolutions: ResolutionFindings,
                   nodes: dict[str, Node]) -> str | None:
    """The meeting's date, else the resolution's, else the date its metadata block gives, else a date in the
    heading, else a month and year there ("Monthly Forecast, November 2025"), else the year of a dated symbol in
    the heading (the "S/2024/341" of "A/78/819-S/2024/341"), else the file's creation date."""
    if facts is not None and facts.date is not None:
        return facts.date.iso_start
    if resolutions.resolution is not None and resolutions.resolution in nodes:
        date = nodes[resolutions.resolution].props.get("date")
        if isinstance(date, str):
            return date
    if raw.metadata.get("date"):
        return raw.metadata["date"]
    block = title_block(text)
    dates = parse_dates(text, 0, block[-1][1]) if block else []
    if dates:
        return dates[0].iso_start
    month = _MONTH_YEAR.search(text, 0, block[-1][1]) if block else None
    if month is not None:
        return f"{month.group('year')}-{_MONTHS.index(month.group('month').lower()) + 1:02d}"
    symbol = _DATED_SYMBOL.search(text, 0, block[-1][1]) if block else None
    if symbol is not None:
        return symbol.group("year")
    created = raw.metadata.get("created", "")
    return created[:10] if created[:4].isdigit() else None


@dataclass
class Recognised:
    """A document after the stages that do not depend on which meeting node it belongs to."""

    raw: RawDocument
    findings: Findings
    genre: str
    date: str | None
    document: Node
    resolutions: ResolutionFindings
    facts: MeetingFacts | None


def recognise(raw: RawDocument, names: NamePolicy = REMOVE_ALL) -> Recognised:
    """Normalise (people's names removed as ``names`` says), segment and run the entity, list, resolution and
    meeting-fact rules over one document."""
    text = normalise(raw.text, names)
    findings = Findings(document_id(raw.path), text, segment(text))
    kept = entities.recognise(findings)
    lists = states.find_lists(findings, kept)
    entities.record(findings, kept, states.protected(findings, lists))
    resolutions = recognise_resolutions(findings)
    states.supporters(findings, lists)
    genre = document_genre(text)
    facts = meeting_facts(findings, genre)
    date = _document_date(raw, text, facts, resolutions, findings.nodes)
    document = document_node(raw, text, genre, facts.title if facts else None, date)
    return Recognised(raw, findings, genre, date, document, resolutions, facts)


def complete(rec: Recognised, claim: Claim | None) -> Built:
    """The meeting-dependent stages (meeting, participants), then the flows, checked against the ontology."""
    findings, facts = rec.findings, rec.facts
    meeting = claim.meeting if claim is not None else None
    if facts is not None and claim is not None:
        record_meeting(findings, facts, claim.meeting, rec.document, claim.name)
    named_meetings(findings, meeting)
    recognise_participants(findings, meeting)
    stated_rule = next(near(NON_ATTRIBUTION, findings.text, NON_ATTRIBUTION_WORDS, 20, 20), None)
    non_attribution = bool(facts and facts.rule) or stated_rule is not None
    authors = document_authors(findings)
    organisers = tuple(dict.fromkeys(m for m, _role, _at in facts.organisers)) if facts is not None else ()
    first = first_person(findings.text, authors) + organiser_mentions(findings.text, organisers)
    ctx = DocumentContext(document=rec.document, text=findings.text, sentences=findings.sentences,
                          mentions=[*findings.mentions, *first], nodes=findings.nodes, meeting=meeting, date=rec.date,
                          genre=rec.genre, non_attribution=non_attribution, resolution=rec.resolutions.resolution,
                          structure=rec.resolutions.structure, authors=authors)
    _merge_flows(findings, extract_flows(ctx))
    skipped = list(findings.skipped)
    nodes, edges = checked(ctx.document, findings.final_nodes(), findings.final_edges(), skipped)
    batch = DocumentBatch(document=ctx.document, nodes=tuple(nodes), edges=tuple(edges))
    return Built(batch, ctx, tuple(dict.fromkeys(skipped)), tuple(dict.fromkeys(findings.warnings)))


def _merge_flows(findings: Findings, extraction: Extraction) -> None:
    for node in extraction.nodes:
        findings.add_node(node)
    for edge in extraction.edges:
        findings.add_record_edge(edge)
    findings.skipped.extend(extraction.skipped)


def checked(document: Node, nodes: list[Node], edges: list[Edge], skipped: list[str]) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges that fit the ontology; each that does not is reported in ``skipped``, never silently dropped."""
    onto = ontology()
    good_nodes = []
    kinds = {document.id: document.kind}
    for node in nodes:
        try:
            check_node(node)
        except ValidationError as exc:
            skipped.append(f"{node.kind} {node.name!r}: {exc}")
            continue
        good_nodes.append(node)
        kinds[node.id] = node.kind
    good_edges = []
    for edge in edges:
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


def build(raw: RawDocument, meetings: MeetingIndex | None = None, names: NamePolicy = REMOVE_ALL) -> Built:
    """Turn one read document into a batch for the store (no store is touched)."""
    rec = recognise(raw, names)
    index = meetings if meetings is not None else MeetingIndex()
    return complete(rec, index.claim(rec.facts) if rec.facts is not None else None)


def build_batch(raw: RawDocument) -> DocumentBatch:
    """The batch of one document, on its own (meetings matched by title only)."""
    return build(raw).batch


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the loadable files inside folders named (sorted).

    Missing paths, and paths or folders the user may not open, are kept in the list so that
    reading them reports each on one line, and the rest of the load carries on.
    """
    files: list[Path] = []
    for path in paths:
        try:
            folder = path.is_dir()
        except OSError:
            folder = False
        files.extend(_files_under(path) if folder else [path])
    return files


def _files_under(folder: Path) -> list[Path]:
    """The loadable files under ``folder``, and the folders below it that cannot be opened."""
    found: list[Path] = []
    for root, _dirs, names in os.walk(folder, onerror=lambda exc: found.append(Path(exc.filename))):
        for name in names:
            path = Path(root, name)
            if path.suffix.lower() in LOADABLE_SUFFIXES and _is_file(path):
                found.append(path)
    return sorted(found)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return True  # reading it will say why it cannot be read


def summarise(built: Built, path: Path, warnings: tuple[str, ...] = ()) -> DocumentReport:
    batch = built.batch
    kinds = Counter(n.kind for n in batch.nodes)
    statuses = Counter(e.status for e in batch.edges if e.status)
    return DocumentReport(path, batch.document.id, dict(sorted(kinds.items())), dict(sorted(statuses.items())),
                          skipped=built.skipped, warnings=built.warnings + warnings)


def loaded_before_name_rule(store: GraphStore) -> list[str]:
    """The files of stored documents whose text was cleaned before people's names were removed from texts.

    Loading them again cleans them; the CLI says so once per load.
    """
    return sorted(str(node.props.get("file", node.name)) for node in store.find_nodes(NodeFilter(kind="Document"))
                  if node.props.get("names_rule") != NAMES_RULE)


def meeting_index(store: GraphStore) -> MeetingIndex:
    """The meetings a store already holds, so that a document loaded later meets its meeting's node."""
    index = MeetingIndex()
    for node in store.find_nodes(NodeFilter(kind="Meeting")):
        index.add(node)
    return index


def _failed(path: Path, exc: Exception) -> DocumentReport:
    """A document whose reading or extraction failed: its own error, or, for a fault of prevgraph itself, a
    message that says so; the store is left as it was and the rest of the load carries on."""
    if isinstance(exc, PrevgraphError):
        return DocumentReport(path, error=str(exc) if isinstance(exc, DocumentError) else f"{path}: {exc}")
    _LOG.debug("extracting %s failed", path, exc_info=exc)
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return DocumentReport(path, error=f"{path}: not loaded: prevgraph failed while extracting it "
                                      f"({type(exc).__name__}: {exc}, at {Path(where.filename).name}:{where.lineno}); "
                                      f"please report this, with the file if you can")


def _recognised(path: Path, names: NamePolicy) -> Recognised | DocumentReport:
    try:
        return recognise(read_document(path), names)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the load
        return _failed(path, exc)


def _write(rec: Recognised, claim: Claim | None, path: Path, store: GraphStore) -> DocumentReport:
    try:
        built = complete(rec, claim)
        store.load_document(built.batch)
    except Exception as exc:  # noqa: BLE001 - a store error or a fault of extraction: reported, never raised
        return _failed(path, exc)
    return summarise(built, path)


def load_file(path: Path, store: GraphStore, meetings: MeetingIndex | None = None,
              names: NamePolicy = REMOVE_ALL) -> DocumentReport:
    """Load one file; a failure is reported, never raised, so the rest of a load carries on."""
    index = meetings if meetings is not None else meeting_index(store)
    rec = _recognised(path, names)
    if isinstance(rec, DocumentReport):
        return rec
    claim = index.claim(rec.facts) if rec.facts is not None else None
    report = _write(rec, claim, path, store)
    if claim is None or not claim.absorbs or report.error:
        return report
    return replace(report, warnings=report.warnings + relink(store, claim, index, {report.document}, names))


def load_paths(paths: Iterable[Path], store: GraphStore, names: NamePolicy = REMOVE_ALL) -> Iterator[DocumentReport]:
    """Load every file under ``paths``, one transaction each, and report on each as it is written.

    Documents that belong to a meeting are written last, once every document of the load
    has said what it knows of its meeting: titled ones claim their meeting first, so a
    concept note that gives no title meets the node its event page names, whatever the
    order of the files. Documents of no meeting are written as soon as they are read.
    A titled document that shows a meeting stored earlier from untitled documents to be
    its own re-links those documents (:func:`relink`), so separate loads in any order
    give one meeting too.
    """
    index = meeting_index(store)
    deferred: list[Recognised] = []
    for path in expand_paths(paths):
        rec = _recognised(path, names)
        if isinstance(rec, DocumentReport):
            yield rec
        elif rec.facts is None:
            yield _write(rec, None, path, store)
        else:
            deferred.append(rec)
    claims = {id(rec): index.claim(rec.facts) for rec in sorted(deferred, key=_claim_order) if rec.facts}
    this_load = {rec.document.id for rec in deferred}
    for rec in deferred:
        claim = claims[id(rec)]
        report = _write(rec, claim, rec.raw.path, store)
        if claim.absorbs and not report.error:
            report = replace(report, warnings=report.warnings + relink(store, claim, index, this_load, names))
        yield report


def _claim_order(rec: Recognised) -> tuple[bool, bool]:
    """Titled meetings with organisers first, then titled ones, then untitled ones."""
    facts = rec.facts
    return (facts is None or facts.title is None, facts is None or not facts.organisers)


def stored_document(node: Node) -> RawDocument | None:
    """A stored Document as a read document again: its normalised text (normalising it again changes nothing)."""
    text, file = node.props.get("text"), node.props.get("file")
    if not isinstance(text, str) or not isinstance(file, str) or not text.strip():
        return None
    return RawDocument(Path(file), text, str(node.props.get("format", "text")), str(node.props.get("sha256", "")))


def relink(store: GraphStore, claim: Claim, index: MeetingIndex, skip: set[str | None],
           names: NamePolicy = REMOVE_ALL) -> tuple[str, ...]:
    """Reload, from their stored text, the documents of the meetings ``claim`` absorbs, now as documents of its meeting.

    The provisional meeting loses its last evidence and is deleted by the reload; the
    Document node is kept as stored, with its date (its name and date may come from file
    metadata the text lacks).
    Returns one line per document re-linked, for the load report.
    """
    said: list[str] = []
    for absorbed in claim.absorbs:
        for edge in store.find_edges(EdgeFilter(types=("PART_OF",), target=absorbed)):
            node = store.node(edge.source)
            raw = stored_document(node) if node is not None and node.kind == "Document" else None
            if raw is None or node is None or node.id in skip or document_id(raw.path) != node.id:
                continue
            rec = recognise(raw, names)
            stored_date = node.props.get("date")
            rec = replace(rec, document=node, date=stored_date if isinstance(stored_date, str) else rec.date)
            facts_claim = index.claim(rec.facts) if rec.facts is not None else claim
            if store_error := _write(rec, facts_claim, raw.path, store).error:
                said.append(f"could not re-link {raw.path.name} to this meeting: {store_error}")
            else:
                said.append(f"{raw.path.name} ({node.name!r}), loaded earlier without the meeting's title, is now "
                            f"a document of this meeting")
    return tuple(said)
