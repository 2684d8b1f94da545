"""Flows the Charter opens (reference data ``charter_channels``): the Secretary-General's Article 99.

A sentence that reports a use of Article 99 states that the Secretary-General brought a
matter to the attention of the Security Council, even when it names neither; one that
speaks of the article as a power or of what its use requires reports no flow.
"""

from __future__ import annotations

import pytest

from prevgraph.loaders.flows.charter import channels
from prevgraph.loaders.pipeline import build, text_document
from prevgraph.schema import gazetteer

SG, SC = "office:secretary-general", "body:security-council"


def briefs(text: str):
    built = build(text_document(text, "statement"))
    return built, [e for e in built.batch.edges if e.type == "BRIEFS"]


def test_the_channel_comes_from_the_reference_data() -> None:
    (channel,) = [c for c in channels().values() if c.office.id == SG]
    assert (channel.article, channel.recipient.id) == ("99", SC)
    assert "Article 99" in gazetteer().entries[SG].source


@pytest.mark.parametrize(("text", "status", "concerning"), [
    ("In December 2023 the Secretary-General invoked Article 99 of the Charter, warning of a humanitarian "
     "catastrophe.", "REALISED", None),
    ("Speakers recalled the invocation of Article 99 of the Charter by the Secretary-General in the case of Myanmar.",
     "REALISED", "situation:myanmar"),
    ("The Secretary-General's letter under Article 99 on the situation in Sudan was circulated to Council members.",
     "REALISED", "situation:sudan"),
    ("The Secretary-General wrote to the President of the Security Council under Article 99 of the Charter.",
     "REALISED", None),
    ("An Article 99 letter was sent to the Council by the Secretary-General in 2017.", "REALISED", None),
    ("The Secretary-General brought the matter to the attention of the Security Council (Article 99).",
     "REALISED", None),
    ("Several delegations urged the Secretary-General to invoke Article 99 on the situation in Myanmar.",
     "PROPOSED", "situation:myanmar"),
    ("The Secretary-General should make more use of Article 99 of the Charter.", "PROPOSED", None),
    ("The Secretary-General has never invoked Article 99 on the situation in Myanmar.", "UNREALISED",
     "situation:myanmar"),
])
def test_a_use_of_article_99_is_the_secretary_general_briefing_the_security_council(
        text: str, status: str, concerning: str | None) -> None:
    built, edges = briefs(text)
    (edge,) = [e for e in edges if (e.source, e.target) == (SG, SC)]
    assert edge.status == status and edge.props["article"] == "99"
    assert edge.props.get("concerning") == concerning
    assert edge.evidence[0].quote == text


def test_the_ends_the_article_names_enter_with_the_sentence_as_evidence() -> None:
    text = "António Guterres invoked Article 99 for the first time in his tenure."
    built, edges = briefs(text)
    assert [(e.source, e.target, e.status) for e in edges] == [(SG, SC, "REALISED")]
    nodes = {n.id: n for n in built.batch.nodes}
    for end in (SG, SC):
        assert [(e.quote, e.rule) for e in nodes[end].evidence] == [(text, "briefs:charter-article")]
    assert not [n for n in built.batch.nodes if "guterres" in n.id]


@pytest.mark.parametrize("text", [
    "The Secretary-General requires the support of member States for the invocation of Article 99 of the Charter.",
    "Article 99 of the Charter gives the Secretary-General the power to bring matters to the Council.",
    "Much depends on the Secretary-General's readiness to use Article 99, which relies on political backing.",
    "The Council invoked Article 34 of the Charter to investigate the dispute.",
    "Article 27 of the Charter governs voting in the Security Council.",
    "Under Article 100 of the Charter, the Secretary-General and the staff shall not seek instructions.",
])
def test_no_flow_where_the_article_is_only_described_or_is_no_channel(text: str) -> None:
    built, edges = briefs(text)
    assert not [e for e in edges if e.props.get("article")]
    assert not [e for e in edges if (e.source, e.target) == (SG, SC) and e.status == "REALISED"]


def test_a_described_channel_is_reported_as_skipped() -> None:
    built, _edges = briefs("The Secretary-General requires the support of member States for the invocation of "
                           "Article 99 of the Charter.")
    assert any("Article 99 is described as a channel" in s for s in built.skipped)
