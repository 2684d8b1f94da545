"""Dialogue packs: a short YAML list of scenes becomes one offline page to step through.

A story file::

    title: From Geneva to New York
    colour: location            # optional: location or pillar
    scenes:
      - title: Two councils, no formal link
        caption: What the Human Rights Council sees, and how it reaches the Security Council.
        focus: Human Rights Council   # optional: any name, acronym or id of a node
        hops: 2                       # optional
        status: [REALISED, BLOCKED]   # optional: flows to show
        kind: [Body, Office]          # optional: node kinds to show
        since: 2020                   # optional
        date: 2020-12-31              # optional: the state as of this date
        gaps: true                    # optional: draw the gap analyses' findings
        colour: pillar                # optional

Every scene is drawn on one map with fixed positions (so the geography stays put as the
facilitator steps), participants shown only as their affiliation; the page's print
version is an appendix listing each flow the scenes show once, with the quotes that state it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx
import yaml

from prevgraph.errors import MapError, NotFound, PrevgraphError
from prevgraph.visualisations.drawing import GHOST_TYPES
from prevgraph.visualisations.gaps import FindingLike, drawn_ids
from prevgraph.visualisations.maps import build_map
from prevgraph.visualisations.options import MapOptions, parse_period
from prevgraph.visualisations.page import render_page
from prevgraph.visualisations.select import is_flow, select
from prevgraph.visualisations.style import humanise
from prevgraph.visualisations.tooltips import QUOTE_CHARS, evidence_items, name_of, shorten, sources

STORY_FIELDS = {"title", "colour", "scenes"}
SCENE_FIELDS = {"title", "caption", "focus", "hops", "status", "kind", "since", "date", "gaps", "colour"}
REQUIRED_SCENE_FIELDS = ("title", "caption")


@dataclass(frozen=True)
class Scene:
    title: str
    caption: str
    options: MapOptions
    focus: str | None = None


@dataclass(frozen=True)
class Story:
    title: str
    scenes: tuple[Scene, ...]
    colour_by: str = "location"


def _as_list(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(value).split(",")
    return tuple(str(item).strip() for item in items if str(item).strip())


def _scene(raw: object, where: str, colour: str, resolve: Callable[[str], str]) -> Scene:
    if not isinstance(raw, dict):
        raise MapError(f"{where}: a scene is a mapping with title, caption and optional filters")
    unknown = sorted(set(raw) - SCENE_FIELDS)
    if unknown:
        raise MapError(f"{where}: unknown field {', '.join(unknown)}; known: {', '.join(sorted(SCENE_FIELDS))}")
    missing = [f for f in REQUIRED_SCENE_FIELDS if not str(raw.get(f) or "").strip()]
    if missing:
        raise MapError(f"{where}: missing field {', '.join(missing)}")
    title = str(raw["title"]).strip()
    where = f"{where} ({title!r})"
    hops = raw.get("hops", 2)
    if isinstance(hops, bool) or not isinstance(hops, int):
        raise MapError(f"{where}: hops {hops!r} is not a whole number")
    gaps = raw.get("gaps", False)
    if not isinstance(gaps, bool):
        raise MapError(f"{where}: gaps {gaps!r} is not true or false")
    try:
        options = MapOptions(
            hops=hops, statuses=tuple(s.upper() for s in _as_list(raw.get("status"))), kinds=_as_list(raw.get("kind")),
            since=_date(raw, "since"), until=_date(raw, "date"), gaps=gaps,
            colour_by=str(raw.get("colour") or colour), fold_participants=True)
        focus = resolve(str(raw["focus"]).strip()) if raw.get("focus") else None
    except NotFound as exc:
        raise MapError(f"{where}: unknown body: {exc}") from exc
    except PrevgraphError as exc:
        raise MapError(f"{where}: {exc}") from exc
    return Scene(title, str(raw["caption"]).strip(), options, focus)


def _date(raw: dict, field: str) -> str | None:
    """A scene's date as text (YAML gives a year as a number), checked under the scene's own field name."""
    value = raw.get(field)
    if value is None:
        return None
    parse_period(str(value), field)
    return str(value)


class _StoryLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so a bad date is reported by name instead of crashing the parser."""


_StoryLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_story(path: Path, resolve: Callable[[str], str]) -> Story:
    """Read and check a story file; ``resolve`` maps a body's name to its node id (raising NotFound).

    Every problem is one :class:`MapError` line naming the file and the scene.
    """
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_StoryLoader)
    except OSError as exc:
        raise MapError(f"{path}: cannot read the story file ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise MapError(f"{path}: not valid YAML{line}") from exc
    if not isinstance(raw, dict):
        raise MapError(f"{path}: a story is a mapping with a title and a list of scenes")
    unknown = sorted(set(raw) - STORY_FIELDS)
    if unknown:
        raise MapError(f"{path}: unknown field {', '.join(unknown)}; known: {', '.join(sorted(STORY_FIELDS))}")
    if not str(raw.get("title") or "").strip():
        raise MapError(f"{path}: missing field title")
    scenes = raw.get("scenes")
    if not isinstance(scenes, list) or not scenes:
        raise MapError(f"{path}: missing field scenes (a list with at least one scene)")
    colour = str(raw.get("colour") or "location")
    try:
        MapOptions(colour_by=colour)
    except MapError as exc:
        raise MapError(f"{path}: {exc}") from exc
    return Story(str(raw["title"]).strip(),
                 tuple(_scene(s, f"{path}, scene {i}", colour, resolve) for i, s in enumerate(scenes, 1)), colour)


#: Quotes printed per flow in the appendix (the rest are counted), each cut to ``QUOTE_CHARS``.
APPENDIX_QUOTES = 3


def _quotes(evidence: list[dict], docs: dict) -> tuple[list[tuple[str, str]], int]:
    """The distinct quotes stating a flow (at most ``APPENDIX_QUOTES``, shortened) and how many more there are."""
    seen, items = set(), []
    for quote, cite in evidence_items(evidence, docs):
        key = " ".join(quote.split())
        if key and key not in seen:
            seen.add(key)
            items.append((shorten(quote, QUOTE_CHARS), cite))
    return items[:APPENDIX_QUOTES], max(len(items) - APPENDIX_QUOTES, 0)


def _flow_entry(number: int, u: str, v: str, attrs: dict, evidence: list[dict], docs: dict,
                drawn: nx.MultiDiGraph) -> dict:
    what = [humanise(attrs.get("type")), (attrs.get("status") or "").lower(), str(attrs.get("date") or "")]
    quotes, more = _quotes(evidence, docs)
    basis = f"reference data: {attrs['source_ref']}" if attrs.get("source_ref") else "no quote recorded"
    return {"number": number, "source": name_of(drawn, u), "target": name_of(drawn, v),
            "what": ", ".join(w for w in what if w), "evidence": quotes, "more": more, "basis": basis}


def _is_listed(attrs: dict) -> bool:
    """What the appendix lists: the flows and the stated missing links, not structure."""
    return is_flow(attrs.get("type")) or attrs.get("type") in GHOST_TYPES


def appendix(graph: nx.MultiDiGraph, drawn: nx.MultiDiGraph, chosen: Sequence[nx.MultiDiGraph], docs: dict
             ) -> list[dict]:
    """Per scene, the flows it shows: each flow printed in full (with the quotes that state it) the
    first time a scene shows it, and only by its number in the scenes after, so the printout stays short."""
    _, edge_of = drawn_ids(drawn)
    numbers: dict[tuple[str, str, str], int] = {}
    scenes = []
    for scene_graph in chosen:
        evidence: dict[tuple[str, str, str], list[dict]] = {}
        for _, _, key, attrs in sorted(scene_graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
            if key in edge_of and _is_listed(attrs):
                evidence.setdefault(edge_of[key], []).extend(attrs.get("evidence") or [])
        new, again = [], []
        for where in sorted(evidence, key=lambda w: (name_of(drawn, w[0]), name_of(drawn, w[1]), str(w[2]))):
            if where in numbers:
                again.append(numbers[where])
                continue
            numbers[where] = len(numbers) + 1
            new.append(_flow_entry(numbers[where], where[0], where[1], drawn.edges[where], evidence[where], docs,
                                   drawn))
        scenes.append({"flows": new, "again": sorted(again)})
    return scenes


def render_story(graph: nx.MultiDiGraph, story: Story, findings: Sequence[FindingLike] | None = None) -> str:
    """The dialogue pack for ``story`` over ``graph`` (the whole projection): one HTML page."""
    base = MapOptions(title=story.title, colour_by=story.colour_by, fold_participants=True,
                      gaps=any(s.options.gaps for s in story.scenes))
    drawing = build_map(graph, base, None, findings if base.gaps else None)
    drawn = drawing.graph
    node_of, edge_of = drawn_ids(drawn)
    ghosts = {e["id"]: (e["from"], e["to"]) for e in drawing.edges if e.get("ghost") and e["type"] == "MISSING"}
    scenes, chosen = [], []
    for scene in story.scenes:
        picked = select(graph, replace(scene.options, fold_participants=False), scene.focus)
        chosen.append(picked)
        nodes = sorted({node_of[n] for n in picked if n in node_of})
        shown = set(nodes)
        edges = sorted({str(drawn.edges[edge_of[k]].get("id", edge_of[k][2])) for _, _, k in picked.edges(keys=True)
                        if k in edge_of})
        if scene.options.gaps:
            edges += sorted(k for k, (u, v) in ghosts.items() if u in shown and v in shown)
        scenes.append({"title": scene.title, "caption": scene.caption, "nodes": nodes, "edges": edges,
                       "focus": node_of.get(scene.focus) if scene.focus else None, "colourBy": scene.options.colour_by,
                       "gaps": scene.options.gaps})
    listed = [{"title": scene.title, "caption": scene.caption} | found
              for scene, found in zip(story.scenes, appendix(graph, drawn, chosen, sources(graph)), strict=True)]
    return render_page(drawing, 2, story={"scenes": scenes}, appendix=listed)
