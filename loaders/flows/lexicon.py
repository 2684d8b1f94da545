# ruff: noqa: E501  (a pattern reads best on one line, next to its name)
"""The flow rules as data: verb lexicons, cue lexicons and link patterns.

Every rule the flow extractor applies is a named entry here, so a reader can see at a
glance which words make a briefing, a request, a block or a missing link, and a test can
be written per entry. The code in the sibling modules only says *where* around a match
the endpoints are looked for (the entry's ``frame``); it holds no words of its own.

Patterns are written for the kinds of sentences UN documents contain (resolutions,
statements in the Council, press releases, meeting reports, NGO analyses), never for the
sentences of one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prevgraph.loaders.flows.constructions import Construction, by_group, inflections, named, token_words, union


def _rx(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


# --------------------------------------------------------------------------- briefings


@dataclass(frozen=True)
class InfoVerb:
    """An information verb of the table (group ``info-verb``): its words carry information from its subject
    to a recipient, who stands where ``frame`` says: ``direct`` right after the verb ("briefed the Council"),
    ``to`` / ``with`` after a later preposition ("presented the report to the Council"), ``attention``
    after "the attention of" or before "'s attention"; ``thanked``: the actors thanked for a briefing
    briefed the body whose meeting the document reports."""

    name: str
    pattern: re.Pattern[str]
    frame: str


INFO_VERBS: tuple[InfoVerb, ...] = tuple(InfoVerb(c.name, c.pattern, c.frame) for c in by_group("info-verb"))

#: every information verb in one pattern (group ``c<i>`` is ``INFO_VERBS[i]``), tried only where a word
#: starts with one of ``INFO_VERB_STEMS`` (generated from the same words)
INFO_VERB_ANY = union(by_group("info-verb"))
#: the bare forms of the information verbs ("brief", "share"): after "that X" a subjunctive, asked for, not told
def _bare_lemmas(group: str) -> frozenset[str]:
    """The lemmas (bare forms) a group's entries start with ("brief", "share"; "request", "invite")."""
    return frozenset(word[:-1] for c in by_group(group) for spec in c.words
                     for word in spec.split()[0].strip("[]").split("|") if word.endswith("+"))


BARE_INFO_VERBS = _bare_lemmas("info-verb")
#: the bare forms of the mandate verbs ("request", "invite", "urge"): an imperative under a chapeau
BARE_MANDATE_VERBS = _bare_lemmas("mandate")
_FINITE_FORMS = sorted({form for lemma in BARE_INFO_VERBS for form in inflections(lemma)[1:]
                        if not form.endswith(("ing", "ings"))})
#: a finite information verb right after an actor ("... and the High Commissioner addressed the Assembly"):
#: that actor starts a clause of its own, it is no second recipient of the verb before
FINITE_INFO_AFTER = _rx(r"^\s+(?:(?:also|then|later|subsequently|in\s+turn)\s+)?(?:" + "|".join(_FINITE_FORMS) + r")\b")
#: a finite information verb right before an actor: that actor is its object, no second subject of a later verb
FINITE_INFO_BEFORE = _rx(r"\b(?:" + "|".join(_FINITE_FORMS) + r")\s+(?:the\s+)?$")
INFO_VERB_STEMS = tuple(dict.fromkeys(s for c in by_group("info-verb") for s in c.stems))


@dataclass(frozen=True)
class InfoNoun:
    """A noun naming a briefing or report (group ``info-noun``): its author follows one of ``author``
    (or precedes "'s"), its recipient follows one of ``recipient`` (the frame ``"by|from > to|for"``)."""

    name: str
    pattern: re.Pattern[str]
    author: tuple[str, ...]
    recipient: tuple[str, ...]


def _info_noun(c: Construction) -> InfoNoun:
    author, _, recipient = c.frame.partition(" > ")
    return InfoNoun(c.name.removesuffix("-noun"), c.pattern, tuple(author.split("|")), tuple(recipient.split("|")))


