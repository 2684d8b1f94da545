"""Normalise extracted text into one paragraph per line, with contact details already removed.

Text from PDFs, Word files and web pages carries layout noise: hard line breaks inside
sentences, every line followed by a blank line, words hyphenated at line ends, bullet
characters, running headers and footers, page numbers, runs of blank lines at page
breaks, URLs and photo credits on lines of their own, a table of contents. The output
has one paragraph per line, paragraphs separated by one blank line, sentences rejoined
and whitespace collapsed; list items stay paragraphs of their own (numbers kept, bullet
characters dropped). Contact details are redacted first (:mod:`.redact`), the names of
people last (:mod:`.names`).

Evidence offsets point into this text, which is stored with the Document so the API can
show every quote in place; ``normalise`` is idempotent, so storing it loses nothing.

The stages are small functions over :class:`Line` records:
clean characters -> redact -> unlink Markdown -> lines -> drop noise lines -> drop
running heads -> paragraphs (join wrapped lines) -> drop noise paragraphs -> remove names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from prevgraph.loaders.names import REMOVE_ALL, NamePolicy, remove_names
from prevgraph.loaders.redact import MARKER, redact

__all__ = ["normalise"]

# --- characters -------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{1,300})\]\((?:[^()\s]|\([^()\s]*\))*\)")


def clean_characters(text: str) -> str:
    """One newline convention (form feeds kept as page breaks), no invisible characters or ligatures."""
    text = _INVISIBLE.sub("", _NEWLINES.sub("\n", text))
    return text.translate(_LIGATURES) if _LIGATURE.search(text) else text


def unlink_markdown(text: str) -> str:
    """``[text](url)`` becomes ``text``: the words stay, the address is noise."""
    return _MARKDOWN_LINK.sub(r"\1", text)


# --- lines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A non-blank line: its text (spaces collapsed), the raw line, and the blank lines before it."""

    text: str
    raw: str
    gap: int
    page_start: bool = False


def to_lines(text: str) -> list[Line]:
    """Non-blank lines with the count of blank (or whitespace-only) lines before each; ``\\f`` starts a page."""
    lines: list[Line] = []
    gap, page_start = 0, False
    for page_number, page in enumerate(text.split("\f")):
        page_start = page_number > 0
        for raw in page.split("\n"):
            collapsed = _SPACES.sub(" ", raw).strip()
            if not collapsed:
                gap += 1
                continue
            lines.append(Line(collapsed, raw, gap, page_start))
            gap, page_start = 0, False
    return lines


@dataclass(frozen=True)
class Spacing:
    """How a document spaces lines: up to ``soft`` blank lines continue a paragraph; ``page`` or more end a page."""

    soft: int
    page: int


#: a line that ends a sentence (a colon too, when the question is whether a dash starts a list item)
_SENTENCE_END = re.compile(r"[.!?;][\"'’”)\]»]*$")
_TERMINAL = re.compile(r"[.!?:;][\"'’”)\]»]*$")
_STARTS_LOWER = re.compile(r"^[\"'‘“(«]?[a-z\u00df-\u00ff]")
_HYPHENATED = re.compile(r"([^\W\d_]+)-$")
#: the end of a line the sentence and hyphen tests look at (lines are matched from their end only)
_TAIL = 64


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-_TAIL:]))


def _ends_hyphenated(text: str) -> re.Match[str] | None:
    """The word before a line-end hyphen ("preven-"), if the line ends so."""
    return _HYPHENATED.search(text[-_TAIL:]) if text.endswith("-") else None


def spacing(lines: list[Line]) -> Spacing:
    """Detect the PDF style where every line is followed by one blank line and paragraphs by several.

    Such text has mostly one-blank gaps, some wider ones, and many one-blank gaps inside
    sentences (a line without final punctuation followed by a lower-case line).
    """
    gaps = [line.gap for line in lines[1:]]
    ones = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if b.gap == 1]
    inside = sum(1 for a, b in ones if not _ends_sentence(a.text) and _STARTS_LOWER.match(b.text))
    double = bool(gaps) and len(ones) >= 0.5 * len(gaps) and max(gaps) >= 2 and inside >= max(2, 0.1 * len(ones))
    return Spacing(soft=1, page=5) if double else Spacing(soft=0, page=3)


