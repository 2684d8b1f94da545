"""Each root query over HTTP, on both stores, against the hand-built graph of tests/api/conftest.py."""

from __future__ import annotations

HRC, SC, HC, PBC = "body:hrc", "body:sc", "office:hc", "body:pbc"
RES = "resolution:a-hrc-res-45-31"


def test_node_by_id_with_its_kind_type_and_evidence(api):
    data = api.data("""{ node(id: "body:hrc") { __typename id kind name aliases location pillar origin reviewed
        evidence { documentId quote start end rule documentTitle documentDate document { title text } } } }""")
    node = data["node"]
    assert (node["__typename"], node["kind"], node["location"], node["pillar"]) == \
        ("Body", "Body", "GENEVA", "HUMAN_RIGHTS")
    assert set(node["aliases"]) == {"HRC", "UNHRC"}
    evidence = node["evidence"][0]
    assert evidence["documentTitle"] == "Test report" and evidence["documentDate"] == "2023-02-01"
    assert evidence["document"]["text"][evidence["start"]:evidence["end"]] == evidence["quote"]
    assert evidence["rule"] == "test-rule"


def test_an_unknown_id_is_a_not_found_error_not_a_500(api):
    body = api('{ node(id: "body:nowhere") { id } }')
    assert body["data"] == {"node": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "body:nowhere" in body["errors"][0]["message"]


def test_a_body_by_any_alias(api):
    for name in ("HRC", "UNHRC", "human rights council", "body:hrc"):
        assert api.data("query($n: String!) { byName(name: $n) { id } }", {"n": name})["byName"]["id"] == HRC
    body = api('{ byName(name: "Human Rights Councel") { id } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "Human Rights Council" in body["errors"][0]["message"]  # a suggestion


def test_a_bodys_flows_in_and_out_with_status_filters(api):
    data = api.data("""{ byName(name: "High Commissioner") {
        outgoingFlows { type status target { id } }
        realised: outgoingFlows(statuses: [REALISED]) { target { id } }
        incomingFlows { type source { id } } } }""")["byName"]
    assert {(f["type"], f["status"], f["target"]["id"]) for f in data["outgoingFlows"]} == \
        {("BRIEFS", "REALISED", SC), ("BRIEFS", "MANDATED", HRC)}
    assert [f["target"]["id"] for f in data["realised"]] == [SC]
    assert {(f["type"], f["source"]["id"]) for f in data["incomingFlows"]} == \
        {("BRIEFS", "body:ohchr"), ("REQUESTS", "paragraph:a-hrc-res-45-31-5-f")}


def test_a_blocked_flow_knows_its_blocker(api):
    data = api.data("""{ byName(name: "PBC") { outgoingFlows(statuses: [UNREALISED]) {
        target { id } blockedBy { source { name } blocks { id } } } } }""")
    flow = data["byName"]["outgoingFlows"][0]
    assert flow["target"]["id"] == HRC
    assert [b["source"]["name"] for b in flow["blockedBy"]] == ["General Assembly"]


def test_resolution_paragraphs_requests_and_invitations(api):
    data = api.data("""{ resolution(symbol: "45/31") { symbol adoptedBy { name }
        paragraphs { number text requests { target { id } } invitations { target { id } } resolution { id } } } }""")
    res = data["resolution"]
    assert res["symbol"] == "A/HRC/RES/45/31" and res["adoptedBy"] == [{"name": "Human Rights Council"}]
    assert [p["number"] for p in res["paragraphs"]] == ["3", "5(f)"]
    three, five_f = res["paragraphs"]
    assert [r["target"]["id"] for r in five_f["requests"]] == [HC]
    assert [i["target"]["id"] for i in three["invitations"]] == [PBC]
    assert five_f["resolution"]["id"] == RES


def test_resolution_accepts_every_citation_form(api):
    for citation in ("45/31", "A/HRC/RES/45/31", "resolution 45/31", "HRC resolution 45/31", "a/hrc/res/45/31"):
        assert api.data("query($s: String!) { resolution(symbol: $s) { id } }",
                        {"s": citation})["resolution"]["id"] == RES, citation
    for unknown in ("45/99", "S/RES/2282 (2016)", "the twin resolutions"):
        body = api("query($s: String!) { resolution(symbol: $s) { id } }", {"s": unknown})
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", unknown


def test_a_meetings_organisers_participants_and_documents(api):
    data = api.data("""{ node(id: "meeting:policy-dialogue") { ... on Meeting {
        organisers { name } participants { name ... on Participant { represents { name } } }
        documents { id } concerns { name }
        relationships(types: [ORGANISED_BY]) { props } } } }""")["node"]
    assert data["organisers"] == [{"name": "Wilton Park"}]
    assert data["participants"] == [{"name": "a representative of OHCHR",
                                     "represents": [{"name": "Office of the High Commissioner for Human Rights"}]}]
    assert data["documents"] == [{"id": "document:test-report"}]
    assert data["concerns"] == [{"name": "Myanmar"}]
    assert data["relationships"][0]["props"] == {"role": "host"}


def test_lists_per_kind_with_filters_and_counts(api):
    data = api.data("""{
        geneva: bodies(where: {location: GENEVA}) { totalCount edges { node { id } } }
        peace: bodies(where: {pillar: PEACE_AND_SECURITY, text: "council"}) { totalCount edges { node { id } } }
        offices { totalCount edges { node { __typename name } } }
        situations { edges { node { __typename name } } }
        anything: nodes(where: {text: "commission"}) { totalCount edges { node { id } } }
        paragraphs: nodes(kind: Paragraph) { totalCount } }""")
    assert [e["node"]["id"] for e in data["geneva"]["edges"]] == [HRC, "body:ohchr"]
    assert data["geneva"]["totalCount"] == 2
    assert [e["node"]["id"] for e in data["peace"]["edges"]] == [SC] and data["peace"]["totalCount"] == 1
    assert data["offices"]["edges"] == [
        {"node": {"__typename": "Office", "name": "High Commissioner for Human Rights"}}]
    assert data["situations"]["edges"][0]["node"]["__typename"] == "Situation"
    assert {e["node"]["id"] for e in data["anything"]["edges"]} == {"body:ohchr", PBC, HC}
    assert data["paragraphs"]["totalCount"] == 2


def test_pagination_across_pages_reaches_every_node_once(api):
    seen, after, pages = [], None, 0
    while True:
        page = api.data("query($after: String) { nodes(first: 4, after: $after) { totalCount "
                        "edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }",
                        {"after": after})["nodes"]
        seen += [e["node"]["id"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] == (pages > 0)
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] == 14
    assert seen == sorted(seen) and pages == 4


def test_a_forged_cursor_is_a_bad_request(api):
    body = api('{ nodes(after: "not-a-cursor") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_search_across_names_and_aliases_best_first(api):
    data = api.data('{ search(text: "council") { id } exact: search(text: "sc") { id } '
                    'bodies: search(text: "commission", kinds: [Body]) { id } }')
    assert {n["id"] for n in data["search"]} == {HRC, SC}
    assert data["exact"][0]["id"] == SC  # the alias "SC" beats names merely containing "sc"
    assert [n["id"] for n in data["bodies"]] == ["body:ohchr", PBC] or \
        [n["id"] for n in data["bodies"]] == [PBC, "body:ohchr"]


def test_flows_between_bodies_named_by_alias_with_filters(api):
    data = api.data("""{
        fromHC: flows(from: "High Commissioner") { totalCount edges { node { target { id } status } } }
        toHRC: flows(to: "UNHRC", statuses: [UNREALISED, MANDATED]) { totalCount edges { node { source { id } } } }
        pair: flows(from: "OHCHR", to: "High Commissioner") { totalCount }
        noLink: flows(types: [NO_LINK]) { edges { node { source { id } target { id } } } }
        since2023: flows(since: "2023") { edges { node { date } } }
        in2020: flows(since: "2020-01-01", until: "2020-12-31") { totalCount }
    }""")
    assert data["fromHC"]["totalCount"] == 2
    assert {e["node"]["source"]["id"] for e in data["toHRC"]["edges"]} == {HC, PBC}
    assert data["pair"]["totalCount"] == 1
    assert data["noLink"]["edges"] == [{"node": {"source": {"id": HRC}, "target": {"id": SC}}}]
    assert sorted(e["node"]["date"] for e in data["since2023"]["edges"]) == ["2023", "2023-02-01", "2023-03-01"]
    assert data["in2020"]["totalCount"] == 3  # the mandated briefing, the request and the invitation


def test_stats(api):
    stats = api.data("{ stats { nodes edges nodesByKind { key count } flowsByStatus { key count } } }")["stats"]
    assert stats["nodes"] == 14 and stats["edges"] == 20
    assert {"key": "Body", "count": 5} in stats["nodesByKind"]
    assert {"key": "BLOCKED", "count": 1} in stats["flowsByStatus"]


def test_relationship_by_id_and_unknown_relationship(api):
    some = api.data('{ flows(first: 1) { edges { node { id type } } } }')["flows"]["edges"][0]["node"]
    assert api.data("query($id: ID!) { relationship(id: $id) { type } }", {"id": some["id"]})["relationship"] == \
        {"type": some["type"]}
    assert api('{ relationship(id: "briefs:nope") { id } }')["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_graphiql_in_a_browser(api):
    page = api.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


GAPS = """query($kind: FindingKind, $since: String) { gaps(kind: $kind, since: $since) { id kind statement severity
    rank since data nodes { id } relationships { id type } evidence { documentId documentTitle quote about } } }"""


def test_gaps_are_the_findings_of_the_gap_analyses(api, graph):
    from prevgraph.graph.analysis import find_gaps

    found = api.data(GAPS)["gaps"]
    expected = find_gaps(graph.to_networkx())
    assert [(f["id"], f["statement"], f["rank"]) for f in found] == [(f.id, f.statement, f.rank) for f in expected]
    kinds = {f["kind"] for f in found}
    assert {"STATED_MISSING_LINK", "BLOCKED_CHANNEL"} <= kinds
    blocked = api.data(GAPS, {"kind": "BLOCKED_CHANNEL"})["gaps"]
    assert blocked and {f["kind"] for f in blocked} == {"BLOCKED_CHANNEL"}
    assert "body:ga" in {n["id"] for n in blocked[0]["nodes"]}
    assert any(r["type"] == "BLOCKS" for r in blocked[0]["relationships"])
    assert blocked[0]["evidence"][0]["documentTitle"] == "Test report"


def test_gaps_since_a_date_and_a_bad_date(api):
    assert api.data(GAPS, {"since": "2023"})["gaps"]
    body = api(GAPS, {"since": "the day before yesterday"})
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "BAD_ANALYSIS_OPTION"


def test_one_unknown_name_leaves_the_other_lookups_of_a_query_answered(api):
    body = api("""{ hrc: byName(name: "HRC") { id } nowhere: byName(name: "Council of Nowhere") { id }
        sc: node(id: "body:sc") { name } gone: node(id: "body:gone") { id } res: resolution(symbol: "45/31") { symbol }
        route: pathways(from: "OHCHR", to: "Nowhere Body") { rank }
        flows(from: "High Commissioner") { totalCount } }""")
    data = body["data"]
    assert data["hrc"] == {"id": "body:hrc"} and data["sc"] == {"name": "Security Council"}
    assert data["res"] == {"symbol": "A/HRC/RES/45/31"} and data["flows"]["totalCount"] >= 1
    assert data["nowhere"] is None and data["gone"] is None and data["route"] is None
    assert sorted((e["path"][0], e["extensions"]["code"]) for e in body["errors"]) == [
        ("gone", "NOT_FOUND"), ("nowhere", "NOT_FOUND"), ("route", "NOT_FOUND")]


def test_an_ambiguous_name_answers_ambiguous_with_the_candidates(api):
    body = api('{ byName(name: "Council") { id } sc: byName(name: "SC") { id } }')
    assert body["data"] == {"byName": None, "sc": {"id": "body:sc"}}
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "AMBIGUOUS"
    assert {"body:hrc", "body:sc"} <= set(error["extensions"]["candidates"])
    assert "Security Council" in error["message"] and "Human Rights Council" in error["message"]
