"""Brokers between the sides: Gould–Fernandez brokerage roles and Burt's structural holes.

A broker ``b`` stands on a path ``a -> b -> c`` where ``a`` has no channel of its own to
``c``. Gould and Fernandez (1989) name the role by the groups of the three (groups are
locations here: GENEVA, NEW_YORK, FIELD, OTHER):

- coordinator: all three in one group;
- itinerant (consultant): ``a`` and ``c`` in one group, ``b`` in another;
- representative: ``a`` and ``b`` in one group, ``c`` in another;
- gatekeeper: ``b`` and ``c`` in one group, ``a`` in another;
- liaison: all three in different groups.

Only the *frontier* is examined: actors with a channel in from one side and a channel out
to the other, the only ones that can broker between Geneva and New York. Pairs with an
actor of unknown location count towards ``cross_side`` when ``a`` and ``c`` sit on
opposite sides, but towards no role. When an actor has more than ``pair_budget`` (in, out)
pairs, a seeded uniform sample of that many pairs is examined and the counts are scaled:
the finding says so. Burt's constraint and effective size are computed for the reported
brokers only, on the undirected channel graph, as :func:`networkx.constraint` and
:func:`networkx.effective_size` define them for unweighted graphs.
"""

from __future__ import annotations

import numpy as np

from prevgraph.graph.analysis.context import STATUS_CODE, GapContext
from prevgraph.graph.analysis.findings import Citation, Draft
from prevgraph.graph.analysis.indexed import GENEVA, NEW_YORK, Indexed

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
_EXAMPLES = 5
_NEIGHBOUR_BUDGET = 5000
_CHUNK_PAIRS = 4_000_000


