"""Casualty mentions read from the dependency parse: the candidates `figures.py` chooses from.

A *trigger* reports a death ("killed", "died", "dead", "deaths", "fatally"), an injury ("wounded",
"injured", "hurt", "in critical condition", "remains in the hospital") or a hit that may be either
("shot", "stabbed", "was taken to a hospital", "found with a gunshot wound"). Its *argument* is the
passive subject, the object, the subject of "die", the noun a participle or adjective modifies, or the
object of "left"/"found" ("left three people dead"). The argument's *count* comes from
`numbers.find_quantities` over the words right before its head; a singular person with no count is
one person; its *role* separates victims from attackers and reflexive suicides. Candidates are
dropped when the sentence is a statistic over many incidents, is hypothetical ("could have killed"),
or is about an earlier year. Where the parse finds nothing, plain surface patterns ("3 people shot",
"killing two") are a fallback.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from .context import Context
from .numbers import Quantity, find_quantities

log = logging.getLogger(__name__)

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
                "toddler", "newborn", "boyfriend", "girlfriend", "mother-in-law", "father-in-law", "niece"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
NOT_PEOPLE = {"charge", "count", "shot", "round", "bullet", "time", "year", "day", "hour", "minute", "week",
              "month", "block", "mile", "foot", "feet", "gun", "weapon", "firearm", "car", "vehicle", "house",
              "home", "building", "dollar", "casing", "shell", "wound", "injury", "incident", "shooting",
              "case", "window", "door", "round", "location", "scene", "report", "call", "dog", "cat", "horse"}
NONE_WORDS = {"nobody", "none", "noone"}
SOURCE_NOUNS = {"figure", "data", "statistic", "report", "count", "tally", "estimate", "number",
                "official", "source", "record"}
REPORT_VERBS = {"say", "report", "confirm", "tell", "announce", "state", "add", "note", "according"}

_QUANT_PREFIX = {"well", "over", "more", "than", "at", "least", "about", "nearly", "almost", "some",
                 "up", "to", "as", "many", "around", "approximately", "roughly", "just", "under",
                 "fewer", "less", "an", "estimated", "no", "upwards", "of", "in", "excess", "close",
                 "a", "between", "and"}


@dataclass
class Candidate:
    """One count found in the text for one field, before the article's value is chosen."""

    field: str                     # killed | injured | hit | perpetrator_count | perpetrators_killed
    quantity: Quantity
    start: int                     # the phrase's characters in the article
    end: int
    sentence: SpacySpan
    explicit: bool = True          # a written count, not a singular noun read as 1
    partial: bool = False          # "three of the victims"
    revision: bool = False
    fatal_part: Optional[Quantity] = None   # "four were shot, one fatally": the killed part
    arg: Optional[Token] = None
    extra: list = field(default_factory=list)
    trigger: Optional[Token] = None


# --- finding candidates -----------------------------------------------------------------------

def candidates(ctx: Context, start: int, end: int) -> list[Candidate]:
    out = []
    raw = _raw_candidates(ctx, start, end)
    for i, cand in enumerate(raw):
        if cand.field == "killed" and cand.arg is not None and cand.arg.lower_ in ("they", "both", "all") \
                and cand.quantity.min is None:
            # "two men who had been shot ... where they died": the people just counted
            prev = next((c for c in reversed(raw[:i]) if c.sentence.start == cand.sentence.start
                         and c.field in ("hit", "injured") and c.quantity.min is not None), None)
            if prev is None:
                continue
            cand.quantity = prev.quantity
            cand.explicit = prev.explicit
            prev.field = "hit"
    raw = [c for c in raw if c.quantity.min is not None or c.quantity.max is not None]
    for cand in raw:
        out.append(cand)
        if cand.field == "hit" and cand.fatal_part is not None:
            # "four teens were shot, one fatally": one killed, and the hit count keeps all four
            q = cand.fatal_part
            out.append(Candidate("killed", Quantity(q.min, q.max, q.qualifier, 0, 0), cand.start, cand.end,
                                 cand.sentence, arg=cand.arg))
    # "suffered a gunshot wound and was dead": one person, counted among the killed only
    killed_args = {(c.sentence.start, c.arg.i) for c in out if c.field == "killed" and c.arg is not None}
    for c in out:
        # "X sustained a gunshot wound ..., where he later died": the one who died, not another victim
        if c.field == "injured" and not c.explicit and any(
                k.field == "killed" and k.sentence.start == c.sentence.start and k.arg is not None
                and k.arg.lower_ in PERSON_PRONOUNS and k.arg.i > c.arg.i for k in out):
            c.field = "hit"
    out = [c for c in out if not (c.field in ("hit", "injured") and c.fatal_part is None and c.arg is not None
                                  and (c.sentence.start, c.arg.i) in killed_args)]
    return _sum_in_sentence(out)


_NO_SUM = PERSON_PRONOUNS | {"they", "them", "himself", "herself", "themselves", "both", "all", "who"}


