"""The embedded store never loses data: real processes, killed with SIGKILL in the middle of a write.

A loading process is killed while its transaction is being written (its WAL file is
growing and it has not reported the commit); reopening the store shows the previous
state, whole and readable. A reader in another process, polling while documents load,
only ever sees counts from before or after a load, never from the middle of one.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from prevgraph.graph.sqlite_store import SqliteStore

WORKER = Path(__file__).with_name("sqlite_worker.py")
PARAGRAPHS = 60_000  # one load writes ~60k nodes and ~60k edges: long enough to be killed inside
SMALL = 500

pytestmark = pytest.mark.slow


def _worker(*args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), *map(str, args)], stdout=subprocess.PIPE, text=True)


def _snapshot(path: Path) -> tuple:
    store = SqliteStore(path)
    try:
        return store.stats(), store.find_nodes(), store.find_edges()
    finally:
        store.close()


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _kill_inside_the_transaction(path: Path, wal_bytes: int) -> None:
    """Start a big load and SIGKILL it once its uncommitted transaction has put ``wal_bytes`` into the WAL."""
    wal = Path(f"{path}-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    proc = _worker("load", path, 100, 1, PARAGRAPHS)
    assert proc.stdout.readline().strip() == "loading 100"
    deadline = time.monotonic() + 120
    while wal.stat().st_size < start_size + wal_bytes:
        assert proc.poll() is None, "the load finished before it could be killed; make it bigger"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert proc.stdout.read() == "", "the kill came after the commit"


@pytest.mark.parametrize("wal_bytes", [256 * 1024, 8 * 1024 * 1024])
def test_a_load_killed_mid_write_leaves_the_previous_state_intact(tmp_path: Path, wal_bytes: int):
    path = tmp_path / "graph.db"
    first = _worker("load", path, 1, 2, SMALL)
    first.communicate(timeout=120)
    assert first.returncode == 0
    before = _snapshot(path)
    assert before[0].nodes == 2 * (SMALL + 2)

    _kill_inside_the_transaction(path, wal_bytes)

    assert _integrity(path) == "ok"
    assert _snapshot(path) == before
    again = _worker("load", path, 3, 1, SMALL)  # and the store takes writes again
    again.communicate(timeout=120)
    assert again.returncode == 0
    assert _snapshot(path)[0].nodes == 3 * (SMALL + 2)


def test_a_concurrent_reader_never_sees_half_a_load(tmp_path: Path):
    path = tmp_path / "graph.db"
    SqliteStore(path).close()
    stop = tmp_path / "stop"
    reader = _worker("watch", path, stop)
    assert reader.stdout.readline().strip() == "ready"
    writer = _worker("load", path, 1, 6, 4000)
    writer.communicate(timeout=300)
    stop.touch()
    seen = {int(count) for count in json.loads(reader.communicate(timeout=60)[0])}
    assert writer.returncode == 0 and reader.returncode == 0
    committed = {k * (4000 + 2) for k in range(7)}
    assert seen <= committed, f"the reader saw partial loads: {sorted(seen - committed)}"
    assert len(seen) >= 3, "the reader did not overlap the loads"


def test_a_reader_during_a_killed_load_sees_only_the_previous_state(tmp_path: Path):
    path = tmp_path / "graph.db"
    first = _worker("load", path, 1, 1, SMALL)
    first.communicate(timeout=120)
    stop = tmp_path / "stop"
    reader = _worker("watch", path, stop)
    assert reader.stdout.readline().strip() == "ready"
    _kill_inside_the_transaction(path, 4 * 1024 * 1024)
    time.sleep(0.2)
    stop.touch()
    seen = {int(count) for count in json.loads(reader.communicate(timeout=60)[0])}
    assert seen == {SMALL + 2}
