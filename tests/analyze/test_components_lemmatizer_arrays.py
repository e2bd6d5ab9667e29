"""`nlp.pipe` lemmatises through arrays and the rules test known words by set look-up; the lemmas
are spaCy's own, on words seen before and on new ones."""
import pytest
import spacy

from newsdossier.analyze import components

pytestmark = pytest.mark.model

TEXTS = [
    "The guards weren't running when the gunmen fired; two officers died and the others hid.",
    "She's said the better plans were the best ones, and the children's toys lay broken by the geese.",
    "",
    "Quarrymen flenched the glimmering wharves while the oxen's yokes creaked.",  # rare words: the rules
    "They'd gone. The guards were running again, and the gunmen fired again.",  # seen before: the cache
]


@pytest.fixture(scope="module")
def pipelines(settings):
    plain = spacy.load(settings.model)
    fast = spacy.load(settings.model)
    components.memoize_lemmatizer(fast)
    return plain, fast


def test_piped_lemmas_are_spacys(pipelines):
    plain, fast = pipelines
    for _ in range(2):  # cold, then every key from the cache
        assert ([[t.lemma_ for t in d] for d in fast.pipe(TEXTS)]
                == [[t.lemma_ for t in d] for d in plain.pipe(TEXTS)])
    # One Doc through the component itself takes the ordinary path, with the same lemmas.
    assert [t.lemma_ for t in fast(TEXTS[3])] == [t.lemma_ for t in plain(TEXTS[3])]


def test_a_lemma_set_before_the_lemmatizer_is_kept(pipelines):
    _, fast = pipelines
    doc = fast.make_doc("The gunmen fired twice.")
    for name, proc in fast.pipeline:
        if name == "lemmatizer":
            doc[1].lemma_ = "GUNMAN-SET-EARLIER"  # as the attribute ruler may set one
            lemmatizer = proc
            doc = next(lemmatizer.pipe([doc]))
        else:
            doc = proc(doc)
    assert doc[1].lemma_ == "GUNMAN-SET-EARLIER" and doc[2].lemma_ == "fire"


def test_index_lists_answer_in_by_set_with_the_same_answers(pipelines):
    _, fast = pipelines
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns = index["noun"]
    assert isinstance(nouns, list) and isinstance(nouns, components._Members)
    assert len(nouns) > 1000 and all(word in nouns for word in nouns[:50])  # still spaCy's list
    members = components._Members(["goose", "ox", "wharf"])
    assert "ox" in members and "oxen" not in members and list(members) == ["goose", "ox", "wharf"]