def _sum_in_sentence(cands: list[Candidate]) -> list[Candidate]:
    """'The gunman shot a guard in the neck before shooting a clerk': different people hit in one
    sentence add up (names and nouns only; a pronoun may be someone already counted)."""
    out: list[Candidate] = []
    groups: dict[tuple[int, str], Candidate] = {}
    for c in cands:
        key = (c.sentence.start, c.field)
        q = c.quantity
        # one named or described person each: a written count may be a total the other is part of
        summable = (c.field in SUMMED_FIELDS and c.arg is not None and c.trigger is not None and not c.partial
                    and not c.explicit and c.fatal_part is None and c.arg.lower_ not in _NO_SUM
                    and q.min == q.max == 1 and not any(t.lower_ in ("other", "another", "others")
                                                        for t in c.arg.subtree))
        first = groups.get(key)
        if summable and first is not None and first.arg.lemma_ != c.arg.lemma_ and not _related(first.arg, c.arg) \
                and _coordinated(first.trigger, c.trigger):
            fq = first.quantity
            first.quantity = Quantity(fq.min + q.min, fq.max + q.max, "exact", 0, 0)
            first.end = max(first.end, c.end)
            continue
        if summable and first is None:
            groups[key] = c
        out.append(c)
    return out


SUMMED_FIELDS = {"hit", "injured"}


def _coordinated(a: Token, b: Token) -> bool:
    """Are two triggers clauses of one report: 'X was shot and Y was wounded', 'striking X and
    grazing Y', 'shot X before shooting Y'?"""
    def top(t: Token) -> Token:
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        return t
    doc = a.doc
    if "\n" in doc[min(a.i, b.i):max(a.i, b.i)].text:
        return False                       # a headline glued to the lead repeats it
    if top(a) == top(b):
        return True
    later = b if b.i > a.i else a
    earlier = a if later is b else b
    return later.dep_ == "pcomp" and later.head.dep_ == "prep" and later.head.head == earlier


def _related(a: Token, b: Token) -> bool:
    """Is one argument inside the other's phrase ('the mother of the boy', 'two men, one of them')?"""
    return a in b.subtree or b in a.subtree


def _raw_candidates(ctx: Context, start: int, end: int) -> list[Candidate]:
    out: list[Candidate] = []
    for sent in ctx.doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        if all(ctx.removed(t.idx, t.idx + len(t.text)) for t in sent if not t.is_space):
            continue                       # boilerplate; a sentence only partly blanked still counts
        seen: set[tuple[str, int]] = set()
        for tok in sent:
            if not (start <= tok.idx < end):
                continue
            for fld, arg in _trigger_args(tok):
                if arg is None or (fld, arg.i) in seen or _across_lines(tok, arg):
                    continue
                seen.add((fld, arg.i))
                cand = _candidate(ctx, fld, tok, arg, sent)
                if cand is not None:
                    out.append(cand)
            multiple = _multiple_event(ctx, tok, sent)
            if multiple is not None:
                out.append(multiple)
            if tok.lemma_.lower() in ATTACKER_NOUNS or tok.lower_ in ATTACKER_NOUNS:
                if tok.pos_ in ("NOUN", "PROPN") and ("perpetrator_count", tok.i) not in seen:
                    seen.add(("perpetrator_count", tok.i))
                    cand = _count_of(ctx, "perpetrator_count", tok, tok, sent)
                    if cand is not None:
                        out.append(cand)
        have = {c.field for c in out if c.sentence.start == sent.start}
        out.extend(c for c in _surface_candidates(ctx, sent, start, end) if c.field not in have)
    return out


MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_HITS = {"shooting", "stabbing"}
MULTIPLE_DEATHS = {"homicide", "murder", "killing", "slaying", "fatality"}


def _multiple_event(ctx: Context, tok: Token, sent: SpacySpan) -> Optional[Candidate]:
    """'a quadruple shooting' hit four people; 'a double homicide' killed two."""
    if tok.lower_ not in MULTIPLES or tok.dep_ not in ("amod", "compound", "nmod"):
        return None
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma in MULTIPLE_HITS:
        fld = "hit"                        # "a fatal double shooting" may have killed one or both
    elif lemma in MULTIPLE_DEATHS:
        fld = "killed"
    else:
        return None
    if head.tag_ == "NNS" or is_aggregate(sent, head) or is_past_year(ctx, head):
        return None                        # "two double shootings", "a triple homicide in 2009"
    n = MULTIPLES[tok.lower_]
    return Candidate(fld, Quantity(n, n, "exact", 0, 0), tok.idx, head.idx + len(head.text), sent, arg=head)


