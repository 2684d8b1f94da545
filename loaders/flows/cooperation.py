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

from prevgraph.loaders.entities import state_at
from prevgraph.loaders.flows.clauses import Clause, words
from prevgraph.loaders.flows.lexicon import HYPOTHETICAL, OBSTRUCTIONS
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import Mention

_BLOCKERS = frozenset({"State", "Body", "Organization"})
_KEPT_OUT = frozenset({"Office", "Mechanism", "Body"})
_PRONOUN = re.compile(r"\b(?:it|its|them|their|him|his|her)\b", re.IGNORECASE)
#: who "it" or "her" stands for in "refused to cooperate with it", "ignored her requests": a mechanism or an office
_PRONOUN_FOR = frozenset({"Office", "Mechanism"})
#: where a country mandate names its country: "... on the situation of human rights in Belarus"
_COUNTRY_OF_MANDATE = re.compile(r"\b(?:in|on|for)\s+(?:the\s+)?(?=[A-Z])")
_SENT_BY = re.compile(r"^\s*(?:for\s+(?:a\s+)?(?:visits?|meetings?|information)\s+)?"
                      r"(?:sent|made|submitted|addressed)?\s*(?:by|from)\s+", re.IGNORECASE)
_TO_WHOM = re.compile(r"^\s*(?:(?:in|since)\s+\d{4}\s+)?(?:to|for)\s+", re.IGNORECASE)
_BY = re.compile(r"^[^;:]{0,80}?\bby\s+", re.IGNORECASE)
#: before the second verb of one subject: "A refused entry to X, and in 2024 declined to cooperate with Y"
_SECOND_VERB = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:(?:in|since)\s+(?:[A-Z][a-z]+\s+)?"
                          r"\d{4}\s*,?\s*)?$", re.IGNORECASE)
_INTO = re.compile(r"^\s*(?:to|into|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _kept_out(clause: Clause, start: int, end: int, blocker: Mention) -> Mention | None:
    """Who is refused: the actor inside the words ("denied the Rapporteur access") or right after them
    ("cooperate with the Commission"); for "it" or "him", the mechanism or office named last before."""
    inside = [m for m in clause.mentions if start <= m.start and m.end <= end and m.kind in _KEPT_OUT]
    if inside:
        return inside[0]
    to = _TO_WHOM.match(clause.slice(end, clause.end))  # "to grant access to the Rapporteur"
    after = clause.actor_after(end + (to.end() if to else 0), kinds=_KEPT_OUT)
    if after is not None:
        return after
    sender = _SENT_BY.match(clause.slice(end, clause.end))  # "the requests for a visit sent by the Rapporteur"
    if sender is not None:
        senders = clause.agents_after(end + sender.end())
        if senders and senders[0].kind in _KEPT_OUT:
            return senders[0]
    if not (_PRONOUN.search(clause.slice(start, end)) or _PRONOUN.match(clause.slice(end, clause.end).lstrip())):
        return None
    named = [m for m in clause.mentions if m.end <= start and m.kind in _PRONOUN_FOR and m.node_id != blocker.node_id]
    return named[-1] if named else None


def _country_named_by(clause: Clause, mention: Mention, sink: FlowSink) -> str | None:
    """The State a country mandate's name ends with ("the Special Rapporteur on the situation of human
    rights in Belarus"), added to the document as a reference node if it is not named on its own."""
    name = sink.name(mention.node_id)
    for at in _COUNTRY_OF_MANDATE.finditer(name):
        found = state_at(name, at.end())
        if found is not None:
            sink.implied(found[0], clause.sentence, "reference-country-of-mandate")
            return found[0].id
    return None


def _who_keeps_out(clause: Clause, end: int, kept_out: Mention, sink: FlowSink) -> str | None:
    """For "X has been denied access ...": the agent after "by", else the State whose territory is named
    ("refused entry to Myanmar"), else the country of X's mandate ("access to the country")."""
    by = _BY.match(clause.slice(end, clause.end))
    if by is not None:
        agents = clause.agents_after(end + by.end(), exclude=(kept_out.node_id,))
        if agents:
            return agents[0].node_id
        return None
    country = next((m for m in clause.mentions if m.start >= end and m.kind == "State"), None)
    if country is not None and _INTO.match(clause.slice(end, country.start)):
        return country.node_id
    return _country_named_by(clause, kept_out, sink)


def _first_verb_subject(clause: Clause, start: int) -> Mention | None:
    """For "A refused entry to X, and in 2024 declined to cooperate with Y": A, the subject of the clause's
    first verb, which the second shares (the clause opens with it, after at most a date)."""
    if not _SECOND_VERB.search(clause.slice(clause.start, start)):
        return None
    said = clause.reporting_end(start)
    first = next((m for m in clause.actors() if m.start >= said), None)
    if first is None or first.kind not in _BLOCKERS or first.start >= start or len(
            words(clause.slice(said, first.start))) > 5:
        return None
    return first


def _ends(clause: Clause, frame: str, start: int, end: int, sink: FlowSink) -> tuple[Mention, str, int] | None:
    """Who is kept out (a mention), who keeps it out (a node id), where the construction's frame puts them,
    and where the words that state it start (the subject's mention)."""
    if frame == "kept-out-subject":
        kept_out = clause.subject_before(start, kinds=_KEPT_OUT)
        blocker = _who_keeps_out(clause, end, kept_out, sink) if kept_out is not None else None
        return (kept_out, blocker, kept_out.start) if kept_out is not None and blocker is not None else None
    if frame == "blocker-of":  # "the refusal of A to grant access to the Rapporteur"
        subject = next((m for m in clause.mentions if start <= m.start and m.end <= end and m.kind in _BLOCKERS), None)
        target = _kept_out(clause, subject.end, end, subject) if subject is not None else None
        return (target, subject.node_id, start) if subject is not None and target is not None else None
    subject = _first_verb_subject(clause, start) or clause.subject_before(start, kinds=_BLOCKERS) or clause.speaker_of(
        start)
    target = _kept_out(clause, start, end, subject) if subject is not None else None
    return (target, subject.node_id, subject.start) if subject is not None and target is not None else None


def extract_obstructions(clause: Clause, sink: FlowSink) -> None:
    if clause.question:
        return
    for construction in OBSTRUCTIONS:
        for match in construction.pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            if HYPOTHETICAL.search(clause.slice(clause.reporting_end(start), start)):
                continue
            ends = _ends(clause, construction.frame, start, end, sink)
            if ends is None or ends[0].node_id == ends[1]:
                continue
            target, blocker, first = ends
            sink.add("BLOCKS", blocker, target.node_id, sentence=clause.sentence,
                     rule=f"blocks:{construction.name}", status=construction.status,
                     props={"reason": construction.reason}, match=(min(first, start), max(end, target.end)))
