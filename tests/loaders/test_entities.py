"""Entity rules, one parametrised test per rule, with sentences written in the style of UN documents."""

from __future__ import annotations

import pytest

from prevgraph.loaders.pipeline import build, text_document


def nodes_of(text: str) -> dict[tuple[str, str], object]:
    batch = build(text_document(text)).batch
    return {(n.kind, n.name): n for n in batch.nodes}


def edges_of(text: str) -> set[tuple[str, str, str]]:
    batch = build(text_document(text)).batch
    return {(e.source, e.type, e.target) for e in batch.edges}


def rules_of(text: str, kind: str, name: str) -> set[str]:
    node = nodes_of(text)[(kind, name)]
    return {e.rule for e in node.evidence}


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The UNHRC adopted the text without a vote.", "Body", "Human Rights Council"),
    ("Members of the UN Security Council were briefed in closed consultations.", "Body", "Security Council"),
    ("The Office of the United Nations High Commissioner for Human Rights deployed a team.", "Body",
     "Office of the High Commissioner for Human Rights"),
    ("EOSG convened the Executive Committee on the matter.", "Body", "Executive Office of the Secretary-General"),
    ("Risks were discussed at the Regional Monthly Reviews in March.", "Mechanism", "Regional Monthly Review"),
    ("The PBC Chair wrote to the President of the General Assembly.", "Office",
     "Chair of the Peacebuilding Commission"),
    ("Thank you, Madam President. Chad aligns itself with the statement of the African Group.", "State", "Chad"),
    ("The delegation of Côte d’Ivoire took the floor.", "State", "Côte d'Ivoire"),
    ("The Republic of Korea co-sponsored the draft.", "State", "Republic of Korea"),
    ("Statements were made by the UK and the Russian Federation.", "State", "United Kingdom"),
    ("HUMAN RIGHTS WATCH CALLS ON MEMBER STATES TO ACT", "Organization", "Human Rights Watch"),
    ("The representative of the European Union spoke on behalf of its member States.", "Organization",
     "European Union"),
    ("The Call to Action on Human Rights puts prevention first.", "Initiative", "Call to Action for Human Rights"),
    ("The U.N. Security Council is expected to vote on Friday.", "Body", "Security Council"),
    ("The United Nations Peacebuilding Fund financed the project.", "Body", "Peacebuilding Fund"),
])
def test_lexicon_names(sentence: str, kind: str, name: str) -> None:
    assert "lexicon-name" in rules_of(sentence, kind, name)


@pytest.mark.parametrize(("sentence", "absent"), [
    ("The council of elders in the village met at dawn.", ("Body", "Human Rights Council")),
    ("Delegates had a chad problem with the old ballot machines.", ("State", "Chad")),
    ("The us and them rhetoric of the campaign was criticised.", ("State", "United States of America")),
    ("The meeting was held under the Chatham House rule.", ("Organization", "Chatham House")),
])
def test_lexicon_does_not_match_common_words(sentence: str, absent: tuple[str, str]) -> None:
    assert absent not in nodes_of(sentence)


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The UN Verification Mission in Colombia reported to the Council.", "Body",
     "United Nations Verification Mission in Colombia"),
    ("The United Nations Office for Disarmament Affairs circulated a note.", "Body",
     "United Nations Office for Disarmament Affairs"),
    ("The Office of the Special Adviser on Africa prepared the background note.", "Body",
     "Office of the Special Adviser on Africa"),
])
def test_unknown_un_bodies_enter_unreviewed(sentence: str, kind: str, name: str) -> None:
    node = nodes_of(sentence)[(kind, name)]
    assert node.reviewed is False and {e.rule for e in node.evidence} == {"un-body-pattern"}


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The Special Rapporteur on the situation of human rights in Belarus presented her report.", "Office",
     "Special Rapporteur on the situation of human rights in Belarus"),
    ("The Independent Expert on the situation of human rights in Mali visited Bamako.", "Office",
     "Independent Expert on the situation of human rights in Mali"),
    ("The Working Group on Arbitrary Detention issued an opinion.", "Mechanism",
     "Working Group on Arbitrary Detention"),
    ("The Commission of Inquiry on Burundi warned of renewed violence.", "Mechanism",
     "Commission of Inquiry on Burundi"),
    ("The Working Group on Enforced or Involuntary Disappearances transmitted 40 cases.", "Mechanism",
     "Working Group on Enforced or Involuntary Disappearances"),
    ("The Group of Human Rights Experts on Nicaragua was refused entry.", "Mechanism",
     "Group of Human Rights Experts on Nicaragua"),
    ("The Group of Independent Experts on the situation of human rights in Belarus reported in March.", "Mechanism",
     "Group of Independent Experts on the situation of human rights in Belarus"),
    ("The Special Rapporteur on extrajudicial, summary or arbitrary executions, a former judge, urged an inquiry.",
     "Office", "Special Rapporteur on extrajudicial, summary or arbitrary executions"),
])
def test_mandate_holders_and_inquiries(sentence: str, kind: str, name: str) -> None:
    assert "mandate-pattern" in rules_of(sentence, kind, name)


