"""What the words around a flow say about it: its status, date, frequency and count.

Kept apart from the rules that find endpoints so that every way of stating a status
("has not briefed", "should brief", "was prevented from briefing") is decided in one
place, the same for a verb, a passive and a noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from prevgraph.loaders.flows.chapeau import is_chapeau_subject
from prevgraph.loaders.flows.clauses import TOPIC_KINDS, Clause
from prevgraph.loaders.flows.lexicon import (
    ADVERBIAL,
    ADVISED_AGAINST,
    BARE_INFO_VERBS,
    CAUSE,
    COUNT,
    COUNTERFACTUAL,
    DECIDED_INFINITIVE,
    EXPECTED_AFTER,
    FREQUENCIES,
    HYPOTHETICAL,
    MODAL,
    MONTHS,
    NEGATION_CUES,
    NO_NEED,
    NUMBER_WORDS,
    PROPOSAL_CUES,
    REALISED_INFINITIVE,
    RELATIVE_DATE,
    START_YEAR,
    STATED_DATE,
    TOPIC_PREPOSITION,
    Cue,
)

_LEAD = re.compile(r"(?:[\w’'-]+\W+){0,5}$")
_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\bto\s*$", re.IGNORECASE)
#: a failure before a blocking cue undoes the block, not the flow: "China failed to prevent X from briefing Y"
_FAILURE = r"(?:(?:fail(?:ed|s)?|unable)\s+(?:\w+\s+)?to|(?:did|does|could|would)\s+not|(?:did|does|could|would)n[’']t)"
_FOILED_BEFORE = re.compile(rf"\b{_FAILURE}\s+$", re.IGNORECASE)
_FOILED = re.compile(rf"\b{_FAILURE}\s+(?:prevent|block|stop|bar|obstruct|thwart)\w*", re.IGNORECASE)
#: "Briefings are expected from X": the expectation right after the flow's noun
_EXPECTED_NEXT = re.compile(r"\s*(?:" + EXPECTED_AFTER.pattern + ")", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being|remains?|remained)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A cue that stops a flow, where it stands, and whether the stop happened or is feared."""

    cue: Cue
    start: int
    end: int
    status: str


@dataclass(frozen=True)
class Status:
    """A flow's status, the cue that set it (for the rule name) and the block, if one stops it."""

    status: str
    cue: str
    block: Block | None = None


def _subjunctive_after_that(clause: Clause, subject: tuple[int, int], trigger_start: int) -> bool:
    """"(recommended) that the High Commissioner brief the Council each year": a bare verb after "that" and a
    singular subject is asked for, not reported."""
    verb = clause.slice(trigger_start, trigger_start + 20).split()
    lead = clause.slice(max(clause.start, subject[0] - 12), subject[0])
    return (bool(verb) and verb[0].lower() in BARE_INFO_VERBS and bool(_THAT_BEFORE.search(lead))
            and not _PLURAL_SUBJECT.search(clause.slice(*subject)))


def stop_status(status: str, reason: str | None, stopped_by_someone: bool) -> str:
    """A postponed or cancelled flow that no one is said to have stopped did not happen (UNREALISED); one
    postponed at someone's request ("at the request of two members"), or stopped by any other block, was
    stopped (BLOCKED)."""
    return "UNREALISED" if status == "BLOCKED" and reason == "postponed" and not stopped_by_someone else status


def _first(cues: Iterable[Cue], text: str) -> Cue | None:
    return next((cue for cue in cues if cue.pattern.search(text)), None)


