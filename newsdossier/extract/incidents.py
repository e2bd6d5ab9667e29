"""Incident records: what happened, to whom, with what, by whom, and who says so.

`extract_incidents` (registered as "incidents.v1") builds the article's incidents in stages:
  1. tag role spans with the CRF of `fillers.py` (perpetrators, targets, victims, weapons);
  2. decide at document level whether the article reports an incident at all (a logistic
     regression over its words, and rules: a violence word, fillers or casualties); an article that
     reports none gets no incident; where the rules say yes, `relevance.py`'s model, trained across
     domains, has the last word (a quake, a crash, an arrest, a political story is no incident);
  3. group the spans into entities (same text, group aliases, acronyms, the entity index) and
     give each entity one role by a confidence-weighted vote; keep those above the role's threshold;
  4. split the article into incidents when it reports attacks in different places, ordered by
     salience (the main incident first);
  5. fill each incident: attack types, GTD categories, responsibility and prior warnings (linked to
     statements), and date, place and figures from their own modules.
Thresholds were selected on the MUC-4 dev split (`newsdossier/models/incidents/config.json`).
"""
from __future__ import annotations

import dataclasses
import functools
import json
import logging
import math
import re
from pathlib import Path
from typing import Optional

from ..analyze.index import ents_in
from ..errors import ModelError
from ..records import Filler, Incident, Span
from ..registry import extractors
from . import attack_types as _types
from . import categories, fillers, learned_roles, relevance as _relevance, responsibility as _resp
from .fillers import Candidate

log = logging.getLogger(__name__)
EXTRACTOR = "incidents.v1"
HARM_BOOST = 0.2
# Words that tell violence happened (verbs and nouns, lemmas): an incident needs at least one.
VIOLENCE = fillers.HARM_VERBS | frozenset({
    "attack", "assault", "storm", "raid", "ambush", "bomb", "bombing", "explode", "explosion", "detonate", "blast",
    "burn", "torch", "arson", "kidnapping", "abduction", "hijack", "hijacking", "massacre", "shooting", "gunfire",
    "dynamite", "destroy", "murder", "assassination", "killing", "sabotage", "hostage", "grenade", "machinegun",
    "fire", "dead", "death", "die", "victim", "terrorist", "terrorism", "gunman", "gunmen", "guerrilla",
    # A gun that went off and hit someone is a shooting, even told without a violent verb
    # ("struck by shotgun pellets", "the gun discharged and struck his daughter").
    "gun", "gunshot", "handgun", "shotgun", "rifle", "pistol", "firearm", "bullet", "pellet"})
FIELDS = {"PerpInd": "perpetrator_individuals", "PerpOrg": "perpetrator_organizations",
          "Target": "targets", "Victim": "victims", "Weapon": "weapons"}

try:  # date, place and figures are written in their own modules; absent ones leave the fields None
    from . import figures as _figures
except ImportError:  # pragma: no cover - depends on what has landed
    _figures = None
try:
    from . import dates as _dates
except ImportError:  # pragma: no cover
    _dates = None
try:
    from . import places as _places
except ImportError:  # pragma: no cover
    _places = None


def load_model() -> tuple[dict, dict]:
    """(document classifier, thresholds) shipped in `fillers.MODEL_DIR`."""
    return _load_model(str(fillers.MODEL_DIR))