@pytest.mark.parametrize(("sentence", "name"), [
    ("Analysts at the Atlantic Peace Institute questioned the approach.", "Atlantic Peace Institute"),
    ("The Baltic Centre for Mediation Studies facilitated the talks.", "Baltic Centre for Mediation Studies"),
    ("Minority Rights Group said the draft fell short.", "Minority Rights Group"),
    ("A statement by Sahel Rights Watch was circulated.", "Sahel Rights Watch"),
    ("The Nordic Democracy Foundation funded the study.", "Nordic Democracy Foundation"),
])
def test_organisation_patterns(sentence: str, name: str) -> None:
    node = nodes_of(sentence)[("Organization", name)]
    assert node.reviewed is False


@pytest.mark.parametrize("sentence", [
    "The Human Rights Council-Security Council relationship was discussed at length.",
    "The Group agreed to meet again.",
    "Representatives of States took the floor.",
])
def test_organisation_patterns_reject_non_names(sentence: str) -> None:
    assert not [k for k in nodes_of(sentence) if k[0] == "Organization"]


@pytest.mark.parametrize(("sentence", "name", "state"), [
    ("A note verbale from the Permanent Mission of Norway to the United Nations Office at Geneva was received.",
     "Permanent Mission of Norway", "Norway"),
    ("The Permanent Missions of Mexico in Geneva and New York co-hosted the event.", "Permanent Mission of Mexico",
     "Mexico"),
    ("The Permanent Mission of the Kingdom of the Netherlands circulated the draft.",
     "Permanent Mission of Netherlands", "Netherlands"),
])
def test_permanent_missions(sentence: str, name: str, state: str) -> None:
    node = nodes_of(sentence)[("Organization", name)]
    assert node.props["state"] == state


@pytest.mark.parametrize(("sentence", "body"), [
    ("Statement by the Permanent Mission of Ireland to the United Nations Security Council open debate on "
     "conflict prevention", "Security Council"),
    ("Remarks by the Permanent Mission of Brazil to the UN General Assembly plenary on the Peacebuilding "
     "Commission report", "General Assembly"),
])
def test_a_mission_before_a_body_leaves_the_body_its_name(sentence: str, body: str) -> None:
    nodes = nodes_of(sentence)
    assert ("Body", body) in nodes and any(k[1].startswith("Permanent Mission of") for k in nodes)



@pytest.mark.parametrize(("sentence", "name"), [
    ("The Ministry of Foreign Affairs of Norway funded the project.", "Ministry of Foreign Affairs of Norway"),
    ("The Swiss Federal Department of Foreign Affairs supported the meeting.",
     "Federal Department of Foreign Affairs of Switzerland"),
    ("A grant from the Danish Ministry of Foreign Affairs made it possible.", "Ministry of Foreign Affairs of Denmark"),
])
def test_ministries_of_a_state(sentence: str, name: str) -> None:
    assert ("Organization", name) in nodes_of(sentence)


def test_ministry_without_a_state_is_not_guessed() -> None:
    assert not [k for k in nodes_of("The Ministry of Foreign Affairs issued a statement.") if k[0] == "Organization"]


def test_government_of_a_state_is_the_state() -> None:
    assert "government-of-state" in rules_of("The Government of Colombia welcomed the report.", "State", "Colombia")


