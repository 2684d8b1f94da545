"""redact(): contact details and private individuals' names go; public officials in the body text stay."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prevgraph.loaders.normalise import normalise
from prevgraph.loaders.redact import MARKER, redact

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
WILTON = CORPUS / "2020-01-wilton-park-wp1725-concept-note.txt"
PREVGRAPH = Path(sys.executable).with_name("prevgraph")

# The test's own detectors, independent of the production patterns.
EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_LIKE = re.compile(r"(?:\+|\b00)\d[\d\s().-]{6,}\d|\(0\)\s*\d|\b0\d{3,4}[\s.-]?\d{5,6}\b")

LABEL = st.sampled_from(["a", "jo", "jane.doe", "j_smith", "info", "first.last+un", "x-y.z9"])
DOMAIN = st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True), min_size=1, max_size=3)
EMAILS = st.builds(lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
                   LABEL, DOMAIN, st.sampled_from(["org", "int", "ch", "org.uk", "gov", "museum"]))
GROUPS = st.lists(st.integers(10, 9999).map(str), min_size=2, max_size=4)
SEPARATOR = st.sampled_from([" ", "-", ".", " "])
INTERNATIONAL = st.builds(
    lambda prefix, country, trunk, sep, groups: f"{prefix}{country}{trunk}{sep}{sep.join(groups)}",
    st.sampled_from(["+", "00"]), st.integers(1, 998).map(str), st.sampled_from(["", " (0)"]), SEPARATOR,
    GROUPS.filter(lambda g: sum(map(len, g)) >= 7))
NATIONAL = st.builds(lambda area, sep, groups: f"0{area}{sep}{sep.join(groups)}",
                     st.integers(10, 9999).map(str), SEPARATOR,
                     st.lists(st.integers(100, 9999).map(str), min_size=2, max_size=3))
LABELLED = st.builds(lambda label, number: f"{label} {number}",
                     st.sampled_from(["T:", "Tel.", "Tel:", "Telephone:", "Phone", "Fax:", "F:", "Mobile:", "M:"]),
                     st.from_regex(r"\+?\d{2,4}[ ]\d{3,4}[ ]\d{3,4}", fullmatch=True))


@settings(max_examples=200, deadline=None)
@given(EMAILS, st.sampled_from(["Write to {} for the programme.", "{}", "E: {}", "Email: <{}>", "({})"]))
def test_email_addresses_are_removed(email: str, shape: str):
    out = redact(shape.format(email))
    assert email not in out and "@" not in out
    assert MARKER in out


@settings(max_examples=200, deadline=None)
@given(st.one_of(INTERNATIONAL, NATIONAL, LABELLED),
       st.sampled_from(["Call {} for details.", "{}", "Switchboard: {}", "Delegation office ({})"]))
def test_telephone_numbers_are_removed(number: str, shape: str):
    out = redact(shape.format(number))
    assert MARKER in out
    assert sum(c.isdigit() for c in out) <= 2, out  # at most a stray country code or label digit survives


def test_numbers_written_back_to_back_are_all_removed():
    assert not any(ch.isdigit() for ch in redact("Call +44 1903 81+44 1903 82 or 0041 22 917 9000/0041 22 917 9001"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"aZ9 .:@+()-\n", "T: ", "E: ", "Contact: ", "Jane Doe", "+44 1903 81",
                                  "Kind regards,", "x@y.org"]), max_size=80).map("".join))
def test_redact_is_idempotent(text: str):
    once = redact(text)
    assert redact(once) == once


CONTACT_BLOCKS = [
    ("role, name, then T: and E: lines",
     "Enquiries about the programme to:\n\nProgramme Director, Jane Example\nT: +44 (0) 01234 817699\n"
     "E: jane.example@example.org.uk\n\nPolicy Team, John Sample\nT: +44 (0) 01234 817713\nE: john@example.org.uk",
     ["Jane Example", "John Sample"]),
    ("name, role and organisation above Tel. and Email lines",
     "For more information:\n\nDr Maria Muster\nSenior Programme Officer\nExample Institute\n"
     "Tel. +41 22 917 90 00\nEmail: m.muster@example.ch\n", ["Maria Muster", "Senior Programme Officer"]),
    ("the same block in double-spaced PDF text",
     "Contacts \n\n  \n\nHead of Unit, Pierre Exemple \n\nTel: 022 917 12 34 \n\nFax: 022 917 12 35 \n\n",
     ["Pierre Exemple"]),
    ("Contact: and a name", "Contact: Ms Anna Beispiel (anna@example.org)\n", ["Anna Beispiel"]),
    ("Focal point: and a name", "Focal point: Dr. Juan Ejemplo, Political Affairs\n", ["Juan Ejemplo"]),
    ("please contact a name", "For registration please contact Maria van der Beispiel at the secretariat.",
     ["van der Beispiel"]),
    ("a signature block", "We look forward to your participation.\n\nKind regards,\n\nJane Example\n"
     "Programme Director\n", ["Jane Example"]),
    ("a signature on the valediction's line", "Yours sincerely, John Sample\n", ["John Sample"]),
    ("a name beside its address", "Jane Example <jane.example@example.org>\n", ["Jane Example"]),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in CONTACT_BLOCKS], ids=[c[0] for c in CONTACT_BLOCKS])
def test_contact_blocks_lose_names_and_details(text: str, names: list[str]):
    out = redact(text)
    for name in names:
        assert name not in out
    assert not EMAIL_LIKE.search(out) and not PHONE_LIKE.search(out)
    assert MARKER in out
    assert normalise(text) == normalise(out)  # normalise redacts too


@pytest.mark.parametrize("text", [
    "These words from Secretary-General António Guterres describe the link.",
    "During the 73rd Session the High Commissioner for Human Rights, Michelle Bachelet, echoed these sentiments.",
    "Volker Türk, United Nations High Commissioner for Human Rights, addressed the Council.",
    "See A/73/890–S/2019/448, p.3, resolution S/RES/2282 (2016) and A/HRC/RES/45/31 of 6 October 2020.",
    "The Security Council has a budget for 522 meetings; the limit of 1.5/2 years; 19/Oct/2006; 3-6 months.",
    "Wednesday 15 – Friday 17 January 2020 | WP1725; 232 of them; 71 states; 2021-2023.",
    "The meeting of 01.02.2020 and that of 03-04-2021 were postponed to 05 06 2022.",
    "The Contact Group on Piracy met. The Council may contact States concerned.",
    "Regards to the principle of non-attribution, the meeting was off the record.",
])
def test_public_officials_and_numbers_that_are_no_phones_stay(text: str):
    assert redact(text) == text


def _staff_of(seed: str) -> list[str]:
    """The names in the seed's contact block: the line before each "T:" line, after its role and comma."""
    lines = seed.splitlines()
    return [lines[i - 1].rsplit(",", 1)[-1].strip() for i, line in enumerate(lines) if line.startswith("T:")]


def test_the_wilton_park_contacts_never_reach_the_store_or_an_export(tmp_path: Path):
    seed = WILTON.read_text(encoding="utf-8")
    names = _staff_of(seed)
    assert len(names) == 3 and all(" " in n for n in names)
    assert EMAIL_LIKE.search(seed) and PHONE_LIKE.search(seed)  # the detectors see what the seed holds
    store = tmp_path / "graph.db"
    env = {k: v for k, v in os.environ.items() if k != "PREVGRAPH_STORE"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(PREVGRAPH), "--store", str(store), *args], capture_output=True, text=True,
                              timeout=300, env=env, check=True)

    run("load", str(WILTON))
    for fmt in ("json", "graphml", "gexf"):
        exported = run("export", "--format", fmt).stdout
        assert "Wilton Park" in exported  # the document's text is there ...
        assert not EMAIL_LIKE.search(exported), fmt  # ... its contact details are not
        assert not PHONE_LIKE.search(exported), fmt
        for name in names:
            assert name not in exported and name.split()[-1] not in exported, (fmt, name)
