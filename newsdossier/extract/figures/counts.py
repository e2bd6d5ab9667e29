"""How many people a casualty argument is: the count written before it, its 'and' conjuncts, a
singular person read as one, and the `FigureCandidate` record the casualty rules produce."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span as SpacySpan, Token

from ..context import Context
from ..lexicon.casualties import (ATTACKER_NOUNS, FATAL_ADVERBS, NONE_WORDS, NOT_PEOPLE, PERSON_PRONOUNS,
                                  QUANT_PREFIX, age_noun, is_person)
from .numbers import Quantity, find_quantities, words_to_int
from .triggers import BODY_NOUNS, across_lines, count_in_time, is_fatal, trigger_args, trigger_kind


@dataclass
class FigureCandidate:
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


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}


def ordinal_victim(arg: Token) -> Optional[int]:
    """'a fourth victim has died': at least four."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in arg.children):
        return None                        # "the fourth man" names one of them, not a new total
    if arg.lower_ in ORDINALS:
        return ORDINALS[arg.lower_]        # "a fifth was struck by a ricochet"
    if not (is_person(arg) or arg.lemma_.lower() in ("victim", "person")) or arg.lemma_.lower() == "grader":
        return None                        # "a 10th-grader" is a pupil's class, not a count
    for c in arg.children:
        if c.dep_ == "amod" and c.lower_ in ORDINALS:
            return ORDINALS[c.lower_]
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", c.lower_)
        if c.dep_ == "amod" and m:
            return int(m.group(1))
    return None


_NP_LEFT_DEPS = {"nummod", "quantmod", "det", "amod", "advmod", "compound", "predet", "nmod", "punct",
                 "npadvmod", "poss", "case", "cc", "conj", "prep", "pobj"}


NOT_COUNTS = {"DATE", "TIME", "MONEY", "ORDINAL", "PERCENT", "QUANTITY"}


def _left_start(arg: Token) -> int:
    """Index of the first word before `arg` that belongs to its own noun phrase head-ward."""
    i = arg.i
    for tok in reversed(list(arg.lefts)):
        if tok.dep_ not in _NP_LEFT_DEPS:
            break
        i = tok.left_edge.i
    return i


def quantity_of(ctx: Context, arg: Token) -> Optional[tuple[Quantity, int, int]]:
    """The count written before the argument's head (or in it), as (quantity, start, end) in the text."""
    doc = arg.doc
    if arg.pos_ == "PROPN" and (arg.ent_type_ == "PERSON" or not any(c.dep_ == "nummod" for c in arg.children)):
        return None                        # a person's name is one person ("Channel 4 Eyewitness 21-year-old Jo Roe")
    i0 = _left_start(arg)
    while i0 > arg.sent.start and doc[i0 - 1].lower_ in QUANT_PREFIX:
        i0 -= 1
    while i0 < arg.i and doc[i0].ent_type_ in NOT_COUNTS and doc[i0].like_num and not count_before_age(doc[i0]):
        i0 += 1
    if arg.ent_type_ in NOT_COUNTS:
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
             and not in_entity(doc, s + q.start, s + q.end)]
    # the count sits next to its noun: at most a few plain words between ("12 innocent people")
    found = [q for q in found if re.fullmatch(r"(?:[\s-]+[\w'’-]+){0,4}[\s-]*", phrase[q.end:arg.idx - s] + " ")
             or q.end >= arg.idx - s]
    if arg.lemma_.lower() == "couple" and arg.tag_ == "NN" and all(
            phrase[q.start:q.end].lower() in ("a", "an") for q in found):
        # "a young couple" is two people; "a couple of guards" about two (the phrase the regular
        # expression knows runs past the head, into the "of")
        loose = any(c.dep_ == "prep" and c.lower_ == "of" for c in arg.children)
        return Quantity(2, 2, "about" if loose else "exact", arg.idx - s, e - s), arg.idx, e
    if not found and arg.tag_ == "NNS" and arg.lemma_.lower() in ("parent", "grandparent") \
            and any(c.dep_ == "poss" for c in arg.children):
        # "killed his parents", "their grandparents were hurt": a mother and a father, two people
        return Quantity(2, 2, "exact", arg.idx - s, e - s), arg.idx, e
    if not found:
        return None
    q = found[-1]
    if q.min == 1 and q.max == 1 and phrase[q.start:q.end].lower() in ("a", "an"):
        # "a man": a singular, handled by the caller as an implicit 1
        if len(found) == 1:
            return None
        q = found[-2]
    return q, s + q.start, s + q.end


