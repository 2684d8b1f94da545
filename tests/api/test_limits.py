"""Limits against expensive or hostile requests: each refusal says which limit was hit."""

from __future__ import annotations

import pytest


def _limit(body: dict) -> str:
    error = body["errors"][0]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED", error
    return error["extensions"].get("limit", "")


def test_a_query_nested_too_deeply(graph, make_api):
    api = make_api(graph, max_query_depth=3)
    assert "errors" not in api('{ bodies { edges { node { id } } } }')
    body = api('{ bodies { edges { node { outgoingFlows { target { id } } } } } }')
    assert _limit(body) == "max_query_depth"
    assert "PREVGRAPH_MAX_QUERY_DEPTH" in body["errors"][0]["message"]


def test_too_many_tokens(graph, make_api):
    api = make_api(graph, max_query_tokens=20)
    body = api("{ " + " ".join(f"f{i}: stats {{ nodes }}" for i in range(10)) + " }")
    assert _limit(body) == "max_query_tokens"
    assert "PREVGRAPH_MAX_QUERY_TOKENS" in body["errors"][0]["message"]


def test_a_thousand_aliases_are_refused(api):
    query = "{ " + " ".join(f"a{i}: stats {{ nodes }}" for i in range(1000)) + " }"
    body = api.client.post("/graphql", json={"query": query}).json()
    assert body["data"] is None
    assert _limit(body) in ("max_aliases", "max_query_tokens")
    assert "1000 aliases" in body["errors"][0]["message"] or "tokens" in body["errors"][0]["message"]


def test_aliases_over_the_limit_with_tokens_to_spare(graph, make_api):
    api = make_api(graph, max_aliases=5, max_query_tokens=10_000)
    assert "errors" not in api("{ " + " ".join(f"a{i}: stats {{ nodes }}" for i in range(5)) + " }")
    body = api("{ " + " ".join(f"a{i}: stats {{ nodes }}" for i in range(6)) + " }")
    assert _limit(body) == "max_aliases" and "6 aliases" in body["errors"][0]["message"]


def test_page_size_is_capped(graph, make_api):
    api = make_api(graph, max_page_size=5)
    assert len(api.data("{ nodes(first: 5) { edges { cursor } } }")["nodes"]["edges"]) == 5
    body = api("{ nodes(first: 6) { edges { cursor } } }")
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "PREVGRAPH_MAX_PAGE_SIZE" in body["errors"][0]["message"]
    assert len(api.data("{ nodes { edges { cursor } } }")["nodes"]["edges"]) == 5  # default page within the cap


def test_a_request_over_the_time_limit(graph, make_api):
    api = make_api(graph, request_timeout=0.000001)
    body = api("{ bodies { totalCount edges { node { outgoingFlows { target { name } } } } } }")
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "PREVGRAPH_REQUEST_TIMEOUT" in body["errors"][0]["message"]
    # the app is still there for the next request
    assert make_api(graph).data("{ stats { nodes } }")["stats"]["nodes"] == 14


def test_malformed_json_is_a_400_in_the_graphql_error_shape(api):
    response = api.client.post("/graphql", content=b'{"query": "{ stats { nodes } ',
                               headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_REQUEST" and "JSON" in error["message"]


@pytest.mark.parametrize("payload", [b"[]", b'"just a string"', b'{"query": 42}', b'{"variables": []}'])
def test_json_that_is_not_a_graphql_request(api, payload):
    response = api.client.post("/graphql", content=payload, headers={"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500
    assert response.json()["errors"][0]["extensions"]["code"]


def test_a_2mb_query_is_refused_before_it_is_read(api):
    query = "{ stats { nodes } }" + " " * (2 * 1024 * 1024)
    response = api.client.post("/graphql", json={"query": query})
    assert response.status_code == 413
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "max_body_bytes"}
    assert "PREVGRAPH_MAX_BODY_BYTES" in error["message"]


def test_a_2mb_body_without_a_length_header(api):
    def chunks():
        yield b'{"query": "{ stats { nodes } }", "pad": "'
        for _ in range(64):
            yield b"x" * 32768
        yield b'"}'

    response = api.client.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_syntax_error_is_a_graphql_error(api):
    body = api("{ stats { nodes ")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    body = api("{ stats { nope } }")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
