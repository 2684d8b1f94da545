"""Integer-indexed directed graphs for the measures that must scale to a million nodes.

The analyses read a NetworkX projection, but breadth-first search, maximum flow and the
depth-first search for cut vertices run here over compressed sparse rows (SciPy's
``csgraph`` in C where it has the algorithm, one linear pass in Python where it has not),
so every measure is linear or near-linear in the number of edges.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import breadth_first_order, dijkstra, maximum_flow

#: Side codes used in the arrays: 0 no side, 1 Geneva, 2 New York.
NO_SIDE, GENEVA, NEW_YORK = 0, 1, 2


def arc_matrix(n: int, src: np.ndarray, dst: np.ndarray, capacity: int = 1) -> csr_array:
    """A CSR matrix with one entry ``capacity`` per distinct arc (duplicates and self-loops dropped)."""
    keep = src != dst
    src, dst = src[keep], dst[keep]
    if src.size:
        keys = np.unique(src.astype(np.int64) * n + dst)
        src, dst = (keys // n).astype(np.int32), (keys % n).astype(np.int32)
    data = np.full(src.size, capacity, dtype=np.int32)
    return csr_array((data, (src, dst)), shape=(n, n))


@dataclass
class Indexed:
    """A simple directed graph over nodes ``0..n-1`` (unit arcs), with the measures the analyses use."""

    matrix: csr_array

    @classmethod
    def from_arcs(cls, n: int, src: np.ndarray, dst: np.ndarray) -> Indexed:
        return cls(arc_matrix(n, np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)))

    @property
    def n(self) -> int:
        return self.matrix.shape[0]

    def has_arc(self, i: int, j: int) -> bool:
        row = self.matrix.indices[self.matrix.indptr[i]:self.matrix.indptr[i + 1]]
        return bool(np.any(row == j))

    def successors(self, i: int) -> np.ndarray:
        return self.matrix.indices[self.matrix.indptr[i]:self.matrix.indptr[i + 1]]

    def reversed(self) -> Indexed:
        return self._reversed

    @cached_property
    def _reversed(self) -> Indexed:
        return Indexed(csr_array(self.matrix.T))

    def undirected(self) -> Indexed:
        return self._undirected

    @cached_property
    def _undirected(self) -> Indexed:
        sym = csr_array(self.matrix + self.matrix.T)
        sym.data[:] = 1
        return Indexed(sym)

    def distances(self, sources: np.ndarray) -> np.ndarray:
        """Hops from the nearest of ``sources`` to every node (inf where unreachable)."""
        if len(sources) == 0:
            return np.full(self.n, np.inf)
        return np.asarray(dijkstra(self.matrix, directed=True, indices=np.asarray(sources), unweighted=True,
                                   min_only=True))

    def route(self, source: int, target: int) -> list[int] | None:
        """One shortest route from ``source`` to ``target`` as node indices, or None."""
        _, pred = breadth_first_order(self.matrix, source, directed=True, return_predecessors=True)
        if source != target and pred[target] < 0:
            return None
        path = [target]
        while path[-1] != source:
            path.append(int(pred[path[-1]]))
        return path[::-1]

    def min_cut(self, sources: np.ndarray, sinks: np.ndarray, *, nodes: bool) -> Cut:
        """Minimum arc cut (``nodes=False``) or node cut (``nodes=True``) from any source to any sink.

        A super-source feeds every source and every sink drains into a super-sink, with
        capacities no cut can pay, so the cut is the smallest set of arcs (or of nodes, by
        node splitting, sources and sinks included) whose loss leaves no route.
        """
        n = self.n
        coo = self.matrix.tocoo()
        big = n + 2
        if nodes:
            total = 2 * n + 2
            s, t = 2 * n, 2 * n + 1
            idx = np.arange(n)
            rows = [idx, coo.row + n, np.full(len(sources), s), np.asarray(sinks) + n]
            cols = [idx + n, coo.col, np.asarray(sources), np.full(len(sinks), t)]
            caps = [np.ones(n), np.full(coo.nnz, big), np.full(len(sources), big), np.full(len(sinks), big)]
        else:
            total = n + 2
            s, t = n, n + 1
            rows = [coo.row, np.full(len(sources), s), np.asarray(sinks)]
            cols = [coo.col, np.asarray(sources), np.full(len(sinks), t)]
            caps = [np.ones(coo.nnz), np.full(len(sources), big), np.full(len(sinks), big)]
        capacity = coo_array((np.concatenate(caps).astype(np.int32),
                              (np.concatenate(rows).astype(np.int32), np.concatenate(cols).astype(np.int32))),
                             shape=(total, total)).tocsr()
        capacity.sum_duplicates()
        result = maximum_flow(capacity, s, t)
        residual = csr_array(capacity - result.flow)
        residual.data = (residual.data > 0).astype(np.int8)
        residual.eliminate_zeros()
        from_source = _reached(residual, s)
        to_sink = _reached(csr_array(residual.T), t)
        if nodes:
            cut = np.nonzero(from_source[:n] & ~from_source[n:2 * n])[0]
            return Cut(int(result.flow_value), cut.tolist(), [], from_source, to_sink, n)
        crossing = from_source[coo.row] & ~from_source[coo.col]
        arcs = list(zip(coo.row[crossing].tolist(), coo.col[crossing].tolist(), strict=True))
        return Cut(int(result.flow_value), [], arcs, from_source, to_sink, n)


def _reached(matrix: csr_array, start: int) -> np.ndarray:
    mask = np.zeros(matrix.shape[0], dtype=bool)
    mask[breadth_first_order(matrix, start, directed=True, return_predecessors=False)] = True
    return mask


@dataclass
class Cut:
    """A minimum cut and the residual reachability that says which new arc would raise it."""

    value: int
    nodes: list[int]
    arcs: list[tuple[int, int]]
    from_source: np.ndarray
    to_sink: np.ndarray
    n: int

    def gain(self, i: int, j: int, *, nodes: bool) -> int:
        """1 if a new arc ``i -> j`` would add an independent route, else 0 (one arc adds at most one)."""
        if nodes:
            return int(self.from_source[i + self.n] and self.to_sink[j])
        return int(self.from_source[i] and self.to_sink[j])


@dataclass(frozen=True)
class Separation:
    """How many (Geneva, New York) pairs lose every route when a node or an edge goes."""

    pairs: int
    parts: int


def separators(undirected: Indexed,
               side: np.ndarray) -> tuple[dict[int, Separation], dict[tuple[int, int], Separation]]:
    """Cut vertices and bridges of an undirected graph that separate Geneva from New York.

    One iterative depth-first search (Hopcroft–Tarjan low points) also sums the Geneva and
    New York nodes below each tree edge, so the pairs a cut vertex or bridge disconnects are
    counted in the same linear pass. Pairs including the removed node itself are not counted.

    >>> import numpy as np
    >>> path = Indexed.from_arcs(3, np.array([0, 1]), np.array([1, 2])).undirected()
    >>> cuts, bridges = separators(path, np.array([GENEVA, NO_SIDE, NEW_YORK]))
    >>> cuts[1].pairs, sorted(bridges)
    (1, [(0, 1), (1, 2)])
    """
    n = undirected.n
    indptr = undirected.matrix.indptr.tolist()
    indices = undirected.matrix.indices.tolist()
    is_g = (side == GENEVA).astype(np.int64).tolist()
    is_n = (side == NEW_YORK).astype(np.int64).tolist()
    disc = [-1] * n
    low = [0] * n
    sub_g = list(is_g)
    sub_n = list(is_n)
    cut_vertices: dict[int, Separation] = {}
    bridges: dict[tuple[int, int], Separation] = {}
    clock = 0
    for root in range(n):
        if disc[root] != -1 or indptr[root] == indptr[root + 1]:
            continue
        # per component: separated children of each vertex, and tree edges that are bridges
        separated: dict[int, list[int]] = {}
        bridge_children: list[tuple[int, int]] = []
        root_children = 0
        disc[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, indptr[root])]
        while stack:
            v, parent, pos = stack[-1]
            if pos < indptr[v + 1]:
                stack[-1] = (v, parent, pos + 1)
                w = indices[pos]
                if disc[w] == -1:
                    disc[w] = low[w] = clock
                    clock += 1
                    if v == root:
                        root_children += 1
                    stack.append((w, v, indptr[w]))
                elif w != parent and disc[w] < low[v]:
                    low[v] = disc[w]
                continue
            stack.pop()
            if parent < 0:
                continue
            sub_g[parent] += sub_g[v]
            sub_n[parent] += sub_n[v]
            if low[v] < low[parent]:
                low[parent] = low[v]
            if low[v] >= disc[parent]:
                separated.setdefault(parent, []).append(v)
            if low[v] > disc[parent]:
                bridge_children.append((parent, v))
        total_g, total_n = sub_g[root], sub_n[root]
        for v, children in separated.items():
            if v == root and root_children < 2:
                continue
            parts = [(sub_g[c], sub_n[c]) for c in children]
            rest = (total_g - is_g[v] - sum(g for g, _ in parts), total_n - is_n[v] - sum(m for _, m in parts))
            if rest != (0, 0):
                parts.append(rest)
            all_g = sum(g for g, _ in parts)
            all_n = sum(m for _, m in parts)
            pairs = all_g * all_n - sum(g * m for g, m in parts)
            if pairs:
                cut_vertices[v] = Separation(pairs, len(parts))
        for parent, child in bridge_children:
            g, m = sub_g[child], sub_n[child]
            pairs = g * (total_n - m) + m * (total_g - g)
            if pairs:
                bridges[(min(parent, child), max(parent, child))] = Separation(pairs, 2)
    return cut_vertices, bridges
