"""Incident dates: resolution rules (no model) and the incident's date chosen from invented articles."""
import datetime as dt

import pytest

from newsdossier.extract.incidents.dates import incident_date, resolve

TUESDAY = dt.date(2024, 3, 26)
FRIDAY = dt.date(2024, 3, 29)


@pytest.mark.parametrize("phrase,published,value,how", [
    ("Friday", TUESDAY, "2024-03-22", "published"),
    ("on Friday", TUESDAY, "2024-03-22", "published"),
    ("Monday night", TUESDAY, "2024-03-25", "published"),
    ("Friday", FRIDAY, "2024-03-29", "published"),          # same weekday: that day
    ("last Friday", FRIDAY, "2024-03-22", "published"),     # ... unless it says "last"
    ("Tuesday, March 19, 2024", FRIDAY, "2024-03-19", "explicit"),
    ("today", FRIDAY, "2024-03-29", "published"),
    ("yesterday", TUESDAY, "2024-03-25", "published"),
    ("last night", TUESDAY, "2024-03-25", "published"),
    ("three days ago", TUESDAY, "2024-03-23", "published"),
    ("2 weeks ago", TUESDAY, "2024-03-12", "published"),
    ("this week", TUESDAY, "2024-W13", "published"),
    ("last week", TUESDAY, "2024-W12", "published"),
    ("last month", TUESDAY, "2024-02", "published"),
    ("March 22", TUESDAY, "2024-03-22", "published"),
    ("Dec. 24", TUESDAY, "2023-12-24", "published"),         # the most recent past one
    ("22 March 2024", TUESDAY, "2024-03-22", "explicit"),
    ("2024-03-22", None, "2024-03-22", "explicit"),
    ("March 22, 2019", None, "2019-03-22", "explicit"),
])
def test_resolve(phrase, published, value, how):
    assert resolve(phrase, published) == (value, how, False)


@pytest.mark.parametrize("phrase", ["Friday", "yesterday", "two days ago", "this week", "March 22"])
def test_relative_without_reference_is_unresolved(phrase):
    assert resolve(phrase, None) == (None, None, True)


@pytest.mark.model
def test_event_date_beats_statement_date(analyzed):
    text = ("The interior minister said on Monday that the inquiry would take months. "
            "Gunmen attacked the Varro market in Kestrel on Friday, killing nine people.")
    ctx = analyzed(text, "2025-06-17")
    date = incident_date(ctx, 0, len(text))
    assert date.value == "2025-06-13"
    assert date.text == "on Friday"
    assert ctx.text[date.start:date.end] == date.text
    assert date.resolved_from == "published"


@pytest.mark.model
def test_unknown_reference_date_is_flagged(analyzed):
    text = "A bomb exploded at the Tollan bus depot on Wednesday, wounding six people."
    ctx = analyzed(text, None)
    date = incident_date(ctx, 0, len(text))
    assert date.value is None and date.unresolved
    assert date.text == "on Wednesday"


@pytest.mark.model
def test_explicit_date_and_no_date(analyzed):
    text = "Two people were shot dead in Corran on March 3, 2021, police said."
    ctx = analyzed(text, "2021-03-10")
    assert incident_date(ctx, 0, len(text)).value == "2021-03-03"
    plain = "The 45-year-old man was treated for a cut to his hand."
    assert incident_date(analyzed(plain, "2021-03-10"), 0, len(plain)) is None
