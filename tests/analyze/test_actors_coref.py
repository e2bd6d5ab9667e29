"""Actors and coreference on invented articles: names, titles, descriptors, pronouns, anonymity."""
import pytest

pytestmark = pytest.mark.model


def _entity(ctx, name):
    matches = [e for e in ctx.entities.entities if e.name == name]
    assert matches, f"{name!r} not among {[e.name for e in ctx.entities.entities]}"
    return matches[0]


def _mention_texts(entity):
    return [m.text for m in entity.mentions]


def test_actors_short_name_title_and_age_descriptor_join_the_full_name(analyzed):
    ctx = analyzed("Prime Minister Halvard Brenn visited the wounded on Sunday. "
                   "Brenn promised new funds for the hospital. The 64-year-old said he would return.")
    brenn = _entity(ctx, "Halvard Brenn")
    assert brenn.type == "person"
    assert brenn.title == "Prime Minister"
    assert _mention_texts(brenn) == ["Halvard Brenn", "Brenn", "The 64-year-old", "he"]


def test_actors_apposition_gives_title_and_mention(analyzed):
    ctx = analyzed("The attack was condemned by the defence minister, Ingrid Solberg, on Monday.")
    solberg = _entity(ctx, "Ingrid Solberg")
    assert "defence minister" in (solberg.title or "")
    assert "the defence minister" in _mention_texts(solberg)


def test_actors_anonymous_sources_resolve_to_no_entity(analyzed):
    text = "A senior official said the convoy was hit twice. Officials declined to give figures."
    ctx = analyzed(text)
    start = text.index("A senior official")
    assert ctx.entities.resolve(start, start + len("A senior official")) is None
    speaker = ctx.entities.speaker(start, start + len("A senior official"))
    assert speaker.anonymous and speaker.entity is None
    assert "Officials" in [m.text for m in ctx.entities.anonymous]


def test_actors_country_aliases_are_one_country(analyzed):
    ctx = analyzed("The U.S. said it would send aid. The United States also recalled its envoy.")
    us = _entity(ctx, "United States")
    assert us.type == "country"
    assert len(us.mentions) == 2


def test_actors_organisations_named_by_common_nouns(analyzed):
    ctx = analyzed("Police said the gunmen fled. The Estavian government announced an inquiry.")
    names = {e.name: e.type for e in ctx.entities.entities}
    assert names.get("Police") == "organization"
    assert any(n.endswith("government") and t == "organization" for n, t in names.items())


def test_actors_known_group_found_in_lower_case_text(analyzed):
    ctx = analyzed("the shining path claimed the bombing of the power pylon near the town.")
    groups = [e for e in ctx.entities.entities if e.type == "group"]
    assert groups and "shining path" in groups[0].mentions[0].text.lower()


def test_actors_pronoun_without_antecedent_stays_unresolved(analyzed):
    text = "He said the road was closed."
    ctx = analyzed(text)
    assert ctx.entities.resolve(0, 2) is None


def test_actors_apposition_title_stops_before_its_relative_clause(analyzed):
    ctx = analyzed("\"The roof fell in,\" said Wenna Orrin, a 40-year-old nurse who was on duty that night.")
    orrin = _entity(ctx, "Wenna Orrin")
    assert orrin.title == "nurse"


def test_actors_name_never_spans_a_line_break(analyzed):
    ctx = analyzed("Flood defences fail in Tellby\nArmed men later looted the shops, residents said.")
    assert all("\n" not in e.name for e in ctx.entities.entities)


def test_actors_portfolio_before_a_title_is_no_organisation(analyzed):
    ctx = analyzed("Interior Minister Dana Ruel visited the port on Monday.")
    assert [e.name for e in ctx.entities.entities] == ["Dana Ruel"]
    assert ctx.entities.entities[0].title == "Interior Minister"


def test_actors_surname_alone_joins_the_one_person_named_in_full(analyzed):
    # A transcript's speaker labels and surnames the NER leaves untagged are still that person;
    # "the Okonkwo campaign" names something else, and two people sharing a surname stay apart.
    text = ("Harbour commissioner Adaeze Okonkwo spoke to reporters after the blast at the Pellmoor docks.\n"
            "OKONKWO: We will rebuild the pier before the winter.\n"
            "A spokesman for the Okonkwo campaign declined to comment.")
    ctx = analyzed(text)
    okonkwo = _entity(ctx, "Adaeze Okonkwo")
    label = text.index("OKONKWO")
    assert ctx.entities.resolve(label, label + len("OKONKWO")) == okonkwo.id
    campaign = text.index("Okonkwo campaign")
    assert all(m.start != campaign for m in okonkwo.mentions)

    two = analyzed("Mayor Ilse Marten said the fire started at noon. Her brother, Joost Marten, said the bakery "
                   "burned in an hour.\nMARTEN: We lost everything.")
    label = two.text.index("MARTEN")
    assert two.entities.resolve(label, label + len("MARTEN")) is None


