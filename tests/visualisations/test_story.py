"""Dialogue packs: story files are checked line by line, scenes pick what they show, the appendix cites."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from prevgraph.errors import MapError
from prevgraph.schema import node_id
from prevgraph.visualisations import load_story, render_story
from prevgraph.visualisations.select import find_focus

EXAMPLE = Path(__file__).resolve().parents[2] / "visualisations" / "examples" / "geneva-new-york.yaml"
HC, SC, HRC = "office:high-commissioner-for-human-rights", "body:security-council", "body:human-rights-council"
OHCHR = "body:office-of-the-high-commissioner-for-human-rights"
PARTICIPANT = node_id("Participant", "a representative of OHCHR")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def page_data(html: str) -> dict:
    raw = re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


STORY = """
title: Two councils
scenes:
  - title: Everything
    caption: The whole map.
  - title: The Security Council
    caption: One step around it, realised flows only.
    focus: UNSC
    hops: 1
    status: [REALISED]
  - title: End of 2020
    caption: Before the roundtable.
    date: 2020-12-31
    colour: pillar
"""


def test_a_story_becomes_one_page_with_a_scene_each(small_graph, tmp_path):
    story = load_story(write(tmp_path, STORY), lambda name: find_focus(small_graph, name))
    assert [s.title for s in story.scenes] == ["Everything", "The Security Council", "End of 2020"]
    assert story.scenes[1].focus == SC and story.scenes[2].options.until == "2020-12-31"
    html = render_story(small_graph, story)
    scenes = page_data(html)["story"]["scenes"]
    assert len(scenes) == 3
    everything, council, late = (set(s["nodes"]) for s in scenes)
    assert council == {SC, HC, "office:secretary-general"}  # the field only by an unrealised flow, the HRC by no flow
    assert node_id("Meeting", "Transatlantic roundtable") in everything - late
    assert scenes[1]["focus"] == SC and scenes[2]["colourBy"] == "pillar"
    council_edges = {e for e in scenes[1]["edges"]}
    drawn = {e["id"]: e for e in page_data(html)["edges"]}
    assert {drawn[e]["status"] for e in council_edges} <= {"REALISED", ""}


def test_participants_appear_only_as_their_affiliation(small_graph, tmp_path):
    story = load_story(write(tmp_path, STORY), lambda name: find_focus(small_graph, name))
    html = render_story(small_graph, story)
    data = page_data(html)
    assert PARTICIPANT not in {n["id"] for n in data["nodes"]}
    assert all(n["kind"] != "Participant" for n in data["nodes"])
    assert PARTICIPANT not in data["story"]["scenes"][0]["nodes"]
    attended = [e for e in data["edges"] if e["type"] == "ATTENDED"]
    assert [(e["from"], e["to"]) for e in attended] == [(OHCHR, node_id("Meeting", "HRC-SC policy dialogue"))]
    assert "a representative of OHCHR" not in unescape(html.split('<section id="appendix">')[1])


def appendix_scenes(html: str) -> list[str]:
    appendix = html.split('<section id="appendix">')[1].split("</section>\n</section>")[0]
    return appendix.split('<section class="scene">')[1:]


def test_the_appendix_lists_each_flow_shown_once_with_the_quotes_that_state_it(small_graph, tmp_path):
    story = load_story(write(tmp_path, STORY), lambda name: find_focus(small_graph, name))
    html = render_story(small_graph, story)
    scenes = appendix_scenes(html)
    assert len(scenes) == 3 and "Scene 2: The Security Council" in scenes[1]
    data = page_data(html)
    drawn = {e["id"]: e for e in data["edges"]}
    listed = {e for scene in data["story"]["scenes"] for e in scene["edges"]
              if drawn[e]["flow"] or drawn[e]["type"] == "NO_LINK"}
    entries = re.findall(r'<li value="(\d+)">', "".join(scenes))
    assert sorted(map(int, entries)) == list(range(1, len(listed) + 1))  # each flow once, numbered
    assert all(drawn[e]["type"] != "PART_OF" for e in listed)
    assert "part of" not in unescape("".join(scenes)).lower()  # structure is not listed
    assert '<li value="' not in scenes[1]  # its flows were all listed in scene 1
    shown_again = re.search(r"Also shown, listed above: ([\d, ]+)\.", scenes[1]).group(1)
    council = [e for e in data["story"]["scenes"][1]["edges"] if drawn[e]["flow"]]
    assert len(shown_again.split(", ")) == len(council)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in scenes[0]  # the hostile quote, escaped
    assert "<script>alert" not in html
    assert "Roundtable report" in scenes[0]
    assert "@media print" in html and "#appendix { display: block; }" in html


@pytest.mark.parametrize(("text", "message"), [
    ("title: T\nscenes:\n  - title: A\n", "story.yaml, scene 1: missing field caption"),
    ("title: T\nscenes:\n  - title: A\n    caption: c\n    focus: Planet X\n",
     "story.yaml, scene 1 ('A'): unknown body: no node in the map is named 'Planet X'"),
    ("title: T\nscenes:\n  - {title: A, caption: c}\n  - title: B\n    caption: c\n    date: 2020-02-30\n",
     "story.yaml, scene 2 ('B'): date: '2020-02-30' is not a date"),
    ("title: T\nscenes:\n  - title: A\n    caption: c\n    status: [DONE]\n",
     "story.yaml, scene 1 ('A'): status: unknown DONE"),
    ("title: T\nscenes:\n  - title: A\n    captoin: c\n", "story.yaml, scene 1: unknown field captoin"),
    ("title: T\nscenes:\n  - title: A\n    caption: c\n    hops: two\n", "story.yaml, scene 1 ('A'): hops 'two'"),
    ("title: T\nscenes: []\n", "story.yaml: missing field scenes"),
    ("scenes:\n  - {title: A, caption: c}\n", "story.yaml: missing field title"),
    ("title: [unclosed\n", "story.yaml: not valid YAML at line"),
    ("- just a list\n", "story.yaml: a story is a mapping"),
])
def test_a_bad_story_is_one_line_naming_the_file_and_the_scene(small_graph, tmp_path, text, message):
    with pytest.raises(MapError) as caught:
        load_story(write(tmp_path, text), lambda name: find_focus(small_graph, name))
    assert message in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_story_file_is_named(tmp_path):
    with pytest.raises(MapError, match="nowhere.yaml: cannot read the story file"):
        load_story(tmp_path / "nowhere.yaml", lambda name: name)


def test_the_example_story_is_valid_for_a_graph_with_the_bodies_it_names(small_graph):
    story = load_story(EXAMPLE, lambda name: find_focus(small_graph, name))
    assert len(story.scenes) == 6 and story.scenes[1].focus == HRC
    assert any(s.options.gaps for s in story.scenes)
