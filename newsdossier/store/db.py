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
from collections import Counter
import json
import logging
import os
import random
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TypeVar, Union
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import ArgumentError, NotFoundError, StoreError
from ..ingest.meta import article_id
from ..records import Article, ArticleRecord, Correction, Dossier, Failure, IngestReport
from ..settings import Settings, check_settings
from . import schema
from .columns import clean as _clean, dossier_columns, incident_rows
from .grouping_index import GroupIndex
from .progress import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_DB = "dossier.db"
# Articles whose features are held in memory at once while grouping a large ingest.
INDEX_CHUNK = 2000
ENV_VAR = "DOSSIER_DB"
# How long a SQLite writer waits for another writer's transaction before SQLite gives up, and how
# many times a write that met a lock anyway (or a migration racing another process) is tried.
BUSY_TIMEOUT_S = 60.0
WRITE_TRIES = 8


def resolve_url(db: Union[str, os.PathLike, None] = None) -> str:
    """The SQLAlchemy URL for `db`, else `$DOSSIER_DB`, else `dossier.db` in the working directory.
    A path means a SQLite file; `postgresql://` and `postgres://` use the psycopg 3 driver."""
    if isinstance(db, os.PathLike):
        db = os.fspath(db)
    if db is not None and not isinstance(db, str):
        hint = " (decode a bytes path with os.fsdecode)" if isinstance(db, bytes) else ""
        raise ArgumentError(f"the database must be a path or URL (str or path-like), got {type(db).__name__}{hint}")
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    for prefix in ("postgresql://", "postgres://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix):]
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def one_line(exc: BaseException) -> str:
    """A database error in one line: the driver's own message, without the SQL statement, the
    parameters (which can hold a whole article) and the link that SQLAlchemy adds on lines of their own."""
    orig = getattr(exc, "orig", None)
    text = str(orig) if orig is not None else str(exc).split("\n[SQL:", 1)[0].split("\n(Background", 1)[0]
    text = " ".join(text.split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" (another connection is writing), not a refusal."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED") \
        or "database is locked" in str(orig or "")


def _shown(url: str) -> str:
    """`url` as it may be printed: no password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is refused later, with its reason
        return re.sub(r"//[^/@]*@", "//***@", url)


def _read_only_sqlite(url: sa.URL) -> sa.URL:
    """A SQLite URL that opens the file read-only, so readers work where they cannot write.

    `mode=ro` never creates or changes the file. A database in WAL mode is read through its -shm
    file, which SQLite must create next to it: in a folder it cannot write to, with no -wal file
    there (so no writer is at work), the file is opened `immutable`, which needs neither."""
    path = url.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return url
    if not os.path.isfile(path):
        raise StoreError(f"{path}: no such database (`dossier ingest` creates one)")
    query = {"mode": "ro", "uri": "true"}
    folder = os.path.dirname(path) or "."
    if not os.access(folder, os.W_OK) and not os.path.exists(path + "-wal"):
        query["immutable"] = "1"
    return url.set(database="file:" + quote(path), query=query)


def record_to_row(record: ArticleRecord) -> dict:
    """The `articles` row of a record (the whole record is kept as JSON text)."""
    a = record.article
    return {"id": _clean(a.id), "url": _clean(a.url) or None, "text_hash": article_id(a.text), "source": _clean(a.source),
            "title": _clean(a.title), "site": _clean(a.site), "published": _clean(a.published),
            "record": json.dumps(record.to_json(), sort_keys=True), "text": _clean(a.text)}


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
    """A dossier database. `Store("dossier.db")`, `Store("postgresql://user@host/db")`.

    `read_only=True` (what `dossier dossiers` and `dossier show` use) opens an existing store
    without writing to it, not even its migrations, so it also reads a file in a read-only folder."""

    def __init__(self, url: Union[str, os.PathLike, None] = None, read_only: bool = False):
        self.url = resolve_url(url)
        self.name = _shown(self.url)
        self.read_only = read_only
        try:
            target = sa.engine.make_url(self.url)
            if read_only and target.get_backend_name() == "sqlite":
                target = _read_only_sqlite(target)
            self.engine = sa.create_engine(target, future=True)
            if read_only:
                self._check_schema()
                return
            if self.engine.dialect.name == "sqlite":
                _sqlite_transactions(self.engine)
            # Transactions that write go through `writer` (IMMEDIATE on SQLite); reads use `engine`.
            self.writer = self.engine.execution_options(write=True)
            ran = retrying(lambda: schema.migrate(self.writer, reader=self.engine))
        except (sa.exc.SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"{self.name}: cannot open the store ({one_line(exc)})") from exc
        if ran:
            log.info("store %s: ran migrations %s", self.engine.url.render_as_string(hide_password=True), ", ".join(ran))

    def _check_schema(self) -> None:
        """For a read-only store: StoreError unless every migration has run (nothing is created)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table(schema.migrations.name):
                raise StoreError(f"{self.name}: holds no dossier store (`dossier ingest` creates one)")
            done = {row.name for row in conn.execute(sa.select(schema.migrations.c.name))}
        missing = [name for name, _ in schema.MIGRATIONS if name not in done]
        if missing:
            raise StoreError(f"{self.name}: made by an older version (lacks {', '.join(missing)}); "
                             "`dossier ingest` upgrades it")

    def check_writable(self) -> None:
        """StoreError unless the store can be written: called before an ingest extracts anything,
        so a read-only file fails at once instead of after the whole extraction."""
        if self.read_only:
            raise StoreError(f"{self.name}: opened read-only")
        r = schema.rejected.c
        try:
            with self.engine.connect() as conn:
                tx = conn.begin()
                # A delete that matches nothing needs the same write access as any write and
                # changes nothing; it is rolled back all the same.
                conn.execute(schema.rejected.delete().where(sa.and_(r.source == "", r.source != "")))
                tx.rollback()
        except sa.exc.SQLAlchemyError as exc:
            if _busy(exc):
                return  # another writer holds the lock: writable, the batches will wait their turn
            raise StoreError(f"{self.name}: cannot write to the store ({one_line(exc)})") from exc

    @contextmanager
    def _reading(self, what: str):
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: cannot read {what} ({one_line(exc)})") from exc

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
                    counts["relisted"].append(found[0].id)  # its dossier lists the new id too
                counts["unchanged"] += 1
                return
            if keep.record == row["record"]:
                counts["unchanged"] += 1
                return
            # The replaced rows leave the grouping index first (their terms leave the counts).
            index = GroupIndex(conn)
            for f in found:
                vacated = index.forget(f.id)
                if vacated:
                    counts["vacated"].setdefault(vacated, []).append(f.id)
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
            conn.execute(schema.incidents.insert(), incident_rows(record))

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
        if items is None or isinstance(items, (str, bytes, ArticleRecord, Failure)) or not isinstance(items, Iterable):
            raise ArgumentError(f"add() takes an iterable of ArticleRecord or Failure, got {type(items).__name__}")
        self.check_writable()
        counts = new_counts()
        batch: list = []
        for n, item in enumerate(items):
            if not isinstance(item, (ArticleRecord, Failure)):
                # Refused before its batch is written (earlier batches are stored: one transaction each).
                raise ArgumentError(f"add() item {n} must be an ArticleRecord or a Failure, "
                                    f"got {type(item).__name__}")
            batch.append(item)
            if len(batch) >= batch_size:
                self._write_batch(batch, counts, progress)
                batch = []
        if batch:
            self._write_batch(batch, counts, progress)
        try:
            self._group(counts.pop("vacated"), counts.pop("relisted"))
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: could not group the dossiers ({one_line(exc)})") from exc
        return IngestReport(dossiers=self._count(schema.dossiers), **counts)

    def _count(self, table: sa.Table) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0

    def _write_batch(self, batch: list, counts: dict, progress: Optional[Progress]) -> None:
        def write() -> dict:
            tally = new_counts()
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
                if isinstance(n, int):
                    counts[key] += n
                elif isinstance(n, list):
                    counts[key].extend(n)
                else:
                    for dossier, left in n.items():
                        counts[key].setdefault(dossier, []).extend(left)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: could not store a batch of {len(batch)} ({one_line(exc)})") from exc
        if progress is not None:
            progress.update(len(batch), counts)

    def ingest(self, inputs: Union[str, os.PathLike, Iterable[str]], settings: Optional[Settings] = None,
               progress: Union[bool, Progress, None] = None,
               extract: Optional[Callable[[Iterable[str], Settings], Iterator]] = None) -> IngestReport:
        """Extract `inputs` (anything `dossier extract` reads) into the store.

        By default inputs are read, articles already stored from the same source with the same text
        are skipped (so a rerun after a crash only does what is missing), and the rest go through
        the pipeline; an article on which the pipeline fails is a `rejected` row, not the end of the
        run. `extract(inputs, settings)` replaces all of that (tests use it). `progress` True shows
        a bar on a terminal (log lines otherwise). One str or path is one input; arguments of the
        wrong type raise ArgumentError and a store that cannot be written StoreError, before
        anything is read or extracted."""
        from ..ingest.sources import input_names

        inputs = input_names(inputs)
        settings = check_settings(settings)
        self.check_writable()
        if progress is True:
            progress = Progress()
        bar = progress if isinstance(progress, Progress) else None
        try:
            if extract is not None:
                return self.add(extract(inputs, settings), settings.batch_size, bar)
            skipped = [0]
            items = self._extract_new(inputs, settings, skipped)
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
            if isinstance(item, Article) and (_clean(item.source), article_id(item.text)) in known:
                skipped[0] += 1
                continue
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield from _extract_batch(batch, settings, extract_records)
                batch = []
        if batch:
            yield from _extract_batch(batch, settings, extract_records)

    def _group(self, vacated: dict[str, list[str]], relisted: list[str] = ()) -> None:
        """Put the stored articles that are not in a dossier yet (this ingest's, and any that a run
        killed before grouping left behind) into dossiers (see `grouping_index`), and merge again
        only the dossiers they joined or left. `vacated` holds the dossiers that replaced articles
        left, with those articles; `relisted` articles gained an alias id."""
        def work() -> None:
            with self.writer.begin() as conn:
                _lock_grouping(conn)
                index = GroupIndex(conn)
                if index.indexed() == 0 and self._count_in(conn, schema.dossiers):
                    self._rebuild(conn)  # a store from before the index: build it, keeping the ids
                    return
                a, g = schema.articles.c, schema.group_articles.c
                waiting = list(conn.execute(sa.select(a.id).where(a.id.not_in(sa.select(g.article_id)))
                                            .order_by(a.published, a.id)).scalars())
                if not waiting and not vacated and not relisted:
                    return
                touched = set(vacated)
                if relisted:
                    touched |= set(conn.execute(sa.select(g.dossier_id).where(g.article_id.in_(list(relisted)))).scalars())
                for start in range(0, len(waiting), INDEX_CHUNK):
                    touched |= index.add(self._records(conn, waiting[start:start + INDEX_CHUNK]))
                # A dossier that its only articles left keeps resolving: to where they went.
                for old, left in vacated.items():
                    if not index.dossier_taken(old):
                        went = conn.execute(sa.select(g.dossier_id).where(g.article_id.in_(left))).scalars().first()
                        if went:
                            _alias(conn, old, went)
                self._write_dossiers(conn, touched)
                if vacated:
                    live = {r.dossier_id for r in conn.execute(sa.select(g.dossier_id).distinct())}
                    for target in _move_corrections(conn, live):
                        _refresh_columns(conn, target)

        retrying(work)

    @staticmethod
    def _count_in(conn: Connection, table: sa.Table) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0

    def regroup(self) -> int:
        """Build the grouping index and every dossier again from the stored articles (an upgraded
        store, or after changing the grouping's parameters); returns how many dossiers there are.
        A dossier keeps the id it had (the oldest, when it now holds several old dossiers' articles;
        the others stay as aliases), and corrections follow their incident."""
        def work() -> int:
            with self.writer.begin() as conn:
                _lock_grouping(conn)
                return self._rebuild(conn)

        return retrying(work)

    def _rebuild(self, conn: Connection) -> int:
        d, m, g = schema.dossiers.c, schema.dossier_articles.c, schema.group_articles.c
        was = {r.article_id: (r.first_date or "9999", r.dossier_id) for r in conn.execute(
            sa.select(m.article_id, m.dossier_id, d.first_date).join(schema.dossiers, d.id == m.dossier_id))}
        for table in (schema.group_terms, schema.group_articles, schema.group_df):
            conn.execute(table.delete())
        index = GroupIndex(conn)
        a = schema.articles.c
        ids = [r.id for r in conn.execute(sa.select(a.id).order_by(a.published, a.id))]
        for start in range(0, len(ids), INDEX_CHUNK):
            index.add(self._records(conn, ids[start:start + INDEX_CHUNK]))
        members: dict[str, list[str]] = {}
        for r in conn.execute(sa.select(g.article_id, g.dossier_id)):
            members.setdefault(r.dossier_id, []).append(r.article_id)
        kept: set[str] = set()
        for label in sorted(members):
            olds = sorted({was[x] for x in members[label] if x in was} - {(f, i) for f, i in was.values() if i in kept})
            if not olds:
                continue
            name = olds[0][1]
            kept.add(name)
            if name != label:
                conn.execute(schema.group_articles.update().where(g.dossier_id == label).values(dossier_id=name))
            for _, other in olds[1:]:
                _alias(conn, other, name)
        live = {r.dossier_id for r in conn.execute(sa.select(g.dossier_id).distinct())}
        old = {r.id for r in conn.execute(sa.select(d.id))}
        self._write_dossiers(conn, live | old)
        for target in _move_corrections(conn, live):
            _refresh_columns(conn, target)
        return len(live)

    @staticmethod
    def _records(conn: Connection, ids: list[str]) -> list[ArticleRecord]:
        a = schema.articles.c
        out = []
        for start in range(0, len(ids), 900):
            out.extend(row_to_record(r) for r in conn.execute(
                sa.select(a.record).where(a.id.in_(ids[start:start + 900]))))
        return out

    def _write_dossiers(self, conn: Connection, dossier_ids: set[str]) -> None:
        """Merge each of `dossier_ids` again from its indexed articles and store it; one left with no
        article is removed."""
        from ..reconcile.merge import reconcile

        d, m, g, al = schema.dossiers.c, schema.dossier_articles.c, schema.group_articles.c, schema.article_aliases.c
        for dossier_id in sorted(dossier_ids):
            ids = [r.article_id for r in conn.execute(
                sa.select(g.article_id).where(g.dossier_id == dossier_id).order_by(g.date.is_(None), g.date, g.article_id))]
            old = conn.execute(sa.select(d.record).where(d.id == dossier_id)).first()
            if not ids:
                if old is not None:
                    conn.execute(schema.dossier_articles.delete().where(m.dossier_id == dossier_id))
                    conn.execute(schema.dossiers.delete().where(d.id == dossier_id))
                continue
            records = {_clean(r.article.id): r for r in self._records(conn, ids)}
            try:
                dossier = reconcile(dossier_id, [records[i] for i in ids])
            except Exception:  # noqa: BLE001 - one dossier's merge bug must not lose the grouping
                log.exception("could not reconcile dossier of %s; stored with its articles only", ids)
                dossier = Dossier(id=dossier_id, articles=tuple(ids))
            aliases: dict[str, list[str]] = {}
            for row in conn.execute(sa.select(al.alias, al.article_id).where(al.article_id.in_(ids)).order_by(al.alias)):
                aliases.setdefault(row.article_id, []).append(row.alias)
            if aliases:
                listed = tuple(x for i in dossier.articles for x in [i, *aliases.get(i, ())])
                dossier = dossier.model_copy(update={"articles": listed})
            text = json.dumps(dossier.to_json(), sort_keys=True)
            if old is not None and old.record == text:
                continue
            if old is not None:
                conn.execute(schema.dossier_articles.delete().where(m.dossier_id == dossier_id))
                conn.execute(schema.dossiers.delete().where(d.id == dossier_id))
            fixes = [_correction(r._mapping) for r in conn.execute(
                sa.select(schema.corrections).where(schema.corrections.c.dossier_id == dossier_id))]
            conn.execute(schema.dossiers.insert().values(
                id=dossier_id, first_date=dossier.first_published, size=len(dossier.articles), record=text,
                **dossier_columns(dossier, fixes)))
            conn.execute(schema.dossier_articles.insert(), [
                {"dossier_id": dossier_id, "article_id": _clean(aid), "position": n}
                for n, aid in enumerate(ids)])

    # ---- reading ----

    def articles(self) -> Iterator[ArticleRecord]:
        with self._reading("articles"), self.engine.connect() as conn:
            for row in conn.execute(sa.select(schema.articles.c.record).order_by(schema.articles.c.id)):
                yield row_to_record(row)

    def article(self, article_id: str) -> Optional[ArticleRecord]:
        with self._reading("an article"), self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.articles.c.record)
                               .where(schema.articles.c.id == _clean(article_id))).first()
        return row_to_record(row) if row else None

    def failures(self) -> list[Failure]:
        with self._reading("rejected inputs"), self.engine.connect() as conn:
            rows = conn.execute(sa.select(schema.rejected).order_by(schema.rejected.c.source)).fetchall()
        return [Failure(source=r.source, reason=r.reason) for r in rows]

    def dossiers(self, batch_size: int = 500) -> Iterator[Dossier]:
        """Every dossier, oldest first, read `batch_size` rows at a time (a server-side cursor on
        PostgreSQL), so memory stays flat however many the store holds."""
        d = schema.dossiers.c
        query = sa.select(d.record).order_by(d.first_date, d.id)
        with self._reading("dossiers"), self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(query)
            for row in result:
                yield Dossier.model_validate_json(row.record)

    def articles_of(self, article_ids: Iterable[str]) -> list[ArticleRecord]:
        """The stored records of these article ids (ids not stored are left out), in id order."""
        ids = sorted({_clean(i) for i in article_ids})
        a = schema.articles.c
        out: list[ArticleRecord] = []
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                rows = conn.execute(sa.select(a.record).where(a.id.in_(ids[start:start + 500])).order_by(a.id))
                out.extend(row_to_record(row) for row in rows)
        return out

    def article_heads(self, article_ids: Iterable[str]) -> dict:
        """id -> a row with `id, title, site, published, url, source` (no text, no record parsing):
        what a citation needs, cheaply, for many articles."""
        ids = sorted({_clean(i) for i in article_ids})
        a = schema.articles.c
        out = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                for row in conn.execute(sa.select(a.id, a.title, a.site, a.published, a.url, a.source)
                                        .where(a.id.in_(ids[start:start + 500]))):
                    out[row.id] = row
        return out

    def dossier(self, dossier_id: str) -> Dossier:
        """The dossier `dossier_id`, or one of an article id it holds; StoreError when none."""
        d, m = schema.dossiers.c, schema.dossier_articles.c
        with self._reading("a dossier"), self.engine.connect() as conn:
            row = conn.execute(sa.select(d.record).where(d.id == _clean(dossier_id))).first()
            if row is None:  # an id that was merged into another dossier keeps resolving
                al = schema.dossier_aliases.c
                row = conn.execute(sa.select(d.record).join(schema.dossier_aliases, al.dossier_id == d.id)
                                   .where(al.alias == _clean(dossier_id))).first()
            if row is None:
                row = conn.execute(sa.select(d.record).join(schema.dossier_articles, m.dossier_id == d.id)
                                   .where(m.article_id == _clean(dossier_id))).first()
        if row is None:
            raise NotFoundError(f"no dossier {dossier_id!r} in {self.name}; `dossier dossiers` lists them")
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
            raise StoreError(f"{dossier_id!r} is not a dossier id (it names dossier {dossier.id!r}); correct that one")
        if note is not None and (not isinstance(note, str) or len(note) > 5000):
            raise StoreError("a correction's note must be text of at most 5,000 characters")
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        row = {"dossier_id": dossier.id, "field": field, "value": json.dumps(value), "note": note or None,
               "who": str(who)[:200], "at": at, "articles": json.dumps(list(dossier.articles))}

        def write() -> int:
            with self.writer.begin() as conn:
                new = conn.execute(schema.corrections.insert().values(**row)).inserted_primary_key[0]
                _refresh_columns(conn, dossier.id)
                return new

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

    # ---- what `dossier watch` has handled ----

    def seen(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` (item links) that `mark_seen` has recorded."""
        keys = list(dict.fromkeys(_clean(k) for k in keys))
        found: set[str] = set()
        w = schema.watch_seen.c
        with self.engine.connect() as conn:
            for start in range(0, len(keys), 500):  # bounded IN lists (SQLite's variable limit)
                chunk = keys[start:start + 500]
                found.update(row.key for row in conn.execute(sa.select(w.key).where(w.key.in_(chunk))))
        return found

    def mark_seen(self, keys: Iterable[str], found_in: str) -> None:
        """Record item links as handled, in one transaction; keys already recorded are left as they are."""
        fresh = sorted(set(_clean(k) for k in keys) - self.seen(keys))
        if not fresh:
            return
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        def write() -> None:
            with self.writer.begin() as conn:
                conn.execute(schema.watch_seen.insert(),
                             [{"key": k, "found_in": _clean(found_in), "seen_at": at} for k in fresh])

        try:
            retrying(write)
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: could not record {len(fresh)} seen items ({type(exc).__name__})") from exc

    def counts(self) -> dict[str, int]:
        """Rows per table (for reports and tests)."""
        with self._reading("counts"), self.engine.connect() as conn:
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


def _lock_grouping(conn: Connection) -> None:
    """One grouping at a time: two ingests' groupings one after the other (on SQLite the writer's
    IMMEDIATE transaction already does this)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE group_articles IN SHARE ROW EXCLUSIVE MODE")


def new_counts() -> dict:
    """What one `add` tallies: the report's counts, and what grouping must redo besides the articles
    not yet in a dossier (dossiers that replaced articles left: `vacated`; articles given an alias
    id: `relisted`)."""
    return {"added": 0, "updated": 0, "unchanged": 0, "rejected": 0, "vacated": {}, "relisted": []}


def _alias(conn: Connection, alias: str, dossier_id: str) -> None:
    """`alias` names `dossier_id` from now on (and so do the aliases that named `alias`)."""
    al = schema.dossier_aliases.c
    conn.execute(schema.dossier_aliases.update().where(al.dossier_id == alias).values(dossier_id=dossier_id))
    if alias != dossier_id and conn.execute(sa.select(al.alias).where(al.alias == alias)).first() is None:
        conn.execute(schema.dossier_aliases.insert().values(alias=alias, dossier_id=dossier_id))
    conn.execute(schema.dossier_aliases.delete().where(al.alias == dossier_id))


def _refresh_columns(conn: Connection, dossier_id: str) -> None:
    """Put the values in force of dossier `dossier_id` in its columns (after a correction)."""
    d, c = schema.dossiers.c, schema.corrections.c
    record = conn.execute(sa.select(d.record).where(d.id == dossier_id)).scalar()
    if record is None:
        return
    fixes = [_correction(r._mapping) for r in conn.execute(sa.select(schema.corrections).where(c.dossier_id == dossier_id))]
    conn.execute(schema.dossiers.update().where(d.id == dossier_id)
                 .values(**dossier_columns(Dossier.model_validate_json(record), fixes)))


def _move_corrections(conn: Connection, live: set[str]) -> set[str]:
    """Corrections of a dossier id that no longer names a dossier follow their incident: to the
    dossier now holding most of the articles it had when corrected (none left: they stay, unseen,
    and come back if those articles do). Returns the ids of the dossiers that received some."""
    c, g = schema.corrections.c, schema.group_articles.c
    orphans = [r for r in conn.execute(sa.select(c.id, c.dossier_id, c.articles)) if r.dossier_id not in live]
    moved: set[str] = set()
    for row in orphans:
        votes: Counter = Counter()
        for part in (lambda xs: [xs[i:i + 900] for i in range(0, len(xs), 900)])(json.loads(row.articles)):
            votes.update(r.dossier_id for r in conn.execute(sa.select(g.dossier_id).where(g.article_id.in_(part))))
        if votes:
            target = max(sorted(votes), key=votes.get)
            conn.execute(schema.corrections.update().where(c.id == row.id).values(dossier_id=target))
            moved.add(target)
    return moved


def dossier_id(first_article: str) -> str:
    """A dossier is named after its first article, so it keeps its id as later articles join."""
    return "d" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]

