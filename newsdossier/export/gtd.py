"""`csv-gtd`: one row per dossier in the Global Terrorism Database's columns and conventions.

Conventions of the GTD codebook kept here:
- `eventid` is 12 digits: the date as yyyymmdd (00 for an unknown month or day) and a 4-digit
  sequence number within that date, in export order (the `dossier_id` column is the stable key);
- `imonth`/`iday` are 0 when unknown, and `approxdate` says the date in words when only a week,
  a month or a year is known;
- attack types use GTD's hierarchy for which comes first (`ATTACK_HIERARCHY`), and GTD's labels;
- `specificity` (geographic): 1 a town with its coordinates, 2 a town without, 4 a first-order
  region (state, province), 5 only the country or nothing;
- unknown: `-9` for the yes/no/unknown fields (`claimed`, `doubtterr`), `-99` for `nperps` (the
  codebook's unknown for counts), blank for `nkill`/`nwound` (GTD leaves unknown casualties blank),
  "Unknown" for `gname` and for a claim whose mode the sources do not give;
- `success` is 1: a dossier is an attack its sources report as having taken place;
- `doubtterr` is -9: whether an attack meets GTD's terrorism criteria is not judged here;
- `scite1..3` cite the first three articles (title, site, date, URL as known).

Then extension columns keep what GTD's columns lose: the upper bound and qualifier of each count
("at least 23"), the dossier id, how many articles and independent sources, and whether the
sources contradict each other.
"""
from __future__ import annotations

import csv
import re

from ..records import ArticleRecord, Dossier
from .api import Source, Target, period
from .flat import FlatDossier

COLUMNS = (
    "eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city", "latitude",
    "longitude", "specificity", "summary", "attacktype1_txt", "attacktype2_txt", "attacktype3_txt",
    "targtype1_txt", "target1", "gname", "gname2", "nperps", "claimed", "claimmode_txt", "weaptype1_txt",
    "weaptype2_txt", "weapdetail", "nkill", "nwound", "success", "suicide", "doubtterr", "scite1",
    "scite2", "scite3", "dbsource",
)
EXTENSIONS = ("nkill_max", "nkill_qualifier", "nwound_max", "nwound_qualifier", "dossier_id", "articles",
              "independent_sources", "contested")

# GTD attack type labels, in the codebook's hierarchy: when an attack is of several types, the
# higher one is attacktype1.
ATTACK_HIERARCHY = (
    ("assassination", "Assassination"),
    ("hijacking", "Hijacking"),
    ("hostage_taking_kidnapping", "Hostage Taking (Kidnapping)"),
    ("hostage_taking_barricade", "Hostage Taking (Barricade Incident)"),
    ("bombing_explosion", "Bombing/Explosion"),
    ("armed_assault", "Armed Assault"),
    ("unarmed_assault", "Unarmed Assault"),
    ("facility_infrastructure_attack", "Facility/Infrastructure Attack"),
    ("unknown", "Unknown"),
)
TARGET_LABELS = {
    "business": "Business", "government_general": "Government (General)", "police": "Police",
    "military": "Military", "abortion_related": "Abortion Related", "airports_aircraft": "Airports & Aircraft",
    "government_diplomatic": "Government (Diplomatic)", "educational_institution": "Educational Institution",
    "food_water_supply": "Food or Water Supply", "journalists_media": "Journalists & Media",
    "maritime": "Maritime", "ngo": "NGO", "other": "Other", "private_citizens_property": "Private Citizens & Property",
    "religious_figures_institutions": "Religious Figures/Institutions", "telecommunication": "Telecommunication",
    "terrorists_non_state_militia": "Terrorists/Non-State Militia", "tourists": "Tourists",
    "transportation": "Transportation", "unknown": "Unknown", "utilities": "Utilities",
    "violent_political_party": "Violent Political Party",
}
WEAPON_LABELS = {
    "biological": "Biological", "chemical": "Chemical", "radiological": "Radiological", "nuclear": "Nuclear",
    "firearms": "Firearms", "explosives": "Explosives", "fake_weapons": "Fake Weapons", "incendiary": "Incendiary",
    "melee": "Melee", "vehicle": "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)",
    "sabotage_equipment": "Sabotage Equipment", "other": "Other", "unknown": "Unknown",
}
# How a claim was made, from the words of the statement that makes it; first match wins.
CLAIM_MODES = (
    ("Video", ("video",)),
    ("Posted to website, blog, etc.", ("online", "website", "posted", "telegram", "social media", "blog",
                                       "twitter", "facebook", "channel")),
    ("E-mail", ("e-mail", "email")),
    ("Letter", ("letter",)),
    ("Note left at scene", ("note",)),
    ("Call (post-incident)", ("phone", "call", "telephone")),
    ("Personal claim", ("told", "said", "spokesman", "spokesperson")),
)


def _gtd_date(flat: FlatDossier) -> tuple[int, int, int, str]:
    start, _ = period(flat.date, flat.date_precision)
    if start is None:
        return 0, 0, 0, ""
    if flat.date_precision == "day":
        return start.year, start.month, start.day, ""
    if flat.date_precision == "week":
        return start.year, start.month, 0, f"week of {start:%B} {start.day}, {start.year}"
    if flat.date_precision == "month":
        return start.year, start.month, 0, f"{start:%B %Y}"
    return start.year, 0, 0, str(start.year)


def _specificity(flat: FlatDossier) -> int:
    if flat.city:
        return 1 if flat.latitude is not None else 2
    if flat.region:
        return 4
    return 5


def attack_labels(types) -> list[str]:
    return [label for key, label in ATTACK_HIERARCHY if key in types] or ["Unknown"]


