"""Pathways over GraphQL: ranked routes with each hop's evidence, on both stores."""

from __future__ import annotations

from prevgraph.loaders import expand_paths, load_file

ROUTE = """query($from: String!, $to: String!, $hops: Int, $statuses: [FlowStatus!], $via: [String!],
    $avoid: [String!]) { pathways(from: $from, to: $to, maxHops: $hops, statuses: $statuses, via: $via,
    avoid: $avoid) { rank length status score nodes { id name }
    hops { reverse from { id } to { id } relationship { type status } evidence { quote documentTitle } } } }"""


def _routes(api, **variables) -> list[dict]:
    return api.data(ROUTE, variables)["pathways"]


def test_ohchr_to_the_security_council_through_the_high_commissioner(api):
    routes = _routes(api, **{"from": "OHCHR", "to": "UNSC"})
    best = routes[0]
    assert [n["id"] for n in best["nodes"]] == ["body:ohchr", "office:hc", "body:sc"]
    assert best["rank"] == 1 and best["status"] == "REALISED" and best["length"] == 2
    assert all(h["evidence"] and h["evidence"][0]["documentTitle"] == "Test report" for h in best["hops"])
    assert len({tuple(n["id"] for n in r["nodes"]) for r in routes}) == len(routes)  # parallel routes collapsed


def test_routes_are_ranked_by_their_weakest_status_before_length(api):
    routes = _routes(api, **{"from": "Peacebuilding Commission", "to": "Human Rights Council"})
    assert [(r["rank"], r["status"], r["length"]) for r in routes] == [(1, "PROPOSED", 3), (2, "UNREALISED", 1)]
    assert [n["id"] for n in routes[0]["nodes"]] == ["body:pbc", "body:sc", "body:ga", "body:hrc"]
    assert routes[0]["score"] < routes[1]["score"]


def test_statuses_via_avoid_and_hops(api):
    pbc, hrc = "PBC", "HRC"
    assert _routes(api, **{"from": pbc, "to": hrc, "statuses": ["REALISED"]}) == []
    assert [r["length"] for r in _routes(api, **{"from": pbc, "to": hrc, "avoid": ["General Assembly"]})] == [1]
    assert [r["length"] for r in _routes(api, **{"from": pbc, "to": hrc, "via": ["UNSC"]})] == [3]
    assert [r["length"] for r in _routes(api, **{"from": pbc, "to": hrc, "hops": 2})] == [1]


def test_structure_is_walked_against_its_direction(api):
    routes = _routes(api, **{"from": "UNHRC", "to": "resolution 45/31"})
    assert routes[0]["hops"][0]["reverse"] is True and routes[0]["hops"][0]["relationship"]["type"] == "ADOPTED_BY"


def test_bad_pathway_requests_are_clear_errors(api):
    body = api(ROUTE, {"from": "OHCHR", "to": "UNSC", "hops": 9})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    body = api(ROUTE, {"from": "OHCHR", "to": "the Moon Council"})
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_pathways_on_the_sample_corpus(store, make_api, corpus):
    """The two routes the issue names, from what the loaders extract from the seed documents."""
    for path in expand_paths([corpus]):
        report = load_file(path, store)
        assert report.error is None, report.error
    api = make_api(store)
    for source, target in (("OHCHR", "Security Council"), ("Peacebuilding Commission", "Human Rights Council")):
        routes = _routes(api, **{"from": source, "to": target, "hops": 4})
        assert routes, f"no route from {source} to {target} in the sample corpus"
        for route in routes:
            assert route["nodes"][0]["name"] != route["nodes"][-1]["name"]
            assert all(hop["evidence"] for hop in route["hops"] if not hop["reverse"])


def test_the_api_walks_and_ranks_as_prevgraph_path_does(store, make_api, corpus):
    """The same routes, statuses and scores as the analyses' ``find_paths`` (``prevgraph path``) on the corpus."""
    from prevgraph.graph.analysis import find_paths

    for path in expand_paths([corpus]):
        load_file(path, store)
    api, graph = make_api(store), store.to_networkx()
    for source, target in (("OHCHR", "Security Council"), ("Peacebuilding Commission", "Human Rights Council"),
                           ("Human Rights Council", "Security Council")):
        routes = _routes(api, **{"from": source, "to": target, "hops": 3})
        ends = routes[0]["nodes"][0]["id"], routes[0]["nodes"][-1]["id"]
        expected = find_paths(graph, *ends, max_hops=3)
        assert [([n["id"] for n in r["nodes"]], r["status"], r["score"]) for r in routes] == \
            [(list(p.nodes), p.status, p.score) for p in expected]
