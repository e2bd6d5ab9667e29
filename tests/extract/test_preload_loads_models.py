"""`extract.preload` loads up front what extraction otherwise loads on the first article that needs
it (so a benchmark's clock or a worker's first shard does not pay for it), leaves out what the
settings turn off, and asks plugin extractors to do the same."""
import pytest

from newsdossier import registry
from newsdossier.extract import preload
from newsdossier.extract.incidents import _load_model, relevance, specific
from newsdossier.extract.incidents.places import gazetteer
from newsdossier.extract.incidents.roles import crf, learned, tagger
from newsdossier.extract.statements.tagger import load_tagger

pytestmark = pytest.mark.model

LOADERS = {"gazetteer": gazetteer, "statements tagger": load_tagger, "incident model": _load_model,
           "roles CRF": crf.tagger_at, "learned roles": learned.load_model, "roles encoder": learned.encoder,
           "relevance model": relevance.load, "relevance encoder": relevance._encoder,
           "per-candidate model": specific.load, "role tagger": tagger.load}


def _loaded() -> set[str]:
    return {name for name, loader in LOADERS.items() if loader.cache_info().currsize}


def _clear() -> None:
    for loader in LOADERS.values():
        loader.cache_clear()


def test_preload_loads_every_model_the_default_settings_use(settings):
    _clear()
    assert _loaded() == set()
    preload(settings)
    assert _loaded() == set(LOADERS)


def test_preload_leaves_out_what_the_settings_turn_off(settings):
    _clear()
    preload(settings.with_(learned_roles="rules", incident_relevance=False, incident_candidates=False))
    assert _loaded() == {"gazetteer", "statements tagger", "incident model", "roles CRF"}
    _clear()
    preload(settings.with_(role_model="static"))
    assert "role tagger" not in _loaded() and "roles encoder" in _loaded()
    _clear()
    preload(settings.with_(role_model="tagger"))
    assert "role tagger" in _loaded() and "learned roles" not in _loaded()
    preload(settings)  # what later tests expect to find loaded


def test_preload_asks_a_plugin_extractor_that_carries_a_preload(settings):
    calls = []

    def statements(ctx):
        return ()

    statements.preload = lambda s: calls.append(s.statements_extractor)
    registry.extractors.register("test_preloading_statements.v1", func=statements)
    plugin = settings.with_(statements_extractor="test_preloading_statements.v1")
    preload(plugin)
    assert calls == ["test_preloading_statements.v1"]
