"""Change over time: flows by year, and the state before and after a date."""

from __future__ import annotations

from prevgraph.graph.analysis import find_gaps


def _history(build):
    build.node("hrc", "GENEVA")
    build.node("hc", "GENEVA", kind="Office")
    build.node("sc", "NEW_YORK")
    build.edge("hc", "sc", status="BLOCKED", date="2018")
    build.edge("hc", "hrc", status="MANDATED", date="2020-10-06")
    build.edge("hrc", "sc", status="PROPOSED", date="2020-11-24")
    build.edge("hc", "hrc", status="REALISED", date="2022")
    build.edge("hrc", "sc", status="PROPOSED", date="2023-02-20", key="again")
    build.edge("hc", "hrc", status="REALISED", date=None, key="undated")
    return build


def test_one_finding_per_year_in_order(build):
    findings = find_gaps(_history(build).graph, kinds="change_over_time")
    assert [f.data["year"] for f in findings] == [2018, 2020, 2022, 2023]
    assert [f.rank for f in findings] == [1, 2, 3, 4]
    in_2020 = findings[1]
    assert in_2020.data["counts"]["MANDATED"] == 1 and in_2020.data["counts"]["PROPOSED"] == 1
    assert in_2020.data["cross_side"]["PROPOSED"] == 1 and in_2020.data["cross_side"]["MANDATED"] == 0
    assert in_2020.statement == "In 2020: 1 mandated, 1 proposed; between Geneva and New York: 1 proposed."
    assert in_2020.since == "2020" and len(in_2020.edges) == 2 and len(in_2020.evidence) == 2


def test_since_compares_before_and_after_and_keeps_the_years(build):
    findings = find_gaps(_history(build).graph, kinds="change_over_time", since="2021")
    [comparison] = [f for f in findings if "pivot" in f.data]
    assert comparison.data["before"]["BLOCKED"] == 1 and comparison.data["before"]["MANDATED"] == 1
    assert comparison.data["after"]["REALISED"] == 1 and comparison.data["after"]["PROPOSED"] == 1
    assert comparison.data["undated"]["REALISED"] == 1
    assert comparison.statement == ("Before 2021: 1 mandated, 1 proposed, 1 blocked; "
                                    "since 2021: 1 realised, 1 proposed.")
    assert comparison.severity == "low"  # more realised, fewer blocked
    assert len([f for f in findings if "year" in f.data]) == 4


def test_an_undated_graph_has_no_timeline(build):
    build.node("hrc", "GENEVA")
    build.node("sc", "NEW_YORK")
    build.edge("hrc", "sc")
    assert find_gaps(build.graph, kinds="change_over_time") == []