def _across_lines(a: Token, b: Token) -> bool:
    """A line break between a trigger and its argument: a list item or a headline the parser
    joined to the next line ('ready to shoot' / '4.')."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in a.doc[lo.i:hi.i])


_PEOPLE = r"(?:(?:other|more|young|teenage|adult|innocent|police)\s+)?(?:people|persons|men|women|others|victims|" \
          r"teens|teenagers|children|kids|adults|officers|students|boys|girls|males|females|juveniles)"
_SURFACE_AFTER = re.compile(
    rf"^[ \t]*(?:{_PEOPLE}\s*)?(?:(?:were|was|are|have been|had been|got|remain|reportedly)\s+)*"
    r"(?P<word>shot dead|shot to death|killed|dead|died|wounded|injured|hurt|shot|hospitalized)\b",
    re.IGNORECASE)
_SURFACE_BEFORE = re.compile(r"\b(?P<word>killing|killed|wounding|wounded|injuring|injured|shooting|shot)[ \t]+$",
                             re.IGNORECASE)
_SURFACE_FIELD = {"shot dead": "killed", "shot to death": "killed", "killed": "killed", "dead": "killed",
                  "died": "killed", "killing": "killed", "wounded": "injured", "injured": "injured",
                  "hurt": "injured", "hospitalized": "injured", "wounding": "injured", "injuring": "injured",
                  "shot": "hit", "shooting": "hit"}


def _surface_candidates(ctx: Context, sent: SpacySpan, start: int, end: int) -> list[Candidate]:
    """Counts the parse missed but the words state plainly ("3 people shot", "killing two"):
    a fallback, used for a field only when the parse found nothing in the sentence."""
    if is_aggregate(sent, sent.root) or is_past_year(ctx, sent.root):
        return []
    text = ctx.text[sent.start_char:sent.end_char]
    out = []
    for q in find_quantities(text):
        phrase = text[q.start:q.end]
        if phrase.lower() in ("a", "an", "one") or q.point is None:
            continue
        s, e = sent.start_char + q.start, sent.start_char + q.end
        if not (start <= s and e <= end) or _in_entity(ctx.doc, s, e) or ctx.removed(s, e):
            continue
        m = _SURFACE_AFTER.match(text[q.end:q.end + 60])
        if m and (m.group("word").lower() not in ("killed", "shot") or re.match(
                rf"^\s*(?:{_PEOPLE}\s*)?(?:were|was|are|have been|had been|got)\s", text[q.end:q.end + 60], re.I)
                or m.group("word").lower() in ("killed",)
                or re.match(r"\s*(?:,|;|and\b|in\b|at\b|on\b|near\b|outside\b|inside\b|overnight\b|during\b|"
                            r"after\b|early\b|late\b|\.|$)", text[q.end + m.end():q.end + m.end() + 12], re.I)):
            fld = _SURFACE_FIELD[m.group("word").lower()]
            out.append(Candidate(fld, q, s, sent.start_char + q.end + m.end(), sent))
            continue
        b = _SURFACE_BEFORE.search(text[max(0, q.start - 20):q.start])
        if b and b.group("word").lower() in ("killing", "wounding", "injuring", "shooting"):
            out.append(Candidate(_SURFACE_FIELD[b.group("word").lower()], q, s, e, sent))
    return out


def _trigger_kind(tok: Token) -> Optional[str]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lemma in KILL_VERBS or low in ("killed", "murdered", "slain"):
            return "kill"
        if lemma in DIE_VERBS or (lemma == "pass" and any(c.lower_ == "away" for c in tok.children)):
            return "die"
        if lemma in ("suffer", "sustain", "receive") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("injury", "wound") for c in tok.children):
            return "suffer_injury"
        if lemma == "suffer" and any(c.dep_ == "prep" and c.lower_ == "from" and any(
                g.lemma_.lower() in ("injury", "wound") for g in c.children) for c in tok.children):
            return "hospital"              # "suffering from a gunshot wound": hurt, maybe fatally
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
            return "suffer_injury"         # "two men remain in the hospital"
        if lemma in ("take", "transport", "rush", "fly", "airlift", "bring") and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    g.lemma_.lower() in ("hospital", "center", "centre") for g in c.children)
                for c in tok.children) and any(c.dep_ == "nsubjpass" for c in tok.children):
            return "hospital"              # "were taken to a hospital": hurt, maybe fatally
        if lemma == "bleed":
            return "hospital"
        if lemma in ("be", "remain", "list") and any(
                c.dep_ in ("acomp", "oprd") and c.lower_ in ("critical", "stable", "hospitalized")
                for c in tok.children):
            return "suffer_injury"         # "two victims were critical but stable"
        if lemma == "recover" and tok.tag_ == "VBG":
            return "suffer_injury"         # "is recovering"
        if lemma == "fight" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() == "life" for g in c.children) for c in tok.children):
            return "suffer_injury"         # "is fighting for her life"
        if lemma in ("treat", "hospitalize") and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in ("injury", "wound")
                                                               for g in c.children) for c in tok.children):
            return "suffer_injury"
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
            return "death_of" if fatal else "hit_noun"
        if lemma in ("body", "corpse") and not any(c.dep_ == "nummod" for c in tok.children) and not (
                tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in (
                    "find", "discover", "recover", "identify", "pull", "locate", "remove")):
            return None                    # "struck in the upper body" is not a corpse
        if lemma in DEATH_NOUNS or low in ("deaths", "fatalities", "dead"):
            return "death_noun"
        if lemma in INJURY_NOUNS or low in ("injuries", "wounded", "injured"):
            return "injury_noun"
    return None


def _of_child(tok: Token) -> Optional[Token]:
    """The 'of' after a noun: its child, or the next word when the parser hung it elsewhere
    ("charged in the shooting death of his friend", with 'of' attached to 'charged')."""
    own = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if own is not None:
        return own
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.dep_ == "prep" and nxt.sent == tok.sent:
        return nxt
    return None


def _is_fatal(verb: Token) -> bool:
    """'shot and killed', 'shot dead', 'shot to death', 'fatally shot', 'killed' itself."""
    for child in verb.children:
        if child.lower_ in FATAL_ADVERBS:
            return True
        if child.lower_ in DEAD_WORDS and child.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp",
                                                          "dep", "conj", "amod"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                g.lemma_.lower() == "death" for g in child.children):
            return True
        if child.dep_ == "conj" and _trigger_kind(child) in ("kill", "die"):
            # "was shot and killed" but not "shot one man and killed another": same argument only
            if not any(g.dep_ in ("dobj", "nsubjpass", "nsubj") for g in child.children):
                return True
    if verb.dep_ == "conj" and _trigger_kind(verb.head) in ("kill",) and not any(
            g.dep_ in ("dobj", "nsubjpass", "nsubj") for g in verb.children):
        return True
    return False


def _subject(verb: Token, deps=("nsubjpass", "nsubj")) -> Optional[Token]:
    """The subject of `verb`, inherited along 'and' chains ("was shot and died")."""
    seen = 0
    while verb is not None and seen < 6:
        for dep in deps:
            # the subject nearest the verb: a dateline parsed as a second subject comes first
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                before = [c for c in found if c.i < verb.i]
                return before[-1] if before else found[0]
        if seen == 0 and "nsubj" not in deps:
            own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if own is not None:
                return own
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX") \
                and "nsubj" in deps:
            # "is recovering after accidentally shooting himself": the main clause's subject
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
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb.head
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj", "advcl", "ccomp", "xcomp", "amod", "oprd", "acomp")
        and not any(c.dep_ == "dobj" for c in verb.children))


def _trigger_args(tok: Token) -> list[tuple[str, Optional[Token]]]:
    kind = _trigger_kind(tok)
    if kind is None:
        return []
    out: list[tuple[str, Optional[Token]]] = []
    if kind == "hit" and any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children) and not any(
            c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return []                          # "shot at them": fired at, not hit
    if kind in ("kill", "injure", "hit"):
        fld = {"kill": "killed", "injure": "injured", "hit": "hit"}[kind]
        if kind == "hit" and _is_fatal(tok):
            fld = "killed"
        if kind == "injure" and any(c.lower_ in FATAL_ADVERBS for c in tok.children):
            fld = "killed"
        if _passive(tok) or tok.dep_ in ("amod",):
            arg = _subject(tok, ("nsubjpass",)) or (tok.head if tok.dep_ in ("amod", "acl") else None)
            if arg is None:
                arg = _subject(tok, ("nsubj",))
        else:
            arg = _object(tok)
        if arg is None and kind == "injure" and tok.tag_ == "VBD" and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
            # "left two men and a child wounded": 'wounded' takes an object, so a subject with
            # none is a participle the parser read as a verb; its subject is who was hurt
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and (_is_person(subj) or subj.tag_ == "NNS"):
                arg = subj
        if arg is None and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
            arg = _person_before(tok)
        elif arg is None and tok.tag_ in ("VBD", "VBN") and not _passive(tok):
            # "the family of a boy fatally shot outside a store is ...": a reduced relative the
            # parser read as the main verb; the person right before it, if not its own subject
            before = _person_before(tok)
            if before is not None and before.head is not tok and before.dep_ != "nsubj":
                arg = before
        out.append((fld, arg))
        # "Four teens, one fatally, were shot": the fatal part of a hit.
    elif kind == "die":
        out.append(("killed", _subject(tok, ("nsubj", "nsubjpass"))))
    elif kind == "left_in_condition":
        out.append(("injured", _object(tok)))
    elif kind == "hospital":
        out.append(("hit", _subject(tok, ("nsubjpass", "nsubj"))))
    elif kind == "suffer_injury":
        fatal = any(g.lower_ in ("fatal", "deadly", "mortal", "lethal") for c in tok.children for g in c.subtree)
        fld = "killed" if fatal else "injured"
        wound = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "wound"), None)
        if not fatal and wound is not None and not any(
                g.lower_ in SURVIVED_WOUND for g in wound.subtree):
            fld = "hit"                    # "suffered a gunshot wound": hurt, maybe fatally
        out.append((fld, _subject(tok, ("nsubj", "nsubjpass"))))
    elif kind in ("hit_noun", "death_of"):
        # "the shooting of five people", "the fatal shooting of a teen", "the death of a boy"
        of = _of_child(tok)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        out.append(("hit" if kind == "hit_noun" else "killed", pobj))
    elif kind in ("dead", "injured_adj"):
        fld = "killed" if kind == "dead" else "injured"
        arg = None
        if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            arg = tok.head
        elif tok.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl", "dep", "conj"):
            arg = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if arg is None and tok.head.pos_ in ("VERB", "AUX"):
                # "left three people dead", "were found dead", "is dead"
                arg = _object(tok.head) or _subject(tok.head)
        elif tok.dep_ in ("ROOT",):
            arg = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if arg is None and any(c.dep_ == "nummod" for c in tok.children):
            arg = tok                      # "3 dead", "12 injured"
        if fld == "injured" and arg is not None and arg.head is not None and any(
                c.lower_ in FATAL_ADVERBS for c in tok.children):
            fld = "killed"
        out.append((fld, arg))
    elif kind == "injury_noun" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        # "found a man with gunshot wounds", "was taken to hospital with injuries"
        holder = tok.head.head
        fatal = any(c.lower_ in ("fatal", "deadly", "mortal") for c in tok.children)
        if holder.lemma_.lower() in ("charge", "accuse", "arrest", "book", "cite") or any(
                c.lower_ in DEAD_WORDS for c in list(holder.children) + list(holder.head.children)):
            arg = None                     # "charged with malicious injury", "one dead and six others with wounds"
        elif holder.pos_ in ("NOUN", "PROPN", "PRON") and (_is_person(holder) or holder.tag_ == "NNS"):
            arg = holder
        elif holder.pos_ in ("VERB", "AUX"):
            arg = _object(holder) or _subject(holder)
        else:
            arg = None
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


def _person_before(trigger: Token) -> Optional[Token]:
    """The parser lost the argument ("a 14-year-old boy fatally shot outside ..."): the person noun
    written right before the trigger, adverbs aside."""
    i = trigger.i - 1
    while i >= trigger.sent.start and trigger.doc[i].pos_ == "ADV":
        i -= 1
    if i < trigger.sent.start:
        return None
    prev = trigger.doc[i]
    if prev.pos_ in ("NOUN", "PROPN") and (_is_person(prev) or prev.tag_ == "NNS"):
        return prev
    return None


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


def _ordinal_victim(arg: Token) -> Optional[int]:
    """'a fourth victim has died': at least four."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in arg.children):
        return None                        # "the fourth man" names one of them, not a new total
    if arg.lower_ in ORDINALS:
        return ORDINALS[arg.lower_]        # "a fifth was struck by a ricochet"
    if not (_is_person(arg) or arg.lemma_.lower() in ("victim", "person")) or arg.lemma_.lower() == "grader":
        return None                        # "a 10th-grader" is a pupil's class, not a count
    for c in arg.children:
        if c.dep_ == "amod" and c.lower_ in ORDINALS:
            return ORDINALS[c.lower_]
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", c.lower_)
        if c.dep_ == "amod" and m:
            return int(m.group(1))
    return None