@functools.lru_cache(maxsize=4)
def _load_model(model_dir: str) -> tuple[dict, dict]:
    d = Path(model_dir)
    try:
        clf = json.loads((d / "doc_classifier.json").read_text(encoding="utf-8"))
        config = json.loads((d / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{d}: incident model files missing or unreadable ({exc}); "
                         "run `python -m newsdossier.train.incidents`") from exc
    return clf, config


def doc_tokens(doc) -> set[str]:
    """Lower-cased lemmas of content words, plus a flag for a known armed group (classifier input)."""
    out = {t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and len(t) > 2}
    if fillers.groups_in(doc):
        out.add("__group__")
    return out


def doc_probability(clf: dict, doc) -> float:
    """Probability that the article reports an incident (MUC-4's "relevant document")."""
    bag = [w for w in doc_tokens(doc) if w in clf["weights"]]
    z = clf["bias"] + sum(clf["weights"][w] for w in bag) / max(1.0, math.sqrt(len(bag)))
    return 1 / (1 + math.exp(-z))


def incident_probability(clf: dict, doc, spans) -> float:
    """The document decision's score: the classifier, raised when several people are said to be harmed.

    Several people killed, wounded or kidnapped mean an incident is reported even when the article's
    vocabulary is far from the 1990s wires the classifier learnt from (neutral on MUC-4 dev).
    """
    prob = doc_probability(clf, doc)
    if sum(1 for s in spans if s.source == "harm") >= 2:
        prob = min(1.0, prob + HARM_BOOST)
    return prob


def _resolver(ctx):
    if ctx.entities is None:
        return None

    def resolve(start: int, end: int) -> Optional[str]:
        try:
            return ctx.entities.resolve(start, end)
        except Exception:  # the index is another stage's; a failure there must not lose incidents
            log.debug("entity index could not resolve %d-%d", start, end, exc_info=True)
            return None

    return resolve


@extractors.register(EXTRACTOR)
def extract_incidents(ctx) -> tuple[Incident, ...]:
    """The incidents the article reports (none when it reports none), main incident first."""
    clf, config = load_model()
    doc = ctx.doc
    text = ctx.text
    resolve = _resolver(ctx)
    spans = tidy_spans(doc, [s for s in fillers.tag_doc(doc) if not ctx.removed(s.char_start, s.char_end)])
    # The entity index is not used to merge fillers: on MUC-4 dev its merges cost 0.4 F1 (a filler
    # must not gather names the reader would not accept); it still names each filler's entity.
    cands = fillers.group_spans(text, spans)
    prob = incident_probability(clf, doc, spans)
    kept = fillers.select(cands, prob, config)
    # An incident needs an attack told in words (a shooting, a bombing, a kidnapping, ...): fillers
    # alone ("a record 40,000 visitors") do not make one.
    if not any(t.lemma_.lower() in VIOLENCE for t in doc):
        return ()
    # People reported killed or wounded are direct evidence of an incident, whatever a classifier
    # trained on 1990s wires says of the article's vocabulary: keep it, with no fillers the
    # classifier did not vouch for.
    span_figures: dict[tuple[int, int], dict] = {}

    def figures_of(start: int, end: int) -> dict:
        # The whole article's figures decide whether a filler-less article has an incident, and
        # are its figures when it has one incident: worked out once.
        if (start, end) not in span_figures:
            span_figures[(start, end)] = _call(_figures, "incident_figures", ctx, start, end) or {}
        return span_figures[(start, end)]

    if not kept and not _call(_figures, "has_casualties", figures_of(0, len(text))):
        return ()
    # The rules fire on quakes, crashes, arrests and political stories too: a learned decision
    # (relevance.py), asked only here so articles the rules already turn down cost nothing more.
    if ctx.settings.incident_relevance and not _relevance.reports_incident(
            ctx.article.title, text, threshold=ctx.settings.incident_relevance_threshold):
        return ()
    resp_all = _resp.responsibility(ctx, 0, len(text), resolve)
    # A claimant becomes a perpetrator filler only where the article is judged to report an
    # incident, like every other filler; the claim itself stays in `responsibility` either way.
    if prob >= config["doc_threshold"]:
        kept = _add_responsible_groups(ctx, kept, resp_all)
    kept = drop_redescriptions(text, kept)
    segments = _segments(ctx, kept)
    # Fillers of the cross-domain model (victims, targets in modern news) join the rules' incidents:
    # they change who is named, never whether there is an incident, how many, or which comes first.
    segments = learned_roles.add(ctx, segments, tidy_spans, lambda cands: drop_redescriptions(text, cands))
    figures = [figures_of(s, e) for s, e, _ in segments]
    order = _by_salience(ctx, segments, figures)
    segments, figures = [segments[k] for k in order], [figures[k] for k in order]
    # Each responsibility entry goes to the incident whose sentences hold it, else to the main one.
    shares: list[list] = [[] for _ in segments]
    for r in resp_all:
        at = r.evidence[0].start if r.evidence else (r.party.start or 0)
        k = next((k for k, (s, e, _) in enumerate(segments) if k and s <= at < e), 0)
        shares[k].append(r)
    incidents = []
    for k, (start, end, members) in enumerate(segments):
        incidents.append(_incident(ctx, f"i{k + 1}", start, end, members, resolve, tuple(shares[k]), prob,
                                   figures[k]))
    return tuple(incidents)


def _by_salience(ctx, segments, figures) -> list[int]:
    """Segment indices, main incident first: one whose dead or wounded the article reports comes
    before one it reports none for; then the one the lead tells of (news opens with its main
    event); then the order `_segments` gave (most filler mentions first)."""
    if len(segments) < 2:
        return list(range(len(segments)))
    lead = next((s.start_char for s in fillers.sentences(ctx.doc) if _types.attack_types([s]) != ("unknown",)),
                None)

    def key(k):
        start, end, _ = segments[k]
        casualties = any(figures[k].get(f) is not None for f in ("killed", "injured"))
        return (not casualties, not (lead is not None and start <= lead < end), k)

    return sorted(range(len(segments)), key=key)


# A filler names a thing: a span of only these parts of speech ("him", "two") names none.
_NAMELESS_POS = frozenset({"PRON", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PUNCT", "AUX", "VERB", "PART",
                           "SPACE"})
# Words a tagged span must not start with: a conjunction or preposition joined to the phrase
# ("and drug traffickers", "of the red cross") is not part of the name.
_LEADING_JUNK = frozenset({"and", "or", "but", "of", "with", "by", "to", "from", "for", "in", "at", "on"})
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})


