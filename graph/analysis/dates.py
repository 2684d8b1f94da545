"""Dates as the graph holds them: ISO dates, months or years, each read as the span it covers.

A flow dated "2021" may have happened on any day of 2021, so comparisons ask whether two
spans can be in a given order instead of pretending a year is its first day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from prevgraph.errors import AnalysisError

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, order=True)
class Span:
    """The first and last day a date string can mean."""

    start: date
    end: date

    @property
    def year(self) -> int:
        return self.start.year


def parse_span(text: object) -> Span | None:
    """The span ``text`` covers, or None when it is not an ISO date, month or year (see :func:`_parse`)."""
    return _parse(text) if isinstance(text, str) else None


@lru_cache(maxsize=1 << 16)
def _parse(text: str) -> Span | None:
    """A range written ``start/end`` covers both ends.

    >>> parse_span("2021")
    Span(start=datetime.date(2021, 1, 1), end=datetime.date(2021, 12, 31))
    >>> parse_span("2020-11-23/2020-11-24").end
    datetime.date(2020, 11, 24)
    >>> parse_span("soon") is None
    True
    """
    if not text.strip():
        return None
    first, _, last = text.partition("/")
    low, high = _one(first), _one(last) if last else None
    if low is None:
        return None
    return Span(low.start, high.end if high and high.end >= low.start else low.end)


def _one(text: str) -> Span | None:
    match = _ISO.match(text)
    if match is None:
        return None
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if month is None:
            return Span(date(year, 1, 1), date(year, 12, 31))
        if day is None:
            return Span(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
        return Span(date(year, month, day), date(year, month, day))
    except ValueError:
        return None


def parse_since(text: str | None) -> Span | None:
    """Parse a user's ``since`` option; a value that is not a date is an :class:`AnalysisError`.

    >>> parse_since("2021-03").start
    datetime.date(2021, 3, 1)
    """
    if text is None or not str(text).strip():
        return None
    span = parse_span(str(text))
    if span is None:
        raise AnalysisError(f"since={text!r} is not a date; give an ISO date such as 2021-01-01, 2021-01 or 2021")
    return span


def not_before(span: Span | None, since: Span | None) -> bool:
    """True when something dated ``span`` may be on or after ``since`` (undated things always may)."""
    return span is None or since is None or span.end >= since.start
