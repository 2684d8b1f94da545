"""Loader throughput and accuracy on synthetic documents with known facts.

Generates ``--documents`` documents with ``benchmarks/synthetic_documents.py`` (seeded), every
other one given a paragraph of flow sentences by ``synthetic_flows.add_flows`` (their flows known),
runs the whole loader pipeline on each in this one process (one core: normalise,
segment, entities, resolutions, meetings, participants, flows; no store), and prints:

- documents per second and megabytes of text per second, for the whole pipeline and
  for the recognition stages alone (everything before the flows), per core: from the
  process's CPU time, so that other work on a shared machine does not count (the wall
  clock figure is printed beside it);
- precision, recall and F1 of the entities (node ids of bodies, offices, mechanisms,
  organisations, States, situations, resolutions and meetings) against the known facts;
- precision, recall and F1 of the flows (source, type, target, status; and without the
  status) for the documents whose generator states flows, and the status confusion matrix,
  scored by ``prevgraph.graph.evaluation`` as ``prevgraph eval`` scores (flows matched one to one).

Run: ``.venv/bin/python -m benchmarks.bench_loaders --documents 5000 --seed 7``
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterable

from benchmarks.synthetic_documents import SyntheticDocument, generate
from benchmarks.synthetic_flows import add_flows
from prevgraph.graph.evaluation import ExpectedFlow, FlowScore, FoundFlow, Tally, match_flows
from prevgraph.loaders.pipeline import build, recognise, text_document

MEASURED_KINDS = frozenset({"Body", "Office", "Mechanism", "Organization", "State", "Situation", "Resolution",
                            "Meeting"})


def _flows(facts: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    return sorted(set(facts))


def _confusion(score: FlowScore) -> str:
    matrix = score.confusion_matrix()
    columns = list(matrix[next(iter(matrix))])
    lines = ["  status confusion (rows: stated status; columns: status found):",
             "    " + " " * 12 + "".join(f"{c:>11}" for c in columns)]
    lines += ["    " + f"{row:<12}" + "".join(f"{cells[c]:>11}" if c in cells else " " * 11 for c in columns)
              for row, cells in matrix.items()]
    return "\n".join(lines)


def run(docs: list[SyntheticDocument]) -> None:
    raws = [text_document(d.text, d.name) for d in docs]
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    build(raws[0])

    started, cpu = time.perf_counter(), time.process_time()
    for raw in raws:
        recognise(raw)  # each result let go at once
    recognition, recognition_cpu = time.perf_counter() - started, time.process_time() - cpu

    entities, flows = Tally(), FlowScore()
    with_flows = 0
    whole = whole_cpu = 0.0
    for doc, raw in zip(docs, raws, strict=True):
        # each batch is scored and let go, as a load writes it and lets it go: holding thousands of batches
        # would time the garbage collector walking them, not the loaders
        started, cpu = time.perf_counter(), time.process_time()
        batch = build(raw).batch
        whole, whole_cpu = whole + time.perf_counter() - started, whole_cpu + time.process_time() - cpu
        entities.add({n.id for n in batch.nodes if n.kind in MEASURED_KINDS}, set(doc.entities))
        if doc.flows:
            with_flows += 1
            found = _flows((e.source, e.type, e.target, str(e.status)) for e in batch.edges if e.status)
            flows.add(match_flows([ExpectedFlow(frozenset({s}), t, frozenset({o}), st) for s, t, o, st in
                                   _flows(doc.flows)],
                                  [FoundFlow(frozenset({s}), t, frozenset({o}), st) for s, t, o, st in found]))

    print(f"cores on this machine (nproc): {os.cpu_count()}; this benchmark uses one")
    print(f"corpus: {len(docs)} synthetic documents, {megabytes:.2f} MB of text")
    for label, wall, cpu_seconds in (("whole pipeline", whole, whole_cpu),
                                     ("recognition stages", recognition, recognition_cpu)):
        print(f"{label + ':':20} {len(docs) / cpu_seconds:8.1f} documents/s  {megabytes / cpu_seconds:6.3f} MB/s per "
              f"core (CPU time {cpu_seconds:.1f} s; wall clock {wall:.1f} s, {megabytes / wall:.3f} MB/s)")
    print(f"entities: {entities.line()}")
    print(f"flows ({with_flows} documents state flows):")
    print(f"  type + endpoints:   {flows.endpoints.line()}")
    print(f"  with status:        {flows.with_status.line()}")
    print(_confusion(flows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    run(list(add_flows(generate(args.documents, args.seed), args.seed)))


if __name__ == "__main__":
    main()
