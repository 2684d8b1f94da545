"""Write a drawing as ONE self-contained HTML page: data, scripts and styles inlined.

pyvis's own templates load Bootstrap and vis-network from CDNs; a facilitator's room
often has no internet, so the page is rendered from our template with vis-network's
standalone build shipped in ``assets/`` (see ``assets/README.md``). The page loads no
URL at all.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from prevgraph.graph.analysis.dates import parse_span
from prevgraph.visualisations.drawing import EDGE_DEFAULTS, NODE_FONT, Drawing
from prevgraph.visualisations.style import HIGHLIGHT_COLOUR, MARK_COLOUR

#: The smallest height, in screen pixels, the default view draws an actor's label at (a
#: projector at the back of a room); the page pans rather than shrink labels below it.
MIN_LABEL_PX = 16


@cache
def asset(name: str) -> str:
    """The text of a file in ``assets/`` (read once per process)."""
    return resources.files("prevgraph.visualisations").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def _template():
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(asset("page.html.j2"))


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no "</script>", "<!--" or "&" can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline_script(code: str) -> Markup:
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError("an inlined script may not contain </script or <!--")
    return Markup(code)


def vis_options(node_count: int) -> dict:
    """vis-network options: fixed positions (physics off), hover for tooltips, lighter drawing when large."""
    large = node_count > 800
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {"hover": True, "hoverConnectedEdges": False, "tooltipDelay": 3600000,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large, "keyboard": False,
                        "multiselect": False, "navigationButtons": False, "zoomView": True},
        "nodes": {"physics": False, "font": NODE_FONT, "borderWidth": 2, "scaling": {"label": {"enabled": False}}},
        "edges": EDGE_DEFAULTS,
    }


def _period(value: str) -> dict:
    """A date of the slider with the first and last day it covers (ISO strings compare in the page)."""
    span = parse_span(value)
    return {"value": value, "start": span.start.isoformat(), "end": span.end.isoformat()}


def page_data(drawing: Drawing, hops: int, story: dict | None = None) -> dict:
    """Everything the page's script reads, as plain JSON-ready data."""
    return {
        "nodes": drawing.nodes,
        "edges": drawing.edges,
        "options": vis_options(len(drawing.nodes)),
        "colourBy": drawing.colour_by,
        "statuses": drawing.statuses,
        "kinds": drawing.kinds,
        "dates": [_period(d) for d in drawing.dates],
        "focus": drawing.focus,
        "hops": hops,
        "findings": drawing.findings,
        "markColour": MARK_COLOUR,
        "minLabelPx": MIN_LABEL_PX,
        "story": story,
    }


def render_page(drawing: Drawing, hops: int = 2, story: dict | None = None, appendix: list[dict] | None = None) -> str:
    """The HTML page for ``drawing``; with ``story`` (scenes) it becomes a dialogue pack."""
    names = sorted({n["name"] for n in drawing.nodes})
    return _template().render(
        title=drawing.title,
        css=Markup(asset("map.css")),
        vis=_inline_script(asset("vis-network.min.js")),
        js=_inline_script(asset("map.js")),
        data=Markup(script_json(page_data(drawing, hops, story))),
        notices=drawing.notices,
        legend=drawing.legend,
        dates=drawing.dates,
        findings=drawing.findings,
        highlight_colour=HIGHLIGHT_COLOUR,
        mark_colour=MARK_COLOUR,
        colour_by=drawing.colour_by,
        hops=min(max(hops, 1), 4),
        names=names,
        story={"appendix": appendix or []} if story else None,
    )