def test_acronym_defined_then_used() -> None:
    text = ("The Kenya Human Rights Forum (KHRF) submitted a report. Later, KHRF briefed delegations in Geneva.")
    node = nodes_of(text)[("Organization", "Kenya Human Rights Forum")]
    assert {"acronym-use"} <= {e.rule for e in node.evidence}


@pytest.mark.parametrize(("text", "name"), [
    ("The Security Council held an open debate. The Council then adopted a presidential statement.",
     "Security Council"),
    ("The Human Rights Council opened its session. In the debate the Council heard from 40 States.",
     "Human Rights Council"),
    ("OHCHR published its annual report. The Office also opened a new field presence.",
     "Office of the High Commissioner for Human Rights"),
    ("The Peacebuilding Commission met on the Sahel. The Commission agreed to send a letter.",
     "Peacebuilding Commission"),
])
def test_contextual_references(text: str, name: str) -> None:
    node = nodes_of(text)[("Body", name)]
    assert "contextual-reference" in {e.rule for e in node.evidence}


def test_the_council_follows_the_latest_council_named() -> None:
    text = ("The Human Rights Council adopted the resolution. The Security Council was briefed a week later. "
            "The Council did not discuss it.")
    sc = nodes_of(text)[("Body", "Security Council")]
    hrc = nodes_of(text)[("Body", "Human Rights Council")]
    assert any(e.rule == "contextual-reference" for e in sc.evidence)
    assert not any(e.rule == "contextual-reference" for e in hrc.evidence)


def contextual_targets(text: str, surface: str) -> set[str]:
    """The nodes every "the X" written ``surface`` resolves to."""
    mentions = build(text_document(text)).context.mentions
    return {m.node_id for m in mentions if m.surface.lower() == surface.lower() and m.rule == "contextual-reference"}


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("The Chair of the Peacebuilding Commission briefed the General Assembly. The Commission later agreed on a "
     "statement.", "the Commission", "body:peacebuilding-commission"),
    ("The PBC Chair wrote to the Council on the Sahel. The Commission will hold a meeting in May.",
     "the Commission", "body:peacebuilding-commission"),
    ("The President of the Human Rights Council opened the session, and the Council then adopted its agenda.",
     "the Council", "body:human-rights-council"),
    ("Keynote remarks were given by the President of the Security Council. The Council has yet to act.",
     "the Council", "body:security-council"),
    ("The High Commissioner presented her report. The Office will open a country office in June.",
     "the Office", "body:office-of-the-high-commissioner-for-human-rights"),
])
def test_an_office_of_a_body_is_not_the_body(text: str, surface: str, expected: str) -> None:
    """A Chair, a President: "the Commission" or "the Council" after them is the body they preside over."""
    assert contextual_targets(text, surface) == {expected}


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("The Security Council met in May. An envoy briefed the Council on the fighting in the east.",
     "the Council", {"body:security-council"}),
    ("The Peacebuilding Commission met twice. Its Chair updated the Commission on four occasions.",
     "the Commission", {"body:peacebuilding-commission"}),
    ("The Human Rights Council opened its session and heard the Council on its own working methods.",
     "the Council", {"body:human-rights-council"}),
    ("The Security Council met. A think tank, the Council on Global Affairs, wrote about it.",
     "the Council", set()),
    ("The Security Council met on Haiti. Afterwards, Council members heard the envoy.",
     "Council", {"body:security-council"}),
    ("The Security Council met on Haiti. Several Council members asked for a briefing.",
     "Council", {"body:security-council"}),
])
def test_a_short_name_before_a_lowercase_complement_is_a_reference(text: str, surface: str,
                                                                   expected: set[str]) -> None:
    """"briefed the Council on the situation": the complement is what the briefing was about, not a part of
    a name; a capitalised complement ("the Council on Global Affairs") is the name of something else."""
    assert contextual_targets(text, surface) == expected


STATEMENT_IN_THE_HRC = (
    "Human Rights Council, 54th session\n"
    "Item 2: Annual report of the High Commissioner\n"
    "Joint statement delivered by Costa Rica\n\n"
    "Mr. President,\n\n"
    "We thank the High Commissioner for his update. We note that the Security Council discussed the situation in "
    "the Sahel last month. The Council should receive the findings of its special procedures in time.\n\n"
    "We encourage the President of the Human Rights Council to inform the General Assembly of the work of the "
    "Council.\n"
)

