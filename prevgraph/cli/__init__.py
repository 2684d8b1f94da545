"""The `prevgraph` command: the only place that wires loaders, stores, analyses, API and maps together.

Each module of this package registers its commands on :data:`app`.
"""

from prevgraph.cli import analysis  # noqa: F401  (registers commands)
from prevgraph.cli import data  # noqa: F401  (registers commands)
from prevgraph.cli import maps  # noqa: F401  (registers commands)
from prevgraph.cli import serve  # noqa: F401  (registers commands)
from prevgraph.cli.app import app, main

__all__ = ["app", "main"]
