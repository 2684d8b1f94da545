"""`prevgraph serve` starts a real server on the configured store (a separate process, over loopback)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import sample_batch


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_prevgraph_serve_answers_graphql_health_and_the_map(sqlite_store, tmp_path):
    sqlite_store.load_document(sample_batch())
    port = _free_port()
    env = {**os.environ, "PREVGRAPH_STORE": str(sqlite_store.path), "PREVGRAPH_PORT": str(port)}
    prevgraph = Path(sys.executable).with_name("prevgraph")
    server = subprocess.Popen([str(prevgraph), "serve"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read()
                time.sleep(0.3)
        assert health.status_code == 200 and health.json()["kind"] == "sqlite"
        answer = httpx.post(f"{base}/graphql", json={"query": '{ byName(name: "UNSC") { name } }'}, timeout=10)
        assert answer.json() == {"data": {"byName": {"name": "Security Council"}}}
        page = httpx.get(f"{base}/map", params={"focus": "HRC"}, timeout=60)
        assert page.status_code == 200 and "<html" in page.text.lower()
    finally:
        server.terminate()
        server.wait(timeout=30)
