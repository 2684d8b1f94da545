"""Recognise the bodies, offices, mechanisms, organisations, States, situations and
initiatives a document names, and resolve each mention to one node.

Every rule has a name (the ``RULE_*`` constants), which every mention, node and edge
it produces carries as evidence. The rules, in the order they run:

1. ``lexicon-name``: any name of the reference data (``lexicon.py``), as written.
2. Patterns for what the reference data does not know, which enter with
   ``reviewed=False``: UN bodies (``un-body-pattern``: "the UN Verification Mission in
   Colombia", "Office of the Special Adviser on Africa"), mandate holders and
   investigative mechanisms (``mandate-pattern``: "Special Rapporteur on ...",
   "Commission of Inquiry on ..."), organisations (``organisation-pattern``: "X Group",
   "X Watch", "X Centre for Y"), permanent missions (``permanent-mission``), ministries
   of a State (``ministry-of-state``) and "the Government of X" (``government-of-state``).
   "The head of X" is the office that presides over X (``head-of-body``: the reference
   entry whose ``heads`` lists X: "the head of the Peacebuilding Commission" is its
   Chair), and the country and regional offices of OHCHR are field presences
   (``field-office``: "OHCHR's country office in Colombia", "the OHCHR Regional Office
   for East Africa", PART_OF OHCHR, located in the field).
3. Overlaps are settled: the longest span wins, then the higher priority; a pattern
   that only extends a known name at its start ("Universal Rights Group Offices") gives
   way to the known name.
4. ``acronym-defined`` / ``acronym-use``: "Name (ACR)" teaches the document an acronym,
   and later uses of it resolve to the same node.
5. ``contextual-reference``: "the Council", "the Office", "the Commission", "the Appeal"
   resolve to the latest entity named before them whose name holds that word (the
   Human Rights Council in a paragraph about it, the Security Council where that was
   the latest council named).
6. ``possessive-part`` ("OHCHR's Emergency Response Section") and ``reference-parent``
   (both a body and its parent named) give PART_OF edges.
7. ``situation-context``: a State named as the place of a crisis ("the situation in
   Myanmar", "conflicts such as that in Ukraine") becomes a Situation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from prevgraph.loaders.findings import Findings, reference_node, unreviewed_node
from prevgraph.loaders.lexicon import lexicon
from prevgraph.loaders.meetings import title_block
from prevgraph.loaders.scan import near, run_before
from prevgraph.schema import gazetteer, node_id, ontology
from prevgraph.schema.reference import ReferenceEntry

RULE_LEXICON = "lexicon-name"
RULE_UN_BODY = "un-body-pattern"
RULE_MANDATE = "mandate-pattern"
RULE_ORGANISATION = "organisation-pattern"
RULE_MISSION = "permanent-mission"
RULE_MINISTRY = "ministry-of-state"
RULE_GOVERNMENT = "government-of-state"
RULE_ACRONYM_DEFINED = "acronym-defined"
RULE_ACRONYM_USE = "acronym-use"
RULE_CONTEXTUAL = "contextual-reference"
RULE_POSSESSIVE = "possessive-part"
RULE_REFERENCE_PARENT = "reference-parent"
RULE_SITUATION = "situation-context"
RULE_HEAD_OF = "head-of-body"
RULE_FIELD_OFFICE = "field-office"
RULE_CHAIR_OF = "chair-of-body"
RULE_CONFIGURATION = "pbc-configuration"

_CAP = r"(?:[A-Z\u00c0-\u00de](?:[\w'’&-]|\.(?=\w))*|\d+(?:st|nd|rd|th))"
_CAPSEQ = rf"{_CAP}(?:[ \t]+(?:and[ \t]+|&[ \t]+|of[ \t]+the[ \t]+|of[ \t]+)?{_CAP}){{0,6}}"
_LEADING_STOPWORDS = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "In", "At", "On", "For", "By", "With", "From", "To", "As",
     "According", "While", "Although", "Next", "Lastly", "Both", "Representatives", "Representative", "Delegates",
     "Members", "Mr", "Ms", "Mrs", "Dr", "Dear", "Our", "Its", "Their", "His", "Her", "New", "Former",
     "Several", "Some", "Many", "Most", "All", "Other", "Few", "Each", "Every", "Two", "Three", "Four", "Five",
     "Six", "Seven", "Eight", "Nine", "Ten", "Fifteen",
     # the words of section headings in forecasts and reports ("Expected Council Action", "Key Recent Developments")
     "Expected", "Upcoming", "Possible", "Key", "Recent", "Relevant", "Further", "Wider", "Overall"]
)

#: spans that look like names but are not entities ("the Chatham House rule")
_MASKS = re.compile(
    r"Chatham[ \t]+House[ \t]+[Rr]ules?|Chatham[ \t]+House['’]?[ \t]+rule|Glion[ \t]+Human[ \t]+Rights[ \t]+Dialogues?"
)

_UN_HEADS = (
    r"Office|Department|Commission|Committee|Programme|Program|Fund|Mission|Agency|Entity|Division|Section|Unit|"
    r"Forum|Panel|Team|Force|Operation|Centre|Center|Institute|Organization|Organisation|Secretariat|Council|"
    r"Assembly|Conference|Board|Service|Branch|Facility|Platform|Review|Mechanism|Partnership|Office"
)
_UN_BODY = re.compile(
    rf"(?<![\w-])(?P<name>(?:UN|United[ \t]+Nations|U\.N\.)[ \t]+(?:{_CAP}[ \t]+){{0,6}}?(?:{_UN_HEADS})s?"
    rf"(?:[ \t]+(?:for|on|of|in|to)[ \t]+(?:the[ \t]+)?{_CAPSEQ})?)(?![\w-])"
    r"|(?<![\w-])(?P<office>Office[ \t]+of[ \t]+the[ \t]+(?:Special|High|United[ \t]+Nations|UN|Deputy)[ "
    rf"\t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
    rf"[ \t]+(?:for|on|of|to|in)[ \t]+(?:the[ \t]+)?{_CAPSEQ})(?![\w-])"
)
_MECHANISM_HEADS = {"Panel", "Platform", "Review", "Mechanism"}
_UN_BODY_WORDS = ("UN ", "United Nations", "U.N.", "Office of the")
_MANDATE_WORDS = ("Secretary-General for", "Special", "Independent Expert",
                  "ommission", "inding", "Working Group", "Panel", "Group of",
                  "High Representative")

_TOPIC_STOP = (r"\w+ly|said|says|has|have|had|is|are|was|were|will|would|can|could|should|may|might|must|noted|called|"
               r"urged|reaches|remains|continues|welcomed|submitted|visited|reported|issued|announced|stated|warned|"
               r"expressed|"
               r"presented|briefed|told|who|which|that|to|in|at|during|as|since|before|after|with|by|his|her|their|its")
_TOPIC = (rf"(?:the[ \t]+)?(?:(?!(?:{_TOPIC_STOP})\b)[\w'’-]+)"
          rf"(?:(?:,(?=[ \t]+(?!(?:a|an|the|who|which|whose|his|her|its|their)\b)[a-z]))?[ \t]+"
          rf"(?:(?!(?:{_TOPIC_STOP}|and[ \t]+(?:the|a|an|other)\b)\b)[\w'’-]+"
          rf"|in[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}})){{0,11}}")
_MANDATE = re.compile(
    r"(?<![\w-])(?:(?:UN|United[ \t]+Nations)[ \t]+)?(?P<head>(?P<office>(?:Assistant|Under|Deputy)[ \t-]+"
    r"Secretary-General|Special[ \t]+Rapporteur|Independent[ "
    r"\t]+Expert|"
    r"Special[ \t]+Representative(?:[ \t]+of[ \t]+the[ \t]+Secretary-General)?|Special[ \t]+Envoy(?:[ \t]+of[ "
    r"\t]+the[ \t]+Secretary-General)?|"
    r"Special[ \t]+Adviser(?:[ \t]+of[ \t]+the[ \t]+Secretary-General)?|Special[ \t]+Coordinator|High[ "
    r"\t]+Representative)"
    rf"|(?P<mechanism>(?:Advisory[ \t]+|High-[Ll]evel[ \t]+)?(?:[Ii]ndependent[ \t]+)?(?:[Ii]nternational[ \t]+)?"
    rf"(?:[Cc]ommission[ \t]+of[ \t]+[Ii]nquiry|"
    rf"[Ff]act-[Ff]inding[ \t]+[Mm]ission|Working[ \t]+Group|Panel[ \t]+of[ \t]+Experts|"
    rf"Group[ \t]+of[ \t]+(?:(?:Independent|Eminent|International)[ \t]+|Human[ \t]+Rights[ \t]+)?Experts|"
    rf"Panel|"
    rf"Commission[ \t]+on[ \t]+Human[ \t]+Rights)))"
    rf"[ \t]+(?P<prep>on|for|to|of|in)[ \t]+(?P<topic>{_TOPIC})"
)

_ORG_HEADS = (r"Fund|Group|Watch|Institute|Institution|Centre|Center|Foundation|Stiftung|Network|Alliance|Coalition|"
              r"Association|Society|Academy|University|Forum|Trust|Council|Commission(?![ \t]+of[ \t]+Inquiry)|Bank|"
              r"International(?![ \t]+[A-Z])|Initiative|Project|Partnership|Campaign|Authority|Organization|"
              r"Organisation|Front|Movement")
_NOT_AFTER_OF = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                 r"June|July|August|September|October|November|December)\b)")
_ORG_HEAD = re.compile(rf"(?<![\w-])(?:{_ORG_HEADS})(?![\w-])")
#: up to five capitalised words ending where a head word starts (searched in a short window before it)
_CAP_TOKEN = re.compile(_CAP)
_ORG_TAIL = re.compile(
    rf"(?:[ \t]+(?:for|on|of|to)[ \t]+(?:the[ \t]+)?{_NOT_AFTER_OF}{_CAP}(?:[ \t]+(?:and[ \t]+|&[ "
    rf"\t]+)?{_NOT_AFTER_OF}{_CAP}){{0,5}}){{0,3}}"
    r"(?![\w-])"
)
_ORG_HEAD_WORDS = frozenset(re.sub(r"\(\?!.*?\)", "", _ORG_HEADS).split("|"))
_ORG_HEAD_KEYS = tuple(sorted(_ORG_HEAD_WORDS))
_ORG_TAIL_HEADS = frozenset({"Institute", "Institution", "Centre", "Center", "Foundation", "Academy", "University",
                             "Forum", "Network", "Alliance", "Coalition", "Association", "Society", "Trust",
                             "Council", "Commission", "Bank", "Initiative", "Project", "Partnership", "Campaign",
                             "Authority", "Organization", "Organisation", "Fund"})

#: the State's name is read by the lexicon where ``state`` starts (so "Côte d'Ivoire" and
#: "Saint Vincent and the Grenadines" are read whole)
_MISSION = re.compile(
    r"(?<![\w-])(?:Permanent[ \t]+)?(?P<head>Missions?|Representations?|Delegations?)[ \t]+of[ \t]+(?:the[ "
    r"\t]+)?(?P<state>)(?=[A-Z])"
)
_MISSION_TAIL = re.compile(
    r"(?:[ \t]+to[ \t]+the[ \t]+(?:United[ \t]+Nations|UN)(?:[ \t]+Office)?(?:[ \t]+at[ \t]+Geneva)?)?"
    r"(?:[ \t]+(?:in|at)[ \t]+(?:Geneva|New[ \t]+York)(?:[ \t]+and[ \t]+(?:in[ \t]+)?(?:Geneva|New[ \t]+York))?)?"
)
_MINISTRY = re.compile(
    rf"(?<![\w-])(?P<name>(?:Federal[ \t]+)?(?:Ministry|Department|Ministère)[ \t]+(?:of|for)[ \t]+"
    rf"(?:the[ \t]+)?{_CAP}(?:,?[ \t]+(?:and[ \t]+)?{_CAP}){{0,4}})(?![\w-])(?:[ \t]+of[ \t]+(?:the[ "
    r"\t]+)?(?P<state>)(?=[A-Z]))?"
)
_ADJECTIVE_BEFORE = re.compile(rf"(?<![\w-])(?P<adj>{_CAP})[ \t]+$")
_GOVERNMENT = re.compile(r"(?<![\w-])Governments?[ \t]+of[ \t]+(?:the[ \t]+)?(?P<state>)(?=[A-Z])")
_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*(?:the[ \t]+)?(?P<acr>[A-Z][A-Za-z0-9&/-]{1,11})[ \t]*\)")

_GENERIC_HEADS = ("Council", "Office", "Commission", "Committee", "Assembly", "Mission", "Appeal", "Mechanism",
                  "Fund", "Programme", "Section", "Department", "Court", "Group", "Agenda", "Review", "Division",
                  "Secretariat", "Conference", "Platform", "Initiative", "Bureau", "Chair")
#: heads that always name a part of a body: with no such part named, "the Bureau" is the part of the body in context
_PART_HEADS = frozenset({"Bureau"})
#: where the head of a name ends: "Chair | of the Peacebuilding Commission", "Committee | on the Elimination ..."
_COMPLEMENT = re.compile(r"[ \t]+(?:of|for|on|in|at|to)[ \t]+|,")
_CONTEXTUAL = re.compile(
    r"(?<![\w-])(?:[Tt]h(?:e|is)[ \t]+|(?=(?:Council|Commission|Committee)[ \t]+"
    r"(?:members?|briefings?|meetings?|consultations|debates?|sessions?)\b))"
    r"(?P<head>" + "|".join(_GENERIC_HEADS) + r")(?![\w-])"
    r"(?![ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?[A-Z])"
    r"(?![ \t]+[A-Z][a-z])"
)
_POSSESSIVE_PART = re.compile(
    rf"['’]s[ \t]+(?P<name>(?:{_CAP}[ \t]+|{_CAP},[ \t]+){{0,5}}?(?:Section|Division|Unit|Branch|Service|Office|Team|"
    r"Bureau|"
    rf"Department|Secretariat|Committee|Units|Sections|Offices))(?![\w-])"
)
_CRISIS_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:crisis|conflict|war|situation|emergency)\b")
SITUATION_CUE = re.compile(
    r"\b(?:crisis|crises|conflicts?|war|wars|situations?[ \t]+(?:in|of|such[ \t]+as)|situation|atrocit\w+|genocide|"
    r"emergenc\w+|violence|aggression|invasion|coup|fighting|hostilities|humanitarian|case[ \t]+of|killings|"
    r"displacement|refugees|occupation|on[ \t]+the[ \t]+agenda|Council[ \t]+on|briefings?[ \t]+on|context[ \t]+of)\b",
    re.IGNORECASE,
)


_HEAD_OF = re.compile(r"(?<![\w-])[Hh]ead[ \t]+of[ \t]+(?:the[ \t]+)?(?P<body>)(?=[A-Z])")
OHCHR = "Office of the High Commissioner for Human Rights"
_FIELD_OFFICE = re.compile(
    r"(?<![\w-])(?:(?:OHCHR|UN[ \t]+Human[ \t]+Rights|Office[ \t]+of[ \t]+the[ \t]+High[ \t]+Commissioner"
    r"(?:[ \t]+for[ \t]+Human[ \t]+Rights)?)(?:['’]s)?[ \t]+"
    r"(?P<type>[Cc]ountry[ \t]+[Oo]ffice|[Rr]egional[ \t]+[Oo]ffice|[Ff]ield[ \t]+[Oo]ffice|[Oo]ffice|"
    r"[Ff]ield[ \t]+[Pp]resence|[Pp]resence)[ \t]+(?P<prep>in|for)"
    # the Office's full name and its place: "the Office of the High Commissioner for Human Rights in Colombia"
    r"|Office[ \t]+of[ \t]+the[ \t]+(?:United[ \t]+Nations[ \t]+)?High[ \t]+Commissioner[ \t]+for[ \t]+Human"
    r"[ \t]+Rights[ \t]+in)[ \t]+(?:the[ \t]+)?(?P<place>)(?=[A-Z])"
)
#: regions OHCHR's regional offices are named for ("the Regional Office for East Africa")
_REGION = re.compile(
    r"(?:East|West|Southern|Central|North|South)(?:[ \t]+and[ \t]+(?:East|West|Southern|Central|North))?[ \t]+"
    r"(?:Africa|America|Asia)|South-East[ \t]+Asia|the[ \t]+Pacific|Pacific|the[ \t]+Middle[ \t]+East(?:[ \t]+and[ \t]+"
    r"North[ \t]+Africa)?|Middle[ \t]+East|Europe|Central[ \t]+Asia|South[ \t]+America|Central[ \t]+America"
)


@dataclass(frozen=True)
class Candidate:
    """A span that may name an entity, before overlaps are settled."""

    start: int
    end: int
    kind: str
    name: str
    rule: str
    priority: int
    entry: ReferenceEntry | None = None
    props: dict = field(default_factory=dict, hash=False, compare=False)
    location: str | None = None
    #: the body a new office belongs to, as its own candidate ("the Chair of the Commission of Inquiry on X")
    part_of: Candidate | None = field(default=None, hash=False, compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start


@cache
def _demonyms() -> dict[str, ReferenceEntry]:
    return {str(e.props["demonym"]): e for e in gazetteer().by_kind("State") if e.props.get("demonym")}


@cache
def _heads_of(name: str) -> frozenset[str]:
    """The generic head a name ends its head phrase with: "Council" for the Human Rights Council, "Office" for the
    Office of the High Commissioner, none for the Chair of the Peacebuilding Commission (a Chair is no Commission:
    "the Commission" after it is the Commission it chairs, through its reference parent)."""
    head = _COMPLEMENT.split(name, maxsplit=1)[0].replace("-", " ").split()
    return frozenset(head[-1:]) & _GENERIC_HEADS_SET


_GENERIC_HEADS_SET = frozenset(_GENERIC_HEADS)


def _clean(surface: str) -> str:
    return " ".join(surface.replace("’", "'").split())


def state_at(text: str, start: int) -> tuple[ReferenceEntry, int] | None:
    """The State named at ``start`` (longest name) and where its name ends, if a State is named there."""
    match = lexicon().pattern.match(text, start)
    if match is None:
        return None
    entry = lexicon().entry(match.group(0))
    return (entry, match.end()) if entry is not None and entry.kind == "State" else None


def _strip_leading(text: str, start: int, end: int) -> int:
    """Move ``start`` past capitalised function words that open a sentence ("The", "Next")."""
    while True:
        match = re.match(r"([A-Z][a-z]*)[ \t]+", text[start:end])
        if match is None or match.group(1) not in _LEADING_STOPWORDS:
            return start
        start += match.end()


def lexicon_candidates(text: str) -> list[Candidate]:
    lex = lexicon()
    out = []
    for match in lex.pattern.finditer(text):
        entry = lex.entry(match.group(0))
        if entry is not None:
            out.append(Candidate(match.start(), match.end(), entry.kind, entry.name, RULE_LEXICON, 3, entry))
    return out


def _known_or_new(kind: str, name: str) -> tuple[str, ReferenceEntry | None]:
    entry = gazetteer().lookup(name)
    if entry is not None and entry.kind in {kind, "Body", "Office", "Mechanism", "Organization"}:
        return entry.kind, entry
    return kind, None


def un_body_candidates(text: str) -> list[Candidate]:
    out = []
    for match in near(_UN_BODY, text, _UN_BODY_WORDS, 10, 250):
        group = "name" if match.group("name") else "office"
        name = _clean(match.group(group))
        name = re.sub(r"^(?:UN|U\.N\.)\s", "United Nations ", name)
        head = re.search(rf"({_UN_HEADS})s?(?!.*\b(?:{_UN_HEADS})\b)", name)
        kind = "Mechanism" if head and head.group(1) in _MECHANISM_HEADS else "Body"
        kind, entry = _known_or_new(kind, name)
        out.append(Candidate(match.start(group), match.end(group), kind, entry.name if entry else name,
                             RULE_UN_BODY, 2, entry))
    return out


_PROPER_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:and[ \t]+|or[ \t]+|of[ \t]+(?:the[ \t]+)?|the[ \t]+)?{_CAP})*")


def _trim_topic(topic: str) -> str:
    """A mandate's topic ends with its first run of proper names ("... in Belarus"), else at a trailing connector."""
    run = _PROPER_RUN.search(topic)
    if run is not None:
        topic = topic[:run.end()]
    topic = re.split(r"[ \t]+(?:and|or)[ \t]*$", topic.strip())[0]
    return topic.rstrip(" ,;:.'’")


