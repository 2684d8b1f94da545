"""The same map from either store: written by `prevgraph map`, served by the API at /map."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prevgraph.api import create_app
from prevgraph.cli.serve import map_page
from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.settings import Settings
from prevgraph.visualisations import MapOptions, render_map

from .conftest import small_records

PREVGRAPH = str(Path(sys.executable).parent / "prevgraph")
SC = "body:security-council"


def data_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def filled(store):
    nodes, edges = small_records()
    store.upsert(nodes, edges)
    return store


def test_a_store_draws_the_same_map_as_its_projection(filled, small_graph):
    from_store = data_of(render_map(filled, MapOptions(focus="UNSC", hops=1)))
    from_graph = data_of(render_map(small_graph, MapOptions(focus=SC, hops=1)))
    assert from_store["nodes"] == from_graph["nodes"] and from_store["edges"] == from_graph["edges"]
    assert from_store["focus"] == SC


def test_the_api_serves_the_map_with_the_same_options(filled):
    client = TestClient(create_app(Settings(), filled, map_page=map_page))
    page = client.get("/map", params={"focus": "UNSC", "hops": 1, "status": ["REALISED"]})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    nodes = {n["id"] for n in data_of(page.text)["nodes"]}
    # the HRC's only line to the Council is a stated missing link, which no realised flow touches
    assert nodes == {SC, "office:high-commissioner-for-human-rights", "office:secretary-general"}
    bad = client.get("/map", params={"status": "DONE"})
    assert bad.status_code == 400 and "status: unknown DONE" in bad.text
    unknown = client.get("/map", params={"focus": "Planet X"})
    assert unknown.status_code == 404 and "Planet X" in unknown.text


def test_prevgraph_map_writes_one_file_and_reports_bad_input_in_one_line(tmp_path):
    db = tmp_path / "graph.db"
    with SqliteStore(db) as store:
        store.upsert(*small_records())
    out = tmp_path / "maps" / "council.html"
    done = subprocess.run([PREVGRAPH, "--store", str(db), "map", "-o", str(out), "--focus", "Security Council",
                           "--status", "realised,blocked", "--until", "2022"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stderr
    data = data_of(out.read_text(encoding="utf-8"))
    assert data["focus"] == SC and {e["status"] for e in data["edges"]} <= {"REALISED", "BLOCKED", ""}
    assert not list(out.parent.glob(".council.html.*"))  # no temporary file left behind
    for args, message in [(["--focus", "HRCX"], "no node is named 'HRCX'"),
                          (["--since", "2020-31"], "since: '2020-31' is not a date"),
                          (["--story", str(tmp_path / "none.yaml")], "none.yaml: cannot read the story file")]:
        failed = subprocess.run([PREVGRAPH, "--store", str(db), "map", "-o", str(tmp_path / "x.html"), *args],
                                capture_output=True, text=True)
        assert failed.returncode == 1 and failed.stderr.count("\n") == 1, failed.stderr
        assert message in failed.stderr
    assert not (tmp_path / "x.html").exists()
