"""`dossier watch`: poll feeds and sitemaps, and ingest only the items not seen before.

One poll, in order:
1. read every feed or sitemap given (a URL through the polite fetcher below, or a file), following
   a sitemap index to its child sitemaps;
2. leave out the items the store has seen (`Store.seen`), those the `--since/--until/--site`
   filters leave out and those robots.txt forbids;
3. fetch the rest politely (`Politeness`): per host at most `PER_HOST` requests at a time and
   `settings.host_delay` seconds (or robots.txt's Crawl-delay, when longer) between two request
   starts, every request through the guarded fetcher with the User-Agent of the settings;
4. extract and store what was fetched (`Store.add`: one transaction per batch, dossiers regrouped),
   then record the items as seen. An item whose fetch failed for a reason that may pass (timeout,
   refused connection, HTTP 5xx or 429) is not recorded, so the next poll tries it again.

A stop request (the `stop` event; the CLI sets it on SIGINT and SIGTERM) starts no new request, lets
those under way finish, stores everything fetched so far and ends the watch after that poll.
"""
from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional
from urllib.parse import urlsplit

from .. import registry
from ..errors import DossierError, InputError
from ..records import Article, ArticleRecord, Failure, PollReport
from ..settings import Settings
from .feeds import feed_links
from .links import Link, filtered_out, link_article
from .readers import choose_reader
from .sitemaps import MAX_DEPTH, sitemap_links
from .sources import SCHEME_FETCHERS, Blob, expand

PER_HOST = 2
WORKERS = 8
ROBOTS_TTL = 3600.0  # seconds a robots.txt is trusted before it is read again
ROBOTS_RETRY = 60.0  # ... and an unreachable one before it is tried again
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in '90', '30s', '10m', '1.5h' or '1d'; DossierError for anything else."""
    match = _DURATION.match(str(value))
    if not match or float(match.group(1)) <= 0:
        raise DossierError(f"{value!r} is not a duration; use e.g. 30s, 10m, 1h")
    return float(match.group(1)) * _UNITS[(match.group(2) or "").lower() or None]


class Stopped(Exception):
    """A stop was requested while waiting for a host's turn."""


@dataclass
class _Host:
    slots: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(PER_HOST))
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0
    delay: float = 0.0
    robots: Optional[urllib.robotparser.RobotFileParser] = None
    robots_problem: Optional[str] = None
    robots_until: float = 0.0


class Politeness:
    """Per-host turns (at most PER_HOST at a time, a delay between starts) and robots.txt."""

    def __init__(self, settings: Settings, stop: threading.Event):
        self.settings = settings
        self.stop = stop
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(delay=self.settings.host_delay)
            return self._hosts[key]

    @contextmanager
    def turn(self, url: str):
        """Wait for `url`'s host to have a free slot and for its delay to pass; Stopped on a stop."""
        host = self._host(url)
        while not host.slots.acquire(timeout=0.2):
            if self.stop.is_set():
                raise Stopped
        try:
            with host.lock:  # reserve the next start time, then wait for it outside the lock
                now = time.monotonic()
                start = max(now, host.next_start)
                host.next_start = start + host.delay
            stopped = self.stop.wait(start - now) if start > now else self.stop.is_set()
            if stopped:
                raise Stopped
            yield
        finally:
            host.slots.release()

    def fetch(self, url: str) -> "Blob | InputError":
        """`url` fetched in its host's turn, through the registered (guarded) fetcher."""
        with self.turn(url):
            [blob] = list(expand([url], self.settings))
        return blob

    def refusal(self, url: str) -> Optional[str]:
        """Why robots.txt keeps `url` from being fetched now, else None."""
        host = self._host(url)
        with host.robots_lock:  # one reader of a host's robots.txt at a time; the others wait for it
            if time.monotonic() >= host.robots_until:
                self._read_robots(url, host)
        if host.robots_problem:
            return host.robots_problem
        if host.robots is not None and not host.robots.can_fetch(self.settings.user_agent, url):
            return "robots.txt disallows it"
        return None

    def _read_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        problem, ttl = None, ROBOTS_TTL
        try:
            with self.turn(robots_url):
                fetched = registry.fetchers.get(SCHEME_FETCHERS[parts.scheme.lower()])(robots_url, self.settings)
            parser.parse(fetched.data.decode("utf-8", errors="replace").splitlines())
        except InputError as exc:
            code = getattr(exc, "status", None)
            # As the robots.txt standard (RFC 9309) says: missing (4xx) means no rules, 401/403
            # mean keep out, and unreachable (5xx, network) means wait and try again later.
            if code in (401, 403):
                parser.disallow_all = True
            elif code is not None and 400 <= code < 500:
                parser.allow_all = True
            else:
                problem, ttl = f"robots.txt of {parts.netloc} is unreachable ({exc.reason}); tried again later", ROBOTS_RETRY
        with host.lock:
            host.robots, host.robots_problem = parser, problem
            host.robots_until = time.monotonic() + ttl
            crawl_delay = parser.crawl_delay(self.settings.user_agent) if problem is None else None
            host.delay = max(self.settings.host_delay, float(crawl_delay or 0))


