"""A published date with a sign ("-5000-01-01", a year before the common era) is not a date an
article can carry: it is refused or ignored with a warning, never turned into the year 5000."""
from __future__ import annotations

import json

import pytest

from newsdossier.errors import InputError
from newsdossier.ingest import article_from_text, read_inputs
from newsdossier.ingest.meta import iso_date
from newsdossier.records import Article, ArticleRecord
from newsdossier.settings import Settings
from newsdossier.store import Store

TEXT = "A bomb went off outside a bakery in Tarnby on Friday, wounding three people, police said."


@pytest.mark.parametrize("value", ["-5000-01-01", "-0044-03-15", "\u22125000-01-01"])
def test_meta_signed_year_is_not_a_date(value):
    assert iso_date(value) is None


def test_meta_dates_still_read():
    assert iso_date("2024-03-26") == "2024-03-26"
    assert iso_date("March 26, 2024") == "2024-03-26"


def test_meta_signed_year_given_for_one_text_is_refused():
    with pytest.raises(InputError, match="published '-5000-01-01' is not a date"):
        article_from_text(TEXT, published="-5000-01-01")


def test_meta_signed_year_in_jsonl_is_ignored_and_not_stored_as_year_5000(tmp_path, caplog):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "old", "text": TEXT, "published": "-5000-01-01"}) + "\n")
    [article] = list(read_inputs([str(path)], Settings()))
    assert isinstance(article, Article) and article.published is None
    assert "published '-5000-01-01' is not a date; ignored" in caplog.text
    with Store(str(tmp_path / "s.db")) as store:
        store.add([ArticleRecord(article=article)])
        assert store.article("old").article.published is None
