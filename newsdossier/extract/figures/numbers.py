"""Counts written in words or digits, with the qualifier that bounds them, read as intervals.

`parse_quantity("at least 139")` -> Quantity(min=139, max=None, qualifier="at_least").
The grammar is small and general (English number words, digits, vague quantifiers such as
"dozens" and "a handful", and the hedges news writing puts in front of a count); which count
belongs to which event is decided elsewhere (figures.py) from the dependency parse.

Conventions, chosen so that a reader can recover the phrase's meaning from min/max/qualifier:
- "more than N", "over N", "well over N" -> min N+1, no max (`more_than`);
- "at least N", "no fewer than N" -> min N, no max (`at_least`);
- "up to N", "at most N", "no more than N", "as many as N" -> max N, no min (`at_most`);
- "nearly N", "almost N", "just under N" -> max N-1, no min (`nearly`), because the writer says
  the count has not reached N;
- "about N", "around N", "some N", "roughly N" -> min = max = N (`about`);
- "dozens" -> min 24 (`dozens`), "scores" -> min 40, "hundreds" -> min 200, "thousands" -> min 2000,
  "a dozen" -> 12 (`about`), "a handful" -> 2..5 (`handful`), "several" -> min 3 (`several`),
  "a few" -> 2..5 (`few`), "a couple of" -> 2 (`about`), "both" -> 2;
- "between N and M", "N to M", "N-M" -> [N, M] (`range`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "lone": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Words that are numbers only inside a larger number ("a hundred"), never alone.
_WEAK = {"a", "an", "no", "none", "single", "lone"}

# Vague plural quantifiers: (min, max, qualifier).
VAGUE = {
    "dozens": (24, None, "dozens"),
    "scores": (40, None, "scores"),
    "hundreds": (200, None, "hundreds"),
    "thousands": (2000, None, "thousands"),
    "several": (3, None, "several"),
    "numerous": (3, None, "several"),
    "multiple": (2, None, "several"),
    "both": (2, 2, "exact"),
}

_NUM_WORD = "|".join(sorted(list(UNITS) + list(TENS) + list(SCALES) + ["dozen"],
                             key=len, reverse=True))
# "a hundred and twenty": "and" joins number words only after a scale word.
_SEP = r"(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
# A cardinal: digits (optionally followed by a scale word) or a run of number words.
_CARDINAL = (rf"(?:(?:{_DIGITS})(?:\s+(?:hundred|thousand|million))?"
             rf"|(?:{_NUM_WORD})(?:{_SEP}(?:{_NUM_WORD}))*)")

_HEDGES = [
    (r"well\s+(?:over|above|beyond)|far\s+more\s+than|many\s+more\s+than|much\s+more\s+than", "more_than"),
    (r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|greater\s+than|beyond", "more_than"),
    (r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|not\s+less\s+than|as\s+many\s+as\s+at\s+least",
     "at_least"),
    (r"up\s+to|at\s+most|no\s+more\s+than|as\s+many\s+as|a\s+maximum\s+of|not\s+more\s+than", "at_most"),
    (r"fewer\s+than|less\s+than|under|below", "less_than"),
    (r"nearly|almost|just\s+(?:under|below|shy\s+of)|close\s+to|not\s+quite", "nearly"),
    (r"about|around|approximately|roughly|some|an\s+estimated|estimated|or\s+so|circa|c\.", "about"),
]
_HEDGE_RE = "|".join(f"(?P<h{i}>{pat})" for i, (pat, _) in enumerate(_HEDGES))

_QUANTITY_RE = re.compile(
    rf"""\b(?:(?P<hedge>{_HEDGE_RE})\s+)?
        (?:
          between\s+(?P<lo>{_CARDINAL})\s+and\s+(?P<hi>{_CARDINAL})
        | (?P<r1>{_DIGITS})\s*(?:-|–|to)\s*(?P<r2>{_DIGITS})(?![\w-])
        | (?P<r1w>{_CARDINAL})\s+(?:to|or)\s+(?P<r2w>{_CARDINAL})
        | (?P<vague>dozens|scores|hundreds|thousands|several|numerous|multiple|both)
        | (?P<handful>a\s+handful|a\s+few|a\s+couple(?:\s+of)?)
        | (?P<adozen>(?:a|one)\s+dozen)
        | (?P<card>{_CARDINAL})
        )(?![\w])""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Quantity:
    """An interval read from a phrase; `start`/`end` are offsets into the phrase given."""

    min: Optional[int]
    max: Optional[int]
    qualifier: str
    start: int
    end: int

    @property
    def point(self) -> Optional[int]:
        """One number for comparisons: the lower bound, else the upper bound."""
        return self.min if self.min is not None else self.max


