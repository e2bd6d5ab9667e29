"""Known armed groups: the lexicon `groups.tsv` beside this module, and how a text is matched against it.

One group a line: name, a tab, then `|`-separated aliases; loaded and matched here once for every
stage (the analysis' actors and the extractors). Aliases that are also ordinary words ("is",
"far") match only as written; every other alias matches in any case, so lower-cased wire text
works too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GROUPS_FILE = Path(__file__).resolve().parent / "groups.tsv"
GROUP_WORDS = re.compile(
    r"\b(front|army|brigades?|militia|movement|liberation|jihad|mujahideen|mujahedeen|islamic state|"
    r"al-|taliban|rebels?|insurgents?|guerrillas?|cartel|gang|faction|commandos?|battalions?)\b", re.I)


def looks_like_group(text: str) -> bool:
    return bool(GROUP_WORDS.search(text))


@dataclass(frozen=True)
class Group:
    """One armed group of the lexicon: its name and every alias, lower-cased for matching."""

    name: str
    aliases: tuple[str, ...]


# Short aliases that are also ordinary words ("is", "far", "aum"): matched only as written.
_CASE_ONLY = frozenset({"is", "sl", "far", "aum", "alf", "elf", "ji", "fal", "raf", "the base", "jas",
                        "ano", "adf", "imu", "mcc", "aah", "let", "mir", "hts", "bla", "blf", "npa"})


@lru_cache(maxsize=1)
def load_groups() -> tuple[Group, ...]:
    """The armed-group lexicon `groups.tsv` (name, then |-separated aliases)."""
    groups = []
    for line in GROUPS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, _, aliases = line.partition("\t")
        names = [name.strip()] + [a.strip() for a in aliases.split("|") if a.strip()]
        groups.append(Group(name=name.strip(), aliases=tuple(dict.fromkeys(names))))
    return tuple(groups)


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _group_patterns() -> tuple[tuple[re.Pattern, re.Pattern, int, frozenset], ...]:
    """(case-insensitive, case-sensitive, group index, words) patterns, longest aliases first.

    `words` are the alias's lower-cased words: an alias can only match a text holding all of them,
    which lets `find_groups` skip most of the few hundred patterns on any one article. Aliases
    with non-ASCII letters (whose case folding `str.lower` might not mirror) are always tried.
    """
    items = []
    for gi, group in enumerate(load_groups()):
        for alias in group.aliases:
            items.append((alias, gi))
    items.sort(key=lambda x: -len(x[0]))
    out = []
    for alias, gi in items:
        body = r"(?<![\w-])" + re.escape(alias).replace(r"\ ", r"[\s-]+") + r"(?![\w-])"
        words = frozenset(_WORDS.findall(alias.lower())) if alias.isascii() else frozenset()
        out.append((re.compile(body, re.I), re.compile(body), gi if alias.lower() not in _CASE_ONLY else -1 - gi,
                    words))
    return tuple(out)


def find_groups(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, canonical group name) matches of the lexicon in `text`."""
    groups = load_groups()
    present = set(_WORDS.findall(text.lower()))
    taken: list[tuple[int, int, str]] = []
    for loose, strict, gi, words in _group_patterns():
        if not words <= present:
            continue
        pattern = loose if gi >= 0 else strict
        name = groups[gi if gi >= 0 else -1 - gi].name
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in taken):
                continue
            taken.append((m.start(), m.end(), name))
    return sorted(taken)


def groups_in(doc) -> list[tuple[int, int, str]]:
    """`find_groups` over a Doc's text, worked out once per Doc (analysis and extraction both ask)."""
    key = ("newsdossier", "groups")
    if key not in doc.user_data:
        doc.user_data[key] = find_groups(doc.text)
    return doc.user_data[key]
