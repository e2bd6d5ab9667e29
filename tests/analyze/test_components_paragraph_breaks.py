"""A blank line always starts a sentence; a single line break inside wrapped text does not."""
import pytest

from newsdossier.analyze.pipeline import load_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(settings):
    return load_pipeline(settings.model)


@pytest.mark.parametrize("headline", [
    "Aid convoy ambushed near Kelso",
    "Police say two held after depot fire",
    "Bomb kills 9 at bus station in Arlow",
])
def test_paragraph_break_ends_a_headline_without_full_stop(nlp, headline):
    doc = nlp(headline + "\n\nGunmen fired on the convoy on Tuesday, the charity said.")
    first = next(iter(doc.sents))
    assert first.text.strip() == headline


def test_single_line_break_in_wrapped_text_does_not_split(nlp):
    doc = nlp("Gunmen fired on the convoy near the old mill on\nTuesday evening, the charity said.")
    assert len(list(doc.sents)) == 1
