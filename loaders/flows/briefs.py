"""BRIEFS that sentences report, with their status, and the BLOCKS that stop them.

Four ways a sentence states a briefing, each a small finder over one clause:

- a verb with its subject before and its recipient after ("the High Commissioner has
  briefed the Security Council", "brought one crisis to the Council's attention");
- a passive ("the Council was briefed by the Chair");
- a noun ("briefings by the Chair of the Peacebuilding Commission to the Council",
  "the Council heard a briefing by X", "fed into the Council through briefings by X");
- an information flow ("the flow of information from the Council to the Security Council");
- the use of a Charter article that opens a channel ("the Secretary-General invoked Article 99":
  :mod:`.charter`), whose ends the reference data gives when the sentence does not name them.

The status comes from :func:`prevgraph.loaders.flows.cues.flow_status`; a blocking cue
in the same clause adds a BLOCKS edge from the blocker to the actor whose flow it stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from prevgraph.loaders.flows.charter import article_uses, cited_article, describes_channel
from prevgraph.loaders.flows.clauses import ACTOR_KINDS, MANDATING_KINDS, Clause, outermost, words
from prevgraph.loaders.flows.constructions import named
from prevgraph.loaders.flows.cues import Block, Status, count, flow_status, frequency, stated_date, stop_status, topic
from prevgraph.loaders.flows.lexicon import (
    BLOCK_FRAMES,
    EXAMPLES,
    IMPLIED_RECIPIENT,
    INFO_NOUN_WORDS,
    INFO_NOUNS,
    INFO_VERB_ANY,
    INFO_VERB_STEMS,
    INFO_VERBS,
    INFORMATION_FLOW,
    INFORMATION_REACHES,
    PASSIVE_INFO,
    PASSIVE_INFO_WORDS,
    POSSESSIVE_PRONOUN,
    REACH_VERB,
    RECEIVING_VERBS,
    REVERSE_INFO,
    REVERSE_INFO_WORDS,
    SELF_REPORT,
    Cue,
    InfoNoun,
    InfoVerb,
)
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import DocumentContext, Mention
from prevgraph.schema import gazetteer
from prevgraph.schema.reference import ReferenceEntry

_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)
_PARTICIPLE_ENDINGS = ("ed", "told", "brought", "sent", "spoken", "drawn")
_PREPOSITIONS = {"to": re.compile(r"\bto\s+", re.IGNORECASE), "with": re.compile(r"\bwith\s+", re.IGNORECASE),
                 "into": re.compile(r"\binto\s+", re.IGNORECASE)}
#: a class of recipients and the ones it names: "all relevant United Nations bodies, in particular ..."
_INCLUDING = re.compile(r"(?:all\s+)?(?:the\s+)?(?:other\s+)?(?:relevant\s+)?(?:United\s+Nations\s+)?"
                        r"(?:bodies|organs|entities|mechanisms)\b[^;:,]{0,50},?\s*"
                        r"(?:including|in\s+particular|notably|such\s+as|among\s+them|especially)\s+", re.IGNORECASE)
_ATTENTION_OF = re.compile(r"\battention\s+of\s+", re.IGNORECASE)
_POSSESSIVE_ATTENTION = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?attention\b", re.IGNORECASE)
#: the word that carries information on ("reaches", "passed"), or the bare "to" of "from X to Y"
_CARRIER_WORD = re.compile(r"\b(?:reach\w*|gets?|got|flows?|passed|conveyed|transmitted|sent)\b|\bto\s*$",
                          re.IGNORECASE)
#: where the agents of a passive start ("briefed on Myanmar by X"), and of "hears from X" (right away)
_BY_WITHIN = re.compile(r"^(?:\W*[\w’'-]+){0,12}?\W+by\s", re.IGNORECASE)
_RIGHT_HERE = re.compile(r"")
_AGENT_BY = re.compile(r"\bby\s", re.IGNORECASE)
_HANDED_OVER = (r"(?:delivered|given|provided|presented|made(?:\s+available)?|submitted|transmitted|addressed|sent|"
                r"shared|forwarded|conveyed)")
#: "the reports of X were considered by the Council": the body that takes a report up has received it
_TAKEN_UP = r"(?:considered|discussed|examined|taken\s+up|received|heard|endorsed)"
#: "the report of X was transmitted to Y", "will be shared with Y", "has not yet been sent to Y": the auxiliaries
#: of a handing over, which carry its status (so the flow is read at the participle, not at the noun)
_HANDED_AUXILIARY = (r"(?:(?:was|were|is|are|has|have|had|will|would|should|shall|must|could|can|may|might)\s+"
                     r"(?:(?:not|also|yet|never|then|been|be|\w+ly)\s+)*)")
#: a body named just before a briefing noun, as its recipient ("a planned Council briefing by X")
_MODIFIER_GAP = re.compile(r"^\s*(?:open\s+|closed\s+|private\s+|formal\s+|informal\s+)?$", re.IGNORECASE)
#: what may follow a briefing verb used without its object ("are expected to brief, together with ..."), or with
#: an object that is the meeting's own audience ("briefed members", "briefed participants on ...")
INTRANSITIVE = re.compile(r"^\s*(?:$|[,;.]|(?:(?:the\s+)?members(?!\s+of)|(?:the\s+)?participants|delegations|"
                          r"the\s+meeting|jointly|on|about|in|at|this|today|tomorrow|next|later|together|along|"
                          r"alongside|first|again|virtually|remotely|as|via|by\s+video|every|each|regularly|annually|periodically|twice|"
                          r"once|quarterly|monthly|under|before|during)\b)", re.IGNORECASE)
#: the end of a representative's title ("the Permanent Representative of Malta to the United Nations addressed to
#: ..."): no recipient
_MISSION_TITLE = re.compile(r"^\s+to\s+the\s+United\s+Nations"
                            r"(?:\s+(?:Office\s+)?at\s+Geneva|\s+in\s+(?:New\s+York|Geneva))?(?=[\s,])", re.IGNORECASE)
_FLOW_TO = re.compile(r"^\s*(?:\([^)]*\)\s*)?to\s+", re.IGNORECASE)
_INTO = re.compile(r"\b(?:into|before)\s+", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"^\s*['’]s?\s+(?:[\w-]+\s+){0,2}$")
#: "the Mechanism, whose findings were presented to ...": the author of the findings
_WHOSE_BETWEEN = re.compile(r"^\s*(?:\([^)]*\)\s*)?,\s*whose\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_FRONTED = re.compile(r"^[\s\"'‘“]*(?:also\s+|further\s+)?$", re.IGNORECASE)
_MANDATED_BY = re.compile(r"\b(?:(?:mandated|requested|called\s+for|envisaged|provided\s+for|foreseen)"
                          r"\s+(?:by|in|under)|pursuant\s+to|as\s+per|in\s+accordance\s+with|in\s+line\s+with)"
                          r"\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_BLOCK_AGENT = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:by|from|at\s+the\s+(?:request|insistence)\s+of)\s",
                          re.IGNORECASE)
#: a second verb of the same subject: "the Commission had shared its findings with A and had briefed B"
_AND_VERB_BEFORE = re.compile(r"^[^;:.]{0,120}?\band\s+(?:(?:has|have|had|also|then|later|subsequently|"
                              r"regularly)\s+)*$", re.IGNORECASE)
#: "X and Y are the anticipated briefers", "X was among the briefers": the copula before "briefers"
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be)\s+(?:also\s+)?(?:among\s+)?(?:the\s+)?(?:[a-z]+\s+)?$",
                            re.IGNORECASE)
_VOTE = named("veto").pattern
_AGAINST = named("voted-against").pattern
#: "4 against (Bolivia, China, ...)": the States in the parenthesis
_VOTERS_AFTER = re.compile(r"^[^()]{0,30}?\(([^()]*)\)")
_VOTER_GAP = re.compile(r"^\s*(?:,|,?\s*and)\s*(?:the\s+)?$", re.IGNORECASE)
_RULE_OF = re.compile(r"^\s*(?:requirements?\s+|rules?\s+|procedures?\s+|decisions?\s+)?"
                      r"(?:in|of|within|among|at|by)\s+", re.IGNORECASE)
#: before "briefs", "updates", "alerts" used as plural nouns: a determiner or a number, and perhaps one word
#: ("issued four quarterly briefs on ...", "its updates"), or an adjective ("has issued regular updates")
_PLURAL_NOUN_BEFORE = re.compile(r"\b(?:(?:the|its|their|his|her|these|those|such|several|many|two|three|four|five|"
                                 r"six|\d+)\s+(?:[\w-]+\s+)?|(?:regular|periodic|written|oral|quarterly|monthly|weekly|"
                                 r"annual|public|frequent)\s+)$", re.IGNORECASE)
#: a report that is the object of a verb handing it on ("to transmit the report of X to Y"): the verb's rule reads
#: the flow, with the verb's status
_HANDED_ON = re.compile(r"\b(?:transmit|transmits|transmitted|transmitting|forward|forwards|forwarded|forwarding|"
                        r"convey|conveys|conveyed|conveying|send|sends|sent|sending|circulate|circulates|circulated)"
                        r"\s+(?:the|its|their|his|her|all|a|an)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: before a form in -ing used as a noun ("heard a briefing by X", "early warning")
_GERUND_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|any|no|every|each|such|early|regular|"
                                 r"annual|monthly|open|closed|joint|oral|formal|informal)\s+$", re.IGNORECASE)
#: "had requested a briefing": "had" is an auxiliary there, not a verb of receiving
_AUXILIARY = re.compile(r"^\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.IGNORECASE)
#: a body that holds a meeting: "the Council held an open debate on prevention, at which"
_HELD_MEETING = re.compile(r"^\s*(?:also\s+|will\s+|is\s+to\s+|to\s+)?(?:held|holds|hold|convened|convenes|hosted|"
                           r"hosts|met|meets)\b[^;:]{0,120}?\b(?:at|during|in)\s+which\b", re.IGNORECASE)
#: the subject of "... was briefed by X" is a meeting: "The meeting was", "a meeting on the Sahel, which was"
_MEETING_SUBJECT = re.compile(r"\b(?:meeting|session|debate|consultations|dialogue)\b(?:[^,;.]{0,60},\s*which)?\s*$",
                              re.IGNORECASE)
#: a heading line, not a sentence: short, and no full stop at its end
_HEADING = re.compile(r"[^\n]{0,150}?(?<![.!?:;])\s*", re.DOTALL)
_WINDOW_WORDS = re.compile(r"(?:\S+\s+){0,6}$")
_RELATIVE = re.compile(r",\s*(?:whose|which|who)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Flow:
    """A briefing a clause states: who, to whom, and where the word that states it stands."""

    source: Mention
    targets: tuple[Mention, ...]
    start: int
    end: int
    #: where the subject stands (negation counts after it; "failure of" just before it)
    subject_start: int
    subject_end: int
    rule: str
    #: the Charter article the flow runs under, when the sentence reports its use
    article: str | None = None
    #: ends the sentence does not name but the article does (reference entries), to enter with this evidence
    implied: tuple[ReferenceEntry, ...] = ()


# ------------------------------------------------------------------ recipients


def recipients(clause: Clause, verb: InfoVerb, end: int) -> list[Mention]:
    """Who the information verb ending at ``end`` is addressed to, following the verb's frame."""
    first: Mention | None = None
    rest = clause.slice(end, clause.end)
    if verb.frame == "direct":
        first = clause.actor_after(end)
    elif verb.frame in _PREPOSITIONS:
        for match in _PREPOSITIONS[verb.frame].finditer(rest):
            if len(words(rest[: match.start()])) > 15:
                break
            first = clause.actor_after(end + match.end())
            including = _INCLUDING.match(rest, match.end()) if first is None else None
            if including is not None:  # "to all relevant bodies of the United Nations, including the Council"
                first = clause.actor_after(end + including.end())
            if first is not None:
                break
    else:
        attention = _ATTENTION_OF.search(rest)
        if attention and len(words(rest[: attention.start()])) <= 25:
            first = clause.actor_after(end + attention.end())
        possessive = _POSSESSIVE_ATTENTION.search(rest)
        if first is None and possessive and len(words(rest[: possessive.start()])) <= 25:
            first = clause.possessor(end + possessive.start())
    return clause.coordinated(first) if first is not None else []


