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


@pytest.mark.parametrize("statuses", [("BLOCKED",), ("BLOCKED", "UNREALISED"), ("MANDATED",)])
def test_a_status_filter_hides_what_no_such_flow_touches(small_graph, statuses):
    chosen = select(small_graph, MapOptions(statuses=statuses))
    assert {a["status"] for _, _, a in chosen.edges(data=True) if a["status"]} == set(statuses)
    touched = {n for u, v, a in small_graph.edges(data=True) if a["status"] in statuses for n in (u, v)}
    assert set(chosen) == touched
    assert "office:secretary-general" not in chosen  # organises a meeting, but no such flow touches it


def test_a_status_filter_keeps_the_structure_between_what_it_shows(small_graph):
    chosen = select(small_graph, MapOptions(statuses=("MANDATED",)))
    assert ("paragraph:a-hrc-res-45-31-op5-f", "office:chair-of-the-peacebuilding-commission") in chosen.edges()
    part_of = {(u, v) for u, v, a in chosen.edges(data=True) if a["type"] == "PART_OF"}
    assert part_of == set()  # the resolution and the PBC carry no mandated flow, so their structure goes too


def test_dates_keep_what_overlaps_the_period_and_undated_facts(small_graph):
    until_2020 = select(small_graph, MapOptions(until="2020"))
    dates = {a["date"] for _, _, a in until_2020.edges(data=True)}
    assert dates == {None, "2020", "2020-10-07"}
    assert node_id("Meeting", "Transatlantic roundtable") not in until_2020
    assert node_id("Meeting", "HRC-SC policy dialogue") in until_2020
    since_2023 = select(small_graph, MapOptions(since="2023-01"))
    assert {a["date"] for _, _, a in since_2023.edges(data=True)} == {None, "2023", "2023-02-15"}
    assert node_id("Resolution", "A/HRC/RES/45/31") not in since_2023  # dated 2020


def test_a_map_as_of_a_date_leaves_out_later_meetings_documents_and_what_only_they_state(small_graph):
    report = node_id("Document", "Roundtable report")
    late = node_id("Meeting", "Transatlantic roundtable")
    graph = small_graph.copy()
    graph.nodes[late]["props"] = {"start_date": "2023-02-15", "end_date": "2023-02-16"}  # as loaders date meetings
    graph.add_edge(report, late, "report-of-late", type="PART_OF", status=None, date=None, evidence=[])
    graph.add_edge(HC, SC, "undated-late", type="BRIEFS", status="REALISED", date=None,
                   evidence=[{"document": report, "quote": "The High Commissioner briefed the Council."}])
    as_of_2020 = select(graph, MapOptions(until="2020-12-31"))
    assert late not in as_of_2020 and report not in as_of_2020
    assert "undated-late" not in {k for _, _, k in as_of_2020.edges(keys=True)}
    as_of_2023 = select(graph, MapOptions(until="2023-12-31"))
    assert {late, report} <= set(as_of_2023)
    assert "undated-late" in {k for _, _, k in as_of_2023.edges(keys=True)}


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
