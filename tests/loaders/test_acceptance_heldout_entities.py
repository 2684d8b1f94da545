"""Acceptance test: entity recall on held-out documents written for this test (tests/loaders/heldout/).

They were written beside the rules, so this is a floor the rules must keep, not a measure of how they do
on documents nobody here wrote (that is what gold annotations and `prevgraph eval` are for).

Each document is a short, realistic text of a kind the loaders are judged on (a UN press
release, an NGO analysis, a statement in the Security Council, a Human Rights Council
resolution, a news report). The entities a careful reader would list are written here,
in the test, never in the code. An entity counts as found if a node of a matching kind
carries one of the names given (as name or alias, ignoring case). The bar is the one the
issue sets: at least 85% of the bodies, offices, organisations, States, resolutions and
meetings named.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prevgraph.loaders.pipeline import build
from prevgraph.loaders.read import read_document

HELDOUT = Path(__file__).parent / "heldout"

KINDS = {
    "un": {"Body", "Office", "Mechanism"},
    "organisation": {"Organization"},
    "state": {"State", "Situation"},
    "resolution": {"Resolution"},
    "meeting": {"Meeting"},
}

EXPECTED: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "press_release_hrc.txt": [
        ("un", ("Human Rights Council",)),
        ("un", ("Special Rapporteur on the situation of human rights in Burundi",)),
        ("un", ("independent fact-finding mission for the Sudan", "fact-finding mission for the Sudan")),
        ("un", ("Office of the High Commissioner for Human Rights",)),
        ("un", ("High Commissioner for Human Rights",)),
        ("un", ("Peacebuilding Commission",)),
        ("un", ("General Assembly",)),
        ("un", ("President of the Human Rights Council",)),
        ("un", ("Bureau of the Human Rights Council",)),
        ("state", ("Sudan",)), ("state", ("Burundi",)), ("state", ("Afghanistan",)), ("state", ("United Kingdom",)),
        ("state", ("Germany",)), ("state", ("Norway",)), ("state", ("United States of America",)),
        ("state", ("Sierra Leone",)), ("state", ("China",)), ("state", ("Russian Federation",)), ("state", ("Cuba",)),
        ("state", ("Pakistan",)), ("state", ("Czechia",)),
        ("organisation", ("Organisation of Islamic Cooperation",)),
        ("organisation", ("Like-Minded Group",)),
        ("resolution", ("A/HRC/RES/45/31",)), ("resolution", ("A/RES/60/251",)),
        ("meeting", ("Human Rights Council, 54th session",)),
    ],
    "ngo_analysis.txt": [
        ("un", ("Peacebuilding Commission",)), ("un", ("Human Rights Council",)),
        ("un", ("Chair of the Peacebuilding Commission",)),
        ("un", ("Office of the High Commissioner for Human Rights",)), ("un", ("Security Council",)),
        ("un", ("Regional Monthly Review",)), ("un", ("Department of Political and Peacebuilding Affairs",)),
        ("un", ("Secretary-General",)), ("un", ("Executive Committee",)), ("un", ("General Assembly",)),
        ("un", ("United Nations Development Programme",)), ("un", ("UN Women",)),
        ("un", ("Peacebuilding Support Office",)), ("un", ("High Commissioner for Human Rights",)),
        ("organisation", ("Global Centre for the Responsibility to Protect",)),
        ("organisation", ("International Crisis Group",)), ("organisation", ("Human Rights Watch",)),
        ("organisation", ("Dag Hammarskjöld Foundation",)), ("organisation", ("Institute for Security Studies",)),
        ("organisation", ("Security Council Report",)),
        ("state", ("Myanmar",)), ("state", ("Sweden",)), ("state", ("Kenya",)),
        ("resolution", ("A/RES/60/180",)), ("resolution", ("S/RES/1645 (2005)",)), ("resolution", ("A/RES/70/262",)),
        ("resolution", ("S/RES/2282 (2016)",)),
    ],
    "sc_statement.txt": [
        ("un", ("Security Council",)), ("un", ("Deputy Secretary-General",)),
        ("un", ("High Commissioner for Human Rights",)), ("un", ("Human Rights Council",)),
        ("un", ("Independent International Commission of Inquiry on Ukraine",)), ("un", ("Peacebuilding Commission",)),
        ("un", ("United Nations Mission in South Sudan",)),
        ("un", ("United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",)),
        ("un", ("Special Representative of the Secretary-General for Children and Armed Conflict",)),
        ("organisation", ("Permanent Mission of Ireland",)), ("organisation", ("European Union",)),
        ("organisation", ("Group of Friends on the Responsibility to Protect",)),
        ("state", ("Ireland",)), ("state", ("Mexico",)), ("state", ("Ethiopia",)), ("state", ("Myanmar",)),
        ("state", ("Ukraine",)),
        ("resolution", ("S/RES/2171 (2014)",)), ("resolution", ("S/RES/2282 (2016)",)),
        ("meeting", ("Security Council open debate on conflict prevention",
                     "Security Council open debate on conflict prevention: the role of human rights")),
    ],
    "hrc_resolution.txt": [
        ("un", ("Human Rights Council",)), ("un", ("General Assembly",)), ("un", ("Secretary-General",)),
        ("un", ("High Commissioner for Human Rights",)), ("un", ("Office of the High Commissioner for Human Rights",)),
        ("un", ("Chair of the Peacebuilding Commission",)), ("un", ("Security Council",)),
        ("un", ("Special Procedures",)), ("un", ("Treaty Bodies",)), ("un", ("Universal Periodic Review",)),
        ("resolution", ("A/HRC/RES/53/27",)), ("resolution", ("A/RES/60/251",)), ("resolution", ("A/HRC/RES/5/1",)),
        ("resolution", ("A/HRC/RES/5/2",)), ("resolution", ("A/HRC/RES/38/18",)),
        ("resolution", ("A/HRC/RES/45/31",)),
    ],
    "news_report.txt": [
        ("un", ("High Commissioner for Human Rights",)), ("un", ("Security Council",)),
        ("un", ("Human Rights Council",)),
        ("un", ("UN Integrated Transition Assistance Mission in Sudan", "UNITAMS")),
        ("un", ("World Food Programme",)), ("un", ("Office for the Coordination of Humanitarian Affairs",)),
        ("un", ("Secretary-General",)), ("un", ("General Assembly",)),
        ("organisation", ("Amnesty International",)), ("organisation", ("International Committee of the Red Cross",)),
        ("organisation", ("African Union",)), ("organisation", ("Intergovernmental Authority on Development", "IGAD")),
        ("state", ("Sudan",)), ("state", ("United Arab Emirates",)), ("state", ("Albania",)),
        ("state", ("Switzerland",)), ("state", ("Russian Federation",)), ("state", ("China",)), ("state", ("Chad",)),
        ("state", ("Egypt",)),
    ],
}


def _names_by_kind(path: Path) -> dict[str, set[str]]:
    batch = build(read_document(path)).batch
    out: dict[str, set[str]] = {}
    for node in batch.nodes:
        out.setdefault(node.kind, set()).update(n.casefold() for n in (node.name, *node.aliases))
    return out


def _misses(name: str) -> tuple[int, list[str]]:
    found = _names_by_kind(HELDOUT / name)
    missed = []
    for category, names in EXPECTED[name]:
        known = set().union(*(found.get(kind, set()) for kind in KINDS[category]))
        if not any(n.casefold() in known for n in names):
            missed.append(f"{category}: {names[0]}")
    return len(EXPECTED[name]), missed


def test_every_heldout_document_has_expectations() -> None:
    assert sorted(p.name for p in HELDOUT.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_document_is_read_well(name: str) -> None:
    total, missed = _misses(name)
    assert (total - len(missed)) / total >= 0.75, missed


def test_recall_over_the_heldout_set_reaches_the_bar() -> None:
    total = found = 0
    missed: list[str] = []
    for name in sorted(EXPECTED):
        count, misses = _misses(name)
        total += count
        found += count - len(misses)
        missed.extend(f"{name}: {m}" for m in misses)
    recall = found / total
    assert recall >= 0.85, f"recall {recall:.2f}; missed {missed}"
