"""The Python API checks its arguments: a wrong type or invalid text raises the library's own
error (newsdossier.errors) with a message naming the argument, never an AttributeError or a
UnicodeEncodeError from deep inside; and one str (or path) given as inputs is one input."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsdossier
from newsdossier.errors import ArgumentError, DossierError, InputError
from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store


def _store(tmp_path):
    return Store(str(tmp_path / "args.db"))


CASES = [
    ("extract_text(None)", lambda tmp: newsdossier.extract_text(None), ArgumentError, "text must be a str, got NoneType"),
    ("extract_text(123)", lambda tmp: newsdossier.extract_text(123), ArgumentError, "text must be a str, got int"),
    ("extract_text(bytes)", lambda tmp: newsdossier.extract_text(b"Gunmen attacked a bank."), ArgumentError,
     "got bytes (decode the bytes first"),
    ("extract_text(lone surrogate)", lambda tmp: newsdossier.extract_text("Gunmen \ud800 attacked a bank."),
     InputError, "lone surrogate U+D800 at character 7"),
    ("extract_text(settings=dict)", lambda tmp: newsdossier.extract_text("Gunmen attacked a bank.", settings={}),
     ArgumentError, "settings must be a newsdossier.Settings"),
    ("extract_text(published=5)", lambda tmp: newsdossier.extract_text("Gunmen attacked a bank.", published=5),
     ArgumentError, "published must be"),
    ("extract_inputs(None)", lambda tmp: newsdossier.extract_inputs(None), ArgumentError, "inputs must be a path"),
    ("extract_inputs([123])", lambda tmp: newsdossier.extract_inputs(["a.txt", 123]), ArgumentError,
     "inputs[1] must be a path, URL or '-'"),
    ("extract(b'x')", lambda tmp: newsdossier.extract(b"x.txt"), ArgumentError, "got bytes"),
    ("Store(123)", lambda tmp: Store(123), ArgumentError, "the database must be a path or URL"),
    ("Store(bytes)", lambda tmp: Store(b"x.db"), ArgumentError, "decode a bytes path with os.fsdecode"),
    ("ingest(None)", lambda tmp: _store(tmp).ingest(None), ArgumentError, "inputs must be a path"),
    ("ingest([None])", lambda tmp: _store(tmp).ingest([None]), ArgumentError, "inputs[0] must be"),
    ("ingest(settings=str)", lambda tmp: _store(tmp).ingest(["a"], settings="fast"), ArgumentError,
     "settings must be a newsdossier.Settings"),
    ("add([123])", lambda tmp: _store(tmp).add([123]), ArgumentError, "add() item 0 must be an ArticleRecord or a Failure"),
    ("add(None)", lambda tmp: _store(tmp).add(None), ArgumentError, "add() takes an iterable"),
]


@pytest.mark.parametrize("call, expected, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_api_refuses_bad_arguments_with_its_own_error(tmp_path, call, expected, message):
    with pytest.raises(DossierError) as caught:
        call(tmp_path)
    assert isinstance(caught.value, expected)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_api_argument_error_is_also_a_type_error():
    with pytest.raises(TypeError):
        newsdossier.extract_text(None)


def test_api_add_refuses_a_bad_item_before_writing_its_batch(tmp_path):
    good = ArticleRecord(article=Article(id="a1", source="a1", text="A bomb went off in Tarnby on Friday."))
    with _store(tmp_path) as store:
        with pytest.raises(ArgumentError):
            store.add([good, "not a record"], batch_size=8)
        assert store.counts()["articles"] == 0


def _seen_by_ingest(tmp_path, inputs) -> list:
    seen = []

    def extract(names, settings):
        seen.append(names)
        return iter(())
    with _store(tmp_path) as store:
        store.ingest(inputs, extract=extract)
    return seen[0]


def test_api_ingest_takes_one_str_or_path_as_one_input(tmp_path, monkeypatch):
    # Files named like the string's characters: iterating "xy" would have stored both.
    for name in ("x", "y"):
        (tmp_path / name).write_text("Gunmen attacked a bank in Tarnby on Monday, police said.\n")
    monkeypatch.chdir(tmp_path)
    assert _seen_by_ingest(tmp_path, "xy") == ["xy"]
    assert _seen_by_ingest(tmp_path, Path("xy")) == ["xy"]
    assert _seen_by_ingest(tmp_path, ("x", Path("y"))) == ["x", "y"]


@pytest.mark.model
def test_api_extract_takes_one_str_as_one_input(tmp_path, monkeypatch):
    for name in ("x", "y"):
        (tmp_path / name).write_text("Gunmen attacked a bank in Tarnby on Monday, police said.\n")
    monkeypatch.chdir(tmp_path)
    [failure] = list(newsdossier.extract_inputs("xy"))
    assert failure.source == "xy" and "no such file" in failure.reason
