"""Casualty and attacker counts of an incident (killed, injured, perpetrator_count) as intervals.

Steps 1-4 (finding counts in the parse) live in `triggers.py` (triggers and their arguments),
`counts.py` (how many people an argument is) and `candidates.py` (roles, candidates); this
module chooses the article's value per field, derives the injured from the people shot, and finds
the credited source.

How a count is found (from the spaCy dependency parse, not from sentence templates):
1. every *trigger* in the span: a verb, adjective or noun that reports a death ("killed", "died",
   "dead", "deaths", "fatally"), an injury ("wounded", "injured", "hurt", "injuries"), or a hit that
   may be either ("shot", "stabbed"); "shot and killed", "shot dead", "fatally shot" are deaths;
2. the *argument* of the trigger: the passive subject, the object, the subject of "die", the noun an
   adjective or participle modifies ("12 people killed"), the object of "left" ("left 3 dead");
   arguments joined by "and" are added up ("a man and a woman");
3. the *count* of the argument read by `numbers.find_quantities` from the words before its head
   ("at least 139 people", "well over a hundred people", "dozens more", "a 17-year-old" -> 1);
   "no one"/"nobody" -> 0; a singular person noun, name or pronoun with no count -> 1;
4. the *role* of the argument: attackers ("two gunmen were killed") are not victims, "killed himself"
   is a perpetrator's suicide; "three of the victims" is a partial count (a lower bound, used
   only when the article gives no total);
5. per field, the article's current value: the first figure (the lead), replaced by a later one that
   agrees with it and says more ("well over a hundred" then "at least 139") or that the article
   marks as a revision ("rose to", "climbed to", "now") or as the whole ("a total of", "in all"); a count
   of people in a state ("one remains in critical condition") gives way to a larger count of those
   hurt after it; every other figure is kept in `others`; a death told only by singular mentions after
   the lead, where the article counts the wounded before it or says all the victims lived, is another
   event's (`_death_in_passing`); people hit on another weekday than the first the article dates are
   another shooting's (`_on_other_days`); a list that holds the group counted before and more ("the
   deaths of two boys" then "a hunter had shot two boys and their uncle dead") is the whole; "a third
   customer was killed", told after "hitting four customers; one person died", is the third of those
   hit, not a third death (`_ordinals_of_the_hit`);
6. injured when only hits are reported: people shot minus those killed ("four teens were shot, one
   fatally" -> killed 1, injured 3); the dead told as some of the wounded counted before ("one of the
   men hit by it died") leave the injured (`_died_among_hurt`); people found hurt ("arrived to find
   three men wounded") are people hit, besides any the same finding found dead (`triggers.found_hurt`,
   `_found_dead_beside`);
7. the source credited in the figure's sentence ("according to figures released by X", "X said").

`killed` counts everyone killed, attackers too, as GTD's `nkill` and the GVA do ("shot his wife and
two sons before killing himself": four dead); `IncidentFigures.perpetrators_killed` says how many of
them were attackers. An attacker is added to a written count of victims only (`_with_attackers`).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Span as SpacySpan

from ...records import Figure, Span
from ..context import Context
from ..lexicon.casualties import SOURCE_NOUNS
from ..lexicon.reporting import FIGURE_SOURCE_VERBS
from .candidates import MURDER_SUICIDE_RE, FigureCandidate, candidates as _candidates
from .counts import ordinal_victim, quantity_of
from .filters import date_phrase_of, is_aggregate, is_past_year, shouted, weekday_of
from .numbers import Quantity, find_quantities
from .triggers import casualty_subject, finding_verb, found_hurt, killer, trigger_kind

log = logging.getLogger(__name__)

EXTRACTOR = "figures.v1"
FIELDS = ("killed", "injured", "perpetrator_count")


@dataclass(frozen=True)
class IncidentFigures:
    """The figures of one incident: each the article's current value, with the others it gave.

    `killed` counts attackers killed too (GTD's `nkill`); `perpetrators_killed` is how many of those
    were attackers, so that callers can tell them apart."""

    killed: Optional[Figure] = None
    injured: Optional[Figure] = None
    perpetrator_count: Optional[Figure] = None
    perpetrators_killed: Optional[Figure] = None

    @property
    def has_casualties(self) -> bool:
        """Does it count someone killed or wounded (above zero)? Direct evidence that the text
        reports an incident, whatever a document classifier trained on other news thinks."""
        return any(f is not None and (f.min or 0) > 0 for f in (self.killed, self.injured))


def incident_figures(ctx: Context, start: int, end: int) -> IncidentFigures:
    """Figures for the incident reported in [start, end) of `ctx.text`."""
    cands = _candidates(ctx, start, end)
    cands = _victims_last(_on_other_dates(ctx, _on_other_days(cands)))
    cands = _ordinals_of_the_hit(_captions_last(ctx, cands))
    killed_cands = [c for c in cands if c.field == "killed"]
    if _death_in_passing(ctx, cands, killed_cands, start, end):
        killed_cands = []
    killed = (_choose(ctx, killed_cands) or _charged(ctx, start, end, attempted=False)
              or _fatal_event(ctx, start, end))
    injured = _choose(ctx, [c for c in cands if c.field == "injured"])
    hits = _choose(ctx, [c for c in cands if c.field == "hit"])
    injured = _injured_from_hits(ctx, injured, hits, killed, cands)
    injured = _died_among_hurt(cands, injured, killed)
    if injured is None or not injured.min:
        injured = _charged(ctx, start, end, attempted=True) or injured
    perps = _choose(ctx, [c for c in cands if c.field == "perpetrator_count"])
    perps_killed = _choose(ctx, [c for c in cands if c.field == "perpetrators_killed"])
    killed = _with_attackers(ctx, killed, perps_killed, cands)
    return IncidentFigures(killed=killed, injured=injured, perpetrator_count=perps, perpetrators_killed=perps_killed)


def _on_other_days(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """People hit on another weekday than the first people hit the article dates ("a cashier was
    stabbed Friday ... On Tuesday, two men were shot across town") are another shooting's."""
    dated = [(c, weekday_of(c.trigger)) for c in cands if c.trigger is not None
             and c.field in ("hit", "injured", "killed")
             and trigger_kind(c.trigger) in ("hit", "injure", "injured_adj", "kill")]
    lead = next((d for c, d in dated if d is not None), None)
    if lead is None:
        return cands
    # (the dead are left: "was shot Saturday ... died Monday" is one person, and a round-up's first
    # dated death is as often not the article's)
    other = {id(c) for c, d in dated if d is not None and d != lead and c.field in ("hit", "injured")}
    return _without(cands, other)


def _without(cands: list[FigureCandidate], other: set[int]) -> list[FigureCandidate]:
    """`cands` less those in `other` (by id) and the counts read from the words alone ("two women
    were shot and killed") in their sentences, which go with them."""
    sents = {c.sentence.start for c in cands if id(c) in other}
    return [c for c in cands if id(c) not in other and not (c.trigger is None and c.sentence.start in sents)]


def _on_other_dates(ctx: Context, cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """People hit or killed on another date than the first the article gives for a hit or a
    killing are another event's ("a courier was shot on June 2 ... On May 20, his cousin was
    wounded on the same street"; "Last month, a neighbour was shot and killed"). Dates and weekdays
    resolve against the published day; a day either side is the same event (a shooting late on
    Friday is "early Saturday" in the next paragraph); a month is compared with a month."""
    from ..incidents.dates import published_date, resolve   # (incidents imports this package)
    published = published_date(ctx)
    dated: list[tuple[FigureCandidate, str]] = []
    for c in cands:
        if c.trigger is None or c.field not in ("hit", "injured", "killed") or trigger_kind(c.trigger) not in (
                "hit", "injure", "injured_adj", "kill", "hit_noun"):
            continue                       # "died on Monday": the death of a man shot days before
        phrase = date_phrase_of(c.trigger)
        when = resolve(phrase.text, published) if phrase is not None else None
        if when is not None and when[0] is not None and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", when[0]):
            dated.append((c, when[0]))
    if len(dated) < 2:
        return cands
    first = dated[0][1]
    return _without(cands, {id(c) for c, day in dated[1:] if not _same_date(first, day)})


def _same_date(a: str, b: str) -> bool:
    """Two ISO days at most a day apart, or the same month when either gives only a month."""
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1
    return a[:7] == b[:7]


def _ordinals_of_the_hit(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """"Two guards were killed ... a third died on Saturday" is three dead; but after "hitting four
    customers; one person died", "a third customer was killed" is the third of those hit: an ordinal
    death ranked more than one above a count of the dead written before it counts the people hit."""
    def of_the_hit(c: FigureCandidate) -> bool:
        n = ordinal_victim(c.arg) if c.field == "killed" and c.revision and c.arg is not None else None
        return bool(n) and any(o.field == "killed" and o.explicit and not o.partial and o.quantity.point is not None
                               and o.quantity.point < n - 1 and o.sentence.start < c.sentence.start for o in cands)
    return [replace(c, field="hit") if of_the_hit(c) else c for c in cands]


def _victims_last(cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """"Officers found three gunshot victims" counts everyone hit when the article gives no other
    count. Beside one, the noun is as often a part ("deputies found two stabbing victims ... six
    people were hurt in all") or those in some state ("both gunshot victims went home on Monday")."""
    def by_noun(c: FigureCandidate) -> bool:
        return c.trigger is not None and trigger_kind(c.trigger) == "hit_victims"
    if any(c.field in ("hit", "injured") and c.explicit and not by_noun(c) for c in cands):
        return [c for c in cands if not by_noun(c)]
    return cands


CREDIT_RE = re.compile(r"\b(?:AP )?Photos?(?: by\b|\s*:|/)|\(Source:|Getty Images|\bFile photo\b|"
                       r"\bImage \d+ of \d+|/\s*STAFF\b", re.IGNORECASE)
# "Officers search the lot on Elm Street. | Metro Photo Desk": a credit after a bar ends a caption's line
CREDIT_AFTER_BAR_RE = re.compile(r"[.!?”\"]\s+\|\s+(?:[A-Z][\w.'’-]*\s*){1,4}$")
_CASUALTY_GROUP = {"killed": "killed", "hit": "hurt", "injured": "hurt"}


def _captions_last(ctx: Context, cands: list[FigureCandidate]) -> list[FigureCandidate]:
    """A photo's caption ("Three men were shot on Elm Street. (Photo: Jo Roe)") is often another
    day's picture or an early count: beside a count of the same people in the text it gives way."""
    def caption(c: FigureCandidate) -> bool:
        lo = ctx.text.rfind("\n", 0, c.start) + 1
        hi = ctx.text.find("\n", c.start)
        line = ctx.text[lo:hi if hi >= 0 else len(ctx.text)]
        return bool(CREDIT_RE.search(line) or CREDIT_AFTER_BAR_RE.search(line))
    capt = {id(c) for c in cands if c.field in _CASUALTY_GROUP and caption(c)}
    told = {_CASUALTY_GROUP[c.field] for c in cands if c.field in _CASUALTY_GROUP and id(c) not in capt}
    return [c for c in cands if id(c) not in capt or _CASUALTY_GROUP[c.field] not in told]


AMONG_HURT = {"victim", "wounded", "injured", "them", "those", "people", "person", "man", "men", "woman", "women"}


def _died_among_hurt(cands: list[FigureCandidate], injured: Optional[Figure],
                     killed: Optional[Figure]) -> Optional[Figure]:
    """"Gunfire wounded five people ... One of the men hit by it died": the dead are some of the
    wounded counted before, who are no longer among the injured."""
    if injured is None or killed is None or not injured.min or not killed.min or injured.min < killed.min:
        return injured
    k, i = _candidate_of(cands, "killed", killed), _candidate_of(cands, "injured", injured)
    if k is None or i is None or not k.partial or not i.explicit or i.partial or k.arg is None \
            or k.sentence.start <= i.sentence.start:
        return injured
    group = [p for prep in k.arg.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
             if p.dep_ == "pobj"]
    if not group or group[0].lemma_.lower() not in AMONG_HURT and group[0].lower_ not in AMONG_HURT:
        return injured
    n = killed.min
    return injured.model_copy(update={"min": injured.min - n,
                                      "max": None if injured.max is None else injured.max - n,
                                      "extractor": injured.extractor + ":less-the-dead"})


ALL_SURVIVED_RE = re.compile(
    r"\b(?:all|each|both) (?:of )?(?:the )?(?:\w+ )?(?:victims|four|three|five|two|six|seven|of them|wounded|injured)"
    r"(?: \w+)? (?:are|were|is) (?:all )?(?:expected to (?:survive|recover|live|be ok)|in (?:stable|good|fair) condition)"
    r"|\bnone of the (?:injuries|wounds|victims)\b[^.]{0,40}life[- ]threatening", re.IGNORECASE)


def _death_in_passing(ctx: Context, cands: list[FigureCandidate], killed: list[FigureCandidate],
                      start: int, end: int) -> bool:
    """Are the only deaths singular mentions after the lead, in an article that counts the wounded
    before them without "others" (who would be beside someone killed) or that says every victim lived?
    Such a death is another event's: the earlier killing a shooting avenged, a related story's
    headline ("deputy dies at a traffic stop"), a victim's relative killed years before."""
    if not killed or any(c.explicit for c in killed):
        return False
    sents = [s for s in ctx.doc.sents if s.end_char > start and s.start_char < end]
    lead_end = sents[min(2, len(sents) - 1)].end if sents else 0     # the lead: the first three sentences
    if any(c.sentence.start < lead_end for c in killed):
        return False                       # "three were wounded ... a woman was killed", in the lead
    if ALL_SURVIVED_RE.search(ctx.text, start, end):
        return True
    hurt = next((c for c in cands if c.field == "injured" and c.explicit and not c.partial and c.quantity.min
                 and c.arg is not None), None)
    return hurt is not None and all(c.sentence.start > hurt.sentence.start for c in killed) and not any(
        t.lower_ in ("other", "others", "another", "more") for t in hurt.arg.subtree)


FATAL_EVENT_RE = re.compile(r"\b(?:fatal|deadly|fatally)\s+(?:shooting|stabbing|attack|shootout|"
                            r"accidental shooting|drive-by(?: shooting)?|bombing|blast|crash)\b"
                            # "attempted murder charges": nobody died
                            r"|(?<!attempted )(?<!attempted-)\b(?:murder|homicide)\s+"
                            r"(?:investigation|suspect|charges?)\b", re.IGNORECASE)


def _fatal_event(ctx: Context, start: int, end: int) -> Optional[Figure]:
    """No count, but the article calls the event fatal ("a fatal shooting"): at least one died."""
    sents = [s for s in ctx.doc.sents if s.start_char < end and s.end_char > start]
    for sent in sents[:4]:                 # the lead, where the event is named
        m = FATAL_EVENT_RE.search(ctx.text, sent.start_char, sent.end_char)
        if m is None:
            continue
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if not is_aggregate(sent, sent.root) and not is_past_year(ctx, sent.root) and not (
                span is not None and shouted(span[0])):
            return Figure(min=1, max=None, qualifier="at_least", text=m.group(0), start=m.start(), end=m.end(),
                          evidence=(ctx.span(sent.start_char, sent.end_char),),
                          extractor=EXTRACTOR + ":fatal-event")
    return None


# ("three counts each of attempted murder, burglary and arson": three of each)
CHARGE_COUNTS_RE = re.compile(r"\b(?P<count>\w+) counts?(?: each)? of (?:(?:first|second|third)[- ]degree )?"
                              r"(?P<attempted>attempted )?(?:(?:first|second|third)[- ]degree )?(?:murder|homicide)\b",
                              re.IGNORECASE)


def _charged(ctx: Context, start: int, end: int, attempted: bool) -> Optional[Figure]:
    """No count of the dead (or of the wounded) in the text, but the charges give one: "faces four
    counts of murder" (four killed), "three counts of attempted murder" (three hurt, who lived)."""
    for m in CHARGE_COUNTS_RE.finditer(ctx.text, start, end):
        if bool(m.group("attempted")) != attempted:
            continue
        found = find_quantities(m.group("count"))
        if len(found) != 1 or found[0].min is None or found[0].min != found[0].max:
            continue
        sent = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        sent = sent.sent if sent is not None else None
        if sent is None or is_aggregate(sent, sent.root):
            continue
        n = found[0].min
        return Figure(min=n, max=n, qualifier="exact", text=m.group(0), start=m.start(), end=m.end(),
                      evidence=(ctx.span(sent.start_char, sent.end_char),), extractor=EXTRACTOR + ":charges")
    return None


INCLUDED_RE = re.compile(r"\b(?:including|among them|counting)\b[^.;]{0,40}\b(?:gunman|shooter|suspect|attacker|"
                         r"assailant|himself|herself|perpetrator)|\bmurder[- ]suicide",
                         re.IGNORECASE)


GENERIC_PEOPLE = {"people", "person", "man", "men", "woman", "women", "dead", "death", "fatality", "one", "other",
                  "others", "victim", "individual"}


# a count of everyone dead ("four people died in a murder-suicide"), not of some described victims
EVERYONE = GENERIC_PEOPLE - {"man", "men", "woman", "women"}


def _with_attackers(ctx: Context, killed: Optional[Figure], perps_killed: Optional[Figure],
                    cands: list[FigureCandidate]) -> Optional[Figure]:
    """Everyone killed, attackers too (as GTD's `nkill` and the GVA count them): a written count of
    the victims plus the attackers killed ("shot four relatives before killing himself": five dead).

    With no victim killed, the attackers killed are the dead. Otherwise they are added only to a
    written count whose sentence does not already hold the attacker ("three dead, including the
    gunman", "five died in a murder-suicide"); a singular victim ("a man was killed") may be the
    attacker himself, so it is left as it is."""
    if perps_killed is not None and perps_killed.min and (killed is None or not killed.min):
        # "nine people were wounded; the gunman was shot and killed by police": one dead
        return perps_killed.model_copy(update={"extractor": perps_killed.extractor + ":attackers"})
    if perps_killed is None or not perps_killed.min or killed is None or killed.min is None:
        return killed
    chosen = _candidate_of(cands, "killed", killed)
    # "killed himself", "turned the gun on himself", "took his own life" (the candidate's word is "life")
    # the attacker's death known only from the word "murder-suicide" (`candidates._murder_suicide_event`)
    named_only = MURDER_SUICIDE_RE.search(perps_killed.text) is not None
    suicide = perps_killed.text.lower() in ("himself", "herself", "themselves", "life") or named_only
    if named_only and killed.min == killed.max == 1:
        # "a murder-suicide" with one death told: the one who killed and the one he killed are two,
        # whichever of them the count names ("an attempted murder-suicide" is not read as one)
        return _plus_attackers(killed, perps_killed)
    if named_only and (chosen is None or _counts(chosen, EVERYONE)):
        return killed                      # "a murder-suicide ... five people were killed": all of them
    if suicide:
        # Those he killed ("killed three people", "shot and killed his neighbour", "killing two of them",
        # "three people were shot dead") leave him out: his own death adds to them. A count of the dead
        # ("two people are dead", "both died", "found the girl and her father dead") may hold him.
        if chosen is None or not _killed_by_someone(chosen):
            return killed
    elif chosen is None or not chosen.explicit or chosen.partial:
        return killed
    # "three guards were killed by a former employee; he was then shot by police": those he killed leave him out
    by_attacker = _killed_by_someone(chosen) and killer(chosen.trigger) == "someone"
    if not suicide and not by_attacker and not _besides_attacker(chosen, cands) and _counts(chosen, GENERIC_PEOPLE):
        # "two men were killed" / "two dead" after a shootout with police often counts the gunman
        # the police killed; "three officers were killed" does not
        return killed
    sent = chosen.sentence
    included = INCLUDED_RE.search(sent.text)
    if included and MURDER_SUICIDE_RE.fullmatch(included.group(0)) and not _counts(chosen, EVERYONE):
        # "a toddler was slain in a murder-suicide", "a woman and a girl ...": the victims, and the one who shot
        included = None
    if included or any(c.field == "perpetrators_killed" and c.sentence.start == sent.start
                                            and c.explicit for c in cands):
        return killed
    return _plus_attackers(killed, perps_killed)


def _plus_attackers(killed: Figure, perps_killed: Figure) -> Figure:
    """The victims' count with the attackers killed added (both callers have checked that each has a
    lower bound)."""
    k = perps_killed.min
    return killed.model_copy(update={"min": killed.min + k, "max": None if killed.max is None else killed.max + k,
                                     "others": killed.others + (perps_killed,),
                                     "extractor": killed.extractor + ":with-attackers"})


def _besides_attacker(chosen: FigureCandidate, cands: list[FigureCandidate]) -> bool:
    """'Deputies shot dead the gunman, whose spree had left two others dead': "others" (or "two other
    people") beside an attacker killed in the same sentence are besides him."""
    arg = chosen.arg
    return arg is not None and (arg.lower_ == "others" or any(
        c.dep_ == "amod" and c.lower_ == "other" for c in arg.children)) and any(
        c.field == "perpetrators_killed" and c.sentence.start == chosen.sentence.start for c in cands)


def _candidate_of(cands: list[FigureCandidate], field: str, fig: Figure) -> Optional[FigureCandidate]:
    """The candidate of `field` a chosen figure was made from (same characters), if any."""
    return next((c for c in cands if c.field == field and c.start == fig.start and c.end == fig.end), None)


def _counts(cand: FigureCandidate, words: set[str]) -> bool:
    """Is the candidate a bare count or a count of one of `words` ("two dead", "four people"), not of
    people it describes ("three officers", "a boy")?"""
    return cand.arg is None or cand.arg.like_num or cand.arg.lemma_.lower() in words


def _killed_by_someone(cand: FigureCandidate) -> bool:
    """Is the count the object of a killing or shooting (active "killed three people", passive "three
    people were shot dead"), not the subject of a death ("died", "are dead")?"""
    trig, arg = cand.trigger, cand.arg
    if trig is None or arg is None or trigger_kind(trig) not in ("kill", "hit"):
        return False
    # a passive's subject the parser lost ("three farm workers, ages 30, 41 and 52, were killed", with the
    # verb hung on the clause before): `casualty_subject` finds it before the auxiliary
    if arg.i < trig.i and any(c.dep_ == "auxpass" for c in trig.children) \
            and not any(c.dep_ == "nsubjpass" for c in trig.children) and casualty_subject(trig) == arg:
        return True
    return arg.head == trig and arg.dep_ in ("dobj", "nsubjpass")


# --- choosing the article's value -------------------------------------------------------------

def _consistent(lead: Quantity, later: Quantity) -> bool:
    """Does `later` fit inside `lead`'s interval and say more (a higher or firmer lower bound)?"""
    lo = lead.min if lead.min is not None else 0
    hi = lead.max
    p = later.point
    if p is None:
        return False
    if p < lo or (hi is not None and p > hi):
        return False
    if lead.qualifier == "exact" and lead.min == lead.max:
        return False
    return (later.min or 0) > (lead.min or 0) or (lead.qualifier != "exact" and later.qualifier == "exact")


def _includes(ctx: Context, later: FigureCandidate, current: FigureCandidate) -> bool:
    """Does the later count say it holds the current one ("three children" first, then "five people,
    including three children")? The larger total is the incident's."""
    if later.arg is None or current.arg is None or later.quantity.point is None or current.quantity.point is None:
        return False
    if later.quantity.point <= current.quantity.point:
        return False
    if later.sentence.start != current.sentence.start:
        # "the deaths of two boys ... a hunter had shot two boys and their uncle dead": a list that
        # holds the group counted before, with the same count and noun, and more
        for part in [later.arg] + [c for c in later.arg.children if c.dep_ == "conj"]:
            # (the list's own head is read only when the list goes on: its count alone is the first item's)
            got = quantity_of(ctx, part) if part != later.arg or any(
                c.dep_ == "conj" for c in part.children) else None
            if got is not None and got[0].point == current.quantity.point and \
                    part.lemma_.lower() == current.arg.lemma_.lower() and part.lemma_.lower() not in GENERIC_PEOPLE:
                return True
    for prep in later.arg.children:
        if prep.dep_ == "prep" and prep.lower_ == "including":
            for part in prep.children:
                got = quantity_of(ctx, part) if part.dep_ == "pobj" else None
                if got is not None and got[0].point == current.quantity.point and \
                        part.lemma_.lower() == current.arg.lemma_.lower():
                    return True
    return False


def _choose(ctx: Context, cands: list[FigureCandidate]) -> Optional[Figure]:
    if not cands:
        return None
    totals = [c for c in cands if not c.partial]
    pool = totals or cands
    explicit = [c for c in pool if c.explicit]
    # Singular mentions ("a man was shot", "the boy died") are read as one person: counting
    # different people across sentences without coreference loses more than it wins on news.
    pool = explicit or pool
    if not explicit:
        # "Three of those hit died ... Brennan died ...": a written part that is more than
        # the singular mentions is a better lower bound than one person
        parts = [c for c in cands if c.partial and c.explicit and c.quantity.point is not None]
        best = max(parts, key=lambda c: c.quantity.point, default=None)
        if best is not None and all(c.quantity.point is not None and c.quantity.point < best.quantity.point
                                    for c in pool):
            pool = [best]
    current = pool[0]
    for later in pool[1:]:
        if later.revision and later.quantity.point is not None and (
                current.quantity.point is None or later.quantity.point >= current.quantity.point):
            current = later
        elif _consistent(current.quantity, later.quantity) or _includes(ctx, later, current):
            current = later
        elif _definite(later) and current.quantity.point is not None \
                and later.quantity.point > current.quantity.point:
            # "the three wounded victims are expected to survive" after "two others were wounded": a
            # count with "the" or "all" speaks of a group the reader knows whole, more than counted before
            current = later
        elif _state(current) and not _state(later) and later.explicit \
                and later.quantity.point is not None and current.quantity.point is not None \
                and later.quantity.point > current.quantity.point:
            # "One victim is still in critical condition ... nine people were wounded": the condition
            # of some of them, then how many were hurt
            current = later
    others = tuple(_figure(ctx, c) for c in cands if c is not current)
    fig = _figure(ctx, current, others)
    if current.partial:
        fig = fig.model_copy(update={"max": None, "qualifier": "at_least"})
    return fig


def _definite(cand: FigureCandidate) -> bool:
    """Is the count definite ("the three wounded victims", "all four guards"), not a part of a group
    ("the other two", "the first two", "three of the victims")?"""
    arg = cand.arg
    if arg is None or not cand.explicit or cand.partial or cand.quantity.point is None or cand.quantity.point < 2:
        return False
    kids = list(arg.children)
    num = next((k for k in kids if k.dep_ == "nummod"), None) if not arg.like_num else arg
    if num is None:
        return False
    if any(k.lower_ in ("other", "first", "last", "second", "remaining", "surviving", "more") for k in kids) \
            or any(c.dep_ == "conj" for c in kids):
        return False
    return any(k.dep_ in ("det", "predet") and k.lower_ in ("the", "all") and k.i < num.i for k in kids)


STATE_VERBS = {"be", "remain", "list", "stay", "lie"}


def _state(cand: FigureCandidate) -> bool:
    """Is the count of people in a state ("is in critical condition", "remain in the hospital"), which
    an article often gives for some of those hurt?"""
    return cand.trigger is not None and cand.trigger.lemma_.lower() in STATE_VERBS


def _figure(ctx: Context, cand: FigureCandidate, others: tuple[Figure, ...] = ()) -> Figure:
    q = cand.quantity
    source, source_text = _source(ctx, cand.sentence)
    sent = cand.sentence
    quoted = ctx.span(cand.start, cand.end)
    return Figure(min=q.min, max=q.max, qualifier=q.qualifier, text=quoted.text,
                  start=quoted.start, end=quoted.end, source=source, source_text=source_text,
                  others=others, evidence=(ctx.span(sent.start_char, sent.end_char),),
                  extractor=EXTRACTOR)


# "two others died", "two more died": not among those hit; "the other two died" (after "one died")
# are the rest of them
OTHERS_RE = re.compile(r"\b(?:others|more)\b|(?<!the )\bother\b", re.IGNORECASE)


def _injured_from_hits(ctx: Context, injured: Optional[Figure], hits: Optional[Figure],
                       killed: Optional[Figure], cands: list[FigureCandidate]) -> Optional[Figure]:
    """People shot who did not die are the injured, when the article gives no injured count."""
    if hits is None or hits.min is None:
        return injured
    k = killed.min if killed is not None and killed.min is not None else 0
    if killed is not None and killed.start > hits.start and OTHERS_RE.search(killed.text):
        k = 0                              # "four guests went to hospitals; two others died": not among them
    k = max(0, k - _found_dead_beside(cands, hits))
    rest = hits.min - k
    if injured is not None and injured.min is not None and injured.min >= rest:
        return injured
    if rest < 0:
        return injured
    update = {"min": rest, "max": (hits.max - k) if hits.max is not None else None,
              "qualifier": hits.qualifier if rest else "exact",
              "others": hits.others + ((injured,) if injured is not None else ()),
              "extractor": EXTRACTOR + ":hit-minus-killed"}
    return hits.model_copy(update=update)


def _found_dead_beside(cands: list[FigureCandidate], hits: Figure) -> int:
    """How many of the dead were found dead by the finding that found the people hurt ("found a baker
    dead and two apprentices injured"): those dead are not among the hurt, whom only a later death
    would take."""
    hit = _candidate_of(cands, "hit", hits)
    if hit is None or hit.trigger is None or not found_hurt(hit.trigger):
        return 0
    verb = finding_verb(hit.trigger)
    return sum(c.quantity.point or 0 for c in cands
               if c.field == "killed" and c.trigger is not None and finding_verb(c.trigger) == verb)


def _source(ctx: Context, sent: SpacySpan) -> tuple[Optional[str], Optional[str]]:
    """The party the sentence credits: 'according to X', 'figures released by X', 'X said'."""
    np = None
    for tok in sent:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                np = pobj
                if pobj.lemma_.lower() in SOURCE_NOUNS:
                    for sub in pobj.subtree:
                        if sub.dep_ in ("agent", "prep") and sub.lower_ in ("by", "from"):
                            inner = next((c for c in sub.children if c.dep_ == "pobj"), None)
                            if inner is not None:
                                np = inner
                                break
            break
    if np is None:
        for tok in sent:
            if tok.lemma_.lower() in FIGURE_SOURCE_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    np = subj
                    break
    if np is None:
        return None, None
    s = np.left_edge.idx
    e = np.right_edge.idx + len(np.right_edge.text)
    # keep the noun phrase itself, not a relative clause hanging off it
    for c in np.children:
        if c.dep_ in ("relcl", "acl", "appos", "prep") and c.i > np.i:
            e = min(e, c.left_edge.idx)
    quoted = ctx.span(s, s + len(ctx.text[s:e].rstrip(" ,")))
    s, e, text = quoted.start, quoted.end, quoted.text
    entity = None
    if ctx.entities is not None:
        entity = ctx.entities.resolve(s, e)
    return entity, text
