"""normalise(): one kind of layout noise per case, the sample corpus, and properties over generated text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prevgraph.loaders.names import NAME_MARKER, remove_names
from prevgraph.loaders.normalise import clean_characters, normalise
from prevgraph.loaders.redact import MARKER

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# (kind of noise, extracted text, normalised text)
CASES = [
    ("hard line breaks inside sentences",
     "The Council requested the High\nCommissioner to brief it annually\non patterns of violations.\n",
     "The Council requested the High Commissioner to brief it annually on patterns of violations."),
    ("every line followed by a blank line, paragraphs by whitespace-only lines",
     "Since patterns of violations are known to be a good indicator of an \n\npotentially violent conflict, "
     "greater interaction between the human \n\nrights system and the security pillar is pivotal. \n\n  \n\n"
     "This breakout group aims to distinguish the roles \n\nof the two Councils. \n",
     "Since patterns of violations are known to be a good indicator of an potentially violent conflict, greater "
     "interaction between the human rights system and the security pillar is pivotal.\n\n"
     "This breakout group aims to distinguish the roles of the two Councils."),
    ("hyphenation at line ends",
     "The resolution strengthens early warn-\ning and the preven-\ntion mandate of the Council.",
     "The resolution strengthens early warning and the prevention mandate of the Council."),
    ("a compound's hyphen at a line end stays when its first part is a word of the text",
     "Conflict prevention matters. A narrow conflict-\nfixated view of it prevailed.",
     "Conflict prevention matters. A narrow conflict-fixated view of it prevailed."),
    ("a hyphen after a prefix written with one stays",
     "The rule of non-\nattribution applied; the meeting was co-\norganised by Germany.",
     "The rule of non-attribution applied; the meeting was co-organised by Germany."),
    ("bullets of every shape become paragraphs of their own",
     "The dialogue will:\n- Identify practical ways\n• Enhance understanding\n▪ Rethink mediation\n"
     "* Strengthen links\n\uf0b7 Generate networks",
     "The dialogue will:\n\nIdentify practical ways\n\nEnhance understanding\n\nRethink mediation\n\n"
     "Strengthen links\n\nGenerate networks"),
    ("numbered items keep their numbers (resolutions are cited by them)",
     "Questions:\n1. What is the role of the Council?\n2. What concrete steps\nare taken?\n(a) In the field;",
     "Questions:\n\n1. What is the role of the Council?\n\n2. What concrete steps are taken?\n\n(a) In the field;"),
    ("nested bullets lose every bullet character",
     "- - • Item nested deeply", "Item nested deeply"),
    ("a dash that is no bullet stays",
     "He said that the Council is the body with\n- as one delegate put it - teeth.",
     "He said that the Council is the body with - as one delegate put it - teeth."),
    ("a wrapped list item is one paragraph",
     "- He noted that the adoption of resolution 45/31\n was the culmination of five years of effort\n"
     " and discussions including during two Glion\n Human Rights Dialogues. He recognised\n challenges.\n"
     "- Next item.",
     "He noted that the adoption of resolution 45/31 was the culmination of five years of effort and discussions "
     "including during two Glion Human Rights Dialogues. He recognised challenges.\n\nNext item."),
    ("running headers and footers on every page (form feeds)",
     "Prevention Report 2023\nThe Council met in Geneva on two consecutive days in November and heard\nthe "
     "High Commissioner.\nPage 1\fPrevention Report 2023\nIt heard the Chair of the Peacebuilding Commission "
     "on the situation in\nthe region.\nPage 2\fPrevention Report 2023\nIt adopted a text.\nPage 3",
     "Prevention Report 2023\n\nThe Council met in Geneva on two consecutive days in November and heard the High "
     "Commissioner.\n\nIt heard the Chair of the Peacebuilding Commission on the situation in the region.\n\n"
     "It adopted a text."),
    ("running heads between page-break runs, the cover repeated on the back page",
     "MEETING REPORT\n\nFrom reaction to prevention\n\nThe roundtable met.\n\n\n\n\nMEETING REPORT\n\n"
     "From reaction to prevention\n\n\n\nworking together\n",
     "MEETING REPORT\n\nFrom reaction to prevention\n\nThe roundtable met.\n\nworking together"),
    ("a sentence continues across a page-break run",
     "take forward paragraphs 5, 6 and 7 in a way to prevent further violations and/or \n\n\n \n\n \n\n \n\n"
     "a deeper crisis. \n\n",
     "take forward paragraphs 5, 6 and 7 in a way to prevent further violations and/or a deeper crisis."),
    ("a finished sentence before a page break ends its paragraph",
     "The Council met.\f\nThe Assembly met.", "The Council met.\n\nThe Assembly met."),
    ("URLs alone on a line go, URLs in sentences stay",
     "See the report at https://undocs.org/A/HRC/45/31 for details.\n\nhttps://undocs.org/en/A/HRC/RES/45/31\n"
     "www.universal-rights.org/page\n1 https://example.org/footnote\n\nNext paragraph.",
     "See the report at https://undocs.org/A/HRC/45/31 for details.\n\nNext paragraph."),
    ("stray spaces",
     "  The   Council\u00a0met ,  and  the\tAssembly  met .  ", "The Council met, and the Assembly met."),
    ("a table of contents with page numbers",
     "TABLE OF CONTENTS\n\nWELCOME AND INTRODUCTION\t5\nGENEVA SEGMENT\t7\nClosing remarks ........ 15\n\n"
     "WELCOME AND INTRODUCTION\n\nThe meeting opened.",
     "WELCOME AND INTRODUCTION\n\nThe meeting opened."),
    ("photo credits, and the caption standing above one",
     "The discussion closed.\n\n\n\nVolker Türk addresses the Human Rights Council. Geneva.\n\n"
     "UN Photo/Violaine Martin.\n\nCLOSING REMARKS\n\nPhoto: UNICEF/Someone\n\n© Example Institute 2023",
     "The discussion closed.\n\nCLOSING REMARKS"),
    ("page numbers alone on a line",
     "The Council met.\n\n12\n\nPage 3 of 10\n\n- 4 -\n\nIt adjourned.", "The Council met.\n\nIt adjourned."),
    ("Markdown links keep their words",
     "This [Wilton Park](#) roundtable and the [13th June\nAppeal](https://example.org/a(b)).",
     "This Wilton Park roundtable and the 13th June Appeal."),
    ("headings stay paragraphs of their own",
     "Background\n\nThe relationship has always been controversial.\n\nObjectives\nThe dialogue seeks steps.",
     "Background\n\nThe relationship has always been controversial.\n\nObjectives\n\nThe dialogue seeks steps."),
    ("a web page's one-paragraph lines stay apart",
     "Policy Dialogue on the relationship between the two Councils\nOn Monday the Permanent Missions hosted a "
     "digital policy dialogue on the topic, with about 75 participants from Geneva and New York, under the Chatham "
     "House rule.\nIt discussed the relationship between the Human Rights Council and the Security Council, and "
     "tested the hypothesis that prevention offers an ideal lens to recalibrate it.\n",
     "Policy Dialogue on the relationship between the two Councils\n\nOn Monday the Permanent Missions hosted a "
     "digital policy dialogue on the topic, with about 75 participants from Geneva and New York, under the Chatham "
     "House rule.\n\nIt discussed the relationship between the Human Rights Council and the Security Council, and "
     "tested the hypothesis that prevention offers an ideal lens to recalibrate it."),
    ("line endings, soft hyphens, zero-width characters and ligatures",
     "The Of\ufb01ce of the High Com\u00admissioner\r\nbriefed the Council.\u200b\r\n\r\nNext.",
     "The Office of the High Commissioner briefed the Council.\n\nNext."),
    ("contact details are already redacted",
     "Enquiries to:\n\nProgramme Director, Jane Example\nT: +44 (0) 1234 567890\nE: jane@example.org\n\nThanks.",
     f"Enquiries to:\n\n{MARKER}\n\nThanks."),
    ("empty and blank input", " \n\n \f\n ", ""),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_kind_of_noise(text: str, expected: str):
    assert normalise(text) == expected
    assert normalise(expected) == expected


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_the_sample_corpus(path: Path):
    text = normalise(path.read_text(encoding="utf-8"))
    paragraphs = text.split("\n\n")
    assert normalise(text) == text
    assert all(p == p.strip() and "  " not in p and "\n" not in p for p in paragraphs)
    assert not any(re.match(r"^(?:[-•▪]|https?://)", p) for p in paragraphs)
    # every sentence-ending line of the source ends a sentence of the output: no sentence lost or cut
    # (only the names of people in it replaced)
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if len(line) > 30 and line.endswith(".") and not re.search(r"photo|https?://", line + after, re.I):
            tail = line.split(". ")[-1].lstrip("-•▪ ")
            assert remove_names(tail) in text, tail


def test_the_meeting_report_loses_its_noise_and_keeps_its_text():
    text = normalise((CORPUS / "2023-02-transatlantic-roundtable-meeting-report.txt").read_text(encoding="utf-8"))
    assert text.count("From reaction to prevention: report of transatlantic roundtable on prevention") == 1
    assert "TABLE OF CONTENTS" not in text and "GENEVA SEGMENT\t7" not in text
    assert "UN Photo" not in text and "addresses the 52nd Regular Session" not in text
    assert ("He noted that the adoption of resolution 45/31 was the culmination of nearly five years of effort and "
            "was a product of extensive consultations and discussions including during two Glion Human Rights "
            "Dialogues.") in text


def test_the_background_paper_is_rejoined():
    text = normalise((CORPUS / "2020-11-breakout-group-2-background-paper.txt").read_text(encoding="utf-8"))
    question = ("How can OHCHR and the Human Rights Council take forward paragraphs 5, 6 and 7 of resolution 45/31 in "
                "a way to effectively contribute to the prevention of further violations and/or a deeper crises, and "
                "in a manner that provides useful ‘inputs’ into the deliberations of the Security Council?")
    assert question in text.split("\n\n")


# --- properties -------------------------------------------------------------------------

TOKENS = [*"abcXYZ019 .,:;-–•▪*()[]/\t\n\n\n\f\u00a0\u00adﬁ’\"", "http://x.org", "Page ", "www.", " 12", "@", "+44 ",
          "Photo/", "Contents", "T: ", "\n\n\n\n\n", "Council ", "the "]
NOISY = st.lists(st.sampled_from(TOKENS), max_size=150).map("".join)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü", min_size=1, max_size=12)
LINE = st.lists(WORD, min_size=1, max_size=12).map(" ".join).flatmap(
    lambda words: st.sampled_from(["", ".", ",", "?", ":"]).map(lambda end: words + end))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NOISY)
@example("T:  12\n\n\n\n\n 12 12")  # a number whole only once its lines are joined
def test_normalise_is_idempotent_and_never_raises(text: str):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(NOISY)
def test_output_shape(text: str):
    out = normalise(text)
    assert out == out.strip()
    assert "\n\n\n" not in out and "  " not in out and "\t" not in out and "\f" not in out
    assert all(p for p in out.split("\n\n")) or out == ""


def _chars(text: str) -> str:
    return re.sub(r"\s", "", text)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


@settings(max_examples=200, deadline=None)
@given(NOISY)
def test_nothing_is_invented(text: str):
    out = normalise(text).replace(MARKER, "")
    assert _is_subsequence(_chars(out), _chars(clean_characters(text)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n \n\n", "\n\n\n\n\n\n", "\f", "\n\t  \n"])),
                min_size=1, max_size=25, unique_by=lambda t: t[0].casefold()))
def test_no_text_is_lost_from_lines_of_words(lines: list[tuple[str, str]]):
    """Lines of words (no bullets, noise or contact details) keep every character but whitespace, but for runs of
    capitalised words taken for a person's name, which the name marker replaces."""
    text = "".join(line + sep for line, sep in lines)
    kept = _chars(normalise(text)).split(_chars(NAME_MARKER))
    removed = r"[A-Za-zéü]+"
    assert re.fullmatch(removed.join(re.escape(part) for part in kept), _chars(text))
