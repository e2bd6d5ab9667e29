"""Casualty triggers and their arguments, read from the dependency parse.

A *trigger* reports a death ("killed", "died", "dead", "deaths", "fatally"), an injury ("wounded",
"injured", "in critical condition", "remains in the hospital") or a hit that may be either ("shot",
"was taken to a hospital", "found with a gunshot wound"). Its *argument* is the passive subject, the
object, the subject of "die", the noun a participle or adjective modifies, or the object of
"left"/"found" ("left two guards dead"). `counts.py` reads how many people the argument is.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from ..lexicon.casualties import (ATTACKER_NOUNS, DEAD_WORDS, DEATH_NOUNS, DIE_VERBS, FATAL_ADVERBS, HIT_VERBS, INJURE_VERBS,
                                  INJURED_WORDS, INJURY_NOUNS, KILL_VERBS, NONE_WORDS, NOT_PEOPLE, SURVIVED_WOUND,
                                  is_person)
from ..syntax import subject_child, subject_of


# Participles the parser tags as nouns when a list drops the verb ("four are dead, five more shot"):
# with a count of their own, they are a state of those people.
BODY_NOUNS = {"body", "corpse"}     # "the bodies of three people": the people they were

GAPPED_STATES = {"shot": "hit", "wounded": "injured_adj", "injured": "injured_adj", "hurt": "injured_adj",
                 "killed": "dead"}


HIT_COMPOUNDS = {"shooting", "gunshot", "stabbing", "gunfire"}   # "three gunshot victims"
CARE_PLACES = {"hospital", "scene", "center", "centre", "clinic"}   # lemmas


def _treated_or_released(tok: Token) -> bool:
    """'Two teens were treated at the county hospital', 'were treated and released', 'three students had
    been released from the hospital': hurt, and alive."""
    lemma = tok.lemma_.lower()
    if lemma not in ("treat", "release") or subject_of(tok, ("nsubjpass",)) is None:
        return False
    if lemma == "treat":
        places = [g.lemma_.lower() for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(p in CARE_PLACES for p in places) or any(
            c.dep_ == "conj" and c.lemma_.lower() == "release" for c in tok.children)
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(g.lemma_.lower() in CARE_PLACES for g in c.children)
               for c in tok.children)


def _life_owner(life: Token) -> Optional[Token]:
    """Whose life a verb claimed, told with a possessive noun ("claimed a guard's life"); None for a
    pronoun ("took his own life" is a suicide, read elsewhere)."""
    owner = next((c for c in life.children if c.dep_ == "poss"), None)
    if owner is None or owner.tag_ == "PRP$" or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    return owner


