"""Lists of States and the States that support an initiative, with the stated count checked."""

from __future__ import annotations

import pytest

from prevgraph.loaders.pipeline import build, text_document

APPEAL = ("The Call to Action for Human Rights, which was supported by 5 States\u00b3, is a milestone.\n\n"
          "\u00b3 Chile, Ghana, Ireland, Portugal and the Republic of Korea.")


def supports(text: str):
    result = build(text_document(text))
    return result, {(e.source, e.target) for e in result.batch.edges if e.type == "SUPPORTS"}


def test_footnoted_list_of_supporters() -> None:
    result, edges = supports(APPEAL)
    assert {s for s, _t in edges} == {"state:chile", "state:ghana", "state:ireland", "state:portugal",
                                      "state:republic-of-korea"}
    assert {t for _s, t in edges} == {"initiative:call-to-action-for-human-rights"}
    assert result.warnings == ()


def test_a_count_that_does_not_match_the_list_is_a_warning() -> None:
    result, edges = supports(APPEAL.replace("5 States", "6 States"))
    assert len(edges) == 5
    assert any("6" in w and "5" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "stated", "listed"), [
    (APPEAL, 5, 5),
    (APPEAL.replace("5 States", "6 States"), 6, 5),
    ("The 13 June Appeal has been endorsed by 4 member States: Albania, Costa Rica, Switzerland and Timor-Leste.",
     4, 4),
    ("To date the Call to Action for Human Rights has been supported by twelve States.", 12, None),
    ("Some 40 countries have co-sponsored the 13 June Appeal since its launch.", 40, None),
])
def test_the_initiative_carries_the_count_stated_and_the_count_listed(text: str, stated: int,
                                                                      listed: int | None) -> None:
    result, _edges = supports(text)
    (initiative,) = [n for n in result.batch.nodes if n.kind == "Initiative"]
    assert initiative.props["supporters_stated"] == stated
    assert initiative.props.get("supporters_listed") == listed


@pytest.mark.parametrize("text", [
    "The 13 June Appeal was endorsed by Albania, Costa Rica, Switzerland and Timor-Leste in 2016.",
    "The Call to Action for Human Rights was discussed by 12 experts at the meeting.",
])
def test_no_stated_count_without_a_count_of_supporting_states(text: str) -> None:
    result, _edges = supports(text)
    (initiative,) = [n for n in result.batch.nodes if n.kind == "Initiative"]
    assert "supporters_stated" not in initiative.props


def test_inline_list_with_a_support_verb() -> None:
    text = "The 13 June Appeal was endorsed by Albania, Costa Rica, Switzerland and Timor-Leste in 2016."
    _result, edges = supports(text)
    assert len(edges) == 4 and {t for _s, t in edges} == {"initiative:13th-june-appeal"}


def test_an_unknown_item_in_a_list_is_reported() -> None:
    text = "The appeal was supported by Albania, Atlantis, Costa Rica and Switzerland. It is the 13 June Appeal."
    result, _edges = supports("The 13 June Appeal matters. " + text)
    assert any("Atlantis" in w for w in result.warnings)


def test_former_names_resolve_to_their_own_entry() -> None:
    _result, edges = supports("The Appeal of 13 June was supported by Austria, Swaziland, "
                              "the former Yugoslav Republic of Macedonia and Peru.")
    assert {"state:swaziland", "state:the-former-yugoslav-republic-of-macedonia"} <= {s for s, _t in edges}


def test_a_list_without_support_gives_no_edges() -> None:
    _result, edges = supports("Delegations from Brazil, India and South Africa attended the Call to Action launch.")
    assert edges == set()
