"""Planned list queries answer exactly what the resolvers answer, from one store selection.

Each query is sent over HTTP (planned) and run on a schema without planning (every field
through its resolver); the responses must be equal. Queries are generated from the
parts a researcher writes: aliases, named and inline fragments, ``__typename``,
``@skip``/``@include`` with variables, filters, pages and cursors.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest
from graphql import parse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prevgraph.api.context import Context
from prevgraph.api.pagination import encode_cursor
from prevgraph.api.planned import (
    EDGE_SCALARS,
    EVIDENCE_FIELDS,
    NODE_SCALARS,
    PAGE_INFO_FIELDS,
    GraphQLRequest,
    PlannedQueries,
    page_variables,
)
from prevgraph.api.schema import build_schema, limit_rules
from prevgraph.settings import Settings

from .test_batching import CountingStore

EVIDENCE = sorted(EVIDENCE_FIELDS)
EDGE = sorted(EDGE_SCALARS) + ["isFlow"]
NODE = sorted(NODE_SCALARS)


def resolved(store, query: str, variables: dict | None = None, operation_name: str | None = None) -> dict:
    """The response of ``query`` resolved field by field, as the HTTP endpoint would send it."""
    settings_ = Settings()
    schema = build_schema(settings_)
    context = Context(store, settings_, None, None, asyncio.Lock())
    result = asyncio.run(schema.execute(query, variable_values=variables, context_value=context,
                                        operation_name=operation_name))
    body: dict = {"data": result.data}
    if result.errors:
        body["errors"] = [{"message": e.message} for e in result.errors]
    return body


def messages(body: dict) -> list[str]:
    return [e["message"] for e in body.get("errors", [])]


def some(fields: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(fields), min_size=1, max_size=4, unique=True)


@st.composite
def aliased(draw, field: str, arguments: str = "") -> str:
    """A field, sometimes under an alias, sometimes skipped or included by a variable."""
    alias = draw(st.sampled_from(["", f"a_{field}: "]))
    directive = draw(st.sampled_from(["", " @skip(if: $no)", " @include(if: $yes)", " @include(if: $no)"]))
    return f"{alias}{field}{arguments}{directive}"


@st.composite
def scalars(draw, fields: list[str]) -> str:
    return " ".join([draw(aliased(f)) for f in draw(some(fields))] + draw(st.sampled_from([[], ["__typename"]])))


@st.composite
def end_node(draw) -> str:
    inline = draw(st.sampled_from(["", " ... on Body { location pillar }", " ... on Office { name }"]))
    return f"{{ {draw(scalars(NODE))}{inline} }}"


@st.composite
def edge_list(draw) -> str:
    field, arguments = draw(st.sampled_from([
        ("outgoingFlows", ""), ("incomingFlows", "(statuses: [REALISED])"),
        ("outgoingFlows", "(types: [BRIEFS, REQUESTS])"), ("relationships", ""),
        ("relationships", "(direction: OUT)"), ("relationships", "(direction: IN, types: [PART_OF])"),
        ("relationships", "(statuses: [MANDATED, REALISED])")]))
    parts = [draw(scalars(EDGE))]
    if draw(st.booleans()):
        parts.append(f"evidence {{ {draw(scalars(EVIDENCE))} }}")
    for end in draw(st.lists(st.sampled_from(["source", "target"]), max_size=2, unique=True)):
        parts.append(f"{end} {draw(end_node())}")
    return f"{draw(aliased(field, arguments))} {{ {' '.join(parts)} }}"


@st.composite
def node_selection(draw, type_name: str) -> str:
    parts = [draw(scalars(NODE))]
    if draw(st.booleans()):
        parts.append(f"evidence {{ {draw(scalars(EVIDENCE))} }}")
    if draw(st.booleans()):
        parts.append(f"... on {type_name} {{ {draw(edge_list())} }}")
    if draw(st.booleans()):
        parts.append("...Named")
    return " ".join(parts)


@st.composite
def plannable_query(draw) -> str:
    root, type_name = draw(st.sampled_from([
        ("bodies(first: $first)", "Body"), ("nodes(first: $first)", "Node"),
        ("nodes(kind: Body, first: $first)", "Body"),
        ("nodes(first: $first, where: {location: GENEVA})", "Node"),
        ('bodies(first: $first, where: {text: "council"})', "Body"), ("offices(first: $first)", "Office"),
        ("paragraphs(first: $first)", "Paragraph")]))
    cursor = draw(st.sampled_from(["", "cursor "]))
    page = [f"edges {{ {cursor}node {{ {draw(node_selection(type_name))} }} }}"]
    if draw(st.booleans()):
        page.append(draw(aliased("totalCount")))
    if draw(st.booleans()):
        page.append(f"pageInfo {{ {draw(scalars(sorted(PAGE_INFO_FIELDS)))} }}")
    second = draw(st.sampled_from(["", " more: bodies(first: 1) { totalCount edges { node { id } } }"]))
    body = f"{root} {{ {' '.join(page)} }}{second}"
    # GraphQL refuses a variable or a fragment declared and never used
    variables = ["$first: Int"] + [f"${v}: Boolean!" for v in ("yes", "no") if f"${v}" in body]
    fragment = " fragment Named on Node { __typename id name }" if "...Named" in body else ""
    return f"query({', '.join(variables)}) {{ {body} }}{fragment}"


@pytest.fixture
def counted(graph, make_api):
    counting = CountingStore(graph)
    return counting, make_api(counting)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=plannable_query(), first=st.sampled_from([None, 1, 3, 20]))
def test_a_planned_list_answers_what_the_resolvers_answer_with_one_store_call_per_list(graph, counted, query,
                                                                                         first):
    counting, api = counted
    variables = {"first": first} | {v: v == "yes" for v in ("yes", "no") if f"${v}" in query}
    counting.calls.clear()
    planned = api(query, variables)
    assert "errors" not in planned, planned
    assert planned == resolved(graph, query, variables)
    assert set(counting.calls) == {"select_page"}, counting.calls
    assert counting.calls["select_page"] == (2 if " more: " in query else 1)


def test_pages_follow_each_other_through_the_cursors(graph, counted):
    counting, api = counted
    query = """query($after: String) { nodes(first: 4, after: $after) { totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }"""
    seen, after = [], None
    while True:
        page = api.data(query, {"after": after})["nodes"]
        assert page == resolved(graph, query, {"after": after})["data"]["nodes"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"]
    assert set(counting.calls) == {"select_page"}


@pytest.mark.parametrize("query", [
    '{ bodies(first: 2) { edges { node { id props } } } }',
    '{ nodes(kind: Body) { edges { node { id ... on Body { partOf { name } } } } } }',
    '{ bodies { edges { node { outgoingFlows { evidence { documentTitle documentDate } } } } } }',
    '{ bodies { edges { node { name } } } node(id: "body:sc") { name } }',
    '{ resolutions { edges { node { ... on Resolution { paragraphs { name } } } } } }',
])
def test_a_query_asking_more_than_a_selection_holds_is_resolved_field_by_field(graph, counted, query):
    counting, api = counted
    body = api(query)
    assert "errors" not in body, body
    assert body == resolved(graph, query)
    assert "select_page" not in counting.calls


@pytest.mark.parametrize("query", [
    '{ bodies(after: "not a cursor") { edges { node { id } } } }',
    '{ nodes(first: 100000) { edges { node { id } } } }',
    '{ nodes(first: -1) { edges { node { id } } } }',
])
def test_a_bad_page_request_gets_the_resolvers_error(graph, counted, query):
    _, api = counted
    body = api(query)
    assert messages(body) and messages(body) == messages(resolved(graph, query))


@pytest.mark.parametrize("type_name, names", [
    ("Body", NODE_SCALARS), ("Relationship", EDGE_SCALARS), ("Evidence", EVIDENCE_FIELDS),
    ("PageInfo", PAGE_INFO_FIELDS),
])
def test_the_planned_field_names_are_fields_of_their_graphql_types(type_name, names):
    fields = build_schema(replace(Settings()))._schema.get_type(type_name).fields
    assert set(names) <= set(fields)


def test_response_keys_that_look_like_code_are_only_keys(graph, counted):
    """The planned writer is compiled from the query's keys: aliases named like Python are plain keys."""
    _, api = counted
    query = """{ bodies(first: 3) { edges { node { lambda: name None: id row: kind v0: name c0: id __builtins__: name
        outgoingFlows { import: id row: target { v1: name } } } } } }"""
    body = api(query)
    assert "errors" not in body, body
    assert body == resolved(graph, query)
    first = body["data"]["bodies"]["edges"][0]["node"]
    assert set(first) == {"lambda", "None", "row", "v0", "c0", "__builtins__", "outgoingFlows"}


@pytest.mark.parametrize("query, expected", [
    ("query($a: String) { bodies(after: $a) { totalCount } }", {"a"}),
    ("query($a: String, $f: Int) { bodies(first: $f, after: $a) { edges { node { id } } } }", {"a", "f"}),
    ("query($a: String) { bodies(after: $a) { totalCount } more: nodes(after: $a) { totalCount } }", {"a"}),
    # used elsewhere too: the plan's shape may depend on it
    ("query($f: Int, $x: Boolean!) { bodies(first: $f) @include(if: $x) { totalCount } }", {"f"}),
    ('query($a: String!) { bodies(after: $a) { totalCount } search(text: $a) { id } }', set()),
    # a root list inside a fragment is not looked into
    ("query($a: String) { ...F } fragment F on Query { bodies(after: $a) { totalCount } }", set()),
    ("query($a: String!) { node(id: $a) { id } }", set()),
])
def test_the_variables_that_only_choose_a_page(query, expected):
    assert page_variables(parse(query)) == expected


@pytest.fixture
def planner() -> PlannedQueries:
    settings_ = Settings()
    rules = limit_rules(settings_)
    return PlannedQueries(build_schema(settings_, rules)._schema, settings_, rules)


def test_the_pages_of_one_list_share_one_plan(planner):
    query = """query($after: String, $yes: Boolean!) { bodies(first: 2, after: $after) { totalCount
        edges { node { id name @include(if: $yes) } } } }"""
    first, second, other = (planner.plan(GraphQLRequest(query, variables))["bodies"]
                            for variables in ({"yes": True}, {"yes": True, "after": encode_cursor(1)},
                                              {"yes": False, "after": encode_cursor(1)}))
    assert (first.selection.offset, second.selection.offset) == (0, 2)
    assert first.write is second.write
    assert other.write is not second.write and "name" not in other.selection.fields


class SlowStore(CountingStore):
    """A store whose page selections take longer than the test's time limit."""

    def select_page(self, selection):
        self.calls["select_page"] += 1
        page = self._store.select_page(selection)
        time.sleep(0.5)
        return page


def test_a_planned_list_over_the_time_limit_is_refused_and_not_run_again(graph, make_api):
    slow = SlowStore(graph)
    api = make_api(slow, request_timeout=0.1)
    body = api("{ bodies { totalCount edges { node { name } } } }")
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "PREVGRAPH_REQUEST_TIMEOUT" in body["errors"][0]["message"]
    assert slow.calls["select_page"] == 1 and "find_nodes_counted" not in slow.calls


def test_the_operation_a_request_names_is_the_one_planned(graph, counted):
    counting, api = counted
    query = """query Lists { bodies(first: 2) { edges { node { name } } } }
        query Stats { stats { nodes } }"""
    for name in ("Lists", "Stats"):
        counting.calls.clear()
        response = api.client.post("/graphql", json={"query": query, "operationName": name})
        assert response.json() == resolved(graph, query, operation_name=name)
        assert ("select_page" in counting.calls) == (name == "Lists")



class BrokenSelections(CountingStore):
    """A store whose page selections fail with an error no store raises on purpose (a bug)."""

    def select_page(self, selection):
        raise RuntimeError("a bug in select_page")


def test_a_planned_list_that_fails_unexpectedly_is_still_answered_and_logged(graph, make_api, caplog):
    api = make_api(BrokenSelections(graph))
    query = "{ bodies(first: 3) { totalCount edges { node { name outgoingFlows { target { name } } } } } }"
    assert api(query) == resolved(graph, query)
    assert "a planned list query failed" in caplog.text and "a bug in select_page" in caplog.text