def _phrase_start(arg: Token) -> int:
    """First token index of the words that may carry the argument's count."""
    i = arg.left_edge.i
    doc = arg.doc
    while i > 0 and doc[i - 1].lower_ in _QUANT_PREFIX and i > arg.sent.start:
        i -= 1
    return i


_NP_LEFT_DEPS = {"nummod", "quantmod", "det", "amod", "advmod", "compound", "predet", "nmod", "punct",
                 "npadvmod", "poss", "case", "cc", "conj", "prep", "pobj"}
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "ORDINAL", "PERCENT", "QUANTITY"}


def _left_start(arg: Token) -> int:
    """Index of the first word before `arg` that belongs to its own noun phrase head-ward."""
    i = arg.i
    for tok in reversed(list(arg.lefts)):
        if tok.dep_ not in _NP_LEFT_DEPS:
            break
        i = tok.left_edge.i
    return i


def _quantity_of(ctx: Context, arg: Token) -> Optional[tuple[Quantity, int, int]]:
    """The count written before the argument's head (or in it), as (quantity, start, end) in the text."""
    doc = arg.doc
    if arg.pos_ == "PROPN" and not any(c.dep_ == "nummod" for c in arg.children):
        return None
    i0 = _left_start(arg)
    while i0 > arg.sent.start and doc[i0 - 1].lower_ in _QUANT_PREFIX:
        i0 -= 1
    while i0 < arg.i and doc[i0].ent_type_ in _NOT_COUNTS and doc[i0].like_num:
        i0 += 1
    if arg.ent_type_ in _NOT_COUNTS:
        return None
    # A count attached to the head through "of" ("dozens of people") sits before it already;
    # a trailing nummod ("victims, 3,") is rare and ambiguous with ages, so it is not read.
    first = doc[i0]
    last = arg
    s, e = first.idx, last.idx + len(last.text)
    phrase = ctx.text[s:e]
    # read a little past the head so that "3 yr old" is seen as an age, then keep counts inside
    wider = ctx.text[s:min(len(ctx.text), e + 15)]
    found = [q for q in find_quantities(wider) if q.end <= len(phrase)
             and not _in_entity(doc, s + q.start, s + q.end)]
    # the count sits next to its noun: at most a few plain words between ("12 innocent people")
    found = [q for q in found if re.fullmatch(r"(?:[\s-]+[\w'’-]+){0,4}[\s-]*", phrase[q.end:arg.idx - s] + " ")
             or q.end >= arg.idx - s]
    if not found:
        return None
    q = found[-1]
    if q.min == 1 and q.max == 1 and phrase[q.start:q.end].lower() in ("a", "an"):
        # "a man": a singular, handled by the caller as an implicit 1
        if len(found) == 1:
            return None
        q = found[-2]
    return q, s + q.start, s + q.end


