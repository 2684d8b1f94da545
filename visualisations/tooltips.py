"""What a facilitator sees on hovering a node or an edge: names, what stands behind it,
and the evidence quotes with their documents.

Every string that comes from a document is escaped here, once, before it reaches the
page: quotes are arbitrary text and a map must never run what a document contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import PurePath

import networkx as nx

from prevgraph.visualisations.select import DOCUMENT_KIND
from prevgraph.visualisations.style import counted, humanise

#: Quotes shown per tooltip; the rest are counted ("and 3 more").
QUOTES_SHOWN = 3
QUOTE_CHARS = 320
#: Names of what is drawn inside a folded node, listed in its tooltip.
MEMBERS_SHOWN = 12
#: Gap statements shown per tooltip.
FINDINGS_SHOWN = 3
#: Properties never shown: the document's full text and its hash are not for a projector.
HIDDEN_PROPS = frozenset({"text", "sha256"})
PROP_CHARS = 160
#: Structure a node's tooltip names as its context ("part of", "represents").
CONTEXT_TYPES = ("PART_OF", "REPRESENTS", "ADOPTED_BY", "HOLDS")
DOT = " \u00b7 "


_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.)\S*\s*$", re.IGNORECASE)


def display_name(attrs: dict, node: str) -> str:
    """What a node is called on the map: its name, except that a document is never called by a
    URL (a page saved from the web may have only its address for a name): its title, else its file."""
    name = attrs.get("name") or node
    if attrs.get("kind") != DOCUMENT_KIND or not _URL.match(name):
        return name
    props = attrs.get("props") or {}
    title = str(props.get("title") or "")
    if title and not _URL.match(title):
        return title
    return PurePath(str(props.get("file") or "")).stem.replace("-", " ").replace("_", " ") or "a document"



@dataclass(frozen=True)
class Source:
    """A document as a tooltip cites it: its title and the meeting it belongs to, if any."""

    title: str
    meeting: str | None = None


@dataclass(frozen=True)
class TipContext:
    """The whole projection (before filters and folding), to name what a drawn element refers to."""

    graph: nx.MultiDiGraph
    docs: dict[str, Source]

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> TipContext:
        return cls(graph, sources(graph))


def sources(graph: nx.MultiDiGraph) -> dict[str, Source]:
    """Document id -> title and meeting, read from the whole projection (before any filter)."""
    found = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != DOCUMENT_KIND:
            continue
        meetings = sorted(graph.nodes[v].get("name") or v for _, v, t in graph.out_edges(node, data="type")
                          if t == "PART_OF")
        found[node] = Source(display_name(attrs, node), meetings[0] if meetings else None)
    return found


def shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def evidence_items(evidence: Iterable[dict], docs: dict[str, Source]) -> list[tuple[str, str]]:
    """(quote, citation) pairs, unescaped: the citation names the document and its meeting."""
    items = []
    for ev in evidence:
        source = docs.get(ev.get("document", ""))
        title = source.title if source else ev.get("document", "unknown document")
        cite = f"{title} ({source.meeting})" if source and source.meeting else title
        items.append((ev.get("quote", ""), cite))
    return items


def _evidence_html(evidence: list[dict], docs: dict[str, Source]) -> str:
    if not evidence:
        return ""
    items = evidence_items(evidence[:QUOTES_SHOWN], docs)
    lines = "".join(f"<li><q>{escape(shorten(q, QUOTE_CHARS))}</q> <cite>{escape(c)}</cite></li>" for q, c in items)
    more = len(evidence) - QUOTES_SHOWN
    tail = f"<p class='more'>and {more} more quote{'s' if more > 1 else ''}</p>" if more > 0 else ""
    return f"<ul class='evidence'>{lines}</ul>{tail}"


def _line(label: str, value: str) -> str:
    return f"<p><b>{escape(label)}:</b> {escape(value)}</p>" if value else ""


def _props_html(props: dict) -> str:
    shown = [(k, v) for k, v in sorted(props.items())
             if k not in HIDDEN_PROPS and isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v)]
    return "".join(_line(humanise(k), shorten(str(v), PROP_CHARS)) for k, v in shown)


def _findings_html(findings: list[str]) -> str:
    if not findings:
        return ""
    shown = "".join(f"<li>{escape(f)}</li>" for f in findings[:FINDINGS_SHOWN])
    more = len(findings) - FINDINGS_SHOWN
    tail = f"<p class='more'>and {more} more gap{'s' if more > 1 else ''}</p>" if more > 0 else ""
    return f"<ul class='findings'>{shown}</ul>{tail}"


def name_of(graph: nx.MultiDiGraph, node: str) -> str:
    return display_name(graph.nodes[node], node) if node in graph else node


def node_tip(graph: nx.MultiDiGraph, node: str, ctx: TipContext) -> str:
    """HTML (escaped) for hovering ``node``."""
    attrs = graph.nodes[node]
    facts = [attrs.get("kind") or "node", humanise(attrs.get("location")) if attrs.get("location") else "",
             humanise(attrs.get("pillar")) if attrs.get("pillar") else "",
             "not in the reference data (unreviewed)" if attrs.get("reviewed") is False else ""]
    context = [f"{humanise(t).lower()} {name_of(graph, v)}" for _, v, t in sorted(graph.out_edges(node, data="type"))
               if t in CONTEXT_TYPES]
    folded = ", ".join(counted(k, n) for k, n in (attrs.get("folded") or {}).items())
    inside = sorted(name_of(ctx.graph, m) for m in attrs.get("named_members") or ())
    if inside:
        more = len(inside) - MEMBERS_SHOWN
        folded += f": {', '.join(inside[:MEMBERS_SHOWN])}" + (f" and {more} more" if more > 0 else "")
    parts = [
        f"<h3>{escape(attrs.get('name') or node)}</h3>",
        f"<p class='facts'>{escape(DOT.join(f for f in facts if f))}</p>",
        _line("Also called", ", ".join(a for a in attrs.get("aliases", ()) if a != attrs.get("name"))),
        _line("Context", "; ".join(context)),
        _props_html(attrs.get("props") or {}) if attrs.get("kind") != DOCUMENT_KIND else "",
        _line("Drawn here", folded),
        _line("Source", attrs.get("source") or ""),
        _findings_html(attrs.get("findings") or []),
        _evidence_html(attrs.get("evidence") or [], ctx.docs),
    ]
    return "<div class='tip'>" + "".join(parts) + "</div>"


def behind(attrs: dict, ctx: TipContext) -> list[str]:
    """What stands behind an edge: nodes its properties name (a paragraph, a meeting), the
    meetings its documents belong to, the reference source."""
    found = []
    for value in (attrs.get("props") or {}).values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item in ctx.graph:
                found.append(f"{ctx.graph.nodes[item].get('kind')} {name_of(ctx.graph, item)}")
    for ev in attrs.get("evidence") or []:
        source = ctx.docs.get(ev.get("document", ""))
        if source and source.meeting:
            found.append(f"Meeting {source.meeting}")
    if attrs.get("source_ref"):
        found.append(attrs["source_ref"])
    return list(dict.fromkeys(found))


def edge_tip(graph: nx.MultiDiGraph, u: str, v: str, attrs: dict, ctx: TipContext, blocked: str | None = None) -> str:
    """HTML (escaped) for hovering an edge; ``blocked`` describes the flow a BLOCKS edge stops."""
    facts = [humanise(attrs.get("type")), (attrs.get("status") or "").lower(), attrs.get("date") or ""]
    count = attrs.get("count")
    parts = [
        f"<h3>{escape(name_of(graph, u))} \u2192 {escape(name_of(graph, v))}</h3>",
        f"<p class='facts'>{escape(DOT.join(f for f in facts if f))}</p>",
        _line("Merged", f"{count} edges drawn as one" if count else ""),
        _line("Blocks", blocked or ""),
        _line("Behind it", "; ".join(behind(attrs, ctx))),
        _findings_html(attrs.get("findings") or []),
        _evidence_html(attrs.get("evidence") or [], ctx.docs),
    ]
    return "<div class='tip'>" + "".join(parts) + "</div>"
