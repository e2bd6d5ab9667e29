"""`csv-acled`: one row per dossier in ACLED's 31 columns and codes.

- `event_type` / `sub_event_type` / `disorder_type` come from the attack types and what the record
  says of targets and weapons, by the table `EVENT_TYPES` (first row that fits wins, so an
  abduction during an armed assault is coded as the abduction, a bombing as the explosion);
- `time_precision`: 1 a day, 2 a week (the middle day coded), 3 a month or a year (the middle day
  coded); `geo_precision`: 1 a town, 2 a region, 3 only the country (from the place's `precision`);
- actors: the perpetrator group, or "Unidentified Armed Group (Country)" as ACLED names unknown
  attackers, coded 3 (ACLED's code for armed groups whose aims are not known); the other side is
  the police or military of the country when the targets are (code 1), else civilians (code 7);
  `interaction` is the two codes, the smaller first (37), or the one code times ten (30);
- `iso` is ISO 3166 numeric, `region` ACLED's region of the country (`REGIONS`);
- `fatalities` is the lower bound of the killed count, 0 when no source gives one (ACLED's rule);
- `source` the sites of the dossier's articles; `source_scale` and `tags` stay empty: nothing in
  a news article says them and a guess would be worse than a gap;
- `timestamp` the Unix time of the dossier's latest article (the row's content changes with it);
- `event_id_cnty` the ISO alpha-3 code and a number from the dossier id, so it is stable.
"""
from __future__ import annotations

import csv
import datetime as dt
import zlib
from typing import Optional
from urllib.parse import urlsplit

from .api import Source, Target, period
from .flat import FlatDossier, country_by_code

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# (attack type, condition, disorder_type, event_type, sub_event_type). Conditions: "suicide" (a
# suicide attacker is named), "grenade" (the weapon is a grenade), "armed" (police or military
# are the target), "any".
EVENT_TYPES = (
    ("bombing_explosion", "suicide", "Political violence", "Explosions/Remote violence", "Suicide bomb"),
    ("bombing_explosion", "grenade", "Political violence", "Explosions/Remote violence", "Grenade"),
    ("bombing_explosion", "any", "Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("hostage_taking_kidnapping", "any", "Political violence", "Violence against civilians", "Abduction/forced disappearance"),
    ("hostage_taking_barricade", "any", "Political violence", "Violence against civilians", "Abduction/forced disappearance"),
    ("hijacking", "any", "Political violence", "Violence against civilians", "Abduction/forced disappearance"),
    ("armed_assault", "armed", "Political violence", "Battles", "Armed clash"),
    ("armed_assault", "any", "Political violence", "Violence against civilians", "Attack"),
    ("assassination", "any", "Political violence", "Violence against civilians", "Attack"),
    ("unarmed_assault", "any", "Political violence", "Violence against civilians", "Attack"),
    ("facility_infrastructure_attack", "any", "Strategic developments", "Strategic developments", "Looting/property destruction"),
    ("unknown", "any", "Political violence", "Violence against civilians", "Attack"),
)

STATE_FORCES, POLITICAL_MILITIA, CIVILIANS = 1, 3, 7

# ACLED's regions, by ISO 3166 alpha-2 code of the country.
REGIONS_BY_NAME = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Southern Africa": "BW LS NA ZA SZ",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO "
              "PL PT RO RU SM RS SK SI ES SE CH UA GB VA FO GI GG IM JE AX SJ",
    "North America": "US CA GL BM PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF",
    "Antarctica": "AQ BV HM",
}
REGIONS = {code: region for region, codes in REGIONS_BY_NAME.items() for code in codes.split()}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"town": 1, "region": 2, "country": 3}


def _condition_holds(condition: str, flat: FlatDossier) -> bool:
    words = " ".join((*flat.weapons, *flat.perpetrator_individuals, *flat.claim_texts)).lower()
    if condition == "suicide":
        return "suicide" in words
    if condition == "grenade":
        return "grenade" in " ".join(flat.weapons).lower()
    if condition == "armed":
        return bool({"police", "military"} & set(flat.target_categories))
    return True


