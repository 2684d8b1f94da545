"""A clause of a sentence with its mentions, and where around a word its actors stand.

There is no parser (the loader rules are compiled regexes over a trie lexicon of
reference names), so the flow rules find a verb's subject and recipient by position: the
subject is the nearest actor mentioned before the verb with only a few words
(auxiliaries, adverbs, a relative pronoun) in between and no verb of saying; the
recipient is the actor right after the verb, with nothing but determiners and words such
as "members of" in between. These few functions are that whole grammar.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from prevgraph.loaders.flows.constructions import trie_alternation
from prevgraph.loaders.flows.lexicon import (
    ADVERBIAL,
    BLOCK_CUES,
    BLOCK_STEMS,
    CONCESSIVE,
    FINITE_INFO_AFTER,
    FINITE_INFO_BEFORE,
    GATES,
    POSSESSIVE_AFTER,
    RECIPIENT_FILLER,
    REPORTING,
    REPORTING_STEMS,
    Cue,
)
from prevgraph.loaders.model import Mention, Sentence

#: kinds that send and receive information
ACTOR_KINDS = frozenset({"Body", "Office", "Mechanism", "Organization", "State"})
#: kinds that mandate a flow
MANDATING_KINDS = frozenset({"Resolution", "Paragraph"})
#: kinds whose mentions may span the names of actors
CONTAINER_KINDS = frozenset({"Paragraph", "Meeting", "Participant", "BreakoutGroup"})
#: kinds a flow may be about
TOPIC_KINDS = frozenset({"Situation"})

WORD = re.compile(r"[\w’'-]+")
#: clauses end at a semicolon or a contrasting conjunction after a comma
CLAUSE_BREAK = re.compile(r";|,\s+(?=(?:but|while|whereas|although|though|however|yet)\b)", re.IGNORECASE)
#: an aside between a subject and its verb, set off by commas
_APPOSITION = re.compile(r"^\s*,[^,;:()]{1,90},(?=\s)")
#: an aside just before a verb, whose names are not its subject ("X, presenting the Secretary-General's report, told")
_ASIDE_BEFORE = re.compile(r",[^,;:()]{1,90},\s*$")
_SUBJECT_STOP = re.compile(r"[;:]|\bthat\b", re.IGNORECASE)
#: "I intend to ask the resident coordinators to share": the object of a verb that asks, not the subject, shares
_OBJECT_CONTROL = re.compile(
    r"\b(?:ask|asks|asked|asking|request|requests|requested|requesting|invite|invites|invited|inviting|urge|urges|"
    r"urged|urging|encourage|encourages|encouraged|encouraging|tell|tells|told|expect|expects|expected|want|wants|"
    r"wanted|call\w*\s+(?:on|upon))\s+(?:(?:the|a|an|all|both|its|their|our|his|her|member)\s+[\w\s-]{0,60}?|"
    r"(?:it|them|him|her)\s+)\bto\s*$",
    re.IGNORECASE)
_OF_OBJECT = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
#: a verb of saying with a noun as its object ("expressed its intention", "stressed the need"), not a clause
_NOUN_OBJECT = re.compile(r"^\s+(?:its|their|his|her|the|a|an|deep|grave|full|strong)\s", re.IGNORECASE)
_POSSESSIVE_CHAIN = re.compile(r"^\s*['’]s?\s+(?:[\w-]+\s+){0,2}$")
#: "called on X to invite": X, object of one verb, is the subject of the infinitive
#: between an object and the verb it is to carry out: "the Council to invite", "the Council to continue to invite"
_INFINITIVE_GAP = re.compile(r"^\s*,?\s*to\s+(?:(?:also|further)\s+)?(?:(?:continue|begin|start)\s+to\s+)?$",
                             re.IGNORECASE)
_OPTION_FOR = re.compile(r"\b(?:options?|possibilit(?:y|ies)|alternatives?|steps?)\s+(?:open\s+)?(?:for|to)\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)
_OPTION_GAP = re.compile(r"^\s*(?:(?:would|could|might|may)\s+be|is|are|include|includes|would\s+include|"
                         r"could\s+include)\s+(?:to\s+)?$", re.IGNORECASE)
_AND_ONLY = re.compile(r"^\s*,?\s*(?:and|but)\s+(?:also\s+|then\s+|now\s+)?$", re.IGNORECASE)
_GAP_OBJECT = re.compile(
    r"\bto\s+(?:the|a|an|her|his|its|their)\s+\w|\b(?:with|from|by|against|about|into)\s+\w", re.IGNORECASE)
PRONOUN_BEFORE = re.compile(r"\b(?:he|she|his|her)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
_OBJECT_PREPOSITION = re.compile(r"\b(?:to|into|with|before|from|by|on|about|at|against|towards?|for)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
_ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)?|(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|\w+tieth))$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"^\s*(?:(?:at|during)\s+its\s+[\w-]+\s+(?:regular\s+|special\s+)?session\s*)?"
                           r"(?:,\s*)?(?:(?:and|or|as\s+well\s+as|&)\s+)?(?:(?:to|with|of|before)\s+)?(?:the\s+)?$",
                           re.IGNORECASE)  # "to the Assembly and to the Council", "to it at its 60th session and to"
#: a preposition just before an actor, which is then its object, not a subject
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|by|from|at|with|for|on|in)\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_WORDS = frozenset(["and", "the", "former", "acting", "deputy", "a", "an", "of", "mr", "ms", "mrs", "dr", "h.e",
                          "representative", "representatives", "head", "delegation",  # "a representative of X"
                          "name", "removed", "ambassador", "ambassadors", "current", "respectively", "from", "by",
                          "for"])  # "the Minister for Foreign Affairs of X"
#: a removed name and the opening bracket of the country the person comes from: "[name removed] ("
_NATIONALITY = re.compile(r"\[name removed\]\s*\($")
PRONOUN_START = re.compile(r"^\W*(?:that\W+)?(?:[^,;]{0,40},\s*)?(?:he|she|they|it|we|(?:his|her|its|their|the)\s+"
                           r"(?:Government|country|delegation|authorities))\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def outermost(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """Mentions in text order, dropping any that lie inside a longer one.

    A paragraph of a resolution loaded as a document, a meeting's title or a participant
    ("a representative of the Permanent Mission of Denmark") may span other names: that is
    structure, and it does not hide the names inside it (flows run between those).
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    structure = {id(m) for m in ordered if m.kind in CONTAINER_KINDS and any(
        o is not m and m.start <= o.start and o.end <= m.end for o in ordered)}
    kept: list[Mention] = []
    for mention in ordered:
        if id(mention) in structure or (kept and mention.start < kept[-1].end):
            continue
        kept.append(mention)
    return tuple(kept)


