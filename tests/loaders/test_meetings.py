"""Meetings: dates, titles, organisers, size, rule, format, venue, breakout groups, meetings named in passing."""

from __future__ import annotations

import pytest

from prevgraph.loaders.meetings import MeetingIndex, canonical_title, document_genre, parse_dates
from prevgraph.loaders.pipeline import build, recognise, text_document


@pytest.mark.parametrize(("text", "start", "end"), [
    ("On Monday and Tuesday 9 & 10 March 2021, experts met.", "2021-03-09", "2021-03-10"),
    ("Thursday 4 – Saturday 6 June 2015 | Geneva", "2015-06-04", "2015-06-06"),
    ("12 SEPTEMBER 2022", "2022-09-12", "2022-09-12"),
    ("The retreat took place on 28-29 April 2019 in Montreux.", "2019-04-28", "2019-04-29"),
    ("from 30 November to 2 December 2021", "2021-11-30", "2021-12-02"),
    ("held on October 5-6, 2017 in New York", "2017-10-05", "2017-10-06"),
    ("Wednesday, 3 May 2023", "2023-05-03", "2023-05-03"),
])
def test_dates(text: str, start: str, end: str) -> None:
    (span,) = parse_dates(text)
    assert (span.iso_start, span.iso_end) == (start, end)


@pytest.mark.parametrize("text", ["Resolution 45/31 was adopted with 31 votes.", "Room 12 May be closed", "page 2023"])
def test_not_dates(text: str) -> None:
    assert parse_dates(text) == []


@pytest.mark.parametrize(("head", "genre"), [
    ("Concept note\n\nA dialogue on prevention", "concept_note"),
    ("SUMMARY REPORT\n\nExpert workshop on early warning", "meeting_report"),
    ("Background paper\n\nSession 1: early warning", "background_paper"),
    ("The Security Council,\n\nRecalling its previous resolutions,", "resolution"),
    ("PRESS RELEASE\n\nSecretary-General welcomes the adoption", "press_release"),
    ("Mr. President,\n\nI thank the High Commissioner for her briefing.", "statement"),
    ("A long analysis of the Council's work in 2022.", "other"),
])
def test_genres(head: str, genre: str) -> None:
    assert document_genre(head) == genre


def test_the_same_meeting_is_named_the_same_in_two_documents() -> None:
    assert canonical_title("Expert Roundtable on ‘Early warning in the Sahel’") == canonical_title(
        "'Early Warning in the Sahel'")


EVENT_PAGE = """Expert Roundtable on ‘Early warning and the Geneva–New York divide’

On Thursday 4 and Friday 5 March 2021, the Permanent Mission of Norway in Geneva, together with the \
Quaker United Nations Office, hosted a virtual roundtable to discuss ‘Early warning and the Geneva–New York divide’.

The roundtable brought together some 40 diplomats and experts from missions, the UN Secretariat and civil society. \
It was held under the Chatham House rule.

Participants were divided into two parallel breakout groups. The meeting was held with the support of the \
Kofi Annan Foundation.

Share this event
"""

CONCEPT_NOTE = """Concept note

This expert roundtable, co-hosted by the Permanent Mission of Norway and the Quaker United Nations Office, \
will convene up to 40 participants under the Chatham House rule.

Breakout group 1: ‘Early warning in the field’

Breakout group 2: ‘Briefing the Security Council’
"""

BACKGROUND_PAPER = """Expert Roundtable

‘Early warning and the Geneva–New York divide’

Background paper for breakout group 2: ‘Briefing the Security Council’

Since early warning rarely reaches New York in time, this paper asks how OHCHR can brief the Council.
"""


def _meeting(result):
    return next(n for n in result.batch.nodes if n.id == result.context.meeting)


def test_event_page_meeting() -> None:
    result = build(text_document(EVENT_PAGE, "event"))
    meeting = _meeting(result)
    assert meeting.props["start_date"] == "2021-03-04" and meeting.props["end_date"] == "2021-03-05"
    assert meeting.props["participants"] == 40 and meeting.props["participants_qualifier"] == "some"
    assert meeting.props["rule"] == "Chatham House rule" and meeting.props["format"] == "virtual"
    assert meeting.props["breakout_groups"] == 2 and meeting.props["type"] == "roundtable"
    assert result.context.non_attribution and result.context.genre == "event_page"
    roles = {e.target: e.props["role"] for e in result.batch.edges if e.type == "ORGANISED_BY"}
    assert roles == {"organization:permanent-mission-of-norway": "host",
                     "organization:quaker-united-nations-office": "co-organiser",
                     "organization:kofi-annan-foundation": "support"}
    assert (result.batch.document.id, "PART_OF", meeting.id) in {(e.source, e.type, e.target)
                                                                  for e in result.batch.edges}


def test_an_untitled_document_read_first_gets_a_provisional_meeting_that_the_titled_one_absorbs() -> None:
    """No store: the concept note gives no title, so its meeting is provisional until the event page (title,
    dates, organisers) claims it; the loader then re-links the note
    (tests/loaders/test_acceptance_corpus_entities.py)."""
    index = MeetingIndex()
    note = build(text_document(CONCEPT_NOTE, "note"), index).context.meeting
    event = recognise(text_document(EVENT_PAGE, "event"))
    claim = index.claim(event.facts)
    assert note is not None and claim.meeting != note and claim.absorbs == (note,)
    paper = build(text_document(BACKGROUND_PAPER, "paper"), index).context.meeting
    again = build(text_document(CONCEPT_NOTE, "note"), index)
    assert paper == again.context.meeting == claim.meeting
    (meeting,) = [n for n in again.batch.nodes if n.kind == "Meeting" and n.id == claim.meeting]
    assert meeting.name == event.facts.title, "an untitled document names a titled meeting by its title"


