"""Maps a room can read, measured in a real headless Chromium at 1280x720 and 1920x1080.

The sample corpus is loaded through the CLI, drawn as the example story, a focus map and a
status map; the label boxes are read from the page through vis-network's public API
(``getBoundingBox``, ``canvasToDOM``, ``getScale``). Screenshots of every view are kept under
``artifacts/legibility/`` (git-ignored) for a person to look at, with the appendix's PDF.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from prevgraph.schema import ontology
from prevgraph.visualisations.headless import offline_browser, open_map
from prevgraph.visualisations.page import MIN_LABEL_PX

from .test_story import EXAMPLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "legibility"
VIEWPORTS = [(1280, 720), (1920, 1080)]
ACTOR_KINDS = {k for k, kind in ontology().node_kinds.items() if kind.has_pillar}
URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)

#: Every node shown: its kind, label, label height in screen pixels and its box (shape and
#: label) in page pixels with the map's frame, read through vis-network's public API.
LABEL_BOXES = """() => {
  const m = window.prevgraphMap, net = m.network, scale = net.getScale();
  const size = JSON.parse(document.getElementById("map-data").textContent).options.nodes.font.size;
  const frame = document.getElementById("network").getBoundingClientRect();
  return m.nodes.get().filter(n => !n.hidden).map(n => {
    const box = net.getBoundingBox(n.id);
    const a = net.canvasToDOM({x: box.left, y: box.top}), b = net.canvasToDOM({x: box.right, y: box.bottom});
    return {id: n.id, kind: n.kind, label: n.label, px: ((n.font && n.font.size) || size) * scale,
            left: frame.left + a.x, top: frame.top + a.y, right: frame.left + b.x, bottom: frame.top + b.y,
            frame: [frame.left, frame.top, frame.right, frame.bottom]};
  });
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a["right"], b["right"]) > max(a["left"], b["left"])
            and min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])]