def _in_entity(doc, start: int, end: int) -> bool:
    """Does [start, end) touch a date, time, money, ordinal or percentage (not a count of people)?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in _NOT_COUNTS and t.like_num for t in span)


def _age_noun(tok: Token) -> bool:
    """'a 16-year-old' (split by the tokenizer into 16 - year - old) names one person."""
    if re.search(r"(?:year|yr|month)s?-old$", tok.lower_):
        return True
    doc = tok.doc
    units = ("year", "month", "week", "day", "yr", "yrs")
    return tok.lower_ == "old" and tok.i >= 1 and (
        doc[tok.i - 1].lemma_.lower() in units or (tok.i >= 2 and doc[tok.i - 2].lemma_.lower() in units))


def _is_person(tok: Token) -> bool:
    if _age_noun(tok):
        return True
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PERSON_PRONOUNS:
        return True
    if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")):
        return tok.pos_ == "PROPN"
    return lemma in PERSON_NOUNS or low in PERSON_NOUNS or low.endswith("year-old")


def _conjuncts(arg: Token) -> list[Token]:
    out = [arg]
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in arg.children):
        return out                         # "his brother or a friend": one of them, not both
    for c in arg.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            out.extend(_conjuncts(c))
    return out


def _own_state(part: Token) -> Optional[str]:
    """killed | injured when the noun carries its own casualty word ("one dead", "two others
    wounded", "two in critical condition"), else None."""
    for c in part.children:
        if c.dep_ in ("amod", "acl") and c.i > part.i or (c.dep_ == "amod" and part.pos_ == "NUM"):
            kind = _trigger_kind(c)
            if kind in ("dead", "kill", "die") or (kind == "hit" and _is_fatal(c)):
                return "killed"
            if kind in ("injured_adj", "injure"):
                return "injured"
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() == "condition" and any(m.lower_ in ("critical", "serious", "stable", "fair", "grave")
                                                     for m in g.children) for g in c.children):
            return "injured"
    # "left one dead and two others in critical condition" with the 'in' hung on the verb
    doc, j = part.doc, part.right_edge.i + 1
    if j + 2 < len(doc) and doc[j].lower_ == "in" and doc[j].head.i != part.i and any(
            doc[k].lemma_.lower() == "condition" for k in range(j + 1, min(j + 4, len(doc)))):
        return "injured"
    return None


