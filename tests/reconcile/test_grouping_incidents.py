"""Grouping invented articles: reports of one incident join, look-alike incidents stay apart,
copies of one story are one source."""
from __future__ import annotations

import pytest

from newsdossier.reconcile.duplicates import source_groups
from newsdossier.reconcile.grouping import group
from newsdossier.records import Article, ArticleRecord


def rec(aid: str, text: str, published: str, site: str | None = None) -> ArticleRecord:
    return ArticleRecord(article=Article(id=aid, source=aid, text=text, published=published, site=site))


MARKET = ("Two men were killed and four people wounded when a gunman opened fire outside the Peony Avenue "
          "market in Tarnby on Saturday night, police said. The victims were identified as Orrin Velasquez, 34, "
          "and Marek Okonkwo, 51. Witnesses said the shooter fled in a grey van.")
MARKET_2 = ("Tarnby detectives on Monday named Suvi Lindqvist as a suspect in the Peony Avenue market shooting "
            "that killed Orrin Velasquez and Marek Okonkwo. Four people were wounded in the attack on Saturday.")
COURT = ("Suvi Lindqvist pleaded not guilty on Thursday to murder charges in the deaths of Orrin Velasquez and "
         "Marek Okonkwo, who were shot outside a Tarnby market in March.")
OTHER = ("A 19-year-old woman was wounded in a drive-by shooting on Cobalt Road in Tarnby early Wednesday, "
         "police said. Delia Marsh was taken to hospital in stable condition; nobody has been arrested.")
OTHER_2 = ("Police are still looking for the driver of a dark sedan after Delia Marsh, 19, was shot on Cobalt Road "
           "in Tarnby on Wednesday morning. Officers asked neighbours for doorbell camera footage.")
FAR = ("Firefighters in Quenford rescued a family of five from a burning farmhouse on Sunday. Nobody was hurt, "
       "and the cause of the fire on Mill Way is under investigation, the fire chief said.")


def test_grouping_same_city_same_week_stays_apart():
    records = [rec("m1", MARKET, "2024-03-03"), rec("m2", MARKET_2, "2024-03-04"),
               rec("o1", OTHER, "2024-03-06"), rec("o2", OTHER_2, "2024-03-07"),
               rec("f1", FAR, "2024-03-05")]
    groups = {frozenset(g) for g in group(records)}
    assert groups == {frozenset({"m1", "m2"}), frozenset({"o1", "o2"}), frozenset({"f1"})}


def test_grouping_follow_up_months_later_joins_by_names():
    records = [rec("m1", MARKET, "2024-03-03"), rec("m2", MARKET_2, "2024-03-04"),
               rec("c1", COURT, "2024-06-20"), rec("o1", OTHER, "2024-03-06")]
    groups = {frozenset(g) for g in group(records)}
    assert frozenset({"m1", "m2", "c1"}) in groups


def test_grouping_is_in_date_order_and_stable():
    records = [rec("o2", OTHER_2, "2024-03-07"), rec("o1", OTHER, "2024-03-06")]
    assert group(records) == [["o1", "o2"]]
    assert group(list(reversed(records))) == [["o1", "o2"]]


def test_grouping_empty():
    assert group([]) == []


def test_duplicates_wire_copy_is_one_source():
    copy = "UPDATED 9:40 PM. " + MARKET.replace("police said", "police told reporters") + " More to follow."
    records = [rec("m1", MARKET, "2024-03-03", "a.test"), rec("m1c", copy, "2024-03-03", "b.test"),
               rec("m2", MARKET_2, "2024-03-04", "c.test")]
    numbers = source_groups(records)
    assert numbers[0] == numbers[1] != numbers[2]


def test_duplicates_same_site_is_one_source():
    records = [rec("m1", MARKET, "2024-03-03", "a.test"), rec("m2", MARKET_2, "2024-03-04", "a.test")]
    assert len(set(source_groups(records))) == 1



@pytest.mark.model
def test_grouping_article_with_no_incident_stays_out_of_the_incidents_dossier(settings):
    """The shipped examples: a harbour-festival report from the town of a ferry attack, same week."""
    from pathlib import Path

    from newsdossier.pipeline import extract

    examples = Path(__file__).resolve().parents[2] / "examples"
    records = [r for r in extract([str(examples)], settings) if isinstance(r, ArticleRecord)]
    groups = [set(g) for g in group(records)]
    assert {"ex-harbor-1", "ex-harbor-2"} in groups
    assert {"ex-quiet-1"} in groups