# --- noise lines ------------------------------------------------------------------------

_URL_ONLY = re.compile(r"^(?:\[?\d{1,3}\]?|[\u00b9\u00b2\u00b3\u2070-\u2079]+)?\s*<?(?:https?://|www\.)\S+>?$", re.I)
_PAGE_NUMBER = re.compile(r"^(?:page\s+(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?"
                          r"|\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[-–—]\s*\d{1,4}\s*[-–—])$", re.I)
_CONTENTS_HEADING = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)
_DOT_LEADERS = re.compile(r"\S\s*(?:\.\s?){4,}\s*\d{1,4}$|\S\s*…+\s*\d{1,4}$")
_TAB_ENTRY = re.compile(r"^([^\t]+)\t+ *(?:\d{1,4}|[ivxlc]{1,6}) *$", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_PHOTO_CREDIT = re.compile(r"^(?:[\w.-]+\s){0,3}photo(?:graph)?s?\s*(?:/|:|©|\bby\b|credits?:?)\s*\S.{0,80}$"
                           r"|^(?:©|\(c\)|copyright\s)\s*\S.{0,80}$", re.I)
_CAPTION_MAX = 400


#: "Home > Documents > Resolutions": a breadcrumb of a web page (short steps between arrows)
_BREADCRUMB = re.compile(r"^(?:[^>›»\n]{1,40}?[ \t]+[>›»][ \t]+){2,}[^>›»\n]{1,80}$|^(?:Home|Start)[ \t]*[>›»|/][ \t]")


def is_noise(text: str) -> bool:
    """A line or paragraph that is layout, not content: a lone URL, a page number, a contents entry, a photo credit,
    a breadcrumb."""
    return bool(_URL_ONLY.match(text) or _PAGE_NUMBER.match(text) or _CONTENTS_HEADING.match(text)
                or (">" in text[:60] or "›" in text[:60]) and _BREADCRUMB.match(text)
                or (text[-1:].isdigit() and _DOT_LEADERS.search(text)) or _PHOTO_CREDIT.match(text))


def _is_contents_entry(raw: str) -> bool:
    """"Title<TAB>page": an entry of a table of contents, as word processors export it."""
    entry = _TAB_ENTRY.match(raw) if "\t" in raw else None
    return bool(entry and _LETTER.search(entry.group(1)))


def _without(lines: list[Line], dropped: set[int]) -> list[Line]:
    """``lines`` less ``dropped``; a dropped line counts as blank, and a page start passes to the next line."""
    kept: list[Line] = []
    carry_gap, carry_page = 0, False
    for i, line in enumerate(lines):
        if i in dropped:
            carry_gap += line.gap + 1
            carry_page = carry_page or line.page_start
            continue
        changed = carry_gap or (carry_page and not line.page_start)
        kept.append(replace(line, gap=line.gap + carry_gap, page_start=True if carry_page else line.page_start)
                    if changed else line)
        carry_gap, carry_page = 0, False
    return kept


def drop_noise_lines(lines: list[Line], space: Spacing) -> list[Line]:
    """Drop lone URLs, page numbers, contents entries and photo credits with the caption above them."""
    dropped = {i for i, line in enumerate(lines) if is_noise(line.text) or _is_contents_entry(line.raw)}
    for i in sorted(dropped):
        if _PHOTO_CREDIT.match(lines[i].text) and i > 0 and i - 1 not in dropped:
            caption = lines[i - 1]
            if len(caption.text) <= _CAPTION_MAX and (caption.page_start or caption.gap >= space.page):
                dropped.add(i - 1)
    return _without(lines, dropped)


# --- running headers and footers --------------------------------------------------------

_DIGITS = re.compile(r"\d+")
#: a running head is at most this long and sits within this many lines of a page edge
_HEAD_MAX = 150
_HEAD_DEPTH = 2


def _pages(lines: list[Line], space: Spacing) -> list[list[int]]:
    pages: list[list[int]] = []
    for i, line in enumerate(lines):
        if not pages or line.page_start or line.gap >= space.page:
            pages.append([])
        pages[-1].append(i)
    return pages


def drop_running_heads(lines: list[Line], space: Spacing) -> list[Line]:
    """Drop lines repeated at the top or bottom of two pages or more (digits ignored, so "Page 3" repeats).

    The occurrence on the first page is kept: there such a line is the title, or the
    document symbol a UN document repeats on every page, which says what the document is.
    """
    pages = _pages(lines, space)
    if len(pages) < 2:
        return lines
    at_edges: dict[str, list[tuple[int, int]]] = {}
    for number, page in enumerate(pages):
        edge = set(page[:_HEAD_DEPTH] + page[-_HEAD_DEPTH:])
        for i in sorted(edge):
            if len(lines[i].text) <= _HEAD_MAX:
                key = _DIGITS.sub("#", lines[i].text.casefold())
                at_edges.setdefault(key, []).append((number, i))
    dropped: set[int] = set()
    for places in at_edges.values():
        if len({number for number, _ in places}) >= 2:
            dropped.update(i for number, i in places if number > 0)
    return _without(lines, dropped)


# --- paragraphs -------------------------------------------------------------------------

_SYMBOLS = "•▪■□●○◦‣∙·\u2043\u25aa\u25ab\u25b8\u25ba\u25e6\uf0a7\uf0b7\uf076\uf0d8\uf0fc"
#: bullet characters, and dashes or asterisks followed by a space, at the start of a line (several, if nested)
_BULLET = re.compile(rf"^(?:[-–—*]\s+|[{_SYMBOLS}]\s*)+(?=\S)")
_SYMBOL_BULLET = re.compile(rf"^(?:[{_SYMBOLS}]|\*\s)")
_NUMBERED = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[IVX]{1,5}\.)\s+\S")
_LEADING_WORD = re.compile(r"^([^\W\d_]+)")
#: prefixes written with a hyphen ("non-attribution", "co-organised", "self-determination")
_HYPHEN_PREFIXES = frozenset({"non", "co", "self", "ex", "anti", "pro", "pre", "post", "multi", "cross", "counter",
                              "quasi", "semi", "well", "all", "half", "inter", "intra", "re", "sub", "vice"})
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\w) +(?=[,.;](?:\s|$))")
#: lines longer than this were not wrapped by a layout: they are whole paragraphs
_WRAP_MAX = 200
_UNWRAPPED = 10**9
#: a wrapped line is at least this share of its block's width; a paragraph's last line is usually shorter
_WRAPPED_SHARE = 0.6
_FULL_SHARE = 0.8