def timed_count(arg: Token) -> Optional[tuple[Quantity, int, int]]:
    """'wounded three Saturday night': the number the tagger took into the date is the count of
    people (`triggers.count_in_time` chose it as the argument)."""
    if not arg.like_num or arg.i == 0 or count_in_time(arg.doc[arg.i - 1]) != arg:
        return None
    found = find_quantities(arg.text)
    if len(found) != 1:
        return None
    return found[0], arg.idx + found[0].start, arg.idx + found[0].end


def in_entity(doc, start: int, end: int) -> bool:
    """Does [start, end) touch a date, time, money, ordinal or percentage (not a count of people)?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in NOT_COUNTS and t.like_num and not count_before_age(t)
                                    for t in span)


def count_before_age(tok: Token) -> bool:
    """'Two 17-year-old boys': the tagger takes the count into the age's DATE; it is a count (a
    count word only: digits before an age may be a day, "March 3 17-year-old ...")."""
    doc = tok.doc
    i = tok.i
    return (i + 3 < len(doc) and not re.fullmatch(r"\d+", tok.text) and doc[i + 1].like_num
            and doc[i + 2].text == "-" and doc[i + 3].lower_ in ("year", "years", "month", "months", "week", "weeks"))


def _conjuncts(arg: Token, top: bool = True) -> list[Token]:
    out = (_list_before(arg) if top and arg.dep_ in ("nsubj", "nsubjpass", "dobj") else []) + [arg]
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in arg.children):
        return out                         # "the clerk or a customer": one of them, not both
    if top:
        out.extend(_stray_of_conjuncts(arg))
    for c in arg.children:
        # "four adults and a 3-year-old": the parser makes the age an adjective ("old")
        if (c.dep_ == "conj" or listed(c)) and (c.pos_ in ("NOUN", "PROPN", "NUM", "PRON") or age_noun(c)) \
                and not across_lines(arg, c):
            out.extend(_conjuncts(c, top=False))  # not a list of headlines the parser joined
    return out


_VOLLEY = {"shot", "round", "bullet", "gunfire", "volley", "blast", "gunshot", "fire", "burst"}
_ONE_OF_THE_VOLLEYS = {"second", "third", "first", "other", "later", "earlier", "stray", "last", "final"}


def _one_volley(trigger: Token) -> bool:
    """Is the trigger's agent or cause one shot among others ("struck by that round", "hurt in the
    second volley", "wounded by the stray bullet")?"""
    for c in trigger.children:
        if c.dep_ not in ("agent", "prep") or c.lower_ not in ("by", "in", "from"):
            continue
        for shot in (g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _VOLLEY):
            if any((g.dep_ == "det" and g.lower_ in ("that", "this", "those", "these"))
                   or (g.dep_ == "amod" and g.lower_ in _ONE_OF_THE_VOLLEYS) for g in shot.children):
                return True
    return False


def _stray_of_conjuncts(arg: Token) -> list[Token]:
    """"The deaths of a man and his three children": the parser joins the children to 'deaths', not
    to 'man'. People joined to the noun of a death, wounding or shooting are among its people."""
    if arg.dep_ != "pobj" or arg.head.lower_ != "of" or any(c.dep_ == "conj" for c in arg.children):
        return []
    noun = arg.head.head
    if trigger_kind(noun) not in ("death_of", "hit_noun", "injury_of"):
        return []
    out = []
    for c in noun.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and trigger_kind(c) is None and not any(
                g.dep_ == "prep" and g.lower_ == "of" for g in c.children) and (
                is_person(c) or any(g.dep_ == "nummod" for g in c.children)):
            out.extend(_conjuncts(c, top=False))
    return out


