"""``find_gaps``: every gap analysis over one projection, ranked into one list of findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from prevgraph.errors import AnalysisError
from prevgraph.graph.analysis.brokerage import brokers
from prevgraph.graph.analysis.channels import asymmetry, missing_channels, stated_missing_links
from prevgraph.graph.analysis.connectivity import single_points_of_failure, what_if
from prevgraph.graph.analysis.context import GapContext
from prevgraph.graph.analysis.findings import FINDING_KINDS, Draft, Finding, merge_same_facts, rank
from prevgraph.graph.analysis.mandates import blocked_channels, unrealised_mandates
from prevgraph.graph.analysis.timeline import change_over_time

#: The options ``find_gaps`` accepts, with their defaults.
GAP_OPTIONS: dict[str, Any] = {
    "principals": 3,  # principal bodies per side (missing channels, what-if route lengths)
    "thin": 1,  # a mandate realised no more than this many times is reported as thinly realised
    "max_items": 200,  # most nodes, edges and quotes listed in one aggregate finding
    "broker_limit": 10,  # brokers reported
    "broker_statuses": ("REALISED", "MANDATED"),  # channels brokers are found over
    "pair_budget": 20_000,  # (in, out) pairs examined per broker before sampling
    "spof_limit": 20,  # cut vertices and bridges reported, each
    "route_limit": 50,  # stated missing links whose detours are searched (and that join the principal pairs)
    "what_if": (),  # flows an analyst names: edge ids, (source, target) or "source->target"
    "what_if_limit": 50,  # proposals reported (all are evaluated; named flows always reported)
}

Analysis = Callable[[GapContext, dict[str, Any], int], list[Draft]]

_ANALYSES: dict[str, Analysis] = {
    "unrealised_mandate": lambda ctx, o, _: unrealised_mandates(ctx, thin=o["thin"]),
    "blocked_channel": lambda ctx, o, _: blocked_channels(ctx),
    "missing_channel": lambda ctx, o, _: missing_channels(ctx, principals=o["principals"],
                                                          route_limit=o["route_limit"]),
    "stated_missing_link": lambda ctx, o, _: stated_missing_links(ctx, route_limit=o["route_limit"]),
    "single_point_of_failure": lambda ctx, o, _: single_points_of_failure(ctx, limit=o["spof_limit"]),
    "broker": lambda ctx, o, seed: brokers(ctx, statuses=tuple(o["broker_statuses"]), limit=o["broker_limit"],
                                          pair_budget=o["pair_budget"], seed=seed),
    "asymmetry": lambda ctx, o, _: asymmetry(ctx),
    "change_over_time": lambda ctx, o, _: change_over_time(ctx),
    "what_if": lambda ctx, o, _: what_if(ctx, flows=o["what_if"], limit=o["what_if_limit"],
                                        principals=o["principals"]),
}


def check_kinds(kinds: Iterable[str] | str | None) -> tuple[str, ...]:
    """The kinds asked for, in ranking order; an unknown kind is an :class:`AnalysisError`.

    >>> check_kinds("broker")
    ('broker',)
    >>> check_kinds(None) == FINDING_KINDS
    True
    """
    if kinds is None:
        return FINDING_KINDS
    wanted = {kinds} if isinstance(kinds, str) else set(kinds)
    unknown = sorted(wanted - set(FINDING_KINDS))
    if unknown:
        raise AnalysisError(f"unknown finding kind(s) {', '.join(unknown)}; known: {', '.join(FINDING_KINDS)}")
    return tuple(k for k in FINDING_KINDS if k in wanted)


def find_gaps(graph: nx.MultiDiGraph, *, kinds: Iterable[str] | str | None = None, since: str | None = None,
              seed: int = 0, **options: Any) -> list[Finding]:
    """Find the gaps in the flows between Geneva and New York, most important first.

    Parameters
    ----------
    graph : nx.MultiDiGraph
        The projection from ``GraphStore.to_networkx()`` (either store).
    kinds : iterable of str, optional
        Kinds of finding to compute (see ``FINDING_KINDS``); all by default.
    since : str, optional
        ISO date, month or year. Edges dated before it are left out (mandates stay in force),
        realisations must be dated on or after it, and ``change_over_time`` compares before and after.
    seed : int
        Seed for the sampling brokerage falls back to on very large graphs.
    **options
        See ``GAP_OPTIONS`` (``principals``, ``thin``, ``what_if``, ...).

    Returns
    -------
    list of Finding
        Ranked: ``rank`` 1 is the most important (severity, then kind, then weight, then id).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("hrc", kind="Body", name="Human Rights Council", location="GENEVA")
    >>> g.add_node("sc", kind="Body", name="Security Council", location="NEW_YORK")
    >>> _ = g.add_edge("hrc", "sc", key="e1", id="e1", type="BRIEFS", status="PROPOSED", evidence=[])
    >>> [f.kind for f in find_gaps(g, kinds=["what_if", "missing_channel"])]
    ['missing_channel', 'what_if']
    >>> find_gaps(nx.MultiDiGraph())
    []
    """
    chosen = check_kinds(kinds)
    unknown = sorted(set(options) - set(GAP_OPTIONS))
    if unknown:
        raise AnalysisError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(GAP_OPTIONS)}")
    settings = {**GAP_OPTIONS, **options}
    ctx = GapContext(graph, since=since, max_items=int(settings["max_items"]))
    drafts: list[Draft] = []
    for kind in chosen:
        drafts.extend(_ANALYSES[kind](ctx, settings, seed))
    return rank(merge_same_facts(drafts))
