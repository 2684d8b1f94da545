"""REQUESTS and INVITES from a resolution or paragraph, and the BRIEFS they mandate.

A mandate is a verb of :data:`~prevgraph.loaders.flows.lexicon.MANDATE_VERBS` ("requests",
"invites", "calls upon") or its passive ("is invited to"), the actor it addresses right
after it, and an infinitive complement ("to brief, on an annual basis, the Council").
The addresser is, in order: a resolution or paragraph cited before the verb in the same
sentence; the addresser of the mandate it is coordinated with ("... and invites");
for an operative paragraph or "the resolution"/"it", the paragraph that holds the
sentence or the resolution cited last; otherwise a Body as grammatical subject ("the
Security Council requested the Secretary-General to ..."). When someone else asks (a
State, an NGO, a speaker) there is no mandate: the briefing asked for is PROPOSED.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from prevgraph.loaders.flows.briefs import INTRANSITIVE, adopting_body, recipients
from prevgraph.loaders.flows.chapeau import RULE_CHAPEAU
from prevgraph.loaders.flows.clauses import MANDATING_KINDS, Clause, clause_of, words
from prevgraph.loaders.flows.cues import frequency, start_year
from prevgraph.loaders.flows.lexicon import (
    BRIEFING_NOUN,
    FIXED_MANDATE_STATUS,
    HYPOTHETICAL,
    IMPLIED_RECIPIENT,
    INFO_VERB_ANY,
    INFO_VERB_STEMS,
    INFO_VERBS,
    MANDATE_AGENT,
    MANDATE_NOUN,
    MANDATE_VERBS,
    MODAL,
    NEGATION_CUES,
    OPERATIVE_OPENING,
    PASSIVE_MANDATE,
    PASSIVE_MANDATE_VERB,
    PRONOUN_RECIPIENT,
    PROPOSAL_CUES,
    RESOLUTION_ANAPHOR,
    SELF_MANDATE,
)
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import DocumentContext, Mention, Sentence
from prevgraph.schema import gazetteer, node_id

#: words between a mandate verb and its addressee ("requests that the Secretary-General ...")
_TARGET_FILLER = frozenset(["the", "also", "further", "again", "all", "both", "hereby", "that", "today", "yesterday",
                            "formally", "unanimously", "head", "heads", "of"])
_DETERMINER = r"\b(?:the|a|an|this|that|its|their|his|her|such|any|no|upon|following|despite|at|whose|our|every)\s+"
#: "the request", "a formal request": a noun, not the verb ("the resolution requests")
_NOUN_BEFORE = re.compile(_DETERMINER + r"$", re.IGNORECASE)
_SINGULAR_NOUN_BEFORE = re.compile(_DETERMINER + r"(?:[\w-]+\s+)?$", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:also\s+|further\s+|again\s+|hereby\s+)?$",
                             re.IGNORECASE)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:also\s+|further\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,|\band|\bas\s+well\s+as)\s*(?:also\s+|further\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\bto\b", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s+(?:also\s+|further\s+)?$", re.IGNORECASE)
#: between a mandate noun and its text: "the request contained in", "the invitation extended in", "the call of"
_TEXT_OF_NOUN = re.compile(r"^\s*(?:(?:contained|made|extended|set\s+out|expressed|issued|addressed)\s+)?"
                           r"(?:in|by|of|under)\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
#: "... for the Chair to brief": the actor the text asks
_FOR_ACTOR = re.compile(r"^\s*(?:of\s+\d{1,2}\s+\w+\s+\d{4}\s+|\(\d{4}\)\s+)?,?\s*for\s+", re.IGNORECASE)
#: "..., following the invitation": the clause's subject was the one invited
_FOLLOWING = re.compile(r"\b(?:following|pursuant\s+to|in\s+response\s+to|upon|at|answering)\s+(?:the|an|a|its)\s+"
                        r"(?:[\w-]+\s+)?$", re.IGNORECASE)
#: a relative clause whose antecedent is the text just cited ("resolution X, by which the Council ...")
_RELATIVE = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:(?:in|by|under|through|with)\s+)?which|whereby)\b",
                       re.IGNORECASE)
#: where a complement ends: a semicolon, or ", and" with a new subject ("..., and we encourage")
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas)\s+(?!to\b|(?:also\s+|further\s+)?to\b)", re.IGNORECASE)
#: a sub-paragraph that completes a pending mandate: "(a) to brief ...", "to report ...", "(j) Submit ..."
_SUBPARAGRAPH = re.compile(r"^[\s\"'‘“]*(?:\(?[a-z]{1,4}\)\s*(?:to\b)?|to\b)", re.IGNORECASE)
#: the modal after the addressee of "decides that X shall", with an aside ("shall, inter alia,")
_SHALL = re.compile(r"^\s*(?:,[^,;:]{0,40},\s*)?(?:shall|should|will)\b(?:\s*,?\s*inter\s+alia\s*,?)?",
                    re.IGNORECASE)
#: "requests that the Secretary-General brief the Council": the addressee's verb without "to"
_SUBJUNCTIVE = re.compile(r"^\s*(?:also\s+|further\s+|\w+ly\s+)?(?=" + INFO_VERB_ANY.pattern + ")",
                          re.IGNORECASE)
_REQUESTER_KINDS = frozenset({"Body"})
#: "asked the Secretary-General for a report", "ask OHCHR for a short human rights brief": information asked for
_ASKED_FOR = re.compile(r"^\s*,?\s*for\s+(?:(?:a|an|the|its|his|her|their|regular|periodic|written|oral|short|"
                        r"further|more|an?\s+update)\s+)*(?:[\w-]+\s+){0,3}?(?:brief|briefing|briefings|report|reports|"
                        r"update|updates|analysis|analyses|assessment|assessments|information|advice|input|inputs)\b",
                        re.IGNORECASE)
_RECIPIENT_PREPOSITION = re.compile(r"^\s*(?:to|for|before|of)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Mandate:
    """One actor addressed by a mandate verb, with who addresses it and how."""

    rel_type: str
    verb: str
    source: str | None
    actor: Mention
    start: int
    #: MANDATED when a resolution, paragraph or body addresses the actor, PROPOSED when someone else asks
    status: str
    request: str | None = None


@dataclass
class Citations:
    """The resolutions and paragraphs a document cites, in order, for "the resolution" and "it"."""

    ctx: DocumentContext
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted((m for m in self.ctx.mentions if m.kind in MANDATING_KINDS), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def last_before(self, pos: int, kinds: frozenset[str] = MANDATING_KINDS) -> str | None:
        for mention in reversed(self.mentions[: bisect_left(self.starts, pos)]):
            if mention.kind in kinds and mention.end <= pos:
                return mention.node_id
        return None

    def paragraph_holding(self, sentence: Sentence) -> str | None:
        """The Paragraph whose text (a resolution loaded as a document) holds the sentence."""
        holding = [(end - start, pid) for pid, (start, end) in self.ctx.structure.items()
                   if start <= sentence.start < end]
        return min(holding)[1] if holding else None

    def document_resolution(self) -> str | None:
        """For a resolution loaded as a document: the Resolution it is."""
        return self.ctx.resolution


@dataclass
class MandateState:
    """Carried from sentence to sentence: a mandate whose complements follow as sub-paragraphs."""

    pending: list[Mandate] = field(default_factory=list)


#: "invited to brief", "asked to address": the infinitive whose object is the body that invites
_TO_BRIEF = re.compile(r"^\s+to\s+(?:brief|address|update|inform|appear\s+before|speak\s+to|report\s+to)\b",
                       re.IGNORECASE)
#: what may stand before the agent of "at the invitation of": "the presidency of the Council", "the Chair of"
_AGENT_FILLER = frozenset(["the", "its", "their", "presidency", "president", "chair", "chairs", "members", "of"])
#: the rest of a fronted phrase up to its comma ("At the invitation of the Commission[ on 3 April], ")
_FRONTED_PHRASE_END = re.compile(r"^[^,;]{0,40}?,\s*")
#: a coordinated "that" clause, which has a subject of its own
_NEXT_THAT_CLAUSE = re.compile(r"(?:,|;)\s*(?:and|or)\s+that\b", re.IGNORECASE)


def _anaphor_kinds(word: str) -> frozenset[str]:
    if "paragraph" in word.lower():
        return frozenset({"Paragraph"})
    if any(w in word.lower() for w in ("resolution", "text", "decision")):
        return frozenset({"Resolution"})
    return MANDATING_KINDS


def _source(citations: Citations, clause: Clause, start: int, previous: Mandate | None) -> tuple[str | None, bool]:
    """Who addresses the mandate whose verb starts at ``start``, and whether that makes it a mandate.

    (See the module docstring for the order.) "the resolution requests" is a mandate even
    when the document cited no resolution before; "it requests" only when "it" resolves.
    """
    chapeau = next((m for m in clause.mentions if m.rule == RULE_CHAPEAU and m.end == start), None)
    if chapeau is not None:  # "We call on the Council to: 1. Invite X to brief ...": the addressee, who is only asked
        return chapeau.node_id, False
    cited = [m for m in clause.of_kinds(MANDATING_KINDS) if m.end <= start]
    if cited and _NEXT_THAT_CLAUSE.search(clause.slice(cited[-1].end, start)):
        cited = []  # "..., as foreseen in resolution 45/31, and that the Commission invite ...": another clause's text
    if cited and ("," not in clause.slice(cited[-1].end, start) or _body_subject(clause, start)):
        # "In its resolution 45/31, the Council invited ...", not "Recalling resolution 45/31, the speaker urged ..."
        return cited[-1].node_id, True
    before = clause.slice(clause.start, start)
    if previous is not None and _COORDINATED.search(before.rstrip(" \"'’”")):
        return previous.source, previous.status == "MANDATED"
    if OPERATIVE_OPENING.match(before) and not _gerund_at(clause, start):
        # "3. Requests the Secretary-General ...", not "(a) asking the Secretary-General ..." (an option listed)
        return (citations.paragraph_holding(clause.sentence) or citations.last_before(start)
                or citations.document_resolution()), True
    nearest = max((m.end for m in clause.mentions if m.end <= start), default=clause.start)
    anaphor = RESOLUTION_ANAPHOR.search(clause.slice(nearest, start))
    if anaphor is not None:
        kinds = _anaphor_kinds(anaphor.group(0))
        found = citations.last_before(start, kinds)
        return found, found is not None or kinds != MANDATING_KINDS
    subject = clause.subject_before(start, kinds=frozenset({"Body", "Office", "Organization", "State"}))
    if subject is None:
        return None, False
    return subject.node_id, subject.kind in _REQUESTER_KINDS


def _gerund_at(clause: Clause, start: int) -> bool:
    return bool(re.match(r"\w+ing\b", clause.slice(start, start + 20)))


def _body_subject(clause: Clause, start: int) -> bool:
    subject = clause.subject_before(start, kinds=frozenset({"Body", "Office", "Organization", "State"}))
    return subject is not None and subject.kind in _REQUESTER_KINDS


def _resolution_date(ctx: DocumentContext, source: str | None) -> str | None:
    node = ctx.nodes.get(source or "")
    for key in ("date", "adopted"):
        value = node.props.get(key) if node is not None else None
        if isinstance(value, str | int):
            return str(value)
    return ctx.date if ctx.genre == "resolution" else None


def _triggers(clause: Clause) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, relationship, verb name, passive) of every mandate verb, in text order."""
    found = []
    for verb in MANDATE_VERBS:
        for match in verb.pattern.finditer(clause.text):
            found.append((clause.start + match.start(), clause.start + match.end(), verb.rel_type, verb.name, False))
    for match in PASSIVE_MANDATE.finditer(clause.text):
        verb = PASSIVE_MANDATE_VERB.search(match.group(0))
        assert verb is not None  # every passive mandate ends in its participle
        rel = "INVITES" if "invit" in verb.group(0).lower() else "REQUESTS"
        name = f"passive-{verb.group(0).split()[0].lower()}"
        found.append((clause.start + match.start() + verb.start(), clause.start + match.end(), rel, name, True))
    passive = {t[0] for t in found if t[4]}
    return sorted(t for t in found if t[4] or t[0] not in passive)


