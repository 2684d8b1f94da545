"""Information flows the Charter opens: an article that lets an office bring matters to a body.

The reference data says which (``charter_channels`` on an entry: the Secretary-General's
Article 99 carries matters to the Security Council); no office, body or article is
named in this code. A sentence that reports a *use* of such an article ("invoked
Article 99", "the invocation of Article 99 by the Secretary-General", "a letter under
Article 99", "wrote to the President of the Security Council under Article 99") states
that flow even when it names neither end: the article names both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from prevgraph.loaders.flows.clauses import Clause
from prevgraph.loaders.flows.lexicon import ARTICLE, ARTICLE_USE_AFTER, ARTICLE_USE_BEFORE, CHANNEL_ONLY
from prevgraph.schema import gazetteer
from prevgraph.schema.reference import ReferenceEntry


@dataclass(frozen=True)
class Channel:
    """A Charter article by which ``office`` brings matters to ``recipient`` (reference entries)."""

    article: str
    office: ReferenceEntry
    recipient: ReferenceEntry


@cache
def channels() -> dict[str, Channel]:
    """Every channel the reference data declares, by article number."""
    ref = gazetteer()
    found: dict[str, Channel] = {}
    for entry in ref.entries.values():
        for channel in entry.props.get("charter_channels") or ():  # type: ignore[attr-defined]
            recipient = ref.lookup(str(channel["recipient"]))
            if recipient is not None:
                found[str(channel["article"])] = Channel(str(channel["article"]), entry, recipient)
    return found


@dataclass(frozen=True)
class ArticleUse:
    """Where a clause reports the use of a channel's article: the words of use and the article cited."""

    channel: Channel
    start: int
    end: int
    article_start: int
    article_end: int


def article_uses(clause: Clause) -> list[ArticleUse]:
    """Uses of a channel article the clause reports ("invoked Article 99", "an Article 99 letter")."""
    known = channels()
    uses: list[ArticleUse] = []
    for match in ARTICLE.finditer(clause.text):
        channel = known.get(match.group("article"))
        if channel is None:
            continue
        at, end = clause.start + match.start(), clause.start + match.end()
        before = ARTICLE_USE_BEFORE.search(clause.text, 0, match.start())
        after = ARTICLE_USE_AFTER.match(clause.text, match.end())
        if before is not None:
            start, stop = clause.start + before.start(), end
        elif after is not None:
            start, stop = at, clause.start + after.end()
        else:
            continue
        uses.append(ArticleUse(channel, start, stop, at, end))
    return uses


def describes_channel(clause: Clause, start: int) -> bool:
    """True when the clause speaks of the article as a power or its conditions ("the Secretary-General requires
    support for the invocation of Article 99"): that describes the channel, it reports no use of it, and
    proposes none either, so it gives no flow."""
    return CHANNEL_ONLY.search(clause.slice(clause.start, start)) is not None


def cited_article(clause: Clause, source: str, target: str) -> str | None:
    """The channel article a clause cites for a flow it states some other way ("brought the matter to the
    attention of the Security Council (Article 99)"), when the flow runs along that channel."""
    for match in ARTICLE.finditer(clause.text):
        channel = channels().get(match.group("article"))
        if channel is not None and (channel.office.id, channel.recipient.id) == (source, target):
            return channel.article
    return None
