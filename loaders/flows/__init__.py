"""The flow extractor: BRIEFS, REQUESTS, INVITES, BLOCKS, NO_LINK and FEEDS_INTO edges.

:func:`extract_flows` reads one :class:`~prevgraph.loaders.model.DocumentContext` (its
sentences and the mentions the recognisers resolved to nodes) and returns the edges with
their status, date and evidence. The words the rules react to are data in
:mod:`.lexicon`; :mod:`.clauses` finds subjects and recipients by position (no parser
is needed); :mod:`.cues` reads status and dates; :mod:`.mandates`, :mod:`.briefs` and
:mod:`.links` are the rules; :mod:`.sink` keeps one edge per fact and checks each against
the ontology.

Only nodes the document mentions become endpoints; a flow whose actor is a person is
never built, because people are never mentions: flows run between bodies, offices,
mechanisms, States and organisations, whoever reports them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from prevgraph.loaders.flows.briefs import extract_briefs, host_body, record_voters
from prevgraph.loaders.flows.chapeau import addressee_mentions
from prevgraph.loaders.flows.clauses import CLAUSE_BREAK, Gates, outermost, split_clauses, whole_sentence
from prevgraph.loaders.flows.cooperation import extract_obstructions
from prevgraph.loaders.flows.links import extract_feeds, extract_no_links
from prevgraph.loaders.flows.mandates import Citations, MandateState, extract_mandates
from prevgraph.loaders.flows.outcomes import extract_outcomes
from prevgraph.loaders.flows.sink import FlowSink
from prevgraph.loaders.model import DocumentContext, Extraction, Mention, Sentence

__all__ = ["extract_flows"]


def extract_flows(ctx: DocumentContext) -> Extraction:
    """Every flow, block, missing link and routine feed the document states, each with its evidence."""
    ctx = replace(ctx, mentions=[*ctx.mentions, *addressee_mentions(ctx)])
    sink = FlowSink(ctx)
    citations = Citations(ctx)
    state = MandateState()
    ordered = sorted(ctx.mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    office: Mention | None = None
    gates = Gates.of(ctx.text)
    host = host_body(ctx)
    before: Sentence | None = None
    for sentence in ctx.sentences:
        inside = ordered[bisect_left(starts, sentence.start): bisect_left(starts, sentence.end)]
        if sink.vote_stopped:
            _voters_of_a_stopped_vote(ctx, sink, sentence, inside)
        if gates is not None and not gates.between(sentence.start, sentence.end):
            # no rule can match here: only the office a pronoun in the next sentence may stand for is kept
            office = _last_office(inside, sentence) if any(m.kind == "Office" for m in inside) else None
            before = sentence
            continue
        mentions = outermost(m for m in inside if m.end <= sentence.end)
        whole = whole_sentence(ctx.text, sentence, mentions, office, gates)
        if not mentions and whole.opens("outcomes") and sink.stated:
            extract_outcomes(ctx, whole, sink, before)
        if (mentions or whole.opens("charter")) and whole.open_groups:
            covered = extract_mandates(ctx, whole, sink, state, citations) if state.pending or whole.opens(
                "mandates") else []
            clauses = split_clauses(ctx.text, sentence, mentions, office, gates) if CLAUSE_BREAK.search(
                sentence.text) else [whole]
            for clause in clauses:
                if sink.vote_stopped and clause.start > sentence.start:
                    record_voters(ctx, clause, sink)  # "... did not take place; A, B and C voted against"
                actors = clause.actors()
                # a briefing needs a recipient and a source named here (or the office "he"/"she" stands for),
                # (or the body whose meeting the document reports, for a briefing that names no recipient,
                # or the document's authors, who give "the present report"),
                # unless a Charter article names them; a missing link two different actors, a feed two actors
                implicit = clause.antecedent is not None or host is not None or bool(ctx.authors)
                if whole.opens("charter") or (whole.opens("briefs") and (len(actors) >= 2 or (actors and implicit))):
                    extract_briefs(ctx, clause, sink, covered, host)
                if whole.opens("links") and len({m.node_id for m in actors}) >= 2:
                    extract_no_links(clause, sink)
                if whole.opens("feeds") and len(actors) >= 2:
                    extract_feeds(clause, sink)
                if whole.opens("obstruction") and actors:  # "X has been denied access": the country of X's mandate
                    extract_obstructions(clause, sink)
                if whole.opens("outcomes") and sink.stated:
                    extract_outcomes(ctx, clause, sink, before)
        # "he"/"she" in the next sentence stands for the office named last in this one (or none)
        office = next((m for m in reversed(mentions) if m.kind == "Office"), None)
        before = sentence
    return sink.extraction()


def _voters_of_a_stopped_vote(ctx: DocumentContext, sink: FlowSink, sentence: Sentence,
                              inside: list[Mention]) -> None:
    """The two sentences after a vote stopped a flow may name the States that voted against it."""
    sink.vote_stopped = [v for v in sink.vote_stopped if sentence.start - v[2] < 600]
    if sink.vote_stopped:
        mentions = outermost(m for m in inside if m.end <= sentence.end)
        record_voters(ctx, whole_sentence(ctx.text, sentence, mentions), sink)


def _last_office(inside: list[Mention], sentence: Sentence) -> Mention | None:
    """The office named last in a sentence (outermost mentions only), which "he" or "she" next may stand for."""
    mentions = outermost(m for m in inside if m.end <= sentence.end)
    return next((m for m in reversed(mentions) if m.kind == "Office"), None)
