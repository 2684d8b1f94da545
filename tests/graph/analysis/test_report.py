"""Rendered findings: the JSON has exactly the keys docs/gaps-json.md documents; CSV and markdown read right."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from prevgraph.graph.analysis import FINDING_KINDS, find_gaps, findings_csv, findings_json, findings_markdown
from prevgraph.graph.analysis.findings import Citation
from prevgraph.graph.analysis.report import CSV_COLUMNS

DOC = Path(__file__).resolve().parents[3] / "docs" / "gaps-json.md"


def _documented() -> dict[str, set[str]]:
    """Section heading -> the keys its table lists (first column, in backticks)."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{2,3} (.+)", line)
        if heading:
            current = heading.group(1).split(" (")[0].strip()
            continue
        key = re.match(r"\| `([a-z_]+)` \|", line)
        if key and current:
            sections.setdefault(current, set()).add(key.group(1))
    return sections


@pytest.fixture
def rendered(rich):
    return [*find_gaps(rich.graph), *find_gaps(rich.graph, since="2021")]


def test_the_json_has_the_documented_keys(rich, rendered):
    documented = _documented()
    payload = json.loads(findings_json(find_gaps(rich.graph), since=None))
    assert set(payload) == documented["Document"]
    assert list(payload)[:2] == ["schema", "version"] and payload["count"] == len(payload["findings"])
    for finding in payload["findings"]:
        assert set(finding) == documented["Finding"]
        for citation in finding["evidence"]:
            assert set(citation) == documented["Citation"]
    seen: dict[str, set[str]] = {}
    for finding in rendered:
        seen.setdefault(finding.kind, set()).update(finding.data)
    assert set(seen) == set(FINDING_KINDS)
    for kind in FINDING_KINDS:
        assert seen[kind] == documented[kind], kind


def test_the_json_is_stable(rich):
    assert findings_json(find_gaps(rich.graph)) == findings_json(find_gaps(rich.graph))


def test_csv_has_one_row_per_finding(rich):
    findings = find_gaps(rich.graph)
    rows = list(csv.DictReader(io.StringIO(findings_csv(findings))))
    assert len(rows) == len(findings) and tuple(rows[0]) == CSV_COLUMNS
    assert [int(r["rank"]) for r in rows] == [f.rank for f in findings]
    assert json.loads(rows[0]["data"]) == json.loads(json.dumps(findings[0].data))
    assert rows[0]["documents"] == "Report of the roundtable"


def test_markdown_is_a_briefing_note_with_citations(rich):
    findings = find_gaps(rich.graph)
    note = findings_markdown(findings, since="2021")
    assert note.startswith("# Gaps between Geneva and New York\n")
    assert "## Mandates not carried out" in note and "## Sources" in note
    assert "1. Report of the roundtable" in note
    for finding in findings:
        assert finding.statement in note
    assert re.search(r"  - \u201c.+\u201d \[1\]", note)
    assert findings_markdown([]).endswith("No gaps found: the graph holds no flows between Geneva and New York.\n")


def _citation(quote: str, match: tuple[int, int] | None = None, mention: bool = False) -> Citation:
    start = 100
    span = (start + match[0], start + match[1]) if match else (None, None)
    return Citation("doc", quote, start, start + len(quote), "rule", "edge", "A report", *span, mention=mention)


@pytest.mark.parametrize("width", [40, 60, 90])
def test_a_cut_quote_keeps_the_words_that_state_the_fact(width: int):
    lead = "Reflecting on each of the points raised in turn during a long afternoon, he said that "
    fact = "the chair of the commission declined to address the council"
    quote = lead + fact + " and that nothing more could be done about it that year."
    at = quote.index(fact)
    excerpt = _citation(quote, (at, at + len(fact))).excerpt(width)
    assert len(excerpt) <= width + 2 and excerpt.startswith("\u2026")
    assert "declined" in excerpt
    assert _citation(quote).excerpt(width).startswith("Reflecting")  # no span known: from the start
    assert _citation("A short one.").excerpt(width) == "A short one."


def test_a_mention_is_shown_as_such_never_as_the_quote_of_a_finding(rich):
    findings = find_gaps(rich.graph)
    markdown = findings_markdown(findings)
    mentions = [c for f in findings for c in f.evidence if c.mention]
    assert mentions  # the missing channels cite where their bodies are named ...
    assert "mentioned in [" in markdown
    for citation in mentions:  # ... and print no sentence that only names them
        if not any(c.quote == citation.quote and not c.mention for f in findings for c in f.evidence):
            assert " ".join(citation.quote.split()) not in markdown
