"""Whole-graph answers (gaps, /map) are kept per store version and computed in a bounded pool of their own."""

from __future__ import annotations

import threading

from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id

from .test_batching import CountingStore

GAPS = "{ gaps { id kind nodes { id } evidence { documentId } } }"
NEW_DOC = "document:new-report"
SENTENCE = "The Peacebuilding Commission has no formal link with the General Assembly."


def _new_document() -> DocumentBatch:
    evidence = (Evidence(document=NEW_DOC, quote=SENTENCE, start=0, end=len(SENTENCE), rule="test-rule"),)
    link = Edge(id=edge_id("body:pbc", "NO_LINK", "body:ga", None), type="NO_LINK", source="body:pbc",
                target="body:ga", evidence=evidence)
    return DocumentBatch(document=Node(id=NEW_DOC, kind="Document", name="New report", props={"text": SENTENCE}),
                         edges=(link,))


def _cited(gaps: list[dict]) -> set[str]:
    return {e["documentId"] for f in gaps for e in f["evidence"]}


def test_gaps_are_computed_once_per_store_version_and_a_write_shows_at_once(graph, make_api):
    counting = CountingStore(graph)
    api = make_api(counting)
    first = api.data(GAPS)["gaps"]
    assert api.data(GAPS)["gaps"] == first
    assert counting.calls["to_networkx"] == 1
    assert NEW_DOC not in _cited(first)
    graph.load_document(_new_document())
    after = api.data(GAPS)["gaps"]
    assert counting.calls["to_networkx"] == 2
    assert NEW_DOC in _cited(after), "the next gaps answer reflects the new document"
    stated = [f for f in after if NEW_DOC in {e["documentId"] for e in f["evidence"]}]
    assert {"body:pbc", "body:ga"} <= {n["id"] for f in stated for n in f["nodes"]}


def test_a_curation_invalidates_the_kept_gaps(graph, make_api):
    api = make_api(graph, api_key="secret")
    before = api.data(GAPS)["gaps"]
    api.data("""mutation($input: FactInput!) { addFact(input: $input) { id } }""",
             {"input": {"from": "PBC", "type": "NO_LINK", "to": "GA", "sourceRef": "a curator's reading"}},
             key="secret")
    after = api.data(GAPS)["gaps"]
    added = {f["id"] for f in after} - {f["id"] for f in before}
    assert added, "the curated missing link is a finding at once"
    assert {"body:pbc", "body:ga"} <= {n["id"] for f in after if f["id"] in added for n in f["nodes"]}


def test_the_map_page_is_kept_per_store_version_and_options(graph, make_api):
    rendered = []

    def renderer(store, params):
        rendered.append(params)
        return f"<html><body>{store.stats().nodes} nodes</body></html>"

    api = make_api(graph, map_page=renderer)
    for _ in range(2):
        assert "14 nodes" in api.client.get("/map?focus=HRC&hops=2").text
    api.client.get("/map?focus=SC")
    assert len(rendered) == 2
    graph.upsert([Node(id="body:new", kind="Body", name="A new body")])
    assert "15 nodes" in api.client.get("/map?focus=HRC&hops=2").text
    assert len(rendered) == 3


class HeldProjection(CountingStore):
    """A store whose projection waits until the test releases it, as a large graph's would take its time."""

    def __init__(self, store) -> None:
        super().__init__(store)
        self.entered, self.release = threading.Event(), threading.Event()

    def to_networkx(self):
        self.entered.set()
        assert self.release.wait(60), "the test never released the projection"
        return self._store.to_networkx()


def test_when_the_pool_and_its_queue_are_full_a_new_computation_is_refused_at_once(graph, make_api):
    held = HeldProjection(graph)
    api = make_api(held, analysis_threads=1, analysis_queue=0)
    answers: list[dict] = []
    running = threading.Thread(target=lambda: answers.append(api(GAPS)))
    running.start()
    assert held.entered.wait(60)
    refused = api("{ gaps(kind: BLOCKED_CHANNEL) { id } }")  # answered while the computation is still held
    assert not held.release.is_set() and running.is_alive()
    assert refused["data"] is None
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["BUSY"]
    assert "PREVGRAPH_ANALYSIS_QUEUE" in refused["errors"][0]["message"]
    shared: list[dict] = []
    same = threading.Thread(target=lambda: shared.append(api(GAPS)))  # the computation under way is shared
    same.start()
    held.release.set()
    running.join()
    same.join()
    assert "errors" not in shared[0] and shared[0] == answers[0]
    assert "errors" not in api("{ gaps(kind: BLOCKED_CHANNEL) { id } }")