# Nationality adjectives: a target or attacker is named without the country it belongs to ("the
# embassy", not "the American embassy"), so one embassy told of as "American" and as "U.S." is one.
DEMONYMS = frozenset({
    "american", "argentine", "argentinian", "bolivian", "brazilian", "british", "canadian", "chilean", "chinese",
    "colombian", "costa", "cuban", "dutch", "ecuadoran", "ecuadorian", "egyptian", "french", "german",
    "guatemalan", "haitian", "honduran", "indian", "iranian", "iraqi", "israeli", "italian", "japanese",
    "jordanian", "kenyan", "lebanese", "mexican", "nicaraguan", "nigerian", "pakistani", "palestinian",
    "panamanian", "paraguayan", "peruvian", "russian", "salvadoran", "saudi", "somali", "soviet", "spanish",
    "syrian", "turkish", "ukrainian", "uruguayan", "venezuelan", "yemeni", "us", "u.s.", "u.s"})
_DEMONYM_ROLES = frozenset({"Target", "PerpInd"})
_VAGUE = frozenset({"several", "some", "many", "various"})


def _demonym_length(doc, start: int, end: int) -> int:
    """Tokens of a leading nationality adjective ("salvadoran", "u. s.", "costa rican"), else 0."""
    words = [t.lower_ for t in doc[start:min(end, start + 3)]]
    if len(words) >= 3 and words[0] in ("u.", "u") and words[1] in ("s.", "s"):
        return 2
    if len(words) >= 3 and words[0] == "costa" and words[1] == "rican":
        return 2
    if len(words) >= 2 and words[0] in DEMONYMS and words[0] != "costa" and doc[start].pos_ != "PROPN":
        return 1
    return 0


