"""What the grouping compares between two articles, taken once per `ArticleRecord`.

Two kinds of signal: the article's words (TF-IDF of the whole text, of its lead, of capitalised names)
and the specific details that tell two look-alike incidents apart (the people named, street
addresses, ages such as "a 23-year-old", death and injury counts, the incident's city and attack
types when the extractors found them). Paragraphs that many articles share (site navigation,
"related stories" lists) are dropped before anything is counted, because they make unrelated
pages from one site look alike.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..records import ArticleRecord

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")
PERSON = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\b")
ADDRESS = re.compile(
    r"\b(\d+(?:st|nd|rd|th)?\s+(?:block of\s+)?(?:[NSEW]\.?\s+|North |South |East |West )?"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln"
    r"|Way|Court|Place|Parkway|Highway))\b")
# A capitalised word that does not open a sentence: mostly names of people, streets and places.
PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
FIGURE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}?"
    r"(?:people|persons|men|women|teens|victims|others)?\s*(?:were\s+|was\s+)?"
    r"(killed|dead|injured|wounded|hurt|shot)\b", re.I)
STOP = frozenset(
    "the a an and or of to in on at for with by from as is was were be been are it its this that he she "
    "they his her their them i we you said says after before about into over than but not no have has "
    "had who which when where what will would could police".split())
# Capitalised words that start names of places, offices and outlets rather than of people.
NOT_PERSON = frozenset(
    "police county street avenue road drive department news sheriff office city university school "
    "hospital center centre church park north south east west new fox cbs abc nbc cnn copyright rights "
    "reserved photo video associated press said district court state high medical regional memorial "
    "highway boulevard lane way block first second third national united states saturday sunday monday "
    "tuesday wednesday thursday friday january february march april may june july august september "
    "october november december".split())
LEAD_CHARS = 700
# A paragraph found in this many articles or more is treated as page furniture.
BOILERPLATE_MIN_DOCS = 4
MIN_PARAGRAPH = 30


def paragraphs(text: str) -> list[str]:
    seen = dict.fromkeys(p.strip() for p in re.split(r"\n+", text) if len(p.strip()) > MIN_PARAGRAPH)
    return list(seen)


def paragraph_key(paragraph: str) -> str:
    return hashlib.sha1(paragraph.encode("utf-8")).hexdigest()[:16]


def tokens(text: str) -> list[str]:
    return [w for w in (t.lower() for t in WORD.findall(text)) if w not in STOP]


def person_names(text: str) -> set[str]:
    out = set()
    for name in PERSON.findall(text):
        words = name.lower().split()
        if not any(w.strip(".") in NOT_PERSON for w in words):
            out.add(" ".join(words))
    return out


def figures_in(text: str) -> set[tuple[str, int]]:
    out = set()
    for number, kind in FIGURE.findall(text[:1500]):
        value = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
        kind = {"dead": "killed", "wounded": "injured", "hurt": "injured"}.get(kind.lower(), kind.lower())
        out.add((kind, value))
    return out


@dataclass
class Features:
    """The grouping's view of one article (mutable only while it is being built)."""

    id: str
    date: Optional[int]  # proleptic ordinal of the publication date
    site: Optional[str]
    words: list[str]
    lead: list[str]
    names: list[str]
    persons: set[str]
    proper: set[str]
    addresses: set[str]
    ages: set[str]
    figures: set[tuple[str, int]]
    # What the extractors found, when the record has an incident (kept apart from the text's own
    # signals so that the grouping can weigh them separately).
    incident_date: Optional[int] = None
    extracted_figures: set = field(default_factory=set)
    city: Optional[str] = None
    types: frozenset = field(default_factory=frozenset)
    lead_text: str = ""
    # False when the extractors ran and found no incident (a festival report beside a shooting).
    reports_incident: bool = True
    # Keys of all its paragraphs, boilerplate or not (the store counts how many articles share each).
    paragraphs: frozenset = field(default_factory=frozenset)


