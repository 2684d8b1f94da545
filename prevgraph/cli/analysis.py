"""`prevgraph gaps` and `prevgraph path`: the gap analyses and the routes between two bodies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from prevgraph.cli.app import app, err, opened_store, out
from prevgraph.graph.analysis import (
    Finding,
    Pathway,
    check_kinds,
    find_gaps,
    find_paths,
    findings_csv,
    findings_json,
    findings_markdown,
    pathways_json,
)
from prevgraph.graph.lookup import resolve_node
from prevgraph.graph.store import GraphStore

GAP_FORMATS = ("table", "json", "markdown", "csv")
PATH_FORMATS = ("table", "json")
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _named_flow(store: GraphStore, item: str) -> str | tuple[str, str]:
    """A ``--what-if`` item as the analysis takes it: ``SOURCE->TARGET`` with each end resolved
    the way every other command resolves names; anything else is a flow's edge id."""
    if "->" not in item:
        return item
    source, target = item.split("->", 1)
    return resolve_node(store, source).id, resolve_node(store, target).id


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {output}", markup=False, highlight=False)


def _quote(finding: Finding, width: int = 160, source_below: bool = False) -> Text:
    edges = set(finding.edges)
    shown = sorted((c for c in finding.evidence if c.rule != "reference"),
                   key=lambda c: (c.mention, c.about not in edges))[:1]
    text = Text()
    for citation in shown:
        if citation.mention:
            text.append("mentioned in", style="italic")
        else:
            text.append(f"\u201c{citation.excerpt(width)}\u201d", style="italic")
        text.append(("\n  \u2014 " if source_below else " (") + (citation.title or citation.document)
                    + ("" if source_below else ")"), style="dim")
    if len(finding.evidence) > len(shown):
        text.append(f" +{len(finding.evidence) - len(shown)} more", style="dim")
    return text


#: narrower terminals get the findings one under another instead of a table
WIDE_LAYOUT = 120


def _print_gaps(findings: list[Finding], since: str | None) -> None:
    """The table from :data:`WIDE_LAYOUT` columns; below it each finding with its statement and one short quote
    with its source under it, so that an 80-column terminal stays readable."""
    title = "Gaps between Geneva and New York" + (f" since {since}" if since else "")
    if out.width >= WIDE_LAYOUT:
        out.print(_gaps_table(findings, title))
        return
    out.print(Text(title, style="bold"))
    for f in findings:
        out.print()
        head = Text(f"#{f.rank} ")
        head.append(f.severity, style=_SEVERITY_STYLE[f.severity])
        head.append(f" \u00b7 {f.kind.replace('_', ' ')}", style="dim")
        out.print(head)
        out.print(Text(f.statement))
        out.print(Text("  ").append_text(_quote(f, width=max(40, out.width * 2 - 20), source_below=True)))


def _gaps_table(findings: list[Finding], title: str) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("finding", ratio=3)
    table.add_column("evidence", ratio=2)
    for f in findings:
        table.add_row(str(f.rank), Text(f.severity, style=_SEVERITY_STYLE[f.severity]), f.kind.replace("_", " "),
                      Text(f.statement), _quote(f))
    return table


