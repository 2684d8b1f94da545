"""Curation over GraphQL: only with the API key; every change keeps which key and when, never erasing the original."""

from __future__ import annotations

from prevgraph.api.curation import key_fingerprint

KEY = "s3cret-curator-key"
CONFIRM = 'mutation($id: ID!, $note: String) { confirmFact(id: $id, note: $note) { entry { action by at note } ' \
          'node { id reviewed curationState curation { action by } evidence { quote } } ' \
          'relationship { id curationState curation { action by note } evidence { quote } origin } } }'
REJECT = CONFIRM.replace("confirmFact", "rejectFact")
ADD = """mutation($input: FactInput!) { addFact(input: $input) { id type status origin sourceRef date
    source { id } target { id } curationState curation { action by } evidence { documentId quote rule } } }"""


def _code(body: dict) -> str:
    return body["errors"][0]["extensions"]["code"]


def test_mutations_are_off_without_a_configured_key(api):
    body = api(CONFIRM, {"id": "body:hrc"}, key="anything")
    assert body["data"] is None and _code(body) == "MUTATIONS_DISABLED"
    assert "PREVGRAPH_API_KEY" in body["errors"][0]["message"]


def test_a_missing_or_wrong_key_is_refused_and_changes_nothing(graph, make_api):
    api = make_api(graph, api_key=KEY)
    assert _code(api(CONFIRM, {"id": "body:hrc"})) == "FORBIDDEN"
    assert _code(api(CONFIRM, {"id": "body:hrc"}, key="guess")) == "FORBIDDEN"
    assert graph.node("body:hrc").props == {}


def test_confirming_a_node_records_the_key_fingerprint_and_time(graph, make_api):
    api = make_api(graph, api_key=KEY)
    result = api.data(CONFIRM, {"id": "body:hrc", "note": "checked against the report"}, key=KEY)["confirmFact"]
    entry = result["entry"]
    assert entry["action"] == "CONFIRMED" and entry["by"] == key_fingerprint(KEY) and entry["at"].endswith("+00:00")
    assert KEY not in str(result) and KEY not in graph.node("body:hrc").model_dump_json()
    assert result["node"]["curationState"] == "CONFIRMED" and result["node"]["reviewed"] is True
    assert result["node"]["evidence"]  # the extracted evidence stays


def test_rejecting_a_flow_marks_it_and_keeps_it(graph, make_api):
    api = make_api(graph, api_key=KEY)
    flow_id = api.data('{ flows(from: "High Commissioner", statuses: [REALISED]) { edges { node { id } } } }')[
        "flows"]["edges"][0]["node"]["id"]
    api.data(CONFIRM, {"id": flow_id}, key=KEY)
    rejected = api.data(REJECT, {"id": flow_id, "note": "the briefing was informal"}, key=KEY)["rejectFact"]
    flow = rejected["relationship"]
    assert flow["curationState"] == "REJECTED" and flow["origin"] == "extracted"
    assert [c["action"] for c in flow["curation"]] == ["CONFIRMED", "REJECTED"]
    assert flow["evidence"][0]["quote"].startswith("The High Commissioner briefed")
    assert graph.edge(flow_id) is not None  # marked, not deleted
    listed = api.data("query($id: ID!) { relationship(id: $id) { curationState } }", {"id": flow_id})
    assert listed["relationship"]["curationState"] == "REJECTED"


def test_curating_an_unknown_fact_is_not_found(graph, make_api):
    api = make_api(graph, api_key=KEY)
    assert _code(api(CONFIRM, {"id": "body:atlantis"}, key=KEY)) == "NOT_FOUND"


def test_adding_a_fact_with_its_source_and_evidence(graph, make_api):
    api = make_api(graph, api_key=KEY)
    text = graph.node("document:test-report").props["text"]
    sentence = "The High Commissioner briefed the Security Council on Myanmar."
    start = text.index(sentence)
    added = api.data(ADD, {"input": {
        "from": "UNHRC", "type": "BRIEFS", "to": "UNSC", "status": "PROPOSED", "date": "2024",
        "sourceRef": "https://example.org/report#p4", "note": "from the annex",
        "evidence": {"document": "document:test-report", "quote": sentence, "start": start,
                     "end": start + len(sentence)}}}, key=KEY)["addFact"]
    assert (added["source"]["id"], added["target"]["id"], added["status"], added["origin"]) == \
        ("body:hrc", "body:sc", "PROPOSED", "CURATED".lower())
    assert added["sourceRef"] == "https://example.org/report#p4"
    assert added["curation"] == [{"action": "ADDED", "by": key_fingerprint(KEY)}]
    assert added["evidence"][0]["rule"] == "curated"
    stored = graph.edge(added["id"])
    assert stored.origin == "curated" and stored.date == "2024"


def test_an_added_fact_the_ontology_forbids_is_refused(graph, make_api):
    api = make_api(graph, api_key=KEY)
    body = api(ADD, {"input": {"from": "HRC", "type": "ADOPTED_BY", "to": "SC", "sourceRef": "x"}}, key=KEY)
    assert _code(body) == "INVALID_FACT"
    body = api(ADD, {"input": {"from": "HRC", "type": "BRIEFS", "to": "SC", "sourceRef": "x"}}, key=KEY)
    assert _code(body) == "INVALID_FACT" and "status" in body["errors"][0]["message"]


def test_evidence_that_does_not_match_the_document_is_refused(graph, make_api):
    api = make_api(graph, api_key=KEY)
    body = api(ADD, {"input": {"from": "HRC", "type": "BRIEFS", "to": "SC", "status": "PROPOSED", "sourceRef": "x",
                               "evidence": {"document": "document:test-report", "quote": "invented words",
                                            "start": 0, "end": 14}}}, key=KEY)
    assert _code(body) == "INVALID_FACT"
    body = api(ADD, {"input": {"from": "HRC", "type": "BRIEFS", "to": "SC", "status": "PROPOSED", "sourceRef": "x",
                               "evidence": {"document": "document:none", "quote": "q", "start": 0, "end": 1}}},
               key=KEY)
    assert _code(body) == "NOT_FOUND"
