"""`dossier watch` against a feed and articles served on loopback: only unseen items are fetched and
stored (across restarts), hosts are polled politely, robots.txt is obeyed, SIGTERM stops cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from loopback import article_page

from newsdossier.ingest.sources import expand
from newsdossier.ingest.watch import Politeness, parse_duration
from newsdossier.records import Failure
from newsdossier.settings import Settings
from newsdossier.store import Store
from newsdossier.store import api

FAST = Settings(allow_private=True, host_delay=0.05)
STORIES = {
    "/harbour": ("Harbour crane collapses", "A crane collapsed onto a cargo ship in the harbour of Velm on Monday morning.",
                 "Port officials said two dock workers were injured and taken to the city hospital."),
    "/tunnel": ("Tunnel reopens", "The road tunnel under the Asker ridge reopened on Tuesday after three weeks of repairs.",
                "Drivers had been sent over the mountain pass while engineers replaced the lighting."),
    "/market": ("Market stalls burn", "Fire destroyed a row of stalls at the covered market in Brisa on Wednesday night.",
                "Traders said the blaze started in a storeroom; the fire brigade is investigating."),
}


def feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{STORIES[p][0]}</title><link>{base}{p}</link>"
                    f"<pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Velm Daily</title>{items}</channel></rss>'.encode()


def serve_stories(site, delay: float = 0.0):
    for path, (title, first, second) in STORIES.items():
        site.add(path, article_page(title, first, second), delay=delay)


@pytest.mark.parametrize("text, seconds", [("90", 90), ("30s", 30), ("10m", 600), ("1.5h", 5400), ("1d", 86400)])
def test_watch_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.model
def test_watch_second_poll_adds_only_the_new_item(site, tmp_path):
    serve_stories(site)
    url = site.add("/feed.xml", feed(site.base, ["/harbour", "/tunnel"]), content_type="application/rss+xml")
    db = str(tmp_path / "watch.db")
    [first] = api.watch([url], db=db, settings=FAST, polls=1)
    assert (first.new, first.skipped, first.failed) == (2, 0, 0)
    # The feed gains an item; a new run (a restart) fetches that one only.
    site.add("/feed.xml", feed(site.base, ["/market", "/harbour", "/tunnel"]), content_type="application/rss+xml")
    [second] = api.watch([url], db=db, settings=FAST, polls=1)
    assert (second.new, second.skipped, second.failed) == (1, 2, 0)
    assert [site.requested(p) for p in ("/harbour", "/tunnel", "/market")] == [1, 1, 1]
    with Store(db) as store:
        titles = sorted(r.article.title for r in store.articles())
        assert titles == ["Harbour crane collapses", "Market stalls burn", "Tunnel reopens"]
        assert all(r.article.published_from == "feed" for r in store.articles())
        assert store.seen([f"{site.base}{p}" for p in STORIES]) == {f"{site.base}{p}" for p in STORIES}
    # Every request carried the User-Agent of the settings, robots.txt included.
    assert {entry[3] for entry in site.log} == {FAST.user_agent}
    assert site.requested("/robots.txt") == 2


def test_watch_politeness_two_at_a_time_with_a_delay(site):
    for n in range(6):
        site.add(f"/slow/{n}", b"ok", delay=0.3)
    settings = Settings(allow_private=True, host_delay=0.1)
    polite = Politeness(settings, threading.Event())
    starts, bodies = [], []

    def get(n):
        url = f"{site.base}/slow/{n}"
        with polite.turn(url):
            starts.append(time.monotonic())
            [blob] = expand([url], settings)
            bodies.append(blob.head)

    threads = [threading.Thread(target=get, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert bodies == [b"ok"] * 6 and site.most_active == 2
    starts.sort()
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.099


def test_watch_robots_txt_respected(site):
    site.add("/robots.txt", b"User-agent: newsdossier\nDisallow: /private/\nCrawl-delay: 1\n\nUser-agent: *\nDisallow:\n",
             content_type="text/plain")
    polite = Politeness(Settings(allow_private=True, host_delay=0.0), threading.Event())
    assert polite.refusal(f"{site.base}/private/memo") == "robots.txt disallows it"
    assert polite.refusal(f"{site.base}/news/story") is None
    assert polite._host(site.base).delay == 1.0  # Crawl-delay (whole seconds) is longer than the setting
    assert site.requested("/robots.txt") == 1  # read once, then kept


def test_watch_robots_txt_unreachable_means_wait(site):
    site.add("/robots.txt", b"busy", status=503)
    polite = Politeness(Settings(allow_private=True), threading.Event())
    assert "unreachable" in polite.refusal(f"{site.base}/news/story")
    site.add("/robots.txt", b"gone", status=404)  # missing: no rules (tried again after a while)
    polite._host(site.base).robots_until = 0
    assert polite.refusal(f"{site.base}/news/story") is None


@pytest.mark.model
def test_watch_items_refused_or_failing(site, tmp_path):
    serve_stories(site)
    site.add("/robots.txt", b"User-agent: *\nDisallow: /tunnel\n", content_type="text/plain")
    site.add("/broken", b"overloaded", status=503)
    site.add("/gone", b"removed", status=410)
    site.add("/feed.xml", feed(site.base, ["/harbour", "/tunnel"]).replace(
        b"</channel>", f"<item><title>Broken</title><link>{site.base}/broken</link></item>"
                       f"<item><title>Gone</title><link>{site.base}/gone</link></item></channel>".encode()))
    db = str(tmp_path / "watch.db")
    [report] = api.watch([f"{site.base}/feed.xml"], db=db, settings=FAST, polls=1)
    assert (report.new, report.skipped, report.failed) == (1, 1, 2)
    assert set(report.failures) == {Failure(source=f"{site.base}/broken", reason="HTTP 503 Service Unavailable",
                                            transient=True),
                                    Failure(source=f"{site.base}/gone", reason="HTTP 410 Gone")}
    assert site.requested("/tunnel") == 0
    with Store(db) as store:  # a failure that may pass is tried again at the next poll; a page that is gone is not
        assert store.seen([f"{site.base}/harbour", f"{site.base}/broken", f"{site.base}/gone"]) == {
            f"{site.base}/harbour", f"{site.base}/gone"}


@pytest.mark.model
def test_watch_sigterm_stops_cleanly_with_fetched_items_stored(site, tmp_path):
    serve_stories(site, delay=1.5)
    url = site.add("/feed.xml", feed(site.base, ["/harbour", "/tunnel", "/market"]), content_type="application/rss+xml")
    db = str(tmp_path / "watch.db")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in [os.getcwd(), os.environ.get("PYTHONPATH")] if p))
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdossier", "watch", url, "--db", db, "--allow-private", "--every", "1h",
         "--delay", "2"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 240
        while not any(entry[0] in STORIES for entry in site.log) and time.monotonic() < deadline:
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "stopped" in stderr
    fetched = sorted(entry[0] for entry in site.log if entry[0] in STORIES)
    assert 1 <= len(fetched) < 3  # the delay between requests kept the others from starting
    with Store(db) as store:
        assert sorted(r.article.url for r in store.articles()) == [f"{site.base}{p}" for p in fetched]
        assert store.seen([f"{site.base}{p}" for p in STORIES]) == {f"{site.base}{p}" for p in fetched}