_ONE_PERSON_DET = frozenset({"a", "an", "the", "his", "her", "their", "my", "our"})


def _list_before(arg: Token) -> list[Token]:
    """The items the parser made siblings of `arg` ("A teacher, two nurses and a girl were killed": 'teacher'
    and 'nurses' both subjects of 'killed'): a person with the same relation to the same word right
    before it, a comma between them; or any person right before "and" when the parser hung the
    "and" on something else ("two boys, ages 6 and 9, and their grandmother")."""
    out: list[Token] = []
    cur = arg
    while True:
        doc = cur.doc
        left = cur.left_edge.i
        if cur == arg and left >= 2 and doc[left - 1].lower_ == "and" \
                and doc[left - 1].head != cur:
            # "two boys, ages 6 and 9, and their grandmother were found dead": the "and" hung on the
            # apposition, the parser makes both items subjects of the verb
            sib = next((c for c in cur.head.children if c.dep_ == cur.dep_ and c.i < cur.i
                        and c.right_edge.i in (left - 1, left - 2, left - 3)), None)
            if sib is not None and sib.pos_ == "NOUN" and is_person(sib) and cur.pos_ in ("NOUN", "PROPN") \
                    and not any(trigger_kind(t) is not None for t in doc[sib.i + 1:left - 1]):
                out.insert(0, sib)
                cur = sib
                continue
        if left < 2 or doc[left - 1].text != ",":
            return out
        sib = next((c for c in cur.head.children if c.dep_ == cur.dep_ and c.right_edge.i in (left - 1, left - 2)), None)
        # one person named by a common noun with an article or a possessive ("A man,", "the boy,"); a name or a count
        # before a comma is more often a dateline, the person described next or the total a list breaks down
        if (sib is None or sib.i >= cur.i or sib.tag_ != "NN" or not is_person(sib)
                or not any(d.dep_ in ("det", "poss") and d.lower_ in _ONE_PERSON_DET for d in sib.children)):
            return out
        out.insert(0, sib)
        cur = sib


def _breakdown(parts: list[Token], counted: list[Quantity]) -> bool:
    """Is a written count followed, after a comma or dash, by parts that add up to it exactly?"""
    if len(parts) < 3 or len(counted) != len(parts):
        return False
    first, rest = counted[0], counted[1:]
    if first.qualifier != "exact" or first.min is None or first.min != first.max:
        return False
    if any(q.min is None or q.min != q.max for q in rest) or sum(q.min for q in rest) != first.min:
        return False
    doc = parts[0].doc
    return any(t.text in (",", "-", "\u2014", "\u2013", "--", ":") for t in doc[parts[0].i + 1:parts[1].i])


def listed(appos: Token) -> bool:
    """'his mother, brother and sister', 'Ann Bell, Ray Dunn and Joe Marsh': the parser reads the second
    item of a list as an apposition of the first, the last as its conjunct. An apposition that opens
    with an article ("the owner and manager", "a father and husband") describes the first; one that
    is followed by "and" plus another item and has no article is the list's next item; so is one
    with "a" after a first item with "a" ("a man, a woman and three boys"), unless a phrase of its
    own makes it a description ("a man, a father of three, and his son")."""
    if appos.dep_ != "appos" or appos.i < appos.head.i:
        return False
    if _indefinite(appos.head) and _indefinite(appos) \
            and is_person(appos.head) and is_person(appos) and _ends_in_and(appos) \
            and not any(c.dep_ == "prep" for c in appos.children):
        return True                        # "a man, a woman and three boys": three items, each with "a"
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in appos.children):
        return False
    # one person each: "five guests - three men and two women" breaks a count down, it adds nothing
    return _ends_in_and(appos) and all(
        t.tag_ in ("NN", "NNP") and not any(c.dep_ == "nummod" for c in t.children) for t in (appos.head, appos))


