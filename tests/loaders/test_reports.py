"""Documents cited by their symbol: reports, their authors, titles and sessions (sentences written for this test)."""

from __future__ import annotations

import pytest

from prevgraph.loaders.pipeline import build, text_document
from prevgraph.schema import node_id


def reports(text: str):
    batch = build(text_document(text)).batch
    found = {n.name: n for n in batch.nodes if n.kind == "Report"}
    issued = {(e.source, e.target) for e in batch.edges if e.type == "ISSUED_BY"}
    cited = {e.target for e in batch.edges if e.type == "CITES"}
    return found, issued, cited


@pytest.mark.parametrize(("sentence", "symbol", "author", "session"), [
    ("Members welcomed the report of the Peacebuilding Commission on its tenth session (A/71/768–S/2017/76).",
     "A/71/768-S/2017/76", "body:peacebuilding-commission", 10),
    ("The Peacebuilding Commission presented the report of the Commission on its 12th session (A/73/724-S/2019/85).",
     "A/73/724-S/2019/85", "body:peacebuilding-commission", 12),
    ("The Council took note of the Secretary-General's report (S/2021/350) on the region.", "S/2021/350",
     "office:secretary-general", None),
    ("Delegations discussed the report of the High Commissioner for Human Rights (A/HRC/49/20).", "A/HRC/49/20",
     "office:high-commissioner-for-human-rights", None),
])
def test_a_symbol_with_the_report_it_names(sentence: str, symbol: str, author: str, session: int | None) -> None:
    found, issued, cited = reports(sentence)
    assert set(found) == {symbol}
    report = found[symbol]
    assert report.reviewed is False and report.props["symbol"] == symbol
    assert report.props.get("session") == session
    assert issued == {(report.id, author)}
    assert report.id in cited


def test_the_title_is_kept_as_an_alias() -> None:
    found, _, _ = reports("It recalled the report of the Peacebuilding Commission on its ninth session "
                          "(A/70/714-S/2016/115).")
    assert found["A/70/714-S/2016/115"].aliases == ("Report of the Peacebuilding Commission on its ninth session",)


def test_each_symbol_takes_only_the_words_after_the_one_before() -> None:
    found, issued, _ = reports("After the report of the Secretary-General (S/2009/304), members read A/HRC/43/2 "
                               "and E/CN.4/2005/135.")
    assert set(found) == {"S/2009/304", "A/HRC/43/2", "E/CN.4/2005/135"}
    assert issued == {(node_id("Report", "S/2009/304"), "office:secretary-general")}


@pytest.mark.parametrize("sentence", [
    "Resolution A/HRC/RES/45/31 and decision A/DEC/62/503 are texts, not reports.",
    "The vote was 12/3 in favour, on 2020/21 figures.",
    "See S/PRST/2001/10 for the statement.",
])
def test_not_reports(sentence: str) -> None:
    assert reports(sentence)[0] == {}
