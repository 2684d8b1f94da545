"""The GraphQL schema follows the ontology: a type per node kind, enums derived from it; /map only with a renderer."""

from __future__ import annotations

from prevgraph.api.schema import build_schema
from prevgraph.schema import ontology
from prevgraph.settings import Settings


def _enum_values(schema, name: str) -> set[str]:
    return set(schema._schema.get_type(name).values)


def test_every_node_kind_has_a_type_implementing_node():
    schema = build_schema(Settings())
    for kind in ontology().node_kinds:
        gql_type = schema._schema.get_type(kind)
        assert gql_type is not None, kind
        assert "Node" in [i.name for i in gql_type.interfaces], kind


def test_enums_are_the_ontologys():
    schema, onto = build_schema(Settings()), ontology()
    assert _enum_values(schema, "NodeKind") == set(onto.node_kinds)
    assert _enum_values(schema, "RelationshipType") == set(onto.relationship_kinds)
    assert _enum_values(schema, "FlowStatus") == set(onto.statuses)
    assert _enum_values(schema, "Location") == set(onto.locations)
    assert _enum_values(schema, "Pillar") == set(onto.pillars)


def test_the_map_page_is_served_only_with_a_renderer(graph, make_api):
    assert make_api(graph).client.get("/map").status_code == 404
    seen = []

    def renderer(store, params):
        seen.append(params)
        return f"<html><body>{store.stats().nodes} nodes</body></html>"

    api = make_api(graph, map_page=renderer)
    page = api.client.get("/map?focus=HRC&hops=2&status=BLOCKED&status=REALISED&since=2020&gaps=true")
    assert page.status_code == 200 and "14 nodes" in page.text
    assert seen == [{"focus": "HRC", "hops": "2", "status": ["BLOCKED", "REALISED"], "since": "2020", "gaps": "true"}]


def test_a_map_option_the_renderer_refuses_is_a_4xx_in_the_error_shape(graph, make_api):
    from prevgraph.errors import MapError

    def renderer(store, params):
        raise MapError("hops: 99 is out of range; use 0 to 10")

    response = make_api(graph, map_page=renderer).client.get("/map?hops=99")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == MapError.code
