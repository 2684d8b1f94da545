"""Bad input: each file gives a one-line message naming it; the rest of a load proceeds; the store stays whole.

Every fixture is made here, in tmp_path, the way such files arise: a PDF locked with a
password, a download cut short, a zip bomb, a web page of several megabytes, a Word
export in Latin-1 or UTF-16.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from prevgraph.errors import DocumentError
from prevgraph.graph import NodeFilter
from prevgraph.graph.sqlite_store import SqliteStore
from prevgraph.loaders.formats.docx import MAX_UNPACKED_BYTES
from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.read import MAX_BYTES, read_document

PREVGRAPH = Path(sys.executable).with_name("prevgraph")
SENTENCE = "The Human Rights Council invited the Chair of the Peacebuilding Commission to brief it annually."


def _pdf(docs, path: Path) -> Path:
    return docs.pdf([[SENTENCE]] * 3, path)


def encrypted_pdf(docs, path: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(_pdf(docs, path.with_name("plain-for-lock.pdf"))))
    writer.encrypt(user_password="open-sesame", owner_password="owner", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def truncated_pdf(docs, path: Path) -> Path:
    data = _pdf(docs, path.with_name("whole.pdf")).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def corrupt_pdf(docs, path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + random.Random(4).randbytes(5000) + b"\ntrailer\n<< /Root 9 0 R >>\n%%EOF\n")
    return path


def docx_not_a_zip(docs, path: Path) -> Path:
    path.write_text("This was saved as plain text and renamed .docx.\n", encoding="utf-8")
    return path


def zip_not_a_docx(docs, path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "A zip archive, but no Word document inside.")
    return path


def damaged_docx(docs, path: Path) -> Path:
    good = docs.docx([[SENTENCE]], path.with_name("good-for-damage.docx"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    return path


def docx_zip_bomb(docs, path: Path) -> Path:
    """A real DOCX with one more member that inflates to more than the limit (a few hundred kB on disk)."""
    good = docs.docx([[SENTENCE]], path.with_name("good-for-bomb.docx"))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        chunk = bytes(1024 * 1024)
        with target.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 50):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


def empty_file(docs, path: Path) -> Path:
    path.write_bytes(b"")
    return path


def blank_text(docs, path: Path) -> Path:
    path.write_text(" \n\n\t\n  \n", encoding="utf-8")
    return path


def binary_with_text_name(docs, path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(20000))
    return path


def image_with_text_name(docs, path: Path) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return path


def folder(docs, path: Path) -> Path:
    path.mkdir()
    return path


def missing(docs, path: Path) -> Path:
    return path


def oversized(docs, path: Path) -> Path:
    with path.open("wb") as handle:  # sparse: takes no disk space, but its size is over the limit
        handle.truncate(MAX_BYTES + 1)
    return path


def empty_html_page(docs, path: Path) -> Path:
    path.write_text("<!DOCTYPE html><html><body><nav>Home | About</nav><script>x()</script></body></html>",
                    encoding="utf-8")
    return path


BAD: list[tuple[str, str, Callable[..., Path], str]] = [
    ("encrypted PDF", "locked.pdf", encrypted_pdf, "encrypted PDF that needs a password"),
    ("truncated PDF", "cut.pdf", truncated_pdf, "truncated or damaged PDF"),
    ("corrupt PDF", "corrupt.pdf", corrupt_pdf, "damaged PDF"),
    ("DOCX that is not a zip", "renamed.docx", docx_not_a_zip, "not a DOCX (it is not a zip archive)"),
    ("zip that is not a DOCX", "archive.docx", zip_not_a_docx, "no word/document.xml"),
    ("DOCX with broken XML", "broken.docx", damaged_docx, "damaged DOCX"),
    ("DOCX zip bomb", "bomb.docx", docx_zip_bomb, "MB limit"),
    ("empty file", "empty.txt", empty_file, "the file is empty"),
    ("whitespace only", "blank.txt", blank_text, "holds no text"),
    ("binary with a .txt name", "data.txt", binary_with_text_name, "not a text file (binary content)"),
    ("image with a .txt name", "photo.txt", image_with_text_name, "a PNG image"),
    ("a folder", "folder.txt", folder, "a folder"),
    ("a missing path", "missing.txt", missing, "no such file"),
    ("a file over the size limit", "huge.txt", oversized, "MB limit"),
    ("a web page with nothing but furniture", "empty.html", empty_html_page, "holds no text"),
]


@pytest.mark.parametrize(("name", "maker", "message"), [(b[1], b[2], b[3]) for b in BAD], ids=[b[0] for b in BAD])
def test_each_bad_file_gives_one_line_naming_it(name: str, maker, message: str, docs, tmp_path: Path):
    path = maker(docs, tmp_path / name)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: ")
    assert message in text


def test_latin1_text_is_read(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le Conseil des droits de l'homme siège à Genève; réunion du Comité.\n".encode("latin-1"))
    assert normalise(read_document(path).text) == "Le Conseil des droits de l'homme siège à Genève; réunion du Comité."


def test_a_short_latin1_word_is_not_taken_for_utf16(tmp_path: Path):
    path = tmp_path / "short.txt"
    path.write_bytes("Café".encode("latin-1"))
    assert read_document(path).text == "Café"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark_is_read(encoding: str, tmp_path: Path):
    path = tmp_path / f"{encoding}.txt"
    text = "The High Commissioner’s briefing – Genève.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert read_document(path).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding: str, tmp_path: Path):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(f"{SENTENCE} Genève.\n".encode(encoding))
    assert read_document(path).text == f"{SENTENCE} Genève.\n"


def big_page(path: Path, paragraphs: int) -> Path:
    """A saved web page of several megabytes: deep nesting, many menus, long content."""
    menu = "<nav><ul>" + "".join(f"<li><a href='/p{i}'>Menu item {i}</a></li>" for i in range(200)) + "</ul></nav>"
    body = "".join(f"<div class='block'><div><p>Paragraph {i}: the Council heard a briefing on early warning "
                   f"and the situation in region {i}, <b>with</b> <a href='#'>links</a> and <i>emphasis</i>.</p>"
                   f"</div></div>" for i in range(paragraphs))
    path.write_text(f"<!DOCTYPE html><html><head><title>Big</title><script>{'var a=1;' * 20000}</script></head>"
                    f"<body>{menu}<main>{body}<p>{SENTENCE}</p></main><footer>Footer</footer></body></html>",
                    encoding="utf-8")
    return path


def test_a_web_page_of_several_megabytes_is_read(tmp_path: Path):
    path = big_page(tmp_path / "big.html", 30_000)
    assert path.stat().st_size > 5 * 1024 * 1024
    text = normalise(read_document(path).text)
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 30_001
    assert paragraphs[-1] == SENTENCE and "Menu item" not in text and "var a=1" not in text


# --- the real CLI ------------------------------------------------------------------------


def _prevgraph(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PREVGRAPH_STORE"}
    return subprocess.run([str(PREVGRAPH), *args], capture_output=True, text=True, timeout=300, env=env, check=False)


def _documents(store_path: Path) -> dict[str, str]:
    store = SqliteStore(store_path)
    try:
        return {n.props["file"]: n.props["sha256"] for n in store.find_nodes(NodeFilter(kind="Document"))}
    finally:
        store.close()


def test_the_cli_loads_the_good_files_and_names_each_bad_one(docs, tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = [
        _pdf(docs, inputs / "note.pdf"),
        docs.docx([[SENTENCE]], inputs / "letter.docx"),
        docs.html([[SENTENCE]], inputs / "page.html"),
        inputs / "latin1.txt",
        inputs / "utf16.txt",
    ]
    good[3].write_bytes(f"{SENTENCE} Genève.\n".encode("latin-1"))
    good[4].write_bytes(f"{SENTENCE} Genève.\n".encode("utf-16"))
    bad = [maker(docs, inputs / name) for _, name, maker, _ in BAD if maker not in (folder, oversized)]
    store = tmp_path / "store" / "graph.db"

    result = _prevgraph("--store", str(store), "load", *map(str, good + bad))

    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == len(bad)
    for path, line in zip(bad, skipped, strict=True):
        assert line.startswith(f"skipped: {path}: ")
    assert f"{len(good)} of {len(good) + len(bad)} documents loaded." in result.stdout
    assert set(_documents(store)) == {p.name for p in good}


def test_a_failing_file_leaves_the_store_as_it_was(docs, tmp_path: Path):
    store = tmp_path / "graph.db"
    report = _pdf(docs, tmp_path / "report.pdf")
    other = docs.html([[SENTENCE]], tmp_path / "other.html")
    assert _prevgraph("--store", str(store), "load", str(report), str(other)).returncode == 0
    before_docs = _documents(store)
    before = _prevgraph("--store", str(store), "export", "--format", "json").stdout

    report.write_bytes(report.read_bytes()[:1500])  # the same file, now cut short
    result = _prevgraph("--store", str(store), "load", str(report))

    assert result.returncode == 1
    assert f"skipped: {report}: truncated or damaged PDF" in result.stderr
    assert _documents(store) == before_docs
    assert _prevgraph("--store", str(store), "export", "--format", "json").stdout == before


def _as_nobody(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`prevgraph ARGS` as the unprivileged user `nobody` when run as root (root may open every folder)."""
    command = [str(PREVGRAPH), *args]
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root for this test"
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREVGRAPH_", "NEO4J_"))}
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env={**env, "HOME": str(home)},
                          check=False)