STATEMENT_IN_THE_SC = (
    "Statement by the Permanent Mission of Chile to the United Nations\n"
    "Security Council open debate on the protection of civilians\n"
    "New York, 23 May 2023\n\n"
    "Thank you, Madam President.\n\n"
    "The Human Rights Council's commissions of inquiry documented the attacks on hospitals months before the "
    "Council took them up.\n"
)

PRESS_RELEASE_OF_THE_SC = (
    "Security Council Press Statement on the Great Lakes Region\n"
    "SC/15999\n\n"
    "The members of the Security Council heard a briefing by the High Commissioner. They recalled that the Human "
    "Rights Council had adopted a resolution on the region. The Council will remain seized of the matter.\n"
)


@pytest.mark.parametrize(("text", "expected"), [
    (STATEMENT_IN_THE_HRC, "body:human-rights-council"),
    (PRESS_RELEASE_OF_THE_SC, "body:security-council"),
    (STATEMENT_IN_THE_SC, "body:security-council"),
    ("The Security Council met in 2022. The Human Rights Council met in Geneva and the Council adopted 40 texts.",
     "body:human-rights-council"),
])
def test_the_council_is_the_body_a_document_is_set_in(text: str, expected: str) -> None:
    """In a statement delivered in the Human Rights Council (its heading says so), "the Council" is that Council
    even after the Security Council is named in an earlier sentence; another council named earlier in the same
    sentence is what "the Council" refers to."""
    assert contextual_targets(text, "the Council") == {expected}


def test_without_a_heading_the_council_is_the_latest_named() -> None:
    text = ("The Human Rights Council has adopted many resolutions on prevention over the past decade, while the "
            "Security Council has rarely been briefed on them.\n\nExperts agreed that the Council should hear "
            "from the High Commissioner more often, and that it should do so before a crisis, not after it.")
    assert contextual_targets(text, "the Council") == {"body:security-council"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The President of the Human Rights Council consulted the Bureau before presenting the programme of work.",
     {"body:bureau-of-the-human-rights-council"}),
    ("The Human Rights Council will hold an urgent debate. The Bureau met on Friday to agree its modalities.",
     {"body:bureau-of-the-human-rights-council"}),
    ("The Bureau of the Human Rights Council met in Geneva, and the Bureau agreed on the list of speakers.",
     {"body:bureau-of-the-human-rights-council"}),
])
def test_the_bureau_is_the_bureau_of_the_body_in_context(text: str, expected: set[str]) -> None:
    assert {n.id for n in build(text_document(text)).batch.nodes if n.kind == "Body" and "bureau" in n.id} == expected


@pytest.mark.parametrize("text", [
    "The Bureau will meet on Friday to agree the modalities.",
    "The Security Council met on Monday. The Bureau of Statistics published its figures.",
])
def test_a_bureau_with_no_body_in_context_is_not_guessed(text: str) -> None:
    assert not [n for n in build(text_document(text)).batch.nodes if "bureau-of-the-human-rights-council" in n.id]


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The Chairperson of the Peace building Commission was not invited to brief.", "Office",
     "Chair of the Peacebuilding Commission"),
    ("The Peace-building Commission held its annual session.", "Body", "Peacebuilding Commission"),
    ("The Peace Building Fund supported the dialogue.", "Body", "Peacebuilding Fund"),
    ("The Department of Political and Peace-building Affairs prepared a note.", "Body",
     "Department of Political and Peacebuilding Affairs"),
    ("The Secretary General appointed a new envoy.", "Office", "Secretary-General"),
])
def test_names_written_with_a_compound_open_or_hyphenated(sentence: str, kind: str, name: str) -> None:
    assert "lexicon-name" in rules_of(sentence, kind, name)


@pytest.mark.parametrize("sentence", [
    "Peace building in the region depends on trust.",
    "The commission on peace building in schools met.",
])
def test_the_compound_alone_is_no_name(sentence: str) -> None:
    assert not [k for k in nodes_of(sentence) if k[0] in ("Body", "Office")]