def _ordinal(value: Optional[str]) -> Optional[int]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def boilerplate_keys(texts: Iterable[str], min_docs: int = BOILERPLATE_MIN_DOCS) -> set[str]:
    """Keys of paragraphs that `min_docs` or more of `texts` share."""
    counts: Counter = Counter()
    for text in texts:
        counts.update({paragraph_key(p) for p in paragraphs(text)})
    return {k for k, n in counts.items() if n >= min_docs}


def features(record: ArticleRecord, boilerplate: set[str] = frozenset()) -> Features:
    """Features of one record; `boilerplate` holds the keys of paragraphs to ignore."""
    article = record.article
    every = paragraphs(article.text)
    kept = [p for p in every if paragraph_key(p) not in boilerplate]
    text = "\n".join(kept) if kept else article.text
    main = record.incidents[0] if record.incidents else None
    incident_date = _ordinal(main.date.value) if main and main.date and main.date.value else None
    figures = figures_in((article.title or "") + "\n" + text)
    city = None
    types: frozenset = frozenset()
    extracted: set = set()
    if main is not None:
        extracted = {(k, getattr(main, k).min) for k in ("killed", "injured")
                     if getattr(main, k) is not None and getattr(main, k).min is not None}
        if main.location and (main.location.city or main.location.name):
            city = (main.location.city or main.location.name).lower()
        types = frozenset(t for t in main.types if t != "unknown")
    return Features(
        id=article.id, date=_ordinal(article.published), site=article.site,
        incident_date=incident_date, extracted_figures=extracted,
        words=tokens(text), lead=tokens((article.title or "") + "\n" + text[:LEAD_CHARS]),
        names=NAME.findall(text), persons=person_names(text),
        proper={w.lower() for w in PROPER.findall(text)},
        addresses={re.sub(r"\s+", " ", a.lower()) for a in ADDRESS.findall(text)},
        ages=set(AGE.findall(text)), figures=figures, city=city, types=types,
        lead_text=(article.title or "") + "\n" + text[:1500],
        reports_incident=bool(record.incidents) or record.model is None,
        paragraphs=frozenset(paragraph_key(p) for p in every))


def to_json(f: Features) -> dict:
    """`f` as JSON-ready data (the store keeps it so that a new article is compared with stored
    ones without reading their records again); `from_json` gives it back."""
    return {"id": f.id, "date": f.date, "site": f.site, "words": Counter(f.words), "lead": Counter(f.lead),
            "names": Counter(f.names), "persons": sorted(f.persons), "proper": sorted(f.proper),
            "addresses": sorted(f.addresses), "ages": sorted(f.ages), "figures": sorted(f.figures),
            "incident_date": f.incident_date, "extracted_figures": sorted(f.extracted_figures),
            "city": f.city, "types": sorted(f.types), "lead_text": f.lead_text,
            "reports_incident": f.reports_incident, "paragraphs": sorted(f.paragraphs)}


def from_json(d: dict) -> Features:
    # Term lists come back as counts; only counts matter to TF-IDF.
    repeat = lambda counts: [t for t, n in counts.items() for _ in range(n)]
    return Features(
        id=d["id"], date=d["date"], site=d["site"], words=repeat(d["words"]), lead=repeat(d["lead"]),
        names=repeat(d["names"]), persons=set(d["persons"]), proper=set(d["proper"]),
        addresses=set(d["addresses"]), ages=set(d["ages"]), figures={tuple(x) for x in d["figures"]},
        incident_date=d["incident_date"], extracted_figures={tuple(x) for x in d["extracted_figures"]},
        city=d["city"], types=frozenset(d["types"]), lead_text=d["lead_text"],
        reports_incident=d["reports_incident"], paragraphs=frozenset(d["paragraphs"]))


def term_sets(f: Features) -> dict[str, set]:
    """The distinct terms of `f` by space: what document frequencies count."""
    return {"words": set(f.words), "names": set(f.names), "lead": set(f.lead), "persons": set(f.persons),
            "addresses": set(f.addresses), "proper": set(f.proper), "para": set(f.paragraphs)}
