from __future__ import annotations

import pytest

from prevgraph.errors import OntologyError, ValidationError
from prevgraph.schema import Edge, Node, edge_id, gazetteer, node_id, ontology
from prevgraph.schema.ontology import parse_ontology
from prevgraph.schema.records import check_edge_fields, check_node
from prevgraph.schema.reference import parse_gazetteer


def test_ontology_declares_the_flows_and_their_statuses():
    onto = ontology()
    assert set(onto.flow_types) == {"BRIEFS", "REQUESTS", "INVITES", "BLOCKS"}
    assert set(onto.statuses) == {"MANDATED", "REALISED", "BLOCKED", "UNREALISED", "PROPOSED"}
    assert set(onto.locations) == {"GENEVA", "NEW_YORK", "FIELD", "OTHER"}


def test_every_pattern_names_declared_kinds():
    with pytest.raises(OntologyError, match="undeclared node kinds"):
        parse_ontology({
            "version": 1, "locations": {}, "pillars": {}, "statuses": {},
            "node_kinds": {"Body": {"description": "d", "shape": "box"}},
            "relationship_kinds": {"X": {"description": "d", "patterns": [[["Body"], ["Ghost"]]]}},
        })


@pytest.mark.parametrize(("source", "rel", "target", "allowed"), [
    ("Paragraph", "REQUESTS", "Office", True),
    ("Office", "BRIEFS", "Body", True),
    ("Document", "BRIEFS", "Body", False),
    ("Paragraph", "PART_OF", "Resolution", True),
    ("Participant", "ATTENDED", "Meeting", True),
    ("Meeting", "ATTENDED", "Participant", False),
])
def test_patterns(source, rel, target, allowed):
    if allowed:
        ontology().check_edge(source, rel, target)
    else:
        with pytest.raises(ValidationError):
            ontology().check_edge(source, rel, target)


def test_ids_are_deterministic_and_meet_across_spellings():
    expected = "body:human-rights-council"
    assert node_id("Body", "Human Rights Council") == node_id("Body", "human  rights council ") == expected
    assert node_id("Resolution", "A/HRC/RES/45/31") == "resolution:a-hrc-res-45-31"
    assert edge_id("a", "BRIEFS", "b", "REALISED") == edge_id("a", "BRIEFS", "b", "REALISED")
    assert edge_id("a", "BRIEFS", "b", "REALISED") != edge_id("a", "BRIEFS", "b", "PROPOSED")


def test_a_flow_needs_a_status_and_a_block_needs_its_flow():
    flow = Edge(id="e", type="BRIEFS", source="a", target="b")
    with pytest.raises(ValidationError, match="needs a status"):
        check_edge_fields(flow)
    block = Edge(id="e", type="BLOCKS", source="a", target="b", status="BLOCKED")
    with pytest.raises(ValidationError, match="which flow it blocks"):
        check_edge_fields(block)
    # a mechanism kept from its work: no flow, but the reason
    check_edge_fields(block.model_copy(update={"status": "REALISED", "props": {"reason": "non-cooperation"}}))


def test_node_location_and_pillar_are_checked():
    with pytest.raises(ValidationError, match="location"):
        check_node(Node(id="x", kind="Body", name="X", location="MARS"))
    with pytest.raises(ValidationError, match="has no pillar"):
        check_node(Node(id="x", kind="Document", name="X", pillar="HUMAN_RIGHTS"))


def test_reference_entries_have_sources_aliases_and_validity():
    ref = gazetteer()
    hrc = ref.lookup("UNHRC")
    assert hrc is not None and hrc.name == "Human Rights Council" and hrc.location == "GENEVA"
    chr_ = ref.lookup("Commission on Human Rights")
    assert chr_.successor == "Human Rights Council" and chr_.held_in(2005) and not chr_.held_in(2007)
    assert all(entry.source for entry in ref.entries.values())
    held_2000 = {e.name for e in ref.held_in(2000)}
    assert "Commission on Human Rights" in held_2000 and "Human Rights Council" not in held_2000


def test_reference_parent_must_exist():
    with pytest.raises(OntologyError, match="parent 'Nowhere'"):
        parse_gazetteer({"x.yaml": {"entries": [
            {"key": "A", "kind": "Body", "source": "s", "parent": "Nowhere"}]}})


def test_node_kinds_document_their_properties():
    meeting = ontology().node_kinds["Meeting"]
    assert {"title", "start_date", "end_date", "rule", "participants"} <= set(meeting.properties)
    assert all(isinstance(text, str) and text for kind in ontology().node_kinds.values()
               for text in kind.properties.values())
    raw = {"version": 1, "locations": {}, "pillars": {}, "statuses": {}, "relationship_kinds": {},
           "node_kinds": {"X": {"description": "d", "shape": "box", "properties": ["not", "a", "mapping"]}}}
    with pytest.raises(OntologyError, match="properties"):
        parse_ontology(raw)


def test_reference_entries_carry_kind_specific_props():
    twin = gazetteer().lookup("S/RES/2282 (2016)")
    assert twin.props["body"] == "Security Council" and "twin resolutions on Sustaining Peace" in twin.props["cited_as"]