@pytest.mark.parametrize("text", [
    "The Chair of the Peacebuilding Commission spoke first. Later the Chair answered questions from members.",
    "The Peacebuilding Commission met twice. The Chair of the Commission spoke first; the Chair then answered.",
])
def test_the_chair_is_the_chair_named_before(text: str) -> None:
    node = nodes_of(text)[("Office", "Chair of the Peacebuilding Commission")]
    assert "contextual-reference" in {e.rule for e in node.evidence}


def test_the_chair_with_no_chair_named_is_not_guessed() -> None:
    assert ("Office", "Chair of the Peacebuilding Commission") not in nodes_of(
        "The Peacebuilding Commission met twice. The Chair answered questions.")


def test_the_council_with_no_council_named_is_not_guessed() -> None:
    assert list(nodes_of("The Council will meet again next year.")) == []


@pytest.mark.parametrize(("text", "child", "parent"), [
    ("A staff member of OHCHR's Emergency Response Section briefed the group.",
     "body:emergency-response-section", "body:office-of-the-high-commissioner-for-human-rights"),
    ("DPPA's Regional Analysis Unit prepared the risk assessment.",
     "body:regional-analysis-unit-department-of-political-and-peacebuilding-affairs",
     "body:department-of-political-and-peacebuilding-affairs"),
    ("A representative of OHCHR's New York Office spoke.", "body:ohchr-new-york-office",
     "body:office-of-the-high-commissioner-for-human-rights"),
])
def test_possessive_parts(text: str, child: str, parent: str) -> None:
    assert (child, "PART_OF", parent) in edges_of(text)


def test_unknown_possessive_part_is_unreviewed_and_named_with_its_body() -> None:
    nodes = nodes_of("DPPA's Regional Analysis Unit prepared the risk assessment.")
    node = nodes[("Body", "Regional Analysis Unit (Department of Political and Peacebuilding Affairs)")]
    assert node.reviewed is False


def test_reference_parent_needs_both_named() -> None:
    assert ("body:fifth-committee", "PART_OF", "body:general-assembly") in edges_of(
        "The General Assembly referred the budget to the Fifth Committee.")
    assert not [e for e in edges_of("The Fifth Committee approved the budget.") if e[1] == "PART_OF"]


@pytest.mark.parametrize(("text", "situation"), [
    ("The High Commissioner warned of the deteriorating situation in Myanmar.", "Myanmar"),
    ("Members called for an end to the conflict in Yemen.", "Yemen"),
    ("The Secretary-General expressed alarm at the humanitarian crisis in Haiti.", "Haiti"),
])
def test_states_named_as_crises_are_situations(text: str, situation: str) -> None:
    nodes = nodes_of(text)
    assert ("Situation", situation) in nodes and ("State", situation) not in nodes


@pytest.mark.parametrize(("text", "state"), [
    ("Norway and Mexico co-hosted the informal briefing.", "Norway"),
    ("The Council held an open debate on conflict prevention, chaired by the Foreign Minister of Ghana.", "Ghana"),
    ("Greece announced a contribution to the Office for its work on atrocity prevention.", "Greece"),
])
def test_states_named_as_actors_stay_states(text: str, state: str) -> None:
    nodes = nodes_of(text)
    assert ("State", state) in nodes and ("Situation", state) not in nodes


def test_a_list_of_crises_is_a_list_of_situations() -> None:
    nodes = nodes_of("The Council discussed the situations in Sudan, Burundi and Afghanistan.")
    assert {("Situation", "Sudan"), ("Situation", "Burundi"), ("Situation", "Afghanistan")} <= set(nodes)


def test_a_numbered_group_is_not_a_contextual_reference() -> None:
    nodes = nodes_of("Speaking for the Group of 77 and China, Cuba stressed development. The African Group agreed.")
    assert ("Organization", "Group of 77 and China") in nodes
    assert "contextual-reference" not in {e.rule for e in nodes[("Organization", "African Group")].evidence}


