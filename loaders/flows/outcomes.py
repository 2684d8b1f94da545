"""What a later clause says became of a flow just stated.

"The High Commissioner was scheduled to brief the Council, but the meeting was called off";
"... A second exchange planned for 2023 never took place." Such a clause names no flow of its
own: its subject is the event ("the meeting", "the briefing", "it", "a second exchange"), and
the flow it speaks of is the one stated just before it (earlier in the sentence, or in the
sentence before). An expectation that did not come true takes the outcome's status (BLOCKED
when the event was called off or postponed, UNREALISED when it did not take place), with both
sentences as its evidence. A flow that did happen stays as it is: only "a second", "another",
"the next" event, or one the clause gives a year of its own, adds a flow of the same ends that
did not happen; a blocked one that then "has not been rescheduled" adds the flow that never happened.
"..., as she did in 2023" after an expectation or a request adds the flow that
happened that year; "X reported to the Council, as did Y" gives Y the same flow.
"China objected to holding the meeting" or "the agenda failed to receive nine votes (A and B
voted against)" after an expected flow blocks it, with a BLOCKS from each State named. A
postponement or cancellation no one is said to have asked for is UNREALISED, not BLOCKED.
"""

from __future__ import annotations

import re

from prevgraph.loaders.flows.briefs import agents_of_block, names_an_agent, voters_against
from prevgraph.loaders.flows.clauses import Clause
from prevgraph.loaders.flows.constructions import Construction
from prevgraph.loaders.flows.cues import stated_date, stop_status
from prevgraph.loaders.flows.lexicon import CAUSE, OUTCOME_ANY, OUTCOMES
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import DocumentContext, Sentence
from prevgraph.schema import Edge

_EVENT_NOUN = (r"briefings?|meetings?|sessions?|exchanges?|visits?|dialogues?|debates?|consultations|presentations?|"
               r"address|appearance|update|requests?")
#: the event as the subject of the outcome, a few words before it: "but the planned meeting was ...", "it was ..."
_EVENT_SUBJECT = re.compile(
    r"(?:^|[,;]|\b(?:but|and|however|yet|then|that)\b)\s*(?:,\s*)?"
    r"(?:(?:the|this|that|a|an|its|their|his|her)\s+(?P<mods>(?:[\w'’-]+\s+){0,4}?)(?:" + _EVENT_NOUN + r")\b|it\b)"
    r"(?:,?\s+[\w'’-]+){0,20}?,?\s*$", re.IGNORECASE)  # with its asides: "a briefing by X, planned for May, ..."
#: what may stand between an outcome and the words of its reason
_BEFORE_CAUSE = re.compile(r"[^;.]{0,40}")
#: the year after "as it did": "in 2024", "this year", "last year"
_YEAR_AFTER = re.compile(r"^\s+(?:in\s+(?P<year>(?:19|20)\d\d)\b|(?P<which>this|last)\s+year\b)", re.IGNORECASE)
#: what a vote or an objection about a text is about (not a meeting)
_ABOUT_A_TEXT = re.compile(r"\b(?:draft|text|resolution|amendment|decision)s?\b", re.IGNORECASE)
#: an event other than the one just stated
_ANOTHER = re.compile(r"\b(?:second|third|another|next|further|new|follow-up|subsequent)\b", re.IGNORECASE)