def _count_of(ctx: Context, fld: str, trigger: Token, arg: Token, sent: SpacySpan) -> Optional[Candidate]:
    """The count of one argument (and its 'and' conjuncts) as a candidate, or None."""
    if fld == "perpetrator_count":
        if arg.tag_ not in ("NNS", "NNPS") and arg.lower_ != "gunmen":
            if not any(c.lower_ in ("lone", "single", "one") for c in arg.children):
                return None
    low = arg.lower_
    if low in NONE_WORDS or (low == "one" and any(c.lower_ == "no" for c in arg.children)) or (
            any(c.dep_ == "det" and c.lower_ == "no" for c in arg.children)):
        if any(c.lower_ in ("else", "other", "others", "further", "more", "additional", "serious")
               for c in arg.subtree):
            return None
        if any(c.dep_ in ("prep", "relcl", "acl") for c in arg.children):
            return None                    # "nobody inside the vehicle": only some of those present
        q = Quantity(0, 0, "exact", 0, 0)
        s = arg.left_edge.idx
        return Candidate(fld, q, s, arg.idx + len(arg.text), sent, arg=arg)
    if fld == "killed" and low in ("they", "all"):
        # resolved against the people counted just before in the sentence (`_candidates`)
        return Candidate(fld, Quantity(None, None, "exact", 0, 0), arg.idx, arg.idx + len(arg.text), sent,
                         explicit=False, arg=arg)
    parts = _conjuncts(arg) if fld != "perpetrator_count" else [arg]
    if trigger.dep_ == "amod" and trigger.head == arg and trigger.i < arg.i:
        parts = [arg]                      # "the injured boy and two others": the adjective is the boy's
    if len(parts) > 1 and _quantity_of(ctx, arg) is not None:
        # "two officers, Jo Li and Al Ray": the names list the counted people, they add nothing
        parts = [arg] + [p for p in parts[1:] if p.pos_ != "PROPN"]
    total_lo, total_hi, qual = 0, 0, None
    s, e = None, None
    explicit = False
    if len(parts) > 1 and fld in ("killed", "injured"):
        # "left one dead and three others wounded": a conjunct with its own state is another group
        parts = [p for p in parts if _own_state(p) in (None, fld)] or parts
        arg = parts[0]
    for part in parts:
        if part.lemma_.lower() in NOT_PEOPLE or (part.pos_ == "PROPN" and part.ent_type_ in ("GPE", "LOC", "FAC")):
            return None                    # "multiple charges", "three shots"; a dateline "MIAMI GARDENS"
        if any(c.lower_ == "unborn" for c in part.children):
            continue                       # "a woman and her unborn child": tallies count the people born
        got = _quantity_of(ctx, part)
        if got is not None:
            q, qs, qe = got
            explicit = True
        elif part.tag_ in ("NN", "NNP") or part.lower_ in PERSON_PRONOUNS or _age_noun(part) or (
                part.tag_ == "NNPS" and part.ent_type_ == "PERSON") or (
                part.lower_ in ("another", "other")):
            if fld == "perpetrator_count":
                q = Quantity(1, 1, "exact", 0, 0)
            elif part.lemma_.lower() in ("body", "corpse") and part.tag_ == "NN":
                pass
            elif not _is_person(part) and part.tag_ != "NNP" and part.lower_ not in ("another", "other"):
                return None
            q = Quantity(1, 1, "exact", 0, 0)
            qs, qe = part.left_edge.idx, part.idx + len(part.text)
        elif part is not parts[0] and part.tag_ in ("NNS", "NNPS") and explicit:
            continue                       # "five men and women": the count covers both
        else:
            return None
        if part.idx >= qs:
            qe = max(qe, part.idx + len(part.text))   # "at least 139 people", not "at least 139"
        s = qs if s is None else min(s, qs)
        e = qe if e is None else max(e, qe)
        if q.min is None:
            total_lo = None
        elif total_lo is not None:
            total_lo += q.min
        if q.max is None:
            total_hi = None
        elif total_hi is not None:
            total_hi += q.max
        qual = q.qualifier if qual is None or qual == q.qualifier else "about"
    if s is None:
        return None                        # nobody left to count ("her unborn baby")
    if len(parts) > 1:
        explicit = True
    quantity = Quantity(total_lo, total_hi, qual or "exact", 0, 0)
    return Candidate(fld, quantity, s, e, sent, explicit=explicit, arg=arg)


def _role(arg: Token, trigger: Token) -> str:
    """victim | attacker | self (a suicide) for the argument of a death or injury."""
    low, lemma = arg.lower_, arg.lemma_.lower()
    if low in ("himself", "herself", "themselves"):
        return "self"
    if lemma in ATTACKER_NOUNS or low in ATTACKER_NOUNS:
        return "attacker"
    for child in arg.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            for pobj in child.children:
                if pobj.lemma_.lower() in ATTACKER_NOUNS or pobj.lower_ in ATTACKER_NOUNS:
                    return "attacker"
    return "victim"


