"""A fatal word the sentence denies ("non-fatal injuries", "none fatally") makes nobody dead."""
import pytest
from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    ("A 30-year-old man was killed at the Harlow diner, while five others were hit none fatally.", (1, 5)),
    ("Two women suffered non-fatal injuries in the shooting.", (0, 2)),
    ("Two brothers were fatally shot outside the Harlow diner.", (2, 0)),
])
def test_denied_fatal_words(analyzed, text, expected):
    assert counts(analyzed, text) == expected
