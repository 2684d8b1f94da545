"""Missing links stated outright (NO_LINK) and information fed as a matter of course (FEEDS_INTO).

Neither is a flow with a status: a NO_LINK edge records that a document says two actors
are not (formally) connected, so analyses can set it beside the structure; a FEEDS_INTO
edge records a routine channel ("the Regional Monthly Review integrates information from
the Universal Periodic Review"). A feed that is only wished for or asked about is no
routine and is left to the BRIEFS rules.
"""

from __future__ import annotations

import re

from prevgraph.loaders.flows.briefs import examples_after
from prevgraph.loaders.flows.clauses import Clause, words
from prevgraph.loaders.flows.lexicon import (
    EXAMPLES,
    FEED_PATTERNS,
    LINK_PATTERNS,
    NEGATION_CUES,
    PROPOSAL_CUES,
    FeedPattern,
    LinkPattern,
)
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import Mention

_AND = re.compile(r"\band\b", re.IGNORECASE)
_INTO = re.compile(r"\binto\s+", re.IGNORECASE)
_TO = re.compile(r"\bto\s+", re.IGNORECASE)
#: "... have no formal channel between them": the pair stands before the cue
_BETWEEN_THEM = re.compile(r"\s*(?:them|the\s+two)\b", re.IGNORECASE)
_PAIR_GAP = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?and\s+(?:the\s+)?$", re.IGNORECASE)


def _second(clause: Clause, first: Mention) -> Mention | None:
    """The actor joined to ``first`` by "and", passing over a short parenthesis."""
    for mention in clause.actors():
        if mention.start < first.end or mention.node_id == first.node_id:
            continue
        gap = clause.slice(first.end, mention.start)
        if _AND.search(gap) and ";" not in gap and len(words(gap)) <= 12:
            return mention
        return None
    return None


def _pair_before(clause: Clause, start: int) -> tuple[Mention, Mention] | None:
    """The two actors coordinated before ``start`` ("the Council and the Commission work in silos")."""
    before = [m for m in clause.actors() if m.end <= start]
    for left, right in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if _PAIR_GAP.match(clause.slice(left.end, right.start)):
            return left, right
    return None


def _pair(clause: Clause, pattern: LinkPattern, start: int, end: int) -> tuple[Mention, Mention] | None:
    if pattern.frame == "between" and _BETWEEN_THEM.match(clause.slice(end, clause.end)):
        return _pair_before(clause, start)
    if pattern.frame == "between":
        first = clause.actor_after(end)
        second = _second(clause, first) if first else None
        return (first, second) if first and second else None
    if pattern.frame == "pair-before":
        return _pair_before(clause, start)
    if pattern.frame == "two-before":
        named = [m for m in clause.actors() if m.end <= start]
        distinct = list({m.node_id: m for m in named}.values())
        return (distinct[-2], distinct[-1]) if len(distinct) >= 2 else None
    subject = clause.subject_before(start)
    other = clause.actor_after(end)
    return (subject, other) if subject and other else None


def extract_no_links(clause: Clause, sink: FlowSink) -> None:
    """A missing link asked about ("is there no formal link ...?") is not stated outright: questions give none."""
    if clause.question:
        return
    for pattern in LINK_PATTERNS:
        for match in pattern.pattern.finditer(clause.text):
            pair = _pair(clause, pattern, clause.start + match.start(), clause.start + match.end())
            if pair is None or pair[0].node_id == pair[1].node_id:
                continue
            first, second = sorted((pair[0].node_id, pair[1].node_id))
            formal = bool(match.groupdict().get("formal")) or "formal" in match.group(0).lower()
            sink.add("NO_LINK", first, second, sentence=clause.sentence, rule=f"no-link:{pattern.name}",
                     props={"formal": formal, "statement": pattern.name})


def _into(clause: Clause, pos: int, preposition: re.Pattern[str] | None = None) -> list[Mention]:
    into = (preposition or _INTO).search(clause.slice(pos, clause.end))
    if into is None:
        return []
    after = pos + into.end()
    first = clause.actor_after(after) or examples_after(clause, after)
    return clause.coordinated(first) if first else []


def _feed_ends(clause: Clause, pattern: FeedPattern, start: int, end: int) -> tuple[list[Mention], list[Mention], int]:
    """(sources, targets, where the subject ends) for one feed pattern match."""
    if pattern.frame == "from-subject":
        target = clause.subject_before(start, max_words=6)
        examples = EXAMPLES.search(clause.slice(end, end + 80))
        at = end + examples.end() if examples else end
        sources = clause.agents_after(at) or ([first] if (first := clause.actor_after(at)) else [])
        return sources, [target] if target else [], target.end if target else start
    if pattern.frame == "from-into":
        first = clause.actor_after(end)
        return (clause.coordinated(first) if first else []), _into(clause, end), end
    subject = clause.subject_before(start, max_words=6)
    targets = _into(clause, end - 3, _TO) if pattern.frame == "subject-to" else _into(clause, end)
    return ([subject] if subject else []), targets, subject.end if subject else start


def extract_feeds(clause: Clause, sink: FlowSink) -> None:
    for pattern in FEED_PATTERNS:
        for match in pattern.pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            sources, targets, subject_end = _feed_ends(clause, pattern, start, end)
            if not sources or not targets:
                continue
            window = clause.slice(subject_end, start)
            wished = clause.question or any(cue.pattern.search(clause.slice(clause.start, start))
                                            for name, cue in PROPOSAL_CUES.items() if name != "aim")
            denied = any(NEGATION_CUES[name].pattern.search(window) for name in ("not", "yet-to", "failed"))
            if wished or denied:
                sink.skip(clause.sentence, "information feed that is wished for, asked about or denied: not routine")
                continue
            for source in sources:
                for target in targets:
                    if source.node_id != target.node_id:
                        sink.add("FEEDS_INTO", source.node_id, target.node_id, sentence=clause.sentence,
                                 rule=f"feeds:{pattern.name}")
