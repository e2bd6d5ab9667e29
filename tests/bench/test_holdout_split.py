"""The GVA held-out part: fixed by incident id alone, about 30%, and scored alone by the reference
scorer's rule (an article counts when its incident has a record) on the folder `write_part` makes."""
import json

import pytest

from newsdossier.bench.holdout import HELD_OUT_PERCENT, in_part, is_held_out, write_part
from newsdossier.bench.scoring import load_gva
from newsdossier.errors import DossierError


def test_holdout_share_is_about_thirty_percent():
    ids = [str(n) for n in range(20_000)]
    share = sum(is_held_out(i) for i in ids) / len(ids)
    assert abs(share - HELD_OUT_PERCENT / 100) < 0.015


def test_holdout_membership_is_pinned():
    # a changed salt or rule would move incidents that were looked at into the held-out part
    ids = [str(i) for i in range(100000, 100020)]
    assert [i for i in ids if is_held_out(i)] == ["100002", "100003", "100007", "100009", "100012", "100014",
                                                  "100015"]


def test_holdout_parts_split_every_incident_once():
    for i in map(str, range(500)):
        assert in_part(i, "all")
        assert in_part(i, "tuning") != in_part(i, "held-out")


def test_holdout_unknown_part_is_refused():
    with pytest.raises(DossierError, match="no GVA part named 'test'"):
        in_part("1", "test")


def _gva_folder(tmp_path, ids):
    folder = tmp_path / "data" / "semeval2018t5_gva_pilot"
    folder.mkdir(parents=True)
    body = "Residents of Harwick said the quarrel outside the feed store turned violent late on Friday. " * 6
    with open(folder / "incidents.jsonl", "w") as f:
        for i in ids:
            f.write(json.dumps({"incident_id": i, "city_or_county": "Harwick", "num_killed": 0,
                                "num_injured": 1, "date": "May 2, 2016", "state": "Ohio"}) + "\n")
    with open(folder / "articles.jsonl", "w") as f:
        for i in ids:
            f.write(json.dumps({"article_id": f"a{i}", "incident_id": i, "content": body, "dct": "2016-05-03"}) + "\n")
    return tmp_path / "data"


def test_holdout_write_part_keeps_only_that_parts_incidents(tmp_path):
    ids = [str(n) for n in range(40)]
    data = _gva_folder(tmp_path, ids)
    held = [i for i in ids if is_held_out(i)]
    assert held and len(held) < len(ids)
    for part, expected in (("held-out", held), ("tuning", [i for i in ids if i not in held]), ("all", ids)):
        dest = write_part(data, part, tmp_path / part)
        scored = [inc["incident_id"] for _, inc in load_gva(dest)]
        assert scored == expected


@pytest.mark.model
def test_holdout_figures_bench_scores_one_part(tmp_path, settings):
    from newsdossier.bench.figures import run

    ids = [str(n) for n in range(100000, 100008)]
    data = _gva_folder(tmp_path, ids)
    held = [i for i in ids if is_held_out(i)]
    assert 0 < len(held) < len(ids)
    out = {split: run(data, split, settings) for split in ("held-out", "tuning", "dev")}
    assert (out["held-out"]["part"], out["held-out"]["articles"]) == ("held-out", len(held))
    assert (out["tuning"]["part"], out["tuning"]["articles"]) == ("tuning", len(ids) - len(held))
    assert (out["dev"]["part"], out["dev"]["articles"]) == ("all", len(ids))
