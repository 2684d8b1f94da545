"""Commands that move data: load, export, stats, copy."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from prevgraph.cli.app import app, err, opened_store, out, settings_of
from prevgraph.graph import GraphStore
from prevgraph.graph.export import FORMATS, write_export
from prevgraph.graph.store import Stats
from prevgraph.loaders import DocumentReport, NamePolicy, expand_paths, load_paths, loaded_before_name_rule


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{v} {k}" for k, v in counts.items()) or "-"


def _report_table(reports: list[DocumentReport]) -> Table:
    table = Table(title="Loaded documents")
    for column in ("document", "entities", "flows by status", "skipped and warnings"):
        table.add_column(column)
    for report in reports:
        notes = "\n".join([*(f"skipped: {s}" for s in report.skipped), *(f"warning: {w}" for w in report.warnings)])
        table.add_row(report.path.name, _counts(report.nodes_by_kind), _counts(report.flows_by_status), notes or "-")
    return table


def _stats_table(stats: Stats, title: str) -> Table:
    table = Table(title=title)
    table.add_column("kind")
    table.add_column("count", justify="right")
    for key, value in stats.nodes_by_kind.items():
        table.add_row(key, str(value))
    table.add_row("[b]nodes[/b]", f"[b]{stats.nodes}[/b]")
    for key, value in stats.edges_by_type.items():
        table.add_row(key, str(value))
    for key, value in stats.flows_by_status.items():
        table.add_row(f"  flows {key}", str(value))
    table.add_row("[b]edges[/b]", f"[b]{stats.edges}[/b]")
    return table


def _say_which_texts_predate_the_name_rule(store: GraphStore, files: list[Path]) -> None:
    reloading = {path.name for path in files}
    stale = [name for name in loaded_before_name_rule(store) if name not in reloading]
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        err.print(f"note: {len(stale)} stored document(s) were loaded before people's names were removed from "
                  f"texts ({shown}); load them again to clean their text and quotes.",
                  markup=False, highlight=False, soft_wrap=True)


@app.command()
def load(
    ctx: typer.Context,
    # readable=False: unreadable files are reported one by one instead of failing the whole load
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to load.", readable=False)],
) -> None:
    """Load documents (files or folders) into the store, one transaction per document."""
    files = expand_paths(paths)
    reports: list[DocumentReport] = []
    progress_bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                            transient=True, disable=len(files) < 2)
    with opened_store(ctx, create=True) as store, progress_bar as progress:
        _say_which_texts_predate_the_name_rule(store, files)
        task = progress.add_task("loading", total=len(files))
        names = NamePolicy(keep_officials=settings_of(ctx).keep_official_names)
        for report in load_paths(files, store, names):
            progress.update(task, description=f"loaded {report.path.name}")
            if report.error:
                err.print(f"skipped: {report.error}", markup=False, highlight=False, soft_wrap=True)
            reports.append(report)
            progress.advance(task)
        loaded = [r for r in reports if not r.error]
        if loaded:
            out.print(_report_table(loaded))
        out.print(_stats_table(store.stats(), f"Store {store.describe()}"))
    out.print(f"{len(loaded)} of {len(files)} documents loaded.")
    if files and not loaded:
        raise typer.Exit(1)
    if not files:
        err.print("nothing to load: no files found in the paths given")
        raise typer.Exit(1)


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option("json", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the whole graph as JSON, GraphML or GEXF (GraphML and GEXF open in Gephi)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    with opened_store(ctx) as store:
        if output is None:
            write_export(store, fmt, sys.stdout.buffer)
        else:
            with output.open("wb") as handle:
                write_export(store, fmt, handle)
            err.print(f"wrote {output}")


@app.command()
def stats(ctx: typer.Context) -> None:
    """Count nodes by kind, edges by type and flows by status."""
    with opened_store(ctx) as store:
        out.print(_stats_table(store.stats(), f"Store {store.describe()}"))


@app.command()
def copy(
    ctx: typer.Context,
    source: str = typer.Option(..., "--from", help="Store to copy from (path or bolt:// URI)."),
    target: str = typer.Option(..., "--to", help="Store to copy into (path or bolt:// URI)."),
) -> None:
    """Copy a whole graph from one store into another, in batches (for example SQLite to Neo4j)."""
    with opened_store(ctx, source) as src, opened_store(ctx, target, create=True) as dst:
        result = src.copy_to(dst, batch_size=ctx.obj.batch_size)
        out.print(_stats_table(result, f"Copied {src.describe()} -> {dst.describe()}"))
