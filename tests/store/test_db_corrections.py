"""Corrections: stored beside the machine's values with who and when, validated, and kept with
their incident when regrouping renames its dossier; on each backend."""
from __future__ import annotations

import pytest

from newsdossier.errors import CorrectionError, StoreError
from newsdossier.reconcile.corrections import in_force
from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store

FLOOD = ("The river Tamsel burst its banks at Oskerville on Sunday, and volunteers carried sandbags "
         "to the old mill while the ferry to Brinmoor stayed tied up for a third day.")
MARKET = ("A bomb hidden in a fruit cart exploded in the Quenford covered market on Friday, and the "
          "municipal council closed every stall in the arcade until inspectors finish their work.")


def record(aid: str, text: str, published: str) -> ArticleRecord:
    return ArticleRecord(article=Article(id=aid, source=f"{aid}.txt", text=text, published=published,
                                         input_format="text"))


def dossier_of(store: Store, article: str) -> str:
    return store.dossier(article).id


def test_db_correction_stored_with_who_and_when(db_url):
    with Store(db_url) as store:
        store.add([record("flood-1", FLOOD, "2024-05-06"), record("market-1", MARKET, "2024-05-10")])
        market = dossier_of(store, "market-1")
        made = store.add_correction(market, "killed", 4, who="desk", note="hospital list")
        store.add_correction(market, "killed", 5, who="editor")
        store.add_correction(market, "types", ["bombing_explosion"], who="desk")
        got = store.corrections(market)
        assert [c.value for c in got] == [4, 5, ("bombing_explosion",)]
        assert made.who == "desk" and made.note == "hospital list" and made.at.startswith("20")
        assert in_force(got)["killed"].value == 5
        assert store.corrections(dossier_of(store, "flood-1")) == []
        # the machine's dossier is untouched by a correction
        assert store.dossier(market).id == market


@pytest.mark.parametrize("field, value", [
    ("killed", -1), ("killed", True), ("killed", "many"), ("types", ["earthquake"]), ("date", "last week"),
    ("latitude", 123.0), ("colour", "red"), ("summary", ""),
])
def test_db_correction_bad_value_is_refused(tmp_path, field, value):
    with Store(str(tmp_path / "c.db")) as store:
        store.add([record("market-1", MARKET, "2024-05-10")])
        with pytest.raises(CorrectionError, match=field):
            store.add_correction(dossier_of(store, "market-1"), field, value, who="desk")
        assert store.corrections() == []


def test_db_correction_of_missing_dossier_is_refused(tmp_path):
    with Store(str(tmp_path / "c.db")) as store:
        with pytest.raises(StoreError, match="no dossier"):
            store.add_correction("d000000000000", "killed", 3, who="desk")


def test_db_correction_stays_with_its_dossier_as_reports_come_and_on_rebuild(db_url):
    with Store(db_url) as store:
        store.add([record("market-2", MARKET, "2024-05-11"), record("flood-1", FLOOD, "2024-05-06")])
        before = dossier_of(store, "market-2")
        store.add_correction(before, "injured", 12, who="desk")
        # An earlier report of the same bombing joins: the dossier keeps its id and its correction.
        store.add([record("market-0", MARKET + " Police cordoned off the square.", "2024-05-10")])
        assert dossier_of(store, "market-0") == dossier_of(store, "market-2") == before
        assert [c.value for c in store.corrections(before)] == [12]
        # Rebuilding every dossier from scratch keeps the ids people have seen.
        store.regroup()
        assert dossier_of(store, "market-0") == before
        assert [c.value for c in store.corrections(before)] == [12]
        # re-ingesting the same records changes nothing
        store.add([record("market-2", MARKET, "2024-05-11")])
        assert [c.value for c in store.corrections(dossier_of(store, "market-2"))] == [12]


def test_db_correction_follows_an_article_that_moves_to_another_dossier(db_url):
    with Store(db_url) as store:
        store.add([record("market-1", MARKET, "2024-05-10"), record("flood-1", FLOOD, "2024-05-06"),
                   record("note-1", FLOOD.replace("Sunday", "Monday"), "2024-05-07")])
        note = dossier_of(store, "note-1")
        flood = dossier_of(store, "flood-1")
        assert note == flood
        lone = record("x-1", "A short notice about the harbour ferry timetable for the summer season at Halvik, "
                      "with new evening crossings on weekdays.", "2024-05-08")
        store.add([lone])
        lone_id = dossier_of(store, "x-1")
        assert lone_id not in (flood, dossier_of(store, "market-1"))
        store.add_correction(lone_id, "summary", "A ferry timetable, no incident.", who="desk")
        # The same article id comes again with the bombing report's text (a page that was updated):
        # it moves to the bombing's dossier, its old dossier id resolves there, and so does the correction.
        store.add([record("x-1", MARKET + " Stalls reopen next week.", "2024-05-12")])
        market = dossier_of(store, "market-1")
        assert dossier_of(store, "x-1") == market
        assert store.dossier(lone_id).id == market
        assert [c.field for c in store.corrections(market)] == ["summary"]