INFO_NOUNS: tuple[InfoNoun, ...] = tuple(_info_noun(c) for c in by_group("info-noun"))
BRIEFING_NOUN = named("briefing-noun").pattern

#: "the flow of information from X to Y", "information flows from X to Y"
INFORMATION_FLOW = _rx(
    r"\b(?:(?:flows?|channels?|transmission|sharing)\s+of\s+information|information\s+(?:flows?|sharing))\s+from\b"
)

#: what carries information in "information from X does not reach Y", "the findings of X never reached Y"
REACHING_NOUNS = ("information", "analyses", "analysis", "findings", "warning", "warnings", "report", "reports",
                  "data", "conclusions", "recommendations")
#: after the source, the verb that carries it to the recipient
INFORMATION_REACHES = _rx(r"\b(?:" + "|".join(REACHING_NOUNS) + r")\s+(?:\w+\s+){0,3}?(?:from|of)\b")
REACH_VERB = _rx(r"^(?:[\s,]+[\w’'-]+){0,5}?\s+(?:reach(?:es|ed|ing)?|gets?\s+to|got\s+to|flows?\s+to|(?:is|are|was|were)\s+(?:\w+\s+)?(?:passed|conveyed|transmitted|sent)\s+(?:on\s+)?to)\s+")

#: "the Council hears from X", "the Council received reports from X": the subject is the recipient
REVERSE_INFO = named("hear-from").pattern

#: "the present report is submitted to X": the document's authors give it (their heading names them)
SELF_REPORT = InfoVerb("present-report", named("present-report").pattern, named("present-report").frame)

#: verbs whose subject receives a briefing named after them ("the Council heard a briefing by X")
RECEIVING_VERBS = named("receiving-verb").pattern

#: passive briefings: "the Council was briefed by X"
PASSIVE_INFO = named("passive-brief").pattern

#: words one of which the receiving patterns need (the participle of a passive, the verb of hearing)
PASSIVE_INFO_WORDS = token_words(named("passive-brief").words[0], -1)
REVERSE_INFO_WORDS = named("hear-from").stems
#: words one of which each information noun needs
INFO_NOUN_WORDS = {noun.name: named(f"{noun.name}-noun").stems for noun in INFO_NOUNS}

#: an article of the Charter cited: "Article 99", "Art. 99 of the UN Charter" (which articles open a channel is
#: reference data: ``charter_channels``)
ARTICLE = _rx(r"\bArt(?:icle|\.)\s*(?P<article>\d{1,3})\b(?:\s+of\s+the\s+(?:UN\s+|United\s+Nations\s+)?Charter)?")

#: words right before an article that make its citation a use of it: "invoked Article 99", "the invocation of",
#: "a letter under", "wrote to the President of the Security Council under", "used his power under"
ARTICLE_USE_BEFORE = _rx(
    r"\b(?:invok(?:e|es|ed|ing)|invocations?\s+of|(?:use|uses|used|using|make\s+use|made\s+use)\s+of|"
    r"us(?:e|es|ed|ing)|resort(?:s|ed|ing)?\s+to|recourse\s+to|trigger(?:s|ed|ing)?|"
    r"letters?\s+(?:\w+\s+){0,3}?under|"
    r"(?:wr(?:ote|ites?|itten|iting)|(?:brought|brings?|bringing)\s+(?:\S+\s+){0,10}?to\s+(?:the\s+)?attention)"
    r"\s+(?:\S+\s+){0,10}?under|"
    r"(?:us\w*|exercis\w*|invok\w*)\s+(?:his|her|the|its)\s+(?:powers?|authority|prerogative)\s+under|"
    r"acting\s+under)\s+(?:the\s+)?$"
)

#: words right after an article that make its citation a use of it: "an Article 99 letter", "Article 99 was invoked"
ARTICLE_USE_AFTER = _rx(r"\s*(?:letters?\b|invocations?\b|(?:was|were|has\s+been|had\s+been|is|been)\s+(?:\w+\s+)?invoked\b)")

