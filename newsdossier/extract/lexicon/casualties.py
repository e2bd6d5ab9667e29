"""Words that report casualties and words for people: the lexicon the casualty rules share."""
from __future__ import annotations

import re

from spacy.tokens import Token

KILL_VERBS = {"kill", "murder", "slay", "execute", "assassinate", "massacre", "slaughter",
              "behead", "lynch"}
DIE_VERBS = {"die", "perish", "succumb", "drown"}
DEAD_WORDS = {"dead", "deceased", "lifeless"}
DEATH_NOUNS = {"death", "fatality", "dead", "body", "corpse", "toll", "homicide", "murder", "killing"}
INJURE_VERBS = {"wound", "injure", "hurt", "maim", "hospitalize", "hospitalise", "graze"}
INJURED_WORDS = {"injured", "wounded", "hurt", "hospitalized", "hospitalised"}
INJURY_NOUNS = {"injury", "wound", "injured", "wounded"}
HIT_VERBS = {"shoot", "stab", "strike", "hit", "struck", "gun"}
SURVIVED_WOUND = {"minor", "non-life", "non", "superficial", "serious", "critical", "graze", "survivable"}
FATAL_ADVERBS = {"fatally", "mortally", "lethally"}
REVISION_WORDS = {"rise", "climb", "increase", "jump", "reach", "now", "update", "revise", "mount",
                  "grow", "raise", "latest"}
ATTACKER_NOUNS = {"gunman", "gunmen", "attacker", "assailant", "terrorist", "militant", "shooter",
                  "bomber", "perpetrator", "hijacker", "insurgent", "suspect", "killer", "raider",
                  "jihadist", "rebel", "fighter", "robber", "intruder", "murderer", "culprit",
                  "sniper", "kidnapper", "abductor", "hostage-taker", "gunwoman"}
PERSON_NOUNS = {"man", "woman", "person", "boy", "girl", "child", "teen", "teenager", "student",
                "officer", "victim", "baby", "infant", "toddler", "father", "mother", "son",
                "daughter", "brother", "sister", "wife", "husband", "girlfriend", "boyfriend",
                "friend", "resident", "driver", "passenger", "customer", "employee", "worker",
                "guard", "soldier", "policeman", "policewoman", "deputy", "trooper", "clerk",
                "owner", "youth", "juvenile", "adult", "male", "female", "bystander", "neighbor",
                "neighbour", "civilian", "pedestrian", "cousin", "uncle", "aunt", "grandmother",
                "grandfather", "nephew", "niece", "kid", "old", "year-old", "gentleman", "lady",
                "security", "agent", "sergeant", "detective", "patron", "shopper", "tourist",
                "pastor", "priest", "teacher", "worshipper", "guest", "relative", "individual",
                "roommate", "fan", "rapper", "suspect", "gunman", "shooter", "grandson", "granddaughter",
                "grandchild", "stepson", "stepdaughter", "stepfather", "stepmother", "mom", "dad", "sibling",
                "someone", "somebody", "player", "rider", "motorcyclist", "grader", "sophomore", "freshman",
                "youngster", "classmate", "cop", "patient", "bouncer", "witness", "guy", "homeowner",
                "manager", "graduate", "partner", "fiance", "fiancee", "spouse", "coworker", "co-worker",
                "landlord", "tenant", "cashier", "bartender", "attendant", "veteran", "homeless", "motorist",
                "toddler", "newborn", "boyfriend", "girlfriend", "mother-in-law", "father-in-law", "niece",
                # offices, trades and standings people are named by ("wounding the chief", "a bailiff was shot")
                "chief", "constable", "bailiff", "marshal", "sheriff", "ranger", "firefighter", "paramedic", "nurse",
                "doctor", "physician", "coach", "principal", "janitor", "dealer", "server", "waiter", "waitress",
                "mechanic", "farmer", "journalist", "reporter", "photographer", "judge", "mayor", "lawyer",
                "attorney", "candidate", "official", "leader", "protester", "protestor", "demonstrator", "parent",
                "minor", "hunter", "citizen", "survivor", "carrier", "twin", "stranger", "rival", "aide", "schooler",
                "member", "colleague", "acquaintance", "visitor", "hostage", "inmate", "prisoner", "pupil",
                "commuter", "jogger", "cyclist", "barber", "chef", "vendor", "salesman", "saleswoman", "contractor",
                "volunteer", "recruit", "sailor", "marine", "airman", "pilot", "lieutenant", "captain", "corporal"}
