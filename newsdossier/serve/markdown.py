"""A readable dossier of one article for a person: what happened, who says who did it, who said what."""
from __future__ import annotations

from typing import Optional

from ..records import ArticleRecord, Figure, Filler, Incident


def _figure(fig: Optional[Figure]) -> str:
    if fig is None:
        return "not reported"
    if fig.max is None:
        value = f"{fig.min}+" if fig.qualifier != "exact" else str(fig.min)
    elif fig.min is None or fig.min == fig.max:
        value = str(fig.max)
    else:
        value = f"{fig.min}–{fig.max}"
    return f"{value} ({fig.qualifier.replace('_', ' ')}: “{fig.text}”)"


def _fillers(items: tuple[Filler, ...]) -> str:
    if not items:
        return "—"
    return "; ".join(f"{f.text}" + (f" [{f.category}]" if f.category else "") for f in items)


def _incident(record: ArticleRecord, inc: Incident) -> list[str]:
    names = {e.id: e.name for e in record.entities}
    lines = [f"### Incident {inc.id}: {', '.join(t.replace('_', ' ') for t in inc.types) or 'type unknown'}", ""]
    if inc.date:
        when = inc.date.value or "unresolved"
        lines.append(f"- **When**: {when} (“{inc.date.text}”{', resolved from ' + inc.date.resolved_from if inc.date.resolved_from else ''})")
    if inc.location:
        loc = inc.location
        parts = [p for p in (loc.venue, loc.city, loc.region, loc.country) if p]
        where = ", ".join(dict.fromkeys(parts)) or loc.name
        coords = f" ({loc.lat:.4f}, {loc.lon:.4f})" if loc.lat is not None and loc.lon is not None else ""
        lines.append(f"- **Where**: {where}{' [' + loc.country_code + ']' if loc.country_code else ''}{coords}")
    lines += [
        f"- **Killed**: {_figure(inc.killed)}",
        f"- **Injured**: {_figure(inc.injured)}",
        f"- **Attackers**: {_figure(inc.perpetrator_count)}",
        f"- **Perpetrators**: {_fillers(inc.perpetrator_individuals + inc.perpetrator_organizations)}",
        f"- **Targets**: {_fillers(inc.targets)}",
        f"- **Victims**: {_fillers(inc.victims)}",
        f"- **Weapons**: {_fillers(inc.weapons)}",
    ]
    if inc.responsibility:
        lines += ["", "**Who says who did it**", ""]
        for r in inc.responsibility:
            by = names.get(r.by or "", r.by or "the article")
            note = f" — {r.corroboration}" if r.corroboration else ""
            lines.append(f"- {r.party.text}: {r.how} (by {by}{', statement ' + r.statement if r.statement else ''}){note}")
    if inc.warnings:
        lines += ["", "**Warnings before the incident**", ""]
        for w in inc.warnings:
            who = w.by.text if w.by else "someone"
            to = f" to {w.to.text}" if w.to else ""
            kind = {True: "public", False: "private", None: "warning"}[w.public]
            lines.append(f"- {who}{to} ({kind}{', ' + w.when_text if w.when_text else ''})")
    return lines


def article_markdown(record: ArticleRecord) -> str:
    art = record.article
    lines = [f"# {art.title or art.source}", ""]
    meta = [f"source `{art.source}`", f"published {art.published or 'unknown'}"]
    if art.site:
        meta.append(art.site)
    lines += [" · ".join(meta), ""]
    lines += ["## What happened", ""]
    if not record.incidents:
        lines += ["No incident reported.", ""]
    for inc in record.incidents:
        lines += _incident(record, inc) + [""]
    lines += ["## Who said what", ""]
    if record.statements:
        lines += ["| # | speaker | cue | type | statement |", "|---|---|---|---|---|"]
        names = {e.id: e.name for e in record.entities}
        for s in record.statements:
            who = "—"
            if s.speaker:
                who = names.get(s.speaker.entity or "", s.speaker.text)
                if s.speaker.anonymous:
                    who += " (anonymous)"
            content = s.content.text.replace("|", "\\|").replace("\n", " ")
            if len(content) > 160:
                content = content[:157] + "…"
            kind = s.type.replace("_", " ") + (f", {s.corroboration}" if s.corroboration else "")
            lines.append(f"| {s.id} | {who} | {s.cue.text if s.cue else ''} | {kind} | {content} |")
    else:
        lines.append("No statements found.")
    lines += ["", "## Actors", ""]
    for e in record.entities:
        title = f", {e.title}" if e.title else ""
        lines.append(f"- **{e.name}** ({e.type}{title}): {len(e.mentions)} mention(s)")
    if art.removed:
        lines += ["", "_Ignored as boilerplate_: " + "; ".join(f"“{r.text.strip()}”" for r in art.removed)]
    return "\n".join(lines) + "\n"
