"""Corrections people make to a dossier: which fields can be corrected, what a valid value is,
and which correction of a field is in force.

A correction is kept beside the machine's value (never written over it), so the value in force is
worked out when read: the latest correction of each field wins.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Mapping

from ..errors import CorrectionError
from ..records import ATTACK_TYPES, Correction


def _text(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("a non-empty string")
    if len(value) > 2000:
        raise ValueError("a string of at most 2,000 characters")
    return value.strip()


def _count(value) -> int:
    # bool is an int in Python; "true" killed is a mistake, not 1.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("a whole number of people, 0 or more")
    return value


def _date(value) -> str:
    try:
        return dt.date.fromisoformat(_text(value)).isoformat()
    except ValueError:
        raise ValueError("an ISO date such as 2024-03-22") from None


def _names(value) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        raise ValueError("a list of names")
    names = tuple(_text(v) for v in items if not (isinstance(v, str) and not v.strip()))
    if len(names) > 50:
        raise ValueError("a list of at most 50 names")
    return names


def _types(value) -> tuple[str, ...]:
    types = _names(value)
    bad = [t for t in types if t not in ATTACK_TYPES]
    if bad or not types:
        raise ValueError(f"attack types from {', '.join(ATTACK_TYPES)}")
    return types


def _coordinate(limit: float) -> Callable:
    def check(value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
            raise ValueError(f"a number from -{limit:g} to {limit:g}")
        return float(value)
    return check


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise ValueError("true or false")
    return value


# Field -> validator returning the normalised value. The names follow the dossier's merged fields
# (types, date, killed, injured, perpetrator_count) and the incident's parts that exports carry.
FIELDS: Mapping[str, Callable] = {
    "types": _types,
    "date": _date,
    "location": _text,
    "venue": _text,
    "city": _text,
    "region": _text,
    "country": _text,
    "latitude": _coordinate(90),
    "longitude": _coordinate(180),
    "killed": _count,
    "injured": _count,
    "perpetrator_count": _count,
    "perpetrators": _names,
    "weapons": _names,
    "targets": _names,
    "victims": _names,
    "summary": _text,
    "not_an_incident": _flag,
}


def validate(field: str, value):
    """`value` normalised for `field`; CorrectionError naming the field and what is valid."""
    if field not in FIELDS:
        raise CorrectionError(f"field {field!r} cannot be corrected; one of: {', '.join(FIELDS)}")
    try:
        return FIELDS[field](value)
    except ValueError as exc:
        raise CorrectionError(f"{field}: {value!r} is not valid; expected {exc}") from None


def in_force(corrections: Iterable[Correction]) -> dict[str, Correction]:
    """The correction in force for each field: the latest made (ties broken by id)."""
    latest: dict[str, Correction] = {}
    for c in sorted(corrections, key=lambda c: (c.at, c.id)):
        latest[c.field] = c
    return latest
