"""Seeded generator of synthetic UN-style documents whose entities are known.

Each document is composed from sentence templates of the kinds the loaders meet
(statements in the Council, press releases, meeting reports, NGO analyses) filled with
bodies, offices and mechanisms from the reference data (under any of their names),
States, organisations that only the loaders' patterns can find (invented names such as
"Lakeside Peace Institute"), resolutions cited in every form, meetings and Council
sessions. Every template records the node ids the loaders should give for what it
names, so precision and recall can be computed against known facts.

``SyntheticDocument.flows`` holds the flows a document states, as
``(source id, TYPE, target id, STATUS)``: the one entity template that states a flow ("Members
of the Security Council heard a briefing by X") records it, ``synthetic_flows.add_flows`` adds
paragraphs of flow sentences with theirs, and ``bench_loaders.py`` scores them.

    >>> docs = list(generate(3, seed=1))
    >>> len(docs), all(d.entities for d in docs)
    (3, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from prevgraph.loaders.meetings import canonical_title
from prevgraph.schema import gazetteer, node_id
from prevgraph.schema.reference import ReferenceEntry

HRC, GA, SC = "Human Rights Council", "General Assembly", "Security Council"
PLACES = ("Lakeside", "Northgate", "Meridian", "Harbourview", "Riverside", "Highland", "Eastbridge", "Stonebrook",
          "Westmoor", "Silverline", "Granite", "Oakridge", "Clearwater", "Summit", "Beacon", "Cedar")
THEMES = ("Peace", "Rights", "Justice", "Security", "Dialogue", "Prevention", "Democracy", "Accountability",
          "Mediation", "Governance")
HEADS = ("Institute", "Centre", "Foundation", "Network", "Watch", "Group", "Alliance", "Forum", "Initiative")
TOPICS = ("early warning", "atrocity prevention", "the protection of civilians", "accountability", "mediation",
          "the rule of law", "women and peace and security", "climate and security", "hate speech",
          "transitional justice")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
ORDINALS = {1: "st", 2: "nd", 3: "rd"}


@dataclass(frozen=True)
class SyntheticDocument:
    """A generated document, the node ids the loaders should find in it, and the flows it states."""

    name: str
    text: str
    entities: frozenset[str]
    flows: frozenset[tuple[str, str, str, str]] = field(default_factory=frozenset)


@dataclass
class _Vocabulary:
    un: list[ReferenceEntry]
    states: list[ReferenceEntry]
    councils: dict[str, ReferenceEntry]


def _vocabulary() -> _Vocabulary:
    ref = gazetteer()
    un = [e for e in ref.by_kind("Body", "Office", "Mechanism") if e.valid_to is None]
    states = [e for e in ref.by_kind("State") if e.valid_to is None]
    return _Vocabulary(un, states, {name: ref.lookup(name) for name in (HRC, GA, SC)})


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else ORDINALS.get(n % 10, 'th')}"


class _Writer:
    """Builds one document sentence by sentence, collecting the ids each sentence names."""

    def __init__(self, rng: random.Random, vocab: _Vocabulary) -> None:
        self.rng, self.vocab = rng, vocab
        self.sentences: list[str] = []
        self.entities: set[str] = set()
        self.flows: set[tuple[str, str, str, str]] = set()

    def name_of(self, entry: ReferenceEntry) -> str:
        """One of the entry's names, as documents write it (acronyms included)."""
        names = [n for n in entry.names if not n[:1].islower() and len(n) > 2]
        return self.rng.choice(names or [entry.name])

    def un(self) -> str:
        return self.name_of(self.un_entry())

    def un_entry(self) -> ReferenceEntry:
        entry = self.rng.choice(self.vocab.un)
        self.entities.add(entry.id)
        return entry

    def council(self, name: str) -> str:
        entry = self.vocab.councils[name]
        self.entities.add(entry.id)
        return entry.name

    def state(self) -> str:
        entry = self.rng.choice(self.vocab.states)
        self.entities.add(entry.id)
        return entry.name

    def situation(self) -> str:
        entry = self.rng.choice(self.vocab.states)
        self.entities.add(node_id("Situation", entry.name))
        return entry.name

    def organisation(self) -> str:
        name = f"{self.rng.choice(PLACES)} {self.rng.choice(THEMES)} {self.rng.choice(HEADS)}"
        self.entities.add(node_id("Organization", name))
        return name

    def mission(self) -> str:
        entry = self.rng.choice(self.vocab.states)
        self.entities.add(node_id("Organization", f"Permanent Mission of {entry.name}"))
        return f"Permanent Mission of {entry.name}"

    def resolution(self, body: str | None = None) -> str:
        """A resolution (of ``body``, else of any) cited in a form documents use; the id is the full symbol's."""
        body = body or self.rng.choice((HRC, GA, SC))
        if body == SC:
            number, year = self.rng.randint(1000, 2700), self.rng.randint(1995, 2024)
            symbol = f"S/RES/{number} ({year})"
            text = self.rng.choice((symbol, f"Security Council resolution {number} ({year})",
                                    f"resolution {number} ({year})"))
        else:
            session, number = self.rng.randint(1, 58), self.rng.randint(1, 300)
            symbol = f"A/HRC/RES/{session}/{number}" if body == HRC else f"A/RES/{session}/{number}"
            short = "HRC" if body == HRC else self.rng.choice(("GA", "General Assembly"))
            text = self.rng.choice((symbol, f"{short} resolution {session}/{number}",
                                    f"{'Human Rights Council' if body == HRC else 'General Assembly'} resolution "
                                    f"{session}/{number}"))
        self.entities.add(node_id("Resolution", symbol))
        self.entities.add(self.vocab.councils[body].id)
        return text

    def session(self) -> str:
        number = self.rng.randint(1, 58)
        self.entities.add(node_id("Meeting", f"{HRC}, {_ordinal(number)} session"))
        self.entities.add(self.vocab.councils[HRC].id)
        return f"the {_ordinal(number)} session of the {HRC}"

    def say(self, sentence: str) -> None:
        self.sentences.append(sentence)