def _indefinite(noun: Token) -> bool:
    """'a man', 'an officer' (a common noun of one person, said with "a")."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _ends_in_and(item: Token, depth: int = 0) -> bool:
    """Does the list `item` belongs to go on to "and" plus a last item, from `item` itself or, with
    names of four or more people ("Al Roe, 22, Jo Ruiz, 41, Kim Ott, 30, and Sam Hale"), through the
    next names the parser hung on it as appositions?"""
    if any(c.dep_ == "conj" and c.pos_ == item.pos_ for c in item.children) and any(
            c.dep_ == "cc" and c.lower_ == "and" for c in item.children):
        return True
    if item.pos_ != "PROPN" or depth > 8:
        return False
    nxt = next((c for c in item.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > item.i), None)
    return nxt is not None and _ends_in_and(nxt, depth + 1)


def _own_state(part: Token) -> Optional[str]:
    """killed | injured when the noun carries its own casualty word ("one dead", "three more
    hurt", "two in serious condition"), else None."""
    for c in part.children:
        if c.dep_ in ("amod", "acl") and c.i > part.i or (c.dep_ == "amod" and part.pos_ == "NUM"):
            kind = trigger_kind(c)
            if kind in ("dead", "kill", "die") or (kind == "hit" and is_fatal(c)):
                return "killed"
            if kind in ("injured_adj", "injure"):
                return "injured"
        if c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() == "condition" and any(m.lower_ in ("critical", "serious", "stable", "fair", "grave")
                                                     for m in g.children) for g in c.children):
            return "injured"
    # "left a bouncer dead and three patrons in serious condition" with the 'in' hung on the verb
    doc, j = part.doc, part.right_edge.i + 1
    if j + 2 < len(doc) and doc[j].lower_ == "in" and doc[j].head.i != part.i and any(
            doc[k].lemma_.lower() == "condition" for k in range(j + 1, min(j + 4, len(doc)))):
        return "injured"
    return None


# A zero is the incident's total only when it is said of everyone ("no one", "no people", "no injuries");
# "no officers", "no students" count a group of those present.
ZERO_TOTALS = {"one", "person", "people", "injury", "casualty", "death", "fatality", "victim", "life", "body"}


def zero_total(word: str) -> bool:
    """Is a zero said of this word ("no one", "no people", "no victims") a zero of everyone?"""
    return word in ZERO_TOTALS or word.rstrip("s") in ZERO_TOTALS


# A trigger so qualified ("nobody was seriously hurt") leaves room for lighter wounds: no zero.
GRAVELY = {"seriously", "critically", "badly", "severely", "gravely", "fatally", "mortally"}


