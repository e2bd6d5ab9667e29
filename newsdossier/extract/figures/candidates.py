"""Casualty mentions in a span of an article: the candidates `figures/__init__.py` chooses from.

Triggers and their arguments are read by `triggers.py`, how many people an argument is by
`counts.py`. This module decides what a trigger-argument pair means for the incident: the
argument's *role* separates victims from attackers and reflexive suicides; "three of the victims"
is a partial count; "a fourth victim" raises the total; "a quadruple shooting" names its size;
two people hit in coordinated clauses add up, as do one person and "N others" beside them; a count
the article marks as the whole ("a total of") replaces a smaller one. Candidates are dropped when the
sentence is a statistic over many incidents, is hypothetical ("could have killed"), is about an
earlier year, or is another story's headline in capitals. Where the parse finds nothing, plain
surface patterns ("3 people shot", "killing two") are a fallback.
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from ..context import Context
from ..lexicon.casualties import (ATTACKER_NOUNS, PERSON_KINDS, PERSON_PRONOUNS, REVISION_WORDS,
                                  is_person)
from ..syntax import negated
from .counts import (FigureCandidate, additional, along_with, count_of, fatal_part, in_entity, listed, ordinal_victim,
                     other_victims, zero_total)
from .filters import compared_event, earlier_event, in_lead, irrealis, is_aggregate, is_past_year, outdated, shouted
from .numbers import Quantity, find_quantities
from .triggers import (BODY_NOUNS, across_lines, casualty_subject, found_hurt, is_fatal, killer, line_span,
                       names_nobody, own_dead, trigger_args, trigger_kind)

log = logging.getLogger(__name__)


# words for people just counted in the sentence ("found two hikers ... where they died")
_GROUP_WORDS = ("they", "both", "all")


def candidates(ctx: Context, start: int, end: int) -> list[FigureCandidate]:
    out = []
    raw = _raw_candidates(ctx, start, end)
    for i, cand in enumerate(raw):
        if cand.field == "killed" and cand.arg is not None and cand.arg.lower_ in _GROUP_WORDS \
                and cand.quantity.min is None:
            # "found two hikers who had been stabbed ... where they died": the people just counted
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
            # "five guests were shot, one fatally": one killed, and the hit count keeps all five
            q = cand.fatal_part
            out.append(FigureCandidate("killed", Quantity(q.min, q.max, q.qualifier, 0, 0), cand.start, cand.end,
                                 cand.sentence, arg=cand.arg))
    # "had a stab wound and was dead": one person, counted among the killed only
    killed_args = {(c.sentence.start, c.arg.i): c.quantity for c in out if c.field == "killed" and c.arg is not None}
    for c in out:
        # "X sustained a wound to the neck ... and he died there": the one who died, not another victim
        if c.field == "injured" and not c.explicit and any(
                k.field == "killed" and k.sentence.start == c.sentence.start and k.arg is not None
                and k.arg.lower_ in PERSON_PRONOUNS and k.arg.i > c.arg.i for k in out):
            c.field = "hit"
        # "a grandmother who died days after she and three relatives were hurt": she is among the four
        elif c.field == "injured" and c.arg is not None and any(
                p.lower_ in ("he", "she") for p in [c.arg] + [g for g in c.arg.children if g.dep_ == "conj"]) \
                and any(k.field == "killed" and k.sentence.start == c.sentence.start and k is not c for k in out):
            c.field = "hit"
    out = [c for c in out if not (c.field in ("hit", "injured") and c.fatal_part is None and c.arg is not None
                                  and (c.sentence.start, c.arg.i) in killed_args
                                  and not _more_than_died(c.quantity, killed_args[(c.sentence.start, c.arg.i)]))]
    for c in out:
        # "a pastor was killed and his nephew was shot", "a guard was shot and a clerk killed": the one
        # hit beside a different person killed, in clauses of one report, is not among the dead
        if c.field == "hit" and c.fatal_part is None and _beside_the_dead(c, out):
            c.field = "injured"
    for c in out:
        # "shot four others, including one who died": the one who died is among the four
        if c.field == "injured" and c.arg is not None and any(
                k.field == "killed" and k.partial and k.arg is not None and k.arg != c.arg
                and k.sentence.start == c.sentence.start and (k.arg in c.arg.subtree or (
                    k.arg.head.lower_ == "including" and k.arg.head.head in (c.arg, c.arg.head))) for k in out):
            c.field = "hit"
    for c in out:
        # "five people, including Fred Dunne, were injured ... Dunne died on Sunday": the one named
        # among the injured whom the article reports dead is no longer among them
        if c.field == "injured" and c.explicit and not c.partial and c.quantity.min and c.arg is not None:
            named = _included_names(c.arg)
            if named and any(k.field == "killed" and k.arg is not None and _same_person(ctx, k.arg, n)
                             for k in out for n in named):
                c.quantity = _shifted(c.quantity, -1)
    _the_other(out)
    _died_apart(out)
    out = _also_another(out)
    return _sum_in_sentence(_one_and_others(out))


def _shifted(q: Quantity, n: int) -> Quantity:
    """The count `n` people more (or fewer), on the same words."""
    return Quantity(q.min + n, None if q.max is None else q.max + n, q.qualifier, q.start, q.end)


def _more_than_died(hit: Quantity, died: Quantity) -> bool:
    """Are more people hit than the same words say died ("one of three people shot has died")?"""
    return hit.point is not None and died.point is not None and died.point < hit.point


def _one_and_others(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """'A boy fought for his life while three others were hospitalized': the one described and
    the others counted beside him, in clauses of one sentence, are four."""
    drop = set()
    for c in cands:
        if c.field not in SUMMED_FIELDS or not c.explicit or c.partial or c.arg is None or c.trigger is None \
                or c.quantity.min is None:
            continue
        kids = list(c.arg.children)
        if any(k.dep_ == "det" and k.lower_ == "the" for k in kids):
            continue
        if not (c.arg.lower_ == "others" or any(k.dep_ == "amod" and k.lower_ in ("other", "more") for k in kids)):
            continue                       # ("the other three" are handled by `_the_other`)
        one = next((p for p in cands if p is not c and p.field in SUMMED_FIELDS and p.sentence.start == c.sentence.start
                    and not p.explicit and p.arg is not None and p.trigger is not None and p.arg.i < c.arg.i
                    and p.quantity.min == p.quantity.max == 1 and p.arg.lower_ not in _NO_SUM
                    and not _related(p.arg, c.arg) and _side_by_side(p.trigger, c.trigger)), None)
        if one is None and _also(c.trigger):
            # "One guard had been hit. He was flown ... Two other guards had also been hit": the
            # last one counted in the two sentences before, when that is one person
            before = [p for p in cands if p.field in SUMMED_FIELDS and p.arg is not None and p.arg.lower_ not in _NO_SUM
                      and p.sentence.start < c.sentence.start and p.sentence.start >= _sentences_back(c.sentence, 2)]
            last = before[-1] if before else None
            if last is not None and not last.partial and last.quantity.min == last.quantity.max == 1 \
                    and last.fatal_part is None:
                one = last
        if one is None:
            continue
        _absorb(c, one)                    # "a man was shot and two others were wounded": three hit
        drop.add(id(one))
    return [c for c in cands if id(c) not in drop]


def _absorb(c: FigureCandidate, one: FigureCandidate) -> None:
    """Count the one person of `one` in `c` too; one hurt and others wounded, or the reverse, are all hit."""
    c.quantity = _shifted(c.quantity, 1)
    c.start = min(c.start, one.start)
    if one.field != c.field:
        c.field = "hit"


def _sentences_back(sent: SpacySpan, n: int) -> int:
    """The first token of the sentence `n` sentences before `sent` (or of the text)."""
    start = sent.start
    for _ in range(n):
        if start == 0:
            break
        start = sent.doc[start - 1].sent.start
    return start


def _also(trigger: Token) -> bool:
    """'were also shot', 'had also been wounded' (the parser may hang "also" on an auxiliary)."""
    return any(c.lower_ in ("also", "too") for c in trigger.children) or any(
        g.lower_ in ("also", "too") for c in trigger.children if c.dep_ in ("aux", "auxpass") for g in c.children)


def _side_by_side(a: Token, b: Token) -> bool:
    """Coordinated clauses, also as the parser misreads them: "X fought for his life while three
    others were hospitalized" (b an adverbial clause of a), "X was ... and four others were ..., police
    said" (both clauses of "said", joined by "and")."""
    if _coordinated(a, b):
        return True
    if b.dep_ == "advcl" and b.head == a and any(m.dep_ == "mark" and m.lower_ in ("as", "while") for m in b.children):
        return True
    return (a.head == b.head and a != a.head and a.dep_ == b.dep_ and a.i < b.i
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in a.children))


