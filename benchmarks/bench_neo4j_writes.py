"""Batched versus per-row relationship writes into a real Neo4j, for each of the store's write paths.

    scripts/neo4j-local start
    .venv/bin/python -m benchmarks.bench_neo4j_writes                 # 100,000 relationships
    .venv/bin/python -m benchmarks.bench_neo4j_writes --relationships 20000 --per-row-sample 2000

The relationships are the first N edges of a seeded synthetic graph
(:mod:`benchmarks.generate`); its nodes are written first, untimed. Each path starts
from those nodes and no relationships, except the merge of stored relationships, which
starts from all of them (written by the path before it):

- create, batched: ``Neo4jStore.create`` per ``--batch-size`` edges (one transaction
  each: the ends' kinds are read and checked, then one ``CREATE`` statement for all
  types), one transaction at a time, then ``--parallel`` at once as ``prevgraph copy``
  into an empty store writes them (``write_batches``);
- upsert of new edges, batched: ``Neo4jStore.upsert`` per batch (the stored versions are
  looked up, found absent, and the edges created), as a load of new documents writes;
- upsert of stored edges, batched: the same batches again (found, merged with what is
  stored, written with one ``MERGE`` statement per type);
- the ``MERGE`` statement alone, batched, from no relationships
  (:func:`prevgraph.graph.cypher.merge_edges`, one statement per type per transaction);
- per row: the ``MERGE`` and the ``CREATE`` statement with one row per statement and per
  transaction, as a naive loader writes, timed on ``--per-row-sample`` rows (5,000 by
  default) with the rate extrapolated, and the ``MERGE`` per row in one transaction for
  the sample, to show how much of the cost is commits and how much round trips.

It prints the rate of each path in rows per second and the ratios batched / per row for
merge and for create. It EMPTIES the database's prevgraph graph first (the ``Entity``
nodes), holding the same machine-wide lock as the test suite so that a test run on this
machine cannot empty it in the middle. A warm-up pass (untimed) lets the JVM compile the
statements first.
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

import neo4j

from benchmarks.generate import synthetic_graph
from prevgraph.graph import cypher
from prevgraph.graph.neo4j_store import Neo4jStore, edge_columns
from prevgraph.graph.store import write_batches
from prevgraph.schema import Edge
from prevgraph.settings import Settings

DELETE_SOME_RELATIONSHIPS = "MATCH (:Entity)-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS n"
COUNT_RELATIONSHIPS = "MATCH (:Entity)-[r]->() RETURN count(r) AS n"


@contextmanager
def exclusive(uri: str) -> Iterator[None]:
    """The lock tests/conftest.py's ``neo4j_exclusive`` takes for the same URI."""
    name = hashlib.sha1(uri.encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"prevgraph-neo4j-{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def relationships(count: int, seed: int, store: Neo4jStore) -> list[Edge]:
    """Write the nodes a synthetic graph needs for ``count`` edges, and return those edges."""
    graph = synthetic_graph(max(100, int(count / 1.4)), seed)
    while True:
        edges = list(itertools.islice((e for b in graph.edge_batches() for e in b), count))
        if len(edges) == count:
            break
        graph = synthetic_graph(int(graph.nodes * 1.2), seed)
    write_batches(lambda nodes: store.create(nodes, ()), graph.node_batches(5_000), store.parallel_writes)
    return edges


def clear_relationships(session: neo4j.Session) -> None:
    while session.execute_write(lambda tx: tx.run(DELETE_SOME_RELATIONSHIPS, limit=20_000).single(strict=True)["n"]):
        pass


def batches(edges: list[Edge], size: int) -> list[list[Edge]]:
    return [edges[start:start + size] for start in range(0, len(edges), size)]


def merge_statements(session: neo4j.Session, edges: list[Edge], batch_size: int) -> None:
    """The store's ``MERGE`` statement, one per type in each transaction of ``batch_size`` rows."""
    def one_batch(tx: neo4j.ManagedTransaction, batch: list[Edge]) -> None:
        by_type: dict[str, list[Edge]] = {}
        for edge in batch:
            by_type.setdefault(edge.type, []).append(edge)
        for rel_type, typed in by_type.items():
            tx.run(cypher.merge_edges(rel_type), edge_columns(typed)).consume()

    for batch in batches(edges, batch_size):
        session.execute_write(one_batch, batch)


def per_row(session: neo4j.Session, edges: list[Edge], statement: Callable[[Edge], str]) -> None:
    """One row per statement and per transaction."""
    for edge in edges:
        session.execute_write(lambda tx, e=edge: tx.run(statement(e), edge_columns([e])).consume())


def per_row_one_transaction(session: neo4j.Session, edges: list[Edge]) -> None:
    def all_rows(tx: neo4j.ManagedTransaction) -> None:
        for edge in edges:
            tx.run(cypher.merge_edges(edge.type), edge_columns([edge])).consume()

    session.execute_write(all_rows)


def timed(session: neo4j.Session, write: Callable[[], object], expected: int, *, fresh: bool = True) -> float:
    """Seconds ``write`` takes (from no relationships when ``fresh``); checks ``expected`` are stored after it."""
    if fresh:
        clear_relationships(session)
    started = time.perf_counter()
    write()
    seconds = time.perf_counter() - started
    written = session.run(COUNT_RELATIONSHIPS).single(strict=True)["n"]
    assert written == expected, f"{written} relationships stored, expected {expected}"
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_neo4j_writes",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=os.environ.get("PREVGRAPH_TEST_NEO4J", "bolt://127.0.0.1:7687"))
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--per-row-sample", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--parallel", type=int, default=Neo4jStore.parallel_writes,
                        help="transactions at once for the parallel create (default: the store's parallel_writes)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    settings = Settings.from_env()
    with exclusive(args.uri), Neo4jStore.connect(args.uri, settings) as store:
        store.clear()
        edges = relationships(args.relationships, args.seed, store)
        sample = edges[:: max(1, len(edges) // args.per_row_sample)][:args.per_row_sample]
        chunks = batches(edges, args.batch_size)
        n = len(edges)
        driver = store._driver  # the statement paths measure raw statements on the store's own connection
        with driver.session(database=settings.neo4j_database) as session:
            warm = edges[:min(n, 2 * args.batch_size)]
            timed(session, lambda: [store.create((), b) for b in batches(warm, args.batch_size)], len(warm))
            timed(session, lambda: merge_statements(session, warm, args.batch_size), len(warm))
            rows: list[tuple[str, int, float]] = [
                ("create, batched (Neo4jStore.create, one transaction at a time)", n,
                 timed(session, lambda: [store.create((), b) for b in chunks], n)),
                (f"create, batched, {args.parallel} transactions at once (as prevgraph copy)", n,
                 timed(session, lambda: write_batches(lambda b: store.create((), b), chunks, args.parallel), n)),
                ("upsert of new edges, batched (looked up, then CREATE)", n,
                 timed(session, lambda: [store.upsert((), b) for b in chunks], n)),
                ("upsert of stored edges, batched (looked up, merged, MERGE)", n,
                 timed(session, lambda: [store.upsert((), b) for b in chunks], n, fresh=False)),
                ("MERGE statement, batched, from no relationships", n,
                 timed(session, lambda: merge_statements(session, edges, args.batch_size), n)),
                ("MERGE per row, one transaction each", len(sample),
                 timed(session, lambda: per_row(session, sample, lambda e: cypher.merge_edges(e.type)), len(sample))),
                ("CREATE per row, one transaction each", len(sample),
                 timed(session, lambda: per_row(session, sample, lambda e: cypher.CREATE_EDGES), len(sample))),
                ("MERGE per row, all in one transaction", len(sample),
                 timed(session, lambda: per_row_one_transaction(session, sample), len(sample))),
            ]
            clear_relationships(session)
        agent = driver.get_server_info().agent
        store.clear()

    rates = {label: count / seconds for label, count, seconds in rows}
    print(f"Neo4j {agent} at {args.uri}; nproc {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}; "
          f"{n:,} relationships of {len({e.type for e in edges})} types, {args.batch_size:,} per transaction; "
          f"per-row sample {len(sample):,}")
    for label, _, seconds in rows:
        print(f"{label:72s} {seconds:8.2f} s {rates[label]:10,.0f} rows/s")
    (create, parallel, new, stored, merge, merge_row, create_row, one_tx) = (rates[label] for label, _, _ in rows)
    print(f"merge: batched / per row {merge / merge_row:.0f}x (per row in one transaction: {merge / one_tx:.1f}x); "
          f"upsert of new edges / per row {new / merge_row:.0f}x; upsert of stored edges / per row "
          f"{stored / merge_row:.0f}x")
    print(f"create: batched / per row {create / create_row:.0f}x; {args.parallel} at once / per row "
          f"{parallel / create_row:.0f}x")

if __name__ == "__main__":
    main()
