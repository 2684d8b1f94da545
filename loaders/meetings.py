"""Meetings: what a document says about the meeting it belongs to, and meetings it names.

A concept note, an event page, a meeting report or a background paper belongs to one
meeting. Rules (names as in the evidence):

- ``document-genre``: the genre from the head of the document ("Concept note",
  "Meeting report", "Background paper", a preamble "The Human Rights Council,", ...).
- ``meeting-title``: the title a meeting goes by: a quoted title after a meeting word
  ("Policy Dialogue on 'The ...'"), else the heading of the document ("... report of
  transatlantic roundtable on prevention" gives "transatlantic roundtable on
  prevention"). Documents of one meeting meet at one node because its id comes from
  that title with case, quotes and the meeting word stripped; a document that gives no
  title is matched to a known meeting of the same kind and organisers
  (:class:`MeetingIndex`).
- ``meeting-date``: "Monday and Tuesday 23 & 24 November 2020", "Wednesday 15 – Friday
  17 January 2020", "20 FEBRUARY 2023", "November 23-24, 2020" -> ISO start and end.
- ``meeting-organiser``: hosts, co-organisers, partners and supporters ("hosted by",
  "X, together with Y, hosted", "in partnership with", "with the support of", "This
  X roundtable"), and an organisers line under the title.
- ``meeting-size``, ``meeting-rule``, ``meeting-format``, ``meeting-venue``: "around
  75 experts", "up to 55 people"; Chatham House, off the record, non-attributable;
  digital, online, hybrid; a named house or hall.
- ``breakout-group``: "three parallel breakout groups", "break-out group 2: 'theme'".
- ``meeting-name``: meetings named in passing ("the 52nd session of the Human Rights
  Council", "its tenth session" after the Peacebuilding Commission, "the sixty-second
  session" in a sentence about the General Assembly, "the 7680th meeting" of the
  Security Council, "the Glion Human Rights Dialogue").
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from prevgraph.loaders.findings import Findings, unreviewed_node
from prevgraph.loaders.model import Mention
from prevgraph.loaders.scan import near, run_before
from prevgraph.schema import Node, node_id, slugify

RULE_GENRE = "document-genre"
RULE_TITLE = "meeting-title"
RULE_DATE = "meeting-date"
RULE_ORGANISER = "meeting-organiser"
RULE_SIZE = "meeting-size"
RULE_RULE = "meeting-rule"
RULE_FORMAT = "meeting-format"
RULE_VENUE = "meeting-venue"
RULE_BREAKOUT = "breakout-group"
RULE_NAMED = "meeting-name"
RULE_DOCUMENT = "document-of-meeting"

MEETING_GENRES = frozenset({"concept_note", "meeting_report", "event_page", "background_paper", "programme"})

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_WORDS = tuple(w for name in calendar.month_abbr if name for w in (name, name.upper()))
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?:{_WEEKDAY},?[ \t]+(?:(?:and|&|-|–|to)[ \t]+{_WEEKDAY},?[ \t]+)?)?(?P<d1>\d{{1,2}}){_ORDINAL}(?:[ "
    rf"\t]+(?P<m1>{_MONTH}))?"
    rf"(?:[ \t]*(?:-|–|—|to|until|and|&)[ \t]*(?:{_WEEKDAY},?[ \t]+)?(?P<d2>\d{{1,2}}){_ORDINAL})?[ "
    rf"\t]+(?P<m2>{_MONTH}),?[ \t]+(?P<y>\d{{4}})"
    rf"|(?:{_WEEKDAY},?[ \t]+)?(?P<bm>{_MONTH})[ \t]+(?P<bd1>\d{{1,2}}){_ORDINAL}(?:[ \t]*(?:-|–|to|and|&)[ "
    rf"\t]*(?P<bd2>\d{{1,2}}){_ORDINAL})?,[ \t]+(?P<by>\d{{4}})",
    re.IGNORECASE,
)
_MEETING_WORD = (
    r"(?:policy[ \t]+|high-level[ \t]+|expert[ \t]+|informal[ \t]+|digital[ \t]+|virtual[ \t]+|online[ \t]+)?"
    r"(?:dialogue|round[ \t-]?table|conference|workshop|seminar|retreat|symposium|consultation|forum|"
    r"webinar|"
    r"side[ \t]+event|panel[ \t]+discussion|expert[ \t]+meeting|meeting|summit)"
)
_QUOTED_TITLE = re.compile(
    rf"(?P<type>{_MEETING_WORD})[ \t]*(?:\n\n)?(?:(?:on|entitled|titled|to[ \t]+discuss|on[ \t]+the[ \t]+theme)[ "
    r"\t]+)?:?[ \t]*"
    r"[‘'\"“](?P<title>[^\n\"“”]{8,300}?)[’'\"”](?=[ \t]*(?:$|\n|[.,;:)]|[ \t]+[A-Za-z]))",
    re.IGNORECASE,
)
_GENRE_LINES = (
    ("concept_note", re.compile(r"^concept[ \t]+note\b", re.I)),
    ("meeting_report", re.compile(r"^(?:meeting|summary|event|workshop|conference|outcome)[ \t]+report\b"
                                  r"|^report[ \t]+of[ \t]+the\b|^summary[ \t]+of[ \t]+discussions?\b"
                                  r"|^summary[ \t]+of[ \t]+(?:a|an|the)[ \t]+"
                                  r"(?:side[ \t]+|high-level[ \t]+|informal[ \t]+)?"
                                  r"(?:event|meeting|workshop|roundtable|retreat|dialogue|seminar|panel|consultation)s?\b",
                                  re.I)),
    ("background_paper", re.compile(r"^background[ \t]+(?:paper|note)\b|^discussion[ \t]+paper\b", re.I)),
    ("programme", re.compile(r"^(?:draft[ \t]+)?(?:programme|program|agenda)$", re.I)),
    ("press_release", re.compile(r"^press[ \t]+release\b|^meetings[ \t]+coverage\b|^(?:SC|GA|HRC|SG/SM)/\d+", re.I)),
    ("statement", re.compile(r"^(?:joint[ \t]+)?statement\b|^(?:Mr\.?|Madam|Madame)[ \t]+(?:President|Chair)\b", re.I)),
)
_EVENT_PAGE = re.compile(
    r"Share this event|Add to calendar|Register (?:now|here)|Documents are available below|Event details",
    re.I
)
_REPORT_OF = re.compile(r"\breport[ \t]+(?:of|on|from)[ \t]+(?:the[ \t]+|a[ \t]+)?(?P<rest>.+)$", re.I)
_ORGANISER_CUES = re.compile(
    r"(?P<partner>in[ \t]+partnership[ \t]+with|partners?[ \t]+(?:are|include)|partnered[ \t]+with)"
    r"|(?P<support>with[ \t]+the[ \t]+(?:generous[ \t]+)?support[ \t]+of|supported[ \t]+by|funded[ \t]+by|with[ "
    r"\t]+funding[ \t]+from|sponsored[ \t]+by)"
    r"|(?P<co>together[ \t]+with|jointly[ \t]+with|in[ \t]+(?:cooperation|collaboration|association)[ \t]+with|"
    r"co-?(?:organi[sz]ed|hosted|convened)[ \t]+by)"
    r"|(?P<by>(?:hosted|organi[sz]ed|convened)[ \t]+by)"
    r"|(?P<verb>\b(?:co-?)?(?:hosted|convened|organi[sz]ed|co-organi[sz]ed|will[ \t]+(?:host|convene|organi[sz]e)|"
    r"hosts|convenes|organi[sz]es)\b)",
    re.IGNORECASE,
)
_MEETING_OR_EVENT = re.compile(rf"{_MEETING_WORD}|\bevent\b", re.IGNORECASE)
_THIS_MEETING = re.compile(
    rf"\b(?:[Tt]his|[Tt]he)[ \t]+(?:[\w'’\[\]()#-]+[ \t]+){{0,3}}?{_MEETING_WORD}", re.IGNORECASE
)
_SIZE = re.compile(
    r"(?P<q>around|some|about|approximately|over|more[ \t]+than|nearly|up[ \t]+to|almost|at[ \t]+least)?[ "
    r"\t]*(?P<n>\d{1,4})[ \t]+"
    r"(?:[\w-]+[ \t]+){0,4}?(?:participants|people|experts|representatives|delegates|practitioners|attendees|"
    r"stakeholders|"
    r"policymakers|policy-makers|diplomats|officials)\b",
    re.IGNORECASE,
)
_SIZE_CUE = re.compile(
    r"\b(?:convene|brought[ \t]+together|bring[ \t]+together|gather|attended|participants|will[ \t]+convene|"
    r"took[ \t]+part|joined)\b", re.I
)
NON_ATTRIBUTION = re.compile(
    r"(?P<chatham>Chatham[ \t]+House['’]?[ \t]+[Rr]ule)|(?P<off>off[ \t-]the[ \t-]record)|(?P<non>non-attribut\w+)",
    re.IGNORECASE
)
_FORMAT = re.compile(r"\b(?P<f>digital|virtual|online|hybrid|in-person|in[ \t]+person)\b", re.I)
_VENUE_LINE = re.compile(
    r"^(?:[A-Z][\w'’-]+[ \t]+){0,3}(?:House|Hall|Castle|Château|Palace|Hotel|Palais[ \t]+des[ \t]+Nations)$"
)
_VENUE_AT = re.compile(
    r"\b(?:at|in)[ \t]+(?:the[ \t]+)?(?P<v>Palais[ \t]+des[ \t]+Nations|(?:United[ \t]+Nations|UN)[ \t]+Headquarters|"
    r"(?:[A-Z][\w'’-]+[ \t]+){1,2}House)\b"
)
_CODE = re.compile(r"\|[ \t]*(?P<code>[A-Z]{2,5}\d{2,6})\b")
_BREAKOUT_COUNT = re.compile(
    r"\b(?P<n>two|three|four|five|six|\d)[ \t]+(?:parallel[ \t]+|thematic[ \t]+|separate[ \t]+)?break-?out[ \t]+group"
    r"s\b",
    re.I
)
_BREAKOUT = re.compile(
    r"\bbreak-?out[ \t]+(?:group|session)[ \t]+(?P<n>\d{1,2}|[IVX]{1,4})\b(?:[ \t]*[:–-][ "
    r"\t]*(?:\n\n)?[‘'\"“]?(?P<theme>[^\n\"“”]{5,250}?)"
    r"[’'\"”]?(?=[ \t]*(?:$|\n)))?",
    re.IGNORECASE,
)
_ORGANISER_WORDS = ("host", "Host", "HOST", "onven", "rgani", "artner", "upport", "unded", "unding", "ponsor",
                    "ogether", "ointly", "ooperation", "ollaboration", "ssociation")
_MEETING_WORDS = ("ialogue", "ound", "onference", "orkshop", "eminar", "etreat", "ymposium", "onsultation", "orum",
                  "ebinar", "vent", "eeting", "ummit", "iscussion")
_SIZE_WORDS = ("participants", "people", "experts", "representatives", "delegates", "practitioners", "attendees",
               "stakeholders", "policymakers", "policy-makers", "diplomats", "officials")
NON_ATTRIBUTION_WORDS = ("Chatham", "CHATHAM", "record", "RECORD", "ttribut", "TTRIBUT")
_BREAKOUT_WORDS = ("reak-out", "reakout", "REAK-OUT", "REAKOUT", "reak out")
_NAMED_HEAD_WORDS = ("Dialogue", "Conference", "Summit", "Retreat", "Symposium", "Round", "Forum")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
          "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|" + "|".join(_UNITS) + ")"
)
_ORD = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORD})"
_SESSION_HOLDERS = (r"Human[ \t]+Rights[ \t]+Council|General[ \t]+Assembly|Peacebuilding[ \t]+Commission|"
                    r"Commission[ \t]+on[ \t]+Human[ \t]+Rights")
_SESSION = re.compile(
    rf"\b(?P<ord>{_ORD})[ \t]+(?P<special>regular[ \t]+|special[ \t]+|resumed[ \t]+)?[Ss]ession[ \t]+of[ \t]+the[ \t]+"
    rf"(?:UN[ \t]+|United[ \t]+Nations[ \t]+)?(?P<body>{_SESSION_HOLDERS}|Council|Assembly|Commission)\b"
    rf"|\b(?P<body2>HRC|PBC|{_SESSION_HOLDERS}|UNGA|Council|Assembly|Commission|its)['’]?s?[ "
    rf"\t]+(?P<ord2>{_ORD})[ \t]+"
    r"(?P<special2>regular[ \t]+|special[ \t]+)?session\b"
    r"|\bHRC[ \t]?(?P<ord3>\d{2})\b"
    # "the sixty-second session" alone: the body is the one the sentence named before it
    rf"|\bthe[ \t]+(?P<ord4>{_ORD})[ \t]+(?P<special4>regular[ \t]+|special[ \t]+)?session\b(?![ \t]+of\b)",
    re.IGNORECASE,
)
#: a body's numbered meeting: "the 7680th meeting of the Security Council", "at its 89th plenary meeting"
_NUMBERED_MEETING = re.compile(
    r"(?:(?P<its>\bits|(?:Security[ \t]+Council|General[ \t]+Assembly|Human[ \t]+Rights[ \t]+Council|Council|"
    r"Assembly|Commission)['’]s)[ \t]+)?"
    r"\b(?P<num>\d{1,5})(?:st|nd|rd|th)[ \t]+(?P<plenary>plenary[ \t]+)?[Mm]eeting\b"
    r"(?:[ \t]+of[ \t]+the[ \t]+(?P<body>Security[ \t]+Council|General[ \t]+Assembly|Human[ \t]+Rights[ \t]+Council|"
    r"Peacebuilding[ \t]+Commission|Economic[ \t]+and[ \t]+Social[ \t]+Council))?"
)
#: the verbatim record of a meeting of the Security Council, which names the meeting: "S/PV.8209"
_RECORD = re.compile(r"(?<![\w/])S/PV\.(?P<num>\d{3,5})(?![\w/])")
#: an informal meeting of Security Council members, named by its topic: "an Arria-formula meeting on ..."
_ARRIA = re.compile(
    r"\b(?P<name>Arria[ \t-]+[Ff]ormula[ \t]+meeting[ \t]+on[ \t]+(?:the[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+){0,9}?)"
    r"(?=[ \t]*(?:[,.;:\n]|$|[ \t]+(?:convened|held|organi[sz]ed|hosted|with|that|which|in[ \t]+\d)))"
)
#: bodies whose sessions and meetings are numbered, as mentioned before a session or meeting that does not name one
_NUMBERING_BODIES = ("Human Rights Council", "General Assembly", "Peacebuilding Commission",
                     "Commission on Human Rights", "Security Council", "Economic and Social Council")
_DEBATE = re.compile(
    r"\b(?P<name>(?:Security|Human[ \t]+Rights)[ \t]+Council[ \t]+(?:open[ \t]+|high-level[ \t]+|annual[ \t]+|"
    r"ministerial[ \t]+)?"
    r"(?:debate|briefing|interactive[ \t]+dialogue|panel[ \t]+discussion)[ \t]+on[ \t]+[a-z][\w-]*(?:[ \t]+(?:and|of|"
    r"the|in|for)?[ \t]*"
    r"[a-z][\w-]*){0,6}?)(?=[ \t]*(?:[:,.;\n]|$))"
)
_NAMED_HEAD = re.compile(r"(?<![\w-])(?:Dialogues?|Conference|Summit|Retreat|Symposium|Round[ \t]?[Tt]able|Forum)\b")
_NAMED_WORD = re.compile(r"[A-Z][\w'’-]+")
#: words that make a name an event rather than an organisation ("met at the Paris Peace Forum")
_AT_EVENT = re.compile(r"\b(?:at|during|attended|margins[ \t]+of|ahead[ \t]+of)[ \t]+the[ \t]+$")
_NAMED_STOP = frozenset(["The", "A", "An", "This", "That", "These", "In", "At", "On", "For", "By", "With", "From",
                         "To", "As", "Our", "Its", "Their", "Policy", "Each", "Annual"])


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    iso_start: str
    iso_end: str


@dataclass
class MeetingFacts:
    """What a document says about its own meeting, before the meeting has an id."""

    title: str | None = None
    title_at: tuple[int, int] | None = None
    type: str | None = None
    date: DateSpan | None = None
    organisers: list[tuple[Mention, str, int]] = field(default_factory=list)
    size: tuple[int, str | None, int] | None = None
    rule: tuple[str, int] | None = None
    format: tuple[str, int] | None = None
    venue: tuple[str, int] | None = None
    code: str | None = None
    breakout_count: tuple[int, int] | None = None
    breakouts: list[tuple[str, str | None, int, int]] = field(default_factory=list)

    def key(self) -> str:
        """The canonical key of the meeting: its title, else its kind, dates and organisers.

        Every document of a meeting that gives its title computes the same key, whatever
        else it says (a background paper gives no dates). A document without a title gets
        a provisional key from what it does say, until a titled document of the same
        meeting claims it (:class:`MeetingIndex`, ``pipeline.relink``).
        """
        if self.title:
            return canonical_title(self.title)
        lead = " ".join(sorted(i.split(":", 1)[1] for i in self.organiser_ids)) or "unknown organiser"
        when = self.date.iso_start if self.date else ""
        return slugify(f"{self.type or 'meeting'} {when} {lead}")

    @property
    def organiser_ids(self) -> set[str]:
        return {m.node_id for m, _role, _at in self.organisers}


def canonical_title(title: str) -> str:
    """The title with quotes, case and a leading meeting word stripped, as a slug: two names of one meeting meet."""
    text = re.sub(r"[‘’'\"“”]", "", title)
    text = re.sub(rf"^(?:the[ \t]+)?{_MEETING_WORD}[ \t]+(?:on|of)[ \t]+", "", text.strip(), flags=re.I)
    return slugify(text)


def parse_dates(text: str, start: int = 0, end: int | None = None) -> list[DateSpan]:
    """Every date or date range in ``text[start:end]`` as ISO start and end."""
    out = []
    for m in near(_DATE, text, _MONTH_WORDS, 40, 30, start, end):
        if m.group("y"):
            year, month2 = int(m.group("y")), _MONTHS[m.group("m2").lower().rstrip(".")]
            month1 = _MONTHS[m.group("m1").lower().rstrip(".")] if m.group("m1") else month2
            d1 = int(m.group("d1"))
            d2 = int(m.group("d2")) if m.group("d2") else None
        else:
            year, month1 = int(m.group("by")), _MONTHS[m.group("bm").lower().rstrip(".")]
            month2, d1 = month1, int(m.group("bd1"))
            d2 = int(m.group("bd2")) if m.group("bd2") else None
        if not 1 <= d1 <= 31 or (d2 is not None and not 1 <= d2 <= 31):
            continue
        first = f"{year:04d}-{month1:02d}-{d1:02d}"
        last = f"{year:04d}-{month2:02d}-{d2:02d}" if d2 else first
        out.append(DateSpan(m.start(), m.end(), first, last))
    return out


def title_block(text: str) -> list[tuple[int, int]]:
    """The heading lines at the top of a document: short lines before the first long paragraph."""
    lines = []
    for m in re.finditer(r"[^\n]+", text[:4000]):
        line = m.group(0)
        if len(line) > 300 or (len(line) > 160 and line.rstrip().endswith(".")):
            break
        lines.append((m.start(), m.end()))
        if len(lines) >= 10:
            break
    return lines


def document_genre(text: str) -> str:
    """resolution, meeting_report, concept_note, background_paper, programme, press_release, statement, event_page
    or other."""
    if re.search(r"^(?:The[ \t]+)?(?:Human[ \t]+Rights[ \t]+Council|General[ \t]+Assembly|Security[ \t]+Council)"
                 r"[ \t]*,[ \t]*$", text[:3000], re.MULTILINE):
        return "resolution"
    for start, end in title_block(text)[:6]:
        line = text[start:end].strip().lstrip("#*_ \t")  # a Markdown heading: "# Concept Note"
        for genre, pattern in _GENRE_LINES:
            if pattern.search(line):
                return genre
    if next(near(_EVENT_PAGE, text, ("event", "Event", "calendar", "Register", "Documents"), 30, 40), None):
        return "event_page"
    return "other"


def _title_from_heading(text: str, block: list[tuple[int, int]], genre: str) -> tuple[str, int, int] | None:
    """The first heading line that is neither a genre label, a date, a venue nor an organisers line."""
    for start, end in block:
        line = text[start:end].strip()
        marks = len(line) - len(line.lstrip("#*_ \t"))  # a Markdown heading's marks are no part of the title
        line, start = line[marks:], start + (len(text[start:end]) - len(text[start:end].lstrip())) + marks
        if _ORGANISERS_LINE.match(line):
            continue
        if any(p.search(line) for _g, p in _GENRE_LINES) and not _REPORT_OF.search(line):
            continue
        capitals = re.fullmatch(r"[A-Z ]{3,40}", line) and genre != "meeting_report"
        if parse_dates(line) or _VENUE_LINE.match(line) or capitals:
            continue
        if len(line.split()) < 2 or line.endswith("."):
            continue
        of = _REPORT_OF.search(line)
        if of is not None:
            return of.group("rest").strip(" :"), start + of.start("rest"), end
        return line, start, end
    return None


def _meeting_type(text: str) -> str | None:
    m = re.search(_MEETING_WORD, text, re.IGNORECASE)
    if m is None:
        return None
    word = re.sub(r"[ \t-]+", " ", m.group(0).lower()).replace("round table", "roundtable")
    return re.sub(r"^(?:policy|digital|virtual|online|informal|expert|high level) ", "", word)


#: a heading line that names the organisers: "Organised by ...", "**Co-organisers:** ...", "Hosted by ..."
_ORGANISERS_LINE = re.compile(r"^[\s*_#-]*(?:co-?)?(?:organi[sz]ed|hosted|convened)\s+by\b|"
                              r"^[\s*_#-]*(?:co-?)?(?:organi[sz]ers|hosts|conveners|convenors)\s*[*_]*\s*:",
                              re.IGNORECASE)


def _organisers(findings: Findings, facts: MeetingFacts, mentions: list[Mention], block: list[tuple[int, int]]) -> None:
    text = findings.text
    actors = [m for m in mentions if m.kind in ("Organization", "Body", "Office", "State")]
    starts = [m.start for m in actors]
    cues_in: dict[int, list[re.Match[str]]] = {}
    for cue in near(_ORGANISER_CUES, text, _ORGANISER_WORDS, 12, 40):
        cues_in.setdefault(findings.sentence_at(cue.start()).start, []).append(cue)
    this_in = {findings.sentence_at(m.start()).start: m for m in near(_THIS_MEETING, text, _MEETING_WORDS, 80, 20)}
    for sentence in findings.sentences:
        cues, this_meeting = cues_in.get(sentence.start, []), this_in.get(sentence.start)
        if not cues and this_meeting is None:
            continue
        inside = actors[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        if cues and _MEETING_OR_EVENT.search(text, sentence.start, sentence.end):
            for mention in inside:
                role = _role(cues, mention)
                if role is not None:
                    facts.organisers.append((mention, role, sentence.start))
        elif this_meeting is not None:
            for mention in inside:
                gap = text[mention.end:this_meeting.end()]
                if mention.start >= this_meeting.start() and _MEETING_OR_EVENT.search(gap) and len(gap) < 40:
                    facts.organisers.append((mention, "host", sentence.start))
    for start, end in block:
        line = text[start:end]
        labelled = _ORGANISERS_LINE.match(line)
        if labelled is not None:  # "Organised by the Permanent Missions of Norway and Timor-Leste and ..."
            role = "co-organiser" if labelled.group(0).lower().lstrip("*_ ").startswith("co") else "host"
            on_line = actors[bisect_left(starts, start):bisect_left(starts, end)]
            facts.organisers.extend((m, role, start) for m in on_line)
            continue
        on_line = [m for m in actors[bisect_left(starts, start):bisect_left(starts, end)] if m.kind == "Organization"]
        rest = line
        for m in on_line:
            rest = rest.replace(m.surface, "")
        if on_line and not re.search(r"[A-Z]", re.sub(r"\b(?:Geneva|New York|Office|Offices)\b", "", rest)) \
                and not parse_dates(line):
            facts.organisers.extend((m, "host", start) for m in on_line)
    seen: dict[str, tuple[Mention, str, int]] = {}
    for item in facts.organisers:
        seen.setdefault(item[0].node_id, item)
    facts.organisers = list(seen.values())


def _role(cues: list[re.Match[str]], mention: Mention) -> str | None:
    """The role a cue gives the actor: the nearest cue before it, else an active verb after it (its subject)."""
    before = [c for c in cues if c.end() <= mention.start]
    if before:
        cue = before[-1]
        kind = cue.lastgroup
        if kind == "partner":
            return "partner"
        if kind == "support":
            return "support"
        if kind == "co":
            return "co-organiser"
        if kind == "by":
            return "host"
        if kind == "verb":
            if len(cues) and any(c.lastgroup == "verb" and c.start() >= mention.end for c in cues):
                return "host"
            return None
    after = [c for c in cues if c.start() >= mention.end and c.lastgroup == "verb"]
    if after:
        verb = after[0].group(0).lower()
        return "co-organiser" if verb.startswith("co") else "host"
    return None


def meeting_facts(findings: Findings, genre: str) -> MeetingFacts | None:
    """What the document says about its own meeting; None if it is not a meeting's document."""
    text = findings.text
    if genre not in MEETING_GENRES:
        return None
    facts = MeetingFacts()
    block = title_block(text)
    head_end = block[-1][1] if block else 0
    quoted = _QUOTED_TITLE.search(text, 0, max(head_end, 2500))
    if quoted is not None:
        facts.title, facts.title_at = quoted.group("title").strip(), (quoted.start(), quoted.end())
        facts.type = _meeting_type(quoted.group("type"))
    else:
        heading = _title_from_heading(text, block, genre)
        if heading is not None:
            facts.title, facts.title_at = heading[0], (heading[1], heading[2])
            facts.type = _meeting_type(heading[0])
    facts.type = facts.type or _meeting_type(text[:6000])
    near_meeting = re.compile(_MEETING_WORD + r"|\bon\b", re.I)
    dates = parse_dates(text, 0, head_end) or [d for d in parse_dates(text, 0, 3000)
                                               if near_meeting.search(text, max(0, d.start - 200), d.end + 200)]
    facts.date = dates[0] if dates else None
    mentions = sorted(findings.mentions, key=lambda m: m.start)
    _organisers(findings, facts, mentions, block)
    _details(findings, facts, block)
    return facts


