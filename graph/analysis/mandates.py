"""Unrealised mandates and blocked channels: what was asked for and did not happen, and who stops it.

A *mandate* is a MANDATED flow (the Chair of the Peacebuilding Commission to brief the
Human Rights Council) together with the REQUESTS or INVITES that set it (the paragraph of
the resolution). A REQUESTS or INVITES goes with a mandated flow when they share their
evidence (the same sentence states both) or when one names the other in its props
(``mandates`` / ``mandated_by``). An UNREALISED flow with no mandate beside it stands for
the mandate it reports unfulfilled.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from prevgraph.graph.analysis.context import BLOCKS, MANDATE_TYPES, GapContext, channel_types
from prevgraph.graph.analysis.dates import Span, not_before
from prevgraph.graph.analysis.findings import Citation, Draft

#: How a flow type reads in a sentence: (infinitive, gerund, noun).
PHRASES = {
    "BRIEFS": ("brief", "briefing", "briefing"),
    "REQUESTS": ("request", "requesting", "request"),
    "INVITES": ("invite", "inviting", "invitation"),
    "FEEDS_INTO": ("feed information into", "feeding information into", "flow of information"),
}

Edge4 = tuple[str, str, str, dict]


def phrase(rel_type: str, form: int) -> str:
    default = rel_type.lower().replace("_", " ")
    return PHRASES.get(rel_type, (default, default, default))[form]


@dataclass
class Mandate:
    """A mandated flow (or a request standing alone) and everything the graph says about it."""

    flow: Edge4 | None
    requests: list[Edge4] = field(default_factory=list)
    realised: list[Edge4] = field(default_factory=list)
    blocking: list[Edge4] = field(default_factory=list)
    since_text: str | None = None
    since: Span | None = None

    @property
    def edges(self) -> list[Edge4]:
        return ([self.flow] if self.flow else []) + self.requests

    @property
    def ids(self) -> set[str]:
        return {key for _, _, key, _ in self.edges}


def unrealised_mandates(ctx: GapContext, *, thin: int = 1) -> list[Draft]:
    """Mandates with no realised flow since they were set, with evidence they were blocked, or
    realised no more than ``thin`` times."""
    mandates = _mandates(ctx)
    blocks_by_target = defaultdict(list)
    for edge in ctx.edges_of_type(BLOCKS):
        if ctx.current(edge[3]) and edge[3].get("blocks"):
            blocks_by_target[edge[3]["blocks"]].append(edge)
    drafts = []
    for mandate in mandates:
        mandate.since_text, mandate.since = _since(ctx, mandate)
        if mandate.flow is not None:
            _realisations(ctx, mandate, mandate.flow)
        stopped = mandate.ids | {e[2] for e in mandate.blocking}
        mandate.blocking.extend(b for edge_id in sorted(stopped) for b in blocks_by_target.get(edge_id, ()))
        draft = _mandate_draft(ctx, mandate, thin)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _mandates(ctx: GapContext) -> list[Mandate]:
    flows = [e for e in ctx.edges_of_type(*(channel_types() - MANDATE_TYPES)) if e[3].get("status") == "MANDATED"]
    requests = [e for e in ctx.edges_of_type(*MANDATE_TYPES) if e[3].get("status") != "PROPOSED"]
    by_name, by_document = defaultdict(list), defaultdict(list)
    for flow in flows:
        actor = ctx.actor_of(flow[0])
        named = (flow[3].get("props") or {}).get("mandated_by")
        if named:
            by_name[(actor, named)].append(flow)
        for document in {ev["document"] for ev in flow[3].get("evidence") or ()}:
            by_document[(actor, document)].append(flow)
    mandates = {flow[2]: Mandate(flow) for flow in flows}
    alone = []
    for request in requests:
        actor = ctx.actor_of(request[1])
        near = {id(f): f for key in (request[2], request[0]) for f in by_name.get((actor, key), ())}
        named = (request[3].get("props") or {}).get("mandates")
        if named in mandates:
            near[id(mandates[named].flow)] = mandates[named].flow
        for document in {ev["document"] for ev in request[3].get("evidence") or ()}:
            near.update((id(f), f) for f in by_document.get((actor, document), ()))
        linked = sorted((f for f in near.values() if _linked(request, f)), key=lambda f: f[2])
        for flow in linked:
            mandates[flow[2]].requests.append(request)
        if not linked:
            alone.append(Mandate(None, [request]))
    mandated_pairs = {(f[3].get("type"), ctx.actor_of(f[0]), ctx.actor_of(f[1])) for f in flows}
    reported = [Mandate(e) for e in ctx.edges_of_type(*(channel_types() - MANDATE_TYPES))
                if e[3].get("status") == "UNREALISED" and ctx.current(e[3])
                and (e[3].get("type"), ctx.actor_of(e[0]), ctx.actor_of(e[1])) not in mandated_pairs]
    return [mandates[k] for k in sorted(mandates)] + alone + reported


def _linked(request: Edge4, flow: Edge4) -> bool:
    """A request sets a flow when one names the other (or the resolution that makes the request),
    or one sentence states both."""
    rdata, fdata = request[3], flow[3]
    if (rdata.get("props") or {}).get("mandates") == flow[2]:
        return True
    if (fdata.get("props") or {}).get("mandated_by") in (request[2], request[0]):
        return True
    return any(a["document"] == b["document"] and a["start"] < b["end"] and b["start"] < a["end"]
               for a in rdata.get("evidence") or () for b in fdata.get("evidence") or ())


def _since(ctx: GapContext, mandate: Mandate) -> tuple[str | None, Span | None]:
    """When the mandate took effect: the flow's own date (a briefing due from 2021), else the
    earliest date of its requests or of the resolutions that make them."""
    if mandate.flow is not None and ctx.span(mandate.flow[3]):
        return mandate.flow[3]["date"], ctx.span(mandate.flow[3])
    texts = [r[3].get("date") for r in mandate.requests]
    texts += [(ctx.graph.nodes[r[0]].get("props") or {}).get("date") for r in mandate.requests]
    dated = sorted((span, text) for text in texts if (span := ctx.span({"date": text})) is not None)
    return (dated[0][1], dated[0][0]) if dated else (None, None)


def _realisations(ctx: GapContext, mandate: Mandate, flow: Edge4) -> None:
    u, v, key, data = flow
    a, b = ctx.actor_of(u), ctx.actor_of(v)
    if a is None or b is None or a == b:
        return
    since = mandate.since
    i, j = ctx.index[a], ctx.index[b]
    for edge in ctx.arc_edges(i, j):
        edata = edge[3]
        if edata.get("type") != data.get("type") or edge[2] == key:
            continue
        if edata.get("status") == "REALISED" and not_before(ctx.span(edata), since):
            mandate.realised.append(edge)
        elif edata.get("status") in ("BLOCKED", "UNREALISED") and ctx.current(edata):
            mandate.blocking.append(edge)


def _not_done(mandate: Mandate) -> list[Edge4]:
    """The edges that say the mandate was blocked or not done (its own, if it is reported so)."""
    own = [e for e in mandate.edges if e[3].get("status") in ("BLOCKED", "UNREALISED")]
    return own + mandate.blocking


def _statements(edges: list[Edge4]) -> int:
    return len({(ev["document"], ev["start"]) for e in edges for ev in e[3].get("evidence") or ()}) or len(edges)


def _mandate_draft(ctx: GapContext, mandate: Mandate, thin: int) -> Draft | None:
    not_done = _statements(_not_done(mandate))
    blocked = not_done > 0
    realised = len(mandate.realised)
    if mandate.flow is None:
        state = "blocked" if blocked else "no_recorded_flow"
    elif realised == 0:
        state = "blocked" if blocked else "unrealised"
    elif blocked:
        state = "realised_but_blocked"
    elif realised <= thin:
        state = "thinly_realised"
    else:
        return None
    since_text = mandate.since_text
    head = mandate.flow or mandate.requests[0]
    actor, target = (head[0], head[1]) if mandate.flow else (mandate.requests[0][1], None)
    cross = _crosses(ctx, mandate)
    severity = {"blocked": "high", "unrealised": "high" if cross else "medium",
                "realised_but_blocked": "medium", "thinly_realised": "medium" if cross else "low",
                "no_recorded_flow": "medium" if cross else "low"}[state]
    citations: list[Citation] = []
    for edge in mandate.edges + mandate.blocking + mandate.realised:
        citations.extend(ctx.edge_citations(edge[3]))
    nodes = [actor] + ([target] if target else []) + [r[0] for r in mandate.requests] + [b[0] for b in mandate.blocking]
    data = {
        "state": state,
        "flow": head[2] if mandate.flow else None,
        "type": head[3].get("type"),
        "mandated_by": [r[2] for r in mandate.requests],
        "realised": [e[2] for e in mandate.realised],
        "blocked_by": [e[2] for e in mandate.blocking],
        "cross_side": cross,
    }
    return Draft("unrealised_mandate", _mandate_statement(ctx, mandate, state, since_text, not_done), severity,
                 about=sorted(mandate.ids), nodes=nodes,
                 edges=[e[2] for e in mandate.edges + mandate.blocking + mandate.realised],
                 evidence=citations, since=since_text, data=data,
                 weight=not_done * 2 + (1 if cross else 0) - realised)


def _crosses(ctx: GapContext, mandate: Mandate) -> bool:
    head = mandate.flow or mandate.requests[0]
    return ctx.crosses(head[0], head[1])


def _mandate_statement(ctx: GapContext, mandate: Mandate, state: str, since: str | None, blocks: int) -> str:
    dated = f" ({since})" if since else ""
    if mandate.flow is None:
        request = mandate.requests[0]
        asked = f"{ctx.name(request[0])} {phrase(request[3].get('type', ''), 0)}s {ctx.name(request[1])} to act{dated}"
        if state == "blocked":
            return f"{asked}; {_reporting(blocks)}."
        return f"{asked}; {ctx.loaded} no flow by {ctx.name(request[1])} carries it out."
    u, v, _, data = mandate.flow
    rel = data.get("type", "")
    noun = phrase(rel, 2)
    if data.get("status") == "UNREALISED" and state == "blocked":
        return (f"The {noun} of {ctx.name(v)} by {ctx.name(u)} is reported not to have happened{dated}; "
                f"no {noun} is recorded {ctx.loaded}.")
    by = sorted({ctx.name(r[0]) for r in mandate.requests})
    source = f" by {', '.join(by)}" if by else ""
    when = f" since {since}" if since else ""
    head = f"{ctx.name(u)} is mandated{source} to {phrase(rel, 0)} {ctx.name(v)}{when}"
    if state == "blocked":
        return f"{head}; no {noun} is recorded {ctx.loaded}, and {_reporting(blocks)}."
    if state == "unrealised":
        return f"{head}; no {noun} is recorded {ctx.loaded}."
    realised = _count(len(mandate.realised), "time")
    if state == "realised_but_blocked":
        return f"{head}; it happened {realised}, and {_reporting(blocks)}."
    return f"{head}; it is recorded only {realised}."


def _reporting(statements: int) -> str:
    return f"{_count(statements, 'statement')} report{'s' if statements == 1 else ''} it blocked or not done"


def _count(n: int, noun: str) -> str:
    words = {1: "once"} if noun == "time" else {}
    return words.get(n) or f"{n} {noun}{'' if n == 1 else 's'}"


def blocked_channels(ctx: GapContext) -> list[Draft]:
    """Every BLOCKS edge with the flow it blocks and its blocker, and every flow reported BLOCKED
    that no BLOCKS edge explains."""
    drafts = []
    blocks = sorted((e for e in ctx.edges_of_type(BLOCKS) if ctx.current(e[3])), key=lambda e: e[2])
    explained = {e[3].get("blocks") for e in blocks}
    flows = ctx.edges_by_id(explained - {None})
    for block in blocks:
        drafts.append(_block_draft(ctx, block, flows.get(block[3].get("blocks") or "")))
    for edge in sorted(ctx.edges_of_type(*channel_types()), key=lambda e: e[2]):
        if edge[3].get("status") == "BLOCKED" and edge[2] not in explained and ctx.current(edge[3]):
            drafts.append(_unexplained_draft(ctx, edge))
    return drafts


def _block_draft(ctx: GapContext, block: Edge4, flow: Edge4 | None) -> Draft:
    blocker, target, key, data = block
    citations = ctx.edge_citations(data)
    reason = (data.get("props") or {}).get("reason")
    if flow is None:
        statement = (f"{ctx.name(blocker)} keeps {ctx.name(target)} from its work ({reason})." if not data.get("blocks")
                     else f"{ctx.name(blocker)} blocks {ctx.name(target)}; the flow it blocks "
                          f"({data.get('blocks')}) is not in the graph.")
        return Draft("blocked_channel", statement, "medium", about=[key], nodes=[blocker, target], edges=[key],
                     evidence=citations, since=data.get("date"),
                     data={"blocker": blocker, "flow": data.get("blocks"), "flow_status": None, "cross_side": False,
                           "reason": reason})
    u, v, fkey, fdata = flow
    citations += ctx.edge_citations(fdata)
    cross = ctx.crosses(u, v)
    status = fdata.get("status")
    kind = f"({(status or 'standing').lower()} flow" + (f"; {reason}" if reason else "") + ")"
    if blocker == u:
        statement = f"{ctx.name(u)} itself stops its {phrase(fdata.get('type', ''), 2)} of {ctx.name(v)} {kind}."
    else:
        statement = (f"{ctx.name(blocker)} blocks {ctx.name(u)} from {phrase(fdata.get('type', ''), 1)} "
                     f"{ctx.name(v)} {kind}.")
    severity = "high" if cross or status == "MANDATED" else "medium"
    return Draft("blocked_channel", statement, severity, about=[key], nodes=[blocker, target, u, v],
                 edges=[key, fkey], evidence=citations, since=data.get("date") or fdata.get("date"),
                 data={"blocker": blocker, "flow": fkey, "flow_status": status, "cross_side": cross, "reason": reason},
                 weight=(2 if cross else 0) + (1 if status == "MANDATED" else 0))


def _unexplained_draft(ctx: GapContext, edge: Edge4) -> Draft:
    u, v, key, data = edge
    cross = ctx.crosses(u, v)
    statement = (f"The {phrase(data.get('type', ''), 2)} from {ctx.name(u)} to {ctx.name(v)} is reported blocked; "
                 "no document in the graph names who or what blocks it.")
    return Draft("blocked_channel", statement, "high" if cross else "medium", about=[key], nodes=[u, v], edges=[key],
                 evidence=ctx.edge_citations(data), since=data.get("date"),
                 data={"blocker": None, "flow": key, "flow_status": "BLOCKED", "cross_side": cross, "reason": None},
                 weight=1 if cross else 0)
