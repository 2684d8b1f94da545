"""Read a file into text, whatever its format, or fail with a one-line reason naming the file.

The format is chosen by content first (magic bytes) and by extension second (see
:mod:`prevgraph.loaders.formats`), so a binary file with a ``.txt`` name is refused
rather than loaded as noise. The text returned is not yet normalised nor redacted:
:func:`~prevgraph.loaders.normalise.normalise` does both, and only its output is stored.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats import LOADABLE_SUFFIXES, detect
from prevgraph.loaders.names import remove_names
from prevgraph.loaders.redact import redact

__all__ = ["LOADABLE_SUFFIXES", "MAX_BYTES", "TEXT_SUFFIXES", "RawDocument", "read_bytes", "read_document"]

#: suffixes of the plain-text formats (text and Markdown)
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
#: the largest file read, whatever its format
MAX_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """A file's text before normalisation, with what its format says about it.

    ``title`` comes from the file's metadata (PDF info, DOCX core properties, the page's
    heading or ``<title>``, a Markdown heading) and is already redacted (names too); ``metadata``
    holds descriptive fields only (``pages``, ``created``, ``language``), never authors.
    """

    path: Path
    text: str
    format: str
    sha256: str
    title: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`DocumentError` if it is missing, a folder, empty or too large."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except OSError as exc:  # a folder on the way that the user may not enter
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{path}: {_folder_problem(path)}")
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{path}: a special file, not a document")
    size = info.st_size
    if size == 0:
        raise DocumentError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise DocumentError(f"{path}: {size // _MB} MB is more than the {MAX_BYTES // _MB} MB limit for one document")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc


def _folder_problem(path: Path) -> str:
    """Why a folder stands where a document was expected: it cannot be opened, or it is simply a folder."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return f"a folder that cannot be opened ({exc.strerror})"
    return "a folder, not a document"


#: a line of the metadata block some documents open with ("Title: ...", "Source: https://...", "Date: 2020-10-06")
_HEADER_LINE = re.compile(r"^[ \t]*(title|source|url|link|date|published|retrieved|accessed)[ \t]*:[ \t]*(.*?)[ \t]*$",
                          re.IGNORECASE)
#: "..., PDF pages 2-3" after a title: where the text was taken from, not part of the title
_PAGES_NOTE = re.compile(r"[\s,;(\[]*\bPDF\s+pages?\s+[\d\s,–-]+[)\]]?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?")
_HEADER_KEYS = {"title": "title", "source": "source", "url": "source", "link": "source", "date": "date",
                "published": "date"}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The metadata block a document opens with, read as its title, source and date, and the text without it.

    Such lines describe the document; left in the text they would be quoted as the evidence of
    the facts they name. Only a block at the very top counts, and a date only in ISO form.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    header: dict[str, str] = {}
    end = first
    while end < len(lines) and (match := _HEADER_LINE.match(lines[end])):
        key, value = _HEADER_KEYS.get(match.group(1).lower()), match.group(2)
        if key == "title":
            value = _PAGES_NOTE.sub("", value).strip()
        if key == "date":
            date = _ISO_DATE.match(value)
            value = date.group(0) if date else ""
        if key and value:
            header.setdefault(key, value)
        end += 1
    if end == first:
        return {}, text
    return header, "\n".join(lines[end:])


def read_document(path: Path) -> RawDocument:
    """Read ``path`` in whatever format it is; raise :class:`DocumentError` naming the file if it cannot be."""
    data = read_bytes(path)
    kind = detect(path, data)
    extracted = kind.extract(path, data)
    if not extracted.text.strip():
        raise DocumentError(f"{path}: the {kind.name} file holds no text")
    header, text = split_header(extracted.text)
    given = header.pop("title", None) or extracted.title
    title = remove_names(redact(given)).strip() if given else None
    return RawDocument(path, text, kind.name, hashlib.sha256(data).hexdigest(),
                       title=title or None, metadata={**extracted.metadata, **header})