def _details(findings: Findings, facts: MeetingFacts, block: list[tuple[int, int]]) -> None:
    text = findings.text
    for m in near(_SIZE, text, _SIZE_WORDS, 80, 2):
        sentence = findings.sentence_at(m.start())
        if _SIZE_CUE.search(sentence.text):
            facts.size = (int(m.group("n")), (m.group("q") or "").lower() or None, m.start())
            break
    rule = next(near(NON_ATTRIBUTION, text, NON_ATTRIBUTION_WORDS, 20, 20), None)
    if rule is not None:
        name = ("Chatham House rule" if rule.group("chatham") else "off the record" if rule.group("off")
                else "non-attribution")
        facts.rule = (name, rule.start())
    meeting_word = re.compile(_MEETING_WORD, re.I)
    for m in near(_FORMAT, text, ("igital", "irtual", "nline", "ybrid", "person", "IGITAL", "IRTUAL", "NLINE"), 4, 8):
        if meeting_word.search(text, m.end(), m.end() + 40):
            facts.format = (m.group("f").lower().replace(" ", "-"), m.start())
            break
    for start, end in block:
        if _VENUE_LINE.match(text[start:end].strip()):
            facts.venue = (text[start:end].strip(), start)
        code = _CODE.search(text, start, end)
        if code is not None:
            facts.code = code.group("code")
    if facts.venue is None:
        at = _VENUE_AT.search(text)
        if at is not None:
            facts.venue = (re.sub(r"[ \t]+", " ", at.group("v")), at.start())
    count = next(near(_BREAKOUT_COUNT, text, _BREAKOUT_WORDS, 30, 30), None)
    if count is not None:
        raw = count.group("n").lower()
        facts.breakout_count = (int(raw) if raw.isdigit() else _NUMBER_WORDS[raw], count.start())
    for m in near(_BREAKOUT, text, _BREAKOUT_WORDS, 2, 300):
        number = m.group("n")
        theme = m.group("theme").strip(" ‘’'\"“”") if m.group("theme") else None
        facts.breakouts.append((number, theme, m.start(), m.end()))


