"""Lists of States and the States that support an initiative, with the stated count checked."""

from __future__ import annotations

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