def count_of(ctx: Context, fld: str, trigger: Token, arg: Token, sent: SpacySpan) -> Optional[FigureCandidate]:
    """The count of one argument (and its 'and' conjuncts) as a candidate, or None."""
    if fld == "perpetrator_count":
        if arg.tag_ not in ("NNS", "NNPS") and arg.lower_ != "gunmen":
            if not any(c.lower_ in ("lone", "single", "one") for c in arg.children):
                return None
    if fld == "killed" and arg.lemma_.lower() in BODY_NOUNS:
        # "the bodies of three people", "the body of a woman": the people the bodies were
        of = next((c for c in arg.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and (is_person(pobj) or pobj.pos_ == "PROPN" or quantity_of(ctx, pobj) is not None):
            arg = pobj
    low = arg.lower_
    if any(c.dep_ == "det" and c.lower_ in ("each", "every", "either", "neither") for c in arg.children):
        return None                        # "every victim had several stab wounds": no count
    if (arg.pos_ != "NOUN" or arg.like_num) and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in NOT_PEOPLE for g in c.children) for c in arg.children):
        return None                        # "one of her two horses", "two of the cars" (not "victims of the shooting")
    if low in NONE_WORDS or (low == "one" and any(c.lower_ == "no" for c in arg.children)) or (
            any(c.dep_ == "det" and c.lower_ == "no" for c in arg.children)):
        if any(c.lower_ in ("else", "other", "others", "further", "more", "additional", "serious")
               for c in arg.subtree):
            return None
        if any(c.dep_ in ("prep", "relcl", "acl") for c in arg.children):
            return None                    # "nobody inside the vehicle": only some of those present
        if _one_volley(trigger):
            return None                    # "nobody was struck by that round": by that one, not in all
        if low not in NONE_WORDS and arg.lemma_.lower() not in ZERO_TOTALS:
            return None                    # "no officers were hurt", "no vital organs were hit": not the total
        if any(c.dep_ == "advmod" and c.lower_ in GRAVELY for c in trigger.children):
            return None                    # "nobody was seriously hurt": someone may have been, lightly
        q = Quantity(0, 0, "exact", 0, 0)
        s = arg.left_edge.idx
        return FigureCandidate(fld, q, s, arg.idx + len(arg.text), sent, arg=arg)
    if fld == "killed" and low in ("they", "all"):
        # resolved against the people counted just before in the sentence (`_candidates`)
        return FigureCandidate(fld, Quantity(None, None, "exact", 0, 0), arg.idx, arg.idx + len(arg.text), sent,
                         explicit=False, arg=arg)
    parts = _conjuncts(arg) if fld != "perpetrator_count" else [arg]
    if trigger.dep_ == "amod" and trigger.head == arg and trigger.i < arg.i:
        parts = [arg]                      # "the injured woman and three neighbors": the adjective is the woman's
    if len(parts) > 1 and quantity_of(ctx, arg) is not None:
        # "two officers, Jo Li and Al Ray": the names list the counted people, they add nothing
        # ... and bare numbers after a counted noun are ages ("two cousins, one 19 and the other 22")
        # ... and ages set off by a comma describe them too ("two children, a five and a six year old")
        listed = arg.i + 1 < len(arg.doc) and arg.doc[arg.i + 1].text == ","
        parts = [arg] + [p for p in parts if p.i != arg.i and p.pos_ not in ("PROPN", "NUM")
                         and not (listed and age_noun(p))]
    total_lo, total_hi, qual = 0, 0, None
    s, e = None, None
    explicit = False
    counted: list[Quantity] = []
    if len(parts) > 1 and fld in ("killed", "injured"):
        # "left one guard dead and two others hurt": a conjunct with its own state is another group
        parts = [p for p in parts if _own_state(p) in (None, fld)] or parts
        arg = parts[0]
    for part in parts:
        if part.lemma_.lower() in NOT_PEOPLE or (part.pos_ == "PROPN" and part.ent_type_ in ("GPE", "LOC", "FAC",
                                                                                              "PRODUCT")):
            return None                    # "multiple charges", "three shots"; a dateline "PINE HOLLOW"
        if any(c.lower_ == "unborn" for c in part.children):
            continue                       # "a cashier and her unborn son": tallies count the people born
        got = quantity_of(ctx, part) or timed_count(part)
        if got is None:
            got = _including(ctx, part)
        one = _one_of(part) if got is not None and trigger not in part.subtree else None
        if one is not None:
            # "a man, one of three people shot in Harlow, has died": the verb tells of the one
            got = (Quantity(one, one, "exact", 0, 0), got[1], got[2])
        if got is not None:
            q, qs, qe = got
            explicit = True
        elif part.tag_ in ("NN", "NNP") or part.lower_ in PERSON_PRONOUNS or age_noun(part) or (
                part.tag_ == "NNPS" and part.ent_type_ == "PERSON") or (
                part.lower_ in ("another", "other")):
            if fld == "perpetrator_count":
                q = Quantity(1, 1, "exact", 0, 0)
            elif part.lemma_.lower() in BODY_NOUNS and part.tag_ == "NN":
                pass
            elif not is_person(part) and part.tag_ != "NNP" and part.lower_ not in ("another", "other"):
                return None
            q = Quantity(1, 1, "exact", 0, 0)
            qs, qe = part.left_edge.idx, part.idx + len(part.text)
        elif part is not parts[0] and part.tag_ in ("NNS", "NNPS") and explicit:
            continue                       # "five men and women": the count covers both
        elif part.i == arg.i and len(parts) == 1 and part.tag_ == "NNS" \
                and (listing := _listed_after(ctx, fld, trigger, part, sent)) is not None:
            q, qs, qe = listing
            explicit = True
        else:
            return None
        counted.append(q)
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
    joined = _age_joined(arg)
    if joined is not None and explicit and total_lo is not None:
        # "a 15-year-old and three adults": the parser makes the first an adjective of the second
        total_lo += 1
        total_hi = None if total_hi is None else total_hi + 1
        s = min(s, joined.left_edge.idx)
    if len(parts) > 1:
        explicit = True
    if _breakdown(parts, counted):
        # "five guests, three men and two women": the list after the comma breaks the count down
        first = counted[0]
        total_lo, total_hi, qual = first.min, first.max, first.qualifier
    quantity = Quantity(total_lo, total_hi, qual or "exact", 0, 0)
    return FigureCandidate(fld, quantity, s, e, sent, explicit=explicit, arg=arg)