def record_meeting(findings: Findings, facts: MeetingFacts, meeting_id: str, document: Node,
                   known_name: str | None = None) -> Node:
    """The Meeting node, its organisers, breakout groups and the document's PART_OF edge.

    A document that gives no title names the meeting by ``known_name`` (the title a
    titled document of the meeting gave it), else by a placeholder of its kind and
    organisers; the placeholder never becomes the name of a titled meeting.
    """
    anchor = facts.title_at[0] if facts.title_at else 0
    props: dict = {"type": facts.type, "title": facts.title, "code": facts.code,
                   "organisers": sorted({m.node_id for m, _r, _a in facts.organisers}) or None}
    evidence = [findings.evidence(anchor, RULE_TITLE, facts.title_at[1] if facts.title_at else None)]
    if facts.date:
        props.update(start_date=facts.date.iso_start, end_date=facts.date.iso_end)
        evidence.append(findings.evidence(facts.date.start, RULE_DATE, facts.date.end))
    for value, key, rule in ((facts.size, "participants", RULE_SIZE), (facts.rule, "rule", RULE_RULE),
                             (facts.format, "format", RULE_FORMAT), (facts.venue, "venue", RULE_VENUE)):
        if value is not None:
            props[key] = value[0]
            evidence.append(findings.evidence(value[-1], rule))
    if facts.size is not None and facts.size[1]:
        props["participants_qualifier"] = facts.size[1]
    if facts.breakout_count is not None:
        props["breakout_groups"] = facts.breakout_count[0]
    organisers = ", ".join(findings.nodes[m.node_id].name for m, _r, _a in facts.organisers[:2])
    placeholder = f"{(facts.type or 'meeting').capitalize()} ({organisers or 'organisers not named'})"
    name = facts.title or known_name or placeholder
    node = unreviewed_node("Meeting", name, meeting_id, **props).model_copy(update={"reviewed": True,
                                                                                   "evidence": tuple(evidence)})
    findings.add_node(node)
    for mention, role, at in facts.organisers:
        findings.add_edge(meeting_id, "ORGANISED_BY", mention.node_id, findings.evidence(at, RULE_ORGANISER),
                          qualifier=role, role=role)
    findings.add_edge(document.id, "PART_OF", meeting_id, findings.evidence(anchor, RULE_DOCUMENT))
    for number, theme, start, end in facts.breakouts:
        group_id = node_id("BreakoutGroup", f"{meeting_id} {number}")
        group = unreviewed_node("BreakoutGroup", f"Breakout group {number}" + (f": {theme}" if theme else ""), group_id,
                                number=number, theme=theme, meeting=meeting_id).model_copy(update={"reviewed": True})
        findings.mention(group, start, end, RULE_BREAKOUT)
        findings.add_edge(group_id, "PART_OF", meeting_id, findings.evidence(start, RULE_BREAKOUT, end))
    return node


