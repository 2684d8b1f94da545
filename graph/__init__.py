"""Graph storage and analysis: one store interface, two stores, the NetworkX projection.

Use :func:`open_store` to get the store a setting names.
"""

from prevgraph.graph.open import open_store
from prevgraph.graph.store import EdgeFilter, GraphStore, LoadSummary, NodeFilter, Stats

__all__ = ["EdgeFilter", "GraphStore", "LoadSummary", "NodeFilter", "Stats", "open_store"]