def _addressed(citations: Citations, clause: Clause, trigger: tuple[int, int, str, str, bool],
               previous: Mandate | None) -> list[Mandate]:
    start, end, rel_type, verb, passive = trigger
    before = clause.slice(clause.start, start)
    if passive:
        actor = clause.subject_before(start, max_words=6)
        if actor is None:
            return []
        agent = re.match(r"^\s*by\s+", clause.slice(end, clause.end), re.IGNORECASE)
        by = clause.actor_after(end + agent.end(), kinds=frozenset({"Body"})) if agent else None
        cited = clause.of_kinds(MANDATING_KINDS)
        text = citations.paragraph_holding(clause.sentence) or citations.document_resolution()
        inviter = None if by or cited or text else _body_to_brief(clause, end)
        sources = ([by.node_id] if by else _relative_texts(clause, start) or [cited[0].node_id] if cited else
                   [text or inviter])
        modal = MODAL.search(clause.slice(actor.end, start))
        # a body's invitation told in running text ("X was invited to address the Assembly") happened
        status = "PROPOSED" if modal else "REALISED" if inviter else "MANDATED"
        return [Mandate(rel_type, verb, source, actor, start, status) for source in sources]
    noun = _NOUN_BEFORE.search(before) or (
        clause.slice(start, end).lower() == "request" and _SINGULAR_NOUN_BEFORE.search(before))
    if clause.inside_mention(start, end) or noun or _PASSIVE_BEFORE.search(before):
        return []
    first = clause.actor_after(end, filler=_TARGET_FILLER)
    if first is None:
        return []
    source, mandating = _source(citations, clause, start, previous)
    if _INFINITIVE_BEFORE.search(before) or MODAL.search(before):
        mandating = False
    status = "MANDATED" if mandating else "PROPOSED"
    texts = _relative_texts(clause, start)
    sources = texts if source in texts else [source]
    return [Mandate(rel_type, verb, each, actor, start, status)
            for actor in clause.coordinated(first) for each in sources]


