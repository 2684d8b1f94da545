"""What every gap analysis reads from the projection, computed once per call.

The projection holds documents' facts as they are stated: a resolution requests, a
participant briefs, an office is part of a body. The analyses ask about *actors* (bodies,
offices, mechanisms, organisations, States) on two *sides* (Geneva and New York), so:

- **Lifting.** A flow from a Paragraph or Resolution counts as a flow from the body that
  adopted it (``PART_OF`` then ``ADOPTED_BY``); a flow from a Participant counts as a flow
  from what it ``REPRESENTS``. The edge keeps its id and evidence.
- **Sides.** An actor's side is its ``location`` (GENEVA or NEW_YORK), or, when it has none,
  the location of the body it is ``PART_OF``. FIELD and OTHER are groups, not sides.
- **Channels.** Information channels are the flows other than ``BLOCKS`` (BRIEFS, REQUESTS,
  INVITES) plus ``FEEDS_INTO`` (information fed as a matter of course, so counted as
  realised). Self-loops (after lifting) are not channels.
- **Since.** With ``since``, an edge dated before it is history and left out, except
  mandates (MANDATED flows and the REQUESTS and INVITES behind them), which stay in force.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cached_property
from typing import TypeVar

import networkx as nx
import numpy as np

from prevgraph.graph.analysis.dates import Span, not_before, parse_since, parse_span
from prevgraph.graph.analysis.findings import Citation
from prevgraph.graph.analysis.indexed import GENEVA, NEW_YORK, NO_SIDE, Indexed
from prevgraph.schema import ontology

ACTOR_KINDS = frozenset({"Body", "Office", "Mechanism", "Organization", "State"})
#: Kinds that can be a principal body of a side.
PRINCIPAL_KINDS = frozenset({"Body", "Office", "Mechanism"})
SIDE_LABELS = {"GENEVA": "Geneva", "NEW_YORK": "New York"}
#: Flow statuses from strongest to weakest: pathways and arcs keep the strongest.
STATUS_ORDER: tuple[str, ...] = ("REALISED", "MANDATED", "PROPOSED", "UNREALISED", "BLOCKED")
STATUS_CODE = {s: i for i, s in enumerate(STATUS_ORDER)}
MANDATE_TYPES = frozenset({"REQUESTS", "INVITES"})
BLOCKS, NO_LINK, FEEDS_INTO = "BLOCKS", "NO_LINK", "FEEDS_INTO"
_LIFT_EDGES = {"Participant": ("REPRESENTS",), "Paragraph": ("PART_OF",), "Resolution": ("ADOPTED_BY",)}
_MAX_DEPTH = 6
T = TypeVar("T")


def channel_types() -> frozenset[str]:
    """The relationship kinds that carry information: flows other than BLOCKS, and FEEDS_INTO."""
    return frozenset(t for t in ontology().flow_types if t != BLOCKS) | {FEEDS_INTO}


def status_of(data: dict) -> str | None:
    """A channel's status; FEEDS_INTO, stated as standing practice, counts as REALISED."""
    if data.get("type") == FEEDS_INTO and data.get("status") is None:
        return "REALISED"
    return data.get("status")


def _match_span(item: dict) -> tuple[int | None, int | None]:
    start, end = item.get("match_start"), item.get("match_end")
    return (None, None) if start is None or end is None else (int(start), int(end))


def cite(graph: nx.MultiDiGraph, about: str, evidence: Iterable[dict], limit: int | None = None) -> list[Citation]:
    """Citations for the evidence of node or edge ``about``, each with its document's title.

    Evidence in the projection was validated when it was stored.
    """
    cites: list[Citation] = []
    for item in evidence:
        if limit is not None and len(cites) >= limit:
            break
        document = graph.nodes.get(item["document"]) or {}
        props = document.get("props") or {}
        cites.append(Citation(item["document"], item["quote"], int(item["start"]), int(item["end"]),
                              item.get("rule") or "", about, document.get("name"),
                              *_match_span(item), date=props.get("date"), file=props.get("file")))
    return cites