# more trades, offices and kin ("a porter wounded", "the cook was shot"): people counted by what they do
PERSON_NOUNS |= {
    "porter", "doorman", "cook", "dishwasher", "teller", "butcher", "baker", "plumber", "electrician",
    "carpenter", "laborer", "labourer", "miner", "engineer", "artist", "musician", "singer", "dancer", "actor",
    "actress", "athlete", "boxer", "wrestler", "preacher", "minister", "bishop", "imam", "rabbi", "deacon", "monk",
    "nun", "accountant", "banker", "technician", "scientist", "professor", "lecturer", "researcher", "trainee",
    "intern", "apprentice", "employer", "supervisor", "foreman", "superintendent", "caretaker", "housekeeper",
    "nanny", "babysitter", "caregiver", "maid", "butler", "gardener", "landscaper", "roofer", "painter", "welder",
    "trucker", "courier", "mailman", "postman", "fisherman", "hiker", "camper", "swimmer", "runner", "skater",
    "surfer", "golfer", "rancher", "clergyman", "chaplain", "politician", "senator", "councilman",
    "councilwoman", "legislator", "lawmaker", "diplomat", "ambassador", "activist", "bodyguard", "dispatcher",
    "jailer", "warden", "housemate", "flatmate", "lodger", "occupant", "inhabitant", "villager", "farmworker",
    "grandma", "grandpa", "granny", "stepbrother", "stepsister", "mum", "mama", "papa", "widow", "widower",
    "bride", "groom", "daughter-in-law", "son-in-law", "brother-in-law", "sister-in-law", "ex-wife",
    "ex-husband", "ex-girlfriend", "ex-boyfriend", "godson", "goddaughter", "godfather", "godmother"}
# the sex (m, f) and age (a: adult, c: child) a noun for one person tells: two people the nouns set
# apart ("the mother ... her son") are two
PERSON_KINDS = {"man": "ma", "woman": "fa", "boy": "mc", "girl": "fc", "father": "ma", "mother": "fa",
                "husband": "ma", "wife": "fa", "son": "m", "daughter": "f", "brother": "m", "sister": "f",
                "grandfather": "ma", "grandmother": "fa", "uncle": "ma", "aunt": "fa", "nephew": "m", "niece": "f",
                "gentleman": "ma", "lady": "fa", "infant": "c", "baby": "c", "toddler": "c", "child": "c"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
NOT_PEOPLE = {"charge", "count", "shot", "round", "bullet", "time", "year", "day", "hour", "minute", "week",
              "month", "block", "mile", "foot", "feet", "gun", "weapon", "firearm", "car", "vehicle", "house",
              "home", "building", "dollar", "casing", "shell", "wound", "injury", "incident", "shooting",
              "case", "window", "door", "round", "location", "scene", "report", "call", "dog", "cat", "horse",
              "animal", "pet", "puppy", "k-9", "k9", "canine"}
NONE_WORDS = {"nobody", "none", "noone", "neither"}
SOURCE_NOUNS = {"figure", "data", "statistic", "report", "count", "tally", "estimate", "number",
                "official", "source", "record"}

QUANT_PREFIX = {"well", "over", "more", "than", "at", "least", "about", "nearly", "almost", "some",
                 "up", "to", "as", "many", "around", "approximately", "roughly", "just", "under",
                 "fewer", "less", "an", "estimated", "no", "upwards", "of", "in", "excess", "close",
                 "a", "between", "and"}


def age_noun(tok: Token) -> bool:
    """'a 16-year-old' (split by the tokenizer into 16 - year - old) names one person."""
    if re.search(r"(?:year|yr|month)s?-old$", tok.lower_):
        return True
    doc = tok.doc
    units = ("year", "month", "week", "day", "yr", "yrs")
    return tok.lower_ == "old" and tok.i >= 1 and (
        doc[tok.i - 1].lemma_.lower() in units or (tok.i >= 2 and doc[tok.i - 2].lemma_.lower() in units))


def is_person(tok: Token) -> bool:
    if age_noun(tok):
        return True
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PERSON_PRONOUNS:
        return True
    if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")):
        return tok.pos_ == "PROPN"
    return lemma in PERSON_NOUNS or low in PERSON_NOUNS or low.endswith("year-old")
