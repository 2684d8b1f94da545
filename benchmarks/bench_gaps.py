"""Time and memory of the full gap analysis on synthetic projections of 10,000 to 1,000,000 nodes.

    .venv/bin/python benchmarks/bench_gaps.py                       # 10,000 and 100,000 nodes, both shapes
    .venv/bin/python benchmarks/bench_gaps.py 1000000 --shape dense # one size, one shape

Each size builds the NetworkX projection directly (no store) in one of two shapes:

- ``shared``: the project's seeded generator (``benchmarks/generate.py``), whose Node and
  Edge records go through ``graph/projection.build_networkx`` exactly as a store's do. It has
  the shape of the documents (few bodies that are hubs, many paragraphs and participants)
  and about 1.5 edges per node.
- ``dense``: ``synthetic_projection`` below, about 5 edges per node as the gap-detection
  issue asks: actors on both sides with heavy-tailed degrees, flows of every status (most
  of them between actors), resolutions that request and invite, blocks naming the flow they
  block, stated missing links and structure. It is far harsher than the documents: every
  actor can brief every other, so it yields a finding for every block and mandate.

It then runs ``find_gaps`` once (every kind) and prints, per size and shape: nodes, edges,
seconds to build, wall and CPU seconds of the analysis (the machine is shared, so CPU time
is the one-core figure), the resident memory with the graph built and the process's peak
(getrusage), optionally the analysis's own peak under tracemalloc (``--trace``: a second,
slower run), and the findings per kind. Measures that would be quadratic are restricted, as
the findings say: brokerage is computed on the Geneva–New York frontier with a seeded
sample past ``pair_budget`` pairs per actor, Burt's measures for the reported brokers only,
detours for the ``route_limit`` most stated missing links.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import networkx as nx
import numpy as np

from prevgraph.graph.analysis import find_gaps

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script or with -m: the shared generator is benchmarks/generate.py

KINDS = np.array(["Body", "Office", "Mechanism", "Organization", "State", "Participant", "Resolution", "Document"])
KIND_P = np.array([0.30, 0.10, 0.05, 0.18, 0.12, 0.10, 0.10, 0.05])
LOCATIONS = np.array(["GENEVA", "NEW_YORK", "FIELD", "OTHER", ""])
LOCATION_P = np.array([0.33, 0.33, 0.17, 0.12, 0.05])
STATUSES = np.array(["REALISED", "MANDATED", "PROPOSED", "UNREALISED", "BLOCKED"])
STATUS_P = np.array([0.50, 0.20, 0.15, 0.08, 0.07])
ACTOR_KINDS = {"Body", "Office", "Mechanism", "Organization", "State"}


def _evidence(document: str, i: int, text: str) -> list[dict]:
    """One sentence per fact: quotes sit 80 characters apart, so no two facts share a sentence."""
    start = i * 80
    return [{"document": document, "quote": text, "start": start, "end": start + len(text), "rule": "synthetic"}]


def synthetic_projection(n: int, *, edges_per_node: float = 5.0, seed: int = 0) -> nx.MultiDiGraph:
    """A seeded synthetic projection of ``n`` nodes and about ``edges_per_node * n`` edges."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(KINDS, n, p=KIND_P)
    locations = rng.choice(LOCATIONS, n, p=LOCATION_P)
    ids = [f"{k.lower()}:{i}" for i, k in enumerate(kinds)]
    documents = [ids[i] for i in np.nonzero(kinds == "Document")[0]] or [ids[0]]
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(
        (ids[i], {"kind": str(kinds[i]), "name": f"{kinds[i]} {i}", "aliases": [],
                  "location": (str(locations[i]) or None) if kinds[i] in ACTOR_KINDS else None,
                  "pillar": None, "origin": "extracted", "reviewed": True, "source": None, "props": {},
                  "evidence": _evidence(documents[i % len(documents)], i, f"{kinds[i]} {i} is named")})
        for i in range(n))
    actors = np.nonzero(np.isin(kinds, list(ACTOR_KINDS)))[0]
    resolutions = np.nonzero(kinds == "Resolution")[0]
    participants = np.nonzero(kinds == "Participant")[0]
    # heavy-tailed degrees: endpoints drawn by a Zipf-like weight over a seeded order of the actors
    weights = 1.0 / np.arange(1, actors.size + 1) ** 0.8
    weights /= weights.sum()
    order = rng.permutation(actors)
    m = int(edges_per_node * n)
    flows = int(m * 0.70)
    src, dst = order[rng.choice(actors.size, flows, p=weights)], order[rng.choice(actors.size, flows, p=weights)]
    statuses = rng.choice(STATUSES, flows, p=STATUS_P)
    types = np.where(rng.random(flows) < 0.85, "BRIEFS", "FEEDS_INTO")
    years = rng.integers(2006, 2025, flows)
    dated = rng.random(flows) < 0.7
    edges = []
    flow_ids = []
    for k in range(flows):
        key = f"f{k}"
        rel = str(types[k])
        status = str(statuses[k]) if rel == "BRIEFS" else None
        edges.append((ids[src[k]], ids[dst[k]], key, _edge(key, rel, status, str(years[k]) if dated[k] else None,
                                                          documents[k % len(documents)], k)))
        flow_ids.append(key)
    extra = m - flows
    mandates = extra * 3 // 10
    addressees = order[rng.choice(actors.size, mandates, p=weights)]
    mandate_years = rng.integers(2006, 2025, mandates)
    for k in range(mandates):
        key = f"r{k}"
        res = ids[resolutions[k % resolutions.size]] if resolutions.size else ids[order[0]]
        edges.append((res, ids[addressees[k]], key,
                      _edge(key, "REQUESTS" if k % 2 else "INVITES", "MANDATED", str(mandate_years[k]),
                            documents[k % len(documents)], k)))
    adopters = order[rng.choice(actors.size, resolutions.size, p=weights)]
    for k, r in enumerate(resolutions.tolist()):
        edges.append((ids[r], ids[adopters[k]], f"a{k}",
                      _edge(f"a{k}", "ADOPTED_BY", None, None, documents[k % len(documents)], k)))
    represented = order[rng.choice(actors.size, participants.size, p=weights)]
    for k, p in enumerate(participants.tolist()):
        edges.append((ids[p], ids[represented[k]], f"p{k}",
                      _edge(f"p{k}", "REPRESENTS", None, None, documents[k % len(documents)], k)))
    rest = max(extra - mandates - resolutions.size - participants.size, 0)
    ends, blocked_rows = actors[rng.integers(actors.size, size=(rest, 2))], rng.integers(len(flow_ids), size=rest)
    for k in range(rest):
        a, b = ids[ends[k, 0]], ids[ends[k, 1]]
        roll = k % 10
        if roll < 3:
            blocked = flow_ids[blocked_rows[k]]
            edges.append((a, b, f"b{k}", _edge(f"b{k}", "BLOCKS", "REALISED", None, documents[0], k, blocks=blocked)))
        elif roll < 4:
            edges.append((a, b, f"n{k}", _edge(f"n{k}", "NO_LINK", None, None, documents[0], k)))
        else:
            edges.append((a, b, f"s{k}", _edge(f"s{k}", "PART_OF", None, None, documents[0], k)))
    graph.add_edges_from(edges)
    return graph