#: a clause that speaks of the article as a power or its conditions, not of a use of it ("requires support
#: for the invocation of Article 99", "relies on", "the power to invoke")
CHANNEL_ONLY = _rx(
    r"\b(?:requir(?:e|es|ed|ing)|depend(?:s|ed|ing)?\s+on|rel(?:y|ies|ied|ying)\s+on|"
    r"(?:power|powers|authority|prerogative|right|ability|capacity)\s+to)\b"
)

# ----------------------------------------------------------------------- mandates


@dataclass(frozen=True)
class MandateVerb:
    """A verb by which a resolution, paragraph or body addresses an actor (group ``mandate``)."""

    name: str
    #: the edge the verb itself states (REQUESTS, INVITES), or "" for one that only encourages ("encourages X to")
    rel_type: str
    pattern: re.Pattern[str]
    #: "mandate": read from the text and its context (MANDATED in a resolution); else the status it always gives
    status: str = "mandate"


MANDATE_VERBS: tuple[MandateVerb, ...] = tuple(MandateVerb(c.name, c.relation, c.pattern, c.status)
                                               for c in by_group("mandate"))
#: the status a mandate verb always gives, where it fixes one ("encourages": PROPOSED)
FIXED_MANDATE_STATUS = {v.name: v.status for v in MANDATE_VERBS if v.status != "mandate"}
#: the words every mandate verb starts with (the speed gate of the mandate rules)
#: (a passive's participle starts with one of them too: "requested", "called upon")
MANDATE_STEMS = tuple(dict.fromkeys(s for c in (*by_group("mandate"), *by_group("self-mandate"), *by_group("mandate-noun"),
                                                 *by_group("mandate-agent"))
                                    for s in c.stems))
#: "the request contained in resolution X for Y to brief Z", "following the invitation extended in resolution X"
MANDATE_NOUN = named("mandate-noun").pattern
#: the line above a list of recommendations that names who is to carry them out
CHAPEAU = named("chapeau").pattern
#: "at the invitation of X, Y briefed Z": X invited (or asked) the clause's subject
MANDATE_AGENT = named("invitation-of").pattern
#: "Decides to transmit the report to the Council": the body adopting the text commits itself
SELF_MANDATE = named("decides-to").pattern

#: passive mandates: "the Chair was invited to brief", "X is requested by the Council to"
PASSIVE_MANDATE = named("passive-mandate").pattern
#: the participle of a passive mandate, at the end of its match: "invited", "called upon"
PASSIVE_MANDATE_VERB = re.compile(r"\w+(?:\s+(?:on|upon))?$")

#: the subject of a mandate verb that refers back to the resolution last cited
RESOLUTION_ANAPHOR = _rx(
    r"(?:^|\b)(?:the|this|that|said|same|latter|former)\s+(?:resolution|text|paragraph|decision)\b|\bit\b|\bwhich\b"
)

#: an operative clause opening a sentence: "5. Requests ...", "(b) Further invites ...", "and invites ..."
OPERATIVE_OPENING = _rx(r"^[\s\"'‘“]*(?:\d+\s*\.\s*|\(?[a-z]{1,4}\)\s*)?(?:(?:and|also|further|again|once\s+again)\s+)*$")


# ---------------------------------------------------------------------- statuses


@dataclass(frozen=True)
class Cue:
    """A word or phrase that sets a flow's status or blocks it, with the reason it gives."""

    name: str
    pattern: re.Pattern[str]
    reason: str = ""


def _cue(name: str) -> Cue:
    construction = named(name)
    return Cue(construction.name, construction.pattern, construction.reason)


#: modality that makes a flow a proposal rather than a fact, by name
PROPOSAL_CUES: dict[str, Cue] = {c.name: _cue(c.name) for c in by_group("status") if c.status == "PROPOSED"}
#: an expectation stated after a noun of information: "Briefings are expected from X"
EXPECTED_AFTER = named("expected-after").pattern
#: negation and inability that make a (mandated or expected) flow one that did not happen, by name
NEGATION_CUES: dict[str, Cue] = {c.name: _cue(c.name) for c in by_group("status")
                                 if c.status == "UNREALISED" and c.name != "counterfactual"}
