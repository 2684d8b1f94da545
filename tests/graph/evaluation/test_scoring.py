"""Scoring a store against gold annotations, on both stores, with a store whose right answers are known."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prevgraph.graph.evaluation import (
    MISSED,
    NOT_IN_GOLD,
    ExpectedFlow,
    FlowScore,
    FoundFlow,
    GoldDocument,
    Tally,
    evaluate,
    match_flows,
    name_key,
    paragraph_key,
)
from prevgraph.graph.store import GraphStore

from .conftest import note_gold


@pytest.mark.parametrize(("a", "b"), [
    ("the Human Rights Council", "human rights council"),
    ("Peacebuilding  Commission.", "peacebuilding commission"),
    ("Secretary\u2013General", "secretary-general"),
    ("An Independent Expert", "independent expert"),
    ("Council\u2019s Bureau", "council's bureau"),
])
def test_name_key_ignores_case_spacing_articles_and_dashes(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Human Rights Council", "Human Rights Committee"),
                                      ("theatre group", "atre group")])
def test_name_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def _score(store: GraphStore, gold: dict | None = None):
    return evaluate(store, [GoldDocument.model_validate(gold or note_gold())])


def test_entities_are_found_only_among_the_nodes_of_their_document(loaded: GraphStore) -> None:
    evaluation = _score(loaded)
    assert evaluation.documents == ["note.txt"]
    assert {k: (v.gold, v.found) for k, v in evaluation.entities.items()} == {
        "Body": (3, 2), "Office": (2, 2), "Resolution": (1, 1)}
    # the Peacebuilding Commission is in the store, but only from the other document
    assert [m.what for m in evaluation.missed_entities] == ["Body 'Peacebuilding Commission'"]


def test_flows_by_type_and_ends_and_with_status(loaded: GraphStore) -> None:
    flows = _score(loaded).flows
    # 4 distinct gold flows (the briefing told twice is one); 4 flows in the note, 3 joining the right ends
    assert (flows.endpoints.tp, flows.endpoints.fp, flows.endpoints.fn) == (3, 1, 1)
    assert flows.endpoints.f1 == pytest.approx(0.75)
    assert (flows.with_status.tp, flows.with_status.fp, flows.with_status.fn) == (2, 2, 2)
    assert flows.with_status.recall == pytest.approx(0.5)
    assert (flows.by_type["BRIEFS"].tp, flows.by_type["BRIEFS"].fp, flows.by_type["BRIEFS"].fn) == (2, 1, 0)
    assert (flows.by_type["BLOCKS"].tp, flows.by_type["BLOCKS"].fn) == (0, 1)
    assert flows.years_given == 1 and flows.years_agreeing == 1


def test_an_office_stands_for_its_body_and_a_paragraph_for_its_resolution(loaded: GraphStore) -> None:
    matched = {m.what for m in _score(loaded).missed_flows}
    assert not any("REQUESTS" in what or "Security Council" in what.split("->")[-1] for what in matched)


def test_status_confusion_counts_every_gold_flow_and_every_false_one(loaded: GraphStore) -> None:
    matrix = _score(loaded).flows.confusion_matrix()
    assert matrix["REALISED"]["REALISED"] == 1
    assert matrix["MANDATED"]["MANDATED"] == 1
    assert matrix["REALISED"]["PROPOSED"] == 1
    assert matrix["BLOCKED"][MISSED] == 1
    assert matrix[NOT_IN_GOLD]["REALISED"] == 1
    assert sum(sum(row.values()) for row in matrix.values()) == 5
    assert MISSED not in matrix[NOT_IN_GOLD]


def test_misses_and_false_flows_carry_their_quotes(loaded: GraphStore) -> None:
    evaluation = _score(loaded)
    assert [m.quote for m in evaluation.missed_flows] == [
        "Members of the Council stopped the High Commissioner from speaking."]
    assert [m.quote for m in evaluation.wrong_status] == ["The High Commissioner updated the Council orally."]
    assert "found PROPOSED" in evaluation.wrong_status[0].what
    assert [(m.what, m.quote) for m in evaluation.false_flows] == [
        ("Security Council -BRIEFS REALISED-> High Commissioner for Human Rights",
         "The Council heard about the High Commissioner's travels.")]


def test_structural_facts_linked_with_a_missing_link_either_way(loaded: GraphStore) -> None:
    evaluation = _score(loaded)
    assert {k: (v.gold, v.found) for k, v in evaluation.structure.items()} == {
        "ADOPTED_BY": (1, 1), "NO_LINK": (1, 1), "PART_OF": (1, 0)}
    assert [m.quote for m in evaluation.missed_structure] == ["A claim the store does not hold."]


def test_a_document_not_in_the_store_is_listed_not_scored(loaded: GraphStore) -> None:
    absent = {**note_gold(), "document": "folder/never-loaded.txt"}
    evaluation = evaluate(loaded, [GoldDocument.model_validate(absent), GoldDocument.model_validate(note_gold())])
    assert evaluation.not_loaded == ["never-loaded.txt"]
    assert evaluation.documents == ["note.txt"]
    assert evaluation.entity_total.gold == 6


def test_the_json_has_the_documented_keys(loaded: GraphStore) -> None:
    data = _score(loaded).as_json()
    assert {"precision", "recall", "f1", "status_recall", "by_type", "with_status"} <= set(data["flows"])
    assert data["flows"]["f1"] == 0.75 and data["flows"]["status_recall"] == 0.5
    assert data["entities"]["recall"] == round(5 / 6, 4)
    assert data["entities"]["by_kind"]["Body"] == {"gold": 3, "found": 2, "recall": round(2 / 3, 4)}
    assert data["status_confusion"]["BLOCKED"][MISSED] == 1
    assert data["structure"]["linked"] == 2


def test_an_empty_store_finds_nothing(store: GraphStore) -> None:
    evaluation = _score(store)
    assert evaluation.documents == [] and evaluation.not_loaded == ["note.txt"]


def test_tally_of_nothing_is_zero_not_an_error() -> None:
    assert (Tally().precision, Tally().recall, Tally().f1) == (0.0, 0.0, 0.0)


flow = st.tuples(st.sampled_from("abc"), st.sampled_from(["BRIEFS", "REQUESTS"]), st.sampled_from("abc"),
                 st.sampled_from(["REALISED", "PROPOSED"]))


def _expected(f: tuple[str, str, str, str]) -> ExpectedFlow:
    return ExpectedFlow(frozenset({f[0]}), f[1], frozenset({f[2]}), f[3])


def _found(f: tuple[str, str, str, str]) -> FoundFlow:
    return FoundFlow(frozenset({f[0]}), f[1], frozenset({f[2]}), f[3])


@given(st.lists(flow, max_size=8), st.lists(flow, max_size=8))
def test_matching_is_one_to_one_and_accounts_for_every_flow(gold: list, found: list) -> None:
    match = match_flows([_expected(f) for f in gold], [_found(f) for f in found])
    assert len(match.pairs) + len(match.missed) == len(gold)
    assert len(match.pairs) + len(match.false) == len(found)
    assert all(g.type == f.type and g.subjects & f.sources and g.objects & f.targets for g, f in match.pairs)
    score = FlowScore()
    score.add(match)
    assert score.with_status.tp <= score.endpoints.tp


@given(st.lists(flow, max_size=8))
def test_the_gold_itself_scores_perfectly(gold: list) -> None:
    score = FlowScore()
    score.add(match_flows([_expected(f) for f in gold], [_found(f) for f in gold]))
    assert score.endpoints.fp == score.endpoints.fn == score.with_status.fn == 0


def test_an_exact_pairing_is_preferred_to_a_wrong_status_one() -> None:
    gold = [_expected(("a", "BRIEFS", "b", "PROPOSED")), _expected(("a", "BRIEFS", "b", "REALISED"))]
    found = [_found(("a", "BRIEFS", "b", "REALISED"))]
    match = match_flows(gold, found)
    assert [g.status for g, _ in match.pairs] == ["REALISED"]


def test_a_gold_flow_without_status_is_scored_on_its_ends_only() -> None:
    gold = [ExpectedFlow(frozenset("r"), "REQUESTS", frozenset("o"), None),
            ExpectedFlow(frozenset("r"), "INVITES", frozenset("o"), None)]
    score = FlowScore()
    score.add(match_flows(gold, [_found(("r", "REQUESTS", "o", "MANDATED"))]))
    assert (score.endpoints.tp, score.endpoints.fn) == (1, 1)
    assert (score.with_status.tp, score.with_status.fn, score.with_status.fp) == (0, 0, 0)
    assert all(sum(row.values()) == 0 for row in score.confusion_matrix().values())


@pytest.mark.parametrize(("gold", "node"), [("2.", "A/HRC/RES/53/14, paragraph 2"),
                                              ("paragraph 5 (f)", "A/RES/60/251, paragraph 5(f)"),
                                              ("op 3", "S/RES/2282, paragraph 3")])
def test_an_annotator_names_a_paragraph_by_its_number(gold: str, node: str) -> None:
    assert paragraph_key(gold, gold=True) == paragraph_key(node, gold=False) is not None


def test_a_paragraph_number_is_not_read_from_running_text() -> None:
    assert paragraph_key("the 2 resolutions", gold=True) is None
