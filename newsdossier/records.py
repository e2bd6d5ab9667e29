"""The record types of the output contract (../shared/CONTRACT.md), the only things that cross stages.

Every record is a frozen pydantic model: it serialises to JSON, a database row and an API schema
without spaCy, and `Model.model_validate(record.model_dump())` gives the same record back.
Offsets are character positions into `Article.text`.
"""
from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .redact import redact_credentials

ATTACK_TYPES = (
    "assassination", "armed_assault", "bombing_explosion", "hijacking", "hostage_taking_barricade",
    "hostage_taking_kidnapping", "facility_infrastructure_attack", "unarmed_assault", "unknown",
)
STATEMENT_TYPES = (
    "claim_of_responsibility", "attribution", "accusation", "denial", "warning", "assessment",
    "question", "other",
)
CORROBORATION = ("corroborated", "uncorroborated", "unverified", "disputed")
ENTITY_TYPES = ("person", "organization", "group", "country", "location")

StatementKind = Literal["direct", "indirect", "mixed"]
StatementType = Literal[STATEMENT_TYPES]  # type: ignore[valid-type]
Corroboration = Literal[CORROBORATION]  # type: ignore[valid-type]
EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
AttackType = Literal[ATTACK_TYPES]  # type: ignore[valid-type]
# How exactly a date or a place is known: the exports' time and geo precision codes come from these.
DatePrecision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["town", "region", "country"]
ResponsibilityHow = Literal["claimed", "attributed", "accused", "alleged", "denied"]


