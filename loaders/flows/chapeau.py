"""A list of recommendations under the line that names its addressee.

Letters, NGO analyses and workshop summaries end with lists such as "We call on the members of
the Security Council to: 1. Invite the Special Adviser to brief the Council; 2. Request the
Secretary-General to ...", or "We recommend that the Peacebuilding Commission: - share its
advice with the Human Rights Council". Each item is a bare verb whose subject is the
chapeau's addressee. :func:`addressee_mentions` gives each item a mention of that addressee
just before its verb (as the first person is a mention of a document's author), so every
flow and mandate rule reads the item as "the Council invite ...", "the Commission share ...";
what such an item asks for is PROPOSED (see :func:`is_chapeau_subject`).
"""

from __future__ import annotations

import re

from prevgraph.loaders.flows.lexicon import BARE_INFO_VERBS, BARE_MANDATE_VERBS, CHAPEAU
from prevgraph.loaders.model import DocumentContext, Mention, Sentence

RULE_CHAPEAU = "chapeau-addressee"

_ADDRESSEE_KINDS = frozenset({"Body", "Office", "State", "Organization", "Mechanism"})
#: a sentence that is only a list marker ("1.", "(b)", "-")
_MARKER_ONLY = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|\(?[a-z]{1,3}\)|[-•*–])\s*$")
#: a list marker before an item's first word
_MARKER = re.compile(r"^\s*(?:\d{1,2}\s*[.)]\s*|\(?[a-z]{1,3}\)\s*|[-•*–]\s+)?")
_WORD = re.compile(r"[A-Za-z]+")
#: "- **To the Security Council:** " before an item's verb
_INLINE_ADDRESSEE = re.compile(r"^\s*(?:[-•*–]\s+)?[*_]*(?:To|For)\s+[^:\n]{3,90}?:[*_]*\s*")


_BARE = BARE_INFO_VERBS | BARE_MANDATE_VERBS


def _addressee(sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """The actor a chapeau line names last ("We call on the members of the Security Council to:")."""
    if not sentence.text.rstrip().endswith(":") or not CHAPEAU.search(sentence.text):
        return None
    inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end
              and m.kind in _ADDRESSEE_KINDS]
    return inside[-1] if inside else None


def _item_verb(sentence: Sentence) -> int | None:
    """Where an item's bare verb starts ("Invite the Special Adviser ...", "- share its advice ..."), if it is one."""
    marker = _MARKER.match(sentence.text)
    word = _WORD.match(sentence.text, marker.end() if marker else 0)
    if word is None or word.group(0).lower() not in _BARE:
        return None
    return sentence.start + word.start()


def _inline(sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """"- **To the Security Council:** invite the Special Rapporteur to brief": an item that names its own
    addressee, given as a mention before its verb."""
    lead = _INLINE_ADDRESSEE.match(sentence.text)
    word = _WORD.match(sentence.text, lead.end()) if lead is not None else None
    if lead is None or word is None or word.group(0).lower() not in _BARE:
        return None
    named = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.start + lead.end()
             and m.kind in _ADDRESSEE_KINDS]
    at = sentence.start + word.start()
    return Mention(named[-1].node_id, named[-1].kind, at, at, "", RULE_CHAPEAU) if named else None


def addressee_mentions(ctx: DocumentContext) -> list[Mention]:
    """A mention of the chapeau's addressee right before the verb of every item of its list."""
    found: list[Mention] = []
    addressee: Mention | None = None
    for sentence in ctx.sentences:
        inline = _inline(sentence, ctx.mentions)
        if inline is not None:
            found.append(inline)
            continue
        head = _addressee(sentence, ctx.mentions)
        if head is not None:
            addressee = head
            continue
        if addressee is None or _MARKER_ONLY.match(sentence.text):
            continue
        at = _item_verb(sentence)
        if at is None:
            addressee = None  # the list has ended
            continue
        found.append(Mention(addressee.node_id, addressee.kind, at, at, "", RULE_CHAPEAU, also=addressee.also))
    return found


def is_chapeau_subject(mentions: tuple[Mention, ...], start: int) -> bool:
    """Whether the subject at ``start`` is the addressee a chapeau gave a list item."""
    return any(m.rule == RULE_CHAPEAU and m.start == start for m in mentions)
