"""Change over time: what was mandated, realised, blocked or proposed, year by year.

One finding per year that has dated flows, and, when ``since`` is given, one finding that
sets the state before that date against the state from it on (for example the 2020
dialogue against the 2023 roundtable). It reads every edge, whatever ``since`` leaves out
of the other analyses. BLOCKS edges are counted apart, as ``blocks``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from prevgraph.graph.analysis.context import BLOCKS, STATUS_ORDER, GapContext, channel_types, status_of
from prevgraph.graph.analysis.findings import Citation, Draft

_KEYS = (*STATUS_ORDER, "blocks")


def _key(data: dict) -> str | None:
    return "blocks" if data.get("type") == BLOCKS else status_of(data)


def _counts(counter: Counter) -> dict[str, int]:
    return {k: counter.get(k, 0) for k in _KEYS}


def _words(counts: dict[str, int]) -> str:
    parts = [f"{v} {k.lower()}" for k, v in counts.items() if v]
    return ", ".join(parts) if parts else "nothing"


def change_over_time(ctx: GapContext) -> list[Draft]:
    """Flows by year and status, and before/after ``ctx.since`` when it is set."""
    types = channel_types() | {BLOCKS}
    by_year: dict[int, list[tuple[str, str, str, dict, bool]]] = defaultdict(list)
    undated: Counter[str] = Counter()
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    cross_before: Counter[str] = Counter()
    cross_after: Counter[str] = Counter()
    for u, v, key, data in ctx.edges_of_type(*types):
        label = _key(data)
        if label is None:
            continue
        span = ctx.span(data)
        if span is None:
            undated[label] += 1
            continue
        cross = ctx.crosses(u, v)
        by_year[span.year].append((u, v, key, data, cross))
        if ctx.since is not None:
            late = span.end >= ctx.since.start
            (after if late else before)[label] += 1
            if cross:
                (cross_after if late else cross_before)[label] += 1
    drafts = [_year_draft(ctx, year, edges) for year, edges in sorted(by_year.items())]
    if ctx.since is not None:
        drafts.append(_comparison_draft(ctx, before, after, cross_before, cross_after, by_year, undated))
    return drafts


def _year_draft(ctx: GapContext, year: int, edges: list) -> Draft:
    edges = sorted(edges, key=lambda e: (e[3].get("date") or "", e[2]))
    counts = _counts(Counter(_key(e[3]) for e in edges))
    cross = _counts(Counter(_key(e[3]) for e in edges if e[4]))
    shown = ctx.capped(edges)
    citations: list[Citation] = []
    for edge in shown:
        citations += ctx.edge_citations(edge[3])
    statement = f"In {year}: {_words(counts)}; between Geneva and New York: {_words(cross)}."
    data = {"year": year, "counts": counts, "cross_side": cross, "flows_total": len(edges), "flows_listed": len(shown)}
    return Draft("change_over_time", statement, "low", about=["year", year],
                 nodes=sorted({e[0] for e in shown} | {e[1] for e in shown}), edges=[e[2] for e in shown],
                 evidence=citations, since=str(year), data=data, weight=-year)


def _comparison_draft(ctx: GapContext, before: Counter, after: Counter, cross_before: Counter, cross_after: Counter,
                      by_year: dict, undated: Counter) -> Draft:
    b, a = _counts(before), _counts(after)
    worse = a["REALISED"] < b["REALISED"] or (a["BLOCKED"] + a["blocks"]) > (b["BLOCKED"] + b["blocks"])
    statement = f"Before {ctx.since_text}: {_words(b)}; since {ctx.since_text}: {_words(a)}."
    late = [e for year in sorted(by_year) for e in by_year[year] if ctx.span(e[3]).end >= ctx.since.start]
    shown = ctx.capped(late)
    citations: list[Citation] = []
    for edge in shown:
        citations += ctx.edge_citations(edge[3])
    data = {"pivot": ctx.since_text, "before": b, "after": a, "cross_side_before": _counts(cross_before),
            "cross_side_after": _counts(cross_after), "undated": _counts(undated)}
    return Draft("change_over_time", statement, "medium" if worse else "low", about=["pivot", ctx.since_text],
                 nodes=sorted({e[0] for e in shown} | {e[1] for e in shown}), edges=[e[2] for e in shown],
                 evidence=citations, since=ctx.since_text, data=data, weight=1.0)
