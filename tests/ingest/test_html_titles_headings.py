"""Titles without the site's name, headings set apart from the text below them (pages written here)."""
from __future__ import annotations

import pytest

from newsdossier.ingest.html import extract_html, set_off_headings
from newsdossier.ingest.meta import strip_site

SITE = "The Harrowgate Courier"


@pytest.mark.parametrize("title, site, url, expected", [
    ("Ferry fire kills two off Brannock | The Harrowgate Courier", SITE, None, "Ferry fire kills two off Brannock"),
    ("Ferry fire kills two off Brannock - Harrowgate Courier", SITE, None, "Ferry fire kills two off Brannock"),
    ("Ferry fire kills two off Brannock — THE HARROWGATE COURIER", SITE, None, "Ferry fire kills two off Brannock"),
    ("Harrowgate Courier :: Ferry fire kills two off Brannock", SITE, None, "Ferry fire kills two off Brannock"),
    ("Ferry fire kills two | News | The Harrowgate Courier", SITE, None, "Ferry fire kills two | News"),
    # No stated name: the host of the page's address names the site.
    ("Ferry fire kills two off Brannock - Harrowgate Courier", None,
     "https://www.harrowgatecourier.co.uk/news/1", "Ferry fire kills two off Brannock"),
    ("Ferry fire kills two off Brannock | harrowgatecourier.com", None,
     "https://harrowgatecourier.com/a", "Ferry fire kills two off Brannock"),
])
def test_strip_site_removes_the_sites_name(title, site, url, expected):
    assert strip_site(title, site, url) == expected


@pytest.mark.parametrize("title, site, url", [
    # A dash inside the headline, next to words that are not the site's name.
    ("Brannock mayor - 'we were not warned' - resigns", SITE, None),
    ("Courier van crash - two hurt", SITE, None),
    # Nothing says what the site is called: nothing is cut.
    ("Ferry fire kills two off Brannock | The Harrowgate Courier", None, None),
    ("Ferry fire kills two off Brannock | The Harrowgate Courier", None, "file:///tmp/page.html"),
    ("The Harrowgate Courier", SITE, None),
])
def test_strip_site_keeps_what_is_not_the_site(title, site, url):
    assert strip_site(title, site, url) == title


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry fire kills two off Brannock | The Harrowgate Courier</title>
<meta property="og:title" content="Ferry fire kills two off Brannock | The Harrowgate Courier">
<meta property="og:site_name" content="The Harrowgate Courier">
</head><body><nav><a href="/">Home</a></nav><article>
<h1>Ferry fire kills two off Brannock</h1>
<p>A fire on a passenger ferry killed two crew members off the coast of Brannock on Friday, the coastguard said.</p>
<h2>Rescue boats sent</h2>
<p>Three lifeboats reached the vessel within an hour and took forty passengers ashore, a harbour official said.</p>
</article></body></html>"""


def test_html_title_loses_the_site_suffix_and_headings_stand_apart():
    page = extract_html(PAGE)
    assert page is not None and page.extractor == "trafilatura"
    assert page.title == "Ferry fire kills two off Brannock"
    assert page.site == SITE
    assert page.text.startswith("Ferry fire kills two off Brannock\n\nA fire on a passenger ferry")
    assert "said.\n\nRescue boats sent\n\nThree lifeboats" in page.text


def test_html_fallback_title_and_headline_too():
    # 5,000 nested elements: trafilatura gives up and the plain extraction reads the page.
    deep = ("<div>" * 5000 + "<h1>Ferry fire kills two</h1><p>A fire on a ferry killed two crew "
            "members, the coastguard said.</p>" + "</div>" * 5000)
    page = extract_html('<html><head><title>Ferry fire kills two - The Harrowgate Courier</title>'
                        '<meta content="The Harrowgate Courier" property="og:site_name"></head>'
                        f"<body>{deep}</body></html>")
    assert page is not None and page.extractor == "plain"
    assert page.title == "Ferry fire kills two"
    assert page.site == SITE
    assert page.text == "Ferry fire kills two\n\nA fire on a ferry killed two crew members, the coastguard said."


def test_set_off_headings_adds_blank_lines_once():
    text = "Ferry fire\nA fire killed two.\n\nRescue\nBoats came."
    assert set_off_headings(text, {"ferry fire", "rescue"}) == "Ferry fire\n\nA fire killed two.\n\nRescue\n\nBoats came."
    assert set_off_headings(text, set()) == text
