"""The loading pipeline: read -> normalise -> recognise -> build records -> write.

Each stage is a small function over typed records; :func:`load_paths` runs them for
many files and reports per document, carrying on past a file that fails.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from prevgraph.errors import DocumentError, PrevgraphError
from prevgraph.graph import GraphStore
from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.read import LOADABLE_SUFFIXES, RawDocument, read_document
from prevgraph.schema import DocumentBatch, Evidence, Node, gazetteer, node_id
from prevgraph.schema.reference import ReferenceEntry

RULE_GAZETTEER = "gazetteer-name"


@dataclass(frozen=True)
class DocumentReport:
    """What one file gave, or why it gave nothing."""

    path: Path
    document: str | None = None
    nodes_by_kind: dict[str, int] = field(default_factory=dict)
    flows_by_status: dict[str, int] = field(default_factory=dict)
    error: str | None = None


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, ReferenceEntry]]:
    """One regex over every reference name, longest first; acronyms match case-sensitively."""
    by_name: dict[str, ReferenceEntry] = {}
    for entry in gazetteer().entries.values():
        for name in entry.names:
            by_name.setdefault(name if name.isupper() else name.casefold(), entry)
    alternatives = sorted(by_name, key=len, reverse=True)
    parts = [re.escape(n) if n.isupper() else f"(?i:{re.escape(n)})" for n in alternatives]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"), by_name


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def recognise_reference_names(text: str, document: str) -> list[Node]:
    """A node for every reference entity the text names, with each mention's sentence as evidence."""
    pattern, by_name = _name_pattern()
    found: dict[str, tuple[ReferenceEntry, list[Evidence]]] = {}
    for match in pattern.finditer(text):
        surface = match.group(0)
        entry = by_name.get(surface) or by_name[surface.casefold()]
        left, right = _sentence_bounds(text, match.start(), match.end())
        quote = text[left:right].strip()
        start = text.index(quote, left)
        evidence = Evidence(document=document, quote=quote, start=start, end=start + len(quote), rule=RULE_GAZETTEER)
        found.setdefault(entry.id, (entry, []))[1].append(evidence)
    return [
        Node(id=entry.id, kind=entry.kind, name=entry.name, aliases=entry.aliases, location=entry.location,
             pillar=entry.pillar, source=entry.source, evidence=tuple(evidence))
        for entry, evidence in found.values()
    ]


def document_node(raw: RawDocument, text: str) -> Node:
    title = next((line.strip() for line in text.splitlines() if line.strip()), raw.path.stem)
    return Node(
        id=node_id("Document", raw.path.stem),
        kind="Document",
        name=title[:200],
        props={"file": raw.path.name, "format": raw.format, "sha256": raw.sha256, "text": text},
    )


def build_batch(raw: RawDocument) -> DocumentBatch:
    text = normalise(raw.text)
    document = document_node(raw, text)
    return DocumentBatch(document=document, nodes=tuple(recognise_reference_names(text, document.id)))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the loadable files inside folders named (sorted); missing paths are kept to be reported."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADABLE_SUFFIXES))
        else:
            files.append(path)
    return files


def summarise(batch: DocumentBatch, path: Path) -> DocumentReport:
    kinds = Counter(n.kind for n in batch.nodes)
    statuses = Counter(e.status for e in batch.edges if e.status)
    return DocumentReport(path, batch.document.id, dict(sorted(kinds.items())), dict(sorted(statuses.items())))


def load_file(path: Path, store: GraphStore) -> DocumentReport:
    """Load one file; a failure is reported, never raised, so the rest of a load carries on."""
    try:
        batch = build_batch(read_document(path))
        store.load_document(batch)
    except DocumentError as exc:
        return DocumentReport(path, error=str(exc))
    except PrevgraphError as exc:
        return DocumentReport(path, error=f"{path}: {exc}")
    return summarise(batch, path)


def load_paths(paths: Iterable[Path], store: GraphStore) -> Iterator[DocumentReport]:
    for path in expand_paths(paths):
        yield load_file(path, store)
