"""DOCX through python-docx: the body's paragraphs and table cells in reading order.

The archive is checked before python-docx opens it: a file that is not a zip, a zip
without ``word/document.xml``, or one whose declared unpacked size is above
:data:`MAX_UNPACKED_BYTES` (a zip bomb) is refused with a one-line reason. zipfile
never inflates a member past its declared size, so the check bounds the memory used.
Headers and footers are left out: they repeat on every page and carry no findings.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats.base import Extracted, reason

#: the most a DOCX may unpack to, all members together (text-heavy reports stay far below it)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_MB = 1024 * 1024


def check_archive(path: Path, data: bytes) -> None:
    """Refuse what is not a DOCX, or would unpack to more than :data:`MAX_UNPACKED_BYTES`, before parsing it."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise DocumentError(f"{path}: not a DOCX (not a readable zip archive: {exc})") from exc
    if not any(m.filename == "word/document.xml" for m in members):
        raise DocumentError(f"{path}: a zip archive but not a DOCX (it has no word/document.xml)")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentError(f"{path}: the DOCX would unpack to {unpacked // _MB} MB, more than the "
                            f"{MAX_UNPACKED_BYTES // _MB} MB limit (a zip bomb or a file of images); refused")


def _blocks(document: DocxDocument) -> list[str]:
    """Paragraphs and table cells in the order they appear; a merged cell once."""
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                seen: list[object] = []
                for cell in row.cells:
                    if not any(cell._tc is element for element in seen):
                        seen.append(cell._tc)
                        blocks.append(cell.text)
    return blocks


def extract(path: Path, data: bytes) -> Extracted:
    """The body text, one paragraph or cell per block, and the title from the core properties."""
    check_archive(path, data)
    try:
        document = docx.Document(BytesIO(data))
        blocks = _blocks(document)
        properties = document.core_properties
        title = (properties.title or "").strip() or None
        created = properties.created
    except Exception as exc:  # a damaged archive member can make the parser fail in any way
        raise DocumentError(f"{path}: damaged DOCX ({reason(exc)})") from exc
    metadata = {"created": created.date().isoformat()} if created is not None else {}
    return Extracted("\n\n".join(b for b in blocks if b.strip()), title=title, metadata=metadata)
