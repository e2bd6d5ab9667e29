"""GTD and ACLED codes from a dossier's values: labels, hierarchy, unknowns, precision, event types,
and how a person's correction of the place replaces the machine's finer parts of it."""
from __future__ import annotations

import pytest

from newsdossier.export import acled, gtd
from newsdossier.export.flat import flatten
from newsdossier.records import (Correction, Dossier, Figure, Filler, Incident, IncidentDate, Location,
                                 ResponsibilityCell)


def dossier(types=("armed_assault",), date="2024-03-22", precision="day", targets=(), weapons=(), killed=4,
            location=None, cells=()) -> Dossier:
    inc = Incident(
        id="d1", types=types,
        date=IncidentDate(value=date, text="x", start=0, end=1, precision=precision) if date else None,
        location=location or Location(name="Ballarat", city="Ballarat", country="Australia", country_code="AU",
                                      lat=-37.56, lon=143.85, precision="town"),
        targets=tuple(Filler(text=t, category=c) for t, c in targets),
        weapons=tuple(Filler(text=w, category=c) for w, c in weapons),
        killed=Figure(min=killed, max=killed, text=str(killed), start=0, end=1) if killed is not None else None)
    return Dossier(id="d00000000abcd", articles=("a1",), incident=inc, responsibility=tuple(cells))


def fix(field, value, n=1, at="2025-01-01T00:00:00+00:00") -> Correction:
    return Correction(id=n, dossier_id="d00000000abcd", field=field, value=value, who="desk", at=at)


def test_gtd_attack_types_follow_the_codebook_hierarchy():
    row = gtd.row(flatten(dossier(types=("armed_assault", "hostage_taking_kidnapping", "bombing_explosion"))), "1", [])
    assert (row["attacktype1_txt"], row["attacktype2_txt"], row["attacktype3_txt"]) == (
        "Hostage Taking (Kidnapping)", "Bombing/Explosion", "Armed Assault")


@pytest.mark.parametrize("value, precision, expected", [
    ("2024-03-22", "day", (2024, 3, 22, "")),
    ("2024-03", "month", (2024, 3, 0, "March 2024")),
    ("2024-W13", "week", (2024, 3, 0, "week of March 25, 2024")),
    (None, None, ("", 0, 0, "")),
])
def test_gtd_unknown_month_or_day_is_zero_with_approxdate(value, precision, expected):
    row = gtd.row(flatten(dossier(date=value, precision=precision)), "1", [])
    assert (row["iyear"], row["imonth"], row["iday"], row["approxdate"]) == expected


def test_gtd_unknowns_use_the_codebook_codes():
    row = gtd.row(flatten(dossier(types=("bombing_explosion",), killed=None)), "1", [])
    assert (row["gname"], row["nperps"], row["claimed"], row["doubtterr"], row["nkill"]) == ("Unknown", -99, -9, -9, "")
    assert row["weaptype1_txt"] == "Explosives"          # a bombing's weapon type without a weapon quoted
    assert row["targtype1_txt"] == "Unknown"


def test_gtd_claim_and_labels():
    cells = [ResponsibilityCell(party="the Ashen Road Collective", article="a1", how="claimed")]
    row = gtd.row(flatten(dossier(targets=[("police checkpoint", "police")], weapons=[("rifles", "firearms")],
                                  cells=cells)), "1", [])
    assert (row["gname"], row["claimed"], row["targtype1_txt"], row["weaptype1_txt"], row["specificity"]) == (
        "Ashen Road Collective", 1, "Police", "Firearms", 1)


@pytest.mark.parametrize("types, targets, weapons, expected", [
    (("bombing_explosion",), [], [], ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (("bombing_explosion",), [], [("a grenade", "explosives")], ("Explosions/Remote violence", "Grenade")),
    (("bombing_explosion",), [], [("a suicide vest", "explosives")], ("Explosions/Remote violence", "Suicide bomb")),
    (("armed_assault",), [("shoppers", "private_citizens_property")], [], ("Violence against civilians", "Attack")),
    (("armed_assault",), [("an army patrol", "military")], [], ("Battles", "Armed clash")),
    (("armed_assault", "hostage_taking_kidnapping"), [], [],
     ("Violence against civilians", "Abduction/forced disappearance")),
    ((), [], [], ("Violence against civilians", "Attack")),
])
def test_acled_event_types_from_the_mapping_table(types, targets, weapons, expected):
    flat = flatten(dossier(types=types, targets=targets, weapons=weapons))
    assert acled.event_type(flat)[1:] == expected


def test_acled_codes_and_precision():
    row = acled.row(flatten(dossier(date="2024-W13", precision="week")))
    assert (row["iso"], row["region"], row["country"], row["geo_precision"]) == (36, "Oceania", "Australia", 1)
    assert (row["event_date"], row["time_precision"]) == ("2024-03-28", 2)   # the middle of the week
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Unidentified Armed Group (Australia)", 3, "Civilians (Australia)", 7, 37)
    assert row["civilian_targeting"] == "Civilian targeting" and row["event_id_cnty"].startswith("AUS")
    region_only = Location(name="Victoria", region="Victoria", country="Australia", country_code="AU",
                           precision="region")
    assert acled.row(flatten(dossier(location=region_only)))["geo_precision"] == 2


def test_correction_of_country_drops_the_machines_town_and_coordinates():
    flat = flatten(dossier(), [fix("country", "New Zealand")])
    assert (flat.country, flat.country_code, flat.city, flat.latitude, flat.geo_precision) == (
        "New Zealand", "NZ", None, None, "country")
    assert flat.corrected == ("country",)


def test_latest_correction_wins_and_summary_uses_it():
    flat = flatten(dossier(), [fix("killed", 7, 1, "2025-01-01T00:00:00+00:00"),
                               fix("killed", 6, 2, "2025-01-02T00:00:00+00:00")])
    assert (flat.killed, flat.killed_max, flat.killed_qualifier) == (6, 6, "exact")
    assert flat.summary == "On 22 March 2024, an armed assault in Ballarat, Australia killed 6 people."
    assert flatten(dossier(), [fix("summary", "A desk's sentence.")]).summary == "A desk's sentence."
