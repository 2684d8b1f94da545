"""Latency and throughput of the GraphQL API against the same reads done directly with the neo4j driver.

    .venv/bin/python benchmarks/bench_api.py                      # 1,000,000 nodes (first run loads them)
    .venv/bin/python benchmarks/bench_api.py --nodes 100000 --requests 50

It starts its own Neo4j with scripts/neo4j-local in a separate state folder and port
(default ~/.cache/prevgraph/neo4j-bench, port 7690), so the test Neo4j on 7687 is never
touched, and keeps it, with the synthetic graph, for the next run (``--stop`` stops it;
``--reload`` loads the graph again). The graph is the project's seeded synthetic graph
(``benchmarks/generate.py``, ``--nodes`` and ``--seed``); when the Neo4j holds another
graph, its data folder is wiped (``scripts/neo4j-local reset``) and the graph is
bulk-loaded with ``Neo4jStore.create`` (``CREATE`` in batches of ``--batch`` rows into
the empty database, relationships per type with index lookups of their ends), the next
batch generated while Neo4j writes the last.

Then ``prevgraph serve`` runs in its own process on loopback and, for two queries,
the script prints p50 and p95 latency over ``--requests`` sequential requests through
the API (sent with urllib3, read with orjson) and of the same reads written directly in Cypher with the
driver, the two timed
alternately so that load from elsewhere on a shared machine falls on both alike
(``--load-only`` loads the graph and stops):

- list: a page of 50 Geneva bodies with their realised outgoing flows and the flows'
  targets, and the total count (pages cycle through the Geneva bodies);
- pathway: ranked routes of up to ``--hops`` hops (default 2) between two bodies two
  briefings apart, each hop with its relationship and evidence. The default is 2 because
  on this graph's hubs (a few bodies hold most flows and structure) a search of 4 hops
  enumerates millions of partial routes: seconds to minutes in Neo4j, for the driver and
  the API alike, which would measure Neo4j, not the API.

Last, a separate client process sends the two queries from 32 concurrent clients for
``--seconds`` and the script prints requests per second and latency under load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import orjson
import urllib3
from neo4j import GraphDatabase

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script or with -m: the shared generator is benchmarks/generate.py

from benchmarks.generate import SyntheticGraph, node_key, synthetic_graph  # noqa: E402
from prevgraph.graph.neo4j_store import Neo4jStore  # noqa: E402
from prevgraph.settings import Settings  # noqa: E402

NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"
PAGE = 50

LIST_QUERY = """query($after: String) { bodies(where: {location: GENEVA}, first: 50, after: $after) { totalCount
  edges { node { id name outgoingFlows(statuses: [REALISED]) { id target { id name } } } } } }"""
PATH_QUERY = """query($from: String!, $to: String!, $hops: Int!) {
  pathways(from: $from, to: $to, maxHops: $hops) { rank status hops { from { id } to { id }
    relationship { id type status } evidence { quote start end documentId } } } }"""

DIRECT_LIST = """
MATCH (n:Entity:Body) WHERE n.location = 'GENEVA'
WITH n ORDER BY n.id SKIP $offset LIMIT 51
OPTIONAL MATCH (n)-[r:BRIEFS|REQUESTS|INVITES|BLOCKS]->(m:Entity) WHERE r.status = 'REALISED'
RETURN n.id AS id, n.name AS name, collect({id: r.id, target: m.id, name: m.name}) AS flows ORDER BY id"""
DIRECT_COUNT = "MATCH (n:Entity:Body) WHERE n.location = 'GENEVA' RETURN count(n) AS n"
DIRECT_PATHS = """
MATCH (s:Entity {id: $source}), (t:Entity {id: $target})
MATCH p = (s)-[rels:BRIEFS|REQUESTS|INVITES|FEEDS_INTO|PART_OF|ADOPTED_BY|REPRESENTS*1..{hops}]-(t)
WHERE all(i IN range(0, size(rels) - 1) WHERE startNode(rels[i]) = nodes(p)[i]
          OR type(rels[i]) IN ['PART_OF', 'ADOPTED_BY', 'REPRESENTS'])
  AND all(r IN rels WHERE type(r) <> 'PART_OF' OR startNode(r).kind IN ['Office', 'Paragraph'])
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, rels ORDER BY size(rels), [r IN rels | r.id] LIMIT 50
RETURN [i IN range(0, size(rels) - 1) | {from: nodes(p)[i].id, to: nodes(p)[i + 1].id, id: rels[i].id,
        type: type(rels[i]), status: rels[i].status, evidence: rels[i].evidence}] AS hops"""


def load(store: Neo4jStore, graph: SyntheticGraph, batch: int) -> None:
    """Bulk-load ``graph`` into the empty store: nodes, then edges, each batch one ``CREATE`` transaction.

    The next batch is generated in a second thread while Neo4j writes the current one.
    """
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as writer:
        for what, batches in (("nodes", graph.node_batches(batch)), ("edges", graph.edge_batches(batch))):
            written, pending = 0, None
            for records in batches:
                if pending is not None:
                    written += pending.result()
                    _progress(what, written, started)
                pending = writer.submit(_create, store, what, records)
            if pending is not None:
                written += pending.result()
                _progress(what, written, started)
            print(file=sys.stderr)
    print(f"loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _create(store: Neo4jStore, what: str, records: list) -> int:
    store.create(**{what: records})
    return len(records)


def _progress(what: str, count: int, started: float) -> None:
    print(f"\r  {what}: {count:,} ({time.perf_counter() - started:.0f} s)", end="", file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _time(api: Callable[[], object], direct: Callable[[], object], requests: int,
          warmup: int = 5) -> tuple[list[float], list[float]]:
    """Milliseconds of ``requests`` calls of each, alternating (the machine is shared: load hits both alike)."""
    for _ in range(warmup):
        api()
        direct()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(requests):
        for fn, into in ((api, samples[0]), (direct, samples[1])):
            t0 = time.perf_counter()
            fn()
            into.append((time.perf_counter() - t0) * 1000)
    return samples


def _connected_pairs(driver, n: int, graph: SyntheticGraph, seed: int) -> list[tuple[str, str]]:
    """Pairs of bodies and the actors two BRIEFS hops from them (found by a random walk)."""
    rng = random.Random(seed + 3)
    pairs: list[tuple[str, str]] = []
    with driver.session() as session:
        for _ in range(100 * n):
            if len(pairs) == n:
                break
            start = node_key("Body", rng.randrange(graph.counts["Body"]))
            row = session.run("MATCH (s:Entity {id: $id})-[:BRIEFS]->()-[:BRIEFS]->(t:Entity) "
                              "WHERE t <> s WITH t LIMIT 20 RETURN collect(t.id) AS ts", id=start).single()
            if row and row["ts"]:
                pairs.append((start, rng.choice(row["ts"])))
    if not pairs:
        raise SystemExit("no body of the synthetic graph starts a route of two briefings")
    return pairs


CLIENT = r'''
import asyncio, json, sys, time, httpx
base, seconds, clients, work = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
async def client(i, stop, samples, errors):
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        k = i
        while time.perf_counter() < stop:
            body = work[k % len(work)]; k += 1
            t0 = time.perf_counter()
            r = await http.post("/graphql", json=body)
            samples.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200 or "errors" in r.json():
                errors.append(r.text[:200])
async def main():
    samples, errors = [], []
    t0 = time.perf_counter()
    await asyncio.gather(*(client(i, t0 + seconds, samples, errors) for i in range(clients)))
    print(json.dumps({"requests": len(samples), "seconds": time.perf_counter() - t0, "samples": samples,
                      "errors": errors[:3], "error_count": len(errors)}))
asyncio.run(main())
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=20_000, help="rows per bulk-load transaction")
    parser.add_argument("--port", type=int, default=7690, help="Bolt port of the benchmark Neo4j")
    parser.add_argument("--state", default=str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                                               / "prevgraph" / "neo4j-bench"))
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--hops", type=int, default=2, help="maxHops of the pathway query (see the docstring)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--stop", action="store_true", help="stop the benchmark Neo4j at the end")
    parser.add_argument("--load-only", action="store_true", help="load the graph if needed, measure nothing")
    args = parser.parse_args()

    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    built = REPO / ".neo4j-local" / "build"
    if built.is_dir() and not (state / "build").exists():
        (state / "build").symlink_to(built)
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(state), "NEO4J_LOCAL_PORT": str(args.port),
           "NEO4J_LOCAL_HEAP": "3g", "NEO4J_LOCAL_PAGECACHE_MB": "2048"}

    def neo4j_local(command: str) -> str:
        done = subprocess.run([str(NEO4J_LOCAL), command], env=env, check=True, capture_output=True, text=True)
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""

    try:
        run(args, neo4j_local)
    finally:
        if args.stop:
            neo4j_local("stop")


def _holds(store: Neo4jStore, graph: SyntheticGraph) -> bool:
    """Whether the store holds the synthetic graph already (its size and its first body)."""
    first = store.node(node_key("Body", 0))
    return store.count_nodes() == graph.nodes and first is not None and first.name == "Synthetic Body 0"


def _open(args: argparse.Namespace, neo4j_local: Callable[[str], str]) -> tuple[str, SyntheticGraph]:
    """Start the benchmark Neo4j with the synthetic graph in it (wiped and loaded when it holds another)."""
    graph = synthetic_graph(args.nodes, args.seed)
    uri = neo4j_local("start")
    settings = Settings(store=uri, batch_size=args.batch)
    store = Neo4jStore.connect(uri, settings)
    if args.reload or not _holds(store, graph):
        store.close()
        print(f"wiping the benchmark Neo4j and loading a synthetic graph of {args.nodes:,} nodes (seed "
              f"{args.seed}) into {uri}", file=sys.stderr)
        neo4j_local("reset")
        uri = neo4j_local("start")
        store = Neo4jStore.connect(uri, settings)
        load(store, graph, args.batch)
    stats = store.stats()
    store.close()
    print(f"nproc {os.cpu_count()}; graph: {stats.nodes:,} nodes, {stats.edges:,} edges "
          f"({stats.edges / stats.nodes:.1f} per node) in Neo4j at {uri}")
    return uri, graph


def run(args: argparse.Namespace, neo4j_local: Callable[[str], str]) -> None:
    uri, graph = _open(args, neo4j_local)
    if args.load_only:
        return
    port = _free_port()
    server_env = {**os.environ, "PREVGRAPH_STORE": uri, "PREVGRAPH_PORT": str(port),
                  "PREVGRAPH_REQUEST_TIMEOUT": "60"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prevgraph")), "serve"], env=server_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    driver = GraphDatabase.driver(uri, auth=None)
    try:
        _wait_for(base, server)
        pairs = _connected_pairs(driver, 20, graph, args.seed)
        pages = max(1, -(-driver.execute_query(DIRECT_COUNT).records[0]["n"] // PAGE))
        # urllib3 (the client under requests): httpx spends about 1 ms more per request here, which is
        # the client's cost, not the API's. Responses are parsed with orjson, as the driver decodes Bolt
        # with its Rust extension: each side reads its answer with the fastest decoder it has.
        http = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, timeout=120)

        def post(body: dict) -> None:
            response = http.request("POST", "/graphql", json=body)
            _ok(response.status, orjson.loads(response.data))
        # each function walks the pages and pairs in the same order
        api_lists, api_paths, direct_lists, direct_paths = (itertools.count() for _ in range(4))

        def api_list() -> None:
            offset = (next(api_lists) % pages) * PAGE
            after = None if offset == 0 else _cursor(offset - 1)
            post({"query": LIST_QUERY, "variables": {"after": after}})

        def api_path() -> None:
            source, target = pairs[next(api_paths) % len(pairs)]
            post({"query": PATH_QUERY, "variables": {"from": source, "to": target, "hops": args.hops}})

        def direct_list() -> None:
            offset = (next(direct_lists) % pages) * PAGE
            driver.execute_query(DIRECT_LIST, offset=offset)
            driver.execute_query(DIRECT_COUNT)

        def direct_path() -> None:
            source, target = pairs[next(direct_paths) % len(pairs)]
            driver.execute_query(DIRECT_PATHS.replace("{hops}", str(args.hops)), source=source, target=target)

        print(f"\nsequential latency, {args.requests} requests each (ms)")
        print(f"{'query':10} {'API p50':>9} {'API p95':>9} {'driver p50':>11} {'driver p95':>11} {'p50 ratio':>10}")
        for name, api_fn, direct_fn in (("list", api_list, direct_list), ("pathway", api_path, direct_path)):
            api_ms, direct_ms = _time(api_fn, direct_fn, args.requests)
            (a50, a95), (d50, d95) = _percentiles(api_ms), _percentiles(direct_ms)
            print(f"{name:10} {a50:9.1f} {a95:9.1f} {d50:11.1f} {d95:11.1f} {a50 / d50:9.2f}x")

        work = [{"query": LIST_QUERY, "variables": {"after": None}}] + [
            {"query": PATH_QUERY, "variables": {"from": s, "to": t, "hops": args.hops}} for s, t in pairs[:10]]
        done = subprocess.run([sys.executable, "-c", CLIENT, base, str(args.seconds), str(args.clients),
                               json.dumps(work)], capture_output=True, text=True, check=True)
        load_report = json.loads(done.stdout)
        p50, p95 = _percentiles(load_report["samples"])
        print(f"\nthroughput: {args.clients} concurrent clients in a separate process for "
              f"{load_report['seconds']:.0f} s: {load_report['requests'] / load_report['seconds']:.1f} requests/s "
              f"(list and pathway queries mixed 1:10), p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
              f"{load_report['error_count']} errors {load_report['errors']}")
    finally:
        driver.close()
        server.terminate()
        server.wait(timeout=30)


def _cursor(offset: int) -> str:
    from prevgraph.api.pagination import encode_cursor

    return encode_cursor(offset)


def _ok(status: int, body: dict) -> None:
    if status != 200 or "errors" in body:
        raise SystemExit(f"the API failed: {status} {json.dumps(body)[:500]}")


def _wait_for(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("prevgraph serve exited")
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit("prevgraph serve did not answer /health within 120 s")


if __name__ == "__main__":
    main()
