"""`prevgraph load` of generated documents into the embedded store and into Neo4j, end to end.

    scripts/neo4j-local start
    .venv/bin/python -m benchmarks.bench_load                     # 1,000 documents
    .venv/bin/python -m benchmarks.bench_load --documents 200

The documents are the seeded synthetic ones of ``bench_loaders.py`` (every other one with
a paragraph of flow sentences), written as text files into a temporary folder. Each
store gets the same ``prevgraph --store STORE load FOLDER`` command as a user types it, in
its own process, timed on the wall clock from start to exit: a new SQLite file, then the
Neo4j database at ``--uri`` emptied first (holding the test suite's machine-wide lock for
that URI, as ``bench_neo4j_writes.py`` does). It prints both times, documents per second
and the ratio Neo4j / embedded; the two loads run one after the other in one run, so the
ratio holds on a shared machine better than either time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_neo4j_writes import exclusive
from benchmarks.synthetic_documents import generate
from benchmarks.synthetic_flows import add_flows
from prevgraph.graph.neo4j_store import Neo4jStore
from prevgraph.settings import Settings


def write_corpus(folder: Path, documents: int, seed: int) -> int:
    """The generated documents as text files; returns their size in bytes."""
    size = 0
    for index, doc in enumerate(add_flows(generate(documents, seed=seed), seed=seed)):
        path = folder / f"{index:05d}-{doc.name}.txt"
        path.write_text(doc.text, encoding="utf-8")
        size += len(doc.text.encode())
    return size


def timed_load(store: str, folder: Path) -> float:
    """Seconds for ``prevgraph --store STORE load FOLDER`` in its own process; fails loudly if the load does."""
    command = [str(Path(sys.executable).parent / "prevgraph"), "--store", store, "load", str(folder)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"prevgraph load into {store} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_load", description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=os.environ.get("PREVGRAPH_TEST_NEO4J", "bolt://127.0.0.1:7687"))
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="prevgraph-bench-load-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = write_corpus(folder, args.documents, args.seed)
        print(f"{args.documents} documents, {size / 1e6:.2f} MB of text, nproc {os.cpu_count()}")
        embedded = timed_load(str(Path(tmp) / "graph.db"), folder)
        with exclusive(args.uri):
            with Neo4jStore.connect(args.uri, Settings.from_env()) as store:
                store.clear()
            neo4j = timed_load(args.uri, folder)
        for name, seconds in (("embedded (SQLite)", embedded), ("Neo4j", neo4j)):
            print(f"{name:<18} {seconds:7.1f} s  {args.documents / seconds:7.1f} documents/s")
        print(f"Neo4j / embedded: {neo4j / embedded:.2f}x")


if __name__ == "__main__":
    main()
