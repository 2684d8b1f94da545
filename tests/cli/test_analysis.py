"""`prevgraph gaps` and `prevgraph path` on a real embedded store, through the real command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prevgraph.cli import app
from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.schema import Edge, Evidence, Node, edge_id

DOC = "document:roundtable-report"


def _ev(quote: str, start: int) -> tuple[Evidence, ...]:
    return (Evidence(document=DOC, quote=quote, start=start, end=start + len(quote), rule="test"),)


def _node(node_id: str, kind: str, name: str, location: str | None, aliases=(), start: int = 0) -> Node:
    return Node(id=node_id, kind=kind, name=name, aliases=tuple(aliases), location=location,
                evidence=_ev(f"{name} is named.", start))


def _edge(source: str, rel: str, target: str, status: str | None, quote: str, start: int, **extra) -> Edge:
    return Edge(id=edge_id(source, rel, target, status), type=rel, source=source, target=target, status=status,
                evidence=_ev(quote, start), **extra)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "graph.db"
    store = SqliteStore(path)
    nodes = [
        Node(id=DOC, kind="Document", name="Report of the transatlantic roundtable", props={"text": "..."}),
        _node("body:hrc", "Body", "Human Rights Council", "GENEVA", ("HRC", "UNHRC"), 10),
        _node("office:hc", "Office", "High Commissioner for Human Rights", "GENEVA", ("High Commissioner",), 20),
        _node("body:sc", "Body", "Security Council", "NEW_YORK", ("UNSC",), 30),
        _node("office:sg", "Office", "Secretary-General", "NEW_YORK", ("SG",), 40),
        _node("mechanism:rmr", "Mechanism", "Regional Monthly Review", "NEW_YORK", ("RMR",), 50),
    ]
    edges = [
        _edge("office:hc", "BRIEFS", "body:hrc", "REALISED", "the High Commissioner has only brought one crisis",
              100, date="2022"),
        _edge("office:hc", "FEEDS_INTO", "mechanism:rmr", None, "feeding information into RMRs", 200),
        _edge("mechanism:rmr", "BRIEFS", "office:sg", "REALISED", "the RMR informs the Secretary-General", 300),
        _edge("office:sg", "BRIEFS", "body:sc", "REALISED", "invocation of Article 99 of the Charter", 400),
        _edge("body:hrc", "NO_LINK", "body:sc", None, "the lack of a formal link between the two Councils", 500),
        _edge("body:hrc", "BRIEFS", "body:sc", "PROPOSED", "strengthen the flow of information to the Council", 600,
              date="2023-02-20"),
    ]
    store.upsert(nodes, edges)
    store.close()
    return path


def _run(store_path: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--store", str(store_path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_gaps_json_is_the_documented_document(store_path):
    payload = json.loads(_run(store_path, "gaps", "--format", "json", "--kind", "stated_missing_link,missing_channel"))
    assert payload["schema"] == "prevgraph/gaps" and payload["kinds"] == ["missing_channel", "stated_missing_link"]
    assert {f["kind"] for f in payload["findings"]} == {"missing_channel", "stated_missing_link"}
    stated = next(f for f in payload["findings"] if f["kind"] == "stated_missing_link")
    assert stated["evidence"][0]["title"] == "Report of the transatlantic roundtable"


def test_gaps_table_csv_markdown_and_output_file(store_path, tmp_path):
    table = _run(store_path, "gaps")
    assert "Gaps between Geneva and New York" in table and "Security Council" in table
    rows = list(csv.DictReader(io.StringIO(_run(store_path, "gaps", "-f", "csv", "--limit", "3"))))
    assert [r["rank"] for r in rows] == ["1", "2", "3"]
    note = tmp_path / "note.md"
    _run(store_path, "gaps", "-f", "markdown", "-o", str(note), "--since", "2021")
    text = note.read_text(encoding="utf-8")
    assert text.startswith("# Gaps between Geneva and New York") and "Report of the transatlantic roundtable" in text


def test_gaps_what_if_takes_a_named_flow(store_path):
    payload = json.loads(_run(store_path, "gaps", "-f", "json", "-k", "what_if", "--what-if", "body:sc->body:hrc"))
    named = [f for f in payload["findings"] if f["data"]["named"]]
    assert len(named) == 1 and named[0]["data"]["connectivity"]["NEW_YORK->GENEVA"]["independent_routes"] == [0, 1]


def test_gaps_what_if_resolves_names_as_other_commands_do(store_path):
    by_name = json.loads(_run(store_path, "gaps", "-f", "json", "-k", "what_if",
                              "--what-if", "UNSC -> Human Rights Council"))
    named = [f for f in by_name["findings"] if f["data"]["named"]]
    assert len(named) == 1 and named[0]["nodes"][:2] == ["body:sc", "body:hrc"]


def test_path_resolves_names_and_shows_the_evidence_of_each_hop(store_path):
    text = _run(store_path, "path", "High Commissioner", "UNSC")
    assert "Routes from High Commissioner for Human Rights to Security Council" in text
    assert ("1. High Commissioner for Human Rights → Regional Monthly Review → Secretary-General → Security Council"
            in text)
    assert "Article 99" in text and "(realised, 3 hops)" in text
    payload = json.loads(_run(store_path, "path", "HRC", "Security Council", "--status", "PROPOSED", "-f", "json"))
    assert payload["count"] == 1 and payload["pathways"][0]["hops"][0]["status"] == "PROPOSED"
    result = CliRunner().invoke(app, ["--store", str(store_path), "path", "UNSC", "HRC"])
    assert result.exit_code == 0 and "no route of at most 4 hops" in result.stderr


def test_bad_input_is_one_line_naming_the_option(store_path):
    for args, expected in ((["gaps", "--since", "soon"], "since='soon' is not a date"),
                           (["gaps", "--kind", "gaps"], "unknown finding kind(s) gaps"),
                           (["path", "Nobody at all", "HRC"], "no node is named 'Nobody at all'"),
                           (["gaps", "--what-if", "HRC->Nobody at all"], "no node is named 'Nobody at all'")):
        done = subprocess.run([str(Path(sys.executable).parent / "prevgraph"), "--store", str(store_path), *args],
                              capture_output=True, text=True)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_gaps_in_a_narrow_terminal_lists_findings_one_under_another(store_path, columns: int):
    result = CliRunner().invoke(app, ["--store", str(store_path), "gaps"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert not any("┃" in line or "│" in line for line in lines)  # no table squeezed into the width
    findings = [line for line in lines if line.startswith("#")]
    assert findings and all(" \u00b7 " in line for line in findings)
    assert sum(line.lstrip().startswith("\u2014 ") for line in lines) >= 1  # a source under its quote


def test_gaps_from_120_columns_is_the_full_table(store_path):
    result = CliRunner().invoke(app, ["--store", str(store_path), "gaps"], env={"COLUMNS": "140"})
    assert result.exit_code == 0 and "┃ finding" in result.stdout and "evidence" in result.stdout
