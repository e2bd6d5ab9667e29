"""`dossier serve` on the command line: what stops it from starting is one line and exit 3."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from serve_helpers import ROOT  # noqa: E402


def serve(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsdossier", "serve", *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env=env)


@pytest.mark.parametrize("content, word", [(None, "cannot read"), ("bob:short\n", "at least 16"), ("# none\n", "no token")])
def test_cli_serve_bad_token_file_exits_3(tmp_path, content, word):
    path = tmp_path / "tokens.txt"
    if content is not None:
        path.write_text(content)
    got = serve("--db", str(tmp_path / "s.db"), "--token-file", str(path))
    assert got.returncode == 3
    assert got.stderr.count("\n") == 1 and word in got.stderr and "Traceback" not in got.stderr


def test_cli_serve_port_in_use_exits_3(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        got = serve("--db", str(tmp_path / "s.db"), "--port", str(port))
    assert got.returncode == 3 and f"cannot listen on 127.0.0.1:{port}" in got.stderr
    assert "Traceback" not in got.stderr
