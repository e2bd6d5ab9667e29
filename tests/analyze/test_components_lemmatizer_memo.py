"""The memoised lemmatizer gives the lemmas spaCy's own gives, and remembers base forms too."""
import pytest
import spacy

from newsdossier.analyze import components

pytestmark = pytest.mark.model

TEXT = ("The guards were running when the gunmen fired; two officers died and the others hid. "
        "She has said the better plan was the best one, and the children's toys were broken.")


def test_memoized_lemmas_equal_spacys_and_fill_its_cache(settings):
    plain = spacy.load(settings.model)
    fast = spacy.load(settings.model)
    components.memoize_lemmatizer(fast)
    components.memoize_lemmatizer(fast)  # twice is once
    lemmatizer = fast.get_pipe("lemmatizer")
    for _ in range(2):  # the second time every lemma comes from the cache
        assert [t.lemma_ for t in fast(TEXT)] == [t.lemma_ for t in plain(TEXT)]
    # Singular nouns are base forms, which spaCy's own cache never holds.
    nouns = {t.orth for t in fast(TEXT) if t.pos_ == "NOUN" and t.tag_ == "NN"}
    assert nouns and nouns <= {key[0] for key in lemmatizer.cache}
