"""`geojson`: an RFC 7946 FeatureCollection, one Point per dossier with coordinates.

Coordinates are [longitude, latitude] (RFC 7946 order, WGS 84), rounded to 6 decimals (about
10 cm, the precision the RFC suggests); properties are the dossier's summary fields, lists as
JSON arrays. Dossiers without coordinates are left out and counted ("no coordinates"), so the
command reports them on stderr. Written feature by feature: memory does not grow with the store.
"""
from __future__ import annotations

import json

from .api import Source, Target
from .flat import FlatDossier

PROPERTIES = ("id", "date", "date_precision", "types", "location", "venue", "city", "region", "country",
              "country_code", "geo_precision", "killed", "killed_max", "killed_qualifier", "injured",
              "injured_max", "injured_qualifier", "perpetrators", "accused", "claimed", "targets", "weapons",
              "independent_sources", "contested", "summary", "corrected")


def feature(flat: FlatDossier) -> dict:
    props = {k: (list(v) if isinstance(v, tuple) else v) for k in PROPERTIES for v in [getattr(flat, k)]}
    props["articles"] = len(flat.articles)
    return {"type": "Feature", "id": flat.id,
            "geometry": {"type": "Point", "coordinates": [round(flat.longitude, 6), round(flat.latitude, 6)]},
            "properties": props}


def write_geojson(source: Source, target: Target) -> int:
    written = 0
    with target.text() as out:
        out.write('{"type": "FeatureCollection", "features": [')
        for _, flat in source.dossiers():
            if flat.latitude is None or flat.longitude is None:
                source.skipped["no coordinates"] = source.skipped.get("no coordinates", 0) + 1
                continue
            out.write(("\n" if not written else ",\n") + json.dumps(feature(flat), ensure_ascii=False))
            written += 1
        out.write("\n]}\n")
    return written
