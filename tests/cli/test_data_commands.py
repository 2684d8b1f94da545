"""The data commands end to end: `prevgraph load | stats | export | copy`, run as the real command.

Errors a user can cause (a missing, empty, binary or unreadable file; a wrong store
setting) give one line on stderr naming the file or setting, never a traceback, a
non-zero exit only when nothing could be done, and the other files still loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from prevgraph.cli.app import global_options_first
from prevgraph.errors import StoreUnavailable
from prevgraph.graph import open_store
from prevgraph.loaders import build_batch
from prevgraph.loaders.read import read_document
from prevgraph.settings import Settings

PREVGRAPH = Path(sys.executable).with_name("prevgraph")
GOOD = "The Human Rights Council asked the Security Council for a briefing by the High Commissioner.\n"


def run(*args: object, env: dict[str, str] | None = None, user: str | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `prevgraph ARGS` with a clean environment (no store or Neo4j settings from outside)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PREVGRAPH_", "NEO4J_"))}
    clean.update({"COLUMNS": "200", **(env or {})})
    command = [str(PREVGRAPH), *map(str, args)]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env=clean, timeout=timeout)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single line a failing command printed on stderr (and no traceback)."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


def exported(store: str | Path) -> dict:
    result = run("--store", store, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    return folder


def test_every_command_has_help():
    for command in ("load", "export", "stats", "copy"):
        result = run(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_load_stats_and_export_on_the_embedded_store(corpus: Path, tmp_path: Path):
    store = tmp_path / "graph.db"
    loaded = run("--store", store, "load", corpus)
    assert loaded.returncode == 0, loaded.stderr
    assert "documents loaded" in loaded.stdout and "Traceback" not in loaded.stderr
    stats = run("--store", store, "stats")
    assert stats.returncode == 0 and "Document" in stats.stdout and "Body" in stats.stdout

    data = exported(store)
    assert {"id", "label", "name", "aliases", "location"} <= data["nodes"][0].keys()
    documents = {n["id"] for n in data["nodes"] if n["label"] == "Document"}
    assert len(documents) >= 5
    for edge in data["edges"]:
        assert {"source", "target", "type", "status", "evidence"} <= edge.keys()
        for evidence in edge["evidence"]:
            assert evidence["document"] in documents and evidence["end"] >= evidence["start"]
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"graph.{fmt}"
        assert run("--store", store, "export", "--format", fmt, "-o", out).returncode == 0
        graph = read(out)
        assert graph.number_of_nodes() == len(data["nodes"]) and graph.number_of_edges() == len(data["edges"])


def test_the_default_store_lives_under_xdg_data_home(files: Path, tmp_path: Path):
    result = run("load", files / "good.txt", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "prevgraph" / "prevgraph.db").is_file()


@pytest.mark.neo4j
def test_copy_sqlite_to_neo4j_and_back_through_the_cli(corpus: Path, tmp_path: Path, neo4j_store, neo4j_uri: str):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert run("--store", first, "load", corpus).returncode == 0
    to_neo4j = run("copy", "--from", first, "--to", neo4j_uri)
    assert to_neo4j.returncode == 0, to_neo4j.stderr
    back = run("copy", "--from", neo4j_uri, "--to", second, env={"PREVGRAPH_BATCH_SIZE": "7"})
    assert back.returncode == 0, back.stderr
    original = exported(first)
    assert exported(neo4j_uri) == original
    assert exported(second) == original
    assert len(original["edges"]) > 20


# --- bad input ----------------------------------------------------------------------------------

def test_bad_files_are_named_and_the_good_one_is_still_loaded(files: Path, tmp_path: Path):
    missing = files / "missing.txt"
    result = run("--store", tmp_path / "g.db", "load", missing, files / "empty.txt", files / "good.txt",
                 files / "binary.txt")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = sorted(line for line in result.stderr.splitlines() if line.startswith("skipped:"))
    assert skipped == sorted([f"skipped: {files / 'binary.txt'}: not a text file (binary content)",
                              f"skipped: {files / 'empty.txt'}: the file is empty",
                              f"skipped: {missing}: no such file"])
    assert "1 of 4 documents loaded" in result.stdout
    assert [n["name"] for n in exported(tmp_path / "g.db")["nodes"] if n["label"] == "Document"]


def test_a_folder_of_bad_and_good_files_loads_the_good_ones(files: Path, tmp_path: Path):
    result = run("--store", tmp_path / "g.db", "load", files)
    assert result.returncode == 0
    assert result.stderr.count("skipped:") == 2 and "1 of 3 documents loaded" in result.stdout


def test_nothing_loadable_exits_non_zero(files: Path, tmp_path: Path):
    result = run("--store", tmp_path / "g.db", "load", files / "missing.txt", files / "empty.txt")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.count("skipped:") == 2


@pytest.fixture
def open_folder():
    """A folder every user can enter (pytest's own temporary folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="prevgraph-cli-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def test_an_unreadable_file_is_named_and_the_others_still_loaded(open_folder: Path):
    """As root every file is readable, so there the command runs as the unprivileged user `nobody`."""
    locked, good = open_folder / "locked.txt", open_folder / "good.txt"
    locked.write_text(GOOD)
    good.write_text(GOOD)
    locked.chmod(0)
    good.chmod(0o644)
    user = None
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root for this test"
        user = "65534"
    result = run("--store", open_folder / "g.db", "load", locked, good, user=user, env={"HOME": str(open_folder)})
    assert result.returncode == 0, result.stderr
    assert f"skipped: {locked}: cannot be read (Permission denied)" in result.stderr.splitlines()
    assert "1 of 2 documents loaded" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.neo4j
def test_an_unreachable_neo4j_is_one_line_naming_the_uri():
    uri = f"bolt://127.0.0.1:{closed_port()}"
    result = run("--store", uri, "stats")
    assert result.returncode == 1
    line = one_error_line(result)
    assert line.startswith(f"error: cannot reach Neo4j at {uri}") and "scripts/neo4j-local start" in line


def test_debug_shows_the_traceback():
    result = run("--debug", "--store", f"bolt://127.0.0.1:{closed_port()}", "stats")
    assert result.returncode != 0 and "Traceback" in result.stderr and "StoreUnavailable" in result.stderr


@pytest.mark.parametrize("uri", ["neo4j://localhost:notaport", "bolt://[::1", "bolt://no-such-host.invalid:7687"])
def test_a_malformed_neo4j_uri_names_the_setting(uri: str):
    result = run("--store", uri, "stats")
    assert result.returncode == 1
    line = one_error_line(result)
    assert uri in line and "PREVGRAPH_STORE" in line


def test_a_file_that_is_not_a_store_names_the_file(tmp_path: Path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 100)
    result = run("--store", not_a_db, "stats")
    assert result.returncode == 1
    assert str(not_a_db) in one_error_line(result)


def test_a_store_path_that_cannot_be_made_names_the_path(files: Path):
    result = run("--store", files / "good.txt" / "graph.db", "stats")
    assert result.returncode == 1
    assert str(files / "good.txt" / "graph.db") in one_error_line(result)


@pytest.mark.neo4j
def test_a_missing_neo4j_database_names_the_setting(neo4j_uri: str):
    result = run("--store", neo4j_uri, "stats", env={"NEO4J_DATABASE": "nosuchdatabase"})
    assert result.returncode == 1
    line = one_error_line(result)
    assert "nosuchdatabase" in line and "NEO4J_DATABASE" in line


@pytest.mark.neo4j
def test_wrong_credentials_are_one_line_naming_the_settings(neo4j_uri: str, monkeypatch, capsys):
    """The local Neo4j runs without authentication, so it cannot refuse credentials; the driver's
    refusal (AuthError, raised by verify_connectivity) is the one fault simulated in this suite."""
    from neo4j.exceptions import AuthError

    from prevgraph.cli import main
    from prevgraph.graph import neo4j_store

    real = neo4j_store.make_driver

    def refusing_driver(uri, auth):
        driver = real(uri, auth)

        def refuse(**_):
            raise AuthError("The client is unauthorized due to authentication failure.")

        driver.verify_connectivity = refuse
        return driver

    monkeypatch.setattr(neo4j_store, "make_driver", refusing_driver)
    monkeypatch.setenv("NEO4J_USER", "analyst")
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password")
    monkeypatch.setattr(sys, "argv", ["prevgraph", "--store", neo4j_uri, "stats"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    (line,) = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert line == (f"error: Neo4j at {neo4j_uri} refused the credentials of user 'analyst'; "
                    "check NEO4J_USER and NEO4J_PASSWORD")
    assert "wrong-password" not in line
    with pytest.raises(StoreUnavailable):
        from prevgraph.graph.neo4j_store import Neo4jStore
        from prevgraph.settings import Settings

        Neo4jStore.connect(neo4j_uri, Settings(neo4j_password="x"))


def test_load_says_once_which_stored_texts_predate_the_name_rule(tmp_path: Path):
    """A document stored before names were removed from texts is named once, and is clean after a reload."""
    store = tmp_path / "graph.db"
    old = tmp_path / "old-report.txt"
    old.write_text(GOOD, encoding="utf-8")
    batch = build_batch(read_document(old))
    before_the_rule = {k: v for k, v in batch.document.props.items() if k != "names_rule"}
    with open_store(Settings(store=str(store))) as graph:
        graph.load_document(batch.model_copy(update={"document": batch.document.model_copy(
            update={"props": before_the_rule})}))
    new = tmp_path / "new-report.txt"
    new.write_text(GOOD, encoding="utf-8")
    (new_two := tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")
    result = run("--store", store, "load", new, new_two)
    assert result.returncode == 0
    assert result.stderr.count("old-report.txt") == 1 and "load them again" in result.stderr
    assert "old-report.txt" not in run("--store", store, "load", old).stderr  # reloading it is the cure
    assert "load them again" not in run("--store", store, "load", new).stderr


@pytest.mark.parametrize("command", [("stats",), ("gaps",), ("export",), ("map", "--output", "map.html"),
                                     ("path", "Human Rights Council", "Security Council")])
def test_a_reading_command_names_a_missing_store_and_creates_nothing(tmp_path: Path, command: tuple[str, ...]):
    missing = tmp_path / "no-such-folder" / "graph.db"
    result = run("--store", missing, *command)
    assert result.returncode == 1
    line = one_error_line(result)
    assert str(missing) in line and "prevgraph load" in line
    assert not missing.parent.exists()


def test_gaps_on_an_empty_store_says_it_is_empty_not_that_there_are_no_gaps(tmp_path: Path):
    store = tmp_path / "graph.db"
    assert run("--store", store, "load", tmp_path / "absent.txt").returncode == 1  # makes the store, loads nothing
    result = run("--store", store, "gaps")
    assert result.returncode == 0
    assert "holds no documents" in result.stderr and "load" in result.stderr
    assert "No gaps found" not in result.stdout


def test_store_after_the_command_is_taken_as_users_type_it(tmp_path: Path):
    store = tmp_path / "graph.db"
    document = tmp_path / "report.txt"
    document.write_text(GOOD, encoding="utf-8")
    assert run("load", "--store", store, document).returncode == 0
    assert run("stats", f"--store={store}").returncode == 0
    assert exported(store)["nodes"]  # the load went into that store, not the default one


@given(st.lists(st.sampled_from(["load", "gaps", "a.txt", "-f", "json", "--limit", "3"]), max_size=6),
       st.integers(min_value=0, max_value=6), st.sampled_from([["--store", "x.db"], ["-s", "x.db"], ["--store=x.db"]]))
def test_global_options_move_before_the_command_and_nothing_else_moves(args: list[str], at: int, store: list[str]):
    at = min(at, len(args))
    typed = [*args[:at], *store, *args[at:], "--", "--store", "kept"]
    assert global_options_first(typed) == [*store, *args, "--", "--store", "kept"]
