"""Helpers of the server tests (imported by name: a test module cannot import from a conftest,
whose module name other test folders share): a copy of a store, a real `dossier serve` process,
a token file, and Debian's chromium."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "desk-token-0123456789abcdef"
EDITOR = "maria"


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a store (SQLite's backup, so the copy is whole even with a WAL)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def dossier_of(db: Path, article_id: str) -> str:
    from newsdossier.store import Store

    with Store(str(db)) as store:
        return store.dossier(article_id).id


class Server:
    """A `dossier serve` process; `url` is where it listens."""

    def __init__(self, db: Path, token_file: Path | None = None, extra: tuple[str, ...] = ()):
        args = [sys.executable, "-m", "newsdossier", "serve", "--db", str(db), "--port", "0", *extra]
        if token_file is not None:
            args += ["--token-file", str(token_file)]
        env = {k: v for k, v in os.environ.items() if k != "DOSSIER_TOKEN"}
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stderr.readline()
        if " at http://" not in line:
            self.proc.kill()
            raise RuntimeError(f"dossier serve did not start: {line}{self.proc.stderr.read()}")
        self.url = line.split(" at ", 1)[1].split("/ ", 1)[0]
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/api/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("dossier serve did not answer /api/healthz")
            time.sleep(0.1)

    def stop(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


def token_file(folder: Path) -> Path:
    path = folder / "tokens.txt"
    path.write_text(f"# who may correct\n{EDITOR}:{TOKEN}\n", encoding="utf-8")
    return path


def chromium() -> str:
    """The path of Debian's chromium, installing the package when it is missing and we may."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, env=env, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, env=env, timeout=1200)
        found = shutil.which("chromium")
        if found:
            return found
    pytest.skip("Debian's chromium is not installed and could not be installed (make system-deps)")
