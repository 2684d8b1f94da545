"""Planned list pages answer exactly what the resolvers answer, from one store selection.

Each query is sent over HTTP (planned) and run on the schema with planning switched off
(every list resolved field by field); the responses must be equal. Queries are generated from the
parts a researcher writes: aliases, named and inline fragments, ``__typename``,
``@skip``/``@include`` with variables, filters, pages and cursors.
"""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prevgraph.api import planned
from prevgraph.api.context import Context
from prevgraph.api.planned import EDGE_PLAIN, EVIDENCE_PLAIN, NODE_PLAIN, PAGE_INFO_PLAIN
from prevgraph.api.schema import build_schema
from prevgraph.schema import Edge, Evidence, Node
from prevgraph.settings import Settings

from .test_batching import CountingStore

EVIDENCE = sorted(EVIDENCE_PLAIN)
EDGE = sorted(EDGE_PLAIN)
NODE = sorted(NODE_PLAIN)


def _never_planned(_root):
    raise planned.Unplannable("planning switched off by the test")


def resolved(store, query: str, variables: dict | None = None, operation_name: str | None = None) -> dict:
    """The response of ``query`` resolved field by field, as the HTTP endpoint would send it."""
    settings_ = Settings()
    schema = build_schema(settings_)
    context = Context(store, settings_, None, None, asyncio.Lock())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("prevgraph.api.queries.plan_page", _never_planned)
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
        page.append(f"pageInfo {{ {draw(scalars(sorted(PAGE_INFO_PLAIN)))} }}")
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


def test_response_keys_that_look_like_code_are_only_keys(graph, counted):
    """Aliases named like Python or like the objects' private attributes are plain response keys."""
    _, api = counted
    query = """{ bodies(first: 3) { edges { node { lambda: name None: id row: kind v0: name record: id
        planned: name ends: kind outgoingFlows { import: id row: target { v1: name } } } } } }"""
    body = api(query)
    assert "errors" not in body, body
    assert body == resolved(graph, query)
    first = body["data"]["bodies"]["edges"][0]["node"]
    assert set(first) == {"lambda", "None", "row", "v0", "record", "planned", "ends", "outgoingFlows"}


class SlowStore(CountingStore):
    """A store whose page selections outlast the test's time limit: each waits until the test ends."""

    def __init__(self, store) -> None:
        super().__init__(store)
        self.release = threading.Event()

    def select_page(self, selection):
        self.calls["select_page"] += 1
        page = self._store.select_page(selection)
        self.release.wait(30)
        return page


def test_a_planned_list_over_the_time_limit_is_refused_and_not_run_again(graph, make_api):
    slow = SlowStore(graph)
    api = make_api(slow, request_timeout=0.1)
    body = api("{ bodies { totalCount edges { node { name } } } }")
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "PREVGRAPH_REQUEST_TIMEOUT" in body["errors"][0]["message"]
    assert slow.calls["select_page"] == 1 and "find_nodes_counted" not in slow.calls
    slow.release.set()


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
        self.calls["select_page"] += 1
        raise RuntimeError("a bug in select_page")


def test_a_planned_list_that_fails_unexpectedly_is_an_internal_error_and_not_run_again(graph, make_api):
    broken = BrokenSelections(graph)
    api = make_api(broken)
    body = api("{ bodies(first: 3) { totalCount edges { node { name outgoingFlows { target { name } } } } } }")
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INTERNAL_ERROR"]
    assert "a bug" not in body["errors"][0]["message"]
    assert broken.calls["select_page"] == 1 and "find_nodes" not in broken.calls


def test_a_list_resolved_field_by_field_is_counted_and_logged(graph, counted, caplog):
    _, api = counted
    before = planned.FALLBACKS["props"]
    with caplog.at_level(logging.DEBUG, logger="prevgraph.api.planned"):
        api.data("{ bodies(first: 2) { edges { node { id props } } } }")
    assert planned.FALLBACKS["props"] == before + 1
    assert any(r.levelno == logging.DEBUG and "props" in r.getMessage() for r in caplog.records)


def _stored_scalars(model) -> list[str]:
    return [name for name in model.model_fields if name not in ("props", "evidence")]


@pytest.mark.parametrize("field", _stored_scalars(Node))
def test_every_stored_scalar_of_a_node_is_planned(graph, counted, field):
    counting, api = counted
    (graphql_name,) = [n for n in NODE_PLAIN if n.replace("_", "").lower() == field.replace("_", "").lower()]
    query = f"{{ nodes {{ edges {{ node {{ {graphql_name} outgoingFlows {{ target {{ {graphql_name} }} }} }} }} }} }}"
    counting.calls.clear()
    assert api(query) == resolved(graph, query)
    assert set(counting.calls) == {"select_page"}


@pytest.mark.parametrize("field", [*_stored_scalars(Edge), *_stored_scalars(Evidence)])
def test_every_stored_scalar_of_a_relationship_or_its_evidence_is_planned_or_shown_otherwise(graph, counted, field):
    """``source``, ``target`` and ``blocks`` are shown as objects, an evidence's ``document`` as ``documentId``
    (its ``match_start`` and ``match_end`` are not in the API); every other stored scalar is a planned field."""
    counting, api = counted
    shown = {"source": "source { id }", "target": "target { id }", "blocks": None, "document": "documentId",
             "match_start": None, "match_end": None}
    plain = {n.replace("_", "").lower(): n for n in (*EDGE_PLAIN, *EVIDENCE_PLAIN)}
    selected = shown.get(field, plain.get(field.replace("_", "").lower()))
    if selected is None:
        assert field in shown, f"{field} is stored but neither planned nor shown by a field of its own"
        return
    inner = f"evidence {{ {selected} }}" if field in Evidence.model_fields else selected
    query = f"{{ bodies {{ edges {{ node {{ relationships {{ {inner} }} }} }} }} }}"
    counting.calls.clear()
    assert api(query) == resolved(graph, query)
    assert set(counting.calls) == {"select_page"}


def test_a_planned_list_beside_other_root_fields_keeps_their_records_whole(graph, counted):
    """A page reads only some fields of its nodes; a lookup of the same node in the same query shows all of it."""
    counting, api = counted
    query = """{ bodies { edges { node { id outgoingFlows { target { id name } } } } }
        node(id: "office:hc") { name props evidence { quote } } bySc: node(id: "body:sc") { evidence { rule } } }"""
    body = api(query)
    assert "errors" not in body, body
    assert body == resolved(graph, query)
    assert body["data"]["node"]["evidence"] and body["data"]["bySc"]["evidence"]
    assert counting.calls["select_page"] == 1