def named_meetings(findings: Findings, own: str | None) -> None:
    """Meetings a document names in passing: Council sessions and named dialogues, conferences, summits."""
    text = findings.text
    bodies = sorted((m for m in findings.mentions if m.kind == "Body"
                     and findings.nodes[m.node_id].name in _NUMBERING_BODIES), key=lambda m: m.start)
    for m in near(_SESSION, text, ("ession", "ESSION", "HRC"), 60, 60):
        number = _ordinal_value(m.group("ord") or m.group("ord2") or m.group("ord3") or m.group("ord4"))
        said = re.sub(r"[ \t]+", " ", m.group("body") or m.group("body2") or ("HRC" if m.group("ord3") else ""))
        body = _SESSION_BODIES.get(said.lower()) or _body_in_context(findings, bodies, m.start(), said,
                                                                        alone=m.group("ord4") is not None)
        if body is None or body in ("Security Council", "Economic and Social Council") or number is None:
            continue
        special = "special" in (m.group("special") or m.group("special2") or m.group("special4") or "").lower()
        name = f"{body}, {_ordinal(number)} {'special session' if special else 'session'}"
        node = unreviewed_node("Meeting", name, node_id("Meeting", name), type="special session" if special
                               else "session", body=body, session=number).model_copy(update={"reviewed": True})
        findings.mention(node, m.start(), m.end(), RULE_NAMED)
    numbered_meetings(findings, bodies)
    for m in near(_DEBATE, text, ("Council",), 20, 200):
        name = " ".join(m.group("name").split())
        node = unreviewed_node("Meeting", name, node_id("Meeting", name), type=_meeting_type(name) or "debate")
        findings.mention(node, m.start("name"), m.end("name"), RULE_NAMED)
    named = sorted((m.start, m.end) for m in findings.mentions)
    starts = [start for start, _end in named]
    for head in near(_NAMED_HEAD, text, _NAMED_HEAD_WORDS, 1, 12):
        left = run_before(text, head.start(), _NAMED_WORD, "_'’-", 5, max(0, head.start() - 120))
        at = bisect_left(starts, head.end())
        if left is None or (at and named[at - 1][1] > left
                            and not _AT_EVENT.search(text, max(0, left - 30), left)):
            continue
        words = text[left:head.end()].split()
        while words and words[0] in _NAMED_STOP:
            words.pop(0)
        if len(words) < 2:
            continue
        name = re.sub(r"Dialogues$", "Dialogue", " ".join(words))
        meeting = node_id("Meeting", name)
        if meeting == own:
            continue
        node = unreviewed_node("Meeting", name, meeting, type=_meeting_type(name))
        findings.mention(node, head.end() - len(" ".join(words)), head.end(), RULE_NAMED)


