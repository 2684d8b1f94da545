"""Flow sentences with known answers, for synthetic loader benchmarks.

``flow_sentence(rng)`` returns one sentence of the kinds documents state flows in (a
resolution's request or invitation with the briefing it mandates, a realised, unrealised,
proposed or blocked briefing, a missing link, a routine feed) and the flows it states as
``(TYPE, source id, target id, STATUS)`` (STATUS None for NO_LINK and FEEDS_INTO).
Actors are drawn from the reference data under any of their names (acronyms included). A document
generator can mix these sentences with its own (``add_flows`` does it for any generator of
documents with ``text``, ``entities`` and ``flows``); ``flow_document`` makes a whole document.

    >>> import random
    >>> text, facts, ids = flow_sentence(random.Random(1))
    >>> bool(text) and all(len(f) == 4 for f in facts) and bool(ids)
    True
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from string import Formatter
from typing import Any

from prevgraph.schema import gazetteer, node_id

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
    Template("The {b} was briefed by the {a} in {year}.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "REALISED")}),
    Template("A representative of {state} said that the {a} had brought the situation to the attention of the {b}.",
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "REALISED")}),
    Template("The {a} declined to address the {b} on the matter.",
             # declining is no block: no BLOCKS self-loop (issue 15)
             lambda s: {("BRIEFS", s["a_id"], s["b_id"], "UNREALISED")}),
    Template("Information from the {mech} still does not reach the {b}.",
             lambda s: {("BRIEFS", s["mech_id"], s["b_id"], "UNREALISED")}),
    Template("The {a} and the {b} have long worked in silos.",
             lambda s: {("NO_LINK", *sorted((s["a_id"], s["b_id"])), None)}),
    Template("There is no formal link between the {a} and the {b}.",
             lambda s: {("NO_LINK", *sorted((s["a_id"], s["b_id"])), None)}),
    Template("The {mech} integrates information from the {a}.",
             lambda s: {("FEEDS_INTO", s["a_id"], s["mech_id"], None)}),
]


#: template fields that name a node, and the slot holding its id
_NAMED = {"a": "a_id", "b": "b_id", "mech": "mech_id", "state": "state", "sym": "res"}


def _written(rng: random.Random, name: str) -> str:
    """One of the names documents use for a reference entry (acronyms included), as written after "the"."""
    entry = gazetteer().lookup(name)
    names = [n for n in entry.names if not n[:1].islower() and len(n) > 2] if entry else []
    return rng.choice(names or [name])


def _slots(rng: random.Random) -> dict[str, str]:
    a_kind, a = _actor(rng, set())
    b = rng.choice([n for n in BODIES if n != a])
    mech, state = rng.choice(MECHANISMS), rng.choice(STATES)
    session, number = rng.randint(30, 55), rng.randint(1, 40)
    symbol = f"A/HRC/RES/{session}/{number}"
    return {"a": _written(rng, a), "b": _written(rng, b), "a_id": _id(a_kind, a), "b_id": _id("Body", b), "mech": mech,
            "mech_id": _id("Mechanism", mech), "state": _id("State", state), "state_name": state, "sym": symbol,
            "res": _id("Resolution", symbol), "year": str(rng.randint(2015, 2023))}


def flow_sentence(rng: random.Random) -> tuple[str, set[Fact], set[str]]:
    """One sentence from a template chosen at random, the flows it states and the node ids it names."""
    template = rng.choice(TEMPLATES)
    slots = _slots(rng)
    named = {field for _, field, _, _ in Formatter().parse(template.text) if field}
    ids = {slots[_NAMED[field]] for field in named if field in _NAMED}
    if "sym" in named:
        ids.add(_id("Body", "Human Rights Council"))
    return template.text.format(**{**slots, "state": slots["state_name"]}), template.facts(slots), ids


def flow_document(rng: random.Random, index: int, sentences: int = 6) -> tuple[str, set[Fact]]:
    """A synthetic meeting report: flow sentences with filler between, and the flows it states."""
    lines = [f"Summary of the dialogue on prevention no. {index}", f"Geneva, {rng.randint(1, 28)} March 2023", ""]
    facts: set[Fact] = set()
    for _ in range(sentences):
        sentence, stated, _ = flow_sentence(rng)
        lines += [sentence, rng.choice(FILLER)]
        facts |= stated
    return "\n".join(lines) + "\n", facts


def add_flows(docs: Iterable[Any], seed: int = 7, every: int = 2, sentences: int = 4) -> Iterator[Any]:
    """Give every ``every``-th document of a generator a paragraph of flow sentences.

    Works on any frozen dataclass with ``text``, ``entities`` and ``flows`` (such as
    ``synthetic_documents.SyntheticDocument``): the paragraph is appended to ``text``, the
    ids it names join ``entities``, and its flows with a status join ``flows`` as
    ``(source id, TYPE, target id, STATUS)``, the order ``bench_loaders.py`` scores.
    """
    rng = random.Random(seed)
    for index, doc in enumerate(docs):
        if index % every:
            yield doc
            continue
        said, flows, names = [], set(doc.flows), set(doc.entities)
        for _ in range(sentences):
            sentence, facts, ids = flow_sentence(rng)
            said.append(sentence)
            flows |= {(source, rel, target, status) for rel, source, target, status in facts if status}
            names |= ids
        yield replace(doc, text=doc.text + "\n\n" + " ".join(said), entities=frozenset(names),
                      flows=frozenset(flows))
