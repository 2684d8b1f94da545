"""The records the gap analyses return: findings, pathways and the citations behind them.

They are frozen pydantic models so the CLI, the GraphQL API and the maps render the same
objects; ``to_dict()`` gives the JSON-ready form documented in ``docs/gaps-json.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Every kind of finding, in the order the ranking puts them when severities tie.
FINDING_KINDS: tuple[str, ...] = (
    "unrealised_mandate",
    "blocked_channel",
    "missing_channel",
    "stated_missing_link",
    "single_point_of_failure",
    "broker",
    "asymmetry",
    "change_over_time",
    "what_if",
)

#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")

Severity = Literal["high", "medium", "low"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (plain dicts, lists and scalars)."""
        return self.model_dump(mode="json")


@dataclass(frozen=True, slots=True)
class Citation:
    """One piece of evidence behind a finding or a hop: where a document states the fact.

    ``about`` is the id of the node or edge the quote backs, so every part of a finding
    can be traced; ``title`` is the document's title when the graph holds it. A plain frozen
    dataclass (findings validate it as a field): a large graph makes hundreds of thousands.
    """

    document: str
    quote: str
    start: int
    end: int
    rule: str
    about: str
    title: str | None = None
    match_start: int | None = None
    match_end: int | None = None
    #: the quote only shows where the node is named (a mention), not the fact the finding states
    mention: bool = False
    #: the document's date and file name, so that two documents of one meeting can be told apart
    date: str | None = None
    file: str | None = None

    @property
    def source(self) -> str:
        """The document as a list of sources names it: its title, date and file name."""
        parts = [self.title or self.document, self.date, self.file if self.file != self.title else None]
        return ", ".join(p for p in parts if p)

    def excerpt(self, width: int) -> str:
        """The quote on one line, cut to ``width`` characters around the words that state the fact (the matched
        span) when the evidence gives them, else from its start; a cut is marked with an ellipsis."""
        quote = " ".join(self.quote.split())
        if len(quote) <= width:
            return quote
        if self.match_start is None or self.match_end is None:
            return quote[:width - 1] + "\u2026"
        centre = (self.match_start + self.match_end) // 2 - self.start
        begin = max(0, min(centre - width // 2, len(quote) - width))
        if begin and " " in quote[begin:begin + 15]:  # start at a word
            begin = quote.index(" ", begin) + 1
        cut = quote[begin:begin + width]
        return ("\u2026" if begin else "") + cut + ("\u2026" if begin + width < len(quote) else "")

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "quote": self.quote, "start": self.start, "end": self.end,
                "rule": self.rule, "about": self.about, "title": self.title}


class Finding(_Frozen):
    """One gap (or one figure about the gaps) in the flows between Geneva and New York."""

    id: str = Field(description="stable id: the kind plus a hash of what the finding is about")
    kind: str = Field(description="one of FINDING_KINDS")
    statement: str = Field(description="one short plain-language sentence")
    severity: Severity
    rank: int = Field(ge=0, description="1 = most important; 0 until ranked by find_gaps")
    nodes: tuple[str, ...] = ()
    edges: tuple[str, ...] = ()
    evidence: tuple[Citation, ...] = ()
    since: str | None = Field(None, description="ISO date (or year) the gap dates from, when known")
    data: dict[str, Any] = Field(default_factory=dict, description="kind-specific figures")


class Hop(_Frozen):
    """One edge of a pathway, walked forwards (a flow) or backwards (structure such as PART_OF)."""

    edge: str
    source: str
    target: str
    type: str
    status: str | None = None
    reverse: bool = Field(False, description="True when the edge is walked against its direction")
    evidence: tuple[Citation, ...] = ()


class Pathway(_Frozen):
    """A route between two nodes, with the weakest status along it and its rank."""

    hops: tuple[Hop, ...]
    nodes: tuple[str, ...]
    status: str = Field(description="the weakest status of its flow hops (REALISED if it has none)")
    score: float = Field(description="lower is better: weakest statuses first, then length")
    rank: int = Field(ge=1)

    @property
    def length(self) -> int:
        return len(self.hops)


def finding_id(kind: str, *parts: object) -> str:
    """A stable id for a finding from its kind and what it is about.

    >>> finding_id("broker", "office:secretary-general")
    'broker:0afdc30cb53a'
    """
    key = "\x1f".join([kind, *map(str, parts)])
    return f"{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class Draft:
    """A finding before ranking: what an analysis found, and how much it weighs within its severity."""

    kind: str
    statement: str
    severity: Severity
    about: Sequence[object]
    nodes: Sequence[str] = ()
    edges: Sequence[str] = ()
    evidence: Sequence[Citation] = ()
    since: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    weight: float = 0.0

    def finding(self, rank: int, finding_key: str | None = None) -> Finding:
        """The ranked Finding. Built without re-validation: analyses hand over checked parts, and
        validating hundreds of thousands of findings would dominate large runs (tests validate)."""
        return Finding.model_construct(id=finding_key or finding_id(self.kind, *self.about), kind=self.kind,
                                       statement=self.statement, severity=self.severity, rank=rank,
                                       nodes=tuple(_unique(self.nodes)), edges=tuple(_unique(self.edges)),
                                       evidence=tuple(_unique_citations(self.evidence)), since=self.since,
                                       data=self.data)


def merge_same_facts(drafts: Iterable[Draft]) -> list[Draft]:
    """One draft per fact: drafts of one kind that make the same statement (the blocked briefing
    of one office reported by two sentences, two documents, two extracted edges) become one
    draft with every quote, node and edge of them; the most severe severity, the largest weight
    and the earliest date win, and ``data`` is that of the draft with the smallest ``about``.

    >>> a = Draft("broker", "X links the sides.", "low", ["e2"], evidence=[], weight=1.0)
    >>> b = Draft("broker", "X links the sides.", "medium", ["e1"], since="2021")
    >>> [(d.about, d.severity, d.weight, d.since) for d in merge_same_facts([a, b])]
    [(['e1', 'e2'], 'medium', 1.0, '2021')]
    """
    groups: dict[tuple[str, str], list[Draft]] = {}
    for draft in drafts:
        groups.setdefault((draft.kind, draft.statement), []).append(draft)
    return [same[0] if len(same) == 1 else _merged(same) for same in groups.values()]


def _merged(same: list[Draft]) -> Draft:
    same = sorted(same, key=lambda d: [str(a) for a in d.about])
    first = same[0]
    dates = [d.since for d in same if d.since]
    return Draft(first.kind, first.statement, min((d.severity for d in same), key=SEVERITIES.index),
                 about=_unique(str(a) for d in same for a in d.about), nodes=_unique(n for d in same for n in d.nodes),
                 edges=_unique(e for d in same for e in d.edges), evidence=[c for d in same for c in d.evidence],
                 since=min(dates) if dates else None, data=first.data, weight=max(d.weight for d in same))


def rank(drafts: Iterable[Draft]) -> list[Finding]:
    """Order drafts (severity, then kind, then weight, then id for a deterministic tie-break) and number them from 1.

    >>> drafts = [Draft("broker", "b", "low", ["x"]), Draft("asymmetry", "a", "high", ["y"]),
    ...           Draft("broker", "c", "low", ["z"], weight=2.0)]
    >>> [(f.rank, f.statement) for f in rank(drafts)]
    [(1, 'a'), (2, 'c'), (3, 'b')]
    """
    keyed = [(SEVERITIES.index(d.severity), FINDING_KINDS.index(d.kind), -d.weight, finding_id(d.kind, *d.about), d)
             for d in drafts]
    keyed.sort(key=lambda item: item[:4])
    return [item[4].finding(i, item[3]) for i, item in enumerate(keyed, start=1)]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _unique_citations(items: Iterable[Citation]) -> list[Citation]:
    seen: dict[tuple, Citation] = {}
    for item in items:
        seen.setdefault((item.about, item.document, item.start, item.end, item.rule), item)
    return list(seen.values())
