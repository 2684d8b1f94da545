"""The README's GraphQL examples answer, without errors, on the sample corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.loaders import expand_paths, load_paths

REPO = Path(__file__).resolve().parents[2]


def _examples() -> list[str]:
    """The queries of the README's ```graphql block, comments left out."""
    block = re.search(r"```graphql\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert block, "the README has a ```graphql block of examples"
    queries, lines = [], []
    for line in block.group(1).splitlines():
        if line.startswith("#") or not line.strip():
            if lines:
                queries.append("\n".join(lines))
                lines = []
        else:
            lines.append(line)
    return queries + (["\n".join(lines)] if lines else [])


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = SqliteStore(tmp_path_factory.mktemp("sample") / "sample.db")
    for _ in load_paths(expand_paths([REPO / "corpus"]), store):
        pass
    yield store
    store.close()


@pytest.mark.parametrize("query", _examples())
def test_a_readme_example_answers_on_the_sample_corpus(sample, make_api, query):
    data = make_api(sample).data(query)
    assert all(value not in (None, []) for value in data.values()), data


def test_the_resolution_example_returns_what_45_31_requests(sample, make_api):
    (query,) = [q for q in _examples() if "resolution(" in q]
    answer = make_api(sample).data(query)["resolution"]
    requested = [r["target"]["name"] for r in answer["requests"]] + [
        r["target"]["name"] for p in answer["paragraphs"] for r in p["requests"]]
    assert any("High Commissioner" in name for name in requested), answer
