"""The `prevgraph` command: the only place that wires loaders, stores, analyses, API and maps together.

Each module of this package registers its commands on :data:`app`.
"""

from prevgraph.cli import (
    analysis,  # noqa: F401  (registers commands)
    data,  # noqa: F401  (registers commands)
    evaluation,  # noqa: F401  (registers commands)
    maps,  # noqa: F401  (registers commands)
    serve,  # noqa: F401  (registers commands)
)
from prevgraph.cli.app import app, main

__all__ = ["app", "main"]