def tidy_spans(doc, spans: list) -> list:
    """Tagged spans with leading conjunctions/prepositions trimmed; spans that name nothing dropped.

    A span that starts with a relative pronoun ("who wore uniforms") is a clause, not a name; the
    reader's key never lists one on its own.
    """
    out = []
    for sp in spans:
        start = sp.start
        while start < sp.end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_punct):
            start += 1
        # A relative pronoun or punctuation closing the span ("carlos marcelo who") opens the
        # clause that follows the name; an article closing it ("the facing of the") belongs to
        # the next phrase. Either way the name ends before it.
        end = sp.end
        while end > start and (doc[end - 1].lower_ in _RELATIVE or doc[end - 1].is_punct
                               or doc[end - 1].pos_ == "DET"):
            end -= 1
        if end != sp.end and end > start:
            sp = dataclasses.replace(sp, end=end, char_end=doc[end - 1].idx + len(doc[end - 1].text))
        # A span that ends on a preposition, a conjunction or a possessive ("the murder of", "the
        # people's") was cut mid-phrase: what it names is not what the tagger meant.
        if (start >= sp.end or doc[start].lower_ in _RELATIVE or doc[sp.end - 1].lower_ in _LEADING_JUNK
                or doc[sp.end - 1].tag_ == "POS"):
            continue
        # A vague quantifier ("several armed men") is no part of who they were; "some 100" is a count.
        if (start + 1 < sp.end and doc[start].lower_ in _VAGUE and not doc[start + 1].like_num
                and sp.role != "Weapon"):
            start += 1
        if sp.role in _DEMONYM_ROLES:
            start += _demonym_length(doc, start, sp.end)
        # Where a target stood ("the offices in downtown Tarvel") is the incident's place, not its name.
        if sp.role in ("Target", "PerpInd"):
            cut = next((k for k in range(start + 1, sp.end) if doc[k].lower_ in ("in", "at", "near")), None)
            if cut is not None:
                sp = dataclasses.replace(sp, end=cut, char_end=doc[cut - 1].idx + len(doc[cut - 1].text))
        toks = doc[start:sp.end]
        if all(t.pos_ in _NAMELESS_POS for t in toks):
            continue
        if start != sp.start:
            sp = dataclasses.replace(sp, start=start, char_start=doc[start].idx)
        out.append(sp)
    return out


# Roles whose longer names re-describe a shorter filler of the same role ("the bomb" and "a
# medium-sized bomb", "the embassy" and "the embassy building"): the reader counts them once.
# Not for people: "two lieutenants" and "the lieutenants' driver" are different people.
REDESCRIBED_ROLES = frozenset({"Weapon", "Target", "PerpOrg"})


