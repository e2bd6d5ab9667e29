"""The web UI in a real browser (Debian's chromium through Playwright) against a real `dossier
serve`: the list and its facets, a dossier's timeline and matrix, a figure that opens its sentence
highlighted and in view, injected markup that stays text, writes, and a screenshot."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from serve_helpers import EDITOR, TOKEN, Server, copy_store, dossier_of, token_file  # noqa: E402
from serve_corpus import XSS_TITLE  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.browser]
SCREENSHOTS = "NEWSDOSSIER_SCREENSHOTS"  # a folder to write the screenshot to as well (docs/ for the README)


@pytest.fixture(scope="module")
def db(corpus_db, tmp_path_factory):
    return copy_store(corpus_db, tmp_path_factory.mktemp("browser") / "browser.db")


@pytest.fixture(scope="module")
def server(db, tmp_path_factory):
    srv = Server(db, token_file(tmp_path_factory.mktemp("tokens")))
    yield srv
    srv.stop()


@pytest.fixture
def page(browser):
    """A fresh page (own cookies) that records every dialog (an alert() that ran) and dismisses it."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def rows(page) -> int:
    return page.locator("#dossier-list tbody tr[data-id]").count()


def test_browser_list_shows_dossiers_and_a_facet_narrows(page, server, db):
    page.goto(server.url + "/")
    total = httpx.get(server.url + "/api/dossiers").json()["total"]
    assert rows(page) == total >= 6
    assert page.locator("#map svg .dot").count() >= 3
    page.locator('#facets [data-facet="country"] a', has_text="Belgium").click()
    page.wait_for_url("**country=Belgium**")
    assert rows(page) == 1
    assert "Ghent" in page.locator("#dossier-list tbody tr td.title").inner_text()
    page.locator('#facets [data-facet="country"] a.remove').click()
    page.wait_for_load_state()
    assert rows(page) == total


def test_browser_dossier_shows_timeline_and_matrix(page, server, db, tmp_path):
    ghent = dossier_of(db, "ghent-1")
    page.goto(f"{server.url}/dossiers/{ghent}")
    timeline = page.locator("#figure-timeline svg")
    assert timeline.is_visible()
    labels = timeline.locator(".point-label").all_text_contents()
    assert "at least 7" in labels and "9" in labels and "15" in labels
    matrix = page.locator("#responsibility-matrix table")
    row = matrix.locator("tbody tr", has_text="Red Lantern Cell")
    assert row.locator("a.how-claimed").count() == 1 and row.locator("a.how-accused").count() == 1
    assert page.locator("#statements tbody tr").count() >= 3 and page.locator("#contradictions").is_visible()
    shot = tmp_path / "dossier-page.png"
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    if os.environ.get(SCREENSHOTS):
        page.screenshot(path=str(Path(os.environ[SCREENSHOTS]) / "dossier-page.png"))


def test_browser_figure_opens_its_span_highlighted_and_in_view(page, server, db):
    page.goto(f"{server.url}/dossiers/{dossier_of(db, 'ghent-1')}")
    point = page.locator('#figure-timeline a.point[href*="/articles/ghent-2#span-"]')
    href = point.get_attribute("href")
    point.locator("circle").click()  # the dot a reader clicks
    page.wait_for_url("**/articles/ghent-2#span-*")
    span_id = href.split("#", 1)[1]
    start, end = (int(n) for n in span_id.split("-")[1:])
    mark = page.locator(f"mark#{span_id}")
    text = httpx.get(f"{server.url}/api/articles/ghent-2").json()["article"]["text"]
    assert mark.inner_text() == text[start:end] == "9"
    assert mark.evaluate("el => el.matches(':target')")
    box = mark.evaluate("el => { const r = el.getBoundingClientRect(); return [r.top, r.bottom, innerHeight, scrollY]; }")
    top, bottom, height, scrolled = box
    assert 0 <= top and bottom <= height, box
    assert scrolled > 0, "the span is far down the article: the page scrolled to it"
    assert page.locator("#article-text mark").count() > 5


def test_browser_injected_markup_stays_text(page, server, db):
    xss = dossier_of(db, "xss-1")
    for path in ("/", "/?q=Lisbon", f"/dossiers/{xss}", "/articles/xss-1", "/rejected"):
        page.goto(server.url + path)
        found = page.evaluate("""() => ({
            scripts: document.querySelectorAll('script').length,
            imgs: document.querySelectorAll('img').length,
            js_links: [...document.querySelectorAll('a[href], area[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
            handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        })""")
        assert found == {"scripts": 0, "imgs": 0, "js_links": 0, "handlers": 0}, (path, found)
    page.goto(f"{server.url}/dossiers/{xss}")
    assert XSS_TITLE in page.locator("h1").inner_text()
    page.goto(f"{server.url}/articles/xss-1")
    assert "onerror=alert(1)" in page.locator("#article-text").inner_text()
    assert "javascript:alert(1)" in page.locator(".subtitle").inner_text()  # the URL as text, not a link
    page.goto(f"{server.url}/rejected")
    assert "onerror=alert(1)" in page.locator("#rejected-list").inner_text()
    assert page.dialogs == []


def test_browser_writes_need_a_token_and_a_correction_shows(page, server, db, tmp_path):
    lyon = dossier_of(db, "lyon-1")
    url = f"{server.url}/api/dossiers/{lyon}/corrections"
    assert httpx.post(url, json={"field": "killed", "value": 1}).status_code == 401
    read_only = Server(db)
    try:
        got = httpx.post(f"{read_only.url}/api/dossiers/{lyon}/corrections", json={"field": "killed", "value": 1},
                         headers={"Authorization": f"Bearer {TOKEN}"})
        assert got.status_code == 403
        page.goto(f"{read_only.url}/dossiers/{lyon}")
        assert page.locator("header .who").inner_text().strip() == "read-only"
        assert page.locator("#correction-form").count() == 0
    finally:
        read_only.stop()

    page.goto(f"{server.url}/dossiers/{lyon}")
    page.locator("#corrections a", has_text="Sign in").click()
    page.fill("#token", TOKEN)
    page.locator("form.stack button").click()
    page.wait_for_url(f"**/dossiers/{lyon}")
    assert EDITOR in page.locator("header .who").inner_text()
    page.select_option("#correction-field", "killed")
    page.fill("#correction-value", "3")
    page.fill("#correction-note", "hospital bulletin")
    page.locator("#correction-form button").click()
    page.wait_for_url(f"**/dossiers/{lyon}#corrections")
    killed = page.locator('#summary tr[data-field="killed"]')
    assert killed.locator(".corrected-value").inner_text() == "3"
    assert killed.locator(".badge.corrected").count() == 1
    assert "by maria" in killed.locator("td.why").inner_text() and "hospital bulletin" in killed.inner_text()
    stored = httpx.get(f"{server.url}/api/dossiers/{lyon}").json()["corrections"]
    assert [(c["field"], c["value"], c["who"], c["note"]) for c in stored] == [("killed", 3, EDITOR, "hospital bulletin")]
    page.goto(server.url + "/")
    assert page.locator(f'#dossier-list tr[data-id="{lyon}"] .badge.corrected').count() == 1
    assert page.dialogs == []