def test_documents_of_one_meeting_meet_in_the_other_order() -> None:
    index = MeetingIndex()
    ids = []
    for name, text in (("paper", BACKGROUND_PAPER), ("event", EVENT_PAGE), ("note", CONCEPT_NOTE)):
        ids.append(build(text_document(text, name), index).context.meeting)
    assert len(set(ids)) == 1


def test_breakout_groups_with_themes() -> None:
    result = build(text_document(CONCEPT_NOTE))
    groups = {n.props["number"]: n for n in result.batch.nodes if n.kind == "BreakoutGroup"}
    assert groups["2"].props["theme"] == "Briefing the Security Council"
    assert all((g.id, "PART_OF", result.context.meeting) in {(e.source, e.type, e.target) for e in result.batch.edges}
               for g in groups.values())


def test_title_from_a_report_heading() -> None:
    text = ("WORKSHOP REPORT\n\nReport of the expert workshop on atrocity prevention\n\n14 JUNE 2022\n\n"
            "Global Centre for the Responsibility to Protect and Stimson Center.\n\n"
            "A representative of the Global Centre for the Responsibility to Protect opened the workshop.")
    result = build(text_document(text))
    meeting = _meeting(result)
    assert meeting.name == "expert workshop on atrocity prevention" and meeting.props["start_date"] == "2022-06-14"
    assert {e.target for e in result.batch.edges if e.type == "ORGANISED_BY"} == {
        "organization:global-centre-for-the-responsibility-to-protect", "organization:stimson-center"}


def test_venue_and_code_from_the_heading() -> None:
    text = ("Concept Note\n\nMediation and human rights\n\nMonday 2 – Wednesday 4 May 2022 | WP2040\n\n"
            "Wiston House\n\nThis Wilton Park dialogue will convene around 50 people.")
    meeting = _meeting(build(text_document(text)))
    assert meeting.props["venue"] == "Wiston House" and meeting.props["code"] == "WP2040"
    assert meeting.props["participants"] == 50


def test_documents_that_are_not_about_a_meeting_have_none() -> None:
    result = build(text_document("The Security Council adopted resolution 2417 (2018) on conflict and hunger."))
    assert result.context.meeting is None and not [n for n in result.batch.nodes if n.kind == "Meeting"]


@pytest.mark.parametrize(("text", "name"), [
    ("At the 52nd session of the Human Rights Council, States debated the report.",
     "Human Rights Council, 52nd session"),
    ("The resolution was adopted at the HRC's 45th session.", "Human Rights Council, 45th session"),
    ("It was raised again at the Glion Human Rights Dialogue in May.", "Glion Human Rights Dialogue"),
    ("Ministers met at the Paris Peace Forum.", "Paris Peace Forum"),
])
def test_meetings_named_in_passing(text: str, name: str) -> None:
    assert name in {n.name for n in build(text_document(text)).batch.nodes if n.kind == "Meeting"}


def _meetings(text: str) -> dict[str, object]:
    return {n.name: n for n in build(text_document(text)).batch.nodes if n.kind == "Meeting"}


@pytest.mark.parametrize(("text", "name", "props"), [
    ("The General Assembly opened the general debate of the sixty-second session.",
     "General Assembly, 62nd session", {"session": 62, "type": "session"}),
    ("Delegates at the 43rd session of the Human Rights Council heard the update.",
     "Human Rights Council, 43rd session", {"session": 43}),
    ("The Peacebuilding Commission adopted the report on its tenth session.", "Peacebuilding Commission, 10th session",
     {"body": "Peacebuilding Commission"}),
    ("This note covers the fourteenth session of the Commission, as the Peacebuilding Commission asked.",
     "Peacebuilding Commission, 14th session", {"session": 14}),
    ("The Commission on Human Rights closed its sixty-first session in April.",
     "Commission on Human Rights, 61st session", {"session": 61}),
    ("The Human Rights Council met for its 29th special session on the crisis.",
     "Human Rights Council, 29th special session", {"type": "special session"}),
    ("The Security Council, at its 7680th meeting, adopted the text.", "Security Council, 7680th meeting",
     {"meeting_number": 7680, "body": "Security Council"}),
    ("At its 3rd meeting, the Peacebuilding Commission elected its Vice-Chairs.",
     "Peacebuilding Commission, 3rd meeting", {"meeting_number": 3}),
    ("The text was adopted at the 89th plenary meeting of the General Assembly.",
     "General Assembly, 89th plenary meeting", {"type": "plenary meeting"}),
    ("The press release covers the 9012th meeting, held in the morning.", "Security Council, 9012th meeting", {}),
])
def test_sessions_and_numbered_meetings(text: str, name: str, props: dict) -> None:
    meeting = _meetings(text)[name]
    assert {k: meeting.props.get(k) for k in props} == props


@pytest.mark.parametrize("text", [
    "The second session of the workshop looked at data.",
    "Breakout group 2 held its 2nd meeting after lunch.",
    "At the first session, participants introduced themselves.",
    "The Security Council adopted the resolution without a meeting record.",
])
def test_not_sessions_or_meetings_of_a_body(text: str) -> None:
    assert not [n for n in _meetings(text) if "session" in n or "meeting" in n]


@pytest.mark.parametrize(("text", "name"), [
    ("The agenda was not adopted (S/PV.8209), and the briefing did not take place.",
     "Security Council, 8209th meeting"),
    ("Two members then convened an Arria-formula meeting on accountability in the Sahel, held the same day.",
     "Arria-formula meeting on accountability in the Sahel"),
])
def test_records_and_informal_meetings(text: str, name: str) -> None:
    assert name in _meetings(text)
