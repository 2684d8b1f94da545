"""Lists of States, and the States that support an initiative.

Documents list the States behind an appeal or a resolution, often in a footnote
("... supported by 71 states²" and, at the foot, "² Afghanistan, Albania, ...").

- ``state-list``: three or more States in a row, separated by commas, "and" or "&",
  form a list; an item between them that is not a known State is reported.
- ``supporters-list``: a list tied to an initiative or resolution (by the footnote
  mark after a stated count, by a support verb in its own sentence, or by standing
  right after the sentence that states the count) gives a SUPPORTS edge from each State.
  The count the document states is checked against the States listed, and a mismatch
  is reported as a warning, never silently; the initiative carries both
  (``supporters_stated``, ``supporters_listed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prevgraph.loaders.entities import SITUATION_CUE, Candidate
from prevgraph.loaders.findings import Findings
from prevgraph.loaders.scan import near
from prevgraph.schema import node_id

RULE_LIST = "state-list"
RULE_SUPPORTERS = "supporters-list"

_SEPARATOR = re.compile(r"[ \t]*(?:,|;|&|and|,[ \t]*and|,[ \t]*&)[ \t]*(?:the[ \t]+)?", re.IGNORECASE)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_MARK = r"(?P<mark>[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\d{1,3}\]|\(\d{1,3}\))?"
_COUNT = re.compile(
    r"(?:(?:supported|endorsed|signed|joined|backed|co-?sponsored|sponsored|adopted)[ \t]+by[ \t]+(?:a[ \t]+total[ "
    r"\t]+of[ \t]+"
    r"|some[ \t]+|over[ \t]+|more[ \t]+than[ \t]+)?(?P<n1>\d{1,3}|" + "|".join(_NUMBER_WORDS)
    + r")[ \t]+(?:member[ \t]+)?(?:States|states|countries|"
    r"Member[ \t]+States|Governments|governments|delegations)" + _MARK.replace("mark", "mark1") + ")"
    r"|(?:(?P<n2>\d{1,3})[ \t]+(?:member[ \t]+)?(?:States|states|countries|Member[ \t]+States)"
    + _MARK.replace("mark", "mark2")
    + r"[ \t]+(?:have[ \t]+|had[ \t]+)?(?:supported|endorsed|signed|joined|backed|co-?sponsored))"
)
_COUNT_WORDS = ("States", "states", "countries", "Governments", "governments", "delegations")
_SUPPORT_CUE = re.compile(r"\b(?:support\w*|endors\w*|sign\w*|join\w*|back\w*|co-?sponsor\w*)\b", re.IGNORECASE)
_LEADING_MARK = re.compile(
    r"^[ \t]*(?P<mark>[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}(?=[ \t]))"
)


@dataclass(frozen=True)
class StateList:
    """States named in a row, with the span of the list and any items that were not States."""

    start: int
    end: int
    states: tuple[Candidate, ...]
    unknown: tuple[str, ...]
    paragraph: int


def _gap_items(gap: str) -> list[str] | None:
    """The non-State items between two States, or None when the gap is not a list separator."""
    if _SEPARATOR.fullmatch(gap):
        return []
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", gap) if p.strip()]
    fillers = [p for p in parts if p.islower() and len(p.split()) <= 3]
    named = [p for p in parts if p not in fillers]
    if len(gap) > 80 or not parts or any(len(p.split()) > 5 or not p[:1].isupper() for p in named):
        return None
    return named


def find_lists(findings: Findings, kept: list[Candidate]) -> list[StateList]:
    """Every run of three or more States separated only by list punctuation."""
    text = findings.text
    states = [c for c in kept if c.kind == "State"]
    lists: list[StateList] = []
    run: list[Candidate] = []
    unknown: list[str] = []

    def close() -> None:
        if len(run) >= 3:
            paragraph = findings.sentence_at(run[0].start).paragraph
            lists.append(StateList(run[0].start, run[-1].end, tuple(run), tuple(unknown), paragraph))

    for cand in states:
        if run and "\n" not in text[run[-1].end:cand.start]:
            items = _gap_items(text[run[-1].end:cand.start])
            if items is not None:
                run.append(cand)
                unknown.extend(items)
                continue
        close()
        run, unknown = [cand], []
    close()
    return lists


def protected(findings: Findings, lists: list[StateList]) -> set[int]:
    """Starts of the States in lists that are not an enumeration of crises ("situations such as A, B and C")."""
    out: set[int] = set()
    for item in lists:
        sentence = findings.sentence_at(item.start)
        if not SITUATION_CUE.search(findings.text, sentence.start, item.end):
            out.update(c.start for c in item.states)
    return out


def _count(match: re.Match[str]) -> int | None:
    raw = match.group("n1") or match.group("n2")
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower())


def _target(findings: Findings, start: int, end: int) -> str | None:
    """The initiative or resolution a count or a support sentence speaks of: in the sentence, else the latest before."""
    sentence = findings.sentence_at(start)
    named = sorted((m for m in findings.mentions if m.kind in ("Initiative", "Resolution")
                    and m.start < max(end, sentence.end)), key=lambda m: m.start)
    in_sentence = [m for m in named if m.start >= sentence.start]
    if in_sentence:
        return in_sentence[0].node_id
    return named[-1].node_id if named else None


def _list_for(findings: Findings, lists: list[StateList], match: re.Match[str]) -> StateList | None:
    mark = match.group("mark1") or match.group("mark2")
    text = findings.text
    if mark:
        for item in lists:
            line_start = text.rfind("\n", 0, item.start) + 1
            lead = _LEADING_MARK.match(text, line_start)
            if lead is not None and lead.group("mark").strip("[]()") == mark.strip("[]()"):
                return item
    paragraph = findings.sentence_at(match.start()).paragraph
    near = [item for item in lists if item.start >= match.start() and item.paragraph <= paragraph + 2]
    return near[0] if near else None


def supporters(findings: Findings, lists: list[StateList]) -> None:
    """SUPPORTS edges from listed States to the initiative they support, with the stated count checked."""
    used: set[int] = set()
    for match in near(_COUNT, findings.text, _COUNT_WORDS, 120, 40):
        item = _list_for(findings, lists, match)
        target = _target(findings, match.start(), match.end())
        stated = _count(match)
        _stated(findings, target, stated, match.start())
        if item is None:
            findings.skipped.append(f"a count of {stated} supporting States at {match.start()} has no list of them")
            continue
        used.add(item.start)
        _link(findings, item, target, match.start())
        if stated is not None and stated != len(item.states):
            named = findings.nodes[target].name if target in findings.nodes else "it"
            findings.warnings.append(f"the document says {stated} States support {named}; its list names "
                                     f"{len(item.states)}")
    for item in lists:
        sentence = findings.sentence_at(item.start)
        if item.start in used or not _SUPPORT_CUE.search(findings.text, sentence.start, item.start):
            continue
        _link(findings, item, _target(findings, sentence.start, item.start), sentence.start)


def _stated(findings: Findings, target: str | None, stated: int | None, at: int) -> None:
    """The count of supporters the document states, on the initiative (beside the count it lists)."""
    if target is None or stated is None or target not in findings.nodes:
        return
    node = findings.nodes[target]
    findings.add_node(node.model_copy(update={"props": {**node.props, "supporters_stated": stated},
                                              "evidence": (findings.evidence(at, RULE_SUPPORTERS),)}))


def _link(findings: Findings, item: StateList, target: str | None, count_at: int) -> None:
    for name in item.unknown:
        findings.warnings.append(f"list of States: {name!r} is not a known State")
    if target is None:
        findings.skipped.append(f"a list of {len(item.states)} States at {item.start} names no initiative they support")
        return
    for cand in item.states:
        evidence = findings.evidence(cand.start, RULE_SUPPORTERS, cand.end)
        findings.add_edge(node_id("State", cand.name), "SUPPORTS", target, evidence)
    count_evidence = findings.evidence(count_at, RULE_SUPPORTERS)
    node = findings.nodes[target]
    findings.add_node(node.model_copy(update={"props": {**node.props, "supporters_listed": len(item.states)},
                                              "evidence": (count_evidence,)}))
