"""What a map shows: the options the CLI, the API and dialogue stories share.

The same :class:`MapOptions` comes from command-line flags, from the query string of the
API's ``/map`` page (:meth:`MapOptions.from_params`) and from each scene of a story, so a
facilitator gets the same map whichever way it was asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prevgraph.errors import MapError
from prevgraph.graph.analysis.dates import Span, parse_span
from prevgraph.schema import ontology

COLOUR_MODES = ("location", "pillar")
#: Above this many nodes the map folds documents, paragraphs and participants (and then
#: small actors) so the browser stays responsive.
AGGREGATE_ABOVE = 1500

_WHOLE_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def parse_period(value: str, what: str) -> Span:
    """A user-given date (``2020``, ``2020-11``, ``2020-11-24``) as the span of days it covers, or a
    one-line :class:`MapError` naming the option. Dates in the graph are read with ``parse_span``."""
    text = str(value).strip()
    found = parse_span(text) if _WHOLE_DATE.fullmatch(text) else None
    if found is None:
        raise MapError(f"{what}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return found


@dataclass(frozen=True)
class MapOptions:
    """Which part of the graph a map draws, and how.

    ``focus`` is a body's name, alias or id; ``statuses`` restricts the flows (structure
    edges such as PART_OF carry no status and stay); ``kinds`` restricts node kinds;
    ``since`` and ``until`` keep dated edges and nodes that overlap the period (undated
    ones stay). A filter that leaves a node without any of its edges removes the node too.
    """

    focus: str | None = None
    hops: int = 2
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    gaps: bool = False
    colour_by: str = "location"
    title: str = "Geneva and New York: who briefs whom"
    aggregate_above: int = AGGREGATE_ABOVE
    fold_participants: bool = False
    seed: int = 0

    def __post_init__(self) -> None:
        onto = ontology()
        unknown = [s for s in self.statuses if s not in onto.statuses]
        if unknown:
            raise MapError(f"status: unknown {', '.join(unknown)}; choose from {', '.join(onto.statuses)}")
        unknown = [k for k in self.kinds if k not in onto.node_kinds]
        if unknown:
            raise MapError(f"kind: unknown {', '.join(unknown)}; choose from {', '.join(onto.node_kinds)}")
        if self.colour_by not in COLOUR_MODES:
            raise MapError(f"colour: {self.colour_by!r} is not one of {', '.join(COLOUR_MODES)}")
        if not 0 <= self.hops <= 10:
            raise MapError(f"hops: {self.hops} is out of range; use 0 to 10")
        if self.aggregate_above < 10:
            raise MapError(f"aggregate_above: {self.aggregate_above} is too small; use at least 10")
        since, until = self.since_period, self.until_period
        if since and until and since.start > until.end:
            raise MapError(f"since {self.since} is after until {self.until}")

    @property
    def since_period(self) -> Span | None:
        return parse_period(self.since, "since") if self.since else None

    @property
    def until_period(self) -> Span | None:
        return parse_period(self.until, "until") if self.until else None

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> MapOptions:
        """Options from a query string (``?focus=HRC&status=BLOCKED,REALISED&gaps=true``) or the API's
        parsed parameters (ints, booleans and lists as well as strings).

        Repeated keys and comma-separated values both work for ``status`` and ``kind``;
        unknown keys are an error so a mistyped option is not silently ignored.
        """
        known = {"focus", "hops", "status", "kind", "since", "until", "gaps", "colour", "title"}
        unknown = sorted(set(params) - known)
        if unknown:
            raise MapError(f"unknown map option {', '.join(unknown)}; known: {', '.join(sorted(known))}")

        def values(key: str) -> list[str]:
            raw = params.get(key)
            items = [] if raw is None else list(raw) if isinstance(raw, (list, tuple)) else [raw]
            return [part.strip() for item in items for part in str(item).split(",") if part.strip()]

        def single(key: str) -> str | None:
            found = values(key)
            return found[-1] if found else None

        hops = single("hops")
        if hops is not None and not hops.isdigit():
            raise MapError(f"hops: {hops!r} is not a whole number")
        gaps = (single("gaps") or "false").lower()
        if gaps not in ("true", "false", "1", "0", "yes", "no"):
            raise MapError(f"gaps: {gaps!r} is not true or false")
        options: dict[str, Any] = {
            "focus": single("focus"),
            "statuses": tuple(s.upper() for s in values("status")),
            "kinds": tuple(values("kind")),
            "since": single("since"),
            "until": single("until"),
            "gaps": gaps in ("true", "1", "yes"),
        }
        if hops is not None:
            options["hops"] = int(hops)
        if single("colour"):
            options["colour_by"] = single("colour")
        if single("title"):
            options["title"] = single("title")
        return cls(**options)
