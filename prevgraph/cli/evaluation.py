"""`prevgraph eval`: how far the store's entities and flows agree with a folder of gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from prevgraph.cli.app import app, err, opened_store, out
from prevgraph.graph.evaluation import Evaluation, KindRecall, Miss, Tally, evaluate, read_gold_folder

EVAL_FORMATS = ("table", "json")


def _share(value: float) -> str:
    return f"{value:.2f}"


def _recall_table(title: str, label: str, rows: dict[str, KindRecall], total: KindRecall | None = None) -> Table:
    table = Table(title=title)
    table.add_column(label)
    for column in ("gold", "found", "recall"):
        table.add_column(column, justify="right")
    for name, counts in sorted(rows.items()):
        table.add_row(name, str(counts.gold), str(counts.found), _share(counts.recall))
    if total is not None:
        table.add_row("[b]all[/b]", str(total.gold), str(total.found), f"[b]{_share(total.recall)}[/b]")
    return table


def _tally_row(table: Table, label: str, tally: Tally) -> None:
    table.add_row(label, str(tally.tp + tally.fn), str(tally.tp + tally.fp), str(tally.tp), _share(tally.precision),
                  _share(tally.recall), _share(tally.f1))


def _flows_table(evaluation: Evaluation) -> Table:
    table = Table(title="Flows (type and ends; then with status)")
    for column in ("", "gold", "found", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if not column else "right")
    for kind, tally in sorted(evaluation.flows.by_type.items()):
        _tally_row(table, kind, tally)
    _tally_row(table, "[b]type and ends[/b]", evaluation.flows.endpoints)
    _tally_row(table, "[b]with status[/b]", evaluation.flows.with_status)
    return table


def _confusion_table(evaluation: Evaluation) -> Table:
    matrix = evaluation.flows.confusion_matrix()
    columns = list(next(iter(matrix.values())))
    table = Table(title="Status confusion (rows: gold status; columns: status in the store)")
    table.add_column("gold \\ store")
    for column in columns:
        table.add_column(column, justify="right")
    for row, cells in matrix.items():
        table.add_row(row, *(str(cells[c]) if c in cells else "" for c in columns))
    return table


def _misses(console: Console, title: str, misses: list[Miss]) -> None:
    if not misses:
        return
    console.print(Text(f"\n{title} ({len(misses)})", style="bold"), soft_wrap=True)
    for miss in misses:
        console.print(Text(f"  {miss.document}: {miss.what}"), soft_wrap=True)
        if miss.quote:
            console.print(Text(f"      \u201c{miss.quote[:240]}\u201d", style="italic"), soft_wrap=True)


def _print_tables(console: Console, evaluation: Evaluation, verbose: bool) -> None:
    console.print(f"{len(evaluation.documents)} documents scored", highlight=False)
    console.print(_recall_table("Entities found (recall by kind)", "kind", evaluation.entities,
                                evaluation.entity_total))
    console.print(_flows_table(evaluation))
    console.print(f"gold flows found with the right status: {_share(evaluation.flows.with_status.recall)}",
              highlight=False)
    console.print(_confusion_table(evaluation))
    if evaluation.structure:
        console.print(_recall_table("Structural facts linked", "relation", evaluation.structure))
    if verbose:
        _misses(console, "Entities missed", evaluation.missed_entities)
        _misses(console, "Flows missed", evaluation.missed_flows)
        _misses(console, "Flows with the wrong status", evaluation.wrong_status)
        _misses(console, "Flows the store holds that no gold flow states", evaluation.false_flows)
        _misses(console, "Structural facts not linked", evaluation.missed_structure)


@app.command("eval")
def eval_(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Argument(metavar="GOLD_DIR", help="A folder of gold annotations, one JSON file per "
                                         "document (format: docs/annotation.md).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EVAL_FORMATS)}.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List the misses and the false flows with their "
                                          "quotes (the JSON always lists them).")] = False,
) -> None:
    """Score the store against gold annotations: entity recall, flow precision/recall/F1, status confusion."""
    if fmt not in EVAL_FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(EVAL_FORMATS)}", param_hint="--format")
    folder = read_gold_folder(gold)
    for line in folder.errors:
        err.print(f"skipped: {line}", markup=False, highlight=False, soft_wrap=True)
    with opened_store(ctx) as store:
        evaluation = evaluate(store, (document for _, document in folder.documents))
    for name in evaluation.not_loaded:
        err.print(f"skipped: {name}: annotated, but no document of that file name is in the store; load it first",
                  markup=False, highlight=False, soft_wrap=True)
    if not evaluation.documents:
        err.print("error: no gold document could be scored", markup=False, highlight=False)
        raise typer.Exit(1)
    if output is None:
        if fmt == "json":
            sys.stdout.write(json.dumps(evaluation.as_json(), indent=2, ensure_ascii=False) + "\n")
        else:
            _print_tables(out, evaluation, verbose)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as handle:
        if fmt == "json":
            json.dump(evaluation.as_json(), handle, indent=2, ensure_ascii=False)
        else:
            _print_tables(Console(file=handle, width=120), evaluation, verbose)
    err.print(f"wrote {output}", markup=False, highlight=False)