def _is_known(name: str) -> bool:
    """A name of the reference data, whole ("the Secretary-General", "the Security Council")."""
    return gazetteer().lookup(name.removeprefix("the ")) is not None


def mandate_candidates(text: str) -> list[Candidate]:
    out = []
    for match in near(_MANDATE, text, _MANDATE_WORDS, 40, 250):
        topic = _trim_topic(match.group("topic"))
        if len(topic) < 3 or topic.split()[-1] in {"the", "of", "on", "for"}:
            continue
        if match.group("prep") == "to" and not match.group("office") and _is_known(topic):
            continue  # "transmit the report of the commission of inquiry to the Secretary-General": a recipient
        if match.group("prep") in ("to", "in") and not (topic.startswith("the ") or topic[:1].isupper()):
            # "urged the Special Rapporteur to give ...": an infinitive; "the Commission on Human Rights in order to",
            # "... in particular": running text, not a mandate's topic or place
            continue
        head = _clean(match.group("head"))
        name = f"{head} {match.group('prep')} {_clean(topic)}"
        kind = "Office" if match.group("office") else "Mechanism"
        kind, entry = _known_or_new(kind, name)
        end = match.start("topic") + len(topic)
        out.append(Candidate(match.start("head"), end, kind, entry.name if entry else name, RULE_MANDATE, 2, entry))
    return out


