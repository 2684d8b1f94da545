"""Batched versus per-row relationship writes into a real Neo4j.

    scripts/neo4j-local start
    .venv/bin/python -m benchmarks.bench_neo4j_writes                 # 100,000 relationships
    .venv/bin/python -m benchmarks.bench_neo4j_writes --relationships 20000 --per-row-sample 2000

The relationships are the first N edges of a seeded synthetic graph
(:mod:`benchmarks.generate`), written with the Neo4j store's own statement
(:func:`prevgraph.graph.cypher.merge_edges`, ``UNWIND $rows ... MERGE``) and parameters
(:func:`prevgraph.graph.neo4j_store.edge_row`) in two ways:

- batched: ``--batch-size`` rows per managed transaction, one ``UNWIND`` per relationship
  type in it, as the store writes them;
- per row: one row per statement and per managed transaction, as a naive loader does.
  The per-row path is timed on a sample (``--per-row-sample`` rows, 5,000 by default)
  and its rate extrapolated; a second per-row figure runs the same sample in one
  transaction, to show how much of the cost is commits and how much round trips.

Each way starts from the same nodes and no relationships. It EMPTIES the database's
prevgraph graph first (the ``Entity`` nodes), holding the same machine-wide lock as the
test suite so that a test run on this machine cannot empty it in the middle.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import itertools
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import neo4j

from benchmarks.generate import synthetic_graph
from prevgraph.graph import cypher
from prevgraph.graph.neo4j_store import Neo4jStore, edge_row
from prevgraph.settings import Settings

DELETE_SOME_RELATIONSHIPS = "MATCH (:Entity)-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n"


@contextmanager
def exclusive(uri: str) -> Iterator[None]:
    """The lock tests/conftest.py's ``neo4j_exclusive`` takes for the same URI."""
    name = hashlib.sha1(uri.encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"prevgraph-neo4j-{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def relationship_rows(count: int, seed: int, store: Neo4jStore) -> list[dict[str, Any]]:
    """Write the nodes a synthetic graph needs for ``count`` edges, and return the rows of those edges."""
    graph = synthetic_graph(max(100, int(count / 1.4)), seed)
    while True:
        edges = list(itertools.islice((e for b in graph.edge_batches() for e in b), count))
        if len(edges) == count:
            break
        graph = synthetic_graph(int(graph.nodes * 1.2), seed)
    for nodes in graph.node_batches(5_000):
        store.upsert(nodes, ())
    return [edge_row(e) for e in edges]


def clear_relationships(session: neo4j.Session) -> None:
    while session.execute_write(lambda tx: tx.run(DELETE_SOME_RELATIONSHIPS, limit=20_000).single(strict=True)["n"]):
        pass


def write_batched(session: neo4j.Session, rows: list[dict[str, Any]], batch_size: int) -> None:
    def one_batch(tx: neo4j.ManagedTransaction, batch: list[dict[str, Any]]) -> None:
        by_type: dict[str, list[dict[str, Any]]] = {}
        for row in batch:
            by_type.setdefault(row["type"], []).append(row)
        for rel_type, typed in by_type.items():
            tx.run(cypher.merge_edges(rel_type), rows=typed).consume()

    for start in range(0, len(rows), batch_size):
        session.execute_write(one_batch, rows[start:start + batch_size])


def write_per_row(session: neo4j.Session, rows: list[dict[str, Any]]) -> None:
    def one_row(tx: neo4j.ManagedTransaction, row: dict[str, Any]) -> None:
        tx.run(cypher.merge_edges(row["type"]), rows=[row]).consume()

    for row in rows:
        session.execute_write(one_row, row)


def write_per_row_one_transaction(session: neo4j.Session, rows: list[dict[str, Any]]) -> None:
    def all_rows(tx: neo4j.ManagedTransaction) -> None:
        for row in rows:
            tx.run(cypher.merge_edges(row["type"]), rows=[row]).consume()

    session.execute_write(all_rows)


def timed(session: neo4j.Session, write: Callable[[], None], expected: int) -> float:
    """Seconds ``write`` takes from an empty set of relationships; checks it wrote ``expected`` of them."""
    clear_relationships(session)
    started = time.perf_counter()
    write()
    seconds = time.perf_counter() - started
    written = session.run("MATCH (:Entity)-[r]->() RETURN count(r) AS n").single(strict=True)["n"]
    assert written == expected, f"wrote {written} relationships, expected {expected}"
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_neo4j_writes",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=os.environ.get("PREVGRAPH_TEST_NEO4J", "bolt://127.0.0.1:7687"))
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--per-row-sample", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sample = min(args.per_row_sample, args.relationships)

    settings = Settings.from_env()
    with exclusive(args.uri), Neo4jStore.connect(args.uri, settings) as store:
        store.clear()
        rows = relationship_rows(args.relationships, args.seed, store)
        sampled = rows[:: max(1, len(rows) // sample)][:sample]
        driver = store._driver  # the benchmark measures raw statements on the store's own connection
        with driver.session(database=settings.neo4j_database) as session:
            batched = timed(session, lambda: write_batched(session, rows, args.batch_size), len(rows))
            per_row = timed(session, lambda: write_per_row(session, sampled), len(sampled))
            one_tx = timed(session, lambda: write_per_row_one_transaction(session, sampled), len(sampled))
            clear_relationships(session)
        agent = driver.get_server_info().agent
        store.clear()

    batched_rate, per_row_rate, one_tx_rate = len(rows) / batched, len(sampled) / per_row, len(sampled) / one_tx
    print(f"Neo4j {agent} at {args.uri}; nproc {os.cpu_count()}; {len(rows):,} relationships, "
          f"{len({r['type'] for r in rows})} types")
    print(f"batched ({args.batch_size:,} rows per transaction, UNWIND ... MERGE): "
          f"{batched:8.2f} s  {batched_rate:10,.0f} rows/s")
    print(f"per row (one MERGE and one transaction per row; {len(sampled):,}-row sample, "
          f"extrapolated {len(rows) / per_row_rate:,.0f} s for all): {per_row_rate:10,.0f} rows/s")
    print(f"per row in one transaction ({len(sampled):,}-row sample):           {one_tx_rate:10,.0f} rows/s")
    print(f"batched / per row: {batched_rate / per_row_rate:.1f}x  "
          f"(batched / per row in one transaction: {batched_rate / one_tx_rate:.1f}x)")


if __name__ == "__main__":
    main()