def assert_legible(boxes: list[dict]) -> None:
    """The default view: actors only, every label at least MIN_LABEL_PX high, no two boxes overlapping."""
    assert boxes, "nothing is drawn"
    cut = [b["label"] for b in boxes if b["left"] < b["frame"][0] - 1 or b["top"] < b["frame"][1] - 1
           or b["right"] > b["frame"][2] + 1 or b["bottom"] > b["frame"][3] + 1]
    assert cut == [], f"drawn partly off the map: {cut}"
    assert {b["kind"] for b in boxes} <= ACTOR_KINDS
    small = [(b["label"], round(b["px"], 1)) for b in boxes if b["px"] < MIN_LABEL_PX]
    assert small == [], f"labels drawn under {MIN_LABEL_PX} px: {small}"
    assert overlapping(boxes) == []
    assert not any(URL.search(b["label"]) for b in boxes)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The sample corpus loaded through the CLI, and the maps a facilitator would write from it."""
    folder = tmp_path_factory.mktemp("legible")
    cli = [str(Path(sys.executable).parent / "prevgraph"), "--store", str(folder / "corpus.db")]
    subprocess.run([*cli, "load", str(REPO / "corpus")], check=True, capture_output=True, timeout=600)
    asked = {"dialogue": ["--story", str(EXAMPLE)], "focus-hrc": ["--focus", "HRC"],
             "focus-security-council": ["--focus", "Security Council", "--hops", "2"],
             "status": ["--status", "BLOCKED,UNREALISED"]}
    written = {}
    for name, options in asked.items():
        written[name] = folder / f"{name}.html"
        subprocess.run([*cli, "map", *options, "-o", str(written[name])], check=True, capture_output=True,
                       timeout=600)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return written


@pytest.fixture(scope="module", params=VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def screen(request):
    with offline_browser(request.param) as context:
        yield context, request.param


def opened(context, path: Path):
    page, log, _ = open_map(context, path)
    assert log.refused == [] and log.errors == []
    return page


def test_every_scene_of_the_example_story_is_legible(pages, screen):
    context, (width, height) = screen
    page = opened(context, pages["dialogue"])
    scenes = len(page.evaluate("JSON.parse(document.getElementById('map-data').textContent).story.scenes"))
    for scene in range(1, scenes + 1):
        assert page.get_attribute("body", "data-scene") == str(scene)
        page.screenshot(path=str(ARTIFACTS / f"dialogue-{width}x{height}-scene-{scene}.png"))
        assert_legible(page.evaluate(LABEL_BOXES))
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Home")
    page.keyboard.press("s")
    kinds = {b["kind"] for b in page.evaluate(LABEL_BOXES)}
    assert kinds - ACTOR_KINDS, "the structure toggle brings in resolutions, meetings and documents"
    page.screenshot(path=str(ARTIFACTS / f"dialogue-{width}x{height}-scene-1-structure.png"))


@pytest.mark.parametrize("name", ["focus-hrc", "focus-security-council"])
def test_a_focus_map_is_legible(pages, screen, name):
    context, (width, height) = screen
    page = opened(context, pages[name])
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}x{height}.png"))
    assert_legible(page.evaluate(LABEL_BOXES))


def test_a_status_map_shows_only_what_such_a_flow_touches(pages, screen):
    context, (width, height) = screen
    page = opened(context, pages["status"])
    page.keyboard.press("s")  # even with the structure shown
    page.screenshot(path=str(ARTIFACTS / f"status-{width}x{height}.png"))
    edges = page.evaluate("window.prevgraphMap.edges.get()")
    touched = {n for e in edges if e["status"] in ("BLOCKED", "UNREALISED") for n in (e["from"], e["to"])}
    drawn = {b["id"] for b in page.evaluate(LABEL_BOXES)}
    assert drawn and drawn <= touched
    assert {e["status"] for e in edges if e["flow"]} <= {"BLOCKED", "UNREALISED"}


def test_the_panel_takes_a_quarter_at_most_and_the_caption_stays_when_it_folds(pages, screen):
    context, (width, height) = screen
    page = opened(context, pages["dialogue"])
    panel = page.locator("#controls").bounding_box()
    assert panel["width"] <= width / 4
    caption = page.text_content("#scene-caption")
    assert caption and not page.is_visible("#scene-bar")
    page.keyboard.press("p")
    assert not page.is_visible("#controls")
    bar = page.locator("#scene-bar").bounding_box()
    assert page.is_visible("#scene-bar") and caption in page.text_content("#scene-bar")
    assert bar["y"] >= 0 and bar["y"] + bar["height"] <= height and bar["width"] > width / 2
    assert_legible(page.evaluate(LABEL_BOXES))  # the map widens, and refits
    page.screenshot(path=str(ARTIFACTS / f"dialogue-{width}x{height}-panels-hidden.png"))
    page.keyboard.press("ArrowRight")
    assert page.text_content("#scene-bar").endswith(page.text_content("#scene-caption"))
    page.click("#toggle-panels")
    assert page.is_visible("#controls") and not page.is_visible("#scene-bar")


def test_the_printed_appendix_lists_each_flow_once_and_stays_short(pages, screen):
    page = opened(screen[0], pages["dialogue"])  # the print does not depend on the screen
    numbers = [int(n) for n in page.eval_on_selector_all("#appendix ol.flows > li", "els => els.map(e => e.value)")]
    pdf = page.pdf(format="A4")
    assert numbers == list(range(1, len(numbers) + 1)) and numbers  # numbered once each, in order
    (ARTIFACTS / "dialogue-appendix.pdf").write_bytes(pdf)
    count = len(PdfReader(io.BytesIO(pdf)).pages)
    documents = len(list((REPO / "corpus").glob("*.txt")))
    (ARTIFACTS / "appendix-pages.txt").write_text(f"{count} A4 pages for {documents} documents\n", encoding="utf-8")
    assert count <= documents


def test_a_scene_as_of_a_date_leaves_out_the_meetings_and_documents_dated_after_it(pages):
    html = pages["dialogue"].read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    dated = {n["id"]: n["date"] for n in data["nodes"] if n["kind"] in ("Meeting", "Document") and n["date"]}
    late = {n for n, d in dated.items() if d[:4] >= "2023"}
    assert late, "the sample corpus has a 2023 meeting and its report"
    by_title = {s["title"]: set(s["nodes"]) for s in data["story"]["scenes"]}
    assert not late & by_title["Before the 2020 dialogue"]
    assert late <= by_title["After the 2023 roundtable"]