def organisation_candidates(text: str, known: bytearray | None = None) -> list[Candidate]:
    """Organisations by their head word; a head inside a known name ("Security Council") is not looked at."""
    out = []
    for head_match in near(_ORG_HEAD, text, _ORG_HEAD_KEYS, 1, 1):
        if known is not None and known[head_match.start()] and known[head_match.end() - 1]:
            continue
        left = run_before(text, head_match.start(), _CAP_TOKEN, "_'’&-.", 5, max(0, head_match.start() - 150))
        tail = _ORG_TAIL.match(text, head_match.end())
        start = left if left is not None else head_match.start()
        end = tail.end() if tail else head_match.end()
        start = _strip_leading(text, start, end)
        name = _clean(text[start:end])
        words = name.split()
        head = next((w for w in words if w in _ORG_HEAD_WORDS), None)
        continued = len(words) > words.index(head) + 1 if head else False
        if head is None or (words.index(head) == 0 and not continued) or len(name) < 6:
            continue
        if continued and words.index(head) > 0 and head not in _ORG_TAIL_HEADS:
            cut = re.search(r"[ \t]+(?:for|on|of|to)[ \t]", text[start:end])
            end = start + cut.start() if cut else end
            name = _clean(text[start:end])
        kind, entry = _known_or_new("Organization", name)
        out.append(Candidate(start, end, kind, entry.name if entry else name, RULE_ORGANISATION, 1, entry))
    return out


