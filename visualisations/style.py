"""How the map draws things: colours, shapes, dash patterns and the legend.

Shapes come from the ontology (each node kind's ``shape``); colours are handed out in
the ontology's order of locations and pillars from a colour-blind-safe palette, so a
new location or pillar gets a colour without an edit here. Only the meaning of the
flow statuses (realised solid, mandated dashed, blocked red with a bar, proposed dotted)
is written down, because it is the map's visual language rather than data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from prevgraph.schema import ontology

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and on a projector.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
#: Colours for the information flows, in the ontology's order of flow types (BLOCKS has its own).
FLOW_PALETTE = ("#1F3A93", "#6A1B9A", "#00695C", "#4E342E", "#37474F")
BLOCKS_COLOUR = "#8E0000"
NO_VALUE = "#9E9E9E"
STRUCTURE_COLOUR = "#8C8C8C"
BLOCKED_COLOUR = "#D50000"
GHOST_COLOUR = "rgba(90,90,90,0.55)"
#: The glow on flows a gap finding is about, and the border of a single point of failure.
HIGHLIGHT_COLOUR = "#FF6D00"
MARK_COLOUR = "#000000"
#: vis-network shapes whose label sits inside the shape (the others carry it underneath).
LABEL_INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})
#: An SVG drawing of each vis-network shape (24 x 24), for the legend: glyphs would depend on fonts.
SHAPE_SVG = {
    "box": '<rect x="2" y="6" width="20" height="12" rx="3"/>',
    "ellipse": '<ellipse cx="12" cy="12" rx="10" ry="6.5"/>',
    "circle": '<circle cx="12" cy="12" r="9"/>',
    "dot": '<circle cx="12" cy="12" r="6"/>',
    "square": '<rect x="5" y="5" width="14" height="14"/>',
    "diamond": '<polygon points="12,2 22,12 12,22 2,12"/>',
    "star": '<polygon points="12,2 14.9,8.9 22,9.3 16.5,14 18.2,21 12,17.2 5.8,21 7.5,14 2,9.3 9.1,8.9"/>',
    "triangle": '<polygon points="12,3 22,20 2,20"/>',
    "triangleDown": '<polygon points="2,4 22,4 12,21"/>',
    "hexagon": '<polygon points="12,2 21,7 21,17 12,22 3,17 3,7"/>',
    "database": '<ellipse cx="12" cy="6" rx="8" ry="3"/><rect x="4" y="6" width="16" height="12"/>',
    "text": '<text x="12" y="17" text-anchor="middle" font-size="13" font-weight="bold" stroke="none"'
            ' fill="#111">Aa</text>',
}


def shape_svg(shape: str) -> str:
    """A small inline SVG of ``shape`` (constant markup, safe to inline)."""
    body = SHAPE_SVG.get(shape, SHAPE_SVG["dot"])
    return (f'<svg class="shape" width="24" height="24" viewBox="0 0 24 24" fill="#6b6b6b" stroke="#111"'
            f' stroke-width="1.5" aria-hidden="true">{body}</svg>')


@dataclass(frozen=True)
class StatusStyle:
    """How a flow of one status is drawn; ``dashes`` is vis-network's pattern (False: solid)."""

    label: str
    dashes: bool | tuple[int, ...]
    width: float
    arrow: str = "arrow"
    colour: str | None = None


STATUS_STYLES = {
    "REALISED": StatusStyle("realised: solid", False, 5.0),
    "MANDATED": StatusStyle("mandated: dashed", (16, 9), 4.5),
    "PROPOSED": StatusStyle("proposed: dotted", (3, 9), 4.5),
    "UNREALISED": StatusStyle("unrealised: dash-dot", (16, 7, 3, 7), 4.5),
    "BLOCKED": StatusStyle("blocked: red, with a bar", False, 5.0, arrow="bar", colour=BLOCKED_COLOUR),
}
DEFAULT_STATUS_STYLE = StatusStyle("other", False, 4.0)
STRUCTURE_STYLE = StatusStyle("structure (part of, attended, cites ...)", False, 2.0)