def test_folders_the_user_cannot_enter_are_named_one_line_each_and_the_rest_loaded(open_folder: Path):
    """A folder named on the command line that sits in a folder the user cannot enter, a file in it, and a
    locked folder met while walking a folder: one line each, no traceback, the readable file loaded."""
    locked = open_folder / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "hidden.txt").write_text(SENTENCE, encoding="utf-8")
    walked = open_folder / "walked"
    (walked / "private").mkdir(parents=True)
    (walked / "private" / "secret.txt").write_text(SENTENCE, encoding="utf-8")
    (walked / "good.txt").write_text(SENTENCE, encoding="utf-8")
    for folder in (walked, walked / "private", locked, locked / "inner"):
        folder.chmod(0o755)
    locked.chmod(0o700)
    (walked / "private").chmod(0o700)

    result = _as_nobody("--store", str(open_folder / "g.db"), "load", str(locked / "inner"),
                        str(locked / "inner" / "hidden.txt"), str(walked), home=open_folder)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.strip()]
    assert skipped == [f"skipped: {locked / 'inner'}: cannot be read (Permission denied)",
                       f"skipped: {locked / 'inner' / 'hidden.txt'}: cannot be read (Permission denied)",
                       f"skipped: {walked / 'private'}: a folder that cannot be opened (Permission denied)"]
    assert "1 of 4 documents loaded." in result.stdout


