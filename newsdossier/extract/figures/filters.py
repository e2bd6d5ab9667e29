"""Casualty mentions that are not this incident's count: statistics over many incidents, what
might have happened, an earlier year, another event, another story's headline in capitals.

Each test reads the trigger's clause (or its line of the sentence, `triggers.line_span`); a count
they turn down is no candidate at all (`candidates._candidate`).
"""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan, Token

from ..context import Context
from ..lexicon.calendar import WEEKDAYS
from .triggers import line_span, trigger_kind


AGGREGATE_NOUNS = {"shootings", "homicides", "murders", "killings", "attacks", "incidents", "bombings",
                   "stabbings", "deaths", "crimes"}
AGGREGATE_RE = re.compile(r"\b(?:so far this year|this year alone|since (?:january|the (?:start|beginning))|"
                          r"year to date|so far in \d{4}|each year|every year|per year|annually|a year|"
                          r"(?:in|over|during) the (?:last|past) (?:\d+|\w+) (?:days|weeks|months|years)|"
                          r"nationwide|statewide|across the (?:country|nation|state|city)|"
                          # "last July alone", "in 2016 alone": a tally over that time
                          r"(?:last|this) \w+ alone|in (?:\d{4}|january|february|march|april|may|june|july|"
                          r"august|september|october|november|december) alone)\b",
                          re.IGNORECASE)


# "nine riders stabbed in three weeks", "two shootings within 24 hours": a count over a stretch of
# time (not "two days after Christmas", a date)
SPAN_RE = re.compile(r"\b(?:in|within|over) (?:(?:the|a) span of (?:just )?)?(?:\d+|two|three|four|five|six|seven|"
                     r"eight|nine|ten|a few|several) (?:hours|days|weeks)\b(?! (?:after|before|later|earlier|ago|of))",
                     re.IGNORECASE)
# a time that marks a tally ("40 people were shot here last year"), unless `_one_event` says otherwise
DATED_RE = re.compile(r"\b(?:last year|years ago|last (?:summer|spring|fall|autumn|winter))\b",
                      re.IGNORECASE)
EVENT_NOUNS = {"shooting", "shootout", "attack", "stabbing", "rampage", "spree", "ambush", "robbery", "fight",
               "massacre", "incident", "bombing", "gunfight", "altercation", "confrontation", "standoff"}


def _one_event(trigger: Token) -> bool:
    """'A gunfight at a party killed two guests last summer', 'were wounded in a shooting last year',
    'a stabbing that killed a guard years ago': the clause names the one event the count belongs to."""
    near = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    near += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "at")
             for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ in ("relcl", "acl"):
        near.append(trigger.head)
    if any(n.lemma_.lower() in EVENT_NOUNS and n.tag_ == "NN" for n in near):
        return True
    return trigger.dep_ == "conj" and trigger.head.i < trigger.i and _one_event(trigger.head)


def in_lead(tok: Token, n: int = 3) -> bool:
    """Is `tok` in one of the article's first `n` sentences? There a follow-up dates the event it
    reports; further down, a dated event is most often an earlier one told for background."""
    for i, sent in enumerate(tok.doc.sents):
        if i >= n:
            return False
        if sent.start <= tok.i < sent.end:
            return True
    return False


def is_aggregate(sent: SpacySpan, trigger: Token) -> bool:
    """A statistic over many incidents ("nearly 2,500 residents were wounded in those shootings");
    a plural trigger of that kind is a tally itself ("the county's 17 homicides"). Judged on the
    trigger's line of the sentence. A time like "last year" marks a tally ("40 people were shot
    here last year") unless the lead's clause names the one event ("a gunfight at a party killed two
    guests last summer": a follow-up dating the event it reports)."""
    sent = line_span(trigger)
    if AGGREGATE_RE.search(sent.text) or SPAN_RE.search(sent.text) or _since_a_time(trigger):
        return True
    if DATED_RE.search(sent.text) and not (_one_event(trigger) and in_lead(trigger)):
        return True
    return any(t.lower_ in AGGREGATE_NOUNS and t.tag_ == "NNS" and not _ranked(t)
               and trigger_kind(t) != "death_of"   # "the deaths of four women": one event
               and not _named_victims(t, trigger) for t in sent)


def _since_a_time(trigger: Token) -> bool:
    """'Nine guards have been stabbed at the county's jails since March 1': a present perfect counted
    from a time is a tally of everything since then ("two have died since the shooting" counts from the
    event, and stays). A count the surface fallback found is judged by the verb above it."""
    for _ in range(3):
        if trigger.pos_ in ("VERB", "AUX") or trigger.head == trigger:
            break
        trigger = trigger.head
    verbs = [trigger] + ([trigger.head] if trigger.dep_ == "conj" else [])
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for v in verbs for c in v.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "since" and (objs := [p for p in c.children if p.dep_ == "pobj"])
               and all(p.ent_type_ in ("DATE", "TIME") for p in objs) for v in verbs for c in v.children)