def _relative_wound(verb: Token) -> Optional[Token]:
    """'Two guests suffered what officers described as minor injuries', 'a clerk received what
    appeared to be a knife wound': the parser hangs the wound in a clause of "what" under the verb,
    which has no object of its own. The wound word, or None."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "ccomp":
            sub = list(c.subtree)
            if any(t.tag_ == "WP" and t.lower_ == "what" for t in sub):
                return next((t for t in sub if t.dep_ in ("attr", "pobj", "oprd", "dobj")
                             and t.lemma_.lower() in ("injury", "wound")), None)
    return None


def _no_wound(wound: Token) -> bool:
    """'Suffered no injuries': none. ('No serious injury' says nothing of lighter ones.)"""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in wound.children) and not any(
        c.dep_ in ("amod", "conj") for c in wound.children)


def trigger_kind(tok: Token) -> Optional[str]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ == "NOUN" and low in GAPPED_STATES and tok.dep_ == "conj" and any(
            c.dep_ == "nummod" for c in tok.children):
        return "gapped_" + GAPPED_STATES[low]
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lemma in KILL_VERBS or low in ("killed", "murdered", "slain"):
            return "kill"
        if lemma in DIE_VERBS or (lemma == "pass" and any(c.lower_ == "away" for c in tok.children)):
            return "die"
        if lemma in ("claim", "take") and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "life" and (
                    _of_child(c) is not None or _life_owner(c) is not None) for c in tok.children):
            return "claim_lives"           # "claimed the lives of a toddler and her grandfather", "a guard's life"
        if _self_killing_arg(tok) is not None:
            return "suicide"               # "took his own life", "turned the gun on himself"
        if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" and any(
                g.lower_ in ("his", "her") for g in c.children) for c in tok.children):
            return "die"                   # "lost his life"; "have lost their lives" is mostly a tally
        if lemma == "survive" and any(c.dep_ == "neg" for c in tok.children) and not any(
                c.dep_ == "dobj" for c in tok.children):
            return "not_survive"           # "did not survive"
        if lemma in ("suffer", "sustain", "receive") and (any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("injury", "wound") and not _no_wound(c)
                for c in tok.children) or _relative_wound(tok) is not None):
            return "suffer_injury"         # also "suffered what officers described as minor injuries"
        if lemma == "suffer" and any(c.dep_ == "prep" and c.lower_ == "from" and any(
                g.lemma_.lower() in ("injury", "wound") for g in c.children) for c in tok.children):
            return "hospital"              # "suffering from stab wounds": hurt, maybe fatally
        if lemma in ("be", "remain", "list") and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(
                    g.lemma_.lower() == "condition" and any(
                        m.lower_ in ("critical", "serious", "stable", "fair", "grave", "good")
                        for m in g.children) for g in c.children) for c in tok.children):
            return "suffer_injury"         # "is in critical condition"
        if lemma == "leave" and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(
                    g.lemma_.lower() == "condition" and any(
                        m.lower_ in ("critical", "serious", "stable", "fair", "grave")
                        for m in g.children) for g in c.children) for c in tok.children):
            return "left_in_condition"     # "left two men in critical condition"
        if lemma in ("remain", "be", "stay", "lie") and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "hospital" for g in c.children)
                for c in tok.children):
            return "suffer_injury"         # "both guards remain in the hospital"
        if lemma == "send" and any(c.dep_ in ("dobj", "obj") for c in tok.children) and any(
                c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
                    g.lemma_.lower() in ("hospital", "hospitals") for g in c.children)
                for c in [*tok.children, *(t for o in tok.children if o.dep_ in ("dobj", "obj") for t in o.subtree)]):
            # "gunfire that sent two men to a hospital"; the parser may hang the "to" on the verb as a
            # dative, or on the last person sent ("sent both a nurse and her neighbor to the hospital")
            return "sent_to_hospital"
        if lemma in ("take", "transport", "rush", "fly", "airlift", "bring", "send") and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    g.lemma_.lower() in ("hospital", "center", "centre") for g in c.children)
                for c in tok.children) and any(c.dep_ == "nsubjpass" for c in tok.children):
            return "hospital"              # "were rushed to a hospital": hurt, maybe fatally
        if lemma == "bleed":
            return "hospital"
        if lemma in ("be", "remain", "list") and any(
                c.dep_ in ("acomp", "oprd") and c.lower_ in ("critical", "stable", "hospitalized")
                for c in tok.children):
            return "suffer_injury"         # "the clerk was critical but stable"
        if lemma == "recover" and tok.tag_ == "VBG":
            return "suffer_injury"         # "is recovering"
        if lemma == "fight" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() == "life" for g in c.children) for c in tok.children):
            return "suffer_injury"         # "is fighting for her life"
        if lemma in ("treat", "hospitalize") and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in ("injury", "wound")
                                                               for g in c.children) for c in tok.children):
            return "suffer_injury"
        if _treated_or_released(tok):
            return "suffer_injury"         # "were treated at the county hospital", "released from the hospital"
        if lemma in INJURE_VERBS or low in ("wounded", "injured"):
            return "injure"
        if lemma in HIT_VERBS or low in ("shot", "stabbed"):
            return "hit"
    if tok.pos_ in ("ADJ", "VERB") or tok.tag_ in ("JJ", "VBN"):
        if low in DEAD_WORDS:
            return "dead"
        if low in INJURED_WORDS:
            return "injured_adj"
    if tok.pos_ in ("NOUN", "PROPN"):
        has_of = _of_child(tok) is not None
        if lemma in ("shooting", "stabbing", "killing", "murder", "slaying", "death", "injury", "wounding") \
                and has_of:
            fatal = lemma in ("killing", "murder", "slaying", "death") or any(
                c.lower_ in ("fatal", "deadly", "death") for c in tok.children)
            if fatal:
                return "death_of"
            return "injury_of" if lemma in ("injury", "wounding") else "hit_noun"
        if lemma in BODY_NOUNS and not any(c.dep_ == "nummod" for c in tok.children) and not (
                tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in (
                    "find", "discover", "recover", "identify", "pull", "locate", "remove")):
            return None                    # "stabbed in the upper body" is not a corpse
        if lemma == "victim" and tok.tag_ == "NNS" and any(
                c.dep_ == "nummod" and tok.i - c.i <= 3 for c in tok.children) and any(
                c.dep_ == "compound" and c.lemma_.lower() in HIT_COMPOUNDS for c in tok.children):
            return "hit_victims"           # "officers found three gunshot victims": hit, some may have died
        if lemma in DEATH_NOUNS or low in ("deaths", "fatalities", "dead"):
            return "death_noun"
        if lemma in INJURY_NOUNS or low in ("injuries", "wounded", "injured"):
            return "injury_noun"
    return None


REFLEXIVES = {"himself", "herself", "themselves"}
POLICE_WORDS = {"police", "officer", "deputy", "trooper", "swat", "policeman", "policewoman", "cop", "marshal",
                "agent", "detective", "sheriff"}


def killer(trigger: Token, follow: bool = True) -> Optional[str]:
    """Who did the killing or shooting, as the clause says: "police" ("was shot and killed by police",
    "officers shot and killed the man"), "someone" (any other agent or subject: "killed by a gunman",
    "the man killed four people"), or None (no one named: "two men were killed"; "three officers died"
    names who died, not who killed)."""
    if follow and trigger_kind(trigger) not in ("kill", "hit"):
        return None
    who = None
    for c in trigger.children:
        if c.dep_ == "agent":
            who = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "nsubj" and not any(a.dep_ == "aux" and a.lemma_.lower() in ("say", "believe", "allege")
                                           for a in trigger.children):
            # ("a farmer who deputies say shot his neighbour", with 'say' read as the verb's
            # auxiliary: the subject is who says it)
            who = c
    if who is None and follow:
        # "was shot and killed by police": the agent hangs from one of the two verbs
        if trigger.dep_ == "conj" and trigger.head.i < trigger.i and not _lost_passive(trigger):
            return killer(trigger.head, follow=False)
        conj = next((c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if conj is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            return killer(conj, follow=False)
    if who is None:
        return None
    words = {who.lemma_.lower(), who.lower_} | {c.lemma_.lower() for c in who.children if c.dep_ == "compound"}
    return "police" if words & POLICE_WORDS else "someone"


def _lost_passive(trigger: Token) -> bool:
    """A passive casualty verb without a subject, hung by the parser on an active verb that is no casualty
    ("a sergeant confirmed to a station three farm workers ... were killed"): the active verb's subject did
    not kill."""
    return (any(c.dep_ == "auxpass" for c in trigger.children)
            and not any(c.dep_ in ("nsubjpass", "nsubj") for c in trigger.children)
            and not any(c.dep_ == "auxpass" for c in trigger.head.children)
            and trigger_kind(trigger.head) is None)


def _self_killing_arg(verb: Token) -> Optional[Token]:
    """The word that names the one who killed himself when `verb` is "take (his) own life" ('life'),
    "turn (the gun) on himself" ('himself') or "commit suicide" (its subject); None otherwise. Told
    after a shooting, it is the shooter's death, which GTD and the GVA count among the killed. "Turned
    the gun on himself and survived" is a hit, not a death: a sentence that says he lived gives nothing."""
    lemma = verb.lemma_.lower()
    arg = None
    if lemma == "take":
        arg = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "life"
                    and any(g.lower_ == "own" for g in c.children)), None)
    elif lemma == "turn" and any(c.dep_ == "dobj" for c in verb.children):
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        arg = next((c for c in on.children if c.lower_ in REFLEXIVES), None) if on is not None else None
    elif lemma == "commit" and any(c.dep_ == "dobj" and c.lower_ == "suicide" for c in verb.children):
        if (verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) and not (
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("appear", "seem")):
            return None                    # "threatened to commit suicide"; not "appeared to have committed"
        arg = casualty_subject(verb, ("nsubj",))     # "Dale Keffer had committed suicide": he
    if arg is None:
        return None                        # (asked of every verb: the sentence is read only past here)
    sent = verb.sent
    told = sent.text
    if sent.end < len(verb.doc) and verb.doc[sent.end].lower_ in ("he", "she"):
        told += " " + verb.doc[sent.end].sent.text      # "He was taken to hospital in critical condition."
    return None if _LIVED_RE.search(told) else arg