def test_every_mention_has_evidence_pointing_into_the_text() -> None:
    text = "The Human Rights Council adopted resolution 45/31. OHCHR's Emergency Response Section welcomed it."
    built = build(text_document(text))
    stored = built.batch.document.props["text"]
    for node in built.batch.nodes:
        for ev in node.evidence:
            assert stored[ev.start:ev.end] == ev.quote and ev.rule


def test_reference_data_alone_puts_nothing_in_the_graph() -> None:
    assert build(text_document("Nothing here names any body at all.")).batch.nodes == ()


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The head of the Peacebuilding Commission wrote to the Council.", "Office",
     "Chair of the Peacebuilding Commission"),
    ("Members thanked the Head of the Human Rights Council for the visit.", "Office",
     "President of the Human Rights Council"),
    ("The head of OHCHR addressed the meeting by video.", "Office", "High Commissioner for Human Rights"),
    ("The Organizational Committee of the PBC met on the annual report.", "Body",
     "Organizational Committee of the Peacebuilding Commission"),
    ("The Third Committee of the General Assembly took up the item.", "Body", "Third Committee"),
    ("The General Committee recommended the inclusion of the item.", "Body", "General Committee"),
])
def test_heads_and_committees(sentence: str, kind: str, name: str) -> None:
    assert (kind, name) in nodes_of(sentence)


def test_the_head_of_a_body_with_no_presiding_office_is_nothing_new() -> None:
    assert not [k for k in nodes_of("The head of the Peacebuilding Support Office spoke.") if k[0] == "Office"]


@pytest.mark.parametrize(("sentence", "name", "place"), [
    ("OHCHR's country office in Colombia documented the killings.", "OHCHR country office in Colombia", "Colombia"),
    ("The OHCHR Regional Office for East Africa trained monitors.", "OHCHR regional office for East Africa",
     "East Africa"),
    ("Reports came from the UN Human Rights office in Ukraine.", "OHCHR country office in Ukraine", "Ukraine"),
    ("The Office of the United Nations High Commissioner for Human Rights in Guatemala reported on the killings.",
     "OHCHR country office in Guatemala", "Guatemala"),
])
def test_field_offices_are_part_of_ohchr_in_the_field(sentence: str, name: str, place: str) -> None:
    node = nodes_of(sentence)[("Body", name)]
    assert node.location == "FIELD" and node.reviewed is False and node.props["place"] == place
    assert (node.id, "PART_OF", "body:office-of-the-high-commissioner-for-human-rights") in edges_of(sentence)


@pytest.mark.parametrize(("sentence", "absent"), [
    ("The Commission on Human Rights in order to strengthen its work created mandates.",
     "Commission on Human Rights in order"),
    ("The Special Rapporteur in particular raised the issue.", "Special Rapporteur in particular"),
    ("The Social and economic situation was grave.", "Third Committee"),
    ("The OHCHR office in charge of the file replied.", "OHCHR country office in charge"),
    ("Expected Council Action\n\nCouncil members will meet on the crisis.", "Expected Council"),
    ("The Council decided to send the report of the commission of inquiry to the Secretary-General.",
     "commission of inquiry to the Secretary-General"),
    ("Key Recent Developments\n\nThe Commission met twice.", "Recent Developments"),
])
def test_running_text_is_not_a_name(sentence: str, absent: str) -> None:
    assert absent not in {name for _kind, name in nodes_of(sentence)}


def test_senior_posts_of_the_secretariat_by_their_portfolio() -> None:
    found = nodes_of("The Assistant Secretary-General for Peacebuilding Support briefed; the Secretary-General for "
                     "his part wrote to the President.")
    assert ("Office", "Assistant Secretary-General for Peacebuilding Support") in found
    assert not [name for kind, name in found if name.startswith("Secretary-General for")]


@pytest.mark.parametrize(("text", "office"), [
    ("The Security Council met in the morning. The Council President opened the meeting.",
     "President of the Security Council"),
    ("The Human Rights Council resumed. The President of the Council read the statement.",
     "President of the Human Rights Council"),
])
def test_the_council_president_presides_over_the_council_in_context(text: str, office: str) -> None:
    offices = {name for kind, name in nodes_of(text) if kind == "Office"}
    assert offices == {office}


