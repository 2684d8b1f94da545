"""File size and time until the map is drawn and still, in headless Chromium with networking off.

    .venv/bin/python benchmarks/bench_maps.py                  # the corpus, 500, 1,500 and 5,000 nodes
    .venv/bin/python benchmarks/bench_maps.py --sizes 500 --runs 1

For the sample corpus the graph is built the way a user builds it: ``prevgraph load corpus/``
into a temporary SQLite store, then ``prevgraph map`` (both through the CLI). The synthetic
graphs come from the seeded generator ``benchmarks/generate.py`` (many paragraphs, documents
and participants, few bodies and offices as hubs, flows of every status with their blocks).
Above 1,500 nodes the map folds (documents and paragraphs into their resolution or meeting,
participants into their organisation, then the least connected actors by location and kind).

Per case it prints: the graph's nodes and edges, the nodes and edges drawn, whether the map
was folded, the HTML size, the seconds Python took to write the page, and the milliseconds
from navigation start until the network was drawn (the median of ``--runs`` page loads; the
page draws with physics off, so it is still from then on, which each run also checks).
Aims (issue 7): corpus < 2 s; 5,000 nodes (aggregated) < 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from prevgraph.graph.projection import build_networkx
from prevgraph.visualisations import MapOptions, render_map
from prevgraph.visualisations.headless import offline_browser, open_map

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script or with -m: the generator is benchmarks/generate.py
from benchmarks.generate import synthetic_graph  # noqa: E402

PREVGRAPH = str(Path(sys.executable).parent / "prevgraph")


def synthetic_projection(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """The projection of the seeded synthetic graph of ``benchmarks/generate.py`` with ``n`` nodes."""
    graph = synthetic_graph(n, seed=seed)
    return build_networkx(graph.node_batches(), graph.edge_batches())


def corpus_map(folder: Path) -> tuple[Path, float, nx.MultiDiGraph]:
    """Load the sample corpus with the CLI into a temporary store and write its map with the CLI."""
    from prevgraph.graph.sqlite_store import SqliteStore

    db, html = folder / "corpus.db", folder / "corpus.html"
    subprocess.run([PREVGRAPH, "--store", str(db), "load", str(REPO / "corpus")], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([PREVGRAPH, "--store", str(db), "map", "-o", str(html)], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    with SqliteStore(db) as store:
        return html, seconds, store.to_networkx()


def measure(context, path: Path, runs: int) -> tuple[float, int, int]:
    """Median ms until drawn over ``runs`` page loads; the nodes and edges the page holds."""
    times = []
    for _ in range(runs):
        page, log, ready_ms = open_map(context, path, timeout_ms=120_000)
        if log.refused or log.errors:
            raise SystemExit(f"{path.name}: requests refused {log.refused}, console errors {log.errors}")
        still = page.evaluate("window.prevgraphMap.network.getPositions()")
        page.wait_for_timeout(300)
        if page.evaluate("window.prevgraphMap.network.getPositions()") != still:
            raise SystemExit(f"{path.name}: the network moved after it was drawn")
        nodes, edges = page.evaluate("[window.prevgraphMap.nodes.length, window.prevgraphMap.edges.length]")
        page.close()
        times.append(ready_ms)
    return statistics.median(times), nodes, edges


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 1500, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-corpus", action="store_true")
    args = parser.parse_args()
    print(f"nproc {os.cpu_count()}; chromium headless, networking off; median of {args.runs} loads")
    print(f"{'case':<12}{'nodes':>7}{'edges':>7}{'drawn':>7}{'lines':>7}{'folded':>8}{'MB':>7}{'write s':>9}"
          f"{'drawn ms':>10}")
    with tempfile.TemporaryDirectory() as tmp, offline_browser() as context:
        folder = Path(tmp)
        cases = []
        if not args.no_corpus:
            cases.append(("corpus", *corpus_map(folder)))
        for size in args.sizes:
            graph = synthetic_projection(size)
            started = time.perf_counter()
            html = render_map(graph, MapOptions())
            seconds = time.perf_counter() - started
            path = folder / f"synthetic-{size}.html"
            path.write_text(html, encoding="utf-8")
            cases.append((f"n={size}", path, seconds, graph))
        for name, path, seconds, graph in cases:
            ms, drawn, lines = measure(context, path, args.runs)
            folded = "yes" if "more than the" in path.read_text(encoding="utf-8") else "no"
            print(f"{name:<12}{graph.number_of_nodes():>7}{graph.number_of_edges():>7}{drawn:>7}{lines:>7}"
                  f"{folded:>8}{path.stat().st_size / 1e6:>7.2f}{seconds:>9.2f}{ms:>10.0f}", flush=True)


if __name__ == "__main__":
    main()
