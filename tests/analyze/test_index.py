"""Facts of a Doc listed once (text, sentences, entities) are the ones spaCy gives when asked."""
import pytest

from newsdossier.analyze import index

pytestmark = pytest.mark.model

TEXT = ("Gunmen attacked a checkpoint near Dorvik on Monday, officials said. Mara Lind, who runs a "
        "bakery in Tessane, heard the shots.\n\nThe Northern Front claimed responsibility on Tuesday "
        "in a statement sent to Reuters. Police in Marrowby arrested two men.")


def test_index_matches_spacy_on_every_token_and_sentence(analyzed):
    doc = analyzed(TEXT).doc
    assert index.text(doc) == doc.text
    for tok in doc:
        assert index.sentence(doc, tok.i) == tok.sent
        assert index.sentence_bounds(doc, tok.i) == (tok.sent.start, tok.sent.end)
    for sent in doc.sents:
        assert index.ents_in(sent) == list(sent.ents)
    for start in range(0, len(TEXT), 7):
        for end in (start + 5, start + 40, len(TEXT)):
            expected = [e for e in doc.ents if start <= e.start_char and e.end_char <= end]
            assert index.ents_between(doc, start, end) == expected
