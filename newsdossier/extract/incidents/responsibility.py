"""Who is said to be responsible for an incident, and warnings given before it.

Responsibility comes first from the statements stage (`ctx.statements`), by statement type:
claim_of_responsibility -> claimed, attribution -> attributed, accusation -> accused (alleged when
the statement hedges), denial -> denied; the statement's corroboration is carried over.
Sentences that no statement covers are read too, so the field is filled even when the statements
stage found nothing: the claim, denial, accusation and attribution verbs as
`extract/responsibility_verbs.py` reads them for both stages ("X claimed responsibility", "took
credit", "pointed to X", "blamed X"), and the narration's own words on who did it ("carried out
by X", "X was behind", "X was linked to").

Corroboration the article states about claims concerning a party ("claims that have not been
corroborated" in a sentence naming that party) is carried to that party's entries.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Callable, Iterable, Optional

from spacy.tokens import Span as SpacySpan, Token

from ...analyze.index import ents_in
from ...records import Party, PriorWarning, Responsibility, Span, Statement
from .. import responsibility_verbs
from ..lexicon.groups import find_groups
from ..lexicon.reporting import MOUTHPIECES
from ..responsibility_verbs import VerbReading, speaker_of, tentative
from ..syntax import negated, sentences

log = logging.getLogger(__name__)
EXTRACTOR = "incidents.v1"

HOW_BY_TYPE = {"claim_of_responsibility": "claimed", "attribution": "attributed",
               "accusation": "accused", "denial": "denied"}
_HEDGES = frozenset({"suggest", "allege", "hint", "imply", "insinuate", "speculate", "somehow", "may", "might",
                     "could", "possibly", "perhaps", "allegedly", "reportedly", "link", "suspect", "claim"})
_DENY_OBJECTS = frozenset({"responsibility", "involvement", "role", "part", "link", "participation", "charge",
                           "accusation", "allegation", "claim"})
CORROBORATION_CUES = (
    ("uncorroborated", re.compile(r"not (?:been |yet )?corroborated|uncorroborated|without (?:any |offering |providing )?"
                                  r"evidence|no evidence|unsubstantiated|not (?:been )?substantiated")),
    ("unverified", re.compile(r"(?:could|can|has|have|had) not (?:be |been )?(?:independently )?(?:verified|confirmed)"
                              r"|unverified|not independently (?:verified|confirmed)")),
    ("disputed", re.compile(r"\bdisputed\b|\bcontested\b|\brejected (?:the|these|those) (?:claims?|accusations?)")),
)


def stated_corroboration(text: str) -> Optional[str]:
    """The corroboration an article states in `text` ("claims that have not been corroborated")."""
    low = text.lower()
    for label, pattern in CORROBORATION_CUES:
        if pattern.search(low):
            return label
    return None


def _clean_np(tok: Token) -> tuple[int, int]:
    """Contiguous span from the phrase's left edge to its head plus compound/flat modifiers after it."""
    left = tok
    for t in tok.lefts:
        if t.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "npadvmod"):
            left = t if t.i < left.i else left
            left = min([left] + [x for x in t.subtree], key=lambda x: x.i)
    right = tok
    for t in tok.rights:
        if t.dep_ in ("compound", "flat", "nummod") or (t.dep_ == "punct" and t.text == "-"):
            right = max([right] + list(t.subtree), key=lambda x: x.i)
        else:
            break
    return left.idx, right.idx + len(right.text)


def _party(ctx, tok: Token, resolve) -> Party:
    start, end = _clean_np(tok)
    for gs, ge, _ in find_groups(ctx.text[tok.sent.start_char:tok.sent.end_char]):
        gs += tok.sent.start_char
        ge += tok.sent.start_char
        if gs <= tok.idx < ge or (start <= gs and ge <= end):
            start, end = gs, ge
            break
    eid = resolve(start, end) if resolve else None
    return _quoted(ctx, start, end, eid)


def _quoted(ctx, start: int, end: int, entity: Optional[str]) -> Party:
    """A party as the record quotes it: the article's own words (`ctx.span`)."""
    sp = ctx.span(start, end)
    return Party(text=sp.text, entity=entity, start=sp.start, end=sp.end)


