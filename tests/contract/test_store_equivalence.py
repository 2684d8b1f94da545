"""The two stores side by side: the same input gives the same graph, and copies are equal.

Unlike ``test_store_contract.py`` (one store at a time), these tests hold an SQLite
store and a Neo4j store at once and compare what they give back.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from prevgraph.errors import PrevgraphError
from prevgraph.graph.export import write_export
from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node, edge_id, ontology

pytestmark = pytest.mark.neo4j

ONTO = ontology()
TEXT = "The Council requested a briefing. The High Commissioner briefed the Security Council. A State objected."


def _ev(doc: str, sentence: int, rule: str = "test-rule") -> Evidence:
    quote = TEXT.split(". ")[sentence]
    start = TEXT.index(quote)
    return Evidence(document=doc, quote=quote, start=start, end=start + len(quote), rule=rule)


def _node(kind: str, key: str, doc: str, sentence: int = 0, **extra) -> Node:
    return Node(id=f"{kind.lower()}:{key}", kind=kind, name=key.replace("-", " ").title(),
                evidence=(_ev(doc, sentence),), **extra)


def _edge(src: Node, rel: str, dst: Node, doc: str, status: str | None = None, **extra) -> Edge:
    return Edge(id=edge_id(src.id, rel, dst.id, status, extra.get("blocks")), type=rel, source=src.id,
                target=dst.id, status=status, evidence=(_ev(doc, 1),), **extra)


def _document(key: str) -> Node:
    return Node(id=f"document:{key}", kind="Document", name=key, props={"text": TEXT, "format": "text"})


def sample_batches() -> list[DocumentBatch]:
    """A small prevention graph over three documents: flows of every status, a block, structure, merges."""
    a, b, c = "document:report", "document:concept-note", "document:statement"
    hrc = _node("Body", "human-rights-council", a, aliases=("HRC", "UNHRC"), location="GENEVA",
                pillar="HUMAN_RIGHTS", source="A/RES/60/251", origin="reference")
    sc = _node("Body", "security-council", a, aliases=("UNSC",), location="NEW_YORK", pillar="PEACE_AND_SECURITY")
    hc = _node("Office", "high-commissioner", a, location="GENEVA", pillar="HUMAN_RIGHTS")
    res = _node("Resolution", "a-hrc-res-45-31", a, props={"date": "2020-10-07", "symbol": "A/HRC/RES/45/31"})
    para = _node("Paragraph", "a-hrc-res-45-31-5-f", a, props={"number": "5(f)", "operative": True})
    meeting = _node("Meeting", "policy-dialogue", b, props={"rule": "Chatham House", "year": 2023})
    participant = _node("Participant", "ngo-representative", b, reviewed=False)
    state = _node("State", "state-x", c, 2)
    requests = _edge(para, "REQUESTS", hc, a, "MANDATED", date="2020-10-07")
    briefs = _edge(hc, "BRIEFS", sc, a, "BLOCKED")
    blocks = _edge(state, "BLOCKS", hc, c, "REALISED", blocks=briefs.id)
    return [
        DocumentBatch(document=_document("report"), nodes=(hrc, sc, hc, res, para), edges=(
            requests, briefs, _edge(res, "ADOPTED_BY", hrc, a), _edge(para, "PART_OF", res, a),
            _edge(hc, "PART_OF", hrc, a))),
        DocumentBatch(document=_document("concept-note"), nodes=(
            meeting, participant, _node("Body", "human-rights-council", b, aliases=("the Council",)),
            _node("Body", "security-council", b)), edges=(
            _edge(participant, "ATTENDED", meeting, b), _edge(meeting, "ORGANISED_BY", sc, b, props={"role": "host"}),
            _edge(hrc, "BRIEFS", sc, b, "PROPOSED"), _edge(hrc, "NO_LINK", sc, b))),
        DocumentBatch(document=_document("statement"), nodes=(state, _node("Office", "high-commissioner", c, 2)),
                      edges=(blocks, _edge(hc, "BRIEFS", sc, c, "UNREALISED", date="2022"))),
    ]


def signature(graph: nx.MultiDiGraph) -> tuple[list, list]:
    """A projection as sorted plain data, so two projections compare with ==."""
    nodes = sorted((n, json.dumps(d, sort_keys=True)) for n, d in graph.nodes(data=True))
    edges = sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in graph.edges(keys=True, data=True))
    return nodes, edges


def exported(store) -> dict:
    buffer = io.BytesIO()
    write_export(store, "json", buffer)
    return json.loads(buffer.getvalue())


@pytest.fixture
def second_sqlite(tmp_path: Path):
    store = SqliteStore(tmp_path / "second.db")
    yield store
    store.close()


def test_the_same_documents_give_the_same_projection(sqlite_store, neo4j_store):
    for batch in sample_batches():
        assert sqlite_store.load_document(batch) == neo4j_store.load_document(batch)
    left, right = sqlite_store.to_networkx(), neo4j_store.to_networkx()
    assert nx.utils.graphs_equal(left, right)
    assert signature(left) == signature(right)
    assert left.number_of_nodes() == 11 and left.number_of_edges() == 11
    assert sqlite_store.stats() == neo4j_store.stats()


def test_reloading_a_document_changes_both_stores_alike(sqlite_store, neo4j_store):
    batches = sample_batches()
    shorter = batches[0].model_copy(update={"nodes": batches[0].nodes[:3], "edges": batches[0].edges[1:2]})
    for batch in [*batches, shorter, batches[1]]:
        assert sqlite_store.load_document(batch) == neo4j_store.load_document(batch)
    assert signature(sqlite_store.to_networkx()) == signature(neo4j_store.to_networkx())


def test_copy_sqlite_to_neo4j_to_sqlite_gives_equal_graphs(sqlite_store, neo4j_store, second_sqlite):
    for batch in sample_batches():
        sqlite_store.load_document(batch)
    original = exported(sqlite_store)
    assert sqlite_store.copy_to(neo4j_store, batch_size=3) == sqlite_store.stats()
    assert exported(neo4j_store) == original
    assert neo4j_store.copy_to(second_sqlite, batch_size=2) == sqlite_store.stats()
    assert exported(second_sqlite) == original
    assert signature(second_sqlite.to_networkx()) == signature(sqlite_store.to_networkx())


def test_copying_twice_changes_nothing(sqlite_store, neo4j_store):
    for batch in sample_batches():
        sqlite_store.load_document(batch)
    sqlite_store.copy_to(neo4j_store)
    once = exported(neo4j_store)
    sqlite_store.copy_to(neo4j_store)
    assert exported(neo4j_store) == once


# --- generated input -------------------------------------------------------------------------

_TRIPLES = sorted({(s, name, d) for name, kind in ONTO.relationship_kinds.items()
                   for sources, targets in kind.patterns for s in sources for d in targets})
_STATUSES = sorted(ONTO.statuses)
_LOCATIONS = [None, *sorted(ONTO.locations)]
_WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=12)
_PROP_VALUES = st.one_of(st.integers(-5, 3000), st.floats(allow_nan=False, allow_infinity=False), _WORDS,
                         st.booleans(), st.none(), st.lists(_WORDS, max_size=2))


@st.composite
def _generated_node(draw, kind: str, doc: str) -> Node:
    if kind == "Document":
        return _document(doc.split(":", 1)[1])
    has_pillar = ONTO.node_kinds[kind].has_pillar
    key = draw(st.sampled_from(["a", "b", "c"]))
    return Node(
        id=f"{kind.lower()}:{key}", kind=kind, name=draw(_WORDS).strip() or "x",
        aliases=tuple(draw(st.lists(_WORDS, max_size=2))),
        location=draw(st.sampled_from(_LOCATIONS)),
        pillar=draw(st.sampled_from([None, *sorted(ONTO.pillars)])) if has_pillar else None,
        origin=draw(st.sampled_from(["extracted", "reference", "curated"])),
        reviewed=draw(st.booleans()),
        props=draw(st.dictionaries(st.sampled_from(["n", "year", "role", "tags"]), _PROP_VALUES, max_size=2)),
        evidence=(_ev(doc, draw(st.integers(0, 2)), draw(st.sampled_from(["rule-a", "rule-b"]))),),
    )


@st.composite
def _generated_batch(draw) -> DocumentBatch:
    doc = f"document:{draw(st.sampled_from(['one', 'two']))}"
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for source_kind, rel, target_kind in draw(st.lists(st.sampled_from(_TRIPLES), max_size=5)):
        source, target = draw(_generated_node(source_kind, doc)), draw(_generated_node(target_kind, doc))
        for node in (source, target):
            if node.kind != "Document":
                nodes.setdefault(node.id, node)
        status = draw(st.sampled_from(_STATUSES)) if ONTO.relationship_kinds[rel].is_flow else None
        blocks = (edges[-1].id if edges else "briefs:elsewhere") if rel == "BLOCKS" else None
        edges.append(Edge(id=edge_id(source.id, rel, target.id, status, blocks), type=rel, source=source.id,
                          target=target.id, status=status, blocks=blocks,
                          date=draw(st.sampled_from([None, "2006", "2020-10-07"])),
                          evidence=(_ev(doc, draw(st.integers(0, 2))),)))
    return DocumentBatch(document=_document(doc.split(":", 1)[1]), nodes=tuple(nodes.values()), edges=tuple(edges))


def _outcome(store, batch: DocumentBatch):
    try:
        return store.load_document(batch)
    except PrevgraphError as exc:
        return type(exc).__name__


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(batches=st.lists(_generated_batch(), min_size=1, max_size=4))
def test_generated_batches_give_equal_projections(sqlite_store, neo4j_store, batches):
    sqlite_store.clear()
    neo4j_store.clear()
    for batch in batches:
        outcome = _outcome(sqlite_store, batch)
        event(outcome if isinstance(outcome, str) else "loaded")
        assert outcome == _outcome(neo4j_store, batch)
    assert signature(sqlite_store.to_networkx()) == signature(neo4j_store.to_networkx())
    assert sqlite_store.stats() == neo4j_store.stats()
    for node in sqlite_store.find_nodes():
        assert sqlite_store.incident_edges([node.id]) == neo4j_store.incident_edges([node.id])
