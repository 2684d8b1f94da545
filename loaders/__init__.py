"""Loaders: documents in, nodes and edges with evidence out.

:func:`load_paths` is the entry point the CLI calls; :func:`build_batch` turns one read
document into a :class:`~prevgraph.schema.DocumentBatch` without touching a store.
"""

from prevgraph.loaders.names import NamePolicy
from prevgraph.loaders.pipeline import (
    Built,
    DocumentReport,
    build,
    build_batch,
    expand_paths,
    load_file,
    load_paths,
    loaded_before_name_rule,
    meeting_index,
)

__all__ = ["Built", "DocumentReport", "NamePolicy", "build", "build_batch", "expand_paths", "load_file",
           "load_paths", "loaded_before_name_rule", "meeting_index"]
