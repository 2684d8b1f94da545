"""Builders for PDF, DOCX and HTML fixtures, generated from text in the tests (no binaries committed).

A document is given as blocks, each a list of lines: a block is a paragraph (its lines
joined by hard line breaks, as in a contact block); a block whose first line starts with
"- " is a bulleted list item. Every builder adds the furniture its format carries in
real files (running header and footer with page numbers, navigation, cookie banner,
scripts), so the tests see that the reader drops it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape as xml_escape

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from prevgraph.loaders.normalise import normalise

Blocks = list[list[str]]
Builder = Callable[[Blocks, Path], Path]

RUNNING_HEADER = "Policy Dialogue Series | Working Document"
RUNNING_FOOTER = "Printed for participants only"
NAVIGATION = ("Home", "About us", "Our work", "Publications", "Contact")
COOKIE_NOTICE = "We use cookies to improve your experience on this website. Accept all cookies"
SCRIPT_TEXT = "window.analyticsQueue = []"
PAGE_FOOTER = "Copyright 2024 Example Institute. All rights reserved. Privacy policy"


def blocks_of(text: str) -> Blocks:
    """The blocks of a text: paragraphs split at blank lines, lines kept."""
    return [[line.strip() for line in block.split("\n") if line.strip()]
            for block in text.split("\n\n") if block.strip()]


def paragraphs_of(text: str) -> Blocks:
    """A corpus text as clean one-line paragraphs (the shape a word processor or a web page holds)."""
    return [[paragraph] for paragraph in normalise(text).split("\n\n")]


def _is_item(block: list[str]) -> bool:
    return block[0].startswith("- ")


def write_pdf(blocks: Blocks, path: Path, *, title: str | None = None) -> Path:
    """A PDF laid out by reportlab: paragraphs flowed over A4 pages, a running header and a page-numbered footer."""
    styles = getSampleStyleSheet()
    story = []
    for block in blocks:
        lines = [line[2:] if _is_item(block) and i == 0 else line for i, line in enumerate(block)]
        markup = "<br/>".join(xml_escape(line) for line in lines)
        story.append(Paragraph(markup, styles["BodyText"], bulletText="\u2022" if _is_item(block) else None))

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, RUNNING_HEADER)
        canvas.drawString(72, 30, f"{RUNNING_FOOTER} - Page {document.page}")
        canvas.restoreState()

    SimpleDocTemplate(str(path), pagesize=A4, title=title or "").build(story, onFirstPage=furniture,
                                                                       onLaterPages=furniture)
    return path


def write_docx(blocks: Blocks, path: Path, *, title: str | None = None) -> Path:
    """A DOCX with paragraphs, bulleted items, a table, and a running header and footer."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = RUNNING_HEADER
    document.sections[0].footer.paragraphs[0].text = RUNNING_FOOTER
    for block in blocks:
        item = _is_item(block)
        paragraph = document.add_paragraph(style="List Bullet" if item else None)
        for i, line in enumerate(block):
            run = paragraph.add_run(line[2:] if item and i == 0 else line)
            if i < len(block) - 1:
                run.add_break()
    if title:
        document.core_properties.title = title
    document.save(str(path))
    return path


def write_html(blocks: Blocks, path: Path, *, title: str | None = None) -> Path:
    """A saved web page: navigation, cookie banner, header and footer around a <main> whose source is hard-wrapped."""
    body: list[str] = []
    items: list[str] = []
    for block in blocks:
        lines = [html_escape(line[2:] if _is_item(block) and i == 0 else line) for i, line in enumerate(block)]
        # a browser ignores where the source wraps (never inside a word: that would split it for a browser too)
        wrapped = "\n".join(textwrap.wrap(lines[0], 70, break_on_hyphens=False)) if len(lines) == 1 else ""
        source = wrapped or "<br>\n".join(lines)
        if _is_item(block):
            items.append(f"<li>{source}</li>")
            continue
        if items:
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        body.append(f"<p>\n{source}\n</p>")
    if items:
        body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    navigation = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in NAVIGATION)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{html_escape(title or "Untitled")} | Example Institute</title>
<style>body {{ font-family: sans-serif; }}</style>
<script>{SCRIPT_TEXT};</script></head>
<body>
<div id="cookie-consent" class="cookie-banner"><p>{COOKIE_NOTICE}</p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">Example Institute</a>
<nav class="main-menu"><ul>{navigation}</ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/events">Events</a></div>
<main id="content">
<article>
{chr(10).join(body)}
</article>
<aside class="sidebar"><h3>Related events</h3><ul><li>Another dialogue</li></ul></aside>
</main>
<footer class="site-footer"><p>{PAGE_FOOTER}</p>
<ul class="social"><li>Twitter</li><li>LinkedIn</li></ul></footer>
<script src="/assets/app.js"></script>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path


BUILDERS: dict[str, tuple[str, Builder]] = {
    "pdf": (".pdf", write_pdf),
    "docx": (".docx", write_docx),
    "html": (".html", write_html),
}


@pytest.fixture(params=sorted(BUILDERS))
def document_format(request) -> tuple[str, str, Builder]:
    """Each generated format in turn: (name, suffix, builder)."""
    suffix, builder = BUILDERS[request.param]
    return request.param, suffix, builder


@pytest.fixture
def docs() -> SimpleNamespace:
    """The builders and helpers above, for tests that write documents of their own."""
    return SimpleNamespace(
        pdf=write_pdf, docx=write_docx, html=write_html, blocks_of=blocks_of, paragraphs_of=paragraphs_of,
        furniture=(RUNNING_HEADER, RUNNING_FOOTER, *NAVIGATION[1:], COOKIE_NOTICE, SCRIPT_TEXT, PAGE_FOOTER),
    )
