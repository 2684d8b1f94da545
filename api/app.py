"""The FastAPI app: ``/graphql`` (GraphiQL in a browser), ``/health``, and ``/map`` when a renderer is given.

:func:`create_app` is the only entry point; the CLI (``prevgraph serve``) and the tests
call it with a settings object and an open store. The API never imports the maps
(layers never import each other): the CLI passes the map renderer in as ``map_page``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from graphql import GraphQLError
from strawberry.fastapi import GraphQLRouter
from strawberry.types import ExecutionResult

from prevgraph.api.context import Context, StoreCaller
from prevgraph.api.errors import error_shape, request_error
from prevgraph.api.schema import build_schema
from prevgraph.api.whole_graph import WholeGraph
from prevgraph.errors import LimitExceeded, PrevgraphError, StoreUnavailable
from prevgraph.graph.store import GraphStore
from prevgraph.settings import Settings

#: renders the map page: (store, query parameters) -> HTML. The parameters are the options of
#: `prevgraph map` as given in the URL (focus, hops, status, since, until, gaps, ...): a string
#: per key, or a list of strings for a repeated key; the renderer checks them.
MapPage = Callable[[GraphStore, dict[str, str | list[str]]], str]

#: worker threads for store calls (the stores are synchronous)
STORE_THREADS = 16
#: seconds /health, and a request that ran out of time, wait for the store to answer a ping
PING_TIMEOUT = 5.0

#: GraphiQL's scripts and styles, vendored (see static/README.md), and where they are served
STATIC = Path(__file__).with_name("static")
STATIC_PATH = "/graphql/static"
#: where GraphQL is served
GRAPHQL_PATH = "/graphql"

_HTTP_STATUS = {"NOT_FOUND": 404, "AMBIGUOUS": 404, "STORE_UNAVAILABLE": 503, "BUSY": 503, "LIMIT_EXCEEDED": 413,
                "FORBIDDEN": 403, "MUTATIONS_DISABLED": 403}


class PrevgraphRouter(GraphQLRouter):
    """strawberry's FastAPI router with prevgraph's error shape and the per-request time limit."""

    def __init__(self, *args: Any, request_timeout: float, ping: Callable[[], Awaitable[None]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_timeout = request_timeout
        self.ping = ping

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """GraphiQL from prevgraph's own copies of its scripts: the page loads nothing from the internet."""
        return HTMLResponse(_graphiql_page())

    async def run(self, request: Any, context: Any = None, root_value: Any = None) -> Any:
        """Turn strawberry's plain-text 4xx refusals (malformed JSON, ...) into the GraphQL error shape."""
        try:
            return await super().run(request, context=context, root_value=root_value)
        except HTTPException as exc:
            code = "BAD_REQUEST" if exc.status_code == 400 else f"HTTP_{exc.status_code}"
            return JSONResponse(request_error(exc.reason, code), status_code=exc.status_code)

    def encode_json(self, data: object) -> bytes:
        """orjson: a page of a few thousand flows is encoded in a tenth of the time of ``json.dumps``."""
        return orjson.dumps(data)

    def parse_json(self, data: str | bytes) -> Any:
        """A request body must be a JSON object (strawberry fails with a 500 on a bare string or number)."""
        parsed = super().parse_json(data)
        if not isinstance(parsed, dict | list):
            raise HTTPException(400, "the request body must be a JSON object with a `query` string")
        return parsed

    async def execute_operation(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await asyncio.wait_for(super().execute_operation(*args, **kwargs), self.request_timeout)
        except TimeoutError:
            return ExecutionResult(data=None, errors=[await timed_out(self.ping, self.request_timeout)])

    async def process_result(self, request: Any, result: ExecutionResult) -> dict[str, Any]:  # type: ignore[override]
        shaped: dict[str, Any] = {"data": result.data}
        if result.errors:
            shaped["errors"] = [error_shape(e) for e in result.errors]
        if result.extensions:
            shaped["extensions"] = result.extensions
        return shaped


async def timed_out(ping: Callable[[], Awaitable[None]], request_timeout: float) -> GraphQLError:
    """Why a request ran out of time: the store does not answer, or the query asked too much."""
    error: PrevgraphError
    try:
        await asyncio.wait_for(ping(), PING_TIMEOUT)
        error = LimitExceeded(f"the request took longer than the time limit of {request_timeout:g} s "
                              "(PREVGRAPH_REQUEST_TIMEOUT); narrow the query (fewer hops, smaller pages)")
    except PrevgraphError as exc:
        error = exc
    except TimeoutError:
        error = StoreUnavailable(f"the store did not answer within {PING_TIMEOUT:g} s")
    return GraphQLError(str(error), original_error=error)


def _graphiql_page() -> str:
    return (STATIC / "graphiql.html").read_text(encoding="utf-8").replace("{{static}}", STATIC_PATH)


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with a 413 before reading them whole."""

    class _TooLarge(Exception):
        pass

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[dict]],
                       send: Callable[[dict], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0

        async def limited() -> dict:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise self._TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except self._TooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Callable[[dict], Awaitable[None]]) -> None:
        await _send_json(send, request_error(
            f"the request body is over the limit of {self.max_bytes} bytes (PREVGRAPH_MAX_BODY_BYTES)",
            "LIMIT_EXCEEDED", limit="max_body_bytes"), status=413)


async def _send_json(send: Callable[[dict], Awaitable[None]], data: dict[str, Any], status: int = 200) -> None:
    """Send ``data`` as the whole JSON response, straight through ASGI."""
    body = orjson.dumps(data)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(settings: Settings, store: GraphStore, *, map_page: MapPage | None = None) -> FastAPI:
    """The prevgraph API over ``store``. ``map_page`` (from the CLI) enables ``/map``."""
    executor = ThreadPoolExecutor(max_workers=STORE_THREADS, thread_name_prefix="prevgraph-store")
    curation_lock = asyncio.Lock()

    async def in_thread(fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)

    whole_graph = WholeGraph(store, StoreCaller(store, executor), settings.analysis_threads, settings.analysis_queue)

    async def context_getter(request: Request) -> Context:
        return Context(store, settings, executor, request.headers.get("x-api-key"), curation_lock, whole_graph)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        executor.shutdown(wait=False, cancel_futures=True)
        whole_graph.close()

    app = FastAPI(title="prevgraph", description="The UN prevention architecture as a graph, over GraphQL.",
                  lifespan=lifespan)
    async def ping() -> None:
        await in_thread(store.ping)

    schema = build_schema(settings)
    router = PrevgraphRouter(schema, context_getter=context_getter, graphql_ide="graphiql",
                             request_timeout=settings.request_timeout, ping=ping)
    app.include_router(router, prefix=GRAPHQL_PATH)
    app.mount(STATIC_PATH, StaticFiles(directory=STATIC), name="graphiql-static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    @app.exception_handler(PrevgraphError)
    async def prevgraph_error(_: Request, exc: PrevgraphError) -> JSONResponse:
        return JSONResponse(request_error(str(exc), exc.code), status_code=_HTTP_STATUS.get(exc.code, 400))

    @app.get("/", include_in_schema=False)
    async def home() -> RedirectResponse:
        return RedirectResponse(GRAPHQL_PATH)

    @app.get("/health", summary="Whether the API and its store answer")
    async def health() -> JSONResponse:
        report: dict[str, Any] = {"store": store.describe(), "kind": store.kind}
        try:
            await asyncio.wait_for(ping(), PING_TIMEOUT)
        except TimeoutError:
            return JSONResponse({**report, "status": "unavailable", "answers": False,
                                 "error": f"the store did not answer within {PING_TIMEOUT:g} s"}, 503)
        except Exception as exc:  # noqa: BLE001 - whatever the driver raises, /health reports it
            return JSONResponse({**report, "status": "unavailable", "answers": False, "error": str(exc)}, 503)
        return JSONResponse({**report, "status": "ok", "answers": True})

    if map_page is not None:
        @app.get("/map", response_class=HTMLResponse,
                 summary="The network map; query parameters are the options of `prevgraph map` "
                         "(focus, hops, status, since, until, gaps, ...)")
        async def map_view(request: Request) -> HTMLResponse:
            params: dict[str, str | list[str]] = {}
            for key, value in request.query_params.multi_items():
                given = params.get(key)
                params[key] = value if given is None else [*([given] if isinstance(given, str) else given), value]
            asked = tuple(sorted((k, v if isinstance(v, str) else tuple(v)) for k, v in params.items()))
            try:
                html = await asyncio.wait_for(whole_graph.answer(("map", asked), lambda: map_page(store, params)),
                                              settings.request_timeout)
            except TimeoutError as exc:
                raise LimitExceeded(f"the map took longer than the time limit of {settings.request_timeout:g} s "
                                    "(PREVGRAPH_REQUEST_TIMEOUT); focus it on a body") from exc
            return HTMLResponse(html)

    return app