#: "that" right before a subject ("that the Commission ...")
_THAT_BEFORE = re.compile(r"\bthat\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
#: a subject whose bare verb is no subjunctive ("that they brief", "that OHCHR and the Office share")
_PLURAL_SUBJECT = re.compile(r"\b(?:and|they|we|members|States|offices|bodies)\b", re.IGNORECASE)
#: the start of a clause of its own between a block cue and a flow's subject
_NEXT_CLAUSE = re.compile(r"\b(?:and|but|so|then|whereupon|instead)\b\s*(?:,\s*)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
#: what may stand between the words of a reason and its blocking cue ("because China objected")
_CLAUSE_INNER = re.compile(r"[^,;]{0,40}")


def find_block(clause: Clause, subject: tuple[int, int], trigger_start: int, trigger_end: int) -> Block | None:
    """A block cue before the flow word, or after it as a passive ("the briefing was blocked"); not one of an
    earlier coordinated clause ("the meeting was called off and the High Commissioner briefed members")."""
    best: Block | None = None
    for cue, start, end in clause.block_cues:
        after_passive = start >= trigger_end and _BE_BEFORE.search(clause.slice(trigger_end, start)[-40:])
        if start >= trigger_start and not after_passive:
            continue
        if end <= subject[0] < trigger_start and _NEXT_CLAUSE.search(clause.slice(end, subject[0])):
            continue
        if clause.inside_mention(start, end) or _FOILED_BEFORE.search(clause.slice(clause.start, start)[-30:]):
            continue
        modal = MODAL.search(clause.slice(clause.start, start))
        candidate = Block(cue, start, end, "PROPOSED" if modal else "REALISED")
        if best is None or abs(start - trigger_start) < abs(best.start - trigger_start):
            best = candidate
    return best


def _block_given_as_cause(clause: Clause, trigger_end: int) -> Block | None:
    """A block cue after the flow, in the reason a clause gives for a flow that did not happen."""
    for cue, start, end in clause.block_cues:
        causes = list(CAUSE.finditer(clause.slice(trigger_end, start))) if start >= trigger_end else []
        if causes and _CLAUSE_INNER.fullmatch(clause.slice(trigger_end + causes[-1].end(), start)):
            return Block(cue, start, end, "REALISED")
    return None


def flow_status(clause: Clause, subject: tuple[int, int], trigger_start: int, trigger_end: int) -> Status | None:
    """The status the clause gives a flow whose word spans ``trigger_start:trigger_end``.

    ``subject`` is the span of the flow's subject: negation counts after it (so "a
    representative who had not spoken said X briefed Y" stays realised), and a noun of
    failure counts in the few words just before it ("the failure of having X speak to Y").
    None means no status can be given: a question ("how often does X brief Y?"), a hypothesis or
    condition ("whether X could brief Y", "if the Council were to hear X"), the agenda of a meeting
    ("participants will discuss how X might brief Y"). A counterfactual ("the meeting would have
    featured a briefing by X") did not happen: BLOCKED when the clause names what stopped it,
    UNREALISED otherwise, never PROPOSED.
    """
    before = clause.slice(clause.start, trigger_start)
    if clause.question or HYPOTHETICAL.search(before):
        return None
    if ADVISED_AGAINST.search(clause.slice(subject[1], trigger_start)) or NO_NEED.search(before):
        return None
    block = find_block(clause, subject, trigger_start, trigger_end)
    said = clause.reporting_end(trigger_start)
    negation = _first(NEGATION_CUES.values(),
                      _FOILED.sub(" ", _NOT_ONLY.sub(" ", clause.slice(max(subject[1], said), trigger_start))))
    lead = _LEAD.search(_FOILED.sub(" ", clause.slice(max(said, clause.start), subject[0])))
    if negation is None and lead is not None:
        negation = _first((NEGATION_CUES["failed"], NEGATION_CUES["absence"]), lead.group(0))
    if negation is not None and block is None:
        block = _block_given_as_cause(clause, trigger_end)  # "could not brief the Council because China objected"
    if COUNTERFACTUAL.search(clause.slice(max(subject[1], said), trigger_start)):
        stop = block or next((Block(cue, start, end, "REALISED") for cue, start, end in clause.block_cues), None)
        return Status("BLOCKED", "counterfactual", stop) if stop else Status("UNREALISED", "counterfactual")
    if block is not None and block.status == "REALISED":
        return Status("UNREALISED" if block.cue.reason == "declined" else "BLOCKED", block.cue.name, block)
    if negation is not None:
        return Status("UNREALISED", negation.name, block)
    comma = clause.slice(clause.start, subject[0]).rfind(",")
    local = clause.slice(clause.start + comma + 1 if comma >= 0 else clause.start, trigger_start)
    proposal = _first(PROPOSAL_CUES.values(), local)
    if _INFINITIVE.search(ADVERBIAL.sub(" ", before)):
        if proposal is None and DECIDED_INFINITIVE.search(ADVERBIAL.sub(" ", before)):
            return Status("MANDATED", "decided-infinitive", block)
        realised = proposal is None and REALISED_INFINITIVE.search(ADVERBIAL.sub(" ", before))
        return Status("REALISED" if realised else "PROPOSED", "infinitive", block)
    if proposal is not None:
        return Status("PROPOSED", proposal.name, block)
    if _subjunctive_after_that(clause, subject, trigger_start) or is_chapeau_subject(clause.mentions, subject[0]):
        return Status("PROPOSED", "subjunctive", block)
    if _EXPECTED_NEXT.match(clause.slice(trigger_end, clause.end)):
        return Status("PROPOSED", "expected-after", block)
    return Status("REALISED", "fact", block)


# ------------------------------------------------------------------------ dates


def _year_of(date: str | None) -> int | None:
    match = re.match(r"(\d{4})", date or "")
    return int(match.group(1)) if match else None


def stated_date(clause: Clause, doc_date: str | None) -> str | None:
    """The date a clause states ("in 2018", "12 March 2021", "two years ago"), or None."""
    for match in STATED_DATE.finditer(clause.text):
        if clause.inside_mention(clause.start + match.start(), clause.start + match.end()):
            continue
        if match.group("year"):
            return match.group("year")
        month = MONTHS.index(match.group("month").lower()) + 1
        day = match.group("day")
        return f"{match.group('myear')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    relative = RELATIVE_DATE.search(clause.text)
    year = _year_of(doc_date)
    if relative and year is not None:
        count = relative.group("count")
        back = 1 if relative.group("last") else int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
        return str(year - back)
    return None


def start_year(text: str) -> str | None:
    match = START_YEAR.search(text)
    return match.group("year") if match else None


def frequency(text: str) -> str | None:
    return next((name for name, pattern in FREQUENCIES if pattern.search(text)), None)


def count(text: str) -> int | None:
    match = COUNT.search(text)
    if match is None:
        return None
    word = match.group("count").lower()
    return 1 if word == "a single" else int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def topic(clause: Clause) -> str | None:
    """The situation a flow is about: a Situation the clause names, or a State after "on" ("briefed ... on Syria")."""
    for mention in clause.mentions:
        if mention.kind in TOPIC_KINDS or (
                mention.kind == "State" and TOPIC_PREPOSITION.search(clause.slice(clause.start, mention.start)[-40:])):
            return mention.node_id
    return None
