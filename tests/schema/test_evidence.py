"""Evidence records: the matched span that displays cut around, and the stored shape without one."""

import pytest
from pydantic import ValidationError

from prevgraph.schema.records import Evidence

SENTENCE = dict(document="document:note", quote="The Chair declined to brief the Council.", start=100, end=140,
                rule="test")


def test_a_span_inside_the_quote_is_kept_and_round_trips_through_json():
    evidence = Evidence(**SENTENCE, match_start=110, match_end=130)
    assert Evidence.model_validate_json(evidence.model_dump_json()) == evidence


def test_evidence_without_a_span_is_dumped_in_its_old_shape():
    assert set(Evidence(**SENTENCE).model_dump()) == {"document", "quote", "start", "end", "rule"}


@pytest.mark.parametrize("span", [(90, 120), (120, 150), (130, 120)])
def test_a_span_outside_its_quote_or_reversed_is_refused(span):
    with pytest.raises(ValidationError, match="match"):
        Evidence(**SENTENCE, match_start=span[0], match_end=span[1])


def test_a_span_needs_both_ends():
    with pytest.raises(ValidationError, match="together"):
        Evidence(**SENTENCE, match_start=110)