def _listed_after(ctx: Context, fld: str, trigger: Token, plural: Token,
                  sent: SpacySpan) -> Optional[tuple[Quantity, int, int]]:
    """'The victims, a 34-year-old cook and a 29-year-old nurse, died in the kitchen': an uncounted
    plural counted by the people its apposition lists."""
    appos = next((c for c in plural.children if c.dep_ == "appos" and c.i > plural.i
                  and (is_person(c) or c.pos_ == "PROPN")), None)
    if appos is None or not _ends_in_and(appos):
        return None
    listing = count_of(ctx, fld, trigger, appos, sent)
    if listing is None or listing.quantity.min is None:
        return None
    return listing.quantity, plural.left_edge.idx, listing.end


def _including(ctx: Context, part: Token) -> Optional[tuple[Quantity, int, int]]:
    """'the bullets hit Ruiz and others, including two teenagers': uncounted others, at least as
    many as the people the "including" counts (the parser may hang it on the list's first item)."""
    if part.lower_ not in ("others", "people", "victims", "persons") or any(
            c.dep_ in ("nummod", "amod") for c in part.children):
        return None                        # ("the victims, including two boys": as many as it lists)
    first = part.head if part.dep_ == "conj" else part
    holders = [part] + ([first] if first != part else []) \
        + ([first.head] if first.dep_ in ("dobj", "nsubjpass", "nsubj") else [])
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "including" and c.i > part.i:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                got = quantity_of(ctx, pobj) if pobj is not None else None
                if got is not None and got[0].min is not None:
                    total = got[0].min
                    for conj in _conjuncts(pobj, top=False)[1:]:
                        more = quantity_of(ctx, conj)   # "including two juveniles and eight adults"
                        if more is None or more[0].min is None:
                            break
                        total += more[0].min
                    return Quantity(total, None, "at_least", 0, 0), part.idx, part.idx + len(part.text)
    return None


def _one_of(noun: Token) -> Optional[int]:
    """The part in "one of three people", which the parser hangs on the count as 'one' 'of'."""
    num = next((c for c in noun.children if c.dep_ == "nummod"), None)
    mods = [c for c in num.children if c.dep_ == "quantmod"] if num is not None else []
    if len(mods) == 2 and mods[1].lower_ == "of" and mods[0].i + 1 == mods[1].i:
        return words_to_int(mods[0].text)
    return None


def _age_joined(arg: Token) -> Optional[Token]:
    """'a 15-year-old and three adults': the age noun the parser read as an adjective of the counted
    noun, joined to it by "and", before the count ("a 15-year-old [and three] adults")."""
    num = next((c for c in arg.children if c.dep_ == "nummod"), None)
    for c in arg.children:
        if c.dep_ == "amod" and age_noun(c) and num is not None and c.i < num.i and any(
                g.dep_ == "cc" and g.lower_ == "and" for g in c.children):
            return c
    return None


