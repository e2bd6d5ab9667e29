"""Armed-group lexicon, span grouping and GTD categories: no model needed."""
import pytest

from newsdossier.extract.incidents import categories
from newsdossier.extract.incidents.roles.crf import ROLES, TaggedSpan
from newsdossier.extract.incidents.roles.grouping import group_spans, select
from newsdossier.extract.lexicon.groups import find_groups


@pytest.mark.parametrize("text,name", [
    ("ISIS-K said it carried out the raid", "Islamic State Khorasan"),
    ("a statement from islamic state khorasan province", "Islamic State Khorasan"),
    ("the fmln rebels retreated", "Farabundo Marti National Liberation Front"),
    ("Boko Haram fighters", "Boko Haram"),
    ("members of sendero luminoso", "Shining Path"),
    ("the Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
])
def test_fillers_groups_found(text, name):
    assert name in {n for _, _, n in find_groups(text)}


@pytest.mark.parametrize("text", ["this is far from over", "the base of the hill", "let it be"])
def test_fillers_groups_ordinary_words_not_found(text):
    assert find_groups(text) == []


def _span(text, phrase, role, conf=0.9, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return TaggedSpan(role=role, start=0, end=1, char_start=start, char_end=start + len(phrase),
                      confidence=conf, sentence=0)


def test_fillers_group_spans_merges_acronym_and_aliases():
    text = "rebels of the zarlo liberation front (zlf) burned a bus. the zlf later fled."
    spans = [_span(text, "zarlo liberation front", "PerpOrg"), _span(text, "zlf", "PerpOrg"),
             _span(text, "zlf", "PerpInd", 0.4, nth=1), _span(text, "bus", "Target")]
    cands = group_spans(text, spans)
    roles = sorted((c.role, len(c.mentions)) for c in cands)
    assert roles == [("PerpOrg", 3), ("Target", 1)]


def test_fillers_group_spans_keeps_different_names_apart():
    text = "the mayor and the judge were shot."
    cands = group_spans(text, [_span(text, "mayor", "Victim"), _span(text, "judge", "Victim")])
    assert len(cands) == 2


def test_fillers_select_drops_everything_when_no_incident():
    text = "the mayor was shot."
    cands = group_spans(text, [_span(text, "mayor", "Victim", 0.99)])
    config = {"doc_threshold": 0.5, "span_threshold": {r: 0.5 for r in ROLES}}
    assert select(cands, 0.2, config) == []
    assert len(select(cands, 0.9, config)) == 1
    assert select(cands, 0.9, {**config, "span_threshold": {"Victim": 0.999}}) == []


@pytest.mark.parametrize("texts,category", [
    (["two rifles"], "firearms"), (["a car bomb"], "explosives"), (["molotov cocktails"], "incendiary"),
    (["a machete"], "melee"), (["sarin gas"], "chemical"),
])
def test_fillers_weapon_categories(texts, category):
    assert categories.weapon_category(texts) == category


def test_fillers_weapon_category_from_context_verb():
    assert categories.weapon_category(["it"], "the men opened fire on the crowd") == "firearms"
    assert categories.weapon_category(["it"]) is None


@pytest.mark.parametrize("texts,category", [
    (["the embassy"], "government_diplomatic"), (["a power pylon"], "utilities"),
    (["the parish church"], "religious_figures_institutions"), (["police station"], "police"),
    (["the concert hall"], "business"),
])
def test_fillers_target_categories(texts, category):
    assert categories.target_category(texts) == category


def test_fillers_groups_alias_spelled_with_hyphen_or_space_and_cached_per_doc():
    import spacy

    from newsdossier.extract.lexicon.groups import groups_in

    # The word pre-filter must not hide an alias written with a hyphen where the lexicon has a
    # space (or the other way round), nor one with an apostrophe.
    assert {n for _, _, n in find_groups("fighters of al-Shabab and Al Shabaab")} == {"al-Shabaab"}
    assert {n for _, _, n in find_groups("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad said")} == {"Boko Haram"}
    doc = spacy.blank("en")("Boko Haram fighters raided Tarvel.")
    first = groups_in(doc)
    assert first == find_groups(doc.text) and groups_in(doc) is first
