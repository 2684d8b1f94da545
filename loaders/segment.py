"""Segment normalised text into sentences, each knowing its paragraph.

The normaliser puts one paragraph per line, so a sentence never crosses a line
break. Inside a paragraph a sentence ends at ``.``, ``!`` or ``?`` followed by space
and a capital, digit or opening quote, except after the abbreviations UN documents
use ("e.g.", "para.", "No.", "U.S."). Plain regular expressions keep this stage far
faster than a tokenising pipeline while giving the same boundaries on such text.
"""

from __future__ import annotations

import re

from prevgraph.loaders.model import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9\u00c0-\u00de])")
_LAST_WORD = re.compile(r"(\S+)$")
ABBREVIATIONS = frozenset(
    ["e.g", "i.e", "etc", "cf", "vs", "viz", "al", "approx", "para", "paras", "no", "nos", "art", "arts", "p", "pp",
     "op", "rev", "add", "corr", "vol", "ch", "sec", "fig", "mr", "mrs", "ms", "dr", "prof", "st", "u.s", "u.k",
     "u.n", "h.e", "amb", "gen", "col", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec"]
)


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation or an initial ("J.")."""
    match = _LAST_WORD.search(text, max(0, stop - 40), stop)
    if match is None:
        return False
    word = match.group(1).lstrip("(\"'‘“").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_paragraph(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    """The sentences of ``text[start:end]`` (one paragraph), trimmed of surrounding space."""
    sentences: list[Sentence] = []
    left = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        right = match.end()
        sentences.append(_trimmed(text, left, right, paragraph))
        left = right
    if left < end:
        sentences.append(_trimmed(text, left, end, paragraph))
    return [s for s in sentences if s.text]


def _trimmed(text: str, start: int, end: int, paragraph: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)


def segment(text: str) -> list[Sentence]:
    """Every sentence of the normalised ``text``, in order; ``paragraph`` counts lines that hold text."""
    sentences: list[Sentence] = []
    for number, match in enumerate(_PARAGRAPH.finditer(text)):
        sentences.extend(split_paragraph(text, match.start(), match.end(), number))
    return sentences
