"""Flow extraction on synthetic documents with known flows: speed on one core, precision and recall.

Each document is a title, a date line and a shuffle of template sentences (a resolution's
request, a realised / unrealised / proposed / blocked briefing, a missing link, a routine
feed) with filler sentences between them; every template knows the flows it states.
Actors, States and resolution symbols are drawn with a seeded RNG, so the same ``--seed``
gives the same corpus. The whole loader pipeline runs (``pipeline.build``, recognition
included, one process); the flow stage alone is timed again on the same contexts.

Prints: documents, MB of text, documents/s and MB/s for the whole pipeline and for the
flow stage alone, and precision / recall / F1 on flow type + endpoints and with status.

    .venv/bin/python -m benchmarks.bench_flows                 # 5,000 documents
    .venv/bin/python -m benchmarks.bench_flows --docs 500 --seed 3

``flow_document(rng, index)`` is importable, for a loader benchmark that mixes these
documents with others: it returns the text and the set of (type, source, target, status).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from prevgraph.loaders.flows import extract_flows
from prevgraph.loaders.pipeline import build, text_document
from prevgraph.schema import node_id

Fact = tuple[str, str, str, str | None]

BODIES = ["Human Rights Council", "Security Council", "General Assembly", "Peacebuilding Commission",
          "Economic and Social Council", "Office of the High Commissioner for Human Rights",
          "Department of Political and Peacebuilding Affairs"]
OFFICES = ["High Commissioner for Human Rights", "Secretary-General", "Chair of the Peacebuilding Commission",
           "President of the Human Rights Council", "President of the General Assembly"]
MECHANISMS = ["Regional Monthly Review", "Universal Periodic Review"]
STATES = ["Brazil", "Norway", "Kenya", "Japan", "Mexico", "Indonesia"]
FILLER = [
    "Participants discussed prevention, early warning and the root causes of conflict.",
    "The meeting was held in Geneva and online, with interpretation in three languages.",
    "Several speakers underlined the importance of national ownership and resilience.",
    "The discussion covered the human rights, development and peace and security pillars.",
    "Civil society organisations shared their experience of working at the field level.",
]


def _id(kind: str, name: str) -> str:
    return node_id(kind, name)


@dataclass(frozen=True)
class Template:
    """A sentence with slots and the flows it states, given the names drawn for its slots."""

    text: str
    facts: Callable[[dict[str, str]], set[Fact]]


def _actor(rng: random.Random, exclude: set[str]) -> tuple[str, str]:
    kind, names = rng.choice((("Body", BODIES), ("Office", OFFICES)))
    name = rng.choice([n for n in names if n not in exclude])
    return kind, name


TEMPLATES: list[Template] = [
    Template("Resolution {sym} requests the {a} to brief the {b} on an annual basis.",
             lambda s: {("REQUESTS", s["res"], s["a_id"], "MANDATED"), ("BRIEFS", s["a_id"], s["b_id"], "MANDATED")}),
    Template("By its resolution {sym}, the {b} invited the {a} to report to the {b} at its next session.",
             lambda s: {("INVITES", s["res"], s["a_id"], "MANDATED"), ("BRIEFS", s["a_id"], s["b_id"], "MANDATED")}),
    Template("In {year}, the {a} briefed the {b} on the situation in the region.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "REALISED")}),
    Template("The {a} has not briefed the {b} since {year}.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "UNREALISED")}),
    Template("Participants proposed that the {a} should brief the {b} more regularly.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "PROPOSED")}),
    Template("A planned briefing by the {a} to the {b} was blocked by {state}.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "BLOCKED"), ("BLOCKS", s["state"], s["a_id"], "REALISED")}),
    Template("There is no formal link between the {a} and the {b}.",
             lambda s: {("NO_LINK", *sorted((s["a_id"], s["b_id"])), None)}),
    Template("The {mech} integrates information from the {a}.",
             lambda s: {("FEEDS_INTO", s["a_id"], s["mech_id"], None)}),
]


def _slots(rng: random.Random) -> dict[str, str]:
    a_kind, a = _actor(rng, set())
    b = rng.choice([n for n in BODIES if n != a])
    mech, state = rng.choice(MECHANISMS), rng.choice(STATES)
    session, number = rng.randint(30, 55), rng.randint(1, 40)
    symbol = f"A/HRC/RES/{session}/{number}"
    return {"a": a, "b": b, "a_id": _id(a_kind, a), "b_id": _id("Body", b), "mech": mech,
            "mech_id": _id("Mechanism", mech), "state": _id("State", state), "state_name": state, "sym": symbol,
            "res": _id("Resolution", symbol), "year": str(rng.randint(2015, 2023))}


def flow_document(rng: random.Random, index: int, sentences: int = 6) -> tuple[str, set[Fact]]:
    """A synthetic meeting report: its text and the flows it states."""
    lines = [f"Summary of the dialogue on prevention no. {index}", f"Geneva, {rng.randint(1, 28)} March 2023", ""]
    facts: set[Fact] = set()
    for _ in range(sentences):
        template = rng.choice(TEMPLATES)
        slots = _slots(rng)
        lines.append(template.text.format(**{**slots, "state": slots["state_name"]}))
        facts |= template.facts(slots)
        lines.append(rng.choice(FILLER))
    return "\n".join(lines) + "\n", facts


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
    start = time.perf_counter()
    for index, (text, expected) in enumerate(corpus):
        built = build(text_document(text, f"synthetic-{index}"))
        contexts.append(built.context)
        found = {(e.type, e.source, e.target, e.status) for e in built.batch.edges if e.type in flow_types}
        for key, (exp, got) in {"endpoints": ({f[:3] for f in expected}, {f[:3] for f in found}),
                                "status": (expected, found)}.items():
            totals[key] = [t + s for t, s in zip(totals[key], _score(exp, got), strict=True)]
    pipeline = time.perf_counter() - start
    start = time.perf_counter()
    for ctx in contexts:
        extract_flows(ctx)
    flows = time.perf_counter() - start
    print(f"cores available: {os.cpu_count()} (one used)")
    print(f"documents: {args.docs}, text: {size:.2f} MB, seed {args.seed}")
    print(f"whole pipeline: {pipeline:.1f} s, {args.docs / pipeline:.0f} documents/s, {size / pipeline:.2f} MB/s")
    print(f"flow stage alone: {flows:.1f} s, {args.docs / flows:.0f} documents/s, {size / flows:.2f} MB/s")
    print(f"flows, type + endpoints: {_prf(*totals['endpoints'])}")
    print(f"flows, with status:      {_prf(*totals['status'])}")


if __name__ == "__main__":
    main()
