"""Remove contact details and the names of private individuals before anything else sees the text.

prevgraph records participants by affiliation only, so e-mail addresses, telephone
and fax numbers, and the names in contact blocks ("Programme Director, Jane Doe"
followed by ``T:``/``E:`` lines, "Contact: Jane Doe", the name under "Kind regards")
are replaced by :data:`MARKER`. Names in running text are removed later, once the
normaliser has joined wrapped lines again (:mod:`.names`).

Redaction works on lines, so it runs on the text as read, before the layout is
normalised (a contact block is recognised by its lines); :func:`redact` is idempotent.
"""

from __future__ import annotations

import re

MARKER = "[contact removed]"

EMAIL = re.compile(
    r"(?<![\w.+-])(?:mailto:)?[A-Za-z0-9][\w.+'-]*"
    r"(?:@|\s?[\[(]at[\])]\s?)"
    r"[A-Za-z0-9-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z0-9-]+)*(?:\.|\s?[\[(]dot[\])]\s?)[A-Za-z]{2,}(?![\w-])",
    re.IGNORECASE,
)
_LABEL = r"(?:tel(?:ephone)?|phone|ph|fax|mobile|mob|cell|direct line|switchboard|whatsapp|[TFMP])"
#: a number after a telephone label ("T: +44 (0) 01903 817699", "Tel. 022 917 90 00", "Fax 917 9008")
LABELLED_PHONE = re.compile(
    rf"(?<![\w/])(?i:{_LABEL})\.?(?:\s*\((?:[a-z ]{{1,12}})\))?\s*[:.]?\s*(\+?[\d(][\d\s().\-/]{{4,}}\d)(?![\w/])"
)
#: a number that is a telephone number by its shape alone: international (+41 / 0041), national (0xx) or US style
PHONE = re.compile(
    r"(?<![\w/.+-])(?:"
    r"(?:\+|00)\d{1,3}(?:[\s.\-]?\(0\))?(?:[\s.\-]?\(?\d{1,5}\)?){2,6}"
    r"|\(?0\d{1,4}\)?[\s.\-]\d{2,4}(?:[\s.\-]\d{2,4}){1,3}"
    r"|\(\d{3}\)\s?\d{3}[.\-\s]\d{4}|\d{3}([.\-])\d{3}\1\d{4}"
    r")(?![\w/]|[.\-]\d)"
)
_MIN_DIGITS = {LABELLED_PHONE: 6, PHONE: 8}
#: "01.02.2020", "03-04-2021", "05 06 2019": dates, which the national shape would otherwise take for numbers
_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[./\- ](?:0?[1-9]|1[0-2])[./\- ](?:19|20)\d\d")

_TITLE = r"(?:(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sir|Dame|H\.?E\.?)\.?\s+)?"
_NAME = _TITLE + r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|del|da|van|von|der|den|la|le|bin|al)\s+){0,2}[A-Z][\w'’.-]*){1,3}"
#: "Contact: Jane Doe", "Focal point: Dr Jane Doe", "please contact Jane Doe", "Kind regards, Jane Doe"
INTRODUCED_NAME = re.compile(
    r"(?i:\b(?:contact(?:\s+person)?|focal\s+point|media\s+enquiries|press\s+contact|(?:en|in)quiries\s+to)\s*:"
    r"|\bplease\s+contact|(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm)\s+regards)\s*,)"
    rf"\s*({_NAME})"
)
_NAME_KEYWORDS = ("contact", "focal", "enquiries", "inquiries", "regards", "yours")
_VALEDICTION = re.compile(
    r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:with\s+)?(?:kind|best|warm(?:est)?)\s+(?:regards|wishes)"
    r"|regards|sincerely)\s*[,.]?\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: how many lines above a contact line may belong to its block (name, role, organisation)
BLOCK_LINES = 3
#: words a line may keep beside its contact details and still count as a contact line ("E-mail", "Tel. (office)")
_CONTACT_LINE_WORDS = 3


#: the shortest run of digits and separators either telephone pattern can take (a line without one has no number)
_NUMBER_RUN = re.compile(r"[\d(+][\d\s().\-/]{4,}\d")


def _replace_numbers(text: str) -> str:
    def sub(pattern: re.Pattern[str]):
        def replace(match: re.Match[str]) -> str:
            number = match.group(1) if pattern is LABELLED_PHONE else match.group(0)
            if sum(c.isdigit() for c in number) < _MIN_DIGITS[pattern] or _DATE.fullmatch(number.strip()):
                return match.group(0)
            return match.group(0).replace(number, MARKER) if pattern is LABELLED_PHONE else MARKER
        return replace

    # Numbers written back to back ("+44 1903 81+44 1903 82") hide the second one behind the
    # first one's last digit; repeat until nothing changes (the marker has no digits, so this ends).
    while True:
        redacted = PHONE.sub(sub(PHONE), LABELLED_PHONE.sub(sub(LABELLED_PHONE), text))
        if redacted == text:
            return text
        text = redacted


def redact_inline(text: str) -> str:
    """E-mail addresses, telephone numbers and introduced names replaced by :data:`MARKER`, wherever they are.

    Cheap substring tests run first: most lines have no "@", no digit and no keyword.
    """
    lower = text.casefold()
    if "@" in text or "at]" in lower or "at)" in lower:
        text = EMAIL.sub(MARKER, text)
    # names before numbers: a name glued to a number ("Jane Doe+44 ...") hides the number until the
    # name is a marker, and a second pass must find nothing left to remove
    if any(keyword in lower for keyword in _NAME_KEYWORDS):
        text = INTRODUCED_NAME.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + MARKER, text)
    if _NUMBER_RUN.search(text):
        text = _replace_numbers(text)
    return text