_SEAT = re.compile(r"(?:United[ \t]+Nations|UN)\b")


def _mission_tail(text: str, at: int) -> str:
    """Where a mission sits ("to the United Nations Office at Geneva", "in New York"), unless the words name a
    body: in "the Permanent Mission of Ireland to the United Nations Security Council open debate" the Security
    Council is the body the statement is made in, and the mission keeps no tail."""
    match = _MISSION_TAIL.match(text, at)
    tail = match.group(0) if match else ""  # every part of the pattern is optional: it matches, if only ""
    seat = _SEAT.search(tail)
    if seat is not None:
        named = lexicon().pattern.match(text, at + seat.start())
        if named is not None and named.end() > at + len(tail) and lexicon().entry(named.group(0)) is not None:
            return ""
    return tail


def mission_candidates(text: str) -> list[Candidate]:
    out = []
    for match in near(_MISSION, text, ("Mission", "Representation", "Delegation"), 12, 200):
        found = state_at(text, match.start("state"))
        if found is None:
            continue
        state, state_end = found
        tail = _mission_tail(text, state_end)
        end = state_end + len(tail)
        prefix = text[match.start():match.start("head")]
        name = f"Permanent Mission of {state.name}"
        if not prefix.strip() and not tail.strip():
            continue
        cities = [c for c in ("Geneva", "New York") if c in re.sub(r"[ \t]+", " ", tail)]
        kind, entry = _known_or_new("Organization", name)
        out.append(Candidate(match.start(), end, kind, name, RULE_MISSION, 4, entry,
                             {"state": state.name, "cities": cities} if cities else {"state": state.name}))
    return out


