"""The synthetic graph generator of benchmarks/: seeded, valid against the ontology, shaped like the corpus.

Run as the benchmarks run it, ``python -m benchmarks.generate`` from the repository root.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from prevgraph.graph import EdgeFilter, NodeFilter
from prevgraph.graph.sqlite_store import SqliteStore

REPO = Path(__file__).resolve().parents[2]


def generate(*args: object) -> str:
    result = subprocess.run([sys.executable, "-m", "benchmarks.generate", *map(str, args)], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_seed_fixes_every_record_whatever_the_batch_size():
    first = generate("--nodes", 3000, "--seed", 11).splitlines()[-1]
    assert generate("--nodes", 3000, "--seed", 11, "--batch-size", 7).splitlines()[-1] == first
    assert generate("--nodes", 3000, "--seed", 12).splitlines()[-1] != first


def test_a_generated_graph_loads_and_looks_like_a_prevention_graph(tmp_path: Path):
    path = tmp_path / "synthetic.db"
    assert "loaded 5000 nodes" in generate("--nodes", 5000, "--seed", 3, "--store", path)  # upsert checks patterns
    store = SqliteStore(path)
    try:
        stats = store.stats()
        kinds = stats.nodes_by_kind
        assert stats.nodes == 5000 and stats.edges > stats.nodes
        assert kinds["Paragraph"] > kinds["Document"] > kinds["Resolution"] > kinds["Body"] >= 12
        assert set(stats.flows_by_status) == {"MANDATED", "REALISED", "BLOCKED", "UNREALISED", "PROPOSED"}
        bodies = store.find_nodes(NodeFilter(kind="Body"))
        assert {b.location for b in bodies} == {"GENEVA", "NEW_YORK", "FIELD"} and all(b.pillar for b in bodies)
        for block in store.find_edges(EdgeFilter(types=("BLOCKS",))):
            blocked = store.edge(block.blocks)
            assert blocked.type == "BRIEFS" and blocked.status == "BLOCKED"
            assert block.target in (blocked.source, blocked.target)
        documents = {n.id for n in store.find_nodes(NodeFilter(kind="Document"))}
        for edge in store.find_edges(limit=500):
            assert edge.evidence and {e.document for e in edge.evidence} <= documents
        briefed = Counter(e.target for e in store.find_edges(EdgeFilter(types=("BRIEFS",))))
        top = sum(count for _, count in briefed.most_common(3))
        assert top > sum(briefed.values()) / 4  # a few hubs receive much of the flow
    finally:
        store.close()
