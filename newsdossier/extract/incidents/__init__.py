"""Incident records: what happened, to whom, with what, by whom, and who says so.

`extract_incidents` (registered as "incidents.v1" in newsdossier/registrations.py) builds the
article's incidents in stages:
  1. tag role spans (perpetrators, targets, victims, weapons): the CRF and rules of `roles/`;
  2. decide at document level whether the article reports an incident at all (a logistic
     regression over its words, and rules: a violence word, fillers or casualties); an article that
     reports none gets no incident; where the rules say yes, `relevance.py`'s model, trained across
     domains, has the last word (a quake, a crash, an arrest, a political story is no incident);
  3. group the spans into entities (same text, group aliases, acronyms, the entity index) and
     give each entity one role by a confidence-weighted vote; keep those above the role's threshold;
  4. split the article into incidents when it reports attacks in different places, ordered by
     salience (the main incident first; `segments.py`);
  5. fill each incident: fillers (`roles/fillers.py`), attack types, GTD categories, responsibility
     and prior warnings (linked to statements), and date, place and figures from their own modules.
  6. ask of each incident whether it is a specific violent event that happened (`specific.py`: not
     "thousands of shootings a year", not a crash told like a crime); drop those that are not.
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

from ...errors import ModelError
from ...records import Filler, Incident, Span
from .. import figures as _figures
from ..lexicon.groups import find_groups, groups_in
from ..lexicon.violence import VIOLENCE
from ..syntax import sentences
from . import attack_types as _types
from . import dates as _dates, places as _places, relevance as _relevance, responsibility as _resp
from . import specific as _specific_model
from .roles import learned, tag_doc
from .roles.crf import MODEL_DIR, tagger_at
from .roles.fillers import EXTRACTOR, add_filler, filler_of, fired
from .roles.grouping import Candidate, group_spans, norm, select
from .roles.names import RELATIVE_PRONOUNS, drop_redescriptions, tidy_spans
from .segments import by_salience, segments as find_segments

log = logging.getLogger(__name__)
HARM_BOOST = 0.2
FIELDS = {"PerpInd": "perpetrator_individuals", "PerpOrg": "perpetrator_organizations",
          "Target": "targets", "Victim": "victims", "Weapon": "weapons"}


def load_model() -> tuple[dict, dict]:
    """(document classifier, thresholds) shipped in `MODEL_DIR`."""
    return _load_model(str(MODEL_DIR))


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
    if groups_in(doc):
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
    """The entity index's `resolve`, or None when the entity stage did not run."""
    return None if ctx.entities is None else ctx.entities.resolve