def _is_item(line: Line, previous: Line | None) -> bool:
    """A list item starts a paragraph; a dash before a lower-case word after an unfinished line is no bullet."""
    if _SYMBOL_BULLET.match(line.text) or _NUMBERED.match(line.text):
        return True
    if not _BULLET.match(line.text):
        return False
    rest = _BULLET.sub("", line.text)
    return not (rest[:1].islower() and previous is not None and not _TERMINAL.search(previous.text[-_TAIL:]))


def _widths(lines: list[Line], space: Spacing) -> list[int]:
    """For each line, the width its block is set in: the longest line of its block.

    A block is a run of lines with no paragraph gap and no list item inside it. A layout
    wraps lines wherever the width runs out, so most lines of a wrapped block end inside
    a sentence. A block whose lines mostly end sentences, or has a line longer than
    :data:`_WRAP_MAX`, is a run of one-line paragraphs: its width is given as infinite.
    """
    widths = [0] * len(lines)
    start = 0
    for end in range(1, len(lines) + 1):
        if end == len(lines) or lines[end].gap > space.soft or _is_item(lines[end], lines[end - 1]):
            block = lines[start:end]
            unfinished = sum(1 for line in block[:-1] if not _ends_sentence(line.text))
            width = max(len(line.text) for line in block)
            wrapped = width <= _WRAP_MAX and unfinished > (len(block) - 1) / 2
            widths[start:end] = [width if wrapped or len(block) == 1 else _UNWRAPPED] * len(block)
            start = end
    return widths