def extract_outcomes(ctx: DocumentContext, clause: Clause, sink: FlowSink, before: Sentence | None) -> None:
    """Restate (or add) the flows the clause's first outcome speaks of; ``before``: the sentence before this one.
    An expectation with a year other than the outcome's is another event, and stays."""
    starts = {clause.sentence.start} | ({before.start} if before is not None else set())
    for match in OUTCOME_ANY.finditer(clause.text):  # the sentence's gate already looked for OUTCOME_STEMS
        start, end = clause.start + match.start(), clause.start + match.end()
        outcome = OUTCOMES[int(str(match.lastgroup)[1:])]
        if outcome.frame == "event-before":
            _happened_before(ctx, clause, sink, outcome.name, start, end)
            continue
        if outcome.frame == "also-by":
            _also_by(clause, sink, outcome.name, start, end)
            continue
        if outcome.frame in ("blocker-before", "blocker-voters"):
            _stopped_by_named(ctx, clause, sink, outcome, starts, (start, end))
            return
        subject = _EVENT_SUBJECT.search(clause.slice(clause.start, start))
        recent = _latest_flows(sink, starts, clause.start)
        if subject is None or not recent:
            continue
        year = stated_date(clause, None)
        other = bool(_ANOTHER.search(subject.group("mods") or "")) or year is not None
        status, reason, stoppers = outcome.status, outcome.reason, _stopped_by(clause, end)
        if stoppers is not None:  # "... was not pursued after China signalled it would call a procedural vote"
            status, reason = "BLOCKED", stoppers[1]
        subject_start = clause.start + subject.start()
        named = [i for i in recent if _stated_within(sink.edges[i], subject_start, start)]
        # "X briefed in May, and a briefing by Y ... could not be scheduled": only the flow the subject names
        for identity in named or recent:
            edge = sink.edges[identity]
            if _stated_only_after(edge, clause, end):
                continue  # "the meeting was called off and the High Commissioner briefed members": another event
            blockers = (stoppers[0] if stoppers is not None else
                        agents_of_block(clause, end, [edge.source, edge.target]) if status == "BLOCKED" else [])
            ended = stop_status(status, reason, bool(blockers) or stoppers is not None or names_an_agent(clause, end))
            rule = f"outcome:{outcome.name}"
            named_here = identity in named  # "a request for X ... was not"
            if (edge.status == "PROPOSED" or (named_here and edge.status == "REALISED")) and not (
                    year and edge.date and not edge.date.startswith(year[:4])):
                flow_id = sink.restate(identity, ended, sentence=clause.sentence, rule=rule,
                                       reason=reason, match=(start, end))
            elif (other and edge.status in ("REALISED", "MANDATED")) or (
                    edge.status == "BLOCKED" and ended == "UNREALISED"):
                # another event; or a blocked one that then never happened ("The briefing has not been rescheduled")
                flow_id = sink.add("BRIEFS", edge.source, edge.target, sentence=clause.sentence, rule=rule,
                                   status=ended, date=year or ctx.date, year=year,
                                   props={"reason": reason}, match=(start, end))
            else:
                continue
            for blocker in blockers if flow_id is not None else []:
                sink.add("BLOCKS", blocker, edge.source, sentence=clause.sentence, rule=f"blocks:{outcome.name}",
                         status="REALISED", blocks=flow_id, date=year or ctx.date,
                         qualifier=f"{flow_id}|{reason}", props={"reason": reason}, match=(start, end))
        return


def _also_by(clause: Clause, sink: FlowSink, name: str, start: int, end: int) -> None:
    """"X reported to the Council in March, as did Y": Y gave the flows the clause stated before, to the same
    recipients, with the same status and date."""
    other = clause.actor_after(end)
    if other is None:
        return
    for identity in _latest_flows(sink, {clause.sentence.start}, start):
        edge = sink.edges[identity]
        if edge.source != other.node_id and edge.target != other.node_id:
            sink.add("BRIEFS", other.node_id, edge.target, sentence=clause.sentence, rule=f"outcome:{name}",
                     status=edge.status, date=edge.date, match=(start, other.end))


