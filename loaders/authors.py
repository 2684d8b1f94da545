"""Who speaks in a document's first person: the author its heading names.

Reports of an office, letters of States and statements open with a line that says whose
they are: "Report of the Secretary-General", "Letter dated 2 May 2024 from the Permanent
Representatives of Malta and Mozambique to the United Nations addressed to ...",
"Statement by the representative of Norway", "Remarks by the High Commissioner". In their
text the author speaks as "I" ("I encourage the Commission to request briefings from the
Office") or, for States, as "we" and "my delegation" ("We have the honour to transmit ...",
"we call on the Council to ..."). :func:`first_person` turns each such word into a mention
of the author, so every flow rule reads "I" as it reads the author's name.

A meeting's report or concept note speaks of "the organisers" ("the co-organisers will transmit the
recommendations to ..."): :func:`organiser_mentions` reads them as the organisers the document names.

A body writes its reports in the third person ("the Commission decided"), so its "we" is
not read; nor is an office's "we", which is the Organization speaking ("we must do
better"), not the office. A document whose heading names no author has no first person.
"""

from __future__ import annotations

import re

from prevgraph.loaders.findings import Findings
from prevgraph.loaders.meetings import title_block
from prevgraph.loaders.model import Mention

RULE_FIRST_PERSON = "first-person"
RULE_ORGANISERS = "the-organisers"

_AUTHOR_KINDS = frozenset({"Office", "State", "Body"})
#: the words of a heading that name its author after "of", "by" or "from" (title lines may run together)
_AUTHOR_LINE = re.compile(
    r"(?<![\w-])(?:(?:Annual|Special|Interim|Joint|Final|Progress|Opening|Closing|Keynote|Introductory)\s+"
    r"(?i:report|note|letter|statement|remarks|message|address|speech|briefing)|"
    r"Report|Note|Letter|Identical\s+letters|Statement|Remarks|Message|Address|Speech|Briefing)s?\b"
    r"[^\n]{0,80}?\b(?:of|by|from)\s+"
)

#: what may stand between "from"/"by" and the author's name ("the Permanent Representatives of")
_FILLER = re.compile(
    r"^(?:\s*(?:the|his|her|excellency|permanent|deputy|acting|representatives?|chargés?|d['’]affaires|a\.i\.|"
    r"delegations?|missions?|government|of|and|,))*\s*$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$", re.IGNORECASE)
#: "I" before a verb, not a numeral ("Annex I", "Part I of", "I. Introduction")
_I = re.compile(r"(?<![\w.’'-])(?<!Annex )(?<!Part )(?<!Chapter )(?<!Section )(?<!Phase )(?<!Table )"
                r"(?<!Volume )(?<!Title )(?<!Article )I(?=[ \t]+(?:[a-z]|am\b))")
#: "in which the Council requested me to report": the author as the object of a verb
_ME = re.compile(r"(?<![\w’'-])me\b")
_US = re.compile(r"(?<![\w’'-])us\b")
_WE = re.compile(r"(?<![\w’'-])(?:[Ww]e(?=[ \t]+[a-z])|[Mm]y[ \t]+(?:delegation|country|Government)|"
                 r"[Oo]ur[ \t]+(?:delegation|country|Government))\b")


def document_authors(findings: Findings) -> tuple[Mention, ...]:
    """The actors the heading names as the document's authors (none when no heading line names one)."""
    text = findings.text
    for start, end in title_block(text):
        if text[start:end].rstrip().endswith("."):
            continue  # a sentence, not a heading ("Briefings are expected from the Secretary-General.")
        line = _AUTHOR_LINE.search(text, start, end)
        if line is None:
            continue
        named = sorted((m for m in findings.mentions if line.end() <= m.start and m.end <= end
                        and m.kind in _AUTHOR_KINDS), key=lambda m: m.start)
        if not named or not _FILLER.match(text[line.end():named[0].start]):
            continue
        authors = [named[0]]
        for mention in named[1:]:
            if not _COORDINATION.match(text[authors[-1].end:mention.start]):
                break
            authors.append(mention)
        return tuple(authors)
    return ()


def first_person(text: str, authors: tuple[Mention, ...]) -> list[Mention]:
    """A mention of the author for every "I" (one office or State writing) and every "we", "my delegation",
    "our country" (States writing) of ``text``; for several authors the first, standing for the others too."""
    kinds = {a.kind for a in authors}
    patterns: list[re.Pattern[str]] = []
    if len(authors) == 1 and kinds <= {"Office", "State"}:
        patterns.extend((_I, _ME))
    if kinds == {"State"}:
        patterns.extend((_WE, _US))
    first, others = authors[0] if authors else None, authors[1:]
    return [Mention(first.node_id, first.kind, m.start(), m.end(), m.group(0), RULE_FIRST_PERSON, also=others)
            for pattern in patterns for m in pattern.finditer(text) if first is not None]


#: "the organisers", "the co-organizers", "the hosts": the meeting's organisers, as the document names them
_ORGANISERS = re.compile(r"\b[Tt]he[ \t]+(?:co-?)?(?:organi[sz]ers|hosts|conveners|convenors)\b")


def organiser_mentions(text: str, organisers: tuple[Mention, ...]) -> list[Mention]:
    """A mention of the meeting's organisers for every "the organisers" ("the co-organisers will transmit the
    recommendations to ..."): the first, standing for the others too, as for several authors."""
    if not organisers:
        return []
    first, others = organisers[0], tuple(o for o in organisers[1:] if o.node_id != organisers[0].node_id)
    return [Mention(first.node_id, first.kind, m.start(), m.end(), m.group(0), RULE_ORGANISERS, also=others)
            for m in _ORGANISERS.finditer(text)]

