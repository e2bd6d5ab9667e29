"""Organisations introduced by what they are ("the charity Bread for All") keep their whole name."""
import pytest

pytestmark = pytest.mark.model


def _actors(ctx):
    return {(e.name, e.type) for e in ctx.entities.entities}


@pytest.mark.parametrize("text, name, kind", [
    ("Armed men seized three nurses near Kelso on Sunday, the charity Bread and Water for All said.",
     "Bread and Water for All", "organization"),
    ("The aid group Nurses Without Frontiers said its clinic in Arlow was shelled overnight.",
     "Nurses Without Frontiers", "organization"),
    ("Staff of the charity Friends of the Marsh were among the wounded, officials said.",
     "Friends of the Marsh", "organization"),
    ("The militia Sons of the Marsh claimed the ambush in a message on Friday.",
     "Sons of the Marsh", "group"),
    ("He hired the firm Calder Brightwater to guard the depot.", "Calder Brightwater", "organization"),
])
def test_actors_described_organisation_keeps_its_whole_name(analyzed, text, name, kind):
    actors = _actors(analyzed(text))
    assert (name, kind) in actors, actors
    first_word = name.split()[0]
    assert (first_word, "person") not in actors


def test_actors_described_name_stops_at_places_and_days(analyzed):
    actors = _actors(analyzed("Officials of the charity Hope for Tomorrow in Kelso said on Monday that two died."))
    assert ("Hope for Tomorrow", "organization") in actors, actors


@pytest.mark.parametrize("text", [
    # The name begins a clause of its own, not the party's name.
    "He spoke at a party Tobias Renn attended.",
    # A title and a person's name after the noun are no organisation.
    "The committee Chairman Tobias Renn said the inquiry would go on.",
    "The company CEO Tobias Renn said sales fell.",
])
def test_actors_described_name_not_taken_from_a_person(analyzed, text):
    actors = _actors(analyzed(text))
    assert ("Tobias Renn", "person") in actors, actors
    assert not any(kind == "organization" and "Renn" in name for name, kind in actors), actors
