"""A mechanism kept from its work, with no flow stated: "X refused to cooperate with the Commission".

Reports of the Human Rights Council and its mechanisms say which States withhold
cooperation or access ("had refused to cooperate with the Commission or grant it access",
"has denied the Special Rapporteur access to the country"). No briefing is named, so there
is no flow to mark BLOCKED; the fact is a BLOCKS edge from the State (or body) that
refuses to the mechanism it keeps out, with the reason the construction gives. A question
or a supposition ("whether X would cooperate") states nothing.
"""

from __future__ import annotations

import re

from prevgraph.loaders.flows.clauses import Clause
from prevgraph.loaders.flows.lexicon import HYPOTHETICAL, OBSTRUCTIONS
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import Mention

_BLOCKERS = frozenset({"State", "Body", "Organization"})
_KEPT_OUT = frozenset({"Office", "Mechanism", "Body"})
_PRONOUN = re.compile(r"\b(?:it|them|him|her)\b", re.IGNORECASE)


def _kept_out(clause: Clause, start: int, end: int, blocker: Mention) -> Mention | None:
    """Who is refused: the actor inside the words ("denied the Rapporteur access") or right after them
    ("cooperate with the Commission"); for "it" or "him", the mechanism or office named last before."""
    inside = [m for m in clause.mentions if start <= m.start and m.end <= end and m.kind in _KEPT_OUT]
    if inside:
        return inside[0]
    after = clause.actor_after(end, kinds=_KEPT_OUT)
    if after is not None:
        return after
    if not _PRONOUN.search(clause.slice(start, end)):
        return None
    named = [m for m in clause.mentions if m.end <= start and m.kind in _KEPT_OUT and m.node_id != blocker.node_id]
    return named[-1] if named else None


def extract_obstructions(clause: Clause, sink: FlowSink) -> None:
    if clause.question:
        return
    for construction in OBSTRUCTIONS:
        for match in construction.pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            if HYPOTHETICAL.search(clause.slice(clause.reporting_end(start), start)):
                continue
            blocker = clause.subject_before(start, kinds=_BLOCKERS)
            target = _kept_out(clause, start, end, blocker) if blocker is not None else None
            if blocker is None or target is None or target.node_id == blocker.node_id:
                continue
            sink.add("BLOCKS", blocker.node_id, target.node_id, sentence=clause.sentence,
                     rule=f"blocks:{construction.name}", status=construction.status,
                     props={"reason": construction.reason},
                     match=(min(blocker.start, start), max(end, target.end)))