def examples_after(clause: Clause, pos: int, span: int = 150) -> Mention | None:
    """The first actor named as an example ("processes (e.g. the RMR)") within ``span`` characters."""
    cue = EXAMPLES.search(clause.slice(pos, pos + span))
    return clause.actor_after(pos + cue.end()) if cue else None


# --------------------------------------------------------------------- finders


def _fronted(clause: Clause, start: int, targets: list[Mention]) -> tuple[Mention | None, list[Mention]]:
    """For "Briefing the Council, X said ...": the actor named after the fronted participle, and the recipients
    before the comma that closes it (the comma is no list: "Addressing the Council, the Envoy said")."""
    if not _FRONTED.match(clause.slice(clause.start, start)):
        return None, targets
    found = clause.agents_after(targets[-1].end, exclude=[t.node_id for t in targets])
    if found:
        return found[0], targets
    for index, target in enumerate(targets[1:], 1):
        if clause.slice(targets[index - 1].end, target.start).lstrip().startswith(","):
            return target, targets[:index]
    return None, targets


def _thanked_flows(clause: Clause, start: int, end: int, host: Mention | None) -> list[Flow]:
    """"We thank the Secretary-General and the High Commissioner for their briefings": each actor thanked
    briefed the body whose meeting the document reports."""
    if host is None:
        return []
    thanked = clause.agents_after(end, exclude=[host.node_id])
    return [Flow(source, (host,), start, end, start, start, "briefs:thanked") for source in thanked]