class _Arcs:
    """Distinct arcs with their strongest status, sorted both ways for vectorised look-ups."""

    def __init__(self, ctx: GapContext, statuses: tuple[str, ...]) -> None:
        n = max(len(ctx.actors), 1)
        arcs = ctx.arcs
        keep = np.isin(arcs.status, [STATUS_CODE[s] for s in statuses]) & (arcs.src != arcs.dst)
        keys = arcs.src[keep] * n + arcs.dst[keep]
        status = arcs.status[keep]
        order = np.lexsort((status, keys))
        keys, status = keys[order], status[order]
        first = np.ones(keys.size, dtype=bool)
        first[1:] = keys[1:] != keys[:-1]
        self.n, self.keys, self.status = n, keys[first], status[first]

    def status_of(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Strongest status code of each arc ``a -> b`` (-1 where there is none)."""
        wanted = a.astype(np.int64) * self.n + b
        pos = np.minimum(np.searchsorted(self.keys, wanted), max(self.keys.size - 1, 0))
        if not self.keys.size:
            return np.full(wanted.size, -1)
        return np.where(self.keys[pos] == wanted, self.status[pos], -1)


def _group_codes(ctx: GapContext) -> np.ndarray:
    locations = sorted({loc for a in ctx.actors if (loc := ctx.location(a))})
    codes = {loc: i for i, loc in enumerate(locations)}
    return np.array([codes.get(ctx.location(a) or "", -1) for a in ctx.actors], dtype=np.int16)


def brokerage(ctx: GapContext, *, statuses: tuple[str, ...] = ("REALISED", "MANDATED"), pair_budget: int = 20_000,
              seed: int = 0) -> dict[int, dict]:
    """Brokerage counts of every frontier actor (by actor index), over channels of ``statuses``.

    All (in, out) pairs of the frontier are classified at once, in chunks of a few million
    pairs, so the cost is linear in the pairs examined.
    """
    channel = ctx.channels(statuses)
    arcs = _Arcs(ctx, statuses)
    sides, groups = ctx.sides, _group_codes(ctx)
    is_g, is_n = (sides == GENEVA).astype(np.int32), (sides == NEW_YORK).astype(np.int32)
    out, inn = channel.matrix, channel.reversed().matrix
    frontier = np.nonzero(((inn @ is_g > 0) & (out @ is_n > 0)) | ((inn @ is_n > 0) & (out @ is_g > 0)))[0]
    d_in, d_out = np.diff(inn.indptr)[frontier], np.diff(out.indptr)[frontier]
    totals = d_in.astype(np.int64) * d_out
    examined = np.minimum(totals, pair_budget)
    rng = np.random.default_rng(seed)
    tallies = {name: np.zeros(frontier.size) for name in (*ROLES, "forth", "back", "realised")}
    examples: dict[int, list[tuple[int, int]]] = {}
    start = 0
    while start < frontier.size:
        stop = start + max(1, int(np.searchsorted(np.cumsum(examined[start:]), _CHUNK_PAIRS)))
        rows = np.arange(start, min(stop, frontier.size))
        owner, a, c = _pairs(rows, frontier, d_in, d_out, totals, examined, inn, out, rng)
        keep = (a != c) & (arcs.status_of(a, c) < 0)
        owner, a, c = owner[keep], a[keep], c[keep]
        _tally(tallies, examples, owner, frontier[owner], a, c, sides, groups, arcs)
        start = int(rows[-1]) + 1
    scale = totals / np.maximum(examined, 1)
    found = {}
    for row, b in enumerate(frontier.tolist()):
        count = {name: round(float(tallies[name][row] * scale[row]), 1) for name in tallies}
        found[b] = {
            "roles": {name: count[name] for name in ROLES},
            "cross_side": round(count["forth"] + count["back"], 1),
            "geneva_to_new_york": count["forth"],
            "new_york_to_geneva": count["back"],
            "cross_side_realised": count["realised"],
            "sampled": bool(totals[row] > pair_budget),
            "examples": examples.get(row, []),
        }
    return found


def _pairs(rows: np.ndarray, frontier: np.ndarray, d_in: np.ndarray, d_out: np.ndarray, totals: np.ndarray,
           examined: np.ndarray, inn, out, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, a, c) for every pair examined at the frontier rows: all of them, or a uniform sample."""
    owner = np.repeat(rows, examined[rows])
    full = totals[owner] == examined[owner]
    offsets = np.concatenate(([0], np.cumsum(examined[rows])[:-1]))
    k = np.arange(owner.size) - np.repeat(offsets, examined[rows])
    width = np.maximum(d_out[owner], 1)
    ia = np.where(full, k // width, (rng.random(owner.size) * d_in[owner]).astype(np.int64))
    ic = np.where(full, k % width, (rng.random(owner.size) * d_out[owner]).astype(np.int64))
    b = frontier[owner]
    return owner, inn.indices[inn.indptr[b] + ia], out.indices[out.indptr[b] + ic]


def _tally(tallies: dict[str, np.ndarray], examples: dict[int, list[tuple[int, int]]], owner: np.ndarray,
           b: np.ndarray, a: np.ndarray, c: np.ndarray, sides: np.ndarray, groups: np.ndarray, arcs: _Arcs) -> None:
    size = tallies["forth"].size
    ga, gb, gc = groups[a], groups[b], groups[c]
    known = (ga >= 0) & (gc >= 0) & (gb >= 0)
    masks = {
        "coordinator": known & (ga == gb) & (gb == gc),
        "itinerant": known & (ga == gc) & (ga != gb),
        "representative": known & (ga == gb) & (gb != gc),
        "gatekeeper": known & (gb == gc) & (ga != gb),
        "liaison": known & (ga != gb) & (gb != gc) & (ga != gc),
        "forth": (sides[a] == GENEVA) & (sides[c] == NEW_YORK),
        "back": (sides[a] == NEW_YORK) & (sides[c] == GENEVA),
    }
    cross = masks["forth"] | masks["back"]
    realised = STATUS_CODE["REALISED"]
    masks["realised"] = cross & (arcs.status_of(a, b) == realised) & (arcs.status_of(b, c) == realised)
    for name, mask in masks.items():
        tallies[name] += np.bincount(owner[mask], minlength=size)
    picked = np.nonzero(cross)[0]
    groups_of = owner[picked]
    first = np.searchsorted(groups_of, groups_of)
    for k in picked[np.arange(picked.size) - first < _EXAMPLES].tolist():
        examples.setdefault(int(owner[k]), []).append((int(a[k]), int(c[k])))


def structural_holes(undirected: Indexed, node: int) -> tuple[float, float, bool]:
    """Burt's constraint and effective size of ``node`` in an unweighted undirected graph.

    With more than a few thousand neighbours, a fixed subset of them stands in for the rest
    (the third value says so).

    >>> import numpy as np
    >>> star = Indexed.from_arcs(4, np.array([0, 0, 0]), np.array([1, 2, 3])).undirected()
    >>> constraint, size, approximate = structural_holes(star, 0)
    >>> round(constraint, 3), size, approximate
    (0.333, 3.0, False)
    """
    neighbours = undirected.successors(node)
    degree = neighbours.size
    if degree == 0:
        return float("nan"), float("nan"), False
    approximate = degree > _NEIGHBOUR_BUDGET
    examined = neighbours[:: max(1, degree // _NEIGHBOUR_BUDGET)] if approximate else neighbours
    inside = np.zeros(undirected.n, dtype=bool)
    inside[neighbours] = True
    degrees = np.diff(undirected.matrix.indptr)
    constraint, ties = 0.0, 0
    for j in examined.tolist():
        others = undirected.successors(j)
        common = others[inside[others] & (others != node)]
        ties += common.size
        indirect = float(np.sum(1.0 / degrees[common])) / degree
        constraint += (1.0 / degree + indirect) ** 2
    factor = degree / examined.size
    constraint *= factor
    ties *= factor
    return constraint, degree - ties / degree, approximate


def brokers(ctx: GapContext, *, statuses: tuple[str, ...] = ("REALISED", "MANDATED"), limit: int = 10,
            pair_budget: int = 20_000, seed: int = 0) -> list[Draft]:
    """The ``limit`` actors that broker most Geneva–New York pairs, with their roles and Burt's measures."""
    counts = brokerage(ctx, statuses=statuses, pair_budget=pair_budget, seed=seed)
    ranked = sorted(((b, c) for b, c in counts.items() if c["cross_side"] > 0),
                    key=lambda item: (-item[1]["cross_side"], ctx.actors[item[0]]))
    total = sum(c["cross_side"] for _, c in ranked)
    undirected = ctx.channels(statuses).undirected()
    drafts = []
    for b, count in ranked[:limit]:
        constraint, size, approximate = structural_holes(undirected, b)
        drafts.append(_broker_draft(ctx, b, count, constraint, size, approximate, total, len(ranked), statuses))
    return drafts


def _broker_draft(ctx: GapContext, b: int, count: dict, constraint: float, size: float, approximate: bool,
                  total: float, found: int, statuses: tuple[str, ...]) -> Draft:
    node = ctx.actors[b]
    share = count["cross_side"] / total if total else 0.0
    roles = ", ".join(f"{_num(v)} as {name}" for name, v in count["roles"].items() if v)
    first = count["examples"][0] if count["examples"] else None
    example = (f" (for example {ctx.name(ctx.actors[first[0]])} → {ctx.name(node)} → {ctx.name(ctx.actors[first[1]])})"
               if first else "")
    estimate = " (estimated from a sample)" if count["sampled"] else ""
    statement = (f"{ctx.name(node)} brokers {_num(count['cross_side'])} Geneva–New York pair(s) of actors{estimate}"
                 f"{example}" + (f": {roles}" if roles else "") +
                 f"; Burt's constraint {constraint:.2f}, effective size {size:.1f}.")
    edges: list[str] = []
    citations: list[Citation] = ctx.node_citations(node)
    partners = []
    for a, c in count["examples"]:
        partners += [ctx.actors[a], ctx.actors[c]]
        for i, j in ((a, b), (b, c)):
            found_edges = ctx.arc_edges(i, j, statuses)
            if found_edges:
                edges.append(found_edges[0][2])
                citations += ctx.edge_citations(found_edges[0][3])
    data = {
        **{k: v for k, v in count.items() if k != "examples"},
        "examples": [[ctx.actors[a], node, ctx.actors[c]] for a, c in count["examples"]],
        "share": round(share, 3),
        "constraint": None if np.isnan(constraint) else round(constraint, 4),
        "effective_size": None if np.isnan(size) else round(size, 4),
        "structural_holes_approximate": approximate,
        "brokers_found": found,
        "statuses": list(statuses),
        "method": "Gould–Fernandez roles over the frontier (actors with channels to both sides); groups = locations",
    }
    severity = "high" if share >= 0.5 else "medium" if share >= 0.1 else "low"
    return Draft("broker", statement, severity, about=[node], nodes=[node, *partners], edges=edges,
                 evidence=citations, data=data, weight=count["cross_side"])


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
