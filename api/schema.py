"""The strawberry schema with its limits: depth, tokens and aliases per query, from the settings."""

from __future__ import annotations

import strawberry
from graphql import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from prevgraph.api.mutations import Mutation
from prevgraph.api.queries import build_query
from prevgraph.api.types import KIND_TYPES
from prevgraph.settings import Settings

#: parsed and validated queries kept, so a client repeating a query (a notebook in a loop,
#: GraphiQL) skips parsing and validating it (1 to 2 ms a request)
QUERY_CACHE_SIZE = 256


def limit_rules(settings: Settings) -> list[type[ASTValidationRule]]:
    """The validation rules of the depth and alias limits.

    Make them once per app: the validation cache keys on the rules, and a rule made
    afresh for each request would never hit it.
    """
    return [*QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
            *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules]


def build_schema(settings: Settings, rules: list[type[ASTValidationRule]] | None = None) -> strawberry.Schema:
    """The GraphQL schema; every node kind's type is registered even if no field returns it by name.

    ``rules`` are the limits' validation rules (:func:`limit_rules`), made here if not given.
    """
    rules = limit_rules(settings) if rules is None else rules
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
    )
