"""Incident places geocoded offline: city in the attack sentence, disambiguation, venue, no invention."""
import pytest

from newsdossier.extract.incidents.places import gazetteer, incident_location

pytestmark = pytest.mark.model


def loc(analyzed, text):
    return incident_location(analyzed(text, "2025-06-14"), 0, len(text))


def test_gazetteer_loads_once():
    assert gazetteer() is gazetteer()
    assert gazetteer().countries["france"]["iso"] == "FR"


def test_city_in_attack_sentence_with_venue(analyzed):
    out = loc(analyzed, "Officials in Paris condemned the violence. Gunmen stormed the Larkspur concert hall "
                        "in Lyon on Friday and opened fire on the crowd.")
    assert (out.city, out.country, out.country_code) == ("Lyon", "France", "FR")
    assert out.lat is not None and out.lon is not None and out.geonames_id
    assert out.venue == "the Larkspur concert hall"


def test_us_city_with_state(analyzed):
    out = loc(analyzed, "A man was shot and killed Sunday night in Springfield, Illinois, police said.")
    assert (out.city, out.region, out.country_code) == ("Springfield", "Illinois", "US")
    assert 39 < out.lat < 40.5


def test_country_in_article_disambiguates(analyzed):
    out = loc(analyzed, "A gunman wounded two clerks at a feed store in Paris on Monday. Texas police said "
                        "he escaped on foot.")
    assert out.country_code == "US" and out.region == "Texas"


def test_country_only(analyzed):
    out = loc(analyzed, "A car bomb killed seven soldiers in Somalia on Tuesday.")
    assert (out.country, out.country_code, out.city) == ("Somalia", "SO", None)


def test_unknown_place_is_not_invented(analyzed):
    out = loc(analyzed, "Gunmen attacked a wedding in Qorvantu village on Saturday, killing four guests.")
    if out is not None:
        assert out.lat is None and out.country_code is None and out.geonames_id is None


def test_no_place(analyzed):
    assert loc(analyzed, "The 45-year-old was treated for a cut to his hand.") is None


def test_dateline_names_the_city(analyzed):
    out = loc(analyzed, "SPRINGFIELD, Ill. (AP) — A man was shot in the Harbor View neighborhood on Monday, "
                        "police said.")
    assert (out.city, out.region, out.country_code) == ("Springfield", "Illinois", "US")


def test_where_a_victim_died_or_was_treated_is_no_venue(analyzed):
    # The hospital is where the victim was cared for, not where he was shot. An attack on a clinic
    # keeps the clinic.
    out = loc(analyzed, "A man shot in Lyon on Friday night died at the hospital two hours later.")
    assert out is None or out.venue is None
    out = loc(analyzed, "Gunmen opened fire at the Verlaine clinic in Lyon on Friday, wounding two nurses.")
    assert out.venue == "the Verlaine clinic"


def test_a_town_the_gazetteer_lacks_is_kept_by_name(analyzed):
    # "in Varnholt" is where the bombs went off: kept as the town, with nothing guessed about it
    out = loc(analyzed, "Two bombs exploded at the central railway station in Varnholt on Tuesday, killing "
                        "five people, the health ministry said.")
    assert (out.name, out.city, out.venue) == ("Varnholt", "Varnholt", "the central railway station")
    assert out.country is None and out.country_code is None and out.lat is None and out.geonames_id is None
    assert out.precision is None and out.evidence[0].text == "Varnholt"
    # a place the article only mentions is no incident place
    out = loc(analyzed, "The minister, who had just returned from Varnholt, said five people were killed when "
                        "two bombs exploded at the central railway station on Tuesday.")
    assert out is None or out.city is None
