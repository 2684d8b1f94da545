"""Documents cited by their UN symbol, and what they are: reports, notes and letters of a body or office.

Rule ``report-symbol``: a document symbol that is not a resolution, decision or presidential
statement ("A/71/768-S/2017/76", "S/2009/304", "A/HRC/43/2", "E/CN.4/2005/135", with
"/Add.1", "/Corr.1" or "/Rev.1") becomes a Report node, named by its symbol (a joint symbol of
the General Assembly and the Security Council is one report). What the sentence says before
the symbol tells what it is: "the report of the Peacebuilding Commission on its tenth session
(A/71/768-S/2017/76)" gives the report that title (as an alias), its ``session`` and an
ISSUED_BY edge to the Peacebuilding Commission; "the Secretary-General's report (S/2009/304)"
an ISSUED_BY edge to the Secretary-General. The document CITES every report it names. A
symbol whose author the sentence does not give is still a Report node, unreviewed.
"""

from __future__ import annotations

import re

from prevgraph.loaders.findings import Findings, unreviewed_node
from prevgraph.loaders.model import Mention
from prevgraph.loaders.scan import near
from prevgraph.schema import node_id

RULE_REPORT = "report-symbol"

_ONE = (r"(?:A(?:/HRC|/C\.\d)?/(?:S-)?\d{1,2}/\d{1,4}|S/\d{4}/\d{1,4}|E/CN\.4/\d{4}/\d{1,4}|E/\d{4}/\d{1,4})"
        r"(?:/(?:Add|Corr|Rev)\.\d{1,3})*")
_SYMBOL = re.compile(rf"(?<![\w/.-])(?P<symbol>{_ONE}(?:[ \t]*[-–—][ \t]*{_ONE})?)(?![\w/])")
#: "report of the X ...", "reports of X", "X's report", "the annual report of X" in the sentence before the symbol
_REPORT_OF = re.compile(r"\b[Rr]eports?[ \t]+(?:of|by)[ \t]+(?P<the>the[ \t]+)?")
_REPORT_AFTER = re.compile(r"['’]s[ \t]+(?:(?:annual|latest|first|second|third|recent|special|final)[ \t]+)*reports?\b")
_SESSION = re.compile(r"\bon[ \t]+its[ \t]+(?P<ord>[a-z]+(?:-[a-z]+)?|\d{1,3}(?:st|nd|rd|th))[ \t]+session\b")
_AUTHOR_KINDS = frozenset({"Body", "Office", "Mechanism"})
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth", "twentieth")


def _canonical(symbol: str) -> str:
    """"A/71/768 – S/2017/76" -> "A/71/768-S/2017/76"."""
    return re.sub(r"[ \t]*[-–—][ \t]*", "-", symbol.strip())


def _session(title: str) -> int | None:
    match = _SESSION.search(title)
    if match is None:
        return None
    word = match.group("ord")
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group(0))
    return _ORDINALS.index(word) + 1 if word in _ORDINALS else None


def _author(findings: Findings, mentions: list[Mention], since: int, at: int) -> tuple[Mention, int] | None:
    """The body or office whose report the words between ``since`` and ``at`` name just before a symbol ("the
    report of the Peacebuilding Commission on ...", "the Secretary-General's report"), and where the phrase starts;
    the later of the two forms wins."""
    window = findings.text[since:at]
    found: list[tuple[Mention, int]] = []
    phrases = list(_REPORT_OF.finditer(window))
    if phrases:
        phrase = phrases[-1]
        begins = {since + phrase.end(), since + phrase.start("the") if phrase.group("the") else -1}
        named = next((m for m in mentions if m.start in begins), None)
        if named is not None:
            found.append((named, since + phrase.start()))
    owners = list(_REPORT_AFTER.finditer(window))
    if owners:
        end = since + owners[-1].start()
        named = next((m for m in reversed(mentions) if m.end == end), None)
        if named is not None:
            found.append((named, named.start))
    return max(found, key=lambda f: f[1]) if found else None


def recognise_reports(findings: Findings) -> None:
    """Report nodes for the document symbols of ``findings.text``, with their authors and titles."""
    text = findings.text
    mentions = sorted((m for m in findings.mentions if m.kind in _AUTHOR_KINDS), key=lambda m: m.start)
    previous = 0
    for match in near(_SYMBOL, text, ("A/", "S/", "E/"), 4, 80):
        symbol = _canonical(match.group("symbol"))
        # the words that tell what a symbol is stand between it and the sentence's start or the symbol before it
        since = max(findings.sentence_at(match.start()).start, previous)
        previous = match.end()
        found = _author(findings, mentions, since, match.start())
        props: dict[str, str | int] = {"symbol": symbol}
        title = None
        if found is not None:
            author, begin = found
            title = " ".join(text[begin:match.start()].split()).rstrip(" (,;:[")
            title = title[:1].upper() + title[1:] if title else None
            session = _session(title or "")
            props["author"] = findings.nodes[author.node_id].name
            if session is not None:
                props["session"] = session
        node = unreviewed_node("Report", symbol, node_id("Report", symbol), **props)
        if title and len(title) <= 200:
            node = node.model_copy(update={"aliases": (title,)})
        findings.mention(node, match.start(), match.end(), RULE_REPORT)
        evidence = findings.evidence(match.start(), RULE_REPORT, match.end())
        findings.add_edge(findings.document, "CITES", node.id, evidence)
        if found is not None:
            findings.add_edge(node.id, "ISSUED_BY", found[0].node_id, evidence)
