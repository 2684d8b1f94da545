"""Tests generated from the construction table: every example sentence, through the real pipeline.

Each entry of :data:`prevgraph.loaders.flows.constructions.CONSTRUCTIONS` carries positive
examples (the flows a careful reader takes from the sentence, with their status) and
negative ones (sentences that look alike and must not give the flows listed). Adding a
construction with its examples adds its tests here; nothing else is to be written.
"""

from __future__ import annotations

import re

import pytest

from prevgraph.loaders.flows.constructions import CONSTRUCTIONS, Construction, Example, compile_spec, inflections
from prevgraph.loaders.flows.lexicon import FEED_PATTERNS, GATES, LINK_PATTERNS
from prevgraph.loaders.pipeline import build, text_document
from prevgraph.schema import gazetteer

_FLOW = re.compile(r"^(?P<type>[A-Z_]+) (?P<source>.+?) -> (?P<target>.+) (?P<status>[A-Z]+|-)$")
Fact = tuple[str, str, str, str | None]


def _fact(line: str) -> Fact:
    match = _FLOW.match(line)
    assert match is not None, f"an example flow is written 'TYPE source -> target STATUS': {line!r}"
    ids = []
    for name in (match.group("source"), match.group("target")):
        entry = gazetteer().lookup(name)
        assert entry is not None, f"{name!r} is no name of the reference data"
        ids.append(entry.id)
    status = match.group("status")
    return match.group("type"), ids[0], ids[1], None if status == "-" else status


def _found(text: str) -> set[Fact]:
    built = build(text_document(text, "example.txt"))
    return {(e.type, e.source, e.target, e.status) for e in built.batch.edges}


def _cases(kind: str) -> list[tuple[Construction, Example]]:
    return [(c, e) for c in CONSTRUCTIONS for e in getattr(c, kind)]


@pytest.mark.parametrize(("construction", "example"), _cases("positive"),
                         ids=[f"{c.name}:{e.text[:50]}" for c, e in _cases("positive")])
def test_a_positive_example_gives_its_flows(construction: Construction, example: Example) -> None:
    expected = {_fact(line) for line in example.flows}
    assert expected <= _found(example.text), construction.name


@pytest.mark.parametrize(("construction", "example"), _cases("negative"),
                         ids=[f"{c.name}:{e.text[:50]}" for c, e in _cases("negative")])
def test_a_negative_example_gives_none_of_its_flows(construction: Construction, example: Example) -> None:
    unwanted = {_fact(line) for line in example.flows}
    assert not unwanted & _found(example.text), construction.name


def test_every_flow_construction_has_a_positive_example() -> None:
    """A construction that states a flow is added with an example of it (status cues are tested through those)."""
    missing = [c.name for c in CONSTRUCTIONS if c.relation in ("BRIEFS", "REQUESTS", "INVITES") and not c.positive
               and c.group not in ("mandate",) or (c.group == "mandate" and c.name != "mandates" and not c.positive)]
    assert not missing


@pytest.mark.parametrize(("lemma", "forms"), [
    ("brief", {"brief", "briefs", "briefed", "briefing", "briefings"}),
    ("submit", {"submit", "submits", "submitted", "submitting"}),
    ("deny", {"deny", "denies", "denied", "denying"}),
    ("tell", {"tell", "tells", "told", "telling"}),
    ("postpone", {"postpone", "postpones", "postponed", "postponing"}),
    ("cancel", {"cancel", "cancels", "cancelled", "canceled", "cancelling"}),
    ("veto", {"veto", "vetoes", "vetoed", "vetoing"}),
])
def test_a_lemma_stands_for_its_inflections(lemma: str, forms: set[str]) -> None:
    assert forms <= set(inflections(lemma))


@pytest.mark.parametrize(("spec", "yes", "no"), [
    ("report+ [back|thereon] to", ["reported to", "reports back to", "reporting thereon to"],
     ["report on", "reporter to"]),
    ("prevent+ * from", ["prevented the Chair from", "prevents from"], ["prevention from"]),
    ("keep+ => * informed", ["kept the Council informed"], ["kept the Council waiting"]),
])
def test_a_word_spec_matches_whole_words_in_any_case(spec: str, yes: list[str], no: list[str]) -> None:
    pattern = re.compile(compile_spec(spec), re.IGNORECASE)
    assert all(pattern.search(text) and pattern.search(text.upper()) for text in yes)
    assert not any(pattern.search(text) for text in no)


def _example_sentences() -> list[str]:
    return [e.text for c in CONSTRUCTIONS for e in (*c.positive, *c.negative)]


def test_every_match_of_a_gated_construction_opens_its_gate() -> None:
    """The speed gates are generated from the table; here every match of every entry, in every example and in
    upper case, starts a word with one of its group's stems."""
    gated = {"info-verb": "briefs", "info-noun": "briefs", "passive-info": "briefs", "receiving": "briefs",
             "receiving-noun": "briefs", "mandate": "mandates", "passive-mandate": "mandates"}
    for text in _example_sentences():
        for variant in (text, text.upper()):
            for construction in CONSTRUCTIONS:
                group = gated.get(construction.group)
                if group is None or not construction.pattern.search(variant):
                    continue
                words = re.findall(r"[\w’'.-]+", variant.lower())
                assert any(w.startswith(GATES[group]) for w in words), (construction.name, variant)


@pytest.mark.parametrize("patterns", [LINK_PATTERNS, FEED_PATTERNS], ids=["links", "feeds"])
def test_a_sentence_a_link_or_feed_pattern_matches_holds_one_of_its_gate_words(patterns) -> None:
    texts = [*_example_sentences(), "The Peacebuilding Commission has no formal link to the Council.",
             "The two bodies have no institutional relationship.", "They work in silos.",
             "Information from the field is fed into the Regional Monthly Review.",
             "The Council does not engage with the Commission.", "There is a gap between the two Councils."]
    for text in texts:
        for pattern in patterns:
            if pattern.pattern.search(text):
                words = re.findall(r"[\w’'-]+", text.lower())
                assert any(w.startswith(pattern.words) for w in words), (pattern.name, text)
