"""Unrealised mandates and blocked channels on graphs where the answer is known."""

from __future__ import annotations

from prevgraph.graph.analysis import find_gaps


def _mandate(build, *, date="2021"):
    """Resolution 45/31 (adopted by the HRC) invites the PBC Chair to brief the HRC, in one sentence."""
    build.node("hrc", "GENEVA")
    build.node("chair", "NEW_YORK", kind="Office", name="Chair of the Peacebuilding Commission")
    build.node("res", kind="Resolution", name="A/HRC/RES/45/31", date="2020-10-06")
    build.edge("res", "hrc", "ADOPTED_BY")
    sentence = build._evidence("invites the Chair of the Peacebuilding Commission to brief the Council annually")
    invite = build.edge("res", "chair", "INVITES", "MANDATED", date="2020-10-06", evidence=sentence)
    flow = build.edge("chair", "hrc", "BRIEFS", "MANDATED", date=date, evidence=sentence)
    return invite, flow


def _mandates(graph, **options):
    return [f for f in find_gaps(graph, kinds=["unrealised_mandate"], **options)]


def test_a_mandate_with_no_realisation_is_unrealised_since_its_date(build):
    invite, flow = _mandate(build)
    [finding] = _mandates(build.graph)
    assert finding.data["state"] == "unrealised"
    assert finding.since == "2021"
    assert finding.data["mandated_by"] == [invite]
    assert finding.severity == "high"  # Geneva and New York
    assert {invite, flow} <= set(finding.edges)
    assert "A/HRC/RES/45/31" in finding.statement and "since 2021" in finding.statement
    assert {c.about for c in finding.evidence} >= {invite, flow}


def test_a_block_makes_it_blocked_and_cites_the_blocker(build):
    _, flow = _mandate(build)
    build.node("pbc", "NEW_YORK", name="Peacebuilding Commission")
    refused = build.edge("chair", "hrc", "BRIEFS", "BLOCKED", date="2023-02-20",
                         quote="the Peacebuilding Commission chair declined to address the Human Rights Council")
    block = build.edge("pbc", "chair", "BLOCKS", "REALISED", blocks=refused, date="2023-02-20",
                       quote="who is not allowed to brief the Human Rights Council despite invitations every year")
    [finding] = _mandates(build.graph)
    assert finding.data["state"] == "blocked"
    assert set(finding.data["blocked_by"]) == {refused, block}
    assert "2 statements report it blocked" in finding.statement
    assert any("declined" in c.quote for c in finding.evidence)
    assert any("not allowed" in c.quote for c in finding.evidence)


def test_a_realisation_before_the_mandate_does_not_count(build):
    _mandate(build)
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2019")
    [finding] = _mandates(build.graph)
    assert finding.data["state"] == "unrealised" and finding.data["realised"] == []


def test_realised_once_after_the_mandate_is_thin_and_twice_is_done(build):
    _mandate(build)
    once = build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2022-05")
    [finding] = _mandates(build.graph)
    assert finding.data["state"] == "thinly_realised" and finding.data["realised"] == [once]
    assert "only once" in finding.statement
    assert _mandates(build.graph, thin=0) == []
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2023")
    assert _mandates(build.graph) == []


def test_an_undated_realisation_counts_but_since_asks_for_a_dated_one(build):
    _mandate(build)
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date=None)
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2021-06", key="second")
    assert _mandates(build.graph) == []
    [finding] = _mandates(build.graph, since="2022")
    assert finding.data["state"] == "thinly_realised"  # the undated one still stands, the 2021 one is history


def test_a_year_overlapping_the_mandate_date_may_be_after_it(build):
    _mandate(build, date="2021-03-01")
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2021")
    build.edge("chair", "hrc", "BRIEFS", "REALISED", date="2022", key="later")
    assert _mandates(build.graph) == []


def test_a_request_with_no_flow_it_mandates_is_reported_as_not_carried_out(build):
    build.node("hrc", "GENEVA")
    build.node("sg", "NEW_YORK", kind="Office", name="Secretary-General")
    build.node("res", kind="Resolution", name="A/HRC/RES/45/31")
    build.edge("res", "hrc", "ADOPTED_BY")
    request = build.edge("res", "sg", "REQUESTS", "MANDATED", date="2020-10-06")
    [finding] = _mandates(build.graph)
    assert finding.data["state"] == "no_recorded_flow" and finding.data["mandated_by"] == [request]
    assert finding.severity == "medium"  # a Geneva resolution addressing New York
    assert finding.statement.startswith("A/HRC/RES/45/31 requests Secretary-General to act (2020-10-06)")


