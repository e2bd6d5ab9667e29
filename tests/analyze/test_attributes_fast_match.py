"""The attribute ruler's fast matcher finds exactly what spaCy's Matcher finds, and leaves alone a
ruler with patterns of a kind it does not handle."""
import pytest
import spacy
from spacy.pipeline import AttributeRuler

from newsdossier.analyze.attributes import FastMatch

pytestmark = pytest.mark.model

# Written for this test: contractions, "gon na", auxiliaries, pronouns as subjects and objects,
# expletive "there", determiners standing alone, line breaks and odd spacing.
TEXT = ("Y'all ain't gonna believe it: I told him it was over, and he said \"you did it\" twice.\n\n"
        "There were three guards at the gate;  that was all.  Let's go, c'mon!  Which did they pick?\n"
        "The mayor hasn't said whether she'd have done it.   It is what it is, I guess.\n")


@pytest.fixture(scope="module")
def nlp(settings):
    return spacy.load(settings.model)


def test_fast_match_equals_the_matcher_on_written_text(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastMatch.build(ruler)
    assert fast is not None
    doc = nlp(TEXT, disable=["attribute_ruler", "lemmatizer", "ner"])
    expected = AttributeRuler.match(ruler, doc)
    assert fast(doc) == expected
    assert len(expected) >= len(doc)  # every token's tag maps to its POS


def test_fast_match_gives_way_to_patterns_it_does_not_handle(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "gunmen", "OP": "+"}]], {"POS": "NOUN"})
    assert FastMatch.build(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert FastMatch.build(ruler) is None
