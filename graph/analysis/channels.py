"""Channels between the sides: missing direct channels, stated missing links, asymmetry.

The *principal bodies* of a side are not a list written here: they are the bodies,
offices and mechanisms of that side that take part in the most flows (channels of any
status, blocks, stated missing links), the top ``principals`` per side, ties broken by
name then id. Pairs across the sides that a document says have no link are examined too,
whether or not both are principal.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from prevgraph.graph.analysis.context import BLOCKS, NO_LINK, PRINCIPAL_KINDS, STATUS_ORDER, GapContext
from prevgraph.graph.analysis.findings import Citation, Draft
from prevgraph.graph.analysis.indexed import GENEVA, NEW_YORK


def flow_degree(ctx: GapContext) -> np.ndarray:
    """How many flows each actor takes part in (channels of any status, blocks and stated missing links),
    by actor index."""
    n = len(ctx.actors)
    arcs = ctx.arcs
    degree = np.bincount(arcs.src, minlength=n) + np.bincount(arcs.dst, minlength=n)
    for u, v, _, data in ctx.edges_of_type(BLOCKS, NO_LINK):
        if ctx.current(data):
            for end in {ctx.actor_of(u), ctx.actor_of(v)} - {None}:
                degree[ctx.index[end]] += 1
    return degree


def principal_bodies(ctx: GapContext, k: int = 3) -> dict[str, list[str]]:
    """The ``k`` bodies, offices or mechanisms on each side that take part in the most flows.

    Only actors in at least one flow qualify; ties go to the name, then the id.
    """
    degree = flow_degree(ctx)
    chosen: dict[str, list[str]] = {}
    for code, side in ((GENEVA, "GENEVA"), (NEW_YORK, "NEW_YORK")):
        candidates = [i for i in ctx.side_indices(code).tolist()
                      if degree[i] > 0 and ctx.kind(ctx.actors[i]) in PRINCIPAL_KINDS]
        candidates.sort(key=lambda i: (-int(degree[i]), ctx.name(ctx.actors[i]), ctx.actors[i]))
        chosen[side] = [ctx.actors[i] for i in candidates[:k]]
    return chosen


def _stated_links(ctx: GapContext) -> dict[frozenset[str], list[tuple[str, str, str, dict]]]:
    stated: dict[frozenset[str], list] = {}
    for edge in sorted(ctx.edges_of_type(NO_LINK), key=lambda e: e[2]):
        a, b = ctx.actor_of(edge[0]), ctx.actor_of(edge[1])
        if a and b and a != b and ctx.current(edge[3]):
            stated.setdefault(frozenset((a, b)), []).append(edge)
    return stated


def _route_text(ctx: GapContext, route: list[int] | None, start: str, end: str) -> str:
    if route is None:
        return f"no realised route leads from {ctx.name(start)} to {ctx.name(end)}"
    via = [ctx.name(ctx.actors[i]) for i in route[1:-1]]
    return f"from {ctx.name(start)} the shortest realised route runs via {', '.join(via)} ({len(route) - 1} steps)"


def missing_channels(ctx: GapContext, *, principals: int = 3, route_limit: int = 50) -> list[Draft]:
    """Pairs of principal bodies (one per side) with no direct realised flow either way, with
    their shortest indirect routes, the brokers on them, and the links documents say are missing.

    Cross-side pairs a document says have no link join the principal pairs (the ``route_limit``
    most often stated, on a very large graph).
    """
    chosen = principal_bodies(ctx, principals)
    realised = ctx.channels(("REALISED",))
    stated = _stated_links(ctx)
    degree = flow_degree(ctx)
    pairs = {(g, n) for g in chosen["GENEVA"] for n in chosen["NEW_YORK"]}
    extra = []
    for pair, edges in stated.items():
        g, n = sorted(pair, key=lambda x: ctx.side(x) != "GENEVA")
        if (ctx.side(g), ctx.side(n)) == ("GENEVA", "NEW_YORK") and (g, n) not in pairs:
            extra.append((-len(edges), g, n))
    pairs.update((g, n) for _, g, n in sorted(extra)[:route_limit])
    drafts = []
    for g, n in sorted(pairs):
        i, j = ctx.index[g], ctx.index[n]
        if realised.has_arc(i, j) or realised.has_arc(j, i):
            continue
        drafts.append(_missing_draft(ctx, g, n, realised.route(i, j), realised.route(j, i),
                                     stated.get(frozenset((g, n)), []), chosen, int(degree[i] + degree[j])))
    return drafts


def _missing_draft(ctx: GapContext, g: str, n: str, forth: list[int] | None, back: list[int] | None,
                   stated: list, chosen: dict[str, list[str]], weight: int) -> Draft:
    i, j = ctx.index[g], ctx.index[n]
    edges: list[str] = []
    citations: list[Citation] = ctx.node_citations(g) + ctx.node_citations(n)
    for route in (forth, back):
        if route:
            route_edges, route_cites = ctx.route_citations(route)
            edges += route_edges
            citations += route_cites
    other: dict[str, list[str]] = {}
    for a, b in ((i, j), (j, i)):
        for _, _, key, data in ctx.arc_edges(a, b):
            other.setdefault(data.get("status") or "", []).append(key)
            edges.append(key)
            citations += ctx.edge_citations(data)
    for edge in stated:
        edges.append(edge[2])
        citations += ctx.edge_citations(edge[3])
    brokers = sorted({ctx.actors[x] for route in (forth, back) if route for x in route[1:-1]})
    statement = f"No realised flow runs directly between {ctx.name(g)} (Geneva) and {ctx.name(n)} (New York)"
    if stated:
        statement += "; documents state outright that there is no link"
    if other:
        statement += "; flows between them are only " + ", ".join(s.lower() for s in _ordered(other))
    statement += f"; {_route_text(ctx, forth, g, n)}; {_route_text(ctx, back, n, g)}."
    unconnected = forth is None and back is None
    severity = "high" if stated or (unconnected and other) else "medium" if forth is None or back is None else "low"
    data = {
        "geneva": g,
        "new_york": n,
        "route_to_new_york": [ctx.actors[x] for x in forth] if forth else None,
        "route_to_geneva": [ctx.actors[x] for x in back] if back else None,
        "brokers": brokers,
        "other_flows": {s: other[s] for s in _ordered(other)},
        "stated": [e[2] for e in stated],
        "principals": chosen,
        "selection": "principal bodies: the top bodies, offices and mechanisms per side by channel edges",
    }
    return Draft("missing_channel", statement, severity, about=[g, n], nodes=[g, n, *brokers], edges=edges,
                 evidence=citations, data=data, weight=weight)


def _ordered(statuses: dict[str, list[str]]) -> list[str]:
    return sorted(statuses, key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else len(STATUS_ORDER))


def stated_missing_links(ctx: GapContext, *, route_limit: int = 50) -> list[Draft]:
    """Each missing link a document states outright (NO_LINK), set beside the flows the graph holds.

    The shortest realised routes around a missing link are searched for the ``route_limit``
    links that weigh most (between the sides, most often stated); the rest say they were not searched.
    """
    realised = ctx.channels(("REALISED",))
    pairs = []
    for pair, edges in _stated_links(ctx).items():
        a, b = sorted(pair)
        quotes = len({(ev["document"], ev["start"]) for e in edges for ev in e[3].get("evidence") or ()})
        cross = ctx.crosses(a, b)
        pairs.append((not cross, -quotes, a, b, edges))
    drafts = []
    for position, (not_cross, minus_quotes, a, b, edges) in enumerate(sorted(pairs, key=lambda p: p[:4])):
        i, j = ctx.index[a], ctx.index[b]
        direct = [e for x, y in ((i, j), (j, i)) for e in ctx.arc_edges(x, y, ("REALISED",))]
        searched = position < route_limit and not direct
        forth, back = (realised.route(i, j), realised.route(j, i)) if searched else (None, None)
        formal = " formal" if any((e[3].get("props") or {}).get("formal") for e in edges) else ""
        statement = f"{_documents(-minus_quotes)} that there is no{formal} link between {ctx.name(a)} and {ctx.name(b)}"
        if direct:
            statement += f"; the graph nevertheless records {len(direct)} realised flow(s) between them."
        elif searched:
            statement += f"; {_route_text(ctx, forth, a, b)}; {_route_text(ctx, back, b, a)}."
        else:
            statement += "; the graph records no realised flow between them."
        citations: list[Citation] = []
        all_edges = [e[2] for e in edges] + [e[2] for e in direct]
        for edge in edges + direct:
            citations += ctx.edge_citations(edge[3])
        for route in (forth, back):
            if route:
                route_edges, route_cites = ctx.route_citations(route)
                all_edges += route_edges
                citations += route_cites
        data = {"between": [a, b], "cross_side": not not_cross, "realised_direct": [e[2] for e in direct],
                "routes_searched": searched,
                "route_forth": [ctx.actors[x] for x in forth] if forth else None,
                "route_back": [ctx.actors[x] for x in back] if back else None}
        severity = "low" if direct else "medium" if not_cross else "high"
        drafts.append(Draft("stated_missing_link", statement, severity, about=[a, b], nodes=[a, b],
                            edges=all_edges, evidence=citations, since=_earliest(ctx, edges), data=data,
                            weight=-minus_quotes + (0 if not_cross else 1)))
    return drafts


def _documents(quotes: int) -> str:
    return "A document states" if quotes <= 1 else f"{quotes} statements say"


def _earliest(ctx: GapContext, edges: list) -> str | None:
    dated = sorted((span, e[3]["date"]) for e in edges if (span := ctx.span(e[3])) is not None)
    return dated[0][1] if dated else None


def asymmetry(ctx: GapContext) -> list[Draft]:
    """Flows from Geneva to New York against flows from New York to Geneva, by status."""
    if not len(ctx.side_indices(GENEVA)) or not len(ctx.side_indices(NEW_YORK)):
        return []
    arcs = ctx.arcs
    src_side, dst_side = ctx.sides[arcs.src], ctx.sides[arcs.dst]
    directions = {"GENEVA->NEW_YORK": (GENEVA, NEW_YORK), "NEW_YORK->GENEVA": (NEW_YORK, GENEVA)}
    counts: dict[str, dict[str, int]] = {}
    rows: list[int] = []
    for label, (a, b) in directions.items():
        picked = np.nonzero((src_side == a) & (dst_side == b))[0]
        rows += picked.tolist()
        tally = Counter(STATUS_ORDER[int(c)] for c in arcs.status[picked])
        counts[label] = {s: tally.get(s, 0) for s in STATUS_ORDER}
    forth, back = counts["GENEVA->NEW_YORK"], counts["NEW_YORK->GENEVA"]
    total = sum(forth.values()) + sum(back.values())
    rows = sorted(rows, key=lambda r: arcs.edge_ids[r])
    shown = ctx.capped(rows)
    citations: list[Citation] = []
    for r in shown:
        u, v, key = arcs.raw[r]
        citations += ctx.edge_citations(ctx.graph.edges[u, v, key])
    if total == 0:
        statement = "No flow of any status runs between Geneva and New York."
        severity = "high"
    else:
        statement = (f"From Geneva to New York: {_tally(forth)}; from New York to Geneva: {_tally(back)}.")
        r_forth, r_back = forth["REALISED"], back["REALISED"]
        low, high = sorted((r_forth, r_back))
        severity = "high" if low == 0 else "medium" if high >= 2 * low else "low"
    nodes = sorted({arcs.raw[r][0] for r in shown} | {arcs.raw[r][1] for r in shown})
    data = {"counts": counts, "flows_total": total, "flows_listed": len(shown)}
    return [Draft("asymmetry", statement, severity, about=["GENEVA", "NEW_YORK"], nodes=nodes,
                  edges=[arcs.edge_ids[r] for r in shown], evidence=citations, data=data,
                  weight=abs(forth["REALISED"] - back["REALISED"]))]


def _tally(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{v} {s.lower()}" for s, v in counts.items() if v)
    return f"{total} flow{'' if total == 1 else 's'}" + (f" ({parts})" if parts else "")

