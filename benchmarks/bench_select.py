"""A page selection answered by a store's own ``select_page`` against whole records read and trimmed.

The API's planned list queries read through ``GraphStore.select_page``. This times, on a
store holding a synthetic graph (``benchmarks/generate.py``), the selection of the
``bench_api`` list query (a page of 50 Geneva bodies with their realised outgoing flows
and the flows' targets, and the count) answered two ways, alternately, pages cycling:

- the store's ``select_page`` (the embedded store parses the stored JSON of the rows it
  needs; Neo4j runs one compiled statement);
- ``select_page_from_records``, the reference every store is checked against: whole
  records read with ``find_nodes_counted`` and ``neighbourhood``, then trimmed.

It prints the p50 of each in milliseconds and their ratio.

    .venv/bin/python -m benchmarks.generate --nodes 100000 --seed 0 --store big.db
    .venv/bin/python -m benchmarks.bench_select --store big.db
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
from collections.abc import Callable

from prevgraph.graph.open import open_store
from prevgraph.graph.selection import EdgeSelection, PageSelection, select_page_from_records
from prevgraph.graph.store import GraphStore, NodeFilter
from prevgraph.settings import Settings

PAGE = 50
WHERE = NodeFilter(kind="Body", location="GENEVA")
FLOWS = EdgeSelection(direction="out", types=("BRIEFS", "REQUESTS", "INVITES", "BLOCKS"), statuses=("REALISED",),
                      fields=("id",), target_fields=("id", "name"))


def selection(offset: int) -> PageSelection:
    """The selection the API's list query in ``bench_api`` plans, at ``offset``."""
    return PageSelection(where=WHERE, limit=PAGE + 1, offset=offset, count=True, fields=("id", "name"),
                         edges=(FLOWS,))


def time_both(store: GraphStore, requests: int) -> tuple[list[float], list[float]]:
    """Milliseconds of ``requests`` answers of each way, alternating, the pages in the same order."""
    pages = max(1, -(-store.count_nodes(WHERE) // PAGE))
    ways: tuple[Callable[[PageSelection], object], ...] = (
        store.select_page, lambda chosen: select_page_from_records(store, chosen))
    samples: tuple[list[float], list[float]] = ([], [])
    for step in itertools.islice(itertools.count(), requests + 5):
        chosen = selection((step % pages) * PAGE)
        for way, into in zip(ways, samples, strict=True):
            started = time.perf_counter()
            way(chosen)
            if step >= 5:  # the first pages warm the caches
                into.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", required=True, help="a store path or bolt:// URI holding a synthetic graph")
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    store = open_store(Settings.from_env(), args.store)
    try:
        own, reference = time_both(store, args.requests)
    finally:
        store.close()
    own_p50, reference_p50 = statistics.median(own), statistics.median(reference)
    print(f"nproc {os.cpu_count()}; {store.describe()}, {args.requests} pages of {PAGE} Geneva bodies with their "
          f"realised flows (p50, ms)")
    print(f"store's select_page {own_p50:.2f}   whole records trimmed {reference_p50:.2f}   "
          f"ratio {reference_p50 / own_p50:.1f}x")


if __name__ == "__main__":
    main()