def _the_other(cands: list[FigureCandidate]) -> None:
    """'One woman remains in good condition. The other two women are in fair condition': three hurt;
    'one died at the scene; the other two died at a hospital': three dead. The later count holds the
    one, so it replaces it when the article's value is chosen."""
    for i, c in enumerate(cands):
        if c.field not in ("injured", "killed") or c.arg is None or c.quantity.point is None:
            continue
        kids = list(c.arg.children)
        if not (any(k.dep_ == "det" and k.lower_ == "the" for k in kids) and any(
                k.dep_ == "amod" and k.lower_ == "other" for k in kids)):
            continue
        prev = next((p for p in reversed(cands[:i]) if p.field == c.field and p.arg is not None
                     and p.quantity.point == 1 and (p.arg.lower_ == "one" or any(
                         k.dep_ == "nummod" and k.lower_ == "one" for k in p.arg.children))
                     and p.sentence.start <= c.sentence.start), None)
        if prev is None or (prev.sentence.start != c.sentence.start and prev.sentence.end != c.sentence.start):
            continue
        c.quantity = _shifted(c.quantity, 1)
        c.partial = False
        c.revision = True                  # the whole, which holds the one counted before


def _kind(tok: Token) -> Optional[str]:
    """The sex (m, f) and age (a, c) a noun tells of, as far as it tells them; None for other words."""
    return PERSON_KINDS.get(tok.lemma_.lower())


