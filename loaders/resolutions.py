"""Resolutions and their paragraphs, from every way documents cite them.

Rules (names as in the evidence):

- ``resolution-symbol``: full symbols, ``A/HRC/RES/45/31``, ``A/RES/60/251``,
  ``S/RES/2282 (2016)``, ``E/RES/1996/31``. Report symbols (``A/73/890-S/2019/448``)
  carry no ``/RES/`` and are not resolutions.
- ``resolution-number``: "resolution 45/31", "HRC resolution 45/31", "GA resolution
  60/251", "Council resolutions 5/1 and 5/2", "resolutions (38/18 and 45/31)",
  "resolution 2282 (2016)". The adopting body comes from the words before it ("GA",
  "Human Rights Council", "Security Council"; "Council" is the council the context
  fixes), else from a body named earlier in the sentence, else from the reference data
  for that number, else from the form (four digits: the Security Council), else from
  the council the document is about.
- ``resolution-phrase``: phrases the reference data lists for resolutions ("the twin
  resolutions on Sustaining Peace" names A/RES/70/262 and S/RES/2282 (2016)).
- ``paragraph-reference``: "paragraph 5f", "paragraph 5 (f)", "OP5(f)", "paragraphs 8
  and 9", "paragraphs 5, 6 and 7 of resolution 45/31", "operative paragraph 3": a
  Paragraph node (id from symbol and number) PART_OF its resolution, which is the one
  cited with it ("of resolution 45/31", "resolution 60/251, paragraph 5f") or else the
  latest cited before it.
- ``resolution-structure``: a resolution text loaded as a document ("The Human Rights
  Council, / Recalling ... / 1. Decides ...") is split into preambular and operative
  paragraphs and their sub-paragraphs.

Each resolution gets ADOPTED_BY its body, and the document CITES every resolution and
paragraph it names.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import cache

from prevgraph.loaders.findings import Findings, reference_node, unreviewed_node
from prevgraph.loaders.model import Mention
from prevgraph.loaders.reports import recognise_reports
from prevgraph.loaders.scan import near
from prevgraph.schema import gazetteer, node_id
from prevgraph.schema.reference import ReferenceEntry

RULE_SYMBOL = "resolution-symbol"
RULE_NUMBER = "resolution-number"
RULE_PHRASE = "resolution-phrase"
RULE_PARAGRAPH = "paragraph-reference"
RULE_STRUCTURE = "resolution-structure"
RULE_ADOPTED_BY = "resolution-adopted-by"

HRC, GA, SC, ECOSOC = "Human Rights Council", "General Assembly", "Security Council", "Economic and Social Council"
CHR = "Commission on Human Rights"
RULE_DECISION = "decision-number"
RULE_STATEMENT = "presidential-statement"

_SYMBOL = re.compile(
    r"(?<![\w/])(?:A/HRC/RES/(?P<hs>S-\d+|\d+)/(?P<hn>\d+)|A/RES/(?P<gs>ES-\d+|\d+)/(?P<gn>\d+)"
    r"|S/RES/(?P<sn>\d+)(?:[ \t]*\((?P<sy>\d{4})\))?|E/RES/(?P<es>\d{4})/(?P<en>\d+)"
    r"|E/CN\.4/RES/(?P<cs>\d{4})/(?P<cn>\d+)"
    r"|(?P<text>A/HRC/DEC/(?:S-)?\d+/\d+|A/DEC/\d+/\d+|A/HRC/PRST/(?:S-)?\d+/\d+|(?:S/)?PRST/\d{4}/\d+))(?![\w/])"
)
#: a decision's or presidential statement's symbol, by how it starts: (start, adopting body, instrument)
_TEXT_SYMBOLS = (("A/HRC/DEC/", HRC, "decision"), ("A/DEC/", GA, "decision"),
                 ("A/HRC/PRST/", HRC, "president's statement"), ("S/PRST/", SC, "presidential statement"),
                 ("PRST/", SC, "presidential statement"))
_BODY_WORDS = {
    "Human Rights Council": HRC, "HRC": HRC, "UNHRC": HRC, "UN Human Rights Council": HRC,
    "General Assembly": GA, "GA": GA, "UNGA": GA, "UN General Assembly": GA, "Assembly": GA,
    "Security Council": SC, "SC": SC, "UNSC": SC, "UN Security Council": SC,
    "ECOSOC": ECOSOC, "Economic and Social Council": ECOSOC,
    "Commission on Human Rights": CHR, "CHR": CHR, "Commission": CHR,
}
_DAY_MONTH_YEAR = (r"\d{1,2}[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December)[ \t]+\d{4}")
#: "of 15 March 2006" (or "of 23 December 1994 and 20 July 1995") after a number in a list of resolutions: a date,
#: never a resolution of its own
_OF_DATE = rf"(?:[ \t]+of[ \t]+{_DAY_MONTH_YEAR}(?:[ \t]+and[ \t]+{_DAY_MONTH_YEAR})?)?"
#: the numbers of resolutions: session/number (GA, HRC, special and emergency sessions), year/number (ECOSOC and the
#: Commission on Human Rights), a Security Council number with its year, and the General Assembly's first numbering
#: with the session in Roman numerals ("1514 (XV)")
_NUM = (r"(?:S-\d{1,2}/\d{1,3}|ES-\d{1,2}/\d{1,3}|\d{1,2}/\d{1,3}|\d{4}/\d{1,3}|\d{1,4}[ \t]*\([IVXL]{1,6}\)"
        r"|\d{3,4}(?:[ \t]*\(\d{4}\))?)")
#: "49/222 A and B": the parts of one resolution, read as the resolution
_PARTS = r"(?:[ \t]+[A-H](?![\w/])(?:[ \t]+and[ \t]+[A-H](?![\w/]))?)?"
_ITEM = rf"{_NUM}{_PARTS}{_OF_DATE}"
_CITATION = re.compile(
    r"(?<![\w-])(?:[Rr]esolutions?|[Rr]es\.|(?:UN)?SCRs?)[ \t]+(?:nos?\.?[ \t]+)?"
    rf"(?P<open>\(?)(?P<list>{_ITEM}(?:[ \t]*(?:,(?:[ \t]*and)?|and|&|as[ \t]+well[ \t]+as)[ \t]*(?:resolution[ "
    rf"\t]+)?{_ITEM})*)"
    r"(?![\w/])"
)
#: "decision 62/503", "Human Rights Council decisions 1/102 and 2/112 of 27 November 2006"
_DEC_NUM = r"(?:S-)?\d{1,2}/\d{3}"
_DECISION = re.compile(
    rf"(?<![\w-])[Dd]ecisions?[ \t]+(?P<list>{_DEC_NUM}{_OF_DATE}"
    rf"(?:[ \t]*(?:,(?:[ \t]*and)?|and|&)[ \t]*{_DEC_NUM}{_OF_DATE})*)"
    r"(?![\w/])"
)
#: "the presidential statement of 20 July 2000", "the statement by the President of the Security Council of ..."
_STATEMENT = re.compile(
    r"(?<![\w-])(?:[Pp]residential[ \t]+[Ss]tatement|[Ss]tatement[ \t]+(?:by|of)[ \t]+(?:its|the)[ \t]+President"
    rf"(?:[ \t]+of[ \t]+the[ \t]+Security[ \t]+Council)?)[ \t]+(?:dated[ \t]+|of[ \t]+)(?P<date>{_DAY_MONTH_YEAR})"
)
#: the body named just before "resolution" ("GA resolution", "the Council's landmark resolutions")
_BODY_BEFORE = re.compile(
    r"(?<![\w-])(?P<body>(?:UN[ \t]+)?(?:Human[ \t]+Rights[ \t]+Council|General[ \t]+Assembly|Security[ \t]+Council)|"
    r"HRC|UNHRC|GA|"
    r"UNGA|SC|UNSC|ECOSOC|Economic[ \t]+and[ \t]+Social[ \t]+Council|Commission[ \t]+on[ \t]+Human[ \t]+Rights|"
    r"CHR|Commission|Council|Assembly)(?:['’]s)?[ \t]+"
    r"(?:(?:landmark|recent|twin|two|its|the)[ \t]+)*$"
)
_SESSION_FORM = re.compile(r"(?:S-)?\d{1,2}/\d{1,3}")
_ITEM_IN_LIST = re.compile(rf"(?P<num>{_NUM}){_PARTS}{_OF_DATE}")
_DEC_IN_LIST = re.compile(rf"(?P<num>{_DEC_NUM}){_OF_DATE}")
_PARA_NUM = r"\d{1,3}(?:[ \t]*\([ \t]*[a-z]{1,4}[ \t]*\)|[a-h](?![a-z]))?"
_PARAGRAPH = re.compile(
    r"(?:(?P<kind>[Oo]perative|[Pp]reambular)[ \t]+)?(?:[Pp]aragraphs?|[Pp]aras?\.?)[ \t]+"
    rf"(?P<list>{_PARA_NUM}(?:[ \t]*(?:,|and|&|to|-|–)[ \t]*{_PARA_NUM})*)(?![\w/])"
    rf"|(?<![\w-])(?P<op>OP|PP)[ \t]?(?P<one>{_PARA_NUM})(?![\w/])"
)
_PARA_IN_LIST = re.compile(r"(\d{1,3})(?:[ \t]*\([ \t]*([a-z]{1,4})[ \t]*\)|([a-h])(?![a-z]))?")
_BODY_WORDS_AT_END = re.compile(r"(?:GA|HRC|SC|General Assembly|Human Rights Council|Security Council)[ \t]*$")
_OF_RESOLUTION = re.compile(r"[ \t]*(?:of|in|under)[ \t]+(?:the[ \t]+)?$")

_PREAMBLE_OPENER = re.compile(
    r"^(?:The[ \t]+)?(?P<body>Human[ \t]+Rights[ \t]+Council|General[ \t]+Assembly|Security[ \t]+Council)[ \t]*,[ "
    r"\t]*$",
    re.MULTILINE,
)
_PREAMBULAR = re.compile(
    r"^(?:[A-Z][a-z]+ly[ \t]+)?(?:[A-Z][a-z]+(?:ing|ed)|Mindful|Conscious|Aware|Convinced|Determined|Bearing[ "
    r"\t]+in[ \t]+mind|"
    r"Cognizant|Desirous|Guided|Having|Taking[ \t]+note|Noting|Deeply|Gravely|Seriously)\b"
)
_OPERATIVE = re.compile(
    r"^(?:(?P<num>\d{1,3})[.)][ \t]+)?(?P<verb>(?:Also|Further|Again|Strongly|Once[ \t]+again|Further[ \t]+"
    r"also)?[ \t]*[A-Z][a-z]+(?:s|es)\b)"
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SUBPARAGRAPH = re.compile(r"^(?:\((?P<letter>[a-z]{1,4})\)[ \t]+\S|[a-z])")


@dataclass(frozen=True)
class Citation:
    """One resolution named in the text, with the span that names it."""

    symbol: str
    body: str | None
    start: int
    end: int
    rule: str
    entry: ReferenceEntry | None = None
    short: str | None = None
    #: what kind of text it is when it is not a resolution: "decision", "presidential statement", ...
    instrument: str | None = None
    date: str | None = None


@dataclass
class ResolutionFindings:
    """What the resolution rules found: citations in order, and the structure of a resolution text."""

    citations: list[Citation] = field(default_factory=list)
    resolution: str | None = None
    structure: dict[str, tuple[int, int]] = field(default_factory=dict)


def symbol_for(body: str | None, number: str) -> str | None:
    """The full symbol of resolution ``number`` adopted by ``body`` ("45/31", HRC -> "A/HRC/RES/45/31")."""
    number = re.sub(r"[ \t]+", " ", number.strip())
    roman = re.fullmatch(r"(\d{1,4}) ?\(([IVXL]+)\)", number)
    if roman:
        return f"A/RES/{roman.group(1)} ({roman.group(2)})" if body in (None, GA) else None
    sc = re.fullmatch(r"(\d{3,4})(?: ?\((\d{4})\))?", number)
    if sc and (body in (None, SC)):
        year = sc.group(2) or _sc_year(sc.group(1))
        return f"S/RES/{sc.group(1)} ({year})" if year else f"S/RES/{sc.group(1)}"
    if re.fullmatch(r"\d{4}/\d+", number):
        return {ECOSOC: f"E/RES/{number}", CHR: f"E/CN.4/RES/{number}"}.get(body or "")
    if not re.fullmatch(r"(?:S-|ES-)?\d{1,2}/\d{1,3}", number):
        return None
    if body == HRC:
        return f"A/HRC/RES/{number}"
    if body == GA:
        return f"A/RES/{number}"
    return None


@cache
def _by_number() -> dict[str, list[ReferenceEntry]]:
    """Reference resolutions by short number ("45/31", "2282")."""
    out: dict[str, list[ReferenceEntry]] = {}
    for entry in gazetteer().by_kind("Resolution"):
        match = re.search(r"RES/(.+?)(?: \(\d{4}\))?$", entry.name)
        if match:
            out.setdefault(match.group(1), []).append(entry)
    return out


def _sc_year(number: str) -> str | None:
    entries = _by_number().get(number) or []
    year = next((m.group(1) for e in entries if (m := re.search(r"\((\d{4})\)$", e.name))), None)
    return year


@cache
def _phrases() -> tuple[re.Pattern[str] | None, dict[str, list[ReferenceEntry]]]:
    by_phrase: dict[str, list[ReferenceEntry]] = {}
    for entry in gazetteer().by_kind("Resolution"):
        for phrase in entry.props.get("cited_as") or ():
            entries = by_phrase.setdefault(str(phrase).casefold(), [])
            if entry not in entries:
                entries.append(entry)
    if not by_phrase:
        return None, by_phrase
    quote = "['‘’\"“”]?"
    alternatives = sorted(by_phrase, key=len, reverse=True)
    source = "|".join(f"{quote}[ \t]+{quote}".join(re.escape(w) for w in p.split()) for p in alternatives)
    return re.compile(rf"(?<![\w-])(?:{source})(?![\w-])", re.IGNORECASE), by_phrase


@cache
def _phrase_keywords() -> tuple[str, ...]:
    """The longest word of each phrase, in the cases it may be written in, to find where phrases may be."""
    _pattern, by_phrase = _phrases()
    words = {max(p.split(), key=len) for p in by_phrase}
    return tuple(sorted({v for w in words for v in (w, w.capitalize(), w.upper())}))


def _entry(symbol: str) -> ReferenceEntry | None:
    entry = gazetteer().lookup(symbol)
    return entry if entry is not None and entry.kind == "Resolution" else None


def _symbol_citations(text: str) -> list[Citation]:
    out = []
    for m in near(_SYMBOL, text, ("/RES/", "/DEC/", "PRST/"), 14, 24):
        if m.group("hn"):
            symbol, body = f"A/HRC/RES/{m.group('hs')}/{m.group('hn')}", HRC
        elif m.group("gn"):
            symbol, body = f"A/RES/{m.group('gs')}/{m.group('gn')}", GA
        elif m.group("sn"):
            year = m.group("sy") or _sc_year(m.group("sn"))
            symbol, body = (f"S/RES/{m.group('sn')} ({year})" if year else f"S/RES/{m.group('sn')}"), SC
        elif m.group("es"):
            symbol, body = f"E/RES/{m.group('es')}/{m.group('en')}", ECOSOC
        elif m.group("cs"):
            symbol, body = f"E/CN.4/RES/{m.group('cs')}/{m.group('cn')}", CHR
        else:
            symbol = m.group("text")
            start, body, instrument = next(kind for kind in _TEXT_SYMBOLS if symbol.startswith(kind[0]))
            symbol = f"S/{symbol}" if start == "PRST/" else symbol
            out.append(Citation(symbol, body, m.start(), m.end(), RULE_SYMBOL, _entry(symbol), instrument=instrument))
            continue
        out.append(Citation(symbol, body, m.start(), m.end(), RULE_SYMBOL, _entry(symbol)))
    return out


def _body_before(mentions: list[Mention], findings: Findings, position: int, sentence_start: int) -> str | None:
    """The council or assembly named latest before ``position`` in the same sentence."""
    for mention in reversed(mentions):
        if mention.start >= position:
            continue
        if mention.start < sentence_start:
            break
        name = findings.nodes[mention.node_id].name if mention.node_id in findings.nodes else ""
        if name in (HRC, GA, SC, ECOSOC, CHR):
            return name
    return None


def _latest_council(mentions: list[Mention], findings: Findings, position: int) -> str | None:
    for mention in reversed(mentions):
        if mention.start < position:
            name = findings.nodes[mention.node_id].name if mention.node_id in findings.nodes else ""
            if name in (HRC, SC, ECOSOC):
                return name
    return None


def document_council(findings: Findings) -> str | None:
    """The council or assembly the document speaks of most (HRC, GA or SC), for citations that do not say."""
    counts: dict[str, int] = {}
    for mention in findings.mentions:
        name = findings.nodes[mention.node_id].name if mention.node_id in findings.nodes else ""
        if name in (HRC, GA, SC):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _number_citations(findings: Findings, mentions: list[Mention]) -> list[Citation]:
    text = findings.text
    out = []
    default = document_council(findings)
    for m in near(_CITATION, text, ("esolution", " res.", "Res.", "SCR"), 2, 260):
        before = _BODY_BEFORE.search(text, max(0, m.start() - 60), m.start())
        said = before.group("body") if before else None
        if said:
            said = re.sub(r"[ \t]+", " ", said)
            latest = _latest_council(mentions, findings, m.start()) if said == "Council" else None
            body = _BODY_WORDS.get(said) or latest
        else:
            body = None
        sentence = findings.sentence_at(m.start())
        for num in _ITEM_IN_LIST.finditer(m.group("list")):
            number = re.sub(r"[ \t]+", " ", num.group("num"))
            start = m.start("list") + num.start()
            security_council_form = re.fullmatch(r"\d{3,4}(?: \(\d{4}\))?", number) is not None
            cited_body = SC if security_council_form else body or _body_before(mentions, findings, m.start(),
                                                                              sentence.start)
            if said == "Council" and cited_body != HRC and _SESSION_FORM.fullmatch(number):
                cited_body = HRC  # a council numbering by session ("Council resolution 5/1") is the HRC
            known = _by_number().get(number.split(" (")[0], [])
            if cited_body is None and len(known) == 1:
                cited_body = str(known[0].props.get("body")) or None
            if cited_body is None:
                cited_body = default if default not in (None, SC) else GA
            symbol = symbol_for(cited_body, number) or symbol_for(GA, number)
            if symbol is None:
                continue
            first = (before.start() if before else m.start()) if num.start() == 0 else start
            out.append(Citation(symbol, cited_body, first, m.start("list") + num.end("num"), RULE_NUMBER,
                                _entry(symbol), short=number))
    return out


def _decision_body(said: str | None, number: str, default: str | None) -> str:
    """The body of a decision: as said before it, else by its numbering (the General Assembly numbers its decisions
    from 400, the Human Rights Council from 100), else the council the document speaks of."""
    body = _BODY_WORDS.get(said or "")
    if body in (GA, HRC):
        return body
    serial = int(number.rsplit("/", 1)[1])
    if serial >= 400:
        return GA
    if serial < 400 and (said == "Council" or default == HRC or serial < 200):
        return HRC
    return GA


def _decision_citations(findings: Findings) -> list[Citation]:
    """Decisions by number: "decision 62/503" (General Assembly), "Council decision 2/112" (Human Rights Council)."""
    text = findings.text
    out = []
    default = document_council(findings)
    for m in near(_DECISION, text, ("ecision",), 2, 160):
        before = _BODY_BEFORE.search(text, max(0, m.start() - 60), m.start())
        said = re.sub(r"[ \t]+", " ", before.group("body")) if before else None
        for num in _DEC_IN_LIST.finditer(m.group("list")):
            number = num.group("num")
            body = _decision_body(said, number, default)
            symbol = f"A/HRC/DEC/{number}" if body == HRC else f"A/DEC/{number}"
            first = (before.start() if before else m.start()) if num.start() == 0 else m.start("list") + num.start()
            out.append(Citation(symbol, body, first, m.start("list") + num.end("num"), RULE_DECISION, _entry(symbol),
                                short=number, instrument="decision"))
    return out


_MONTHS = {name: index for index, name in enumerate(calendar.month_name) if name}


def _iso(day_month_year: str) -> str:
    day, month, year = day_month_year.split()
    return f"{year}-{_MONTHS[month]:02d}-{int(day):02d}"


def _statement_citations(text: str) -> list[Citation]:
    """Presidential statements of the Security Council named by their date ("the presidential statement of 20 July
    2000"); those cited by symbol (S/PRST/2001/10) are read with the other symbols."""
    out = []
    for m in near(_STATEMENT, text, ("tatement",), 30, 120):
        date = " ".join(m.group("date").split())
        name = f"Security Council presidential statement of {date}"
        out.append(Citation(name, SC, m.start(), m.end(), RULE_STATEMENT, None, instrument="presidential statement",
                            date=_iso(date)))
    return out


def _phrase_citations(text: str) -> list[Citation]:
    pattern, by_phrase = _phrases()
    if pattern is None:
        return []
    out = []
    for m in near(pattern, text, _phrase_keywords(), 80, 80):
        key = " ".join(re.sub(r"['‘’\"“”]", "", m.group(0)).split()).casefold()
        for entry in by_phrase.get(key, []):
            out.append(Citation(entry.name, str(entry.props.get("body")), m.start(), m.end(), RULE_PHRASE, entry))
    return out


def resolution_node(citation: Citation):
    """The Resolution node of a citation: the reference entry's facts, or what the symbol itself tells."""
    if citation.entry is not None:
        node = reference_node(citation.entry)
    else:
        node = unreviewed_node("Resolution", citation.symbol, node_id("Resolution", citation.symbol))
    props = dict(node.props) if citation.rule == RULE_STATEMENT else {**node.props, "symbol": citation.symbol}
    if citation.body:
        props["body"] = citation.body
    if citation.instrument:
        props["instrument"] = citation.instrument
    if citation.date and "date" not in props:
        props["date"] = citation.date
    aliases = node.aliases
    if citation.short:
        aliases = (*aliases, f"{citation.instrument or 'resolution'} {citation.short}")
    props.pop("cited_as", None)
    return node.model_copy(update={"props": props, "aliases": aliases})


def _body_node(name: str):
    entry = gazetteer().lookup(name)
    return reference_node(entry) if entry is not None else None


def record_citation(findings: Findings, citation: Citation) -> str:
    """Mention, node, ADOPTED_BY and CITES for one citation; returns the resolution's node id."""
    node = findings.mention(resolution_node(citation), citation.start, citation.end, citation.rule)
    evidence = findings.evidence(citation.start, citation.rule, citation.end)
    if citation.body:
        body = _body_node(citation.body)
        if body is not None:
            if body.id not in findings.nodes:
                adopted = findings.evidence(citation.start, RULE_ADOPTED_BY)
                findings.add_node(body.model_copy(update={"evidence": (adopted,)}))
            findings.add_edge(node.node_id, "ADOPTED_BY", body.id, findings.evidence(citation.start, RULE_ADOPTED_BY,
                                                                                     citation.end))
    findings.add_edge(findings.document, "CITES", node.node_id, evidence)
    return node.node_id


def paragraph_number(main: str, letter: str | None) -> str:
    return f"{main}({letter})" if letter else main


def _expand(list_text: str) -> list[str]:
    """"5, 6 and 7" -> 5, 6, 7; "8-10" -> 8, 9, 10; "5 (f)" and "5f" -> 5(f)."""
    items = [(m.group(1), m.group(2) or m.group(3), m.end()) for m in _PARA_IN_LIST.finditer(list_text)]
    numbers = []
    for index, (main, letter, end) in enumerate(items):
        numbers.append(paragraph_number(main, letter))
        if index + 1 < len(items) and re.match(r"[ \t]*(?:to|-|–)[ \t]*", list_text[end:]) and not letter:
            nxt = int(items[index + 1][0])
            numbers.extend(str(n) for n in range(int(main) + 1, min(nxt, int(main) + 30)))
    return numbers


def paragraph_node(symbol: str, resolution_id: str, number: str, placement: str | None, **props):
    """A Paragraph node: its id from the resolution's symbol and its number; ``type`` preambular or operative."""
    node = unreviewed_node("Paragraph", f"{symbol}, paragraph {number}", node_id("Paragraph", f"{symbol} {number}"),
                           number=number, resolution=symbol, type=placement, **props)
    return node.model_copy(update={"reviewed": True})


def _resolution_for(findings: Findings, citations: list[Citation], start: int, end: int,
                    own: Citation | None) -> Citation | None:
    """The resolution a paragraph reference at ``start:end`` belongs to."""
    text = findings.text
    sentence = findings.sentence_at(start)
    near = [c for c in citations if end <= c.start <= end + 60]
    after = [c for c in near if _OF_RESOLUTION.match(text[end:c.start]) is not None] or [
        c for c in near if _OF_RESOLUTION.fullmatch(_BODY_WORDS_AT_END.sub("", text[end:c.start]))]
    if after:
        return after[0]
    before = [c for c in citations if c.end <= start]
    in_sentence = [c for c in before if c.start >= sentence.start]
    if in_sentence:
        return in_sentence[-1]
    if own is not None:
        return own
    return before[-1] if before else None


def _paragraph_references(findings: Findings, citations: list[Citation], own: Citation | None) -> None:
    text = findings.text
    for m in near(_PARAGRAPH, text, ("aragraph", "para", "Para", "OP", "PP"), 14, 120):
        kind: str | None
        if m.group("op"):
            kind = "operative" if m.group("op") == "OP" else "preambular"
            numbers = _expand(m.group("one"))
        else:
            kind = m.group("kind").lower() if m.group("kind") else None
            numbers = _expand(m.group("list"))
        citation = _resolution_for(findings, citations, m.start(), m.end(), own)
        if citation is None:
            findings.skipped.append(f"paragraph reference {m.group(0)!r} at {m.start()}: no resolution cited before it")
            continue
        resolution_id = record_citation(findings, citation) if citation is not own else node_id("Resolution",
                                                                                              citation.symbol)
        evidence = findings.evidence(m.start(), RULE_PARAGRAPH, m.end())
        for number in numbers:
            node = findings.mention(paragraph_node(citation.symbol, resolution_id, number, kind), m.start(), m.end(),
                                    RULE_PARAGRAPH)
            findings.add_edge(node.node_id, "PART_OF", resolution_id, evidence)
            findings.add_edge(findings.document, "CITES", node.node_id, evidence)


def _own_symbol(text: str, body: str, opener: int) -> Citation | None:
    """The symbol of a resolution text: a full symbol in its head, or "45/31. Title" / "Resolution 2282 (2016)"."""
    head = text[:max(opener, 0) + 1]
    full = next(iter(_symbol_citations(head)), None)
    if full is not None:
        return Citation(full.symbol, body, full.start, full.end, RULE_STRUCTURE, full.entry)
    m = re.search(r"^(?:Resolution[ \t]+)?(?P<num>(?:S-)?\d{1,4}(?:/\d{1,3})?(?:[ \t]*\(\d{4}\))?)\.?(?:[ \t]|$)",
                  head, re.MULTILINE)
    if m is None:
        return None
    symbol = symbol_for(body, m.group("num"))
    return Citation(symbol, body, m.start("num"), m.end("num"), RULE_STRUCTURE, _entry(symbol)) if symbol else None


def split_resolution(findings: Findings, found: ResolutionFindings) -> Citation | None:
    """Split a resolution text into its preambular and operative paragraphs and sub-paragraphs."""
    text = findings.text
    opener = _PREAMBLE_OPENER.search(text[:3000])
    if opener is None:
        return None
    body = _BODY_WORDS[re.sub(r"[ \t]+", " ", opener.group("body"))]
    own = _own_symbol(text, body, opener.start())
    if own is None:
        findings.skipped.append("resolution text: no symbol or number in its head, paragraphs not split")
        return None
    resolution_id = record_citation(findings, own)
    found.resolution = resolution_id
    preambular = operative = sub_index = 0
    current: str | None = None
    in_list = False
    for line in re.finditer(r"[^\n]+", text[opener.end():]):
        start, end = opener.end() + line.start(), opener.end() + line.end()
        body_text = line.group(0)
        sub = _SUBPARAGRAPH.match(body_text)
        op = _OPERATIVE.match(body_text)
        if current is not None and sub is not None and (sub.group("letter") or in_list):
            letter = sub.group("letter") or _LETTERS[sub_index % len(_LETTERS)]
            sub_index += 1
            number, kind, in_list = paragraph_number(current, letter), "operative", True
        elif operative == 0 and _PREAMBULAR.match(body_text):
            preambular += 1
            number, kind = f"PP{preambular}", "preambular"
        elif op is not None:
            operative = int(op.group("num")) if op.group("num") else operative + 1
            current = number = str(operative)
            kind, sub_index, in_list = "operative", 0, body_text.rstrip().endswith(":")
        else:
            continue
        node = paragraph_node(own.symbol, resolution_id, number, kind, text=body_text[:2000])
        findings.mention(node, start, end, RULE_STRUCTURE)
        findings.add_edge(node.id, "PART_OF", resolution_id, findings.evidence(start, RULE_STRUCTURE, end))
        found.structure[node.id] = (start, end)
    return own


def recognise_resolutions(findings: Findings) -> ResolutionFindings:
    """Run the resolution and paragraph rules over ``findings.text`` (entity mentions already recorded)."""
    found = ResolutionFindings()
    mentions = sorted(findings.mentions, key=lambda m: m.start)
    citations = sorted(_symbol_citations(findings.text) + _number_citations(findings, mentions)
                       + _decision_citations(findings) + _statement_citations(findings.text)
                       + _phrase_citations(findings.text), key=lambda c: (c.start, c.symbol))
    own = split_resolution(findings, found)
    for citation in citations:
        if own is not None and citation.symbol == own.symbol and citation.start <= own.end:
            continue
        record_citation(findings, citation)
    found.citations = citations
    _paragraph_references(findings, citations, own)
    recognise_reports(findings)
    return found