class Record(BaseModel):
    """Base of every record: frozen, no unknown fields, JSON-ready."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json(self) -> dict:
        return self.model_dump(mode="json")


class Span(Record):
    """Characters `text == article.text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def at(cls, text: str, start: int, end: int) -> "Span":
        return cls(start=start, end=end, text=text[start:end])


class Mention(Span):
    """A span that names an entity; `kind` says how (name, title, descriptor, pronoun, anonymous)."""

    kind: Literal["name", "title", "descriptor", "pronoun", "anonymous", "other"] = "name"


class Article(Record):
    id: str
    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    site: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    # "feed", "sitemap", "warc": the date a feed item, a news sitemap entry or a WARC record (WARC-Date) gives.
    published_from: Optional[Literal["cli", "metadata", "jsonl", "url", "feed", "sitemap", "warc"]] = None
    language: Optional[str] = None
    input_format: Literal["text", "html", "jsonl"] = "text"
    text: str
    removed: tuple[Span, ...] = ()

    @field_validator("source", "url")
    @classmethod
    def _without_credentials(cls, value: Optional[str]) -> Optional[str]:
        # Whatever reader built it, an article never carries a password from its URL (newsdossier.redact).
        return redact_credentials(value)


class Entity(Record):
    id: str
    name: str
    type: EntityType
    title: Optional[str] = None
    aliases: tuple[str, ...] = ()
    anonymous: bool = False
    mentions: tuple[Mention, ...] = ()
    extractor: str = ""


class Speaker(Record):
    """The local mention that acts as source, and the entity it resolves to (None when it does not)."""

    start: int
    end: int
    text: str
    entity: Optional[str] = None
    anonymous: bool = False


class Statement(Record):
    id: str
    kind: StatementKind
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None
    content: Span
    # A quote split by its attribution ("…," he said. "…") keeps every piece; `content` covers them all.
    content_parts: tuple[Span, ...] = ()
    type: StatementType = "other"
    targets: tuple[str, ...] = ()
    corroboration: Optional[Corroboration] = None
    corroboration_evidence: Optional[Span] = None
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class Filler(Record):
    """A role filler: an entity (or a phrase that names none) with every mention the article uses."""

    text: str
    entity: Optional[str] = None
    category: Optional[str] = None
    mentions: tuple[Span, ...] = ()
    evidence: tuple[Span, ...] = ()
    extractor: str = ""
    # Other names of the same entity ("FMLN" for the Farabundo Marti front), kept apart from `mentions`,
    # which hold the occurrences of the filler's own name.
    aliases: tuple[Span, ...] = ()


class Figure(Record):
    """A count as an interval with its qualifier: `at least 139` -> min 139, max None."""

    min: Optional[int] = None
    max: Optional[int] = None
    qualifier: str = "exact"
    text: str
    start: int
    end: int
    source: Optional[str] = None
    source_text: Optional[str] = None
    # Earlier or partial figures the article also gives, oldest first; `min`/`max` are the current one.
    others: tuple["Figure", ...] = ()
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class IncidentDate(Record):
    value: Optional[str] = None
    text: str
    start: int
    end: int
    resolved_from: Optional[Literal["explicit", "published"]] = None
    unresolved: bool = False
    # What `value` pins down: "2024-03-22" a day, "2024-W13" a week, "2024-03" a month, "2024" a year.
    precision: Optional[DatePrecision] = None
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class Location(Record):
    name: str
    venue: Optional[str] = None
    city: Optional[str] = None
    region: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    # The smallest unit the place was resolved to: a town (a city of the gazetteer, or one written
    # with its state), a region (a state or county) or only a country; None for a venue alone.
    precision: Optional[PlacePrecision] = None
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class Party(Record):
    text: str
    entity: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Responsibility(Record):
    party: Party
    how: ResponsibilityHow
    statement: Optional[str] = None
    by: Optional[str] = None
    corroboration: Optional[Corroboration] = None
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class PriorWarning(Record):
    by: Optional[Party] = None
    to: Optional[Party] = None
    when: Optional[str] = None
    when_text: Optional[str] = None
    public: Optional[bool] = None
    statement: Optional[str] = None
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class Incident(Record):
    id: str
    types: tuple[AttackType, ...] = ()
    date: Optional[IncidentDate] = None
    location: Optional[Location] = None
    perpetrator_individuals: tuple[Filler, ...] = ()
    perpetrator_organizations: tuple[Filler, ...] = ()
    targets: tuple[Filler, ...] = ()
    victims: tuple[Filler, ...] = ()
    weapons: tuple[Filler, ...] = ()
    perpetrator_count: Optional[Figure] = None
    killed: Optional[Figure] = None
    injured: Optional[Figure] = None
    responsibility: tuple[Responsibility, ...] = ()
    warnings: tuple[PriorWarning, ...] = ()
    salience: float = 0.0
    evidence: tuple[Span, ...] = ()
    extractor: str = ""


class ArticleRecord(Record):
    """What `dossier extract` prints for one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    incidents: tuple[Incident, ...] = ()
    model: Optional[str] = None
    version: Optional[str] = None


class Failure(Record):
    """An input that yielded no record, with the reason: printed as one line, stored as a quarantine row."""

    source: str
    reason: str
    # Whether trying again later may succeed (set from the InputError it was made of); used by
    # `dossier watch` to decide whether to fetch the item at the next poll, never printed or stored.
    transient: bool = Field(default=False, exclude=True)

    @field_validator("source", "reason")
    @classmethod
    def _without_credentials(cls, value: str) -> str:
        return redact_credentials(value)


# ---- Per incident, after reconcile (newsdossier/reconcile) ----

Scalar = Optional[Union[str, int, float, bool]]
ChoiceReason = Literal["only_source", "most_sources", "most_recent", "most_specific", "none"]


class FieldValue(Record):
    """One source's value for one field of the merged incident."""

    article: str
    published: Optional[str] = None
    site: Optional[str] = None
    value: Scalar = None
    text: Optional[str] = None


class FieldChoice(Record):
    """Every source's value for a field, the value chosen and why."""

    field: str
    value: Scalar = None
    reason: ChoiceReason = "none"
    agreeing_sources: int = 0
    values: tuple[FieldValue, ...] = ()


class FigurePoint(Record):
    """A count as one article gave it at its publication time: one point of a figure's timeline."""

    kind: Literal["killed", "injured", "perpetrator_count"]
    article: str
    published: Optional[str] = None
    min: Optional[int] = None
    max: Optional[int] = None
    qualifier: str = "exact"
    text: str = ""
    source: Optional[str] = None
    # Articles that are copies of one story share this number; distinct numbers are independent sources.
    source_group: int = 0


class ClaimSource(Record):
    article: str
    statement: str
    published: Optional[str] = None
    speaker: Optional[str] = None
    text: str = ""
    source_group: int = 0


class Claim(Record):
    """Statements from several articles that make one proposition, with how many independent sources."""

    id: str
    type: StatementType
    text: str
    speakers: tuple[str, ...] = ()
    sources: tuple[ClaimSource, ...] = ()
    independent_sources: int = 0


class ResponsibilityCell(Record):
    """One cell of the party-by-source responsibility matrix."""

    party: str
    article: str
    published: Optional[str] = None
    by: Optional[str] = None
    how: ResponsibilityHow
    statement: Optional[str] = None
    corroboration: Optional[Corroboration] = None
    source_group: int = 0


class Contradiction(Record):
    """Sources that disagree beyond revision: different responsible parties, or counts that clash."""

    kind: Literal["responsibility", "figure"]
    field: str
    description: str
    articles: tuple[str, ...] = ()
    values: tuple[str, ...] = ()


class Dossier(Record):
    """One real-world incident: its articles, the merged incident and the evidence for each choice."""

    id: str
    articles: tuple[str, ...]
    incident: Optional[Incident] = None
    fields: tuple[FieldChoice, ...] = ()
    figures: tuple[FigurePoint, ...] = ()
    claims: tuple[Claim, ...] = ()
    responsibility: tuple[ResponsibilityCell, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    # Groups of article ids that are copies of one story (wire copies, syndicated rewrites).
    duplicates: tuple[tuple[str, ...], ...] = ()
    independent_sources: int = 0
    first_published: Optional[str] = None
    last_published: Optional[str] = None


class IngestReport(Record):
    """What one `ingest` did to the store."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    dossiers: int = 0


class SearchHit(Record):
    """An article found by full-text search (`store.fulltext.search_articles`): the best first."""

    article: str
    title: Optional[str] = None
    published: Optional[str] = None
    # A short piece of the article around the words found, those words between [ and ].
    snippet: str = ""
    score: float = 0.0


class Correction(Record):
    """A person's value for one field of a dossier. It never overwrites the machine's value: it
    stands beside it, with who made it and when, and exports use it in its place.

    `articles` are the dossier's articles when the correction was made, so that the correction
    follows its incident when regrouping gives the dossier another id."""

    id: int
    dossier_id: str
    field: str
    value: Union[str, int, float, bool, None, tuple[str, ...]] = None
    note: Optional[str] = None
    who: str
    at: str
    articles: tuple[str, ...] = ()


class PollReport(Record):
    """What one poll of `dossier watch` did: articles stored, items skipped (seen before, left out
    by the filters or refused by robots.txt) and items that failed, each with its reason."""

    poll: int
    new: int = 0
    skipped: int = 0
    failed: int = 0
    failures: tuple[Failure, ...] = ()
    seconds: float = 0.0
    stopped: bool = False


class BulkProgress(Record):
    """Where a `dossier bulk` run stands, after each shard it finishes (and once at the end)."""

    shards_total: int
    shards_done: int = 0
    shards_skipped: int = 0  # finished by an earlier run (listed in the manifest)
    articles: int = 0
    failures: int = 0
    seconds: float = 0.0
    last: Optional[str] = None  # the shard just finished
    new_failures: tuple[Failure, ...] = ()

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


class DossierSummary(Record):
    """One row of the dossier list (`dossier serve`'s `/` and `/api/dossiers`): the merged values
    with the corrections in force applied (`corrected` names those fields)."""

    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    place: Optional[str] = None
    city: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    types: tuple[str, ...] = ()
    killed: Optional[int] = None
    killed_text: Optional[str] = None
    injured: Optional[int] = None
    injured_text: Optional[str] = None
    parties: tuple[str, ...] = ()
    articles: int = 0
    independent_sources: int = 0
    contested: bool = False
    first_published: Optional[str] = None
    last_published: Optional[str] = None
    corrected: tuple[str, ...] = ()
