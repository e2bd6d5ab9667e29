"""`Store`: articles, rejected inputs and dossiers in SQLite (default) or PostgreSQL, by URL.

Ingest is idempotent and resumable:
- an article is one row, found again by its id, its URL or the hash of its normalised text; storing
  it again changes nothing unless its record changed;
- every batch of `settings.batch_size` records is one transaction, so a run killed half-way leaves
  whole batches only, and rerunning stores what is missing;
- an input that yields no record is a row in `rejected` with the reason (a later success removes it);
- after the articles, all of them are grouped into dossiers again in one transaction (grouping
  depends on document frequencies over the whole store; see `reconcile.grouping`).

Several writers on one store (two `dossier ingest` runs, `dossier serve` taking a correction while
an ingest runs) wait their turn instead of failing: on SQLite every write transaction starts with
`BEGIN IMMEDIATE` under a busy timeout (readers never wait: WAL), and a write that still meets a
lock is retried; a regrouping whose articles changed while it worked starts again, so the last
one written saw every article.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import random
import re
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TypeVar, Union

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import registry
from ..errors import NotFoundError, StoreError
from ..records import Article, ArticleRecord, Correction, Dossier, Failure, IngestReport
from ..settings import Settings
from . import schema
from .progress import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_DB = "dossier.db"
ENV_VAR = "DOSSIER_DB"
# How long a SQLite writer waits for another writer's transaction before SQLite gives up, and how
# many times a write that met a lock anyway (or a migration racing another process) is tried.
BUSY_TIMEOUT_S = 60.0
WRITE_TRIES = 8
REGROUP_TRIES = 10


def resolve_url(db: Optional[str] = None) -> str:
    """The SQLAlchemy URL for `db`, else `$DOSSIER_DB`, else `dossier.db` in the working directory.
    A path means a SQLite file; `postgresql://` and `postgres://` use the psycopg 3 driver."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix):]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def text_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalised: the same article fetched twice matches."""
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _clean(value: Optional[str]) -> Optional[str]:
    # PostgreSQL text cannot hold NUL; the record JSON keeps it escaped, the key and lookup columns
    # drop it (so ids that differ only by NUL characters name one row).
    return value.replace("\x00", "") if isinstance(value, str) else value


def record_to_row(record: ArticleRecord) -> dict:
    """The `articles` row of a record (the whole record is kept as JSON text)."""
    a = record.article
    return {"id": _clean(a.id), "url": _clean(a.url) or None, "text_hash": text_hash(a.text), "source": _clean(a.source),
            "title": _clean(a.title), "site": _clean(a.site), "published": _clean(a.published),
            "record": json.dumps(record.to_json(), sort_keys=True)}


def row_to_record(row) -> ArticleRecord:
    return ArticleRecord.model_validate(json.loads(row.record if hasattr(row, "record") else row["record"]))


def _sqlite_transactions(engine: sa.Engine) -> None:
    """Make pysqlite run DDL and DML in real transactions that SQLAlchemy begins (its default lets
    DDL autocommit), so a migration or a batch is all or nothing.

    A transaction of the `write=True` engine (`Store.writer`) begins IMMEDIATE: it takes the write
    lock first and waits for it (busy timeout). A deferred one that reads and then writes would fail
    at once, without waiting, when another writer committed in between (SQLITE_BUSY_SNAPSHOT)."""
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        dbapi_conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA journal_mode = WAL")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


# SQLSTATEs of PostgreSQL errors that another writer causes and that a second try gets past:
# serialization failure, deadlock, and two processes creating one table (unique/duplicate).
_PG_TRANSIENT = {"40001", "40P01", "23505", "42P07", "55P03"}