def _body_to_brief(clause: Clause, end: int) -> str | None:
    """"X had not been invited to brief the Security Council": with no agent and no text, the body X would
    brief is the one that invites (or asks) it."""
    to = _TO_BRIEF.match(clause.slice(end, clause.end))
    body = clause.actor_after(end + to.end(), kinds=frozenset({"Body"})) if to else None
    return body.node_id if body is not None else None


def _relative_texts(clause: Clause, start: int) -> list[str]:
    """For "pursuant to resolution 75/201 and resolution 2558 (2020), in which the Assembly and the Council
    requested ...": the texts the relative pronoun before ``start`` stands for, all of them."""
    cited = [m for m in clause.of_kinds(MANDATING_KINDS) if m.end <= start]
    if not cited or not _RELATIVE.search(clause.slice(cited[-1].end, start)):
        return []
    group = clause.coordinated_before(cited[-1], kinds=MANDATING_KINDS)
    return list(dict.fromkeys(m.node_id for m in group))


def _negated(clause: Clause, start: int) -> bool:
    window = clause.slice(clause.reporting_end(start), start)
    return any(NEGATION_CUES[name].pattern.search(window) for name in ("not", "yet-to"))


def _running_text_status(clause: Clause, trigger: tuple[int, int, str, str, bool], status: str) -> str | None:
    """The status of a mandate met in running text, from the clause around it, not from the verb alone.

    An operative paragraph provides what it says. Elsewhere a request that is only asked about
    or supposed ("whether the Council should invite ...") gives nothing (None); a negated one
    ("has not been invited to brief", "never requested") did not happen: UNREALISED, with no
    REQUESTS or INVITES edge; one that someone recommends ("it was suggested that the Council
    request ...", "participants recommended that ..."), or a bare verb after a named body (the
    subjunctive of a recommendation: "(a) the Commission invite the Office to brief it") is
    PROPOSED: the body has not asked anything yet.
    """
    start, end = trigger[0], trigger[1]
    before = clause.slice(clause.start, start)
    if OPERATIVE_OPENING.match(before):
        return status
    if clause.question or HYPOTHETICAL.search(before):
        return None
    if _negated(clause, start):
        return "UNREALISED"
    if status in ("MANDATED", "REALISED") and not _coordinated_past(before, clause.slice(start, end)) and (
            any(cue.pattern.search(before) for cue in PROPOSAL_CUES.values())
            or _subjunctive(clause.slice(start, end), trigger[4])):
        return "PROPOSED"
    return status


