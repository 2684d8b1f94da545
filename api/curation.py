"""Curation records kept on a fact: who (which key) confirmed, rejected or added it, and when.

A curated change never erases what was extracted: the entry is appended to the
fact's ``curation`` property (a list of JSON strings, since record properties hold
only scalars and lists of strings), the evidence stays, and a rejected fact stays in
the graph, marked. The key itself is never stored, only its fingerprint.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from prevgraph.errors import AccessDenied, MutationsDisabled
from prevgraph.schema.records import PropValue

#: the property that holds the curation entries of a node or edge
CURATION_PROP = "curation"
#: actions a curator takes; the last CONFIRMED or REJECTED sets a fact's curation state
ACTIONS = ("CONFIRMED", "REJECTED", "ADDED")


@dataclass(frozen=True)
class CurationEntry:
    action: str
    by: str
    at: str
    note: str | None = None


def key_fingerprint(key: str) -> str:
    """A name for an API key that identifies it in the graph without revealing it."""
    return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def check_key(configured: str, given: str | None) -> str:
    """The fingerprint of ``given`` if it is the configured key; else raise a clear error."""
    if not configured:
        raise MutationsDisabled("curation mutations are off: no API key is set (set PREVGRAPH_API_KEY on the server)")
    if not given:
        raise AccessDenied("curation mutations need the API key in the X-API-Key header")
    if not hmac.compare_digest(configured.encode("utf-8"), given.encode("utf-8")):
        raise AccessDenied("the X-API-Key header does not hold the server's API key")
    return key_fingerprint(given)


def new_entry(action: str, by: str, note: str | None = None, now: datetime | None = None) -> CurationEntry:
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return CurationEntry(action=action, by=by, at=at, note=note or None)


def entries(props: dict[str, PropValue]) -> list[CurationEntry]:
    """The curation entries stored in ``props``, oldest first."""
    raw = props.get(CURATION_PROP) or []
    return [CurationEntry(**json.loads(item)) for item in raw if isinstance(item, str)]


def with_entry(props: dict[str, PropValue], entry: CurationEntry) -> dict[str, PropValue]:
    """``props`` with ``entry`` appended to its curation entries (the rest untouched)."""
    stored = [item for item in props.get(CURATION_PROP) or [] if isinstance(item, str)]
    return {**props, CURATION_PROP: [*stored, json.dumps(asdict(entry), sort_keys=True)]}


def state(props: dict[str, PropValue]) -> str:
    """UNREVIEWED, or the last CONFIRMED / REJECTED verdict."""
    verdicts = [e.action for e in entries(props) if e.action in ("CONFIRMED", "REJECTED")]
    return verdicts[-1] if verdicts else "UNREVIEWED"