#: "would have featured a briefing by X": a flow that was meant and did not happen
COUNTERFACTUAL = named("counterfactual").pattern
#: a modal verb: "could be blocked" is feared, "may" only in lower case (not the month)
MODAL = named("modal").pattern

#: an infinitive after one of these is a fact, not an aim ("continues to brief the Council")
def _before_infinitive(name: str) -> re.Pattern[str]:
    """The cue ``name``, ending in "to", as it stands right before an infinitive ("continues to", "decided to")."""
    return re.compile(named(name).pattern.pattern.replace(r"to\b", r"to\s*$"), re.IGNORECASE)


REALISED_INFINITIVE = _before_infinitive("realised-infinitive")

#: an infinitive after one of these is a body's decision: "the Council decided to transmit the reports"
DECIDED_INFINITIVE = _before_infinitive("decided-infinitive")

#: "should not brief": advice against a flow, which gives it no status at all
ADVISED_AGAINST = named("advised-against").pattern
#: "there was no reason for the Council to hear X": wherever it stands before the flow, no flow is stated
NO_NEED = named("no-need").pattern

#: "his update to the Council": the office holder named last gives it
POSSESSIVE_PRONOUN = _rx(r"\b(?:his|her)\s+$")

#: "to brief it", "report to it", "the attention of its members": the body that asks, by verb frame
#: "to present an oral update at its next session": an information noun as the object of a "to" verb with no
#: recipient named, which the body that asks then receives
IMPLIED_RECIPIENT = _rx(r"^\s+(?:(?:a|an|its|his|her|their|the|regular|annual|comprehensive|written|oral|further|"
                        r"final|interim|progress|full|short)\s+){0,4}(?:report|reports|update|updates|briefing|"
                        r"briefings|findings|recommendations|account|advice|analysis)\b(?![^;]{0,60}?\bto\s+(?:the|its|all|relevant|"
                        r"[A-Z]))")
PRONOUN_RECIPIENT = {
    "direct": _rx(r"^\s*(?:,[^,]{0,40},\s*)?(?:(?:it|them)\b|(?:its|their)\s+members\b)"),
    "to": _rx(r"^(?:\S+\s+){0,15}?to\s+(?:it|them|(?:its|their)\s+members)\b"),
    "attention": _rx(r"\battention\s+of\s+(?:(?:its|their)\s+members|it|them)\b|\b(?:its|their)\s+attention\b"),
}

#: what stops a flow (group ``block``); ``reason`` is kept on the BLOCKS edge
BLOCK_CUES: tuple[Cue, ...] = tuple(Cue(c.name, c.pattern, c.reason) for c in by_group("block"))
#: where each cue looks for the one who blocks (``blocker-subject``, ``-agent``, ``-voters``, ``-rule``)
BLOCK_FRAMES: dict[str, str] = {c.name: c.frame for c in by_group("block")}

#: words one of which every block cue holds (a clause with none of them has no block cue: its cues are not
#: looked for), generated from the cues' words
BLOCK_STEMS = tuple(dict.fromkeys(s for c in by_group("block") for s in c.stems))
#: what a later clause says became of a flow just stated ("but the meeting was called off")
OUTCOMES: tuple[Construction, ...] = by_group("outcome")
OUTCOME_ANY = union(OUTCOMES)
OUTCOME_STEMS = tuple(dict.fromkeys(s for c in OUTCOMES for s in c.stems))

#: what keeps a mechanism from its work, stated with no flow ("refused to cooperate with the Commission")
OBSTRUCTIONS: tuple[Construction, ...] = by_group("obstruction")
OBSTRUCTION_STEMS = tuple(dict.fromkeys(s for c in OBSTRUCTIONS for s in c.stems))

