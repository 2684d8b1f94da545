"""Reference data: the gazetteer of known entities, with a source for each entry.

Every YAML file under ``schema/reference/`` holds ``entries``. An entry knows its
names in use (acronyms included), its parent, and its validity in time with its
successor, so that a graph can be asked what held at a date; ``props`` holds facts
particular to a kind (a resolution's symbol, date and adopting body). Reference data is the
lexicon loaders recognise names with; it never puts a node in the graph by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from prevgraph.errors import OntologyError
from prevgraph.schema.ids import node_id
from prevgraph.schema.ontology import ontology


@dataclass(frozen=True)
class ReferenceEntry:
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    source: str
    file: str
    location: str | None = None
    pillar: str | None = None
    parent: str | None = None
    valid_from: int | None = None
    valid_to: int | None = None
    successor: str | None = None
    #: kind-specific facts (a resolution's symbol, date and adopting body), each from ``source``
    props: dict[str, object] = field(default_factory=dict)

    def held_in(self, year: int) -> bool:
        """True if the entity existed in ``year`` (a body replaced in 2006 still held in 2006)."""
        return (self.valid_from is None or self.valid_from <= year) and (self.valid_to is None or year <= self.valid_to)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, ReferenceEntry]
    names: dict[str, ReferenceEntry] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            for alias in entry.names:
                self.names.setdefault(_fold(alias), entry)

    def by_kind(self, *kinds: str) -> list[ReferenceEntry]:
        return [entry for entry in self.entries.values() if entry.kind in kinds]

    def lookup(self, name: str) -> ReferenceEntry | None:
        """Find an entry by any of its names, ignoring case and surrounding space."""
        return self.names.get(_fold(name))

    def held_in(self, year: int) -> list[ReferenceEntry]:
        return [entry for entry in self.entries.values() if entry.held_in(year)]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _parse_entry(raw: dict, file: str) -> ReferenceEntry:
    onto = ontology()
    try:
        kind, name, source = raw["kind"], raw["key"], raw["source"]
    except KeyError as exc:
        raise OntologyError(f"reference/{file}: an entry lacks the field {exc}: {raw!r}") from exc
    onto.check_node_kind(kind)
    for key, allowed in (("location", onto.locations), ("pillar", onto.pillars)):
        if raw.get(key) is not None and raw[key] not in allowed:
            raise OntologyError(f"reference/{file}: {name}: unknown {key} {raw[key]!r}")
    return ReferenceEntry(
        id=node_id(kind, name),
        kind=kind,
        name=name,
        aliases=tuple(raw.get("aliases") or ()),
        source=source,
        file=file,
        location=raw.get("location"),
        pillar=raw.get("pillar"),
        parent=raw.get("parent"),
        valid_from=raw.get("valid_from"),
        valid_to=raw.get("valid_to"),
        successor=raw.get("successor"),
        props=dict(raw.get("props") or {}),
    )


def parse_gazetteer(files: dict[str, dict]) -> Gazetteer:
    """Build a gazetteer from parsed YAML files, checking parents and successors resolve."""
    entries: dict[str, ReferenceEntry] = {}
    for file, raw in sorted(files.items()):
        for item in raw.get("entries") or ():
            entry = _parse_entry(item, file)
            if entry.id in entries:
                raise OntologyError(f"reference/{file}: {entry.name} is declared twice "
                                    f"(also in {entries[entry.id].file})")
            entries[entry.id] = entry
    names = {entry.name for entry in entries.values()}
    for entry in entries.values():
        for key in ("parent", "successor"):
            target = getattr(entry, key)
            if target is not None and target not in names:
                raise OntologyError(f"reference/{entry.file}: {entry.name}: {key} {target!r} is not an entry")
    return Gazetteer(entries)


@cache
def gazetteer() -> Gazetteer:
    """The reference data shipped with prevgraph (read once per process)."""
    folder = resources.files("prevgraph.schema").joinpath("reference")
    files = {
        item.name: yaml.safe_load(item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith((".yaml", ".yml"))
    }
    return parse_gazetteer(files)