def _coordinated_past(before: str, verb: str) -> bool:
    """"The Council expressed its intention to ... and invited X": a verb in the past after "and" reports what
    the subject did; the cues before it belong to the first verb."""
    return bool(_AND_BEFORE.search(before)) and verb.split()[0].lower().endswith("ed")


def _subjunctive(verb: str, passive: bool) -> bool:
    """"the Commission invite ...": a verb in its bare form where a third-person form is due."""
    word = verb.split()[0].lower()
    return not passive and word in {"request", "invite", "urge", "encourage", "call", "ask", "task", "decide"}


def _record_request(ctx: DocumentContext, sink: FlowSink, clause: Clause, mandate: Mandate) -> Mandate:
    if mandate.source is None or not mandate.rel_type:  # "encourages X to ...": no request of its own
        return mandate
    date = _resolution_date(ctx, mandate.source) if mandate.status == "MANDATED" else ctx.date
    request = sink.add(mandate.rel_type, mandate.source, mandate.actor.node_id, sentence=clause.sentence,
                       rule=f"mandate:{mandate.verb}", status=mandate.status, date=date)
    return replace(mandate, request=request)


def _requesting_body(ctx: DocumentContext, source: str | None) -> str | None:
    """The body behind a mandate ("to brief it"): the source if a Body, else the body that adopted its resolution."""
    node = ctx.nodes.get(source or "")
    if node is not None and node.kind == "Paragraph" and node.props.get("resolution"):
        node = ctx.nodes.get(node_id("Resolution", str(node.props["resolution"])))
    if node is None or node.kind == "Body":
        return node.id if node is not None else None
    body = gazetteer().lookup(str(node.props["body"])) if node.props.get("body") else None
    return body.id if body is not None else None


