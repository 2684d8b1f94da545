"""Map options (from flags, query strings and stories) and the part of the graph they select."""

from __future__ import annotations

import pytest

from prevgraph.errors import MapError, NotFound
from prevgraph.schema import node_id
from prevgraph.visualisations import MapOptions
from prevgraph.visualisations.select import find_focus, select

HC, SC, HRC = "office:high-commissioner-for-human-rights", "body:security-council", "body:human-rights-council"


def test_query_parameters_become_options():
    options = MapOptions.from_params({"focus": "HRC", "status": ["blocked,realised", "PROPOSED"], "hops": 3,
                                      "gaps": True, "since": "2020", "colour": "pillar"})
    assert options == MapOptions(focus="HRC", statuses=("BLOCKED", "REALISED", "PROPOSED"), hops=3, gaps=True,
                                 since="2020", colour_by="pillar")
    assert MapOptions.from_params({"gaps": "false", "hops": "1"}) == MapOptions(hops=1)


@pytest.mark.parametrize(("params", "message"), [
    ({"status": "DONE"}, "status: unknown DONE"),
    ({"kind": "Planet"}, "kind: unknown Planet"),
    ({"since": "2020-31-01"}, "since: '2020-31-01' is not a date"),
    ({"until": "last year"}, "until: 'last year' is not a date"),
    ({"since": "2023", "until": "2020"}, "since 2023 is after until 2020"),
    ({"hops": "two"}, "hops: 'two' is not a whole number"),
    ({"hops": "40"}, "hops: 40 is out of range"),
    ({"gaps": "maybe"}, "gaps: 'maybe' is not true or false"),
    ({"colour": "rainbow"}, "colour: 'rainbow' is not one of location, pillar"),
    ({"zoom": "2"}, "unknown map option zoom"),
])
def test_bad_options_are_one_line_errors_naming_the_option(params, message):
    with pytest.raises(MapError) as caught:
        MapOptions.from_params(params)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_status_filter_keeps_structure_and_drops_what_it_leaves_unconnected(small_graph):
    chosen = select(small_graph, MapOptions(statuses=("BLOCKED",)))
    statuses = {a["status"] for _, _, a in chosen.edges(data=True) if a["status"]}
    assert statuses == {"BLOCKED"}
    assert any(a["type"] == "PART_OF" for _, _, a in chosen.edges(data=True))
    assert "office:secretary-general" in chosen  # still organises the 2023 roundtable
    alone = select(small_graph, MapOptions(statuses=("BLOCKED",), kinds=("Body", "Office")))
    assert "office:secretary-general" not in alone and HC in alone and SC in alone


def test_dates_keep_what_overlaps_the_period_and_undated_facts(small_graph):
    until_2020 = select(small_graph, MapOptions(until="2020"))
    dates = {a["date"] for _, _, a in until_2020.edges(data=True)}
    assert dates == {None, "2020", "2020-10-07"}
    assert node_id("Meeting", "Transatlantic roundtable") not in until_2020
    assert node_id("Meeting", "HRC-SC policy dialogue") in until_2020
    since_2023 = select(small_graph, MapOptions(since="2023-01"))
    assert {a["date"] for _, _, a in since_2023.edges(data=True)} == {None, "2023", "2023-02-15"}
    assert node_id("Resolution", "A/HRC/RES/45/31") not in since_2023  # dated 2020


def test_focus_keeps_the_neighbourhood_within_the_hops(small_graph):
    one = select(small_graph, MapOptions(hops=1), focus=SC)
    assert set(one) == {SC, HC, HRC, "office:secretary-general", "body:ohchr-country-office"}
    two = select(small_graph, MapOptions(hops=2), focus=SC)
    assert "state:freedonia" in two and "body:office-of-the-high-commissioner-for-human-rights" in two
    with pytest.raises(MapError, match="focus: body:security-council is not on the map"):
        select(small_graph, MapOptions(kinds=("Office",)), focus=SC)


def test_loose_documents_are_left_to_the_tooltips(small_graph):
    chosen = select(small_graph, MapOptions())
    assert node_id("Document", "Roundtable report") not in chosen
    assert node_id("Document", "Concept note of the policy dialogue") in chosen  # part of a meeting


def test_a_graph_alone_finds_its_focus_by_id_name_or_alias(small_graph):
    assert find_focus(small_graph, "unhrc") == HRC
    assert find_focus(small_graph, "Human  Rights Council") == HRC
    assert find_focus(small_graph, SC) == SC
    with pytest.raises(NotFound, match="no node in the map is named 'HRCX'"):
        find_focus(small_graph, "HRCX")