def ministry_candidates(text: str) -> list[Candidate]:
    out = []
    for match in near(_MINISTRY, text, ("Ministry", "Department", "Ministère"), 10, 200):
        state, start, end = None, match.start("name"), match.end("name")
        if match.group("state") is not None:
            found = state_at(text, match.start("state"))
            if found is not None:
                state, end = found
        adj = _ADJECTIVE_BEFORE.search(text, max(0, start - 40), start)
        if state is None and adj is not None:
            found = state_at(text, adj.start("adj"))
            state = _demonyms().get(adj.group("adj")) or (found[0] if found else None)
            start = adj.start("adj") if state is not None else start
        if state is None:
            continue
        name = f"{_clean(match.group('name'))} of {state.name}"
        kind, entry = _known_or_new("Organization", name)
        out.append(Candidate(start, end, kind, entry.name if entry else name, RULE_MINISTRY, 4, entry,
                             {"state": state.name}))
    return out


def government_candidates(text: str) -> list[Candidate]:
    out = []
    for match in near(_GOVERNMENT, text, ("Government",), 1, 120):
        found = state_at(text, match.start("state"))
        if found is not None:
            state, end = found
            out.append(Candidate(match.start(), end, "State", state.name, RULE_GOVERNMENT, 4, state))
    return out


#: "the Burundi configuration", "the Liberia country-specific configuration of the Peacebuilding Commission"
_CONFIGURATION = re.compile(r"(?:[ \t]+country-specific)?[ \t]+configurations?"
                            r"(?P<of>[ \t]+of[ \t]+the[ \t]+(?:Peacebuilding[ \t]+Commission|PBC|Commission))?\b")
_CONFIGURATION_LIST = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:the[ \t]+)?$")


def _states_ending_at(text: str, end: int, window: int = 120) -> list[tuple[int, int, ReferenceEntry]]:
    """The States whose names end at ``end``, a list of them read backwards ("Burundi, the Central African
    Republic and Liberia"), each with the span of its name."""
    found: list[tuple[int, int, ReferenceEntry]] = []
    list_end = end  # the whole list stands within ``window`` characters
    while list_end - end < window:
        hits = ((i, state_at(text, i)) for i in range(max(0, end - 60), end) if i == 0 or not text[i - 1].isalnum())
        hit = next(((i, h[0]) for i, h in hits if h is not None and h[1] == end), None)
        if hit is None:
            break
        found.insert(0, (hit[0], end, hit[1]))
        joint = _CONFIGURATION_LIST.search(text, max(0, hit[0] - 12), hit[0])
        if joint is None:
            break
        end = joint.start()
    return found


def configuration_candidates(text: str) -> list[Candidate]:
    """The country configurations of the Peacebuilding Commission, named by their country ("the Chair of the
    Guinea-Bissau configuration", "the Burundi and Liberia configurations"): bodies PART_OF the Commission, so
    that the State is not read as the actor. The last (or only) one spans the words "configuration of ..."."""
    commission = gazetteer().lookup("Peacebuilding Commission")
    out = []
    for match in near(_CONFIGURATION, text, ("configuration",), 30, 200):
        states = _states_ending_at(text, match.start())
        for index, (start, end, state) in enumerate(states):
            parent = Candidate(start, match.end(), "Body", commission.name, RULE_CONFIGURATION, 3,
                               commission) if commission is not None else None
            span_end = match.end() if index == len(states) - 1 else end
            name = f"{state.name} configuration of the Peacebuilding Commission"
            out.append(Candidate(start, span_end, "Body", name, RULE_CONFIGURATION, 9, None, part_of=parent))
    return out


@cache
def _heads() -> dict[str, ReferenceEntry]:
    """The office presiding over each body, from the reference data's ``heads``."""
    return {str(body): entry for entry in gazetteer().by_kind("Office") for body in entry.props.get("heads") or ()}


def head_candidates(text: str) -> list[Candidate]:
    """"The head of the Peacebuilding Commission" is its Chair: the office whose reference entry heads the body."""
    out = []
    for match in near(_HEAD_OF, text, ("head of", "Head of"), 1, 120):
        named = lexicon().pattern.match(text, match.start("body"))
        entry = lexicon().entry(named.group(0)) if named is not None else None
        office = _heads().get(entry.name) if entry is not None else None
        if office is not None and named is not None:
            out.append(Candidate(match.start(), named.end(), office.kind, office.name, RULE_HEAD_OF, 4, office))
    return out