def _stopped_by_named(ctx: DocumentContext, clause: Clause, sink: FlowSink, outcome: Construction,
                      starts: set[int], span: tuple[int, int]) -> None:
    """"China objected to holding the meeting", "the agenda failed to receive nine votes (A and B voted against)":
    the expected flow just stated was stopped, and the States named (the subject, or those that voted against)
    are its blockers. A vote on a text is no vote on a meeting, and a flow that happened stays."""
    if _ABOUT_A_TEXT.search(clause.text):
        return
    if outcome.frame == "blocker-voters":
        blockers = voters_against(clause)
    else:
        subject = clause.subject_before(span[0], kinds=frozenset({"State"}))
        blockers = [m.node_id for m in clause.coordinated_before(subject)] if subject is not None else []
    for identity in _latest_flows(sink, starts, span[0]):
        edge = sink.edges[identity]
        if edge.status not in ("PROPOSED", "BLOCKED"):
            continue
        flow_id = identity if edge.status == "BLOCKED" else sink.restate(
            identity, "BLOCKED", sentence=clause.sentence, rule=f"outcome:{outcome.name}", reason=outcome.reason,
            match=span)
        for blocker in blockers:
            if blocker != edge.source:
                sink.add("BLOCKS", blocker, edge.source, sentence=clause.sentence, rule=f"blocks:{outcome.name}",
                         status="REALISED", blocks=flow_id, date=ctx.date, qualifier=f"{flow_id}|{outcome.reason}",
                         props={"reason": outcome.reason}, match=span)
        if not blockers:  # the next sentences may name the States that voted against it
            sink.vote_stopped.append((flow_id, edge.source, clause.sentence.end))


def _stated_only_after(edge: Edge, clause: Clause, end: int) -> bool:
    """Whether the clause names the flow's source only after the outcome's words, which then speak of another
    event ("the meeting was called off and the High Commissioner briefed members instead")."""
    here = [m.start for m in clause.mentions if m.node_id == edge.source]
    return bool(here) and min(here) >= end


def _stated_within(edge: Edge, start: int, end: int) -> bool:
    """Whether the words that state ``edge`` stand between ``start`` and ``end``: the outcome's own subject."""
    return any(ev.match_start is not None and start <= ev.match_start < end for ev in edge.evidence)


def _stopped_by(clause: Clause, end: int) -> tuple[list[str], str] | None:
    """For "... did not take place after China and Russia signalled they would call a procedural vote": the
    actors the reason names before its blocking cue, and the cue's reason; None when no such reason follows."""
    because = CAUSE.search(clause.slice(end, clause.end))
    if because is None or not _BEFORE_CAUSE.fullmatch(clause.slice(end, end + because.start())):
        return None
    at = end + because.end()
    for cue, cue_start, _ in clause.block_cues:
        if cue_start >= at:
            named = [m.node_id for m in clause.actors() if at <= m.start and m.end <= cue_start and m.kind == "State"]
            return named, cue.reason
    return None


def _happened_before(ctx: DocumentContext, clause: Clause, sink: FlowSink, name: str, start: int, end: int) -> None:
    """"X is expected to brief, as she did in 2023": the flow the sentence just stated also happened, in the year
    the words give ("in 2023", "this year", "last year"); with no year it is no event of its own."""
    year = _year_of(ctx, clause.slice(end, end + 30))
    if year is None:
        return
    for identity in _latest_flows(sink, {clause.sentence.start}, start):
        edge = sink.edges[identity]
        if edge.status in ("PROPOSED", "MANDATED"):
            sink.add("BRIEFS", edge.source, edge.target, sentence=clause.sentence, rule=f"outcome:{name}",
                     status="REALISED", date=year, year=year, match=(start, end))


def _year_of(ctx: DocumentContext, text: str) -> str | None:
    found = _YEAR_AFTER.match(text)
    if found is None:
        return None
    if found.group("year"):
        return found.group("year")
    this = int(ctx.date[:4]) if ctx.date and ctx.date[:4].isdigit() else None
    if this is None:
        return None
    return str(this if found.group("which").lower() == "this" else this - 1)


def _latest_flows(sink: FlowSink, starts: set[int], before: int) -> list[str]:
    """The BRIEFS edges the latest sentence in ``starts`` stated before offset ``before``."""
    kept = [(identity, at) for identity, at in sink.stated if at in starts and at <= before and identity in sink.edges]
    if not kept:
        return []
    latest = max(at for _, at in kept)
    return list(dict.fromkeys(identity for identity, at in kept if at == latest))