def drop_redescriptions(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Drop a filler whose name contains, as whole words, the name of another filler of its role.

    The shorter name is kept: an answer key lists the bare noun far more often than a modified one
    (on MUC-4 dev keeping the shorter gave +0.5 F1, keeping the longer +0.1).
    """
    names = [fillers.name_of(text, c) for c in kept]
    out = []
    for i, c in enumerate(kept):
        if c.role in REDESCRIBED_ROLES and any(
                j != i and kept[j].role == c.role and names[j] != names[i]
                and re.search(r"(?<!\w)" + re.escape(names[j]) + r"(?!\w)", names[i])
                for j in range(len(kept))):
            continue
        out.append(c)
    return out


def _add_responsible_groups(ctx, kept: list[Candidate], resp) -> list[Candidate]:
    """A group that claimed the attack is a perpetrator organisation."""
    have = {fillers.norm(ctx.text[s:e]) for c in kept for s, e in c.mentions}
    for r in resp:
        # Only the group's own claim: attributions by others added wrong perpetrators on MUC-4 dev.
        if r.how != "claimed" or r.party.start is None:
            continue
        if not _is_organisation(ctx, r.party):
            continue
        key = fillers.norm(r.party.text)
        if key in have:
            for c in kept:
                if any(fillers.norm(ctx.text[s:e]) == key for s, e in c.mentions):
                    c.role = "PerpOrg"
            continue
        # A shorter form of a group already found ("the Zarlo" beside "the Zarlo Liberation Front")
        # is that group: adding it would only displace the fuller name.
        if any(re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", h) for h in have):
            continue
        have.add(key)
        kept.append(Candidate(role="PerpOrg", mentions=[(r.party.start, r.party.end)], confidence=1.0,
                              votes={"PerpOrg": 1.0}))
    return kept


_ORG_WORDS = frozenset({"front", "brigade", "brigades", "army", "movement", "group", "organization", "organisation",
                        "commando", "commandos", "cartel", "militia", "faction", "party", "command", "council",
                        "forces", "battalion", "network", "cell", "squad", "squads", "alliance", "union"})


def _is_organisation(ctx, party) -> bool:
    """A named group: in the armed-group lexicon, typed group/organisation by the entity index, or a
    proper name or a phrase headed by an organisation word ("the Northern Front"); never a pronoun."""
    words = fillers.norm(party.text).split()
    # "No group has claimed" names no group; "the same group that ..." points back to a group
    # named elsewhere (or nowhere). A bare "the organisation" that claimed it is still kept: the
    # reader of a modern report is told who claimed even when the name is given only earlier.
    if (not words or words[0] in ("no", "none", "same", "this", "that", "these", "those", "such")
            or any(w in _RELATIVE for w in words)):
        return False
    if fillers.find_groups(party.text):
        return True
    if party.entity and ctx.entities is not None:
        try:
            if ctx.entities.entity(party.entity).type in ("group", "organization"):
                return True
        except Exception:  # an id the index cannot give back: judge by the words
            log.debug("entity %s not in index", party.entity)
    span = ctx.doc.char_span(party.start, party.end, alignment_mode="expand")
    if span is None or all(t.pos_ == "PRON" or t.is_stop for t in span):
        return False
    return span.root.lower_ in _ORG_WORDS or (span.root.pos_ == "PROPN" and span.root.ent_type_ not in ("PERSON", "GPE"))


def _segments(ctx, kept: list[Candidate]) -> list[tuple[int, int, list[Candidate]]]:
    """Character ranges of the incidents and their fillers, main incident first.

    Sentences that report an attack are grouped by the place they name; two places make two
    incidents only when each has fillers of its own. Everything else belongs to the main one.
    """
    text = ctx.text
    sents = fillers.sentences(ctx.doc)
    place_of_sent = {}
    for i, sent in enumerate(sents):
        if _types.attack_types([sent]) != ("unknown",):
            gpes = [e for e in ents_in(sent) if e.label_ == "GPE"]
            if gpes:
                place_of_sent[i] = fillers.norm(gpes[0].text)
    sent_index = {}
    for i, sent in enumerate(sents):
        for t in sent:
            sent_index[t.idx] = i
    starts = sorted(sent_index)

    def sent_of(char: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return sent_index[starts[lo]] if starts else 0

    groups: dict[str, list[Candidate]] = {}
    order: list[str] = []
    for c in kept:
        s0 = sent_of(c.mentions[0][0])
        # The nearest attack sentence at or before the filler names its place.
        place = next((place_of_sent[j] for j in range(s0, -1, -1) if j in place_of_sent), "")
        if place not in groups:
            groups[place] = []
            order.append(place)
        groups[place].append(c)
    real = [p for p in order if p and len(groups[p]) >= 2]
    if len(real) < 2:
        return [(0, len(text), kept)]
    main = max(real, key=lambda p: (sum(len(c.mentions) for c in groups[p]), -order.index(p)))
    found = []
    for p in real:
        members = groups[p]
        if p == main:
            members = members + [c for q in order if q not in real for c in groups[q]]
        lo = min(sents[sent_of(c.mentions[0][0])].start_char for c in members if c in groups[p])
        found.append((lo, p, members))
    # Each incident's range runs to where the next one starts, so what follows an attack's own
    # sentences (a denial, a warning) stays with it; the first range starts at the article's start.
    found.sort(key=lambda x: x[0])
    out = []
    for k, (lo, p, members) in enumerate(found):
        start = 0 if k == 0 else lo
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        out.append((start, end, members, p == main))
    out.sort(key=lambda x: not x[3])
    return [(s, e, m) for s, e, m, _ in out]


def _incident(ctx, iid: str, start: int, end: int, members: list[Candidate], resolve, resp, prob: float,
              figures: dict) -> Incident:
    text = ctx.text
    sents = [s for s in fillers.sentences(ctx.doc) if start <= s.start_char < end]
    roles: dict[str, list[Filler]] = {r: [] for r in FIELDS}
    for c in members:
        _add_filler(roles[c.role], _filler(ctx, c, resolve))
    if not roles["Weapon"]:
        roles["Weapon"] = _fired(ctx, sents)
    attack_sents = [s for s in sents if _types.attack_types([s]) != ("unknown",)]
    whole = (start, end)
    evidence = tuple(Span.at(text, s.start_char, s.end_char) for s in attack_sents[:3])
    return Incident(
        id=iid,
        types=_types.attack_types(attack_sents[:8] or sents[:3]),
        date=_call(_dates, "incident_date", ctx, *whole),
        location=_call(_places, "incident_location", ctx, *whole),
        perpetrator_individuals=tuple(roles["PerpInd"]),
        perpetrator_organizations=tuple(roles["PerpOrg"]),
        targets=tuple(roles["Target"]),
        victims=tuple(roles["Victim"]),
        weapons=tuple(roles["Weapon"]),
        perpetrator_count=figures.get("perpetrator_count"),
        killed=figures.get("killed"),
        injured=figures.get("injured"),
        responsibility=tuple(resp),
        warnings=_resp.warnings(ctx, *whole, resolve=resolve),
        salience=round(prob * sum(len(c.mentions) for c in members), 3),
        evidence=evidence,
        extractor=EXTRACTOR,
    )


_FIRING = re.compile(r"\b(opened fire|open fire|opening fire|fired (?:at|on|into|shots)|fired\b|sprayed .{0,20}bullets)",
                     re.I)


def _fired(ctx, sents) -> list[Filler]:
    """With no weapon named, shooting told by its verb ("fired at everyone") still says firearms."""
    for sent in sents:
        if _types.attack_types([sent]) == ("unknown",):
            continue
        m = _FIRING.search(sent.text)
        if m:
            s, e = sent.start_char + m.start(), sent.start_char + m.end()
            span = Span.at(ctx.text, s, e)
            return [Filler(text=span.text, category="firearms", mentions=(span,),
                           evidence=(Span.at(ctx.text, sent.start_char, sent.end_char),), extractor=EXTRACTOR)]
    return []


def _call(module, name: str, *args):
    """Call another module's incident function when it has landed; its failure leaves the field None."""
    fn = getattr(module, name, None) if module is not None else None
    if fn is None:
        return None
    try:
        return fn(*args)
    except Exception:  # another stage's bug must not cost the whole incident; logged with its trace
        log.warning("%s.%s failed", module.__name__, name, exc_info=True)
        return None


def _non_overlapping(spans) -> list[tuple[int, int]]:
    """Spans in order, a span nested in or overlapping an earlier, longer one dropped."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


# Occupations, offices and role nouns describe a person ("journalist", "governor", "peasant leader");
# unlike a military rank or an honorific ("Col.", "Mr."), they are no part of the name.
_DESCRIPTORS = fillers.VICTIM_WORDS | fillers.PERP_WORDS | frozenset(
    "reporter photographer correspondent editor lawyer attorney engineer professor economist writer novelist "
    "poet singer actor trade unionist unionist activist member members deputy congressman senator councilman "
    "governor minister secretary director manager owner driver pilot nurse doctor physician".split())


def _full_name(ctx, name: str, spans: set) -> str:
    """A person's full name when the filler was tagged without part of it ("velkon" -> "dario velkon",
    "ana ruiz" -> "ana ruiz ossa").

    The fuller form must occur in the article as proper nouns holding the tagged name (of at most two
    words) and one word more, before or after it; the reader (and an answer key) names a person in
    full. Longer extensions picked up job titles ("the court president ...") on MUC-4 dev.
    """
    words = name.split()
    if not words or len(words) > 2:
        return name
    found = []
    body = r"\s+".join(re.escape(w) for w in words)
    for pattern, extra in ((r"(?<![\w-])[\w'-]+ %s(?![\w-])", 0), (r"(?<![\w-])%s [\w'-]+(?![\w-])", -1)):
        for m in re.finditer(pattern % body, ctx.text, flags=re.I):
            end = m.end() - 2 if m.group().lower().endswith(("'s", "\u2019s")) else m.end()
            span = ctx.doc.char_span(m.start(), end, alignment_mode="expand")
            # An occupation in front ("journalist") is no part of the name, even where lower-cased
            # text makes the tagger call it a proper noun; nor is a date or place after it
            # ("shot Dario Velkon Tuesday").
            if (span is None or not all(t.pos_ == "PROPN" for t in span)
                    or span[extra].lower_ in _DESCRIPTORS or span[extra].ent_type_ not in ("", "PERSON")):
                continue
            found.append((fillers.norm(ctx.text[m.start():end]), (m.start(), end)))
    best = max([name] + [full for full, _ in found], key=len)
    spans.update(place for full, place in found if full == best)
    return best


def _add_filler(role: list[Filler], new: Filler) -> None:
    """Append `new`, or merge it into a filler of the role that goes by the same name (two tagged
    forms, "ana ruiz" and "ana ruiz ossa", both completed to the full name): one entity, one filler."""
    key = fillers.norm(new.text)
    for k, old in enumerate(role):
        if fillers.norm(old.text) == key:
            own = _span_union(old.mentions, new.mentions)
            aliases = tuple(a for a in _span_union(old.aliases, new.aliases)
                            if not any(a.start < m.end and m.start < a.end for m in own))
            role[k] = old.model_copy(update={"mentions": own, "aliases": aliases,
                                             "evidence": _span_union(old.evidence, new.evidence)[:3]})
            return
    role.append(new)


def _span_union(a, b) -> tuple:
    """Spans of both, in order, one of two overlapping spans kept (`_non_overlapping`)."""
    by_place = {(m.start, m.end): m for m in (*a, *b)}
    return tuple(by_place[p] for p in _non_overlapping(by_place))


def _filler(ctx, c: Candidate, resolve) -> Filler:
    """A filler record: every occurrence of the entity's name, and its other names as aliases."""
    text = ctx.text
    spans = set(c.mentions)
    # Each distinct phrase is looked for once: a name tagged a thousand times is still one search.
    for phrase in dict.fromkeys(text[s:e] for s, e in c.mentions):
        if len(phrase) >= 4:
            for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text, flags=re.I):
                if not ctx.removed(m.start(), m.end()):
                    spans.add((m.start(), m.end()))
    eid = None
    if resolve is not None:
        eids = {resolve(s, e) for s, e in c.mentions} - {None}
        eid = eids.pop() if len(eids) == 1 else None
        if eid is not None:
            try:
                for m in ctx.entities.entity(eid).mentions:
                    if m.kind == "name":
                        spans.add((m.start, m.end))
            except Exception:  # an id the index cannot give back: keep the tagged mentions
                log.debug("entity %s not in index", eid)
    # The filler's name is the text the tagger found most often (then the longest); its occurrences
    # are `mentions`, other names are `aliases`. A reader (and MUC-4's CEAF-REE) accepts a filler
    # whose every mention names the gold entity, so a doubtful alias must not sit among them.
    name = fillers.name_of(text, c)
    if c.role in ("PerpInd", "Victim"):
        name = _full_name(ctx, name, spans)
    own = _non_overlapping(sp for sp in spans if fillers.norm(text[sp[0]:sp[1]]) == name)
    mentions = [Span.at(text, s, e) for s, e in own]
    aliases = tuple(Span.at(text, s, e) for s, e in
                    _non_overlapping(sp for sp in spans if fillers.norm(text[sp[0]:sp[1]]) != name)
                    if not any(s < oe and os_ < e for os_, oe in own))
    best = max(mentions, key=lambda m: len(m.text))
    category = None
    if c.role == "Weapon":
        sent = ctx.doc.char_span(c.mentions[0][0], c.mentions[0][1], alignment_mode="expand")
        category = categories.weapon_category([m.text for m in mentions + list(aliases)],
                                              sent.sent.text if sent is not None else "")
    elif c.role in ("Target", "Victim"):
        category = categories.target_category([m.text for m in mentions + list(aliases)])
    evidence = []
    for s, _ in c.mentions[:3]:
        tok = ctx.doc.char_span(s, s + 1, alignment_mode="expand")
        if tok is not None:
            sent = tok.sent
            sp = Span.at(text, sent.start_char, sent.end_char)
            if sp not in evidence:
                evidence.append(sp)
    return Filler(text=best.text, entity=eid, category=category, mentions=tuple(mentions), aliases=aliases,
                  evidence=tuple(evidence), extractor=EXTRACTOR)
