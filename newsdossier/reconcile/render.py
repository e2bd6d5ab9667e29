"""A dossier for a person (markdown) and for programs (JSON, one per line)."""
from __future__ import annotations

import json
from typing import Iterable

from ..records import Dossier


def dossier_json(dossier: Dossier) -> dict:
    """The JSON of one dossier: `id`, `articles`, `incident`, `figures`, `claims`, `contradictions`,
    and the per-field choices, responsibility matrix and duplicate groups."""
    return dossier.to_json()


def dossiers_jsonl(dossiers: Iterable[Dossier]) -> Iterable[str]:
    for dossier in dossiers:
        yield json.dumps(dossier_json(dossier), ensure_ascii=False)


def _cell(value) -> str:
    return str(value if value is not None else "—").replace("|", "\\|").replace("\n", " ")


def dossier_markdown(dossier: Dossier) -> str:
    inc = dossier.incident
    lines = [f"# Dossier {dossier.id}", ""]
    span = dossier.first_published or "?"
    if dossier.last_published and dossier.last_published != dossier.first_published:
        span += f" to {dossier.last_published}"
    lines.append(f"{len(dossier.articles)} articles from {dossier.independent_sources} independent sources, "
                 f"published {span}.")
    if inc is not None and inc.location is not None:
        lines.append(f"Where: {inc.location.name}.")
    lines += ["", "## What happened", "", "| field | chosen | why | sources agreeing | all values |",
              "|---|---|---|---|---|"]
    for f in dossier.fields:
        values = "; ".join(sorted({_cell(v.value) for v in f.values if v.value is not None})) or "—"
        lines.append(f"| {f.field} | {_cell(f.value)} | {f.reason.replace('_', ' ')} | {f.agreeing_sources} | {values} |")
    if dossier.figures:
        lines += ["", "## Figures over time", "", "| figure | published | value | as written | source | article |",
                  "|---|---|---|---|---|---|"]
        for p in dossier.figures:
            if p.max is None:
                value = f"{p.min}+"
            else:
                value = p.min if p.max == p.min else f"{p.min if p.min is not None else 0}–{p.max}"
            lines.append(f"| {p.kind} | {_cell(p.published)} | {_cell(value)} | {_cell(p.text)} | "
                         f"{_cell(p.source)} | {p.article} |")
    if dossier.responsibility:
        lines += ["", "## Who is said to be responsible", "", "| party | how | said by | corroboration | article |",
                  "|---|---|---|---|---|"]
        for c in dossier.responsibility:
            lines.append(f"| {_cell(c.party)} | {c.how} | {_cell(c.by)} | {_cell(c.corroboration)} | {c.article} |")
    if dossier.contradictions:
        lines += ["", "## Contradictions", ""]
        lines += [f"- **{c.kind}** ({c.field}): {c.description}" for c in dossier.contradictions]
    if dossier.claims:
        lines += ["", "## Claims", "", "| claim | type | speakers | independent sources |", "|---|---|---|---|"]
        for c in dossier.claims:
            lines.append(f"| {_cell(c.text[:200])} | {c.type} | {_cell(', '.join(c.speakers) or None)} | "
                         f"{c.independent_sources} |")
    if dossier.duplicates:
        lines += ["", "## Copies of one story", ""]
        lines += ["- " + ", ".join(group) for group in dossier.duplicates]
    lines += ["", "## Articles", ""] + [f"- {a}" for a in dossier.articles]
    return "\n".join(lines) + "\n"
