"""Flow extraction on synthetic documents with known flows: speed on one core, precision and recall.

Each document is a title, a date line and a shuffle of template sentences (a resolution's
request, a realised / unrealised / proposed / blocked briefing, a missing link, a routine
feed) with filler sentences between them; every template knows the flows it states.
Actors, States and resolution symbols are drawn with a seeded RNG, so the same ``--seed``
gives the same corpus. The whole loader pipeline runs (``pipeline.build``, recognition
included, one process); the flow stage alone is timed again on the same contexts.

Prints: documents, MB of text, documents/s and MB/s per core (CPU time, and wall clock)
for the whole pipeline and for the flow stage alone, and precision / recall / F1 on flow
type + endpoints and with status. The documents are dense with flows (every other
sentence states one), the flow stage's worst case.

    .venv/bin/python -m benchmarks.bench_flows                 # 5,000 documents
    .venv/bin/python -m benchmarks.bench_flows --docs 500 --seed 3

The templates are in ``synthetic_flows.py`` (``flow_sentence`` for a generator that mixes
flow sentences into its own documents).
"""

from __future__ import annotations

import argparse
import os
import random
import time

from benchmarks.synthetic_flows import flow_document
from prevgraph.loaders.flows import extract_flows
from prevgraph.loaders.pipeline import build, text_document


def _score(expected: set, found: set) -> tuple[int, int, int]:
    return len(expected & found), len(found - expected), len(expected - found)


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = [flow_document(rng, i) for i in range(args.docs)]
    size = sum(len(text.encode("utf-8")) for text, _ in corpus) / 1e6
    flow_types = {"BRIEFS", "REQUESTS", "INVITES", "BLOCKS", "NO_LINK", "FEEDS_INTO"}
    totals = {"endpoints": [0, 0, 0], "status": [0, 0, 0]}
    contexts = []
    start, cpu = time.perf_counter(), time.process_time()
    for index, (text, expected) in enumerate(corpus):
        built = build(text_document(text, f"synthetic-{index}"))
        contexts.append(built.context)
        found = {(e.type, e.source, e.target, e.status) for e in built.batch.edges if e.type in flow_types}
        for key, (exp, got) in {"endpoints": ({f[:3] for f in expected}, {f[:3] for f in found}),
                                "status": (expected, found)}.items():
            totals[key] = [t + s for t, s in zip(totals[key], _score(exp, got), strict=True)]
    pipeline, pipeline_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    for ctx in contexts:
        extract_flows(ctx)
    flows, flows_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"cores on this machine (nproc): {os.cpu_count()}; this benchmark uses one")
    print(f"documents: {args.docs}, text: {size:.2f} MB, seed {args.seed}")
    timings = (("whole pipeline", pipeline, pipeline_cpu), ("flow stage alone", flows, flows_cpu))
    for label, wall, cpu_seconds in timings:
        print(f"{label + ':':18} {args.docs / cpu_seconds:7.0f} documents/s  {size / cpu_seconds:6.2f} MB/s per core "
              f"(CPU time {cpu_seconds:.1f} s; wall clock {wall:.1f} s, {size / wall:.2f} MB/s)")
    print(f"flows, type + endpoints: {_prf(*totals['endpoints'])}")
    print(f"flows, with status:      {_prf(*totals['status'])}")


if __name__ == "__main__":
    main()