def _continues(previous: Line, line: Line, widths: tuple[int, int], space: Spacing) -> bool:
    """Whether ``line`` continues the paragraph ``previous`` ends (rather than starting a new one).

    ``widths`` are the widths of the blocks of ``previous`` and ``line``. Across a page
    break, a sentence continues when the last line of the page was unfinished and either
    the next starts in lower case or the last line was full (a wrapped line).
    """
    if MARKER in (previous.text, line.text) or _is_item(line, previous):
        return False
    unfinished = not _ends_sentence(previous.text)
    lower = bool(_STARTS_LOWER.match(line.text)) or _ends_hyphenated(previous.text) is not None
    if line.page_start or line.gap >= space.page:
        return unfinished and (lower or _is_full(previous, widths[0]))
    if line.gap > space.soft:
        return False
    if lower:  # a sentence never starts in lower case, whatever ended the line before ("i.e.", "U.S.")
        return True
    wrapped = widths[1] <= _WRAP_MAX and len(previous.text) >= _WRAPPED_SHARE * widths[1]
    return wrapped and (unfinished or len(previous.text) >= _FULL_SHARE * widths[1])


def _is_full(line: Line, width: int) -> bool:
    """A line as long as its block is wide (a paragraph's last line is usually shorter)."""
    return width <= _WRAP_MAX and len(line.text) >= _FULL_SHARE * width


_WORDS = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")


def _vocabulary(text: str) -> frozenset[str]:
    """The words of the text, leaving out the halves of words hyphenated at a line end."""
    return frozenset(w.casefold() for w in _WORDS.findall(text))


def _join(left: str, right: str, vocabulary: frozenset[str]) -> str | None:
    """Join two lines hyphenated at the break, undoing the hyphenation unless it belongs to a compound.

    "preven-" + "tion" becomes "prevention"; "conflict-" + "fixated" stays
    "conflict-fixated" because "conflict" is a word the document uses on its own, and
    "non-" + "attribution" stays "non-attribution" because "non" is a prefix English
    writes with a hyphen. None when ``left`` does not end in a hyphenated word (the
    caller then joins the lines with a space).
    """
    hyphen, first = _ends_hyphenated(left), _LEADING_WORD.match(right)
    if hyphen and first and right[:1].islower():
        prefix, suffix = hyphen.group(1), first.group(1)
        whole = (prefix + suffix).casefold()
        compound = f"{prefix}-{suffix}".casefold() in vocabulary or (
            (prefix.casefold() in vocabulary or prefix.casefold() in _HYPHEN_PREFIXES) and whole not in vocabulary)
        return f"{left}{right}" if compound else f"{left[:-1]}{right}"
    return None


def paragraphs(lines: list[Line], space: Spacing, vocabulary: frozenset[str]) -> list[str]:
    """Join wrapped lines into paragraphs; drop bullet characters; collapse stray spaces."""
    widths = _widths(lines, space)
    out: list[list[str]] = []
    for i, line in enumerate(lines):
        if i and _continues(lines[i - 1], line, (widths[i - 1], widths[i]), space):
            joined = _join(out[-1][-1], line.text, vocabulary)
            out[-1][-1:] = [joined] if joined is not None else [out[-1][-1], line.text]
        else:
            out.append([line.text])
    return [_tidy(_BULLET.sub("", " ".join(parts))) for parts in out]


def _tidy(paragraph: str) -> str:
    """No space before a comma, full stop or semicolon (looked for only where one could be)."""
    if " ," in paragraph or " ." in paragraph or " ;" in paragraph:
        return _SPACE_BEFORE_PUNCTUATION.sub("", paragraph)
    return paragraph


def normalise(text: str, names: NamePolicy = REMOVE_ALL) -> str:
    """One paragraph per line, separated by blank lines; contact details and people's names removed; layout noise
    removed. Contact details are removed from the lines as read and again from the joined paragraphs; names go
    last, once wrapped lines are joined again (:mod:`.names`)."""
    text = unlink_markdown(redact(clean_characters(text)))
    lines = to_lines(text)
    space = spacing(lines)
    lines = drop_running_heads(drop_noise_lines(lines, space), space)
    hyphenated = any(_ends_hyphenated(line.text) for line in lines)
    found = paragraphs(lines, space, _vocabulary(text) if hyphenated else frozenset())
    # contact details again: a number wrapped over two lines is whole only once the lines are joined
    return remove_names(redact("\n\n".join(p for p in found if not is_noise(p))), names)