@app.command()
def gaps(
    ctx: typer.Context,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", "-k", help="Kinds of finding (unrealised_mandate, blocked_channel, missing_channel, "
                             "stated_missing_link, single_point_of_failure, broker, asymmetry, change_over_time, "
                             "what_if); repeat or comma-separate. Default: all.")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only the state of things from this date (YYYY, YYYY-MM or YYYY-MM-DD); mandates stay in force.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(GAP_FORMATS)}.")] = "table",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout); the table format writes the markdown note.")] = None,
    limit: Annotated[int, typer.Option(help="Show only the first N findings (0: all).")] = 0,
    what_if: Annotated[list[str] | None, typer.Option(
        "--what-if", help="A flow to try as if realised: SOURCE->TARGET by names, acronyms or ids "
                          "(\"HRC->Security Council\"), or a flow's edge id; repeatable.")] = None,
    seed: Annotated[int, typer.Option(help="Seed for the sampling used on very large graphs.")] = 0,
) -> None:
    """Find the gaps in the flows between Geneva and New York, most important first."""
    if fmt not in GAP_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(GAP_FORMATS)}", param_hint="--format")
    kinds = check_kinds(_split(kind) or None)
    with opened_store(ctx) as store:
        graph = store.to_networkx()
        where = store.describe()
        named_flows = tuple(_named_flow(store, item) for item in _split(what_if))
    if not any(kind == "Document" for _, kind in graph.nodes(data="kind")):
        err.print(f"The store {where} holds no documents; load some with: prevgraph --store PATH load FOLDER",
                  markup=False, highlight=False, soft_wrap=True)
        return
    findings = find_gaps(graph, kinds=kinds, since=since, seed=seed, what_if=named_flows)
    if limit > 0:
        findings = findings[:limit]
    if fmt == "table":
        if output is None:
            if findings:
                _print_gaps(findings, since)
            else:
                out.print("No gaps found: the graph holds no flows between Geneva and New York.")
            return
        _emit(findings_markdown(findings, since=since), output)
        return
    text = {"json": lambda: findings_json(findings, since=since, kinds=kinds),
            "markdown": lambda: findings_markdown(findings, since=since),
            "csv": lambda: findings_csv(findings)}[fmt]()
    _emit(text, output)


def _print_pathways(pathways: list[Pathway], names: dict[str, str], source: str, target: str) -> None:
    out.print(Text(f"Routes from {names[source]} to {names[target]}", style="bold"), soft_wrap=True)
    for p in pathways:
        route = " \u2192 ".join(names.get(n, n) for n in p.nodes)
        out.print(Text(f"\n{p.rank}. {route}  ({p.status.lower()}, {p.length} hop{'s' * (p.length != 1)})",
                       style="bold"), soft_wrap=True)
        for hop in p.hops:
            start, end = (hop.target, hop.source) if hop.reverse else (hop.source, hop.target)
            label = f"{hop.type}" + (f", {hop.status.lower()}" if hop.status else "") + (
                ", walked backwards" if hop.reverse else "")
            out.print(Text(f"   {names.get(start, start)} \u2014[{label}]\u2192 {names.get(end, end)}"), soft_wrap=True)
            for citation in hop.evidence[:2]:
                line = Text("      \u201c" + citation.excerpt(200) + "\u201d", style="italic")
                line.append(f" ({citation.title or citation.document})", style="dim")
                out.print(line, soft_wrap=True)


@app.command()
def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="A body, office or mechanism: any of its names or id.")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Where the information should reach.")],
    max_hops: Annotated[int, typer.Option(help="Longest route considered.")] = 4,
    status: Annotated[list[str] | None, typer.Option(
        help="Flow statuses a hop may have (REALISED, MANDATED, PROPOSED, UNREALISED, BLOCKED); "
             "repeat or comma-separate. Default: all.")] = None,
    via: Annotated[list[str] | None, typer.Option(help="A body every route must pass through; repeatable.")] = None,
    avoid: Annotated[list[str] | None, typer.Option(help="A body no route may touch; repeatable.")] = None,
    limit: Annotated[int, typer.Option(help="Most routes shown.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(PATH_FORMATS)}.")] = "table",
) -> None:
    """Show the routes information can take between two bodies, with the evidence for each hop."""
    if fmt not in PATH_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(PATH_FORMATS)}", param_hint="--format")
    with opened_store(ctx) as store:
        start, end = resolve_node(store, source), resolve_node(store, target)
        via_ids = [resolve_node(store, name).id for name in _split(via)]
        avoid_ids = [resolve_node(store, name).id for name in _split(avoid)]
        graph = store.to_networkx()
    statuses = [s.upper() for s in _split(status)] or None
    pathways = find_paths(graph, start.id, end.id, max_hops=max_hops, statuses=statuses, via=via_ids,
                          avoid=avoid_ids, limit=limit)
    if fmt == "json":
        _emit(pathways_json(pathways, source=start.id, target=end.id), None)
        return
    if not pathways:
        err.print(f"no route of at most {max_hops} hops leads from {start.name} to {end.name}",
                  markup=False, highlight=False)
        return
    names = {node: str(graph.nodes[node].get("name") or node) for p in pathways for node in p.nodes}
    _print_pathways(pathways, names, start.id, end.id)