def _spoken_for(subj: Token) -> Token:
    """The party a mouthpiece subject speaks for ("a lawyer for the group" -> "the group"), else `subj`."""
    if subj.lemma_.lower() not in MOUTHPIECES:
        return subj
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "from"):
            objs = [g for g in prep.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return subj


def _reporter(tok: Token) -> tuple[Optional[Token], Optional[Token]]:
    """The reporting verb above a clause and its subject ("Putin suggested that ...")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("ccomp", "xcomp") or (cur.dep_ == "conj" and cur.head.dep_ == "ccomp"):
            head = cur.head if cur.dep_ != "conj" else cur.head.head
            return head, speaker_of(head)
        if cur.head == cur:
            break
        cur = cur.head
    return None, None


# A verb reading's kind -> how the party is linked to the incident.
_HOW = {"claim": "claimed", "deny": "denied", "accuse": "accused", "attribute": "attributed", "hold": "attributed"}


def _linked(r: VerbReading) -> bool:
    """Does a claim, denial, accusation or attribution verb link its party to an incident?"""
    if r.party is None or r.negated or r.tentative:
        return False
    if r.kind == "claim":
        return r.speaker is not None
    if r.kind == "deny":
        # "denied any involvement", "denied that it had a role"; not "denied the report".
        return r.speaker is not None and (r.obj.dep_ == "ccomp" or r.obj.lemma_.lower() in _DENY_OBJECTS)
    # "Ukraine was linked to the attack": the passive subject is the party (`_narrated`), not
    # the prepositional object.
    return not (r.kind == "attribute" and r.passive and r.verb.lemma_.lower() in ("link", "tie"))


def _rules(ctx, sent: SpacySpan, resolve) -> list[tuple[str, Party, Optional[Token], Token]]:
    """(how, party, by-token, cue) triples read from one sentence's dependency parse: the claim,
    denial, accusation and attribution verbs (`responsibility_verbs`), then what the narration
    says of who did it."""
    out = []
    for r in responsibility_verbs.read(sent):
        if _linked(r):
            party = _spoken_for(r.party) if r.kind in ("claim", "deny") else r.party
            by = None if r.kind in ("claim", "deny") else r.speaker
            out.append((_HOW[r.kind], _party(ctx, party, resolve), by, r.verb))
    return out + _narrated(ctx, sent, resolve)


def _narrated(ctx, sent: SpacySpan, resolve) -> list[tuple[str, Party, Optional[Token], Token]]:
    """"carried out by X", "X was behind", "X was linked to", "X is responsible": who did it,
    as the article's own narration says."""
    out = []
    for tok in sent:
        lem = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX", "ADJ") or negated(tok) or tentative(tok):
            continue
        preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in tok.children if c.dep_ in ("prep", "agent")}
        if lem in ("perpetrate", "commit", "carry", "stage", "orchestrate", "mastermind") and preps.get("by"):
            out.append(("attributed", _party(ctx, preps["by"][0], resolve), None, tok))
            continue
        subj = speaker_of(tok)
        if subj is None:
            continue
        if lem == "be" and preps.get("behind"):
            out.append(("attributed", _party(ctx, subj, resolve), None, tok))
        elif lem in ("link", "tie") and subj.dep_ == "nsubjpass" and preps.get("to"):
            out.append(("alleged", _party(ctx, subj, resolve), None, tok))
        elif lem == "responsible" and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            out.append(("attributed", _party(ctx, subj, resolve), None, tok))
    return out


def _by(ctx, tok: Optional[Token], resolve) -> Optional[str]:
    if tok is None:
        return None
    start, end = _clean_np(tok)
    eid = resolve(start, end) if resolve else None
    return eid or ctx.span(start, end).text


def responsibility(ctx, start: int, end: int, resolve: Optional[Callable] = None) -> tuple[Responsibility, ...]:
    """Responsibility entries for the incident reported in characters [start, end)."""
    out: list[Responsibility] = []
    sents = [s for s in sentences(ctx.doc) if start <= s.start_char < end]
    hits = [(sent, rule) for sent in sents for rule in _rules(ctx, sent, resolve)]
    statement_at = _statement_finder(ctx)
    # Hits by the characters of their party and of their cue, to find those inside a statement.
    by_party = sorted((h[1].start, k) for k, (_, h) in enumerate(hits))
    by_cue = sorted((h[3].idx, k) for k, (_, h) in enumerate(hits))
    used = set()
    for st in ctx.statements or ():
        how = HOW_BY_TYPE.get(st.type)
        if how is None or not (start <= st.content.start < end):
            continue
        by = (st.speaker.entity or st.speaker.text) if st.speaker else None
        cs, ce = st.content.start, st.content.end
        ks = {k for index in (by_party, by_cue)
              for _, k in index[bisect_left(index, (cs, -1)):bisect_left(index, (ce, -1))]}
        inside = [(k, hits[k][1]) for k in sorted(ks)]
        entries = []
        for k, (rule_how, party, _, cue) in inside:
            used.add(k)
            # A claim or denial reported inside someone else's statement ("X blamed the Army,
            # which denied it") is the party's own word, not the reporter's.
            own = rule_how in ("claimed", "denied")
            entries.append((_hedged(rule_how, st.content.text, cue), party, own))
        if not entries:
            entries = [(_hedged(how, st.content.text, None), p, False) for p in _statement_parties(ctx, st)]
        for h, party, own in entries:
            out.append(Responsibility(party=party, how=h, statement=st.id, by=party.entity or party.text
                                      if own or (h == "claimed" and by is None) else by,
                                      corroboration=st.corroboration, evidence=(st.content,), extractor=EXTRACTOR))
    for k, (sent, (how, party, by_tok, cue)) in enumerate(hits):
        if k in used or not party.text.strip():
            continue
        verb, reporter = _reporter(cue)
        if by_tok is None:
            by_tok = reporter
        if how == "attributed" and verb is not None and verb.lemma_.lower() in _HEDGES:
            how = "alleged"
        how = _hedged(how, sent.text, cue)
        by = party.entity or party.text if how == "claimed" and by_tok is None else _by(ctx, by_tok, resolve)
        out.append(Responsibility(party=party, how=how, by=by, statement=statement_at(sent),
                                  corroboration=stated_corroboration(sent.text),
                                  evidence=(ctx.span(sent.start_char, sent.end_char),), extractor=EXTRACTOR))
    return tuple(_carry_corroboration(ctx, _dedupe(out), sents))


