"""GTD categories for role fillers: weapon types and target types, from general-knowledge word lists.

The category is decided by the words of the filler's mentions (and, for weapons, by the verb
that expresses the attack: "opened fire" names firearms without naming a gun). Lists are
checked in order, so a more specific cue ("car bomb") wins over a general one ("car").
"""
from __future__ import annotations

import re
from typing import Optional

# GTD weapon types, snake case.
WEAPON_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chemical", ("sarin", "chlorine", "nerve agent", "mustard gas", "tear gas", "poison gas", "toxic gas",
                  "acid", "poison", "chemical")),
    ("biological", ("anthrax", "ricin", "biological")),
    ("radiological", ("dirty bomb", "radioactive", "radiological")),
    ("incendiary", ("molotov", "incendiary", "firebomb", "fire bomb", "fire-bomb", "petrol bomb",
                    "gasoline", "petrol", "napalm", "flamethrower", "arson", "set on fire", "set fire",
                    "setting the building on fire", "setting fire", "torch", "burn", "fire to", "on fire",
                    "kerosene", "accelerant")),
    ("explosives", ("car bomb", "car-bomb", "truck bomb", "bomb", "explosive", "dynamite", "grenade", "mortar",
                    "rocket", "missile", "mine", "ied", "device", "charge", "tnt", "c-4", "semtex",
                    "suicide vest", "suicide belt", "rpg", "bazooka", "launcher", "shell", "artillery",
                    "drone", "blast", "detonat", "explosion")),
    ("firearms", ("rifle", "gun", "pistol", "revolver", "carbine", "ak-47", "kalashnikov", "m-16", "m16",
                  "uzi", "galil", "fal", "firearm", "bullet", "ammunition", "automatic weapon",
                  "automatic weapons", "opened fire", "open fire", "fired", "shot", "shooting", "sniper",
                  "machine gun", "machinegun", "submachine", "shotgun")),
    ("melee", ("knife", "knives", "machete", "axe", "sword", "blade", "stab", "club", "bat", "hammer",
               "stick", "stones", "rocks", "bayonet")),
    ("vehicle", ("vehicle", "car ", "truck", "van", "rammed", "ramming", "plowed", "ploughed")),
    ("fake_weapons", ("fake", "toy", "replica")),
    ("sabotage_equipment", ("sabotage",)),
)

# GTD target types, snake case; longer or more specific cues first.
TARGET_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("government_diplomatic", ("embassy", "consulate", "ambassador", "diplomat", "diplomatic")),
    ("airports_aircraft", ("airport", "aircraft", "airplane", "plane", "airliner", "helicopter", "airline")),
    ("maritime", ("ship", "vessel", "ferry", "tanker", "port ", "boat")),
    ("educational_institution", ("school", "university", "college", "student", "teacher", "academy",
                                 "campus", "professor")),
    ("religious_figures_institutions", ("church", "mosque", "temple", "synagogue", "cathedral", "priest",
                                        "jesuit", "bishop", "archbishop", "imam", "rabbi", "monastery",
                                        "parish", "nun", "shrine")),
    ("journalists_media", ("journalist", "newspaper", "radio", "television", "tv ", "reporter", "media",
                           "broadcast", "editor", "magazine")),
    ("telecommunication", ("telephone", "telecommunication", "antenna", "transmitter", "relay station",
                           "telecom", "cell tower")),
    ("police", ("police", "policeman", "policemen", "officer", "patrol", "checkpoint", "precinct",
                "guard", "security forces")),
    ("military", ("army", "soldier", "military", "troops", "battalion", "barracks", "base", "brigade",
                  "garrison", "navy", "air force", "marine", "colonel", "general", "lieutenant", "sergeant",
                  "captain", "major ")),
    ("utilities", ("power", "electric", "pylon", "tower", "substation", "pipeline", "gas line", "water",
                   "dam", "energy", "oil", "transformer", "grid", "power line")),
    ("transportation", ("bus", "train", "railway", "rail", "subway", "metro", "bridge", "highway", "road",
                        "station", "truck", "taxi", "vehicle", "car ")),
    ("government_general", ("mayor", "minister", "ministry", "government", "governor", "congress",
                            "senator", "parliament", "official", "judge", "court", "council", "president",
                            "candidate", "legislator", "deputy", "prosecutor", "town hall", "city hall",
                            "office of", "headquarters", "party")),
    ("business", ("bank", "store", "shop", "company", "factory", "plant", "hotel", "restaurant", "market",
                  "mall", "office", "business", "businessman", "businessmen", "firm", "farm", "warehouse",
                  "concert", "hall", "theater", "theatre", "club", "cinema", "stadium", "arena", "nightclub",
                  "supermarket", "gas station", "agency")),
    ("tourists", ("tourist", "tourists")),
    ("ngo", ("red cross", "aid worker", "ngo", "charity", "humanitarian")),
    ("private_citizens_property", ("home", "house", "residence", "civilian", "people", "peasant", "farmer",
                                   "villager", "family", "worker", "child", "woman", "women", "men ",
                                   "crowd", "resident", "pedestrian", "citizen", "person", "neighborhood")),
)


def _first(cues, text: str) -> Optional[str]:
    low = " " + re.sub(r"\s+", " ", text.lower()) + " "
    for category, words in cues:
        for w in words:
            if w in low:
                return category
    return None


def weapon_category(texts: list[str], context: str = "") -> Optional[str]:
    """GTD weapon type from a weapon's mentions, falling back on its sentence; None when unknown."""
    for t in texts:
        cat = _first(WEAPON_CUES, t)
        if cat:
            return cat
    return _first(WEAPON_CUES, context) if context else None


def target_category(texts: list[str]) -> Optional[str]:
    """GTD target type from a target's or victim's mentions; None when no cue names one."""
    for t in texts:
        cat = _first(TARGET_CUES, t)
        if cat:
            return cat
    return None
