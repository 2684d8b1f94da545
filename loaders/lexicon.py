"""Compile name lists into one regular expression each, once per process.

A regular expression with thousands of literal alternatives tries each of them at
every position of the text; built as a trie (shared prefixes factored out) it tries
each character once, so matching stays linear in the text whatever the size of the
reference data. Names match as written (acronyms and capitalised names are case
sensitive, so "Chad" is a State and "chad" is not) and in capitals, as headings have
them; a name written in lower case in the reference data ("special procedures")
matches in lower case too. Apostrophes match straight or curly. A hyphen does not end
a name's word, so both Councils are found in "the Human Rights Council-Security Council
relationship".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from prevgraph.schema import gazetteer
from prevgraph.schema.reference import ReferenceEntry

#: kinds the lexicon recognises by name (resolutions are cited by number: see resolutions.py)
LEXICON_KINDS = ("Body", "Office", "Mechanism", "Organization", "State", "Initiative", "Situation")
_END = ""


def _char(c: str) -> str:
    if c in "'’":
        return "['’]"
    if c in "-–":
        return "[-–]"
    if c == " ":
        return r"[ \t]+"
    return re.escape(c)


def trie_regex(names: Iterable[str]) -> str:
    """A regular expression source matching any of ``names``, longest alternative first."""
    root: dict = {}
    for name in names:
        node = root
        for c in name:
            key = "'" if c == "’" else c
            node = node.setdefault(key, {})
        node[_END] = {}
    return _render(root)


def _render(node: dict) -> str:
    ends = _END in node
    branches = [_char(c) + _render(child) for c, child in sorted(node.items()) if c != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_UN_PREFIXES = ("United Nations ", "UN ", "U.N. ")
#: second halves of the compounds UN names are written with closed, hyphenated or open ("Peacebuilding",
#: "Peace-building", "Peace building"; "peacekeeping", "policy-making", "decision makers")
COMPOUND_TAILS = ("building", "keeping", "making", "maker", "makers")
_COMPOUND = re.compile(r"(?i)\b(?P<head>[a-z]{3,})(?P<sep>[- ]?)(?P<tail>" + "|".join(COMPOUND_TAILS) + r")\b")
_HYPHENATED = re.compile(r"(?<=[a-z])-(?=[A-Z])")


def _compounds(name: str) -> set[str]:
    """``name`` with each compound written closed, hyphenated and open, and "Secretary-General" as "Secretary
    General" (a hyphen between capitalised words is often left out)."""
    out = {name}
    for match in _COMPOUND.finditer(name):
        head, tail = match.group("head"), match.group("tail")
        forms = {head + tail.lower(), f"{head}-{tail.lower()}", f"{head} {tail.lower()}"}
        if head[:1].isupper():
            forms |= {f"{head}-{tail.capitalize()}", f"{head} {tail.capitalize()}"}
        out = {spelled[:match.start()] + form + spelled[match.end():] for spelled in out for form in forms}
    return out | {_HYPHENATED.sub(" ", spelled) for spelled in out}


def variants(name: str) -> set[str]:
    """The spellings a name is matched in: as written, with "United Nations", "UN" or "U.N." for one another in
    front, with its compounds closed, hyphenated or open, and, for names of two words or more, in capitals."""
    out = {name}
    prefix = next((p for p in _UN_PREFIXES if name.startswith(p)), None)
    if prefix is not None:
        out.update(other + name[len(prefix):] for other in _UN_PREFIXES)
    out = {form for spelling in out for form in _compounds(spelling)}
    out.update(spelling.upper() for spelling in list(out) if " " in spelling)
    return out


@dataclass(frozen=True)
class Lexicon:
    """One compiled pattern over every name of the reference data, and the entry each spelling names."""

    pattern: re.Pattern[str]
    entries: dict[str, ReferenceEntry]

    def entry(self, surface: str) -> ReferenceEntry | None:
        return self.entries.get(surface) or self.entries.get(_key(surface))


def _key(surface: str) -> str:
    return " ".join(surface.replace("’", "'").replace("–", "-").split())


@cache
def lexicon() -> Lexicon:
    """The lexicon of every body, office, mechanism, organisation, State and initiative the reference data knows."""
    entries: dict[str, ReferenceEntry] = {}
    for entry in gazetteer().by_kind(*LEXICON_KINDS):
        for name in entry.names:
            for spelling in variants(name):
                entries.setdefault(_key(spelling), entry)
    source = trie_regex(entries)
    return Lexicon(re.compile(r"(?<![\w/])(?:" + source + r")(?!\w|['’]\w\w)"), entries)