def _apart(a: str, b: str) -> bool:
    """Can no one be described by both kinds (a man is no woman, a girl no woman)?"""
    sex = {x for x in a + b if x in "mf"}
    age = {x for x in a + b if x in "ac"}
    return len(sex) == 2 or len(age) == 2


def _people(c: FigureCandidate, cands: list[FigureCandidate]) -> list[Token]:
    """The words of each person a candidate counts: the argument and the ones joined to it; for
    "they", "both" or "all" the people the sentence counted before it ("a guard and a porter were
    flown to Ashby General, where both died")."""
    arg = c.arg
    if arg.lower_ in _GROUP_WORDS:
        prev = next((p for p in reversed(cands) if p is not c and p.sentence.start == c.sentence.start
                     and p.arg is not None and p.arg.i < arg.i and p.quantity.point == c.quantity.point), None)
        if prev is None:
            return []
        arg = prev.arg
    return [arg] + [g for g in arg.children if g.dep_ == "conj"]


def _died_apart(cands: list[FigureCandidate]) -> None:
    """'Three people were shot. The mother was pronounced dead on the porch. Her husband and her son
    died hours later': the dead of two sentences one after the other, whom their nouns tell apart,
    add up while they are no more than the people the article counted hit before."""
    for i, c in enumerate(cands):
        if c.field != "killed" or c.arg is None or c.partial or c.quantity.point is None:
            continue
        prev = next((p for p in reversed(cands[:i]) if p.field == "killed"), None)
        if prev is None or prev.arg is None or prev.partial or prev.quantity.point != 1 \
                or prev.sentence.end != c.sentence.start:
            continue
        hit = [h for h in cands[:i] if h.field == "hit" and h.explicit and not h.partial
               and h.quantity.point is not None and h.sentence.start < prev.sentence.start]
        total = prev.quantity.point + c.quantity.point
        if not hit or hit[-1].quantity.point < total:
            continue
        one = [_kind(t) for t in _people(prev, cands)]
        them = [_kind(t) for t in _people(c, cands)]
        if not one or not them or None in one + them or not all(_apart(a, b) for a in one for b in them):
            continue
        q = c.quantity
        c.quantity = Quantity(total, total, "exact", q.start, q.end)
        c.explicit = True
        c.revision = True