def _body_in_context(findings: Findings, bodies: list[Mention], position: int, said: str, alone: bool) -> str | None:
    """The body a session or meeting that does not name one belongs to: "its", "the Council" or "the Commission"
    (of their kind) is the latest numbering body named earlier in the sentence, else the next one named later in
    it ("At its 3rd meeting, the Peacebuilding Commission ..."), else, unless the session is named alone ("the
    sixty-second session"), the latest one named before."""
    sentence = findings.sentence_at(position)
    head = said.lower() if said.lower() in ("council", "assembly", "commission") else None
    fits = [m for m in bodies if head is None or head in findings.nodes[m.node_id].name.lower()]
    before = [m for m in fits if m.start < position]
    after = [m for m in fits if position < m.start < sentence.end]
    if before and before[-1].start >= sentence.start:
        return findings.nodes[before[-1].node_id].name
    if after:
        return findings.nodes[after[0].node_id].name
    return findings.nodes[before[-1].node_id].name if before and not alone else None


def _meeting_node(body: str, number: int, kind: str) -> Node:
    name = f"{body}, {_ordinal(number)} {kind}"
    return unreviewed_node("Meeting", name, node_id("Meeting", name), type=kind, body=body,
                           meeting_number=number).model_copy(update={"reviewed": True})