def _partial(arg: Token) -> bool:
    """'three of the victims', 'two of them', 'including two children'."""
    for child in arg.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            if any(p.tag_ in ("NNS", "NNPS", "PRP") or p.lower_ in ("them", "those", "these")
                   for p in child.children):
                return True
    if arg.dep_ == "pobj" and arg.head.lower_ in ("including", "among"):
        return True
    if arg.head.lower_ in ("including",):
        return True
    return False


def _revision(trigger: Token, sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in REVISION_WORDS for t in sent if t.lemma_.lower() != "toll" and (
        t.head == trigger or trigger.head == t or t.head == trigger.head or t == trigger.head))


AGGREGATE_NOUNS = {"shootings", "homicides", "murders", "killings", "attacks", "incidents", "bombings",
                   "stabbings", "deaths", "crimes"}
AGGREGATE_RE = re.compile(r"\b(?:so far this year|this year alone|since (?:january|the (?:start|beginning))|"
                          r"year to date|so far in \d{4}|each year|every year|per year|annually|a year|"
                          r"(?:in|over|during) the (?:last|past) (?:\d+|\w+) (?:days|weeks|months|years)|"
                          r"last year|years ago|a year ago|last (?:summer|spring|fall|autumn|winter)|"
                          r"nationwide|statewide|across the (?:country|nation|state|city))\b",
                          re.IGNORECASE)


def is_aggregate(sent: SpacySpan, trigger: Token) -> bool:
    """A statistic over many incidents ("more than 3,000 people were shot in those shootings");
    a plural trigger of that kind is a tally itself ("the city's 24 homicides")."""
    if AGGREGATE_RE.search(sent.text):
        return True
    return any(t.lower_ in AGGREGATE_NOUNS and t.tag_ == "NNS" and not _ranked(t)
               and _trigger_kind(t) != "death_of" for t in sent)   # "the deaths of four women": one event


