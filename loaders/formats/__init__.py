"""One module per document format, each turning a file's bytes into plain text.

A format is chosen by content first (magic bytes: ``%PDF-``, a zip archive, an HTML
prologue) and by extension second, so a PDF saved as ``.txt`` is still read as a PDF
and a binary file with a text extension is refused instead of being loaded as noise.

To add a format: write a module here with an ``extract(path, data) -> Extracted``
function, give it a :class:`Format` entry in :data:`FORMATS` (name and suffixes) and,
if its files have a signature, a line in :func:`detect`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats import docx, html, pdf, text
from prevgraph.loaders.formats.base import Extracted

__all__ = ["FORMATS", "LOADABLE_SUFFIXES", "Extracted", "Format", "detect"]


@dataclass(frozen=True)
class Format:
    """A document format: its name, the suffixes that announce it, and its extractor."""

    name: str
    suffixes: frozenset[str]
    extract: Callable[[Path, bytes], Extracted] = field(compare=False)


FORMATS: Mapping[str, Format] = {
    "text": Format("text", frozenset({".txt", ".text"}), text.extract_text),
    "markdown": Format("markdown", frozenset({".md", ".markdown"}), text.extract_markdown),
    "pdf": Format("pdf", frozenset({".pdf"}), pdf.extract),
    "docx": Format("docx", frozenset({".docx"}), docx.extract),
    "html": Format("html", frozenset({".html", ".htm", ".xhtml"}), html.extract),
}

#: every suffix a folder is searched for when it is named in a load
LOADABLE_SUFFIXES: frozenset[str] = frozenset().union(*(f.suffixes for f in FORMATS.values()))

# Signatures of common files that are not documents prevgraph reads, so the message can say what the file is.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (.doc/.xls) file: save it as DOCX or PDF"),
    (b"{\\rtf", "an RTF file: save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def _looks_like_html(head: bytes) -> bool:
    """An HTML prologue at the start (after a BOM, whitespace and comments), in UTF-8 or UTF-16."""
    sample = head.replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
    while sample.startswith(b"<!--") and b"-->" in sample:
        sample = sample[sample.index(b"-->") + 3:].lstrip()
    if sample.startswith(b"<?xml"):
        return b"<html" in sample[:1024]
    return sample.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))


def detect(path: Path, data: bytes) -> Format:
    """The format of ``data``: by signature first, then by ``path``'s suffix; raise if it is no document."""
    head = data[:1024]
    start = head.find(b"%PDF-")
    # the header may follow junk (a reader looks in the first kilobyte), but not a line of text that mentions it
    if start == 0 or (start > 0 and (not head[:start].strip() or not head[:start].isascii())):
        return FORMATS["pdf"]
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return FORMATS["docx"]
    for signature, what in _OTHER_SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(f"{path}: {what}, not a document prevgraph can read")
    if _looks_like_html(data[:4096]):
        return FORMATS["html"]
    suffix = path.suffix.lower()
    if suffix in FORMATS["pdf"].suffixes:
        raise DocumentError(f"{path}: not a PDF (it does not start with %PDF-); the file is damaged or misnamed")
    if suffix in FORMATS["docx"].suffixes:
        raise DocumentError(f"{path}: not a DOCX (it is not a zip archive); the file is damaged or misnamed")
    return next((f for f in FORMATS.values() if suffix in f.suffixes), FORMATS["text"])