_LIVED_RE = re.compile(r"\b(?:survived|critical condition|serious condition|stable condition|hospitali[sz]ed|"
                       r"is expected to (?:survive|recover)|was (?:wounded|injured)|non-?life-threatening)\b",
                       re.IGNORECASE)


def _of_child(tok: Token) -> Optional[Token]:
    """The 'of' after a noun: its child, or the next word when the parser hung it elsewhere
    ("charged in the stabbing death of her cousin", with 'of' attached to 'charged')."""
    own = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if own is not None:
        return own
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.dep_ == "prep" and nxt.sent == tok.sent:
        return nxt
    return None


_DENIALS = {"non", "not", "none", "no", "never"}


def denied(word: Token) -> bool:
    """'non-fatal injuries', 'hit, none fatally', 'not fatally wounded': the fatal word is denied by
    one of the two words before it (a hyphen between them, no other punctuation)."""
    doc = word.doc
    for i in range(word.i - 1, max(word.sent.start, word.i - 2) - 1, -1):
        if doc[i].lower_ in _DENIALS:
            return True
        if doc[i].is_punct and doc[i].text != "-":
            return False
    return False


def is_fatal(verb: Token) -> bool:
    """'shot and killed', 'shot dead', 'shot to death', 'fatally shot', 'killed' itself."""
    for child in verb.children:
        if child.lower_ in FATAL_ADVERBS and not denied(child):
            return True
        if child.lower_ in DEAD_WORDS and child.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp",
                                                          "dep", "conj", "amod"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                g.lemma_.lower() == "death" for g in child.children):
            return True
        if child.dep_ == "conj" and trigger_kind(child) in ("kill", "die"):
            # "was shot and killed" but not "shot one man and killed another": same argument only
            if not any(g.dep_ in ("dobj", "nsubjpass", "nsubj") for g in child.children):
                return True
    if verb.dep_ == "conj" and trigger_kind(verb.head) in ("kill",) and not any(
            g.dep_ in ("dobj", "nsubjpass", "nsubj") for g in verb.children):
        return True
    return False