def _is_contact_line(original: str, redacted: str) -> bool:
    """A line that, once its details are removed, has little left but a label ("T:", "E-mail", "Fax")."""
    if MARKER in original or redacted == original:
        return False
    return len(_WORD.findall(redacted.replace(MARKER, " "))) <= _CONTACT_LINE_WORDS


def _is_name_line(line: str) -> bool:
    """Short, no sentence ending, a capitalised word: a name, a role or an organisation in a contact block."""
    stripped = line.strip()
    words = _WORD.findall(stripped)
    return (0 < len(words) <= 8 and len(stripped) <= 80 and not stripped.endswith((".", ":", ";", "?", "!"))
            and MARKER not in stripped and any(w[0].isupper() for w in words))


def _block_above(lines: list[str], index: int, removed: set[int]) -> None:
    """Mark the name-like lines just above a contact line (blank lines between them allowed)."""
    taken, blanks, i = 0, 0, index - 1
    while i >= 0 and taken < BLOCK_LINES:
        if not lines[i].strip():
            blanks += 1
            if blanks > 2:
                return
        elif i in removed or not _is_name_line(lines[i]):
            return
        else:
            removed.add(i)
            taken, blanks = taken + 1, 0
        i -= 1


def _signature_below(lines: list[str], index: int, removed: set[int]) -> None:
    """Mark the name-like lines under a valediction ("Kind regards,")."""
    taken, i = 0, index + 1
    while i < len(lines) and taken < BLOCK_LINES:
        if lines[i].strip():
            if not _is_name_line(lines[i]):
                return
            removed.add(i)
            taken += 1
        elif taken:
            return
        i += 1


def _collapse_markers(lines: list[str]) -> list[str]:
    """One marker for a whole removed block, even when blank lines separated its lines."""
    out: list[str] = []
    for line in lines:
        if line == MARKER:
            end = len(out)
            while end and not out[end - 1].strip():
                end -= 1
            if end and out[end - 1] == MARKER:
                del out[end:]
                continue
        out.append(line)
    return out


def redact(text: str) -> str:
    """``text`` without contact details or the names of private individuals in contact and signature blocks.

    Every removed line or detail becomes :data:`MARKER`; a removed block is one marker
    on its own line. Names in running text are kept.
    """
    lines = text.split("\n")
    redacted = [redact_inline(line) for line in lines]
    removed: set[int] = set()
    for i, (line, new) in enumerate(zip(lines, redacted, strict=True)):
        if _is_contact_line(line, new):
            removed.add(i)
            _block_above(lines, i, removed)
        elif _VALEDICTION.match(line):
            _signature_below(lines, i, removed)
    if not removed:
        return "\n".join(redacted)
    return "\n".join(_collapse_markers([MARKER if i in removed else line for i, line in enumerate(redacted)]))
