"""The strawberry schema with its limits: depth, tokens and aliases per query, from the settings."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from prevgraph.api.mutations import Mutation
from prevgraph.api.queries import build_query
from prevgraph.api.types import KIND_TYPES
from prevgraph.settings import Settings


def build_schema(settings: Settings) -> strawberry.Schema:
    """The GraphQL schema; every node kind's type is registered even if no field returns it by name."""
    return strawberry.Schema(
        query=build_query(),
        mutation=Mutation,
        types=list(KIND_TYPES.values()),
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
            lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
            lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        ],
    )
