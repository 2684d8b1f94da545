"""Read a file into text, whatever its format, or fail with a one-line reason.

Formats are chosen by content first (magic bytes) and by extension second, so a
binary file with a ``.txt`` name is refused rather than loaded as noise.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from prevgraph.errors import DocumentError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """A file's text before normalisation."""

    path: Path
    text: str
    format: str
    sha256: str


def _decode_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{path}: not a text file (binary content)")
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{path}: cannot tell the text encoding")
    return str(best)


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if not path.is_file():
        raise DocumentError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise DocumentError(f"{path}: {size // (1024 * 1024)} MB is more than the {MAX_BYTES // (1024 * 1024)} MB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc


def read_document(path: Path) -> RawDocument:
    """Read ``path`` as text; raise :class:`DocumentError` naming the file if it cannot be."""
    data = read_bytes(path)
    text = _decode_text(path, data)
    if "\x00" in text or sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f") > 40:
        raise DocumentError(f"{path}: not a text file (binary content)")
    if not text.strip():
        raise DocumentError(f"{path}: the file holds no text")
    return RawDocument(path, text, "text", hashlib.sha256(data).hexdigest())