def numbered_meetings(findings: Findings, bodies: list[Mention]) -> None:
    """"The 7680th meeting of the Security Council", "at its 89th plenary meeting": a Meeting of that body. With no
    body named, "its" or "the Council's" is the latest such body named before; a bare number of four digits or more
    is a meeting of the Security Council (no other body has held so many)."""
    text = findings.text
    for m in near(_NUMBERED_MEETING, text, ("meeting", "Meeting"), 40, 80):
        number = int(m.group("num"))
        said = re.sub(r"[ \t]+", " ", m.group("body") or "")
        if said:
            body: str | None = said
        elif m.group("its"):
            words = re.sub(r"['’]s$", "", re.sub(r"[ \t]+", " ", m.group("its")))
            body = words if words in _NUMBERING_BODIES else _body_in_context(
                findings, bodies, m.start(), "" if words == "its" else words, alone=False)
        else:
            body = None
        body = body or ("Security Council" if number >= 1000 else None)
        if body is None:
            continue
        node = _meeting_node(body, number, "plenary meeting" if m.group("plenary") else "meeting")
        findings.mention(node, m.start("num") if not m.group("its") else m.start(), m.end(), RULE_NAMED)
    for m in near(_RECORD, text, ("S/PV.",), 1, 12):
        findings.mention(_meeting_node("Security Council", int(m.group("num")), "meeting"), m.start(), m.end(),
                         RULE_NAMED)
    for m in near(_ARRIA, text, ("Arria",), 1, 160):
        name = " ".join(m.group("name").split())
        name = name[:1].upper() + name[1:]
        findings.mention(unreviewed_node("Meeting", name, node_id("Meeting", name), type="Arria-formula meeting"),
                         m.start("name"), m.end("name"), RULE_NAMED)