#: "despite objections by X": a block that did not stop the flow
CONCESSIVE = _rx(r"\b(?:despite|in\s+spite\s+of|notwithstanding|regardless\s+of)\b[^,;]*")


# ------------------------------------------------------------------------ words


#: verbs that report what a participant said: a flow's subject never stands before them
REPORTING = _rx(
    r"\b(?:said|says|say|noted|notes|stated|states|argued|argues|highlighted|highlights|stressed|stresses|"
    r"emphasi[sz]ed|emphasi[sz]es|recalled|recalls|explained|explains|added|adds|observed|observes|"
    r"pointed\s+out|underlined|underscored|shared|expressed|acknowledged|concluded|opined|reiterated|"
    r"believed|believes|replied|responded|asserted|maintained|mentioned|remarked|cautioned|agreed|"
    r"according\s+to|in\s+the\s+view\s+of|spoke\s+of|discussed|described|referred\s+to|recognised|recognized)\b"
)

REPORTING_STEMS = ("said", "say", "note", "state", "argue", "highlight", "stress", "emphasi", "recall", "explain", "add",
                   "observ", "pointed", "underlined", "underscored", "shared", "expressed", "acknowledged",
                   "concluded", "opined", "reiterated", "believe", "replied", "responded", "asserted", "maintained",
                   "mentioned", "remarked", "cautioned", "agreed", "according", "in the view", "spoke of",
                   "discussed", "described", "referred", "recogni")

#: tokens that may stand between an information verb and its recipient
RECIPIENT_FILLER = frozenset(
    ["the", "its", "their", "his", "her", "a", "an", "and", "of", "members", "member", "membership", "observers", "observer", "session", "sessions", "meeting", "meetings", "regular", "special", "formal", "informal", "open", "closed", "plenary", "full", "both", "entire", "whole", "urgent", "attention",
     "deliberations", "work", "discussions", "opening", "closing", "high-level", "segment", "segments", "ministerial",
     "annual", "joint", "public", "private", "resumed", "emergency", "interactive", "dialogue"]
)

#: adverbials removed before checking what stands between a verb and its recipient
ADVERBIAL = _rx(
    r",?\s*\b(?:on\s+an?\s+(?:annual|regular|quarterly|monthly|yearly|ad\s+hoc|periodic|urgent|biennial)\s+basis|"
    r"annually|regularly|periodically|formally|informally|directly|urgently|in\s+person|virtually|"
    r"for\s+the\s+first\s+time|once\s+again|again|also|further|thereon|orally|in\s+writing|"
    r"(?:commencing|starting|beginning)\s+(?:in|from)\s+\d{4}|as\s+of\s+\d{4}|from\s+\d{4}(?:\s+onwards?)?|"
    r"in\s+\d{4}|as\s+appropriate|where\s+appropriate|if\s+necessary|at\s+least\s+once\s+a\s+year)\b\s*,?"
)

#: a word in front of a mention that makes it no endpoint ("the former", "a representative of" stay fine)
POSSESSIVE_AFTER = re.compile(r"^\s*['’]s?\b")


#: "whether X could brief Y": hypothetical, no status can be given
#: the words that give a reason: "... because China objected", "... not pursued after A signalled a vote"
CAUSE = named("cause").pattern
HYPOTHETICAL = re.compile(f"{named('hypothetical').pattern.pattern}|{named('agenda').pattern.pattern}", re.IGNORECASE)

#: topics of a flow ("briefed the Council on Myanmar")
TOPIC_PREPOSITION = _rx(r"\b(?:on|about|regarding|concerning|over)\s+(?:the\s+(?:situation\s+in\s+)?)?$")

# ------------------------------------------------------------------ frequency, dates


FREQUENCIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("annual", _rx(r"\b(?:on\s+an\s+annual\s+basis|annual(?:ly)?|every\s+year|each\s+year|yearly|once\s+a\s+year)\b")),
    ("biennial", _rx(r"\b(?:biennial(?:ly)?|every\s+(?:two|other)\s+years?)\b")),
    ("quarterly", _rx(r"\bquarterly\b")),
    ("monthly", _rx(r"\b(?:monthly|every\s+month)\b")),
    ("regular", _rx(r"\b(?:regularly|on\s+a\s+regular\s+basis|periodic(?:ally)?)\b")),
)

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

#: a start year for a mandated flow: "commencing in 2021", "from 2021 onwards"
START_YEAR = _rx(r"\b(?:commencing|starting|beginning|as\s+of|from)\s+(?:in\s+|from\s+)?(?P<year>(?:19|20)\d{2})\b")

#: a date the sentence states for what it reports
STATED_DATE = _rx(
    r"\b(?:(?P<day>\d{1,2})\s+)?(?P<month>" + "|".join(MONTHS) + r")\s+(?P<myear>(?:19|20)\d{2})\b|"
    r"\b(?:in|during|since)\s+(?P<year>(?:19|20)\d{2})\b"
)

#: a date relative to the document's date: "two years ago", "last year"
RELATIVE_DATE = _rx(
    r"\b(?:(?P<count>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago|(?P<last>last|previous)\s+year)\b"
)

NUMBER_WORDS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])}

#: how many flows a sentence counts: "has only brought one emerging crisis"
COUNT = _rx(r"\b(?:only\s+)?(?P<count>a\s+single|one|two|three|four|five|\d+)\s+(?:\w+\s+)?(?:crisis|crises|situations?|briefings?|times?|occasions?)\b")

# -------------------------------------------------------------------- missing links


@dataclass(frozen=True)
class LinkPattern:
    """A statement that two actors are not (formally) connected.

    ``frame``: ``between`` (the two actors follow "between"), ``pair-before`` (the two
    actors stand coordinated before the cue), ``subject-with`` ("X does not engage with Y"), ``two-before`` ("the two bodies have
    no relationship": the last two actors named before).
    """

    name: str
    pattern: re.Pattern[str]
    frame: str
    #: words one of which starts a word of every sentence the pattern matches (its speed gate; a test checks it)
    words: tuple[str, ...]


_LINK_NOUN = r"(?:links?|channels?|relationships?|connections?|mechanisms?|interactions?|cooperation|coordination|dialogue|contacts?)"
_FORMAL = r"(?P<formal>formal|institutional|institutionali[sz]ed|direct|structured|systematic|official)?\s*"

LINK_PATTERNS: tuple[LinkPattern, ...] = (
    LinkPattern("lack-of-link", _rx(r"\b(?:lack|absence)\s+of\s+(?:a\s+|an\s+|any\s+)?" + _FORMAL + _LINK_NOUN + r"\s+(?:\w+\s+){0,3}?between\b"), "between", ("lack", "absence")),
    LinkPattern("no-link", _rx(r"\bno\s+(?:real\s+)?" + _FORMAL + _LINK_NOUN + r"\s+(?:\w+\s+){0,3}?between\b"), "between", ("link", "channel", "relationship", "connection", "mechanism", "interaction", "cooperation", "coordination", "dialogue", "contact")),
    LinkPattern("disconnect", _rx(r"\b(?:disconnect(?:ion)?|divide|gulf|gap|silos?)\s+between\b"), "between", ("disconnect", "divide", "gulf", "gap", "silo")),
    LinkPattern("silos", _rx(r"\b(?:in\s+(?:\w+\s+)?silos|siloed|silo(?:ed)?\s+(?:approach|manner))\b"), "pair-before", ("silo",)),
    LinkPattern("does-not-interact", _rx(r"\b(?:do|does|did)\s+not\s+(?:\w+\s+)?(?:interact|engage|communicate|coordinate|cooperate|talk|connect)\s+with\b"), "subject-with", ("interact", "engage", "communicat", "coordinat", "cooperat", "talk", "connect")),
    LinkPattern("two-bodies-no-link", _rx(r"\bthe\s+two\s+(?:bodies|councils|organs|institutions|pillars)\s+(?:\w+\s+){0,2}?(?:have|has|had|lack)\s+(?:no\s+)?" + _FORMAL + _LINK_NOUN + r"\b"), "two-before", ("two",)),
    LinkPattern("has-no-link", _rx(r"\b(?:has|have|had)\s+no\s+" + _FORMAL + _LINK_NOUN + r"\s+(?:with|to)\b"), "subject-with", ("link", "channel", "relationship", "connection", "mechanism", "interaction", "cooperation", "coordination", "dialogue", "contact")),
)


