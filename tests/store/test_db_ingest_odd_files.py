"""A folder holding a file whose name is not UTF-8 and a named pipe, through the real pipeline:
`ingest` stores the readable files under escaped names and rejects the pipe, and `extract` prints
valid JSON (tests/test_cli_odd_inputs.py), both without hanging or a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsdossier.store import Store

TEXT = "Gunmen shot dead two guards outside a bank in Tarnby on Monday, police said.\n"
OTHER = "A bomb exploded near a school in Oskerville on Friday, wounding four people, officials said.\n"


@pytest.fixture
def odd_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    with open(os.path.join(os.fsencode(folder), b"b\xff.txt"), "wb") as f:
        f.write(OTHER.encode())
    os.mkfifo(folder / "pipe")
    return folder


@pytest.mark.model
def test_db_ingest_folder_with_non_utf8_name_and_fifo(tmp_path, odd_folder):
    # In a child process with a timeout, so that a hang fails the test instead of CI.
    code = (f"from newsdossier.store import Store\nfrom newsdossier.settings import Settings\n"
            f"print(Store({str(tmp_path / 'odd.db')!r}).ingest([{str(odd_folder)!r}], Settings()).to_json())")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    with Store(str(tmp_path / "odd.db")) as store:
        sources = sorted(r.article.source for r in store.articles())
        [failure] = store.failures()
    assert sources == [str(odd_folder / "a.txt"), str(odd_folder) + "/b\\xff.txt"]
    assert failure.source == str(odd_folder / "pipe") and "named pipe" in failure.reason