def _hedged(how: str, text: str, cue: Optional[Token]) -> str:
    """An attribution or accusation the speaker only suggests ("somehow linked", "may have") is alleged."""
    if how not in ("attributed", "accused"):
        return how
    words = set(re.findall(r"[a-z]+", text.lower()))
    if cue is not None:
        words |= {t.lemma_.lower() for t in cue.sent if t.i <= cue.i and t.pos_ in ("VERB", "ADV", "AUX")}
        words |= {cue.lemma_.lower()}
    if words & {"somehow", "allegedly", "possibly", "perhaps", "suggest", "suggested", "suggests", "insinuate",
                "implied", "hinted", "link", "linked"}:
        return "alleged"
    return how


def _statement_finder(ctx) -> Callable[[SpacySpan], Optional[str]]:
    """sentence -> id of the first statement whose content overlaps it (or None), worked out
    once per call of the caller: asked for every sentence, a scan of every statement each time
    was quadratic in the article's length."""
    statements = ctx.statements or ()
    starts = [st.content.start for st in statements]
    if starts != sorted(starts):  # an extractor's own order: look at each
        return lambda sent: next((st.id for st in statements
                                  if st.content.start < sent.end_char and sent.start_char < st.content.end), None)
    reach = list(accumulate((st.content.end for st in statements), max))

    def find(sent: SpacySpan) -> Optional[str]:
        # In text order, the first overlapping one is the first whose content reaches into the
        # sentence (the furthest end so far passes its start), if it starts before the sentence ends.
        k = bisect_right(reach, sent.start_char)
        if k < len(statements) and statements[k].content.start < sent.end_char:
            return statements[k].id
        return None

    return find


def _statement_parties(ctx, st: Statement) -> list[Party]:
    if st.type in ("claim_of_responsibility", "denial") and st.speaker is not None:
        return [Party(text=st.speaker.text, entity=st.speaker.entity, start=st.speaker.start, end=st.speaker.end)]
    for gs, ge, _ in find_groups(st.content.text):
        s = st.content.start + gs
        e = st.content.start + ge
        return [_quoted(ctx, s, e, entity_at(ctx, s, e))]
    parties = []
    # Statement targets are whoever the statement is about; only armed groups among them are parties.
    for eid in st.targets:
        if ctx.entities is None:
            continue
        try:
            ent = ctx.entities.entity(eid)
        except KeyError:  # an id the index cannot give back: no party rather than a wrong one
            log.debug("statement %s names unknown entity %s", st.id, eid)
            continue
        if ent.type == "group" or find_groups(ent.name):
            parties.append(Party(text=ent.name, entity=eid))
    if parties:
        return parties
    words = st.content.text.strip(" \"'“”‘’,.").split()
    if 0 < len(words) <= 6:
        return [Party(text=st.content.text, start=st.content.start, end=st.content.end)]
    return []


def entity_at(ctx, start: int, end: int) -> Optional[str]:
    if ctx.entities is None:
        return None
    return ctx.entities.resolve(start, end)


