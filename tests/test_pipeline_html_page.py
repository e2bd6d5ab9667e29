"""An HTML page end to end (a page written here): the title, the headline and the speakers read well."""
import pytest

from newsdossier.pipeline import extract

pytestmark = pytest.mark.model

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Relief convoy attacked outside Dunmore | The Carrick Evening Star</title>
<meta property="og:title" content="Relief convoy attacked outside Dunmore | The Carrick Evening Star">
<meta property="og:site_name" content="The Carrick Evening Star">
</head><body><nav><a href="/">Home</a> | <a href="/local">Local</a></nav><article>
<h1>Relief convoy attacked outside Dunmore</h1>
<p>Gunmen fired on a flood relief convoy outside Dunmore on Tuesday, the charity Shelter for Every Family said.</p>
<p>Two drivers were hurt and one lorry was burned, a spokeswoman for the county police said.</p>
</article><footer>Copyright The Carrick Evening Star</footer></body></html>"""


@pytest.fixture(scope="module")
def record(tmp_path_factory, settings):
    path = tmp_path_factory.mktemp("page") / "convoy.html"
    path.write_text(PAGE, encoding="utf-8")
    [item] = list(extract([str(path)], settings))
    return item.to_json()


def test_html_page_title_without_site_name(record):
    assert record["article"]["title"] == "Relief convoy attacked outside Dunmore"
    assert record["article"]["site"] == "The Carrick Evening Star"


def test_html_page_headline_is_not_part_of_the_first_statement(record):
    first = min(record["statements"], key=lambda s: s["content"]["start"])
    assert first["content"]["text"].startswith("Gunmen fired on a flood relief convoy")
    assert "Relief convoy attacked" not in first["evidence"][0]["text"]


def test_html_page_charity_named_in_full_as_speaker(record):
    names = {e["id"]: (e["name"], e["type"]) for e in record["entities"]}
    speakers = [s["speaker"] for s in record["statements"] if s["speaker"]]
    charity = next(s for s in speakers if "Shelter" in s["text"])
    assert names[charity["entity"]] == ("Shelter for Every Family", "organization")
    assert ("Shelter", "person") not in names.values()