def _edge(key: str, rel: str, status: str | None, date: str | None, document: str, i: int,
          blocks: str | None = None) -> dict:
    offset = {"f": 0, "r": 1, "a": 2, "p": 3}.get(key[0], 4)  # each family of edges in its own stretch of text
    return {"id": key, "type": rel, "status": status, "blocks": blocks, "date": date, "origin": "extracted",
            "source_ref": None, "props": {}, "evidence": _evidence(document, i * 5 + offset, f"{rel} {key}")}


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def shared_projection(n: int, seed: int) -> nx.MultiDiGraph:
    """The project's generator, through the same projection a store builds."""
    from benchmarks.generate import synthetic_graph
    from prevgraph.graph.projection import build_networkx

    graph = synthetic_graph(n, seed)
    return build_networkx(graph.node_batches(), graph.edge_batches())


def run(n: int, shape: str, seed: int, trace: bool) -> None:
    started = time.perf_counter()
    graph = shared_projection(n, seed) if shape == "shared" else synthetic_projection(n, seed=seed)
    built = time.perf_counter() - started
    gc.collect()
    before = _rss_mib()
    started, cpu = time.perf_counter(), time.process_time()
    findings = find_gaps(graph, seed=seed)
    analysed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced = ""
    if trace:
        tracemalloc.start()
        find_gaps(graph, seed=seed)
        traced = f" | analysis peak {tracemalloc.get_traced_memory()[1] / 2**20:,.0f} MiB (tracemalloc)"
        tracemalloc.stop()
    kinds = Counter(f.kind for f in findings)
    sampled = sum(1 for f in findings if f.kind == "broker" and f.data.get("sampled"))
    edges = graph.number_of_edges()
    print(f"{shape:>6} {n:>9,} nodes {edges:>10,} edges ({edges / n:.1f}/node) | build {built:6.1f} s"
          f" | analysis {analysed:6.1f} s wall, {cpu:6.1f} s CPU | RSS with graph {before:,.0f} MiB,"
          f" process peak {peak:,.0f} MiB{traced}", flush=True)
    print(f"{'':>17}{len(findings):,} findings: " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items()))
          + f"; {sampled} brokers estimated from samples", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--shape", choices=("shared", "dense", "both"), default="both")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--trace", action="store_true", help="run the analysis a second time under tracemalloc")
    args = parser.parse_args(argv)
    print(f"bench_gaps: nproc={os.cpu_count()}, python {sys.version.split()[0]}, networkx {nx.__version__}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    shapes = ("shared", "dense") if args.shape == "both" else (args.shape,)
    for n in args.sizes:
        for shape in shapes:
            run(n, shape, args.seed, args.trace)
            gc.collect()


if __name__ == "__main__":
    main()
