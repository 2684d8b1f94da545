"""The strawberry schema with its limits: depth, tokens and aliases per query, from the settings."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from prevgraph.api.mutations import Mutation
from prevgraph.api.planned import PlannedExecutionContext
from prevgraph.api.queries import build_query
from prevgraph.api.types import KIND_TYPES
from prevgraph.settings import Settings

#: parsed and validated queries kept, so a client repeating a query (a notebook in a loop,
#: GraphiQL) skips parsing and validating it (1 to 2 ms a request)
QUERY_CACHE_SIZE = 256


def build_schema(settings: Settings, *, planned: bool = True) -> strawberry.Schema:
    """The GraphQL schema; every node kind's type is registered even if no field returns it by name.

    ``planned`` answers list queries from one store selection (:mod:`prevgraph.api.planned`);
    without it every query is resolved field by field (the tests compare the two).

    The depth and alias limits are validation rules, made once here: the validation
    cache keys on the rules, and a rule made afresh for each request would never hit it.
    """
    rules = [*QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
             *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules]
    return strawberry.Schema(
        query=build_query(),
        mutation=Mutation,
        types=list(KIND_TYPES.values()),
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
            lambda: AddValidationRules(rules),
            lambda: ParserCache(maxsize=QUERY_CACHE_SIZE),
            lambda: ValidationCache(maxsize=QUERY_CACHE_SIZE),
        ],
        execution_context_class=PlannedExecutionContext if planned else None,
    )
