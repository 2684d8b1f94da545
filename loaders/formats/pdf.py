"""PDF through pypdf: the text of every page, with paragraph breaks recovered from the layout.

pypdf gives one line per text line but no blank line between paragraphs; the
vertical gap between consecutive lines tells them apart (a gap clearly wider than the
page's usual line spacing is a paragraph break). Pages are separated by a form feed,
so :mod:`~prevgraph.loaders.normalise` can recognise running headers and footers.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats.base import Extracted, reason

# pypdf reports every repaired cross-reference table on its logger; the user only needs our one line.
logging.getLogger("pypdf").setLevel(logging.ERROR)

#: a step down this many times the usual line spacing is a paragraph break
PARAGRAPH_GAP = 1.3
#: how far from the end the %%EOF marker may be before the file counts as truncated
_EOF_WINDOW = 2048


class _PageLines:
    """Collects pypdf's text pieces of one page into lines, each with the baseline it starts on."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, float | None]] = []
        self._parts: list[str] = []
        self._y: float | None = None

    def visit(self, text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if piece.strip() and self._y is None:
                self._y = y
            self._parts.append(piece)
            if i < len(pieces) - 1:
                self.flush()

    def flush(self) -> None:
        line = "".join(self._parts)
        if line.strip():
            self.lines.append((line, self._y))
        self._parts, self._y = [], None

    def steps(self) -> list[float]:
        """The downward distances between consecutive lines."""
        return [a[1] - b[1] for a, b in zip(self.lines, self.lines[1:], strict=False)
                if a[1] is not None and b[1] is not None and a[1] > b[1]]

    def text(self, spacing: float) -> str:
        """The page's lines, with a blank line where the step down is wider than ``spacing`` allows."""
        out: list[str] = []
        for (line, y), (_, previous_y) in zip(self.lines, [("", None), *self.lines], strict=False):
            if out:
                step = previous_y - y if previous_y is not None and y is not None else 0.0
                out.append("\n\n" if step > PARAGRAPH_GAP * spacing or step < -spacing else "\n")
            out.append(line)
        return "".join(out)


def line_spacing(steps: list[float]) -> float:
    """The document's usual line spacing: the smallest step that at least a tenth of all steps take.

    Not the median: a page of one-line paragraphs and list items has more paragraph
    steps than line steps.
    """
    counts = Counter(round(step * 2) / 2 for step in steps)
    frequent = [step for step, count in counts.items() if count >= 0.1 * len(steps)]
    return min(frequent, default=min(counts, default=0.0))


def _open(path: Path, data: bytes) -> PdfReader:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise DocumentError(f"{path}: truncated or damaged PDF (no %%EOF marker at the end)")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path}: encrypted PDF that needs a password; load an unencrypted copy")
    except (FileNotDecryptedError, DependencyError) as exc:
        raise DocumentError(f"{path}: encrypted PDF that cannot be opened ({exc})") from exc
    except DocumentError:
        raise
    except Exception as exc:  # a damaged file can make the parser fail in any way
        raise DocumentError(f"{path}: damaged PDF ({reason(exc)})") from exc
    return reader


def _metadata(reader: PdfReader, pages: int) -> tuple[str | None, dict[str, str]]:
    info = reader.metadata
    title = str(info.title).strip() if info is not None and info.title else None
    metadata = {"pages": str(pages)}
    if info is not None and info.creation_date is not None:
        metadata["created"] = info.creation_date.date().isoformat()
    return title or None, metadata


def extract(path: Path, data: bytes) -> Extracted:
    """Every page's text (pages separated by form feeds) and the title the metadata gives."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = _open(path, data)
        pages: list[_PageLines] = []
        try:
            for page in reader.pages:
                lines = _PageLines()
                page.extract_text(visitor_text=lines.visit)
                lines.flush()
                pages.append(lines)
            title, metadata = _metadata(reader, len(pages))
        except Exception as exc:  # a damaged page can make the parser fail in any way
            raise DocumentError(f"{path}: damaged PDF ({reason(exc)})") from exc
    if not any(p.lines for p in pages):
        raise DocumentError(f"{path}: the PDF has no text layer (a scanned document needs OCR first)")
    spacing = line_spacing([step for page in pages for step in page.steps()])
    return Extracted("\f".join(page.text(spacing) for page in pages), title=title, metadata=metadata)
