"""Latency and throughput of the GraphQL API against the same reads done directly with the neo4j driver.

    .venv/bin/python benchmarks/bench_api.py                      # 1,000,000 nodes (first run loads them)
    .venv/bin/python benchmarks/bench_api.py --nodes 100000 --requests 50

It starts its own Neo4j with scripts/neo4j-local in a separate state folder and port
(default ~/.cache/prevgraph/neo4j-bench, port 7690), so the test Neo4j on 7687 is never
touched, and keeps it, with the synthetic graph, for the next run (``--stop`` stops it;
``--reload`` loads the graph again). The graph is seeded: actors in Geneva, New York and
the field (bodies, offices, organisations, States) with about ``--edges-per-node``
BRIEFS / FEEDS_INTO flows each (uniformly chosen ends, every status) and offices PART_OF
bodies, each edge with one evidence quote; it is written in batches through the store's
own ``UNWIND ... MERGE`` statements.

Then ``prevgraph serve`` runs in its own process on loopback and, for two queries,
the script prints p50 and p95 latency over ``--requests`` sequential requests through
the API and of the same reads written directly in Cypher with the driver:

- list: a page of 50 Geneva bodies with their realised outgoing flows and the flows'
  targets, and the total count;
- pathway: ranked routes of up to 4 hops between two connected actors, each hop with its
  relationship and evidence.

Last, a separate client process sends the two queries from 32 concurrent clients for
``--seconds`` and the script prints requests per second and latency under load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
from neo4j import GraphDatabase

from prevgraph.graph.merge import WritePlan
from prevgraph.graph.neo4j_store import Neo4jStore
from prevgraph.schema import Edge, Evidence, Node, edge_id
from prevgraph.settings import Settings

REPO = Path(__file__).resolve().parent.parent
NEO4J_LOCAL = REPO / "scripts" / "neo4j-local"
ACTORS = (("Body", 0.55), ("Office", 0.10), ("Organization", 0.20), ("State", 0.15))
LOCATIONS = ("GENEVA", "NEW_YORK", "FIELD", "OTHER")
STATUSES = (("REALISED", 0.5), ("MANDATED", 0.2), ("PROPOSED", 0.15), ("UNREALISED", 0.08), ("BLOCKED", 0.07))
DOCUMENTS = 1000
BATCH = 10_000

LIST_QUERY = """query($after: String) { bodies(where: {location: GENEVA}, first: 50, after: $after) { totalCount
  edges { node { id name outgoingFlows(statuses: [REALISED]) { id target { id name } } } } } }"""
PATH_QUERY = """query($from: String!, $to: String!) { pathways(from: $from, to: $to, maxHops: 4) { rank status
  hops { from { id } to { id } relationship { id type status } evidence { quote start end documentId } } } }"""

DIRECT_LIST = """
MATCH (n:Entity) WHERE n.id IS NOT NULL AND n.kind = 'Body' AND n.location = 'GENEVA'
WITH n ORDER BY n.id SKIP $offset LIMIT 51
OPTIONAL MATCH (n)-[r:BRIEFS|REQUESTS|INVITES|BLOCKS]->(m:Entity) WHERE r.status = 'REALISED'
RETURN n.id AS id, n.name AS name, collect({id: r.id, target: m.id, name: m.name}) AS flows ORDER BY id"""
DIRECT_COUNT = ("MATCH (n:Entity) WHERE n.id IS NOT NULL AND n.kind = 'Body' AND n.location = 'GENEVA' "
                "RETURN count(n) AS n")
DIRECT_PATHS = """
MATCH (s:Entity {id: $source}), (t:Entity {id: $target})
MATCH p = (s)-[rels:BRIEFS|REQUESTS|INVITES|FEEDS_INTO|PART_OF|ADOPTED_BY|REPRESENTS*1..4]-(t)
WHERE all(i IN range(0, size(rels) - 1) WHERE startNode(rels[i]) = nodes(p)[i]
          OR type(rels[i]) IN ['PART_OF', 'ADOPTED_BY', 'REPRESENTS'])
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
WITH p, rels ORDER BY size(rels), [r IN rels | r.id] LIMIT 50
RETURN [i IN range(0, size(rels) - 1) | {from: nodes(p)[i].id, to: nodes(p)[i + 1].id, id: rels[i].id,
        type: type(rels[i]), status: rels[i].status, evidence: rels[i].evidence}] AS hops"""


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def _ids(n: int, seed: int) -> list[tuple[str, str]]:
    """(id, kind) of the ``n`` actors."""
    rng = random.Random(seed)
    return [(f"{kind.lower()}:n{i:07d}", kind) for i, kind in ((i, _pick(rng, ACTORS)) for i in range(n))]


def _nodes(actors: list[tuple[str, str]], seed: int) -> Iterator[list[Node]]:
    rng = random.Random(seed + 1)
    docs = [Node(id=f"document:d{i:04d}", kind="Document", name=f"Synthetic report {i}",
                 props={"date": f"{2015 + i % 10}-0{1 + i % 9}-01", "text": "synthetic"}) for i in range(DOCUMENTS)]
    yield docs
    batch: list[Node] = []
    for i, (node_id, kind) in enumerate(actors):
        location = rng.choice(LOCATIONS)
        batch.append(Node(id=node_id, kind=kind, name=f"{kind} {i}", aliases=(f"{kind[0]}{i}",), location=location,
                          evidence=(_evidence(rng, i),)))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _evidence(rng: random.Random, i: int) -> Evidence:
    quote = f"Synthetic sentence {i} stating the fact."
    start = rng.randrange(0, 5000)
    return Evidence(document=f"document:d{rng.randrange(DOCUMENTS):04d}", quote=quote, start=start,
                    end=start + len(quote), rule="synthetic")


def _edges(actors: list[tuple[str, str]], per_node: float, seed: int) -> Iterator[list[Edge]]:
    rng = random.Random(seed + 2)
    bodies = [i for i, (_, kind) in enumerate(actors) if kind == "Body"]
    batch: list[Edge] = []
    n = len(actors)
    for i, (source, kind) in enumerate(actors):
        count = int(per_node) + (rng.random() < per_node - int(per_node))
        for _ in range(count):
            target = actors[rng.randrange(n)][0]
            if target == source:
                continue
            rel = "FEEDS_INTO" if rng.random() < 0.1 else "BRIEFS"
            status = None if rel == "FEEDS_INTO" else _pick(rng, STATUSES)
            date = f"{2015 + rng.randrange(10)}-{1 + rng.randrange(12):02d}-01"
            batch.append(Edge(id=edge_id(source, rel, target, status, date), type=rel, source=source, target=target,
                              status=status, date=date, evidence=(_evidence(rng, i),)))
        if kind == "Office":
            body = actors[bodies[rng.randrange(len(bodies))]][0]
            batch.append(Edge(id=edge_id(source, "PART_OF", body), type="PART_OF", source=source, target=body,
                              evidence=(_evidence(rng, i),)))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def load(store: Neo4jStore, n: int, per_node: float, seed: int) -> None:
    """Write the synthetic graph in batches of ``BATCH`` rows per transaction (no reads, no merge plans)."""
    store.clear()
    actors = _ids(n, seed)
    started, written = time.perf_counter(), 0
    for nodes in _nodes(actors, seed):
        store.write(lambda tx, nodes=nodes: tx.apply(WritePlan(nodes=nodes)))
        written += len(nodes)
        _progress("nodes", written, started)
    written = 0
    for edges in _edges(actors, per_node, seed):
        store.write(lambda tx, edges=edges: tx.apply(WritePlan(edges=edges)))
        written += len(edges)
        _progress("edges", written, started)
    print(f"\nloaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _progress(what: str, count: int, started: float) -> None:
    print(f"\r  {what}: {count:,} ({time.perf_counter() - started:.0f} s)", end="", file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _time(fn: Callable[[], object], requests: int, warmup: int = 5) -> tuple[float, float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(requests):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return _percentiles(samples)


def _connected_pairs(driver, n: int, actors: int, seed: int) -> list[tuple[str, str]]:
    """Pairs of actors joined by a directed route of three channel hops (found by a random walk)."""
    rng = random.Random(seed + 3)
    pairs = []
    with driver.session() as session:
        while len(pairs) < n:
            start = f"body:n{rng.randrange(actors):07d}"
            row = session.run("MATCH (s:Entity {id: $id})-[:BRIEFS|FEEDS_INTO]->()-[:BRIEFS|FEEDS_INTO]->()"
                              "-[:BRIEFS|FEEDS_INTO]->(t:Entity) WHERE t <> s RETURN t.id AS t LIMIT 1",
                              id=start).single()
            if row:
                pairs.append((start, row["t"]))
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
    parser.add_argument("--edges-per-node", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--port", type=int, default=7690, help="Bolt port of the benchmark Neo4j")
    parser.add_argument("--state", default=str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                                               / "prevgraph" / "neo4j-bench"))
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--stop", action="store_true", help="stop the benchmark Neo4j at the end")
    args = parser.parse_args()

    state = Path(args.state)
    state.mkdir(parents=True, exist_ok=True)
    built = REPO / ".neo4j-local" / "build"
    if built.is_dir() and not (state / "build").exists():
        (state / "build").symlink_to(built)
    env = {**os.environ, "NEO4J_LOCAL_DIR": str(state), "NEO4J_LOCAL_PORT": str(args.port),
           "NEO4J_LOCAL_HEAP": "3g", "NEO4J_LOCAL_PAGECACHE_MB": "2048"}
    uri = subprocess.run([str(NEO4J_LOCAL), "start"], env=env, check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    try:
        run(args, uri)
    finally:
        if args.stop:
            subprocess.run([str(NEO4J_LOCAL), "stop"], env=env, capture_output=True)


def run(args: argparse.Namespace, uri: str) -> None:
    settings = Settings(store=uri, batch_size=BATCH)
    store = Neo4jStore.connect(uri, settings)
    expected = args.nodes + DOCUMENTS
    if args.reload or store.count_nodes() != expected:
        print(f"loading {args.nodes:,} actors and about {args.nodes * args.edges_per_node:,.0f} edges into {uri}",
              file=sys.stderr)
        load(store, args.nodes, args.edges_per_node, args.seed)
    stats = store.stats()
    store.close()
    print(f"nproc {os.cpu_count()}; graph: {stats.nodes:,} nodes, {stats.edges:,} edges in Neo4j at {uri}")

    port = _free_port()
    server_env = {**os.environ, "PREVGRAPH_STORE": uri, "PREVGRAPH_PORT": str(port),
                  "PREVGRAPH_REQUEST_TIMEOUT": "60"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prevgraph")), "serve"], env=server_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    driver = GraphDatabase.driver(uri, auth=None)
    try:
        _wait_for(base, server)
        pairs = _connected_pairs(driver, 20, args.nodes, args.seed)
        http = httpx.Client(base_url=base, timeout=120)
        cursors = iter(range(10**9))

        def api_list() -> None:
            offset = (next(cursors) % 20) * 50
            after = None if offset == 0 else _cursor(offset - 1)
            _ok(http.post("/graphql", json={"query": LIST_QUERY, "variables": {"after": after}}))

        def api_path() -> None:
            source, target = pairs[next(cursors) % len(pairs)]
            _ok(http.post("/graphql", json={"query": PATH_QUERY, "variables": {"from": source, "to": target}}))

        def direct_list() -> None:
            offset = (next(cursors) % 20) * 50
            driver.execute_query(DIRECT_LIST, offset=offset)
            driver.execute_query(DIRECT_COUNT)

        def direct_path() -> None:
            source, target = pairs[next(cursors) % len(pairs)]
            driver.execute_query(DIRECT_PATHS, source=source, target=target)

        print(f"\nsequential latency, {args.requests} requests each (ms)")
        print(f"{'query':10} {'API p50':>9} {'API p95':>9} {'driver p50':>11} {'driver p95':>11} {'p50 ratio':>10}")
        for name, api_fn, direct_fn in (("list", api_list, direct_list), ("pathway", api_path, direct_path)):
            a50, a95 = _time(api_fn, args.requests)
            d50, d95 = _time(direct_fn, args.requests)
            print(f"{name:10} {a50:9.1f} {a95:9.1f} {d50:11.1f} {d95:11.1f} {a50 / d50:9.2f}x")

        work = [{"query": LIST_QUERY, "variables": {"after": None}}] + [
            {"query": PATH_QUERY, "variables": {"from": s, "to": t}} for s, t in pairs[:10]]
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


def _ok(response: httpx.Response) -> None:
    body = response.json()
    if response.status_code != 200 or "errors" in body:
        raise SystemExit(f"the API failed: {response.status_code} {json.dumps(body)[:500]}")


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
