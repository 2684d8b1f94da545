"""What every format extractor returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Extracted:
    """A document's text as its format gives it (not yet normalised), and what its metadata says.

    ``metadata`` holds only descriptive fields (for example ``created``, ``language``);
    author fields are never read, because they name private individuals.
    """

    text: str
    title: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


def reason(exc: BaseException) -> str:
    """The first line of a parser's exception, short enough for a one-line message."""
    text = str(exc).strip()
    return text.splitlines()[0][:160] if text else type(exc).__name__