def _dedupe(items: list[Responsibility]) -> list[Responsibility]:
    seen, out = set(), []
    for r in items:
        # Statement-linked entries come first and win over the same finding by the sentence rules.
        key = (r.party.text.lower().removeprefix("the "), r.how)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _carry_corroboration(ctx, items: list[Responsibility], sents: list[SpacySpan]) -> Iterable[Responsibility]:
    stated = [(s, stated_corroboration(s.text)) for s in sents]
    stated = [(s, c) for s, c in stated if c]
    for r in items:
        if r.corroboration is None and r.how in ("alleged", "accused", "attributed"):
            name = r.party.text.lower()
            for sent, label in stated:
                if name and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sent.text.lower()):
                    r = r.model_copy(update={"corroboration": label,
                                             "evidence": r.evidence + (ctx.span(sent.start_char, sent.end_char),)})
                    break
        yield r


# --- warnings -------------------------------------------------------------------------------

_BEFORE = re.compile(r"\b(ago|before|earlier|prior|previously|in advance|days before|weeks before)\b", re.I)


def warnings(ctx, start: int, end: int, resolve: Optional[Callable] = None) -> tuple[PriorWarning, ...]:
    """Warnings given before the incident: by whom, to whom, when, public or private."""
    out = []
    statement_at = _statement_finder(ctx)
    sents = [s for s in sentences(ctx.doc) if start <= s.start_char < end]
    for k, sent in enumerate(sents):
        cue = _warning_cue(sent)
        if cue is None:
            continue
        verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
        by_tok = speaker_of(verb)
        by = None if by_tok is None else _quoted(ctx, *_clean_np(by_tok),
                                                 resolve(*_clean_np(by_tok)) if resolve else None)
        to = _warning_recipient(ctx, sent, cue, verb, by_tok, resolve)
        dates = [e for e in ents_in(sent) if e.label_ in ("DATE", "TIME")]
        public = _publicity(sent)
        for nxt in sents[k + 1:k + 3]:
            if public is None and any(t.lemma_.lower() == "warning" for t in nxt):
                public = _publicity(nxt)
        stmt = statement_at(sent)
        if out and by_tok is not None and by_tok.pos_ == "PRON" and (public is None or public == out[-1].public):
            # "We gave them that private warning", right after the warning it restates: one warning.
            prev = out[-1]
            out[-1] = prev.model_copy(update={"evidence": prev.evidence + (ctx.span(sent.start_char, sent.end_char),),
                                              "statement": prev.statement or stmt,
                                              "public": prev.public if prev.public is not None else public})
            continue
        out.append(PriorWarning(by=by, to=to, when=None, when_text=dates[0].text if dates else None, public=public,
                                statement=stmt, evidence=(ctx.span(sent.start_char, sent.end_char),),
                                extractor=EXTRACTOR))
    return tuple(out)


def _warning_cue(sent: SpacySpan) -> Optional[Token]:
    for tok in sent:
        lem = tok.lemma_.lower()
        if lem == "warn" and tok.pos_ == "VERB" or lem == "warning" and tok.pos_ == "NOUN":
            verb = tok if tok.pos_ == "VERB" else tok.head
            if tentative(verb) or negated(verb):
                continue
            # Only warnings given before the incident: a past-tense verb, not "have warned that ...".
            perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            if verb.tag_ != "VBD" and not _BEFORE.search(sent.text):
                continue
            if perfect and not _BEFORE.search(sent.text):
                continue
            content = " ".join(t.lemma_.lower() for t in sent)
            if re.search(r"\b(blame|accuse)\b", content):
                continue
            return tok
    return None


def _publicity(sent: SpacySpan) -> Optional[bool]:
    low = sent.text.lower()
    if re.search(r"\bprivate(ly)?\b|\bconfidential(ly)?\b|\bbehind closed doors\b", low):
        return False
    if re.search(r"\bpublic(ly)?\b|\badvisory\b|\bannounce", low):
        return True
    return None


def _warning_recipient(ctx, sent, cue, verb, by_tok, resolve) -> Optional[Party]:
    cand = None
    if cue.pos_ == "VERB":
        cand = next((c for c in cue.children if c.dep_ in ("dobj", "obj")), None)
    if cand is None:
        cand = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if cand is None:
        for t in verb.subtree:
            if t.lemma_.lower() in ("urge", "tell", "advise") and t.pos_ == "VERB":
                cand = next((c for c in t.children if c.dep_ in ("dobj", "obj")), None)
                if cand is not None:
                    break
    if cand is None:
        return None
    s, e = _clean_np(cand)
    eid = resolve(s, e) if resolve else None
    if cand.pos_ == "PRON" and eid is None:
        # "reached out to the Russian government and warned them": the nearest earlier object in the sentence.
        prior = [t for t in sent if t.i < cand.i and t.dep_ in ("pobj", "dobj") and t.pos_ in ("NOUN", "PROPN")
                 and (by_tok is None or t.i != by_tok.i)]
        if prior:
            s, e = _clean_np(prior[-1])
            eid = resolve(s, e) if resolve else None
    return _quoted(ctx, s, e, eid)
