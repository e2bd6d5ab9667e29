"""A person named by age alone ("a 3-year-old") joined to a counted group adds one to it; ages that
describe the counted people after a comma add nobody."""
import pytest
from casualty_helpers import counts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,expected", [
    ("Three adults and a 3-year-old were struck by gunfire at a Tolland cookout late on Monday.", (0, 4)),
    ("Two men and a 15-year-old were wounded when gunfire broke out at the Pinder fairground.", (0, 3)),
    ("Two children, a four year and a seven year old, were hurt by stray bullets in Ardley.", (0, 2)),
])
def test_age_conjuncts(analyzed, text, expected):
    assert counts(analyzed, text) == expected
