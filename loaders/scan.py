"""Run a rule's regular expression only near the words it needs.

A pattern with alternatives, look-behinds or ``IGNORECASE`` is tried at every position
of the text; over a long document that costs far more than the rule is worth. Every
such rule has words it cannot match without ("session", "esolution", "Mission"):
``str.find`` locates those at memory speed, and the pattern runs only in a window
around each, so a document pays for what it contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def windows(text: str, keywords: Iterable[str], before: int, after: int, start: int = 0,
            end: int | None = None) -> list[tuple[int, int]]:
    """Merged spans of ``text[start:end]`` reaching ``before`` characters before and ``after`` after each keyword."""
    stop = len(text) if end is None else end
    spans = []
    for keyword in keywords:
        index = text.find(keyword, start, stop)
        while index != -1:
            spans.append((max(start, index - before), min(stop, index + len(keyword) + after)))
            index = text.find(keyword, index + 1, stop)
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def near(pattern: re.Pattern[str], text: str, keywords: Iterable[str], before: int = 80, after: int = 80,
         start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in windows around ``keywords``, in text order (a match must fit its window)."""
    for left, right in windows(text, keywords, before, after, start, end):
        yield from pattern.finditer(text, left, right)