def _noun_before_aux(verb: Token) -> Optional[Token]:
    """'Lena Ortz of Pell was declared dead' with the subject hung on an earlier line's
    preposition: the noun phrase that ends right before the verb's auxiliary (or before the comma
    there, which closes an apposition: "... three farm workers, ages 30, 41 and 52, were killed")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not aux:
        return None
    j = min(a.i for a in aux) - 1
    ends = {j}
    if j > verb.sent.start and verb.doc[j].text == ",":
        # "confirmed to a station three farm workers, ages 30, 41 and 52, were killed": the comma that
        # closes the subject's apposition, which the parser hangs on a verb, ends the noun phrase too
        j -= 1
        ends.add(j)
    if j < verb.sent.start:
        return None
    t, found = verb.doc[j], None
    while t.right_edge.i in ends:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            found = t
        if t.head == t or t.head.i > j:
            break
        t = t.head
    if found is None or across_lines(found, verb) or found.lemma_.lower() in NOT_PEOPLE:
        return None
    if len(ends) > 1 and found.ent_type_ in ("ORG", "GPE", "LOC", "FAC"):
        return None                        # "according to the county police, Al Roe ... were shot": not the police
    return found


def casualty_subject(verb: Token, deps=("nsubjpass", "nsubj")) -> Optional[Token]:
    """Who a casualty verb is about: its subject (`syntax.subject_child`), else the subject it
    shares with the clause it hangs from ("was shot and died", "found him shot", "after being
    struck"): the climbs here are what casualty sentences need, the lookup is the shared one."""
    seen = 0
    while verb is not None and seen < 6:
        # Of two subjects, a person ("a grandmother who had lain in a coma since a shooting ...
        # died", with 'shooting' read as a second subject).
        found = subject_child(verb, deps, prefer=lambda c: c.lemma_.lower() not in NOT_PEOPLE)
        if found is not None:
            return found
        if seen == 0 and "nsubj" not in deps:
            own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if own is not None:
                return own
        lost = _noun_before_aux(verb)
        if lost is not None:
            return lost
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "advcl" and verb.tag_ == "VBD" and verb.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "mark" for c in verb.children):
            # "a woman wounded in a robbery on Friday died Monday" with 'wounded' read as the
            # main verb: a finite verb with no subject of its own shares the main clause's
            verb = verb.head
            seen += 1
            continue
        if verb.tag_ == "VBG" and (verb.dep_ == "pobj" or verb.dep_ in ("acl", "conj") and verb.head.pos_ in (
                "NOUN", "PROPN") and not is_person(verb.head) and verb.head.tag_ != "NNS"):
            # "was discovered near a pub suffering from a bullet wound", "found in the street suffering
            # from stab wounds": the participle hung on the place is the clause's, whose subject it shares
            # (also when joined to the place by "and": "found lying in a driveway and bleeding from wounds")
            up = _clause_of_place(verb.head)
            if up is not None:
                verb = up
                seen += 1
                continue
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX") \
                and "nsubj" in deps:
            # "were taken to a hospital after being struck by gunfire": the main clause's subject
            verb = verb.head.head
            seen += 1
            continue
        if verb.dep_ in ("xcomp", "oprd", "acomp") and verb.head.pos_ in ("VERB", "AUX"):
            # "left a teenager injured", "found him shot": the object; "were found shot": the subject
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _object(verb: Token) -> Optional[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if len(objs) > 1 and objs[0].tag_ in ("WP", "WDT") and objs[0].i < verb.i:
        return objs[1]                     # "a farmer who deputies say shot his neighbour": not "who"
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return _whole_word(child)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.head
    return _object_as_apposition(verb)


def _whole_word(tok: Token) -> Token:
    """'his ex-girlfriend', which the tokenizer splits and the parser makes three objects: the last piece
    (unless a count hangs on the first, where `counts.quantity_of` reads it: "three co-workers")."""
    doc = tok.doc
    if any(c.dep_ == "nummod" for c in tok.children):
        return tok
    while tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 1].whitespace_ == "" \
            and tok.whitespace_ == "" and doc[tok.i + 2].dep_ == tok.dep_ and doc[tok.i + 2].head == tok.head:
        tok = doc[tok.i + 2]
    return tok


