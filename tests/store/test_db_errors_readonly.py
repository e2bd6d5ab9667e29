"""Database errors a person can act on: one line without SQL or parameters; a store that cannot be
written is refused before any extraction; readers open the file read-only, so `dossier dossiers`
and `dossier show` work in a folder they cannot write to, and never create a database."""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsdossier.errors import StoreError
from newsdossier.records import Article, ArticleRecord
from newsdossier.store import Store
from newsdossier.store.api import list_dossiers, show_dossier

TEXT = "Gunmen fired on a bakery in Tarnby on Friday, wounding three people, police said."
ROOT = Path(__file__).resolve().parents[2]


def record(aid: str, text: str = TEXT) -> ArticleRecord:
    return ArticleRecord(article=Article(id=aid, source=f"test#{aid}", text=text, published="2024-03-02"))


def never_extract(inputs, settings):
    raise AssertionError("extraction ran although the store cannot be written")


def test_db_error_is_one_line_without_sql_or_parameters(tmp_path):
    path = tmp_path / "full.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as conn:  # a real SQLite error at insert time
        conn.execute("CREATE TRIGGER no_room BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'no room left'); END")
    with Store(str(path)) as store, pytest.raises(StoreError) as caught:
        store.add([record("a1")])
    message = str(caught.value)
    assert "\n" not in message and "[SQL" not in message and TEXT not in message
    assert message.endswith("could not store a batch of 1 (no room left)")


def test_db_read_only_connection_refused_before_extracting(tmp_path):
    path = tmp_path / "ro.db"
    Store(str(path)).close()
    with Store(f"sqlite:///file:{path}?mode=ro&uri=true") as store, pytest.raises(StoreError) as caught:
        store.ingest(["anything.txt"], extract=never_extract)
    assert "cannot write to the store (attempt to write a readonly database)" in str(caught.value)


def test_db_readers_open_read_only_and_create_nothing(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no such database"):
        list(list_dossiers(str(missing)))
    assert not missing.exists()
    path = tmp_path / "d.db"
    with Store(str(path)) as store:
        store.add([record("a1")])
    with Store(str(path), read_only=True) as store:
        with pytest.raises(StoreError, match="opened read-only"):
            store.add([record("a2", "A second report: a bomb went off in Halvik on Monday.")])
        assert [r.article.id for r in store.articles()] == ["a1"]
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(StoreError, match="holds no dossier store"):
        show_dossier("a1", str(empty))


# ---- real file permissions, in a child process ----

def _no_write_access_prefix() -> list[str]:
    """A command prefix under which file permissions hold: none for a normal user; for root, the
    capabilities that bypass them dropped (setpriv, util-linux)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"] if setpriv else None
    if prefix is None or subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE (setpriv) to test permissions")
    return prefix


@pytest.fixture
def shared_dir():
    """A folder outside pytest's private tmp tree (a user without rights must reach it)."""
    path = Path(tempfile.mkdtemp(prefix="nd-ro-"))
    path.chmod(0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(path)


def _run(prefix: list[str], code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=240, env=env, cwd=ROOT)


def test_db_read_only_file_is_refused_before_extracting(shared_dir):
    prefix = _no_write_access_prefix()
    path = shared_dir / "ro.db"
    with Store(str(path)) as store:
        store.add([record("a1")])
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    proc = _run(prefix, f"""
from newsdossier.errors import StoreError
from newsdossier.store import Store
def extract(inputs, settings):
    print("extraction ran")
    return iter(())
try:
    Store({str(path)!r}).ingest(["new.txt"], extract=extract)
except StoreError as exc:
    print("refused:", exc)
""")
    assert proc.returncode == 0, proc.stderr
    assert "extraction ran" not in proc.stdout
    assert "cannot write to the store (attempt to write a readonly database)" in proc.stdout


def test_cli_dossiers_and_show_read_a_database_in_a_read_only_folder(shared_dir):
    prefix = _no_write_access_prefix()
    folder = shared_dir / "ro"
    folder.mkdir()
    path = folder / "d.db"
    with Store(str(path)) as store:
        store.add([record("a1")])
        [dossier] = list(store.dossiers())
    path.chmod(0o444)
    folder.chmod(0o555)
    before = sorted(os.listdir(folder))
    listed = _run(prefix, f"import sys; sys.argv = ['dossier', 'dossiers', '--db', {str(path)!r}]\n"
                          "from newsdossier.cli import app; app()")
    assert listed.returncode == 0, listed.stderr
    assert f'"id": "{dossier.id}"' in listed.stdout
    shown = _run(prefix, f"import sys; sys.argv = ['dossier', 'show', 'a1', '--db', {str(path)!r}]\n"
                         "from newsdossier.cli import app; app()")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"# Dossier {dossier.id}")
    assert sorted(os.listdir(folder)) == before


def test_db_store_locked_by_another_writer_is_not_refused_as_read_only(tmp_path):
    path = tmp_path / "busy.db"
    Store(str(path)).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a batch
    try:
        with Store(f"sqlite:///{path}?timeout=0.2") as store:
            store.check_writable()  # waits its turn later; not "cannot write"
    finally:
        other.execute("ROLLBACK")
        other.close()
