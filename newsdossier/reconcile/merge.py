"""Reconciliation: the articles of one dossier merged into one incident, with the evidence for
every choice.

- each field keeps every source's value and the chosen one with the reason: counts take the most
  recent report (figures are revised upward as bodies are found), places the most specific one,
  the date and attack types the value most independent sources give;
- figure timelines: killed, injured and attacker counts by publication time and source;
- statements grouped by proposition across articles, with the number of independent sources
  (copies of one wire story are one source, see `duplicates`);
- responsibility as a party-by-source matrix;
- contradictions: sources naming different responsible parties, a party denying what another
  source says it claimed, counts that disagree beyond revision (two reports of one day that do not
  overlap, or a later report below an earlier one).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Optional, Sequence

from ..records import (ArticleRecord, Claim, ClaimSource, Contradiction, Dossier, FieldChoice,
                       FieldValue, Figure, FigurePoint, Filler, Incident, ResponsibilityCell)
from .duplicates import source_groups

FIGURE_KINDS = ("killed", "injured", "perpetrator_count")
FILLER_FIELDS = ("perpetrator_individuals", "perpetrator_organizations", "targets", "victims", "weapons")
CLAIM_MIN_OVERLAP = 0.5
STOP = frozenset("the a an and or of to in on at for with by from as is was were be been are it its "
                 "this that he she they his her their we you not".split())
POSITIVE = ("claimed", "attributed", "accused", "alleged")


def _published(record: ArticleRecord) -> str:
    return record.article.published or ""


def _main(record: ArticleRecord) -> Optional[Incident]:
    return record.incidents[0] if record.incidents else None


def _norm(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", re.sub(r"\s+", " ", text.strip().lower()))


def _choose(field: str, values: list[FieldValue], groups: dict[str, int], how: str,
            specificity: Callable[[FieldValue], float] = lambda v: 0.0) -> FieldChoice:
    """The chosen value among `values` by `how` (most_recent, most_specific or most_sources)."""
    present = [v for v in values if v.value is not None]
    if not present:
        return FieldChoice(field=field, values=tuple(values))
    support: dict = defaultdict(set)
    for v in present:
        support[v.value].add(groups[v.article])
    if len(support) == 1:
        value = present[0].value
        return FieldChoice(field=field, value=value, reason="only_source" if len(present) == 1 else "most_sources",
                           agreeing_sources=len(support[value]), values=tuple(values))
    count = lambda v: len(support[v.value])
    keys = {
        "most_recent": lambda v: (v.published or "", specificity(v), count(v)),
        "most_specific": lambda v: (specificity(v), count(v), v.published or ""),
        "most_sources": lambda v: (count(v), specificity(v), v.published or ""),
    }
    best = max(present, key=keys[how])
    # Say which rule actually decided: most_sources that ties falls through to specificity.
    reason = how
    if how == "most_sources" and sum(1 for v in support if len(support[v]) == count(best)) > 1:
        reason = "most_specific"
    return FieldChoice(field=field, value=best.value, reason=reason, agreeing_sources=count(best),
                       values=tuple(values))


def _location_text(incident: Incident) -> Optional[str]:
    loc = incident.location
    if loc is None:
        return None
    parts = [loc.venue, loc.city, loc.region, loc.country]
    return ", ".join(p for p in parts if p) or loc.name


def _figure_text(figure: Optional[Figure]) -> Optional[str]:
    if figure is None or figure.min is None and figure.max is None:
        return None
    if figure.min is None:
        return f"<={figure.max}"
    if figure.max is None:
        return f"{figure.min}+" if figure.qualifier != "exact" else str(figure.min)
    return str(figure.min) if figure.min == figure.max else f"{figure.min}-{figure.max}"


def _first_number(v: FieldValue) -> float:
    found = re.findall(r"\d+", str(v.value)) if v.value is not None else []
    return float(found[0]) if found else 0.0


def _fields(records: Sequence[ArticleRecord], groups: dict[str, int]) -> tuple[list[FieldChoice], dict]:
    """Choices per field and, for each field, the record whose value was chosen."""
    def value(record, get, text=None) -> FieldValue:
        inc = _main(record)
        return FieldValue(article=record.article.id, published=record.article.published,
                          site=record.article.site, value=get(inc) if inc else None,
                          text=text(inc) if (inc and text) else None)

    specs = {
        "types": ("most_sources", lambda i: ",".join(sorted(i.types)) or None, None,
                  lambda v: len(str(v.value).split(","))),
        "date": ("most_sources", lambda i: i.date.value if i.date else None,
                 lambda i: i.date.text if i.date else None,
                 lambda v: 0.0),
        "location": ("most_specific", _location_text,
                     lambda i: i.location.name if i.location else None,
                     lambda v: len(str(v.value).split(","))),
    }
    for kind in FIGURE_KINDS:
        specs[kind] = ("most_recent", (lambda k: lambda i: _figure_text(getattr(i, k)))(kind),
                       (lambda k: lambda i: getattr(i, k).text if getattr(i, k) else None)(kind),
                       _first_number)
    choices, chosen_from = [], {}
    for field, (how, get, text, specificity) in specs.items():
        values = [value(r, get, text) for r in records]
        choice = _choose(field, values, groups, how, specificity)
        choices.append(choice)
        chosen_from[field] = _source_of(choice, records, values)
    return choices, chosen_from


def _source_of(choice: FieldChoice, records: Sequence[ArticleRecord], values: list[FieldValue]
               ) -> Optional[ArticleRecord]:
    """The record the merged incident takes `choice`'s field from: among those giving the chosen
    value, the most recent. An undated article sorts as the oldest but is still a source: when it
    alone gives the value, the value is its (so the incident agrees with `fields`)."""
    if choice.value is None:
        return None
    giving = [(r, v) for r, v in zip(records, values) if v.value == choice.value]
    return max(giving, key=lambda rv: rv[1].published or "")[0] if giving else None


def _merged_incident(dossier_id: str, records: Sequence[ArticleRecord], chosen_from: dict) -> Optional[Incident]:
    mains = [m for m in (_main(r) for r in records) if m is not None]
    if not mains:
        return None
    pick = lambda field: _main(chosen_from[field]) if chosen_from.get(field) else None
    fillers = {}
    for field in FILLER_FIELDS:
        seen: dict[str, Filler] = {}
        for inc in mains:
            for filler in getattr(inc, field):
                seen.setdefault(_norm(filler.text), filler)
        fillers[field] = tuple(seen.values())
    responsibility: dict = {}
    for inc in mains:
        for r in inc.responsibility:
            responsibility.setdefault((_norm(r.party.text), r.how), r)
    types_inc, date_inc, loc_inc = pick("types"), pick("date"), pick("location")
    return Incident(
        id=dossier_id, types=types_inc.types if types_inc else (),
        date=date_inc.date if date_inc else None, location=loc_inc.location if loc_inc else None,
        perpetrator_count=pick("perpetrator_count").perpetrator_count if pick("perpetrator_count") else None,
        killed=pick("killed").killed if pick("killed") else None,
        injured=pick("injured").injured if pick("injured") else None,
        responsibility=tuple(responsibility.values()),
        warnings=tuple(w for inc in mains for w in inc.warnings),
        extractor="reconcile.merge", **fillers)


def _figures(records: Sequence[ArticleRecord], groups: dict[str, int]) -> list[FigurePoint]:
    points = []
    for record in records:
        inc = _main(record)
        for kind in FIGURE_KINDS:
            figure = getattr(inc, kind) if inc else None
            if figure is None or (figure.min is None and figure.max is None):
                continue
            points.append(FigurePoint(
                kind=kind, article=record.article.id, published=record.article.published,
                min=figure.min, max=figure.max, qualifier=figure.qualifier, text=figure.text,
                source=figure.source_text or figure.source, source_group=groups[record.article.id]))
    return sorted(points, key=lambda p: (p.kind, p.published or "", p.article))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if w not in STOP)


def _claims(records: Sequence[ArticleRecord], groups: dict[str, int]) -> list[Claim]:
    clusters: list[tuple[str, frozenset, list[ClaimSource], list[str]]] = []
    for record in records:
        entities = {e.id: e.name for e in record.entities}
        for st in record.statements:
            words = _words(st.content.text)
            if not words:
                continue
            speaker = None
            if st.speaker is not None:
                speaker = entities.get(st.speaker.entity or "", st.speaker.text)
            source = ClaimSource(article=record.article.id, statement=st.id, published=record.article.published,
                                 speaker=speaker, text=st.content.text, source_group=groups[record.article.id])
            for ctype, cwords, sources, speakers in clusters:
                overlap = len(words & cwords) / min(len(words), len(cwords))
                if ctype == st.type and overlap >= CLAIM_MIN_OVERLAP:
                    sources.append(source)
                    if speaker and speaker not in speakers:
                        speakers.append(speaker)
                    break
            else:
                clusters.append((st.type, words, [source], [speaker] if speaker else []))
    claims = []
    for n, (ctype, _, sources, speakers) in enumerate(clusters, 1):
        claims.append(Claim(id=f"c{n}", type=ctype, text=sources[0].text, speakers=tuple(speakers),
                            sources=tuple(sources),
                            independent_sources=len({s.source_group for s in sources})))
    claims.sort(key=lambda c: (-c.independent_sources, c.id))
    return claims


def _responsibility(records: Sequence[ArticleRecord], groups: dict[str, int]) -> list[ResponsibilityCell]:
    cells = []
    for record in records:
        inc = _main(record)
        if inc is None:
            continue
        statements = {s.id: s for s in record.statements}
        entities = {e.id: e.name for e in record.entities}
        for r in inc.responsibility:
            # `by` may be an entity id of the article; a dossier spans articles, so use the name.
            by = entities.get(r.by, r.by) if r.by else None
            st = statements.get(r.statement or "")
            if by is None and st is not None and st.speaker is not None:
                by = entities.get(st.speaker.entity or "", st.speaker.text)
            party = entities.get(r.party.entity or "", r.party.text)
            cells.append(ResponsibilityCell(
                party=party, article=record.article.id, published=record.article.published, by=by,
                how=r.how, statement=r.statement, corroboration=r.corroboration,
                source_group=groups[record.article.id]))
    return cells


def _contradictions(cells: Sequence[ResponsibilityCell], points: Sequence[FigurePoint]) -> list[Contradiction]:
    out = []
    parties: dict[str, list[ResponsibilityCell]] = defaultdict(list)
    for cell in cells:
        if cell.how in POSITIVE:
            parties[_norm(cell.party)].append(cell)
    if len(parties) > 1:
        names = [cs[0].party for cs in parties.values()]
        out.append(Contradiction(
            kind="responsibility", field="responsibility",
            description="sources name different responsible parties: " + "; ".join(
                f"{cs[0].party} ({', '.join(sorted({c.how for c in cs}))} per "
                f"{', '.join(sorted({c.by or 'unnamed source' for c in cs}))})" for cs in parties.values()),
            articles=tuple(sorted({c.article for cs in parties.values() for c in cs})), values=tuple(names)))
    for cell in cells:
        if cell.how == "denied" and _norm(cell.party) in parties:
            others = parties[_norm(cell.party)]
            out.append(Contradiction(
                kind="responsibility", field="responsibility",
                description=f"{cell.party} is said to be responsible but denial is reported by {cell.by or 'a source'}",
                articles=tuple(sorted({cell.article, *(c.article for c in others)})),
                values=(f"{others[0].how}: {others[0].party}", f"denied: {cell.party}")))
    for kind in FIGURE_KINDS:
        series = [p for p in points if p.kind == kind]
        for i, a in enumerate(series):
            for b in series[i + 1:]:
                if a.source_group == b.source_group or a.min is None or b.min is None:
                    continue
                a_hi = a.max if a.max is not None else float("inf")
                b_hi = b.max if b.max is not None else float("inf")
                same_day = (a.published or "") == (b.published or "")
                disjoint = a.min > b_hi or b.min > a_hi
                went_down = (b.published or "") > (a.published or "") and b_hi < a.min
                if (same_day and disjoint) or went_down:
                    out.append(Contradiction(
                        kind="figure", field=kind,
                        description=(f"{kind}: {a.text!r} ({a.published}) and {b.text!r} ({b.published}) "
                                     + ("disagree on the same day" if same_day else "later report is lower")),
                        articles=(a.article, b.article), values=(a.text, b.text)))
    return out


def reconcile(dossier_id: str, records: Sequence[ArticleRecord]) -> Dossier:
    """One dossier from the records of its articles."""
    records = sorted(records, key=lambda r: (_published(r), r.article.id))
    numbers = source_groups(records)
    groups = {r.article.id: n for r, n in zip(records, numbers)}
    duplicates = defaultdict(list)
    for r, n in zip(records, numbers):
        duplicates[n].append(r.article.id)
    choices, chosen_from = _fields(records, groups)
    points = _figures(records, groups)
    cells = _responsibility(records, groups)
    dates = [r.article.published for r in records if r.article.published]
    return Dossier(
        id=dossier_id, articles=tuple(r.article.id for r in records),
        incident=_merged_incident(dossier_id, records, chosen_from), fields=tuple(choices),
        figures=tuple(points), claims=tuple(_claims(records, groups)), responsibility=tuple(cells),
        contradictions=tuple(_contradictions(cells, points)),
        duplicates=tuple(tuple(ids) for ids in duplicates.values() if len(ids) > 1),
        independent_sources=len(duplicates),
        first_published=min(dates) if dates else None, last_published=max(dates) if dates else None)
