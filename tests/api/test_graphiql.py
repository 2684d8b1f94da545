"""GraphiQL at /graphql works offline: every script and style comes from prevgraph itself.

The browser test runs `prevgraph serve` in its own process on loopback and opens
/graphql in Debian's headless Chromium (driven by playwright, never `playwright
install`); every request to anything but that server is aborted and recorded. It runs
a query through GraphiQL's own editor and run button.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import pytest

from .conftest import sample_batch

CHROMIUM = "/usr/bin/chromium"
_LINKS = re.compile(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def _page(api) -> str:
    response = api.client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    return response.text


def test_the_graphiql_page_names_no_external_url(api):
    html = _page(api)
    links = _LINKS.findall(html)
    assert links, "the page loads GraphiQL's scripts"
    for link in links:
        assert link.startswith(("/graphql/static/", "data:")), link
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html, re.IGNORECASE), "an absolute URL in the page"
    for link in links:
        if link.startswith("/"):
            served = api.client.get(link)
            assert served.status_code == 200 and len(served.content) > 1000, link


def test_the_vendored_files_keep_their_licences(api):
    for name in ("LICENSE-graphiql.txt", "LICENSE-react.txt", "LICENSE-react-dom.txt"):
        assert "MIT License" in api.client.get(f"/graphql/static/{name}").text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(sqlite_store) -> Iterator[str]:
    """`prevgraph serve` on the hand-built graph in its own process; yields its base URL."""
    sqlite_store.load_document(sample_batch())
    port = _free_port()
    env = {**os.environ, "PREVGRAPH_STORE": str(sqlite_store.path), "PREVGRAPH_PORT": str(port)}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prevgraph")), "serve"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/health", timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read()
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_graphiql_runs_a_query_in_chromium_with_no_request_leaving_the_machine(served, tmp_path):
    from playwright.sync_api import sync_playwright

    local = urlsplit(served).netloc
    refused: list[str] = []
    errors: list[str] = []
    query = '{ byName(name: "UNSC") { name aliases } }'
    profile = tempfile.mkdtemp(prefix="prevgraph-chromium-", dir=tmp_path)
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = context.new_page()

            def guard(route) -> None:
                url = route.request.url
                if urlsplit(url).netloc == local or url.startswith(("data:", "blob:", "about:")):
                    route.continue_()
                else:
                    refused.append(url)
                    route.abort()

            page.route("**/*", guard)
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{served}/graphql?q={quote(query)}")  # GraphiQL's own parameter: `query` runs it
            page.wait_for_selector(".graphiql-execute-button", timeout=30_000)
            page.wait_for_function("document.querySelector('.graphiql-query-editor .CodeMirror')"
                                   ".CodeMirror.getValue().includes('UNSC')", timeout=30_000)
            page.click(".graphiql-execute-button")
            page.wait_for_function("document.querySelector('.graphiql-response')"
                                   ".innerText.includes('Security Council')", timeout=30_000)
            result = page.inner_text(".graphiql-response")
            page.screenshot(path=str(tmp_path / "graphiql.png"))
        finally:
            context.close()
    assert '"UNSC"' in result and '"SC"' in result
    assert refused == []
    assert errors == []