def _inverted_flows(clause: Clause, start: int, end: int, host: Mention | None) -> list[Flow]:
    """"Briefing the Council were X and Y", "Briefers are expected to include X": the actors after the words
    brief the body the words name, else the body whose meeting the document reports. The flow's words end
    where the briefers start, so "are expected to" reads as the status."""
    named = [m for m in clause.actors() if start <= m.start and m.end <= end]
    target = named[0] if named else host
    if target is None:
        return []
    briefers = clause.agents_after(end, exclude=[target.node_id])
    return [Flow(source, (target,), end, end, end, end, "briefs:briefers-named") for source in briefers]


def _briefers_before(clause: Clause, start: int, end: int, host: Mention | None) -> list[Flow]:
    """"X and Y are the anticipated briefers", "X was among the briefers": the subject briefs the body the
    document's meeting belongs to; the words before "briefers" ("anticipated", "will be") give the status."""
    copula = _COPULA_BEFORE.search(clause.slice(clause.start, start))
    subject = clause.subject_before(clause.start + copula.start()) if copula is not None else None
    if subject is None or host is None:
        return []
    return [Flow(source, (host,), end, end, subject.start, subject.end, "briefs:briefers-named")
            for source in clause.coordinated_before(subject) if source.node_id != host.node_id]


def _plural_noun(clause: Clause, start: int, word: str) -> bool:
    """"four quarterly briefs", "its updates", "a briefing", "early warning": the word is a noun, unless an actor
    stands between the determiner and a plural ("the Commission briefs the Council")."""
    if word.lower().endswith("ing"):
        return bool(_GERUND_NOUN_BEFORE.search(clause.slice(clause.start, start)))
    before = _PLURAL_NOUN_BEFORE.search(clause.slice(clause.start, start))
    if not word.lower().endswith("s") or word.lower().endswith("ings") or before is None:
        return False
    at = start - (len(clause.slice(clause.start, start)) - before.start())
    return not any(m.end > at and m.start < start for m in clause.mentions)