def _also_another(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """'A cook was hit in the shoulder. Her husband was also hit': one person hit, then another in the
    next sentence whom "also" tells apart from the first, are two. (Nouns alone that tell two people
    apart, "a woman ... a man", were tried and dropped: the pair often replaced a count of everyone.)"""
    drop = set()
    for i, c in enumerate(cands):
        if not _one_person(c):
            continue
        # the last casualty told before this sentence; one killed stays apart ("a woman was killed. Her
        # son was also shot": the son is hurt beside her, as `additional` already reads him)
        prev = next((p for p in reversed(cands[:i]) if p.field in SUMMED_FIELDS | {"killed"}
                     and p.sentence.start < c.sentence.start), None)
        if prev is None or id(prev) in drop or not _one_person(prev) or prev.sentence.end != c.sentence.start \
                or prev.arg.lemma_.lower() == c.arg.lemma_.lower() or _related(prev.arg, c.arg) \
                or not _also(c.trigger):
            continue
        _absorb(c, prev)                   # "a cook was hit ... her son was also wounded": two hit
        c.explicit = True
        drop.add(id(prev))
    return [c for c in cands if id(c) not in drop]


def _one_person(c: FigureCandidate) -> bool:
    """A candidate for one person named by a common noun (not a pronoun, a name or a count)."""
    return (c.field in SUMMED_FIELDS and c.arg is not None and c.trigger is not None and not c.explicit
            and not c.partial and c.quantity.point == 1 and c.fatal_part is None and c.arg.tag_ == "NN"
            and c.arg.lower_ not in _NO_SUM and is_person(c.arg))


def _included_names(arg: Token) -> list[Token]:
    """The named people an "including" phrase of the argument lists ("five people, including Fred Dunne"),
    or the one said to be among them ("Dunne was one of five people injured")."""
    out = []
    one = arg.head.head if arg.dep_ == "pobj" and arg.head.lower_ == "of" else None
    if one is not None and one.lower_ == "one" and one.dep_ == "attr":
        out.extend(c for c in one.head.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON")
    for t in arg.subtree:
        if t.lower_ == "including" and t.dep_ == "prep":
            for p in t.children:
                if p.dep_ == "pobj":
                    out.extend(x for x in [p] + [g for g in p.subtree if g.dep_ == "conj"]
                               if x.ent_type_ == "PERSON")
    return out


def _same_person(ctx: Context, a: Token, b: Token) -> bool:
    """Do two name tokens (each a name's head word, mostly the surname) name one person: the entity
    index's actor when it knows both, else the same word?"""
    if a.ent_type_ != "PERSON" or b.ent_type_ != "PERSON":
        return False
    if ctx.entities is not None:
        ea = ctx.entities.resolve(a.idx, a.idx + len(a.text))
        eb = ctx.entities.resolve(b.idx, b.idx + len(b.text))
        if ea is not None and eb is not None:
            return ea == eb
    return a.lower_ == b.lower_


def _beside_the_dead(hit: FigureCandidate, cands: list[FigureCandidate]) -> bool:
    """Is a different person (not a pronoun, not inside the hit one's phrase) killed in a clause
    coordinated with the hit, in the same sentence?"""
    trig = hit.trigger
    if hit.arg is None or trig is None or hit.arg.lower_ in _NO_SUM:
        return False
    if any(c.lower_ == "all" for c in hit.arg.children):
        # "striking all four passengers and killing both brothers": the four hold the brothers
        return False
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in trig.children):
        return False                       # "gunned down his wife and killed their children": both dead
    if hit.arg.i < trig.i and trig.tag_ == "VBD" and not any(c.dep_ == "auxpass" for c in trig.children):
        return False                       # "the farmer shot and killed his mother": the one who shot
    return any(k.field == "killed" and k.arg is not None and k.trigger is not None and k.trigger is not trig
               and k.sentence.start == hit.sentence.start and k.arg.lower_ not in _NO_SUM and not k.partial
               and not k.arg.like_num and k.arg.lower_ not in ("one", "other", "another")
               and k.arg.lemma_ != hit.arg.lemma_ and not _related(k.arg, hit.arg)
               and _coordinated(k.trigger, trig) for k in cands)


_NO_SUM = PERSON_PRONOUNS | {"they", "them", "himself", "herself", "themselves", "both", "all", "who"}


def _sum_in_sentence(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """'The intruder stabbed a cook in the arm before stabbing a porter': different people hit in one
    sentence add up (names and nouns only; a pronoun may be someone already counted)."""
    out: list[FigureCandidate] = []
    groups: dict[tuple[int, str], FigureCandidate] = {}
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
        while t.dep_ == "conj" and t.head != t:
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
    """Is one argument inside the other's phrase ('the aunt of the girl', 'three guards, one of them')?"""
    return a in b.subtree or b in a.subtree


def _raw_candidates(ctx: Context, start: int, end: int) -> list[FigureCandidate]:
    out: list[FigureCandidate] = []
    for sent in ctx.doc.sents:
        if sent.end_char <= start or sent.start_char >= end:
            continue
        seen: set[tuple[str, int]] = set()
        first = len(out)  # this sentence's candidates are out[first:]
        for tok in sent:
            if not (start <= tok.idx < end):
                continue
            for fld, arg in trigger_args(tok):
                if arg is None or (fld, arg.i) in seen or across_lines(tok, arg):
                    continue
                seen.add((fld, arg.i))
                cand = _candidate(ctx, fld, tok, arg, sent)
                if cand is not None:
                    out.append(cand)
            multiple = _multiple_event(ctx, tok, sent)
            if multiple is not None:
                out.append(multiple)
            suicide = _murder_suicide_event(ctx, tok, sent)
            if suicide is not None:
                out.append(suicide)
            if tok.lemma_.lower() in ATTACKER_NOUNS or tok.lower_ in ATTACKER_NOUNS:
                if tok.pos_ in ("NOUN", "PROPN") and ("perpetrator_count", tok.i) not in seen:
                    seen.add(("perpetrator_count", tok.i))
                    cand = count_of(ctx, "perpetrator_count", tok, tok, sent)
                    if cand is not None:
                        out.append(cand)
        have = {c.field for c in out[first:] if c.sentence.start == sent.start}
        out.extend(c for c in _surface_candidates(ctx, sent, start, end) if c.field not in have)
    return out


MURDER_SUICIDE_RE = re.compile(r"(?<!attempted )\bmurder[- ]suicide\b", re.IGNORECASE)


def murder_suicide(ctx: Context) -> bool:
    """Does the article call the event a murder-suicide?"""
    return MURDER_SUICIDE_RE.search(ctx.text) is not None


def _murder_suicide_event(ctx: Context, tok: Token, sent: SpacySpan) -> Optional[FigureCandidate]:
    """'a murder-suicide': the one who killed died too, by his own hand (one attacker killed, when the
    article says nothing more of him). Not a denial or a question ("not calling it a murder-suicide",
    "asked if it was a murder-suicide"), nor a tally ("two murder-suicides this year")."""
    if tok.lower_ != "suicide" or tok.tag_ != "NN" or tok.i < 2:
        return None
    doc = tok.doc
    murder = doc[tok.i - 2] if doc[tok.i - 1].text == "-" else doc[tok.i - 1]   # "murder-suicide", "murder suicide"
    if murder.lower_ != "murder":
        return None
    if "?" in sent.text or is_aggregate(sent, tok) or is_past_year(ctx, tok):
        return None
    if murder.i > 0 and doc[murder.i - 1].lower_ in ("attempted", "attempt"):
        return None                        # "an attempted murder-suicide": someone lived
    if not in_lead(tok, 4):
        return None                        # the lead names the event; further down it may be another one
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "whether"))
           for a in tok.ancestors for c in a.children) or any(w.lower_ in ("possible", "possibly") for w in sent):
        return None
    return FigureCandidate("perpetrators_killed", Quantity(1, 1, "exact", 0, 0), murder.idx,
                           tok.idx + len(tok.text), sent, explicit=False, arg=tok)


MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_HITS = {"shooting", "stabbing"}
MULTIPLE_DEATHS = {"homicide", "murder", "killing", "slaying", "fatality"}


def _multiple_event(ctx: Context, tok: Token, sent: SpacySpan) -> Optional[FigureCandidate]:
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
    return FigureCandidate(fld, Quantity(n, n, "exact", 0, 0), tok.idx, head.idx + len(head.text), sent, arg=head)


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


# "neither of the two", "none of the three": a count of a group none of whom the words after it speak of
# ("each of the two" speaks of both, and stays)
_NONE_OF = re.compile(r"\b(?:neither|none|nobody|no one)\s+of\s+(?:the\s+|those\s+|these\s+|their\s+)?$",
                      re.IGNORECASE)


_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "time", "block", "mile", "foot", "feet",
          "round", "bullet", "casing", "shell", "dollar", "charge", "count"}


def _surface_candidates(ctx: Context, sent: SpacySpan, start: int, end: int) -> list[FigureCandidate]:
    """Counts the parse missed but the words state plainly ("3 people shot", "killing two"):
    a fallback, used for a field only when the parse found nothing in the sentence."""
    out = []
    text = ctx.text[sent.start_char:sent.end_char]
    for q in find_quantities(text):
        phrase = text[q.start:q.end]
        if phrase.lower() in ("a", "an", "one") or q.point is None:
            continue
        s, e = sent.start_char + q.start, sent.start_char + q.end
        tok = ctx.doc.char_span(s, e, alignment_mode="expand")
        if tok is None or is_aggregate(sent, tok[0]) or is_past_year(ctx, tok[0]) or outdated(tok[0]) \
                or compared_event(tok[0]):
            continue
        if not (start <= s and e <= end) or in_entity(ctx.doc, s, e):
            continue
        if _NONE_OF.search(text[max(0, q.start - 25):q.start]):
            continue                       # "neither of the two officers was hurt": none of them
        unit = re.match(r"\s*(?:of\s+)?(\w+)", text[q.end:q.end + 30])
        if unit and unit.group(1).lower().rstrip("s") in _UNITS:
            continue                       # "a shooting a couple of days ago": not people
        m = _SURFACE_AFTER.match(text[q.end:q.end + 60])
        if m and re.match(r"\s+or\b", text[q.end + m.end():]):
            continue                       # "four people were wounded or killed": which, unsaid
        if m and (m.group("word").lower() not in ("killed", "shot") or re.match(
                rf"^\s*(?:{_PEOPLE}\s*)?(?:were|was|are|have been|had been|got)\s", text[q.end:q.end + 60], re.I)
                or m.group("word").lower() in ("killed",)
                or re.match(r"\s*(?:,|;|and\b|in\b|at\b|on\b|near\b|outside\b|inside\b|overnight\b|during\b|"
                            r"after\b|early\b|late\b|\.|$)", text[q.end + m.end():q.end + m.end() + 12], re.I)):
            group = re.match(rf"^[ \t]*{_PEOPLE}", text[q.end:q.end + 60], re.I)
            if q.point == 0 and group and not zero_total(group.group(0).strip().lower()):
                continue                   # "no officers were hurt": a group of those present, not the total
            fld = _SURFACE_FIELD[m.group("word").lower()]
            word = ctx.doc.char_span(sent.start_char + q.end + m.start("word"),
                                     sent.start_char + q.end + m.end("word"), alignment_mode="expand")
            if fld == "injured" and word is not None and found_hurt(word[0]):
                fld = "hit"                # "arrived to find ... two sons wounded": hit, as the parse reads it
            out.append(FigureCandidate(fld, q, s, sent.start_char + q.end + m.end(), sent))
            continue
        b = _SURFACE_BEFORE.search(text[max(0, q.start - 20):q.start])
        if b and b.group("word").lower() in ("killing", "wounding", "injuring", "shooting"):
            out.append(FigureCandidate(_SURFACE_FIELD[b.group("word").lower()], q, s, e, sent))
    return out


