"""List queries while eight clients ask for the gaps: whole-graph work kept apart from store reads.

    .venv/bin/python benchmarks/bench_api_gaps.py                  # 20,000 nodes, embedded store
    .venv/bin/python benchmarks/bench_api_gaps.py --nodes 5000 --seconds 10

The project's seeded synthetic graph (``benchmarks/generate.py``) is written into an
embedded store (``--store``, kept between runs when it holds the graph already), and
``prevgraph serve`` runs over it in its own process. The script prints, in milliseconds:

- gaps, cold: the first ``{ gaps { ... } }`` of a fresh server (projection and every
  analysis), then warm: the same query again, ``--requests`` times (a version read and
  the kept answer);
- list p50 and p95 (a page of 50 bodies with their realised flows and the flows'
  targets, pages cycling) alone, then while 8 clients in a separate process send gaps
  queries without pause: first the same query (kept: each costs a lookup), then each
  a different ``since`` (every one a new computation: at most
  ``PREVGRAPH_ANALYSIS_THREADS`` run, ``PREVGRAPH_ANALYSIS_QUEUE`` wait, the rest are
  refused at once with ``BUSY``, counted here).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import urllib3

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script or with -m: the shared generator is benchmarks/generate.py

from benchmarks.generate import load_into, node_key, synthetic_graph  # noqa: E402
from prevgraph.api.pagination import encode_cursor  # noqa: E402
from prevgraph.graph.sqlite_store import SqliteStore  # noqa: E402
from prevgraph.graph.store import NodeFilter  # noqa: E402

PAGE = 50
LIST_QUERY = """query($after: String) { bodies(first: 50, after: $after) { totalCount
  edges { node { id name outgoingFlows(statuses: [REALISED]) { id target { id name } } } } } }"""
GAPS_QUERY = "query($since: String) { gaps(since: $since) { id kind rank statement } }"

CLIENTS = r'''
import asyncio, json, sys, time, httpx
base, seconds, clients, vary = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "vary"
query = sys.argv[5]
async def client(i, stop, report):
    async with httpx.AsyncClient(base_url=base, timeout=300) as http:
        k = 0
        while time.perf_counter() < stop:
            since = f"{1990 + (i * 7 + k) % 40}-{1 + (i + k) % 12:02}" if vary else None
            k += 1
            t0 = time.perf_counter()
            r = await http.post("/graphql", json={"query": query, "variables": {"since": since}})
            codes = [e["extensions"]["code"] for e in r.json().get("errors", [])]
            report["busy" if codes == ["BUSY"] else "errors" if codes else "answered"] += 1
            if not codes:
                report["ms"].append((time.perf_counter() - t0) * 1000)
async def main():
    report = {"answered": 0, "busy": 0, "errors": 0, "ms": []}
    t0 = time.perf_counter()
    await asyncio.gather(*(client(i, t0 + seconds, report) for i in range(clients)))
    print(json.dumps(report))
asyncio.run(main())
'''


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _fill(path: Path, nodes: int, seed: int) -> None:
    """Write the synthetic graph into the store at ``path`` unless it holds it already."""
    graph = synthetic_graph(nodes, seed)
    with SqliteStore(path) as store:
        first = store.node(node_key("Body", 0))
        if store.count_nodes() == graph.nodes and first is not None:
            return
        store.clear()
        started = time.perf_counter()
        load_into(store, graph)
        stats = store.stats()
        print(f"wrote {stats.nodes:,} nodes and {stats.edges:,} edges in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "prevgraph-bench-gaps.db"))
    parser.add_argument("--requests", type=int, default=200, help="list requests per phase, warm gaps requests")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20, help="how long each gaps load runs")
    args = parser.parse_args()
    store = Path(args.store)
    _fill(store, args.nodes, args.seed)
    with SqliteStore(store) as opened:
        stats, bodies = opened.stats(), opened.count_nodes(NodeFilter(kind="Body"))
    print(f"nproc {os.cpu_count()}; embedded store {store}: {stats.nodes:,} nodes, {stats.edges:,} edges")
    port = _free_port()
    env = {**os.environ, "PREVGRAPH_STORE": str(store), "PREVGRAPH_PORT": str(port),
           "PREVGRAPH_REQUEST_TIMEOUT": "300"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prevgraph")), "serve"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    http = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1, timeout=300)
    try:
        _wait_for(http, server)
        _report(args, port, http, max(1, bodies // PAGE))
    finally:
        server.terminate()
        server.wait(timeout=30)


def _post(http: urllib3.HTTPConnectionPool, query: str, variables: dict) -> float:
    started = time.perf_counter()
    response = http.request("POST", "/graphql", json={"query": query, "variables": variables})
    body = orjson.loads(response.data)
    if response.status != 200 or "errors" in body:
        raise SystemExit(f"the API failed: {response.status} {json.dumps(body)[:300]}")
    return (time.perf_counter() - started) * 1000


def _report(args: argparse.Namespace, port: int, http: urllib3.HTTPConnectionPool, pages: int) -> None:
    cold = _post(http, GAPS_QUERY, {"since": None})
    warm = [_post(http, GAPS_QUERY, {"since": None}) for _ in range(args.requests)]
    w50, w95 = _percentiles(warm)
    print(f"\ngaps: cold {cold:.0f} ms; warm p50 {w50:.1f} ms, p95 {w95:.1f} ms ({args.requests} requests)")

    def lists() -> tuple[float, float]:
        pages_asked = [(i % min(pages, 20)) * PAGE for i in range(args.requests)]
        return _percentiles([_post(http, LIST_QUERY, {"after": None if o == 0 else encode_cursor(o - 1)})
                             for o in pages_asked])

    print(f"\n{'list while':46} {'p50':>8} {'p95':>8}  gaps answered / BUSY / errors (gaps p50)")
    l50, l95 = lists()
    print(f"{'nothing else runs':46} {l50:8.1f} {l95:8.1f}")
    for vary, what in ((False, f"{args.clients} clients ask the same gaps (kept)"),
                       (True, f"{args.clients} clients ask gaps of new periods")):
        load = subprocess.Popen([sys.executable, "-c", CLIENTS, f"http://127.0.0.1:{port}", str(args.seconds),
                                 str(args.clients), "vary" if vary else "same", GAPS_QUERY],
                                stdout=subprocess.PIPE, text=True)
        time.sleep(1)
        started = time.monotonic()
        l50, l95 = lists()
        if time.monotonic() - started > args.seconds - 1:
            print(f"  (the list requests outlasted the {args.seconds:g} s of load; raise --seconds)")
        out, _ = load.communicate()
        report = json.loads(out)
        g50 = statistics.median(report["ms"]) if report["ms"] else float("nan")
        print(f"{what:46} {l50:8.1f} {l95:8.1f}  {report['answered']} / {report['busy']} / {report['errors']} "
              f"({g50:.0f} ms)")


def _wait_for(http: urllib3.HTTPConnectionPool, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("prevgraph serve exited")
        try:
            if http.request("GET", "/health", retries=False).status == 200:
                return
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("prevgraph serve did not answer /health within 120 s")


if __name__ == "__main__":
    main()
