"""Open a map in headless Chromium with networking off: for the browser tests and the benchmark.

Uses Debian's ``chromium`` (``/usr/bin/chromium``) driven by the ``playwright`` package
(a dev extra; never ``playwright install``). Every request that is not the file itself
is aborted and recorded, so a test can prove the page loads nothing from outside.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
READY = "document.body.getAttribute('data-ready') === 'true'"


@dataclass
class PageLog:
    """What a page did while it was open: requests it tried, those refused, console errors."""

    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def offline_browser(viewport: tuple[int, int] = (1280, 720)) -> Iterator[Any]:
    """A fresh Chromium profile (temporary user data dir) in an offline context; yields the context."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="prevgraph-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS), offline=True,
                viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_map(context: Any, path: Path, timeout_ms: float = 30_000) -> tuple[Any, PageLog, float]:
    """Open ``path`` in a new page of ``context`` and wait until the network is drawn.

    Returns the page, its log and the milliseconds from navigation start until the first
    complete drawing (the page draws with physics off, so it is still from then on).
    """
    log = PageLog()
    page = context.new_page()

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            log.refused.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("console", lambda msg: log.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(str(exc)))
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function(READY, timeout=timeout_ms)
    ready_ms = page.evaluate("window.prevgraphMap.readyAt")
    return page, log, float(ready_ms)
