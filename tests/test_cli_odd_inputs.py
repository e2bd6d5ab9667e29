"""`dossier extract` on a folder holding a file whose name is not UTF-8 and a named pipe: valid
JSON out, the file named in an escaped form, the pipe named once on stderr, no hang."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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
def test_cli_extract_folder_with_non_utf8_name_and_fifo_prints_valid_json(odd_folder):
    proc = subprocess.run([sys.executable, "-m", "newsdossier", "extract", str(odd_folder), "--format", "jsonl",
                           "--no-progress"], capture_output=True, timeout=240)
    assert proc.returncode == 1  # the pipe is named as not read
    records = [json.loads(line.decode("utf-8")) for line in proc.stdout.splitlines()]
    assert sorted(r["article"]["source"] for r in records) == [str(odd_folder / "a.txt"), str(odd_folder) + "/b\\xff.txt"]
    assert proc.stderr.decode().splitlines() == [
        f"dossier: skipped {odd_folder / 'pipe'}: a named pipe (FIFO) inside a folder is not read (name it to read it)"]
