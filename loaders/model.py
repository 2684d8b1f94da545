"""Typed records passed between the loader stages.

read -> :class:`~prevgraph.loaders.read.RawDocument` -> normalise (text) -> segment
(:class:`Sentence`) -> recognise and resolve (:class:`Mention`, with the nodes they
resolve to) -> :class:`DocumentContext` -> relation rules (edges) -> DocumentBatch.

Every relation rule reads a :class:`DocumentContext` and returns records with evidence;
none of them reads files or touches a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prevgraph.schema import Edge, Evidence, Node


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Mention:
    """A span of the text that names an entity, resolved to the id of its node."""

    node_id: str
    kind: str
    start: int
    end: int
    surface: str
    rule: str
    #: for a pronoun that stands for several actors ("we" in a letter from two States): the others
    also: tuple[Mention, ...] = ()


@dataclass
class DocumentContext:
    """Everything the relation rules may read about one document."""

    document: Node
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    nodes: dict[str, Node] = field(default_factory=dict)
    #: the Meeting node this document reports on or belongs to, if any
    meeting: str | None = None
    #: ISO date (or year) the document is from, if known
    date: str | None = None
    #: resolution, meeting_report, concept_note, background_paper, statement, press_release, event_page, other
    genre: str = "other"
    #: True when the meeting's rule (Chatham House, off the record) forbids attribution
    non_attribution: bool = False
    #: for a resolution loaded as a document: the id of the Resolution it is
    resolution: str | None = None
    #: for a resolution loaded as a document: each Paragraph id and its (start, end) in ``text``
    structure: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: the actors the heading names as the document's authors ("Report of the Secretary-General")
    authors: tuple[Mention, ...] = ()

    def evidence(self, sentence: Sentence, rule: str, match: tuple[int, int] | None = None) -> Evidence:
        """The evidence of a fact stated in ``sentence``; ``match`` is the (start, end) of the stating words."""
        match_start, match_end = match if match is not None else (None, None)
        return Evidence(document=self.document.id, quote=sentence.text, start=sentence.start,
                        end=sentence.end, rule=rule, match_start=match_start, match_end=match_end)

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in self.mentions if sentence.start <= m.start and m.end <= sentence.end]


@dataclass
class Extraction:
    """What a relation rule adds: nodes it had to create (e.g. a Participant) and edges."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    #: human-readable reasons for facts the rule saw but did not keep
    skipped: list[str] = field(default_factory=list)
