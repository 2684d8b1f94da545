"""Resolvers batch their store calls: a page of 100 bodies with their flows costs a handful of round trips.

The store is wrapped in a thin counter that forwards every call to the real store
(instrumentation, not a mock): the counts are the store calls the API really made.
"""

from __future__ import annotations

from collections import Counter

from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id

EV = (Evidence(document="document:many", quote="q", start=0, end=1, rule="test"),)


class CountingStore:
    """Forwards every attribute to a real store, counting calls of its public methods."""

    def __init__(self, store) -> None:
        self._store = store
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str):
        attr = getattr(self._store, name)
        if not callable(attr) or name.startswith("_"):
            return attr

        def counted(*args, **kwargs):
            self.calls[name] += 1
            return attr(*args, **kwargs)

        return counted


def _many_bodies(store, n: int) -> None:
    bodies = [Node(id=f"body:b{i:03}", kind="Body", name=f"Body {i}", evidence=EV) for i in range(n)]
    edges = []
    for i in range(n):
        for step, status in ((1, "REALISED"), (7, "PROPOSED")):
            src, dst = f"body:b{i:03}", f"body:b{(i + step) % n:03}"
            edges.append(Edge(id=edge_id(src, "BRIEFS", dst, status), type="BRIEFS", source=src, target=dst,
                              status=status, evidence=EV))
    store.load_document(DocumentBatch(document=Node(id="document:many", kind="Document", name="Many bodies"),
                                      nodes=tuple(bodies), edges=tuple(edges)))


QUERY = """query($first: Int!) { bodies(first: $first) { totalCount edges { node { name
    outgoingFlows { status target { name } evidence { documentTitle } }
    incomingFlows(statuses: [REALISED]) { source { name } } } } } }"""


def test_a_page_of_100_bodies_with_their_flows_costs_a_few_store_calls(store, make_api):
    _many_bodies(store, 100)
    counting = CountingStore(store)
    api = make_api(counting)
    data = api.data(QUERY, {"first": 100})["bodies"]
    assert data["totalCount"] == 100 and len(data["edges"]) == 100
    first = data["edges"][0]["node"]
    assert {f["target"]["name"] for f in first["outgoingFlows"]} == {"Body 1", "Body 7"}
    assert first["outgoingFlows"][0]["evidence"][0]["documentTitle"] == "Many bodies"
    assert [f["source"]["name"] for f in first["incomingFlows"]] == ["Body 99"]
    assert counting.calls["find_nodes_counted"] == 1  # the page and totalCount in one call
    assert counting.calls["neighbourhood"] == 2  # one per (direction, types, statuses), not one per body
    assert counting.calls["nodes"] <= 2
    assert sum(counting.calls.values()) <= 6, counting.calls


def test_the_number_of_store_calls_does_not_grow_with_the_page(store, make_api):
    _many_bodies(store, 100)
    counting = CountingStore(store)
    api = make_api(counting)
    api.data(QUERY, {"first": 10})
    small = sum(counting.calls.values())
    counting.calls.clear()
    api.data(QUERY, {"first": 100})
    assert sum(counting.calls.values()) <= small <= 6


def test_dataloaders_are_not_shared_between_requests(graph, make_api):
    api = make_api(graph)
    assert api.data('{ node(id: "body:sc") { aliases } }')["node"]["aliases"] == ["SC", "UNSC"]
    node = graph.node("body:sc")
    graph.upsert([node.model_copy(update={"aliases": ("Council",)})])
    assert "Council" in api.data('{ node(id: "body:sc") { aliases } }')["node"]["aliases"]
