"""No person's name, e-mail address or telephone number reaches anything a user sees.

Six documents of the usual kinds and formats mention people beside their affiliations;
every output (the three export formats, the map, the briefing note, the gaps table,
GraphQL answers and the stored document text) is searched for each name and detail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from prevgraph.api.app import create_app
from prevgraph.loaders import load_paths
from prevgraph.settings import Settings

PREVGRAPH = Path(sys.executable).with_name("prevgraph")

ROUNDTABLE = """Roundtable on early warning between Geneva and New York

The roundtable was held under the Chatham House rule.

Ms. Olga Example-Smith, Programme Officer, Friends World Office, said that the High Commissioner briefed the \
Security Council in 2021 and that the Council should hear her more often.

Write to olga [at] example-friends [dot] org or call +41 22 555 01 23 for the full notes.
"""

CONCEPT_NOTE = """# Concept note: the Peacebuilding Commission and the Human Rights Council

Dr. Hans-Peter Musterfeld of the Geneva Centre for Security Policy will moderate the dialogue.

The Chair of the Peacebuilding Commission is invited to brief the Human Rights Council once a year.

Registration: hans.musterfeld(at)example-centre.org, telephone +1 (212) 555-0199.
"""

STATEMENT = ["Statement to the Human Rights Council",
             "Mr. Tomás Ejemplo Muñoz of Human Rights Watch, who spoke for a group of organisations, said that the "
             "Peacebuilding Commission should brief the Human Rights Council every year."]

EVENT_PAGE = ["Dialogue on prevention",
              "Speakers: Ingrid van der Voorbeeld, Director, Peace Research Hub; Samira al-Mithal (Crisis Group).",
              "The Secretary-General transmitted the report of the High Commissioner to the Security Council."]

BACKGROUND = ["Background paper",
              "Ambassador Rafael Nombrado, Permanent Representative of Norway, noted that the High Commissioner "
              "briefed the Security Council in 2022.",
              "Contact: Rafael Nombrado, rafael.nombrado@example.no, T: +47 2255 0101"]

SUMMARY = ["Meeting summary",
           "The Chair of the Peacebuilding Commission, Ambassador Kari Eksempel, briefed the General Assembly.",
           "Professor Eva Primer opened the second session. Primer argued that the Human Rights Council was not "
           "allowed to brief the Security Council."]

NAMES = ["Olga", "Example-Smith", "Hans-Peter", "Musterfeld", "Tomás", "Muñoz", "Ejemplo", "Ingrid", "Voorbeeld",
         "Samira", "Mithal", "Rafael", "Nombrado", "Kari", "Eksempel", "Primer"]
DETAILS = ["[at]", "(at)", "[dot]", "@example", "555 01 23", "555-0199", "2255 0101", "example-friends",
           "example-centre"]


@pytest.fixture
def named_documents(tmp_path: Path, docs) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "roundtable.txt").write_text(ROUNDTABLE, encoding="utf-8")
    (folder / "concept-note.md").write_text(CONCEPT_NOTE, encoding="utf-8")
    docs.html(docs.paragraphs_of("\n\n".join(STATEMENT)), folder / "statement.html")
    docs.html(docs.paragraphs_of("\n\n".join(EVENT_PAGE)), folder / "event.html", title="Dialogue on prevention")
    docs.docx(docs.paragraphs_of("\n\n".join(BACKGROUND)), folder / "background.docx")
    docs.pdf(docs.paragraphs_of("\n\n".join(SUMMARY)), folder / "summary.pdf")
    return folder


def _leaks(text: str) -> list[str]:
    return [item for item in NAMES + DETAILS if item in text]


def test_no_name_or_contact_detail_in_any_output(named_documents: Path, tmp_path: Path):
    store = tmp_path / "graph.db"
    env = {k: v for k, v in os.environ.items() if k != "PREVGRAPH_STORE"}

    def run(*args: str) -> str:
        done = subprocess.run([str(PREVGRAPH), "--store", str(store), *args], capture_output=True, text=True,
                              timeout=300, env=env, check=True)
        return done.stdout + done.stderr

    assert "6 of 6 documents loaded" in run("load", str(named_documents))
    outputs = {f"export {fmt}": run("export", "--format", fmt) for fmt in ("json", "graphml", "gexf")}
    for fmt in ("table", "markdown", "json", "csv"):
        outputs[f"gaps {fmt}"] = run("gaps", "--format", fmt)
    page = tmp_path / "map.html"
    run("map", "--output", str(page))
    outputs["map"] = page.read_text(encoding="utf-8")
    nodes = json.loads(outputs["export json"])["nodes"]
    texts = [node["props"]["text"] for node in nodes if node["label"] == "Document"]
    assert len(texts) == 6 and all("[name removed]" in text for text in texts)
    assert "Friends World Office" in outputs["export json"]  # the affiliations stay
    assert {name: _leaks(text) for name, text in outputs.items()} == {name: [] for name in outputs}


def test_no_name_in_graphql_answers(named_documents: Path, store):
    assert not [r.error for r in load_paths([named_documents], store) if r.error]
    client = TestClient(create_app(Settings(), store))
    evidence = "evidence { quote documentTitle }"
    queries = [
        f"{{ nodes(kind: Document, first: 20) {{ edges {{ node {{ name props {evidence} "
        f"... on Document {{ text }} }} }} }} }}",
        f"{{ flows(first: 50) {{ edges {{ node {{ type status {evidence} }} }} }} }}",
        f"{{ nodes(first: 100) {{ edges {{ node {{ id name aliases {evidence} }} }} }} }}",
        *(f'{{ search(text: "{name}") {{ name {evidence} }} }}' for name in ("Olga", "Primer", "Muñoz")),
        "{ gaps { statement evidence { quote } } }",
    ]
    with client:
        for query in queries:
            answer = client.post("/graphql", json={"query": query})
            assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
            assert _leaks(answer.text) == [], query
