"""File size and time until the map is drawn and still, in headless Chromium with networking off.

    .venv/bin/python benchmarks/bench_maps.py                  # the corpus, 500, 1,500 and 5,000 nodes
    .venv/bin/python benchmarks/bench_maps.py --sizes 500 --runs 1

For the sample corpus the graph is built the way a user builds it: ``prevgraph load corpus/``
into a temporary SQLite store, then ``prevgraph map`` (both through the CLI). The synthetic
graphs come from a seeded generator written here (``synthetic_projection``): actors on both
sides and in the field, resolutions with their paragraphs requesting and inviting actors,
meetings with their documents and participants, flows of every status, blocks, stated
missing links; about three edges per node. Above 1,500 nodes the map folds (documents and
paragraphs into their resolution or meeting, participants into their organisation).

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
import numpy as np

from prevgraph.visualisations import MapOptions, render_map
from prevgraph.visualisations.headless import offline_browser, open_map

REPO = Path(__file__).resolve().parents[1]
PREVGRAPH = str(Path(sys.executable).parent / "prevgraph")
STATUSES = ["REALISED", "MANDATED", "PROPOSED", "UNREALISED", "BLOCKED"]
STATUS_P = [0.45, 0.25, 0.12, 0.10, 0.08]
ACTOR_KINDS = ["Body", "Office", "Mechanism", "Organization", "State"]
ACTOR_P = [0.35, 0.15, 0.05, 0.30, 0.15]
LOCATIONS = ["GENEVA", "NEW_YORK", "FIELD", "OTHER", None]
LOCATION_P = [0.35, 0.35, 0.15, 0.10, 0.05]
PILLARS = ["HUMAN_RIGHTS", "PEACE_AND_SECURITY", "DEVELOPMENT"]


def synthetic_projection(n: int, seed: int = 0) -> nx.MultiDiGraph:
    """A seeded projection of about ``n`` nodes shaped like a loaded corpus, with the projection's attributes."""
    rng = np.random.default_rng(seed)
    graph = nx.MultiDiGraph()
    counter = iter(range(10**9))

    def add(kind: str, **attrs) -> str:
        node = f"{kind.lower()}:{next(counter)}"
        graph.add_node(node, kind=kind, name=f"{kind} {node.split(':')[1]}", aliases=[], location=attrs.get("location"),
                       pillar=attrs.get("pillar"), origin="extracted", reviewed=True, source=None,
                       props=attrs.get("props", {}), evidence=[])
        return node

    def link(u: str, rel: str, v: str, status: str | None = None, date: str | None = None, **extra) -> str:
        key = f"{rel.lower()}:{next(counter)}"
        evidence = [{"document": docs[int(rng.integers(len(docs)))], "quote": f"Quote for {key}.", "start": 0,
                     "end": 14, "rule": "synthetic"}] if docs else []
        graph.add_edge(u, v, key, id=key, type=rel, status=status, blocks=extra.get("blocks"), date=date,
                       origin="extracted", source_ref=None, props={}, evidence=evidence)
        return key

    actors: list[str] = []
    docs: list[str] = []
    n_actors, n_resolutions, n_meetings = int(n * 0.22), max(1, int(n * 0.05)), max(1, int(n * 0.03))
    for _ in range(n_actors):
        kind = str(rng.choice(ACTOR_KINDS, p=ACTOR_P))
        location = rng.choice(len(LOCATIONS), p=LOCATION_P)
        pillar = str(rng.choice(PILLARS)) if kind in ("Body", "Office", "Mechanism") else None
        actors.append(add(kind, location=LOCATIONS[location], pillar=pillar))
    weights = rng.pareto(1.5, len(actors)) + 1
    picks = iter(rng.choice(len(actors), size=12 * n, p=weights / weights.sum()))

    def actor() -> str:
        """An actor, the well-connected ones far more often (heavy-tailed degrees)."""
        return actors[int(next(picks))]

    for m in range(n_meetings):
        meeting = add("Meeting", props={"date": f"{2015 + m % 9}-{1 + m % 12:02d}-15"})
        for _ in range(3):
            doc = add("Document")
            docs.append(doc)
            link(doc, "PART_OF", meeting)
        link(meeting, "ORGANISED_BY", actor())
        for _ in range(8):
            person = add("Participant")
            link(person, "ATTENDED", meeting)
            link(person, "REPRESENTS", actor())
    for r in range(n_resolutions):
        resolution = add("Resolution", props={"date": str(2006 + r % 18)})
        link(resolution, "ADOPTED_BY", actor())
        for _ in range(6):
            paragraph = add("Paragraph")
            link(paragraph, "PART_OF", resolution)
            target = actor()
            link(paragraph, str(rng.choice(["REQUESTS", "INVITES"])), target, "MANDATED", str(2006 + r % 18))
            link(target, "BRIEFS", actor(), "MANDATED", str(2007 + r % 18))
    while graph.number_of_nodes() < n:
        add("Participant")
    for _ in range(3 * n - graph.number_of_edges()):
        status = str(rng.choice(STATUSES, p=STATUS_P))
        source = actor()
        flow = link(source, "BRIEFS", actor(), status, str(int(rng.integers(2015, 2025))))
        if status == "BLOCKED":
            link(actor(), "BLOCKS", source, "REALISED", blocks=flow)
        if rng.random() < 0.02:
            link(actor(), "NO_LINK", actor())
    return graph


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
