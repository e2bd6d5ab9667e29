"""Words that tell violence happened: attack verbs, harm verbs, and the violence words an incident needs.

Lemmas, lower-cased. General knowledge, not any dataset's vocabulary. The casualty words (killed,
wounded, dead) are in `casualties.py`.
"""
from __future__ import annotations

# Verbs (lemmas) whose arguments are the roles of an attack. General knowledge, not data.
ATTACK_VERBS = frozenset("""
kill murder assassinate shoot gun fire attack assault storm raid ambush bomb blow explode detonate
dynamite burn torch set kidnap abduct seize hijack hold wound injure hurt destroy damage massacre
slay execute behead stab hack strike hit launch throw hurl plant target blast open machinegun
machine-gun rocket shell mortar riddle slit torture rape capture take free release claim perpetrate
commit carry perpetrator responsible blame
""".split())

HARM_VERBS = frozenset({"kill", "wound", "injure", "murder", "assassinate", "kidnap", "abduct", "shoot", "execute",
                        "massacre", "slay", "behead", "stab", "hurt", "maim", "torture"})

# Words that tell violence happened (verbs and nouns, lemmas): an incident needs at least one.
VIOLENCE = HARM_VERBS | frozenset({
    "attack", "assault", "storm", "raid", "ambush", "bomb", "bombing", "explode", "explosion", "detonate", "blast",
    "burn", "torch", "arson", "kidnapping", "abduction", "hijack", "hijacking", "massacre", "shooting", "gunfire",
    "dynamite", "destroy", "murder", "assassination", "killing", "sabotage", "hostage", "grenade", "machinegun",
    "fire", "dead", "death", "die", "victim", "terrorist", "terrorism", "gunman", "gunmen", "guerrilla",
    # A gun that went off and hit someone is a shooting, even told without a violent verb
    # ("struck by shotgun pellets", "the gun discharged and struck his daughter").
    "gun", "gunshot", "handgun", "shotgun", "rifle", "pistol", "firearm", "bullet", "pellet"})

# Lemmas that tell violence happened, as the learned role model reads them (incidents/roles/learned.py:
# a sentence holding one is read for fillers; its features were trained with exactly these).
HARM = frozenset("""
kill murder assassinate shoot wound injure hurt maim massacre slay execute behead stab torture kidnap abduct
die dead death casualty victim wounded injured killing murder assassination shooting hostage
""".split())
ATTACK = frozenset("""
attack assault storm raid ambush bomb bombing explode explosion detonate blast burn torch arson hijack
hijacking sabotage destroy damage fire gunfire shell shelling strike airstrike rocket grenade mortar
ied gunman gunmen terrorist militant insurgent bomber attacker assailant suicide clash fighting
""".split())