# --- people besides those the argument names ----------------------------------------------

def along_with(ctx: Context, trigger: Token) -> Optional[Quantity]:
    for child in trigger.children:
        if child.dep_ in ("prep", "advmod") and child.lower_ in ("along", "with"):
            prep = child
            if child.lower_ == "along":
                prep = next((c for c in child.children if c.lower_ == "with"), None)
                if prep is None:
                    continue
            elif not any(g.dep_ == "pobj" and (is_person(g) or g.lower_ == "others") for g in child.children):
                continue
            elif not any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children):
                continue                   # "he shot himself at home with his brother": company, not victims
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.lemma_.lower() in NOT_PEOPLE:
                continue
            if pobj.lemma_.lower() in ATTACKER_NOUNS or pobj.lower_ in ATTACKER_NOUNS:
                continue                   # "four were shot, with the gunman still at large": not a victim
            # "wounded along with her cousin and a neighbour": every person of the coordination
            total = None
            for part in _conjuncts(pobj, top=False):
                got = quantity_of(ctx, part)
                q = got[0] if got is not None else (
                    Quantity(1, 1, "exact", 0, 0) if is_person(part) and part.tag_ in ("NN", "NNP") else None)
                if q is None or q.min is None:
                    if part == pobj:
                        break
                    continue
                total = q if total is None else Quantity(
                    total.min + q.min, None if total.max is None or q.max is None else total.max + q.max,
                    "exact" if total.qualifier == q.qualifier == "exact" else "at_least", 0, 0)
            if total is not None:
                return total
    return None


def other_victims(trigger: Token, sent: SpacySpan) -> bool:
    """Does the sentence report someone other than the reflexive being killed or shot?"""
    for tok in sent:
        if tok == trigger or trigger_kind(tok) not in ("kill", "hit", "die"):
            continue
        for fld, arg in trigger_args(tok):
            if arg is not None and arg.lower_ not in ("himself", "herself", "themselves"):
                return True
    return any(c.dep_ in ("dobj", "conj") and c.lower_ not in ("himself", "herself", "themselves")
               and c.pos_ in ("NOUN", "PROPN", "PRON") for c in trigger.children)


def additional(trigger: Token, arg: Token) -> bool:
    """'another man was shot', 'the boyfriend was also shot': someone on top of those counted."""
    if any(c.lower_ in ("also", "too") for c in trigger.children) or any(
            g.lower_ in ("also", "too") for c in trigger.children if c.dep_ in ("aux", "auxpass") for g in c.children):
        return True                        # the parser may hang "also" on the auxiliary ("was also wounded")
    if arg.dep_ == "dobj" and arg.head == trigger and arg.tag_ in ("NN", "NNP", "JJ") and not any(
            c.dep_ == "nummod" for c in arg.children) and any(
            c.dep_ == "nsubj" for c in trigger.children):
        return False                       # "the boy accidentally shot another teen": other than the shooter
    return any(c.lower_ in ("another", "other", "second", "third", "others", "additional", "more")
               for c in arg.subtree if c.i <= arg.i) or arg.lower_ in ("others", "more") or any(
        c.dep_ in ("amod", "advmod") and c.lower_ in ("more", "others") for c in arg.children)   # "two more"


def fatal_part(ctx: Context, arg: Token) -> Optional[Quantity]:
    """'five guests, one fatally, were shot' / 'three men were stabbed, one of them fatally'."""
    for tok in arg.sent:
        if tok.lower_ in FATAL_ADVERBS:
            prev = [t for t in arg.doc[max(arg.sent.start, tok.i - 4):tok.i]]
            text = " ".join(t.text for t in prev)
            found = find_quantities(text)
            if found and tok.i > arg.i:
                return found[-1]
    return None