_SESSION_BODIES = {"hrc": "Human Rights Council", "unga": "General Assembly", "assembly": "General Assembly",
                   "pbc": "Peacebuilding Commission", "peacebuilding commission": "Peacebuilding Commission",
                   "commission on human rights": "Commission on Human Rights",
                   "human rights council": "Human Rights Council", "general assembly": "General Assembly"}


def _ordinal_value(word: str) -> int | None:
    """"45th" -> 45, "fifty-fourth" -> 54, "twentieth" -> 20."""
    word = word.lower()
    digits = re.match(r"\d+", word)
    if digits is not None:
        return int(digits.group(0))
    if word in _UNITS:
        return _UNITS.index(word) + 1
    if word.endswith("ieth"):
        return _TENS.get(word[:-4])
    tens, _, unit = word.partition("-")
    return _TENS[tens[:-1]] + _UNITS.index(unit) + 1 if unit in _UNITS and tens[:-1] in _TENS else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class KnownMeeting:
    """What the index remembers of a meeting: enough to tell whether a document's facts describe it."""

    id: str
    titled: bool
    type: str | None
    organisers: frozenset[str]
    year: str | None

    def matches(self, facts: MeetingFacts) -> bool:
        """Same kind of meeting, a shared organiser, compatible years."""
        year = facts.date.iso_start[:4] if facts.date else None
        return (bool(facts.organiser_ids & self.organisers) and self.type == facts.type
                and (year is None or self.year in (None, year)))


