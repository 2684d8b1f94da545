"""Plain text and Markdown: decode the bytes, whatever the encoding, and refuse binary content."""

from __future__ import annotations

import re
import string
from pathlib import Path

from charset_normalizer import from_bytes

from prevgraph.errors import DocumentError
from prevgraph.loaders.formats.base import Extracted

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: control characters that never occur in text (everything below 0x20 except tab, LF, FF, CR)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
#: share of control characters above which a decoded "text" is really binary
_MAX_CONTROL_SHARE = 0.01
#: most bytes above 127 among the letters of a text in a Western European language
_WESTERN_SHARE = 0.2
_LOW_BYTES = bytes(range(128))
_ASCII_LETTERS = string.ascii_letters.encode()


def _guess_encoding(data: bytes) -> str:
    """The 8-bit encoding of text that is not UTF-8.

    Text in a Western language has few bytes above 127 (accents inside mostly ASCII
    words): it is Windows-1252 (a superset of Latin-1's letters), which statistical
    detectors confuse with Central European code pages on short texts. Otherwise
    charset-normalizer guesses, except UTF-16/32 without a byte-order mark, which it
    proposes for short texts of any kind.
    """
    sample = data[:262144]
    high = len(sample.translate(None, _LOW_BYTES))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    if high <= _WESTERN_SHARE * (high + ascii_letters):
        return "cp1252" if _decodes(sample, "cp1252") else "latin-1"
    best = from_bytes(sample).best()
    if best is not None and not best.encoding.startswith(("utf_16", "utf_32")):
        return best.encoding
    return "cp1252" if _decodes(sample, "cp1252") else "latin-1"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(path: Path, data: bytes) -> str:
    """Decode ``data`` (BOM, then UTF-8, then a guessed 8-bit encoding); raise if it is binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _refuse_binary(path, data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{path}: has a {encoding} byte-order mark but is not {encoding} text") from exc
    if b"\x00" in data[:65536]:
        return _refuse_binary(path, _decode_utf16_without_bom(path, data))
    try:
        return _refuse_binary(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _refuse_binary(path, data.decode(_guess_encoding(data)))
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(f"{path}: cannot tell the text encoding; save it as UTF-8") from exc


def _decode_utf16_without_bom(path: Path, data: bytes) -> str:
    """UTF-16 saved without a byte-order mark: every other byte is zero in Latin-script text."""
    sample = data[:65536]
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(sample) % 2 == 0 and zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    raise DocumentError(f"{path}: not a text file (binary content)")


def _refuse_binary(path: Path, text: str) -> str:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample) + 2:
        raise DocumentError(f"{path}: not a text file (binary content)")
    return text


def extract_text(path: Path, data: bytes) -> Extracted:
    """A plain-text file: its decoded text."""
    return Extracted(decode_text(path, data))


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.MULTILINE)
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~).*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_QUOTE = re.compile(r"^ {0,3}> ?", re.MULTILINE)


def markdown_to_text(source: str) -> str:
    """Markdown markup dropped, its words kept: headings, emphasis, code, quotes and images become plain text.

    Links (``[text](url)``) are left to :func:`~prevgraph.loaders.normalise.normalise`,
    which unlinks them in every format.
    """
    text = _MD_FENCE.sub("", source)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    text = _MD_CODE.sub(r"\1", text)
    return _MD_QUOTE.sub("", text)


def extract_markdown(path: Path, data: bytes) -> Extracted:
    """A Markdown file: its decoded text without the markup."""
    source = decode_text(path, data)
    heading = _MD_HEADING.search(source)
    return Extracted(markdown_to_text(source), title=markdown_to_text(heading.group(1)).strip() if heading else None)
