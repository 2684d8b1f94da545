"""Participants by affiliation only: who attended, whom they represent, and never a person's name."""

from __future__ import annotations

import pytest

from prevgraph.loaders.pipeline import build, text_document

HEAD = ("MEETING REPORT\n\nReport of the expert consultation on prevention\n\n3 MARCH 2022\n\n"
        "The consultation was held under the Chatham House rule.\n\n")


def participants(body: str) -> dict[str, tuple[str, set[str]]]:
    result = build(text_document(HEAD + body))
    edges = [(e.source, e.type, e.target) for e in result.batch.edges]
    out = {}
    for node in result.batch.nodes:
        if node.kind == "Participant":
            represents = {t for s, ty, t in edges if s == node.id and ty == "REPRESENTS"}
            assert (node.id, "ATTENDED", result.context.meeting) in edges
            out[node.name] = (node.props["affiliation"], represents)
    return out


@pytest.mark.parametrize(("sentence", "name", "represents"), [
    ("A representative of OHCHR's Emergency Response Section noted that resources were lacking.",
     "Representative of Emergency Response Section", "body:emergency-response-section"),
    ("A representative from the Permanent Mission of Ghana stressed national ownership.",
     "Representative of Permanent Mission of Ghana", "organization:permanent-mission-of-ghana"),
    ("Another delegate from Amnesty International called for accountability.",
     "Representative of Amnesty International", "organization:amnesty-international"),
    ("A senior official of the Department of Political and Peacebuilding Affairs described the RMR.",
     "Representative of Department of Political and Peacebuilding Affairs",
     "body:department-of-political-and-peacebuilding-affairs"),
    ("A representative of Costa Rica and a lead negotiator on resolution 48/13 said the text was a compromise.",
     "Representative of Costa Rica (lead negotiator on resolution 48/13)", "state:costa-rica"),
    ("Keynote remarks by the former President of the General Assembly opened the day.",
     "Former President of the General Assembly", "office:president-of-the-general-assembly"),
    ("The former Chair of the Peacebuilding Commission agreed, but warned that consensus would be hard.",
     "Former Chair of the Peacebuilding Commission", "office:chair-of-the-peacebuilding-commission"),
])
def test_participants_by_affiliation(sentence: str, name: str, represents: str) -> None:
    found = participants(sentence)
    assert name in found and found[name][1] == {represents}


def test_the_representative_is_the_one_introduced_before() -> None:
    found = participants("A representative of Mexico and a co-facilitator of the review opened the debate. "
                         "The representative of Mexico later replied to questions.")
    assert list(found) == ["Representative of Mexico (co-facilitator of the review)"]


@pytest.mark.parametrize("sentence", [
    "The report of the Human Rights Council was presented in New York.",
    "Representatives of States were invited to comment in writing.",
    "The failure of having a former High Commissioner speak to the Security Council was noted by many.",
])
def test_not_participants(sentence: str) -> None:
    assert participants(sentence) == {}


def test_participants_need_a_meeting() -> None:
    result = build(text_document("A representative of the Permanent Mission of Ghana stressed national ownership."))
    assert not [n for n in result.batch.nodes if n.kind == "Participant"]


def test_no_person_is_ever_a_node() -> None:
    body = ("Ms. Jane Doe, a representative of the International Peace Institute, noted the gap. "
            "Ambassador John Smith of the Permanent Mission of Ireland agreed.")
    result = build(text_document(HEAD + body))
    for node in result.batch.nodes:
        assert "Doe" not in node.name and "Smith" not in node.name
        assert not any("Doe" in str(v) or "Smith" in str(v) for k, v in node.props.items() if k != "text")