def _object_as_apposition(verb: Token) -> Optional[Token]:
    """'the woman accused of shooting and killing 4-year-old Dana Bell': the parser hangs the name
    right after the verb on a word before it (an apposition of "woman", an object of "accused");
    it is the verb's object."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or verb.tag_ not in ("VBG", "VBD", "VBN"):
        return None
    head = doc[verb.i + 1]
    while head.head.i > verb.i and head.head != head:
        head = head.head
    if head.dep_ in ("appos", "dobj") and head.head.i < verb.i and head.pos_ == "PROPN" and verb in head.head.subtree:
        return head
    return None


TIME_NOUNS = {"morning", "afternoon", "evening", "night", "overnight", "day", "weekend", "monday", "tuesday",
              "wednesday", "thursday", "friday", "saturday", "sunday"}


def count_in_time(verb: Token) -> Optional[Token]:
    """'wounded three Saturday night', 'wounding another Friday': the parser hangs the object's count on
    the time phrase after it ("three Saturday night" as one noun phrase); the count is who was hit."""
    if verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]             # right after the verb: "killed three Saturday"
    if not ((nxt.dep_ == "nummod" and nxt.like_num) or nxt.lower_ == "another"):
        return None
    time = next((c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and c.lower_ in TIME_NOUNS), None)
    return nxt if time is not None and nxt in time.subtree and nxt.i < time.i else None


def _fired_at(verb: Token, at: Token) -> bool:
    """Does "at" after a shooting verb say what was fired at ("shot at the car", "was shot at"), not when
    or where ("appeared to be shot at 11:30 p.m.", "to be shot at a party")?"""
    pobj = next((c for c in at.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return True                        # "the house was shot at"
    if pobj.ent_type_ in ("TIME", "DATE"):
        return False
    return not any(c.dep_ == "auxpass" for c in verb.children)


def _inverted_subject(verb: Token) -> Optional[Token]:
    """'Wounded in the attack were a guard and two cooks', 'Also killed was a driver': the participle
    comes first and the parser reads who was hurt as the attribute of 'was'/'were' after it."""
    be = next((c for c in verb.children if c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" and c.i > verb.i), None)
    if be is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in list(be.children) + list(verb.children)
                 if c.dep_ in ("attr", "nsubj", "nsubjpass") and c.i > be.i), None)


FOUND_VERBS = {"find", "discover", "locate", "see"}
ILLNESS_NOUNS = {"illness", "cancer", "disease", "overdose", "stroke", "leukemia", "pneumonia"}


def _illness(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in ILLNESS_NOUNS or (lemma == "cause" and any(c.lower_ == "natural" for c in noun.children)) or (
        lemma == "attack" and any(c.lower_ == "heart" for c in noun.children))


def _natural_death(verb: Token) -> bool:
    """'Died naturally', 'died of natural causes', 'died from cancer', 'died after suffering from an
    illness': a death the article tells as no one's doing is no casualty (a relative's, told beside
    the shooting); 'died of his wounds' is."""
    if any(c.dep_ == "advmod" and c.lower_ == "naturally" for c in verb.children):
        return True
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
                p.dep_ == "pobj" and _illness(p) for p in c.children):
            return True
        if c.dep_ in ("advcl", "prep") and any(
                g.dep_ == "pobj" and _illness(g) and g.head.lower_ == "from" and g.head.head.lemma_.lower() == "suffer"
                for g in c.subtree):
            return True
    return False


def _passive(verb: Token) -> bool:
    # (a participle after "have" is the perfect, active: in "seems to have shot and killed his partners",
    # where the object hangs on the second verb, the subject is who shot, not who was shot)
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj", "advcl", "ccomp", "xcomp", "amod", "oprd", "acomp")
        and not any(c.dep_ == "dobj" or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in verb.children)
    ) or _found_shot(verb)


def _found_shot(verb: Token) -> bool:
    """'Officers found Dana Price shot to death': after a verb of finding, a participle with a
    subject and no object is passive; the parser tags 'shot' a past tense and 'Price' its subject,
    which read as the shooter. ('found that Price shot his brother' and 'found he had shot her'
    keep their active reading: a complementizer, an auxiliary or an object.)"""
    return (verb.tag_ in ("VBD", "VBN") and verb.dep_ in ("ccomp", "xcomp", "oprd")
            and verb.head.lemma_.lower() in FOUND_VERBS and verb.head.i < verb.i
            and not any(c.dep_ in ("dobj", "aux", "ccomp", "mark") for c in verb.children)
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children))


def finding_verb(tok: Token) -> Optional[Token]:
    """The verb of finding that a state word hangs from: 'found' in 'officers found the man dead',
    'arrived to find a farmer and his two sons wounded', 'found a baker dead and his apprentice
    injured' (where the parser joins the apprentice to the verb); None for anything else."""
    if tok.tag_ not in ("VBN", "JJ"):
        return None
    if tok.dep_ in ("ccomp", "xcomp", "oprd", "acomp"):
        verb = tok.head
    elif tok.dep_ == "acl":
        person = tok.head
        while person.dep_ == "conj" and person.head.pos_ != "VERB":
            person = person.head
        verb = person.head if person.dep_ in ("dobj", "conj") else person
    else:
        return None
    return verb if verb.lemma_.lower() in FOUND_VERBS and verb.i < tok.i else None