def verb_flows(clause: Clause, host: Mention | None = None) -> list[Flow]:
    """Flows stated by an information verb; ``host``: the body whose meeting the document reports, the
    recipient of a briefing that names none ("X is expected to brief", "thanked X for the briefing")."""
    flows: list[Flow] = []
    for match in clause.scan(INFO_VERB_ANY, INFO_VERB_STEMS):
        verb = INFO_VERBS[int(str(match.lastgroup)[1:])]
        start, end = clause.start + match.start(), clause.start + match.end()
        participle = match.group(0).lower().split()[0].endswith(_PARTICIPLE_ENDINGS)
        passive = participle and _PASSIVE_BEFORE.search(clause.slice(clause.start, start))
        if verb.frame == "briefers-before":  # a noun by design: "X and Y are the anticipated briefers"
            flows.extend(_briefers_before(clause, start, end, host))
            continue
        if clause.inside_mention(start, end) or passive or _plural_noun(clause, start, match.group(0)):
            continue
        if verb.frame == "thanked":
            flows.extend(_thanked_flows(clause, start, end, host))
            continue
        if verb.frame == "inverted":
            flows.extend(_inverted_flows(clause, start, end, host))
            continue
        targets = recipients(clause, verb, end)
        if not targets and verb.frame == "direct" and INTRANSITIVE.match(clause.slice(end, clause.end)):
            holder = meeting_holder(clause, start) or host  # "the Council held a debate, at which X briefed"
            targets = [holder] if holder is not None else []
        if not targets and verb.frame == "to" and host is not None and IMPLIED_RECIPIENT.match(
                clause.slice(end, clause.end)):
            targets = [host]  # "Presenting the Commission's latest report, the Chair said ...": to the meeting's body
        if not targets:
            continue
        subject = clause.subject_before(start, gerund=match.group(0).lower().endswith("ing"))
        if flows and _AND_VERB_BEFORE.search(clause.slice(flows[-1].end, start)) and (
                subject is None or subject.node_id in {t.node_id for t in flows[-1].targets}):
            # "X had shared its findings with A and had briefed B": the first verb's subject, not its object
            subject = next(f.source for f in flows if f.start == flows[-1].start)
        source = subject or clause.pronoun_subject(start) or clause.speaker_of(start)
        if source is None:
            source, targets = _fronted(clause, start, targets)
        if source is None:
            continue
        around = (subject.start, subject.end) if subject is not None else (start, start)
        for each in clause.coordinated_before(source) if source is subject else [source]:
            flows.append(Flow(each, tuple(targets), start, end, *around, f"briefs:{verb.name}"))
    return flows


def meeting_holder(clause: Clause, start: int) -> Mention | None:
    """The body that, before ``start`` in the clause, holds the meeting a bare "X briefed" took place at
    ("On 14 April the Council held an open debate, at which the High Commissioner briefed")."""
    return next((m for m in reversed(clause.mentions) if m.end <= start and m.kind == "Body"
                 and _HELD_MEETING.match(clause.slice(m.end, start))), None)


def _meeting_body(clause: Clause, start: int, host: Mention | None) -> Mention | None:
    """For "the meeting was briefed by X", "a meeting on the Sahel, which was briefed by X": the body that held
    it (named before in the sentence), else the body whose meeting the document reports."""
    if not _MEETING_SUBJECT.search(clause.slice(clause.start, start)):
        return None
    return next((m for m in reversed(clause.mentions) if m.end <= start and m.kind == "Body"), host)


def receiver_flows(clause: Clause, host: Mention | None = None) -> list[Flow]:
    """Flows whose subject receives: "the Council was briefed by X", "the Council rarely hears from X"; a meeting
    briefed by X is its body's briefing."""
    flows: list[Flow] = []
    for pattern, words_, agent, name in ((PASSIVE_INFO, PASSIVE_INFO_WORDS, _BY_WITHIN, "passive"),
                                         (REVERSE_INFO, REVERSE_INFO_WORDS, _RIGHT_HERE, "hears-from")):
        if not any(word in clause.lower for word in words_):
            continue
        for match in pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            target = clause.subject_before(start, max_words=4) or (
                _meeting_body(clause, start, host) if name == "passive" else None)
            by = agent.match(clause.slice(end, clause.end))
            if target is None or by is None:
                continue
            for source in clause.agents_after(end + by.end(), exclude=[target.node_id]):
                flows.append(Flow(source, (target,), start, end, target.start, target.end, f"briefs:{name}"))
    return flows


@cache
def _preposition(words_: tuple[str, ...], passive: bool = False) -> re.Pattern[str]:
    """A recipient's preposition right after a noun, or after the participle that hands it over ("the
    briefing delivered to the Council", "the report of X was transmitted to the Council", "the report of X,
    which was presented to the Council"); after the agent of a ``passive``, a second participle too ("a
    summary prepared by X and shared with the Council"; "X contributed to the report and shared with Y" is
    X's own sharing). The participle and its auxiliaries, when there, are the group ``handed``."""
    handed = _HANDED_AUXILIARY + "?" + _HANDED_OVER
    received = _HANDED_AUXILIARY + "?" + _TAKEN_UP
    relative = r"(?:,\s*(?:which|that)\s+(?=" + handed + r"))?"
    conjoined = r"(?:,?\s*and\s+(?=" + handed + "|" + received + r"))?" if passive else ""
    prepositions = "|".join(words_)
    return re.compile(r"^\s*" + relative + conjoined + r",?\s*(?:(?P<handed>" + handed + r")\s+(?:" + prepositions
                      + r"|with)|(?P<received>" + received + r")\s+by|(?:" + prepositions + r"))\s+",
                      re.IGNORECASE)


