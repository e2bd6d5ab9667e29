"""Invented articles for the server tests (written for these tests; no dataset text): an incident
in a real city reported by two sites with a revised toll, a claim and a denial, a second incident
elsewhere, and an article whose title, text and URL carry script injections."""
from __future__ import annotations

import json
from pathlib import Path

XSS_TITLE = "<script>alert(1)</script> Blast at Lisbon depot"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_LINK = '<a href="javascript:alert(1)">more</a>'

# Paragraphs before the news in a long article, so that a link to a span near its end must scroll.
BACKGROUND = "".join(p + "\n\n" for p in [
    "Commuters in the old town said the evening trams had been running late all week because of "
    "roadworks near the station, and many had waited longer than usual at the stop on the square.",
    "The stop sits between a row of cafés and the canal bridge, and at that hour it is usually busy "
    "with students heading home from lectures and workers finishing late shifts.",
    "City officials had spent the winter debating whether to move the stop closer to the bridge to "
    "ease crowding, a plan that shopkeepers opposed because it would take away space for deliveries.",
    "Residents described the neighbourhood as quiet, with few incidents beyond the occasional "
    "bicycle theft, and several said they had never seen police there at night before this week.",
    "The regional transport company suspended services on two lines for a day and put buses on a "
    "detour, while volunteers set up a table with tea and blankets for people waiting for news.",
    "At a vigil on Tuesday, hundreds of people laid flowers and candles along the railing of the "
    "bridge, and the bells of the nearby church rang for several minutes at six in the evening.",
    "Teachers at two schools in the district said counsellors would be available all week, and the "
    "student union opened its rooms so that people could meet and talk about what they had witnessed.",
    "Local newspapers printed the names of the shops that stayed open to shelter people during the "
    "shooting, and a baker who handed out bread to the police officers was thanked by the mayor.",
])

ARTICLES = [
    {"id": "ghent-1", "published": "2025-03-04", "url": "https://courier.example/ghent-tram-attack",
     "title": "Gunmen open fire at tram stop in Ghent",
     "text": "Gunmen opened fire at a crowded tram stop in Ghent, Belgium, on Monday evening, killing at least "
             "7 people and wounding 15 others, police said.\n"
             "The Red Lantern Cell claimed responsibility for the attack in a message posted overnight.\n"
             "\"We heard maybe thirty shots, then silence,\" said Pieter Claes, who runs a bakery across the street."},
    {"id": "ghent-2", "published": "2025-03-06", "url": "https://tidings.example/world/ghent-toll-rises",
     "title": "Ghent tram stop shooting toll rises to 9",
     "text": BACKGROUND + "The death toll from Monday's shooting at a tram stop in Ghent, Belgium, has risen to 9, "
             "prosecutors said on Wednesday, after two of the wounded died overnight.\n"
             "Interior Minister Ilse Marnef blamed the Red Lantern Cell for the shooting. A lawyer for the group "
             "denied that it had any role in the attack.\n"
             "Investigators said the gunmen escaped in a grey van."},
    {"id": "lyon-1", "published": "2025-04-11", "url": "https://courier.example/lyon-market-bomb",
     "title": "Bomb at Lyon market wounds 4",
     "text": "A homemade bomb exploded at a covered market in Lyon, France, on Thursday morning, wounding 4 "
             "people, the fire service said.\n"
             "No group has claimed responsibility. The city's mayor said the market would reopen on Monday."},
    {"id": "xss-1", "published": "2025-05-02", "url": "javascript:alert(1)", "title": XSS_TITLE,
     "text": f"A fire bomb was thrown at a fuel depot in Lisbon, Portugal, on Friday, killing 2 workers, police "
             f"said. {XSS_IMG} The attack was claimed by a group calling itself {XSS_TITLE} in a post that "
             f"linked to {XSS_LINK}.\n\"<script>alert(1)</script> is what they wrote,\" said Rui Matos, a firefighter."},
]


def write_corpus(folder: Path) -> Path:
    path = folder / "serve-articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


TOWNS = ["Ghent", "Lyon", "Porto", "Leeds", "Utrecht", "Graz", "Malmo", "Turin"]
PLACES = ["a petrol station", "a night market", "a bus depot", "a football ground", "a bakery", "a car park"]
NAMES = ["Ada Voss", "Tomas Reyl", "Ines Carvo", "Piet Moller", "Lena Strand", "Omar Haddou", "Rosa Ekdal"]


def shooting_reports(n: int, start: int = 0) -> list[dict]:
    """`n` short invented reports of distinct shootings (for load and concurrency tests)."""
    rows = []
    for k in range(start, start + n):
        town, place, name = TOWNS[k % len(TOWNS)], PLACES[k % len(PLACES)], NAMES[k % len(NAMES)]
        killed, injured = k % 4, 1 + k % 5
        rows.append({"id": f"report-{k:04d}", "published": f"2025-{1 + k % 12:02d}-{1 + k % 27:02d}",
                     "title": f"Shooting at {place} in {town} (report {k})",
                     "text": f"A gunman opened fire at {place} in {town} on Friday night, killing {killed} people and "
                             f"wounding {injured}, police said in a statement numbered {k}. {name}, who lives nearby, "
                             f"said she heard about {k % 9 + 3} shots. Officers closed the street for several hours."})
    return rows
