"""Normalise extracted text: rejoin hard line breaks, drop bullets and page-break noise.

Evidence offsets point into the normalised text, which is stored with the Document so
the API can show every quote in place.
"""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013\u00b7*]|\(?[a-z]\)|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def _paragraph_lines(text: str) -> list[list[str]]:
    """Group lines into paragraphs: a blank line or a bullet starts a new one."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line or _URL_LINE.match(line):
            if current:
                paragraphs.append(current)
                current = []
            continue
        if _BULLET.match(line) and current:
            paragraphs.append(current)
            current = []
        current.append(_BULLET.sub("", line) if _BULLET.match(line) else line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and not out.endswith(" -") and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def normalise(text: str) -> str:
    """One paragraph per line, separated by blank lines; whitespace collapsed."""
    return "\n\n".join(_join(lines) for lines in _paragraph_lines(text))
