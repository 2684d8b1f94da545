"""The maps in a real headless Chromium with networking off: drawn, still, offline, and the controls work.

Screenshots are kept under artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from prevgraph.visualisations import MapOptions, load_story, render_map, render_story
from prevgraph.visualisations.headless import offline_browser, open_map
from prevgraph.visualisations.select import find_focus

from .test_story import EXAMPLE, STORY

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
HC, SC = "office:high-commissioner-for-human-rights", "body:security-council"


@pytest.fixture(scope="module")
def browser():
    with offline_browser() as context:
        yield context


def hidden(page, where: str) -> dict[str, bool]:
    return page.evaluate(f"Object.fromEntries(window.prevgraphMap.{where}.get().map(x => [x.id, Boolean(x.hidden)]))")


def visible_nodes(page) -> int:
    return int(page.get_attribute("#network", "data-visible-nodes"))


def opened(browser, tmp_path: Path, html: str, name: str):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    page, log, ready_ms = open_map(browser, path)
    assert log.refused == [], f"the page tried to load {log.refused}"
    assert log.requests == [path.resolve().as_uri()]
    assert ready_ms > 0
    return page, log


def test_the_map_draws_offline_stays_still_and_its_filters_work(browser, small_graph, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    page, log = opened(browser, tmp_path, render_map(small_graph, MapOptions()), "map.html")
    assert page.locator("#network canvas").count() == 1
    drawn = page.evaluate("window.prevgraphMap.nodes.length")
    actors = {n for n, k in small_graph.nodes(data="kind") if k in ("Body", "Office", "Mechanism")}
    shown = {n for n, h in hidden(page, "nodes").items() if not h}
    assert shown == actors - {"body:office-of-the-high-commissioner-for-human-rights"}  # its only lines are structure
    page.click("#toggle-context")
    assert page.get_attribute("#toggle-context", "aria-pressed") == "true"
    assert visible_nodes(page) == drawn == small_graph.number_of_nodes() - 1  # the loose document stays out
    before = page.evaluate("window.prevgraphMap.network.getPositions()")
    page.wait_for_timeout(500)
    assert page.evaluate("window.prevgraphMap.network.getPositions()") == before  # physics off: nothing moves
    page.screenshot(path=str(ARTIFACTS / "map-small.png"))

    page.click("#status-BLOCKED")
    statuses = page.evaluate("Object.fromEntries(window.prevgraphMap.edges.get().map(e => [e.id, e.status]))")
    after = hidden(page, "edges")
    assert {after[e] for e, s in statuses.items() if s == "BLOCKED"} == {True}
    assert {after[e] for e, s in statuses.items() if s and s != "BLOCKED"} == {False}
    nodes = hidden(page, "nodes")
    assert nodes["state:freedonia"] is False  # it blocks a realised briefing
    assert nodes["meeting:transatlantic-roundtable"] is True  # no flow of a chosen status touches it
    page.screenshot(path=str(ARTIFACTS / "map-small-no-blocked.png"))
    page.click("#status-BLOCKED")
    assert set(hidden(page, "edges").values()) == {False}

    page.click("#kind-Paragraph")
    assert hidden(page, "nodes")["paragraph:a-hrc-res-45-31-op5-f"] is True
    page.click("#reset")
    assert {n for n, h in hidden(page, "nodes").items() if not h} == shown  # back to the default view
    assert page.get_attribute("#toggle-context", "aria-pressed") == "false"
    assert log.errors == []


def test_the_date_slider_shows_the_map_as_it_stood(browser, small_graph, tmp_path):
    page, log = opened(browser, tmp_path, render_map(small_graph, MapOptions()), "dates.html")
    page.keyboard.press("s")  # the meetings come in with the structure
    page.locator("#date").fill("2")  # stops: 2020-10-07, 2020-11-24, 2020, ...
    assert page.text_content("#date-label") == "up to 2020"
    nodes = hidden(page, "nodes")
    assert nodes["meeting:transatlantic-roundtable"] is True and nodes["meeting:hrc-sc-policy-dialogue"] is False
    dates = page.evaluate("Object.fromEntries(window.prevgraphMap.edges.get().map(e => [e.id, e.date]))")
    edges = hidden(page, "edges")
    assert all(edges[e] for e, d in dates.items() if d and d[:4] > "2020")
    assert not any(edges[e] for e, d in dates.items() if d and d[:4] <= "2020")
    assert log.errors == []


def test_search_focus_tooltips_and_png_export(browser, small_graph, tmp_path):
    page, log = opened(browser, tmp_path, render_map(small_graph, MapOptions()), "focus.html")
    page.fill("#search", "UNSC")
    page.press("#search", "Enter")
    assert page.evaluate("window.prevgraphMap.network.getSelectedNodes()") == [SC]
    assert "Security Council" in page.text_content("#details-body")
    page.select_option("#hops", "1")
    page.click("#focus")
    assert visible_nodes(page) == 5  # the Council, the High Commissioner, the HRC, the SG, the field office
    dom = page.evaluate(f"window.prevgraphMap.network.canvasToDOM(window.prevgraphMap.network.getPositions(['{HC}'])"
                        f"['{HC}'])")
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_selector("#tooltip:not([hidden])")
    assert "High Commissioner for Human Rights" in page.text_content("#tooltip")
    page.screenshot(path=str(ARTIFACTS / "map-small-focus-tooltip.png"))
    with page.expect_download() as download:
        page.click("#export")
    png = Path(download.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    assert log.errors == [] and log.refused == []


def test_a_dialogue_pack_steps_with_the_arrow_keys_and_prints_its_appendix(browser, small_graph, tmp_path):
    story_file = tmp_path / "story.yaml"
    story_file.write_text(STORY, encoding="utf-8")
    story = load_story(story_file, lambda name: find_focus(small_graph, name))
    page, log = opened(browser, tmp_path, render_story(small_graph, story), "story.html")
    assert page.get_attribute("body", "data-scene") == "1"
    assert page.text_content("#scene-title") == "Everything"
    whole = visible_nodes(page)
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("body", "data-scene") == "2"
    assert page.text_content("#scene-counter") == "Scene 2 of 3"
    assert visible_nodes(page) == 3 < whole  # the Council, the High Commissioner, the Secretary-General
    page.screenshot(path=str(ARTIFACTS / "story-scene-2.png"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.get_attribute("body", "data-scene") == "3"
    page.keyboard.press("ArrowLeft")
    assert page.get_attribute("body", "data-scene") == "2"
    assert not page.is_visible("#appendix")
    page.emulate_media(media="print")
    assert page.is_visible("#appendix") and not page.is_visible("#network")
    page.screenshot(path=str(ARTIFACTS / "story-print.png"), full_page=True)
    page.emulate_media(media="screen")
    assert log.errors == []


@pytest.mark.slow
def test_the_sample_corpus_map_and_the_example_story_through_the_cli(browser, corpus, tmp_path):
    store = tmp_path / "corpus.db"
    cli = [str(Path(sys.executable).parent / "prevgraph"), "--store", str(store)]
    subprocess.run([*cli, "load", str(corpus)], check=True, capture_output=True, timeout=600)
    out = tmp_path / "corpus.html"
    subprocess.run([*cli, "map", "--gaps", "-o", str(out)], check=True, capture_output=True, timeout=600)
    page, log = opened(browser, tmp_path, out.read_text(encoding="utf-8"), "corpus-map.html")
    actors = visible_nodes(page)
    page.click("#toggle-context")
    assert visible_nodes(page) > max(10, actors)
    assert page.locator("#findings button.finding").count() > 0
    page.screenshot(path=str(ARTIFACTS / "map-corpus-gaps.png"))
    page.locator("#findings button.finding").first.click()
    assert page.is_visible("#details")
    assert log.errors == []

    story = tmp_path / "dialogue.html"
    subprocess.run([*cli, "map", "--story", str(EXAMPLE), "-o", str(story)], check=True, capture_output=True,
                   timeout=600)
    page, log = opened(browser, tmp_path, story.read_text(encoding="utf-8"), "dialogue-page.html")
    for scene in range(2, 7):
        page.keyboard.press("ArrowRight")
        assert page.get_attribute("body", "data-scene") == str(scene)
        assert visible_nodes(page) > 1
        assert page.is_visible("#findings") == (scene == 6)  # only the last scene asks for the gaps
        page.screenshot(path=str(ARTIFACTS / f"dialogue-scene-{scene}.png"))
    assert log.errors == []