def words_to_int(text: str) -> Optional[int]:
    """'twenty-one' -> 21, 'two hundred' -> 200, '1,200' -> 1200, 'a hundred' -> 100; None if not a number."""
    text = text.strip().lower().replace("–", "-")
    if not text:
        return None
    digits = re.fullmatch(rf"({_DIGITS})(?:\s+(hundred|thousand|million))?", text)
    if digits:
        value = int(digits.group(1).replace(",", ""))
        return value * SCALES[digits.group(2)] if digits.group(2) else value
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words:
        return None
    if len(words) == 1 and words[0] in _WEAK and words[0] not in ("a", "an", "single", "lone"):
        return 0 if words[0] in ("no", "none") else None
    total = current = 0
    seen = False
    for i, word in enumerate(words):
        if word in UNITS:
            # "a"/"an" count only before a scale word: "a hundred", "a dozen".
            if word in _WEAK and not (i + 1 < len(words) and words[i + 1] in SCALES | {"dozen": 12}.keys()):
                if len(words) == 1 and word in ("a", "an", "single", "lone"):
                    return 1
                return None
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _hedge_kind(match: re.Match) -> Optional[str]:
    for i, (_, kind) in enumerate(_HEDGES):
        if match.group(f"h{i}"):
            return kind
    return None


def _apply_hedge(value: int, hedge: Optional[str]) -> tuple[Optional[int], Optional[int], str]:
    if hedge is None:
        return value, value, "exact"
    if hedge == "more_than":
        return value + 1, None, "more_than"
    if hedge == "at_least":
        return value, None, "at_least"
    if hedge == "at_most":
        return None, value, "at_most"
    if hedge == "less_than":
        return None, max(value - 1, 0), "less_than"
    if hedge == "nearly":
        return None, max(value - 1, 0), "nearly"
    return value, value, "about"


def _from_match(m: re.Match) -> Optional[Quantity]:
    hedge = _hedge_kind(m) if m.group("hedge") else None
    start, end = m.start(), m.end()
    if m.group("lo") or m.group("r1") or m.group("r1w"):
        lo = words_to_int(m.group("lo") or m.group("r1") or m.group("r1w"))
        hi = words_to_int(m.group("hi") or m.group("r2") or m.group("r2w"))
        if lo is None or hi is None or hi < lo:
            return None
        return Quantity(lo, hi, "range", start, end)
    if m.group("vague"):
        lo, hi, qual = VAGUE[m.group("vague").lower()]
        if hedge in ("more_than", "at_least") and hi is None:
            return Quantity(lo, None, qual, start, end)
        return Quantity(lo, hi, qual, start, end)
    if m.group("handful"):
        word = m.group("handful").lower()
        if "couple" in word:
            return Quantity(2, 2, "about", start, end)
        return Quantity(2, 5, "handful" if "handful" in word else "few", start, end)
    if m.group("adozen"):
        lo, hi, qual = _apply_hedge(12, hedge)
        return Quantity(lo, hi, qual if hedge else "about", start, end)
    value = words_to_int(m.group("card"))
    if value is None:
        return None
    lo, hi, qual = _apply_hedge(value, hedge)
    return Quantity(lo, hi, qual, start, end)


def find_quantities(text: str) -> list[Quantity]:
    """Every count in `text`, left to right; ages ("17-year-old") and ordinals are not counts."""
    found = []
    for m in _QUANTITY_RE.finditer(text):
        after = text[m.end():m.end() + 12].lower()
        if m.start() > 0 and text[m.start() - 1] in ":./$#-[":
            continue                       # "11:50", "$50,000", "No. 3", "#2": not counts
        if re.search(r"\b(?:younger|older)\s+than\s+$|\b(?:aged|ages)\s+(?:\d+\s*(?:,|and|&|to)\s*)*$",
                     text[max(0, m.start() - 40):m.start()], re.IGNORECASE):
            continue                       # "a boy younger than 12", "ages 17, 19 and 20": ages
        if re.match(r"[\s-]*(?:year|yr|month|week|day)s?[\s-]*old|[\s-]*(?:yo|y/o|y\.o\.?)(?![\w-])", after):
            continue                       # an age, also abbreviated: "4 yo", "16 y/o"
        if re.match(r"(?:st|nd|rd|th)\b|[:./]\d|\]|\s*(?:%|percent|a\.m|p\.m|am\b|pm\b|block\b)", after):
            continue
        if re.match(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'-]+\.?\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|"
                    r"Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Circle|Terrace)\b",
                    text[m.end():m.end() + 40]):
            continue                       # "30 Porter St.", "2501 Kestrel Mill Rd.": an address
        q = _from_match(m)
        if q is not None:
            found.append(q)
    return found


def parse_quantity(text: str, last: bool = True) -> Optional[Quantity]:
    """The count in a short phrase (the one nearest its end unless `last` is False), or None."""
    found = find_quantities(text)
    if not found:
        return None
    return found[-1] if last else found[0]
