"""Relay-style cursor pagination over the stores' ordered, offset-addressed lists.

A cursor is an opaque string naming a position in an id-ordered list; a page is
``first`` items after a cursor, never more than ``settings.max_page_size``. The
total count is a separate store count query, run only when a client asks for it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry

from prevgraph.errors import BadRequest, LimitExceeded

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20
_PREFIX = "offset:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode("ascii")).decode("ascii")


def decode_cursor(cursor: str) -> int:
    """The offset a cursor names; a cursor this API did not make is a clear error."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        if text.startswith(_PREFIX) and int(text[len(_PREFIX):]) >= 0:
            return int(text[len(_PREFIX):])
    except (ValueError, UnicodeError, binascii.Error):
        pass
    raise BadRequest(f"the cursor {cursor!r} was not made by this API; use a cursor from pageInfo or edges")


@dataclass(frozen=True)
class Page:
    """Which slice of a list a request asks for."""

    offset: int
    size: int


def page_request(first: int | None, after: str | None, max_page_size: int) -> Page:
    """Check ``first`` against the cap and turn ``after`` into an offset."""
    size = min(DEFAULT_PAGE_SIZE, max_page_size) if first is None else first
    if size < 0:
        raise BadRequest(f"first must be 0 or more, got {size}")
    if size > max_page_size:
        raise LimitExceeded(f"first={size} is over the page size limit of {max_page_size} "
                            "(PREVGRAPH_MAX_PAGE_SIZE); page through with `after`")
    return Page(offset=0 if after is None else decode_cursor(after) + 1, size=size)


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(name="Edge", description="One item of a page with its cursor.")
class ConnectionEdge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list, Relay style.")
class Connection(Generic[T]):
    edges: list[ConnectionEdge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds (counted by the store, not fetched).")
    async def total_count(self) -> int:
        return await self.count()


def connection(items: list[T], page: Page, count: Callable[[], Awaitable[int]]) -> Connection[T]:
    """A page from ``items``, fetched as ``page.size + 1`` rows so the extra one tells whether more follow."""
    shown = items[: page.size]
    edges = [ConnectionEdge(cursor=encode_cursor(page.offset + i), node=item) for i, item in enumerate(shown)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(items) > page.size,
            has_previous_page=page.offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count=count,
    )
