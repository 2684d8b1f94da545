"""Participants of a meeting, by affiliation only.

Meeting reports under the Chatham House rule speak of "a representative of OHCHR's
Emergency Response Section", "a representative from the Permanent Mission of Denmark",
"the former President of the Human Rights Council", "a representative of Switzerland
and a lead negotiator on resolution 45/31". Each becomes a Participant named by that
affiliation (its id from the meeting and the affiliation, so two sentences about the
same delegation meet at one node) that ATTENDED the meeting and REPRESENTS the body,
office, organisation or State. No rule here reads a person's name: there is no
pattern for one, so no statement is ever linked to a named person.

Rules: ``participant-affiliation`` ("a representative of/from X", "another delegate
from X"), ``participant-office`` ("the former President of the Human Rights Council",
"keynote remarks by the former President ...").
"""

from __future__ import annotations

import re

from prevgraph.loaders.findings import Findings, unreviewed_node
from prevgraph.loaders.model import Mention
from prevgraph.schema import node_id

RULE_AFFILIATION = "participant-affiliation"
RULE_OFFICE = "participant-office"

_CUE = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome)[ \t]+(?:senior[ \t]+|former[ \t]+|"
    r"high-level[ \t]+)?"
    r"(?:representatives?|delegates?|officials?|members?|speakers?|panellists?|panelists?|experts?|diplomats?|staff[ "
    r"\t]+members?|"
    r"ambassadors?|colleagues?)[ \t]+(?:of|from)[ \t]+(?:the[ \t]+|an?[ \t]+)?$"
)
_OFFICE_CUE = re.compile(
    r"(?:^[ \t]*(?:[Tt]he|[Aa])[ \t]+(?P<former>former[ \t]+)|(?:remarks|keynote|statement|address|"
    r"presentation|briefing)[ \t]*by[ \t]+(?:the[ \t]+)?(?P<former2>former[ \t]+)?)$",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r"[ \t]+and[ \t]+(?:a|the)[ \t]+(?P<role>(?:lead[ \t]+|chief[ \t]+)?(?:negotiator|co-facilitator|facilitator|"
    r"penholder|"
    r"rapporteur|coordinator|chair)[ \t]+(?:on|of|for)[ \t]+(?:the[ \t]+)?(?:(?:draft[ \t]+)?resolution[ \t]+[\w/-]+"
    r"(?:[ \t]*\(\d{4}\))?|[\w-]+(?:[ \t]+[A-Z][\w-]*)*))"
)
_DESCRIPTOR = re.compile(
    r"[ \t]+(?P<d>(?:regional|country|field|liaison|national|local|headquarters)[ \t]+(?:office|presence|team|"
    r"mission))\b"
)
_SPEECH = re.compile(
    r"\b(?:highlighted|noted|said|stressed|described|argued|recalled|explained|emphasi[sz]ed|shared|stated|"
    r"expressed|concluded|added|introduced|welcomed|opined|reflected|acknowledged|referred|spoke|"
    r"discussed|"
    r"outlined|reiterated|cited|replied|addressed|presented|delivered|underscored|observed|suggested|"
    r"proposed|remarks|keynote|agreed|warned|cautioned|recommended|questioned|responded|concurred|"
    r"called|urged|pointed|asked|argued|insisted|reported)\b", re.IGNORECASE
)
_AFFILIATION_KINDS = frozenset({"Organization", "Body", "Office", "State", "Mechanism"})
_APPOSITION = re.compile(r"^,[ \t]+$")
_POSSESSIVE = re.compile(r"^['’]s[ \t]+$")


def _affiliation(findings: Findings, mentions: list[Mention], index: int) -> tuple[Mention, int]:
    """The most specific actor a cue points at: "OHCHR's Emergency Response Section" is the section."""
    text = findings.text
    mention, end = mentions[index], mentions[index].end
    while index + 1 < len(mentions):
        nxt = mentions[index + 1]
        gap = text[end:nxt.start]
        if not (_POSSESSIVE.match(gap) or _APPOSITION.match(gap)) or nxt.kind not in ("Body", "Office", "Mechanism"):
            break
        mention, end, index = nxt, nxt.end, index + 1
    return mention, end


def _label(findings: Findings, mention: Mention, end: int, prefix: str, former: bool) -> tuple[str, str | None, int]:
    text = findings.text
    name = findings.nodes[mention.node_id].name
    descriptor = _DESCRIPTOR.match(text, end)
    if descriptor is not None:
        name, end = f"{name} {descriptor.group('d')}", descriptor.end()
    role = _ROLE_AFTER.match(text, end)
    label = " ".join(part for part in ("Former" if former else "", prefix, name) if part)
    if role is not None:
        return f"{label} ({' '.join(role.group('role').split())})", " ".join(role.group("role").split()), role.end()
    return label, None, end


def recognise_participants(findings: Findings, meeting: str | None) -> int:
    """Participants of ``meeting`` named by affiliation; returns how many mentions were read as participants."""
    if meeting is None:
        return 0
    text = findings.text
    actors = sorted((m for m in findings.mentions if m.kind in _AFFILIATION_KINDS), key=lambda m: m.start)
    count = 0
    introduced: dict[str, str] = {}
    for index, mention in enumerate(actors):
        head = text[max(0, mention.start - 80):mention.start]
        cue = _CUE.search(head)
        if cue is not None:
            target, end = _affiliation(findings, actors, index)
            label, role, end = _label(findings, target, end, "Representative of", False)
            if cue.group(0)[:3].lower() == "the" and role is None:
                label = introduced.get(target.node_id, label)
            introduced.setdefault(target.node_id, label)
            _participant(findings, meeting, target, label, role, mention.start - len(head) + cue.start(), end,
                         RULE_AFFILIATION)
            count += 1
            continue
        sentence = findings.sentence_at(mention.start)
        office = _OFFICE_CUE.search(text[sentence.start:mention.start])
        if mention.kind == "Office" and office is not None and (office.group("former") or office.group("former2")) \
                and _SPEECH.search(sentence.text):
            label, role, end = _label(findings, mention, mention.end, "", True)
            _participant(findings, meeting, mention, label, role, sentence.start + office.start(), end,
                         RULE_OFFICE)
            count += 1
    return count


def _participant(findings: Findings, meeting: str, target: Mention, label: str, role: str | None, start: int, end: int,
                 rule: str) -> None:
    participant_id = node_id("Participant", f"{meeting} {label}")
    node = unreviewed_node("Participant", label, participant_id, affiliation=findings.nodes[target.node_id].name,
                           role=role, meeting=meeting).model_copy(update={"reviewed": True})
    findings.mention(node, start, end, rule)
    evidence = findings.evidence(start, rule, end)
    findings.add_edge(participant_id, "ATTENDED", meeting, evidence)
    findings.add_edge(participant_id, "REPRESENTS", target.node_id, evidence)
