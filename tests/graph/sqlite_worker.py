"""A separate process that writes to or reads from an SQLite store, for the durability tests.

    python sqlite_worker.py load PATH FIRST COUNT NODES   # COUNT documents of NODES paragraphs each, one load each
    python sqlite_worker.py watch PATH STOPFILE           # print the node count until STOPFILE exists

``load`` prints ``loading K`` before and ``loaded K`` after each document's
transaction, so a test knows whether a kill landed inside one.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.schema import DocumentBatch, Edge, Evidence, Node


def document(k: int, paragraphs: int) -> DocumentBatch:
    """Document ``k``: one resolution and ``paragraphs`` paragraphs that are part of it, all with evidence."""
    doc = f"document:load-{k}"
    text = "Operative paragraph text that the load quotes for every record it writes. " * 3

    def ev(i: int) -> tuple[Evidence, ...]:
        return (Evidence(document=doc, quote=text, start=i, end=i + len(text), rule="durability-test"),)

    resolution = Node(id=f"resolution:r{k}", kind="Resolution", name=f"A/RES/{k}", evidence=ev(0))
    nodes = [Node(id=f"paragraph:r{k}-{i}", kind="Paragraph", name=f"A/RES/{k} OP{i}", props={"text": text},
                  evidence=ev(i)) for i in range(paragraphs)]
    edges = [Edge(id=f"part_of:r{k}-{i}", type="PART_OF", source=n.id, target=resolution.id, evidence=ev(i))
             for i, n in enumerate(nodes)]
    return DocumentBatch(document=Node(id=doc, kind="Document", name=f"load {k}", props={"text": text}),
                         nodes=(resolution, *nodes), edges=tuple(edges))


def load(path: str, first: int, count: int, paragraphs: int) -> None:
    store = SqliteStore(path)
    for k in range(first, first + count):
        batch = document(k, paragraphs)
        print(f"loading {k}", flush=True)
        store.load_document(batch)
        print(f"loaded {k}", flush=True)


def watch(path: str, stopfile: str) -> None:
    store = SqliteStore(path)
    seen: dict[int, int] = {}
    print("ready", flush=True)
    while not Path(stopfile).exists():
        count = store.count_nodes()
        seen[count] = seen.get(count, 0) + 1
        time.sleep(0.002)
    print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "load":
        load(args[0], int(args[1]), int(args[2]), int(args[3]))
    else:
        watch(args[0], args[1])
