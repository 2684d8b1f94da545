"""Resolution citations, paragraph references and the splitting of a resolution text."""

from __future__ import annotations

import pytest

from prevgraph.loaders.pipeline import build, text_document
from prevgraph.schema import node_id


def built(text: str):
    return build(text_document(text))


def resolutions(text: str) -> dict[str, object]:
    return {n.name: n for n in built(text).batch.nodes if n.kind == "Resolution"}


def edges(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.type, e.target) for e in built(text).batch.edges}


def res(symbol: str) -> str:
    return node_id("Resolution", symbol)


@pytest.mark.parametrize(("sentence", "symbols"), [
    ("Recalling its resolution A/HRC/RES/45/31 of 7 October 2020,", {"A/HRC/RES/45/31"}),
    ("See A/RES/60/251, adopted by the Assembly in 2006.", {"A/RES/60/251"}),
    ("Acting under S/RES/2282 (2016), members renewed the commitment.", {"S/RES/2282 (2016)"}),
    ("The Council took note of E/RES/2020/12.", {"E/RES/2020/12"}),
    ("In its resolution 48/2 the Human Rights Council extended the mandate.", {"A/HRC/RES/48/2"}),
    ("The General Assembly, in resolution 75/277, reaffirmed the principle.", {"A/RES/75/277"}),
    ("HRC resolution 47/21 was adopted by consensus.", {"A/HRC/RES/47/21"}),
    ("GA resolution 70/262 sets out the approach.", {"A/RES/70/262"}),
    ("Security Council resolution 1325 (2000) remains the cornerstone.", {"S/RES/1325 (2000)"}),
    ("Implementing resolution 2417 (2018) on conflict and hunger is urgent.", {"S/RES/2417 (2018)"}),
    ("Human Rights Council resolutions 5/1 and 5/2 set out the institution-building package.",
     {"A/HRC/RES/5/1", "A/HRC/RES/5/2"}),
    ("The Council's landmark resolutions (38/18 and 45/31) guide its work.", {"A/HRC/RES/38/18", "A/HRC/RES/45/31"}),
    ("Building on the twin resolutions on sustaining peace, members agreed.", {"A/RES/70/262", "S/RES/2282 (2016)"}),
])
def test_citation_forms(sentence: str, symbols: set[str]) -> None:
    assert set(resolutions(sentence)) == symbols


@pytest.mark.parametrize("sentence", [
    "See the report of the Secretary-General, A/73/890-S/2019/448, for details.",
    "The vote was 45 to 31 in favour.",
    "Document A/HRC/52/23 contains the annual report.",
])
def test_not_resolutions(sentence: str) -> None:
    assert resolutions(sentence) == {}


@pytest.mark.parametrize(("text", "body"), [
    ("The Security Council held its debate. The Council recalled its resolution 2171 (2014).", "body:security-council"),
    ("Human Rights Council resolution 45/31 was adopted without a vote.", "body:human-rights-council"),
    ("GA resolution 60/251 created the Council.", "body:general-assembly"),
])
def test_adopting_body(text: str, body: str) -> None:
    adopted = [e for e in edges(text) if e[1] == "ADOPTED_BY"]
    assert adopted and all(target == body for _s, _t, target in adopted)


def test_council_resolutions_take_the_council_of_the_context() -> None:
    text = "The Human Rights Council met in Geneva. Council resolutions 5/1 and 5/2 set out its working methods."
    assert set(resolutions(text)) == {"A/HRC/RES/5/1", "A/HRC/RES/5/2"}


def test_reference_resolution_carries_its_date_and_title() -> None:
    node = resolutions("As called for in resolution 45/31, the High Commissioner reported.")["A/HRC/RES/45/31"]
    assert node.props["date"] == "2020-10-07" and node.props["body"] == "Human Rights Council" and node.reviewed


def test_document_cites_what_it_names() -> None:
    document = built("The text builds on resolution 45/31.").batch.document.id
    assert (document, "CITES", res("A/HRC/RES/45/31")) in edges("The text builds on resolution 45/31.")


