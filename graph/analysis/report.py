"""Findings as text: stable JSON, CSV (one row per finding) and a markdown briefing note.

The JSON layout is documented in ``docs/gaps-json.md`` and guarded by a test; change both
together and bump :data:`JSON_VERSION` when a key changes meaning or disappears.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence

from prevgraph.graph.analysis.findings import FINDING_KINDS, SEVERITIES, Citation, Finding, Pathway

JSON_SCHEMA = "prevgraph/gaps"
JSON_VERSION = 1
CSV_COLUMNS = ("rank", "id", "kind", "severity", "statement", "since", "nodes", "edges", "documents", "quotes", "data")

#: Section headings of the briefing note, one per kind.
HEADINGS = {
    "unrealised_mandate": "Mandates not carried out",
    "blocked_channel": "Blocked channels",
    "missing_channel": "Missing direct channels between Geneva and New York",
    "stated_missing_link": "Missing links the documents state",
    "single_point_of_failure": "Single points of failure",
    "broker": "Brokers between the sides",
    "asymmetry": "Asymmetry",
    "change_over_time": "Change over time",
    "what_if": "What proposals would change",
}


def findings_json(findings: Sequence[Finding], *, since: str | None = None,
                  kinds: Sequence[str] | None = None) -> str:
    """The findings as one JSON document (see ``docs/gaps-json.md``)."""
    document = {
        "schema": JSON_SCHEMA,
        "version": JSON_VERSION,
        "since": since,
        "kinds": list(kinds) if kinds is not None else list(FINDING_KINDS),
        "count": len(findings),
        "findings": [f.to_dict() for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def findings_csv(findings: Sequence[Finding]) -> str:
    """One row per finding; list cells are joined with ``; `` and ``data`` is JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in findings:
        titles = dict.fromkeys(c.title or c.document for c in f.evidence)
        writer.writerow([f.rank, f.id, f.kind, f.severity, f.statement, f.since or "", "; ".join(f.nodes),
                         "; ".join(f.edges), "; ".join(titles), len(f.evidence),
                         json.dumps(f.data, ensure_ascii=False, sort_keys=True)])
    return buffer.getvalue()


def findings_markdown(findings: Sequence[Finding], *, title: str = "Gaps between Geneva and New York",
                      since: str | None = None, quotes: int = 2) -> str:
    """A short briefing note: findings by kind, most important first, each with up to ``quotes``
    quoted sources, and the numbered list of documents cited."""
    lines = [f"# {title}", ""]
    if since:
        lines += [f"State of the graph since {since}.", ""]
    if not findings:
        return "\n".join([*lines, "No gaps found: the graph holds no flows between Geneva and New York.", ""])
    severities = Counter(f.severity for f in findings)
    lines += [f"{len(findings)} findings: " + ", ".join(f"{severities[s]} {s}" for s in SEVERITIES if severities[s])
              + ".", ""]
    sources: dict[str, int] = {}
    for kind in FINDING_KINDS:
        group = sorted((f for f in findings if f.kind == kind), key=lambda f: f.rank)
        if not group:
            continue
        lines += [f"## {HEADINGS[kind]}", ""]
        for f in group:
            lines.append(f"- **#{f.rank}, {f.severity}.** {f.statement}")
            for citation in _distinct_quotes(f)[:quotes]:
                number = sources.setdefault(citation.source, len(sources) + 1)
                lines.append(f"  - mentioned in [{number}]" if citation.mention
                             else f"  - \u201c{' '.join(citation.quote.split())}\u201d [{number}]")
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"{n}. {name}" for name, n in sources.items()]
    return "\n".join(lines) + "\n"


def _distinct_quotes(finding: Finding) -> list[Citation]:
    """One citation per sentence, the ones that state its flows before those that only name its bodies."""
    seen: dict[tuple[str, int], Citation] = {}
    edges = set(finding.edges)
    for c in sorted(finding.evidence, key=lambda c: (c.mention, c.about not in edges)):
        if c.rule != "reference":
            seen.setdefault((c.document, c.start), c)
    return list(seen.values())


def pathways_json(pathways: Sequence[Pathway], *, source: str, target: str) -> str:
    """Routes as JSON: ``{"source", "target", "count", "pathways": [...]}``."""
    document = {"source": source, "target": target, "count": len(pathways),
                "pathways": [{**p.to_dict(), "length": p.length} for p in pathways]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
