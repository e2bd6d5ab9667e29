"""GTD attack types (multi-label) of an incident, from the words of the sentences that report it.

Each type has lemma cues (a verb or noun lemma in the sentence) and phrase cues (matched on the
lower-cased sentence text). An armed assault during which a building is set on fire is both
`armed_assault` and `facility_infrastructure_attack`, as the GTD codes it.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Span as SpacySpan

TYPE_CUES: dict[str, tuple[frozenset, tuple[str, ...]]] = {
    "assassination": (frozenset({"assassinate", "assassination", "assassin"}), ()),
    "hijacking": (frozenset({"hijack", "hijacking", "hijacker", "skyjack"}), ("commandeered",)),
    "hostage_taking_kidnapping": (frozenset({"kidnap", "kidnapping", "abduct", "abduction", "kidnapper",
                                             "abductor", "ransom"}), ("taken hostage", "took hostage",
                                                                       "seized as hostage")),
    "hostage_taking_barricade": (frozenset({"barricade"}), ("held hostage", "holding hostage", "hostages inside",
                                                            "took hostages", "siege", "standoff", "stand-off")),
    # Carrying explosives is not yet a bombing ("armed with rifles and explosives"): an explosion is.
    "bombing_explosion": (frozenset({"bomb", "bombing", "explode", "explosion", "blast", "detonate", "detonation",
                                     "dynamite", "grenade", "bomber", "ied", "car-bomb", "mortar"}),
                          ("blew up", "blown up", "suicide vest")),
    "facility_infrastructure_attack": (frozenset({"arson", "sabotage", "torch", "firebomb", "burn", "ransack",
                                                  "vandalize", "destroy"}),
                                       ("set on fire", "set fire", "setting fire", "on fire", "burned down",
                                        "burnt down", "set ablaze", "setting the building on fire")),
    "armed_assault": (frozenset({"gunman", "gunmen", "gunfire", "shoot", "shooting", "machinegun", "ambush",
                                 "massacre", "storm", "raid", "gunshot", "rifle", "stab", "stabbing", "shooter"}),
                      ("opened fire", "open fire", "fired at", "fired on", "armed with", "automatic weapons",
                       "machine-gunned", "riddled")),
    "unarmed_assault": (frozenset({"beat", "beating", "punch", "strangle", "lynch"}), ()),
}

# Verbs that make "burn"/"destroy" an attack on a facility only when their object is a building.
_FACILITY_WORDS = frozenset({"building", "hall", "office", "house", "home", "church", "school", "station",
                             "store", "bank", "tower", "pylon", "bridge", "plant", "facility", "headquarters",
                             "vehicle", "bus", "car", "truck", "installation", "substation", "pipeline",
                             "line", "embassy", "hotel", "market", "shop", "warehouse", "factory"})


def attack_types(sents: Iterable[SpacySpan]) -> tuple[str, ...]:
    """The attack types cued in `sents`, in the contract's order; ("unknown",) when none is."""
    found = set()
    for sent in sents:
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        low = " " + re.sub(r"\s+", " ", sent.text.lower()) + " "
        for kind, (lems, phrases) in TYPE_CUES.items():
            if lems & lemmas or any(p in low for p in phrases):
                if kind == "facility_infrastructure_attack" and not (_FACILITY_WORDS & lemmas):
                    continue
                found.add(kind)
    if "hostage_taking_kidnapping" in found:
        found.discard("hostage_taking_barricade")
    order = ("assassination", "armed_assault", "bombing_explosion", "hijacking", "hostage_taking_barricade",
             "hostage_taking_kidnapping", "facility_infrastructure_attack", "unarmed_assault")
    out = tuple(k for k in order if k in found)
    return out or ("unknown",)
