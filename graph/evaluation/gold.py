"""Gold annotations: what a careful reader says one document states, read from a folder of JSON files.

The format (one file per document) is documented in ``docs/annotation.md``. A bad file is refused with
one line naming the file and the field, and the other files are still read: an analyst who annotated
ten documents should not lose nine to a typo in the tenth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from prevgraph.errors import GoldError
from prevgraph.schema import ontology

#: relation names annotators use that the ontology spells differently
RELATION_SYNONYMS = {"MISSING_LINK": "NO_LINK"}
#: node kind names annotators use that the ontology spells differently
KIND_SYNONYMS = {"organisation": "Organization"}


def _one_of(value: str | None, known: dict[str, str], what: str) -> str | None:
    """``value`` in upper case if it is one of ``known`` (an ontology table), else a ValueError naming them."""
    if value is None:
        return None
    if value.upper() not in known:
        raise ValueError(f"{value!r} is not a {what}; known: {', '.join(known)}")
    return value.upper()


class _Gold(BaseModel):
    # fields the format does not know (an annotator's comment) are ignored rather than refused
    model_config = ConfigDict(frozen=True, extra="ignore")


class GoldEntity(_Gold):
    """An entity the document names, under every form it uses."""

    key: str = Field(min_length=1)
    type: str
    names: tuple[str, ...] = Field(min_length=1)
    location: str | None = None

    @field_validator("type")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        kinds = {kind.casefold(): kind for kind in ontology().node_kinds}
        kind = kinds.get(value.casefold()) or KIND_SYNONYMS.get(value.casefold())
        if kind is None:
            raise ValueError(f"{value!r} is not a node kind; known: {', '.join(sorted(ontology().node_kinds))}")
        return kind

    @field_validator("names")
    @classmethod
    def _no_blank_name(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not name.strip() for name in value):
            raise ValueError("a name is blank")
        return value

    @field_validator("location")
    @classmethod
    def _known_location(cls, value: str | None) -> str | None:
        return _one_of(value, ontology().locations, "location")


class GoldFact(_Gold):
    """A fact the document states: a flow (with its status) or a structural link between two entities."""

    subject: str
    relation: str
    object: str
    status: str | None = None
    year: int | None = None
    quote: str = ""

    @field_validator("relation")
    @classmethod
    def _known_relation(cls, value: str) -> str:
        relation = RELATION_SYNONYMS.get(value.upper(), value.upper())
        if relation not in ontology().relationship_kinds:
            known = sorted({*ontology().relationship_kinds, *RELATION_SYNONYMS})
            raise ValueError(f"{value!r} is not a relationship kind; known: {', '.join(known)}")
        return relation

    @field_validator("status")
    @classmethod
    def _known_status(cls, value: str | None) -> str | None:
        return _one_of(value, ontology().statuses, "status")

    @property
    def is_flow(self) -> bool:
        return ontology().relationship_kinds[self.relation].is_flow


class GoldDocument(_Gold):
    """The gold annotation of one document, named by the file name it was loaded from."""

    document: str = Field(min_length=1)
    entities: tuple[GoldEntity, ...]
    facts: tuple[GoldFact, ...] = ()

    @property
    def file_name(self) -> str:
        """The document's file name without any folder, as the store identifies documents."""
        return Path(self.document).name


@dataclass(frozen=True)
class GoldFolder:
    """The gold documents read from a folder, and one line per file that could not be read."""

    documents: tuple[tuple[Path, GoldDocument], ...]
    errors: tuple[str, ...]


def _field(loc: tuple[str | int, ...]) -> str:
    """``("entities", 2, "type")`` -> ``"entities[2].type"``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the file)"


def _check_references(gold: GoldDocument) -> None:
    """Every fact names entities of its own file and no key is given twice.

    A flow without a status is scored on its type and ends only: annotators often give a status to the
    information flows (BRIEFS) and not to the requests a resolution makes."""
    keys: set[str] = set()
    for index, entity in enumerate(gold.entities):
        if entity.key in keys:
            raise GoldError(f"entities[{index}].key: {entity.key!r} is given twice")
        keys.add(entity.key)
    for index, fact in enumerate(gold.facts):
        for end in ("subject", "object"):
            if getattr(fact, end) not in keys:
                raise GoldError(f"facts[{index}].{end}: {getattr(fact, end)!r} is not the key of an entity in "
                                f"this file")


def read_gold_file(path: Path) -> GoldDocument:
    """One gold file, checked; raises :class:`GoldError` naming the file and the first bad field."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    try:
        gold = GoldDocument.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        raise GoldError(f"{path}: {_field(tuple(first['loc']))}: {message}") from exc
    try:
        _check_references(gold)
    except GoldError as exc:
        raise GoldError(f"{path}: {exc}") from exc
    return gold


def read_gold_folder(folder: Path) -> GoldFolder:
    """Every ``*.json`` file of ``folder`` (not its subfolders), in name order.

    Raises :class:`GoldError` when the folder is missing or holds no JSON file; a bad file is one line
    in ``errors`` and the others are kept.
    """
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold annotations (one JSON file per document)")
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise GoldError(f"{folder}: holds no .json gold files; see docs/annotation.md for the format")
    documents: list[tuple[Path, GoldDocument]] = []
    errors: list[str] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            gold = read_gold_file(path)
        except GoldError as exc:
            errors.append(str(exc))
            continue
        if gold.file_name in seen:
            errors.append(f"{path}: document: {gold.file_name!r} is already annotated in {seen[gold.file_name]}")
            continue
        seen[gold.file_name] = path
        documents.append((path, gold))
    return GoldFolder(tuple(documents), tuple(errors))
