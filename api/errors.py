"""One error shape for every GraphQL error: a message and ``extensions.code``.

prevgraph's own errors carry their ``code`` (``NOT_FOUND``, ``AMBIGUOUS`` with the
candidates' ids in ``extensions.candidates``, ``STORE_UNAVAILABLE``, ``LIMIT_EXCEEDED``,
``BUSY``, ...). The limits enforced by strawberry's extensions (depth,
aliases) and graphql-core's parser (tokens) are recognised and given the code
``LIMIT_EXCEEDED`` with the setting that raises the limit; GraphQL syntax and
validation errors get their own codes; anything unexpected is logged by strawberry
and shown as ``INTERNAL_ERROR`` without its details.
"""

from __future__ import annotations

import re
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from prevgraph.errors import Ambiguous, PrevgraphError

#: message pattern of each limit enforced outside prevgraph's code -> the setting behind it
_LIMITS = (
    (re.compile(r"exceeds maximum operation depth of (\d+)"), "max_query_depth", "PREVGRAPH_MAX_QUERY_DEPTH",
     "the query is nested too deeply"),
    (re.compile(r"(\d+) aliases found\. Allowed: (\d+)"), "max_aliases", "PREVGRAPH_MAX_ALIASES",
     "the query uses too many aliases"),
    (re.compile(r"Document contains more than (\d+) tokens"), "max_query_tokens", "PREVGRAPH_MAX_QUERY_TOKENS",
     "the query is too long"),
)


def error_shape(error: GraphQLError) -> dict[str, Any]:
    """The JSON of one GraphQL error, with ``extensions.code`` always set."""
    shaped: dict[str, Any] = dict(error.formatted)
    message, extensions = _classify(error)
    shaped["message"] = message
    shaped["extensions"] = {**(shaped.get("extensions") or {}), **extensions}
    return shaped


def _classify(error: GraphQLError) -> tuple[str, dict[str, Any]]:
    original = error.original_error
    if isinstance(original, Ambiguous):
        return str(original), {"code": original.code, "candidates": original.candidates}
    if isinstance(original, PrevgraphError):
        return str(original), {"code": original.code}
    for pattern, limit, env, what in _LIMITS:
        if pattern.search(error.message):
            return f"{what}: {error.message} (limit set by {env})", {"code": "LIMIT_EXCEEDED", "limit": limit}
    if original is not None:
        return "internal error; the server log has the details", {"code": "INTERNAL_ERROR"}
    if isinstance(error, GraphQLSyntaxError):
        return error.message, {"code": "GRAPHQL_PARSE_FAILED"}
    return error.message, {"code": "GRAPHQL_VALIDATION_FAILED"}


def request_error(message: str, code: str, **extra: Any) -> dict[str, Any]:
    """The body of an HTTP-level refusal (malformed JSON, body too large), in the GraphQL error shape."""
    return {"data": None, "errors": [{"message": message, "extensions": {"code": code, **extra}}]}
