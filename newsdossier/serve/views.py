"""What the dossier page shows, worked out from a dossier, its article records and its corrections:
the summary card, the figure timeline, the responsibility matrix, claims, who said what, the
sources with copies grouped, and the corrections. Plain data; the template only lays it out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

from ..records import ArticleRecord, Correction, Dossier
from ..reconcile.corrections import FIELDS, in_force
from . import charts
from .spans import SpanFinder, article_href, figure_label

FIELD_LABELS = {"types": "Attack type", "date": "Date", "location": "Place", "killed": "Killed",
                "injured": "Injured", "perpetrator_count": "Attackers"}
REASONS = {"only_source": "the only source that gives it", "most_sources": "given by the most independent sources",
           "most_recent": "the most recent report", "most_specific": "the most specific value",
           "none": "no source gives it"}
HOWS = ("claimed", "attributed", "accused", "alleged", "denied")


@dataclass
class SourceValue:
    source: str
    colour: int
    value: str
    text: Optional[str]
    published: Optional[str]
    href: str


@dataclass
class FieldRow:
    field: str
    label: str
    value: Optional[str]
    reason: str
    agreeing: int
    values: list[SourceValue]
    correction: Optional[Correction] = None


@dataclass
class SourceArticle:
    id: str
    title: str
    site: Optional[str]
    published: Optional[str]
    href: str
    url: Optional[str]


@dataclass
class SourceGroup:
    number: int
    colour: int
    label: str
    articles: list[SourceArticle]


@dataclass
class MatrixCell:
    how: str
    by: Optional[str]
    corroboration: Optional[str]
    href: str


@dataclass
class MatrixRow:
    party: str
    cells: list[list[MatrixCell]]  # one list per source group, in `groups` order
    sources: int  # independent sources that name the party as responsible
    denied: bool


@dataclass
class ClaimView:
    text: str
    type: str
    speakers: list[str]
    independent: int
    sources: list[SourceValue]


@dataclass
class DossierPage:
    dossier: Dossier
    title: str
    place: Optional[str]
    date: Optional[str]
    types: list[str]
    fields: list[FieldRow]
    groups: list[SourceGroup]
    timeline: Optional[charts.Timeline]
    figure_rows: list[SourceValue]
    figure_kinds: list[str]
    matrix: list[MatrixRow]
    claims: list[ClaimView]
    speakers: list[tuple[str, list[SourceValue]]]
    corrections: list[Correction]
    other_corrections: list[Correction]
    map: Optional[charts.WorldMap] = None
    field_names: list[str] = field(default_factory=list)


def quoted(text: str) -> str:
    """A statement's content without the quotation marks it may carry (the page adds its own)."""
    return text.strip().strip('"\u201c\u201d\u2018\u2019\'').strip() or text


