"""Stable, deterministic ids.

A node's id is its kind plus a slug of its canonical name or symbol, so loading the
same document twice changes nothing and two documents naming one body meet at one
node. An edge's id hashes its endpoints, type, status and an optional qualifier
(for example the date of a briefing), so one fact stated in two documents is one edge
with two pieces of evidence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: ``"Human Rights Council"`` -> ``"human-rights-council"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def node_id(kind: str, key: str) -> str:
    """``node_id("Body", "Human Rights Council") == "body:human-rights-council"``."""
    slug = slugify(key)
    if not slug:
        raise ValueError(f"cannot make an id for {kind} from {key!r}: no letters or digits")
    return f"{kind.lower()}:{slug}"


def edge_id(source: str, rel_type: str, target: str, status: str | None = None, qualifier: str | None = None) -> str:
    """Deterministic edge id from the edge's identity (not from its evidence)."""
    key = "\x1f".join((source, rel_type, target, status or "", qualifier or ""))
    return f"{rel_type.lower()}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"
