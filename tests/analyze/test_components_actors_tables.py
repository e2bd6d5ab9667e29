"""The actors component loads its look-up tables when it is added to a pipeline, not on the first
article that names a person."""
import spacy

from newsdossier.analyze import components  # noqa: F401 - registers the factories
from newsdossier.extract.lexicon import countries


def test_adding_the_component_loads_the_city_list():
    countries._big_places.cache_clear()
    nlp = spacy.blank("en")
    nlp.add_pipe("newsdossier_actors")
    assert countries._big_places.cache_info().currsize == 1
    # Loaded once: asking again finds it there.
    assert countries.is_place("Kyiv")
    assert countries._big_places.cache_info().misses == 1
