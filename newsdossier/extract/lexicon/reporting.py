"""Reporting verbs: the words that attribute what follows to a source, and the claim/blame/deny verbs.

`SAY_VERBS` is the one list of verbs of saying. Each rule reads the selection of it it was tuned
with, named for its use below, so that widening one rule's vocabulary is a visible choice here
rather than a fifth copy somewhere else (each selection was measured on its own benchmark: the
figures' sources on GVA, dates on MUC-4 and GVA, statements on PolNeAR). Lemmas, lower-cased.
"""
from __future__ import annotations

SAY_VERBS = frozenset({"say", "tell", "add", "state", "report", "confirm", "announce", "note"})

# Reporting verbs that open a sentence before their speaker ("Said Lindqvist: ..."): quotative
# inversion (analyze/components.py). Word forms, not lemmas: the tagger often reads the capitalised
# verb as the first word of a name, whose lemma is the word itself.
INVERTED_QUOTATIVES = frozenset("said says added adds asked asks wrote writes told continued explained "
                                "noted recalled replied answered insisted".split())
# The party a casualty figure is credited to ("X said", "according to X"; figures/__init__.py).
FIGURE_SOURCE_VERBS = SAY_VERBS | {"according"}
# "<clause>, X said.": the verbs that make a trailing attribution (statements/responsibility.py).
TRAILING_CUES = SAY_VERBS | {"claim", "explain", "write", "warn", "allege", "insist", "argue", "estimate", "believe"}
# Verbs of reporting, announcing and court procedure a date phrase may hang from: the date then
# tells when something was said or done about the incident, not when it happened (incidents/dates.py).
DATE_REPORT_VERBS = (SAY_VERBS - {"note"}) | {
    "acknowledge", "claim", "write", "post", "speak", "address", "deny", "accuse", "blame", "suggest", "identify",
    "release", "issue", "comment", "testify", "charge", "arrest", "warn", "urge", "publish", "update", "sentence",
    "arraign", "plead", "appear", "hold"}

# Claim, blame and deny verbs read by rule from the parse (statements/responsibility.py): a group
# "claimed responsibility" or "took credit", a government "blamed", "pointed to" or "held
# responsible" a party, and the party "denied" it.
CLAIM_VERBS = frozenset({"claim", "take", "accept", "assume", "admit", "acknowledge"})
CLAIM_OBJECTS = frozenset({"responsibility", "credit", "authorship"})
ACCUSE_VERBS = frozenset({"blame", "accuse", "fault"})
# Verb -> the preposition that introduces the party ("pointed to X", "pinned it on X").
POINT_VERBS = {"point": "to", "attribute": "to", "link": "to", "tie": "to", "trace": "to", "pin": "on"}
HOLD_VERBS = frozenset({"hold"})
DENY_VERBS = frozenset({"deny", "refute", "disavow", "dispute"})

# A statement's type by its cue (statements/statement_types.py); wider than the rule verbs above
# because a cue the tagger found is already known to introduce a statement.
CLAIM_CUES = frozenset({"claim", "take", "accept", "admit", "announce", "assume", "acknowledge"})
DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disavow", "disclaim", "repudiate"})
ACCUSATION_CUES = frozenset({"accuse", "blame", "charge", "allege", "fault", "implicate", "condemn", "insinuate",
                             "suggest", "hint", "imply"})
ATTRIBUTION_CUES = frozenset({"point", "attribute", "hold", "link", "tie", "identify", "trace", "pin"})
WARNING_CUES = frozenset({"warn", "caution", "threaten", "alert", "urge"})
QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "query"})
ASSESSMENT_CUES = frozenset({"believe", "think", "estimate", "assess", "conclude", "expect", "predict", "judge",
                             "consider", "suspect", "doubt", "fear", "feel", "know", "acknowledge", "find",
                             "determine", "calculate", "project", "forecast", "reckon", "argue", "insist"})
# Verbs that report a judgement of someone or something ("condemned the attack", "praised the
# rescuers"), and verbs that name it as something ("called the attack a cowardly act", "described
# him as a hero"), which judge only with that second part.
EVALUATION_CUES = frozenset({"criticize", "criticise", "condemn", "denounce", "praise", "slam", "blast", "decry",
                             "applaud", "hail", "commend", "lament", "deplore", "rebuke", "castigate", "lambaste",
                             "ridicule", "mock", "assail", "disparage"})
NAMING_CUES = frozenset({"call", "describe", "label", "brand", "dub", "characterize", "characterise", "term"})
# What a speaker's own words open with when they give a judgement rather than report a fact: "It is
# clear that ...", "We believe ...".
ASSESSMENT_ADJECTIVES = frozenset({"clear", "obvious", "evident", "apparent", "plain", "likely", "unlikely",
                                   "possible", "probable", "certain", "doubtful", "undeniable", "inevitable",
                                   "unacceptable", "regrettable", "wrong", "right", "shameful", "outrageous"})


# Who speaks for someone else: "a lawyer for the group denied …", "a statement from the Front
# claimed …". The party that claims or denies is the one spoken for, not its mouthpiece.
MOUTHPIECES = frozenset({"lawyer", "attorney", "counsel", "spokesman", "spokeswoman", "spokesperson",
                          "representative", "envoy", "negotiator", "statement", "communique", "message",
                          "post", "video", "website", "channel", "account", "outlet", "agency"})
