"""Seeded synthetic prevention graphs of any size, streamed as Node and Edge batches.

The shape follows the documents prevgraph reads: many paragraphs, documents and
participants, fewer resolutions and meetings, few bodies, offices and mechanisms (which
become hubs), at most 193 States. Bodies sit in GENEVA, NEW_YORK or the FIELD with a
pillar; flows (BRIEFS, REQUESTS, INVITES) take every status; every BLOCKED briefing
has a BLOCKS edge naming it; every record carries evidence pointing into a document of
the graph. Degrees are skewed (a few bodies receive most flows), as in the real corpus.

Nothing is held in memory: node ids are computed from (kind, index), so edges can name
their ends without the nodes, and both streams are generators. The same ``seed`` gives
the same records whatever the batch size.

Function API::

    graph = synthetic_graph(1_000_000, seed=7)
    for nodes in graph.node_batches(10_000): ...
    for edges in graph.edge_batches(10_000): ...
    load_into(store, graph)                        # nodes first, then edges, in batches

Command line (from the repository root)::

    python -m benchmarks.generate --nodes 100000 --seed 7                # counts and a digest of the stream
    python -m benchmarks.generate --nodes 100000 --seed 7 --store g.db   # load it into a store
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from prevgraph.schema import Edge, Evidence, Node, edge_id

T = TypeVar("T")

#: kinds whose count is a share of the whole, in the order they are generated
SHARES = {
    "Paragraph": 0.42, "Document": 0.15, "Participant": 0.13, "Organization": 0.06, "Meeting": 0.05,
    "Resolution": 0.04, "Mandate": 0.03, "BreakoutGroup": 0.02, "Situation": 0.01, "Initiative": 0.005,
}
#: kinds that stay few: (nodes per instance, minimum, maximum)
FEW = {"Body": (2_500, 12, 600), "Office": (6_000, 6, 300), "Mechanism": (12_000, 3, 100), "State": (400, 10, 193)}
FLOW_STATUSES = {"REALISED": 0.4, "MANDATED": 0.2, "UNREALISED": 0.15, "PROPOSED": 0.15, "BLOCKED": 0.1}
MANDATE_STATUSES = {"MANDATED": 0.7, "REALISED": 0.1, "UNREALISED": 0.1, "BLOCKED": 0.05, "PROPOSED": 0.05}
#: who briefs: mostly UN actors, then organisations, States and meeting participants
BRIEFERS = {"actor": 0.6, "Organization": 0.2, "State": 0.15, "Participant": 0.05}
SIDES = {"GENEVA": ("HUMAN_RIGHTS", 0.4), "NEW_YORK": ("PEACE_AND_SECURITY", 0.4), "FIELD": ("DEVELOPMENT", 0.2)}
QUOTE = "The {a} requested that the {b} be briefed regularly on the situation."


def kind_counts(nodes: int) -> dict[str, int]:
    """How many nodes of each kind a graph of ``nodes`` nodes has (they add up to ``nodes``)."""
    if nodes < 100:
        raise ValueError("a synthetic graph needs at least 100 nodes")
    counts = {kind: max(low, min(high, nodes // per)) for kind, (per, low, high) in FEW.items()}
    for kind, share in SHARES.items():
        counts[kind] = max(1, int(nodes * share))
    counts["Paragraph"] += nodes - sum(counts.values())
    return counts


def node_key(kind: str, index: int) -> str:
    return f"{kind.lower()}:synthetic-{index:07d}"


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class SyntheticGraph:
    """A graph described by its size and seed; its records are generated on demand."""

    nodes: int
    seed: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return kind_counts(self.nodes)

    def node_batches(self, batch_size: int = 10_000) -> Iterator[list[Node]]:
        return _batched(_Nodes(self).records(), batch_size)

    def edge_batches(self, batch_size: int = 10_000) -> Iterator[list[Edge]]:
        return _batched(_Edges(self).records(), batch_size)


def synthetic_graph(nodes: int, seed: int = 0) -> SyntheticGraph:
    kind_counts(nodes)  # refuse a size that is too small now, not at the first batch
    return SyntheticGraph(nodes, seed)


class _Draws:
    """The random choices both streams make, from one seeded generator each."""

    def __init__(self, graph: SyntheticGraph, stream: str) -> None:
        self.rng = random.Random(f"{graph.seed}:{stream}")
        self.counts = graph.counts
        self.nodes = graph.nodes

    def skewed(self, kind: str) -> str:
        """A node of ``kind``, low indices far more often: the hubs of a real graph."""
        return node_key(kind, int(self.counts[kind] * self.rng.random() ** 3))

    def uniform(self, kind: str) -> str:
        return node_key(kind, self.rng.randrange(self.counts[kind]))

    def actor(self) -> str:
        return self.skewed(self.rng.choices(("Body", "Office", "Mechanism"), (6, 3, 1))[0])

    def weighted(self, weights: dict[str, float]) -> str:
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def evidence(self, count: int = 1) -> tuple[Evidence, ...]:
        items = []
        for _ in range(count):
            quote = QUOTE.format(a=self.rng.choice(("Council", "Commission", "Assembly")),
                                 b=self.rng.choice(("Council", "High Commissioner", "Secretary-General")))
            start = self.rng.randrange(0, 40_000)
            items.append(Evidence(document=self.uniform("Document"), quote=quote, start=start,
                                  end=start + len(quote), rule=self.rng.choice(("flow-verb", "gazetteer-name"))))
        return tuple(sorted(items, key=lambda e: (e.document, e.start, e.end, e.rule)))


class _Nodes(_Draws):
    def __init__(self, graph: SyntheticGraph) -> None:
        super().__init__(graph, "nodes")

    def records(self) -> Iterator[Node]:
        for kind, count in self.counts.items():
            for index in range(count):
                yield self.node(kind, index)

    def node(self, kind: str, index: int) -> Node:
        key = node_key(kind, index)
        name = f"Synthetic {kind} {index}"
        if kind in FEW and kind != "State":
            location = self.weighted({side: weight for side, (_, weight) in SIDES.items()})
            return Node(id=key, kind=kind, name=name, aliases=(f"S{kind[0]}{index}",), location=location,
                        pillar=SIDES[location][0], origin="reference", source="synthetic reference",
                        evidence=self.evidence(self.rng.randint(1, 3)))
        if kind == "Document":
            return Node(id=key, kind=kind, name=name, props={"format": "text", "year": 2000 + index % 25})
        place: str | None = {"Meeting": self.rng.choice(("GENEVA", "NEW_YORK", "OTHER")),
                             "Organization": self.rng.choice(("OTHER", "FIELD", None))}.get(kind)
        props: dict = {"number": f"{index % 20 + 1}"} if kind == "Paragraph" else {}
        return Node(id=key, kind=kind, name=name, location=place, props=props,
                    reviewed=self.rng.random() > 0.05, evidence=self.evidence())


class _Edges(_Draws):
    def __init__(self, graph: SyntheticGraph) -> None:
        super().__init__(graph, "edges")
        self.serial = itertools.count()

    def edge(self, source: str, rel: str, target: str, status: str | None = None, **extra) -> Edge:
        qualifier = str(next(self.serial))
        return Edge(id=edge_id(source, rel, target, status, qualifier), type=rel, source=source, target=target,
                    status=status, evidence=self.evidence(), **extra)

    def date(self) -> str:
        return f"{self.rng.randint(2006, 2024)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def records(self) -> Iterator[Edge]:
        c, rng = self.counts, self.rng
        for i in range(c["Paragraph"]):
            paragraph = node_key("Paragraph", i)
            yield self.edge(paragraph, "PART_OF", node_key("Resolution", i % c["Resolution"]))
            if rng.random() < 0.2:
                yield self.edge(paragraph, rng.choice(("REQUESTS", "INVITES")), self.actor(),
                                self.weighted(MANDATE_STATUSES), date=self.date())
        for i in range(c["Resolution"]):
            resolution = node_key("Resolution", i)
            yield self.edge(resolution, "ADOPTED_BY", self.skewed("Body"))
            if rng.random() < 0.3:
                yield self.edge(resolution, "ESTABLISHES", self.uniform("Mandate"))
        for i in range(c["Mandate"]):
            yield self.edge(self.actor(), "HOLDS", node_key("Mandate", i))
        for i in range(c["Document"]):
            document = node_key("Document", i)
            for _ in range(rng.randint(1, 3)):
                yield self.edge(document, "CITES", self.uniform(rng.choice(("Resolution", "Paragraph"))))
            if rng.random() < 0.3:
                yield self.edge(document, "PART_OF", self.uniform("Meeting"))
            if rng.random() < 0.2:
                yield self.edge(document, "CONCERNS", self.skewed("Situation"))
        for i in range(c["Meeting"]):
            meeting = node_key("Meeting", i)
            for _ in range(rng.randint(1, 2)):
                organiser = self.skewed(rng.choice(("Organization", "Body", "State")))
                yield self.edge(meeting, "ORGANISED_BY", organiser,
                                props={"role": rng.choice(("host", "co-organiser", "partner"))})
        for i in range(c["BreakoutGroup"]):
            yield self.edge(node_key("BreakoutGroup", i), "PART_OF", self.uniform("Meeting"))
        for i in range(c["Participant"]):
            participant = node_key("Participant", i)
            yield self.edge(participant, "ATTENDED", self.uniform("Meeting"))
            yield self.edge(participant, "REPRESENTS", self.skewed(rng.choice(("Organization", "State", "Body"))))
        for i in range(c["Office"]):
            yield self.edge(node_key("Office", i), "PART_OF", self.skewed("Body"))
        for i in range(c["State"]):
            for _ in range(rng.randint(0, 3)):
                yield self.edge(node_key("State", i), "SUPPORTS", self.skewed("Initiative"))
        yield from self.flows()

    def flows(self) -> Iterator[Edge]:
        """Briefings to UN actors (one per 20 nodes, at least three per actor), each BLOCKED one with its BLOCKS.

        A BLOCKS edge goes from the blocker to the briefer whose flow it stops (to the
        recipient when the briefer is a participant, which the ontology does not let be blocked).
        """
        c, rng = self.counts, self.rng
        for _ in range(max(3 * (c["Body"] + c["Office"] + c["Mechanism"]), self.nodes // 20)):
            briefer = self.weighted(BRIEFERS)
            source = self.actor() if briefer == "actor" else self.skewed(briefer)
            target = self.actor()
            if source == target:
                continue
            status = self.weighted(FLOW_STATUSES)
            flow = self.edge(source, "BRIEFS", target, status, date=self.date())
            yield flow
            if status == "BLOCKED":
                blocked = target if briefer == "Participant" else source
                blocker = self.skewed(rng.choice(("State", "Body")))
                yield self.edge(blocker, "BLOCKS", blocked, "REALISED", blocks=flow.id, date=flow.date)
            elif briefer == "actor" and rng.random() < 0.02:
                yield self.edge(source, "NO_LINK", target)


def load_into(store, graph: SyntheticGraph, batch_size: int = 5_000) -> None:
    """Upsert the whole graph into ``store``: every node batch, then every edge batch."""
    for nodes in graph.node_batches(batch_size):
        store.upsert(nodes, ())
    for edges in graph.edge_batches(batch_size):
        store.upsert((), edges)


def summarise(graph: SyntheticGraph, batch_size: int) -> tuple[Counter[str], Counter[str], Counter[str], str]:
    """Counts by kind, type and status, and a sha256 of every record in order (to show the seed fixes them)."""
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    digest = hashlib.sha256()
    for nodes in graph.node_batches(batch_size):
        for node in nodes:
            kinds[node.kind] += 1
            digest.update(node.model_dump_json().encode())
    for edges in graph.edge_batches(batch_size):
        for edge in edges:
            types[edge.type] += 1
            if edge.status:
                statuses[edge.status] += 1
            digest.update(edge.model_dump_json().encode())
    return kinds, types, statuses, digest.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, required=True, help="number of nodes (at least 100)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--store", help="load the graph into this store (a path or a bolt:// URI) instead of counting")
    args = parser.parse_args(argv)
    graph = synthetic_graph(args.nodes, args.seed)
    if args.store:
        from prevgraph.graph import open_store
        from prevgraph.settings import Settings

        started = time.perf_counter()
        with open_store(Settings.from_env(), args.store) as store:
            load_into(store, graph, args.batch_size)
            stats = store.stats()
        print(f"loaded {stats.nodes} nodes and {stats.edges} edges into {args.store} "
              f"in {time.perf_counter() - started:.1f} s")
        return
    kinds, types, statuses, digest = summarise(graph, args.batch_size)
    print(f"nodes {sum(kinds.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"edges {sum(types.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    print("flows by status: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    print(f"sha256 {digest}")


if __name__ == "__main__":
    main()