def _named_victims(noun: Token, trigger: Token) -> bool:
    """'the stabbings that hurt a courier and his sister': the plural's own clause names the people
    hit one by one, so the stabbings are the event those people were hit in, not a tally ("the
    shootings that have killed 40 people" names no one)."""
    if trigger.head != noun or trigger.dep_ != "relcl" or any(
            c.dep_ in ("nummod", "poss") for c in noun.children) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    people = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(people) and all(p.tag_ in ("NN", "NNP") for p in people)


def _ranked(noun: Token) -> bool:
    """'one of the deadliest workplace shootings', 'among the bloodiest attacks': a ranking of this event."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if not ((prep.lower_ == "of" and prep.head.lower_ == "one") or prep.lower_ == "among"):
        return False
    return any(c.tag_ in ("JJS", "RBS") or any(g.tag_ == "RBS" for g in c.children) for c in noun.children)


MODALS = {"could", "would", "might", "may", "should", "must", "can", "will"}
IRREALIS_HEADS = {"let", "fear", "try", "threaten", "want", "plan", "attempt", "intend", "vow",
                  "prevent", "avoid", "nearly", "almost",
                  "claim", "boast", "brag"}   # "claimed to have killed someone": a boast, not a count


def _modal(aux: Token) -> bool:
    """A modal auxiliary, also where a contraction split it ("can't": 'ca', "won't": 'wo')."""
    return aux.dep_ == "aux" and (aux.lower_ in MODALS or aux.lemma_.lower() in MODALS)


def irrealis(trigger: Token) -> bool:
    """'might have killed him', "please don't let him die", 'vowed to kill': nobody died."""
    if any(_modal(c) for c in trigger.children):
        return True
    if any(c.lower_ in ("nearly", "almost") for c in trigger.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in trigger.children):
        return True                        # "officers could not say whether the man had died"
    head = trigger.head
    if trigger.dep_ == "conj" and head != trigger and any(_modal(c) for c in head.children):
        return True                        # "could have hit her and killed her"
    if trigger.dep_ == "xcomp" and _prospective(head):
        return True                        # "knew he was going to die", "is expected to die"
    return trigger.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in IRREALIS_HEADS


def _prospective(head: Token) -> bool:
    """A verb that puts what hangs from it in the future: "was going to" (the going-to future,
    not "went on to kill"), "is expected to", "was supposed to", "is about to"."""
    lemma = head.lemma_.lower()
    if lemma == "go":
        return head.tag_ == "VBG" and any(c.dep_ == "aux" for c in head.children) \
            and not any(c.dep_ == "prt" for c in head.children)
    if lemma in ("expect", "suppose"):
        return any(c.dep_ == "auxpass" for c in head.children)
    return lemma == "about" or (lemma == "be" and any(c.lower_ == "about" for c in head.children))


DATELINE_RE = re.compile(r"[^\n()]{0,60}\((?:[A-Z][a-z]+\.? \d{1,2}, )?(?:19|20)\d\d\)")


def is_past_year(ctx: Context, trigger: Token) -> bool:
    """The trigger's clause names a year before the article's ('was murdered ... in 2005')."""
    pub = ctx.article.published or (ctx.settings.published.isoformat() if ctx.settings.published else None)
    if not pub:
        return False
    year = int(pub[:4])
    dateline = DATELINE_RE.match(ctx.text)       # (not `doc.text`, which joins the tokens anew each call)
    for tok in line_span(trigger):
        if dateline is not None and tok.idx < dateline.end():
            continue                       # "HARLOW, GA (March 3, 2024): ...": the report's own date
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "block":
            continue                       # "in the 2010 block of Quarry Lane": an address, not a year
        if tok.ent_type_ == "DATE" and tok.like_num and re.fullmatch(r"(19|20)\d\d", tok.text):
            if int(tok.text) < year:
                return True
    return False


EARLIER_RE = re.compile(r"\b(?:previous|prior|earlier|separate|unrelated) "
                        r"(?:shooting|incident|attack|homicide|stabbing)s?\b", re.IGNORECASE)


def earlier_event(trigger: Token, arg: Token) -> bool:
    """The trigger's own clause places it in another event ('the wake for a cousin who died in a
    separate shooting'); the argument's own words are left out ('the cashier wounded in an earlier
    stabbing has died' still reports a death). Plain dates are no cue: follow-up articles date
    the event they report ('killed last week')."""
    if any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in trigger.children) and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "day", "week", "month", "year")
            for c in trigger.children) and any(
            w.lower_ in ("another", "other") for w in arg.subtree if w.i <= arg.i):
        return True                        # "the killing came three days after another worker was stabbed"
    if compared_event(trigger):
        return True
    own = {t.i for t in trigger.subtree} - {t.i for t in arg.subtree}
    if not own:
        return False
    doc = trigger.doc
    lo, hi = min(own), max(own)
    text = " ".join(doc[i].text for i in range(lo, hi + 1) if i in own)
    return EARLIER_RE.search(text) is not None


# what an article calls the event it reports when it sets it beside another ("the shooting came a day
# after ..."); not "the arrest", "the announcement" or "his death", which follow the event itself
_THE_EVENT = {"incident", "shooting", "attack", "killing", "stabbing", "violence", "slaying", "homicide", "gunfire",
              "rampage", "bloodshed", "murder", "shootout", "ambush"}


def compared_event(word: Token) -> bool:
    """'The incident came hours before three officers were shot dead in another city', 'the shooting
    comes a month after three children were killed': a clause of "after" or "before" under "came",
    "happened", "occurred" or "followed", whose subject is the article's event, tells of another."""
    path = [word]
    for anc in word.ancestors:
        if anc.lemma_.lower() in ("come", "happen", "occur", "follow") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _THE_EVENT for c in anc.children):
            return any(t.lower_ in ("after", "before") and t.head in path for t in word.doc[anc.i + 1:word.i])
        path.append(anc)
    return False


