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


@pytest.mark.parametrize(("sentence", "symbols"), [
    # a date after a number is the date of adoption, never a Security Council resolution numbered by its year
    ("Recalling General Assembly resolution 48/141 of 20 December 1993, the Office was created.", {"A/RES/48/141"}),
    ("It recalls resolutions 60/251 of 15 March 2006 and 65/281 of 17 June 2011.", {"A/RES/60/251", "A/RES/65/281"}),
    ("Council resolutions 5/1 and 5/2 of 18 June 2007 built the institutions.", {"A/HRC/RES/5/1", "A/HRC/RES/5/2"}),
    ("Recalling its resolutions 51/226 of 3 April 1997 and 49/222 A and B of 23 December 1994 and 20 July 1995, "
     "and 52/12 of 12 November 1997,", {"A/RES/51/226", "A/RES/49/222", "A/RES/52/12"}),
    ("Recalling resolution 1514 (XV) of 14 December 1960 on independence,", {"A/RES/1514 (XV)"}),
    ("The Assembly and the Council adopted identical resolutions 65/7 and 1947 (2010) respectively.",
     {"A/RES/65/7", "S/RES/1947 (2010)"}),
    ("Commission on Human Rights resolution 2004/76 asked for a study.", {"E/CN.4/RES/2004/76"}),
    ("Economic and Social Council resolution 1996/31 of 25 July 1996 governs consultative status.",
     {"E/RES/1996/31"}),
    ("The text builds on E/CN.4/RES/2003/8.", {"E/CN.4/RES/2003/8"}),
    ("HRC res. 45/31 asked for a report.", {"A/HRC/RES/45/31"}),
    ("Advocates cite UNSCR 1325 and UNSCR 2250 on youth.", {"S/RES/1325 (2000)", "S/RES/2250 (2015)"}),
])
def test_citation_forms_with_dates_parts_and_older_numbering(sentence: str, symbols: set[str]) -> None:
    assert set(resolutions(sentence)) == symbols


def test_a_year_never_becomes_a_resolution() -> None:
    text = ("The Office was set up under resolution 48/141 of 20 December 1993, and the Council by 60/251 of "
            "15 March 2006; its resolutions 5/1 and 5/2 of 18 June 2007 followed.")
    assert not [s for s in resolutions(text) if s.startswith("S/RES/")]


@pytest.mark.parametrize(("sentence", "symbol", "body", "instrument"), [
    ("By its decision 62/503 the Assembly deferred the item.", "A/DEC/62/503", "General Assembly", "decision"),
    ("The Human Rights Council, in decision 2/112 of 27 November 2006, postponed the debate.", "A/HRC/DEC/2/112",
     "Human Rights Council", "decision"),
    ("The members recalled S/PRST/2001/10 on the prevention of armed conflict.", "S/PRST/2001/10",
     "Security Council", "presidential statement"),
    ("The Council recalls the statement of its President (PRST/2009/8).", "S/PRST/2009/8", "Security Council",
     "presidential statement"),
    ("The Council recalled its presidential statement of 20 July 2000 on prevention.",
     "Security Council presidential statement of 20 July 2000", "Security Council", "presidential statement"),
    ("The President's statement A/HRC/PRST/8/1 sets out the modalities.", "A/HRC/PRST/8/1", "Human Rights Council",
     "president's statement"),
])
def test_decisions_and_presidential_statements_are_texts_of_their_body(sentence: str, symbol: str, body: str,
                                                                       instrument: str) -> None:
    found = resolutions(sentence)
    assert symbol in found
    assert found[symbol].props["instrument"] == instrument and found[symbol].props["body"] == body
    assert (res(symbol), "ADOPTED_BY", node_id("Body", body)) in edges(sentence)


def test_a_presidential_statement_cited_by_date_keeps_the_date() -> None:
    found = resolutions("Recalling the presidential statement of 20 July 2000, the Council acted.")
    assert found["Security Council presidential statement of 20 July 2000"].props["date"] == "2000-07-20"


@pytest.mark.parametrize("sentence", [
    "The decision was taken on 12 May 2020.",
    "The statement of 20 July 2000 by the spokesperson was brief.",
    "Her decision 2 of the 3 options stood.",
])
def test_not_decisions_or_statements(sentence: str) -> None:
    assert resolutions(sentence) == {}