def found_hurt(tok: Token) -> bool:
    """'Officers arrived to find a farmer and his two sons wounded', 'found the man injured': people
    found hurt are people hit, told as they were found; whether they lived is told after ('all three
    were pronounced dead'), so they are not counted among the injured as such."""
    return trigger_kind(tok) == "injure" and finding_verb(tok) is not None


_FIELD_OF = {"kill": "killed", "injure": "injured", "hit": "hit"}


def names_nobody(arg: Token) -> bool:
    """Is the argument a count of none ("nobody", "none", "no one", "no officers")?"""
    return arg.lower_ in NONE_WORDS or any(c.lower_ == "no" for c in arg.children)


def _either_or(verb: Token) -> Optional[Token]:
    """The other verb of "killed or injured", "hurt or killed" (the parser hangs the 'or' and the
    second verb on the first), from either of them; None when `verb` has no such partner."""
    def has_or(t: Token) -> bool:
        return any(c.dep_ == "cc" and c.lower_ == "or" for c in t.children)
    if verb.dep_ == "conj" and has_or(verb.head):
        return verb.head
    if has_or(verb):
        return next((c for c in verb.children if c.dep_ == "conj"), None)
    return None


def trigger_args(tok: Token) -> list[tuple[str, Optional[Token]]]:
    kind = trigger_kind(tok)
    if kind is None:
        return []
    out: list[tuple[str, Optional[Token]]] = []
    if kind.startswith("gapped_"):
        # "six more shot": the state word carries its people's count
        num = next(c for c in tok.children if c.dep_ == "nummod")
        return [({"hit": "hit", "injured_adj": "injured", "dead": "killed"}[kind[7:]], num)]
    if kind == "hit" and any(c.dep_ == "prep" and c.lower_ == "at" and _fired_at(tok, c) for c in tok.children) \
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return []                          # "shot at them": fired at, not hit
    if kind in ("kill", "injure", "hit"):
        fld = _FIELD_OF[kind]
        if kind == "hit" and is_fatal(tok):
            fld = "killed"
        if kind == "injure" and any(c.lower_ in FATAL_ADVERBS for c in tok.children):
            fld = "killed"
        elif kind == "injure" and finding_verb(tok) is not None:
            fld = "hit"                    # found hurt: the article may go on to tell that they died
        either = _either_or(tok)
        if either is not None and _FIELD_OF.get(trigger_kind(either)) not in (None, fld):
            fld = "hit"                    # "four people were wounded or killed": hit, how many died unsaid
        timed = count_in_time(tok)
        if timed is not None:
            arg = timed
        elif _passive(tok) or tok.dep_ in ("amod",):
            arg = casualty_subject(tok, ("nsubjpass",)) or (tok.head if tok.dep_ in ("amod", "acl") else None)
            if arg is None:
                arg = _inverted_subject(tok)
            if arg is None:
                arg = casualty_subject(tok, ("nsubj",))
        else:
            arg = _object(tok)
            if arg is not None and arg.lemma_.lower() in MEASURE_NOUNS:
                arg = None                 # "killed just blocks from the school": no object
            if arg is None and kind in ("kill", "hit"):
                arg = _reduced_relative_subject(tok)
        if arg is None and kind == "injure" and (tok.tag_ == "VBD" or (tok.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children))) and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
            # "left a porter and two guests wounded": 'wounded' takes an object, so a subject with
            # none is a participle the parser read as a verb; its subject is who was hurt
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and (is_person(subj) or subj.tag_ == "NNS"):
                arg = subj
        if arg is None and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
            arg = _person_before(tok)
        elif arg is None and tok.tag_ in ("VBD", "VBN") and not _passive(tok):
            # "the parents of a mother fatally struck near the canal plan ...": a reduced relative the
            # parser read as the main verb; the person right before it, if not its own subject
            before = _person_before(tok)
            if before is not None and before.head != tok and before.dep_ != "nsubj":
                arg = before
        if tok.dep_ == "oprd" and arg is not None and fld != "killed" and own_dead(arg):
            # "left one dead and 12 injured": the object the parser gave is the dead one; the
            # injured are its conjunct
            arg = next((c for c in arg.children if c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN")), arg)
        if fld == "hit" and kind != "hit" and arg is not None and names_nobody(arg):
            fld = _FIELD_OF[kind]          # "nobody was killed or hurt": none of either
        out.append((fld, arg))
        reflexive = next((c for c in tok.children
                          if c.dep_ in ("conj", "appos") and c.lower_ in ("himself", "herself")), None)
        if reflexive is not None and arg is not None and reflexive != arg:
            out.append((fld, reflexive))   # "shot his wife and then himself": the shooter too
        # "Five guests, one fatally, were shot": the fatal part of a hit.
    elif kind in ("die", "not_survive"):
        if kind == "die" and _natural_death(tok):
            return []
        out.append(("killed", casualty_subject(tok, ("nsubj", "nsubjpass"))))
    elif kind == "claim_lives":
        life = next(c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "life")
        of = _of_child(life)
        out.append(("killed", next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None
                     else _life_owner(life)))
    elif kind == "suicide":
        out.append(("killed", _self_killing_arg(tok)))
    elif kind == "hit_victims":
        out.append(("hit", tok))
    elif kind == "left_in_condition":
        out.append(("injured", _object(tok)))
    elif kind == "hospital":
        out.append(("hit", casualty_subject(tok, ("nsubjpass", "nsubj"))))
    elif kind == "sent_to_hospital":
        out.append(("hit", _object(tok)))
    elif kind == "suffer_injury":
        fatal = any(g.lower_ in ("fatal", "deadly", "mortal", "lethal") and not denied(g) for c in tok.children
                    for g in c.subtree)
        fld = "killed" if fatal else "injured"
        wound = next((c for c in tok.children if c.dep_ == "dobj"), None) or _relative_wound(tok)
        wound = wound if wound is not None and wound.lemma_.lower() == "wound" else None
        if not fatal and wound is not None and not any(
                g.lower_ in SURVIVED_WOUND for g in wound.subtree):
            fld = "hit"                    # "suffered a gunshot wound": hurt, maybe fatally
        out.append((fld, casualty_subject(tok, ("nsubj", "nsubjpass"))))
    elif kind in ("hit_noun", "death_of", "injury_of"):
        # "the stabbing of three people", "the fatal shooting of a cyclist", "the death of a
        # grandmother", "the wounding of a clerk"
        of = _of_child(tok)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        out.append(({"hit_noun": "hit", "death_of": "killed", "injury_of": "injured"}[kind], pobj))
    elif kind in ("dead", "injured_adj"):
        if tok.head.lemma_.lower() in ("play", "pretend", "feign"):
            return []                      # "a wounded guest played dead"
        fld = "killed" if kind == "dead" else "injured"
        arg = None
        if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            arg = tok.head
        elif tok.dep_ == "conj" and any(c.dep_ == "nummod" for c in tok.children):
            arg = tok                      # "left three guards dead and two more hurt": its own count
        elif tok.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl", "dep", "conj"):
            arg = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if arg is None and tok.head.pos_ in ("VERB", "AUX"):
                # "left three people dead", "were found dead", "is dead"
                arg = _object(tok.head) or casualty_subject(tok.head)
        elif tok.dep_ in ("ROOT",):
            arg = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if arg is None and any(c.dep_ == "nummod" for c in tok.children):
            arg = tok                      # "3 dead", "12 injured"
        if fld == "injured" and arg is not None and arg.head is not None and any(
                c.lower_ in FATAL_ADVERBS and not denied(c) for c in tok.children):
            fld = "killed"
        out.append((fld, arg))
    elif kind == "injury_noun" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        # "found a porter with stab wounds", "was flown to a trauma center with injuries"
        holder = tok.head.head
        fatal = any(c.lower_ in ("fatal", "deadly", "mortal") and not denied(c) for c in tok.children)
        if holder.lemma_.lower() in ("charge", "accuse", "arrest", "book", "cite") or any(
                c.lower_ in DEAD_WORDS for c in list(holder.children) + list(holder.head.children)):
            arg = None                     # "charged with causing injury", "one dead and four more with wounds"
        elif holder.pos_ in ("NOUN", "PROPN", "PRON") and (is_person(holder) or holder.tag_ == "NNS"):
            arg = holder
        else:
            holder = _clause_of_place(holder)
            arg = _object(holder) or casualty_subject(holder) if holder is not None else None
        # a wound is a hit: the one found with it may have died of it
        out.append(("killed" if fatal else "hit", arg))
    elif kind in ("death_noun", "injury_noun"):
        fld = "killed" if kind == "death_noun" else "injured"
        if kind == "injury_noun" and (tok.lemma_.lower() != "injury" or tok.dep_ not in ("nsubj", "nsubjpass", "attr")):
            return []                      # "2 gunshot wounds" counts wounds, not people
        if tok.lemma_.lower() in ("homicide", "murder", "killing") and not any(
                c.dep_ == "nummod" for c in tok.children):
            return []
        out.append((fld, tok))
    return out


def own_dead(tok: Token) -> bool:
    """'one dead', 'two others dead': the noun carries its own death word, so it is the dead one of
    a list the parser built around it."""
    return any(c.dep_ == "amod" and c.lower_ in DEAD_WORDS for c in tok.children)


MEASURE_NOUNS = {"block", "mile", "yard", "foot", "feet", "minute", "hour", "day", "week", "night", "morning"}
NOT_VICTIM_SUBJECTS = {"police", "officer", "deputy", "trooper", "agent", "he", "she", "they", "i", "we", "you"}


def _clause_of_place(tok: Token) -> Optional[Token]:
    """The verb a "with" phrase of wounds belongs to when the parser hung it on a place ("drove to a fire
    station with gunshot wounds", "was brought to a clinic at Fifth and Vine with a gunshot wound"): up from
    `tok` through the place's own phrase (its preposition, a name's parts, a list) to the verb, or None
    where a person or any other word comes first."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and is_person(tok)):
            return None
        if tok.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _reduced_relative_subject(verb: Token) -> Optional[Token]:
    """'The student stabbed and killed near the dock was identified': 'shoot' and 'kill' take an object, so
    with none on the verb or its 'and' partners the parser read a reduced relative as the main
    verb, and its subject is who was shot."""
    if verb.tag_ not in ("VBD", "VBN") or _passive(verb):
        return None
    group = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        group.append(verb.head)
    for v in group:
        for c in v.children:
            if c.dep_ in ("dobj", "ccomp", "xcomp", "dative") and c.lemma_.lower() not in MEASURE_NOUNS:
                return None
            if c.lower_ in ("at", "back", "first", "off", "up", "through", "into", "toward", "towards"):
                return None                # "shot at the car", "shot back"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or not is_person(subj):
        return None
    if subj.lemma_.lower() in ATTACKER_NOUNS or subj.lower_ in NOT_VICTIM_SUBJECTS \
            or subj.lemma_.lower() in NOT_VICTIM_SUBJECTS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in subj.children):
        return None                        # only a described person ("the girl"); a bare name may be the shooter
    before = _person_before(verb)
    if before is not None and before.i != subj.i and subj.left_edge.i <= before.i <= subj.right_edge.i:
        return None                        # "the parents of a mother fatally struck": the mother, read by the caller
    return subj


def _person_before(trigger: Token) -> Optional[Token]:
    """The parser lost the argument ("a young mother fatally struck near ..."): the person noun
    written right before the trigger, adverbs aside."""
    i = trigger.i - 1
    while i >= trigger.sent.start and trigger.doc[i].pos_ == "ADV":
        i -= 1
    if i < trigger.sent.start:
        return None
    prev = trigger.doc[i]
    if prev.pos_ in ("NOUN", "PROPN") and (is_person(prev) or prev.tag_ == "NNS"):
        return prev
    return None


def across_lines(a: Token, b: Token) -> bool:
    """A line break between a trigger and its argument: a list item or a headline the parser
    joined to the next line ('ready to shoot' / '4.')."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo.i:hi.i])


def line_span(tok: Token) -> SpacySpan:
    """The part of `tok`'s sentence on `tok`'s own line: a headline or caption the parser joined to
    the next paragraph is judged apart from it ('Three people shot near Dellmoor' / 'Police are
    looking into several shootings')."""
    sent, doc = tok.sent, tok.doc
    lo = tok.i
    while lo > sent.start and "\n" not in doc[lo - 1].text and "\n" not in doc[lo - 1].whitespace_:
        lo -= 1
    hi = tok.i
    while hi + 1 < sent.end and "\n" not in doc[hi].whitespace_ and "\n" not in doc[hi + 1].text:
        hi += 1
    return doc[lo:hi + 1]