@dataclass(frozen=True)
class Claim:
    """The meeting a document belongs to, the name to give it, and the untitled meetings it turns out to be."""

    meeting: str
    name: str | None = None
    #: ids of meetings known only from untitled documents that this titled document shows to be its meeting
    absorbs: tuple[str, ...] = ()


@dataclass
class MeetingIndex:
    """Meetings already known (in the store, or loaded earlier in this run), to give one meeting one node.

    A document that gives its meeting's title meets the node of that title, always (its
    id comes from the title, which every titled document of the meeting computes alike).
    One that gives no title meets a known meeting of the same kind sharing an organiser,
    in a compatible year (a titled one first), else gets a provisional node of its own;
    when a titled document later matches that provisional meeting, the claim says so
    (``Claim.absorbs``) and the loader re-links the untitled documents to the titled
    meeting, so the result does not depend on the order documents are loaded in.
    """

    by_title: dict[str, str] = field(default_factory=dict)
    known: dict[str, KnownMeeting] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    #: provisional meeting id -> the titled meeting that absorbed it
    merged: dict[str, str] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        """Remember a Meeting node a store holds (meetings named in passing have no organisers and never match)."""
        title = node.props.get("title")
        titled = isinstance(title, str) and bool(title)
        if titled:
            self.by_title.setdefault(canonical_title(str(title)), node.id)
            self.names.setdefault(node.id, node.name)
        organisers = node.props.get("organisers") or []
        start = node.props.get("start_date")
        self._remember(KnownMeeting(node.id, titled, node.props.get("type"),  # type: ignore[arg-type]
                                    frozenset(organisers), str(start)[:4] if start else None))  # type: ignore[arg-type]

    def _remember(self, meeting: KnownMeeting) -> None:
        old = self.known.get(meeting.id)
        if old is not None:
            meeting = KnownMeeting(meeting.id, old.titled or meeting.titled, old.type or meeting.type,
                                   old.organisers | meeting.organisers, old.year or meeting.year)
        self.known[meeting.id] = meeting

    def claim(self, facts: MeetingFacts) -> Claim:
        """Resolve ``facts`` to a meeting and remember what they say of it for the documents after them."""
        meeting = self.resolve(facts)
        absorbs: tuple[str, ...] = ()
        if facts.title:
            self.by_title.setdefault(canonical_title(facts.title), meeting)
            self.names.setdefault(meeting, facts.title)
            absorbs = tuple(sorted(m.id for m in self.known.values() if not m.titled and m.id != meeting
                                   and m.id not in self.merged and m.matches(facts)))
            self.merged.update(dict.fromkeys(absorbs, meeting))
        year = facts.date.iso_start[:4] if facts.date else None
        self._remember(KnownMeeting(meeting, bool(facts.title), facts.type, frozenset(facts.organiser_ids), year))
        return Claim(meeting, self.names.get(meeting), absorbs)

    def resolve(self, facts: MeetingFacts) -> str:
        """The id of the meeting ``facts`` describe: the title's, else a known matching one, else one of its own."""
        if facts.title:
            return self.by_title.get(canonical_title(facts.title)) or node_id("Meeting", facts.key())
        matching = sorted((not m.titled, m.id) for m in self.known.values() if m.matches(facts))
        if matching:
            found = matching[0][1]
            return self.merged.get(found, found)
        return node_id("Meeting", facts.key())
