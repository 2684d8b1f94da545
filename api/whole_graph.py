"""Whole-graph answers (the gap analyses, the map page): cached per store version, computed apart.

A ``gaps`` query or a ``/map`` page projects the whole store and runs analyses over it:
seconds of CPU on a graph of tens of thousands of nodes. Computed per request in the
pool that serves store reads, a few of them at once starved every other query. Here:

- an answer is kept per store version (:meth:`~prevgraph.graph.store.GraphStore.version`,
  raised by every write and curation, also by another process) and per what was asked,
  so repeating it on an unchanged store costs one version read; the projection is kept
  for the last version too, so the gaps of another kind or period do not project again;
- answers are computed in a small pool of their own; requests for an answer being
  computed wait for that computation instead of starting another;
- at most ``threads + queue`` computations are under way or waiting; a request for one
  more is refused at once with :class:`~prevgraph.errors.Busy` (code ``BUSY``).

A request that runs out of time stops waiting; the computation it started goes on and
its answer is kept for the next request.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from prevgraph.errors import Busy

if TYPE_CHECKING:
    import networkx as nx

    from prevgraph.api.context import StoreCaller
    from prevgraph.graph.store import GraphStore

R = TypeVar("R")

#: answers kept (all versions together; older versions go first as they age out)
CACHE_SIZE = 64


class WholeGraph:
    """The cache and the pool of whole-graph answers of one app."""

    def __init__(self, store: GraphStore, call: StoreCaller, threads: int, queue: int) -> None:
        self.store = store
        self.call = call
        self.capacity = threads + queue
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="prevgraph-whole-graph")
        self.answers: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self.running: dict[tuple[int, Hashable], asyncio.Future[Any]] = {}
        self._projection: tuple[int, nx.MultiDiGraph] | None = None
        self._projecting = threading.Lock()

    async def answer(self, key: Hashable, compute: Callable[[], R]) -> R:
        """What ``compute()`` gives on the store as it is now: kept, being computed, or computed now."""
        cached = (await self.call(self.store.version), key)
        if cached in self.answers:
            self.answers.move_to_end(cached)
            return self.answers[cached]  # type: ignore[no-any-return]
        future = self.running.get(cached)
        if future is None:
            if len(self.running) >= self.capacity:
                raise Busy(f"the API is computing {len(self.running)} whole-graph answers (gaps, maps) already; "
                           "try again in a few seconds (PREVGRAPH_ANALYSIS_THREADS, PREVGRAPH_ANALYSIS_QUEUE)")
            future = asyncio.get_running_loop().run_in_executor(self.pool, compute)
            self.running[cached] = future
            future.add_done_callback(lambda done: self._finished(cached, done))
        return await asyncio.shield(future)  # type: ignore[no-any-return]

    def _finished(self, cached: tuple[int, Hashable], done: asyncio.Future[Any]) -> None:
        del self.running[cached]
        if not done.cancelled() and done.exception() is None:
            self.answers[cached] = done.result()
            while len(self.answers) > CACHE_SIZE:
                self.answers.popitem(last=False)

    def projection(self) -> nx.MultiDiGraph:
        """The store's NetworkX projection, kept for the last version read (call it in the pool).

        Analyses only read it; the version is read before the projection, so a write in
        between makes the next call project again rather than keep a stale graph.
        """
        with self._projecting:
            version = self.store.version()
            if self._projection is None or self._projection[0] != version:
                self._projection = (version, self.store.to_networkx())
            return self._projection[1]

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