def event_type(flat: FlatDossier) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) by the first row of EVENT_TYPES that fits."""
    types = set(flat.types) or {"unknown"}
    for attack, condition, disorder, event, sub in EVENT_TYPES:
        if attack in types and _condition_holds(condition, flat):
            return disorder, event, sub
    return EVENT_TYPES[-1][2:]


def event_id(flat: FlatDossier, iso3: Optional[str]) -> str:
    """ISO alpha-3 code (XXX when unknown) and a number taken from the dossier id."""
    try:
        number = int(flat.id.lstrip("d"), 16)
    except ValueError:
        number = zlib.crc32(flat.id.encode("utf-8"))
    return f"{iso3 or 'XXX'}{number}"


def _event_date(flat: FlatDossier) -> tuple[str, object, object]:
    start, end = period(flat.date, flat.date_precision)
    if start is None:
        return "", "", ""
    middle = start + (end - start) // 2
    return middle.isoformat(), middle.year, TIME_PRECISION[flat.date_precision]


def _actors(flat: FlatDossier, country: str) -> dict:
    where = f" ({country})" if country else ""
    actor1 = flat.perpetrators[0] if flat.perpetrators else f"Unidentified Armed Group{where}"
    cats = set(flat.target_categories)
    if "police" in cats:
        actor2, inter2 = f"Police Forces of {country}" if country else "Police Forces", STATE_FORCES
    elif "military" in cats:
        actor2, inter2 = f"Military Forces of {country}" if country else "Military Forces", STATE_FORCES
    elif flat.targets or flat.victims or flat.killed or flat.injured:
        actor2, inter2 = f"Civilians{where}", CIVILIANS
    else:
        actor2, inter2 = "", None
    inter1 = POLITICAL_MILITIA
    interaction = inter1 * 10 if inter2 is None else int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    return {"actor1": actor1, "assoc_actor_1": "; ".join(flat.perpetrators[1:]), "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": "", "inter2": "" if inter2 is None else inter2,
            "interaction": interaction}


def _sites(heads: dict, ids) -> str:
    sites = []
    for a in ids:
        head = heads.get(a)
        site = head.site if head is not None else None
        if not site and head is not None and head.url:
            site = urlsplit(head.url).hostname
        if site and site not in sites:
            sites.append(site)
    return "; ".join(sites)


def _timestamp(flat: FlatDossier) -> object:
    try:
        day = dt.date.fromisoformat((flat.last_published or "")[:10])
    except ValueError:
        return ""
    return int(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc).timestamp())


def row(flat: FlatDossier, sources: str = "") -> dict:
    """The ACLED row of one dossier (`sources`: the sites of its articles, "; "-separated)."""
    country = country_by_code(flat.country_code)
    name = flat.country or (country.name if country else "")
    disorder, event, sub = event_type(flat)
    date, year, time_precision = _event_date(flat)
    actors = _actors(flat, name)
    return {
        "event_id_cnty": event_id(flat, country.iso3 if country else None), "event_date": date, "year": year,
        "time_precision": time_precision, "disorder_type": disorder, "event_type": event, "sub_event_type": sub,
        **actors,
        "civilian_targeting": "Civilian targeting" if actors["inter2"] == CIVILIANS and disorder == "Political violence" else "",
        "iso": country.numeric if country else "", "region": REGIONS.get(flat.country_code or "", ""),
        "country": name, "admin1": flat.region or "", "admin2": "", "admin3": "",
        "location": flat.city or flat.location or "",
        "latitude": "" if flat.latitude is None else flat.latitude,
        "longitude": "" if flat.longitude is None else flat.longitude,
        "geo_precision": GEO_PRECISION.get(flat.geo_precision or "", ""), "source": sources, "source_scale": "",
        "notes": flat.summary, "fatalities": flat.killed or 0, "tags": "", "timestamp": _timestamp(flat),
    }


def write_acled(source: Source, target: Target) -> int:
    """ACLED's 31 columns, one row per dossier, written as dossiers are read."""
    written = 0
    with target.text(newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for batch in source.batches():
            heads = source.article_heads(a for _, flat in batch for a in flat.articles)
            for _, flat in batch:
                writer.writerow(row(flat, _sites(heads, flat.articles)))
                written += 1
    return written
