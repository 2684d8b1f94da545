"""The author a document's heading names, and the first person that stands for it in the text."""

from __future__ import annotations

import pytest

from prevgraph.loaders.authors import RULE_FIRST_PERSON, document_authors, first_person
from prevgraph.loaders.pipeline import build, recognise, text_document


def _authors(text: str) -> list[str]:
    return [m.node_id for m in document_authors(recognise(text_document(text, "doc.txt")).findings)]


@pytest.mark.parametrize(("heading", "authors"), [
    ("Report of the Secretary-General", ["office:secretary-general"]),
    ("Prevention and peace\nReport of the Secretary-General\nA/80/100", ["office:secretary-general"]),
    ("Annual report of the United Nations High Commissioner for Human Rights",
     ["office:high-commissioner-for-human-rights"]),
    ("Letter dated 3 March 2025 from the Permanent Representatives of Ghana and Peru to the United Nations "
     "addressed to the President of the Security Council", ["state:ghana", "state:peru"]),
    ("Statement by the representative of Brazil", ["state:brazil"]),
    ("Summary of discussions", []),
    ("Briefings are expected from the Secretary-General.", []),
    ("Concept note: the Security Council and early warning", []),
])
def test_the_heading_names_the_authors(heading: str, authors: list[str]) -> None:
    assert _authors(f"{heading}\n\nThe meeting was held in Geneva last week.") == authors


def test_i_stands_for_one_author_and_we_for_states_only() -> None:
    text = ("Report of the Secretary-General\n\n"
            "Annex I lists the cases. I encourage the Council to act. We must do better.")
    rec = recognise(text_document(text, "doc.txt"))
    found = first_person(rec.findings.text, document_authors(rec.findings))
    assert [(m.surface, m.node_id, m.rule) for m in found] == [("I", "office:secretary-general", RULE_FIRST_PERSON)]


def test_a_letter_of_two_states_is_read_as_both_of_theirs() -> None:
    text = ("Letter dated 3 March 2025 from the Permanent Representatives of Ghana and Peru to the United Nations "
            "addressed to the President of the Security Council\n\n"
            "We have the honour to transmit the summary of our meeting to the Peacebuilding Commission.")
    edges = {(e.source, e.target, e.status) for e in build(text_document(text, "letter.txt")).batch.edges
             if e.type == "BRIEFS"}
    for state in ("state:ghana", "state:peru"):
        assert (state, "office:president-of-the-security-council", "REALISED") in edges
        assert (state, "body:peacebuilding-commission", "REALISED") in edges


def test_without_an_author_the_first_person_is_nobody() -> None:
    text = "Notes of the meeting\n\nI encourage the Peacebuilding Commission to brief the Security Council."
    edges = build(text_document(text, "notes.txt")).batch.edges
    assert all(e.source != "office:secretary-general" for e in edges)


@pytest.mark.parametrize("heading", [
    "Summary of a side event on early warning\n\nGeneva, 3 March 2025\n\nOrganised by the Permanent Missions of "
    "Ghana and Peru",
    "# Concept Note\n\n## Early warning in practice\n\n**Co-organisers:** Permanent Mission of Ghana and "
    "Permanent Mission of Peru",
])
def test_the_organisers_stand_for_the_organisers_the_heading_names(heading: str) -> None:
    text = f"{heading}\n\nThe organisers will share the summary with the Peacebuilding Commission."
    built = build(text_document(text, "event.md"))
    organised = {e.target for e in built.batch.edges if e.type == "ORGANISED_BY"}
    briefs = {(e.source, e.target, e.status) for e in built.batch.edges if e.type == "BRIEFS"}
    assert {o.rsplit("-", 1)[-1].split(":")[-1] for o in organised} == {"ghana", "peru"}
    for state in organised:
        assert (state, "body:peacebuilding-commission", "PROPOSED") in briefs


def test_without_organisers_the_organisers_are_nobody() -> None:
    text = "Notes\n\nThe organisers will share the summary with the Peacebuilding Commission."
    assert not [e for e in build(text_document(text, "notes.txt")).batch.edges if e.type == "BRIEFS"]