def _asked_recipients(sink: FlowSink, complement: Clause, body: str | None) -> list[tuple[str, str]]:
    """(recipient id, rule) for every briefing the complement asks for; "it" is the body that asks."""
    found: list[tuple[str, str]] = []
    for match in complement.scan(INFO_VERB_ANY, INFO_VERB_STEMS):
        verb = INFO_VERBS[int(str(match.lastgroup)[1:])]
        end = complement.start + match.end()
        targets = [t.node_id for t in recipients(complement, verb, end)]
        pronoun = PRONOUN_RECIPIENT.get(verb.frame)
        if not targets and body and pronoun and pronoun.search(complement.slice(end, end + 200)):
            targets = [body]
        if not targets and body and verb.frame == "to" and IMPLIED_RECIPIENT.match(complement.slice(end, end + 200)):
            targets = [body]  # "requests the Special Rapporteur to present a report at its next session"
        if not targets and body and verb.frame == "direct" and INTRANSITIVE.match(complement.slice(end, end + 200)):
            targets = [body]  # "to request the Secretary-General to brief on accountability": the body that asks
        if not targets and verb.frame in ("direct", "attention"):
            sink.skip(complement.sentence, f"a briefing is asked for ({match.group(0)!r}) but its recipient "
                                           "is no body the document names")
        found.extend((t, verb.name) for t in targets)
    for match in BRIEFING_NOUN.finditer(complement.text):
        end = complement.start + match.end()
        preposition = _RECIPIENT_PREPOSITION.match(complement.slice(end, complement.end))
        target = complement.actor_after(end + preposition.end()) if preposition else None
        if target is not None:
            found.append((target.node_id, "briefing-noun"))
    return found


def _record_briefs(ctx: DocumentContext, sink: FlowSink, complement: Clause, mandates: list[Mandate],
                   span_text: str) -> bool:
    """The BRIEFS each addressed actor is asked to give, read from the infinitive complement.

    Briefings "by" another actor that the complement names ("including through briefings
    by the Department of Political and Peacebuilding Affairs") are asked for too.
    """
    recorded = False
    given: set[tuple[str, str]] = set()  # one flow each, when several texts ask for it ("X and Y, in which ...")
    for mandate in mandates:
        body = _requesting_body(ctx, mandate.source)
        asked = _asked_recipients(sink, complement, body)
        givers = [(mandate.actor.node_id, asked)]
        for match in BRIEFING_NOUN.finditer(complement.text):
            by = re.match(r"^\s+(?:by|from)\s", complement.slice(complement.start + match.end(), complement.end))
            if by is not None:
                others = complement.agents_after(complement.start + match.end() + by.end())
                targets = [t for t in asked if t[1] != "briefing-noun"] or ([(body, "briefing-noun")] if body else [])
                givers.extend((o.node_id, targets) for o in others)
        for giver, targets in givers:
            for target, verb in targets:
                if target != giver and (giver, target) not in given:
                    given.add((giver, target))
                    _add_asked_flow(ctx, sink, complement.sentence, mandate, (giver, target), verb, span_text)
                    recorded = True
    return recorded


