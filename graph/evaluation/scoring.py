"""Score what a store holds against gold annotations: the honest gauge behind `prevgraph eval`.

Everything is matched per document: a gold entity is found when a node the document supports (one
with evidence from it) carries one of the entity's names as its name or an alias, compared with
:func:`name_key` (a resolution also by its number, :func:`resolution_key`, a paragraph by its number in
the document, :func:`paragraph_key`); a gold fact is found when
an edge of that document joins the entities' nodes.
An office stands for its body and a paragraph for its resolution (along ``PART_OF``), so a briefing
by the President of a council matches a gold flow from that council, and a request in paragraph 5
matches one from the resolution. Flows are matched one to one: a gold flow takes at most one edge
and an edge counts for at most one gold flow, preferring the edge with the same status, then year.

The counting primitives (:class:`Tally`, :func:`match_flows`, :class:`FlowScore`) work on node ids and
are shared with ``benchmarks/bench_loaders.py``, so the benchmark and the command score alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from prevgraph.graph.evaluation.gold import GoldDocument, GoldFact
from prevgraph.graph.store import EdgeFilter, GraphStore
from prevgraph.schema import Edge, Node, node_id, ontology

#: the column of the status confusion matrix for gold flows the store does not hold
MISSED = "MISSED"
#: the row of the status confusion matrix for flows the store holds that no gold flow matches
NOT_IN_GOLD = "NOT_IN_GOLD"
#: kinds of node that stand for the node they are PART_OF when a flow's ends are compared
STANDS_FOR_PARENT = frozenset({"Office", "Paragraph"})

_SESSION_NUMBER = re.compile(r"\b(\d{1,3}/\d{1,3})\b")
_COUNCIL_NUMBER = re.compile(r"\b(\d{3,4})\b(?!/)")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2019": "'", "\u2018": "'"})


def name_key(name: str) -> str:
    """The form two names are compared in: case, whitespace, dashes, apostrophes and a leading article
    do not count (``"the  Human Rights Council"`` and ``"human rights council"`` are one name).

    >>> name_key("The  Peacebuilding Commission.")
    'peacebuilding commission'
    """
    text = " ".join(unicodedata.normalize("NFKC", name).translate(_DASHES).casefold().split())
    return _ARTICLE.sub("", text).strip(" .,;:")


def resolution_key(name: str) -> str | None:
    """The number a resolution is cited by, whatever the form: ``"A/HRC/RES/45/31"`` and ``"Council resolution
    45/31"`` give ``"45/31"``, ``"S/RES/2282 (2016)"`` and ``"resolution 2282"`` give ``"2282"``.

    >>> resolution_key("General Assembly resolution 60/251 of 15 March 2006")
    '60/251'
    """
    numbers = _SESSION_NUMBER.findall(name)
    if numbers:
        return str(numbers[0])
    council = _COUNCIL_NUMBER.search(name)
    return council.group(1) if council else None


_GOLD_PARAGRAPH = re.compile(r"^(?:operative\s+)?(?:paragraph\s+|para\.?\s*|op\.?\s*)?(\d+)\s*(\([a-z]{1,4}\))?\s*\.?$",
                             re.IGNORECASE)
_NODE_PARAGRAPH = re.compile(r"paragraph\s+(\d+)\s*(\([a-z]{1,4}\))?", re.IGNORECASE)


def paragraph_key(name: str, *, gold: bool) -> str | None:
    """The number a paragraph goes by: an annotator's ``"2."``, ``"paragraph 5 (f)"`` or ``"op 3"``, or the
    ``"paragraph 2"`` in a Paragraph node's name (``"A/HRC/RES/53/14, paragraph 2"``), as ``"2"`` or ``"5(f)"``.

    >>> paragraph_key("5 (f)", gold=True), paragraph_key("A/RES/60/251, paragraph 5(f)", gold=False)
    ('5(f)', '5(f)')
    """
    found = (_GOLD_PARAGRAPH.match(name.strip()) if gold else _NODE_PARAGRAPH.search(name))
    return found.group(1) + (found.group(2) or "").lower() if found else None


@dataclass
class Tally:
    """True positives, false positives and false negatives, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Any], expected: set[Any]) -> None:
        """Count a document whose answers are sets (the benchmark's entities)."""
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def line(self) -> str:
        return (f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass(frozen=True)
class ExpectedFlow:
    """A gold flow with its ends as the node ids that may stand for them (empty: the entity was not found)."""

    subjects: frozenset[str]
    type: str
    objects: frozenset[str]
    status: str | None
    year: int | None = None
    about: GoldFact | None = None


@dataclass(frozen=True)
class FoundFlow:
    """A flow the store holds, with each end widened to what it stands for (itself, and its body or resolution)."""

    sources: frozenset[str]
    type: str
    targets: frozenset[str]
    status: str
    year: int | None = None
    edge: Edge | None = None


@dataclass(frozen=True)
class FlowMatch:
    """Gold flows paired with found ones, and what is left over on each side."""

    pairs: tuple[tuple[ExpectedFlow, FoundFlow], ...]
    missed: tuple[ExpectedFlow, ...]
    false: tuple[FoundFlow, ...]


def _joins(expected: ExpectedFlow, found: FoundFlow) -> bool:
    return (expected.type == found.type and not expected.subjects.isdisjoint(found.sources)
            and not expected.objects.isdisjoint(found.targets))


def match_flows(expected: Sequence[ExpectedFlow], found: Sequence[FoundFlow]) -> FlowMatch:
    """Pair gold and found flows one to one on type and ends, in passes from the closest agreement
    (same status and year) to the loosest (ends only), so that a wrong-status pairing never takes an
    edge another gold flow states exactly."""
    free = list(range(len(found)))
    paired: dict[int, int] = {}
    passes = ((True, True), (True, False), (False, True), (False, False))
    for same_status, same_year in passes:
        for gi, gold in enumerate(expected):
            if gi in paired:
                continue
            for fi in free:
                candidate = found[fi]
                if (_joins(gold, candidate) and (not same_status or gold.status == candidate.status)
                        and (not same_year or gold.year == candidate.year)):
                    paired[gi] = fi
                    free.remove(fi)
                    break
    return FlowMatch(pairs=tuple((expected[gi], found[fi]) for gi, fi in sorted(paired.items())),
                     missed=tuple(g for gi, g in enumerate(expected) if gi not in paired),
                     false=tuple(found[fi] for fi in free))


@dataclass
class FlowScore:
    """Flow precision, recall and F1 by type (type and ends), with status, and the status confusion."""

    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    with_status: Tally = field(default_factory=Tally)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    years_agreeing: int = 0
    years_given: int = 0

    def add(self, match: FlowMatch) -> None:
        for gold, found in match.pairs:
            self.by_type[gold.type].tp += 1
            if gold.status is None:
                continue
            self.confusion[gold.status][found.status] += 1
            if gold.status == found.status:
                self.with_status.tp += 1
            else:
                self.with_status.fp += 1
                self.with_status.fn += 1
            if gold.year is not None:
                self.years_given += 1
                self.years_agreeing += gold.year == found.year
        for gold in match.missed:
            self.by_type[gold.type].fn += 1
            if gold.status is not None:
                self.with_status.fn += 1
                self.confusion[gold.status][MISSED] += 1
        for found in match.false:
            self.by_type[found.type].fp += 1
            self.with_status.fp += 1
            self.confusion[NOT_IN_GOLD][found.status] += 1

    @property
    def endpoints(self) -> Tally:
        """Type and ends, whatever the status: the sum over types."""
        total = Tally()
        for tally in self.by_type.values():
            total.tp, total.fp, total.fn = total.tp + tally.tp, total.fp + tally.fp, total.fn + tally.fn
        return total

    def confusion_matrix(self) -> dict[str, dict[str, int]]:
        """Gold status (rows, then NOT_IN_GOLD) by found status (columns, then MISSED), every cell given."""
        statuses = list(ontology().statuses)
        return {row: {column: self.confusion.get(row, Counter())[column] for column in
                      (statuses if row == NOT_IN_GOLD else [*statuses, MISSED])}
                for row in [*statuses, NOT_IN_GOLD]}

    def as_dict(self) -> dict[str, Any]:
        endpoints = self.endpoints
        return {
            "precision": round(endpoints.precision, 4), "recall": round(endpoints.recall, 4),
            "f1": round(endpoints.f1, 4), "status_recall": round(self.with_status.recall, 4),
            "gold": endpoints.tp + endpoints.fn, "found": endpoints.tp + endpoints.fp, "matched": endpoints.tp,
            "with_status": self.with_status.as_dict(),
            "by_type": {kind: tally.as_dict() for kind, tally in sorted(self.by_type.items())},
            "year_agreement": round(self.years_agreeing / self.years_given, 4) if self.years_given else None,
        }


@dataclass
class KindRecall:
    gold: int = 0
    found: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


@dataclass(frozen=True)
class Miss:
    """A gold entity or fact the store does not hold, or a flow it holds that no gold flow states."""

    document: str
    what: str
    quote: str


@dataclass
class Evaluation:
    """The scores over every gold document scored, and what was missed or wrongly found."""

    documents: list[str] = field(default_factory=list)
    not_loaded: list[str] = field(default_factory=list)
    entities: dict[str, KindRecall] = field(default_factory=lambda: defaultdict(KindRecall))
    kinds_agreeing: int = 0
    flows: FlowScore = field(default_factory=FlowScore)
    structure: dict[str, KindRecall] = field(default_factory=lambda: defaultdict(KindRecall))
    missed_entities: list[Miss] = field(default_factory=list)
    missed_flows: list[Miss] = field(default_factory=list)
    wrong_status: list[Miss] = field(default_factory=list)
    false_flows: list[Miss] = field(default_factory=list)
    missed_structure: list[Miss] = field(default_factory=list)

    @property
    def entity_total(self) -> KindRecall:
        return KindRecall(sum(k.gold for k in self.entities.values()), sum(k.found for k in self.entities.values()))

    @property
    def structure_total(self) -> KindRecall:
        return KindRecall(sum(k.gold for k in self.structure.values()),
                          sum(k.found for k in self.structure.values()))

    def as_json(self) -> dict[str, Any]:
        """The JSON `prevgraph eval --format json` writes (keys documented in docs/annotation.md)."""

        def recall(counts: KindRecall) -> dict[str, Any]:
            return {"gold": counts.gold, "found": counts.found, "recall": round(counts.recall, 4)}

        entities = self.entity_total
        structure = self.structure_total
        return {
            "documents": self.documents,
            "not_loaded": self.not_loaded,
            "entities": {**recall(entities), "by_kind": {k: recall(v) for k, v in sorted(self.entities.items())},
                         "kind_agreement": round(self.kinds_agreeing / entities.found, 4) if entities.found else None},
            "flows": self.flows.as_dict(),
            "status_confusion": self.flows.confusion_matrix(),
            "structure": {"gold": structure.gold, "linked": structure.found, "recall": round(structure.recall, 4),
                          "by_relation": {k: recall(v) for k, v in sorted(self.structure.items())}},
            "missed_entities": [m.__dict__ for m in self.missed_entities],
            "missed_flows": [m.__dict__ for m in self.missed_flows],
            "wrong_status": [m.__dict__ for m in self.wrong_status],
            "false_flows": [m.__dict__ for m in self.false_flows],
            "missed_structure": [m.__dict__ for m in self.missed_structure],
        }


@dataclass(frozen=True)
class StoreView:
    """What the scoring reads from a store, read once: nodes and edges by the documents that support
    them, what each node stands for, and the Document nodes by file name."""

    nodes: dict[str, Node]
    nodes_by_document: dict[str, list[Node]]
    edges_by_document: dict[str, list[Edge]]
    stands_for: dict[str, frozenset[str]]
    documents_by_file: dict[str, str]

    @classmethod
    def read(cls, store: GraphStore) -> StoreView:
        nodes: dict[str, Node] = {}
        nodes_by_document: dict[str, list[Node]] = defaultdict(list)
        documents_by_file: dict[str, str] = {}
        for batch in store.iter_nodes():
            for node in batch:
                nodes[node.id] = node
                if node.kind == "Document":
                    documents_by_file[str(node.props.get("file") or node.name)] = node.id
                for document in {e.document for e in node.evidence}:
                    nodes_by_document[document].append(node)
        edges_by_document: dict[str, list[Edge]] = defaultdict(list)
        for batch in store.iter_edges():
            for edge in batch:
                for document in {e.document for e in edge.evidence}:
                    edges_by_document[document].append(edge)
        parents = _parents(store, nodes)
        return cls(nodes, nodes_by_document, edges_by_document, parents, documents_by_file)

    def document_id(self, file_name: str) -> str | None:
        """The id of the Document loaded from ``file_name``, or None when it is not in the store."""
        if file_name in self.documents_by_file:
            return self.documents_by_file[file_name]
        candidate = node_id("Document", file_name)
        return candidate if candidate in self.nodes else None

    def ends(self, node: str) -> frozenset[str]:
        return self.stands_for.get(node, frozenset({node}))


def _parents(store: GraphStore, nodes: dict[str, Node]) -> dict[str, frozenset[str]]:
    """Each office or paragraph with what it stands for: itself and, up ``PART_OF``, its body or resolution."""
    up: dict[str, set[str]] = defaultdict(set)
    for edge in store.find_edges(EdgeFilter(types=("PART_OF",))):
        source = nodes.get(edge.source)
        if source is not None and source.kind in STANDS_FOR_PARENT:
            up[edge.source].add(edge.target)
    closed: dict[str, frozenset[str]] = {}
    for start in up:
        seen, todo = {start}, [start]
        while todo:
            for parent in up.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closed[start] = frozenset(seen)
    return closed


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _quote(edge: Edge, document: str) -> str:
    return next((e.quote for e in edge.evidence if e.document == document), "")


def _describe(names: dict[str, str], fact: GoldFact) -> str:
    status = f" {fact.status}" if fact.status else ""
    year = f" {fact.year}" if fact.year else ""
    return f"{names[fact.subject]} -{fact.relation}{status}{year}-> {names[fact.object]}"


def _number(kind: str, name: str) -> str | None:
    return resolution_key(name) if kind == "Resolution" else paragraph_key(name, gold=True)


def score_document(view: StoreView, gold: GoldDocument, evaluation: Evaluation) -> None:
    """Add one gold document's entities and facts to ``evaluation``."""
    document = view.document_id(gold.file_name)
    if document is None:
        evaluation.not_loaded.append(gold.file_name)
        return
    evaluation.documents.append(gold.file_name)
    by_name: dict[str, set[str]] = defaultdict(set)
    by_number: dict[str, set[str]] = defaultdict(set)
    for node in view.nodes_by_document.get(document, ()):
        if node.kind != "Document":
            for name in (node.name, *node.aliases):
                by_name[name_key(name)].add(node.id)
        number = (resolution_key(node.name) if node.kind == "Resolution" else
                  paragraph_key(node.name, gold=False) if node.kind == "Paragraph" else None)
        if number:
            by_number[f"{node.kind}:{number}"].add(node.id)
    matched: dict[str, frozenset[str]] = {}
    for entity in gold.entities:
        ids = frozenset(i for name in entity.names for i in by_name.get(name_key(name), ()))
        if not ids and entity.type in ("Resolution", "Paragraph"):
            numbers = (f"{entity.type}:{_number(entity.type, name)}" for name in entity.names)
            ids = frozenset(i for number in numbers for i in by_number.get(number, ()))
        matched[entity.key] = ids
        counts = evaluation.entities[entity.type]
        counts.gold += 1
        if ids:
            counts.found += 1
            evaluation.kinds_agreeing += any(view.nodes[i].kind == entity.type for i in ids)
        else:
            evaluation.missed_entities.append(Miss(gold.file_name, f"{entity.type} {entity.names[0]!r}",
                                                   " / ".join(entity.names)))
    names = {entity.key: entity.names[0] for entity in gold.entities}
    edges = view.edges_by_document.get(document, [])
    _score_flows(view, gold, document, matched, names, edges, evaluation)
    _score_structure(gold, matched, names, edges, evaluation)


def _score_flows(view: StoreView, gold: GoldDocument, document: str, matched: dict[str, frozenset[str]],
                 names: dict[str, str], edges: list[Edge], evaluation: Evaluation) -> None:
    flow_types = set(ontology().flow_types)
    # one gold flow per distinct fact: the same flow stated twice in a document is one fact
    facts = {(f.subject, f.relation, f.object, f.status, f.year): f for f in gold.facts if f.is_flow}
    expected = [ExpectedFlow(matched[f.subject], f.relation, matched[f.object], f.status, f.year, f)
                for f in facts.values()]
    found = [FoundFlow(view.ends(e.source), e.type, view.ends(e.target), str(e.status), _year(e.date), e)
             for e in edges if e.type in flow_types]
    match = match_flows(expected, found)
    evaluation.flows.add(match)
    for gold_flow, found_flow in match.pairs:
        if gold_flow.status not in (None, found_flow.status) and gold_flow.about is not None:
            evaluation.wrong_status.append(Miss(gold.file_name, f"{_describe(names, gold_flow.about)}, found "
                                                f"{found_flow.status}", gold_flow.about.quote))
    for gold_flow in match.missed:
        if gold_flow.about is not None:
            evaluation.missed_flows.append(Miss(gold.file_name, _describe(names, gold_flow.about),
                                                gold_flow.about.quote))
    for found_flow in match.false:
        if found_flow.edge is not None:
            edge = found_flow.edge
            what = (f"{_name(view, edge.source)} -{edge.type} {edge.status}"
                    f"{' ' + edge.date[:4] if edge.date else ''}-> {_name(view, edge.target)}")
            evaluation.false_flows.append(Miss(gold.file_name, what, _quote(edge, document)))


def _name(view: StoreView, node: str) -> str:
    found = view.nodes.get(node)
    return found.name if found is not None else node


def _score_structure(gold: GoldDocument, matched: dict[str, frozenset[str]], names: dict[str, str],
                     edges: Iterable[Edge], evaluation: Evaluation) -> None:
    """A structural fact is linked when an edge of its kind joins the entities' nodes (NO_LINK either way)."""
    links = {(e.source, e.type, e.target) for e in edges}
    for fact in gold.facts:
        if fact.is_flow:
            continue
        subjects, objects = matched[fact.subject], matched[fact.object]
        linked = any((s, fact.relation, o) in links or (fact.relation == "NO_LINK" and (o, fact.relation, s) in links)
                     for s in subjects for o in objects)
        counts = evaluation.structure[fact.relation]
        counts.gold += 1
        counts.found += linked
        if not linked:
            evaluation.missed_structure.append(Miss(gold.file_name, _describe(names, fact), fact.quote))


def evaluate(store: GraphStore, golds: Iterable[GoldDocument]) -> Evaluation:
    """Score ``store`` against each gold document (documents not in the store are listed in ``not_loaded``)."""
    view = StoreView.read(store)
    evaluation = Evaluation()
    for gold in golds:
        score_document(view, gold, evaluation)
    return evaluation
