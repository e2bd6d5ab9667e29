"""`dossier datasette-metadata`: titles, descriptions, column notes and default facets for
`datasette dossier.db --metadata metadata.json`, the tool data journalists already use.

What makes the store open well there comes from migration 0003 (store/schema.py): latitude and
longitude columns (datasette-cluster-map draws them), lists as JSON arrays (facet by array), the
FTS5 tables Datasette finds for its search box, foreign keys it turns into links. This module
only describes them. Datasette names a database after its file, so the metadata is keyed by the
file's stem.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..store.db import resolve_url

TITLE = "newsdossier: violent incidents from the news, with evidence"
DESCRIPTION = ("Articles about violent incidents, what was extracted from them, and dossiers: the "
               "articles of one incident merged, with the values in force (people's corrections over "
               "the machine's). Search articles and statements with the search box.")

TABLES = {
    "dossiers": {
        "description": "One real-world incident per row: its articles merged. The columns are the values in "
                       "force; `record` is the whole dossier (every source's value, figure timeline, claims).",
        "columns": {
            "id": "Dossier id (named after its first article).",
            "first_date": "Publication date of the earliest article.",
            "size": "Number of articles.",
            "record": "The whole dossier as JSON.",
            "date": "Date of the incident, ISO 8601: a day, a week (2024-W13), a month or a year.",
            "types": "Attack types (GTD's), a JSON array.",
            "country": "Country of the incident.", "country_code": "ISO 3166 alpha-2 code.",
            "region": "State, province or county.", "city": "Town or city.",
            "latitude": "Latitude (WGS 84) of the town, when known.",
            "longitude": "Longitude (WGS 84) of the town, when known.",
            "killed": "People killed (the lower bound when sources give a range or 'at least').",
            "injured": "People injured (lower bound).",
            "perpetrators": "Groups claiming or named responsible, a JSON array.",
            "summary": "One sentence written from the merged fields, or a person's.",
        },
        "facets": ["country", {"array": "types"}, {"array": "perpetrators"}],
        "sort_desc": "date",
        "label_column": "summary",
    },
    "incidents": {
        "description": "Each article's incidents as that article reports them (before merging).",
        "columns": {
            "article_id": "The article.", "incident_id": "Incident id within the article.",
            "position": "0 for the article's main incident.", "types": "Attack types, a JSON array.",
            "date": "Date as resolved from this article.", "city": "Town or city.",
            "country": "Country.", "country_code": "ISO 3166 alpha-2 code.",
            "latitude": "Latitude of the town.", "longitude": "Longitude of the town.",
            "killed_min": "Killed, as this article says (lower bound).",
            "injured_min": "Injured, as this article says (lower bound).",
        },
        "facets": ["country", {"array": "types"}],
    },
    "articles": {
        "description": "Every stored article. Full-text search covers the title and text.",
        "columns": {
            "id": "Article id (the input's, or a hash of the text).", "url": "Where it was fetched from.",
            "text_hash": "Hash of the normalised text (finds the same text twice).",
            "source": "The input it came from.", "title": "Headline.", "site": "Publisher.",
            "published": "Publication date.", "text": "The article text.",
            "record": "The whole extraction record as JSON (entities, statements, incidents with evidence spans).",
        },
        "facets": ["site"],
        "sort_desc": "published",
        "label_column": "title",
    },
    "statements": {
        "description": "Who said what: each statement with its speaker. Full-text search covers the content.",
        "columns": {"type": "claim_of_responsibility, attribution, accusation, denial, warning, assessment, ...",
                    "kind": "direct (quoted), indirect (reported) or mixed.",
                    "speaker": "The speaker as the article names them.", "content": "What was said."},
        "facets": ["type", "kind"],
    },
    "entities": {
        "description": "People, organisations, groups and places each article names.",
        "facets": ["type"],
        "label_column": "name",
    },
    "dossier_articles": {"description": "Which articles make up which dossier, in order."},
    "article_aliases": {"description": "Other ids under which an already stored text arrived."},
    "rejected": {"description": "Inputs that yielded no article, with the reason (nothing is dropped silently)."},
    "corrections": {"description": "People's corrections of dossier fields, with who and when; they stand "
                                   "beside the machine's values, and the dossiers table shows those in force.",
                    "facets": ["field", "who"]},
    "migrations": {"hidden": True},
}


def database_name(db: Optional[str] = None) -> str:
    """The name Datasette gives the store: its file name without the extension."""
    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).stem
    return "dossier"


def metadata(db: Optional[str] = None) -> dict:
    """Datasette metadata for the store `db` (a SQLite file; see `database_name`)."""
    return {"title": TITLE, "description": DESCRIPTION,
            "databases": {database_name(db): {"tables": TABLES}}}
