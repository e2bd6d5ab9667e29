"""Evidence spans of an article record: every span a value came from, named, for the article page's
highlights, and the span a dossier value links to (`/articles/{id}#span-START-END`).

A link only ever points at a span that the article page highlights: each lookup here answers
from `evidence(record)`, or None (then the link opens the article at its top).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional
from urllib.parse import quote

from ..records import ArticleRecord, Figure, Incident

FIGURE_WORDS = {"killed": "killed", "injured": "injured", "perpetrator_count": "attackers"}
FILLER_WORDS = {"perpetrator_individuals": "attacker", "perpetrator_organizations": "attacking group",
                "targets": "target", "victims": "victim", "weapons": "weapon"}


@dataclass(frozen=True)
class Marked:
    """A span to highlight: offsets into article.text, a kind (a CSS class) and what it is."""

    start: int
    end: int
    kind: str
    title: str


def figure_label(min_: Optional[int], max_: Optional[int], qualifier: str) -> str:
    """A count as a person reads it, qualifier kept: 'at least 133', '10-12', 'dozens (24+)'."""
    if min_ is None and max_ is None:
        return "?"
    if min_ is None:
        return f"at most {max_}"
    words = {"at_least": "at least", "more_than": "more than", "about": "about", "at_most": "at most",
             "over": "over", "nearly": "nearly", "up_to": "up to"}
    if max_ is not None and max_ != min_:
        return f"{min_}–{max_}"
    if qualifier in words:
        return f"{words[qualifier]} {min_}"
    if qualifier not in ("exact", "") and max_ is None:
        return f"{qualifier.replace('_', ' ')} ({min_}+)"
    return str(min_)


def _figures(figure: Optional[Figure]) -> Iterator[Figure]:
    if figure is not None:
        yield figure
        yield from figure.others


def _incident_spans(inc: Incident) -> Iterator[Marked]:
    if inc.date is not None and inc.date.end > inc.date.start:
        yield Marked(inc.date.start, inc.date.end, "date", f"date: {inc.date.value or 'unresolved'}")
    if inc.location is not None:
        for s in inc.location.evidence:
            yield Marked(s.start, s.end, "place", f"place: {inc.location.name}")
    for kind, word in FIGURE_WORDS.items():
        for f in _figures(getattr(inc, kind)):
            by = f" (per {f.source_text or f.source})" if (f.source_text or f.source) else ""
            yield Marked(f.start, f.end, "figure", f"{word}: {figure_label(f.min, f.max, f.qualifier)}{by}")
    for field, word in FILLER_WORDS.items():
        for filler in getattr(inc, field):
            for s in filler.mentions:
                yield Marked(s.start, s.end, "filler", f"{word}: {filler.text}")
    for r in inc.responsibility:
        if r.party.start is not None and r.party.end is not None:
            yield Marked(r.party.start, r.party.end, "party", f"responsibility ({r.how}): {r.party.text}")
        for s in r.evidence:
            yield Marked(s.start, s.end, "party", f"responsibility ({r.how}): {r.party.text}")
    for w in inc.warnings:
        for s in w.evidence:
            yield Marked(s.start, s.end, "warning", "prior warning")


def evidence(record: ArticleRecord) -> list[Marked]:
    """Every evidence span of the record (statements, incident values), within the text."""
    names = {e.id: e.name for e in record.entities}
    out: list[Marked] = []
    for st in record.statements:
        speaker = names.get(st.speaker.entity or "", st.speaker.text) if st.speaker else "unnamed source"
        kind = "claim" if st.type in ("claim_of_responsibility", "attribution", "accusation", "denial") else "statement"
        label = f"{st.type.replace('_', ' ')} by {speaker}"
        out.append(Marked(st.content.start, st.content.end, kind, label))
        for part in st.content_parts:
            out.append(Marked(part.start, part.end, kind, label))
        if st.speaker is not None:
            out.append(Marked(st.speaker.start, st.speaker.end, "speaker", f"speaker: {speaker}"))
        if st.corroboration_evidence is not None:
            s = st.corroboration_evidence
            out.append(Marked(s.start, s.end, "corroboration", f"corroboration: {st.corroboration}"))
    for inc in record.incidents:
        out.extend(_incident_spans(inc))
    n = len(record.article.text)
    return [m for m in out if 0 <= m.start < m.end <= n]


def article_href(article_id: str, span: Optional[tuple[int, int]] = None) -> str:
    href = "/articles/" + quote(article_id, safe="")
    return href + (f"#span-{span[0]}-{span[1]}" if span else "")


class SpanFinder:
    """The span on an article page that a dossier value came from."""

    def __init__(self, records: dict[str, ArticleRecord]):
        self.records = records
        self._known: dict[str, set[tuple[int, int]]] = {}

    def _ok(self, article: str, span: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
        if span is None or article not in self.records:
            return None
        if article not in self._known:
            self._known[article] = {(m.start, m.end) for m in evidence(self.records[article])}
        return span if span in self._known[article] else None

    def _main(self, article: str) -> Optional[Incident]:
        record = self.records.get(article)
        return record.incidents[0] if record and record.incidents else None

    def href(self, article: str, span: Optional[tuple[int, int]]) -> str:
        return article_href(article, self._ok(article, span))

    def figure(self, article: str, kind: str, text: Optional[str]) -> str:
        inc = self._main(article)
        for f in _figures(getattr(inc, kind, None) if inc else None):
            if text is None or f.text == text:
                return self.href(article, (f.start, f.end))
        return self.href(article, None)

    def field(self, article: str, field: str, text: Optional[str]) -> str:
        """The link of one source's value of a merged field (types, date, location, figures)."""
        if field in FIGURE_WORDS:
            return self.figure(article, field, text)
        inc = self._main(article)
        span = None
        if inc is not None and field == "date" and inc.date is not None:
            span = (inc.date.start, inc.date.end)
        elif inc is not None and field == "location" and inc.location is not None and inc.location.evidence:
            first = next((s for s in inc.location.evidence if s.text == text), inc.location.evidence[0])
            span = (first.start, first.end)
        elif inc is not None and field == "types" and inc.evidence:
            span = (inc.evidence[0].start, inc.evidence[0].end)
        return self.href(article, span)

    def statement(self, article: str, statement_id: Optional[str]) -> str:
        record = self.records.get(article)
        st = next((s for s in record.statements if s.id == statement_id), None) if record else None
        return self.href(article, (st.content.start, st.content.end) if st else None)
