"""Noun chunks per span from the Doc's chunks listed once: the same chunks spaCy's own property gives."""
import pytest

from newsdossier.analyze.chunks import noun_chunks


@pytest.mark.model
def test_chunks_match_spacys_per_sentence_and_per_span(analyzed):
    doc = analyzed("Gunmen in two trucks attacked the old market in Tarvel on Monday. "
                   "The police chief said the attackers fled north. Nobody has claimed the raid.").doc
    for sent in doc.sents:
        assert [(c.start, c.end) for c in noun_chunks(sent)] == [(c.start, c.end) for c in sent.noun_chunks]
    part = doc[3:12]
    assert [(c.start, c.end) for c in noun_chunks(part)] == [(c.start, c.end) for c in part.noun_chunks]


def test_chunks_of_an_unparsed_doc_are_none():
    import spacy

    doc = spacy.blank("en")("A text with no parse at all.")
    assert noun_chunks(doc[0:4]) == []
