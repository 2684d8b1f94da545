# ruff: noqa: E501  (an entry reads best with its words and examples on few lines)
"""The flow grammar as one table: every construction that states a flow or its status.

Each :class:`Construction` says, as data:

- ``words``: how the construction is worded, as lemmas whose inflections are generated
  (``"brief+"`` stands for brief, briefs, briefed, briefing; see :func:`inflections`),
  literal words, alternatives (``"to|before"``), optional words (``"[back|thereon]"``), a
  gap of up to six words, commas between them allowed ("regular, concise advice") (``*``) or of up to sixteen (``**``, room for a mechanism's long name) and a look-ahead after ``=>`` that must follow but is not
  part of the match ("keep+ => * informed|updated" matches "keep" when "informed" follows);
- ``frame``: where the source, the recipient and the mandating text stand around the
  words (the frames are the few functions of :mod:`.briefs`, :mod:`.mandates` and
  :mod:`.cues` that read them: ``direct`` object, ``to`` / ``with`` after a preposition,
  ``attention`` after "the attention of", ``mandate`` addressee then an infinitive, ...);
- ``status``: how a flow's status is read, by name (``modality``: from the clause's
  negation, blocking, expectation and recommendation cues; ``mandate``: MANDATED when a
  text or a body provides it, PROPOSED when someone else asks; a cue's own status);
- ``positive`` and ``negative``: example sentences, written for this table in our own
  words, from which ``tests/loaders/test_flows_constructions.py`` generates its tests
  (each positive gives at least the flows it lists, each negative none of them).

:mod:`.lexicon` compiles the table (one pattern per group, the word stems the speed
gates look for); no rule module holds words of its own. ``CONSTRUCTIONS.md`` beside this
file lists the classes of construction found in real documents that these entries read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

#: past forms that are not made by adding -ed (participles too)
IRREGULAR: dict[str, tuple[str, ...]] = {
    "tell": ("told",), "speak": ("spoke", "spoken"), "send": ("sent",), "bring": ("brought",), "make": ("made",),
    "draw": ("drew", "drawn"), "keep": ("kept",), "hear": ("heard",), "give": ("gave", "given"),
    "hold": ("held",), "have": ("had",), "feed": ("fed",), "seek": ("sought",), "cut": ("cut",),
    "write": ("wrote", "written"), "take": ("took", "taken"), "forbid": ("forbade", "forbidden"), "meet": ("met",),
}
#: verbs whose final consonant doubles before -ed and -ing (submitted, barred, cancelled)
DOUBLING = frozenset({"submit", "transmit", "commit", "bar", "stop", "plan", "cancel", "refer", "ban", "channel",
                      "admit", "permit", "veto", "cut"})


def inflections(lemma: str) -> tuple[str, ...]:
    """Every verb form of ``lemma``, with the gerund's plural (the nominal "briefings"): brief, briefs,
    briefed, briefing, briefings."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    past: tuple[str, ...]
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        third, past = lemma[:-1] + "ies", (lemma[:-1] + "ied",)
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third, past = lemma + "es", (lemma + "ed",)
    else:
        third, past = lemma + "s", (lemma + "d" if lemma.endswith("e") else lemma + "ed",)
    gerund = stem + "ing"
    if lemma in DOUBLING and not lemma.endswith("o"):
        past, gerund = (lemma + lemma[-1] + "ed",), lemma + lemma[-1] + "ing"
        if lemma.endswith("l"):  # cancelled and canceled, channelled and channeled
            past, gerund = (*past, lemma + "ed"), gerund
    past = IRREGULAR.get(lemma) or past
    return tuple(dict.fromkeys((lemma, third, *past, gerund, gerund + "s")))


def stems(lemma: str) -> tuple[str, ...]:
    """The shortest beginnings every form of ``lemma`` starts with (the speed gates look for these)."""
    forms = inflections(lemma)
    regular = [f for f in forms if f not in IRREGULAR.get(lemma, ())]
    prefix = regular[0]
    for form in regular[1:]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    # a beginning of three letters or fewer starts too many other words ("den" of deny: Denmark)
    beginnings = (prefix,) if len(prefix) > 3 else tuple(regular)
    return tuple(dict.fromkeys((*beginnings, *IRREGULAR.get(lemma, ()))))


GAP = r"(?:,?\s+[\w’'-]+){0,6}?"
LONG_GAP = r"(?:\s+[\w’'-]+){0,16}?"


def _alternatives(token: str) -> str:
    """One token of a word spec (without brackets) as a regular expression."""
    if token.startswith("/") and token.endswith("/"):
        return token[1:-1]
    words: list[str] = []
    for word in token.split("|"):
        words.extend(inflections(word[:-1]) if word.endswith("+") else (word,))
    return "(?:" + trie_alternation(sorted(set(words))) + ")"


def trie_alternation(words: list[str]) -> str:
    """``words`` as one factored alternation ("brief(?:ed|ing(?:s)?|s)?"), matching the longest word it can:
    a regular expression tries the branches of a flat alternation one by one at every position, a
    factored one once per letter."""
    if words == [""]:
        return ""
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + trie_alternation(rests) for first, rests in sorted(by_first.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


def _sequence(tokens: list[str], *, leading: bool) -> str:
    """Tokens as a regular expression; ``leading``: the match starts at the first token (no space before it).

    Optional tokens at the start are each followed by their own space, so the first
    required token still starts a word.
    """
    source = ""
    for token in tokens:
        optional = token.startswith("[") and token.endswith("]")
        bare = token.strip("[]")
        if bare in ("*", "**"):
            source += GAP if bare == "*" else LONG_GAP
        elif leading:
            part = _alternatives(bare)
            source += rf"(?:{part}\s+)?" if optional else part
            leading = optional
        else:
            part = _alternatives(bare)
            source += rf"(?:\s+{part})?" if optional else rf"\s+{part}"
    return source


def compile_spec(spec: str) -> str:
    """A word spec (see the module docstring) as a regular expression source, matched as whole words."""
    words, _, ahead = spec.partition(" => ")
    boundary = "" if words.startswith("/") else r"\b"
    source = boundary + _sequence(words.split(), leading=True) + boundary
    if ahead:
        source += "(?=" + _sequence(ahead.split(), leading=False) + r"\b)"
    return source


#: words too common to gate on: a spec that starts with them is gated on its next required word
FUNCTION_WORDS = frozenset({"not", "never", "no", "is", "are", "was", "were", "be", "been", "being", "get", "got",
                            "the", "a", "an", "of", "to", "it", "has", "have", "at", "on", "upon", "in", "by"})


def first_words(spec: str) -> tuple[str, ...]:
    """The beginnings a text must hold where ``spec`` matches: the stems of the words that can start it,
    or, when those are function words or a regular expression, of the next required token that is not."""
    tokens = [t for t in spec.partition(" => ")[0].split() if t.strip("[]") not in ("*", "**")]
    found: list[str] = []
    for position, token in enumerate(tokens):
        bare = token.strip("[]")
        words = [] if bare.startswith("/") else bare.split("|")
        common = all(w.lower() in FUNCTION_WORDS for w in words)
        later = any(not t.startswith("[") for t in tokens[position + 1:])
        if (common or not words) and later:
            continue
        for word in words:
            found.extend(stems(word[:-1]) if word.endswith("+") else (word.lower().split("’")[0],))
        if not token.startswith("["):
            break
    return tuple(found)


@dataclass(frozen=True)
class Example:
    """A sentence of an example, and the flows it states: ``"BRIEFS <source name> -> <target name> STATUS"``
    (names as the reference data spells them, status ``-`` for edges without one)."""

    text: str
    flows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Construction:
    """One named way of stating a flow, a mandate, a block, a missing link or a status (see the module docstring)."""

    name: str
    #: which part of the grammar reads it: info-verb, info-noun, passive-info, receiving, mandate,
    #: passive-mandate, block, outcome, status (cues before the flow's words), status-after (after its noun), link,
    #: self-report (the document given by its authors), obstruction (a mechanism kept from its work),
    #: self-mandate (a text that commits its own body: "Decides to transmit ..."), mandate-noun ("the request
    #: contained in resolution X for Y to brief Z"), mandate-agent ("at the invitation of X, Y briefed Z"),
    #: cause (the words that give the reason a flow did not happen), chapeau (a list of recommendations
    #: whose items, bare verbs, its addressee is to carry out)
    group: str
    words: tuple[str, ...]
    frame: str = ""
    #: the relationship the construction states (BRIEFS, REQUESTS, INVITES, BLOCKS, NO_LINK), or "" for a status cue
    #: and for a mandate verb that states no edge of its own ("encourages X to ...": only the flow encouraged)
    relation: str = ""
    status: str = "modality"
    #: for a blocking cue: the reason kept on its BLOCKS edge
    reason: str = ""
    positive: tuple[Example, ...] = ()
    negative: tuple[Example, ...] = ()
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        source = "|".join(compile_spec(spec) for spec in self.words)
        object.__setattr__(self, "pattern", re.compile(source, re.IGNORECASE))

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for spec in self.words for s in first_words(spec)))