def _sentence(w: _Writer) -> None:
    """One sentence from a template chosen at random."""
    r = w.rng
    choice = r.randrange(12)
    topic = r.choice(TOPICS)
    if choice == 0:
        w.say(f"The {w.council(HRC)} held an interactive dialogue on {topic} with the {w.un()}.")
    elif choice == 1:
        w.say(f"{w.state()} and {w.state()}, speaking on behalf of a cross-regional group, welcomed "
              f"{w.resolution()}.")
    elif choice == 2:
        w.say(f"Recalling {w.resolution()}, the speaker urged the {w.un()} to give more attention to {topic}.")
    elif choice == 3:
        w.say(f"A representative of the {w.organisation()} said that the {w.un()} had been slow to act on {topic}.")
    elif choice == 4:
        w.say(f"The situation in {w.situation()} was described as a deepening crisis by several delegations.")
    elif choice == 5:
        w.say(f"The {w.organisation()} published an analysis of {w.resolution()} in {r.choice(MONTHS)} "
              f"{r.randint(2015, 2024)}.")
    elif choice == 6:
        w.say(f"The {w.mission()} circulated a non-paper on {topic} ahead of {w.session()}.")
    elif choice == 7:
        council, briefer = w.council(SC), w.un_entry()
        w.say(f"Members of the {council} heard a briefing on {topic} by the {w.name_of(briefer)}.")
        if briefer.name != SC:  # the sentence states a realised briefing of the Council
            w.flows.add((briefer.id, "BRIEFS", w.vocab.councils[SC].id, "REALISED"))
    elif choice == 8:
        w.say(f"{w.state()} announced a voluntary contribution to the {w.un()} for its work on {topic}.")
    elif choice == 9:
        w.say(f"Civil society groups, including the {w.organisation()} and the {w.organisation()}, called for "
              f"stronger follow-up.")
    elif choice == 10:
        w.say(f"The {w.council(GA)} adopted {w.resolution(GA)} without a vote.")
    else:
        w.say(f"Experts noted that, on {topic}, the work of the {w.un()} rarely reaches New York in time.")


def _meeting_head(w: _Writer, index: int) -> str:
    """The heading of a meeting's concept note: title, dates, organisers; the meeting is a known fact."""
    r = w.rng
    title = f"{r.choice(THEMES)} and {r.choice(TOPICS)}: consultation {index}"
    day, month, year = r.randint(1, 25), r.choice(MONTHS), r.randint(2015, 2024)
    w.entities.add(node_id("Meeting", canonical_title(title)))
    host, partner = w.mission(), w.organisation()
    return (f"Concept note\n\nExpert roundtable on ‘{title}’\n\n{day}–{day + 1} {month} {year}\n\n"
            f"This expert roundtable, hosted by the {host} in partnership with the {partner}, will convene around "
            f"{r.randint(20, 90)} participants under the Chatham House rule.\n\n")


def generate(count: int, seed: int = 7, sentences: tuple[int, int] = (8, 20)) -> Iterator[SyntheticDocument]:
    """``count`` documents, the same for the same seed; one in five is a meeting's concept note."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    for index in range(count):
        writer = _Writer(rng, vocab)
        head = _meeting_head(writer, index) if index % 5 == 0 else ""
        paragraphs = []
        for _ in range(rng.randint(2, 5)):
            for _ in range(rng.randint(sentences[0], sentences[1]) // 3 + 1):
                _sentence(writer)
            paragraphs.append(" ".join(writer.sentences))
            writer.sentences = []
        yield SyntheticDocument(f"synthetic-{seed}-{index:06d}", head + "\n\n".join(paragraphs),
                                frozenset(writer.entities), frozenset(writer.flows))