def safe_url(url: Optional[str]) -> Optional[str]:
    """`url` when it is an http(s) address (safe to link to), else None: a `javascript:` or
    `data:` URL in an article's metadata is shown as text, never as a link."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _site(record: Optional[ArticleRecord]) -> Optional[str]:
    if record is None:
        return None
    if record.article.site:
        return record.article.site
    url = safe_url(record.article.url)
    return urlsplit(url).hostname if url else None


def _groups(dossier: Dossier, records: dict[str, ArticleRecord]) -> tuple[list[SourceGroup], dict[str, int]]:
    """Independent sources (copies of one story together), numbered in order of first publication."""
    copies = {a: n for n, ids in enumerate(dossier.duplicates) for a in ids}
    keys: dict[object, int] = {}
    of_article: dict[str, int] = {}
    for a in dossier.articles:
        key = ("copies", copies[a]) if a in copies else ("alone", a)
        of_article[a] = keys.setdefault(key, len(keys))
    groups = []
    for key, number in keys.items():
        members = [a for a in dossier.articles if of_article[a] == number]
        sites = sorted({s for s in (_site(records.get(a)) for a in members) if s})
        label = ", ".join(sites[:2]) + (" …" if len(sites) > 2 else "") if sites else f"source {number + 1}"
        articles = []
        for a in members:
            r = records.get(a)
            title = (r.article.title if r and r.article.title else None) or (r.article.text[:80] + "…" if r else a)
            articles.append(SourceArticle(id=a, title=title, site=_site(r), published=r.article.published if r else None,
                                          href=article_href(a), url=safe_url(r.article.url) if r else None))
        groups.append(SourceGroup(number=number, colour=number % charts.PALETTE, label=label, articles=articles))
    return groups, of_article


def dossier_page(dossier: Dossier, records: dict[str, ArticleRecord], corrections: list[Correction]) -> DossierPage:
    finder = SpanFinder(records)
    groups, group_of = _groups(dossier, records)
    label = {g.number: g.label for g in groups}
    colour = lambda a: group_of.get(a, 0) % charts.PALETTE
    force = in_force(corrections)

    rows = []
    for choice in dossier.fields:
        values = [SourceValue(source=label.get(group_of.get(v.article, 0), v.article), colour=colour(v.article),
                              value=str(v.value), text=v.text, published=v.published,
                              href=finder.field(v.article, choice.field, v.text))
                  for v in choice.values if v.value is not None]
        rows.append(FieldRow(field=choice.field, label=FIELD_LABELS.get(choice.field, choice.field),
                             value=None if choice.value is None else str(choice.value),
                             reason=REASONS.get(choice.reason, choice.reason), agreeing=choice.agreeing_sources,
                             values=values, correction=force.get(choice.field)))
    shown = {r.field for r in rows}

    # Figure points carry the article's source group of the merge; the page numbers sources its own way.
    point_group = {p.source_group: group_of.get(p.article, 0) for p in dossier.figures}
    timeline = charts.timeline(
        list(dossier.figures), colour=lambda g: point_group.get(g, 0) % charts.PALETTE,
        href=lambda p: finder.figure(p.article, p.kind, p.text),
        source_label=lambda g: label.get(point_group.get(g, 0), "source"))
    figure_rows = [SourceValue(source=label.get(group_of.get(p.article, 0), p.article), colour=colour(p.article),
                               value=f"{charts.KIND_TITLES[p.kind]}: {figure_label(p.min, p.max, p.qualifier)}",
                               text=p.text, published=p.published, href=finder.figure(p.article, p.kind, p.text))
                   for p in sorted(dossier.figures, key=lambda p: (p.published or "", p.kind))]

    matrix: dict[str, MatrixRow] = {}
    for cell in dossier.responsibility:
        key = cell.party.strip().lower()
        row = matrix.setdefault(key, MatrixRow(party=cell.party, cells=[[] for _ in groups], sources=0, denied=False))
        row.cells[group_of.get(cell.article, 0)].append(MatrixCell(
            how=cell.how, by=cell.by, corroboration=cell.corroboration,
            href=finder.statement(cell.article, cell.statement)))
    for row in matrix.values():
        row.sources = sum(1 for cells in row.cells if any(c.how != "denied" for c in cells))
        row.denied = any(c.how == "denied" for cells in row.cells for c in cells)

    claims, speakers = [], {}
    for claim in dossier.claims:
        sources = []
        for s in claim.sources:
            sv = SourceValue(source=label.get(group_of.get(s.article, 0), s.article), colour=colour(s.article),
                             value=s.speaker or "unnamed source", text=quoted(s.text), published=s.published,
                             href=finder.statement(s.article, s.statement))
            sources.append(sv)
            speakers.setdefault(s.speaker or "unnamed source", []).append(
                SourceValue(source=sv.source, colour=sv.colour, value=claim.type.replace("_", " "), text=sv.text,
                            published=s.published, href=sv.href))
        claims.append(ClaimView(text=quoted(claim.text), type=claim.type.replace("_", " "), speakers=list(claim.speakers),
                                independent=claim.independent_sources, sources=sources))
    speaker_list = sorted(speakers.items(), key=lambda kv: (kv[0] == "unnamed source", -len(kv[1]), kv[0].lower()))

    inc = dossier.incident
    loc = inc.location if inc else None
    lat = force["latitude"].value if "latitude" in force else (loc.lat if loc else None)
    lon = force["longitude"].value if "longitude" in force else (loc.lon if loc else None)
    place = force["location"].value if "location" in force else next(
        (r.value for r in rows if r.field == "location"), None) or (loc.name if loc else None)
    date = force["date"].value if "date" in force else (inc.date.value if inc and inc.date else None)
    types = list(force["types"].value) if "types" in force else list(inc.types if inc else ())
    first = records.get(dossier.articles[0]) if dossier.articles else None
    title = (first.article.title if first and first.article.title else None) or place or f"Dossier {dossier.id}"
    world = None
    if lat is not None and lon is not None:
        world = charts.world_map([(lat, lon, None, "#summary", place or "")], focus=(lat, lon))
    return DossierPage(
        dossier=dossier, title=title, place=place, date=date or dossier.first_published, types=types,
        fields=rows, groups=groups, timeline=timeline, figure_rows=figure_rows,
        figure_kinds=sorted({p.kind for p in dossier.figures}), matrix=list(matrix.values()), claims=claims,
        speakers=speaker_list, corrections=corrections,
        other_corrections=[c for f, c in force.items() if f not in shown], map=world,
        field_names=list(FIELDS))
