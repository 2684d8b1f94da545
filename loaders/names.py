"""Remove the names of people from a document's text, keeping the sentence readable.

Meetings under the Chatham House rule are recorded by affiliation only, and no
private individual's name may enter the graph, its stored texts or its quotes. So
every name that reads as a person's is replaced by :data:`NAME_MARKER`:
"Ms. Jane Doe, Programme Officer, Quaker UN Office, said" becomes
"[name removed], Programme Officer, Quaker UN Office, said". This runs on the
normalised text (paragraphs rejoined, so a name broken over two lines of a PDF is one
name again), before any rule reads it, so every offset points into the cleaned text.

A name is a run of capitalised words (hyphens, accents, apostrophes and particles
such as "de", "van", "al-" or "bin" inside it) none of which the reference data or
the ontology uses for a body, an office, a State or a post, and which stands where a
person's name stands:

- after a courtesy title ("Mr", "Ms", "Dr", "H.E.", "Excellency"; removed with it),
  or directly after a post ("Ambassador Jane Doe", "Secretary-General Jane Doe",
  "the Executive Director, Jane Doe,"; the post stays);
- before a post in apposition ("Jane Doe, Programme Officer, ..."; "Jane Doe, the
  UN Special Rapporteur ...");
- after a label of speakers ("Moderator:", "Panellists:", "chaired by", "remarks by");
- before "of/from ORGANISATION", an affiliation in brackets, ", who" or a verb of
  speech ("Jane Doe of Human Rights Watch said"): weaker places, so here none of the
  words may appear in lower case elsewhere in the document (which tells "Thematic
  Debate of the Council" from a name), and no preposition may stand just before (which
  tells "the Regional Office for West Africa presented" from a name);
- next to another removed name in a list ("Jane Doe and John Roe of X").

Once found, a name is removed everywhere in the document, and its surname alone too
("as Doe argued"). Office-holders are kept by their office ("the Secretary-General").
:attr:`NamePolicy.keep_officials` keeps the names of the heads of UN offices (a
Secretary-General, a High Commissioner, a Special Rapporteur) in documents that are
not under a meeting rule; it is off by default.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from prevgraph.schema import gazetteer, ontology

NAME_MARKER = "[name removed]"
#: stored with each Document: the texts of documents without it were loaded before this rule existed
NAMES_RULE = "names-1"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals (the extended block interleaves cases: a token's first letter is checked)
_TOKEN = (rf"(?:[{_UPPER}][\w'’]*(?:-[\w'’]+)*|(?:al|el|ad|as|ash|ibn|bin|abu|ben)-[{_UPPER}][\w'’]*"
          r"|[A-Z]\.(?:-[A-Z]\.)?)")
_PARTICLE = r"(?:de|del|della|di|da|das|do|dos|du|van|von|der|den|ter|te|la|le|bin|ibn|al|el|ben|abu|y)"
#: a run of capitalised words, the place a name can stand
_RUN = re.compile(rf"(?<![\w'’.-]){_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN})*(?![\w'’-])")
_WORDS = re.compile(rf"{_TOKEN}|{_PARTICLE}")

_COURTESY = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Mme|Mlle|Messrs|Hon)\.?|H\.[ \t]?E\.|"
             r"(?:His|Her|Their)[ \t]+Excellenc(?:y|ies)|Excellency|Honou?rable|Rev(?:erend|\.)?|Sheikh")
#: the posts a name stands beside, in lower case (matched with a capital or not at the start of each hyphenated part)
_POSTS = (
    "officer", "director(?:-general)?", "head", "chair(?:person|man|woman)?", "co-chair", "vice-chair",
    "representative", "advis[eo]r", "researcher", "co-?ordinator", "fellow", "professor", "lecturer", "manager",
    "associate", "analyst", "chief", "executive", "president", "vice-president", "founder", "co-founder",
    "secretary(?:-general)?", "minister", "ambassador", "envoy", "rapporteur", "commissioner", "judge", "justice",
    "expert", "consultant", "counsel+or", "attaché", "spokes(?:person|man|woman)", "editor", "journalist",
    "moderator", "member", "partner", "lead", "leader", "specialist", "delegate", "deputy", "assistant", "senior",
    "permanent", "special", "programme", "program", "policy", "legal", "research", "independent", "high",
    "administrator", "under-secretary-general", "undersecretary", "emergency", "senator", "governor", "mayor",
    "general", "colonel", "captain",
)
_POST = "|".join(re.sub(r"(^|-)([a-z])", lambda m: f"{m[1]}[{m[2].upper()}{m[2]}]", post) for post in _POSTS)
#: posts that name a head of a UN office (kept by name only with NamePolicy.keep_officials)
_UN_OFFICE = re.compile(
    r"(?i:secretary-general|high[ \t]+commissioner|special[ \t]+(?:rapporteur|adviser|advisor|envoy|representative)|"
    r"independent[ \t]+expert|under-secretary-general|emergency[ \t]+relief[ \t]+coordinator)"
)
_COMPLEMENT = (r"(?:[ \t]+(?:of|for|on|to|at|in)[ \t]+(?:the[ \t]+)?[\w'’.-]+"
               r"(?:[ \t]+(?:(?:of|for|on|and|the|to|in)[ \t]+)*[A-Z][\w'’.-]*)*){0,2}")
#: just before a name: a courtesy title, or a post (with its complement and a comma, or without either)
_COURTESY_BEFORE = re.compile(rf"(?<![\w.])(?:(?:{_COURTESY})[ \t]+)+$")
_POST_BEFORE = re.compile(rf"(?<![\w-])(?:{_POST})(?:[ \t]+|{_COMPLEMENT},[ \t]+)$")
_LABEL_BEFORE = re.compile(
    r"(?i:\b(?:moderat(?:or|ors|ed[ \t]+by)|chair(?:ed[ \t]+by)?|facilitat(?:or|ors|ed[ \t]+by)|speakers?|"
    r"panell?ists?|presenters?|discussants?|keynote(?:[ \t]+speakers?)?|rapporteurs?|participants|"
    r"(?:remarks|briefing|statement|presentation|address|intervention|message|interview)s?[ \t]+(?:by|from|with)|"
    r"(?:presented|introduced|delivered|moderated|chaired|opened|closed|hosted|written|prepared|authored)[ \t]+by"
    r")[ \t]*:?[ \t]*)$"
)
_POST_AFTER = re.compile(
    rf",[ \t]+(?:(?:the|a|an|former|then|current|acting|senior|deputy|interim|UN|United[ \t]+Nations|OHCHR)[ \t]+)*"
    rf"(?:{_POST})(?![\w-])"
)
_SPEECH = (r"said|says|noted|stressed|argued|explained|emphasi[sz]ed|stated|added|observed|recalled|warned|"
           r"suggested|highlighted|underlined|remarked|asked|replied|told|wrote|opened|closed|concluded|presented")
_WEAK_AFTER = re.compile(
    rf"(?:[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?[A-Z]|[ \t]*\((?:the[ \t]+)?[A-Z]|,[ \t]+who[ \t]|"
    rf"[ \t]+(?:{_SPEECH})\b|['’]s?[ \t]+(?:remarks|statement|presentation|intervention|view|words)\b)"
)
#: the end of an organisation's name that a place completes ("the Regional Office for West Africa presented")
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:for|of|in|on|at|from|across|throughout)[ \t]+(?:the[ \t]+)?$")
_LIST_GAP = re.compile(r"[ \t]*(?:[,;&]|and)[ \t]*(?:and[ \t]+)?")
_MEETING_RULE = re.compile(
    r"(?i:chatham[ \t]+house|non-attribution|not[ \t]+for[ \t]+attribution|off[ \t]+the[ \t]+record)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zß-öø-ÿ]+(?![\w'’-])")
_TAIL, _HEAD = 120, 60
_LONGEST_STATE = 6
#: how far before a post's last word its first may stand ("High" of "High Commissioner for Human Rights, ")
_OFFICE_REACH = 25

#: words that are never a name: sentence openers and the common words of headings
_COMMON = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "in", "on", "at", "as", "by", "for", "from",
    "to", "of", "and", "or", "but", "not", "no", "nor", "so", "yet", "if", "when", "while", "with", "without",
    "within", "during", "after", "before", "since", "until", "between", "among", "across", "under", "over", "into",
    "onto", "upon", "per", "via", "about", "however", "moreover", "furthermore", "also", "further", "finally",
    "firstly", "secondly", "thirdly", "lastly", "meanwhile", "therefore", "thus", "he", "she", "they", "we", "you",
    "i", "his", "her", "their", "our", "your", "my", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "all", "any", "each", "every", "some", "many", "most", "more", "other", "such", "both", "either",
    "neither", "which", "who", "whom", "whose", "what", "where", "why", "how", "there", "here", "today", "tomorrow",
    "yesterday", "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "excellency", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "annex", "article", "chapter", "section", "paragraph",
    "part", "page", "table", "figure", "box", "note", "notes", "summary", "introduction", "conclusion",
    "conclusions", "recommendation", "recommendations", "background", "agenda", "programme", "session", "meeting",
    "meetings", "report", "reports", "resolution", "resolutions", "decision", "decisions", "statement",
    "statements", "document", "documents", "letter", "press", "release", "day", "week", "year", "month", "debate",
    "dialogue", "discussion", "discussions", "consultation", "consultations", "review", "initiative", "framework",
    "strategy", "plan", "action", "declaration", "convention", "treaty", "charter", "protocol", "guidelines",
    "principles", "handbook", "thematic", "annual", "final", "interim", "open", "informal", "formal", "joint",
    "global", "regional", "national", "international", "event", "events", "panel", "roundtable", "workshop",
    "seminar", "conference", "briefing", "briefings", "remarks", "welcome", "opening", "closing", "keynote",
    "question", "questions", "answer", "answers", "session", "sessions", "concept", "paper", "policy", "brief",
    "update", "overview", "findings"
))


@dataclass(frozen=True)
class NamePolicy:
    """What the name rule keeps. ``keep_officials``: the names of heads of UN offices, outside meeting rules."""

    keep_officials: bool = False


#: the safe default: every name removed
REMOVE_ALL = NamePolicy()


def _words_of(name: str) -> list[str]:
    return [w.casefold() for w in re.split(r"[\s/()’',.:-]+", name) if w]


@dataclass(frozen=True)
class _Vocabulary:
    """What is never a name: the words institutions use, and the names of States as wholes.

    A State's words are no stop words one by one ("Lucia", "Jordan" and "Georgia" are given
    names too), except those several States share ("Republic", "Saint", "Guinea").
    """

    words: frozenset[str]
    states: frozenset[tuple[str, ...]]



@cache
def _vocabulary() -> _Vocabulary:
    words = set(_COMMON)
    states: set[tuple[str, ...]] = set()
    state_words: Counter[str] = Counter()
    for entry in gazetteer().entries.values():
        for name in entry.names:
            if entry.kind == "State":
                states.add(tuple(_words_of(name)))
                state_words.update(set(_words_of(name)))
            else:
                words.update(_words_of(name))
    words.update(word for word, count in state_words.items() if count > 1)
    words.update(kind.casefold() for kind in ontology().node_kinds)
    words.update(w for post in _POSTS for w in re.split(r"[|()?:+\[\]-]+", post) if w.isalpha())
    return _Vocabulary(frozenset(words), frozenset(states))


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    tokens: tuple[str, ...]


def _is_stop(word: str, stop: frozenset[str]) -> bool:
    """A word the institutions use (a plural, or a compound all of whose parts are such words, too)."""
    folded = re.sub(r"['’]s?$", "", word.casefold())
    return all(part in stop or (part.endswith("s") and part[:-1] in stop) for part in folded.split("-") if part)


def _capitalised(word: str) -> bool:
    """Its first letter a capital, or the one after a lower-case prefix ("al-Hassan")."""
    head, _, rest = word.partition("-")
    return word[0].isupper() or (head.islower() and rest[:1].isupper())


def _name_runs(run: re.Match[str], vocabulary: _Vocabulary) -> list[_Candidate]:
    """The parts of a capitalised run between the words and the State names that are never names."""
    words = list(_WORDS.finditer(run.string, run.start(), run.end()))
    never = [_never_a_name(w.group(0)) for w in words]
    openers = _state_openers()
    for i, word in enumerate(words):
        if word.group(0).casefold() not in openers:
            continue
        for j in range(i + 1, min(len(words), i + _LONGEST_STATE) + 1):
            if tuple(w.group(0).casefold() for w in words[i:j]) in vocabulary.states:
                never[i:j] = [True] * (j - i)
    parts: list[_Candidate] = []
    current: list[re.Match[str]] = []
    ends: list[tuple[re.Match[str] | None, bool]] = [*zip(words, never, strict=True), (None, True)]
    for candidate, excluded in ends:
        if not excluded and candidate is not None and (current or not candidate.group(0).islower()):
            current.append(candidate)
            continue
        while current and current[-1].group(0).islower():  # a trailing particle is no part of a name
            current.pop()
        if current:
            parts.append(_Candidate(current[0].start(), current[-1].end(),
                                    tuple(m.group(0) for m in current if not m.group(0).islower())))
        current = []
    return parts


@cache
def _state_openers() -> frozenset[str]:
    return frozenset(state[0] for state in _vocabulary().states)


@lru_cache(maxsize=1 << 16)
def _never_a_name(word: str) -> bool:
    """A word institutions use, or no capitalised word at all (an acronym, a lower-case word that is no particle)."""
    stop = _vocabulary().words
    if word.islower():
        return False  # a particle
    return _is_stop(word, stop) or not _capitalised(word) or (len(word) > 1 and word.isupper()
                                                             and not word.endswith("."))


def _place(text: str, cand: _Candidate, lower: set[str]) -> tuple[bool, bool, int]:
    """Whether ``cand`` stands where a person's name stands, whether a UN office names it, and where its removal
    starts (a courtesy title goes with the name)."""
    tail = text[max(0, cand.start - _TAIL):cand.start]
    head = text[cand.end:cand.end + _HEAD]
    several = len(cand.tokens) > 1
    if courtesy := _COURTESY_BEFORE.search(tail):
        return True, False, cand.start - (len(tail) - courtesy.start())
    post = _POST_BEFORE.search(tail)
    if post and (several or not post.group(0).endswith(", ")):
        return True, bool(_UN_OFFICE.search(tail, max(0, post.start() - _OFFICE_REACH))), cand.start
    if several and (after := _POST_AFTER.match(head)):
        return True, bool(_UN_OFFICE.search(text, after.start() + cand.end, after.end() + cand.end + 40)), cand.start
    if several and _LABEL_BEFORE.search(tail):
        return True, False, cand.start
    if (several and _WEAK_AFTER.match(head) and not _PREPOSITION_BEFORE.search(tail)
            and not any(t.casefold() in lower for t in cand.tokens)):
        return True, False, cand.start
    return False, False, cand.start


def _listed_beside(text: str, cand: _Candidate, removed: list[tuple[int, int]]) -> bool:
    """A name of several words in a list next to a removed name ("Jane Doe and John Roe of X")."""
    if len(cand.tokens) < 2:
        return False
    for start, end in removed:
        if end <= cand.start and _LIST_GAP.fullmatch(text, end, cand.start):
            return True
        if cand.end <= start and _LIST_GAP.fullmatch(text, cand.end, start):
            return True
    return False


def _surname_pattern(names: set[tuple[str, ...]], vocabulary: _Vocabulary) -> re.Pattern[str] | None:
    """Every removed name, and its last word on its own, anywhere in the text (longest first)."""
    forms: set[str] = set()
    for tokens in names:
        forms.add(" ".join(tokens))
        last = tokens[-1]
        folded = last.casefold()
        if len(last) > 2 and folded not in vocabulary.words and (folded,) not in vocabulary.states:
            forms.add(last)
    if not forms:
        return None
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"[ \t]+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:(?<![\w.])(?:{_COURTESY})[ \t]+)?(?<![\w'’-])(?:{alternatives})(?![\w-])")


def remove_names(text: str, policy: NamePolicy = REMOVE_ALL) -> str:
    """``text`` with every person's name replaced by :data:`NAME_MARKER` (idempotent)."""
    vocabulary = _vocabulary()
    lower = set(_LOWER_WORD.findall(text))
    keep = policy.keep_officials and not _MEETING_RULE.search(text)
    candidates = [c for run in _RUN.finditer(text) for c in _name_runs(run, vocabulary)]
    spans: dict[int, tuple[int, int]] = {}
    kept: set[tuple[str, ...]] = set()
    pending: list[_Candidate] = []
    for cand in candidates:
        is_name, official, start = _place(text, cand, lower)
        if is_name and official and keep:
            kept.add(cand.tokens)
        elif is_name:
            spans[cand.start] = (start, cand.end)
        else:
            pending.append(cand)
    grown = True
    while grown:  # names listed beside removed ones, until no list grows
        grown = False
        for cand in list(pending):
            if _listed_beside(text, cand, list(spans.values())):
                spans[cand.start] = (cand.start, cand.end)
                pending.remove(cand)
                grown = True
    names = {c.tokens for c in candidates if c.start in spans} - kept
    out = _replace(text, sorted(spans.values()))
    pattern = _surname_pattern(names, vocabulary)
    return pattern.sub(NAME_MARKER, out) if pattern else out


def _replace(text: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    last = 0
    for start, end in spans:
        if start < last:
            continue
        parts.extend((text[last:start], NAME_MARKER))
        last = end
    parts.append(text[last:])
    return "".join(parts)