def _transient(exc: BaseException) -> bool:
    """Whether `exc` is another writer being in the way (worth waiting and trying again)."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in _PG_TRANSIENT:
        return True
    text = str(orig or exc).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


def retrying(work: Callable[[], "T"], tries: int = WRITE_TRIES) -> "T":
    """`work()`, tried again after a short random wait while another writer is in the way."""
    for attempt in range(tries):
        try:
            return work()
        except sa.exc.SQLAlchemyError as exc:
            if attempt == tries - 1 or not _transient(exc):
                raise
            log.info("store busy (%s); trying again", type(exc).__name__)
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


class Store:
    """A dossier database. `Store("dossier.db")`, `Store("postgresql://user@host/db")`."""

    def __init__(self, url: Optional[str] = None):
        self.url = resolve_url(url)
        try:
            self.engine = sa.create_engine(self.url, future=True)
            if self.engine.dialect.name == "sqlite":
                _sqlite_transactions(self.engine)
            # Transactions that write go through `writer` (IMMEDIATE on SQLite); reads use `engine`.
            self.writer = self.engine.execution_options(write=True)
            ran = retrying(lambda: schema.migrate(self.writer, reader=self.engine))
        except (sa.exc.SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"{self.url}: cannot open the store ({exc})") from exc
        if ran:
            log.info("store %s: ran migrations %s", self.engine.url.render_as_string(hide_password=True), ", ".join(ran))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing ----

    def _put(self, conn: Connection, record: ArticleRecord, counts: dict) -> None:
        row = record_to_row(record)
        a = schema.articles.c
        match = sa.or_(a.id == row["id"], a.text_hash == row["text_hash"])
        if row["url"]:
            match = sa.or_(match, a.url == row["url"])
        found = conn.execute(sa.select(schema.articles).where(match)).fetchall()
        conn.execute(schema.rejected.delete().where(schema.rejected.c.source == row["source"]))
        if found:
            keep = next((f for f in found if row["url"] and f.url == row["url"]), None) \
                or next((f for f in found if f.id == row["id"]), None)
            if keep is None:
                # Same text under another id: the article is already here; remember the id.
                al = schema.article_aliases.c
                if conn.execute(sa.select(al.alias).where(al.alias == row["id"])).first() is None:
                    conn.execute(schema.article_aliases.insert().values(alias=row["id"], article_id=found[0].id))
                counts["unchanged"] += 1
                return
            if keep.record == row["record"]:
                counts["unchanged"] += 1
                return
            for f in found:
                if f.id != keep.id:
                    conn.execute(schema.articles.delete().where(a.id == f.id))
            for table in (schema.entities, schema.statements, schema.incidents):
                conn.execute(table.delete().where(table.c.article_id == keep.id))
            if keep.id == row["id"]:
                conn.execute(schema.articles.update().where(a.id == keep.id).values(**row))
            else:
                conn.execute(schema.articles.delete().where(a.id == keep.id))
                conn.execute(schema.articles.insert().values(**row))
            counts["updated"] += 1
        else:
            conn.execute(schema.articles.insert().values(**row))
            counts["added"] += 1
        self._put_parts(conn, record)

    @staticmethod
    def _put_parts(conn: Connection, record: ArticleRecord) -> None:
        aid = _clean(record.article.id)
        if record.entities:
            conn.execute(schema.entities.insert(), [
                {"article_id": aid, "entity_id": _clean(e.id), "name": _clean(e.name), "type": e.type}
                for e in {_clean(e.id): e for e in record.entities}.values()])
        if record.statements:
            conn.execute(schema.statements.insert(), [
                {"article_id": aid, "statement_id": _clean(s.id), "type": s.type, "kind": s.kind,
                 "speaker": _clean(s.speaker.text) if s.speaker else None, "content": _clean(s.content.text)}
                for s in {_clean(s.id): s for s in record.statements}.values()])
        if record.incidents:
            conn.execute(schema.incidents.insert(), [
                {"article_id": aid, "incident_id": _clean(i.id), "position": n, "types": ",".join(i.types),
                 "date": i.date.value if i.date else None,
                 "city": _clean(i.location.city) if i.location else None,
                 "country_code": i.location.country_code if i.location else None,
                 "killed_min": i.killed.min if i.killed else None,
                 "injured_min": i.injured.min if i.injured else None}
                for n, i in enumerate({_clean(i.id): i for i in record.incidents}.values())])

    def _reject(self, conn: Connection, failure: Failure, counts: dict) -> None:
        source, reason = _clean(failure.source), _clean(failure.reason)
        r = schema.rejected.c
        old = conn.execute(sa.select(r.reason).where(r.source == source)).scalar()
        if old is None:
            conn.execute(schema.rejected.insert().values(source=source, reason=reason))
        elif old != reason:
            conn.execute(schema.rejected.update().where(r.source == source).values(reason=reason))
        counts["rejected"] += 1

    def add(self, items: Iterable[Union[ArticleRecord, Failure]], batch_size: int = 32,
            progress: Optional[Progress] = None) -> IngestReport:
        """Store records and failures, one transaction per `batch_size`, then regroup the dossiers."""
        counts = {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0}
        batch: list = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                self._write_batch(batch, counts, progress)
                batch = []
        if batch:
            self._write_batch(batch, counts, progress)
        dossiers = self.regroup()
        return IngestReport(dossiers=dossiers, **counts)

    def _write_batch(self, batch: list, counts: dict, progress: Optional[Progress]) -> None:
        def write() -> dict:
            tally = dict.fromkeys(counts, 0)
            with self.writer.begin() as conn:
                for item in batch:
                    if isinstance(item, Failure):
                        self._reject(conn, item, tally)
                    else:
                        self._put(conn, item, tally)
            return tally

        try:
            # Counted per try, so a batch rolled back and written again is counted once.
            for key, n in retrying(write).items():
                counts[key] += n
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: could not store a batch of {len(batch)} ({exc})") from exc
        if progress is not None:
            progress.update(len(batch), counts)

    def ingest(self, inputs: Iterable[str], settings: Optional[Settings] = None,
               progress: Union[bool, Progress, None] = None,
               extract: Optional[Callable[[Iterable[str], Settings], Iterator]] = None) -> IngestReport:
        """Extract `inputs` (anything `dossier extract` reads) into the store.

        By default inputs are read, articles already stored from the same source with the same text
        are skipped (so a rerun after a crash only does what is missing), and the rest go through
        the pipeline; an article on which the pipeline fails is a `rejected` row, not the end of the
        run. `extract(inputs, settings)` replaces all of that (tests use it). `progress` True shows
        a bar on a terminal (log lines otherwise)."""
        settings = settings or Settings()
        if progress is True:
            progress = Progress()
        bar = progress if isinstance(progress, Progress) else None
        try:
            if extract is not None:
                return self.add(extract(list(inputs), settings), settings.batch_size, bar)
            skipped = [0]
            items = self._extract_new(list(inputs), settings, skipped)
            report = self.add(items, settings.batch_size, bar)
            return report.model_copy(update={"unchanged": report.unchanged + skipped[0]})
        finally:
            if bar is not None:
                bar.close()

    def _extract_new(self, inputs: list[str], settings: Settings, skipped: list) -> Iterator:
        from ..ingest import read_inputs
        from ..pipeline import extract_records

        a = schema.articles.c
        with self.engine.connect() as conn:
            known = {(r.source, r.text_hash) for r in conn.execute(sa.select(a.source, a.text_hash))}
        batch: list = []
        for item in read_inputs(inputs, settings):
            if isinstance(item, Article) and (_clean(item.source), text_hash(item.text)) in known:
                skipped[0] += 1
                continue
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield from _extract_batch(batch, settings, extract_records)
                batch = []
        if batch:
            yield from _extract_batch(batch, settings, extract_records)

    def regroup(self) -> int:
        """Group every stored article into dossiers again and store them; returns how many.

        When another writer changed the stored articles while this one was grouping, the grouping
        is done again (up to REGROUP_TRIES times), so a stale grouping never replaces a newer one."""
        for attempt in range(REGROUP_TRIES):
            keys, records, dossiers = self._group_all()
            check = keys if attempt < REGROUP_TRIES - 1 else None
            written = retrying(lambda: self._write_dossiers(dossiers, records, check))
            if written is not None:
                return written
            log.info("articles changed while regrouping; grouping again")
        raise AssertionError("unreachable")

    def _article_keys(self, conn: Connection) -> frozenset:
        a = schema.articles.c
        return frozenset(tuple(row) for row in conn.execute(sa.select(a.id, a.text_hash)))

    def _group_all(self) -> tuple[frozenset, dict, list[Dossier]]:
        """The stored articles (read in one snapshot) and the dossiers they group into."""
        from ..reconcile.grouping import group
        from ..reconcile.merge import reconcile

        a, al = schema.articles.c, schema.article_aliases.c
        records, keys = {}, set()
        aliases: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(a.id, a.text_hash, a.record).order_by(a.id)):
                keys.add((row.id, row.text_hash))
                record = row_to_record(row)
                records[record.article.id] = record
            for row in conn.execute(sa.select(al.alias, al.article_id).order_by(al.alias)):
                aliases.setdefault(row.article_id, []).append(row.alias)
        groups = group(list(records.values()))
        dossiers = []
        for ids in groups:
            try:
                dossier = reconcile(dossier_id(ids[0]), [records[i] for i in ids])
            except Exception:  # noqa: BLE001 - one dossier's merge bug must not lose the grouping
                log.exception("could not reconcile dossier of %s; stored with its articles only", ids)
                dossier = Dossier(id=dossier_id(ids[0]), articles=tuple(ids))
            if any(i in aliases for i in ids):
                listed = tuple(x for i in dossier.articles for x in [i, *aliases.get(i, ())])
                dossier = dossier.model_copy(update={"articles": listed})
            dossiers.append(dossier)
        return frozenset(keys), records, dossiers

    def _write_dossiers(self, dossiers: list[Dossier], records: dict, check: Optional[frozenset]) -> Optional[int]:
        """Replace the stored dossiers by `dossiers` in one transaction; None (nothing written)
        when the stored articles are no longer `check`."""
        d, m = schema.dossiers.c, schema.dossier_articles.c
        with self.writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Regroupings of two processes one after the other (SQLite's IMMEDIATE does this there).
                conn.exec_driver_sql("LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE")
            if check is not None and self._article_keys(conn) != check:
                return None
            old = {row.id: row.record for row in conn.execute(sa.select(d.id, d.record))}
            members: dict[str, list[str]] = {}
            for row in conn.execute(sa.select(m.dossier_id, m.article_id).order_by(m.dossier_id, m.position)):
                members.setdefault(row.dossier_id, []).append(row.article_id)
            new_ids = {x.id for x in dossiers}
            stale = [i for i in old if i not in new_ids]
            if stale:
                conn.execute(schema.dossier_articles.delete().where(m.dossier_id.in_(stale)))
                conn.execute(schema.dossiers.delete().where(d.id.in_(stale)))
            for dossier in dossiers:
                text = json.dumps(dossier.to_json(), sort_keys=True)
                if old.get(dossier.id) == text and members.get(dossier.id) == [_clean(a) for a in dossier.articles if a in records]:
                    continue
                if dossier.id in old:
                    conn.execute(schema.dossier_articles.delete().where(m.dossier_id == dossier.id))
                    conn.execute(schema.dossiers.delete().where(d.id == dossier.id))
                conn.execute(schema.dossiers.insert().values(
                    id=dossier.id, first_date=dossier.first_published, size=len(dossier.articles), record=text))
                conn.execute(schema.dossier_articles.insert(), [
                    {"dossier_id": dossier.id, "article_id": _clean(aid), "position": n}
                    for n, aid in enumerate(a for a in dossier.articles if a in records)])
            _move_corrections(conn, dossiers)
        return len(dossiers)

    # ---- reading ----

    def articles(self) -> Iterator[ArticleRecord]:
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(schema.articles.c.record).order_by(schema.articles.c.id)):
                yield row_to_record(row)

    def article(self, article_id: str) -> Optional[ArticleRecord]:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.articles.c.record)
                               .where(schema.articles.c.id == _clean(article_id))).first()
        return row_to_record(row) if row else None

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(schema.rejected).order_by(schema.rejected.c.source)).fetchall()
        return [Failure(source=r.source, reason=r.reason) for r in rows]

    def dossiers(self) -> Iterator[Dossier]:
        d = schema.dossiers.c
        with self.engine.connect() as conn:
            for row in conn.execute(sa.select(d.record).order_by(d.first_date, d.id)):
                yield Dossier.model_validate(json.loads(row.record))

    def dossier(self, dossier_id: str) -> Dossier:
        """The dossier `dossier_id`, or one of an article id it holds; StoreError when none."""
        d, m = schema.dossiers.c, schema.dossier_articles.c
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(d.record).where(d.id == _clean(dossier_id))).first()
            if row is None:
                row = conn.execute(sa.select(d.record).join(schema.dossier_articles, m.dossier_id == d.id)
                                   .where(m.article_id == _clean(dossier_id))).first()
        if row is None:
            raise NotFoundError(f"no dossier {dossier_id!r} in {self.engine.url.render_as_string(hide_password=True)}; "
                             "`dossier dossiers` lists them")
        return Dossier.model_validate(json.loads(row.record))

    # ---- corrections ----

    def add_correction(self, dossier_id: str, field: str, value, who: str,
                       note: Optional[str] = None) -> Correction:
        """Store a person's value for one field of a dossier (validated; see reconcile.corrections)
        beside the machine's, with who made it and when. StoreError when there is no such dossier."""
        from ..reconcile.corrections import validate

        value = validate(field, value)
        dossier = self.dossier(dossier_id)
        if dossier.id != dossier_id:
            raise StoreError(f"{dossier_id!r} is an article, not a dossier; correct dossier {dossier.id!r}")
        if note is not None and (not isinstance(note, str) or len(note) > 5000):
            raise StoreError("a correction's note must be text of at most 5,000 characters")
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        row = {"dossier_id": dossier.id, "field": field, "value": json.dumps(value), "note": note or None,
               "who": str(who)[:200], "at": at, "articles": json.dumps(list(dossier.articles))}
        def write() -> int:
            with self.writer.begin() as conn:
                return conn.execute(schema.corrections.insert().values(**row)).inserted_primary_key[0]

        try:
            new_id = retrying(write)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.engine.url.render_as_string(hide_password=True)}: could not store the "
                             f"correction ({type(exc).__name__})") from exc
        return _correction(dict(row, id=new_id))

    def corrections(self, dossier_id: Optional[str] = None) -> list[Correction]:
        """Corrections of one dossier (all of them when None), oldest first."""
        c = schema.corrections.c
        query = sa.select(schema.corrections).order_by(c.at, c.id)
        if dossier_id is not None:
            query = query.where(c.dossier_id == _clean(dossier_id))
        with self.engine.connect() as conn:
            return [_correction(row._mapping) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """Rows per table (for reports and tests)."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                    for t in schema.metadata.sorted_tables}


def _extract_batch(batch: list, settings: Settings, extract_records) -> list:
    """The pipeline over a batch; when it fails on the batch, again article by article, so that one
    article that breaks an extractor is recorded with the reason and the others go on."""
    try:
        return list(extract_records(batch, settings))
    except Exception as exc:  # noqa: BLE001 - any extractor bug must not end a long ingest
        log.warning("pipeline failed on a batch of %d (%r); retrying one by one", len(batch), exc)
    out: list = []
    for item in batch:
        try:
            out.extend(extract_records([item], settings))
        except Exception as exc:  # noqa: BLE001
            out.append(Failure(source=item.source, reason=f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def _correction(row) -> Correction:
    value = json.loads(row["value"])
    return Correction(id=row["id"], dossier_id=row["dossier_id"], field=row["field"],
                      value=tuple(value) if isinstance(value, list) else value, note=row["note"],
                      who=row["who"], at=row["at"], articles=tuple(json.loads(row["articles"])))


def _move_corrections(conn: Connection, dossiers: list[Dossier]) -> None:
    """Corrections of a dossier id that regrouping removed follow their incident: to the dossier
    now holding most of the articles it had when corrected (none left: they stay, unseen, and come
    back if those articles do)."""
    c = schema.corrections.c
    live = {d.id for d in dossiers}
    orphans = conn.execute(sa.select(c.id, c.articles).where(c.dossier_id.not_in(live))).fetchall() if live else []
    if not orphans:
        return
    holder = {a: d.id for d in dossiers for a in d.articles}
    for row in orphans:
        votes: dict[str, int] = {}
        for article in json.loads(row.articles):
            if article in holder:
                votes[holder[article]] = votes.get(holder[article], 0) + 1
        if votes:
            target = max(sorted(votes), key=votes.get)
            conn.execute(schema.corrections.update().where(c.id == row.id).values(dossier_id=target))


def dossier_id(first_article: str) -> str:
    """A dossier is named after its first article, so it keeps its id as later articles join."""
    return "d" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


@registry.stores.register("sqlalchemy.v1")
def open_store(url: Optional[str] = None) -> Store:
    return Store(url)