def _ranked(noun: Token) -> bool:
    """'one of the worst mass shootings', 'among the deadliest attacks': a ranking of this event."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if not ((prep.lower_ == "of" and prep.head.lower_ == "one") or prep.lower_ == "among"):
        return False
    return any(c.tag_ in ("JJS", "RBS") or any(g.tag_ == "RBS" for g in c.children) for c in noun.children)


MODALS = {"could", "would", "might", "may", "should", "must", "can", "will"}
IRREALIS_HEADS = {"let", "fear", "try", "threaten", "want", "plan", "attempt", "intend", "vow",
                  "prevent", "avoid", "nearly", "almost"}


def _irrealis(trigger: Token) -> bool:
    """'could have killed her', "don't let my baby die", 'threatened to kill': nobody died."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in trigger.children):
        return True
    if any(c.lower_ in ("nearly", "almost") for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ == "conj" and head != trigger and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
        return True                        # "could have hit her and killed her"
    return trigger.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in IRREALIS_HEADS


def is_past_year(ctx: Context, trigger: Token) -> bool:
    """The trigger's clause names a year before the article's ('was murdered ... in 2005')."""
    pub = ctx.article.published or (ctx.settings.published.isoformat() if ctx.settings.published else None)
    if not pub:
        return False
    year = int(pub[:4])
    for tok in trigger.sent:
        if tok.ent_type_ == "DATE" and tok.like_num and re.fullmatch(r"(19|20)\d\d", tok.text):
            if int(tok.text) < year:
                return True
    return False


def _candidate(ctx: Context, fld: str, trigger: Token, arg: Token, sent: SpacySpan) -> Optional[Candidate]:
    if is_aggregate(sent, trigger) or _irrealis(trigger) or is_past_year(ctx, trigger):
        return None
    if _negated(trigger) and arg.lower_ not in NONE_WORDS and not any(
            c.lower_ == "no" for c in arg.children):
        return None
    if trigger.lemma_.lower() in ("toll", "death") and trigger == arg:
        num = _toll_value(trigger)
        if num is not None:
            arg = num
    if arg.tag_ in ("WP", "WDT") and arg.head.dep_ == "relcl":
        arg = arg.head.head                # "a woman who was shot": the woman
    while arg.dep_ == "conj" and arg.head.pos_ in ("NOUN", "PROPN", "NUM") and arg.head.i < arg.i:
        arg = arg.head                     # "three women and one man": count from the first conjunct
    role = _role(arg, trigger)
    if role == "self":
        # "the gunman killed himself" / "shot his wife and then himself": the attacker's own death;
        # "a boy accidentally shot himself": the one who shot is the only victim.
        subj = _subject(trigger, ("nsubj",))
        if (subj is not None and _role(subj, trigger) == "attacker") or _other_victims(trigger, sent):
            if fld not in ("killed",) and not (fld == "hit" and _is_fatal(trigger)):
                return None
            q = Quantity(1, 1, "exact", 0, 0)
            return Candidate("perpetrators_killed", q, arg.idx, arg.idx + len(arg.text), sent,
                             explicit=False, arg=arg)
        if subj is None:
            q = Quantity(1, 1, "exact", 0, 0)
            return Candidate(fld, q, arg.idx, arg.idx + len(arg.text), sent, explicit=False, arg=arg)
        arg = subj
    nth = _ordinal_victim(arg) if fld in ("killed", "hit", "injured") and role == "victim" else None
    if nth is not None:
        q = Quantity(nth, None, "at_least", 0, 0)
        # "three were killed and a fourth was wounded": the ordinal counts everyone hit, the
        # injured are what is left once the killed are taken out
        return Candidate(fld if fld == "killed" else "hit", q, arg.left_edge.idx, arg.idx + len(arg.text), sent,
                         revision=True, arg=arg)
    cand = _count_of(ctx, fld, trigger, arg, sent)
    if cand is None:
        return None
    cand.trigger = trigger
    if role == "attacker":
        if fld != "killed":
            return None
        cand.field = "perpetrators_killed"
    along = _along_with(ctx, trigger)
    if along is not None and cand.quantity.min is not None and along.min is not None:
        # "Ellis was shot along with three others": four people
        cand.quantity = Quantity(cand.quantity.min + along.min,
                                 None if cand.quantity.max is None or along.max is None
                                 else cand.quantity.max + along.max, cand.quantity.qualifier, 0, 0)
    if fld == "hit" and _additional(trigger, arg):
        # "the boyfriend was also shot", "another man was shot": on top of the killed, not among them
        cand.field = "injured"
    elif fld == "injured" and not cand.explicit and not _additional(trigger, arg) and not any(
            _trigger_kind(t) in ("kill", "die", "dead") or (_trigger_kind(t) == "hit" and _is_fatal(t))
            for t in sent if t != trigger) and not (SURVIVAL_RE.search(sent.text)):
        # "the boy was wounded" with no count: likely the victim the article says died; a hit
        cand.field = "hit"
    cand.partial = _partial(arg)
    cand.revision = _revision(trigger, sent)
    if fld == "hit":
        cand.fatal_part = _fatal_part(ctx, arg)
    return cand


# The sentence says the person lived: "in stable condition", "non-life-threatening", "was
# treated and released", "is expected to survive". Critical condition is left out: many die later.
SURVIVAL_RE = re.compile(r"\b(?:(?:stable|fair|good|satisfactory) condition|non-?\s?life[- ]threatening|"
                         r"(?:minor|superficial) (?:injur|wound)|treated and released|released from|"
                         r"expected to (?:survive|recover|be ok)|survived|is recovering|are recovering)",
                         re.IGNORECASE)


def _along_with(ctx: Context, trigger: Token) -> Optional[Quantity]:
    for child in trigger.children:
        if child.dep_ in ("prep", "advmod") and child.lower_ in ("along", "with"):
            prep = child
            if child.lower_ == "along":
                prep = next((c for c in child.children if c.lower_ == "with"), None)
                if prep is None:
                    continue
            elif not any(g.dep_ == "pobj" and (_is_person(g) or g.lower_ == "others") for g in child.children):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.lemma_.lower() in NOT_PEOPLE:
                continue
            got = _quantity_of(ctx, pobj)
            if got is not None:
                return got[0]
            if _is_person(pobj) and pobj.tag_ in ("NN", "NNP"):
                return Quantity(1, 1, "exact", 0, 0)
    return None


def _other_victims(trigger: Token, sent: SpacySpan) -> bool:
    """Does the sentence report someone other than the reflexive being killed or shot?"""
    for tok in sent:
        if tok == trigger or _trigger_kind(tok) not in ("kill", "hit", "die"):
            continue
        for fld, arg in _trigger_args(tok):
            if arg is not None and arg.lower_ not in ("himself", "herself", "themselves"):
                return True
    return any(c.dep_ in ("dobj", "conj") and c.lower_ not in ("himself", "herself", "themselves")
               and c.pos_ in ("NOUN", "PROPN", "PRON") for c in trigger.children)


def _additional(trigger: Token, arg: Token) -> bool:
    if any(c.lower_ in ("also", "too") for c in trigger.children):
        return True
    return any(c.lower_ in ("another", "other", "second", "third", "others", "additional", "more")
               for c in arg.subtree if c.i <= arg.i) or arg.lower_ in ("others", "more")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ in ("conj", "acomp", "oprd") and any(c.dep_ == "neg" for c in tok.head.children)
        and tok.dep_ != "conj")


def _toll_value(toll: Token) -> Optional[Token]:
    """'the death toll rose to 139', 'a death toll of 12', 'the toll stands at 40'."""
    cands = []
    for child in toll.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at"):
            cands.extend(child.children)
    head = toll.head if toll.dep_ in ("nsubj", "nsubjpass") else None
    if head is None and toll.dep_ == "compound" and toll.head.dep_ in ("nsubj", "nsubjpass"):
        head = toll.head.head
        for child in toll.head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "at"):
                cands.extend(child.children)
    if head is not None:
        for child in head.children:
            if child.dep_ in ("attr", "dobj"):
                cands.append(child)
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                cands.extend(child.children)
    for c in cands:
        if c.like_num or c.pos_ == "NUM" or c.lower_ in ("dozens", "hundreds"):
            return c
        if any(g.dep_ == "nummod" for g in c.children):
            return c
    return None


def _fatal_part(ctx: Context, arg: Token) -> Optional[Quantity]:
    """'four teens, one fatally, were shot' / 'two people were shot, one of them fatally'."""
    for tok in arg.sent:
        if tok.lower_ in FATAL_ADVERBS:
            prev = [t for t in arg.doc[max(arg.sent.start, tok.i - 4):tok.i]]
            text = " ".join(t.text for t in prev)
            found = find_quantities(text)
            if found and tok.i > arg.i:
                return found[-1]
    return None