def _add_asked_flow(ctx: DocumentContext, sink: FlowSink, sentence: Sentence, mandate: Mandate,
                    ends: tuple[str, str], verb: str, span_text: str) -> None:
    """The BRIEFS edge a mandate asks for, with the mandate's status, text, year and frequency."""
    mandated = mandate.status == "MANDATED"
    mandated_by = (mandate.request or mandate.source) if mandated else None
    date = start_year(span_text) or (_resolution_date(ctx, mandate.source) if mandated else ctx.date)
    flow = sink.add("BRIEFS", *ends, sentence=sentence, status=mandate.status,
                    rule=f"mandate-briefs:{mandate.verb}/{verb}", date=date,
                    qualifier=sink.mandate_key(mandate.source) if mandated and mandate.source else None,
                    props={"mandated_by": mandated_by, "frequency": frequency(span_text)})
    if flow is not None:  # a later clause may say what became of it ("..., as it did in 2024")
        sink.stated.append((flow, sentence.start))


def _record_asked_for(ctx: DocumentContext, sink: FlowSink, clause: Clause, mandates: list[Mandate],
                      span_text: str) -> None:
    """"The Commission should ask OHCHR for a short brief": the one asked informs the body that asks."""
    for mandate in mandates:
        body = _requesting_body(ctx, mandate.source)
        if body is not None and body != mandate.actor.node_id:
            _add_asked_flow(ctx, sink, clause.sentence, mandate, (mandate.actor.node_id, body), "asked-for", span_text)


def _self_mandates(ctx: DocumentContext, sink: FlowSink, clause: Clause, citations: Citations) -> list[tuple[int, int]]:
    """"1. Decides to transmit the report to the Secretary-General": in a resolution's operative paragraph, the
    body adopting it mandates its own flows (no REQUESTS edge: it asks no one else)."""
    spans: list[tuple[int, int]] = []
    body = adopting_body(ctx, clause) if ctx.resolution else None
    for match in SELF_MANDATE.finditer(clause.text) if body is not None else ():
        start, end = clause.start + match.start(), clause.start + match.end()
        if not OPERATIVE_OPENING.match(clause.slice(clause.start, start)):
            continue
        source = citations.paragraph_holding(clause.sentence) or citations.document_resolution()
        mandate = Mandate("", "decides-to", source, body, start, "MANDATED")
        stop = _NEW_CLAUSE.search(clause.text, end - clause.start)
        stop_at = clause.start + stop.start() if stop else clause.end
        complement = clause_of(ctx.text, clause.sentence, clause.mentions, end - 2, stop_at)
        if _record_briefs(ctx, sink, complement, [mandate], clause.slice(start, stop_at)):
            spans.append((start, stop_at))
    return spans


def _noun_mandates(ctx: DocumentContext, sink: FlowSink, clause: Clause) -> list[tuple[int, int]]:
    """A mandate named by a noun and its text: "the request contained in resolution 45/31 for the Chair to brief
    the Council" (the text asks the actor after "for", the infinitive is what it asks); "the Chair addressed the
    Council, following the invitation extended in resolution 45/31" (the text invited the clause's subject)."""
    spans: list[tuple[int, int]] = []
    for match in MANDATE_NOUN.finditer(clause.text):
        start, end = clause.start + match.start(), clause.start + match.end()
        text = next((m for m in clause.of_kinds(MANDATING_KINDS) if m.start >= end), None)
        if text is None or not _TEXT_OF_NOUN.match(clause.slice(end, text.start)):
            continue
        rel = "INVITES" if match.group(0).lower().startswith("invit") else "REQUESTS"
        asked = _FOR_ACTOR.match(clause.slice(text.end, clause.end))
        actor = clause.actor_after(text.end + asked.end()) if asked else None
        if actor is None and _FOLLOWING.search(clause.slice(clause.start, start)):
            actor = next(iter(clause.actors()), None)
        if actor is None:
            continue
        named = Mandate(rel, "mandate-noun", text.node_id, actor, start, "MANDATED")
        mandate = _record_request(ctx, sink, clause, named)
        to = _TO.match(clause.slice(actor.end, clause.end).lstrip()) if asked else None
        if to is None:
            continue
        stop = _NEW_CLAUSE.search(clause.text, actor.end - clause.start)
        stop_at = clause.start + stop.start() if stop else clause.end
        complement = clause_of(ctx.text, clause.sentence, clause.mentions, actor.end, stop_at)
        if _record_briefs(ctx, sink, complement, [mandate], clause.slice(start, stop_at)):
            spans.append((start, stop_at))
    return spans