def _role(arg: Token, trigger: Token) -> str:
    """victim | attacker | self (a suicide) for the argument of a death or injury."""
    low, lemma = arg.lower_, arg.lemma_.lower()
    if low in ("himself", "herself", "themselves") or (trigger_kind(trigger) == "suicide" and (
            arg.head == trigger or trigger.lemma_.lower() == "commit")):
        return "self"                      # "killed himself", "took his own life"
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
        if child.dep_ == "prep" and child.lower_ in ("of", "among") and arg.lemma_.lower() not in BODY_NOUNS \
                and arg.lemma_.lower() != "couple":
            # ("the bodies of five people" are all five: `count_of` reads the people; "a couple of
            # guards" is a count of guards)
            if any(p.tag_ in ("NNS", "NNPS", "PRP") or p.lower_ in ("them", "those", "these")
                   for p in child.children):
                return True
    if arg.dep_ == "pobj" and arg.head.lower_ == "among" and any(c.dep_ == "det" and c.lower_ == "the"
                                                                  for c in arg.children):
        return False                       # "X was among the three killed": the three are all of them
    if arg.dep_ == "pobj" and arg.head.lower_ in ("including", "among"):
        return True
    if arg.head.lower_ in ("including",):
        return True
    return False


def _total(trigger: Token, arg: Token) -> bool:
    """Does the article mark the count as the whole ("a total of three people were killed", "five
    were shot in all", "in total", "altogether", "all told")? It replaces a smaller count before it."""
    doc = arg.doc
    left = doc[max(arg.left_edge.i, arg.i - 6):arg.i]
    if any(t.lower_ == "total" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of" for t in left):
        return True
    for c in trigger.children:
        if c.dep_ == "advmod" and c.lower_ == "altogether":
            return True
        # "in all" / "in total", parsed as a prepositional phrase or as two adverbs
        for t in (c, *c.children):
            if t.lower_ in ("all", "total") and t.i > 0 and doc[t.i - 1].lower_ == "in" and (
                    t.i + 1 == len(doc) or doc[t.i + 1].is_punct):
                return True
    if any(c.dep_ == "prep" and c.lower_ == "in" and [g.lower_ for g in c.children] == ["total"]
           and not any(g.n_lefts + g.n_rights for g in c.children) for h in (trigger, arg) for c in h.children):
        return True                        # "eleven tenants in total were hurt" (not "in total darkness")
    return any(t.lower_ == "all" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "told" for t in arg.sent)


def _revision(trigger: Token, sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in REVISION_WORDS for t in sent if t.lemma_.lower() != "toll" and (
        t.head == trigger or trigger.head == t or t.head == trigger.head or t == trigger.head))


def _candidate(ctx: Context, fld: str, trigger: Token, arg: Token, sent: SpacySpan) -> Optional[FigureCandidate]:
    if is_aggregate(sent, trigger) or irrealis(trigger) or is_past_year(ctx, trigger) or earlier_event(trigger, arg) \
            or outdated(trigger) or shouted(trigger):
        return None
    if negated(trigger, through_head=True) and trigger_kind(trigger) != "not_survive" and not names_nobody(arg):
        return None
    if trigger.lemma_.lower() in ("toll", "death") and trigger == arg:
        num = _toll_value(trigger)
        if num is not None:
            arg = num
    line = line_span(arg)
    if arg.pos_ == "PROPN" and (arg.ent_type_ in ("GPE", "LOC", "FAC") or (arg.is_upper and len(arg) > 1)) \
            and arg.i <= line.start + 5 and all(t.pos_ in ("PROPN", "PUNCT") for t in arg.doc[line.start:arg.i]):
        # a dateline read as the subject ("DUNMORE - A teenager wounded ... died", "PIKE COUNTY, Ind. -
        # Three people ..."): the person after it
        appos = next((c for c in arg.children if c.dep_ == "appos" and (is_person(c) or c.lower_ == "people")), None)
        if appos is not None:
            arg = appos
    if arg.tag_ in ("WP", "WDT") and arg.head.dep_ == "relcl":
        arg = arg.head.head                # "a clerk who was injured": the clerk
    while (arg.dep_ == "conj" or listed(arg)) and arg.head.pos_ in ("NOUN", "PROPN", "NUM") and arg.head.i < arg.i \
            and arg != trigger and not own_dead(arg.head):
        # "two nurses and one porter": count from the first conjunct ("three more hurt", a state with
        # its own count, and "12" after "one dead" are their own), and from the first name of a list
        # the parser hung as appositions ("shot Al Roe, 22, Jo Ruiz, 41, Kim Ott, 30, and Sam Hale")
        arg = arg.head
    role = _role(arg, trigger)
    company: Optional[Quantity] = None
    if role == "self":
        # "the gunman then killed himself" / "shot his brother and then himself": the attacker's own death;
        # "a teenager accidentally shot himself": the one who shot is the only victim.
        subj = casualty_subject(trigger, ("nsubj",))
        # "He then turned the gun on himself", told after the shooting: the one who took his own life
        # is the shooter the article has been speaking of (a named victim would not be "he")
        shooter = trigger_kind(trigger) == "suicide" and subj is not None and subj.lower_ in ("he", "she")
        # one who "committed suicide" in an article of a shooting is the one who shot
        shooter = shooter or trigger.lemma_.lower() == "commit"
        if (subj is not None and _role(subj, trigger) == "attacker") or shooter or other_victims(trigger, sent):
            if fld not in ("killed",) and not (fld == "hit" and (is_fatal(trigger) or murder_suicide(ctx))):
                # "shot his son and then himself", in an article that calls it a murder-suicide: he died
                return None
            q = Quantity(1, 1, "exact", 0, 0)
            return FigureCandidate("perpetrators_killed", q, arg.idx, arg.idx + len(arg.text), sent,
                             explicit=False, arg=arg)
        # "fired the pistol, wounding himself and his sister": the people hit with the one who shot
        company = _beside_self(ctx, fld, trigger, arg, sent)
        if subj is not None and subj.tag_ == "WDT":
            subj = None                    # "gunfire that wounded himself and his cousin": not "that"
        if subj is None:
            q = Quantity(1, 1, "exact", 0, 0)
            cand = FigureCandidate(fld, q, arg.idx, arg.idx + len(arg.text), sent, explicit=False, arg=arg)
            if company is not None:
                cand.quantity, cand.explicit = _plus(q, company), True
            return cand
        arg = subj
    nth = ordinal_victim(arg) if fld in ("killed", "hit", "injured") and role == "victim" else None
    if nth is not None:
        q = Quantity(nth, None, "at_least", 0, 0)
        # "two died and a third was hurt": the ordinal counts everyone hit, the
        # injured are what is left once the killed are taken out
        return FigureCandidate(fld if fld == "killed" else "hit", q, arg.left_edge.idx, arg.idx + len(arg.text), sent,
                         revision=True, arg=arg)
    cand = count_of(ctx, fld, trigger, arg, sent)
    if cand is None:
        return None
    cand.trigger = trigger
    if role == "victim" and fld == "killed" and killer(trigger) == "police":
        # "he was shot and killed by police": whom the police kill is the attacker, counted among the
        # killed as the GVA and GTD count attackers (one they wound stays among the people hit, as the
        # GVA counts him)
        role = "attacker"
    if role == "attacker":
        if fld != "killed":
            return None
        cand.field = "perpetrators_killed"
    along = along_with(ctx, trigger)
    if along is not None and cand.quantity.min is not None and along.min is not None:
        cand.quantity = _plus(cand.quantity, along)   # "Vance was stabbed along with two others": three people
    if role == "self" and company is not None and cand.quantity.min is not None:
        cand.quantity, cand.explicit = _plus(cand.quantity, company), True
    if fld == "hit" and cand.field == "hit" and MURDER_SUICIDE_RE.search(sent.text):
        # "shot his cousin and himself in what deputies call a murder-suicide": the cousin died
        cand.field = "killed"
    charge = _charge(trigger) if fld in ("killed", "hit") and cand.field == fld else None
    if charge == "attempted":
        # "the attempted murder of an officer", "attempted murder in the shooting of a man": hit, not
        # killed (when the charge was laid; the article may tell of a death since)
        cand.field = "hit"
    elif charge == "killing" and fld == "hit":
        # "charged with murder in the shooting of a man": he died
        cand.field = "killed"
    elif fld == "hit" and additional(trigger, arg):
        # "her roommate was also stabbed", "another guest was hit": on top of the killed, not among them
        cand.field = "injured"
    elif fld == "hit" and SURVIVAL_RE.search(line_span(trigger).text) and not PART_RE.search(
            line_span(trigger).text) and not any(
            trigger_kind(t) in ("kill", "die", "dead", "death_of") for t in line_span(trigger) if t != trigger):
        # "the three were treated for minor injuries and released": hit and lived (all of
        # them: not "five were shot, only one of whom survived")
        cand.field = "injured"
    elif fld == "injured" and not cand.explicit and not additional(trigger, arg) and not any(
            trigger_kind(t) in ("kill", "die", "dead", "death_of") or (trigger_kind(t) == "hit" and is_fatal(t))
            for t in line_span(trigger) if t != trigger) and not (SURVIVAL_RE.search(line_span(trigger).text)):
        # "the cashier was hurt" with no count: likely the victim the article says died; a hit
        cand.field = "hit"
    cand.partial = _partial(arg)
    cand.revision = _revision(trigger, sent) or _total(trigger, arg)
    if fld == "hit":
        cand.fatal_part = fatal_part(ctx, arg)
    return cand


def _plus(q: Quantity, more: Quantity) -> Quantity:
    """The people of two counts together ("wounding himself and his sister", "along with two others")."""
    return Quantity(q.min + more.min, None if q.max is None or more.max is None else q.max + more.max,
                    q.qualifier, 0, 0)


def _beside_self(ctx: Context, fld: str, trigger: Token, refl: Token, sent: SpacySpan) -> Optional[Quantity]:
    """'fired the pistol, wounding himself and his sister': the people joined to the reflexive, hit
    with the one who shot."""
    other = next((c for c in refl.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                  and c.lower_ not in _NO_SUM), None)
    if other is None:
        return None
    cand = count_of(ctx, fld, trigger, other, sent)
    return cand.quantity if cand is not None and cand.quantity.min is not None else None


KILLING_NOUNS = {"murder", "homicide", "killing", "manslaughter"}


def _charge(trigger: Token) -> Optional[str]:
    """'attempted' | 'killing' when the trigger is a charge's killing ("the attempted murder of X")
    or the act a charge is for ("attempted murder in the shooting of X", "murder charges in the
    shooting of X"), else None."""
    def kind(noun: Token) -> Optional[str]:
        if noun.lemma_.lower() in ("charge", "count"):
            noun = next((c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                         and c.lemma_.lower() in KILLING_NOUNS), noun)
        if noun.lemma_.lower() not in KILLING_NOUNS:
            return None
        attempt = any(c.lower_ in ("attempted", "attempt") for c in noun.children) or any(
            c.lower_ in ("attempted", "attempt") for c in noun.head.children if noun.dep_ in ("compound", "amod"))
        return "attempted" if attempt else "killing"
    if trigger.lemma_.lower() in KILLING_NOUNS:
        return "attempted" if kind(trigger) == "attempted" else None
    prep = trigger.head if trigger.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("in", "for") or prep.head is trigger:
        return None
    return kind(prep.head)


# The sentence says the person lived: "in stable condition", "non-life-threatening", "was
# treated and released", "is expected to survive". Critical condition is left out: many die later.
SURVIVAL_RE = re.compile(r"\b(?:(?:stable|fair|good|satisfactory) condition|non-?\s?life[- ]threatening|"
                         r"(?:minor|superficial) (?:injur|wound)|treated and released|released from|"
                         r"expected to (?:survive|recover|be ok)|survived|is recovering|are recovering)",
                         re.IGNORECASE)


PART_RE = re.compile(r"\bof (?:whom|them|those|these|the)\b", re.IGNORECASE)


def _toll_value(toll: Token) -> Optional[Token]:
    """'the death toll rose to 139', 'a death toll of 12', 'the toll stands at 40', 'bringing the
    death toll to three' (the toll the object of the verb that moves it)."""
    cands = []
    for child in toll.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at"):
            cands.extend(child.children)
    head = toll.head if toll.dep_ in ("nsubj", "nsubjpass", "dobj") else None
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