@dataclass(frozen=True)
class Gates:
    """Where in a document the words each rule group needs (``GATES``) start, found in one scan of the whole text.

    A clause then knows which groups it opens by a binary search, instead of scanning its
    own text again (and a sentence that opens none is passed over before anything else is
    built for it).
    """

    starts: list[int]
    groups: list[frozenset[str]]

    @classmethod
    def of(cls, text: str) -> Gates | None:
        """The gates of ``text``; None when lower-casing changes its length (offsets would not map)."""
        lower = text.lower()
        if len(lower) != len(text):
            return None
        starts: list[int] = []
        groups: list[frozenset[str]] = []
        for match in _stem_pattern(GATES["sentence"]).finditer(lower):
            found = _groups_of(match.group())
            if found:
                starts.append(match.start())
                groups.append(found)
        return cls(starts, groups)

    def between(self, start: int, end: int) -> frozenset[str]:
        """The groups opened by words starting in ``[start, end)``."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if first == last:
            return frozenset()
        return self.groups[first] if last == first + 1 else frozenset().union(*self.groups[first:last])


@cache
def _groups_of(stem: str) -> frozenset[str]:
    """The groups a word opens, from the stem the gate pattern matched at its start: the pattern takes the
    longest stem first, so every stem the word starts with is a prefix of the one it matched."""
    return frozenset(group for group, stems in GATES.items() if stem.startswith(stems))


@dataclass(frozen=True)
class Clause:
    """A stretch of one sentence (all of it, or up to a semicolon or "but") and its mentions."""

    sentence: Sentence
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    #: the office last named before the clause (this or the previous sentence), for "he"/"she"
    antecedent: Mention | None = None
    #: the document's gates, when the caller scanned them once for the whole text
    gates: Gates | None = field(default=None, compare=False, repr=False)

    @property
    def question(self) -> bool:
        return self.sentence.text.rstrip(" \"'’”)").endswith("?")

    def slice(self, start: int, end: int) -> str:
        """The text between two absolute offsets, clipped to the clause."""
        return self.text[max(start, self.start) - self.start: min(end, self.end) - self.start]

    def actors(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.kind in ACTOR_KINDS)

    def of_kinds(self, kinds: frozenset[str]) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.kind in kinds)

    def inside_mention(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end for m in self.mentions)

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def open_groups(self) -> frozenset[str]:
        """The rule groups whose stems (``GATES``) start a word of the clause: the others cannot match."""
        if self.gates is not None:
            return self.gates.between(self.start, self.end)
        found: set[str] = set()
        for match in _stem_pattern(GATES["sentence"]).finditer(self.lower):
            found |= _groups_of(match.group())
        return frozenset(found)

    def opens(self, group: str) -> bool:
        return group in self.open_groups

    def scan(self, pattern: re.Pattern[str], stems: tuple[str, ...]) -> list[re.Match[str]]:
        """``pattern.finditer(self.text)``, tried only where a word starts with one of ``stems``.

        A big alternation tried at every character is the slowest thing a rule can do; a
        plain alternation of stems finds the few places worth trying. The tests check that
        the stems cover every word the pattern can start with.
        """
        found: list[re.Match[str]] = []
        for stem in _stem_pattern(stems).finditer(self.lower):
            if found and stem.start() < found[-1].end():
                continue
            match = pattern.match(self.text, stem.start())
            if match is not None:
                found.append(match)
        return found

    @cached_property
    def _reporting(self) -> tuple[tuple[int, int], ...]:
        return tuple((self.start + m.start(), self.start + m.end()) for m in self.scan(REPORTING, REPORTING_STEMS))

    @cached_property
    def block_cues(self) -> tuple[tuple[Cue, int, int], ...]:
        """Every blocking cue of the clause with its offsets, outside concessive phrases ("despite ...")."""
        if not _stem_pattern(BLOCK_STEMS).search(self.lower):
            return ()
        masked = CONCESSIVE.sub(lambda m: " " * len(m.group(0)), self.text)
        return tuple((cue, self.start + m.start(), self.start + m.end())
                     for cue in BLOCK_CUES for m in cue.pattern.finditer(masked))

    def reporting_end(self, before: int) -> int:
        """End of the last verb of saying that ends before ``before`` (or the clause start)."""
        return max((end for _, end in self._reporting if end <= before), default=self.start)

    # ----------------------------------------------------------------- subjects

    def subject_before(self, pos: int, *, max_words: int = 8, kinds: frozenset[str] = ACTOR_KINDS,
                       gerund: bool = False) -> Mention | None:
        """The actor that does what the word at ``pos`` says, if it stands close enough before it.

        Not when a verb of saying, "that", a possessive or a prepositional object stands
        between ("X objected to the Chair addressing Y": X does not address Y), nor when the
        actor is itself the object of a preposition, except before a gerund ("objected to
        the Chair addressing the Council": the Chair addresses it) or an infinitive
        ("called on the Council to invite ...": the Council invites).
        """
        aside = _ASIDE_BEFORE.search(self.slice(self.start, pos))  # "X, presenting the Y's report, told ..."
        limit = self.start + aside.start() if aside is not None else pos
        candidates = [m for m in self.mentions if m.end <= limit and m.kind in kinds]
        if not candidates:
            return None
        mention = candidates[-1]
        if mention.start < self.reporting_end(pos):
            return None
        gap = self.slice(mention.end, pos)
        aside = _APPOSITION.match(gap)  # "X, in her capacity as chair of the committee, has transmitted"
        gap = gap[aside.end():] if aside is not None else gap
        if (POSSESSIVE_AFTER.match(gap) or _SUBJECT_STOP.search(gap) or REPORTING.search(gap)
                or _GAP_OBJECT.search(gap) or _OBJECT_CONTROL.search(gap)):
            return None
        before = self.slice(self.start, mention.start)[-30:]
        # "for the Council to invite X"; "an option for the Council would be to invite X"
        controlled = gerund or _INFINITIVE_GAP.match(gap) or (_OPTION_FOR.search(before) and _OPTION_GAP.match(gap))
        of_object = _OF_OBJECT.search(before) and _AND_ONLY.match(gap)  # "the advice of Y and invited Z"
        if not controlled and (_OBJECT_PREPOSITION.search(before) or of_object):
            return self._shared_subject(mention, gap)
        if len(words(ADVERBIAL.sub(" ", gap))) > max_words:
            return None
        return mention

    def _shared_subject(self, obj: Mention, gap: str) -> Mention | None:
        """For "X sends analysis to Y and contributes to Z": X, the subject both verbs share; for "X expressed
        its intention to draw on the advice of Y and invited Z": X, when the verb of saying takes an object."""
        if not _AND_ONLY.match(gap):
            return None
        said = self.reporting_end(obj.start)
        for mention in self.actors():
            if mention.start >= said and mention.end <= obj.start:
                before = self.slice(self.start, mention.start)[-30:]
                return None if _OBJECT_PREPOSITION.search(before) else mention
        saying = next((start for start, end in self._reporting if end == said), None)
        if saying is not None and _NOUN_OBJECT.match(self.slice(said, obj.start)):
            return self.subject_before(saying)
        return None

    def speaker_of(self, pos: int) -> Mention | None:
        """For "X said he had briefed Y", "Myanmar said that it would not cooperate": the one who says, when the
        subject of the words at ``pos`` is a pronoun or "his Government" standing for the subject of the verb of
        saying before them."""
        said = self.reporting_end(pos)
        if said == self.start or not PRONOUN_START.match(self.slice(said, pos)):
            return None
        saying = next(start for start, end in self._reporting if end == said)
        return self.subject_before(saying)

    def pronoun_subject(self, pos: int) -> Mention | None:
        """For "he had briefed", "her briefing the Council": the office last named before the pronoun."""
        match = PRONOUN_BEFORE.search(self.slice(self.start, pos))
        if match is None or REPORTING.search(match.group(0)):
            return None
        at = self.start + match.start()
        offices = [m for m in self.mentions if m.kind == "Office" and m.end <= at]
        return offices[-1] if offices else self.antecedent

    # --------------------------------------------------------------- recipients

    def actor_after(self, pos: int, *, kinds: frozenset[str] = ACTOR_KINDS,
                    filler: frozenset[str] = RECIPIENT_FILLER) -> Mention | None:
        """The actor right after ``pos``, with only determiners and "members of" in between."""
        mention = next((m for m in self.mentions if m.start >= pos and m.kind in kinds), None)
        if mention is None:
            return None
        gap = ADVERBIAL.sub(" ", self.slice(pos, mention.start))
        if any(c in gap for c in ";.:") or not all(_is_filler(w, filler) for w in words(gap)):
            return None
        owned = next((m for m in self.mentions if m.start >= mention.end and m.kind in kinds), None)
        if owned is not None and _POSSESSIVE_CHAIN.match(self.slice(mention.end, owned.start)):
            return owned
        return mention

    def coordinated(self, first: Mention, *, kinds: frozenset[str] = ACTOR_KINDS) -> list[Mention]:
        """``first`` and the actors coordinated with it ("the Security Council and the General Assembly")."""
        found = [first]
        for mention in self.mentions:
            if mention.start < found[-1].end or mention.kind not in kinds:
                continue
            if not _COORDINATION.match(self.slice(found[-1].end, mention.start)) or FINITE_INFO_AFTER.match(
                    self.slice(mention.end, mention.end + 60)):
                break  # "briefed the Council and the High Commissioner addressed ...": a subject of its own
            found.append(mention)
        return found

    def coordinated_before(self, last: Mention, *, kinds: frozenset[str] = ACTOR_KINDS) -> list[Mention]:
        """The actors coordinated with ``last`` before it, and ``last``: the whole subject of "the High
        Commissioner and the Special Adviser briefed the Council"."""
        found = [last]
        for mention in reversed(self.mentions):
            if mention.end > found[0].start or mention.kind not in kinds:
                continue
            if not _COORDINATION.match(self.slice(mention.end, found[0].start)) or FINITE_INFO_BEFORE.search(
                    self.slice(max(self.start, mention.start - 30), mention.start)):
                break  # "X briefed the Council and the High Commissioner addressed ...": the Council is an object
            found.insert(0, mention)
        lead = self.slice(max(self.start, found[0].start - 12), found[0].start)
        if len(found) > 1 and kinds == ACTOR_KINDS and _PREPOSITION_BEFORE.search(lead):
            # "at the request of China and Russia, and the High Commissioner did not ...": the object of "of"
            # ends where a comma joins the subject
            joins = [i for i in range(1, len(found)) if "," in self.slice(found[i - 1].end, found[i].start)]
            found = found[joins[-1]:] if joins else found[-1:]
        return [each for mention in found for each in (mention, *mention.also)]

    def agents_after(self, pos: int, *, exclude: Iterable[str] = ()) -> list[Mention]:
        """The actors listed after "by" or "from" at ``pos``, passing over personal names and titles."""
        excluded = set(exclude)
        found: list[Mention] = []
        last = pos
        for mention in self.mentions:
            if mention.start < last:
                continue
            gap = self.slice(last, mention.start)
            if mention.kind == "State" and _NATIONALITY.search(gap) and self.slice(mention.end, mention.end + 1) == ")":
                last = mention.end + 1  # "[name removed] (Sweden), the chair of the Commission": the person's country
                continue
            if any(c in gap for c in ";:") or not all(w[0].isupper() or w.lower() in _AGENT_WORDS for w in words(gap)):
                break
            if len(words(gap)) > 8:
                break
            if mention.kind in ACTOR_KINDS and mention.node_id not in excluded:
                found.append(mention)
            last = mention.end
        return found

    def possessor(self, apostrophe: int) -> Mention | None:
        """The actor whose possessive "'s" starts at ``apostrophe`` ("the Council's attention")."""
        for mention in reversed(self.actors()):
            if mention.end <= apostrophe:
                return mention if not self.slice(mention.end, apostrophe).strip() else None
        return None


@cache
def _stem_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """Where a word starts with one of ``stems`` (their first words, in lower case)."""
    return re.compile(r"\b(?:" + trie_alternation(sorted({stem.split()[0] for stem in stems})) + ")")


def _is_filler(word: str, filler: frozenset[str]) -> bool:
    return word.lower() in filler or bool(_ORDINAL.match(word)) or word in ("’s", "'s")


def clause_of(text: str, sentence: Sentence, mentions: tuple[Mention, ...], start: int, end: int,
              antecedent: Mention | None = None, gates: Gates | None = None) -> Clause:
    inside = tuple(m for m in mentions if start <= m.start and m.end <= end)
    return Clause(sentence, start, end, text[start:end], inside, antecedent, gates)


def whole_sentence(text: str, sentence: Sentence, mentions: tuple[Mention, ...],
                   antecedent: Mention | None = None, gates: Gates | None = None) -> Clause:
    """``mentions``: the sentence's mentions, already reduced to the outermost ones."""
    return clause_of(text, sentence, mentions, sentence.start, sentence.end, antecedent, gates)


def split_clauses(text: str, sentence: Sentence, mentions: tuple[Mention, ...],
                  antecedent: Mention | None = None, gates: Gates | None = None) -> list[Clause]:
    """The sentence cut at semicolons and contrasting conjunctions, so one clause's "not" stays in it."""
    cuts = [sentence.start]
    for match in CLAUSE_BREAK.finditer(sentence.text):
        cuts.append(sentence.start + match.end())
    cuts.append(sentence.end)
    clauses: list[Clause] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b > a:
            clauses.append(clause_of(text, sentence, mentions, a, b, antecedent, gates))
            antecedent = next((m for m in reversed(clauses[-1].mentions) if m.kind == "Office"), antecedent)
    return clauses