def extract_incidents(ctx) -> tuple[Incident, ...]:
    """The incidents the article reports (none when it reports none), main incident first."""
    clf, config = load_model()
    doc = ctx.doc
    text = ctx.text
    # Two answers that end in "no incident" whatever the roles are, so they are asked before the
    # roles are tagged (the roles' CRF reads every sentence). An incident needs an attack told in
    # words (a shooting, a bombing, a kidnapping, ...): fillers alone ("a record 40,000 visitors")
    # do not make one. And where the cheap relevance model alone says "no", the learned decision
    # asked below (once the rules say yes) would give the same "no".
    if not any(t.lemma_.lower() in VIOLENCE for t in doc):
        return ()
    if ctx.settings.incident_relevance and _relevance.settled(
            ctx.article.title, text, threshold=ctx.settings.incident_relevance_threshold) is False:
        return ()
    resolve = _resolver(ctx)
    spans = tidy_spans(doc, tag_doc(doc))
    # The entity index is not used to merge fillers: on MUC-4 dev its merges cost 0.4 F1 (a filler
    # must not gather names the reader would not accept); it still names each filler's entity.
    cands = group_spans(text, spans)
    prob = incident_probability(clf, doc, spans)
    kept = select(cands, prob, config)
    # People reported killed or wounded are direct evidence of an incident, whatever a classifier
    # trained on 1990s wires says of the article's vocabulary: keep it, with no fillers the
    # classifier did not vouch for.
    span_figures: dict[tuple[int, int], _figures.IncidentFigures] = {}

    def figures_of(start: int, end: int) -> _figures.IncidentFigures:
        # The whole article's figures decide whether a filler-less article has an incident, and
        # are its figures when it has one incident: worked out once.
        if (start, end) not in span_figures:
            span_figures[(start, end)] = _figures.incident_figures(ctx, start, end)
        return span_figures[(start, end)]

    if not kept and not figures_of(0, len(text)).has_casualties:
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
    segments = find_segments(ctx, kept)
    # Fillers of the cross-domain model (victims, targets in modern news) join the rules' incidents:
    # they change who is named, never whether there is an incident, how many, or which comes first.
    segments = learned.add(ctx, segments, tidy_spans, lambda cands: drop_redescriptions(text, cands))
    figures = [figures_of(s, e) for s, e, _ in segments]
    order = by_salience(ctx, segments, figures)
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
    # The same question per candidate (specific.py): a candidate told only in general ("thousands of
    # shootings a year", terror attacks as an op-ed's topic, a death toll in the thousands) is no
    # incident, whatever the article's other candidates are; an article left with none has none.
    keep = [True] * len(incidents)
    if ctx.settings.incident_candidates and _specific_model.applies(text):
        keep = _specific(ctx, segments, incidents)
    # A dossier says who or what was hit, how many were killed or hurt (none, if the article says so),
    # or with what. A candidate with none of it is the rules reading attack words in talk of violence
    # in general (a fact-check of "thousands of shootings", "2,114 shooting incidents this year") or
    # in wire copy whose act they could not place: on MUC-4 dev 18 such incidents, mostly in reports
    # without a template, cost 0.5 F1; no GVA article's incident is one.
    if ctx.settings.incident_requires_harm:
        keep = [k and tells_harm(inc) for k, inc in zip(keep, incidents)]
    kept_incidents = [inc for k, inc in zip(keep, incidents) if k]
    return tuple(inc if inc.id == f"i{k + 1}" else inc.model_copy(update={"id": f"i{k + 1}"})
                 for k, inc in enumerate(kept_incidents))


def tells_harm(inc: Incident) -> bool:
    """Whether the incident names a victim, a target or a weapon, or gives a killed or injured figure
    (a zero counts: "no one was hurt" says what happened)."""
    return bool(inc.victims or inc.targets or inc.weapons or inc.killed is not None or inc.injured is not None)


def _specific(ctx, segments: list, incidents: list[Incident]) -> list[bool]:
    """For each incident, whether the per-candidate model takes it for a specific violent event."""
    sents = sentences(ctx.doc)
    cutoff = ctx.settings.incident_candidate_threshold
    cutoff = _specific_model.threshold() if cutoff is None else cutoff
    return [_specific_model.probability(sents, start, end, inc, k, len(incidents)) >= cutoff
            for k, ((start, end, _), inc) in enumerate(zip(segments, incidents))]


