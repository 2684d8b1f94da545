"""Reading every format: the corpus survives PDF, DOCX and HTML; formats are told by content first."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.pipeline import build_batch, expand_paths
from prevgraph.loaders.read import LOADABLE_SUFFIXES, RawDocument, read_document, split_header

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_every_paragraph_of_the_corpus_survives_each_format(source: Path, document_format, docs, tmp_path: Path):
    name, suffix, build = document_format
    expected = normalise(source.read_text(encoding="utf-8")).split("\n\n")
    path = build(docs.paragraphs_of(source.read_text(encoding="utf-8")), tmp_path / f"{source.stem}{suffix}")

    raw = read_document(path)
    found = normalise(raw.text).split("\n\n")

    assert raw.format == name
    assert [p for p in expected if p not in found] == []
    assert len(found) <= len(expected) + 2  # at most the first page's running header and footer besides


def test_page_furniture_is_dropped(document_format, docs, tmp_path: Path):
    name, suffix, build = document_format
    text = (CORPUS / "2023-02-transatlantic-roundtable-meeting-report.txt").read_text(encoding="utf-8")
    text = normalise(read_document(build(docs.paragraphs_of(text), tmp_path / f"report{suffix}")).text)
    for furniture in docs.furniture:
        # a PDF keeps its first page's header: on a UN document it is the symbol that says what the document is
        assert text.count(furniture) <= (1 if name == "pdf" else 0), furniture


def test_a_pdf_gives_paragraphs_list_items_and_rejoined_lines(docs, tmp_path: Path):
    blocks = [["Summary of the meeting"], ["The Council met on two days and heard three briefings."],
              ["- The first briefing came from the High Commissioner."], ["- The second came from the Chair."],
              ["A representative of OHCHR noted", "that the Council had met twice."]]
    text = normalise(read_document(docs.pdf(blocks, tmp_path / "short.pdf")).text)
    header, footer, *rest = text.split("\n\n")
    assert (header, footer) == ("Policy Dialogue Series | Working Document", "Printed for participants only - Page 1")
    assert rest == [
        "Summary of the meeting", "The Council met on two days and heard three briefings.",
        "The first briefing came from the High Commissioner.", "The second came from the Chair.",
        "A representative of OHCHR noted that the Council had met twice.",
    ]


@pytest.mark.parametrize(("builder", "suffix"), [("pdf", ".pdf"), ("docx", ".docx"), ("html", ".html")])
def test_titles_come_from_the_metadata(builder: str, suffix: str, docs, tmp_path: Path):
    path = getattr(docs, builder)([["Body text of the note."]], tmp_path / f"note{suffix}", title="Concept note")
    title = read_document(path).title
    assert title is not None and title.startswith("Concept note")


def test_html_title_prefers_the_main_heading(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>Site | Page</title><meta property="og:title" content="Social title">'
                    "</head><body><main><h1>Policy dialogue</h1><p>Text.</p></main></body></html>", encoding="utf-8")
    assert read_document(page).title == "Policy dialogue"


def test_markdown_loses_its_markup_but_keeps_its_words(tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text("# Report of the **dialogue**\n\nThe *Council* met; see `A/HRC/45/31`.\n\n"
                    "> Quoted text.\n\n![a photo](img.png)\n", encoding="utf-8")
    raw = read_document(path)
    assert raw.format == "markdown"
    assert raw.title == "Report of the dialogue"
    assert normalise(raw.text).split("\n\n") == [
        "Report of the dialogue", "The Council met; see A/HRC/45/31.", "Quoted text.", "a photo"]


@pytest.mark.parametrize(("builder", "misleading", "expected"), [
    ("pdf", "scan.txt", "pdf"), ("docx", "letter.txt", "docx"), ("html", "page.txt", "html"), ("docx", "notes", "docx"),
])
def test_content_decides_the_format_not_the_name(builder: str, misleading: str, expected: str, docs, tmp_path: Path):
    path = getattr(docs, builder)([["The Council requested a briefing."]], tmp_path / misleading)
    raw = read_document(path)
    assert raw.format == expected
    assert "The Council requested a briefing." in normalise(raw.text)


def test_a_text_that_mentions_the_pdf_header_is_text(tmp_path: Path):
    path = tmp_path / "about.txt"
    path.write_text("Files start with %PDF-1.7 when they are PDFs.\n", encoding="utf-8")
    assert read_document(path).format == "text"


def test_the_raw_document_record(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Geneva and New York.\n")
    raw = read_document(path)
    assert isinstance(raw, RawDocument)
    assert (raw.path, raw.text, raw.format, raw.title, dict(raw.metadata)) == (path, "Geneva and New York.\n", "text",
                                                                              None, {})
    assert len(raw.sha256) == 64


def test_folders_are_searched_for_every_loadable_suffix(docs, tmp_path: Path):
    for name in ("a.pdf", "b.docx", "c.html", "d.htm", "e.txt", "f.md"):
        getattr(docs, {".pdf": "pdf", ".docx": "docx"}.get(Path(name).suffix, "html"))([["Text."]], tmp_path / name)
    (tmp_path / "g.png").write_bytes(b"\x89PNG\r\n")
    assert {".pdf", ".docx", ".html", ".htm", ".txt", ".md"} <= LOADABLE_SUFFIXES
    assert [p.name for p in expand_paths([tmp_path])] == ["a.pdf", "b.docx", "c.html", "d.htm", "e.txt", "f.md"]


def test_an_encrypted_pdf_without_a_user_password_is_read(docs, tmp_path: Path):
    plain = docs.pdf([["The Secretary-General briefed the Council."]], tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    locked = tmp_path / "restricted.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    assert "The Secretary-General briefed the Council." in normalise(read_document(locked).text)


def test_pdf_metadata_gives_pages_and_creation_date(docs, tmp_path: Path):
    blocks = [[f"Paragraph {i} of a long report on prevention and early warning in the field."] for i in range(120)]
    raw = read_document(docs.pdf(blocks, tmp_path / "long.pdf"))
    assert int(raw.metadata["pages"]) >= 2
    assert len(raw.metadata["created"]) == 10
    assert "\f" in raw.text


def test_docx_tables_give_each_cell_once(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("Participants by affiliation")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Permanent Mission of Denmark"
    table.cell(1, 0).text = "OHCHR"
    table.cell(1, 1).text = "Universal Rights Group"
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert normalise(read_document(path).text).split("\n\n") == [
        "Participants by affiliation", "Permanent Mission of Denmark", "OHCHR", "Universal Rights Group"]


def test_docx_keeps_line_breaks_of_a_block_and_drops_header_and_footer(docs, tmp_path: Path):
    path = docs.docx([["First line of a block", "second line of the same block."], ["Next paragraph."]],
                     tmp_path / "lines.docx")
    text = read_document(path).text
    assert "Policy Dialogue Series" not in text and "Printed for participants" not in text
    assert normalise(text) == "First line of a block second line of the same block.\n\nNext paragraph."


@pytest.mark.parametrize(("html", "expected"), [
    ("<body><nav>Menu</nav><main><p>Kept.</p></main><p>Outside main.</p></body>", "Kept."),
    ("<body><div class='menu'>Home</div><article><header><h1>Title</h1></header><p>Body.</p>"
     "<footer>Share this</footer></article><footer>Site footer</footer></body>", "Title\n\nBody."),
    ("<body><header>Site</header><div>Intro <b>bold</b> text<p>Para one.</p>Tail</div><footer>F</footer></body>",
     "Intro bold text\n\nPara one.\n\nTail"),
    ("<body><p>Line one<br>line two</p><ul><li>Item one</li><li>Item two</li></ul></body>",
     "Line one line two\n\nItem one\n\nItem two"),
    ("<body><table><tr><th>Body</th><td>Human Rights Council</td></tr></table></body>", "Body\n\nHuman Rights Council"),
    ("<body><p>Caf&eacute; &amp; Gen&egrave;ve&nbsp;office</p><script>var a = 1;</script>"
     "<style>p {}</style><noscript>Enable JS</noscript></body>", "Café & Genève office"),
    ("<body><div class='page with-sidebar'><p>Whole content sits in a wrapper whose class names a sidebar.</p>"
     "</div><div class='sidebar'>Links</div></body>", "Whole content sits in a wrapper whose class names a sidebar."),
    ("<body><div id='cookie-banner'>We use cookies</div><div class='gdpr-consent'>Consent</div>"
     "<div aria-hidden='true'>Hidden</div><div hidden>Also hidden</div><p>Content.</p></body>", "Content."),
    ("<body><article><p>One.</p></article><article><p>Two.</p></article></body>", "One.\n\nTwo."),
])
def test_html_keeps_the_main_content(html: str, expected: str, tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head><title>t</title></head>{html}</html>", encoding="utf-8")
    raw = read_document(path)
    assert normalise(raw.text) == expected
    assert raw.metadata == {"language": "en"}


def test_html_in_a_declared_legacy_charset(tmp_path: Path):
    path = tmp_path / "legacy.htm"
    path.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                     "</head><body><p>The High Commissioner’s report – Genève</p></body></html>".encode("cp1252"))
    assert normalise(read_document(path).text) == "The High Commissioner’s report – Genève"


def test_a_docx_is_checked_before_it_is_parsed(docs, tmp_path: Path):
    path = docs.docx([["Text."]], tmp_path / "ok.docx")
    with zipfile.ZipFile(path) as archive:
        assert "word/document.xml" in archive.namelist()
    assert read_document(path).format == "docx"


HEADER = ("Title: Council resolution on the prevention of crises, PDF pages 2-3\n"
          "Source: https://example.org/library/prevention.pdf\n"
          "Date: 2020-10-06\n\n")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_metadata_block_is_the_documents_title_source_and_date_never_its_text(tmp_path: Path, suffix: str):
    path = tmp_path / f"resolution{suffix}"
    path.write_text(HEADER + "Home > Library > Resolutions\n\nThe Human Rights Council requests the High "
                    "Commissioner to brief the Security Council.\n", encoding="utf-8")
    batch = build_batch(read_document(path))
    document = batch.document
    assert document.name == "Council resolution on the prevention of crises"
    assert document.props["date"] == "2020-10-06"
    assert document.props["source"] == "https://example.org/library/prevention.pdf"
    text = document.props["text"]
    assert "Title:" not in text and "Source:" not in text and "https://" not in text and "Home >" not in text
    quotes = [ev.quote for item in (*batch.nodes, *batch.edges) for ev in item.evidence]
    assert quotes and not any("PDF pages" in q or "Source:" in q or "Library >" in q for q in quotes)


def test_title_lines_inside_the_text_are_no_metadata_block():
    text = "The meeting opened.\nTitle: a line later in the text stays.\n"
    assert split_header(text) == ({}, text)