def field_office_candidates(text: str) -> list[Candidate]:
    """OHCHR's country and regional offices, named by their place (a State or a region), in the field."""
    out = []
    keys = ("OHCHR", "UN Human Rights", "Office of the High", "Office of the United Nations High")
    for match in near(_FIELD_OFFICE, text, keys, 1, 140):
        at = match.start("place")
        state = state_at(text, at)
        if state is not None:
            place, end = state[0].name, state[1]
        elif (region := _REGION.match(text, at)) is not None:
            place, end = _clean(region.group(0)).removeprefix("the "), region.end()
        else:
            continue
        kind = _clean(match.group("type") or "office").lower()
        kind = "country office" if kind in ("office", "presence", "field presence", "field office") else kind
        prep = "for" if kind == "regional office" else "in"
        out.append(Candidate(match.start(), end, "Body", f"OHCHR {kind} {prep} {place}", RULE_FIELD_OFFICE, 4,
                             None, {"place": place}, location="FIELD"))
    return out


def _masked(text: str) -> bytearray:
    taken = bytearray(len(text))
    for match in near(_MASKS, text, ("Chatham", "Glion"), 1, 60):
        taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    return taken


def select(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then higher priority; masked spans never match.

    A pattern candidate that starts where a known non-State name starts is an
    over-long reading of that name and gives way to it.
    """
    known = [c for c in candidates if c.rule == RULE_LEXICON and c.kind not in ("State", "Situation")]
    known_starts = {c.start: c for c in known}
    un_spans = bytearray(len(text))
    for c in known:
        if c.kind in ("Body", "Office", "Mechanism"):
            un_spans[c.start:c.end] = b"\x01" * c.length
    taken = _masked(text)
    kept = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        rival = known_starts.get(cand.start)
        if cand.rule in (RULE_ORGANISATION, RULE_UN_BODY) and rival is not None and rival is not cand:
            continue
        if cand.rule == RULE_ORGANISATION and un_spans.find(1, cand.start, cand.end) != -1:
            continue
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def candidate_node(cand: Candidate):
    """The node a candidate names: the reference entry's, or a new unreviewed one."""
    if cand.entry is not None:
        return reference_node(cand.entry)
    node = unreviewed_node(cand.kind, cand.name, node_id(cand.kind, cand.name), **cand.props)
    return node.model_copy(update={"location": cand.location}) if cand.location else node


def acronym_candidates(findings: Findings, kept: list[Candidate]) -> list[Candidate]:
    """Acronyms a document defines ("Name (ACR)") and its later uses of them."""
    text = findings.text
    taught: dict[str, Candidate] = {}
    for cand in kept:
        match = _ACRONYM_AFTER.match(text, cand.end)
        if match is None or sum(1 for c in match.group("acr") if c.isupper()) < 2:
            continue
        acr = match.group("acr")
        if lexicon().entry(acr) is not None and lexicon().entry(acr).name != cand.name:
            continue
        taught.setdefault(acr, cand)
    if not taught:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(taught, key=len, reverse=True))
                         + r")(?![\w-])")
    out = []
    for match in pattern.finditer(text):
        origin = taught[match.group(0)]
        defined = text[origin.end:match.start()].strip(" (") == ""
        out.append(Candidate(match.start(), match.end(), origin.kind, origin.name,
                             RULE_ACRONYM_DEFINED if defined else RULE_ACRONYM_USE, 3, origin.entry, origin.props))
    return out


def _parent_candidate(anchor: Candidate) -> Candidate | None:
    """The reference parent of a named entity ("the Office" after "the High Commissioner" is her Office)."""
    if anchor.entry is None or anchor.entry.parent is None:
        return None
    return _parent_of(anchor.entry.parent)


@cache
def _parent_of(name: str) -> Candidate | None:
    parent = gazetteer().lookup(name)
    if parent is None:
        return None
    return Candidate(0, 0, parent.kind, parent.name, RULE_CONTEXTUAL, 1, parent)


@cache
def _parts_of(name: str) -> dict[str, Candidate]:
    """The reference parts of a body that a part head names alone ("the Bureau" of the Human Rights Council)."""
    found: dict[str, list[ReferenceEntry]] = {}
    for entry in gazetteer().entries.values():
        if entry.parent == name:
            for head in _heads_of(entry.name) & _PART_HEADS:
                found.setdefault(head, []).append(entry)
    return {head: Candidate(0, 0, e[0].kind, e[0].name, RULE_CONTEXTUAL, 1, e[0]) for head, e in found.items()
            if len(e) == 1}


#: publications about the Security Council alone, by the title their pages carry
_SC_PUBLICATION = re.compile(
    r"\b(?:Monthly[ \t]+Forecast|What['’]s[ \t]+in[ \t]+Blue|Security[ \t]+Council[ \t]+Report)\b", re.IGNORECASE)


def _home(text: str, anchors: list[Candidate]) -> dict[str, Candidate]:
    """The body a document is set in, per head word: the only one its heading names ("Human Rights Council,
    52nd session" over a statement), and the Security Council for a forecast or a "What's in Blue" page. In
    such a document "the Council" is that body, unless another council was named earlier in the same sentence."""
    headings = [(start, end) for start, end in title_block(text)
                if end - start <= 200 and not text[start:end].rstrip().endswith(".")]
    if not headings or headings[-1][1] >= len(text.rstrip()):
        return {}
    named: dict[str, dict[str, Candidate]] = {}
    for anchor in anchors:
        if any(start <= anchor.start < end for start, end in headings):
            for head in _heads_of(anchor.name):
                named.setdefault(head, {})[anchor.name] = anchor
    home = {head: next(iter(by_name.values())) for head, by_name in named.items() if len(by_name) == 1}
    council = gazetteer().lookup("Security Council")
    if "Council" not in home and council is not None and any(
            _SC_PUBLICATION.search(text, start, end) for start, end in headings):
        home["Council"] = Candidate(0, 0, council.kind, council.name, RULE_CONTEXTUAL, 1, council)
    return home


def _named_here(text: str, anchor: Candidate | None, sentence_start: int) -> bool:
    """True when ``anchor`` is named earlier in the sentence, not as a possessive ("the Human Rights Council's
    mechanisms documented violations long before the Council acted": the Council is still the home body)."""
    return anchor is not None and anchor.start >= sentence_start and not text.startswith(("'s", "’s"), anchor.end)


