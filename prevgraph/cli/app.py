"""The Typer app, its global options and the error handling every command shares."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from prevgraph.errors import PrevgraphError, StoreError
from prevgraph.graph import GraphStore, open_store
from prevgraph.graph.open import is_neo4j_uri
from prevgraph.settings import Settings

app = typer.Typer(
    help="prevgraph: a knowledge graph of the UN prevention architecture (Geneva <-> New York).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)
_state = {"debug": False}


@app.callback()
def main_options(
    ctx: typer.Context,
    store: str = typer.Option(None, "--store", "-s", envvar="PREVGRAPH_STORE", show_envvar=True,
                              help="A file path for the embedded store, or a bolt:// / neo4j:// URI for Neo4j."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    _state["debug"] = debug
    ctx.obj = Settings.from_env(store=store or None)


def settings_of(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings.from_env()


def _missing_store(where: str) -> StoreError:
    return StoreError(f"no store at {where}: only `prevgraph load` and `prevgraph copy` create one; load documents "
                      f"first with: prevgraph --store {where} load FILES_OR_FOLDERS")


@contextmanager
def opened_store(ctx: typer.Context, location: str | None = None, *, create: bool = False) -> Iterator[GraphStore]:
    """The store the command works on. Only commands that write (``create``) may make a new embedded store: a
    reading command pointed at a path that does not exist says so instead of answering with zeros."""
    where = location or settings_of(ctx).store_location
    if not create and not is_neo4j_uri(where) and not Path(where).exists():
        raise _missing_store(where)
    store = open_store(settings_of(ctx), location)
    try:
        yield store
    finally:
        store.close()


#: the global options that take a value, accepted after the command too ("prevgraph load --store X files")
_GLOBAL_WITH_VALUE = ("--store", "-s")


def global_options_first(args: list[str]) -> list[str]:
    """``args`` with ``--store X`` (or ``--store=X``, ``-s X``) and ``--debug`` moved before the command, where the
    app reads them, wherever the user typed them; anything after ``--`` is left alone."""
    end = args.index("--") if "--" in args else len(args)
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < end:
        arg = args[i]
        if arg in _GLOBAL_WITH_VALUE and i + 1 < end:
            moved += args[i:i + 2]
            i += 2
            continue
        (moved if arg == "--debug" or arg.startswith("--store=") else rest).append(arg)
        i += 1
    return moved + rest + args[end:]


def main() -> None:
    """Entry point: run the app, turning prevgraph errors into one line on stderr and exit code 1."""
    try:
        app(args=global_options_first(sys.argv[1:]))
    except PrevgraphError as exc:
        if _state["debug"]:
            raise
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(1)