def _add_responsible_groups(ctx, kept: list[Candidate], resp) -> list[Candidate]:
    """A group that claimed the attack is a perpetrator organisation."""
    have = {norm(ctx.text[s:e]) for c in kept for s, e in c.mentions}
    for r in resp:
        # Only the group's own claim: attributions by others added wrong perpetrators on MUC-4 dev.
        if r.how != "claimed" or r.party.start is None:
            continue
        if not _is_organisation(ctx, r.party):
            continue
        key = norm(r.party.text)
        if key in have:
            kept = [dataclasses.replace(c, role="PerpOrg") if any(norm(ctx.text[s:e]) == key for s, e in c.mentions)
                    else c for c in kept]
            continue
        # A shorter form of a group already found ("the Zarlo" beside "the Zarlo Liberation Front")
        # is that group: adding it would only displace the fuller name.
        if any(re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", h) for h in have):
            continue
        have.add(key)
        kept = kept + [Candidate(role="PerpOrg", mentions=((r.party.start, r.party.end),), confidence=1.0,
                                 votes={"PerpOrg": 1.0})]
    return kept


_ORG_WORDS = frozenset({"front", "brigade", "brigades", "army", "movement", "group", "organization", "organisation",
                        "commando", "commandos", "cartel", "militia", "faction", "party", "command", "council",
                        "forces", "battalion", "network", "cell", "squad", "squads", "alliance", "union"})


def _is_organisation(ctx, party) -> bool:
    """A named group: in the armed-group lexicon, typed group/organisation by the entity index, or a
    proper name or a phrase headed by an organisation word ("the Northern Front"); never a pronoun."""
    words = norm(party.text).split()
    # "No group has claimed" names no group; "the same group that ..." points back to a group
    # named elsewhere (or nowhere). A bare "the organisation" that claimed it is still kept: the
    # reader of a modern report is told who claimed even when the name is given only earlier.
    if (not words or words[0] in ("no", "none", "same", "this", "that", "these", "those", "such")
            or any(w in RELATIVE_PRONOUNS for w in words)):
        return False
    if find_groups(party.text):
        return True
    if party.entity and ctx.entities is not None:
        try:
            if ctx.entities.entity(party.entity).type in ("group", "organization"):
                return True
        except KeyError:  # an id the index cannot give back: judge by the words
            log.debug("entity %s not in index", party.entity)
    span = ctx.doc.char_span(party.start, party.end, alignment_mode="expand")
    if span is None or all(t.pos_ == "PRON" or t.is_stop for t in span):
        return False
    return span.root.lower_ in _ORG_WORDS or (span.root.pos_ == "PROPN" and span.root.ent_type_ not in ("PERSON", "GPE"))


def _incident(ctx, iid: str, start: int, end: int, members: list[Candidate], resolve, resp, prob: float,
              figures: _figures.IncidentFigures) -> Incident:
    text = ctx.text
    sents = [s for s in sentences(ctx.doc) if start <= s.start_char < end]
    roles: dict[str, list[Filler]] = {r: [] for r in FIELDS}
    for c in members:
        add_filler(roles[c.role], filler_of(ctx, c, resolve))
    if not roles["Weapon"]:
        roles["Weapon"] = fired(ctx, sents)
    attack_sents = [s for s in sents if _types.attack_types([s]) != ("unknown",)]
    whole = (start, end)
    evidence = tuple(ctx.span(s.start_char, s.end_char) for s in attack_sents[:3])
    return Incident(
        id=iid,
        types=_types.attack_types(attack_sents[:8] or sents[:3]),
        date=_dates.incident_date(ctx, *whole),
        location=_places.incident_location(ctx, *whole),
        perpetrator_individuals=tuple(roles["PerpInd"]),
        perpetrator_organizations=tuple(roles["PerpOrg"]),
        targets=tuple(roles["Target"]),
        victims=tuple(roles["Victim"]),
        weapons=tuple(roles["Weapon"]),
        perpetrator_count=figures.perpetrator_count,
        killed=figures.killed,
        injured=figures.injured,
        responsibility=tuple(resp),
        warnings=_resp.warnings(ctx, *whole, resolve=resolve),
        salience=round(prob * sum(len(c.mentions) for c in members), 3),
        evidence=evidence,
        extractor=EXTRACTOR,
    )


def preload(settings) -> None:
    """Load every model, word list and gazetteer this extractor reads (`extract.preload`): those
    the settings turn off (learned roles, the incident decision) are left unloaded."""
    load_model()
    tagger_at(str(Path(MODEL_DIR) / "fillers.crfsuite"))
    _places.gazetteer()
    find_groups("")  # compiles the armed-group patterns
    if settings.learned_roles != "rules" and settings.role_model != "static":
        from .roles import tagger

        tagger.load()
    if settings.learned_roles != "rules" and settings.role_model != "tagger":
        learned.encoder(learned.load_model().get("layers"))
    if settings.incident_relevance:
        _relevance.load()
        _relevance._encoder()
    if settings.incident_candidates:
        _specific_model.load()


extract_incidents.preload = preload
