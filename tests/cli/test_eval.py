"""`prevgraph eval` end to end: documents written for this test loaded by `prevgraph load`, then scored
against gold annotations in a folder, on both stores through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prevgraph.cli import app

NOTE = ("Summary of the informal exchange, March 2022\n\n"
        "The High Commissioner for Human Rights briefed the Security Council on 3 March 2022 on the situation in "
        "the region.\n\n"
        "Delegations of the Human Rights Council welcomed the exchange.\n")

GOLD = {
    "document": "exchange.txt",
    "entities": [
        {"key": "hc", "type": "Office", "names": ["High Commissioner for Human Rights"], "location": "GENEVA"},
        {"key": "sc", "type": "Body", "names": ["the Security Council"], "location": "NEW_YORK"},
        {"key": "hrc", "type": "Body", "names": ["Human Rights Council"], "location": "GENEVA"},
        {"key": "watch", "type": "Organization", "names": ["Invented Monitoring Network"]},
    ],
    "facts": [
        {"subject": "hc", "relation": "BRIEFS", "object": "sc", "status": "REALISED", "year": 2022,
         "quote": "The High Commissioner for Human Rights briefed the Security Council on 3 March 2022 on the "
                  "situation in the region."},
        {"subject": "hrc", "relation": "INVITES", "object": "watch", "status": "PROPOSED",
         "quote": "A made-up invitation no sentence states."},
    ],
}


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def location(request, tmp_path: Path) -> str:
    """A store location the command is given: an embedded store's file, or the test Neo4j (emptied)."""
    if request.param == "sqlite":
        return str(tmp_path / "graph.db")
    request.getfixturevalue("neo4j_store")
    return request.getfixturevalue("neo4j_uri")


@pytest.fixture
def gold_dir(tmp_path: Path, location: str) -> Path:
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "exchange.txt").write_text(NOTE, encoding="utf-8")
    loaded = CliRunner().invoke(app, ["--store", location, "load", str(documents)])
    assert loaded.exit_code == 0, loaded.output
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "exchange.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def _eval(location: str, *args: str):
    return CliRunner().invoke(app, ["--store", location, "eval", *args])


def test_json_report_to_a_file(location: str, gold_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "out" / "eval.json"
    result = _eval(location, str(gold_dir), "--format", "json", "-o", str(report))
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == ["exchange.txt"]
    assert data["entities"]["gold"] == 4 and data["entities"]["found"] == 3
    assert data["entities"]["by_kind"]["Organization"] == {"gold": 1, "found": 0, "recall": 0.0}
    assert {"precision", "recall", "f1", "status_recall"} <= set(data["flows"])
    assert data["flows"]["gold"] == 2
    assert data["status_confusion"]["PROPOSED"]["MISSED"] == 1
    assert [m["quote"] for m in data["missed_flows"]][-1] == "A made-up invitation no sentence states."


def test_table_with_verbose_lists_misses_with_their_quotes(location: str, gold_dir: Path) -> None:
    result = _eval(location, str(gold_dir), "--verbose")
    assert result.exit_code == 0, result.output
    for heading in ("Entities found", "Flows (type and ends", "Status confusion", "Entities missed",
                    "Flows missed", "A made-up invitation no sentence states."):
        assert heading in result.stdout
    assert "Flows missed" not in _eval(location, str(gold_dir)).stdout


def test_a_bad_gold_file_is_one_line_and_the_rest_is_scored(location: str, gold_dir: Path) -> None:
    (gold_dir / "broken.json").write_text(json.dumps({**GOLD, "document": "b.txt", "facts": [
        {**GOLD["facts"][0], "subject": "nobody"}]}), encoding="utf-8")
    (gold_dir / "unloaded.json").write_text(json.dumps({**GOLD, "document": "never-loaded.txt"}), encoding="utf-8")
    result = _eval(location, str(gold_dir), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == ["exchange.txt"]
    lines = result.stderr.splitlines()
    assert lines[0] == (f"skipped: {gold_dir / 'broken.json'}: facts[0].subject: 'nobody' is not the key of an "
                        f"entity in this file")
    assert lines[1].startswith("skipped: never-loaded.txt: annotated, but no document of that file name")


@pytest.mark.parametrize(("setup", "expected"), [
    (lambda folder: folder / "nowhere", "not a folder of gold annotations"),
    (lambda folder: folder.parent / "documents", "holds no .json gold files"),
])
def test_an_unusable_folder_is_one_line_and_exit_1(location: str, gold_dir: Path, setup, expected: str) -> None:
    done = subprocess.run([str(Path(sys.executable).parent / "prevgraph"), "--store", location, "eval",
                           str(setup(gold_dir))], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr


def test_nothing_scored_exits_1(location: str, gold_dir: Path) -> None:
    (gold_dir / "exchange.json").write_text(json.dumps({**GOLD, "document": "other.txt"}), encoding="utf-8")
    result = _eval(location, str(gold_dir))
    assert result.exit_code == 1 and "no gold document could be scored" in result.stderr