class GapContext:
    """The projection plus the lifted, side-labelled, indexed views the analyses share.

    Everything is computed lazily, so an analysis pays only for what it reads.
    """

    def __init__(self, graph: nx.MultiDiGraph, *, since: str | None = None, max_items: int = 200) -> None:
        self.graph = graph
        self.since_text = since
        self.since: Span | None = parse_since(since)
        self.max_items = max_items
        self._actor: dict[str, str | None] = {}
        self._location: dict[str, str | None] = {}

    # --- nodes -----------------------------------------------------------------------------------

    def name(self, node: str) -> str:
        data = self.graph.nodes.get(node)
        return str(data.get("name") or node) if data else node

    def kind(self, node: str) -> str | None:
        data = self.graph.nodes.get(node)
        return data.get("kind") if data else None

    def actor_of(self, node: str) -> str | None:
        """The actor a node's flows count for (itself for actors), or None."""
        if node not in self._actor:
            self._actor[node] = self._lift(node, 0)
        return self._actor[node]

    def _lift(self, node: str, depth: int) -> str | None:
        kind = self.kind(node)
        if kind in ACTOR_KINDS:
            return node
        if depth > _MAX_DEPTH or kind not in _LIFT_EDGES:
            return None
        via = _LIFT_EDGES[kind]
        for target in sorted(v for _, v, d in self.graph.out_edges(node, data=True) if d.get("type") in via):
            actor = self._lift(target, depth + 1)
            if actor is not None:
                return actor
        return None

    def location(self, node: str) -> str | None:
        """The node's location, or its parent body's (PART_OF) when it has none."""
        if node not in self._location:
            self._location[node] = self._locate(node, 0)
        return self._location[node]

    def _locate(self, node: str, depth: int) -> str | None:
        data = self.graph.nodes.get(node) or {}
        if data.get("location") or depth > _MAX_DEPTH:
            return data.get("location")
        for parent in sorted(v for _, v, d in self.graph.out_edges(node, data=True) if d.get("type") == "PART_OF"):
            if parent != node and self.kind(parent) in ACTOR_KINDS:
                found = self._locate(parent, depth + 1)
                if found:
                    return found
        return None

    def side(self, node: str) -> str | None:
        location = self.location(node)
        return location if location in SIDE_LABELS else None

    def crosses(self, u: str, v: str) -> bool:
        """Whether a flow from ``u`` to ``v`` (lifted to actors) runs between Geneva and New York."""
        a, b = self.actor_of(u), self.actor_of(v)
        if a is None or b is None:
            return False
        sides = (self.side(a), self.side(b))
        return sides == ("GENEVA", "NEW_YORK") or sides == ("NEW_YORK", "GENEVA")

    # --- edges -----------------------------------------------------------------------------------

    def span(self, data: dict) -> Span | None:
        return parse_span(data.get("date"))

    def is_mandate(self, data: dict) -> bool:
        return data.get("status") == "MANDATED" or data.get("type") in MANDATE_TYPES

    def current(self, data: dict) -> bool:
        """Whether an edge belongs to the state of things from ``since`` on (see the module notes)."""
        return self.since is None or self.is_mandate(data) or not_before(self.span(data), self.since)

    @cached_property
    def by_type(self) -> dict[str, list[tuple[str, str, str, dict]]]:
        """Every edge the analyses read (channels, BLOCKS, NO_LINK), bucketed by type in one pass."""
        wanted = channel_types() | {BLOCKS, NO_LINK}
        buckets: dict[str, list[tuple[str, str, str, dict]]] = {t: [] for t in wanted}
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            bucket = buckets.get(data.get("type"))
            if bucket is not None:
                bucket.append((u, v, key, data))
        return buckets

    def edges_of_type(self, *types: str) -> Iterator[tuple[str, str, str, dict]]:
        """The edges of the given types (among those :attr:`by_type` buckets), type by type."""
        for rel_type in sorted(set(types)):
            yield from self.by_type.get(rel_type, ())

    def edges_by_id(self, ids: Iterable[str]) -> dict[str, tuple[str, str, str, dict]]:
        """The edges with the given ids (edge key = edge id), found in one pass over the graph."""
        wanted = set(ids)
        found = {}
        if wanted:
            for u, v, key, data in self.graph.edges(keys=True, data=True):
                if key in wanted:
                    found[key] = (u, v, key, data)
        return found

    # --- evidence --------------------------------------------------------------------------------

    def cite(self, about: str, evidence: Iterable[dict], limit: int | None = None) -> list[Citation]:
        return cite(self.graph, about, evidence, limit)

    def node_citations(self, node: str, limit: int = 1) -> list[Citation]:
        """The first mention(s) of a node: the documents that put it in the graph, marked as mentions (a
        sentence that names a body is no evidence of a flow or a missing channel, and is never shown as one)."""
        data = self.graph.nodes.get(node) or {}
        return [replace(c, mention=True) for c in self.cite(node, data.get("evidence") or (), limit)]

    @cached_property
    def loaded(self) -> str:
        """What the graph was built from, for statements of absence ("in the 12 documents loaded"): an absence
        is a fact about those documents, not about the world."""
        documents = sum(1 for _, kind in self.graph.nodes(data="kind") if kind == "Document")
        return f"in the {documents} document{'s' if documents != 1 else ''} loaded"

    def edge_citations(self, data: dict) -> list[Citation]:
        return self.cite(str(data.get("id")), data.get("evidence") or ())

    # --- channels between actors -----------------------------------------------------------------

    @cached_property
    def actors(self) -> list[str]:
        """Every actor of the graph, sorted, so indices are deterministic."""
        return sorted(n for n, kind in self.graph.nodes(data="kind") if kind in ACTOR_KINDS)

    @cached_property
    def index(self) -> dict[str, int]:
        return {node: i for i, node in enumerate(self.actors)}

    @cached_property
    def sides(self) -> np.ndarray:
        codes = {"GENEVA": GENEVA, "NEW_YORK": NEW_YORK}
        return np.array([codes.get(self.side(a) or "", NO_SIDE) for a in self.actors], dtype=np.int8)

    @cached_property
    def arcs(self) -> Arcs:
        """Every current channel edge, lifted to actors, as aligned arrays (self-loops dropped)."""
        types = channel_types()
        src: list[int] = []
        dst: list[int] = []
        status: list[int] = []
        edge_ids: list[str] = []
        raw: list[tuple[str, str, str]] = []
        index = self.index
        for u, v, key, data in self.edges_of_type(*types):
            if not self.current(data):
                continue
            code = STATUS_CODE.get(status_of(data) or "")
            a, b = self.actor_of(u), self.actor_of(v)
            if code is None or a is None or b is None or a == b:
                continue
            src.append(index[a])
            dst.append(index[b])
            status.append(code)
            edge_ids.append(key)
            raw.append((u, v, key))
        return Arcs(np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(status, dtype=np.int8),
                    edge_ids, raw, len(self.actors))

    def channels(self, statuses: Iterable[str] = ("REALISED",)) -> Indexed:
        """The simple directed graph of actors joined by a channel of one of ``statuses``."""
        key = tuple(sorted(statuses))

        def build() -> Indexed:
            keep = np.isin(self.arcs.status, [STATUS_CODE[s] for s in key])
            return Indexed.from_arcs(len(self.actors), self.arcs.src[keep], self.arcs.dst[keep])

        return self.memo(f"channels:{','.join(key)}", build)

    def arc_edges(self, i: int, j: int, statuses: Iterable[str] | None = None) -> list[tuple[str, str, str, dict]]:
        """The channel edges behind the arc between actor indices ``i -> j`` (strongest status first)."""
        codes = None if statuses is None else {STATUS_CODE[s] for s in statuses}
        rows = self.arcs.lookup(i, j)
        found = []
        for row in rows:
            if codes is None or int(self.arcs.status[row]) in codes:
                u, v, key = self.arcs.raw[row]
                found.append((int(self.arcs.status[row]), key, (u, v, key, self.graph.edges[u, v, key])))
        return [edge for _, _, edge in sorted(found, key=lambda item: item[:2])]

    def route_citations(self, route: list[int],
                        statuses: Iterable[str] = ("REALISED",)) -> tuple[list[str], list[Citation]]:
        """The edge ids and evidence of the strongest edge on each arc of a route of actor indices."""
        edges: list[str] = []
        cites: list[Citation] = []
        for i, j in zip(route, route[1:], strict=False):
            found = self.arc_edges(i, j, statuses)
            if found:
                edges.append(found[0][2])
                cites.extend(self.edge_citations(found[0][3]))
        return edges, cites

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute something two analyses share (a minimum cut, say) once per context."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def side_indices(self, code: int) -> np.ndarray:
        return np.nonzero(self.sides == code)[0]

    def capped(self, items: list) -> list:
        return items[: self.max_items]


class Arcs:
    """Channel edges lifted to actor indices, sorted by (source, target) for lookups."""

    def __init__(self, src: np.ndarray, dst: np.ndarray, status: np.ndarray, edge_ids: list[str],
                 raw: list[tuple[str, str, str]], n: int) -> None:
        self.src, self.dst, self.status, self.edge_ids, self.raw = src, dst, status, edge_ids, raw
        self.n = n
        self._keys = src * max(n, 1) + dst
        self._order = np.argsort(self._keys, kind="stable")
        self._sorted = self._keys[self._order]

    def lookup(self, i: int, j: int) -> list[int]:
        key = i * max(self.n, 1) + j
        lo, hi = np.searchsorted(self._sorted, [key, key + 1])
        return self._order[lo:hi].tolist()
