"""Find a node by any of its names: the one way the CLI, the API and the maps resolve
"HRC", "UNHRC" or "Human Rights Council" to the same node."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from prevgraph.errors import Ambiguous, NotFound
from prevgraph.graph.store import GraphStore, NodeFilter
from prevgraph.schema import Node

_CANDIDATES = 200


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def resolve_node(store: GraphStore, name: str, kinds: Sequence[str] | None = None) -> Node:
    """The node whose id, name or alias is ``name`` (ignoring case); else the only node whose
    name contains it. Raises :class:`NotFound` with suggestions when there is none, and
    :class:`Ambiguous` (a kind of :class:`NotFound`) with the candidates when there are several."""
    exact = store.node(name.strip())
    if exact is not None and (not kinds or exact.kind in kinds):
        return exact
    wanted = _fold(name)
    if not wanted:
        raise NotFound("an empty name names nothing; give a body's name, acronym or id")
    candidates = [n for n in store.find_nodes(NodeFilter(text=wanted), limit=_CANDIDATES)
                  if not kinds or n.kind in kinds]
    named = [n for n in candidates if wanted in (_fold(a) for a in (n.name, *n.aliases))]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise Ambiguous(f"{name!r} names several nodes: {', '.join(f'{n.name} ({n.id})' for n in named)}; use an id",
                        [n.id for n in named])
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise Ambiguous(f"{name!r} is ambiguous; did you mean {', '.join(n.name for n in candidates[:5])}?",
                        [n.id for n in candidates[:5]])
    raise NotFound(f"no node is named {name!r}{_suggestion(store, wanted, kinds)}")


def _suggestion(store: GraphStore, wanted: str, kinds: Sequence[str] | None) -> str:
    names = {}
    for kind in kinds or ("Body", "Office", "Mechanism", "Organization", "State"):
        for node in store.find_nodes(NodeFilter(kind=kind), limit=2000):
            for alias in (node.name, *node.aliases):
                names[_fold(alias)] = node.name
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(sorted({names[c] for c in close}))}?" if close else ""
