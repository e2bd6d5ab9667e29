"""Output writers: json (one object or an array), jsonl (one line each), markdown (for a person)."""
import io
import json

from newsdossier.records import (Article, ArticleRecord, Entity, Figure, Incident, Mention, Span,
                                 Speaker, Statement)
from newsdossier.serve.formats import write_json, write_jsonl, write_markdown

TEXT = "Gunmen killed 5 people in Tarsk, police said. Share this article"


def _record(aid="a1"):
    p, c, r = TEXT.index("police"), TEXT.index("said"), TEXT.index("Share")
    art = Article(id=aid, source="t.txt", text=TEXT, removed=(Span.at(TEXT, r, len(TEXT)),))
    police = Entity(id="e1", name="police", type="organization",
                    mentions=(Mention(start=p, end=p + 6, text="police"),))
    st = Statement(id="s1", kind="indirect", speaker=Speaker(start=p, end=p + 6, text="police", entity="e1"),
                   cue=Span.at(TEXT, c, c + 4), content=Span.at(TEXT, 0, TEXT.index(",")), type="assessment")
    inc = Incident(id="i1", types=("armed_assault",),
                   killed=Figure(min=5, max=5, qualifier="exact", text="killed 5 people", start=7, end=22))
    return ArticleRecord(article=art, entities=(police,), statements=(st,), incidents=(inc,))


def test_formats_json_one_record_is_an_object_and_round_trips():
    out = io.StringIO()
    write_json(iter([_record()]), out)
    data = json.loads(out.getvalue())
    assert data["article"]["id"] == "a1"
    assert ArticleRecord.model_validate(data) == _record()


def test_formats_json_several_records_are_an_array():
    out = io.StringIO()
    write_json(iter([_record("a1"), _record("a2")]), out)
    assert [r["article"]["id"] for r in json.loads(out.getvalue())] == ["a1", "a2"]


def test_formats_jsonl_one_line_per_record():
    out = io.StringIO()
    write_jsonl(iter([_record("a1"), _record("a2")]), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["article"]["id"] == "a2"


def test_formats_markdown_shows_incident_statements_and_removed():
    out = io.StringIO()
    write_markdown(iter([_record()]), out)
    md = out.getvalue()
    assert "## What happened" in md and "armed assault" in md
    assert "| s1 | police | said | assessment |" in md
    assert "Share this article" in md.split("boilerplate")[1]