@dataclass
class _Poll:
    number: int
    started: float = field(default_factory=time.monotonic)
    new: int = 0
    skipped: int = 0
    failures: list = field(default_factory=list)
    done: dict = field(default_factory=dict)  # found_in -> keys to record as seen

    def report(self, stopped: bool) -> PollReport:
        return PollReport(poll=self.number, new=self.new, skipped=self.skipped, failed=len(self.failures),
                          failures=tuple(self.failures), seconds=round(time.monotonic() - self.started, 3),
                          stopped=stopped)


def watch(sources: Iterable[str], store, settings: Settings, every: float = 600.0, polls: Optional[int] = None,
          stop: Optional[threading.Event] = None) -> Iterator[PollReport]:
    """Poll `sources` every `every` seconds (`polls` times, or until `stop` is set), storing new
    items in `store`; yields one PollReport per poll."""
    sources = list(sources)
    stop = stop or threading.Event()
    polite = Politeness(settings, stop)
    number = 0
    while not stop.is_set():
        number += 1
        yield poll(sources, store, settings, polite, number)
        if polls is not None and number >= polls:
            return
        stop.wait(every)


def poll(sources: list[str], store, settings: Settings, polite: Politeness, number: int = 1) -> PollReport:
    """One poll: read the sources, fetch and store the items not seen before, record them as seen."""
    from ..pipeline import extract_records

    state = _Poll(number)
    items: dict[str, tuple[Link, str]] = {}
    for source in sources:
        for item in _listed(source, settings, polite):
            if isinstance(item, Failure):
                state.failures.append(item)
            else:
                items.setdefault(item.key, (item, source))
    seen = store.seen(items)
    todo = []
    for key, (link, source) in items.items():
        if key in seen or filtered_out(link.url, link.filter_date or link.published, settings):
            state.skipped += 1
        else:
            todo.append((link, source))
    if todo:  # nothing new: no extraction, and no regrouping of the whole store
        records = extract_records(_fetch_all(todo, settings, polite, state), settings)
        store.add(_counted(records, state), settings.batch_size)
    for source, keys in state.done.items():
        store.mark_seen(keys, source)
    return state.report(polite.stop.is_set())


def _counted(records, state: _Poll) -> Iterator:
    for item in records:
        if isinstance(item, ArticleRecord):
            state.new += 1
        else:
            state.failures.append(item)
        yield item


def _fetch_all(todo: list, settings: Settings, polite: Politeness, state: _Poll) -> Iterator:
    """Articles and Failures of the items, as their fetches complete; records which are done."""
    if not todo:
        return
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="watch") as pool:
        futures = {pool.submit(_fetch_one, link, settings, polite): (link, source) for link, source in todo}
        for future in as_completed(futures):
            link, source = futures[future]
            result = future.result()
            if result is None:  # stopped before its turn
                continue
            if isinstance(result, str):  # refused by robots.txt
                state.skipped += 1
                continue
            # A failure that may pass (a timeout, a server error) is tried again at the next poll.
            if isinstance(result, Article) or not result.transient:
                state.done.setdefault(source, []).append(link.key)
            yield result


def _fetch_one(link: Link, settings: Settings, polite: Politeness) -> "Article | Failure | str | None":
    if polite.stop.is_set():
        return None
    try:
        if link.content and link.content.strip():
            return link_article(link, settings)
        if link.url is None:
            return link_article(link, settings)  # the Failure naming the item
        refused = polite.refusal(link.url)
        if refused:
            return refused
        with polite.turn(link.url):
            return link_article(link, settings)
    except Stopped:
        return None
    except Exception as exc:  # noqa: BLE001 - one item's bug must not end the watch
        return Failure(source=link.url or link.found_in, reason=f"internal error ({type(exc).__name__}: {exc})")


def _listed(source: str, settings: Settings, polite: Politeness) -> Iterator["Link | Failure"]:
    """The items a feed or sitemap lists (a sitemap index's children followed), or why it cannot be read."""
    queue: list[tuple[str, int]] = [(source, 1)]
    while queue and not polite.stop.is_set():
        where, depth = queue.pop(0)
        for blob in _opened(where, polite):
            if isinstance(blob, InputError):
                yield Failure(source=blob.source, reason=blob.reason)
                continue
            try:
                name = choose_reader(blob)
                data = blob.read_all(settings)
                if name == "feed.v1":
                    yield from feed_links(data, blob.source, blob.url, blob.content_type)
                elif name == "sitemap.v1":
                    links, children = sitemap_links(data, blob.source, settings)
                    yield from links
                    if children and depth >= MAX_DEPTH:
                        yield Failure(source=blob.source, reason=f"sitemap index nested deeper than {MAX_DEPTH} levels")
                    elif children:
                        queue.extend((child, depth + 1) for child in children)
                else:
                    yield Failure(source=blob.source, reason=f"not a feed or a sitemap (it reads as {name})")
            except InputError as exc:
                yield Failure(source=blob.source, reason=exc.reason)
            finally:
                blob.close()


def _opened(where: str, polite: Politeness) -> Iterator["Blob | InputError"]:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", where):
        yield from expand([where], polite.settings)
        return
    if urlsplit(where).scheme.lower() not in SCHEME_FETCHERS:
        yield InputError(where, "not an http(s) URL")
        return
    try:
        refused = polite.refusal(where)
        blob = InputError(where, refused) if refused else polite.fetch(where)
    except Stopped:
        return
    yield blob