@pytest.mark.parametrize(("text", "office"), [
    ("The Peacebuilding Commission met twice. The Chair of the Commission then wrote to the Council.",
     "Chair of the Peacebuilding Commission"),
    ("The Peacebuilding Commission (PBC) met twice. Its members thanked the Chairperson of the PBC.",
     "Chair of the Peacebuilding Commission"),
])
def test_the_title_of_a_presiding_office_before_a_short_name_is_that_office(text: str, office: str) -> None:
    assert office in {name for kind, name in nodes_of(text) if kind == "Office"}


def test_a_session_is_aliased_without_its_determiner() -> None:
    built = build(text_document("The Human Rights Council decided to continue at its fifty-third session.", "r.txt"))
    session = next(n for n in built.batch.nodes if n.kind == "Meeting")
    assert "fifty-third session" in session.aliases and not any(a.startswith("its ") for a in session.aliases)


@pytest.mark.parametrize(("sentence", "kind", "name"), [
    ("The Advisory Group of Experts on the Review of the Peacebuilding Architecture reported in 2015.", "Mechanism",
     "Advisory Group of Experts on the Review of the Peacebuilding Architecture"),
    ("The Sudan People's Liberation Movement signed the accord.", "Organization",
     "Sudan People's Liberation Movement"),
    ("Fighting resumed between the army and the Oromo Liberation Front.", "Organization", "Oromo Liberation Front"),
])
def test_expert_groups_and_armed_movements(sentence: str, kind: str, name: str) -> None:
    assert (kind, name) in nodes_of(sentence)


def test_an_armed_group_named_after_a_place_is_not_that_state() -> None:
    found = nodes_of("Attacks by the Islamic State in Iraq and the Levant (ISIL) continued.")
    assert ("Organization", "Islamic State in Iraq and the Levant") in found
    assert ("State", "Iraq") not in found and ("Situation", "Iraq") not in found


def test_the_chair_of_a_commission_of_inquiry_is_an_office_of_that_commission() -> None:
    text = "The Chair of the Commission on Human Rights in South Sudan briefed the Human Rights Council."
    nodes = nodes_of(text)
    chair = ("Office", "Chair of the Commission on Human Rights in South Sudan")
    assert chair in nodes and ("Mechanism", "Commission on Human Rights in South Sudan") in nodes
    assert ("office:chair-of-the-commission-on-human-rights-in-south-sudan", "PART_OF",
            "mechanism:commission-on-human-rights-in-south-sudan") in edges_of(text)


def test_a_chair_the_reference_data_knows_keeps_its_entry() -> None:
    nodes = nodes_of("The Chair of the Peacebuilding Commission briefed the Security Council.")
    assert ("Office", "Chair of the Peacebuilding Commission") in nodes
    assert not [k for k in nodes if k[1].startswith("Chair of the Chair")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chair of the Guinea-Bissau configuration addressed the Security Council in February.",
     {("Office", "Chair of the Guinea-Bissau configuration of the Peacebuilding Commission")}),
    ("The Burundi configuration of the Peacebuilding Commission met in May.",
     {("Body", "Burundi configuration of the Peacebuilding Commission")}),
    ("The Chairs of the Burundi, Central African Republic and Liberia configurations informed the Council.",
     {("Office", "Chair of the Burundi configuration of the Peacebuilding Commission"),
      ("Body", "Central African Republic configuration of the Peacebuilding Commission"),
      ("Body", "Liberia configuration of the Peacebuilding Commission")}),
])
def test_a_country_configuration_is_a_part_of_the_commission_not_the_state(text: str, expected: set) -> None:
    built = build(text_document(text))
    named = {(m.kind, built.context.nodes[m.node_id].name) for m in built.context.mentions}
    assert expected <= named
    assert not any(kind == "State" for kind, _ in named)
    parts = {(e.source, e.target) for e in built.batch.edges if e.type == "PART_OF"}
    for _, name in expected:
        configuration = name.removeprefix("Chair of the ")
        assert (f"body:{configuration.lower().replace(' ', '-')}", "body:peacebuilding-commission") in parts


def test_a_configuration_needs_a_country_before_it() -> None:
    assert not any(kind == "Body" and "configuration" in name
                   for kind, name in nodes_of("The configuration of the servers was changed in May."))
