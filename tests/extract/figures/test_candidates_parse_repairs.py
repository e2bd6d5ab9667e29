"""Casualty rules that repair a parse gone wrong, on hand-built parses (no model needed)."""
import spacy
from spacy.tokens import Doc, Span as SpacySpan

from newsdossier.extract.context import Context
from newsdossier.extract.figures import incident_figures
from newsdossier.records import Article
from newsdossier.settings import Settings


def _doc(rows):
    """rows: (word, lemma, pos, tag, dep, head index, entity label or '')."""
    nlp = spacy.blank("en")
    words = [r[0] for r in rows]
    spaces = [not w.isspace() and not (i + 1 < len(words) and words[i + 1].isspace()) for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces[:-1] + [False],
              lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], tags=[r[3] for r in rows],
              deps=[r[4] for r in rows], heads=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [SpacySpan(doc, i, i + 1, label=r[6]) for i, r in enumerate(rows) if r[6]]
    return doc


def _counts(doc):
    ctx = Context(article=Article(id="t", source="t", text=doc.text, published="2025-06-14"),
                  doc=doc, settings=Settings())
    figs = incident_figures(ctx, 0, len(doc.text))
    pt = lambda f: 0 if f is None or f.min is None else f.min
    return pt(figs.killed), pt(figs.injured)


def test_a_dateline_parsed_as_the_subject_gives_way_to_the_person_in_apposition():
    # "Brisk - A cashier hurt on Friday died Monday", with the dateline read as the subject
    doc = _doc([
        ("Brisk", "Brisk", "PROPN", "NNP", "nsubj", 7, "GPE"),
        ("-", "-", "PUNCT", ":", "punct", 0, ""),
        ("A", "a", "DET", "DT", "det", 3, ""),
        ("cashier", "cashier", "NOUN", "NN", "appos", 0, ""),
        ("hurt", "hurt", "VERB", "VBN", "acl", 3, ""),
        ("on", "on", "ADP", "IN", "prep", 4, ""),
        ("Friday", "Friday", "PROPN", "NNP", "pobj", 5, "DATE"),
        ("died", "die", "VERB", "VBD", "ROOT", 7, ""),
        ("Monday", "Monday", "PROPN", "NNP", "npadvmod", 7, "DATE"),
        (".", ".", "PUNCT", ".", "punct", 7, ""),
    ])
    assert _counts(doc) == (1, 0)


def test_bare_numbers_joined_to_a_counted_noun_are_ages():
    # "Two cousins, one 19 and the other 22, were hurt", the ages parsed as conjuncts
    doc = _doc([
        ("Two", "two", "NUM", "CD", "nummod", 1, "CARDINAL"),
        ("cousins", "cousin", "NOUN", "NNS", "nsubjpass", 11, ""),
        (",", ",", "PUNCT", ",", "punct", 1, ""),
        ("one", "one", "NUM", "CD", "nummod", 4, ""),
        ("19", "19", "NUM", "CD", "conj", 1, "CARDINAL"),
        ("and", "and", "CCONJ", "CC", "cc", 4, ""),
        ("the", "the", "DET", "DT", "det", 8, ""),
        ("other", "other", "ADJ", "JJ", "amod", 8, ""),
        ("22", "22", "NUM", "CD", "conj", 4, "CARDINAL"),
        (",", ",", "PUNCT", ",", "punct", 1, ""),
        ("were", "be", "AUX", "VBD", "auxpass", 11, ""),
        ("hurt", "hurt", "VERB", "VBN", "ROOT", 11, ""),
        (".", ".", "PUNCT", ".", "punct", 11, ""),
    ])
    assert _counts(doc) == (0, 2)


def test_a_list_of_headlines_joined_as_conjuncts_counts_once():
    # "Police killed a man" / "+ Man shot ..." with the next line's noun parsed as a conjunct
    doc = _doc([
        ("Police", "police", "NOUN", "NNS", "nsubj", 1, ""),
        ("killed", "kill", "VERB", "VBD", "ROOT", 1, ""),
        ("a", "a", "DET", "DT", "det", 3, ""),
        ("man", "man", "NOUN", "NN", "dobj", 1, ""),
        ("\n\n", "\n\n", "SPACE", "_SP", "dep", 3, ""),
        ("+", "+", "PUNCT", "NFP", "punct", 6, ""),
        ("Man", "man", "NOUN", "NN", "conj", 3, ""),
        ("identified", "identify", "VERB", "VBN", "acl", 6, ""),
    ])
    assert _counts(doc)[0] == 1


def test_playing_dead_is_no_death():
    doc = _doc([
        ("A", "a", "DET", "DT", "det", 1, ""),
        ("woman", "woman", "NOUN", "NN", "nsubj", 2, ""),
        ("played", "play", "VERB", "VBD", "ROOT", 2, ""),
        ("dead", "dead", "ADJ", "JJ", "oprd", 2, ""),
        ("to", "to", "PART", "TO", "aux", 5, ""),
        ("survive", "survive", "VERB", "VB", "advcl", 2, ""),
        (".", ".", "PUNCT", ".", "punct", 2, ""),
    ])
    assert _counts(doc)[0] == 0


def test_a_subject_hung_on_an_earlier_preposition_is_the_noun_before_the_auxiliary():
    # "... after midnight / Lena Ortz of Pell was declared dead", 'Ortz' parsed as the object
    # of 'after'
    doc = _doc([
        ("It", "it", "PRON", "PRP", "nsubj", 1, ""),
        ("ended", "end", "VERB", "VBD", "ROOT", 1, ""),
        ("after", "after", "ADP", "IN", "prep", 1, ""),
        ("Lena", "Lena", "PROPN", "NNP", "compound", 4, "PERSON"),
        ("Ortz", "Ortz", "PROPN", "NNP", "pobj", 2, "PERSON"),
        ("of", "of", "ADP", "IN", "prep", 4, ""),
        ("Pell", "Pell", "PROPN", "NNP", "pobj", 5, "GPE"),
        ("was", "be", "AUX", "VBD", "auxpass", 8, ""),
        ("declared", "declare", "VERB", "VBN", "conj", 1, ""),
        ("dead", "dead", "ADJ", "JJ", "oprd", 8, ""),
        (".", ".", "PUNCT", ".", "punct", 1, ""),
    ])
    assert _counts(doc)[0] == 1
