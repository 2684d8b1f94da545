"""Each flow rule on sentences of the kinds UN documents contain, positive and negative.

The contexts are built here with a deliberately plain recogniser (reference names by
regular expression, plus the names a case lists), so a failure points at the flow rule,
not at entity recognition. The corpus-level tests use the real pipeline.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from prevgraph.loaders.flows import extract_flows
from prevgraph.loaders.flows.clauses import Clause
from prevgraph.loaders.flows.lexicon import (
    BLOCK_CUES,
    BLOCK_STEMS,
    INFO_NOUN_WORDS,
    INFO_NOUNS,
    INFO_VERB_ANY,
    INFO_VERB_STEMS,
    PASSIVE_INFO,
    PASSIVE_INFO_WORDS,
    REPORTING,
    REPORTING_STEMS,
    REVERSE_INFO,
    REVERSE_INFO_WORDS,
)
from prevgraph.loaders.model import DocumentContext, Mention, Sentence
from prevgraph.schema import DocumentBatch, Node, gazetteer, node_id, validate_batch

HC = "office:high-commissioner-for-human-rights"
SG = "office:secretary-general"
SC = "body:security-council"
HRC = "body:human-rights-council"
GA = "body:general-assembly"
PBC = "body:peacebuilding-commission"
CHAIR = "office:chair-of-the-peacebuilding-commission"
PRES = "office:president-of-the-human-rights-council"
OHCHR = "body:office-of-the-high-commissioner-for-human-rights"
RMR = "mechanism:regional-monthly-review"
R4531 = "resolution:a-hrc-res-45-31"

#: names a plain gazetteer cannot resolve, as a real recogniser would from context
EXTRA = {
    "resolution 45/31": ("Resolution", "A/HRC/RES/45/31"),
    "resolution 78/123": ("Resolution", "A/RES/78/123"),
    "Myanmar": ("Situation", "Myanmar"),
    "Syria": ("Situation", "Syria"),
    "Human Rights Watch": ("Organization", "Human Rights Watch"),
    "Permanent Mission of Denmark": ("Organization", "Permanent Mission of Denmark"),
    "a representative of the Permanent Mission of Denmark": ("Participant", "representative of Denmark 1"),
    "the Russian Federation": ("State", "Russian Federation"),
    "China": ("State", "China"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'‘“(]?[A-Z0-9])")


@cache
def _reference_names() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    names: dict[str, tuple[str, str]] = {}
    for entry in gazetteer().by_kind("Body", "Office", "Mechanism"):
        for name in entry.names:
            names.setdefault(name if name.isupper() else name.casefold(), (entry.kind, entry.name))
    parts = [re.escape(n) if n.isupper() else f"(?i:{re.escape(n)})" for n in sorted(names, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"), names


def sentences(text: str) -> list[Sentence]:
    found = []
    for number, line in enumerate(re.finditer(r"[^\n]+", text)):
        left = line.start()
        for stop in _SENTENCE_END.finditer(text, line.start(), line.end()):
            found.append(Sentence(left, stop.start(), text[left:stop.start()], number))
            left = stop.end()
        found.append(Sentence(left, line.end(), text[left:line.end()], number))
    return found


def context(text: str, *, names: dict[str, tuple[str, str]] | None = None, date: str | None = "2023-02-20",
            genre: str = "other", non_attribution: bool = False) -> DocumentContext:
    """A DocumentContext whose mentions are the reference names and ``EXTRA`` (plus ``names``) found in ``text``."""
    extra = {**EXTRA, **(names or {})}
    mentions: list[Mention] = []
    nodes: dict[str, Node] = {}

    def add(kind: str, key: str, start: int, end: int) -> None:
        ident = node_id(kind, key)
        mentions.append(Mention(ident, kind, start, end, text[start:end], "test"))
        nodes[ident] = Node(id=ident, kind=kind, name=key)

    for surface, (kind, key) in extra.items():
        for match in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
            add(kind, key, match.start(), match.end())
    taken = [(m.start, m.end) for m in mentions if m.kind != "Participant"]
    pattern, by_name = _reference_names()
    for match in pattern.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in taken):
            kind, key = by_name.get(match.group(0)) or by_name[match.group(0).casefold()]
            add(kind, key, match.start(), match.end())
    document = Node(id="document:test", kind="Document", name="test")
    return DocumentContext(document=document, text=text, sentences=sentences(text), mentions=mentions, nodes=nodes,
                           date=date, genre=genre, non_attribution=non_attribution)


def flows(text: str, **kwargs) -> set[tuple[str, str, str, str | None]]:
    return {(e.type, e.source, e.target, e.status) for e in extract_flows(context(text, **kwargs)).edges}


# ------------------------------------------------------------------ reported briefings

BRIEFS_CASES = [
    ("briefed", "On 12 March 2021, the High Commissioner for Human Rights briefed the Security Council on Myanmar.",
     {("BRIEFS", HC, SC, "REALISED")}),
    ("has-not", "The Chair of the Peacebuilding Commission has not briefed the Human Rights Council since then.",
     {("BRIEFS", CHAIR, HRC, "UNREALISED")}),
    ("yet-to", "The Secretary-General has yet to address the Human Rights Council on prevention.",
     {("BRIEFS", SG, HRC, "UNREALISED")}),
    ("should", "Member States stressed that the High Commissioner should brief the Security Council more regularly.",
     {("BRIEFS", HC, SC, "PROPOSED")}),
    ("recommended", "The panel recommended that the President of the Human Rights Council brief the General Assembly.",
     {("BRIEFS", PRES, GA, "PROPOSED")}),
    ("passive", "The Security Council was briefed by the Under-Secretary-General and the "
                "High Commissioner for Human Rights.",
     {("BRIEFS", HC, SC, "REALISED")}),
    ("reported-speech", "A representative of the Department of Political and Peacebuilding Affairs said the "
     "Secretary-General had brought the situation to the attention of the Security Council.",
     {("BRIEFS", SG, SC, "REALISED")}),
    ("possessive-attention", "The Secretary-General has brought two situations to the General Assembly's attention.",
     {("BRIEFS", SG, GA, "REALISED")}),
    ("heard-briefings", "The Security Council heard briefings by the High Commissioner for Human Rights and the "
     "Chair of the Peacebuilding Commission.", {("BRIEFS", HC, SC, "REALISED"), ("BRIEFS", CHAIR, SC, "REALISED")}),
    ("information-flow", "There is a need to strengthen the flow of information from the Human Rights Council to the "
     "Security Council.", {("BRIEFS", HRC, SC, "PROPOSED")}),
    ("information-reaches", "Information from the special procedures rarely reaches the Security Council, and "
     "analysis from OHCHR does not reach the Peacebuilding Commission.",
     {("BRIEFS", "mechanism:special-procedures", SC, "REALISED"), ("BRIEFS", OHCHR, PBC, "UNREALISED")}),
    ("findings-of-reach", "So far the conclusions of the Peacebuilding Commission have never reached the Human Rights "
     "Council.", {("BRIEFS", PBC, HRC, "UNREALISED")}),
    ("hears-from", "The General Assembly seldom hears from the Human Rights Council on prevention.",
     {("BRIEFS", HRC, GA, "REALISED")}),
    ("pronoun", "The High Commissioner welcomed the invitation. She had briefed the Security Council twice in 2022.",
     {("BRIEFS", HC, SC, "REALISED")}),
    ("failure-of", "Observers recalled the failure of having the High Commissioner speak "
                   "to the Security Council in 2018.",
     {("BRIEFS", HC, SC, "UNREALISED")}),
    ("continue-to", "The High Commissioner continued to report to the Human Rights Council on Myanmar.",
     {("BRIEFS", HC, HRC, "REALISED")}),
    ("will", "The Chair of the Peacebuilding Commission will address the Human Rights Council in June.",
     {("BRIEFS", CHAIR, HRC, "PROPOSED")}),
    ("his-reports", "The Secretary-General has made prevention a priority, as his latest reports to the General "
     "Assembly show.", {("BRIEFS", SG, GA, "REALISED")}),
    ("report-of", "Members discussed the annual report of the High Commissioner to the Human Rights Council.",
     {("BRIEFS", HC, HRC, "REALISED")}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BRIEFS_CASES], ids=[c[0] for c in BRIEFS_CASES])
def test_reported_briefings(text: str, expected: set) -> None:
    assert expected <= flows(text)


NO_BRIEFS_CASES = [
    ("topic-not-recipient", "The High Commissioner briefed journalists on the work of the Human Rights Council."),
    ("no-recipient", "A representative of the Department of Political and Peacebuilding Affairs briefed participants."),
    ("address-a-problem", "The Human Rights Council must address the root causes of the crisis in Myanmar."),
    ("hypothetical", "Delegations asked whether the High Commissioner could brief the Security Council."),
    ("advised-against", "China said the Security Council should not be briefed by the High "
                        "Commissioner on such matters."),
    ("open-question", "How could the Peacebuilding Commission brief the Human Rights Council more often?"),
    ("report-without-recipient", "The Security Council discussed the report of the Secretary-General on Myanmar."),
    ("author-across-a-comma", "Asked about sending reports to the Security Council, the representative of China "
     "spoke of backlashes."),
    ("speaker-is-not-the-briefer", "The representative of China said that the Security Council "
                                   "rarely meets in Geneva."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_BRIEFS_CASES], ids=[c[0] for c in NO_BRIEFS_CASES])
def test_no_briefing_where_none_is_stated(text: str) -> None:
    assert not {f for f in flows(text) if f[0] == "BRIEFS"}


def test_reported_briefing_takes_the_stated_date_or_the_documents() -> None:
    edges = extract_flows(context("In 2018, the High Commissioner spoke to the Security Council on Syria. "
                                  "The Chair of the Peacebuilding Commission has briefed the Security Council.",
                                  date="2023-02-20")).edges
    by_source = {e.source: e for e in edges if e.type == "BRIEFS"}
    assert by_source[HC].date == "2018"
    assert by_source[HC].props["concerning"] == "situation:syria"
    assert by_source[CHAIR].date == "2023-02-20"
    relative = extract_flows(context("Two years ago the Secretary-General addressed the Human Rights Council.",
                                     date="2023-02-20")).edges
    assert [e.date for e in relative] == ["2021"]


# --------------------------------------------------------------------------- blocks

BLOCK_CASES = [
    ("blocked-by-state", "A planned briefing by the High Commissioner to the Security Council was blocked by China.",
     "BLOCKED", "state:china", "blocked"),
    ("procedural-vote", "The briefing by the High Commissioner to the Security Council was "
                        "blocked by a procedural vote.",
     "BLOCKED", SC, "blocked"),
    ("consensus", "Consensus requirements in the Peacebuilding Commission have stopped briefings by the Chair of the "
     "Peacebuilding Commission to the Human Rights Council.", "BLOCKED", PBC, "consensus"),
    ("prevented-from", "China prevented the High Commissioner for Human Rights from briefing the Security Council.",
     "BLOCKED", "state:china", "not allowed"),
    ("postponed-at-the-request-of", "The briefing by the Secretary-General to the Human Rights Council was postponed "
     "at the request of China.", "BLOCKED", "state:china", "postponed"),
    ("subject-blocks", "The Fifth Committee blocked briefings by OHCHR to the Peacebuilding Commission.",
     "BLOCKED", "body:fifth-committee", "blocked"),
    ("another-cue-names-the-blocker", "The Secretary-General has been denied the opportunity to brief the Human "
     "Rights Council, owing to objections by China.", "BLOCKED", "state:china", "objections"),
]


@pytest.mark.parametrize(("text", "flow_status", "blocker", "reason"), [c[1:] for c in BLOCK_CASES],
                         ids=[c[0] for c in BLOCK_CASES])
def test_blocks_point_at_the_flow_they_stop(text: str, flow_status: str, blocker: str, reason: str) -> None:
    edges = {e.id: e for e in extract_flows(context(text)).edges}
    blocks = [e for e in edges.values() if e.type == "BLOCKS"]
    assert len(blocks) == 1, blocks
    block = blocks[0]
    flow = edges[block.blocks]
    assert (flow.type, flow.status) == ("BRIEFS", flow_status)
    assert (block.source, block.target, block.status) == (blocker, flow.source, "REALISED")
    assert block.props["reason"] == reason


@pytest.mark.parametrize(("text", "flow_status", "reason"), [
    ("In 2019 the Chair of the Peacebuilding Commission declined to address the Human Rights Council.",
     "UNREALISED", "declined"),
    ("The Peacebuilding Commission met twice, but the Chair of the Peacebuilding Commission is not allowed to brief "
     "the Human Rights Council.", "BLOCKED", "not allowed"),
], ids=["declined", "not-allowed-by-no-one-named"])
def test_a_blocker_no_sentence_names_is_not_invented(text: str, flow_status: str, reason: str) -> None:
    """Issue 15: no BLOCKS from the body an office presides over, no self-loop for "declined"."""
    edges = extract_flows(context(text)).edges
    assert not [e for e in edges if e.type == "BLOCKS"]
    (flow,) = [e for e in edges if e.type == "BRIEFS"]
    assert (flow.source, flow.target, flow.status, flow.props["reason"]) == (CHAIR, HRC, flow_status, reason)


def test_each_state_that_voted_against_blocks_the_briefing() -> None:
    text = ("The briefing by the High Commissioner for Human Rights to the Security Council was blocked when the "
            "agenda received 8 votes in favour to 4 against (Bolivia, China, Kazakhstan and the Russian Federation).")
    names = {"Bolivia": ("State", "Bolivia"), "Kazakhstan": ("State", "Kazakhstan")}
    edges = extract_flows(context(text, names=names)).edges
    assert {e.source for e in edges if e.type == "BLOCKS"} == {
        "state:bolivia", "state:china", "state:kazakhstan", "state:russian-federation"}
    assert {e.status for e in edges if e.type == "BRIEFS"} == {"BLOCKED"}


NO_BLOCK_CASES = [
    ("despite", "Despite objections by China, the High Commissioner briefed the Security Council."),
    ("block-elsewhere", "The High Commissioner briefed the Security Council on blockages of humanitarian access."),
    ("no-flow", "There was pushback by States against prevention in the Fifth Committee."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_BLOCK_CASES], ids=[c[0] for c in NO_BLOCK_CASES])
def test_no_block_where_nothing_is_stopped(text: str) -> None:
    edges = extract_flows(context(text)).edges
    assert not [e for e in edges if e.type == "BLOCKS"]
    assert not [e for e in edges if e.status == "BLOCKED"]


def test_a_feared_block_is_proposed_not_realised() -> None:
    edges = extract_flows(context("Briefings by the High Commissioner to the Security Council "
                                  "could be blocked by China.")).edges
    assert {e.status for e in edges if e.type == "BLOCKS"} == {"PROPOSED"}


# ------------------------------------------------------------------------- mandates

RESOLUTION_TEXT = ("Resolution 78/123 adopted by the General Assembly\n5. Requests the Secretary-General to report "
                   "to the General Assembly at its seventy-ninth session on the implementation of the present "
                   "resolution;")
RESOLUTION_OPTIONS = {"genre": "resolution", "names": {"Resolution 78/123": ("Resolution", "A/RES/78/123")}}

MANDATE_CASES = [
    ("operative-paragraph", RESOLUTION_TEXT, RESOLUTION_OPTIONS,
     {("REQUESTS", "resolution:a-res-78-123", SG, "MANDATED"), ("BRIEFS", SG, GA, "MANDATED")}),
    ("reported-invitation", "In its resolution 45/31, the Human Rights Council invited the Chair of the Peacebuilding "
     "Commission, commencing in 2021, to brief the "
     "Council annually.", {"names": {"the Council": ("Body", "Human Rights Council")}},
     {("INVITES", R4531, CHAIR, "MANDATED"), ("BRIEFS", CHAIR, HRC, "MANDATED")}),
    ("anaphor", "The Human Rights Council adopted resolution 45/31 in October 2020. It also requests the High "
     "Commissioner to present an oral update to the Human Rights Council.", {},
     {("REQUESTS", R4531, HC, "MANDATED"), ("BRIEFS", HC, HRC, "MANDATED")}),
    ("passive", "Under resolution 45/31, the Secretary-General is requested to bring reports of the Human Rights "
     "Council to the attention of the Security Council.", {},
     {("REQUESTS", R4531, SG, "MANDATED"), ("BRIEFS", SG, SC, "MANDATED")}),
    ("body-asks-it", "The Security Council requests the Secretary-General to keep it "
                     "informed of developments in the region.",
     {}, {("REQUESTS", SC, SG, "MANDATED"), ("BRIEFS", SG, SC, "MANDATED")}),
    ("briefings-by-another", "The Security Council requests the Secretary-General to keep it informed, including "
     "through regular briefings by the Department of Political and Peacebuilding Affairs.", {},
     {("BRIEFS", "body:department-of-political-and-peacebuilding-affairs", SC, "MANDATED")}),
    ("ngo-call-is-a-proposal", "Human Rights Watch called on the Security Council to invite the High Commissioner to "
     "brief it on Syria.", {}, {("BRIEFS", HC, SC, "PROPOSED")}),
]


@pytest.mark.parametrize(("text", "options", "expected"), [c[1:] for c in MANDATE_CASES],
                         ids=[c[0] for c in MANDATE_CASES])
def test_requests_and_invitations_with_the_briefings_they_mandate(text: str, options: dict, expected: set) -> None:
    assert expected <= flows(text, **options)


def test_mandated_briefing_names_its_mandate_start_and_frequency() -> None:
    text = ("The Human Rights Council adopted resolution 45/31. It invites the Chair of the Peacebuilding Commission, "
            "commencing in 2021, to brief, on an annual basis, the Human Rights Council.")
    edges = extract_flows(context(text)).edges
    invite = next(e for e in edges if e.type == "INVITES")
    brief = next(e for e in edges if e.type == "BRIEFS")
    assert (brief.status, brief.date, brief.props["frequency"], brief.props["mandated_by"]) == (
        "MANDATED", "2021", "annual", invite.id)


def test_at_the_request_of_a_body_is_a_request_that_happened_not_a_mandate() -> None:
    found = flows("At the request of the Human Rights Council, the Secretary-General convened a meeting in Geneva.")
    assert ("REQUESTS", HRC, SG, "REALISED") in found
    assert not {f for f in found if f[3] == "MANDATED"}


NO_MANDATE_CASES = [
    ("state-request", "China requested the Secretary-General to brief the Security Council."),
    ("negated", "The resolution does not request the High Commissioner to brief the Security Council."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_MANDATE_CASES], ids=[c[0] for c in NO_MANDATE_CASES])
def test_no_mandate_without_a_mandating_text(text: str) -> None:
    found = flows(text)
    assert not {f for f in found if f[0] in ("REQUESTS", "INVITES")}
    assert not {f for f in found if f[3] == "MANDATED"}


# ---------------------------------------------------------------- links and feeds

LINK_CASES = [
    ("no-formal-channel", "There is no formal channel between the Human Rights Council and the Security Council.",
     (HRC, SC), True),
    ("lack-of-link", "Speakers regretted the lack of a structured relationship between the General Assembly and the "
     "Human Rights Council.", (GA, HRC), True),
    ("silos", "The Peacebuilding Commission and the Economic and Social Council still work in silos.",
     ("body:economic-and-social-council", PBC), False),
    ("has-no-formal-link-to", "The Peacebuilding Commission has no formal link to the Human Rights Council.",
     (HRC, PBC), True),
    ("between-them", "Even now the Peacebuilding Commission and the Human Rights Council have no structured "
     "relationship between them.", (HRC, PBC), True),
    ("two-bodies", "The Human Rights Council rarely hears from the Security Council, and the two bodies have no "
     "institutional relationship.", (HRC, SC), True),
]


@pytest.mark.parametrize(("text", "pair", "formal"), [c[1:] for c in LINK_CASES], ids=[c[0] for c in LINK_CASES])
def test_missing_links_stated_outright(text: str, pair: tuple[str, str], formal: bool) -> None:
    links = [e for e in extract_flows(context(text)).edges if e.type == "NO_LINK"]
    assert [(e.source, e.target, e.props["formal"]) for e in links] == [(*pair, formal)]


@pytest.mark.parametrize("text", [
    "There is a formal link between the General Assembly and the Human Rights Council.",
    "The Human Rights Council works closely with the Security Council.",
    "Is there a lack of a formal link between the Human Rights Council and the Security Council?",
    "It remains difficult for the Human Rights Council to engage with the General Assembly.",
])
def test_no_missing_link_where_none_is_stated(text: str) -> None:
    assert not [e for e in extract_flows(context(text)).edges if e.type == "NO_LINK"]


FEED_CASES = [
    ("integrates", "The Regional Monthly Review integrates analysis from the Office of the High Commissioner for Human "
     "Rights and the Department of Peace Operations.", {(OHCHR, RMR), ("body:department-of-peace-operations", RMR)}),
    ("feeds-into", "The Department of Political and Peacebuilding Affairs feeds conflict analysis into the Regional "
     "Monthly Review.", {("body:department-of-political-and-peacebuilding-affairs", RMR)}),
    ("contributes-to", "OHCHR now sends a monthly analysis to the Executive Office of the Secretary-General and "
     "contributes to the Regional Monthly Review.", {(OHCHR, RMR)}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FEED_CASES], ids=[c[0] for c in FEED_CASES])
def test_routine_feeds(text: str, expected: set) -> None:
    assert {(e.source, e.target) for e in extract_flows(context(text)).edges if e.type == "FEEDS_INTO"} == expected


@pytest.mark.parametrize("text", [
    "Should the Peacebuilding Commission feed its advice into the Regional Monthly Review?",
    "We recommend that OHCHR feed its analysis into the Regional Monthly Review.",
    "OHCHR does not feed its analysis into the Regional Monthly Review.",
])
def test_no_feed_that_is_only_wished_for(text: str) -> None:
    assert not [e for e in extract_flows(context(text)).edges if e.type == "FEEDS_INTO"]


# ------------------------------------------------------------- evidence and records

def test_every_edge_has_evidence_that_quotes_its_sentence_and_fits_the_ontology() -> None:
    text = " ".join(c[1] for c in BRIEFS_CASES + BLOCK_CASES) + " " + LINK_CASES[0][1]
    ctx = context(text)
    extraction = extract_flows(ctx)
    assert extraction.edges
    for edge in extraction.edges:
        assert edge.evidence and all(ctx.text[ev.start:ev.end] == ev.quote for ev in edge.evidence)
        assert all(ev.rule and ev.document == ctx.document.id for ev in edge.evidence)
    validate_batch(DocumentBatch(document=ctx.document, nodes=tuple(ctx.nodes.values()), edges=tuple(extraction.edges)))


def test_the_same_flow_stated_twice_is_one_edge_with_two_pieces_of_evidence() -> None:
    text = ("The High Commissioner briefed the Security Council. Later the Security "
           "Council was briefed by the High Commissioner.")
    edges = [e for e in extract_flows(context(text)).edges if e.type == "BRIEFS"]
    assert len(edges) == 1 and len(edges[0].evidence) == 2


def test_participants_never_become_endpoints_under_non_attribution() -> None:
    text = ("Under the Chatham House Rule, a representative of the Permanent Mission of "
           "Denmark briefed the Human Rights Council.")
    ctx = context(text, non_attribution=True)
    edges = extract_flows(ctx).edges
    assert {(e.source, e.target) for e in edges} == {("organization:permanent-mission-of-denmark", HRC)}
    kinds = {n.id: n.kind for n in ctx.nodes.values()}
    assert all(kinds[end] != "Participant" for e in edges for end in (e.source, e.target))


def test_a_flow_the_ontology_does_not_allow_is_skipped_with_a_reason() -> None:
    extraction = extract_flows(context("The High Commissioner briefed Human Rights Watch on the situation."))
    assert not extraction.edges
    assert any("not in the ontology" in reason for reason in extraction.skipped)


# ------------------------------------------------------------------- lexicon speedups

def _all_case_text() -> str:
    cases = [c[1] for c in BRIEFS_CASES + NO_BRIEFS_CASES + BLOCK_CASES + NO_BLOCK_CASES + MANDATE_CASES
             + NO_MANDATE_CASES + LINK_CASES + FEED_CASES]
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    return "\n".join(cases + [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))])


@pytest.mark.parametrize(("pattern", "stems"), [(INFO_VERB_ANY, INFO_VERB_STEMS), (REPORTING, REPORTING_STEMS)],
                         ids=["information-verbs", "verbs-of-saying"])
def test_stem_scan_finds_what_a_full_scan_finds(pattern, stems) -> None:
    text = _all_case_text()
    clause = Clause(Sentence(0, len(text), text), 0, len(text), text, ())
    assert [m.span() for m in clause.scan(pattern, stems)] == [m.span() for m in pattern.finditer(text)]
    words = {w.lower() for m in pattern.finditer(text) for w in re.findall(r"[A-Za-z]+", m.group(0))[:1]}
    assert all(any(w.startswith(s.split()[0]) for s in stems) for w in words)


@pytest.mark.parametrize(("patterns", "words"), [
    ([cue.pattern for cue in BLOCK_CUES], BLOCK_STEMS),
    ([PASSIVE_INFO], PASSIVE_INFO_WORDS),
    ([REVERSE_INFO], REVERSE_INFO_WORDS),
    *[([noun.pattern], INFO_NOUN_WORDS[noun.name]) for noun in INFO_NOUNS],
], ids=["block-cues", "passive", "hears-from", *[noun.name for noun in INFO_NOUNS]])
def test_the_words_a_rule_is_skipped_without_cover_every_match(patterns, words) -> None:
    """A clause lacking all of ``words`` is not scanned for ``patterns`` (speed): every match must hold one."""
    text = _all_case_text()
    for pattern in patterns:
        for match in pattern.finditer(text):
            lower = match.group(0).lower()
            assert any(word in lower for word in words), (pattern.pattern, match.group(0))


def test_two_events_in_different_years_are_two_flows_and_one_year_stated_twice_is_one() -> None:
    text = ("In 2020 the Secretary-General reported to the Security Council on the region. "
            "In 2023 the Secretary-General reported to the Security Council on the war. "
            "In 2023 the Secretary-General also reported to the Security Council on the ceasefire.")
    edges = [e for e in extract_flows(context(text)).edges if e.type == "BRIEFS"]
    assert sorted(e.date for e in edges) == ["2020", "2023"]
    assert sorted(len(e.evidence) for e in edges) == [1, 2]
    again = [e for e in extract_flows(context(text)).edges if e.type == "BRIEFS"]
    assert {e.id for e in again} == {e.id for e in edges}, "a reload gives the same ids"


def test_evidence_carries_the_span_of_the_words_that_state_the_flow() -> None:
    text = ("Reflecting on the year, delegates noted that the High Commissioner for Human Rights briefed the "
            "Security Council.")
    (edge,) = [e for e in extract_flows(context(text)).edges if e.type == "BRIEFS"]
    evidence = edge.evidence[0]
    stated = text[evidence.match_start:evidence.match_end]
    assert stated == "High Commissioner for Human Rights briefed the Security Council"
