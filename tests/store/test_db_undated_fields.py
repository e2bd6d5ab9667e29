"""An undated article's values reach the merged incident: after ingesting the examples (the
Marrowby report carries no date), each dossier's incident agrees with its own field choices, which
is what `dossier dossiers` prints and `dossier show` tabulates."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdossier.reconcile.merge import _figure_text, _location_text
from newsdossier.settings import Settings
from newsdossier.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _incident_value(incident, field):
    if incident is None:
        return None
    if field == "types":
        return ",".join(sorted(incident.types)) or None
    if field == "date":
        return incident.date.value if incident.date else None
    if field == "location":
        return _location_text(incident)
    return _figure_text(getattr(incident, field))


@pytest.mark.model
def test_db_dossiers_incident_agrees_with_fields_for_undated_articles(tmp_path):
    with Store(str(tmp_path / "ex.db")) as store:
        store.ingest([str(EXAMPLES)], Settings())
        dossiers = list(store.dossiers())
        [article] = [r.article for r in store.articles() if r.article.source.endswith("marrowby-station-bombing.txt")]
        marrowby = store.dossier(article.id)
    assert article.published is None and len(dossiers) >= 3
    for dossier in dossiers:
        for choice in dossier.fields:
            assert _incident_value(dossier.incident, choice.field) == choice.value, (dossier.id, choice.field)
    assert marrowby.incident.types == ("bombing_explosion",)
    assert marrowby.incident.killed is not None and marrowby.incident.killed.min == 23
    assert marrowby.incident.injured is not None and marrowby.incident.injured.min > 60