def status_style(status: str | None) -> StatusStyle:
    if status is None:
        return STRUCTURE_STYLE
    return STATUS_STYLES.get(status, DEFAULT_STATUS_STYLE)


def _assign(keys: list[str], palette: tuple[str, ...]) -> dict[str, str]:
    return {key: palette[i % len(palette)] for i, key in enumerate(keys)}


@cache
def location_colours() -> dict[str, str]:
    return _assign(list(ontology().locations), PALETTE)


@cache
def pillar_colours() -> dict[str, str]:
    return _assign(list(ontology().pillars), PALETTE)


@cache
def flow_colours() -> dict[str, str]:
    """One colour per information-flow type; BLOCKS always red-brown, the colour of stopping."""
    flows = ontology().flow_types
    colours = _assign([t for t in flows if t != "BLOCKS"], FLOW_PALETTE)
    return colours | ({"BLOCKS": BLOCKS_COLOUR} if "BLOCKS" in flows else {})


def colour_of(value: str | None, mode: str) -> str:
    table = location_colours() if mode == "location" else pillar_colours()
    return table.get(value or "", NO_VALUE)


def counted(kind: str, count: int) -> str:
    """``counted("BreakoutGroup", 3)`` -> ``3 breakout groups``."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
    return f"{count} {words}{'' if count == 1 else 's'}"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def label_colour(fill: str, label_inside: bool) -> str | None:
    """For a label inside a shape filled with ``fill``: black or white, whichever contrasts more
    (``None`` for labels under the shape, which keep the default dark text on a white halo)."""
    if not label_inside:
        return None
    return "#000000" if _luminance(fill) > 0.18 else "#ffffff"


def shape_of(kind: str) -> str:
    found = ontology().node_kinds.get(kind)
    return found.shape if found else "dot"


def edge_colour(rel_type: str, status: str | None) -> str:
    style = status_style(status)
    if style.colour:
        return style.colour
    return flow_colours().get(rel_type, STRUCTURE_COLOUR)


def humanise(key: str | None) -> str:
    """``NEW_YORK`` -> ``New York``, ``PEACE_AND_SECURITY`` -> ``Peace and Security``; ``None`` -> ``none``."""
    if not key:
        return "none"
    words = key.lower().split("_")
    return " ".join(w if w in ("and", "of", "by", "into") and i else w.capitalize() for i, w in enumerate(words))


def legend(kinds: list[str], statuses: list[str], types: list[str]) -> dict:
    """The legend for what is on the page: node kinds with shapes, both colour keys, flow styles."""
    onto = ontology()
    return {
        "kinds": [{"kind": k, "shape": shape_of(k), "svg": shape_svg(shape_of(k)),
                   "description": onto.node_kinds[k].description if k in onto.node_kinds else ""} for k in kinds],
        "location": [{"key": k, "label": humanise(k), "colour": c} for k, c in location_colours().items()]
        + [{"key": "", "label": "no location", "colour": NO_VALUE}],
        "pillar": [{"key": k, "label": humanise(k), "colour": c} for k, c in pillar_colours().items()]
        + [{"key": "", "label": "no pillar", "colour": NO_VALUE}],
        "statuses": [{"key": s, "label": status_style(s).label, "dashes": _svg_dashes(status_style(s).dashes),
                      "colour": status_style(s).colour or "#222222", "bar": status_style(s).arrow == "bar"}
                     for s in statuses],
        "types": [{"key": t, "label": humanise(t), "colour": flow_colours().get(t, STRUCTURE_COLOUR)} for t in types],
    }


def _svg_dashes(dashes: bool | tuple[int, ...]) -> str:
    return "" if dashes is False or dashes is True else ",".join(str(d) for d in dashes)
