"""The page is one self-contained file: nothing it loads has a URL, and no data can break out of it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from prevgraph.visualisations import MapOptions, render_map
from prevgraph.visualisations.page import asset, script_json

#: Attributes through which HTML loads something.
LOADING_ATTRIBUTES = {"src", "href", "srcset", "data", "poster", "action", "formaction", "background", "manifest"}
REMOTE = re.compile(r"^\s*(https?:)?//", re.I)


class Resources(HTMLParser):
    """Every attribute that loads a resource, every inline style and every script's text."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attributes.items():
            if name in LOADING_ATTRIBUTES and value is not None:
                self.loads.append((tag, name, value))
            if name == "style" and value:
                self.styles.append(value)
        if tag in ("script", "style"):
            self._in = (tag, attributes)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "style":
            self.styles.append(data)
        elif self._in:
            self.scripts.append((self._in[1], data))


def parsed(html: str) -> Resources:
    found = Resources()
    found.feed(html)
    return found


def test_the_page_loads_no_url(small_graph):
    html = render_map(small_graph, MapOptions(focus="HRC", hops=2))
    found = parsed(html)
    assert [s for s in found.scripts if "src" in s[0]] == []
    assert found.loads == []  # no src/href at all: everything is inline
    css = "\n".join(found.styles)
    assert re.findall(r"url\(\s*['\"]?(?!data:)", css) == []
    assert "@import" not in css and "@font-face" not in css
    loading = re.compile(r"""\bimport\s*\(|importScripts\s*\(|\bfetch\s*\(|XMLHttpRequest|\.src\s*=\s*["']https?:""")
    for _, code in found.scripts:
        assert not loading.search(code.replace(asset("vis-network.min.js"), "")), "the page's own scripts load nothing"
    assert "cdn" not in html.lower().replace(asset("vis-network.min.js").lower(), "")


def test_vis_network_is_inlined_with_its_licence(small_graph):
    html = render_map(small_graph, MapOptions())
    assert asset("vis-network.min.js") in html
    assert "@license" in asset("vis-network.min.js") and "MIT" in asset("vis-network.min.js")
    assert "Permission is hereby granted" in asset("vis-network.LICENSE-MIT")
    assert "Apache License" in asset("vis-network.LICENSE-APACHE-2.0")


def test_the_embedded_data_cannot_close_its_script_element(small_graph):
    html = render_map(small_graph, MapOptions())
    assert html.count("<script") == 3  # data, vis-network, the map's own script
    raw = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert any("&lt;script&gt;" in e["tip"] for e in data["edges"])
    assert "</" not in raw and "<!--" not in raw
    assert json.loads(script_json({"q": "</script><!-- & \u2028"})) == {"q": "</script><!-- & \u2028"}


def test_the_page_has_the_facilitators_controls_and_legend(small_graph):
    html = render_map(small_graph, MapOptions(gaps=False))
    for control in ('id="search"', 'id="focus"', 'id="reset"', 'id="export"', 'id="date"', 'name="colour"',
                    'id="status-BLOCKED"', 'id="status-structure"', 'id="kind-Body"', 'id="legend"'):
        assert control in html, control
    assert "Geneva left" in html and "New York" in html
    assert 'max="7"' in html  # one slider stop per date in the graph, plus "all dates"
    assert "<title>Geneva and New York: who briefs whom</title>" in html