def test_a_flow_named_by_mandated_by_links_to_its_request_without_shared_evidence(build):
    build.node("hc", "GENEVA", kind="Office")
    build.node("hrc", "GENEVA")
    build.node("res", kind="Resolution")
    build.edge("res", "hrc", "ADOPTED_BY")
    request = build.edge("res", "hc", "REQUESTS", "MANDATED", date="2020")
    build.edge("hc", "hrc", "BRIEFS", "MANDATED", date="2020", mandated_by=request)
    [finding] = _mandates(build.graph)
    assert finding.data["mandated_by"] == [request] and finding.severity == "medium"  # one side only


def test_an_unrealised_flow_with_no_mandate_beside_it_stands_for_its_mandate(build):
    build.node("hc", "GENEVA", kind="Office")
    build.node("sc", "NEW_YORK")
    flow = build.edge("hc", "sc", "BRIEFS", "UNREALISED", date="2018")
    [finding] = _mandates(build.graph)
    assert finding.data["flow"] == flow and finding.data["state"] == "blocked"
    assert finding.statement == ("The briefing of SC by HC is reported not to have happened (2018); "
                                 "no briefing is recorded in the 1 document loaded.")


def test_every_block_is_a_blocked_channel_with_its_blocker_and_flow(build):
    _, flow = _mandate(build)
    build.node("pbc", "NEW_YORK", name="Peacebuilding Commission")
    block = build.edge("pbc", "chair", "BLOCKS", "REALISED", blocks=flow, date="2022")
    [finding] = find_gaps(build.graph, kinds="blocked_channel")
    assert finding.data == {"blocker": "pbc", "flow": flow, "flow_status": "MANDATED", "cross_side": True,
                            "reason": None}
    assert finding.edges == (block, flow) and finding.since == "2022" and finding.severity == "high"
    assert finding.statement == ("Peacebuilding Commission blocks Chair of the Peacebuilding Commission from "
                                 "briefing HRC (mandated flow).")


def test_a_block_of_a_flow_not_in_the_graph_and_a_blocked_flow_with_no_blocker(build):
    build.node("state", "OTHER", kind="State", name="A State")
    build.node("hc", "GENEVA", kind="Office")
    build.node("sc", "NEW_YORK")
    build.edge("state", "hc", "BLOCKS", "REALISED", blocks="briefs:gone")
    orphan = build.edge("hc", "sc", "BRIEFS", "BLOCKED", date="2018")
    findings = find_gaps(build.graph, kinds="blocked_channel")
    missing = next(f for f in findings if f.data["flow"] == "briefs:gone")
    assert "is not in the graph" in missing.statement
    unexplained = next(f for f in findings if f.data["flow"] == orphan)
    assert unexplained.data["blocker"] is None and unexplained.severity == "high"
    assert [f.rank for f in findings] == [1, 2] and findings[0] is unexplained


def test_the_reason_a_block_gives_is_in_the_statement(build):
    build.node("chair", "NEW_YORK", kind="Office", name="PBC Chair")
    build.node("hrc", "GENEVA")
    refused = build.edge("chair", "hrc", "BRIEFS", "UNREALISED", date="2023")
    build.edge("chair", "chair", "BLOCKS", "REALISED", blocks=refused, reason="declined")
    [finding] = find_gaps(build.graph, kinds="blocked_channel")
    assert finding.statement == "PBC Chair itself stops its briefing of HRC (unrealised flow; declined)."
    assert finding.data["reason"] == "declined"


def test_a_mechanism_kept_from_its_work_is_a_blocked_channel_with_its_reason(build):
    build.node("state", "OTHER", kind="State", name="A State")
    build.node("coi", "GENEVA", kind="Mechanism", name="The Commission of Inquiry")
    build.edge("state", "coi", "BLOCKS", "REALISED", reason="non-cooperation")
    [finding] = find_gaps(build.graph, kinds="blocked_channel")
    assert finding.statement == "A State keeps The Commission of Inquiry from its work (non-cooperation)."
    assert finding.data["flow"] is None and finding.data["reason"] == "non-cooperation"


def test_one_blocked_briefing_told_by_two_sentences_is_one_finding_with_both_quotes(build):
    build.node("chair", "NEW_YORK", kind="Office", name="PBC Chair")
    build.node("hrc", "GENEVA")
    first = build.edge("chair", "hrc", "BRIEFS", "BLOCKED", key="briefs:first",
                       quote="The Chair was kept from briefing the Council in Geneva.")
    second = build.edge("chair", "hrc", "BRIEFS", "BLOCKED", key="briefs:second", date="2023",
                        quote="Once more the annual briefing of the Chair could not take place.")
    [finding] = find_gaps(build.graph, kinds="blocked_channel")
    assert finding.edges == (first, second) and finding.since == "2023"
    assert [c.quote for c in finding.evidence] == ["The Chair was kept from briefing the Council in Geneva.",
                                                   "Once more the annual briefing of the Chair could not take place."]
