"""A small hand-built graph of the Geneva - New York architecture, and an HTTP client on the API over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from prevgraph.api import create_app
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id
from prevgraph.settings import Settings

TEXT = ("The Human Rights Council requests the High Commissioner to brief it. "
        "The High Commissioner briefed the Security Council on Myanmar. "
        "There is no formal link between the Human Rights Council and the Security Council.")
DOC = "document:test-report"


def quote(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(document=DOC, quote=sentence, start=start, end=start + len(sentence), rule="test-rule")


EV = quote("The High Commissioner briefed the Security Council on Myanmar.")


def body(key: str, name: str, *aliases: str, location: str | None = None, pillar: str | None = None,
         kind: str = "Body", **props: Any) -> Node:
    return Node(id=f"{kind.lower()}:{key}", kind=kind, name=name, aliases=aliases, location=location,
                pillar=pillar, evidence=(EV,), props=props)


def flow(source: str, rel: str, target: str, status: str | None = "REALISED", date: str | None = None,
         **extra: Any) -> Edge:
    return Edge(id=edge_id(source, rel, target, status, date), type=rel, source=source, target=target,
                status=status, date=date, evidence=(EV,), **extra)


HRC, SC, OHCHR, HC, PBC, GA = ("body:hrc", "body:sc", "body:ohchr", "office:hc", "body:pbc", "body:ga")
RES, P5F, P3 = "resolution:a-hrc-res-45-31", "paragraph:a-hrc-res-45-31-5-f", "paragraph:a-hrc-res-45-31-3"
MEETING = "meeting:policy-dialogue"

NODES = [
    body("hrc", "Human Rights Council", "HRC", "UNHRC", location="GENEVA", pillar="HUMAN_RIGHTS"),
    body("sc", "Security Council", "UNSC", "SC", location="NEW_YORK", pillar="PEACE_AND_SECURITY"),
    body("ohchr", "Office of the High Commissioner for Human Rights", "OHCHR", location="GENEVA",
         pillar="HUMAN_RIGHTS"),
    body("hc", "High Commissioner for Human Rights", "High Commissioner", kind="Office", location="GENEVA",
         pillar="HUMAN_RIGHTS"),
    body("pbc", "Peacebuilding Commission", "PBC", location="NEW_YORK", pillar="PEACE_AND_SECURITY"),
    body("ga", "General Assembly", "GA", location="NEW_YORK", pillar="PEACE_AND_SECURITY"),
    Node(id=RES, kind="Resolution", name="A/HRC/RES/45/31", aliases=("resolution 45/31",), evidence=(EV,),
         props={"date": "2020-10-07"}),
    Node(id=P5F, kind="Paragraph", name="A/HRC/RES/45/31 OP5(f)", evidence=(EV,),
         props={"number": "5(f)", "text": "Requests the High Commissioner to brief"}),
    Node(id=P3, kind="Paragraph", name="A/HRC/RES/45/31 OP3", evidence=(EV,), props={"number": "3"}),
    Node(id=MEETING, kind="Meeting", name="HRC-SC policy dialogue", evidence=(EV,)),
    Node(id="participant:ohchr-representative", kind="Participant", name="a representative of OHCHR",
         evidence=(EV,)),
    Node(id="organization:wilton-park", kind="Organization", name="Wilton Park", evidence=(EV,)),
    Node(id="situation:myanmar", kind="Situation", name="Myanmar", evidence=(EV,)),
]

EDGES = [
    flow(HC, "BRIEFS", SC, "REALISED", "2022"),
    flow(HC, "BRIEFS", HRC, "MANDATED", "2020-10-07"),
    flow(HC, "PART_OF", OHCHR, None),
    flow(OHCHR, "BRIEFS", HC, "REALISED"),
    flow(PBC, "BRIEFS", HRC, "UNREALISED", "2021"),
    flow(PBC, "BRIEFS", SC, "REALISED", "2023"),
    flow(SC, "BRIEFS", GA, "PROPOSED", "2023-02-01"),
    flow(GA, "BRIEFS", HRC, "REALISED", "2023-03-01"),
    flow(HRC, "NO_LINK", SC, None),
    flow(RES, "ADOPTED_BY", HRC, None),
    flow(P5F, "PART_OF", RES, None),
    flow(P3, "PART_OF", RES, None),
    flow(P5F, "REQUESTS", HC, "MANDATED", "2020-10-07"),
    flow(P3, "INVITES", PBC, "MANDATED", "2020-10-07"),
    flow(MEETING, "ORGANISED_BY", "organization:wilton-park", None, props={"role": "host"}),
    flow("participant:ohchr-representative", "ATTENDED", MEETING, None),
    flow("participant:ohchr-representative", "REPRESENTS", OHCHR, None),
    flow(DOC, "PART_OF", MEETING, None),
    flow(MEETING, "CONCERNS", "situation:myanmar", None),
]
BLOCKED_FLOW = flow(PBC, "BRIEFS", HRC, "UNREALISED", "2021")
EDGES.append(Edge(id=edge_id(GA, "BLOCKS", PBC, "BLOCKED"), type="BLOCKS", source=GA, target=PBC,
                  status="BLOCKED", blocks=BLOCKED_FLOW.id, evidence=(EV,)))


def sample_batch() -> DocumentBatch:
    document = Node(id=DOC, kind="Document", name="Test report", props={"text": TEXT, "date": "2023-02-01"})
    return DocumentBatch(document=document, nodes=tuple(NODES), edges=tuple(EDGES))


@pytest.fixture
def graph(store):
    """The store with the hand-built graph loaded."""
    store.load_document(sample_batch())
    return store


class Api:
    """An HTTP client on the app, with a helper that posts one GraphQL query."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def __call__(self, query: str, variables: dict | None = None, key: str | None = None) -> dict:
        headers = {"X-API-Key": key} if key is not None else {}
        response = self.client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    def data(self, query: str, variables: dict | None = None, key: str | None = None) -> dict:
        """The data of a query that must not fail."""
        body = self(query, variables, key)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def make_api() -> Iterator[Callable[..., Api]]:
    """Build an API client over a store with settings overrides; closed at the end of the test."""
    clients: list[TestClient] = []

    def make(store, map_page=None, **settings: Any) -> Api:
        client = TestClient(create_app(replace(Settings(), **settings), store, map_page=map_page))
        client.__enter__()
        clients.append(client)
        return Api(client)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def api(graph, make_api) -> Api:
    """A client on the API over the hand-built graph, default settings."""
    return make_api(graph)