def _agent_mandates(ctx: DocumentContext, sink: FlowSink, clause: Clause) -> None:
    """"At the invitation of the Commission, the Assistant Secretary-General briefed it": the agent invited (a
    body: asked) the actor who then acts, and the invitation happened, whatever became of the flow. Not in a
    clause that blocks ("postponed at the request of China" names a blocker, not a requester)."""
    if clause.question or clause.block_cues:
        return
    for match in MANDATE_AGENT.finditer(clause.text):
        end = clause.start + match.end()
        agent = clause.actor_after(end, filler=_AGENT_FILLER)
        relation = "INVITES" if "invit" in match.group(0).lower() else "REQUESTS"
        if agent is None or (relation == "REQUESTS" and agent.kind not in ("Body", "Office")):
            continue
        before = [m for m in clause.actors() if m.end <= clause.start + match.start()]
        comma = _FRONTED_PHRASE_END.match(clause.slice(agent.end, clause.end))
        invitee = before[0] if before else (clause.actor_after(agent.end + comma.end()) if comma else None)
        if invitee is not None and invitee.node_id != agent.node_id:
            sink.add(relation, agent.node_id, invitee.node_id, sentence=clause.sentence, rule="mandate:invitation-of",
                     status="REALISED", date=ctx.date, match=(clause.start + match.start(), agent.end))


def extract_mandates(ctx: DocumentContext, clause: Clause, sink: FlowSink, state: MandateState,
                     citations: Citations) -> list[tuple[int, int]]:
    """Record the mandates of one sentence; returns the complement spans, which the BRIEFS rules then leave alone."""
    if state.pending and _SUBPARAGRAPH.match(clause.text):
        _record_briefs(ctx, sink, clause, state.pending, clause.text)
        return [(clause.start, clause.end)]
    state.pending = []
    _agent_mandates(ctx, sink, clause)
    spans = _self_mandates(ctx, sink, clause, citations) + _noun_mandates(ctx, sink, clause)
    triggers = _triggers(clause)
    previous: Mandate | None = None
    for index, trigger in enumerate(triggers):
        mandates = _addressed(citations, clause, trigger, previous)
        if not mandates:
            continue
        status = _running_text_status(clause, trigger, mandates[0].status)
        fixed = FIXED_MANDATE_STATUS.get(trigger[3])
        status = fixed if fixed is not None and status in ("MANDATED", "REALISED") else status
        if status is None:
            spans.append((trigger[0], clause.end))
            continue
        mandates = [_record_request(ctx, sink, clause, replace(m, status=status)) for m in mandates]
        previous = mandates[0]
        last = max(m.actor.end for m in mandates)
        stop = triggers[index + 1][0] if index + 1 < len(triggers) else clause.end
        new_clause = _NEW_CLAUSE.search(clause.text, last - clause.start, stop - clause.start)
        stop = clause.start + new_clause.start() if new_clause else stop
        rest = clause.slice(last, stop)
        shall = _SHALL.match(rest)
        if trigger[3] == "decides-shall" and shall is None:
            continue  # "decides that the mandate is extended": no one is asked to do anything
        opening = shall.end() if shall is not None else 0
        if rest[opening:].strip().startswith(":"):
            state.pending = mandates
        if _ASKED_FOR.match(rest):
            _record_asked_for(ctx, sink, clause, mandates, clause.slice(trigger[0], stop))
            spans.append((trigger[0], stop))
            continue
        to = _TO.search(rest)
        if shall is not None or _SUBJUNCTIVE.match(rest):
            # "decides that the Council shall submit ...", "requests that the Secretary-General brief ..."
            start = last + opening
        elif to is not None and len(words(rest[: to.start()])) <= 12:
            start = last + to.start()
        else:
            continue
        complement = clause_of(ctx.text, clause.sentence, clause.mentions, start, stop)
        if _record_briefs(ctx, sink, complement, mandates, clause.slice(trigger[0], stop)):
            spans.append((trigger[0], stop))
    return spans