def weapon_labels(flat: FlatDossier) -> list[str]:
    cats = list(flat.weapon_categories)
    if not cats and "bombing_explosion" in flat.types:
        cats = ["explosives"]              # a bombing names its weapon type even when no weapon is quoted
    return [WEAPON_LABELS.get(c, "Other") for c in cats] or ["Unknown"]


def claim_mode(flat: FlatDossier, context: tuple[str, ...] = ()) -> str:
    """GTD's claim mode from the words of the claim and of the sentences around it (`context`)."""
    if not flat.claimed:
        return ""
    text = " ".join((*flat.claim_texts, *context)).lower()
    for label, cues in CLAIM_MODES:
        if any(re.search(rf"\b{re.escape(c)}", text) for c in cues):
            return label
    return "Unknown"


def cite(head, article_id: str) -> str:
    """A source citation: title, site, date, URL (or file) as far as the store knows them."""
    if head is None:
        return article_id
    parts = [f'"{head.title}"' if head.title else None, head.site, (head.published or "")[:10] or None,
             head.url or head.source]
    return ", ".join(p for p in parts if p)


def claim_sentences(dossier: Dossier, records: dict[str, ArticleRecord]) -> tuple[str, ...]:
    """The sentences that hold the dossier's claims of responsibility, from the articles' text:
    how a claim was made ("in a statement posted online") is said around the claim, not in it."""
    out = []
    for cell in dossier.responsibility:
        record = records.get(cell.article)
        if cell.how != "claimed" or record is None or not cell.statement:
            continue
        statement = next((st for st in record.statements if st.id == cell.statement), None)
        if statement is not None:
            text = record.article.text
            start = max(text.rfind(". ", 0, statement.content.start), text.rfind("\n", 0, statement.content.start)) + 1
            ends = [i for i in (text.find(". ", statement.content.end), text.find("\n", statement.content.end)) if i >= 0]
            out.append(text[start:min(ends) + 1 if ends else len(text)].strip())
    return tuple(out)


def _cell(value) -> object:
    return "" if value is None else value


def row(flat: FlatDossier, eventid: str, cites: list[str], context: tuple[str, ...] = ()) -> dict:
    """The GTD row of one dossier (`cites`: up to three source citations; `context`: the
    sentences of its claims, see `claim_sentences`)."""
    year, month, day, approx = _gtd_date(flat)
    attacks, weapons = attack_labels(flat.types), weapon_labels(flat)
    suicide = any("suicide" in t.lower() for t in (*flat.weapons, *flat.perpetrator_individuals, *flat.claim_texts))
    target = flat.target_categories[0] if flat.target_categories else "unknown"
    return {
        "eventid": eventid, "iyear": year or "", "imonth": month, "iday": day, "approxdate": approx,
        "country_txt": _cell(flat.country), "provstate": _cell(flat.region), "city": _cell(flat.city),
        "latitude": _cell(flat.latitude), "longitude": _cell(flat.longitude), "specificity": _specificity(flat),
        "summary": flat.summary, "attacktype1_txt": attacks[0],
        "attacktype2_txt": attacks[1] if len(attacks) > 1 else "",
        "attacktype3_txt": attacks[2] if len(attacks) > 2 else "",
        "targtype1_txt": TARGET_LABELS.get(target, "Other"),
        "target1": "; ".join(flat.targets or flat.victims),
        "gname": flat.perpetrators[0] if flat.perpetrators else "Unknown",
        "gname2": flat.perpetrators[1] if len(flat.perpetrators) > 1 else "",
        "nperps": flat.perpetrator_count if flat.perpetrator_count is not None else -99,
        "claimed": 1 if flat.claimed else -9, "claimmode_txt": claim_mode(flat, context),
        "weaptype1_txt": weapons[0], "weaptype2_txt": weapons[1] if len(weapons) > 1 else "",
        "weapdetail": "; ".join(flat.weapons), "nkill": _cell(flat.killed), "nwound": _cell(flat.injured),
        "success": 1, "suicide": 1 if suicide else 0, "doubtterr": -9,
        "scite1": cites[0] if cites else "", "scite2": cites[1] if len(cites) > 1 else "",
        "scite3": cites[2] if len(cites) > 2 else "", "dbsource": "newsdossier",
        "nkill_max": _cell(flat.killed_max), "nkill_qualifier": _cell(flat.killed_qualifier),
        "nwound_max": _cell(flat.injured_max), "nwound_qualifier": _cell(flat.injured_qualifier),
        "dossier_id": flat.id, "articles": len(flat.articles), "independent_sources": flat.independent_sources,
        "contested": 1 if flat.contested else 0,
    }


def write_gtd(source: Source, target: Target) -> int:
    """GTD columns then the extensions, one row per dossier, written as dossiers are read."""
    sequence: dict[str, int] = {}       # one counter per date: a few thousand entries at most
    written = 0
    with target.text(newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS + EXTENSIONS)
        writer.writeheader()
        for batch in source.batches():
            heads = source.article_heads(a for _, flat in batch for a in flat.articles[:3])
            claiming = {c.article for d, _ in batch for c in d.responsibility if c.how == "claimed"}
            records = {r.article.id: r for r in source.articles_of(claiming)} if claiming else {}
            for dossier, flat in batch:
                year, month, day, _ = _gtd_date(flat)
                key = f"{year:04d}{month:02d}{day:02d}"
                sequence[key] = sequence.get(key, 0) + 1
                cites = [cite(heads.get(a), a) for a in flat.articles[:3]]
                writer.writerow(row(flat, f"{key}{sequence[key]:04d}", cites, claim_sentences(dossier, records)))
                written += 1
    return written
