"""The query columns of a stored record: what a row holds beside the record's JSON.

Records are kept whole as JSON text; these columns copy a few fields so that SQL, Datasette and a
map plugin can use them: coordinates as `latitude`/`longitude`, lists as JSON arrays (Datasette
facets by array), and on `dossiers` the values in force (people's corrections over the machine's,
see `export.flat`). Writing a row and the migration that back-fills old rows both use these.
"""
from __future__ import annotations

import json
from typing import Iterable, Optional

from ..records import ArticleRecord, Correction, Dossier


def clean(value: Optional[str]) -> Optional[str]:
    # PostgreSQL text cannot hold NUL; the record JSON keeps it escaped, the key and lookup columns
    # drop it (so ids that differ only by NUL characters name one row).
    return value.replace("\x00", "") if isinstance(value, str) else value


def json_list(values: Iterable) -> str:
    return json.dumps([clean(v) for v in values], ensure_ascii=False)


def incident_rows(record: ArticleRecord) -> list[dict]:
    """The `incidents` rows of an article (one per incident id, first one kept)."""
    aid = clean(record.article.id)
    rows = []
    for n, i in enumerate({clean(i.id): i for i in record.incidents}.values()):
        loc = i.location
        rows.append({
            "article_id": aid, "incident_id": clean(i.id), "position": n, "types": json_list(i.types),
            "date": i.date.value if i.date else None,
            "city": clean(loc.city) if loc else None, "country_code": loc.country_code if loc else None,
            "country": clean(loc.country) if loc else None,
            "latitude": loc.lat if loc and loc.lon is not None else None,
            "longitude": loc.lon if loc and loc.lat is not None else None,
            "killed_min": i.killed.min if i.killed else None,
            "injured_min": i.injured.min if i.injured else None})
    return rows


def dossier_columns(dossier: Dossier, corrections: Iterable[Correction] = ()) -> dict:
    """The `dossiers` columns beside the record: the values in force."""
    from ..export.flat import flatten

    flat = flatten(dossier, corrections)
    return {"date": flat.date, "types": json_list(flat.types), "country": clean(flat.country),
            "country_code": flat.country_code, "region": clean(flat.region), "city": clean(flat.city),
            "latitude": flat.latitude, "longitude": flat.longitude, "killed": flat.killed,
            "injured": flat.injured, "perpetrators": json_list(flat.perpetrators), "summary": clean(flat.summary)}
