"""Missing direct channels, stated missing links, asymmetry and the principal bodies they rest on."""

from __future__ import annotations

from prevgraph.graph.analysis import find_gaps
from prevgraph.graph.analysis.channels import principal_bodies
from prevgraph.graph.analysis.context import GapContext


def test_principal_bodies_are_the_busiest_per_side_with_ties_broken_by_name(build):
    for node in ("a", "b", "c", "d"):
        build.node(node, "GENEVA", name=f"Geneva {node}")
    build.node("ny", "NEW_YORK")
    build.node("org", "OTHER", kind="Organization")
    build.node("quiet", "NEW_YORK")
    build.edge("a", "ny")
    build.edge("b", "ny")
    build.edge("c", "ny", status="PROPOSED")
    build.edge("d", "org")
    build.edge("a", "b")
    chosen = principal_bodies(GapContext(build.graph), k=3)
    assert chosen == {"GENEVA": ["a", "b", "c"], "NEW_YORK": ["ny"]}  # c and d tie on 1: c's name comes first
    assert "quiet" not in chosen["NEW_YORK"] and "org" not in chosen["GENEVA"]


def test_a_pair_with_no_direct_realised_flow_gets_its_detour_and_brokers(two_sides):
    findings = find_gaps(two_sides.graph, kinds="missing_channel")
    pairs = {(f.data["geneva"], f.data["new_york"]): f for f in findings}
    assert ("ohchr", "rmr") not in pairs  # a direct realised channel
    ohchr_sc = pairs[("ohchr", "sc")]
    assert ohchr_sc.data["route_to_new_york"] == ["ohchr", "rmr", "sg", "sc"]
    assert ohchr_sc.data["route_to_geneva"] is None
    assert ohchr_sc.data["brokers"] == ["rmr", "sg"]
    assert ohchr_sc.severity == "medium"  # connected one way only
    assert any("Article 99" in c.quote for c in ohchr_sc.evidence)
    hrc_sc = pairs[("hrc", "sc")]
    assert hrc_sc.data["route_to_new_york"] is None and hrc_sc.severity == "medium"


def test_a_stated_missing_link_raises_the_pair_and_is_its_own_finding(two_sides):
    link = two_sides.edge("hrc", "sc", "NO_LINK", None,
                          quote="the lack of a formal link between the Human Rights Council and the Security Council")
    missing = find_gaps(two_sides.graph, kinds="missing_channel")
    hrc_sc = next(f for f in missing if (f.data["geneva"], f.data["new_york"]) == ("hrc", "sc"))
    assert hrc_sc.severity == "high" and hrc_sc.data["stated"] == [link] and link in hrc_sc.edges
    assert missing[0] is hrc_sc
    [stated] = find_gaps(two_sides.graph, kinds="stated_missing_link")
    assert stated.data["between"] == ["hrc", "sc"] and stated.severity == "high"
    assert stated.data["realised_direct"] == [] and stated.data["route_forth"] is None
    assert any("formal link" in c.quote for c in stated.evidence)


def test_a_stated_missing_link_contradicted_by_a_realised_flow_is_low(two_sides):
    two_sides.edge("sg", "sc", "NO_LINK", None)
    [stated] = find_gaps(two_sides.graph, kinds="stated_missing_link")
    assert stated.severity == "low" and stated.data["realised_direct"]
    assert "nevertheless" in stated.statement


def test_disconnected_sides_with_a_mandate_between_them_are_high(build):
    build.node("hrc", "GENEVA")
    build.node("sc", "NEW_YORK")
    build.node("field", "FIELD")
    build.edge("hrc", "field")
    flow = build.edge("hrc", "sc", status="MANDATED")
    [finding] = find_gaps(build.graph, kinds="missing_channel")
    assert finding.severity == "high" and finding.data["other_flows"] == {"MANDATED": [flow]}
    assert finding.data["route_to_new_york"] is None and finding.data["route_to_geneva"] is None


def test_asymmetry_counts_flows_each_way_by_status(two_sides):
    two_sides.edge("hrc", "sc", status="MANDATED")
    two_sides.edge("sc", "hrc", status="BLOCKED")
    [finding] = find_gaps(two_sides.graph, kinds="asymmetry")
    assert finding.data["counts"]["GENEVA->NEW_YORK"] == {
        "REALISED": 1, "MANDATED": 1, "PROPOSED": 0, "UNREALISED": 0, "BLOCKED": 0}
    assert finding.data["counts"]["NEW_YORK->GENEVA"]["BLOCKED"] == 1
    assert finding.data["counts"]["NEW_YORK->GENEVA"]["REALISED"] == 0
    assert finding.severity == "high"  # nothing realised from New York to Geneva
    assert finding.statement.startswith("From Geneva to New York: 2 flows (1 realised, 1 mandated)")
    assert len(finding.edges) == 3


def test_asymmetry_is_silent_without_both_sides_and_says_so_when_nothing_crosses(build):
    build.node("hrc", "GENEVA")
    assert find_gaps(build.graph, kinds="asymmetry") == []
    build.node("sc", "NEW_YORK")
    [finding] = find_gaps(build.graph, kinds="asymmetry")
    assert finding.statement == "No flow of any status runs between Geneva and New York."