def _e(text: str, *flows: str) -> Example:
    return Example(text, flows)


HC, SC, HRC, GA, PBC = "High Commissioner for Human Rights", "Security Council", "Human Rights Council", "General Assembly", "Peacebuilding Commission"
SG, CHAIR = "Secretary-General", "Chair of the Peacebuilding Commission"
COI = "Independent International Commission of Inquiry on the Syrian Arab Republic"

CONSTRUCTIONS: tuple[Construction, ...] = (
    # ------------------------------------------------------------------ information verbs (source before, recipient after)
    Construction("briefers-named", "info-verb", ("[also] briefing|addressing * was|were", "briefer|briefers * include|included|includes", "[the|other] briefer|briefers are|were|was|is", "[the|other] briefer|briefers will|would|may be"), "inverted", "BRIEFS",
                 positive=(_e("The Security Council met on the crisis. Briefing the Council were the Secretary-General and the High Commissioner for Human Rights.", f"BRIEFS {SG} -> {SC} REALISED", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The Security Council meets on the crisis next week. Briefers are expected to include the High Commissioner for Human Rights.", f"BRIEFS {HC} -> {SC} PROPOSED")),
                 negative=(_e("The Security Council met on the crisis. Briefing materials were ready before the Secretary-General arrived.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    Construction("briefers-before", "info-verb", ("briefer|briefers",), "briefers-before", "BRIEFS",
                 positive=(_e("The Security Council meets on the crisis next week. The Secretary-General and the High Commissioner for Human Rights are the anticipated briefers.",
                              f"BRIEFS {SG} -> {SC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The Security Council met on the crisis. The High Commissioner for Human Rights was among the briefers.", f"BRIEFS {HC} -> {SC} REALISED"))),
    Construction("brief", "info-verb", ("brief+",), "direct", "BRIEFS",
                 positive=(_e("In May the High Commissioner for Human Rights briefed the Security Council on the north.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The Human Rights Council met in Geneva.\n\nOn 14 April the Security Council held an open debate on prevention, at which the High Commissioner for Human Rights briefed.",
                              f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The Secretary-General has increasingly briefed the Security Council on early risks.", f"BRIEFS {SG} -> {SC} REALISED"),
                           _e("The Chair of the Peacebuilding Commission has never briefed the Human Rights Council.", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),
                           _e("The High Commissioner for Human Rights is expected to brief the Security Council next week.", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("Tomorrow the Security Council holds its annual debate on prevention. The Secretary-General is expected to brief, together with a civil society speaker.", f"BRIEFS {SG} -> {SC} PROPOSED"),
                           _e("The Security Council meets on the crisis on Monday. The Secretary-General and the High Commissioner for Human Rights are expected to brief.", f"BRIEFS {SG} -> {SC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The Secretary-General has not been able to brief the Human Rights Council this year.", f"BRIEFS {SG} -> {HRC} UNREALISED"),
                           _e("The Security Council meets on the crisis on Monday. The Secretary-General and the High Commissioner for Human Rights are expected to brief jointly.",
                              f"BRIEFS {SG} -> {SC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The Peacebuilding Commission met in June. The High Commissioner for Human Rights briefed members on the east.", f"BRIEFS {HC} -> {PBC} REALISED"),
                           _e("# Preview: a briefing on the crisis\n\n*Posted on Monday*\n\nTomorrow the Security Council holds a briefing on the crisis. The Secretary-General is expected to brief.", f"BRIEFS {SG} -> {SC} PROPOSED"),
                           _e("Monthly Forecast: the Sahel\n\nExpected Council Action\n\nIn May, Council members expect to receive a briefing from the Secretary-General.", f"BRIEFS {SG} -> {SC} PROPOSED"),
                           _e("Participants recommended:\n- that the High Commissioner for Human Rights brief the Security Council at the start of each year;", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The High Commissioner for Human Rights briefed the Security Council and then addressed the General Assembly.", f"BRIEFS {HC} -> {SC} REALISED", f"BRIEFS {HC} -> {GA} REALISED"),
                           _e("The Secretary-General briefed the Security Council and the High Commissioner for Human Rights addressed the General Assembly.", f"BRIEFS {SG} -> {SC} REALISED", f"BRIEFS {HC} -> {GA} REALISED")),
                 negative=(_e("How often does the High Commissioner for Human Rights brief the Security Council?", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The Human Rights Council met in Geneva.\n\nOn 14 April the Security Council held an open debate on prevention, at which the High Commissioner for Human Rights briefed.",
                              f"BRIEFS {HC} -> {HRC} REALISED"),
                           _e("If the Security Council were to invite her, the High Commissioner for Human Rights could brief the Security Council.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("Participants will discuss whether the Secretary-General should brief the Human Rights Council.", f"BRIEFS {SG} -> {HRC} PROPOSED"),
                           _e("The High Commissioner for Human Rights briefed the Security Council and then addressed the General Assembly.", f"BRIEFS {SC} -> {GA} REALISED"),
                           _e("The Secretary-General briefed the Security Council and the High Commissioner for Human Rights addressed the General Assembly.",
                              f"BRIEFS {SG} -> {HC} REALISED", f"BRIEFS {SC} -> {GA} REALISED"))),
    Construction("address-letter", "info-verb", ("address+ => [a|an|the|its|his|her|their] [*] letter|letters|note|communication|message",), "to", "BRIEFS",
                 positive=(_e("The Secretary-General addressed a letter to the President of the Security Council on the situation.", f"BRIEFS {SG} -> President of the Security Council REALISED"),)),
    Construction("address", "info-verb", ("address+",), "direct", "BRIEFS",
                 positive=(_e("The Secretary-General addressed the General Assembly on prevention in 2019.", f"BRIEFS {SG} -> {GA} REALISED"),
                           _e("On 23 February the Secretary-General addressed the high-level segment of the Human Rights Council.", f"BRIEFS {SG} -> {HRC} REALISED"),
                           _e("Addressing the Security Council, the High Commissioner for Human Rights said the risks were growing.", f"BRIEFS {HC} -> {SC} REALISED")),
                 negative=(_e("The General Assembly must address the causes of the crisis.", f"BRIEFS {GA} -> {GA} REALISED"),)),
    Construction("advise", "info-verb", ("advise+",), "direct", "BRIEFS",
                 positive=(_e("The Peacebuilding Commission stands ready to advise the Security Council on the transition.", f"BRIEFS {PBC} -> {SC} PROPOSED"),
                           _e("In 2024 the Peacebuilding Commission advised the Security Council on the mission's drawdown.", f"BRIEFS {PBC} -> {SC} REALISED")),
                 negative=(_e("The Peacebuilding Commission was advised by its members to wait for the Security Council.", f"BRIEFS {PBC} -> {SC} REALISED"),)),
    Construction("inform", "info-verb", ("inform+",), "direct", "BRIEFS",
                 positive=(_e("The Secretary-General informed the Security Council of the risk.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    Construction("update", "info-verb", ("update+",), "direct", "BRIEFS",
                 positive=(_e("The High Commissioner for Human Rights will update the Human Rights Council in March.", f"BRIEFS {HC} -> {HRC} PROPOSED"),
                           _e("The Human Rights Council met in June. The Peacebuilding Commission regularly updates the Human Rights Council.", f"BRIEFS {PBC} -> {HRC} REALISED")),
                 negative=(_e("Report of the Secretary-General\n\n1. The present report answers a request of the General Assembly.\n\n2. The Office of the High Commissioner for Human Rights has issued regular updates on the crisis.",
                              f"BRIEFS Office of the High Commissioner for Human Rights -> {GA} REALISED"),
                           _e("The Security Council will meet on Monday. The Peacebuilding Support Office issued four quarterly updates on the region.",
                              f"BRIEFS Peacebuilding Support Office -> {SC} REALISED"))),
    Construction("alert", "info-verb", ("alert+", "warn+"), "direct", "BRIEFS",
                 positive=(_e("The Secretary-General warned the Security Council about the coming famine.", f"BRIEFS {SG} -> {SC} REALISED"),),
                 negative=(_e("The Security Council met on Friday. The Peacebuilding Support Office had been slow to act on early warning.", f"BRIEFS Peacebuilding Support Office -> {SC} REALISED"),
                           _e("The Human Rights Council met on Friday. Members of the Security Council heard a briefing on the crisis.", f"BRIEFS {SC} -> {HRC} REALISED"))),
    Construction("tell", "info-verb", ("tell+",), "direct", "BRIEFS",
                 positive=(_e("The High Commissioner for Human Rights told the Security Council that the risks were growing.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The High Commissioner for Human Rights, presenting the Secretary-General's latest report, told the Security Council that the risks were growing.", f"BRIEFS {HC} -> {SC} REALISED"))),
    Construction("speak-to", "info-verb", ("speak+|talk+ to|before|with",), "direct", "BRIEFS",
                 positive=(_e("The Chair of the Peacebuilding Commission spoke to the Human Rights Council in June.", f"BRIEFS {CHAIR} -> {HRC} REALISED"),)),
    Construction("appear-before", "info-verb", ("appear+ before",), "direct", "BRIEFS",
                 positive=(_e("The High Commissioner for Human Rights appeared before the Security Council twice.", f"BRIEFS {HC} -> {SC} REALISED"),)),
    Construction("report-to", "info-verb", ("report+ [back|thereon|regularly|annually] to", "report+ each|every|twice|once [a] year|month|quarter|session to"), "direct", "BRIEFS",
                 positive=(_e("The Peacebuilding Commission reports annually to the General Assembly.", f"BRIEFS {PBC} -> {GA} REALISED"),
                           _e("The Peacebuilding Commission is mandated to report each year to both the General Assembly and the Security Council.",
                              f"BRIEFS {PBC} -> {GA} MANDATED", f"BRIEFS {PBC} -> {SC} MANDATED"))),
    Construction("present", "info-verb", ("present+", "submit+"), "to", "BRIEFS",
                 positive=(_e("The Peacebuilding Commission submitted its annual report to the General Assembly.", f"BRIEFS {PBC} -> {GA} REALISED"),
                           _e("As requested in resolution 60/180, the Peacebuilding Commission submitted its report to the General Assembly in 2012.", f"BRIEFS {PBC} -> {GA} REALISED", f"BRIEFS {PBC} -> {GA} MANDATED"))),
    Construction("give-update", "info-verb", ("give+|make+ => [a|an|its|his|her|their] [*] briefing|briefings|update|updates|presentation|presentations|statement",), "to", "BRIEFS",
                 positive=(_e("The Human Rights Council asked the Independent International Commission of Inquiry on the Syrian Arab Republic to give an oral update during its June session.",
                              f"BRIEFS {COI} -> {HRC} MANDATED"),
                           _e("In 2024 the High Commissioner for Human Rights gave a briefing to the Peacebuilding Commission.", f"BRIEFS {HC} -> {PBC} REALISED"))),
    Construction("transmit", "info-verb", ("transmit+", "forward+", "convey+", "send+", "communicate+", "deliver+"), "to", "BRIEFS",
                 positive=(_e("The Secretary-General transmitted the findings to the Security Council.", f"BRIEFS {SG} -> {SC} REALISED"),
                           _e("6. Requests the Secretary-General to transmit the present resolution to the General Assembly and to the Security Council;", f"BRIEFS {SG} -> {GA} MANDATED", f"BRIEFS {SG} -> {SC} MANDATED"),
                           _e("The Secretary-General, acting on a request from members, transmitted the findings to the Security Council.", f"BRIEFS {SG} -> {SC} REALISED"),
                           _e("7. Requests the Secretary-General to transmit the report to all relevant United Nations bodies, in particular the General Assembly and the Security Council;",
                              f"BRIEFS {SG} -> {GA} MANDATED", f"BRIEFS {SG} -> {SC} MANDATED"))),
    Construction("make-available", "info-verb", ("make+ => * available",), "to", "BRIEFS",
                 positive=(_e("The High Commissioner for Human Rights made her report available to the Security Council in April.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The report of the High Commissioner for Human Rights was made available to members of the Security Council.", f"BRIEFS {HC} -> {SC} REALISED")),
                 negative=(_e("The High Commissioner for Human Rights made her views known to the Security Council.", f"BRIEFS {HC} -> {SC} REALISED"),)),
    Construction("write-to", "info-verb", ("write+ to",), "direct", "BRIEFS",
                 positive=(_e("The Secretary-General wrote to the President of the Security Council on 6 December 2023.", f"BRIEFS {SG} -> President of the Security Council REALISED"),)),
    Construction("provide-with", "info-verb", ("provide+|furnish+|supply+ => * with * advice|information|analysis|analyses|briefings|briefing|updates|update|reports|report|assessments|findings",), "direct", "BRIEFS",
                 positive=(_e("Next week the High Commissioner for Human Rights will provide the Security Council with an update on the north.", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The Peacebuilding Support Office provided the Peacebuilding Commission with regular analysis.", f"BRIEFS Peacebuilding Support Office -> {PBC} REALISED")),
                 negative=(_e("The General Assembly provided the Peacebuilding Commission with a budget.", f"BRIEFS {GA} -> {PBC} REALISED"),)),
    Construction("provide-to", "info-verb", ("provide+ => [*] advice|information|analysis|analyses|briefings|updates|reports|recommendations|assessments",), "to", "BRIEFS",
                 positive=(_e("The Peacebuilding Commission provides advice to the Security Council.", f"BRIEFS {PBC} -> {SC} REALISED"),
                           _e("The Peacebuilding Commission provided timely, focused and practical advice to the Security Council.", f"BRIEFS {PBC} -> {SC} REALISED")),
                 negative=(_e("The Peacebuilding Commission provides support to the Security Council.", f"BRIEFS {PBC} -> {SC} REALISED"),)),
    Construction("thanked", "info-verb", ("thank+ => * for * briefing|briefings|presentation|presentations|update|updates|statement",), "thanked", "BRIEFS",
                 positive=(_e("The Security Council met on the crisis. The representative of Norway thanked the Secretary-General and the High Commissioner for Human Rights for their briefings.",
                              f"BRIEFS {SG} -> {SC} REALISED", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("Statement by the representative of Brazil\n\nSecurity Council open debate on prevention, 3 May 2025\n\nThank you, Madam President.\n\nLet me thank the Secretary-General for his briefing.",
                              f"BRIEFS {SG} -> {SC} REALISED")),
                 negative=(_e("The Security Council met on the crisis. Norway thanked the Secretary-General for his support.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    Construction("share-with", "info-verb", ("share+",), "with", "BRIEFS",
                 positive=(_e("The High Commissioner for Human Rights shared her analysis with the Peacebuilding Commission.", f"BRIEFS {HC} -> {PBC} REALISED"),)),
    Construction("feed-into", "info-verb", ("feed+|channel+ => * into",), "into", "BRIEFS",
                 positive=(_e("The Human Rights Council should feed its findings into the deliberations of the Security Council.", f"BRIEFS {HRC} -> {SC} PROPOSED"),
                           _e("The Human Rights Council does not feed its findings into the work of the Security Council.", f"BRIEFS {HRC} -> {SC} UNREALISED")),
                 negative=(_e("The Office of the High Commissioner for Human Rights feeds its analysis into the Regional Monthly Review.",
                              "BRIEFS Office of the High Commissioner for Human Rights -> Regional Monthly Review REALISED"),)),
    Construction("keep-informed", "info-verb", ("keep+ => * [fully|regularly|closely] informed|updated|apprised",), "direct", "BRIEFS",
                 positive=(_e("The Secretary-General kept the Security Council informed of the talks.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    Construction("bring-to-attention", "info-verb", ("bring+", "draw+"), "attention", "BRIEFS",
                 positive=(_e("The Secretary-General brought the dispute to the attention of the Security Council.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    # ------------------------------------------------------------------ nouns of information (author by/of/'s, recipient to)
    Construction("briefing-noun", "info-noun", ("briefing|briefings", "oral update|updates"), "by|from > to|for|of|before|with", "BRIEFS",
                 positive=(_e("The meeting, which would have featured a briefing by the High Commissioner for Human Rights to the Security Council, did not take place.", f"BRIEFS {HC} -> {SC} UNREALISED"),
                           _e("It was not possible to schedule the briefing by the Chair of the Peacebuilding Commission to the Human Rights Council.", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),
                           _e("The briefing by the Chair of the Peacebuilding Commission to the Human Rights Council was valuable.", f"BRIEFS {CHAIR} -> {HRC} REALISED"),
                           _e("Welcomes the briefing given to the Human Rights Council at its last session by the Secretary-General;", f"BRIEFS {SG} -> {HRC} REALISED"),
                           _e("In May a planned Security Council briefing by the High Commissioner for Human Rights was called off.", f"BRIEFS {HC} -> {SC} UNREALISED"),
                           _e("In May a planned Security Council briefing by the High Commissioner for Human Rights was called off at the request of two members.", f"BRIEFS {HC} -> {SC} BLOCKED"),
                           _e("The Human Rights Council opened its session. The annual briefing by the Chair of the Peacebuilding Commission followed.", f"BRIEFS {CHAIR} -> {HRC} REALISED"),
                           _e("The Security Council met on the crisis. Mexico and five other members had requested a briefing by the High Commissioner for Human Rights.", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("Tomorrow the Security Council will hold a debate. Briefings are expected from Ambassador Tova Example (Chile), the chair of the Peacebuilding Commission, and from the Secretary-General.",
                              f"BRIEFS {CHAIR} -> {SC} PROPOSED", f"BRIEFS {SG} -> {SC} PROPOSED")),
                 negative=(_e("Tomorrow the Security Council will hold a debate. Briefings are expected from Ambassador Tova Example (Chile), the chair of the Peacebuilding Commission.",
                              f"BRIEFS Chile -> {SC} PROPOSED"),
                           _e("The Security Council welcomed the work of the Peacebuilding Commission, whose briefings are valued.", f"BRIEFS {PBC} -> {SC} PROPOSED"))),
    Construction("report-noun", "info-noun", ("report|reports|update|updates|presentation|presentations|findings|conclusions|summary|summaries",), "of|by|from > to|before", "BRIEFS",
                 positive=(_e("The report of the High Commissioner for Human Rights, which was presented to the Human Rights Council in March, documents 200 cases.",
                              f"BRIEFS {HC} -> {HRC} REALISED"),
                           _e("Members discussed the annual report of the Peacebuilding Commission to the General Assembly.", f"BRIEFS {PBC} -> {GA} REALISED"),
                           _e("The Peacebuilding Commission's report to the General Assembly covers its tenth session.", f"BRIEFS {PBC} -> {GA} REALISED"),
                           _e("On Monday the Human Rights Council heard the presentation of the annual report of the Secretary-General.", f"BRIEFS {SG} -> {HRC} REALISED"),
                           _e("The findings of the Independent International Commission of Inquiry on the Syrian Arab Republic were presented to the Security Council in May.", f"BRIEFS {COI} -> {SC} REALISED"),
                           _e("The report of the High Commissioner for Human Rights was transmitted to the Security Council.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("A short summary will be drafted by the Peacebuilding Support Office and shared with the Peacebuilding Commission.", f"BRIEFS Peacebuilding Support Office -> {PBC} PROPOSED"),
                           _e("So far the findings of the Secretary-General have not been shared with the Human Rights Council.", f"BRIEFS {SG} -> {HRC} UNREALISED"),
                           _e("In our view the conclusions of the Peacebuilding Commission should be sent to the Security Council.", f"BRIEFS {PBC} -> {SC} PROPOSED"),
                           _e("Last year the reports of the Peacebuilding Commission were not considered by the Security Council.", f"BRIEFS {PBC} -> {SC} UNREALISED"),
                           _e("The yearly report of the Secretary-General was discussed by the General Assembly in June.", f"BRIEFS {SG} -> {GA} REALISED"),
                           _e("The Security Council has never heard the Secretary-General, whose conclusions were presented to the General Assembly.", f"BRIEFS {SG} -> {GA} REALISED")),
                 negative=(_e("The report of the Secretary-General was discussed by the General Assembly in June.", f"BRIEFS {GA} -> {SG} REALISED"),
                           _e("The Secretary-General contributed to the Peacebuilding Commission's annual report and shared with the Peacebuilding Support Office a list of risks.",
                              f"BRIEFS {PBC} -> Peacebuilding Support Office REALISED"),
                           _e("The report of the Secretary-General with its annexes was discussed by the Security Council.", f"BRIEFS {SG} -> {SC} REALISED"),_e("The Human Rights Council may decide to transmit the report of the Independent International Commission of Inquiry on the Syrian Arab Republic to the General Assembly.",
                              f"BRIEFS {COI} -> {GA} REALISED"),)),
    Construction("letter-noun", "info-noun", ("letter|letters",), "from|by|of > to|addressed to", "BRIEFS",
                 positive=(_e("In a letter from the Secretary-General to the Security Council, the risks were set out.", f"BRIEFS {SG} -> {SC} REALISED"),)),
    # ------------------------------------------------------------------ the document itself (its authors, from its heading)
    Construction("present-report", "self-report", ("the|this [present] report|note|letter is|was|has|will [also] [been|be] [also|hereby] submitted|presented|transmitted",), "to", "BRIEFS",
                 positive=(_e("Report of the Secretary-General\n\nThe present report is submitted to the General Assembly in response to its request.", f"BRIEFS {SG} -> {GA} REALISED"),
                           _e("Report of the Peacebuilding Commission on its ninth session\n\nUnder resolution 1646 (2005), the report is also submitted to the Security Council.", f"BRIEFS {PBC} -> {SC} REALISED"),
                           _e("Report of the Secretary-General\n\nThis report is submitted pursuant to resolution 75/201, in which I was requested to submit a report to the General Assembly.",
                              f"BRIEFS {SG} -> {GA} REALISED", f"BRIEFS {SG} -> {GA} MANDATED")),
                 negative=(_e("Summary of discussions\n\nThe Secretary-General spoke first. The present report is submitted to the General Assembly.", f"BRIEFS {SG} -> {GA} REALISED"),)),
    # ------------------------------------------------------------------ the recipient as subject
    Construction("passive-brief", "passive-info", ("was|were|is|are|been|being|be|get|got [*] briefed|informed|addressed|updated|alerted|told|warned",), "by", "BRIEFS",
                 positive=(_e("The Security Council was briefed by the High Commissioner for Human Rights.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("The Peacebuilding Commission held a meeting on the Sahel. The meeting was briefed by the Secretary-General and a representative of the Peacebuilding Support Office.",
                              f"BRIEFS {SG} -> {PBC} REALISED", f"BRIEFS Peacebuilding Support Office -> {PBC} REALISED"))),
    Construction("hear-from", "receiving", ("hear+ [*] from", "hear+", "receive+ * reports|report|updates|update|information|analysis|analyses|briefings|briefing|advice|recommendations|warnings|letters|letter|findings|assessments from",
                                            "hold+|held * interactive dialogue|dialogues with"), "from", "BRIEFS",
                 positive=(_e("The General Assembly rarely hears from the Human Rights Council on prevention.", f"BRIEFS {HRC} -> {GA} REALISED"),
                           _e("Last year the Security Council heard the High Commissioner for Human Rights twice.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("In 2022 the Security Council refused to hear the Secretary-General on the famine.", f"BRIEFS {SG} -> {SC} BLOCKED", f"BLOCKS {SC} -> {SG} REALISED"),
                           _e("Ahead of the renewal, the Security Council received written advice from the Peacebuilding Commission.", f"BRIEFS {PBC} -> {SC} REALISED"),
                           _e("On Tuesday the Human Rights Council held an interactive dialogue with the High Commissioner for Human Rights on her annual report.", f"BRIEFS {HC} -> {HRC} REALISED")),
                 negative=(_e("The Security Council heard statements by many delegations, including that of the Peacebuilding Commission.", f"BRIEFS {PBC} -> {SC} REALISED"),)),
    Construction("receiving-verb", "receiving-noun", ("heard|hears|hear|received|receives|receive|held|holds|hold|had|convened|hosted", "take+ note of", "welcome+", "consider+", "examine+", "feature+",
                                                                 "take+ up", "took up"), "subject > noun", "BRIEFS",
                 positive=(_e("The Security Council heard a briefing by the Secretary-General.", f"BRIEFS {SG} -> {SC} REALISED"),
                           _e("Taking note of the report of the High Commissioner for Human Rights (A/HRC/45/12), the Human Rights Council adopted the text.", f"BRIEFS {HC} -> {HRC} REALISED"),
                           _e("In October the General Assembly took up the annual report of the Human Rights Council.", f"BRIEFS {HRC} -> {GA} REALISED"),
                           _e("The Security Council considered the report of the Secretary-General on the region.", f"BRIEFS {SG} -> {SC} REALISED"),
                           _e("The Security Council failed to hold the meeting, which would have featured a briefing by the High Commissioner for Human Rights, after a procedural vote requested by China.", f"BRIEFS {HC} -> {SC} BLOCKED", f"BLOCKS China -> {HC} REALISED"))),
    # ------------------------------------------------------------------ mandates
    Construction("requests", "mandate", ("request+", "ask+"), "mandate", "REQUESTS", "mandate",
                 positive=(_e("Our work follows General Assembly resolution 60/180 and Security Council resolution 1645 (2005), in which the two organs asked the Peacebuilding Commission to report to the General Assembly.",
                              f"REQUESTS A/RES/60/180 -> {PBC} MANDATED", f"REQUESTS S/RES/1645 (2005) -> {PBC} MANDATED"),
                           _e("The Security Council requested the Secretary-General to brief it within thirty days.", f"REQUESTS {SC} -> {SG} MANDATED", f"BRIEFS {SG} -> {SC} MANDATED"),
                           _e("Another option is for the Security Council to request the Secretary-General to brief every six months.", f"REQUESTS {SC} -> {SG} PROPOSED", f"BRIEFS {SG} -> {SC} PROPOSED"),
                           _e("The Peacebuilding Commission should ask the Office of the United Nations High Commissioner for Human Rights for a short brief before each meeting.",
                              f"REQUESTS {PBC} -> Office of the United Nations High Commissioner for Human Rights PROPOSED",
                              f"BRIEFS Office of the United Nations High Commissioner for Human Rights -> {PBC} PROPOSED"),
                           _e("The Security Council requested that the Secretary-General report to the General Assembly on the review.", f"REQUESTS {SC} -> {SG} MANDATED", f"BRIEFS {SG} -> {GA} MANDATED"),
                           _e("The Security Council requested today that the Peacebuilding Commission present its report to the General Assembly.", f"REQUESTS {SC} -> {PBC} MANDATED", f"BRIEFS {PBC} -> {GA} MANDATED"),
                           _e("The draft resolution would have the General Assembly request the Secretary-General to report to it at its next session.", f"REQUESTS {GA} -> {SG} PROPOSED", f"BRIEFS {SG} -> {GA} PROPOSED"),
                           _e("Several speakers said the Human Rights Council should ask the High Commissioner to brief the Security Council.", f"REQUESTS {HRC} -> {HC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED")),
                 negative=(_e("The Security Council requested that the Secretary-General brief the General Assembly every six months.", f"BRIEFS {SG} -> {GA} REALISED"),
                           _e("Remarks by the Secretary-General\n\nI intend to ask the regional envoys to share their analysis with the Peacebuilding Commission.", f"BRIEFS {SG} -> {PBC} PROPOSED"),
                           _e("Security Council resolution 1645 (2005) set up the Commission. Options now include:\n\n(a) asking the Peacebuilding Commission to report to the Security Council twice a year;",
                              f"REQUESTS S/RES/1645 (2005) -> {PBC} MANDATED", f"BRIEFS {PBC} -> {SC} MANDATED"))),
    Construction("calls-upon", "mandate", ("call+ on|upon|for",), "mandate", "REQUESTS", "mandate",
                 positive=(_e("The Security Council called on the Peacebuilding Commission to share its advice with the General Assembly.", f"REQUESTS {SC} -> {PBC} MANDATED", f"BRIEFS {PBC} -> {GA} MANDATED"),)),
    Construction("encourages", "mandate", ("encourage+",), "mandate", "", "PROPOSED",
                 positive=(_e("7. Encourages the Peacebuilding Commission to share its advice with the Security Council;", f"BRIEFS {PBC} -> {SC} PROPOSED"),
                           _e("The Security Council encourages the Peacebuilding Commission to continue to provide it with concise and targeted advice.", f"BRIEFS {PBC} -> {SC} PROPOSED")),
                 negative=(_e("7. Encourages the Peacebuilding Commission to share its advice with the Security Council;", f"BRIEFS {PBC} -> {SC} MANDATED"),
                           _e("The Security Council encourages the Peacebuilding Commission to continue to provide it with concise and targeted advice.",
                              f"REQUESTS {SC} -> {PBC} PROPOSED"))),
    Construction("urges", "mandate", ("urge+",), "mandate", "REQUESTS", "mandate",
                 positive=(_e("The General Assembly urged the Peacebuilding Commission to report to the Security Council.", f"REQUESTS {GA} -> {PBC} MANDATED", f"BRIEFS {PBC} -> {SC} MANDATED"),)),
    Construction("mandates", "mandate", ("mandate+", "task+", "instruct+", "require+"), "mandate", "REQUESTS", "mandate",
                 positive=(_e("The report answers General Assembly resolution 60/180 and Security Council resolution 1645 (2005), which require the Peacebuilding Commission to report annually to the General Assembly.",
                              f"REQUESTS A/RES/60/180 -> {PBC} MANDATED", f"REQUESTS S/RES/1645 (2005) -> {PBC} MANDATED", f"BRIEFS {PBC} -> {GA} MANDATED"),),
                 negative=(_e("The Peacebuilding Commission said its decisions require consensus among its members.", f"REQUESTS {PBC} -> {PBC} MANDATED"),)),
    Construction("decides-shall", "mandate", ("decide+ that",), "mandate", "REQUESTS", "mandate",
                 positive=(_e("5. Decides that the Peacebuilding Commission shall submit an annual report to the General Assembly;", f"BRIEFS {PBC} -> {GA} MANDATED"),
                           _e("The General Assembly decided that the Human Rights Council shall, inter alia:\n(a) Promote human rights education;\n(b) Submit an annual report to the General Assembly;", f"BRIEFS {HRC} -> {GA} MANDATED", f"REQUESTS {GA} -> {HRC} MANDATED")),
                 negative=(_e("The General Assembly decided that the mandate of the Peacebuilding Commission is extended.", f"REQUESTS {GA} -> {PBC} MANDATED"),)),
    Construction("decides-to", "self-mandate", ("decide+|resolve+ to",), "adopting-body", "BRIEFS", "MANDATED",
                 positive=(_e("56/1. Early warning\n\nThe Human Rights Council,\n\nRecalling its resolution 45/31,\n\n1. Decides to transmit the reports of the commission to the Secretary-General and to the General Assembly;",
                              f"BRIEFS {HRC} -> {SG} MANDATED", f"BRIEFS {HRC} -> {GA} MANDATED"),),
                 negative=(_e("56/2. Early warning\n\nThe Human Rights Council,\n\nRecalling its resolution 45/31,\n\n1. Decides to remain seized of the matter;\n\n2. Notes that the Secretary-General decided to transmit his report to the General Assembly;",
                              f"BRIEFS {HRC} -> {GA} MANDATED"),)),
    Construction("mandate-noun", "mandate-noun", ("request|requests|invitation|invitations|call|calls",), "text > for", "REQUESTS", "MANDATED",
                 positive=(_e("The Commission has not met the Human Rights Council, although the request contained in Human Rights Council resolution 45/31 for the Chair of the Peacebuilding Commission to brief the Human Rights Council was noted.",
                              f"REQUESTS A/HRC/RES/45/31 -> {CHAIR} MANDATED", f"BRIEFS {CHAIR} -> {HRC} MANDATED"),
                           _e("The Chair of the Peacebuilding Commission addressed the Human Rights Council in 2022, following the invitation extended in Human Rights Council resolution 45/31.",
                              f"INVITES A/HRC/RES/45/31 -> {CHAIR} MANDATED", f"BRIEFS {CHAIR} -> {HRC} REALISED")),
                 negative=(_e("A request by several members of the Security Council for a briefing by the Chair of the Peacebuilding Commission was made in May.", f"REQUESTS A/HRC/RES/45/31 -> {CHAIR} MANDATED"),)),
    Construction("invitation-of", "mandate-agent", ("at|upon|on the [kind] invitation|request of",), "agent > subject", "INVITES", "REALISED",
                 positive=(_e("At the invitation of the Peacebuilding Commission, the Secretary-General briefed its Organizational Committee in April.", f"INVITES {PBC} -> {SG} REALISED"),
                           _e("The High Commissioner for Human Rights briefed the Security Council at the invitation of the General Assembly.", f"INVITES {GA} -> {HC} REALISED"),
                           _e("At the request of the Peacebuilding Commission, the Secretary-General shared his analysis with the Commission.", f"REQUESTS {PBC} -> {SG} REALISED")),
                 negative=(_e("A briefing by the Secretary-General to the Human Rights Council was postponed at the request of the Security Council.", f"REQUESTS {SC} -> {SG} REALISED"),)),
    Construction("invites", "mandate", ("invite+",), "mandate", "INVITES", "mandate",
                 positive=(_e("An option for the Security Council would be to invite the High Commissioner for Human Rights to brief it on the crisis.",
                              f"INVITES {SC} -> {HC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("I call on the Security Council to continue to invite the High Commissioner for Human Rights to brief it.",
                              f"INVITES {SC} -> {HC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),
                           _e("The Human Rights Council invited the Chair of the Peacebuilding Commission to brief the Human Rights Council annually.", f"INVITES {HRC} -> {CHAIR} MANDATED", f"BRIEFS {CHAIR} -> {HRC} MANDATED"),
                           _e("The Security Council adopted a statement. In it, the Council expressed its wish to hear more often from the advice of the Peacebuilding Commission and invited the Secretary-General to brief it twice a year.",
                              f"INVITES {SC} -> {SG} MANDATED", f"BRIEFS {SG} -> {SC} MANDATED"),
                           _e("Since 2019 the Chair of the Peacebuilding Commission has not been invited to brief the Security Council.", f"BRIEFS {CHAIR} -> {SC} UNREALISED"),
                           _e("We recommend that the Peacebuilding Commission invite the High Commissioner for Human Rights to brief it before each country meeting.", f"BRIEFS {HC} -> {PBC} PROPOSED")),
                 negative=(_e("Since 2019 the Chair of the Peacebuilding Commission has not been invited to brief the Security Council.", f"BRIEFS {CHAIR} -> {SC} MANDATED"),
                           _e("We recommend that the Peacebuilding Commission invite the High Commissioner for Human Rights to brief it before each country meeting.", f"INVITES {PBC} -> {HC} MANDATED"),
                           _e("One speaker suggested that the Human Rights Council request the Secretary-General to transmit its reports to the Security Council.", f"REQUESTS {HRC} -> {SG} MANDATED", f"BRIEFS {SG} -> {SC} MANDATED"))),
    Construction("passive-mandate", "passive-mandate", ("is|are|was|were|been|being|be [also|further|again|hereby] requested|invited|mandated|tasked|urged|instructed", "is|are|was|were|been|being|be [also|further|again|hereby] called on|upon"), "mandate", "REQUESTS", "mandate",
                 positive=(_e("Under the resolution, the Peacebuilding Commission was requested to submit an annual report to the General Assembly.", f"BRIEFS {PBC} -> {GA} MANDATED"),
                           _e("This note answers General Assembly resolution 60/180 and Security Council resolution 1645 (2005), by which the Peacebuilding Commission was requested to report to the General Assembly every year.",
                              f"REQUESTS A/RES/60/180 -> {PBC} MANDATED", f"REQUESTS S/RES/1645 (2005) -> {PBC} MANDATED", f"BRIEFS {PBC} -> {GA} MANDATED"))),
    # ------------------------------------------------------------------ what stops a flow (BLOCKED, with a BLOCKS edge from each blocker named)
    Construction("declined", "block", ("decline+", "refuse+", "turn+ down", "turned down"), "blocker-subject", "BLOCKS", "declined", "declined",
                 positive=(_e("In 2019 the Chair of the Peacebuilding Commission declined to address the Human Rights Council.", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),)),
    Construction("not-allowed", "block", ("not|never [been|being] allow+|permit+|authorize+|authorise+", "not|never [been|being] given [the] floor|permission|opportunity",
                                          "prevent+ * from", "bar+ * from", "preclude+ * from", "keep+ * from", "stop+ * from", "deny+"), "blocker-subject", "BLOCKS", "blocked", "not allowed",
                 positive=(_e("China prevented the High Commissioner for Human Rights from briefing the Security Council.", f"BRIEFS {HC} -> {SC} BLOCKED", "BLOCKS China -> High Commissioner for Human Rights REALISED"),
                           _e("The Chair of the Peacebuilding Commission is not allowed to brief the Human Rights Council.", f"BRIEFS {CHAIR} -> {HRC} BLOCKED"))),
    Construction("blocked", "block", ("block+", "blockage|blockages", "obstruct+", "stymie+", "thwart+"), "blocker-agent", "BLOCKS", "blocked", "blocked",
                 positive=(_e("A briefing by the High Commissioner for Human Rights to the Security Council was blocked by China.", f"BRIEFS {HC} -> {SC} BLOCKED", "BLOCKS China -> High Commissioner for Human Rights REALISED"),
                           _e("China did not block the briefing by the High Commissioner for Human Rights to the Security Council.", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("China and the Russian Federation failed to prevent the High Commissioner for Human Rights from briefing the Security Council.", f"BRIEFS {HC} -> {SC} REALISED")),
                 negative=(_e("China and the Russian Federation failed to prevent the High Commissioner for Human Rights from briefing the Security Council.", "BLOCKS China -> High Commissioner for Human Rights REALISED", f"BRIEFS {HC} -> {SC} BLOCKED"),)),
    Construction("veto", "block", ("veto+", "procedural vote|votes", "fail+ to adopt [its|the] [provisional] agenda", "agenda was|is not adopted"), "blocker-voters", "BLOCKS", "blocked", "veto",
                 positive=(_e("The Security Council failed to adopt its agenda, so the briefing by the High Commissioner for Human Rights to the Security Council did not take place; Bolivia and China voted against.",
                              f"BRIEFS {HC} -> {SC} BLOCKED", f"BLOCKS China -> {HC} REALISED"),)),
    Construction("voted-against", "block", ("vote+ against", "/\\d+/ against"), "blocker-voters", "BLOCKS", "blocked", "voted against",
                 positive=(_e("The Security Council did not hold the meeting that would have featured a briefing by the High Commissioner for Human Rights, after a procedural vote. "
                              "With 8 votes in favour and 4 against (Bolivia, China, Kazakhstan and the Russian Federation), the agenda was not adopted.",
                              f"BRIEFS {HC} -> {SC} BLOCKED", f"BLOCKS China -> {HC} REALISED", f"BLOCKS Russian Federation -> {HC} REALISED"),)),
    Construction("postponed", "block", ("postpone+", "cancel+", "call+ off", "called off"), "blocker-agent", "BLOCKS", "blocked", "postponed",
                 positive=(_e("A briefing by the Secretary-General to the Human Rights Council was postponed at the request of China.", f"BRIEFS {SG} -> {HRC} BLOCKED", "BLOCKS China -> Secretary-General REALISED"),)),
    Construction("consensus", "block", ("lack|absence of consensus", "consensus", "without consensus", "require+ consensus", "requirement|requirements of|for consensus"), "blocker-rule", "BLOCKS", "blocked", "consensus"),
    Construction("budget", "block", ("budget|budgetary cut|cuts|constraints|constraint|implications|reductions", "programme budget implications", "funding cut|cuts",
                                     "lack|inadequate|insufficient [of] resources|funding|funds", "cut+|reduce+ [the|its|their] budget|funding|resources"), "blocker-subject", "BLOCKS", "blocked", "budget"),
    Construction("objections", "block", ("object+", "objection|objections"), "blocker-agent", "BLOCKS", "blocked", "objections",
                 positive=(_e("The Secretary-General has been denied the chance to brief the Human Rights Council, owing to objections by China.", f"BRIEFS {SG} -> {HRC} BLOCKED", "BLOCKS China -> Secretary-General REALISED"),
                           _e("The Secretary-General could not brief the Human Rights Council because China objected.", f"BRIEFS {SG} -> {HRC} BLOCKED", "BLOCKS China -> Secretary-General REALISED")),
                 negative=(_e("The Secretary-General briefed the Human Rights Council after China objected.", f"BRIEFS {SG} -> {HRC} BLOCKED"),)),
    Construction("pushback", "block", ("push back", "pushback|push-back", "resist+", "resistance", "oppose+", "opposition"), "blocker-agent", "BLOCKS", "blocked", "pushback"),
    Construction("backlash", "block", ("backlash|backlashes", "politicise+", "politicize+", "politicisation|politicization"), "blocker-agent", "BLOCKS", "blocked", "politicisation/backlash"),
    # ------------------------------------------------------------------ a mechanism kept from its work (cooperation.py): BLOCKS alone
    Construction("non-cooperation", "obstruction", ("refuse+|decline+ to cooperate|engage with", "fail+ to cooperate|engage with", "not|never cooperate+|engage+ with", "no longer cooperate+|engage+ with", "non-cooperation|noncooperation with",
                                                    "lack of cooperation with"), "blocker-subject", "BLOCKS", "REALISED", "non-cooperation",
                 positive=(_e("Several delegations regretted that the Syrian Arab Republic had refused to cooperate with the Independent International Commission of Inquiry on the Syrian Arab Republic.",
                              f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e("The Syrian Arab Republic closed the Office of the High Commissioner for Human Rights in 2019, and in 2022 refused to cooperate with the Independent International Commission of Inquiry on the Syrian Arab Republic.",
                              f"BLOCKS Syrian Arab Republic -> {COI} REALISED")),
                 negative=(_e("The Syrian Arab Republic has cooperated with the Independent International Commission of Inquiry on the Syrian Arab Republic since 2021.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e("Would the Syrian Arab Republic refuse to cooperate with the Independent International Commission of Inquiry on the Syrian Arab Republic?", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"))),
    Construction("not-received", "obstruction", ("refuse+|decline+ to receive|admit|host", "not|never [yet] admit+|readmit+", "end+|suspend+|halt+|terminate+|withdraw+ [its|their|all] cooperation with", "ignore+|disregard+ ** request|requests|communication|communications|letter|letters",
                                                 "not|never respond+|reply+|answer+ to ** request|requests|communication|communications|letter|letters"), "blocker-subject", "BLOCKS", "REALISED", "non-cooperation",
                 positive=(_e(f"The Syrian Arab Republic has again refused to receive the {COI}.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e(f"The Syrian Arab Republic has not admitted the {COI} since 2011.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e(f"In 2023 the Syrian Arab Republic ended its cooperation with the {COI}.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e(f"The {COI} reported that the Syrian Arab Republic had ignored every one of its requests to visit.",
                              f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e(f"The Syrian Arab Republic has not replied to any of the letters sent by the {COI} since 2023.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED")),
                 negative=(_e(f"The Syrian Arab Republic received the {COI} in May.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e(f"The {COI} told the Security Council that the Syrian Arab Republic had ignored every one of its requests to visit.",
                              f"BLOCKS Syrian Arab Republic -> {SC} REALISED"))),
    Construction("not-authorised", "obstruction", ("not|never [yet] authorize+|authorise+|allow+|permit+|invite+ ** to visit|enter",), "blocker-subject", "BLOCKS", "REALISED", "access denied",
                 positive=(_e(f"Deploring that the Syrian Arab Republic has not yet authorized the {COI} to visit the country,", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),),
                 negative=(_e(f"Welcoming that the Syrian Arab Republic has authorized the {COI} to visit the country,", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),)),
    Construction("refusal-of", "obstruction", ("refusal|denial|failure of ** to grant|give|allow|permit ** access|entry|visit|visits", "refusal|failure of ** to cooperate|engage with"),
                 "blocker-of", "BLOCKS", "REALISED", "access denied",
                 positive=(_e(f"Deploring the refusal of the Syrian Arab Republic to grant access to the {COI}, despite repeated requests,", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),)),
    Construction("kept-out", "obstruction", ("been|was|were|is|are denied|refused ** access|entry|visit|visits", "been|was|were|is|are not|never granted|given|allowed ** access|entry|visit|visits",
                                             "been|was|were|is|are not|never allowed|permitted to visit|enter",
                                             "not|never been allowed|permitted|authorized|authorised to visit|enter", "not|never been granted|given ** access|entry"), "kept-out-subject", "BLOCKS", "REALISED", "access denied",
                 positive=(_e("For a third year the Independent Investigative Mechanism for Myanmar has been denied access to the country.",
                              "BLOCKS Myanmar -> Independent Investigative Mechanism for Myanmar REALISED"),
                           _e(f"The {COI} was refused entry to the Syrian Arab Republic again this year.", f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e("The Independent Investigative Mechanism for Myanmar, set up in 2018, has likewise not been allowed to visit.",
                              "BLOCKS Myanmar -> Independent Investigative Mechanism for Myanmar REALISED")),
                 negative=(_e("The Independent Investigative Mechanism for Myanmar has been granted access to the country.",
                              "BLOCKS Myanmar -> Independent Investigative Mechanism for Myanmar REALISED"),)),
    Construction("access-denied", "obstruction", ("refuse+|deny+ ** access|entry|visit|visits", "not|never grant+|give+|allow+ ** access|entry|visit|visits"), "blocker-subject", "BLOCKS", "REALISED", "access denied",
                 positive=(_e("Since 2012 the Syrian Arab Republic has denied the Independent International Commission of Inquiry on the Syrian Arab Republic access to the country.",
                              f"BLOCKS Syrian Arab Republic -> {COI} REALISED"),
                           _e("The Independent International Commission of Inquiry on the Syrian Arab Republic reported that the Syrian Arab Republic had not granted it access.",
                              f"BLOCKS Syrian Arab Republic -> {COI} REALISED"))),
    # ------------------------------------------------------------------ what became of a flow just stated (outcomes.py)
    Construction("called-off", "outcome", ("cancel+", "call+ off", "called off", "postpone+", "shelve+", "scrap+", "drop+"), "event-subject", "BRIEFS", "BLOCKED", "postponed",
                 positive=(_e("The High Commissioner for Human Rights was scheduled to brief the Security Council, but the meeting was called off.", f"BRIEFS {HC} -> {SC} UNREALISED"),
                           _e("The Chair of the Peacebuilding Commission was expected to address the Human Rights Council in June. The exchange was postponed at the request of China.",
                              f"BRIEFS {CHAIR} -> {HRC} BLOCKED", f"BLOCKS China -> {CHAIR} REALISED")),
                 negative=(_e("The Chair of the Peacebuilding Commission was expected to address the Human Rights Council in June. The exchange was postponed at the request of China.", f"BRIEFS {CHAIR} -> {HRC} PROPOSED"),
                           _e("The Secretary-General briefed the Security Council in May. Later, the donors' conference was cancelled.", f"BRIEFS {SG} -> {SC} BLOCKED"))),
    Construction("did-not-happen", "outcome", ("did|does not [yet] take place", "did|does not [yet] go ahead", "did|does not [yet] happen|proceed|materialise|materialize|occur",
                                               "never took place", "never went ahead", "never happened|materialised|materialized|occurred", "was|were not held|pursued|rescheduled",
                                               "has|have not [yet] been held|rescheduled|pursued|scheduled", "has|have yet to take place", "has|have yet to be held|rescheduled",
                                               "has|have|had never taken place", "has|have|had never happened|materialised|materialized|occurred", "has|have|had never been held|scheduled",
                                               "has|have|had|was|were not [yet] [been] taken|acted|followed up|on|upon",
                                               "could|can not be scheduled|held|organised|organized|arranged", "cannot be scheduled|held|organised|organized|arranged"), "event-subject", "BRIEFS", "UNREALISED", "did not take place",
                 positive=(_e("The Secretary-General was due to brief the Security Council in March; the briefing did not take place.", f"BRIEFS {SG} -> {SC} UNREALISED"),
                           _e("In 2022 the Chair of the Peacebuilding Commission addressed the Human Rights Council. A second exchange planned for 2023 never took place.",
                              f"BRIEFS {CHAIR} -> {HRC} REALISED", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),
                           _e("A request by two members for a briefing by the High Commissioner for Human Rights to the Security Council was not pursued after China signalled it would call a procedural vote.",
                              f"BRIEFS {HC} -> {SC} BLOCKED", f"BLOCKS China -> {HC} REALISED"),
                           _e("In May a Council briefing by the Secretary-General to the Security Council was postponed at the request of China. The briefing has not been rescheduled.",
                              f"BRIEFS {SG} -> {SC} BLOCKED", f"BRIEFS {SG} -> {SC} UNREALISED"),
                           _e("A request by five members for a briefing by the High Commissioner for Human Rights to the Security Council has not been taken up.", f"BRIEFS {HC} -> {SC} UNREALISED"),
                           _e("The Secretary-General briefed the Security Council in May, and a briefing by the Chair of the Peacebuilding Commission to the Human Rights Council, foreseen for June, could not be scheduled.",
                              f"BRIEFS {SG} -> {SC} REALISED", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),
                           _e("He added that a briefing by the Secretary-General to the Human Rights Council, planned for late 2024, never took place.", f"BRIEFS {SG} -> {HRC} UNREALISED")),
                 negative=(_e("In 2022 the Chair of the Peacebuilding Commission addressed the Human Rights Council. The field visit did not take place.", f"BRIEFS {CHAIR} -> {HRC} UNREALISED"),)),
    Construction("as-did", "outcome", ("as did|does|do|has|have|had",), "also-by", "BRIEFS", "",
                 positive=(_e("The Special Rapporteur on Myanmar reported to the Human Rights Council in March, as did the High Commissioner for Human Rights.",
                              f"BRIEFS {HC} -> {HRC} REALISED"),),
                 negative=(_e("The Special Rapporteur on Myanmar reported to the Human Rights Council in March, as did the High Commissioner for Human Rights.",
                              f"BRIEFS {HC} -> {HRC} PROPOSED"),)),
    Construction("objected-to-it", "outcome", ("object+ to => [*] meeting|meetings|briefing|briefings|session|holding|convening|it|webcasting|hearing",
                                               "raise+ [*] objection|objections", "call+|ask+|request+|demand+|force+ [for] [a|the] procedural vote|votes"),
                 "blocker-before", "BRIEFS", "BLOCKED", "objections",
                 positive=(_e("Six members of the Security Council requested a briefing by the High Commissioner for Human Rights on the crisis. China objected to holding the meeting and asked for a procedural vote.",
                              f"BRIEFS {HC} -> {SC} BLOCKED", f"BLOCKS China -> {HC} REALISED"),),
                 negative=(_e("The High Commissioner for Human Rights is expected to brief the Security Council next week. China objected to the draft resolution.", f"BRIEFS {HC} -> {SC} BLOCKED"),
                           _e("The High Commissioner for Human Rights briefed the Security Council in May. China objected to holding the meeting.", f"BRIEFS {HC} -> {SC} BLOCKED"))),
    Construction("outvoted", "outcome", ("vote+ against", "fail+ to receive|obtain|secure * votes", "fail+ to adopt [its|the] [provisional] agenda", "agenda was|is not adopted"),
                 "blocker-voters", "BRIEFS", "BLOCKED", "voted against",
                 positive=(_e("Seven members of the Security Council had asked to hear the Secretary-General on the crisis. The agenda failed to receive the nine votes it needed (China, the Russian Federation and Bolivia voted against).",
                              f"BRIEFS {SG} -> {SC} BLOCKED", f"BLOCKS China -> {SG} REALISED", f"BLOCKS Russian Federation -> {SG} REALISED"),),
                 negative=(_e("The Secretary-General is expected to brief the Security Council next week. The Russian Federation voted against the draft resolution.", f"BRIEFS {SG} -> {SC} BLOCKED"),)),
    Construction("as-before", "outcome", ("as it|they|he|she did|had|has [done] => in|last|this",), "event-before", "BRIEFS", "REALISED", "",
                 positive=(_e("The Security Council will meet on the region. Members expect the High Commissioner for Human Rights to brief, as she did in 2023.",
                              f"BRIEFS {HC} -> {SC} PROPOSED", f"BRIEFS {HC} -> {SC} REALISED"),
                           _e("Statement by the representative of Brazil\n\nSecurity Council open debate, 3 May 2025\n\nWe urge the Peacebuilding Commission to keep providing advice to this Council, as it did this year.",
                              f"BRIEFS {PBC} -> {SC} PROPOSED", f"BRIEFS {PBC} -> {SC} REALISED")),
                 negative=(_e("The Security Council will meet on the region. Members expect the High Commissioner for Human Rights to brief, as she did not in 2023.",
                              f"BRIEFS {HC} -> {SC} REALISED"),)),
    # ------------------------------------------------------------------ a list of recommendations under its addressee (chapeau.py)
    Construction("chapeau", "chapeau", ("call+ on|upon", "urge+", "recommend+", "encourage+", "invite+", "ask+", "request+", "recommendation|recommendations to|for"),
                 "addressee > items", "", "PROPOSED",
                 positive=(_e("We call on the members of the Security Council to:\n\n1. Invite the Secretary-General to brief the Council every month;\n\n2. Request the High Commissioner for Human Rights to share her findings with the Peacebuilding Commission.",
                              f"INVITES {SC} -> {SG} PROPOSED", f"BRIEFS {SG} -> {SC} PROPOSED", f"REQUESTS {SC} -> {HC} PROPOSED", f"BRIEFS {HC} -> {PBC} PROPOSED"),
                           _e("We recommend that the Peacebuilding Commission:\n\n- share its advice with the Human Rights Council;\n- invite the Secretary-General to brief it.",
                              f"BRIEFS {PBC} -> {HRC} PROPOSED", f"INVITES {PBC} -> {SG} PROPOSED"),
                           _e("## Recommendations\n\n- **To the Security Council:** invite the Secretary-General to brief it every month.\n- **To the Human Rights Council:** transmit its reports to the Peacebuilding Commission.",
                              f"INVITES {SC} -> {SG} PROPOSED", f"BRIEFS {HRC} -> {PBC} PROPOSED")),
                 negative=(_e("We call on the members of the Security Council to:\n\n1. Invite the Secretary-General to brief the Council every month.", f"BRIEFS {SG} -> {SC} MANDATED"),)),
    # ------------------------------------------------------------------ status cues, read by name in cues.flow_status
    Construction("modal", "status", ("should|could|would|might|must|shall|will|can|'ll", "ought to", r"/\b(?-i:may)\b/"), status="PROPOSED"),
    Construction("counterfactual", "status", ("would|could|should|might have", "was|were supposed to", "was|were to have"), status="UNREALISED",
                 positive=(_e("The High Commissioner for Human Rights was supposed to brief the Security Council that morning.", f"BRIEFS {HC} -> {SC} UNREALISED"),),
                 negative=(_e("The High Commissioner for Human Rights is supposed to brief the Security Council every year.", f"BRIEFS {HC} -> {SC} UNREALISED"),)),
    Construction("need", "status", ("need+ to|for", "there is a need", "necessity|necessary"), status="PROPOSED"),
    Construction("importance", "status", ("it is [*] vital|important|essential|crucial|key|critical|imperative|desirable",), status="PROPOSED"),
    Construction("recommendation", "status", ("recommend+", "recommendation|recommendations", "propose+", "proposal|proposals", "suggest+", "suggestion|suggestions", "call+ for",
                                               "request+ a|an", "option|options",
                                               "urge+", "advocate+", "encourage+", "encouragement"), status="PROPOSED"),
    Construction("intention", "status", ("plan+ to", "intend+", "anticipated|prospective|likely", "stand+|stood|remain+ ready|prepared to", "intention|intentions", "aim+ to", "seek+ to", "expected|scheduled to", "due to => brief+|address+|report+|present+",
                                          "hope+", "wish+", "envisage+", "considering", "consideration", "explore+", "forthcoming|upcoming"), status="PROPOSED"),
    Construction("aim", "status", ("strengthen+", "improve+", "improvement", "enhance+", "enhancement", "establish+", "establishment", "ensure+", "better", "more regular|regularly",
                                   "increase+"), status="PROPOSED"),
    Construction("expected-after", "status-after", ("is|are|was|were [also] expected|scheduled|planned|due|set => from|by|to|for",), status="PROPOSED",
                 positive=(_e("Tomorrow the Security Council will hold a briefing on the crisis. Briefings are expected from the Secretary-General and the High Commissioner for Human Rights.",
                              f"BRIEFS {SG} -> {SC} PROPOSED", f"BRIEFS {HC} -> {SC} PROPOSED"),),
                 negative=(_e("Tomorrow the Security Council will hold a briefing on the crisis. Briefings are expected from the Secretary-General and the High Commissioner for Human Rights.",
                              f"BRIEFS {SG} -> {SC} REALISED"),)),
    Construction("not", "status", ("not|never|cannot", "no longer", "/n[’']t/"), status="UNREALISED"),
    Construction("yet-to", "status", ("yet to", "has|have yet"), status="UNREALISED"),
    Construction("failed", "status", ("fail+", "failure", "unable", "refrain+", "impossible", "not possible"), status="UNREALISED"),
    Construction("absence", "status", ("no|without", "absence|lack of", "lacking"), status="UNREALISED"),
    Construction("hypothetical", "status", ("whether|if",), status="none"),
    Construction("cause", "cause", ("because|after|since|as|when", "owing|due to"), status="none",
                 positive=(_e("The Secretary-General could not brief the Human Rights Council because China objected.", f"BRIEFS {SG} -> {HRC} BLOCKED"),)),
    Construction("agenda", "status", ("discuss+|explore+|examine+|consider+ how|whether|ways|options",), status="none"),
    Construction("decided-infinitive", "status", ("decided|decides to", "has|have decided to"), status="MANDATED",
                 positive=(_e("In its resolution, the Human Rights Council also decided to transmit the reports to the Security Council.", f"BRIEFS {HRC} -> {SC} MANDATED"),),
                 negative=(_e("In its resolution, the Human Rights Council also decided to transmit the reports to the Security Council.", f"BRIEFS {HRC} -> {SC} PROPOSED"),)),
    Construction("realised-infinitive", "status", ("continue+|manage+|begin|began|begun|start+|use+ to", "was|were|has been|have been able to", "the honour to"), status="REALISED"),
    Construction("advised-against", "status", ("should|must|shall not|never", "ought to not|never", "shouldn’t|shouldn't|mustn’t|mustn't",
                                                 "not need+", "didn’t|didn't|doesn’t|doesn't need"), status="none"),
    Construction("no-need", "status", ("no reason|need|necessity for", "no reason|need to"), status="none",
                 negative=(_e("The Russian Federation said there was no reason for the Security Council to hear from the High Commissioner for Human Rights.", f"BRIEFS {HC} -> {SC} UNREALISED"),
                           _e("China argued that the Security Council did not need a briefing from the High Commissioner for Human Rights.", f"BRIEFS {HC} -> {SC} UNREALISED"))),
)


def by_group(group: str) -> tuple[Construction, ...]:
    return tuple(c for c in CONSTRUCTIONS if c.group == group)


@cache
def named(name: str) -> Construction:
    """The construction called ``name`` (a KeyError names an unknown one)."""
    found = {c.name: c for c in CONSTRUCTIONS}
    return found[name]


def union(constructions: Iterable[Construction]) -> re.Pattern[str]:
    """One pattern for several constructions, group ``c<i>`` being the i-th of them."""
    return re.compile("|".join(f"(?P<c{i}>{c.pattern.pattern})" for i, c in enumerate(constructions)), re.IGNORECASE)


def token_words(spec: str, index: int) -> tuple[str, ...]:
    """The words (lower case, inflected) of token ``index`` of a word spec: the participles of a passive."""
    token = spec.partition(" => ")[0].split()[index].strip("[]")
    return tuple(w.lower() for word in token.split("|")
                 for w in (inflections(word[:-1]) if word.endswith("+") else (word,)))