@pytest.mark.parametrize(("text", "numbers", "symbol"), [
    ("Paragraph 5f of GA resolution 60/251 gives the Council a prevention mandate.", ["5(f)"], "A/RES/60/251"),
    ("Under resolution 60/251, paragraph 5 (f), the Council shall work towards prevention.", ["5(f)"], "A/RES/60/251"),
    ("Resolution 45/31 (OP5(f)) is explicit.", ["5(f)"], "A/HRC/RES/45/31"),
    ("Delegations discussed paragraphs 8 and 9 of resolution 45/31.", ["8", "9"], "A/HRC/RES/45/31"),
    ("States should implement paragraphs 5, 6 and 7 of resolution 45/31.", ["5", "6", "7"], "A/HRC/RES/45/31"),
    ("Resolution 2282 (2016) is clear. Its operative paragraph 3 calls for coherence.", ["3"], "S/RES/2282 (2016)"),
    ("Recalling resolution 45/31, the note examines paragraphs 10 to 12.", ["10", "11", "12"], "A/HRC/RES/45/31"),
])
def test_paragraph_references(text: str, numbers: list[str], symbol: str) -> None:
    batch = built(text).batch
    paragraphs = {n.props["number"]: n for n in batch.nodes if n.kind == "Paragraph"}
    assert sorted(paragraphs) == sorted(numbers)
    found = {(e.source, e.type, e.target) for e in batch.edges}
    for number, node in paragraphs.items():
        assert node.id == node_id("Paragraph", f"{symbol} {number}")
        assert (node.id, "PART_OF", res(symbol)) in found
        assert (batch.document.id, "CITES", node.id) in found


def test_paragraph_with_no_resolution_is_reported_not_invented() -> None:
    result = built("The chair drew attention to paragraph 4 of the draft.")
    assert not [n for n in result.batch.nodes if n.kind == "Paragraph"]
    assert any("paragraph" in s for s in result.skipped)


RESOLUTION_TEXT = """United Nations A/HRC/RES/51/99

Human Rights Council
Fifty-first session

Resolution adopted by the Human Rights Council on 6 October 2022

51/99. Early warning and the prevention of human rights violations

The Human Rights Council,

Guided by the purposes and principles of the Charter of the United Nations,

Recalling General Assembly resolution 60/251 of 15 March 2006,

Deeply concerned that patterns of violations often precede the outbreak of conflict,

1. Decides to hold an annual intersessional meeting on early warning;

2. Welcomes the work of the Office of the United Nations High Commissioner for Human Rights;

3. Requests the High Commissioner:

(a) To strengthen the capacity of the Office to analyse early warning signs;

(b) To brief the Council on situations that may require its urgent attention;

4. Invites the Chair of the Peacebuilding Commission to brief the Council annually;

5. Decides to remain seized of the matter.

41st meeting
6 October 2022
[Adopted without a vote.]
"""


def test_a_resolution_text_is_split_into_its_paragraphs() -> None:
    result = built(RESOLUTION_TEXT)
    ctx = result.context
    assert ctx.genre == "resolution" and ctx.resolution == res("A/HRC/RES/51/99")
    paragraphs = {n.props["number"]: n for n in result.batch.nodes if n.kind == "Paragraph"
                  and n.props["resolution"] == "A/HRC/RES/51/99"}
    assert set(paragraphs) == {"PP1", "PP2", "PP3", "1", "2", "3", "3(a)", "3(b)", "4", "5"}
    assert paragraphs["PP2"].props["type"] == "preambular" and paragraphs["4"].props["type"] == "operative"
    assert paragraphs["3(b)"].props["text"].startswith("(b) To brief the Council")
    start, end = ctx.structure[paragraphs["4"].id]
    assert ctx.text[start:end].startswith("4. Invites the Chair of the Peacebuilding Commission")
    assert (paragraphs["4"].id, "PART_OF", res("A/HRC/RES/51/99")) in {(e.source, e.type, e.target)
                                                                      for e in result.batch.edges}
    assert "A/RES/60/251" in {n.name for n in result.batch.nodes if n.kind == "Resolution"}


def test_a_resolution_text_without_its_number_is_reported() -> None:
    text = "The General Assembly,\n\nRecalling its earlier decisions,\n\n1. Decides to meet again;\n"
    assert any("no symbol" in s for s in built(text).skipped)