@cache
def _author_pattern(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    """Where a noun's author follows: "briefings by X", "a briefing on Myanmar by X" (up to ten words, no comma
    between), "the report of X" (right after the noun only: "of" further on belongs to something else, but for the
    author of a report presented: "the presentation of the latest report of X")."""
    agent = [p for p in prepositions if p != "of"]
    # "the report of X was considered by Y": Y takes the report up (see _TAKEN_UP), it does not write it
    parts = [r"(?:\s+(?!" + _TAKEN_UP + r"\b)[\w’'()-]+){0,10}?\s+(?:" + "|".join(agent) + ")"] if agent else []
    # "the presentation of the latest report of X": the author of the report presents it
    parts += [r"\s+of\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:report|reports|findings|conclusions)\s+of",
              r"\s+of"] if "of" in prepositions else []
    return re.compile(r"^(?:" + "|".join(parts) + r")\s", re.IGNORECASE)


def _briefers(clause: Clause, noun: InfoNoun, start: int, end: int) -> tuple[list[Mention], int]:
    """Who gives the briefing named by the noun at ``start:end``, and where their names end."""
    by = _author_pattern(noun.author).match(clause.slice(end, clause.end))
    if by is not None:
        found = clause.agents_after(end + by.end())
        if found:
            return found, found[-1].end
    for mention in reversed(clause.actors()):
        if mention.end <= start:
            if _POSSESSIVE_BEFORE.match(clause.slice(mention.end, start)) or _WHOSE_BETWEEN.match(
                    clause.slice(mention.end, start)):
                return [mention], end
            break
    pronoun = POSSESSIVE_PRONOUN.search(clause.slice(max(clause.start, start - 30), start))
    office = clause.pronoun_subject(start) if pronoun else None
    return ([office], end) if office is not None else ([], end)


def _receiver(clause: Clause, verb: re.Match[str], noun_end: int, body: Mention | None) -> Mention | None:
    """Who hears, considers or takes note of a report or briefing named after ``verb``: the verb's subject;
    for a fronted participle ("Taking note of the report of X (symbol), the Council ...") the actor after
    the comma that closes it; for "a meeting that featured a briefing" the body that held it; in a
    resolution, the body that adopts it (``body``)."""
    at = clause.start + verb.start()
    found = clause.subject_before(at)
    if found is not None:
        return found
    if _FRONTED.match(clause.slice(clause.start, at)):
        comma = clause.slice(noun_end, clause.end).find(",")
        following = clause.actor_after(noun_end + comma + 1, kinds=frozenset({"Body"})) if comma >= 0 else None
        if following is not None:
            return following
    if verb.group(0).lower().startswith("featur"):
        return next((m for m in clause.mentions if m.kind == "Body" and m.end <= at), None)
    return body


def _nominal_recipients(clause: Clause, noun: InfoNoun, start: int, end: int, after: int,
                        body: Mention | None = None, host: Mention | None = None,
                        ) -> tuple[list[Mention], tuple[int, int] | None]:
    """Who a briefing or report named by a noun goes to: after its preposition, the subject of a receiving
    verb before it, a body just before the noun ("a Council briefing"), or for a briefing that names none
    the body whose meeting the document reports (``host``); and the span of the participle that hands it
    over, when one does ("... will be shared with the Council"), where the flow's status is read."""
    mission = _MISSION_TITLE.match(clause.slice(after, clause.end))
    for pos in (end, after + (mission.end() if mission else 0)):
        passive = _AGENT_BY.search(clause.slice(end, pos)) is not None
        preposition = _preposition(noun.recipient, passive).match(clause.slice(pos, clause.end))
        if preposition is not None:
            found = clause.actor_after(pos + preposition.end())
            if found is not None:
                group = "handed" if preposition.group("handed") else "received" if preposition.group(
                    "received") else None
                handed = (pos + preposition.end(group) - len(preposition.group(group).split()[-1]),
                          pos + preposition.end(group)) if group else None
                return clause.coordinated(found), handed
    return _recipients_without_preposition(clause, noun, start, end, body, host), None


def _recipients_without_preposition(clause: Clause, noun: InfoNoun, start: int, end: int, body: Mention | None,
                                    host: Mention | None) -> list[Mention]:
    receiving = [m for m in RECEIVING_VERBS.finditer(clause.text, 0, start - clause.start)]
    if receiving and len(words(clause.slice(clause.start + receiving[-1].end(), start))) <= 3 and not _AUXILIARY.match(
            clause.slice(clause.start + receiving[-1].end(), start)):
        found = _receiver(clause, receiving[-1], end, body)
        if found is not None:
            return [found]
    into = [m for m in _INTO.finditer(clause.text, 0, start - clause.start)]
    for match in reversed(into):
        found = clause.actor_after(clause.start + match.end())
        if found is not None:
            return clause.coordinated(found)
    modifier = next((m for m in reversed(clause.mentions) if m.end <= start), None)
    if modifier is not None and modifier.kind == "Body" and _MODIFIER_GAP.match(clause.slice(modifier.end, start)):
        return [modifier]
    return [host] if host is not None and noun.name == "briefing" else []


def _negation_from(clause: Clause, start: int) -> int:
    """Where a negation can stand that denies the flow a noun at ``start`` names: a few words before it, but
    not across the comma of a relative ("has never heard X, whose findings were presented to Y": presented)."""
    window = _WINDOW_WORDS.search(clause.slice(clause.start, start))
    begin = start - (len(window.group(0)) if window else 0)
    relatives = list(_RELATIVE.finditer(clause.text, begin - clause.start, start - clause.start))
    return clause.start + relatives[-1].start() if relatives else begin


def nominal_flows(clause: Clause, body: Mention | None = None, host: Mention | None = None) -> list[Flow]:
    flows: list[Flow] = []
    for noun in INFO_NOUNS:
        if not any(word in clause.lower for word in INFO_NOUN_WORDS[noun.name]):
            continue
        for match in noun.pattern.finditer(clause.text):
            start, end = clause.start + match.start(), clause.start + match.end()
            if clause.actor_after(end, filler=frozenset({"the"})) is not None or _HANDED_ON.search(
                    clause.slice(clause.start, start)):
                continue
            sources, after = _briefers(clause, noun, start, end)
            if not sources:
                continue
            targets, handed = _nominal_recipients(clause, noun, start, end, after, body, host)
            negation_from = _negation_from(clause, start)
            trigger_start, trigger_end = handed or (start, end)
            for source in sources:
                kept = tuple(t for t in targets if t.node_id != source.node_id)
                if kept:
                    flows.append(Flow(source, kept, trigger_start, trigger_end, negation_from, negation_from,
                                      f"briefs:{noun.name}-noun"))
    return flows


def information_flows(clause: Clause) -> list[Flow]:
    """"The flow of information from X to Y", "information from X does not reach Y"."""
    flows: list[Flow] = []
    for pattern, carrier, name in ((INFORMATION_FLOW, _FLOW_TO, "information-flow"),
                                   (INFORMATION_REACHES, REACH_VERB, "information-reaches")):
        for match in pattern.finditer(clause.text):
            end = clause.start + match.end()
            source = clause.actor_after(end)
            verb = carrier.match(clause.slice(source.end, clause.end)) if source else None
            target = clause.actor_after(source.end + verb.end()) if source and verb else None
            if source is not None and verb is not None and target is not None:
                word = _CARRIER_WORD.search(verb.group(0))  # both carriers end in such a word; else the verb's start
                trigger = source.end + (word.start() if word else 0)
                flows.append(Flow(source, tuple(clause.coordinated(target)), trigger, source.end + verb.end(),
                                  source.start, source.end, f"briefs:{name}"))
    return flows


def _named_or_implied(clause: Clause, entry: ReferenceEntry, start: int, end: int) -> tuple[Mention, bool]:
    """The clause's mention of ``entry``, else a mention the article stands for (and True: it is implied)."""
    named = next((m for m in clause.mentions if m.node_id == entry.id), None)
    if named is not None:
        return named, False
    return Mention(entry.id, entry.kind, start, end, clause.slice(start, end), "charter-article"), True


def article_flows(clause: Clause) -> list[Flow]:
    """"The Secretary-General invoked Article 99", "a letter under Article 99": the article's office briefs
    the body the article names (:mod:`.charter`)."""
    flows: list[Flow] = []
    for use in article_uses(clause):
        source, source_implied = _named_or_implied(clause, use.channel.office, use.article_start, use.article_end)
        target, target_implied = _named_or_implied(clause, use.channel.recipient, use.article_start, use.article_end)
        subject = (source.start, source.end) if not source_implied and source.end <= use.start else (use.start,
                                                                                                    use.start)
        implied = tuple(e for e, yes in ((use.channel.office, source_implied), (use.channel.recipient,
                                                                                target_implied)) if yes)
        flows.append(Flow(source, (target,), use.start, use.end, *subject, "briefs:charter-article",
                          use.channel.article, implied))
    return flows


def find_flows(clause: Clause, exclude: list[tuple[int, int]], body: Mention | None = None,
               host: Mention | None = None) -> list[Flow]:
    """Every briefing the clause states, outside the spans a mandate rule has read already; ``body``: for a
    resolution, the body that adopts it (it takes note of the reports it names); ``host``: see :func:`verb_flows`."""
    found = verb_flows(clause, host) + receiver_flows(clause, host) + nominal_flows(clause, body, host)
    if clause.opens("information"):
        found += information_flows(clause)
    if clause.opens("charter"):
        found += article_flows(clause)
    return [f for f in found if not any(a <= f.start < b for a, b in exclude)]


# ---------------------------------------------------------------------- record


def _mandated_by(clause: Clause) -> str | None:
    """"as mandated by resolution 45/31": the resolution that mandates a reported flow."""
    for mention in clause.of_kinds(MANDATING_KINDS):
        if _MANDATED_BY.search(clause.slice(clause.start, mention.start)[-40:]):
            return mention.node_id
    return None


def _voters(clause: Clause, end: int) -> list[str]:
    """The States that voted against: listed in the parenthesis right after "against" ("4 against (A, B, C)"),
    or coordinated before "voted against" ("A and B voted against")."""
    after = _VOTERS_AFTER.match(clause.slice(end, clause.end))
    if after is not None:
        inside = [m for m in clause.mentions if end + after.start(1) <= m.start and m.end <= end + after.end(1)]
        return [m.node_id for m in inside if m.kind == "State"]
    states = [m for m in clause.mentions if m.end <= end and m.kind == "State"]
    if not states:
        return []
    found = [states[-1]]
    for mention in reversed(states[:-1]):
        if not _VOTER_GAP.match(clause.slice(mention.end, found[-1].start)):
            break
        found.append(mention)
    return [m.node_id for m in reversed(found)]


def voters_against(clause: Clause) -> list[str]:
    """The States the clause says voted against ("A and B voted against", "4 against (A, B, C, D)")."""
    against = _AGAINST.search(clause.text)
    return [] if against is None else _voters(clause, clause.start + against.end())


def names_an_agent(clause: Clause, end: int) -> bool:
    """Whether a blocking word ending at ``end`` says who did it ("by", "at the request of"), named or not."""
    return _BLOCK_AGENT.match(clause.slice(end, clause.end)) is not None


def agents_of_block(clause: Clause, end: int, exclude: list[str]) -> list[str]:
    """The actors a blocking word ending at ``end`` names as its agents: "postponed at the request of X and Y",
    "blocked by X", "objections from X"."""
    agent = _BLOCK_AGENT.match(clause.slice(end, clause.end))
    return [] if agent is None else [m.node_id for m in clause.agents_after(end + agent.end(), exclude=exclude)]


def _named_blockers(clause: Clause, flow: Flow, cue: Cue, start: int, end: int) -> list[str]:
    """The blockers a cue's own words name, as its frame in the table says: its agents ("blocked by X and
    Y", "objections from X", "postponed at the request of X"), the States that voted against, the body
    whose rule it is ("consensus in the Peacebuilding Commission"), or the cue's subject ("Russia
    prevented ..."); the body that votes for a procedural vote no State is named for."""
    endpoints = [flow.source.node_id, *(t.node_id for t in flow.targets)]
    frame = BLOCK_FRAMES[cue.name]
    after = clause.slice(end, clause.end)
    named = agents_of_block(clause, end, endpoints)
    if named:
        return named
    agent = _BLOCK_AGENT.match(after)
    if agent is not None and _VOTE.match(after[agent.end():].lstrip(" a")):  # "blocked by a procedural vote"
        frame = "blocker-voters"  # the body votes
    if frame == "blocker-voters":
        voters = [v for v in _voters(clause, end) if v not in endpoints]
        if voters:
            return voters
        body = next((t for t in flow.targets if t.kind == "Body"), None)
        return [body.node_id] if body is not None else []
    rule = _RULE_OF.match(after)
    if rule is not None:
        body = clause.actor_after(end + rule.end()) or examples_after(clause, end + rule.end(), 60)
        if body is not None:
            return [body.node_id]
    subject = clause.subject_before(start)
    return [subject.node_id] if subject is not None and subject.node_id not in endpoints else []


def record_voters(ctx: DocumentContext, clause: Clause, sink: FlowSink) -> None:
    """"By 8 votes to 4 against (A, B, C, D), the Council failed to adopt its agenda": the States that voted
    against block the flow a vote stopped in the sentence just before (each gets its BLOCKS edge)."""
    against = _AGAINST.search(clause.text)
    if against is None:
        return
    voters = _voters(clause, clause.start + against.end())
    for flow_id, source, _ in sink.vote_stopped:
        if voters:  # the voters named take the place of the body that voted
            sink.drop(lambda e, flow=flow_id: e.type == "BLOCKS" and e.blocks == flow
                      and e.props.get("reason") == "veto")
        for voter in voters:
            if voter != source:
                sink.add("BLOCKS", voter, source, sentence=clause.sentence, rule="blocks:voted-against",
                         status="REALISED", blocks=flow_id, date=ctx.date, qualifier=f"{flow_id}|voted against",
                         props={"reason": "voted against"},
                         match=(clause.start + against.start(), clause.start + against.end()))
    sink.vote_stopped.clear()


def refusing_recipient(clause: Clause, flow: Flow, block: Block) -> Mention | None:
    """The recipient that refuses a flow ("the Council refused to hear X"), if the one who declines is not
    the source: a refusal by the recipient blocks the flow, where a source that declines only forgoes it."""
    decliner = clause.subject_before(block.start)
    return next((t for t in flow.targets if decliner is not None and t.node_id == decliner.node_id), None)


def _blockers(clause: Clause, flow: Flow, block: Block) -> tuple[list[str], str]:
    """Who stops ``flow`` (every blocker a sentence names, none invented) and the reason.

    The blocking cue's own words first, then another cue of the clause ("denied the
    opportunity ..., owing to objections by China"). A flow its source declines has no
    blocker: it is UNREALISED, and its reason says so.
    """
    if block.cue.reason == "declined":
        recipient = refusing_recipient(clause, flow, block)
        return ([recipient.node_id], "refused") if recipient is not None else ([], block.cue.reason)
    cues = [(block.cue, block.start, block.end)] + [c for c in clause.block_cues if c[1] != block.start]
    for cue, start, end in cues:
        named = _named_blockers(clause, flow, cue, start, end)
        if named:
            return named, cue.reason
    return [], block.cue.reason


def record_flow(ctx: DocumentContext, clause: Clause, sink: FlowSink, flow: Flow, status: Status) -> None:
    """Add the BRIEFS edges of ``flow`` (one per recipient) and a BLOCKS edge from each blocker named."""
    stated = stated_date(clause, ctx.date)
    situation = topic(clause)
    blockers, reason = _blockers(clause, flow, status.block) if status.block is not None else ([], None)
    stopped_by_someone = bool(blockers) or (status.block is not None and names_an_agent(clause, status.block.end))
    status = replace(status, status=stop_status(status.status, reason, stopped_by_someone))
    props = {
        "frequency": frequency(clause.text),
        "count": count(clause.slice(flow.start, clause.end)),
        "concerning": situation,
        "mandated_by": _mandated_by(clause),
        "reason": reason if status.status in ("BLOCKED", "UNREALISED") else None,
    }
    for entry in flow.implied:
        sink.implied(entry, clause.sentence, flow.rule)
    rule = f"{flow.rule}/{status.cue}"
    for target in flow.targets:
        if target.node_id == flow.source.node_id:
            continue
        span = (min(flow.start, flow.source.start, target.start), max(flow.end, flow.source.end, target.end))
        article = flow.article or cited_article(clause, flow.source.node_id, target.node_id)
        flow_id = sink.add("BRIEFS", flow.source.node_id, target.node_id, sentence=clause.sentence, rule=rule,
                           status=status.status, date=stated or ctx.date, props={**props, "article": article},
                           qualifier=situation, year=stated, match=span)
        if flow_id is not None:
            sink.stated.append((flow_id, clause.sentence.start))
        mandate = props["mandated_by"]
        if flow_id is not None and mandate is not None and status.status != "MANDATED":
            # "as requested in resolution 45/31, the Chair briefed the Council": the mandate and the event
            sink.add("BRIEFS", flow.source.node_id, target.node_id, sentence=clause.sentence,
                     rule=f"{flow.rule}/mandated-by", status="MANDATED", date=ctx.date,
                     qualifier=sink.mandate_key(str(mandate)),
                     props={"mandated_by": mandate}, match=span)
        if flow_id is None or status.block is None:
            continue
        if status.status == "BLOCKED" and _VOTE.search(clause.text) and not _AGAINST.search(clause.text):
            sink.vote_stopped.append((flow_id, flow.source.node_id, clause.sentence.end))
        if not blockers and status.status == "BLOCKED":
            sink.skip(clause.sentence, f"a flow from {sink.name(flow.source.node_id)} is blocked "
                                       f"({status.block.cue.reason}) by no actor the document names")
        for blocker in blockers:
            sink.add("BLOCKS", blocker, flow.source.node_id, sentence=clause.sentence,
                     rule=f"blocks:{status.block.cue.name}", status=status.block.status, blocks=flow_id,
                     date=stated or ctx.date, qualifier=f"{flow_id}|{reason}", props={"reason": reason},
                     match=(min(status.block.start, span[0]), max(status.block.end, span[1])))


def adopting_body(ctx: DocumentContext, clause: Clause) -> Mention | None:
    """For a resolution loaded as a document, the body that adopts it, as a mention at the clause's start."""
    node = ctx.nodes.get(ctx.resolution or "")
    entry = gazetteer().lookup(str(node.props["body"])) if node is not None and node.props.get("body") else None
    if entry is None or entry.id not in ctx.nodes:
        return None
    return Mention(entry.id, entry.kind, clause.start, clause.start, "", "adopting-body")


def host_body(ctx: DocumentContext) -> str | None:
    """The body whose meeting a document (not a resolution) reports: the body of its meeting, else the first
    body its two opening sentences name after its headings ("The Security Council will hold a briefing
    tomorrow ..."), else the first its headings name ("Security Council open debate, 18 September"); none for a
    report of an office or a body ("Report of the Secretary-General")."""
    if ctx.genre == "resolution":
        return None
    meeting = ctx.nodes.get(ctx.meeting or "")
    body = meeting.props.get("body") if meeting is not None else None
    entry = gazetteer().lookup(str(body)) if body else None
    if entry is not None and entry.id in ctx.nodes:
        return entry.id
    if ctx.authors and all(a.kind in ("Office", "Body") for a in ctx.authors):
        return None  # a report of an office or body reports no meeting of its own
    bodies = [m for m in outermost(ctx.mentions) if m.kind == "Body"]  # not "General Assembly resolution 75/201"
    for opening in ([s for s in ctx.sentences if not _HEADING.fullmatch(s.text)][:2], ctx.sentences[:2]):
        start, end = (opening[0].start, opening[-1].end) if opening else (0, 0)
        found = next((m.node_id for m in bodies if start <= m.start < end), None)
        if found is not None:
            return found
    return None


def _host_mention(host: str | None, clause: Clause) -> Mention | None:
    return Mention(host, "Body", clause.start, clause.start, "", "host-body") if host is not None else None


def self_report_flows(ctx: DocumentContext, clause: Clause, sink: FlowSink) -> list[Flow]:
    """"The present report is submitted to the Council": the document's authors give it to the recipients named
    after the verb, else to those the mandate the sentence cites asks them to give it to ("... pursuant to
    resolution X, in which I was requested to submit to the Assembly and the Council ...")."""
    if not ctx.authors:
        return []
    authors = {a.node_id for a in ctx.authors}
    asked = [e.target for e in sink.edges.values() if e.type == "BRIEFS" and e.status == "MANDATED"
             and e.source in authors and any(ev.start == clause.sentence.start for ev in e.evidence)]
    flows: list[Flow] = []
    for match in SELF_REPORT.pattern.finditer(clause.text):
        start, end = clause.start + match.start(), clause.start + match.end()
        targets = recipients(clause, SELF_REPORT, end) or [
            Mention(t, str(sink.kind(t)), end, end, "", "mandated-recipient") for t in dict.fromkeys(asked)]
        flows.extend(Flow(replace(author, start=start, end=start), tuple(targets), start, end, start, start,
                          "briefs:present-report") for author in ctx.authors if targets)
    return flows


def extract_briefs(ctx: DocumentContext, clause: Clause, sink: FlowSink, exclude: list[tuple[int, int]],
                   host: str | None = None) -> None:
    seen: set[tuple[str, tuple[str, ...], int]] = set()
    found = find_flows(clause, exclude, adopting_body(ctx, clause), _host_mention(host, clause))
    for flow in found + self_report_flows(ctx, clause, sink):
        key = (flow.source.node_id, tuple(t.node_id for t in flow.targets), flow.start)
        if key in seen or flow.source.kind not in ACTOR_KINDS:
            continue
        seen.add(key)
        if flow.article is not None and describes_channel(clause, flow.start):
            sink.skip(clause.sentence, f"Article {flow.article} is described as a channel, not reported as used")
            continue
        status = flow_status(clause, (flow.subject_start, flow.subject_end), flow.start, flow.end)
        if flow.rule == "briefs:feed-into" and status is not None and status.status == "REALISED":
            continue  # a feed that happens is a routine channel: FEEDS_INTO (links.py), not a briefing
        if status is not None and status.block is not None and refusing_recipient(clause, flow, status.block):
            status = Status("BLOCKED", "refused", status.block)
        if status is None:
            sink.skip(clause.sentence, f"a flow from {sink.name(flow.source.node_id)} is only asked about or supposed")
            continue
        record_flow(ctx, clause, sink, flow, status)
