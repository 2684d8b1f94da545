"""Find a resolution from any way documents cite it: "45/31", "A/HRC/RES/45/31", "resolution 45/31",
"S/RES/2282 (2016)", "GA resolution 60/251".

A full symbol names one resolution; a short number ("45/31") is matched against the
end of the symbols and aliases of the resolutions in the store, and is an error with
the candidates when it fits several.
"""

from __future__ import annotations

import re

from prevgraph.errors import NotFound
from prevgraph.graph.lookup import resolve_node
from prevgraph.graph.store import GraphStore, NodeFilter
from prevgraph.schema import Node, node_id

_FULL = re.compile(r"\b((?:[A-Z]{1,6}/)+RES/\d+(?:/\d+)*)(?:\s*\((\d{4})\))?", re.IGNORECASE)
_SHORT = re.compile(r"\b(\d{1,4}(?:/\d{1,4})+|\d{3,4}\s*\(\d{4}\))")
_CANDIDATES = 200


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _ends_with_number(name: str, number: str) -> bool:
    """Whether a symbol or alias ends with the resolution number (a trailing year in brackets ignored)."""
    core = re.sub(r"\s*\(\d{4}\)$", "", _fold(name))
    return core == number or core.endswith(("/" + number, " " + number))


def resolve_resolution(store: GraphStore, citation: str) -> Node:
    """The Resolution node ``citation`` names; :class:`NotFound` (with candidates) otherwise."""
    try:
        return resolve_node(store, citation, kinds=("Resolution",))
    except NotFound:
        pass
    full = _FULL.search(citation)
    if full:
        found = store.node(node_id("Resolution", full.group(1).upper()))
        if found is not None and found.kind == "Resolution":
            return found
    short = _SHORT.search(citation)
    if short is None and full is None:
        raise NotFound(f"{citation!r} is not a resolution citation; give a symbol such as A/HRC/RES/45/31 or 45/31")
    number = _fold(full.group(1).split("RES/")[-1] if full else short.group(1))  # type: ignore[union-attr]
    number = re.sub(r"\s*\((\d{4})\)", "", number)
    candidates = store.find_nodes(NodeFilter(kind="Resolution", text=number), limit=_CANDIDATES)
    matching = [n for n in candidates if any(_ends_with_number(a, number) for a in (n.name, *n.aliases))]
    if len(matching) == 1:
        return matching[0]
    if matching:
        raise NotFound(f"{citation!r} fits several resolutions: {', '.join(n.name for n in matching)}; "
                       "give the full symbol")
    raise NotFound(f"no resolution in the graph is cited as {citation!r}")
