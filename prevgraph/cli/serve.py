"""`prevgraph serve`: the GraphQL API (and the map page) over the configured store, with uvicorn."""

from __future__ import annotations

import gc

import typer

from prevgraph.cli.app import app, err, opened_store, settings_of
from prevgraph.graph.store import GraphStore


def map_page(store: GraphStore, params: dict[str, str | list[str]]) -> str:
    """The maps' renderer for the API's /map: the URL's options, checked by the maps, drawn from the store."""
    from prevgraph.visualisations.maps import render_map
    from prevgraph.visualisations.options import MapOptions

    return render_map(store, MapOptions.from_params(params))


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option(None, "--host", help="Address to listen on (default: PREVGRAPH_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, "--port", help="Port to listen on (default: PREVGRAPH_PORT or 8000)."),
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql), /health and /map on the configured store."""
    import uvicorn

    from prevgraph.api import create_app

    settings = settings_of(ctx)
    host, port = host or settings.host, port or settings.port
    with opened_store(ctx) as store:
        err.print(f"prevgraph API on http://{host}:{port}/graphql (store {store.describe()})", markup=False,
                  highlight=False)
        api = create_app(settings, store, map_page=map_page)
        settle_garbage_collector()
        uvicorn.run(api, host=host, port=port, log_level="info")


#: allocations between two young-generation collections (Python's default is 700)
GC_YOUNG_THRESHOLD = 10_000


def settle_garbage_collector() -> None:
    """Keep the server's start-up objects out of garbage collection, and collect the young less often.

    A page of a list is thousands of short-lived dicts. With Python's defaults they
    set off a young collection every 700 allocations and, now and then, a full one
    that walks every object of the schema, the store and the libraries: a few
    milliseconds at the median, tens at the 95th percentile (benchmarks/README.md).
    Objects made before serving live as long as the process, so they are frozen
    (:func:`gc.freeze`) and never walked again.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
