"""What every resolver gets: the store, the settings, and per-request DataLoaders.

Stores are synchronous (sqlite3, the neo4j driver), so every store call runs in the
app's thread pool and the event loop stays free to enforce the per-request time limit.
The DataLoaders are made afresh for each request (their caches would otherwise serve
one client another's stale reads) and batch the store calls of one request: a page
of 100 bodies with their flows and the nodes at the flows' other ends costs one
``neighbourhood`` call, not 100 of it and 100 ``nodes`` calls.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from functools import partial
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from prevgraph.api.whole_graph import WholeGraph
from prevgraph.graph.store import Direction, GraphStore
from prevgraph.schema import Edge, Node
from prevgraph.settings import Settings

R = TypeVar("R")

#: key of the incident-edges loader: (node id, direction, relationship types or None for all,
#: statuses or None for any)
IncidentKey = tuple[str, Direction, tuple[str, ...] | None, tuple[str, ...] | None]


class StoreCaller:
    """Runs blocking store calls in the app's thread pool."""

    def __init__(self, store: GraphStore, executor: Executor | None) -> None:
        self.store = store
        self.executor = executor

    async def __call__(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, partial(fn, *args, **kwargs))


class Loaders:
    """The DataLoaders of one request."""

    def __init__(self, call: StoreCaller) -> None:
        self._call = call
        self.node: DataLoader[str, Node | None] = DataLoader(load_fn=self._nodes)
        self.edge: DataLoader[str, Edge | None] = DataLoader(load_fn=self._edges)
        self.incident: DataLoader[IncidentKey, list[Edge]] = DataLoader(load_fn=self._incident)

    async def _nodes(self, ids: Sequence[str]) -> list[Node | None]:
        found = await self._call(self._call.store.nodes, list(dict.fromkeys(ids)))
        return [found.get(i) for i in ids]

    async def _edges(self, ids: Sequence[str]) -> list[Edge | None]:
        found = await self._call(self._call.store.edges, list(dict.fromkeys(ids)))
        return [found.get(i) for i in ids]

    async def _incident(self, keys: Sequence[IncidentKey]) -> list[list[Edge]]:
        """One store call per (direction, types, statuses) group among the keys, whatever the number of nodes.

        The call also brings the nodes at the edges' other ends, which prime the node
        loader: a list of flows with their sources or targets costs no second call.
        """
        groups: dict[tuple[Direction, tuple[str, ...] | None, tuple[str, ...] | None], list[str]] = defaultdict(list)
        for node_id, direction, types, statuses in keys:
            groups[(direction, types, statuses)].append(node_id)
        results: dict[IncidentKey, list[Edge]] = {}
        for (direction, types, statuses), ids in groups.items():
            unique = list(dict.fromkeys(ids))
            found = await self._call(self._call.store.neighbourhood, unique, direction, types, statuses)
            self.node.prime_many(found.ends)
            for node_id in unique:
                results[(node_id, direction, types, statuses)] = found.edges.get(node_id, [])
        return [results[key] for key in keys]

    async def nodes(self, ids: Sequence[str]) -> list[Node]:
        """The nodes with these ids that exist, in the order given."""
        return [n for n in await self.node.load_many(list(ids)) if n is not None]


class Context(BaseContext):
    """The GraphQL context: built once per request by :func:`context_getter`."""

    def __init__(self, store: GraphStore, settings: Settings, executor: Executor | None,
                 api_key: str | None, curation_lock: asyncio.Lock, whole_graph: WholeGraph | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.call = StoreCaller(store, executor)
        #: whole-graph answers (gaps), shared by every request of the app; a context of its own if not given
        self.whole_graph = whole_graph or WholeGraph(store, self.call, settings.analysis_threads,
                                                     settings.analysis_queue)
        self.loaders = Loaders(self.call)
        #: the X-API-Key header the request came with (checked only by mutations)
        self.api_key = api_key
        #: held by curation mutations for their read-modify-write, shared by every request of the app
        self.curation_lock = curation_lock