def contextual_candidates(findings: Findings, kept: list[Candidate]) -> list[Candidate]:
    """Resolve "the Council", "the Office", "Council members", ... to the entity the context fixes.

    In order: the latest entity named before in the same sentence whose head is that
    word (not as a possessive); the body the document is set in (:func:`_home`); the latest such entity named
    before; the part of a body in context for a part head ("the Bureau"); with nothing
    before, the first such entity named after (a heading that speaks of "the Council"
    before the paragraph that names it).
    """
    text = findings.text
    anchors = [c for c in kept if c.kind not in ("State", "Situation")]
    home = _home(text, anchors)
    out = []
    index = 0
    latest: dict[str, Candidate] = {}
    parts: dict[str, Candidate] = {}
    for match in near(_CONTEXTUAL, text, _GENERIC_HEADS, 5, 30):
        while index < len(anchors) and anchors[index].start < match.start():
            anchor = anchors[index]
            parent = _parent_candidate(anchor)
            if parent is not None:
                parts.update(_parts_of(parent.name))
                for head in _heads_of(parent.name):
                    latest[head] = parent
            if anchor.entry is not None:
                parts.update(_parts_of(anchor.entry.name))
            for head in _heads_of(anchor.name) | _heads_of(text[anchor.start:anchor.end]):
                latest[head] = anchor
            _remember_chair(latest, text, anchor)
            index += 1
        head = match.group("head")
        target = latest.get(head)
        if head in home and not _named_here(text, target, findings.sentence_at(match.start()).start):
            target = home[head]
        target = target or parts.get(head) or next((a for a in anchors[index:] if head in _heads_of(a.name)), None)
        if target is None:
            continue
        start = match.start("head") - 4 if text[match.start():match.start() + 3] in ("the", "The") else match.start()
        found = Candidate(start, match.end("head"), target.kind, target.name, RULE_CONTEXTUAL, 1, target.entry,
                          target.props)
        out.append(found)
        _remember_chair(latest, text, found)
    return out


def _same_clause(gap: str) -> bool:
    """True when a crisis word and the State after it are in one clause: no punctuation between them,
    unless what follows the punctuation is only a list of names ("the situations in Sudan, Burundi and")."""
    parts = re.split(r"[,;:.]", gap)
    return all(not part.strip() or re.fullmatch(r"[ \t]*(?:and[ \t]+)?(?:[A-Z][\w'’-]*[ \t]*)+(?:and[ \t]+)?"
                                                   r"(?:in[ \t]+)?",
                                                   part) for part in parts[1:])


def situation_candidates(findings: Findings, kept: list[Candidate], in_lists: set[int]) -> list[Candidate]:
    """States named as the place of a crisis, in the same sentence, become Situations (not in a list of supporters)."""
    text = findings.text
    out = []
    for cand in kept:
        if cand.kind != "State" or cand.start in in_lists:
            continue
        since = max(findings.sentence_at(cand.start).start, cand.start - 70)
        cue = None
        for cue in SITUATION_CUE.finditer(text, since, cand.start):  # noqa: B007 (the last cue before the State)
            pass
        if (cue is not None and _same_clause(text[cue.end():cand.start])) or _CRISIS_AFTER.match(text, cand.end):
            out.append(Candidate(cand.start, cand.end, "Situation", cand.name, RULE_SITUATION, 5, None,
                                 {"state": cand.name}))
    return out


