"""Run a rule's regular expression only near the words it needs.

A pattern with alternatives, look-behinds or ``IGNORECASE`` is tried at every position
of the text; over a long document that costs far more than the rule is worth. Every
such rule has words it cannot match without ("session", "esolution", "Mission"): one
alternation of those literals finds them in a single C-level scan, and the pattern runs
only in a window around each, so a document pays for what it contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=256)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of literal keywords: the regex engine scans for them in C, faster than a loop of finds."""
    return re.compile("|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True)))


def windows(text: str, keywords: tuple[str, ...], before: int, after: int, start: int = 0,
            end: int | None = None) -> list[tuple[int, int]]:
    """Merged spans of ``text[start:end]`` reaching ``before`` characters before and ``after`` after each keyword."""
    stop = len(text) if end is None else end
    merged: list[list[int]] = []
    for hit in _keyword_pattern(keywords).finditer(text, start, stop):
        left, right = max(start, hit.start() - before), min(stop, hit.end() + after)
        if merged and left <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], right)
        else:
            merged.append([left, right])
    return [(left, right) for left, right in merged]


def near(pattern: re.Pattern[str], text: str, keywords: tuple[str, ...], before: int = 80, after: int = 80,
         start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in windows around ``keywords``, in text order (a match must fit its window)."""
    for left, right in windows(text, keywords, before, after, start, end):
        yield from pattern.finditer(text, left, right)


def run_before(text: str, end: int, token: re.Pattern[str], word: str, limit: int, lo: int = 0) -> int | None:
    """Where the longest run of up to ``limit`` ``token``s, each followed by spaces or tabs, ends at ``end``.

    The same as searching ``(?<![<word>])(?:TOKEN[ \\t]+){1,limit}$`` in ``text[lo:end]`` (``word``: the
    characters a token is made of, which may not stand before the run), without trying the pattern at every
    position of the window: the run is walked back token by token from ``end``. None if there is no run.
    """
    start, pos = None, end
    for _ in range(limit):
        gap = pos
        while gap > lo and text[gap - 1] in " \t":
            gap -= 1
        if gap == pos:
            break
        first = gap
        while first > lo and (text[first - 1].isalnum() or text[first - 1] in word):
            first -= 1
        if first == gap or token.fullmatch(text, first, gap) is None:
            break
        if first == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in word):
            break
        start, pos = first, first
    return start
