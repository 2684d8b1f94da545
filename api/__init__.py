"""The GraphQL API (strawberry on FastAPI): build it with :func:`create_app`."""

from prevgraph.api.app import MapPage, create_app

__all__ = ["MapPage", "create_app"]