def recognise(findings: Findings) -> list[Candidate]:
    """Run every entity rule over the document; the chosen candidates, in text order (nothing recorded yet)."""
    text = findings.text
    candidates = lexicon_candidates(text)
    known = bytearray(len(text))
    for cand in candidates:
        if cand.kind not in ("State", "Situation"):
            known[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    candidates.extend(organisation_candidates(text, known))
    for rule in (un_body_candidates, mandate_candidates, mission_candidates, ministry_candidates,
                 government_candidates, head_candidates, field_office_candidates, configuration_candidates):
        candidates.extend(rule(text))
    kept = select(text, candidates)
    for refine in (acronym_candidates, contextual_candidates):
        more = refine(findings, kept)
        if more:  # select(kept) is kept: settle overlaps again only when a rule found something
            kept = select(text, kept + more)
    return presiding_offices(findings, kept)


_COUNCIL_PRESIDENT = re.compile(r"(?:[Tt]he[ \t]+)?(?:President[ \t]+of[ \t]+the[ \t]+Council|Council[ \t]+President)")


def presiding_offices(findings: Findings, kept: list[Candidate]) -> list[Candidate]:
    """"The President of the Council" and "Council President" preside over the council the context fixes: the
    latest council named before them (the Security Council's President in a text about the Security Council),
    else the one the reference data gives the words (the Human Rights Council's)."""
    text = findings.text
    out, latest = [], None
    for cand in kept:
        if cand.kind == "Body" and "Council" in _heads_of(cand.name):
            latest = cand
        if (cand.rule == RULE_LEXICON and latest is not None and _COUNCIL_PRESIDENT.fullmatch(text[cand.start:cand.end])
                and (office := _heads().get(latest.name)) is not None and office.name != cand.name):
            cand = Candidate(cand.start, cand.end, office.kind, office.name, RULE_CONTEXTUAL, cand.priority, office)
        out.append(_presiding_over(text, cand))
    return out


def _remember_chair(latest: dict[str, Candidate], text: str, body: Candidate) -> None:
    """After "the Chair of the Commission", "the Chair" alone is that office: the chair of the body ``body``
    names, when a chair's title stands just before it."""
    title = _CHAIR_BEFORE.search(text, max(0, body.start - 40), body.start)
    office = _heads().get(body.name) if title is not None and body.kind == "Body" else None
    if office is not None:
        latest["Chair"] = Candidate(0, 0, office.kind, office.name, RULE_CONTEXTUAL, 1, office)


_CHAIR_BEFORE = re.compile(r"\b(?:[Cc]hairs?|[Cc]hairpersons?)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_PRESIDING_BEFORE = re.compile(r"\b(?P<title>[Cc]hairs?|[Cc]hairpersons?|Chairman|President)[ \t]+of[ \t]+"
                               r"(?:the[ \t]+)?$")


def _presiding_over(text: str, cand: Candidate) -> Candidate:
    """"the Chair of the Commission", "the President of the Assembly": a short name of a body after the title
    of its presiding office names that office (the Commission being the Peacebuilding Commission here)."""
    if cand.kind not in ("Body", "Mechanism"):
        return cand
    title = _PRESIDING_BEFORE.search(text, max(0, cand.start - 40), cand.start)
    if title is None:
        return cand
    office = _heads().get(cand.name)
    if office is not None:
        return Candidate(title.start(), cand.end, office.kind, office.name, RULE_CONTEXTUAL, cand.priority, office)
    # "the Chair of the Commission of Inquiry on Syria": the chair of a body the reference data gives no head
    chair = title.group("title").capitalize().replace("Chairperson", "Chair").replace("Chairman", "Chair")
    return Candidate(title.start(), cand.end, "Office", f"{chair.rstrip('s')} of the {cand.name}", RULE_CHAIR_OF,
                     cand.priority, None, part_of=cand)


def record(findings: Findings, kept: list[Candidate], lists: set[int]) -> None:
    """Turn the chosen candidates into mentions and nodes, situations and PART_OF edges."""
    situations = {c.start: c for c in situation_candidates(findings, kept, lists)}
    for cand in kept:
        cand = situations.get(cand.start, cand)
        findings.mention(_situation_node(cand) if cand.rule == RULE_SITUATION else candidate_node(cand),
                         cand.start, cand.end, cand.rule)
    possessive_parts(findings, kept)
    reference_parents(findings, kept)
    chair_parts(findings, kept)
    field_offices(findings, kept)


def _situation_node(cand: Candidate):
    return _situation_named(cand.name)


@cache
def _situation_named(name: str):
    """The Situation of a State's name (its source, when the reference data lists the place as a situation)."""
    entry = gazetteer().lookup(name)
    node = unreviewed_node("Situation", name, node_id("Situation", name), state=name)
    return node.model_copy(update={"reviewed": True, "source": entry.source if entry else None})


def possessive_parts(findings: Findings, kept: list[Candidate]) -> None:
    """"X's Y Section": Y is PART_OF X (a new, unreviewed body when the reference data does not know Y)."""
    text = findings.text
    by_start = {c.start: c for c in kept}
    onto = ontology()
    for parent in kept:
        if parent.kind not in ("Body",) or not text.startswith(("'s", "’s"), parent.end):
            continue
        child_start = parent.end + 2
        while child_start < len(text) and text[child_start] == " ":
            child_start += 1
        child = by_start.get(child_start)
        parent_id = candidate_node(parent).id
        if child is None:
            match = _POSSESSIVE_PART.match(text, parent.end)
            if match is None:
                continue
            name = _clean(match.group("name"))
            entry = next((e for e in map(gazetteer().lookup, (f"{_clean(text[parent.start:parent.end])} {name}",
                                                               f"{parent.name} {name}", name))
                          if e is not None and e.parent == parent.name), None)
            # a part the reference data does not know is named with its body: "New York Office" alone
            # would merge the offices of every body that has one
            child = Candidate(match.start("name"), match.end("name"), "Body",
                              entry.name if entry else f"{name} ({parent.name})", RULE_POSSESSIVE, 2, entry)
            findings.mention(candidate_node(child), child.start, child.end, RULE_POSSESSIVE)
        child_node = candidate_node(child)
        if onto.relationship_kinds["PART_OF"].allows(child.kind, "Body") and child_node.id != parent_id:
            findings.add_edge(child_node.id, "PART_OF", parent_id, findings.evidence(parent.start, RULE_POSSESSIVE,
                                                                                      child.end))


def field_offices(findings: Findings, kept: list[Candidate]) -> None:
    """Each field office of OHCHR is PART_OF OHCHR (the Office enters the graph with the office that names it)."""
    entry = gazetteer().lookup(OHCHR)
    for cand in kept:
        if cand.rule != RULE_FIELD_OFFICE or entry is None:
            continue
        evidence = findings.evidence(cand.start, RULE_FIELD_OFFICE, cand.end)
        if entry.id not in findings.nodes:
            findings.add_node(reference_node(entry).model_copy(update={"evidence": (evidence,)}))
        findings.add_edge(candidate_node(cand).id, "PART_OF", entry.id, evidence)


def chair_parts(findings: Findings, kept: list[Candidate]) -> None:
    """The chair of a body the reference data gives no head is PART_OF that body, and a country configuration
    PART_OF the Peacebuilding Commission (up the chain: the Chair of the Burundi configuration, the configuration,
    the Commission)."""
    for cand in kept:
        while cand.part_of is not None:
            evidence = findings.evidence(cand.part_of.start, cand.part_of.rule, cand.part_of.end)
            body = findings.add_node(candidate_node(cand.part_of).model_copy(update={"evidence": (evidence,)}))
            findings.add_edge(candidate_node(cand).id, "PART_OF", body.id, findings.evidence(cand.start, cand.rule))
            cand = cand.part_of


def reference_parents(findings: Findings, kept: list[Candidate]) -> None:
    """PART_OF between a body and its reference parent when the document names both (source: the reference data)."""
    first: dict[str, tuple[Candidate, ReferenceEntry]] = {}
    for cand in kept:
        if cand.entry is not None:
            first.setdefault(cand.entry.name, (cand, cand.entry))
    part_of = ontology().relationship_kinds["PART_OF"]
    for cand, entry in first.values():
        if entry.parent is None or entry.parent not in first:
            continue
        parent, parent_entry = first[entry.parent]
        if part_of.allows(cand.kind, parent.kind):
            findings.add_edge(entry.id, "PART_OF", parent_entry.id,
                              findings.evidence(cand.start, RULE_REFERENCE_PARENT), source_ref=entry.source)
