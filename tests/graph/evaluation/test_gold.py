"""Reading gold annotation folders: a bad file is one line naming the file and field, the others are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prevgraph.errors import GoldError
from prevgraph.graph.evaluation import read_gold_file, read_gold_folder

from .conftest import note_gold


def _with(change) -> dict:
    gold = note_gold()
    change(gold)
    return gold


BAD = [
    ("entities[0].names", lambda g: g["entities"][0].pop("names")),
    ("entities[1].type", lambda g: g["entities"][1].update(type="Bodyy")),
    ("entities[0].location", lambda g: g["entities"][0].update(location="MARS")),
    ("entities[2].names", lambda g: g["entities"][2].update(names=[])),
    ("entities[3].key", lambda g: g["entities"][3].update(key="hrc")),
    ("facts[0].subject", lambda g: g["facts"][0].update(subject="nobody")),
    ("facts[2].object", lambda g: g["facts"][2].update(object="")),
    ("facts[1].relation", lambda g: g["facts"][1].update(relation="TELLS")),
    ("facts[3].status", lambda g: g["facts"][3].update(status="DONE")),
    ("facts[0].year", lambda g: g["facts"][0].update(year="last spring")),
    ("document", lambda g: g.pop("document")),
]


@pytest.mark.parametrize(("field", "change"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_field_is_named_with_its_file(tmp_path: Path, field: str, change) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_with(change)), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_gold_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {field}: ")
    assert "\n" not in message


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"document": "a.txt",\n "entities": [}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.json: not JSON: .* line 2"):
        read_gold_file(path)


def test_spellings_annotators_use_are_accepted(tmp_path: Path) -> None:
    gold = note_gold()
    gold["entities"][0]["type"] = "body"
    gold["entities"].append({"key": "ngo", "type": "Organisation", "names": ["A Watch"], "comment": "extra"})
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    read = read_gold_file(path)
    assert read.entities[0].type == "Body" and read.entities[-1].type == "Organization"
    assert read.facts[6].relation == "NO_LINK"
    assert read.facts[0].year == 2021


def test_a_folder_keeps_the_good_files_beside_the_bad(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(note_gold()), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(_with(lambda g: g["entities"][0].update(type="?"))),
                                     encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(note_gold()), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a gold file", encoding="utf-8")
    folder = read_gold_folder(tmp_path)
    assert [p.name for p, _ in folder.documents] == ["a.json"]
    assert len(folder.errors) == 2
    assert folder.errors[0].startswith(f"{tmp_path / 'b.json'}: entities[0].type")
    assert "already annotated" in folder.errors[1] and "c.json" in folder.errors[1]


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_a_missing_or_empty_folder_is_one_error(tmp_path: Path, make) -> None:
    with pytest.raises(GoldError, match=r"gold"):
        read_gold_folder(make(tmp_path))