def test_actors_relative_pronoun_is_the_actor_its_clause_hangs_from(analyzed):
    text = ("The attack was condemned by Senator Rasmus Tollefsen, who said the guards had been warned. "
            "Fire crews reached the depot an hour later.")
    ctx = analyzed(text)
    who = text.index("who")
    assert ctx.entities.resolve(who, who + 3) == _entity(ctx, "Rasmus Tollefsen").id


def test_actors_surname_the_ner_calls_an_organisation_is_the_person(analyzed):
    # The NER tags the bare "Treadwell" as an ORG here: one person, not a person and an organisation.
    text = "Mayor Oona Treadwell spoke on Friday. Treadwell announced a curfew."
    ctx = analyzed(text)
    treadwell = _entity(ctx, "Oona Treadwell")
    at = text.index("Treadwell announced")
    assert ctx.entities.resolve(at, at + len("Treadwell")) == treadwell.id
    assert [e.name for e in ctx.entities.entities if e.type == "organization"] == []


def _ents_doc(words, pos, ents):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)


def test_actors_title_and_name_the_ner_read_as_one_organisation_is_a_person():
    from newsdossier.analyze.actors import _titled_name

    doc = _ents_doc(["Detective", "Inspector", "Tove", "Lundqvist", "said"],
                    ["PROPN", "PROPN", "PROPN", "PROPN", "VERB"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    name, title = _titled_name(doc.ents[0])
    assert (name.text, title.text) == ("Tove Lundqvist", "Detective Inspector")
    # names of places and institutions that open with a title stay organisations
    for words in (["Sheriff", "Harlan", "Detention", "Center"], ["King", "Harlan", "Moor"], ["Officer", "Kells"],
                  ["Officer", "Down", "Memorial", "Page"]):
        doc = _ents_doc(words, ["PROPN"] * len(words), ["B-ORG"] + ["I-ORG"] * (len(words) - 1))
        assert _titled_name(doc.ents[0]) is None, words


@pytest.mark.parametrize("sentence, word, role", [
    ("The economist said so.", "economist", True),
    ("The spokeswoman said so.", "spokeswoman", True),
    ("His wife said so.", "wife", True),
    ("The running mate said so.", "mate", True),
    ("The car was found.", "car", False),
    ("The photos were released.", "photos", False),
    ("The officers said so.", "officers", False),   # plural: no one person's title
    ("Ten percent said so.", "percent", False),
])
def test_actors_a_title_is_a_noun_for_a_person(analyzed, sentence, word, role):
    from newsdossier.analyze.actors import _role_noun

    tok = next(t for t in analyzed(sentence).doc if t.text == word)
    assert _role_noun(tok) is role


def test_actors_apposition_that_names_no_role_gives_no_title(analyzed):
    ctx = analyzed("Mara Lind, a shop owner, said the market was closed. "
                   "The report named Tomas Ek, photo archive, as the source.")
    assert _entity(ctx, "Mara Lind").title == "shop owner"
    ek = [e for e in ctx.entities.entities if e.name == "Tomas Ek"]
    assert not ek or ek[0].title in (None, "")


def test_actors_possessive_is_no_part_of_the_name(analyzed):
    ctx = analyzed("Halvard Brenn’s aides left early. Halvard Brenn's office said nothing. "
                   "Halvard Brenn spoke later.")
    names = [e.name for e in ctx.entities.entities if e.type == "person"]
    assert names == ["Halvard Brenn"]


def test_actors_trailing_punctuation_is_no_part_of_the_name(settings):
    from newsdossier.analyze.actors import find_actors
    from newsdossier.analyze.pipeline import load_pipeline

    nlp = load_pipeline(settings.model)
    doc = nlp("Then Maria Alvarez - the mayor - spoke in Tarvel.")
    # "Maria Alvarez -", as the NER sometimes reads a name before a dash
    doc.ents = [doc.char_span(5, 20, label="PERSON")]
    table = find_actors(doc)
    assert [a.name for a in table.actors if a.type == "person"] == ["Maria Alvarez"]


def test_actors_descriptor_must_share_the_title_capitalised_words(analyzed):
    ctx = analyzed("Democratic nominee Maria Alvarez spoke in Tarvel on Monday. Republican nominee John Petersen "
                   "spoke in Orsk. The Democratic nominee spoke first. The Republican nominee left early.")
    ruiz, ek = _entity(ctx, "Maria Alvarez"), _entity(ctx, "John Petersen")
    assert "The Democratic nominee" in _mention_texts(ruiz)
    assert "The Republican nominee" in _mention_texts(ek)
    # plural: no one person
    ctx = analyzed("Democratic nominee Maria Alvarez met voters in Tarvel. The nominees spoke later.")
    assert "The nominees" not in _mention_texts(_entity(ctx, "Maria Alvarez"))


def test_actors_middle_initial_is_the_same_person(analyzed):
    ctx = analyzed("Maria E. Alvarez spoke in Tarvel on Monday. Maria Alvarez said the bridge would reopen. "
                   "Alvarez left early.")
    names = [e.name for e in ctx.entities.entities if e.type == "person"]
    assert names == ["Maria E. Alvarez"]
    assert _mention_texts(_entity(ctx, "Maria E. Alvarez"))[:3] == ["Maria E. Alvarez", "Maria Alvarez", "Alvarez"]