def test_files_that_share_a_stem_are_two_documents(docs, tmp_path: Path):
    """note.pdf and note.html hold different text: each is a document of its own, named by its file name."""
    store = tmp_path / "graph.db"
    pdf = _pdf(docs, tmp_path / "note.pdf")
    page = docs.html([["The Security Council heard a briefing by the Secretary-General."]], tmp_path / "note.html")
    assert _prevgraph("--store", str(store), "load", str(pdf), str(page)).returncode == 0
    assert set(_documents(store)) == {"note.pdf", "note.html"}
    assert _prevgraph("--store", str(store), "load", str(pdf)).returncode == 0
    assert set(_documents(store)) == {"note.pdf", "note.html"}, "reloading a file replaces only its own document"


def test_a_fault_in_extraction_names_the_file_and_the_rest_loads(docs, tmp_path: Path, monkeypatch):
    """A bug of prevgraph met in one document (forced here: it cannot be caused on purpose) costs that document
    only: it is named with what failed, and the others are loaded."""
    from prevgraph.loaders import pipeline

    real = pipeline.extract_flows
    broken = docs.html([["The Security Council refused to hear the Secretary-General."]], tmp_path / "broken.html")

    def fails_on_one(ctx):
        if ctx.document.props.get("file") == broken.name:
            raise NameError("name 'example' is not defined")
        return real(ctx)

    monkeypatch.setattr(pipeline, "extract_flows", fails_on_one)
    good = docs.html([[SENTENCE]], tmp_path / "good.html")
    store = SqliteStore(tmp_path / "graph.db")

    reports = list(pipeline.load_paths([broken, good], store))

    errors = [r.error for r in reports if r.error]
    assert len(errors) == 1
    assert errors[0].startswith(f"{broken}: not loaded: prevgraph failed while extracting it (NameError: ")
    assert "\n" not in errors[0]
    assert {n.props["file"] for n in store.find_nodes(NodeFilter(kind="Document"))} == {"good.html"}