# ----------------------------------------------------------------------- feeds into


@dataclass(frozen=True)
class FeedPattern:
    """Information routinely carried from one actor into another.

    ``frame``: ``from-subject`` (the subject receives from the actors after "from"),
    ``subject-into`` (the subject feeds the actor after "into"), ``subject-to`` (the actor
    after "to": "contributes to the Regional Monthly Review"), ``from-into`` (passive:
    "information from X is fed into Y").
    """

    name: str
    pattern: re.Pattern[str]
    frame: str
    #: words one of which starts a word of every sentence the pattern matches (its speed gate; a test checks it)
    words: tuple[str, ...]


_INFO_NOUN = r"(?:information|inputs?|findings|analys[ie]s|data|recommendations|reports?|early\s+warnings?)"

FEED_PATTERNS: tuple[FeedPattern, ...] = (
    FeedPattern("integrates-from", _rx(r"\b(?:integrat|incorporat|draw)(?:es|ed|ing|e|s)?\s+(?:on\s+)?(?:\w+\s+){0,3}?" + _INFO_NOUN + r"\s+(?:\w+\s+){0,3}?from\b"), "from-subject", ("integrat", "incorporat", "draw")),
    FeedPattern("fed-from-into", _rx(r"\bfrom\b(?=[^.;]{0,200}?\b(?:is|are|was|were|being|been)\s+(?:\w+\s+)?(?:fed|channell?ed)\s+into\b)"), "from-into", ("fed", "channel")),
    FeedPattern("contributes-to", _rx(r"\bcontribut(?:es|ed|ing|e)\s+(?:(?:\w+\s+){0,3}?(?:information|inputs?|analys[ie]s|data|findings)\s+)?to\b"), "subject-to", ("contribut",)),
    FeedPattern("feeds-into", _rx(r"\b(?:feed|feeds|feeding|channel|channels|channell?ing)\b(?=\s+(?:[\w’'-]+\s+){0,12}?into\b)"), "subject-into", ("feed", "channel")),
)

#: "(e.g. X)", "such as X": the examples name what a vague phrase stands for
EXAMPLES = _rx(r"\b(?:e\.\s?g\.|such\s+as|including|notably|for\s+example)")


# ------------------------------------------------------------------------ gates

#: word stems without which a rule group cannot match: a clause lacking them skips the group
#: (speed only; each group's patterns still decide). ``sentence`` is the union, for whole sentences.
GATES: dict[str, tuple[str, ...]] = {
    "mandates": MANDATE_STEMS,
    "links": tuple(dict.fromkeys(w for pattern in LINK_PATTERNS for w in pattern.words)),
    "feeds": tuple(dict.fromkeys(w for pattern in FEED_PATTERNS for w in pattern.words)),
    "information": ("flow", "channel", "transmission", "sharing", *REACHING_NOUNS),
    "charter": ("article", "art."),
    "outcomes": OUTCOME_STEMS,
    "obstruction": OBSTRUCTION_STEMS,
    "briefs": tuple(dict.fromkeys((*INFO_VERB_STEMS, *(s for n in INFO_NOUN_WORDS.values() for s in n),
                                   *PASSIVE_INFO_WORDS, *REVERSE_INFO_WORDS,
                                   "information", "analys", "finding", "data", "flow", "channel"))),
}
GATES["sentence"] = tuple(dict.fromkeys(stem.strip() for stems in GATES.values() for stem in stems))