OUTDATED_ADVERBS = {"originally", "initially"}
REPORT_VERBS = {"say", "report", "tell", "indicate", "state", "announce", "believe", "think", "count", "list"}
REPORT_NOUNS = {"report", "account"}
OUTDATED_ADJECTIVES = {"initial", "early", "earlier", "original", "preliminary", "erroneous", "incorrect", "false",
                       "inaccurate"}


def _outdated_report(noun: Token) -> bool:
    """'an initial report', 'earlier accounts': a report the article has since corrected."""
    return noun.lemma_.lower() in REPORT_NOUNS and any(
        c.dep_ == "amod" and c.lower_ in OUTDATED_ADJECTIVES for c in noun.children)


def outdated(trigger: Token) -> bool:
    """'Officers had initially reported that six men were shot': a figure the article gives as
    superseded. Only the report is read ("was initially taken to a hospital" is the event)."""
    tok = trigger
    for _ in range(4):
        if tok.head == tok:
            break
        tok = tok.head
        # also "an earlier account that a second guard had died", "who early reports said had died"
        if _outdated_report(tok) or tok.lemma_.lower() in REPORT_VERBS and any(
                (c.dep_ == "advmod" and c.lower_ in OUTDATED_ADVERBS) or (c.dep_ == "nsubj" and _outdated_report(c))
                for c in tok.children):
            return True
    return False


def shouted(trigger: Token) -> bool:
    """Is the trigger in a line written in capitals inside mixed-case text: a link to another story
    ("COUNCIL NAMES NEW CHIEF AFTER DEADLY STABBING") that the page set between paragraphs? Text
    that is all capitals (old wire copy) is read as it is."""
    words = [t for t in line_span(trigger) if t.is_alpha and len(t) > 1]
    if len(words) < 4 or not all(t.is_upper for t in words):
        return False
    doc = trigger.doc
    if "shouted_share" not in doc.user_data:
        alpha = [t for t in doc if t.is_alpha and len(t) > 1]
        doc.user_data["shouted_share"] = sum(t.is_upper for t in alpha) / max(1, len(alpha))
    return doc.user_data["shouted_share"] < 0.3


def date_phrase_of(trigger: Token) -> SpacySpan | None:
    """The date the trigger's own clause gives ("was shot on April 24", "killed in July", "a
    shooting on May 2, when a guard was wounded"), as the DATE entity holding it, or None. Read
    like `weekday_of`: "police said Monday that two were shot" dates the statement."""
    found = list(_time_adverbials(trigger, ("on", "in", "during", "early", "late")))
    if trigger.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in trigger.children):
        head = trigger.head                # "since Nov. 3, when ...", "a shooting on May 2, when ..."
        found += [head] + [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "in")
                           for p in c.children if p.dep_ == "pobj"]
    for tok in found:
        if tok.ent_type_ == "DATE":
            return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return None


def _time_adverbials(trigger: Token, preps: tuple[str, ...]):
    """The words the trigger's own adverbials of time hang on, in order: the object of one of
    `preps` ("on Tuesday") or a bare noun phrase ("Monday night"), on the trigger or the verbs it
    is joined to ("was shot and killed on Tuesday")."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ == "conj"] + (
        [trigger.head] if trigger.dep_ == "conj" else [])
    for c in (c for v in verbs for c in v.children):
        if c.dep_ == "prep" and c.lower_ in preps:
            yield from (p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ in ("npadvmod", "tmod", "nmod", "obl"):
            yield c


def weekday_of(trigger: Token) -> str | None:
    """The weekday the trigger's own clause dates it to ("were shot Monday night", "was wounded on
    Tuesday"), or None. Only the trigger's adverbials are read: "police said Monday that two were
    shot" dates the statement, not the shooting."""
    for tok in _time_adverbials(trigger, ("on", "early", "late")):
        for w in [tok] + [g for g in tok.children if g.dep_ in ("compound", "nmod", "amod")]:
            if w.lower_ in WEEKDAYS:
                return w.lower_
    return None
